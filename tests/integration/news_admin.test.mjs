// news_admin.test.mjs - what changes news: the pagination walk over a long list (rows added by SQL), posting
// through /admin/news with attachments (multipart), the rights on every row (member admins post and edit
// only as their own technopark; drafts and deleted articles and their files only for their editors), the
// limits (422 on the form for a user's mistake, 413 past them) and the type check by content (422), values kept on a refused form, versions (409), soft
// delete and the secretariat's restore, the audit log, and that a refused upload leaves no file and no row.
//
// It changes shared data, so it runs alone (lib_accounts.mjs exclusive()) and removes what it made.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { BASE, L, get, text, h1s, assertErrorPage, assertHtmlPage, SERVER_LOG, logOffset, logSince } from './lib.mjs';
import {
	DEMO, Session, exclusive, sql, sqlValue, sqlNumber, lit, needSql, HAVE_SQL, auditMark, auditSince, formErrors,
	formOf, withChanges, location, conflictFields, getWith, sqlRow,
} from './lib_accounts.mjs';
import {
	FILES, PAGE, newsItems, listSection, pinnedSection, pagerLink, fileLinks, parseAtom, assertValidAtom, postMultipart, postRaw,
} from './news_lib.mjs';

const UPLOADS = process.env.STACK_DIR ? `${process.env.STACK_DIR}/uploads` : null;
const GEN = 900000;	/* ids of the rows the pagination walk adds */

let release = null;
const S = {};		/* sessions by DEMO key */
const made = [];	/* article ids this file created through the admin */

const files = () => (UPLOADS && existsSync(UPLOADS) ? readdirSync(UPLOADS).sort() : []);
const count = (table) => sqlNumber(`SELECT COUNT(*) AS n FROM ${table}`);

/** The id an admin save redirected to (/admin/news/ID?done=saved). */
function savedId(res, what) {
	assert.equal(res.status, 303, `${what}: status ${res.status}: ${text(res.body).slice(0, 300)}`);
	const m = /^\/admin\/news\/(\d+)\?done=saved$/.exec(location(res));
	assert.ok(m, `${what}: redirected to ${location(res)}`);
	return Number(m[1]);
}

/** Create an article as session s; returns its id. */
async function create(s, { title, category = 'notice', publisher, state = 'published', body = '본문', pinned = '' }, attach = []) {
	const fields = [['title', title], ['category', category], ['state', state], ['pinned_until', pinned], ['body', body]];
	if (publisher !== undefined)
		fields.push(['publisher', publisher]);
	const id = savedId(await postMultipart('/admin/news', fields, attach, { session: s }), `create ${title}`);
	made.push(id);
	return id;
}

/** The edit form of article id as s sees it: its fields as a browser would send them. */
async function editFields(s, id) {
	const page = await s.get(`/admin/news/${id}`);
	assert.equal(page.status, 200, `GET /admin/news/${id} as ${s.login}: ${page.status}`);
	return formOf(page.body, `/admin/news/${id}`).fields;
}

before(async () => {
	if (!HAVE_SQL)
		return;
	release = await exclusive();
	for (const k of ['secretariat', 'chungnam', 'busan', 'staff'])
		S[k] = await Session.signIn(DEMO[k].login);
});

after(() => {
	if (HAVE_SQL) {
		const ids = [...made, ...sql(`SELECT id FROM news_articles WHERE id >= ${GEN}`).map((r) => Number(r.id))];
		if (ids.length > 0) {
			const stored = sql(`SELECT stored_name FROM attachments WHERE owner_type = 'news' AND owner_id IN (${ids.join(',')})`);
			sql(`DELETE FROM attachments WHERE owner_type = 'news' AND owner_id IN (${ids.join(',')})`);
			sql(`DELETE FROM news_articles WHERE id IN (${ids.join(',')})`);
			/* and their history: its pages would show this file's attack strings to the browser gates */
			sql(`DELETE FROM audit_changes WHERE entity = 'news' AND entity_id IN (${ids.join(',')})`);
			for (const r of stored)	/* only 32 hex digits: never a path outside the uploads folder */
				if (UPLOADS && /^[0-9a-f]{32}$/.test(r.stored_name))
					rmSync(`${UPLOADS}/${r.stored_name}`, { force: true });
		}
	}
	if (release)
		release();
});

describe('the pagination walk', () => {
	/* 137 listed rows newer than the demo ones, in groups of 3 sharing one published time (the id breaks the
	 * tie), plus drafts and deleted rows in between that must never show */
	const N = 257;	/* past the ten numbered pages (200 articles): the walk goes on with keyset pages */
	before(() => {
		if (!HAVE_SQL)
			return;
		sql(`INSERT INTO news_articles (id, category_id, technopark_id, title, body_md, body_html, state, published_at,
		    updated_at, deleted_at, is_demo)
		    SELECT ${GEN} + seq, 1 + seq % 4, CASE WHEN seq % 5 = 0 THEN NULL ELSE (SELECT id FROM technoparks WHERE slug = 'chungnam') END,
		    CONCAT('[데모] 목록 시험 ', seq), 'x', '<p>x</p>\n', CASE WHEN seq % 11 = 0 THEN 'draft' ELSE 'published' END,
		    TIMESTAMP '2031-01-01 00:00:00' - INTERVAL (seq DIV 3) HOUR, TIMESTAMP '2031-01-01 00:00:00' - INTERVAL (seq DIV 3) HOUR,
		    CASE WHEN seq % 13 = 0 THEN NOW() END, 1 FROM seq_1_to_${N + 20}`);
	});

	for (const f of ['', 'category=call', 'tp=chungnam', 'tp=association', 'tp=chungnam&category=notice']) {
		test(`/news${f ? '?' + f : ''}: older to the end, newer back to the start`, async (t) => {
			if (!needSql(t))
				return;
			const where = { '': '', 'category=call': "AND category_id = (SELECT id FROM news_categories WHERE slug = 'call')",
				'tp=chungnam': "AND technopark_id = (SELECT id FROM technoparks WHERE slug = 'chungnam')",
				'tp=association': 'AND technopark_id IS NULL',
				'tp=chungnam&category=notice': "AND technopark_id = (SELECT id FROM technoparks WHERE slug = 'chungnam') AND category_id = 1" }[f];
			const want = sql(`SELECT id FROM news_articles WHERE state = 'published' AND deleted_at IS NULL ${where}
			    ORDER BY published_at DESC, id DESC`).map((r) => Number(r.id));
			assert.ok(want.length > PAGE, `${f}: the walk needs several pages (${want.length} rows)`);
			/* 번호 as Korean boards count: the newest is the filter's total, the oldest 1, on every page */
			const countdown = want.map((_, i) => String(want.length - i));
			const pages = [], nums = [];
			let next = `/news${f ? '?' + f : ''}`;
			while (next !== null) {
				assert.ok(pages.length <= want.length / PAGE + 1, 'more pages than rows allow');
				const res = await get(next);
				assert.equal(res.status, 200, `${next}: status`);
				const items = newsItems(listSection(res.body));
				pages.push(items.map((i) => i.id));
				nums.push(...items.map((i) => i.num));
				next = pagerLink(res.body, 'next');
				assert.equal(pagerLink(res.body, 'prev') !== null, pages.length > 1, `${next}: a newer link exactly on later pages`);
			}
			assert.deepEqual(pages.flat(), want, 'every article once, in order: no gap, no repeat');
			assert.deepEqual(nums, countdown, '번호 counts down from the total to 1 over the numbered and the keyset pages');
			assert.ok(pages.slice(0, -1).every((p) => p.length === PAGE), 'full pages but the last');
			/* and back: from the last page (reached by a link without its number: counted), the newer links give
			 * the same pages and numbers in reverse */
			let prev = `/news?before=${pages.at(-2).at(-1)}${f ? '&' + f : ''}`;
			const back = [], backNums = [];
			while (prev !== null) {
				const res = await get(prev);
				const items = newsItems(listSection(res.body));
				back.unshift(items.map((i) => i.id));
				backNums.unshift(items.map((i) => i.num));
				prev = pagerLink(res.body, 'prev');
			}
			assert.deepEqual(back.flat(), want, 'walking newer gives the same list');
			assert.deepEqual(backNums.flat(), countdown, 'walking newer gives the same numbers');
			/* a number that cannot be (past the total) is not believed: the rows are counted */
			const odd = await get(`/news?before=${want[PAGE - 1]}&n=${want.length + 50}${f ? '&' + f : ''}`);
			assert.deepEqual(newsItems(listSection(odd.body)).map((i) => i.num), countdown.slice(PAGE, 2 * PAGE), 'a made-up n=');
		});
	}
	test('/news: page numbers 1-10 on top of the keyset pages, a board row per article', async (t) => {
		if (!needSql(t))
			return;
		const want = sql(`SELECT id FROM news_articles WHERE state = 'published' AND deleted_at IS NULL
		    ORDER BY published_at DESC, id DESC`).map((r) => Number(r.id));
		assert.ok(want.length > 10 * PAGE, `more articles than the numbered pages hold (${want.length})`);
		const first = (await get('/news')).body;
		const nav = /<nav class="pager"[^>]*>([\s\S]*?)<\/nav>/.exec(first)?.[1] ?? '';
		const nums = [...nav.matchAll(/<li><a href="([^"]*)"( aria-current="page")?>(\d+)<\/a><\/li>/g)];
		assert.deepEqual(nums.map((m) => Number(m[3])), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'numbers for the first ten pages');
		assert.deepEqual(nums.map((m) => m[1].replace(/&amp;/g, '&')), ['/news', ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => `/news?page=${k}`)]);
		assert.equal(nums.filter((m) => m[2]).map((m) => Number(m[3])).join(), '1', 'page 1 is the current one');
		assert.ok(nav.includes('…'), 'more pages than numbers: an ellipsis');
		assert.match(first, /<thead><tr><th scope="col" class="num">번호<\/th><th scope="col">제목<\/th><th scope="col">작성 기관<\/th><th scope="col" class="date">날짜<\/th><\/tr><\/thead>/);
		for (const k of [3, 10]) {
			const res = await get(`/news?page=${k}`);
			assert.equal(res.status, 200);
			const items = newsItems(listSection(res.body));
			assert.deepEqual(items.map((i) => i.id), want.slice((k - 1) * PAGE, k * PAGE), `page ${k}`);
			assert.deepEqual(items.map((i) => i.num), items.map((_, j) => String(want.length - (k - 1) * PAGE - j)),
			    `page ${k}: 번호 counts down from the total`);
			assert.equal(pinnedSection(res.body), null, `page ${k}: no pinned rows`);
			assert.match(res.body, new RegExp(`<a href="/news\\?page=${k}" aria-current="page">${k}</a>`));
			assert.equal(pagerLink(res.body, 'prev'), k === 2 ? '/news' : `/news?page=${k - 1}`);
			assert.equal(pagerLink(res.body, 'next'), k < 10 ? `/news?page=${k + 1}` : `/news?before=${want[10 * PAGE - 1]}&n=${want.length - 10 * PAGE + 1}`);
		}
		/* a filter is kept in the numbers; a number past the filter's last page is the first page, 422 */
		const tp = await get('/news?tp=chungnam&page=2');
		assert.equal(tp.status, 200);
		assert.match(tp.body, /<a href="\/news\?page=2&amp;tp=chungnam" aria-current="page">2<\/a>/);
		const few = await get('/news?tp=busan&page=9');
		assert.equal(few.status, 422, 'page 9 of a short list');
		assert.ok(text(few.body).includes(L['news.bad_page_why']), 'a word beside the page numbers');
		for (const bad of ['/news?page=11', '/news?page=0', '/news?page=x']) {
			const res = await get(bad);
			assert.equal(res.status, 422, `${bad}: status`);
			assert.deepEqual(newsItems(listSection(res.body)).map((i) => i.id), want.slice(0, PAGE), `${bad}: the first page`);
		}
		assert.equal((await get(`/news?page=2&before=${want[5]}`)).status, 400, 'a number and a cursor at once');
	});

	test('/admin/news: newest first by publication date (a draft by its last edit), page after page', async (t) => {
		if (!needSql(t))
			return;
		for (const [path, where] of [['/admin/news?state=all', ''], ['/admin/news?state=published', "AND state = 'published' AND deleted_at IS NULL"],
		    ['/admin/news?state=all&tp=chungnam', "AND technopark_id = (SELECT id FROM technoparks WHERE slug = 'chungnam')"]]) {
			const want = sql(`SELECT id FROM news_articles WHERE 1 = 1 ${where}
			    ORDER BY COALESCE(published_at, updated_at) DESC, id DESC`).map((r) => Number(r.id));
			const seen = [];
			for (let next = path; next !== null;) {
				const res = await S.secretariat.get(next);
				assert.equal(res.status, 200, `${next}: status`);
				const table = /<tbody>([\s\S]*?)<\/tbody>/.exec(res.body)?.[1] ?? '';
				seen.push(...[...table.matchAll(/<th scope="row"[^>]*><a href="\/admin\/news\/(\d+)">/g)].map((m) => Number(m[1])));
				next = pagerLink(res.body, 'next');
				assert.ok(seen.length <= want.length, `${path}: more rows than there are`);
			}
			assert.deepEqual(seen, want, `${path}: every article once, newest published first`);
		}
	});

	after(() => {
		if (HAVE_SQL)
			sql(`DELETE FROM news_articles WHERE id >= ${GEN}`);
	});
});

describe('a member admin posts a notice with a PDF', () => {
	const name = '2026년 사업 안내 (최종).pdf';
	const pdf = FILES.pdf();
	let id, fileId;

	test('the form, then the post', async (t) => {
		if (!needSql(t))
			return;
		const page = await S.chungnam.get('/admin/news/new');
		const html = assertHtmlPage(page, '/admin/news/new');
		assert.match(html, /<form method="post" action="\/admin\/news" enctype="multipart\/form-data"/);
		assert.match(html, /<input type="hidden" name="publisher" value="chungnam">/, 'a member admin posts as their own technopark');
		const mark = auditMark();
		id = await create(S.chungnam, { title: '충남 공지 시험', body: '# 안내\n\n첨부 파일을 보세요.' },
		    [{ filename: name, type: 'application/pdf', bytes: pdf }]);
		const row = sql(`SELECT a.state, t.slug, a.author_id, u.login FROM news_articles a JOIN technoparks t ON t.id = a.technopark_id
		    JOIN users u ON u.id = a.author_id WHERE a.id = ${id}`)[0];
		assert.deepEqual([row.state, row.slug, row.login], ['published', 'chungnam', 'chungnam-admin']);
		const att = sql(`SELECT id, stored_name, filename, mime_type, size_bytes FROM attachments WHERE owner_type = 'news' AND owner_id = ${id}`);
		assert.equal(att.length, 1);
		assert.equal(att[0].filename, name, 'the original name is kept');
		assert.equal(att[0].mime_type, 'application/pdf');
		assert.equal(Number(att[0].size_bytes), pdf.length);
		assert.match(att[0].stored_name, /^[0-9a-f]{32}$/, 'stored under a random name');
		fileId = Number(att[0].id);
		if (UPLOADS) {
			assert.deepEqual(readFileSync(`${UPLOADS}/${att[0].stored_name}`), pdf, 'the stored file');
			assert.ok(!files().some((f) => f.endsWith('.part')), 'no temporary file left');
		}
		const audit = auditSince(mark).filter((c) => c.entity === 'news' && Number(c.entity_id) === id);
		assert.deepEqual(audit.map((c) => c.action), ['create', 'attach']);
		assert.equal(audit[0].login, 'chungnam-admin');
		assert.equal(audit[0].fields.title.new, '충남 공지 시험');
		assert.equal(audit[1].fields[`attachment.${fileId}`].new, name);
	});

	test('it is on /news, on the profile and in the feeds', async (t) => {
		if (!needSql(t) || !id)
			return;
		const board = newsItems(listSection((await get('/news')).body));
		assert.equal(board[0].id, id, 'newest on /news');
		assert.equal(board[0].files, 1, 'the board marks its attachment');
		assert.equal(board[0].category, '공지', 'the category beside the title');
		assert.ok(board.slice(1).every((i) => i.files === 0), 'no mark on articles without files');
		const profile = (await get('/members/chungnam')).body;
		const sec = /<section aria-labelledby="news-h">([\s\S]*?)<\/section>/.exec(profile)[1];
		assert.equal(newsItems(sec)[0].id, id, 'first on the profile');
		for (const path of ['/news.atom', '/news.atom?tp=chungnam', '/news.atom?category=notice']) {
			const res = await get(path);
			const feed = parseAtom(res.bytes);
			assertValidAtom(feed, BASE + path, path);
			assert.equal(feed.entries[0].id, `${BASE}/news/${id}`, `${path}: first entry`);
			assert.match(feed.entries[0].content, /<h2>안내<\/h2>/);
		}
		const art = (await get(`/news/${id}`)).body;
		assert.deepEqual(fileLinks(art).map((f) => [f.id, f.name]), [[fileId, name]]);
		assert.match(fileLinks(art)[0].meta, /^\(PDF, \d+ B\)$/);
	});

	test('the attachment downloads with its original name', async (t) => {
		if (!needSql(t) || !fileId)
			return;
		const res = await get(`/files/${fileId}`);
		assert.equal(res.status, 200);
		assert.deepEqual(res.bytes, pdf);
		assert.equal(res.headers.get('content-type'), 'application/pdf');
		assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
		const cd = res.headers.get('content-disposition');
		assert.match(cd, /^attachment; filename="[^"]+"; filename\*=UTF-8''/);
		assert.equal(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(cd)[1]), name, 'RFC 6266 filename* is the original name');
		assert.ok(/^[\x20-\x7e]*$/.test(cd), 'the header itself is ASCII');
		const internal = await get(`/_files/${sqlValue(`SELECT stored_name FROM attachments WHERE id = ${fileId}`)}`);
		assert.equal(internal.status, 404, 'the internal location is not reachable from outside');
		assertErrorPage(await get('/files/999999'), 404, '/files/999999');
	});
});

describe('rights on every row', () => {
	let draft, draftFile, pub, pubFile;

	test('posting as another technopark or the association is refused', async (t) => {
		if (!needSql(t))
			return;
		const before = count('news_articles');
		for (const publisher of ['busan', 'association']) {
			const res = await postMultipart('/admin/news', [['title', 'x'], ['category', 'notice'], ['state', 'published'],
				['body', 'x'], ['publisher', publisher]], [], { session: S.chungnam });
			assertErrorPage(res, 403, `chungnam-admin posting as ${publisher}`);
		}
		assertErrorPage(await postMultipart('/admin/news', [['title', 'x']], [], { session: S.staff }), 403, 'staff posting');
		assert.equal(count('news_articles'), before, 'nothing was written');
	});

	test("another technopark's article cannot be opened, saved, deleted or restored", async (t) => {
		if (!needSql(t))
			return;
		const busan = Number(sqlValue("SELECT a.id FROM news_articles a JOIN technoparks t ON t.id = a.technopark_id WHERE t.slug = 'busan' ORDER BY a.id LIMIT 1"));
		const version = sqlValue(`SELECT version FROM news_articles WHERE id = ${busan}`);
		assertErrorPage(await S.chungnam.get(`/admin/news/${busan}`), 403, 'GET');
		assertErrorPage(await postMultipart(`/admin/news/${busan}`, [['version', version], ['title', 'x'], ['category', 'notice'],
			['state', 'published'], ['body', 'x']], [], { session: S.chungnam }), 403, 'save');
		assertErrorPage(await S.chungnam.post(`/admin/news/${busan}/delete`, { version }), 403, 'delete');
		assertErrorPage(await S.chungnam.post(`/admin/news/${busan}/restore`, { version }), 403, 'restore');
		assert.equal(sqlValue(`SELECT version FROM news_articles WHERE id = ${busan}`), version, 'unchanged');
		const assoc = Number(sqlValue('SELECT id FROM news_articles WHERE technopark_id IS NULL ORDER BY id LIMIT 1'));
		assertErrorPage(await S.chungnam.get(`/admin/news/${assoc}`), 403, "the association's article");
	});

	test('a draft and its file: only its editors', async (t) => {
		if (!needSql(t))
			return;
		draft = await create(S.chungnam, { title: '충남 초안', state: 'draft' }, [{ filename: 'draft.txt', type: 'text/plain', bytes: FILES.txt() }]);
		draftFile = Number(sqlValue(`SELECT id FROM attachments WHERE owner_type = 'news' AND owner_id = ${draft}`));
		assert.equal(sqlValue(`SELECT published_at FROM news_articles WHERE id = ${draft}`), null, 'a draft has no published time');
		for (const [who, s] of [['anonymous', null], ['staff', S.staff], ['busan-admin', S.busan]]) {
			assertErrorPage(await getWith(`/news/${draft}`, s?.cookie), 404, `${who}: the draft`);
			assertErrorPage(await getWith(`/files/${draftFile}`, s?.cookie), 404, `${who}: the draft's file`);
		}
		for (const [who, s] of [['chungnam-admin', S.chungnam], ['secretariat', S.secretariat]]) {
			const page = await s.get(`/news/${draft}`);
			assert.equal(page.status, 200, `${who}: the draft`);
			assert.ok(text(page.body).includes(L['news.draft_note']), `${who}: the draft is marked`);
			const f = await s.get(`/files/${draftFile}`);
			assert.equal(f.status, 200, `${who}: the draft's file`);
			assert.equal(f.headers.get('content-type'), 'text/plain; charset=utf-8');
		}
		assert.ok(!newsItems(listSection((await get('/news')).body)).some((i) => i.id === draft), 'not on /news');
		const feed = parseAtom((await get('/news.atom')).bytes);
		assert.ok(!feed.entries.some((e) => e.id.endsWith(`/news/${draft}`)), 'not in the feed');
	});

	test('soft delete by its editor, restore by the secretariat only', async (t) => {
		if (!needSql(t))
			return;
		pub = await create(S.chungnam, { title: '지울 글' }, [{ filename: 'chart.png', type: 'image/png', bytes: FILES.png() }]);
		pubFile = Number(sqlValue(`SELECT id FROM attachments WHERE owner_type = 'news' AND owner_id = ${pub}`));
		assert.equal((await get(`/files/${pubFile}`)).status, 200);
		const fields = await editFields(S.chungnam, pub);
		const version = fields.find(([k]) => k === 'version')[1];
		const mark = auditMark();
		const del = await S.chungnam.post(`/admin/news/${pub}/delete`, { version });
		assert.equal(del.status, 303);
		assert.equal(location(del), '/admin/news?done=deleted');
		assert.notEqual(sqlValue(`SELECT deleted_at FROM news_articles WHERE id = ${pub}`), null);
		assert.equal(count(`attachments WHERE id = ${pubFile}`), 1, 'its files stay for a restore');
		assertErrorPage(await get(`/news/${pub}`), 404, 'deleted: anonymous');
		assertErrorPage(await get(`/files/${pubFile}`), 404, "deleted: anonymous, its file");
		assertErrorPage(await S.busan.get(`/files/${pubFile}`), 404, "deleted: another member's admin, its file");
		assert.equal((await S.chungnam.get(`/files/${pubFile}`)).status, 200, 'deleted: its editor, its file');
		assert.ok(text((await S.chungnam.get(`/news/${pub}`)).body).includes(L['news.deleted_note']));
		assert.ok(!newsItems(listSection((await get('/news')).body)).some((i) => i.id === pub));
		const nv = sqlValue(`SELECT version FROM news_articles WHERE id = ${pub}`);
		assertErrorPage(await S.chungnam.post(`/admin/news/${pub}/restore`, { version: nv }), 403, 'a member admin cannot restore');
		const res = await S.secretariat.post(`/admin/news/${pub}/restore`, { version: nv });
		assert.equal(res.status, 303);
		assert.equal(location(res), `/admin/news/${pub}?done=restored`);
		assert.equal((await get(`/news/${pub}`)).status, 200, 'restored: readable again');
		assert.equal((await get(`/files/${pubFile}`)).status, 200, 'restored: its file too');
		assert.deepEqual(auditSince(mark).filter((c) => c.entity === 'news').map((c) => [c.action, c.login, c.fields.deleted?.new]),
		    [['delete', 'chungnam-admin', '1'], ['restore', 'secretariat', '0']]);
	});

	test('the secretariat posts for the association and for any member', async (t) => {
		if (!needSql(t))
			return;
		const a = await create(S.secretariat, { title: '진흥회 공지 시험', publisher: 'association', category: 'notice' });
		const b = await create(S.secretariat, { title: '부산 대신 올린 글', publisher: 'busan', category: 'press' });
		assert.equal(sqlValue(`SELECT technopark_id FROM news_articles WHERE id = ${a}`), null);
		assert.equal(sqlValue(`SELECT t.slug FROM news_articles n JOIN technoparks t ON t.id = n.technopark_id WHERE n.id = ${b}`), 'busan');
		assert.equal((await S.busan.get(`/admin/news/${b}`)).status, 200, "busan's admin may edit busan's article");
	});

	test('CSRF: no token, a wrong token, another origin', async (t) => {
		if (!needSql(t))
			return;
		const before = count('news_articles');
		const fields = [['title', 'x'], ['category', 'notice'], ['state', 'published'], ['body', 'x']];
		assertErrorPage(await postMultipart('/admin/news', fields, [], { session: S.chungnam, csrf: null }), 403, 'no token');
		assertErrorPage(await postMultipart('/admin/news', fields, [], { session: S.chungnam, csrf: 'x'.repeat(43) }), 403, 'wrong token');
		assertErrorPage(await postMultipart('/admin/news', fields, [], { session: S.chungnam, origin: 'http://evil.example' }), 403, 'origin');
		assert.equal(count('news_articles'), before);
	});
});

describe('a refused form keeps its values; files are checked by content', () => {
	test('a missing title: 422, one message, values kept, nothing stored', async (t) => {
		if (!needSql(t))
			return;
		const [n, a, f] = [count('news_articles'), count('attachments'), files()];
		const res = await postMultipart('/admin/news', [['title', ''], ['category', 'event'], ['state', 'draft'],
			['pinned_until', '2026-02-30'], ['body', '본문은 그대로 <남아야> 합니다']],
		    [{ filename: 'a.pdf', type: 'application/pdf', bytes: FILES.pdf() }], { session: S.chungnam });
		assert.equal(res.status, 422);
		const errs = formErrors(res.body);
		assert.deepEqual(Object.keys(errs.fields).sort(), ['pinned_until', 'title']);
		assert.deepEqual(errs.summary, ['title', 'pinned_until']);
		assert.match(res.body, /<option value="event" selected>/);
		assert.ok(res.body.includes('본문은 그대로 &lt;남아야&gt; 합니다</textarea>'), 'the body is kept, escaped');
		assert.ok(text(res.body).includes(L['attach.again']), 'asks for the files again');
		assert.deepEqual([count('news_articles'), count('attachments'), files()], [n, a, f], 'no row, no file');
	});

	for (const [filename, bytes, key] of [
		['fake.pdf', FILES.exe(), 'attach.err_content'],
		['photo.png', FILES.jpeg(), 'attach.err_content'],
		['report.docx', FILES.pdf(), 'attach.err_content'],
		['notes.txt', Buffer.from([0x61, 0x00, 0x62]), 'attach.err_content'],
		['setup.exe', FILES.exe(), 'attach.err_type'],
		['page.html', FILES.html(), 'attach.err_type'],
		['noext', FILES.pdf(), 'attach.err_type'],
		['empty.pdf', Buffer.alloc(0), 'attach.err_empty'],
	]) {
		test(`${filename}: 422 (${key}), nothing stored`, async (t) => {
			if (!needSql(t))
				return;
			const [n, a, f] = [count('news_articles'), count('attachments'), files()];
			const res = await postMultipart('/admin/news', [['title', '형식 시험'], ['category', 'notice'], ['state', 'published'], ['body', 'x']],
			    [{ filename: 'ok.pdf', type: 'application/pdf', bytes: FILES.pdf() }, { filename, type: 'application/pdf', bytes }],
			    { session: S.chungnam });
			assert.equal(res.status, 422, `${filename}: ${res.status}`);
			const msg = formErrors(res.body).fields.attachment ?? '';
			assert.ok(msg.includes(L[key]), `${filename}: message ${msg}`);
			assert.ok(msg.includes(filename), `${filename}: the message names the file`);
			assert.match(res.body, /value="형식 시험"/, 'the title is kept');
			assert.deepEqual([count('news_articles'), count('attachments'), files()], [n, a, f], 'no row, no file');
		});
	}

	test('every allowed type is taken, typed by its content', async (t) => {
		if (!needSql(t))
			return;
		const id = await create(S.chungnam, { title: '형식 모음', state: 'draft' }, [
			{ filename: '한글 문서.hwp', bytes: FILES.hwp() }, { filename: 'scan.JPG', bytes: FILES.jpeg() },
			{ filename: 'plan.docx', bytes: FILES.docx() }, { filename: 'memo.txt', bytes: FILES.txt() },
			{ filename: 'C:\\Users\\me\\map.png', bytes: FILES.png() },
		]);
		const rows = sql(`SELECT filename, mime_type FROM attachments WHERE owner_type = 'news' AND owner_id = ${id} ORDER BY id`);
		assert.deepEqual(rows.map((r) => [r.filename, r.mime_type]), [
			['한글 문서.hwp', 'application/x-hwp'], ['scan.JPG', 'image/jpeg'],
			['plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
			['memo.txt', 'text/plain; charset=utf-8'], ['map.png', 'image/png'],
		]);
	});
});

describe('limits', () => {
	const fields = [['title', '한도 시험'], ['category', 'notice'], ['state', 'published'], ['body', 'x']];

	// A user's mistake, not an attack: the form comes back with what was typed and the reason beside the
	// file field (before, a 413 page lost the title and the body). Far more files than allowed stays a 413.
	test('six files at once: 422 on the form, values kept, nothing stored', async (t) => {
		if (!needSql(t))
			return;
		const [a, n, f] = [count('attachments'), count('news_articles'), files()];
		const six = Array.from({ length: 6 }, (_, k) => ({ filename: `f${k}.pdf`, bytes: FILES.pdf() }));
		const res = await postMultipart('/admin/news', fields, six, { session: S.chungnam });
		assert.equal(res.status, 422, `6 files: ${res.status}`);
		const msg = formErrors(res.body).fields.attachment ?? '';
		assert.ok(msg.includes(L['attach.err_many']), `message: ${msg}`);
		assert.match(res.body, /value="한도 시험"/, 'the title is kept');
		assert.deepEqual([count('attachments'), count('news_articles'), files()], [a, n, f]);
	});

	test('twenty-one files at once: 413 (far past the form\'s five)', async (t) => {
		if (!needSql(t))
			return;
		const [n, f] = [count('attachments'), files()];
		const many = Array.from({ length: 21 }, (_, k) => ({ filename: `f${k}.txt`, bytes: FILES.txt() }));
		assertErrorPage(await postMultipart('/admin/news', fields, many, { session: S.chungnam }), 413, '21 files');
		assert.deepEqual([count('attachments'), files()], [n, f]);
	});

	test('one file over 10 MiB: 422 naming the file, the title and body kept, nothing stored', async (t) => {
		if (!needSql(t))
			return;
		const big = Buffer.concat([FILES.pdf(), Buffer.alloc(10 * 1024 * 1024)]);
		const [a, n, f] = [count('attachments'), count('news_articles'), files()];
		const res = await postMultipart('/admin/news', [...fields.slice(0, 3), ['body', '지켜야 할 본문']],
		    [{ filename: 'ok.pdf', bytes: FILES.pdf() }, { filename: '큰 보고서.pdf', bytes: big }], { session: S.chungnam });
		assert.equal(res.status, 422, `10 MiB+: ${res.status}`);
		const msg = formErrors(res.body).fields.attachment ?? '';
		assert.ok(msg.includes(L['attach.err_big']), `message: ${msg}`);
		assert.ok(msg.includes('큰 보고서.pdf'), `the message names the file: ${msg}`);
		assert.match(res.body, /value="한도 시험"/, 'the title is kept');
		assert.ok(res.body.includes('지켜야 할 본문</textarea>'), 'the body is kept');
		assert.deepEqual([count('attachments'), count('news_articles'), files()], [a, n, f], 'no row, no file');
	});

	test('a request over 20 MiB: 413 before it reaches the server', async (t) => {
		if (!needSql(t))
			return;
		const three = Array.from({ length: 3 }, (_, k) => ({ filename: `b${k}.pdf`, bytes: Buffer.concat([FILES.pdf(), Buffer.alloc(7 * 1024 * 1024)]) }));
		let status;
		try {
			status = (await postMultipart('/admin/news', fields, three, { session: S.chungnam })).status;
		} catch (e) {
			status = `connection closed (${e.message})`;	/* nginx may close while the body is still coming */
		}
		assert.equal(status, 413);
	});

	test('an upload from someone who may not post is refused before its body is read: 403, not 400 or 413', async (t) => {
		if (!needSql(t))
			return;
		// 19 MiB in three files: a size the route takes, so only who sends it decides.
		const three = Array.from({ length: 3 }, (_, k) => ({ filename: `s${k}.pdf`, bytes: Buffer.concat([FILES.pdf(), Buffer.alloc(6 * 1024 * 1024)]) }));
		const [n, f] = [count('attachments'), files()];
		// Four at once (one per worker) would hold 76 MiB if their bodies were kept: the access records
		// say how many body bytes each request kept.
		const at = SERVER_LOG ? logOffset() : 0;
		const four = await Promise.all(Array.from({ length: 4 }, () => postMultipart('/admin/news', fields, three)));
		for (const res of four)
			assertErrorPage(res, 403, 'a 19 MiB upload from anonymous, four at once');
		if (SERVER_LOG) {
			const records = logSince(at).filter((l) => / - POST \/admin\/news 403 /.test(l));
			assert.equal(records.length, 4, `access records of the four: ${records.join('\n')}`);
			for (const l of records)
				assert.match(l, / read 0B /, `a stranger's upload was read into memory: ${l}`);
		}
		for (const [who, opts] of [
			['anonymous', {}],
			['staff (no admin rights)', { session: S.staff }],
			['a member admin from another origin', { session: S.chungnam, origin: 'https://evil.example' }],
			['a member admin on another technopark\'s article', { session: S.busan, path: `/admin/news/${await create(S.chungnam, { title: '미리 거절 시험' })}` }],
		]) {
			const res = await postMultipart(opts.path ?? '/admin/news', fields, three, opts);
			assertErrorPage(res, 403, `a 19 MiB upload from ${who}`);
		}
		assert.deepEqual([count('attachments'), files()], [n + 0, f], 'a refused upload left a row or a file');
		// And the same upload from its editor still goes through.
		const ok = await postMultipart('/admin/news', fields.map(([k, v]) => [k, k === 'title' ? '큰 첨부 시험' : v]), three, { session: S.chungnam });
		assert.equal(ok.status, 303, `the member admin's own 19 MiB upload: ${ok.status}`);
		made.push(Number(/\/admin\/news\/(\d+)/.exec(location(ok))[1]));
	});

	test('a form over 1 MiB that is not multipart: 413; multipart to a route without uploads: 415', async (t) => {
		if (!needSql(t))
			return;
		const body = `title=${'a'.repeat(1024 * 1024)}`;
		const res = await S.chungnam.post('/admin/news', { body });
		assert.equal(res.status, 413);
		const r2 = await postMultipart('/admin/members/chungnam', [['summary', 'x']], [], { session: S.chungnam });
		assert.equal(r2.status, 415);
	});

	test('malformed multipart bodies: 400', async (t) => {
		if (!needSql(t))
			return;
		const tok = await S.chungnam.token();
		const good = `--B\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${tok}\r\n`;
		for (const [ct, body, what] of [
			['multipart/form-data', `${good}--B--\r\n`, 'no boundary'],
			['multipart/form-data; boundary=B', `${good}`, 'no close delimiter'],
			['multipart/form-data; boundary=B', `${good}--B\r\nContent-Disposition: form-data; name="title"\r\n\r\nhalf`, 'truncated part'],
			['multipart/form-data; boundary=B', `${good}--B\r\nContent-Disposition: form-data; name="a\u0000b"\r\n\r\nx\r\n--B--\r\n`, 'NUL in a name'],
			['multipart/form-data; boundary=B', `${good}--B\r\nContent-Disposition: form-data; name="attachment"; filename="../"\r\n\r\nx\r\n--B--\r\n`, 'a file name that is only a path'],
		]) {
			const res = await postRaw('/admin/news', ct, body, S.chungnam);
			assert.equal(res.status, 400, `${what}: ${res.status}`);
		}
	});
});

describe('editing', () => {
	let id;

	test('a stale version: other fields merged; the same field is a conflict (409), nothing overwritten until chosen', async (t) => {
		if (!needSql(t))
			return;
		id = await create(S.chungnam, { title: '버전 시험', body: '처음' });
		const mine = await editFields(S.chungnam, id);
		const theirs = await editFields(S.secretariat, id);
		const r1 = await postMultipart(`/admin/news/${id}`, withChanges(theirs, { body: '사무국이 고침' }), [], { session: S.secretariat });
		assert.equal(r1.status, 303);
		// a field only the member admin changed: merged, the secretariat's body stays
		const r2 = await postMultipart(`/admin/news/${id}`, withChanges(mine, { title: '버전 시험 (충남)' }), [], { session: S.chungnam });
		assert.equal(r2.status, 303, `another field of a stale form: ${r2.status}`);
		assert.deepEqual(sqlRow(`SELECT title, body_md FROM news_articles WHERE id = ${id}`), { title: '버전 시험 (충남)', body_md: '사무국이 고침' });
		// both change the body: 409 with the body alone, names and values side by side
		const mine2 = await editFields(S.chungnam, id);
		const r3 = await postMultipart(`/admin/news/${id}`, withChanges(await editFields(S.secretariat, id), { body: '사무국이 또 고침' }), [], { session: S.secretariat });
		assert.equal(r3.status, 303);
		const r4 = await postMultipart(`/admin/news/${id}`, withChanges(mine2, { body: '충남이 고침' }), [], { session: S.chungnam });
		assert.equal(r4.status, 409);
		assert.deepEqual(conflictFields(r4.body), [{ field: 'body', label: L['news_admin.field.body'], stored: '사무국이 또 고침', yours: '충남이 고침' }]);
		assert.equal(sqlValue(`SELECT body_md FROM news_articles WHERE id = ${id}`), '사무국이 또 고침');
		const again = formOf(r4.body, `/admin/news/${id}`).fields;
		assert.equal((await postMultipart(`/admin/news/${id}`, withChanges(again, { 'pick.body': 'yours' }), [], { session: S.chungnam })).status, 303);
		assert.equal(sqlValue(`SELECT body_md FROM news_articles WHERE id = ${id}`), '충남이 고침');
	});

	test('a pin date as readers type it: 2027/06/15 and 2027.06.15 are stored as 2027-06-15; the field is a date input', async (t) => {
		if (!needSql(t) || !id)
			return;
		const page = await S.chungnam.get(`/admin/news/${id}`);
		assert.match(page.body, /<input type="date" id="f-pinned_until"/);
		for (const typed of ['2027/06/15', '2027.06.15', '2027-06-15']) {
			const res = await postMultipart(`/admin/news/${id}`, withChanges(await editFields(S.chungnam, id), { pinned_until: typed }), [], { session: S.chungnam });
			assert.ok([200, 303].includes(res.status), `${typed}: ${res.status}`);
			assert.equal(sqlValue(`SELECT DATE_FORMAT(pinned_until, '%Y-%m-%d') FROM news_articles WHERE id = ${id}`), '2027-06-15', typed);
		}
		await postMultipart(`/admin/news/${id}`, withChanges(await editFields(S.chungnam, id), { pinned_until: '' }), [], { session: S.chungnam });
	});

	test('unpublishing hides it; publishing again keeps its first published time', async (t) => {
		if (!needSql(t) || !id)
			return;
		const first = sqlValue(`SELECT published_at FROM news_articles WHERE id = ${id}`);
		assert.equal((await postMultipart(`/admin/news/${id}`, withChanges(await editFields(S.chungnam, id), { state: 'draft' }), [],
		    { session: S.chungnam })).status, 303);
		assertErrorPage(await get(`/news/${id}`), 404, 'unpublished');
		assert.equal((await postMultipart(`/admin/news/${id}`, withChanges(await editFields(S.chungnam, id), { state: 'published' }), [],
		    { session: S.chungnam })).status, 303);
		assert.equal((await get(`/news/${id}`)).status, 200);
		assert.equal(sqlValue(`SELECT published_at FROM news_articles WHERE id = ${id}`), first);
	});

	test('adding and removing attachments; a removed file is gone from disk', async (t) => {
		if (!needSql(t) || !id)
			return;
		const res = await postMultipart(`/admin/news/${id}`, await editFields(S.chungnam, id),
		    [{ filename: 'one.pdf', bytes: FILES.pdf() }, { filename: 'two.txt', bytes: FILES.txt() }], { session: S.chungnam });
		assert.equal(res.status, 303);
		const att = sql(`SELECT id, stored_name FROM attachments WHERE owner_type = 'news' AND owner_id = ${id} ORDER BY id`);
		assert.equal(att.length, 2);
		const fields = withChanges(await editFields(S.chungnam, id), { remove: [att[0].id] });
		assert.equal((await postMultipart(`/admin/news/${id}`, fields, [], { session: S.chungnam })).status, 303);
		assert.deepEqual(sql(`SELECT id FROM attachments WHERE owner_type = 'news' AND owner_id = ${id}`).map((r) => r.id), [att[1].id]);
		if (UPLOADS) {
			assert.ok(!existsSync(`${UPLOADS}/${att[0].stored_name}`), 'the removed file is deleted');
			assert.ok(existsSync(`${UPLOADS}/${att[1].stored_name}`), 'the other stays');
		}
		assertErrorPage(await get(`/files/${att[0].id}`), 404, 'the removed file');
		/* an id of another article's attachment is refused */
		const other = sqlValue(`SELECT id FROM attachments WHERE owner_id <> ${id} LIMIT 1`);
		if (other !== null)
			assert.equal((await postMultipart(`/admin/news/${id}`, withChanges(await editFields(S.chungnam, id), { remove: [other] }), [],
			    { session: S.chungnam })).status, 400);
	});

	test('pinned until a date: on top of the first page', async (t) => {
		if (!needSql(t) || !id)
			return;
		const tomorrow = new Date(Date.now() + 9 * 3600_000 + 86400_000).toISOString().slice(0, 10);
		assert.equal((await postMultipart(`/admin/news/${id}`, withChanges(await editFields(S.chungnam, id), { pinned_until: tomorrow }), [],
		    { session: S.chungnam })).status, 303);
		const html = (await get('/news')).body;
		const pinned = pinnedSection(html);
		assert.ok(newsItems(pinned).some((i) => i.id === id && i.pinned));
	});

	test('attack strings in the title and body come out escaped or dropped, on the page and in the feed', async (t) => {
		if (!needSql(t))
			return;
		const title = '</title><script>alert(1)</script>"\'&<img src=x onerror=alert(2)>';
		const body = '<script>alert(3)</script>\n\n[x](javascript:alert(4)) <img src=x onerror=alert(5)>\n\n<div onclick="alert(6)">d</div>';
		const xid = await create(S.chungnam, { title, body });
		const page = await get(`/news/${xid}`);
		const html = assertHtmlPage(page, `/news/${xid}`);
		/* chungnam-admin is a demo account: its article is demo and its heading carries the 데모 badge */
		assert.equal(h1s(html)[0], `${title} ${L.demo}`, 'the title reads as typed');
		assert.doesNotMatch(html, /<script|<img|<div\b[^>]*onclick|href="javascript/i);
		const feed = parseAtom((await get('/news.atom')).bytes);
		const e = feed.entries.find((x) => x.id.endsWith(`/news/${xid}`));
		assert.equal(e.title, title);
		assert.doesNotMatch(e.content, /<script|<img|onerror|onclick|javascript:/i);
	});
});

describe('the admin list', () => {
	test('a member admin sees their own technopark only, drafts and deleted ones included', async (t) => {
		if (!needSql(t))
			return;
		const html = (await S.chungnam.get('/admin/news?state=all')).body;
		const ids = [...html.matchAll(/<a href="\/admin\/news\/(\d+)">/g)].map((m) => Number(m[1]));
		assert.ok(ids.length > 0);
		const tps = sql(`SELECT DISTINCT COALESCE(t.slug, 'association') AS tp FROM news_articles a LEFT JOIN technoparks t ON t.id = a.technopark_id
		    WHERE a.id IN (${ids.join(',')})`).map((r) => r.tp);
		assert.deepEqual(tps, ['chungnam']);
		assertErrorPage(await S.chungnam.get('/admin/news?tp=busan'), 403, "another technopark's list");
		const drafts = (await S.chungnam.get('/admin/news?state=draft')).body;
		for (const m of drafts.matchAll(/<a href="\/admin\/news\/(\d+)">/g))
			assert.equal(sqlValue(`SELECT state FROM news_articles WHERE id = ${m[1]}`), 'draft');
	});
});

// The board's 번호 counts down from a total kept in news_counts by triggers (sql/021): after every kind of
// change this file made (posts, edits, soft deletes, restores through the admin; rows added, changed and
// deleted by SQL), the counts are what a count of the listed rows gives, and the board's first number is
// the filter's total.
describe('the board counts follow every change', () => {
	const fresh = () => sql(`SELECT COALESCE(technopark_id, 0) AS tp, category_id AS cat, COUNT(*) AS n FROM news_articles
	    WHERE listed = 1 GROUP BY COALESCE(technopark_id, 0), category_id ORDER BY tp, cat`).map((r) => `${r.tp}/${r.cat}=${r.n}`);
	const kept = () => sql('SELECT technopark_id AS tp, category_id AS cat, n FROM news_counts WHERE n <> 0 ORDER BY tp, cat')
	    .map((r) => `${r.tp}/${r.cat}=${r.n}`);
	const topNumber = async (q) => Number(newsItems(listSection((await get(`/news${q}`)).body))[0]?.num ?? 0);
	const listed = (where) => sqlNumber(`SELECT COUNT(*) FROM news_articles WHERE listed = 1 ${where}`);
	const ID = GEN + 5000;

	test('publish, unpublish, move, delete, restore and remove: the counts and the first number follow', async (t) => {
		if (!needSql(t))
			return;
		assert.deepEqual(kept(), fresh(), 'news_counts after this file\'s posts, edits and deletes');
		const chungnam = sqlNumber("SELECT id FROM technoparks WHERE slug = 'chungnam'");
		const busan = sqlNumber("SELECT id FROM technoparks WHERE slug = 'busan'");
		const check = async (what) => {
			assert.deepEqual(kept(), fresh(), `${what}: news_counts`);
			assert.equal(await topNumber(''), listed(''), `${what}: /news`);
			assert.equal(await topNumber('?tp=chungnam'), listed(`AND technopark_id = ${chungnam}`), `${what}: ?tp=chungnam`);
			assert.equal(await topNumber('?tp=busan&category=press'), listed(`AND technopark_id = ${busan} AND category_id = 2`),
			    `${what}: ?tp=busan&category=press`);
			assert.equal(await topNumber('?tp=association&category=notice'), listed('AND technopark_id IS NULL AND category_id = 1'),
			    `${what}: ?tp=association&category=notice`);
		};
		try {
			sql(`INSERT INTO news_articles (id, category_id, technopark_id, title, body_md, body_html, state, published_at, is_demo)
			    VALUES (${ID}, 2, ${chungnam}, '[데모] 번호 시험', 'x', '<p>x</p>', 'draft', TIMESTAMP '2032-01-01 00:00:00', 1)`);
			await check('a draft added');
			sql(`UPDATE news_articles SET state = 'published' WHERE id = ${ID}`);
			await check('published');
			sql(`UPDATE news_articles SET technopark_id = ${busan} WHERE id = ${ID}`);
			await check('moved to another publisher');
			sql(`UPDATE news_articles SET category_id = 1, technopark_id = NULL WHERE id = ${ID}`);
			await check('moved to the association\'s notices');
			sql(`UPDATE news_articles SET title = '[데모] 번호 시험 2' WHERE id = ${ID}`);
			await check('retitled');
			sql(`UPDATE news_articles SET deleted_at = NOW() WHERE id = ${ID}`);
			await check('deleted (soft)');
			sql(`UPDATE news_articles SET deleted_at = NULL WHERE id = ${ID}`);
			await check('restored');
			sql(`DELETE FROM news_articles WHERE id = ${ID}`);
			await check('removed');
		} finally {
			sql(`DELETE FROM news_articles WHERE id = ${ID}`);
		}
	});
});
