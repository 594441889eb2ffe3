/*
 * association.c - the association's profile (its one row, id 1) in Korean and English (issue 17), which
 * the secretariat edits on /admin/about through the save pipeline. An English text someone writes is
 * theirs: the marks of the portal's own rendering (name_en_derived, texts_en_derived) go when it changes.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "model/association.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/search.h"

static const char *const names[ASSOCIATION_NFIELDS] = {
	"name_ko", "name_en", "legal_form", "legal_form_en", "summary", "summary_en", "address", "address_en",
	"phone", "email", "website"
};

#define ONE_SELECT \
	"SELECT id, version, name_ko, name_en, legal_form, legal_form_en, summary, summary_en, address, address_en, " \
	"phone, email, website FROM association WHERE id = ?"
static const char sql_one[] = ONE_SELECT;
static const char sql_one_locked[] = ONE_SELECT " FOR UPDATE";
/* the marks compare the values before they change (MariaDB assigns left to right); a summary the
 * secretariat rewrites no longer restates the seed's source either */
static const char sql_update[] =
	"UPDATE association SET name_en_derived = IF(name_en <=> ?, name_en_derived, 0), "
	"texts_en_derived = IF(legal_form_en <=> ? AND summary_en <=> ? AND address_en <=> ?, texts_en_derived, 0), "
	"name_ko = ?, name_en = ?, legal_form = ?, legal_form_en = ?, summary = ?, summary_en = ?, address = ?, "
	"address_en = ?, phone = ?, email = ?, website = ?, version = version + 1 WHERE id = ? AND version = ?";

static const char *
nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* The row with sql (which may lock) into r: 1, 0, or -1. */
static int
load(struct db *db, const char *sql, long long id, struct record_row *r)
{
	struct db_stmt *st = db_prepare(db, sql);
	char *v[ASSOCIATION_NFIELDS] = { NULL };
	int rc, i, found = 0;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		for (i = 0; i < ASSOCIATION_NFIELDS; i++)
			if (db_col_text(st, 2 + i) != NULL && (v[i] = strdup(db_col_text(st, 2 + i))) == NULL)
				found = -1;
		record_row_take(r, db_col_int(st, 0), db_col_int(st, 1), 0, v, ASSOCIATION_NFIELDS);
	}
	db_reset(st);
	for (i = 0; i < ASSOCIATION_NFIELDS; i++)
		free(v[i]);
	if (rc == DB_ERR || found < 0) {
		record_row_free(r);
		return -1;
	}
	return found;
}

static int
association_load(struct db *db, long long id, struct record_row *r)
{
	return load(db, sql_one, id, r);
}

/* record_desc.write: an update of the row at version (the association is never made or removed here). */
static int
association_write(struct db *db, long long user_id, const char *action, long long id, long long owner,
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
	db_bind_text(st, 3, nonempty(values[7]));
	for (i = 0; i < ASSOCIATION_NFIELDS; i++)
		db_bind_text(st, 4 + i, nonempty(values[i]));
	db_bind_int(st, 4 + ASSOCIATION_NFIELDS, id);
	db_bind_int(st, 5 + ASSOCIATION_NFIELDS, version);
	if ((i = db_step(st)) != DB_DONE || db_affected(st) != 1) {
		db_reset(st);
		rc = i == DB_DONE ? TP_ESTALE : db_err(db);
		goto out;
	}
	db_reset(st);
	/* the search index follows in this transaction: findable at once, and untouched on rollback */
	if (search_sync(db, SEARCH_ABOUT, id) != 0)
		goto out;
	rc = audit_record(db, user_id, "update", "association", id, 0, NULL, names,
	    (const char *const *)cur.v, values, ASSOCIATION_NFIELDS) == 0 ? 0 : db_err(db);
out:
	record_row_free(&cur);
	return rc;
}

static const struct record_field association_fields[ASSOCIATION_NFIELDS] = {
	{ "name_ko",	FT_LINE,  1, 1, 100, NULL, "about_admin.field.name_ko", SHOW_TEXT, NULL },
	{ "name_en",	FT_LINE,  0, 0, 150, NULL, "about_admin.field.name_en", SHOW_TEXT, NULL },
	{ "legal_form",	FT_LINE,  0, 0, 100, NULL, "about_admin.field.legal_form", SHOW_TEXT, NULL },
	{ "legal_form_en", FT_LINE, 0, 0, 150, NULL, "about_admin.field.legal_form_en", SHOW_TEXT, NULL },
	{ "summary",	FT_TEXT,  0, 0, 3000, NULL, "about_admin.field.summary", SHOW_TEXT, NULL },
	{ "summary_en",	FT_TEXT,  0, 0, 4000, NULL, "about_admin.field.summary_en", SHOW_TEXT, NULL },
	{ "address",	FT_LINE,  0, 0, 300, NULL, "about_admin.field.address", SHOW_TEXT, NULL },
	{ "address_en",	FT_LINE,  0, 0, 300, NULL, "about_admin.field.address_en", SHOW_TEXT, NULL },
	{ "phone",	FT_PHONE, 0, 0, 40, NULL, "field.phone", SHOW_TEXT, NULL },
	{ "email",	FT_EMAIL, 0, 0, 200, NULL, "field.email", SHOW_TEXT, NULL },
	{ "website",	FT_URL,   0, 0, 300, NULL, "field.website", SHOW_TEXT, NULL },
};

const struct record_desc association_record = {
	"association", "association", "id", "version",
	"the secretariat (ACC_SECRETARIAT)",
	"/admin/about",
	association_fields, ASSOCIATION_NFIELDS,
	association_load, association_write, NULL
};
