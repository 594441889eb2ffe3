// committees_rules.test.mjs - the rules of committee records (issue 12, item 3) and the meeting form's dates,
// times and address (item 5), with the text slips of item 11 that the committee pages show:
// - attendance, minutes and resolutions only once a meeting has started (or is marked held), every mistake
//   of a form at once (422, each message beside its field, the values kept);
// - votes for + against + abstain no more than the members present (a proxy votes for its seat);
// - a meeting's state follows its times: "held" is refused for a meeting still ahead, "planned" for one
//   that is over; rows already stored that break a rule are listed on the committee's admin page, unchanged;
// - the meeting form takes 2027-06-15, 2027/06/15 and 2027.06.15, date and time inputs, and gives an address
//   typed without https:// back with it for the user to confirm;
// - an online meeting without a room reads 온라인 with its link, not 장소 미정; the 총회 has its seats; the
//   committee descriptions differ and restate the source.
//
// Like committees_admin.test.mjs, everything that writes happens in the business committee (사업위원회).

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { L, data, get, section } from './lib.mjs';
import {
	Session, DEMO, HAVE_SQL, text, tag, formOf, withChanges, formErrors, location, needSql, sql, sqlValue,
} from './lib_accounts.mjs';

const C = 'business';
const STAFF_PERSON = data.people.find((p) => p.email === 'demo.choi01@example.org');
/* a day in Korean time, days from today */
const day = (days) => new Date(Date.now() + days * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);

let sec;

before(async () => {
	sec = await Session.signIn(DEMO.secretariat.login);
	/* a seat that holds on the days below, whatever the other tests did */
	const res = await sec.post(`/admin/committees/${C}/seats`, { member: `p${STAFF_PERSON.id}`, role: 'member', term_start: '2025-01-01', term_end: '', note: '' });
	assert.equal(res.status, 303, `seat: ${res.status}`);
});

const meeting = (over = {}) => ({
	title: `규칙 시험 ${tag(4)}`, date: day(700), starts: '14:00', ends: '16:00', end_date: '', place: '시험 회의실',
	online_url: '', status: 'planned', note: '', ...over,
});

/** Create a meeting of the business committee; returns its id. */
async function newMeeting(over = {}) {
	const res = await sec.post(`/admin/committees/${C}/meetings`, meeting(over));
	assert.equal(res.status, 303, `create meeting: ${res.status} ${text(res.body).slice(0, 400)}`);
	const id = Number(/^\/admin\/meetings\/(\d+)\?done=created$/.exec(location(res))?.[1]);
	assert.ok(id > 0);
	return id;
}

const field = (body, action, name) => formOf(body, action).fields.find(([k]) => k === name)?.[1];

describe('the meeting form: dates, times, the address, the state', () => {
	const action = `/admin/committees/${C}/meetings`;

	test('2027/06/15 and 2027.06.15 are taken and stored as 2027-06-15; 9:30 and 14:00:00 as 09:30 and 14:00', async () => {
		for (const typed of [day(710).replaceAll('-', '/'), day(711).replaceAll('-', '.')]) {
			const id = await newMeeting({ date: typed, starts: '9:30', ends: '14:00:00' });
			const page = await sec.get(`/admin/meetings/${id}`);
			assert.equal(field(page.body, `/admin/meetings/${id}`, 'date'), typed.replace(/[/.]/g, '-'), typed);
			assert.equal(field(page.body, `/admin/meetings/${id}`, 'starts'), '09:30');
			assert.equal(field(page.body, `/admin/meetings/${id}`, 'ends'), '14:00');
		}
	});

	test('date and time inputs; a field that came back wrong is text, with the value as typed', async () => {
		const page = await sec.get(`/admin/committees/${C}/meetings/new`);
		assert.match(page.body, /<input type="date" id="f-date" name="date"/);
		assert.match(page.body, /<input type="time" id="f-starts" name="starts"/);
		assert.match(page.body, /<input type="time" id="f-ends" name="ends"/);
		assert.match(page.body, /<input type="date" id="f-end_date" name="end_date"/);
		const bad = await sec.post(action, meeting({ date: '2027-13-45' }));
		assert.equal(bad.status, 422);
		assert.match(bad.body, /<input type="text" id="f-date" name="date"[^>]*value="2027-13-45"/);
	});

	test('every mistake at once: a bad date does not hide an end before the start', async () => {
		const res = await sec.post(action, meeting({ title: '', date: '2027-13-45', starts: '15:00', ends: '14:00' }));
		assert.equal(res.status, 422);
		assert.deepEqual(formErrors(res.body).summary, ['title', 'date', 'ends']);
		assert.equal(field(res.body, action, 'place'), '시험 회의실', 'the values are kept');
	});

	test('"held" for a meeting still ahead and "planned" for one that is over are refused, beside the state', async () => {
		let res = await sec.post(action, meeting({ status: 'held' }));
		assert.equal(res.status, 422);
		assert.deepEqual(Object.keys(formErrors(res.body).fields), ['status']);
		assert.ok(text(res.body).includes(L['committee_admin.err_held_future']));
		res = await sec.post(action, meeting({ date: day(-3), status: 'planned' }));
		assert.equal(res.status, 422);
		assert.deepEqual(Object.keys(formErrors(res.body).fields), ['status']);
		assert.ok(text(res.body).includes(L['committee_admin.err_planned_past']));
		/* over and held, or over and cancelled: fine */
		await newMeeting({ date: day(-3), status: 'held' });
		await newMeeting({ date: day(-3), status: 'cancelled' });
	});

	test('an address without https:// comes back with it, in the field, for the user to confirm; then it is stored', async () => {
		const page = await sec.get(`/admin/committees/${C}/meetings/new`);
		assert.doesNotMatch(page.body, /<input type="url" id="f-online_url"/, 'a url input would refuse www.… in the browser');
		const sent = meeting({ online_url: 'meet.example.org/rules-test' });
		const res = await sec.post(action, sent);
		assert.equal(res.status, 422);
		assert.equal(field(res.body, action, 'online_url'), 'https://meet.example.org/rules-test');
		assert.ok(text(res.body).includes(L['form.url_fixed']));
		const again = await sec.post(action, withChanges(formOf(res.body, action).fields, {}));
		assert.equal(again.status, 303, text(again.body).slice(0, 300));
		const id = Number(/^\/admin\/meetings\/(\d+)/.exec(location(again))?.[1]);
		assert.equal(field((await sec.get(`/admin/meetings/${id}`)).body, `/admin/meetings/${id}`, 'online_url'),
		    'https://meet.example.org/rules-test');
		/* no guess for what is no address */
		const ftp = await sec.post(action, meeting({ online_url: 'ftp://x.kr' }));
		assert.equal(ftp.status, 422);
		assert.equal(field(ftp.body, action, 'online_url'), 'ftp://x.kr');
	});
});

describe('records only once a meeting has started; votes within the members present', () => {
	let ahead, held;

	before(async () => {
		ahead = await newMeeting({ date: day(720) });
		held = await newMeeting({ date: day(-2), status: 'held' });
		for (const id of [ahead, held]) {
			const res = await sec.post(`/admin/meetings/${id}/agenda`, { item_title: '결산 승인의 건', item_description: '' });
			assert.equal(res.status, 303);
		}
	});

	const itemOf = async (id) => Number(/href="\/admin\/agenda\/(\d+)"/.exec((await sec.get(`/admin/meetings/${id}`)).body)?.[1]);

	test('attendance for a meeting still ahead: 422 with the rule, the states kept; the form says so before', async () => {
		const page = await sec.get(`/admin/meetings/${ahead}/attendance`);
		assert.ok(text(page.body).includes(L['committee_admin.not_started_note']));
		const fields = formOf(page.body, `/admin/meetings/${ahead}/attendance`).fields
			.map(([k, v]) => (k === 'seat' ? [k, `${v.split(':')[0]}:present`] : [k, v]));
		const res = await sec.post(`/admin/meetings/${ahead}/attendance`, fields);
		assert.equal(res.status, 422);
		assert.deepEqual(formErrors(res.body).summary, ['meeting']);
		assert.match(res.body, /<p class="field-error" id="f-meeting">/);
		assert.match(res.body, /<option value="\d+:present" selected>/, 'the chosen states are kept');
	});

	test('minutes and a resolution for a meeting still ahead: 422 with the rule, the text kept', async () => {
		const min = await sec.post(`/admin/meetings/${ahead}/minutes`, { version: '0', body: '미리 쓴 회의록' });
		assert.equal(min.status, 422);
		assert.deepEqual(formErrors(min.body).summary, ['meeting']);
		assert.ok(min.body.includes('>미리 쓴 회의록</textarea>'));
		const item = await itemOf(ahead);
		const res = await sec.post(`/admin/meetings/${ahead}/resolutions`, { agenda_item_id: String(item), body: '미리 가결',
			outcome: 'adopted', votes_for: '25', votes_against: '', votes_abstain: '' });
		assert.equal(res.status, 422);
		/* both rules at once: the votes beside their field, the meeting's after */
		assert.deepEqual(formErrors(res.body).summary, ['votes_for', 'meeting']);
		assert.ok(res.body.includes('>미리 가결</textarea>'));
	});

	test('votes for + against + abstain beyond the members present (proxies count) are refused beside the votes', async () => {
		const page = await sec.get(`/admin/meetings/${held}/attendance`);
		const fields = formOf(page.body, `/admin/meetings/${held}/attendance`).fields;
		const seats = fields.filter(([k]) => k === 'seat').map(([, v]) => Number(v.split(':')[0]));
		assert.ok(seats.length >= 1);
		/* the first seat by proxy (the "proxy" after its "seat" holds the name), the rest absent: one member present */
		let n = 0;
		const withProxy = fields.map(([k, v]) => {
			if (k === 'seat')
				return [k, `${v.split(':')[0]}:${n++ === 0 ? 'proxy' : 'absent'}`];
			if (k === 'proxy')
				return [k, n === 1 ? '대리 시험인' : ''];
			return [k, v];
		});
		const saved = await sec.post(`/admin/meetings/${held}/attendance`, withProxy);
		assert.equal(saved.status, 303, text(saved.body).slice(0, 300));
		const item = await itemOf(held);
		const over = await sec.post(`/admin/meetings/${held}/resolutions`, { agenda_item_id: String(item), body: '과다 의결',
			outcome: 'adopted', votes_for: '25', votes_against: '0', votes_abstain: '0' });
		assert.equal(over.status, 422);
		assert.deepEqual(Object.keys(formErrors(over.body).fields), ['votes_for']);
		assert.ok(text(over.body).includes(L['committee_admin.err_over_present']));
		assert.equal(field(over.body, `/admin/meetings/${held}/resolutions`, 'votes_for'), '25', 'the value is kept');
		const ok = await sec.post(`/admin/meetings/${held}/resolutions`, { agenda_item_id: String(item), body: '알맞은 의결',
			outcome: 'adopted', votes_for: '1', votes_against: '0', votes_abstain: '0' });
		assert.equal(ok.status, 303, text(ok.body).slice(0, 300));
	});
});

describe('stored rows that break a rule are listed for the secretariat, not changed', () => {
	test('a planned meeting moved into the past and a vote count over the members present', async (t) => {
		if (!needSql(t))
			return;
		const planned = await newMeeting({ date: day(730) });
		const title = `지난 예정 회의 ${tag(4)}`;
		sql(`UPDATE committee_meetings SET title = '${title}', starts_at = NOW() - INTERVAL 3 DAY, ends_at = NOW() - INTERVAL 3 DAY + INTERVAL 2 HOUR WHERE id = ${planned}`);
		const page = await sec.get(`/admin/committees/${C}`);
		assert.equal(page.status, 200);
		const rules = section(page.body, 'rules-h');
		assert.ok(rules, 'no list of rows that break a rule');
		const row = [...rules.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1])).find((r) => r.includes(title));
		assert.ok(row?.includes(L['committee_rules.rules.planned_past']), `the row: ${row}`);
		assert.match(rules, new RegExp(`href="/admin/meetings/${planned}"`));
		/* listed, not changed */
		assert.equal(sqlValue(`SELECT status FROM committee_meetings WHERE id = ${planned}`), 'planned');
		const form = await sec.get(`/admin/meetings/${planned}`);
		assert.equal(field(form.body, `/admin/meetings/${planned}`, 'status'), 'planned');
	});
});

describe('text slips on the committee pages (item 11)', () => {
	test('an online meeting without a room reads 온라인 with its link, not 장소 미정', async () => {
		const id = await newMeeting({ date: day(-4), status: 'held', place: '', online_url: 'https://meet.example.org/held-online' });
		const page = await get(`/committees/${C}/meetings/${id}`);
		const where = /<dt>[^<]*<\/dt><dd>([\s\S]*?)<\/dd>/g;
		const facts = [...page.body.matchAll(where)].map((m) => m[0]).find((d) => d.includes(`<dt>${L['committee.where']}</dt>`));
		assert.ok(facts, 'no place on the page');
		assert.ok(!text(facts).includes(L['committee.place_unknown']), text(facts));
		assert.ok(text(facts).includes(L['committee.online']));
		assert.match(facts, /href="https:\/\/meet\.example\.org\/held-online"/);
	});

	test('총회 has a seat for each member technopark; every description is its own', async () => {
		const page = await get('/committees/general-assembly');
		assert.equal(page.status, 200);
		assert.ok(!text(page.body).includes(`${L['committee.seats_now']} 0`), 'the general assembly shows no members');
		const seen = new Map();
		for (const c of data.committees) {
			assert.ok(!seen.has(c.purpose), `${c.slug} has the description of ${seen.get(c.purpose)}`);
			seen.set(c.purpose, c.slug);
			assert.ok(!c.purpose.includes('회의체의 하나.'), `${c.slug}: the placeholder`);
		}
		const has = (slug, ...words) => words.forEach((w) => assert.ok(data.committees.find((c) => c.slug === slug).purpose.includes(w), `${slug}: ${w}`));
		has('general-assembly', '원장', '심의', '의결');
		has('board', '원장', '심의', '의결');
		has('directors', '원장', '정보', '현안');
		has('working', '정책', '정보');
		has('business', '정책', '정보');
	});
});

if (!HAVE_SQL)
	console.log('# committees_rules: the listing test needs SQL (TP_STACK)');
