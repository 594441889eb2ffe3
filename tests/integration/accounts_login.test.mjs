// accounts_login.test.mjs - signing in and out (src/http/auth.c, src/pages/page_auth.c): the form, the session
// cookie and its attributes, a new token on every sign-in (no fixation), one answer for a wrong
// password and an unknown login, per-field messages, the password never echoed, sign-out ending the
// session on the server, throttling (5 failures per login and client address, 50 per address in 15
// minutes, then a delay that doubles with each failure from 30 s to 15 min -> 429 with Retry-After;
// never for the login as a whole, so nobody elsewhere can lock its owner out),
// and the idle (60 min) and absolute (12 h) ends of a session.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { SERVER_LOG, ACCESS_RECORD, logOffset, waitForLog } from './lib.mjs';
import {
	BASE, L, DEMO, text, demoPassword, tag, needSql, HAVE_SQL, sql, sqlNumber, sqlValue, lit, exclusive, DB_NOW,
	Session, postLogin, postForm, getWith, sessionCookie, formErrors, mainText, location, createUser,
} from './lib_accounts.mjs';

const PW = demoPassword();
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;	/* AUTH_TOKEN_LEN base64url characters */
const T = { timeout: 60_000 };

let release;
let sec;		/* the secretariat, to make fresh accounts */
const made = [];	/* logins this file made, for clean-up of their failures */

/** A fresh member admin of busan with its own password: throttling and expiry never touch a demo account. */
async function freshUser(role = 'member_admin', technopark = 'busan') {
	const login = `acc-login-${tag()}`;
	const password = `pw-${tag(12)}-x`;
	const id = await createUser(sec, { login, display_name: `시험 ${login}`, role, technopark, password });
	made.push(login);
	return { login, password, id };
}

/** A login no account has, remembered so that its failures are cleared after. */
function nobody() {
	const login = `nobody-${tag()}`;
	made.push(login);
	return login;
}

before(async () => {
	release = await exclusive();
	sec = await Session.signIn(DEMO.secretariat.login);
});

after(() => {
	if (HAVE_SQL && made.length)
		sql(`DELETE FROM login_failures WHERE login IN (${made.map(lit).join(', ')})`);
	release?.();
});

describe('the sign-in form', () => {
	test('GET /login: 200, a POST form to /login with labelled login and password fields', T, async () => {
		const res = await getWith('/login');
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
		const form = /<form\b[^>]*method="post"[^>]*action="\/login"[^>]*>([\s\S]*?)<\/form>/.exec(res.body);
		assert.ok(form, 'no <form method="post" action="/login">');
		for (const [name, type, label] of [['login', 'text', L['login.login']], ['password', 'password', L['login.password']]]) {
			const input = new RegExp(`<input[^>]*type="${type}"[^>]*id="f-${name}"[^>]*name="${name}"`).exec(form[1]);
			assert.ok(input, `no <input type="${type}" id="f-${name}" name="${name}">`);
			const lab = new RegExp(`<label for="f-${name}">([\\s\\S]*?)</label>`).exec(form[1]);
			assert.ok(lab, `no <label for="f-${name}">`);
			assert.equal(text(lab[1]), label, `label of ${name}`);
		}
		assert.ok(!/<input[^>]*type="password"[^>]*value=/.test(res.body), 'the password input carries a value');
		assert.equal(sessionCookie(res), null, 'GET /login set a session cookie');
	});

	test('anonymous GET /admin: 303 to /login?next=/admin', T, async () => {
		const res = await getWith('/admin');
		assert.equal(res.status, 303);
		assert.equal(location(res), '/login?next=/admin');
	});
});

describe('signing in', () => {
	test('POST /login with our Origin: 303 to /admin and a tp_session cookie: HttpOnly, SameSite=Lax, Path=/, no Secure on http', T, async () => {
		const res = await postLogin(DEMO.chungnam.login, PW);
		assert.equal(res.status, 303, text(res.body));
		assert.equal(location(res), '/admin');
		const c = sessionCookie(res);
		assert.ok(c, 'no tp_session Set-Cookie');
		assert.match(c.value, TOKEN_RE, 'the token is not 43 base64url characters');
		assert.equal(c.attrs.httponly, true, `no HttpOnly: ${c.raw}`);
		assert.equal(String(c.attrs.samesite).toLowerCase(), 'lax', `SameSite: ${c.raw}`);
		assert.equal(c.attrs.path, '/', `Path: ${c.raw}`);
		assert.equal(BASE.startsWith('https:'), c.attrs.secure === true, `Secure must be set exactly when base_url is https: ${c.raw}`);
		assert.equal(c.attrs['max-age'], undefined, `a session cookie has no Max-Age: ${c.raw}`);
		assert.equal(c.attrs.expires, undefined, `a session cookie has no Expires: ${c.raw}`);
		const admin = await getWith('/admin', c.value);
		assert.equal(admin.status, 200, 'the new cookie does not sign in');
		assert.ok(mainText(admin.body).includes(L['role.member_admin']), 'the admin page does not name the role');
	});

	test('a safe next is followed; an off-site next is not', T, async () => {
		const ok = await postForm('/login', { login: DEMO.staff.login, password: PW, next: '/account/password' });
		assert.equal(ok.status, 303);
		assert.equal(location(ok), '/account/password');
		for (const next of ['//evil.example/x', 'http://evil.example/', '/\\evil.example']) {
			const res = await postForm('/login', { login: DEMO.staff.login, password: PW, next });
			assert.equal(res.status, 303, `next=${next}`);
			assert.equal(location(res), '/', `next=${next} was followed (staff land on the home page)`);
		}
	});

	test('every sign-in gets a new token; a token the browser already had is not reused and ends (no fixation)', T, async () => {
		const a = sessionCookie(await postLogin(DEMO.staff.login, PW));
		const b = sessionCookie(await postLogin(DEMO.staff.login, PW));
		assert.ok(a && b);
		assert.notEqual(a.value, b.value, 'two sign-ins gave the same token');

		// A browser that already holds a live session token (an attacker's planted one) signs in:
		const planted = await Session.signIn(DEMO.staff.login);
		const res = await postLogin(DEMO.staff.login, PW, { cookie: planted.cookie });
		assert.equal(res.status, 303);
		const fresh = sessionCookie(res);
		assert.ok(fresh, 'no new cookie when a cookie was sent');
		assert.notEqual(fresh.value, planted.cookie, 'the pre-existing session token was kept: session fixation');
		assert.equal((await getWith('/account/password', fresh.value)).status, 200, 'the new token does not sign in');
		const old = await getWith('/account/password', planted.cookie);
		assert.equal(old.status, 303, 'the session the browser had before signing in still works');

		// A made-up, well-formed token that names no session is not adopted either.
		const madeUp = 'A'.repeat(43);
		const res2 = await postLogin(DEMO.staff.login, PW, { cookie: madeUp });
		assert.notEqual(sessionCookie(res2)?.value, madeUp, 'a token chosen by the browser was adopted');
	});

	test('wrong password and unknown login: the same 422 page (no user enumeration), no cookie', T, async () => {
		const u = await freshUser();
		const known = await postLogin(u.login, 'wrong-password-123');
		const unknown = await postLogin(nobody(), 'wrong-password-123');
		for (const [what, res] of [['wrong password', known], ['unknown login', unknown]]) {
			assert.equal(res.status, 422, what);
			assert.equal(sessionCookie(res), null, `${what}: a session cookie was set`);
			assert.ok(mainText(res.body).includes(L['login.failed']), `${what}: no "${L['login.failed']}"`);
			assert.deepEqual(formErrors(res.body).fields, {}, `${what}: a message on a single field tells which was wrong`);
		}
		assert.equal(mainText(known.body), mainText(unknown.body), 'the two answers differ in their text');
		assert.equal(known.headers.get('content-type'), unknown.headers.get('content-type'));
	});

	test('missing fields: 422, one message per field, the login kept, no failure counted', T, async (t) => {
		const before = HAVE_SQL ? sqlNumber(`SELECT COUNT(*) FROM login_failures WHERE login = ${lit(DEMO.staff.login)}`) : 0;
		const both = await postLogin('', '');
		assert.equal(both.status, 422);
		const e = formErrors(both.body);
		assert.deepEqual(e.fields, { login: L['form.err_required'], password: L['form.err_required'] });
		assert.deepEqual(e.summary, ['login', 'password'], 'the error summary lists each field once');

		const noPw = await postLogin(DEMO.staff.login, '');
		assert.equal(noPw.status, 422);
		assert.deepEqual(formErrors(noPw.body).fields, { password: L['form.err_required'] });
		assert.match(noPw.body, /<input[^>]*id="f-login"[^>]*value="staff"/, 'the login typed is not kept');
		assert.equal(sessionCookie(noPw), null);

		const noLogin = await postLogin('', 'some-password-1');
		assert.equal(noLogin.status, 422);
		assert.deepEqual(formErrors(noLogin.body).fields, { login: L['form.err_required'] });
		if (needSql(t))
			assert.equal(sqlNumber(`SELECT COUNT(*) FROM login_failures WHERE login = ${lit(DEMO.staff.login)}`), before,
			    'an incomplete form counted as a failed sign-in');
	});

	test('the password never appears in any answer', T, async () => {
		const secret = `Zq9-never-shown-${tag(10)}`;
		const u = await freshUser();
		const answers = [
			['wrong password', await postLogin(u.login, secret)],
			['unknown login', await postLogin(nobody(), secret)],
			['missing login', await postLogin('', secret)],
			['a login with a newline', await postLogin('a\nb', secret)],
		];
		for (const [what, res] of answers) {
			assert.ok(res.status >= 400, `${what}: ${res.status}`);
			for (const form of [secret, encodeURIComponent(secret)])
				assert.ok(!res.body.includes(form), `${what}: the password is in the page`);
			for (const c of res.headers.getSetCookie())
				assert.ok(!c.includes(secret), `${what}: the password is in a cookie`);
		}
	});

	test('POST /login from another origin: 403, no session; with only a Referer under base_url: allowed', T, async () => {
		for (const [what, opts] of [
			['Origin http://evil.example', { origin: 'http://evil.example' }],
			['Origin null', { origin: 'null' }],
			['Origin of a look-alike host', { origin: `${BASE}.evil.example` }],
			['no Origin, no Referer', { origin: null }],
			['no Origin, a foreign Referer', { origin: null, referer: 'http://evil.example/login' }],
			['no Origin, a look-alike Referer', { origin: null, referer: `${BASE}.evil.example/login` }],
		]) {
			const res = await postLogin(DEMO.staff.login, PW, opts);
			assert.equal(res.status, 403, what);
			assert.equal(sessionCookie(res), null, `${what}: a session cookie was set`);
		}
		const ok = await postLogin(DEMO.staff.login, PW, { origin: null, referer: `${BASE}/login` });
		assert.equal(ok.status, 303, 'a same-site Referer without Origin is refused');
	});
});

describe('signing out', () => {
	test('POST /logout with the form token: 303, cookie cleared, the old token no longer works', T, async (t) => {
		const s = await Session.signIn(DEMO.staff.login);
		const before = HAVE_SQL ? sqlNumber(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = ${lit(DEMO.staff.login)}`) : 0;
		const res = await s.post('/logout', {});
		assert.equal(res.status, 303);
		assert.equal(location(res), '/');
		const c = sessionCookie(res);
		assert.ok(c, 'no Set-Cookie clearing tp_session');
		assert.equal(c.value, '', `the cookie is not emptied: ${c.raw}`);
		assert.ok(c.attrs['max-age'] === '0' || /1970/.test(String(c.attrs.expires)), `the cookie is not expired: ${c.raw}`);
		assert.equal(c.attrs.path, '/', `Path: ${c.raw}`);
		// The old token, replayed by someone who kept it, is dead on the server.
		const after = await getWith('/account/password', s.cookie);
		assert.equal(after.status, 303);
		assert.equal(location(after), '/login?next=/account/password');
		if (needSql(t))
			assert.equal(sqlNumber(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = ${lit(DEMO.staff.login)}`),
			    before - 1, 'the session row was not deleted');
	});

	test('POST /logout without the form token: 403 and the session lives on', T, async () => {
		const s = await Session.signIn(DEMO.staff.login);
		assert.equal((await s.post('/logout', {}, { csrf: null })).status, 403);
		assert.equal((await s.get('/account/password')).status, 200);
		assert.equal((await s.post('/logout', {})).status, 303);
	});
});

describe('throttling', () => {
	test('5 wrong passwords for one login: the 6th attempt, even with the right password, is 429', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		try {
			for (let i = 1; i <= 5; i++) {
				const res = await postLogin(u.login, `wrong-${i}-password`);
				assert.equal(res.status, 422, `wrong password #${i}`);
			}
			assert.equal(sqlNumber(`SELECT COUNT(*) FROM login_failures WHERE login = ${lit(u.login)}`), 5, 'failures recorded');
			const res = await postLogin(u.login, u.password);
			assert.equal(res.status, 429, 'the right password after 5 failures');
			assert.equal(sessionCookie(res), null, 'a throttled sign-in set a cookie');
			assert.ok(mainText(res.body).includes(L['login.throttled']), `no "${L['login.throttled']}"`);
			assert.ok(!res.body.includes(u.password), 'the password is in the 429 page');
			assert.match(res.body, /<html lang="ko">/);
			// Another login from the same address is not affected.
			assert.equal((await postLogin(DEMO.staff.login, PW)).status, 303, 'one login\'s throttling blocked another');
		} finally {
			sql(`DELETE FROM login_failures WHERE login = ${lit(u.login)}`);
		}
		assert.equal((await postLogin(u.login, u.password)).status, 303, 'still refused after the failures were cleared');
	});

	test('50 failures from one address in 15 minutes: every login from it is 429', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		const filler = `acc-filler-${tag()}`;
		const first = await postLogin(filler, 'wrong-password-0');
		assert.equal(first.status, 422);
		const addr = sqlValue(`SELECT addr FROM login_failures WHERE login = ${lit(filler)}`);
		assert.ok(addr, 'the failure was not recorded with an address');
		const inWindow = () => sqlNumber(`SELECT COUNT(*) FROM login_failures WHERE addr = ${lit(addr)} AND at > ${DB_NOW} - INTERVAL 15 MINUTE`);
		try {
			// More, older ones, still inside the window: 49 in all, one short of the limit.
			const more = 49 - inWindow();
			assert.ok(more >= 0, `already ${49 - more} failures from ${addr}`);
			if (more > 0)
				sql(`INSERT INTO login_failures (login, addr, at) SELECT ${lit(filler)}, ${lit(addr)}, ${DB_NOW} - INTERVAL 10 MINUTE ` +
				    `FROM information_schema.COLLATIONS LIMIT ${more}`);
			assert.equal(inWindow(), 49);
			assert.equal((await postLogin(u.login, u.password)).status, 303, 'refused before the address limit');
			assert.equal((await postLogin(`acc-filler-${tag()}`, 'wrong-password-x')).status, 422);
			const res = await postLogin(u.login, u.password);
			assert.equal(res.status, 429, 'a good login from an address with 50 failures');
			assert.ok(mainText(res.body).includes(L['login.throttled']));
			// Failures older than the window do not count.
			sql(`UPDATE login_failures SET at = ${DB_NOW} - INTERVAL 16 MINUTE WHERE addr = ${lit(addr)} AND login LIKE 'acc-filler-%'`);
			assert.equal((await postLogin(u.login, u.password)).status, 303, 'failures older than 15 minutes still count');
		} finally {
			sql(`DELETE FROM login_failures WHERE addr = ${lit(addr)} AND login LIKE 'acc-filler-%'`);
		}
	});
});

/*
 * Past the limit, a progressive delay rather than a block for the window (issue 13, item 3): each attempt
 * waits twice as long after the latest failure as the one before (login_delay_seconds 30 up to
 * login_delay_max_seconds 900, the tools/stack instance keeps the defaults), answered 429 with Retry-After
 * and the form with the login kept and the time left. Time passes here by moving the failures back.
 */
describe('throttling: a progressive delay', () => {
	const BASE_WAIT = 30, MAX_WAIT = 900;
	const retryAfter = (res) => Number(res.headers.get('retry-after'));
	const older = (login, seconds) => sql(`UPDATE login_failures SET at = at - INTERVAL ${Number(seconds)} SECOND WHERE login = ${lit(login)}`);
	const failures = (login) => sqlNumber(`SELECT COUNT(*) FROM login_failures WHERE login = ${lit(login)}`);

	test('past the limit: 429 with Retry-After, the login kept and the time left; after the wait a password is checked again, and each failure doubles the wait', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		try {
			for (let i = 1; i <= 5; i++)
				assert.equal((await postLogin(u.login, `wrong-${i}-password`)).status, 422, `wrong password #${i}`);
			const res = await postLogin(u.login, u.password);
			assert.equal(res.status, 429, 'the 6th attempt at once');
			const wait = retryAfter(res);
			assert.ok(wait >= 1 && wait <= BASE_WAIT, `Retry-After ${res.headers.get('retry-after')}: the first wait is ${BASE_WAIT} s`);
			assert.match(res.body, new RegExp(`<input[^>]*name="login"[^>]*value="${u.login}"`), 'the login is kept in the form');
			const msg = mainText(res.body);
			assert.ok(msg.includes(L['login.throttled']) && msg.includes(`${L['time.retry_in']} ${wait}${L['time.seconds']}`),
			    `the message says how long to wait (${wait} s): ${msg}`);
			assert.ok(!res.body.includes(u.password), 'the password is in the 429 page');
			assert.equal(failures(u.login), 5, 'a throttled attempt is no failure');
			/* the wait has passed: a password is checked again (a wrong one: the 6th failure) */
			older(u.login, BASE_WAIT + 1);
			assert.equal((await postLogin(u.login, 'wrong-6-password')).status, 422, 'checked again after the wait');
			const twice = await postLogin(u.login, u.password);
			assert.equal(twice.status, 429, 'at once after the 6th failure');
			assert.ok(retryAfter(twice) > BASE_WAIT && retryAfter(twice) <= 2 * BASE_WAIT, `the wait doubled: Retry-After ${twice.headers.get('retry-after')}`);
			const m = Math.floor(retryAfter(twice) / 60), sec = retryAfter(twice) % 60;
			const left = `${m > 0 ? `${m}${L['time.minutes']}` : ''}${m > 0 && sec > 0 ? ' ' : ''}${sec > 0 || m === 0 ? `${sec}${L['time.seconds']}` : ''}`;
			assert.ok(mainText(twice.body).includes(`${L['time.retry_in']} ${left}`), `minutes and seconds: ${left}`);
			older(u.login, 2 * BASE_WAIT + 1);
			const ok = await postLogin(u.login, u.password);
			assert.equal(ok.status, 303, 'the owner\'s right password after the wait');
			assert.equal(failures(u.login), 0, 'signing in clears the pair');
		} finally {
			sql(`DELETE FROM login_failures WHERE login = ${lit(u.login)}`);
		}
	});

	test('the wait grows to login_delay_max_seconds and no further', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		try {
			/* 31 failures a minute ago, from this client's address: far past the limit */
			assert.equal((await postLogin(u.login, 'wrong-0-password')).status, 422);
			const addr = sqlValue(`SELECT addr FROM login_failures WHERE login = ${lit(u.login)}`);
			sql(`INSERT INTO login_failures (login, addr, at) SELECT ${lit(u.login)}, ${lit(addr)}, ${DB_NOW} FROM seq_1_to_30`);
			sql(`UPDATE login_failures SET at = ${DB_NOW} - INTERVAL 1 MINUTE WHERE login = ${lit(u.login)}`);
			const res = await postLogin(u.login, u.password);
			assert.equal(res.status, 429);
			assert.ok(retryAfter(res) > MAX_WAIT - 120 && retryAfter(res) <= MAX_WAIT - 60, `Retry-After ${res.headers.get('retry-after')}: ${MAX_WAIT} s after the latest`);
			older(u.login, MAX_WAIT);
			assert.equal((await postLogin(u.login, u.password)).status, 303, 'after the longest wait, the owner signs in');
		} finally {
			sql(`DELETE FROM login_failures WHERE login = ${lit(u.login)}`);
		}
	});
});

/**
 * POST /login from the loopback address local (127.0.0.2, ...: nginx passes it on as REMOTE_ADDR, as it
 * would a client elsewhere). Resolves with { status, body }.
 */
function postLoginFrom(local, login, password, extra = {}) {
	const body = new URLSearchParams({ login, password }).toString();
	const u = new URL('/login', BASE);
	return new Promise((resolve, reject) => {
		const req = http.request({
			host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress: local,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body),
			    Origin: BASE, ...extra },
		}, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('error', reject);
		req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
		req.end(body);
	});
}

describe('throttling cannot lock the owner out', () => {
	test('100 wrong passwords from one address: that address is throttled, the owner signs in from another', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		const ATTACKER = '127.0.0.2';
		try {
			const seen = { 422: 0, 429: 0 };
			for (let i = 0; i < 100; i++) {
				const res = await postLoginFrom(ATTACKER, u.login, `wrong-${i}-password`);
				assert.ok(res.status === 422 || res.status === 429, `attempt ${i}: ${res.status}`);
				seen[res.status]++;
			}
			assert.equal(seen[422], 5, 'passwords checked for the attacker: the limit, then no more');
			assert.equal(seen[429], 95);
			assert.equal((await postLoginFrom(ATTACKER, u.login, u.password)).status, 429, 'the right password from the attacker\'s address');
			assert.equal(sqlNumber(`SELECT addr = ${lit(ATTACKER)} FROM login_failures WHERE login = ${lit(u.login)} LIMIT 1`), 1,
			    'the failures were recorded with the attacker\'s address (is REMOTE_ADDR passed on?)');
			// The owner, elsewhere: signs in at once, with no delay and no message.
			const res = await postLogin(u.login, u.password);
			assert.equal(res.status, 303, 'the owner was locked out by someone else\'s failures');
			assert.ok(sessionCookie(res), 'no session for the owner');
		} finally {
			sql(`DELETE FROM login_failures WHERE login = ${lit(u.login)}`);
		}
	});

	test('25 attempts at once from one address: at most the limit of 5 get their password checked', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		const FROM = '127.0.0.3';
		try {
			const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => postLoginFrom(FROM, u.login, `wrong-${i}-password`)));
			const checked = answers.filter((r) => r.status === 422).length;
			// admission control (max_login) may answer some at once with the busy 503 (Retry-After: 2): not checked either
			const busy = answers.filter((r) => r.status === 503 && r.headers['retry-after'] === '2').length;
			assert.equal(answers.filter((r) => r.status === 429).length + busy, 25 - checked, 'answers other than 422, 429 and the busy 503');
			assert.ok(checked >= 1 && checked <= 5, `${checked} passwords checked, the limit is 5`);
			assert.equal(sqlNumber(`SELECT COUNT(*) FROM login_failures WHERE login = ${lit(u.login)}`), checked,
			    'failures recorded: one per checked password, none for a throttled attempt');
		} finally {
			sql(`DELETE FROM login_failures WHERE login = ${lit(u.login)}`);
		}
	});
});

describe('behind a TLS terminator (trusted_proxy = 127.0.0.5 in the test instance)', () => {
	const FORWARDED = { 'X-Forwarded-For': '198.51.100.1, 203.0.113.77', 'X-Forwarded-Proto': 'https' };

	test('from the trusted proxy: the client is the last X-Forwarded-For address, and the cookie is Secure', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		try {
			assert.equal((await postLoginFrom('127.0.0.5', u.login, 'wrong-password-1', FORWARDED)).status, 422);
			assert.equal(sqlValue(`SELECT addr FROM login_failures WHERE login = ${lit(u.login)}`), '203.0.113.77',
			    'the failure is not recorded with the client\'s address');
			const ok = await postLoginFrom('127.0.0.5', u.login, u.password, FORWARDED);
			assert.equal(ok.status, 303);
			const cookie = [].concat(ok.headers['set-cookie'] ?? []).join('\n');
			assert.match(cookie, /tp_session=[^;]+;.*; Secure/, `Set-Cookie without Secure over https: ${cookie}`);
		} finally {
			sql(`DELETE FROM login_failures WHERE login = ${lit(u.login)}`);
		}
	});

	test('from anyone else, X-Forwarded-* are ignored: nobody can pick their own address or scheme', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		try {
			assert.equal((await postLoginFrom('127.0.0.6', u.login, 'wrong-password-1', FORWARDED)).status, 422);
			assert.equal(sqlValue(`SELECT addr FROM login_failures WHERE login = ${lit(u.login)}`), '127.0.0.6');
			const ok = await postLoginFrom('127.0.0.6', u.login, u.password, FORWARDED);
			assert.equal(ok.status, 303);
			assert.doesNotMatch([].concat(ok.headers['set-cookie'] ?? []).join('\n'), /Secure/,
			    'a plain-http client made its cookie Secure by claiming https');
		} finally {
			sql(`DELETE FROM login_failures WHERE login = ${lit(u.login)}`);
		}
	});
});

describe('the log says who, from where, and why', () => {
	test('an access record names the client and the user; a 403 its reason; a failed sign-in who and from where', { ...T, skip: SERVER_LOG ? false : 'no STACK_DIR: the server log is not known' }, async () => {
		const staff = await Session.signIn(DEMO.staff.login);
		let at = logOffset();
		assert.equal((await staff.get('/admin')).status, 403);
		const line = (await waitForLog(at, /^.* (\S+) (\S+) GET \/admin 403 sent \d+B read 0B [\d.]+ms denied: (\S+)$/, 'the 403 record'));
		assert.equal(line[2], DEMO.staff.login, `the record names ${line[2]}, not the signed-in user`);
		assert.equal(line[1], '127.0.0.1');
		assert.equal(line[3], 'role');
		assert.ok(ACCESS_RECORD.test(line[0]), `the record does not have the documented shape: ${line[0]}`);
		at = logOffset();
		assert.equal((await staff.post('/logout', {}, { csrf: null })).status, 403);
		await waitForLog(at, / POST \/logout 403 sent \d+B read \d+B [\d.]+ms denied: CSRF$/, 'the CSRF refusal');
		at = logOffset();
		const who = nobody();
		assert.equal((await postLoginFrom('127.0.0.6', who, 'wrong-password-1')).status, 422);
		await waitForLog(at, new RegExp(`auth: sign-in refused \\(wrong login or password\\) for ${who} from 127\\.0\\.0\\.6$`), 'the refused sign-in');
	});
});

describe('session expiry', () => {
	/** The one session row of a fresh user (asserts there is exactly one). */
	async function oneSession(u) {
		const s = await Session.signIn(u.login, u.password);
		assert.equal(sqlNumber(`SELECT COUNT(*) FROM sessions WHERE user_id = ${lit(u.id)}`), 1, 'sessions of the fresh user');
		return s;
	}

	test('a session lasts 12 hours from sign-in at most', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		await oneSession(u);
		assert.equal(sqlNumber(`SELECT TIMESTAMPDIFF(MINUTE, created_at, expires_at) FROM sessions WHERE user_id = ${lit(u.id)}`), 12 * 60);
	});

	test('idle: unused for 2 hours, the cookie no longer signs in (303 to /login?next=/admin)', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		const s = await oneSession(u);
		assert.equal((await s.get('/admin')).status, 200);
		sql(`UPDATE sessions SET last_seen = ${DB_NOW} - INTERVAL 2 HOUR WHERE user_id = ${lit(u.id)}`);
		const res = await s.get('/admin');
		assert.equal(res.status, 303);
		assert.equal(location(res), '/login?next=/admin');
	});

	test('idle: used 59 minutes ago, it still works and the idle clock starts again', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		const s = await oneSession(u);
		sql(`UPDATE sessions SET last_seen = ${DB_NOW} - INTERVAL 59 MINUTE WHERE user_id = ${lit(u.id)}`);
		assert.equal((await s.get('/admin')).status, 200, 'a session used 59 minutes ago was refused');
		assert.equal(sqlNumber(`SELECT last_seen > ${DB_NOW} - INTERVAL 2 MINUTE FROM sessions WHERE user_id = ${lit(u.id)}`), 1,
		    'last_seen was not moved on by the request');
	});

	test('absolute: past expires_at, the cookie no longer signs in, however recently used', T, async (t) => {
		if (!needSql(t))
			return;
		const u = await freshUser();
		const s = await oneSession(u);
		sql(`UPDATE sessions SET expires_at = ${DB_NOW} - INTERVAL 1 SECOND, last_seen = ${DB_NOW} WHERE user_id = ${lit(u.id)}`);
		const res = await s.get('/admin');
		assert.equal(res.status, 303);
		assert.equal(location(res), '/login?next=/admin');
		assert.equal((await s.post('/logout', {}, { csrf: s.csrf })).status, 403, 'an expired session may still post');
	});
});
