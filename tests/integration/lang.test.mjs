// lang.test.mjs - the portal in English too (issue 17, docs/languages.md): the two language files hold the
// same keys and every key a template uses; ?lang=, the cookie and Accept-Language choose the language of the
// same URL; every page links to itself in the other language and names its alternates; the page cache and
// the ETags never hand one language's page to a reader of the other; and an English page has no Korean
// outside elements marked lang="ko" (record texts without an English form: names, news, minutes).

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { ROOT, get, loadRoutes, decode } from './lib.mjs';
import { Session, sql } from './lib_accounts.mjs';
import { unmarkedHangul } from './lang_scan.mjs';

/** An HDF language file as a flat map of its keys (HDF: "key = value" lines, # comments). */
function hdfKeys(lang) {
	const out = new Map();
	for (const line of readFileSync(`${ROOT}/templates/lang/${lang}.hdf`, 'utf8').split('\n')) {
		const m = /^\s*([A-Za-z0-9_.]+)\s*=\s?(.*)$/.exec(line);
		if (m && !line.trimStart().startsWith('#'))
			out.set(m[1], m[2]);
	}
	return out;
}

const htmlLang = (body) => /<html lang="([^"]*)"/.exec(body)?.[1];
const switchLink = (body) => {
	const m = /<a class="lang-switch" href="([^"]*)" hreflang="([^"]*)" lang="([^"]*)">([^<]*)<\/a>/.exec(body);
	return m ? { href: decode(m[1]), hreflang: m[2], lang: m[3], name: m[4] } : null;
};
const alternates = (body) => Object.fromEntries([...body.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">/g)]
    .map((m) => [m[1], decode(m[2])]));
const withLang = (url, lang) => url + (url.includes('?') ? '&' : '?') + `lang=${lang}`;

describe('the language files', () => {
	const ko = hdfKeys('ko'), en = hdfKeys('en');

	test('en.hdf has every key of ko.hdf and no other', () => {
		const missing = [...ko.keys()].filter((k) => !en.has(k));
		const extra = [...en.keys()].filter((k) => !ko.has(k));
		assert.deepEqual(missing, [], `keys of ko.hdf missing from en.hdf`);
		assert.deepEqual(extra, [], `keys of en.hdf that ko.hdf does not have`);
	});

	test('every L. key a template uses is in both files', () => {
		// a key is used whole (L.news.title) or as the node a template indexes (L.committee.role[s.role])
		const dir = `${ROOT}/templates`;
		const files = [...readdirSync(dir).filter((f) => f.endsWith('.cs')),
		    ...readdirSync(`${dir}/mail`).filter((f) => f.endsWith('.cs')).map((f) => `mail/${f}`)];
		const nodes = (keys) => new Set([...keys.keys()].flatMap((k) => k.split('.').map((_, i, a) => a.slice(0, i + 1).join('.'))));
		const koNodes = nodes(ko), enNodes = nodes(en);
		const absent = [];
		for (const f of files)
			for (const m of readFileSync(`${dir}/${f}`, 'utf8').matchAll(/\bL\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)(\[)?/g)) {
				const key = m[1].replace(/\.$/, '');
				const has = (keys, set) => (m[2] ? set.has(key) : keys.has(key) || set.has(key));
				if (!has(ko, koNodes))
					absent.push(`${f}: L.${key} not in ko.hdf`);
				if (!has(en, enNodes))
					absent.push(`${f}: L.${key} not in en.hdf`);
			}
		assert.deepEqual([...new Set(absent)], []);
	});

	test('the English values are English: no Hangul but in the name of Korean itself', () => {
		const korean = [...en].filter(([k, v]) => /[\uac00-\ud7a3]/.test(v) && k !== 'lang.other_name');
		assert.deepEqual(korean, []);
	});
});

describe('choosing the language', () => {
	test('without a choice: Accept-Language, else Korean', async () => {
		const cases = [
			[undefined, 'ko'], ['*', 'ko'], ['fr-FR,fr;q=0.9', 'ko'], ['ko-KR,ko;q=0.9,en;q=0.8', 'ko'],
			['en-US,en;q=0.9', 'en'], ['EN', 'en'], ['fr;q=1, en;q=0.5, ko;q=0.4', 'en'], ['ko;q=0.3, en-GB;q=0.7', 'en'],
		];
		for (const [al, want] of cases) {
			const res = await get('/members', { headers: al === undefined ? {} : { 'accept-language': al } });
			assert.equal(res.status, 200);
			assert.equal(htmlLang(res.body), want, `Accept-Language ${al}: <html lang>`);
			assert.equal(res.headers.get('content-language'), want, `Accept-Language ${al}: Content-Language`);
			assert.match(res.headers.get('vary') ?? '', /Accept-Language/, 'Vary names Accept-Language');
			assert.equal(res.headers.get('set-cookie'), null, 'no choice made: no cookie');
		}
	});

	test('?lang= chooses and the cookie keeps the choice, over Accept-Language', async () => {
		const first = await get('/about?lang=en', { headers: { 'accept-language': 'ko' } });
		assert.equal(htmlLang(first.body), 'en');
		const cookie = first.headers.get('set-cookie') ?? '';
		assert.match(cookie, /^lang=en; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
		const next = await get('/members', { headers: { cookie: 'lang=en', 'accept-language': 'ko-KR' } });
		assert.equal(htmlLang(next.body), 'en', 'the cookie outweighs Accept-Language');
		assert.equal(next.headers.get('set-cookie'), null, 'a kept choice is not set again');
		const back = await get('/members?lang=ko', { headers: { cookie: 'lang=en' } });
		assert.equal(htmlLang(back.body), 'ko', '?lang=ko outweighs the cookie');
		assert.match(back.headers.get('set-cookie') ?? '', /^lang=ko;/);
		const odd = await get('/members?lang=fr', { headers: { cookie: 'lang=xx' } });
		assert.equal(odd.status, 200, 'an unknown language is no error');
		assert.equal(htmlLang(odd.body), 'ko');
	});

	test('a form sent from an English page answers in English (the cookie; POST takes no query)', async () => {
		const res = await fetch(process.env.TP_BASE_URL + '/login', {
			method: 'POST', redirect: 'manual',
			headers: { cookie: 'lang=en', 'content-type': 'application/x-www-form-urlencoded', origin: process.env.TP_BASE_URL },
			body: 'login=nobody&password=wrong-password',
		});
		const body = await res.text();
		assert.ok([200, 401, 403, 422].includes(res.status), `POST /login: ${res.status}`);
		assert.equal(htmlLang(body), 'en');
		assert.deepEqual(alternates(body), {}, 'a form\'s answer has no alternates');
		assert.equal(switchLink(body)?.href, '/login?lang=ko', 'its switch link goes to the GET page');
	});
});

describe('the switch link and the alternates', () => {
	test('every page links to itself in the other language, its query kept', async () => {
		const url = '/members?region=chungnam&sort=joined';
		const ko = await get(url + '&utm_source=x');	/* a key the page does not know is left out */
		assert.deepEqual(switchLink(ko.body), { href: `${url}&lang=en`, hreflang: 'en', lang: 'en', name: 'English' });
		const en = await get(withLang(url, 'en') + '&fbclid=y');
		assert.deepEqual(switchLink(en.body), { href: `${url}&lang=ko`, hreflang: 'ko', lang: 'ko', name: '한국어' });
		const alt = alternates(en.body);
		assert.deepEqual(Object.keys(alt).sort(), ['en', 'ko']);
		assert.equal(alt.ko, `${process.env.TP_BASE_URL}${url}&lang=ko`);
		assert.equal(alt.en, `${process.env.TP_BASE_URL}${url}&lang=en`);
		const gone = await get('/no-such-page?lang=en');
		assert.equal(gone.status, 404);
		assert.equal(switchLink(gone.body)?.href, '/?lang=ko', 'a page that is not there links home in the other language');
		assert.deepEqual(alternates(gone.body), {}, 'an error page has no alternates');
	});
});

describe('caches keyed by language', () => {
	test('the kept page and the ETag of one language never answer the other', async () => {
		for (const path of ['/', '/members', '/committees', '/news']) {
			const en1 = await get(path, { headers: { cookie: 'lang=en' } });
			const en2 = await get(path, { headers: { cookie: 'lang=en' } });	/* the kept page, if kept */
			const ko = await get(path, { headers: { cookie: 'lang=ko' } });
			const en3 = await get(path, { headers: { 'accept-language': 'en' } });
			assert.equal(htmlLang(en1.body), 'en', `${path}: first English`);
			assert.equal(htmlLang(en2.body), 'en', `${path}: English again`);
			assert.equal(htmlLang(ko.body), 'ko', `${path}: Korean after English`);
			assert.equal(htmlLang(en3.body), 'en', `${path}: English after Korean`);
			const etagEn = en1.headers.get('etag'), etagKo = ko.headers.get('etag');
			assert.ok(etagEn && etagKo, `${path}: ETags`);
			assert.notEqual(etagEn, etagKo, `${path}: one ETag per language`);
			const cond = await get(path, { headers: { cookie: 'lang=ko', 'if-none-match': etagEn } });
			assert.equal(cond.status, 200, `${path}: a Korean reader holding the English copy gets the Korean page`);
			assert.equal(htmlLang(cond.body), 'ko');
			const same = await get(path, { headers: { cookie: 'lang=en', 'if-none-match': etagEn } });
			assert.ok([200, 304].includes(same.status), `${path}: ${same.status}`);
		}
	});
});

describe('English pages read in English', () => {
	// the pages: every readable GET route's sample, every record page, and the signed-in pages of the
	// secretariat and of a member admin (samples with placeholders filled with a record that exists)
	const pages = [];
	before(async () => {
		const routes = loadRoutes().filter((r) => r.methods.includes('GET'));
		const value = (q) => sql(q).map((r) => Object.values(r)[0]);
		const records = [
			...value("SELECT CONCAT('/members/', slug) FROM technoparks"),
			...value("SELECT CONCAT('/committees/', slug) FROM committees"),
			...value("SELECT CONCAT('/committees/', c.slug, '/resolutions') FROM committees c"),
			...value("SELECT CONCAT('/committees/', c.slug, '/meetings/', g.id) FROM committee_meetings g JOIN committees c ON c.id = g.committee_id"),
			...value('SELECT CONCAT(\'/news/\', id) FROM news_articles WHERE listed = 1'),
			...value('SELECT CONCAT(\'/library/\', id) FROM library_documents WHERE listed = 1'),
			'/library?tp=chungnam', '/library?tp=association&kind=annual-report',
			'/search?q=busan', '/search?q=%EB%B6%80%EC%82%B0', '/news?page=2', '/people?page=2',
		];
		for (const r of routes.filter((x) => ['public', 'open'].includes(x.access) && !x.sample.includes('{')))
			pages.push({ url: r.sample, who: null });
		for (const url of records)
			pages.push({ url, who: null });
		const fill = { '{slug}': 'chungnam', '{id}': '1', '{person}': String(value('SELECT MIN(id) FROM people WHERE technopark_id IS NOT NULL')[0]) };
		for (const who of ['secretariat', 'chungnam-admin']) {
			const s = await Session.signIn(who);
			for (const r of routes.filter((x) => !['public', 'open'].includes(x.access)))
				pages.push({ url: r.sample.replace(/\{[a-z_]+\}/g, (m) => fill[m] ?? '1'), who, cookie: `tp_session=${s.cookie}` });
		}
	});

	test('no Hangul outside elements marked lang="ko", on every page in English', async () => {
		const problems = [];
		let html = 0;
		for (const p of pages) {
			const res = await get(withLang(p.url, 'en'), { headers: p.cookie ? { cookie: p.cookie } : {} });
			if (!(res.headers.get('content-type') ?? '').startsWith('text/html') || res.status >= 300 && res.status < 400)
				continue;
			html++;
			assert.equal(htmlLang(res.body), 'en', `${p.url}: <html lang>`);
			for (const f of unmarkedHangul(res.body))
				problems.push(`${p.url}${p.who ? ' as ' + p.who : ''} (${res.status}): ${f.where}: ${f.text}`);
		}
		assert.ok(html > 60, `only ${html} HTML pages were read`);
		assert.deepEqual(problems, []);
	});

	test('and the same pages in Korean carry no English UI text where ko.hdf has its own', async () => {
		// a sample of keys whose English and Korean differ: the Korean page shows the Korean
		const en = hdfKeys('en');
		const res = await get('/members');
		assert.ok(!res.body.includes(`>${en.get('members.title')}<`), 'the Korean page shows no English title');
		assert.equal(htmlLang(res.body), 'ko');
	});

	test('record texts in English where the data has them, the portal\'s renderings marked', async () => {
		const members = await get('/members?lang=en');
		assert.match(members.body, />Chungnam Technopark</);
		assert.match(members.body, />Chungcheongnam-do</);
		const board = await get('/committees/board?lang=en');
		assert.match(board.body, /<h1>Board of Directors<\/h1>/);
		assert.match(board.body, /deliberates and decides/);
		assert.match(board.body, /the portal&#39;s translation|the portal's translation/);
		const about = await get('/about?lang=en');
		assert.match(about.body, /Korea Technology Center, 305 Teheran-ro/);
		const minutes = await get('/committees/board/meetings/101?lang=en');
		if (minutes.status === 200 && minutes.body.includes('class="minutes"'))
			assert.match(minutes.body, /<div class="minutes" lang="ko">/, 'minutes stay Korean, marked so');
	});

	test('the library feed names its kinds and publishers in English on an English request', async () => {
		const en = await get('/library.atom?kind=report&lang=en');
		assert.equal(en.status, 200);
		const title = /<title xml:lang="en">([^<]*)<\/title>/.exec(en.body)?.[1] ?? '';
		assert.match(title, /: Report$/, 'the feed title names the kind in English');
		assert.match(en.body, /<category term="Report"\/>/);
		assert.match(en.body, /<name xml:lang="en">Busan Technopark<\/name>/, 'a publisher in English');
		assert.ok(!/<category term="[^"]*[\uac00-\ud7a3]/.test(en.body), 'no Korean kind in the English feed');
		const ko = await get('/library.atom?kind=report&lang=ko');
		assert.match(ko.body, /<title xml:lang="ko">[^<]*: 보고서<\/title>/);
	});

	test('money per language on the figures', async () => {
		const en = await get('/stats?lang=en'), ko = await get('/stats?lang=ko');
		assert.match(en.body, /KRW 17\.6 trillion/);
		assert.match(ko.body, /17조 6,031억 원/);
		assert.ok(!/KRW/.test(ko.body), 'no English money on the Korean page');
	});
});
