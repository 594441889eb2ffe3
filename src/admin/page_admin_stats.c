/*
 * page_admin_stats.c - the secretariat's form for the network figures (/admin/stats): add a year, and
 * correct a year's numbers, both through the save pipeline (admin/save.c, model/figures.c): a one-time
 * key, the audit rows, a stale correction merged three ways. A year that exists is a message on the
 * form. An empty field means unknown (NULL).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/auth.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"
#include "admin/save.h"
#include "model/figures.h"

static const char sql_list[] =
	"SELECT f.year, f.tenant_companies AS companies, f.employees, f.revenue_eok AS revenue, "
	"f.member_count AS members, f.version, s.outlet AS source FROM network_figures f "
	"LEFT JOIN sources s ON s.id = f.source_id ORDER BY f.year DESC";
static const char sql_year_exists[] = "SELECT 1 FROM network_figures WHERE year = ?";

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
	if (rc == 0 && save_new_key(hdf) != 0)	/* the "add a year" form's one-time key */
		rc = 500;
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

/* The new year of the "add a year" form, once check_year passed it. */
static long long
new_year(HDF *hdf)
{
	long long year = 0;

	parse_ll(form_value(hdf, "year"), 1990, 2100, &year);
	return year;
}

/* The message msgkey on the year, first in the summary as it is first in the form. Returns 1 (errors added). */
static int
year_error(HDF *hdf, const struct save *sv, const char *msgkey)
{
	char names[RECORD_MAX_FIELDS + 1][32];
	HDF *node;
	int n = 0, i;

	save_field_error(hdf, sv->desc, "year", msgkey);
	snprintf(names[n++], sizeof(names[0]), "year");
	for (node = hdf_get_child(hdf, "Form.Errors"); node != NULL && n <= RECORD_MAX_FIELDS; node = hdf_obj_next(node))
		if (strcmp(hdf_obj_value(node), "year") != 0)
			snprintf(names[n++], sizeof(names[0]), "%s", hdf_obj_value(node));
	hdf_remove_tree(hdf, "Form.Errors");
	for (i = 0; i < n; i++)
		render_set(hdf, names[i], "Form.Errors.%d", i);
	return 1;
}

/*
 * After the description's checks (save.check): the year, the key the description does not hold, is a year
 * and not there yet. Returns how many errors it added, or a TP_E* code.
 */
static int
check_year(struct request *rq, HDF *hdf, const struct save *sv)
{
	const char *v = request_param(rq, "year");
	long long year;
	int taken;

	render_set(hdf, v, "Form.year.value");
	if (v == NULL || *v == '\0')
		return year_error(hdf, sv, "L.form.err_required");
	if (parse_ll(v, 1990, 2100, &year) != 0)
		return year_error(hdf, sv, "L.form.err_int");
	render_set_int(hdf, year, "Form.year.value");
	if ((taken = db_exists(rq->db, sql_year_exists, year)) < 0)
		return db_err(rq->db);
	return taken ? year_error(hdf, sv, "L.stats.err_year_exists") : 0;
}

/* The write of a new year (save.write): one added meanwhile by someone else is the same message. */
static int
write_year(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *values, long long *new_id)
{
	long long year = new_year(hdf);
	int rc;

	(void)cur;
	if ((rc = figures_create(rq->db, rq->session->user_id, year, values)) == TP_EINVALID)
		year_error(hdf, sv, "L.stats.err_year_exists");	/* added a moment ago by someone else */
	*new_id = year;
	return rc;
}

/* A new year through the save pipeline (admin/save.c): its one-time key, the transaction run again on a
 * lock wait, 422 with every value typed, 429 when busy every time. */
int
page_admin_stats_create(struct request *rq, HDF *hdf)
{
	struct save sv;
	int rc;

	strip_separators(rq);
	if ((rc = list_context(rq, hdf)) != 0)
		return rc;
	memset(&sv, 0, sizeof(sv));
	sv.desc = &figures_record;
	sv.tmpl = "admin_stats.cs";
	sv.check = check_year;
	sv.location = list_location;
	sv.write = write_year;
	return save_record(rq, hdf, &sv);
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
