// concurrency.test.mjs - a smoke test of the worker threads: 200 requests, 16 at a time, across every
// readable route and every member profile; each answer must be 200 and the page asked for (a thread
// that mixed up another request's data would show the wrong <h1> or the wrong rows).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	L, data, get, h1s, loadRoutes, mapLimit, memberRows, peopleRows,
	expectedMembers, expectedPeople, PEOPLE_PAGE,
} from './lib.mjs';

const TOTAL = 200;
const AT_ONCE = 16;

/** URL -> a check of its body (throws on a wrong page). */
function plan() {
	const checks = [];
	const h1 = (want) => (body) => assert.equal(h1s(body)[0], want);
	for (const r of loadRoutes().filter((x) => x.methods.includes('GET') && ['public', 'open'].includes(x.access))) {
		if (r.pattern === '/healthz')
			checks.push([r.sample, (body) => assert.equal(body.trim(), 'ok')]);
		else if (r.pattern === '/')
			checks.push([r.sample, h1(L['home.heading'])]);
		else if (r.pattern === '/about')
			checks.push([r.sample, h1(L['about.title'])]);
	}
	for (const t of data.technoparks)
		checks.push([`/members/${t.slug}`, h1(t.name_ko)]);
	for (const r of data.regions.filter((x) => data.technoparks.some((t) => t.region_id === x.id))) {
		const want = expectedMembers({ region: r.slug, sort: 'joined' }).map((t) => t.slug);
		checks.push([`/members?region=${r.slug}&sort=joined`, (body) => assert.deepEqual(memberRows(body).map((m) => m.slug), want)]);
	}
	for (const q of [...new Set(data.people.filter((p) => p.visible === 1 && p.is_demo === 1).map((p) => p.name))].slice(0, 20)) {
		const want = expectedPeople({ q }).slice(0, PEOPLE_PAGE).map((p) => p.name);
		checks.push([`/people?q=${encodeURIComponent(q)}`, (body) => assert.deepEqual(peopleRows(body).map((p) => p.name), want)]);
	}
	return checks;
}

test(`${TOTAL} requests, ${AT_ONCE} at a time, all 200 and each the page asked for`, { timeout: 120_000 }, async () => {
	const checks = plan();
	assert.ok(checks.length >= 10, 'too few distinct URLs for a mix');
	const jobs = Array.from({ length: TOTAL }, (_, i) => checks[(i * 7) % checks.length]);	/* interleaved, not in blocks */
	const started = Date.now();
	const failures = [];
	await mapLimit(jobs, AT_ONCE, async ([path, check]) => {
		try {
			const res = await get(path, { timeoutMs: 30_000 });
			assert.equal(res.status, 200, 'status');
			check(res.body);
		} catch (e) {
			failures.push(`${path}: ${e.message.split('\n')[0]}`);
		}
	});
	assert.deepEqual(failures, [], `${failures.length} of ${TOTAL} requests failed`);
	assert.ok(Date.now() - started < 60_000, `${TOTAL} requests took ${Date.now() - started} ms`);
});
