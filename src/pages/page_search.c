/*
 * page_search.c - the search page (/search?q=...&type=...&page=N): one list over technoparks, people,
 * news and committee meetings, ranked by relevance with the newest first among equals, each with its
 * match marked in an escaped snippet.
 *
 * Page 1 costs about the same for 10 or 1,000,000 matches (issue 21: the tier, below); pages stop at
 * SEARCH_LAST_PAGE, and a reader who wants more is asked to narrow the query.
 *
 * An empty or over-long query is answered with the page and a message (200), the query kept in the
 * box: the box is in every page's header, and a reader who pasted a paragraph should be told how long
 * a query may be, next to what they typed, not sent to an error page. Only a query far beyond any
 * reader's (the route's 1,000 characters) is refused with 400 by the dispatcher.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "store/search.h"
#include "core/text.h"
#include "core/search_query.h"
#include "view/snippet.h"
#include "pages/page_rows.h"

#define SNIPPET_WIDTH		120	/* characters of body text around the first match */

/*
 * Ranking (docs/search.md): an exact name or title match first (the query is a record's whole title, or a
 * technopark's name without 테크노파크: "충남" is 충남테크노파크), newest first among them; then relevance (Groonga's
 * score, a title match ten times a body match), then the newest.
 *
 * Cost (issue 21): the index is Mroonga in storage mode, so Groonga sorts by its score and hands over one
 * page ("fast ORDER BY LIMIT"), but it still reads every posting of the words. So the tier is asked first:
 * the newest SEARCH_TIER entries of each kind, with a full-text index of their own (sql/040), at most that
 * many postings a kind. Its counts by kind decide the rest:
 *  - a kind the tier holds whole is counted exactly; another one's count is estimated from the tier's share
 *    of it ("약 1,000,000건"), unless the estimate is under SEARCH_EXACT_MAX and the page reads the whole index
 *    anyway (then the whole index counts it exactly);
 *  - when the tier holds every entry, or has at least SEARCH_TIER_ENOUGH matches (ten pages), the page is
 *    ranked among the tier's matches, and there are as many pages as they fill (at most SEARCH_LAST_PAGE):
 *    a broad query's order is exact for the kinds the tier holds whole and approximate for the others
 *    (news older than the tier's newest 5,000 are not candidates); otherwise among all matches of the
 *    whole index (then at most 1 in 25 of the entries match, judging by the tier: its cost is bounded).
 * Exact title matches come from the whole index by the title's own key, whatever the tier holds.
 */
#define SEARCH_TIER_ENOUGH	(10 * SEARCH_PAGE)	/* tier matches that make a query broad: 10 pages */
#define SEARCH_EXACT_MAX	5000	/* an estimate under this is counted exactly when the index is read */
#define EXACT_MAX		50	/* exact title matches taken */

/* Who published a real person's post, as the source tells it: the result says "2020년 기사 기준" (issue 20). */
#define SRC_YEAR \
	"(SELECT YEAR(s.published_on) FROM people p JOIN sources s ON s.id = p.source_id " \
	" WHERE d.kind = 'people' AND p.id = d.ref_id AND p.is_demo = 0) AS src_year"
/* The record's English name, which an English page shows as the title (issue 17). */
#define TITLE_EN \
	"CASE d.kind WHEN 'members' THEN (SELECT t.name_en FROM technoparks t WHERE t.id = d.ref_id) " \
	" WHEN 'bodies' THEN (SELECT c.name_en FROM committees c WHERE c.id = d.ref_id) " \
	" WHEN 'about' THEN (SELECT a.name_en FROM association a WHERE a.id = d.ref_id) END AS title_en"
/* A result's columns, in this order (put_result reads title and body by position). */
#define DOC_COLS \
	"d.kind, d.ref_id, d.slug, d.meta, d.is_demo, d.title, d.body, DATE_FORMAT(d.at, '%Y-%m-%d') AS date, " \
	SRC_YEAR ", d.id, " TITLE_EN
#define COL_TITLE	5
#define COL_BODY	6
#define COL_ID		9
#define TITLE_EN_COL	10

/* The exact title matches, by the title's key (never the full-text index: no posting is read). */
#define EXACT(aud) \
	"SELECT " DOC_COLS " FROM search_docs d WHERE d.title IN (CAST(? AS CHAR) COLLATE utf8mb4_unicode_ci, " \
	"CONCAT(CAST(? AS CHAR), '테크노파크') COLLATE utf8mb4_unicode_ci) " \
	"AND (d.kind = 'members' OR d.title = CAST(? AS CHAR) COLLATE utf8mb4_unicode_ci) AND (? IS NULL OR d.kind = ?)" aud \
	" ORDER BY d.at DESC, d.id DESC LIMIT 50"
/* A signed-in-only library document (issue 19) is found by signed-in readers only: each statement has a
 * variant for a reader signed out, [1], that leaves such documents out. */
#define SIGNED_OUT	" AND signed_in_only = 0"
static const char *const sql_exact[2] = { EXACT(""), EXACT(" AND d.signed_in_only = 0") };
_Static_assert(EXACT_MAX == 50, "sql_exact's LIMIT");

/* The first rows by relevance, over the whole index or its tier, of every kind or one: Groonga sorts. */
#define RANKED(cols, kind_cond) \
	"SELECT " DOC_COLS " FROM (SELECT id, kind, ref_id, slug, meta, is_demo, title, body, at, " \
	" MATCH(" cols ") AGAINST(? IN BOOLEAN MODE) AS score FROM search_docs " \
	" WHERE MATCH(" cols ") AGAINST(? IN BOOLEAN MODE)" kind_cond \
	" ORDER BY MATCH(" cols ") AGAINST(? IN BOOLEAN MODE) DESC, at DESC, id DESC LIMIT ?) d " \
	"ORDER BY d.score DESC, d.at DESC, d.id DESC"
#define FULL_COLS	"title, body"
#define TIER_COLS	"tier_title, tier_body"
static const char *const sql_ranked[2][2][2] = {	/* [signed out][tier][one kind] */
	{ { RANKED(FULL_COLS, ""), RANKED(FULL_COLS, " AND kind = ?") },
	  { RANKED(TIER_COLS, ""), RANKED(TIER_COLS, " AND kind = ?") } },
	{ { RANKED(FULL_COLS, SIGNED_OUT), RANKED(FULL_COLS, SIGNED_OUT " AND kind = ?") },
	  { RANKED(TIER_COLS, SIGNED_OUT), RANKED(TIER_COLS, SIGNED_OUT " AND kind = ?") } },
};
/* Matches by kind, and how many of them are demo rows (the counts say so, issue 20). */
#define COUNTS(cols, aud) \
	"SELECT kind, COUNT(*), SUM(is_demo = 1) FROM search_docs WHERE MATCH(" cols ") AGAINST(? IN BOOLEAN MODE)" aud \
	" GROUP BY kind"
static const char *const sql_counts[2][2] = {	/* [signed out][tier] */
	{ COUNTS(FULL_COLS, ""), COUNTS(TIER_COLS, "") },
	{ COUNTS(FULL_COLS, SIGNED_OUT), COUNTS(TIER_COLS, SIGNED_OUT) },
};
/* One word's matches in the tier: how broad it is (the rarest word goes first, see order_words). */
static const char sql_word_count[] =
	"SELECT COUNT(*) FROM search_docs WHERE MATCH(" TIER_COLS ") AGAINST(? IN BOOLEAN MODE)";
/* What the index and its tier hold, by kind (kept by the indexer). */
static const char sql_sizes[] = "SELECT kind, docs, tier_docs FROM search_sizes";

/* The counts of a search, by kind: matches, demo matches, and whether they are estimates. */
struct tally {
	long long	n[SEARCH_NKINDS], demo[SEARCH_NKINDS];
	int		approx[SEARCH_NKINDS];
};

/* Store a snippet's segments under prefix.S.N.t (text) and .m (1 for a match), and its cut marks. */
static int
put_snippet(HDF *hdf, const char *prefix, const char *text, const struct snippet *s)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < s->nseg; i++) {
		char *seg = strndup(text + s->seg[i].off, s->seg[i].len);

		if (seg == NULL)
			return -1;
		rc |= render_set(hdf, seg, "%s.S.%zu.t", prefix, i);
		if (s->seg[i].match)
			rc |= render_set(hdf, "1", "%s.S.%zu.m", prefix, i);
		free(seg);
	}
	if (s->cut_before)
		rc |= render_set(hdf, "1", "%s.cut_before", prefix);
	if (s->cut_after)
		rc |= render_set(hdf, "1", "%s.cut_after", prefix);
	return rc;
}

/* One result row under Results.n: its fields, the title marked whole, the body cut around its match. */
static int
put_result(HDF *hdf, int n, const struct db_stmt *st, const struct search_words *w)
{
	const char *terms[SEARCH_MAX_WORDS], *title = db_col_text(st, 5), *body = db_col_text(st, 6);
	const char *title_en = db_col_text(st, TITLE_EN_COL), *lang = hdf_get_value(hdf, "Page.Lang", "ko");
	char prefix[48];
	struct snippet s;
	size_t i;

	/* a page in English shows a record's English name where it has one; the Korean is marked lang="ko" */
	if (strcmp(lang, "ko") != 0 && title_en != NULL && title_en[0] != '\0') {
		title = title_en;
		render_set(hdf, "1", "Results.%d.title_en_shown", n);
	}

	for (i = 0; i < w->n; i++)
		terms[i] = w->w[i];
	snprintf(prefix, sizeof(prefix), "Results.%d", n);
	if (page_row(hdf, prefix, st) != 0)
		return -1;
	/* the raw body is not needed on the page: only its snippet */
	snprintf(prefix, sizeof(prefix), "Results.%d.body", n);
	hdf_remove_tree(hdf, prefix);
	snippet_make(title, strlen(title), terms, w->n, 0, &s);
	snprintf(prefix, sizeof(prefix), "Results.%d.Title", n);
	if (put_snippet(hdf, prefix, title, &s) != 0)
		return -1;
	snippet_make(body, strlen(body), terms, w->n, SNIPPET_WIDTH, &s);
	snprintf(prefix, sizeof(prefix), "Results.%d.Snip", n);
	return put_snippet(hdf, prefix, body, &s);
}

/* The query's words as one phrase, single spaces between them: what an exact title match compares. */
static void
exact_phrase(const struct search_words *w, char *out, size_t size)
{
	size_t i, len = 0;

	out[0] = '\0';
	for (i = 0; i < w->n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i > 0 ? " " : "", w->w[i]);
}

/* n as a reader reads an estimate: two significant digits, thousands separated ("1,000,000"). */
static void
approx_text(long long n, char *out, size_t size)
{
	long long unit = 1, r;
	char digits[32];
	size_t len, i, o = 0;

	while (n / unit >= 100)
		unit *= 10;
	r = (n + unit / 2) / unit * unit;
	len = (size_t)snprintf(digits, sizeof(digits), "%lld", r);
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* Store one count under name: name (a number) and name_text (what the page prints), name_approx when an
 * estimate. */
static void
put_count(HDF *hdf, const char *name, long long n, int approx)
{
	char text[40], key[64];

	if (approx)
		approx_text(n, text, sizeof(text));
	else
		snprintf(text, sizeof(text), "%lld", n);
	render_set_int(hdf, n, "%s", name);
	snprintf(key, sizeof(key), "%s_text", name);
	render_set(hdf, text, "%s", key);
	if (approx) {
		snprintf(key, sizeof(key), "%s_approx", name);
		render_set(hdf, "1", "%s", key);
	}
}

/* Store the counts by kind (Search.Counts.<kind>, its demo rows Search.Demo.<kind>) and the totals. */
static void
put_counts(HDF *hdf, const struct tally *t, enum search_kind *type)
{
	long long total = 0, demo = 0;
	int k, approx = 0;
	char name[64];

	for (k = 0; k < SEARCH_NKINDS; k++) {
		const char *kn = search_kind_name((enum search_kind)k);

		if (t->n[k] > 0) {
			snprintf(name, sizeof(name), "Search.Counts.%s", kn);
			put_count(hdf, name, t->n[k], t->approx[k]);
		}
		if (t->demo[k] > 0) {
			snprintf(name, sizeof(name), "Search.Demo.%s", kn);
			put_count(hdf, name, t->demo[k], t->approx[k]);
		}
		total += t->n[k];
		demo += t->demo[k];
		approx |= t->approx[k] && t->n[k] > 0;
	}
	put_count(hdf, "Search.total", total, approx);
	put_count(hdf, "Search.demo_total", demo, approx);
	if (type != NULL) {
		put_count(hdf, "Search.found", t->n[*type], t->approx[*type]);
		put_count(hdf, "Search.demo_found", t->demo[*type], t->approx[*type]);
	} else {
		put_count(hdf, "Search.found", total, approx);
		put_count(hdf, "Search.demo_found", demo, approx);
	}
}

/* The sizes of the index and its tier by kind (docs[k] < 0: not recorded yet). 0 or a status. */
static int
load_sizes(struct request *rq, long long *docs, long long *tier)
{
	struct db_stmt *st = db_prepare(rq->db, sql_sizes);
	enum search_kind k;
	int rc, i;

	for (i = 0; i < SEARCH_NKINDS; i++)
		docs[i] = tier[i] = -1;
	if (st == NULL)
		return db_err(rq->db);
	while ((rc = db_step(st)) == DB_ROW)
		if (search_kind_parse(db_col_text(st, 0), &k)) {
			docs[k] = db_col_int(st, 1);
			tier[k] = db_col_int(st, 2);
		}
	db_reset(st);
	return rc == DB_DONE ? 0 : db_err(rq->db);
}

/* The matches of query by kind, in the tier or the whole index, into t (exact). 0 or a status. */
static int
count_matches(struct request *rq, int in_tier, const char *query, struct tally *t)
{
	struct db_stmt *st = db_prepare(rq->db, sql_counts[rq->session == NULL][in_tier]);
	enum search_kind k;
	int rc;

	memset(t, 0, sizeof(*t));
	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, query);
	while ((rc = db_step(st)) == DB_ROW)
		if (search_kind_parse(db_col_text(st, 0), &k)) {
			t->n[k] = db_col_int(st, 1);
			t->demo[k] = db_col_int(st, 2);
		}
	db_reset(st);
	return rc == DB_DONE ? 0 : db_err(rq->db);
}

/* Where a page is ranked and what is left to count (tally decides, results and page_search follow). */
struct plan {
	int		in_tier;	/* rank among the tier's matches (else the whole index's) */
	int		need_count;	/* the counts are not final: count the whole index exactly */
	long long	last_page;	/* the last page of results shown */
};

/*
 * Count query's matches in the tier and choose where the page is ranked (the comment above sql_exact
 * says how); t gets the counts, exact or estimated. 0 or a status.
 */
static int
tally(struct request *rq, const char *query, const enum search_kind *type, struct tally *t, struct plan *p)
{
	long long docs[SEARCH_NKINDS], tier[SEARCH_NKINDS], sel = 0, pages;
	int k, whole = 1, want_exact = 0, rc;

	if ((rc = load_sizes(rq, docs, tier)) != 0 || (rc = count_matches(rq, 1, query, t)) != 0)
		return rc;
	for (k = 0; k < SEARCH_NKINDS; k++) {
		int selected = type == NULL || (int)*type == k;

		if (selected)
			sel += t->n[k];
		if (docs[k] < 0 || tier[k] <= 0) {
			if (docs[k] != 0)	/* sizes not recorded yet, or an empty tier: only the index knows */
				whole = 0, want_exact = 1;
			continue;
		}
		if (tier[k] >= docs[k])
			continue;	/* the tier holds every entry of this kind: its count is exact */
		if (selected)
			whole = 0;
		t->n[k] = t->n[k] * docs[k] / tier[k];
		t->demo[k] = t->demo[k] * docs[k] / tier[k];
		t->approx[k] = 1;
		if (t->n[k] < SEARCH_EXACT_MAX)
			want_exact = 1;
	}
	p->in_tier = whole || sel >= SEARCH_TIER_ENOUGH;
	p->need_count = !p->in_tier && want_exact;
	p->last_page = SEARCH_LAST_PAGE;
	if (p->in_tier && !whole) {	/* ranked among the tier's matches: as many pages as they fill */
		pages = (sel + SEARCH_PAGE - 1) / SEARCH_PAGE;
		if (pages < p->last_page)
			p->last_page = pages;
	}
	return 0;
}

/*
 * Put the words of a query read in the whole index rarest first (by their matches in the tier) and build the
 * query again into query. Groonga intersects the words in the query's order and skips ahead in the later
 * words' postings, so a rare word first makes a broad word after it cheap: 벤치 777777 took 430-970 ms,
 * 777777 벤치 50-70 ms (1,000,000 articles, every one holding 벤치). The matches and the score are the same
 * in any order (every word is required; the score is a sum). 0 or a status.
 */
static int
order_words(struct request *rq, const struct search_words *w, char *query)
{
	struct search_words *one, *sorted;
	long long n[SEARCH_MAX_WORDS];
	size_t i, j, idx[SEARCH_MAX_WORDS];
	struct db_stmt *st;
	int rc = 0;

	if (w->n < 2)
		return 0;
	if ((one = calloc(1, sizeof(*one))) == NULL || (sorted = calloc(1, sizeof(*sorted))) == NULL) {
		free(one);
		return 500;
	}
	one->n = 1;
	for (i = 0; i < w->n && rc == 0; i++) {
		memcpy(one->w[0], w->w[i], sizeof(one->w[0]));
		n[i] = 0;
		if (search_query_build(one, query, SEARCH_QUERY_SIZE) != 0) {
			rc = 500;	/* cannot be: the whole query fitted */
			break;
		}
		if ((st = db_prepare(rq->db, sql_word_count)) == NULL) {
			rc = db_err(rq->db);
			break;
		}
		db_bind_text(st, 0, query);
		if (db_step(st) == DB_ROW)
			n[i] = db_col_int(st, 0);
		else
			rc = db_err(rq->db);
		db_reset(st);
	}
	/* a stable insertion by count: equally rare words keep the reader's order */
	for (i = 0; i < w->n && rc == 0; i++) {
		for (j = i; j > 0 && n[idx[j - 1]] > n[i]; j--)
			idx[j] = idx[j - 1];
		idx[j] = i;
	}
	for (i = 0; i < w->n && rc == 0; i++)
		memcpy(sorted->w[i], w->w[idx[i]], sizeof(sorted->w[0]));
	sorted->n = w->n;
	if (rc == 0 && search_query_build(sorted, query, SEARCH_QUERY_SIZE) != 0)
		rc = 500;
	free(one);
	free(sorted);
	return rc;
}

/* Whether id is among the n exact matches. */
static int
is_exact(const long long *ids, int n, long long id)
{
	int i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/*
 * One page of results of type (NULL: all) under Results: the exact title matches, then the rest by
 * relevance, in the tier or the whole index. Ranked in the whole index, every row the LIMIT lets through
 * is counted into seen, and *complete is set when they were all the matches (fewer than the LIMIT): the
 * index need not be read a second time to count them. Returns the number of results stored, or -1.
 */
static int
results(struct request *rq, HDF *hdf, const char *query, const struct search_words *w, const char *type,
    long long page, int in_tier, struct tally *seen, int *complete)
{
	long long from = (page - 1) * SEARCH_PAGE, to = page * SEARCH_PAGE, pos = 0, got = 0, ids[EXACT_MAX];
	char phrase[SEARCH_MAX_WORDS * (SEARCH_MAX_CHARS * 4 + 1)];
	struct db_stmt *st;
	enum search_kind k;
	int rc, shown = 0, nexact = 0, i = 0;

	memset(seen, 0, sizeof(*seen));
	*complete = 0;
	exact_phrase(w, phrase, sizeof(phrase));
	if ((st = db_prepare(rq->db, sql_exact[rq->session == NULL])) == NULL)
		return -1;
	db_bind_text(st, 0, phrase);
	db_bind_text(st, 1, phrase);
	db_bind_text(st, 2, phrase);
	db_bind_text(st, 3, type);
	db_bind_text(st, 4, type);
	while ((rc = db_step(st)) == DB_ROW) {
		ids[nexact++] = db_col_int(st, COL_ID);
		if (pos >= from && pos < to && put_result(hdf, shown++, st, w) != 0)
			rc = DB_ERR;
		pos++;
		if (rc == DB_ERR)
			break;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return -1;
	if (pos >= to && in_tier)
		return shown;
	if ((st = db_prepare(rq->db, sql_ranked[rq->session == NULL][in_tier][type != NULL])) == NULL)
		return -1;
	db_bind_text(st, i++, query);
	db_bind_text(st, i++, query);
	if (type != NULL)
		db_bind_text(st, i++, type);
	db_bind_text(st, i++, query);
	db_bind_int(st, i, to + nexact);
	while ((in_tier ? pos < to : 1) && (rc = db_step(st)) == DB_ROW) {
		got++;
		if (search_kind_parse(db_col_text(st, 0), &k)) {
			seen->n[k]++;
			seen->demo[k] += db_col_int(st, 4) == 1;
		}
		if (is_exact(ids, nexact, db_col_int(st, COL_ID)) || pos >= to)
			continue;
		if (pos >= from && put_result(hdf, shown++, st, w) != 0) {
			rc = DB_ERR;
			break;
		}
		pos++;
	}
	db_reset(st);
	*complete = rc == DB_DONE && got < to + nexact;
	return rc == DB_DONE || rc == DB_ROW ? shown : -1;
}

/* The message for a query that is not searched (the language file's search.error.<name>). */
static int
refuse(struct request *rq, HDF *hdf, const char *why)
{
	render_set(hdf, why, "Search.error");
	rq->tmpl = "search.cs";
	return 0;
}

int
page_search(struct request *rq, HDF *hdf)
{
	const char *q = params_get(&rq->params, "q"), *type = request_param(rq, "type");
	long long page = request_param_int(rq, "page", 1), in_type = 0;
	static const char *const why[] = { NULL, "empty", "long", "many" };
	struct search_words *w;
	enum search_status status;
	enum search_kind kind, *typed = NULL;
	struct tally t, seen;
	struct plan plan;
	char *query;
	int rc, n = 0, complete = 0, k;

	render_set(hdf, q, "Search.q");
	if (q != NULL && text_has_hangul(q))
		render_set(hdf, "1", "Search.q_ko");	/* the reader's words, in Korean: lang="ko" on an English page */
	if (q != NULL)
		render_set(hdf, "1", "Search.asked");
	render_set(hdf, type, "Search.type");
	render_set_int(hdf, SEARCH_MAX_CHARS, "Search.max_chars");
	render_set_int(hdf, SEARCH_MAX_WORDS, "Search.max_words");
	if ((w = malloc(sizeof(*w))) == NULL || (query = malloc(SEARCH_QUERY_SIZE)) == NULL) {
		free(w);
		return 500;
	}
	if ((status = search_words_parse(q, w)) != SEARCH_OK) {
		rc = refuse(rq, hdf, why[status]);
		goto out;
	}
	if (search_query_build(w, query, SEARCH_QUERY_SIZE) != 0) {
		rc = refuse(rq, hdf, "long");
		goto out;
	}
	if (type != NULL && search_kind_parse(type, &kind))
		typed = &kind;
	if ((rc = tally(rq, query, typed, &t, &plan)) != 0 || (!plan.in_tier && (rc = order_words(rq, w, query)) != 0))
		goto out;
	if (page <= plan.last_page &&
	    (n = results(rq, hdf, query, w, type, page, plan.in_tier, &seen, &complete)) < 0) {
		rc = db_err(rq->db);
		goto out;
	}
	if (plan.need_count) {	/* exact counts: the rows ranked were all the matches, or a count of the index */
		if (complete && typed == NULL)
			t = seen;
		else if ((rc = count_matches(rq, 0, query, &t)) != 0)
			goto out;
	}
	for (k = 0; k < SEARCH_NKINDS; k++)
		if (typed == NULL || k == (int)kind)
			in_type += t.n[k];
	/* no page that far: with more matches than the pages show, narrow the query, the page says */
	if (page > plan.last_page && in_type > plan.last_page * SEARCH_PAGE)
		render_set(hdf, "1", "Search.deep");
	put_counts(hdf, &t, typed);
	render_set_int(hdf, plan.last_page, "Search.last_page");
	render_set_int(hdf, n, "Search.shown");
	render_set_int(hdf, (page - 1) * SEARCH_PAGE + 1, "Search.from");
	render_set_int(hdf, (page - 1) * SEARCH_PAGE + n, "Search.to");
	if (page > 1)
		render_set_int(hdf, page > plan.last_page + 1 ? plan.last_page : page - 1, "Pager.prev");
	if (page * SEARCH_PAGE < in_type && n == SEARCH_PAGE) {
		if (page < plan.last_page)
			render_set_int(hdf, page + 1, "Pager.next");
		else
			render_set(hdf, "1", "Search.more");	/* more than the pages show: narrow the query */
	}
	rq->tmpl = "search.cs";
	rc = 0;
out:
	free(query);
	free(w);
	return rc;
}
