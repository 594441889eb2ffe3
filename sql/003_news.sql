-- 003_news.sql - news and notices: categories, articles (Markdown source beside its rendered HTML) and
-- attachments (of articles now, of any record later: owner_type + owner_id).

-- Categories are a table so the secretariat can add more; these four are the ones the portal starts with.
CREATE TABLE news_categories (
	id		TINYINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(40) NOT NULL,
	name_ko		VARCHAR(60) NOT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	UNIQUE KEY u_news_categories_slug (slug)
) ENGINE=InnoDB;

INSERT INTO news_categories (id, slug, name_ko, sort) VALUES
	(1, 'notice', '공지', 1),
	(2, 'press', '보도자료', 2),
	(3, 'call', '사업공고', 3),
	(4, 'event', '행사', 4);

-- One article. The publisher is a technopark, or the association when technopark_id is NULL.
-- body_html is body_md rendered by cmark in safe mode (src/markdown.c) when the article is saved, so a
-- page view never renders Markdown; it is the only HTML a template prints raw.
-- listed (computed) is 1 for what readers see: published and not deleted. The list indexes start
-- with it and end with (published_at, id), the keyset the pages walk, so any page of /news — with or
-- without a category or technopark filter — is one index range read of 21 rows, the first page
-- and page 50,000 alike.
CREATE TABLE news_articles (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	category_id	TINYINT UNSIGNED NOT NULL,
	technopark_id	INT UNSIGNED NULL,
	author_id	INT UNSIGNED NULL,		-- who wrote it; NULL for seed and demo rows
	title		VARCHAR(200) NOT NULL,
	body_md		MEDIUMTEXT NOT NULL,
	body_html	MEDIUMTEXT NOT NULL,
	state		ENUM('draft','published') NOT NULL DEFAULT 'draft',
	published_at	DATETIME NULL,			-- set when first published, kept when unpublished
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	pinned_until	DATE NULL,			-- shown on top of the first page up to this day
	deleted_at	DATETIME NULL,			-- soft delete; the secretariat can restore
	is_demo		TINYINT(1) NOT NULL DEFAULT 0,	-- fictional demo articles from sql/demo/
	source_id	INT UNSIGNED NULL,		-- where a seed article's facts come from
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	listed		TINYINT(1) AS (state = 'published' AND deleted_at IS NULL) PERSISTENT,
	KEY k_news_list (listed, published_at, id),
	KEY k_news_category (listed, category_id, published_at, id),
	KEY k_news_tp (listed, technopark_id, published_at, id),
	KEY k_news_tp_category (listed, technopark_id, category_id, published_at, id),
	KEY k_news_pinned (listed, pinned_until),
	KEY k_news_admin (technopark_id, id),
	CONSTRAINT fk_news_category FOREIGN KEY (category_id) REFERENCES news_categories (id),
	CONSTRAINT fk_news_tp FOREIGN KEY (technopark_id) REFERENCES technoparks (id),
	CONSTRAINT fk_news_author FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
	CONSTRAINT fk_news_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- Uploaded files of a record: owner_type names the table ('news' = news_articles), owner_id its row.
-- The file lives under the server's upload_dir as stored_name (random, from libsodium); filename is
-- the name it was uploaded with, shown and sent back in Content-Disposition. mime_type is what the
-- content was recognised as (src/attach.c), not what the browser claimed.
CREATE TABLE attachments (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	owner_type	VARCHAR(20) NOT NULL,
	owner_id	INT UNSIGNED NOT NULL,
	stored_name	CHAR(32) NOT NULL,
	filename	VARCHAR(255) NOT NULL,
	mime_type	VARCHAR(100) NOT NULL,
	size_bytes	INT UNSIGNED NOT NULL,
	uploaded_by	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY u_attachments_stored (stored_name),
	KEY k_attachments_owner (owner_type, owner_id, id),
	CONSTRAINT fk_attachments_user FOREIGN KEY (uploaded_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB;
