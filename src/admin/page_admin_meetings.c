/*
 * page_admin_meetings.c - scheduling a meeting and keeping its details (time, place, status, note), and
 * the meeting's admin page, which also shows its agenda (page_admin_agenda.c), resolutions and documents.
 * Each save is one transaction with its audit rows; the meeting's version guards its details.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/attach.h"
#include "http/auth.h"
#include "admin/committees_admin.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "model/notify.h"
#include "store/audit.h"
#include "pages/pages.h"
#include "view/render.h"
#include "store/versioned.h"
#include "pages/page_rows.h"
#include "pages/files.h"

enum { M_TITLE, M_STARTS, M_ENDS, M_PLACE, M_URL, M_STATUS, M_NOTE, M_NFIELDS };

static const char *const meeting_columns[M_NFIELDS] = {
	"title", "starts_at", "ends_at", "place", "online_url", "status", "note"
};

/* starts_at and ends_at travel as "YYYY-MM-DD HH:MM" (Korean time), as the form builds them. */
static const struct versioned_spec meeting_spec = {
	"meeting", meeting_columns, M_NFIELDS,
	"SELECT id, version, committee_id, title, DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i'), "
	"DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i'), place, online_url, status, note FROM committee_meetings WHERE id = ?",
	"SELECT id, version, committee_id, title, DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i'), "
	"DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i'), place, online_url, status, note FROM committee_meetings "
	"WHERE id = ? FOR UPDATE",
	"INSERT INTO committee_meetings (title, starts_at, ends_at, place, online_url, status, note, committee_id) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	"UPDATE committee_meetings SET title = ?, starts_at = ?, ends_at = ?, place = ?, online_url = ?, status = ?, "
	"note = ?, version = version + 1 WHERE id = ? AND version = ?",
	NULL,
};

static const struct form_field meeting_form[] = {
	{ "title",	FT_LINE, 1, 1, 200, NULL },
	{ "date",	FT_LINE, 1, 0, 10, NULL },
	{ "starts",	FT_LINE, 1, 0, 8, NULL },
	{ "end_date",	FT_LINE, 0, 0, 10, NULL },
	{ "ends",	FT_LINE, 1, 0, 8, NULL },
	{ "place",	FT_LINE, 0, 0, 300, NULL },
	{ "online_url",	FT_URL, 0, 0, 300, NULL },
	{ "status",	FT_ENUM, 1, 0, 0, committees_meeting_states },
	{ "note",	FT_TEXT, 0, 0, 2000, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const char sql_items[] =
	"SELECT i.id, i.position, i.title, i.description, i.version, "
	"(SELECT COUNT(*) FROM committee_resolutions r WHERE r.agenda_item_id = i.id) AS resolutions "
	"FROM committee_agenda_items i WHERE i.meeting_id = ? ORDER BY i.position, i.id";
static const char sql_meeting_resolutions[] =
	"SELECT r.id, r.body, r.outcome, r.votes_for, r.votes_against, r.votes_abstain, i.position AS item_position, "
	"i.title AS item_title FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id "
	"WHERE i.meeting_id = ? ORDER BY i.position, i.id, r.id";

/* ---- the meeting ---- */

/*
 * Field name's value as norm spells it (a date's "2027/06/15" as "2027-06-15", a time's "9:30" as
 * "09:30"), put back in the form; else a message (msgkey) on the field. Returns the new error count.
 */
static int
norm_field(HDF *hdf, const char *name, int (*norm)(const char *, char *), char *out, const char *msgkey, int errors)
{
	const char *v = form_value(hdf, name);

	if (v == NULL)
		return errors;
	if (norm(v, out) != 0) {
		*out = '\0';
		return committees_form_error(hdf, meeting_form, name, msgkey);
	}
	render_set(hdf, out, "Form.%s.value", name);
	return errors;
}

static int
norm_date(const char *s, char *out)
{
	return committees_norm_date(s, out);
}

static int
norm_time(const char *s, char *out)
{
	return committees_norm_time(s, out);
}

/*
 * form_check, then the dates and times (normalised in the form), the end after the start, and the state
 * that follows the times (committees_check): every mistake at once, so a bad date does not hide a wrong
 * order of the times. Errors, or -1.
 */
static int
check_meeting(struct request *rq, HDF *hdf)
{
	char date[11] = "", end_date[11] = "", starts[6] = "", ends[6] = "", a[17], b[17], now[17];
	struct committees_facts f;
	const char *status;
	int errors = form_check(rq, hdf, meeting_form), broken;

	if (errors < 0)
		return -1;
	errors = norm_field(hdf, "date", norm_date, date, "L.committee_admin.err_date", errors);
	errors = norm_field(hdf, "starts", norm_time, starts, "L.committee_admin.err_time", errors);
	errors = norm_field(hdf, "end_date", norm_date, end_date, "L.committee_admin.err_date", errors);
	errors = norm_field(hdf, "ends", norm_time, ends, "L.committee_admin.err_time", errors);
	if (*starts == '\0' || *ends == '\0')
		return errors;
	if (form_value(hdf, "end_date") == NULL || *date == '\0' || *end_date == '\0') {
		/* the same day, or a day that did not parse: the times alone still say whether the end comes first */
		if (form_value(hdf, "end_date") == NULL && strcmp(ends, starts) <= 0)
			errors = committees_form_error(hdf, meeting_form, "ends", "L.committee_admin.err_meeting_order");
		if (*date == '\0' || (form_value(hdf, "end_date") != NULL && *end_date == '\0'))
			return errors;
	}
	snprintf(a, sizeof(a), "%s %s", date, starts);
	snprintf(b, sizeof(b), "%s %s", *end_date != '\0' ? end_date : date, ends);
	if (*end_date != '\0' && strcmp(b, a) <= 0)
		errors = committees_form_error(hdf, meeting_form, "ends", "L.committee_admin.err_meeting_order");
	if ((status = form_value(hdf, "status")) == NULL || hdf_get_value(hdf, "Form.status.error", NULL) != NULL)
		return errors;
	committees_now(now);
	memset(&f, 0, sizeof(f));
	f.starts = a, f.ends = b, f.now = now, f.status = status, f.seats = -1;
	f.votes[0] = f.votes[1] = f.votes[2] = -1;
	broken = committees_check(&f);
	if (broken & CR_HELD_FUTURE)
		errors = committees_form_error(hdf, meeting_form, "status", "L.committee_admin.err_held_future");
	if (broken & CR_PLANNED_PAST)
		errors = committees_form_error(hdf, meeting_form, "status", "L.committee_admin.err_planned_past");
	return errors;
}

/* The checked form as the row's values; starts/ends hold the two date-times. */
static void
meeting_values(HDF *hdf, const char **v, char starts[17], char ends[17])
{
	const char *date = form_value(hdf, "date"), *end_date = form_value(hdf, "end_date");

	snprintf(starts, 17, "%s %s", date, form_value(hdf, "starts"));
	snprintf(ends, 17, "%s %s", end_date != NULL ? end_date : date, form_value(hdf, "ends"));
	v[M_TITLE] = form_value(hdf, "title");
	v[M_STARTS] = starts;
	v[M_ENDS] = ends;
	v[M_PLACE] = form_value(hdf, "place");
	v[M_URL] = form_value(hdf, "online_url");
	v[M_STATUS] = form_value(hdf, "status");
	v[M_NOTE] = form_value(hdf, "note");
}

/* Set one form value (text may be NULL) cut to n bytes. */
static void
set_part(HDF *hdf, const char *name, const char *s, size_t off, size_t n)
{
	char part[17];

	if (s == NULL || strlen(s) < off + n)
		return;
	memcpy(part, s + off, n);
	part[n] = '\0';
	render_set(hdf, part, "Form.%s.value", name);
}

/* A stored meeting into the form's fields. */
static void
meeting_to_form(HDF *hdf, const struct versioned *r)
{
	const char *s = r->v[M_STARTS], *e = r->v[M_ENDS];

	render_set(hdf, r->v[M_TITLE], "Form.title.value");
	set_part(hdf, "date", s, 0, 10);
	set_part(hdf, "starts", s, 11, 5);
	if (s != NULL && e != NULL && strncmp(s, e, 10) != 0)
		set_part(hdf, "end_date", e, 0, 10);
	set_part(hdf, "ends", e, 11, 5);
	render_set(hdf, r->v[M_PLACE], "Form.place.value");
	render_set(hdf, r->v[M_URL], "Form.online_url.value");
	render_set(hdf, r->v[M_STATUS], "Form.status.value");
	render_set(hdf, r->v[M_NOTE], "Form.note.value");
	render_set_int(hdf, r->version, "Form.version.value");
}

/* The committee of the URL (the route's hook checked the user may manage it). */
static int
load_committee(struct request *rq, HDF *hdf, struct committee *c)
{
	return committees_load(rq, hdf, rq->args[0], c);
}

int
page_admin_meeting_new(struct request *rq, HDF *hdf)
{
	struct committee c;
	int rc;

	if ((rc = load_committee(rq, hdf, &c)) != 0)
		return rc;
	render_set(hdf, "planned", "Form.status.value");
	rq->tmpl = "admin_meeting_new.cs";
	return 0;
}

/* 1 when a save moves the meeting (its times or place) or changes its status: its members are told. */
static int
moved(const struct versioned *r, const char *const *v)
{
	static const int fields[] = { M_STARTS, M_ENDS, M_PLACE, M_URL, M_STATUS };
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (audit_differs(r->v[fields[i]], v[fields[i]]))
			return 1;
	return 0;
}

/* After the meeting's write (rc): the iTIP invitation, update or cancellation, in this transaction. */
static int
invite(struct request *rq, int rc, const long long *id, int changed)
{
	return rc == 0 && changed ? notify_meeting_changed(rq->db, rq->conf, *id) : rc;
}

int
page_admin_meeting_create(struct request *rq, HDF *hdf)
{
	const char *v[M_NFIELDS];
	char starts[17], ends[17];
	struct committee c;
	long long id = 0;
	int rc, errors, b;

	if ((rc = load_committee(rq, hdf, &c)) != 0)
		return rc;
	rq->tmpl = "admin_meeting_new.cs";
	if ((errors = check_meeting(rq, hdf)) != 0)
		return errors < 0 ? 500 : 422;
	meeting_values(hdf, v, starts, ends);
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : invite(rq, committees_authored(rq, versioned_create(rq->db,
	    &meeting_spec, rq->session->user_id, c.id, v, c.slug, &id), "meeting", &id), &id, 1), &id);
	return rc != 0 ? rc : committees_redirect(rq, "/admin/meetings/%lld?done=created", id);
}

/* The rest of the meeting's admin page: its agenda, resolutions and documents. */
static int
meeting_page(struct request *rq, HDF *hdf, long long id)
{
	struct db_stmt *st;

	if ((st = db_prepare(rq->db, sql_items)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	if (page_rows(hdf, "Agenda", st) < 0 || (st = db_prepare(rq->db, sql_meeting_resolutions)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	if (page_rows(hdf, "Resolutions", st) < 0 || files_list(rq->db, hdf, "Documents", "meeting", id) < 0)
		return db_err(rq->db);
	rq->tmpl = "admin_meeting.cs";
	return 0;
}

/* Load the meeting of the URL (with its committee and the right to manage it), its record and page. */
static int
load_meeting(struct request *rq, HDF *hdf, struct meeting_ref *m, struct versioned *r)
{
	long long id;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = committees_arg_id(rq, 0, &id)) != 0 || (rc = committees_load_meeting(rq, hdf, id, m)) != 0)
		return rc;
	if ((rc = versioned_load(rq->db, &meeting_spec, id, r)) <= 0)
		return rc < 0 ? db_err(rq->db) : 404;
	return meeting_page(rq, hdf, id);
}

int
page_admin_meeting_form(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct versioned r;
	int rc;

	if ((rc = load_meeting(rq, hdf, &m, &r)) == 0) {
		meeting_to_form(hdf, &r);
		render_set(hdf, request_param(rq, "done"), "Page.Done");
	}
	versioned_free(&r);
	return rc;
}

/* Stored values beside the user's, for the stale-save page. */
static int
meeting_conflict(HDF *hdf, const struct versioned *cur, const char *const *yours)
{
	return committees_conflict(hdf, meeting_columns, (const char *const *)cur->v, yours, M_NFIELDS, cur->version);
}

int
page_admin_meeting_save(struct request *rq, HDF *hdf)
{
	const char *v[M_NFIELDS];
	char starts[17], ends[17];
	struct meeting_ref m;
	struct versioned r;
	long long version;
	int rc, errors, b;

	if ((rc = load_meeting(rq, hdf, &m, &r)) != 0 || (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	render_set_int(hdf, version, "Form.version.value");
	if ((errors = check_meeting(rq, hdf)) != 0) {
		rc = errors < 0 ? 500 : 422;
		goto out;
	}
	meeting_values(hdf, v, starts, ends);
	if (version != r.version) {
		rc = meeting_conflict(hdf, &r, v);
		goto out;
	}
	if (!versioned_changed(&r, v)) {
		render_set(hdf, hdf_get_value(hdf, "L.form.nothing_changed", ""), "Page.Notice");
		goto out;
	}
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : invite(rq, versioned_update(rq->db, &meeting_spec,
	    rq->session->user_id, r.id, version, v, m.c.slug), &m.id, moved(&r, v)), &m.id);
	if (rc == TP_ESTALE) {
		versioned_free(&r);
		rc = versioned_load(rq->db, &meeting_spec, m.id, &r) == 1 ? meeting_conflict(hdf, &r, v) : 500;
	} else if (rc == 0)
		rc = committees_redirect(rq, "/admin/meetings/%lld?done=saved", m.id);
out:
	versioned_free(&r);
	return rc;
}

int
page_admin_meeting_page(struct request *rq, HDF *hdf, struct meeting_ref *m)
{
	struct versioned r;
	int rc;

	if ((rc = load_meeting(rq, hdf, m, &r)) == 0)
		meeting_to_form(hdf, &r);
	versioned_free(&r);
	return rc;
}
