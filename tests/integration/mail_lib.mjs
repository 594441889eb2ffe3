// mail_lib.mjs - helpers for the mail tests (issue 15; docs/email.md): what the local SMTP sink received,
// read with Python's email package and python3-icalendar (mail_read.py), the outbox through SQL and
// tpportal-admin, and stopping or starting the sink through tools/stack. No tests here.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { maildirMessages } from './mail_box.mjs';
import { sleep, within } from './lib.mjs';
import { HAVE_SQL, sql, sqlNumber, lit } from './lib_accounts.mjs';

export const STACK_DIR = process.env.STACK_DIR ? process.env.STACK_DIR.replace(/\/+$/, '') : null;
export const MAILDIR = STACK_DIR ? `${STACK_DIR}/mail` : null;
export const BUILD = process.env.TP_BUILD_DIR ?? null;
/** Why the mail tests cannot run here, or null: they need the sink, SQL and the binaries. */
export const MAIL_SKIP = !HAVE_SQL || !STACK_DIR || !BUILD ? 'needs TP_STACK, STACK_DIR and TP_BUILD_DIR (run under tools/stack test)' : false;

/** Every message in the sink's Maildir, parsed (see mail_read.py for the fields). */
export function sinkMessages() {
	return maildirMessages(MAILDIR);
}

/** The messages delivered to addr. */
export const messagesTo = (addr) => sinkMessages().filter((m) => m.delivered_to.includes(addr));

/** Wait until fn() returns a truthy value (polled every 250 ms); fails after ms with what. */
export async function waitFor(fn, what, ms = 20_000) {
	const started = Date.now();
	for (;;) {
		const v = await fn();
		if (v)
			return v;
		assert.ok(Date.now() - started < ms, `${what}: not within ${ms / 1000} s`);
		await sleep(250);
	}
}

/** The one message delivered to addr, waited for; asserts it is exactly one. */
export async function theMessageTo(addr, ms = 20_000) {
	const found = await waitFor(() => { const m = messagesTo(addr); return m.length ? m : null; }, `a message to ${addr}`, ms);
	await sleep(300);	/* a duplicate would arrive right behind it */
	const again = messagesTo(addr);
	assert.equal(again.length, 1, `${again.length} messages to ${addr}, expected exactly 1`);
	return found[0];
}

/** Run tpportal-admin with the instance's configuration; returns stdout (throws on a non-zero exit). */
export function admin(...args) {
	return execFileSync(`${BUILD}/src/tpportal-admin`, ['-c', `${STACK_DIR}/tpportal.conf`, ...args], {
		encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'],
	});
}

/** Queue a test message with tpportal-admin; returns its outbox id. */
export function queueTest(addr, name) {
	const out = admin('mail', 'test', addr, ...(name ? [name] : []));
	const m = /^queued: (\d+)$/m.exec(out);
	assert.ok(m, `tpportal-admin mail test: ${out}`);
	return Number(m[1]);
}

/** The outbox row id (or of the newest message to addr), as strings. */
export const outboxRow = (id) => sql(`SELECT id, token, kind, to_addr, state, attempts, answer FROM outbox WHERE id = ${lit(id)}`)[0] ?? null;
export const outboxTo = (addr) => sql(`SELECT id, token, kind, to_addr, state, attempts, answer FROM outbox WHERE to_addr = ${lit(addr)} ORDER BY id`);
export const outboxCount = (where) => sqlNumber(`SELECT COUNT(*) AS n FROM outbox WHERE ${where}`);

/** Stop or start the instance's SMTP sink. */
export function sink(action) {
	execFileSync(process.env.TP_STACK, [`mail-${action}`], { encoding: 'utf8', timeout: 90_000, env: { ...process.env }, stdio: 'ignore' });
}

/** The text of a message's part of type (CRLF made LF), or null. */
export function partText(m, type) {
	const p = m.parts.find((x) => x.type === type);
	return p ? p.content.replace(/\r\n/g, '\n') : null;
}

/**
 * A second tpportal on the instance's database and sink (its own socket), so two delivery workers
 * compete for the outbox. Returns { stop() }.
 */
export function secondPortal() {
	const dir = mkdtempSync(`${STACK_DIR}/run/second-`);
	let text = readFileSync(`${STACK_DIR}/tpportal.conf`, 'utf8');
	text = text.replace(/^socket\s*=.*$/m, `socket = ${dir}/s.sock`);
	writeFileSync(`${dir}/tpportal.conf`, text);
	const child = spawn(`${BUILD}/src/tpportal`, ['-c', `${dir}/tpportal.conf`], { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	child.stderr.on('data', (c) => { log += c; });
	const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
	return {
		log: () => log,
		async stop() {
			child.kill('SIGTERM');
			const code = await within(exited, 60_000);
			assert.equal(code, 0, `the second tpportal did not stop cleanly (${code}); its log:\n${log}`);
		},
	};
}
