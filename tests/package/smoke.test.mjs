// smoke.test.mjs - the smoke part of the tests, run by the package suite (tools/lib/package.sh) against
// the installed package behind a real web server (nginx, or Apache 2.4 with mod_proxy_fcgi), the way
// people meet it: pages, static files from the web server, sign-in, an admin post with an attachment,
// its download, a too-large upload refused with 413, search. Each run also downloads every article it
// and the runs before it made (listed in TP_SMOKE_STATE), so the run after a backup, a destroyed
// database and a restore proves that rows, files and the search index came back.
//
//   TP_BASE_URL         the web server in front, e.g. http://127.0.0.1:8123 (the server's base_url)
//   TP_SMOKE_LOGIN      a secretariat account made by `tpportal-admin setup`
//   TP_SMOKE_PASSWORD   its password
//   TP_SMOKE_WEB        nginx or apache (which one is in front: named in the article's title)
//   TP_SMOKE_STATE      a JSON file: the articles made so far (read, then extended)

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { BASE, get, request, text, h1s } from '../integration/lib.mjs';
import { Session, location } from '../integration/lib_accounts.mjs';
import { postMultipart, fileLinks } from '../integration/news_lib.mjs';

const LOGIN = process.env.TP_SMOKE_LOGIN;
const PASSWORD = process.env.TP_SMOKE_PASSWORD;
const WEB = process.env.TP_SMOKE_WEB ?? 'web';
const STATE = process.env.TP_SMOKE_STATE;
if (!LOGIN || !PASSWORD || !STATE)
	throw new Error('TP_SMOKE_LOGIN, TP_SMOKE_PASSWORD and TP_SMOKE_STATE must be set (tools/lib/package.sh sets them)');
const before = existsSync(STATE) ? JSON.parse(readFileSync(STATE, 'utf8')) : [];
const pdf = (tag) => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${tag}\n`), randomBytes(200 * 1024), Buffer.from('\n%%EOF\n')]);
let session = null;

describe(`smoke through ${WEB}`, { concurrency: 1 }, () => {
	test('/healthz, the home page, the 19 members, a static file from the web server', async () => {
		const h = await get('/healthz', { retry: false });
		assert.equal(h.status, 200);
		assert.equal(h.body.trim(), 'ok');
		const home = await get('/', { retry: false });
		assert.equal(home.status, 200);
		assert.match(home.headers.get('content-type'), /^text\/html; charset=utf-8/);
		assert.equal(h1s(home.body).length, 1);
		const members = await get('/members', { retry: false });
		assert.equal(members.status, 200);
		assert.equal(new Set([...members.body.matchAll(/href="\/members\/([a-z0-9-]+)"/g)].map((m) => m[1])).size, 19, 'the 19 members');
		const css = await get('/static/site.css', { retry: false });
		assert.equal(css.status, 200, 'the web server serves /static/');
		assert.match(css.headers.get('content-type'), /^text\/css/);
		assert.equal((await get('/_files/anything', { retry: false })).status === 200, false, '/_files/ is closed to clients');
	});

	test('sign in as the account setup made', async () => {
		session = await Session.signIn(LOGIN, PASSWORD);
		const admin = await session.get('/admin');
		assert.equal(admin.status, 200);
	});

	test('the articles made by the runs before (and before a restore) are there with their files', async () => {
		for (const a of before) {
			const page = await get(`/news/${a.id}`, { retry: false });
			assert.equal(page.status, 200, `/news/${a.id} (${a.title}) is gone`);
			assert.ok(text(page.body).includes(a.title));
			const f = await request(`/files/${a.file}`, { retry: false, headers: { Cookie: `tp_session=${session.cookie}` } });
			assert.equal(f.status, 200, `/files/${a.file}: ${f.status}`);
			assert.equal(Buffer.from(f.bytes ?? f.body).length > 0, true);
			const found = await get(`/search?q=${encodeURIComponent(a.word)}`, { retry: false });
			assert.equal(found.status, 200);
			assert.ok(found.body.includes(`/news/${a.id}`), `search for ${a.word} does not find /news/${a.id}`);
		}
	});

	test('an admin post with an attachment, its download byte for byte, search finds it', async () => {
		const word = `smoke${randomBytes(4).toString('hex')}`;
		const title = `${WEB} 점검 ${word}`;
		const bytes = pdf(word);
		const res = await postMultipart('/admin/news', [['title', title], ['category', 'notice'], ['state', 'published'], ['pinned_until', ''],
		    ['body', `패키지 점검용 글 (${WEB}).`], ['publisher', 'association']], [{ filename: '점검.pdf', bytes }], { session });
		assert.equal(res.status, 303, `create: ${res.status} ${text(res.body).slice(0, 300)}`);
		const id = Number(/^\/admin\/news\/(\d+)\?done=saved$/.exec(location(res))?.[1]);
		assert.ok(id > 0, `redirected to ${location(res)}`);
		const page = await get(`/news/${id}`, { retry: false });
		assert.equal(page.status, 200);
		const [link] = fileLinks(page.body);
		assert.ok(link, 'the article lists its file');
		const dl = await fetch(`${BASE}/files/${link.id}`, { headers: { Cookie: `tp_session=${session.cookie}` } });
		assert.equal(dl.status, 200);
		const got = Buffer.from(await dl.arrayBuffer());
		assert.ok(got.equals(bytes), `the download is ${got.length} bytes, want ${bytes.length} (the same bytes)`);
		assert.equal(dl.headers.get('x-accel-redirect'), null, 'the internal header reached the client');
		assert.equal(dl.headers.get('x-sendfile'), null, 'the internal header reached the client');
		let found = '';
		for (let i = 0; i < 50 && !found.includes(`/news/${id}`); i++) {
			found = (await get(`/search?q=${encodeURIComponent(word)}`, { retry: false })).body;
			if (!found.includes(`/news/${id}`))
				await new Promise((r) => setTimeout(r, 100));
		}
		assert.ok(found.includes(`/news/${id}`), 'search finds the new article');
		writeFileSync(STATE, JSON.stringify([...before, { id, title, file: link.id, word }]));
	});

	test('an upload over 20 MiB is refused with 413', async () => {
		const three = Array.from({ length: 3 }, (_, k) => ({ filename: `b${k}.pdf`, bytes: Buffer.concat([pdf('big'), Buffer.alloc(7 * 1024 * 1024)]) }));
		let status;
		try {
			status = (await postMultipart('/admin/news', [['title', 'too big'], ['category', 'notice'], ['state', 'draft'], ['body', 'x']], three, { session })).status;
		} catch (e) {
			status = `connection closed (${e.message})`;
		}
		assert.equal(status, 413);
	});
});
