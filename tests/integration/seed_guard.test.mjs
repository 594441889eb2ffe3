// seed_guard.test.mjs - sql/018_seed_facts.sql corrects an existing database's seed rows only while they still
// hold the old seed's text (issue 20): a database made before it (migrations 001-009 and the seed as it was then,
// tests/fixtures/seed_before_018/, taken from git before the correction), where the secretariat and a member
// admin have since edited some of those rows, is migrated to today's schema. Every untouched row must then be
// what a new database gets from today's sql/seed/ (the correction and its source marks), every edited row must
// keep what was written, and the edited fields must not be dated by the article.
//
// Runs on databases of its own on the instance's MariaDB (its root login, as admin_cli.test.mjs does).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ROOT } from './lib.mjs';

const STACK_DIR = process.env.STACK_DIR ? process.env.STACK_DIR.replace(/\/+$/, '') : null;
const MYCNF = STACK_DIR ? `${STACK_DIR}/my.cnf` : null;
const SKIP = !MYCNF || !existsSync(MYCNF) ? 'STACK_DIR is not set: the test needs the instance\'s MariaDB'
	: process.getuid?.() !== 0 ? 'making databases and accounts needs the instance\'s MariaDB root login (run as root)' : false;
const ID = `${process.pid}`;
const FIXTURE = `${ROOT}/tests/fixtures/seed_before_018`;
const MIGRATIONS = readdirSync(`${ROOT}/sql`).filter((n) => /^\d+_.*\.sql$/.test(n)).sort();

function asRoot(statement, db = null) {
	return execFileSync('mariadb', [`--defaults-file=${MYCNF}`, '-u', 'root', '-N', '-B', ...(db ? [db] : []), '-e', statement],
		{ encoding: 'utf8', timeout: 60_000 });
}

/** One row of statement in db as an object (columns named by the query), or null; values as text, NULL as null. */
function row(db, statement) {
	const out = execFileSync('mariadb', [`--defaults-file=${MYCNF}`, '-u', 'root', '-B', db, '-e', statement], { encoding: 'utf8', timeout: 60_000 });
	const lines = out.split('\n').filter(Boolean);
	if (lines.length < 2)
		return null;
	const head = lines[0].split('\t'), cells = lines[1].split('\t');
	return Object.fromEntries(head.map((h, i) => [h, cells[i] === 'NULL' ? null : cells[i].replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\')]));
}

/** tools/migrate on db with the migrations and seed of sqlDir. */
function migrate(cnf, sqlDir) {
	return execFileSync(`${ROOT}/tools/migrate`, ['--defaults-file', cnf, '--sql-dir', sqlDir], { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

/* What the secretariat and a member admin wrote over seed rows before the correction arrived. */
const EDITS = {
	incheon_summary: '인천테크노파크가 직접 고쳐 쓴 소개입니다.',
	gyeongnam_note: '회원기관이 확인한 비고',
	leader_affiliation: '광주테크노파크 이사장 (사무국이 고침)',
	person_note: '사무국이 고친 비고',
	news_tail: '\n\n사무국이 덧붙인 문장입니다.\n',
};

describe('sql/018 corrects only the seed rows nobody has edited since', { skip: SKIP, concurrency: 1, timeout: 900_000 }, () => {
	const old = `tp_guard_${ID}`, fresh = `tp_fresh_${ID}`, user = `tp_guard_u_${ID}`, pw = randomBytes(12).toString('hex');
	let dir;
	before(() => {
		if (SKIP)
			return;
		dir = mkdtempSync(`${tmpdir()}/tp-seed-guard-`);
		asRoot(`CREATE DATABASE ${old} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; CREATE DATABASE ${fresh} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; ` +
		    `CREATE USER '${user}'@'localhost' IDENTIFIED BY '${pw}'; GRANT ALL ON ${old}.* TO '${user}'@'localhost'; GRANT ALL ON ${fresh}.* TO '${user}'@'localhost'`);
		const sock = /^socket\s*=\s*(.*)$/m.exec(readFileSync(MYCNF, 'utf8'))[1].trim();
		for (const db of [old, fresh]) {
			writeFileSync(`${dir}/${db}.cnf`, `[client]\nuser=${user}\npassword=${pw}\nsocket=${sock}\ndefault-character-set=utf8mb4\n` +
			    `[mysql]\ndatabase=${db}\ninit-command=SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci\n`);
			chmodSync(`${dir}/${db}.cnf`, 0o600);
		}
		/* the database as it was before 018: migrations 001-009 and that day's seed */
		mkdirSync(`${dir}/sql/seed`, { recursive: true });
		for (const f of MIGRATIONS.filter((n) => parseInt(n, 10) <= 9))
			copyFileSync(`${ROOT}/sql/${f}`, `${dir}/sql/${f}`);
		for (const f of readdirSync(FIXTURE))
			copyFileSync(`${FIXTURE}/${f}`, `${dir}/sql/seed/${f}`);
		migrate(`${dir}/${old}.cnf`, `${dir}/sql`);
		/* edits made through the portal since (as SQL here: what matters is the text they left) */
		asRoot(`UPDATE technoparks SET summary = '${EDITS.incheon_summary}', version = version + 1 WHERE slug = 'incheon';
			UPDATE technoparks SET director_note = '${EDITS.gyeongnam_note}', version = version + 1 WHERE slug = 'gyeongnam';
			UPDATE association_leaders SET affiliation = '${EDITS.leader_affiliation}' WHERE name = '김기남';
			UPDATE people SET note = '${EDITS.person_note}' WHERE name = '김기남' AND source_id = 1;
			UPDATE news_articles SET body_md = CONCAT(body_md, '${EDITS.news_tail.replace(/\n/g, '\\n')}') WHERE id = 1;`, old);
		/* then every migration of today, 010 onwards with 018 among them; a new database from today's files beside it */
		for (const f of MIGRATIONS)
			copyFileSync(`${ROOT}/sql/${f}`, `${dir}/sql/${f}`);
		migrate(`${dir}/${old}.cnf`, `${dir}/sql`);
		migrate(`${dir}/${fresh}.cnf`, `${ROOT}/sql`);
	});
	after(() => {
		if (SKIP)
			return;
		asRoot(`DROP DATABASE IF EXISTS ${old}; DROP DATABASE IF EXISTS ${fresh}; DROP USER IF EXISTS '${user}'@'localhost'`);
		if (dir)
			rmSync(dir, { recursive: true, force: true });
	});

	const both = (statement) => ({ old: row(old, statement), fresh: row(fresh, statement) });

	test('the test starts from the old seed: its rows held the text 018 replaces', () => {
		/* else the comparisons below would compare a new database with itself */
		const before = readFileSync(`${FIXTURE}/003_technoparks.sql`, 'utf8');
		assert.ok(before.includes('(2020년 기사 기준).'), 'the fixture is not the seed from before 018');
		assert.ok(readFileSync(`${FIXTURE}/004_news.sql`, 'utf8').includes("'2020-09-21 09:00:00'"), 'the fixture is not the seed from before 018');
	});

	test('untouched seed rows become what a new database has: the corrected text and its source marks', () => {
		for (const slug of ['chungnam', 'gyeonggi']) {
			const r = both(`SELECT summary, summary_source_id FROM technoparks WHERE slug = '${slug}'`);
			assert.deepEqual(r.old, r.fresh, `${slug}: summary`);
			assert.equal(r.old.summary_source_id, '1', `${slug}: not dated by the article`);
		}
		let r = both("SELECT GROUP_CONCAT(CONCAT_WS(':', slug, source_id, region_derived, name_en_derived) ORDER BY id) AS marks FROM technoparks");
		assert.deepEqual(r.old, r.fresh, 'the source, derived region and English-name marks of the 19 members');
		r = both('SELECT summary, name_en_derived FROM association WHERE id = 1');
		assert.deepEqual(r.old, r.fresh, 'the association: its founding purpose, its English name marked');
		r = both("SELECT ordinal_note, affiliation FROM association_leaders WHERE name = '안완기'");
		assert.deepEqual(r.old, r.fresh, '안완기: the office as the article gives it');
		r = both("SELECT note FROM people WHERE name = '안완기' AND source_id = 1");
		assert.deepEqual(r.old, r.fresh, '안완기 in the people directory');
		r = both("SELECT GROUP_CONCAT(CONCAT_WS('|', title, description) ORDER BY sort SEPARATOR '\\n') AS f FROM association_functions WHERE kind = 'network'");
		assert.ok(r.fresh.f, 'a new database has no network facts');
		assert.deepEqual(r.old, r.fresh, 'the network facts the article gives');
		r = both("SELECT GROUP_CONCAT(CONCAT_WS(':', slug, name_en_derived) ORDER BY id) AS c FROM committees");
		assert.deepEqual(r.old, r.fresh, 'the committees\' English names marked');
		r = both("SELECT GROUP_CONCAT(CONCAT_WS('|', t.slug, COALESCE(e.year, '-'), COALESCE(e.year_note, '-'), e.description) " +
		    "ORDER BY t.id, e.sort SEPARATOR '\\n') AS ev FROM technopark_events e JOIN technoparks t ON t.id = e.technopark_id");
		assert.deepEqual(r.old, r.fresh, 'the technoparks\' dated activities (a year only where the article gives one)');
		r = both("SELECT director, director_note, director_source_id FROM technoparks WHERE slug = 'chungnam'");
		assert.deepEqual(r.old, r.fresh, 'chungnam: a row 018 has nothing for stays as it was');
	});

	test('edited rows keep what was written, and are not dated by the article', () => {
		let r = row(old, "SELECT summary, summary_source_id FROM technoparks WHERE slug = 'incheon'");
		assert.deepEqual(r, { summary: EDITS.incheon_summary, summary_source_id: null }, 'incheon: the member admin\'s summary overwritten or dated');
		r = row(old, "SELECT director, director_note, director_source_id FROM technoparks WHERE slug = 'gyeongnam'");
		assert.equal(r.director_note, EDITS.gyeongnam_note, 'gyeongnam: the edited note overwritten');
		assert.equal(r.director_source_id, null, 'gyeongnam: an edited office dated by the article');
		r = row(old, "SELECT affiliation FROM association_leaders WHERE name = '김기남'");
		assert.equal(r.affiliation, EDITS.leader_affiliation, '김기남: the edited affiliation overwritten');
		r = row(old, "SELECT note FROM people WHERE name = '김기남' AND source_id = 1");
		assert.equal(r.note, EDITS.person_note, '김기남: the edited note overwritten');
		/* the article restatement: left whole (text, category, time) once its text was edited */
		const news = row(old, "SELECT body_md, (SELECT slug FROM news_categories c WHERE c.id = category_id) AS category, " +
		    "DATE_FORMAT(published_at, '%H:%i') AS at, date_only FROM news_articles WHERE id = 1");
		const fresh1 = row(fresh, "SELECT (SELECT slug FROM news_categories c WHERE c.id = category_id) AS category FROM news_articles WHERE id = 1");
		assert.ok(news.body_md.includes(EDITS.news_tail.trim()), 'the edited restatement overwritten');
		assert.notEqual(news.category, fresh1.category, 'the edited restatement refiled');
		assert.deepEqual([news.at, news.date_only], ['09:00', '0'], 'the edited restatement redated');
	});
});
