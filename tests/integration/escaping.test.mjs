// escaping.test.mjs - attack strings sent by a reader come back escaped: in the search box, in the
// pager links, in the name of a refused parameter, in a path. The body must never hold them raw.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { get, decode, refusedParam, assertHtmlPage, assertErrorPage, L } from './lib.mjs';

const ATTACKS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"'><svg onload=alert(1)>",
	'</title><script>alert(1)</script>',
];

/** The attribute names of every tag in html (quoted values skipped, so escaped text in a value is no attribute). */
function attributeNames(html) {
	const names = [];
	const tag = /<[a-zA-Z][\w-]*((?:\s+[^\s=>"'\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
	for (const m of html.matchAll(tag))
		for (const a of m[1].matchAll(/\s+([^\s=>"'\/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g))
			names.push(a[1].toLowerCase());
	return names;
}

/** No markup of the attack made it into the body: no <script, <img, <svg and no event handler attribute. */
function assertNoRawMarkup(body, what) {
	assert.doesNotMatch(body, /<script/i, `${what}: raw <script in the body`);
	assert.doesNotMatch(body, /<img/i, `${what}: raw <img in the body`);
	assert.doesNotMatch(body, /<svg/i, `${what}: raw <svg in the body`);
	const handlers = attributeNames(body).filter((n) => n.startsWith('on'));
	assert.deepEqual(handlers, [], `${what}: event handler attributes in the body`);
}

describe('the search box value is escaped', () => {
	for (const attack of ATTACKS) {
		test(`/people?q=${attack}`, async () => {
			const path = `/people?q=${encodeURIComponent(attack)}`;
			const res = await get(path);
			assert.equal(res.status, 200, `GET ${path}: status`);
			const html = assertHtmlPage(res, `GET ${path}`, { pageTitle: L['people.title'] });
			assertNoRawMarkup(html, path);
			// The value attribute holds the whole attack, escaped, and closes where it should.
			const box = /<input id="f-q"[^>]*\svalue="([^"]*)">/.exec(html);
			assert.ok(box, `${path}: the search box is not one well-formed <input ... value="...">`);
			assert.equal(decode(box[1]), attack, `${path}: the search box does not give back what was typed`);
			assert.doesNotMatch(box[1], /[<>"]/, `${path}: unescaped < > or " in the value`);
		});
	}

	test('the pager links carry the query URL-encoded', async () => {
		// Page 2 of any query links back to page 1, carrying the query.
		const attack = ATTACKS[1];
		const page2 = await get(`/people?q=${encodeURIComponent(attack)}&page=2`);
		assert.equal(page2.status, 200);
		assertNoRawMarkup(page2.body, 'page 2 of an attack query');
		const pager = [...page2.body.matchAll(/<a rel="(?:prev|next)" href="([^"]*)"/g)];
		assert.ok(pager.length > 0, 'page 2 without a link back');
		for (const m of pager) {
			const href = decode(m[1]);
			assert.equal(new URL(href, 'http://x').searchParams.get('q'), attack, `pager link ${href} loses the query`);
		}
	});
});

describe('refused input is echoed escaped', () => {
	test('a parameter name that is markup: ignored on GET, never echoed', async () => {
		const name = ATTACKS[0];
		const path = `/members?${encodeURIComponent(name)}=1`;
		const res = await get(path);
		assert.equal(res.status, 200, `GET ${path}`);
		assertNoRawMarkup(res.body, path);
		assert.ok(!res.body.includes(name) && !res.body.includes(encodeURIComponent(name)), 'the unknown key is in the page');
	});

	test('a parameter name that is markup, with a malformed value: 400, named escaped', async () => {
		const name = ATTACKS[0];
		const path = `/members?${encodeURIComponent(name)}=%ZZ`;
		const html = assertErrorPage(await get(path), 400, `GET ${path}`);
		assertNoRawMarkup(html, path);
		/* a pair that cannot be decoded is named as it came (percent-encoded) */
		assert.equal(refusedParam(html), encodeURIComponent(name), 'the 400 page does not name the refused key');
	});

	test('a parameter name with a quote and an attribute', async () => {
		const name = ATTACKS[1];
		const path = `/people?${encodeURIComponent(name)}=1`;
		const res = await get(path);
		assert.equal(res.status, 200, `GET ${path}`);
		assertNoRawMarkup(res.body, path);
	});

	test('a typed value that is markup is shown back escaped (422)', async () => {
		for (const attack of ATTACKS.slice(0, 2)) {
			for (const path of [`/people?page=${encodeURIComponent(attack)}`, `/committees/board?at=${encodeURIComponent(attack.slice(0, 10))}`]) {
				const res = await get(path);
				assert.equal(res.status, 422, `GET ${path}`);
				assertNoRawMarkup(res.body, path);
			}
		}
	});

	for (const attack of ATTACKS.slice(0, 2)) {
		test(`a path with ${attack}`, async () => {
			const path = `/${encodeURIComponent(attack)}`;
			const html = assertErrorPage(await get(path), 404, `GET ${path}`);
			assertNoRawMarkup(html, path);
		});
		test(`a filter value with ${attack}`, async () => {
			const path = `/members?region=${encodeURIComponent(attack)}`;
			const html = assertErrorPage(await get(path), 400, `GET ${path}`);
			assertNoRawMarkup(html, path);
			assert.ok(!html.includes(attack), `${path}: the attack string is in the page`);
		});
	}
});
