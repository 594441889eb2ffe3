/*
 * search.h - the full-text index (search_docs, sql/005_search.sql) and its queue (search_queue,
 * sql/006_index_queue.sql): keeping the index in step with the records, and rebuilding it.
 *
 * A module that writes a searchable record calls search_sync once, after its writes and before its
 * COMMIT: that queues the record in the save's transaction (InnoDB only, so concurrent saves never
 * meet in Mroonga). After the COMMIT the indexer (store/indexer.h) re-indexes it, well within a second:
 * it reads the record's text back from the record's own tables (so callers never say what is indexed,
 * and a rebuild indexes exactly what a save does). On ROLLBACK nothing was queued and the index is as
 * it was.
 */
#ifndef TP_SEARCH_H
#define TP_SEARCH_H

struct db;

/*
 * The tier (sql/040_search_storage.sql): the newest SEARCH_TIER entries of each kind also have a full-text
 * index of their own, so a query on it reads at most this many postings a kind (page_search.c asks it first).
 */
#define SEARCH_TIER	5000

/* What can be found; the names are the /search type filter words and the search_docs.kind values
 * ("members", "people", "news", "committees", "about", "bodies", "library"). */
enum search_kind {
	SEARCH_MEMBERS,		/* a technopark: name, summary, focus industries, activities (id: technoparks.id) */
	SEARCH_PEOPLE,		/* a visible person: name, title, department; never contacts (id: people.id) */
	SEARCH_NEWS,		/* a listed (published, not deleted) article (id: news_articles.id) */
	SEARCH_COMMITTEES,	/* a committee meeting: its agenda, resolutions, note, documents' names, and
				 * its minutes once published (id: committee_meetings.id) */
	SEARCH_ABOUT,		/* the about page: the association, its history, chairs and functions (id: association.id);
				 * written by migrations and the seed only, queued by them (sql/012) or rebuilt */
	SEARCH_BODIES,		/* a committee itself: names, purpose, composition (id: committees.id); likewise */
	SEARCH_LIBRARY,		/* a listed library document: title, description, kind, publisher, its files' names
				 * and the text the indexer extracted from its PDFs (id: library_documents.id); a
				 * signed-in-only one is marked signed_in_only */
	SEARCH_NKINDS
};

/* "members", "people", "news", "committees"; NULL for a kind out of range. */
const char	*search_kind_name(enum search_kind kind);
/* 1 and *kind set when name is one of those words, else 0. */
int		 search_kind_parse(const char *name, enum search_kind *kind);

/*
 * Queue record id of kind for the index, inside the caller's open transaction, after the record (and,
 * for a technopark, its industries; for a meeting, its agenda, resolutions or minutes) was written,
 * and wake this process's indexer once the transaction commits. The indexer then makes the record's
 * current text the live entry; a record that is gone or not for readers (a hidden person, a draft or
 * deleted article) leaves the index. Returns 0 or DB_ERR (the caller then rolls back, as for any
 * failed write).
 */
int		 search_sync(struct db *db, enum search_kind kind, long long id);

/* ---- for the indexer (store/indexer.c) ---- */

/*
 * Take the one lock every writer of search_docs holds (a named lock of the database, so it spans
 * processes), waiting up to wait_s seconds. 1 when held, 0 when another writer kept it, DB_ERR.
 */
int		 search_writer_lock(struct db *db, int wait_s);
/* Release it (a lost connection releases it by itself). */
void		 search_writer_unlock(struct db *db);
/* 1 when the queue holds a committed row due now (a look that locks nothing), 0 when not, DB_ERR. */
/*
 * 1 when the connection is to a Galera node (wsrep_on), 0 when not, DB_ERR. On a Galera node each node
 * applies every queue row to its own index and marks it applied in its own tables (sql/045); elsewhere
 * an applied row is deleted.
 */
int		 search_queue_galera(struct db *db);
/* 1 when the queue holds a row this indexer may take now, 0 when not, DB_ERR. */
int		 search_queue_pending(struct db *db, int galera);
/* On a Galera node: move the node's mark past what it applied; with prune, also delete rows queued more
 * than a day ago and the marks of rows gone. 0 or DB_ERR. */
int		 search_queue_node_upkeep(struct db *db, int prune);
/*
 * Under the writer lock, apply the oldest committed queue row no other indexer holds, in one
 * transaction of its own: re-index its record and delete the row. 1 when a row was applied, 0 when
 * there was none, DB_ERR (rolled back; the row is tried again after a pause that grows with its
 * failures, and the rows behind it go first).
 */
int		 search_apply_next(struct db *db, int galera);

/* ---- for `tpportal-admin reindex` ---- */

/* How many records of kind there are (searchable or not), or -1. */
long long	 search_count(struct db *db, enum search_kind kind);
/*
 * The next batch of kind's record ids from id from on: sets *hi to the last of at most batch ids and
 * returns how many there are. Past the last record it returns 0 and sets *hi to the highest id the index
 * holds entries for (those of deleted records; *hi < from when there are none). -1 on error.
 */
long long	 search_next_batch(struct db *db, enum search_kind kind, long long from, long long batch, long long *hi);
/*
 * Re-index records lo..hi of kind in one transaction of its own, under the writer lock, as the
 * indexer does for one; *indexed gets how many are now live. Returns 0 or DB_ERR (rolled back).
 */
int		 search_reindex_range(struct db *db, enum search_kind kind, long long lo, long long hi,
		    long long *indexed);
/*
 * Recount every kind's entries into search_sizes and make each kind's tier its SEARCH_TIER newest entries,
 * under the writer lock, in one transaction: the indexer does it when it starts (after a migration or a
 * restore the tier may be empty), a rebuild when it ends. 0 or DB_ERR.
 */
int		 search_tier_refresh(struct db *db);
/* The highest search_docs id, 0 when empty, -1 on error. */
long long	 search_max_doc_id(struct db *db);

#endif
