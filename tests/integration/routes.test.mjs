// routes.test.mjs - walk the route table (tpportal --list-routes): every readable route answers its
// sample URL with 200, the right Content-Type, the security headers and a well-formed Korean page;
// HEAD matches GET without a body; a method a path does not take gets 405 with an Allow header.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	L, data, get, request, rawRequest, loadRoutes, patternMatches, routeKind, publicAttachment,
	assertSecurityHeaders, assertRouteAnswer, assertErrorPage,
} from './lib.mjs';
import { NON_HTML_ROUTES } from '../browser/lib/config.mjs';

const routes = loadRoutes();
const fromSource = routes[0].source === 'src/app/routes.c';
const READABLE = new Set(['public', 'open']);	/* no sign-in needed */

// /files/{id}'s sample names no file: the seed has no attachments. One a reader may download is looked
// up in the database (news_admin.test.mjs uploads some and checks the download in full); with none
// there, the walk skips that route and says why.
const FILE = publicAttachment();
const FILE_SKIP = 'no attachment of a listed article in the database to fetch (the seed has none); ' +
    '/files/{id} is covered by news_admin.test.mjs ("the attachment downloads with its original name")';

/** The URL to walk for a readable route, and what its answer must match; null when it cannot be walked. */
function walkable(r) {
	if (routeKind(r.pattern).kind !== 'file')
		return { url: r.sample, opts: { pageTitle: expectedTitle(r) } };
	if (FILE === null)
		return null;
	return { url: r.sample.replace(/\{[a-z_]+\}/, String(FILE.id)), opts: { file: FILE } };
}

// The page part of <title> a route's sample should show, where known (from ko.hdf and sql/).
function expectedTitle(route) {
	const path = route.sample.split('?')[0];
	switch (route.pattern) {
	case '/': return L['home.title'];
	case '/members': return L['members.title'];
	case '/people': return L['people.title'];
	case '/about': return L['about.title'];
	case '/members/{slug}': return data.tpBySlug.get(path.split('/')[2])?.name_ko ?? assert.fail(`no technopark for ${path}`);
	default: return undefined;	/* a newer route: the title must still name its page */
	}
}

// A sample with placeholders ("/admin/people/{person}") made fetchable for checks that do not depend on the id.
const concrete = (sample) => sample.replace(/\{[a-z_]+\}/g, '1');

// Under the route.c fallback (no TP_BUILD_DIR) the instance may run an older build than the source:
// a route it does not know is reported and skipped, never passed.
function skipIfUnknownToInstance(t, res, path) {
	if (fromSource && res.status === 404) {
		t.diagnostic(`${path}: 404 from ${process.env.TP_BASE_URL}; the route is in src/app/routes.c but this instance ` +
		    'runs an older build (set TP_BUILD_DIR to walk the routes of the running binary)');
		t.skip('route not served by this instance');
		return true;
	}
	return false;
}

test('the route table lists the pages of the public directory', () => {
	const patterns = new Set(routes.map((r) => r.pattern));
	for (const p of ['/', '/members', '/members/{slug}', '/people', '/about', '/healthz'])
		assert.ok(patterns.has(p), `route ${p} missing from ${routes[0].source}`);
	for (const r of routes) {
		assert.ok(r.methods.length > 0, `${r.pattern}: no methods`);
		assert.ok(r.sample.startsWith('/'), `${r.pattern}: sample ${r.sample} is not a path`);
		assert.ok(patternMatches(r.pattern, concrete(r.sample).split('?')[0]),
		    `${r.pattern}: its sample ${r.sample} does not match the pattern`);
	}
});

test('every GET route\'s kind (routeKind) agrees with the browser gates\' NON_HTML_ROUTES', () => {
	for (const r of routes.filter((x) => x.methods.includes('GET'))) {
		const { kind, type } = routeKind(r.pattern);
		if (kind === 'html') {
			assert.ok(!NON_HTML_ROUTES.has(r.pattern), `${r.pattern}: an HTML page here, ${NON_HTML_ROUTES.get(r.pattern)} in tests/browser/lib/config.mjs`);
		} else {
			assert.ok(NON_HTML_ROUTES.has(r.pattern), `${r.pattern}: ${type} here, but not in NON_HTML_ROUTES of tests/browser/lib/config.mjs`);
			assert.equal(NON_HTML_ROUTES.get(r.pattern), type, `${r.pattern}: the type differs from tests/browser/lib/config.mjs`);
		}
	}
	for (const p of NON_HTML_ROUTES.keys())
		assert.ok(routes.some((r) => r.pattern === p), `NON_HTML_ROUTES names ${p}, which the route table does not have`);
});

describe('GET and HEAD of every readable route', () => {
	for (const r of routes.filter((x) => x.methods.includes('GET') && READABLE.has(x.access))) {
		const w = walkable(r);
		const url = w?.url ?? r.sample;
		const skip = w === null ? FILE_SKIP : false;
		test(`GET ${url} (${r.pattern}, ${routeKind(r.pattern).type})`, { skip }, async (t) => {
			const res = await get(url);
			if (skipIfUnknownToInstance(t, res, url))
				return;
			assert.equal(res.status, 200, `GET ${url}: status`);
			assertSecurityHeaders(res, `GET ${url}`);
			assertRouteAnswer(res, r.pattern, `GET ${url}`, w.opts);
		});
		if (r.methods.includes('HEAD')) {
			test(`HEAD ${url} (${r.pattern})`, { skip }, async (t) => {
				const [head, full] = await Promise.all([rawRequest('HEAD', url), get(url)]);
				if (skipIfUnknownToInstance(t, head, url))
					return;
				assert.equal(head.status, full.status, `HEAD ${url}: status differs from GET`);
				assert.equal(head.status, 200, `HEAD ${url}: status`);
				assert.equal(head.body.length, 0, `HEAD ${url}: ${head.body.length} body bytes on the wire`);
				assert.equal(head.headers['content-type'], full.headers.get('content-type'), `HEAD ${url}: Content-Type`);
				assertSecurityHeaders({ headers: head.headers }, `HEAD ${url}`);
				if (head.headers['content-length'] !== undefined)
					assert.equal(Number(head.headers['content-length']), full.bytes.length,
					    `HEAD ${url}: Content-Length differs from the GET body`);
			});
		}
	}
});

describe('routes that need a sign-in are not readable anonymously', () => {
	for (const r of routes.filter((x) => x.methods.includes('GET') && !READABLE.has(x.access))) {
		const path = concrete(r.sample);
		test(`GET ${path} (${r.pattern}, ${r.access})`, async (t) => {
			const res = await get(path);
			if (skipIfUnknownToInstance(t, res, path))
				return;
			assert.ok([303, 401, 403].includes(res.status), `GET ${path} without a session: status ${res.status}, expected 303 to sign in or 403`);
			assertSecurityHeaders(res, `GET ${path}`);
			if (res.status === 303)
				assert.match(res.headers.get('location') ?? '', /^(https?:\/\/[^/]+)?\/login(\?|$)/, `GET ${path}: 303 not to /login`);
		});
	}
});

describe('a method a path does not take: 405 with Allow', () => {
	const byPattern = new Map();
	for (const r of routes) {
		const e = byPattern.get(r.pattern) ?? { methods: new Set(), sample: concrete(r.sample).split('?')[0] };
		r.methods.forEach((m) => e.methods.add(m));
		byPattern.set(r.pattern, e);
	}
	for (const [pattern, { methods, sample }] of byPattern) {
		// GET and POST everywhere (HEAD where GET is missing); PUT and DELETE on the readable pages.
		const readable = routes.some((r) => r.pattern === pattern && READABLE.has(r.access));
		const tried = ['GET', 'HEAD', 'POST', ...(readable ? ['PUT', 'DELETE'] : [])];
		for (const m of tried.filter((x) => !methods.has(x))) {
			test(`${m} ${sample} (${pattern} takes ${[...methods].join(', ')})`, async (t) => {
				const res = m === 'HEAD' ? await rawRequest('HEAD', sample) : await request(sample, {
					method: m, body: m === 'GET' ? undefined : '',
					headers: m === 'GET' ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
				});
				if (skipIfUnknownToInstance(t, res, sample))
					return;
				assert.equal(res.status, 405, `${m} ${sample}: status`);
				const allow = res.headers.get?.('allow') ?? res.headers.allow;
				assert.ok(allow, `${m} ${sample}: 405 without an Allow header`);
				assert.deepEqual(new Set(allow.split(',').map((s) => s.trim())), methods, `${m} ${sample}: Allow: ${allow}`);
				if (m === 'HEAD')
					assert.equal(res.body.length, 0, `HEAD ${sample}: a body on the wire`);
				else
					assertErrorPage(res, 405, `${m} ${sample}`);
			});
		}
	}
});
