// admission.test.mjs - admission control (issue 13, docs/configuration.md): with every expensive slot busy
// (a search and a sign-in held by table locks, an upload whose body is still arriving), a cheap page
// (/members) still answers 200 at once, and the next search, sign-in or upload gets 503 with Retry-After
// and the busy page; a statement held past statement_time_* ends as the same 503, and once the locks are
// gone search answers 200 again.
//
// A spare tpportal on the instance's database (threads = 4, max_search = max_login = max_upload = 1,
// statement_time_search = statement_time_write = 3) is talked to over FastCGI directly (tests/integration/
// lib_fcgi.mjs), so the upload's body can stop half-way, which nginx would buffer whole first.
// Needs STACK_DIR, TP_BUILD_DIR and TP_STACK (tools/stack test sets them); runs alone (exclusive()),
// because the locks stop every search and sign-in on the database for a few seconds.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { L, sleep, text } from './lib.mjs';
import { DEMO, Session, exclusive } from './lib_accounts.mjs';
import { fcgi, fcgiGet } from './lib_fcgi.mjs';

const STACK_DIR = process.env.STACK_DIR?.replace(/\/+$/, '');
const BIN = `${process.env.TP_BUILD_DIR}/src/tpportal`;
const CONF = `${STACK_DIR}/tpportal.conf`;
const T = { timeout: 120_000 };
const ctx = {};

function baseUrl() {
	return /^base_url\s*=\s*(\S+)/m.exec(readFileSync(CONF, 'utf8'))[1];
}

/** A spare tpportal on the instance's configuration, its socket in dir, with extra lines. */
async function spare(dir, lines) {
	const sock = `${dir}/s.sock`;
	let conf = readFileSync(CONF, 'utf8').replace(/^socket\s*=.*$/m, `socket = ${sock}`);
	for (const [k, v] of Object.entries(lines)) {	/* a key may be given once: replace it, or add it */
		const re = new RegExp(`^${k}\\s*=.*$`, 'm');
		conf = re.test(conf) ? conf.replace(re, `${k} = ${v}`) : `${conf}${k} = ${v}\n`;
	}
	writeFileSync(`${dir}/tpportal.conf`, conf);
	const child = spawn(BIN, ['-c', `${dir}/tpportal.conf`], { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	child.stderr.on('data', (c) => { log += c; });
	const started = Date.now();
	while (!existsSync(sock)) {
		assert.ok(Date.now() - started < 15_000 && child.exitCode === null, `the spare did not start:\n${log}`);
		await sleep(50);
	}
	return { sock, child, log: () => log };
}

/** A MariaDB session (root, over the instance's socket) that takes table locks and keeps them until unlock(). */
async function lockTables(tables) {
	const child = spawn('mariadb', [`--defaults-file=${STACK_DIR}/my.cnf`, '-N', '-B', '--unbuffered', 'tpportal'], { stdio: ['pipe', 'pipe', 'pipe'] });
	let out = '';
	child.stdout.on('data', (c) => { out += c; });
	child.stderr.on('data', (c) => { out += c; });
	child.stdin.write(`LOCK TABLES ${tables.map((t) => `${t} WRITE`).join(', ')};\nSELECT 'locked';\n`);
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

function login(sock) {
	const body = Buffer.from('login=nobody-admission&password=wrong-password');
	return fcgi(sock, env('POST', '/login', { CONTENT_TYPE: 'application/x-www-form-urlencoded', HTTP_ORIGIN: baseUrl() }), body);
}

/** An upload to /admin/news (2 MB, so it is pre-checked from its headers); hold: its body stops after so many bytes. */
function upload(sock, s, hold = null) {
	const boundary = 'admissionTestBoundary';
	const body = Buffer.concat([
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
		Buffer.alloc(2 * 1024 * 1024, 0x41),
		Buffer.from(`\r\n--${boundary}--\r\n`),
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
		const idle = await fcgiGet(sock, '/members');
		assert.equal(idle.status, 200);
		ctx.locks = await lockTables(['search_docs', 'login_failures']);
		const t0 = Date.now();
		const search = fcgi(sock, env('GET', '/search?q=%EC%82%B0%EC%97%85')).done;
		const signIn = login(sock).done;
		ctx.upload = upload(sock, ctx.session, 1024);
		await sleep(500);	/* all three are in their slots: the search and the sign-in wait on the locks */

		const members = await fcgiGet(sock, '/members');
		assert.equal(members.status, 200, `/members while every slot is busy: ${members.status}`);
		assert.ok(members.ms < 1000, `/members took ${members.ms} ms while every slot was busy`);
		assert.ok(text(members.body).includes('충남'), '/members is not the member directory');

		assertBusy(await fcgiGet(sock, '/search?q=%ED%85%8C%ED%81%AC%EB%85%B8'), 'a second search');
		assertBusy(await login(sock).done, 'a second sign-in');
		assertBusy(await upload(sock, ctx.session).done, 'a second upload (its body read, not kept)');

		// the held search and sign-in end at their statement time limit (3 s), as the same busy 503
		const [rs, rl] = await Promise.all([search, signIn]);
		const waited = Date.now() - t0;
		assertBusy(rs, 'the search held past statement_time_search');
		assertBusy(rl, 'the sign-in held past statement_time_write');
		assert.ok(waited >= 2500 && waited < 8000, `the held statements ended after ${waited} ms, not at about 3 s`);
		assert.match(ctx.spare.log(), /max_statement_time/, 'the spare did not log the statement stopped by its time limit');

		await ctx.locks.unlock();
		ctx.locks = null;
		ctx.upload.abort();
		ctx.upload = null;
		await sleep(200);
		const again = await fcgiGet(sock, '/search?q=%EC%82%B0%EC%97%85');
		assert.equal(again.status, 200, `search after the locks: ${again.status} ${text(again.body).slice(0, 200)}`);
		assert.doesNotMatch(ctx.spare.log(), /Sanitizer|runtime error:/, 'a sanitizer report in the spare');
	});
});
