/* committee_records.c - the record descriptions of a committee's records (committee_records.h) and their writes. */
#include <stdio.h>
#include <string.h>

#include "core/err.h"
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
