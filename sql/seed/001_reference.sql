-- 001_reference.sql - reference seed: source, association, regions, industries, committees, network figures; facts come from source 1 (투데이에너지, 2020-09-21), restated in our own words.
-- Anything the source does not say is left NULL.
SET NAMES utf8mb4;
START TRANSACTION;

-- Source 1: the only source of the real seed data.
INSERT INTO sources (id, outlet, title, author, published_on, url) VALUES
	(1, '투데이에너지', '[창간특집] 한국테크노파크진흥회, 지역경제 활성화 거점 역할 ‘총력’', '송명규', '2020-09-21', NULL);

-- The association (exactly one row). Phone, e-mail and website are not in the source. The source gives no
-- English name: name_en is the portal's own rendering (name_en_derived = 1, sql/018_seed_facts.sql).
INSERT INTO association (id, name_ko, name_en, legal_form, summary, address, phone, email, website, source_id, name_en_derived) VALUES
	(1, '한국테크노파크진흥회', 'Korea Technopark Association', '비영리 사단법인',
	 '한국테크노파크진흥회는 19개 테크노파크가 회원으로 참여하는 비영리 사단법인으로, 이들을 하나로 묶는 네트워크의 중심축이다. 회원 테크노파크가 중앙정부, 지방자치단체, 관련 기관, 해외 기관과 교류하고 협력할 수 있도록 연결 고리를 만들고 키워 나간다. 진흥회를 세운 뜻은 세 가지다. 테크노파크가 처음 세워질 때 품은 목적을 이루도록 돕는 것, 테크노파크끼리 힘을 모으고 정보를 나눌 자리를 만드는 것, 그리고 각 지역의 테크노파크가 지역 산업을 키우고 기업을 돕는 거점 기관 노릇을 하게 하는 것이다.',
	 '서울특별시 강남구 테헤란로 305 한국기술센터', NULL, NULL, NULL, 1, 1);

-- The 17 provinces and metropolitan cities (시·도).
INSERT INTO regions (id, slug, name_ko, name_en, sort) VALUES
	(1,  'seoul',     '서울특별시',     'Seoul',                     1),
	(2,  'busan',     '부산광역시',     'Busan',                     2),
	(3,  'daegu',     '대구광역시',     'Daegu',                     3),
	(4,  'incheon',   '인천광역시',     'Incheon',                   4),
	(5,  'gwangju',   '광주광역시',     'Gwangju',                   5),
	(6,  'daejeon',   '대전광역시',     'Daejeon',                   6),
	(7,  'ulsan',     '울산광역시',     'Ulsan',                     7),
	(8,  'sejong',    '세종특별자치시', 'Sejong',                    8),
	(9,  'gyeonggi',  '경기도',         'Gyeonggi-do',               9),
	(10, 'gangwon',   '강원도',         'Gangwon-do',               10),
	(11, 'chungbuk',  '충청북도',       'Chungcheongbuk-do',        11),
	(12, 'chungnam',  '충청남도',       'Chungcheongnam-do',        12),
	(13, 'jeonbuk',   '전라북도',       'Jeollabuk-do',             13),
	(14, 'jeonnam',   '전라남도',       'Jeollanam-do',             14),
	(15, 'gyeongbuk', '경상북도',       'Gyeongsangbuk-do',         15),
	(16, 'gyeongnam', '경상남도',       'Gyeongsangnam-do',         16),
	(17, 'jeju',      '제주특별자치도', 'Jeju',                     17);

-- Focus industries: only those the source ties to a named technopark (경기, 인천, 충남).
INSERT INTO industries (id, slug, name_ko, name_en) VALUES
	(1,  'smart-manufacturing', '스마트 제조',      'Smart manufacturing'),
	(2,  'smart-factory',       '스마트공장',       'Smart factory'),
	(3,  '3d-printing',         '3D 프린팅',        '3D printing'),
	(4,  'iot',                 '사물인터넷(IoT)',  'Internet of Things (IoT)'),
	(5,  'ai',                  '인공지능(AI)',     'Artificial intelligence (AI)'),
	(6,  'big-data',            '빅데이터',         'Big data'),
	(7,  'display',             '디스플레이',       'Display'),
	(8,  'auto-parts',          '자동차 부품',      'Automotive parts'),
	(9,  'bio',                 '바이오',           'Bio'),
	(10, 'secondary-battery',   '2차전지',          'Secondary batteries');

-- The association's bodies. The source names 총회 and 이사회 only as governing bodies it runs. The English
-- names are the portal's own rendering (name_en_derived = 1): the source gives none.
INSERT INTO committees (id, slug, name_ko, name_en, purpose, sort, source_id, name_en_derived) VALUES
	(1, 'general-assembly', '총회', 'General Assembly',
	 '진흥회가 꾸려 운영하는 회의체로, 회원 테크노파크의 원장들이 구성원이 되어 진흥회(협의회) 운영에 관한 사항을 심의하고 의결한다.', 1, 1, 1),
	(2, 'board', '이사회', 'Board of Directors',
	 '진흥회가 운영하는 회의체의 하나이다. 테크노파크 원장들을 구성원으로 하여 진흥회(협의회)를 운영하는 데 필요한 사항을 심의·의결한다.', 2, 1, 1),
	(3, 'directors', '원장단', 'Council of Technopark Directors',
	 '회원 테크노파크의 원장들로 이루어진 모임이다. 원장들은 총회와 이사회의 구성원이며, 원장들끼리 각 지역 사업의 정보를 나누고 현안을 협의한다.', 3, 1, 1),
	(4, 'working', '실무위원회', 'Working Committee',
	 '진흥회가 사업위원회와 함께 운영하는 위원회로, 사업과 관련된 정책을 토론하고 정보를 주고받는다.', 4, 1, 1),
	(5, 'business', '사업위원회', 'Business Committee',
	 '진흥회가 실무위원회와 나란히 운영하는 위원회이다. 사업에 관한 정책을 두고 토론하며 서로 정보를 교류한다.', 5, 1, 1);

-- Network-wide figures. The source gives only the member count for 1998,
-- and companies/employees/revenue (억원) for 2007 and 2018.
INSERT INTO network_figures (year, tenant_companies, employees, revenue_eok, member_count, source_id) VALUES
	(1998, NULL, NULL,  NULL,   6,    1),
	(2007, 826,  16564, 35200,  NULL, 1),
	(2018, 2256, 19674, 176031, 19,   1);

COMMIT;
