/* audit.c - writes the audit log; callers run it inside the transaction of the change it records. */
#include <string.h>

#include "store/audit.h"
#include "store/db.h"

static const char sql_change[] =
	"INSERT INTO audit_changes (user_id, action, entity, entity_id, technopark_id, note) "
	"VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_field[] =
	"INSERT INTO audit_fields (change_id, field, old_value, new_value) VALUES (?, ?, ?, ?)";

int
audit_change(struct db *db, long long user_id, const char *action, const char *entity,
    long long entity_id, long long tp_id, const char *note, long long *change_id)
{
	struct db_stmt *st = db_prepare(db, sql_change);
	int rc;

	if (st == NULL)
		return DB_ERR;
	if (user_id > 0)
		db_bind_int(st, 0, user_id);
	else
		db_bind_null(st, 0);
	db_bind_text(st, 1, action);
	db_bind_text(st, 2, entity);
	db_bind_int(st, 3, entity_id);
	if (tp_id > 0)
		db_bind_int(st, 4, tp_id);
	else
		db_bind_null(st, 4);
	db_bind_text(st, 5, note);
	rc = db_step(st);
	*change_id = rc == DB_DONE ? (long long)db_insert_id(st) : 0;
	db_reset(st);
	return rc == DB_DONE ? 0 : DB_ERR;
}

int
audit_field(struct db *db, long long change_id, const char *field, const char *old_value,
    const char *new_value)
{
	struct db_stmt *st = db_prepare(db, sql_field);
	int rc;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, change_id);
	db_bind_text(st, 1, field);
	db_bind_text(st, 2, old_value != NULL && *old_value != '\0' ? old_value : NULL);
	db_bind_text(st, 3, new_value != NULL && *new_value != '\0' ? new_value : NULL);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? 0 : DB_ERR;
}

int
audit_differs(const char *a, const char *b)
{
	if (a == NULL)
		a = "";
	if (b == NULL)
		b = "";
	return strcmp(a, b) != 0;
}

int
audit_record(struct db *db, long long user_id, const char *action, const char *entity,
    long long entity_id, long long tp_id, const char *note, const char *const *names,
    const char *const *olds, const char *const *news, int n)
{
	long long change;
	int i;

	if (audit_change(db, user_id, action, entity, entity_id, tp_id, note, &change) != 0)
		return DB_ERR;
	for (i = 0; i < n; i++) {
		const char *o = olds != NULL ? olds[i] : NULL, *v = news != NULL ? news[i] : NULL;

		if (audit_differs(o, v) && audit_field(db, change, names[i], o, v) != 0)
			return DB_ERR;
	}
	return 0;
}
