// test-lane: alone (tools/lib/suites.sh: after the lanes, with no other file running)
// admission.test.mjs - admission control (issue 13, docs/configuration.md): with every expensive slot busy
// (a search held by a table lock, a sign-in held by a lock on users while it is in its slot, an upload
// whose body is still arriving), a cheap page (/members) still answers 200 at once, and the next search,
// sign-in or upload gets 503 with Retry-After; a statement held past statement_time_* ends as the same 503,
// and once the locks are gone search answers 200 again. A sign-in refused busy comes back as the sign-in
// form with the login typed (never the password) and a message to send it again, not the bare busy page.
// Sign-in slots are taken only around the hashing: a flood of throttled attempts (an attacker's, from
// one address) holds none, so the owner's sign-in from elsewhere is never answered busy.
//
// A spare tpportal on the instance's database (threads = 4, max_search = max_login = max_upload = 1,
// statement_time_search = statement_time_write = 3) is talked to over FastCGI directly (tests/integration/
// lib_fcgi.mjs), so the upload's body can stop half-way, which nginx would buffer whole first, and each
// request can come from an address of its own (REMOTE_ADDR).
// Needs STACK_DIR, TP_BUILD_DIR and TP_STACK (tools/stack test sets them); runs alone (exclusive()),
// because the locks stop every search and sign-in on the database for a few seconds.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { L, sleep, text } from './lib.mjs';
import { DB_NOW, DEMO, Session, demoPassword, exclusive, lit, sql, sqlNumber } from './lib_accounts.mjs';
import { fcgi, fcgiGet, startSpare } from './lib_fcgi.mjs';

const STACK_DIR = process.env.STACK_DIR?.replace(/\/+$/, '');
const BIN = `${process.env.TP_BUILD_DIR}/src/tpportal`;
const CONF = `${STACK_DIR}/tpportal.conf`;
const T = { timeout: 120_000 };
const ctx = {};

function baseUrl() {
	return /^base_url\s*=\s*(\S+)/m.exec(readFileSync(CONF, 'utf8'))[1];
}

const spare = startSpare;

/** A MariaDB session (root, over the instance's socket) that takes table locks and keeps them until unlock(). */
async function lockTables(tables, mode = 'WRITE') {
	const child = spawn('mariadb', [`--defaults-file=${STACK_DIR}/my.cnf`, '-N', '-B', '--unbuffered', 'tpportal'], { stdio: ['pipe', 'pipe', 'pipe'] });
	let out = '';
	child.stdout.on('data', (c) => { out += c; });
	child.stderr.on('data', (c) => { out += c; });
	child.stdin.write(`LOCK TABLES ${tables.map((t) => `${t} ${mode}`).join(', ')};\nSELECT 'locked';\n`);
	const started = Date.now();
	while (!out.includes('locked')) {
		assert.ok(Date.now() - started < 10_000 && child.exitCode === null, `LOCK TABLES: ${out}`);
		await sleep(20);
	}
	return {
		unlock: () => new Promise((resolve) => {
			child.on('exit', resolve);
			child.stdin.end('UNLOCK TABLES;\n');
		}),
		kill: () => child.kill('SIGKILL'),
	};
}

const env = (method, uri, extra = {}) => ({
	REQUEST_METHOD: method, REQUEST_URI: uri, DOCUMENT_URI: uri.split('?')[0], QUERY_STRING: uri.split('?')[1] ?? '',
	REMOTE_ADDR: '127.0.0.1', SERVER_SOFTWARE: 'lib_fcgi', ...extra,
});

function login(sock, user = 'nobody-admission', password = 'wrong-password', addr = '127.0.0.1') {
	const body = Buffer.from(new URLSearchParams({ login: user, password }).toString());
	return fcgi(sock, env('POST', '/login', {
		CONTENT_TYPE: 'application/x-www-form-urlencoded', HTTP_ORIGIN: baseUrl(), REMOTE_ADDR: addr,
	}), body);
}

/** A sign-in refused busy: 503 with Retry-After, the sign-in form again with the login typed, no password. */
function assertBusyForm(res, what, user, password) {
	const body = text(res.body);
	assert.equal(res.status, 503, `${what}: status ${res.status} ${body.slice(0, 200)}`);
	assert.equal(res.headers['retry-after'], '2', `${what}: Retry-After`);
	assert.ok(body.includes(L['form.busy_password']), `${what}: no "${L['form.busy_password']}": ${body.slice(0, 300)}`);
	assert.match(res.body, /<form method="post" action="\/login"/, `${what}: not the sign-in form`);
	assert.match(res.body, new RegExp(`name="login"[^>]* value="${user}"`), `${what}: the login typed is gone`);
	assert.ok(!res.body.includes(password), `${what}: the password is in the page`);
}

/**
 * An upload to /admin/news (2 MB, so it is pre-checked from its headers), the article's text fields
 * (fields: [[name, value]]) before and after the file as a browser sends them in the form's order;
 * hold: its body stops after so many bytes.
 */
function upload(sock, s, hold = null, fields = []) {
	const boundary = 'admissionTestBoundary';
	const part = ([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
	const before = fields.filter(([k]) => k !== 'version').map(part), after = fields.filter(([k]) => k === 'version').map(part);
	const body = Buffer.concat([
		...before,
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
		Buffer.alloc(2 * 1024 * 1024, 0x41),
		Buffer.from('\r\n'),
		...after,
		Buffer.from(`--${boundary}--\r\n`),
	]);
	return fcgi(sock, env('POST', '/admin/news', {
		CONTENT_TYPE: `multipart/form-data; boundary=${boundary}`, HTTP_COOKIE: `tp_session=${s.cookie}`, HTTP_ORIGIN: baseUrl(),
	}), body, { hold });
}

function assertBusy(res, what) {
	assert.equal(res.status, 503, `${what}: status ${res.status} ${text(res.body).slice(0, 200)}`);
	assert.equal(res.headers['retry-after'], '2', `${what}: Retry-After`);
	assert.ok(text(res.body).includes(L['error.busy']), `${what}: not the busy page: ${text(res.body).slice(0, 300)}`);
}

describe('admission control', { concurrency: 1 }, () => {
	before(async () => {
		assert.ok(STACK_DIR && process.env.TP_BUILD_DIR && existsSync(BIN), 'needs STACK_DIR and TP_BUILD_DIR (tools/stack test sets them)');
		ctx.release = await exclusive();
		ctx.session = await Session.signIn(DEMO.chungnam.login);
		ctx.dir = mkdtempSync(`${tmpdir()}/tp-admission-`);
		ctx.spare = await spare(ctx.dir, {
			threads: 4, max_search: 1, max_login: 1, max_upload: 1, statement_time_search: 3, statement_time_write: 3,
		});
		const h = await fcgiGet(ctx.spare.sock, '/healthz');
		assert.equal(h.status, 200, `the spare's /healthz: ${h.status}`);
	});
	after(async () => {
		ctx.locks?.kill();
		ctx.upload?.abort();
		ctx.spare?.child.kill('SIGTERM');
		if (ctx.dir)
			rmSync(ctx.dir, { recursive: true, force: true });
		ctx.release?.();
	});

	test('every expensive slot busy: /members answers 200 at once, the next expensive request 503 busy', T, async () => {
		const sock = ctx.spare.sock;
		sql("DELETE FROM login_failures WHERE login IN ('held-admission', 'second-admission')");	/* an earlier run's */
		const idle = await fcgiGet(sock, '/members');
		assert.equal(idle.status, 200);
		ctx.upload = upload(sock, ctx.session, 1024);	/* past its session check, in its slot, its body held */
		await sleep(300);
		ctx.locks = await lockTables(['search_docs', 'users']);
		const t0 = Date.now();
		const search = fcgi(sock, env('GET', '/search?q=%EC%82%B0%EC%97%85')).done;
		const signIn = login(sock, 'held-admission', 'held-password-1').done;
		await sleep(500);	/* all three are in their slots: the search and the sign-in wait on the locks */

		const members = await fcgiGet(sock, '/members');
		assert.equal(members.status, 200, `/members while every slot is busy: ${members.status}`);
		assert.ok(members.ms < 1000, `/members took ${members.ms} ms while every slot was busy`);
		assert.ok(text(members.body).includes('충남'), '/members is not the member directory');

		assertBusy(await fcgiGet(sock, '/search?q=%ED%85%8C%ED%81%AC%EB%85%B8'), 'a second search');
		assertBusyForm(await login(sock, 'second-admission', 'second-password-2').done, 'a second sign-in',
		    'second-admission', 'second-password-2');

		// the held search and sign-in end at their statement time limit (3 s), as the same busy 503
		const [rs, rl] = await Promise.all([search, signIn]);
		const waited = Date.now() - t0;
		assertBusy(rs, 'the search held past statement_time_search');
		assertBusyForm(rl, 'the sign-in held past statement_time_write', 'held-admission', 'held-password-1');
		assert.ok(waited >= 2500 && waited < 8000, `the held statements ended after ${waited} ms, not at about 3 s`);
		assert.match(ctx.spare.log(), /max_statement_time/, 'the spare did not log the statement stopped by its time limit');

		await ctx.locks.unlock();
		ctx.locks = null;
		// the first upload still holds its slot (its body is still arriving): a second one is not stored, but
		// its form comes back with the title and text typed, a message to send it again, 503 and Retry-After
		const articles = sqlNumber('SELECT COUNT(*) FROM news_articles');
		const typed = [['csrf', await ctx.session.token()], ['title', '바쁠 때 올린 공지 시험'], ['category', 'notice'],
			['publisher', 'chungnam'], ['state', 'published'], ['pinned_until', ''], ['body', '입력한 본문은 **남아야** 합니다.']];
		const listing = () => readdirSync(`${STACK_DIR}/uploads`).filter((f) => !f.startsWith('.')).sort();
		const present = new Set(listing());	/* other tests' attachments: only what this upload adds counts */
		const second = await upload(sock, ctx.session, null, typed).done;
		assert.equal(second.status, 503, `a second upload: ${second.status} ${text(second.body).slice(0, 300)}`);
		assert.equal(second.headers['retry-after'], '2', 'a second upload: Retry-After');
		assert.ok(text(second.body).includes(L['form.busy_upload']), `a second upload: no "${L['form.busy_upload']}"`);
		assert.match(second.body, /<form method="post" action="\/admin\/news" enctype="multipart\/form-data"/, 'a second upload: not the article form');
		assert.match(second.body, /name="title"[^>]* value="바쁠 때 올린 공지 시험"/, 'a second upload: the title typed is gone');
		assert.ok(second.body.includes('>입력한 본문은 **남아야** 합니다.</textarea>'), 'a second upload: the text typed is gone');
		assert.equal(sqlNumber('SELECT COUNT(*) FROM news_articles'), articles, 'a refused upload stored an article');
		const stray = listing().filter((f) => !present.has(f));
		assert.deepEqual(stray, [], 'a refused upload left a file in the upload folder');
		ctx.upload.abort();
		ctx.upload = null;
		await sleep(200);
		const again = await fcgiGet(sock, '/search?q=%EC%82%B0%EC%97%85');
		assert.equal(again.status, 200, `search after the locks: ${again.status} ${text(again.body).slice(0, 200)}`);
		// a sign-in refused busy counted as no failure: nothing checked, nothing recorded
		assert.equal(sqlNumber(`SELECT COUNT(*) FROM login_failures WHERE login IN ('held-admission', 'second-admission')`), 0,
		    'a sign-in refused busy was counted as a failed attempt');
		assert.doesNotMatch(ctx.spare.log(), /Sanitizer|runtime error:/, 'a sanitizer report in the spare');
	});

	// A save whose statement runs past statement_time_write (its table held here) is rolled back whole; before,
	// the answer was the busy error page and what the member admin typed was gone. Now the form comes back
	// (429, as when a row lock outlasts the save's retries) with the values typed, and nothing is stored.
	test('a save held past statement_time_write: its form again (429) with what was typed, nothing stored', T, async () => {
		const sock = ctx.spare.sock;
		// the secretariat: a member admin's access rule reads the person's row before the form is even read
		const sec = await Session.signIn(DEMO.secretariat.login);
		const cookie = { HTTP_COOKIE: `tp_session=${sec.cookie}` };
		const id = sqlNumber("SELECT p.id FROM people p JOIN technoparks t ON t.id = p.technopark_id WHERE t.slug = 'chungnam' ORDER BY p.id LIMIT 1");
		const page = await fcgiGet(sock, `/admin/people/${id}`, cookie);
		assert.equal(page.status, 200, `the person form: ${page.status}`);
		const fields = new URLSearchParams();
		for (const m of page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
			fields.set(m[1], m[2].replace(/&amp;/g, '&'));
		for (const m of page.body.matchAll(/<input type="(?:text|email|tel|number)" id="[^"]*" name="([^"]+)"[^>]*value="([^"]*)"/g))
			fields.set(m[1], m[2].replace(/&amp;/g, '&'));
		const title = `시간 초과 시험 ${Date.now() % 100000}`;
		fields.set('title', title);
		const before = sql(`SELECT title, version FROM people WHERE id = ${id}`)[0];
		// READ: the pages and the form's own reads go on, the save's locking read and its write wait
		const locks = await lockTables(['people'], 'READ');
		let res;
		try {
			res = await fcgi(sock, env('POST', `/admin/people/${id}`, {
				...cookie, CONTENT_TYPE: 'application/x-www-form-urlencoded', HTTP_ORIGIN: baseUrl(),
			}), Buffer.from(fields.toString())).done;
		} finally {
			await locks.unlock();
		}
		assert.equal(res.status, 429, `a save held past its statement time: ${res.status} ${text(res.body).slice(0, 120)}; the spare said:\n${ctx.spare.log().split("\n").slice(-6).join("\n")}`);
		assert.ok(text(res.body).includes(L['save.busy']), 'no "send it again" message');
		assert.match(res.body, new RegExp(`name="title"[^>]* value="${title}"`), 'the title typed is gone');
		assert.deepEqual(sql(`SELECT title, version FROM people WHERE id = ${id}`)[0], before, 'the held save stored something');
		assert.match(ctx.spare.log(), /max_statement_time/, 'the spare did not log the statement stopped by its time limit');
	});

	test('a flood of throttled sign-ins holds no sign-in slot: the owner signs in from elsewhere each time', T, async () => {
		const sock = ctx.spare.sock;
		const ATTACKER = '198.51.100.66', OWNER = '203.0.113.21';
		const owner = DEMO.staff.login, pw = demoPassword();
		// the attacker's address is over its limit (login_max_failures_addr, 50 in the window): throttled from now on
		sql(`INSERT INTO login_failures (login, addr, at) SELECT 'flood-admission', ${lit(ATTACKER)}, ${DB_NOW} - INTERVAL 1 MINUTE ` +
		    'FROM information_schema.COLLATIONS LIMIT 60');
		try {
			const flood = [];
			let stop = false;
			const attacker = async () => {	/* one of 12 attackers: attempt after attempt, each throttled */
				while (!stop)
					flood.push((await login(sock, owner, `guess-${flood.length}-password`, ATTACKER).done).status);
			};
			const attackers = Array.from({ length: 12 }, attacker);
			await sleep(300);
			const signIns = [];
			for (let i = 0; i < 8; i++) {
				signIns.push(await login(sock, owner, pw, OWNER).done);
				await sleep(50);
			}
			stop = true;
			await Promise.all(attackers);
			assert.ok(flood.length >= 50, `only ${flood.length} attempts in the flood`);
			assert.deepEqual([...new Set(flood)], [429], 'an attacker\'s throttled attempt answered other than 429');
			assert.deepEqual(signIns.map((r) => r.status), signIns.map(() => 303),
			    'the owner\'s sign-in during a flood of throttled attempts was not let in each time (503: busy behind them)');
			assert.equal(sqlNumber(`SELECT COUNT(*) FROM login_failures WHERE addr = ${lit(ATTACKER)} AND login = ${lit(owner)}`), 0,
			    'a throttled attempt was recorded as a failure');
		} finally {
			sql(`DELETE FROM login_failures WHERE addr IN (${lit(ATTACKER)}, ${lit(OWNER)})`);
		}
	});
});
