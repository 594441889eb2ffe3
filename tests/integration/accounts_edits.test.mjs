// accounts_edits.test.mjs - editing through the admin forms, end to end against the public pages and
// the database: validation round trips (422, one message per field, every typed value kept, nothing
// written), stale versions (409 with the stored and the typed values, nothing overwritten, then saved
// on purpose), the review of a member admin's profile change (approve, reject, approve after the
// record changed -> 409), the audit log in SQL and on /admin/history, and a member admin's people
// (add, edit, hide, delete; live at once while people_review is off).
//
// The tests run in order and put chungnam's profile back as they found it; the people they make are
// fresh and deleted again.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
	L, DEMO, text, tag, needSql, HAVE_SQL, sql, sqlRow, sqlNumber, lit, auditMark, auditSince, exclusive,
	Session, getWith, formOf, withChanges, fieldValue, formErrors, mainText, fact, peopleTable,
	conflictBox, conflictRows, conflictFields, location, profileForm, decide, personIds, submittedRequestId,
} from './lib_accounts.mjs';
import { ROOT } from './lib.mjs';

const T = { timeout: 120_000 };
const TP = 'chungnam';
const PROFILE = `/admin/members/${TP}`;
const PROFILE_COLUMNS = ['summary', 'director', 'address', 'phone', 'email', 'website'];

/** VARCHAR sizes of a table in sql/001_schema.sql: { column: n }. */
function varcharSizes(table) {
	const schema = readFileSync(`${ROOT}/sql/001_schema.sql`, 'utf8');
	const body = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\)`).exec(schema);
	assert.ok(body, `sql/001_schema.sql: no table ${table}`);
	return Object.fromEntries([...body[1].matchAll(/^\s*(\w+)\s+VARCHAR\((\d+)\)/gm)].map((m) => [m[1], Number(m[2])]));
}
const TP_SIZE = varcharSizes('technoparks');
const PERSON_SIZE = varcharSizes('people');

let release;
const ctx = {};

/** A phone number of valid characters (15 digits) that is longer than n characters. */
const longPhone = (n) => `0101234 5678 ${'-'.repeat(n)} 12`;
/** A fresh phone number that passes the form's check. */
const newPhone = () => `041-${String(Math.floor(Math.random() * 900) + 100)}-${String(Math.floor(Math.random() * 9000) + 1000)}`;

/** chungnam's editable columns and version, from the database (null without SQL). */
function profileRow() {
	if (!HAVE_SQL)
		return null;
	return sqlRow(`SELECT version, ${PROFILE_COLUMNS.join(', ')}, ` +
	    '(SELECT GROUP_CONCAT(i.slug ORDER BY i.slug) FROM technopark_industries ti JOIN industries i ON i.id = ti.industry_id ' +
	    `WHERE ti.technopark_id = t.id) AS industries FROM technoparks t WHERE slug = ${lit(TP)}`);
}

/** The phone on the public profile, as the page says it. */
async function publicPhone() {
	const res = await getWith(`/members/${TP}`);
	assert.equal(res.status, 200);
	return fact(res.body, L['member.phone']);
}
const shown = (v) => (v === null || v === undefined || v === '' ? L.unknown : v);

/** Put the profile back to the form fields saved at the start (as the secretariat, live). */
async function restoreProfile() {
	const cur = await profileForm(ctx.sec, TP);
	// the current form's version and digests: the original values typed over what is stored now
	const want = withChanges(ctx.original, { version: fieldValue(cur, 'version'), digests: fieldValue(cur, 'digests') });
	const res = await ctx.sec.post(PROFILE, want);
	assert.ok([200, 303].includes(res.status), `restoring ${TP}'s profile: ${res.status}`);
	if (HAVE_SQL)
		assert.deepEqual({ ...profileRow(), version: null }, { ...ctx.originalRow, version: null }, `${TP}'s profile was not restored`);
}

before(async () => {
	release = await exclusive();
	ctx.sec = await Session.signIn(DEMO.secretariat.login);
	ctx.sec2 = await Session.signIn(DEMO.secretariat.login);
	ctx.cn = await Session.signIn(DEMO.chungnam.login);
	ctx.bs = await Session.signIn(DEMO.busan.login);
	const page = await ctx.sec.get(PROFILE);
	assert.equal(page.status, 200);
	ctx.secName = text(/<span class="who">([\s\S]*?)<\/span>/.exec(page.body)?.[1] ?? '');
	assert.ok(ctx.secName, 'the header does not name the signed-in user');
	ctx.original = formOf(page.body, PROFILE).fields;
	ctx.originalRow = profileRow();
	ctx.tpId = Number(/\/admin\/history\?entity=technopark&amp;id=(\d+)/.exec(page.body)?.[1]);
	assert.ok(ctx.tpId > 0, 'no history link with the technopark id on the profile form');
	ctx.industries = [...page.body.matchAll(/name="industry" id="f-industry-([a-z0-9-]+)"/g)].map((m) => m[1]);
	assert.ok(ctx.industries.length > 1, 'the profile form offers no industries');
});

after(async () => {
	try {
		if (ctx.sec && ctx.original)
			await restoreProfile();
	} finally {
		release?.();
	}
});

describe('the profile form: validation round trip', () => {
	test('invalid phone, email, website and too-long fields: 422, one message each, every value kept, nothing written', T, async (t) => {
		const row0 = profileRow();
		const mark = HAVE_SQL ? auditMark() : 0;
		const requests0 = HAVE_SQL ? sqlNumber('SELECT COUNT(*) FROM change_requests') : 0;
		const checked0 = ctx.original.filter(([k, v]) => k === 'industry' && v !== '').map(([, v]) => v);
		const checked = [...new Set([...checked0, ...ctx.industries.filter((i) => !checked0.includes(i)).slice(0, 1)])].sort();
		const typed = {
			director: '가'.repeat(TP_SIZE.director + 1),
			address: '나'.repeat(TP_SIZE.address + 1),
			phone: '02-12ab-5678',
			email: 'not-an-email',
			website: 'ftp://files.example.org/',
			industry: ['', ...checked],
		};
		const want = {
			director: L['form.err_long'], address: L['form.err_long'], phone: L['form.err_phone'],
			email: L['form.err_email'], website: L['form.err_url'],
		};
		for (const s of [ctx.cn, ctx.sec]) {
			const res = await s.post(PROFILE, withChanges(ctx.original, typed));
			assert.equal(res.status, 422, `${s.login}: status`);
			const e = formErrors(res.body);
			assert.deepEqual(e.fields, want, `${s.login}: the messages per field`);
			assert.equal(Object.keys(e.fields).length, 5);
			assert.deepEqual(e.summary, ['director', 'address', 'phone', 'email', 'website'], `${s.login}: the error summary`);
			const again = formOf(res.body, PROFILE).fields;
			for (const [k, v] of Object.entries(typed))
				if (k !== 'industry')
					assert.equal(fieldValue(again, k), v, `${s.login}: the typed ${k} is not kept`);
			assert.deepEqual(again.filter(([k, v]) => k === 'industry' && v !== '').map(([, v]) => v).sort(), checked,
			    `${s.login}: the checked industries are not kept`);
			assert.equal(fieldValue(again, 'version'), fieldValue(ctx.original, 'version'), `${s.login}: the version changed`);
		}
		if (needSql(t)) {
			assert.deepEqual(profileRow(), row0, 'the row changed');
			assert.equal(auditMark(), mark, 'a failed save wrote an audit record');
			assert.equal(sqlNumber('SELECT COUNT(*) FROM change_requests'), requests0, 'a failed save made a change request');
		}
	});

	test('a website typed as www.ctp.or.kr comes back as https://www.ctp.or.kr to confirm, not refused (issue 12, item 5)', T, async (t) => {
		const row0 = profileRow();
		for (const s of [ctx.cn, ctx.sec]) {
			const res = await s.post(PROFILE, withChanges(ctx.original, { website: 'www.ctp.or.kr' }));
			assert.equal(res.status, 422, `${s.login}: status`);
			assert.deepEqual(formErrors(res.body).fields, { website: L['form.url_fixed'] }, `${s.login}: the message`);
			assert.equal(fieldValue(formOf(res.body, PROFILE).fields, 'website'), 'https://www.ctp.or.kr', `${s.login}: the address shown back`);
		}
		if (needSql(t))
			assert.deepEqual(profileRow(), row0, 'stored before the user saw it');
	});

	test(`a phone of valid characters but longer than the column (${TP_SIZE.phone}): 422 on phone, not a database error`, T, async (t) => {
		const row0 = profileRow();
		const phone = longPhone(TP_SIZE.phone);
		assert.ok(phone.length > TP_SIZE.phone);
		const res = await ctx.sec.post(PROFILE, withChanges(ctx.original, { phone }));
		assert.equal(res.status, 422, `POST ${PROFILE} phone=${JSON.stringify(phone)} as the secretariat`);
		assert.deepEqual(formErrors(res.body).fields, { phone: L['form.err_long'] });
		if (needSql(t))
			assert.deepEqual(profileRow(), row0, 'the row changed');
	});

	test(`a member admin's phone longer than the column: 422 on phone, not a change request that cannot be approved`, T, async (t) => {
		const requests0 = HAVE_SQL ? sqlNumber('SELECT COUNT(*) FROM change_requests') : 0;
		const res = await ctx.cn.post(PROFILE, withChanges(ctx.original, { phone: longPhone(TP_SIZE.phone) }));
		if (res.status === 303 && submittedRequestId(res) !== null) {
			const id = submittedRequestId(res);
			const approve = await decide(ctx.sec, id, 'approve');
			await decide(ctx.sec, id, 'reject', '시험 정리').catch(() => {});
			assert.fail(`POST ${PROFILE} as ${DEMO.chungnam.login}: 303 to change request ${id}, whose approval then answers ${approve.status}`);
		}
		assert.equal(res.status, 422);
		assert.deepEqual(formErrors(res.body).fields, { phone: L['form.err_long'] });
		if (needSql(t))
			assert.equal(sqlNumber('SELECT COUNT(*) FROM change_requests'), requests0, 'a change request was made');
	});

	test('an unknown industry: 422 on the industry field', T, async () => {
		const res = await ctx.cn.post(PROFILE, withChanges(ctx.original, { industry: ['', 'no-such-industry'] }));
		assert.equal(res.status, 422);
		assert.deepEqual(Object.keys(formErrors(res.body).fields), ['industry']);
	});
});

describe('the profile form: a stale version', () => {
	test('a field only the colleague changed and one only I changed: both kept, no conflict page', T, async (t) => {
		t.after(restoreProfile);
		const stale = await profileForm(ctx.sec, TP);
		// Someone else saves the director meanwhile.
		const director = `다른 사람 ${tag(4)}`;
		assert.equal((await ctx.sec2.submit(PROFILE, PROFILE, { director })).status, 303);
		// The first editor saves the form opened before, with another field changed.
		const phone = newPhone();
		const res = await ctx.sec.post(PROFILE, withChanges(stale, { phone }));
		assert.equal(res.status, 303, `the stale form of another field: ${res.status}`);
		assert.equal(await publicPhone(), phone);
		assert.equal(fieldValue(await profileForm(ctx.sec, TP), 'director'), director, 'the colleague\'s director was erased');
	});

	test('both change a field: 409 with that field alone, nothing overwritten; the conflict page saved as it is keeps the colleague\'s value', T, async (t) => {
		t.after(restoreProfile);
		const stale = await profileForm(ctx.sec, TP);
		const v0 = Number(fieldValue(stale, 'version'));
		const director = `다른 사람 ${tag(4)}`;
		assert.equal((await ctx.sec2.submit(PROFILE, PROFILE, { director })).status, 303);
		const mark = HAVE_SQL ? auditMark() : 0;
		const row1 = profileRow();
		const mine = `내 입력 ${tag(4)}`;
		const phone = newPhone();
		const res = await ctx.sec.post(PROFILE, withChanges(stale, { director: mine, phone }));
		assert.equal(res.status, 409);
		const box = conflictBox(res.body);
		assert.ok(box && box.includes(L['form.conflict_title']), 'no conflict box');
		assert.deepEqual(conflictFields(res.body), [{ field: 'director', label: L['field.director'], stored: director, yours: mine }],
		    'only the field both changed is listed, with its label and both values');
		const form = formOf(res.body, PROFILE).fields;
		assert.equal(fieldValue(form, 'phone'), phone, 'my change of another field is kept on the page');
		assert.equal(Number(fieldValue(form, 'version')), v0 + 1, 'the form does not carry the stored version');
		if (needSql(t)) {
			assert.deepEqual(profileRow(), row1, 'the stale save changed the row');
			assert.equal(auditMark(), mark, 'the refused save wrote an audit record');
		}
		// Saved again as it is: the colleague's director stays, my phone (which I see on the page) is saved.
		const again = await ctx.sec.post(PROFILE, form);
		assert.equal(again.status, 303, 'saving from the conflict page');
		assert.equal(location(again), `${PROFILE}?done=saved`);
		const now = await profileForm(ctx.sec, TP);
		assert.equal(fieldValue(now, 'director'), director, 'an unseen overwrite of the colleague\'s value');
		assert.equal(await publicPhone(), phone);
	});
});

describe('review of a member admin\'s change', () => {
	test('submit -> pending (public page unchanged) -> visible to the secretariat only -> approved -> public', T, async (t) => {
		t.after(restoreProfile);
		const p0 = fieldValue(await profileForm(ctx.sec, TP), 'phone');
		const phone = newPhone();
		const mark = HAVE_SQL ? auditMark() : 0;
		const res = await ctx.cn.submit(PROFILE, PROFILE, { phone });
		assert.equal(res.status, 303);
		const id = submittedRequestId(res);
		assert.ok(id !== null, `303 to ${location(res)}, expected /admin/requests/{id}?done=submitted`);
		assert.equal(await publicPhone(), shown(p0), 'the change went live before review');

		// Where the redirect leads: the request's page with the confirmation.
		const landed = await ctx.cn.get(location(res));
		assert.equal(landed.status, 200, `GET ${location(res)}`);
		assert.ok(mainText(landed.body).includes(text(L['admin.submitted'])), `GET ${location(res)}: no confirmation "${L['admin.submitted']}"`);

		const page = await ctx.cn.get(`/admin/requests/${id}`);
		assert.equal(page.status, 200);
		assert.ok(!mainText(page.body).includes(text(L['admin.submitted'])), `GET /admin/requests/${id}: the confirmation shows without ?done=submitted`);
		const old = /<td class="old"[^>]*>([\s\S]*?)<\/td>/.exec(page.body);
		const neu = /<td class="new"[^>]*>([\s\S]*?)<\/td>/.exec(page.body);
		assert.ok(old && neu, 'no old/new cells');
		assert.equal(text(old[1]), p0 || L.none, 'old value');
		assert.equal(text(neu[1]), phone, 'new value');
		assert.ok(mainText(page.body).includes(L['request.state_pending']));

		const busan = await ctx.bs.get(`/admin/requests/${id}`);
		assert.ok([403, 404].includes(busan.status), `busan-admin sees chungnam's request: ${busan.status}`);
		assert.ok(!busan.body.includes(phone), 'the refusal shows the proposed phone');

		const queue = await ctx.sec.get('/admin/requests?state=pending');
		assert.equal(queue.status, 200);
		assert.ok(queue.body.includes(`href="/admin/requests/${id}"`), 'not in the secretariat\'s pending queue');

		if (needSql(t)) {
			const a = auditSince(mark);
			assert.equal(a.length, 1, `audit after the submit: ${JSON.stringify(a)}`);
			assert.deepEqual([a[0].login, a[0].action, a[0].entity, Number(a[0].entity_id), Number(a[0].technopark_id), a[0].note],
			    [DEMO.chungnam.login, 'submit', 'change_request', id, ctx.tpId, 'update']);
			assert.deepEqual(sql(`SELECT field, old_value, new_value FROM change_request_fields WHERE request_id = ${id}`),
			    [{ field: 'phone', old_value: p0 || null, new_value: phone }]);
		}

		const mark2 = HAVE_SQL ? auditMark() : 0;
		const decided = await decide(ctx.sec, id, 'approve', '좋습니다');
		assert.equal(decided.status, 303);
		assert.equal(location(decided), `/admin/requests/${id}`);
		assert.equal(await publicPhone(), phone, 'the approved phone is not on the public page');
		const after = await ctx.cn.get(`/admin/requests/${id}`);
		assert.ok(mainText(after.body).includes(L['request.state_approved']));
		if (needSql(t)) {
			const r = sqlRow(`SELECT r.state, u.login FROM change_requests r JOIN users u ON u.id = r.reviewed_by WHERE r.id = ${id}`);
			assert.deepEqual(r, { state: 'approved', login: DEMO.secretariat.login });
			const a = auditSince(mark2);
			assert.deepEqual(a.map((c) => [c.login, c.action, c.entity, Number(c.entity_id)]),
			    [[DEMO.secretariat.login, 'approve', 'technopark', ctx.tpId], [DEMO.secretariat.login, 'approve', 'change_request', id]]);
			assert.deepEqual(a[0].fields, { phone: { old: p0 || null, new: phone } });
		}
		// The history page of the record shows the change, newest first.
		for (const s of [ctx.sec, ctx.cn]) {
			const h = await s.get(`/admin/history?entity=technopark&id=${ctx.tpId}`);
			assert.equal(h.status, 200, `${s.login}: /admin/history`);
			const first = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(h.body);
			assert.ok(first, `${s.login}: no history rows`);
			const cells = text(first[1]);
			assert.ok(cells.includes(L['history.action.approve']), `${s.login}: newest history row is not the approval: ${cells}`);
			assert.ok(/<ins>[\s\S]*?<\/ins>/.test(first[1]) && first[1].includes(phone), `${s.login}: the new phone is not in the history row`);
			assert.ok(cells.includes(L['field.phone']), `${s.login}: the field is not named`);
			assert.ok(cells.includes(p0 || L.none), `${s.login}: the old value is not in the history row`);
			assert.ok(cells.includes(ctx.secName), `${s.login}: the history row does not name who approved (${ctx.secName}): ${cells}`);
		}
		const hb = await ctx.bs.get(`/admin/history?entity=technopark&id=${ctx.tpId}`);
		assert.equal(hb.status, 200);
		assert.ok(!hb.body.includes(phone), 'busan-admin sees chungnam\'s history');
	});

	test('a rejected request changes nothing and shows the comment', T, async (t) => {
		const p0 = fieldValue(await profileForm(ctx.sec, TP), 'phone');
		const row0 = profileRow();
		const res = await ctx.cn.submit(PROFILE, PROFILE, { phone: newPhone() });
		assert.equal(res.status, 303);
		const id = submittedRequestId(res);
		assert.ok(id !== null, `303 to ${location(res)}, expected /admin/requests/{id}?done=submitted`);
		const comment = `번호가 맞지 않습니다 ${tag(4)}`;
		const mark = HAVE_SQL ? auditMark() : 0;
		const r = await decide(ctx.sec, id, 'reject', comment);
		assert.equal(r.status, 303);
		const page = await ctx.cn.get(`/admin/requests/${id}`);
		assert.ok(mainText(page.body).includes(comment), 'the comment is not shown');
		assert.ok(mainText(page.body).includes(L['request.state_rejected']));
		assert.ok(!/name="decision"/.test((await ctx.sec.get(`/admin/requests/${id}`)).body), 'a decided request can be decided again');
		assert.equal(await publicPhone(), shown(p0));
		if (needSql(t)) {
			assert.deepEqual(profileRow(), row0, 'the rejected request changed the row');
			const a = auditSince(mark);
			assert.deepEqual(a.map((c) => [c.login, c.action, c.entity, Number(c.entity_id), c.note]),
			    [[DEMO.secretariat.login, 'reject', 'change_request', id, comment]]);
			assert.equal(sqlRow(`SELECT review_comment FROM change_requests WHERE id = ${id}`).review_comment, comment);
		}
		// Deciding it again: 409, nothing changes.
		const again = await ctx.sec.post(`/admin/requests/${id}`, { decision: 'approve', version: '1' });
		assert.equal(again.status, 409);
		assert.equal(await publicPhone(), shown(p0));
	});

	test('a request merged three ways when decided: a field changed since is a choice (the stored value unless picked), the others applied', T, async (t) => {
		t.after(restoreProfile);
		const asked = newPhone();
		const address = `요청 주소 ${tag(4)}`;
		const res = await ctx.cn.submit(PROFILE, PROFILE, { phone: asked, address });
		assert.equal(res.status, 303);
		const id = submittedRequestId(res);
		assert.ok(id !== null, `303 to ${location(res)}, expected /admin/requests/{id}?done=submitted`);
		// The secretariat edits the same field directly meanwhile.
		const direct = newPhone();
		assert.equal((await ctx.sec.submit(PROFILE, PROFILE, { phone: direct })).status, 303);
		const row1 = profileRow();
		const mark = HAVE_SQL ? auditMark() : 0;
		const page = await ctx.sec.get(`/admin/requests/${id}`);
		assert.ok(mainText(page.body).includes(L['save.request_conflict']), 'the request page does not warn of the conflict');
		assert.deepEqual(conflictFields(page.body), [{ field: 'phone', label: L['field.phone'], stored: direct, yours: asked }]);
		// An approval without a choice for the conflicting field (a forged form): 409, nothing applied.
		const form = formOf(page.body, `/admin/requests/${id}`).fields;
		const bare = await ctx.sec.post(`/admin/requests/${id}`, withChanges(form, { 'pick.phone': null, decision: 'approve', comment: '' }));
		assert.equal(bare.status, 409);
		assert.ok(mainText(bare.body).includes(L['save.request_conflict']), 'the 409 page does not say why');
		if (needSql(t)) {
			assert.deepEqual(profileRow(), row1, 'the row changed');
			assert.equal(auditMark(), mark, 'the refused approval wrote an audit record');
			assert.equal(sqlRow(`SELECT state FROM change_requests WHERE id = ${id}`).state, 'pending');
		}
		// Approved as the page offers it: the newer phone stays, the address is applied.
		const r = await decide(ctx.sec, id, 'approve');
		assert.equal(r.status, 303, `approving: ${r.status}`);
		assert.equal(await publicPhone(), direct, 'the colleague\'s newer phone was undone');
		assert.equal(fieldValue(await profileForm(ctx.sec, TP), 'address'), address, 'the rest of the request was not applied');
	});

	test('deciding a conflict for the request\'s value applies it', T, async (t) => {
		t.after(restoreProfile);
		const asked = newPhone();
		const id = submittedRequestId(await ctx.cn.submit(PROFILE, PROFILE, { phone: asked }));
		assert.ok(id !== null);
		assert.equal((await ctx.sec.submit(PROFILE, PROFILE, { phone: newPhone() })).status, 303);
		const page = await ctx.sec.get(`/admin/requests/${id}`);
		const form = formOf(page.body, `/admin/requests/${id}`).fields;
		const r = await ctx.sec.post(`/admin/requests/${id}`, withChanges(form, { 'pick.phone': 'yours', decision: 'approve', comment: '' }));
		assert.equal(r.status, 303);
		assert.equal(await publicPhone(), asked);
	});
});

describe('audit of a direct save', () => {
	test('the secretariat\'s save writes one change with each field\'s old and new value', T, async (t) => {
		if (!needSql(t))
			return;
		t.after(restoreProfile);
		const before = profileRow();
		const mark = auditMark();
		const phone = newPhone();
		const email = `office-${tag(4)}@example.org`;
		assert.equal((await ctx.sec.submit(PROFILE, PROFILE, { phone, email })).status, 303);
		const a = auditSince(mark);
		assert.equal(a.length, 1, JSON.stringify(a));
		assert.deepEqual([a[0].login, a[0].action, a[0].entity, Number(a[0].entity_id), Number(a[0].technopark_id)],
		    [DEMO.secretariat.login, 'update', 'technopark', ctx.tpId, ctx.tpId]);
		assert.deepEqual(a[0].fields, { email: { old: before.email, new: email }, phone: { old: before.phone, new: phone } });
		assert.equal(Number(profileRow().version), Number(before.version) + 1);
	});
});

describe('a member admin\'s people (people_review off: live at once)', () => {
	test('add, edit, hide and delete through the forms; the public profile follows each step', T, async (t) => {
		const name = `시험 사람 ${tag(4)}`;
		const requests0 = HAVE_SQL ? sqlNumber('SELECT COUNT(*) FROM change_requests') : 0;
		const mark = HAVE_SQL ? auditMark() : 0;
		/* chungnam-admin is a demo account, so the person it adds is demo: its name cell carries the 데모 badge */
		const publicRow = async () => peopleTable((await getWith(`/members/${TP}`)).body).find((r) => r[0] === `${name} ${L.demo}`) ?? null;

		const form = await ctx.cn.get(`/admin/members/${TP}/people/new`);
		assert.equal(form.status, 200);
		const fields = withChanges(formOf(form.body, `/admin/members/${TP}/people`).fields,
		    { name, title: '선임연구원', department: '시험부', phone: '041-589-0000', email: 'tester@example.org', sort: '900', visible: '1' });
		const made = await ctx.cn.post(`/admin/members/${TP}/people`, fields);
		assert.equal(made.status, 303, text(made.body).slice(0, 300));
		assert.equal(location(made), `/admin/members/${TP}/people?done=created`);
		/* the list it lands on confirms the create (issue 12, item 5) */
		assert.ok(text((await ctx.cn.get(location(made))).body).includes(L['people_admin.done.created']), 'no confirmation');
		const ids = (await personIds(ctx.cn, TP));
		const list = await ctx.cn.get(`/admin/members/${TP}/people`);
		const id = Number(new RegExp(`href="/admin/people/(\\d+)">${name}<`).exec(list.body)?.[1]);
		assert.ok(ids.includes(id), 'the new person is not in the admin list');
		assert.deepEqual((await publicRow())?.slice(0, 3), [`${name} ${L.demo}`, '선임연구원', '시험부'], 'not on the public profile');
		const search = await getWith(`/people?q=${encodeURIComponent(name)}`);
		assert.ok(mainText(search.body).includes(name), 'not found by /people');

		// busan-admin may not touch chungnam's person, whatever it sends.
		const v1 = fieldValue(formOf((await ctx.cn.get(`/admin/people/${id}`)).body, `/admin/people/${id}`).fields, 'version');
		assert.equal((await ctx.bs.get(`/admin/people/${id}`)).status, 403);
		assert.equal((await ctx.bs.post(`/admin/people/${id}`, withChanges(fields, { version: v1, title: '탈취' }))).status, 403);
		assert.equal((await ctx.bs.post(`/admin/people/${id}/delete`, { version: v1 })).status, 403);
		assert.equal((await publicRow())?.[1], '선임연구원', 'busan-admin changed chungnam\'s person');

		const edited = await ctx.cn.submit(`/admin/people/${id}`, `/admin/people/${id}`, { title: '책임연구원' });
		assert.equal(edited.status, 303);
		assert.equal((await publicRow())?.[1], '책임연구원', 'the edit is not on the public profile');

		const hidden = await ctx.cn.submit(`/admin/people/${id}`, `/admin/people/${id}`, { visible: null });
		assert.equal(hidden.status, 303);
		assert.equal(await publicRow(), null, 'a hidden person is on the public profile');
		assert.ok(!mainText((await getWith(`/people?q=${encodeURIComponent(name)}`)).body).includes(name), 'a hidden person is found by /people');
		const adminList = await ctx.cn.get(`/admin/members/${TP}/people`);
		const adminRow = new RegExp(`${name}[\\s\\S]*?</tr>`).exec(adminList.body)?.[0] ?? '';
		assert.ok(text(adminRow).includes(L['people_admin.visible_no']), 'the admin list does not mark the person hidden');

		const page = await ctx.cn.get(`/admin/people/${id}`);
		const del = await ctx.cn.post(`/admin/people/${id}/delete`, formOf(page.body, `/admin/people/${id}/delete`).fields);
		assert.equal(del.status, 303);
		assert.equal((await ctx.cn.get(`/admin/people/${id}`)).status, 404, 'the deleted person\'s form still answers');
		assert.ok(!(await personIds(ctx.cn, TP)).includes(id));

		if (needSql(t)) {
			assert.equal(sqlNumber('SELECT COUNT(*) FROM change_requests'), requests0, 'a change request was made with people_review off');
			assert.equal(sqlNumber(`SELECT COUNT(*) FROM people WHERE id = ${id}`), 0);
			const a = auditSince(mark).filter((c) => c.entity === 'person' && Number(c.entity_id) === id);
			assert.deepEqual(a.map((c) => [c.login, c.action, Number(c.technopark_id)]), [
				[DEMO.chungnam.login, 'create', ctx.tpId], [DEMO.chungnam.login, 'update', ctx.tpId],
				[DEMO.chungnam.login, 'update', ctx.tpId], [DEMO.chungnam.login, 'delete', ctx.tpId],
			]);
			assert.deepEqual(a[0].fields.name, { old: null, new: name });
			assert.deepEqual(a[1].fields, { title: { old: '선임연구원', new: '책임연구원' } });
			assert.deepEqual(a[2].fields, { visible: { old: '1', new: '0' } });
			assert.deepEqual(a[3].fields.name, { old: name, new: null });
			assert.equal(a[3].fields.title.old, '책임연구원');
			assert.equal(auditSince(mark).length, 4, 'other audit records were written');
		}
		const h = await ctx.cn.get(`/admin/history?entity=person&id=${id}`);
		assert.equal(h.status, 200);
		assert.equal((h.body.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0].match(/<tr>/g) ?? []).length, 4, 'history of the person: 4 changes');
	});
});

describe('the person form: validation round trip and a stale version', () => {
	before(async () => {
		const name = `검증 사람 ${tag(4)}`;
		const res = await ctx.cn.post(`/admin/members/${TP}/people`, { name, title: '연구원', sort: '901' });
		assert.equal(res.status, 303);
		const list = await ctx.cn.get(`/admin/members/${TP}/people`);
		ctx.pid = Number(new RegExp(`href="/admin/people/(\\d+)">${name}<`).exec(list.body)?.[1]);
		assert.ok(ctx.pid > 0);
	});

	after(async () => {
		const page = await ctx.sec.get(`/admin/people/${ctx.pid}`);
		if (page.status === 200)
			await ctx.sec.post(`/admin/people/${ctx.pid}/delete`, formOf(page.body, `/admin/people/${ctx.pid}/delete`).fields);
	});

	const personRow = () => (HAVE_SQL ? sqlRow(`SELECT * FROM people WHERE id = ${ctx.pid}`) : null);

	test('invalid fields: 422, one message per field, every value kept, nothing written', T, async (t) => {
		const path = `/admin/people/${ctx.pid}`;
		const row0 = personRow();
		const mark = HAVE_SQL ? auditMark() : 0;
		const typed = {
			name: '이'.repeat(PERSON_SIZE.name + 1),
			title: '직'.repeat(PERSON_SIZE.title + 1),
			department: '부'.repeat(PERSON_SIZE.department + 1),
			phone: '041-abc-0000',
			email: 'someone@nowhere',
			sort: 'first',
			visible: '1',
		};
		const res = await ctx.cn.submit(path, path, typed);
		assert.equal(res.status, 422);
		const e = formErrors(res.body);
		assert.deepEqual(e.fields, {
			name: L['form.err_long'], title: L['form.err_long'], department: L['form.err_long'],
			phone: L['form.err_phone'], email: L['form.err_email'], sort: L['form.err_int'],
		});
		assert.equal(e.summary.length, 6, `summary: ${e.summary}`);
		const again = formOf(res.body, path).fields;
		for (const [k, v] of Object.entries(typed))
			assert.equal(fieldValue(again, k), v, `the typed ${k} is not kept`);
		const long = await ctx.cn.submit(path, path, { phone: longPhone(PERSON_SIZE.phone) });
		assert.equal(long.status, 422, 'a phone longer than the column');
		assert.deepEqual(formErrors(long.body).fields, { phone: L['form.err_long'] });
		const empty = await ctx.cn.submit(path, path, { name: '' });
		assert.equal(empty.status, 422);
		assert.deepEqual(formErrors(empty.body).fields, { name: L['form.err_required'] });
		if (needSql(t)) {
			assert.deepEqual(personRow(), row0, 'the row changed');
			assert.equal(auditMark(), mark, 'a failed save wrote an audit record');
		}
	});

	test('a stale form: another field merged; the same field is a conflict, resolved by a choice', T, async (t) => {
		const path = `/admin/people/${ctx.pid}`;
		const stale = formOf((await ctx.cn.get(path)).body, path).fields;
		const title = `바뀐 직함 ${tag(4)}`;
		assert.equal((await ctx.sec.submit(path, path, { title })).status, 303);
		const merged = await ctx.cn.post(path, withChanges(stale, { phone: '041-589-1234' }));
		assert.equal(merged.status, 303, 'another field: merged');
		let now = formOf((await ctx.cn.get(path)).body, path).fields;
		assert.equal(fieldValue(now, 'phone'), '041-589-1234');
		assert.equal(fieldValue(now, 'title'), title, 'the secretariat\'s title was erased');
		const stale2 = now;
		const title2 = `또 바뀐 직함 ${tag(4)}`;
		assert.equal((await ctx.sec.submit(path, path, { title: title2 })).status, 303);
		const row1 = personRow();
		const mark = HAVE_SQL ? auditMark() : 0;
		const mine = `내 직함 ${tag(4)}`;
		const res = await ctx.cn.post(path, withChanges(stale2, { title: mine }));
		assert.equal(res.status, 409);
		assert.deepEqual(conflictFields(res.body), [{ field: 'title', label: L['field.title'], stored: title2, yours: mine }]);
		if (needSql(t)) {
			assert.deepEqual(personRow(), row1, 'the stale save changed the row');
			assert.equal(auditMark(), mark, 'the refused save wrote an audit record');
		}
		const form = formOf(res.body, path).fields;
		const again = await ctx.cn.post(path, withChanges(form, { 'pick.title': 'yours' }));
		assert.equal(again.status, 303, 'saving my choice from the conflict page');
		now = formOf((await ctx.cn.get(path)).body, path).fields;
		assert.equal(fieldValue(now, 'title'), mine);
		assert.equal(fieldValue(now, 'phone'), '041-589-1234');
	});

	test('a stale delete: 409, the person stays', T, async () => {
		const path = `/admin/people/${ctx.pid}`;
		const stale = formOf((await ctx.cn.get(path)).body, `${path}/delete`).fields;
		assert.equal((await ctx.sec.submit(path, path, { department: `부서 ${tag(4)}` })).status, 303);
		const res = await ctx.cn.post(`${path}/delete`, stale);
		assert.equal(res.status, 409);
		assert.equal((await ctx.cn.get(path)).status, 200, 'the person was deleted');
	});
});
