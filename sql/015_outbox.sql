-- 015_outbox.sql - the mail outbox (issue 15, docs/email.md).
--
-- A message is a row here, written in the same transaction as the change that causes it: a save that
-- rolls back leaves no row, so nothing is sent. The delivery worker of every tpportal process takes
-- due rows with SELECT ... FOR UPDATE SKIP LOCKED, marks one 'sending' (committed) before it talks to
-- the relay and 'sent' or 'failed' after, with the relay's answer. A row found 'sending' after its
-- lease ran out belongs to a process that stopped mid-send: it may have been delivered, so it is
-- marked 'failed' (never sent twice behind the operator's back); `tpportal-admin mail retry` sends it
-- again with the same Message-ID (token), which lets the receiving side recognise a duplicate.
-- The message itself is composed at delivery from the template of its kind and the parameters in
-- outbox_params, so a row holds facts, not markup.
CREATE TABLE outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token		CHAR(32) NOT NULL,		-- random hex; the Message-ID is <token@host of base_url>
	kind		VARCHAR(40) NOT NULL,		-- the template: templates/mail/<kind>.*.cs
	to_addr		VARCHAR(254) NOT NULL,
	to_name		VARCHAR(100) NULL,
	state		ENUM('queued','sending','sent','failed') NOT NULL DEFAULT 'queued',
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,	-- tries made so far
	next_try_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	claimed_at	DATETIME NULL,			-- when the current try began ('sending')
	answer		VARCHAR(500) NULL,		-- the relay's last answer, or why nothing reached it
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	sent_at		DATETIME NULL,
	UNIQUE KEY u_outbox_token (token),
	KEY k_outbox_due (state, next_try_at)
) ENGINE=InnoDB;

CREATE TABLE outbox_params (
	outbox_id	BIGINT UNSIGNED NOT NULL,
	name		VARCHAR(40) NOT NULL,		-- a letter, then letters, digits, '_' (an HDF name under Mail.)
	value		TEXT NOT NULL,
	PRIMARY KEY (outbox_id, name),
	CONSTRAINT fk_outbox_params FOREIGN KEY (outbox_id) REFERENCES outbox (id) ON DELETE CASCADE
) ENGINE=InnoDB;
