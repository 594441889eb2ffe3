// test-lane: alone (tools/lib/suites.sh: after the lanes, with no other file running)
// signals.test.mjs - what each signal does to tpportal (docs/operations.md): SIGUSR1, SIGUSR2 and SIGHUP
// are logged and change nothing else, so the running portal keeps serving from every worker; SIGTERM and
// SIGINT stop a spare tpportal with status 0; a tpportal whose workers cannot accept logs why and exits
// with status 1 instead of living on while serving nothing (what a supervisor must see to restart it).
//
// Needs STACK_DIR (the pid file, the log and the configuration of the instance); the spare servers also
// need TP_BUILD_DIR (the binary). tools/stack test sets both; without them the tests skip and say why.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get, mapLimit, sleep, logOffset, waitForLog, within } from './lib.mjs';

const STACK_DIR = process.env.STACK_DIR?.replace(/\/+$/, '');
const BIN = process.env.TP_BUILD_DIR ? `${process.env.TP_BUILD_DIR}/src/tpportal` : null;
const SKIP = STACK_DIR ? false : 'STACK_DIR is not set: these tests signal the instance tools/stack started';
const SKIP_SPARE = SKIP || (BIN && existsSync(BIN) ? false : 'TP_BUILD_DIR is not set: the spare servers need the binary');
const CONF = STACK_DIR ? `${STACK_DIR}/tpportal.conf` : null;
const STATUS = (sig) => new RegExp(`${sig}: status: (\\d+) of (\\d+) workers running; requests served per worker: ([\\d ]+) `);

/** The running instance's pid, checked to be a tpportal (a pid file alone could name anything). */
function portalPid() {
	const pid = Number(readFileSync(`${STACK_DIR}/run/tpportal.pid`, 'utf8').trim());
	assert.equal(readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), 'tpportal', `pid ${pid} is not tpportal`);
	return pid;
}

const threads = () => Number(/^threads\s*=\s*(\d+)/m.exec(readFileSync(CONF, 'utf8'))?.[1] ?? 4);

/** Send sig and return the per-worker counts of the status line it logs. */
async function status(pid, sig) {
	const off = logOffset();
	process.kill(pid, sig);
	const m = await waitForLog(off, STATUS(sig), `${sig} to pid ${pid}`);
	assert.equal(Number(m[1]), Number(m[2]), `${sig}: not every worker runs: ${m[0]}`);
	assert.equal(Number(m[2]), threads(), `${sig}: the status names another number of workers than the configuration`);
	return m[3].trim().split(' ').map(Number);
}

/** N requests, 2 per worker at a time, each answered 200 in time (never retried: a hang is the failure). */
async function keepsServing(n) {
	const paths = Array.from({ length: n }, (_, i) => (i % 2 ? '/healthz' : '/'));
	const res = await mapLimit(paths, 2 * threads(), async (p) => {
		try {
			return `${p} ${(await get(p, { retry: false, timeoutMs: 10_000 })).status}`;
		} catch (e) {
			return `${p} ${e.message}`;
		}
	});
	assert.deepEqual(res.filter((r) => !r.endsWith(' 200')), [], 'requests after the signals did not all answer 200');
}

describe('signals to the running portal', { concurrency: 1 }, () => {
	test('SIGUSR1, SIGHUP, SIGUSR2: each logged, the same process keeps serving from every worker', { skip: SKIP }, async () => {
		const pid = portalPid();
		const before = await status(pid, 'SIGUSR1');
		const off = logOffset();
		process.kill(pid, 'SIGHUP');
		const hup = await waitForLog(off, /SIGHUP: .*/, 'SIGHUP');
		assert.match(hup[0], /re-read .*tpportal\.conf: log_level is now info/, 'SIGHUP: the log does not say what was reloaded');
		await sleep(200);
		await keepsServing(16 * threads());
		const after = await status(pid, 'SIGUSR2');
		assert.equal(after.length, before.length);
		after.forEach((n, i) => assert.ok(n > before[i], `worker ${i + 1} served nothing after the signals (${before} -> ${after})`));
		assert.equal(portalPid(), pid, 'tpportal was restarted');
	});

	test('several of each at once: still serving', { skip: SKIP }, async () => {
		const pid = portalPid();
		for (let i = 0; i < 5; i++)
			for (const sig of ['SIGUSR1', 'SIGUSR2', 'SIGHUP'])
				process.kill(pid, sig);
		await sleep(300);
		await keepsServing(4 * threads());
		await status(pid, 'SIGUSR1');
	});
});

/* ---------------------------------------------------------------- spare servers */

/** A spare tpportal on the instance's configuration with other lines; resolves its exit and output. */
function spare(dir, lines, stdio = 'ignore') {
	const conf = `${dir}/tpportal.conf`;
	let text = readFileSync(CONF, 'utf8');
	for (const [k, v] of Object.entries(lines))
		text = text.replace(new RegExp(`^${k}\\s*=.*$`, 'm'), `${k} = ${v}`);
	writeFileSync(conf, text);
	const child = spawn(BIN, ['-c', conf], { stdio: [stdio, 'ignore', 'pipe'] });
	let err = '';
	child.stderr.on('data', (c) => { err += c; });
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	return { child, exited, log: () => err };
}

/** Wait ms for the child's exit; kills it and fails when it is still running. */
async function exitWithin(s, ms, what) {
	const r = await within(s.exited, ms, null);
	if (r === null) {
		s.child.kill('SIGKILL');
		assert.fail(`${what}: still running after ${ms / 1000} s; its log:\n${s.log()}`);
	}
	assert.doesNotMatch(s.log(), /Sanitizer|runtime error:/, `${what}: a sanitizer report`);
	return r;
}

async function waitForFile(path, s, ms = 15_000) {
	const started = Date.now();
	while (!existsSync(path)) {
		assert.ok(Date.now() - started < ms, `no ${path} after ${ms / 1000} s; log:\n${s.log()}`);
		await sleep(50);
	}
}

describe('spare servers: stopping and failing', { concurrency: 1 }, () => {
	for (const sig of ['SIGTERM', 'SIGINT']) {
		test(`${sig} stops gracefully: status 0, socket removed, "stopped" logged (SIGUSR1/SIGUSR2/SIGHUP before it change nothing)`, { skip: SKIP_SPARE }, async () => {
			const dir = mkdtempSync(`${tmpdir()}/tp-sig-`);
			try {
				const sock = `${dir}/s.sock`;
				const s = spare(dir, { socket: sock });
				await waitForFile(sock, s);
				for (const other of ['SIGUSR1', 'SIGUSR2', 'SIGHUP'])
					s.child.kill(other);
				await sleep(500);
				assert.equal(s.child.exitCode, null, `the spare exited on SIGUSR1/SIGUSR2/SIGHUP:\n${s.log()}`);
				s.child.kill(sig);
				const r = await exitWithin(s, 15_000, sig);
				assert.deepEqual(r, { code: 0, signal: null }, `${sig}: exit; log:\n${s.log()}`);
				assert.ok(!existsSync(sock), `${sig}: the socket is left behind`);
				assert.match(s.log(), new RegExp(`${sig}: finishing requests in flight`));
				assert.match(s.log(), /SIGUSR1: status: \d+ of \d+ workers running/);
				assert.match(s.log(), / stopped$/m);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		});
	}

	test('socket = - without a listening socket on stdin: refused at start, saying so (exit 1)', { skip: SKIP_SPARE }, async () => {
		const dir = mkdtempSync(`${tmpdir()}/tp-sig-`);
		try {
			// /dev/null is no socket: before, the server said "4 threads on -" and died on its first accept
			const s = spare(dir, { socket: '-' }, 'ignore');
			const r = await exitWithin(s, 15_000, 'a tpportal without a listening socket');
			assert.deepEqual(r, { code: 1, signal: null }, `exit; log:\n${s.log()}`);
			assert.match(s.log(), /socket = -: standard input is not a socket/);
			assert.doesNotMatch(s.log(), /threads on -/, 'it started serving nothing');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	// A listening socket that stops working under the workers (here its owner shuts it down, which is what a
	// service manager's socket went through when the old stop code called shutdown(2) on it): the process
	// logs why and exits 1 for its supervisor, instead of staying alive serving nothing.
	test('workers whose socket fails: the process logs why and exits 1 (not alive serving nothing)', { skip: SKIP_SPARE }, async () => {
		const dir = mkdtempSync(`${tmpdir()}/tp-sig-`);
		const holder = String.raw`
import socket, subprocess, sys, time
binary, conf, path = sys.argv[1:4]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path); s.listen(16)
child = subprocess.Popen([binary, '-c', conf], stdin=s.fileno(), stderr=subprocess.PIPE, text=True)
log = ''
for line in child.stderr:
    log += line
    if 'threads on -' in line:
        time.sleep(0.3)
        s.shutdown(socket.SHUT_RDWR)
        break
_, rest = child.communicate(timeout=15)
sys.stderr.write(log + rest)
print(child.returncode)
`;
		try {
			let text = readFileSync(CONF, 'utf8').replace(/^socket\s*=.*$/m, 'socket = -');
			writeFileSync(`${dir}/tpportal.conf`, text);
			const p = spawn('python3', ['-c', holder, BIN, `${dir}/tpportal.conf`, `${dir}/held.sock`], { stdio: ['ignore', 'pipe', 'pipe'] });
			let out = '';
			let err = '';
			p.stdout.on('data', (c) => { out += c; });
			p.stderr.on('data', (c) => { err += c; });
			const code = await within(new Promise((r) => p.on('exit', r)), 30_000);
			assert.notEqual(code, 'timeout', `the holder did not finish; log:\n${err}`);
			assert.equal(out.trim(), '1', `exit status of the server; log:\n${err}`);
			assert.match(err, /worker \d+ stopped: accepting a connection failed.*exiting with status 1/);
			assert.doesNotMatch(err, /Sanitizer|runtime error:/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
