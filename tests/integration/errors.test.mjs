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
		['/members?region=%ZZ', 'region'],
		['/members?region=%00', 'region'],
		['/members?region=%C0%AF', 'region'],
		['/members?region=Chungnam', 'region'],
		[`/members?region=${long(members.region.max + 1)}`, 'region'],
		[`/people?q=${long(people.q.max + 1)}`, 'q'],
		[`/people?q=${long(people.q.max + 1, '가')}`, 'q'],
		['/people?q=%FF', 'q'],
		['/people?q=%ED%A0%80', 'q'],	/* a UTF-16 surrogate encoded as UTF-8 */
		['/people?tp=nowhere', 'tp'],
		/* an unknown key is dropped, but a malformed one is still refused */
		['/members?x=%ZZ', 'x'],
		['/?utm_source=%00', 'utm_source'],
		['/about?lang=%C0%AF', 'lang'],
		['/people?page=1&page=2', 'page'],	/* a typed key, repeated */
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

describe('GET: keys a page does not know are ignored, never echoed', () => {
	for (const [path, plain] of [['/?x=1', '/'], ['/?utm_source=mail', '/'], ['/members?x=1', '/members'],
	    ['/members/gyeonggi?x=1', '/members/gyeonggi'], ['/members/chungnam?fbclid=abc', '/members/chungnam'],
	    ['/about?ref=en', '/about'], ['/about?lang=fr', '/about'], ['/members?region=chungnam&utm_medium=email', '/members?region=chungnam']]) {
		test(`GET ${path} -> 200, the page of ${plain}`, async () => {
			const [res, base] = await Promise.all([get(path), get(plain)]);
			assert.equal(res.status, 200, `GET ${path}: status`);
			assertHtmlPage(res, `GET ${path}`);
			assert.equal(res.body, base.body, `GET ${path}: not the page of ${plain}`);
			const key = path.split('?')[1].split('&').at(-1).split('=')[0];
			if (key.length > 4)	/* "x" and "ref" are in any page; utm_source and fbclid must not be */
				assert.ok(!res.body.includes(key), `GET ${path}: the unknown key ${key} is in the page`);
		});
	}
});

describe('typed values that do not fit: the page again, with a message (422)', () => {
	for (const path of ['/people?page=0', '/people?page=-1', '/people?page=1.5', '/people?page=%2B1',
	    `/people?page=${people.page.max + 1}`, '/people?page=99999999999999999999', '/people?page=abc&q=']) {
		test(`GET ${show(path)} -> 422, the first page and a word beside the pager`, async () => {
			const res = await get(path);
			assert.equal(res.status, 422, `GET ${path}: status`);
			assertHtmlPage(res, `GET ${path}`);
			assert.ok(text(res.body).includes(L['people.bad_page_why']), `GET ${path}: no message`);
			assert.match(res.body, /<a href="\/people\?q=&amp;tp=&amp;page=1" aria-current="page">1<\/a>/, `GET ${path}: not the first page`);
			assert.ok(!text(res.body).includes(L['error.param']), `GET ${path}: the 400 page`);
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
