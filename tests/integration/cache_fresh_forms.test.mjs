// cache_fresh_forms.test.mjs - issue 16's "a write shows on every page that shows it, on the very next
// request", through the admin forms, for every record type a public page shows (cache_fresh.test.mjs
// covers the technopark profile, the person and writes by hand). Pages are kept (page_cache_mb, on
// by default): each public page is asked twice before the write, so a kept copy exists, and once
// right after it, from a fresh connection, as another reader would. It writes to the business
// committee (as committees_admin.test.mjs does) on a meeting held yesterday, and puts back what it
// changes elsewhere. It runs alone (exclusive()).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, get, request, text } from './lib.mjs';
import { DEMO, Session, exclusive, formOf, location, sql, sqlValue, tag } from './lib_accounts.mjs';

const T = { timeout: 120_000 };
const C = 'business';
const yesterday = () => new Date(Date.now() - 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
let release = null, sec = null, meeting = 0;

before(async () => {
	release = await exclusive();
	sec = await Session.signIn(DEMO.secretariat.login);
});
after(() => release?.());

/** Ask each public page twice (kept), run write, then each page at once must show want (and not before). */
async function freshAfter(paths, write, want) {
	for (const p of paths) {
		const a = await get(p);
		assert.equal(a.status, 200, `${p}: ${a.status}`);
		assert.ok(!text(a.body).includes(want), `${p} shows ${want} before the write`);
		assert.equal((await get(p)).status, 200);
	}
	await write();
	for (const p of paths) {
		const res = await get(p);
		assert.equal(res.status, 200, `${p} after the write: ${res.status}`);
		assert.ok(text(res.body).includes(want), `${p} does not show ${want} on the next request`);
	}
}

/** POST through the form on pagePath (its current values, with changes): 303. Returns the Location. */
async function save(pagePath, action, changes) {
	const res = await sec.submit(pagePath, action, changes);
	assert.equal(res.status, 303, `${action}: ${res.status} ${text(res.body).slice(0, 300)}`);
	return location(res);
}

async function post303(path, fields) {
	const res = await sec.post(path, fields);
	assert.equal(res.status, 303, `${path}: ${res.status} ${text(res.body).slice(0, 300)}`);
	return location(res);
}

const meetingPage = () => `/committees/${C}/meetings/${meeting}`;

describe('a save through each admin form shows on the next request, pages kept', { concurrency: 1 }, () => {
	test('a new meeting: the committee page', T, async () => {
		const title = `캐시 회의 ${tag(5)}`;
		await freshAfter([`/committees/${C}`], async () => {
			const loc = await post303(`/admin/committees/${C}/meetings`, { title, date: yesterday(), starts: '10:00',
				ends: '11:00', end_date: '', place: '시험 회의실', online_url: '', status: 'held', note: '' });
			meeting = Number(/^\/admin\/meetings\/(\d+)/.exec(loc)?.[1]);
			assert.ok(meeting > 0, `created: ${loc}`);
		}, title);
	});

	test('a meeting edited: its page and the committee page', T, async () => {
		const title = `캐시 회의 고침 ${tag(5)}`;
		await freshAfter([meetingPage(), `/committees/${C}`],
			() => save(`/admin/meetings/${meeting}`, `/admin/meetings/${meeting}`, { title }), title);
	});

	test('an agenda item added, then edited: the meeting page', T, async () => {
		const first = `캐시 안건 ${tag(5)}`;
		await freshAfter([meetingPage()], () => post303(`/admin/meetings/${meeting}/agenda`,
			{ item_title: first, item_description: '' }), first);
		const item = sqlValue(`SELECT id FROM committee_agenda_items WHERE meeting_id = ${meeting} ORDER BY id DESC LIMIT 1`);
		const second = `캐시 안건 고침 ${tag(5)}`;
		await freshAfter([meetingPage()], () => save(`/admin/agenda/${item}`, `/admin/agenda/${item}`, { item_title: second }), second);
	});

	test('a resolution added, then edited: the meeting page and the resolutions page', T, async () => {
		const item = sqlValue(`SELECT id FROM committee_agenda_items WHERE meeting_id = ${meeting} ORDER BY id DESC LIMIT 1`);
		const body = `캐시 의결 ${tag(5)}`;
		await freshAfter([meetingPage(), `/committees/${C}/resolutions`], () => post303(`/admin/meetings/${meeting}/resolutions`,
			{ agenda_item_id: String(item), body, outcome: 'adopted', votes_for: '', votes_against: '', votes_abstain: '' }), body);
		const rid = sqlValue(`SELECT r.id FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id WHERE i.meeting_id = ${meeting} ORDER BY r.id DESC LIMIT 1`);
		const again = `캐시 의결 고침 ${tag(5)}`;
		await freshAfter([meetingPage(), `/committees/${C}/resolutions`],
			() => save(`/admin/resolutions/${rid}`, `/admin/resolutions/${rid}`, { body: again }), again);
	});

	test('a seat added, edited, removed: the committee page and its terms', T, async () => {
		const person = sqlValue("SELECT p.id FROM people p WHERE p.visible = 1 AND p.technopark_id IS NOT NULL AND NOT EXISTS " +
			`(SELECT 1 FROM committee_members m JOIN committees c ON c.id = m.committee_id WHERE c.slug = '${C}' AND m.person_id = p.id) ORDER BY p.id LIMIT 1`);
		const name = sqlValue(`SELECT name FROM people WHERE id = ${person}`);
		await freshAfter([`/committees/${C}`], () => post303(`/admin/committees/${C}/seats`,
			{ member: `p${person}`, role: 'member', term_start: '2025-01-01', term_end: '', note: '' }), name);
		const seat = sqlValue(`SELECT m.id FROM committee_members m JOIN committees c ON c.id = m.committee_id WHERE c.slug = '${C}' AND m.person_id = ${person}`);
		const note = `캐시 메모 ${tag(5)}`;
		/* a seat's note shows with every term (?history=1) */
		await freshAfter([`/committees/${C}?history=1`], () => save(`/admin/seats/${seat}`, `/admin/seats/${seat}`, { note }), note);

		const gone = await sec.submit(`/admin/seats/${seat}`, `/admin/seats/${seat}/delete`, {});
		assert.equal(gone.status, 303, `seat delete: ${gone.status}`);
		assert.ok(!text((await get(`/committees/${C}?history=1`)).body).includes(note), 'the removed seat is still on the kept page');
	});

	test('attendance marked: the meeting page', T, async () => {
		/* a seat held on the meeting's day (kept afterwards: a seat with attendance stays, as in committees_admin) */
		const tp = sqlValue("SELECT t.id FROM technoparks t WHERE NOT EXISTS (SELECT 1 FROM committee_members m " +
			`JOIN committees c ON c.id = m.committee_id WHERE c.slug = '${C}' AND m.technopark_id = t.id) ORDER BY t.id DESC LIMIT 1`);
		await post303(`/admin/committees/${C}/seats`, { member: `t${tp}`, role: 'member', term_start: '2025-01-01', term_end: '', note: '' });
		const proxy = `대리 ${tag(4)}`;
		await freshAfter([meetingPage()], async () => {
			const page = await sec.get(`/admin/meetings/${meeting}/attendance`);
			assert.equal(page.status, 200);
			const form = formOf(page.body, `/admin/meetings/${meeting}/attendance`).fields;
			const first = Number(form.find(([k]) => k === 'seat')?.[1].split(':')[0]);
			assert.ok(first > 0, 'no seat on the attendance form');
			let cur = null;
			const fields = form.map(([k, v]) => {
				if (k === 'seat') {
					cur = Number(v.split(':')[0]);
					return [k, `${cur}:${cur === first ? 'proxy' : 'present'}`];
				}
				return k === 'proxy' && cur === first ? [k, proxy] : [k, v];
			});
			await post303(`/admin/meetings/${meeting}/attendance`, fields);
		}, proxy);
	});

	test('minutes published: the meeting page', T, async () => {
		const body = `캐시 회의록 ${tag(5)}`;
		await freshAfter([meetingPage()], () => save(`/admin/meetings/${meeting}/minutes`, `/admin/meetings/${meeting}/minutes`,
			{ body, published: '1' }), body);
	});

	test('a document uploaded, then removed: the meeting page', T, async () => {
		const name = `캐시자료-${tag(5)}.pdf`;
		await freshAfter([meetingPage()], async () => {
			const fd = new FormData();
			fd.append('csrf', await sec.token());
			fd.append('attachment', new Blob([`%PDF-1.4\n% cache ${tag(8)}\n%%EOF\n`], { type: 'application/pdf' }), name);
			const res = await request(`/admin/meetings/${meeting}/documents`, { method: 'POST', body: fd, retry: false,
				headers: { Cookie: `tp_session=${sec.cookie}`, Origin: BASE } });
			assert.equal(res.status, 303, `upload: ${res.status}`);
		}, name);
		const fid = sqlValue(`SELECT id FROM attachments WHERE owner_type = 'meeting' AND owner_id = ${meeting} ORDER BY id DESC LIMIT 1`);
		assert.ok(text((await get(meetingPage())).body).includes(name));
		assert.equal((await sec.post(`/admin/meetings/${meeting}/documents/${fid}/delete`, {})).status, 303);
		assert.ok(!text((await get(meetingPage())).body).includes(name), 'the removed document is still on the kept page');
	});

	test('a news article retitled: the article, the board and the home page', T, async () => {
		const id = sqlValue("SELECT a.id FROM news_articles a JOIN news_categories c ON c.id = a.category_id " +
			"WHERE a.listed = 1 AND c.slug = 'notice' ORDER BY a.published_at DESC, a.id DESC LIMIT 1");
		const old = sqlValue(`SELECT title FROM news_articles WHERE id = ${id}`);
		const title = `캐시 공지 ${tag(5)}`;
		try {
			await freshAfter([`/news/${id}`, '/news', '/', '/news.atom'],
				() => save(`/admin/news/${id}`, `/admin/news/${id}`, { title }), title);
		} finally {
			await save(`/admin/news/${id}`, `/admin/news/${id}`, { title: old });
		}
		assert.ok(!text((await get(`/news/${id}`)).body).includes(title));
	});

	test('a library document retitled: its page, the board, the feed and its technopark\'s profile', T, async () => {
		const id = sqlValue("SELECT d.id FROM library_documents d JOIN technoparks t ON t.id = d.technopark_id " +
		    "WHERE d.listed = 1 AND d.audience = 'public' ORDER BY d.id LIMIT 1");
		const slug = sqlValue(`SELECT t.slug FROM library_documents d JOIN technoparks t ON t.id = d.technopark_id WHERE d.id = ${id}`);
		const old = sqlValue(`SELECT title FROM library_documents WHERE id = ${id}`);
		const title = `캐시 자료 ${tag(5)}`;
		try {
			await freshAfter([`/library/${id}`, '/library', '/library.atom', `/members/${slug}`],
				() => save(`/admin/library/${id}`, `/admin/library/${id}`, { title }), title);
		} finally {
			await save(`/admin/library/${id}`, `/admin/library/${id}`, { title: old });
		}
		assert.ok(!text((await get(`/library/${id}`)).body).includes(title));
	});

	test('a library kind renamed (reference data): the board and a document page', T, async () => {
		const kind = sqlValue("SELECT id FROM library_kinds WHERE slug = 'report'");
		const doc = sqlValue("SELECT d.id FROM library_documents d JOIN library_kinds k ON k.id = d.kind_id " +
		    "WHERE k.slug = 'report' AND d.listed = 1 AND d.audience = 'public' ORDER BY d.id LIMIT 1");
		const old = sqlValue(`SELECT name_ko FROM library_kinds WHERE id = ${kind}`);
		const name = `캐시종류${tag(4)}`;
		try {
			await freshAfter(['/library', `/library/${doc}`],
				() => save(`/admin/library/kinds/${kind}`, `/admin/library/kinds/${kind}`, { name_ko: name }), name);
		} finally {
			await save(`/admin/library/kinds/${kind}`, `/admin/library/kinds/${kind}`, { name_ko: old });
		}
	});

	test('network figures of a year: /stats and /stats.csv', T, async () => {
		const year = sqlValue('SELECT year FROM network_figures WHERE tenant_companies IS NOT NULL ORDER BY year DESC LIMIT 1');
		const old = sqlValue(`SELECT tenant_companies FROM network_figures WHERE year = ${year}`);
		const src = sqlValue(`SELECT source_id FROM network_figures WHERE year = ${year}`);
		const want = String(Number(old) + 7);
		const fmt = Number(want).toLocaleString('en-US');
		try {
			for (const [p, w] of [['/stats', fmt], ['/stats.csv', want]]) {
				const a = await get(p);
				assert.ok(!a.body.includes(w), `${p} shows ${w} before`);
			}
			await get('/stats');
			await get('/stats.csv');
			await save(`/admin/stats/${year}`, `/admin/stats/${year}`, { companies: want });
			assert.ok(text((await get('/stats')).body).includes(fmt), `/stats does not show ${fmt} on the next request`);
			assert.ok((await get('/stats.csv')).body.includes(want), `/stats.csv does not show ${want} on the next request`);
		} finally {
			await save(`/admin/stats/${year}`, `/admin/stats/${year}`, { companies: String(old) });
			/* a save through the form makes the secretariat the row's source, and the demo secretariat's numbers
			 * demo data (sql/046); the seed's value is back, so are its source and its mark */
			sql(`UPDATE network_figures SET is_demo = 0${src !== null ? `, source_id = ${Number(src)}` : ''} WHERE year = ${year}`);
		}
	});
});
