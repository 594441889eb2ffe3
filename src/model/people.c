/* people.c - one person's record: load it, and write it (create, update, delete) with its audit entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/db.h"
#include "model/people.h"
#include "core/text.h"
#include "store/search.h"

const char *const person_fields[PERSON_NFIELDS] = {
	"name", "title", "department", "phone", "email", "sort", "visible"
};

enum { F_NAME, F_TITLE, F_DEPARTMENT, F_PHONE, F_EMAIL, F_SORT, F_VISIBLE };

/* The columns after id, technopark, version and is_demo are in person_fields order. */
#define PERSON_SELECT \
	"SELECT id, COALESCE(technopark_id, 0), version, is_demo, " \
	"name, title, department, phone, email, sort, visible FROM people WHERE id = ?"
static const char sql_load[] = PERSON_SELECT;
/* Inside a write: the row is locked until the transaction ends, so the audit's old values hold. */
static const char sql_load_locked[] = PERSON_SELECT " FOR UPDATE";
/* A person a demo account writes is demo (is_demo from the writing account, issue 20): fictional data
 * typed in while trying the portal out is never stored as real. A command-line tool (user 0) writes real. */
static const char sql_insert[] =
	"INSERT INTO people (technopark_id, name, title, department, phone, email, sort, visible, is_demo) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT u.is_demo FROM users u WHERE u.id = ?), 0))";
/* A seed person's source and the source's note hold while name, title and department are the source's; once
 * someone changes one of them the row is no longer the source's account of the person, so both are cleared
 * (the pages then stop saying "2020년 기사 기준"). MariaDB assigns left to right: these two come first, while
 * name, title and department still hold the old values (and note reads source_id before it changes). */
#define SAME_FACTS "(name <=> ? AND title <=> ? AND department <=> ?)"
static const char sql_update[] =
	"UPDATE people SET "
	"note = IF(source_id IS NULL OR " SAME_FACTS ", note, NULL), "
	"source_id = IF(" SAME_FACTS ", source_id, NULL), "
	"name = ?, title = ?, department = ?, phone = ?, email = ?, sort = ?, visible = ?, "
	"version = version + 1 WHERE id = ? AND version = ?";
static const char sql_delete[] = "DELETE FROM people WHERE id = ? AND version = ?";

/* Fill p from the current row of a PERSON_SELECT statement. 0, or -1 when memory runs out. */
static int
person_from_row(const struct db_stmt *st, struct person *p)
{
	int i;

	p->id = db_col_int(st, 0);
	p->technopark_id = db_col_int(st, 1);
	p->version = db_col_int(st, 2);
	p->is_demo = db_col_int(st, 3) != 0;
	for (i = 0; i < PERSON_NFIELDS; i++) {
		const char *v = db_col_text(st, 4 + i);

		if (v != NULL && *v != '\0' && (p->v[i] = strdup(v)) == NULL)
			return -1;
	}
	return 0;
}

static int
load(struct db *db, const char *sql, long long id, struct person *p)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc, found = 0;

	memset(p, 0, sizeof(*p));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW)
		found = person_from_row(st, p) == 0 ? 1 : -1;
	db_reset(st);
	if (rc == DB_ERR || found < 0) {
		person_free(p);
		return -1;
	}
	return found;
}

int
person_load(struct db *db, long long id, struct person *p)
{
	return load(db, sql_load, id, p);
}

void
person_free(struct person *p)
{
	int i;

	for (i = 0; i < PERSON_NFIELDS; i++) {
		free(p->v[i]);
		p->v[i] = NULL;
	}
}

/*
 * The values as they will be stored: empty text is NULL, sort a plain number ("0" when absent),
 * visible "1" or "0". sortbuf holds the sort text. -1 when sort is not a number.
 */
static int
normalize(const char *const *in, const char **out, char *sortbuf, size_t size)
{
	long long sort = 0;
	int i;

	for (i = 0; i < PERSON_NFIELDS; i++)
		out[i] = in != NULL && in[i] != NULL && *in[i] != '\0' ? in[i] : NULL;
	if (out[F_SORT] != NULL && parse_ll(out[F_SORT], 0, 32767, &sort) != 0)
		return -1;
	snprintf(sortbuf, size, "%lld", sort);
	out[F_SORT] = sortbuf;
	out[F_VISIBLE] = out[F_VISIBLE] != NULL && strcmp(out[F_VISIBLE], "1") == 0 ? "1" : "0";
	return 0;
}

/* Bind the seven fields to parameters first..first+6 of st. */
static void
bind_fields(struct db_stmt *st, int first, const char *const *v)
{
	int i;

	for (i = 0; i < F_SORT; i++)
		db_bind_text(st, first + i, v[i]);
	db_bind_int(st, first + F_SORT, strtoll(v[F_SORT], NULL, 10));
	db_bind_int(st, first + F_VISIBLE, strcmp(v[F_VISIBLE], "1") == 0);
}

/* Record the change and each field whose old and new value differ. 0 or DB_ERR. */
static int
audit(struct db *db, long long user_id, const char *action, long long id, long long tp_id,
    const char *const *olds, const char *const *news)
{
	return audit_record(db, user_id, action, "person", id, tp_id, NULL, person_fields, olds, news,
	    PERSON_NFIELDS);
}

static int
apply_create(struct db *db, long long user_id, long long tp_id, const char *const *v, long long *new_id)
{
	struct db_stmt *st = db_prepare(db, sql_insert);
	unsigned long long n = 0;
	long long id = 0;

	if (st == NULL)
		return db_err(db);
	if (tp_id > 0)
		db_bind_int(st, 0, tp_id);
	else
		db_bind_null(st, 0);
	bind_fields(st, 1, v);
	db_bind_int(st, 1 + PERSON_NFIELDS, user_id);
	if (db_write(st, &n, &id) != 0 || n != 1 || search_sync(db, SEARCH_PEOPLE, id) != 0 ||
	    audit(db, user_id, "create", id, tp_id, NULL, v) != 0)
		return db_err(db);
	if (new_id != NULL)
		*new_id = id;
	return 0;
}

/* Update or delete person id at version, against its locked current values. */
static int
apply_change(struct db *db, long long user_id, const char *action, long long id, long long version,
    const char *const *v)
{
	int del = strcmp(action, "delete") == 0, rc, found, i;
	unsigned long long n = 0;
	struct person cur;
	struct db_stmt *st;

	if ((found = load(db, sql_load_locked, id, &cur)) < 0)
		return db_err(db);
	if (found == 0 || cur.version != version) {
		rc = TP_ESTALE;
		goto out;
	}
	rc = db_err(db);
	if ((st = db_prepare(db, del ? sql_delete : sql_update)) == NULL)
		goto out;
	if (!del) {
		for (i = 0; i < 6; i += 3) {	/* SAME_FACTS, twice */
			db_bind_text(st, i, v[F_NAME]);
			db_bind_text(st, i + 1, v[F_TITLE]);
			db_bind_text(st, i + 2, v[F_DEPARTMENT]);
		}
		bind_fields(st, 6, v);
	}
	db_bind_int(st, del ? 0 : 6 + PERSON_NFIELDS, id);
	db_bind_int(st, del ? 1 : 7 + PERSON_NFIELDS, version);
	if (db_write(st, &n, NULL) != 0)
		goto out;
	if (n == 0) {
		rc = TP_ESTALE;
		goto out;
	}
	/* the search index follows in this transaction (a deleted or hidden person leaves it) */
	if (search_sync(db, SEARCH_PEOPLE, id) != 0)
		goto out;
	if (audit(db, user_id, action, id, cur.technopark_id, (const char *const *)cur.v, del ? NULL : v) != 0)
		goto out;
	rc = 0;
out:
	person_free(&cur);
	return rc;
}

int
person_apply(struct db *db, long long user_id, const char *action, long long id, long long tp_id,
    long long version, const char *const *values, long long *new_id)
{
	const char *v[PERSON_NFIELDS];
	char sortbuf[24];

	if (normalize(values, v, sortbuf, sizeof(sortbuf)) != 0)
		return TP_EINVALID;
	if (strcmp(action, "create") == 0)
		return apply_create(db, user_id, tp_id, v, new_id);
	if (strcmp(action, "update") == 0 || strcmp(action, "delete") == 0)
		return apply_change(db, user_id, action, id, version, v);
	return TP_EFAIL;
}

static const char sql_demo_author[] =
	"UPDATE people p JOIN users u ON u.id = ? SET p.is_demo = 1 WHERE p.id = ? AND u.is_demo = 1";

int
person_demo_author(struct db *db, long long id, long long author_id)
{
	struct db_stmt *st = db_prepare(db, sql_demo_author);

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, author_id);
	db_bind_int(st, 1, id);
	return db_write(st, NULL, NULL) == 0 ? 0 : db_err(db);
}

/* The person record's description (model/record.h): its form, labels and how values read. */
static const struct record_field person_record_fields[PERSON_NFIELDS] = {
	{ "name",	FT_LINE,	1, 1, 60, NULL, "field.name", SHOW_TEXT, NULL },
	{ "title",	FT_LINE,	0, 0, 60, NULL, "field.title", SHOW_TEXT, NULL },
	{ "department",	FT_LINE,	0, 0, 100, NULL, "field.department", SHOW_TEXT, NULL },
	{ "phone",	FT_PHONE,	0, 0, 40, NULL, "field.phone", SHOW_TEXT, NULL },	/* VARCHAR(40) */
	{ "email",	FT_EMAIL,	0, 0, 200, NULL, "field.email", SHOW_TEXT, NULL },
	{ "sort",	FT_INT,		0, 0, 9999, NULL, "field.sort", SHOW_TEXT, "0" },
	{ "visible",	FT_BOOL,	0, 0, 0, NULL, "field.visible", SHOW_YESNO, "0" },
};

static int
person_record_load(struct db *db, long long id, struct record_row *r)
{
	struct person p;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = person_load(db, id, &p)) != 1)
		return rc;
	record_row_take(r, p.id, p.version, p.technopark_id, p.v, PERSON_NFIELDS);
	return 1;
}

const struct record_desc person_record = {
	"person", "people", "id", "version",
	"the person's technopark's member admin, or the secretariat (access_person)",
	"/admin/people/{id}",
	person_record_fields, PERSON_NFIELDS,
	person_record_load, person_apply, NULL
};
