// failover.mjs - the test of tools/cluster (run by `tools/cluster test`, docs/ha.md): readers and signed-in
// writers through nginx while, one after the other, a database node and a portal process are killed with
// SIGKILL and started again. A writer whose save gets no answer or a 5xx sends the same form again, as a
// person would (the form's one-time key makes that safe). Then it checks, on every database node:
//   - every acknowledged save (a 303) is there exactly once: 0 lost, 0 duplicated;
//   - the pages answered 200 again within 5 s of each kill;
//   - a writer's session went on working on the other portal (sessions live in the database);
//   - the node that was killed and rejoined holds the same rows as the others (CHECKSUM TABLE of every
//     replicated table on every node);
//   - every node's own search index finds every acknowledged article.
// Prints the figures and exits 1 on any failure.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomInt } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = process.env.TP_BASE_URL;
const CLUSTER = `${ROOT}/tools/cluster`;
const { DEMO, Session, formOf, withChanges } = await import(`${ROOT}/tests/integration/lib_accounts.mjs`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const now = () => (Date.now() - t0) / 1000;
const RUN = `장애${randomInt(1e6)}`;
const word = (n = 6) => Array.from({ length: n }, () => String.fromCodePoint(0xAC00 + randomInt(11172))).join('');
const failures = [];
const fail = (msg) => { failures.push(msg); console.log(`FAIL ${msg}`); };

/* tools/cluster kill|start, without stopping the load meanwhile (a node's start waits until it is Synced) */
async function cluster(...args) {
	try {
		return (await promisify(execFile)(CLUSTER, args, { encoding: 'utf8', env: process.env, timeout: 300_000 })).stdout;
	} catch (e) {
		throw new Error(`tools/cluster ${args.join(' ')}: ${e.stderr || e.message}`);
	}
}
/** Rows of a query on node n, as arrays of strings (batch output without its header). */
function onNode(n, statement) {
	const r = spawnSync(CLUSTER, ['sql', statement], { encoding: 'utf8', env: { ...process.env, NODE: String(n) }, timeout: 60_000 });
	if (r.status !== 0)
		throw new Error(`node ${n}: ${statement}: ${r.stderr}`);
	return r.stdout.trim().split('\n').slice(1).filter((l) => l !== '').map((l) => l.split('\t'));
}
const lit = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/* ---- the load ---- */
const PAGES = ['/', '/members', '/news', '/members/chungnam', '/committees'];
const answers = [];	/* [seconds, status] of every reader request */
let running = true;

async function reader() {
	while (running) {
		const path = PAGES[randomInt(PAGES.length)];
		let status = 0;
		try {
			const res = await fetch(BASE + path, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
			await res.arrayBuffer();
			status = res.status;
		} catch {
			status = 0;
		}
		answers.push([now(), status]);
		await sleep(20);
	}
}

const acked = [];	/* markers of saves answered 303 */
const saveLog = [];	/* [seconds, status] of every save attempt */
const writersAfter = new Map();	/* writer -> the last second a save of it was acknowledged */

async function writer(i, login) {
	const s = await Session.signIn(login);
	while (running) {
		const page = await s.get('/admin/news/new').catch(() => null);
		if (!page || page.status !== 200) {
			await sleep(300);
			continue;
		}
		const marker = word();
		const fields = withChanges(formOf(page.body, '/admin/news').fields, {
			title: `${RUN} ${marker}`, state: 'published', pinned_until: '', body: `장애 시험 기사 ${marker}.`,
		});
		/* the same form again until it is answered: a person pressing 저장 again after an error page */
		for (let attempt = 0; attempt < 20; attempt++) {
			let status = 0;
			try {
				status = (await s.post('/admin/news', fields, { signal: AbortSignal.timeout(15_000) })).status;
			} catch {
				status = 0;
			}
			saveLog.push([now(), status]);
			if (status === 303) {
				acked.push(marker);
				writersAfter.set(i, now());
				break;
			}
			/* 429: busy (the save's retries ran out), the form kept: a person sends it again */
			if (status !== 0 && status < 500 && status !== 429) {
				fail(`writer ${i}: a save answered ${status}`);
				break;
			}
			await sleep(500);
		}
	}
}

/* ---- the events ---- */
const events = [];
/* each event `after` seconds after the previous one ended (a node's start waits until it is Synced and
 * its index is rebuilt, which takes longer on a loaded machine) */
let last = 0;
async function event(after, what, ...args) {
	while (now() < last + after)
		await sleep(50);
	const t = now();
	console.log(`${t.toFixed(1)} s: tools/cluster ${what} ${args.join(' ')}`);
	await cluster(what, ...args);
	last = now();
	events.push({ t, what: `${what} ${args.join(' ')}`, done: last });
}

const readers = Array.from({ length: 4 }, () => reader());
const logins = [DEMO.secretariat.login, DEMO.chungnam.login, DEMO.busan.login, DEMO.secretariat.login];
const writers = logins.map((l, i) => writer(i, l));

/* node1 is the node every portal uses first: its loss moves them all to node2, whose loss then moves
 * them to node3; each killed node rejoins while the others take the load */
await event(5, 'kill', 'node1');
await event(8, 'kill', 'portal1');
await event(6, 'start', 'portal1');
await event(4, 'start', 'node1');
await event(6, 'kill', 'node2');
await event(6, 'start', 'node2');
while (now() < last + 6)
	await sleep(100);
running = false;
await Promise.all([...readers, ...writers]);

/* ---- availability: after each event, how long until the pages answer 200 again ---- */
console.log(`\nreader requests: ${answers.length}; by status: ${JSON.stringify(countBy(answers.map((a) => a[1])))}`);
console.log(`save attempts: ${saveLog.length}; by status: ${JSON.stringify(countBy(saveLog.map((a) => a[1])))}; acknowledged ${acked.length}`);
for (const [k, e] of events.entries()) {
	/* the answers between this event and the next (the end of the load for the last) */
	const until = k + 1 < events.length ? events[k + 1].t : Infinity;
	const window = answers.filter(([t]) => t >= e.t && t < until);
	let lastBad = e.t;
	for (const [t, s] of window)
		if (s !== 200)
			lastBad = t;
	const gap = lastBad - e.t;
	const bad = window.filter(([, s]) => s !== 200).length;
	console.log(`${e.what} (took ${(e.done - e.t).toFixed(1)} s): ${bad} of ${window.length} page answers not 200, ` +
	    `the last ${gap.toFixed(2)} s after it`);
	if (gap > 5)
		fail(`${e.what}: pages not back to 200 within 5 s (${gap.toFixed(2)} s)`);
}
function countBy(list) {
	const m = {};
	for (const v of list)
		m[v] = (m[v] ?? 0) + 1;
	return m;
}

/* ---- sessions: every writer saved after the portal it used was killed ---- */
const portalKill = events.find((e) => e.what.startsWith('kill portal1'));
for (const [i, t] of writersAfter)
	if (portalKill && t < portalKill.t)
		fail(`writer ${i} saved nothing after portal1 was killed`);

/* ---- every node synced, then the data ---- */
for (let n = 1; n <= 3; n++) {
	for (let k = 0; k < 600; k++) {
		const st = onNode(n, "SHOW STATUS LIKE 'wsrep_local_state_comment'")[0]?.[1];
		if (st === 'Synced')
			break;
		await sleep(100);
	}
}
/* the rows of this run on each node */
const titles = (n) => onNode(n, `SELECT title FROM news_articles WHERE title LIKE ${lit(`${RUN} %`)}`).map((r) => r[0].slice(RUN.length + 1));
for (let n = 1; n <= 3; n++) {
	const list = titles(n);
	const have = new Set(list);
	const lost = acked.filter((m) => !have.has(m)).length;
	const dups = list.length - have.size;
	console.log(`node ${n}: ${list.length} articles of this run, lost ${lost}, duplicated ${dups}`);
	if (lost)
		fail(`node ${n}: ${lost} acknowledged saves lost`);
	if (dups)
		fail(`node ${n}: ${dups} saves duplicated`);
}

/* every node's search index finds every acknowledged article: how long after the load it takes (at most 120 s) */
const loadEnd = now();
for (let n = 1; n <= 3; n++) {
	let missing = [];
	for (;;) {
		const found = new Set(onNode(n, `SELECT title FROM search_docs WHERE kind = 'news' AND title LIKE ${lit(`${RUN} %`)}`).map((r) => r[0].slice(RUN.length + 1)));
		missing = acked.filter((m) => !found.has(m));
		if (missing.length === 0 || now() - loadEnd > 120)
			break;
		await sleep(250);
	}
	console.log(`node ${n}: search index misses ${missing.length} of ${acked.length} acknowledged articles ` +
	    `(${(now() - loadEnd).toFixed(1)} s after the load)`);
	if (missing.length)
		fail(`node ${n}: the search index misses ${missing.length} articles`);
}

/* replicated tables (InnoDB) equal on every node; the search index and its marks are each node's own */
/* the replicated tables (InnoDB) equal on every node: the portals are stopped first (their mail workers
 * would go on sending the notices of every article, writing the outbox), then compared at a moment when every
 * node had applied the same write-sets and none came in while the checksums were taken */
await cluster('kill', 'portal1');
await cluster('kill', 'portal2');
const tables = onNode(1, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND engine = 'InnoDB' ORDER BY table_name").map((r) => r[0]);
const seqs = () => [1, 2, 3].map((n) => onNode(n, "SHOW STATUS LIKE 'wsrep_last_committed'")[0]?.[1]);
let sums = null;
for (let k = 0; k < 120 && sums === null; k++) {
	const before = seqs();
	const taken = [1, 2, 3].map((n) => new Map(onNode(n, `CHECKSUM TABLE ${tables.join(', ')}`).map(([t, c]) => [t, c])));
	const after = seqs();
	if (before.every((v) => v === before[0]) && after.every((v, i) => v === before[i]))
		sums = taken;
	else
		await sleep(500);
}
if (sums === null)
	fail('the nodes never stood still long enough to compare their tables (60 s)');
let unequal = 0;
for (const t of sums ? sums[0].keys() : [])
	if (sums[1].get(t) !== sums[0].get(t) || sums[2].get(t) !== sums[0].get(t)) {
		unequal++;
		fail(`table ${t}: checksums differ between nodes (${sums.map((m) => m.get(t)).join(' / ')})`);
	}
if (sums !== null)
	console.log(`${tables.length} replicated tables compared on 3 nodes: ${unequal} unequal`);

console.log(failures.length ? `\ncluster test: ${failures.length} failed` : '\ncluster test: passed');
process.exit(failures.length ? 1 : 0);
