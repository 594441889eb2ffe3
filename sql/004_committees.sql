-- 004_committees.sql - committees as data: who sits on which committee in which role and term, when it
-- meets, the agenda, attendance, minutes and resolutions; and who may manage one committee.
-- Times are Korean local time (Asia/Seoul, no daylight saving): the portal's connection uses +09:00.

-- Who may sit on the committee (the rules of its composition), where the source says so.
ALTER TABLE committees ADD COLUMN composition TEXT NULL AFTER purpose;

-- A seat: a person (person_id) or a technopark's representative (technopark_id), never both, in one
-- role for one term. Past terms stay, so the composition at any past date can be shown.
-- term_start NULL: the start is not known (the seat counts as held from the start);
-- term_end NULL: the term is open or its end is not known. Both dates are inclusive.
CREATE TABLE committee_members (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	committee_id	INT UNSIGNED NOT NULL,
	person_id	INT UNSIGNED NULL,
	technopark_id	INT UNSIGNED NULL,
	role		ENUM('chair','vice_chair','member','secretary') NOT NULL DEFAULT 'member',
	term_start	DATE NULL,
	term_end	DATE NULL,
	note		VARCHAR(200) NULL,
	is_demo		TINYINT(1) NOT NULL DEFAULT 0,
	source_id	INT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	updated_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	KEY k_cm_committee (committee_id, term_start),
	KEY k_cm_person (person_id),
	KEY k_cm_tp (technopark_id),
	-- At most one of the two; the application requires one (the demo data attaches people by a
	-- second statement, since people have no stable key to name them by in an INSERT).
	CONSTRAINT c_cm_one_member CHECK (person_id IS NULL OR technopark_id IS NULL),
	CONSTRAINT c_cm_term CHECK (term_end IS NULL OR term_start IS NULL OR term_end >= term_start),
	CONSTRAINT fk_cm_committee FOREIGN KEY (committee_id) REFERENCES committees (id),
	CONSTRAINT fk_cm_person FOREIGN KEY (person_id) REFERENCES people (id),
	CONSTRAINT fk_cm_tp FOREIGN KEY (technopark_id) REFERENCES technoparks (id),
	CONSTRAINT fk_cm_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- A user who may manage one committee (its seats, meetings, agenda, attendance, minutes,
-- resolutions) without being secretariat staff.
CREATE TABLE committee_secretaries (
	user_id		INT UNSIGNED NOT NULL,
	committee_id	INT UNSIGNED NOT NULL,
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	created_by	INT UNSIGNED NULL,
	PRIMARY KEY (user_id, committee_id),
	KEY k_cs_committee (committee_id),
	CONSTRAINT fk_cs_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
	CONSTRAINT fk_cs_committee FOREIGN KEY (committee_id) REFERENCES committees (id),
	CONSTRAINT fk_cs_creator FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB;

-- A meeting. version also gives the calendar feed's SEQUENCE; updated_at (a TIMESTAMP, so it is
-- an instant whatever a connection's time zone) gives its DTSTAMP.
CREATE TABLE committee_meetings (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	committee_id	INT UNSIGNED NOT NULL,
	title		VARCHAR(200) NOT NULL,
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	place		VARCHAR(300) NULL,
	online_url	VARCHAR(300) NULL,
	status		ENUM('planned','held','cancelled') NOT NULL DEFAULT 'planned',
	note		TEXT NULL,
	is_demo		TINYINT(1) NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	attendance_version INT UNSIGNED NOT NULL DEFAULT 1,
	updated_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	KEY k_meetings_committee (committee_id, starts_at),
	KEY k_meetings_starts (starts_at),
	CONSTRAINT c_meetings_times CHECK (ends_at > starts_at),
	CONSTRAINT fk_meetings_committee FOREIGN KEY (committee_id) REFERENCES committees (id)
) ENGINE=InnoDB;

-- The agenda of a meeting, in order (position 1, 2, ...).
CREATE TABLE committee_agenda_items (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	meeting_id	INT UNSIGNED NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL,
	title		VARCHAR(300) NOT NULL,
	description	TEXT NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	KEY k_agenda_meeting (meeting_id, position),
	CONSTRAINT fk_agenda_meeting FOREIGN KEY (meeting_id) REFERENCES committee_meetings (id)
) ENGINE=InnoDB;

-- Minutes: the Markdown the secretary wrote, and the HTML cmark made of it in safe mode (raw HTML
-- and unsafe links dropped) when it was saved. Readers see them only once published.
CREATE TABLE committee_minutes (
	meeting_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	body_md		MEDIUMTEXT NOT NULL,
	body_html	MEDIUMTEXT NOT NULL,
	published	TINYINT(1) NOT NULL DEFAULT 0,
	published_at	DATETIME NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	updated_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT fk_minutes_meeting FOREIGN KEY (meeting_id) REFERENCES committee_meetings (id)
) ENGINE=InnoDB;

-- What was decided on an agenda item. Votes are NULL where they were not recorded.
CREATE TABLE committee_resolutions (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	agenda_item_id	INT UNSIGNED NOT NULL,
	body		TEXT NOT NULL,
	outcome		ENUM('adopted','rejected','deferred') NOT NULL,
	votes_for	SMALLINT UNSIGNED NULL,
	votes_against	SMALLINT UNSIGNED NULL,
	votes_abstain	SMALLINT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	KEY k_resolutions_item (agenda_item_id),
	CONSTRAINT fk_resolutions_item FOREIGN KEY (agenda_item_id) REFERENCES committee_agenda_items (id)
) ENGINE=InnoDB;

-- Who of the committee's seats attended a meeting: present, absent, or represented by a proxy.
CREATE TABLE committee_attendance (
	meeting_id	INT UNSIGNED NOT NULL,
	member_id	INT UNSIGNED NOT NULL,
	status		ENUM('present','absent','proxy') NOT NULL,
	proxy_name	VARCHAR(60) NULL,
	PRIMARY KEY (meeting_id, member_id),
	KEY k_attendance_member (member_id),
	CONSTRAINT c_attendance_proxy CHECK (status = 'proxy' OR proxy_name IS NULL),
	CONSTRAINT fk_attendance_meeting FOREIGN KEY (meeting_id) REFERENCES committee_meetings (id),
	CONSTRAINT fk_attendance_member FOREIGN KEY (member_id) REFERENCES committee_members (id)
) ENGINE=InnoDB;
