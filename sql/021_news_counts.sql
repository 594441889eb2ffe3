-- 021_news_counts.sql - how many articles the board lists, per publisher and category (issue 12: 번호).
--
-- The board numbers its rows the way Korean boards do, counting down from the total of what the filter
-- lists. Counting the listed rows on every page view would read a million index entries at a million
-- articles; these few rows (publisher x category, technopark_id 0 for the association) hold the counts
-- instead, kept by the triggers below in the same transaction as the article's own change, whichever
-- code writes it (the admin forms, SQL, tools/bench-news). A filter's total is a SUM over at most a few
-- hundred rows (src/model/news.c news_total).
--
-- Triggers: with binary logging on, creating them needs SUPER or log_bin_trust_function_creators = 1 for the
-- migration account (docs/operations.md).
CREATE TABLE news_counts (
	technopark_id	INT UNSIGNED NOT NULL,		-- 0: the association
	category_id	TINYINT UNSIGNED NOT NULL,
	n		INT NOT NULL,
	PRIMARY KEY (technopark_id, category_id),
	KEY k_news_counts_category (category_id)
) ENGINE=InnoDB;

-- A listed article is one that is published and not deleted (news_articles.listed); an update that changes
-- whether it is listed, its publisher or its category counts the old row out and the new one in (two
-- triggers, as a trigger here is one statement); any other update (a title, a body) touches no count.
CREATE TRIGGER news_counts_insert AFTER INSERT ON news_articles FOR EACH ROW
	INSERT INTO news_counts (technopark_id, category_id, n)
	SELECT COALESCE(NEW.technopark_id, 0), NEW.category_id, 1 FROM DUAL
	WHERE NEW.state = 'published' AND NEW.deleted_at IS NULL
	ON DUPLICATE KEY UPDATE n = n + 1;
CREATE TRIGGER news_counts_update_out AFTER UPDATE ON news_articles FOR EACH ROW
	UPDATE news_counts SET n = n - 1
	WHERE technopark_id = COALESCE(OLD.technopark_id, 0) AND category_id = OLD.category_id
	AND OLD.state = 'published' AND OLD.deleted_at IS NULL
	AND NOT ((NEW.state = 'published' AND NEW.deleted_at IS NULL) <=> (OLD.state = 'published' AND OLD.deleted_at IS NULL)
	    AND COALESCE(NEW.technopark_id, 0) = COALESCE(OLD.technopark_id, 0) AND NEW.category_id = OLD.category_id);
CREATE TRIGGER news_counts_update_in AFTER UPDATE ON news_articles FOR EACH ROW FOLLOWS news_counts_update_out
	INSERT INTO news_counts (technopark_id, category_id, n)
	SELECT COALESCE(NEW.technopark_id, 0), NEW.category_id, 1 FROM DUAL
	WHERE NEW.state = 'published' AND NEW.deleted_at IS NULL
	AND NOT ((NEW.state = 'published' AND NEW.deleted_at IS NULL) <=> (OLD.state = 'published' AND OLD.deleted_at IS NULL)
	    AND COALESCE(NEW.technopark_id, 0) = COALESCE(OLD.technopark_id, 0) AND NEW.category_id = OLD.category_id)
	ON DUPLICATE KEY UPDATE n = n + 1;
CREATE TRIGGER news_counts_delete AFTER DELETE ON news_articles FOR EACH ROW
	UPDATE news_counts SET n = n - 1
	WHERE technopark_id = COALESCE(OLD.technopark_id, 0) AND category_id = OLD.category_id
	AND OLD.state = 'published' AND OLD.deleted_at IS NULL;

-- What is listed now (seeds load after the migrations: their rows are counted by the triggers).
INSERT INTO news_counts (technopark_id, category_id, n)
	SELECT COALESCE(technopark_id, 0), category_id, COUNT(*) FROM news_articles WHERE listed = 1
	GROUP BY COALESCE(technopark_id, 0), category_id;
