/*
 * committees_admin.c - what the committee admin handlers share: a meeting and a versioned row by the
 * URL's id, the conflict and stale-version pages, form errors, and ending a save's transaction.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/committees_admin.h"
#include "core/err.h"
#include "core/text.h"
#include "http/form.h"
#include "pages/committees_page.h"
#include "pages/page_rows.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/search.h"
#include "store/versioned.h"
#include "view/render.h"

static const char sql_meeting_ref[] =
	"SELECT g.id, g.committee_id, g.title, g.status, g.version, g.attendance_version, g.is_demo, "
	"DATE_FORMAT(g.starts_at, '%Y-%m-%d') AS date, DAYOFWEEK(g.starts_at) AS dow, "
	"DATE_FORMAT(g.starts_at, '%H:%i') AS starts FROM committee_meetings g WHERE g.id = ?";

int
committees_load_meeting(struct request *rq, HDF *hdf, long long id, struct meeting_ref *m)
{
	struct db_stmt *st = db_prepare(rq->db, sql_meeting_ref);
	long long committee_id = 0;
	int rc;

	memset(m, 0, sizeof(*m));
	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		m->id = id;
		committee_id = db_col_int(st, 1);
		m->version = db_col_int(st, 4);
		m->attendance_version = db_col_int(st, 5);
		snprintf(m->date, sizeof(m->date), "%s", db_col_text(st, 7));
		if (page_row(hdf, "Meeting", st) != 0)
			rc = DB_ERR;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	if (rc != DB_ROW)
		return 404;
	/* who may manage it was the route's hook's question (admin/access.c) */
	return committees_load_id(rq, hdf, committee_id, &m->c);
}

int
committees_arg_id(const struct request *rq, size_t i, long long *id)
{
	if (i >= rq->nargs || parse_ll(rq->args[i], 1, 4294967295LL, id) != 0)
		return 404;
	return 0;
}

int
committees_load_arg(struct request *rq, const struct versioned_spec *sp, struct versioned *r)
{
	long long id;
	int rc;

	/* cleared before anything can fail, so that the caller's versioned_free is always safe */
	memset(r, 0, sizeof(*r));
	if ((rc = committees_arg_id(rq, 0, &id)) != 0)
		return rc;
	if ((rc = versioned_load(rq->db, sp, id, r)) <= 0)
		return rc < 0 ? db_err(rq->db) : 404;
	return 0;
}

int
committees_conflict(HDF *hdf, const char *const *names, const char *const *now, const char *const *yours, int n,
    long long version)
{
	int i;

	for (i = 0; i < n; i++) {
		render_set(hdf, names[i], "Conflict.Rows.%d.field", i);
		render_set(hdf, now[i], "Conflict.Rows.%d.current", i);
		render_set(hdf, yours[i], "Conflict.Rows.%d.yours", i);
		if (audit_differs(now[i], yours[i]))
			render_set(hdf, "1", "Conflict.Rows.%d.differs", i);
	}
	/* the next save goes against the stored version, now that the user has seen it */
	render_set_int(hdf, version, "Form.version.value");
	render_set(hdf, "1", "Conflict.shown");
	return 409;
}

int
committees_stale(struct request *rq, HDF *hdf, const struct versioned_spec *sp, long long id,
    void (*to_form)(HDF *, const struct versioned *))
{
	struct versioned cur;
	int rc = versioned_load(rq->db, sp, id, &cur);

	if (rc == 1) {
		to_form(hdf, &cur);
		render_set(hdf, "1", "Page.StaleAction");
	}
	versioned_free(&cur);
	return rc == 1 ? 409 : rc == 0 ? 404 : db_err(rq->db);
}

int
committees_posted_version(struct request *rq, long long *version)
{
	const char *v = request_param(rq, "version");

	if (v == NULL || parse_ll(v, 0, 4294967295LL, version) != 0) {
		rq->error_detail = "version";
		rq->tmpl = NULL;	/* the error page, not the form */
		return 400;
	}
	return 0;
}

int
committees_form_error(HDF *hdf, const struct form_field *fields, const char *name, const char *msgkey)
{
	const struct form_field *f;
	char key[96];
	int n = 0;

	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.%s.error", name);
	hdf_remove_tree(hdf, "Form.Errors");
	for (f = fields; f->name != NULL; f++) {
		snprintf(key, sizeof(key), "Form.%s.error", f->name);
		if (hdf_get_value(hdf, key, NULL) != NULL)
			render_set(hdf, f->name, "Form.Errors.%d", n++);
	}
	render_set_int(hdf, n, "Form.errors");
	return n;
}

int
committees_redirect(struct request *rq, const char *fmt, ...)
{
	va_list ap;
	int n;

	free(rq->location);
	va_start(ap, fmt);
	n = vasprintf(&rq->location, fmt, ap);
	va_end(ap);
	if (n < 0) {
		rq->location = NULL;
		return 500;
	}
	rq->tmpl = NULL;
	return 303;
}

int
committees_commit(struct request *rq, int begun, int rc)
{
	if (begun != 0)
		return db_err(rq->db);
	if (rc == 0 && db_commit(rq->db) != 0)
		rc = db_err(rq->db);
	if (rc != 0)
		db_rollback(rq->db);
	return rc;
}

int
committees_commit_meeting(struct request *rq, int begun, int rc, const long long *meeting_id)
{
	if (begun == 0 && rc == 0 && search_sync(rq->db, SEARCH_COMMITTEES, *meeting_id) != 0)
		rc = db_err(rq->db);
	return committees_commit(rq, begun, rc);
}
