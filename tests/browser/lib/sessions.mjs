// sessions.mjs - signing in, so that the gates reach the pages behind a login as well.
// Logins come from TP_LOGINS or from $STACK_DIR/demo-logins (written by tools/stack): one account a
// line, "ROLE LOGIN PASSWORD" separated by spaces or tabs; '#' starts a comment. ROLE is one of the
// portal's roles (staff, member_admin, secretariat).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { BASE_URL } from './config.mjs';

// Access levels of the route table that anyone may use, signed in or not.
export const ANON_ACCESS = new Set(['open', 'public']);

// Which roles may use a route of each restricted access level, the least powerful first.
const ROLES_FOR_ACCESS = {
	login: ['staff', 'member_admin', 'secretariat'],
	member_admin: ['member_admin', 'secretariat'],
	secretariat: ['secretariat'],
	committee: ['secretariat'], // the secretariat or a committee secretary (no demo login is one)
};

/** The roles that may open a route of access level (null: anonymous too, for open and public routes). */
export function rolesFor(access) {
	return ANON_ACCESS.has(access) ? [null, ...ROLES_FOR_ACCESS.login] : ROLES_FOR_ACCESS[access] ?? [];
}

/** Map(role -> {login, password}) from TP_LOGINS or $STACK_DIR/demo-logins; empty when neither. */
export function readLogins() {
	let text = process.env.TP_LOGINS || '';
	let from = 'TP_LOGINS';
	if (text === '' && process.env.STACK_DIR) {
		from = path.join(process.env.STACK_DIR, 'demo-logins');
		text = existsSync(from) ? readFileSync(from, 'utf8') : '';
	}
	const logins = new Map();
	for (const raw of text.split('\n')) {
		const line = raw.replace(/#.*/, '').trim();
		if (line === '')
			continue;
		const f = line.split(/\s+/);
		if (f.length === 3 && /^[a-z_]+$/.test(f[0]) && !logins.has(f[0]))
			logins.set(f[0], { login: f[1], password: f[2], from });
	}
	return logins;
}

/** The role to use for a route of this access level, or null: anonymous (for open/public) too. */
export function roleFor(access, logins) {
	if (ANON_ACCESS.has(access))
		return null;
	const roles = ROLES_FOR_ACCESS[access];
	if (!roles)
		throw new Error(`unknown access level "${access}" in the route table: teach lib/sessions.mjs about it`);
	return roles.find((r) => logins.has(r)) || undefined;
}

/**
 * Sign in as role through the real form in a new context of browser; returns
 * {storageState, cookie} for later contexts and for fetch. Throws with the reason when it fails.
 */
export async function signIn(browser, role, account) {
	const context = await browser.newContext();
	context.setDefaultTimeout(10_000);
	try {
		const page = await context.newPage();
		await page.goto(BASE_URL + '/login');
		await page.locator('input[name="login"]').fill(account.login);
		await page.locator('input[name="password"]').fill(account.password);
		await Promise.all([
			page.waitForNavigation({ waitUntil: 'load' }),
			page.locator('form[action="/login"] button[type="submit"]').click(),
		]);
		if (new URL(page.url()).pathname === '/login')
			throw new Error(`signing in as ${role} (${account.login} from ${account.from}) failed: still on /login`);
		const cookies = await context.cookies(BASE_URL);
		if (cookies.length === 0)
			throw new Error(`signing in as ${role} set no cookie`);
		return {
			storageState: await context.storageState(),
			cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
		};
	} finally {
		await context.close();
	}
}
