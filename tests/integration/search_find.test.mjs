// search_find.test.mjs - what /search finds: exactly the records whose indexed text holds the words (산업 and
// fragments picked from the data, compared with a LIKE scan of the same text), people by name and not the
// hidden ones, the index in step with the records it covers, the type filter and its counts, the pages, the
// messages for empty, over-long and too many words, the query kept (escaped) in the box, and the search box
// in the site header.
//
// Other test files change records with SQL, which the index does not see; so this file rebuilds the index
// first (tpportal-admin reindex) and runs alone (lib_accounts.mjs exclusive()).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { L, get, text, element, decode, h1s, assertHtmlPage, assertErrorPage, refusedParam, paramSpec } from './lib.mjs';
import { exclusive, sql, lit, needSql, HAVE_SQL } from './lib_accounts.mjs';
import { resultsOf, searchUrl, searchAll, expectedRefs, sortedRefs, adminTool, reindex, indexed } from './search_lib.mjs';

let release = null;

before(async () => {
	if (!HAVE_SQL)
		return;
	release = await exclusive();
	if (adminTool())
		reindex();
});

after(() => {
	if (release)
		release();
});

/** The live index entries as { ref, kind, id, title, body }. */
const docs = () => sql('SELECT kind, ref_id, title, body FROM search_docs ORDER BY kind, ref_id')
	.map((r) => ({ ref: `${r.kind}/${r.ref_id}`, kind: r.kind, id: Number(r.ref_id), title: r.title, body: r.body }));

/** Search q through the page and compare the results, all pages, with the LIKE scan. */
async function assertExact(q, words = q.split(/\s+/).filter(Boolean)) {
	const want = expectedRefs(words);
	const { results, pages } = await searchAll(q);
	const got = results.map((r) => r.ref);
	assert.equal(new Set(got).size, got.length, `${q}: a record is listed twice across the pages`);
	assert.deepEqual(sortedRefs(got), sortedRefs(want), `${q}: found is not exactly what contains it`);
	const total = text(pages[0].res.body).match(new RegExp(`${L['search.results_for']} (\\d+)${L['search.unit']}`));
	if (want.size > 0)
		assert.equal(Number(total?.[1]), want.size, `${q}: the count`);
	return results;
}

describe('exactness: the words found are exactly where the text holds them', () => {
	test('산업 finds every record whose text contains it, inside longer words too, and nothing else', async (t) => {
		if (!needSql(t))
			return;
		const results = await assertExact('산업');
		assert.ok(results.length > 0, 'the data holds 산업 somewhere');
		const inside = docs().filter((d) => /[가-힣]산업|산업[가-힣]/.test(d.title + d.body));
		assert.ok(inside.length > 0, 'the data holds 산업 inside a longer word (지역산업, 신산업)');
		for (const d of inside)
			assert.ok(results.some((r) => r.ref === d.ref), `${d.ref} (산업 inside a word) not found`);
		for (const r of results) {
			assert.ok(r.marks.length > 0 || !r.snippetHtml, `${r.ref}: no <mark> in its title or snippet`);
			for (const m of r.marks)
				assert.match(m, /^(산업)+$/, `${r.ref}: marked ${JSON.stringify(m)}, not the word`);
		}
	});

	test('fragments of one to three characters picked from the indexed text', async (t) => {
		if (!needSql(t))
			return;
		const all = docs();
		let seed = 7;
		const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
		const picks = new Set();
		for (let i = 0; picks.size < 24 && i < 500; i++) {
			const d = all[rnd(all.length)];
			const chars = [...(d.title + ' ' + d.body).replace(/\s+/g, '')];
			const len = 1 + rnd(3);
			if (chars.length <= len)
				continue;
			const at = rnd(chars.length - len);
			const frag = chars.slice(at, at + len).join('');
			if (/[가-힣]/.test(frag))	/* Korean fragments: what this index is for */
				picks.add(frag);
		}
		assert.ok(picks.size >= 12, `only ${picks.size} fragments picked`);
		for (const f of picks)
			await assertExact(f);
	});

	test('two words: records holding both, wherever they are', async (t) => {
		if (!needSql(t))
			return;
		await assertExact('테크노파크 지원');
		await assertExact('기업 지역');
	});

	test('names: every visible person by full name; hidden people never', async (t) => {
		if (!needSql(t))
			return;
		const visible = sql('SELECT id, name FROM people WHERE visible = 1 ORDER BY id');
		const picked = visible.filter((p, i) => i % Math.max(1, Math.floor(visible.length / 12)) === 0);
		for (const p of picked) {
			const { results } = await searchAll(p.name, { type: 'people' });
			assert.ok(results.some((r) => r.ref === `people/${p.id}`), `${p.name} (person ${p.id}) not found by name`);
			for (const r of results)
				assert.equal(r.kind, 'people', `type=people listed ${r.ref}`);
			const me = results.find((r) => r.ref === `people/${p.id}`);
			assert.equal(me.href, `/people?q=${encodeURIComponent(p.name)}`, `${p.name}: the result's link`);
		}
		for (const h of sql('SELECT id, name FROM people WHERE visible = 0')) {
			const { results } = await searchAll(h.name);
			assert.ok(!results.some((r) => r.ref === `people/${h.id}`), `hidden person ${h.name} is found`);
		}
	});
});

describe('the index covers the records it should, and only those', () => {
	test('every technopark, visible person, listed article and meeting; no contact details', (t) => {
		if (!needSql(t))
			return;
		const live = new Set(docs().map((d) => d.ref));
		const expect = (kind, q) => sql(q).map((r) => `${kind}/${r.id}`);
		const want = [
			...expect('members', 'SELECT id FROM technoparks'),
			...expect('people', 'SELECT id FROM people WHERE visible = 1'),
			...expect('news', 'SELECT id FROM news_articles WHERE listed = 1'),
			...expect('committees', 'SELECT id FROM committee_meetings'),
			...expect('about', 'SELECT id FROM association'),
			...expect('bodies', 'SELECT id FROM committees'),
			...expect('library', 'SELECT id FROM library_documents WHERE listed = 1'),
		];
		assert.deepEqual([...live].sort(), want.sort(), 'the live index entries are not exactly the searchable records');
		assert.equal(Number(sql('SELECT COUNT(*) AS n FROM search_docs d JOIN people p ON p.id = d.ref_id ' +
		    "WHERE d.kind = 'people' AND ((p.email IS NOT NULL AND d.body LIKE CONCAT('%', p.email, '%')) " +
		    "OR (p.phone IS NOT NULL AND d.body LIKE CONCAT('%', p.phone, '%')))")[0].n), 0, 'a contact detail is indexed');
		const drafts = sql("SELECT COUNT(*) AS n FROM search_docs d JOIN news_articles n ON n.id = d.ref_id " +
		    "WHERE d.kind = 'news' AND n.listed = 0")[0].n;
		assert.equal(Number(drafts), 0, 'a draft or deleted article is indexed');
	});

	test('a hit links to its page, which answers 200', async (t) => {
		if (!needSql(t))
			return;
		const { results } = await searchAll('데모');
		const seen = new Set();
		for (const r of results) {
			if (seen.has(r.kind))
				continue;
			seen.add(r.kind);
			const res = await get(r.href);
			assert.equal(res.status, 200, `${r.ref}: ${r.href} answers ${res.status}`);
		}
	});
});

describe('the type filter, its counts and the pages', () => {
	test('each type lists only its kind; the counts add up to the total', async (t) => {
		if (!needSql(t))
			return;
		const q = '테크노파크';
		const first = await get(searchUrl(q));
		const counts = {};
		for (const kind of ['members', 'people', 'news', 'committees', 'about', 'bodies', 'library']) {
			const { results } = await searchAll(q, { type: kind });
			for (const r of results)
				assert.equal(r.kind, kind, `type=${kind} listed ${r.ref}`);
			assert.deepEqual(sortedRefs(results), sortedRefs(expectedRefs([q], kind)), `type=${kind}`);
			counts[kind] = results.length;
			const nav = element(first.body, 'nav', /class="types"/);
			const m = new RegExp(`${L[`search.kind.${kind}`]} \\((\\d+)\\)`).exec(text(nav));
			assert.equal(Number(m?.[1]), results.length, `the count beside ${kind}`);
		}
		const all = new RegExp(`${L['search.all']} \\((\\d+)\\)`).exec(text(element(first.body, 'nav', /class="types"/)));
		assert.equal(Number(all?.[1]), Object.values(counts).reduce((a, b) => a + b, 0), 'the total');
	});

	test('pages of 20 that do not overlap; prev goes back; past the end says so', async (t) => {
		if (!needSql(t))
			return;
		const { pages, results } = await searchAll('데모');
		assert.ok(pages.length >= 2, `데모 fills ${pages.length} page(s); the walk needs two`);
		for (const p of pages.slice(0, -1))
			assert.equal(resultsOf(p.res.body).length, 20, `${p.path}: not 20 results`);
		assert.equal(new Set(results.map((r) => r.ref)).size, results.length, 'pages overlap');
		const second = pages[1].res.body;
		const prev = /<a rel="prev" href="([^"]*)"/.exec(second);
		assert.ok(prev, 'no prev link on page 2');
		assert.deepEqual(resultsOf((await get(decode(prev[1]))).body).map((r) => r.ref), resultsOf(pages[0].res.body).map((r) => r.ref));
		const past = await get(searchUrl('데모', { page: 400 }));
		assert.equal(past.status, 200);
		assert.ok(text(past.body).includes(L['search.past_end']), 'no word about a page past the end');
		assert.equal(resultsOf(past.body).length, 0);
	});
});

describe('messages, limits and the box', () => {
	const alertOf = (html) => text(/<p class="errors" role="alert"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
	const boxOf = (html) => /<input id="f-q" type="search" name="q" value="([^"]*)"/.exec(html);

	test('/search without a query explains itself, without an alarm', async () => {
		const res = await get('/search');
		assertHtmlPage(res, '/search', { pageTitle: L['search.title'] });
		assert.equal(h1s(res.body)[0], L['search.title']);
		assert.ok(text(res.body).includes(L['search.intro']));
		assert.equal(alertOf(res.body), '');
	});

	test('an empty query, spaces only, or only characters the index ignores: a message (200)', async () => {
		for (const q of ['', '   ', '\u3000', '\u200B', '\u200B \uFEFF']) {
			const res = await get(searchUrl(q));
			assert.equal(res.status, 200, `${JSON.stringify(q)}: status`);
			assert.equal(alertOf(res.body), L['search.error.empty'], `${JSON.stringify(q)}: the message`);
			assert.equal(resultsOf(res.body).length, 0);
		}
	});

	test('over-long: a message with the limit, the query kept in the box; far beyond any reader: 400', async () => {
		const max = paramSpec('search_params').q.max;
		const long = '가'.repeat(101);
		const res = await get(searchUrl(long));
		assert.equal(res.status, 200);
		assert.ok(alertOf(res.body).startsWith(L['search.error.long']), `message: ${alertOf(res.body)}`);
		assert.ok(alertOf(res.body).includes('100'), 'the message gives the limit');
		assert.equal(decode(boxOf(res.body)?.[1] ?? ''), long, 'the query is not kept in the box');
		const ok = await get(searchUrl('가'.repeat(100)));
		assert.equal(alertOf(ok.body), '', '100 characters are a query');
		/* ASCII: max + 1 Hangul characters would be a URL longer than nginx takes (414) */
		const refused = await get(searchUrl('a'.repeat(max + 1)));
		assertErrorPage(refused, 400, `q of ${max + 1} characters`);
		assert.equal(refusedParam(refused.body), 'q');
	});

	test('too many words: a message', async () => {
		const res = await get(searchUrl('가 나 다 라 마 바 사 아 자'));
		assert.equal(res.status, 200);
		assert.ok(alertOf(res.body).startsWith(L['search.error.many']));
		assert.equal(alertOf((await get(searchUrl('가 나 다 라 마 바 사 아'))).body), '', 'eight words are a query');
	});

	test('bad type: 400 naming the parameter; an unknown key is ignored', async () => {
		for (const [path, key] of [['/search?q=a&type=files', 'type'], ['/search?q=a&type=news&type=people', 'type']]) {
			const res = await get(path);
			assertErrorPage(res, 400, path);
			assert.equal(refusedParam(res.body), key, path);
		}
		const plain = await get(searchUrl('데모'));
		const extra = await get(`${searchUrl('데모')}&sort=new&utm_source=mail`);
		assert.equal(extra.status, 200);
		assert.equal(extra.body, plain.body, 'sort= and utm_source= change the page');
	});

	test('a page number that is none: the first page again (422) with a word beside the pager', async () => {
		const first = resultsOf((await get(searchUrl('데모'))).body).map((r) => r.ref);
		for (const page of ['0', '501', 'abc', '-1', '1.5']) {
			const path = `${searchUrl('데모')}&page=${page}`;
			const res = await get(path);
			assert.equal(res.status, 422, `${path}: status`);
			assertHtmlPage(res, path, { pageTitle: L['search.title'] });
			assert.deepEqual(resultsOf(res.body).map((r) => r.ref), first, `${path}: not the first page`);
			const msg = /<p class="field-error" role="alert" id="page-err">([\s\S]*?)<\/p>/.exec(res.body);
			assert.ok(msg && text(msg[1]).includes(L['search.bad_page_why']), `${path}: no message`);
			assert.ok(text(msg[1]).includes(page), `${path}: the message does not show ${page}`);
		}
	});

	test('the query comes back escaped in the box, the echo and the links; operators are plain text', async () => {
		for (const q of ['"><script>alert(1)</script>', "'><svg onload=alert(1)>", '산업 -지원 +"따옴표" (OR) *D-']) {
			const res = await get(searchUrl(q));
			assert.equal(res.status, 200, `${q}: status`);
			const html = res.body;
			/* attribute values emptied first: an escaped " onload=" inside value="..." is text, not an attribute */
			assert.doesNotMatch(html.replace(/"[^"]*"/g, '""'), /<(script|svg)\b|<[a-z][^>]*\son\w+=/i, `${q}: raw markup in the page`);
			assert.equal(decode(boxOf(html)?.[1] ?? '\u0000'), q, `${q}: the box does not hold the query as typed`);
			for (const a of html.matchAll(/href="(\/search\?[^"]*)"/g))
				assert.equal(new URL(decode(a[1]), 'http://x').searchParams.get('q'), q, `${q}: a link lost the query`);
		}
	});
});

describe('the search box in the site header', () => {
	test('a labelled GET form to /search on every page but those with their own box', async () => {
		for (const path of ['/', '/members', '/members/gyeonggi', '/about', '/stats']) {
			const html = (await get(path)).body;
			const form = /<form class="site-search" method="get" action="\/search" role="search" aria-label="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
			assert.ok(form, `${path}: no search form in the header`);
			assert.ok(element(html, 'header').includes('class="site-search"'), `${path}: the form is not in <header>`);
			assert.match(form[2], /<label for="site-q"[^>]*>[^<]+<\/label>/, `${path}: the input has no label`);
			assert.match(form[2], /<input id="site-q" type="search" name="q">/, `${path}: the input`);
			assert.match(form[2], /<button type="submit">[^<]+<\/button>/, `${path}: no submit button (it must work without JavaScript)`);
		}
		for (const path of ['/people', '/search?q=x'])
			assert.doesNotMatch((await get(path)).body, /class="site-search"/, `${path} has its own box; the header must not repeat it`);
	});
});

/* ---- day (issue 12: 9): exact names first, words across the fields of one record, the about page and the committees ---- */
describe('ranking and reach: exact names first, a person by organisation and name, the about page, the committees', () => {
	const tpId = (slug) => Number(sql(`SELECT id FROM technoparks WHERE slug = ${lit(slug)}`)[0].id);
	const committeeId = (slug) => Number(sql(`SELECT id FROM committees WHERE slug = ${lit(slug)}`)[0].id);

	test('"충남" lists 충남테크노파크 itself first, "충남테크노파크" likewise, and the results stay exactly the LIKE scan', async (t) => {
		if (!needSql(t))
			return;
		for (const q of ['충남', '충남테크노파크', '부산']) {
			const results = await assertExact(q);
			const slug = q.startsWith('충남') ? 'chungnam' : 'busan';
			assert.equal(results[0]?.ref, `members/${tpId(slug)}`, `${q}: first is ${results[0]?.ref} (${results[0]?.title})`);
		}
	});

	test('a person and a committee by their exact name come first', async (t) => {
		if (!needSql(t))
			return;
		const p = sql("SELECT id, name FROM people WHERE visible = 1 AND name = '배예시'")[0];
		assert.ok(p, 'the demo data has 배예시');
		assert.equal((await assertExact('배예시'))[0]?.ref, `people/${p.id}`);
		for (const [q, slug] of [['이사회', 'board'], ['총회', 'general-assembly'], ['실무위원회', 'working']]) {
			const results = await assertExact(q);
			assert.equal(results[0]?.ref, `bodies/${committeeId(slug)}`, `${q}: first is ${results[0]?.ref} (${results[0]?.title})`);
			assert.equal(results[0].href, `/committees/${slug}`, `${q}: the committee's page`);
		}
	});

	test('"충남테크노파크 배예시": the words of a query match across the fields of one record', async (t) => {
		if (!needSql(t))
			return;
		const p = sql(`SELECT id FROM people WHERE visible = 1 AND name = '배예시' AND technopark_id = ${tpId('chungnam')}`)[0];
		assert.ok(p, '배예시 works at 충남테크노파크 in the demo data');
		const results = await assertExact('충남테크노파크 배예시');
		assert.equal(results[0]?.ref, `people/${p.id}`, 'the person of that organisation, first');
	});

	test('the about page and the committees\' descriptions are searched', async (t) => {
		if (!needSql(t))
			return;
		const about = Number(sql('SELECT id FROM association')[0].id);
		/* a function's title and a word of a committee's purpose, from the data */
		const fn = sql("SELECT title FROM association_functions WHERE kind = 'function' ORDER BY sort, id LIMIT 1")[0].title;
		const found = await assertExact(fn);
		assert.ok(found.some((r) => r.ref === `about/${about}` && r.href === '/about'), `${fn}: the about page is not found`);
		const board = sql("SELECT id, purpose FROM committees WHERE slug = 'board'")[0];
		const word = board.purpose.split(/[\s,.()·]+/).find((w) => [...w].length >= 4);
		const hits = await assertExact(word);
		assert.ok(hits.some((r) => r.ref === `bodies/${board.id}`), `${word} (the board's purpose): the board is not found`);
		const res = await get(searchUrl(fn, { type: 'about' }));
		assert.equal(res.status, 200);
		assert.deepEqual(resultsOf(res.body).map((r) => r.ref), [`about/${about}`], 'type=about');
	});

	test('a committee text changed by a migration is queued and found through the indexer, as sql/012 queues them', async (t) => {
		if (!needSql(t))
			return;
		const c = sql("SELECT id, purpose FROM committees WHERE slug = 'business'")[0];
		const word = `시험낱말${Date.now() % 100000}`;
		try {
			sql(`UPDATE committees SET purpose = CONCAT(purpose, ' ', ${lit(word)}) WHERE id = ${c.id}`);
			sql(`INSERT INTO search_queue (kind, ref_id) VALUES ('bodies', ${c.id})`);
			await indexed(`the committee ${c.id}`);
			assert.deepEqual(resultsOf((await get(searchUrl(word))).body).map((r) => r.ref), [`bodies/${c.id}`]);
		} finally {
			sql(`UPDATE committees SET purpose = ${lit(c.purpose)} WHERE id = ${c.id}`);
			sql(`INSERT INTO search_queue (kind, ref_id) VALUES ('bodies', ${c.id})`);
			await indexed(`the committee ${c.id} put back`);
		}
		assert.deepEqual(resultsOf((await get(searchUrl(word))).body), [], 'the old word is gone again');
	});
});
