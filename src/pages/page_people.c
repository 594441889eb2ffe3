/* page_people.c - the people directory (/people): search by name, title, department or technopark. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

#define PEOPLE_PAGE	50

static const char sql_tps[] =
	"SELECT slug, name_ko FROM technoparks ORDER BY name_ko";

/* tp=association selects the association's own staff (technopark_id NULL). The choice is made in
 * C and bound as a number: a bound string compared with a literal mixes collations. */
static const char sql_people[] =
	"SELECT p.name, p.title, p.department, p.note, p.is_demo, "
	"CASE WHEN ? THEN p.phone END AS phone, CASE WHEN ? THEN p.email END AS email, "
	"t.slug AS tp_slug, COALESCE(t.name_ko, a.name_ko) AS tp_name "
	"FROM people p LEFT JOIN technoparks t ON t.id = p.technopark_id "
	"JOIN association a ON a.id = 1 "
	"WHERE p.visible = 1 "
	"AND (? = 0 OR (? = 1 AND p.technopark_id IS NULL) OR t.slug = ?) "
	"AND (? IS NULL OR p.name LIKE ? OR p.title LIKE ? OR p.department LIKE ? "
	"OR COALESCE(t.name_ko, a.name_ko) LIKE ?) "
	"ORDER BY p.technopark_id IS NOT NULL, t.name_ko, p.sort, p.name, p.id LIMIT ? OFFSET ?";

/* "%q%" for LIKE, with the user's own % _ and \ taken literally. Caller frees. */
static char *
like_pattern(const char *q)
{
	size_t n = strlen(q), i, j = 0;
	char *p = malloc(2 * n + 3);

	if (p == NULL)
		return NULL;
	p[j++] = '%';
	for (i = 0; i < n; i++) {
		if (q[i] == '%' || q[i] == '_' || q[i] == '\\')
			p[j++] = '\\';
		p[j++] = q[i];
	}
	p[j++] = '%';
	p[j] = '\0';
	return p;
}

static int
load_tps(struct request *rq, HDF *hdf, const char *tp)
{
	struct db_stmt *st = db_prepare(rq->db, sql_tps);
	int found;

	if (st == NULL || page_options(hdf, "TPs", st, tp, &found) < 0)
		return db_err(rq->db);
	if (tp != NULL && !found && strcmp(tp, "association") != 0) {
		rq->error_detail = "tp";
		return 400;
	}
	return 0;
}

int
page_people_list(struct request *rq, HDF *hdf)
{
	const char *q = request_param(rq, "q"), *tp = request_param(rq, "tp");
	long long page = request_param_int(rq, "page", 1);
	int show = page_may_see_contacts(rq), rc, n;
	struct db_stmt *st;
	char *pat = NULL;

	if (q != NULL && *q == '\0')
		q = NULL;
	if ((rc = load_tps(rq, hdf, tp)) != 0)
		return rc;
	if (q != NULL && (pat = like_pattern(q)) == NULL)
		return 500;
	if ((st = db_prepare(rq->db, sql_people)) == NULL) {
		free(pat);
		return db_err(rq->db);
	}
	db_bind_int(st, 0, show);
	db_bind_int(st, 1, show);
	db_bind_int(st, 2, tp != NULL);
	db_bind_int(st, 3, tp != NULL && strcmp(tp, "association") == 0);
	db_bind_text(st, 4, tp);
	db_bind_text(st, 5, pat);
	for (rc = 6; rc <= 9; rc++)
		db_bind_text(st, rc, pat);
	db_bind_int(st, 10, PEOPLE_PAGE + 1);	/* one more than shown tells whether a next page exists */
	db_bind_int(st, 11, (page - 1) * PEOPLE_PAGE);
	n = page_rows(hdf, "People", st);
	free(pat);
	if (n < 0)
		return db_err(rq->db);
	if (n > PEOPLE_PAGE) {
		char last[32];

		snprintf(last, sizeof(last), "People.%d", PEOPLE_PAGE);
		hdf_remove_tree(hdf, last);
		render_set_int(hdf, page + 1, "Pager.next");
	}
	if (page > 1)
		render_set_int(hdf, page - 1, "Pager.prev");
	render_set_int(hdf, page, "Pager.page");
	render_set_int(hdf, n > PEOPLE_PAGE ? PEOPLE_PAGE : n, "Pager.count");
	render_set(hdf, q, "Filter.q");
	render_set(hdf, tp, "Filter.tp");
	if (show)
		render_set(hdf, "1", "Page.ShowContacts");
	rq->tmpl = "people.cs";
	return 0;
}
