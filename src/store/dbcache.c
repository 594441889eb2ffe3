/*
 * dbcache.c - statements classified by their SQL text, and the kept results of reference data.
 *
 * Reference data (the association, regions, industries, technoparks, committees, network figures,
 * news categories) is read on nearly every page and changes a few times a year. A SELECT that reads
 * reference tables only is answered from memory while the reference generation it was read at is
 * current (db.c reads the generation once per request; every write to such a table moves it on in
 * the same transaction). Classification errs one way only: a statement naming any table that is not
 * reference data, or the clock, is never kept; a write to a table not listed here moves both
 * generations on.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/dbcache.h"

#define MAX_ENTRIES	512
#define MAX_BYTES	(4u * 1024 * 1024)	/* all kept results together */

/* Tables whose rows the kept results may hold. */
static const char *const ref_tables[] = {
	"association", "association_functions", "association_history", "association_leaders", "sources",
	"regions", "industries", "technoparks", "technopark_industries", "technopark_events", "committees",
	"network_figures", "news_categories", "library_kinds", NULL,
};
/* Tables no page shows: writing them moves no generation. */
static const char *const untracked_tables[] = {
	"sessions", "login_failures", "search_queue", "search_applied", "search_node", "schema_version",
	"data_generation",
	/* the search index: its indexer moves the data generation on itself, once a turn (store/indexer.c), so
	 * that on a Galera node indexing a row never touches a replicated row (docs/ha.md) */
	"search_docs", "search_sizes", NULL,
};
/* Page data that is not reference data (known here, so that a write to it moves data_gen alone). */
static const char *const data_tables[] = {
	"people", "users", "news_articles", "attachments", "audit_changes", "audit_fields", "change_requests",
	"change_request_fields", "committee_agenda_items", "committee_attendance", "committee_meetings",
	"committee_members", "committee_minutes", "committee_resolutions", "committee_secretaries",
	"library_documents", "library_files", NULL,
};
/* A result that depends on the clock or chance is never kept. */
static const char *const volatile_words[] = {
	"NOW", "CURDATE", "CURTIME", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "SYSDATE", "UTC_DATE",
	"UTC_TIME", "UTC_TIMESTAMP", "UNIX_TIMESTAMP", "RAND", "UUID", "LOCALTIME", "LOCALTIMESTAMP", NULL,
};

/* ---- the SQL text ---- */

struct tok {
	const char	*s;
	size_t		 n;	/* 0 at the end */
	int		 word;	/* an identifier or keyword (backquotes taken off) */
};

/* The token at *p; moves *p past it. Strings are skipped as one non-word token. */
static struct tok
next_tok(const char **p)
{
	const char *s = *p;
	struct tok t = { NULL, 0, 0 };

	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		*p = s;
		return t;
	}
	t.s = s;
	if (*s == '`') {
		const char *e = strchr(s + 1, '`');

		t.s = s + 1;
		t.n = e != NULL ? (size_t)(e - s - 1) : strlen(s + 1);
		t.word = 1;
		*p = e != NULL ? e + 1 : s + 1 + t.n;
		return t;
	}
	if (*s == '\'' || *s == '"') {
		char q = *s++;

		while (*s != '\0' && *s != q)
			s += (*s == '\\' && s[1] != '\0') ? 2 : 1;
		t.n = (size_t)(s - t.s) + (*s != '\0');
		*p = *s != '\0' ? s + 1 : s;
		return t;
	}
	if (isalnum((unsigned char)*s) || *s == '_') {
		while (isalnum((unsigned char)*s) || *s == '_' || *s == '.')
			s++;
		t.n = (size_t)(s - t.s);
		t.word = 1;
		*p = s;
		return t;
	}
	t.n = 1;
	*p = s + 1;
	return t;
}

static int
is(const struct tok *t, const char *kw)
{
	return t->word && strlen(kw) == t->n && strncasecmp(t->s, kw, t->n) == 0;
}

static int
in_list(const struct tok *t, const char *const *list)
{
	const char *name = t->s;
	size_t n = t->n;
	const char *dot = memchr(name, '.', n);

	if (dot != NULL) {	/* db.table */
		n -= (size_t)(dot + 1 - name);
		name = dot + 1;
	}
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncasecmp(*list, name, n) == 0)
			return 1;
	return 0;
}

/* Words that may follow a table name and are not its alias. */
static int
clause_word(const struct tok *t)
{
	static const char *const words[] = {
		"WHERE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "CROSS", "STRAIGHT_JOIN", "NATURAL", "ON", "USING",
		"GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "FOR", "LOCK", "SET", "VALUES", "SELECT", "WINDOW",
		"FORCE", "USE", "IGNORE", "PARTITION", NULL,
	};
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (is(t, words[i]))
			return 1;
	return 0;
}

/* What the tables a statement names are: bits of these. */
enum { T_REF = 1, T_UNTRACKED = 2, T_DATA = 4, T_OTHER = 8 };

static int
table_class(const struct tok *t)
{
	if (!t->word)
		return T_OTHER;	/* a derived table "(SELECT ...)": its own FROM is read on its own */
	if (in_list(t, ref_tables))
		return T_REF;
	if (in_list(t, untracked_tables))
		return T_UNTRACKED;
	if (in_list(t, data_tables))
		return T_DATA;
	return T_OTHER;
}

static int
modifier(const struct tok *t)
{
	return is(t, "IGNORE") || is(t, "LOW_PRIORITY") || is(t, "QUICK") || is(t, "DELAYED") ||
	    is(t, "HIGH_PRIORITY") || is(t, "LATERAL");
}

/*
 * The classes of every table the statement names: each name after FROM, JOIN, INTO and UPDATE, and
 * after a comma in such a list. *written gets the classes of the tables written: INSERT/REPLACE's
 * INTO table, UPDATE's tables (up to SET), DELETE's (named before FROM, or else the ones after it).
 * *clock: it calls a clock or chance function.
 */
static int
scan(const char *sql, int *written, int *clock)
{
	const char *p = sql;
	struct tok t, first = next_tok(&p);
	int classes = 0, expect = 0, zone = 0, delete_named = 0, have = 0, into_seen = 0;
	size_t i;

	*written = 0;
	*clock = 0;
	if (is(&first, "UPDATE"))
		expect = zone = 1;
	for (;;) {
		if (!have)
			t = next_tok(&p);
		have = 0;
		if (t.n == 0)
			break;
		if (expect) {
			int c;

			while (modifier(&t))
				t = next_tok(&p);
			expect = 0;
			if (t.n == 0)
				break;
			if (!t.word)
				continue;	/* "(SELECT ...": its own FROM is read as it comes */
			c = table_class(&t);
			classes |= c;
			if (zone)
				*written |= c;
			if (is(&first, "INSERT") || is(&first, "REPLACE"))
				zone = 0;	/* only the INTO table is written */
			/* an alias, then maybe a comma and another table */
			t = next_tok(&p);
			if (is(&t, "AS"))
				next_tok(&p), t = next_tok(&p);
			else if (t.word && !clause_word(&t))
				t = next_tok(&p);
			if (t.n == 1 && t.s[0] == ',')
				expect = 1;
			else
				have = 1;
			continue;
		}
		if (is(&t, "FROM") || is(&t, "JOIN") || is(&t, "STRAIGHT_JOIN") || (is(&t, "INTO") && !into_seen)) {
			if (is(&t, "INTO")) {
				into_seen = 1;
				zone = is(&first, "INSERT") || is(&first, "REPLACE");
			}
			if (is(&t, "FROM") && is(&first, "DELETE") && !zone && !delete_named && classes == 0)
				zone = 1;	/* DELETE FROM t: t is written */
			expect = 1;
			continue;
		}
		if (is(&first, "DELETE") && classes == 0 && !zone && t.word && !modifier(&t)) {
			*written |= table_class(&t);
			delete_named = 1;
		}
		if (is(&t, "SET") || is(&t, "WHERE") || is(&t, "USING") || is(&t, "VALUES") || is(&t, "SELECT"))
			zone = 0;
		for (i = 0; volatile_words[i] != NULL; i++)
			if (is(&t, volatile_words[i]))
				*clock = 1;
	}
	return classes;
}

enum sql_kind
dbcache_classify(const char *sql)
{
	const char *p = sql;
	struct tok first = next_tok(&p);
	int written, clock, classes = scan(sql, &written, &clock);

	/* "(SELECT ...) UNION ALL (SELECT ...)": a read (taken for a write, every page of lists would
	 * move both generations on, and keep no page and no reference result) */
	while (!first.word && first.n == 1 && *first.s == '(')
		first = next_tok(&p);
	if (is(&first, "SELECT") || is(&first, "WITH"))
		return classes == T_REF && !clock && strstr(sql, "FOR UPDATE") == NULL ? SQL_READ_REF : SQL_READ;
	if (is(&first, "INSERT") || is(&first, "REPLACE") || is(&first, "UPDATE") || is(&first, "DELETE")) {
		if (written == T_UNTRACKED)
			return SQL_WRITE_UNTRACKED;
		if (written == T_DATA)
			return SQL_WRITE_DATA;
		return SQL_WRITE_REF;	/* reference data, a table not listed here, or an alias: both */
	}
	/* SET, DO, CALL and the like: what they change is not known here */
	return is(&first, "SET") ? SQL_READ : SQL_WRITE_REF;
}

/* ---- kept results ---- */

struct dbcache_result {
	const char		*sql;
	char			*key;
	size_t			 keylen;
	unsigned long long	 gen;
	unsigned		 ncols;
	size_t			 nrows;
	char			**cells;	/* nrows * ncols */
	size_t			 bytes;
	atomic_int		 refs;		/* the table's reference and every holder's */
};

struct dbcache_build {
	struct dbcache_result	*r;
	size_t			 cap;	/* rows the cells array has room for */
	int			 failed;
};

static pthread_mutex_t	lock = PTHREAD_MUTEX_INITIALIZER;
static struct dbcache_result *table[MAX_ENTRIES];
static size_t		 nentries, nbytes;
static atomic_ulong	 hits, misses;

static void
result_free(struct dbcache_result *r)
{
	size_t i;

	for (i = 0; i < r->nrows * r->ncols; i++)
		free(r->cells[i]);
	free(r->cells);
	free(r->key);
	free(r);
}

void
dbcache_release(struct dbcache_result *r)
{
	if (r != NULL && atomic_fetch_sub(&r->refs, 1) == 1)
		result_free(r);
}

size_t
dbcache_rows(const struct dbcache_result *r)
{
	return r->nrows;
}

const char *
dbcache_cell(const struct dbcache_result *r, size_t row, unsigned col)
{
	if (row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cells[row * r->ncols + col];
}

static int
same_key(const struct dbcache_result *r, const char *sql, const void *key, size_t keylen)
{
	return r->sql == sql && r->keylen == keylen && memcmp(r->key, key, keylen) == 0;
}

struct dbcache_result *
dbcache_get(const char *sql, const void *key, size_t keylen, unsigned long long gen)
{
	struct dbcache_result *found = NULL;
	size_t i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < nentries; i++)
		if (table[i]->gen == gen && same_key(table[i], sql, key, keylen)) {
			found = table[i];
			atomic_fetch_add(&found->refs, 1);
			break;
		}
	pthread_mutex_unlock(&lock);
	atomic_fetch_add(found != NULL ? &hits : &misses, 1);
	return found;
}

struct dbcache_build *
dbcache_build_new(const char *sql, const void *key, size_t keylen, unsigned long long gen, unsigned ncols)
{
	struct dbcache_build *b = calloc(1, sizeof(*b));

	if (b == NULL || (b->r = calloc(1, sizeof(*b->r))) == NULL || (b->r->key = malloc(keylen + 1)) == NULL) {
		if (b != NULL)
			free(b->r);
		free(b);
		return NULL;
	}
	memcpy(b->r->key, key, keylen);
	b->r->keylen = keylen;
	b->r->sql = sql;
	b->r->gen = gen;
	b->r->ncols = ncols;
	b->r->bytes = sizeof(*b->r) + keylen;
	atomic_init(&b->r->refs, 1);
	return b;
}

int
dbcache_build_row(struct dbcache_build *b, char *const *cells, const unsigned long *lens, const char *isnull)
{
	struct dbcache_result *r = b->r;
	unsigned c;

	if (b->failed)
		return -1;
	if (r->nrows == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;
		char **n = realloc(r->cells, cap * r->ncols * sizeof(*n) + 1);

		if (n == NULL)
			return b->failed = -1;
		r->cells = n;
		b->cap = cap;
	}
	for (c = 0; c < r->ncols; c++) {
		char **dst = &r->cells[r->nrows * r->ncols + c];

		*dst = NULL;
		if (isnull[c])
			continue;
		if ((*dst = malloc(lens[c] + 1)) == NULL) {
			while (c-- > 0)
				free(r->cells[r->nrows * r->ncols + c]);
			return b->failed = -1;
		}
		memcpy(*dst, cells[c], lens[c]);
		(*dst)[lens[c]] = '\0';
		r->bytes += lens[c] + 1 + sizeof(char *);
	}
	r->nrows++;
	if (r->bytes > MAX_BYTES / 8)	/* one result may not take the room of many */
		b->failed = -1;
	return b->failed;
}

void
dbcache_build_free(struct dbcache_build *b)
{
	if (b == NULL)
		return;
	result_free(b->r);
	free(b);
}

/* Drop entry i from the table (under lock). */
static void
drop(size_t i)
{
	struct dbcache_result *r = table[i];

	nbytes -= r->bytes;
	table[i] = table[--nentries];
	dbcache_release(r);
}

void
dbcache_publish(struct dbcache_build *b)
{
	struct dbcache_result *r;
	size_t i;

	if (b == NULL)
		return;
	if (b->failed) {
		dbcache_build_free(b);
		return;
	}
	r = b->r;
	free(b);
	pthread_mutex_lock(&lock);
	/* the same key at another generation, and whatever was read at an older generation than this */
	for (i = 0; i < nentries; )
		if (same_key(table[i], r->sql, r->key, r->keylen) || table[i]->gen < r->gen)
			drop(i);
		else
			i++;
	if (nentries == MAX_ENTRIES || nbytes + r->bytes > MAX_BYTES)
		while (nentries > 0)
			drop(nentries - 1);
	table[nentries++] = r;
	nbytes += r->bytes;
	pthread_mutex_unlock(&lock);
}

void
dbcache_stats(size_t *entries, unsigned long *h, unsigned long *m)
{
	pthread_mutex_lock(&lock);
	*entries = nentries;
	pthread_mutex_unlock(&lock);
	*h = atomic_load(&hits);
	*m = atomic_load(&misses);
}

void
dbcache_clear(void)
{
	pthread_mutex_lock(&lock);
	while (nentries > 0)
		drop(nentries - 1);
	pthread_mutex_unlock(&lock);
}
