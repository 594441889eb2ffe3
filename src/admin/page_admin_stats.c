/*
 * page_admin_stats.c - the secretariat's form for the network figures (/admin/stats): add a year, and
 * correct a year's numbers. Each save is one transaction: the year's row is locked, the version the
 * form was made from is checked (a stale save shows the stored numbers beside the user's: 409), the
 * row is written and every changed value goes to the audit log. An empty field means unknown (NULL).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "http/auth.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

#define NVALUES	4

/* The values, in the order of the SQL below; the form names are also the language keys. */
static const char *const value_names[NVALUES] = { "companies", "employees", "revenue", "members" };

static const struct form_field new_fields[] = {
	{ "year",	FT_INT, 1, 1990, 2100, NULL },
	{ "companies",	FT_INT, 0, 0, 10000000, NULL },
	{ "employees",	FT_INT, 0, 0, 100000000, NULL },
	{ "revenue",	FT_INT, 0, 0, 1000000000, NULL },
	{ "members",	FT_INT, 0, 0, 255, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};
static const struct form_field *const edit_fields = new_fields + 1;

static const char sql_list[] =
	"SELECT f.year, f.tenant_companies AS companies, f.employees, f.revenue_eok AS revenue, "
	"f.member_count AS members, f.version, s.outlet AS source FROM network_figures f "
	"LEFT JOIN sources s ON s.id = f.source_id ORDER BY f.year DESC";
#define ONE_SELECT \
	"SELECT version, tenant_companies, employees, revenue_eok, member_count FROM network_figures WHERE year = ?"
static const char sql_one[] = ONE_SELECT;
static const char sql_one_locked[] = ONE_SELECT " FOR UPDATE";
/* INSERT IGNORE: a year that exists already (even one saved a moment ago by someone else) inserts nothing. */
static const char sql_insert[] =
	"INSERT IGNORE INTO network_figures (tenant_companies, employees, revenue_eok, member_count, year) "
	"VALUES (?, ?, ?, ?, ?)";
/* Numbers the secretariat enters are its own: the seed's source no longer vouches for the row. */
static const char sql_update[] =
	"UPDATE network_figures SET tenant_companies = ?, employees = ?, revenue_eok = ?, member_count = ?, "
	"source_id = NULL, version = version + 1 WHERE year = ? AND version = ?";

/* One year's stored row: its version and values as text (NULL: unknown). */
struct year_row {
	long long	version;
	char		v[NVALUES][24];
	int		known[NVALUES];
};

static const char *
val(const struct year_row *r, int i)
{
	return r->known[i] ? r->v[i] : NULL;
}

/* Load year (lock = 1: FOR UPDATE, inside a transaction). 1 found, 0 not, -1 error. */
static int
load_year(struct db *db, long long year, int lock, struct year_row *r)
{
	struct db_stmt *st = db_prepare(db, lock ? sql_one_locked : sql_one);
	int rc, i, found = 0;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, year);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		r->version = db_col_int(st, 0);
		for (i = 0; i < NVALUES; i++)
			if ((r->known[i] = !db_col_isnull(st, i + 1)))
				snprintf(r->v[i], sizeof(r->v[i]), "%s", db_col_text(st, i + 1));
	}
	db_reset(st);
	return rc == DB_ERR ? -1 : found;
}

/* The list of years and the "add a year" form's context. */
static int
list_context(struct request *rq, HDF *hdf)
{
	struct db_stmt *st = db_prepare(rq->db, sql_list);

	if (st == NULL || page_rows(hdf, "Years", st) < 0)
		return db_err(rq->db);
	rq->tmpl = "admin_stats.cs";
	return 0;
}

int
page_admin_stats(struct request *rq, HDF *hdf)
{
	int rc = list_context(rq, hdf);

	if (rc == 0 && request_param(rq, "done") != NULL)
		render_set(hdf, request_param(rq, "done"), "Page.Done");
	return rc;
}

/* Numbers may be typed with thousands separators or spaces: take them out before the check. */
static void
strip_separators(struct request *rq)
{
	size_t i, j, k;

	for (i = 0; i < rq->params.n; i++) {
		char *v = rq->params.v[i].value;

		if (strcmp(rq->params.v[i].name, "csrf") == 0 || strcmp(rq->params.v[i].name, "version") == 0)
			continue;
		for (j = k = 0; v[j] != '\0'; j++)
			if (v[j] != ',' && v[j] != ' ')
				v[k++] = v[j];
		v[k] = '\0';
	}
}

/* After form_check: each number as the database will give it back ("0826" is 826), for the audit's comparison. */
static void
canonical_numbers(HDF *hdf)
{
	const char *v;
	long long n;
	int i;

	for (i = 0; i < NVALUES; i++)
		if ((v = form_value(hdf, value_names[i])) != NULL && parse_ll(v, 0, 1000000000000LL, &n) == 0)
			render_set_int(hdf, n, "Form.%s.value", value_names[i]);
}

/* Bind the four values (form order) from the checked form. */
static void
bind_values(struct db_stmt *st, HDF *hdf)
{
	int i;

	for (i = 0; i < NVALUES; i++)
		db_bind_text(st, i, form_value(hdf, value_names[i]));
}

/* Audit action on year: every value whose old (NULL for a new year) and new text differ. 0 or DB_ERR. */
static int
audit(struct request *rq, HDF *hdf, const char *action, long long year, const struct year_row *old)
{
	long long cid;
	int i;

	if (audit_change(rq->db, rq->session->user_id, action, "network_figures", year, 0, NULL, &cid) != 0)
		return DB_ERR;
	for (i = 0; i < NVALUES; i++) {
		const char *o = old != NULL ? val(old, i) : NULL, *n = form_value(hdf, value_names[i]);

		if (audit_differs(o, n) && audit_field(rq->db, cid, value_names[i], o, n) != 0)
			return DB_ERR;
	}
	return 0;
}

/* Run a write; the rows it changed, or -1. */
static long long
write_row(struct db_stmt *st)
{
	long long n = -1;

	if (db_step(st) == DB_DONE)
		n = (long long)db_affected(st);
	db_reset(st);
	return n;
}

int
page_admin_stats_create(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;
	long long year, n;
	int errors, rc;

	strip_separators(rq);
	if ((rc = list_context(rq, hdf)) != 0)
		return rc;
	if ((errors = form_check(rq, hdf, new_fields)) < 0)
		return 500;
	if (errors > 0)
		return 422;
	canonical_numbers(hdf);
	year = strtoll(form_value(hdf, "year"), NULL, 10);
	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	rc = db_err(rq->db);
	if ((st = db_prepare(rq->db, sql_insert)) == NULL)
		goto fail;
	bind_values(st, hdf);
	db_bind_int(st, NVALUES, year);
	if ((n = write_row(st)) < 0)
		goto fail;
	if (n == 0) {
		db_rollback(rq->db);
		render_set(hdf, hdf_get_value(hdf, "L.stats.err_year_exists", "?"), "Form.year.error");
		render_set(hdf, "year", "Form.Errors.0");
		render_set_int(hdf, 1, "Form.errors");
		return 422;
	}
	if (audit(rq, hdf, "create", year, NULL) != 0 || db_commit(rq->db) != 0)
		goto fail;
	rq->tmpl = NULL;
	return asprintf(&rq->location, "/admin/stats?done=saved") < 0 ? 500 : 303;
fail:
	db_rollback(rq->db);
	return rc;
}

/* The year named by the URL, as a number: 0, or 404. */
static int
url_year(const struct request *rq, long long *year)
{
	return parse_ll(rq->args[0], 1990, 2100, year) == 0 ? 0 : 404;
}

/* Put a stored row's values under prefix.<name>.value (empty for unknown). */
static void
set_values(HDF *hdf, const char *prefix, const struct year_row *r)
{
	int i;

	for (i = 0; i < NVALUES; i++)
		render_set(hdf, r->known[i] ? r->v[i] : "", "%s.%s.value", prefix, value_names[i]);
}

int
page_admin_stats_form(struct request *rq, HDF *hdf)
{
	struct year_row r;
	long long year;
	int rc, found;

	if ((rc = url_year(rq, &year)) != 0)
		return rc;
	if ((found = load_year(rq->db, year, 0, &r)) < 0)
		return db_err(rq->db);
	if (found == 0)
		return 404;
	set_values(hdf, "Form", &r);
	render_set_int(hdf, r.version, "Form.version.value");
	render_set_int(hdf, year, "Year");
	rq->tmpl = "admin_stats_year.cs";
	return 0;
}

/* The stale-version page: the stored numbers beside the user's; saving again overwrites deliberately. */
static int
conflict(HDF *hdf, const struct year_row *cur)
{
	set_values(hdf, "Current", cur);
	render_set_int(hdf, cur->version, "Form.version.value");
	render_set(hdf, "1", "Conflict");
	return 409;
}

/* Update year from version inside one transaction. 0, 1 (nothing changed), 409, 404 or a status. */
static int
store(struct request *rq, HDF *hdf, long long year, long long version, struct year_row *cur)
{
	struct db_stmt *st;
	int found, i, changed = 0, rc;

	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	rc = db_err(rq->db);
	if ((found = load_year(rq->db, year, 1, cur)) < 0)
		goto out;
	rc = found == 0 ? 404 : cur->version != version ? 409 : 0;
	for (i = 0; rc == 0 && i < NVALUES; i++)
		changed |= audit_differs(val(cur, i), form_value(hdf, value_names[i]));
	if (rc != 0 || !changed) {
		rc = rc != 0 ? rc : 1;
		goto out;
	}
	rc = db_err(rq->db);
	if ((st = db_prepare(rq->db, sql_update)) == NULL)
		goto out;
	bind_values(st, hdf);
	db_bind_int(st, NVALUES, year);
	db_bind_int(st, NVALUES + 1, version);
	if (write_row(st) != 1 || audit(rq, hdf, "update", year, cur) != 0 || db_commit(rq->db) != 0)
		goto out;
	return 0;
out:
	db_rollback(rq->db);
	return rc;
}

int
page_admin_stats_save(struct request *rq, HDF *hdf)
{
	struct year_row cur;
	long long year, version;
	int rc, errors;

	if ((rc = url_year(rq, &year)) != 0)
		return rc;
	if (parse_ll(request_param(rq, "version") ? request_param(rq, "version") : "", 1, 4294967295LL,
	    &version) != 0) {
		rq->error_detail = "version";
		return 400;
	}
	render_set_int(hdf, year, "Year");
	render_set_int(hdf, version, "Form.version.value");
	strip_separators(rq);
	if ((errors = form_check(rq, hdf, edit_fields)) < 0)
		return 500;
	/* the form comes back (422 with the messages, 409 with both sides, 200 "nothing changed") */
	rq->tmpl = "admin_stats_year.cs";
	if (errors > 0)
		return 422;
	canonical_numbers(hdf);
	rc = store(rq, hdf, year, version, &cur);
	if (rc == 409)
		return conflict(hdf, &cur);
	if (rc == 1) {
		render_set(hdf, hdf_get_value(hdf, "L.form.nothing_changed", ""), "Form.message");
		return 0;
	}
	rq->tmpl = NULL;
	if (rc != 0)
		return rc;
	return asprintf(&rq->location, "/admin/stats?done=saved") < 0 ? 500 : 303;
}
