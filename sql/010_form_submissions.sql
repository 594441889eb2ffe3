-- 010_form_submissions.sql - one-time submission keys of admin forms (issue 11, item 4).
--
-- Every admin form carries a random key. The save pipeline inserts the key's row first thing in the
-- save's own transaction: a second POST of the same form (the same key and the same fields: a resubmit
-- after a lost answer, a double click, two at once) waits on the primary key until the first commits,
-- then meets the duplicate and answers the first save's result (the address it redirected to) without
-- writing anything. The same key with other fields (back, edit, send again) is a save of its own. A save that
-- rolls back (a conflict, a mistake in the form) leaves no row, so the same form can be sent again.
-- Rows older than a day are deleted (src/store/submissions.c): a key is good for one day.
CREATE TABLE form_submissions (
	submit_key	CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	body_hash	CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,	-- the fields sent, hashed
	user_id		INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	location	VARCHAR(500) NULL,		-- where the save redirected (303)
	PRIMARY KEY (submit_key, body_hash),
	KEY ix_form_submissions_created (created_at)
) ENGINE=InnoDB;
