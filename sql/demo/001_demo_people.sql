-- 001_demo_people.sql - DEMO DATA ONLY: fictional people for trying the portal out; none of these people exist. Never load into production.
-- Every row has is_demo = 1, a plainly made-up name (…데모, …예시, …가상, …샘플, …시험), a fake 010-0000-xxxx phone
-- and an e-mail at the reserved domain example.org. Two rows have visible = 0 to exercise hiding.
-- Load after sql/seed/*.sql (it refers to technoparks by slug).
SET NAMES utf8mb4;
START TRANSACTION;

INSERT INTO people (technopark_id, name, title, department, phone, email, note, sort, visible, is_demo, source_id) VALUES
	-- 진흥회 사무국 (technopark_id NULL)
	(NULL, '김데모', '사무국장', '사무국', '010-0000-0001', 'demo.kim01@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	(NULL, '이데모', '팀장', '정책기획팀', '010-0000-0002', 'demo.lee01@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	(NULL, '박데모', '선임연구원', '대외협력팀', '010-0000-0003', 'demo.park01@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	(NULL, '최데모', '매니저', '교육사업팀', '010-0000-0004', 'demo.choi01@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 서울테크노파크
	((SELECT id FROM technoparks WHERE slug = 'seoul'), '정데모', '본부장', '기업지원단', '010-0000-0005', 'demo.jung01@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'seoul'), '강데모', '팀장', '전략기획실', '010-0000-0006', 'demo.kang01@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'seoul'), '조데모', '책임연구원', '스마트제조팀', '010-0000-0007', 'demo.cho01@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'seoul'), '윤데모', '선임연구원', '기술사업화팀', '010-0000-0008', 'demo.yoon01@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 부산테크노파크
	((SELECT id FROM technoparks WHERE slug = 'busan'), '장데모', '본부장', '전략기획실', '010-0000-0009', 'demo.jang01@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'busan'), '임데모', '매니저', '경영지원팀', '010-0000-0010', 'demo.lim01@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'busan'), '한데모', '팀장', '글로벌협력팀', '010-0000-0011', 'demo.han01@example.org', '데모 데이터 (가상 인물)', 3, 0, 1, NULL),
	-- 대구테크노파크
	((SELECT id FROM technoparks WHERE slug = 'daegu'), '오데모', '센터장', '스마트제조센터', '010-0000-0012', 'demo.oh01@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'daegu'), '서데모', '매니저', '성과관리팀', '010-0000-0013', 'demo.seo01@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'daegu'), '신데모', '책임연구원', '기업지원단', '010-0000-0014', 'demo.shin01@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'daegu'), '권데모', '연구원', '스마트제조팀', '010-0000-0015', 'demo.kwon01@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 인천테크노파크
	((SELECT id FROM technoparks WHERE slug = 'incheon'), '황데모', '본부장', '기업지원단', '010-0000-0016', 'demo.hwang01@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'incheon'), '송데모', '실장', '전략기획실', '010-0000-0017', 'demo.song01@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'incheon'), '류데모', '센터장', '기업지원단', '010-0000-0018', 'demo.ryu01@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	-- 광주테크노파크
	((SELECT id FROM technoparks WHERE slug = 'gwangju'), '홍데모', '본부장', '전략기획실', '010-0000-0019', 'demo.hong01@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gwangju'), '배데모', '팀장', '전략기획실', '010-0000-0020', 'demo.bae01@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gwangju'), '김예시', '책임연구원', '스마트제조팀', '010-0000-0021', 'demo.kim02@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gwangju'), '이예시', '선임연구원', '기술사업화팀', '010-0000-0022', 'demo.lee02@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 대전테크노파크
	((SELECT id FROM technoparks WHERE slug = 'daejeon'), '박예시', '센터장', '스마트제조센터', '010-0000-0023', 'demo.park02@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'daejeon'), '최예시', '매니저', '경영지원팀', '010-0000-0024', 'demo.choi02@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'daejeon'), '정예시', '팀장', '글로벌협력팀', '010-0000-0025', 'demo.jung02@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	-- 울산테크노파크
	((SELECT id FROM technoparks WHERE slug = 'ulsan'), '강예시', '본부장', '기업지원단', '010-0000-0026', 'demo.kang02@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'ulsan'), '조예시', '매니저', '성과관리팀', '010-0000-0027', 'demo.cho02@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'ulsan'), '윤예시', '책임연구원', '기업지원단', '010-0000-0028', 'demo.yoon02@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'ulsan'), '장예시', '연구원', '스마트제조팀', '010-0000-0029', 'demo.jang02@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 경기테크노파크
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi'), '임예시', '본부장', '전략기획실', '010-0000-0030', 'demo.lim02@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi'), '한예시', '실장', '전략기획실', '010-0000-0031', 'demo.han02@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi'), '오예시', '센터장', '기업지원단', '010-0000-0032', 'demo.oh02@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	-- 강원테크노파크
	((SELECT id FROM technoparks WHERE slug = 'gangwon'), '서예시', '센터장', '스마트제조센터', '010-0000-0033', 'demo.seo02@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gangwon'), '신예시', '팀장', '전략기획실', '010-0000-0034', 'demo.shin02@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gangwon'), '권예시', '책임연구원', '스마트제조팀', '010-0000-0035', 'demo.kwon02@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gangwon'), '황예시', '선임연구원', '기술사업화팀', '010-0000-0036', 'demo.hwang02@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 충북테크노파크
	((SELECT id FROM technoparks WHERE slug = 'chungbuk'), '송예시', '본부장', '기업지원단', '010-0000-0037', 'demo.song02@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'chungbuk'), '류예시', '매니저', '경영지원팀', '010-0000-0038', 'demo.ryu02@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'chungbuk'), '홍예시', '팀장', '글로벌협력팀', '010-0000-0039', 'demo.hong02@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	-- 충남테크노파크
	((SELECT id FROM technoparks WHERE slug = 'chungnam'), '배예시', '본부장', '전략기획실', '010-0000-0040', 'demo.bae02@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'chungnam'), '김가상', '매니저', '성과관리팀', '010-0000-0041', 'demo.kim03@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'chungnam'), '이가상', '책임연구원', '기업지원단', '010-0000-0042', 'demo.lee03@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'chungnam'), '박가상', '연구원', '스마트제조팀', '010-0000-0043', 'demo.park03@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 전북테크노파크
	((SELECT id FROM technoparks WHERE slug = 'jeonbuk'), '최가상', '센터장', '스마트제조센터', '010-0000-0044', 'demo.choi03@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'jeonbuk'), '정가상', '실장', '전략기획실', '010-0000-0045', 'demo.jung03@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'jeonbuk'), '강가상', '센터장', '기업지원단', '010-0000-0046', 'demo.kang03@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	-- 전남테크노파크
	((SELECT id FROM technoparks WHERE slug = 'jeonnam'), '조가상', '본부장', '기업지원단', '010-0000-0047', 'demo.cho03@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'jeonnam'), '윤가상', '팀장', '전략기획실', '010-0000-0048', 'demo.yoon03@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'jeonnam'), '장가상', '책임연구원', '스마트제조팀', '010-0000-0049', 'demo.jang03@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'jeonnam'), '임가상', '선임연구원', '기술사업화팀', '010-0000-0050', 'demo.lim03@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 경북테크노파크
	((SELECT id FROM technoparks WHERE slug = 'gyeongbuk'), '한가상', '본부장', '전략기획실', '010-0000-0051', 'demo.han03@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeongbuk'), '오가상', '매니저', '경영지원팀', '010-0000-0052', 'demo.oh03@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeongbuk'), '서가상', '팀장', '글로벌협력팀', '010-0000-0053', 'demo.seo03@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	-- 경남테크노파크
	((SELECT id FROM technoparks WHERE slug = 'gyeongnam'), '신가상', '센터장', '스마트제조센터', '010-0000-0054', 'demo.shin03@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeongnam'), '권가상', '매니저', '성과관리팀', '010-0000-0055', 'demo.kwon03@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeongnam'), '황가상', '책임연구원', '기업지원단', '010-0000-0056', 'demo.hwang03@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeongnam'), '송가상', '연구원', '스마트제조팀', '010-0000-0057', 'demo.song03@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 제주테크노파크
	((SELECT id FROM technoparks WHERE slug = 'jeju'), '류가상', '본부장', '기업지원단', '010-0000-0058', 'demo.ryu03@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'jeju'), '홍가상', '실장', '전략기획실', '010-0000-0059', 'demo.hong03@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'jeju'), '배가상', '센터장', '기업지원단', '010-0000-0060', 'demo.bae03@example.org', '데모 데이터 (가상 인물)', 3, 0, 1, NULL),
	-- 경기대진테크노파크
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi-daejin'), '김샘플', '본부장', '전략기획실', '010-0000-0061', 'demo.kim04@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi-daejin'), '이샘플', '팀장', '전략기획실', '010-0000-0062', 'demo.lee04@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi-daejin'), '박샘플', '책임연구원', '스마트제조팀', '010-0000-0063', 'demo.park04@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'gyeonggi-daejin'), '최샘플', '선임연구원', '기술사업화팀', '010-0000-0064', 'demo.choi04@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL),
	-- 포항테크노파크
	((SELECT id FROM technoparks WHERE slug = 'pohang'), '정샘플', '센터장', '스마트제조센터', '010-0000-0065', 'demo.jung04@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'pohang'), '강샘플', '매니저', '경영지원팀', '010-0000-0066', 'demo.kang04@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'pohang'), '조샘플', '팀장', '글로벌협력팀', '010-0000-0067', 'demo.cho04@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	-- 세종테크노파크
	((SELECT id FROM technoparks WHERE slug = 'sejong'), '윤샘플', '본부장', '기업지원단', '010-0000-0068', 'demo.yoon04@example.org', '데모 데이터 (가상 인물)', 1, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'sejong'), '장샘플', '매니저', '성과관리팀', '010-0000-0069', 'demo.jang04@example.org', '데모 데이터 (가상 인물)', 2, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'sejong'), '임샘플', '책임연구원', '기업지원단', '010-0000-0070', 'demo.lim04@example.org', '데모 데이터 (가상 인물)', 3, 1, 1, NULL),
	((SELECT id FROM technoparks WHERE slug = 'sejong'), '한샘플', '연구원', '스마트제조팀', '010-0000-0071', 'demo.han04@example.org', '데모 데이터 (가상 인물)', 4, 1, 1, NULL);

COMMIT;
