/* submissions.c - one-time submission keys of admin forms (see submissions.h, sql/010). */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/submissions.h"

static const char sql_claim[] = "INSERT INTO form_submissions (submit_key, body_hash, user_id) VALUES (?, ?, ?)";
static const char sql_done[] = "UPDATE form_submissions SET location = ? WHERE submit_key = ? AND body_hash = ?";
static const char sql_result[] =
	"SELECT COALESCE(location, '') FROM form_submissions WHERE submit_key = ? AND body_hash = ? AND user_id = ?";
static const char sql_expire[] =
	"DELETE FROM form_submissions WHERE created_at < NOW() - INTERVAL 24 HOUR LIMIT 1000";

int
submissions_claim(struct db *db, const char *key, const char *body, long long user_id)
{
	struct db_stmt *st = db_prepare(db, sql_claim);

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, 0, key);
	db_bind_text(st, 1, body);
	db_bind_int(st, 2, user_id);
	if (db_write(st, NULL, NULL) == 0)
		return 0;
	return db_last_errno(db) == DB_E_DUPLICATE ? 1 : DB_ERR;
}

int
submissions_done(struct db *db, const char *key, const char *body, const char *location)
{
	struct db_stmt *st = db_prepare(db, sql_done);

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, 0, location);
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, body);
	return db_write(st, NULL, NULL);
}

int
submissions_result(struct db *db, const char *key, const char *body, long long user_id, char *out, size_t size)
{
	struct db_stmt *st = db_prepare(db, sql_result);
	int rc;

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, 0, key);
	db_bind_text(st, 1, body);
	db_bind_int(st, 2, user_id);
	if ((rc = db_step(st)) == DB_ROW)
		snprintf(out, size, "%s", db_col_text(st, 0) != NULL ? db_col_text(st, 0) : "");
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : DB_ERR;
}

long long
submissions_expire(struct db *db)
{
	struct db_stmt *st = db_prepare(db, sql_expire);
	unsigned long long n = 0;

	if (st == NULL || db_write(st, &n, NULL) != 0)
		return DB_ERR;
	return (long long)n;
}
