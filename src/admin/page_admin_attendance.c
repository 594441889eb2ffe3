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

#include "store/audit.h"
#include "http/auth.h"
#include "admin/committees_admin.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "core/text.h"
#include "store/versioned.h"
#include "store/submissions.h"
#include "admin/save.h"
#include "model/committee_records.h"
#include "model/record.h"
#include "pages/page_rows.h"

#define MAX_SEATS	200	/* seats one attendance form may hold */
#define PROXY_MAX	60	/* characters of a proxy's name (the column's size) */

/* The seats held on the meeting's day, and any seat already recorded for it, with what is recorded. */
static const char sql_seats[] =
	"SELECT m.id, m.role, m.is_demo, p.name AS person, "
	"CASE WHEN p.id IS NOT NULL THEN COALESCE(pt.name_ko, s.name_ko) END AS org, t.name_ko AS tp_name, "
	"att.status, att.proxy_name "
	"FROM committee_meetings g JOIN committee_members m ON m.committee_id = g.committee_id "
	"LEFT JOIN committee_attendance att ON att.meeting_id = g.id AND att.member_id = m.id "
	"LEFT JOIN people p ON p.id = m.person_id LEFT JOIN technoparks pt ON pt.id = p.technopark_id "
	"LEFT JOIN technoparks t ON t.id = m.technopark_id JOIN association s ON s.id = 1 "
	"WHERE g.id = ? AND (att.status IS NOT NULL OR ((m.term_start IS NULL OR m.term_start <= DATE(g.starts_at)) "
	"AND (m.term_end IS NULL OR m.term_end >= DATE(g.starts_at)))) "
	"ORDER BY m.role, COALESCE(t.name_ko, p.name), m.id";
static const char sql_lock_attendance[] =
	"SELECT attendance_version FROM committee_meetings WHERE id = ? FOR UPDATE";
static const char sql_attendance_set[] =
	"INSERT INTO committee_attendance (status, proxy_name, meeting_id, member_id) VALUES (?, ?, ?, ?) "
	"ON DUPLICATE KEY UPDATE status = VALUES(status), proxy_name = VALUES(proxy_name)";
static const char sql_attendance_clear[] =
	"DELETE FROM committee_attendance WHERE meeting_id = ? AND member_id = ?";

/* One seat's line of the form: what is stored, and what was sent. */
struct seat {
	long long	 id;
	char		*old_status, *old_proxy;	/* malloc'd; NULL when not recorded */
	const char	*status, *proxy;		/* to store: the form's, or the stored record's; NULL when empty */
	const char	*sent_status, *sent_proxy;	/* the form's (into the request), as read_lines checked them */
	const char	*was;		/* the digest of the line as the form showed it (NULL: not sent) */
	int		 sent;
	int		 conflict;	/* changed by someone else since the form was shown, to another value */
};

struct seats {
	struct seat	v[MAX_SEATS];
	int		n;
	int		too_many;	/* the meeting has more seats than one form holds: it is not saved */
};

static void
seats_free(struct seats *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].old_status);
		free(s->v[i].old_proxy);
	}
	s->n = 0;
}

/*
 * Load the seats under Seats.N and into s. More than MAX_SEATS: the first MAX_SEATS and s->too_many set,
 * for the form to say so and refuse to save (a save of part of them would read as the rest unrecorded).
 * 0 or a status.
 */
static int
load_seats(struct request *rq, HDF *hdf, long long meeting, struct seats *s)
{
	struct db_stmt *st = db_prepare(rq->db, sql_seats);
	char name[32];
	int rc;

	s->n = 0;
	s->too_many = 0;
	hdf_remove_tree(hdf, "Seats");
	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, meeting);
	while ((rc = db_step(st)) == DB_ROW) {
		struct seat *x = &s->v[s->n];
		const char *status = db_col_text(st, 6), *proxy = db_col_text(st, 7);

		if (s->n == MAX_SEATS) {
			s->too_many = 1;
			break;
		}
		memset(x, 0, sizeof(*x));
		x->id = db_col_int(st, 0);
		x->old_status = status != NULL ? strdup(status) : NULL;
		x->old_proxy = proxy != NULL ? strdup(proxy) : NULL;
		snprintf(name, sizeof(name), "Seats.%d", s->n++);
		if (page_row(hdf, name, st) != 0 || (status != NULL && x->old_status == NULL) ||
		    (proxy != NULL && x->old_proxy == NULL)) {
			rc = DB_ERR;	/* out of memory: stop here, before the next step overwrites it */
			break;
		}
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	if (s->too_many) {
		render_set_int(hdf, MAX_SEATS, "Page.SeatsMax");
		render_set(hdf, "1", "Page.TooManySeats");
	}
	return 0;
}

/* One seat's audit value: "present", "absent", "proxy: name", or NULL when not recorded. */
static const char *
seat_text(const char *status, const char *proxy, char *buf, size_t size)
{
	if (status == NULL)
		return NULL;
	if (strcmp(status, "proxy") != 0 || proxy == NULL)
		return status;
	snprintf(buf, size, "proxy: %s", proxy);
	return buf;
}

/* The base of line i's three-way merge: the digest of the stored record the form shows (Seats.i.was). */
static void
seat_was(HDF *hdf, const struct seat *x, int i)
{
	char buf[128], d[RECORD_DIGEST_LEN + 1];

	record_digest(seat_text(x->old_status, x->old_proxy, buf, sizeof(buf)), d);
	render_set(hdf, d, "Seats.%d.was", i);
}

/* The form's value of seat i: the stored one, or what was sent. */
static void
seats_to_form(HDF *hdf, const struct seats *s, int sent)
{
	int i;

	for (i = 0; i < s->n; i++) {
		const char *status = sent ? s->v[i].status : s->v[i].old_status;
		const char *proxy = sent ? s->v[i].proxy : s->v[i].old_proxy;

		render_set(hdf, status, "Seats.%d.form_status", i);
		render_set(hdf, proxy, "Seats.%d.form_proxy", i);
		seat_was(hdf, &s->v[i], i);
	}
}

static struct seat *
find_seat(struct seats *s, long long id)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].id == id)
			return &s->v[i];
	return NULL;
}

/* Record a message on seat row i (field proxy_<id>) for the form and its summary. */
static int
seat_error(HDF *hdf, int row, long long id, const char *msgkey, int errors)
{
	char name[32], key[48], label[400];
	const char *who;

	snprintf(key, sizeof(key), "Seats.%d.tp_name", row);
	if ((who = hdf_get_value(hdf, key, NULL)) == NULL) {
		snprintf(key, sizeof(key), "Seats.%d.person", row);
		who = hdf_get_value(hdf, key, "?");
	}
	snprintf(label, sizeof(label), "%s %s", who, hdf_get_value(hdf, "L.committee_admin.field.proxy", ""));
	snprintf(name, sizeof(name), "proxy_%lld", id);
	render_set(hdf, label, "Form.%s.label", name);
	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Seats.%d.error", row);
	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.%s.error", name);
	render_set(hdf, name, "Form.Errors.%d", errors);
	render_set_int(hdf, errors + 1, "Form.errors");
	return errors + 1;
}

/* The state of a "seat" value "<id>:<state>" (state "" when not recorded); sets *id. NULL when malformed. */
static const char *
seat_state(const char *value, long long *id)
{
	const char *colon = strchr(value, ':');
	char num[16];
	size_t n;

	if (colon == NULL || (n = (size_t)(colon - value)) == 0 || n >= sizeof(num))
		return NULL;
	memcpy(num, value, n);
	num[n] = '\0';
	if (parse_ll(num, 1, 4294967295LL, id) != 0)
		return NULL;
	colon++;
	if (*colon == '\0' || strcmp(colon, "present") == 0 || strcmp(colon, "absent") == 0 ||
	    strcmp(colon, "proxy") == 0)
		return colon;
	return NULL;
}

/*
 * Read the sent lines in order: each "seat" ("<seat id>:<state>") starts a line, the "proxy" after it
 * belongs to it. Returns the number of mistakes (shown per line), or 400 for a form no page of ours sends.
 */
static int
read_lines(struct request *rq, HDF *hdf, struct seats *s)
{
	struct seat *cur = NULL;
	int errors = 0, i;
	size_t k;

	for (k = 0; k < rq->params.n; k++) {
		const char *name = rq->params.v[k].name, *value = rq->params.v[k].value, *state;
		long long id;

		if (strcmp(name, "seat") == 0) {
			if ((state = seat_state(value, &id)) == NULL || (cur = find_seat(s, id)) == NULL || cur->sent)
				return 400;
			cur->sent = 1;
			cur->status = *state != '\0' ? state : NULL;
		} else if (strcmp(name, "was") == 0) {
			if (cur == NULL || cur->was != NULL)
				return 400;
			cur->was = value;
		} else if (strcmp(name, "proxy") == 0) {
			if (cur == NULL)
				return 400;
			form_trim(rq->params.v[k].value);
			cur->proxy = *value != '\0' ? value : NULL;
		}
	}
	for (i = 0; i < s->n; i++) {
		struct seat *x = &s->v[i];

		if (!x->sent) {		/* a seat the form did not show keeps its record */
			x->status = x->old_status;
			x->proxy = x->old_proxy;
			continue;
		}
		if (x->status == NULL || strcmp(x->status, "proxy") != 0)
			x->proxy = NULL;	/* a name only means something for a proxy */
		else if (x->proxy == NULL)
			errors = seat_error(hdf, i, x->id, "L.committee_admin.err_proxy_required", errors);
		else if (strpbrk(x->proxy, "\r\n") != NULL)
			errors = seat_error(hdf, i, x->id, "L.form.err_line", errors);
		else if (text_utf8_chars(x->proxy, strlen(x->proxy)) > PROXY_MAX)
			errors = seat_error(hdf, i, x->id, "L.form.err_long", errors);
		x->sent_status = x->status;
		x->sent_proxy = x->proxy;
	}
	return errors;
}

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
	if ((rc = committees_load_url_meeting(rq, hdf, &m)) == 0 && (rc = load_seats(rq, hdf, m.id, s)) == 0) {
		seats_to_form(hdf, s, 0);
		render_set_int(hdf, m.attendance_version, "Form.version.value");
		if (save_new_key(hdf) != 0)
			rc = 500;
		render_set(hdf, request_param(rq, "done"), "Page.Done");
		rq->tmpl = "admin_attendance.cs";
	}
	seats_free(s);
	free(s);
	return rc;
}

static const char sql_attendance_now[] =
	"SELECT member_id, status, proxy_name FROM committee_attendance WHERE meeting_id = ?";
static const char sql_attendance_bump_any[] =
	"UPDATE committee_meetings SET attendance_version = attendance_version + 1 WHERE id = ?";

/* Replace a malloc'd string with a copy of v (NULL: none). 0, or -1 when memory runs out. */
static int
replace(char **p, const char *v)
{
	char *n = v != NULL ? strdup(v) : NULL;

	if (v != NULL && n == NULL)
		return -1;
	free(*p);
	*p = n;
	return 0;
}

/*
 * Each seat's base: the digest of the line as the form showed it, from what was sent or, for a line without
 * one, from what this request loaded before the transaction. Taken once: every attempt merges against it.
 */
static void
seat_bases(const struct seats *s, char (*base)[RECORD_DIGEST_LEN + 1])
{
	char buf[128];
	int i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].was != NULL && strlen(s->v[i].was) == RECORD_DIGEST_LEN)
			snprintf(base[i], RECORD_DIGEST_LEN + 1, "%s", s->v[i].was);
		else
			record_digest(seat_text(s->v[i].old_status, s->v[i].old_proxy, buf, sizeof(buf)), base[i]);
}

/*
 * Inside the transaction: the meeting's row locked first, then each seat's record as it is now. The lines
 * are cleared only once the lock is held (a lock wait that ends the attempt leaves them as they were). 0 or
 * a TP_E* code (db_last_errno says whether to run again).
 */
static int
reload_seats(struct request *rq, const struct meeting_ref *m, struct seats *s)
{
	struct db_stmt *st = db_prepare(rq->db, sql_lock_attendance);
	int rc, i;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, m->id);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? TP_ENOTFOUND : db_err(rq->db);
	for (i = 0; i < s->n; i++)
		if (replace(&s->v[i].old_status, NULL) != 0 || replace(&s->v[i].old_proxy, NULL) != 0)
			return TP_ENOMEM;
	if ((st = db_prepare(rq->db, sql_attendance_now)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, m->id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct seat *x = find_seat(s, db_col_int(st, 0));

		if (x != NULL && (replace(&x->old_status, db_col_text(st, 1)) != 0 || replace(&x->old_proxy, db_col_text(st, 2)) != 0)) {
			db_reset(st);
			return TP_ENOMEM;
		}
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(rq->db) : 0;
}

/*
 * Merge each sent line three ways: the line as the form showed it (base), as it is stored now, as sent. A
 * line the user did not change keeps the stored record; one only the user changed is applied; one both
 * changed to different records is a conflict. Lines the form did not show keep their record. Returns the
 * number of conflicts.
 */
static int
merge_seats(struct seats *s, char (*base)[RECORD_DIGEST_LEN + 1])
{
	char a[128], b[128], mine[RECORD_DIGEST_LEN + 1], now[RECORD_DIGEST_LEN + 1];
	int i, conflicts = 0;

	for (i = 0; i < s->n; i++) {
		struct seat *x = &s->v[i];
		const char *sent;
		const char *stored = seat_text(x->old_status, x->old_proxy, b, sizeof(b));

		x->conflict = 0;
		x->status = x->sent ? x->sent_status : x->old_status;	/* each attempt merges afresh */
		x->proxy = x->sent ? x->sent_proxy : x->old_proxy;
		sent = seat_text(x->status, x->proxy, a, sizeof(a));
		record_digest(sent, mine);
		record_digest(stored, now);
		if (!x->sent || strcmp(mine, base[i]) == 0 || !audit_differs(sent, stored)) {
			x->status = x->old_status;	/* not changed by the user: the stored record stays */
			x->proxy = x->old_proxy;
		} else if (strcmp(now, base[i]) != 0) {
			x->conflict = 1;
			conflicts++;
		}
	}
	return conflicts;
}

/* Write the changed seats, their audit rows and the new attendance version. 0 or a TP_E* code. */
static int
store_attendance(struct request *rq, const struct meeting_ref *m, struct seats *s)
{
	long long change = 0;
	char field[40], a[128], b[128];
	int i;

	if (audit_change(rq->db, rq->session->user_id, "update", "attendance", m->id, 0, m->c.slug, &change) != 0)
		return db_err(rq->db);
	for (i = 0; i < s->n; i++) {
		struct seat *x = &s->v[i];
		const char *old = seat_text(x->old_status, x->old_proxy, a, sizeof(a));
		const char *now = seat_text(x->status, x->proxy, b, sizeof(b));
		const char *vals[2] = { x->status, x->proxy };
		long long ids[2] = { m->id, x->id };

		if (!audit_differs(old, now))
			continue;
		snprintf(field, sizeof(field), "seat %lld", x->id);
		if ((x->status != NULL ? versioned_exec(rq->db, sql_attendance_set, vals, 2, ids, 2, NULL) :
		    versioned_exec(rq->db, sql_attendance_clear, NULL, 0, ids, 2, NULL)) < 0 ||
		    audit_field(rq->db, change, field, old, now) != 0)
			return db_err(rq->db);
	}
	return versioned_exec(rq->db, sql_attendance_bump_any, NULL, 0, &m->id, 1, NULL) == 1 ? 0 : db_err(rq->db);
}

/* 1 when any seat's merged value differs from the stored one. */
static int
seats_changed(const struct seats *s)
{
	char a[128], b[128];
	int i;

	for (i = 0; i < s->n; i++)
		if (audit_differs(seat_text(s->v[i].old_status, s->v[i].old_proxy, a, sizeof(a)),
		    seat_text(s->v[i].status, s->v[i].proxy, b, sizeof(b))))
			return 1;
	return 0;
}

/*
 * The conflict page: each line both people changed shows the stored record chosen in its line, with both
 * records beside it (Seats.N.conflict, stored_*, yours_*); the other lines as merged. Every line's base is
 * the stored record now, so sending the page unchanged keeps the colleague's records. Returns 409.
 */
static int
attendance_conflict(HDF *hdf, struct seats *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		struct seat *x = &s->v[i];

		if (x->conflict) {
			render_set(hdf, "1", "Seats.%d.conflict", i);
			render_set(hdf, x->old_status, "Seats.%d.stored_status", i);
			render_set(hdf, x->old_proxy, "Seats.%d.stored_proxy", i);
			render_set(hdf, x->status, "Seats.%d.yours_status", i);
			render_set(hdf, x->proxy, "Seats.%d.yours_proxy", i);
			x->status = x->old_status;
			x->proxy = x->old_proxy;
		}
		render_set(hdf, x->status, "Seats.%d.form_status", i);
		render_set(hdf, x->proxy, "Seats.%d.form_proxy", i);
		seat_was(hdf, x, i);
	}
	render_set(hdf, "1", "Conflict.shown");
	return 409;
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
	if ((k = reload_seats(rq, m, s)) != 0)
		return attempt_failed(rq, k == TP_ENOTFOUND ? 404 : k == TP_ENOMEM ? 500 : 0, rc);
	if (merge_seats(s, base) > 0) {
		db_rollback(rq->db);
		return A_CONFLICT;
	}
	if (!seats_changed(s)) {
		db_rollback(rq->db);
		return A_UNCHANGED;
	}
	if ((k = store_attendance(rq, m, s)) != 0)
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
			seat_was(hdf, x, i);
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

	if ((s = calloc(1, sizeof(*s))) == NULL || (base = calloc(MAX_SEATS, sizeof(*base))) == NULL) {
		free(s);
		return 500;
	}
	save_body_hash(rq, body);
	if ((rc = committees_load_url_meeting(rq, hdf, &m)) != 0 || (rc = load_seats(rq, hdf, m.id, s)) != 0 ||
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
	if ((rc = read_lines(rq, hdf, s)) != 400)
		rc = attendance_rules(rq, hdf, &m, s, rc);
	if (rc >= 0 && rc != 400 && s->too_many)	/* a form of part of the seats: refused, with the reason */
		rc = committees_rule_error(hdf, "seats", "L.committee_admin.err_too_many_seats");
	if (rc != 0) {
		seats_to_form(hdf, s, 1);
		if (rc == 400)
			rq->tmpl = NULL;
		rc = rc == 400 ? 400 : rc < 0 ? rc : 422;
		goto out;
	}
	seat_bases(s, base);
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
			rc = attendance_conflict(hdf, s);
			goto out;
		case A_UNCHANGED:
			seats_to_form(hdf, s, 1);
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
	seats_free(s);
	free(s);
	free(base);
	return rc;
}
