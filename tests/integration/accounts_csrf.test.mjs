// accounts_csrf.test.mjs - every POST route of the route table (tpportal --list-routes) refuses a
// request that is not provably from our own pages: no form token, a wrong one, another session's, an
// empty one, a foreign Origin, no Origin and no Referer, a foreign Referer -> 403, and nothing changes
// in the database. The same request with the right token and Origin is then accepted, so each 403
// above came from the CSRF check and not from something else.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	BASE, DEMO, text, tag, HAVE_SQL, sqlNumber, lit, auditMark, exclusive, loadRoutes, csrfRules,
	fillSample, Session, postForm, sessionCookie, formOf, withChanges, location,
	createPerson, personIds, createUser, submittedRequestId, sql,
} from './lib_accounts.mjs';
import { get } from './lib.mjs';

const routes = loadRoutes();
const rules = csrfRules();
const posts = routes.filter((r) => r.methods.includes('POST'));
const EVIL = 'http://evil.example';
const T = { timeout: 120_000 };

let release;
const ctx = {};

before(async () => {
	release = await exclusive();
	ctx.sec = await Session.signIn(DEMO.secretariat.login);
	ctx.cn = await Session.signIn(DEMO.chungnam.login);
	// A fresh account (staff) with its own sessions: its password and sessions are what the
	// /account/password and /logout probes would change.
	ctx.user = { login: `acc-csrf-${tag()}`, password: `pw-${tag(12)}-a` };
	ctx.user.id = await createUser(ctx.sec, { ...ctx.user, display_name: 'CSRF 시험', role: 'staff' });
	ctx.us = await Session.signIn(ctx.user.login, ctx.user.password);
	ctx.usLogout = await Session.signIn(ctx.user.login, ctx.user.password);
	// A hidden person of chungnam, and a pending change request of chungnam's profile.
	ctx.person = await createPerson(ctx.sec, 'chungnam', { name: `CSRF 시험 ${tag(4)}`, title: '시험' });
	const req = await ctx.cn.submit('/admin/members/chungnam', '/admin/members/chungnam',
	    { website: `https://csrf-${tag()}.example.org/` });
	assert.equal(req.status, 303, `the fixture change request: ${req.status} ${text(req.body).slice(0, 200)}`);
	ctx.request = submittedRequestId(req);
	assert.ok(ctx.request > 0, `the fixture change request: 303 to ${location(req)}, expected /admin/requests/{id}?done=submitted`);
	// A library document of the association to edit, delete and restore (issue 19).
	const doc = await ctx.sec.post('/admin/library', await formFields(ctx.sec, '/admin/library/new', '/admin/library',
	    { title: `CSRF 시험 자료 ${tag(4)}`, kind: 'report', publisher: 'association', year: '2025' }));
	ctx.library = Number(/^\/admin\/library\/(\d+)\?/.exec(location(doc))?.[1]);
	assert.ok(ctx.library > 0, `the fixture library document: ${doc.status} ${location(doc)}`);
	ctx.values = { person: ctx.person, request: ctx.request, user: ctx.user.id, library: ctx.library };
});

after(async () => {
	// The positive checks below reject the request and delete the person; whatever a failed test
	// left behind is put away here.
	const r = await ctx.sec?.get(`/admin/requests/${ctx.request}`);
	if (r?.status === 200 && /state-pending/.test(r.body)) {
		const f = formOf(r.body, `/admin/requests/${ctx.request}`);
		await ctx.sec.post(`/admin/requests/${ctx.request}`, withChanges(f.fields, { decision: 'reject', comment: 'CSRF 시험 정리' }));
	}
	const own = ctx.own ? await ctx.cn?.get(`/admin/requests/${ctx.own}`) : null;
	if (own?.status === 200 && /state-pending/.test(own.body))
		await ctx.cn.post(`/admin/requests/${ctx.own}/withdraw`, formOf(own.body, `/admin/requests/${ctx.own}/withdraw`).fields);
	// The library documents and kinds these probes made, with their history.
	if (HAVE_SQL) {
		const docs = sql("SELECT id FROM library_documents WHERE title LIKE 'CSRF %'").map((r) => Number(r.id));
		if (docs.length > 0) {
			sql(`DELETE FROM library_documents WHERE id IN (${docs.join(',')})`);
			sql(`DELETE FROM audit_changes WHERE entity = 'library' AND entity_id IN (${docs.join(',')})`);
			sql(`DELETE FROM search_docs WHERE kind = 'library' AND ref_id IN (${docs.join(',')})`);
		}
		const kinds = sql("SELECT id FROM library_kinds WHERE slug LIKE 'csrf-%'").map((r) => Number(r.id));
		if (kinds.length > 0) {
			sql(`DELETE FROM library_kinds WHERE id IN (${kinds.join(',')})`);
			sql(`DELETE FROM audit_changes WHERE entity = 'library_kind' AND entity_id IN (${kinds.join(',')})`);
		}
	}
	const p = await ctx.sec?.get(`/admin/people/${ctx.person}`);
	if (p?.status === 200) {
		const f = formOf(p.body, `/admin/people/${ctx.person}/delete`);
		await ctx.sec.post(`/admin/people/${ctx.person}/delete`, f.fields);
	}
	release?.();
});

/** The form of page as session s sees it, with changes. */
async function formFields(s, page, action, changes = {}) {
	const res = await s.get(page);
	assert.equal(res.status, 200, `GET ${page}: ${res.status}`);
	return withChanges(formOf(res.body, action).fields, changes);
}

/** The hidden version of the form on page. */
async function versionOf(s, page, action) {
	const f = await formFields(s, page, action);
	return f.find(([k]) => k === 'version')?.[1] ?? null;
}

/**
 * What each POST route is sent (a change it would make if it were accepted), what state shows that
 * change, and what the accepted request (the positive check) answers. Keyed by route pattern.
 */
const PROBES = {
	'/login': {
		session: () => null,
		fields: () => ({ login: ctx.user.login, password: ctx.user.password }),
		state: () => (HAVE_SQL ? sqlNumber(`SELECT COUNT(*) FROM sessions WHERE user_id = ${lit(ctx.user.id)}`) : null),
		noCookie: true,
		positive: { status: 303 },
	},
	'/logout': {
		session: () => ctx.usLogout,
		fields: () => ({}),
		state: async () => (await ctx.usLogout.get('/account/password')).status,
		positive: { status: 303 },
	},
	'/account/password': {
		session: () => ctx.us,
		fields: () => ({ current: ctx.user.password, new: `${ctx.user.password}-new`, confirm: `${ctx.user.password}-new` }),
		state: () => versionOf(ctx.sec, `/admin/users/${ctx.user.id}`, `/admin/users/${ctx.user.id}`),
		positive: { status: 200, after: () => { ctx.user.password = `${ctx.user.password}-new`; } },
	},
	'/admin/members/{slug}': {
		fields: (path) => formFields(ctx.sec, path, path, { phone: '010-0000-0000' }),
		state: async (path) => (await formFields(ctx.sec, path, path)).filter(([k]) => k !== 'csrf' && k !== 'key'),
		// The same form unchanged: accepted, "nothing changed" (200), and nothing written.
		positive: { fields: (path) => formFields(ctx.sec, path, path), status: 200 },
	},
	'/admin/members/{slug}/people': {
		fields: () => ({ name: `CSRF 새 사람 ${tag(4)}`, title: '시험' }),
		state: (path) => personIds(ctx.sec, path.split('/')[3]),
		positive: {
			status: 303,
			after: async (path, before) => {
				const slug = path.split('/')[3];
				const added = (await personIds(ctx.sec, slug)).filter((id) => !before.includes(id));
				assert.equal(added.length, 1, 'the accepted create did not add one person');
				const f = await formFields(ctx.sec, `/admin/people/${added[0]}`, `/admin/people/${added[0]}/delete`);
				assert.equal((await ctx.sec.post(`/admin/people/${added[0]}/delete`, f)).status, 303);
			},
		},
	},
	'/admin/people/{id}': {
		fields: (path) => formFields(ctx.sec, path, path, { title: `바뀐 직함 ${tag(4)}` }),
		state: (path) => versionOf(ctx.sec, path, path),
		positive: { status: 303 },
	},
	'/admin/people/{id}/delete': {
		fields: (path) => formFields(ctx.sec, path.replace(/\/delete$/, ''), path),
		state: async (path) => (await ctx.sec.get(path.replace(/\/delete$/, ''))).status,
		positive: { status: 303 },
	},
	'/admin/requests/{id}': {
		fields: (path) => formFields(ctx.sec, path, path, { decision: 'approve', comment: 'CSRF' }),
		state: async (path) => {
			const res = await ctx.sec.get(path);
			return [res.status, /class="state state-(\w+)"/.exec(res.body)?.[1], (await formFields(ctx.sec, path, path)).find(([k]) => k === 'version')?.[1]];
		},
		positive: { fields: (path) => formFields(ctx.sec, path, path, { decision: 'reject', comment: 'CSRF 시험' }), status: 303 },
	},
	'/admin/requests/{id}/withdraw': {
		// chungnam-admin's own pending request, made for this probe (the fixture request above is
		// decided by the probe before this one).
		path: async () => {
			if (!ctx.own) {
				const res = await ctx.cn.submit('/admin/members/chungnam', '/admin/members/chungnam',
				    { website: `https://csrf-own-${tag()}.example.org/` });
				assert.equal(res.status, 303, `the withdraw probe's request: ${res.status} ${text(res.body).slice(0, 200)}`);
				ctx.own = submittedRequestId(res);
			}
			return `/admin/requests/${ctx.own}/withdraw`;
		},
		session: () => ctx.cn,
		fields: async (path) => ({ version: /name="version" value="(\d+)"/.exec((await ctx.cn.get(path.replace(/\/withdraw$/, ''))).body)?.[1] ?? '1' }),
		state: async (path) => /class="state state-(\w+)"/.exec((await ctx.cn.get(path.replace(/\/withdraw$/, ''))).body)?.[1],
		positive: {
			status: 303,
			after: async (path) => assert.equal(/class="state state-(\w+)"/.exec((await ctx.cn.get(path.replace(/\/withdraw$/, ''))).body)?.[1], 'withdrawn'),
		},
	},
	'/admin/users': {
		fields: () => {
			ctx.newLogin = `acc-csrf-new-${tag()}`;
			return { login: ctx.newLogin, display_name: 'CSRF 새 계정', role: 'staff', technopark: '', active: '1', password: `pw-${tag(12)}` };
		},
		state: async () => {
			const res = await ctx.sec.get('/admin/users');
			assert.equal(res.status, 200);
			return [...res.body.matchAll(/href="\/admin\/users\/(\d+)"/g)].map((m) => m[1]).sort();
		},
		positive: { status: 303 },
	},
	'/admin/library': {
		fields: () => formFields(ctx.sec, '/admin/library/new', '/admin/library',
		    { title: `CSRF 새 자료 ${tag(4)}`, kind: 'form', publisher: 'association', year: '2024' }),
		state: () => (HAVE_SQL ? sqlNumber('SELECT COUNT(*) FROM library_documents') : null),
		positive: { status: 303 },
	},
	'/admin/library/{id}': {
		fields: (path) => formFields(ctx.sec, path, path, { description: `CSRF 설명 ${tag(4)}` }),
		state: (path) => versionOf(ctx.sec, path, path),
		positive: { status: 303 },
	},
	'/admin/library/{id}/delete': {
		fields: (path) => formFields(ctx.sec, path.replace(/\/delete$/, ''), path),
		state: async (path) => (await get(path.replace(/^\/admin/, '').replace(/\/delete$/, ''))).status,
		positive: { status: 303 },
	},
	'/admin/library/{id}/restore': {
		fields: (path) => formFields(ctx.sec, path.replace(/\/restore$/, ''), path),
		state: async (path) => (await get(path.replace(/^\/admin/, '').replace(/\/restore$/, ''))).status,
		positive: { status: 303, after: async (path) => assert.equal((await get(path.replace(/^\/admin/, '').replace(/\/restore$/, ''))).status, 200) },
	},
	'/admin/library/kinds': {
		fields: () => formFields(ctx.sec, '/admin/library/kinds', '/admin/library/kinds',
		    { slug: `csrf-${tag(6).toLowerCase().replace(/[^a-z0-9]/g, '')}`, name_ko: 'CSRF 종류', name_en: 'CSRF kind', sort: '99' }),
		state: () => (HAVE_SQL ? sqlNumber('SELECT COUNT(*) FROM library_kinds') : null),
		positive: { status: 303 },
	},
	'/admin/library/kinds/{id}': {
		fields: (path) => formFields(ctx.sec, path, path, { name_en: `Other ${tag(4)}` }),
		state: (path) => versionOf(ctx.sec, path, path),
		// The same form unchanged: accepted, "nothing changed" (200), and nothing written (the seed's kind stays).
		positive: { fields: (path) => formFields(ctx.sec, path, path), status: 200 },
	},
	'/admin/users/{id}': {
		fields: (path) => formFields(ctx.sec, path, path, { display_name: `CSRF 바뀐 이름 ${tag(4)}` }),
		state: (path) => versionOf(ctx.sec, path, path),
		positive: { status: 303 },
	},
};

/** The ways a request can fail to prove it comes from our pages, for a route's CSRF rule. */
function variants(rule, s, other) {
	const v = [
		['a foreign Origin', { origin: EVIL }],
		['Origin null', { origin: 'null' }],
		['a look-alike Origin', { origin: `${BASE}.evil.example` }],
		['no Origin and no Referer', { origin: null }],
		['no Origin and a foreign Referer', { origin: null, referer: `${EVIL}/admin` }],
	];
	if (rule !== 'CSRF_TOKEN')
		return v;
	return [
		['no form token', { csrf: null }],
		['an empty form token', { csrf: '' }],
		['a wrong form token', { csrf: 'x'.repeat(43) }],
		['the form token of another session', { csrf: other }],
		['the form token with a changed letter', { csrf: s.csrf.slice(0, -1) + (s.csrf.endsWith('A') ? 'B' : 'A') }],
		...v,
	];
}

// The forms used without a session (sign-in, and the mail links of issue 15) check the Origin; the
// one-click unsubscribe of RFC 8058 is POSTed by mail clients with no Origin at all: its unguessable
// token in the path is its only credential, and it can only end that one subscription.
const NO_SESSION_FORMS = new Set(['/login', '/password/forgot', '/password/reset', '/account/email/confirm']);
const NO_CSRF = new Set(['/unsubscribe/{slug}']);

test('every POST route has a CSRF rule; only the forms used without a session go without the form token', () => {
	assert.ok(posts.length > 0, 'no POST routes listed');
	for (const r of posts) {
		const rule = rules.get(`POST ${r.pattern}`);
		assert.ok(rule, `POST ${r.pattern}: no CSRF rule found in src/app/routes.c`);
		assert.equal(rule === 'CSRF_NONE', NO_CSRF.has(r.pattern), `POST ${r.pattern}: ${rule}`);
		assert.equal(rule === 'CSRF_ORIGIN', NO_SESSION_FORMS.has(r.pattern), `POST ${r.pattern}: ${rule}`);
	}
});

describe('CSRF on every POST route, signed in as the secretariat (or the route\'s own user)', () => {
	for (const r of posts.filter((x) => !NO_CSRF.has(x.pattern))) {
		const rule = rules.get(`POST ${r.pattern}`);
		test(`POST ${r.sample} (${rule})`, T, async (t) => {
			const probe = PROBES[r.pattern];
			const path = probe?.path ? await probe.path() : fillSample(r.sample, ctx.values, probe === undefined ? 1 : undefined);
			if (probe === undefined) {
				// A route newer than this file: it must still refuse; nothing it could change is known here.
				t.diagnostic(`no probe for ${r.pattern} in accounts_csrf.test.mjs: only the 403s are checked`);
			}
			const s = probe ? (probe.session ? probe.session() : ctx.sec) : ctx.sec;
			const other = s === ctx.cn ? ctx.sec.csrf : ctx.cn.csrf;
			const state0 = probe ? await probe.state(path) : null;
			const mark = HAVE_SQL ? auditMark() : null;
			for (const [what, opts] of variants(rule, s ?? ctx.sec, other)) {
				const fields = probe ? await probe.fields(path) : {};
				let res;
				if (s === null)		/* /login: no session, no token */
					res = await postForm(path, fields, { origin: opts.origin === undefined ? BASE : opts.origin, referer: opts.referer ?? null });
				else
					res = await s.post(path, fields, opts);
				assert.equal(res.status, 403, `POST ${path} with ${what}: status`);
				if (probe?.noCookie)
					assert.equal(sessionCookie(res), null, `POST ${path} with ${what}: a session cookie was set`);
				if (probe)
					assert.deepEqual(await probe.state(path), state0, `POST ${path} with ${what}: the record changed`);
				if (HAVE_SQL)
					assert.equal(auditMark(), mark, `POST ${path} with ${what}: an audit record was written`);
			}
			if (!probe) {
				// The same empty form with the right token and Origin gets past the CSRF check (the
				// handler then refuses the incomplete form), so the 403s above came from that check.
				const res = await s.post(path, {});
				assert.ok(res.status !== 403 && res.status < 500,
				    `POST ${path} with the right token and Origin (an empty form): ${res.status} ${text(res.body).slice(0, 200)}`);
				if (HAVE_SQL)
					assert.equal(auditMark(), mark, `POST ${path} with an empty form: an audit record was written`);
				return;
			}
			// The same request, from our page with the session's token: accepted.
			const fields = probe.positive.fields ? await probe.positive.fields(path) : await probe.fields(path);
			const res = s === null ? await postForm(path, fields) : await s.post(path, fields);
			assert.equal(res.status, probe.positive.status,
			    `POST ${path} with the right token and Origin: ${res.status} ${text(res.body).slice(0, 200)}`);
			await probe.positive.after?.(path, state0);
		});
	}
});

test('a GET never changes anything: the forms\' actions refuse GET (405)', T, async () => {
	for (const r of posts.filter((x) => !x.methods.includes('GET') && !routes.some((y) => y.pattern === x.pattern && y.methods.includes('GET')))) {
		const path = fillSample(r.sample, ctx.values, 1);
		const res = await ctx.sec.get(path);
		assert.equal(res.status, 405, `GET ${path}`);
	}
});
