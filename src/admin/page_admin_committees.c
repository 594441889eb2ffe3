/*
 * page_admin_committees.c - managing a committee: the list of committees a user may manage, one
 * committee's seats (every term, past ones kept), its meetings and its secretaries; the form to add or
 * change a seat and its term, and deleting a seat entered by mistake. The secretariat manages every
 * committee and names secretaries; a committee secretary manages only their committee.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/auth.h"
#include "admin/committees_admin.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "store/versioned.h"
#include "admin/save.h"
#include "model/committee_records.h"
#include "pages/page_rows.h"

static const char sql_managed[] =
	"SELECT c.slug, c.name_ko, c.name_en, "
	"(SELECT COUNT(*) FROM committee_members m WHERE m.committee_id = c.id "
	" AND (m.term_start IS NULL OR m.term_start <= CURDATE()) AND (m.term_end IS NULL OR m.term_end >= CURDATE())) AS seats, "
	"(SELECT COUNT(*) FROM committee_meetings g WHERE g.committee_id = c.id AND g.ends_at >= NOW()) AS upcoming, "
	"(SELECT COUNT(*) FROM committee_meetings g WHERE g.committee_id = c.id) AS meetings "
	"FROM committees c WHERE ? = 1 OR EXISTS (SELECT 1 FROM committee_secretaries s "
	"WHERE s.committee_id = c.id AND s.user_id = ?) ORDER BY c.sort, c.id";
static const char sql_seats[] =
	"SELECT m.id, m.role, m.term_start, m.term_end, m.note, m.is_demo, m.version, "
	"CASE WHEN m.term_end < CURDATE() THEN 'past' WHEN m.term_start > CURDATE() THEN 'future' "
	"ELSE 'current' END AS state, p.name AS person, p.visible AS person_visible, "
	"CASE WHEN p.id IS NOT NULL THEN COALESCE(pt.name_ko, a.name_ko) END AS org, t.name_ko AS tp_name, t.name_en AS tp_name_en "
	"FROM committee_members m LEFT JOIN people p ON p.id = m.person_id "
	"LEFT JOIN technoparks pt ON pt.id = p.technopark_id LEFT JOIN technoparks t ON t.id = m.technopark_id "
	"JOIN association a ON a.id = 1 WHERE m.committee_id = ? "
	"ORDER BY m.term_end IS NOT NULL AND m.term_end < CURDATE(), m.role, COALESCE(t.name_ko, p.name), m.term_start, m.id";
static const char sql_meetings[] =
	"SELECT g.id, g.title, g.status, g.is_demo, DATE_FORMAT(g.starts_at, '%Y-%m-%d') AS date, "
	"DAYOFWEEK(g.starts_at) AS dow, DATE_FORMAT(g.starts_at, '%H:%i') AS starts, "
	"(SELECT COUNT(*) FROM committee_agenda_items i WHERE i.meeting_id = g.id) AS items, "
	"(SELECT published FROM committee_minutes n WHERE n.meeting_id = g.id) AS minutes_published "
	"FROM committee_meetings g WHERE g.committee_id = ? ORDER BY g.starts_at DESC, g.id DESC";
static const char sql_secretaries[] =
	"SELECT u.id, u.login, u.display_name, u.role, u.active, s.id AS appointment, s.version FROM committee_secretaries s "
	"JOIN users u ON u.id = s.user_id WHERE s.committee_id = ? ORDER BY u.display_name, u.id";
static const char sql_candidates[] =
	"SELECT u.id, u.login, u.display_name, u.role FROM users u WHERE u.active = 1 AND u.role <> 'secretariat' "
	"AND NOT EXISTS (SELECT 1 FROM committee_secretaries s WHERE s.user_id = u.id AND s.committee_id = ?) "
	"ORDER BY u.display_name, u.id";
static const char sql_tp_options[] = "SELECT id, name_ko FROM technoparks ORDER BY name_ko, id";
static const char sql_person_options[] =
	"SELECT p.id, p.name, p.title, p.visible, COALESCE(t.name_ko, a.name_ko) AS org "
	"FROM people p LEFT JOIN technoparks t ON t.id = p.technopark_id JOIN association a ON a.id = 1 "
	"ORDER BY p.technopark_id IS NOT NULL, t.name_ko, p.sort, p.name, p.id";
static const char sql_seat_attendance[] = "SELECT COUNT(*) FROM committee_attendance WHERE member_id = ?";

/* Run st bound to one id into prefix; 0 or a status. */
static int
list(struct request *rq, HDF *hdf, const char *sql, const char *prefix, long long id)
{
	struct db_stmt *st = db_prepare(rq->db, sql);

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	return page_rows(hdf, prefix, st) < 0 ? db_err(rq->db) : 0;
}

static int
is_secretariat(const struct request *rq)
{
	return rq->session->role == ROLE_SECRETARIAT;
}

int
page_admin_committees(struct request *rq, HDF *hdf)
{
	struct db_stmt *st = db_prepare(rq->db, sql_managed);

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, is_secretariat(rq));
	db_bind_int(st, 1, rq->session->user_id);
	if (page_rows(hdf, "Committees", st) < 0)
		return db_err(rq->db);
	if (is_secretariat(rq))
		render_set(hdf, "1", "Page.Secretariat");
	rq->tmpl = "admin_committees.cs";
	return 0;
}

/* Load the committee of the URL (the route's hook checked the user may manage it). */
static int
load_managed(struct request *rq, HDF *hdf, struct committee *c)
{
	return committees_load(rq, hdf, rq->args[0], c);
}

/* Everything the committee's admin page shows. */
static int
committee_page(struct request *rq, HDF *hdf, const struct committee *c)
{
	int rc;

	if ((rc = list(rq, hdf, sql_seats, "Seats", c->id)) != 0 ||
	    (rc = list(rq, hdf, sql_meetings, "Meetings", c->id)) != 0 ||
	    (rc = list(rq, hdf, sql_secretaries, "Secretaries", c->id)) != 0 ||
	    (rc = committees_rule_list(rq, hdf, c->id)) != 0)
		return rc;
	if (is_secretariat(rq)) {
		render_set(hdf, "1", "Page.Secretariat");
		if ((rc = list(rq, hdf, sql_candidates, "Candidates", c->id)) != 0)
			return rc;
	}
	rq->tmpl = "admin_committee.cs";
	return 0;
}

int
page_admin_committee(struct request *rq, HDF *hdf)
{
	struct committee c;
	int rc;

	if ((rc = load_managed(rq, hdf, &c)) != 0 || (rc = committee_page(rq, hdf, &c)) != 0)
		return rc;
	render_set(hdf, request_param(rq, "done"), "Page.Done");
	return is_secretariat(rq) && save_new_key(hdf) != 0 ? 500 : 0;	/* the "name a secretary" form's key */
}

/* ---- seats ---- */

/* The choices of the seat form: technoparks, and people by organisation. */
static int
seat_options(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;

	if ((st = db_prepare(rq->db, sql_tp_options)) == NULL || page_rows(hdf, "Options.TPs", st) < 0 ||
	    (st = db_prepare(rq->db, sql_person_options)) == NULL || page_rows(hdf, "Options.People", st) < 0)
		return db_err(rq->db);
	rq->tmpl = "admin_committee_seat.cs";
	return 0;
}

/* 1 when the form's member names a person or technopark among the options. */
static int
member_known(HDF *hdf, const char *member)
{
	const char *list = member[0] == 'p' ? "Options.People" : member[0] == 't' ? "Options.TPs" : NULL;
	HDF *node;

	if (list == NULL)
		return 0;
	for (node = hdf_get_child(hdf, list); node != NULL; node = hdf_obj_next(node))
		if (strcmp(hdf_get_value(node, "id", ""), member + 1) == 0)
			return 1;
	return 0;
}

/* A date of the seat form as dates are typed (2027.06.15, 2027/06/15) put back as stored; else a message. */
static void
seat_date(HDF *hdf, const char *name, char out[11])
{
	const char *v = form_value(hdf, name);

	*out = '\0';
	if (v == NULL)
		return;
	if (committees_norm_date(v, out) != 0) {
		*out = '\0';
		save_field_error(hdf, &seat_record, name, "L.committee_admin.err_date");
	} else
		render_set(hdf, out, "Form.%s.value", name);
}

/* After the description's checks (save.check): the member exists, the dates are dates in order. */
static int
check_seat(struct request *rq, HDF *hdf, const struct save *sv)
{
	int before = hdf_get_int_value(hdf, "Form.errors", 0);
	char start[11], end[11];
	const char *member = form_value(hdf, "member");

	(void)rq;
	(void)sv;
	if (member != NULL && hdf_get_value(hdf, "Form.member.error", NULL) == NULL && !member_known(hdf, member))
		save_field_error(hdf, &seat_record, "member", "L.committee_admin.err_member");
	seat_date(hdf, "term_start", start);
	seat_date(hdf, "term_end", end);
	if (*start != '\0' && *end != '\0' && strcmp(end, start) < 0)
		save_field_error(hdf, &seat_record, "term_end", "L.committee_admin.err_term_order");
	return hdf_get_int_value(hdf, "Form.errors", 0) - before;
}

/* The pipeline's description of a save of seat id (0: a new one of committee c). */
static void
seat_save(struct save *sv, struct committee_save *cs, const struct committee *c, long long id)
{
	memset(sv, 0, sizeof(*sv));
	memset(cs, 0, sizeof(*cs));
	cs->write = seat_write;
	cs->note = c->slug;
	cs->done = "?done=seat";
	cs->authored = "seat";
	sv->desc = &seat_record;
	sv->id = id;
	sv->owner = c->id;
	sv->tmpl = "admin_committee_seat.cs";
	sv->check = check_seat;
	sv->location = committees_save_location;
	sv->write = committees_save_write;
	sv->arg = cs;
}

/* A stored seat into its form, with its version, digests and a new one-time key. */
static int
seat_to_form(struct request *rq, HDF *hdf, long long id)
{
	struct record_row row;
	int rc = seat_record.load(rq->db, id, &row);

	if (rc == 1)
		save_form(hdf, &seat_record, &row);
	record_row_free(&row);
	return rc == 1 ? 0 : rc == 0 ? 404 : db_err(rq->db);
}

int
page_admin_seat_new(struct request *rq, HDF *hdf)
{
	struct committee c;
	int rc;

	if ((rc = load_managed(rq, hdf, &c)) != 0 || (rc = seat_options(rq, hdf)) != 0)
		return rc;
	save_form(hdf, &seat_record, NULL);
	render_set(hdf, "member", "Form.role.value");
	return 0;
}

int
page_admin_seat_create(struct request *rq, HDF *hdf)
{
	struct committee_save cs;
	struct committee c;
	struct save sv;
	int rc;

	if ((rc = load_managed(rq, hdf, &c)) != 0 || (rc = seat_options(rq, hdf)) != 0)
		return rc;
	seat_save(&sv, &cs, &c, 0);
	return save_record(rq, hdf, &sv);
}

/* Load seat {id} and its committee (the route's hook checked the user may manage it). */
static int
load_seat(struct request *rq, HDF *hdf, struct versioned *r, struct committee *c)
{
	int rc;

	if ((rc = committees_load_arg(rq, &seat_spec, r)) != 0 ||
	    (rc = committees_load_id(rq, hdf, r->owner, c)) != 0)
		return rc;
	render_set_int(hdf, r->id, "Seat.id");
	return seat_options(rq, hdf);
}

int
page_admin_seat_form(struct request *rq, HDF *hdf)
{
	struct versioned r;
	struct committee c;
	int rc;

	if ((rc = load_seat(rq, hdf, &r, &c)) == 0)
		rc = seat_to_form(rq, hdf, r.id);
	versioned_free(&r);
	return rc;
}

int
page_admin_seat_save(struct request *rq, HDF *hdf)
{
	struct committee_save cs;
	struct versioned r;
	struct committee c;
	struct save sv;
	int rc;

	if ((rc = load_seat(rq, hdf, &r, &c)) == 0) {
		seat_save(&sv, &cs, &c, r.id);
		rc = save_record(rq, hdf, &sv);
	}
	versioned_free(&r);
	return rc;
}

/* 1 when attendance was recorded for seat id (it must then stay: end its term instead), 0, -1. */
static int
seat_has_attendance(struct request *rq, long long id)
{
	return db_exists(rq->db, sql_seat_attendance, id);
}

int
page_admin_seat_delete(struct request *rq, HDF *hdf)
{
	struct versioned r;
	struct committee c;
	long long version;
	int rc, used, b;

	if ((rc = load_seat(rq, hdf, &r, &c)) != 0 || (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	if ((rc = seat_to_form(rq, hdf, r.id)) != 0)
		goto out;
	if (version != r.version) {
		render_set(hdf, "1", "Page.DeleteConflict");
		rc = 409;
		goto out;
	}
	if ((used = seat_has_attendance(rq, r.id)) != 0) {
		render_set(hdf, "1", "Page.DeleteRefused");
		rc = used < 0 ? db_err(rq->db) : 422;
		goto out;
	}
	b = db_begin(rq->db);
	rc = committees_commit(rq, b, b != 0 ? 0 : versioned_delete(rq->db, &seat_spec, rq->session->user_id, r.id, version, c.slug));
	if (rc == TP_ESTALE && (rc = seat_to_form(rq, hdf, r.id)) == 0) {
		/* changed between the check and the delete: shown as it is now, to delete again on purpose */
		render_set(hdf, "1", "Page.DeleteConflict");
		rc = 409;
	} else if (rc == 0)
		rc = committees_redirect(rq, "/admin/committees/%s?done=seat_deleted", c.slug);
out:
	versioned_free(&r);
	return rc;
}

/* ---- secretaries (the secretariat only) ---- */

/* After the description's checks (save.check): the user is one of the candidates the page offers. */
static int
check_secretary(struct request *rq, HDF *hdf, const struct save *sv)
{
	const char *v = form_value(hdf, "user");
	HDF *node;

	(void)rq;
	if (v == NULL || hdf_get_value(hdf, "Form.user.error", NULL) != NULL)
		return 0;
	for (node = hdf_get_child(hdf, "Candidates"); node != NULL; node = hdf_obj_next(node))
		if (strcmp(hdf_get_value(node, "id", ""), v) == 0)
			return 0;
	return save_field_error(hdf, sv->desc, "user", "L.committee_admin.err_user") > 0;
}

/* save.write: the appointment (committees_save_write); one made a moment ago by someone else is a message. */
static int
write_secretary(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *values, long long *new_id)
{
	int rc = committees_save_write(rq, hdf, sv, cur, values, new_id);

	if (rc == TP_EINVALID)
		save_field_error(hdf, sv->desc, "user", "L.committee_admin.err_user");
	return rc;
}

/* Name a secretary through the save pipeline (admin/save.c): its one-time key, its audit row, the
 * transaction run again on a lock wait, 429 when busy every time. */
int
page_admin_secretary_add(struct request *rq, HDF *hdf)
{
	struct committee_save cs;
	struct committee c;
	struct save sv;
	int rc;

	if ((rc = load_managed(rq, hdf, &c)) != 0 || (rc = committee_page(rq, hdf, &c)) != 0)
		return rc;
	memset(&sv, 0, sizeof(sv));
	memset(&cs, 0, sizeof(cs));
	cs.write = secretary_write;
	cs.note = c.slug;
	cs.done = "?done=secretary";
	sv.desc = &secretary_record;
	sv.owner = c.id;
	sv.tmpl = "admin_committee.cs";
	sv.check = check_secretary;
	sv.location = committees_save_location;
	sv.write = write_secretary;
	sv.arg = &cs;
	return save_record(rq, hdf, &sv);
}

/*
 * Remove user's appointment as the page showed it (appointment and version posted): one that is gone, or
 * was removed and made again meanwhile (another id), is refused with the list as it is now (409), from
 * which removing again is on purpose. 0 (removed), 409, 400, or a status.
 */
static int
remove_secretary(struct request *rq, HDF *hdf, const struct committee *c, long long user)
{
	long long shown = 0, version = 0, id = 0, now = 0;
	const char *a = request_param(rq, "appointment");
	int rc, found;

	if (a == NULL || parse_ll(a, 1, 4294967295LL, &shown) != 0 || committees_posted_version(rq, &version) != 0) {
		rq->error_detail = a == NULL || shown == 0 ? "appointment" : "version";
		return 400;
	}
	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	if ((found = secretary_lock(rq->db, c->id, user, &id, &now)) < 0)
		return committees_commit(rq, 0, found);
	if (found == 0 || id != shown || now != version) {
		db_rollback(rq->db);
		if ((rc = committee_page(rq, hdf, c)) != 0)
			return rc;
		render_set(hdf, found ? "changed" : "gone", "Page.SecretaryConflict");
		render_set_int(hdf, user, "Page.SecretaryUser");
		return 409;
	}
	return committees_commit(rq, 0, versioned_delete(rq->db, &secretary_spec, rq->session->user_id, id, version, c->slug));
}

int
page_admin_secretary_delete(struct request *rq, HDF *hdf)
{
	struct committee c;
	long long user;
	int rc;

	if ((rc = committees_arg_id(rq, 1, &user)) != 0 || (rc = load_managed(rq, hdf, &c)) != 0 ||
	    (rc = remove_secretary(rq, hdf, &c, user)) != 0)
		return rc;
	return committees_redirect(rq, "/admin/committees/%s?done=secretary_removed", c.slug);
}
