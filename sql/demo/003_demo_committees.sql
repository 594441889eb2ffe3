-- 003_demo_committees.sql - DEMO DATA ONLY: fictional committee seats, meetings, agendas, attendance, minutes and
-- resolutions for trying the portal out; none of these meetings took place. Never load into production.
-- Every seat and meeting has is_demo = 1 and is shown with a 데모 badge; every meeting's title says (데모); the seats
-- are held by the fictional people of 001_demo_people.sql (attached by their example.org e-mail in a second step,
-- since people have no other stable key); online addresses use the reserved domain example.org. The council of
-- directors' meetings use the real seats of sql/seed/005_committees.sql, but the meetings themselves are fictional.
-- Ids are fixed (seats 101-109 and 201-205, meetings, agenda items and resolutions from 101) so that the route
-- table's sample URLs (/committees/board/meetings/101, /admin/seats/101, ...) name them.
-- The council of directors (원장단) consults and decides nothing (the source: 총회 and 이사회 decide, the directors
-- share news and talk over issues), so its demo meetings have no resolutions and their minutes say no 의결.
-- Load after sql/seed/*.sql and 001_demo_people.sql.
SET NAMES utf8mb4;
START TRANSACTION;

-- Seats: the board (이사회) changed its chair on 2026-03-01; the working committee (실무위원회) since 2025.
INSERT INTO committee_members (id, committee_id, role, term_start, term_end, is_demo) VALUES
	(101, (SELECT id FROM committees WHERE slug = 'board'), 'chair', '2024-03-01', '2026-02-28', 1),
	(102, (SELECT id FROM committees WHERE slug = 'board'), 'chair', '2026-03-01', '2028-02-29', 1),
	(103, (SELECT id FROM committees WHERE slug = 'board'), 'vice_chair', '2024-03-01', '2028-02-29', 1),
	(104, (SELECT id FROM committees WHERE slug = 'board'), 'member', '2024-03-01', '2028-02-29', 1),
	(105, (SELECT id FROM committees WHERE slug = 'board'), 'member', '2024-03-01', '2026-02-28', 1),
	(106, (SELECT id FROM committees WHERE slug = 'board'), 'member', '2026-03-01', '2028-02-29', 1),
	(107, (SELECT id FROM committees WHERE slug = 'board'), 'member', '2024-03-01', '2028-02-29', 1),
	(108, (SELECT id FROM committees WHERE slug = 'board'), 'secretary', '2024-03-01', NULL, 1),
	(109, (SELECT id FROM committees WHERE slug = 'board'), 'member', '2026-03-01', '2028-02-29', 1),
	(201, (SELECT id FROM committees WHERE slug = 'working'), 'chair', '2025-01-01', NULL, 1),
	(202, (SELECT id FROM committees WHERE slug = 'working'), 'member', '2025-01-01', NULL, 1),
	(203, (SELECT id FROM committees WHERE slug = 'working'), 'member', '2025-01-01', NULL, 1),
	(204, (SELECT id FROM committees WHERE slug = 'working'), 'member', '2025-01-01', NULL, 1),
	(205, (SELECT id FROM committees WHERE slug = 'working'), 'secretary', '2025-01-01', NULL, 1);

UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.jung01@example.org' AND is_demo = 1) WHERE id IN (101, 109);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.oh01@example.org' AND is_demo = 1) WHERE id IN (102);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.hwang01@example.org' AND is_demo = 1) WHERE id IN (103);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.hong01@example.org' AND is_demo = 1) WHERE id IN (104);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.park02@example.org' AND is_demo = 1) WHERE id IN (105);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.kang02@example.org' AND is_demo = 1) WHERE id IN (106);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.lim02@example.org' AND is_demo = 1) WHERE id IN (107);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.kim01@example.org' AND is_demo = 1) WHERE id IN (108);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.lee01@example.org' AND is_demo = 1) WHERE id IN (201);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.kang01@example.org' AND is_demo = 1) WHERE id IN (202);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.bae01@example.org' AND is_demo = 1) WHERE id IN (203);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.han02@example.org' AND is_demo = 1) WHERE id IN (204);
UPDATE committee_members SET person_id = (SELECT id FROM people WHERE email = 'demo.park01@example.org' AND is_demo = 1) WHERE id IN (205);

INSERT INTO committee_meetings (id, committee_id, title, starts_at, ends_at, place, online_url, status, note, is_demo) VALUES
	(101, (SELECT id FROM committees WHERE slug = 'board'), '2025년 제1차 이사회 (데모)', '2025-03-18 14:00:00', '2025-03-18 16:00:00', '진흥회 대회의실 (데모)', NULL, 'held', NULL, 1),
	(102, (SELECT id FROM committees WHERE slug = 'board'), '2026년 제1차 이사회 (데모)', '2026-03-24 10:00:00', '2026-03-24 12:00:00', NULL, 'https://meet.example.org/demo-board-2026-1', 'held', NULL, 1),
	(103, (SELECT id FROM committees WHERE slug = 'board'), '2026년 제2차 이사회 (데모)', '2026-06-10 14:00:00', '2026-06-10 15:30:00', '진흥회 대회의실 (데모)', NULL, 'cancelled', '안건을 다음 정기 이사회에서 다루기로 하여 취소함 (데모)', 1),
	(104, (SELECT id FROM committees WHERE slug = 'board'), '2027년 제1차 이사회 (데모)', '2027-03-16 14:00:00', '2027-03-16 16:00:00', '서울 진흥회 대회의실, 3층; 본관 (데모)', NULL, 'planned', NULL, 1),
	(105, (SELECT id FROM committees WHERE slug = 'directors'), '2026년 원장단 정기회의 (데모)', '2026-09-03 15:00:00', '2026-09-03 17:30:00', '대전 (데모)', NULL, 'held', NULL, 1),
	(106, (SELECT id FROM committees WHERE slug = 'directors'), '2027년 원장단 신년 회의 (데모)', '2027-01-21 14:00:00', '2027-01-21 17:00:00', '세종 (데모)', NULL, 'planned', NULL, 1),
	(107, (SELECT id FROM committees WHERE slug = 'working'), '2026년 제3차 실무위원회 (데모)', '2026-10-15 14:00:00', '2026-10-15 16:00:00', '진흥회 소회의실 (데모)', NULL, 'held', NULL, 1),
	(108, (SELECT id FROM committees WHERE slug = 'working'), '2027년 제1차 실무위원회 (데모)', '2027-02-04 10:00:00', '2027-02-04 12:00:00', NULL, 'https://meet.example.org/demo-working-2027-1', 'planned', NULL, 1);

INSERT INTO committee_agenda_items (id, meeting_id, position, title, description) VALUES
	(101, 101, 1, '2024년도 사업 실적 및 결산 승인의 건', NULL),
	(102, 101, 2, '2025년도 사업계획 및 예산 승인의 건', NULL),
	(103, 101, 3, '임원 선임의 건', NULL),
	(104, 102, 1, '2025년도 사업 실적 및 결산 승인의 건', NULL),
	(105, 102, 2, '정관 일부 개정의 건', '정관 제12조(이사회의 소집) 개정안'),
	(106, 103, 1, '하반기 공동사업 추진 계획 보고', NULL),
	(107, 104, 1, '2026년도 사업 실적 및 결산 승인의 건', NULL),
	(108, 104, 2, '2027년도 사업계획 및 예산 승인의 건', NULL),
	(109, 105, 1, '지역산업 정책 현안 공유', NULL),
	(110, 105, 2, '협의회 운영 규정 개정안에 관한 의견 교환', NULL),
	(111, 106, 1, '2027년 공동사업 방향 논의', NULL),
	(112, 107, 1, '지역산업 정책 대응 실무 과제 검토', NULL),
	(113, 108, 1, '2027년 실무 과제 선정', NULL);

INSERT INTO committee_resolutions (id, agenda_item_id, body, outcome, votes_for, votes_against, votes_abstain) VALUES
	(101, 101, '2024년도 사업 실적과 결산을 원안대로 승인한다.', 'adopted', 5, 0, 0),
	(102, 102, '2025년도 사업계획과 예산을 원안대로 승인한다.', 'adopted', 4, 0, 1),
	(103, 103, '임원 선임은 후보를 더 검토한 뒤 다음 이사회에서 다시 다룬다.', 'deferred', NULL, NULL, NULL),
	(104, 104, '2025년도 사업 실적과 결산을 원안대로 승인한다.', 'adopted', 6, 0, 0),
	(105, 105, '정관 제12조 개정안을 부결하고, 실무위원회에서 다시 다듬어 올리기로 한다.', 'rejected', 2, 4, 0),
	(107, 112, '실무 과제 목록은 각 기관 의견을 더 받은 뒤 다음 회의에서 정한다.', 'deferred', NULL, NULL, NULL);

INSERT INTO committee_attendance (meeting_id, member_id, status, proxy_name) VALUES
	(101, 101, 'present', NULL),
	(101, 103, 'present', NULL),
	(101, 104, 'proxy', '배데모'),
	(101, 105, 'absent', NULL),
	(101, 107, 'present', NULL),
	(101, 108, 'present', NULL),
	(102, 102, 'present', NULL),
	(102, 103, 'present', NULL),
	(102, 104, 'present', NULL),
	(102, 106, 'absent', NULL),
	(102, 107, 'present', NULL),
	(102, 108, 'present', NULL),
	(102, 109, 'present', NULL),
	(107, 201, 'present', NULL),
	(107, 202, 'present', NULL),
	(107, 203, 'present', NULL),
	(107, 204, 'absent', NULL),
	(107, 205, 'present', NULL),
	(105, 1, 'present', NULL),
	(105, 2, 'present', NULL),
	(105, 3, 'present', NULL),
	(105, 4, 'present', NULL),
	(105, 5, 'present', NULL),
	(105, 6, 'present', NULL),
	(105, 7, 'proxy', '조예시'),
	(105, 8, 'present', NULL),
	(105, 9, 'present', NULL),
	(105, 10, 'present', NULL),
	(105, 11, 'present', NULL),
	(105, 12, 'absent', NULL),
	(105, 13, 'present', NULL),
	(105, 14, 'present', NULL),
	(105, 15, 'present', NULL),
	(105, 16, 'absent', NULL),
	(105, 17, 'present', NULL),
	(105, 18, 'absent', NULL),
	(105, 19, 'present', NULL);

-- Minutes: the Markdown, and the HTML src/markdown.c makes of it (as the admin form stores it). 105's are a draft.
INSERT INTO committee_minutes (meeting_id, body_md, body_html, published, published_at) VALUES
	(101, '## 회의 개요\n\n- 일시: 2025년 3월 18일(화) 14:00~16:00\n- 장소: 진흥회 대회의실\n- 출석: 재적 6명 가운데 출석 4명, 위임 1명, 불참 1명\n\n## 심의 결과\n\n1. **2024년도 사업 실적 및 결산 승인의 건**: 원안대로 가결 (찬성 5, 반대 0, 기권 0)\n2. **2025년도 사업계획 및 예산 승인의 건**: 원안대로 가결 (찬성 4, 반대 0, 기권 1)\n3. **임원 선임의 건**: 후보를 더 검토하기로 하고 다음 이사회로 보류\n\n## 기타\n\n의장은 회원기관 간 공동사업 성과를 정리해 다음 회의에 보고해 달라고 사무국에 요청하였다.\n\n> 데모 자료입니다. 실제로 열린 회의가 아닙니다.\n', '<h2>회의 개요</h2>\n<ul>\n<li>일시: 2025년 3월 18일(화) 14:00~16:00</li>\n<li>장소: 진흥회 대회의실</li>\n<li>출석: 재적 6명 가운데 출석 4명, 위임 1명, 불참 1명</li>\n</ul>\n<h2>심의 결과</h2>\n<ol>\n<li><strong>2024년도 사업 실적 및 결산 승인의 건</strong>: 원안대로 가결 (찬성 5, 반대 0, 기권 0)</li>\n<li><strong>2025년도 사업계획 및 예산 승인의 건</strong>: 원안대로 가결 (찬성 4, 반대 0, 기권 1)</li>\n<li><strong>임원 선임의 건</strong>: 후보를 더 검토하기로 하고 다음 이사회로 보류</li>\n</ol>\n<h2>기타</h2>\n<p>의장은 회원기관 간 공동사업 성과를 정리해 다음 회의에 보고해 달라고 사무국에 요청하였다.</p>\n<blockquote>\n<p>데모 자료입니다. 실제로 열린 회의가 아닙니다.</p>\n</blockquote>\n', 1, '2025-03-20 10:00:00'),
	(102, '## 회의 개요\n\n- 일시: 2026년 3월 24일(화) 10:00~12:00\n- 방식: 온라인 회의\n- 출석: 재적 7명 가운데 출석 6명, 불참 1명\n\n## 심의 결과\n\n1. **2025년도 사업 실적 및 결산 승인의 건**: 원안대로 가결 (찬성 6)\n2. **정관 일부 개정의 건**: 부결 (찬성 2, 반대 4). 개정안은 실무위원회에서 다시 다듬기로 하였다.\n\n> 데모 자료입니다. 실제로 열린 회의가 아닙니다.\n', '<h2>회의 개요</h2>\n<ul>\n<li>일시: 2026년 3월 24일(화) 10:00~12:00</li>\n<li>방식: 온라인 회의</li>\n<li>출석: 재적 7명 가운데 출석 6명, 불참 1명</li>\n</ul>\n<h2>심의 결과</h2>\n<ol>\n<li><strong>2025년도 사업 실적 및 결산 승인의 건</strong>: 원안대로 가결 (찬성 6)</li>\n<li><strong>정관 일부 개정의 건</strong>: 부결 (찬성 2, 반대 4). 개정안은 실무위원회에서 다시 다듬기로 하였다.</li>\n</ol>\n<blockquote>\n<p>데모 자료입니다. 실제로 열린 회의가 아닙니다.</p>\n</blockquote>\n', 1, '2026-03-26 09:00:00'),
	(105, '## 회의 개요\n\n- 일시: 2026년 9월 3일(목) 15:00~17:30\n- 장소: 대전\n\n## 논의\n\n각 지역 테크노파크가 당면한 현안을 나누고, 협의회 운영 규정 개정안에 관한 의견을 나누었다. 원장단은 협의하는 자리로, 의결은 하지 않는다.\n\n> 초안입니다. 데모 자료입니다.\n', '<h2>회의 개요</h2>\n<ul>\n<li>일시: 2026년 9월 3일(목) 15:00~17:30</li>\n<li>장소: 대전</li>\n</ul>\n<h2>논의</h2>\n<p>각 지역 테크노파크가 당면한 현안을 나누고, 협의회 운영 규정 개정안에 관한 의견을 나누었다. 원장단은 협의하는 자리로, 의결은 하지 않는다.</p>\n<blockquote>\n<p>초안입니다. 데모 자료입니다.</p>\n</blockquote>\n', 0, NULL),
	(107, '## 회의 개요\n\n- 일시: 2026년 10월 15일(목) 14:00~16:00\n- 장소: 진흥회 소회의실\n\n## 논의\n\n지역산업 정책에 대응할 실무 과제를 검토하였고, 과제 목록은 각 기관 의견을 더 받은 뒤 정하기로 하였다.\n\n> 데모 자료입니다. 실제로 열린 회의가 아닙니다.\n', '<h2>회의 개요</h2>\n<ul>\n<li>일시: 2026년 10월 15일(목) 14:00~16:00</li>\n<li>장소: 진흥회 소회의실</li>\n</ul>\n<h2>논의</h2>\n<p>지역산업 정책에 대응할 실무 과제를 검토하였고, 과제 목록은 각 기관 의견을 더 받은 뒤 정하기로 하였다.</p>\n<blockquote>\n<p>데모 자료입니다. 실제로 열린 회의가 아닙니다.</p>\n</blockquote>\n', 1, '2026-10-16 11:00:00');

COMMIT;
