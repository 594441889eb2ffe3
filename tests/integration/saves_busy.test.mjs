// test-lane: alone (tools/lib/suites.sh: after the lanes, with no other file running)
// saves_busy.test.mjs - a save that meets a row another session holds (issue 11): the pipeline runs its
// transaction again when MariaDB answers a lock wait timeout (1205) or a deadlock (1213), and when it is busy
// every time, answers 429 with the form and everything typed in it, never an error page.
//
// The other session is a mariadb client of the instance (its migrate account), as a colleague's long
// transaction or a maintenance script would be: it locks the person's row, and the portal's save waits on it
// (innodb_lock_wait_timeout of the portal's connections: store/db.h DB_LOCK_WAIT, 5 s).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
	DEMO, L, text, tag, HAVE_SQL, sqlNumber, lit, Session, formOf, withChanges, location, createPerson,
} from './lib_accounts.mjs';

const LOCK_WAIT = 5;		/* seconds: store/db.h DB_LOCK_WAIT */
const ATTEMPTS = 4;		/* admin/save.h SAVE_ATTEMPTS */
const STACK_DIR = process.env.STACK_DIR;
const T = { timeout: 180_000 };

/** A mariadb client session of the instance: say(sql) runs statements and resolves when they are done. */
function client() {
	const cli = spawn('mariadb', [`--defaults-file=${STACK_DIR}/secrets/migrate.cnf`, '--batch', '--unbuffered',
		'--skip-column-names'], { stdio: ['pipe', 'pipe', 'pipe'] });
	let out = '', err = '', n = 0;
	cli.stdout.on('data', (d) => { out += d; });
	cli.stderr.on('data', (d) => { err += d; });
	return {
		say(sql) {
			const mark = `done-${++n}`;
			cli.stdin.write(`${sql};\nSELECT '${mark}';\n`);
			return new Promise((resolve, reject) => {
				const started = Date.now();
				const poll = setInterval(() => {
					if (out.includes(mark)) {
						clearInterval(poll);
						resolve(out);
					} else if (err !== '' || Date.now() - started > 60_000) {
						clearInterval(poll);
						reject(new Error(`mariadb client: ${err || 'no answer'}`));
					}
				}, 20);
			});
		},
		end() {
			cli.stdin.end();
			cli.kill();
		},
	};
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let sec, id, path;

before(async () => {
	assert.ok(HAVE_SQL && STACK_DIR, 'needs TP_STACK and STACK_DIR (the instance\'s database)');
	sec = await Session.signIn(DEMO.secretariat.login);
	id = await createPerson(sec, 'chungnam', { name: `잠금 시험 ${tag(4)}`, title: '시험', visible: '1' });
	path = `/admin/people/${id}`;
});
after(async () => {
	const p = await sec.get(path);
	if (p.status === 200)
		await sec.post(`${path}/delete`, formOf(p.body, `${path}/delete`).fields);
});

const form = async () => formOf((await sec.get(path)).body, path).fields;
const changes = () => sqlNumber(`SELECT COUNT(*) AS n FROM audit_changes WHERE entity = 'person' AND entity_id = ${lit(id)}`);

test('a row held past one lock wait: the save runs again and is stored once the row is free', T, async () => {
	const other = client();
	try {
		await other.say(`BEGIN; SELECT id FROM people WHERE id = ${lit(id)} FOR UPDATE`);
		const n0 = changes();
		const want = `기다린 뒤 저장 ${tag(4)}`;
		const started = Date.now();
		const pending = sec.post(path, withChanges(await form(), { title: want }), { timeoutMs: 90_000 });
		await sleep((LOCK_WAIT + 2) * 1000);	/* the first attempt has met 1205; the second waits */
		await other.say('ROLLBACK');
		const res = await pending;
		const took = (Date.now() - started) / 1000;
		assert.equal(res.status, 303, `the save after the lock went: ${res.status} ${text(res.body).slice(0, 300)}`);
		assert.ok(took >= LOCK_WAIT, `it waited past one lock wait (${took.toFixed(1)} s): the transaction ran again`);
		assert.equal(Object.fromEntries(await form()).title, want, 'the value is stored');
		assert.equal(changes(), n0 + 1, 'one audit change');
	} finally {
		other.end();
	}
});

test('a row held through every attempt: 429 with everything typed kept, nothing stored; sent again, it saves', T, async () => {
	const other = client();
	try {
		await other.say(`BEGIN; SELECT id FROM people WHERE id = ${lit(id)} FOR UPDATE`);
		const before = Object.fromEntries(await form());
		const n0 = changes();
		const want = `붐빌 때 입력 ${tag(4)}`;
		const started = Date.now();
		const res = await sec.post(path, withChanges(await form(), { title: want, department: '입력한 부서' }), { timeoutMs: 90_000 });
		const took = (Date.now() - started) / 1000;
		assert.equal(res.status, 429, `busy every time: ${res.status} ${text(res.body).slice(0, 300)}`);
		assert.ok(took >= ATTEMPTS * LOCK_WAIT - 1, `${ATTEMPTS} attempts of ${LOCK_WAIT} s each (${took.toFixed(1)} s)`);
		assert.ok(text(res.body).includes(L['save.busy']), 'the page says to save again');
		const kept = formOf(res.body, path).fields;
		assert.equal(kept.find(([k]) => k === 'title')?.[1], want, 'the typed title is in the form');
		assert.equal(kept.find(([k]) => k === 'department')?.[1], '입력한 부서', 'and the typed department');
		await other.say('ROLLBACK');
		assert.equal(changes(), n0, 'nothing stored');
		assert.equal(Object.fromEntries(await form()).title, before.title, 'the stored title is as it was');
		const again = await sec.post(path, kept);
		assert.equal(again.status, 303, `the 429 page sent again: ${again.status} ${text(again.body).slice(0, 300)}`);
		const now = Object.fromEntries(await form());
		assert.deepEqual([now.title, now.department], [want, '입력한 부서']);
	} finally {
		other.end();
	}
});

/*
 * A deadlock: the other session holds the person's row and then reads the form's one-time key for update,
 * which the portal's transaction inserted before it waited on the row. MariaDB ends the smaller transaction (the
 * portal's: the other one changed many rows) with 1213; the pipeline runs again, waits on the key until the
 * other session ends, and saves. Well within one lock wait: it was the deadlock that ended the first try.
 */
test('a deadlock with another session: the save runs again and is stored', T, async () => {
	const other = client();
	try {
		const f = withChanges(await form(), { title: `교착 뒤 저장 ${tag(4)}` });
		const key = f.find(([k]) => k === 'key')[1];
		const n0 = changes();
		/* heavier than the portal's transaction, so that MariaDB picks the portal's to end */
		await other.say(`BEGIN; UPDATE people SET sort = sort + 1 WHERE technopark_id = (SELECT technopark_id FROM people WHERE id = ${lit(id)})`);
		const started = Date.now();
		const pending = sec.post(path, f);
		await sleep(1500);	/* the portal's transaction holds the key and waits on the row */
		await other.say(`SELECT submit_key FROM form_submissions WHERE submit_key = ${lit(key)} FOR UPDATE`);
		await sleep(500);
		await other.say('ROLLBACK');
		const res = await pending;
		const took = (Date.now() - started) / 1000;
		assert.equal(res.status, 303, `the save after the deadlock: ${res.status} ${text(res.body).slice(0, 300)}`);
		assert.ok(took < LOCK_WAIT, `ended by the deadlock, not a lock wait (${took.toFixed(1)} s)`);
		assert.equal(Object.fromEntries(await form()).title, f.find(([k]) => k === 'title')[1]);
		assert.equal(changes(), n0 + 1, 'one audit change');
	} finally {
		other.end();
	}
});

/*
 * Attendance, merged line by line outside the record pipeline (admin/page_admin_records.c), meets the same
 * lock: a colleague's session holds the meeting's row through every attempt. The answer is 429 with the
 * lines as sent, each still carrying the digest it was shown with; sent again once the row is free, it
 * saves (a form whose lines lost their digests showed a conflict with the user's own unchanged lines).
 */
test('attendance held through every attempt: 429 with the lines as sent; sent again, it saves, no false conflict', T, async () => {
	const day = new Date(Date.now() - 2 * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
	const made = await sec.post('/admin/committees/business/meetings', { title: `잠금 출석 ${tag(4)}`, date: day,
		starts: '10:00', ends: '12:00', end_date: '', place: '시험 회의실', online_url: '', status: 'held', note: '' });
	assert.equal(made.status, 303, `a held meeting: ${made.status}`);
	const mid = Number(/^\/admin\/meetings\/(\d+)/.exec(location(made))[1]);
	for (const tp of ['jeju', 'ulsan']) {
		const r = await sec.post('/admin/committees/business/seats', { member: `t${sqlNumber(`SELECT id AS n FROM technoparks WHERE slug = ${lit(tp)}`)}`,
			role: 'member', term_start: '', term_end: '', note: `잠금 출석 ${tag(4)}` });
		assert.equal(r.status, 303, `a seat: ${r.status}`);
	}
	const apath = `/admin/meetings/${mid}/attendance`;
	const fields = formOf((await sec.get(apath)).body, apath).fields;
	const seats = fields.filter(([k]) => k === 'seat').map(([, v]) => v.split(':')[0]);
	assert.ok(seats.length >= 2, `two seats on the form: ${seats.join(' ')}`);
	/* the first line changed, the others as they are */
	const sent = fields.map(([k, v]) => (k === 'seat' && v.startsWith(`${seats[0]}:`) ? [k, `${seats[0]}:present`] : [k, v]));
	const audits = () => sqlNumber(`SELECT COUNT(*) AS n FROM audit_changes WHERE entity = 'attendance' AND entity_id = ${lit(mid)}`);
	const n0 = audits();
	const other = client();
	let kept;
	try {
		await other.say(`BEGIN; SELECT id FROM committee_meetings WHERE id = ${lit(mid)} FOR UPDATE`);
		const res = await sec.post(apath, sent, { timeoutMs: 90_000 });
		assert.equal(res.status, 429, `busy every time: ${res.status} ${text(res.body).slice(0, 300)}`);
		assert.ok(text(res.body).includes(L['save.busy']), 'the page says to save again');
		kept = formOf(res.body, apath).fields;
		assert.deepEqual(kept.filter(([k]) => k === 'seat').map(([, v]) => v), sent.filter(([k]) => k === 'seat').map(([, v]) => v),
		    'the lines as sent');
		assert.deepEqual(kept.filter(([k]) => k === 'was').map(([, v]) => v), fields.filter(([k]) => k === 'was').map(([, v]) => v),
		    'each line with the digest it was shown with');
	} finally {
		await other.say('ROLLBACK').catch(() => {});
		other.end();
	}
	assert.equal(audits(), n0, 'nothing stored while busy');
	const again = await sec.post(apath, kept);
	assert.equal(again.status, 303, `the 429 page sent again: ${again.status} ${text(again.body).slice(0, 300)}`);
	assert.equal(audits(), n0 + 1, 'one audit change');
	const now = formOf((await sec.get(apath)).body, apath).fields.filter(([k]) => k === 'seat').map(([, v]) => v);
	assert.ok(now.includes(`${seats[0]}:present`), `the line is stored: ${now.join(' ')}`);
});
