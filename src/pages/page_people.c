/*
 * page_people.c - the people directory (/people): search by name, title, department or technopark; and
 * the same list as a file (/people.csv, /people.vcf, /members/{slug}/people.vcf) for signed-in users.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"
#include "view/export.h"

#define PEOPLE_PAGE	50
/* The most people one export holds (the directory has a few hundred; a cap keeps one request bounded). */
#define EXPORT_MAX	5000

static const char sql_tps[] =
	"SELECT slug, name_ko, name_en FROM technoparks ORDER BY name_ko";

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
	"t.slug AS tp_slug, COALESCE(t.name_ko, a.name_ko) AS tp_name, COALESCE(t.name_en, a.name_en) AS tp_name_en, "
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

/* ---------------------------------------------------------------- exports */

/* The columns of sql_people, by position. */
enum { C_NAME, C_TITLE, C_DEPT, C_NOTE, C_DEMO, C_PHONE, C_EMAIL, C_SLUG, C_ORG, C_SRCYEAR };

/* What the page shows beside a name, as one text: the note, "2020년 기사 기준", or the demo mark. */
static void
remark(const struct db_stmt *st, HDF *hdf, char *out, size_t size)
{
	const char *note = db_col_text(st, C_NOTE), *year = db_col_text(st, C_SRCYEAR);

	if (db_col_int(st, C_DEMO) == 1)
		snprintf(out, size, "%s", hdf_get_value(hdf, "L.demo_note", "demo"));
	else if (year != NULL && note != NULL)
		snprintf(out, size, "%s (%s%s)", note, year, hdf_get_value(hdf, "L.source.as_of", ""));
	else if (year != NULL)
		snprintf(out, size, "%s%s", year, hdf_get_value(hdf, "L.source.as_of", ""));
	else
		snprintf(out, size, "%s", note != NULL ? note : "");
}

static int
csv_person(struct buf *out, const struct db_stmt *st, HDF *hdf, int contacts)
{
	char rem[1024];
	int rc;

	remark(st, hdf, rem, sizeof(rem));
	rc = csv_field(out, db_col_text(st, C_NAME), 1) | csv_field(out, db_col_text(st, C_ORG), 0) |
	    csv_field(out, db_col_text(st, C_TITLE), 0) | csv_field(out, db_col_text(st, C_DEPT), 0);
	if (contacts)
		rc |= csv_field(out, db_col_text(st, C_PHONE), 0) | csv_field(out, db_col_text(st, C_EMAIL), 0);
	return rc | csv_field(out, rem, 0) | csv_end(out);
}

static int
vcard_person(struct buf *out, const struct db_stmt *st, HDF *hdf, int contacts)
{
	const char *name = db_col_text(st, C_NAME);
	char family[256], given[256], rem[1024];
	const char *n[5], *org[2];
	int rc;

	if (name == NULL || vcard_split_korean_name(name, family, given, sizeof(family)) != 0)
		return -1;
	n[0] = family, n[1] = given, n[2] = n[3] = n[4] = NULL;
	org[0] = db_col_text(st, C_ORG), org[1] = db_col_text(st, C_DEPT);
	remark(st, hdf, rem, sizeof(rem));
	rc = buf_puts(out, "BEGIN:VCARD\r\nVERSION:4.0\r\n") | vcard_prop(out, "FN;LANGUAGE=ko", name) |
	    vcard_prop_list(out, "N;LANGUAGE=ko", n, 5) | vcard_prop_list(out, "ORG", org, 2) |
	    vcard_prop(out, "TITLE", db_col_text(st, C_TITLE));
	if (contacts) {
		/* a number as the directory writes it (041-589-0600): a text value, not a tel: URI */
		rc |= vcard_prop(out, "TEL;VALUE=text;TYPE=work", db_col_text(st, C_PHONE)) |
		    vcard_prop(out, "EMAIL;TYPE=work", db_col_text(st, C_EMAIL));
	}
	return rc | vcard_prop(out, "NOTE", rem) | buf_puts(out, "END:VCARD\r\n");
}

/*
 * Everyone the filter (tp, q) finds, as /people lists them over all its pages, into rq->raw as CSV or
 * vCard; contact details by the page's own rule. name is the file's name without its suffix.
 */
static int
export_people(struct request *rq, HDF *hdf, const char *tp, const char *q, int vcard, const char *name)
{
	struct buf *out = &rq->raw;
	struct db_stmt *st;
	char *pat = NULL, disp[256];
	int show = page_may_see_contacts(rq), rc, bad = 0, n = 0;

	if (q != NULL && (pat = like_pattern(q)) == NULL)
		return 500;
	if ((st = db_prepare(rq->db, sql_people)) == NULL) {
		free(pat);
		return db_err(rq->db);
	}
	db_bind_int(st, 0, show);
	db_bind_int(st, 1, show);
	bind_filter(st, 2, tp, pat);
	db_bind_int(st, 10, EXPORT_MAX);
	db_bind_int(st, 11, 0);
	if (!vcard) {
		bad |= csv_begin(out);
		bad |= csv_field(out, hdf_get_value(hdf, "L.people.name", "name"), 1);
		bad |= csv_field(out, hdf_get_value(hdf, "L.people.org", "org"), 0);
		bad |= csv_field(out, hdf_get_value(hdf, "L.people.position", "title"), 0);
		bad |= csv_field(out, hdf_get_value(hdf, "L.people.department", "department"), 0);
		if (show)
			bad |= csv_field(out, hdf_get_value(hdf, "L.people.phone", "phone"), 0) |
			    csv_field(out, hdf_get_value(hdf, "L.people.email", "email"), 0);
		bad |= csv_field(out, hdf_get_value(hdf, "L.people.remark", "remark"), 0) | csv_end(out);
	}
	while ((rc = db_step(st)) == DB_ROW) {
		bad |= vcard ? vcard_person(out, st, hdf, show) : csv_person(out, st, hdf, show);
		n++;
	}
	db_reset(st);
	free(pat);
	if (rc != DB_DONE) {
		buf_free(out);
		return db_err(rq->db);
	}
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s.%s\"", name, vcard ? "vcf" : "csv");
	if (bad || request_add_header(rq, "Content-Disposition", disp) != 0) {
		buf_free(out);
		return 500;
	}
	if (n == EXPORT_MAX)
		log_warn("people export: %d rows, the most one file holds (EXPORT_MAX); narrow the filter", n);
	rq->content_type_out = vcard ? "text/vcard; charset=utf-8" : "text/csv; charset=utf-8";
	return 0;
}

/* /people.csv and /people.vcf: the page's own filter (an unknown technopark is its 400). */
static int
people_file(struct request *rq, HDF *hdf, int vcard)
{
	const char *tp = request_param(rq, "tp");
	int rc;

	if ((rc = load_tps(rq, hdf, tp)) != 0)
		return rc;
	return export_people(rq, hdf, tp, request_param(rq, "q"), vcard, "tp-people");
}

int
page_people_csv(struct request *rq, HDF *hdf)
{
	return people_file(rq, hdf, 0);
}

int
page_people_vcf(struct request *rq, HDF *hdf)
{
	return people_file(rq, hdf, 1);
}

/* One technopark's people as one .vcf: /members/{slug}/people.vcf (404 for a slug that is none). */
int
page_member_people_vcf(struct request *rq, HDF *hdf)
{
	const char *slug = rq->args[0];
	char name[160];
	int rc;

	if ((rc = load_tps(rq, hdf, slug)) == 400 || strcmp(slug, "association") == 0)
		return 404;
	if (rc != 0)
		return rc;
	snprintf(name, sizeof(name), "tp-people-%s", slug);
	return export_people(rq, hdf, slug, NULL, 1, name);
}
