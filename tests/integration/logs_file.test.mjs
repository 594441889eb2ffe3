// logs_file.test.mjs - where the log goes (issue 14, item 5): stderr by default; with log_file the
// server appends to that file, and after a rotation (the file renamed) SIGHUP makes it open the name
// anew, so the lines after the signal land in the new file and none in the renamed one; a log_file it
// cannot open is refused at start with one line naming the key and the path. Spare servers on a copy
// of the instance's configuration, asked over FastCGI with cgi-fcgi.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const STACK_DIR = process.env.STACK_DIR ? process.env.STACK_DIR.replace(/\/+$/, '') : null;
const BIN = process.env.TP_BUILD_DIR ? `${process.env.TP_BUILD_DIR}/src/tpportal` : null;
const CONF = STACK_DIR ? `${STACK_DIR}/tpportal.conf` : null;
const have = (cmd) => { try { execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }); return true; } catch { return false; } };
const SKIP = !CONF || !BIN || !existsSync(BIN) ? 'STACK_DIR or TP_BUILD_DIR is not set: the spare servers need both'
	: !have('cgi-fcgi') ? 'no cgi-fcgi (Debian package libfcgi-bin)' : false;
const T = { skip: SKIP, timeout: 60_000 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function spareConf(dir, lines) {
	let text = readFileSync(CONF, 'utf8');
	for (const [k, v] of Object.entries({ socket: `${dir}/s.sock`, threads: 2, log_level: 'info', ...lines })) {
		const re = new RegExp(`^${k}\\s*=.*$`, 'm');
		text = re.test(text) ? text.replace(re, `${k} = ${v}`) : `${text}\n${k} = ${v}\n`;
	}
	writeFileSync(`${dir}/tpportal.conf`, text);
	return `${dir}/tpportal.conf`;
}

function fcgiGet(sock, path) {
	const env = { REQUEST_METHOD: 'GET', REQUEST_URI: path, QUERY_STRING: '', SERVER_NAME: '127.0.0.1', SERVER_PORT: '80',
	    SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '127.0.0.9', GATEWAY_INTERFACE: 'CGI/1.1', PATH: process.env.PATH };
	return execFileSync('cgi-fcgi', ['-bind', '-connect', sock], { env, input: '', timeout: 20_000 }).toString('utf8');
}

async function until(what, fn, ms = 10_000) {
	for (const end = Date.now() + ms; Date.now() < end; await sleep(50))
		if (fn())
			return;
	assert.fail(`timed out waiting for ${what}`);
}

const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8') : '');

describe('log_file', { concurrency: 1 }, () => {
	test('lines go to log_file; after mv + SIGHUP the new lines land in a new file at the name', T, async () => {
		const dir = mkdtempSync(`${tmpdir()}/tp-log-`);
		const log = `${dir}/tpportal.log`;
		const child = spawn(BIN, ['-c', spareConf(dir, { log_file: log })], { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (c) => { stderr += c; });
		try {
			await until('the start line in log_file', () => /threads on /.test(read(log)));
			fcgiGet(`${dir}/s.sock`, '/healthz?before');
			await until('the request line', () => /127\.0\.0\.9 - GET \/healthz 200/.test(read(log)));
			renameSync(log, `${log}.1`);
			process.kill(child.pid, 'SIGHUP');
			await until('a new log_file', () => /SIGHUP: re-read .*log_file .*tpportal\.log reopened/.test(read(log)));
			fcgiGet(`${dir}/s.sock`, '/members');
			await until('the request after the rotation', () => /127\.0\.0\.9 - GET \/members 200/.test(read(log)));
			const old = read(`${log}.1`);
			assert.match(old, /threads on /, 'the renamed file keeps what came before');
			assert.doesNotMatch(old, /GET \/members|SIGHUP/, 'a line after the rotation went to the renamed file');
			assert.doesNotMatch(read(log), /threads on /, 'the new file starts at the rotation');
			assert.equal(stderr, '', 'with log_file nothing goes to stderr');
			process.kill(child.pid, 'SIGTERM');
			await until('the stop line', () => / stopped$/m.test(read(log)));
		} finally {
			child.kill('SIGKILL');
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('without log_file the log is on stderr, and SIGHUP says there is no file to reopen', T, async () => {
		const dir = mkdtempSync(`${tmpdir()}/tp-log-`);
		const child = spawn(BIN, ['-c', spareConf(dir, {})], { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (c) => { stderr += c; });
		try {
			await until('the start line on stderr', () => /threads on /.test(stderr));
			process.kill(child.pid, 'SIGHUP');
			await until('the SIGHUP line', () => /SIGHUP: .*no log file to reopen \(log_file is not set/.test(stderr));
		} finally {
			child.kill('SIGTERM');
			await sleep(200);
			child.kill('SIGKILL');
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a log_file that cannot be opened is refused at start, naming the key and the path', T, async () => {
		const dir = mkdtempSync(`${tmpdir()}/tp-log-`);
		try {
			const child = spawn(BIN, ['-c', spareConf(dir, { log_file: `${dir}/no-such-folder/tpportal.log` })], { stdio: ['ignore', 'ignore', 'pipe'] });
			let stderr = '';
			child.stderr.on('data', (c) => { stderr += c; });
			const code = await new Promise((r) => child.on('exit', r));
			assert.equal(code, 1, stderr);
			assert.match(stderr, /log_file = .*\/no-such-folder\/tpportal\.log: cannot be opened for appending by this process \(uid \d+\): No such file or directory/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
