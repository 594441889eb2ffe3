// mail.test.mjs - mail in a real browser (issue 15; docs/email.md): a user gives the account an address and
// confirms it from the link that arrives in the local SMTP sink, then forgets the password, asks for a reset
// from the sign-in page, sets a new one through the mailed link, signs in with it, and finds the link spent.
// The messages are read from the sink's Maildir with Python's email package (tests/integration/mail_read.py).
//
// package.json runs only suite.test.mjs; it imports this file. It needs STACK_DIR and TP_BUILD_DIR (a
// tools/stack instance with its sink) and skips itself without them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { account, follow, newPage, open, signIn, squash, uiText } from './lib/accounts.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, documentProblems } from './lib/checks.mjs';
import { maildirMessages } from '../integration/mail_box.mjs';

const STACK_DIR = process.env.STACK_DIR;
const BUILD_DIR = process.env.TP_BUILD_DIR;
const SKIP = !STACK_DIR || !BUILD_DIR ? 'needs STACK_DIR and TP_BUILD_DIR (a tools/stack instance with its mail sink)' : false;

let browser;
const tag = randomBytes(4).toString('hex');
const user = { login: `mail-br-${tag}`, password: `mail-br-${tag}-pw1`, from: 'mail.test.mjs' };
const address = `mail-br-${tag}@example.org`;

const messagesTo = (addr) => maildirMessages(`${STACK_DIR}/mail`).filter((m) => m.delivered_to.includes(addr));

async function nextMessage(addr, seen) {
	for (let i = 0; i < 80; i++) {
		const all = messagesTo(addr);
		if (all.length > seen)
			return all.sort((a, b) => a.file.localeCompare(b.file))[all.length - 1];
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no new message to ${addr} within 20 s`);
}

const linkIn = (m, p) => {
	const text = m.parts.find((x) => x.type === 'text/plain').content;
	const found = new RegExp(`https?://\\S+${p}\\?token=[A-Za-z0-9_-]+`).exec(text);
	assert.ok(found, `no ${p} link in: ${text}`);
	const u = new URL(found[0]);
	return u.pathname + u.search;
};

async function clean(page, name) {
	const problems = [...(await axeViolations(page)).map((v) => `axe: ${v.text}`), ...await documentProblems(page)];
	assert.equal(problems.length, 0, `${name} (${page.url()}):\n  - ${problems.join('\n  - ')}`);
}

before(async () => {
	if (SKIP)
		return;
	browser = await useBrowser();
	execFileSync(`${BUILD_DIR}/src/tpportal-admin`, ['-c', `${STACK_DIR}/tpportal.conf`, 'create-user', user.login, '메일 시험', 'staff'],
		{ input: `${user.password}\n`, encoding: 'utf8' });
});

after(async () => {
	if (!SKIP)
		await releaseBrowser();
});

describe('mail: an address confirmed and a password reset through the mailed links', { skip: SKIP }, () => {
	test('a user sets the account\'s address and confirms it from the mail', async () => {
		const page = await newPage(browser);
		try {
			await signIn(page, user);
			await open(page, '/account/password');
			await follow(page, page.getByRole('navigation', { name: uiText('account_mail.nav') })
				.getByRole('link', { name: uiText('account_mail.title'), exact: true }));
			assert.equal(new URL(page.url()).pathname, '/account/email');
			await page.getByLabel(uiText('account_mail.new')).fill(address);
			await follow(page, page.getByRole('button', { name: uiText('account_mail.submit'), exact: true }));
			assert.ok(squash(await page.locator('main').textContent()).includes(uiText('account_mail.sent')));
			await clean(page, 'the address page after a request');
			const m = await nextMessage(address, 0);
			await open(page, linkIn(m, '/account/email/confirm'));
			await clean(page, 'the confirmation page');
			await follow(page, page.getByRole('button', { name: uiText('account_mail.confirm_submit'), exact: true }));
			assert.ok(squash(await page.locator('main').textContent()).includes(uiText('account_mail.confirmed')));
			await open(page, '/account/email');
			assert.ok(squash(await page.locator('dl.facts').textContent()).includes(address));
		} finally {
			await page.context().close();
		}
	});

	test('a forgotten password: a reset from the sign-in page, the mailed link once, then signing in with the new one', async () => {
		const page = await newPage(browser);
		try {
			await open(page, '/login');
			await follow(page, page.getByRole('link', { name: uiText('login.forgot'), exact: true }));
			assert.equal(new URL(page.url()).pathname, '/password/forgot');
			await clean(page, 'the reset request page');
			const seen = messagesTo(address).length;
			await page.getByLabel(uiText('field.email')).fill(address);
			await follow(page, page.getByRole('button', { name: uiText('reset.forgot_submit'), exact: true }));
			assert.ok(squash(await page.locator('main').textContent()).includes(uiText('reset.sent')));
			const link = linkIn(await nextMessage(address, seen), '/password/reset');
			await open(page, link);
			await clean(page, 'the new-password page');
			const fresh = `${user.password}-new`;
			await page.locator('#f-new').fill(fresh);
			await page.locator('#f-confirm').fill(fresh);
			await follow(page, page.getByRole('button', { name: uiText('reset.submit'), exact: true }));
			assert.ok(squash(await page.locator('main').textContent()).includes(uiText('reset.done')));
			await follow(page, page.locator('main').getByRole('link', { name: uiText('login.title'), exact: true }));
			await signIn(page, { ...user, password: fresh });
			assert.notEqual(new URL(page.url()).pathname, '/login');
			await open(page, link);
			assert.ok(squash(await page.locator('main').textContent()).includes(uiText('reset.invalid')), 'the link works a second time');
			assert.equal(await page.locator('form[action="/password/reset"]').count(), 0);
		} finally {
			await page.context().close();
		}
	});

	test('the secretariat links the account to its person in the people directory; the user sees whom invitations follow', async () => {
		const sec = await newPage(browser);
		const mine = await newPage(browser);
		try {
			await signIn(sec, account('secretariat'));
			await open(sec, '/admin/users');
			await follow(sec, sec.getByRole('link', { name: user.login, exact: true }));
			const field = sec.getByLabel(uiText('field.person'));
			/* a person no other account is linked to */
			const choice = await field.evaluate((el, linked) => {
				const o = [...el.options].find((x) => x.value !== '' && !x.textContent.includes(linked));
				return o ? { value: o.value, name: o.textContent.split(' (')[0].split(' [')[0].trim() } : null;
			}, uiText('users.person_linked_to'));
			assert.ok(choice, 'no free person to choose');
			await field.selectOption(choice.value);
			await follow(sec, sec.getByRole('button', { name: uiText('form.save'), exact: true }));
			await follow(sec, sec.getByRole('link', { name: user.login, exact: true }));
			assert.equal(await sec.getByLabel(uiText('field.person')).inputValue(), choice.value, 'the account page does not show the person');
			await clean(sec, 'the account form with its person');

			await signIn(mine, { ...user, password: `${user.password}-new` });	/* the password the reset above set */
			await open(mine, '/account/notifications');
			assert.ok(squash(await mine.locator('#n-meetings-person').textContent()).includes(choice.name), 'the notification page does not name the person');
			await clean(mine, 'the notification page of a linked account');

			await sec.getByLabel(uiText('field.person')).selectOption('');
			await follow(sec, sec.getByRole('button', { name: uiText('form.save'), exact: true }));
		} finally {
			await sec.context().close();
			await mine.context().close();
		}
	});
});
