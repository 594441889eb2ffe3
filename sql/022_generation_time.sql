-- 022_generation_time.sql - when the data generation last moved on (issue 16: Last-Modified).
--
-- Pages and feeds say Last-Modified from it (src/http/pagecache.c): a page is what the data was at its
-- generation, in the clock minute it was made in, so it was last modified at the later of this time
-- and that minute's start. ON UPDATE keeps it true for every way the row is moved on: the store
-- layer's bump in a write's transaction and the UPDATE an operator runs after changing rows by hand.
ALTER TABLE data_generation
	ADD COLUMN data_changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6);
