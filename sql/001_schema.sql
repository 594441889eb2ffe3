-- 001_schema.sql - the association, its member technoparks, people, committees and figures.
-- Applied once by tools/stack (or tools/migrate) and recorded in schema_version.
-- Anything the source does not say is NULL and shown as unknown; never fill a column with a guess.

CREATE TABLE schema_version (
	version		INT UNSIGNED NOT NULL PRIMARY KEY,
	name		VARCHAR(200) NOT NULL,
	applied_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;

-- Where a seed fact comes from (a press article, a later update by the secretariat).
CREATE TABLE sources (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	outlet		VARCHAR(100) NOT NULL,
	title		VARCHAR(300) NOT NULL,
	author		VARCHAR(100) NULL,
	published_on	DATE NULL,
	url		VARCHAR(500) NULL
) ENGINE=InnoDB;

-- The association itself: exactly one row, id = 1.
CREATE TABLE association (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	name_ko		VARCHAR(100) NOT NULL,
	name_en		VARCHAR(150) NULL,
	legal_form	VARCHAR(100) NULL,		-- e.g. 비영리 사단법인
	summary		TEXT NULL,			-- a few sentences in our own words
	address		VARCHAR(300) NULL,
	phone		VARCHAR(40) NULL,
	email		VARCHAR(200) NULL,
	website		VARCHAR(300) NULL,
	source_id	INT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	CONSTRAINT fk_association_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- Dated events in the association's history (founding, renamings, members joining, programmes).
CREATE TABLE association_history (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	year_note	VARCHAR(60) NULL,		-- e.g. '2005년 이후' when only a bound is known
	title		VARCHAR(200) NOT NULL,
	description	TEXT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	source_id	INT UNSIGNED NULL,
	KEY k_history_year (year, sort),
	CONSTRAINT fk_history_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- Chairs of the association, past and present.
CREATE TABLE association_leaders (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(60) NOT NULL,
	role		VARCHAR(60) NOT NULL,		-- 회장
	ordinal_note	VARCHAR(60) NULL,		-- 초대, 현 (2020년 기준)
	affiliation	VARCHAR(200) NULL,		-- their post at a member technopark
	is_current	TINYINT(1) NOT NULL DEFAULT 0,
	sort		SMALLINT NOT NULL DEFAULT 0,
	source_id	INT UNSIGNED NULL,
	CONSTRAINT fk_leaders_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- What the association does: kind 'function' (its roles) or 'programme' (its joint programmes).
CREATE TABLE association_functions (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('function','programme','publication') NOT NULL,
	title		VARCHAR(200) NOT NULL,
	description	TEXT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	source_id	INT UNSIGNED NULL,
	KEY k_functions_kind (kind, sort),
	CONSTRAINT fk_functions_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- Provinces and metropolitan cities (시·도) a technopark can belong to.
CREATE TABLE regions (
	id		TINYINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(40) NOT NULL,
	name_ko		VARCHAR(40) NOT NULL,
	name_en		VARCHAR(60) NOT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	UNIQUE KEY u_regions_slug (slug)
) ENGINE=InnoDB;

CREATE TABLE technoparks (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(40) NOT NULL,
	name_ko		VARCHAR(100) NOT NULL,
	name_en		VARCHAR(150) NULL,
	region_id	TINYINT UNSIGNED NOT NULL,
	joined_year	SMALLINT UNSIGNED NULL,		-- the year it joined the association, where known
	joined_note	VARCHAR(200) NULL,		-- what is known when the year is not (or how it joined)
	founding_member	TINYINT(1) NOT NULL DEFAULT 0,
	summary		TEXT NULL,
	director	VARCHAR(60) NULL,
	director_note	VARCHAR(100) NULL,		-- e.g. '2020년 기준'
	address		VARCHAR(300) NULL,
	phone		VARCHAR(40) NULL,
	email		VARCHAR(200) NULL,
	website		VARCHAR(300) NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY u_technoparks_slug (slug),
	KEY k_technoparks_region (region_id),
	KEY k_technoparks_joined (joined_year),
	CONSTRAINT fk_technoparks_region FOREIGN KEY (region_id) REFERENCES regions (id)
) ENGINE=InnoDB;

-- Dated facts about one technopark (programmes, investments) as the source tells them.
CREATE TABLE technopark_events (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	technopark_id	INT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NULL,
	year_note	VARCHAR(60) NULL,
	description	TEXT NOT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	source_id	INT UNSIGNED NULL,
	KEY k_events_tp (technopark_id, year, sort),
	CONSTRAINT fk_events_tp FOREIGN KEY (technopark_id) REFERENCES technoparks (id) ON DELETE CASCADE,
	CONSTRAINT fk_events_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- Focus industries, as tags.
CREATE TABLE industries (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(40) NOT NULL,
	name_ko		VARCHAR(60) NOT NULL,
	name_en		VARCHAR(100) NULL,
	UNIQUE KEY u_industries_slug (slug)
) ENGINE=InnoDB;

CREATE TABLE technopark_industries (
	technopark_id	INT UNSIGNED NOT NULL,
	industry_id	INT UNSIGNED NOT NULL,
	PRIMARY KEY (technopark_id, industry_id),
	KEY k_ti_industry (industry_id),
	CONSTRAINT fk_ti_tp FOREIGN KEY (technopark_id) REFERENCES technoparks (id) ON DELETE CASCADE,
	CONSTRAINT fk_ti_industry FOREIGN KEY (industry_id) REFERENCES industries (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- People of a technopark (technopark_id) or of the association (technopark_id NULL).
-- is_demo = 1 marks fictional demo people loaded from sql/demo/; real data never sets it.
CREATE TABLE people (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	technopark_id	INT UNSIGNED NULL,
	name		VARCHAR(60) NOT NULL,
	title		VARCHAR(60) NULL,
	department	VARCHAR(100) NULL,
	phone		VARCHAR(40) NULL,
	email		VARCHAR(200) NULL,
	note		VARCHAR(200) NULL,		-- e.g. '2020년 기준'
	sort		SMALLINT NOT NULL DEFAULT 0,
	visible		TINYINT(1) NOT NULL DEFAULT 1,
	is_demo		TINYINT(1) NOT NULL DEFAULT 0,
	source_id	INT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	KEY k_people_tp (technopark_id, sort),
	KEY k_people_name (name),
	CONSTRAINT fk_people_tp FOREIGN KEY (technopark_id) REFERENCES technoparks (id),
	CONSTRAINT fk_people_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- The association's bodies: 총회, 이사회, 원장단, 실무위원회, 사업위원회.
CREATE TABLE committees (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(40) NOT NULL,
	name_ko		VARCHAR(60) NOT NULL,
	name_en		VARCHAR(100) NULL,
	purpose		TEXT NULL,
	sort		SMALLINT NOT NULL DEFAULT 0,
	source_id	INT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	UNIQUE KEY u_committees_slug (slug),
	CONSTRAINT fk_committees_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;

-- Network-wide figures by year: companies in technoparks, their employees, their revenue (억원).
CREATE TABLE network_figures (
	year		SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	tenant_companies INT UNSIGNED NULL,
	employees	INT UNSIGNED NULL,
	revenue_eok	BIGINT UNSIGNED NULL,		-- 억원 (100 million won)
	member_count	TINYINT UNSIGNED NULL,		-- technoparks in the network that year
	source_id	INT UNSIGNED NULL,
	CONSTRAINT fk_figures_source FOREIGN KEY (source_id) REFERENCES sources (id)
) ENGINE=InnoDB;
