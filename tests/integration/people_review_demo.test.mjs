// people_review_demo.test.mjs - issue 20's demo marking on the review path: with people_review = yes a
// member admin's new person is a change request; when the secretariat approves it, the person is written by
// the secretariat's account, yet its values are the submitter's, so a demo submitter's person is demo
// (person_demo_author in src/admin/page_admin_review.c). This file fails if that mark is lost: in the
// database, on the public profile's badge and in the search index. The approver is a real (not demo)
// secretariat account made for the test with `tpportal-admin create-user`: a demo approver would mark the
// person demo by itself, and the test could not fail.
//
// The instance runs with people_review off, so the request is made through a spare server on the same
// database with people_review = yes (lib_fcgi.mjs); the secretariat decides it on the instance itself.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
	DEMO, L, Session, exclusive, sql, sqlNumber, sqlValue, lit, tag, needSql, HAVE_SQL, decide, formOf, formBody,
	getWith, peopleTable, submittedRequestId, text,
} from './lib_accounts.mjs';
import { fcgi, startSpare } from './lib_fcgi.mjs';
import { searchUrl, resultsOf, indexed } from './search_lib.mjs';

const STACK_DIR = process.env.STACK_DIR?.replace(/\/+$/, '');
const TP = 'chungnam';
const ctx = { people: [] };

/** A key of the instance's tpportal.conf. */
const conf = (k) => new RegExp(`^${k}\\s*=\\s*(.*)$`, 'm').exec(readFileSync(`${STACK_DIR}/tpportal.conf`, 'utf8'))?.[1].trim();

/** POST a form to the spare as session s (its cookie, form token and the portal's Origin). */
async function postSpare(s, path, fields) {
	const body = Buffer.from(formBody([['csrf', await s.token()], ...Object.entries(fields)]));
	return fcgi(ctx.spare.sock, {
		REQUEST_METHOD: 'POST', REQUEST_URI: path, DOCUMENT_URI: path, QUERY_STRING: '',
		CONTENT_TYPE: 'application/x-www-form-urlencoded', HTTP_COOKIE: `tp_session=${s.cookie}`,
		HTTP_ORIGIN: conf('base_url'), REMOTE_ADDR: '127.0.0.1', SERVER_SOFTWARE: 'lib_fcgi',
	}, body).done;
}

before(async () => {
	if (!HAVE_SQL || !STACK_DIR || !process.env.TP_BUILD_DIR || !existsSync(`${process.env.TP_BUILD_DIR}/src/tpportal`))
		return;
	ctx.release = await exclusive();
	ctx.dir = mkdtempSync(`${tmpdir()}/tp-review-`);
	ctx.spare = await startSpare(ctx.dir, { threads: 1, page_cache_mb: 0, people_review: 'yes' });
	ctx.cn = await Session.signIn(DEMO.chungnam.login);
	ctx.sec = await Session.signIn(DEMO.secretariat.login);
	/* the approver: a real secretariat account */
	ctx.login = `review-${tag(6).toLowerCase()}`;
	const password = randomBytes(12).toString('base64url');
	const r = spawnSync(`${process.env.TP_BUILD_DIR}/src/tpportal-admin`, ['-c', `${STACK_DIR}/tpportal.conf`, 'create-user', ctx.login, '심사 시험', 'secretariat'],
	    { input: `${password}\n`, encoding: 'utf8', timeout: 60_000 });
	assert.equal(r.status, 0, `tpportal-admin create-user: ${r.stderr}${r.stdout}`);
	ctx.real = await Session.signIn(ctx.login, password);
});

after(async () => {
	try {
		for (const id of ctx.people) {
			const page = await ctx.sec.get(`/admin/people/${id}`);
			if (page.status === 200)
				await ctx.sec.post(`/admin/people/${id}/delete`, formOf(page.body, `/admin/people/${id}/delete`).fields);
		}
		if (ctx.login)	/* its audit records keep it: it can only be turned off */
			sql(`UPDATE users SET active = 0 WHERE login = ${lit(ctx.login)}`);
		ctx.spare?.child.kill('SIGTERM');
		if (ctx.dir)
			rmSync(ctx.dir, { recursive: true, force: true });
	} finally {
		ctx.release?.();
	}
});

describe('people_review = yes: a demo member admin\'s new person, approved by the secretariat', () => {
	test('is demo in the database, badged on the public profile and in search', async (t) => {
		if (!needSql(t))
			return;
		if (!ctx.spare) {
			t.skip('needs STACK_DIR and TP_BUILD_DIR (a spare server with people_review = yes)');
			return;
		}
		assert.equal(sqlNumber(`SELECT is_demo FROM users WHERE login = ${lit(DEMO.chungnam.login)}`), 1, 'the submitter is not a demo account');
		assert.equal(sqlNumber(`SELECT is_demo FROM users WHERE login = ${lit(ctx.login)}`), 0, 'the approver is a demo account');
		const name = `심사 ${tag(4)}`;
		const res = await postSpare(ctx.cn, `/admin/members/${TP}/people`,
		    { name, title: '선임연구원', department: '심사부', phone: '', email: '', sort: '900', visible: '1' });
		assert.equal(res.status, 303, `the spare answered ${res.status}: ${text(res.body).slice(0, 300)}`);
		const req = submittedRequestId({ headers: { get: (h) => res.headers[h.toLowerCase()] ?? null } });
		assert.ok(req, `not sent to a change request: ${res.headers.location}`);
		assert.equal(sqlNumber(`SELECT COUNT(*) FROM people WHERE name = ${lit(name)}`), 0, 'written before the review');
		assert.equal(sqlValue(`SELECT action FROM change_requests WHERE id = ${req}`), 'create');

		const decided = await decide(ctx.real, req, 'approve', '확인했습니다');
		assert.equal(decided.status, 303, `approve: ${decided.status} ${text(decided.body).slice(0, 300)}`);
		const [p] = sql(`SELECT id, is_demo FROM people WHERE name = ${lit(name)}`);
		assert.ok(p, 'the approved person was not written');
		ctx.people.push(Number(p.id));
		assert.equal(Number(p.is_demo), 1, 'a demo submitter\'s approved person is not marked demo');

		/* the reader sees the mark: the 데모 badge in the profile's people table, and on the search result */
		const rows = peopleTable((await getWith(`/members/${TP}`)).body);
		assert.ok(rows.some((r) => r[0] === `${name} ${L.demo}`), `no 데모 badge on ${name} on /members/${TP}`);
		await indexed('the approved person');
		const hit = resultsOf((await getWith(searchUrl(name))).body).find((r) => r.ref === `people/${p.id}`);
		assert.ok(hit, 'the approved person is not found');
		assert.match(hit.html, /class="badge demo"/, 'the search result carries no demo badge');
		assert.equal(sqlNumber(`SELECT is_demo FROM search_docs WHERE kind = 'people' AND ref_id = ${Number(p.id)}`), 1);
	});
});
