// stats_admin.test.mjs - the secretariat's figures form (/admin/stats): who may use it; adding a year with an
// unknown value (shown as unknown on /stats and empty in the CSV, never 0); mistakes re-shown with one
// message per field and the values kept (422); a year that exists; correcting a year against its version, a
// stale save (merged three ways; the same field a choice), nothing changed; the audit log; the CSRF token; one transaction.
//
// It changes shared data (network_figures, which the home page shows), so it runs alone
// (lib_accounts.mjs exclusive()) and removes the year it made.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { L, get, text, table } from './lib.mjs';
import {
	DEMO, Session, exclusive, sql, sqlNumber, sqlRow, needSql, HAVE_SQL, auditMark, auditSince, formOf, withChanges,
	fieldValue, formErrors, conflictFields, location, getWith,
} from './lib_accounts.mjs';

const TRIGGER = 'stats_test_refuse_audit';
let release = null;
const S = {};
let YEAR = null;

/** A year in the form's range that the figures do not have. */
function freeYear() {
	const have = new Set(sql('SELECT year FROM network_figures').map((r) => Number(r.year)));
	for (let y = 2100; y >= 2050; y--)
		if (!have.has(y))
			return y;
	assert.fail('no free year between 2050 and 2100');
}

const figures = (year) => sqlRow(`SELECT tenant_companies, employees, revenue_eok, member_count, version, source_id FROM network_figures WHERE year = ${year}`);

before(async () => {
	if (!HAVE_SQL)
		return;
	release = await exclusive();
	for (const k of ['secretariat', 'chungnam', 'staff'])
		S[k] = await Session.signIn(DEMO[k].login);
	YEAR = freeYear();
});

after(() => {
	try {
		if (HAVE_SQL && YEAR !== null) {
			sql(`DROP TRIGGER IF EXISTS ${TRIGGER}`);
			sql(`DELETE FROM network_figures WHERE year = ${YEAR}`);
		}
	} finally {
		release?.();
	}
});

describe('the figures form', () => {
	test('only the secretariat may use it', async (t) => {
		if (!needSql(t))
			return;
		const anon = await getWith('/admin/stats');
		assert.equal(anon.status, 303, 'anonymous: not sent to sign in');
		for (const k of ['chungnam', 'staff']) {
			assert.equal((await S[k].get('/admin/stats')).status, 403, `${k}: GET`);
			assert.equal((await S[k].post('/admin/stats', { year: String(YEAR) })).status, 403, `${k}: POST`);
		}
		assert.equal((await S.secretariat.get('/admin/stats')).status, 200);
		assert.equal(sqlNumber(`SELECT COUNT(*) FROM network_figures WHERE year = ${YEAR}`), 0);
	});

	test('add a year with an unknown value: on /stats as unknown, in the CSV as empty, audited', async (t) => {
		if (!needSql(t))
			return;
		const mark = auditMark();
		const page = await S.secretariat.get('/admin/stats');
		const form = formOf(page.body, '/admin/stats');
		const res = await S.secretariat.post('/admin/stats', withChanges(form.fields,
		    { year: String(YEAR), companies: '1,234', employees: '', revenue: '52000', members: '' }));
		assert.equal(res.status, 303, `${res.status}: ${text(res.body).slice(0, 300)}`);
		assert.equal(location(res), '/admin/stats?done=saved');
		assert.deepEqual(figures(YEAR), { tenant_companies: '1234', employees: null, revenue_eok: '52000', member_count: null, version: '1', source_id: null });

		const row = table((await get('/stats')).body, 'figures').rows.find((r) => text(r[0]) === String(YEAR));
		assert.ok(row, `${YEAR} is not on /stats`);
		assert.deepEqual(row.slice(0, 5).map(text), [String(YEAR), '1,234', L.unknown, '5조 2,000억 원', L.unknown]);
		const csv = (await get('/stats.csv')).bytes.subarray(3).toString('utf8').split('\r\n');
		/* entered by the demo secretariat: demo data, marked in the CSV's last column and on /stats (issue 20) */
		assert.ok(csv.includes(`${YEAR},1234,,52000,,${L.demo}`), `the CSV row: ${csv.join(' | ')}`);
		assert.equal(text(row[5]), `${L['stats.by_secretariat']} ${L.demo}`, 'the source cell says the numbers are demo data');

		const a = auditSince(mark);
		assert.deepEqual(a.map((c) => [c.login, c.action, c.entity, Number(c.entity_id)]),
		    [[DEMO.secretariat.login, 'create', 'network_figures', YEAR]]);
		assert.deepEqual(a[0].fields, { companies: { old: null, new: '1234' }, revenue: { old: null, new: '52000' } });
	});

	test('mistakes: 422, one message per field, every value kept; a year that exists; nothing written', async (t) => {
		if (!needSql(t))
			return;
		const mark = auditMark();
		const count = sqlNumber('SELECT COUNT(*) FROM network_figures');
		const form = formOf((await S.secretariat.get('/admin/stats')).body, '/admin/stats');
		const typed = { year: '1800', companies: 'abc', employees: '-5', revenue: '1.5', members: '300' };
		const res = await S.secretariat.post('/admin/stats', withChanges(form.fields, typed));
		assert.equal(res.status, 422);
		const errs = formErrors(res.body);
		assert.deepEqual(Object.keys(errs.fields).sort(), Object.keys(typed).sort(), 'one message per wrong field');
		assert.deepEqual(errs.summary, ['year', 'companies', 'employees', 'revenue', 'members']);
		const again = formOf(res.body, '/admin/stats').fields;
		for (const [k, v] of Object.entries(typed))
			assert.equal(fieldValue(again, k), v, `${k}: the value typed is not kept`);

		const dup = await S.secretariat.post('/admin/stats', withChanges(form.fields, { year: String(YEAR), companies: '1' }));
		assert.equal(dup.status, 422);
		assert.equal(formErrors(dup.body).fields.year, L['stats.err_year_exists']);
		assert.equal(fieldValue(formOf(dup.body, '/admin/stats').fields, 'companies'), '1');
		assert.equal(sqlNumber('SELECT COUNT(*) FROM network_figures'), count);
		assert.equal(figures(YEAR).tenant_companies, '1234', 'the existing year was overwritten');
		assert.equal(auditSince(mark).length, 0, 'a refused form wrote to the audit log');
	});

	test('two colleagues correct one year: other fields merge, the same field is a choice, re-sending it keeps the colleague\'s value', async (t) => {
		if (!needSql(t))
			return;
		const path = `/admin/stats/${YEAR}`;
		const mark = auditMark();
		const mine = formOf((await S.secretariat.get(path)).body, path).fields;
		assert.equal(fieldValue(mine, 'version'), '1');
		assert.equal(fieldValue(mine, 'employees'), '', 'an unknown value is an empty field');
		const other = await Session.signIn(DEMO.secretariat.login);
		const first = await other.submit(path, path, { employees: '20,000' });
		assert.equal(first.status, 303);
		assert.equal(figures(YEAR).employees, '20000');

		/* the stale form changes another field: both kept (it used to be refused, and re-saving it erased 20000) */
		const merged = await S.secretariat.post(path, withChanges(mine, { companies: '999' }));
		assert.equal(merged.status, 303, `the stale save of another field: ${merged.status} ${text(merged.body).slice(0, 300)}`);
		assert.deepEqual({ ...figures(YEAR) }, { tenant_companies: '999', employees: '20000', revenue_eok: '52000', member_count: null, version: '3', source_id: null });

		/* both change the employees: a choice with the label and both numbers; the page sent as it is keeps the colleague's */
		const fa = formOf((await other.get(path)).body, path).fields;
		const fb = formOf((await S.secretariat.get(path)).body, path).fields;
		assert.equal((await other.post(path, withChanges(fa, { employees: '21000' }))).status, 303);
		const stale = await S.secretariat.post(path, withChanges(fb, { employees: '19000', members: '19' }));
		assert.equal(stale.status, 409);
		assert.deepEqual(conflictFields(stale.body), [{ field: 'employees', label: L['stats.field.employees'], stored: '21000', yours: '19000' }]);
		const again = formOf(stale.body, path).fields;
		assert.equal(fieldValue(again, 'members'), '19', 'the user\'s own change of another field is on the page');
		assert.equal(figures(YEAR).employees, '21000', 'nothing of the stale save written');
		assert.equal((await S.secretariat.post(path, again)).status, 303);
		assert.deepEqual([figures(YEAR).employees, figures(YEAR).member_count], ['21000', '19'], 'the colleague\'s number stays, the user\'s members are saved');

		const same = await S.secretariat.submit(path, path, {});
		assert.equal(same.status, 200);
		assert.ok(text(same.body).includes(L['form.nothing_changed']));
		assert.equal(figures(YEAR).version, '5');
		assert.deepEqual(auditSince(mark).map((c) => [c.action, c.fields]), [
			['update', { employees: { old: null, new: '20000' } }],
			['update', { companies: { old: '1234', new: '999' } }],
			['update', { employees: { old: '20000', new: '21000' } }],
			['update', { members: { old: null, new: '19' } }],
		]);
	});

	test('the save is one transaction: when its audit record fails, the figures are as they were', async (t) => {
		if (!needSql(t))
			return;
		const path = `/admin/stats/${YEAR}`;
		const before1 = figures(YEAR);
		sql(`CREATE TRIGGER ${TRIGGER} BEFORE INSERT ON audit_changes FOR EACH ROW SET NEW.entity_id = ` +
		    `IF(NEW.entity = 'network_figures' AND NEW.entity_id = ${YEAR}, NULL, NEW.entity_id)`);
		try {
			const res = await S.secretariat.submit(path, path, { members: '7' });
			assert.ok(res.status >= 500, `the save did not fail: ${res.status}`);
		} finally {
			sql(`DROP TRIGGER IF EXISTS ${TRIGGER}`);
		}
		assert.deepEqual(figures(YEAR), before1, 'a failed save changed the figures');
	});

	test('without the form token: 403, nothing written', async (t) => {
		if (!needSql(t))
			return;
		const before1 = figures(YEAR);
		const res = await S.secretariat.post(`/admin/stats/${YEAR}`, { version: before1.version, companies: '1' }, { csrf: null });
		assert.equal(res.status, 403);
		assert.deepEqual(figures(YEAR), before1);
		assert.equal((await S.secretariat.post('/admin/stats', { year: '2049' }, { csrf: null })).status, 403);
	});

	test('a year the figures do not have: 404', async (t) => {
		if (!needSql(t))
			return;
		assert.equal((await S.secretariat.get('/admin/stats/2049')).status, 404);
		assert.equal((await S.secretariat.get('/admin/stats/99')).status, 404);
	});
});
