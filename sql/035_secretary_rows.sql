-- 035_secretary_rows.sql - a committee secretary's appointment as a versioned record (issue 11): its own id
-- and version, so that it goes through the save pipeline (admin/save.c, model/committee_records.c
-- secretary_record) like every other record, and a removal from a page opened before a colleague removed
-- and named the same secretary again (a new appointment, a new id) is refused with the list as it is now.
-- The key stays (user_id, committee_id): one appointment per user and committee.
SET NAMES utf8mb4;
ALTER TABLE committee_secretaries
	ADD COLUMN id INT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE FIRST,
	ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1;
