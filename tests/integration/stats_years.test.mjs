// stats_years.test.mjs - /stats and /stats.csv with more years than a chart has room for (issue 13): the
// table and the CSV list every year (they stopped at 64, answering 200), and the page says that the charts
// draw the latest 64 only. Adds 70 marked years (1800-1869) through SQL and removes them after; runs alone.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { get, L, text, csvRows } from './lib.mjs';
import { exclusive, sql, sqlNumber } from './lib_accounts.mjs';

const FIRST = 1800, COUNT = 70;
const ctx = {};

describe('/stats with many years', { concurrency: 1 }, () => {
	before(async () => {
		ctx.release = await exclusive();
		sql(`DELETE FROM network_figures WHERE year BETWEEN ${FIRST} AND ${FIRST + COUNT - 1}`);
		const rows = Array.from({ length: COUNT }, (_, i) => `(${FIRST + i}, ${1000 + i}, NULL, NULL, NULL)`);
		sql(`INSERT INTO network_figures (year, tenant_companies, employees, revenue_eok, member_count) VALUES ${rows.join(', ')}`);
		ctx.total = sqlNumber('SELECT COUNT(*) FROM network_figures');
		ctx.latest = sql('SELECT year FROM network_figures ORDER BY year DESC LIMIT 64').map((r) => Number(r.year)).pop();
	});
	after(() => {
		sql(`DELETE FROM network_figures WHERE year BETWEEN ${FIRST} AND ${FIRST + COUNT - 1}`);
		ctx.release?.();
	});

	test('the table has every year, and the page says the charts draw the latest 64', async () => {
		const res = await get('/stats');
		assert.equal(res.status, 200);
		const years = [...res.body.matchAll(/<tr><th scope="row"[^>]*>(\d+)<\/th>/g)].map((m) => Number(m[1]));
		assert.equal(years.length, ctx.total, `the table shows ${years.length} of ${ctx.total} years`);
		assert.equal(years[0], FIRST);
		const note = /<p class="meta" id="chart-cut">([\s\S]*?)<\/p>/.exec(res.body);
		assert.ok(note, 'no note that the charts leave years out');
		assert.equal(text(note[1]), `${L['stats.chart_cut.a']}64${L['stats.chart_cut.b']}${ctx.latest}${L['stats.chart_cut.c']}`);
		const bars = [...res.body.matchAll(/<rect class="(?:bar|unknown-slot)"/g)].length;
		assert.ok(bars <= 64 * 3, `${bars} bars`);
	});

	test('the CSV has every year', async () => {
		const res = await get('/stats.csv');
		assert.equal(res.status, 200);
		const rows = csvRows(res.body.replace(/^\uFEFF/, ''));
		assert.equal(rows.length - 1, ctx.total, `the CSV has ${rows.length - 1} of ${ctx.total} years`);
		assert.equal(rows[1][0], String(FIRST));
		assert.equal(rows[1][1], '1000');
	});
});
