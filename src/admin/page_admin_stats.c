/*
 * page_admin_stats.c - the secretariat's form for the network figures (/admin/stats): add a year, and
 * correct a year's numbers. Adding is one transaction here (a year that exists is a message on the form);
 * correcting goes through the save pipeline (admin/save.c, model/figures.c): a stale form merges three
 * ways. Every changed value goes to the audit log. An empty field means unknown (NULL).
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
#include "admin/save.h"
#include "model/figures.h"

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

static const char sql_list[] =
	"SELECT f.year, f.tenant_companies AS companies, f.employees, f.revenue_eok AS revenue, "
	"f.member_count AS members, f.version, s.outlet AS source FROM network_figures f "
	"LEFT JOIN sources s ON s.id = f.source_id ORDER BY f.year DESC";
/* INSERT IGNORE: a year that exists already (even one saved a moment ago by someone else) inserts nothing. */
static const char sql_insert[] =
	"INSERT IGNORE INTO network_figures (tenant_companies, employees, revenue_eok, member_count, year) "
	"VALUES (?, ?, ?, ?, ?)";

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

/* Audit the creation of year: every value it was given. 0 or DB_ERR. */
static int
audit(struct request *rq, HDF *hdf, long long year)
{
	long long cid;
	int i;

	if (audit_change(rq->db, rq->session->user_id, "create", "network_figures", year, 0, NULL, &cid) != 0)
		return DB_ERR;
	for (i = 0; i < NVALUES; i++) {
		const char *n = form_value(hdf, value_names[i]);

		if (n != NULL && audit_field(rq->db, cid, value_names[i], NULL, n) != 0)
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
	if (audit(rq, hdf, year) != 0 || db_commit(rq->db) != 0)
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

int
page_admin_stats_form(struct request *rq, HDF *hdf)
{
	struct record_row r;
	long long year;
	int rc;

	if ((rc = url_year(rq, &year)) != 0)
		return rc;
	if ((rc = figures_record.load(rq->db, year, &r)) == 1 && save_form(hdf, &figures_record, &r) == 0) {
		render_set_int(hdf, year, "Year");
		rq->tmpl = "admin_stats_year.cs";
	}
	record_row_free(&r);
	return rc == 1 ? 0 : rc == 0 ? 404 : db_err(rq->db);
}

/* Where a save of a year answers: the list, saying it was saved. */
static int
list_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done, char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	(void)id;
	(void)done;
	if ((*location = strdup("/admin/stats?done=saved")) == NULL)
		return -1;
	return 0;
}

/* A year's figures through the save pipeline (admin/save.c): a stale form merges three ways. */
int
page_admin_stats_save(struct request *rq, HDF *hdf)
{
	struct record_row r;
	struct save sv;
	long long year;
	int rc;

	if ((rc = url_year(rq, &year)) != 0)
		return rc;
	if ((rc = figures_record.load(rq->db, year, &r)) != 1) {	/* 404 before the form is read */
		record_row_free(&r);
		return rc == 0 ? 404 : db_err(rq->db);
	}
	record_row_free(&r);
	render_set_int(hdf, year, "Year");
	strip_separators(rq);
	memset(&sv, 0, sizeof(sv));
	sv.desc = &figures_record;
	sv.id = year;
	sv.tmpl = "admin_stats_year.cs";
	sv.location = list_location;
	return save_record(rq, hdf, &sv);
}
