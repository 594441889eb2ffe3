-- 030_english.sql - English texts beside the Korean ones (issue 17, docs/languages.md): the association's
-- profile (summary, legal form, address), the committees' purposes and compositions, the news categories.
-- The English is the portal's own translation of the seed's Korean, stating nothing the Korean does not:
-- texts_en_derived = 1 marks it so on the pages, as name_en_derived does for names (issue 20).
--
-- A new database gets these texts from sql/seed/030_english.sql (seeds load after the migrations, so the
-- UPDATEs here find no rows there). On an existing database an English text is added only while the Korean
-- is still the seed's and no English was written: whatever the secretariat has written since is kept.
SET NAMES utf8mb4;

ALTER TABLE association
	ADD COLUMN legal_form_en VARCHAR(150) NULL AFTER legal_form,
	ADD COLUMN summary_en TEXT NULL AFTER summary,
	ADD COLUMN address_en VARCHAR(300) NULL AFTER address,
	ADD COLUMN texts_en_derived TINYINT(1) NOT NULL DEFAULT 0 AFTER name_en_derived;
ALTER TABLE committees
	ADD COLUMN purpose_en TEXT NULL AFTER purpose,
	ADD COLUMN composition_en TEXT NULL AFTER composition,
	ADD COLUMN texts_en_derived TINYINT(1) NOT NULL DEFAULT 0 AFTER name_en_derived;
ALTER TABLE news_categories ADD COLUMN name_en VARCHAR(60) NULL AFTER name_ko;

START TRANSACTION;
UPDATE association SET summary_en = 'The Korea Technopark Association is a non-profit incorporated association whose members are 19 technoparks, and the hub of the network that binds them together. It builds and strengthens the links through which the member technoparks exchange and cooperate with the central government, local governments, related institutions and institutions abroad. The association was founded for three purposes: to help the technoparks achieve the aims they were founded with, to create a place where the technoparks join forces and share information, and to let each region''s technopark act as a hub institution that grows the region''s industry and supports its companies.', texts_en_derived = 1
	WHERE id = 1 AND summary = '한국테크노파크진흥회는 19개 테크노파크가 회원으로 참여하는 비영리 사단법인으로, 이들을 하나로 묶는 네트워크의 중심축이다. 회원 테크노파크가 중앙정부, 지방자치단체, 관련 기관, 해외 기관과 교류하고 협력할 수 있도록 연결 고리를 만들고 키워 나간다. 진흥회를 세운 뜻은 세 가지다. 테크노파크가 처음 세워질 때 품은 목적을 이루도록 돕는 것, 테크노파크끼리 힘을 모으고 정보를 나눌 자리를 만드는 것, 그리고 각 지역의 테크노파크가 지역 산업을 키우고 기업을 돕는 거점 기관 노릇을 하게 하는 것이다.' AND summary_en IS NULL;
UPDATE association SET legal_form_en = 'Non-profit incorporated association', texts_en_derived = 1
	WHERE id = 1 AND legal_form = '비영리 사단법인' AND legal_form_en IS NULL;
UPDATE association SET address_en = 'Korea Technology Center, 305 Teheran-ro, Gangnam-gu, Seoul', texts_en_derived = 1
	WHERE id = 1 AND address = '서울특별시 강남구 테헤란로 305 한국기술센터' AND address_en IS NULL;
UPDATE committees SET purpose_en = 'A body the association forms and runs. Its members are the directors of the member technoparks, and it deliberates and decides on matters of running the association (council).', texts_en_derived = 1
	WHERE slug = 'general-assembly' AND purpose = '진흥회가 꾸려 운영하는 회의체로, 회원 테크노파크의 원장들이 구성원이 되어 진흥회(협의회) 운영에 관한 사항을 심의하고 의결한다.' AND purpose_en IS NULL;
UPDATE committees SET purpose_en = 'One of the bodies the association runs. With the technopark directors as its members, it deliberates and decides on what running the association (council) needs.', texts_en_derived = 1
	WHERE slug = 'board' AND purpose = '진흥회가 운영하는 회의체의 하나이다. 테크노파크 원장들을 구성원으로 하여 진흥회(협의회)를 운영하는 데 필요한 사항을 심의·의결한다.' AND purpose_en IS NULL;
UPDATE committees SET purpose_en = 'The gathering of the member technoparks'' directors. The directors are the members of the general assembly and the board of directors; among themselves they share information on each region''s projects and consult on current issues.', texts_en_derived = 1
	WHERE slug = 'directors' AND purpose = '회원 테크노파크의 원장들로 이루어진 모임이다. 원장들은 총회와 이사회의 구성원이며, 원장들끼리 각 지역 사업의 정보를 나누고 현안을 협의한다.' AND purpose_en IS NULL;
UPDATE committees SET purpose_en = 'A committee the association runs together with the business committee, where policy on its projects is discussed and information is exchanged.', texts_en_derived = 1
	WHERE slug = 'working' AND purpose = '진흥회가 사업위원회와 함께 운영하는 위원회로, 사업과 관련된 정책을 토론하고 정보를 주고받는다.' AND purpose_en IS NULL;
UPDATE committees SET purpose_en = 'A committee the association runs alongside the working committee. Its members discuss policy on projects and exchange information.', texts_en_derived = 1
	WHERE slug = 'business' AND purpose = '진흥회가 실무위원회와 나란히 운영하는 위원회이다. 사업에 관한 정책을 두고 토론하며 서로 정보를 교류한다.' AND purpose_en IS NULL;
UPDATE committees SET composition_en = 'The directors of the member technoparks', texts_en_derived = 1
	WHERE slug = 'general-assembly' AND composition = '회원 테크노파크의 원장' AND composition_en IS NULL;
UPDATE committees SET composition_en = 'The directors of the member technoparks', texts_en_derived = 1
	WHERE slug = 'board' AND composition = '회원 테크노파크의 원장' AND composition_en IS NULL;
UPDATE committees SET composition_en = 'The directors of the member technoparks', texts_en_derived = 1
	WHERE slug = 'directors' AND composition = '회원 테크노파크의 원장' AND composition_en IS NULL;
UPDATE news_categories SET name_en = 'Notice'
	WHERE slug = 'notice' AND name_ko = '공지' AND name_en IS NULL;
UPDATE news_categories SET name_en = 'Press release'
	WHERE slug = 'press' AND name_ko = '보도자료' AND name_en IS NULL;
UPDATE news_categories SET name_en = 'Call for proposals'
	WHERE slug = 'call' AND name_ko = '사업공고' AND name_en IS NULL;
UPDATE news_categories SET name_en = 'Event'
	WHERE slug = 'event' AND name_ko = '행사' AND name_en IS NULL;
UPDATE news_categories SET name_en = 'Media coverage'
	WHERE slug = 'media' AND name_ko = '언론 보도' AND name_en IS NULL;
COMMIT;
