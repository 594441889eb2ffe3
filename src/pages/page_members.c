/*
 * page_members.c - the member directory (/members), one technopark's profile (/members/{slug}), and the
 * directory as a CSV file for signed-in users (/members.csv, the same filter).
 */
#include <stdio.h>
#include <string.h>

#include "model/library.h"
#include "pages/committees_page.h"
#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"
#include "view/export.h"

/* The filter options: only regions and industries that have members. */
static const char sql_regions[] =
	"SELECT r.slug, r.name_ko, COUNT(*) AS n, r.name_en FROM regions r "
	"JOIN technoparks t ON t.region_id = r.id GROUP BY r.id, r.slug, r.name_ko, r.name_en, r.sort ORDER BY r.sort";
static const char sql_industries[] =
	"SELECT i.slug, i.name_ko, COUNT(*) AS n, i.name_en FROM industries i "
	"JOIN technopark_industries ti ON ti.industry_id = i.id "
	"GROUP BY i.id, i.slug, i.name_ko, i.name_en ORDER BY i.name_ko";

/* ORDER BY cannot take a bound value, so each sort order is its own literal. */
#define MEMBERS_COLUMNS \
	"SELECT t.slug, t.name_ko, t.name_en, t.joined_year, t.joined_note, t.founding_member, " \
	"r.slug AS region_slug, r.name_ko AS region, t.region_derived, t.name_en_derived, " \
	"(SELECT GROUP_CONCAT(i.name_ko ORDER BY i.name_ko SEPARATOR ', ') FROM technopark_industries ti " \
	" JOIN industries i ON i.id = ti.industry_id WHERE ti.technopark_id = t.id) AS industries "
/* the list's English forms (issue 17): the region's, and the industries' where every one has one */
#define MEMBERS_SELECT MEMBERS_COLUMNS ", r.name_en AS region_en, " \
	"(SELECT IF(COUNT(i.name_en) = COUNT(*), GROUP_CONCAT(i.name_en ORDER BY i.name_ko SEPARATOR ', '), NULL) " \
	" FROM technopark_industries ti JOIN industries i ON i.id = ti.industry_id WHERE ti.technopark_id = t.id) " \
	"AS industries_en " MEMBERS_FILTER
#define MEMBERS_FILTER \
	"FROM technoparks t JOIN regions r ON r.id = t.region_id " \
	"WHERE (? IS NULL OR r.slug = ?) AND (? IS NULL OR EXISTS (SELECT 1 FROM technopark_industries ti " \
	" JOIN industries i ON i.id = ti.industry_id WHERE ti.technopark_id = t.id AND i.slug = ?)) "
static const char sql_members_by_name[] = MEMBERS_SELECT "ORDER BY t.name_ko, t.id";
static const char sql_members_by_joined[] = MEMBERS_SELECT
	"ORDER BY t.joined_year IS NULL, t.joined_year, t.name_ko, t.id";
/* The CSV: the list's columns and the profile's facts (columns 11-16), in the list's name order. */
static const char sql_members_export[] = MEMBERS_COLUMNS
	", t.director, t.address, t.phone, t.email, t.website, "
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = t.director_source_id) AS director_src_year "
	MEMBERS_FILTER "ORDER BY t.name_ko, t.id";

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
	"t.summary, t.director, t.director_note, t.address, t.phone, t.email, t.website, t.summary_en, t.address_en, "
	"r.slug AS region_slug, r.name_ko AS region, r.name_en AS region_en, t.region_derived, t.name_en_derived, "
	/* the year of the source a field restates, for its "2020년 기사 기준" (NULL once someone edited it) */
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = t.summary_source_id) AS summary_src_year, "
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = t.director_source_id) AS director_src_year, "
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = t.source_id) AS src_year, "
	"t.demo_fields "	/* the fields a demo account wrote (issue 20) */
	"FROM technoparks t JOIN regions r ON r.id = t.region_id WHERE t.slug = ?";
static const char sql_member_industries[] =
	"SELECT i.slug, i.name_ko, i.name_en FROM technopark_industries ti JOIN industries i ON i.id = ti.industry_id "
	"JOIN technoparks t ON t.id = ti.technopark_id WHERE t.slug = ? ORDER BY i.name_ko";
static const char sql_member_events[] =
	"SELECT e.year, e.year_note, e.description FROM technopark_events e "
	"JOIN technoparks t ON t.id = e.technopark_id WHERE t.slug = ? "
	"ORDER BY e.year IS NULL, e.year, e.sort, e.id";
/*
 * The profile's people, the technopark's committee seats today (its own, as the technopark, and its
 * visible people's) and its newest library documents (issue 19; signed-in-only ones for signed-in readers):
 * one statement, three lists (page_lists; issue 16: at most three round trips for the page). Contact
 * details leave the database only for readers who may see them.
 */
static const char sql_member_people_seats[] =
	"(SELECT 0 AS k, p.sort AS a1, p.name AS a2, p.id AS a3, NULL AS b1, NULL AS b2, NULL AS b3, NULL AS b4, "
	"NULL AS b5, NULL AS c1, NULL AS c2, p.name, p.title, p.department, p.note, p.is_demo, "
	"CASE WHEN ? THEN p.phone END AS phone, CASE WHEN ? THEN p.email END AS email, "
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = p.source_id AND p.is_demo = 0) AS src_year, "
	"NULL AS c8 "
	"FROM people p WHERE p.technopark_id = ? AND p.visible = 1) "
	"UNION ALL "
	"(SELECT 1, NULL, NULL, NULL, c.sort, c.id, m.role + 0, p.name, m.id, NULL, NULL, c.slug, c.name_ko, m.role, "
	"CASE WHEN m.person_id IS NOT NULL THEN p.name END, m.term_start, m.term_end, m.is_demo, NULL, c.name_en "
	"FROM committee_members m JOIN committees c ON c.id = m.committee_id "
	"LEFT JOIN people p ON p.id = m.person_id "
	"WHERE (m.technopark_id = ? OR (p.technopark_id = ? AND p.visible = 1)) "
	"AND (m.term_start IS NULL OR m.term_start <= CURDATE()) "
	"AND (m.term_end IS NULL OR m.term_end >= CURDATE())) "
	"UNION ALL "
	/* newest first under ascending keys: the seconds to a far day, then the id counted down */
	"(SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
	"TIMESTAMPDIFF(SECOND, d.created_at, TIMESTAMP '2999-01-01 00:00:00'), 4294967295 - d.id, "
	"d.id, d.title, k.name_ko, d.year, d.audience, d.is_demo, k.name_en, NULL, NULL "
	"FROM library_documents d JOIN library_kinds k ON k.id = d.kind_id "
	"WHERE d.listed = 1 AND d.technopark_id = ? AND (? = 1 OR d.audience = 'public') "
	"ORDER BY d.created_at DESC, d.id DESC LIMIT " LIBRARY_PROFILE_SIZE_SQL ") "
	"ORDER BY k, a1, a2, a3, b1, b2, b3, b4, b5, c1, c2";
#define PEOPLE_SEATS_KEYS	10
static const char *const people_cols[] = {
	"name", "title", "department", "note", "is_demo", "phone", "email", "src_year", NULL
};
static const char *const seat_cols[] = {
	"committee_slug", "committee", "role", "person", "term_start", "term_end", "is_demo", "", "committee_en", NULL
};
static const char *const library_cols[] = { "id", "title", "kind_name", "year", "audience", "is_demo", "kind_name_en", NULL };

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
	struct page_list lists[3] = { { "People", people_cols, 0, 0 }, { "Seats", seat_cols, 0, 0 },
		{ "Library", library_cols, 0, 0 } };
	struct db_stmt *st;
	long long tp_id;
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
	tp_id = hdf_get_int_value(hdf, "TP.id", 0);
	if ((st = db_prepare(rq->db, sql_member_people_seats)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, page_may_see_contacts(rq));
	db_bind_int(st, 1, page_may_see_contacts(rq));
	db_bind_int(st, 2, tp_id);
	db_bind_int(st, 3, tp_id);
	db_bind_int(st, 4, tp_id);
	db_bind_int(st, 5, tp_id);
	db_bind_int(st, 6, rq->session != NULL);
	if (page_lists(hdf, st, PEOPLE_SEATS_KEYS, lists, 3) != 0)
		return db_err(rq->db);
	if ((rc = page_news_member(rq, hdf, tp_id)) != 0)
		return rc;
	if (page_may_see_contacts(rq))
		render_set(hdf, "1", "Page.ShowContacts");
	rq->tmpl = "member.cs";
	return 0;
}

/* A fact and its mark as the profile shows it: "Gangwon Technopark (포털의 영문 표기)". */
static int
csv_marked(struct buf *out, const char *v, const char *mark)
{
	char t[512];

	if (v == NULL || mark == NULL)
		return csv_field(out, v, 0);
	snprintf(t, sizeof(t), "%s (%s)", v, mark);
	return csv_field(out, t, 0);
}

/*
 * /members.csv: the directory as the list shows it (the same region and industry filter) with the
 * profile's facts, for signed-in users. The marks of issue 20 come along in the cells: an English name or
 * a region the portal derived, an office as of the source's year.
 */
int
page_members_csv(struct request *rq, HDF *hdf)
{
	static const char *const head[] = {
		"L.members.name", "L.member.name_en", "L.member.region", "L.member.joined", "L.member.industries",
		"L.member.director", "L.member.address", "L.member.phone", "L.member.email", "L.member.website",
	};
	const char *region = request_param(rq, "region"), *industry = request_param(rq, "industry");
	const char *as_of = hdf_get_value(hdf, "L.source.as_of", "");
	struct buf *out = &rq->raw;
	struct db_stmt *st;
	char year[64];
	size_t i;
	int rc, bad = 0;

	if ((rc = load_filter(rq, hdf, sql_regions, "Regions", "region")) != 0 ||
	    (rc = load_filter(rq, hdf, sql_industries, "Industries", "industry")) != 0)
		return rc;
	if ((st = db_prepare(rq->db, sql_members_export)) == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, region);
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, industry);
	db_bind_text(st, 3, industry);
	bad |= csv_begin(out);
	for (i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		bad |= csv_field(out, hdf_get_value(hdf, head[i], head[i]), i == 0);
	bad |= csv_end(out);
	while ((rc = db_step(st)) == DB_ROW) {
		const char *dyear = db_col_text(st, 16);

		snprintf(year, sizeof(year), "%s%s", dyear != NULL ? dyear : "", as_of);
		bad |= csv_field(out, db_col_text(st, 1), 1);
		bad |= csv_marked(out, db_col_text(st, 2), db_col_int(st, 9) == 1 ?
		    hdf_get_value(hdf, "L.source.name_en_derived", NULL) : NULL);
		bad |= csv_marked(out, db_col_text(st, 7), db_col_int(st, 8) == 1 ?
		    hdf_get_value(hdf, "L.source.region_derived", NULL) : NULL);
		bad |= csv_field(out, db_col_text(st, 3) != NULL ? db_col_text(st, 3) : db_col_text(st, 4), 0);
		bad |= csv_field(out, db_col_text(st, 10), 0);
		bad |= csv_marked(out, db_col_text(st, 11), dyear != NULL ? year : NULL);
		for (i = 12; i <= 15; i++)
			bad |= csv_field(out, db_col_text(st, (int)i), 0);
		bad |= csv_end(out);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		buf_free(out);
		return db_err(rq->db);
	}
	if (bad || request_add_header(rq, "Content-Disposition", "attachment; filename=\"tp-members.csv\"") != 0) {
		buf_free(out);
		return 500;
	}
	rq->content_type_out = "text/csv; charset=utf-8";
	return 0;
}
