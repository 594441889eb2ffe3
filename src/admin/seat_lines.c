/*
 * seat_lines.c - the lines of the attendance form (admin/page_admin_attendance.c), a line per seat: loaded
 * with what is recorded, read from the form and checked, merged three ways line by line against the
 * record as it is now (each line carries the digest it was shown with), written with their audit rows, and
 * put back into the form or its conflict page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/seat_lines.h"
#include "core/text.h"
#include "http/auth.h"
#include "http/form.h"
#include "pages/page_rows.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/versioned.h"
#include "view/render.h"
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


void
seat_lines_free(struct seats *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].old_status);
		free(s->v[i].old_proxy);
	}
	s->n = 0;
}

/*
 * Load the seats under Seats.N and into s. More than SEAT_LINES_MAX: the first SEAT_LINES_MAX and s->too_many set,
 * for the form to say so and refuse to save (a save of part of them would read as the rest unrecorded).
 * 0 or a status.
 */
int
seat_lines_load(struct request *rq, HDF *hdf, long long meeting, struct seats *s)
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

		if (s->n == SEAT_LINES_MAX) {
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
		render_set_int(hdf, SEAT_LINES_MAX, "Page.SeatsMax");
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
void
seat_lines_was(HDF *hdf, const struct seat *x, int i)
{
	char buf[128], d[RECORD_DIGEST_LEN + 1];

	record_digest(seat_text(x->old_status, x->old_proxy, buf, sizeof(buf)), d);
	render_set(hdf, d, "Seats.%d.was", i);
}

/* The form's value of seat i: the stored one, or what was sent. */
void
seat_lines_to_form(HDF *hdf, const struct seats *s, int sent)
{
	int i;

	for (i = 0; i < s->n; i++) {
		const char *status = sent ? s->v[i].status : s->v[i].old_status;
		const char *proxy = sent ? s->v[i].proxy : s->v[i].old_proxy;

		render_set(hdf, status, "Seats.%d.form_status", i);
		render_set(hdf, proxy, "Seats.%d.form_proxy", i);
		seat_lines_was(hdf, &s->v[i], i);
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
int
seat_lines_read(struct request *rq, HDF *hdf, struct seats *s)
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
void
seat_lines_bases(const struct seats *s, char (*base)[RECORD_DIGEST_LEN + 1])
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
int
seat_lines_reload(struct request *rq, const struct meeting_ref *m, struct seats *s)
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
int
seat_lines_merge(struct seats *s, char (*base)[RECORD_DIGEST_LEN + 1])
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
int
seat_lines_store(struct request *rq, const struct meeting_ref *m, struct seats *s)
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
int
seat_lines_changed(const struct seats *s)
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
int
seat_lines_conflict(HDF *hdf, struct seats *s)
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
		seat_lines_was(hdf, x, i);
	}
	render_set(hdf, "1", "Conflict.shown");
	return 409;
}
