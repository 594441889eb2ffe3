/*
 * page_admin_history.c - the audit log (/admin/history): who changed what when, field by field,
 * newest first, 50 changes a page with keyset paging (before=<id>). A member admin sees only their
 * own technopark's records; the secretariat sees everything.
 */
#include <stdio.h>
#include <string.h>

#include "http/auth.h"
#include "store/db.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

#define HISTORY_PAGE	50

/* The filters, each "? IS NULL OR ...": entity, entity id, user, technopark, before (keyset). */
#define HISTORY_WHERE \
	"WHERE (? IS NULL OR c.entity = ?) AND (? IS NULL OR c.entity_id = ?) " \
	"AND (? IS NULL OR c.user_id = ?) AND (? IS NULL OR c.technopark_id = ?) " \
	"AND (? IS NULL OR c.id < ?) "

/* One more row than a page, to know whether there is an older page. */
static const char sql_changes[] =
	"SELECT c.id, DATE_FORMAT(c.at, '%Y-%m-%d %H:%i:%s') AS at, c.user_id, u.display_name AS who, "
	"c.action, c.entity, c.entity_id, c.note, t.slug AS tp_slug, t.name_ko AS tp_name, "
	"te.slug AS entity_slug, p.id IS NOT NULL AS person_exists "
	"FROM audit_changes c LEFT JOIN users u ON u.id = c.user_id "
	"LEFT JOIN technoparks t ON t.id = c.technopark_id "
	"LEFT JOIN technoparks te ON c.entity = 'technopark' AND te.id = c.entity_id "
	"LEFT JOIN people p ON c.entity = 'person' AND p.id = c.entity_id "
	HISTORY_WHERE "ORDER BY c.id DESC LIMIT 51";
/* The fields of the changes on the page: the same filters, within the page's id range. */
static const char sql_fields[] =
	"SELECT f.change_id, f.field, f.old_value, f.new_value FROM audit_fields f "
	"JOIN audit_changes c ON c.id = f.change_id "
	HISTORY_WHERE "AND c.id BETWEEN ? AND ? ORDER BY f.change_id DESC, f.field";
static const char sql_tp_id[] = "SELECT id FROM technoparks WHERE slug = ?";
static const char sql_tp_options[] = "SELECT slug, name_ko FROM technoparks ORDER BY name_ko";

struct filter {
	const char	*entity;
	long long	 id, user, tp, before;	/* 0: not filtered */
};

/* Bind the filters to HISTORY_WHERE's ten parameters. */
static void
bind_filter(struct db_stmt *st, const struct filter *f)
{
	const long long v[4] = { f->id, f->user, f->tp, f->before };
	int i;

	db_bind_text(st, 0, f->entity);
	db_bind_text(st, 1, f->entity);
	for (i = 0; i < 4; i++) {
		if (v[i] > 0) {
			db_bind_int(st, 2 + 2 * i, v[i]);
			db_bind_int(st, 3 + 2 * i, v[i]);
		} else {
			db_bind_null(st, 2 + 2 * i);
			db_bind_null(st, 3 + 2 * i);
		}
	}
}

/* The technopark filter: a member admin's own technopark, always; a slug for the secretariat. */
static int
tp_filter(struct request *rq, struct filter *f)
{
	const char *slug = request_param(rq, "tp");
	struct db_stmt *st;
	int rc;

	if (rq->session->role != ROLE_SECRETARIAT) {
		if (slug != NULL && strcmp(slug, rq->session->tp_slug) != 0)
			return 403;
		f->tp = rq->session->technopark_id;
		return f->tp > 0 ? 0 : 403;
	}
	if (slug == NULL)
		return 0;
	if ((st = db_prepare(rq->db, sql_tp_id)) == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, slug);
	if ((rc = db_step(st)) == DB_ROW)
		f->tp = db_col_int(st, 0);
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	if (rc != DB_ROW) {
		rq->error_detail = "tp";
		return 400;
	}
	return 0;
}

/* Read the query into f and echo it for the form and the paging link. */
static int
read_filter(struct request *rq, HDF *hdf, struct filter *f)
{
	memset(f, 0, sizeof(*f));
	f->entity = request_param(rq, "entity");
	f->id = request_param_int(rq, "id", 0);
	f->user = request_param_int(rq, "user", 0);
	f->before = request_param_int(rq, "before", 0);
	render_set(hdf, f->entity, "Filter.entity");
	if (f->id > 0)
		render_set_int(hdf, f->id, "Filter.id");
	if (f->user > 0)
		render_set_int(hdf, f->user, "Filter.user");
	if (f->before > 0)
		render_set_int(hdf, f->before, "Filter.before");
	return tp_filter(rq, f);
}

/* Attach each field row to its change (both newest first): History.N.Fields.K. */
static int
load_fields(struct request *rq, HDF *hdf, const struct filter *f, int n)
{
	struct db_stmt *st = db_prepare(rq->db, sql_fields);
	long long hi, lo;
	int rc, row = 0, k = 0;
	char name[64];

	if (n == 0)
		return 0;
	if (st == NULL)
		return db_err(rq->db);
	hi = hdf_get_int_value(hdf, "History.0.id", 0);
	snprintf(name, sizeof(name), "History.%d.id", n - 1);
	lo = hdf_get_int_value(hdf, name, 0);
	bind_filter(st, f);
	db_bind_int(st, 10, lo);
	db_bind_int(st, 11, hi);
	while ((rc = db_step(st)) == DB_ROW) {
		long long cid = db_col_int(st, 0), rid = 0;

		for (; row < n; row++, k = 0) {
			snprintf(name, sizeof(name), "History.%d.id", row);
			if ((rid = hdf_get_int_value(hdf, name, 0)) <= cid)
				break;
		}
		if (row == n)
			break;
		if (rid != cid)
			continue;
		snprintf(name, sizeof(name), "History.%d.Fields.%d", row, k++);
		if (page_row(hdf, name, st) != 0) {
			rc = DB_ERR;
			break;
		}
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(rq->db) : 0;
}

/* The changes of this page under History.N; Pager.before when there are older ones. */
static int
load_changes(struct request *rq, HDF *hdf, const struct filter *f, int *count)
{
	struct db_stmt *st = db_prepare(rq->db, sql_changes);
	char name[64];
	int n;

	if (st == NULL)
		return db_err(rq->db);
	bind_filter(st, f);
	if ((n = page_rows(hdf, "History", st)) < 0)
		return db_err(rq->db);
	if (n > HISTORY_PAGE) {
		snprintf(name, sizeof(name), "History.%d", HISTORY_PAGE);
		hdf_remove_tree(hdf, name);
		n = HISTORY_PAGE;
		snprintf(name, sizeof(name), "History.%d.id", n - 1);
		render_set(hdf, hdf_get_value(hdf, name, NULL), "Pager.before");
	}
	*count = n;
	return 0;
}

int
page_admin_history(struct request *rq, HDF *hdf)
{
	struct filter f;
	struct db_stmt *st;
	int rc, n = 0, found;

	if ((rc = read_filter(rq, hdf, &f)) != 0)
		return rc;
	if ((rc = load_changes(rq, hdf, &f, &n)) != 0 || (rc = load_fields(rq, hdf, &f, n)) != 0)
		return rc;
	if (rq->session->role == ROLE_SECRETARIAT) {
		if ((st = db_prepare(rq->db, sql_tp_options)) == NULL ||
		    page_options(hdf, "TPs", st, request_param(rq, "tp"), &found) < 0)
			return db_err(rq->db);
		render_set(hdf, request_param(rq, "tp"), "Filter.tp");
		render_set(hdf, "1", "Page.AllTps");
	}
	render_set_int(hdf, n, "HistoryCount");
	rq->tmpl = "admin_history.cs";
	return 0;
}
