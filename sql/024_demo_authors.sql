-- 024_demo_authors.sql - demo marking by construction, the rest of issue 20 (README "Data").
--
-- committee_meetings.created_by: the account that scheduled the meeting (NULL for seed, demo and older
-- rows). A meeting a demo account schedules is demo (admin/committees_admin.c sets both in the
-- creating transaction), as news and people a demo account writes are (model/news.c, people.c).
--
-- technoparks.demo_fields: the profile fields whose current value a demo account wrote, directly or
-- through a change request the secretariat approved (model/profile.c): a real technopark's profile
-- keeps real data apart from what was typed while trying the portal out, and /members/{slug} badges
-- those fields. A real account's later edit of a field clears its mark.
SET NAMES utf8mb4;
ALTER TABLE committee_meetings
	ADD COLUMN created_by INT UNSIGNED NULL,
	ADD CONSTRAINT fk_meetings_creator FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE technoparks
	ADD COLUMN demo_fields SET('summary','director','address','phone','email','website','industry') NOT NULL DEFAULT '';

-- The demo 원장단 meeting (sql/demo/003_demo_committees.sql, meeting 105) said the council decided (의결) and
-- recorded a vote; the council consults and decides nothing (source 1: 총회 and 이사회 decide). A database that
-- loaded the old demo data gets the corrected rows, only while they still hold the old demo text.
DELETE r FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id
	JOIN committee_meetings g ON g.id = i.meeting_id
	WHERE r.id = 106 AND g.id = 105 AND g.is_demo = 1 AND r.body = '협의회 운영 규정 개정안을 원안대로 의결한다.';
UPDATE committee_agenda_items i JOIN committee_meetings g ON g.id = i.meeting_id
	SET i.title = '협의회 운영 규정 개정안에 관한 의견 교환'
	WHERE i.id = 110 AND g.id = 105 AND g.is_demo = 1 AND i.title = '협의회 운영 규정 개정의 건';
UPDATE committee_minutes n JOIN committee_meetings g ON g.id = n.meeting_id SET
	n.body_md = REPLACE(n.body_md, '협의회 운영 규정 개정안을 의결하였다.', '협의회 운영 규정 개정안에 관한 의견을 나누었다. 원장단은 협의하는 자리로, 의결은 하지 않는다.'),
	n.body_html = REPLACE(n.body_html, '협의회 운영 규정 개정안을 의결하였다.', '협의회 운영 규정 개정안에 관한 의견을 나누었다. 원장단은 협의하는 자리로, 의결은 하지 않는다.')
	WHERE n.meeting_id = 105 AND g.is_demo = 1 AND n.body_md LIKE '%협의회 운영 규정 개정안을 의결하였다.%';
INSERT INTO search_queue (kind, ref_id) SELECT 'committees', id FROM committee_meetings WHERE id = 105 AND is_demo = 1;

-- Seed (source 1): the 700 companies 경기테크노파크 helped towards smart factories are given no year by the article;
-- the seed dated them 2019. Only while the row still holds the seed's text and date.
UPDATE technopark_events e JOIN technoparks t ON t.id = e.technopark_id
	SET e.year = NULL, e.year_note = '시기 미상 (2020년 기사 기준)'
	WHERE t.slug = 'gyeonggi' AND e.source_id = 1 AND e.year = 2019 AND e.year_note IS NULL
	AND e.description = '경기도 남부의 제조기업 700곳이 스마트공장을 갖추도록 지원했다.';
