// lang.test.mjs - the portal in English (issue 17): every page of the quality gates' walk (gatePages) in
// English through axe (WCAG 2.1 A/AA), the page checks and the width checks at 1280 and 375 px (English
// words are longer), then the Nu Html Checker; and a reader who switches a profile, a meeting and the search
// page to English and back with the link every page has, the choice kept by the cookie.
// Run by `npm test` beside suite.test.mjs, on the same instance; its own time guard.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, brokenWordProblems, cardLabelProblems, documentProblems, overflowProblems } from './lib/checks.mjs';
import { BASE_URL, SCREENSHOT_DIR, fetchRetry, gatePages, listRoutes } from './lib/config.mjs';
import { readLogins, roleFor, signIn } from './lib/sessions.mjs';
import { vnuCheck } from './lib/vnu.mjs';

const RUN_LIMIT_MS = 900_000;
setTimeout(() => {
	console.error(`browser language tests: still running after ${RUN_LIMIT_MS / 1000} s; stopping`);
	process.exit(2);
}, RUN_LIMIT_MS).unref();

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const AT_ONCE = 3;
const withLang = (url, lang) => url + (url.includes('?') ? '&' : '?') + `lang=${lang}`;
const problemList = (title, problems) => `${title}\n  - ${problems.join('\n  - ')}`;

let browser, pages = [];
const sessions = new Map();

/** A page in a new context as role (null: anonymous), a browser that asks for Korean: only ?lang= chooses. */
async function newPage(viewport, role = null) {
	const storageState = role ? sessions.get(role).storageState : undefined;
	const context = await browser.newContext({ viewport, locale: 'ko-KR', storageState });
	context.setDefaultTimeout(10_000);
	context.setDefaultNavigationTimeout(15_000);
	return context.newPage();
}

before(async () => {
	const res = await fetchRetry(BASE_URL + '/healthz', {}, 30);
	assert.equal(res.status, 200, `${BASE_URL}/healthz answered ${res.status}`);
	const routes = listRoutes();
	browser = await useBrowser();
	const logins = readLogins();
	for (const [role, account] of logins)
		sessions.set(role, await signIn(browser, role, account));
	const found = await gatePages(routes, (r) => roleFor(r.access, logins), sessions);
	pages = found.pages.map((p) => ({ ...p, url: withLang(p.url, 'en') }));
	console.log(`${pages.length} pages in English under the gates`);
});

after(async () => {
	await releaseBrowser();
});

describe('every page in English under the gates', () => {
	test('axe, the page checks, and the width at 1280 and 375 px', { concurrency: AT_ONCE }, async (t) => {
		let violations = 0;
		await Promise.all(pages.map((p) => t.test(`${p.url}${p.role ? ' as ' + p.role : ''} (${p.why})`, async () => {
			const page = await newPage(DESKTOP, p.role);
			try {
				const res = await page.goto(BASE_URL + p.url, { waitUntil: 'load' });
				assert.equal(res.status(), p.status, `${p.url}: HTTP ${res.status()}`);
				assert.equal(await page.getAttribute('html', 'lang'), 'en', `${p.url}: <html lang>`);
				const failures = [];
				const v = await axeViolations(page);
				violations += v.length;
				if (v.length)
					failures.push(problemList(`axe: ${v.length} violations`, v.map((x) => x.text)));
				const doc = await documentProblems(page, { isHome: p.url.startsWith('/?'), lang: 'en' });
				if (doc.length)
					failures.push(problemList('page checks', doc));
				const wide = [...await overflowProblems(page), ...await brokenWordProblems(page)];
				if (wide.length)
					failures.push(problemList(`at ${DESKTOP.width} px`, wide));
				await page.setViewportSize(PHONE);
				const narrow = [...await overflowProblems(page, { phone: true }), ...await brokenWordProblems(page),
				    ...await cardLabelProblems(page)];
				if (narrow.length)
					failures.push(problemList(`at ${PHONE.width} px`, narrow));
				assert.equal(failures.length, 0, `${p.url}\n${failures.join('\n')}`);
			} finally {
				await page.context().close();
			}
		})));
		console.log(`axe in English: ${pages.length} pages, ${violations} violations`);
	});

	test('the Nu Html Checker on every page in English', async () => {
		const docs = [];
		for (const p of pages) {
			const headers = p.role ? { cookie: sessions.get(p.role).cookie } : {};
			const res = await fetchRetry(BASE_URL + p.url, { headers });
			assert.equal(res.status, p.status, `${p.url}: HTTP ${res.status}`);
			docs.push({ name: p.url + (p.role ? ` (as ${p.role})` : ''), text: await res.text(), kind: 'html' });
		}
		const { byName } = await vnuCheck(docs, 60_000);
		const lines = docs.filter((d) => byName.get(d.name).errors.length).map((d) => problemList(d.name, byName.get(d.name).errors));
		console.log(`vnu in English: ${docs.length} pages, ${lines.length} with errors`);
		assert.equal(lines.length, 0, lines.join('\n'));
	});
});

describe('a reader switches language and back', () => {
	/** Click the page's language link; the same path comes back in the other language. */
	async function switchOn(page, want) {
		const before = new URL(page.url());
		const link = page.locator('a.lang-switch');
		assert.equal(await link.getAttribute('hreflang'), want);
		await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
		const now = new URL(page.url());
		assert.equal(now.pathname, before.pathname, 'the same page');
		for (const [k, v] of before.searchParams)
			if (k !== 'lang')
				assert.equal(now.searchParams.get(k), v, `the query's ${k} is kept`);
		assert.equal(await page.getAttribute('html', 'lang'), want);
	}

	test('a profile, a meeting and the search page, in English and back in Korean', async () => {
		const html = await (await fetchRetry(BASE_URL + '/committees/board')).text();
		const meeting = /href="(\/committees\/board\/meetings\/\d+)"/.exec(html)?.[1];
		assert.ok(meeting, '/committees/board links to a meeting');
		const page = await newPage(DESKTOP);
		try {
			await page.goto(BASE_URL + '/members/busan', { waitUntil: 'load' });
			assert.equal(await page.getAttribute('html', 'lang'), 'ko', 'a Korean browser reads Korean first');
			assert.equal(await page.locator('h1').textContent(), '부산테크노파크');
			await switchOn(page, 'en');
			assert.equal(await page.locator('h1').textContent(), 'Busan Technopark');
			assert.equal(await page.locator('a.lang-switch').textContent(), '한국어');

			// the cookie keeps the choice: the next pages open in English without ?lang=
			await page.goto(BASE_URL + meeting, { waitUntil: 'load' });
			assert.equal(await page.getAttribute('html', 'lang'), 'en', `${meeting}: English kept`);
			assert.match(await page.locator('main').textContent(), /Agenda/);
			await page.goto(BASE_URL + '/search?q=' + encodeURIComponent('busan'), { waitUntil: 'load' });
			assert.equal(await page.getAttribute('html', 'lang'), 'en', '/search: English kept');
			assert.match(await page.locator('main').textContent(), /Busan Technopark/);

			await switchOn(page, 'ko');
			assert.match(await page.locator('main').textContent(), /검색/);
			await page.goto(BASE_URL + meeting, { waitUntil: 'load' });
			assert.equal(await page.getAttribute('html', 'lang'), 'ko', `${meeting}: Korean kept`);
			await switchOn(page, 'en');
			await switchOn(page, 'ko');
			await page.goto(BASE_URL + '/members/busan', { waitUntil: 'load' });
			assert.equal(await page.locator('h1').textContent(), '부산테크노파크');
		} finally {
			await page.context().close();
		}
	});
});

describe('the README\'s English screenshot', () => {
	test('home in English at 1280 px into docs/screenshots/home-en.png', async () => {
		const page = await newPage(DESKTOP);
		try {
			await page.goto(BASE_URL + '/?lang=en', { waitUntil: 'load' });
			assert.equal(await page.getAttribute('html', 'lang'), 'en');
			await page.screenshot({ path: `${SCREENSHOT_DIR}/home-en.png`, fullPage: true });
		} finally {
			await page.context().close();
		}
	});
});
