// startup.test.mjs - a bad set-up is refused at start with one line naming the key and the path
// (issue 14, item 3), instead of starting "fine" and failing on the first post, upload or connect:
// a base_url with a path, a socket folder that does not exist, a socket another server answers on,
// a missing or unwritable upload folder, an unreadable password file. Each runs a spare tpportal on a
// copy of the instance's configuration with one line changed, and expects exit status 1 and the line.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const STACK_DIR = process.env.STACK_DIR ? process.env.STACK_DIR.replace(/\/+$/, '') : null;
const BIN = process.env.TP_BUILD_DIR ? `${process.env.TP_BUILD_DIR}/src/tpportal` : null;
const CONF = STACK_DIR ? `${STACK_DIR}/tpportal.conf` : null;
const SKIP = CONF && BIN && existsSync(BIN) ? false : 'STACK_DIR or TP_BUILD_DIR is not set: the spare servers need both';
const T = { skip: SKIP, timeout: 60_000 };

/** Run a spare with the instance's configuration and lines replaced (or added); its exit and stderr. */
async function runSpare(dir, lines, ms = 20_000, spawnOpts = {}) {
	let text = readFileSync(CONF, 'utf8');
	for (const [k, v] of Object.entries(lines)) {
		const re = new RegExp(`^${k}\\s*=.*$`, 'm');
		text = re.test(text) ? text.replace(re, `${k} = ${v}`) : `${text}\n${k} = ${v}\n`;
	}
	writeFileSync(`${dir}/tpportal.conf`, text);
	const child = spawn(BIN, ['-c', `${dir}/tpportal.conf`], { stdio: ['ignore', 'ignore', 'pipe'], ...spawnOpts });
	let err = '';
	child.stderr.on('data', (c) => { err += c; });
	const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
	let timer;
	const code = await Promise.race([exited, new Promise((resolve) => { timer = setTimeout(() => resolve(null), ms); })]);
	clearTimeout(timer);
	if (code === null) {
		child.kill('SIGKILL');
		assert.fail(`the spare kept running with ${JSON.stringify(lines)}; its log:\n${err}`);
	}
	return { code, err };
}

async function refused(lines, re, what, prepare, spawnOpts) {
	const dir = mkdtempSync(`${tmpdir()}/tp-start-`);
	try {
		const sock = `${dir}/s.sock`;
		if (prepare)
			prepare(dir);
		const { code, err } = await runSpare(dir, { socket: sock, ...(typeof lines === 'function' ? lines(dir) : lines) }, 20_000, spawnOpts);
		assert.equal(code, 1, `${what}: exit status (log:\n${err})`);
		assert.match(err, re, `${what}: no line naming the key and the path`);
		assert.doesNotMatch(err, /Sanitizer|runtime error:/);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('a bad set-up is refused at start', { concurrency: 1 }, () => {
	test('base_url with a path: refused by the configuration reader (every form post would be 403)', T, async () => {
		const dir = mkdtempSync(`${tmpdir()}/tp-start-`);
		try {
			const { code, err } = await runSpare(dir, { base_url: 'https://portal.example.org/tp', socket: `${dir}/s.sock` });
			assert.equal(code, 2, `exit status (log:\n${err})`);
			assert.match(err, /tpportal\.conf:\d+: base_url: must be an origin/);
			const ok = await runSpare(dir, { base_url: 'https://portal.example.org/', socket: `${dir}/none/s.sock` });
			assert.doesNotMatch(ok.err, /base_url/, 'a trailing / alone is an origin');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a socket folder that does not exist: the line names the socket and its folder', T, () =>
		refused((dir) => ({ socket: `${dir}/no-such-folder/s.sock` }), /socket = \S+\/no-such-folder\/s\.sock: its folder \S+\/no-such-folder does not exist/, 'missing socket folder'));

	test('a socket another server answers on: refused, and the other server keeps it', T, async () => {
		const sock = `${STACK_DIR}/run/tpportal.sock`;
		assert.ok(existsSync(sock), `${sock}: the instance's socket is not there`);
		await refused({ socket: sock }, /socket = \S+tpportal\.sock: another server answers on it/, 'second instance');
		assert.ok(existsSync(sock), 'the running server lost its socket to the refused one');
	});

	// Started by hand from a terminal with the packaged configuration (socket = -, meant for tpportal.socket):
	// before, it said "4 threads on -" and then died on its first accept() with "Socket operation on non-socket".
	test('socket = - without a listening socket on standard input: refused, saying what to set', T, () =>
		refused({ socket: '-' }, /socket = -: standard input is not a socket .*set socket = a path/, 'socket = - by hand'));

	test('a socket path that is a regular file: refused, and the file is left as it was', T, async () => {
		const dir = mkdtempSync(`${tmpdir()}/tp-start-`);
		try {
			writeFileSync(`${dir}/not-a-socket`, 'keep me');
			await refused({ socket: `${dir}/not-a-socket` }, /socket = \S+\/not-a-socket: exists and is not a socket/, 'regular file');
			assert.equal(readFileSync(`${dir}/not-a-socket`, 'utf8'), 'keep me');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	// Another server's socket that this user may not connect to (mode 0600, another owner): before, the
	// spare took it for a stale file, removed it and bound its own, cutting the other server off.
	test('a socket another server uses that this user cannot reach: refused, the other keeps it', {
		...T, skip: SKIP || (process.getuid?.() !== 0 ? 'needs root, to run the spare as another user' : false),
	}, async () => {
		const { createServer, connect } = await import('node:net');
		const dir = mkdtempSync(`${tmpdir()}/tp-start-`);
		const other = createServer((c) => c.end('other\n'));
		try {
			chmodSync(dir, 0o777);
			mkdirSync(`${dir}/up`, { mode: 0o777 });
			chmodSync(`${dir}/up`, 0o777);
			const sock = `${dir}/other.sock`;
			await new Promise((resolve) => other.listen(sock, resolve));
			chmodSync(sock, 0o600);
			const nobody = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
			const nogroup = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
			const { code, err } = await runSpare(dir, { socket: sock, upload_dir: `${dir}/up`, db_password_file: '' },
			    20_000, { uid: nobody, gid: nogroup });
			assert.equal(code, 1, `exit status (log:\n${err})`);
			assert.match(err, /socket = \S+\/other\.sock: exists and cannot be tested \(Permission denied\): another server may use it/);
			const reply = await new Promise((resolve, reject) => {
				const c = connect(sock);
				let got = '';
				c.on('data', (d) => { got += d; });
				c.on('end', () => resolve(got));
				c.on('error', reject);
			});
			assert.equal(reply, 'other\n', 'the other server lost its socket');
		} finally {
			other.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('an upload folder that does not exist: refused, naming upload_dir', T, () =>
		refused((dir) => ({ upload_dir: `${dir}/no-uploads` }), /upload_dir = \S+\/no-uploads: not a folder/, 'missing upload_dir'));

	// Checked as the user the server runs as: as root, the spare drops to "nobody" (user =) first.
	test('an upload folder it cannot write: refused, naming upload_dir', T, () =>
		refused((dir) => ({ upload_dir: `${dir}/ro`, ...(process.getuid?.() === 0 ? { user: 'nobody', db_password_file: '' } : {}) }),
		    /upload_dir = \S+\/ro: not writable by this process/, 'read-only upload_dir',
		    (dir) => { chmodSync(dir, 0o755); mkdirSync(`${dir}/ro`); chmodSync(`${dir}/ro`, 0o555); }));

	test('a password file that cannot be read: refused, naming db_password_file', T, () =>
		refused((dir) => ({ db_password_file: `${dir}/no-such-password` }), /db_password_file = \S+\/no-such-password: cannot be read/, 'missing password file'));
});

/* ---------------------------------------------------------------- a database without the schema */

const have = (cmd) => { try { execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }); return true; } catch { return false; } };
const MYCNF = STACK_DIR ? `${STACK_DIR}/my.cnf` : null;
const SKIP_EMPTY = SKIP || (process.getuid?.() !== 0 ? 'making a second database needs the instance\'s root login (run as root)' :
    !have('cgi-fcgi') ? 'no cgi-fcgi (Debian package libfcgi-bin)' : false);

/** A statement as MariaDB's root on the instance's server (unix-socket login). */
function asRoot(statement) {
	return execFileSync('mariadb', [`--defaults-file=${MYCNF}`, '-u', 'root', '-e', statement], { encoding: 'utf8', timeout: 30_000 });
}

/** GET path from a spare through cgi-fcgi: { status, type, body }. */
function fcgiGet(sock, path) {
	const env = { REQUEST_METHOD: 'GET', REQUEST_URI: path, QUERY_STRING: '', SERVER_NAME: '127.0.0.1', SERVER_PORT: '80',
	    SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '127.0.0.1', GATEWAY_INTERFACE: 'CGI/1.1', PATH: process.env.PATH };
	const out = execFileSync('cgi-fcgi', ['-bind', '-connect', sock], { env, input: '', timeout: 20_000 }).toString('utf8');
	const head = out.slice(0, out.indexOf('\r\n\r\n'));
	return {
		status: Number(/^Status: (\d{3})/mi.exec(head)?.[1] ?? 200),
		type: /^Content-Type: (.*)$/mi.exec(head)?.[1]?.trim() ?? '',
		retry: /^Retry-After: (.*)$/mi.exec(head)?.[1]?.trim() ?? null,
		body: out.slice(out.indexOf('\r\n\r\n') + 4),
	};
}

describe('a database without the schema', () => {
	test('every page answers 503 (with Retry-After), /healthz 503 in plain text; never 500', { skip: SKIP_EMPTY, timeout: 60_000 }, async () => {
		const db = `tp_noschema_${process.pid}`;
		const dir = mkdtempSync(`${tmpdir()}/tp-empty-`);
		asRoot(`CREATE DATABASE ${db}; GRANT SELECT, INSERT, UPDATE, DELETE ON ${db}.* TO 'tpportal'@'localhost'`);
		let child = null;
		try {
			const sock = `${dir}/s.sock`;
			let conf = readFileSync(CONF, 'utf8').replace(/^db_name\s*=.*$/m, `db_name = ${db}`).replace(/^socket\s*=.*$/m, `socket = ${sock}`);
			writeFileSync(`${dir}/tpportal.conf`, conf);
			child = spawn(BIN, ['-c', `${dir}/tpportal.conf`], { stdio: ['ignore', 'ignore', 'pipe'] });
			let err = '';
			child.stderr.on('data', (c) => { err += c; });
			for (let i = 0; i < 100 && !existsSync(sock); i++)
				await new Promise((r) => setTimeout(r, 50));
			assert.ok(existsSync(sock), `the spare did not start: ${err}`);
			const h = fcgiGet(sock, '/healthz');
			assert.equal(h.status, 503, `/healthz: ${h.status} ${h.body}`);
			assert.match(h.type, /^text\/plain/, '/healthz answers plain text for monitors');
			assert.match(h.body, /^unavailable/);
			for (const path of ['/', '/members', '/news', '/committees/board']) {
				const r = fcgiGet(sock, path);
				assert.equal(r.status, 503, `${path}: ${r.status}`);
				assert.ok(r.retry, `${path}: no Retry-After`);
			}
			// the spare's stderr reaches err only while this test awaits (the requests above block)
			for (let i = 0; i < 100 && !/database without the schema .*run tpportal-migrate/.test(err); i++)
				await new Promise((r) => setTimeout(r, 50));
			assert.match(err, /database without the schema .*run tpportal-migrate/, 'the log does not say what is wrong');
			assert.doesNotMatch(err, /Sanitizer|runtime error:/);
		} finally {
			child?.kill('SIGTERM');
			asRoot(`DROP DATABASE IF EXISTS ${db}`);
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

/* ------------------------------------------- restarts under the service manager's socket (socket = -) */

// What `systemctl restart tpportal` does with tpportal.socket: the manager keeps the listening socket, the
// service gets it on fd 0, is stopped with SIGTERM and started again on the same socket. Before, stopping
// shut that socket down (shutdown(2) acts on the socket, not the descriptor): the next start failed on
// accept ("Invalid argument") and every request was refused until the socket unit itself was restarted.
// The holder below plays the manager's part; requests go through cgi-fcgi straight to its socket.
const HOLDER = String.raw`
import os, signal, socket, subprocess, sys, time
path, binary, conf = sys.argv[1:4]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path); s.listen(128)
def start():
    return subprocess.Popen([binary, '-c', conf], stdin=s.fileno(), stdout=sys.stderr, stderr=sys.stderr)
child = start()
want = []
signal.signal(signal.SIGUSR1, lambda *a: want.append(1))
signal.signal(signal.SIGTERM, lambda *a: (child.send_signal(signal.SIGTERM), child.wait(), sys.exit(0)))
print('ready', flush=True)
while True:
    time.sleep(0.02)
    if want:
        want.clear()
        child.send_signal(signal.SIGTERM); child.wait(); child = start()
        print('restarted', flush=True)
`;

describe('restarts on the service manager\'s socket', () => {
	test('three restarts: every request before, between and after them is answered, none refused', {
		skip: SKIP || (!have('cgi-fcgi') ? 'no cgi-fcgi (Debian package libfcgi-bin)' : false), timeout: 90_000,
	}, async () => {
		const dir = mkdtempSync(`${tmpdir()}/tp-restart-`);
		const sock = `${dir}/held.sock`;
		writeFileSync(`${dir}/tpportal.conf`, readFileSync(CONF, 'utf8').replace(/^socket\s*=.*$/m, 'socket = -')
		    .replace(/^log_file\s*=.*$/m, ''));
		const holder = spawn('python3', ['-c', HOLDER, sock, BIN, `${dir}/tpportal.conf`], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		holder.stdout.on('data', (c) => { out += c; });
		holder.stderr.on('data', (c) => { err += c; });
		const until = async (cond, what) => {
			for (let i = 0; i < 200 && !cond(); i++)
				await new Promise((r) => setTimeout(r, 50));
			assert.ok(cond(), `${what}; the servers' log:\n${err}`);
		};
		try {
			await until(() => out.includes('ready') && /threads on -/.test(err), 'the first start');
			const answered = [];
			for (let round = 1; round <= 3; round++) {
				answered.push(fcgiGet(sock, '/healthz').status);
				holder.kill('SIGUSR1');
				// sent while the old server stops and the new one starts: it waits in the socket's queue
				answered.push(fcgiGet(sock, '/healthz').status);
				await until(() => out.split('restarted').length > round, `restart ${round}`);
				await until(() => err.split('threads on -').length > round + 1, `start ${round + 1}`);
				answered.push(fcgiGet(sock, '/members').status);
			}
			assert.deepEqual(answered, Array(9).fill(200), `statuses: ${answered.join(' ')}`);
			assert.doesNotMatch(err, /accepting a connection failed|Sanitizer|runtime error:/);
			assert.equal((err.match(/SIGTERM: finishing requests in flight/g) ?? []).length, 3);
		} finally {
			holder.kill('SIGTERM');
			await new Promise((r) => setTimeout(r, 300));
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
