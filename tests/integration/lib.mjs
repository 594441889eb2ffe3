// lib.mjs - shared helpers of the integration tests: HTTP against the real stack, small HTML readers,
// the route list, the UI texts (templates/lang/ko.hdf) and the expected data, read from sql/*.sql.
//
// Expectations come from the SQL files, never from pages: a model of each page's query (filters,
// ORDER BY, LIMIT) runs over the rows parsed here. Strings are ordered by code point, which is how
// utf8mb4_unicode_ci orders the Hangul, digits and spaces the data holds.

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import net from 'node:net';
import assert from 'node:assert/strict';

export const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

if (!process.env.TP_BASE_URL)
	throw new Error('TP_BASE_URL is not set: run these tests with `tools/stack test`, or set ' +
	    'TP_BASE_URL=http://127.0.0.1:PORT for a running instance');
export const BASE = process.env.TP_BASE_URL.replace(/\/+$/, '');
const BASE_URL = new URL(BASE);

/* ---------------------------------------------------------------- HTTP */

// tools/stack test runs a private instance whose database only stops in zz_db_outage.test.mjs; a
// development instance may restart (and answer 502, 503 or nothing) for a moment, so without
// TP_STACK a 503 is retried as well.
const TRANSIENT = new Set(process.env.TP_STACK ? [502, 504] : [502, 503, 504]);
const RETRY_FOR_MS = 10_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export { sleep };

/*
 * Test lanes (tools/lib/suites.sh): tools/stack test runs the mail files (`// test-lane: mail`) beside
 * the others, two files at a time against one instance. Every file of a lane holds the lanes' lock
 * shared while it runs; a file that changes records other files compare pages with takes it whole
 * (lib_accounts.mjs exclusive()), so it runs while no file of the other lane does. The lock is flock(1)
 * on a file named after the port, held by a child that lives as long as this process's end of its
 * pipe: a killed test file frees it. Without TP_TEST_LANES (one file at a time) there is no lock.
 */
export const LANE_LOCK = `${process.env.TMPDIR ?? '/tmp'}/tpportal-lanes-${new URL(process.env.TP_BASE_URL).port || 80}.lock`;

/** Hold LANE_LOCK, shared or whole; resolves to a function that lets it go. */
export function holdLaneLock(whole) {
	return new Promise((resolve, reject) => {
		const child = spawn('flock', [whole ? '-x' : '-s', LANE_LOCK, 'sh', '-c', 'echo held; exec cat >/dev/null'],
			{ stdio: ['pipe', 'pipe', 'inherit'] });
		child.on('error', reject);
		child.stdout.once('data', () => {
			child.unref();
			child.stdin.unref();
			child.stdout.unref();
			resolve(() => { child.stdin.end(); child.kill(); });
		});
	});
}

let laneShared = process.env.TP_TEST_LANES ? await holdLaneLock(false) : null;

/** Trade this file's shared hold of the lanes' lock for the whole lock (lib_accounts.mjs exclusive()). */
export async function holdLanesWhole() {
	if (!process.env.TP_TEST_LANES)
		return () => {};
	laneShared?.();
	laneShared = null;
	return holdLaneLock(true);
}

/** promise's value, or late when it has not settled within ms. The timer is cleared either way: a
 * pending one would hold the test file's process open for the rest of ms after its last test. */
export async function within(promise, ms, late = 'timeout') {
	let timer;
	try {
		return await Promise.race([promise, new Promise((resolve) => { timer = setTimeout(() => resolve(late), ms); })]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Request path (absolute path + query, sent as written) and read the whole answer.
 * Returns { status, headers (a Headers), body (string), bytes (Buffer) }.
 * retry: false to see the first answer as it is (the outage test).
 */
export async function request(path, { method = 'GET', headers = {}, body, retry = true, timeoutMs = 20_000 } = {}) {
	const url = BASE + path;
	const started = Date.now();
	for (;;) {
		let res, err;
		try {
			res = await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
		} catch (e) {
			err = e;
		}
		if (res !== undefined && !(retry && TRANSIENT.has(res.status))) {
			const bytes = Buffer.from(await res.arrayBuffer());
			return { status: res.status, headers: res.headers, body: bytes.toString('utf8'), bytes };
		}
		if (res !== undefined)
			await res.arrayBuffer().catch(() => {});
		if (!retry || Date.now() - started > RETRY_FOR_MS) {
			if (err !== undefined)
				throw new Error(`${method} ${path}: ${err.cause?.code ?? err.message}`, { cause: err });
			const bytes = Buffer.from(await res.arrayBuffer().catch(() => new ArrayBuffer(0)));
			return { status: res.status, headers: res.headers, body: bytes.toString('utf8'), bytes };
		}
		await sleep(250);
	}
}

export const get = (path, opts = {}) => request(path, { ...opts, method: 'GET' });

/**
 * One raw HTTP/1.1 exchange over a socket (Connection: close), so that what is on the wire is seen:
 * fetch hides a body that follows a HEAD answer. Returns { status, headers (lower-case keys), body (Buffer) }.
 */
export function rawRequest(method, path, { headers = {}, timeoutMs = 20_000 } = {}) {
	return new Promise((resolve, reject) => {
		const sock = net.connect({ host: BASE_URL.hostname, port: Number(BASE_URL.port || 80) });
		const chunks = [];
		sock.setTimeout(timeoutMs, () => sock.destroy(new Error(`${method} ${path}: timeout`)));
		sock.on('connect', () => {
			let head = `${method} ${path} HTTP/1.1\r\nHost: ${BASE_URL.host}\r\nConnection: close\r\n`;
			for (const [k, v] of Object.entries(headers))
				head += `${k}: ${v}\r\n`;
			sock.write(head + '\r\n');
		});
		sock.on('data', (c) => chunks.push(c));
		sock.on('error', reject);
		sock.on('close', () => {
			const all = Buffer.concat(chunks);
			const end = all.indexOf('\r\n\r\n');
			if (end < 0)
				return reject(new Error(`${method} ${path}: no complete response head (${all.length} bytes)`));
			const lines = all.subarray(0, end).toString('latin1').split('\r\n');
			const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
			if (!m)
				return reject(new Error(`${method} ${path}: bad status line ${JSON.stringify(lines[0])}`));
			const hdrs = {};
			for (const l of lines.slice(1)) {
				const i = l.indexOf(':');
				hdrs[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
			}
			resolve({ status: Number(m[1]), headers: hdrs, body: all.subarray(end + 4) });
		});
	});
}

/** Run fn over items, at most limit at a time; results in item order. */
export async function mapLimit(items, limit, fn) {
	const out = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i], i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return out;
}

/* ---------------------------------------------------------------- HTML */

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decode(s) {
	return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e) => {
		if (e[0] === '#')
			return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		return ENTITIES[e.toLowerCase()] ?? all;
	});
}

/** The text of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
export function text(html) {
	return decode(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** Every match of re (global) as its first group, or the whole match. */
export function all(html, re) {
	return [...html.matchAll(re)].map((m) => (m.length > 1 ? m[1] : m[0]));
}

/** The inner HTML of the first <tag ...attrs...> whose opening tag matches attrRe, up to its first closing tag. */
export function element(html, tag, attrRe = /.*/) {
	const re = new RegExp(`<${tag}(\\s[^>]*)?>`, 'gi');
	for (const m of html.matchAll(re)) {
		if (!attrRe.test(m[1] ?? ''))
			continue;
		const start = m.index + m[0].length;
		const end = html.indexOf(`</${tag}>`, start);
		return end < 0 ? null : html.slice(start, end);
	}
	return null;
}

export const h1s = (html) => all(html, /<h1(?:\s[^>]*)?>([\s\S]*?)<\/h1>/gi).map(text);
export const titleOf = (html) => text(element(html, 'title') ?? '');

/** A section's inner HTML by the id of its heading (aria-labelledby). */
export function section(html, headingId) {
	return element(html, 'section', new RegExp(`aria-labelledby="${headingId}"`));
}

/** Links as { href (decoded), rel, text }. */
export function links(html) {
	return [...html.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a>/gi)].map((m) => ({
		href: decode(/href="([^"]*)"/.exec(m[1])?.[1] ?? ''),
		rel: /rel="([^"]*)"/.exec(m[1])?.[1] ?? null,
		text: text(m[2]),
	}));
}

/** <dt>/<dd> pairs of the first <dl class="cls"> as [[dtText, ddHtml], ...]. */
export function definitions(html, cls) {
	const dl = element(html, 'dl', new RegExp(`class="${cls}"`));
	assert.ok(dl !== null, `no <dl class="${cls}">`);
	return [...dl.matchAll(/<dt(?:\s[^>]*)?>([\s\S]*?)<\/dt>\s*<dd(?:\s[^>]*)?>([\s\S]*?)<\/dd>/gi)].map((m) => [text(m[1]), m[2]]);
}

/**
 * The rows of the first <table class="cls">: { head: [column names], rows: [[cell HTML, ...], ...] },
 * or null when there is no such table.
 */
export function table(html, cls) {
	const t = element(html, 'table', new RegExp(`class="${cls}"`));
	if (t === null)
		return null;
	const head = all(element(t, 'thead') ?? '', /<th(?:\s[^>]*)?>([\s\S]*?)<\/th>/gi).map(text);
	const rows = all(element(t, 'tbody') ?? '', /<tr(?:\s[^>]*)?>([\s\S]*?)<\/tr>/gi)
	    .map((tr) => all(tr, /<t[hd](?:\s[^>]*)?>([\s\S]*?)<\/t[hd]>/gi));
	return { head, rows };
}

/** The options of <select id="id"> as { value, label, selected }. */
export function options(html, id) {
	const s = element(html, 'select', new RegExp(`id="${id}"`));
	assert.ok(s !== null, `no <select id="${id}">`);
	return [...s.matchAll(/<option\s([^>]*)>([\s\S]*?)<\/option>/gi)].map((m) => ({
		value: decode(/value="([^"]*)"/.exec(m[1])?.[1] ?? ''),
		label: text(m[2]),
		selected: /\sselected\b|^selected\b/.test(m[1]),
	}));
}

/* ---------------------------------------------------------------- UI texts */

/** templates/lang/ko.hdf as a flat map: L['error.404.title'] = '페이지를 찾을 수 없음'. */
export const L = (() => {
	const out = {};
	for (const line of readFileSync(`${ROOT}/templates/lang/ko.hdf`, 'utf8').split('\n')) {
		const m = /^\s*([A-Za-z0-9_.]+)\s*=\s*(.*?)\s*$/.exec(line);
		if (m && !line.trimStart().startsWith('#'))
			out[m[1]] = m[2];
	}
	return out;
})();

/* ---------------------------------------------------------------- routes */

/**
 * The route table: from `$TP_BUILD_DIR/src/tpportal --list-routes` (METHODS PATTERN ACCESS SAMPLE),
 * or, only when TP_BUILD_DIR is unset, parsed from src/app/routes.c.
 * Each route: { methods: ['GET', 'HEAD'], pattern, access, sample, source }.
 */
export function loadRoutes() {
	let routes;
	if (process.env.TP_BUILD_DIR) {
		const bin = `${process.env.TP_BUILD_DIR}/src/tpportal`;
		const out = execFileSync(bin, ['--list-routes'], { encoding: 'utf8', timeout: 10_000 });
		routes = out.split('\n').filter((l) => l.trim() !== '').map((l) => {
			const f = l.split('\t');
			assert.equal(f.length, 4, `--list-routes line is not METHODS PATTERN ACCESS SAMPLE: ${JSON.stringify(l)}`);
			return { methods: f[0].split(','), pattern: f[1], access: f[2], sample: f[3], source: bin };
		});
	} else {
		const src = readFileSync(`${ROOT}/src/app/routes.c`, 'utf8');
		const body = /route_table\[\]\s*=\s*\{([\s\S]*?)\n\};/.exec(src);
		assert.ok(body, 'src/app/routes.c: no route_table[]');
		// #define GET (M_GET | M_HEAD), #define PUB ACC_PUBLIC, ...: expand, then read the enum names.
		const defs = Object.fromEntries([...src.matchAll(/^#define\s+(\w+)\s+(.+?)\s*$/gm)].map((m) => [m[1], m[2]]));
		const expand = (expr) => expr.replace(/\w+/g, (w) => (defs[w] !== undefined ? expand(defs[w]) : w));
		const method = { M_GET: 'GET', M_HEAD: 'HEAD', M_POST: 'POST' };
		routes = [...body[1].matchAll(/\{\s*([\w|() ]+?)\s*,\s*"([^"]+)"\s*,\s*\w+\s*,\s*(\w+)\s*,\s*\w+\s*,\s*\w+\s*,\s*"([^"]+)"\s*(?:,\s*\w+\s*)?\}/g)]
		    .map((m) => ({
			methods: [...new Set(expand(m[1]).replace(/[()\s]/g, '').split('|')
			    .map((t) => method[t] ?? assert.fail(`src/app/routes.c: unknown method ${t}`)))],
			pattern: m[2],
			access: (/^ACC_(\w+)$/.exec(expand(m[3]).trim()) ?? assert.fail(`src/app/routes.c: unknown access ${m[3]}`))[1].toLowerCase(),
			sample: m[4], source: 'src/app/routes.c',
		}));
	}
	assert.ok(routes.length > 0, 'no routes found');
	return routes;
}

/** True when path (without query) matches a route pattern ({slug}: [a-z0-9-], {id}: digits). */
export function patternMatches(pattern, path) {
	const re = new RegExp('^' + pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
	    .replace(/\{slug\}/g, '[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?').replace(/\{id\}/g, '[1-9][0-9]{0,8}') + '$');
	return re.test(path);
}

/**
 * What a GET route answers, derived from its pattern alone (one rule for every test file; it agrees
 * with NON_HTML_ROUTES of tests/browser/lib/config.mjs, which routes.test.mjs checks):
 *   /healthz -> text/plain; *.atom -> application/atom+xml; *.ics -> text/calendar; *.csv -> text/csv;
 *   *.vcf -> text/vcard;
 *   /files/{id} -> the attachment's own type (an application/... type recognised on upload);
 *   anything else -> an HTML page.
 * Returns { kind, type } where type is the Content-Type's media type (for 'file': its prefix).
 */
export function routeKind(pattern) {
	const path = pattern.split('?')[0];
	if (path === '/healthz')
		return { kind: 'text', type: 'text/plain' };
	if (/^\/files\/\{[a-z_]+\}$/.test(path))
		return { kind: 'file', type: 'application/' };
	const ext = /\.([a-z0-9]+)$/.exec(path)?.[1];
	const byExt = { atom: 'application/atom+xml', ics: 'text/calendar', csv: 'text/csv', vcf: 'text/vcard' };
	if (ext !== undefined) {
		assert.ok(byExt[ext], `routeKind: ${pattern}: an extension (.${ext}) this helper does not know; add its type here`);
		return { kind: ext, type: byExt[ext] };
	}
	return { kind: 'html', type: 'text/html' };
}

/**
 * An attachment anyone may download (of a listed news article), for the /files/{id} sample, read from
 * the database through "$TP_STACK" sql: { id, mime, size }, or null when there is none (the seed has no
 * attachments; news_admin.test.mjs uploads and checks its own) or no TP_STACK to ask.
 */
export function publicAttachment() {
	if (!process.env.TP_STACK)
		return null;
	const out = execFileSync(process.env.TP_STACK, ['sql',
	    "SELECT a.id, a.mime_type, a.size_bytes FROM attachments a JOIN news_articles n ON a.owner_type = 'news' AND n.id = a.owner_id " +
	    'WHERE n.listed = 1 ORDER BY a.id LIMIT 1'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
	const row = out.split('\n').filter((l) => l !== '')[1];
	if (row === undefined)
		return null;
	const [id, mime, size] = row.split('\t');
	return { id: Number(id), mime, size: Number(size) };
}

/** The rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function csvRows(s) {
	const rows = [];
	let row = [], field = '', quoted = false;
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted) {
			if (c === '"' && s[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') {
				quoted = false;
			} else {
				field += c;
			}
		} else if (c === '"') {
			quoted = true;
		} else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && s[i + 1] === '\n')
				i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else {
			field += c;
		}
	}
	assert.ok(!quoted, 'CSV: an unterminated quoted field');
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/**
 * A GET answer of route pattern (200 already checked by the caller): the Content-Type its kind gives
 * (routeKind) and a body that is a sensible document of that kind. For an HTML page this is
 * assertHtmlPage (opts passed on); for a file, opts.file = { mime, size } (from the attachments row)
 * when known. Returns the body text.
 */
export function assertRouteAnswer(res, pattern, what, opts = {}) {
	const { kind, type } = routeKind(pattern);
	const h = (k) => res.headers.get?.(k) ?? res.headers[k];
	const ct = h('content-type') ?? '';
	const body = res.body;
	switch (kind) {
	case 'html':
		return assertHtmlPage(res, what, opts);
	case 'file': {
		assert.ok(ct.startsWith(type), `${what}: Content-Type ${JSON.stringify(ct)}, expected an ${type}... type`);
		if (opts.file?.mime !== undefined)
			assert.equal(ct, opts.file.mime, `${what}: Content-Type is not the type recognised on upload`);
		assert.match(h('content-disposition') ?? '', /^attachment;/, `${what}: not sent as an attachment`);
		if (opts.file?.size !== undefined)
			assert.equal(res.bytes.length, Number(opts.file.size), `${what}: body size`);
		else
			assert.ok(res.bytes.length > 0, `${what}: empty body`);
		return body;
	}
	default:
		assert.equal(ct, `${type}; charset=utf-8`, `${what}: Content-Type`);
	}
	assert.ok(body.length > 0, `${what}: empty body`);
	if (kind === 'text') {
		assert.equal(body.trim(), 'ok', `${what}: body`);
	} else if (kind === 'atom') {
		assert.match(body, /^<\?xml version="1\.0" encoding="utf-8"\?>/i, `${what}: no XML declaration`);
		assert.match(body, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"[^>]*>/, `${what}: no Atom <feed>`);
		assert.match(body, /<\/feed>\s*$/, `${what}: the feed does not end with </feed>`);
		for (const el of ['id', 'title', 'updated'])
			assert.match(body, new RegExp(`<${el}>[^<]+</${el}>`), `${what}: the feed has no <${el}>`);
	} else if (kind === 'ics') {
		assert.ok(body.startsWith('BEGIN:VCALENDAR\r\n'), `${what}: does not start with BEGIN:VCALENDAR and CRLF`);
		assert.ok(body.endsWith('END:VCALENDAR\r\n'), `${what}: does not end with END:VCALENDAR and CRLF`);
		assert.match(body, /\r\nVERSION:2\.0\r\n/, `${what}: no VERSION:2.0`);
		assert.match(body, /\r\nPRODID:[^\r\n]+\r\n/, `${what}: no PRODID`);
		assert.ok(!/[^\r]\n/.test(body), `${what}: a bare LF line break`);
		assert.equal((body.match(/^BEGIN:VEVENT\r$/gm) ?? []).length, (body.match(/^END:VEVENT\r$/gm) ?? []).length,
		    `${what}: unbalanced VEVENTs`);
	} else if (kind === 'csv') {
		const rows = csvRows(body.replace(/^\ufeff/, ''));
		assert.ok(rows.length >= 2, `${what}: ${rows.length} CSV rows, expected a header and data`);
		assert.ok(rows[0].every((c) => c.trim() !== ''), `${what}: an empty column name in the header`);
		for (const [i, r] of rows.entries())
			assert.equal(r.length, rows[0].length, `${what}: CSV row ${i + 1} has ${r.length} fields, the header ${rows[0].length}`);
	}
	return body;
}

/* ---------------------------------------------------------------- the data, from sql/ */

/** Split SQL text into statements, without comments; string literals are kept intact. */
function statements(sql) {
	const out = [];
	let cur = '', i = 0;
	while (i < sql.length) {
		const c = sql[i];
		if (c === "'") {
			let j = i + 1;
			for (;;) {
				if (j >= sql.length)
					throw new Error('unterminated string in SQL');
				if (sql[j] === '\\') { j += 2; continue; }
				if (sql[j] === "'" && sql[j + 1] === "'") { j += 2; continue; }
				if (sql[j] === "'") break;
				j++;
			}
			cur += sql.slice(i, j + 1);
			i = j + 1;
		} else if (c === '-' && sql[i + 1] === '-') {
			while (i < sql.length && sql[i] !== '\n')
				i++;
		} else if (c === ';') {
			if (cur.trim())
				out.push(cur.trim());
			cur = '';
			i++;
		} else {
			cur += c;
			i++;
		}
	}
	if (cur.trim())
		out.push(cur.trim());
	return out;
}

/** Parse the tuples of a VALUES list into arrays of JS values (string, number, null, or { ref, slug }). */
function tuples(s) {
	const rows = [];
	let i = 0;
	const ws = () => { while (i < s.length && /\s/.test(s[i])) i++; };
	const value = () => {
		ws();
		if (s[i] === "'") {
			let v = '';
			i++;
			for (;;) {
				if (s[i] === '\\') { v += { n: '\n', t: '\t', 0: '\0' }[s[i + 1]] ?? s[i + 1]; i += 2; continue; }
				if (s[i] === "'" && s[i + 1] === "'") { v += "'"; i += 2; continue; }
				if (s[i] === "'") { i++; return v; }
				v += s[i++];
			}
		}
		if (s[i] === '(') {
			let depth = 0;
			const start = i;
			do {
				if (s[i] === "'") { i++; while (s[i] !== "'") i++; }
				if (s[i] === '(') depth++;
				if (s[i] === ')') depth--;
				i++;
			} while (depth > 0);
			const sub = s.slice(start, i);
			const m = /^\(\s*SELECT id FROM (\w+) WHERE slug = '([^']*)'\s*\)$/i.exec(sub);
			if (!m)
				throw new Error(`SQL: a sub-select these tests do not understand: ${sub}`);
			return { ref: m[1], slug: m[2] };
		}
		const m = /^(NULL|-?\d+(?:\.\d+)?)/i.exec(s.slice(i));
		if (!m)
			throw new Error(`SQL: a value these tests do not understand at: ${s.slice(i, i + 40)}`);
		i += m[0].length;
		return /^null$/i.test(m[0]) ? null : Number(m[0]);
	};
	for (;;) {
		ws();
		if (i >= s.length)
			break;
		if (s[i] !== '(')
			throw new Error(`SQL: expected a tuple at: ${s.slice(i, i + 40)}`);
		i++;
		const row = [];
		for (;;) {
			row.push(value());
			ws();
			if (s[i] === ',') { i++; continue; }
			if (s[i] === ')') { i++; break; }
			throw new Error(`SQL: expected , or ) at: ${s.slice(i, i + 40)}`);
		}
		rows.push(row);
		ws();
		if (s[i] === ',')
			i++;
	}
	return rows;
}

/** Column defaults from sql/001_schema.sql: { table: { column: value } }. */
function schemaDefaults() {
	const out = {};
	for (const st of statements(readFileSync(`${ROOT}/sql/001_schema.sql`, 'utf8'))) {
		const m = /^CREATE TABLE (\w+) \(([\s\S]*)\)/i.exec(st);
		if (!m)
			continue;
		const cols = (out[m[1]] = {});
		for (const line of m[2].split('\n')) {
			const c = /^\s*(\w+)\s+[A-Z]/.exec(line);
			if (!c || /^(PRIMARY|UNIQUE|KEY|CONSTRAINT)$/i.test(c[1]))
				continue;
			const d = /DEFAULT\s+('(?:[^']|'')*'|-?\d+|NULL|CURRENT_TIMESTAMP)/i.exec(line);
			cols[c[1]] = d === null || /^(NULL|CURRENT_TIMESTAMP)$/i.test(d[1]) ? null
			    : d[1][0] === "'" ? d[1].slice(1, -1) : Number(d[1]);
		}
	}
	return out;
}

function sqlFiles(dir) {
	return readdirSync(`${ROOT}/sql/${dir}`).filter((f) => f.endsWith('.sql')).sort().map((f) => `${ROOT}/sql/${dir}/${f}`);
}

/** Every INSERT of the seed and demo files, in load order, as rows (objects) per table; ids filled in. */
function loadTables() {
	const defaults = schemaDefaults();
	const tables = {};
	const nextId = {};
	const links = [];
	for (const file of [...sqlFiles('seed'), ...sqlFiles('demo')]) {
		for (const st of statements(readFileSync(file, 'utf8'))) {
			if (!/^INSERT/i.test(st))
				continue;
			const v = /^INSERT INTO (\w+) \(([^)]*)\)\s*VALUES\s*([\s\S]*)$/i.exec(st);
			if (v) {
				const [, tbl, colList, rest] = v;
				const cols = colList.split(',').map((c) => c.trim());
				for (const vals of tuples(rest)) {
					if (vals.length !== cols.length)
						throw new Error(`${file}: ${tbl}: ${vals.length} values for ${cols.length} columns`);
					const row = { ...(defaults[tbl] ?? {}) };
					cols.forEach((c, k) => { row[c] = vals[k]; });
					if (row.id === undefined || row.id === null)
						row.id = (nextId[tbl] = (nextId[tbl] ?? 0) + 1);
					else
						nextId[tbl] = Math.max(nextId[tbl] ?? 0, row.id);
					(tables[tbl] ??= []).push(row);
				}
				continue;
			}
			const s = /^INSERT INTO technopark_industries \(technopark_id, industry_id\)\s*SELECT t\.id, i\.id FROM technoparks t JOIN industries i\s*WHERE t\.slug = '([^']+)' AND i\.slug IN \(([^)]*)\)$/i.exec(st);
			if (s) {
				for (const ind of s[2].split(',').map((x) => x.trim().replace(/^'|'$/g, '')))
					links.push({ tp: s[1], industry: ind });
				continue;
			}
			throw new Error(`${file}: an INSERT these tests do not understand: ${st.slice(0, 120)}`);
		}
	}
	return { tables, links };
}

/** Compare strings by code point (see the note at the top). */
export const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const nullsLast = (a, b) => (a === null) - (b === null);

/**
 * The expected data: { association, regions, industries, technoparks, people, history, leaders,
 * functions, committees, sources, figures }. Technoparks carry .region, .industries (by name), .events
 * (in page order); people carry .tp (a technopark or null for the association's staff).
 */
export const data = (() => {
	const { tables, links: tiLinks } = loadTables();
	const need = (t) => tables[t] ?? assert.fail(`sql/: no rows for ${t}`);
	const bySlug = (t) => new Map(need(t).map((r) => [r.slug, r]));
	const resolve = (v, t) => {
		if (v === null || typeof v !== 'object')
			return v;
		assert.equal(v.ref, t, `sub-select on ${v.ref}, expected ${t}`);
		const r = bySlug(t).get(v.slug);
		assert.ok(r, `sql/: no ${t} with slug ${v.slug}`);
		return r.id;
	};
	const regions = need('regions');
	const industries = need('industries');
	const technoparks = need('technoparks').map((t) => ({ ...t, region_id: resolve(t.region_id, 'regions') }));
	const tpById = new Map(technoparks.map((t) => [t.id, t]));
	const tpBySlug = new Map(technoparks.map((t) => [t.slug, t]));
	const indBySlug = new Map(industries.map((i) => [i.slug, i]));
	for (const t of technoparks) {
		t.region = regions.find((r) => r.id === t.region_id) ?? assert.fail(`no region ${t.region_id}`);
		t.industries = [];
		t.events = [];
		t.people = [];
	}
	for (const l of tiLinks)
		(tpBySlug.get(l.tp) ?? assert.fail(`no technopark ${l.tp}`)).industries
		    .push(indBySlug.get(l.industry) ?? assert.fail(`no industry ${l.industry}`));
	for (const t of technoparks)
		t.industries.sort((a, b) => cmp(a.name_ko, b.name_ko));
	for (const e of tables.technopark_events ?? []) {
		const tp = tpById.get(resolve(e.technopark_id, 'technoparks'));
		tp.events.push({ ...e, technopark_id: tp.id });
	}
	for (const t of technoparks)	/* ORDER BY e.year IS NULL, e.year, e.sort, e.id */
		t.events.sort((a, b) => nullsLast(a.year, b.year) || (a.year ?? 0) - (b.year ?? 0) || a.sort - b.sort || a.id - b.id);
	const people = (tables.people ?? []).map((p) => {
		const id = resolve(p.technopark_id, 'technoparks');
		return { ...p, technopark_id: id, tp: id === null ? null : tpById.get(id) };
	});
	for (const p of people)
		if (p.tp)
			p.tp.people.push(p);
	const association = need('association').find((a) => a.id === 1) ?? assert.fail('no association row 1');
	return {
		association, regions, industries, technoparks, people, tpBySlug,
		history: [...need('association_history')].sort((a, b) => a.year - b.year || a.sort - b.sort || a.id - b.id),
		leaders: [...need('association_leaders')].sort((a, b) => a.sort - b.sort || a.id - b.id),
		functions: [...need('association_functions')].sort((a, b) => a.sort - b.sort || a.id - b.id),
		committees: [...need('committees')].sort((a, b) => a.sort - b.sort || a.id - b.id),
		sources: [...need('sources')].sort((a, b) => a.id - b.id),
		figures: [...need('network_figures')].sort((a, b) => a.year - b.year),
	};
})();

/* ---------------------------------------------------------------- models of the pages' queries */

/** /members: { region, industry, sort } (empty or absent = no filter). */
export function expectedMembers({ region, industry, sort } = {}) {
	let list = data.technoparks.filter((t) => (!region || t.region.slug === region) &&
	    (!industry || t.industries.some((i) => i.slug === industry)));
	if (sort === 'joined')	/* ORDER BY t.joined_year IS NULL, t.joined_year, t.name_ko, t.id */
		list.sort((a, b) => nullsLast(a.joined_year, b.joined_year) || (a.joined_year ?? 0) - (b.joined_year ?? 0) ||
		    cmp(a.name_ko, b.name_ko) || a.id - b.id);
	else			/* ORDER BY t.name_ko, t.id */
		list.sort((a, b) => cmp(a.name_ko, b.name_ko) || a.id - b.id);
	return list;
}

/** The filter options /members offers: regions (by sort) and industries (by name) that have members. */
export function expectedFilterOptions() {
	const regions = data.regions.map((r) => ({ r, n: data.technoparks.filter((t) => t.region_id === r.id).length }))
	    .filter((x) => x.n > 0).sort((a, b) => a.r.sort - b.r.sort);
	const industries = data.industries.map((i) => ({ i, n: data.technoparks.filter((t) => t.industries.includes(i)).length }))
	    .filter((x) => x.n > 0).sort((a, b) => cmp(a.i.name_ko, b.i.name_ko));
	return { regions, industries };
}

/** A technopark's people as its profile lists them: visible, ORDER BY p.sort, p.name, p.id. */
export function expectedMemberPeople(tp) {
	return tp.people.filter((p) => p.visible === 1).sort((a, b) => a.sort - b.sort || cmp(a.name, b.name) || a.id - b.id);
}

export const PEOPLE_PAGE = 50;

/**
 * /people: { q, tp } -> every matching person in page order (not cut into pages).
 * WHERE visible = 1, tp ('association' = technopark_id NULL), q LIKE %q% on name, title, department
 * or the technopark's name; ORDER BY technopark_id IS NOT NULL, t.name_ko, p.sort, p.name, p.id.
 */
export function expectedPeople({ q, tp } = {}) {
	const like = (v) => v !== null && v !== undefined && v.toLowerCase().includes(q.toLowerCase());
	return data.people.filter((p) => p.visible === 1 &&
	    (!tp || (tp === 'association' ? p.tp === null : p.tp?.slug === tp)) &&
	    (!q || like(p.name) || like(p.title) || like(p.department) || like(p.tp?.name_ko ?? null)))
	    .sort((a, b) => (a.tp !== null) - (b.tp !== null) || cmp(a.tp?.name_ko ?? '', b.tp?.name_ko ?? '') ||
		a.sort - b.sort || cmp(a.name, b.name) || a.id - b.id);
}

export const hiddenPeople = () => data.people.filter((p) => p.visible !== 1);

/* ---------------------------------------------------------------- number formats (page_util.c) */

export function thousands(n) {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An amount in 억원 the Korean way: 176031 -> "17조 6,031억 원". */
export function eok(n) {
	if (n >= 10000)
		return n % 10000 === 0 ? `${Math.floor(n / 10000)}조 원` : `${Math.floor(n / 10000)}조 ${thousands(n % 10000)}억 원`;
	return `${thousands(n)}억 원`;
}

/* ---------------------------------------------------------------- page readers */

/** The member table of /members as [{ slug, name, name_en, regionSlug, region, joined, industries }]. */
export function memberRows(html) {
	const t = table(html, 'members');
	if (t === null)
		return [];
	return t.rows.map(([th, region, joined, industries]) => ({
		slug: /href="\/members\/([^"]+)"/.exec(th)?.[1],
		name: text(/<a [^>]*>([\s\S]*?)<\/a>/.exec(th)?.[1] ?? ''),
		name_en: text(/<span class="en"[^>]*>([\s\S]*?)<\/span>/.exec(th)?.[1] ?? ''),
		regionSlug: decode(/href="\/members\?region=([^"]*)"/.exec(region)?.[1] ?? ''),
		region: text(region),
		joined,
		industries: text(industries),
	}));
}

/**
 * The people table (class "people") as [{ name, demo, org, orgHref, title, department, phone, email, note }]
 * by the column names of ko.hdf; missing columns are undefined.
 */
export function peopleRows(html) {
	const t = table(html, 'people');
	if (t === null)
		return [];
	const col = (label) => t.head.indexOf(label);
	const idx = {
		org: col(L['people.org']), title: col(L['people.position']), department: col(L['people.department']),
		phone: col(L['people.phone']), email: col(L['people.email']),
	};
	return t.rows.map((cells) => {
		const first = cells[0];
		const at = (k) => (idx[k] >= 0 ? cells[idx[k]] : undefined);
		return {
			name: text(first.replace(/<span class="badge[\s\S]*?<\/span>/g, '').replace(/<br>[\s\S]*$/, '')),
			demo: /<span class="badge demo"[^>]*>/.test(first) ? text(/<span class="badge demo"[^>]*>([\s\S]*?)<\/span>/.exec(first)[1]) : null,
			note: /<span class="note">([\s\S]*?)<\/span>/.exec(first)?.[1] ?? null,
			org: at('org') === undefined ? undefined : text(at('org')),
			orgHref: at('org') === undefined ? undefined : decode(/href="([^"]*)"/.exec(at('org'))?.[1] ?? ''),
			title: at('title') === undefined ? undefined : text(at('title')),
			department: at('department') === undefined ? undefined : text(at('department')),
			phone: at('phone') === undefined ? undefined : text(at('phone')),
			email: at('email') === undefined ? undefined : text(at('email')),
		};
	});
}

/* ---------------------------------------------------------------- shared assertions */

export const SITE_NAME = L['site.name'];

/** The security headers every dynamic answer carries (src/http/response.c). */
export function assertSecurityHeaders(res, what) {
	const h = (k) => res.headers.get?.(k) ?? res.headers[k];
	const csp = h('content-security-policy');
	assert.ok(csp, `${what}: no Content-Security-Policy`);
	assert.match(csp, /(^|;)\s*frame-ancestors 'none'\s*(;|$)/, `${what}: CSP without frame-ancestors 'none': ${csp}`);
	assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `${what}: CSP allows unsafe code: ${csp}`);
	assert.match(csp, /(^|;)\s*(default-src|script-src) /, `${what}: CSP without a script source list: ${csp}`);
	assert.equal(h('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
	const rp = h('referrer-policy');
	assert.ok(rp, `${what}: no Referrer-Policy`);
	assert.doesNotMatch(rp, /unsafe-url|no-referrer-when-downgrade/, `${what}: a leaky Referrer-Policy: ${rp}`);
}

/**
 * An HTML page of the portal: Korean, one <h1>, "<page> | site" title, the site name, and (unless
 * footerAddress is false: pages made without the database) the association's address in the footer.
 * pageTitle: the expected first part of <title>, or undefined to only require a page-specific one.
 */
export function assertHtmlPage(res, what, { pageTitle, footerAddress = true } = {}) {
	const h = (k) => res.headers.get?.(k) ?? res.headers[k];
	assert.equal(h('content-type'), 'text/html; charset=utf-8', `${what}: Content-Type`);
	const html = res.body;
	assert.match(html, /^\s*<!DOCTYPE html>/i, `${what}: no <!DOCTYPE html>`);
	assert.equal((html.match(/<html\b[^>]*>/gi) ?? []).length, 1, `${what}: not exactly one <html>`);
	assert.match(html, /<html lang="ko">/, `${what}: no <html lang="ko">`);
	assert.equal(h1s(html).length, 1, `${what}: ${h1s(html).length} <h1> elements, expected exactly one`);
	assert.ok(h1s(html)[0].length > 0, `${what}: empty <h1>`);
	const title = titleOf(html);
	const parts = title.split(' | ');
	assert.equal(parts.length, 2, `${what}: <title> is not "page | site": ${JSON.stringify(title)}`);
	assert.equal(parts[1], SITE_NAME, `${what}: <title> does not end with the site name: ${JSON.stringify(title)}`);
	assert.ok(parts[0].length > 0 && parts[0] !== SITE_NAME, `${what}: <title> does not name the page: ${JSON.stringify(title)}`);
	if (pageTitle !== undefined)
		assert.equal(parts[0], pageTitle, `${what}: <title>`);
	assert.ok(text(html).includes(SITE_NAME), `${what}: no site name ${SITE_NAME}`);
	const footer = element(html, 'footer');
	assert.ok(footer !== null, `${what}: no <footer>`);
	assert.ok(text(footer).includes(SITE_NAME), `${what}: footer without the site name`);
	if (footerAddress)
		assert.ok(text(footer).includes(data.association.address), `${what}: footer without the address ${data.association.address}`);
	return html;
}

/** A Korean error page for status (h1 and text from ko.hdf), with security headers and no-store. */
export function assertErrorPage(res, status, what, opts = {}) {
	assert.equal(res.status, status, `${what}: status`);
	assertSecurityHeaders(res, what);
	const html = assertHtmlPage(res, what, { pageTitle: L[`error.${status}.title`], ...opts });
	assert.equal(h1s(html)[0], L[`error.${status}.title`], `${what}: <h1> of the ${status} page`);
	assert.ok(text(html).includes(text(L[`error.${status}.text`])), `${what}: no explanation ${L[`error.${status}.text`]}`);
	const cc = res.headers.get?.('cache-control') ?? res.headers['cache-control'];
	assert.match(cc ?? '', /no-store/, `${what}: an error page must not be stored (Cache-Control: ${cc})`);
	return html;
}

/** The parameter a 400 page names (its <code>), or null. */
export function refusedParam(html) {
	const m = /<code>([\s\S]*?)<\/code>/.exec(html);
	return m ? decode(m[1]) : null;
}

/* ---------------------------------------------------------------- the server's log */

// tools/stack starts tpportal with stderr appended to $STACK_DIR/log/tpportal.log; its records are
// "2025-01-31T12:00:00Z info [3] message" (src/core/log.c), and each request adds one access record
// "CLIENT USER METHOD PATH STATUS sent NB[ via x-accel|x-sendfile (a file of NB)] read NB N.NNms" at info
// (USER "-" when nobody is signed in; sent: the body bytes the portal wrote, "via": the web server sends the
// file, of that size;
// read: the request body's bytes kept), a 403 followed by " denied: REASON".
export const SERVER_LOG = process.env.STACK_DIR ? `${process.env.STACK_DIR.replace(/\/+$/, '')}/log/tpportal.log` : null;
export const ACCESS_RECORD = /^\S+ info \[\d+\] \S+ \S+ [A-Z-]+ \S+ \d{3} sent \d+B( via x-(accel|sendfile) \(a file of \d+B\))? read \d+B [\d.]+ms( denied: [a-zA-Z -]+)?$/;

/** The size of the server log now: pass it to logSince to read what was written after. */
export function logOffset() {
	return readFileSync(SERVER_LOG).length;
}

/** The complete lines the server logged after offset (a half-written last line is left out). */
export function logSince(offset) {
	const s = readFileSync(SERVER_LOG).subarray(offset).toString('utf8');
	return s.slice(0, s.lastIndexOf('\n') + 1).split('\n').filter((l) => l !== '');
}

/** Wait (ms at most) for a line after offset matching re; returns its match, fails with the lines seen. */
export async function waitForLog(offset, re, what, ms = 10_000) {
	const started = Date.now();
	for (;;) {
		const lines = logSince(offset);
		for (const l of lines) {
			const m = re.exec(l);
			if (m)
				return m;
		}
		if (Date.now() - started > ms)
			assert.fail(`${what}: no log line matching ${re} within ${ms / 1000} s; logged since:\n${lines.slice(-20).join('\n')}`);
		await sleep(100);
	}
}

/* ---------------------------------------------------------------- test-run coordination */

/** Pids of processes whose parent is ppid (Linux /proc). */
function childrenOf(ppid) {
	const out = [];
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d))
			continue;
		try {
			const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[1]) === ppid && fields[0] !== 'Z')
				out.push(Number(d));
		} catch {
			/* gone meanwhile */
		}
	}
	return out;
}

/**
 * Under `node --test`, wait until this file is the only test file still running: the runner starts
 * files in name order, so every other file has been started when this (last) one runs, and each runs
 * as a child process of the runner. Returns the number of ms waited.
 */
export async function waitForOtherTestFiles(maxMs = 600_000) {
	if (!process.env.NODE_TEST_CONTEXT)
		return 0;	/* run alone (node file.test.mjs) */
	const started = Date.now();
	const isNodeChild = (pid) => {
		try {
			return readlinkSync(`/proc/${pid}/exe`) === process.execPath || /node/.test(readFileSync(`/proc/${pid}/comm`, 'utf8'));
		} catch {
			return false;
		}
	};
	for (;;) {
		const others = childrenOf(process.ppid).filter((pid) => pid !== process.pid && isNodeChild(pid));
		if (others.length === 0)
			return Date.now() - started;
		if (Date.now() - started > maxMs)
			throw new Error(`other test files (pids ${others.join(', ')}) still run after ${maxMs / 1000} s`);
		await sleep(200);
	}
}

/* ---------------------------------------------------------------- parameter specs (src/app/routes.c) */

/**
 * A parameter spec array of src/app/routes.c by name ("people_params") as
 * { key: { type: 'PT_TEXT', min, max, words: [..] | null } }.
 */
export function paramSpec(name) {
	const src = readFileSync(`${ROOT}/src/app/routes.c`, 'utf8');
	const m = new RegExp(`struct param_spec ${name}\\[\\]\\s*=\\s*\\{([\\s\\S]*?)\\n\\};`).exec(src);
	assert.ok(m, `src/app/routes.c: no param_spec ${name}[]`);
	const out = {};
	for (const e of m[1].matchAll(/\{\s*"(\w+)"\s*,\s*(PT_\w+)\s*,\s*(-?\d+)[LU]*\s*,\s*(-?\d+)[LU]*\s*,\s*(\w+)/g))
		out[e[1]] = { type: e[2], min: Number(e[3]), max: Number(e[4]), words: e[5] === 'NULL' ? null : e[5] };
	assert.ok(Object.keys(out).length > 0, `src/app/routes.c: ${name}[] has no entries these tests can read`);
	return out;
}

/* ---------------------------------------------------------------- the people pager */

/**
 * Fetch a /people URL and follow its rel="next" links to the end (at most maxPages pages).
 * Returns { pages: [{ path, res, rows }], rows (all pages) }.
 */
export async function peoplePages(path, maxPages = 50) {
	const pages = [];
	let next = path;
	while (next !== null) {
		assert.ok(pages.length < maxPages, `${path}: more than ${maxPages} pages`);
		const res = await get(next);
		assert.equal(res.status, 200, `GET ${next}: status`);
		pages.push({ path: next, res, rows: peopleRows(res.body) });
		const n = links(res.body).find((l) => l.rel === 'next');
		next = n ? n.href : null;
	}
	return { pages, rows: pages.flatMap((p) => p.rows) };
}

/** True when the page shows phone and e-mail columns (it then has no "contacts hidden" note). */
export function contactsShown(html) {
	const t = table(html, 'people');
	return t !== null ? t.head.includes(L['people.phone']) : !html.includes(L.contacts_hidden);
}
