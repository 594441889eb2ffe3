// seed_demo.test.mjs - demo data is marked by construction (issue 20): what a demo account writes (news,
// people) is demo and badged wherever it shows, what a real account writes is not; a seat attached to a demo
// person is demo (sql/018_seed_facts.sql's triggers); a count that includes demo rows says how many; in a
// demo meeting every row of a real technopark (attendance) and every vote is badged on its own row. And a
// seed fact's "2020년 기사 기준" ends when someone edits the fact (src/model/people.c, profile.c).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { L, data, get, text, section, element, all, definitions, peopleRows, assertHtmlPage } from './lib.mjs';
import {
	DEMO, Session, exclusive, sql, sqlRow, sqlNumber, needSql, HAVE_SQL, tag, lit, createUser, location, saveProfile,
} from './lib_accounts.mjs';
import { asOf } from './seed_marks.mjs';
import { newsItems, postMultipart } from './news_lib.mjs';
import { seatsOn, holder, todayKST, committee, attendanceOf, resolutionsOf, meeting } from './committees_lib.mjs';

let release = null;
const S = {};
const made = { news: [], people: [], users: [] };
const TP = 'chungnam';

async function postNews(s, title) {
	const res = await postMultipart('/admin/news', [['title', title], ['category', 'notice'], ['state', 'published'],
	    ['pinned_until', ''], ['body', '본문'], ['publisher', TP]], [], { session: s });
	assert.equal(res.status, 303, `${s.login}: post news: ${res.status} ${text(res.body).slice(0, 200)}`);
	const id = Number(/^\/admin\/news\/(\d+)\?done=saved$/.exec(location(res))?.[1]);
	assert.ok(id > 0, `${s.login}: redirected to ${location(res)}`);
	made.news.push(id);
	return id;
}

async function postPerson(s, name) {
	const res = await s.post(`/admin/members/${TP}/people`, { name, title: '연구원', department: '시험부', phone: '', email: '', sort: '950', visible: '1' });
	assert.equal(res.status, 303, `${s.login}: add person: ${res.status} ${text(res.body).slice(0, 200)}`);
	const id = sqlNumber(`SELECT MAX(id) FROM people WHERE name = ${lit(name)}`);
	made.people.push(id);
	return id;
}

before(async () => {
	if (!HAVE_SQL)
		return;
	release = await exclusive();
	S.demoAdmin = await Session.signIn(DEMO.chungnam.login);
	S.sec = await Session.signIn(DEMO.secretariat.login);
	/* a real account (made through /admin/users, not by tools/stack: is_demo 0) of the same technopark */
	const login = `real-${tag(6)}`, password = `pw-${tag(12)}`;
	made.users.push(await createUser(S.sec, { login, role: 'member_admin', technopark: TP, password }));
	assert.equal(sqlNumber(`SELECT is_demo FROM users WHERE login = '${login}'`), 0, 'the real account is demo');
	S.realAdmin = await Session.signIn(login, password);
});

after(() => {
	if (HAVE_SQL) {
		if (made.news.length) {
			sql(`DELETE FROM news_articles WHERE id IN (${made.news.join(',')})`);
			sql(`DELETE FROM audit_changes WHERE entity = 'news' AND entity_id IN (${made.news.join(',')})`);
			sql(`DELETE FROM search_docs WHERE kind = 'news' AND ref_id IN (${made.news.join(',')})`);
		}
		if (made.people.length) {
			sql(`DELETE FROM committee_members WHERE person_id IN (${made.people.join(',')})`);
			sql(`DELETE FROM people WHERE id IN (${made.people.join(',')})`);
			sql(`DELETE FROM audit_changes WHERE entity = 'person' AND entity_id IN (${made.people.join(',')})`);
			sql(`DELETE FROM search_docs WHERE kind = 'people' AND ref_id IN (${made.people.join(',')})`);
		}
		for (const id of made.users) {
			sql(`DELETE FROM sessions WHERE user_id = ${id}`);
			sql(`UPDATE users SET active = 0 WHERE id = ${id}`);
		}
	}
	if (release)
		release();
});

describe('what a demo account writes is demo', () => {
	test('news: a demo account\'s article carries the 데모 badge on its page and in the list; a real account\'s does not', async (t) => {
		if (!needSql(t))
			return;
		const k = tag(6);
		const demoId = await postNews(S.demoAdmin, `데모 계정의 글 ${k}`);
		const realId = await postNews(S.realAdmin, `실제 계정의 글 ${k}`);
		assert.equal(sqlNumber(`SELECT is_demo FROM news_articles WHERE id = ${demoId}`), 1, 'stored as real');
		assert.equal(sqlNumber(`SELECT is_demo FROM news_articles WHERE id = ${realId}`), 0, 'stored as demo');
		for (const [id, demo] of [[demoId, true], [realId, false]]) {
			const res = await get(`/news/${id}`);
			const html = assertHtmlPage(res, `/news/${id}`);
			assert.equal(/<span class="badge demo"/.test(element(html, 'h1')), demo, `/news/${id}: the heading's badge`);
			const item = newsItems((await get(`/news?tp=${TP}`)).body).find((i) => i.id === id) ?? assert.fail(`/news: no ${id}`);
			assert.equal(Boolean(item.demo), demo, `/news: the list's badge of ${id}`);
		}
	});

	test('people: a demo account\'s person is badged on the profile and on /people; a real account\'s is not', async (t) => {
		if (!needSql(t))
			return;
		const k = tag(5);
		const demoName = `데모작성 ${k}`, realName = `실제작성 ${k}`;
		const demoId = await postPerson(S.demoAdmin, demoName);
		const realId = await postPerson(S.realAdmin, realName);
		assert.equal(sqlNumber(`SELECT is_demo FROM people WHERE id = ${demoId}`), 1, 'stored as real');
		assert.equal(sqlNumber(`SELECT is_demo FROM people WHERE id = ${realId}`), 0, 'stored as demo');
		const profile = peopleRows((await get(`/members/${TP}`)).body);
		const list = peopleRows((await get(`/people?q=${encodeURIComponent(k)}`)).body);
		for (const rows of [profile, list]) {
			assert.equal(rows.find((r) => r.name === demoName)?.demo, L.demo, `${demoName}: no 데모 badge`);
			assert.equal(rows.find((r) => r.name === realName)?.demo, null, `${realName}: badged demo`);
		}
	});

	test('a seat attached to a demo person is demo, whoever writes it', (t) => {
		if (!needSql(t))
			return;
		const c = committee('working').id;
		const demoPerson = sqlNumber("SELECT MIN(id) FROM people WHERE is_demo = 1");
		sql(`INSERT INTO committee_members (committee_id, person_id, role, is_demo) VALUES (${c}, ${demoPerson}, 'member', 0)`);
		const id = sqlNumber(`SELECT MAX(id) FROM committee_members WHERE person_id = ${demoPerson} AND committee_id = ${c}`);
		try {
			assert.equal(sqlNumber(`SELECT is_demo FROM committee_members WHERE id = ${id}`), 1, 'a demo person\'s seat stored as real');
		} finally {
			sql(`DELETE FROM committee_members WHERE id = ${id}`);
		}
	});
});

describe('demo inside counts and records', () => {
	test('/committees: a seat count that includes demo seats says how many', async (t) => {
		if (!needSql(t))
			return;
		/* the board's and the working committee's seats are all demo (sql/demo/003_demo_committees.sql) */
		for (const slug of ['board', 'working'])
			assert.ok(seatsOn(slug, todayKST()).every((s) => s.is_demo === 1 || holder(s).person?.is_demo === 1) &&
			    seatsOn(slug, todayKST()).length > 0, `${slug}: the demo data changed`);
		const html = (await get('/committees')).body;
		const dds = all(element(html, 'dl', /class="committees"/), /<dd>([\s\S]*?)<\/dd>/g);
		const current = "(m.term_start IS NULL OR m.term_start <= CURDATE()) AND (m.term_end IS NULL OR m.term_end >= CURDATE())";
		for (const [i, slug] of ['general-assembly', 'board', 'directors', 'working', 'business'].entries()) {
			/* the seats as the database holds them now (other test files may have added some) */
			const c = committee(slug).id;
			const seats = sqlNumber(`SELECT COUNT(*) FROM committee_members m WHERE m.committee_id = ${c} AND ${current}`);
			const demo = sqlNumber(`SELECT COUNT(*) FROM committee_members m LEFT JOIN people p ON p.id = m.person_id
			    WHERE m.committee_id = ${c} AND ${current} AND (m.is_demo = 1 OR p.is_demo = 1)`);
			const note = text(/<span class="note">([\s\S]*)$/.exec(dds[i])?.[1] ?? '');
			assert.ok(note.startsWith(`${L['committee.seats_now']} ${seats}`), `${slug}: ${note}`);
			const mark = `(${L['committee.seats_demo']} ${demo} ${L['committee.seats_demo_incl']})`;
			assert.equal(note.includes(mark), demo > 0, `${slug}: "${mark}" in "${note}"`);
			if (demo === 0)
				assert.ok(!note.includes(L['committee.seats_demo_incl']), `${slug}: a demo mark without demo seats`);
			if (slug === 'board' || slug === 'working')
				assert.ok(demo > 0 && note.includes(mark), `${slug}: its demo seats not said`);
		}
	});

	test('a demo 원장단 meeting: each real technopark\'s attendance and each vote badged on its own row', async () => {
		const id = 105;
		assert.equal(meeting(id).is_demo, 1);
		const html = (await get('/committees/directors/meetings/105')).body;
		const att = all(element(section(html, 'att-h'), 'tbody'), /<tr>([\s\S]*?)<\/tr>/g);
		assert.equal(att.length, attendanceOf(id).length, 'attendance rows');
		for (const row of att)
			assert.match(row, /<span class="badge demo"/, `an attendance row without its badge: ${text(row)}`);
		const res = all(element(section(html, 'res-h'), 'tbody') ?? '', /<tr>([\s\S]*?)<\/tr>/g);
		assert.equal(res.length, resolutionsOf(id).length, 'resolution rows');
		for (const row of res)
			assert.match(row, /<span class="badge demo"/, `a vote without its badge: ${text(row)}`);
	});
});

describe('an edit ends the source\'s mark', () => {
	test('a seed person whose title is changed no longer says "2020년 기사 기준", nor the article\'s note', async (t) => {
		if (!needSql(t))
			return;
		const p = data.people.find((x) => x.name === '안완기' && x.source_id === 1) ?? assert.fail('no seed person 안완기');
		const mark = asOf(p.source_id).trim();
		const before = sqlRow(`SELECT id, title, note, source_id, version FROM people WHERE name = '안완기' AND source_id = 1`);
		const row = async () => peopleRows((await get(`/members/${p.tp.slug}`)).body).find((r) => r.name === p.name);
		const rowHtml = async () => /<th scope="row"[^>]*>안완기[\s\S]*?<\/th>/.exec((await get(`/members/${p.tp.slug}`)).body)?.[0] ?? '';
		assert.ok(text(await rowHtml()).includes(mark), 'the seed person without the mark');
		try {
			/* sort and visibility are not the source's facts: the mark stays */
			let res = await S.sec.submit(`/admin/people/${before.id}`, `/admin/people/${before.id}`, { sort: '1' });
			assert.equal(res.status, 303, `save sort: ${res.status}`);
			assert.ok(text(await rowHtml()).includes(mark), 'a change of sort ended the mark');
			res = await S.sec.submit(`/admin/people/${before.id}`, `/admin/people/${before.id}`, { title: '이사장' });
			assert.equal(res.status, 303, `save title: ${res.status}`);
			assert.equal((await row())?.title, '이사장');
			assert.ok(!text(await rowHtml()).includes(mark), 'an edited title still dated by the article');
			assert.equal((await row())?.note, null, 'the article\'s note kept on an edited person');
		} finally {
			sql(`UPDATE people SET title = ${lit(before.title)}, note = ${lit(before.note)}, source_id = ${before.source_id}, sort = 0 WHERE id = ${before.id}`);
			sql(`INSERT INTO search_queue (kind, ref_id) VALUES ('people', ${before.id})`);
		}
	});

	test('a technopark\'s summary and director edited by the secretariat lose the mark; untouched ones keep it', async (t) => {
		if (!needSql(t))
			return;
		const slug = 'gyeongnam';
		const tp = data.tpBySlug.get(slug);
		const before = sqlRow(`SELECT summary, director, director_source_id, summary_source_id FROM technoparks WHERE slug = '${slug}'`);
		const director = async () => new Map(definitions((await get(`/members/${slug}`)).body, 'facts').map(([k, v]) => [k, text(v)])).get(L['member.director']);
		assert.equal(await director(), `${tp.director}${asOf(tp.director_source_id)}`);
		try {
			let res = await saveProfile(S.sec, slug, { phone: '055-000-0000' });
			assert.equal(res.status, 303, `save phone: ${res.status}`);
			assert.equal(await director(), `${tp.director}${asOf(tp.director_source_id)}`, 'a phone edit ended the director\'s mark');
			res = await saveProfile(S.sec, slug, { director: '시험 원장' });
			assert.equal(res.status, 303, `save director: ${res.status}`);
			assert.equal(await director(), '시험 원장', 'an edited director still dated by the article');
		} finally {
			sql(`UPDATE technoparks SET summary = ${lit(before.summary)}, director = ${lit(before.director)}, phone = NULL,
			    director_source_id = ${before.director_source_id ?? 'NULL'}, summary_source_id = ${before.summary_source_id ?? 'NULL'}
			    WHERE slug = '${slug}'`);
			sql(`INSERT INTO search_queue (kind, ref_id) VALUES ('members', ${tp.id})`);
		}
	});
});
