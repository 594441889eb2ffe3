// seed_facts.test.mjs - the source article's checkable facts (tests/fixtures/article_facts.json, written by
// hand from the article, not from sql/) as the pages show them (issue 20): the 19 members and when they
// joined, the address, the history, the chairs as the 2020 article names them (the first chair at his taking
// office, the chair of 2020 "2020년 기사 기준") on /about, /people, their profiles and /search, what each
// committee does, the network figures, the programmes, the technoparks' activities, the network's facts,
// the regions read from a name and the English names marked as derived, and what the article does not say
// shown as 알려지지 않음.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
	ROOT, L, get, text, section, definitions, element, table, memberRows, peopleRows, thousands, eok, assertHtmlPage, all,
} from './lib.mjs';

const F = JSON.parse(readFileSync(`${ROOT}/tests/fixtures/article_facts.json`, 'utf8'));
const AS_OF = `(${F.source.date.slice(0, 4)}${L['source.as_of']})`;	/* "(2020년 기사 기준)" */
const pages = {};

async function page(path) {
	if (!pages[path]) {
		const res = await get(path);
		assert.equal(res.status, 200, `GET ${path}: status`);
		pages[path] = assertHtmlPage(res, `GET ${path}`);
	}
	return pages[path];
}

const has = (hay, needle, what) => assert.ok(hay.includes(needle), `${what}: no "${needle}" in "${hay.slice(0, 300)}"`);

describe('the members', () => {
	test('/ and /members list the 19 members', async () => {
		const home = text(await page('/'));
		const rows = memberRows(await page('/members'));
		assert.equal(rows.length, F.association.member_count);
		assert.deepEqual(rows.map((r) => r.slug).sort(), F.members.map((m) => m.slug).sort());
		for (const m of F.members) {
			has(home, m.name, '/');
			assert.equal(rows.find((r) => r.slug === m.slug).name, m.name, `/members: ${m.slug}`);
		}
		has(home, String(F.association.member_count), '/: the member count');
	});

	test('the joining years the article gives, and no year where it gives none', async () => {
		const rows = memberRows(await page('/members'));
		for (const m of F.members) {
			const r = rows.find((x) => x.slug === m.slug);
			const cell = text(r.joined);
			if (m.joined !== null) {
				assert.ok(cell.startsWith(String(m.joined)), `${m.slug}: joined ${cell}, expected ${m.joined}`);
				assert.equal(cell.includes(L['members.founding']), Boolean(m.founding), `${m.slug}: founding member`);
			} else {
				assert.ok(!/^\d{4}(\s|$)/.test(cell), `${m.slug}: a joining year the article does not give: ${cell}`);
				if (m.after)
					has(cell, String(m.after), `${m.slug}: joined after`);
			}
		}
	});

	test('each profile: its joining, a region read from the name marked, the English name marked', async () => {
		for (const m of F.members) {
			const html = await page(`/members/${m.slug}`);
			const facts = new Map(definitions(html, 'facts').map(([k, v]) => [k, text(v)]));
			const joined = facts.get(L['member.joined']);
			if (m.joined !== null)
				assert.ok(joined.startsWith(String(m.joined)), `${m.slug}: joined ${joined}`);
			else
				assert.ok(joined.startsWith(L.unknown), `${m.slug}: joined ${joined}, expected ${L.unknown}`);
			if (m.founded_as)
				has(joined, m.founded_as, `${m.slug}: the name it founded the council under`);
			const region = facts.get(L['member.region']);
			if (m.region_from_name)
				assert.equal(region, `${m.region_from_name} (${L['source.region_derived']})`, `${m.slug}: region`);
			else
				assert.ok(!region.includes(L['source.region_derived']), `${m.slug}: region marked derived`);
			assert.ok(facts.get(L['member.name_en']).endsWith(`(${L['source.name_en_derived']})`),
			    `${m.slug}: the English name is not marked as the portal's: ${facts.get(L['member.name_en'])}`);
			for (const k of ['address', 'phone', 'email', 'website'])
				assert.equal(facts.get(L[`member.${k}`]), L.unknown, `${m.slug}: ${k} the article does not give`);
		}
	});

	test('the technoparks\' activities the article reports', async () => {
		for (const f of F.technopark_facts) {
			const ev = text(section(await page(`/members/${f.slug}`), 'ev-h') ?? '');
			has(ev, String(f.year), `${f.slug}: activities`);
			for (const w of f.words)
				has(ev, w, `${f.slug}: activities`);
			/* a fact the article gives no year for is not dated by the portal either */
			const items = all(section(await page(`/members/${f.slug}`), 'ev-h') ?? '', /<li>([\s\S]*?)<\/li>/g).map(text);
			for (const w of f.undated ?? []) {
				const item = items.find((li) => li.includes(w)) ?? assert.fail(`${f.slug}: no activity with ${w}`);
				assert.ok(!/^\d{4}\b/.test(item), `${f.slug}: "${item}" is dated, the article gives no year`);
			}
		}
	});
});

describe('the association', () => {
	let about;
	before(async () => { about = await page('/about'); });

	test('legal form and address as of the article; what it does not give is unknown', () => {
		const facts = new Map(definitions(about, 'facts').map(([k, v]) => [k, text(v)]));
		assert.equal(facts.get(L['about.legal_form']), `${F.association.legal_form} ${AS_OF}`);
		assert.equal(facts.get(L['about.address']), `${F.association.address} ${AS_OF}`);
		for (const k of F.association.unknown)
			assert.equal(facts.get(L[`member.${k}`]), L.unknown, k);
		assert.ok(facts.get(L['member.name_en']).endsWith(`(${L['source.name_en_derived']})`), 'English name not marked');
		/* the footer of every page gives the address too */
		has(text(about), F.association.address, 'footer');
	});

	test('the founding purpose', () => {
		const sum = text(section(about, 'sum-h'));
		for (const w of F.association.purpose_words)
			has(sum, w, 'summary');
		has(sum, AS_OF, 'summary dated by its source');
	});

	test('the history, year by year', () => {
		const items = text(section(about, 'hist-h'));
		for (const h of F.history) {
			const at = items.indexOf(String(h.year));
			assert.ok(at >= 0, `no ${h.year}`);
			for (const w of h.words)
				has(items, w, `history ${h.year}`);
		}
	});

	test('the chairs: the first at his taking office, the chair of 2020 as of the article', () => {
		const items = element(section(about, 'lead-h'), 'ul').split('</li>').map(text).filter(Boolean);
		for (const c of F.chairs) {
			const li = items.find((x) => x.includes(c.name)) ?? assert.fail(`no chair ${c.name}`);
			has(li, c.post, c.name);
			if (c.when) {
				has(li, c.order, c.name);
				has(li, c.when, c.name);
				assert.ok(!li.includes(AS_OF), `${c.name}: dated 2020 although the article gives his post at his taking office`);
			}
			if (c.as_of)
				has(li, AS_OF, c.name);
		}
	});

	test('programmes, publications and systems', () => {
		const pg = text(section(about, 'pg-h'));
		for (const p of [...F.programmes, ...F.systems])
			has(pg, p, 'programmes');
		const pub = text(section(about, 'pub-h'));
		for (const p of F.publications)
			has(pub, p, 'publications');
	});

	test('the technopark network: staff, the programmes since 2019, the 2019 focus, the overseas work', () => {
		const net = section(about, 'net-h') ?? assert.fail('no network section');
		has(text(net), AS_OF, 'network section dated by its source');
		const items = element(net, 'ul').split('</li>').map(text).filter(Boolean);
		for (const n of F.network)
			assert.ok(items.some((li) => n.words.every((w) => li.includes(w))), `no item with ${n.words.join(', ')}`);
	});

	test('the source is cited', () => {
		const src = text(section(about, 'src-h'));
		for (const v of [F.source.outlet, F.source.title, F.source.author, F.source.date])
			has(src, v, 'sources');
	});
});

describe('the chairs as people', () => {
	for (const c of F.chairs) {
		test(`${c.name} on /people, on /members/${c.slug} and in /search, as the article gives him`, async () => {
			const check = (row, where) => {
				assert.ok(row, `${where}: no ${c.name}`);
				assert.equal(row.demo, null, `${where}: ${c.name} badged demo`);
				assert.equal(row.title, c.title, `${where}: title`);
				has(text(row.note ?? ''), c.order === '초대' ? '초대 회장' : '회장', `${where}: note`);
				if (c.when)
					has(text(row.note ?? ''), c.when, `${where}: note`);
			};
			const people = await page(`/people?q=${encodeURIComponent(c.name)}`);
			check(peopleRows(people).find((r) => r.name === c.name), '/people');
			has(text(element(people, 'table', /class="people"/)), AS_OF, '/people: dated by the source');
			const profile = await page(`/members/${c.slug}`);
			check(peopleRows(profile).find((r) => r.name === c.name), `/members/${c.slug}`);
			has(text(section(profile, 'people-h')), AS_OF, `/members/${c.slug}: dated by the source`);
			const search = await page(`/search?q=${encodeURIComponent(c.name)}`);
			const li = /<li data-ref="people\/\d+">([\s\S]*?)<\/li>/.exec(search)?.[1] ?? assert.fail('/search: no person');
			has(text(li), AS_OF, '/search');
			has(text(li), c.title, '/search');
			if (c.when)
				has(text(li), c.when, '/search');
		});
	}
	test('the chair of 2020 as the director of 경남테크노파크, dated by the article', async () => {
		const c = F.chairs.find((x) => x.as_of);
		const facts = new Map(definitions(await page(`/members/${c.slug}`), 'facts').map(([k, v]) => [k, text(v)]));
		assert.equal(facts.get(L['member.director']), `${c.name} ${AS_OF}`);
	});
});

describe('committees, figures, the news restatement', () => {
	test('what each committee does, and nothing the article does not say', async () => {
		for (const c of F.committees) {
			const html = await page(`/committees/${c.slug}`);
			const facts = new Map(definitions(html, 'facts').map(([k, v]) => [k, text(v)]));
			const purpose = facts.get(L['committee.purpose']);
			assert.equal(text(element(html, 'h1')), c.name);
			for (const w of c.says)
				has(purpose, w, c.name);
			for (const w of c.never ?? [])
				assert.ok(!purpose.includes(w), `${c.name}: "${w}" in "${purpose}"`);
		}
	});

	test('the network figures', async () => {
		const rows = table(await page('/stats'), 'figures')?.rows ?? assert.fail('/stats: no figures table');
		for (const f of F.figures) {
			const r = rows.map((x) => x.map(text)).find((x) => x[0] === String(f.year)) ?? assert.fail(`no ${f.year}`);
			if (f.companies)
				assert.equal(r[1], thousands(f.companies), `${f.year}: companies`);
			if (f.employees)
				assert.equal(r[2], thousands(f.employees), `${f.year}: employees`);
			if (f.revenue_eok)
				assert.equal(r[3], eok(f.revenue_eok), `${f.year}: revenue`);
			if (f.members)
				assert.equal(r[4], String(f.members), `${f.year}: members`);
		}
	});

	test('the news restatement: a newspaper feature, its day without a time, the article\'s own words for the decade', async () => {
		const html = await page(`/news/${F.news.id}`);
		const body = text(html);
		has(body, F.news.category, 'category');
		has(body, F.news.date, 'date');
		for (const w of F.news.says)
			has(body, w, 'body');
		for (const w of F.news.never)
			assert.ok(!body.includes(w), `"${w}" on /news/${F.news.id}`);
		assert.ok(!body.includes(L['news.demo_note']), 'the restatement is badged demo');
	});
});
