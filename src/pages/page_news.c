/*
 * page_news.c - news for readers: the board (/news, pages of 20 with pinned notices on top of the
 * first: numbered pages 1..NEWS_NUMBERED_PAGES, keyset pages beyond), one article (/news/{id}, with previous and next in the same filter), the Atom feeds
 * (/news.atom, per category and per publisher) and a technopark profile's latest articles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/attach.h"
#include "http/auth.h"
#include "core/conf.h"
#include "store/db.h"
#include "model/news.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"
#include "pages/files.h"

static const char sql_categories[] = "SELECT id, slug, name_ko, name_en FROM news_categories ORDER BY sort, id";
static const char sql_publishers[] = "SELECT id, slug, name_ko, name_en FROM technoparks ORDER BY name_ko, id";
/* The article and its attachments in one statement (page_lists: list 0 the article, 1 its files). */
static const char sql_article[] =
	"(SELECT 0 AS list, NULL AS k1, a.id, a.title, a.body_html, a.state, a.listed, a.deleted_at IS NOT NULL AS deleted, "
	"a.is_demo, COALESCE(a.technopark_id, 0) AS tp_id, c.slug AS category, c.name_ko AS category_name, "
	"t.slug AS tp_slug, t.name_ko AS tp_name, c.name_en AS category_name_en, t.name_en AS tp_name_en, "
	/* date_only: the source gives the day and no time, so no time is shown (issue 20) */
	"DATE_FORMAT(a.published_at, IF(a.date_only, '%Y-%m-%d', '%Y-%m-%d %H:%i')) AS published, "
	"DATE_FORMAT(a.published_at, IF(a.date_only, '%Y-%m-%d', '%Y-%m-%dT%H:%i:%s+09:00')) AS published_iso, "
	"DATE_FORMAT(a.updated_at, '%Y-%m-%d %H:%i') AS updated, "
	"DATE_FORMAT(a.updated_at, '%Y-%m-%dT%H:%i:%s+09:00') AS updated_iso, "
	"(a.published_at IS NOT NULL AND a.updated_at > a.published_at + INTERVAL 1 MINUTE) AS was_updated, "
	"DATE_FORMAT(a.pinned_until, '%Y-%m-%d') AS pinned_until, "
	"(a.pinned_until IS NOT NULL AND a.pinned_until >= CURDATE()) AS pinned, "
	"u.display_name AS author, s.outlet AS source_outlet, s.title AS source_title, "
	"DATE_FORMAT(s.published_on, '%Y-%m-%d') AS source_date, s.url AS source_url, "
	/* the keyset cursor of its neighbours (news_neighbours_stmt) */
	"DATE_FORMAT(a.published_at, '%Y-%m-%d %H:%i:%s') AS at_key "
	"FROM news_articles a JOIN news_categories c ON c.id = a.category_id "
	"LEFT JOIN technoparks t ON t.id = a.technopark_id LEFT JOIN users u ON u.id = a.author_id "
	"LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?) "
	"UNION ALL (SELECT 1, id, id, filename, mime_type, size_bytes, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
	"FROM attachments WHERE owner_type = 'news' AND owner_id = ?) "
	"ORDER BY list, k1";

/*
 * One option list of the filter form (id, slug, name_ko rows) under prefix, marking the selected slug;
 * its id goes to *id. 0, 400 (a slug that is not there: the parameter is named) or a status.
 */
static int
load_options(struct request *rq, HDF *hdf, const char *sql, const char *prefix, const char *key, long long *id)
{
	const char *sel = request_param(rq, key);
	struct db_stmt *st = db_prepare(rq->db, sql);
	char name[64];
	int rc, n = 0;

	*id = 0;
	if (st == NULL)
		return db_err(rq->db);
	while ((rc = db_step(st)) == DB_ROW) {
		snprintf(name, sizeof(name), "%s.%d", prefix, n++);
		if (page_row(hdf, name, st) != 0) {
			rc = DB_ERR;
			break;
		}
		if (sel != NULL && db_col_text(st, 1) != NULL && strcmp(db_col_text(st, 1), sel) == 0) {
			*id = db_col_int(st, 0);
			render_set(hdf, "1", "%s.selected", name);
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_err(rq->db);
	if (sel != NULL && *id == 0 && !(strcmp(key, "tp") == 0 && strcmp(sel, NEWS_ASSOCIATION) == 0)) {
		rq->error_detail = key;
		return 400;
	}
	return 0;
}

/*
 * The category and publisher filter of the request: options for the form, the filter for the queries,
 * Filter.category / Filter.tp / Filter.qs ("category=..&tp=..", slugs only) for links. 0 or a status.
 */
static int
load_filter(struct request *rq, HDF *hdf, struct news_filter *f)
{
	const char *cat = request_param(rq, "category"), *tp = request_param(rq, "tp");
	char qs[128];
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = load_options(rq, hdf, sql_categories, "Categories", "category", &f->category_id)) != 0 ||
	    (rc = load_options(rq, hdf, sql_publishers, "Publishers", "tp", &f->tp_id)) != 0)
		return rc;
	f->association = tp != NULL && strcmp(tp, NEWS_ASSOCIATION) == 0;
	snprintf(qs, sizeof(qs), "%s%s%s%s%s", cat ? "category=" : "", cat ? cat : "",
	    cat && tp ? "&" : "", tp ? "tp=" : "", tp ? tp : "");
	render_set(hdf, cat, "Filter.category");
	render_set(hdf, tp, "Filter.tp");
	render_set(hdf, qs, "Filter.qs");
	if (f->association)
		render_set(hdf, "1", "Filter.association");
	return 0;
}

/* The id of the first or last child of node prefix (display order), 0 when none. */
static long long
edge_id(HDF *hdf, const char *prefix, int last)
{
	HDF *n = hdf_get_obj(hdf, prefix), *c, *pick = NULL;

	for (c = n != NULL ? hdf_obj_child(n) : NULL; c != NULL; c = hdf_obj_next(c))
		if (pick == NULL || last)
			pick = c;
	return pick != NULL ? hdf_get_int_value(pick, "id", 0) : 0;
}

/* Store the rows of a news list query (model/news.h) under prefix: the count, TP_ENOTFOUND when
 * the cursor names no published article, or a TP_E* code. */
static int
list_rows(struct request *rq, HDF *hdf, const char *prefix, const struct news_filter *f, enum news_dir dir,
    long long cursor, int limit)
{
	struct news_query q;
	int rc = news_list_stmt(rq->db, f, dir, cursor, limit, &q), n;

	if (rc != 0)
		return rc;
	n = page_rows(hdf, prefix, q.st);
	return n < 0 ? db_err(rq->db) : n;
}

/* The pinned articles (feed 0) or the feed's entries (feed 1) of model/news.h into prefix: 0 or a TP_E* code. */
static int
stmt_rows(struct request *rq, HDF *hdf, const char *prefix, const struct news_filter *f, int feed)
{
	struct db_stmt *st;
	int rc = feed ? news_feed_stmt(rq->db, f, &st) : news_pinned_stmt(rq->db, f, &st);

	if (rc != 0)
		return rc;
	return page_rows(hdf, prefix, st) < 0 ? db_err(rq->db) : 0;
}

/*
 * The page-number bar of every list page: Pager.pages (how many of the first NEWS_NUMBERED_PAGES pages
 * hold articles) and Pager.more (there are articles beyond them, reached by keyset pages), from the
 * filter's total (into *total: the board's 번호 counts down from it). 0 or a status.
 */
static int
page_numbers(struct request *rq, HDF *hdf, const struct news_filter *f, long long *pages, long long *total)
{
	long long cap = (long long)NEWS_NUMBERED_PAGES * NEWS_PAGE_SIZE, n = 0;
	int rc = news_total(rq->db, f, &n);

	if (rc != 0)
		return rc;
	*total = n;
	*pages = n > cap ? NEWS_NUMBERED_PAGES : (n + NEWS_PAGE_SIZE - 1) / NEWS_PAGE_SIZE;
	render_set_int(hdf, *pages, "Pager.pages");
	if (n > cap)
		render_set(hdf, "1", "Pager.more");
	return 0;
}

/*
 * 번호 as Korean boards count it: the newest listed article is number total, the oldest 1. The rows of
 * prefix (display order) get .num from first down; Page.NumOlder / Page.NumNewer are the numbers the
 * older/newer links carry (n=), so that a keyset page goes on counting without counting the rows before it.
 */
static void
number_rows(HDF *hdf, const char *prefix, long long first)
{
	HDF *n = hdf_get_obj(hdf, prefix), *c;
	long long num = first;

	for (c = n != NULL ? hdf_obj_child(n) : NULL; c != NULL; c = hdf_obj_next(c), num--)
		if (num >= 1)
			render_set_int(c, num, "num");
	render_set_int(hdf, num + 1, "Page.NumOlder");
	render_set_int(hdf, first, "Page.NumNewer");
}

/* Numbered page page of f (1: with the pinned notices): rows, previous/next links. 0 or a status. */
static int
numbered_page(struct request *rq, HDF *hdf, const struct news_filter *f, long long page)
{
	struct news_query q;
	long long pages, total;
	int rc, n;

	if ((rc = page_numbers(rq, hdf, f, &pages, &total)) != 0)
		return rc;
	if (page > 1 && page > pages) {
		/* a number past the last page: the first page, with a word beside the page numbers (422) */
		if (request_refuse(rq, "page") != 0)
			return 500;
		page = 1;
	}
	if ((rc = news_page_stmt(rq->db, f, (int)page, &q)) != 0)
		return rc;
	if ((n = page_rows(hdf, "Articles", q.st)) < 0)
		return db_err(rq->db);
	number_rows(hdf, "Articles", total - (page - 1) * NEWS_PAGE_SIZE);
	if (page == 1 && (rc = stmt_rows(rq, hdf, "Pinned", f, 0)) != 0)
		return rc;
	render_set_int(hdf, page, "Pager.page");
	if (page > 1)
		render_set_int(hdf, page - 1, "Pager.prev");
	if (page < pages)
		render_set_int(hdf, page + 1, "Pager.next");
	else if (hdf_get_int_value(hdf, "Pager.more", 0))
		render_set_int(hdf, edge_id(hdf, "Articles", 1), "Page.Older");
	render_set_int(hdf, n, "Page.Count");
	if (page == 1)
		render_set(hdf, "1", "Page.First");
	return 0;
}

/*
 * The number of the first row of a keyset page of count rows read in dir from cursor: from the number
 * the link carries (num: the older link's is the last row's number above, the newer link's the first's),
 * or, without one or with one that cannot be (past the total), from the rows newer than the cursor.
 */
static int
keyset_first_number(struct request *rq, const struct news_filter *f, enum news_dir dir, long long cursor,
    long long num, long long total, int count, long long *first)
{
	long long newer;
	int rc;

	if (num > 0 && num <= total + 1) {
		*first = dir == NEWS_OLDER ? num - 1 : num + count;
		return 0;
	}
	if ((rc = news_count_newer(rq->db, f, cursor, &newer)) != 0)
		return rc == TP_ENOTFOUND ? 0 : rc;
	/* older: the cursor is number total - newer, the page starts below it; newer: the page ends above it */
	*first = dir == NEWS_OLDER ? total - newer - 1 : total - newer + count;
	return 0;
}

/* Read one keyset page in dir from cursor; sets the older/newer links. 0, 400 (unknown cursor) or a status. */
static int
keyset_page(struct request *rq, HDF *hdf, const struct news_filter *f, enum news_dir dir, long long cursor)
{
	char node[32];
	long long pages, total, first = 0;
	int n = list_rows(rq, hdf, "Articles", f, dir, cursor, NEWS_PAGE_SIZE + 1), rc;

	if (n == TP_ENOTFOUND) {
		rq->error_detail = dir == NEWS_OLDER ? "before" : "after";
		return 400;
	}
	if (n < 0)
		return n;
	if (dir == NEWS_NEWER && n <= NEWS_PAGE_SIZE) {
		/* reached the newest: show the first page itself, pinned notices and all */
		hdf_remove_tree(hdf, "Articles");
		return numbered_page(rq, hdf, f, 1);
	}
	if ((rc = page_numbers(rq, hdf, f, &pages, &total)) != 0)
		return rc;
	if (n > NEWS_PAGE_SIZE) {
		/* the extra row only says there is more: the oldest one (or, walking newer, the newest) */
		snprintf(node, sizeof(node), "Articles.%d", dir == NEWS_NEWER ? 0 : NEWS_PAGE_SIZE);
		hdf_remove_tree(hdf, node);
	}
	if ((rc = keyset_first_number(rq, f, dir, cursor, request_param_int(rq, "n", 0), total,
	    n > NEWS_PAGE_SIZE ? NEWS_PAGE_SIZE : n, &first)) != 0)
		return rc;
	number_rows(hdf, "Articles", first);
	if (n > NEWS_PAGE_SIZE || dir == NEWS_NEWER)
		render_set_int(hdf, edge_id(hdf, "Articles", 1), "Page.Older");
	render_set_int(hdf, edge_id(hdf, "Articles", 0), "Page.Newer");
	render_set_int(hdf, n > NEWS_PAGE_SIZE ? NEWS_PAGE_SIZE : n, "Page.Count");
	return 0;
}

int
page_news_list(struct request *rq, HDF *hdf)
{
	long long before = request_param_int(rq, "before", 0), after = request_param_int(rq, "after", 0);
	long long page = request_param_int(rq, "page", 1);
	struct news_filter f;
	int rc;

	if (before > 0 && after > 0) {
		rq->error_detail = "after";
		return 400;
	}
	if ((before > 0 || after > 0) && request_param(rq, "page") != NULL) {
		rq->error_detail = "page";
		return 400;
	}
	if ((rc = load_filter(rq, hdf, &f)) != 0)
		return rc;
	if (before > 0 || after > 0)
		rc = keyset_page(rq, hdf, &f, before > 0 ? NEWS_OLDER : NEWS_NEWER, before > 0 ? before : after);
	else
		rc = numbered_page(rq, hdf, &f, page);
	if (rc != 0)
		return rc;
	rq->tmpl = "news.cs";
	return 0;
}

/* The article's older and newer neighbours in its list (Older.0, Newer.0). 0 or a status. */
static int
neighbours(struct request *rq, HDF *hdf, const struct news_filter *f, long long id)
{
	struct page_list lists[2] = { { "Older", NULL, 0, 0 }, { "Newer", NULL, 0, 0 } };
	const char *at = hdf_get_value(hdf, "Article.at_key", NULL);
	struct db_stmt *st;
	char key[32];
	int rc;

	if (at == NULL)
		return 0;
	snprintf(key, sizeof(key), "%s", at);	/* bound by reference: a copy that outlives the statement */
	if ((rc = news_neighbours_stmt(rq->db, f, id, key, &st)) != 0)
		return rc;
	return page_lists(hdf, st, 0, lists, 2) != 0 ? db_err(rq->db) : 0;
}

/* Three round trips on a miss: the data generation, the article with its files, its neighbours. */
int
page_news_show(struct request *rq, HDF *hdf)
{
	struct page_list lists[2] = { { "Article", NULL, 1, 0 }, { "Files", files_cols, 0, 0 } };
	struct news_filter f;
	struct db_stmt *st;
	long long id;
	int rc;

	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	if ((rc = load_filter(rq, hdf, &f)) != 0)
		return rc;
	if ((st = db_prepare(rq->db, sql_article)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	db_bind_int(st, 1, id);
	if (page_lists(hdf, st, 1, lists, 2) != 0)
		return db_err(rq->db);
	/* an unlisted article (a draft, a deleted one) is there only for those who may edit it */
	if (lists[0].count == 0 || (!hdf_get_int_value(hdf, "Article.listed", 0) &&
	    !account_may_edit_tp(rq->session, hdf_get_int_value(hdf, "Article.tp_id", 0))))
		return 404;
	if (files_decorate(hdf, "Files") != 0)
		return TP_ENOMEM;
	if (hdf_get_int_value(hdf, "Article.listed", 0) && (rc = neighbours(rq, hdf, &f, id)) != 0)
		return rc;
	if (auth_may_edit_tp(rq, hdf_get_int_value(hdf, "Article.tp_id", 0)))
		render_set(hdf, "1", "Page.CanEdit");
	rq->tmpl = "news_article.cs";
	return 0;
}

/* The newest "updated" of the feed's entries (RFC 3339, same zone: text order is time order), or now. */
static void
feed_updated(HDF *hdf)
{
	HDF *n = hdf_get_obj(hdf, "Entries"), *c;
	const char *best = NULL, *v;
	char now[32];
	time_t t;
	struct tm tm;

	for (c = n != NULL ? hdf_obj_child(n) : NULL; c != NULL; c = hdf_obj_next(c))
		if ((v = hdf_get_value(c, "updated", NULL)) != NULL && (best == NULL || strcmp(v, best) > 0))
			best = v;
	if (best != NULL) {
		render_set(hdf, best, "Feed.updated");
		return;
	}
	t = time(NULL) + 9 * 3600;	/* the portal's dates are in +09:00 (src/db.c sets the zone) */
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%S+09:00", &tm);
	render_set(hdf, now, "Feed.updated");
}

int
page_news_feed(struct request *rq, HDF *hdf)
{
	struct news_filter f;
	int rc;

	if ((rc = load_filter(rq, hdf, &f)) != 0)
		return rc;
	if ((rc = stmt_rows(rq, hdf, "Entries", &f, 1)) != 0)
		return rc;
	feed_updated(hdf);
	rq->content_type_out = "application/atom+xml; charset=utf-8";
	rq->tmpl = "news_atom.cs";
	return 0;
}

int
page_news_member(struct request *rq, HDF *hdf, long long tp_id)
{
	struct news_filter f = { 0, tp_id, 0 };
	int n;

	if (tp_id <= 0)
		return 0;
	n = list_rows(rq, hdf, "News", &f, NEWS_FIRST, 0, NEWS_PROFILE_SIZE);
	return n < 0 ? n : 0;
}
