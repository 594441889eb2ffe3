-- 004_demo_library.sql - DEMO DATA ONLY: five fictional library documents (is_demo = 1, titles start with
-- [데모]) by the association and two technoparks, for development and tests only; never load into production.
-- They have no files (a file needs its bytes under upload_dir: the tests upload theirs through the form).
-- Document 4 is for signed-in readers only, so that the pages, the feed and the search can be checked to
-- hide it from readers signed out. Ids are fixed (1-5) so that the route table's samples (/library/1) name them.
-- Load after sql/seed/*.sql.
SET NAMES utf8mb4;

INSERT INTO library_documents (id, kind_id, technopark_id, author_id, title, description, year, language, audience, created_at, updated_at, is_demo) VALUES
	(1, (SELECT id FROM library_kinds WHERE slug = 'annual-report'), NULL, NULL,
	 '[데모] 2024 테크노파크 연차보고서',
	 '가상의 데모 자료입니다. 진흥회가 펴내는 연차보고서가 자료실에 어떻게 보이는지 보여 줍니다.',
	 2024, 'ko', 'public', '2026-02-02 10:00:00', '2026-02-02 10:00:00', 1),
	(2, (SELECT id FROM library_kinds WHERE slug = 'brochure'), (SELECT id FROM technoparks WHERE slug = 'chungnam'), NULL,
	 '[데모] 충남테크노파크 기관 소개 브로슈어',
	 '가상의 데모 자료입니다. 회원기관이 올린 브로슈어의 예입니다.',
	 2025, 'ko_en', 'public', '2026-02-16 10:00:00', '2026-02-16 10:00:00', 1),
	(3, (SELECT id FROM library_kinds WHERE slug = 'form'), NULL, NULL,
	 '[데모] 회원기관 사업 신청 서식',
	 '가상의 데모 자료입니다. 서식 종류의 예입니다.',
	 2025, 'ko', 'public', '2026-03-03 10:00:00', '2026-03-03 10:00:00', 1),
	(4, (SELECT id FROM library_kinds WHERE slug = 'report'), NULL, NULL,
	 '[데모] 회원 전용 운영 보고서',
	 '가상의 데모 자료입니다. 로그인한 사람에게만 보이는 자료의 예입니다.',
	 2025, 'ko', 'signed_in', '2026-03-16 10:00:00', '2026-03-16 10:00:00', 1),
	(5, (SELECT id FROM library_kinds WHERE slug = 'report'), (SELECT id FROM technoparks WHERE slug = 'busan'), NULL,
	 '[데모] 부산테크노파크 지역산업 동향 보고서',
	 '가상의 데모 자료입니다. 다른 회원기관의 자료의 예입니다.',
	 2023, 'en', 'public', '2026-04-01 10:00:00', '2026-04-01 10:00:00', 1);
