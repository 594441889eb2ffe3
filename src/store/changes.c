/* changes.c - records change requests; page_admin_review.c shows and decides them. */
#include <stddef.h>

#include "core/err.h"
#include "store/audit.h"
#include "store/changes.h"
#include "store/db.h"

static const char sql_request[] =
	"INSERT INTO change_requests (technopark_id, entity, entity_id, action, base_version, submitted_by) "
	"VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_field[] =
	"INSERT INTO change_request_fields (request_id, field, old_value, new_value) VALUES (?, ?, ?, ?)";

static const char sql_withdraw[] =
	"UPDATE change_requests SET state = 'withdrawn', seen_at = NOW(), version = version + 1 "
	"WHERE id = ? AND version = ? AND submitted_by = ? AND state = 'pending'";

static const char *
nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

int
changes_submit(struct db *db, long long user_id, long long tp_id, const char *entity,
    long long entity_id, const char *action, long long base_version, const char *const *fields,
    const char *const *old_values, const char *const *new_values, int nfields, long long *id)
{
	struct db_stmt *st = db_prepare(db, sql_request);
	long long change;
	int rc, i;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, tp_id);
	db_bind_text(st, 1, entity);
	if (entity_id > 0)
		db_bind_int(st, 2, entity_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, action);
	if (base_version > 0)
		db_bind_int(st, 4, base_version);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, user_id);
	rc = db_step(st);
	*id = rc == DB_DONE ? (long long)db_insert_id(st) : 0;
	db_reset(st);
	if (rc != DB_DONE)
		return DB_ERR;
	for (i = 0; i < nfields; i++) {
		if ((st = db_prepare(db, sql_field)) == NULL)
			return DB_ERR;
		db_bind_int(st, 0, *id);
		db_bind_text(st, 1, fields[i]);
		db_bind_text(st, 2, old_values != NULL ? nonempty(old_values[i]) : NULL);
		db_bind_text(st, 3, new_values != NULL ? nonempty(new_values[i]) : NULL);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE)
			return DB_ERR;
	}
	return audit_change(db, user_id, "submit", "change_request", *id, tp_id, action, &change);
}

int
changes_withdraw(struct db *db, long long user_id, long long id, long long version, long long tp_id,
    const char *note)
{
	struct db_stmt *st = db_prepare(db, sql_withdraw);
	long long change;
	int rc, one;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, id);
	db_bind_int(st, 1, version);
	db_bind_int(st, 2, user_id);
	rc = db_step(st);
	one = rc == DB_DONE && db_affected(st) == 1;
	db_reset(st);
	if (rc != DB_DONE)
		return DB_ERR;
	if (!one)
		return TP_ESTALE;
	return audit_change(db, user_id, "withdraw", "change_request", id, tp_id, note, &change);
}
