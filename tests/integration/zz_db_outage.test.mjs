// test-lane: alone (tools/lib/suites.sh: after the lanes, with no other file running)
// zz_db_outage.test.mjs - MariaDB goes away and comes back: while it is away every page answers 503
// (the Korean 503 page with Retry-After, never a 200 with missing data) and the answers that need no
// database (404, 405, 400) stay what they are; once it is back the same URLs answer 200 with full
// content within 30 s, from the same tpportal process (no restart). The server's log does not grow per
// request while the database is away: the outage is logged once, then counted, and the count is logged
// when it is over (besides the one access record per request).
//
// Needs TP_STACK and STACK_DIR (tools/stack test sets both); skipped otherwise. It runs last and
// alone: its name sorts last, and before stopping the database it waits until every other test file
// has finished. MariaDB is started again in an after hook, whatever happened.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import {
	L, data, get, rawRequest, sleep, mapLimit, loadRoutes, h1s, text, definitions, memberRows,
	assertErrorPage, assertRouteAnswer, assertSecurityHeaders, waitForOtherTestFiles, routeKind,
	publicAttachment, logOffset, logSince, waitForLog, ACCESS_RECORD,
} from './lib.mjs';

const STACK = process.env.TP_STACK;
const STACK_DIR = process.env.STACK_DIR;
const SKIP = STACK ? false
    : 'TP_STACK is not set: the outage test stops and starts MariaDB through tools/stack, so it runs only under `tools/stack test`';
const RECOVERY_MS = 30_000;

// The URLs the brief names, then every other readable sample. /files/{id}'s sample names no file; it
// is walked with an attachment a reader may download when the database has one (looked up in the
// before hook, while the database is up), else left out and said so.
const NAMED = ['/', '/members/gyeonggi', '/healthz'];
const READABLE_ROUTES = loadRoutes().filter((r) => r.methods.includes('GET') && ['public', 'open'].includes(r.access));
const URLS = [...new Set([...NAMED, ...READABLE_ROUTES.filter((r) => !r.sample.includes('{')).map((r) => r.sample)])];
const PATTERN_OF = new Map(READABLE_ROUTES.filter((r) => !r.sample.includes('{')).map((r) => [r.sample, r.pattern]));
let FILE = null;

/** Run `tools/stack <cmd>` for this instance; resolves with its output, rejects with it. */
function stack(cmd) {
	return new Promise((resolve, reject) => {
		execFile(STACK, [cmd], { env: { ...process.env, STACK_DIR }, timeout: 120_000 }, (err, stdout, stderr) => {
			if (err)
				reject(new Error(`${STACK} ${cmd}: ${err.message}\n${stdout}${stderr}`));
			else
				resolve(stdout + stderr);
		});
	});
}

/** The pids of this instance's tpportal processes (comm tpportal, the instance folder on the command line). */
function portalPids() {
	const pids = [];
	for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
		try {
			if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() !== 'tpportal')
				continue;
			if (readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' ').includes(STACK_DIR.replace(/\/+$/, '')))
				pids.push(Number(d));
		} catch {
			/* gone meanwhile */
		}
	}
	return pids.sort((a, b) => a - b);
}

/** The full content of a URL, as the database has it (throws when anything is missing). */
function assertFullContent(path, res) {
	assert.equal(res.status, 200, `GET ${path}: status`);
	const pattern = PATTERN_OF.get(path) ?? (FILE && path === `/files/${FILE.id}` ? '/files/{id}' : null);
	assert.ok(pattern !== null, `${path}: no route pattern known for this URL`);
	if (routeKind(pattern).kind !== 'html') {
		/* its own type and a complete document of it (the .ics, .atom and .csv come from the database) */
		assertRouteAnswer(res, pattern, `GET ${path}`, { file: FILE ?? undefined });
		return;
	}
	const html = assertRouteAnswer(res, pattern, `GET ${path}`);
	if (path === '/') {
		for (const t of data.technoparks)
			assert.ok(html.includes(`href="/members/${t.slug}"`), `GET /: no ${t.name_ko}`);
		assert.equal(h1s(html)[0], L['home.heading']);
	} else if (path === '/members/gyeonggi') {
		const t = data.tpBySlug.get('gyeonggi');
		assert.equal(h1s(html)[0], t.name_ko);
		assert.ok(definitions(html, 'facts').length > 0, 'GET /members/gyeonggi: no facts');
		for (const e of t.events)
			assert.ok(text(html).includes(e.description), 'GET /members/gyeonggi: an activity is missing');
	} else if (path.startsWith('/members?')) {
		assert.ok(memberRows(html).length > 0, `GET ${path}: no members`);
	}
}

// Each test carries the skip (not the suite), so that the runner's summary counts them as skipped.
const T = { skip: SKIP };

describe('database outage and recovery', { concurrency: 1 }, () => {
	let pidsBefore;
	let stopped = false;
	let logAtStop = 0;	/* the server log's size when the database stopped */
	let answered503 = 0;	/* requests sent while it was away */

	before(async () => {
		if (SKIP)
			return;
		assert.ok(STACK_DIR, 'TP_STACK is set but STACK_DIR is not: refusing to stop some other instance\'s MariaDB');
		const waited = await waitForOtherTestFiles();
		if (waited > 0)
			console.log(`# waited ${waited} ms for the other test files to finish`);
		pidsBefore = portalPids();
		FILE = publicAttachment();
		if (FILE !== null)
			URLS.push(`/files/${FILE.id}`);
		else
			console.log('# /files/{id} left out: no attachment of a listed article in the database (news_admin.test.mjs checks downloads)');
	});

	after(async () => {
		if (stopped)
			await stack('db-start');	/* even when a test failed; a failure here fails the file */
	});

	test('before: every URL answers 200 with full content; tpportal runs', T, async () => {
		assert.ok(pidsBefore.length > 0, `no tpportal process with ${STACK_DIR} on its command line`);
		for (const path of URLS)
			assertFullContent(path, await get(path));
	});

	test('MariaDB stops (tools/stack db-stop)', T, async () => {
		/* every worker has just used its connection (none is idle, so none pings first): a page that
		 * asks the database nothing but the footer's snapshot must still find it away (it was a 200) */
		await mapLimit(Array.from({ length: 16 }, () => '/password/forgot'), 8, (path) => get(path, { retry: false }));
		stopped = true;
		logAtStop = logOffset();
		await stack('db-stop');
	});

	test('while it is away: 503, the Korean 503 page, Retry-After; never 200', T, async () => {
		// Several rounds, several at a time, so that every worker thread (each has its own connection) answers.
		const jobs = Array.from({ length: 4 }, () => URLS).flat();
		answered503 += jobs.length;
		const seen = await mapLimit(jobs, 8, async (path) => {
			const res = await get(path, { retry: false, timeoutMs: 30_000 });
			return { path, res };
		});
		for (const { path, res } of seen) {
			assert.notEqual(res.status, 200, `GET ${path}: 200 while the database is down`);
			const html = assertErrorPage(res, 503, `GET ${path}`, { footerAddress: false });
			const ra = res.headers.get('retry-after');
			assert.match(ra ?? '', /^[1-9]\d*$/, `GET ${path}: Retry-After ${JSON.stringify(ra)}`);
			// None of the page's data leaked into the error page.
			if (path === '/members/gyeonggi')
				assert.ok(!html.includes(data.tpBySlug.get('gyeonggi').name_ko), 'the 503 page shows member data');
			if (path === '/')
				assert.ok(!html.includes('href="/members/'), 'the 503 page lists members');
		}
	});

	test('while it is away: 404, 405 and 400 answer as they do with it, footer and all (no database round trip)', T, async () => {
		// The dispatcher answers these before it needs the database, and the layout's data (the association's
		// name and address) comes from the snapshot the portal read while the database was up.
		const cases = [
			['GET', '/no-such-page', 404], ['GET', '/members/no-such-technopark/x', 404],
			['POST', '/members', 405], ['GET', '/members?region=%ZZ', 400],
		];
		for (let round = 0; round < 4; round++) {	/* every worker thread */
			await Promise.all(cases.map(async ([method, path, status]) => {
				const res = method === 'GET' ? await get(path, { retry: false, timeoutMs: 10_000 })
				    : await rawRequest(method, path);
				const what = `${method} ${path} with the database away`;
				if (method === 'GET')
					assertErrorPage(res, status, what);
				else
					assert.equal(res.status, status, what);
			}));
		}
	});

	test('while it is away: HEAD is 503 without a body', T, async () => {
		answered503 += NAMED.length;
		for (const path of NAMED) {
			const res = await rawRequest('HEAD', path);
			assert.equal(res.status, 503, `HEAD ${path}`);
			assert.equal(res.body.length, 0, `HEAD ${path}: body on the wire`);
			assertSecurityHeaders({ headers: res.headers }, `HEAD ${path}`);
			assert.ok(res.headers['retry-after'], `HEAD ${path}: no Retry-After`);
		}
	});

	test('while it is away: the log does not grow per request (one access record each, the outage once)', T, async () => {
		const threads = Number(/^threads\s*=\s*(\d+)/m.exec(readFileSync(`${STACK_DIR}/tpportal.conf`, 'utf8'))?.[1] ?? 4);
		const lines = logSince(logAtStop);
		const other = lines.filter((l) => !ACCESS_RECORD.test(l));
		const access = lines.length - other.length;
		assert.ok(access >= answered503, `${access} access records for ${answered503} requests`);
		// Per worker connection "connection lost" once, the outage once; a summary every 10 s or more.
		const bound = 2 * threads + 4;
		assert.ok(other.length <= bound,
		    `${other.length} records besides the access records for ${answered503} requests (at most ${bound}):\n` +
		    other.slice(0, 12).join('\n'));
		assert.ok(other.some((l) => /database unreachable: .*answering 503/.test(l)), `the outage is not logged:\n${other.join('\n')}`);
	});

	test('MariaDB starts again (tools/stack db-start)', T, async () => {
		await stack('db-start');
		stopped = false;
	});

	test(`within ${RECOVERY_MS / 1000} s every URL answers 200 with full content, from the same tpportal`, T, async () => {
		const started = Date.now();
		let last = '';
		for (;;) {
			const results = await Promise.all(URLS.map(async (path) => {
				try {
					assertFullContent(path, await get(path, { retry: false, timeoutMs: 10_000 }));
					return null;
				} catch (e) {
					return `${path}: ${e.message.split('\n')[0]}`;
				}
			}));
			const bad = results.filter(Boolean);
			if (bad.length === 0)
				break;
			last = bad.join('; ');
			assert.ok(Date.now() - started < RECOVERY_MS, `not recovered after ${RECOVERY_MS / 1000} s: ${last}`);
			await sleep(500);
		}
		// Every worker thread has reconnected: a burst, all of it complete.
		const burst = await mapLimit(Array.from({ length: 6 }, () => URLS).flat(), 16, async (path) => {
			try {
				assertFullContent(path, await get(path, { retry: false, timeoutMs: 10_000 }));
				return null;
			} catch (e) {
				return `${path}: ${e.message.split('\n')[0]}`;
			}
		});
		assert.deepEqual(burst.filter(Boolean), [], 'after recovery, some requests still failed');
		assert.deepEqual(portalPids(), pidsBefore, 'tpportal was restarted (its pids changed)');
	});

	test('once it is back, the log says how long the outage lasted and how many requests it answered 503', T, async () => {
		const m = await waitForLog(logAtStop, /database unreachable: over after (\d+) s; ([\d,]+) requests answered 503 in all/, 'after the outage');
		const threads = Number(/^threads\s*=\s*(\d+)/m.exec(readFileSync(`${STACK_DIR}/tpportal.conf`, 'utf8'))?.[1] ?? 4);
		// each worker's first request after the stop may fail on its lost connection before a reconnect is tried
		const counted = Number(m[2].replace(/,/g, ''));
		assert.ok(counted >= answered503 - threads, `${counted} requests counted, ${answered503} were sent while the database was away`);
	});
});
