/*
 * page_library.c - the publications library for readers (자료실, issue 19): the board (/library, filtered by
 * kind, publisher and year, keyset pages of LIBRARY_PAGE_SIZE), one document with its files and their
 * versions (/library/{id}) and the Atom feed of new documents (/library.atom); a technopark profile's
 * documents come with its people (page_members.c). A reader signed out never sees a signed-in-only document (model/library.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/auth.h"
#include "model/attach.h"
#include "model/library.h"
#include "pages/files.h"
#include "pages/page_rows.h"
#include "pages/pages.h"
#include "store/db.h"
#include "view/render.h"

static const char sql_kinds[] = "SELECT id, slug, name_ko, name_en FROM library_kinds ORDER BY sort, id";
static const char sql_publishers[] = "SELECT id, slug, name_ko, name_en FROM technoparks ORDER BY name_ko, id";

/*
 * One option list of the filter (id, slug, name rows) under prefix, marking the selected slug; its id to
 * *id. 0, 400 (a slug that is not there: the parameter is named) or a status.
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
	if (sel != NULL && *id == 0 && !(strcmp(key, "tp") == 0 && strcmp(sel, LIBRARY_ASSOCIATION) == 0)) {
		rq->error_detail = key;
		return 400;
	}
	return 0;
}

/*
 * The years the filter offers (Years.N.year, .n), the selected one marked, and how many documents the
 * filter lists (Page.Total: the selected year's, or all years'). 0 or a status.
 */
static int
load_years(struct request *rq, HDF *hdf, const struct library_filter *f)
{
	struct db_stmt *st;
	long long total = 0;
	HDF *c;
	int rc;

	if ((rc = library_years_stmt(rq->db, f, &st)) != 0)
		return rc;
	if (page_rows(hdf, "Years", st) < 0)
		return db_err(rq->db);
	for (c = hdf_get_child(hdf, "Years"); c != NULL; c = hdf_obj_next(c))
		if (f->year == 0 || hdf_get_int_value(c, "year", 0) == f->year) {
			total += hdf_get_int_value(c, "n", 0);
			if (f->year > 0)
				render_set(c, "1", "selected");
		}
	render_set_int(hdf, total, "Page.Total");
	return 0;
}

/*
 * The kind, publisher and year of the request: the filter's options, the filter for the queries, and
 * Filter.qs ("kind=..&tp=..&year=..": slugs and digits only) for links. 0 or a status.
 */
static int
load_filter(struct request *rq, HDF *hdf, struct library_filter *f, int options)
{
	const char *kind = request_param(rq, "kind"), *tp = request_param(rq, "tp");
	char qs[160];
	int rc, n;

	memset(f, 0, sizeof(*f));
	f->signed_in = rq->session != NULL;
	f->year = request_param_int(rq, "year", 0);
	if ((rc = load_options(rq, hdf, sql_kinds, "Kinds", "kind", &f->kind_id)) != 0 ||
	    (rc = load_options(rq, hdf, sql_publishers, "Publishers", "tp", &f->tp_id)) != 0)
		return rc;
	f->association = tp != NULL && strcmp(tp, LIBRARY_ASSOCIATION) == 0;
	if (options && (rc = load_years(rq, hdf, f)) != 0)
		return rc;
	n = snprintf(qs, sizeof(qs), "%s%s", kind ? "&kind=" : "", kind ? kind : "");
	n += snprintf(qs + n, sizeof(qs) - (size_t)n, "%s%s", tp ? "&tp=" : "", tp ? tp : "");
	if (f->year > 0)
		snprintf(qs + n, sizeof(qs) - (size_t)n, "&year=%lld", f->year);
	render_set(hdf, kind, "Filter.kind");
	render_set(hdf, tp, "Filter.tp");
	if (f->year > 0)
		render_set_int(hdf, f->year, "Filter.year");
	if (qs[0] != '\0')
		render_set(hdf, qs + 1, "Filter.qs");
	if (f->association)
		render_set(hdf, "1", "Filter.association");
	return 0;
}

/* The id of the first or last child of prefix, 0 when none. */
static long long
edge_id(HDF *hdf, const char *prefix, int last)
{
	HDF *c, *pick = NULL;

	for (c = hdf_get_child(hdf, prefix); c != NULL; c = hdf_obj_next(c))
		if (pick == NULL || last)
			pick = c;
	return pick != NULL ? hdf_get_int_value(pick, "id", 0) : 0;
}

/* Rows of one list query into prefix: how many, TP_ENOTFOUND for an unknown cursor, or a TP_E* code. */
static int
list_rows(struct request *rq, HDF *hdf, const char *prefix, const struct library_filter *f, enum library_dir dir,
    long long cursor, int limit)
{
	struct library_query q;
	int rc = library_list_stmt(rq->db, f, dir, cursor, limit, &q), n;

	if (rc != 0)
		return rc;
	n = page_rows(hdf, prefix, q.st);
	return n < 0 ? db_err(rq->db) : n;
}

/* One page of the board: the first (cursor 0), or older/newer than cursor. 0, 400 or a status. */
static int
board_page(struct request *rq, HDF *hdf, const struct library_filter *f, enum library_dir dir, long long cursor)
{
	char node[40];
	int n = list_rows(rq, hdf, "Documents", f, dir, cursor, LIBRARY_PAGE_SIZE + 1);

	if (n == TP_ENOTFOUND) {
		rq->error_detail = dir == LIBRARY_OLDER ? "before" : "after";
		return 400;
	}
	if (n < 0)
		return n;
	if (dir == LIBRARY_NEWER && n <= LIBRARY_PAGE_SIZE) {
		hdf_remove_tree(hdf, "Documents");	/* reached the newest: the first page itself */
		return board_page(rq, hdf, f, LIBRARY_FIRST, 0);
	}
	if (n > LIBRARY_PAGE_SIZE) {
		/* the extra row only says there is more: the oldest one (walking newer, the newest) */
		snprintf(node, sizeof(node), "Documents.%d", dir == LIBRARY_NEWER ? 0 : LIBRARY_PAGE_SIZE);
		hdf_remove_tree(hdf, node);
	}
	if (n > LIBRARY_PAGE_SIZE || dir == LIBRARY_NEWER)
		render_set_int(hdf, edge_id(hdf, "Documents", 1), "Page.Older");
	if (dir != LIBRARY_FIRST)
		render_set_int(hdf, edge_id(hdf, "Documents", 0), "Page.Newer");
	else
		render_set(hdf, "1", "Page.First");
	render_set_int(hdf, n > LIBRARY_PAGE_SIZE ? LIBRARY_PAGE_SIZE : n, "Page.Count");
	return 0;
}

int
page_library_list(struct request *rq, HDF *hdf)
{
	long long before = request_param_int(rq, "before", 0), after = request_param_int(rq, "after", 0);
	struct library_filter f;
	int rc;

	if (before > 0 && after > 0) {
		rq->error_detail = "after";
		return 400;
	}
	if ((rc = load_filter(rq, hdf, &f, 1)) != 0)
		return rc;
	rc = board_page(rq, hdf, &f, before > 0 ? LIBRARY_OLDER : after > 0 ? LIBRARY_NEWER : LIBRARY_FIRST,
	    before > 0 ? before : after);
	if (rc != 0)
		return rc;
	if (rq->session != NULL && (rq->session->role == ROLE_SECRETARIAT || rq->session->role == ROLE_MEMBER_ADMIN))
		render_set(hdf, "1", "Page.CanAdd");
	rq->tmpl = "library.cs";
	return 0;
}

int
page_library_show(struct request *rq, HDF *hdf)
{
	struct page_list lists[2] = { { "Document", NULL, 1, 0 }, { "Files", library_show_file_cols, 0, 0 } };
	struct db_stmt *st;
	long long id;
	int rc;

	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	if ((rc = library_may_read(rq->db, rq->session, id)) != 0)
		return rc == TP_ENOTFOUND ? 404 : rc;
	if ((rc = library_show_stmt(rq->db, id, &st)) != 0)
		return rc;
	if (page_lists(hdf, st, LIBRARY_SHOW_KEYS, lists, 2) != 0)
		return db_err(rq->db);
	if (lists[0].count == 0)
		return 404;
	if (files_decorate(hdf, "Files") != 0)
		return TP_ENOMEM;
	if (auth_may_edit_tp(rq, hdf_get_int_value(hdf, "Document.tp_id", 0)))
		render_set(hdf, "1", "Page.CanEdit");
	rq->tmpl = "library_document.cs";
	return 0;
}

/* The newest "updated" of the feed's entries (RFC 3339, one zone: text order is time order), or now. */
static void
feed_updated(HDF *hdf)
{
	const char *best = NULL, *v;
	char now[32];
	struct tm tm;
	time_t t;
	HDF *c;

	for (c = hdf_get_child(hdf, "Entries"); c != NULL; c = hdf_obj_next(c))
		if ((v = hdf_get_value(c, "updated", NULL)) != NULL && (best == NULL || strcmp(v, best) > 0))
			best = v;
	if (best != NULL) {
		render_set(hdf, best, "Feed.updated");
		return;
	}
	t = time(NULL) + 9 * 3600;	/* the portal's dates are in +09:00 (store/db.c sets the zone) */
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%S+09:00", &tm);
	render_set(hdf, now, "Feed.updated");
}

int
page_library_feed(struct request *rq, HDF *hdf)
{
	struct library_filter f;
	struct db_stmt *st;
	int rc;

	if ((rc = load_filter(rq, hdf, &f, 0)) != 0)
		return rc;
	if ((rc = library_feed_stmt(rq->db, &f, &st)) != 0)
		return rc;
	if (page_rows(hdf, "Entries", st) < 0)
		return db_err(rq->db);
	feed_updated(hdf);
	rq->content_type_out = "application/atom+xml; charset=utf-8";
	rq->tmpl = "library_atom.cs";
	return 0;
}
