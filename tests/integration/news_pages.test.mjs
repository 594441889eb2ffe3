// news_pages.test.mjs - the news pages for readers against the seed and demo articles (read only): /news with
// every category and publisher filter, the pinned notice on the first page only, refused filters and
// cursors; every article page (body, facts, publisher link, source citation, previous and next in the same
// filter); a technopark profile's latest articles; and the Atom feeds (all, per category, per technopark),
// parsed by a real XML parser and checked for RFC 4287's required elements.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	L, BASE, data, get, rawRequest, text, h1s, links, assertHtmlPage, assertErrorPage, assertSecurityHeaders, refusedParam,
} from './lib.mjs';
import {
	articles, byId, categories, expectedList, newsItems, listSection, pinnedSection, pagerLink, categoryName,
	publisherName, parseAtom, assertValidAtom, PAGE, todayKst,
} from './news_lib.mjs';

const listed = articles.filter((a) => a.listed);
const tps = [...new Set(listed.map((a) => a.tp).filter(Boolean))];
const filters = [
	{},
	...categories.map((c) => ({ category: c.slug })),
	{ tp: 'association' },
	...tps.map((tp) => ({ tp })),
	{ tp: 'association', category: 'notice' },
	{ tp: 'chungnam', category: 'call' },
	{ tp: 'jeju' },				/* a member with no articles: an empty list */
	{ tp: 'busan', category: 'notice' },	/* a pair with none */
];
/* the query string the portal writes for a filter: category first, then tp */
const qs = (f) => new URLSearchParams([['category', f.category], ['tp', f.tp]].filter(([, v]) => v)).toString();

describe('/news lists', () => {
	assert.ok(listed.length > 5, 'the seed and demo data should hold several articles');
	for (const f of filters) {
		const path = `/news${qs(f) ? `?${qs(f)}` : ''}`;
		test(`GET ${path}`, async () => {
			const res = await get(path);
			assert.equal(res.status, 200, `${path}: status`);
			assertSecurityHeaders(res, path);
			const html = assertHtmlPage(res, path);
			const want = expectedList(f);
			const items = newsItems(listSection(html));
			assert.deepEqual(items.map((i) => i.id), want.slice(0, PAGE).map((a) => a.id), `${path}: articles in order`);
			for (const [k, it] of items.entries()) {
				const a = want[k];
				assert.equal(it.title, a.title, `${path}: title of ${a.id}`);
				assert.equal(it.category, categoryName(a.category), `${path}: category of ${a.id}`);
				assert.equal(it.publisher, publisherName(a.tp), `${path}: publisher of ${a.id}`);
				assert.equal(it.date, a.published_at.slice(0, 10), `${path}: date of ${a.id}`);
				assert.equal(it.demo, a.is_demo === 1, `${path}: demo badge of ${a.id}`);
				assert.equal(it.pinned, a.pinned, `${path}: pinned badge of ${a.id}`);
				assert.equal(it.href, `/news/${a.id}${qs(f) ? `?${qs(f)}` : ''}`, `${path}: the link keeps the filter`);
			}
			if (want.length === 0)
				assert.ok(text(listSection(html)).includes(L['news.empty']), `${path}: no "empty" message`);
			/* pinned notices of this filter, on the first page */
			const pinned = pinnedSection(html);
			const wantPinned = want.filter((a) => a.pinned);
			assert.deepEqual(pinned === null ? [] : newsItems(pinned).map((i) => i.id), wantPinned.map((a) => a.id), `${path}: pinned`);
			/* the selected filter values are shown */
			if (f.category)
				assert.match(html, new RegExp(`<option value="${f.category}" selected>`), `${path}: category not selected`);
			if (f.tp)
				assert.match(html, new RegExp(`<option value="${f.tp}" selected>`), `${path}: tp not selected`);
			/* its feed is advertised */
			const feed = `/news.atom${qs(f) ? `?${qs(f)}` : ''}`;
			assert.ok(html.includes(`<link rel="alternate" type="application/atom+xml"`) &&
			    html.includes(`href="${feed.replace(/&/g, '&amp;')}"`), `${path}: no feed link to ${feed}`);
			assert.equal(pagerLink(html, 'next'), want.length > PAGE ? `/news?page=2${qs(f) ? `&${qs(f)}` : ''}` : null);
		});
	}

	test('the pinned notice is on top of the first page, not on later ones', async () => {
		const pinned = listed.filter((a) => a.pinned);
		assert.ok(pinned.length > 0, 'the demo data has a pinned notice');
		const first = await get('/news');
		assert.deepEqual(newsItems(pinnedSection(first.body)).map((i) => i.id), pinned.sort((a, b) => (a.published_at < b.published_at ? 1 : -1)).map((a) => a.id));
		const oldest = expectedList({}).at(-1);
		const later = await get(`/news?before=${expectedList({})[1].id}`);
		assert.equal(later.status, 200);
		assert.equal(pinnedSection(later.body), null, 'a later page shows no pinned block');
		assert.ok(newsItems(listSection(later.body)).some((i) => i.id === oldest.id), 'the later page lists the rest');
	});

	test('a page older than the cursor, and newer back again', async () => {
		const all = expectedList({});
		const cut = all[3];
		const older = await get(`/news?before=${cut.id}`);
		assert.deepEqual(newsItems(listSection(older.body)).map((i) => i.id), all.slice(4, 4 + PAGE).map((a) => a.id));
		/* newer than the oldest: it reaches the top, so it is the first page itself */
		const newer = await get(`/news?after=${all.at(-1).id}`);
		assert.deepEqual(newsItems(listSection(newer.body)).map((i) => i.id), all.slice(0, PAGE).map((a) => a.id));
	});

	test('refused filters and cursors: 400 naming the parameter', async () => {
		for (const [path, key] of [
			['/news?category=nope', 'category'], ['/news?tp=nowhere', 'tp'], ['/news?category=NOTICE', 'category'],
			['/news?before=1&after=2', 'after'], ['/news?before=999999999', 'before'], ['/news?after=999999999', 'after'],
			['/news?before=0', 'before'], ['/news?before=x', 'before'],
			['/news?category=notice&category=press', 'category'], ['/news.atom?category=nope', 'category'],
		]) {
			const res = await get(path);
			assertErrorPage(res, 400, path);
			assert.equal(refusedParam(res.body), key, `${path}: the refused parameter`);
		}
	});

	test('a key the list does not take (?p=2, ?utm_source=) is ignored: the same page', async () => {
		for (const [path, plain] of [['/news?p=2', '/news'], ['/news?utm_source=mail&fbclid=abc', '/news'],
		    ['/news.atom?before=3', '/news.atom'], ['/news/1?before=3', '/news/1']]) {
			const [res, want] = await Promise.all([get(path), get(plain)]);
			assert.equal(res.status, want.status, `${path}: status`);
			assert.equal(res.body, want.body, `${path}: not the answer of ${plain}`);
		}
	});

	test('empty filter values are no filter', async () => {
		const res = await get('/news?category=&tp=');
		assert.equal(res.status, 200);
		assert.deepEqual(newsItems(listSection(res.body)).map((i) => i.id), expectedList({}).slice(0, PAGE).map((a) => a.id));
	});
});

describe('/news/{id}', () => {
	for (const a of listed) {
		test(`GET /news/${a.id}`, async () => {
			const res = await get(`/news/${a.id}`);
			const html = assertHtmlPage(res, `/news/${a.id}`, { pageTitle: a.title });
			assert.equal(h1s(html)[0].replace(/\s*데모$/, ''), a.title);
			/* the stored HTML, as it is: the one raw output */
			const body = /<div class="article-body">\s*([\s\S]*?)\s*<\/div>/.exec(html)?.[1];
			assert.equal(body, a.body_html.trim(), 'body');
			assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, 'one <h1> only, whatever the body');
			const facts = /<dl class="facts news-facts">([\s\S]*?)<\/dl>/.exec(html)[1];
			assert.ok(text(facts).includes(categoryName(a.category)));
			/* a source that gives a day and no time (date_only, issue 20): the day alone, no made-up time */
			if (a.date_only === 1) {
				assert.ok(text(facts).includes(a.published_at.slice(0, 10)), 'published day');
				assert.ok(!text(facts).includes(a.published_at.slice(0, 16)), 'a published time the source does not give');
			} else {
				assert.ok(text(facts).includes(a.published_at.slice(0, 16)), 'published time');
			}
			const pub = links(facts).find((l) => l.text === publisherName(a.tp));
			assert.ok(pub, 'publisher link');
			assert.equal(pub.href, a.tp === null ? '/about' : `/members/${a.tp}`, 'publisher link target');
			if (a.source_id !== null) {
				const src = data.sources.find((s) => s.id === a.source_id);
				assert.ok(text(html).includes(`${L['news.source']}: ${src.outlet}, 「${src.title}」, ${src.published_on}`), 'source citation');
			}
			assert.equal(/<a href="\/admin\/news\//.test(html), false, 'no edit link for an anonymous reader');
		});
	}

	test('previous and next in the same filter', async () => {
		for (const f of [{}, { category: 'notice' }, { tp: 'chungnam' }, { tp: 'association' }]) {
			const list = expectedList(f);
			for (const [k, a] of list.entries()) {
				const path = `/news/${a.id}${qs(f) ? `?${qs(f)}` : ''}`;
				const html = (await get(path)).body;
				const nav = /<nav class="prevnext"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
				const got = links(nav).map((l) => l.href);
				const want = [...(k > 0 ? [list[k - 1]] : []), ...(k + 1 < list.length ? [list[k + 1]] : [])]
				    .map((x) => `/news/${x.id}${qs(f) ? `?${qs(f)}` : ''}`);
				assert.deepEqual(got, want, `${path}: newer, then older`);
				assert.ok(html.includes(`href="/news${qs(f) ? `?${qs(f).replace(/&/g, '&amp;')}` : ''}"`), `${path}: back to the same list`);
			}
		}
	});

	test('unknown and malformed ids', async () => {
		for (const path of ['/news/999999', '/news/0', '/news/01', '/news/abc', '/news/1/x'])
			assertErrorPage(await get(path), 404, path);
	});

	test('HEAD /news/1 sends no body', async () => {
		const res = await rawRequest('HEAD', '/news/1');
		assert.equal(res.status, 200);
		assert.equal(res.body.length, 0);
	});
});

describe('a technopark profile lists its latest articles', () => {
	for (const tp of [...tps, 'jeju']) {
		test(`/members/${tp}`, async () => {
			const html = (await get(`/members/${tp}`)).body;
			const sec = /<section aria-labelledby="news-h">([\s\S]*?)<\/section>/.exec(html)?.[1];
			assert.ok(sec, 'no news section');
			const want = expectedList({ tp }).slice(0, 5);
			assert.deepEqual(newsItems(sec).map((i) => i.id), want.map((a) => a.id));
			if (want.length === 0)
				assert.ok(text(sec).includes(L['news.member_none']));
			else
				assert.ok(links(sec).some((l) => l.href === `/news?tp=${tp}`), 'link to the full list');
		});
	}
});

describe('Atom feeds', () => {
	for (const f of [{}, ...categories.map((c) => ({ category: c.slug })), { tp: 'association' }, { tp: 'chungnam' },
	    { tp: 'gyeonggi', category: 'event' }, { tp: 'jeju' }]) {
		const path = `/news.atom${qs(f) ? `?${qs(f)}` : ''}`;
		test(`GET ${path}`, async () => {
			const res = await get(path);
			assert.equal(res.status, 200);
			assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
			assertSecurityHeaders(res, path);
			assert.ok(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'), 'XML declaration first');
			const feed = parseAtom(res.bytes);
			assertValidAtom(feed, BASE + path, path);
			assert.equal(feed.lang, 'ko');
			const want = expectedList(f).slice(0, 20);
			assert.deepEqual(feed.entries.map((e) => e.id), want.map((a) => `${BASE}/news/${a.id}`), 'entries, newest first');
			for (const [k, e] of feed.entries.entries()) {
				const a = want[k];
				assert.equal(e.title, a.title);
				assert.equal(e.contentType, 'html');
				assert.equal(e.content, a.body_html, 'content: the article HTML as escaped text');
				assert.equal(e.published, a.published_at.replace(' ', 'T') + '+09:00');
				assert.equal(e.authors[0], a.tp === null ? data.association.name_ko : publisherName(a.tp));
				assert.deepEqual(e.categories, [{ term: a.category, label: categoryName(a.category) }]);
				assert.ok(e.links.some((l) => l.href === `${BASE}/news/${a.id}`), 'entry link');
			}
			if (want.length > 0)
				assert.equal(feed.updated, feed.entries.map((e) => e.updated).sort().at(-1), 'feed updated = newest entry');
			else
				assert.ok(feed.updated.slice(0, 10) <= todayKst(), 'an empty feed is updated now');
		});
	}
	test('the feed of a filter that does not exist is refused', async () => {
		assertErrorPage(await get('/news.atom?tp=nowhere'), 400, '/news.atom?tp=nowhere');
	});
	test('byId covers the demo pinned notice', () => {
		assert.ok([...byId.values()].some((a) => a.pinned));
	});
});
