// exports.test.mjs - the directory as files (issue 19, item 2): /people.csv and /people.vcf (the people
// directory, with its filter), /members/{slug}/people.vcf (one technopark's people) and /members.csv (the
// member directory). Signed-in users only. Each file is parsed back by a real reader — Python's csv module
// and Debian's python3-vobject — and compared with what the pages show the same user, page by page: every
// person the page shows, no one it hides (visible = 0), demo people marked, a formula typed into a name
// never a formula in a spreadsheet.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { L, links, memberRows, peopleRows } from './lib.mjs';
import { Session, getWith, needSql, sql, tag } from './lib_accounts.mjs';

const PYTHON = '/usr/bin/python3';

/** Run a Python reader over bytes; its JSON answer. */
function py(script, bytes) {
	return JSON.parse(execFileSync(PYTHON, ['-c', script], { input: bytes, timeout: 30_000 }).toString('utf8'));
}

/** Rows of a CSV file as Excel would open it: utf-8-sig, RFC 4180 quoting. */
const parseCsv = (bytes) => py(String.raw`
import csv, io, json, sys
print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8-sig'), newline='')))))`, bytes);

/** The cards of a .vcf file, read by vobject: FN, N (family, given), ORG, TITLE, TEL, EMAIL, NOTE, VERSION. */
const parseVcf = (bytes) => py(String.raw`
import json, sys, vobject
out = []
for c in vobject.readComponents(sys.stdin.buffer.read().decode('utf-8')):
    g = lambda k: getattr(c, k).value if hasattr(c, k) else None
    n = c.n.value if hasattr(c, 'n') else None
    out.append({'version': g('version'), 'fn': g('fn'), 'family': n.family if n else None, 'given': n.given if n else None,
                'org': g('org'), 'title': g('title'), 'tel': g('tel'), 'email': g('email'), 'note': g('note')})
print(json.dumps(out, ensure_ascii=False))`, bytes);

/** Every row of a signed-in people search, over all its pages. */
async function pageRows(s, path) {
	const rows = [];
	let next = path;
	for (let i = 0; next !== null; i++) {
		assert.ok(i < 50, `${path}: more than 50 pages`);
		const res = await s.get(next);
		assert.equal(res.status, 200, `GET ${next}`);
		rows.push(...peopleRows(res.body));
		const n = links(res.body).find((l) => l.rel === 'next');
		next = n ? n.href : null;
	}
	return rows;
}

const orNull = (v) => (v === undefined || v === '' || v === L.unknown ? null : v);
/** A value as its CSV cell holds it: one a spreadsheet would run as a formula starts with an apostrophe. */
const cell = (v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

describe('the directory as files', () => {
	let s;
	const mark = tag(6);
	let hidden;
	let formula;

	before(async () => {
		// import vobject is the reader the issue names: without it this test fails, it does not skip
		execFileSync(PYTHON, ['-c', 'import vobject'], { timeout: 20_000 });
		s = await Session.signIn('staff');
		// one person hidden from the directory, one whose name a spreadsheet would run as a formula
		hidden = `숨김${mark}`;
		formula = `=HYPERLINK("http://evil.example","${mark}")`;
		sql(`INSERT INTO people (technopark_id, name, title, visible, is_demo, sort)
		     SELECT id, '${hidden}', '비공개 시험', 0, 1, 900 FROM technoparks WHERE slug = 'chungnam'`);
		sql(`INSERT INTO people (technopark_id, name, title, visible, is_demo, sort)
		     SELECT id, '${formula.replace(/'/g, "''")}', '수식 시험', 1, 1, 901 FROM technoparks WHERE slug = 'chungnam'`);
	});
	after(() => {
		sql(`DELETE FROM people WHERE name IN ('${hidden}', '${formula.replace(/'/g, "''")}')`);
	});

	test('signed out, every export sends the reader to sign in first', async (t) => {
		if (!needSql(t))
			return;
		for (const path of ['/people.csv', '/people.vcf', '/members.csv', '/members/chungnam/people.vcf']) {
			const res = await getWith(path);
			assert.equal(res.status, 303, `${path}: ${res.status}`);
			assert.match(res.headers.get('location') ?? '', /\/login\?next=/, `${path}: not to the sign-in page`);
		}
	});

	test('/people.csv: a BOM, the page\'s columns, every person the pages show and no one hidden', async (t) => {
		if (!needSql(t))
			return;
		const res = await s.get('/people.csv');
		assert.equal(res.status, 200);
		assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
		assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="tp-people\.csv"/);
		assert.match(res.headers.get('cache-control') ?? '', /no-store/);
		assert.deepEqual([...res.bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'no byte-order mark: Excel shows mojibake');
		const [head, ...rows] = parseCsv(res.bytes);
		assert.deepEqual(head, [L['people.name'], L['people.org'], L['people.position'], L['people.department'],
			L['people.phone'], L['people.email'], L['people.remark']]);
		const shown = await pageRows(s, '/people');
		assert.equal(rows.length, shown.length, 'the file and the pages list a different number of people');
		rows.forEach((r, i) => {
			const p = shown[i];
			assert.deepEqual([r[0], r[1], orNull(r[2]), orNull(r[3]), orNull(r[4]), orNull(r[5])],
			    [cell(p.name), p.org, cell(orNull(p.title)), cell(orNull(p.department)), cell(orNull(p.phone)), cell(orNull(p.email))],
			    `row ${i + 1}`);
			assert.equal(r[6].includes(L.demo_note), p.demo !== null, `row ${i + 1} (${r[0]}): the demo mark`);
		});
		assert.ok(!rows.some((r) => r[0] === hidden), 'a hidden person is in the file');
	});

	test('a formula typed as a name stays text in a spreadsheet', async (t) => {
		if (!needSql(t))
			return;
		const rows = parseCsv((await s.get('/people.csv?tp=chungnam')).bytes);
		const row = rows.find((r) => r[0].includes(mark) && r[1] === '충남테크노파크');
		assert.ok(row, 'the person is not in the file');
		assert.equal(row[0], `'${formula}`, 'the cell would run as a formula in Excel');
	});

	test('/people.csv and /people.vcf follow the filter: the same people as /people?tp=…&q=…', async (t) => {
		if (!needSql(t))
			return;
		for (const q of ['tp=chungnam', 'tp=association', `q=${encodeURIComponent('팀')}`, 'tp=busan&q=x-no-such']) {
			const shown = await pageRows(s, `/people?${q}`);
			const csv = parseCsv((await s.get(`/people.csv?${q}`)).bytes).slice(1);
			assert.deepEqual(csv.map((r) => r[0]), shown.map((p) => cell(p.name)), `csv ${q}`);
			const cards = parseVcf((await s.get(`/people.vcf?${q}`)).bytes);
			assert.deepEqual(cards.map((c) => c.fn), shown.map((p) => p.name), `vcf ${q}`);
		}
		const bad = await s.get('/people.csv?tp=no-such-tp');
		assert.equal(bad.status, 400, 'an unknown technopark is the page\'s 400, not an empty file');
	});

	test('/members/chungnam/people.vcf: vCard 4.0, one card per person the profile lists, Korean names split', async (t) => {
		if (!needSql(t))
			return;
		const res = await s.get('/members/chungnam/people.vcf');
		assert.equal(res.status, 200);
		assert.match(res.headers.get('content-type'), /^text\/vcard; charset=utf-8/);
		for (const line of res.body.split('\r\n'))
			assert.ok(Buffer.byteLength(line) <= 75, `a line over 75 octets: ${line}`);
		const cards = parseVcf(res.bytes);
		const profile = await s.get('/members/chungnam');
		const want = peopleRows(profile.body).map((p) => p.name);
		assert.ok(want.length > 0, 'the profile lists nobody');
		assert.deepEqual(cards.map((c) => c.fn), want, 'the cards are not the people the profile lists');
		for (const c of cards) {
			assert.equal(c.version, '4.0');
			assert.equal(c.org[0], '충남테크노파크', `${c.fn}: ORG`);
			if (/^[가-힣]{2,4}$/.test(c.fn))
				assert.equal(c.family + c.given, c.fn, `${c.fn}: N does not give the name back`);
		}
		const bae = cards.find((c) => c.fn === '배예시');
		if (bae) {
			assert.deepEqual([bae.family, bae.given], ['배', '예시']);
			assert.ok((bae.note ?? '').includes(L.demo_note), 'a demo person\'s card does not say so');
		}
		assert.ok(!cards.some((c) => c.fn === hidden), 'a hidden person has a card');
		assert.equal((await s.get('/members/no-such-tp/people.vcf')).status, 404);
	});

	test('/members.csv: every technopark the directory lists, with its filter, and the portal\'s marks', async (t) => {
		if (!needSql(t))
			return;
		for (const q of ['', 'region=chungnam']) {
			const page = await s.get(`/members${q ? `?${q}` : ''}`);
			const shown = memberRows(page.body);
			const [head, ...rows] = parseCsv((await s.get(`/members.csv${q ? `?${q}` : ''}`)).bytes);
			assert.equal(head[0], L['members.name']);
			assert.deepEqual(rows.map((r) => r[0]), shown.map((m) => m.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), `members.csv ${q}`);
		}
		const rows = parseCsv((await s.get('/members.csv')).bytes).slice(1);
		const derived = sql("SELECT name_ko, name_en, name_en_derived, region_derived FROM technoparks");
		for (const d of derived) {
			const r = rows.find((x) => x[0] === d.name_ko);
			assert.ok(r, `${d.name_ko} is missing`);
			if (Number(d.name_en_derived) === 1)
				assert.ok(r[1].endsWith(`(${L['source.name_en_derived']})`), `${d.name_ko}: the English name is not marked as the portal's`);
			if (Number(d.region_derived) === 1)
				assert.ok(r[2].endsWith(`(${L['source.region_derived']})`), `${d.name_ko}: the derived region is not marked`);
		}
	});

	test('the pages link their files for signed-in readers only, with the filter on screen', async (t) => {
		if (!needSql(t))
			return;
		const href = (html, re) => (re.exec(html)?.[1] ?? null)?.replace(/&amp;/g, '&');
		const people = await s.get('/people?tp=chungnam');
		const csv = href(people.body, /<p class="exports"><a href="([^"]+)" download>/);
		assert.equal(csv, '/people.csv?q=&tp=chungnam');
		assert.equal(parseCsv((await s.get(csv)).bytes).length - 1, (await pageRows(s, '/people?tp=chungnam')).length);
		assert.ok(!(await getWith('/people?tp=chungnam')).body.includes('class="exports"'), 'a signed-out reader gets a link to a file they may not have');
		const profile = await s.get('/members/chungnam');
		assert.equal(href(profile.body, /<p class="exports"><a href="([^"]+)" download>/), '/members/chungnam/people.vcf');
		const members = await s.get('/members?region=chungnam');
		assert.equal(href(members.body, /<p class="exports"><a href="([^"]+)" download>/), '/members.csv?region=chungnam&industry=');
	});
});
