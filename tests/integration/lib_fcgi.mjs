// lib_fcgi.mjs - a small FastCGI client (responder role) for tests that talk to a tpportal socket directly,
// without a web server in front: a spare server's requests, and a request body sent in pieces (nginx
// would buffer it whole first).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const BEGIN = 1, END = 3, PARAMS = 4, STDIN = 5, STDOUT = 6, STDERR = 7;

function record(type, content = Buffer.alloc(0), id = 1) {
	const pad = (8 - (content.length % 8)) % 8;
	const h = Buffer.from([1, type, id >> 8, id & 255, content.length >> 8, content.length & 255, pad, 0]);
	return Buffer.concat([h, content, Buffer.alloc(pad)]);
}

function lenBytes(n) {
	return n < 128 ? Buffer.from([n]) : Buffer.from([(n >>> 24) | 0x80, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

function paramsRecords(params) {
	const parts = [];
	for (const [k, v] of Object.entries(params)) {
		const kb = Buffer.from(k), vb = Buffer.from(String(v));
		parts.push(lenBytes(kb.length), lenBytes(vb.length), kb, vb);
	}
	const all = Buffer.concat(parts), out = [];
	for (let i = 0; i < all.length; i += 65535)
		out.push(record(PARAMS, all.subarray(i, i + 65535)));
	out.push(record(PARAMS));
	return out;
}

function stdinRecords(body) {
	const out = [];
	for (let i = 0; i < body.length; i += 65535)
		out.push(record(STDIN, body.subarray(i, i + 65535)));
	return out;
}

/** Parse "Status: 200 OK\r\nName: value\r\n\r\nbody" into { status, headers (lower-case names), body }. */
function parseResponse(buf) {
	const sep = buf.indexOf('\r\n\r\n');
	const head = buf.subarray(0, sep < 0 ? buf.length : sep).toString('latin1');
	const headers = {};
	for (const line of head.split('\r\n')) {
		const i = line.indexOf(':');
		if (i > 0)
			headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	const status = Number(/^(\d{3})/.exec(headers.status ?? '200')?.[1] ?? 200);
	return { status, headers, body: sep < 0 ? '' : buf.subarray(sep + 4).toString('utf8') };
}

/**
 * Start one request on the unix socket sock. env: the FastCGI parameters (REQUEST_METHOD, REQUEST_URI, ...);
 * body: a Buffer. With { hold: n }, only the first n bytes of the body are sent until release() is called.
 * Returns { done: Promise<{ status, headers, body, ms }>, release(), abort() }.
 */
export function fcgi(sock, env, body = Buffer.alloc(0), { hold = null } = {}) {
	const started = Date.now();
	const c = net.createConnection(sock);
	const chunks = [];
	let pending = Buffer.alloc(0);
	const done = new Promise((resolve, reject) => {
		c.on('error', reject);
		c.on('data', (d) => {
			pending = Buffer.concat([pending, d]);
			while (pending.length >= 8) {
				const type = pending[1], len = (pending[4] << 8) | pending[5], pad = pending[6];
				if (pending.length < 8 + len + pad)
					break;
				const content = pending.subarray(8, 8 + len);
				if (type === STDOUT)
					chunks.push(Buffer.from(content));
				else if (type === END) {
					c.end();
					resolve({ ...parseResponse(Buffer.concat(chunks)), ms: Date.now() - started });
				} else if (type !== STDERR)
					reject(new Error(`fcgi: unexpected record type ${type}`));
				pending = pending.subarray(8 + len + pad);
			}
		});
		c.on('close', () => reject(new Error('fcgi: the connection closed before the end of the request')));
	});
	done.catch(() => {});
	const first = hold === null ? body : body.subarray(0, hold);
	const begin = Buffer.from([0, 1, 0, 0, 0, 0, 0, 0]);	/* role RESPONDER, flags 0: close after */
	c.write(Buffer.concat([record(BEGIN, begin), ...paramsRecords({ CONTENT_LENGTH: body.length, ...env }), ...stdinRecords(first)]));
	const finish = (rest) => c.write(Buffer.concat([...stdinRecords(rest), record(STDIN)]));
	if (hold === null)
		finish(Buffer.alloc(0));
	return {
		done,
		release: () => finish(body.subarray(hold)),
		abort: () => c.destroy(),
	};
}

/** A GET (or another body-less request) over FastCGI; resolves { status, headers, body, ms }. */
export function fcgiGet(sock, uri, headers = {}) {
	const [path, query = ''] = uri.split('?');
	return fcgi(sock, { REQUEST_METHOD: 'GET', REQUEST_URI: uri, DOCUMENT_URI: path, QUERY_STRING: query,
		REMOTE_ADDR: '127.0.0.1', SERVER_SOFTWARE: 'lib_fcgi', ...headers }).done;
}

/**
 * A spare tpportal (the build's binary, TP_BUILD_DIR) on the instance's configuration ($STACK_DIR/tpportal.conf)
 * with its socket in dir and these keys replaced or added; resolves once the socket exists.
 * Returns { sock, child, log() } (log: what it wrote to stderr so far).
 */
export async function startSpare(dir, lines = {}) {
	const stack = process.env.STACK_DIR.replace(/\/+$/, '');
	const sock = `${dir}/s.sock`;
	let conf = readFileSync(`${stack}/tpportal.conf`, 'utf8').replace(/^socket\s*=.*$/m, `socket = ${sock}`);
	for (const [k, v] of Object.entries(lines)) {	/* a key may be given once: replace it, or add it */
		const re = new RegExp(`^${k}\\s*=.*$`, 'm');
		conf = re.test(conf) ? conf.replace(re, `${k} = ${v}`) : `${conf}${k} = ${v}\n`;
	}
	writeFileSync(`${dir}/tpportal.conf`, conf);
	const child = spawn(`${process.env.TP_BUILD_DIR}/src/tpportal`, ['-c', `${dir}/tpportal.conf`], { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	child.stderr.on('data', (c) => { log += c; });
	const started = Date.now();
	while (!existsSync(sock)) {
		assert.ok(Date.now() - started < 15_000 && child.exitCode === null, `the spare did not start:\n${log}`);
		await sleep(50);
	}
	return { sock, child, log: () => log };
}
