/*
 * committee_texts.c - a committee's own texts in both languages (issue 17): its names, purpose and
 * composition, which the secretariat edits on /admin/committees/{slug}/texts through the save pipeline.
 * An English text someone writes is theirs: the marks of the portal's own rendering (name_en_derived,
 * texts_en_derived, sql/018 and sql/030) go when it changes.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "model/committee_texts.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/search.h"

static const char *const names[COMMITTEE_TEXTS_NFIELDS] = {
	"name_ko", "name_en", "purpose", "purpose_en", "composition", "composition_en"
};

#define ONE_SELECT \
	"SELECT id, version, name_ko, name_en, purpose, purpose_en, composition, composition_en FROM committees WHERE id = ?"
static const char sql_one[] = ONE_SELECT;
static const char sql_one_locked[] = ONE_SELECT " FOR UPDATE";
/* the marks compare the values before they change: MariaDB assigns left to right */
static const char sql_update[] =
	"UPDATE committees SET name_en_derived = IF(name_en <=> ?, name_en_derived, 0), "
	"texts_en_derived = IF(purpose_en <=> ? AND composition_en <=> ?, texts_en_derived, 0), "
	"name_ko = ?, name_en = ?, purpose = ?, purpose_en = ?, composition = ?, composition_en = ?, "
	"version = version + 1 WHERE id = ? AND version = ?";

static const char *
nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* Row id with sql (which may lock) into r: 1, 0, or -1. */
static int
load(struct db *db, const char *sql, long long id, struct record_row *r)
{
	struct db_stmt *st = db_prepare(db, sql);
	char *v[COMMITTEE_TEXTS_NFIELDS] = { NULL };
	int rc, i, found = 0;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		for (i = 0; i < COMMITTEE_TEXTS_NFIELDS; i++)
			if (db_col_text(st, 2 + i) != NULL && (v[i] = strdup(db_col_text(st, 2 + i))) == NULL)
				found = -1;
		record_row_take(r, db_col_int(st, 0), db_col_int(st, 1), 0, v, COMMITTEE_TEXTS_NFIELDS);
	}
	db_reset(st);
	for (i = 0; i < COMMITTEE_TEXTS_NFIELDS; i++)
		free(v[i]);
	if (rc == DB_ERR || found < 0) {
		record_row_free(r);
		return -1;
	}
	return found;
}

static int
texts_load(struct db *db, long long id, struct record_row *r)
{
	return load(db, sql_one, id, r);
}

/* record_desc.write: an update of committee id at version (committees are not made or removed here). */
static int
texts_write(struct db *db, long long user_id, const char *action, long long id, long long owner,
    long long version, const char *const *values, long long *new_id)
{
	struct record_row cur;
	struct db_stmt *st;
	int rc, i;

	(void)owner;
	(void)new_id;
	if (strcmp(action, "update") != 0)
		return TP_EINVALID;
	if ((rc = load(db, sql_one_locked, id, &cur)) <= 0)
		return rc < 0 ? db_err(db) : TP_ENOTFOUND;
	rc = TP_ESTALE;
	if (cur.version != version)
		goto out;
	rc = db_err(db);
	if ((st = db_prepare(db, sql_update)) == NULL)
		goto out;
	db_bind_text(st, 0, nonempty(values[1]));
	db_bind_text(st, 1, nonempty(values[3]));
	db_bind_text(st, 2, nonempty(values[5]));
	for (i = 0; i < COMMITTEE_TEXTS_NFIELDS; i++)
		db_bind_text(st, 3 + i, nonempty(values[i]));
	db_bind_int(st, 3 + COMMITTEE_TEXTS_NFIELDS, id);
	db_bind_int(st, 4 + COMMITTEE_TEXTS_NFIELDS, version);
	if ((i = db_step(st)) != DB_DONE || db_affected(st) != 1) {
		db_reset(st);
		rc = i == DB_DONE ? TP_ESTALE : db_err(db);
		goto out;
	}
	db_reset(st);
	/* the search index follows in this transaction: findable at once, and untouched on rollback */
	if (search_sync(db, SEARCH_BODIES, id) != 0)
		goto out;
	rc = audit_record(db, user_id, "update", "committee", id, 0, NULL, names,
	    (const char *const *)cur.v, values, COMMITTEE_TEXTS_NFIELDS) == 0 ? 0 : db_err(db);
out:
	record_row_free(&cur);
	return rc;
}

static const struct record_field texts_fields[COMMITTEE_TEXTS_NFIELDS] = {
	{ "name_ko",		FT_LINE, 1, 1, 60, NULL, "committee_texts.field.name_ko", SHOW_TEXT, NULL },
	{ "name_en",		FT_LINE, 0, 0, 100, NULL, "committee_texts.field.name_en", SHOW_TEXT, NULL },
	{ "purpose",		FT_TEXT, 0, 0, 2000, NULL, "committee_texts.field.purpose", SHOW_TEXT, NULL },
	{ "purpose_en",		FT_TEXT, 0, 0, 3000, NULL, "committee_texts.field.purpose_en", SHOW_TEXT, NULL },
	{ "composition",	FT_TEXT, 0, 0, 1000, NULL, "committee_texts.field.composition", SHOW_TEXT, NULL },
	{ "composition_en",	FT_TEXT, 0, 0, 1500, NULL, "committee_texts.field.composition_en", SHOW_TEXT, NULL },
};

const struct record_desc committee_texts_record = {
	"committee", "committees", "id", "version",
	"the secretariat (ACC_SECRETARIAT)",
	"/admin/committees/{slug}/texts",
	texts_fields, COMMITTEE_TEXTS_NFIELDS,
	texts_load, texts_write, NULL
};
