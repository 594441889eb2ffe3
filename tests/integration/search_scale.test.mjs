// search_scale.test.mjs - search at scale (issue 21), against the real Mroonga index: the ordering rule
// (exact title first, then relevance, then the newest), the switch between exact counts and the index's
// estimate ("약 6,000건") when a kind holds more entries than the tier (SEARCH_TIER, src/store/search.h),
// the bounded deep pages, and that hidden or unpublished records are never shown nor counted, to anyone.
//
// It adds SEARCH_TIER + 1,000 articles with SQL and rebuilds the news index (tpportal-admin reindex), so
// it holds the instance alone while it runs (exclusive()) and takes them away again afterwards.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get, links, text, L, ROOT } from './lib.mjs';
import { DEMO, Session, exclusive, sql, sqlNumber, lit, needSql, HAVE_SQL, createPerson, formOf } from './lib_accounts.mjs';
import { resultsOf, searchUrl, searchAll, likeEscape, indexed, reindex, adminTool } from './search_lib.mjs';

/** The tier's size and the last page shown, read from the sources (never restated here). */
const TIER = Number(/#define SEARCH_TIER\s+(\d+)/.exec(readFileSync(`${ROOT}/src/store/search.h`, 'utf8'))[1]);
const LAST_PAGE = Number(/#define SEARCH_LAST_PAGE\s+(\d+)/.exec(readFileSync(`${ROOT}/src/core/search_query.h`, 'utf8'))[1]);
const PAGE = Number(/#define SEARCH_PAGE\s+(\d+)/.exec(readFileSync(`${ROOT}/src/core/search_query.h`, 'utf8'))[1]);

const FIRST_ID = 30_000_001;	/* the generated articles' ids: far above any other */
const GENERATED = TIER + 1000;
const EVERY = 50;		/* RARE is in every 50th generated article: 1 in 50, under the tier's 1 in 25 */

/** A word of n random Hangul syllables: no record holds it by chance. */
const word = (n = 4) => Array.from({ length: n }, () => String.fromCodePoint(0xAC00 + randomInt(11172))).join('');
const BROAD = word(5);	/* in every generated article */
const RARE = word(5);	/* in every EVERY-th */
const MID = word(5);	/* in every tenth: 1 in 10, enough in the tier to rank there, too few for 50 pages */
const ORDER = word(5);	/* in the five articles of the ordering test only */

let release = null;
let sec = null;
const people = [];
const fixtures = [];	/* ids of the hand-made articles */
let ok = false;

/** Add an article with SQL (published unless state says otherwise) and queue it for the index. */
function article(id, title, body, publishedAt, state = 'published') {
	sql(`INSERT INTO news_articles (id, category_id, technopark_id, title, body_md, body_html, state, published_at, updated_at, is_demo)
	    VALUES (${id}, 1, 1, ${lit(title)}, ${lit(body)}, ${lit(`<p>${body}</p>\n`)}, ${lit(state)},
	    ${state === 'published' ? lit(publishedAt) : 'NULL'}, ${lit(publishedAt)}, 1)`);
	sql(`INSERT INTO search_queue (kind, ref_id) VALUES ('news', ${id})`);
	fixtures.push(id);
}

async function deletePerson(id) {
	const page = await sec.get(`/admin/people/${id}`);
	if (page.status === 200)
		await sec.post(`/admin/people/${id}/delete`, formOf(page.body, `/admin/people/${id}/delete`).fields);
}

/** The count the page prints after "검색 결과": { n: '6,000' or '600', approx: true when "약" }. */
function countOf(html) {
	const m = /<p class="count" role="status">[\s\S]*?<\/q>([\s\S]*?)<\/p>/.exec(html);
	assert.ok(m, 'no count line');
	const t = text(m[1]);
	const c = new RegExp(`${L['search.results_for']}\\s+(${L['search.about']}\\s+)?([0-9,]+)\\s*${L['search.unit']}`).exec(t);
	assert.ok(c, `count line: ${t}`);
	return { n: c[2], approx: Boolean(c[1]) };
}

/** The type tab's count: the text inside its (...). */
function tabCount(html, kind) {
	const nav = /<nav class="types"[\s\S]*?<\/nav>/.exec(html)[0];
	const a = [...nav.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].find((m) => m[1].includes(`type=${kind}`));
	assert.ok(a, `no tab for ${kind}`);
	return text(/<span class="count">([\s\S]*?)<\/span>/.exec(a[2])[1]).replace(/^\(\s*|\s*\)$/g, '').replace(/\s+/g, ' ');
}

/** Two significant digits, thousands separated: how the page rounds an estimate (page_search.c). */
function approxText(n) {
	let unit = 1;
	while (Math.floor(n / unit) >= 100)
		unit *= 10;
	return (Math.floor((n + Math.floor(unit / 2)) / unit) * unit).toLocaleString('en-US');
}

/** The live entries of the index (or its tier) of kind whose text holds w: a LIKE scan, not the search. */
const likeCount = (w, { kind = 'news', tier = false } = {}) => {
	const p = lit(`%${likeEscape(w)}%`);
	return sqlNumber(`SELECT COUNT(*) FROM search_docs WHERE kind = ${lit(kind)}${tier ? ' AND tier = 1' : ''} AND (title LIKE ${p} OR body LIKE ${p})`);
};

before(async () => {
	if (!HAVE_SQL || !adminTool())
		return;
	release = await exclusive();
	sec = await Session.signIn(DEMO.secretariat.login);
	/* generated: newer than every seed article, one a minute back from 2031 */
	sql(`INSERT INTO news_articles (id, category_id, technopark_id, title, body_md, body_html, state, published_at, updated_at, is_demo)
	    SELECT ${FIRST_ID - 1} + seq, 1 + seq % 4, 1 + seq % 19, CONCAT('[데모] 규모 시험 ', ${lit(BROAD)}, ' ', seq),
	    CONCAT('시험 본문 ', seq, IF(seq % ${EVERY} = 0, ${lit(` ${RARE}`)}, ''), IF(seq % 10 = 0, ${lit(` ${MID}`)}, '')),
	    CONCAT('<p>시험 본문 ', seq, IF(seq % ${EVERY} = 0, ${lit(` ${RARE}`)}, ''), IF(seq % 10 = 0, ${lit(` ${MID}`)}, ''), '</p>\n'), 'published',
	    TIMESTAMP '2031-01-01 00:00:00' - INTERVAL seq MINUTE, TIMESTAMP '2031-01-01 00:00:00' - INTERVAL seq MINUTE, 1
	    FROM seq_1_to_${GENERATED}`);
	reindex(['--batch', '2000', 'news']);
	ok = true;
});

after(async () => {
	try {
		if (HAVE_SQL && release) {
			for (const id of people)
				await deletePerson(id);
			sql(`DELETE FROM news_articles WHERE id BETWEEN ${FIRST_ID} AND ${FIRST_ID + GENERATED}`);
			for (const id of fixtures)
				sql(`DELETE FROM news_articles WHERE id = ${id}`);
			reindex(['--batch', '2000', 'news']);	/* their entries go, the sizes and the tier are recounted */
		}
	} finally {
		release?.();
	}
});

const need = (t) => {
	if (!needSql(t))
		return false;
	if (!ok) {
		t.skip('needs TP_BUILD_DIR and STACK_DIR (tpportal-admin reindex)');
		return false;
	}
	return true;
};

describe('the tier and its sizes', () => {
	test('news holds more than the tier: the tier is the newest of them, search_sizes says so', (t) => {
		if (!need(t))
			return;
		const docs = sqlNumber("SELECT COUNT(*) FROM news_articles WHERE listed = 1");
		const [s] = sql("SELECT docs, tier_docs FROM search_sizes WHERE kind = 'news'");
		assert.equal(Number(s.docs), docs);
		assert.equal(Number(s.tier_docs), TIER);
		assert.equal(sqlNumber("SELECT COUNT(*) FROM search_docs WHERE kind = 'news' AND tier = 1 AND tier_title = title AND tier_body = body"), TIER);
		const oldestIn = sql("SELECT MIN(at) AS m FROM search_docs WHERE kind = 'news' AND tier = 1")[0].m;
		assert.equal(sqlNumber(`SELECT COUNT(*) FROM search_docs WHERE kind = 'news' AND tier = 0 AND at > ${lit(oldestIn)}`), 0,
		    'an entry newer than the tier\'s oldest is outside it');
		assert.equal(sqlNumber("SELECT COUNT(*) FROM search_docs WHERE tier = 0 AND (tier_title <> '' OR tier_body <> '')"), 0,
		    'text left in the tier columns of an entry outside it');
	});
});

describe('counts: exact below the threshold, the index\'s estimate above it', () => {
	test('a word in every generated article: "약 N" estimated from the tier, near the true count', async (t) => {
		if (!need(t))
			return;
		const res = await get(searchUrl(BROAD));
		assert.equal(res.status, 200);
		const c = countOf(res.body);
		assert.equal(c.approx, true, `the count of ${GENERATED} matches is not marked as an estimate`);
		const [s] = sql("SELECT docs, tier_docs FROM search_sizes WHERE kind = 'news'");
		const est = Math.floor(likeCount(BROAD, { tier: true }) * Number(s.docs) / Number(s.tier_docs));
		assert.equal(c.n, approxText(est), 'not the tier\'s estimate, rounded');
		const truth = likeCount(BROAD);
		assert.ok(Math.abs(est - truth) <= truth / 10, `estimate ${est} is not within 10% of ${truth}`);
		assert.match(tabCount(res.body, 'news'), new RegExp(`^${L['search.about']} `), 'the news tab is not marked as an estimate');
		assert.equal(tabCount(res.body, 'people'), '0', 'a kind the tier holds whole is counted exactly');
		assert.ok(res.body.includes(`title="${L['search.approx_title']}"`), 'the estimate does not say why');
		assert.equal(resultsOf(res.body).length, PAGE);
	});

	test('a word in every 50th: few in the tier, so the whole index is read and counted exactly', async (t) => {
		if (!need(t))
			return;
		const res = await get(searchUrl(RARE));
		const c = countOf(res.body);
		assert.equal(c.approx, false, 'an exact count was expected');
		assert.equal(c.n, String(likeCount(RARE)));
		assert.equal(Number(c.n), GENERATED / EVERY);
		/* and the ranking reads the whole index: every match is reachable, exactly those */
		const { results } = await searchAll(RARE, { maxPages: LAST_PAGE });
		assert.equal(results.length, GENERATED / EVERY);
		assert.equal(new Set(results.map((r) => r.ref)).size, results.length, 'pages overlap');
	});
});

describe('deep pages are bounded', () => {
	test(`page ${LAST_PAGE} is the last shown and says so; beyond it, a message and no results`, async (t) => {
		if (!need(t))
			return;
		const last = await get(searchUrl(BROAD, { page: LAST_PAGE }));
		assert.equal(last.status, 200);
		assert.equal(resultsOf(last.body).length, PAGE, `page ${LAST_PAGE} is not full`);
		assert.ok(!links(last.body).some((l) => l.rel === 'next'), `a next link past page ${LAST_PAGE}`);
		assert.match(last.body, /id="search-more"/, `page ${LAST_PAGE} does not say that the results go on`);
		const beyond = await get(searchUrl(BROAD, { page: LAST_PAGE + 1 }));
		assert.equal(beyond.status, 200);
		assert.equal(resultsOf(beyond.body).length, 0);
		assert.ok(text(beyond.body).includes(L['search.narrow']), 'no word about narrowing the query');
		const prev = links(beyond.body).find((l) => l.rel === 'prev');
		assert.ok(prev && prev.href.endsWith(`page=${LAST_PAGE}`), 'no way back to the last page');
		/* ranked in the tier with fewer candidates than 50 pages: as many pages as they fill, then the message */
		const pages = Math.ceil(likeCount(MID, { tier: true }) / PAGE);
		assert.ok(pages > 10 && pages < LAST_PAGE, `${MID}: ${pages} pages of candidates`);
		const lastMid = await get(searchUrl(MID, { page: pages }));
		assert.ok(resultsOf(lastMid.body).length > 0, `${MID}: page ${pages} is empty`);
		assert.ok(countOf(lastMid.body).approx, `${MID}: not an estimate`);
		assert.ok(!links(lastMid.body).some((l) => l.rel === 'next'), `${MID}: a next link past the candidates`);
		const pastMid = await get(searchUrl(MID, { page: pages + 1 }));
		assert.equal(resultsOf(pastMid.body).length, 0);
		assert.ok(text(pastMid.body).includes(L['search.narrow']), `${MID}: no word about narrowing the query`);
		/* a query with few matches past its end: the ordinary "no results on this page" */
		const few = await get(searchUrl(RARE, { page: LAST_PAGE + 1 }));
		assert.ok(text(few.body).includes(L['search.past_end']));
		assert.ok(!text(few.body).includes(L['search.narrow']));
	});
});

describe('the ordering rule: exact title first, then relevance, then the newest', () => {
	test('in the whole index and in the tier, an exact title comes first even when it is the oldest', async (t) => {
		if (!need(t))
			return;
		const id = FIRST_ID + GENERATED + 1;
		article(id, ORDER, '다른 이야기', '2001-01-01 00:00:00');			/* exact, the oldest */
		article(id + 1, `${ORDER} ${ORDER} 소식`, '본문', '2002-01-01 00:00:00');	/* two title matches */
		article(id + 2, `${ORDER} 소식 가`, '본문', '2004-01-01 00:00:00');	/* one, newer */
		article(id + 3, `${ORDER} 소식 나`, '본문', '2003-01-01 00:00:00');	/* one, older */
		article(id + 4, '다른 소식', `본문 ${ORDER}`, '2005-01-01 00:00:00');	/* in the body only, the newest */
		article(id + 5, BROAD, '다른 이야기', '2000-06-01 00:00:00');		/* BROAD's exact title, outside the tier */
		await indexed('the ordering articles');
		const got = resultsOf((await get(searchUrl(ORDER))).body).map((r) => r.id);
		assert.deepEqual(got, [id, id + 1, id + 2, id + 3, id + 4]);
		/* a broad query is ranked in the tier, yet the exact title comes from the whole index */
		assert.equal(sqlNumber(`SELECT tier FROM search_docs WHERE kind = 'news' AND ref_id = ${id + 5}`), 0, 'the exact one is in the tier');
		const broad = resultsOf((await get(searchUrl(BROAD))).body);
		assert.equal(broad[0].id, id + 5, 'the exact title of a broad query is not first');
		const at = (r) => sql(`SELECT at FROM search_docs WHERE kind = 'news' AND ref_id = ${r.id}`)[0].at;
		const dates = broad.slice(1).map(at);
		assert.deepEqual(dates, [...dates].sort().reverse(), 'equal relevance: not the newest first');
	});
});

describe('records a reader may not see are never shown nor counted', () => {
	test('a hidden person and an unpublished article: not found, not in any count, signed in or not', async (t) => {
		if (!need(t))
			return;
		const [seen, unseen] = [word(), word()];
		const shown = await createPerson(sec, 'chungnam', { name: `규모 ${seen}`, title: BROAD, department: RARE, phone: '', email: '', sort: '900', visible: '1' });
		const hidden = await createPerson(sec, 'chungnam', { name: `규모 ${unseen}`, title: BROAD, department: RARE, phone: '', email: '', sort: '900' });
		people.push(shown, hidden);
		const draft = FIRST_ID + GENERATED + 10;
		article(draft, `${RARE} 초안`, BROAD, '2031-02-01 00:00:00', 'draft');
		await indexed('the people and the draft');
		const staff = await Session.signIn(DEMO.staff.login);
		for (const [who, fetch] of [['a reader', (u) => get(u)], ['staff', (u) => staff.get(u)]]) {
			for (const q of [BROAD, RARE, unseen, `규모 ${unseen}`, `${RARE} 초안`]) {
				const res = await fetch(searchUrl(q));
				assert.equal(res.status, 200);
				const refs = resultsOf(res.body).map((r) => r.ref);
				assert.ok(!refs.includes(`people/${hidden}`), `${who}, ${q}: the hidden person is shown`);
				assert.ok(!refs.includes(`news/${draft}`), `${who}, ${q}: the draft is shown`);
			}
			const broad = await fetch(searchUrl(BROAD));
			assert.equal(tabCount(broad.body, 'people'), '1', `${who}: the hidden person is counted (broad query)`);
			const rare = await fetch(searchUrl(RARE));
			assert.equal(countOf(rare.body).n, String(GENERATED / EVERY + 1), `${who}: the draft or the hidden person is counted`);
			assert.equal(tabCount(rare.body, 'people'), '1');
			assert.equal(tabCount(rare.body, 'news'), String(GENERATED / EVERY));
			const none = await fetch(searchUrl(`규모 ${unseen}`));
			assert.equal(tabCount(none.body, 'people'), '0', `${who}: the hidden person's exact name is counted`);
			assert.equal(tabCount((await fetch(searchUrl(seen))).body, 'people'), '1', `${who}: the visible person is not counted`);
		}
	});
});
