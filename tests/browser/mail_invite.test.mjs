// mail_invite.test.mjs - a meeting invitation in a real browser (issue 15; docs/email.md): the secretariat links
// an account to a committee member's entry in the people directory, the member chooses meeting notifications on
// the account page, the secretariat schedules a meeting of that committee, the iTIP invitation arrives in the
// local SMTP sink (read with Python's email package and python3-icalendar, tests/integration/mail_read.py), and
// its one-click unsubscribe link works in a browser with no sign-in. The new pages pass axe and the checks.
//
// suite.test.mjs imports this file. It needs STACK_DIR, TP_BUILD_DIR and TP_STACK (a tools/stack instance with
// its sink; the setup writes the account's address and picks the seat with `tools/stack sql`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { account, follow, newPage, open, signIn, squash, uiText } from './lib/accounts.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, documentProblems } from './lib/checks.mjs';
import { maildirMessages } from '../integration/mail_box.mjs';

const { STACK_DIR, TP_BUILD_DIR: BUILD_DIR, TP_STACK } = process.env;
const SKIP = !STACK_DIR || !BUILD_DIR || !TP_STACK ? 'needs STACK_DIR, TP_BUILD_DIR and TP_STACK (a tools/stack instance with its mail sink)' : false;

let browser;
const tag = randomBytes(4).toString('hex');
const member = { login: `invite-br-${tag}`, password: `invite-br-${tag}-pw1`, from: 'mail_invite.test.mjs' };
const address = `invite-br-${tag}@example.org`;
let seat;

/** One SQL statement on the instance (test setup only); rows as arrays of cells. */
const sql = (statement) => execFileSync(TP_STACK, ['sql', statement], { encoding: 'utf8', env: process.env })
	.split('\n').filter(Boolean).slice(1).map((l) => l.split('\t'));

const messagesTo = (addr) => maildirMessages(`${STACK_DIR}/mail`).filter((m) => m.delivered_to.includes(addr));

async function clean(page, name) {
	const problems = [...(await axeViolations(page)).map((v) => `axe: ${v.text}`), ...await documentProblems(page)];
	assert.equal(problems.length, 0, `${name} (${page.url()}):\n  - ${problems.join('\n  - ')}`);
}

before(async () => {
	if (SKIP)
		return;
	browser = await useBrowser();
	execFileSync(`${BUILD_DIR}/src/tpportal-admin`, ['-c', `${STACK_DIR}/tpportal.conf`, 'create-user', member.login, '초대 시험', 'staff'],
		{ input: `${member.password}\n`, encoding: 'utf8' });
	sql(`UPDATE users SET email = '${address}' WHERE login = '${member.login}'`);
	/* a person holding a current committee seat, freed of any other account */
	[seat] = sql("SELECT m.person_id, p.name, c.slug FROM committee_members m JOIN committees c ON c.id = m.committee_id JOIN people p ON p.id = m.person_id " +
	    "WHERE (m.term_end IS NULL OR m.term_end >= CURDATE()) AND (m.term_start IS NULL OR m.term_start <= CURDATE()) ORDER BY m.id LIMIT 1");
	assert.ok(seat, 'no current committee seat held by a person');
	sql(`UPDATE users SET person_id = NULL WHERE person_id = ${seat[0]}`);
});

after(async () => {
	if (SKIP)
		return;
	sql(`UPDATE users SET person_id = NULL, active = 0 WHERE login = '${member.login}'`);
	await releaseBrowser();
});

describe('mail: a committee member invited to a meeting through the mailed iTIP invitation', { skip: SKIP }, () => {
	test('linked by the secretariat, chosen by the member, scheduled: the invitation arrives; its unsubscribe link needs no sign-in', async () => {
		const sec = await newPage(browser);
		const mine = await newPage(browser);
		const anon = await newPage(browser);
		try {
			await signIn(sec, account('secretariat'));
			await open(sec, '/admin/users');
			await follow(sec, sec.getByRole('link', { name: member.login, exact: true }));
			await sec.getByLabel(uiText('field.person')).selectOption(seat[0]);
			await follow(sec, sec.getByRole('button', { name: uiText('form.save'), exact: true }));

			await signIn(mine, member);
			await open(mine, '/account/notifications');
			assert.ok(squash(await mine.locator('#n-meetings-person').textContent()).includes(seat[1]), 'the page does not name the person');
			await mine.getByLabel(uiText('notify.meetings')).check();
			await follow(mine, mine.getByRole('button', { name: uiText('notify.submit'), exact: true }));
			assert.ok(squash(await mine.locator('main').textContent()).includes(uiText('notify.saved')));
			await clean(mine, 'the notification page');

			const title = `브라우저 초대 시험 ${tag}`;
			const day = new Date(Date.now() + 900 * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
			await open(sec, `/admin/committees/${seat[2]}/meetings/new`);
			await sec.locator('[name="title"]').fill(title);
			await sec.locator('[name="date"]').fill(day);
			await sec.locator('[name="starts"]').fill('14:00');
			await sec.locator('[name="ends"]').fill('15:30');
			await sec.locator('[name="place"]').fill('진흥회 회의실');
			await follow(sec, sec.getByRole('button', { name: uiText('committee_admin.meeting_create'), exact: true }));
			assert.match(new URL(sec.url()).pathname, /^\/admin\/meetings\/\d+$/, `the meeting was not created: ${sec.url()}`);

			let m = null;
			for (let i = 0; i < 80 && !m; i++) {
				m = messagesTo(address).find((x) => x.parts.some((p) => p.type === 'text/calendar'));
				if (!m)
					await new Promise((r) => setTimeout(r, 250));
			}
			assert.ok(m, `no invitation to ${address} within 20 s`);
			const cal = m.parts.find((p) => p.type === 'text/calendar');
			assert.equal(cal.params.method, 'REQUEST');
			assert.equal(cal.calendar.events[0].summary, title);
			assert.equal(cal.calendar.events[0].dtstart, `${day}T14:00:00+09:00`);

			const unsub = /^<(https?:\/\/[^>]+)>$/.exec(m.list_unsubscribe ?? '')?.[1];
			assert.ok(unsub, `List-Unsubscribe: ${m.list_unsubscribe}`);
			await open(anon, new URL(unsub).pathname);
			await clean(anon, 'the unsubscribe page');
			await follow(anon, anon.getByRole('button', { name: uiText('notify.unsub_submit'), exact: true }));
			assert.ok(squash(await anon.locator('main').textContent()).includes(uiText('notify.unsub_done')));
			await open(mine, '/account/notifications');
			assert.equal(await mine.getByLabel(uiText('notify.meetings')).isChecked(), false, 'the subscription is still on');
		} finally {
			await sec.context().close();
			await mine.context().close();
			await anon.context().close();
		}
	});
});
