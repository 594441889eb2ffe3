-- 002_history.sql - real seed: the association's history, its chairs and what it does; facts come from source 1 (투데이에너지, 2020-09-21), restated in our own words.
-- Anything the source does not say is left NULL. Load after 001_reference.sql.
SET NAMES utf8mb4;
START TRANSACTION;

-- History. sort runs through the whole table so events within one year keep their order.
INSERT INTO association_history (id, year, year_note, title, description, sort, source_id) VALUES
	(1, 1998, NULL, '전국테크노파크협의회 결성',
	 '송도·경기·충남·광주·대구·경북 테크노파크 6곳이 모여 전국테크노파크협의회를 만들면서 진흥회가 시작되었다. 같은 기사 뒷부분의 6곳 명단에는 송도 대신 인천, 광주 대신 광주전남으로 적혀 있다.', 1, 1),
	(2, 2003, NULL, '강원·충북·전북·전남 테크노파크 가입',
	 '강원, 충북, 전북, 전남 테크노파크 4곳이 새로 회원이 되었다.', 2, 1),
	(3, 2004, NULL, '울산·경남 테크노파크 가입',
	 '울산테크노파크와 경남테크노파크가 회원으로 들어왔다.', 3, 1),
	(4, 2005, NULL, '한국테크노파크로 명칭 변경',
	 '단체 이름을 한국테크노파크로 바꾸었다.', 4, 1),
	(5, 2005, '2005년 이후', '서울·경기대진 테크노파크 가입',
	 '2005년 이름을 바꾼 뒤 서울테크노파크와 경기대진테크노파크가 회원이 되었다. 정확한 가입 연도는 출처에 나오지 않는다.', 5, 1),
	(6, 2014, NULL, '한-베트남 인큐베이터파크(KVIP) 운영',
	 '한-베트남 인큐베이터파크(KVIP)의 운영을 맡았다.', 6, 1),
	(7, 2018, NULL, '한국테크노파크진흥회로 명칭 변경',
	 '현재 이름인 한국테크노파크진흥회로 바꾸었다.', 7, 1),
	(8, 2018, NULL, '세종테크노파크 설립 인가, 19개 체제',
	 '세종테크노파크가 설립 인가를 받으면서, 1998년 6곳으로 출발한 테크노파크가 약 20년 사이 19곳으로 불어났다.', 8, 1);

-- Chairs. is_current reflects the source's date (2020-09-21): the pages say so ("2020년 기사 기준", from the
-- source's date), never that he is the chair today. The first chair's post is the one he held when he took
-- office; when that was, the source does not say.
INSERT INTO association_leaders (id, name, role, ordinal_note, affiliation, is_current, sort, source_id) VALUES
	(1, '김기남', '회장', '초대', '취임 당시 광주테크노파크 이사장, 재임 시기 미상', 0, 1, 1),
	(2, '안완기', '회장', NULL,   '경남테크노파크 원장',                       1, 2, 1);

-- What the association does: its roles, its joint programmes and its publications; and what the source says
-- of the technopark network as a whole (kind 'network').
INSERT INTO association_functions (id, kind, title, description, sort, source_id) VALUES
	(1, 'function', '정부·기관과 테크노파크 간 의견 조율',
	 '중앙정부·유관기관과 19개 테크노파크 사이에서 의견을 모으고 조정하는 창구가 된다.', 1, 1),
	(2, 'function', '공동 행사 주도',
	 '19개 테크노파크가 함께 여는 행사를 기획하거나 함께 참가하도록 이끌어 일을 더 효율적으로 만든다.', 2, 1),
	(3, 'function', '테크노파크 홍보',
	 '테크노파크의 사업과 그 성과를 안팎에 알려 테크노파크를 더 잘 이해하고 바르게 인식하도록 돕는다.', 3, 1),
	(4, 'function', '지원·협력 확대',
	 '중앙정부, 유관기관, 테크노파크를 상대로 지원과 협력을 이어 가며 교류의 폭을 넓힌다.', 4, 1),
	(5, 'function', '거점 기능과 기업지원 서비스 강화',
	 '테크노파크가 지역 거점으로서 하는 일과 기업에 제공하는 지원 서비스를 보강한다.', 5, 1),
	(6, 'function', '글로벌 교류협력',
	 '해외와의 교류협력 사업을 통해 국내 기술기반 중소기업이 해외로 나가도록 돕는다.', 6, 1),
	(7, 'function', '공동연구',
	 '테크노파크 사업에 관한 연구를 회원 테크노파크와 함께 수행한다.', 7, 1),
	(8, 'function', '임직원 교육',
	 '테크노파크 임직원에게 기본 소양과 직무 교육을 제공해 업무 역량을 끌어올린다.', 8, 1),
	(9, 'programme', '산업기술단지 거점기능 지원사업',
	 '지역산업종합정보시스템(RIPS)과 TP 통합플랫폼을 운영하고, 기관 청렴도 조사와 지원을 받은 기업의 성과 조사를 맡아 테크노파크의 거점 기능을 뒷받침한다.', 1, 1),
	(10, 'programme', '테크노파크 종합교육사업',
	 '테크노파크 임직원을 대상으로 소양 교육과 직무 교육을 운영해 역량을 키우는 사업이다.', 2, 1),
	(11, 'programme', '한국형 테크노파크 글로벌화사업',
	 '한국형 테크노파크 모델을 해외에 수출하고 국제 교류협력을 넓혀 국내 중소기업의 해외 진출을 돕는 사업이다.', 3, 1),
	(12, 'publication', 'TP 통합블로그',
	 '전국 19개 테크노파크를 알리려고 함께 운영하는 블로그.', 1, 1),
	(13, 'publication', '애뉴얼 리포트',
	 '테크노파크의 역할을 바깥에 알리려고 정기적으로 펴내는 연간 보고서.', 2, 1),
	(14, 'publication', 'TP 브로슈어',
	 '테크노파크를 소개하려고 정기적으로 만드는 안내 책자.', 3, 1),
	-- The network of technoparks as the source describes it in 2020 (kind 'network', sql/018_seed_facts.sql).
	(15, 'network', '석사·박사급 연구 인력',
	 '진흥회의 설명으로는 테크노파크에서 일하는 사람 가운데 절반을 넘는 수가 석사나 박사 수준의 연구원이다. 그래서 4차 산업 분야의 기술 지원과 기업 지원을 전문적으로 해낼 수 있다고 한다.', 1, 1),
	(16, 'network', '2019년부터 중소벤처기업부·광역자치단체와 함께한 사업',
	 '2019년부터 테크노파크는 중소벤처기업부, 각 광역자치단체와 손잡고 4차 산업혁명에 맞서는 사업을 벌여 왔다. 지역에서 새 사업거리를 만들고, 스마트공장을 널리 보급하고, 기술혁신을 이끄는 일이 여기에 든다.', 2, 1),
	(17, 'network', '수도권·대전·충청권 테크노파크의 2019년 중점',
	 '기사가 실린 해의 전해(2019년)에 수도권과 대전, 충청권의 테크노파크는 4차 산업을 키우려고 스마트공장, 수소 산업, 기업 지원 플랫폼 구축, 3D(3차원) 프린팅에 힘을 모았다.', 3, 1),
	(18, 'network', '해외 협력',
	 '전국 테크노파크는 나라 밖에서 개발도상국을 돕는 협력 사업을 벌이고 해외 프로젝트를 따냈다. 국내와 해외를 잇는 이런 활동으로 청년 일자리를 만들고 나라의 경쟁력을 높이는 데 힘을 보탰다.', 4, 1);

COMMIT;
