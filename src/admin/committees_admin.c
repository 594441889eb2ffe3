/*
 * committees_admin.c - what the committee admin handlers share: a meeting and a versioned row by the
 * URL's id, the conflict and stale-version pages, form errors, and ending a save's transaction.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/committees_admin.h"
#include "admin/save.h"
#include "http/auth.h"
#include "core/err.h"
#include "core/text.h"
#include "http/form.h"
#include "model/account.h"
#include "pages/committees_page.h"
#include "pages/page_rows.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/search.h"
#include "store/versioned.h"
#include "view/render.h"

static const char sql_meeting_ref[] =
	"SELECT g.id, g.committee_id, g.title, g.status, g.version, g.attendance_version, g.is_demo, "
	"DATE_FORMAT(g.starts_at, '%Y-%m-%d') AS date, DAYOFWEEK(g.starts_at) AS dow, "
	"DATE_FORMAT(g.starts_at, '%H:%i') AS starts, DATE_FORMAT(g.starts_at, '%Y-%m-%d %H:%i') AS starts_at, "
	"DATE_FORMAT(g.ends_at, '%Y-%m-%d %H:%i') AS ends_at FROM committee_meetings g WHERE g.id = ?";

/* 1 when records of m would break CR_NOT_STARTED: it has not started and is not marked held. */
static int
meeting_not_started(const struct meeting_ref *m)
{
	struct committees_facts f;
	char now[17];

	memset(&f, 0, sizeof(f));
	committees_now(now);
	f.starts = m->starts_at, f.ends = m->ends_at, f.now = now, f.status = m->status, f.seats = -1;
	f.votes[0] = f.votes[1] = f.votes[2] = -1;
	f.records = 1;
	return (committees_check(&f) & CR_NOT_STARTED) != 0;
}

int
committees_load_url_meeting(struct request *rq, HDF *hdf, struct meeting_ref *m)
{
	long long id;
	int rc;

	if ((rc = committees_arg_id(rq, 0, &id)) != 0)
		return rc;
	return committees_load_meeting(rq, hdf, id, m);
}

int
committees_load_meeting(struct request *rq, HDF *hdf, long long id, struct meeting_ref *m)
{
	struct db_stmt *st = db_prepare(rq->db, sql_meeting_ref);
	long long committee_id = 0;
	int rc;

	memset(m, 0, sizeof(*m));
	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		m->id = id;
		committee_id = db_col_int(st, 1);
		m->version = db_col_int(st, 4);
		m->attendance_version = db_col_int(st, 5);
		snprintf(m->date, sizeof(m->date), "%s", db_col_text(st, 7));
		snprintf(m->status, sizeof(m->status), "%s", db_col_text(st, 3));
		snprintf(m->starts_at, sizeof(m->starts_at), "%s", db_col_text(st, 10));
		snprintf(m->ends_at, sizeof(m->ends_at), "%s", db_col_text(st, 11));
		if (page_row(hdf, "Meeting", st) != 0)
			rc = DB_ERR;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	if (rc != DB_ROW)
		return 404;
	if (meeting_not_started(m))
		render_set(hdf, "1", "Meeting.not_started");
	/* who may manage it was the route's hook's question (admin/access.c) */
	return committees_load_id(rq, hdf, committee_id, &m->c);
}

int
committees_arg_id(const struct request *rq, size_t i, long long *id)
{
	if (i >= rq->nargs || parse_ll(rq->args[i], 1, 4294967295LL, id) != 0)
		return 404;
	return 0;
}

int
committees_load_arg(struct request *rq, const struct versioned_spec *sp, struct versioned *r)
{
	long long id;
	int rc;

	/* cleared before anything can fail, so that the caller's versioned_free is always safe */
	memset(r, 0, sizeof(*r));
	if ((rc = committees_arg_id(rq, 0, &id)) != 0)
		return rc;
	if ((rc = versioned_load(rq->db, sp, id, r)) <= 0)
		return rc < 0 ? db_err(rq->db) : 404;
	return 0;
}

int
committees_stale(struct request *rq, HDF *hdf, const struct versioned_spec *sp, long long id,
    void (*to_form)(HDF *, const struct versioned *))
{
	struct versioned cur;
	int rc = versioned_load(rq->db, sp, id, &cur);

	if (rc == 1) {
		to_form(hdf, &cur);
		render_set(hdf, "1", "Page.StaleAction");
	}
	versioned_free(&cur);
	return rc == 1 ? 409 : rc == 0 ? 404 : db_err(rq->db);
}

int
committees_posted_version(struct request *rq, long long *version)
{
	const char *v = request_param(rq, "version");

	if (v == NULL || parse_ll(v, 0, 4294967295LL, version) != 0) {
		rq->error_detail = "version";
		rq->tmpl = NULL;	/* the error page, not the form */
		return 400;
	}
	return 0;
}

int
committees_form_error(HDF *hdf, const struct form_field *fields, const char *name, const char *msgkey)
{
	const struct form_field *f;
	char key[96];
	int n = 0;

	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.%s.error", name);
	hdf_remove_tree(hdf, "Form.Errors");
	for (f = fields; f->name != NULL; f++) {
		snprintf(key, sizeof(key), "Form.%s.error", f->name);
		if (hdf_get_value(hdf, key, NULL) != NULL)
			render_set(hdf, f->name, "Form.Errors.%d", n++);
	}
	render_set_int(hdf, n, "Form.errors");
	return n;
}

int
committees_redirect(struct request *rq, const char *fmt, ...)
{
	va_list ap;
	int n;

	free(rq->location);
	va_start(ap, fmt);
	n = vasprintf(&rq->location, fmt, ap);
	va_end(ap);
	if (n < 0) {
		rq->location = NULL;
		return 500;
	}
	rq->tmpl = NULL;
	return 303;
}

int
committees_commit(struct request *rq, int begun, int rc)
{
	if (begun != 0)
		return db_err(rq->db);
	if (rc == 0 && db_commit(rq->db) != 0)
		rc = db_err(rq->db);
	if (rc != 0)
		db_rollback(rq->db);
	return rc;
}

int
committees_commit_meeting(struct request *rq, int begun, int rc, const long long *meeting_id)
{
	if (begun == 0 && rc == 0 && search_sync(rq->db, SEARCH_COMMITTEES, *meeting_id) != 0)
		rc = db_err(rq->db);
	return committees_commit(rq, begun, rc);
}

int
committees_save_write(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *values, long long *new_id)
{
	const struct committee_save *cs = sv->arg;
	int rc;

	(void)hdf;
	rc = cs->write(rq->db, rq->session->user_id, cur != NULL ? sv->id : 0, sv->owner, cur != NULL ? cur->version : 0,
	    values, cs->note, new_id);
	if (rc == 0 && cur == NULL && cs->authored != NULL)
		rc = committees_authored(rq, 0, cs->authored, new_id);
	if (rc == 0 && cs->meeting_id != 0 && search_sync(rq->db, SEARCH_COMMITTEES, cs->meeting_id) != 0)
		rc = db_err(rq->db);
	return rc;
}

int
committees_save_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	const struct committee_save *cs = sv->arg;
	int n;

	(void)rq;
	(void)hdf;
	(void)id;
	(void)done;
	n = cs->meeting_id != 0 ? asprintf(location, "/admin/meetings/%lld%s", cs->meeting_id, cs->done) :
	    asprintf(location, "/admin/committees/%s%s", cs->note, cs->done);
	if (n < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

static const char sql_meeting_author[] =
	"UPDATE committee_meetings g JOIN users u ON u.id = ? SET g.created_by = u.id, g.is_demo = g.is_demo OR u.is_demo "
	"WHERE g.id = ?";
static const char sql_seat_author[] =
	"UPDATE committee_members m JOIN users u ON u.id = ? SET m.is_demo = m.is_demo OR u.is_demo WHERE m.id = ?";

int
committees_authored(struct request *rq, int rc, const char *kind, const long long *id)
{
	struct db_stmt *st;

	if (rc != 0)
		return rc;
	if ((st = db_prepare(rq->db, strcmp(kind, "meeting") == 0 ? sql_meeting_author : sql_seat_author)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, rq->session->user_id);
	db_bind_int(st, 1, *id);
	return db_write(st, NULL, NULL) == 0 ? 0 : db_err(rq->db);
}

/* ---- the rules of the records (committees_check) ---- */

/* The seats held on a meeting's day (every role: the attendance form lists each), as SQL of meeting g. */
#define SEATS_ON_THE_DAY \
	"(SELECT COUNT(*) FROM committee_members m WHERE m.committee_id = g.committee_id " \
	"AND (m.term_start IS NULL OR m.term_start <= DATE(g.starts_at)) " \
	"AND (m.term_end IS NULL OR m.term_end >= DATE(g.starts_at)))"
#define ATTENDING(state) \
	"(SELECT COUNT(*) FROM committee_attendance a WHERE a.meeting_id = g.id AND a.status = '" state "')"

static const char sql_facts[] =
	"SELECT " SEATS_ON_THE_DAY ", " ATTENDING("present") ", " ATTENDING("absent") ", " ATTENDING("proxy") " "
	"FROM committee_meetings g WHERE g.id = ?";

int
committees_meeting_facts(struct request *rq, const struct meeting_ref *m, struct committees_facts *f, char now[17])
{
	struct db_stmt *st = db_prepare(rq->db, sql_facts);
	int rc;

	memset(f, 0, sizeof(*f));
	committees_now(now);
	f->starts = m->starts_at, f->ends = m->ends_at, f->now = now, f->status = m->status;
	f->votes[0] = f->votes[1] = f->votes[2] = -1;
	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, m->id);
	if ((rc = db_step(st)) == DB_ROW) {
		f->seats = (int)db_col_int(st, 0);
		f->present = (int)db_col_int(st, 1);
		f->absent = (int)db_col_int(st, 2);
		f->proxy = (int)db_col_int(st, 3);
	}
	db_reset(st);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? TP_ENOTFOUND : db_err(rq->db);
}

int
committees_rule_error(HDF *hdf, const char *name, const char *msgkey)
{
	int n = hdf_get_int_value(hdf, "Form.errors", 0);

	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.%s.error", name);
	render_set(hdf, name, "Form.Errors.%d", n);
	render_set_int(hdf, n + 1, "Form.errors");
	return n + 1;
}

/* Each meeting with what the rules read: the largest vote count of its resolutions stands for them all. */
static const char sql_rule_meetings[] =
	"SELECT g.id, g.title, DATE_FORMAT(g.starts_at, '%Y-%m-%d %H:%i') AS starts_at, "
	"DATE_FORMAT(g.ends_at, '%Y-%m-%d %H:%i') AS ends_at, g.status, " SEATS_ON_THE_DAY " AS seats, "
	ATTENDING("present") " AS present, " ATTENDING("absent") " AS absent, " ATTENDING("proxy") " AS proxy, "
	"(SELECT MAX(COALESCE(r.votes_for, 0) + COALESCE(r.votes_against, 0) + COALESCE(r.votes_abstain, 0)) "
	"FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id WHERE i.meeting_id = g.id "
	"AND (r.votes_for IS NOT NULL OR r.votes_against IS NOT NULL OR r.votes_abstain IS NOT NULL)) AS votes, "
	"(EXISTS (SELECT 1 FROM committee_attendance a WHERE a.meeting_id = g.id) "
	"OR EXISTS (SELECT 1 FROM committee_minutes n WHERE n.meeting_id = g.id) "
	"OR EXISTS (SELECT 1 FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id "
	"WHERE i.meeting_id = g.id)) AS records "
	"FROM committee_meetings g WHERE g.committee_id = ? ORDER BY g.starts_at DESC, g.id DESC";

int
committees_rule_list(struct request *rq, HDF *hdf, long long committee_id)
{
	static const struct { int bit; const char *rule; } rules[] = {
		{ CR_OVER_SEATS, "over_seats" }, { CR_OVER_PRESENT, "over_present" }, { CR_NOT_STARTED, "not_started" },
		{ CR_HELD_FUTURE, "held_future" }, { CR_PLANNED_PAST, "planned_past" },
	};
	struct db_stmt *st = db_prepare(rq->db, sql_rule_meetings);
	struct committees_facts f;
	char now[17];
	int rc, n = 0, broken;
	size_t i;

	if (st == NULL)
		return db_err(rq->db);
	committees_now(now);
	db_bind_int(st, 0, committee_id);
	while ((rc = db_step(st)) == DB_ROW) {
		memset(&f, 0, sizeof(f));
		f.starts = db_col_text(st, 2), f.ends = db_col_text(st, 3), f.now = now, f.status = db_col_text(st, 4);
		f.seats = (int)db_col_int(st, 5);
		f.present = (int)db_col_int(st, 6), f.absent = (int)db_col_int(st, 7), f.proxy = (int)db_col_int(st, 8);
		f.votes[0] = db_col_text(st, 9) != NULL ? (int)db_col_int(st, 9) : -1;
		f.votes[1] = f.votes[2] = -1;
		f.records = (int)db_col_int(st, 10);
		broken = committees_check(&f);
		for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
			if (!(broken & rules[i].bit))
				continue;
			render_set_int(hdf, db_col_int(st, 0), "Rules.%d.id", n);
			render_set(hdf, db_col_text(st, 1), "Rules.%d.title", n);
			render_set(hdf, f.starts, "Rules.%d.starts_at", n);
			render_set(hdf, rules[i].rule, "Rules.%d.rule", n++);
		}
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : db_err(rq->db);
}
