// accounts_access.test.mjs - who may use which route: a matrix generated from the route table
// (tpportal --list-routes: METHODS PATTERN ACCESS SAMPLE) x every role (anonymous, staff, busan-admin,
// chungnam-admin, secretariat) x whose record the URL names (chungnam's or busan's). The expected
// answer comes from the ACCESS column and the record's owner alone:
//   anonymous: GET -> 303 to /login?next=<path>, POST -> 403
//   staff: 403 on member_admin and secretariat routes
//   a member admin: 403 on secretariat routes and on another technopark's records (404 where a page
//     hides that the record exists), whatever id is in the URL, the query or the form
//   the secretariat: allowed.
//   withdrawing a change request (POST /admin/requests/{id}/withdraw): its own submitter only, the
//     secretariat included in the refusal (403); another technopark's admin: hidden (403 or 404).
// "Allowed" is 200 for a GET; a POST is sent with a deliberately incomplete form, so that an allowed
// one reaches the handler's own checks (400 or 422) and changes nothing.
// Routes of other areas (news, committees, ...) are in the matrix too, judged by what the ACCESS
// column alone decides: anonymous, staff and a member admin on a secretariat route are refused, the
// secretariat is not; whose record such a route names is for that area's own tests.
// ACCESS committee (ACC_COMMITTEE) is the secretariat or the secretary of some committee: whether a
// demo account is a secretary is read from committee_secretaries (the database); one that is not is
// refused (403), one that is passes the access check (its handler then checks which committee).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	DEMO, text, tag, HAVE_SQL, sql, auditMark, exclusive, loadRoutes, fillSample, ACCOUNTS_ROUTE,
	Session, postForm, getWith, formOf, withChanges, location, createPerson, personIds, submittedRequestId,
} from './lib_accounts.mjs';

const routes = loadRoutes();
const T = { timeout: 300_000 };
const SIGNED_IN = new Set(['login', 'member_admin', 'secretariat', 'committee']);
/* Every ACCESS value the route table may print: a new one must be added here, with its rule in expected(). */
const KNOWN_ACCESS = new Set(['public', 'open', ...SIGNED_IN]);
const guarded = routes.filter((r) => SIGNED_IN.has(r.access));
const ROLES = ['anonymous', 'staff', 'busan', 'chungnam', 'secretariat'];
const TPS = ['chungnam', 'busan'];

let release;
const ctx = { s: {}, person: {}, request: {} };

before(async () => {
	release = await exclusive();
	for (const r of ROLES.filter((x) => x !== 'anonymous'))
		ctx.s[r] = await Session.signIn(DEMO[r].login);
	// One person and one pending change request of each technopark: the records the URLs name.
	for (const tp of TPS) {
		ctx.person[tp] = (await personIds(ctx.s.secretariat, tp))[0] ??
		    await createPerson(ctx.s.secretariat, tp, { name: `권한 시험 ${tag(4)}` });
		const res = await ctx.s[tp].submit(`/admin/members/${tp}`, `/admin/members/${tp}`,
		    { website: `https://access-${tag()}.example.org/` });
		assert.equal(res.status, 303, `${tp}: the fixture change request: ${res.status} ${text(res.body).slice(0, 200)}`);
		ctx.request[tp] = submittedRequestId(res);
		assert.ok(ctx.request[tp] > 0, `${tp}: the fixture change request: 303 to ${location(res)}, expected /admin/requests/{id}?done=submitted`);
	}
	// Which demo logins are a committee's secretary (ACC_COMMITTEE lets them through to the handler).
	ctx.secretaries = HAVE_SQL ? new Set(sql('SELECT DISTINCT u.login FROM committee_secretaries cs ' +
	    'JOIN users u ON u.id = cs.user_id').map((x) => x.login)) : null;
	ctx.user = Number(/href="\/admin\/users\/(\d+)"/.exec((await ctx.s.secretariat.get('/admin/users')).body)?.[1]);
	assert.ok(ctx.user > 0, 'no account on /admin/users');
});

after(async () => {
	for (const tp of TPS) {
		const id = ctx.request[tp];
		const r = id ? await ctx.s.secretariat.get(`/admin/requests/${id}`) : null;
		if (r?.status === 200 && /state-pending/.test(r.body))
			await ctx.s.secretariat.post(`/admin/requests/${id}`,
			    withChanges(formOf(r.body, `/admin/requests/${id}`).fields, { decision: 'reject', comment: '권한 시험 정리' }));
	}
	release?.();
});

const known = (r) => ACCOUNTS_ROUTE.test(r.pattern);

/** Whether a route's URL names a technopark's record: a profile ({slug}), a person or a change request. */
function owned(r) {
	return known(r) && /^\/admin\/(members\/\{slug\}|people\/\{id\}|requests\/\{id\})/.test(r.pattern);
}

/** The concrete path of route r for the records of technopark tp (another area's placeholder: id 1). */
function pathFor(r, tp) {
	const base = r.sample.split('?')[0];
	const path = known(r) ? base.replace(/\/members\/chungnam(?=\/|$)/, `/members/${tp}`) : base;
	return fillSample(path, { person: ctx.person[tp], request: ctx.request[tp], user: ctx.user }, known(r) ? undefined : 1);
}

/**
 * The expected answer: 'allow', 'login' (303 to sign in), 'deny' (403), 'hide' (403 or 404); for a
 * route of another area: 'pass' (the access check lets it through: not 403, not sent to sign in) or
 * 'any' (decided by that area's own rules; only no server error).
 */
function expected(r, method, role, owner) {
	if (role === 'anonymous')
		return method === 'GET' ? 'login' : 'deny';
	if (r.pattern === '/admin/requests/{id}/withdraw') {
		/* the request's own submitter (each fixture request is its technopark's admin's), not even the
		 * secretariat; another technopark's request stays hidden */
		if (role === owner)
			return 'allow';
		return role === 'chungnam' || role === 'busan' ? 'hide' : 'deny';
	}
	const need = r.access;
	if (need === 'login' || role === 'secretariat')
		return known(r) ? 'allow' : 'pass';
	if (need === 'committee') {
		/* the secretariat passed above; anyone else only as a committee's secretary */
		if (ctx.secretaries === null)
			return 'any';	/* no SQL to tell: only no server error */
		return ctx.secretaries.has(DEMO[role].login) ? 'pass' : 'deny';
	}
	if (role === 'staff')
		return 'deny';
	if (need === 'secretariat')
		return 'deny';
	/* a member admin on a member_admin route */
	if (!known(r))
		return 'any';
	return owner === null || owner === role ? 'allow' : 'hide';
}

/**
 * A POST body that an allowed request gets past the access checks with, and that the handler then
 * refuses (400/422). Every key is one the route's parameter spec takes, so the access check, not the
 * spec, decides. Another area's route gets an empty form.
 */
function incompleteBody(r) {
	if (!known(r) || /\/people$/.test(r.pattern) || r.pattern === '/admin/users' || r.pattern === '/account/password')
		return {};			/* required fields missing: 422 */
	return { version: 'x' };		/* not a version: 400 */
}

/** The matrix rows: [route, method, owner] for every guarded route and method. */
const cells = [];
for (const r of guarded)
	for (const m of r.methods.filter((x) => x !== 'HEAD'))
		for (const owner of owned(r) ? TPS : [null])
			cells.push([r, m, owner]);

test('the matrix', () => {
	assert.ok(guarded.length > 0, 'no routes that need signing in');
	const size = cells.length * ROLES.length;
	const other = cells.filter(([r]) => !known(r)).length * ROLES.length;
	console.log(`# access matrix: ${cells.length} route/method/record cells x ${ROLES.length} roles = ${size} requests ` +
	    `(${size - other} on the accounts routes, ${other} on other areas' routes)`);
	assert.ok(guarded.some((r) => r.access === 'member_admin') && guarded.some((r) => r.access === 'secretariat'),
	    'the route table has no member_admin or no secretariat route');
	for (const r of routes)
		assert.ok(KNOWN_ACCESS.has(r.access), `${r.methods.join(',')} ${r.pattern}: access ${r.access} has no rule in this matrix`);
	if (HAVE_SQL)
		console.log(`# committee secretaries among the demo logins: ${[...ctx.secretaries].filter((l) => Object.values(DEMO).some((d) => d.login === l)).join(', ') || 'none'}`);
});

describe('access matrix', () => {
	for (const role of ROLES) {
		test(`as ${role === 'anonymous' ? 'anonymous' : DEMO[role].login}`, T, async () => {
			const s = ctx.s[role] ?? null;
			const mark = HAVE_SQL ? auditMark() : null;
			const problems = [];
			for (const [r, method, owner] of cells) {
				if (r.pattern === '/logout')
					continue;	/* below: it would end the session the other cells use */
				const path = pathFor(r, owner ?? 'chungnam');
				const want = expected(r, method, role, owner);
				const res = method === 'GET' ? await getWith(path, s?.cookie) :
				    s ? await s.post(path, incompleteBody(r)) : await postForm(path, incompleteBody(r));
				const where = `${method} ${path} (${r.access}${owner ? `, ${owner}'s record` : ''})`;
				const ok = {
					login: res.status === 303 && location(res) === `/login?next=${path}`,
					deny: res.status === 403,
					hide: res.status === 403 || res.status === 404,
					allow: method === 'GET' ? res.status === 200 : [400, 422].includes(res.status),
					pass: res.status !== 403 && res.status < 500 && !(location(res) ?? '').startsWith('/login'),
					any: res.status < 500,
				}[want];
				if (!ok)
					problems.push(`${where}: expected ${want}, got ${res.status}${res.status === 303 ? ` to ${location(res)}` : ''}`);
				// Nothing of another technopark shows on a page a member admin may not see.
				if (want === 'hide' && (res.body.includes(`/members/${owner}"`) || res.body.includes(`/admin/members/${owner}`)))
					problems.push(`${where}: the refusal shows ${owner}'s links`);
			}
			assert.deepEqual(problems, [], `${problems.length} cells differ from the route table`);
			if (HAVE_SQL)
				assert.equal(auditMark(), mark, 'a request of the matrix wrote an audit record');
		});
	}

	test('POST /logout: anonymous 403; every signed-in role may sign out', T, async () => {
		assert.equal((await postForm('/logout', {})).status, 403);
		for (const role of ROLES.filter((x) => x !== 'anonymous')) {
			const s = await Session.signIn(DEMO[role].login);
			const res = await s.post('/logout', {});
			assert.equal(res.status, 303, role);
			assert.equal((await s.get('/account/password')).status, 303, `${role}: still signed in after /logout`);
		}
	});
});

describe('a member admin cannot reach another technopark through the query or the form', () => {
	test('GET /admin/requests?tp=<other> and /admin/history?tp=<other>: 403', T, async () => {
		for (const [role, other] of [['busan', 'chungnam'], ['chungnam', 'busan']]) {
			for (const path of [`/admin/requests?tp=${other}`, `/admin/requests?tp=${other}&state=all`, `/admin/history?tp=${other}`]) {
				const res = await ctx.s[role].get(path);
				assert.equal(res.status, 403, `${DEMO[role].login}: GET ${path}`);
			}
		}
	});

	test('the lists show only the own technopark\'s records', T, async () => {
		for (const [role, other] of [['busan', 'chungnam'], ['chungnam', 'busan']]) {
			const s = ctx.s[role];
			const home = await s.get('/admin');
			assert.equal(home.status, 200);
			assert.ok(home.body.includes(`/admin/members/${role}"`), `${DEMO[role].login}: /admin does not link the own profile`);
			assert.ok(!home.body.includes(`/admin/members/${other}"`), `${DEMO[role].login}: /admin links ${other}'s profile`);
			for (const state of ['all', 'pending']) {
				const list = await s.get(`/admin/requests?state=${state}`);
				assert.equal(list.status, 200);
				assert.ok(list.body.includes(`/admin/requests/${ctx.request[role]}"`), `${DEMO[role].login}: own request missing (state=${state})`);
				assert.ok(!list.body.includes(`/admin/requests/${ctx.request[other]}"`), `${DEMO[role].login}: ${other}'s request listed (state=${state})`);
			}
			// History filtered by another technopark's record ids: nothing of it.
			for (const path of [`/admin/history?entity=change_request&id=${ctx.request[other]}`,
			    `/admin/history?entity=person&id=${ctx.person[other]}`, '/admin/history']) {
				const h = await s.get(path);
				assert.equal(h.status, 200, `${DEMO[role].login}: GET ${path}`);
				assert.ok(!h.body.includes(`/admin/requests/${ctx.request[other]}"`), `${DEMO[role].login}: GET ${path} shows ${other}'s request`);
				assert.ok(!h.body.includes(`/admin/members/${other}"`), `${DEMO[role].login}: GET ${path} links ${other}'s profile`);
			}
		}
		const sec = await ctx.s.secretariat.get('/admin/requests?state=pending');
		for (const tp of TPS)
			assert.ok(sec.body.includes(`/admin/requests/${ctx.request[tp]}"`), `the secretariat does not see ${tp}'s pending request`);
	});

	test('an id smuggled into a form is refused (400), nothing is made', T, async () => {
		const s = ctx.s.busan;
		const before = await personIds(ctx.s.secretariat, 'chungnam');
		for (const extra of [['technopark', 'chungnam'], ['technopark_id', '1'], ['tp', 'chungnam']]) {
			const res = await s.post('/admin/members/busan/people', [['name', `밀반입 ${tag(4)}`], extra]);
			assert.equal(res.status, 400, `POST /admin/members/busan/people with ${extra[0]}=${extra[1]}`);
		}
		assert.deepEqual(await personIds(ctx.s.secretariat, 'chungnam'), before, 'chungnam\'s people changed');
		// The other technopark's person through busan's own form URL: the URL decides, and it is refused.
		const res = await s.post(`/admin/people/${ctx.person.chungnam}`, { name: '바꿈', version: '1' });
		assert.equal(res.status, 403);
	});

	test('a member admin cannot decide a change request, even of the own technopark', T, async () => {
		for (const role of ['chungnam', 'busan']) {
			const id = ctx.request[role];
			const page = await ctx.s[role].get(`/admin/requests/${id}`);
			assert.equal(page.status, 200);
			assert.ok(!/name="decision"/.test(page.body), `${DEMO[role].login}: the decision buttons are shown`);
			const res = await ctx.s[role].post(`/admin/requests/${id}`, { decision: 'approve', version: '1' });
			assert.equal(res.status, 403, `${DEMO[role].login}: POST /admin/requests/${id}`);
			const after = await ctx.s.secretariat.get(`/admin/requests/${id}`);
			assert.match(after.body, /state-pending/, 'the request is no longer pending');
		}
	});
});
