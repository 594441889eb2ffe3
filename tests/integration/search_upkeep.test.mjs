// search_upkeep.test.mjs - the index follows every save within a second (the save queues its record in its
// own transaction, the indexer applies the queue; search_lib.mjs indexed() waits for it, at most 1 s, before
// every search here, so each check sees the index with the saves before it): a new person, an edit, hiding
// and deleting; a technopark's profile; a news article published, unpublished and deleted; a
// save that is rolled back leaves the index as it was (a trigger makes the save's last statement fail);
// spacing variants; relevance, then recency; attack strings stored in a record come back inert in titles
// and snippets; `tpportal-admin reindex` rebuilds the same index with a progress bar.
//
// It changes shared data, so it runs alone (lib_accounts.mjs exclusive()) and removes what it made.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { text, sleep } from './lib.mjs';
import {
	DEMO, Session, exclusive, sql, sqlRow, sqlValue, sqlNumber, lit, needSql, HAVE_SQL, createPerson, formOf, withChanges,
	fieldValue, profileForm, saveProfile, location,
} from './lib_accounts.mjs';
import { searchAll, adminTool, reindex, indexed } from './search_lib.mjs';

const TP = 'chungnam';	/* people are made here */
let SUMMARY_TP = null;	/* a technopark without a summary: its audit records stay short (the history page shows them) */
const TRIGGER = 'search_test_refuse_audit';
let release = null;
let sec = null;
const people = [];	/* ids of the people this file made */
const articles = [];	/* ids of the articles this file made */
const minutesMade = [];	/* meetings whose minutes this file wrote */
let originalSummary = null;

/** A word of n random Hangul syllables: no record holds it by chance. */
const word = (n = 4) => Array.from({ length: n }, () => String.fromCodePoint(0xAC00 + randomInt(11172))).join('');

/** The refs a search finds (all pages), optionally of one type, once the saves before it are indexed (<= 1 s). */
const found = async (q, type) => {
	await indexed(`before searching ${q}`);
	return (await searchAll(q, { type })).results;
};
const refs = async (q, type) => (await found(q, type)).map((r) => r.ref);

async function person(fields) {
	const id = await createPerson(sec, TP, { title: '', department: '', phone: '', email: '', sort: '900', visible: '1', ...fields });
	people.push(id);
	return id;
}

/** Submit person id's edit form with changes (null removes a field, e.g. the visible checkbox). */
function editPerson(id, changes) {
	return sec.submit(`/admin/people/${id}`, `/admin/people/${id}`, changes);
}

async function deletePerson(id) {
	const page = await sec.get(`/admin/people/${id}`);
	if (page.status !== 200)
		return page;
	return sec.post(`/admin/people/${id}/delete`, formOf(page.body, `/admin/people/${id}/delete`).fields);
}

/** A trigger that makes the audit insert of entity/id fail: the save's last statement, after the queue's. */
function refuseAudit(entity, id) {
	sql(`DROP TRIGGER IF EXISTS ${TRIGGER}`);
	/* one statement without ';' (the client would split it): NULL into a NOT NULL column fails the insert */
	sql(`CREATE TRIGGER ${TRIGGER} BEFORE INSERT ON audit_changes FOR EACH ROW SET NEW.entity_id = ` +
	    `IF(NEW.entity = ${lit(entity)} AND NEW.entity_id = ${Number(id)}, NULL, NEW.entity_id)`);
}

before(async () => {
	if (!HAVE_SQL)
		return;
	release = await exclusive();
	sec = await Session.signIn(DEMO.secretariat.login);
	SUMMARY_TP = sqlValue("SELECT slug FROM technoparks WHERE summary IS NULL AND slug NOT IN ('chungnam', 'busan') ORDER BY id LIMIT 1");
	assert.ok(SUMMARY_TP, 'no technopark without a summary');
	originalSummary = fieldValue(await profileForm(sec, SUMMARY_TP), 'summary');
});

after(async () => {
	try {
		if (HAVE_SQL) {
			sql(`DROP TRIGGER IF EXISTS ${TRIGGER}`);
			for (const id of people)
				await deletePerson(id);
			for (const id of articles) {
				const v = sqlValue(`SELECT version FROM news_articles WHERE id = ${id} AND deleted_at IS NULL`);
				if (v !== null)
					await sec.post(`/admin/news/${id}/delete`, { version: v });
				sql(`DELETE FROM attachments WHERE owner_type = 'news' AND owner_id = ${id}`);
				sql(`DELETE FROM news_articles WHERE id = ${id}`);
			}
			for (const id of minutesMade) {
				/* the minutes were taken back (unpublished) by the test: their text is not in the index */
				sql(`DELETE FROM committee_minutes WHERE meeting_id = ${id} AND published = 0`);
			}
			if (sec && SUMMARY_TP && originalSummary !== null &&
			    fieldValue(await profileForm(sec, SUMMARY_TP), 'summary') !== originalSummary)
				await saveProfile(sec, SUMMARY_TP, { summary: originalSummary });
		}
	} finally {
		release?.();
	}
});

describe('a save is searchable within a second', () => {
	test('a new person by name and title; an edit moves the words; hidden and deleted people go', async (t) => {
		if (!needSql(t))
			return;
		const [n, t1, t2] = [word(), word(), word()];
		const id = await person({ name: `검색 ${n}`, title: `주임 ${t1}`, department: '지원팀', phone: '041-555-0147', email: `s${t1.length}@example.org` });
		const me = `people/${id}`;
		let hits = await found(n);
		assert.deepEqual(hits.map((r) => r.ref), [me], 'the new person is not (only) found by name');
		assert.deepEqual(hits[0].marks, [n], 'the name is not marked');
		assert.deepEqual(await refs(t1, 'people'), [me], 'not found by title');
		assert.ok(!(await refs('041-555-0147')).includes(me), 'found by phone: contacts must never be indexed');

		assert.equal((await editPerson(id, { title: `주임 ${t2}` })).status, 303);
		assert.deepEqual(await refs(t2), [me], 'the new title is not found within a second');
		assert.deepEqual(await refs(t1), [], 'the old title is still found');

		assert.equal((await editPerson(id, { visible: null })).status, 303);
		assert.deepEqual(await refs(n), [], 'a hidden person is found');
		assert.equal((await editPerson(id, { visible: '1' })).status, 303);
		assert.deepEqual(await refs(n), [me], 'shown again: not found');

		assert.equal((await deletePerson(id)).status, 303);
		assert.deepEqual(await refs(n), [], 'a deleted person is found');
		assert.equal(sqlNumber(`SELECT COUNT(*) FROM search_docs WHERE kind = 'people' AND ref_id = ${id}`), 0);
	});

	test('a technopark\'s summary: the new words within a second, under its type; the old ones go', async (t) => {
		if (!needSql(t))
			return;
		const w = word(5);
		const tpId = sqlNumber(`SELECT id FROM technoparks WHERE slug = ${lit(SUMMARY_TP)}`);
		assert.equal((await saveProfile(sec, SUMMARY_TP, { summary: w })).status, 303);
		const hits = await found(w, 'members');
		assert.deepEqual(hits.map((r) => r.ref), [`members/${tpId}`]);
		assert.equal(hits[0].href, `/members/${SUMMARY_TP}`);
		assert.ok(hits[0].marks.includes(w), 'the new word is not marked in the snippet');
		assert.equal((await saveProfile(sec, SUMMARY_TP, { summary: originalSummary ?? '' })).status, 303);
		assert.deepEqual(await refs(w), [], 'the removed word is still found');
	});

	test('a new article is findable within a second of saving; unpublished or deleted, it disappears', async (t) => {
		if (!needSql(t))
			return;
		const w = word(4);
		const form = formOf((await sec.get('/admin/news/new')).body, '/admin/news');
		const res = await sec.post('/admin/news', withChanges(form.fields, {
			title: `검색 시험 기사 ${w}`, state: 'published', pinned_until: '',
			/* short pieces between spaces: the audit log shows the body in narrow table cells too */
			body: `첫 문단입니다.\n\n**굵은 ${w}** 와 [링크](/x) 가 있는 *본문* & <기호>.`,
		}));
		assert.equal(res.status, 303, `create: ${res.status} ${text(res.body).slice(0, 200)}`);
		const id = Number(/^\/admin\/news\/(\d+)/.exec(location(res))?.[1]);
		assert.ok(id > 0, `create: redirected to ${location(res)}`);
		articles.push(id);
		const hits = await found(w);
		assert.deepEqual(hits.map((r) => r.ref), [`news/${id}`], 'the new article is not found within a second');
		assert.equal(hits[0].href, `/news/${id}`);
		/* the snippet is the text of the article: no Markdown marks, no HTML from the stored body */
		const snippet = hits[0].snippet;
		assert.ok(snippet.includes(`굵은 ${w} 와 링크 가 있는 본문 & <기호>`), `snippet: ${snippet}`);
		assert.doesNotMatch(hits[0].snippetHtml, /<strong|<a |<em|\*\*/, 'markup in the snippet');

		const draft = await sec.submit(`/admin/news/${id}`, `/admin/news/${id}`, { state: 'draft' });
		assert.equal(draft.status, 303, `unpublish: ${draft.status}`);
		assert.deepEqual(await refs(w), [], 'a draft is found');
		const back = await sec.submit(`/admin/news/${id}`, `/admin/news/${id}`, { state: 'published' });
		assert.equal(back.status, 303);
		assert.deepEqual(await refs(w), [`news/${id}`]);
		const v = sqlValue(`SELECT version FROM news_articles WHERE id = ${id}`);
		assert.equal((await sec.post(`/admin/news/${id}/delete`, { version: v })).status, 303);
		assert.deepEqual(await refs(w), [], 'a deleted article is found');
	});
});

describe('committee meetings', () => {
	test('an agenda item is found within a second; minutes only once published; a deleted item goes', async (t) => {
		if (!needSql(t))
			return;
		const m = sql('SELECT g.id, c.slug FROM committee_meetings g JOIN committees c ON c.id = g.committee_id ' +
		    'WHERE NOT EXISTS (SELECT 1 FROM committee_minutes n WHERE n.meeting_id = g.id) ORDER BY g.id LIMIT 1')[0];
		assert.ok(m, 'no meeting without minutes to write them for');
		const id = Number(m.id);
		const me = `committees/${id}`;
		const [item, minutes] = [word(), word()];
		minutesMade.push(id);
		const add = await sec.post(`/admin/meetings/${id}/agenda`, { item_title: `안건 ${item}`, item_description: '검색 시험' });
		assert.equal(add.status, 303, `agenda: ${add.status} ${text(add.body).slice(0, 200)}`);
		const hits = await found(item);
		assert.deepEqual(hits.map((r) => r.ref), [me], 'the agenda item is not found within a second');
		assert.equal(hits[0].href, `/committees/${m.slug}/meetings/${id}`);

		const page = `/admin/meetings/${id}/minutes`;
		const draft = await sec.submit(page, page, { body: `## 회의록\n\n${minutes} 를 논의하였다.`, published: null });
		assert.equal(draft.status, 303, `minutes: ${draft.status} ${text(draft.body).slice(0, 200)}`);
		assert.deepEqual(await refs(minutes), [], 'unpublished minutes are found');
		assert.equal((await sec.submit(page, page, { published: '1' })).status, 303);
		assert.deepEqual(await refs(minutes, 'committees'), [me], 'published minutes are not found');
		assert.equal((await sec.submit(page, page, { published: null })).status, 303);
		assert.deepEqual(await refs(minutes), [], 'minutes taken back are still found');

		const row = sql(`SELECT id, version FROM committee_agenda_items WHERE meeting_id = ${id} AND title = ${lit(`안건 ${item}`)}`)[0];
		assert.equal((await sec.post(`/admin/agenda/${row.id}/delete`, { version: row.version })).status, 303);
		assert.deepEqual(await refs(item), [], 'a deleted agenda item is found');
	});
});

describe('a rolled-back save leaves the index as it was', () => {
	test('a person\'s edit that fails after its record was queued for the index: old words still found, new ones not', async (t) => {
		if (!needSql(t))
			return;
		const [n, before1, after1] = [word(), word(), word()];
		const id = await person({ name: `검색 ${n}`, title: before1 });
		assert.deepEqual(await refs(before1), [`people/${id}`]);
		refuseAudit('person', id);
		try {
			const res = await editPerson(id, { title: after1 });
			assert.ok(res.status >= 500, `the save did not fail: ${res.status}`);
		} finally {
			sql(`DROP TRIGGER IF EXISTS ${TRIGGER}`);
		}
		assert.equal(sqlValue(`SELECT title FROM people WHERE id = ${id}`), before1, 'the record changed');
		assert.deepEqual(await refs(after1), [], 'the rolled-back title is found');
		assert.deepEqual(await refs(before1), [`people/${id}`], 'the title that stayed is not found any more');
		assert.deepEqual(await refs(n), [`people/${id}`], 'the name is not found any more');
		assert.equal(sqlNumber(`SELECT COUNT(*) FROM search_docs WHERE kind = 'people' AND ref_id = ${id}`), 1);
		/* and the next save goes through as usual */
		assert.equal((await editPerson(id, { title: after1 })).status, 303);
		assert.deepEqual(await refs(after1), [`people/${id}`]);
		assert.deepEqual(await refs(before1), []);
	});

	test('a technopark\'s profile save that fails: it is found as before, the new words are not', async (t) => {
		if (!needSql(t))
			return;
		const tp = sqlRow(`SELECT id, name_ko FROM technoparks WHERE slug = ${lit(SUMMARY_TP)}`);
		const w = word(5);
		const keep = [...tp.name_ko].slice(0, 2).join('');
		const before2 = await refs(keep, 'members');
		assert.ok(before2.includes(`members/${tp.id}`), `${SUMMARY_TP} is not found by ${keep} to begin with`);
		refuseAudit('technopark', tp.id);
		try {
			const res = await saveProfile(sec, SUMMARY_TP, { summary: w });
			assert.ok(res.status >= 500, `the save did not fail: ${res.status}`);
		} finally {
			sql(`DROP TRIGGER IF EXISTS ${TRIGGER}`);
		}
		assert.equal(sqlValue(`SELECT summary FROM technoparks WHERE id = ${tp.id}`), null, 'the record changed');
		assert.deepEqual(await refs(w), [], 'the rolled-back summary is found');
		assert.deepEqual(await refs(keep, 'members'), before2, 'it is not found as before');
	});
});

describe('how words are matched and ranked', () => {
	test('spacing variants: 테마패키지 and 테마 패키지 find each other', async (t) => {
		if (!needSql(t))
			return;
		const w = word();
		const joined = await person({ name: `검색 ${word()}`, department: `${w} 테마패키지 지원` });
		const spaced = await person({ name: `검색 ${word()}`, department: `${w} 테마 패키지 지원` });
		const both = [`people/${joined}`, `people/${spaced}`].sort();
		assert.deepEqual((await refs(`테마패키지 ${w}`)).sort(), both, '테마패키지 does not find both');
		assert.deepEqual((await refs(`테마 패키지 ${w}`)).sort(), both, '테마 패키지 does not find both');
		const hits = await found(`테마패키지 ${w}`);
		const marks = hits.flatMap((r) => r.marks).filter((m) => m.startsWith('테마'));
		assert.deepEqual(marks.sort(), ['테마 패키지', '테마패키지'], 'the snippet marks are not the phrase as written');
		/* a word under four characters matches only as typed: 마패 is not in 테마 패키지 */
		assert.deepEqual((await refs(`마패 ${w}`)).sort(), [`people/${joined}`]);
	});

	test('relevance first (a title match outweighs a body match), then the newest among equals', async (t) => {
		if (!needSql(t))
			return;
		const w = word();
		const a = await person({ name: `검색 ${w} 가` });
		const b = await person({ name: `검색 ${w} 나` });
		const c = await person({ name: `검색 ${word()}`, department: w });	/* newest, but only in the body */
		await sleep(1100);
		assert.equal((await editPerson(a, { department: '갱신' })).status, 303);
		assert.deepEqual(await refs(w), [`people/${a}`, `people/${b}`, `people/${c}`]);
		await sleep(1100);
		assert.equal((await editPerson(b, { department: '갱신' })).status, 303);
		assert.deepEqual(await refs(w), [`people/${b}`, `people/${a}`, `people/${c}`]);
	});

	test('attack strings stored in a record come back inert in the title and the snippet', async (t) => {
		if (!needSql(t))
			return;
		const w = word();
		/* short pieces between spaces: the audit log shows them in narrow table cells too */
		const name = `<svg onload=x> ${w}`;
		const title = `"><img src=x onerror=y> ${w}`;
		const department = `</mark> <script> z </script> ${w}`;
		const id = await person({ name, title, department });
		await indexed('the new person');
		for (const q of [w, '<script>', 'onerror=y']) {
			const { pages, results } = await searchAll(q);
			const me = results.find((r) => r.ref === `people/${id}`);
			assert.ok(me, `${q}: the person is not found`);
			for (const p of pages)
				assert.doesNotMatch(p.res.body.replace(/"[^"]*"/g, '""'), /<(script|svg|img)\b|<[a-z][^>]*\son\w+=/i,
				    `${q}: raw markup from the record in the page`);
			assert.equal(me.title, name, `${q}: the title is not the stored name as text`);
			assert.ok(me.snippet.includes(title) && me.snippet.includes(department),
			    `${q}: the snippet does not hold the stored text: ${me.snippet}`);
			for (const m of me.marks)
				assert.ok(name.includes(m) || title.includes(m) || department.includes(m), `${q}: marked ${m}`);
		}
		const script = (await searchAll('<script>')).results.find((r) => r.ref === `people/${id}`);
		assert.ok(script.marks.includes('<script>'), 'the match on <script> is not marked (as text)');
		assert.match(script.snippetHtml, /<mark>&lt;script&gt;<\/mark>/);
	});
});

describe('tpportal-admin reindex', () => {
	test('rebuilds the same index, with a progress bar on stderr, one entry a record, its sizes and tier recorded', async (t) => {
		if (!needSql(t))
			return;
		if (!adminTool()) {
			t.skip('needs TP_BUILD_DIR and STACK_DIR');
			return;
		}
		/* a first run puts right what other files changed with SQL; the second must change nothing */
		reindex();
		const queries = ['산업', '테크노파크', '데모 회의'];
		const before3 = [];
		for (const q of queries)
			before3.push(await refs(q));
		const { stdout, stderr } = reindex(['--batch', '7']);
		for (const kind of ['members', 'people', 'news', 'committees', 'about', 'bodies', 'library'])
			assert.match(stderr, new RegExp(`^${kind}\\s+\\[#+\\] 100%`, 'm'), `no finished progress bar for ${kind}:\n${stderr}`);
		const summary = /^reindexed members (\d+) people (\d+) news (\d+) committees (\d+) about (\d+) bodies (\d+) library (\d+); /m.exec(stdout);
		assert.ok(summary, `summary line: ${stdout}`);
		const want = ['SELECT COUNT(*) FROM technoparks', 'SELECT COUNT(*) FROM people WHERE visible = 1',
		    'SELECT COUNT(*) FROM news_articles WHERE listed = 1', 'SELECT COUNT(*) FROM committee_meetings',
		    'SELECT COUNT(*) FROM association', 'SELECT COUNT(*) FROM committees',
		    'SELECT COUNT(*) FROM library_documents WHERE listed = 1'].map(sqlNumber);
		assert.deepEqual(summary.slice(1, 8).map(Number), want,
		    'the rebuilt counts are not the searchable records');
		const kinds = ['members', 'people', 'news', 'committees', 'about', 'bodies', 'library'];
		for (let i = 0; i < kinds.length; i++) {
			const k = lit(kinds[i]);
			assert.equal(sqlNumber(`SELECT COUNT(*) FROM search_docs WHERE kind = ${k}`), want[i], `${kinds[i]}: not one entry a record`);
			const [size] = sql(`SELECT docs, tier_docs FROM search_sizes WHERE kind = ${k}`);
			assert.equal(Number(size?.docs), want[i], `${kinds[i]}: search_sizes.docs`);
			assert.equal(Number(size.tier_docs), sqlNumber(`SELECT COUNT(*) FROM search_docs WHERE kind = ${k} AND tier = 1 AND tier_title = title`),
			    `${kinds[i]}: search_sizes.tier_docs is not the tier`);
		}
		for (let i = 0; i < queries.length; i++)
			assert.deepEqual(await refs(queries[i]), before3[i], `${queries[i]}: the results changed`);
		assert.match(reindex(['--if-empty']).stdout, /nothing to do/, '--if-empty rebuilt an index in use');
	});
});
