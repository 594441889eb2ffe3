// suite.test.mjs - tpportal in a real browser (Debian's chromium through playwright-core) and the web
// quality gates: axe (WCAG 2.1 A/AA), the checks axe cannot make, the Nu Html Checker, a self-test
// that proves the gates bite, and the screenshots in docs/screenshots/. One browser for the whole run.
//
// Environment: TP_BASE_URL (the portal, default http://127.0.0.1:8080), TP_BUILD_DIR (its build
// folder, for `src/tpportal --list-routes`). docs/quality.md describes the gates.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

// Importing the accounts tests registers them here, before this file's own (package.json runs only this
// file): they run first, and the quality gates walk the change request they leave.
import { changeRequestForGates } from './accounts.test.mjs';
// The news flow (issue 5) likewise: a member admin posts a notice with a PDF, a reader finds and downloads it.
import './news.test.mjs';
// The library (issue 19): the secretariat and a member admin upload, a reader filters and searches.
import './library.test.mjs';
// The committees flow (issue 6): the secretariat schedules a board meeting and records it; the public reads it.
import './committees.test.mjs';
import { CHROMIUM, uiText } from './lib/accounts.mjs';
// The save pipeline (issue 11): two secretariat desks edit the 충남 profile at once.
import './saves.test.mjs';
// Mail (issue 15): an address confirmed and a password reset through the mailed links.
import './mail.test.mjs';
// Mail (issue 15): a committee member's account linked to its person gets the meeting's iTIP invitation.
import './mail_invite.test.mjs';
// Mail (issue 15): a change request to the secretariat, its decision to the submitter, a notice to a subscriber.
import './mail_notify.test.mjs';
// A day of real use (issue 12): one walk per role at 1280 and 375 px, the review flow, screenshots day-*.png.
import './day.test.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { breakPage } from './lib/broken.mjs';
import {
	axeViolations, brokenWordProblems, cardLabelProblems, documentProblems, focusProblems, overflowProblems,
} from './lib/checks.mjs';
import {
	BASE_URL, BUILD_DIR, NON_HTML_ROUTES, SCREENSHOT_DIR, demoPeople, fetchRetry, gatePages, linkedUrl, listRoutes, routeFor,
} from './lib/config.mjs';
import { ANON_ACCESS, readLogins, roleFor, rolesFor, signIn } from './lib/sessions.mjs';
import { vnuCheck } from './lib/vnu.mjs';

const STARTED = Date.now();
// The whole run is bounded: a hung browser or checker ends it rather than the CI clock. It is a guard,
// not a speed test: a quiet machine needed about 160 s, a busy one twice that (measured 2026-12-01); the
// phone-width walk as every role, the day walks (issue 12) and the mail pages (issue 15) added about 5 minutes
// on a machine with a load of 16 on 2 cores (2026-12-02), where the run before them already took 7 minutes.
const RUN_LIMIT_MS = 900_000;
setTimeout(() => {
	console.error(`browser tests: still running after ${RUN_LIMIT_MS / 1000} s; stopping`);
	process.exit(2);
}, RUN_LIMIT_MS).unref();

const PHONE = { width: 375, height: 812 };
const GATE_PAGES_AT_ONCE = 3;
const DESKTOP = { width: 1280, height: 900 };

let browser;
let routes;
let pages;
let unresolved; // GET routes no page could be found for, with the reason
let roleOf; // route -> the role its pages are checked as (null: anonymous; undefined: no login for it)
const failedSignIns = [];
const sessions = new Map(); // role -> {storageState, cookie}
// Route patterns that a status-200 page exercised, per gate; the coverage test compares them with the table.
const covered = { axe: new Set(), checks: new Set(), vnu: new Set(), narrow: new Set() };
// Non-HTML GET routes (NON_HTML_ROUTES) whose URL answered 200 with the expected content type.
const typeChecked = new Set();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function newPage(viewport = DESKTOP, role = null) {
	const storageState = role ? sessions.get(role).storageState : undefined;
	const context = await browser.newContext({ viewport, locale: 'ko-KR', storageState });
	context.setDefaultTimeout(10_000);
	context.setDefaultNavigationTimeout(15_000);
	return context.newPage();
}

/** page.goto with a short retry while the server restarts; returns the response. */
async function goto(page, url) {
	for (let i = 0; ; i++) {
		try {
			const res = await page.goto(BASE_URL + url, { waitUntil: 'load' });
			if (res && res.status() !== 502 && res.status() !== 504)
				return res;
			if (i >= 20)
				return res;
		} catch (e) {
			if (i >= 20)
				throw e;
		}
		await sleep(500);
	}
}

/** Where the keyboard focus is, and whether it shows. */
function activeInfo(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		const cs = el ? getComputedStyle(el) : null;
		const r = el ? el.getBoundingClientRect() : null;
		return el && {
			tag: el.localName, id: el.id, cls: String(el.className), href: el.getAttribute('href'), name: el.name || '',
			text: el.textContent.trim(), inNav: !!el.closest('header nav'), inMain: !!el.closest('main'),
			focusVisible: el.matches(':focus-visible'), outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
			hasOutline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
			top: r.top, bottom: r.bottom,
		};
	});
}

const problemList = (title, problems) => `${title}\n  - ${problems.join('\n  - ')}`;

/**
 * Every browser gate on one page, opened fresh as a person would (a new context: the Tab walk starts at
 * the top of a document that has the focus): axe, the page checks, the focus walk, the width at 1280
 * and 375 px. Fails with every problem found, not only the first.
 */
async function checkPage(p, axeCount) {
	const page = await newPage(DESKTOP, p.role);
	try {
		const res = await goto(page, p.url);
		assert.equal(res.status(), p.status, `${p.url}: HTTP ${res.status()}, expected ${p.status}`);
		assert.match(res.headers()['content-type'] || '', /^text\/html/);
		const failures = [];

		const violations = await axeViolations(page);
		axeCount.pages++;
		axeCount.violations += violations.length;
		if (violations.length)
			failures.push(problemList(`axe: ${violations.length} violations`, violations.map((v) => v.text)));
		const doc = await documentProblems(page, { isHome: p.url === '/' });
		if (doc.length)
			failures.push(problemList('page checks', doc));
		const focus = await focusProblems(page);
		if (focus.problems.length)
			failures.push(problemList('focus', focus.problems));
		const wide = [...await overflowProblems(page), ...await brokenWordProblems(page)];
		if (wide.length)
			failures.push(problemList(`at ${DESKTOP.width} px`, wide));
		await page.setViewportSize(PHONE);
		const narrow = [...await overflowProblems(page, { phone: true }), ...await brokenWordProblems(page), ...await cardLabelProblems(page)];
		if (narrow.length)
			failures.push(problemList(`at ${PHONE.width} px`, narrow));

		if (p.status === 200 && p.route) {
			if (violations.length === 0)
				covered.axe.add(p.route);
			if (doc.length + focus.problems.length === 0)
				covered.checks.add(p.route);
			if (wide.length + narrow.length === 0)
				covered.narrow.add(p.route);
		}
		assert.equal(failures.length, 0, `${p.url}\n${failures.join('\n')}`);
	} finally {
		await page.context().close();
	}
}

before(async () => {
	// The instance may be (re)starting: wait for /healthz, bounded.
	const res = await fetchRetry(BASE_URL + '/healthz', {}, 30);
	assert.equal(res.status, 200, `${BASE_URL}/healthz answered ${res.status}`);
	routes = listRoutes();
	browser = await useBrowser();
	// Sign in once for each role that a restricted GET route needs and that has a login.
	const logins = readLogins();
	roleOf = (r) => roleFor(r.access, logins);
	// Every role with a login, not only those the routes need: the phone-width walk reads each page as each role.
	for (const role of new Set([...routes.filter((r) => r.methods.includes('GET')).map(roleOf).filter(Boolean), ...logins.keys()])) {
		try {
			sessions.set(role, await signIn(browser, role, logins.get(role)));
		} catch (e) {
			failedSignIns.push(e.message);
		}
	}
	console.log(`portal ${BASE_URL}, routes from ${BUILD_DIR}/src/tpportal, ${CHROMIUM.executablePath} ${browser.version()}` +
		(sessions.size ? `, signed in as ${[...sessions.keys()].join(', ')}` : ''));
});

after(async () => {
	await releaseBrowser();
	console.log(`browser tests took ${((Date.now() - STARTED) / 1000).toFixed(1)} s`);
});

describe('route table', () => {
	test('--list-routes gives every GET route a sample URL that the route itself matches', () => {
		const get = routes.filter((r) => r.methods.includes('GET'));
		assert.ok(get.length > 0, 'no GET routes');
		for (const r of get) {
			assert.match(r.sample, /^\//, `${r.pattern}: sample URL ${JSON.stringify(r.sample)}`);
			// A placeholder ("/admin/people/{person}") stands for a record the data decides; gatePages
			// finds one through the links. A concrete sample must be matched by its own route.
			if (!r.sample.includes('{'))
				assert.equal(routeFor(routes, r.sample), r.pattern, `${r.pattern}: its sample ${r.sample} matches another route`);
		}
	});

	test('restricted GET routes refuse a visitor who is not signed in', async () => {
		for (const r of routes.filter((x) => x.methods.includes('GET') && !ANON_ACCESS.has(x.access) && !x.sample.includes('{'))) {
			const res = await fetchRetry(BASE_URL + r.sample);
			const location = res.headers.get('location') || '';
			assert.ok(res.status === 401 || res.status === 403 || (res.status >= 300 && res.status < 400 && location.includes('/login')),
				`${r.sample} (access ${r.access}) answered ${res.status} ${location} to an anonymous visitor`);
		}
	});

	// Fetched by node, never opened in the browser (a download or a feed is no page: goto would only wait).
	// A sample with a placeholder (/files/{file}) becomes a link of that route on a public page: the news
	// list and its articles (the news flow has just posted a notice with a PDF attachment).
	test('non-HTML GET routes answer their own content type', async () => {
		const problems = [];
		for (const [pattern, type] of NON_HTML_ROUTES) {
			const r = routes.find((x) => x.pattern === pattern);
			if (!r) {
				problems.push(`${pattern} is listed as non-HTML in lib/config.mjs but is not in the route table`);
				continue;
			}
			let url = r.sample;
			if (url.includes('{')) {
				url = await linkedUrl(routes, pattern, ['/news'], { follow: '/news/{id}' });
				if (!url) {
					problems.push(`${pattern}: its sample ${r.sample} has a placeholder, and no public page (/news and its ` +
						'articles) links to such a URL');
					continue;
				}
			}
			// a signed-in user's file (the directory exports) is fetched as the least powerful role that may
			const role = roleOf(r);
			if (role === undefined || (role !== null && !sessions.has(role))) {
				problems.push(`${url} (${pattern}): no signed-in session of a role that may fetch it (access ${r.access})`);
				continue;
			}
			const res = await fetchRetry(BASE_URL + url, role ? { headers: { cookie: sessions.get(role).cookie } } : {});
			const got = res.headers.get('content-type') || '';
			await res.arrayBuffer();
			if (res.status !== 200)
				problems.push(`${url} (${pattern}): HTTP ${res.status}, expected 200`);
			else if (!got.startsWith(type))
				problems.push(`${url} (${pattern}): content-type ${got}, expected ${type}`);
			else
				typeChecked.add(pattern);
			console.log(`content type: ${url} -> HTTP ${res.status} ${got}`);
		}
		assert.equal(problems.length, 0, problems.join('\n'));
	});
});

describe('a person using the portal', () => {
	test('home -> member directory by the navigation -> region filter -> a member profile', async () => {
		const page = await newPage();
		try {
			const home = await goto(page, '/');
			assert.equal(home.status(), 200);
			await page.locator('header nav a[href="/members"]').click();
			await page.waitForURL(BASE_URL + '/members');
			assert.equal(await page.locator('header nav a[href="/members"]').getAttribute('aria-current'), 'page');
			assert.equal(await page.locator('h1').count(), 1);

			// Choose a region with more than one member, as a person comparing them would.
			const region = page.locator('select[name="region"]');
			const options = await region.locator('option').evaluateAll((os) =>
				os.map((o) => ({ value: o.value, label: o.textContent.trim() })).filter((o) => o.value !== ''));
			assert.ok(options.length > 0, 'the region filter offers no regions');
			const count = (o) => Number((o.label.match(/\((\d+)\)\s*$/) || [0, 1])[1]);
			const pick = options.find((o) => count(o) > 1) || options[0];
			const regionName = pick.label.replace(/\s*\(\d+\)\s*$/, '');
			await region.selectOption(pick.value);
			await page.locator('form.filters button[type="submit"]').click();
			await page.waitForURL((u) => u.pathname === '/members' && u.searchParams.get('region') === pick.value);
			assert.equal(await region.inputValue(), pick.value, 'the chosen region is not kept selected');

			const rows = page.locator('table.members tbody tr');
			assert.equal(await rows.count(), count(pick), `${pick.label}: wrong number of rows`);
			const regions = await rows.locator('td:nth-of-type(1)').allTextContents();
			/* a region read from the technopark's name says so after the name (issue 20) */
			const derived = ` (${uiText('source.region_derived')})`;
			assert.deepEqual(regions.map((s) => s.trim().replace(derived, '')), regions.map(() => regionName), 'a row from another region');

			const link = rows.first().locator('th a');
			const name = (await link.textContent()).trim();
			await link.click();
			await page.waitForURL(/\/members\/[a-z0-9-]+$/);
			assert.equal((await page.locator('h1').textContent()).trim(), name);
			assert.match(await page.title(), new RegExp(`^${name} \\| `));
			assert.equal(await page.locator('a[href="/members"]').count() >= 1, true, 'no way back to the list');
		} finally {
			await page.context().close();
		}
	});

	test('people directory: find a person by a fragment of the name; hidden people stay hidden', async () => {
		const people = demoPeople();
		// A two-syllable fragment that only one person's name starts with.
		const found = people.filter((p) => p.visible).find((p) =>
			people.filter((q) => q.name.startsWith(p.name.slice(0, 2))).length === 1);
		assert.ok(found, 'no demo person with a unique two-syllable prefix');
		const fragment = found.name.slice(0, 2);
		const hidden = people.find((p) => !p.visible);

		const page = await newPage();
		try {
			await goto(page, '/');
			await page.locator('header nav a[href="/people"]').click();
			await page.waitForURL(BASE_URL + '/people');
			await page.locator('input[name="q"]').fill(fragment);
			await page.locator('form.filters button[type="submit"]').click();
			await page.waitForURL((u) => u.pathname === '/people' && u.searchParams.get('q') === fragment);
			const names = (await page.locator('table.people tbody th').allTextContents()).map((s) => s.trim());
			assert.ok(names.some((n) => n.startsWith(found.name)),
				`searching "${fragment}" did not find ${found.name}; rows: ${JSON.stringify(names)}`);
			assert.equal(await page.locator('input[name="q"]').inputValue(), fragment, 'the search box lost the query');

			if (hidden) {
				await goto(page, '/people?q=' + encodeURIComponent(hidden.name));
				const rows = (await page.locator('table.people tbody th').allTextContents()).map((s) => s.trim());
				assert.ok(!rows.some((n) => n.startsWith(hidden.name)), `hidden person ${hidden.name} is listed`);
			}
		} finally {
			await page.context().close();
		}
	});

	test('keyboard only: skip link, navigation links, a search', async () => {
		const page = await newPage();
		try {
			await goto(page, '/');
			// Tab from the top of the page: the skip link, shown and outlined.
			await page.keyboard.press('Tab');
			let a = await activeInfo(page);
			assert.ok(a && /\bskip\b/.test(a.cls), `the first Tab stop is ${JSON.stringify(a)}, not the skip link`);
			assert.ok(a.focusVisible && a.hasOutline, `the skip link shows no focus (outline: ${a.outline})`);
			assert.ok(a.top >= 0 && a.bottom <= DESKTOP.height, `the focused skip link is off screen (top ${a.top})`);
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => location.hash === '#main');
			a = await activeInfo(page);
			assert.equal(a.tag === 'main' || a.inMain, true, `Enter on the skip link left the focus on ${a.tag}`);
			await page.keyboard.press('Tab');
			a = await activeInfo(page);
			assert.ok(a.inMain, `after the skip link, Tab went to ${a.tag}${a.href ? ' ' + a.href : ''}, outside <main>`);

			// Every navigation link is a Tab stop with a visible focus.
			await goto(page, '/');
			const navHrefs = await page.locator('header nav a').evaluateAll((as) => as.map((x) => x.getAttribute('href')));
			const reached = [];
			for (let i = 0; i < 15; i++) {
				await page.keyboard.press('Tab');
				a = await activeInfo(page);
				if (!a || a.inMain)
					break;
				assert.ok(a.focusVisible && a.hasOutline, `${a.tag} ${a.href}: no visible focus (outline: ${a.outline})`);
				if (a.inNav)
					reached.push(a.href);
			}
			assert.deepEqual(reached, navHrefs, 'not every navigation link is reachable by Tab, in order');

			// Follow the navigation to the people directory by keyboard, then search there.
			await goto(page, '/');
			for (let i = 0; i < 15; i++) {
				await page.keyboard.press('Tab');
				a = await activeInfo(page);
				if (a && a.href === '/people')
					break;
			}
			assert.equal(a.href, '/people', 'could not Tab to the people link');
			await page.keyboard.press('Enter');
			await page.waitForURL(BASE_URL + '/people');
			await page.keyboard.press('Tab'); // skip link
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => location.hash === '#main');
			await page.keyboard.press('Tab');
			a = await activeInfo(page);
			assert.equal(a.name, 'q', `the first control in <main> of /people is ${a.tag}[name=${a.name}], not the search box`);
			assert.ok(a.focusVisible && a.hasOutline, `the search box shows no focus (outline: ${a.outline})`);
			const fragment = demoPeople().find((p) => p.visible).name.slice(0, 2);
			await page.keyboard.type(fragment);
			await page.keyboard.press('Enter');
			await page.waitForURL((u) => u.pathname === '/people' && u.searchParams.get('q') === fragment);
			assert.ok(await page.locator('table.people tbody tr').count() > 0, `no one found for "${fragment}"`);
		} finally {
			await page.context().close();
		}
	});
});

describe('quality gates', () => {
	const axeCount = { pages: 0, violations: 0 };

	// The pages are listed only now, after the accounts tests: a change request must exist for
	// /admin/requests/{id} to have a page (changeRequestForGates submits one if none does).
	before(async () => {
		if (sessions.has('member_admin'))
			await changeRequestForGates(browser);
		({ pages, unresolved } = await gatePages(routes, roleOf, sessions));
		unresolved.push(...failedSignIns);
		console.log(`${pages.length} pages under the gates`);
	});

	// GATE_PAGES_AT_ONCE pages at a time, each in its own context of the one browser: most of a page's time
	// is spent waiting on the server and on chromium's round trips, so a 2-core machine keeps up with 3.
	test('axe (WCAG 2.1 A/AA) and the page checks on every page, at 1280 and 375 px', { concurrency: GATE_PAGES_AT_ONCE }, async (t) => {
		try {
			await Promise.all(pages.map((p) =>
				t.test(`${p.url}${p.role ? ' as ' + p.role : ''} (${p.why})`, () => checkPage(p, axeCount))));
		} finally {
			console.log(`axe: ${axeCount.pages} pages, ${axeCount.violations} violations`);
		}
	});

	// The axe walk reads each page as one role (the least powerful that may); the header, the menus and the
	// buttons a page shows differ by role, so at 375 px every page is also read as every other role that may
	// open it, anonymous included: none may need a sideways scroll.
	test('no sideways scroll at 375 px on every page, as every role that may see it', { concurrency: GATE_PAGES_AT_ONCE }, async (t) => {
		const access = new Map(routes.map((r) => [r.pattern, r.access]));
		const mayOpen = (route, role) => !access.has(route) || rolesFor(access.get(route)).includes(role);
		const runs = [];
		for (const p of pages)
			for (const role of [null, ...sessions.keys()])
				if (role !== p.role && mayOpen(p.route, role))
					runs.push({ ...p, role });
		console.log(`phone width: ${runs.length} more page views (${pages.length} pages, ${sessions.size} roles and anonymous)`);
		await Promise.all(runs.map((p) => t.test(`${p.url} as ${p.role ?? 'anonymous'} at ${PHONE.width} px`, async () => {
			const page = await newPage(PHONE, p.role);
			try {
				const res = await goto(page, p.url);
				assert.ok([p.status, 403].includes(res.status()), `${p.url} as ${p.role}: HTTP ${res.status()}`);
				const narrow = [...await overflowProblems(page, { phone: true }), ...await brokenWordProblems(page), ...await cardLabelProblems(page)];
				assert.equal(narrow.length, 0, problemList(`${p.url} as ${p.role ?? 'anonymous'} at ${PHONE.width} px`, narrow));
			} finally {
				await page.context().close();
			}
		})));
	});

	test('the Nu Html Checker on every page and the stylesheet', async () => {
		const docs = [];
		const nameOf = (p) => p.url + (p.role ? ` (as ${p.role})` : '');
		for (const p of pages) {
			const headers = p.role ? { cookie: sessions.get(p.role).cookie } : {};
			const res = await fetchRetry(BASE_URL + p.url, { headers });
			assert.equal(res.status, p.status, `${nameOf(p)}: HTTP ${res.status}, expected ${p.status}`);
			docs.push({ name: nameOf(p), text: await res.text(), kind: 'html' });
		}
		const css = await fetchRetry(BASE_URL + '/static/site.css');
		assert.equal(css.status, 200, '/static/site.css');
		docs.push({ name: '/static/site.css', text: await css.text(), kind: 'css' });

		const { byName, version } = await vnuCheck(docs, 60_000);
		let errors = 0, warnings = 0;
		const lines = [];
		for (const d of docs) {
			const r = byName.get(d.name);
			errors += r.errors.length;
			warnings += r.warnings.length;
			for (const w of r.warnings)
				console.log(`vnu warning ${d.name}: ${w}`);
			if (r.errors.length)
				lines.push(problemList(d.name, r.errors));
			const p = pages.find((x) => nameOf(x) === d.name);
			if (p && p.status === 200 && p.route && r.errors.length === 0)
				covered.vnu.add(p.route);
		}
		const htmlErrors = docs.filter((d) => d.kind === 'html').reduce((n, d) => n + byName.get(d.name).errors.length, 0);
		console.log(`vnu: ${pages.length} pages, ${htmlErrors} errors (${warnings} warnings); stylesheet: ` +
			`${errors - htmlErrors} errors; vnu ${version}`);
		assert.equal(errors, 0, `vnu found ${errors} errors\n${lines.join('\n')}`);
	});

	test('every GET route of the table is under every gate', () => {
		const missing = [...unresolved];
		for (const r of routes) {
			if (!r.methods.includes('GET'))
				continue;
			if (NON_HTML_ROUTES.has(r.pattern)) {
				if (!typeChecked.has(r.pattern))
					missing.push(`${r.pattern}: not HTML, and no URL of it passed the content-type check`);
				continue;
			}
			if (unresolved.some((u) => u.startsWith(r.pattern + ' ')))
				continue; // already said why
			for (const [gate, set] of Object.entries(covered))
				if (!set.has(r.pattern))
					missing.push(`${r.pattern}: no page of this route passed the ${gate} gate`);
		}
		for (const p of pages)
			if (p.status === 200 && !p.route)
				missing.push(`${p.url}: matches no route of the table`);
		const html = routes.filter((r) => r.methods.includes('GET') && !NON_HTML_ROUTES.has(r.pattern)).length;
		console.log(`coverage: ${html} HTML GET routes under axe, page checks, width and vnu; ` +
			`${typeChecked.size} of ${NON_HTML_ROUTES.size} non-HTML GET routes by their content type`);
		assert.equal(missing.length, 0, `GET routes not under every gate:\n  - ${missing.join('\n  - ')}`);
	});
});

describe('the gates bite (self-test of the checkers)', () => {
	test('a broken copy of the home page fails axe, the page checks and vnu', async () => {
		const original = await (await fetchRetry(BASE_URL + '/')).text();
		const { html, faults } = breakPage(original);

		const vnu = (await vnuCheck([{ name: 'broken', text: html, kind: 'html' }], 60_000)).byName.get('broken');
		const vnuText = vnu.errors.join('\n');
		assert.match(vnuText, /Duplicate ID/, `vnu missed the duplicate id:\n${vnuText}`);
		assert.match(vnuText, /“img” element must have an “alt” attribute/, `vnu missed the img without alt:\n${vnuText}`);

		// Served at the portal's own origin so its stylesheet applies, as it would to a real page.
		const page = await newPage(DESKTOP);
		try {
			await page.route(BASE_URL + '/__gate-self-test__', (route) =>
				route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
			await page.goto(BASE_URL + '/__gate-self-test__');
			const axeIds = (await axeViolations(page)).map((v) => v.id);
			for (const id of ['image-alt', 'label', 'html-has-lang'])
				assert.ok(axeIds.includes(id), `axe missed ${id}; it reported ${JSON.stringify(axeIds)}`);
			const doc = (await documentProblems(page)).join('\n');
			assert.match(doc, /0 <h1> elements/, `the page checks missed the missing h1:\n${doc}`);
			assert.match(doc, /lang/, `the page checks missed the missing lang:\n${doc}`);
			assert.match(doc, /names only the site/, `the page checks missed the title:\n${doc}`);
			assert.match(doc, /name="unlabelled"> has no label/, `the page checks missed the unlabelled input:\n${doc}`);
			const focus = (await focusProblems(page)).problems.join('\n');
			assert.match(focus, /no visible focus style/, `the focus check missed the missing outline:\n${focus}`);
			await page.setViewportSize(PHONE);
			const narrow = (await overflowProblems(page)).join('\n');
			assert.match(narrow, /scrolls sideways/, 'the 375 px check missed the 900 px wide box');
			const cut = (await brokenWordProblems(page)).join('\n');
			assert.match(cut, /"20071231"/, 'the table check missed a number cut across lines');
			const cards = (await cardLabelProblems(page)).join('\n');
			assert.match(cards, /2 body cells without data-label/, `the card check missed the table without labels:\n${cards}`);
			console.log(`self-test: broke the home page (${faults.join('; ')}); axe reported ${axeIds.join(', ')}; ` +
				`vnu reported ${vnu.errors.length} errors; the page, focus and width checks reported theirs`);
		} finally {
			await page.context().close();
		}
	});
});

describe('screenshots', () => {
	test('home, members, a member profile, people and about at 375 and 1280 px into docs/screenshots/', async () => {
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		let koreanFont = '';
		try {
			koreanFont = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8', timeout: 5000 }).trim();
		} catch { /* no fontconfig: said below */ }
		if (koreanFont === '')
			console.log('warning: no font with Korean glyphs is installed (fc-list :lang=ko is empty): ' +
				'the screenshots show boxes instead of Hangul; install fonts-nanum or fonts-noto-cjk');
		const shots = [['home', '/'], ['members', '/members'], ['member-gyeonggi', '/members/gyeonggi'],
			['people', '/people'], ['about', '/about']];
		const saved = [];
		for (const vp of [PHONE, DESKTOP]) {
			const page = await newPage(vp);
			try {
				for (const [name, url] of shots) {
					const res = await goto(page, url);
					assert.equal(res.status(), 200, `${url}: HTTP ${res.status()}`);
					const file = path.join(SCREENSHOT_DIR, `${name}-${vp.width}.png`);
					await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 15_000 });
					saved.push(path.basename(file));
				}
			} finally {
				await page.context().close();
			}
		}
		console.log(`screenshots: ${saved.length} PNGs in docs/screenshots/ (${saved.join(', ')})`);
	});
});
