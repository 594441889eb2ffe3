-- 018_seed_facts.sql - seed facts true to source 1 (투데이에너지, 2020-09-21) and marked for what they are (issue 20).
--
-- Schema: where a technopark's facts come from (technoparks.source_id; summary_source_id and director_source_id
-- for the two fields that restate the source and are dated by it, cleared by src/model/profile.c when someone
-- edits the field), what the portal derived itself (technoparks.region_derived: the region read from the name;
-- name_en_derived on technoparks, association and committees: an English name the portal made, the source
-- giving none), a kind 'network' of association_functions for what the source says of the technoparks as a
-- whole, news_articles.date_only (the source gives a day, no time), a category 언론 보도 for a newspaper's
-- feature (the seed article was filed as the association's 보도자료), and seats of a demo person are demo
-- (two triggers: a seat attached to a demo row is demo, whichever handler writes it).
--
-- Data: a new database gets the corrected rows from sql/seed/ (seeds load after the migrations, so the UPDATEs
-- here find nothing there, and the INSERTs are guarded by the seed's source row). On an existing database
-- each row is changed only while it still holds the old seed's text: whatever the secretariat or a member
-- admin has written since is kept. The changed records are queued for the search index.
--
-- Triggers: with binary logging on, creating them needs SUPER or log_bin_trust_function_creators = 1 for the
-- migration account (docs/operations.md).
SET NAMES utf8mb4;

ALTER TABLE technoparks
	ADD COLUMN source_id INT UNSIGNED NULL AFTER website,
	ADD COLUMN summary_source_id INT UNSIGNED NULL AFTER source_id,
	ADD COLUMN director_source_id INT UNSIGNED NULL AFTER summary_source_id,
	ADD COLUMN region_derived TINYINT(1) NOT NULL DEFAULT 0 AFTER director_source_id,
	ADD COLUMN name_en_derived TINYINT(1) NOT NULL DEFAULT 0 AFTER region_derived,
	ADD CONSTRAINT fk_technoparks_source FOREIGN KEY (source_id) REFERENCES sources (id),
	ADD CONSTRAINT fk_technoparks_summary_source FOREIGN KEY (summary_source_id) REFERENCES sources (id),
	ADD CONSTRAINT fk_technoparks_director_source FOREIGN KEY (director_source_id) REFERENCES sources (id);
ALTER TABLE association ADD COLUMN name_en_derived TINYINT(1) NOT NULL DEFAULT 0 AFTER name_en;
ALTER TABLE committees ADD COLUMN name_en_derived TINYINT(1) NOT NULL DEFAULT 0 AFTER name_en;
ALTER TABLE association_functions MODIFY kind ENUM('function','programme','publication','network') NOT NULL;
ALTER TABLE news_articles ADD COLUMN date_only TINYINT(1) NOT NULL DEFAULT 0 AFTER published_at;

-- A newspaper's own article (the seed's source) is neither a notice nor the association's press release.
INSERT IGNORE INTO news_categories (slug, name_ko, sort) VALUES
	('media', '언론 보도', 5);

-- A seat held by a demo person is demo, whoever writes it (the admin's seat form, SQL, a later tool).
CREATE TRIGGER committee_members_demo_insert BEFORE INSERT ON committee_members FOR EACH ROW
	SET NEW.is_demo = NEW.is_demo OR COALESCE((SELECT p.is_demo FROM people p WHERE p.id = NEW.person_id), 0);
CREATE TRIGGER committee_members_demo_update BEFORE UPDATE ON committee_members FOR EACH ROW
	SET NEW.is_demo = NEW.is_demo OR COALESCE((SELECT p.is_demo FROM people p WHERE p.id = NEW.person_id), 0);
UPDATE committee_members m JOIN people p ON p.id = m.person_id SET m.is_demo = 1 WHERE p.is_demo = 1 AND m.is_demo = 0;

START TRANSACTION;

-- The 19 members: their facts are source 1's; English names are the portal's; two regions come from the name.
UPDATE technoparks t JOIN (
	SELECT 1 AS id, 'seoul' AS slug, '서울테크노파크' AS name_ko, 'Seoul Technopark' AS name_en
	UNION ALL SELECT 2 AS id, 'busan' AS slug, '부산테크노파크' AS name_ko, 'Busan Technopark' AS name_en
	UNION ALL SELECT 3 AS id, 'daegu' AS slug, '대구테크노파크' AS name_ko, 'Daegu Technopark' AS name_en
	UNION ALL SELECT 4 AS id, 'incheon' AS slug, '인천테크노파크' AS name_ko, 'Incheon Technopark' AS name_en
	UNION ALL SELECT 5 AS id, 'gwangju' AS slug, '광주테크노파크' AS name_ko, 'Gwangju Technopark' AS name_en
	UNION ALL SELECT 6 AS id, 'daejeon' AS slug, '대전테크노파크' AS name_ko, 'Daejeon Technopark' AS name_en
	UNION ALL SELECT 7 AS id, 'ulsan' AS slug, '울산테크노파크' AS name_ko, 'Ulsan Technopark' AS name_en
	UNION ALL SELECT 8 AS id, 'gyeonggi' AS slug, '경기테크노파크' AS name_ko, 'Gyeonggi Technopark' AS name_en
	UNION ALL SELECT 9 AS id, 'gangwon' AS slug, '강원테크노파크' AS name_ko, 'Gangwon Technopark' AS name_en
	UNION ALL SELECT 10 AS id, 'chungbuk' AS slug, '충북테크노파크' AS name_ko, 'Chungbuk Technopark' AS name_en
	UNION ALL SELECT 11 AS id, 'chungnam' AS slug, '충남테크노파크' AS name_ko, 'Chungnam Technopark' AS name_en
	UNION ALL SELECT 12 AS id, 'jeonbuk' AS slug, '전북테크노파크' AS name_ko, 'Jeonbuk Technopark' AS name_en
	UNION ALL SELECT 13 AS id, 'jeonnam' AS slug, '전남테크노파크' AS name_ko, 'Jeonnam Technopark' AS name_en
	UNION ALL SELECT 14 AS id, 'gyeongbuk' AS slug, '경북테크노파크' AS name_ko, 'Gyeongbuk Technopark' AS name_en
	UNION ALL SELECT 15 AS id, 'gyeongnam' AS slug, '경남테크노파크' AS name_ko, 'Gyeongnam Technopark' AS name_en
	UNION ALL SELECT 16 AS id, 'jeju' AS slug, '제주테크노파크' AS name_ko, 'Jeju Technopark' AS name_en
	UNION ALL SELECT 17 AS id, 'gyeonggi-daejin' AS slug, '경기대진테크노파크' AS name_ko, 'Gyeonggi-Daejin Technopark' AS name_en
	UNION ALL SELECT 18 AS id, 'pohang' AS slug, '포항테크노파크' AS name_ko, 'Pohang Technopark' AS name_en
	UNION ALL SELECT 19 AS id, 'sejong' AS slug, '세종테크노파크' AS name_ko, 'Sejong Technopark' AS name_en
) s ON s.id = t.id AND s.slug = t.slug AND s.name_ko = t.name_ko
SET t.source_id = COALESCE(t.source_id, 1), t.name_en_derived = (t.name_en <=> s.name_en)
WHERE EXISTS (SELECT 1 FROM sources WHERE id = 1 AND outlet = '투데이에너지');
UPDATE technoparks SET region_derived = 1 WHERE slug = 'pohang' AND region_id = (SELECT id FROM regions WHERE slug = 'gyeongbuk') AND source_id = 1;
UPDATE technoparks SET region_derived = 1 WHERE slug = 'gyeonggi-daejin' AND region_id = (SELECT id FROM regions WHERE slug = 'gyeonggi') AND source_id = 1;
UPDATE technoparks SET summary = '사물인터넷(IoT)·인공지능(AI)·빅데이터 분야의 기술 기반 센터를 세워 전문기업을 키우고, 스마트공장 보급을 넓혀 가고 있다.', summary_source_id = 1
	WHERE slug = 'incheon' AND source_id = 1 AND summary = '사물인터넷(IoT)·인공지능(AI)·빅데이터 분야의 기술 기반 센터를 세워 전문기업을 키우고, 스마트공장 보급을 넓혀 가고 있다 (2020년 기사 기준).';
UPDATE technoparks SET summary = '스마트 제조의 기반을 다지고 널리 퍼뜨리는 일을 핵심 과제로 삼아, 제조업 혁신 플랫폼과 스마트공장 보급에 힘쓰고 있다.', summary_source_id = 1
	WHERE slug = 'gyeonggi' AND source_id = 1 AND summary = '스마트 제조의 기반을 다지고 널리 퍼뜨리는 일을 핵심 과제로 삼아, 제조업 혁신 플랫폼과 스마트공장 보급에 힘쓰고 있다 (2020년 기사 기준).';
UPDATE technoparks SET summary = '디스플레이·자동차 부품·바이오·2차전지를 주력 분야로 키우며, 차세대 디스플레이(OLED·플렉시블) 기술 개발에 장기 투자하고 있다.', summary_source_id = 1
	WHERE slug = 'chungnam' AND source_id = 1 AND summary = '디스플레이·자동차 부품·바이오·2차전지를 주력 분야로 키우며, 차세대 디스플레이(OLED·플렉시블) 기술 개발에 장기 투자하고 있다 (2020년 기사 기준).';
UPDATE technoparks SET director_note = NULL, director_source_id = 1
	WHERE slug = 'gyeongnam' AND source_id = 1 AND director = '안완기' AND director_note = '2020년 기준';

-- The association: its founding purpose; its English name is the portal's.
UPDATE association SET summary = '한국테크노파크진흥회는 19개 테크노파크가 회원으로 참여하는 비영리 사단법인으로, 이들을 하나로 묶는 네트워크의 중심축이다. 회원 테크노파크가 중앙정부, 지방자치단체, 관련 기관, 해외 기관과 교류하고 협력할 수 있도록 연결 고리를 만들고 키워 나간다. 진흥회를 세운 뜻은 세 가지다. 테크노파크가 처음 세워질 때 품은 목적을 이루도록 돕는 것, 테크노파크끼리 힘을 모으고 정보를 나눌 자리를 만드는 것, 그리고 각 지역의 테크노파크가 지역 산업을 키우고 기업을 돕는 거점 기관 노릇을 하게 하는 것이다.'
	WHERE id = 1 AND source_id = 1 AND summary = '한국테크노파크진흥회는 19개 테크노파크가 회원으로 참여하는 비영리 사단법인으로, 이들을 하나로 묶는 네트워크의 중심축이다. 회원 테크노파크가 중앙정부, 지방자치단체, 관련 기관, 해외 기관과 교류하고 협력할 수 있도록 연결 고리를 만들고 키워 나간다.';
UPDATE association SET name_en_derived = 1 WHERE id = 1 AND source_id = 1 AND name_en = 'Korea Technopark Association';
UPDATE committees c JOIN (
	SELECT 'general-assembly' AS slug, 'General Assembly' AS name_en
	UNION ALL SELECT 'board', 'Board of Directors'
	UNION ALL SELECT 'directors', 'Council of Technopark Directors'
	UNION ALL SELECT 'working', 'Working Committee'
	UNION ALL SELECT 'business', 'Business Committee'
) s ON s.slug = c.slug AND s.name_en = c.name_en
SET c.name_en_derived = 1 WHERE c.source_id = 1;

-- The chairs and the people named: offices as the 2020 article gives them, never as today's.
UPDATE association_leaders SET affiliation = '취임 당시 광주테크노파크 이사장, 재임 시기 미상'
	WHERE name = '김기남' AND source_id = 1 AND ordinal_note = '초대' AND affiliation = '광주테크노파크 이사장';
UPDATE association_leaders SET ordinal_note = NULL
	WHERE name = '안완기' AND source_id = 1 AND ordinal_note = '현 (2020년 기준)';
UPDATE people SET note = '진흥회 회장'
	WHERE name = '안완기' AND source_id = 1 AND is_demo = 0 AND note = '2020년 기준, 진흥회 회장';
UPDATE people SET note = '진흥회 초대 회장. 이사장은 회장 취임 당시의 직함 (시기 미상)'
	WHERE name = '김기남' AND source_id = 1 AND is_demo = 0 AND note = '진흥회 초대 회장 (재임 시기 미상)';

-- What the source says of the technopark network as a whole (a new database gets these from the seed).
INSERT INTO association_functions (kind, title, description, sort, source_id)
	SELECT f.kind, f.title, f.description, f.sort, 1 FROM (
		SELECT 'network' AS kind, '석사·박사급 연구 인력' AS title,
		 '진흥회의 설명으로는 테크노파크에서 일하는 사람 가운데 절반을 넘는 수가 석사나 박사 수준의 연구원이다. 그래서 4차 산업 분야의 기술 지원과 기업 지원을 전문적으로 해낼 수 있다고 한다.' AS description, 1 AS sort
		UNION ALL SELECT 'network' AS kind, '2019년부터 중소벤처기업부·광역자치단체와 함께한 사업' AS title,
		 '2019년부터 테크노파크는 중소벤처기업부, 각 광역자치단체와 손잡고 4차 산업혁명에 맞서는 사업을 벌여 왔다. 지역에서 새 사업거리를 만들고, 스마트공장을 널리 보급하고, 기술혁신을 이끄는 일이 여기에 든다.' AS description, 2 AS sort
		UNION ALL SELECT 'network' AS kind, '수도권·대전·충청권 테크노파크의 2019년 중점' AS title,
		 '기사가 실린 해의 전해(2019년)에 수도권과 대전, 충청권의 테크노파크는 4차 산업을 키우려고 스마트공장, 수소 산업, 기업 지원 플랫폼 구축, 3D(3차원) 프린팅에 힘을 모았다.' AS description, 3 AS sort
		UNION ALL SELECT 'network' AS kind, '해외 협력' AS title,
		 '전국 테크노파크는 나라 밖에서 개발도상국을 돕는 협력 사업을 벌이고 해외 프로젝트를 따냈다. 국내와 해외를 잇는 이런 활동으로 청년 일자리를 만들고 나라의 경쟁력을 높이는 데 힘을 보탰다.' AS description, 4 AS sort
	) f
	WHERE EXISTS (SELECT 1 FROM sources WHERE id = 1 AND outlet = '투데이에너지')
	AND NOT EXISTS (SELECT 1 FROM association_functions WHERE kind = 'network');

-- The news restatement: filed as 언론 보도, dated by day only, its text as sql/seed/004_news.sql now has it.
-- Only while the article is still the old seed's text, byte for byte (its SHA-256).
UPDATE news_articles SET
	category_id = COALESCE((SELECT id FROM news_categories WHERE slug = 'media'), category_id),
	body_md = '투데이에너지는 2020년 9월 21일 창간 특집 기사에서 한국테크노파크진흥회를 다루었습니다. 그 기사가 전한 사실을 회원기관 직원들이 한눈에 볼 수 있도록 새로 정리했습니다.

## 어떤 단체인가

- 비영리 사단법인이며, 전국의 테크노파크 19곳이 모두 정회원입니다.
- 회원 테크노파크와 중앙정부, 지방자치단체, 관련 기관, 해외 기관 사이를 이어 주는 연결망의 중심을 자임합니다.
- 사무실은 서울특별시 강남구 테헤란로 305 한국기술센터에 있습니다.

## 연혁

- **1998년** 송도, 경기, 충남, 광주, 대구, 경북의 여섯 테크노파크가 전국테크노파크협의회를 만들면서 출발했습니다.
- **2003년** 강원, 충북, 전북, 전남 테크노파크가 더해졌습니다.
- **2004년** 울산과 경남 테크노파크가 회원이 되었습니다.
- **2005년** 한국테크노파크로 이름을 고친 뒤 서울과 경기대진 테크노파크를 맞았습니다.
- **2014년** 한-베트남 인큐베이터파크(KVIP)를 운영했습니다.
- **2018년** 오늘의 이름인 한국테크노파크진흥회로 바뀌었습니다.

첫 회장은 당시 광주테크노파크 이사장이던 김기남 회장이었고, 기사가 실린 2020년에는 경남테크노파크 원장인 안완기 회장이 진흥회를 이끌었습니다.

## 숫자로 보는 테크노파크 (2007년과 2018년)

- 테크노파크에 자리 잡은 기업: 826곳에서 2,256곳으로 세 배 가까이 되었습니다. 기사는 이 기간을 10년으로 적었습니다 (덧붙임: 2007년부터 2018년까지를 햇수로 세면 열한 해입니다).
- 그 기업들의 일자리: 16,564명에서 19,674명으로 늘었습니다.
- 그 기업들의 매출: 2007년 3조 5,200억 원, 2018년 17조 6,031억 원.

## 맡은 일

회원 테크노파크의 의견을 모아 정부와 관련 기관에 전하고, 19곳이 함께하는 행사를 기획하며, 테크노파크가 이룬 일을 안팎에 알립니다. 임직원 교육과 공동 연구, 국내 중소기업의 해외 진출을 돕는 국제 협력 사업도 진흥회가 챙기는 일입니다. 진흥회 운영에 관한 사항은 총회와 이사회가 심의하고 의결하며, 두 회의체의 구성원은 회원 테크노파크의 원장들입니다. 원장들은 지역 사업 소식을 나누고 현안을 함께 협의합니다. 실무위원회와 사업위원회에서는 사업에 관한 정책을 토론하고 정보를 주고받습니다.

이 글은 아래 출처의 기사를 바탕으로 사실만 추려 새로 쓴 것입니다.
',
	body_html = '<p>투데이에너지는 2020년 9월 21일 창간 특집 기사에서 한국테크노파크진흥회를 다루었습니다. 그 기사가 전한 사실을 회원기관 직원들이 한눈에 볼 수 있도록 새로 정리했습니다.</p>
<h2>어떤 단체인가</h2>
<ul>
<li>비영리 사단법인이며, 전국의 테크노파크 19곳이 모두 정회원입니다.</li>
<li>회원 테크노파크와 중앙정부, 지방자치단체, 관련 기관, 해외 기관 사이를 이어 주는 연결망의 중심을 자임합니다.</li>
<li>사무실은 서울특별시 강남구 테헤란로 305 한국기술센터에 있습니다.</li>
</ul>
<h2>연혁</h2>
<ul>
<li><strong>1998년</strong> 송도, 경기, 충남, 광주, 대구, 경북의 여섯 테크노파크가 전국테크노파크협의회를 만들면서 출발했습니다.</li>
<li><strong>2003년</strong> 강원, 충북, 전북, 전남 테크노파크가 더해졌습니다.</li>
<li><strong>2004년</strong> 울산과 경남 테크노파크가 회원이 되었습니다.</li>
<li><strong>2005년</strong> 한국테크노파크로 이름을 고친 뒤 서울과 경기대진 테크노파크를 맞았습니다.</li>
<li><strong>2014년</strong> 한-베트남 인큐베이터파크(KVIP)를 운영했습니다.</li>
<li><strong>2018년</strong> 오늘의 이름인 한국테크노파크진흥회로 바뀌었습니다.</li>
</ul>
<p>첫 회장은 당시 광주테크노파크 이사장이던 김기남 회장이었고, 기사가 실린 2020년에는 경남테크노파크 원장인 안완기 회장이 진흥회를 이끌었습니다.</p>
<h2>숫자로 보는 테크노파크 (2007년과 2018년)</h2>
<ul>
<li>테크노파크에 자리 잡은 기업: 826곳에서 2,256곳으로 세 배 가까이 되었습니다. 기사는 이 기간을 10년으로 적었습니다 (덧붙임: 2007년부터 2018년까지를 햇수로 세면 열한 해입니다).</li>
<li>그 기업들의 일자리: 16,564명에서 19,674명으로 늘었습니다.</li>
<li>그 기업들의 매출: 2007년 3조 5,200억 원, 2018년 17조 6,031억 원.</li>
</ul>
<h2>맡은 일</h2>
<p>회원 테크노파크의 의견을 모아 정부와 관련 기관에 전하고, 19곳이 함께하는 행사를 기획하며, 테크노파크가 이룬 일을 안팎에 알립니다. 임직원 교육과 공동 연구, 국내 중소기업의 해외 진출을 돕는 국제 협력 사업도 진흥회가 챙기는 일입니다. 진흥회 운영에 관한 사항은 총회와 이사회가 심의하고 의결하며, 두 회의체의 구성원은 회원 테크노파크의 원장들입니다. 원장들은 지역 사업 소식을 나누고 현안을 함께 협의합니다. 실무위원회와 사업위원회에서는 사업에 관한 정책을 토론하고 정보를 주고받습니다.</p>
<p>이 글은 아래 출처의 기사를 바탕으로 사실만 추려 새로 쓴 것입니다.</p>
',
	published_at = '2020-09-21 00:00:00', updated_at = '2020-09-21 00:00:00', date_only = 1
	WHERE id = 1 AND source_id = 1 AND author_id IS NULL
	AND SHA2(body_md, 256) = '4b3b6f000b35fe4af8255d2a29c161031edd9014a5dded541b340c3f4972ec36'
	AND SHA2(body_html, 256) = '41650f4ffba4f052480ebd1643dcc83474f7d17581a43ac9b1bca994218bb811'
	AND published_at = '2020-09-21 09:00:00';

-- The search index follows (a new database is indexed after its seeds by tools/stack / tpportal-admin reindex).
INSERT INTO search_queue (kind, ref_id) SELECT 'members', id FROM technoparks WHERE source_id = 1;
INSERT INTO search_queue (kind, ref_id) SELECT 'people', id FROM people WHERE source_id = 1 AND is_demo = 0;
INSERT INTO search_queue (kind, ref_id) SELECT 'news', id FROM news_articles WHERE id = 1 AND source_id = 1;

COMMIT;
