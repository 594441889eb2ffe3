-- 031_technopark_english.sql - a technopark's profile in English beside the Korean (issue 17): its summary and
-- address, edited on the member admin's profile form with the English name and reviewed like the Korean fields
-- (src/model/profile.c). Empty until someone writes them: the seed's sources give no English text.
SET NAMES utf8mb4;

ALTER TABLE technoparks
	ADD COLUMN summary_en TEXT NULL AFTER summary,
	ADD COLUMN address_en VARCHAR(300) NULL AFTER address;
-- the fields a demo account wrote (sql/024_demo_authors.sql) name the new ones too
ALTER TABLE technoparks
	MODIFY COLUMN demo_fields SET('summary','director','address','phone','email','website','industry',
	    'name_en','summary_en','address_en') NOT NULL DEFAULT '';
