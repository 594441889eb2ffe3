-- 008_committee_texts.sql - the committees' descriptions restate what source 1 (투데이에너지, 2020-09-21) says of
-- each body, and nothing more (issue 12, item 11): 총회 and 이사회 deliberate and decide on running the
-- association, with the technopark directors as their members; the 원장단 is those directors, who share
-- regional project news and discuss current issues; 실무위원회 and 사업위원회 discuss project policy and share
-- information. The old texts were a placeholder (총회, 이사회), one text for two committees (실무, 사업), and a
-- 원장단 text that gave it the deciding that the source gives to 총회 and 이사회.
--
-- A new database gets these texts from sql/seed/001_reference.sql (seeds load after the migrations, so the
-- UPDATEs here find no rows there). On an existing database a text is replaced only while it is still the
-- seed's old one: a description the secretariat has written since is kept. The 총회's seats: its members
-- are the member technoparks' directors, one seat each as for the 원장단 (sql/seed/005_committees.sql),
-- added only where the 총회 has no seat yet.
SET NAMES utf8mb4;
START TRANSACTION;

UPDATE committees SET purpose = '진흥회가 꾸려 운영하는 회의체로, 회원 테크노파크의 원장들이 구성원이 되어 진흥회(협의회) 운영에 관한 사항을 심의하고 의결한다.'
	WHERE slug = 'general-assembly' AND purpose = '진흥회가 꾸려 운영하는 회의체의 하나.';
UPDATE committees SET purpose = '진흥회가 운영하는 회의체의 하나이다. 테크노파크 원장들을 구성원으로 하여 진흥회(협의회)를 운영하는 데 필요한 사항을 심의·의결한다.'
	WHERE slug = 'board' AND purpose = '진흥회가 꾸려 운영하는 회의체의 하나.';
UPDATE committees SET purpose = '회원 테크노파크의 원장들로 이루어진 모임이다. 원장들은 총회와 이사회의 구성원이며, 원장들끼리 각 지역 사업의 정보를 나누고 현안을 협의한다.'
	WHERE slug = 'directors' AND purpose = '회원 테크노파크의 원장들로 이루어진다. 협의회 운영에 관한 안건을 심의·의결하며, 원장들끼리 각 지역 사업 소식을 나누고 당면한 현안을 함께 논의한다.';
UPDATE committees SET purpose = '진흥회가 사업위원회와 함께 운영하는 위원회로, 사업과 관련된 정책을 토론하고 정보를 주고받는다.'
	WHERE slug = 'working' AND purpose = '사업에 관한 정책을 토론하고 정보를 주고받는 자리이다. 지역산업 정책과 관련해 전국 테크노파크가 나아갈 방향과 실무적인 문제도 함께 다룬다.';
UPDATE committees SET purpose = '진흥회가 실무위원회와 나란히 운영하는 위원회이다. 사업에 관한 정책을 두고 토론하며 서로 정보를 교류한다.'
	WHERE slug = 'business' AND purpose = '사업에 관한 정책을 토론하고 정보를 주고받는 자리이다. 지역산업 정책과 관련해 전국 테크노파크가 나아갈 방향과 실무적인 문제도 함께 다룬다.';
UPDATE committees SET composition = '회원 테크노파크의 원장'
	WHERE slug IN ('general-assembly', 'board') AND composition IS NULL;

INSERT INTO committee_members (committee_id, technopark_id, role, term_start, term_end, source_id)
	SELECT c.id, t.id, 'member', NULL, NULL, 1 FROM committees c JOIN technoparks t
	WHERE c.slug = 'general-assembly'
	AND NOT EXISTS (SELECT 1 FROM committee_members m WHERE m.committee_id = c.id)
	ORDER BY t.id;

COMMIT;
