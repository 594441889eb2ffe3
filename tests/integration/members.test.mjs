// members.test.mjs - the member directory /members (filters by region and industry, both sort orders,
// the filter form) and every profile /members/{slug} (facts with unknown ones said so, focus
// industries, activities, people with the demo badge, hidden people left out), against sql/.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	L, data, get, text, h1s, links, section, element, all, definitions, options,
	memberRows, peopleRows, contactsShown, expectedMembers, expectedFilterOptions, expectedMemberPeople,
	hiddenPeople, assertHtmlPage, mapLimit,
} from './lib.mjs';
import { asOf, enMark, regionMark } from './seed_marks.mjs';

const UNKNOWN = L.unknown;
const fact = (v) => (v === null || v === undefined ? UNKNOWN : String(v));
const q = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined)).toString();

/** The joined cell of the directory as the page should show it. */
function joinedCell(t) {
	if (t.joined_year !== null)
		return t.founding_member === 1 ? `${t.joined_year} ${L['members.founding']}` : String(t.joined_year);
	return t.joined_note ?? UNKNOWN;
}

/** GET /members?<filter> and check the list, its count and the form against the model. */
async function checkDirectory(filter) {
	const path = `/members${Object.keys(filter).length ? '?' + q(filter) : ''}`;
	const res = await get(path);
	assert.equal(res.status, 200, `GET ${path}: status`);
	const html = assertHtmlPage(res, `GET ${path}`, { pageTitle: L['members.title'] });
	const expected = expectedMembers(filter);
	const rows = memberRows(html);
	assert.deepEqual(rows.map((r) => r.slug), expected.map((t) => t.slug), `GET ${path}: members and their order`);
	assert.deepEqual(rows.map((r) => r.name), expected.map((t) => t.name_ko), `GET ${path}: names`);
	const count = text(element(html, 'p', /class="count"/) ?? '');
	assert.equal(count, `${expected.length}${L['members.count']}`, `GET ${path}: count line`);
	if (expected.length === 0)
		assert.ok(text(html).includes(L['members.empty']), `GET ${path}: no "${L['members.empty']}"`);
	else
		assert.ok(!text(html).includes(L['members.empty']), `GET ${path}: says empty but lists members`);
	// The form shows the filter that is applied.
	const sel = (id) => options(html, id).filter((o) => o.selected).map((o) => o.value);
	assert.deepEqual(sel('f-region'), filter.region ? [filter.region] : [], `GET ${path}: selected region`);
	assert.deepEqual(sel('f-industry'), filter.industry ? [filter.industry] : [], `GET ${path}: selected industry`);
	assert.deepEqual(sel('f-sort'), [filter.sort || 'name'], `GET ${path}: selected sort`);
	// The filter form, not the header's search box (the first <form> on every page).
	const filterForm = element(html, 'form', /\bclass="(?:[^"]*\s)?filters(?:\s[^"]*)?"/);
	assert.ok(filterForm !== null, `GET ${path}: no <form class="filters">`);
	const reset = links(filterForm).some((l) => l.href === '/members');
	assert.equal(reset, Boolean(filter.region || filter.industry), `GET ${path}: the reset link`);
	return { html, rows, expected };
}

describe('/members: the directory', () => {
	test('lists every member by name, with English name, region, joining and industries', async () => {
		const { rows, expected } = await checkDirectory({});
		assert.equal(rows.length, data.technoparks.length);
		for (const [i, t] of expected.entries()) {
			const r = rows[i];
			assert.equal(r.name_en, t.name_en ?? '', `${t.slug}: English name`);
			assert.equal(r.regionSlug, t.region.slug, `${t.slug}: region link`);
			assert.equal(r.region, t.region.name_ko + regionMark(t.region_derived), `${t.slug}: region`);
			assert.equal(text(r.joined), joinedCell(t), `${t.slug}: joined`);
			assert.equal(r.industries, t.industries.length ? t.industries.map((x) => x.name_ko).join(', ') : UNKNOWN,
			    `${t.slug}: industries`);
		}
	});

	test('the filter form offers the regions and industries that have members, with counts', async () => {
		const res = await get('/members');
		const want = expectedFilterOptions();
		const all0 = { value: '', label: L.all, selected: false };
		assert.deepEqual(options(res.body, 'f-region'),
		    [all0, ...want.regions.map(({ r, n }) => ({ value: r.slug, label: `${r.name_ko} (${n})`, selected: false }))]);
		assert.deepEqual(options(res.body, 'f-industry'),
		    [all0, ...want.industries.map(({ i, n }) => ({ value: i.slug, label: `${i.name_ko} (${n})`, selected: false }))]);
		assert.deepEqual(options(res.body, 'f-sort').map((o) => o.value), ['name', 'joined']);
	});

	test('region=chungnam gives exactly 충남테크노파크', async () => {
		const { rows } = await checkDirectory({ region: 'chungnam' });
		assert.deepEqual(rows.map((r) => r.name), ['충남테크노파크']);
	});

	test('industry=smart-factory gives exactly 경기테크노파크 and 인천테크노파크', async () => {
		const { rows } = await checkDirectory({ industry: 'smart-factory' });
		assert.deepEqual(rows.map((r) => r.name).sort(), ['경기테크노파크', '인천테크노파크']);
	});

	test('sort=joined: the 1998 founders first, members with unknown years last', async () => {
		const { rows } = await checkDirectory({ sort: 'joined' });
		const founders = data.technoparks.filter((t) => t.founding_member === 1);
		assert.equal(founders.length, 6, 'sql/: the six 1998 founders');
		assert.ok(founders.every((t) => t.joined_year === 1998));
		assert.deepEqual(new Set(rows.slice(0, founders.length).map((r) => r.slug)), new Set(founders.map((t) => t.slug)));
		const unknown = data.technoparks.filter((t) => t.joined_year === null);
		assert.ok(unknown.length > 0);
		assert.deepEqual(new Set(rows.slice(-unknown.length).map((r) => r.slug)), new Set(unknown.map((t) => t.slug)));
		for (const r of rows.slice(0, founders.length))
			assert.ok(r.joined.includes(L['members.founding']), `${r.slug}: no founding badge`);
	});

	for (const sort of ['name', 'joined']) {
		test(`each region alone, sort=${sort}`, async () => {
			for (const { r } of expectedFilterOptions().regions)
				await checkDirectory({ region: r.slug, sort });
		});
		test(`each industry alone, sort=${sort}`, async () => {
			for (const { i } of expectedFilterOptions().industries)
				await checkDirectory({ industry: i.slug, sort });
		});
	}

	test('every region with every industry (matches and empty results)', async () => {
		const { regions, industries } = expectedFilterOptions();
		const combos = regions.flatMap(({ r }) => industries.map(({ i }) => ({ region: r.slug, industry: i.slug, sort: 'joined' })));
		const sizes = await mapLimit(combos, 8, async (f) => (await checkDirectory(f)).rows.length);
		assert.ok(sizes.some((n) => n === 0) && sizes.some((n) => n > 0), 'the combinations should include empty and non-empty results');
	});

	test('empty filter values are "no filter" (200, everything by name)', async () => {
		const res = await get('/members?region=&industry=&sort=');
		assert.equal(res.status, 200);
		assertHtmlPage(res, '/members?region=&industry=&sort=', { pageTitle: L['members.title'] });
		assert.deepEqual(memberRows(res.body).map((r) => r.slug), expectedMembers({}).map((t) => t.slug));
	});
});

describe('/members/{slug}: every profile', () => {
	const hidden = hiddenPeople();

	for (const t of data.technoparks) {
		test(`/members/${t.slug}: ${t.name_ko}`, async () => {
			const path = `/members/${t.slug}`;
			const res = await get(path);
			assert.equal(res.status, 200, `GET ${path}: status`);
			const html = assertHtmlPage(res, `GET ${path}`, { pageTitle: t.name_ko });
			assert.equal(h1s(html)[0], t.name_ko);
			if (t.summary)
				assert.equal(text(element(html, 'p', /class="lead"/) ?? ''), t.summary + asOf(t.summary_source_id), 'summary');

			// Facts: each known one shown, each unknown one said to be unknown.
			const facts = new Map(definitions(html, 'facts').map(([k, v]) => [k, v]));
			const f = (label) => (facts.has(label) ? text(facts.get(label)) : assert.fail(`no fact ${label}`));
			assert.equal(f(L['member.name_en']), fact(t.name_en) + enMark(t.name_en_derived), 'English name');
			assert.equal(f(L['member.region']), t.region.name_ko + regionMark(t.region_derived), 'region');
			assert.ok(links(facts.get(L['member.region'])).some((l) => l.href === `/members?region=${t.region.slug}`), 'region link');
			const joined = t.joined_year === null ? UNKNOWN
			    : t.founding_member === 1 ? `${t.joined_year} (${L['members.founding']})` : String(t.joined_year);
			assert.equal(f(L['member.joined']), [joined, t.joined_note].filter(Boolean).join(' '), 'joined');
			assert.equal(f(L['member.director']), [fact(t.director), t.director_note && `(${t.director_note})`].filter(Boolean).join(' ') +
			    (t.director ? asOf(t.director_source_id) : ''), 'director');
			for (const k of ['address', 'phone', 'email', 'website'])
				assert.equal(f(L[`member.${k}`]), fact(t[k]), k);

			// Focus industries, by name, linking to the filtered directory.
			const ind = section(html, 'ind-h');
			assert.ok(ind, 'no industries section');
			if (t.industries.length)
				assert.deepEqual(links(ind).map((l) => [l.href, l.text]),
				    t.industries.map((i) => [`/members?industry=${i.slug}`, i.name_ko]));
			else
				assert.equal(text(ind.replace(/<h2[\s\S]*?<\/h2>/, '')), UNKNOWN, 'no industries: unknown');

			// Activities, in year order (unknown years last).
			const ev = section(html, 'ev-h');
			if (t.events.length) {
				assert.ok(ev, 'no activities section');
				assert.deepEqual(all(ev, /<li>([\s\S]*?)<\/li>/g).map(text),
				    t.events.map((e) => [e.year_note || e.year, e.description].filter(Boolean).join(' ')));
				/* a note that restates its year stands alone (issue 12, item 11: "2025 (2025년까지 (계획))") */
				assert.ok(!/\d{4} \(\d{4}년/.test(text(ev)), 'a year beside a note that says it again');
			} else {
				assert.equal(ev, null, 'an activities section without activities');
			}

			// People: visible ones only, in order; demo people badged; real people with their note.
			const people = expectedMemberPeople(t);
			const rows = peopleRows(html);
			assert.deepEqual(rows.map((r) => r.name), people.map((p) => p.name), 'people and their order');
			const shown = contactsShown(html);
			for (const [i, p] of people.entries()) {
				const r = rows[i];
				assert.equal(r.demo, p.is_demo === 1 ? L.demo : null, `${p.name}: demo badge`);
				if (p.is_demo !== 1 && p.note)
					assert.equal(text(r.note ?? ''), p.note, `${p.name}: note`);
				assert.equal(r.title, fact(p.title), `${p.name}: title`);
				assert.equal(r.department, fact(p.department), `${p.name}: department`);
				if (shown) {
					assert.equal(r.phone, fact(p.phone), `${p.name}: phone`);
					assert.equal(r.email, fact(p.email), `${p.name}: e-mail`);
				} else {
					assert.equal(r.phone, undefined, `${p.name}: phone shown although contacts are hidden`);
					if (p.phone)
						assert.ok(!html.includes(p.phone), `${p.name}: phone in the page although contacts are hidden`);
				}
			}
			if (people.length === 0)
				assert.ok(text(section(html, 'people-h')).includes(L['member.no_people']));
			if (people.length > 0)
				assert.equal(html.includes(L.contacts_hidden), !shown, 'the "contacts hidden" note, and only when they are');
			for (const p of hidden) {
				assert.ok(!html.includes(p.name), `hidden person ${p.name} on ${path}`);
				for (const v of [p.phone, p.email].filter(Boolean))
					assert.ok(!html.includes(v), `hidden person's ${v} on ${path}`);
			}
		});
	}

	test('unknown facts are said to be unknown: gyeonggi has no phone', async () => {
		const res = await get('/members/gyeonggi');
		const facts = new Map(definitions(res.body, 'facts').map(([k, v]) => [k, v]));
		assert.equal(data.tpBySlug.get('gyeonggi').phone, null, 'sql/: gyeonggi has a phone now');
		assert.match(facts.get(L['member.phone']), /<span class="unknown">알려지지 않음<\/span>/);
	});

	test('some profile shows a demo person with the 데모 badge and a real person without it', async () => {
		const demo = data.people.find((p) => p.is_demo === 1 && p.visible === 1 && p.tp);
		const real = data.people.find((p) => p.is_demo === 0 && p.visible === 1 && p.tp);
		assert.ok(demo && real, 'sql/: need a visible demo person and a visible real person at a technopark');
		for (const [p, badge] of [[demo, L.demo], [real, null]]) {
			const rows = peopleRows((await get(`/members/${p.tp.slug}`)).body);
			const row = rows.find((r) => r.name === p.name);
			assert.ok(row, `${p.name} not on /members/${p.tp.slug}`);
			assert.equal(row.demo, badge, `${p.name}: badge`);
		}
	});
});
