// errors.test.mjs - error answers: 404 for unknown pages and members, 400 for every kind of bad input
// (each 400 page names the refused parameter), 413 for a body over the limit (checked before
// routing), and inputs at the edge of their limits that must still be accepted.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { L, get, request, rawRequest, paramSpec, refusedParam, assertErrorPage, assertHtmlPage, h1s, text } from './lib.mjs';

const people = paramSpec('people_params');
const members = paramSpec('members_params');
const MAX_BODY = 1024 * 1024;	/* src/app/main.c: urlencoded forms up to 1 MiB */

/** A path short enough for a test name. */
const show = (path) => (path.length <= 60 ? path : `${path.slice(0, 40)}… (${path.length} bytes)`);

describe('404: an HTML error page in Korean', () => {
	for (const path of ['/members/unknown-slug', '/nope', '/members/gyeonggi/extra', '/members/', '/members/Gyeonggi', '/about/', '/static-not']) {
		test(`GET ${path}`, async () => {
			assertErrorPage(await get(path), 404, `GET ${path}`);
		});
	}
	test('HEAD /nope: 404 without a body', async () => {
		const res = await rawRequest('HEAD', '/nope');
		assert.equal(res.status, 404);
		assert.equal(res.body.length, 0);
	});
});

describe('400: refused input, and the page names the parameter', () => {
	const long = (n, ch = 'a') => encodeURIComponent(ch.repeat(n));
	const cases = [
		['/members?sort=evil', 'sort'],
		['/members?region=nowhere', 'region'],
		['/members?industry=nowhere', 'industry'],
		['/members?region=a&region=b', 'region'],
		['/members?region=chungnam&region=chungnam', 'region'],
		['/members?x=1', 'x'],
		['/members?region=%ZZ', 'region'],
		['/members?region=%00', 'region'],
		['/members?region=%C0%AF', 'region'],
		['/members?region=Chungnam', 'region'],
		[`/members?region=${long(members.region.max + 1)}`, 'region'],
		['/people?page=0', 'page'],
		['/people?page=-1', 'page'],
		['/people?page=1.5', 'page'],
		['/people?page=%2B1', 'page'],
		[`/people?page=${people.page.max + 1}`, 'page'],
		['/people?page=99999999999999999999', 'page'],
		[`/people?q=${long(people.q.max + 1)}`, 'q'],
		[`/people?q=${long(people.q.max + 1, '가')}`, 'q'],
		['/people?q=%FF', 'q'],
		['/people?q=%ED%A0%80', 'q'],	/* a UTF-16 surrogate encoded as UTF-8 */
		['/people?tp=nowhere', 'tp'],
		['/members/gyeonggi?x=1', 'x'],
		['/?x=1', 'x'],
		['/about?lang=en', 'lang'],
	];
	for (const [path, param] of cases) {
		test(`GET ${show(path)} -> 400 naming ${param}`, async () => {
			const res = await get(path);
			const html = assertErrorPage(res, 400, `GET ${path}`);
			assert.equal(refusedParam(html), param, `GET ${path}: the 400 page names ${JSON.stringify(refusedParam(html))}, expected ${param}`);
			assert.ok(text(html).includes(L['error.param']), `GET ${path}: no "${L['error.param']}"`);
		});
	}
});

describe('inputs at the edge of their limits are accepted', () => {
	const ok = [
		'/members?region=&industry=&sort=',
		'/members?sort=joined&region=',
		'/members?region=chungnam&&sort=name&',
		`/people?page=${people.page.max}`,
		`/people?q=${encodeURIComponent('a'.repeat(people.q.max))}`,
		`/people?q=${encodeURIComponent('가'.repeat(people.q.max))}`,	/* characters, not bytes */
		'/people?q=&tp=&page=',
		'/people?q=+',
	];
	for (const path of ok) {
		test(`GET ${show(path)} -> 200`, async () => {
			const res = await get(path);
			assert.equal(res.status, 200, `GET ${path}: status`);
			assertHtmlPage(res, `GET ${path}`);
		});
	}
});

describe('request bodies over the limit: 413, before routing', () => {
	const big = 'a='.padEnd(MAX_BODY + 1, 'x');
	const form = { 'content-type': 'application/x-www-form-urlencoded' };

	// The page check applies when the server answered; a front web server with a lower limit
	// (client_max_body_size) answers 413 itself, without the portal's headers.
	function check413(t, res, what) {
		assert.equal(res.status, 413, `${what}: status`);
		if (!res.headers.get('content-security-policy')) {
			t.diagnostic(`${what}: the 413 came from the web server in front, not from tpportal (its body limit is lower than ${MAX_BODY} + 1 bytes)`);
			return;
		}
		assertErrorPage(res, 413, what, { footerAddress: false });
	}

	for (const path of ['/', '/members', '/nope']) {
		test(`POST ${path} with ${MAX_BODY + 1} bytes -> 413`, async (t) => {
			check413(t, await request(path, { method: 'POST', body: big, headers: form }), `POST ${path}`);
		});
	}

	test(`POST / with exactly ${MAX_BODY} bytes is not too large (405: / takes no POST)`, async () => {
		const res = await request('/', { method: 'POST', body: big.slice(0, MAX_BODY), headers: form });
		assert.equal(res.status, 405);
		assert.equal(res.headers.get('allow'), 'GET, HEAD');
	});
});

describe('error pages are complete pages', () => {
	test('the 404 page links home and has one <h1>', async () => {
		const res = await get('/nope');
		assert.equal(h1s(res.body).length, 1);
		assert.match(res.body, /<a href="\/">/);
	});
});
