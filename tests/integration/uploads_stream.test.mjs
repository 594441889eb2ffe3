// uploads_stream.test.mjs - an upload's body is streamed to an unnamed staging file and mapped, never held
// in the heap (issue 13): during a 19 MB upload the portal's anonymous memory (RssAnon) grows by far less
// than the body; a body over ROUTE_MAX_UPLOAD (20 MB) is refused with 413 from its Content-Length alone,
// before it is read (over FastCGI directly: nginx would refuse it itself); nothing is left in upload_dir.
// Needs STACK_DIR (the portal's pid and socket); runs alone (exclusive()) so other requests do not blur
// the memory figures.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { sleep, text } from './lib.mjs';
import { DEMO, Session, exclusive } from './lib_accounts.mjs';
import { postMultipart } from './news_lib.mjs';
import { fcgi } from './lib_fcgi.mjs';

const STACK_DIR = process.env.STACK_DIR?.replace(/\/+$/, '');
const ctx = {};

const pid = () => Number(readFileSync(`${STACK_DIR}/run/tpportal.pid`, 'utf8').trim());
/** The portal's resident anonymous memory (heap, not file pages), in kB. */
const rssAnon = () => Number(/^RssAnon:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid()}/status`, 'utf8'))[1]);
const conf = (key) => new RegExp(`^${key}\\s*=\\s*(\\S+)`, 'm').exec(readFileSync(`${STACK_DIR}/tpportal.conf`, 'utf8'))[1];

describe('uploads are streamed', { concurrency: 1 }, () => {
	before(async () => {
		assert.ok(STACK_DIR, 'needs STACK_DIR (tools/stack test sets it)');
		ctx.release = await exclusive();
		ctx.s = await Session.signIn(DEMO.chungnam.login);
		ctx.uploads = readdirSync(conf('upload_dir')).sort();
	});
	after(() => ctx.release?.());

	test('a 19 MB upload does not grow the heap by its size', { timeout: 120_000 }, async () => {
		const base = [];
		for (let i = 0; i < 20; i++) {
			base.push(rssAnon());
			await sleep(10);
		}
		let peak = 0;
		const timer = setInterval(() => { peak = Math.max(peak, rssAnon()); }, 2);
		const bytes = Buffer.alloc(19 * 1024 * 1024, 0x41);
		bytes.write('%PDF-1.4\n');
		const res = await postMultipart('/admin/news', [['title', ''], ['category', 'notice'], ['state', 'draft'], ['body', '']],
		    [{ bytes, filename: 'big.pdf', type: 'application/pdf' }], { session: ctx.s });
		clearInterval(timer);
		peak = Math.max(peak, rssAnon());
		// one file over ROUTE_MAX_FILE (10 MB): refused on the form (422, after the whole body arrived)
		assert.equal(res.status, 422, `status ${res.status}: ${text(res.body).slice(0, 200)}`);
		const growth = peak - Math.max(...base);
		console.log(`# RssAnon before ${Math.max(...base)} kB, peak during the 19 MB upload ${peak} kB (+${growth} kB)`);
		assert.ok(growth < 6 * 1024, `the heap grew by ${growth} kB during a 19 MB upload: the body was held in memory`);
		assert.deepEqual(readdirSync(conf('upload_dir')).sort(), ctx.uploads, 'the upload left a file behind');
	});

	test('a body over 20 MB is refused with 413 before it is read', { timeout: 30_000 }, async () => {
		const boundary = 'streamTestBoundary';
		const body = Buffer.alloc(30 * 1024 * 1024, 0x41);
		const started = Date.now();
		const r = fcgi(`${STACK_DIR}/run/tpportal.sock`, {
			REQUEST_METHOD: 'POST', REQUEST_URI: '/admin/news', DOCUMENT_URI: '/admin/news', QUERY_STRING: '',
			CONTENT_TYPE: `multipart/form-data; boundary=${boundary}`, HTTP_COOKIE: `tp_session=${ctx.s.cookie}`,
			HTTP_ORIGIN: conf('base_url'), REMOTE_ADDR: '127.0.0.1', SERVER_SOFTWARE: 'lib_fcgi',
		}, body, { hold: 4096 });
		const res = await r.done;
		r.abort();
		assert.equal(res.status, 413, `status ${res.status}`);
		assert.ok(Date.now() - started < 5000, `the 413 took ${Date.now() - started} ms`);
	});
});
