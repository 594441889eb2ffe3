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
 * C and bound as a number: a bound string compared with a literal mixes collations. The filter's
 * eight values are bound by bind_filter, in this order. */
#define PEOPLE_FROM \
	"FROM people p LEFT JOIN technoparks t ON t.id = p.technopark_id " \
	"JOIN association a ON a.id = 1 " \
	"WHERE p.visible = 1 " \
	"AND (? = 0 OR (? = 1 AND p.technopark_id IS NULL) OR t.slug = ?) " \
	"AND (? IS NULL OR p.name LIKE ? OR p.title LIKE ? OR p.department LIKE ? " \
	"OR COALESCE(t.name_ko, a.name_ko) LIKE ?) "

static const char sql_people[] =
	"SELECT p.name, p.title, p.department, p.note, p.is_demo, "
	"CASE WHEN ? THEN p.phone END AS phone, CASE WHEN ? THEN p.email END AS email, "
	"t.slug AS tp_slug, COALESCE(t.name_ko, a.name_ko) AS tp_name, "
	/* a real person as a source tells it: the page says "2020년 기사 기준" */
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = p.source_id AND p.is_demo = 0) AS src_year "
	PEOPLE_FROM
	"ORDER BY p.technopark_id IS NOT NULL, t.name_ko, p.sort, p.name, p.id LIMIT ? OFFSET ?";
/* The total and how many of it are demo people: a count that includes them says so (issue 20). */
static const char sql_count[] =
	"SELECT COUNT(*), COALESCE(SUM(p.is_demo), 0) " PEOPLE_FROM;

/* How many page links around the current one the pager shows (besides the first and the last). */
#define PEOPLE_PAGER_SPAN	2

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

/* Bind the filter's eight values from position first on (see PEOPLE_FROM). */
static void
bind_filter(struct db_stmt *st, int first, const char *tp, const char *pat)
{
	int i;

	db_bind_int(st, first, tp != NULL);
	db_bind_int(st, first + 1, tp != NULL && strcmp(tp, "association") == 0);
	db_bind_text(st, first + 2, tp);
	for (i = first + 3; i <= first + 7; i++)
		db_bind_text(st, i, pat);
}

/* How many people the filter finds, into *total, and how many of them are demo (Pager.demo). 0 or a status. */
static int
count_people(struct request *rq, HDF *hdf, const char *tp, const char *pat, long long *total)
{
	struct db_stmt *st = db_prepare(rq->db, sql_count);
	int rc;

	if (st == NULL)
		return db_err(rq->db);
	bind_filter(st, 0, tp, pat);
	if ((rc = db_step(st)) == DB_ROW) {
		*total = db_col_int(st, 0);
		render_set_int(hdf, db_col_int(st, 1), "Pager.demo");
	}
	db_reset(st);
	return rc == DB_ROW ? 0 : db_err(rq->db);
}

/*
 * The numbered links under Pager.Links: the first page, the last, and PEOPLE_PAGER_SPAN pages either
 * side of page, with a gap entry (gap = 1) where numbers are left out. Pager.pages is the last page.
 */
static void
pager_links(HDF *hdf, long long page, long long pages)
{
	long long from = page - PEOPLE_PAGER_SPAN, to = page + PEOPLE_PAGER_SPAN, k;
	int n = 0;

	render_set_int(hdf, pages, "Pager.pages");
	if (from < 1)
		from = 1;
	if (to > pages)
		to = pages;
	if (from > 1)
		render_set_int(hdf, 1, "Pager.Links.%d.n", n++);
	if (from > 2)
		render_set(hdf, "1", "Pager.Links.%d.gap", n++);
	for (k = from; k <= to; k++) {
		if (k == page)
			render_set(hdf, "1", "Pager.Links.%d.current", n);
		render_set_int(hdf, k, "Pager.Links.%d.n", n++);
	}
	if (to < pages - 1)
		render_set(hdf, "1", "Pager.Links.%d.gap", n++);
	if (to < pages)
		render_set_int(hdf, pages, "Pager.Links.%d.n", n++);
}

/* One page of people: the rows under People, the links to the others under Pager. 0 or a status. */
static int
list_people(struct request *rq, HDF *hdf, const char *tp, const char *pat, long long page, long long total)
{
	struct db_stmt *st = db_prepare(rq->db, sql_people);
	int show = page_may_see_contacts(rq), n;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, show);
	db_bind_int(st, 1, show);
	bind_filter(st, 2, tp, pat);
	db_bind_int(st, 10, PEOPLE_PAGE);
	db_bind_int(st, 11, (page - 1) * PEOPLE_PAGE);
	if ((n = page_rows(hdf, "People", st)) < 0)
		return db_err(rq->db);
	if (page * PEOPLE_PAGE < total)
		render_set_int(hdf, page + 1, "Pager.next");
	if (page > 1)
		render_set_int(hdf, page - 1, "Pager.prev");
	render_set_int(hdf, page, "Pager.page");
	render_set_int(hdf, n, "Pager.count");
	render_set_int(hdf, total, "Pager.total");
	if (n > 0) {
		render_set_int(hdf, (page - 1) * PEOPLE_PAGE + 1, "Pager.from");
		render_set_int(hdf, (page - 1) * PEOPLE_PAGE + n, "Pager.to");
	}
	pager_links(hdf, page, (total + PEOPLE_PAGE - 1) / PEOPLE_PAGE);
	if (show)
		render_set(hdf, "1", "Page.ShowContacts");
	return 0;
}

int
page_people_list(struct request *rq, HDF *hdf)
{
	const char *q = request_param(rq, "q"), *tp = request_param(rq, "tp");
	long long page = request_param_int(rq, "page", 1), total = 0;
	char *pat = NULL;
	int rc;

	if ((rc = load_tps(rq, hdf, tp)) != 0)
		return rc;
	if (q != NULL && (pat = like_pattern(q)) == NULL)
		return 500;
	if ((rc = count_people(rq, hdf, tp, pat, &total)) != 0)
		goto out;
	if ((rc = list_people(rq, hdf, tp, pat, page, total)) != 0)
		goto out;
	render_set(hdf, q, "Filter.q");
	render_set(hdf, tp, "Filter.tp");
	rq->tmpl = "people.cs";
out:
	free(pat);
	return rc;
}
