/*
 * library.c - the publications library: the list, feed and page queries, who may read a document,
 * and writing documents and their files' versions with their audit rows (the kinds: library_kinds.c).
 *
 * The list has one query per direction whose filter terms switch themselves off ("? = 0 OR ..."): a
 * library holds hundreds of documents, not the million articles /news is built for, so an index range
 * on (listed, created_at, id) read with the filter applied is enough; the keyset still makes every page
 * the same work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "model/account.h"
#include "model/attach.h"
#include "model/library.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/search.h"

const char *const library_fields[LIBRARY_NFIELDS] = {
	"title", "kind", "publisher", "year", "language", "audience", "description"
};

/* How many files (not versions) a document has, for the list's mark. */
#define FILES_COL \
	"(SELECT COUNT(DISTINCT lf.file_no) FROM library_files lf WHERE lf.document_id = d.id) AS files "
#define LIST_COLS \
	"SELECT d.id, d.title, k.slug AS kind, k.name_ko AS kind_name, k.name_en AS kind_name_en, " \
	"t.slug AS tp_slug, t.name_ko AS tp_name, t.name_en AS tp_name_en, d.year, d.language, d.audience, " \
	"DATE_FORMAT(d.created_at, '%Y-%m-%d') AS date, d.is_demo, " FILES_COL
#define FROM_DOCS \
	"FROM library_documents d JOIN library_kinds k ON k.id = d.kind_id LEFT JOIN technoparks t ON t.id = d.technopark_id "
/* Bound in this order: kind twice, technopark twice, association, year twice, signed in. */
#define FILTER \
	"WHERE d.listed = 1 AND (? = 0 OR d.kind_id = ?) AND (? = 0 OR d.technopark_id = ?) " \
	"AND (? = 0 OR d.technopark_id IS NULL) AND (? = 0 OR d.year = ?) AND (? = 1 OR d.audience = 'public') "
#define NFILTER	8

static const char *const sql_list[3] = {
	LIST_COLS FROM_DOCS FILTER "ORDER BY d.created_at DESC, d.id DESC LIMIT ?",
	LIST_COLS FROM_DOCS FILTER "AND (d.created_at < ? OR (d.created_at = ? AND d.id < ?)) "
	"ORDER BY d.created_at DESC, d.id DESC LIMIT ?",
	/* newer: read oldest first from the cursor, put back in display order */
	"SELECT * FROM (" LIST_COLS ", d.created_at AS at_key " FROM_DOCS FILTER
	"AND (d.created_at > ? OR (d.created_at = ? AND d.id > ?)) ORDER BY d.created_at, d.id LIMIT ?) n "
	"ORDER BY n.at_key DESC, n.id DESC",
};
/* The years and how many documents each: the filter's options and its total in one round trip. */
static const char sql_years[] =
	"SELECT d.year, COUNT(*) AS n FROM library_documents d " FILTER "GROUP BY d.year ORDER BY d.year DESC";
static const char sql_feed[] =
	"SELECT d.id, d.title, d.description, k.name_ko AS kind_name, k.name_en AS kind_name_en, d.year, d.is_demo, "
	"COALESCE(t.name_ko, (SELECT s.name_ko FROM association s WHERE s.id = 1)) AS publisher, "
	"COALESCE(t.name_en, (SELECT s.name_en FROM association s WHERE s.id = 1)) AS publisher_en, "
	"DATE_FORMAT(d.created_at, '%Y-%m-%dT%H:%i:%s+09:00') AS published, "
	"DATE_FORMAT(d.updated_at, '%Y-%m-%dT%H:%i:%s+09:00') AS updated " FROM_DOCS FILTER
	"ORDER BY d.created_at DESC, d.id DESC LIMIT ?";
static const char sql_cursor[] =
	"SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') FROM library_documents WHERE id = ? AND listed = 1";
/* The document, then its files: each file's versions together, the newest first (page_lists). */
static const char sql_show[] =
	"(SELECT 0 AS list, 0 AS k1, 0 AS k2, d.id, d.title, d.description, k.slug AS kind, k.name_ko AS kind_name, "
	"k.name_en AS kind_name_en, COALESCE(d.technopark_id, 0) AS tp_id, t.slug AS tp_slug, t.name_ko AS tp_name, "
	"t.name_en AS tp_name_en, d.year, d.language, d.audience, d.listed, d.is_demo, DATE_FORMAT(d.created_at, '%Y-%m-%d') AS created, "
	"DATE_FORMAT(d.updated_at, '%Y-%m-%d') AS updated, NULL AS mime_type, NULL AS size_bytes " FROM_DOCS
	"WHERE d.id = ?) UNION ALL "
	"(SELECT 1, lf.file_no, lf.version, a.id, a.filename, lf.file_no, lf.version, "
	"(lf.version = (SELECT MAX(l2.version) FROM library_files l2 WHERE l2.document_id = lf.document_id "
	" AND l2.file_no = lf.file_no)), DATE_FORMAT(a.created_at, '%Y-%m-%d'), a.mime_type, a.size_bytes, "
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
	"FROM library_files lf JOIN attachments a ON a.id = lf.attachment_id WHERE lf.document_id = ?) "
	"ORDER BY list, k1, k2 DESC";
const char *const library_show_file_cols[] = {
	"id", "filename", "file_no", "version", "latest", "uploaded", "mime_type", "size_bytes", NULL
};
static const char sql_readable[] =
	"SELECT COALESCE(technopark_id, 0), listed, audience = 'signed_in' FROM library_documents WHERE id = ?";

/* Bind f's terms from parameter 0; returns the next free parameter. */
static int
bind_filter(struct db_stmt *st, const struct library_filter *f)
{
	long long tp = f->association ? 0 : f->tp_id;

	db_bind_int(st, 0, f->kind_id);
	db_bind_int(st, 1, f->kind_id);
	db_bind_int(st, 2, tp);
	db_bind_int(st, 3, tp);
	db_bind_int(st, 4, f->association ? 1 : 0);
	db_bind_int(st, 5, f->year);
	db_bind_int(st, 6, f->year);
	db_bind_int(st, 7, f->signed_in ? 1 : 0);
	return NFILTER;
}

static int
cursor_time(struct db *db, long long id, char *out, size_t size)
{
	struct db_stmt *st = db_prepare(db, sql_cursor);
	int rc, found = 0;

	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW && db_col_text(st, 0) != NULL) {
		snprintf(out, size, "%s", db_col_text(st, 0));
		found = 1;
	}
	db_reset(st);
	return rc == DB_ERR ? -1 : found;
}

int
library_list_stmt(struct db *db, const struct library_filter *f, enum library_dir dir, long long cursor_id,
    int limit, struct library_query *q)
{
	struct db_stmt *st;
	int i, rc;

	q->st = NULL;
	if (dir != LIBRARY_FIRST && (rc = cursor_time(db, cursor_id, q->at, sizeof(q->at))) != 1)
		return rc == 0 ? TP_ENOTFOUND : db_err(db);
	if ((st = db_prepare(db, sql_list[dir])) == NULL)
		return db_err(db);
	i = bind_filter(st, f);
	if (dir != LIBRARY_FIRST) {
		db_bind_text(st, i++, q->at);	/* referenced: q->at lives as long as q */
		db_bind_text(st, i++, q->at);
		db_bind_int(st, i++, cursor_id);
	}
	db_bind_int(st, i, limit);
	q->st = st;
	return 0;
}

int
library_years_stmt(struct db *db, const struct library_filter *f, struct db_stmt **out)
{
	struct library_filter g = *f;

	g.year = 0;
	if ((*out = db_prepare(db, sql_years)) == NULL)
		return db_err(db);
	bind_filter(*out, &g);
	return 0;
}

int
library_feed_stmt(struct db *db, const struct library_filter *f, struct db_stmt **out)
{
	if ((*out = db_prepare(db, sql_feed)) == NULL)
		return db_err(db);
	db_bind_int(*out, bind_filter(*out, f), LIBRARY_FEED_SIZE);
	return 0;
}

int
library_show_stmt(struct db *db, long long id, struct db_stmt **out)
{
	if ((*out = db_prepare(db, sql_show)) == NULL)
		return db_err(db);
	db_bind_int(*out, 0, id);
	db_bind_int(*out, 1, id);
	return 0;
}

int
library_may_read(struct db *db, const struct session *s, long long id)
{
	struct db_stmt *st = db_prepare(db, sql_readable);
	long long tp = 0;
	int rc, listed = 0, members = 0;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		tp = db_col_int(st, 0);
		listed = db_col_int(st, 1) != 0;
		members = db_col_int(st, 2) != 0;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	if (rc == DB_DONE)
		return TP_ENOTFOUND;
	if (!listed)
		return account_may_edit_tp(s, tp) ? 0 : TP_ENOTFOUND;
	return !members || s != NULL ? 0 : TP_ENOTFOUND;
}

/* ---------------------------------------------------------------- one document, as a record */

#define LOAD_SELECT \
	"SELECT d.id, d.version, COALESCE(d.technopark_id, 0), d.title, k.slug, " \
	"COALESCE(t.slug, '" LIBRARY_ASSOCIATION "'), d.year, d.language, d.audience, d.description " \
	"FROM library_documents d JOIN library_kinds k ON k.id = d.kind_id " \
	"LEFT JOIN technoparks t ON t.id = d.technopark_id WHERE d.id = ?"
static const char sql_load[] = LOAD_SELECT;
/* Inside a write only the document's row is locked (FOR UPDATE over the join would lock the kind too). */
static const char sql_lock[] = "SELECT version FROM library_documents WHERE id = ? FOR UPDATE";
/* A document a demo account adds is demo (as news articles are, issue 20). */
static const char sql_insert[] =
	"INSERT INTO library_documents (kind_id, technopark_id, author_id, title, description, year, language, "
	"audience, is_demo) VALUES ((SELECT id FROM library_kinds WHERE slug = ?), "
	"(SELECT id FROM technoparks WHERE slug = ?), ?, ?, ?, ?, ?, ?, "
	"COALESCE((SELECT u.is_demo FROM users u WHERE u.id = ?), 0))";
static const char sql_update[] =
	"UPDATE library_documents SET kind_id = (SELECT id FROM library_kinds WHERE slug = ?), "
	"technopark_id = (SELECT id FROM technoparks WHERE slug = ?), title = ?, description = ?, year = ?, "
	"language = ?, audience = ?, updated_at = NOW(), version = version + 1 WHERE id = ? AND version = ?";
static const char sql_set_deleted[] =
	"UPDATE library_documents SET deleted_at = CASE WHEN ? THEN NOW() END, version = version + 1 "
	"WHERE id = ? AND version = ? AND (deleted_at IS NULL) = (? = 1)";
static const char sql_touch[] =
	"UPDATE library_documents SET updated_at = NOW(), version = version + 1 WHERE id = ?";

static int
load_row(struct db *db, long long id, struct record_row *r)
{
	struct db_stmt *st = db_prepare(db, sql_load);
	char *v[LIBRARY_NFIELDS] = { NULL };
	int rc, i, found = 0;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		for (i = 0; i < LIBRARY_NFIELDS; i++) {
			const char *s = db_col_text(st, 3 + i);

			if (s != NULL && *s != '\0' && (v[i] = strdup(s)) == NULL)
				found = -1;
		}
		record_row_take(r, db_col_int(st, 0), db_col_int(st, 1), db_col_int(st, 2), v, LIBRARY_NFIELDS);
	}
	db_reset(st);
	for (i = 0; i < LIBRARY_NFIELDS; i++)
		free(v[i]);
	if (rc == DB_ERR || found < 0) {
		record_row_free(r);
		return -1;
	}
	return found;
}

/* The publisher slug as the tables take it: the association is no technopark (NULL). */
static const char *
publisher_slug(const char *v)
{
	return v != NULL && strcmp(v, LIBRARY_ASSOCIATION) != 0 ? v : NULL;
}

static const char *
text_or_empty(const char *v)
{
	return v != NULL ? v : "";
}

/* The technopark id a publisher slug names, 0 for the association or none. */
static long long
publisher_id(struct db *db, const char *slug)
{
	static const char sql[] = "SELECT id FROM technoparks WHERE slug = ?";
	struct db_stmt *st;
	long long id = 0;

	if (publisher_slug(slug) == NULL || (st = db_prepare(db, sql)) == NULL)
		return 0;
	db_bind_text(st, 0, slug);
	if (db_step(st) == DB_ROW)
		id = db_col_int(st, 0);
	db_reset(st);
	return id;
}

static void
bind_values(struct db_stmt *st, int i, const char *const *v)
{
	db_bind_text(st, i, v[LF_KIND]);
	if (publisher_slug(v[LF_PUBLISHER]) != NULL)
		db_bind_text(st, i + 1, v[LF_PUBLISHER]);
	else
		db_bind_null(st, i + 1);
}

static int
doc_create(struct db *db, long long user_id, const char *const *v, long long *new_id)
{
	struct db_stmt *st = db_prepare(db, sql_insert);
	unsigned long long n = 0;
	long long id = 0;

	if (st == NULL)
		return db_err(db);
	bind_values(st, 0, v);
	if (user_id > 0)
		db_bind_int(st, 2, user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, v[LF_TITLE]);
	db_bind_text(st, 4, text_or_empty(v[LF_DESCRIPTION]));
	db_bind_text(st, 5, v[LF_YEAR]);
	db_bind_text(st, 6, v[LF_LANGUAGE]);
	db_bind_text(st, 7, v[LF_AUDIENCE]);
	db_bind_int(st, 8, user_id);
	if (db_write(st, &n, &id) != 0 || n != 1 || search_sync(db, SEARCH_LIBRARY, id) != 0 ||
	    audit_record(db, user_id, "create", "library", id, publisher_id(db, v[LF_PUBLISHER]), NULL,
	    library_fields, NULL, v, LIBRARY_NFIELDS) != 0)
		return db_err(db);
	*new_id = id;
	return 0;
}

/* Lock document id and check it is still at version: 0, TP_ESTALE, TP_ENOTFOUND or a TP_E* code. */
static int
lock_at(struct db *db, long long id, long long version)
{
	struct db_stmt *st = db_prepare(db, sql_lock);
	int rc;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, id);
	rc = db_step(st);
	if (rc == DB_ROW && version >= 0 && db_col_int(st, 0) != version)
		rc = -2;
	db_reset(st);
	return rc == DB_ROW ? 0 : rc == -2 ? TP_ESTALE : rc == DB_DONE ? TP_ENOTFOUND : db_err(db);
}

static int
doc_update(struct db *db, long long user_id, long long id, long long version, const char *const *v)
{
	struct record_row cur;
	struct db_stmt *st;
	unsigned long long n = 0;
	int rc;

	if ((rc = lock_at(db, id, version)) != 0)
		return rc;
	if ((rc = load_row(db, id, &cur)) <= 0)
		return rc < 0 ? db_err(db) : TP_ENOTFOUND;
	rc = db_err(db);
	if ((st = db_prepare(db, sql_update)) == NULL)
		goto out;
	bind_values(st, 0, v);
	db_bind_text(st, 2, v[LF_TITLE]);
	db_bind_text(st, 3, text_or_empty(v[LF_DESCRIPTION]));
	db_bind_text(st, 4, v[LF_YEAR]);
	db_bind_text(st, 5, v[LF_LANGUAGE]);
	db_bind_text(st, 6, v[LF_AUDIENCE]);
	db_bind_int(st, 7, id);
	db_bind_int(st, 8, version);
	if (db_write(st, &n, NULL) != 0)
		goto out;
	rc = TP_ESTALE;
	if (n != 1)
		goto out;
	/* the audit row is the old publisher's: a technopark's history shows a document that left it */
	rc = search_sync(db, SEARCH_LIBRARY, id) != 0 ||
	    audit_record(db, user_id, "update", "library", id, cur.owner, NULL, library_fields,
	    (const char *const *)cur.v, v, LIBRARY_NFIELDS) != 0 ? db_err(db) : 0;
out:
	record_row_free(&cur);
	return rc;
}

static int
library_write(struct db *db, long long user_id, const char *action, long long id, long long owner,
    long long version, const char *const *values, long long *new_id)
{
	(void)owner;
	if (strcmp(action, "create") == 0)
		return doc_create(db, user_id, values, new_id);
	if (strcmp(action, "update") == 0)
		return doc_update(db, user_id, id, version, values);
	return TP_EINVALID;
}

int
library_set_deleted(struct db *db, long long user_id, long long id, long long version, int deleted)
{
	struct record_row cur;
	struct db_stmt *st;
	unsigned long long n = 0;
	long long cid;
	int rc;

	if ((rc = lock_at(db, id, version)) != 0)
		return rc;
	if ((rc = load_row(db, id, &cur)) <= 0)
		return rc < 0 ? db_err(db) : TP_ENOTFOUND;
	rc = db_err(db);
	if ((st = db_prepare(db, sql_set_deleted)) == NULL)
		goto out;
	db_bind_int(st, 0, deleted);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, version);
	db_bind_int(st, 3, deleted);
	if (db_write(st, &n, NULL) != 0)
		goto out;
	rc = TP_ESTALE;
	if (n != 1)
		goto out;
	rc = search_sync(db, SEARCH_LIBRARY, id) != 0 ||
	    audit_change(db, user_id, deleted ? "delete" : "restore", "library", id, cur.owner, NULL, &cid) != 0 ||
	    audit_field(db, cid, "deleted", deleted ? "0" : "1", deleted ? "1" : "0") != 0 ? db_err(db) : 0;
out:
	record_row_free(&cur);
	return rc;
}

/* ---------------------------------------------------------------- files and versions */

static const char sql_file_of_name[] =
	"SELECT lf.file_no, MAX(lf.version) FROM library_files lf JOIN attachments a ON a.id = lf.attachment_id "
	"WHERE lf.document_id = ? AND a.filename = ? GROUP BY lf.file_no ORDER BY lf.file_no DESC LIMIT 1";
static const char sql_max_file[] = "SELECT COALESCE(MAX(file_no), 0) FROM library_files WHERE document_id = ?";
static const char sql_file_insert[] =
	"INSERT INTO library_files (attachment_id, document_id, file_no, version, text_state) "
	"VALUES (?, ?, ?, ?, ?)";
static const char sql_file_count[] = "SELECT COUNT(*) FROM library_files WHERE document_id = ?";

/* Which file and version an upload named filename becomes in document doc_id. 0 or DB_ERR. */
static int
file_slot(struct db *db, long long doc_id, const char *filename, long long *file_no, long long *version)
{
	struct db_stmt *st = db_prepare(db, sql_file_of_name);
	int rc;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, doc_id);
	db_bind_text(st, 1, filename);
	if ((rc = db_step(st)) == DB_ROW) {
		*file_no = db_col_int(st, 0);
		*version = db_col_int(st, 1) + 1;
	}
	db_reset(st);
	if (rc == DB_ROW)
		return 0;
	if (rc != DB_DONE || (st = db_prepare(db, sql_max_file)) == NULL)
		return DB_ERR;
	db_bind_int(st, 0, doc_id);
	rc = db_step(st);
	*file_no = rc == DB_ROW ? db_col_int(st, 0) + 1 : 0;
	*version = 1;
	db_reset(st);
	return rc == DB_ROW ? 0 : DB_ERR;
}

int
library_files_add(struct db *db, long long user_id, long long doc_id, long long tp_id, const struct attach_batch *b)
{
	struct db_stmt *st;
	long long file_no, version, cid;
	char field[40], ver[24];
	size_t i;
	int rc;

	if (b->n == 0)
		return 0;
	/* one writer of a document's files at a time: two uploads of one name are two versions, in order */
	if ((rc = lock_at(db, doc_id, -1)) != 0)
		return rc;
	if (audit_change(db, user_id, "attach", "library", doc_id, tp_id, NULL, &cid) != 0)
		return db_err(db);
	for (i = 0; i < b->n; i++) {
		if (file_slot(db, doc_id, b->f[i].filename, &file_no, &version) != 0 ||
		    (st = db_prepare(db, sql_file_insert)) == NULL)
			return db_err(db);
		db_bind_int(st, 0, b->f[i].id);
		db_bind_int(st, 1, doc_id);
		db_bind_int(st, 2, file_no);
		db_bind_int(st, 3, version);
		/* a PDF waits for the indexer's pdftotext; other types are found by their names (a bound value
		 * compared with a literal in SQL would mix collations: decided here) */
		db_bind_text(st, 4, strcmp(b->f[i].mime, "application/pdf") == 0 ? "pending" : "none");
		if (db_write(st, NULL, NULL) != 0)
			return db_err(db);
		/* attachment.<id>: its name; version.<id>: which file and version it became ("2.1") */
		snprintf(field, sizeof(field), "attachment.%lld", b->f[i].id);
		if (audit_field(db, cid, field, NULL, b->f[i].filename) != 0)
			return db_err(db);
		snprintf(field, sizeof(field), "version.%lld", b->f[i].id);
		snprintf(ver, sizeof(ver), "%lld.%lld", file_no, version);
		if (audit_field(db, cid, field, NULL, ver) != 0)
			return db_err(db);
	}
	if ((st = db_prepare(db, sql_touch)) == NULL)
		return db_err(db);
	db_bind_int(st, 0, doc_id);
	if (db_write(st, NULL, NULL) != 0 || search_sync(db, SEARCH_LIBRARY, doc_id) != 0)
		return db_err(db);
	return 0;
}

int
library_file_count(struct db *db, long long id)
{
	struct db_stmt *st = db_prepare(db, sql_file_count);
	int rc, n = -1;

	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW)
		n = (int)db_col_int(st, 0);
	db_reset(st);
	return n;
}

/* ---------------------------------------------------------------- the record descriptions */

static const char *const languages[] = { "ko", "en", "ko_en", "other", NULL };
static const char *const audiences[] = { "public", "signed_in", NULL };

static const struct record_field library_record_fields[LIBRARY_NFIELDS] = {
	{ "title",	FT_LINE, 1, 1, 200, NULL, "library_admin.field.title", SHOW_TEXT, NULL },
	{ "kind",	FT_LINE, 1, 1, 40, NULL, "library_admin.field.kind", SHOW_NAMES, NULL },
	{ "publisher",	FT_LINE, 0, 1, 40, NULL, "library_admin.field.publisher", SHOW_NAMES, NULL },
	{ "year",	FT_INT, 1, 1950, 2100, NULL, "library_admin.field.year", SHOW_TEXT, NULL },
	{ "language",	FT_ENUM, 1, 0, 0, languages, "library_admin.field.language", SHOW_NAMES, NULL },
	{ "audience",	FT_ENUM, 1, 0, 0, audiences, "library_admin.field.audience", SHOW_NAMES, NULL },
	{ "description", FT_TEXT, 0, 0, 5000, NULL, "library_admin.field.description", SHOW_TEXT, NULL },
};

static const char sql_kind_name[] = "SELECT name_ko FROM library_kinds WHERE slug = ?";
static const char sql_publisher_name[] = "SELECT name_ko FROM technoparks WHERE slug = ?";

/* Names for the conflict page and the audit log: a kind's and a publisher's (the rest are language words). */
static int
library_record_names(struct db *db, const char *field, const char *slug, char *out, size_t size)
{
	struct db_stmt *st;
	int rc;

	if (strcmp(field, "kind") != 0 && (strcmp(field, "publisher") != 0 || strcmp(slug, LIBRARY_ASSOCIATION) == 0))
		return -1;
	if ((st = db_prepare(db, strcmp(field, "kind") == 0 ? sql_kind_name : sql_publisher_name)) == NULL)
		return -1;
	db_bind_text(st, 0, slug);
	if ((rc = db_step(st)) == DB_ROW)
		snprintf(out, size, "%s", db_col_text(st, 0) != NULL ? db_col_text(st, 0) : slug);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

const struct record_desc library_record = {
	"library", "library_documents", "id", "version",
	"the publisher's member admin or the secretariat (access_library)",
	"/admin/library/{id}",
	library_record_fields, LIBRARY_NFIELDS,
	load_row, library_write, library_record_names
};
