// files_space.test.mjs - a full upload folder, as a member admin meets it: the news form comes back with
// what was typed and a message beside the attachment field (never a 500), an upload too large to read as
// a form is answered 507 with a page that says so, nothing is stored, and once there is room the same
// form saves with its file. The folder is a 1 MB tmpfs mounted over upload_dir for
// the test (root only; runs alone so no other save meets the full folder).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { L, text } from './lib.mjs';
import { DEMO, Session, exclusive, sqlValue } from './lib_accounts.mjs';
import { FILES, postMultipart } from './news_lib.mjs';

const STACK_DIR = process.env.STACK_DIR?.replace(/\/+$/, '');
const SKIP = !STACK_DIR ? 'needs STACK_DIR (tools/stack test sets it)'
	: process.getuid?.() !== 0 ? 'mounting a small tmpfs over the upload folder needs root' : false;
const ctx = {};
const conf = (key) => new RegExp(`^${key}\\s*=\\s*(\\S+)`, 'm').exec(readFileSync(`${STACK_DIR}/tpportal.conf`, 'utf8'))[1];
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('a full upload folder', { skip: SKIP, concurrency: 1 }, () => {
	before(async () => {
		ctx.release = await exclusive();
		ctx.dir = conf('upload_dir');
		const st = statSync(ctx.dir);
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=1m,mode=${(st.mode & 0o7777).toString(8)},uid=${st.uid},gid=${st.gid}`,
			'tpportal-space-test', ctx.dir]);
		ctx.mounted = true;
		// fill it: the filler takes what the tmpfs has
		try { writeFileSync(`${ctx.dir}/filler`, Buffer.alloc(2 * 1024 * 1024, 0x20)); } catch { /* ENOSPC: full now */ }
		ctx.s = await Session.signIn(DEMO.chungnam.login);
	});
	after(() => {
		if (ctx.mounted)
			execFileSync('umount', [ctx.dir]);
		ctx.release?.();
	});

	const title = `저장 공간 시험 ${process.pid}`;
	const fields = () => [['title', title], ['category', 'notice'], ['state', 'draft'], ['body', '본문은 그대로 남아야 합니다.']];
	const pdf = () => Buffer.concat([FILES.pdf(), Buffer.alloc(300 * 1024, 0x41)]);

	test('the form comes back with what was typed and says the server has no room; nothing is stored', async () => {
		const res = await postMultipart('/admin/news', fields(), [{ bytes: pdf(), filename: 'report.pdf', type: 'application/pdf' }],
			{ session: ctx.s });
		const html = text(res.body);
		assert.equal(res.status, 422, `status ${res.status}: ${html.slice(0, 300)}`);
		assert.ok(unescape(html).includes(L['attach.err_space']), 'the message about the full folder is not on the page');
		assert.match(res.body, new RegExp(`<input[^>]*name="title"[^>]*value="${title}"`), 'the title typed is gone');
		assert.ok(unescape(html).includes('본문은 그대로 남아야 합니다.'), 'the body typed is gone');
		assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM news_articles WHERE title = '${title}'`)), 0, 'an article was stored');
	});

	test('an upload too large to read as a form (over 1 MB) is answered 507 with a page that says why', async () => {
		const big = Buffer.concat([FILES.pdf(), Buffer.alloc(2 * 1024 * 1024, 0x41)]);
		const res = await postMultipart('/admin/news', fields(), [{ bytes: big, filename: 'big.pdf', type: 'application/pdf' }],
			{ session: ctx.s });
		const html = unescape(text(res.body));
		assert.equal(res.status, 507, `status ${res.status}: ${html.slice(0, 300)}`);
		assert.ok(html.includes(L['error.507.title']), 'the page does not say the storage is full');
		assert.ok(!html.includes(L['error.503.text']), 'the page blames the database');
		assert.equal(Number(sqlValue(`SELECT COUNT(*) FROM news_articles WHERE title = '${title}'`)), 0, 'an article was stored');
	});

	test('with room again the same form saves, file and all', async () => {
		rmSync(`${ctx.dir}/filler`, { force: true });
		const res = await postMultipart('/admin/news', fields(), [{ bytes: pdf(), filename: 'report.pdf', type: 'application/pdf' }],
			{ session: ctx.s });
		assert.equal(res.status, 303, `status ${res.status}: ${text(res.body).slice(0, 300)}`);
		const id = sqlValue(`SELECT id FROM news_articles WHERE title = '${title}'`);
		assert.ok(Number(id) > 0, 'no article');
		const stored = sqlValue(`SELECT stored_name FROM attachments WHERE owner_type = 'news' AND owner_id = ${Number(id)}`);
		assert.ok(stored, 'no attachment row');
		assert.equal(statSync(`${ctx.dir}/${stored}`).size, pdf().length, 'the row has no file of its size');
	});
});
