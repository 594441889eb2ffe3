// mail_notify.test.mjs - three notifications of issue 15 end to end in a real browser (docs/email.md): each user
// chooses them on the account page; a member admin submits a profile change -> the secretariat's mail; the
// secretariat decides it -> the submitter's mail with the decision and the comment; a notice published ->
// a subscriber's mail, whose one-click unsubscribe link works in a browser with no sign-in. The messages are
// read from the local SMTP sink's Maildir with Python's email package (tests/integration/mail_read.py). The
// pages the walk meets pass axe and the document checks (0 problems).
//
// suite.test.mjs imports this file. It needs STACK_DIR, TP_BUILD_DIR and TP_STACK (a tools/stack instance with
// its sink; the setup makes three real accounts with `tpportal-admin create-user` and gives them addresses with
// `tools/stack sql`). The change request is rejected, so chungnam's profile stays as it was; the notice is
// deleted again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { account, fact, follow, newPage, open, signIn, squash, uiText } from './lib/accounts.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, documentProblems } from './lib/checks.mjs';
import { maildirMessages } from '../integration/mail_box.mjs';

const { STACK_DIR, TP_BUILD_DIR: BUILD_DIR, TP_STACK } = process.env;
const SKIP = !STACK_DIR || !BUILD_DIR || !TP_STACK ? 'needs STACK_DIR, TP_BUILD_DIR and TP_STACK (a tools/stack instance with its mail sink)' : false;
const TP = 'chungnam';

let browser;
const tag = randomBytes(4).toString('hex');
/** Three real accounts, each with its own address: the secretariat desk, chungnam's member admin, a reader. */
const users = {
	desk: { login: `notify-desk-${tag}`, name: `알림 사무국 ${tag}`, role: 'secretariat' },
	admin: { login: `notify-tp-${tag}`, name: `알림 충남 ${tag}`, role: 'member_admin', tp: TP },
	reader: { login: `notify-rd-${tag}`, name: `알림 독자 ${tag}`, role: 'staff' },
};
for (const u of Object.values(users)) {
	u.password = `${u.login}-pw1`;
	u.address = `${u.login}@example.org`;
	u.from = 'mail_notify.test.mjs';
}
let articleId = null;

/** One SQL statement on the instance (test setup only); rows as arrays of cells. */
const sql = (statement) => execFileSync(TP_STACK, ['sql', statement], { encoding: 'utf8', env: process.env })
	.split('\n').filter(Boolean).slice(1).map((l) => l.split('\t'));

const messagesTo = (addr) => maildirMessages(`${STACK_DIR}/mail`).filter((m) => m.delivered_to.includes(addr));

/** The first message to addr that pick accepts, waiting up to 20 s. */
async function mailTo(addr, pick = () => true) {
	for (let i = 0; i < 80; i++) {
		const m = messagesTo(addr).find(pick);
		if (m)
			return m;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no message to ${addr} within 20 s (${messagesTo(addr).map((m) => m.subject).join('; ') || 'none at all'})`);
}

const textPart = (m) => m.parts.find((p) => p.type === 'text/plain')?.content ?? '';

async function clean(page, name) {
	const problems = [...(await axeViolations(page)).map((v) => `axe: ${v.text}`), ...await documentProblems(page)];
	assert.equal(problems.length, 0, `${name} (${page.url()}):\n  - ${problems.join('\n  - ')}`);
}

/** Tick the notification choices labelled by keys on /account/notifications and save them. */
async function choose(page, labels) {
	await open(page, '/account/notifications');
	for (const label of labels)
		await page.getByLabel(label, { exact: true }).check();
	await follow(page, page.getByRole('button', { name: uiText('notify.submit'), exact: true }));
	assert.ok(squash(await page.locator('main').textContent()).includes(uiText('notify.saved')), 'the choices were not saved');
	for (const label of labels)
		assert.equal(await page.getByLabel(label, { exact: true }).isChecked(), true, `${label}: not kept`);
	await clean(page, 'the notification page with its choices');
}

before(async () => {
	if (SKIP)
		return;
	browser = await useBrowser();
	for (const u of Object.values(users)) {
		execFileSync(`${BUILD_DIR}/src/tpportal-admin`, ['-c', `${STACK_DIR}/tpportal.conf`, 'create-user', u.login, u.name, u.role, ...(u.tp ? [u.tp] : [])],
			{ input: `${u.password}\n`, encoding: 'utf8' });
		sql(`UPDATE users SET email = '${u.address}' WHERE login = '${u.login}'`);
	}
});

after(async () => {
	if (SKIP)
		return;
	if (articleId) {	/* the notice goes again, from the lists and (through the indexer) from search */
		sql(`UPDATE news_articles SET deleted_at = NOW() WHERE id = ${articleId}`);
		sql(`INSERT INTO search_queue (kind, ref_id) VALUES ('news', ${articleId})`);
	}
	sql(`UPDATE users SET active = 0 WHERE login IN ('${users.desk.login}', '${users.admin.login}', '${users.reader.login}')`);
	await releaseBrowser();
});

describe('mail: notifications chosen on the account page arrive, and unsubscribe without signing in', { skip: SKIP }, () => {
	test('a change request reaches the secretariat; its decision reaches the submitter with the comment', async () => {
		const desk = await newPage(browser);
		const admin = await newPage(browser);
		try {
			await signIn(desk, users.desk);
			await choose(desk, [uiText('notify.requests')]);
			await signIn(admin, users.admin);
			await choose(admin, [uiText('notify.decisions')]);

			/* the member admin submits a change of the profile through the form: a change request */
			await open(admin, `/admin/members/${TP}`);
			const website = `https://notify-${tag}.example.org/`;
			await admin.getByLabel(uiText('field.website'), { exact: true }).fill(website);
			await follow(admin, admin.getByRole('button', { name: uiText('form.submit'), exact: true }));
			const id = /^\/admin\/requests\/([1-9][0-9]*)$/.exec(new URL(admin.url()).pathname)?.[1];
			assert.ok(id, `submitting the profile led to ${admin.url()}, not to a change request`);

			const asked = await mailTo(users.desk.address, (m) => m.subject.includes(`#${id}`));
			assert.equal(asked.subject, `[${uiText('site.short')}] ${uiText('mail.request_submitted.subject')} #${id} 충남테크노파크`);
			assert.ok(textPart(asked).includes(users.admin.name), 'the mail does not name who asked');
			const link = new RegExp(`https?://\\S+/admin/requests/${id}`).exec(textPart(asked))?.[0];
			assert.ok(link, 'the mail has no link to the request');

			/* the secretariat follows the mailed link and rejects it with a comment */
			await open(desk, new URL(link).pathname);
			await clean(desk, 'the change request as the secretariat');
			const comment = `누리집 주소를 다시 확인해 주세요 (${tag})`;
			await desk.getByLabel(uiText('request.comment'), { exact: true }).fill(comment);
			await follow(desk, desk.getByRole('button', { name: uiText('request.reject'), exact: true }));
			assert.equal(squash(await fact(desk, uiText('request.state')).textContent()), uiText('request.state_rejected'));

			const decided = await mailTo(users.admin.address, (m) => m.subject.includes(`#${id}`));
			assert.equal(decided.subject, `[${uiText('site.short')}] ${uiText('mail.request_decided.subject')} #${id}: ${uiText('request.state_rejected')}`);
			assert.ok(textPart(decided).includes(comment), 'the decision mail does not carry the comment');
			assert.ok(textPart(decided).includes(uiText('request.state_rejected')), 'the decision mail does not say the decision');
			/* the submitter opens the request from the mail and reads the same there */
			await open(admin, new URL(new RegExp(`https?://\\S+/admin/requests/${id}`).exec(textPart(decided))[0]).pathname);
			assert.equal(squash(await fact(admin, uiText('request.comment')).textContent()), comment);
			await clean(admin, 'the decided request as its submitter');
		} finally {
			await desk.context().close();
			await admin.context().close();
		}
	});

	test('a notice published reaches its subscriber; the mailed one-click link unsubscribes without signing in', async () => {
		const reader = await newPage(browser);
		const sec = await newPage(browser);
		const anon = await newPage(browser);
		try {
			const [[category]] = sql("SELECT name_ko FROM news_categories WHERE slug = 'notice'");
			const label = `${uiText('notify.news_category')}: ${category}`;
			await signIn(reader, users.reader);
			await choose(reader, [label]);

			await signIn(sec, account('secretariat'));
			await open(sec, '/admin/news/new');
			const title = `알림 시험 공지 ${tag}`;
			await sec.getByLabel(uiText('news_admin.field.title')).fill(title);
			await sec.getByLabel(uiText('news_admin.field.category')).selectOption('notice');
			await sec.getByLabel(uiText('news_admin.state_published')).check();
			await sec.getByLabel(uiText('news_admin.field.body')).fill('알림 메일 시험 본문입니다.');
			await follow(sec, sec.getByRole('button', { name: uiText('form.save'), exact: true }));
			articleId = /^\/admin\/news\/(\d+)$/.exec(new URL(sec.url()).pathname)?.[1] ?? null;
			assert.ok(articleId, `publishing led to ${sec.url()}`);

			const m = await mailTo(users.reader.address, (x) => x.subject.includes(title));
			assert.ok(textPart(m).includes(`/news/${articleId}`), 'the mail does not link to the notice');
			const unsub = /^<(https?:\/\/[^>]+)>$/.exec(m.list_unsubscribe ?? '')?.[1];
			assert.ok(unsub, `List-Unsubscribe: ${m.list_unsubscribe}`);
			assert.equal(m.list_unsubscribe_post, 'List-Unsubscribe=One-Click');
			assert.ok(textPart(m).includes(unsub), 'the text part has no unsubscribe link');

			/* a browser with no session opens the link and presses the one button */
			await open(anon, new URL(unsub).pathname);
			await clean(anon, 'the unsubscribe page');
			await follow(anon, anon.getByRole('button', { name: uiText('notify.unsub_submit'), exact: true }));
			assert.ok(squash(await anon.locator('main').textContent()).includes(uiText('notify.unsub_done')));
			await clean(anon, 'the unsubscribe page after the click');
			await open(reader, '/account/notifications');
			assert.equal(await reader.getByLabel(label, { exact: true }).isChecked(), false, 'the subscription is still on');
		} finally {
			await reader.context().close();
			await sec.context().close();
			await anon.context().close();
		}
	});
});
