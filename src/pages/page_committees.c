/*
 * page_committees.c - the committees as readers see them: the overview (/committees), one committee
 * with its composition on a day, its terms and its meetings (/committees/{slug}), one meeting with its
 * agenda, attendance, minutes and resolutions, and every resolution of a committee. The calendar
 * feeds are in page_committees_ics.c.
 */
#include <string.h>

#include "model/attach.h"
#include "pages/committees_page.h"
#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"
#include "pages/files.h"

/* A meeting's when and where, for lists and pages (g is committee_meetings). */
#define MEETING_COLS \
	"g.id, g.title, DATE_FORMAT(g.starts_at, '%Y-%m-%d') AS date, DAYOFWEEK(g.starts_at) AS dow, " \
	"DATE_FORMAT(g.starts_at, '%H:%i') AS starts, DATE_FORMAT(g.ends_at, '%H:%i') AS ends, " \
	"CASE WHEN DATE(g.ends_at) <> DATE(g.starts_at) THEN DATE_FORMAT(g.ends_at, '%Y-%m-%d') END AS end_date, " \
	"g.place, g.online_url, g.status, g.is_demo "

/* A seat and who holds it (m is committee_members); a hidden person is not named. */
#define SEAT_SELECT \
	"SELECT m.id, m.role, m.term_start, m.term_end, m.note, m.is_demo, " \
	"CASE WHEN p.visible = 1 THEN p.name END AS person, CASE WHEN p.visible = 1 THEN p.title END AS person_title, " \
	"CASE WHEN p.id IS NOT NULL AND p.visible = 0 THEN 1 END AS hidden, " \
	"CASE WHEN p.id IS NOT NULL THEN COALESCE(pt.name_ko, a.name_ko) END AS org, pt.slug AS org_slug, " \
	"t.name_ko AS tp_name, t.slug AS tp_slug, t.name_en AS tp_name_en, " \
	"CASE WHEN p.id IS NOT NULL THEN COALESCE(pt.name_en, a.name_en) END AS org_en " \
	"FROM committee_members m LEFT JOIN people p ON p.id = m.person_id " \
	"LEFT JOIN technoparks pt ON pt.id = p.technopark_id LEFT JOIN technoparks t ON t.id = m.technopark_id " \
	"JOIN association a ON a.id = 1 "

/* The seats held on a day (the bound date, or today when it is NULL), by role, then name. */
static const char sql_seats_on[] = SEAT_SELECT
	"WHERE m.committee_id = ? "
	"AND (m.term_start IS NULL OR m.term_start <= COALESCE(CAST(? AS DATE), CURDATE())) "
	"AND (m.term_end IS NULL OR m.term_end >= COALESCE(CAST(? AS DATE), CURDATE())) "
	"ORDER BY m.role, COALESCE(t.name_ko, p.name), m.id";
/* Every term ever held, earliest first (unknown starts first). */
static const char sql_terms[] = SEAT_SELECT
	"WHERE m.committee_id = ? "
	"ORDER BY m.term_start IS NOT NULL, m.term_start, m.role, COALESCE(t.name_ko, p.name), m.id";

static const char sql_committees[] =
	"SELECT c.slug, c.name_ko, c.name_en, c.name_en_derived, c.purpose, c.composition, c.purpose_en, c.texts_en_derived, "
	"(SELECT COUNT(*) FROM committee_members m WHERE m.committee_id = c.id "
	" AND (m.term_start IS NULL OR m.term_start <= CURDATE()) "
	" AND (m.term_end IS NULL OR m.term_end >= CURDATE())) AS seats, "
	/* how many of those seats are demo: a count that includes them says so */
	"(SELECT COUNT(*) FROM committee_members m WHERE m.committee_id = c.id AND m.is_demo = 1 "
	" AND (m.term_start IS NULL OR m.term_start <= CURDATE()) "
	" AND (m.term_end IS NULL OR m.term_end >= CURDATE())) AS demo_seats, "
	"(SELECT COUNT(*) FROM committee_meetings g WHERE g.committee_id = c.id AND g.ends_at >= NOW()) AS upcoming "
	"FROM committees c ORDER BY c.sort, c.id";
static const char sql_upcoming_all[] =
	"SELECT " MEETING_COLS ", c.slug AS committee_slug, c.name_ko AS committee, c.name_en AS committee_en "
	"FROM committee_meetings g JOIN committees c ON c.id = g.committee_id "
	"WHERE g.ends_at >= NOW() ORDER BY g.starts_at, g.id LIMIT 20";
static const char sql_upcoming[] =
	"SELECT " MEETING_COLS "FROM committee_meetings g WHERE g.committee_id = ? AND g.ends_at >= NOW() "
	"ORDER BY g.starts_at, g.id";
static const char sql_past[] =
	"SELECT " MEETING_COLS "FROM committee_meetings g WHERE g.committee_id = ? AND g.ends_at < NOW() "
	"ORDER BY g.starts_at DESC, g.id DESC";

/* Run st (bound) into prefix; 0 or the database's status. */
static int
rows(struct request *rq, HDF *hdf, const char *prefix, struct db_stmt *st)
{
	return page_rows(hdf, prefix, st) < 0 ? db_err(rq->db) : 0;
}

/* Show the "manage" links to whoever may use them. */
static int
mark_manager(struct request *rq, HDF *hdf, long long committee_id)
{
	int may = committees_may_manage(rq, committee_id);

	if (may < 0)
		return db_err(rq->db);
	if (may)
		render_set(hdf, "1", "Page.CanManage");
	return 0;
}

int
page_committees_list(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;
	int rc;

	if ((st = db_prepare(rq->db, sql_committees)) == NULL)
		return db_err(rq->db);
	if ((rc = rows(rq, hdf, "Committees", st)) != 0)
		return rc;
	if ((st = db_prepare(rq->db, sql_upcoming_all)) == NULL)
		return db_err(rq->db);
	if ((rc = rows(rq, hdf, "Upcoming", st)) != 0 || (rc = mark_manager(rq, hdf, 0)) != 0)
		return rc;
	rq->tmpl = "committees.cs";
	return 0;
}

/* The seats on the day at (NULL: today) under Members, and every term under Terms when asked. */
static int
composition(struct request *rq, HDF *hdf, long long committee_id, const char *at, int history)
{
	struct db_stmt *st = db_prepare(rq->db, sql_seats_on);
	int rc;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, committee_id);
	db_bind_text(st, 1, at);
	db_bind_text(st, 2, at);
	if ((rc = rows(rq, hdf, "Members", st)) != 0 || !history)
		return rc;
	if ((st = db_prepare(rq->db, sql_terms)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, committee_id);
	return rows(rq, hdf, "Terms", st);
}

/* One of the committee's meeting lists into prefix. */
static int
meetings(struct request *rq, HDF *hdf, const char *sql, const char *prefix, long long committee_id)
{
	struct db_stmt *st = db_prepare(rq->db, sql);

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, committee_id);
	return rows(rq, hdf, prefix, st);
}

int
page_committees_show(struct request *rq, HDF *hdf)
{
	const char *at = request_param(rq, "at");
	int history = request_param(rq, "history") != NULL, rc;
	struct committee c;
	char day[11];

	/* 2025.06.01 and 2025/06/01 are the same day as 2025-06-01; a value that is no day is shown back
	 * beside the field (Refused.at, 422) with today's composition */
	if (at != NULL && committees_norm_date(at, day) == 0) {
		at = day;
	} else if (at != NULL) {
		if (request_refuse(rq, "at") != 0)
			return 500;
		at = NULL;
	}
	if ((rc = committees_load(rq, hdf, rq->args[0], &c)) != 0 ||
	    (rc = composition(rq, hdf, c.id, at, history)) != 0 ||
	    (rc = meetings(rq, hdf, sql_upcoming, "Upcoming", c.id)) != 0 ||
	    (rc = meetings(rq, hdf, sql_past, "Past", c.id)) != 0 ||
	    (rc = mark_manager(rq, hdf, c.id)) != 0)
		return rc;
	render_set(hdf, at, "Page.At");
	if (history)
		render_set(hdf, "1", "Page.History");
	rq->tmpl = "committee.cs";
	return 0;
}

/*
 * The meeting page in one statement (issue 16: at most three round trips a page): the meeting, its
 * attendance counts, its published minutes, agenda, resolutions, the seats held on its day with
 * their attendance (and any seat with a record for it), and its documents, as lists of page_lists.
 * Keys: k1, t1, k2, k3 (each list orders by its own; NULL elsewhere).
 */
#define MEETING_LISTS_KEYS	4
static const char sql_meeting_page[] =
	"(SELECT 0 AS list, NULL AS k1, NULL AS t1, NULL AS k2, NULL AS k3, " MEETING_COLS ", g.note "
	"FROM committee_meetings g WHERE g.id = ? AND g.committee_id = ?) "
	"UNION ALL (SELECT 1, NULL, NULL, NULL, NULL, COALESCE(SUM(status = 'present'), 0), "
	"COALESCE(SUM(status = 'proxy'), 0), COALESCE(SUM(status = 'absent'), 0), COUNT(*), "
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM committee_attendance WHERE meeting_id = ?) "
	"UNION ALL (SELECT 2, NULL, NULL, NULL, NULL, body_html, DATE_FORMAT(published_at, '%Y-%m-%d'), "
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
	"FROM committee_minutes WHERE meeting_id = ? AND published = 1) "
	"UNION ALL (SELECT 3, position, NULL, id, NULL, id, position, title, description, "
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM committee_agenda_items WHERE meeting_id = ?) "
	"UNION ALL (SELECT 4, i.position, NULL, i.id, r.id, r.id, r.agenda_item_id, r.body, r.outcome, r.votes_for, "
	"r.votes_against, r.votes_abstain, NULL, NULL, NULL, NULL, NULL "
	"FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id WHERE i.meeting_id = ?) "
	"UNION ALL (SELECT 5, m.role + 0, COALESCE(t.name_ko, p.name), m.id, NULL, m.id, m.role, m.is_demo, "
	"CASE WHEN p.visible = 1 THEN p.name END, CASE WHEN p.visible = 1 THEN p.title END, "
	"CASE WHEN p.id IS NOT NULL AND p.visible = 0 THEN 1 END, "
	"CASE WHEN p.id IS NOT NULL THEN COALESCE(pt.name_ko, s.name_ko) END, "
	"t.name_ko, t.slug, att.status, att.proxy_name, NULL "
	"FROM committee_meetings g JOIN committee_members m ON m.committee_id = g.committee_id "
	"LEFT JOIN committee_attendance att ON att.meeting_id = g.id AND att.member_id = m.id "
	"LEFT JOIN people p ON p.id = m.person_id LEFT JOIN technoparks pt ON pt.id = p.technopark_id "
	"LEFT JOIN technoparks t ON t.id = m.technopark_id JOIN association s ON s.id = 1 "
	"WHERE g.id = ? AND (att.status IS NOT NULL OR ((m.term_start IS NULL OR m.term_start <= DATE(g.starts_at)) "
	"AND (m.term_end IS NULL OR m.term_end >= DATE(g.starts_at))))) "
	"UNION ALL (SELECT 6, id, NULL, NULL, NULL, id, filename, mime_type, size_bytes, "
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM attachments WHERE owner_type = 'meeting' AND owner_id = ?) "
	"ORDER BY list, k1, t1, k2, k3";
static const char *const meeting_cols[] = {
	"id", "title", "date", "dow", "starts", "ends", "end_date", "place", "online_url", "status", "is_demo", "note",
	NULL
};
static const char *const counts_cols[] = { "present", "proxy", "absent", "recorded", NULL };
static const char *const minutes_cols[] = { "html", "published_on", NULL };
static const char *const agenda_cols[] = { "id", "position", "title", "description", NULL };
static const char *const resolution_cols[] = {
	"id", "agenda_item_id", "body", "outcome", "votes_for", "votes_against", "votes_abstain", NULL
};
static const char *const attendance_cols[] = {
	"id", "role", "is_demo", "person", "person_title", "hidden", "org", "tp_name", "tp_slug", "status",
	"proxy_name", NULL
};

/* Meeting id of committee c and its lists into the page: 0, 404 or a status. */
static int
load_meeting(struct request *rq, HDF *hdf, long long id, long long committee_id)
{
	struct page_list lists[] = {
		{ "Meeting", meeting_cols, 1, 0 }, { "Counts", counts_cols, 1, 0 }, { "Minutes", minutes_cols, 1, 0 },
		{ "Agenda", agenda_cols, 0, 0 }, { "Resolutions", resolution_cols, 0, 0 },
		{ "Attendance", attendance_cols, 0, 0 }, { "Documents", files_cols, 0, 0 },
	};
	struct db_stmt *st = db_prepare(rq->db, sql_meeting_page);
	int i;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	db_bind_int(st, 1, committee_id);
	for (i = 2; i < 8; i++)
		db_bind_int(st, i, id);
	if (page_lists(hdf, st, MEETING_LISTS_KEYS, lists, (int)(sizeof(lists) / sizeof(lists[0]))) != 0)
		return db_err(rq->db);
	if (lists[0].count == 0)
		return 404;
	return files_decorate(hdf, "Documents") != 0 ? TP_ENOMEM : 0;
}

int
page_committees_meeting(struct request *rq, HDF *hdf)
{
	struct committee c;
	long long id;
	int rc;

	if (parse_ll(rq->args[1], 1, 4294967295LL, &id) != 0)
		return 404;
	if ((rc = committees_load(rq, hdf, rq->args[0], &c)) != 0 ||
	    (rc = load_meeting(rq, hdf, id, c.id)) != 0 ||
	    (rc = mark_manager(rq, hdf, c.id)) != 0)
		return rc;
	rq->tmpl = "meeting.cs";
	return 0;
}

/* Every resolution of a committee, newest meeting first; year and outcome filter (NULL: any). */
static const char sql_all_resolutions[] =
	"SELECT r.id, r.body, r.outcome, r.votes_for, r.votes_against, r.votes_abstain, "
	"i.position AS item_position, i.title AS item_title, g.id AS meeting_id, g.title AS meeting_title, "
	"g.is_demo, DATE_FORMAT(g.starts_at, '%Y-%m-%d') AS date "
	"FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id "
	"JOIN committee_meetings g ON g.id = i.meeting_id "
	"WHERE g.committee_id = ? AND (? = 0 OR YEAR(g.starts_at) = ?) AND (? IS NULL OR r.outcome = ?) "
	"ORDER BY g.starts_at DESC, g.id DESC, i.position, i.id, r.id";
static const char sql_resolution_years[] =
	"SELECT DISTINCT YEAR(g.starts_at) AS year FROM committee_resolutions r "
	"JOIN committee_agenda_items i ON i.id = r.agenda_item_id JOIN committee_meetings g ON g.id = i.meeting_id "
	"WHERE g.committee_id = ? ORDER BY year DESC";

int
page_committees_resolutions(struct request *rq, HDF *hdf)
{
	long long year = request_param_int(rq, "year", 0);
	const char *outcome = request_param(rq, "outcome");
	struct committee c;
	struct db_stmt *st;
	int rc;

	if ((rc = committees_load(rq, hdf, rq->args[0], &c)) != 0 ||
	    (rc = meetings(rq, hdf, sql_resolution_years, "Years", c.id)) != 0)
		return rc;
	if ((st = db_prepare(rq->db, sql_all_resolutions)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, c.id);
	db_bind_int(st, 1, year);
	db_bind_int(st, 2, year);
	db_bind_text(st, 3, outcome);
	db_bind_text(st, 4, outcome);
	if ((rc = rows(rq, hdf, "Resolutions", st)) != 0 || (rc = mark_manager(rq, hdf, c.id)) != 0)
		return rc;
	if (year > 0)
		render_set_int(hdf, year, "Filter.year");
	render_set(hdf, outcome, "Filter.outcome");
	rq->tmpl = "committee_resolutions.cs";
	return 0;
}
