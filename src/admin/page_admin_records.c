/*
 * page_admin_records.c - what a meeting leaves behind: who attended (present, absent, or by proxy), and
 * the minutes (Markdown, made safe HTML by markdown.c when saved; readers see them once published).
 * Resolutions are in page_admin_resolutions.c. Same rules as every admin form: one transaction per save
 * with its audit rows, a stale version answered with both versions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "http/auth.h"
#include "admin/committees_admin.h"
#include "store/db.h"
#include "http/form.h"
#include "view/markdown.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "core/text.h"
#include "store/versioned.h"
#include "pages/page_rows.h"

#define MAX_SEATS	200	/* seats one attendance form may hold */
#define PROXY_MAX	60	/* characters of a proxy's name (the column's size) */
#define MINUTES_MAX	20000	/* characters: the audit log keeps the text in a TEXT column */

/* The meeting of the URL, when the user may manage its committee. */
static int
load_meeting(struct request *rq, HDF *hdf, struct meeting_ref *m)
{
	long long id;
	int rc;

	if ((rc = committees_arg_id(rq, 0, &id)) != 0)
		return rc;
	return committees_load_meeting(rq, hdf, id, m);
}

/* ---- attendance ---- */

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
static const char sql_attendance_bump[] =
	"UPDATE committee_meetings SET attendance_version = attendance_version + 1 WHERE id = ? AND attendance_version = ?";

/* One seat's line of the form: what is stored, and what was sent. */
struct seat {
	long long	 id;
	char		*old_status, *old_proxy;	/* malloc'd; NULL when not recorded */
	const char	*status, *proxy;		/* the form's; NULL when empty */
	int		 sent;
};

struct seats {
	struct seat	v[MAX_SEATS];
	int		n;
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

/* Load the seats under Seats.N and into s. 0 or a status. */
static int
load_seats(struct request *rq, HDF *hdf, long long meeting, struct seats *s)
{
	struct db_stmt *st = db_prepare(rq->db, sql_seats);
	char name[32];
	int rc;

	s->n = 0;
	hdf_remove_tree(hdf, "Seats");
	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, meeting);
	while ((rc = db_step(st)) == DB_ROW && s->n < MAX_SEATS) {
		struct seat *x = &s->v[s->n];
		const char *status = db_col_text(st, 6), *proxy = db_col_text(st, 7);

		memset(x, 0, sizeof(*x));
		x->id = db_col_int(st, 0);
		x->old_status = status != NULL ? strdup(status) : NULL;
		x->old_proxy = proxy != NULL ? strdup(proxy) : NULL;
		snprintf(name, sizeof(name), "Seats.%d", s->n++);
		if (page_row(hdf, name, st) != 0 || (status != NULL && x->old_status == NULL) ||
		    (proxy != NULL && x->old_proxy == NULL))
			rc = DB_ERR;
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(rq->db) : 0;
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
	if ((rc = load_meeting(rq, hdf, &m)) == 0 && (rc = load_seats(rq, hdf, m.id, s)) == 0) {
		seats_to_form(hdf, s, 0);
		render_set_int(hdf, m.attendance_version, "Form.version.value");
		render_set(hdf, request_param(rq, "done"), "Page.Done");
		rq->tmpl = "admin_attendance.cs";
	}
	seats_free(s);
	free(s);
	return rc;
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

/* Write the changed seats, their audit rows and the new attendance version. 0, TP_ESTALE or a status. */
static int
store_attendance(struct request *rq, const struct meeting_ref *m, long long version, struct seats *s)
{
	struct db_stmt *st = db_prepare(rq->db, sql_lock_attendance);
	long long change = 0, keys[2] = { m->id, version };
	char field[40], a[128], b[128];
	int rc, i;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, m->id);
	rc = db_step(st) == DB_ROW ? (db_col_int(st, 0) == version ? 0 : TP_ESTALE) : db_err(rq->db);
	db_reset(st);
	if (rc != 0)
		return rc;
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
	return versioned_exec(rq->db, sql_attendance_bump, NULL, 0, keys, 2, NULL) == 1 ? 0 : TP_ESTALE;
}

/* 1 when any seat's sent value differs from the stored one. */
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

/* The stale-save page: each seat's stored record beside the one sent; the next save is against the stored version. */
static int
attendance_conflict(struct request *rq, HDF *hdf, const struct meeting_ref *m, struct seats *s)
{
	struct meeting_ref now;
	char a[128], b[128];
	int i, rc;

	seats_free(s);
	if ((rc = committees_load_meeting(rq, hdf, m->id, &now)) != 0 || (rc = load_seats(rq, hdf, m->id, s)) != 0)
		return rc;
	if ((rc = read_lines(rq, hdf, s)) < 0 || rc == 400)
		return rc < 0 ? 500 : 400;
	for (i = 0; i < s->n; i++) {
		const char *old = seat_text(s->v[i].old_status, s->v[i].old_proxy, a, sizeof(a));
		const char *sent = seat_text(s->v[i].status, s->v[i].proxy, b, sizeof(b));

		render_set(hdf, old, "Seats.%d.stored", i);
		render_set(hdf, sent, "Seats.%d.sent", i);
		if (audit_differs(old, sent))
			render_set(hdf, "1", "Seats.%d.differs", i);
	}
	seats_to_form(hdf, s, 1);
	render_set_int(hdf, now.attendance_version, "Form.version.value");
	render_set(hdf, "1", "Conflict.shown");
	return 409;
}

int
page_admin_attendance_save(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	long long version;
	struct seats *s;
	int rc, b;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return 500;
	if ((rc = load_meeting(rq, hdf, &m)) != 0 || (rc = load_seats(rq, hdf, m.id, s)) != 0 ||
	    (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	rq->tmpl = "admin_attendance.cs";
	render_set_int(hdf, version, "Form.version.value");
	if ((rc = read_lines(rq, hdf, s)) != 400)
		rc = attendance_rules(rq, hdf, &m, s, rc);
	if (rc != 0) {
		seats_to_form(hdf, s, 1);
		if (rc == 400)
			rq->tmpl = NULL;
		rc = rc == 400 ? 400 : rc < 0 ? rc : 422;
		goto out;
	}
	if (version != m.attendance_version) {
		rc = attendance_conflict(rq, hdf, &m, s);
		goto out;
	}
	if (!seats_changed(s)) {
		seats_to_form(hdf, s, 1);
		render_set(hdf, hdf_get_value(hdf, "L.form.nothing_changed", ""), "Page.Notice");
		goto out;
	}
	b = db_begin(rq->db);
	rc = committees_commit(rq, b, b != 0 ? 0 : store_attendance(rq, &m, version, s));
	if (rc == TP_ESTALE)
		rc = attendance_conflict(rq, hdf, &m, s);
	else if (rc == 0)
		rc = committees_redirect(rq, "/admin/meetings/%lld/attendance?done=saved", m.id);
out:
	seats_free(s);
	free(s);
	return rc;
}

/* ---- minutes ---- */

static const char sql_minutes[] =
	"SELECT body_md, published, version, body_html, DATE_FORMAT(published_at, '%Y-%m-%d %H:%i') AS published_at "
	"FROM committee_minutes WHERE meeting_id = ?";
static const char sql_minutes_lock[] =
	"SELECT body_md, published, version FROM committee_minutes WHERE meeting_id = ? FOR UPDATE";
static const char sql_minutes_insert[] =
	"INSERT INTO committee_minutes (body_md, body_html, published, published_at, meeting_id) "
	"VALUES (?, ?, ?, CASE WHEN ? > 0 THEN NOW() END, ?)";
static const char sql_minutes_update[] =
	"UPDATE committee_minutes SET body_md = ?, body_html = ?, published = ?, "
	"published_at = CASE WHEN ? > 0 THEN COALESCE(published_at, NOW()) ELSE published_at END, "
	"version = version + 1 WHERE meeting_id = ? AND version = ?";

static const struct form_field minutes_form[] = {
	{ "body",	FT_TEXT, 0, 0, MINUTES_MAX, NULL },
	{ "published",	FT_BOOL, 0, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The stored minutes: their values (Markdown, "1"/"0") and version (0: none yet). */
struct minutes {
	char		*md;
	char		 published[2];
	long long	 version;
};

/* Load the minutes of meeting (with sql, which may lock), and show them under Stored when hdf is given. */
static int
load_minutes(struct request *rq, HDF *hdf, const char *sql, long long meeting, struct minutes *mn)
{
	struct db_stmt *st = db_prepare(rq->db, sql);
	int rc;

	memset(mn, 0, sizeof(*mn));
	mn->published[0] = '0';
	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, meeting);
	if ((rc = db_step(st)) == DB_ROW) {
		mn->md = strdup(db_col_text(st, 0));
		mn->published[0] = db_col_int(st, 1) ? '1' : '0';
		mn->version = db_col_int(st, 2);
		if (mn->md == NULL || (hdf != NULL && page_row(hdf, "Stored", st) != 0))
			rc = DB_ERR;
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(rq->db) : 0;
}

int
page_admin_minutes_form(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct minutes mn = { 0 };
	int rc;

	if ((rc = load_meeting(rq, hdf, &m)) == 0 && (rc = load_minutes(rq, hdf, sql_minutes, m.id, &mn)) == 0) {
		render_set(hdf, mn.md, "Form.body.value");
		if (mn.published[0] == '1')
			render_set(hdf, "1", "Form.published.value");
		render_set_int(hdf, mn.version, "Form.version.value");
		render_set(hdf, request_param(rq, "done"), "Page.Done");
		rq->tmpl = "admin_minutes.cs";
	}
	free(mn.md);
	return rc;
}

/* Write the minutes (html made from md) against version, with the audit row. 0, TP_ESTALE or a status. */
static int
store_minutes(struct request *rq, const struct meeting_ref *m, long long version, const char *md,
    const char *html, const char *published)
{
	static const char *const names[] = { "body", "published" };
	const char *texts[4] = { md, html, published, published };
	long long keys[2] = { m->id, version };
	struct minutes cur;
	const char *olds[2], *news[2] = { md, published };
	int rc;

	if ((rc = load_minutes(rq, NULL, sql_minutes_lock, m->id, &cur)) != 0)
		return rc;
	olds[0] = cur.md;
	olds[1] = cur.version > 0 ? cur.published : NULL;
	if (cur.version != version)
		rc = TP_ESTALE;
	else if (versioned_exec(rq->db, version == 0 ? sql_minutes_insert : sql_minutes_update, texts, 4, keys,
	    version == 0 ? 1 : 2, NULL) != 1)
		rc = version == 0 ? db_err(rq->db) : TP_ESTALE;
	else if (versioned_audit(rq->db, rq->session->user_id, version == 0 ? "create" : "update", "minutes", m->id,
	    m->c.slug, names, olds, news, 2) != 0)
		rc = db_err(rq->db);
	free(cur.md);
	return rc;
}

/* The stale-save page: the stored minutes beside the user's. */
static int
minutes_conflict(struct request *rq, HDF *hdf, long long meeting, const char *md, const char *published)
{
	const char *names[2], *now[2], *yours[2];
	struct minutes cur;
	int rc;

	if ((rc = load_minutes(rq, hdf, sql_minutes, meeting, &cur)) != 0)
		return rc;
	names[0] = "body", names[1] = "published";
	now[0] = cur.md, now[1] = cur.published;
	yours[0] = md, yours[1] = published;
	rc = committees_conflict(hdf, names, now, yours, 2, cur.version);
	free(cur.md);
	return rc;
}

int
page_admin_minutes_save(struct request *rq, HDF *hdf)
{
	const char *md, *published;
	struct meeting_ref m;
	long long version;
	char *html = NULL;
	int rc, errors, b;

	if ((rc = load_meeting(rq, hdf, &m)) != 0 || (rc = committees_posted_version(rq, &version)) != 0)
		return rc;
	rq->tmpl = "admin_minutes.cs";
	render_set_int(hdf, version, "Form.version.value");
	if ((errors = form_check(rq, hdf, minutes_form)) < 0)
		return 500;
	md = form_value(hdf, "body");
	published = form_value(hdf, "published") != NULL ? "1" : "0";
	if (md == NULL && published[0] == '1' && hdf_get_value(hdf, "Form.body.error", NULL) == NULL)
		errors = committees_form_error(hdf, minutes_form, "body", "L.committee_admin.err_minutes_empty");
	if (hdf_get_value(hdf, "Meeting.not_started", NULL) != NULL)	/* committees_load_meeting asked committees_check */
		errors = committees_rule_error(hdf, "meeting", "L.committee_admin.err_not_started");
	if (errors > 0)
		return 422;
	if (markdown_render(md != NULL ? md : "", md != NULL ? strlen(md) : 0, &html) != 0)
		return 500;
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : store_minutes(rq, &m, version, md != NULL ? md : "", html, published),
	    &m.id);
	free(html);
	if (rc == TP_ESTALE)
		return minutes_conflict(rq, hdf, m.id, md, published);
	if (rc != 0)
		return rc;
	return committees_redirect(rq, "/admin/meetings/%lld/minutes?done=%s", m.id,
	    published[0] == '1' ? "published" : "saved");
}
