// saves.test.mjs - two secretariat desks edit the 충남 profile at once, in a real browser (issue 11): the
// colleague's change to another field is kept without a conflict page; when both change the e-mail
// address, the conflict page lists that field alone with its label and both values side by side, a
// choice each, industries by name; pressing 저장 on it unchanged keeps the colleague's address. The
// conflict page passes axe and the page checks. The profile is put back as it was.
// Imported by suite.test.mjs; alone: node --test saves.test.mjs with the suite's environment.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { account, follow, freshPhone, newPage, open, signIn, squash, uiText } from './lib/accounts.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, documentProblems } from './lib/checks.mjs';

const PROFILE = '/admin/members/chungnam';
const SAVE = () => uiText('form.save');

let browser;
let a;
let b;
let original;

/** The profile form's fields as the browser shows them (industries: the checked names). */
function values(page) {
	return page.locator(`form[action="${PROFILE}"]`).evaluate((form) => {
		const v = { industry: [] };
		for (const el of form.elements) {
			if (!el.name || el.type === 'hidden' || el.type === 'submit' || el.type === 'radio')
				continue;
			if (el.type === 'checkbox') {
				if (el.checked)
					v.industry.push(el.value);
			} else {
				v[el.name] = el.value;
			}
		}
		return v;
	});
}

const box = (page, key) => page.getByLabel(uiText(key), { exact: true });

/** Replace a text box's value the way a person does: select all, type. */
async function retype(page, key, text) {
	const el = box(page, key);
	await el.fill('');
	await el.pressSequentially(text);
}

describe('two secretariat desks save the 충남 profile at once', () => {
	before(async () => {
		browser = await useBrowser();
		const who = account('secretariat');
		a = await newPage(browser);
		b = await newPage(browser);
		await signIn(a, who);
		await signIn(b, who);
		await open(a, PROFILE);
		original = await values(a);
	});

	after(async () => {
		// put the profile back: the current form, retyped with the original values
		if (original) {
			const p = await newPage(browser);
			await signIn(p, account('secretariat'));
			await open(p, PROFILE);
			for (const k of ['phone', 'email'])
				await retype(p, `field.${k}`, original[k] ?? '');
			for (const cb of await p.locator('input[name="industry"][type="checkbox"]').all())
				await cb.setChecked(original.industry.includes(await cb.getAttribute('value')));
			await follow(p, p.getByRole('button', { name: SAVE(), exact: true }));
			assert.deepEqual(await (async () => { await open(p, PROFILE); return values(p); })(), original, 'the profile is back as it was');
			await p.context().close();
		}
		await a?.context().close();
		await b?.context().close();
		await releaseBrowser();
	});

	test('A changes the e-mail address, B\'s open form changes the phone: both kept, no conflict page', async () => {
		await open(b, PROFILE);
		await open(a, PROFILE);
		const email = `a-${Date.now()}@example.org`;
		await retype(a, 'field.email', email);
		await follow(a, a.getByRole('button', { name: SAVE(), exact: true }));
		assert.match(new URL(a.url()).search, /done=saved/);
		const phone = freshPhone([original.phone]);
		await retype(b, 'field.phone', phone);
		const res = await follow(b, b.getByRole('button', { name: SAVE(), exact: true }));
		assert.equal(res.status(), 200, 'B lands on the saved profile');
		assert.match(new URL(b.url()).search, /done=saved/, 'B saved without a conflict page');
		const now = await values(b);
		assert.equal(now.email, email, 'A\'s address kept');
		assert.equal(now.phone, phone, 'B\'s phone kept');
	});

	test('both change the e-mail address: a conflict page of that field alone; 저장 on it keeps A\'s address', async () => {
		await open(b, PROFILE);
		await open(a, PROFILE);
		const theirs = `a2-${Date.now()}@example.org`;
		await retype(a, 'field.email', theirs);
		// A also changes the industries: B's form does too, so they meet in the conflict page by name
		const boxes = a.locator('input[name="industry"][type="checkbox"]');
		const first = boxes.first();
		const firstName = squash(await a.locator(`label[for="${await first.getAttribute('id')}"]`).textContent());
		await first.setChecked(!(await first.isChecked()));
		await follow(a, a.getByRole('button', { name: SAVE(), exact: true }));
		const mine = `b2-${Date.now()}@example.org`;
		await retype(b, 'field.email', mine);
		const bLast = b.locator('input[name="industry"][type="checkbox"]').last();
		await bLast.setChecked(!(await bLast.isChecked()));
		const res = await follow(b, b.getByRole('button', { name: SAVE(), exact: true }));
		assert.equal(res.status(), 409);
		const fields = b.locator('fieldset.conflict-field');
		assert.deepEqual(await fields.locator('legend').allTextContents(), [uiText('field.email'), uiText('field.industry')],
		    'only the fields both changed are listed, by label');
		const email = squash(await fields.first().textContent());
		assert.ok(email.includes(theirs) && email.includes(mine), `both addresses side by side: ${email}`);
		const industries = squash(await fields.last().textContent());
		assert.ok(industries.includes(firstName), `industries by name: ${industries}`);
		assert.ok(!/[a-z]+-[a-z]+,/.test(industries), `no raw slugs: ${industries}`);
		assert.ok(await b.getByRole('radio', { name: new RegExp(`${uiText('form.conflict_current')}.*${theirs.replace(/[.]/g, '\\.')}`) }).isChecked(),
		    'the stored value is the one chosen until B picks another');
		const problems = [...(await axeViolations(b)).map((v) => `axe: ${v.text}`), ...await documentProblems(b)];
		assert.equal(problems.length, 0, `the conflict page:\n  - ${problems.join('\n  - ')}`);
		// B presses 저장 again, as the page invites, without choosing: A's address stays
		const again = await follow(b, b.getByRole('button', { name: SAVE(), exact: true }));
		assert.equal(again.status(), 200);
		await open(b, PROFILE);
		assert.equal((await values(b)).email, theirs, 'the colleague\'s address was overwritten unseen');
	});
});
