// committees.test.mjs - the committees issue's "done" test in a real browser, done the way the secretariat does
// it: sign in through /login, follow the links to the board (이사회), schedule a meeting (after one mistake the
// form shows and keeps), add three agenda items, record attendance and two resolutions, write and publish the
// minutes; then read all of it on the public meeting page and the committee page, and find the meeting in the
// committee's calendar feed. axe and the page checks run on the pages it passes through; screenshots of the
// meeting page go to docs/screenshots/committee-meeting-*.png.
//
// Run alone: node --test committees.test.mjs, with the suite's environment (TP_BASE_URL, and STACK_DIR or
// TP_LOGINS for the secretariat's login). Each run schedules a new meeting with a fresh title, so it can run
// twice against one instance.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { account, follow, newPage, open, screenshots, signIn, squash, uiText } from './lib/accounts.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, documentProblems } from './lib/checks.mjs';
import { BASE_URL } from './lib/config.mjs';

const RUN = randomBytes(3).toString('hex');
const TITLE = `이사회 브라우저 시험 ${RUN}`;
const ITEMS = ['2027년도 사업계획 승인의 건', '정관 일부 개정의 건', `회원 가입 승인의 건 ${RUN}`];
/* a day just past, inside the demo board's terms (2026-03-01 to 2028-02-29), so that several seats are held on
it: attendance, minutes and resolutions wait for a meeting to have started (issue 12, item 3) */
const DAY = new Date(Date.now() - 3 * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
const req = (key) => `${uiText(key)} ${uiText('form.required')}`;

let browser, page, meetingId;
const checked = [];	/* pages that went through axe and the page checks */


/** axe and the page checks on the page as it is now. */
async function gates(what) {
	const problems = [...(await axeViolations(page)).map((v) => v.text), ...(await documentProblems(page))];
	assert.deepEqual(problems, [], `${what}: ${problems.join('\n')}`);
	checked.push(what);
}

const path = () => new URL(page.url()).pathname;

describe('the secretariat runs a board meeting (issue 6: done when)', () => {
	before(async () => {
		browser = await useBrowser();
		page = await newPage(browser);
		await signIn(page, account('secretariat'));
	});

	after(async () => {
		if (page)
			await page.context().close().catch(() => {});
		await releaseBrowser();
		console.log(`committees: axe and page checks on ${checked.length} pages: ${checked.join(', ')}`);
	});

	test('schedule a 이사회 meeting from the admin; a mistake comes back with the values kept', async () => {
		await follow(page, page.locator('header nav').getByRole('link', { name: uiText('admin.title'), exact: true }));
		await follow(page, page.locator('nav.subnav').getByRole('link', { name: uiText('committee_admin.title'), exact: true }));
		assert.equal(path(), '/admin/committees');
		await follow(page, page.getByRole('link', { name: '이사회', exact: true }));
		assert.equal(path(), '/admin/committees/board');
		await follow(page, page.getByRole('link', { name: uiText('committee_admin.meeting_add'), exact: true }).first());
		assert.equal(path(), '/admin/committees/board/meetings/new');
		await gates('new meeting form');

		await page.getByLabel(req('committee_admin.field.title')).fill(TITLE);
		await page.getByLabel(req('committee_admin.field.date')).fill(DAY);
		await page.getByLabel(req('committee_admin.field.starts')).fill('14:00');
		await page.getByLabel(req('committee_admin.field.ends')).fill('13:00');	/* before the start: a mistake */
		await page.getByLabel(uiText('committee_admin.field.place'), { exact: true }).fill('진흥회 대회의실 (시험)');
		await page.getByLabel(req('committee_admin.field.status')).selectOption({ label: uiText('committee.status.held') });
		const bad = await follow(page, page.getByRole('button', { name: uiText('committee_admin.meeting_create'), exact: true }));
		assert.equal(bad.status(), 422);
		assert.ok(squash(await page.locator('.errors').first().textContent()).includes(uiText('committee_admin.err_meeting_order')));
		assert.equal(await page.getByLabel(req('committee_admin.field.title')).inputValue(), TITLE, 'the title is kept');
		await gates('meeting form with a mistake');

		await page.getByLabel(req('committee_admin.field.ends')).fill('16:00');
		const ok = await follow(page, page.getByRole('button', { name: uiText('committee_admin.meeting_create'), exact: true }));
		assert.equal(ok.status(), 200);
		const m = /^\/admin\/meetings\/(\d+)$/.exec(path());
		assert.ok(m, `after scheduling: ${page.url()}`);
		meetingId = Number(m[1]);
		assert.ok(squash(await page.locator('p.ok').textContent()).includes(uiText('committee_admin.done.created')));
	});

	test('add three agenda items, in order', async () => {
		assert.ok(meetingId, 'no meeting');
		for (const title of ITEMS) {
			await page.getByLabel(req('committee_admin.field.item_title')).fill(title);
			await follow(page, page.getByRole('button', { name: uiText('committee_admin.agenda_add'), exact: true }));
			assert.equal(path(), `/admin/meetings/${meetingId}`);
		}
		const rows = await page.locator('table.agenda tbody th a').allTextContents();
		assert.deepEqual(rows.map(squash), ITEMS);
		await gates('meeting admin page with its agenda');
	});

	test('record attendance: present, one by proxy, one absent', async () => {
		await follow(page, page.getByRole('link', { name: uiText('committee_admin.attendance'), exact: true }));
		assert.equal(path(), `/admin/meetings/${meetingId}/attendance`);
		const rows = page.locator('table.attendance tbody tr');
		const n = await rows.count();
		assert.ok(n >= 3, `only ${n} seats held on ${DAY}`);
		for (let i = 0; i < n; i++) {
			const state = i === 1 ? 'proxy' : i === 2 ? 'absent' : 'present';
			await rows.nth(i).locator('select').selectOption({ label: uiText(`meeting.attendance.${state}`) });
		}
		await rows.nth(1).locator('input[name="proxy"]').fill('대리 시험인');
		await gates('attendance form');
		const res = await follow(page, page.getByRole('button', { name: uiText('form.save'), exact: true }));
		assert.equal(res.status(), 200);
		assert.ok(squash(await page.locator('p.ok').textContent()).includes(uiText('committee_admin.done.saved')));
		assert.equal(await rows.nth(1).locator('input[name="proxy"]').inputValue(), '대리 시험인');
	});

	test('record two resolutions on the first two items', async () => {
		for (const [i, outcome, votes] of [[0, 'adopted', ['2', '0', '0']], [1, 'rejected', ['0', '2', '0']]]) {
			await open(page, `/admin/meetings/${meetingId}`);
			await follow(page, page.getByRole('link', { name: uiText('committee_admin.resolution_add'), exact: true }).first());
			await page.getByLabel(req('committee_admin.field.agenda_item_id')).selectOption({ label: `${i + 1}. ${ITEMS[i]}` });
			await page.getByLabel(req('committee_admin.field.body')).fill(`${ITEMS[i]}을(를) ${uiText(`committee.outcome.${outcome}`)}한다 (${RUN})`);
			await page.getByLabel(req('committee_admin.field.outcome')).selectOption({ label: uiText(`committee.outcome.${outcome}`) });
			await page.getByLabel(uiText('committee_admin.field.votes_for'), { exact: true }).fill(votes[0]);
			await page.getByLabel(uiText('committee_admin.field.votes_against'), { exact: true }).fill(votes[1]);
			await page.getByLabel(uiText('committee_admin.field.votes_abstain'), { exact: true }).fill(votes[2]);
			if (i === 0)
				await gates('resolution form');
			await follow(page, page.getByRole('button', { name: uiText('form.save'), exact: true }));
			assert.equal(path(), `/admin/meetings/${meetingId}`);
		}
		assert.equal(await page.locator('table.resolutions tbody tr').count(), 2);
	});

	test('write the minutes in Markdown and publish them', async () => {
		await follow(page, page.getByRole('link', { name: uiText('committee_admin.minutes'), exact: true }));
		await page.getByLabel(uiText('committee_admin.field.minutes'), { exact: true }).fill(
		    `## 심의 결과\n\n1. **${ITEMS[0]}**: 가결\n2. **${ITEMS[1]}**: 부결\n\n<script>alert(1)</script>\n\n회의록 시험 ${RUN}\n`);
		await page.getByLabel(uiText('committee_admin.minutes_publish'), { exact: true }).check();
		await follow(page, page.getByRole('button', { name: uiText('form.save'), exact: true }));
		assert.ok(squash(await page.locator('p.ok').textContent()).includes(uiText('committee_admin.done.published')));
		await gates('minutes form with the stored minutes');
	});

	test('all of it on the public meeting page', async () => {
		await open(page, `/admin/meetings/${meetingId}`);
		await follow(page, page.getByRole('link', { name: uiText('committee_admin.public_page'), exact: true }));
		assert.equal(path(), `/committees/board/meetings/${meetingId}`);
		/* the demo secretariat scheduled it: a meeting a demo account makes is demo, and says so (issue 20) */
		assert.equal(squash(await page.locator('h1').textContent()), `${TITLE} ${uiText('demo')}`);
		const agenda = (await page.locator('ol.agenda > li > strong').allTextContents()).map(squash);
		assert.deepEqual(agenda, ITEMS);
		const res = page.locator('table.resolutions tbody tr');
		assert.equal(await res.count(), 2);
		assert.match(squash(await res.nth(0).textContent()), new RegExp(`${uiText('committee.outcome.adopted')}.*${uiText('committee.votes_for')} 2`));
		assert.match(squash(await res.nth(1).textContent()), new RegExp(`${uiText('committee.outcome.rejected')}.*${uiText('committee.votes_against')} 2`));
		const att = squash(await page.locator('table.attendance').textContent());
		assert.ok(att.includes(`${uiText('meeting.attendance.proxy')} (${uiText('meeting.proxy_by')}: 대리 시험인)`), att);
		assert.ok(att.includes(uiText('meeting.attendance.absent')));
		const minutes = page.locator('.minutes');
		assert.ok(squash(await minutes.textContent()).includes(`회의록 시험 ${RUN}`));
		assert.equal(await minutes.locator('strong').first().textContent(), ITEMS[0]);
		assert.equal(await page.locator('.minutes script').count(), 0, 'raw HTML made it into the page');
		await gates('public meeting page');
		console.log(`screenshots: ${(await screenshots(page, 'committee-meeting')).join(', ')}`);
	});

	test('on the committee page, and in the committee\'s calendar feed', async () => {
		await follow(page, page.locator('p.crumbs').getByRole('link', { name: '이사회', exact: true }));
		assert.equal(path(), '/committees/board');
		/* held three days ago: among the past meetings */
		assert.equal(await page.locator(`section[aria-labelledby="past-h"] a[href="/committees/board/meetings/${meetingId}"]`).count(), 1,
		    'the meeting is not among the past ones');
		await gates('committee page');
		const href = await page.getByRole('link', { name: uiText('committee.calendar'), exact: true }).getAttribute('href');
		assert.equal(href, '/committees/board/calendar.ics');
		const ics = await page.request.get(BASE_URL + href);
		assert.equal(ics.status(), 200);
		assert.equal(ics.headers()['content-type'], 'text/calendar; charset=utf-8');
		const body = (await ics.text()).replace(/\r\n[ \t]/g, '');
		const uid = `UID:committee-meeting-${meetingId}@${new URL(BASE_URL).hostname}`;
		const start = body.indexOf(uid);
		assert.ok(start > 0, `${uid} not in the feed`);
		const ev = body.slice(start, body.indexOf('END:VEVENT', start));
		assert.ok(ev.includes(`SUMMARY:${TITLE}`));
		assert.ok(ev.includes(`DTSTART;TZID=Asia/Seoul:${DAY.replace(/-/g, '')}T140000`));
		assert.ok(ev.includes(`DTEND;TZID=Asia/Seoul:${DAY.replace(/-/g, '')}T160000`));
		assert.ok(ev.includes('STATUS:CONFIRMED'));
		for (const [i, t] of ITEMS.entries())
			assert.ok(ev.includes(`\\n${i + 1}. ${t}`), `agenda item ${i + 1} not in DESCRIPTION`);
	});
});
