-- 002_demo_news.sql - twelve fictional demo articles (is_demo = 1, titles start with [데모]) by the association
-- and several technoparks in every category, for development and tests only; one pinned notice (id 2, pinned
-- to 2099-12-31); ids 4 and 5 share their published time, so the keyset's tie-break on id is exercised.
-- body_html is body_md as src/markdown.c renders it.
SET NAMES utf8mb4;

INSERT INTO news_articles (id, category_id, technopark_id, author_id, title, body_md, body_html, state, published_at, updated_at, pinned_until, is_demo, source_id) VALUES
	(2,
	 (SELECT id FROM news_categories WHERE slug = 'notice'),
	 NULL,
	 NULL,
	 '[데모] 회원 포털 이용 안내',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

## 포털에서 할 수 있는 일

- 회원기관과 담당자 찾기
- 진흥회와 회원기관의 소식 읽기
- 소식을 [Atom 피드](/news.atom)로 구독하기

궁금한 점은 진흥회 사무국에 문의해 주세요.
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<h2>포털에서 할 수 있는 일</h2>
<ul>
<li>회원기관과 담당자 찾기</li>
<li>진흥회와 회원기관의 소식 읽기</li>
<li>소식을 <a href="/news.atom">Atom 피드</a>로 구독하기</li>
</ul>
<p>궁금한 점은 진흥회 사무국에 문의해 주세요.</p>
',
	 'published',
	 '2026-03-02 09:00:00',
	 '2026-03-02 09:00:00',
	 '2099-12-31',
	 1,
	 NULL),
	(3,
	 (SELECT id FROM news_categories WHERE slug = 'call'),
	 (SELECT id FROM technoparks WHERE slug = 'chungnam'),
	 NULL,
	 '[데모] 충남 디스플레이 소재 기업 기술지원 참여 기업 모집',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

충남테크노파크가 디스플레이 소재·부품 기업의 시제품 제작을 돕는 가상의 사업에 참여할 기업을 모집합니다.

1. 신청 기간: 2026년 3월 한 달
2. 지원 내용: 시험 장비 이용, 전문가 자문
3. 신청 방법: 담당 부서에 전자우편으로 신청서 제출
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>충남테크노파크가 디스플레이 소재·부품 기업의 시제품 제작을 돕는 가상의 사업에 참여할 기업을 모집합니다.</p>
<ol>
<li>신청 기간: 2026년 3월 한 달</li>
<li>지원 내용: 시험 장비 이용, 전문가 자문</li>
<li>신청 방법: 담당 부서에 전자우편으로 신청서 제출</li>
</ol>
',
	 'published',
	 '2026-02-16 10:00:00',
	 '2026-02-16 10:00:00',
	 NULL,
	 1,
	 NULL),
	(4,
	 (SELECT id FROM news_categories WHERE slug = 'press'),
	 (SELECT id FROM technoparks WHERE slug = 'gyeonggi'),
	 NULL,
	 '[데모] 경기테크노파크, 스마트공장 성과 공유회 열어',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

경기테크노파크가 스마트공장을 도입한 기업들과 함께 성과를 나누는 자리를 가졌다는 가상의 보도자료입니다.

> 참가 기업들은 생산 설비의 자료를 모아 쓰는 경험을 나누었습니다.
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>경기테크노파크가 스마트공장을 도입한 기업들과 함께 성과를 나누는 자리를 가졌다는 가상의 보도자료입니다.</p>
<blockquote>
<p>참가 기업들은 생산 설비의 자료를 모아 쓰는 경험을 나누었습니다.</p>
</blockquote>
',
	 'published',
	 '2026-02-10 14:30:00',
	 '2026-02-10 14:30:00',
	 NULL,
	 1,
	 NULL),
	(5,
	 (SELECT id FROM news_categories WHERE slug = 'event'),
	 (SELECT id FROM technoparks WHERE slug = 'busan'),
	 NULL,
	 '[데모] 부산테크노파크 해양 신산업 세미나',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

부산테크노파크가 해양 신산업을 주제로 여는 가상의 세미나입니다.

- 일시: 2026년 4월 중
- 장소: 부산테크노파크 대회의실
- 참가: 누구나 (사전 신청)
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>부산테크노파크가 해양 신산업을 주제로 여는 가상의 세미나입니다.</p>
<ul>
<li>일시: 2026년 4월 중</li>
<li>장소: 부산테크노파크 대회의실</li>
<li>참가: 누구나 (사전 신청)</li>
</ul>
',
	 'published',
	 '2026-02-10 14:30:00',
	 '2026-02-10 14:30:00',
	 NULL,
	 1,
	 NULL),
	(6,
	 (SELECT id FROM news_categories WHERE slug = 'notice'),
	 (SELECT id FROM technoparks WHERE slug = 'chungnam'),
	 NULL,
	 '[데모] 충남테크노파크 설 연휴 휴무 안내',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

설 연휴 기간에는 사무실을 닫습니다. 급한 일은 당직자에게 연락해 주세요.
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>설 연휴 기간에는 사무실을 닫습니다. 급한 일은 당직자에게 연락해 주세요.</p>
',
	 'published',
	 '2026-01-20 09:00:00',
	 '2026-01-20 09:00:00',
	 NULL,
	 1,
	 NULL),
	(7,
	 (SELECT id FROM news_categories WHERE slug = 'call'),
	 NULL,
	 NULL,
	 '[데모] 테크노파크 임직원 직무교육 수강 신청',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

진흥회가 회원 테크노파크 임직원을 위한 가상의 직무교육 과정을 엽니다.

- 과정: 기업지원 실무, 사업 성과 관리
- 신청: 각 기관 교육 담당자를 통해 일괄 신청
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>진흥회가 회원 테크노파크 임직원을 위한 가상의 직무교육 과정을 엽니다.</p>
<ul>
<li>과정: 기업지원 실무, 사업 성과 관리</li>
<li>신청: 각 기관 교육 담당자를 통해 일괄 신청</li>
</ul>
',
	 'published',
	 '2026-01-12 11:00:00',
	 '2026-01-12 11:00:00',
	 NULL,
	 1,
	 NULL),
	(8,
	 (SELECT id FROM news_categories WHERE slug = 'press'),
	 (SELECT id FROM technoparks WHERE slug = 'seoul'),
	 NULL,
	 '[데모] 서울테크노파크, 창업기업 투자설명회 개최',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

서울테크노파크가 입주 창업기업과 투자자를 잇는 설명회를 열었다는 가상의 보도자료입니다.
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>서울테크노파크가 입주 창업기업과 투자자를 잇는 설명회를 열었다는 가상의 보도자료입니다.</p>
',
	 'published',
	 '2025-12-18 16:00:00',
	 '2025-12-18 16:00:00',
	 NULL,
	 1,
	 NULL),
	(9,
	 (SELECT id FROM news_categories WHERE slug = 'event'),
	 (SELECT id FROM technoparks WHERE slug = 'daegu'),
	 NULL,
	 '[데모] 대구테크노파크 연말 기업 교류회',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

대구테크노파크 입주기업이 한 해를 돌아보는 가상의 교류회입니다.
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>대구테크노파크 입주기업이 한 해를 돌아보는 가상의 교류회입니다.</p>
',
	 'published',
	 '2025-12-05 13:00:00',
	 '2025-12-05 13:00:00',
	 NULL,
	 1,
	 NULL),
	(10,
	 (SELECT id FROM news_categories WHERE slug = 'notice'),
	 NULL,
	 NULL,
	 '[데모] 2026년 정기총회 일정 안내',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

가상의 정기총회 일정입니다.

- 일시: 2026년 2월 하순
- 안건: 사업계획과 예산 심의
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>가상의 정기총회 일정입니다.</p>
<ul>
<li>일시: 2026년 2월 하순</li>
<li>안건: 사업계획과 예산 심의</li>
</ul>
',
	 'published',
	 '2025-11-28 09:30:00',
	 '2025-11-28 09:30:00',
	 NULL,
	 1,
	 NULL),
	(11,
	 (SELECT id FROM news_categories WHERE slug = 'press'),
	 (SELECT id FROM technoparks WHERE slug = 'chungnam'),
	 NULL,
	 '[데모] 충남테크노파크, 이차전지 분야 협력 협약',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

충남테크노파크가 이차전지 분야 기업들과 협력 협약을 맺었다는 가상의 보도자료입니다.
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>충남테크노파크가 이차전지 분야 기업들과 협력 협약을 맺었다는 가상의 보도자료입니다.</p>
',
	 'published',
	 '2025-11-14 15:00:00',
	 '2025-11-14 15:00:00',
	 NULL,
	 1,
	 NULL),
	(12,
	 (SELECT id FROM news_categories WHERE slug = 'event'),
	 (SELECT id FROM technoparks WHERE slug = 'gyeonggi'),
	 NULL,
	 '[데모] 경기테크노파크 3D 프린팅 체험 행사',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

경기테크노파크가 여는 가상의 3D 프린팅 체험 행사입니다. [경기테크노파크 소개](/members/gyeonggi)도 함께 보세요.
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>경기테크노파크가 여는 가상의 3D 프린팅 체험 행사입니다. <a href="/members/gyeonggi">경기테크노파크 소개</a>도 함께 보세요.</p>
',
	 'published',
	 '2025-10-30 10:00:00',
	 '2025-10-30 10:00:00',
	 NULL,
	 1,
	 NULL),
	(13,
	 (SELECT id FROM news_categories WHERE slug = 'call'),
	 (SELECT id FROM technoparks WHERE slug = 'busan'),
	 NULL,
	 '[데모] 부산 지역 중소기업 해외 전시회 참가 지원',
	 '이 글은 포털을 개발하고 시험하기 위해 만든 **가상의 데모 기사**입니다. 실제 공지나 사업이 아닙니다.

부산테크노파크가 해외 전시회에 나가는 지역 중소기업을 돕는 가상의 사업입니다.
',
	 '<p>이 글은 포털을 개발하고 시험하기 위해 만든 <strong>가상의 데모 기사</strong>입니다. 실제 공지나 사업이 아닙니다.</p>
<p>부산테크노파크가 해외 전시회에 나가는 지역 중소기업을 돕는 가상의 사업입니다.</p>
',
	 'published',
	 '2025-10-15 09:00:00',
	 '2025-10-15 09:00:00',
	 NULL,
	 1,
	 NULL);
