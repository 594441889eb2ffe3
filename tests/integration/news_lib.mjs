// news_lib.mjs - helpers of the news tests (news_*.test.mjs): the articles as the SQL files load them
// (sql/003_news.sql's categories, sql/seed/004_news.sql, sql/demo/002_demo_news.sql) and a model of the list
// query over them; readers for the list, article and admin pages; Atom feeds parsed by a real XML parser
// (python3's xml.etree); multipart posts with a signed-in session; small files of each allowed type.
//
// Expectations come from sql/ (or from the database, for rows a test made), never from the page under test.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { ROOT, BASE, L, data, request, text, decode } from './lib.mjs';

/* ---------------------------------------------------------------- the SQL files */

/** Split SQL into statements without comments (string literals kept). */
function statements(sql) {
	const out = [];
	let cur = '';
	for (let i = 0; i < sql.length; i++) {
		const c = sql[i];
		if (c === "'") {
			let j = i + 1;
			while (!(sql[j] === "'" && sql[j + 1] !== "'")) {
				j += sql[j] === '\\' || (sql[j] === "'" && sql[j + 1] === "'") ? 2 : 1;
				assert.ok(j < sql.length, 'unterminated string in SQL');
			}
			cur += sql.slice(i, j + 1);
			i = j;
		} else if (c === '-' && sql[i + 1] === '-') {
			while (i < sql.length && sql[i] !== '\n')
				i++;
		} else if (c === ';') {
			if (cur.trim())
				out.push(cur.trim());
			cur = '';
		} else {
			cur += c;
		}
	}
	if (cur.trim())
		out.push(cur.trim());
	return out;
}

/** The rows of an INSERT ... VALUES as objects; (SELECT id FROM t WHERE slug = 'x') becomes { ref: t, slug: x }. */
function insertRows(st) {
	const m = /^INSERT INTO (\w+) \(([^)]*)\)\s*VALUES\s*([\s\S]*)$/i.exec(st);
	assert.ok(m, `an INSERT these tests do not understand: ${st.slice(0, 100)}`);
	const cols = m[2].split(',').map((c) => c.trim());
	const s = m[3];
	const rows = [];
	let i = 0;
	const ws = () => { while (/\s/.test(s[i] ?? '')) i++; };
	const value = () => {
		ws();
		if (s[i] === "'") {
			let v = '';
			for (i++; !(s[i] === "'" && s[i + 1] !== "'"); i++) {
				if (s[i] === "'" || s[i] === '\\') {
					v += s[i] === '\\' ? ({ n: '\n', t: '\t' }[s[i + 1]] ?? s[i + 1]) : "'";
					i++;
				} else
					v += s[i];
			}
			i++;
			return v;
		}
		const sub = /^\(SELECT id FROM (\w+) WHERE slug = '([^']*)'\)/.exec(s.slice(i));
		if (sub) {
			i += sub[0].length;
			return { ref: sub[1], slug: sub[2] };
		}
		const n = /^(NULL|-?\d+)/i.exec(s.slice(i));
		assert.ok(n, `a value these tests do not understand at ${s.slice(i, i + 30)}`);
		i += n[0].length;
		return /^null$/i.test(n[0]) ? null : Number(n[0]);
	};
	for (;;) {
		ws();
		if (i >= s.length)
			break;
		assert.equal(s[i++], '(');
		const row = {};
		cols.forEach((c, k) => {
			row[c] = value();
			ws();
			assert.equal(s[i++], k === cols.length - 1 ? ')' : ',', `${m[1]}: malformed tuple`);
		});
		rows.push(row);
		ws();
		if (s[i] === ',')
			i++;
	}
	return { table: m[1], rows };
}

function rowsOf(file, table) {
	return statements(readFileSync(`${ROOT}/${file}`, 'utf8')).filter((st) => /^INSERT/i.test(st))
	    .map(insertRows).filter((x) => x.table === table).flatMap((x) => x.rows);
}

/** The categories of sql/003_news.sql: [{ id, slug, name_ko, sort }] in display order. */
export const categories = (() => {
	const rows = rowsOf('sql/003_news.sql', 'news_categories');
	/* sql/018_seed_facts.sql adds 언론 보도 (INSERT IGNORE, so the next id) for the newspaper's article */
	const m = /INSERT IGNORE INTO news_categories \(slug, name_ko, sort\) VALUES\s*\('([^']*)', '([^']*)', (\d+)\)/
	    .exec(readFileSync(`${ROOT}/sql/018_seed_facts.sql`, 'utf8'));
	assert.ok(m, 'sql/018_seed_facts.sql: the media category');
	rows.push({ id: Math.max(...rows.map((r) => r.id)) + 1, slug: m[1], name_ko: m[2], sort: Number(m[3]) });
	return rows.sort((a, b) => a.sort - b.sort || a.id - b.id);
})();

/** Today in Korea (the portal's zone) as YYYY-MM-DD. */
export function todayKst() {
	return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The seed and demo articles: { id, category (slug), tp (slug or null), title, body_md, body_html, state,
 * published_at, pinned_until, is_demo, source_id, listed, pinned }.
 */
export const articles = [...rowsOf('sql/seed/004_news.sql', 'news_articles'), ...rowsOf('sql/demo/002_demo_news.sql', 'news_articles')]
    .map((a) => ({
	...a,
	category: a.category_id.slug,
	tp: a.technopark_id === null ? null : a.technopark_id.slug,
	listed: (a.state ?? 'draft') === 'published',
	pinned: a.pinned_until !== null && a.pinned_until >= todayKst(),
    }));

export const byId = new Map(articles.map((a) => [a.id, a]));
export const categoryName = (slug) => categories.find((c) => c.slug === slug)?.name_ko ?? assert.fail(`no category ${slug}`);
export const publisherName = (tp) => (tp === null ? L['news.association'] : data.tpBySlug.get(tp)?.name_ko ?? assert.fail(`no technopark ${tp}`));

/** Newest first: published_at DESC, id DESC (the keyset). */
export const newestFirst = (a, b) => (a.published_at < b.published_at ? 1 : a.published_at > b.published_at ? -1 : b.id - a.id);

/** /news for { category, tp } ('association' = the association): every listed article in page order. */
export function expectedList({ category, tp } = {}, rows = articles) {
	return rows.filter((a) => a.listed && (!category || a.category === category) &&
	    (!tp || (tp === 'association' ? a.tp === null : a.tp === tp))).sort(newestFirst);
}

export const PAGE = 20;

/* ---------------------------------------------------------------- page readers */

/**
 * The articles of a list inside html: the rows of the /news board (<table class="board">: 번호, 제목 with
 * its category, 작성 기관, 날짜) or the items of <ul class="news-list"> (a member profile):
 * [{ id, num, title, category, publisher, date, pinned, demo, files, href }].
 */
export function newsItems(html) {
	const out = [];
	for (const ul of html.matchAll(/<ul class="news-list"[^>]*>([\s\S]*?)<\/ul>/g))
		for (const li of ul[1].matchAll(/<li>([\s\S]*?)<\/li>/g)) {
			const a = /<a class="news-title" href="([^"]*)">([\s\S]*?)<\/a>/.exec(li[1]);
			assert.ok(a, `a news item without its title link: ${li[1].slice(0, 200)}`);
			const meta = /<span class="meta">([\s\S]*?)<\/span>\s*$/.exec(li[1].trim())?.[1] ?? '';
			const parts = text(meta).split(' · ');
			out.push({
				href: decode(a[1]), id: Number(/^\/news\/(\d+)/.exec(decode(a[1]))?.[1]), title: text(a[2]),
				category: parts[0], publisher: parts[1], date: parts[2],
				pinned: /class="badge pin"/.test(li[1]), demo: /class="badge demo"/.test(li[1]),
			});
		}
	for (const tb of html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g))
		for (const tr of tb[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
			const cell = (cls) => /<td class="([^"]*)" data-label="[^"]*">([\s\S]*?)<\/td>/g;
			const cells = Object.fromEntries([...tr[1].matchAll(cell())].map((m) => [m[1], m[2]]));
			const a = /<a class="news-title" href="([^"]*)">([\s\S]*?)<\/a>/.exec(cells.subject ?? '');
			assert.ok(a, `a board row without its title link: ${tr[1].slice(0, 200)}`);
			out.push({
				href: decode(a[1]), id: Number(/^\/news\/(\d+)/.exec(decode(a[1]))?.[1]), title: text(a[2]),
				num: text(cells.num), category: /<span class="cat">\[([\s\S]*?)\]<\/span>/.exec(cells.subject)?.[1],
				publisher: text(cells.publisher), date: text(cells.date),
				pinned: /class="badge pin"/.test(tr[1]), demo: /class="badge demo"/.test(tr[1]),
				files: Number(/<span class="badge file"[^>]*>[^<]*?(\d+)<\/span>/.exec(cells.subject)?.[1] ?? 0),
			});
		}
	return out;
}

/** The list of a /news page without its pinned rows (the section when the list is empty). */
export function listSection(html) {
	const m = /<section aria-labelledby="list-h">([\s\S]*?)<\/section>/.exec(html);
	assert.ok(m, 'no list section (aria-labelledby="list-h")');
	return m[1].replace(/<tbody class="pinned"[\s\S]*?<\/tbody>/, '');
}

/** The pinned rows on top of the board (first page only), or null. */
export function pinnedSection(html) {
	return /<tbody class="pinned"[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[0] ?? null;
}

/** The rel="next" / rel="prev" links of the pager, decoded, or null. */
export function pagerLink(html, rel) {
	const nav = /<nav class="pager"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
	if (!nav)
		return null;
	const m = new RegExp(`<a rel="${rel}" href="([^"]*)"`).exec(nav[1]);
	return m ? decode(m[1]) : null;
}

/** The attachments of an article page: [{ id, name, meta }]. */
export function fileLinks(html) {
	const ul = /<ul class="files">([\s\S]*?)<\/ul>/.exec(html);
	if (!ul)
		return [];
	return [...ul[1].matchAll(/<a href="\/files\/(\d+)">([\s\S]*?)<\/a>\s*<span class="meta">([\s\S]*?)<\/span>/g)]
	    .map((m) => ({ id: Number(m[1]), name: text(m[2]), meta: text(m[3]) }));
}

/* ---------------------------------------------------------------- Atom, through a real XML parser */

const ATOM_PY = String.raw`
import json, sys, xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
root = ET.fromstring(sys.stdin.buffer.read())
def txt(e, tag):
    x = e.find(A + tag)
    return None if x is None else (x.text or '')
def links(e):
    return [dict(x.attrib) for x in e.findall(A + 'link')]
def authors(e):
    return [txt(a, 'name') for a in e.findall(A + 'author')]
def entry(e):
    c = e.find(A + 'content')
    return dict(id=txt(e, 'id'), title=txt(e, 'title'), updated=txt(e, 'updated'), published=txt(e, 'published'),
        links=links(e), authors=authors(e), content=None if c is None else (c.text or ''),
        contentType=None if c is None else c.get('type'),
        categories=[dict(x.attrib) for x in e.findall(A + 'category')],
        ids=len(e.findall(A + 'id')), titles=len(e.findall(A + 'title')), updateds=len(e.findall(A + 'updated')))
print(json.dumps(dict(tag=root.tag, lang=root.get('{http://www.w3.org/XML/1998/namespace}lang'),
    id=txt(root, 'id'), title=txt(root, 'title'), updated=txt(root, 'updated'), links=links(root),
    authors=authors(root), ids=len(root.findall(A + 'id')), titles=len(root.findall(A + 'title')),
    updateds=len(root.findall(A + 'updated')), entries=[entry(e) for e in root.findall(A + 'entry')])))
`;

/** Parse an Atom document with python3's xml.etree; throws when it is not well-formed XML. */
export function parseAtom(bytes) {
	const out = execFileSync('python3', ['-c', ATOM_PY], { input: bytes, timeout: 20_000, encoding: 'utf8' });
	return JSON.parse(out);
}

/** RFC 3339 date-time (section 5.6), with a zone. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An IRI an Atom id may be: an absolute URL or a tag: URI. */
export const ATOM_ID = /^(https?:\/\/[^\s]+|tag:[^\s,]+,\d{4}(-\d{2}(-\d{2})?)?:\S*)$/;

/** RFC 4287's required elements of a feed and its entries (4.1.1, 4.1.2), and what we promise on top. */
export function assertValidAtom(feed, selfUrl, what) {
	assert.equal(feed.tag, '{http://www.w3.org/2005/Atom}feed', `${what}: root is not an Atom feed`);
	assert.equal(feed.ids, 1, `${what}: feed needs exactly one atom:id`);
	assert.equal(feed.titles, 1, `${what}: feed needs exactly one atom:title`);
	assert.equal(feed.updateds, 1, `${what}: feed needs exactly one atom:updated`);
	assert.match(feed.id, ATOM_ID, `${what}: feed id ${feed.id}`);
	assert.ok(feed.title.length > 0, `${what}: empty feed title`);
	assert.match(feed.updated, RFC3339, `${what}: feed updated ${feed.updated}`);
	const self = feed.links.filter((l) => l.rel === 'self');
	assert.equal(self.length, 1, `${what}: feed needs one link rel="self"`);
	assert.equal(self[0].href, selfUrl, `${what}: rel="self" href`);
	const ids = new Set();
	for (const e of feed.entries) {
		const w = `${what}: entry ${e.id}`;
		assert.equal(e.ids, 1, `${w}: exactly one atom:id`);
		assert.equal(e.titles, 1, `${w}: exactly one atom:title`);
		assert.equal(e.updateds, 1, `${w}: exactly one atom:updated`);
		assert.match(e.id, ATOM_ID, `${w}: id`);
		assert.ok(!ids.has(e.id), `${w}: id repeated`);
		ids.add(e.id);
		assert.match(e.updated, RFC3339, `${w}: updated`);
		assert.match(e.published ?? '', RFC3339, `${w}: published`);
		assert.ok(e.updated >= e.published, `${w}: updated before published`);
		assert.ok(e.links.some((l) => (l.rel ?? 'alternate') === 'alternate' && l.href), `${w}: no alternate link`);
		/* 4.1.1: every entry has an author unless the feed has one; we give both */
		assert.ok(e.authors.length > 0 && e.authors.every((a) => a && a.length > 0), `${w}: no author name`);
		assert.ok(e.updated <= feed.updated, `${w}: updated after the feed's updated`);
	}
	assert.ok(feed.authors.length > 0, `${what}: feed author`);
}

/* ---------------------------------------------------------------- posting multipart forms */

const COOKIE = 'tp_session';

/**
 * POST multipart/form-data as a browser does. fields: [[name, value]] (strings); files: [{ name, filename,
 * type, bytes }]. With session: its cookie and (unless csrf is given; null for none) its token. Never retried.
 */
export async function postMultipart(path, fields, files = [], { session = null, csrf, origin = BASE } = {}) {
	const fd = new FormData();
	const token = csrf === undefined ? (session ? await session.token() : null) : csrf;
	if (token !== null && token !== undefined)
		fd.append('csrf', token);
	for (const [k, v] of fields)
		fd.append(k, v);
	for (const f of files)
		fd.append(f.name ?? 'attachment', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.filename);
	const headers = {};
	if (session)
		headers.Cookie = `${COOKIE}=${session.cookie}`;
	if (origin !== null)
		headers.Origin = origin;
	return request(path, { method: 'POST', headers, body: fd, retry: false, timeoutMs: 60_000 });
}

/** POST a raw body with its own Content-Type (for malformed multipart bodies). */
export function postRaw(path, contentType, body, session) {
	const headers = { 'Content-Type': contentType, Origin: BASE };
	if (session)
		headers.Cookie = `${COOKIE}=${session.cookie}`;
	return request(path, { method: 'POST', headers, body, retry: false, timeoutMs: 60_000 });
}

/* ---------------------------------------------------------------- small files of each type */

export const FILES = {
	pdf: () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
	png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake png body')]),
	jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake jpeg body')]),
	txt: () => Buffer.from('한 줄 텍스트 파일입니다.\n둘째 줄.\n'),
	hwp: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504),
		Buffer.from('HWP Document File'), Buffer.alloc(15)]),
	docx: () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('....[Content_Types].xml....word/document.xml....')]),
	exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]),
	html: () => Buffer.from('<html><script>alert(1)</script></html>'),
};
