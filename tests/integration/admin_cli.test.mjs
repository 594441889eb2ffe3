// admin_cli.test.mjs - the operator's verbs of tpportal-admin (issue 14, item 2), run the way an
// operator runs them, against the instance's MariaDB on databases and accounts of their own:
// `migrate` resumes a migration that failed half-way once its cause is fixed (it used to leave the
// first statements applied and fail the next run with "table already exists"), `--dry-run` lists
// without changing; `setup` makes the database, both accounts, the schema, the seed data and the
// first secretariat account; `check` prints one line per part and fails on a missing attachment file,
// a world-readable password file, grants beyond the four data verbs, a half-applied migration;
// `backup` + a destroyed database + `restore` give back the rows and the files, with the search index.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ROOT } from './lib.mjs';

const STACK_DIR = process.env.STACK_DIR ? process.env.STACK_DIR.replace(/\/+$/, '') : null;
const ADMIN = process.env.TP_BUILD_DIR ? `${process.env.TP_BUILD_DIR}/src/tpportal-admin` : null;
const CONF = STACK_DIR ? `${STACK_DIR}/tpportal.conf` : null;
const MYCNF = STACK_DIR ? `${STACK_DIR}/my.cnf` : null;
const SKIP = !CONF || !ADMIN || !existsSync(ADMIN) ? 'STACK_DIR or TP_BUILD_DIR is not set: the verbs need the instance and the built tpportal-admin'
	: process.getuid?.() !== 0 ? 'making databases and accounts needs the instance\'s MariaDB root login (run as root)' : false;
const TOOLS = `${ROOT}/tools`;
const T = { skip: SKIP, timeout: 120_000 };
const ID = `${process.pid}`;

/** A statement as MariaDB's root on the instance's server; its rows as text. */
function asRoot(statement) {
	return execFileSync('mariadb', [`--defaults-file=${MYCNF}`, '-u', 'root', '-N', '-B', '-e', statement], { encoding: 'utf8', timeout: 30_000 });
}

/** tpportal-admin -c conf ARGS from the checkout (TPPORTAL_TOOLS: its tools/ and sql/): { code, out, err }. */
function admin(conf, args, input = '') {
	const r = spawnSync(ADMIN, ['-c', conf, ...args], { input, encoding: 'utf8', timeout: 110_000, env: { ...process.env, TPPORTAL_TOOLS: TOOLS } });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A configuration for a set-up of its own: the instance's with db_name, db_user, password file and upload_dir replaced. */
function ownConf(dir, db, user) {
	mkdirSync(`${dir}/uploads`, { recursive: true });
	// user: the server's user is then us, not a tpportal account that a package test may have made meanwhile.
	const repl = { db_name: db, db_user: user, db_password_file: `${dir}/db-password`, upload_dir: `${dir}/uploads`, socket: `${dir}/s.sock`,
	    user: userInfo().username };
	let text = readFileSync(CONF, 'utf8');
	for (const [k, v] of Object.entries(repl)) {
		const re = new RegExp(`^${k}\\s*=.*$`, 'm');
		text = re.test(text) ? text.replace(re, `${k} = ${v}`) : `${text}\n${k} = ${v}\n`;
	}
	writeFileSync(`${dir}/tpportal.conf`, text);
	return `${dir}/tpportal.conf`;
}

describe('tpportal-admin migrate: a migration that fails half-way is resumed after the fix', () => {
	const db = `tp_cli_mig_${ID}`, user = `tp_cli_mm_${ID}`, pw = randomBytes(12).toString('hex');
	let dir;
	before(() => {
		if (SKIP)
			return;
		dir = mkdtempSync(`${tmpdir()}/tp-cli-mig-`);
		asRoot(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; CREATE USER '${user}'@'localhost' IDENTIFIED BY '${pw}'; GRANT ALL ON ${db}.* TO '${user}'@'localhost'`);
		const sock = /^socket\s*=\s*(.*)$/m.exec(readFileSync(MYCNF, 'utf8'))[1].trim();
		writeFileSync(`${dir}/migrate.cnf`, `[client]\nuser=${user}\npassword=${pw}\nsocket=${sock}\n[mysql]\ndatabase=${db}\n`);
		chmodSync(`${dir}/migrate.cnf`, 0o600);
		writeFileSync(`${dir}/db-password`, `${pw}\n`, { mode: 0o600 });	// check logs in as the migrator here
		mkdirSync(`${dir}/sql`);
		for (const f of readdirSync(`${ROOT}/sql`).filter((n) => /^\d+_.*\.sql$/.test(n)))
			copyFileSync(`${ROOT}/sql/${f}`, `${dir}/sql/${f}`);
		ownConf(dir, db, user);
	});
	after(() => {
		if (SKIP)
			return;
		asRoot(`DROP DATABASE IF EXISTS ${db}; DROP USER IF EXISTS '${user}'@'localhost'`);
		rmSync(dir, { recursive: true, force: true });
	});

	const good = "CREATE TABLE t_a (id INT PRIMARY KEY) ENGINE=InnoDB;\n-- a comment with a ; in it, and it's quoted\nINSERT INTO t_a VALUES (1);\n";
	const tail = "CREATE TABLE t_c (s VARCHAR(10) NOT NULL DEFAULT 'x;y') ENGINE=InnoDB; -- the ; in quotes is no end\n";
	const migrate = (...extra) => admin(`${dir}/tpportal.conf`, ['migrate', '--no-seed', '--sql-dir', `${dir}/sql`, ...extra]);

	test('fails at step 3 of 4, then dry-run, check, a changed step 1 is refused, the fix resumes at step 3', T, () => {
		writeFileSync(`${dir}/sql/900_test.sql`, good +
		    'CREATE TABLE t_b (id INT PRIMARY KEY, a INT, CONSTRAINT fk_b FOREIGN KEY (a) REFERENCES t_missing (id)) ENGINE=InnoDB;\n' + tail);
		let r = migrate();
		assert.equal(r.code, 1, `the broken migration must fail: ${r.out}${r.err}`);
		assert.match(r.err, /900_test\.sql failed/);
		assert.match(r.err, /resumes at the failed step/);
		assert.equal(asRoot(`SELECT COUNT(*) FROM ${db}.t_a`).trim(), '1', 'steps 1 and 2 ran');
		assert.equal(asRoot(`SELECT MAX(version) FROM ${db}.schema_version`).trim(), String(Math.max(...readdirSync(`${ROOT}/sql`).filter((n) => /^\d+_/.test(n)).map((n) => parseInt(n, 10)))));

		r = migrate('--dry-run');
		assert.equal(r.code, 0, r.err);
		assert.match(r.out, /would resume 900_test\.sql at step 3 of 4/);
		assert.match(r.out, /1 migration\(s\) would run/);

		r = admin(`${dir}/tpportal.conf`, ['check', '--sql-dir', `${dir}/sql`]);
		assert.equal(r.code, 1, r.out);
		assert.match(r.out, /^FAIL  schema: migration 900 stopped half-way \(2 steps applied\)/m);
		assert.match(r.out, /^FAIL  schema: version \d+; 1 migration\(s\) in .* not applied \(900_test\.sql\): run tpportal-admin migrate$/m);

		writeFileSync(`${dir}/sql/900_test.sql`, good.replace('VALUES (1)', 'VALUES (2)') + 'CREATE TABLE t_b (id INT PRIMARY KEY) ENGINE=InnoDB;\n' + tail);
		r = migrate();
		assert.equal(r.code, 1);
		assert.match(r.err, /900_test\.sql: step 2 of 4 was applied by an earlier run and its text has changed since/);

		writeFileSync(`${dir}/sql/900_test.sql`, good + 'CREATE TABLE t_b (id INT PRIMARY KEY, a INT) ENGINE=InnoDB;\n' + tail);
		r = migrate();
		assert.equal(r.code, 0, `the fixed migration must resume, not fail with "already exists": ${r.err}`);
		assert.match(r.out, /resuming 900_test\.sql at step 3 of 4 \(steps 1-2 were applied by an earlier run\)/);
		assert.equal(asRoot(`SELECT COUNT(*) FROM ${db}.t_a`).trim(), '1', 'the INSERT of step 2 ran once');
		assert.equal(asRoot(`SELECT COLUMN_DEFAULT FROM information_schema.columns WHERE table_schema = '${db}' AND table_name = 't_c'`).trim(), "'x;y'");
		assert.equal(asRoot(`SELECT COUNT(*) FROM ${db}.schema_version WHERE version = 900 AND name = '900_test.sql'`).trim(), '1');
		assert.equal(asRoot(`SELECT COUNT(*) FROM ${db}.schema_steps`).trim(), '0');

		r = migrate('--dry-run');
		assert.match(r.out, /0 migration\(s\) would run/);
		r = admin(`${dir}/tpportal.conf`, ['check', '--sql-dir', `${dir}/sql`]);
		assert.match(r.out, /^ok    schema: version 900, all \d+ migrations in .* applied$/m);
	});
});

describe('tpportal-admin setup, check, backup and restore', { concurrency: 1 }, () => {
	const db = `tp_cli_${ID}`, user = `tp_cli_u_${ID}`, migrator = `tp_cli_m_${ID}`;
	let dir, conf;
	const stored = randomBytes(16).toString('hex');
	before(() => {
		if (SKIP)
			return;
		dir = mkdtempSync(`${tmpdir()}/tp-cli-`);
		conf = ownConf(dir, db, user);
	});
	after(() => {
		if (SKIP)
			return;
		asRoot(`DROP DATABASE IF EXISTS ${db}; DROP USER IF EXISTS '${user}'@'localhost'; DROP USER IF EXISTS '${migrator}'@'localhost'`);
		rmSync(dir, { recursive: true, force: true });
	});

	test('the instance\'s migrator option file works with mariadb-dump (no "unknown variable init-command")', { skip: SKIP }, () => {
		const r = spawnSync('mariadb-dump', [`--defaults-file=${STACK_DIR}/secrets/migrate.cnf`, '--no-data', '--single-transaction', 'tpportal'], { encoding: 'utf8' });
		assert.equal(r.status, 0, r.stderr);
		assert.doesNotMatch(r.stderr, /unknown variable|error-prone/);
		assert.match(r.stdout, /CREATE TABLE `technoparks`/);
	});

	test('setup: database, accounts, schema, seed data, first secretariat account; then check passes', T, () => {
		const sock = /^socket\s*=\s*(.*)$/m.exec(readFileSync(MYCNF, 'utf8'))[1].trim();
		writeFileSync(`${dir}/sec.pw`, 'a-long-secretariat-password\n');
		const r = admin(conf, ['setup', '--admin-socket', sock, '--migrator', migrator, '--secretariat', 'boss', '--secretariat-name', '사무국 담당',
		    '--secretariat-password-file', `${dir}/sec.pw`, '--yes']);
		assert.equal(r.code, 0, `${r.out}\n${r.err}`);
		assert.match(r.out, /^created boss \(secretariat\)$/m);
		assert.match(r.out, /^check: \d+ ok, 0 failed$/m);
		assert.equal(asRoot(`SELECT COUNT(*) FROM ${db}.technoparks`).trim(), '19', 'the seed data is in');
		assert.equal(asRoot(`SELECT role FROM ${db}.users WHERE login = 'boss'`).trim(), 'secretariat');
		assert.match(asRoot(`SHOW GRANTS FOR '${user}'@'localhost'`), new RegExp(`GRANT SELECT, INSERT, UPDATE, DELETE ON \`${db}\`\\.\\*`));
		assert.ok(Number(asRoot(`SELECT COUNT(*) FROM ${db}.search_docs`)) > 0, 'the search index was built');
		const cnf = readFileSync(`${dir}/migrate.cnf`, 'utf8');
		assert.doesNotMatch(cnf.split('[mysql]')[0], /^(init-command|database)=/m, 'mariadb-dump reads [client]: neither may be there');
		// Run again: nothing breaks, the passwords stay.
		const pwBefore = readFileSync(`${dir}/db-password`, 'utf8');
		const again = admin(conf, ['setup', '--admin-socket', sock, '--migrator', migrator, '--yes']);
		assert.equal(again.code, 0, again.err);
		assert.match(again.out, /0 migration\(s\) applied, \d+ already there/);
		assert.equal(readFileSync(`${dir}/db-password`, 'utf8'), pwBefore);
	});

	test('setup on a terminal asks for what the flags did not give (a second secretariat account, the password twice)', T, () => {
		const sock = /^socket\s*=\s*(.*)$/m.exec(readFileSync(MYCNF, 'utf8'))[1].trim();
		// A pseudo-terminal as the user's: each prompt is answered when it shows; the password is never echoed.
		const py = String.raw`
import os, pty, sys, time
answers = [(b'MariaDB admin socket [', b'\n'), (b'login of the first secretariat account', b'boss2\n'),
           (b'its display name', '두 번째 사무국\n'.encode()), (b'password for boss2', b'terminal-password-1\n'),
           (b'again', b'terminal-password-1\n')]
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out, i, end = b'', 0, time.time() + 100
while time.time() < end:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    while i < len(answers) and answers[i][0] in out:
        os.write(fd, answers[i][1]); i += 1
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(status))
`;
		const r = spawnSync('python3', ['-c', py, ADMIN, '-c', conf, 'setup', '--migrator', migrator],
		    { encoding: 'utf8', timeout: 110_000, env: { ...process.env, TPPORTAL_TOOLS: TOOLS } });
		assert.equal(r.status, 0, r.stdout + r.stderr);
		assert.ok(r.stdout.includes(`MariaDB admin socket [${sock}]`), 'the admin socket is asked for, db_socket offered');
		assert.match(r.stdout, /login of the first secretariat account/);
		assert.match(r.stdout, /created boss2 \(secretariat\)/);
		assert.doesNotMatch(r.stdout, /terminal-password-1/, 'the password was echoed');
		assert.equal(asRoot(`SELECT display_name FROM ${db}.users WHERE login = 'boss2' AND role = 'secretariat'`).trim(), '두 번째 사무국');
	});

	test('check: a missing attachment file, a world-readable password file, grants beyond the data verbs', T, () => {
		asRoot(`INSERT INTO ${db}.attachments (owner_type, owner_id, stored_name, filename, mime_type, size_bytes) VALUES ('news', 1, '${stored}', '회의 자료.txt', 'text/plain', 6)`);
		let r = admin(conf, ['check']);
		assert.equal(r.code, 1, r.out);
		assert.match(r.out, new RegExp(`^FAIL  attachment \\d+ \\(회의 자료\\.txt\\): its file ${dir}/uploads/${stored} is missing from upload_dir$`, 'm'));
		writeFileSync(`${dir}/uploads/${stored}`, '자료\n');
		r = admin(conf, ['check']);
		assert.equal(r.code, 0, r.out);
		assert.match(r.out, /^ok    attachments: all 1 files are in /m);
		for (const l of r.out.trim().split('\n').slice(0, -1))
			assert.match(l, /^(ok   |FAIL ) \S/, `one line per check: ${l}`);

		chmodSync(`${dir}/db-password`, 0o644);
		r = admin(conf, ['check']);
		assert.equal(r.code, 1);
		assert.match(r.out, /^FAIL  db_password_file = .*0644; readable by every user \(chmod o-rwx\)$/m);
		chmodSync(`${dir}/db-password`, 0o640);

		asRoot(`GRANT CREATE, DROP ON ${db}.* TO '${user}'@'localhost'`);
		r = admin(conf, ['check']);
		assert.equal(r.code, 1);
		assert.match(r.out, /^FAIL  grants of .*: more than the four data verbs \((CREATE|DROP), (CREATE|DROP)\)/m);
		asRoot(`REVOKE CREATE, DROP ON ${db}.* FROM '${user}'@'localhost'`);
		assert.equal(admin(conf, ['check']).code, 0);
	});

	test('backup, a destroyed database, restore: rows, files and the search index come back', T, () => {
		const archive = `${dir}/backup.tar.gz`;
		const count = (t) => asRoot(`SELECT COUNT(*) FROM ${db}.${t}`).trim();
		const before = { technoparks: count('technoparks'), people: count('people'), users: count('users'), attachments: count('attachments') };
		assert.equal(before.users, '2', 'boss and boss2');
		let r = admin(conf, ['backup', archive]);
		assert.equal(r.code, 0, r.err);
		assert.match(r.err, /backup: dumping database .* in one transaction/);
		assert.match(r.err, /backup: upload folder .*: 1 files/);
		const list = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n');
		for (const want of ['MANIFEST', 'database.sql', `uploads/${stored}`])
			assert.ok(list.includes(want), `the archive lacks ${want}: ${list.join(' ')}`);

		r = admin(conf, ['restore', archive]);
		assert.equal(r.code, 1, 'restore into a database that has tables must be refused');
		assert.match(r.err, /is not empty \(\d+ tables\): restore goes into an empty database/);

		// The disaster restore is for: the database is gone, not emptied (before, restore answered only
		// "cannot connect with migrate.cnf"). The migrator's grants outlive it, so restore makes it anew.
		asRoot(`DROP DATABASE ${db}`);
		unlinkSync(`${dir}/uploads/${stored}`);
		r = admin(conf, ['restore', archive]);
		assert.equal(r.code, 0, `${r.out}\n${r.err}`);
		assert.match(r.err, new RegExp(`restore: database ${db} did not exist: created it empty`));
		assert.equal(asRoot(`SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${db}'`).trim().split('\n').pop(), 'utf8mb4_unicode_ci');
		assert.match(r.err, /restore: rebuilding the search index/);
		assert.match(r.out, /^check: \d+ ok, 0 failed$/m);
		for (const [t, n] of Object.entries(before))
			assert.equal(count(t), n, `${t} after restore`);
		assert.equal(readFileSync(`${dir}/uploads/${stored}`, 'utf8'), '자료\n');
		assert.ok(Number(count('search_docs')) > 0, 'the search index is back');
		assert.equal(asRoot(`SELECT COUNT(*) FROM ${db}.search_docs WHERE MATCH(title, body) AGAINST('+테크노파크' IN BOOLEAN MODE)`).trim() !== '0', true,
		    'the Mroonga index finds Korean text after restore');
	});
});
