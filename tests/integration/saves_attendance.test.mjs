// saves_attendance.test.mjs - the save pipeline's promises for attendance (issue 11), the record whose form
// is a line per seat rather than a record description's fields (admin/page_admin_attendance.c merges it
// line by line). The same promises saves_records.test.mjs generates for every description, with a line
// in place of a field:
//  - A changes line X while B's stale form changes line Y: both kept, no conflict page;
//  - both change X: the conflict page (409) marks X alone, with both records; nothing is saved until B
//    resolves it (choosing B's record in the line and sending it saves B's);
//  - B resubmits the conflict page unchanged: A's record stays;
//  - the same submission key twice: one change, the same answer; three POSTs with one key at once: one change.
// The meeting and its seats are its own (the business committee), so no other file's pages change.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	DEMO, L, text, tag, sqlNumber, lit, Session, formOf, location, createUser,
} from './lib_accounts.mjs';

const T = { timeout: 120_000 };
const ctx = {};
let path;
let seats;

/** The attendance form's fields with line id's state set to state (each "seat" is "<id>:<state>"). */
const setLine = (fields, changes) => fields.map(([k, v]) => {
	if (k !== 'seat')
		return [k, v];
	const id = v.split(':')[0];
	return changes[id] !== undefined ? [k, `${id}:${changes[id]}`] : [k, v];
});
const form = async (s) => {
	const page = await s.get(path);
	assert.equal(page.status, 200, `GET ${path}: ${page.status}`);
	return formOf(page.body, path).fields;
};
/** The stored state of every line, from the form as the secretariat opens it: { id: state }. */
const stored = async () => Object.fromEntries((await form(ctx.a)).filter(([k]) => k === 'seat').map(([, v]) => v.split(':')));
const changes = (mid) => sqlNumber(`SELECT COUNT(*) AS n FROM audit_changes WHERE entity = 'attendance' AND entity_id = ${lit(mid)}`);
/** A state other than now's. */
const other = (now) => ({ present: 'absent', absent: 'present' })[now] ?? 'present';

let mid;
before(async () => {
	ctx.a = await Session.signIn(DEMO.secretariat.login);
	const b = { login: `att-b-${tag()}`, password: `pw-${tag(12)}-b` };
	await createUser(ctx.a, { ...b, display_name: '출석 병합 B', role: 'secretariat' });
	ctx.b = await Session.signIn(b.login, b.password);
	/* a meeting of the business committee held two days ago, with two seats of its own */
	const day = new Date(Date.now() - 2 * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
	const made = await ctx.a.post('/admin/committees/business/meetings', { title: `출석 병합 ${tag(4)}`, date: day,
		starts: '10:00', ends: '12:00', end_date: '', place: '시험 회의실', online_url: '', status: 'held', note: '' });
	assert.equal(made.status, 303, `a held meeting: ${made.status} ${text(made.body).slice(0, 200)}`);
	mid = Number(/^\/admin\/meetings\/(\d+)/.exec(location(made))[1]);
	for (const tp of ['jeju', 'ulsan']) {
		const r = await ctx.a.post('/admin/committees/business/seats', { member: `t${sqlNumber(`SELECT id AS n FROM technoparks WHERE slug = ${lit(tp)}`)}`,
			role: 'member', term_start: '', term_end: '', note: `출석 병합 ${tag(4)}` });
		assert.equal(r.status, 303, `a seat: ${r.status}`);
	}
	path = `/admin/meetings/${mid}/attendance`;
	seats = (await form(ctx.a)).filter(([k]) => k === 'seat').map(([, v]) => v.split(':')[0]);
	assert.ok(seats.length >= 2, `two lines on the form: ${seats.join(' ')}`);
});

describe('attendance: a line per seat, merged three ways', () => {
	test('A changes line X, B\'s stale form changes line Y: both kept, no conflict page', T, async () => {
		const [X, Y] = seats;
		const now = await stored();
		const fa = await form(ctx.a);
		const fb = await form(ctx.b);
		const ra = await ctx.a.post(path, setLine(fa, { [X]: other(now[X]) }));
		assert.equal(ra.status, 303, `A's save: ${ra.status} ${text(ra.body).slice(0, 300)}`);
		const rb = await ctx.b.post(path, setLine(fb, { [Y]: other(now[Y]) }));
		assert.equal(rb.status, 303, `B's stale save of another line: ${rb.status} ${text(rb.body).slice(0, 300)}`);
		const after = await stored();
		assert.deepEqual([after[X], after[Y]], [other(now[X]), other(now[Y])], 'both lines kept');
	});

	test('both change line X: conflict page with X alone, nothing saved until resolved; choosing B\'s saves it', T, async () => {
		const [X, Y] = seats;
		const fa = await form(ctx.a);
		const fb = await form(ctx.b);
		const now = await stored();
		assert.equal((await ctx.a.post(path, setLine(fa, { [X]: 'absent' }))).status, 303);
		const n0 = changes(mid);
		const yb = other(now[Y]);
		const rb = await ctx.b.post(path, setLine(fb, { [X]: 'proxy', [Y]: yb }).map(([k, v], i, all) =>
			(k === 'proxy' && all[i - 2]?.[1] === `${X}:proxy` ? [k, '병합 대리인'] : [k, v])));
		assert.equal(rb.status, 409, `B's conflicting save: ${rb.status} ${text(rb.body).slice(0, 300)}`);
		const lines = [...rb.body.matchAll(/<p class="conflict-line" id="conflict-seat-(\d+)">([\s\S]*?)<\/p>/g)];
		assert.deepEqual(lines.map((m) => m[1]), [X], 'the conflict page marks line X only');
		const box = text(lines[0][2]);
		assert.ok(box.includes(L['meeting.attendance.absent']) && box.includes(L['meeting.attendance.proxy']), `both records beside it: ${box}`);
		assert.equal((await stored())[X], 'absent', 'nothing of B saved yet');
		assert.equal(changes(mid), n0, 'no audit change for the 409');
		const page = formOf(rb.body, path).fields;
		assert.ok(page.some(([k, v]) => k === 'seat' && v === `${X}:absent`), 'the stored record is chosen in the line');
		assert.ok(page.some(([k, v]) => k === 'seat' && v === `${Y}:${yb}`), 'B\'s change of the other line is on the page');
		/* B chooses their own record in line X and sends the page */
		const res = await ctx.b.post(path, setLine(page, { [X]: 'present' }));
		assert.equal(res.status, 303, `resolving: ${res.status} ${text(res.body).slice(0, 300)}`);
		const after = await stored();
		assert.deepEqual([after[X], after[Y]], ['present', yb], 'the chosen record and B\'s other line saved');
	});

	test('B resubmits the conflict page unchanged: A\'s record stays', T, async () => {
		const [X] = seats;
		const fa = await form(ctx.a);
		const fb = await form(ctx.b);
		const now = await stored();
		const xa = other(now[X]);
		assert.equal((await ctx.a.post(path, setLine(fa, { [X]: xa }))).status, 303);
		const rb = await ctx.b.post(path, setLine(fb, { [X]: '' }));
		assert.equal(rb.status, 409, `B's conflicting save: ${rb.status}`);
		const again = await ctx.b.post(path, formOf(rb.body, path).fields);
		assert.ok([200, 303].includes(again.status), `resubmitting unchanged: ${again.status}`);
		assert.equal((await stored())[X], xa, 'the colleague\'s record stays');
	});

	test('the same submission key twice: one change, the same answer', T, async () => {
		const [X] = seats;
		const f = setLine(await form(ctx.a), { [X]: other((await stored())[X]) });
		assert.ok(f.some(([k, v]) => k === 'key' && v.length === 43), 'the form carries a one-time key');
		const n0 = changes(mid);
		const r1 = await ctx.a.post(path, f);
		const r2 = await ctx.a.post(path, f);
		assert.equal(r1.status, 303);
		assert.equal(r2.status, 303, `the second POST answers the first result: ${r2.status} ${text(r2.body).slice(0, 200)}`);
		assert.equal(location(r2), location(r1));
		assert.equal(changes(mid), n0 + 1, 'one audit change');
	});

	test('three POSTs with one key at once: one change', T, async () => {
		const [, Y] = seats;
		const f = setLine(await form(ctx.a), { [Y]: other((await stored())[Y]) });
		const n0 = changes(mid);
		const rs = await Promise.all([ctx.a.post(path, f), ctx.a.post(path, f), ctx.a.post(path, f)]);
		assert.deepEqual(rs.map((r) => r.status), [303, 303, 303], 'each answers the one save');
		assert.equal(changes(mid), n0 + 1, 'one audit change');
	});
});
