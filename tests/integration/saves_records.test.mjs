// saves_records.test.mjs - the save pipeline's promises, generated from the record descriptions
// (`tpportal --list-records`, as the CSRF matrix is generated from the route table). For every record:
//  - A changes field X while B's stale form changes field Y: both kept, no conflict page;
//  - both change X: the conflict page (409) lists X alone, with its label and both values; nothing is saved
//    until B resolves it, and resolving saves the chosen value;
//  - B resubmits the conflict page unchanged: A's value stays;
//  - the same submission key twice: one change; two POSTs with one key at once: one change.
// A record without a fixture here fails: a new description needs one.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE, request } from './lib.mjs';
import {
	DEMO, L, text, tag, HAVE_SQL, sql, sqlNumber, sqlValue, lit, Session, formOf, withChanges, location, createPerson, createUser,
	exclusive, saveProfile, submittedRequestId, decide,
} from './lib_accounts.mjs';

/** The descriptions: { entity, table, form, access, fields: [{ name, type, required, label, show }] }. */
function loadRecords() {
	const bin = process.env.TP_BUILD_DIR ? `${process.env.TP_BUILD_DIR}/src/tpportal` : null;
	assert.ok(bin, 'TP_BUILD_DIR is not set: the descriptions are read from the built tpportal');
	const out = execFileSync(bin, ['--list-records'], { encoding: 'utf8', timeout: 10_000 });
	const recs = new Map();
	for (const line of out.split('\n').filter((l) => l.trim() !== '')) {
		const [kind, ...rest] = line.split(' ');
		const kv = Object.fromEntries(rest.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
		if (kind === 'record')
			recs.set(rest[0], { entity: rest[0], table: kv.table, form: kv.form, fields: [] });
		else if (kind === 'field')
			recs.get(rest[0]).fields.push({ name: rest[1], type: kv.type, required: kv.required === '1', label: kv.label, show: kv.show });
		else
			assert.fail(`--list-records: an unknown line ${JSON.stringify(line)}`);
	}
	assert.ok(recs.size > 0, '--list-records printed no record');
	return [...recs.values()];
}

const records = loadRecords();

/** A meeting of the business committee (whose seed has none), ahead or (held) behind; returns its id. */
async function businessMeeting(sec, held = false) {
	const day = new Date(Date.now() + (held ? -2 : 720) * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
	const res = await sec.post('/admin/committees/business/meetings', { title: `병합 시험 회의 ${tag(4)}`, date: day,
		starts: '10:00', ends: '12:00', end_date: '', place: '시험 회의실', online_url: '', status: held ? 'held' : 'planned', note: '' });
	assert.equal(res.status, 303, `create a meeting: ${res.status} ${text(res.body).slice(0, 300)}`);
	const m = /^\/admin\/meetings\/(\d+)\?done=created$/.exec(location(res) ?? '');
	assert.ok(m, `create a meeting: 303 to ${location(res)}`);
	return Number(m[1]);
}

/** POST fields as sec, expecting 303; then the id of the newest row of sql's query (a form that answers a list). */
async function createThen(sec, path, fields, query) {
	const res = await sec.post(path, fields);
	assert.equal(res.status, 303, `POST ${path}: ${res.status} ${text(res.body).slice(0, 300)}`);
	const id = sqlNumber(query);
	assert.ok(id > 0, `POST ${path}: no row found by ${query}`);
	return id;
}

/** Another value from a list of choices than now. */
const other = (choices) => (now) => choices[(choices.indexOf(now) + 1) % choices.length];
/** A day in 2030 other than now. */
const otherDay = (now) => {
	for (;;) {
		const d = `2030-${String(1 + (parseInt(tag(4), 16) % 12)).padStart(2, '0')}-${String(1 + (parseInt(tag(4), 16) % 28)).padStart(2, '0')}`;
		if (d !== now)
			return d;
	}
};

/** Per entity: how to make a fresh row as the secretariat (its key in the form's path) and put it away again. */
const saved = {};
const FIXTURES = {
	technopark: {
		// a profile is not made here: one of the 19 is edited and put back as it was
		create: async (sec) => {
			const page = await sec.get('/admin/members/jeonbuk');
			assert.equal(page.status, 200);
			saved.technopark = formOf(page.body, '/admin/members/jeonbuk').fields;
			return 'jeonbuk';
		},
		remove: async (sec) => {
			const page = await sec.get('/admin/members/jeonbuk');
			const now = formOf(page.body, '/admin/members/jeonbuk').fields;
			const keep = ['csrf', 'version', 'digests', 'key'];
			const back = [...now.filter(([k]) => keep.includes(k)), ...saved.technopark.filter(([k]) => !keep.includes(k))];
			const res = await sec.post('/admin/members/jeonbuk', back);
			assert.ok([200, 303].includes(res.status), `putting jeonbuk back: ${res.status}`);
		},
	},
	news: {
		fields: ['title', 'body'],
		del: (id) => `/admin/news/${id}/delete`,	// pinned_until takes a date, category and publisher a choice
		create: async (sec) => {
			const res = await sec.post('/admin/news', { title: `병합 시험 ${tag(4)}`, category: 'notice', publisher: 'association', state: 'draft', body: '병합 시험 본문' });
			assert.equal(res.status, 303, `create an article: ${res.status} ${text(res.body).slice(0, 300)}`);
			const m = /^\/admin\/news\/(\d+)\?done=saved$/.exec(location(res) ?? '');
			assert.ok(m, `create an article: 303 to ${location(res)}`);
			return Number(m[1]);
		},
		remove: async (sec, id) => {
			const p = await sec.get(`/admin/news/${id}`);
			if (p.status === 200 && p.body.includes(`action="/admin/news/${id}/delete"`))	/* not deleted already */
				await sec.post(`/admin/news/${id}/delete`, formOf(p.body, `/admin/news/${id}/delete`).fields);
		},
	},
	user: {
		// a staff account of its own; its second field is the role (staff <-> secretariat, no technopark)
		fields: ['display_name', 'role'],
		fresh: { role: (now) => (now === 'staff' ? 'secretariat' : 'staff') },
		create: (sec) => createUser(sec, { login: `merge-u-${tag()}`, display_name: '병합 시험 계정', role: 'staff', password: `pw-${tag(12)}-u` }),
		remove: async (sec, id) => {
			const p = await sec.get(`/admin/users/${id}`);
			if (p.status === 200)
				await sec.post(`/admin/users/${id}`, withChanges(formOf(p.body, `/admin/users/${id}`).fields, { active: null }));
		},
	},
	meeting: {
		// a meeting of its own in the business committee; meetings are not deleted, only cancelled
		fields: ['title', 'place'],
		create: (sec) => businessMeeting(sec),
		remove: async (sec, id) => {
			const p = await sec.get(`/admin/meetings/${id}`);
			if (p.status === 200)
				await sec.post(`/admin/meetings/${id}`, withChanges(formOf(p.body, `/admin/meetings/${id}`).fields, { status: 'cancelled' }));
		},
	},
	committee_member: {
		del: (id) => `/admin/seats/${id}/delete`,
		// a seat of the jeju technopark on the business committee; its other field is the term's end (a day)
		fields: ['note', 'term_end'],
		fresh: { term_end: otherDay },
		create: async (sec) => {
			const note = `병합 시험 자리 ${tag(6)}`;
			return createThen(sec, '/admin/committees/business/seats', { member: `t${sqlNumber("SELECT id AS n FROM technoparks WHERE slug = 'jeju'")}`,
				role: 'member', term_start: '', term_end: '', note }, `SELECT MAX(id) AS n FROM committee_members WHERE note = ${lit(note)}`);
		},
		remove: async (sec, id) => {
			const p = await sec.get(`/admin/seats/${id}`);
			if (p.status === 200)
				await sec.post(`/admin/seats/${id}/delete`, formOf(p.body, `/admin/seats/${id}/delete`).fields);
		},
	},
	agenda_item: {
		fields: ['item_title', 'item_description'],
		del: (id) => `/admin/agenda/${id}/delete`,
		create: async (sec) => {
			const mid = await businessMeeting(sec);
			return createThen(sec, `/admin/meetings/${mid}/agenda`, { item_title: `병합 시험 안건 ${tag(4)}`, item_description: '' },
			    `SELECT MAX(id) AS n FROM committee_agenda_items WHERE meeting_id = ${lit(mid)}`);
		},
		remove: async (sec, id) => {
			const p = await sec.get(`/admin/agenda/${id}`);
			if (p.status === 200)
				await sec.post(`/admin/agenda/${id}/delete`, formOf(p.body, `/admin/agenda/${id}/delete`).fields);
		},
	},
	resolution: {
		del: (id) => `/admin/resolutions/${id}/delete`,
		// on an item of a held meeting; its other field is the outcome (a choice)
		fields: ['body', 'outcome'],
		fresh: { outcome: other(['adopted', 'rejected', 'deferred']) },
		create: async (sec) => {
			const mid = await businessMeeting(sec, true);
			const item = await createThen(sec, `/admin/meetings/${mid}/agenda`, { item_title: `병합 시험 안건 ${tag(4)}`, item_description: '' },
			    `SELECT MAX(id) AS n FROM committee_agenda_items WHERE meeting_id = ${lit(mid)}`);
			return createThen(sec, `/admin/meetings/${mid}/resolutions`, { agenda_item_id: String(item), body: '병합 시험 의결', outcome: 'adopted',
				votes_for: '', votes_against: '', votes_abstain: '' }, `SELECT MAX(id) AS n FROM committee_resolutions WHERE agenda_item_id = ${lit(item)}`);
		},
		remove: async (sec, id) => {
			const p = await sec.get(`/admin/resolutions/${id}`);
			if (p.status === 200)
				await sec.post(`/admin/resolutions/${id}/delete`, formOf(p.body, `/admin/resolutions/${id}/delete`).fields);
		},
	},
	minutes: {
		// the minutes of a held meeting of their own (keyed by the meeting); the other field is "published"
		fields: ['body', 'published'],
		fresh: { published: (now) => (now === '1' ? '' : '1') },
		create: (sec) => businessMeeting(sec, true),
		remove: async () => {},
	},
	network_figures: {
		// a year of its own (under exclusive(), as stats_admin.test.mjs makes one), deleted afterwards
		fields: ['companies', 'employees'],
		create: async (sec) => {
			const taken = new Set(sql('SELECT year FROM network_figures').map((r) => Number(r.year)));
			const year = [...Array(50).keys()].map((i) => 2099 - i).find((y) => !taken.has(y));
			const res = await sec.post('/admin/stats', { year: String(year), companies: '1', employees: '', revenue: '', members: '' });
			assert.equal(res.status, 303, `add a year: ${res.status} ${text(res.body).slice(0, 300)}`);
			return year;
		},
		remove: async (sec, year) => {
			sql(`DELETE FROM network_figures WHERE year = ${lit(year)}`);
		},
	},
	committee_secretary: {
		// named and removed, never edited (one field): the promises of a create and a delete (addOnly below).
		// The id a test works with is the user's: a fresh staff account named on the business committee.
		addOnly: true,
		page: '/admin/committees/business',
		add: '/admin/committees/business/secretaries',
		del: (user) => `/admin/committees/business/secretaries/${user}/delete`,
		create: (sec) => createUser(sec, { login: `merge-s-${tag()}`, display_name: '병합 시험 간사', role: 'staff', password: `pw-${tag(12)}-s` }),
		rows: (user) => sqlNumber(`SELECT COUNT(*) AS n FROM committee_secretaries s JOIN committees c ON c.id = s.committee_id ` +
		    `WHERE c.slug = 'business' AND s.user_id = ${lit(user)}`),
		remove: async (sec, user) => {
			sql(`DELETE FROM committee_secretaries WHERE user_id = ${lit(user)}`);
		},
	},
	document: {
		// files, no fields: the describe 'a meeting's documents sent twice' below
		own: true,
	},
	library: {
		// a document of the association (issue 19); year takes 1950..2100, so title and description are tested
		fields: ['title', 'description'],
		del: (id) => `/admin/library/${id}/delete`,
		create: async (sec) => {
			const res = await sec.post('/admin/library', { title: `병합 시험 자료 ${tag(4)}`, kind: 'report', publisher: 'association',
				year: '2025', language: 'ko', audience: 'public', description: '병합 시험 설명' });
			assert.equal(res.status, 303, `create a document: ${res.status} ${text(res.body).slice(0, 300)}`);
			const m = /^\/admin\/library\/(\d+)\?done=(created|saved)$/.exec(location(res) ?? '');
			assert.ok(m, `create a document: 303 to ${location(res)}`);
			return Number(m[1]);
		},
		remove: async (sec, id) => {
			sql(`DELETE FROM library_documents WHERE id = ${lit(id)}`);
			sql(`DELETE FROM search_docs WHERE kind = 'library' AND ref_id = ${lit(id)}`);
		},
	},
	library_kind: {
		// a kind of its own (the slug must stay a slug: the names are tested), deleted afterwards
		fields: ['name_ko', 'name_en'],
		create: async (sec) => {
			const slug = `merge-${tag(6).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
			return createThen(sec, '/admin/library/kinds', { slug, name_ko: '병합 시험 종류', name_en: 'Merge test', sort: '50' },
			    `SELECT MAX(id) AS n FROM library_kinds WHERE slug = ${lit(slug)}`);
		},
		remove: async (sec, id) => {
			sql(`DELETE FROM library_kinds WHERE id = ${lit(id)}`);
		},
	},
	person: {
		del: (id) => `/admin/people/${id}/delete`,
		create: (sec) => createPerson(sec, 'chungnam', { name: `병합 시험 ${tag(4)}`, title: '시험', visible: '1' }),
		remove: async (sec, id) => {
			const p = await sec.get(`/admin/people/${id}`);
			if (p.status === 200)
				await sec.post(`/admin/people/${id}/delete`, formOf(p.body, `/admin/people/${id}/delete`).fields);
		},
	},
};

/** A fresh value for a field of type t that no other save will have written. */
function fresh(t, who) {
	const k = `${who}${tag(5)}`;
	switch (t) {
	case 'email': return `${k}@example.org`;
	case 'phone': return `02-${String(parseInt(tag(6), 16) % 9000 + 1000)}-${String(parseInt(tag(6), 16) % 9000 + 1000)}`;
	case 'url': return `https://${k}.example.org/`;
	case 'int': return String(100000 + (parseInt(tag(6), 16) % 900000));
	default: return `시험 ${k}`;
	}
}

const TEXTLIKE = ['line', 'text', 'email', 'phone', 'url', 'int'];
const T = { timeout: 120_000 };

const ctx = {};
let release;
before(async () => {
	release = await exclusive();	// profiles are shared: other files compare them with sql/seed
	ctx.a = await Session.signIn(DEMO.secretariat.login);
	// B: a second secretariat account, as two colleagues are
	ctx.bLogin = { login: `merge-b-${tag()}`, password: `pw-${tag(12)}-b` };
	await createUser(ctx.a, { ...ctx.bLogin, display_name: '병합 시험 B', role: 'secretariat' });
	ctx.b = await Session.signIn(ctx.bLogin.login, ctx.bLogin.password);
});
after(() => release?.());

/*
 * A record that is named and removed, never edited (fx.addOnly): the same key twice, or three times at once,
 * is one row and the first answer; a removal from a page opened before a colleague removed and named it
 * again is refused with the list as it is now, and removing again from that page is on purpose.
 */
function addOnly(rec, fx) {
	describe(`record ${rec.entity} (named and removed)`, () => {
		let user;
		before(async () => {
			assert.equal(rec.fields.length, 1, `record ${rec.entity}: one field, the one the add form names`);
			user = await fx.create(ctx.a);
		});
		after(async () => {
			if (user)
				await fx.remove(ctx.a, user);
		});
		const addForm = async (s) => withChanges(formOf((await s.get(fx.page)).body, fx.add).fields, { [rec.fields[0].name]: String(user) });
		const changes = () => sqlNumber(`SELECT COUNT(*) AS n FROM audit_changes WHERE entity = ${lit(rec.entity)}`);

		test('the same submission key twice, and three times at once: one row, every answer the first one\'s', T, async () => {
			const f = await addForm(ctx.a);
			assert.ok(f.some(([k, v]) => k === 'key' && v.length === 43), 'the form carries a one-time key');
			const n0 = changes();
			const rs = await Promise.all([ctx.a.post(fx.add, f), ctx.a.post(fx.add, f), ctx.a.post(fx.add, f)]);
			assert.deepEqual(rs.map((r) => r.status), [303, 303, 303], `each answers the one save: ${rs.map((r) => text(r.body).slice(0, 120)).join(' | ')}`);
			const again = await ctx.a.post(fx.add, f);
			assert.equal(again.status, 303, 'a fourth time, later: the same answer');
			assert.equal(location(again), location(rs[0]));
			assert.equal(fx.rows(user), 1, 'one row');
			assert.equal(changes(), n0 + 1, 'one audit change');
			/* a new form (a new key): named already, said on the form */
			const dup = await ctx.a.post(fx.add, await addForm(ctx.a));
			assert.equal(dup.status, 422, `named again from a new form: ${dup.status}`);
		});

		test('a removal from a page opened before a colleague removed and named it again: refused, the list as it is now; again on purpose: gone', T, async () => {
			const del = fx.del(user);
			const stale = formOf((await ctx.a.get(fx.page)).body, del).fields;
			/* the colleague removes it and names it again: another appointment */
			assert.equal((await ctx.b.post(del, formOf((await ctx.b.get(fx.page)).body, del).fields)).status, 303, 'the colleague removes it');
			assert.equal((await ctx.b.post(fx.add, await addForm(ctx.b))).status, 303, 'and names it again');
			const n0 = changes();
			const res = await ctx.a.post(del, stale);
			assert.equal(res.status, 409, `the stale removal: ${res.status} ${text(res.body).slice(0, 200)}`);
			assert.ok(/<section class="conflict" role="alert"/.test(res.body), 'the page says it changed');
			assert.equal(fx.rows(user), 1, 'still named');
			assert.equal(changes(), n0, 'nothing written');
			const again = await ctx.a.post(del, formOf(res.body, del).fields);
			assert.equal(again.status, 303, `removing again on purpose: ${again.status}`);
			assert.equal(fx.rows(user), 0, 'gone');
		});
	});
}

// A committee's texts (issue 17): the business committee's, edited and put back as they were.
FIXTURES.committee = {
	fields: ['purpose_en', 'composition_en'],
	create: async (sec) => {
		const page = await sec.get('/admin/committees/business/texts');
		assert.equal(page.status, 200);
		saved.committee = formOf(page.body, '/admin/committees/business/texts').fields;
		return 'business';
	},
	remove: async (sec) => {
		const page = await sec.get('/admin/committees/business/texts');
		const now = formOf(page.body, '/admin/committees/business/texts').fields;
		const keep = ['csrf', 'version', 'digests', 'key'];
		const back = [...now.filter(([k]) => keep.includes(k)), ...saved.committee.filter(([k]) => !keep.includes(k))];
		const res = await sec.post('/admin/committees/business/texts', back);
		assert.ok([200, 303].includes(res.status), `putting business back: ${res.status}`);
		sql("UPDATE committees SET texts_en_derived = 1, name_en_derived = 1 WHERE slug = 'business'");
	},
};

// The association's profile (issue 17): its one row, edited and put back as it was.
FIXTURES.association = {
	fields: ['summary_en', 'legal_form_en'],
	create: async (sec) => {
		const page = await sec.get('/admin/about');
		assert.equal(page.status, 200);
		saved.association = formOf(page.body, '/admin/about').fields;
		return 1;
	},
	remove: async (sec) => {
		const now = formOf((await sec.get('/admin/about')).body, '/admin/about').fields;
		const keep = ['csrf', 'version', 'digests', 'key'];
		const res = await sec.post('/admin/about', [...now.filter(([k]) => keep.includes(k)), ...saved.association.filter(([k]) => !keep.includes(k))]);
		assert.ok([200, 303].includes(res.status), `putting the association back: ${res.status}`);
		sql('UPDATE association SET texts_en_derived = 1 WHERE id = 1');
	},
};

// The technopark profile runs twice: its Korean fields, and its English ones (issue 17), which go through the
// same pipeline (three-way merge, conflict page, one-time keys).
FIXTURES.technopark_en = {
	...FIXTURES.technopark, fields: ['name_en', 'summary_en'],
	remove: async (sec, id) => {
		await FIXTURES.technopark.remove(sec, id);
		/* a written English name is no longer the portal's rendering; put back as it was, it is again */
		sql("UPDATE technoparks SET name_en_derived = 1 WHERE slug = 'jeonbuk' AND name_en = 'Jeonbuk Technopark'");
	},
};
const runs = records.flatMap((rec) => (rec.entity === 'technopark' ? [{ rec, key: 'technopark' },
    { rec, key: 'technopark_en', title: 'technopark, its English fields' }] : [{ rec, key: rec.entity }]));

for (const { rec, key, title } of runs) {
	if (FIXTURES[key]?.own)
		continue;
	if (FIXTURES[key]?.addOnly) {
		addOnly(rec, FIXTURES[key]);
		continue;
	}
	describe(`record ${title ?? rec.entity}`, () => {
		const fx = FIXTURES[key];
		const [X, Y] = fx?.fields ? fx.fields.map((n) => rec.fields.find((f) => f.name === n)) :
		    rec.fields.filter((f) => TEXTLIKE.includes(f.type) && f.show === 'text');
		let id;
		let path;

		before(async () => {
			assert.ok(fx, `record ${rec.entity} has no fixture in saves_records.test.mjs`);
			assert.ok(X && Y, `record ${rec.entity}: two text fields to test with`);
			id = await fx.create(ctx.a);
			path = rec.form.replace(/\{(id|slug)\}/, String(id));
		});
		after(async () => {
			if (id)
				await fx.remove(ctx.a, id);
		});

		const form = async (s) => {
			const page = await s.get(path);
			assert.equal(page.status, 200, `GET ${path}: ${page.status}`);
			return formOf(page.body, path).fields;
		};
		const value = async (name) => (await form(ctx.a)).find(([k]) => k === name)?.[1] ?? '';
		/* a fresh value for field f of the form fields (a fixture may say how, from the current value) */
		const next = (f, fields, who) => (fx.fresh?.[f.name] ? fx.fresh[f.name](fields.find(([k]) => k === f.name)?.[1]) : fresh(f.type, who));
		const changes = () => (HAVE_SQL ? sqlNumber(`SELECT COUNT(*) AS n FROM audit_changes WHERE entity = ${lit(rec.entity)} AND entity_id = ${
		    typeof id === 'number' ? lit(id) : `(SELECT id FROM ${rec.table} WHERE slug = ${lit(id)})`}`) : null);

		test(`A changes ${X.name}, B's stale form changes ${Y.name}: both kept, no conflict page`, T, async () => {
			const fa = await form(ctx.a);
			const fb = await form(ctx.b);
			const x = fresh(X.type, 'a');
			const y = next(Y, fb, 'b');
			const ra = await ctx.a.post(path, withChanges(fa, { [X.name]: x }));
			assert.equal(ra.status, 303, `A's save: ${ra.status} ${text(ra.body).slice(0, 300)}`);
			const rb = await ctx.b.post(path, withChanges(fb, { [Y.name]: y }));
			assert.equal(rb.status, 303, `B's stale save of another field: ${rb.status} ${text(rb.body).slice(0, 300)}`);
			assert.equal(await value(X.name), x, `A's ${X.name} kept`);
			assert.equal(await value(Y.name), y, `B's ${Y.name} kept`);
			/* the audit log names both fields with the description's labels, as the form and the conflict page do */
			if (typeof id === 'number') {
				const log = await ctx.a.get(`/admin/history?entity=${rec.entity}&id=${id}`);
				assert.equal(log.status, 200);
				const shown = new Set([...log.body.matchAll(/<strong class="field">([\s\S]*?)<\/strong>/g)].map((m) => text(m[1])));
				for (const f of [X, Y])
					assert.ok(shown.has(L[f.label]), `the log shows ${f.name} as ${L[f.label]}: ${[...shown].join(', ')}`);
			}
		});

		test(`both change ${X.name}: conflict page with ${X.name} alone, nothing saved until resolved, the chosen value saved`, T, async () => {
			const fa = await form(ctx.a);
			const fb = await form(ctx.b);
			const xa = fresh(X.type, 'a');
			const xb = fresh(X.type, 'b');
			const yb = next(Y, fb, 'b');
			assert.equal((await ctx.a.post(path, withChanges(fa, { [X.name]: xa }))).status, 303);
			const before409 = changes();
			const rb = await ctx.b.post(path, withChanges(fb, { [X.name]: xb, [Y.name]: yb }));
			assert.equal(rb.status, 409, `B's conflicting save: ${rb.status}`);
			const picks = [...rb.body.matchAll(/<fieldset class="conflict-field" id="conflict-([a-z_]+)">([\s\S]*?)<\/fieldset>/g)];
			assert.deepEqual(picks.map((m) => m[1]), [X.name], 'the conflict page lists the conflicting field only');
			const box = text(picks[0][2]);
			assert.ok(box.includes(L[X.label]), `the label ${L[X.label]} is shown: ${box}`);
			assert.ok(box.includes(xa) && box.includes(xb), `both values are shown side by side: ${box}`);
			assert.equal(await value(X.name), xa, 'nothing of B saved yet');
			if (HAVE_SQL)
				assert.equal(changes(), before409, 'no audit change for the 409');
			// B's own change of Y is on the page, for B to see and save with the choice
			const page = formOf(rb.body, path).fields;
			assert.equal(page.find(([k]) => k === Y.name)?.[1] ?? '', yb, `B's change of ${Y.name} is kept on the conflict page`);
			assert.ok(!page.some(([k]) => k === X.name), `${X.name} is a choice, not an input`);
			const res = await ctx.b.post(path, withChanges(page, { [`pick.${X.name}`]: 'yours' }));
			assert.equal(res.status, 303, `resolving: ${res.status} ${text(res.body).slice(0, 300)}`);
			assert.equal(await value(X.name), xb, 'the chosen value (B\'s) is saved');
			assert.equal(await value(Y.name), yb, `and B's ${Y.name}`);
		});

		test('B resubmits the conflict page unchanged: A\'s value stays', T, async () => {
			const fa = await form(ctx.a);
			const fb = await form(ctx.b);
			const xa = fresh(X.type, 'a');
			assert.equal((await ctx.a.post(path, withChanges(fa, { [X.name]: xa }))).status, 303);
			const rb = await ctx.b.post(path, withChanges(fb, { [X.name]: fresh(X.type, 'b') }));
			assert.equal(rb.status, 409);
			const again = await ctx.b.post(path, formOf(rb.body, path).fields);
			assert.ok([200, 303].includes(again.status), `resubmitting unchanged: ${again.status}`);
			assert.equal(await value(X.name), xa, 'the colleague\'s value stays');
		});

		test('the same submission key twice: one change, the same answer', T, async () => {
			const f = withChanges(await form(ctx.a), { [X.name]: fresh(X.type, 'k') });
			assert.ok(f.some(([k, v]) => k === 'key' && v.length === 43), 'the form carries a one-time key');
			const n0 = changes();
			const r1 = await ctx.a.post(path, f);
			const r2 = await ctx.a.post(path, f);
			assert.equal(r1.status, 303);
			assert.equal(r2.status, 303, `the second POST answers the first result: ${r2.status} ${text(r2.body).slice(0, 200)}`);
			assert.equal(location(r2), location(r1));
			if (HAVE_SQL)
				assert.equal(changes(), n0 + 1, 'one audit change');
		});

		test('two POSTs with one key at once: one change', T, async () => {
			const f = withChanges(await form(ctx.a), { [X.name]: fresh(X.type, 'c') });
			const n0 = changes();
			const rs = await Promise.all([ctx.a.post(path, f), ctx.a.post(path, f), ctx.a.post(path, f)]);
			assert.deepEqual(rs.map((r) => r.status), [303, 303, 303], 'each answers the one save');
			if (HAVE_SQL)
				assert.equal(changes(), n0 + 1, 'one audit change');
		});

		/* last: it deletes the record. The delete button of a form opened before a colleague's change does not
		 * win silently: the page says so and shows the record as it is now; deleting again from it is on purpose. */
		if (fx?.del)
			test('a delete from a form opened before a colleague\'s change: refused, the record shown as it is now; again on purpose: gone', T, async () => {
				const del = fx.del(id);
				const stale = formOf((await ctx.a.get(path)).body, del).fields;
				const x = fresh(X.type, 'd');
				assert.equal((await ctx.b.post(path, withChanges(await form(ctx.b), { [X.name]: x }))).status, 303, 'the colleague\'s change');
				const res = await ctx.a.post(del, stale);
				assert.equal(res.status, 409, `the stale delete: ${res.status} ${text(res.body).slice(0, 200)}`);
				assert.ok(/<section class="conflict" role="alert"/.test(res.body), 'the page says the record changed');
				assert.equal(formOf(res.body, path).fields.find(([k]) => k === X.name)?.[1], x, 'and shows the colleague\'s value');
				assert.equal((await ctx.a.get(path)).status, 200, 'the record is still there');
				const again = await ctx.a.post(del, formOf(res.body, del).fields);
				assert.equal(again.status, 303, `deleting again on purpose: ${again.status}`);
				const gone = await ctx.a.get(path);
				/* an article or a library document is kept as deleted (the secretariat may restore it): its page says so */
				assert.ok(gone.status === 404 || text(gone.body).includes(L['news_admin.deleted_note']) ||
				    text(gone.body).includes(L['library_admin.deleted_note']), `gone: ${gone.status}`);
			});
	});
}

/*
 * A new account through the pipeline: its form carries a one-time key, so the same form sent twice (a double
 * click, a resubmit after a lost answer), even twice at once, makes one account and answers the first's page.
 */
describe('a new account sent twice', () => {
	test('one account; both answers are its page', T, async () => {
		const page = await ctx.a.get('/admin/users/new');
		assert.equal(page.status, 200);
		const login = `twice-${tag()}`;
		const f = withChanges(formOf(page.body, '/admin/users').fields, { login, display_name: '두 번 보낸 계정', role: 'staff',
			password: `pw-${tag(12)}-t` });
		assert.ok(f.some(([k, v]) => k === 'key' && v.length === 43), 'the form carries a one-time key');
		const rs = await Promise.all([ctx.a.post('/admin/users', f), ctx.a.post('/admin/users', f)]);
		assert.deepEqual(rs.map((r) => r.status), [303, 303], `both answer the one save: ${rs.map((r) => text(r.body).slice(0, 120)).join(' | ')}`);
		assert.equal(location(rs[0]), location(rs[1]));
		assert.match(location(rs[0]), /^\/admin\/users\/\d+\?done=created$/);
		const again = await ctx.a.post('/admin/users', f);
		assert.equal(again.status, 303, 'a third time, later: the same answer');
		assert.equal(location(again), location(rs[0]));
		if (HAVE_SQL)
			assert.equal(sqlNumber(`SELECT COUNT(*) AS n FROM users WHERE login = ${lit(login)}`), 1, 'one account');
	});
});

/*
 * A new year of network figures through the pipeline (page_admin_stats.c): its form carries a one-time key,
 * so the same form sent twice, even three times at once, adds the year once and answers the first's page
 * (before, the second was a 422 "the year exists" for a save that had gone through).
 */
describe('a new year of figures sent twice', () => {
	test('one row, one audit change; every answer is the first one\'s', T, async () => {
		const page = await ctx.a.get('/admin/stats');
		assert.equal(page.status, 200);
		const taken = new Set(sql('SELECT year FROM network_figures').map((r) => Number(r.year)));
		const year = [...Array(50).keys()].map((i) => 2099 - i).find((y) => !taken.has(y));
		const f = withChanges(formOf(page.body, '/admin/stats').fields, { year: String(year), companies: '7', employees: '', revenue: '', members: '' });
		assert.ok(f.some(([k, v]) => k === 'key' && v.length === 43), 'the form carries a one-time key');
		const audits = () => sqlNumber(`SELECT COUNT(*) AS n FROM audit_changes WHERE entity = 'network_figures' AND entity_id = ${lit(year)}`);
		const n0 = HAVE_SQL ? audits() : null;
		try {
			const rs = await Promise.all([ctx.a.post('/admin/stats', f), ctx.a.post('/admin/stats', f), ctx.a.post('/admin/stats', f)]);
			assert.deepEqual(rs.map((r) => r.status), [303, 303, 303], `each answers the one save: ${rs.map((r) => text(r.body).slice(0, 120)).join(' | ')}`);
			const again = await ctx.a.post('/admin/stats', f);
			assert.equal(again.status, 303, 'a fourth time, later: the same answer');
			assert.equal(location(again), location(rs[0]));
			if (HAVE_SQL) {
				assert.equal(sqlNumber(`SELECT COUNT(*) AS n FROM network_figures WHERE year = ${lit(year)}`), 1, 'one row');
				assert.equal(audits(), n0 + 1, 'one audit change');
			}
			/* a new form (a new key) for the same year: the year exists, said on the form */
			const fresh = withChanges(formOf((await ctx.a.get('/admin/stats')).body, '/admin/stats').fields, { year: String(year), companies: '8' });
			const dup = await ctx.a.post('/admin/stats', fresh);
			assert.equal(dup.status, 422, 'another form for the same year');
		} finally {
			sql(`DELETE FROM network_figures WHERE year = ${lit(year)}`);
		}
	});
});

/*
 * A meeting's documents through the pipeline (page_admin_documents.c): the upload form carries a one-time
 * key, so the same form and files sent twice, even three times at once, add the files once and answer the
 * first's page; the same page sent with another file is another submission. Removing a document a colleague
 * removed first is refused with the documents as they are now.
 */
describe('a meeting\'s documents sent twice', () => {
	test('one file per submission, every answer the first one\'s; another file from the same page is added; a stale removal is refused', T, async () => {
		const day = new Date(Date.now() + 720 * 86400e3).toISOString().slice(0, 10);
		const made = await ctx.a.post('/admin/committees/business/meetings', { title: `자료 시험 회의 ${tag(4)}`, date: day,
			starts: '10:00', ends: '12:00', end_date: '', place: '시험 회의실', online_url: '', status: 'planned', note: '' });
		assert.equal(made.status, 303);
		const mid = Number(/^\/admin\/meetings\/(\d+)/.exec(location(made))[1]);
		const page = await ctx.a.get(`/admin/meetings/${mid}`);
		const key = formOf(page.body, `/admin/meetings/${mid}/documents`).fields.find(([k]) => k === 'key')?.[1];
		assert.equal(key?.length, 43, 'the upload form carries a one-time key');
		const upload = async (s, name, body) => {
			const fd = new FormData();
			fd.append('csrf', await s.token());
			fd.append('key', key);
			fd.append('attachment', new Blob([body], { type: 'application/pdf' }), name);
			return request(`/admin/meetings/${mid}/documents`, { method: 'POST', body: fd, retry: false,
				headers: { Cookie: `tp_session=${s.cookie}`, Origin: BASE } });
		};
		const files = () => sql(`SELECT id, filename FROM attachments WHERE owner_type = 'meeting' AND owner_id = ${lit(mid)} ORDER BY id`);
		const pdf = (t) => `%PDF-1.4\n% ${t}\n%%EOF\n`;
		const one = `한 번 ${tag(4)}.pdf`;
		const rs = await Promise.all([upload(ctx.a, one, pdf('one')), upload(ctx.a, one, pdf('one')), upload(ctx.a, one, pdf('one'))]);
		assert.deepEqual(rs.map((r) => r.status), [303, 303, 303], `each answers the one save: ${rs.map((r) => text(r.body).slice(0, 120)).join(' | ')}`);
		const again = await upload(ctx.a, one, pdf('one'));
		assert.equal(again.status, 303, 'a fourth time, later: the same answer');
		assert.equal(location(again), location(rs[0]));
		assert.deepEqual(files().map((f) => f.filename), [one], 'one file');
		/* the same page (its key) with another file: another submission */
		const two = `또 하나 ${tag(4)}.pdf`;
		assert.equal((await upload(ctx.a, two, pdf('two'))).status, 303);
		assert.deepEqual(files().map((f) => f.filename), [one, two], 'the other file is added');
		/* B removes the first; A's page, opened before, removes it again: refused, the documents as they are now */
		const fid = files()[0].id;
		const del = `/admin/meetings/${mid}/documents/${fid}/delete`;
		const stale = formOf((await ctx.a.get(`/admin/meetings/${mid}`)).body, del).fields;
		assert.equal((await ctx.b.post(del, formOf((await ctx.b.get(`/admin/meetings/${mid}`)).body, del).fields)).status, 303, 'the colleague removes it');
		const res = await ctx.a.post(del, stale);
		assert.equal(res.status, 409, `the stale removal: ${res.status}`);
		assert.ok(/<section class="conflict" role="alert"/.test(res.body), 'the page says it changed');
		assert.ok(text(res.body).includes(two) && !res.body.includes(`/documents/${fid}/delete`), 'the documents as they are now');
		assert.deepEqual(files().map((f) => f.filename), [two]);
	});
});

// A member admin's English fields are reviewed like the Korean ones (issue 17): a change request, the public
// pages unchanged until the secretariat approves it; then the English page shows them, and the English name
// the member wrote is no longer marked as the portal's rendering.
describe('the English fields of a profile, as a member admin', () => {
	const slug = 'chungnam';
	let cn, before;
	const englishPage = async () => (await fetch(`${process.env.TP_BASE_URL}/members/${slug}?lang=en`)).text();

	test('a change request, reviewed, then on the English page', T, async () => {
		cn = await Session.signIn(DEMO.chungnam.login);
		before = Object.fromEntries(['name_en', 'summary_en', 'address_en'].map((f) => [f, sqlValue(`SELECT ${f} FROM technoparks WHERE slug = ${lit(slug)}`) ?? '']));
		const name = `Chungnam Technopark ${tag(4)}`, summary = `A summary in English ${tag(4)}.`;
		const res = await saveProfile(cn, slug, { name_en: name, summary_en: summary });
		const id = submittedRequestId(res);
		assert.ok(id, `the member admin's save is a change request: ${res.status} ${location(res)}`);
		const waiting = await englishPage();
		assert.ok(!waiting.includes(name) && !waiting.includes(summary), 'nothing public before the review');
		const review = await ctx.a.get(`/admin/requests/${id}`);
		assert.ok(review.body.includes(L['field.name_en']) && review.body.includes(L['field.summary_en']),
		    'the review names the English fields with their labels');
		assert.equal((await decide(ctx.a, id, 'approve', 'ok')).status, 303);
		const shown = await englishPage();
		assert.match(shown, new RegExp(`<h1>${name}</h1>`), 'the English name is the English page\'s heading');
		assert.ok(shown.includes(summary), 'the English summary is on the English page');
		assert.equal(sqlNumber(`SELECT name_en_derived AS n FROM technoparks WHERE slug = ${lit(slug)}`), 0,
		    'a name the member wrote is not the portal\'s rendering');
		const korean = await (await fetch(`${process.env.TP_BASE_URL}/members/${slug}?lang=ko`)).text();
		assert.ok(!korean.includes(summary), 'the Korean page keeps the Korean summary');
	});

	after(async () => {
		if (!before)
			return;
		await saveProfile(ctx.a, slug, before);	/* the secretariat saves directly: back as it was */
		sql(`UPDATE technoparks SET name_en_derived = 1 WHERE slug = ${lit(slug)} AND name_en = 'Chungnam Technopark'`);
	});
});

// The secretariat writes a committee's English purpose (issue 17): the English page shows it, and no longer
// marks it as the portal's translation; the Korean page keeps the Korean.
describe('a committee\'s English texts, as the secretariat', () => {
	const path = '/admin/committees/working/texts';
	let saved0;

	test('saved on the form, on the English page, the translation mark gone', T, async () => {
		const page = await ctx.a.get(path);
		assert.equal(page.status, 200, `GET ${path}: ${page.status}`);
		saved0 = formOf(page.body, path).fields;
		const purpose = `Discusses policy on projects ${tag(4)}.`;
		const res = await ctx.a.post(path, withChanges(saved0, { purpose_en: purpose }));
		assert.equal(res.status, 303, `save: ${res.status} ${text(res.body).slice(0, 300)}`);
		assert.equal(location(res), '/admin/committees/working?done=saved');
		const en = await (await fetch(`${process.env.TP_BASE_URL}/committees/working?lang=en`)).text();
		assert.ok(en.includes(purpose), 'the English page shows the new purpose');
		assert.ok(!en.includes(L['source.text_en_derived']) && !/the portal(&#39;|')s translation/.test(en),
		    'a text the secretariat wrote is not marked as the portal\'s translation');
		const ko = await (await fetch(`${process.env.TP_BASE_URL}/committees/working?lang=ko`)).text();
		assert.ok(!ko.includes(purpose), 'the Korean page keeps the Korean purpose');
		const found = await (await fetch(`${process.env.TP_BASE_URL}/search?q=${encodeURIComponent(purpose.split(' ').at(-1).replace('.', ''))}&lang=en`)).text();
		assert.match(found, /Working Committee/, 'the English text is found by search, under the English name');
	});

	after(async () => {
		if (!saved0)
			return;
		const now = formOf((await ctx.a.get(path)).body, path).fields;
		const keep = ['csrf', 'version', 'digests', 'key'];
		await ctx.a.post(path, [...now.filter(([k]) => keep.includes(k)), ...saved0.filter(([k]) => !keep.includes(k))]);
		sql("UPDATE committees SET texts_en_derived = 1 WHERE slug = 'working'");
	});
});
