// test-lane: alone (tools/lib/suites.sh: after the lanes, with no other file running)
// round_trips.test.mjs - how many database round trips a page costs when it is not kept (issue 16:
// "fewer round trips on a miss": at most three for a technopark profile, an article and a meeting).
//
// How it counts, and why so: a spare tpportal on the instance's configuration with the page cache off
// and `debug_round_trips = yes` says in `X-Round-Trips` what each answer cost (src/store/db.c counts
// every statement it executes and every ping: the one place a round trip happens). That count is one
// request's own, whatever else runs; MariaDB's general log is server-wide (it needs SUPER, and it
// catches the search indexer's and the mail thread's polls and every other test's requests). The
// header is checked against the general log once (the article page, with this file holding the
// instance alone), so a statement db.c forgot to count would fail here too.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { sleep } from './lib.mjs';
import { exclusive, sqlValue } from './lib_accounts.mjs';
import { fcgiGet, startSpare } from './lib_fcgi.mjs';

const STACK_DIR = process.env.STACK_DIR?.replace(/\/+$/, '');
const BIN = `${process.env.TP_BUILD_DIR}/src/tpportal`;
const CONF = `${STACK_DIR}/tpportal.conf`;
const T = { timeout: 120_000 };
const ctx = {};

const spare = startSpare;

/** One statement as the instance's root (over its socket): MariaDB's own view, for the general log. */
function rootSql(statement) {
	return execFileSync('mariadb', [`--defaults-file=${STACK_DIR}/my.cnf`, '-N', '-B', 'tpportal', '-e', statement],
		{ encoding: 'utf8', timeout: 30_000 });
}

/** GET uri from the spare: { status, trips } (the page asked twice before, so statements are prepared). */
async function trips(uri) {
	await fcgiGet(ctx.spare.sock, uri);
	await fcgiGet(ctx.spare.sock, uri);
	const res = await fcgiGet(ctx.spare.sock, uri);
	assert.ok('x-round-trips' in res.headers, `${uri}: no X-Round-Trips header (debug_round_trips is on)`);
	return { status: res.status, trips: Number(res.headers['x-round-trips']), res };
}

describe('database round trips of a page that is not kept', { concurrency: 1 }, () => {
	before(async () => {
		assert.ok(STACK_DIR && process.env.TP_BUILD_DIR && existsSync(BIN), 'needs STACK_DIR and TP_BUILD_DIR (tools/stack test sets them)');
		ctx.release = await exclusive();
		ctx.dir = mkdtempSync(`${tmpdir()}/tp-trips-`);
		ctx.spare = await spare(ctx.dir, { threads: 1, page_cache_mb: 0, debug_round_trips: 'yes' });
		ctx.article = sqlValue('SELECT id FROM news_articles WHERE listed = 1 ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET 1');
		ctx.meeting = sqlValue('SELECT CONCAT(\'/committees/\', c.slug, \'/meetings/\', g.id) FROM committee_meetings g ' +
			'JOIN committees c ON c.id = g.committee_id JOIN committee_agenda_items i ON i.meeting_id = g.id ORDER BY g.id LIMIT 1');
		ctx.tp = sqlValue('SELECT t.slug FROM technoparks t JOIN people p ON p.technopark_id = t.id GROUP BY t.id ORDER BY COUNT(*) DESC, t.id LIMIT 1');
	});
	after(async () => {
		ctx.spare?.child.kill('SIGTERM');
		if (ctx.dir)
			rmSync(ctx.dir, { recursive: true, force: true });
		ctx.release?.();
	});

	// the bar: at most three; the others as they are now, so that a new query shows up here
	const pages = () => [
		['a technopark profile', `/members/${ctx.tp}`, 3],
		['an article', `/news/${ctx.article}`, 3],
		['an article in a category list', `/news/${ctx.article}?category=notice`, 3],
		['an article in a publisher list', `/news/${ctx.article}?tp=association`, 3],
		['a meeting', ctx.meeting, 3],
		['the member directory', '/members', 1],
		['the about page', '/about', 1],
		['the home page', '/', 3],
		['the news board', '/news', 4],
		['the library board', '/library?year=2025', 3],
		['a library document', '/library/1', 3],
		['a page that is not there', '/members/no-such-place', 1],
	];

	test('each page answers within its round trips', T, async () => {
		const seen = [];
		for (const [what, uri, most] of pages()) {
			const { status, trips: n } = await trips(uri);
			seen.push(`${what} (${uri}): ${status}, ${n}`);
			assert.ok(status === 200 || (status === 404 && uri.includes('no-such')), `${what} ${uri}: status ${status}`);
			assert.ok(n >= 1, `${what}: ${n} round trips (at least the data generation is read)`);
			assert.ok(n <= most, `${what} ${uri}: ${n} round trips, at most ${most}\n${seen.join('\n')}`);
		}
	});

	test('the header counts what MariaDB sees (general log, the article page)', T, async () => {
		const uri = `/news/${ctx.article}`;
		await trips(uri);
		const before = rootSql("SELECT @@GLOBAL.general_log, @@GLOBAL.log_output").trim().split('\t');
		rootSql("SET GLOBAL log_output = 'TABLE'; TRUNCATE mysql.general_log; SET GLOBAL general_log = 1");
		let res;
		try {
			res = await fcgiGet(ctx.spare.sock, uri);
		} finally {
			rootSql(`SET GLOBAL general_log = ${before[0] === '1' ? 1 : 0}; SET GLOBAL log_output = '${before[1]}'`);
		}
		// background threads (search indexer, mail) poll on their own connections: leave those out
		const rows = rootSql("SELECT thread_id, command_type, REPLACE(LEFT(argument, 120), '\\n', ' ') FROM mysql.general_log " +
			"WHERE command_type IN ('Execute', 'Query') AND thread_id NOT IN (SELECT thread_id FROM mysql.general_log " +
			"WHERE argument LIKE '%search_queue%' OR argument LIKE '%outbox%' OR argument LIKE '%general_log%')")
			.trim().split('\n').filter(Boolean);
		rootSql('TRUNCATE mysql.general_log');
		assert.equal(res.status, 200);
		assert.equal(rows.length, Number(res.headers['x-round-trips']),
			`X-Round-Trips ${res.headers['x-round-trips']}, the general log has ${rows.length}:\n${rows.join('\n')}`);
		assert.ok(rows.length <= 3, rows.join('\n'));
	});

	test('without debug_round_trips the header is not sent', T, async () => {
		const res = await fetch(`${/^base_url\s*=\s*(\S+)/m.exec(readFileSync(CONF, 'utf8'))[1]}/members`);
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('x-round-trips'), null);
	});
});
