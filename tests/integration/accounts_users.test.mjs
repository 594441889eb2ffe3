// accounts_users.test.mjs - accounts, for the secretariat (/admin/users), and one's own password
// (/account/password): the new-account form's checks (a login taken -> 422 on login, a member admin
// needs a technopark, other roles may not have one, ...), the audit of an account without its
// password, a change of rights (deactivation, another role, a new password) ending the account's
// sessions, the secretariat not locking itself out, a stale version -> 409. Every account made here is
// fresh (acc-user-*).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	L, DEMO, text, tag, needSql, HAVE_SQL, sql, sqlRow, sqlNumber, lit, auditMark, auditSince, exclusive,
	Session, postLogin, getWith, formOf, withChanges, fieldValue, formErrors, mainText, location, createUser,
	conflictRows, conflictFields,
} from './lib_accounts.mjs';

const T = { timeout: 120_000 };
let release;
let sec;
const made = [];

/** A fresh login and password. */
function fresh() {
	const login = `acc-user-${tag()}`;
	made.push(login);
	return { login, password: `pw-${tag(12)}-u` };
}

/** The account form of id as the secretariat sees it. */
async function accountForm(id) {
	const res = await sec.get(`/admin/users/${id}`);
	assert.equal(res.status, 200, `GET /admin/users/${id}: ${res.status}`);
	return formOf(res.body, `/admin/users/${id}`).fields;
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

describe('the account list', () => {
	test('GET /admin/users lists every account in the database', T, async () => {
		const res = await sec.get('/admin/users');
		assert.equal(res.status, 200);
		const logins = [...res.body.matchAll(/<a href="\/admin\/users\/(\d+)">([^<]*)<\/a>/g)].map((m) => m[2]);
		const want = HAVE_SQL ? sql('SELECT login FROM users').map((r) => r.login) : Object.values(DEMO).map((d) => d.login);
		for (const l of want)
			assert.ok(logins.includes(l), `${l} is not listed`);
		if (HAVE_SQL)
			assert.equal(logins.length, want.length, 'the list and the table differ in size');
	});
});

describe('making an account: the form\'s checks', () => {
	const base = () => ({ login: fresh().login, display_name: '시험 계정', role: 'staff', technopark: '', active: '1', password: `pw-${tag(12)}` });

	/** POST the new-account form; asserts 422 and returns the messages; nothing may be made. */
	async function refused(fields, what) {
		const users0 = HAVE_SQL ? sqlNumber('SELECT COUNT(*) FROM users') : 0;
		const mark = HAVE_SQL ? auditMark() : 0;
		const res = await sec.post('/admin/users', fields);
		assert.equal(res.status, 422, `${what}: ${res.status} ${text(res.body).slice(0, 200)}`);
		assert.ok(!fields.password || !res.body.includes(fields.password), `${what}: the password is in the page`);
		const form = formOf(res.body, '/admin/users').fields;
		for (const k of ['login', 'display_name', 'role', 'technopark']) {
			// A select keeps the choice when it is one of its options (a made-up value cannot be shown).
			if ((k === 'role' || k === 'technopark') && !res.body.includes(`<option value="${fields[k]}"`))
				continue;
			assert.equal(fieldValue(form, k), fields[k] ?? '', `${what}: the typed ${k} is not kept`);
		}
		if (HAVE_SQL) {
			assert.equal(sqlNumber('SELECT COUNT(*) FROM users'), users0, `${what}: an account was made`);
			assert.equal(auditMark(), mark, `${what}: an audit record was written`);
		}
		return formErrors(res.body).fields;
	}

	test('a login that is taken: 422 with a message on login (not 500)', T, async () => {
		for (const taken of [DEMO.staff.login, DEMO.secretariat.login])
			assert.deepEqual(await refused({ ...base(), login: taken }, `login ${taken}`), { login: L['users.err_login_taken'] });
	});

	test('a member admin without a technopark: 422 on technopark', T, async () => {
		assert.deepEqual(await refused({ ...base(), role: 'member_admin', technopark: '' }, 'member_admin without technopark'),
		    { technopark: L['users.err_tp_required'] });
	});

	test('the schema itself refuses a member admin without a technopark (sql/009), whatever writes the row', T, async (t) => {
		if (!needSql(t))
			return;
		const login = `acc-notp-${tag()}`;
		assert.throws(() => sql(`INSERT INTO users (login, display_name, role, technopark_id, password_hash) ` +
		    `VALUES (${lit(login)}, 'x', 'member_admin', NULL, 'x')`), /chk_users_member_admin_tp/);
		const tp = sqlNumber("SELECT id FROM technoparks WHERE slug = 'busan'");
		sql(`INSERT INTO users (login, display_name, role, technopark_id, password_hash, active) VALUES (${lit(login)}, 'x', 'member_admin', ${tp}, 'x', 0)`);
		try {
			assert.throws(() => sql(`UPDATE users SET technopark_id = NULL WHERE login = ${lit(login)}`), /chk_users_member_admin_tp/);
		} finally {
			sql(`DELETE FROM users WHERE login = ${lit(login)}`);
		}
	});

	test('another role with a technopark, or an unknown technopark: 422 on technopark', T, async () => {
		for (const role of ['staff', 'secretariat'])
			assert.deepEqual(await refused({ ...base(), role, technopark: 'busan' }, `${role} with a technopark`),
			    { technopark: L['users.err_tp_not_allowed'] });
		assert.deepEqual(await refused({ ...base(), role: 'member_admin', technopark: 'atlantis' }, 'unknown technopark'),
		    { technopark: L['form.err_choice'] });
	});

	test('empty form, bad login characters, a short password, an unknown role: one message per field', T, async () => {
		assert.deepEqual(await refused({ login: '', display_name: '', role: '', technopark: '', password: '' }, 'empty form'),
		    { login: L['form.err_required'], display_name: L['form.err_required'], role: L['form.err_required'], password: L['form.err_required'] });
		assert.deepEqual(await refused({ ...base(), login: 'Bad Login' }, 'bad login'), { login: L['users.err_login_chars'] });
		assert.deepEqual(await refused({ ...base(), password: 'short' }, 'short password'), { password: L['form.err_short'] });
		assert.deepEqual(await refused({ ...base(), role: 'root' }, 'unknown role'), { role: L['form.err_choice'] });
	});
});

describe('an account\'s life', () => {
	test('made: 303 to its page, it signs in, and its audit has no password or hash', T, async (t) => {
		const u = fresh();
		const mark = HAVE_SQL ? auditMark() : 0;
		const id = await createUser(sec, { ...u, display_name: '새 관리자', role: 'member_admin', technopark: 'busan' });
		const form = await accountForm(id);
		assert.deepEqual(['display_name', 'role', 'technopark', 'active'].map((k) => fieldValue(form, k)), ['새 관리자', 'member_admin', 'busan', '1']);
		/* the page the create lands on confirms it (issue 12, item 5); the plain page does not */
		assert.ok(mainText((await sec.get(`/admin/users/${id}?done=created`)).body).includes(L['users_admin.done.created']), 'no confirmation');
		assert.ok(!mainText((await sec.get(`/admin/users/${id}`)).body).includes(L['users_admin.done.created']));
		assert.equal((await postLogin(u.login, u.password)).status, 303, 'the new account does not sign in');
		if (needSql(t)) {
			const a = auditSince(mark).filter((c) => c.entity === 'user' && Number(c.entity_id) === id);
			assert.equal(a.length, 1);
			assert.deepEqual([a[0].login, a[0].action], [DEMO.secretariat.login, 'create']);
			assert.deepEqual(a[0].fields.login, { old: null, new: u.login });
			assert.deepEqual(a[0].fields.role, { old: null, new: 'member_admin' });
			assert.deepEqual(a[0].fields.technopark, { old: null, new: 'busan' });
			for (const [f, v] of Object.entries(a[0].fields))
				for (const x of [v.old, v.new])
					assert.ok(x === null || (!x.includes(u.password) && !/\$argon2/.test(x)), `audit field ${f} holds the password or its hash: ${x}`);
			const row = sqlRow(`SELECT role, technopark_id, active, password_hash FROM users WHERE id = ${id}`);
			assert.match(row.password_hash, /^\$argon2id\$/, 'the password is not stored as an Argon2id hash');
		}
	});

	test('deactivated: the account\'s open session stops working at once, and it cannot sign in', T, async (t) => {
		const u = fresh();
		const id = await createUser(sec, { ...u, role: 'staff' });
		const s = await Session.signIn(u.login, u.password);
		const res = await sec.post(`/admin/users/${id}`, withChanges(await accountForm(id), { active: null }));
		assert.equal(res.status, 303);
		assert.equal(location(res), '/admin/users');
		const after = await s.get('/account/password');
		assert.equal(after.status, 303, 'the deactivated account\'s session still works');
		assert.equal(location(after), '/login?next=/account/password');
		const again = await postLogin(u.login, u.password);
		assert.equal(again.status, 422, 'a deactivated account signs in');
		assert.ok(mainText(again.body).includes(L['login.failed']), 'the refusal differs from a wrong password (it tells the account exists)');
		if (needSql(t)) {
			assert.equal(sqlNumber(`SELECT COUNT(*) FROM sessions WHERE user_id = ${id}`), 0, 'the sessions were not ended');
			assert.equal(sqlNumber(`SELECT active FROM users WHERE id = ${id}`), 0);
		}
	});

	test('another role, or a new password set by the secretariat: the account\'s sessions end', T, async () => {
		const u = fresh();
		const id = await createUser(sec, { ...u, role: 'member_admin', technopark: 'busan' });
		const s1 = await Session.signIn(u.login, u.password);
		assert.equal((await s1.get('/admin')).status, 200);
		assert.equal((await sec.post(`/admin/users/${id}`, withChanges(await accountForm(id), { role: 'staff', technopark: '' }))).status, 303);
		assert.equal((await s1.get('/account/password')).status, 303, 'a session kept the rights of the old role');
		const s2 = await Session.signIn(u.login, u.password);
		assert.equal((await s2.get('/admin')).status, 403, 'staff reaches /admin');
		const pw = `pw-${tag(12)}-new`;
		assert.equal((await sec.post(`/admin/users/${id}`, withChanges(await accountForm(id), { password: pw }))).status, 303);
		assert.equal((await s2.get('/account/password')).status, 303, 'a session lived on after a password reset');
		assert.equal((await postLogin(u.login, u.password)).status, 422, 'the old password still works');
		assert.equal((await postLogin(u.login, pw)).status, 303, 'the new password does not work');
	});

	test('a name change keeps the account\'s sessions', T, async () => {
		const u = fresh();
		const id = await createUser(sec, { ...u, role: 'staff' });
		const s = await Session.signIn(u.login, u.password);
		assert.equal((await sec.post(`/admin/users/${id}`, withChanges(await accountForm(id), { display_name: '새 이름' }))).status, 303);
		assert.equal((await s.get('/account/password')).status, 200);
	});

	test('a stale version: the same field is a conflict with both values; the conflict page saved with my choice', T, async () => {
		const u = fresh();
		const id = await createUser(sec, { ...u, display_name: '처음 이름', role: 'staff' });
		const stale = await accountForm(id);
		assert.equal((await sec.post(`/admin/users/${id}`, withChanges(stale, { display_name: '다른 사람이 바꿈' }))).status, 303);
		const res = await sec.post(`/admin/users/${id}`, withChanges(stale, { display_name: '내가 바꿈' }));
		assert.equal(res.status, 409);
		assert.deepEqual(conflictFields(res.body), [{ field: 'display_name', label: L['field.display_name'], stored: '다른 사람이 바꿈', yours: '내가 바꿈' }]);
		assert.equal(fieldValue(await accountForm(id), 'display_name'), '다른 사람이 바꿈', 'the stale save was applied');
		const form = formOf(res.body, `/admin/users/${id}`).fields;
		assert.equal((await sec.post(`/admin/users/${id}`, withChanges(form, { 'pick.display_name': 'yours' }))).status, 303);
		assert.equal(fieldValue(await accountForm(id), 'display_name'), '내가 바꿈');
		// another field of a stale form is merged: the role only I changed, the name only they changed
		const stale2 = await accountForm(id);
		assert.equal((await sec.post(`/admin/users/${id}`, withChanges(await accountForm(id), { display_name: '또 바꿈' }))).status, 303);
		assert.equal((await sec.post(`/admin/users/${id}`, withChanges(stale2, { role: 'secretariat' }))).status, 303);
		const now = await accountForm(id);
		assert.deepEqual([fieldValue(now, 'display_name'), fieldValue(now, 'role')], ['또 바꿈', 'secretariat']);
	});

	test('the secretariat cannot demote or deactivate its own account', T, async (t) => {
		const me = Number(/href="\/admin\/users\/(\d+)">secretariat</.exec((await sec.get('/admin/users')).body)?.[1]);
		assert.ok(me > 0);
		const form = await accountForm(me);
		try {
			const demote = await sec.post(`/admin/users/${me}`, withChanges(form, { role: 'staff' }));
			assert.equal(demote.status, 422);
			assert.deepEqual(formErrors(demote.body).fields, { role: L['users.err_self_demote'] });
			const off = await sec.post(`/admin/users/${me}`, withChanges(form, { active: null }));
			assert.equal(off.status, 422);
			assert.deepEqual(formErrors(off.body).fields, { active: L['users.err_self_deactivate'] });
			assert.equal((await sec.get('/admin/users')).status, 200, 'the secretariat lost its rights');
		} finally {
			// Should either have gone through, the demo account is put back for the other tests.
			if (HAVE_SQL)
				sql(`UPDATE users SET role = 'secretariat', technopark_id = NULL, active = 1 WHERE id = ${me}`);
		}
		needSql(t);
	});
});

describe('one\'s own password (/account/password)', () => {
	test('wrong current password, a confirmation that differs, too short, the same again: 422 on that field', T, async () => {
		const u = fresh();
		await createUser(sec, { ...u, role: 'staff' });
		const s = await Session.signIn(u.login, u.password);
		const cases = [
			[{ current: 'not-my-password', new: 'a-new-password-1', confirm: 'a-new-password-1' }, { current: L['password.err_current'] }],
			[{ current: u.password, new: 'a-new-password-1', confirm: 'a-new-password-2' }, { confirm: L['password.err_confirm'] }],
			[{ current: u.password, new: 'short', confirm: 'short' }, { new: L['form.err_short'] }],
			[{ current: u.password, new: u.password, confirm: u.password }, { new: L['password.err_same'] }],
			[{ current: '', new: '', confirm: '' }, { current: L['form.err_required'], new: L['form.err_required'], confirm: L['form.err_required'] }],
		];
		for (const [fields, want] of cases) {
			const res = await s.post('/account/password', fields);
			assert.equal(res.status, 422, JSON.stringify(fields));
			assert.deepEqual(formErrors(res.body).fields, want, JSON.stringify(fields));
			for (const v of Object.values(fields).filter((x) => x.length >= 5))
				assert.ok(!res.body.includes(v), `a password typed is in the page: ${v}`);
		}
		assert.equal((await postLogin(u.login, u.password)).status, 303, 'the password changed after refusals');
	});

	test('changed: this session stays, the others end, the new password signs in; audited without the password', T, async (t) => {
		const u = fresh();
		const id = await createUser(sec, { ...u, role: 'staff' });
		const s = await Session.signIn(u.login, u.password);
		const other = await Session.signIn(u.login, u.password);
		const mark = HAVE_SQL ? auditMark() : 0;
		const pw = `pw-${tag(12)}-mine`;
		const res = await s.post('/account/password', { current: u.password, new: pw, confirm: pw });
		assert.equal(res.status, 200);
		assert.ok(mainText(res.body).includes(L['password.done']));
		assert.ok(!res.body.includes(pw), 'the new password is in the page');
		assert.equal((await s.get('/account/password')).status, 200, 'the session that changed the password ended');
		assert.equal((await other.get('/account/password')).status, 303, 'another session lived on');
		assert.equal((await postLogin(u.login, u.password)).status, 422);
		assert.equal((await postLogin(u.login, pw)).status, 303);
		if (needSql(t)) {
			const a = auditSince(mark).filter((c) => c.entity === 'user' && Number(c.entity_id) === id);
			assert.deepEqual(a.map((c) => [c.login, c.action]), [[u.login, 'password']]);
			assert.deepEqual(a[0].fields, {}, 'the password change logged field values');
		}
	});
});

test('anonymous: /account/password sends to sign in', T, async () => {
	const res = await getWith('/account/password');
	assert.equal(res.status, 303);
	assert.equal(location(res), '/login?next=/account/password');
});
