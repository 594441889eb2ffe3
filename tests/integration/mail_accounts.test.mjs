// test-lane: mail (tools/lib/suites.sh: beside the other files; mail_delivery stops the sink, so one mail file at a time)
// mail_accounts.test.mjs - addresses and the password reset by mail (issue 15, items 2 and 3; docs/email.md),
// against the real SMTP sink: a new address is used only once its link is opened, the old address is told,
// the secretariat sets one the same way; the reset request answers the same for known and unknown addresses,
// its link works once and only once, is voided by a newer link, a password change and its 30 minutes,
// ends every session, and requests are throttled per address and per client.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { L } from './lib.mjs';
import {
	DEMO, DB_NOW, Session, createUser, exclusive, formErrors, getWith, lit, location, mainText, postForm,
	postLogin, sql, sqlNumber, sqlValue, tag, text,
} from './lib_accounts.mjs';
import { MAIL_SKIP, partText, theMessageTo, messagesTo, waitFor } from './mail_lib.mjs';

const PASSWORD = 'mail-test-password-1';

/** The link of kind in a message's text part (the first URL with that path). */
function linkIn(m, path) {
	const t = partText(m, 'text/plain');
	const found = new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9_-]+`).exec(t);
	assert.ok(found, `no ${path} link in the message: ${t}`);
	const url = new URL(found[0]);
	assert.ok(partText(m, 'text/html').includes(`href="${found[0]}"`), 'the HTML part has another link');
	return `${url.pathname}${url.search}`;
}
const tokenOf = (path) => new URL(path, 'http://x').searchParams.get('token');

async function newAccount(sec, role = 'staff') {
	const login = `mail-${tag()}`;
	const id = await createUser(sec, { login, display_name: `메일 시험 ${login.slice(5)}`, role, password: PASSWORD });
	return { id, login, name: `메일 시험 ${login.slice(5)}` };
}

/** Ask for a new address as session s; returns the response. */
const askEmail = (s, email) => s.post('/account/email', { email });

/** Confirm with a link path through its page's button, as a browser does. */
async function confirmLink(path) {
	const page = await getWith(path);
	assert.equal(page.status, 200);
	assert.ok(page.body.includes(`name="token" value="${tokenOf(path)}"`), 'the confirmation page has no button with the token');
	return postForm('/account/email/confirm', { token: tokenOf(path) });
}

describe('account addresses and the password reset by mail', { skip: MAIL_SKIP, concurrency: 1 }, () => {
	let release, sec;
	before(async () => {
		release = await exclusive();
		sec = await Session.signIn(DEMO.secretariat.login);
	});
	after(() => release?.());

	test('a new address is the account\'s only after its link is opened; the old one is told; a taken one is refused with the value kept', async () => {
		const u = await newAccount(sec);
		const s = await Session.signIn(u.login, PASSWORD);
		const form = await s.get('/account/email');
		assert.equal(form.status, 200);

		const bad = await askEmail(s, 'not an address');
		assert.equal(bad.status, 422);
		assert.ok(bad.body.includes('value="not an address"'), 'the typed value is lost');
		const errs = formErrors(bad.body);
		assert.ok(errs.fields.email, 'no message at the address field');
		assert.deepEqual(errs.summary, ['email']);

		const first = `first-${tag()}@example.org`;
		const res = await askEmail(s, first);
		assert.equal(res.status, 303);
		assert.equal(location(res), '/account/email?done=sent');
		const m = await theMessageTo(first);
		assert.equal(m.subject, `[${L['site.short']}] ${L['mail.email_confirm.subject']}`);
		assert.deepEqual(m.to, [{ name: u.name, addr: first }]);
		assert.equal(sqlValue(`SELECT email FROM users WHERE id = ${u.id}`), null, 'the address is used before it is confirmed');
		assert.ok(text((await s.get('/account/email')).body).includes(first), 'the waiting address is not shown');
		const link = linkIn(m, '/account/email/confirm');
		const page = await getWith(link);
		assert.equal(sqlValue(`SELECT email FROM users WHERE id = ${u.id}`), null, 'opening the link (GET) changed the address');
		assert.equal(page.status, 200);
		const done = await confirmLink(link);
		assert.equal(done.status, 200);
		assert.ok(text(done.body).includes(L['account_mail.confirmed']));
		assert.equal(sqlValue(`SELECT email FROM users WHERE id = ${u.id}`), first);
		const again = await postForm('/account/email/confirm', { token: tokenOf(link) });
		assert.equal(again.status, 422, 'a used confirmation link works again');
		assert.ok(text(again.body).includes(L['account_mail.confirm_invalid']));

		const second = `second-${tag()}@example.org`;
		assert.equal((await askEmail(s, second)).status, 303);
		const notice = await waitFor(() => messagesTo(first).find((x) => x.subject.endsWith(L['mail.email_notice.subject'])), 'the notice to the old address');
		assert.equal(messagesTo(first).length, 2, 'the old address got other than its confirmation and one notice');
		assert.ok(partText(notice, 'text/plain').includes(second) && partText(notice, 'text/plain').includes(L['mail.email_notice.by_self']));
		await theMessageTo(second);

		const other = await newAccount(sec);
		const o = await Session.signIn(other.login, PASSWORD);
		const taken = await askEmail(o, first);
		assert.equal(taken.status, 422);
		assert.ok(text(taken.body).includes(L['account_mail.err_taken']), 'no message that the address is taken');
		assert.ok(taken.body.includes(`value="${first}"`));
	});

	test('the secretariat sets an address the same way: link to the new one, notice to the old one; others may not', async () => {
		const u = await newAccount(sec);
		const a = `sec-a-${tag()}@example.org`;
		const page = await sec.get(`/admin/users/${u.id}/email`);
		assert.equal(page.status, 200);
		const res = await sec.post(`/admin/users/${u.id}/email`, { email: a });
		assert.equal(res.status, 303);
		assert.equal((await confirmLink(linkIn(await theMessageTo(a), '/account/email/confirm'))).status, 200);
		assert.equal(sqlValue(`SELECT email FROM users WHERE id = ${u.id}`), a);
		const b = `sec-b-${tag()}@example.org`;
		assert.equal((await sec.post(`/admin/users/${u.id}/email`, { email: b })).status, 303);
		const notice = await waitFor(() => messagesTo(a).find((m) => m.subject.endsWith(L['mail.email_notice.subject'])), 'the notice to the old address');
		assert.equal(messagesTo(a).length, 2, 'the old address got other than its confirmation and one notice');
		await theMessageTo(b);
		assert.ok(partText(notice, 'text/plain').includes(L['mail.email_notice.by_secretariat']));
		const audit = sql(`SELECT user_id, action FROM audit_changes WHERE entity = 'user' AND entity_id = ${u.id} AND action LIKE 'email%' ORDER BY id`);
		assert.deepEqual(audit.map((r) => r.action), ['email_request', 'email_confirm', 'email_request']);
		const staff = await Session.signIn(DEMO.staff.login);
		assert.equal((await staff.get(`/admin/users/${u.id}/email`)).status, 403);
		assert.equal((await sec.get('/admin/users/999999999/email')).status, 404);
	});

	test('a reset request answers the same for a known and an unknown address; only the known one gets a link', async () => {
		const u = await newAccount(sec);
		const addr = `reset-${tag()}@example.org`;
		sql(`UPDATE users SET email = ${lit(addr)} WHERE id = ${u.id}`);
		assert.equal((await getWith('/password/forgot')).status, 200);
		const known = await postForm('/password/forgot', { email: addr });
		const unknownAddr = `nobody-${tag()}@example.org`;
		const unknown = await postForm('/password/forgot', { email: unknownAddr });
		assert.equal(known.status, 200);
		assert.equal(unknown.status, 200);
		const strip = (r) => mainText(r.body).replace(addr, 'X').replace(unknownAddr, 'X');
		assert.equal(strip(known), strip(unknown), 'the answers differ');
		assert.ok(text(known.body).includes(L['reset.sent']));
		const m = await theMessageTo(addr);
		assert.equal(m.subject, `[${L['site.short']}] ${L['mail.password_reset.subject']}`);
		assert.equal(messagesTo(unknownAddr).length, 0);
		assert.match(partText(m, 'text/plain'), /30분/);
	});

	test('the reset link works once and only once, and ends every session of the account', async () => {
		const u = await newAccount(sec);
		const addr = `once-${tag()}@example.org`;
		sql(`UPDATE users SET email = ${lit(addr)} WHERE id = ${u.id}`);
		const s1 = await Session.signIn(u.login, PASSWORD);
		await Session.signIn(u.login, PASSWORD);
		assert.equal(sqlNumber(`SELECT COUNT(*) AS n FROM sessions WHERE user_id = ${u.id}`), 2);
		await postForm('/password/forgot', { email: addr });
		const link = linkIn(await theMessageTo(addr), '/password/reset');
		const hash = sqlValue(`SELECT token_hash FROM account_tokens WHERE user_id = ${u.id}`);
		assert.ok(hash && !hash.includes(tokenOf(link)), 'the token is stored as it is sent');
		const form = await getWith(link);
		assert.equal(form.status, 200);
		assert.ok(form.body.includes('action="/password/reset"'), 'no new-password form');

		const mismatch = await postForm('/password/reset', { token: tokenOf(link), new: 'new-password-22', confirm: 'other-password-22' });
		assert.equal(mismatch.status, 422, 'a mismatch is refused');
		const nw = `reset-${tag()}-pw`;
		const done = await postForm('/password/reset', { token: tokenOf(link), new: nw, confirm: nw });
		assert.equal(done.status, 200);
		assert.ok(text(done.body).includes(L['reset.done']));
		assert.equal(sqlNumber(`SELECT COUNT(*) AS n FROM sessions WHERE user_id = ${u.id}`), 0, 'sessions survived the reset');
		assert.notEqual((await s1.get('/account/password')).status, 200, 'an old session still works');
		assert.equal((await postLogin(u.login, PASSWORD)).status, 422, 'the old password still works');
		assert.equal((await postLogin(u.login, nw)).status, 303, 'the new password does not work');

		const twice = await postForm('/password/reset', { token: tokenOf(link), new: 'third-password-33', confirm: 'third-password-33' });
		assert.equal(twice.status, 422, 'the link worked twice');
		assert.ok(text(twice.body).includes(L['reset.invalid']));
		assert.ok(text((await getWith(link)).body).includes(L['reset.invalid']));
		assert.equal((await postLogin(u.login, nw)).status, 303, 'the second use changed the password');
	});

	test('a reset link is voided by a newer link, by a password change and after 30 minutes', async () => {
		const u = await newAccount(sec);
		const addr = `void-${tag()}@example.org`;
		sql(`UPDATE users SET email = ${lit(addr)} WHERE id = ${u.id}`);
		const linkNow = async () => {
			const before = messagesTo(addr).length;
			await postForm('/password/forgot', { email: addr });
			const all = await waitFor(() => { const m = messagesTo(addr); return m.length > before ? m : null; }, 'a reset mail');
			return linkIn(all.sort((a, b) => a.file.localeCompare(b.file))[all.length - 1], '/password/reset');
		};
		const invalid = async (link) => text((await getWith(link)).body).includes(L['reset.invalid']);

		const older = await linkNow();
		const newer = await linkNow();
		assert.notEqual(tokenOf(older), tokenOf(newer));
		assert.ok(await invalid(older), 'an older link still works after a newer one');
		assert.ok(!(await invalid(newer)));

		const s = await Session.signIn(u.login, PASSWORD);
		const changed = await s.post('/account/password', { current: PASSWORD, new: 'changed-password-44', confirm: 'changed-password-44' });
		assert.equal(changed.status, 200);
		assert.ok(await invalid(newer), 'a link made before a password change still works');
		const r = await postForm('/password/reset', { token: tokenOf(newer), new: 'after-change-55', confirm: 'after-change-55' });
		assert.equal(r.status, 422);
		assert.equal((await postLogin(u.login, 'changed-password-44')).status, 303);

		const late = await linkNow();
		const life = sqlNumber(`SELECT TIMESTAMPDIFF(SECOND, created_at, expires_at) AS s FROM account_tokens WHERE user_id = ${u.id}`);
		assert.equal(life, 30 * 60, 'a reset link lives other than 30 minutes');
		assert.ok(!(await invalid(late)));
		sql(`UPDATE account_tokens SET expires_at = ${DB_NOW} - INTERVAL 1 SECOND WHERE user_id = ${u.id}`);
		assert.ok(await invalid(late), 'an expired link still works');
	});

	test('reset requests are throttled per address and per client, for known and unknown addresses alike', async () => {
		const addr = `flood-${tag()}@example.org`;
		const limit = 5;	/* login_max_failures: the tools/stack instance keeps the default */
		for (let i = 0; i < limit; i++)
			assert.equal((await postForm('/password/forgot', { email: addr })).status, 200, `request ${i + 1}`);
		const over = await postForm('/password/forgot', { email: addr });
		assert.equal(over.status, 429);
		assert.ok(text(over.body).includes(L['reset.throttled']));
		/* a progressive delay, as sign-ins have (login_delay_seconds 30): said in Retry-After and on the form,
		 * the throttled request not counted; once the wait has passed, a request goes through again */
		const wait = Number(over.headers.get('retry-after'));
		assert.ok(wait >= 1 && wait <= 30, `Retry-After ${over.headers.get('retry-after')}`);
		assert.ok(text(over.body).includes(`${L['time.retry_in']} ${wait}${L['time.seconds']}`), 'the form says how long to wait');
		assert.equal(sqlNumber(`SELECT COUNT(*) AS n FROM reset_requests WHERE email = ${lit(addr)}`), limit, 'a throttled request is not counted');
		sql(`UPDATE reset_requests SET at = at - INTERVAL 31 SECOND WHERE email = ${lit(addr)}`);
		assert.equal((await postForm('/password/forgot', { email: addr })).status, 200, 'after the wait');
		const doubled = await postForm('/password/forgot', { email: addr });
		assert.equal(doubled.status, 429, 'at once after it');
		assert.ok(Number(doubled.headers.get('retry-after')) > 30 && Number(doubled.headers.get('retry-after')) <= 60, 'the wait doubled');
		const client = '127.0.0.1';
		try {
			sql(`INSERT INTO reset_requests (email, addr, at) SELECT CONCAT('filler-', seq, '@example.org'), ${lit(client)}, ${DB_NOW} FROM seq_1_to_50`);
			const fresh = await postForm('/password/forgot', { email: `fresh-${tag()}@example.org` });
			assert.equal(fresh.status, 429, 'a client over its limit is not throttled');
		} finally {
			sql(`DELETE FROM reset_requests WHERE email LIKE 'filler-%@example.org' OR email LIKE 'flood-%' OR email LIKE 'fresh-%'`);
		}
	});
});
