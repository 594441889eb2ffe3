-- 023_news_notified.sql - a notice is mailed to its subscribers once (issue 15, docs/email.md).
--
-- notified_at: when the article's news_published mails were queued; set in the same transaction, and
-- only while it is NULL (model/notify.c), so unpublishing and publishing again, or correcting a
-- published article, mails nobody a second time. An article published before this migration (its
-- published_at is set when first published and kept when unpublished) counts as announced already.
ALTER TABLE news_articles ADD COLUMN notified_at DATETIME NULL;
UPDATE news_articles SET notified_at = published_at WHERE published_at IS NOT NULL AND notified_at IS NULL;
