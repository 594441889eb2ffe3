/* page_members.c - the member directory (/members) and one technopark's profile (/members/{slug}). */
#include <string.h>

#include "pages/committees_page.h"
#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

/* The filter options: only regions and industries that have members. */
static const char sql_regions[] =
	"SELECT r.slug, r.name_ko, COUNT(*) AS n FROM regions r "
	"JOIN technoparks t ON t.region_id = r.id GROUP BY r.id, r.slug, r.name_ko, r.sort ORDER BY r.sort";
static const char sql_industries[] =
	"SELECT i.slug, i.name_ko, COUNT(*) AS n FROM industries i "
	"JOIN technopark_industries ti ON ti.industry_id = i.id "
	"GROUP BY i.id, i.slug, i.name_ko ORDER BY i.name_ko";

/* ORDER BY cannot take a bound value, so each sort order is its own literal. */
#define MEMBERS_SELECT \
	"SELECT t.slug, t.name_ko, t.name_en, t.joined_year, t.joined_note, t.founding_member, " \
	"r.slug AS region_slug, r.name_ko AS region, t.region_derived, t.name_en_derived, " \
	"(SELECT GROUP_CONCAT(i.name_ko ORDER BY i.name_ko SEPARATOR ', ') FROM technopark_industries ti " \
	" JOIN industries i ON i.id = ti.industry_id WHERE ti.technopark_id = t.id) AS industries " \
	"FROM technoparks t JOIN regions r ON r.id = t.region_id " \
	"WHERE (? IS NULL OR r.slug = ?) AND (? IS NULL OR EXISTS (SELECT 1 FROM technopark_industries ti " \
	" JOIN industries i ON i.id = ti.industry_id WHERE ti.technopark_id = t.id AND i.slug = ?)) "
static const char sql_members_by_name[] = MEMBERS_SELECT "ORDER BY t.name_ko, t.id";
static const char sql_members_by_joined[] = MEMBERS_SELECT
	"ORDER BY t.joined_year IS NULL, t.joined_year, t.name_ko, t.id";

/* Load a filter's options; a value that is not among them is a bad filter (400). */
static int
load_filter(struct request *rq, HDF *hdf, const char *sql, const char *prefix, const char *key)
{
	const char *sel = request_param(rq, key);
	struct db_stmt *st;
	int found;

	if ((st = db_prepare(rq->db, sql)) == NULL)
		return db_err(rq->db);
	if (page_options(hdf, prefix, st, sel, &found) < 0)
		return db_err(rq->db);
	if (sel != NULL && !found) {
		rq->error_detail = key;
		return 400;
	}
	return 0;
}

int
page_members_list(struct request *rq, HDF *hdf)
{
	const char *region = request_param(rq, "region"), *industry = request_param(rq, "industry");
	const char *sort = request_param(rq, "sort");
	struct db_stmt *st;
	int rc, n;

	if ((rc = load_filter(rq, hdf, sql_regions, "Regions", "region")) != 0 ||
	    (rc = load_filter(rq, hdf, sql_industries, "Industries", "industry")) != 0)
		return rc;
	if (sort == NULL)
		sort = "name";
	st = db_prepare(rq->db, strcmp(sort, "joined") == 0 ? sql_members_by_joined : sql_members_by_name);
	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, region);
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, industry);
	db_bind_text(st, 3, industry);
	if ((n = page_rows(hdf, "Members", st)) < 0)
		return db_err(rq->db);
	render_set_int(hdf, n, "MemberCount");
	render_set(hdf, region, "Filter.region");
	render_set(hdf, industry, "Filter.industry");
	render_set(hdf, sort, "Filter.sort");
	rq->tmpl = "members.cs";
	return 0;
}

static const char sql_member[] =
	"SELECT t.id, t.slug, t.name_ko, t.name_en, t.joined_year, t.joined_note, t.founding_member, "
	"t.summary, t.director, t.director_note, t.address, t.phone, t.email, t.website, "
	"r.slug AS region_slug, r.name_ko AS region, t.region_derived, t.name_en_derived, "
	/* the year of the source a field restates, for its "2020년 기사 기준" (NULL once someone edited it) */
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = t.summary_source_id) AS summary_src_year, "
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = t.director_source_id) AS director_src_year, "
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = t.source_id) AS src_year, "
	"t.demo_fields "	/* the fields a demo account wrote (issue 20) */
	"FROM technoparks t JOIN regions r ON r.id = t.region_id WHERE t.slug = ?";
static const char sql_member_industries[] =
	"SELECT i.slug, i.name_ko FROM technopark_industries ti JOIN industries i ON i.id = ti.industry_id "
	"JOIN technoparks t ON t.id = ti.technopark_id WHERE t.slug = ? ORDER BY i.name_ko";
static const char sql_member_events[] =
	"SELECT e.year, e.year_note, e.description FROM technopark_events e "
	"JOIN technoparks t ON t.id = e.technopark_id WHERE t.slug = ? "
	"ORDER BY e.year IS NULL, e.year, e.sort, e.id";
static const char sql_member_people[] =
	"SELECT p.name, p.title, p.department, p.note, p.is_demo, "
	"CASE WHEN ? THEN p.phone END AS phone, CASE WHEN ? THEN p.email END AS email, "
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = p.source_id AND p.is_demo = 0) AS src_year "
	"FROM people p "
	"JOIN technoparks t ON t.id = p.technopark_id WHERE t.slug = ? AND p.visible = 1 "
	"ORDER BY p.sort, p.name, p.id";

/* Run one of the profile's lists, bound to the slug, into prefix. */
static int
member_list(struct request *rq, HDF *hdf, const char *sql, const char *prefix)
{
	struct db_stmt *st = db_prepare(rq->db, sql);

	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, rq->args[0]);
	return page_rows(hdf, prefix, st) < 0 ? db_err(rq->db) : 0;
}

/* The labels of the profile fields a demo account wrote (comma-joined set) as DemoFields.0, .1, ... */
static void
demo_fields(HDF *hdf, const char *set)
{
	char key[64];
	size_t k;
	int n = 0;

	while (*set != '\0') {
		k = strcspn(set, ",");
		snprintf(key, sizeof(key), "L.field.%.*s", (int)(k < 40 ? k : 40), set);
		render_set(hdf, hdf_get_value(hdf, key, ""), "DemoFields.%d", n++);
		set += k + (set[k] == ',');
	}
}

int
page_members_show(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;
	int rc;

	if ((st = db_prepare(rq->db, sql_member)) == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, rq->args[0]);
	if ((rc = page_row_one(hdf, "TP", st)) < 0)
		return db_err(rq->db);
	if (rc == 0)
		return 404;
	demo_fields(hdf, hdf_get_value(hdf, "TP.demo_fields", ""));
	if ((rc = member_list(rq, hdf, sql_member_industries, "Industries")) != 0 ||
	    (rc = member_list(rq, hdf, sql_member_events, "Events")) != 0)
		return rc;
	/* Contact details leave the database only for readers who may see them. */
	if ((st = db_prepare(rq->db, sql_member_people)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, page_may_see_contacts(rq));
	db_bind_int(st, 1, page_may_see_contacts(rq));
	db_bind_text(st, 2, rq->args[0]);
	if (page_rows(hdf, "People", st) < 0)
		return db_err(rq->db);
	if ((rc = committees_tp_seats(rq, hdf, "Seats", hdf_get_int_value(hdf, "TP.id", 0))) != 0)
		return rc;
	if ((rc = page_news_member(rq, hdf, hdf_get_int_value(hdf, "TP.id", 0))) != 0)
		return rc;
	if (page_may_see_contacts(rq))
		render_set(hdf, "1", "Page.ShowContacts");
	rq->tmpl = "member.cs";
	return 0;
}
