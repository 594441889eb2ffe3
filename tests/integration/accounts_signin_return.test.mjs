// accounts_signin_return.test.mjs - signing in brings the reader back (issue 12, item 1): every 로그인 link
// carries next= (this page's path and known keys, URL-escaped) and the sign-in returns there; without a
// next each role lands on a page it may see (staff: the home page; member admins and the secretariat:
// /admin); and a walk over the portal's own links, as a reader and as each role, never meets a 403.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, L, DEMO, text, demoPassword, exclusive, Session, postLogin, postForm, getWith, location, loadRoutes } from './lib_accounts.mjs';
import { links, patternMatches } from './lib.mjs';

const PW = demoPassword();
const T = { timeout: 240_000 };
const ROUTES = loadRoutes().filter((r) => r.methods.includes('GET'));

let release;
before(async () => {
	release = await exclusive();
});
after(() => release?.());

/** The href of the header's 로그인 link on a page, decoded, or null. */
function loginHref(html) {
	const account = /<div class="account">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
	return links(account).find((l) => l.text === L['login.title'])?.href ?? null;
}

describe('sign-in links carry next= and the sign-in returns there', () => {
	for (const path of ['/', '/members/chungnam', '/people?q=%ED%8C%80&page=1', '/committees/board?at=2025-06-01', '/news?category=notice']) {
		test(`from ${path}`, T, async () => {
			const page = await getWith(path);
			assert.equal(page.status, 200, `GET ${path}`);
			const href = loginHref(page.body);
			assert.ok(href, `${path}: no 로그인 link`);
			const u = new URL(href, BASE);
			assert.equal(u.pathname, '/login');
			const next = u.searchParams.get('next');
			assert.equal(new URL(next, BASE).pathname + new URL(next, BASE).search, new URL(path, BASE).pathname + new URL(path, BASE).search,
			    `${path}: next=${next}`);
			/* the form keeps it, and the sign-in follows it */
			const form = await getWith(href);
			assert.equal(form.status, 200);
			const hidden = /<input type="hidden" name="next" value="([^"]*)">/.exec(form.body);
			assert.ok(hidden, `${href}: no hidden next`);
			const res = await postForm('/login', { login: DEMO.staff.login, password: PW, next });
			assert.equal(res.status, 303);
			assert.equal(location(res), next);
		});
	}

	test('keys a page does not know never travel in next=', T, async () => {
		const page = await getWith('/members/chungnam?utm_source=mail&fbclid=abc');
		assert.equal(page.status, 200);
		assert.equal(new URL(loginHref(page.body), BASE).searchParams.get('next'), '/members/chungnam');
	});

	test('a page behind a sign-in sends the reader to sign in and back, query and all (unknown keys left behind)', T, async () => {
		const asked = '/admin/news?state=draft&utm_source=mail';
		const res = await getWith(asked);
		assert.equal(res.status, 303, `GET ${asked} signed out`);
		const u = new URL(location(res), BASE);
		assert.equal(u.pathname, '/login');
		assert.deepEqual([...u.searchParams.keys()], ['next'], `${location(res)}: one next=, nothing else`);
		const next = u.searchParams.get('next');
		assert.equal(next, '/admin/news?state=draft');
		const back = await postForm('/login', { login: DEMO.chungnam.login, password: PW, next });
		assert.equal(back.status, 303);
		assert.equal(location(back), '/admin/news?state=draft');
	});

	test('on /login itself the link keeps the next it has', T, async () => {
		const page = await getWith(`/login?next=${encodeURIComponent('/members/busan')}`);
		assert.equal(new URL(loginHref(page.body), BASE).searchParams.get('next'), '/members/busan');
	});
});

describe('without next=, each role lands on a page it may see', () => {
	for (const [who, want] of [[DEMO.staff, '/'], [DEMO.chungnam, '/admin'], [DEMO.secretariat, '/admin']]) {
		test(`${who.role} (${who.login}) -> ${want}, 200`, T, async () => {
			const res = await postLogin(who.login, PW);
			assert.equal(res.status, 303);
			assert.equal(location(res), want);
			const s = new Session(who.login, /tp_session=([^;]+)/.exec(res.headers.get('set-cookie'))[1]);
			assert.equal((await s.get(want)).status, 200, `${who.login}: ${want}`);
		});
	}
});

/**
 * Walk the links of the pages get(path) returns, from /, as one visitor: same-site GET links only, at most
 * perPattern pages of each route (news and people have many), never signing out. Returns
 * [{ from, href, status }] of every answer.
 */
async function walk(get, perPattern = 3, maxPages = 400) {
	const seen = new Set(['/']), queue = [['(start)', '/']], answers = [], perRoute = new Map();
	while (queue.length > 0 && answers.length < maxPages) {
		const [from, href] = queue.shift();
		const res = await get(href);
		answers.push({ from, href, status: res.status });
		if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/html'))
			continue;
		for (const l of links(res.body)) {
			let u;
			try {
				u = new URL(l.href, BASE + href);
			} catch {
				continue;
			}
			if (u.origin !== new URL(BASE).origin)
				continue;
			const path = u.pathname + u.search;
			if (seen.has(path))
				continue;
			seen.add(path);
			const route = ROUTES.find((r) => patternMatches(r.pattern, u.pathname));
			const key = route?.pattern ?? u.pathname;
			if ((perRoute.get(key) ?? 0) >= perPattern)
				continue;
			perRoute.set(key, (perRoute.get(key) ?? 0) + 1);
			queue.push([href, path]);
		}
	}
	return answers;
}

describe('following the portal\'s own links never meets a 403', () => {
	const visitors = [['reader (not signed in)', null], ['staff', DEMO.staff], ['member_admin', DEMO.chungnam], ['secretariat', DEMO.secretariat]];
	for (const [name, who] of visitors) {
		test(name, T, async () => {
			const s = who === null ? null : await Session.signIn(who.login);
			const answers = await walk((p) => (s === null ? getWith(p) : s.get(p)));
			assert.ok(answers.length > 20, `${name}: only ${answers.length} pages walked`);
			const bad = answers.filter((a) => a.status === 403 || a.status >= 500);
			assert.deepEqual(bad, [], `${name}: ${bad.map((a) => `${a.href} (from ${a.from}): ${a.status}`).join('; ')}`);
		});
	}
});
