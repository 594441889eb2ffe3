// test-lane: alone (tools/lib/suites.sh: after the lanes, with no other file running)
// cache_fresh.test.mjs - the speed work of issue 16 seen from outside, through nginx: a write shows on
// the very next request although pages are kept (the page cache, on by default) and reference data
// is kept (the reference snapshot); ETag, Last-Modified and 304 for pages and feeds; a kept page carries each signed-in
// reader's own name and form token.
//
// Writes go two ways: through the admin forms (the store layer moves the data generation on in the
// write's own transaction), and by hand with `tools/stack sql` (which moves it on afterwards, as
// sql/017 tells an operator to). Each read is a fresh connection (fetch), as another browser would be.
// Every change is put back. It changes shared data, so it runs alone (exclusive()).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { get, request, text } from './lib.mjs';
import { DEMO, Session, exclusive, sql, sqlValue, HAVE_SQL, tag, csrfOf } from './lib_accounts.mjs';

const T = { timeout: 120_000 };
let release = null;
const S = {};

before(async () => {
	if (!HAVE_SQL)
		return;
	release = await exclusive();
	S.sec = await Session.signIn(DEMO.secretariat.login);
});
after(() => release?.());

/** GET path twice (so a kept copy exists), change with fn, then GET again at once: the page shows want. */
async function showsAtOnce(path, change, want, restore) {
	const first = await get(path);
	assert.equal(first.status, 200, `${path}: ${first.status}`);
	assert.equal((await get(path)).status, 200);
	assert.ok(!text(first.body).includes(want), `${path} shows ${want} before the change`);
	try {
		await change();
		const res = await get(path);
		assert.equal(res.status, 200);
		assert.ok(text(res.body).includes(want), `${path} does not show ${want} on the next request`);
	} finally {
		await restore();
	}
	const back = await get(path);
	assert.ok(!text(back.body).includes(want), `${path} still shows ${want} after it was put back`);
}

/** Change one text column of one row by hand (tools/stack sql), and put it back. */
function byHand(table, column, where, value) {
	const old = sqlValue(`SELECT ${column} FROM ${table} WHERE ${where}`);
	assert.notEqual(old, null, `${table}.${column} where ${where}: no row`);
	const q = (v) => (v === null ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`);
	return {
		change: () => sql(`UPDATE ${table} SET ${column} = ${q(value)} WHERE ${where}`),
		restore: () => sql(`UPDATE ${table} SET ${column} = ${q(old)} WHERE ${where}`),
	};
}

describe('reference data and pages show a write by hand on the next request', { skip: !HAVE_SQL && 'needs TP_STACK' }, () => {
	const cases = [
		['association (footer and home)', '/', 'association', 'address', 'id = 1'],
		['regions (/members filter)', '/members', 'regions', 'name_ko', "slug = 'chungnam'"],
		['industries (/members filter)', '/members', 'industries', 'name_ko', '1 = 1 ORDER BY id LIMIT 1'],
		['technoparks (home list)', '/', 'technoparks', 'name_ko', "slug = 'busan'"],
		['technoparks (profile)', '/members/gyeonggi', 'technoparks', 'summary', "slug = 'gyeonggi'"],
		['technopark_events (profile)', '/members/chungnam', 'technopark_events', 'description',
			'technopark_id = (SELECT id FROM technoparks WHERE slug = \'chungnam\') ORDER BY id LIMIT 1'],
		['committees (/committees)', '/committees', 'committees', 'name_ko', "slug = 'board'"],
		['news_categories (/news)', '/news', 'news_categories', 'name_ko', '1 = 1 ORDER BY id LIMIT 1'],
		['association_history (/about)', '/about', 'association_history', 'title', '1 = 1 ORDER BY id LIMIT 1'],
		['people (profile)', '/members/chungnam', 'people', 'title',
			'technopark_id = (SELECT id FROM technoparks WHERE slug = \'chungnam\') AND visible = 1 ORDER BY id LIMIT 1'],
	];
	for (const [what, path, table, column, where] of cases) {
		test(what, T, async () => {
			const want = `캐시확인${tag(6)}`;
			// a WHERE with ORDER BY/LIMIT picks its row by id first: UPDATE takes only "id = n"
			const id = /LIMIT/.test(where) ? sqlValue(`SELECT id FROM ${table} WHERE ${where}`) : null;
			const h = byHand(table, column, id !== null ? `id = ${id}` : where, want);
			await showsAtOnce(path, h.change, want, h.restore);
		});
	}
});

test('news_articles (/news): an article on the list, retitled by hand', { ...T, skip: !HAVE_SQL && 'needs TP_STACK' }, async () => {
	const page = text((await get('/news')).body);
	const listed = sql('SELECT id, title FROM news_articles WHERE deleted_at IS NULL').find((r) => page.includes(r.title));
	assert.ok(listed, '/news lists no article of the database');
	const want = `캐시확인${tag(6)}`;
	const h = byHand('news_articles', 'title', `id = ${listed.id}`, want);
	await showsAtOnce('/news', h.change, want, h.restore);
	const art = await get(`/news/${listed.id}`);
	assert.ok(!text(art.body).includes(want), 'the article page shows the old title after it was put back');
});

describe('a save through the admin forms shows on the next request', { skip: !HAVE_SQL && 'needs TP_STACK' }, () => {
	test('a technopark profile (reference data) saved by the secretariat', T, async () => {
		const want = `캐시확인 ${tag(6)}`;
		const old = sqlValue("SELECT summary FROM technoparks WHERE slug = 'chungnam'");
		const src = sqlValue("SELECT summary_source_id FROM technoparks WHERE slug = 'chungnam'");
		await showsAtOnce('/members/chungnam', async () => {
			const res = await S.sec.submit('/admin/members/chungnam', '/admin/members/chungnam', { summary: want });
			assert.equal(res.status, 303, `save: ${res.status}`);
		}, want, async () => {
			const res = await S.sec.submit('/admin/members/chungnam', '/admin/members/chungnam', { summary: old });
			assert.equal(res.status, 303, `restore: ${res.status}`);
			/* an edit ends the source's mark (issue 20); the seed's text is back, so is its source, for the tests after */
			if (src !== null)
				sql(`UPDATE technoparks SET summary_source_id = ${Number(src)} WHERE slug = 'chungnam'`);
		});
	});

	test('a person (page data) saved by the secretariat', T, async () => {
		const id = sqlValue("SELECT p.id FROM people p JOIN technoparks t ON t.id = p.technopark_id WHERE t.slug = 'chungnam' AND p.visible = 1 ORDER BY p.id LIMIT 1");
		const old = sqlValue(`SELECT title FROM people WHERE id = ${id}`);
		const want = `캐시확인${tag(6)}`;
		await showsAtOnce('/members/chungnam', async () => {
			const res = await S.sec.submit(`/admin/people/${id}`, `/admin/people/${id}`, { title: want });
			assert.equal(res.status, 303, `save: ${res.status}`);
		}, want, async () => {
			const res = await S.sec.submit(`/admin/people/${id}`, `/admin/people/${id}`, { title: old ?? '' });
			assert.equal(res.status, 303, `restore: ${res.status}`);
		});
	});
});

describe('conditional GET', () => {
	for (const path of ['/', '/members', '/news', '/news.atom', '/committees.ics', '/stats.csv']) {
		test(`${path}: ETag, then 304 for the same copy, no body`, T, async () => {
			// the ETag holds the clock minute: a pair of requests that straddles a minute is tried again
			let a, b, etag;
			for (let i = 0; i < 2; i++) {
				a = await get(path);
				assert.equal(a.status, 200);
				etag = a.headers.get('etag');
				b = await request(path, { headers: { 'If-None-Match': etag } });
				if (b.status === 304)
					break;
			}
			assert.match(etag ?? '', /^"[0-9a-f]+\.[0-9a-f]+-[0-9a-f]{16}"$/, `${path}: ETag ${etag}`);
			assert.equal(b.status, 304, `${path}: with If-None-Match ${etag}: ${b.status}`);
			assert.equal(b.body, '');
			assert.equal(b.headers.get('etag'), etag);
			const c = await request(path, { headers: { 'If-None-Match': '"0.0-0000000000000000"' } });
			assert.equal(c.status, 200, `${path}: another ETag: ${c.status}`);
		});
	}

	test('a write makes the old ETag stale: 200 with a new one', { ...T, skip: !HAVE_SQL && 'needs TP_STACK' }, async () => {
		// (a new minute makes a new ETag too; the write must make one within the same minute)
		const a = await get('/members');
		const etag = a.headers.get('etag');
		const want = `캐시확인${tag(6)}`;
		const h = byHand('regions', 'name_ko', "slug = 'busan'", want);
		try {
			h.change();
			const b = await request('/members', { headers: { 'If-None-Match': etag } });
			assert.equal(b.status, 200);
			assert.notEqual(b.headers.get('etag'), etag);
			assert.ok(text(b.body).includes(want));
		} finally {
			h.restore();
		}
	});

	/** GET path until it carries a Last-Modified (none is said in the very second of a change): the answer. */
	async function withLastModified(path) {
		for (let i = 0; i < 30; i++) {
			const res = await get(path);
			assert.equal(res.status, 200, `${path}: ${res.status}`);
			if (res.headers.get('last-modified'))
				return res;
			await new Promise((r) => setTimeout(r, 200));
		}
		assert.fail(`${path}: no Last-Modified in 6 s`);
	}

	for (const path of ['/', '/members/chungnam', '/news', '/news.atom', '/committees.ics', '/stats.csv']) {
		test(`${path}: Last-Modified, then 304 for If-Modified-Since, consistent with the ETag`, T, async () => {
			// like the ETag, Last-Modified holds the clock minute: a pair that straddles one is tried again
			let a, b, lm;
			for (let i = 0; i < 2; i++) {
				a = await withLastModified(path);
				lm = a.headers.get('last-modified');
				b = await request(path, { headers: { 'If-Modified-Since': lm } });
				if (b.status === 304)
					break;
			}
			assert.match(lm, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/);
			assert.ok(Date.parse(lm) <= Date.now() + 1000, `${path}: Last-Modified ${lm} is in the future`);
			assert.equal(b.status, 304, `${path}: If-Modified-Since ${lm}: ${b.status}`);
			assert.equal(b.body, '');
			assert.equal(b.headers.get('etag'), a.headers.get('etag'), `${path}: the 304 names the same copy`);
			assert.equal(b.headers.get('last-modified'), lm);
			const older = new Date(Date.parse(lm) - 1000).toUTCString();
			assert.equal((await request(path, { headers: { 'If-Modified-Since': older } })).status, 200,
				`${path}: If-Modified-Since a second earlier`);
			// If-None-Match wins over If-Modified-Since (RFC 9110 13.1.3): another copy's ETag is a 200
			assert.equal((await request(path, { headers: { 'If-Modified-Since': lm, 'If-None-Match': '"0.0-0000000000000000"' } })).status,
				200, `${path}: a stale ETag with a current date`);
			assert.equal((await request(path, { headers: { 'If-Modified-Since': 'not a date' } })).status, 200);
		});
	}

	test('a write moves Last-Modified on: the old date answers 200', { ...T, skip: !HAVE_SQL && 'needs TP_STACK' }, async () => {
		const a = await withLastModified('/members');
		const lm = a.headers.get('last-modified');
		await new Promise((r) => setTimeout(r, 1100));	/* the write falls in a later second than lm */
		const want = `날짜확인${tag(6)}`;
		const h = byHand('regions', 'name_ko', "slug = 'busan'", want);
		try {
			h.change();
			const b = await request('/members', { headers: { 'If-Modified-Since': lm } });
			assert.equal(b.status, 200, `If-Modified-Since ${lm} after a write: ${b.status}`);
			assert.ok(text(b.body).includes(want));
			const c = await withLastModified('/members');
			assert.ok(Date.parse(c.headers.get('last-modified')) > Date.parse(lm),
				`Last-Modified ${c.headers.get('last-modified')} after the write, ${lm} before`);
		} finally {
			h.restore();
		}
	});

	test('other parameters, another ETag', T, async () => {
		const a = await get('/members?region=chungnam');
		const b = await get('/members?region=busan');
		const c = await get('/members?sort=name&region=chungnam');
		const d = await get('/members?region=chungnam&sort=name');
		assert.notEqual(a.headers.get('etag'), b.headers.get('etag'));
		assert.equal(c.headers.get('etag'), d.headers.get('etag'), 'the order of parameters makes no other page');
	});
});

describe('signed-in readers', { skip: !HAVE_SQL && 'needs TP_STACK' }, () => {
	test('a kept page carries each reader\'s own name and form token; private, no-cache', T, async () => {
		const a = await Session.signIn(DEMO.staff.login);
		const b = await Session.signIn(DEMO.staff.login);
		assert.notEqual(a.csrf, b.csrf, 'two sessions, two form tokens');
		for (let i = 0; i < 2; i++) {
			for (const s of [a, b]) {
				const res = await s.get('/members');
				assert.equal(res.status, 200);
				assert.equal(csrfOf(res.body), s.csrf, 'the logout form has this session\'s token');
				assert.ok(!/tpSlot/.test(res.body), 'a marker reached the page');
				assert.equal(res.headers.get('cache-control'), 'private, no-cache');
			}
		}
		const name = sqlValue(`SELECT display_name FROM users WHERE login = '${DEMO.staff.login}'`);
		assert.ok(text((await a.get('/')).body).includes(name), 'the header names the reader');
		const anon = await get('/members');
		assert.ok(!/name="csrf"/.test(anon.body), 'an anonymous reader got a signed-in page');
		assert.notEqual(anon.headers.get('etag'), (await a.get('/members')).headers.get('etag'));
		assert.notEqual((await b.get('/members')).headers.get('etag'), (await a.get('/members')).headers.get('etag'),
			'two sessions: two ETags (each page carries its own token)');
	});

	test('the secretariat and a member admin see their own links on the same page', T, async () => {
		const sec = S.sec;
		const cn = await Session.signIn(DEMO.chungnam.login);
		for (let i = 0; i < 2; i++) {
			const x = await sec.get('/');
			const y = await cn.get('/');
			assert.match(x.body, /href="\/admin\/users"|href="\/admin"/);
			assert.equal(csrfOf(x.body), sec.csrf);
			assert.equal(csrfOf(y.body), cn.csrf);
		}
	});
});

test('/healthz is never kept and says ok', T, async () => {
	const a = await get('/healthz');
	assert.equal(a.status, 200);
	assert.equal(a.headers.get('etag'), null);
});
