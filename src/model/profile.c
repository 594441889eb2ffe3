/* profile.c - a technopark's editable profile: loading it and writing it with its audit record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/db.h"
#include "model/profile.h"
#include "store/search.h"

const char *const profile_fields[PROFILE_NFIELDS] = {
	"summary", "director", "address", "phone", "email", "website", "name_en", "summary_en", "address_en", "industry"
};

/* The industry list sorts by bytes, as the form's qsort(strcmp) does, so the two compare equal. */
static const char sql_load[] =
	"SELECT t.id, t.version, t.slug, t.name_ko, t.summary, t.director, t.address, t.phone, t.email, "
	"t.website, t.name_en, t.summary_en, t.address_en, "
	"(SELECT GROUP_CONCAT(i.slug ORDER BY CAST(i.slug AS BINARY) SEPARATOR ',') "
	" FROM technopark_industries ti JOIN industries i ON i.id = ti.industry_id "
	" WHERE ti.technopark_id = t.id), t.demo_fields FROM technoparks t WHERE (t.slug = ? OR t.id = ?)";
static const char sql_load_lock[] =
	"SELECT t.id, t.version, t.slug, t.name_ko, t.summary, t.director, t.address, t.phone, t.email, "
	"t.website, t.name_en, t.summary_en, t.address_en, "
	"(SELECT GROUP_CONCAT(i.slug ORDER BY CAST(i.slug AS BINARY) SEPARATOR ',') "
	" FROM technopark_industries ti JOIN industries i ON i.id = ti.industry_id "
	" WHERE ti.technopark_id = t.id), t.demo_fields FROM technoparks t WHERE (t.slug = ? OR t.id = ?) FOR UPDATE";

int
profile_field_index(const char *name)
{
	int i;

	for (i = 0; i < PROFILE_NFIELDS; i++)
		if (strcmp(profile_fields[i], name) == 0)
			return i;
	return -1;
}

void
profile_free(struct profile *p)
{
	int i;

	for (i = 0; i < PROFILE_NFIELDS; i++) {
		free(p->v[i]);
		p->v[i] = NULL;
	}
}

static char *
dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? strdup(s) : NULL;
}

int
profile_load(struct db *db, const char *slug, long long id, int lock, struct profile *p)
{
	struct db_stmt *st = db_prepare(db, lock ? sql_load_lock : sql_load);
	int rc, i, found = 0;

	memset(p, 0, sizeof(*p));
	if (st == NULL)
		return -1;
	db_bind_text(st, 0, slug != NULL ? slug : "");
	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		p->id = db_col_int(st, 0);
		p->version = db_col_int(st, 1);
		snprintf(p->slug, sizeof(p->slug), "%s", db_col_text(st, 2));
		snprintf(p->name, sizeof(p->name), "%s", db_col_text(st, 3));
		for (i = 0; i < PROFILE_NFIELDS; i++)
			p->v[i] = dup_or_null(db_col_text(st, 4 + i));
		snprintf(p->demo_fields, sizeof(p->demo_fields), "%s", db_col_text(st, 4 + PROFILE_NFIELDS) ?
		    db_col_text(st, 4 + PROFILE_NFIELDS) : "");
	}
	db_reset(st);
	return rc == DB_ERR ? -1 : found;
}

static const char sql_update[] =
	"UPDATE technoparks SET "
	/* a field that restates the source keeps its mark ("2020년 기사 기준") only while it is the source's
	 * text: MariaDB assigns left to right, so these compare the values before summary and director change */
	"summary_source_id = IF(summary <=> ?, summary_source_id, NULL), "
	"director_source_id = IF(director <=> ?, director_source_id, NULL), "
	/* an English name someone writes is theirs, no longer the portal's rendering (issue 20's mark) */
	"name_en_derived = IF(name_en <=> ?, name_en_derived, 0), "
	"summary = ?, director = ?, address = ?, phone = ?, email = ?, website = ?, "
	"name_en = ?, summary_en = ?, address_en = ?, "
	"version = version + 1 WHERE id = ? AND version = ?";
static const char sql_clear_tags[] = "DELETE FROM technopark_industries WHERE technopark_id = ?";
static const char sql_add_tags[] =
	"INSERT INTO technopark_industries (technopark_id, industry_id) "
	"SELECT ?, id FROM industries WHERE FIND_IN_SET(slug, ?) > 0";

static const char *
nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

static int
run_update(struct db *db, const struct profile *cur, const char *const *values)
{
	struct db_stmt *st = db_prepare(db, sql_update);
	int rc, i;

	if (st == NULL)
		return db_err(db);
	db_bind_text(st, 0, nonempty(values[0]));	/* summary, director, name_en: for the source marks */
	db_bind_text(st, 1, nonempty(values[1]));
	db_bind_text(st, 2, nonempty(values[6]));
	for (i = 0; i < PROFILE_NFIELDS - 1; i++)	/* every field but the industries (run_tags) */
		db_bind_text(st, 3 + i, nonempty(values[i]));
	db_bind_int(st, 3 + PROFILE_NFIELDS - 1, cur->id);
	db_bind_int(st, 4 + PROFILE_NFIELDS - 1, cur->version);
	rc = db_step(st);
	i = rc == DB_DONE && db_affected(st) == 1;
	db_reset(st);
	if (rc != DB_DONE)
		return db_err(db);
	return i ? 0 : TP_ESTALE;
}

static int
run_tags(struct db *db, const struct profile *cur, const char *tags)
{
	struct db_stmt *st = db_prepare(db, sql_clear_tags);
	int rc;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, cur->id);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_err(db);
	if (tags == NULL || *tags == '\0')
		return 0;
	if ((st = db_prepare(db, sql_add_tags)) == NULL)
		return db_err(db);
	db_bind_int(st, 0, cur->id);
	db_bind_text(st, 1, tags);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? 0 : db_err(db);
}

static const char sql_author_demo[] = "SELECT COUNT(*) FROM users WHERE id = ? AND is_demo = 1";
static const char sql_demo_fields[] = "UPDATE technoparks SET demo_fields = ? WHERE id = ?";

/* 1 when name is one of the comma-joined set. */
static int
in_set(const char *set, const char *name)
{
	size_t n = strlen(name);

	for (; *set != '\0'; set += strcspn(set, ",") + (set[strcspn(set, ",")] == ',')) {
		if (strncmp(set, name, n) == 0 && (set[n] == ',' || set[n] == '\0'))
			return 1;
	}
	return 0;
}

/* The demo marks after values replace cur's: a changed field takes the author's kind, the others keep theirs. */
static int
mark_demo(struct db *db, long long author_id, const struct profile *cur, const char *const *values)
{
	char out[sizeof(cur->demo_fields)] = "";
	struct db_stmt *st;
	size_t len = 0;
	int demo, i, now;

	if ((demo = db_exists(db, sql_author_demo, author_id)) < 0)
		return db_err(db);
	for (i = 0; i < PROFILE_NFIELDS; i++) {
		now = audit_differs(cur->v[i], values[i]) ? demo : in_set(cur->demo_fields, profile_fields[i]);
		if (now)
			len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s", len ? "," : "", profile_fields[i]);
	}
	if (strcmp(out, cur->demo_fields) == 0)
		return 0;
	if ((st = db_prepare(db, sql_demo_fields)) == NULL)
		return db_err(db);
	db_bind_text(st, 0, out);
	db_bind_int(st, 1, cur->id);
	return db_write(st, NULL, NULL) == 0 ? 0 : db_err(db);
}

int
profile_apply(struct db *db, long long user_id, long long author_id, const struct profile *cur,
    const char *const *values, const char *action, const char *note)
{
	int rc, tags = PROFILE_NFIELDS - 1;

	if ((rc = run_update(db, cur, values)) != 0 || (rc = mark_demo(db, author_id, cur, values)) != 0)
		return rc;
	if (audit_differs(cur->v[tags], values[tags]) && (rc = run_tags(db, cur, values[tags])) != 0)
		return rc;
	/* the search index follows in this transaction: findable at once, and untouched on rollback */
	if (search_sync(db, SEARCH_MEMBERS, cur->id) != 0)
		return db_err(db);
	if (audit_record(db, user_id, action, "technopark", cur->id, cur->id, note, profile_fields,
	    (const char *const *)cur->v, values, PROFILE_NFIELDS) != 0)
		return db_err(db);
	return 0;
}

/* The technopark profile's record description (model/record.h). */
static const struct record_field profile_record_fields[PROFILE_NFIELDS] = {
	{ "summary",	FT_TEXT,	0, 0, 2000, NULL, "field.summary", SHOW_TEXT, NULL },
	{ "director",	FT_LINE,	0, 0, 60, NULL, "field.director", SHOW_TEXT, NULL },
	{ "address",	FT_LINE,	0, 0, 300, NULL, "field.address", SHOW_TEXT, NULL },
	{ "phone",	FT_PHONE,	0, 0, 40, NULL, "field.phone", SHOW_TEXT, NULL },
	{ "email",	FT_EMAIL,	0, 0, 200, NULL, "field.email", SHOW_TEXT, NULL },
	{ "website",	FT_URL,		0, 0, 300, NULL, "field.website", SHOW_TEXT, NULL },
	{ "name_en",	FT_LINE,	0, 0, 150, NULL, "field.name_en", SHOW_TEXT, NULL },
	{ "summary_en",	FT_TEXT,	0, 0, 3000, NULL, "field.summary_en", SHOW_TEXT, NULL },
	{ "address_en",	FT_LINE,	0, 0, 300, NULL, "field.address_en", SHOW_TEXT, NULL },
	{ "industry",	FT_SLUGS,	0, 0, 0, NULL, "field.industry", SHOW_NAMES, NULL },
};

static int
profile_record_load(struct db *db, long long id, struct record_row *r)
{
	struct profile p;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = profile_load(db, NULL, id, 0, &p)) != 1)
		return rc;
	record_row_take(r, p.id, p.version, p.id, p.v, PROFILE_NFIELDS);	/* a profile is its own technopark's */
	return 1;
}

/* profile_apply against the locked row at version (record_desc.write; profiles are never created here). */
static int
profile_record_write(struct db *db, long long user_id, const char *action, long long id, long long owner,
    long long version, const char *const *values, long long *new_id)
{
	struct profile cur;
	int rc;

	(void)owner;
	(void)new_id;
	if (strcmp(action, "update") != 0)
		return TP_EFAIL;
	if ((rc = profile_load(db, NULL, id, 1, &cur)) != 1)
		return rc == 0 ? TP_ENOTFOUND : db_err(db);
	rc = cur.version == version ? profile_apply(db, user_id, user_id, &cur, values, "update", NULL) : TP_ESTALE;
	profile_free(&cur);
	return rc;
}

static const char sql_industry_name[] = "SELECT name_ko FROM industries WHERE slug = ?";

/* An industry's name for its slug (conflict pages show names, not slugs). */
static int
profile_record_names(struct db *db, const char *field, const char *slug, char *out, size_t size)
{
	struct db_stmt *st = db_prepare(db, sql_industry_name);
	int rc;

	(void)field;
	if (st == NULL)
		return -1;
	db_bind_text(st, 0, slug);
	if ((rc = db_step(st)) == DB_ROW)
		snprintf(out, size, "%s", db_col_text(st, 0) != NULL ? db_col_text(st, 0) : slug);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

const struct record_desc profile_record = {
	"technopark", "technoparks", "id", "version",
	"the technopark's member admin (a change request) or the secretariat (access_tp_slug)",
	"/admin/members/{slug}",
	profile_record_fields, PROFILE_NFIELDS,
	profile_record_load, profile_record_write, profile_record_names
};
