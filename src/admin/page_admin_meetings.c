/*
 * page_admin_meetings.c - scheduling a meeting and keeping its details (time, place, status, note), and
 * the meeting's admin page, which also shows its agenda (page_admin_agenda.c), resolutions and documents.
 * Saves go through the pipeline (admin/save.c) with the meeting's record description
 * (model/committee_records.c): a stale form is merged three ways.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/account.h"
#include "model/attach.h"
#include "http/auth.h"
#include "admin/committees_admin.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "admin/save.h"
#include "model/committee_records.h"
#include "store/search.h"
#include "model/notify.h"
#include "store/audit.h"
#include "pages/pages.h"
#include "view/render.h"
#include "store/versioned.h"
#include "pages/page_rows.h"
#include "pages/files.h"

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
 * "09:30"), put back in the form; else a message (msgkey) on the field.
 */
static void
norm_field(HDF *hdf, const char *name, int (*norm)(const char *, char *), char *out, const char *msgkey)
{
	const char *v = form_value(hdf, name);

	if (v == NULL)
		return;
	if (norm(v, out) != 0) {
		*out = '\0';
		save_field_error(hdf, &meeting_record, name, msgkey);
		return;
	}
	render_set(hdf, out, "Form.%s.value", name);
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

static void
meeting_error(HDF *hdf, const char *name, const char *msgkey)
{
	save_field_error(hdf, &meeting_record, name, msgkey);
}

/*
 * After the description's checks (save.check): the dates and times (normalised in the form), the end after
 * the start, and the state that follows the times (committees_check): every mistake at once, so a bad date
 * does not hide a wrong order of the times. Returns how many messages it added.
 */
static int
check_meeting(struct request *rq, HDF *hdf, const struct save *sv)
{
	char date[11] = "", end_date[11] = "", starts[6] = "", ends[6] = "", a[17], b[17], now[17];
	int before = hdf_get_int_value(hdf, "Form.errors", 0), broken;
	struct committees_facts f;
	const char *status;

	(void)rq;
	(void)sv;
	norm_field(hdf, "date", norm_date, date, "L.committee_admin.err_date");
	norm_field(hdf, "starts", norm_time, starts, "L.committee_admin.err_time");
	norm_field(hdf, "end_date", norm_date, end_date, "L.committee_admin.err_date");
	norm_field(hdf, "ends", norm_time, ends, "L.committee_admin.err_time");
	if (*starts == '\0' || *ends == '\0')
		goto out;
	if (form_value(hdf, "end_date") == NULL || *date == '\0' || *end_date == '\0') {
		/* the same day, or a day that did not parse: the times alone still say whether the end comes first */
		if (form_value(hdf, "end_date") == NULL && strcmp(ends, starts) <= 0)
			meeting_error(hdf, "ends", "L.committee_admin.err_meeting_order");
		if (*date == '\0' || (form_value(hdf, "end_date") != NULL && *end_date == '\0'))
			goto out;
	}
	snprintf(a, sizeof(a), "%s %s", date, starts);
	snprintf(b, sizeof(b), "%s %s", *end_date != '\0' ? end_date : date, ends);
	if (*end_date != '\0' && strcmp(b, a) <= 0)
		meeting_error(hdf, "ends", "L.committee_admin.err_meeting_order");
	if ((status = form_value(hdf, "status")) == NULL || hdf_get_value(hdf, "Form.status.error", NULL) != NULL)
		goto out;
	committees_now(now);
	memset(&f, 0, sizeof(f));
	f.starts = a, f.ends = b, f.now = now, f.status = status, f.seats = -1;
	f.votes[0] = f.votes[1] = f.votes[2] = -1;
	broken = committees_check(&f);
	if (broken & CR_HELD_FUTURE)
		meeting_error(hdf, "status", "L.committee_admin.err_held_future");
	if (broken & CR_PLANNED_PAST)
		meeting_error(hdf, "status", "L.committee_admin.err_planned_past");
out:
	return hdf_get_int_value(hdf, "Form.errors", 0) - before;
}

/*
 * The write of the pipeline: the meeting (created under the committee of sv->arg, or updated), the
 * invitation, update or cancellation mailed to its members when it moved, and its search entry, all in
 * the save's transaction. A merge of two people's changes that puts the end before the start is a
 * message on the end (TP_EINVALID), not a save.
 */
static int
write_meeting(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *values, long long *new_id)
{
	const struct committee *c = sv->arg;
	const char *end_date = values[MF_END_DATE] != NULL ? values[MF_END_DATE] : values[MF_DATE];
	char a[32], b[32];
	long long id = cur != NULL ? sv->id : 0;
	int rc;

	snprintf(a, sizeof(a), "%s %s", values[MF_DATE], values[MF_STARTS]);
	snprintf(b, sizeof(b), "%s %s", end_date, values[MF_ENDS]);
	if (strcmp(b, a) <= 0) {
		meeting_error(hdf, "ends", "L.committee_admin.err_meeting_order");
		return TP_EINVALID;
	}
	if ((rc = meeting_write(rq->db, rq->session->user_id, id, sv->owner, cur != NULL ? cur->version : 0, values,
	    c->slug, new_id)) != 0)
		return rc;
	/* a meeting made by a demo account is demo, and records who made it (issue 20) */
	if (cur == NULL && (rc = committees_authored(rq, 0, "meeting", new_id)) != 0)
		return rc;
	if (id == 0)
		id = *new_id;
	if ((cur == NULL || meeting_moved((const char *const *)cur->v, values)) &&
	    (rc = notify_meeting_changed(rq->db, rq->conf, id)) != 0)
		return rc;
	return search_sync(rq->db, SEARCH_COMMITTEES, id) != 0 ? db_err(rq->db) : 0;
}

/* Where a save answers: the meeting's admin page with its notice. */
static int
meeting_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	if (asprintf(location, "/admin/meetings/%lld?done=%s", id, done != NULL ? done : "saved") < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

/* The pipeline's description of a save of meeting id (0: a new one of committee c). */
static void
meeting_save(struct save *sv, const struct committee *c, long long id, const char *tmpl)
{
	memset(sv, 0, sizeof(*sv));
	sv->desc = &meeting_record;
	sv->id = id;
	sv->owner = c->id;
	sv->tmpl = tmpl;
	sv->check = check_meeting;
	sv->location = meeting_location;
	sv->write = write_meeting;
	sv->arg = (void *)(uintptr_t)c;	/* only read */
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
	save_form(hdf, &meeting_record, NULL);
	render_set(hdf, "planned", "Form.status.value");
	rq->tmpl = "admin_meeting_new.cs";
	return 0;
}

int
page_admin_meeting_create(struct request *rq, HDF *hdf)
{
	struct committee c;
	struct save sv;
	int rc;

	if ((rc = load_committee(rq, hdf, &c)) != 0)
		return rc;
	meeting_save(&sv, &c, 0, "admin_meeting_new.cs");
	return save_record(rq, hdf, &sv);
}

/* The rest of the meeting's admin page: its agenda, resolutions and documents. */
static int
meeting_page(struct request *rq, HDF *hdf, long long id)
{
	char key[ACCOUNT_TOKEN_LEN + 1];
	struct db_stmt *st;

	if ((st = db_prepare(rq->db, sql_items)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	if (page_rows(hdf, "Agenda", st) < 0 || (st = db_prepare(rq->db, sql_meeting_resolutions)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	if (page_rows(hdf, "Resolutions", st) < 0 || files_list_admin(rq, hdf, "Documents", "meeting", id) < 0)
		return db_err(rq->db);
	account_new_token(key);		/* the one-time key of the form that adds an agenda item */
	render_set(hdf, key, "Form.item_key.value");
	account_new_token(key);		/* and of the form that adds documents */
	render_set(hdf, key, "Form.doc_key.value");
	rq->tmpl = "admin_meeting.cs";
	return 0;
}

/* Load the meeting of the URL (with its committee and the right to manage it) and its page. */
static int
load_meeting(struct request *rq, HDF *hdf, struct meeting_ref *m)
{
	long long id;
	int rc;

	if ((rc = committees_arg_id(rq, 0, &id)) != 0 || (rc = committees_load_meeting(rq, hdf, id, m)) != 0)
		return rc;
	return meeting_page(rq, hdf, id);
}

/* The stored details into the form, with their version, digests and a new one-time key. */
static int
meeting_to_form(struct request *rq, HDF *hdf, const struct meeting_ref *m)
{
	struct record_row r;
	int rc = meeting_record.load(rq->db, m->id, &r);

	if (rc == 1)
		save_form(hdf, &meeting_record, &r);
	record_row_free(&r);
	return rc == 1 ? 0 : rc == 0 ? 404 : db_err(rq->db);
}

int
page_admin_meeting_form(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	int rc;

	if ((rc = load_meeting(rq, hdf, &m)) == 0 && (rc = meeting_to_form(rq, hdf, &m)) == 0)
		render_set(hdf, request_param(rq, "done"), "Page.Done");
	return rc;
}

int
page_admin_meeting_save(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct save sv;
	int rc;

	if ((rc = load_meeting(rq, hdf, &m)) != 0)
		return rc;
	meeting_save(&sv, &m.c, m.id, "admin_meeting.cs");
	return save_record(rq, hdf, &sv);
}

int
page_admin_meeting_page(struct request *rq, HDF *hdf, struct meeting_ref *m)
{
	int rc;

	if ((rc = load_meeting(rq, hdf, m)) == 0)
		rc = meeting_to_form(rq, hdf, m);
	return rc;
}
