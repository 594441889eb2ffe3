// people.test.mjs - the people directory /people: search by name fragment, title, department and
// technopark; the tp filter (association = the secretariat); paging past PEOPLE_PAGE results; the demo
// badge; and hidden people (visible = 0), who must not appear on any page. Expectations: sql/ + lib.mjs's model.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	L, data, get, text, decode, cmp, links, element, options, peopleRows, peoplePages, contactsShown,
	expectedPeople, hiddenPeople, PEOPLE_PAGE, assertHtmlPage, mapLimit, memberRows,
} from './lib.mjs';

const UNKNOWN = L.unknown;
const fact = (v) => (v === null || v === undefined ? UNKNOWN : String(v));
const url = (o) => '/people?' + new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined)).toString();

/** The rows a person should give on /people. */
function expectedRow(p, shown) {
	return {
		name: p.name, demo: p.is_demo === 1 ? L.demo : null,
		org: p.tp ? p.tp.name_ko : data.association.name_ko, orgHref: p.tp ? `/members/${p.tp.slug}` : '/about',
		title: fact(p.title), department: fact(p.department),
		phone: shown ? fact(p.phone) : undefined, email: shown ? fact(p.email) : undefined,
	};
}
const strip = (r) => ({ name: r.name, demo: r.demo, org: r.org, orgHref: r.orgHref, title: r.title,
	department: r.department, phone: r.phone, email: r.email });

/** The numbered page links of the pager: [{ n, href, current }]. */
function pageLinks(html) {
	const ul = /<ul class="pages">([\s\S]*?)<\/ul>/.exec(html);
	if (!ul)
		return [];
	return [...ul[1].matchAll(/<a href="([^"]*)"( aria-current="page")?>(\d+)<\/a>/g)]
	    .map((m) => ({ n: Number(m[3]), href: decode(m[1]), current: Boolean(m[2]) }));
}

/**
 * Fetch a search with all its pages and compare with the model: the people, their order, their
 * columns, the page sizes, the count lines and the links between pages.
 */
async function checkSearch(filter) {
	const path = url(filter);
	const expected = expectedPeople(filter);
	const { pages, rows } = await peoplePages(path, Math.ceil(expected.length / PEOPLE_PAGE) + 2);
	const first = pages[0].res;
	assertHtmlPage(first, `GET ${path}`, { pageTitle: L['people.title'] });
	const shown = contactsShown(first.body);
	assert.deepEqual(rows.map(strip), expected.map((p) => expectedRow(p, shown)), `GET ${path}: people, order and columns`);
	assert.equal(pages.length, Math.max(1, Math.ceil(expected.length / PEOPLE_PAGE)), `GET ${path}: number of pages`);
	for (const [i, pg] of pages.entries()) {
		const n = Math.min(PEOPLE_PAGE, expected.length - i * PEOPLE_PAGE);
		assert.equal(pg.rows.length, Math.max(0, n), `${pg.path}: rows on page ${i + 1}`);
		const count = text(element(pg.res.body, 'p', /class="count"/) ?? '');
		const npages = Math.ceil(expected.length / PEOPLE_PAGE);
		/* a total that includes demo people says how many (issue 20) */
		const demo = expected.filter((p) => p.is_demo === 1).length;
		const demoNote = demo > 0 ? ` (${L['committee.seats_demo']} ${demo}${L['people.found']} ${L['committee.seats_demo_incl']})` : '';
		if (n > 0)
			assert.equal(count, `${L['people.total']} ${expected.length}${L['people.found']}${demoNote} · ${i + 1}/${npages}${L['people.page']} ` +
			    `(${i * PEOPLE_PAGE + 1}–${i * PEOPLE_PAGE + n})`, `${pg.path}: count line`);
		else
			assert.ok(text(pg.res.body).includes(L['people.empty']), `${pg.path}: no "${L['people.empty']}"`);
		/* numbered links: the first, the last and two either side of this page, this one marked */
		const nums = pageLinks(pg.res.body);
		if (npages <= 1) {
			assert.deepEqual(nums, [], `${pg.path}: page numbers for one page`);
		} else {
			const want = [...new Set([1, ...[-2, -1, 0, 1, 2].map((d) => i + 1 + d), npages])].filter((k) => k >= 1 && k <= npages).sort((a, b) => a - b);
			assert.deepEqual(nums.map((l) => l.n), want, `${pg.path}: page numbers`);
			assert.deepEqual(nums.filter((l) => l.current).map((l) => l.n), [i + 1], `${pg.path}: the current page`);
			for (const l of nums) {
				const u = new URL(l.href, 'http://x');
				assert.equal(u.searchParams.get('page'), String(l.n), `${l.href}: page`);
				assert.equal(u.searchParams.get('q') ?? '', filter.q ?? '', `${l.href}: q`);
				assert.equal(u.searchParams.get('tp') ?? '', filter.tp ?? '', `${l.href}: tp`);
			}
		}
		const rels = links(pg.res.body).filter((l) => l.rel === 'prev' || l.rel === 'next').map((l) => l.rel);
		assert.deepEqual(rels, [...(i > 0 ? ['prev'] : []), ...(i < pages.length - 1 ? ['next'] : [])], `${pg.path}: pager links`);
		// The search box and the tp filter keep what was asked.
		const box = /<input id="f-q"[^>]*value="([^"]*)"/.exec(pg.res.body);
		assert.ok(box, `${pg.path}: no search box`);
		assert.equal(decode(box[1]), filter.q ?? '', `${pg.path}: search box value`);
		const sel = options(pg.res.body, 'f-tp').filter((o) => o.selected).map((o) => o.value);
		assert.deepEqual(sel, filter.tp ? [filter.tp] : [], `${pg.path}: selected tp`);
	}
	return { pages, rows, expected };
}

describe('/people: search', () => {
	test('everyone (no filter), paged: pages do not overlap and together give everyone', async () => {
		const { pages, rows, expected } = await checkSearch({});
		assert.ok(expected.length > PEOPLE_PAGE, `sql/: only ${expected.length} visible people, paging is not exercised`);
		assert.equal(new Set(rows.map((r) => `${r.name}|${r.org}`)).size, rows.length, 'a person on two pages');
		// The next link leads to page 2 and the prev link of page 2 back to page 1.
		assert.match(pages[1].path, /[?&]page=2(&|$)/);
		const back = links(pages[1].res.body).find((l) => l.rel === 'prev');
		const again = await get(back.href);
		assert.deepEqual(peopleRows(again.body), pages[0].rows, 'prev link does not give page 1 again');
	});

	test('the first page tells the total and links every page by number', async () => {
		const all = expectedPeople({});
		const res = await get('/people');
		assert.ok(text(element(res.body, 'p', /class="count"/) ?? '').startsWith(`${L['people.total']} ${all.length}${L['people.found']}`), 'no total');
		const n = Math.ceil(all.length / PEOPLE_PAGE);
		assert.ok(n >= 2, 'the demo data fills one page only');
		const last = pageLinks(res.body).at(-1);
		assert.equal(last.n, n, 'no link to the last page');
		assert.equal(peopleRows((await get(last.href)).body).length, all.length - (n - 1) * PEOPLE_PAGE, 'the last page');
	});

	test('a page past the end is empty and links back', async () => {
		const n = Math.ceil(expectedPeople({}).length / PEOPLE_PAGE);
		const res = await get(`/people?page=${n + 1}`);
		assert.equal(res.status, 200);
		assert.deepEqual(peopleRows(res.body), []);
		assert.ok(text(res.body).includes(L['people.empty']));
		assert.ok(links(res.body).some((l) => l.rel === 'prev' && l.href.endsWith(`page=${n}`)), 'no link to the last page');
	});

	test('each visible demo person by full name: exactly what the model finds', async () => {
		const demo = data.people.filter((p) => p.is_demo === 1 && p.visible === 1);
		assert.ok(demo.length > 0, 'sql/: no visible demo people');
		await mapLimit(demo, 8, async (p) => {
			const { rows } = await checkSearch({ q: p.name });
			assert.ok(rows.some((r) => r.name === p.name && r.demo === L.demo), `${p.name} not found by name, or without the 데모 badge`);
		});
	});

	test('name fragments (a name without its first syllable) find every person whose name contains it', async () => {
		const frags = [...new Set(data.people.filter((p) => p.visible === 1).map((p) => [...p.name].slice(1).join('')))]
		    .filter((f) => f.length > 0);
		assert.ok(frags.length > 1);
		for (const f of frags) {
			const { rows, expected } = await checkSearch({ q: f });
			assert.ok(expected.length > 0, `model: nobody for ${f}`);
			for (const r of rows)
				assert.ok([r.name, r.title, r.department, r.org].some((v) => v.includes(f)), `${r.name} does not match ${f}`);
		}
	});

	test('a fragment of one name finds that person and not the others', async () => {
		// A two-syllable piece of a name that no other visible person's searchable text contains.
		const visible = data.people.filter((p) => p.visible === 1);
		let found = 0;
		for (const p of visible.filter((x) => x.is_demo === 1)) {
			const chars = [...p.name];
			for (let i = 0; i + 2 <= chars.length; i++) {
				const frag = chars.slice(i, i + 2).join('');
				const hits = expectedPeople({ q: frag });
				if (hits.length === 1 && hits[0] === p) {
					const { rows } = await checkSearch({ q: frag });
					assert.deepEqual(rows.map((r) => r.name), [p.name]);
					found++;
					break;
				}
			}
			if (found >= 5)
				break;
		}
		assert.ok(found > 0, 'sql/: no name fragment is unique to one person');
	});

	test('titles, departments and technopark names are searched too', async () => {
		const visible = data.people.filter((p) => p.visible === 1);
		const qs = new Set([
			'팀장',
			...visible.map((p) => p.title).filter(Boolean).slice(0, 3),
			...visible.map((p) => p.department).filter(Boolean).slice(0, 3),
			...data.technoparks.map((t) => t.name_ko.replace('테크노파크', '')),
		]);
		await mapLimit([...qs], 8, (q) => checkSearch({ q }));
	});

	test('a search that matches nobody says so', async () => {
		for (const q of ['없는사람', 'zzzz']) {
			assert.equal(expectedPeople({ q }).length, 0, `model: someone matches ${q}`);
			const { pages } = await checkSearch({ q });
			assert.equal(element(pages[0].res.body, 'table', /class="people"/), null, `${q}: a table without people`);
		}
	});

	test('LIKE wildcards in the query are taken literally', async () => {
		for (const q of ['%', '_', '\\', '%%', '김%', '_데모']) {
			assert.equal(expectedPeople({ q }).length, 0, `model: someone matches ${q}`);
			await checkSearch({ q });
		}
	});

	test('a query of one space is a search for a space (nothing is trimmed)', async () => {
		await checkSearch({ q: ' ' });
	});
});

describe('/people: the tp filter', () => {
	test('tp=association gives the secretariat only', async () => {
		const staff = expectedPeople({ tp: 'association' });
		assert.ok(staff.length > 0, 'sql/: no association staff');
		const { rows } = await checkSearch({ tp: 'association' });
		assert.ok(rows.every((r) => r.orgHref === '/about'));
	});

	test('each technopark gives its visible people', async () => {
		await mapLimit(data.technoparks, 8, (t) => checkSearch({ tp: t.slug }));
	});

	test('a query within one technopark', async () => {
		for (const t of data.technoparks.slice(0, 5))
			for (const q of ['팀장', '데모', t.name_ko.slice(0, 2)])
				await checkSearch({ q, tp: t.slug });
		await checkSearch({ q: '데모', tp: 'association' });
	});

	test('the tp options: the association first, then every technopark by name', async () => {
		const res = await get('/people');
		const opts = options(res.body, 'f-tp');
		assert.deepEqual(opts.map((o) => o.value),
		    ['', 'association', ...[...data.technoparks].sort((a, b) => cmp(a.name_ko, b.name_ko) || a.id - b.id).map((t) => t.slug)]);
	});
});

describe('hidden people (visible = 0) appear nowhere', () => {
	const hidden = hiddenPeople();
	const assertAbsent = (html, where) => {
		for (const p of hidden) {
			assert.ok(!html.includes(p.name), `hidden person ${p.name} on ${where}`);
			for (const v of [p.phone, p.email].filter(Boolean))
				assert.ok(!html.includes(v), `hidden person's ${v} on ${where}`);
		}
	};

	test('the demo data hides someone', () => {
		assert.ok(hidden.length > 0, 'sql/demo: no row with visible = 0');
	});

	test('not found by name, nor on their technopark\'s profile', async () => {
		for (const p of hidden) {
			const byName = await get(url({ q: p.name }));
			assert.equal(byName.status, 200);
			assert.deepEqual(peopleRows(byName.body), [], `${p.name} found by name`);
			assertAbsent(byName.body.replace(/<input id="f-q"[^>]*>/, ''), `/people?q=${p.name} (outside the search box)`);
			if (p.tp)
				assertAbsent((await get(`/members/${p.tp.slug}`)).body, `/members/${p.tp.slug}`);
		}
	});

	test('not listed under their technopark (tp filter)', async () => {
		for (const p of hidden.filter((x) => x.tp)) {
			const { pages } = await checkSearch({ tp: p.tp.slug });
			pages.forEach((pg) => assertAbsent(pg.res.body, pg.path));
		}
	});

	test('not on any page of the portal', async () => {
		const paths = ['/', '/members', '/members?sort=joined', '/about', ...data.technoparks.map((t) => `/members/${t.slug}`)];
		for (const path of paths) {
			const res = await get(path);
			assert.equal(res.status, 200, path);
			assertAbsent(res.body, path);
		}
		const { pages } = await peoplePages('/people');
		pages.forEach((pg) => assertAbsent(pg.res.body, pg.path));
		assert.ok(memberRows((await get('/members')).body).length > 0);
	});
});
