/*
 * page_home.c - the home page: the association in brief, the dated lists a reader looks for first (the
 * latest notices with the pinned ones on top, the next meeting of every committee, the latest member
 * news), its members, key figures. The two news lists are one query, the meetings another.
 */
#include <stdio.h>

#include "model/news.h"

#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

static const char sql_assoc[] =
	"SELECT a.name_ko, a.name_en, a.legal_form, a.summary, a.name_en_derived, "
	"a.legal_form_en, a.summary_en, a.texts_en_derived, "
	"(SELECT YEAR(s.published_on) FROM sources s WHERE s.id = a.source_id) AS src_year "	/* issue 20's marks */
	"FROM association a WHERE a.id = 1";
static const char sql_members[] =
	"SELECT t.slug, t.name_ko, r.name_ko AS region, t.name_en, r.name_en AS region_en FROM technoparks t "
	"JOIN regions r ON r.id = t.region_id ORDER BY t.id";

/* Every committee in its order, with its next meeting that is not cancelled (none: NULL columns). */
static const char sql_next_meetings[] =
	"SELECT c.slug AS committee_slug, c.name_ko AS committee, c.name_en AS committee_en, g.id, g.title, "
	"DATE_FORMAT(g.starts_at, '%Y-%m-%d') AS date, DAYOFWEEK(g.starts_at) AS dow, "
	"DATE_FORMAT(g.starts_at, '%H:%i') AS starts, DATE_FORMAT(g.ends_at, '%H:%i') AS ends, "
	"CASE WHEN DATE(g.ends_at) <> DATE(g.starts_at) THEN DATE_FORMAT(g.ends_at, '%Y-%m-%d') END AS end_date, "
	"g.place, g.online_url, g.status, g.is_demo "
	"FROM committees c LEFT JOIN committee_meetings g ON g.id = ("
	"SELECT n.id FROM committee_meetings n WHERE n.committee_id = c.id AND n.ends_at >= NOW() "
	"AND n.status <> 'cancelled' ORDER BY n.starts_at, n.id LIMIT 1) "
	"ORDER BY c.sort, c.id";

/* Figures for the first and the last year that have company counts. */
static const char sql_figures[] =
	"SELECT year, tenant_companies, employees, revenue_eok, is_demo FROM network_figures "
	"WHERE tenant_companies IS NOT NULL ORDER BY year";

int
page_figures(struct request *rq, HDF *hdf, const char *prefix)
{
	struct db_stmt *st;
	char num[48];
	int rc, n = 0;

	if ((st = db_prepare(rq->db, sql_figures)) == NULL)
		return db_err(rq->db);
	while ((rc = db_step(st)) == DB_ROW) {
		render_set(hdf, db_col_text(st, 0), "%s.%d.year", prefix, n);
		if (db_col_int(st, 4) == 1)	/* entered by a demo account (sql/046) */
			render_set(hdf, "1", "%s.%d.is_demo", prefix, n);
		if (!db_col_isnull(st, 1)) {
			text_fmt_thousands(db_col_int(st, 1), num, sizeof(num));
			render_set(hdf, num, "%s.%d.companies", prefix, n);
		}
		if (!db_col_isnull(st, 2)) {
			text_fmt_thousands(db_col_int(st, 2), num, sizeof(num));
			render_set(hdf, num, "%s.%d.employees", prefix, n);
		}
		if (!db_col_isnull(st, 3)) {
			text_fmt_eok(db_col_int(st, 3), rq->lang, num, sizeof(num));
			render_set(hdf, num, "%s.%d.revenue", prefix, n);
		}
		n++;
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : db_err(rq->db);
}

/* The dated lists: Notices and MemberNews (one statement), Meetings. 0 or a status. */
static int
dated_lists(struct request *rq, HDF *hdf)
{
	struct page_list news[2] = { { "Notices", NULL, 0, 0 }, { "MemberNews", NULL, 0, 0 } };
	struct db_stmt *st;
	int rc;

	if ((rc = news_home_stmt(rq->db, &st)) != 0)
		return rc;
	if (page_lists(hdf, st, NEWS_HOME_KEYS, news, 2) != 0)
		return db_err(rq->db);
	if ((st = db_prepare(rq->db, sql_next_meetings)) == NULL || page_rows(hdf, "Meetings", st) < 0)
		return db_err(rq->db);
	return 0;
}

int
page_home(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;
	int n;

	if ((st = db_prepare(rq->db, sql_assoc)) == NULL)
		return db_err(rq->db);
	if (page_row_one(hdf, "Assoc", st) < 0)
		return db_err(rq->db);
	if ((st = db_prepare(rq->db, sql_members)) == NULL)
		return db_err(rq->db);
	if ((n = page_rows(hdf, "Members", st)) < 0)
		return db_err(rq->db);
	render_set_int(hdf, n, "MemberCount");
	if ((n = page_figures(rq, hdf, "Figures")) != 0 || (n = dated_lists(rq, hdf)) != 0)
		return n;
	rq->tmpl = "home.cs";
	return 0;
}
