// test-lane: mail (tools/lib/suites.sh: beside the other files; mail_delivery stops the sink, so one mail file at a time)
// mail_delivery.test.mjs - the outbox and its delivery worker against the real SMTP sink (issue 15, item 1;
// docs/email.md): what arrives (headers, RFC 2047, alternatives), the relay's answer kept, a refusal
// marked failed and shown on /admin, `tpportal-admin mail` retry and drop, the sink's page /admin/mail,
// and the sink stopped for a minute during 100 messages with two portals delivering: 0 lost, 0 twice.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { L, sleep } from './lib.mjs';
import { randomBytes } from 'node:crypto';
import { DEMO, DB_NOW, Session, lit, sql, tag, text, getWith } from './lib_accounts.mjs';
import {
	MAIL_SKIP, admin, messagesTo, outboxCount, outboxRow, outboxTo, partText, queueTest, secondPortal,
	sink, sinkMessages, theMessageTo, waitFor,
} from './mail_lib.mjs';

const FROM_NAME = '한국테크노파크진흥회 포털';

describe('mail delivery', { skip: MAIL_SKIP, concurrency: 1 }, () => {
	test('a queued message arrives once: Korean headers RFC 2047-encoded, text and HTML alternatives, the Message-ID of its row', async () => {
		const addr = `kim-${tag()}@example.org`;
		const id = queueTest(addr, '김철수');
		const m = await theMessageTo(addr);
		const row = await waitFor(() => { const r = outboxRow(id); return r.state === 'sent' ? r : null; }, 'the row marked sent');
		assert.equal(m.subject, `[${L['site.short']}] ${L['mail.test.subject']}`);
		assert.match(m.raw_head, /^Subject: =\?UTF-8\?[BbQq]\?/m, 'the subject is not an RFC 2047 encoded-word on the wire');
		assert.doesNotMatch(m.raw_head, /[^\x00-\x7f]/, 'raw 8-bit bytes in the header block');
		assert.deepEqual(m.from, { name: FROM_NAME, addr: 'portal@tpportal.invalid' });
		assert.deepEqual(m.to, [{ name: '김철수', addr }]);
		assert.equal(m.message_id, `<${row.token}@127.0.0.1>`);
		assert.equal(m.auto_submitted, 'auto-generated');
		assert.equal(m.type, 'multipart/alternative');
		assert.deepEqual(m.parts.map((p) => [p.type, p.charset]), [['text/plain', 'utf-8'], ['text/html', 'utf-8']]);
		assert.match(partText(m, 'text/plain'), new RegExp(`^김철수${L['mail.dear']}`));
		assert.ok(partText(m, 'text/plain').includes(L['mail.test.body']));
		assert.ok(partText(m, 'text/html').includes(`<p>${L['mail.test.body']}</p>`));
		assert.deepEqual(m.defects, []);
		assert.match(row.answer, /^250 /, `the relay's answer is kept: ${row.answer}`);
		assert.equal(row.attempts, '1');
	});

	test('a name with markup is escaped in the HTML part only', async () => {
		const addr = `attack-${tag()}@example.org`;
		const name = '</title><script>x</script>';
		queueTest(addr, name);
		const m = await theMessageTo(addr);
		assert.deepEqual(m.to, [{ name, addr }]);
		assert.ok(partText(m, 'text/plain').startsWith(name), 'the text part does not show the name as typed');
		assert.ok(!partText(m, 'text/html').includes('<script>'), 'raw <script> in the HTML part');
		assert.ok(partText(m, 'text/html').includes('&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;'));
	});

	test('a refusal (550) is marked failed with the answer, shown on /admin to the secretariat only; retry sends the same Message-ID, drop removes it', async () => {
		const addr = `reject-${tag()}@example.org`;
		const id = queueTest(addr);
		const row = await waitFor(() => { const r = outboxRow(id); return r.state === 'failed' ? r : null; }, 'the refused message marked failed');
		assert.match(row.answer, /550/, `the answer names the refusal: ${row.answer}`);
		assert.equal(row.attempts, '1', 'a permanent refusal is not tried again');
		const sec = await Session.signIn(DEMO.secretariat.login);
		const home = await sec.get('/admin');
		assert.equal(home.status, 200);
		const box = /<section class="mail-failed"[\s\S]*?<\/section>/.exec(home.body);
		assert.ok(box, '/admin shows no failed deliveries');
		assert.ok(text(box[0]).includes(addr) && text(box[0]).includes('550'), '/admin does not list the refused address with the answer');
		const other = await Session.signIn(DEMO.chungnam.login);
		assert.ok(!(await other.get('/admin')).body.includes(addr), 'a member admin sees the failed delivery');

		assert.match(admin('mail', 'list', '--failed'), new RegExp(`^${id}\\tfailed\\ttest\\t${addr}\\t1\\t`, 'm'));
		assert.match(admin('mail', 'retry', String(id)), /queued again/);
		const again = await waitFor(() => { const r = outboxRow(id); return r.state === 'failed' && r.attempts === '1' ? r : null; }, 'the retried message refused again', 20_000);
		assert.equal(again.token, row.token, 'retry changed the token (the Message-ID)');
		assert.match(admin('mail', 'drop', String(id)), /dropped/);
		assert.equal(outboxRow(id), null, 'drop left the row');
		assert.throws(() => admin('mail', 'drop', String(id)), /no message/);
		assert.ok(!(await sec.get('/admin')).body.includes(addr), 'a dropped message is still shown on /admin');
		assert.equal(messagesTo(addr).length, 0);
	});

	test('a message a stopped process left \'sending\' is marked failed, never sent again on its own; retry sends it once, same Message-ID', async () => {
		/* what a process killed between its claim and the relay's answer leaves: 'sending', claimed long ago
		 * (past MAILER_LEASE_S, src/app/mailer.h); beside it a message another live process is sending now */
		const addr = `crashed-${tag()}@example.org`, live = `live-${tag()}@example.org`;
		const token = randomBytes(16).toString('hex');
		sql(`INSERT INTO outbox (token, kind, to_addr, state, attempts, claimed_at) VALUES (${lit(token)}, 'test', ${lit(addr)}, 'sending', 1, ${DB_NOW} - INTERVAL 11 MINUTE)`);
		sql(`INSERT INTO outbox (token, kind, to_addr, state, attempts, claimed_at) VALUES (${lit(randomBytes(16).toString('hex'))}, 'test', ${lit(live)}, 'sending', 1, ${DB_NOW})`);
		const id = Number(outboxTo(addr)[0].id);
		/* a portal starting up reaps at once (then every minute) */
		const second = secondPortal();
		try {
			const row = await waitFor(() => { const r = outboxRow(id); return r.state === 'failed' ? r : null; }, 'the interrupted message marked failed', 30_000);
			assert.match(row.answer, /^interrupted while sending/, `the answer says what happened: ${row.answer}`);
			assert.equal(outboxTo(live)[0].state, 'sending', 'a message being sent now was taken from its process');
			await sleep(3000);
			assert.equal(messagesTo(addr).length, 0, 'an interrupted message was sent again without the operator');
			assert.equal(outboxRow(id).state, 'failed');
		} finally {
			await second.stop();
			sql(`DELETE FROM outbox WHERE to_addr = ${lit(live)}`);
		}
		assert.match(admin('mail', 'retry', String(id)), /queued again/);
		const m = await theMessageTo(addr);
		assert.equal(m.message_id, `<${token}@127.0.0.1>`, 'the retry has another Message-ID');
		assert.equal(outboxRow(id).state, 'sent');
	});

	test('/admin/mail shows what the sink received, to the secretariat only', async () => {
		const addr = `page-${tag()}@example.org`;
		queueTest(addr, '박영희');
		await theMessageTo(addr);
		const sec = await Session.signIn(DEMO.secretariat.login);
		const res = await sec.get('/admin/mail');
		assert.equal(res.status, 200);
		const t = text(res.body);
		assert.ok(t.includes(addr) && t.includes('박영희'), '/admin/mail does not show the new message');
		assert.ok(t.includes(L['mail.test.subject']), '/admin/mail does not show the decoded subject');
		assert.ok(t.includes(L['mail.test.body']), '/admin/mail does not show the text');
		assert.equal((await (await Session.signIn(DEMO.staff.login)).get('/admin/mail')).status, 403);
		const anon = await getWith('/admin/mail');
		assert.ok([303, 302].includes(anon.status), `anonymous /admin/mail: ${anon.status}`);
	});

	test('the sink stopped for a minute during 100 messages, two portals delivering: after it returns, 0 lost, 0 duplicated', { timeout: 400_000 }, async () => {
		const run = tag(6);
		const addrs = Array.from({ length: 100 }, (_, i) => `bulk-${run}-${i}@example.org`);
		const second = secondPortal();
		try {
			sink('stop');
			const ids = [];
			for (const [i, a] of addrs.entries()) {
				ids.push(queueTest(a));
				if (i === 50)
					await sleep(2_000);	/* some are tried while the sink is away, some queue behind them */
			}
			await sleep(60_000);
			const where = `id BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)} AND to_addr LIKE 'bulk-${run}-%'`;
			assert.equal(outboxCount(`${where} AND state = 'sent'`), 0, 'sent while the sink was stopped');
			assert.equal(outboxCount(`${where} AND state = 'failed'`), 0, 'given up while the sink was away');
			assert.ok(outboxCount(`${where} AND attempts > 1`) > 0, 'no message was tried more than once while the sink was away');
			const waiting = outboxTo(addrs[0])[0];
			assert.match(waiting.answer ?? '', /connect/i, `the answer while away says why: ${waiting.answer}`);
			sink('start');
			await waitFor(() => outboxCount(`${where} AND state = 'sent'`) === 100, 'all 100 sent after the sink returned', 180_000);
			await sleep(1_000);
			const got = sinkMessages().filter((m) => m.delivered_to.some((d) => d.startsWith(`bulk-${run}-`)));
			const per = new Map();
			for (const m of got)
				per.set(m.delivered_to[0], (per.get(m.delivered_to[0]) ?? 0) + 1);
			assert.deepEqual(addrs.filter((a) => !per.has(a)), [], 'lost');
			assert.deepEqual([...per].filter(([, n]) => n > 1), [], 'delivered twice');
			assert.equal(new Set(got.map((m) => m.message_id)).size, 100, 'Message-IDs repeat');
			assert.equal(outboxCount(`${where} AND state <> 'sent'`), 0);
			assert.match(second.log(), new RegExp(`mail \\d+ \\(test to bulk-${run}-\\d+@example\\.org\\): sent`),
				'the second portal delivered none: the two workers did not share the queue');
		} finally {
			sink('start');
			await second.stop();
		}
		assert.doesNotMatch(second.log(), /Sanitizer|runtime error:/, 'the second tpportal reported a sanitizer error');
	});
});
