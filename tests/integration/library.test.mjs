// library.test.mjs - the publications library (issue 19): the board and its filters as the SQL files say
// (sql/demo/004_demo_library.sql), what a reader signed out never sees (a signed-in-only document's page,
// row, feed entry, search result and files), uploads through /admin/library by the secretariat and by a
// member admin (their own technopark only: another's documents are refused), file versions (a new upload
// of a file keeps the old one reachable), the text of an uploaded PDF found by the search (extracted by
// the indexer), the feed's ETag and 304, the kinds table (the secretariat's), concurrent saves of one
// document (three-way merge, 409 on one field both changed), the audit log, delete and restore.
//
// It changes shared data (documents, the search index), so it runs alone (exclusive()) and removes what it made.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { BASE, get, request, text, sleep } from './lib.mjs';
import {
	DEMO, Session, exclusive, sql, sqlNumber, sqlValue, auditMark, auditSince, formOf, withChanges, location,
	conflictFields, getWith, tag,
} from './lib_accounts.mjs';
import { FILES, parseAtom, assertValidAtom, postMultipart } from './news_lib.mjs';
import { demoDocs, seedKinds, newestFirst, pdfWith, boardRows } from './library_lib.mjs';

const T = { timeout: 120_000 };
const UPLOADS = process.env.STACK_DIR ? `${process.env.STACK_DIR}/uploads` : null;
let release = null;
const S = {};
const made = [];	/* documents this file created */
const madeKinds = [];

const publicDocs = demoDocs.filter((d) => d.audience === 'public');
const membersOnly = demoDocs.find((d) => d.audience === 'signed_in');
const busanDoc = demoDocs.find((d) => d.tp === 'busan');

/** The id an admin save redirected to (/admin/library/ID?done=...). */
function savedId(res, what) {
	assert.equal(res.status, 303, `${what}: status ${res.status}: ${text(res.body).slice(0, 400)}`);
	const m = /^\/admin\/library\/(\d+)\?done=(saved|created)$/.exec(location(res));
	assert.ok(m, `${what}: redirected to ${location(res)}`);
	return Number(m[1]);
}

function docFields({ title, kind = 'report', publisher, year = '2025', language = 'ko', audience = 'public', description = '' }) {
	const f = [['title', title], ['kind', kind], ['year', year], ['language', language], ['audience', audience],
		['description', description]];
	if (publisher !== undefined)
		f.push(['publisher', publisher]);
	return f;
}

async function create(s, fields, files = []) {
	const id = savedId(await postMultipart('/admin/library', docFields(fields), files, { session: s }), `create ${fields.title}`);
	made.push(id);
	return id;
}

/** The edit form of document id as s sees it. */
async function editFields(s, id) {
	const page = await s.get(`/admin/library/${id}`);
	assert.equal(page.status, 200, `GET /admin/library/${id} as ${s.login}: ${page.status}`);
	return formOf(page.body, `/admin/library/${id}`).fields;
}

/** The files of a document page: [{ id, filename, version, latest }]. */
function pageFiles(html) {
	const body = /<table class="cards library-files">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
	return [...body.matchAll(/<tr( class="older-version")?>([\s\S]*?)<\/tr>/g)].map((m) => ({
		id: Number(/href="\/files\/(\d+)"/.exec(m[2])?.[1]),
		filename: /href="\/files\/\d+">([^<]*)</.exec(m[2])?.[1],
		latest: m[1] === undefined,
		version: Number(/data-label="판">[^0-9]*(\d+)/.exec(m[2])?.[1]),
	}));
}

/** Search ids of kind library for q as session s (null: signed out). */
async function searchLibrary(q, s = null) {
	const path = `/search?q=${encodeURIComponent(q)}&type=library`;
	const res = s ? await s.get(path) : await get(path);
	assert.equal(res.status, 200, `${path}: ${res.status}`);
	return [...res.body.matchAll(/data-ref="library\/(\d+)"/g)].map((m) => Number(m[1]));
}

/** Wait (bounded) until the indexer has made q find document id, as session s. */
async function findsEventually(q, id, s = null) {
	for (let i = 0; i < 100; i++) {
		if ((await searchLibrary(q, s)).includes(id))
			return true;
		await sleep(200);
	}
	return false;
}

before(async () => {
	release = await exclusive();
	for (const k of ['secretariat', 'chungnam', 'busan', 'staff'])
		S[k] = await Session.signIn(DEMO[k].login);
});

after(() => {
	if (made.length > 0) {
		const ids = made.join(',');
		const stored = sql(`SELECT stored_name FROM attachments WHERE owner_type = 'library' AND owner_id IN (${ids})`);
		sql(`DELETE FROM library_files WHERE document_id IN (${ids})`);
		sql(`DELETE FROM attachments WHERE owner_type = 'library' AND owner_id IN (${ids})`);
		sql(`DELETE FROM library_documents WHERE id IN (${ids})`);
		sql(`DELETE FROM audit_changes WHERE entity = 'library' AND entity_id IN (${ids})`);
		sql(`DELETE FROM search_docs WHERE kind = 'library' AND ref_id IN (${ids})`);
		for (const r of stored)
			if (UPLOADS && /^[0-9a-f]{32}$/.test(r.stored_name))
				rmSync(`${UPLOADS}/${r.stored_name}`, { force: true });
	}
	if (madeKinds.length > 0) {
		sql(`DELETE FROM library_kinds WHERE id IN (${madeKinds.join(',')})`);
		sql(`DELETE FROM audit_changes WHERE entity = 'library_kind' AND entity_id IN (${madeKinds.join(',')})`);
	}
	release?.();
});

describe('the board as a reader signed out sees it', () => {
	test('/library lists the public demo documents newest first, and no signed-in-only one', T, async () => {
		const res = await get('/library');
		assert.equal(res.status, 200);
		const rows = boardRows(res.body).filter((r) => demoDocs.some((d) => d.id === r.id));
		assert.deepEqual(rows.map((r) => r.id), [...publicDocs].sort(newestFirst).map((d) => d.id));
		assert.ok(!res.body.includes(membersOnly.title), 'the signed-in-only title is on the signed-out board');
		for (const r of rows)
			assert.equal(r.year, demoDocs.find((d) => d.id === r.id).year, `year of ${r.id}`);
	});

	for (const [qs, pick] of [
		['year=2025', (d) => d.year === 2025],
		['kind=report', (d) => d.kind === 'report'],
		['tp=association', (d) => d.tp === null],
		['tp=chungnam', (d) => d.tp === 'chungnam'],
		['kind=report&year=2023', (d) => d.kind === 'report' && d.year === 2023],
	]) {
		test(`/library?${qs} shows exactly its documents`, T, async () => {
			const res = await get(`/library?${qs}`);
			assert.equal(res.status, 200);
			const ids = boardRows(res.body).map((r) => r.id).filter((id) => demoDocs.some((d) => d.id === id));
			assert.deepEqual(ids, publicDocs.filter(pick).sort(newestFirst).map((d) => d.id));
			/* the total beside the heading: every listed public document of the filter (others' too) */
			const where = qs.split('&').map((kv) => kv.split('=')).map(([k, v]) => k === 'year' ? `d.year = ${Number(v)}` :
				k === 'kind' ? `k.slug = '${v}'` : v === 'association' ? 'd.technopark_id IS NULL' : `t.slug = '${v}'`).join(' AND ');
			const want = sqlNumber('SELECT COUNT(*) AS n FROM library_documents d JOIN library_kinds k ON k.id = d.kind_id ' +
				`LEFT JOIN technoparks t ON t.id = d.technopark_id WHERE d.listed = 1 AND d.audience = 'public' AND ${where}`);
			assert.match(text(res.body), new RegExp(`자료 목록 \\(${want}건\\)`), `the total of ${qs}`);
		});
	}

	test('every row is a card at phone width: each cell names its column', T, async () => {
		const res = await get('/library');
		const body = /<tbody id="documents">([\s\S]*?)<\/tbody>/.exec(res.body)[1];
		const cells = [...body.matchAll(/<td\b[^>]*>/g)];
		assert.ok(cells.length >= 4 * publicDocs.length);
		for (const c of cells)
			assert.match(c[0], /data-label="[^"]+"/);
	});

	test('an unknown kind or publisher is a 400 naming it; a malformed year too', T, async () => {
		for (const q of ['kind=nosuchkind', 'tp=nosuchtp', 'year=abc'])
			assert.equal((await get(`/library?${q}`)).status, 400, q);
	});

	test('the signed-in-only document: 404 signed out, its page for staff; not in the feed; not found by search', T, async () => {
		assert.equal((await get(`/library/${membersOnly.id}`)).status, 404);
		const staff = await S.staff.get(`/library/${membersOnly.id}`);
		assert.equal(staff.status, 200);
		assert.ok(staff.body.includes(membersOnly.title));
		const feed = await get('/library.atom');
		assert.equal(feed.status, 200);
		assert.ok(!feed.body.includes(membersOnly.title), 'the feed shows a signed-in-only document');
		const word = '운영 보고서';
		assert.ok(!(await searchLibrary(word)).includes(membersOnly.id), 'search finds it signed out');
		assert.ok((await searchLibrary(word, S.staff)).includes(membersOnly.id), 'search does not find it for staff');
		const board = await S.staff.get('/library');
		assert.ok(boardRows(board.body).some((r) => r.id === membersOnly.id), 'staff board lacks it');
	});

	test('the feed is Atom with the public documents, an ETag and 304', T, async () => {
		const res = await get('/library.atom');
		assert.match(res.headers.get('content-type'), /^application\/atom\+xml/);
		const feed = parseAtom(res.body);
		assertValidAtom(feed, `${BASE}/library.atom`, '/library.atom');
		for (const d of publicDocs)
			assert.ok(feed.entries.some((e) => e.title === d.title), `feed lacks ${d.title}`);
		const etag = res.headers.get('etag');
		assert.ok(etag, 'no ETag');
		const again = await request('/library.atom', { headers: { 'If-None-Match': etag } });
		assert.equal(again.status, 304);
	});
});

describe('uploads, rights and versions', { concurrency: 1 }, () => {
	const word = `Xylo${tag(6).replace(/[^a-z0-9]/gi, '')}`;
	let report = 0, brochure = 0;

	test('the secretariat uploads an annual report (PDF) for the association: its page, its file, its text found', T, async () => {
		const mark = auditMark();
		const title = `연차보고서 시험 ${tag(4)}`;
		report = await create(S.secretariat, { title, kind: 'annual-report', publisher: 'association', year: '2026' },
			[{ filename: 'annual-2026.pdf', type: 'application/pdf', bytes: pdfWith(`Annual report ${word} network`) }]);
		const page = await get(`/library/${report}`);
		assert.equal(page.status, 200);
		const files = pageFiles(page.body);
		assert.equal(files.length, 1);
		assert.equal(files[0].filename, 'annual-2026.pdf');
		const dl = await get(`/files/${files[0].id}`);
		assert.equal(dl.status, 200);
		assert.ok(Buffer.from(dl.body, 'latin1').includes('Annual report') || dl.body.includes('%PDF'), 'not the PDF');
		const audit = auditSince(mark).filter((r) => r.entity === 'library' && Number(r.entity_id) === report);
		assert.ok(audit.some((r) => r.action === 'create'), 'no create in the audit log');
		assert.ok(audit.some((r) => r.action === 'attach'), 'no attach in the audit log');
		assert.ok(await findsEventually(word, report), `the search never found ${word} from inside the PDF`);
		assert.equal(sqlValue(`SELECT text_state FROM library_files lf JOIN attachments a ON a.id = lf.attachment_id WHERE lf.document_id = ${report}`), 'done');
	});

	test('a member admin uploads a brochure: as their own technopark, on their profile', T, async () => {
		const title = `브로슈어 시험 ${tag(4)}`;
		brochure = await create(S.chungnam, { title, kind: 'brochure', year: '2026' },
			[{ filename: 'brochure.pdf', type: 'application/pdf', bytes: FILES.pdf() }]);
		assert.equal(sqlValue(`SELECT t.slug FROM library_documents d JOIN technoparks t ON t.id = d.technopark_id WHERE d.id = ${brochure}`), 'chungnam');
		const profile = await get('/members/chungnam');
		assert.ok(profile.body.includes(`/library/${brochure}"`), 'the profile does not list the brochure');
		const other = await get('/members/busan');
		assert.ok(!other.body.includes(`/library/${brochure}"`), 'another profile lists it');
		const year = await get('/library?year=2026');
		const ids = boardRows(year.body).map((r) => r.id);
		assert.ok(ids.includes(brochure) && ids.includes(report), `2026 lists ${ids}`);
	});

	test('a member admin cannot publish as another technopark nor touch its documents', T, async () => {
		const res = await postMultipart('/admin/library', docFields({ title: `남의 자료 ${tag(4)}`, publisher: 'busan' }), [],
			{ session: S.chungnam });
		assert.equal(res.status, 403);
		assert.equal((await S.chungnam.get(`/admin/library/${busanDoc.id}`)).status, 403);
		const form = await editFields(S.busan, busanDoc.id);
		const post = await postMultipart(`/admin/library/${busanDoc.id}`, withChanges(form, { title: 'x' }), [], { session: S.chungnam });
		assert.equal(post.status, 403);
		assert.equal((await S.chungnam.post(`/admin/library/${busanDoc.id}/delete`, { version: '1' })).status, 403);
		assert.equal((await S.staff.get('/admin/library')).status, 403);
		assert.equal((await S.chungnam.get('/admin/library/kinds')).status, 403);
		const out = await get('/admin/library/new');
		assert.ok([303, 401, 403].includes(out.status), `signed out: ${out.status}`);
	});

	test('a new upload of the same name is version 2; version 1 stays reachable; another name is another file', T, async () => {
		const mark = auditMark();
		const form = await editFields(S.chungnam, brochure);
		const res = await postMultipart(`/admin/library/${brochure}`, form, [{ filename: 'brochure.pdf', type: 'application/pdf',
			bytes: Buffer.concat([FILES.pdf(), Buffer.from('% second\n')]) }, { filename: 'prices.txt', type: 'text/plain',
			bytes: FILES.txt() }], { session: S.chungnam });
		savedId(res, 'new version');
		const files = pageFiles((await get(`/library/${brochure}`)).body);
		assert.deepEqual(files.map((f) => [f.filename, f.version, f.latest]),
			[['brochure.pdf', 2, true], ['brochure.pdf', 1, false], ['prices.txt', 1, true]]);
		const attach = auditSince(mark).filter((r) => r.entity === 'library' && r.action === 'attach');
		assert.equal(attach.length, 1, 'one audit change for the save\'s files');
		const versions = Object.entries(attach[0].fields).filter(([k]) => k.startsWith('version.')).map(([, v]) => v.new).sort();
		assert.deepEqual(versions, ['1.2', '2.1'], 'the audit says which file and version each upload became');
		for (const f of files)
			assert.equal((await get(`/files/${f.id}`)).status, 200, `file ${f.id}`);
	});

	test('a signed-in-only document\'s files: 404 signed out, 200 for staff', T, async () => {
		const id = await create(S.secretariat, { title: `회원 전용 시험 ${tag(4)}`, publisher: 'association', audience: 'signed_in' },
			[{ filename: 'members.txt', type: 'text/plain', bytes: FILES.txt() }]);
		const file = sqlNumber(`SELECT attachment_id AS n FROM library_files WHERE document_id = ${id}`);
		assert.equal((await get(`/files/${file}`)).status, 404);
		assert.equal((await S.staff.get(`/files/${file}`)).status, 200);
		assert.equal((await get(`/library/${id}`)).status, 404);
	});

	test('markup typed into a document (title, description, file name) comes back escaped everywhere it shows', T, async () => {
		const attack = '</title><script>alert(1)</script>"><img src=x onerror=alert(1)>';
		const id = await create(S.chungnam, { title: `공격 ${attack}`, kind: 'brochure', year: '2026', description: `설명 ${attack}` },
			[{ filename: '"><img src=x onerror=alert(1)>.txt', type: 'text/plain', bytes: FILES.txt() }]);
		for (const p of [`/library/${id}`, '/library', '/library.atom', '/members/chungnam', `/admin/library/${id}`]) {
			const res = p.startsWith('/admin') ? await S.chungnam.get(p) : await get(p);
			assert.equal(res.status, 200, p);
			assert.ok(res.body.includes('공격'), `${p} does not show the document`);
			assert.doesNotMatch(res.body, /<script>alert|<img src=x/i, `${p}: raw markup`);
		}
		assert.ok(await findsEventually('공격', id), 'the search never found the document');
		const found = await get(`/search?q=${encodeURIComponent('공격')}&type=library`);
		assert.doesNotMatch(found.body, /<script>alert|<img src=x/i, 'the search: raw markup');
	});

	test('a file of a type the content does not show is refused on the form (422), nothing stored', T, async () => {
		const before = sqlNumber('SELECT COUNT(*) AS n FROM library_documents');
		const res = await postMultipart('/admin/library', docFields({ title: `나쁜 파일 ${tag(4)}`, publisher: 'association' }),
			[{ filename: 'x.pdf', type: 'application/pdf', bytes: FILES.exe() }], { session: S.secretariat });
		assert.equal(res.status, 422);
		assert.equal(sqlNumber('SELECT COUNT(*) AS n FROM library_documents'), before);
	});

	test('two people save one document at once: fields merge; one field both changed is a conflict (409)', T, async () => {
		const a = await editFields(S.secretariat, brochure);
		const b = await editFields(S.chungnam, brochure);
		const r1 = await postMultipart(`/admin/library/${brochure}`, withChanges(a, { description: '사무국의 설명' }), [], { session: S.secretariat });
		savedId(r1, 'first save');
		const r2 = await postMultipart(`/admin/library/${brochure}`, withChanges(b, { year: '2024' }), [], { session: S.chungnam });
		savedId(r2, 'merged save');
		assert.equal(sqlValue(`SELECT CONCAT(year, '|', description) FROM library_documents WHERE id = ${brochure}`), '2024|사무국의 설명');
		const c = await editFields(S.secretariat, brochure);
		const d = await editFields(S.chungnam, brochure);
		savedId(await postMultipart(`/admin/library/${brochure}`, withChanges(c, { title: '사무국 제목' }), [], { session: S.secretariat }), 'c');
		const conflict = await postMultipart(`/admin/library/${brochure}`, withChanges(d, { title: '기관 제목' }), [], { session: S.chungnam });
		assert.equal(conflict.status, 409);
		assert.deepEqual(conflictFields(conflict.body).map((f) => [f.field, f.stored, f.yours]), [['title', '사무국 제목', '기관 제목']]);
		assert.equal(sqlValue(`SELECT title FROM library_documents WHERE id = ${brochure}`), '사무국 제목');
	});

	test('many saves at once of one document: every one answers, versions count them', T, async () => {
		const start = sqlNumber(`SELECT version AS n FROM library_documents WHERE id = ${report}`);
		const forms = await Promise.all([0, 1, 2, 3].map(() => editFields(S.secretariat, report)));
		const res = await Promise.all(forms.map((f, i) => postMultipart(`/admin/library/${report}`,
			withChanges(f, { description: `동시 ${i}` }), [], { session: S.secretariat })));
		const ok = res.filter((r) => r.status === 303).length;
		assert.ok(res.every((r) => r.status === 303 || r.status === 409), res.map((r) => r.status).join(','));
		assert.ok(ok >= 1);
		assert.equal(sqlNumber(`SELECT version AS n FROM library_documents WHERE id = ${report}`), start + ok);
	});

	test('a write shows on the very next request of the kept pages (board, feed, page)', T, async () => {
		const title = `캐시 자료 ${tag(5)}`;
		for (const p of ['/library', '/library.atom', `/library/${brochure}`]) {
			await get(p);
			await get(p);
		}
		const form = await editFields(S.chungnam, brochure);
		savedId(await postMultipart(`/admin/library/${brochure}`, withChanges(form, { title }), [], { session: S.chungnam }), 'edit');
		for (const p of ['/library', '/library.atom', `/library/${brochure}`])
			assert.ok((await get(p)).body.includes(title), `${p} does not show the new title`);
	});

	test('a member admin deletes their document; it leaves the board; the secretariat restores it', T, async () => {
		const version = sqlValue(`SELECT version FROM library_documents WHERE id = ${brochure}`);
		const del = await S.chungnam.post(`/admin/library/${brochure}/delete`, { version });
		assert.equal(del.status, 303);
		assert.ok(!boardRows((await get('/library')).body).some((r) => r.id === brochure));
		assert.equal((await get(`/library/${brochure}`)).status, 404);
		const files = sql(`SELECT attachment_id FROM library_files WHERE document_id = ${brochure}`);
		assert.equal((await get(`/files/${files[0].attachment_id}`)).status, 404, 'a deleted document\'s file is served');
		assert.equal((await S.chungnam.post(`/admin/library/${brochure}/restore`, { version: String(Number(version) + 1) })).status, 403);
		const res = await S.secretariat.post(`/admin/library/${brochure}/restore`, { version: String(Number(version) + 1) });
		assert.equal(res.status, 303);
		assert.equal((await get(`/library/${brochure}`)).status, 200);
	});
});

describe('the kinds table', () => {
	test('the seeded kinds have Korean and English names; the secretariat adds one', T, async () => {
		const res = await S.secretariat.get('/admin/library/kinds');
		assert.equal(res.status, 200);
		for (const k of seedKinds) {
			assert.ok(res.body.includes(k.name_ko), k.name_ko);
			assert.ok(res.body.includes(k.name_en), k.name_en);
		}
		const slug = `kind-${tag(4).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
		const form = formOf(res.body, '/admin/library/kinds').fields;
		const post = await S.secretariat.post('/admin/library/kinds', withChanges(form, { slug, name_ko: '시험 종류', name_en: 'Test kind', sort: '9' }));
		assert.equal(post.status, 303, text(post.body).slice(0, 300));
		const id = sqlNumber(`SELECT id AS n FROM library_kinds WHERE slug = '${slug}'`);
		madeKinds.push(id);
		const board = await get('/library');
		assert.ok(board.body.includes(`value="${slug}"`), 'the board does not offer the new kind');
		const bad = await S.secretariat.post('/admin/library/kinds', withChanges(form, { slug: 'Not A Slug', name_ko: 'x', name_en: 'x' }));
		assert.equal(bad.status, 422);
	});
});
