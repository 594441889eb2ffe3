// accounts_requests.test.mjs - change requests both ways (issue 12, item 4): the submitter withdraws a
// pending request (POST /admin/requests/{id}/withdraw: the submitter only, while pending, with an audit
// entry); the member admin's profile form opens on the values their waiting request asks for, with a
// banner naming what it changes, and a second save replaces that request; "내 요청" lists the member
// admin's own requests with state, decision and comment; a decided request shows on the submitter's
// admin home until they open it.
//
// Every request made here is decided or withdrawn again before the file ends, so chungnam's profile and
// its queue are as they were.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	L, DEMO, text, tag, needSql, HAVE_SQL, sql, sqlRow, lit, auditMark, auditSince, exclusive,
	Session, formOf, withChanges, fieldValue, mainText, location, profileForm, decide, submittedRequestId,
} from './lib_accounts.mjs';

const T = { timeout: 120_000 };
const TP = 'chungnam';
const PROFILE = `/admin/members/${TP}`;

let release;
const ctx = { made: [] };

/** A fresh phone number that passes the form's check. */
const newPhone = () => `041-${String(Math.floor(Math.random() * 900) + 100)}-${String(Math.floor(Math.random() * 9000) + 1000)}`;

/** chungnam-admin submits the profile form with changes; returns the new request's id. */
async function submit(changes) {
	const res = await ctx.cn.submit(PROFILE, PROFILE, changes);
	assert.equal(res.status, 303, `submit ${JSON.stringify(changes)}: ${res.status} ${text(res.body).slice(0, 300)}`);
	const id = submittedRequestId(res);
	assert.ok(id > 0, `submit: 303 to ${location(res)}, expected /admin/requests/{id}?done=submitted`);
	ctx.made.push(id);
	return id;
}

/** The state of request id as its page shows it to session s. */
async function stateOf(s, id) {
	const page = await s.get(`/admin/requests/${id}`);
	assert.equal(page.status, 200, `GET /admin/requests/${id} as ${s.login}: ${page.status}`);
	return /class="state state-(\w+)"/.exec(page.body)?.[1] ?? null;
}

/** POST the withdraw form of request id as session s (the version from the request's page as s, or given). */
async function withdraw(s, id, version) {
	if (version === undefined) {
		const page = await s.get(`/admin/requests/${id}`);
		version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '1';
	}
	return s.post(`/admin/requests/${id}/withdraw`, { version: String(version) });
}

before(async () => {
	release = await exclusive();
	ctx.sec = await Session.signIn(DEMO.secretariat.login);
	ctx.cn = await Session.signIn(DEMO.chungnam.login);
	ctx.bs = await Session.signIn(DEMO.busan.login);
	ctx.live = await profileForm(ctx.sec, TP);
});

after(async () => {
	for (const id of ctx.made) {
		const r = await ctx.sec.get(`/admin/requests/${id}`);
		if (r.status === 200 && /state-pending/.test(r.body))
			await decide(ctx.sec, id, 'reject', '요청 시험 정리');
	}
	release?.();
});

describe('withdraw', () => {
	test('the submitter withdraws a pending request: state withdrawn, an audit entry, nothing applied', T, async (t) => {
		const phone = newPhone();
		const id = await submit({ phone });
		const page = await ctx.cn.get(`/admin/requests/${id}`);
		const form = formOf(page.body, `/admin/requests/${id}/withdraw`);
		assert.ok(form, 'the submitter\'s request page has no withdraw form');
		assert.ok(form.fields.some(([k]) => k === 'csrf'), 'the withdraw form carries no form token');
		// Nobody else sees the button; nobody else may withdraw it.
		assert.ok(!(await ctx.sec.get(`/admin/requests/${id}`)).body.includes(`/admin/requests/${id}/withdraw`),
		    'the secretariat is offered to withdraw someone else\'s request');
		const mark = HAVE_SQL ? auditMark() : 0;
		assert.equal((await withdraw(ctx.sec, id, 1)).status, 403, 'the secretariat withdrew another user\'s request');
		assert.ok([403, 404].includes((await withdraw(ctx.bs, id, 1)).status), 'busan-admin withdrew chungnam\'s request');
		assert.equal((await ctx.cn.post(`/admin/requests/${id}/withdraw`, { version: '1' }, { csrf: null })).status, 403,
		    'a withdraw without the form token');
		assert.equal(await stateOf(ctx.cn, id), 'pending');
		if (HAVE_SQL)
			assert.equal(auditMark(), mark, 'a refused withdraw wrote an audit record');

		const res = await ctx.cn.post(`/admin/requests/${id}/withdraw`, form.fields);
		assert.equal(res.status, 303, `withdraw: ${res.status} ${text(res.body).slice(0, 300)}`);
		assert.equal(location(res), `/admin/requests/${id}?done=withdrawn`);
		const landed = await ctx.cn.get(location(res));
		assert.ok(mainText(landed.body).includes(L['request.withdrawn_done']), 'no confirmation after withdrawing');
		assert.equal(await stateOf(ctx.cn, id), 'withdrawn');
		assert.ok(mainText(landed.body).includes(L['request.state_withdrawn']));
		assert.ok(!landed.body.includes(`/admin/requests/${id}/withdraw`), 'a withdrawn request still offers to withdraw');
		assert.ok(!/name="decision"/.test((await ctx.sec.get(`/admin/requests/${id}`)).body), 'a withdrawn request can still be decided');
		// The filter's 철회됨 lists it.
		assert.ok((await ctx.cn.get('/admin/requests?state=withdrawn')).body.includes(`href="/admin/requests/${id}"`),
		    '?state=withdrawn does not list the withdrawn request');
		// Withdrawn once: a second try is refused (the rule: only while pending).
		assert.equal((await withdraw(ctx.cn, id, 2)).status, 403, 'withdrawing a withdrawn request');
		assert.equal(fieldValue(await profileForm(ctx.sec, TP), 'phone'), fieldValue(ctx.live, 'phone'), 'the withdrawn phone went live');
		if (needSql(t)) {
			const a = auditSince(mark);
			assert.deepEqual(a.map((c) => [c.login, c.action, c.entity, Number(c.entity_id), c.note]),
			    [[DEMO.chungnam.login, 'withdraw', 'change_request', id, null]]);
			assert.equal(sqlRow(`SELECT state FROM change_requests WHERE id = ${lit(id)}`).state, 'withdrawn');
		}
		// The history names the act in words.
		const h = await ctx.cn.get(`/admin/history?entity=change_request&id=${id}`);
		assert.ok(mainText(h.body).includes(L['history.action.withdraw']), 'the history does not show the withdrawal');
	});

	test('a stale version: 409 with the request as it is now, nothing changes', T, async () => {
		const id = await submit({ phone: newPhone() });
		const res = await withdraw(ctx.cn, id, 7);
		assert.equal(res.status, 409, `withdraw at a wrong version: ${res.status}`);
		assert.ok(mainText(res.body).includes(L['request.decided']));
		assert.equal(await stateOf(ctx.cn, id), 'pending');
		assert.equal((await withdraw(ctx.cn, id)).status, 303);
	});
});

describe('the profile form while a request waits', () => {
	test('opens on the requested values with a banner; a second save replaces the waiting request', T, async (t) => {
		const phone = newPhone();
		const id1 = await submit({ phone });
		const page = await ctx.cn.get(PROFILE);
		assert.equal(page.status, 200);
		const fields = formOf(page.body, PROFILE).fields;
		assert.equal(fieldValue(fields, 'phone'), phone, 'the form opens on the live phone, not the requested one');
		const banner = /<section class="note pending-request"[\s\S]*?<\/section>/.exec(page.body)?.[0];
		assert.ok(banner, 'no banner about the waiting request');
		assert.ok(banner.includes(`href="/admin/requests/${id1}"`), 'the banner does not link to the request');
		assert.ok(text(banner).includes(L['my_requests.pending_title']));
		assert.ok(text(banner).replace(/\s+:/g, ':').includes(`${L['field.phone']}: ${fieldValue(ctx.live, 'phone') || L.none} → ${phone}`),
		    `the banner does not say what the request changes: ${text(banner)}`);
		// The secretariat edits the live values: no banner, the live phone.
		const secPage = await ctx.sec.get(PROFILE);
		assert.equal(fieldValue(formOf(secPage.body, PROFILE).fields, 'phone'), fieldValue(ctx.live, 'phone'));
		assert.ok(!secPage.body.includes('pending-request'), 'the secretariat\'s form shows the member admin\'s banner');

		// Sending the form unchanged: nothing changed, no new request.
		const same = await ctx.cn.post(PROFILE, fields);
		assert.equal(same.status, 200, `the unchanged form: ${same.status}`);
		assert.ok(mainText(same.body).includes(L['form.nothing_changed']));

		// A second edit on top of the first: one request with both changes, the first withdrawn.
		const email = `req-${tag()}@example.org`;
		const mark = HAVE_SQL ? auditMark() : 0;
		const id2 = await submit({ email });
		assert.equal(await stateOf(ctx.cn, id1), 'withdrawn', 'the replaced request is still pending');
		const diff = await ctx.sec.get(`/admin/requests/${id2}`);
		assert.ok(diff.body.includes(phone) && diff.body.includes(email), 'the new request does not carry both changes');
		if (needSql(t)) {
			assert.deepEqual(sql(`SELECT field, new_value FROM change_request_fields WHERE request_id = ${lit(id2)} ORDER BY field`),
			    [{ field: 'email', new_value: email }, { field: 'phone', new_value: phone }]);
			const a = auditSince(mark).map((c) => [c.login, c.action, c.entity, Number(c.entity_id), c.note]);
			assert.deepEqual(a, [[DEMO.chungnam.login, 'withdraw', 'change_request', id1, 'superseded'],
				[DEMO.chungnam.login, 'submit', 'change_request', id2, 'update']]);
		}
		// Back to the live values: the waiting request is withdrawn, nothing new is asked.
		const back = await ctx.cn.submit(PROFILE, PROFILE, { phone: fieldValue(ctx.live, 'phone'), email: fieldValue(ctx.live, 'email') });
		assert.equal(back.status, 303);
		assert.equal(location(back), `/admin/requests/${id2}?done=withdrawn`);
		assert.equal(await stateOf(ctx.cn, id2), 'withdrawn');
		assert.ok(!(await ctx.cn.get(PROFILE)).body.includes('pending-request'), 'a banner with nothing waiting');
	});
});

describe('내 요청 and the decision on the admin home', () => {
	test('a decided request shows on the submitter\'s home until seen; 내 요청 lists it with the comment', T, async (t) => {
		const id = await submit({ phone: newPhone() });
		const comment = `다시 확인해 주세요 ${tag(4)}`;
		assert.equal((await decide(ctx.sec, id, 'reject', comment)).status, 303);

		const home = await ctx.cn.get('/admin');
		assert.equal(home.status, 200);
		const box = /<section class="decided"[\s\S]*?<\/section>/.exec(home.body)?.[0];
		assert.ok(box, 'the admin home does not show the decided request');
		assert.ok(box.includes(`href="/admin/requests/${id}"`), 'the decided request is not linked');
		assert.ok(text(box).includes(L['request.state_rejected']) && text(box).includes(comment),
		    `the home does not show the decision and its comment: ${text(box)}`);
		assert.ok(home.body.includes('href="/admin/requests?mine=1"'), 'the admin home does not link to 내 요청');
		assert.ok(!(await ctx.bs.get('/admin')).body.includes(`href="/admin/requests/${id}"`), 'busan-admin sees chungnam\'s decision');
		assert.ok(!(await ctx.sec.get('/admin')).body.includes(`href="/admin/requests/${id}"`), 'the reviewer sees the decision as news');

		const mine = await ctx.cn.get('/admin/requests?mine=1');
		assert.equal(mine.status, 200);
		assert.ok(text(/<h1>([\s\S]*?)<\/h1>/.exec(mine.body)[1]).includes(L['my_requests.title']));
		const row = [...mine.body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]).find((r) => r.includes(`href="/admin/requests/${id}"`));
		assert.ok(row, '내 요청 does not list the request');
		assert.ok(text(row).includes(L['request.state_rejected']) && text(row).includes(comment), `내 요청's row: ${text(row)}`);
		assert.ok(!(await ctx.bs.get('/admin/requests?mine=1')).body.includes(`href="/admin/requests/${id}"`),
		    'busan-admin\'s 내 요청 lists chungnam\'s request');
		assert.ok(!(await ctx.sec.get('/admin/requests?mine=1')).body.includes(`href="/admin/requests/${id}"`),
		    'the secretariat\'s 내 요청 lists chungnam\'s request');

		// Opening the request marks it seen: the home no longer shows it; the list still does.
		assert.equal((await ctx.sec.get(`/admin/requests/${id}`)).status, 200);	/* the reviewer's look does not count */
		assert.ok((await ctx.cn.get('/admin')).body.includes(`href="/admin/requests/${id}"`), 'the reviewer\'s look marked it seen');
		await stateOf(ctx.cn, id);
		assert.ok(!(await ctx.cn.get('/admin')).body.includes(`href="/admin/requests/${id}"`), 'the seen decision still shows on the home');
		assert.ok((await ctx.cn.get('/admin/requests?mine=1')).body.includes(`href="/admin/requests/${id}"`));
		if (needSql(t))
			assert.ok(sqlRow(`SELECT seen_at FROM change_requests WHERE id = ${lit(id)}`).seen_at !== null, 'seen_at not set');
	});
});
