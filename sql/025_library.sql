-- 025_library.sql - the publications library (자료실, issue 19): kinds the secretariat keeps, documents
-- published by the association or a member technopark, and their files with versions.

-- Kinds are a table so the secretariat can add more (/admin/library/kinds); name_en for the English
-- pages (issue 17). version for the save pipeline (src/admin/save.c).
CREATE TABLE library_kinds (
	id		TINYINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(40) NOT NULL,
	name_ko		VARCHAR(60) NOT NULL,
	name_en		VARCHAR(60) NOT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	UNIQUE KEY u_library_kinds_slug (slug)
) ENGINE=InnoDB;

INSERT INTO library_kinds (id, slug, name_ko, name_en, sort) VALUES
	(1, 'annual-report', '연차보고서', 'Annual report', 1),
	(2, 'brochure', '브로슈어', 'Brochure', 2),
	(3, 'form', '서식', 'Form', 3),
	(4, 'report', '보고서', 'Report', 4),
	(5, 'other', '기타', 'Other', 5);

-- One document. The publisher is a technopark, or the association when technopark_id is NULL.
-- audience: 'public' for every reader, 'signed_in' for signed-in users only (pages, feed, search and
-- files alike: src/model/library.c library_may_read). A member admin's document is live at once
-- (docs/library.md says why); listed (computed) is 1 for what the list shows: not deleted.
-- The list walks (listed, created_at, id) newest first with a keyset, like /news.
CREATE TABLE library_documents (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind_id		TINYINT UNSIGNED NOT NULL,
	technopark_id	INT UNSIGNED NULL,
	author_id	INT UNSIGNED NULL,		-- who added it; NULL for demo rows
	title		VARCHAR(200) NOT NULL,
	description	TEXT NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,	-- the year it is of (an annual report's year)
	language	ENUM('ko','en','ko_en','other') NOT NULL DEFAULT 'ko',
	audience	ENUM('public','signed_in') NOT NULL DEFAULT 'public',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	deleted_at	DATETIME NULL,			-- soft delete; the secretariat can restore
	is_demo		TINYINT(1) NOT NULL DEFAULT 0,	-- fictional demo documents from sql/demo/
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	listed		TINYINT(1) AS (deleted_at IS NULL) PERSISTENT,
	KEY k_library_list (listed, created_at, id),
	KEY k_library_tp (listed, technopark_id, created_at, id),
	KEY k_library_year (listed, year, created_at, id),
	CONSTRAINT fk_library_kind FOREIGN KEY (kind_id) REFERENCES library_kinds (id),
	CONSTRAINT fk_library_tp FOREIGN KEY (technopark_id) REFERENCES technoparks (id),
	CONSTRAINT fk_library_author FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB;

-- A document's files, each an attachment (owner_type 'library', owner_id the document). file_no says
-- which file of the document it is, version which upload of that file: an upload whose name is that of
-- a file the document has becomes its next version, and the older versions stay reachable (/files/{id}).
-- text is what pdftotext extracted from a PDF for the search, filled by the indexer (src/store/indexer.c),
-- never by the request that uploaded it.
CREATE TABLE library_files (
	attachment_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	document_id	INT UNSIGNED NOT NULL,
	file_no		SMALLINT UNSIGNED NOT NULL,
	version		SMALLINT UNSIGNED NOT NULL,
	text		MEDIUMTEXT NULL,
	text_state	ENUM('pending','done','none','failed') NOT NULL DEFAULT 'pending',
	UNIQUE KEY u_library_files_version (document_id, file_no, version),
	CONSTRAINT fk_library_files_attachment FOREIGN KEY (attachment_id) REFERENCES attachments (id) ON DELETE CASCADE,
	CONSTRAINT fk_library_files_document FOREIGN KEY (document_id) REFERENCES library_documents (id)
) ENGINE=InnoDB;

-- The search finds documents ('library'); a signed-in-only document's entry is marked so that a reader
-- signed out never finds it (src/pages/page_search.c).
ALTER TABLE search_docs MODIFY kind ENUM('members','people','news','committees','about','bodies','library') NOT NULL;
ALTER TABLE search_queue MODIFY kind ENUM('members','people','news','committees','about','bodies','library') NOT NULL;
ALTER TABLE search_docs ADD COLUMN signed_in_only TINYINT(1) NOT NULL DEFAULT 0 AFTER is_demo;
