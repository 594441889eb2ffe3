/* versioned.c - load, create, update and delete a form-edited row against its version, with its audit rows. */
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/db.h"
#include "store/versioned.h"

static int
load(struct db *db, const struct versioned_spec *sp, const char *sql, long long id, struct versioned *r)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc, i, found = 0;

	memset(r, 0, sizeof(*r));
	r->n = sp->n;
	if (st == NULL || sp->n > VERSIONED_MAX_FIELDS)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		r->id = db_col_int(st, 0);
		r->version = db_col_int(st, 1);
		r->owner = db_col_int(st, 2);
		for (i = 0; i < sp->n; i++) {
			const char *v = db_col_text(st, 3 + i);

			if (v != NULL && *v != '\0' && (r->v[i] = strdup(v)) == NULL)
				found = -1;
		}
	}
	db_reset(st);
	if (rc == DB_ERR || found < 0) {
		versioned_free(r);
		return -1;
	}
	return found;
}

int
versioned_load(struct db *db, const struct versioned_spec *sp, long long id, struct versioned *r)
{
	return load(db, sp, sp->sql_load, id, r);
}

void
versioned_free(struct versioned *r)
{
	int i;

	for (i = 0; i < VERSIONED_MAX_FIELDS; i++) {
		free(r->v[i]);
		r->v[i] = NULL;
	}
}

int
versioned_changed(const struct versioned *r, const char *const *values)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (audit_differs(r->v[i], values[i]))
			return 1;
	return 0;
}

long long
versioned_exec(struct db *db, const char *sql, const char *const *texts, int ntexts,
    const long long *ints, int nints, long long *new_id)
{
	struct db_stmt *st = db_prepare(db, sql);
	long long n = -1;
	int i;

	if (st == NULL)
		return -1;
	for (i = 0; i < ntexts; i++)
		db_bind_text(st, i, texts[i] != NULL && *texts[i] != '\0' ? texts[i] : NULL);
	for (i = 0; i < nints; i++)
		db_bind_int(st, ntexts + i, ints[i]);
	if (db_step(st) == DB_DONE) {
		n = (long long)db_affected(st);
		if (new_id != NULL)
			*new_id = (long long)db_insert_id(st);
	}
	db_reset(st);
	return n;
}

int
versioned_audit(struct db *db, long long user_id, const char *action, const char *entity, long long id,
    const char *note, const char *const *names, const char *const *olds, const char *const *news, int n)
{
	return audit_record(db, user_id, action, entity, id, 0, note, names, olds, news, n) == 0 ? 0 : TP_EFAIL;
}

int
versioned_create(struct db *db, const struct versioned_spec *sp, long long user_id, long long owner,
    const char *const *values, const char *note, long long *new_id)
{
	long long id = 0;

	if (versioned_exec(db, sp->sql_insert, values, sp->n, &owner, 1, &id) != 1 ||
	    versioned_audit(db, user_id, "create", sp->entity, id, note, sp->fields, NULL, values, sp->n) != 0)
		return db_err(db);
	if (new_id != NULL)
		*new_id = id;
	return 0;
}

/* Lock row id and check it is still at version: 0 (cur loaded), TP_ENOTFOUND, TP_ESTALE, or a TP_E* code. */
static int
lock(struct db *db, const struct versioned_spec *sp, long long id, long long version, struct versioned *cur)
{
	int found = load(db, sp, sp->sql_lock, id, cur);

	if (found < 0)
		return db_err(db);
	if (found == 0)
		return TP_ENOTFOUND;
	return cur->version == version ? 0 : TP_ESTALE;
}

int
versioned_update(struct db *db, const struct versioned_spec *sp, long long user_id, long long id,
    long long version, const char *const *values, const char *note)
{
	long long keys[2] = { id, version }, n;
	struct versioned cur;
	int rc;

	if ((rc = lock(db, sp, id, version, &cur)) != 0)
		goto out;
	if ((n = versioned_exec(db, sp->sql_update, values, sp->n, keys, 2, NULL)) != 1) {
		rc = n == 0 ? TP_ESTALE : db_err(db);
		goto out;
	}
	if (versioned_audit(db, user_id, "update", sp->entity, id, note, sp->fields,
	    (const char *const *)cur.v, values, sp->n) != 0)
		rc = db_err(db);
out:
	versioned_free(&cur);
	return rc;
}

int
versioned_delete(struct db *db, const struct versioned_spec *sp, long long user_id, long long id,
    long long version, const char *note)
{
	long long keys[2] = { id, version }, n;
	struct versioned cur;
	int rc;

	if ((rc = lock(db, sp, id, version, &cur)) != 0)
		goto out;
	if ((n = versioned_exec(db, sp->sql_delete, NULL, 0, keys, 2, NULL)) != 1) {
		rc = n == 0 ? TP_ESTALE : db_err(db);
		goto out;
	}
	if (versioned_audit(db, user_id, "delete", sp->entity, id, note, sp->fields,
	    (const char *const *)cur.v, NULL, sp->n) != 0)
		rc = db_err(db);
out:
	versioned_free(&cur);
	return rc;
}
