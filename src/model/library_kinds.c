/*
 * library_kinds.c - the kinds of library documents (library_kinds), the table the secretariat keeps: its
 * record description for the save pipeline, load and write with the audit rows. The English name
 * (name_en) is for the English pages (issue 17).
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "model/library.h"
#include "store/audit.h"
#include "store/db.h"

static const char *const kind_fields[LIBRARY_KIND_NFIELDS] = { "slug", "name_ko", "name_en", "sort" };

static const char sql_kind_load[] = "SELECT id, version, slug, name_ko, name_en, sort FROM library_kinds WHERE id = ?";
static const char sql_kind_insert[] = "INSERT INTO library_kinds (slug, name_ko, name_en, sort) VALUES (?, ?, ?, ?)";
static const char sql_kind_update[] =
	"UPDATE library_kinds SET slug = ?, name_ko = ?, name_en = ?, sort = ?, version = version + 1 "
	"WHERE id = ? AND version = ?";
static const char sql_kind_lock[] = "SELECT version FROM library_kinds WHERE id = ? FOR UPDATE";

static int
kind_load(struct db *db, long long id, struct record_row *r)
{
	struct db_stmt *st = db_prepare(db, sql_kind_load);
	char *v[LIBRARY_KIND_NFIELDS] = { NULL };
	int rc, i, found = 0;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		for (i = 0; i < LIBRARY_KIND_NFIELDS; i++)
			if (db_col_text(st, 2 + i) != NULL && (v[i] = strdup(db_col_text(st, 2 + i))) == NULL)
				found = -1;
		record_row_take(r, db_col_int(st, 0), db_col_int(st, 1), 0, v, LIBRARY_KIND_NFIELDS);
	}
	db_reset(st);
	for (i = 0; i < LIBRARY_KIND_NFIELDS; i++)
		free(v[i]);
	if (rc == DB_ERR || found < 0) {
		record_row_free(r);
		return -1;
	}
	return found;
}

static int
kind_write(struct db *db, long long user_id, const char *action, long long id, long long owner,
    long long version, const char *const *v, long long *new_id)
{
	struct record_row cur;
	struct db_stmt *st;
	unsigned long long n = 0;
	int rc, i, create = strcmp(action, "create") == 0;

	(void)owner;
	memset(&cur, 0, sizeof(cur));
	if (!create) {
		if ((st = db_prepare(db, sql_kind_lock)) == NULL)
			return db_err(db);
		db_bind_int(st, 0, id);
		rc = db_step(st);
		if (rc == DB_ROW && db_col_int(st, 0) != version)
			rc = -2;
		db_reset(st);
		if (rc != DB_ROW)
			return rc == -2 ? TP_ESTALE : rc == DB_DONE ? TP_ENOTFOUND : db_err(db);
		if (kind_load(db, id, &cur) != 1)
			return db_err(db);
	}
	rc = db_err(db);
	if ((st = db_prepare(db, create ? sql_kind_insert : sql_kind_update)) == NULL)
		goto out;
	for (i = 0; i < LIBRARY_KIND_NFIELDS; i++)
		db_bind_text(st, i, i == 3 && v[i] == NULL ? "0" : v[i]);
	if (!create) {
		db_bind_int(st, 4, id);
		db_bind_int(st, 5, version);
	}
	if (db_write(st, &n, create ? &id : NULL) != 0)
		goto out;
	rc = TP_ESTALE;
	if (n != 1)
		goto out;
	if (create)
		*new_id = id;
	rc = audit_record(db, user_id, action, "library_kind", id, 0, NULL, kind_fields,
	    create ? NULL : (const char *const *)cur.v, v, LIBRARY_KIND_NFIELDS) == 0 ? 0 : db_err(db);
out:
	record_row_free(&cur);
	return rc;
}

static const struct record_field kind_record_fields[LIBRARY_KIND_NFIELDS] = {
	{ "slug",	FT_LINE, 1, 1, 40, NULL, "library_admin.kind.slug", SHOW_TEXT, NULL },
	{ "name_ko",	FT_LINE, 1, 1, 60, NULL, "library_admin.kind.name_ko", SHOW_TEXT, NULL },
	{ "name_en",	FT_LINE, 1, 1, 60, NULL, "library_admin.kind.name_en", SHOW_TEXT, NULL },
	{ "sort",	FT_INT, 0, -1000, 1000, NULL, "library_admin.kind.sort", SHOW_TEXT, "0" },
};

const struct record_desc library_kind_record = {
	"library_kind", "library_kinds", "id", "version",
	"the secretariat (ACC_SECRETARIAT)",
	"/admin/library/kinds/{id}",
	kind_record_fields, LIBRARY_KIND_NFIELDS,
	kind_load, kind_write, NULL
};
