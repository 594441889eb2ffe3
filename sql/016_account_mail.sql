-- 016_account_mail.sql - what accounts need for mail (issue 15, docs/email.md): an address, links
-- mailed to it (confirming a new address, resetting a forgotten password), the reset throttle, and
-- the notifications each user chose, each with the token of its one-click unsubscribe link.

-- The address mail goes to (NULL: none; such an account gets no mail and its password is reset by
-- the secretariat). Unique: a reset link must reach one account. person_id: the account's entry in
-- the people directory, if any, which makes a committee seat of that person the account's own (its
-- meeting invitations).
ALTER TABLE users
	ADD COLUMN email VARCHAR(254) NULL AFTER display_name,
	ADD COLUMN person_id INT UNSIGNED NULL AFTER technopark_id,
	ADD UNIQUE KEY u_users_email (email),
	ADD UNIQUE KEY u_users_person (person_id),
	ADD CONSTRAINT fk_users_person FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE SET NULL;

-- A link mailed to a user: the link holds a random 256-bit token, only its hash is stored. One row per
-- user and purpose (a newer link voids the older one); using it deletes it; it ends at expires_at.
-- pw_fingerprint is a hash of the password hash when the link was made: a password changed since
-- (by the user, the secretariat or tpportal-admin) voids a reset link without any of them knowing.
CREATE TABLE account_tokens (
	user_id		INT UNSIGNED NOT NULL,
	purpose		ENUM('confirm_email','reset_password') NOT NULL,
	token_hash	CHAR(64) NOT NULL,		-- hex of BLAKE2b-256 of the token
	email		VARCHAR(254) NOT NULL,		-- confirm_email: the new address; reset: where it went
	pw_fingerprint	CHAR(64) NOT NULL,
	created_at	DATETIME NOT NULL,
	expires_at	DATETIME NOT NULL,
	PRIMARY KEY (user_id, purpose),
	UNIQUE KEY u_tokens_hash (token_hash),
	CONSTRAINT fk_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- Reset requests, counted per address asked for and per client address, as login_failures counts
-- sign-ins, so that nobody can flood an inbox or probe at speed. Known and unknown addresses alike.
CREATE TABLE reset_requests (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	email		VARCHAR(254) NOT NULL,
	addr		VARCHAR(45) NOT NULL,
	at		DATETIME NOT NULL,
	KEY k_reset_email (email, at),
	KEY k_reset_addr (addr, at)
) ENGINE=InnoDB;

-- The notifications a user chose (none by default). topic: requests (a change request submitted:
-- the secretariat), decisions (one's own request decided), meetings (the meetings of one's
-- committees), news_pinned (pinned notices), news_category (every notice of category_id). token: the
-- unsubscribe link's, so that one click in the mail ends this subscription without signing in.
CREATE TABLE notify_subscriptions (
	user_id		INT UNSIGNED NOT NULL,
	topic		ENUM('requests','decisions','meetings','news_pinned','news_category') NOT NULL,
	category_id	TINYINT UNSIGNED NOT NULL DEFAULT 0,	-- news_category: which; 0 for the others
	token		CHAR(32) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (user_id, topic, category_id),
	UNIQUE KEY u_notify_token (token),
	KEY k_notify_topic (topic, category_id),
	CONSTRAINT fk_notify_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;
