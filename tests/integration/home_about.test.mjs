// home_about.test.mjs - the home page (the association in brief, all members, the network figures)
// and /about (facts, history, chairs, functions, committees, the source), checked against sql/seed.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	L, data, get, text, links, h1s, section, definitions, element, all,
	thousands, eok, assertHtmlPage,
} from './lib.mjs';
import { asOf, enMark } from './seed_marks.mjs';
import { sql, needSql, DB_NOW } from './lib_accounts.mjs';

const UNKNOWN = L.unknown;
const factText = (v) => (v === null || v === undefined ? UNKNOWN : String(v));

describe('home page /', () => {
	let res, html;
	before(async () => {
		res = await get('/');
		assert.equal(res.status, 200, 'GET /: status');
		html = assertHtmlPage(res, 'GET /', { pageTitle: L['home.title'] });
	});

	test('heading and the association in brief', () => {
		assert.equal(h1s(html)[0], L['home.heading']);
		const intro = section(html, 'intro-h');
		assert.ok(intro, 'no intro section');
		const a = data.association;
		assert.ok(text(intro).includes(a.name_ko), 'intro without the association name');
		for (const v of [a.name_en, a.legal_form, a.summary].filter(Boolean))
			assert.ok(text(intro).includes(v), `intro without ${v}`);
		assert.ok(links(intro).some((l) => l.href === '/about'), 'no link to /about');
	});

	test('lists every member, in id order, linking to its profile with its region', () => {
		const sec = section(html, 'members-h');
		assert.ok(sec, 'no members section');
		const expected = [...data.technoparks].sort((a, b) => a.id - b.id);
		const tiles = all(element(sec, 'ul', /class="tiles"/) ?? '', /<li>([\s\S]*?)<\/li>/g).map((li) => ({
			href: links(li)[0]?.href, name: text(/class="tile-name">([\s\S]*?)<\/span>/.exec(li)?.[1] ?? ''),
			region: text(/class="tile-meta">([\s\S]*?)<\/span>/.exec(li)?.[1] ?? ''),
		}));
		assert.deepEqual(tiles, expected.map((t) => ({ href: `/members/${t.slug}`, name: t.name_ko, region: t.region.name_ko })));
		assert.ok(text(sec).includes(`${expected.length}${L['home.members_count']}`),
		    `no "${expected.length}${L['home.members_count']}"`);
		assert.ok(links(sec).some((l) => l.href === '/members'), 'no link to /members');
	});

	test('the network figures: every year with company counts, formatted', () => {
		const sec = section(html, 'figures-h');
		assert.ok(sec, 'no figures section');
		const got = all(element(sec, 'tbody') ?? '', /<tr>([\s\S]*?)<\/tr>/g)
		    .map((tr) => all(tr, /<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g).map(text));
		const expected = data.figures.filter((f) => f.tenant_companies !== null).map((f) => [
			String(f.year),
			f.tenant_companies === null ? UNKNOWN : thousands(f.tenant_companies),
			f.employees === null ? UNKNOWN : thousands(f.employees),
			f.revenue_eok === null ? UNKNOWN : eok(f.revenue_eok),
		]);
		assert.ok(expected.length > 0, 'sql/: no figures with company counts');
		assert.deepEqual(got, expected);
	});

	test('the figures the source reports appear as written', () => {
		const sec = text(section(html, 'figures-h') ?? '');
		for (const v of ['826', '2,256', '16,564', '19,674', '17조 6,031억 원'])
			assert.ok(sec.includes(v), `figures without ${v}`);
	});

	test('navigation to the three sections', () => {
		const nav = element(html, 'nav');
		assert.ok(nav, 'no <nav>');
		const sections = ['/members', '/people', '/about'];
		assert.deepEqual(links(nav).filter((l) => sections.includes(l.href)).map((l) => [l.href, l.text]),
		    [['/members', L['nav.members']], ['/people', L['nav.people']], ['/about', L['nav.about']]]);
	});
});

describe('/about', () => {
	let html;
	before(async () => {
		const res = await get('/about');
		assert.equal(res.status, 200, 'GET /about: status');
		html = assertHtmlPage(res, 'GET /about', { pageTitle: L['about.title'] });
	});

	test('facts about the association; unknown ones said so', () => {
		const a = data.association;
		const dl = new Map(definitions(html, 'facts').map(([k, v]) => [k, text(v)]));
		assert.equal(dl.get(L['member.name_en']), factText(a.name_en) + enMark(a.name_en_derived));
		assert.equal(dl.get(L['about.legal_form']), factText(a.legal_form) + (a.legal_form ? asOf(a.source_id) : ''));
		assert.equal(dl.get(L['about.address']), factText(a.address) + (a.address ? asOf(a.source_id) : ''));
		assert.equal(dl.get(L['member.phone']), factText(a.phone));
		assert.equal(dl.get(L['member.email']), factText(a.email));
		assert.equal(dl.get(L['member.website']), factText(a.website));
		assert.ok(text(section(html, 'sum-h')).includes(a.summary), 'no summary');
	});

	test('the history, in order, with every year', () => {
		const items = all(element(html, 'ol', /class="timeline"/) ?? '', /<li>([\s\S]*?)<\/li>/g);
		const got = items.map((li) => ({
			year: text(/<span class="when">([\s\S]*?)<\/span>\s*<strong>/.exec(li)?.[1] ?? ''),
			title: text(/<strong>([\s\S]*?)<\/strong>/.exec(li)?.[1] ?? ''),
		}));
		assert.deepEqual(got, data.history.map((h) => ({
			year: h.year_note ? `${h.year} (${h.year_note})` : String(h.year), title: h.title,
		})));
		const years = [...new Set(got.map((g) => g.year.slice(0, 4)))];
		for (const y of ['1998', '2003', '2004', '2005', '2014', '2018'])
			assert.ok(years.includes(y), `history without ${y}`);
	});

	test('the chairs', () => {
		const sec = text(section(html, 'lead-h') ?? '');
		for (const l of data.leaders)
			for (const v of [l.name, l.role, l.ordinal_note, l.affiliation].filter(Boolean))
				assert.ok(sec.includes(v), `chairs without ${v}`);
	});

	test('functions, joint programmes and publications, each in its own list', () => {
		for (const [id, kind] of [['fn-h', 'function'], ['pg-h', 'programme'], ['pub-h', 'publication']]) {
			const got = all(section(html, id) ?? '', /<strong>([\s\S]*?)<\/strong>/g).map(text);
			assert.deepEqual(got, data.functions.filter((f) => f.kind === kind).map((f) => f.title), `${kind} list`);
		}
	});

	test('the five committees, in order, with their purpose', () => {
		const got = all(element(html, 'dl', /class="committees"/) ?? '', /<dt>([\s\S]*?)<\/dt>/g)
		    .map((dt) => text(dt.replace(/<span class="en"[\s\S]*?<\/span>/, '')));
		assert.deepEqual(got, data.committees.map((c) => c.name_ko + (c.name_en ? enMark(c.name_en_derived) : '')));
		assert.deepEqual(got.map((g) => g.replace(/ \(.*\)$/, '')), ['총회', '이사회', '원장단', '실무위원회', '사업위원회']);
		const sec = text(section(html, 'com-h'));
		for (const c of data.committees)
			assert.ok(sec.includes(factText(c.purpose)), `no purpose for ${c.name_ko}`);
	});

	test('cites its source', () => {
		const sec = text(section(html, 'src-h') ?? '');
		for (const s of data.sources) {
			const cite = [s.outlet, `「${s.title}」`, s.author, s.published_on].filter(Boolean).join(', ');
			assert.ok(sec.includes(cite), `no citation "${cite}" in: ${sec}`);
		}
	});
});

/* ---- day (issue 12: 8): the home page's dated lists, checked against the database ---- */
describe('home page: the latest notices, the next meetings, the latest member news', () => {
	/* [{ href, title, date, pinned }] of the <ul class="dated"> of section id */
	const entries = (html, id) => all(element(section(html, id) ?? '', 'ul', /class="dated"/) ?? '', /<li>([\s\S]*?)<\/li>/g).map((li) => ({
		links: links(li).map((l) => l.href), date: /<time class="date" datetime="([^"]+)"/.exec(li)?.[1] ?? null,
		pinned: /class="badge pin"/.test(li), text: text(li),
	}));
	/* the page and what the database says, read again while another test file changes the data in between */
	async function settled(want) {
		for (let i = 0; ; i++) {
			const before = want(), html = (await get('/')).body, after = want();
			if (JSON.stringify(before) === JSON.stringify(after) || i === 3)
				return { html, want: after };
		}
	}

	test('notices: today\'s pinned articles first, then the latest of the 공지 category, five, each with its date', async (t) => {
		if (!needSql(t))
			return;
		const { html, want } = await settled(() => {
			const pinned = sql(`SELECT id, DATE_FORMAT(published_at, '%Y-%m-%d') AS d FROM news_articles WHERE listed = 1
			    AND pinned_until >= DATE(${DB_NOW}) ORDER BY published_at DESC, id DESC LIMIT 5`).map((r) => [Number(r.id), r.d, true]);
			const latest = sql(`SELECT id, DATE_FORMAT(published_at, '%Y-%m-%d') AS d FROM news_articles WHERE listed = 1
			    AND category_id = 1 ORDER BY published_at DESC, id DESC LIMIT 5`).map((r) => [Number(r.id), r.d, false]);
			return [...pinned, ...latest.filter((l) => !pinned.some((p) => p[0] === l[0]))].slice(0, 5);
		});
		assert.ok(want.length > 0 && want.some((w) => w[2]) && want.some((w) => !w[2]), 'the demo data has pinned and plain notices');
		assert.deepEqual(entries(html, 'notices-h').map((e) => [Number(/^\/news\/(\d+)$/.exec(e.links[0])?.[1]), e.date, e.pinned]), want);
		assert.ok(links(section(html, 'notices-h')).some((l) => l.href === '/news?category=notice'), 'a link to every notice');
	});

	test('meetings: every committee in its order with its next meeting that is not cancelled, or a word that there is none', async (t) => {
		if (!needSql(t))
			return;
		const { html, want } = await settled(() => sql(`SELECT c.slug, c.name_ko,
		    (SELECT g.id FROM committee_meetings g WHERE g.committee_id = c.id AND g.ends_at >= ${DB_NOW} AND g.status <> 'cancelled'
		     ORDER BY g.starts_at, g.id LIMIT 1) AS next FROM committees c ORDER BY c.sort, c.id`));
		const got = entries(html, 'meetings-h');
		assert.equal(got.length, want.length, 'one entry per committee');
		assert.ok(want.some((w) => w.next !== null && w.next !== 'NULL'), 'the demo data has upcoming meetings');
		for (const [i, w] of want.entries()) {
			assert.equal(got[i].links[0], `/committees/${w.slug}`, `${w.slug}: the committee first`);
			assert.ok(got[i].text.startsWith(w.name_ko), `${w.slug}: its name`);
			if (w.next === null || w.next === 'NULL') {
				assert.ok(got[i].text.includes(L['home.no_meeting']), `${w.slug}: no meeting`);
				continue;
			}
			assert.equal(got[i].links[1], `/committees/${w.slug}/meetings/${w.next}`, `${w.slug}: its next meeting`);
			const day = sql(`SELECT DATE_FORMAT(starts_at, '%Y-%m-%d') AS d FROM committee_meetings WHERE id = ${Number(w.next)}`)[0].d;
			assert.equal(got[i].date, day, `${w.slug}: the meeting's date`);
		}
	});

	test('member news: the five latest articles of technoparks, newest first, with publisher and date', async (t) => {
		if (!needSql(t))
			return;
		const { html, want } = await settled(() => sql(`SELECT a.id, DATE_FORMAT(a.published_at, '%Y-%m-%d') AS d, t.name_ko
		    FROM news_articles a JOIN technoparks t ON t.id = a.technopark_id WHERE a.listed = 1
		    ORDER BY a.published_at DESC, a.id DESC LIMIT 5`));
		const got = entries(html, 'member-news-h');
		assert.equal(want.length, 5, 'the demo data has five member articles');
		assert.deepEqual(got.map((e) => [e.links[0], e.date]), want.map((w) => [`/news/${w.id}`, w.d]));
		for (const [i, w] of want.entries())
			assert.ok(got[i].text.includes(w.name_ko), `${w.id}: its publisher`);
	});
});
