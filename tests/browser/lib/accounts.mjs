// accounts.mjs - what the accounts tests (accounts.test.mjs) share: the demo accounts by login name,
// signing in and out through the real forms as a person does, reading a page the way its reader sees it
// (a fact of a <dl>, a field of a diff), a fresh phone number, and screenshots at both widths.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { BASE_URL, REPO, SCREENSHOT_DIR } from './config.mjs';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

// The same chromium as suite.test.mjs launches (Debian's, headless).
export const CHROMIUM = {
	executablePath: '/usr/bin/chromium',
	headless: true,
	timeout: 30_000,
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
		'--disable-component-update', '--disable-sync'],
};

let uiTexts = null;
/** A UI text of the portal from templates/lang/ko.hdf ("form.err_email"), so the tests follow its wording. */
export function uiText(key) {
	if (uiTexts === null) {
		uiTexts = new Map();
		for (const line of readFileSync(path.join(REPO, 'templates', 'lang', 'ko.hdf'), 'utf8').split('\n')) {
			const m = line.match(/^([A-Za-z0-9_.]+)\s*=\s*(.*)$/);
			if (m)
				uiTexts.set(m[1], m[2].trim());
		}
	}
	if (!uiTexts.has(key))
		throw new Error(`templates/lang/ko.hdf has no ${key}`);
	return uiTexts.get(key);
}

/**
 * Every account of TP_LOGINS or $STACK_DIR/demo-logins, in file order: [{role, login, password, from}].
 * Same format as lib/sessions.mjs reads ("ROLE LOGIN PASSWORD" a line, '#' starts a comment), but all
 * accounts, not only the first of each role: the accounts tests need chungnam-admin by name.
 */
export function readAccounts() {
	let text = process.env.TP_LOGINS || '';
	let from = 'TP_LOGINS';
	if (text === '' && process.env.STACK_DIR) {
		from = path.join(process.env.STACK_DIR, 'demo-logins');
		text = existsSync(from) ? readFileSync(from, 'utf8') : '';
	}
	const accounts = [];
	for (const raw of text.split('\n')) {
		const f = raw.replace(/#.*/, '').trim().split(/\s+/);
		if (f.length === 3 && /^[a-z_]+$/.test(f[0]))
			accounts.push({ role: f[0], login: f[1], password: f[2], from });
	}
	return accounts;
}

/** The account with this login name; throws saying where it looked. */
export function account(login) {
	const found = readAccounts().find((a) => a.login === login);
	if (!found)
		throw new Error(`no account "${login}" in TP_LOGINS or $STACK_DIR/demo-logins ` +
			`(STACK_DIR=${process.env.STACK_DIR || 'unset'}); tools/stack makes the demo logins`);
	return found;
}

/** A page in a new context (no cookies), Korean locale, the suite's time limits. */
export async function newPage(browser, viewport = DESKTOP) {
	const context = await browser.newContext({ viewport, locale: 'ko-KR' });
	context.setDefaultTimeout(10_000);
	context.setDefaultNavigationTimeout(15_000);
	return context.newPage();
}

/** Go to url (a path) and insist on the status; returns the response. */
export async function open(page, url, status = 200) {
	const res = await page.goto(BASE_URL + url, { waitUntil: 'load' });
	if (!res || res.status() !== status)
		throw new Error(`GET ${url}: HTTP ${res ? res.status() : 'none'}, expected ${status}`);
	return res;
}

/** Click what submits a form (or follows a link) and wait for the page it leads to: its response, after redirects. */
export async function follow(page, locator) {
	const [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
	return res;
}

/** Sign in through /login: type into the labelled fields, press the button. Returns the page it leads to. */
export async function signIn(page, who) {
	await open(page, '/login');
	await page.getByLabel('아이디', { exact: true }).pressSequentially(who.login);
	await page.getByLabel('비밀번호', { exact: true }).pressSequentially(who.password);
	const res = await follow(page, page.getByRole('button', { name: '로그인', exact: true }));
	if (new URL(page.url()).pathname === '/login') {
		const said = (await page.locator('.errors').allTextContents()).join(' ').trim();
		throw new Error(`signing in as ${who.login} (${who.from}) failed: HTTP ${res.status()}, still on /login` +
			(said ? `: ${said}` : ''));
	}
	return res;
}

/** Sign out with the header's button; returns the page it leads to. */
export async function signOut(page) {
	return follow(page, page.locator('header').getByRole('button', { name: '로그아웃', exact: true }));
}

/** Text as a reader sees it: whitespace collapsed. */
export const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();

/** The <dd> of the <dt> labelled label in the page's first dl.facts. */
export function fact(page, label) {
	return page.locator('dl.facts').first().locator(`xpath=./dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
}

/** A phone number in 041-5xx-xxxx that changes every millisecond (repeats after about 16 minutes), not one of avoid. */
export function freshPhone(avoid = []) {
	for (let t = Date.now(); ; t++) {
		const d = String(t % 1_000_000).padStart(6, '0');
		const phone = `041-5${d.slice(0, 2)}-${d.slice(2)}`;
		if (!avoid.includes(phone))
			return phone;
	}
}

/** Full-page screenshots of the page as it is, at 1280 and 375 px: docs/screenshots/NAME-1280.png, NAME-375.png. */
export async function screenshots(page, name) {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const was = page.viewportSize();
	const saved = [];
	try {
		for (const vp of [DESKTOP, PHONE]) {
			await page.setViewportSize(vp);
			const file = path.join(SCREENSHOT_DIR, `${name}-${vp.width}.png`);
			await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 15_000 });
			saved.push(path.basename(file));
		}
	} finally {
		await page.setViewportSize(was);
	}
	return saved;
}

export { BASE_URL };
