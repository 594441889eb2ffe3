// lib_accounts.mjs - helpers of the accounts tests (accounts_*.test.mjs): signed-in sessions with their
// cookie and form token, reading and re-submitting the admin forms, direct SQL through `tools/stack sql`,
// the route table with its CSRF rules, and a lock so that the accounts files never edit at the same time.
//
// Expectations come from the route table, src/app/routes.c, templates/lang/ko.hdf and the database, never
// from the page under test itself.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { BASE, ROOT, L, request, decode, text, loadRoutes, sleep, holdLanesWhole } from './lib.mjs';

export { BASE, L, text, decode, loadRoutes, sleep };

/* ---------------------------------------------------------------- the demo accounts */

/** The demo accounts tools/stack makes: login -> role and technopark. */
export const DEMO = {
	secretariat: { login: 'secretariat', role: 'secretariat', tp: null },
	chungnam: { login: 'chungnam-admin', role: 'member_admin', tp: 'chungnam' },
	busan: { login: 'busan-admin', role: 'member_admin', tp: 'busan' },
	staff: { login: 'staff', role: 'staff', tp: null },
};

/** The demo password: $STACK_DIR/demo-password (first line), else $TP_DEMO_PASSWORD, else the default. */
export function demoPassword() {
	const file = process.env.STACK_DIR ? `${process.env.STACK_DIR}/demo-password` : null;
	if (file && existsSync(file))
		return readFileSync(file, 'utf8').split('\n')[0].replace(/\r$/, '');
	return process.env.TP_DEMO_PASSWORD || 'demo-password-1';
}

/** A short random tag for fresh records: lower-case letters and digits. */
export function tag(n = 8) {
	return randomBytes(n).toString('hex').slice(0, n);
}

/* ---------------------------------------------------------------- direct SQL */

/*
 * Direct SQL is required: the checks of what a request changed in the database (sessions, audit records,
 * rows) are the point of these tests, and without TP_STACK they compared null with null and passed. A run
 * without it fails here, at import, with what to set; `tools/stack test` always sets it.
 */
if (!process.env.TP_STACK)
	throw new Error('lib_accounts.mjs: TP_STACK is not set; these tests check the database through `tools/stack sql`: ' +
	    'set TP_STACK=$PWD/tools/stack and STACK_DIR to the instance (tests/integration/README.md)');
/** Always true (a run without TP_STACK stopped above); kept for the files that still test it. */
export const HAVE_SQL = true;

/** True: direct SQL is always there (see above). Kept for the tests that call it before their SQL checks. */
export function needSql(t) {
	assert.ok(HAVE_SQL, `${t.name}: needs direct SQL`);
	return true;
}

/**
 * The database's "now" as the portal sees it: the server sets its own connection's time_zone
 * (src/store/db.c), and every DATETIME it writes (sessions, login_failures) is in that zone, so a test
 * that moves those times uses this expression instead of NOW() in its own connection's zone.
 */
export const DB_NOW = (() => {
	const m = /time_zone\s*=\s*'([+-]\d\d:\d\d)'/.exec(readFileSync(`${ROOT}/src/store/db.c`, 'utf8'));
	return m ? `CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '${m[1]}')` : 'NOW()';
})();

/** A value as an SQL literal (tests only; the values are the tests' own). */
export function lit(v) {
	if (v === null || v === undefined)
		return 'NULL';
	if (typeof v === 'number') {
		assert.ok(Number.isInteger(v), `lit: ${v} is not an integer`);
		return String(v);
	}
	return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function unescapeBatch(s) {
	if (s === 'NULL')
		return null;
	return s.replace(/\\(.)/g, (all, c) => ({ n: '\n', t: '\t', 0: '\0', '\\': '\\' })[c] ?? all);
}

/**
 * Run one SQL statement through `$TP_STACK sql` and return its rows as objects (column -> string or
 * null). Throws, with what the command printed, when the command fails or does not exist.
 */
export function sql(statement) {
	if (!HAVE_SQL)
		throw new Error('sql(): TP_STACK is not set');
	let out;
	try {
		out = execFileSync(process.env.TP_STACK, ['sql', statement], {
			encoding: 'utf8', timeout: 30_000, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'],
		});
	} catch (e) {
		throw new Error(`"$TP_STACK" sql failed (status ${e.status}): ${statement}\n${e.stderr ?? ''}${e.stdout ?? ''}`.trim(), { cause: e });
	}
	const lines = out.split('\n').filter((l, i, a) => !(l === '' && i === a.length - 1));
	if (lines.length === 0)
		return [];
	const head = lines[0].split('\t');
	return lines.slice(1).map((l) => {
		const cells = l.split('\t');
		assert.equal(cells.length, head.length, `sql: a row with ${cells.length} cells under ${head.length} columns: ${JSON.stringify(l)}`);
		return Object.fromEntries(head.map((h, i) => [h, unescapeBatch(cells[i])]));
	});
}

/** The first row, or null. */
export const sqlRow = (statement) => sql(statement)[0] ?? null;
/** The first column of the first row, or null. */
export function sqlValue(statement) {
	const r = sqlRow(statement);
	return r === null ? null : Object.values(r)[0];
}
/** The first column of the first row as a number. */
export const sqlNumber = (statement) => Number(sqlValue(statement));

/** The highest audit_changes id (0 when none): changes after it are the ones a test made. */
export const auditMark = () => sqlNumber('SELECT COALESCE(MAX(id), 0) AS m FROM audit_changes');

/** Every audit change after mark, with its fields: [{ id, user_id, login, action, entity, entity_id, technopark_id, note, fields: { f: {old, new} } }]. */
export function auditSince(mark) {
	const changes = sql('SELECT c.id, c.user_id, u.login, c.action, c.entity, c.entity_id, c.technopark_id, c.note ' +
	    `FROM audit_changes c LEFT JOIN users u ON u.id = c.user_id WHERE c.id > ${lit(mark)} ORDER BY c.id`);
	const fields = sql('SELECT f.change_id, f.field, f.old_value, f.new_value FROM audit_fields f ' +
	    `WHERE f.change_id > ${lit(mark)} ORDER BY f.change_id, f.field`);
	for (const c of changes) {
		c.fields = {};
		for (const f of fields.filter((x) => x.change_id === c.id))
			c.fields[f.field] = { old: f.old_value, new: f.new_value };
	}
	return changes;
}

/* ---------------------------------------------------------------- one editor at a time */

/** Pids of the processes whose parent is ppid (Linux /proc). */
function childrenOf(ppid) {
	const out = [];
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d))
			continue;
		try {
			const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
			const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(f[1]) === ppid && f[0] !== 'Z')
				out.push(Number(d));
		} catch {
			/* gone meanwhile */
		}
	}
	return out;
}

/** The test files that sibling processes of this one run (under node --test), by file name. */
function siblingTestFiles() {
	const names = [];
	for (const pid of childrenOf(process.ppid)) {
		if (pid === process.pid)
			continue;
		try {
			const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
			const file = argv.find((a) => /\.test\.mjs$/.test(a));
			if (file)
				names.push(file.split('/').pop());
		} catch {
			/* gone meanwhile */
		}
	}
	return names;
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

const LOCK = `${tmpdir()}/tpportal-accounts-${new URL(BASE).port || 80}.lock`;

/**
 * The accounts files change shared records (chungnam's profile and people, sessions, login
 * failures). Take a lock so that two of them never run at once when node --test runs files in
 * parallel, and wait until the other suites' files (which compare pages with sql/) are done, so they
 * never see a record half-way through a test. zz_* files wait for everyone themselves, so they are
 * not waited for. With one file at a time (the default on a 2-CPU machine) this returns at once.
 * Under test lanes it also waits until no file of the other lane runs (lib.mjs LANE_LOCK).
 * Returns a function that releases the lock.
 */
export async function exclusive(maxMs = 900_000) {
	const started = Date.now();
	const lanes = await holdLanesWhole();
	for (;;) {
		try {
			mkdirSync(LOCK);
			writeFileSync(`${LOCK}/pid`, String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST')
				throw e;
			let owner = NaN;
			try {
				owner = Number(readFileSync(`${LOCK}/pid`, 'utf8'));
			} catch {
				/* being written or removed */
			}
			if (Number.isInteger(owner) && owner > 0 && !alive(owner))
				rmSync(LOCK, { recursive: true, force: true });
			else if (Date.now() - started > maxMs)
				throw new Error(`${LOCK} still held by pid ${owner} after ${maxMs / 1000} s`);
			await sleep(200);
		}
	}
	const release = () => {
		rmSync(LOCK, { recursive: true, force: true });
		lanes();
	};
	process.once('exit', release);
	if (process.env.NODE_TEST_CONTEXT) {
		for (;;) {
			const others = siblingTestFiles().filter((f) => !f.startsWith('accounts_') && !f.startsWith('zz_'));
			if (others.length === 0)
				break;
			if (Date.now() - started > maxMs) {
				release();
				throw new Error(`other test files (${others.join(', ')}) still run after ${maxMs / 1000} s`);
			}
			await sleep(250);
		}
	}
	return release;
}

/* ---------------------------------------------------------------- HTTP with a session */

const COOKIE = 'tp_session';

/** The Set-Cookie lines of a response. */
export function setCookies(res) {
	return res.headers.getSetCookie?.() ?? (res.headers.get('set-cookie') ? [res.headers.get('set-cookie')] : []);
}

/** The tp_session Set-Cookie of a response parsed: { value, attrs: { path, httponly, ... }, raw } or null. */
export function sessionCookie(res) {
	const raw = setCookies(res).find((c) => c.startsWith(`${COOKIE}=`));
	if (!raw)
		return null;
	const [first, ...rest] = raw.split(';').map((s) => s.trim());
	const attrs = {};
	for (const a of rest) {
		const i = a.indexOf('=');
		attrs[(i < 0 ? a : a.slice(0, i)).toLowerCase()] = i < 0 ? true : a.slice(i + 1);
	}
	return { value: first.slice(COOKIE.length + 1), attrs, raw };
}

/** URL-encode fields: an object, or an array of [name, value] pairs (repeated names allowed). */
export function formBody(fields) {
	const p = new URLSearchParams();
	for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields))
		p.append(k, v);
	return p.toString();
}

/**
 * POST a form. opts: cookie (token), origin (default BASE; null for none), referer (none by default),
 * headers (more). Never retried: a POST must not be sent twice.
 */
export function postForm(path, fields, { cookie = null, origin = BASE, referer = null, headers = {}, timeoutMs = 20_000 } = {}) {
	const h = { 'Content-Type': 'application/x-www-form-urlencoded', ...headers };
	if (cookie)
		h.Cookie = `${COOKIE}=${cookie}`;
	if (origin !== null)
		h.Origin = origin;
	if (referer !== null)
		h.Referer = referer;
	return request(path, { method: 'POST', headers: h, body: formBody(fields), retry: false, timeoutMs });
}

/** GET path with a session token (or none). */
export function getWith(path, cookie = null) {
	return request(path, { headers: cookie ? { Cookie: `${COOKIE}=${cookie}` } : {} });
}

/** Sign in; returns the raw response (no assertion). */
export function postLogin(login, password, opts = {}) {
	return postForm('/login', { login, password }, opts);
}

/** A signed-in browser: its session token and form token. */
export class Session {
	constructor(login, cookie) {
		this.login = login;
		this.cookie = cookie;
		this.csrf = null;
	}

	/** Sign in as login (demo password unless given); asserts the 303 and the cookie. */
	static async signIn(login, password = demoPassword()) {
		let res = await postLogin(login, password);
		// admission control (max_login) answers sign-ins over its bound with the busy 503 and Retry-After:
		// a person presses the button again a moment later, and so do tests that sign in several at once
		for (let i = 0; i < 20 && res.status === 503 && res.headers.get('retry-after') === '2'; i++) {
			await sleep(200 + Math.floor(Math.random() * 300));
			res = await postLogin(login, password);
		}
		assert.equal(res.status, 303, `sign in as ${login}: status ${res.status} (${text(res.body).slice(0, 200)})`);
		const c = sessionCookie(res);
		assert.ok(c && c.value, `sign in as ${login}: no ${COOKIE} cookie`);
		const s = new Session(login, c.value);
		await s.token();
		return s;
	}

	get(path) {
		return getWith(path, this.cookie);
	}

	/** The session's form token, read from the hidden csrf input every signed-in page carries. */
	async token() {
		if (this.csrf === null) {
			const res = await this.get('/account/password');
			assert.equal(res.status, 200, `${this.login}: GET /account/password: ${res.status}`);
			this.csrf = csrfOf(res.body);
			assert.ok(this.csrf, `${this.login}: no csrf input on /account/password`);
		}
		return this.csrf;
	}

	/** POST fields with this session's cookie, its form token (unless csrf is given; null: none) and our Origin. */
	async post(path, fields, { csrf, ...opts } = {}) {
		// A csrf field copied from a page is replaced: the token sent is always the one chosen here.
		const pairs = (Array.isArray(fields) ? fields : Object.entries(fields)).filter(([k]) => k !== 'csrf');
		const token = csrf === undefined ? await this.token() : csrf;
		if (token !== null)
			pairs.unshift(['csrf', token]);
		return postForm(path, pairs, { cookie: this.cookie, ...opts });
	}

	/** GET a page with a form, change some fields, and submit it as a browser would. */
	async submit(pagePath, action, changes = {}, opts = {}) {
		const page = await this.get(pagePath);
		assert.equal(page.status, 200, `${this.login}: GET ${pagePath}: ${page.status}`);
		const form = formOf(page.body, action);
		return this.post(action, withChanges(form.fields, changes), opts);
	}
}

/* ---------------------------------------------------------------- reading pages and forms */

/** The value of the first hidden csrf input, or null. */
export function csrfOf(html) {
	const m = /<input[^>]*\bname="csrf"[^>]*\bvalue="([^"]*)"/.exec(html) ?? /<input[^>]*\bvalue="([^"]*)"[^>]*\bname="csrf"/.exec(html);
	return m ? decode(m[1]) : null;
}

function attr(tag, name) {
	const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
	if (m)
		return decode(m[1]);
	return new RegExp(`\\s${name}(?=[\\s>/])`, 'i').test(tag) ? '' : null;
}

/**
 * The form whose action is `action` (exact, decoded), as a browser would submit it:
 * { action, method, html, fields: [[name, value], ...] } (text-like inputs, hidden inputs, textareas,
 * the selected option of each select, checked checkboxes; no buttons, no password values).
 */
export function formOf(html, action) {
	for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
		if (attr(m[0].slice(0, m[1].length + 6), 'action') !== action)
			continue;
		const inner = m[2];
		const fields = [];
		for (const f of inner.matchAll(/<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
			const tagText = f[0];
			if (/^<textarea/i.test(tagText)) {
				fields.push([attr(`<t ${f[1]}>`, 'name'), decode(f[2].replace(/^\n/, ''))]);
				continue;
			}
			if (/^<select/i.test(tagText)) {
				const opts = [...f[4].matchAll(/<option\b([^>]*)>/gi)];
				const sel = opts.find((o) => /\sselected\b/.test(o[1])) ?? opts[0];
				fields.push([attr(`<s ${f[3]}>`, 'name'), sel ? attr(`<o ${sel[1]}>`, 'value') ?? '' : '']);
				continue;
			}
			const name = attr(tagText, 'name');
			const type = (attr(tagText, 'type') ?? 'text').toLowerCase();
			if (name === null || ['submit', 'button', 'reset', 'image', 'file'].includes(type))
				continue;
			if ((type === 'checkbox' || type === 'radio')) {
				if (attr(tagText, 'checked') !== null)
					fields.push([name, attr(tagText, 'value') ?? 'on']);
				continue;
			}
			if (type === 'password') {
				fields.push([name, '']);
				continue;
			}
			fields.push([name, attr(tagText, 'value') ?? '']);
		}
		return { action, method: (attr(m[0], 'method') ?? 'get').toLowerCase(), html: inner, fields };
	}
	assert.fail(`no <form action="${action}"> on the page`);
}

/**
 * fields with changes applied: changes is { name: value | null | [values] }; null removes the field
 * (an unchecked checkbox), an array replaces every value of a repeated name, a new name is appended.
 */
export function withChanges(fields, changes) {
	let out = fields.map(([k, v]) => [k, v]);
	for (const [k, v] of Object.entries(changes)) {
		if (v === null || Array.isArray(v)) {
			out = out.filter(([n]) => n !== k);
			if (Array.isArray(v))
				out.push(...v.map((x) => [k, x]));
		} else if (out.some(([n]) => n === k)) {
			out = out.map(([n, x]) => [n, n === k ? v : x]);
		} else {
			out.push([k, v]);
		}
	}
	return out;
}

/** The one value of field name in fields (asserts there is exactly one). */
export function fieldValue(fields, name) {
	const v = fields.filter(([k]) => k === name);
	assert.equal(v.length, 1, `field ${name}: ${v.length} values`);
	return v[0][1];
}

/**
 * The per-field messages of a re-shown form: { field: message } from <p class="field-error" id="f-FIELD-err">,
 * and the error summary's entries (links to #f-FIELD) as summary: [field, ...].
 */
export function formErrors(html) {
	const fields = {};
	for (const m of html.matchAll(/<p class="field-error" id="f-([\w-]+)-err">([\s\S]*?)<\/p>/g)) {
		assert.ok(!(m[1] in fields), `two messages for field ${m[1]}`);
		fields[m[1]] = text(m[2]);
	}
	const box = /<div class="errors"[^>]*>([\s\S]*?)<\/div>/.exec(html);
	const summary = box ? [...box[1].matchAll(/<a href="#f-([\w-]+)">/g)].map((m) => m[1]) : [];
	return { fields, summary };
}

/** The text of the page's <main>. */
export function mainText(html) {
	const m = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html);
	return text(m ? m[1] : html);
}

/** The <dd> text after the <dt> labelled label in the facts list of a profile page. */
export function fact(html, label) {
	const dl = /<dl class="facts">([\s\S]*?)<\/dl>/.exec(html);
	assert.ok(dl, 'no <dl class="facts">');
	for (const m of dl[1].matchAll(/<dt(?:\s[^>]*)?>([\s\S]*?)<\/dt>\s*<dd(?:\s[^>]*)?>([\s\S]*?)<\/dd>/g))
		if (text(m[1]) === label)
			return text(m[2]);
	assert.fail(`no fact ${label}`);
}

/** The rows of the people table of a page (class "people") as arrays of cell texts. */
export function peopleTable(html) {
	const t = /<table class="people">([\s\S]*?)<\/table>/.exec(html);
	if (!t)
		return [];
	const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(t[1])?.[1] ?? '';
	return [...body.matchAll(/<tr(?:\s[^>]*)?>([\s\S]*?)<\/tr>/g)]
	    .map((r) => [...r[1].matchAll(/<t[hd](?:\s[^>]*)?>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1])));
}

/** The conflict box (<section class="conflict">) as text, or null. */
export function conflictBox(html) {
	const m = /<section class="conflict"[^>]*>([\s\S]*?)<\/section>/.exec(html);
	return m ? text(m[1]) : null;
}

/** The rows of the conflict box's table: [[field label, stored, yours], ...]. */
export function conflictRows(html) {
	const m = /<section class="conflict"[^>]*>([\s\S]*?)<\/section>/.exec(html);
	if (!m)
		return [];
	const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[1])?.[1] ?? '';
	return [...body.matchAll(/<tr(?:\s[^>]*)?>([\s\S]*?)<\/tr>/g)]
	    .map((r) => [...r[1].matchAll(/<t[hd](?:\s[^>]*)?>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1])));
}

/**
 * The choices of a conflict page of the save pipeline (templates/form.cs conflict()): one per field both
 * people changed, [{ field, label, stored, yours }] (values as the page shows them).
 */
export function conflictFields(html) {
	return [...html.matchAll(/<fieldset class="conflict-field" id="conflict-([a-z_]+)">([\s\S]*?)<\/fieldset>/g)].map((m) => {
		const side = (v) => text(new RegExp(`value="${v}"[^>]*>[\\s\\S]*?<span class="v">([\\s\\S]*?)</span></label>`).exec(m[2])?.[1] ?? '');
		return { field: m[1], label: text(/<legend>([\s\S]*?)<\/legend>/.exec(m[2])?.[1] ?? ''), stored: side('stored'), yours: side('yours') };
	});
}

/** The path of a 303's Location (an absolute URL to this site is made a path). */
export function location(res) {
	const loc = res.headers.get('location');
	if (loc === null)
		return null;
	return loc.startsWith(BASE) ? loc.slice(BASE.length) || '/' : loc;
}

/**
 * Where a member admin's change request sends the browser: /admin/requests/{id}?done=submitted (the
 * request's page with its confirmation, L['admin.submitted']). Returns the request id from a 303's
 * Location, or null when the Location is anything else.
 */
export const SUBMITTED = /^\/admin\/requests\/(\d+)\?done=submitted$/;
export function submittedRequestId(res) {
	const m = SUBMITTED.exec(location(res) ?? '');
	return m ? Number(m[1]) : null;
}

/* ---------------------------------------------------------------- the route table */

/** The CSRF rule of each route in src/app/routes.c: "METHOD PATTERN" -> CSRF_NONE | CSRF_ORIGIN | CSRF_TOKEN. */
export function csrfRules() {
	const src = readFileSync(`${ROOT}/src/app/routes.c`, 'utf8');
	const body = /route_table\[\]\s*=\s*\{([\s\S]*?)\n\};/.exec(src);
	assert.ok(body, 'src/app/routes.c: no route_table[]');
	const out = new Map();
	for (const m of body[1].matchAll(/\{\s*(GET|POST)\s*,\s*"([^"]+)"\s*,\s*\w+\s*,\s*\w+\s*,\s*(CSRF_\w+)/g))
		out.set(`${m[1]} ${m[2]}`, m[3]);
	assert.ok(out.size > 0, 'src/app/routes.c: no routes with a CSRF rule read');
	return out;
}

/**
 * Fill a sample's placeholders from values ({ person: 12, ... }). A placeholder these tests have no
 * record for becomes fallback (a well-formed id), or fails when fallback is undefined.
 */
export function fillSample(sample, values, fallback) {
	return sample.replace(/\{([a-z_]+)\}/g, (all, k) => {
		if (values[k] === undefined && fallback !== undefined)
			return String(fallback);
		assert.ok(values[k] !== undefined, `no value for placeholder {${k}} of ${sample}`);
		return String(values[k]);
	});
}

/**
 * The routes of the accounts issue, which these tests have records and probes for. Routes of other
 * areas are still walked (access by the ACCESS column, CSRF), with what holds for any route.
 */
export const ACCOUNTS_ROUTE = /^\/(logout|login|account\/password|admin(\/members\/\{slug\}(\/people(\/new)?)?|\/people\/\{id\}(\/delete)?|\/requests(\/\{id\}(\/withdraw)?)?|\/history|\/users(\/new|\/\{id\})?)?)$/;

/* ---------------------------------------------------------------- records made through the forms */

/**
 * Create a person of technopark slug through the admin form as session s (visible only when
 * visible is true). Returns the new person's id, read from the admin list (the highest id of that name).
 */
export async function createPerson(s, slug, fields) {
	const res = await s.post(`/admin/members/${slug}/people`, fields);
	assert.equal(res.status, 303, `create person in ${slug}: ${res.status} ${text(res.body).slice(0, 300)}`);
	const list = await s.get(`/admin/members/${slug}/people`);
	assert.equal(list.status, 200, `GET /admin/members/${slug}/people: ${list.status}`);
	const ids = [...list.body.matchAll(/<a href="\/admin\/people\/(\d+)">([\s\S]*?)<\/a>/g)]
	    .filter((m) => text(m[2].replace(/<span[\s\S]*?<\/span>/g, '')) === fields.name).map((m) => Number(m[1]));
	assert.ok(ids.length > 0, `person ${fields.name} not in the admin list of ${slug}`);
	return Math.max(...ids);
}

/** The ids of the people of a technopark as the admin list shows them. */
export async function personIds(s, slug) {
	const list = await s.get(`/admin/members/${slug}/people`);
	assert.equal(list.status, 200, `GET /admin/members/${slug}/people: ${list.status}`);
	return [...new Set([...list.body.matchAll(/href="\/admin\/people\/(\d+)"/g)].map((m) => Number(m[1])))];
}

/**
 * Create an account through /admin/users as the secretariat session sec. fields: login, display_name,
 * role, technopark ('' for none), password, active (default on). Returns the new account's id.
 */
export async function createUser(sec, { login, display_name = login, role, technopark = '', password, active = true }) {
	const fields = [['login', login], ['display_name', display_name], ['role', role], ['technopark', technopark], ['password', password]];
	if (active)
		fields.push(['active', '1']);
	const res = await sec.post('/admin/users', fields);
	assert.equal(res.status, 303, `create user ${login}: ${res.status} ${text(res.body).slice(0, 300)}`);
	/* the new account's page confirms the create (issue 12, item 5) */
	const m = /^\/admin\/users\/(\d+)\?done=created$/.exec(location(res) ?? '');
	assert.ok(m, `create user ${login}: 303 to ${location(res)}, expected /admin/users/{id}?done=created`);
	return Number(m[1]);
}

/**
 * Submit the technopark profile form of slug as s with changes; returns the response.
 * A member admin's save answers 303 to the change request it made.
 */
export function saveProfile(s, slug, changes) {
	return s.submit(`/admin/members/${slug}`, `/admin/members/${slug}`, changes);
}

/** The profile form's current fields for slug as s sees them. */
export async function profileForm(s, slug) {
	const page = await s.get(`/admin/members/${slug}`);
	assert.equal(page.status, 200, `GET /admin/members/${slug}: ${page.status}`);
	return formOf(page.body, `/admin/members/${slug}`).fields;
}

/** Decide change request id as the secretariat session sec: 'approve' or 'reject', with a comment. */
export async function decide(sec, id, decision, comment = '') {
	const page = await sec.get(`/admin/requests/${id}`);
	assert.equal(page.status, 200, `GET /admin/requests/${id}: ${page.status}`);
	const form = formOf(page.body, `/admin/requests/${id}`);
	return sec.post(`/admin/requests/${id}`, withChanges(form.fields, { comment, decision }));
}
