/*
 * page_search.c - the search page (/search?q=...&type=...&page=N): one list over technoparks, people,
 * news and committee meetings, ranked by relevance with the newest first among equals, each with its
 * match marked in an escaped snippet.
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
#include "core/search_query.h"
#include "view/snippet.h"
#include "pages/page_rows.h"

#define SNIPPET_WIDTH		120	/* characters of body text around the first match */

/*
 * Ranking: an exact name or title match first (the query is a record's whole title, or a technopark's
 * name without 테크노파크: "충남" is 충남테크노파크), then relevance, then the newest.
 *
 * One pass over the matches gives the page and the counts: reading the matching rows is what a search
 * costs (Mroonga in wrapper mode fetches each from InnoDB), so they are read once. The window sums count
 * every match by kind; with a type filter, that type's matches sort first, so its pages are the first rows
 * (the rows of other kinds after them are dropped in C, and the pager stops at the type's count).
 */
static const char sql_page[] =
	"SELECT d.kind, d.ref_id, d.slug, d.meta, d.is_demo, d.title, d.body, DATE_FORMAT(d.at, '%Y-%m-%d') AS date, "
	"x.n_members, x.n_people, x.n_news, x.n_committees, x.n_about, x.n_bodies, x.n_library, "
	"x.d_members, x.d_people, x.d_news, x.d_committees, x.d_about, x.d_bodies, x.d_library, "
	/* a real person as a source tells it: the result says "2020년 기사 기준" (issue 20) */
	"(SELECT YEAR(s.published_on) FROM people p JOIN sources s ON s.id = p.source_id "
	" WHERE d.kind = 'people' AND p.id = d.ref_id AND p.is_demo = 0) AS src_year FROM ("
	" SELECT id, kind, at, MATCH(title, body) AGAINST(? IN BOOLEAN MODE) AS score, "
	" (title = CAST(? AS CHAR) COLLATE utf8mb4_unicode_ci OR "
	"  (kind = 'members' AND title = CONCAT(CAST(? AS CHAR), '테크노파크') COLLATE utf8mb4_unicode_ci)) AS exact, "
	" SUM(kind = 'members') OVER () AS n_members, SUM(kind = 'people') OVER () AS n_people, "
	" SUM(kind = 'news') OVER () AS n_news, SUM(kind = 'committees') OVER () AS n_committees, "
	" SUM(kind = 'about') OVER () AS n_about, SUM(kind = 'bodies') OVER () AS n_bodies, "
	" SUM(kind = 'library') OVER () AS n_library, "
	/* how many of them are demo rows: the counts say so (issue 20) */
	" SUM(kind = 'members' AND is_demo = 1) OVER () AS d_members, SUM(kind = 'people' AND is_demo = 1) OVER () AS d_people, "
	" SUM(kind = 'news' AND is_demo = 1) OVER () AS d_news, SUM(kind = 'committees' AND is_demo = 1) OVER () AS d_committees, "
	" SUM(kind = 'about' AND is_demo = 1) OVER () AS d_about, SUM(kind = 'bodies' AND is_demo = 1) OVER () AS d_bodies, "
	" SUM(kind = 'library' AND is_demo = 1) OVER () AS d_library "
	" FROM search_docs WHERE MATCH(title, body) AGAINST(? IN BOOLEAN MODE) AND live = 1 AND (signed_in_only = 0 OR ? = 1) "
	" ORDER BY kind = ? DESC, exact DESC, score DESC, at DESC, id DESC LIMIT ? OFFSET ?) x "
	"JOIN search_docs d ON d.id = x.id ORDER BY x.kind = ? DESC, x.exact DESC, x.score DESC, x.at DESC, x.id DESC";
/* The counts alone, for a page past the last match (the pass above then returns no row to read them from). */
static const char sql_counts[] =
	"SELECT kind, COUNT(*), SUM(is_demo = 1) FROM search_docs "
	"WHERE MATCH(title, body) AGAINST(? IN BOOLEAN MODE) AND live = 1 AND (signed_in_only = 0 OR ? = 1) GROUP BY kind";

#define NKIND_COLS	7	/* sql_page's n_<kind> columns, in enum search_kind order */
#define KIND_COL0	8
#define DEMO_COL0	(KIND_COL0 + NKIND_COLS)	/* the d_<kind> columns: how many of each are demo */
_Static_assert(NKIND_COLS == SEARCH_NKINDS, "sql_page counts every kind");

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
	char prefix[48];
	struct snippet s;
	size_t i;

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

/* Store the count of each kind (Search.Counts.<kind>, its demo rows Search.Demo.<kind>) and their totals.
 * n holds the counts, then (from SEARCH_NKINDS on) the demo counts. */
static void
put_counts(HDF *hdf, const long long *n, long long *total, long long *demo)
{
	int k;

	*total = *demo = 0;
	for (k = 0; k < SEARCH_NKINDS; k++) {
		if (n[k] > 0)
			render_set_int(hdf, n[k], "Search.Counts.%s", search_kind_name((enum search_kind)k));
		if (n[SEARCH_NKINDS + k] > 0)
			render_set_int(hdf, n[SEARCH_NKINDS + k], "Search.Demo.%s", search_kind_name((enum search_kind)k));
		*total += n[k];
		*demo += n[SEARCH_NKINDS + k];
	}
}

/* The counts by kind from sql_counts, for a page past the last match. 0 or a status. */
static int
counts(struct request *rq, const char *query, long long *n)
{
	struct db_stmt *st = db_prepare(rq->db, sql_counts);
	enum search_kind k;
	int rc;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, query);
	db_bind_int(st, 1, rq->session != NULL);	/* signed-in-only library documents: signed-in readers only */
	while ((rc = db_step(st)) == DB_ROW)
		if (search_kind_parse(db_col_text(st, 0), &k)) {
			n[k] = db_col_int(st, 1);
			n[SEARCH_NKINDS + k] = db_col_int(st, 2);
		}
	db_reset(st);
	return rc == DB_DONE ? 0 : db_err(rq->db);
}

/*
 * One page of results of type (NULL: all) under Results, and the counts by kind into n (all zero when
 * the page has no row). Returns the number of results stored, or -1.
 */
static int
results(struct request *rq, HDF *hdf, const char *query, const struct search_words *w, const char *type,
    long long page, long long *n)
{
	struct db_stmt *st = db_prepare(rq->db, sql_page);
	int rc, shown = 0, k, first = 1;
	char phrase[SEARCH_MAX_WORDS * (SEARCH_MAX_CHARS * 4 + 1)];

	if (st == NULL)
		return -1;
	exact_phrase(w, phrase, sizeof(phrase));
	db_bind_text(st, 0, query);
	db_bind_text(st, 1, phrase);
	db_bind_text(st, 2, phrase);
	db_bind_text(st, 3, query);
	db_bind_int(st, 4, rq->session != NULL);	/* signed-in-only library documents: signed-in readers only */
	db_bind_text(st, 5, type);
	db_bind_int(st, 6, SEARCH_PAGE);
	db_bind_int(st, 7, (page - 1) * SEARCH_PAGE);
	db_bind_text(st, 8, type);
	while ((rc = db_step(st)) == DB_ROW) {
		if (first)
			for (k = 0, first = 0; k < NKIND_COLS; k++) {
				n[k] = db_col_int(st, KIND_COL0 + k);
				n[SEARCH_NKINDS + k] = db_col_int(st, DEMO_COL0 + k);
			}
		if (type != NULL && strcmp(db_col_text(st, 0), type) != 0)
			continue;	/* past the last match of the type */
		if (put_result(hdf, shown++, st, w) != 0) {
			rc = DB_ERR;
			break;
		}
	}
	db_reset(st);
	return rc == DB_DONE ? shown : -1;
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
	long long page = request_param_int(rq, "page", 1), total, demo, in_type, demo_in_type,
	    count[2 * SEARCH_NKINDS] = { 0 };
	static const char *const why[] = { NULL, "empty", "long", "many" };
	struct search_words *w;
	enum search_status status;
	enum search_kind kind;
	char *query;
	int rc, n;

	render_set(hdf, q, "Search.q");
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
	if ((n = results(rq, hdf, query, w, type, page, count)) < 0) {
		rc = db_err(rq->db);
		goto out;
	}
	if (n == 0 && page > 1 && (rc = counts(rq, query, count)) != 0)
		goto out;
	put_counts(hdf, count, &total, &demo);
	in_type = total;
	demo_in_type = demo;
	if (type != NULL && search_kind_parse(type, &kind)) {
		in_type = count[kind];
		demo_in_type = count[SEARCH_NKINDS + kind];
	}
	render_set_int(hdf, total, "Search.total");
	render_set_int(hdf, demo, "Search.demo_total");
	render_set_int(hdf, in_type, "Search.found");
	render_set_int(hdf, demo_in_type, "Search.demo_found");
	render_set_int(hdf, n, "Search.shown");
	render_set_int(hdf, (page - 1) * SEARCH_PAGE + 1, "Search.from");
	render_set_int(hdf, (page - 1) * SEARCH_PAGE + n, "Search.to");
	if (page > 1)
		render_set_int(hdf, page - 1, "Pager.prev");
	if (page * SEARCH_PAGE < in_type && page < SEARCH_MAX_PAGE)
		render_set_int(hdf, page + 1, "Pager.next");
	rq->tmpl = "search.cs";
	rc = 0;
out:
	free(query);
	free(w);
	return rc;
}
