// stats_demo.test.mjs - a year of network figures a demo account enters is demo data (issue 20, sql/046): marked
// on /stats (the source cell), on the home page's figures and in /stats.csv's last column; a real secretariat's
// later change makes the numbers that account's and the mark goes; a demo account's change brings it back.
// The real secretariat is made with tpportal-admin (no --demo), as an operator makes the first account.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { L, get, text, table } from './lib.mjs';
import { DEMO, Session, exclusive, formOf, withChanges, location, sql, sqlNumber, lit, tag } from './lib_accounts.mjs';

const ctx = {};
const STACK_DIR = process.env.STACK_DIR;

/* A year no row has, after every seed year: it is the home page's latest year with company counts. */
function freeYear() {
	const have = new Set(sql('SELECT year FROM network_figures').map((r) => Number(r.year)));
	for (let y = 2090; y < 2100; y++)
		if (!have.has(y))
			return y;
	throw new Error('no free year in 2090-2099');
}
const demoFlag = (year) => sqlNumber(`SELECT is_demo FROM network_figures WHERE year = ${year}`);
const statsRow = async (year) => table((await get('/stats')).body, 'figures').rows.find((r) => text(r[0]) === String(year));
const csvLine = async (year) => (await get('/stats.csv')).bytes.subarray(3).toString('utf8').split('\r\n').find((l) => l.startsWith(`${year},`));
const homeYear = async (year) => {
	const home = (await get('/')).body;
	const m = new RegExp(`<th scope="row"[^>]*>${year}([\\s\\S]*?)</th>`).exec(home);
	return m ? m[1] : null;
};

async function saveYear(session, year, companies) {
	const path = `/admin/stats/${year}`;
	const form = formOf((await session.get(path)).body, path);
	const res = await session.post(path, withChanges(form.fields, { companies: String(companies) }));
	assert.equal(res.status, 303, `${session.login} saves ${year}: ${res.status} ${text(res.body).slice(0, 200)}`);
}

describe('network figures entered by a demo account', { concurrency: 1 }, () => {
	before(async () => {
		ctx.release = await exclusive();
		ctx.year = freeYear();
		ctx.demo = await Session.signIn(DEMO.secretariat.login);
		ctx.login = `figures-${tag(6).toLowerCase()}`;
		const password = randomBytes(12).toString('base64url');
		const r = spawnSync(`${process.env.TP_BUILD_DIR}/src/tpportal-admin`, ['-c', `${STACK_DIR}/tpportal.conf`,
			'create-user', ctx.login, '지표 시험', 'secretariat'], { input: `${password}\n`, encoding: 'utf8', timeout: 60_000 });
		assert.equal(r.status, 0, `tpportal-admin create-user: ${r.stderr}${r.stdout}`);
		assert.equal(sqlNumber(`SELECT is_demo FROM users WHERE login = ${lit(ctx.login)}`), 0, 'the second secretariat is real');
		ctx.real = await Session.signIn(ctx.login, password);
	});
	after(() => {
		if (ctx.year)
			sql(`DELETE FROM network_figures WHERE year = ${ctx.year}`);
		if (ctx.login)	/* its audit records keep it: it can only be turned off */
			sql(`UPDATE users SET active = 0 WHERE login = ${lit(ctx.login)}`);
		ctx.release?.();
	});

	test('a year the demo secretariat adds: demo in the database, marked on /stats, the home page and the CSV', async () => {
		const form = formOf((await ctx.demo.get('/admin/stats')).body, '/admin/stats');
		const res = await ctx.demo.post('/admin/stats', withChanges(form.fields,
		    { year: String(ctx.year), companies: '4321', employees: '', revenue: '', members: '' }));
		assert.equal(res.status, 303, `${res.status}: ${text(res.body).slice(0, 300)}`);
		assert.equal(location(res), '/admin/stats?done=saved');
		assert.equal(demoFlag(ctx.year), 1, 'the year is not marked demo in the database');
		const row = await statsRow(ctx.year);
		assert.ok(row, `${ctx.year} is not on /stats`);
		assert.equal(text(row[5]), `${L['stats.by_secretariat']} ${L.demo}`, '/stats does not mark the year demo');
		assert.match(row[5], new RegExp(`title="${L['stats.demo_note'].replace(/[()]/g, '\\$&')}"`), 'the badge says what the mark means');
		assert.equal(await csvLine(ctx.year), `${ctx.year},4321,,,,${L.demo}`);
		const home = await homeYear(ctx.year);
		assert.ok(home !== null, `${ctx.year} is not among the home page's figures`);
		assert.match(home, /class="badge demo"/, 'the home page does not mark the year demo');
	});

	test('a real secretariat changes it: the numbers are that account\'s, the mark goes; a demo change brings it back', async () => {
		await saveYear(ctx.real, ctx.year, 4322);
		assert.equal(demoFlag(ctx.year), 0, 'a real account\'s numbers are still marked demo');
		assert.equal(text((await statsRow(ctx.year))[5]), L['stats.by_secretariat']);
		assert.equal(await csvLine(ctx.year), `${ctx.year},4322,,,,`);
		assert.doesNotMatch(await homeYear(ctx.year), /badge demo/);

		await saveYear(ctx.demo, ctx.year, 4323);
		assert.equal(demoFlag(ctx.year), 1, 'a demo account\'s change is not marked demo');
		assert.equal(await csvLine(ctx.year), `${ctx.year},4323,,,,${L.demo}`);
	});
});
