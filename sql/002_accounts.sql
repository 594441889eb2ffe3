-- 002_accounts.sql - accounts, sessions, login throttling, change requests and the audit log.

-- Roles: secretariat (association staff: everything, approves changes), member_admin (one
-- technopark: its profile and people), staff (a signed-in reader).
CREATE TABLE users (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	login		VARCHAR(60) NOT NULL,
	display_name	VARCHAR(60) NOT NULL,
	role		ENUM('secretariat','member_admin','staff') NOT NULL,
	technopark_id	INT UNSIGNED NULL,		-- required for member_admin, NULL otherwise
	password_hash	VARCHAR(255) NOT NULL,		-- libsodium crypto_pwhash_str (Argon2id)
	active		TINYINT(1) NOT NULL DEFAULT 1,
	is_demo		TINYINT(1) NOT NULL DEFAULT 0,	-- demo logins made by tools/stack
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY u_users_login (login),
	CONSTRAINT fk_users_tp FOREIGN KEY (technopark_id) REFERENCES technoparks (id)
) ENGINE=InnoDB;

-- Server-side sessions. The cookie holds a random token; only its hash is stored, so a leaked
-- table does not give live sessions. Several portal processes can share this table.
CREATE TABLE sessions (
	token_hash	CHAR(64) NOT NULL PRIMARY KEY,	-- hex of BLAKE2b-256 of the cookie token
	user_id		INT UNSIGNED NOT NULL,
	csrf_token	CHAR(43) NOT NULL,		-- per-session form token (base64url of 32 random bytes)
	created_at	DATETIME NOT NULL,
	last_seen	DATETIME NOT NULL,
	expires_at	DATETIME NOT NULL,		-- absolute limit
	KEY k_sessions_user (user_id),
	KEY k_sessions_expires (expires_at),
	CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- Failed sign-ins, counted per login name and per client address to throttle guessing.
CREATE TABLE login_failures (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	login		VARCHAR(60) NOT NULL,
	addr		VARCHAR(45) NOT NULL,
	at		DATETIME NOT NULL,
	KEY k_failures_login (login, at),
	KEY k_failures_addr (addr, at)
) ENGINE=InnoDB;

-- A member admin's proposed change, waiting for the secretariat's review.
-- entity 'technopark' (update) or 'person' (create, update, delete); entity_id NULL for a create.
CREATE TABLE change_requests (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	technopark_id	INT UNSIGNED NOT NULL,		-- whose record: decides who may see the request
	entity		ENUM('technopark','person') NOT NULL,
	entity_id	INT UNSIGNED NULL,
	action		ENUM('create','update','delete') NOT NULL,
	base_version	INT UNSIGNED NULL,		-- the record's version the change was made against
	state		ENUM('pending','approved','rejected','withdrawn') NOT NULL DEFAULT 'pending',
	submitted_by	INT UNSIGNED NOT NULL,
	submitted_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	reviewed_by	INT UNSIGNED NULL,
	reviewed_at	DATETIME NULL,
	review_comment	TEXT NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	KEY k_cr_state (state, id),
	KEY k_cr_tp (technopark_id, id),
	CONSTRAINT fk_cr_tp FOREIGN KEY (technopark_id) REFERENCES technoparks (id),
	CONSTRAINT fk_cr_submitter FOREIGN KEY (submitted_by) REFERENCES users (id),
	CONSTRAINT fk_cr_reviewer FOREIGN KEY (reviewed_by) REFERENCES users (id)
) ENGINE=InnoDB;

-- The fields a change request changes: value when it was made, and proposed value.
CREATE TABLE change_request_fields (
	request_id	INT UNSIGNED NOT NULL,
	field		VARCHAR(40) NOT NULL,
	old_value	TEXT NULL,
	new_value	TEXT NULL,
	PRIMARY KEY (request_id, field),
	CONSTRAINT fk_crf_request FOREIGN KEY (request_id) REFERENCES change_requests (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- The audit log: one row per change of a record, one audit_fields row per field it changed.
-- Written in the same transaction as the change itself.
CREATE TABLE audit_changes (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	user_id		INT UNSIGNED NULL,		-- NULL: a command-line tool
	action		VARCHAR(20) NOT NULL,		-- create, update, delete, submit, approve, reject, ...
	entity		VARCHAR(30) NOT NULL,		-- technopark, person, user, change_request
	entity_id	INT UNSIGNED NOT NULL,
	technopark_id	INT UNSIGNED NULL,		-- whose record, for filtering
	note		VARCHAR(300) NULL,
	KEY k_audit_entity (entity, entity_id, id),
	KEY k_audit_user (user_id, id),
	KEY k_audit_tp (technopark_id, id)
) ENGINE=InnoDB;

CREATE TABLE audit_fields (
	change_id	BIGINT UNSIGNED NOT NULL,
	field		VARCHAR(40) NOT NULL,
	old_value	TEXT NULL,
	new_value	TEXT NULL,
	PRIMARY KEY (change_id, field),
	CONSTRAINT fk_af_change FOREIGN KEY (change_id) REFERENCES audit_changes (id) ON DELETE CASCADE
) ENGINE=InnoDB;
