/* committee_records.c - the record descriptions of a committee's records (committee_records.h) and their writes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#include "core/err.h"
#include "store/db.h"
#include "model/committee_records.h"
#include "model/committees.h"
#include "store/audit.h"
#include "store/versioned.h"

/* ---- a meeting's details ---- */

enum { M_TITLE, M_STARTS, M_ENDS, M_PLACE, M_URL, M_STATUS, M_NOTE, M_NCOLUMNS };

static const char *const meeting_columns[M_NCOLUMNS] = {
	"title", "starts_at", "ends_at", "place", "online_url", "status", "note"
};

/* The stored row: starts_at and ends_at travel as "YYYY-MM-DD HH:MM" (Korean time), as the form builds them. */
static const struct versioned_spec meeting_spec = {
	"meeting", meeting_columns, M_NCOLUMNS,
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

/* The row as its form shows it: the start and the end as a day and a time each, no end day when it is the start's. */
static const struct versioned_spec meeting_form_spec = {
	"meeting", NULL, MF_NFIELDS,
	"SELECT id, version, committee_id, title, DATE_FORMAT(starts_at, '%Y-%m-%d'), DATE_FORMAT(starts_at, '%H:%i'), "
	"CASE WHEN DATE(ends_at) <> DATE(starts_at) THEN DATE_FORMAT(ends_at, '%Y-%m-%d') END, "
	"DATE_FORMAT(ends_at, '%H:%i'), place, online_url, status, note FROM committee_meetings WHERE id = ?",
	NULL, NULL, NULL, NULL,
};

static const struct record_field meeting_record_fields[MF_NFIELDS] = {
	{ "title",	FT_LINE,	1, 1, 200, NULL, "committee_admin.field.title", SHOW_TEXT, NULL },
	{ "date",	FT_LINE,	1, 0, 10, NULL, "committee_admin.field.date", SHOW_TEXT, NULL },
	{ "starts",	FT_LINE,	1, 0, 8, NULL, "committee_admin.field.starts", SHOW_TEXT, NULL },
	{ "end_date",	FT_LINE,	0, 0, 10, NULL, "committee_admin.field.end_date", SHOW_TEXT, NULL },
	{ "ends",	FT_LINE,	1, 0, 8, NULL, "committee_admin.field.ends", SHOW_TEXT, NULL },
	{ "place",	FT_LINE,	0, 0, 300, NULL, "committee_admin.field.place", SHOW_TEXT, NULL },
	{ "online_url",	FT_URL,		0, 0, 300, NULL, "committee_admin.field.online_url", SHOW_TEXT, NULL },
	{ "status",	FT_ENUM,	1, 0, 0, committees_meeting_states, "committee_admin.field.status", SHOW_NAMES, NULL },
	{ "note",	FT_TEXT,	0, 0, 2000, NULL, "committee_admin.field.note", SHOW_TEXT, NULL },
};

static int
meeting_record_load(struct db *db, long long id, struct record_row *r)
{
	struct versioned v;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = versioned_load(db, &meeting_form_spec, id, &v)) == 1)
		record_row_take(r, v.id, v.version, v.owner, v.v, MF_NFIELDS);
	versioned_free(&v);
	return rc;
}

/* The form values as the row's columns; starts and ends hold the two date-times. */
static void
meeting_columns_of(const char *const *f, const char **v, char starts[32], char ends[32])
{
	const char *end_date = f[MF_END_DATE] != NULL && *f[MF_END_DATE] != '\0' ? f[MF_END_DATE] : f[MF_DATE];

	snprintf(starts, 32, "%s %s", f[MF_DATE] != NULL ? f[MF_DATE] : "", f[MF_STARTS] != NULL ? f[MF_STARTS] : "");
	snprintf(ends, 32, "%s %s", end_date != NULL ? end_date : "", f[MF_ENDS] != NULL ? f[MF_ENDS] : "");
	v[M_TITLE] = f[MF_TITLE];
	v[M_STARTS] = starts;
	v[M_ENDS] = ends;
	v[M_PLACE] = f[MF_PLACE];
	v[M_URL] = f[MF_URL];
	v[M_STATUS] = f[MF_STATUS];
	v[M_NOTE] = f[MF_NOTE];
}

int
meeting_write(struct db *db, long long user_id, long long id, long long owner, long long version,
    const char *const *values, const char *note, long long *new_id)
{
	const char *v[M_NCOLUMNS];
	char starts[32], ends[32];

	meeting_columns_of(values, v, starts, ends);
	if (id == 0)
		return versioned_create(db, &meeting_spec, user_id, owner, v, note, new_id);
	return versioned_update(db, &meeting_spec, user_id, id, version, v, note);
}

int
meeting_moved(const char *const *cur, const char *const *values)
{
	static const int columns[] = { M_STARTS, M_ENDS, M_PLACE, M_URL, M_STATUS };
	const char *a[M_NCOLUMNS], *b[M_NCOLUMNS];
	char sa[32], ea[32], sb[32], eb[32];
	size_t i;

	meeting_columns_of(cur, a, sa, ea);
	meeting_columns_of(values, b, sb, eb);
	for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++)
		if (audit_differs(a[columns[i]], b[columns[i]]))
			return 1;
	return 0;
}

const struct record_desc meeting_record = {
	"meeting", "committee_meetings", "id", "version",
	"the committee's secretaries, or the secretariat (access_meeting)",
	"/admin/meetings/{id}",
	meeting_record_fields, MF_NFIELDS,
	meeting_record_load, NULL, NULL
};

/* ---- shared ---- */

/* Load row id of sp, whose fields are the description's in its order. 1, 0, or -1. */
static int
load_as_row(struct db *db, const struct versioned_spec *sp, long long id, struct record_row *r)
{
	struct versioned v;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = versioned_load(db, sp, id, &v)) == 1)
		record_row_take(r, v.id, v.version, v.owner, v.v, sp->n);
	versioned_free(&v);
	return rc;
}

/* Create (id 0) or update row id of sp from values in sp's order. */
static int
write_as_row(struct db *db, const struct versioned_spec *sp, long long user_id, long long id, long long owner,
    long long version, const char *const *values, const char *note, long long *new_id)
{
	if (id == 0)
		return versioned_create(db, sp, user_id, owner, values, note, new_id);
	return versioned_update(db, sp, user_id, id, version, values, note);
}

/* ---- a seat ---- */

enum { S_PERSON, S_TP, S_ROLE, S_START, S_END, S_NOTE, S_NCOLUMNS };

static const char *const seat_columns[S_NCOLUMNS] = {
	"person_id", "technopark_id", "role", "term_start", "term_end", "note"
};

const struct versioned_spec seat_spec = {
	"committee_member", seat_columns, S_NCOLUMNS,
	"SELECT id, version, committee_id, person_id, technopark_id, role, term_start, term_end, note "
	"FROM committee_members WHERE id = ?",
	"SELECT id, version, committee_id, person_id, technopark_id, role, term_start, term_end, note "
	"FROM committee_members WHERE id = ? FOR UPDATE",
	"INSERT INTO committee_members (person_id, technopark_id, role, term_start, term_end, note, committee_id) "
	"VALUES (?, ?, ?, ?, ?, ?, ?)",
	"UPDATE committee_members SET person_id = ?, technopark_id = ?, role = ?, term_start = ?, term_end = ?, "
	"note = ?, version = version + 1 WHERE id = ? AND version = ?",
	"DELETE FROM committee_members WHERE id = ? AND version = ?",
};

/* The seat as its form shows it: the member as one choice, "p<person id>" or "t<technopark id>". */
static const struct versioned_spec seat_form_spec = {
	"committee_member", NULL, SF_NFIELDS,
	"SELECT id, version, committee_id, CASE WHEN person_id IS NOT NULL THEN CONCAT('p', person_id) "
	"ELSE CONCAT('t', technopark_id) END, role, term_start, term_end, note FROM committee_members WHERE id = ?",
	NULL, NULL, NULL, NULL,
};

static const struct record_field seat_record_fields[SF_NFIELDS] = {
	{ "member",	FT_LINE,	1, 2, 12, NULL, "committee_admin.field.member", SHOW_NAMES, NULL },
	{ "role",	FT_ENUM,	1, 0, 0, committees_roles, "committee_admin.field.role", SHOW_NAMES, NULL },
	{ "term_start",	FT_LINE,	0, 0, 10, NULL, "committee_admin.field.term_start", SHOW_TEXT, NULL },
	{ "term_end",	FT_LINE,	0, 0, 10, NULL, "committee_admin.field.term_end", SHOW_TEXT, NULL },
	{ "note",	FT_LINE,	0, 0, 200, NULL, "committee_admin.field.note", SHOW_TEXT, NULL },
};

static int
seat_record_load(struct db *db, long long id, struct record_row *r)
{
	return load_as_row(db, &seat_form_spec, id, r);
}

int
seat_write(struct db *db, long long user_id, long long id, long long owner, long long version,
    const char *const *values, const char *note, long long *new_id)
{
	const char *m = values[SF_MEMBER], *v[S_NCOLUMNS];

	v[S_PERSON] = m != NULL && m[0] == 'p' ? m + 1 : NULL;
	v[S_TP] = m != NULL && m[0] == 't' ? m + 1 : NULL;
	v[S_ROLE] = values[SF_ROLE];
	v[S_START] = values[SF_START];
	v[S_END] = values[SF_END];
	v[S_NOTE] = values[SF_NOTE];
	if (v[S_PERSON] == NULL && v[S_TP] == NULL)
		return TP_EINVALID;
	return write_as_row(db, &seat_spec, user_id, id, owner, version, v, note, new_id);
}

static const char sql_member_person[] =
	"SELECT CONCAT(p.name, ' (', COALESCE(t.name_ko, a.name_ko), ')') FROM people p "
	"LEFT JOIN technoparks t ON t.id = p.technopark_id JOIN association a ON a.id = 1 WHERE p.id = ?";
static const char sql_member_tp[] = "SELECT name_ko FROM technoparks WHERE id = ?";

/* One text of sql bound to id into out: 0, or -1. */
static int
one_name(struct db *db, const char *sql, long long id, char *out, size_t size)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc = -1;

	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if (db_step(st) == DB_ROW && db_col_text(st, 0) != NULL) {
		snprintf(out, size, "%s", db_col_text(st, 0));
		rc = 0;
	}
	db_reset(st);
	return rc;
}

/* A seat's member by name: a person with their organisation, or a technopark. */
static int
seat_names(struct db *db, const char *field, const char *slug, char *out, size_t size)
{
	long long id;

	if (strcmp(field, "member") != 0 || (slug[0] != 'p' && slug[0] != 't') || parse_ll(slug + 1, 1, 4294967295LL, &id) != 0)
		return -1;
	return one_name(db, slug[0] == 'p' ? sql_member_person : sql_member_tp, id, out, size);
}

const struct record_desc seat_record = {
	"committee_member", "committee_members", "id", "version",
	"the committee's secretaries, or the secretariat (access_seat)",
	"/admin/seats/{id}",
	seat_record_fields, SF_NFIELDS,
	seat_record_load, NULL, seat_names
};

/* ---- an agenda item ---- */

static const char *const item_columns[IF_NFIELDS] = { "title", "description" };

/* A new item goes last: its position is one more than the meeting's highest. */
const struct versioned_spec item_spec = {
	"agenda_item", item_columns, IF_NFIELDS,
	"SELECT id, version, meeting_id, title, description FROM committee_agenda_items WHERE id = ?",
	"SELECT id, version, meeting_id, title, description FROM committee_agenda_items WHERE id = ? FOR UPDATE",
	"INSERT INTO committee_agenda_items (title, description, meeting_id, position) "
	"SELECT ?, ?, g.id, COALESCE((SELECT MAX(i.position) FROM committee_agenda_items i WHERE i.meeting_id = g.id), 0) + 1 "
	"FROM committee_meetings g WHERE g.id = ?",
	"UPDATE committee_agenda_items SET title = ?, description = ?, version = version + 1 WHERE id = ? AND version = ?",
	"DELETE FROM committee_agenda_items WHERE id = ? AND version = ?",
};

static const struct record_field item_record_fields[IF_NFIELDS] = {
	{ "item_title",		FT_LINE, 1, 1, 300, NULL, "committee_admin.field.item_title", SHOW_TEXT, NULL },
	{ "item_description",	FT_TEXT, 0, 0, 5000, NULL, "committee_admin.field.item_description", SHOW_TEXT, NULL },
};

static int
item_record_load(struct db *db, long long id, struct record_row *r)
{
	return load_as_row(db, &item_spec, id, r);
}

static const char sql_lock_meeting[] = "SELECT id FROM committee_meetings WHERE id = ? FOR UPDATE";

int
item_write(struct db *db, long long user_id, long long id, long long owner, long long version,
    const char *const *values, const char *note, long long *new_id)
{
	struct db_stmt *st;
	int rc;

	if (id == 0) {
		/* items of one meeting are numbered in turn: a new one waits on the meeting's row */
		if ((st = db_prepare(db, sql_lock_meeting)) == NULL)
			return db_err(db);
		db_bind_int(st, 0, owner);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_ROW)
			return rc == DB_DONE ? TP_ENOTFOUND : db_err(db);
	}
	return write_as_row(db, &item_spec, user_id, id, owner, version, values, note, new_id);
}

const struct record_desc item_record = {
	"agenda_item", "committee_agenda_items", "id", "version",
	"the committee's secretaries, or the secretariat (access_item)",
	"/admin/agenda/{id}",
	item_record_fields, IF_NFIELDS,
	item_record_load, NULL, NULL
};

/* ---- a resolution ---- */

static const char *const resolution_columns[RF_NFIELDS] = {
	"agenda_item_id", "body", "outcome", "votes_for", "votes_against", "votes_abstain"
};

const struct versioned_spec resolution_spec = {
	"resolution", resolution_columns, RF_NFIELDS,
	"SELECT r.id, r.version, i.meeting_id, r.agenda_item_id, r.body, r.outcome, r.votes_for, r.votes_against, "
	"r.votes_abstain FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id "
	"WHERE r.id = ?",
	"SELECT r.id, r.version, i.meeting_id, r.agenda_item_id, r.body, r.outcome, r.votes_for, r.votes_against, "
	"r.votes_abstain FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id "
	"WHERE r.id = ? FOR UPDATE",
	"INSERT INTO committee_resolutions (agenda_item_id, body, outcome, votes_for, votes_against, votes_abstain) "
	"SELECT ?, ?, ?, ?, ?, ? FROM committee_meetings g WHERE g.id = ?",
	"UPDATE committee_resolutions SET agenda_item_id = ?, body = ?, outcome = ?, votes_for = ?, votes_against = ?, "
	"votes_abstain = ?, version = version + 1 WHERE id = ? AND version = ?",
	"DELETE FROM committee_resolutions WHERE id = ? AND version = ?",
};

static const struct record_field resolution_record_fields[RF_NFIELDS] = {
	{ "agenda_item_id", FT_INT,	1, 1, 4294967295LL, NULL, "committee_admin.field.agenda_item_id", SHOW_NAMES, NULL },
	{ "body",	FT_TEXT,	1, 1, 5000, NULL, "committee_admin.field.body", SHOW_TEXT, NULL },
	{ "outcome",	FT_ENUM,	1, 0, 0, committees_outcomes, "committee_admin.field.outcome", SHOW_NAMES, NULL },
	{ "votes_for",	FT_INT,		0, 0, 9999, NULL, "committee_admin.field.votes_for", SHOW_TEXT, NULL },
	{ "votes_against", FT_INT,	0, 0, 9999, NULL, "committee_admin.field.votes_against", SHOW_TEXT, NULL },
	{ "votes_abstain", FT_INT,	0, 0, 9999, NULL, "committee_admin.field.votes_abstain", SHOW_TEXT, NULL },
};

static int
resolution_record_load(struct db *db, long long id, struct record_row *r)
{
	return load_as_row(db, &resolution_spec, id, r);
}

int
resolution_write(struct db *db, long long user_id, long long id, long long owner, long long version,
    const char *const *values, const char *note, long long *new_id)
{
	return write_as_row(db, &resolution_spec, user_id, id, owner, version, values, note, new_id);
}

static const char sql_item_name[] = "SELECT CONCAT(position, '. ', title) FROM committee_agenda_items WHERE id = ?";

/* A resolution's agenda item by its number and title. */
static int
resolution_names(struct db *db, const char *field, const char *slug, char *out, size_t size)
{
	long long id;

	if (strcmp(field, "agenda_item_id") != 0 || parse_ll(slug, 1, 4294967295LL, &id) != 0)
		return -1;
	return one_name(db, sql_item_name, id, out, size);
}

const struct record_desc resolution_record = {
	"resolution", "committee_resolutions", "id", "version",
	"the committee's secretaries, or the secretariat (access_resolution)",
	"/admin/resolutions/{id}",
	resolution_record_fields, RF_NFIELDS,
	resolution_record_load, NULL, resolution_names
};

/* ---- the minutes ---- */

#define MINUTES_MAX	20000	/* characters: the audit log keeps the text in a TEXT column */

static const char sql_minutes_load[] =
	"SELECT g.id, COALESCE(n.version, 0), g.committee_id, n.body_md, COALESCE(n.published, 0) "
	"FROM committee_meetings g LEFT JOIN committee_minutes n ON n.meeting_id = g.id WHERE g.id = ?";
static const char sql_minutes_lock[] =
	"SELECT body_md, published, version FROM committee_minutes WHERE meeting_id = ? FOR UPDATE";
/* a second first save of the same minutes inserts nothing (IGNORE): it is stale, and runs again */
static const char sql_minutes_insert[] =
	"INSERT IGNORE INTO committee_minutes (body_md, body_html, published, published_at, meeting_id) "
	"VALUES (?, ?, ?, CASE WHEN ? > 0 THEN NOW() END, ?)";
static const char sql_minutes_update[] =
	"UPDATE committee_minutes SET body_md = ?, body_html = ?, published = ?, "
	"published_at = CASE WHEN ? > 0 THEN COALESCE(published_at, NOW()) ELSE published_at END, "
	"version = version + 1 WHERE meeting_id = ? AND version = ?";

/* The minutes as their form shows them: a meeting without minutes has them empty at version 0. */
static const struct versioned_spec minutes_form_spec = {
	"minutes", NULL, NM_NFIELDS, sql_minutes_load, NULL, NULL, NULL, NULL,
};

static const struct record_field minutes_record_fields[NM_NFIELDS] = {
	{ "body",	FT_TEXT, 0, 0, MINUTES_MAX, NULL, "committee_admin.field.minutes", SHOW_TEXT, NULL },
	{ "published",	FT_BOOL, 0, 0, 0, NULL, "committee_admin.field.published", SHOW_YESNO, "0" },
};

static int
minutes_record_load(struct db *db, long long id, struct record_row *r)
{
	return load_as_row(db, &minutes_form_spec, id, r);
}

int
minutes_write(struct db *db, long long user_id, long long id, long long version, const char *const *values,
    const char *html, const char *note)
{
	static const char *const names[] = { "body", "published" };
	const char *md = values[NM_BODY] != NULL ? values[NM_BODY] : "";
	const char *published = values[NM_PUBLISHED] != NULL && strcmp(values[NM_PUBLISHED], "1") == 0 ? "1" : "0";
	const char *texts[4] = { md, html, published, published }, *olds[2] = { NULL, NULL }, *news[2] = { md, published };
	struct db_stmt *st = db_prepare(db, sql_minutes_lock);
	long long keys[2] = { id, version }, stored = 0, n;
	char *old_md = NULL, old_pub[2] = "0";
	int rc, nomem = 0;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		nomem = db_col_text(st, 0) != NULL && (old_md = strdup(db_col_text(st, 0))) == NULL;
		old_pub[0] = db_col_int(st, 1) ? '1' : '0';
		stored = db_col_int(st, 2);
	}
	db_reset(st);
	if (rc == DB_ERR || nomem) {
		free(old_md);
		return nomem ? TP_ENOMEM : db_err(db);
	}
	olds[0] = old_md;
	olds[1] = stored > 0 ? old_pub : NULL;
	if (stored != version)
		rc = TP_ESTALE;
	else if ((n = versioned_exec(db, version == 0 ? sql_minutes_insert : sql_minutes_update, texts, 4, keys,
	    version == 0 ? 1 : 2, NULL)) != 1)
		rc = n == 0 ? TP_ESTALE : db_err(db);
	else
		rc = versioned_audit(db, user_id, version == 0 ? "create" : "update", "minutes", id, note, names, olds,
		    news, 2) != 0 ? db_err(db) : 0;
	free(old_md);
	return rc;
}

const struct record_desc minutes_record = {
	"minutes", "committee_minutes", "meeting_id", "version",
	"the committee's secretaries, or the secretariat (access_meeting)",
	"/admin/meetings/{id}/minutes",
	minutes_record_fields, NM_NFIELDS,
	minutes_record_load, NULL, NULL
};

/* ---- a committee secretary's appointment ---- */

static const char *const secretary_columns[CS_NFIELDS] = { "user_id" };

const struct versioned_spec secretary_spec = {
	"committee_secretary", secretary_columns, CS_NFIELDS,
	"SELECT id, version, committee_id, user_id FROM committee_secretaries WHERE id = ?",
	"SELECT id, version, committee_id, user_id FROM committee_secretaries WHERE id = ? FOR UPDATE",
	"INSERT INTO committee_secretaries (user_id, committee_id) VALUES (?, ?)",
	NULL,
	"DELETE FROM committee_secretaries WHERE id = ? AND version = ?",
};

static const char sql_secretary_author[] = "UPDATE committee_secretaries SET created_by = ? WHERE id = ?";
static const char sql_secretary_of[] =
	"SELECT id, version FROM committee_secretaries WHERE committee_id = ? AND user_id = ? FOR UPDATE";
static const char sql_user_name[] = "SELECT CONCAT(display_name, ' (', login, ')') FROM users WHERE id = ?";

static const struct record_field secretary_record_fields[CS_NFIELDS] = {
	{ "user",	FT_INT, 1, 1, 4294967295LL, NULL, "committee_admin.field.user", SHOW_NAMES, NULL },
};

static int
secretary_record_load(struct db *db, long long id, struct record_row *r)
{
	return load_as_row(db, &secretary_spec, id, r);
}

int
secretary_write(struct db *db, long long user_id, long long id, long long owner, long long version,
    const char *const *values, const char *note, long long *new_id)
{
	long long keys[2] = { user_id, 0 };
	int rc;

	(void)version;
	if (id != 0)
		return TP_EINVALID;
	if ((rc = versioned_create(db, &secretary_spec, user_id, owner, values, note, new_id)) != 0)
		return db_last_errno(db) == DB_E_DUPLICATE ? TP_EINVALID : rc;
	keys[1] = *new_id;
	return versioned_exec(db, sql_secretary_author, NULL, 0, keys, 2, NULL) == 1 ? 0 : db_err(db);
}

int
secretary_lock(struct db *db, long long committee, long long user, long long *id, long long *version)
{
	struct db_stmt *st = db_prepare(db, sql_secretary_of);
	int rc;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, committee);
	db_bind_int(st, 1, user);
	if ((rc = db_step(st)) == DB_ROW) {
		*id = db_col_int(st, 0);
		*version = db_col_int(st, 1);
	}
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : db_err(db);
}

/* record_desc.names: the user an appointment names, as "name (login)". */
static int
secretary_names(struct db *db, const char *field, const char *slug, char *out, size_t size)
{
	long long id;

	(void)field;
	if (parse_ll(slug, 1, 4294967295LL, &id) != 0)
		return -1;
	return one_name(db, sql_user_name, id, out, size);
}

const struct record_desc secretary_record = {
	"committee_secretary", "committee_secretaries", "id", "version",
	"the secretariat (ACC_SECRETARIAT)",
	"/admin/committees/{owner}",
	secretary_record_fields, CS_NFIELDS,
	secretary_record_load, NULL, secretary_names
};

/* ---- a meeting's documents ---- */

const struct record_desc document_record = {
	"document", "attachments", "id", "none",
	"the committee's secretaries, or the secretariat (access_meeting)",
	"/admin/meetings/{owner}",
	NULL, 0,
	NULL, NULL, NULL
};
