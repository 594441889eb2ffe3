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
	decide, submittedRequestId, sqlValue, DB_NOW,
} from './lib_accounts.mjs';
import { asOf } from './seed_marks.mjs';
import { newsItems, postMultipart } from './news_lib.mjs';
import { seatsOn, holder, todayKST, committee, attendanceOf, resolutionsOf, meeting } from './committees_lib.mjs';

let release = null;
const S = {};
const made = { news: [], people: [], users: [], meetings: [], seats: [] };
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
	/* a real secretariat account, likewise */
	const sl = `realsec-${tag(6)}`;
	made.users.push(await createUser(S.sec, { login: sl, role: 'secretariat', password }));
	S.realSec = await Session.signIn(sl, password);
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
		for (const id of made.meetings) {
			sql(`DELETE FROM committee_meetings WHERE id = ${id}`);
			sql(`DELETE FROM search_docs WHERE kind = 'committees' AND ref_id = ${id}`);
		}
		for (const id of made.seats)
			sql(`DELETE FROM committee_members WHERE id = ${id}`);
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

describe('what a demo account makes or asks for stays demo', () => {
	test('a meeting scheduled by a demo account is demo (and keeps its author); a real account\'s is not', async (t) => {
		if (!needSql(t))
			return;
		const day = new Date(Date.now() + 800 * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
		const ids = {};
		for (const [who, s] of [['demo', S.sec], ['real', S.realSec]]) {
			const title = `작성자 시험 회의 ${who} ${tag(4)}`;
			const res = await s.post('/admin/committees/business/meetings', {
				title, date: day, starts: '14:00', ends: '16:00', end_date: '', place: '시험실', online_url: '', status: 'planned', note: '',
			});
			assert.equal(res.status, 303, `${who}: creating the meeting: ${res.status} ${text(res.body).slice(0, 200)}`);
			ids[who] = Number(/^\/admin\/meetings\/(\d+)\?done=created$/.exec(location(res))[1]);
			made.meetings.push(ids[who]);
		}
		assert.equal(sqlNumber(`SELECT is_demo FROM committee_meetings WHERE id = ${ids.demo}`), 1, 'a demo account\'s meeting stored as real');
		assert.equal(sqlNumber(`SELECT is_demo FROM committee_meetings WHERE id = ${ids.real}`), 0, 'a real account\'s meeting stored as demo');
		assert.equal(sqlNumber(`SELECT created_by FROM committee_meetings WHERE id = ${ids.demo}`), sqlNumber(`SELECT id FROM users WHERE login = '${DEMO.secretariat.login}'`));
		for (const [who, demo] of [['demo', true], ['real', false]]) {
			const html = assertHtmlPage(await get(`/committees/business/meetings/${ids[who]}`), `meeting ${who}`);
			assert.equal(/<span class="badge demo"/.test(element(html, 'h1')), demo, `${who}: the heading's 데모 badge`);
		}
	});

	test('a committee seat a demo account gives a real technopark is demo', async (t) => {
		if (!needSql(t))
			return;
		const tpId = sqlNumber(`SELECT id FROM technoparks WHERE slug = '${TP}'`);
		const before = sqlNumber('SELECT COALESCE(MAX(id), 0) FROM committee_members');
		const res = await S.sec.post('/admin/committees/business/seats', { member: `t${tpId}`, role: 'member', term_start: '', term_end: '', note: '' });
		assert.equal(res.status, 303, `adding the seat: ${res.status} ${text(res.body).slice(0, 200)}`);
		const id = sqlNumber(`SELECT MAX(id) FROM committee_members WHERE technopark_id = ${tpId} AND id > ${before}`);
		made.seats.push(id);
		assert.equal(sqlNumber(`SELECT is_demo FROM committee_members WHERE id = ${id}`), 1, 'a demo account\'s seat of a real technopark stored as real');
	});

	test('a demo member admin\'s profile change approved by a real secretariat stays demo; a real admin\'s approved value ends the mark', async (t) => {
		if (!needSql(t))
			return;
		const before = sqlRow(`SELECT website, demo_fields FROM technoparks WHERE slug = '${TP}'`);
		const note = async () => text(/<p class="note demo-fields">([\s\S]*?)<\/p>/.exec((await get(`/members/${TP}`)).body)?.[1] ?? '');
		try {
			sql(`UPDATE technoparks SET demo_fields = '' WHERE slug = '${TP}'`);
			assert.equal(await note(), '', 'a profile without demo values shows the demo note');
			const site = `https://demo-${tag(6)}.example.org/`;
			let res = await saveProfile(S.demoAdmin, TP, { website: site });
			assert.equal(res.status, 303, `the demo admin's request: ${res.status}`);
			assert.equal((await decide(S.realSec, submittedRequestId(res), 'approve')).status, 303, 'approving');
			assert.equal(sqlValue(`SELECT website FROM technoparks WHERE slug = '${TP}'`), site, 'not applied');
			assert.equal(sqlValue(`SELECT demo_fields FROM technoparks WHERE slug = '${TP}'`), 'website', 'the demo admin\'s approved value stored as real');
			assert.equal(await note(), `${L.demo} ${L['member.demo_fields']} ${L['field.website']}`, 'the profile does not say which field is demo');
			const real = `https://real-${tag(6)}.example.org/`;
			res = await saveProfile(S.realAdmin, TP, { website: real });
			assert.equal(res.status, 303, `the real admin's request: ${res.status}`);
			assert.equal((await decide(S.realSec, submittedRequestId(res), 'approve')).status, 303, 'approving');
			assert.equal(sqlValue(`SELECT demo_fields FROM technoparks WHERE slug = '${TP}'`), '', 'a real value kept the demo mark');
			assert.equal(await note(), '', 'the demo note stayed');
		} finally {
			sql(`UPDATE technoparks SET website = ${lit(before.website)}, demo_fields = ${lit(before.demo_fields)} WHERE slug = '${TP}'`);
			sql(`INSERT INTO search_queue (kind, ref_id) SELECT 'members', id FROM technoparks WHERE slug = '${TP}'`);
		}
	});
});

describe('demo inside counts and records', () => {
	test('/search: a count that includes demo results says how many', async (t) => {
		if (!needSql(t))
			return;
		const k = `검색데모${tag(4)}`;
		await postPerson(S.demoAdmin, `${k} 가`);
		await postPerson(S.realAdmin, `${k} 나`);
		const page = (await get(`/search?q=${encodeURIComponent(k)}`)).body;
		const status = text(/<p class="count" role="status">([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '');
		const mark = `(${L['committee.seats_demo']} 1${L['search.unit']} ${L['committee.seats_demo_incl']})`;
		assert.ok(status.includes(`2${L['search.unit']} ${mark}`), `the result count: ${status}`);
		const nav = element(page, 'nav', /class="types"/);
		const link = (label) => text(all(nav, /<li>([\s\S]*?)<\/li>/g).find((li) => text(li).startsWith(label)) ?? '');
		assert.equal(link(L['search.all']), `${L['search.all']} (2) ${mark}`);
		assert.equal(link(L['search.kind.people']), `${L['search.kind.people']} (2) ${mark}`);
		assert.equal(link(L['search.kind.news']), `${L['search.kind.news']} (0)`, 'a count without demo results says it has some');
	});

	test('the demo 원장단 minutes and agenda decide nothing: no 의결, no resolution, no vote', async (t) => {
		if (!needSql(t))
			return;
		const meetings = sql("SELECT g.id FROM committee_meetings g JOIN committees c ON c.id = g.committee_id WHERE c.slug = 'directors' AND g.is_demo = 1");
		assert.ok(meetings.length > 0, 'no demo 원장단 meeting');
		assert.equal(sqlNumber("SELECT COUNT(*) FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id " +
		    "JOIN committee_meetings g ON g.id = i.meeting_id JOIN committees c ON c.id = g.committee_id WHERE c.slug = 'directors' AND g.is_demo = 1"), 0,
		    'a demo 원장단 meeting records a resolution');
		for (const { id } of meetings) {
			const minutes = sqlValue(`SELECT body_md FROM committee_minutes WHERE meeting_id = ${id}`) ?? '';
			assert.ok(!/의결하였|의결했|가결|부결/.test(minutes), `meeting ${id}: the minutes say the council decided: ${minutes}`);
			const html = (await get(`/committees/directors/meetings/${id}`)).body;
			assert.ok(!/의결하였|의결했|가결|부결/.test(text(element(html, 'main') ?? html)), `the page of meeting ${id} says the council decided`);
		}
	});

	test('/committees: a seat count that includes demo seats says how many', async (t) => {
		if (!needSql(t))
			return;
		/* the board's and the working committee's seats are all demo (sql/demo/003_demo_committees.sql) */
		for (const slug of ['board', 'working'])
			assert.ok(seatsOn(slug, todayKST()).every((s) => s.is_demo === 1 || holder(s).person?.is_demo === 1) &&
			    seatsOn(slug, todayKST()).length > 0, `${slug}: the demo data changed`);
		const html = (await get('/committees')).body;
		const dds = all(element(html, 'dl', /class="committees"/), /<dd>([\s\S]*?)<\/dd>/g);
		/* the portal's day (its connections are at +09:00), not the test client's: they differ 15:00-24:00 UTC */
		const current = `(m.term_start IS NULL OR m.term_start <= DATE(${DB_NOW})) AND (m.term_end IS NULL OR m.term_end >= DATE(${DB_NOW}))`;
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
