-- 006_index_queue.sql - the search index's work queue (src/store/search.c, src/store/indexer.c).
--
-- A save no longer writes search_docs (Mroonga) inside its own transaction: under concurrent writers
-- Mroonga failed with error 1467 "Failed to read auto-increment value from storage engine" (and
-- INSERT ... SELECT into it deadlocked), and Groonga's index does not roll back anyway. A save adds one
-- row here instead, in its own transaction: "record ref_id of kind changed". This table is InnoDB, so
-- the row commits or rolls back with the save, and concurrent saves only append to it.
--
-- One indexer at a time (a thread in each portal process; they take turns under a named lock) takes
-- committed rows with SELECT ... FOR UPDATE SKIP LOCKED, re-indexes the record from its own tables and
-- deletes the row, in one transaction. Re-indexing is idempotent (the record's current text replaces
-- whatever the index held for it), so a row applied twice, or two rows for one record, do no harm.
-- A row whose indexing failed waits (retry_at) and is tried again; it never blocks the rows behind it.
-- The queue holds only InnoDB rows: a replica or another database node can rebuild its own index.
CREATE TABLE search_queue (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('members','people','news','committees') NOT NULL,
	ref_id		INT UNSIGNED NOT NULL,		-- the record's id in its own table
	queued_at	TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	tries		INT UNSIGNED NOT NULL DEFAULT 0,	-- failed attempts so far
	retry_at	TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)	-- not taken before then
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
