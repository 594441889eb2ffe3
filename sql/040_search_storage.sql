-- 040_search_storage.sql - the search index in Mroonga's storage mode, with a tier of the newest entries
-- (issue 21: any query answered in a fraction of a second at 1,000,000 articles; docs/search.md).
--
-- Why storage mode: in wrapper mode every match is fetched from InnoDB before MySQL sorts them, so a word in
-- every article cost 8 s. In storage mode Groonga holds the rows and sorts by its own score ("fast ORDER BY
-- LIMIT": status Mroonga_fast_order_limit), handing MySQL only the page. Storage mode ignores ROLLBACK, which
-- is now harmless: the index is written only by the indexer (and `tpportal-admin reindex`) under one named
-- lock, from the InnoDB queue, and re-indexing a record is idempotent (a failed attempt is tried again and
-- replaces whatever it left). So a record's entry is simply deleted and inserted again: no versions, no
-- live flag, no retired rows.
--
-- Why a tier: even in storage mode Groonga reads every posting of a word (about 0.4 us a match: 400 ms for
-- 1,000,000). tier_title and tier_body are copies of title and body for the newest SEARCH_TIER entries of
-- each kind (src/store/search.h; empty for the others) with a full-text index of their own, so a query on
-- them reads at most that many postings. The search asks the tier first: its matches give the counts
-- (exact where the tier holds every entry of a kind, an estimate otherwise), and a broad query's page is
-- ranked among them (src/pages/page_search.c). The indexer keeps the tier (src/store/search.c).
--
-- search_sizes: per kind, how many entries the index and its tier hold, kept by the indexer (a count of a
-- Mroonga table by kind costs a scan of its index). It describes this server's index, so it is Aria with
-- TRANSACTIONAL=0 like search_applied (sql/045_search_nodes.sql): Galera replicates InnoDB only, so each
-- node keeps the sizes of its own index, and a non-transactional table takes no part in the indexer's
-- commit (error 1180 on a Galera node otherwise). Like the Mroonga writes it counts, it is not rolled back.
SET NAMES utf8mb4;
CREATE TABLE search_docs_next (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('members','people','news','committees','about','bodies','library') NOT NULL,
	ref_id		INT UNSIGNED NOT NULL,		-- the record's id in its own table
	technopark_id	INT UNSIGNED NULL,		-- whose record, where it has one
	slug		VARCHAR(40) NULL,		-- for its URL: the technopark's or the committee's
	meta		VARCHAR(300) NULL,		-- shown beside it: region, organisation, publisher, committee
	is_demo		TINYINT(1) NOT NULL DEFAULT 0,
	signed_in_only	TINYINT(1) NOT NULL DEFAULT 0,	-- a library document for signed-in readers only (sql/025)
	title		VARCHAR(400) NOT NULL,
	body		MEDIUMTEXT NOT NULL,		-- plain text (Markdown's HTML is stripped)
	at		DATETIME NOT NULL,		-- recency, the tie-breaker after relevance
	tier		TINYINT(1) NOT NULL DEFAULT 0,	-- 1: among the newest SEARCH_TIER of its kind
	tier_title	VARCHAR(400) NOT NULL DEFAULT '',	-- title when tier = 1, else ''
	tier_body	MEDIUMTEXT NOT NULL DEFAULT '',		-- body when tier = 1, else ''
	KEY k_search_ref (kind, ref_id),
	KEY k_search_title (title),			-- exact title matches (they come first)
	KEY k_search_kind_at (kind, at),		-- the tier's cut: the SEARCH_TIER-th newest of a kind
	KEY k_search_tier (tier, kind, at),		-- who enters or leaves the tier
	FULLTEXT KEY ft_search (title, body) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit"',
	FULLTEXT KEY ft_search_tier (tier_title, tier_body) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit"'
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The current entries move over; the indexer fills the tier and search_sizes when the portal starts.
INSERT INTO search_docs_next (kind, ref_id, technopark_id, slug, meta, is_demo, signed_in_only, title, body, at)
	SELECT kind, ref_id, technopark_id, slug, meta, is_demo, signed_in_only, title, body, at FROM search_docs WHERE live = 1;
DROP TABLE search_docs;
RENAME TABLE search_docs_next TO search_docs;

CREATE TABLE search_sizes (
	kind		ENUM('members','people','news','committees','about','bodies','library') NOT NULL PRIMARY KEY,
	docs		BIGINT UNSIGNED NOT NULL DEFAULT 0,	-- entries of this kind in the index
	tier_docs	BIGINT UNSIGNED NOT NULL DEFAULT 0	-- of which in the tier
) ENGINE=Aria TRANSACTIONAL=0 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
