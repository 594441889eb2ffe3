/*
 * committees.c - the committees model: the seat roles, meeting states and outcomes, the date and
 * time checks of the forms, and who is a committee's secretary. Plain values in and out.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "model/committees.h"
#include "store/db.h"

const char *const committees_roles[] = { "chair", "vice_chair", "member", "secretary", NULL };
const char *const committees_meeting_states[] = { "planned", "held", "cancelled", NULL };
const char *const committees_attendance_states[] = { "present", "absent", "proxy", NULL };
const char *const committees_outcomes[] = { "adopted", "rejected", "deferred", NULL };

/* The number in s[0..n) (all digits), or -1. */
static int
number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
committees_valid_date(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, leap;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	y = number(s, 4);
	m = number(s + 5, 2);
	d = number(s + 8, 2);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

int
committees_norm_date(const char *s, char out[11])
{
	char sep;

	if (s == NULL || strlen(s) != 10)
		return -1;
	sep = s[4];
	if ((sep != '-' && sep != '.' && sep != '/') || s[7] != sep)
		return -1;
	memcpy(out, s, 11);
	out[4] = out[7] = '-';
	return committees_valid_date(out) ? 0 : -1;
}

int
committees_valid_time(const char *s)
{
	int h, m;

	if (s == NULL || strlen(s) != 5 || s[2] != ':')
		return 0;
	h = number(s, 2);
	m = number(s + 3, 2);
	return h >= 0 && h <= 23 && m >= 0 && m <= 59;
}

int
committees_norm_time(const char *s, char out[6])
{
	size_t n;

	if (s == NULL)
		return -1;
	n = strlen(s);
	if (n == 4 && s[1] == ':') {		/* "9:30" */
		out[0] = '0';
		memcpy(out + 1, s, 5);
	} else if (n == 5 || (n == 8 && s[5] == ':' && number(s + 6, 2) >= 0 && number(s + 6, 2) <= 59)) {
		memcpy(out, s, 5);
		out[5] = '\0';
	} else
		return -1;
	return committees_valid_time(out) ? 0 : -1;
}

int
committees_check(const struct committees_facts *f)
{
	int broken = 0, votes = 0, counted = 0, i;
	int started = f->starts != NULL && f->now != NULL && strcmp(f->starts, f->now) <= 0;
	int ended = f->ends != NULL && f->now != NULL && strcmp(f->ends, f->now) <= 0;
	int held = f->status != NULL && strcmp(f->status, "held") == 0;

	if (f->seats >= 0 && f->present + f->absent + f->proxy > f->seats)
		broken |= CR_OVER_SEATS;
	for (i = 0; i < 3; i++)
		if (f->votes[i] >= 0) {
			votes += f->votes[i];
			counted = 1;
		}
	if (counted && votes > f->present + f->proxy)
		broken |= CR_OVER_PRESENT;
	if (f->records && !started && !held)
		broken |= CR_NOT_STARTED;
	if (held && f->starts != NULL && f->now != NULL && !started)
		broken |= CR_HELD_FUTURE;
	if (f->status != NULL && strcmp(f->status, "planned") == 0 && ended)
		broken |= CR_PLANNED_PAST;
	return broken;
}

void
committees_now(char out[17])
{
	time_t t = time(NULL) + 9 * 3600;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 17, "%Y-%m-%d %H:%M", &tm);
}

static const char sql_secretary[] =
	"SELECT 1 FROM committee_secretaries WHERE user_id = ? AND (? = 0 OR committee_id = ?) LIMIT 1";

int
committees_is_secretary(struct db *db, long long user_id, long long committee_id)
{
	struct db_stmt *st = db_prepare(db, sql_secretary);
	int rc;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, user_id);
	db_bind_int(st, 1, committee_id);
	db_bind_int(st, 2, committee_id);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : db_err(db);
}


static const char sql_meeting_exists[] = "SELECT 1 FROM committee_meetings WHERE id = ?";

int
committees_meeting_exists(struct db *db, long long meeting_id)
{
	struct db_stmt *st = db_prepare(db, sql_meeting_exists);
	int rc;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, meeting_id);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : db_err(db);
}
