-- 003_technoparks.sql - real seed: the 19 member technoparks, their focus industries, dated events and the real people named; facts come from source 1 (투데이에너지, 2020-09-21), restated in our own words.
-- Anything the source does not say (addresses, phones, websites, most directors, most joining years) is left NULL. Load after 002_history.sql.
SET NAMES utf8mb4;
START TRANSACTION;

-- The 19 members (ids 1..19 are fixed; demo data and tests refer to them).
-- joined_year is set only where the source gives the year; joined_note says what else is known.
-- source_id: the row's facts come from source 1; summary_source_id and director_source_id: that field
-- restates source 1 and is dated by it (the pages say "2020년 기사 기준"; an edit clears the mark, see
-- src/model/profile.c). region_derived = 1: the source names no region, so it is read from the name
-- (포항 in 경상북도, 경기대진 in 경기도). name_en_derived = 1: the English name is the portal's own rendering.
INSERT INTO technoparks (id, slug, name_ko, name_en, region_id, joined_year, joined_note, founding_member, summary, director, director_note, source_id, summary_source_id, director_source_id, region_derived, name_en_derived) VALUES
	(1, 'seoul', '서울테크노파크', 'Seoul Technopark',
	 (SELECT id FROM regions WHERE slug = 'seoul'), NULL, '2005년 명칭 변경 이후 가입 (연도 미상)', 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(2, 'busan', '부산테크노파크', 'Busan Technopark',
	 (SELECT id FROM regions WHERE slug = 'busan'), NULL, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(3, 'daegu', '대구테크노파크', 'Daegu Technopark',
	 (SELECT id FROM regions WHERE slug = 'daegu'), 1998, '1998년 전국테크노파크협의회 결성에 참여', 1, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(4, 'incheon', '인천테크노파크', 'Incheon Technopark',
	 (SELECT id FROM regions WHERE slug = 'incheon'), 1998, '1998년 송도테크노파크라는 이름으로 전국테크노파크협의회 결성에 참여 (출처의 다른 명단에는 인천으로 표기)', 1,
	 '사물인터넷(IoT)·인공지능(AI)·빅데이터 분야의 기술 기반 센터를 세워 전문기업을 키우고, 스마트공장 보급을 넓혀 가고 있다.', NULL, NULL, 1, 1, NULL, 0, 1),
	(5, 'gwangju', '광주테크노파크', 'Gwangju Technopark',
	 (SELECT id FROM regions WHERE slug = 'gwangju'), 1998, '1998년 전국테크노파크협의회 결성에 참여 (출처의 다른 명단에는 광주전남으로 표기)', 1, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(6, 'daejeon', '대전테크노파크', 'Daejeon Technopark',
	 (SELECT id FROM regions WHERE slug = 'daejeon'), NULL, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(7, 'ulsan', '울산테크노파크', 'Ulsan Technopark',
	 (SELECT id FROM regions WHERE slug = 'ulsan'), 2004, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(8, 'gyeonggi', '경기테크노파크', 'Gyeonggi Technopark',
	 (SELECT id FROM regions WHERE slug = 'gyeonggi'), 1998, '1998년 전국테크노파크협의회 결성에 참여', 1,
	 '스마트 제조의 기반을 다지고 널리 퍼뜨리는 일을 핵심 과제로 삼아, 제조업 혁신 플랫폼과 스마트공장 보급에 힘쓰고 있다.', NULL, NULL, 1, 1, NULL, 0, 1),
	(9, 'gangwon', '강원테크노파크', 'Gangwon Technopark',
	 (SELECT id FROM regions WHERE slug = 'gangwon'), 2003, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(10, 'chungbuk', '충북테크노파크', 'Chungbuk Technopark',
	 (SELECT id FROM regions WHERE slug = 'chungbuk'), 2003, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(11, 'chungnam', '충남테크노파크', 'Chungnam Technopark',
	 (SELECT id FROM regions WHERE slug = 'chungnam'), 1998, '1998년 전국테크노파크협의회 결성에 참여', 1,
	 '디스플레이·자동차 부품·바이오·2차전지를 주력 분야로 키우며, 차세대 디스플레이(OLED·플렉시블) 기술 개발에 장기 투자하고 있다.', NULL, NULL, 1, 1, NULL, 0, 1),
	(12, 'jeonbuk', '전북테크노파크', 'Jeonbuk Technopark',
	 (SELECT id FROM regions WHERE slug = 'jeonbuk'), 2003, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(13, 'jeonnam', '전남테크노파크', 'Jeonnam Technopark',
	 (SELECT id FROM regions WHERE slug = 'jeonnam'), 2003, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(14, 'gyeongbuk', '경북테크노파크', 'Gyeongbuk Technopark',
	 (SELECT id FROM regions WHERE slug = 'gyeongbuk'), 1998, '1998년 전국테크노파크협의회 결성에 참여', 1, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(15, 'gyeongnam', '경남테크노파크', 'Gyeongnam Technopark',
	 (SELECT id FROM regions WHERE slug = 'gyeongnam'), 2004, NULL, 0, NULL, '안완기', NULL, 1, NULL, 1, 0, 1),
	(16, 'jeju', '제주테크노파크', 'Jeju Technopark',
	 (SELECT id FROM regions WHERE slug = 'jeju'), NULL, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1),
	(17, 'gyeonggi-daejin', '경기대진테크노파크', 'Gyeonggi-Daejin Technopark',
	 (SELECT id FROM regions WHERE slug = 'gyeonggi'), NULL, '2005년 명칭 변경 이후 가입 (연도 미상)', 0, NULL, NULL, NULL, 1, NULL, NULL, 1, 1),
	(18, 'pohang', '포항테크노파크', 'Pohang Technopark',
	 (SELECT id FROM regions WHERE slug = 'gyeongbuk'), NULL, NULL, 0, NULL, NULL, NULL, 1, NULL, NULL, 1, 1),
	(19, 'sejong', '세종테크노파크', 'Sejong Technopark',
	 (SELECT id FROM regions WHERE slug = 'sejong'), NULL, '2018년 설립 인가를 받은 19번째 테크노파크 (가입 연도 미상)', 0, NULL, NULL, NULL, 1, NULL, NULL, 0, 1);

-- Focus industries, only where the source ties a field to a named technopark.
INSERT INTO technopark_industries (technopark_id, industry_id)
	SELECT t.id, i.id FROM technoparks t JOIN industries i
	WHERE t.slug = 'gyeonggi' AND i.slug IN ('smart-manufacturing', 'smart-factory', '3d-printing');
INSERT INTO technopark_industries (technopark_id, industry_id)
	SELECT t.id, i.id FROM technoparks t JOIN industries i
	WHERE t.slug = 'incheon' AND i.slug IN ('iot', 'ai', 'big-data', 'smart-factory');
INSERT INTO technopark_industries (technopark_id, industry_id)
	SELECT t.id, i.id FROM technoparks t JOIN industries i
	WHERE t.slug = 'chungnam' AND i.slug IN ('display', 'auto-parts', 'bio', 'secondary-battery');

-- Dated events. Where the source gives only a target year, year is that year and year_note says so.
INSERT INTO technopark_events (technopark_id, year, year_note, description, sort, source_id) VALUES
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi'), 2019, NULL,
	 '스마트 제조 기반을 닦고 넓히는 일을 그해 가장 중요한 사업으로 정하고, 664억원을 들여 제조업 혁신을 위한 플랫폼을 마련했다.', 1, 1),
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi'), NULL, '시기 미상 (2020년 기사 기준)',
	 '경기도 남부의 제조기업 700곳이 스마트공장을 갖추도록 지원했다.', 2, 1),
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi'), 2020, '2020년 완공 목표',
	 '300억원 규모의 스마트제조혁신센터를 짓고 있으며, 2020년 안에 마치는 것을 목표로 했다.', 3, 1),
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi'), NULL, '2020년 기사 기준 추진',
	 '3D 프린팅을 활용한 새 비즈니스 모델을 찾도록 기술 지원 사업을 벌인다.', 4, 1),
	((SELECT id FROM technoparks WHERE slug = 'incheon'), 2019, NULL,
	 '95억원을 투입해 사물인터넷(IoT)·인공지능(AI)·빅데이터 같은 핵심 기술의 기반 센터를 세우고, 이를 전문기업 육성을 위한 기업지원 플랫폼으로 내놓았다.', 1, 1),
	((SELECT id FROM technoparks WHERE slug = 'incheon'), 2019, NULL,
	 '기업 80곳에 스마트공장 보급을 지원했다.', 2, 1),
	((SELECT id FROM technoparks WHERE slug = 'incheon'), 2022, '2022년까지 (목표)',
	 '스마트공장 1,000곳 구축을 2022년까지 달성한다는 목표를 세웠다.', 3, 1),
	((SELECT id FROM technoparks WHERE slug = 'chungnam'), 2019, NULL,
	 '디스플레이·자동차 부품·바이오·2차전지 네 분야를 집중 육성 대상으로 삼았다.', 1, 1),
	((SELECT id FROM technoparks WHERE slug = 'chungnam'), 2025, '2025년까지 (계획)',
	 '총 5,281억원을 2025년까지 투입해, 차세대 디스플레이의 중심 기술인 OLED(유기발광다이오드)와 플렉시블 기술을 개발하고 관련 플랫폼을 갖출 계획이다.', 2, 1);

-- Real people named in the source. No phones or e-mails: the source gives none. Their posts are the ones the
-- 2020 article names (source_id 1: the pages add "2020년 기사 기준"); the note says what else it tells.
INSERT INTO people (technopark_id, name, title, department, phone, email, note, sort, visible, is_demo, source_id) VALUES
	((SELECT id FROM technoparks WHERE slug = 'gyeongnam'), '안완기', '원장', NULL, NULL, NULL,
	 '진흥회 회장', 0, 1, 0, 1),
	((SELECT id FROM technoparks WHERE slug = 'gwangju'), '김기남', '이사장', NULL, NULL, NULL,
	 '진흥회 초대 회장. 이사장은 회장 취임 당시의 직함 (시기 미상)', 0, 1, 0, 1);

COMMIT;
