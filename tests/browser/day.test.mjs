// day.test.mjs - a day of real use (issue 12): one walk per role, at 1280 and at 375 px, the way each
// meets the portal. A reader (not signed in) reads the home page's dated lists, the news board, an article,
// a member profile and a search; staff sign in, use the header's menu, read the people directory and the
// committees; a member admin sends a profile change, the secretariat approves it, the member admin sees the
// decision on the admin start page. Every page visited passes axe, the page checks and (at 375 px) the
// no-sideways-scroll check; vnu reads the server's HTML of every one of them at the end. Screenshots of the
// home page, the board, a profile at phone width, the menu and the review flow go to docs/screenshots/day-*.png.
//
// package.json runs only suite.test.mjs; it imports this file. Alone: node --test day.test.mjs, with the
// suite's environment (TP_BASE_URL, STACK_DIR or TP_LOGINS).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
	DESKTOP, PHONE, account, fact, follow, freshPhone, newPage, open, readAccounts, signIn, squash, uiText,
} from './lib/accounts.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, brokenWordProblems, cardLabelProblems, documentProblems, overflowProblems } from './lib/checks.mjs';
import { SCREENSHOT_DIR } from './lib/config.mjs';
import { vnuCheck } from './lib/vnu.mjs';

const TP = { slug: 'chungnam', name: '충남테크노파크' }; // chungnam-admin's technopark (tools/lib/demo.sh)
const MEMBER_ADMIN = 'chungnam-admin';
const SECRETARIAT = 'secretariat';

let browser;
const visited = []; // the server's HTML of every page the walks saw: {name, text, kind}, for vnu
const shots = [];
const where = (page) => new URL(page.url()).pathname;

/** The page as it is now into docs/screenshots/day-NAME-WIDTH.png (the viewport, not the whole page). */
async function shot(page, name) {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const file = `day-${name}-${page.viewportSize().width}.png`;
	await page.screenshot({ path: path.join(SCREENSHOT_DIR, file), animations: 'disabled', timeout: 15_000 });
	shots.push(file);
}

/**
 * Every gate on the page a navigation led to: axe, the page checks, and at phone width no sideways scroll
 * (no table hiding columns); its server HTML is kept for vnu. res: the navigation's response.
 */
async function checked(page, res, name) {
	assert.ok(res, `${name}: no response`);
	assert.ok(res.status() < 400, `${name}: HTTP ${res.status()} at ${page.url()}`);
	const label = `${name} at ${page.viewportSize().width} px`;
	visited.push({ name: `${label} (${where(page)})`, text: await res.text(), kind: 'html' });
	const problems = [
		...(await axeViolations(page)).map((v) => `axe: ${v.text}`),
		...await documentProblems(page, { isHome: where(page) === '/' }),
	];
	if (page.viewportSize().width === PHONE.width)
		problems.push(...await overflowProblems(page, { phone: true }), ...await brokenWordProblems(page), ...await cardLabelProblems(page));
	assert.equal(problems.length, 0, `${label} (${page.url()}):\n  - ${problems.join('\n  - ')}`);
	return res;
}

/** At phone width the header's links are in its menu: open it (a <details>, no JavaScript) first. */
async function header(page) {
	const menu = page.locator('header details.menu');
	if (page.viewportSize().width === PHONE.width && !(await menu.evaluate((d) => d.open)))
		await menu.locator('summary').click();
	return page.locator('header');
}

/** Follow a link of the header's navigation, as a person does at this width. */
async function navigate(page, href, name) {
	const h = await header(page);
	return checked(page, await follow(page, h.locator(`nav a[href="${href}"]`)), name);
}

before(async () => {
	browser = await useBrowser();
});

after(async () => {
	await releaseBrowser();
	if (shots.length)
		console.log(`day: ${shots.length} screenshots in docs/screenshots/ (${shots.join(', ')})`);
});

for (const vp of [DESKTOP, PHONE]) {
	describe(`a day of real use at ${vp.width} px (issue 12)`, () => {
		test('a reader: the home page, the board, an article, a profile, a search', async () => {
			const page = await newPage(browser, vp);
			try {
				let res = await checked(page, await open(page, '/'), 'home page');
				for (const id of ['notices-h', 'meetings-h', 'member-news-h'])
					assert.equal(await page.locator(`section[aria-labelledby="${id}"]`).count(), 1, `the home page has no ${id} section`);
				const dated = page.locator('section[aria-labelledby="notices-h"] ul.dated li');
				assert.ok(await dated.count() > 0, 'no notices on the home page');
				assert.match(squash(await dated.first().locator('time').textContent()), /^\d{4}-\d\d-\d\d$/, 'a notice without its date');
				await shot(page, 'reader-home');

				res = await navigate(page, '/news', 'the news board');
				const rows = page.locator('table.board #articles tr');
				assert.ok(await rows.count() > 0, 'the board has no rows');
				const first = rows.first();
				assert.match(squash(await first.locator('td.num').textContent()), /^\d+$/, '번호');
				assert.match(squash(await first.locator('td.date').textContent()), /\d{4}-\d\d-\d\d$/, '날짜');
				assert.match(squash(await first.locator('td.subject .cat').textContent()), /^\[.+\]$/, 'the category beside the title');
				if (vp.width === PHONE.width) {
					// a card: the cell's label is shown before its value, from data-label
					const label = await first.locator('td.publisher').evaluate((td) => getComputedStyle(td, '::before').content);
					assert.equal(label, `"${uiText('news.col_publisher')}"`, 'the card does not label 작성 기관');
				}
				await shot(page, 'reader-board');
				const title = squash(await first.locator('a.news-title').textContent());
				await checked(page, await follow(page, first.locator('a.news-title')), 'an article');
				assert.ok(squash(await page.locator('h1').textContent()).startsWith(title), 'the article of the row followed');

				await checked(page, await open(page, `/members/${TP.slug}`), 'a member profile');
				assert.equal(squash(await page.locator('h1').textContent()), TP.name);
				if (vp.width === PHONE.width)
					await shot(page, 'reader-profile');

				const h = await header(page);
				await h.locator('input[name="q"]').fill('충남');
				await checked(page, await follow(page, h.getByRole('button', { name: uiText('search.submit'), exact: true })), 'a search');
				assert.match(await page.locator('ol.results li').first().getAttribute('data-ref'), /^members\/\d+$/, 'a technopark first');
				assert.equal(squash(await page.locator('ol.results li h2 a').first().textContent()), TP.name, '"충남" lists 충남테크노파크 first');
			} finally {
				await page.context().close();
			}
		});

		test('staff: sign in, the header in one line with its menu, the people directory, the committees', async () => {
			const page = await newPage(browser, vp);
			try {
				const staff = readAccounts().find((a) => a.role === 'staff');
				assert.ok(staff, 'no staff login (tools/stack makes one)');
				await signIn(page, staff);
				assert.ok(['/', '/account/password'].includes(where(page)), `staff landed on ${page.url()}`);
				await checked(page, await open(page, where(page)), 'where staff land');
				const hdr = await page.locator('header.site').boundingBox();
				if (vp.width === PHONE.width) {
					// one line: the name and 메뉴; the navigation folded away until the menu opens
					assert.ok(hdr.height <= 64, `the signed-in header is ${Math.round(hdr.height)} px tall at 375 px`);
					assert.equal(await page.locator('header nav a[href="/people"]').isVisible(), false, 'the menu is open before it is asked');
					await page.locator('header details.menu summary').click();
					assert.ok(await page.locator('header nav a[href="/people"]').isVisible(), 'the menu did not open');
					assert.ok(await page.locator('header .who').isVisible(), 'the open menu does not say who is signed in');
					await shot(page, 'staff-menu');
				} else {
					assert.equal(await page.locator('header details.menu summary').isVisible(), false, 'a 메뉴 button on a wide screen');
					assert.ok(await page.locator('header nav a[href="/people"]').isVisible(), 'the navigation is folded on a wide screen');
				}
				await navigate(page, '/people', 'the people directory');
				assert.ok(await page.locator('table.people tbody tr').count() > 0, 'nobody in the people directory');
				await navigate(page, '/committees', 'the committees');
				await checked(page, await open(page, '/committees/board'), 'a committee');
			} finally {
				await page.context().close();
			}
		});

		test('member admin and secretariat: a profile change sent, approved, and the decision seen', async () => {
			const admin = await newPage(browser, vp);
			const sec = await newPage(browser, vp);
			try {
				await signIn(admin, account(MEMBER_ADMIN));
				assert.equal(where(admin), '/admin');
				await checked(admin, await open(admin, '/admin'), 'the member admin\'s start page');
				await checked(admin, await open(admin, `/admin/members/${TP.slug}`), 'the profile form');
				const phone = admin.getByLabel(uiText('field.phone'), { exact: true });
				const newPhone = freshPhone([await phone.inputValue()]);
				await phone.fill('');
				await phone.pressSequentially(newPhone);
				await checked(admin, await follow(admin, admin.getByRole('button', { name: uiText('form.submit'), exact: true })), 'the change sent');
				const m = where(admin).match(/^\/admin\/requests\/([1-9][0-9]*)$/);
				assert.ok(m, `sending the change led to ${admin.url()}`);
				const id = m[1];
				assert.equal(squash(await fact(admin, uiText('request.state')).textContent()), uiText('request.state_pending'));
				await shot(admin, 'review-sent');

				await signIn(sec, account(SECRETARIAT));
				await checked(sec, await open(sec, '/admin/requests'), 'the review queue');
				const row = sec.locator('table tbody tr').filter({ has: sec.getByRole('link', { name: `#${id}`, exact: true }) });
				assert.equal(await row.count(), 1, `request #${id} is not in the queue`);
				await checked(sec, await follow(sec, row.getByRole('link', { name: `#${id}`, exact: true })), 'the request, to decide');
				const comment = `확인했습니다 (${vp.width} px).`;
				await sec.getByLabel(uiText('request.comment'), { exact: true }).pressSequentially(comment);
				await checked(sec, await follow(sec, sec.getByRole('button', { name: uiText('request.approve'), exact: true })), 'the request approved');
				assert.equal(squash(await fact(sec, uiText('request.state')).textContent()), uiText('request.state_approved'));
				await shot(sec, 'review-approved');

				await checked(admin, await open(admin, '/admin'), 'the member admin\'s start page after the decision');
				const decided = admin.locator('section.decided li').filter({ hasText: `#${id}` });
				assert.equal(await decided.count(), 1, `the decision on #${id} is not on the member admin's start page`);
				assert.ok(squash(await decided.textContent()).includes(uiText('request.state_approved')), 'the decision does not say approved');
				assert.ok(squash(await decided.textContent()).includes(comment), 'the decision does not carry the comment');
				await shot(admin, 'review-decision');
				await checked(admin, await follow(admin, decided.getByRole('link')), 'the decided request, opened');
				await checked(admin, await open(admin, '/admin'), 'the start page once the decision is seen');
				assert.equal(await admin.locator('section.decided li').filter({ hasText: `#${id}` }).count(), 0, 'a seen decision stays');
				await checked(admin, await open(admin, `/members/${TP.slug}`), 'the profile with the approved change');
				assert.equal(squash(await fact(admin, uiText('member.phone')).textContent()), newPhone, 'the approved phone is not public');
			} finally {
				await admin.context().close();
				await sec.context().close();
			}
		});
	});
}

describe('a day of real use: the Nu Html Checker', () => {
	test('vnu finds no error on any page the walks visited, signed in or not', async () => {
		assert.ok(visited.length > 20, `only ${visited.length} pages were visited`);
		const { byName } = await vnuCheck(visited, 60_000);
		const lines = [];
		for (const d of visited) {
			const r = byName.get(d.name);
			if (r.errors.length)
				lines.push(`${d.name}\n  - ${r.errors.join('\n  - ')}`);
		}
		console.log(`day: vnu on ${visited.length} pages, ${lines.length} with errors`);
		assert.equal(lines.length, 0, lines.join('\n'));
	});
});
