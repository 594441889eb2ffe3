/*
 * page_admin_attendance.c - who attended a meeting (present, absent, or by proxy), a line per seat rather
 * than fixed fields, so it is merged here, line by line, the way the save pipeline (admin/save.c) merges a
 * record: each line carries the digest it was shown with. It keeps the pipeline's other promises too: a
 * one-time submission key claimed in the save's transaction, the transaction run again on a deadlock or
 * lock wait timeout, and after SAVE_ATTEMPTS the form again (429) with the lines as sent and their digests.
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
#include "store/submissions.h"
#include "admin/save.h"
#include "admin/seat_lines.h"
#include "model/committee_records.h"
#include "model/record.h"
#include "pages/page_rows.h"

/*
 * The rules of the records (committees_check) for the attendance as sent: not before the meeting has
 * started, and no more lines recorded than seats held on its day. Returns the new number of errors.
 */
static int
attendance_rules(struct request *rq, HDF *hdf, const struct meeting_ref *m, const struct seats *s, int errors)
{
	struct committees_facts f;
	char now[17];
	int i, rc, broken;

	if ((rc = committees_meeting_facts(rq, m, &f, now)) != 0)
		return rc;
	f.present = f.absent = f.proxy = 0;
	for (i = 0; i < s->n; i++) {
		const char *st = s->v[i].status;

		if (st == NULL)
			continue;
		f.records = 1;
		if (strcmp(st, "present") == 0)
			f.present++;
		else if (strcmp(st, "absent") == 0)
			f.absent++;
		else
			f.proxy++;
	}
	broken = committees_check(&f);
	if (broken & CR_NOT_STARTED)
		errors = committees_rule_error(hdf, "meeting", "L.committee_admin.err_not_started");
	if (broken & CR_OVER_SEATS)
		errors = committees_rule_error(hdf, "seats", "L.committee_admin.err_over_seats");
	return errors;
}

int
page_admin_attendance_form(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct seats *s;
	int rc;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return 500;
	if ((rc = committees_load_url_meeting(rq, hdf, &m)) == 0 && (rc = seat_lines_load(rq, hdf, m.id, s)) == 0) {
		seat_lines_to_form(hdf, s, 0);
		render_set_int(hdf, m.attendance_version, "Form.version.value");
		if (save_new_key(hdf) != 0)
			rc = 500;
		render_set(hdf, request_param(rq, "done"), "Page.Done");
		rq->tmpl = "admin_attendance.cs";
	}
	seat_lines_free(s);
	free(s);
	return rc;
}

/* What one attempt of the attendance's transaction came to. */
enum attempt { A_DONE, A_DUPLICATE, A_CONFLICT, A_UNCHANGED, A_RETRY, A_FAILED };

/* Roll back; run again on a deadlock or lock wait timeout, else the failure's status into *rc. */
static enum attempt
attempt_failed(struct request *rq, int status, int *rc)
{
	db_rollback(rq->db);
	if (db_last_errno(rq->db) == DB_E_RETRY)
		return A_RETRY;
	*rc = status != 0 ? status : db_err(rq->db);
	return A_FAILED;
}

/* One run of the transaction: key, lock and reload, merge, write, the key's answer, commit. */
static enum attempt
attempt(struct request *rq, const struct meeting_ref *m, struct seats *s, char (*base)[RECORD_DIGEST_LEN + 1],
    const char *key, const char *body, int *rc)
{
	int k;

	free(rq->location);
	rq->location = NULL;
	if (db_begin(rq->db) != 0)
		return attempt_failed(rq, 0, rc);
	if (key != NULL && (k = submissions_claim(rq->db, key, body, rq->session->user_id)) != 0) {
		if (k == 1) {
			db_rollback(rq->db);
			return A_DUPLICATE;
		}
		return attempt_failed(rq, 0, rc);
	}
	if ((k = seat_lines_reload(rq, m, s)) != 0)
		return attempt_failed(rq, k == TP_ENOTFOUND ? 404 : k == TP_ENOMEM ? 500 : 0, rc);
	if (seat_lines_merge(s, base) > 0) {
		db_rollback(rq->db);
		return A_CONFLICT;
	}
	if (!seat_lines_changed(s)) {
		db_rollback(rq->db);
		return A_UNCHANGED;
	}
	if ((k = seat_lines_store(rq, m, s)) != 0)
		return attempt_failed(rq, k > 0 ? k : 0, rc);
	if (asprintf(&rq->location, "/admin/meetings/%lld/attendance?done=saved", m->id) < 0) {
		rq->location = NULL;
		return attempt_failed(rq, 500, rc);
	}
	if ((key != NULL && submissions_done(rq->db, key, body, rq->location) != 0) || db_commit(rq->db) != 0)
		return attempt_failed(rq, 0, rc);
	return A_DONE;
}

/*
 * The form again for a later try (429; the caller may make it another status): every line as sent, each with the digest it was shown with (the
 * base of its merge, not the record read in the attempt that failed), so that sending it again merges
 * against what the user saw.
 */
static int
attendance_again(HDF *hdf, const struct seats *s, char (*base)[RECORD_DIGEST_LEN + 1], const char *msgkey)
{
	int i;

	for (i = 0; i < s->n; i++) {
		const struct seat *x = &s->v[i];

		render_set(hdf, x->sent ? x->sent_status : x->old_status, "Seats.%d.form_status", i);
		render_set(hdf, x->sent ? x->sent_proxy : x->old_proxy, "Seats.%d.form_proxy", i);
		if (x->sent)
			render_set(hdf, base[i], "Seats.%d.was", i);
		else
			seat_lines_was(hdf, x, i);
	}
	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.message");
	return 429;
}

int
page_admin_attendance_save(struct request *rq, HDF *hdf)
{
	char (*base)[RECORD_DIGEST_LEN + 1] = NULL, body[SUBMISSION_HASH_LEN + 1];
	const char *key = save_form_key(rq);
	struct meeting_ref m;
	long long version;
	struct seats *s;
	int rc, tries;

	if ((s = calloc(1, sizeof(*s))) == NULL || (base = calloc(SEAT_LINES_MAX, sizeof(*base))) == NULL) {
		free(s);
		return 500;
	}
	save_body_hash(rq, body);
	if ((rc = committees_load_url_meeting(rq, hdf, &m)) != 0 || (rc = seat_lines_load(rq, hdf, m.id, s)) != 0 ||
	    (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	rq->tmpl = "admin_attendance.cs";
	render_set_int(hdf, version, "Form.version.value");
	if (key != NULL)
		render_set(hdf, key, "Form.key.value");
	else if (save_new_key(hdf) != 0) {
		rc = 500;
		goto out;
	}
	if ((rc = seat_lines_read(rq, hdf, s)) != 400)
		rc = attendance_rules(rq, hdf, &m, s, rc);
	if (rc >= 0 && rc != 400 && s->too_many)	/* a form of part of the seats: refused, with the reason */
		rc = committees_rule_error(hdf, "seats", "L.committee_admin.err_too_many_seats");
	if (rc != 0) {
		seat_lines_to_form(hdf, s, 1);
		if (rc == 400)
			rq->tmpl = NULL;
		rc = rc == 400 ? 400 : rc < 0 ? rc : 422;
		goto out;
	}
	seat_lines_bases(s, base);
	for (tries = 0; tries < SAVE_ATTEMPTS; tries++) {
		switch (attempt(rq, &m, s, base, key, body, &rc)) {
		case A_DONE:
			rq->tmpl = NULL;
			rc = 303;
			save_upkeep(rq);
			goto out;
		case A_DUPLICATE:
			/* 409: another user's key, or its save left no answer: the lines as sent, and why */
			if ((rc = save_duplicate(rq, hdf, key, body, "admin_attendance.cs")) == 409)
				attendance_again(hdf, s, base, "L.save.duplicate");
			goto out;
		case A_CONFLICT:
			rc = seat_lines_conflict(hdf, s);
			goto out;
		case A_UNCHANGED:
			seat_lines_to_form(hdf, s, 1);
			render_set(hdf, hdf_get_value(hdf, "L.form.nothing_changed", ""), "Page.Notice");
			rc = 0;
			goto out;
		case A_FAILED:
			if (rc == TP_EBUSY)	/* a statement ran past statement_time_write: rolled back, busy */
				rc = attendance_again(hdf, s, base, "L.save.busy");
			else if (rc == 404 || rc == 400 || rc >= 500)
				rq->tmpl = NULL;
			goto out;
		case A_RETRY:
			break;
		}
	}
	rc = attendance_again(hdf, s, base, "L.save.busy");	/* busy every time: the lines as sent, to send once more */
out:
	seat_lines_free(s);
	free(s);
	free(base);
	return rc;
}
