// search_lib.mjs - helpers of the search tests (search_*.test.mjs): reading the /search page, walking its
// pages, the expected results from a LIKE scan over the indexed text (never from the page under test), and
// running `tpportal-admin reindex`.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { get, element, decode, links, sleep } from './lib.mjs';
import { sql, sqlNumber, lit } from './lib_accounts.mjs';

/** Marked text as the reader reads it: the <mark> tags dropped (not replaced by spaces), entities decoded. */
const plain = (html) => decode(html.replace(/<\/?mark>/g, ''));

/**
 * The result list of a /search page: [{ ref: 'kind/id', kind, id, href, title and snippet (text),
 * titleHtml, snippetHtml, marks (the marked texts) }].
 */
export function resultsOf(html) {
	const ol = element(html, 'ol', /class="results"/);
	if (ol === null)
		return [];
	return [...ol.matchAll(/<li data-ref="(\w+)\/(\d+)">([\s\S]*?)<\/li>/g)].map((m) => {
		const h2 = /<h2>([\s\S]*?)<\/h2>/.exec(m[3])?.[1] ?? '';
		const a = /<a href="([^"]*)">([\s\S]*?)<\/a>/.exec(h2);
		const snippetHtml = /<p class="snippet">([\s\S]*?)<\/p>/.exec(m[3])?.[1] ?? '';
		return {
			ref: `${m[1]}/${m[2]}`, kind: m[1], id: Number(m[2]), html: m[3],
			href: a ? decode(a[1]) : null, titleHtml: a ? a[2] : '', title: a ? plain(a[2]) : '',
			snippetHtml, snippet: plain(snippetHtml), marks: [...`${a ? a[2] : ''} ${snippetHtml}`.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((x) => decode(x[1])),
		};
	});
}

/** The /search URL for q (and type, page). */
export function searchUrl(q, { type, page } = {}) {
	let u = `/search?q=${encodeURIComponent(q)}`;
	if (type)
		u += `&type=${encodeURIComponent(type)}`;
	if (page)
		u += `&page=${page}`;
	return u;
}

/** Fetch the search for q and follow rel="next" to the end: { pages: [{ path, res }], results }. */
/** GET a search page; a busy 503 of admission control (max_search, Retry-After: 2) is asked again, as a reader would. */
async function getSearch(path) {
	let res = await get(path);
	for (let i = 0; i < 40 && res.status === 503 && res.headers.get('retry-after') === '2'; i++) {
		await sleep(50 + Math.floor(Math.random() * 100));
		res = await get(path);
	}
	return res;
}

export async function searchAll(q, { type, maxPages = 60 } = {}) {
	const pages = [];
	let next = searchUrl(q, { type });
	while (next !== null) {
		assert.ok(pages.length < maxPages, `${q}: more than ${maxPages} pages`);
		const res = await getSearch(next);
		assert.equal(res.status, 200, `GET ${next}: status ${res.status}`);
		pages.push({ path: next, res });
		const n = links(res.body).find((l) => l.rel === 'next');
		next = n ? n.href : null;
	}
	return { pages, results: pages.flatMap((p) => resultsOf(p.res.body)) };
}

/** A LIKE pattern (without the % around it) that matches s literally. */
export const likeEscape = (s) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The spaced forms the search accepts for a word (search_query.h): none under 4 or over 20 characters. */
export function spacedForms(word) {
	const chars = [...word];
	const out = [word];
	if (chars.length >= 4 && chars.length <= 20)
		for (let k = 2; k + 2 <= chars.length; k++)
			out.push(`${chars.slice(0, k).join('')} ${chars.slice(k).join('')}`);
	return out;
}

/**
 * The index entries ("kind/id") whose title or body contains every word (in one of its spaced
 * forms), by a LIKE scan of the indexed text in the database (its collation, as the index's normalizer),
 * as a reader signed out finds them (no signed-in-only library document).
 */
export function expectedRefs(words, type) {
	const cond = words.map((w) => '(' + spacedForms(w).map((f) => {
		const p = lit(`%${likeEscape(f)}%`);
		return `title LIKE ${p} OR body LIKE ${p}`;
	}).join(' OR ') + ')').join(' AND ');
	const rows = sql(`SELECT kind, ref_id FROM search_docs WHERE signed_in_only = 0 AND ${cond}${type ? ` AND kind = ${lit(type)}` : ''}`);
	return new Set(rows.map((r) => `${r.kind}/${r.ref_id}`));
}

/** How long after a save its record must be searchable: the indexer applies the queue within this. */
export const INDEX_WITHIN_MS = 1000;

/**
 * Wait until the indexer has applied every queued record (search_queue is empty; it deletes a row in the
 * transaction that indexes it), for at most INDEX_WITHIN_MS, and fail when it has not. Call it right
 * after a save: what /search answers afterwards is the index with that save in it.
 */
export async function indexed(what = 'the queued records') {
	const t0 = Date.now();
	for (;;) {
		const left = sqlNumber('SELECT COUNT(*) AS n FROM search_queue');
		if (left === 0)
			return Date.now() - t0;
		assert.ok(Date.now() - t0 < INDEX_WITHIN_MS, `${what}: ${left} still queued for the index after ${INDEX_WITHIN_MS} ms`);
		await sleep(20);
	}
}

/** The refs of a result list as a sorted array (for deepEqual with a readable diff). */
export const sortedRefs = (xs) => [...xs].map((r) => (typeof r === 'string' ? r : r.ref)).sort();

/** The admin tool and the instance's configuration, when the stack tells where they are. */
export function adminTool() {
	const bin = process.env.TP_BUILD_DIR ? `${process.env.TP_BUILD_DIR}/src/tpportal-admin` : null;
	const conf = process.env.STACK_DIR ? `${process.env.STACK_DIR}/tpportal.conf` : null;
	return bin && conf && existsSync(bin) && existsSync(conf) ? { bin, conf } : null;
}

/** Run `tpportal-admin reindex ARGS` to the end; returns { stdout, stderr } (the progress is on stderr). */
export function reindex(args = []) {
	const t = adminTool();
	assert.ok(t, 'reindex needs TP_BUILD_DIR and STACK_DIR (tools/stack test sets both)');
	const r = spawnSync(t.bin, ['-c', t.conf, 'reindex', ...args], { encoding: 'utf8', timeout: 300_000 });
	assert.equal(r.status, 0, `tpportal-admin reindex: status ${r.status}\n${r.stderr}${r.stdout}`);
	return { stdout: r.stdout, stderr: r.stderr };
}
