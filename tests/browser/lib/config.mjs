// config.mjs - where the portal under test runs, its route table, and the list of pages the gates check.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.resolve(HERE, '..', '..');
export const BASE_URL = (process.env.TP_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const BUILD_DIR = path.resolve(process.env.TP_BUILD_DIR || path.join(REPO, 'var', 'build-up'));
export const SCREENSHOT_DIR = path.join(REPO, 'docs', 'screenshots');

// GET routes that are not HTML pages: checked for their content type instead of by axe and vnu.
// A route lands here only by a deliberate edit, so a new page cannot slip past the gates.
export const NON_HTML_ROUTES = new Map([['/healthz', 'text/plain'], ['/committees.ics', 'text/calendar'],
	['/committees/{slug}/calendar.ics', 'text/calendar'], ['/news.atom', 'application/atom+xml'],
	['/files/{id}', 'application/'], ['/stats.csv', 'text/csv'],
	// the directory's exports (issue 19): signed-in users only
	['/people.csv', 'text/csv'], ['/people.vcf', 'text/vcard'], ['/members.csv', 'text/csv'],
	['/members/{slug}/people.vcf', 'text/vcard'],
	// the library's feed (issue 19)
	['/library.atom', 'application/atom+xml']]);

/** The route table as `tpportal --list-routes` prints it: [{methods, pattern, access, sample}]. */
export function listRoutes() {
	const bin = path.join(BUILD_DIR, 'src', 'tpportal');
	if (!existsSync(bin))
		throw new Error(`no server binary at ${bin}: set TP_BUILD_DIR to the build folder of the server under test`);
	const out = execFileSync(bin, ['--list-routes'], { encoding: 'utf8', timeout: 10_000 });
	const routes = out.split('\n').filter((l) => l.trim() !== '').map((line) => {
		const f = line.split('\t');
		if (f.length !== 4)
			throw new Error(`--list-routes: expected 4 tab-separated fields, got ${f.length}: ${JSON.stringify(line)}`);
		return { methods: f[0].split(','), pattern: f[1], access: f[2], sample: f[3] };
	});
	if (routes.length === 0)
		throw new Error('--list-routes printed no routes');
	return routes;
}

/** The GET route pattern that path (query ignored) matches, or null; same segment rules as src/app/routes.c. */
export function routeFor(routes, urlPath) {
	const p = urlPath.split('?')[0];
	for (const r of routes.filter((x) => x.methods.includes('GET'))) {
		const re = new RegExp('^' + r.pattern.split('/').map((seg) => {
			if (seg === '{slug}')
				return '[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?';
			if (seg === '{id}')
				return '[1-9][0-9]{0,8}';
			return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		}).join('/') + '$');
		if (re.test(p))
			return r.pattern;
	}
	return null;
}

/** fetch with a bounded retry while the server restarts (network error, 502, 504). */
export async function fetchRetry(url, opts = {}, tries = 20) {
	let last;
	for (let i = 0; i < tries; i++) {
		try {
			const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000), ...opts });
			if (res.status !== 502 && res.status !== 504)
				return res;
			last = new Error(`${url}: HTTP ${res.status}`);
		} catch (e) {
			last = e;
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`${url} did not answer after ${tries} tries: ${last && last.message}`);
}

/** Visible demo people from sql/demo/001_demo_people.sql: [{name, visible}]. */
export function demoPeople() {
	const sql = readFileSync(path.join(REPO, 'sql', 'demo', '001_demo_people.sql'), 'utf8');
	const people = [];
	// Each row: (tp, 'name', 'title', 'dept', 'phone', 'email', 'note', sort, visible, is_demo, source)
	const re = /\((?:NULL|\(SELECT[^)]*\)), '([^']+)', '[^']*', '[^']*', '[^']*', '[^']*', '[^']*', \d+, ([01]), 1,/g;
	for (const m of sql.matchAll(re))
		people.push({ name: m[1], visible: m[2] === '1' });
	if (people.length === 0)
		throw new Error('found no people in sql/demo/001_demo_people.sql (did its row format change?)');
	return people;
}

/**
 * The pages every gate checks: each GET route's sample URL, then representative extras (several
 * member profiles, filters, paging, empty results, error pages). Member slugs come from the live
 * /members page, so the list follows the data. Routes behind a login are checked signed in as a role
 * that may use them (sessions: Map(role -> {cookie})); a sample with a placeholder ("/admin/people/{person}")
 * becomes the first link of that route found on the pages already listed for the same role.
 * roleOf(route) gives null (anonymous), a role, or undefined (no login for it).
 * Returns {pages: [{url, route, status, why, role}], unresolved: [reason]}.
 */
export async function gatePages(routes, roleOf, sessions) {
	const pages = [];
	const unresolved = [];
	const deferred = [];
	const add = (url, status, why, role = null) => {
		if (!pages.some((p) => p.url === url && p.role === role))
			pages.push({ url, route: routeFor(routes, url), status, why, role });
	};
	for (const r of routes) {
		if (!r.methods.includes('GET') || NON_HTML_ROUTES.has(r.pattern))
			continue;
		const role = roleOf(r);
		if (role === undefined) {
			unresolved.push(`${r.pattern} (access ${r.access}): no login for a role that may use it ` +
				'(TP_LOGINS or $STACK_DIR/demo-logins, see docs/quality.md)');
			continue;
		}
		if (role !== null && !sessions.has(role)) {
			unresolved.push(`${r.pattern} (access ${r.access}): could not sign in as ${role}`);
			continue;
		}
		if (r.sample.includes('{'))
			deferred.push({ r, role });
		else
			add(r.sample, 200, `sample of ${r.pattern}`, role);
	}
	const html = await (await fetchRetry(BASE_URL + '/members')).text();
	const slugs = [...new Set([...html.matchAll(/href="\/members\/([a-z0-9-]+)"/g)].map((m) => m[1]))];
	if (slugs.length < 3)
		throw new Error(`/members links to ${slugs.length} member profiles; the gates need at least 3`);
	// First, middle and last of the list, and one with a hyphen in its slug if there is one.
	const pick = [slugs[0], slugs[Math.floor(slugs.length / 2)], slugs[slugs.length - 1], slugs.find((s) => s.includes('-'))];
	for (const s of pick.filter(Boolean))
		add(`/members/${s}`, 200, 'member profile');
	add('/members', 200, 'member directory, no filter');
	const industrySelect = html.match(/<select[^>]*name="industry"[^>]*>([\s\S]*?)<\/select>/);
	const industry = industrySelect && (industrySelect[1].match(/<option value="([a-z0-9-]+)"/) || [])[1];
	if (industry)
		add(`/members?industry=${industry}&sort=name`, 200, 'member directory, industry filter');
	add('/people', 200, 'people directory, no query');
	add('/people?q=' + encodeURIComponent('데모') + '&page=2', 200, 'people directory, second page');
	add('/people?q=' + encodeURIComponent('없는사람없는사람'), 200, 'people directory, nothing found');
	add('/members/unknown-slug', 404, 'error page: unknown member');
	add('/no-such-page', 404, 'error page: unknown path');
	add('/members?sort=bogus', 400, 'error page: parameter refused');

	// Placeholders: a link of the route on a page the same role sees.
	const seen = new Map();
	for (const { r, role } of deferred) {
		let found = null;
		for (const p of pages.filter((x) => x.role === role && x.status === 200)) {
			if (!seen.has(p)) {
				const headers = role ? { cookie: sessions.get(role).cookie } : {};
				seen.set(p, await (await fetchRetry(BASE_URL + p.url, { headers })).text());
			}
			for (const m of seen.get(p).matchAll(/href="(\/[^"?#]*)"/g))
				if (routeFor(routes, m[1]) === r.pattern) {
					found = m[1];
					break;
				}
			if (found)
				break;
		}
		if (found)
			add(found, 200, `${r.pattern}, linked from a page`, role);
		else
			unresolved.push(`${r.pattern} (access ${r.access}): its sample ${r.sample} has a placeholder, and no checked page links to such a URL`);
	}
	return { pages, unresolved };
}

/**
 * A URL of route `pattern` that one of the pages at startUrls links to (href="/..."), or, failing that,
 * one of the first `limit` pages of route `follow` that they link to; null when none does. For a sample
 * URL with a placeholder (/files/{file}): the record is one the data decides, found as a reader finds it.
 */
export async function linkedUrl(routes, pattern, startUrls, { follow = null, headers = {}, limit = 10 } = {}) {
	const hrefs = async (url) => {
		const res = await fetchRetry(BASE_URL + url, { headers });
		const text = await res.text();
		return res.status === 200 ? [...new Set([...text.matchAll(/href="(\/[^"?#]*)"/g)].map((m) => m[1]))] : [];
	};
	const next = [];
	for (const url of startUrls) {
		const links = await hrefs(url);
		const hit = links.find((h) => routeFor(routes, h) === pattern);
		if (hit)
			return hit;
		if (follow)
			next.push(...links.filter((h) => routeFor(routes, h) === follow));
	}
	for (const url of [...new Set(next)].slice(0, limit)) {
		const hit = (await hrefs(url)).find((h) => routeFor(routes, h) === pattern);
		if (hit)
			return hit;
	}
	return null;
}
