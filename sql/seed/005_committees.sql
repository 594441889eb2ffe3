-- 005_committees.sql - committee seats the source states: the council of technopark directors (원장단) is made
-- up of the directors of the member technoparks, who are also the members of the general assembly (총회) and
-- the board (이사회) (투데이에너지, 2020-09-21). In the council and the general assembly each technopark holds
-- one seat as its director's, role member; the source gives no term dates, so they are NULL (shown as
-- unknown), and it names no chairs, nor members of the working and business committees, so none are seeded.
-- Load after 003_technoparks.sql.
SET NAMES utf8mb4;
START TRANSACTION;

UPDATE committees SET composition = '회원 테크노파크의 원장' WHERE slug = 'directors';
UPDATE committees SET composition = '회원 테크노파크의 원장' WHERE slug = 'general-assembly';
UPDATE committees SET composition = '회원 테크노파크의 원장' WHERE slug = 'board';

INSERT INTO committee_members (id, committee_id, technopark_id, role, term_start, term_end, source_id) VALUES
	(1, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'seoul'), 'member', NULL, NULL, 1),
	(2, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'busan'), 'member', NULL, NULL, 1),
	(3, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'daegu'), 'member', NULL, NULL, 1),
	(4, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'incheon'), 'member', NULL, NULL, 1),
	(5, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'gwangju'), 'member', NULL, NULL, 1),
	(6, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'daejeon'), 'member', NULL, NULL, 1),
	(7, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'ulsan'), 'member', NULL, NULL, 1),
	(8, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'gyeonggi'), 'member', NULL, NULL, 1),
	(9, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'gangwon'), 'member', NULL, NULL, 1),
	(10, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'chungbuk'), 'member', NULL, NULL, 1),
	(11, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'chungnam'), 'member', NULL, NULL, 1),
	(12, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'jeonbuk'), 'member', NULL, NULL, 1),
	(13, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'jeonnam'), 'member', NULL, NULL, 1),
	(14, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'gyeongbuk'), 'member', NULL, NULL, 1),
	(15, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'gyeongnam'), 'member', NULL, NULL, 1),
	(16, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'jeju'), 'member', NULL, NULL, 1),
	(17, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'gyeonggi-daejin'), 'member', NULL, NULL, 1),
	(18, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'pohang'), 'member', NULL, NULL, 1),
	(19, (SELECT id FROM committees WHERE slug = 'directors'), (SELECT id FROM technoparks WHERE slug = 'sejong'), 'member', NULL, NULL, 1);

-- The general assembly (총회): the source names the technopark directors as the members of the general
-- assembly and the board; like the council's, each technopark holds one seat as its director's. The board's
-- seats are left to the secretariat (the demo data gives it people of its own).
INSERT INTO committee_members (id, committee_id, technopark_id, role, term_start, term_end, source_id) VALUES
	(20, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'seoul'), 'member', NULL, NULL, 1),
	(21, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'busan'), 'member', NULL, NULL, 1),
	(22, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'daegu'), 'member', NULL, NULL, 1),
	(23, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'incheon'), 'member', NULL, NULL, 1),
	(24, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'gwangju'), 'member', NULL, NULL, 1),
	(25, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'daejeon'), 'member', NULL, NULL, 1),
	(26, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'ulsan'), 'member', NULL, NULL, 1),
	(27, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'gyeonggi'), 'member', NULL, NULL, 1),
	(28, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'gangwon'), 'member', NULL, NULL, 1),
	(29, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'chungbuk'), 'member', NULL, NULL, 1),
	(30, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'chungnam'), 'member', NULL, NULL, 1),
	(31, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'jeonbuk'), 'member', NULL, NULL, 1),
	(32, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'jeonnam'), 'member', NULL, NULL, 1),
	(33, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'gyeongbuk'), 'member', NULL, NULL, 1),
	(34, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'gyeongnam'), 'member', NULL, NULL, 1),
	(35, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'jeju'), 'member', NULL, NULL, 1),
	(36, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'gyeonggi-daejin'), 'member', NULL, NULL, 1),
	(37, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'pohang'), 'member', NULL, NULL, 1),
	(38, (SELECT id FROM committees WHERE slug = 'general-assembly'), (SELECT id FROM technoparks WHERE slug = 'sejong'), 'member', NULL, NULL, 1);

COMMIT;
