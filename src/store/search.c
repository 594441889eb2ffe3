/*
 * search.c - the full-text index (search_docs) and its work queue (search_queue, sql/006_index_queue.sql).
 *
 * A save only queues its record (search_sync, in the save's transaction). The indexer (store/indexer.c)
 * applies committed queue rows one at a time; `tpportal-admin reindex` rebuilds ranges of ids. Both write
 * search_docs only while holding one named lock of the database (GET_LOCK), so Mroonga never has two
 * writers at once, in this process or any other: with concurrent writers it failed (error 1467).
 *
 * Each kind's text is built by one INSERT ... SELECT from the record's own tables, for a range of ids:
 * the indexer re-indexes the range id..id, a rebuild ranges of a few hundred. Both read the records in
 * READ COMMITTED, so they never lock a record a save is writing (nor wait for one). search_docs is Mroonga
 * in storage mode (sql/040_search_storage.sql): re-indexing deletes the record's entry and inserts its
 * current text. Storage mode ignores ROLLBACK; a failed attempt keeps its queue row (InnoDB) and the next
 * attempt replaces whatever the failed one left, so the index converges on the records.
 *
 * After each change the kind's tier (the SEARCH_TIER newest entries, copied into tier_title/tier_body with
 * a full-text index of their own) is balanced again and search_sizes records the kind's sizes: what the
 * search page needs to estimate the count of a broad query without reading its matches.
 */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/indexer.h"
#include "store/search.h"

/* Markdown's HTML (cmark, safe mode) as plain text: tags dropped, the entities cmark writes decoded. */
#define PLAIN(html) \
	"REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(" html ", '<[^>]*>', ''), " \
	"'&lt;', '<'), '&gt;', '>'), '&quot;', '\"'), '&#39;', ''''), '&amp;', '&')"

#define INSERT_DOCS \
	"INSERT INTO search_docs (kind, ref_id, technopark_id, slug, meta, is_demo, title, body, at) "

/* A technopark: its names, summary, focus industries and dated activities. */
static const char sql_members[] = INSERT_DOCS
	"SELECT 'members', t.id, t.id, t.slug, r.name_ko, 0, t.name_ko, CONCAT_WS(CHAR(10), t.name_en, t.summary, t.summary_en, "
	" (SELECT GROUP_CONCAT(i.name_ko ORDER BY i.name_ko SEPARATOR ', ') FROM technopark_industries ti "
	"  JOIN industries i ON i.id = ti.industry_id WHERE ti.technopark_id = t.id), "
	" (SELECT GROUP_CONCAT(e.description ORDER BY e.year IS NULL, e.year, e.sort, e.id SEPARATOR '\\n') "
	"  FROM technopark_events e WHERE e.technopark_id = t.id)), t.updated_at "
	"FROM technoparks t JOIN regions r ON r.id = t.region_id WHERE t.id BETWEEN ? AND ?";
/* A visible person: name, title, department, organisation (so that the words of a query may match across
 * them: "충남테크노파크 배예시") and, for a real person, the note on the post (a seed person's "진흥회 초대
 * 회장...", so a result says what the source says of the office). Phone and e-mail are never indexed. */
static const char sql_people[] = INSERT_DOCS
	"SELECT 'people', p.id, p.technopark_id, t.slug, COALESCE(t.name_ko, a.name_ko), p.is_demo, p.name, "
	"CONCAT_WS(CHAR(10), p.title, p.department, COALESCE(t.name_ko, a.name_ko), CASE WHEN p.is_demo = 0 THEN p.note END), "
	"p.updated_at "
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

/* The about page (/about): the association's names, summary, address, history, chairs, functions,
 * joint programmes and publications. It has no time of its own: it sorts after dated records of equal
 * relevance. */
static const char sql_about[] = INSERT_DOCS
	"SELECT 'about', a.id, NULL, NULL, a.legal_form, 0, a.name_ko, CONCAT_WS(CHAR(10), a.name_en, a.summary, a.summary_en, a.address, "
	" (SELECT GROUP_CONCAT(CONCAT_WS(' ', h.year, h.year_note, h.title, h.description) ORDER BY h.year, h.sort, h.id "
	"  SEPARATOR '\n') FROM association_history h), "
	" (SELECT GROUP_CONCAT(CONCAT_WS(' ', l.ordinal_note, l.role, l.name, l.affiliation) ORDER BY l.sort, l.id "
	"  SEPARATOR '\n') FROM association_leaders l), "
	" (SELECT GROUP_CONCAT(CONCAT_WS(' ', f.title, f.description) ORDER BY f.kind, f.sort, f.id SEPARATOR '\n') "
	"  FROM association_functions f)), TIMESTAMP '2000-01-01 00:00:00' "
	"FROM association a WHERE a.id BETWEEN ? AND ?";
/* A committee itself (/committees/{slug}): its names, purpose and composition. */
static const char sql_bodies[] = INSERT_DOCS
	"SELECT 'bodies', c.id, NULL, c.slug, c.name_en, 0, c.name_ko, CONCAT_WS(CHAR(10), c.name_en, c.purpose, "
	"c.composition, c.purpose_en, c.composition_en), TIMESTAMP '2000-01-01 00:00:00' FROM committees c WHERE c.id BETWEEN ? AND ?";

/* A listed library document: its title, description, kind, publisher and year, and of each of its files
 * the newest version's name and the text the indexer extracted from it (library_files.text, filled by
 * store/library_text.c before the document is indexed). */
static const char sql_library[] =
	"INSERT INTO search_docs (kind, ref_id, technopark_id, slug, meta, is_demo, signed_in_only, title, body, at) "
	"SELECT 'library', d.id, d.technopark_id, NULL, CONCAT_WS(' · ', k.name_ko, COALESCE(t.name_ko, a.name_ko), d.year), "
	"d.is_demo, d.audience = 'signed_in', d.title, CONCAT_WS(CHAR(10), d.description, k.name_ko, k.name_en, "
	" (SELECT GROUP_CONCAT(CONCAT_WS(CHAR(10), f.filename, lf.text) ORDER BY lf.file_no SEPARATOR '\\n') "
	"  FROM library_files lf JOIN attachments f ON f.id = lf.attachment_id WHERE lf.document_id = d.id "
	"  AND lf.version = (SELECT MAX(l2.version) FROM library_files l2 WHERE l2.document_id = d.id "
	"  AND l2.file_no = lf.file_no))), d.created_at "
	"FROM library_documents d JOIN library_kinds k ON k.id = d.kind_id "
	"LEFT JOIN technoparks t ON t.id = d.technopark_id JOIN association a ON a.id = 1 "
	"WHERE d.listed = 1 AND d.id BETWEEN ? AND ?";

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
	{ "about",	sql_about,	COUNT("association"),		BATCH("association"),		LAST_REF("about") },
	{ "bodies",	sql_bodies,	COUNT("committees"),		BATCH("committees"),		LAST_REF("bodies") },
	{ "library",	sql_library,	COUNT("library_documents"),	BATCH("library_documents"),	LAST_REF("library") },
};

/* A record's entries go before its current text is inserted (storage mode: no versions, sql/040). */
static const char sql_delete[] = "DELETE FROM search_docs WHERE kind = ? AND ref_id BETWEEN ? AND ?";
static const char sql_max_doc[] = "SELECT COALESCE(MAX(id), 0) FROM search_docs";
/* The indexer and a rebuild read the records without locking them: they never wait on (or deadlock
 * with) a save, and a queue row never waits for the saves appending behind it (no gap locks). */
static const char sql_read_committed[] = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";

/* The tier (sql/040_search_storage.sql): the SEARCH_TIER newest entries of a kind, their text copied into
 * tier_title and tier_body. The cut is the time of the SEARCH_TIER-th newest (ties at it all stay in). */
static const char sql_tier_cut[] =
	"SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') FROM search_docs WHERE kind = ? ORDER BY at DESC LIMIT 1 OFFSET ?";
/* Who leaves and who enters, a chunk at a time, then each by its id: an UPDATE that ranges over the index
 * holding the column it changes (k_search_tier) crashed MariaDB 10.11's Mroonga 7.07 (signal 11 in
 * handler::read_range_next), so the ids are read first and the rows changed by primary key. */
static const char sql_tier_leaving[] =
	"SELECT id FROM search_docs WHERE tier = 1 AND kind = ? AND at < ? LIMIT 1000";
static const char sql_tier_entering[] =
	"SELECT id FROM search_docs WHERE tier = 0 AND kind = ? AND at >= ? LIMIT 1000";
static const char sql_tier_out[] = "UPDATE search_docs SET tier = 0, tier_title = '', tier_body = '' WHERE id = ?";
static const char sql_tier_in[] = "UPDATE search_docs SET tier = 1, tier_title = title, tier_body = body WHERE id = ?";
static const char sql_tier_count[] = "SELECT COUNT(*) FROM search_docs WHERE tier = 1 AND kind = ?";
static const char sql_docs_count[] = "SELECT COUNT(*) FROM search_docs WHERE kind = ?";
/* search_sizes: the tier's size after each change, the index's by the change's difference (or a count). */
static const char sql_sizes_tier[] =
	"INSERT INTO search_sizes (kind, docs, tier_docs) VALUES (?, 0, ?) "
	"ON DUPLICATE KEY UPDATE tier_docs = VALUES(tier_docs)";
static const char sql_sizes_add[] =
	"INSERT INTO search_sizes (kind, docs, tier_docs) VALUES (?, GREATEST(0, ?), 0) "
	"ON DUPLICATE KEY UPDATE docs = GREATEST(0, CAST(docs AS SIGNED) + ?)";
static const char sql_sizes_set[] =
	"INSERT INTO search_sizes (kind, docs, tier_docs) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE docs = VALUES(docs)";

/* The one writer of search_docs at a time, across every process using this database. */
static const char sql_lock[] = "SELECT GET_LOCK(CONCAT(DATABASE(), '.search_docs_writer'), ?)";
static const char sql_unlock[] = "SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.search_docs_writer'))";

/* The queue (sql/006_index_queue.sql). */
static const char sql_enqueue[] = "INSERT INTO search_queue (kind, ref_id) VALUES (?, ?)";
static const char sql_pending[] =
	"SELECT EXISTS (SELECT 1 FROM search_queue WHERE retry_at <= CURRENT_TIMESTAMP(3))";
/* The oldest committed row no other indexer holds: uncommitted rows of saves in flight are skipped. */
static const char sql_take[] =
	"SELECT id, kind, ref_id FROM search_queue WHERE retry_at <= CURRENT_TIMESTAMP(3) "
	"ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";
static const char sql_done[] = "DELETE FROM search_queue WHERE id = ?";
/* After a failed attempt: wait 2 s per failure so far, at most a minute. */
static const char sql_failed[] =
	"UPDATE search_queue SET retry_at = CURRENT_TIMESTAMP(3) + INTERVAL LEAST(60, 2 * (tries + 1)) SECOND, "
	"tries = tries + 1 WHERE id = ?";	/* in this order: MariaDB assigns left to right */

/*
 * On a Galera node (sql/045_search_nodes.sql) every node applies every queue row to its own index, so
 * a row is not deleted when applied: the node marks it in its own search_applied (Aria: not
 * replicated), with its own tries and retry time, and moves its mark search_node.below past rows it
 * has applied that are older than a minute (an id is taken when a save inserts its row, so a younger
 * row with a smaller id may still commit). Rows are pruned a day after they were queued.
 */
static const char sql_galera[] =
	"SELECT COALESCE((SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_VARIABLES "
	"WHERE VARIABLE_NAME = 'WSREP_ON'), 'OFF') = 'ON'";
#define NODE_TODO \
	"FROM search_queue q LEFT JOIN search_applied a ON a.queue_id = q.id " \
	"WHERE q.id >= COALESCE((SELECT below FROM search_node WHERE id = 1), 0) " \
	"AND (a.queue_id IS NULL OR (a.done = 0 AND a.retry_at <= CURRENT_TIMESTAMP(3))) "
static const char sql_node_pending[] = "SELECT EXISTS (SELECT 1 " NODE_TODO ")";
static const char sql_node_take[] = "SELECT q.id, q.kind, q.ref_id " NODE_TODO "ORDER BY q.id LIMIT 1";
static const char sql_node_done[] =
	"INSERT INTO search_applied (queue_id, done) VALUES (?, 1) ON DUPLICATE KEY UPDATE done = 1";
static const char sql_node_failed[] =
	"INSERT INTO search_applied (queue_id, done, tries, retry_at) VALUES (?, 0, 1, CURRENT_TIMESTAMP(3) + "
	"INTERVAL 2 SECOND) ON DUPLICATE KEY UPDATE done = 0, "
	"retry_at = CURRENT_TIMESTAMP(3) + INTERVAL LEAST(60, 2 * (tries + 1)) SECOND, tries = tries + 1";
static const char sql_node_mark[] =
	"INSERT INTO search_node (id, below) SELECT 1, COALESCE("
	" (SELECT MIN(q.id) FROM search_queue q LEFT JOIN search_applied a ON a.queue_id = q.id "
	"  WHERE q.id >= COALESCE((SELECT below FROM search_node WHERE id = 1), 0) "
	"  AND (a.done IS NULL OR a.done = 0 OR q.queued_at > CURRENT_TIMESTAMP(3) - INTERVAL 60 SECOND)), "
	" (SELECT MAX(id) + 1 FROM search_queue), COALESCE((SELECT below FROM search_node WHERE id = 1), 0)) "
	"ON DUPLICATE KEY UPDATE below = GREATEST(below, VALUES(below))";
static const char sql_node_prune_queue[] =
	"DELETE FROM search_queue WHERE queued_at < CURRENT_TIMESTAMP(3) - INTERVAL 1 DAY LIMIT 1000";
static const char sql_node_prune_marks[] =
	"DELETE FROM search_applied WHERE queue_id < (SELECT COALESCE(MIN(id), 18446744073709551615) FROM search_queue)";

#define LOCK_WAIT_S	30	/* a rebuild's batch waits this long for the indexer's turn to end */

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

/* Run a statement binding kind's name and then, when given, a number and a text. *n gets the rows changed. */
static int
kind_write(struct db *db, const char *sql, enum search_kind kind, const long long *num, const char *text,
    long long *n)
{
	struct db_stmt *st = db_prepare(db, sql);
	unsigned long long affected = 0;
	int rc, i = 1;

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, 0, kinds[kind].name);
	if (num != NULL)
		db_bind_int(st, i++, *num);
	if (text != NULL)
		db_bind_text(st, i++, text);
	rc = db_write(st, &affected, NULL);
	if (n != NULL)
		*n = (long long)affected;
	return rc;
}

/* The first column of a one-row query binding kind (and a number when num is given), as text into out
 * (size bytes; "" when NULL) or as a number into *v. 1 with a row, 0 without, DB_ERR. */
static int
kind_scalar(struct db *db, const char *sql, enum search_kind kind, const long long *num, char *out, size_t size,
    long long *v)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc;

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, 0, kinds[kind].name);
	if (num != NULL)
		db_bind_int(st, 1, *num);
	if ((rc = db_step(st)) == DB_ROW) {
		if (out != NULL)
			snprintf(out, size, "%s", db_col_isnull(st, 0) ? "" : db_col_text(st, 0));
		if (v != NULL)
			*v = db_col_int(st, 0);
	}
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : DB_ERR;
}

#define TIER_CHUNK	1000	/* sql_tier_leaving's and sql_tier_entering's LIMIT */

/* Move the entries of kind that sql_select (binding kind and cut) finds by sql_move, a chunk at a time,
 * until none is left. 0 or DB_ERR. */
static int
tier_move(struct db *db, const char *sql_select, const char *sql_move, enum search_kind kind, const char *cut)
{
	long long ids[TIER_CHUNK];	/* 8 KB */
	struct db_stmt *st;
	unsigned long long n;
	int rc, got, i;

	do {
		if ((st = db_prepare(db, sql_select)) == NULL)
			return DB_ERR;
		db_bind_text(st, 0, kinds[kind].name);
		db_bind_text(st, 1, cut);
		for (got = 0; got < TIER_CHUNK && (rc = db_step(st)) == DB_ROW; got++)
			ids[got] = db_col_int(st, 0);
		db_reset(st);
		if (got < TIER_CHUNK && rc != DB_DONE)
			return DB_ERR;
		for (i = 0; i < got; i++) {
			if ((st = db_prepare(db, sql_move)) == NULL)
				return DB_ERR;
			db_bind_int(st, 0, ids[i]);
			if (db_write(st, &n, NULL) != 0)
				return DB_ERR;
		}
	} while (got == TIER_CHUNK);
	return 0;
}

/* Make the tier of kind its SEARCH_TIER newest entries again, and record its size. 0 or DB_ERR. */
static int
tier_balance(struct db *db, enum search_kind kind)
{
	long long off = SEARCH_TIER - 1, n = 0;
	char cut[32];
	int rc;

	if ((rc = kind_scalar(db, sql_tier_cut, kind, &off, cut, sizeof(cut), NULL)) < 0)
		return DB_ERR;
	if (rc == 0)
		snprintf(cut, sizeof(cut), "1000-01-01 00:00:00");	/* fewer than SEARCH_TIER: every one */
	if (tier_move(db, sql_tier_leaving, sql_tier_out, kind, cut) != 0 ||
	    tier_move(db, sql_tier_entering, sql_tier_in, kind, cut) != 0 ||
	    kind_scalar(db, sql_tier_count, kind, NULL, NULL, 0, &n) != 1 ||
	    kind_write(db, sql_sizes_tier, kind, &n, NULL, NULL) != 0)
		return DB_ERR;
	return 0;
}

/* Add delta to kind's entry count in search_sizes. 0 or DB_ERR. */
static int
sizes_add(struct db *db, enum search_kind kind, long long delta)
{
	struct db_stmt *st = db_prepare(db, sql_sizes_add);
	unsigned long long n;

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, 0, kinds[kind].name);
	db_bind_int(st, 1, delta);
	db_bind_int(st, 2, delta);
	return db_write(st, &n, NULL);
}

/*
 * Replace the entries of kind's records lo..hi by their current text inside the current transaction, then
 * keep the tier and the sizes. Storage mode does not roll back: a failed attempt leaves what it wrote, and
 * the next attempt (its queue row stays) deletes it again.
 */
static int
index_range(struct db *db, enum search_kind kind, long long lo, long long hi, long long *indexed)
{
	long long gone = 0, added = 0;

	if ((unsigned)kind >= SEARCH_NKINDS)
		return DB_ERR;
	if (run(db, sql_delete, kind, 1, lo, hi, &gone) != 0 ||
	    run(db, kinds[kind].sql_insert, kind, 0, lo, hi, &added) != 0 ||
	    sizes_add(db, kind, added - gone) != 0 || tier_balance(db, kind) != 0)
		return DB_ERR;
	if (indexed != NULL)
		*indexed = added;
	return 0;
}

int
search_tier_refresh(struct db *db)
{
	long long n;
	int k, rc = DB_ERR;

	if (search_writer_lock(db, LOCK_WAIT_S) != 1)
		return DB_ERR;
	if (db_exec(db, sql_read_committed) != 0 || db_begin(db) != 0)
		goto out;
	for (k = 0; k < SEARCH_NKINDS; k++)
		if (kind_scalar(db, sql_docs_count, (enum search_kind)k, NULL, NULL, 0, &n) != 1 ||
		    kind_write(db, sql_sizes_set, (enum search_kind)k, &n, NULL, NULL) != 0 ||
		    tier_balance(db, (enum search_kind)k) != 0) {
			db_rollback(db);
			goto out;
		}
	/* search_docs and search_sizes are untracked (store/dbcache.c): the pages showing them are made again */
	rc = db_commit(db) == 0 ? db_bump_data(db) : DB_ERR;
out:
	search_writer_unlock(db);
	return rc;
}

int
search_sync(struct db *db, enum search_kind kind, long long id)
{
	struct db_stmt *st;

	if ((unsigned)kind >= SEARCH_NKINDS || (st = db_prepare(db, sql_enqueue)) == NULL)
		return DB_ERR;
	db_bind_text(st, 0, kinds[kind].name);
	db_bind_int(st, 1, id);
	if (db_step(st) != DB_DONE) {
		db_reset(st);
		return DB_ERR;
	}
	db_reset(st);
	db_after_commit(db, indexer_wake);	/* the row is only visible to the indexer once committed */
	return 0;
}

/* The first column of a one-row query taking one number (or none when n < 0): *v gets it. 0 or DB_ERR. */
static int
scalar1(struct db *db, const char *sql, long long n, long long *v)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc;

	if (st == NULL)
		return DB_ERR;
	if (n >= 0)
		db_bind_int(st, 0, n);
	if ((rc = db_step(st)) == DB_ROW)
		*v = db_col_isnull(st, 0) ? -1 : db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 0 : DB_ERR;
}

int
search_writer_lock(struct db *db, int wait_s)
{
	long long got = -1;

	if (scalar1(db, sql_lock, wait_s, &got) != 0 || got < 0)
		return DB_ERR;
	return got == 1;
}

void
search_writer_unlock(struct db *db)
{
	long long v;

	(void)scalar1(db, sql_unlock, -1, &v);	/* a lost connection released it anyway */
}

int
search_queue_galera(struct db *db)
{
	long long v = 0;

	return scalar1(db, sql_galera, -1, &v) != 0 ? DB_ERR : v > 0;
}

int
search_queue_pending(struct db *db, int galera)
{
	long long v = 0;

	return scalar1(db, galera ? sql_node_pending : sql_pending, -1, &v) != 0 ? DB_ERR : v > 0;
}

int
search_queue_node_upkeep(struct db *db, int prune)
{
	struct db_stmt *st;
	unsigned long long n;
	const char *sqls[3] = { sql_node_mark, sql_node_prune_queue, sql_node_prune_marks };
	int i;

	for (i = 0; i < (prune ? 3 : 1); i++) {
		if ((st = db_prepare(db, sqls[i])) == NULL || db_write(st, &n, NULL) != 0)
			return DB_ERR;
	}
	return 0;
}

/* Run a write taking one id. 0 or DB_ERR. */
static int
by_id(struct db *db, const char *sql, long long id)
{
	struct db_stmt *st = db_prepare(db, sql);
	unsigned long long n;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, id);
	return db_write(st, &n, NULL);
}

/* Take the next queue row in the open transaction: 1 with *qid, *kind and *ref set, 0 when none, DB_ERR. */
static int
take(struct db *db, int galera, long long *qid, enum search_kind *kind, long long *ref)
{
	struct db_stmt *st = db_prepare(db, galera ? sql_node_take : sql_take);
	int rc, ok = 0;

	if (st == NULL)
		return DB_ERR;
	if ((rc = db_step(st)) == DB_ROW) {
		*qid = db_col_int(st, 0);
		ok = search_kind_parse(db_col_text(st, 1), kind);
		*ref = db_col_int(st, 2);
	}
	db_reset(st);
	if (rc == DB_ROW && !ok)
		return DB_ERR;	/* a kind this program does not know: the migration is newer */
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : DB_ERR;
}

int
search_apply_next(struct db *db, int galera)
{
	enum search_kind kind = SEARCH_MEMBERS;
	long long qid = 0, ref = 0;
	int rc, retry;

	if (db_exec(db, sql_read_committed) != 0 || db_begin(db) != 0)
		return DB_ERR;
	if ((rc = take(db, galera, &qid, &kind, &ref)) == 0)
		return db_commit(db) == 0 ? 0 : DB_ERR;
	if (rc < 0)
		goto fail;
	if (index_range(db, kind, ref, ref, NULL) != 0 || by_id(db, galera ? sql_node_done : sql_done, qid) != 0 ||
	    db_commit(db) != 0)
		goto fail;
	return 1;
fail:
	retry = db_last_errno(db) == DB_E_RETRY;
	db_rollback(db);
	/* a deadlock, or on a Galera node a certification conflict with another node's commit: nothing is
	 * wrong with the record, so it is taken again at once (the turn's DRAIN_MAX bounds the attempts) */
	if (retry && qid > 0)
		return 1;
	if (qid > 0 && db_err(db) != TP_EGONE)	/* it could not be indexed: try it again later, the others now */
		(void)by_id(db, galera ? sql_node_failed : sql_failed, qid);
	return DB_ERR;
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
	int rc = DB_ERR;

	*indexed = 0;
	if (search_writer_lock(db, LOCK_WAIT_S) != 1)
		return DB_ERR;
	if (db_exec(db, sql_read_committed) != 0 || db_begin(db) != 0)
		goto out;
	if (index_range(db, kind, lo, hi, indexed) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		goto out;
	}
	rc = db_bump_data(db);	/* search_docs writes are untracked (store/dbcache.c): pages showing it are made again */
out:
	search_writer_unlock(db);
	return rc;
}
