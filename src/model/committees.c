/*
 * committees.c - the committees model: rights to manage one committee, loading a committee by its
 * slug, the date and time checks of the forms, and the seats shown on a technopark's profile.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "http/auth.h"
#include "model/committees.h"
#include "store/db.h"
#include "http/form.h"
#include "view/render.h"
#include "store/search.h"
#include "store/versioned.h"

const char *const committees_roles[] = { "chair", "vice_chair", "member", "secretary", NULL };
const char *const committees_meeting_states[] = { "planned", "held", "cancelled", NULL };
const char *const committees_attendance_states[] = { "present", "absent", "proxy", NULL };
const char *const committees_outcomes[] = { "adopted", "rejected", "deferred", NULL };

/* The number in s[0..n) (all digits), or -1. */
static int
number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
committees_valid_date(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, leap;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	y = number(s, 4);
	m = number(s + 5, 2);
	d = number(s + 8, 2);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

int
committees_norm_date(const char *s, char out[11])
{
	char sep;

	if (s == NULL || strlen(s) != 10)
		return -1;
	sep = s[4];
	if ((sep != '-' && sep != '.' && sep != '/') || s[7] != sep)
		return -1;
	memcpy(out, s, 11);
	out[4] = out[7] = '-';
	return committees_valid_date(out) ? 0 : -1;
}

int
committees_valid_time(const char *s)
{
	int h, m;

	if (s == NULL || strlen(s) != 5 || s[2] != ':')
		return 0;
	h = number(s, 2);
	m = number(s + 3, 2);
	return h >= 0 && h <= 23 && m >= 0 && m <= 59;
}

static const char sql_secretary[] =
	"SELECT 1 FROM committee_secretaries WHERE user_id = ? AND (? = 0 OR committee_id = ?) LIMIT 1";

int
committees_is_secretary(struct db *db, long long user_id, long long committee_id)
{
	struct db_stmt *st = db_prepare(db, sql_secretary);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 0, user_id);
	db_bind_int(st, 1, committee_id);
	db_bind_int(st, 2, committee_id);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
committees_may_manage(const struct request *rq, long long committee_id)
{
	const struct session *s = rq->session;

	if (s == NULL)
		return 0;
	if (s->role == ROLE_SECRETARIAT)
		return 1;
	return committees_is_secretary(rq->db, s->user_id, committee_id);
}

int
committees_check_manage(const struct request *rq, long long committee_id)
{
	int may = committees_may_manage(rq, committee_id);

	return may < 0 ? db_status(rq->db) : may ? 0 : 403;
}

#define COMMITTEE_SELECT "SELECT id, slug, name_ko, name_en, purpose, composition FROM committees "
static const char sql_by_slug[] = COMMITTEE_SELECT "WHERE slug = ?";
static const char sql_by_id[] = COMMITTEE_SELECT "WHERE id = ?";

/* Run a committee query (bound) into c and Committee.*: 0, 404 or a status. */
static int
load(struct request *rq, HDF *hdf, struct db_stmt *st, struct committee *c)
{
	int rc = db_step(st);

	if (rc == DB_ROW) {
		c->id = db_col_int(st, 0);
		snprintf(c->slug, sizeof(c->slug), "%s", db_col_text(st, 1));
		snprintf(c->name, sizeof(c->name), "%s", db_col_text(st, 2));
		if (hdf != NULL && render_row(hdf, "Committee", st) != 0)
			rc = DB_ERR;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_status(rq->db);
	return rc == DB_ROW ? 0 : 404;
}

int
committees_load(struct request *rq, HDF *hdf, const char *slug, struct committee *c)
{
	struct db_stmt *st = db_prepare(rq->db, sql_by_slug);

	memset(c, 0, sizeof(*c));
	if (st == NULL)
		return db_status(rq->db);
	db_bind_text(st, 0, slug);
	return load(rq, hdf, st, c);
}

int
committees_load_id(struct request *rq, HDF *hdf, long long id, struct committee *c)
{
	struct db_stmt *st = db_prepare(rq->db, sql_by_id);

	memset(c, 0, sizeof(*c));
	if (st == NULL)
		return db_status(rq->db);
	db_bind_int(st, 0, id);
	return load(rq, hdf, st, c);
}

/* A technopark's seats today: its own (as the technopark) and its visible people's. */
static const char sql_tp_seats[] =
	"SELECT c.slug AS committee_slug, c.name_ko AS committee, m.role, "
	"CASE WHEN m.person_id IS NOT NULL THEN p.name END AS person, "
	"m.term_start, m.term_end, m.is_demo "
	"FROM committee_members m JOIN committees c ON c.id = m.committee_id "
	"LEFT JOIN people p ON p.id = m.person_id "
	"WHERE (m.technopark_id = ? OR (p.technopark_id = ? AND p.visible = 1)) "
	"AND (m.term_start IS NULL OR m.term_start <= CURDATE()) "
	"AND (m.term_end IS NULL OR m.term_end >= CURDATE()) "
	"ORDER BY c.sort, c.id, m.role, p.name, m.id";

int
committees_tp_seats(struct request *rq, HDF *hdf, const char *prefix, long long tp_id)
{
	struct db_stmt *st = db_prepare(rq->db, sql_tp_seats);

	if (st == NULL)
		return db_status(rq->db);
	db_bind_int(st, 0, tp_id);
	db_bind_int(st, 1, tp_id);
	return render_rows(hdf, prefix, st) < 0 ? db_status(rq->db) : 0;
}

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
		return db_status(rq->db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		m->id = id;
		committee_id = db_col_int(st, 1);
		m->version = db_col_int(st, 4);
		m->attendance_version = db_col_int(st, 5);
		snprintf(m->date, sizeof(m->date), "%s", db_col_text(st, 7));
		if (render_row(hdf, "Meeting", st) != 0)
			rc = DB_ERR;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_status(rq->db);
	if (rc != DB_ROW)
		return 404;
	if ((rc = committees_load_id(rq, hdf, committee_id, &m->c)) != 0)
		return rc;
	return committees_check_manage(rq, m->c.id);
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
		return rc < 0 ? db_status(rq->db) : 404;
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
	return rc == 1 ? 409 : rc == 0 ? 404 : db_status(rq->db);
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
		return db_status(rq->db);
	if (rc == 0 && db_commit(rq->db) != 0)
		rc = db_status(rq->db);
	if (rc != 0)
		db_rollback(rq->db);
	return rc;
}

int
committees_commit_meeting(struct request *rq, int begun, int rc, const long long *meeting_id)
{
	if (begun == 0 && rc == 0 && search_sync(rq->db, SEARCH_COMMITTEES, *meeting_id) != 0)
		rc = db_status(rq->db);
	return committees_commit(rq, begun, rc);
}
