-- 005_search.sql - the full-text search index (src/search.c) and versions for the network figures form.

-- One row per version of a searchable record's text: a technopark ('members'), a visible person
-- ('people'), a listed news article ('news'), a committee meeting with its agenda, resolutions and
-- published minutes ('committees'). kind is also the /search type filter word.
--
-- Mroonga in wrapper mode: the rows are InnoDB's, the full-text index is Groonga's. The bigram
-- tokenizer that splits letters and digits too finds any fragment (산업 inside 지역산업, IoT inside
-- AIoT); the normalizer follows the column's collation (utf8mb4_unicode_ci), as LIKE does.
--
-- Why versions and a live flag instead of UPDATE: InnoDB rolls a row back, but Groonga does not roll
-- its index back. An UPDATE or DELETE of the indexed text that is rolled back would leave the old text
-- unfindable and the new text findable. So the indexed text of a row is never changed: src/search.c
-- inserts a new version (live = 1) and sets live = 0 on the old one, inside the record's own
-- transaction. A rolled-back insert leaves no InnoDB row (Groonga's stray entry finds nothing), and a
-- rolled-back live = 0 puts the old version back with its index entries intact (live is not indexed,
-- so Mroonga leaves the index alone). Retired versions are deleted later (src/search.c explains when).
CREATE TABLE search_docs (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('members','people','news','committees') NOT NULL,
	ref_id		INT UNSIGNED NOT NULL,		-- the record's id in its own table
	live		TINYINT(1) NOT NULL DEFAULT 1,	-- 0: a retired version, never shown
	retired_at	DATETIME NULL,
	technopark_id	INT UNSIGNED NULL,		-- whose record, where it has one
	slug		VARCHAR(40) NULL,		-- for its URL: the technopark's or the committee's
	meta		VARCHAR(300) NULL,		-- shown beside it: region, organisation, publisher, committee
	is_demo		TINYINT(1) NOT NULL DEFAULT 0,
	title		VARCHAR(400) NOT NULL,
	body		MEDIUMTEXT NOT NULL,		-- plain text (Markdown's HTML is stripped)
	at		DATETIME NOT NULL,		-- recency, the tie-breaker after relevance
	KEY k_search_ref (kind, ref_id, live),
	KEY k_search_retired (live, retired_at),
	FULLTEXT KEY ft_search (title, body) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit"'
) ENGINE=Mroonga COMMENT='engine "InnoDB"' DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The figures form (/admin/stats) saves against the version it was made from; a stale save is a conflict.
ALTER TABLE network_figures
	ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1,
	ADD COLUMN updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP;
