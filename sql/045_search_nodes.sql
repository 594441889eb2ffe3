-- 045_search_nodes.sql - the search index's queue on a replicated database (MariaDB Galera, docs/ha.md).
--
-- Galera replicates InnoDB rows only: each node's search index (search_docs, Mroonga) is its own, and
-- every node must apply every queue row (search_queue, InnoDB, replicated) to it. So on a Galera node
-- the indexer does not delete the row it applied (that delete would reach every node before they
-- applied it): it marks it applied in these two tables, which are Aria and so stay on the node that
-- wrote them. src/store/search.c says how they are read; a single server does not use them.
-- TRANSACTIONAL=0: an Aria table with TRANSACTIONAL=1 takes part in the commit, and a Galera node then
-- refuses the commit of the indexer's transaction (error 1180 "Transactional commit not supported by
-- involved engine(s)", measured with tools/cluster). The marks need no rollback: a mark is written
-- last, after the record was indexed, and indexing a record again is harmless.
CREATE TABLE search_applied (
	queue_id	BIGINT UNSIGNED NOT NULL PRIMARY KEY,	-- search_queue.id
	done		TINYINT NOT NULL DEFAULT 0,		-- 1: applied to this node's index
	tries		INT UNSIGNED NOT NULL DEFAULT 0,	-- failed attempts on this node
	retry_at	TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=Aria TRANSACTIONAL=0 DEFAULT CHARSET=ascii;

-- Every queue row with an id below `below` is applied on this node (one row, id 1).
CREATE TABLE search_node (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	below		BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=Aria TRANSACTIONAL=0 DEFAULT CHARSET=ascii;
