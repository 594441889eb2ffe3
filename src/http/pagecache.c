/*
 * pagecache.c - ETags, 304s and the exact page cache: kept pages in a hash table with an LRU list,
 * bounded in bytes (page_cache_mb), each valid for the data generation it was built at.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/err.h"
#include "http/auth.h"
#include "http/filesend.h"
#include "model/account.h"
#include "http/pagecache.h"
#include "http/route.h"
#include "store/db.h"
#include "view/render.h"

#define BUCKETS		1024

struct page {
	struct page		*next_in_bucket;
	struct page		*newer, *older;	/* the LRU list */
	uint64_t		 hash;
	char			*key;
	size_t			 keylen;
	unsigned long long	 gen;
	long long		 minute;	/* the clock minute it was built in */
	char			*content_type;	/* NULL: the HTML default */
	char			*cache_control;	/* NULL: the default */
	char			*headers;	/* the handler's own headers (Content-Disposition) */
	size_t			 headers_len;
	char			*body;
	size_t			 body_len;
	int			 slots;		/* the body has slot markers */
	size_t			 bytes;
};

static pthread_mutex_t	lock = PTHREAD_MUTEX_INITIALIZER;
static struct page	*buckets[BUCKETS];
static struct page	*newest, *oldest;
static size_t		 nbytes, npages;
static atomic_size_t	 limit;
static atomic_ulong	 hits, misses, not_modified;

void
pagecache_set_limit(size_t bytes)
{
	atomic_store(&limit, bytes);
	if (bytes == 0)
		pagecache_clear();
}

static uint64_t
fnv(const void *p, size_t n, uint64_t h)
{
	const unsigned char *s = p;

	while (n-- > 0)
		h = (h ^ *s++) * 1099511628211ULL;
	return h;
}

/* ---- the name of a page ---- */

static int
by_name_value(const void *a, const void *b)
{
	const struct param *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : strcmp(x->value, y->value);
}

/* The audience: who the page is for, as far as pages differ by reader. */
static int
audience(const struct request *rq, struct buf *key)
{
	const struct session *s = rq->session;

	if (s == NULL)
		return buf_puts(key, "anon");
	/* signed in: contacts shown (page_may_see_contacts), links by role and technopark; a committee
	 * secretary's committee pages differ by account (committees_may_manage) */
	return buf_printf(key, "user:%s:%s:%lld", account_role_name(s->role), s->tp_slug,
	    s->committee_secretary ? (long long)s->user_id : 0LL);
}

/* rq's page name: path, parameters sorted, audience, each ended by a NUL. 0 or -1. */
static int
page_key(const struct request *rq, struct buf *key)
{
	struct param sorted[REQUEST_MAX_PARAMS];
	size_t i, n = rq->params.n < REQUEST_MAX_PARAMS ? rq->params.n : REQUEST_MAX_PARAMS;
	int rc = 0;

	if (n > 0) {	/* no parameters: params.v may be NULL */
		memcpy(sorted, rq->params.v, n * sizeof(sorted[0]));
		qsort(sorted, n, sizeof(sorted[0]), by_name_value);
	}
	rc |= buf_append(key, rq->path, strlen(rq->path) + 1);
	for (i = 0; i < n; i++) {
		rc |= buf_append(key, sorted[i].name, strlen(sorted[i].name) + 1);
		rc |= buf_append(key, sorted[i].value, strlen(sorted[i].value) + 1);
	}
	rc |= audience(rq, key);
	/* the page's language (http/lang.c): one URL, a page in each language, never the other's */
	rc |= buf_append(key, "", 1);
	rc |= buf_puts(key, rq->lang != NULL ? rq->lang : "-");
	rc |= buf_append(key, "", 1);
	return rc ? -1 : 0;
}

/* 1 for a page that may be named and kept: a GET/HEAD of a public route that is not a stored file. */
static int
keepable(const struct request *rq)
{
	const struct route *r = rq->route;

	return r != NULL && (rq->method == M_GET || rq->method == M_HEAD) && r->access == ACC_PUBLIC &&
	    strncmp(r->pattern, "/files/", 7) != 0 && rq->refused.n == 0;
}

/* 1 when the If-None-Match list names etag (or is "*"). */
static int
etag_matches(const char *header, const char *etag)
{
	size_t n = strlen(etag);
	const char *p;

	if (header == NULL)
		return 0;
	for (p = header; *p != '\0'; ) {
		p += strspn(p, " \t,");
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (strncmp(p, etag, n) == 0 && (p[n] == '\0' || p[n] == ',' || p[n] == ' ' || p[n] == '\t'))
			return 1;
		p += strcspn(p, ",");
	}
	return 0;
}

/*
 * Last-Modified of a page made now at generation gen, in minute: the later of the generation's last
 * move and the minute's start (its content changes with either), or 0 (none said) when that is this
 * very second, so that every later change falls in a later second than any date a client was given:
 * an If-Modified-Since then never hides a change the ETag would show.
 */
static long long
last_modified(long long changed, long long minute, time_t now)
{
	long long lm = changed > minute * 60 ? changed : minute * 60;

	return lm < (long long)now ? lm : 0;
}

/* 1 when the reader's copy is current: If-None-Match names the ETag, or (only without it) the page was
 * not modified since If-Modified-Since (RFC 9110 13.1.3). */
static int
reader_current(const struct request *rq)
{
	time_t since;

	if (rq->if_none_match != NULL)
		return etag_matches(rq->if_none_match, rq->etag_out);
	return rq->if_modified_since != NULL && rq->last_modified > 0 &&
	    filesend_parse_http_date(rq->if_modified_since, &since) == 0 && rq->last_modified <= (long long)since;
}

/* ---- kept pages ---- */

static void
unlink_lru(struct page *pg)
{
	if (pg->newer != NULL)
		pg->newer->older = pg->older;
	else
		newest = pg->older;
	if (pg->older != NULL)
		pg->older->newer = pg->newer;
	else
		oldest = pg->newer;
	pg->newer = pg->older = NULL;
}

static void
push_newest(struct page *pg)
{
	pg->older = newest;
	pg->newer = NULL;
	if (newest != NULL)
		newest->newer = pg;
	newest = pg;
	if (oldest == NULL)
		oldest = pg;
}

static void
page_free(struct page *pg)
{
	free(pg->key);
	free(pg->content_type);
	free(pg->cache_control);
	free(pg->headers);
	free(pg->body);
	free(pg);
}

/* Take pg out of the table and free it (under lock). */
static void
drop(struct page *pg)
{
	struct page **pp = &buckets[pg->hash % BUCKETS];

	while (*pp != pg)
		pp = &(*pp)->next_in_bucket;
	*pp = pg->next_in_bucket;
	unlink_lru(pg);
	nbytes -= pg->bytes;
	npages--;
	page_free(pg);
}

static struct page *
find(uint64_t h, const char *key, size_t keylen)
{
	struct page *pg;

	for (pg = buckets[h % BUCKETS]; pg != NULL; pg = pg->next_in_bucket)
		if (pg->hash == h && pg->keylen == keylen && memcmp(pg->key, key, keylen) == 0)
			return pg;
	return NULL;
}

void
pagecache_clear(void)
{
	pthread_mutex_lock(&lock);
	while (oldest != NULL)
		drop(oldest);
	pthread_mutex_unlock(&lock);
}

void
pagecache_stats(size_t *entries, size_t *bytes, unsigned long *h, unsigned long *m, unsigned long *nm)
{
	pthread_mutex_lock(&lock);
	*entries = npages;
	*bytes = nbytes;
	pthread_mutex_unlock(&lock);
	*h = atomic_load(&hits);
	*m = atomic_load(&misses);
	*nm = atomic_load(&not_modified);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/* Fill the slots of text into out for rq's reader. */
static int
fill(const struct request *rq, const char *text, size_t len, struct buf *out)
{
	const struct session *s = rq->session;
	struct render_slot slots[2] = {
		{ PAGECACHE_NAME_SLOT, s != NULL ? s->display_name : "" },
		{ PAGECACHE_CSRF_SLOT, s != NULL ? s->csrf : "" },
	};

	return render_fill_slots(text, len, slots, 2, out);
}

/* The kept page for rq into rq's answer: 1 (a hit), 0 (none current). Under lock. */
static int
serve_kept(struct request *rq, const char *key, size_t keylen, uint64_t h, unsigned long long gen, long long minute)
{
	struct page *pg = find(h, key, keylen);

	if (pg == NULL)
		return 0;
	if (pg->gen != gen || pg->minute != minute) {
		drop(pg);	/* built before the last write, or in another minute */
		return 0;
	}
	unlink_lru(pg);
	push_newest(pg);
	buf_reset(&rq->raw);
	if ((pg->slots ? fill(rq, pg->body, pg->body_len, &rq->raw) : buf_append(&rq->raw, pg->body, pg->body_len)) != 0 ||
	    (pg->headers_len > 0 && buf_append(&rq->headers_out, pg->headers, pg->headers_len) != 0)) {
		buf_free(&rq->raw);
		return 0;
	}
	if (rq->raw.data == NULL && buf_append(&rq->raw, "", 0) != 0)	/* an empty body is a body too */
		return 0;
	/* the strings live as long as the page; the request's copies outlive a drop */
	rq->content_type_out = pg->content_type != NULL ? (rq->kept_type = strdup(pg->content_type)) : NULL;
	rq->cache_control = pg->cache_control != NULL ? (rq->kept_cache = strdup(pg->cache_control)) : NULL;
	rq->tmpl = NULL;
	return 1;
}

int
pagecache_begin(struct request *rq)
{
	/* Pages also change with the clock (an upcoming meeting becomes a past one, a pin expires): the
	 * times they compare are whole minutes, so a page is good for the clock minute it was made in. */
	time_t now = time(NULL);
	long long minute = (long long)(now / 60);
	unsigned long long gen;
	struct buf key = { 0 };
	uint64_t h;
	int rc, hit = 0;

	if (!keepable(rq))
		return 0;
	if ((rc = db_generation(rq->db, &gen, NULL)) != 0)
		return rc == TP_EGONE ? rc : 0;	/* no generation row: the page is made, never kept */
	if (page_key(rq, &key) != 0) {
		buf_free(&key);
		return TP_ENOMEM;
	}
	h = fnv(key.data, key.len, 14695981039346656037ULL);
	/* the ETag: generation, page and audience, and a signed-in reader's own token (the page has it) */
	snprintf(rq->etag_out, sizeof(rq->etag_out), "\"%llx.%llx-%016llx\"", gen, (unsigned long long)minute,
	    (unsigned long long)(rq->session != NULL ? fnv(rq->session->csrf, strlen(rq->session->csrf), h) : h));
	rq->last_modified = last_modified(db_generation_changed(rq->db), minute, now);
	if (rq->session != NULL && rq->cache_control == NULL)
		rq->cache_control = "private, no-cache";	/* the browser keeps it for this reader, and asks again */
	if (reader_current(rq)) {
		buf_free(&key);
		atomic_fetch_add(&not_modified, 1);
		return 304;
	}
	if (atomic_load(&limit) == 0) {
		buf_free(&key);
		return 0;
	}
	pthread_mutex_lock(&lock);
	hit = serve_kept(rq, key.data, key.len, h, gen, minute);
	pthread_mutex_unlock(&lock);
	atomic_fetch_add(hit ? &hits : &misses, 1);
	if (hit) {
		buf_free(&key);
		return 200;
	}
	rq->pc_key = key.data;	/* handed over: request_free frees it */
	rq->pc_keylen = key.len;
	rq->pc_hash = h;
	rq->pc_gen = gen;
	rq->pc_minute = minute;
	return 0;
}

int
pagecache_recording(const struct request *rq)
{
	return rq->pc_key != NULL;
}

/* Keep body as rq's page (under lock), evicting the least recently used beyond the bound. */
static void
keep(struct request *rq, const struct buf *body, size_t max)
{
	struct page *pg = calloc(1, sizeof(*pg)), *old;

	if (pg == NULL)
		return;
	pg->hash = rq->pc_hash;
	pg->gen = rq->pc_gen;
	pg->minute = rq->pc_minute;
	pg->keylen = rq->pc_keylen;
	pg->slots = 1;
	pg->body_len = body->len;
	pg->headers_len = rq->headers_out.len;
	if ((pg->key = malloc(pg->keylen)) == NULL || (pg->body = malloc(body->len + 1)) == NULL ||
	    (pg->headers_len > 0 && (pg->headers = malloc(pg->headers_len)) == NULL) ||
	    (rq->content_type_out != NULL && (pg->content_type = dup_or_null(rq->content_type_out)) == NULL) ||
	    (rq->cache_control != NULL && (pg->cache_control = dup_or_null(rq->cache_control)) == NULL)) {
		page_free(pg);
		return;
	}
	memcpy(pg->key, rq->pc_key, pg->keylen);
	if (body->len > 0)
		memcpy(pg->body, body->data, body->len);
	if (pg->headers_len > 0)
		memcpy(pg->headers, rq->headers_out.data, pg->headers_len);
	pg->bytes = sizeof(*pg) + pg->keylen + pg->body_len + pg->headers_len + 64;
	if (pg->bytes > max / 4) {	/* one page may not push out a quarter of the others */
		page_free(pg);
		return;
	}
	pthread_mutex_lock(&lock);
	if ((old = find(pg->hash, pg->key, pg->keylen)) != NULL)
		drop(old);
	while (oldest != NULL && nbytes + pg->bytes > max)
		drop(oldest);
	pg->next_in_bucket = buckets[pg->hash % BUCKETS];
	buckets[pg->hash % BUCKETS] = pg;
	push_newest(pg);
	nbytes += pg->bytes;
	npages++;
	pthread_mutex_unlock(&lock);
}

int
pagecache_finish(struct request *rq, int status, struct buf *body)
{
	struct buf filled = { 0 };
	size_t max = atomic_load(&limit);

	if (rq->pc_key == NULL)
		return 0;
	if (status == 200 && max > 0 && rq->set_cookie == NULL && rq->file.state == FILE_NONE)
		keep(rq, body, max);
	/* this reader's own name and token into the markers */
	if (body->len == 0)
		return 0;
	if (fill(rq, body->data, body->len, &filled) != 0) {
		buf_free(&filled);
		return -1;
	}
	buf_free(body);
	*body = filled;
	return 0;
}
