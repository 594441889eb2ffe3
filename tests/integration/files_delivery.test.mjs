// files_delivery.test.mjs - file_delivery (docs/configuration.md) for real: spare tpportal processes on a copy
// of the instance's configuration, each with its own FastCGI socket and upload folder, spoken to with
// cgi-fcgi (libfcgi-bin) the way a web server speaks to them, and Apache 2.4 with mod_proxy_fcgi (and
// mod_xsendfile) in front of them when it is installed.
//
// direct: the bytes equal the upload byte for byte (a file of several 64 KiB chunks), Content-Length, ETag,
// Last-Modified, Content-Disposition; 304 on If-None-Match; 206 for a range; 416 for one outside the file;
// HEAD without a body; no X-Accel-Redirect or X-Sendfile; a row whose file is gone is the 404 page (logged),
// and the access log line counts the bytes sent. x-accel and x-sendfile: their header only behind the web
// server that understands it; behind another one the portal sends the file itself.
//
// The article is a draft (its files only for its editor: the requests carry the session), so no other test
// file sees it; it runs alone (lib_accounts.mjs exclusive()) and removes what it made.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { L, text, h1s, sleep } from './lib.mjs';
import { DEMO, Session, exclusive, sql, HAVE_SQL, location } from './lib_accounts.mjs';
import { postMultipart } from './news_lib.mjs';

const STACK_DIR = process.env.STACK_DIR?.replace(/\/+$/, '');
const BIN = process.env.TP_BUILD_DIR ? `${process.env.TP_BUILD_DIR}/src/tpportal` : null;
const CONF = STACK_DIR ? `${STACK_DIR}/tpportal.conf` : null;
const UPLOADS = STACK_DIR ? `${STACK_DIR}/uploads` : null;
const have = (cmd) => { try { execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }); return true; } catch { return false; } };
const SKIP = !STACK_DIR || !HAVE_SQL ? 'STACK_DIR and TP_STACK are not set (run under tools/stack test)' :
    !BIN || !existsSync(BIN) ? 'TP_BUILD_DIR is not set: the spare servers need the binary' :
    !have('cgi-fcgi') ? 'no cgi-fcgi (Debian package libfcgi-bin)' : false;
const APACHE = '/usr/sbin/apache2';
const MODS = '/usr/lib/apache2/modules';
const SKIP_APACHE = SKIP || (!existsSync(APACHE) || !existsSync(`${MODS}/mod_proxy_fcgi.so`) ? 'no Apache 2.4 (Debian package apache2)' : false);
const SKIP_XSENDFILE = SKIP_APACHE || (!existsSync(`${MODS}/mod_xsendfile.so`) ? 'no mod_xsendfile (Debian package libapache2-mod-xsendfile)' : false);
const IS_ROOT = process.getuid?.() === 0;

/* a PDF by its magic bytes, of several of the server's 64 KiB chunks and an odd length */
const BIG = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 * 65536 + 12345), Buffer.from('\n%%EOF\n')]);
const SMALL = Buffer.from('gone file\n');

let release = null, session = null, dir = null, article = null;
const file = {};	/* big, gone: { id, stored } */
const spares = [];

/* ---------------------------------------------------------------- helpers */

/** A spare tpportal: the instance's configuration with other lines, its own socket and upload folder. */
async function spare(name, lines) {
	const sdir = `${dir}/${name}`;
	mkdirSync(`${sdir}/uploads`, { recursive: true });
	chmodSync(sdir, 0o750);
	chmodSync(`${sdir}/uploads`, 0o750);
	copyFileSync(`${UPLOADS}/${file.big.stored}`, `${sdir}/uploads/${file.big.stored}`);	/* not the gone one */
	const sock = `${sdir}/s.sock`;
	let conf = readFileSync(CONF, 'utf8');
	const all = { socket: sock, threads: '2', upload_dir: `${sdir}/uploads`, ...lines };
	for (const [k, v] of Object.entries(all))
		conf = new RegExp(`^${k}\\s*=`, 'm').test(conf) ? conf.replace(new RegExp(`^${k}\\s*=.*$`, 'm'), `${k} = ${v}`) : `${conf}${k} = ${v}\n`;
	writeFileSync(`${sdir}/tpportal.conf`, conf);
	const child = spawn(BIN, ['-c', `${sdir}/tpportal.conf`], { stdio: ['ignore', 'ignore', 'pipe'] });
	const s = { name, sock, child, err: '', log: () => s.err };
	child.stderr.on('data', (c) => { s.err += c; });
	spares.push(s);
	const started = Date.now();
	while (!existsSync(sock)) {
		assert.ok(child.exitCode === null && Date.now() - started < 15_000, `spare ${name} did not start:\n${s.err}`);
		await sleep(50);
	}
	return s;
}

/**
 * One FastCGI request through cgi-fcgi, as a web server sends it: { status, headers (lower-case keys),
 * body (Buffer) }. headers: HTTP request headers by name ("Range"); server: SERVER_SOFTWARE.
 */
function fcgi(s, method, path, { headers = {}, server } = {}) {
	const env = {
		REQUEST_METHOD: method, REQUEST_URI: path, QUERY_STRING: '', SERVER_NAME: '127.0.0.1', SERVER_PORT: '80',
		SERVER_PROTOCOL: 'HTTP/1.1', REMOTE_ADDR: '127.0.0.1', GATEWAY_INTERFACE: 'CGI/1.1',
		HTTP_COOKIE: `tp_session=${session.cookie}`, PATH: process.env.PATH,
	};
	if (server !== undefined)
		env.SERVER_SOFTWARE = server;
	for (const [k, v] of Object.entries(headers))
		env[`HTTP_${k.toUpperCase().replace(/-/g, '_')}`] = v;
	const out = execFileSync('cgi-fcgi', ['-bind', '-connect', s.sock], { env, input: '', timeout: 20_000, maxBuffer: 64 << 20 });
	return parseCgi(out, `${method} ${path}`);
}

function parseCgi(out, what) {
	const end = out.indexOf('\r\n\r\n');
	assert.ok(end > 0, `${what}: no response head in ${out.length} bytes`);
	const hdrs = {};
	for (const l of out.subarray(0, end).toString('latin1').split('\r\n')) {
		const i = l.indexOf(':');
		hdrs[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
	}
	const status = Number(/^(\d{3})/.exec(hdrs.status ?? '')?.[1]);
	return { status, headers: hdrs, body: out.subarray(end + 4) };
}

/** The access log line of the spare for method path status after offset. */
async function accessLine(s, off, method, path, status) {
	const re = new RegExp(`info \\[\\d+\\] \\S+ \\S+ ${method} ${path.replace(/[/]/g, '\\/')} ${status} sent (\\d+)B(?: via (\\S+) \\(a file of (\\d+)B\\))? read \\d+B [\\d.]+ms`, 'm');
	for (let i = 0; i < 50; i++) {
		const m = re.exec(s.log().slice(off));
		if (m)
			return m[2] ? { bytes: Number(m[1]), via: m[2], file: Number(m[3]) } : { bytes: Number(m[1]), via: null };
		await sleep(50);
	}
	assert.fail(`${s.name}: no access line "${method} ${path} ${status}" in:\n${s.log().slice(off)}`);
}

function assertNoInternalHeaders(res, what) {
	assert.equal(res.headers['x-accel-redirect'], undefined, `${what}: X-Accel-Redirect reached the client`);
	assert.equal(res.headers['x-sendfile'], undefined, `${what}: X-Sendfile reached the client`);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/* ---------------------------------------------------------------- set-up */

before(async () => {
	if (SKIP)
		return;
	release = await exclusive();
	session = await Session.signIn(DEMO.chungnam.login);
	const fields = [['title', '파일 전달 시험'], ['category', 'notice'], ['state', 'draft'], ['pinned_until', ''], ['body', '본문']];
	const res = await postMultipart('/admin/news', fields, [
		{ filename: '큰 보고서.pdf', type: 'application/pdf', bytes: BIG },
		{ filename: 'gone.txt', type: 'text/plain', bytes: SMALL },
	], { session });
	assert.equal(res.status, 303, `create the draft: ${res.status} ${text(res.body).slice(0, 300)}`);
	article = Number(/^\/admin\/news\/(\d+)\?done=saved$/.exec(location(res))?.[1]);
	assert.ok(article > 0, `create the draft: redirected to ${location(res)}`);
	for (const r of sql(`SELECT id, stored_name, filename FROM attachments WHERE owner_type = 'news' AND owner_id = ${article} ORDER BY id`))
		file[r.filename === 'gone.txt' ? 'gone' : 'big'] = { id: Number(r.id), stored: r.stored_name };
	assert.ok(file.big && file.gone, 'the two attachments were stored');
	dir = mkdtempSync(`${tmpdir()}/tp-files-`);
	chmodSync(dir, 0o750);	/* Apache's workers (group root when the test runs as root) reach the sockets */
});

after(async () => {
	for (const s of spares) {
		s.child.kill('SIGTERM');
		for (let i = 0; i < 100 && s.child.exitCode === null && s.child.signalCode === null; i++)
			await sleep(50);
		assert.doesNotMatch(s.log(), /Sanitizer|runtime error:/, `spare ${s.name}: a sanitizer report`);
	}
	if (article !== null) {
		const stored = sql(`SELECT stored_name FROM attachments WHERE owner_type = 'news' AND owner_id = ${article}`);
		sql(`DELETE FROM attachments WHERE owner_type = 'news' AND owner_id = ${article}`);
		sql(`DELETE FROM news_articles WHERE id = ${article}`);
		sql(`DELETE FROM audit_changes WHERE entity = 'news' AND entity_id = ${article}`);
		for (const r of stored)
			if (/^[0-9a-f]{32}$/.test(r.stored_name))
				rmSync(`${UPLOADS}/${r.stored_name}`, { force: true });
	}
	if (dir)
		rmSync(dir, { recursive: true, force: true });
	if (release)
		release();
});

/* ---------------------------------------------------------------- direct */

describe('file_delivery = direct: the portal streams the file', { concurrency: 1 }, () => {
	let s, etag;

	before(async () => {
		if (!SKIP)
			s = await spare('direct', { file_delivery: 'direct' });
	});

	test('GET: the bytes of the upload, with length, validators, name and type; the log counts the bytes', { skip: SKIP }, async () => {
		const off = s.log().length;
		const res = fcgi(s, 'GET', `/files/${file.big.id}`, { server: 'nginx/1.22.1' });
		assert.equal(res.status, 200);
		assert.ok(res.body.equals(BIG), `the body is not the upload (${res.body.length} bytes, want ${BIG.length})`);
		assert.equal(res.headers['content-length'], String(BIG.length));
		assert.equal(res.headers['content-type'], 'application/pdf');
		assert.match(res.headers['content-disposition'] ?? '', /^attachment; filename="[^"]+"; filename\*=UTF-8''%ED%81%B0%20/);
		assert.match(res.headers.etag ?? '', /^"[0-9a-f]{32}-[0-9a-f]+"$/, 'a strong ETag');
		assert.match(res.headers['last-modified'] ?? '', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		assert.ok(Math.abs(Date.parse(res.headers['last-modified']) - Date.now()) < 3600_000, 'Last-Modified is the upload time');
		assert.equal(res.headers['accept-ranges'], 'bytes');
		assert.match(res.headers['content-security-policy'] ?? '', /sandbox/);
		assertNoInternalHeaders(res, 'direct');
		etag = res.headers.etag;
		const line = await accessLine(s, off, 'GET', `/files/${file.big.id}`, 200);
		assert.deepEqual(line, { bytes: BIG.length, via: null }, 'the access line records the bytes sent');
	});

	test('If-None-Match with its ETag: 304 without a body; another tag: 200', { skip: SKIP }, async () => {
		const res = fcgi(s, 'GET', `/files/${file.big.id}`, { headers: { 'If-None-Match': `"nope", ${etag}` } });
		assert.equal(res.status, 304);
		assert.equal(res.body.length, 0);
		assert.equal(res.headers.etag, etag);
		assert.equal(res.headers['content-length'], undefined);
		const other = fcgi(s, 'GET', `/files/${file.big.id}`, { headers: { 'If-None-Match': '"nope"' } });
		assert.equal(other.status, 200);
		assert.equal(other.body.length, BIG.length);
	});

	test('Range: 206 with Content-Range and those bytes; a suffix; one outside the file 416; several: the whole file', { skip: SKIP }, async () => {
		const off = s.log().length;
		const res = fcgi(s, 'GET', `/files/${file.big.id}`, { headers: { Range: 'bytes=65530-131080' } });
		assert.equal(res.status, 206);
		assert.equal(res.headers['content-range'], `bytes 65530-131080/${BIG.length}`);
		assert.equal(res.headers['content-length'], String(131080 - 65530 + 1));
		assert.ok(res.body.equals(BIG.subarray(65530, 131081)), 'the range is not those bytes of the upload');
		assert.equal((await accessLine(s, off, 'GET', `/files/${file.big.id}`, 206)).bytes, 131080 - 65530 + 1);
		const tail = fcgi(s, 'GET', `/files/${file.big.id}`, { headers: { Range: 'bytes=-100' } });
		assert.equal(tail.status, 206);
		assert.ok(tail.body.equals(BIG.subarray(BIG.length - 100)));
		const bad = fcgi(s, 'GET', `/files/${file.big.id}`, { headers: { Range: `bytes=${BIG.length}-` } });
		assert.equal(bad.status, 416);
		assert.equal(bad.headers['content-range'], `bytes */${BIG.length}`);
		assert.equal(h1s(bad.body.toString('utf8'))[0], L['error.416.title'], 'the 416 error page');
		const multi = fcgi(s, 'GET', `/files/${file.big.id}`, { headers: { Range: 'bytes=0-1,5-6' } });
		assert.equal(multi.status, 200);
		assert.ok(multi.body.equals(BIG));
		const ifRange = fcgi(s, 'GET', `/files/${file.big.id}`, { headers: { Range: 'bytes=0-1', 'If-Range': '"old"' } });
		assert.equal(ifRange.status, 200, 'If-Range with another tag: the whole file');
	});

	test('HEAD: the head of a GET, no body', { skip: SKIP }, async () => {
		const res = fcgi(s, 'HEAD', `/files/${file.big.id}`);
		assert.equal(res.status, 200);
		assert.equal(res.headers['content-length'], String(BIG.length));
		assert.equal(res.headers.etag, etag);
		assert.equal(res.body.length, 0, 'HEAD sent a body');
	});

	test('a row whose file is gone from the disk: the 404 page saying so, logged; never an empty 200', { skip: SKIP }, async () => {
		const off = s.log().length;
		const res = fcgi(s, 'GET', `/files/${file.gone.id}`);
		assert.equal(res.status, 404);
		assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
		const html = res.body.toString('utf8');
		assert.equal(h1s(html)[0], L['error.404.title']);
		assert.ok(text(html).includes(L['error.file_missing']), 'the page says the file is missing');
		assert.equal(res.headers['content-disposition'], undefined, 'an error page is not an attachment');
		await accessLine(s, off, 'GET', `/files/${file.gone.id}`, 404);	/* logged after the warning */
		assert.match(s.log().slice(off), new RegExp(`files: attachment ${file.gone.id} \\(gone\\.txt\\): stored file \\S+ is missing`));
	});
});

/* ---------------------------------------------------------------- x-accel and x-sendfile through cgi-fcgi */

describe('x-accel and x-sendfile: the header only for the web server that takes it', { concurrency: 1 }, () => {
	test('x-accel behind nginx: X-Accel-Redirect and no body; behind Apache: the file itself, and a warning once', { skip: SKIP }, async () => {
		const s = await spare('accel', { file_delivery: 'x-accel' });
		const off = s.log().length;
		const ng = fcgi(s, 'GET', `/files/${file.big.id}`, { server: 'nginx/1.22.1' });
		assert.equal(ng.status, 200);
		assert.equal(ng.headers['x-accel-redirect'], `/_files/${file.big.stored}`);
		assert.equal(ng.body.length, 0);
		assert.deepEqual(await accessLine(s, off, 'GET', `/files/${file.big.id}`, 200), { bytes: 0, via: 'x-accel', file: BIG.length },
		    'the access line names the web server that sends the file, and its size');
		for (const server of ['Apache/2.4.62 (Debian)', undefined]) {
			const ap = fcgi(s, 'GET', `/files/${file.big.id}`, { server });
			assert.equal(ap.status, 200);
			assertNoInternalHeaders(ap, `x-accel behind ${server ?? 'an unnamed server'}`);
			assert.ok(ap.body.equals(BIG), `x-accel behind ${server ?? 'an unnamed server'}: not the file`);
		}
		await accessLine(s, off, 'GET', `/files/${file.big.id}`, 200);
		for (let i = 0; i < 50 && !/file_delivery = x-accel, but the web server is Apache/.test(s.log()); i++)
			await sleep(50);
		assert.equal((s.log().match(/file_delivery = x-accel, but the web server is/g) ?? []).length, 1, `warned once:\n${s.log()}`);
		const gone = fcgi(s, 'GET', `/files/${file.gone.id}`, { server: 'nginx/1.22.1' });
		assert.equal(gone.status, 404, 'x-accel: a missing file is the portal\'s 404 too');
		assertNoInternalHeaders(gone, 'x-accel, missing file');
	});

	test('x-sendfile behind Apache: X-Sendfile with the absolute path; behind nginx: the file itself', { skip: SKIP }, async () => {
		const s = await spare('sendfile', { file_delivery: 'x-sendfile' });
		const ap = fcgi(s, 'GET', `/files/${file.big.id}`, { server: 'Apache/2.4.62 (Debian)' });
		assert.equal(ap.status, 200);
		assert.equal(ap.headers['x-sendfile'], `${dir}/sendfile/uploads/${file.big.stored}`);
		assert.equal(ap.headers['x-accel-redirect'], undefined);
		assert.equal(ap.body.length, 0);
		const ng = fcgi(s, 'GET', `/files/${file.big.id}`, { server: 'nginx/1.22.1' });
		assertNoInternalHeaders(ng, 'x-sendfile behind nginx');
		assert.ok(ng.body.equals(BIG));
	});
});

/* ---------------------------------------------------------------- Apache 2.4 in front */

/** A private Apache on a free loopback port in front of socket sock; resolves { url, stop }. */
async function apache(name, sock, extra = '') {
	const adir = `${dir}/apache-${name}`;
	mkdirSync(`${adir}/run`, { recursive: true });
	const port = await freePort();
	const mods = ['mpm_event', 'authz_core', 'mime', 'proxy', 'proxy_fcgi', ...(extra ? ['xsendfile'] : [])];
	writeFileSync(`${adir}/httpd.conf`, [
		`ServerRoot "${adir}"`, 'ServerName localhost', `Listen 127.0.0.1:${port}`,
		`PidFile "${adir}/run/httpd.pid"`, `DefaultRuntimeDir "${adir}/run"`, `ErrorLog "${adir}/error.log"`,
		'LogFormat "%h %l %u %t \\"%r\\" %>s %b" common', `CustomLog "${adir}/access.log" common`,
		...mods.map((m) => `LoadModule ${m}_module ${MODS}/mod_${m}.so`),
		/* as root, the workers are www-data with group root: they reach the 0660 socket and the 0640 files */
		...(IS_ROOT ? ['User www-data', 'Group root'] : []),
		'TypesConfig /etc/mime.types', 'ServerTokens Prod',
		'ProxyFCGIBackendType GENERIC',
		`ProxyPass "/" "unix:${sock}|fcgi://localhost/" enablereuse=off`,
		extra, '',
	].join('\n'));
	execFileSync(APACHE, ['-f', `${adir}/httpd.conf`, '-t'], { stdio: 'pipe', timeout: 20_000 });
	const child = spawn(APACHE, ['-f', `${adir}/httpd.conf`, '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	child.stderr.on('data', (c) => { err += c; });
	const url = `http://127.0.0.1:${port}`;
	const started = Date.now();
	for (;;) {
		try {
			await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
			break;
		} catch {
			assert.ok(child.exitCode === null && Date.now() - started < 20_000, `Apache did not start:\n${err}\n` +
			    (existsSync(`${adir}/error.log`) ? readFileSync(`${adir}/error.log`, 'utf8') : ''));
			await sleep(100);
		}
	}
	const stop = async () => {
		child.kill('SIGTERM');
		for (let i = 0; i < 100 && child.exitCode === null && child.signalCode === null; i++)
			await sleep(50);
		if (child.exitCode === null && child.signalCode === null)
			child.kill('SIGKILL');
	};
	return { url, stop, errorLog: () => (existsSync(`${adir}/error.log`) ? readFileSync(`${adir}/error.log`, 'utf8') : '') };
}

const browserGet = (url, headers = {}) => fetch(url, { headers: { Cookie: `tp_session=${session.cookie}`, ...headers }, redirect: 'manual' })
    .then(async (r) => ({ status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()) }));

describe('through Apache 2.4 (mod_proxy_fcgi), as users meet it', { concurrency: 1 }, () => {
	test('file_delivery = direct: the download, a range, 304, HEAD, a missing file', { skip: SKIP_APACHE, timeout: 120_000 }, async () => {
		const s = await spare('apache-direct', { file_delivery: 'direct' });
		const a = await apache('direct', s.sock);
		try {
			const res = await browserGet(`${a.url}/files/${file.big.id}`);
			assert.equal(res.status, 200, `through Apache: ${res.status}\n${a.errorLog()}`);
			assert.ok(res.body.equals(BIG), `through Apache: ${res.body.length} bytes, want ${BIG.length}`);
			/* Apache 2.4 passes the body on chunked and drops the portal's Content-Length */
			assert.ok([null, String(BIG.length)].includes(res.headers.get('content-length')), 'Content-Length');
			assert.match(res.headers.get('content-disposition') ?? '', /^attachment;/);
			assert.equal(res.headers.get('x-accel-redirect'), null);
			assert.equal(res.headers.get('x-sendfile'), null);
			const etag = res.headers.get('etag');
			assert.match(etag ?? '', /^"[0-9a-f]{32}-[0-9a-f]+"$/);
			const part = await browserGet(`${a.url}/files/${file.big.id}`, { Range: 'bytes=100-199' });
			assert.equal(part.status, 206);
			assert.ok(part.body.equals(BIG.subarray(100, 200)));
			assert.equal(part.headers.get('content-range'), `bytes 100-199/${BIG.length}`);
			assert.equal((await browserGet(`${a.url}/files/${file.big.id}`, { 'If-None-Match': etag })).status, 304);
			assert.equal((await browserGet(`${a.url}/files/${file.big.id}`, { Range: `bytes=${BIG.length}-` })).status, 416);
			const head = await fetch(`${a.url}/files/${file.big.id}`, { method: 'HEAD', headers: { Cookie: `tp_session=${session.cookie}` } });
			assert.equal(head.status, 200);
			assert.ok([null, String(BIG.length)].includes(head.headers.get('content-length')), 'HEAD: Content-Length');
			const gone = await browserGet(`${a.url}/files/${file.gone.id}`);
			assert.equal(gone.status, 404);
			assert.ok(text(gone.body.toString('utf8')).includes(L['error.file_missing']));
		} finally {
			await a.stop();
		}
	});

	test('the default x-accel behind Apache (the issue): the file arrives, not an empty 200', { skip: SKIP_APACHE, timeout: 120_000 }, async () => {
		const s = await spare('apache-accel', { file_delivery: 'x-accel' });
		const a = await apache('accel', s.sock);
		try {
			const res = await browserGet(`${a.url}/files/${file.big.id}`);
			assert.equal(res.status, 200);
			assert.equal(res.headers.get('x-accel-redirect'), null, 'X-Accel-Redirect leaked through Apache');
			assert.ok(res.body.equals(BIG), `through Apache: ${res.body.length} bytes, want ${BIG.length}`);
		} finally {
			await a.stop();
		}
	});

	test('file_delivery = x-sendfile with mod_xsendfile: Apache sends the file, the header stays inside', { skip: SKIP_XSENDFILE, timeout: 120_000 }, async () => {
		const s = await spare('apache-sendfile', { file_delivery: 'x-sendfile' });
		const a = await apache('sendfile', s.sock, `XSendFile On\nXSendFilePath "${dir}/apache-sendfile/uploads"`);
		try {
			const res = await browserGet(`${a.url}/files/${file.big.id}`);
			assert.equal(res.status, 200, `through Apache: ${res.status}\n${a.errorLog()}`);
			assert.equal(res.headers.get('x-sendfile'), null, 'X-Sendfile leaked through Apache');
			assert.ok(res.body.equals(BIG), `through Apache: ${res.body.length} bytes, want ${BIG.length}`);
			assert.match(res.headers.get('content-disposition') ?? '', /^attachment;/);
		} finally {
			await a.stop();
		}
	});
});
