// saves_concurrent.test.mjs - concurrent saves all succeed and are all searchable: 4 signed-in member admins
// and secretariat users, each in a loop of its own, post news articles and people at the same time
// (LOOPS x SAVES saves). No answer may be a 5xx, every acknowledged save must be in the database, and every
// saved article and person must be found by /search within 1 s of its acknowledgement (issue 11: the search
// index is written by one indexer from a queue, not inside the users' concurrent transactions, where Mroonga
// failed with error 1467).
//
// It changes shared data, so it runs alone (lib_accounts.mjs exclusive()) and removes what it made.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { text, sleep } from './lib.mjs';
import { DEMO, Session, exclusive, sql, lit, needSql, HAVE_SQL, formOf, withChanges, location } from './lib_accounts.mjs';
import { searchAll, adminTool, reindex } from './search_lib.mjs';

const LOOPS = 4;
const SAVES = 25;	/* per loop, alternately an article and a person */
const FIND_WITHIN_MS = 1000;

/* Who saves: a login, and the technopark whose people it adds. */
const WRITERS = [
	{ login: DEMO.chungnam.login, tp: 'chungnam' },
	{ login: DEMO.busan.login, tp: 'busan' },
	{ login: DEMO.secretariat.login, tp: 'chungnam' },
	{ login: DEMO.secretariat.login, tp: 'busan' },
];

let release = null;
const saved = { news: [], people: [] };	/* markers of acknowledged saves */

/** A word of n random Hangul syllables: no record holds it by chance. */
const word = (n = 5) => Array.from({ length: n }, () => String.fromCodePoint(0xAC00 + randomInt(11172))).join('');

/** Poll /search for marker until a result of kind is there, for at most ms; the ms it took, or null. */
async function findWithin(marker, kind, ms) {
	const t0 = Date.now();
	for (;;) {
		const { results } = await searchAll(marker, { type: kind });
		if (results.some((r) => r.kind === kind))
			return Date.now() - t0;
		if (Date.now() - t0 >= ms)
			return null;
		await sleep(50);
	}
}

before(async () => {
	if (HAVE_SQL)
		release = await exclusive();
});

after(() => {
	try {
		if (HAVE_SQL && (saved.news.length > 0 || saved.people.length > 0)) {
			const like = (col, ms) => ms.map((m) => `${col} LIKE ${lit(`%${m}%`)}`).join(' OR ') || '0';
			const news = sql(`SELECT id FROM news_articles WHERE ${like('title', saved.news)}`).map((r) => Number(r.id));
			const people = sql(`SELECT id FROM people WHERE ${like('name', saved.people)}`).map((r) => Number(r.id));
			if (news.length > 0) {
				sql(`DELETE FROM audit_changes WHERE entity = 'news' AND entity_id IN (${news.join(',')})`);
				sql(`DELETE FROM news_articles WHERE id IN (${news.join(',')})`);
			}
			if (people.length > 0) {
				sql(`DELETE FROM audit_changes WHERE entity = 'person' AND entity_id IN (${people.join(',')})`);
				sql(`DELETE FROM people WHERE id IN (${people.join(',')})`);
			}
			/* rows deleted with SQL leave the index as it was: rebuild what this file touched */
			if (adminTool())
				reindex(['people', 'news']);
		}
	} finally {
		release?.();
	}
});

test(`${LOOPS} writers x ${SAVES} saves at once: no 5xx, none lost, each found by /search within 1 s`,
    { timeout: 300_000 }, async (t) => {
	if (!needSql(t))
		return;
	const sessions = await Promise.all(WRITERS.map((w) => Session.signIn(w.login)));
	const forms = await Promise.all(sessions.map(async (s) => formOf((await s.get('/admin/news/new')).body, '/admin/news').fields));
	const statuses = [];
	const late = [];
	const slowest = { ms: 0 };

	const loop = async (w, i) => {
		const s = sessions[i];
		for (let k = 0; k < SAVES; k++) {
			const marker = word();
			const news = k % 2 === 0;
			const res = news ?
				await s.post('/admin/news', withChanges(forms[i], {
					title: `동시 저장 ${marker}`, state: 'published', pinned_until: '', body: `동시에 저장한 기사 ${k}.`,
				})) :
				await s.post(`/admin/members/${w.tp}/people`, {
					name: `동시 ${marker}`, title: '시험', department: '동시 저장', phone: '', email: '', sort: '950', visible: '1',
				});
			statuses.push(res.status);
			if (res.status >= 500)
				continue;
			assert.equal(res.status, 303, `${w.login}: ${news ? 'news' : 'person'} save: ${res.status} ${text(res.body).slice(0, 200)} ${location(res)}`);
			(news ? saved.news : saved.people).push(marker);
			const ms = await findWithin(marker, news ? 'news' : 'people', FIND_WITHIN_MS);
			if (ms === null)
				late.push(`${news ? 'news' : 'person'} ${marker}`);
			else
				slowest.ms = Math.max(slowest.ms, ms);
		}
	};
	const t0 = Date.now();
	await Promise.all(WRITERS.map(loop));
	const took = Date.now() - t0;

	const fives = statuses.filter((c) => c >= 500);
	assert.equal(statuses.length, LOOPS * SAVES);
	assert.deepEqual(fives, [], `${fives.length} of ${statuses.length} saves answered 5xx`);
	const inDb = (table, col, markers) => new Set(markers.length === 0 ? [] :
		sql(`SELECT ${col} AS v FROM ${table} WHERE ${markers.map((m) => `${col} LIKE ${lit(`%${m}%`)}`).join(' OR ')}`)
		    .map((r) => r.v.split(' ').pop()));
	const newsRows = inDb('news_articles', 'title', saved.news);
	const peopleRows = inDb('people', 'name', saved.people);
	assert.deepEqual(saved.news.filter((m) => !newsRows.has(m)), [], 'acknowledged articles missing from the database');
	assert.deepEqual(saved.people.filter((m) => !peopleRows.has(m)), [], 'acknowledged people missing from the database');
	assert.deepEqual(late, [], `${late.length} saves not found by /search within ${FIND_WITHIN_MS} ms`);
	t.diagnostic(`${statuses.length} saves in ${took} ms; the slowest to be found took ${slowest.ms} ms`);
});
