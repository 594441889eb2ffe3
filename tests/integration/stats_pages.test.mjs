// stats_pages.test.mjs - the network figures (/stats): the table (every year of sql/seed, unknown values as
// 알려지지 않음, never 0), one server-drawn SVG bar chart per measure (an image named and described, no
// script, unknown years as an empty slot marked unknown, bars in proportion), the CSV download (UTF-8 with a
// byte-order mark, an attachment, empty cells for unknown values), and the home page's link to it.
// Expected values come from sql/seed (lib.mjs data.figures) and ko.hdf, never from the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { L, data, get, rawRequest, text, element, decode, h1s, table, thousands, eok, assertHtmlPage, assertSecurityHeaders } from './lib.mjs';

const MEASURES = [
	{ key: 'companies', col: 'tenant_companies', fmt: thousands, chart: true },
	{ key: 'employees', col: 'employees', fmt: thousands, chart: true },
	{ key: 'revenue', col: 'revenue_eok', fmt: eok, chart: true },
	{ key: 'members', col: 'member_count', fmt: thousands, chart: false },
];
const source = (f) => data.sources.find((s) => s.id === f.source_id)?.outlet ?? L['stats.by_secretariat'];

test('/stats: every year of the figures, unknown values as unknown', async () => {
	const res = await get('/stats');
	assert.equal(res.status, 200);
	assertSecurityHeaders(res, '/stats');
	const html = assertHtmlPage(res, '/stats', { pageTitle: L['stats.title'] });
	assert.equal(h1s(html)[0], L['stats.title']);
	const t = table(html, 'figures');
	assert.deepEqual(t.head, [L['stats.col.year'], ...MEASURES.map((m) => L[`stats.col.${m.key}`]), L['stats.col.source']]);
	const want = data.figures.map((f) => [String(f.year), ...MEASURES.map((m) => (f[m.col] === null ? L.unknown : m.fmt(f[m.col]))), source(f)]);
	assert.deepEqual(t.rows.map((r) => r.map(text)), want);
	for (const [i, f] of data.figures.entries())
		for (const [k, m] of MEASURES.entries())
			if (f[m.col] === null)
				assert.match(t.rows[i][k + 1], /<span class="unknown">/, `${f.year} ${m.key}: unknown is not marked unknown`);
	assert.ok(data.figures.some((f) => MEASURES.some((m) => f[m.col] === null)), 'the seed has an unknown value to show');
	assert.doesNotMatch(html, /<script\b/i, 'the page uses script');
});

test('/stats: a bar chart per measure, an image named and described by the same numbers', async () => {
	const html = (await get('/stats')).body;
	const svgs = [...html.matchAll(/<svg class="chart"([^>]*)>([\s\S]*?)<\/svg>/g)];
	assert.equal(svgs.length, MEASURES.filter((m) => m.chart).length, 'one chart per measure');
	for (const [i, m] of MEASURES.filter((x) => x.chart).entries()) {
		const [, attrs, body] = svgs[i];
		assert.match(attrs, /\brole="img"/, `${m.key}: not role="img"`);
		const ids = /aria-labelledby="([^"]+)"/.exec(attrs)?.[1].split(' ') ?? [];
		assert.equal(ids.length, 2, `${m.key}: aria-labelledby should name the title and the desc`);
		const title = new RegExp(`<title id="${ids[0]}">([^<]*)</title>`).exec(body);
		const desc = new RegExp(`<desc id="${ids[1]}">([^<]*)</desc>`).exec(body);
		assert.equal(decode(title?.[1] ?? ''), L[`stats.chart.${m.key}`], `${m.key}: the chart's title`);
		const d = decode(desc?.[1] ?? '');
		for (const f of data.figures)
			assert.ok(d.includes(`${f.year}${L['stats.year_suffix']} ${f[m.col] === null ? L.unknown : m.fmt(f[m.col])}.`),
			    `${m.key}: the description does not say ${f.year}'s value: ${d}`);
		const known = data.figures.filter((f) => f[m.col] !== null);
		const bars = [...body.matchAll(/<rect class="bar" x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"\/>/g)].map((b) => Number(b[4]));
		assert.equal(bars.length, known.length, `${m.key}: a bar per known value`);
		const slots = body.match(/<rect class="unknown-slot"/g) ?? [];
		assert.equal(slots.length, data.figures.length - known.length, `${m.key}: an unknown slot per unknown value (never a 0 bar)`);
		assert.equal((body.match(new RegExp(`>${L.unknown}</text>`, 'g')) ?? []).length, slots.length, `${m.key}: unknown slots are not labelled`);
		const top = Math.max(...known.map((f) => f[m.col]));
		const hi = Math.max(...bars);
		for (const [k, f] of known.entries())
			assert.ok(Math.abs(bars[k] - (hi * f[m.col]) / top) <= 1.5, `${m.key} ${f.year}: bar ${bars[k]} not in proportion`);
		const years = [...body.matchAll(/<text class="year"[^>]*>(\d+)<\/text>/g)].map((y) => Number(y[1]));
		assert.deepEqual(years, data.figures.map((f) => f.year), `${m.key}: the years under the bars`);
	}
});

test('/stats.csv: UTF-8 with a byte-order mark, an attachment, the same numbers, unknown as empty', async () => {
	const res = await get('/stats.csv');
	assert.equal(res.status, 200);
	assertSecurityHeaders(res, '/stats.csv');
	assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
	const cd = res.headers.get('content-disposition') ?? '';
	assert.match(cd, /^attachment;/, `Content-Disposition: ${cd}`);
	assert.match(cd, /filename="[\w.-]+\.csv"/, 'no plain filename');
	assert.match(cd, /filename\*=UTF-8''[\w%.-]+\.csv/, 'no UTF-8 filename');
	assert.deepEqual([...res.bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'no UTF-8 byte-order mark (Excel would garble the Korean)');
	const body = res.bytes.subarray(3).toString('utf8');
	assert.ok(body.endsWith('\r\n'), 'lines end with CRLF');
	const lines = body.slice(0, -2).split('\r\n');
	/* the last column marks the years a demo account entered (issue 20): the seed's are not demo */
	assert.deepEqual(lines[0].split(','), [L['stats.col.year'], ...MEASURES.map((m) => L[`stats.csv.${m.key}`]), L['stats.csv.demo']]);
	assert.deepEqual(lines.slice(1), data.figures.map((f) => [f.year, ...MEASURES.map((m) => (f[m.col] === null ? '' : f[m.col])), ''].join(',')));
	const head = await rawRequest('HEAD', '/stats.csv');
	assert.equal(head.status, 200);
	assert.equal(head.body.length, 0);
	assert.equal(Number(head.headers['content-length']), res.bytes.length);
});

test('the home page links to the figures', async () => {
	const home = (await get('/')).body;
	const sec = element(home, 'section', /aria-labelledby="figures-h"/);
	assert.ok(sec, 'no figures section on the home page');
	assert.match(sec, /<a href="\/stats">[^<]+<\/a>/, 'no link to /stats');
});
