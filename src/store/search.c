/*
 * search.c - the full-text index kept in step with the records, inside their transactions.
 *
 * Each kind's text is built by one INSERT ... SELECT from the record's own tables, for a range of ids:
 * a save re-indexes the range id..id, a rebuild ranges of a few hundred. The indexed text of a
 * search_docs row never changes once written (sql/005_search.sql says why): a sync retires the live
 * version (live = 0) and inserts the current one, so a ROLLBACK leaves the index as it was.
 *
 * Retired versions are deleted by a later sync of the same record once they have been retired for
 * ten minutes, and all at once by `tpportal-admin reindex`. The delay is what makes the delete safe:
 * deleting a row drops its Groonga entries for good, even if the deleting transaction rolls back, so
 * only versions retired by transactions that have certainly committed may go. A version another
 * transaction is retiring right now is locked (the DELETE waits for it); one this transaction retired
 * is younger than ten minutes, since no request holds a transaction anywhere near that long.
 */
#include <string.h>

#include "store/db.h"
#include "store/search.h"

/* Markdown's HTML (cmark, safe mode) as plain text: tags dropped, the entities cmark writes decoded. */
#define PLAIN(html) \
	"REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(" html ", '<[^>]*>', ''), " \
	"'&lt;', '<'), '&gt;', '>'), '&quot;', '\"'), '&#39;', ''''), '&amp;', '&')"

#define INSERT_DOCS \
	"INSERT INTO search_docs (kind, ref_id, technopark_id, slug, meta, is_demo, title, body, at) "

/* A technopark: its names, summary, focus industries and dated activities. */
static const char sql_members[] = INSERT_DOCS
	"SELECT 'members', t.id, t.id, t.slug, r.name_ko, 0, t.name_ko, CONCAT_WS(CHAR(10), t.name_en, t.summary, "
	" (SELECT GROUP_CONCAT(i.name_ko ORDER BY i.name_ko SEPARATOR ', ') FROM technopark_industries ti "
	"  JOIN industries i ON i.id = ti.industry_id WHERE ti.technopark_id = t.id), "
	" (SELECT GROUP_CONCAT(e.description ORDER BY e.year IS NULL, e.year, e.sort, e.id SEPARATOR '\\n') "
	"  FROM technopark_events e WHERE e.technopark_id = t.id)), t.updated_at "
	"FROM technoparks t JOIN regions r ON r.id = t.region_id WHERE t.id BETWEEN ? AND ?";
/* A visible person: name, title and department. Phone and e-mail are never indexed. */
static const char sql_people[] = INSERT_DOCS
	"SELECT 'people', p.id, p.technopark_id, t.slug, COALESCE(t.name_ko, a.name_ko), p.is_demo, p.name, "
	"CONCAT_WS(CHAR(10), p.title, p.department), p.updated_at "
	"FROM people p LEFT JOIN technoparks t ON t.id = p.technopark_id JOIN association a ON a.id = 1 "
	"WHERE p.visible = 1 AND p.id BETWEEN ? AND ?";
/* A listed article: published and not deleted. */
static const char sql_news[] = INSERT_DOCS
	"SELECT 'news', n.id, n.technopark_id, NULL, CONCAT_WS(' · ', c.name_ko, COALESCE(t.name_ko, a.name_ko)), "
	"n.is_demo, n.title, " PLAIN("n.body_html") ", COALESCE(n.published_at, n.updated_at) "
	"FROM news_articles n JOIN news_categories c ON c.id = n.category_id "
	"LEFT JOIN technoparks t ON t.id = n.technopark_id JOIN association a ON a.id = 1 "
	"WHERE n.listed = 1 AND n.id BETWEEN ? AND ?";
/* A meeting: what its page shows everyone (agenda, resolutions, note, the names of its documents) and its
 * minutes once published. */
static const char sql_committees[] = INSERT_DOCS
	"SELECT 'committees', g.id, NULL, c.slug, c.name_ko, g.is_demo, g.title, CONCAT_WS(CHAR(10), c.name_ko, "
	" g.place, g.note, "
	" (SELECT GROUP_CONCAT(CONCAT_WS(' ', i.title, i.description) ORDER BY i.position, i.id SEPARATOR '\\n') "
	"  FROM committee_agenda_items i WHERE i.meeting_id = g.id), "
	" (SELECT GROUP_CONCAT(r.body ORDER BY i.position, i.id, r.id SEPARATOR '\\n') FROM committee_resolutions r "
	"  JOIN committee_agenda_items i ON i.id = r.agenda_item_id WHERE i.meeting_id = g.id), "
	" (SELECT " PLAIN("m.body_html") " FROM committee_minutes m WHERE m.meeting_id = g.id AND m.published = 1), "
	" (SELECT GROUP_CONCAT(f.filename ORDER BY f.id SEPARATOR '\\n') FROM attachments f "
	"  WHERE f.owner_type = 'meeting' AND f.owner_id = g.id)), "
	"g.starts_at FROM committee_meetings g JOIN committees c ON c.id = g.committee_id WHERE g.id BETWEEN ? AND ?";

/* For a rebuild: how many records there are, and the next batch of their ids from a given one. */
#define COUNT(table)	"SELECT COUNT(*) FROM " table
#define BATCH(table)	"SELECT COALESCE(MAX(id), 0), COUNT(*) FROM (SELECT id FROM " table " WHERE id >= ? ORDER BY id LIMIT ?) b"
/* The entries past the last record's id (of records deleted meanwhile) are re-indexed too: away. */
#define LAST_REF(kind)	"SELECT COALESCE(MAX(ref_id), 0) FROM search_docs WHERE kind = '" kind "'"

static const struct {
	const char	*name;
	const char	*sql_insert;
	const char	*sql_count;
	const char	*sql_batch;
	const char	*sql_last_ref;
} kinds[SEARCH_NKINDS] = {
	{ "members",	sql_members,	COUNT("technoparks"),		BATCH("technoparks"),		LAST_REF("members") },
	{ "people",	sql_people,	COUNT("people"),		BATCH("people"),		LAST_REF("people") },
	{ "news",	sql_news,	COUNT("news_articles"),		BATCH("news_articles"),		LAST_REF("news") },
	{ "committees",	sql_committees,	COUNT("committee_meetings"),	BATCH("committee_meetings"),	LAST_REF("committees") },
};

static const char sql_purge_key[] =
	"DELETE FROM search_docs WHERE kind = ? AND ref_id BETWEEN ? AND ? AND live = 0 "
	"AND retired_at < NOW() - INTERVAL 10 MINUTE";
static const char sql_retire[] =
	"UPDATE search_docs SET live = 0, retired_at = NOW() WHERE kind = ? AND ref_id BETWEEN ? AND ? AND live = 1";
static const char sql_purge_range[] = "DELETE FROM search_docs WHERE live = 0 AND id BETWEEN ? AND ?";
static const char sql_max_doc[] = "SELECT COALESCE(MAX(id), 0) FROM search_docs";
/* A rebuild reads the records without locking them, so it never waits on (or deadlocks with) a save. */
static const char sql_read_committed[] = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";

const char *
search_kind_name(enum search_kind kind)
{
	return (unsigned)kind < SEARCH_NKINDS ? kinds[kind].name : NULL;
}

int
search_kind_parse(const char *name, enum search_kind *kind)
{
	int i;

	for (i = 0; name != NULL && i < SEARCH_NKINDS; i++)
		if (strcmp(name, kinds[i].name) == 0) {
			*kind = (enum search_kind)i;
			return 1;
		}
	return 0;
}

/* Run a write over kind's range lo..hi (bound as kind, lo, hi unless kind_first is 0); *n gets the rows. */
static int
run(struct db *db, const char *sql, enum search_kind kind, int kind_first, long long lo, long long hi,
    long long *n)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc, i = 0;

	if (st == NULL)
		return DB_ERR;
	if (kind_first)
		db_bind_text(st, i++, kinds[kind].name);
	db_bind_int(st, i++, lo);
	db_bind_int(st, i, hi);
	rc = db_step(st);
	if (rc == DB_DONE && n != NULL)
		*n = (long long)db_affected(st);
	db_reset(st);
	return rc == DB_DONE ? 0 : DB_ERR;
}

/* Purge, retire and insert for kind's records lo..hi inside the current transaction. */
static int
index_range(struct db *db, enum search_kind kind, long long lo, long long hi, long long *indexed)
{
	if ((unsigned)kind >= SEARCH_NKINDS)
		return DB_ERR;
	if (run(db, sql_purge_key, kind, 1, lo, hi, NULL) != 0 ||
	    run(db, sql_retire, kind, 1, lo, hi, NULL) != 0 ||
	    run(db, kinds[kind].sql_insert, kind, 0, lo, hi, indexed) != 0)
		return DB_ERR;
	return 0;
}

int
search_sync(struct db *db, enum search_kind kind, long long id)
{
	return index_range(db, kind, id, id, NULL);
}

/* The first column of a one-row query without parameters, or -1. */
static long long
scalar(struct db *db, const char *sql)
{
	struct db_stmt *st = db_prepare(db, sql);
	long long v = -1;

	if (st == NULL)
		return -1;
	if (db_step(st) == DB_ROW)
		v = db_col_int(st, 0);
	db_reset(st);
	return v;
}

long long
search_count(struct db *db, enum search_kind kind)
{
	return (unsigned)kind < SEARCH_NKINDS ? scalar(db, kinds[kind].sql_count) : -1;
}

long long
search_next_batch(struct db *db, enum search_kind kind, long long from, long long batch, long long *hi)
{
	struct db_stmt *st;
	long long n = -1, last;

	if ((unsigned)kind >= SEARCH_NKINDS || (st = db_prepare(db, kinds[kind].sql_batch)) == NULL)
		return -1;
	db_bind_int(st, 0, from);
	db_bind_int(st, 1, batch);
	if (db_step(st) == DB_ROW) {
		*hi = db_col_int(st, 0);
		n = db_col_int(st, 1);
	}
	db_reset(st);
	if (n == 0) {	/* past the last record: what is left are the index entries of deleted ones */
		if ((last = scalar(db, kinds[kind].sql_last_ref)) < 0)
			return -1;
		*hi = last;
	}
	return n;
}

long long
search_max_doc_id(struct db *db)
{
	return scalar(db, sql_max_doc);
}

int
search_reindex_range(struct db *db, enum search_kind kind, long long lo, long long hi, long long *indexed)
{
	*indexed = 0;
	if (db_exec(db, sql_read_committed) != 0 || db_begin(db) != 0)
		return DB_ERR;
	if (index_range(db, kind, lo, hi, indexed) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		return DB_ERR;
	}
	return 0;
}

long long
search_purge_range(struct db *db, long long lo, long long hi)
{
	long long n = 0;

	return run(db, sql_purge_range, 0, 0, lo, hi, &n) == 0 ? n : -1;
}
