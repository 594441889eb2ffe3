// seed_prose.test.mjs - no seed or migration text repeats the source article's prose (issue 20): the facts
// are restated in our own words. Needs no server.
//
// The rule: a run of 20 or more characters of the article, compared with all white space removed (so a run
// of 20 non-space characters, which is at least 20 characters as printed), must not appear in
// sql/seed/*.sql, sql/demo/*.sql, sql/NNN_*.sql or templates/lang/ko.hdf. Names, titles and the address are
// excepted: every string of the fixture's "names" list (tests/fixtures/article_facts.json: the names of
// organisations, people, programmes, publications and systems, the article's title and the address) is cut
// out of both texts before they are compared, so a run never spans one. Numbers and every other word count.
//
// The article itself is not in this repository. Its runs are kept as hashes (the first 12 hex digits of the
// SHA-256 of each run, after the names are cut out) in tests/fixtures/article_runs.txt. When the article
// is at hand (TP_SEED_ARTICLE, default ../shared/seeds/000_d4d5ca49a03203d9.txt beside the checkout), the
// test also checks that the hash list is the article's; `node tests/integration/seed_prose.test.mjs --write`
// rewrites the list from it (after a change of the names list).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
const RUN = 20;
const FACTS = JSON.parse(readFileSync(`${ROOT}/tests/fixtures/article_facts.json`, 'utf8'));
const RUNS_FILE = `${ROOT}/tests/fixtures/article_runs.txt`;
const ARTICLE = process.env.TP_SEED_ARTICLE ?? `${ROOT}/../shared/seeds/000_d4d5ca49a03203d9.txt`;
const CUT = '\u0000';

const squeeze = (s) => s.normalize('NFC').replace(/\s+/g, '');
/* longest names first, so a name inside a longer one does not leave a stub of the longer one */
const NAMES = FACTS.names.map(squeeze).sort((a, b) => b.length - a.length);
const cutNames = (s) => NAMES.reduce((t, n) => t.split(n).join(CUT), squeeze(s));
const hash = (run) => createHash('sha256').update(run).digest('hex').slice(0, 12);

/** Every run of RUN characters of text (names cut out) that does not cross a cut: [{ at, run }]. */
function runs(text) {
	const t = cutNames(text), out = [];
	for (let i = 0; i + RUN <= t.length; i++) {
		const r = t.slice(i, i + RUN);
		if (!r.includes(CUT))
			out.push({ at: i, run: r, t });
	}
	return out;
}

/** The article's prose: the lines between the byline block and the comment box. */
function articleProse(raw) {
	const lines = raw.split('\n');
	const from = lines.findIndex((l) => l.includes('이 기사를 공유합니다'));
	const to = lines.findIndex((l) => l.startsWith('댓글삭제'));
	return lines.slice(from + 1, to < 0 ? undefined : to).join('\n');
}

const articleHashes = (raw) => [...new Set(runs(articleProse(raw)).map((r) => hash(r.run)))].sort();

if (process.argv.includes('--write')) {
	writeFileSync(RUNS_FILE, `${articleHashes(readFileSync(ARTICLE, 'utf8')).join('\n')}\n`);
	process.exit(0);
}

const HASHES = new Set(readFileSync(RUNS_FILE, 'utf8').split('\n').filter(Boolean));

const files = () => [
	...readdirSync(`${ROOT}/sql`).filter((f) => /^\d{3}_.*\.sql$/.test(f)).map((f) => `sql/${f}`),
	...readdirSync(`${ROOT}/sql/seed`).filter((f) => f.endsWith('.sql')).map((f) => `sql/seed/${f}`),
	...readdirSync(`${ROOT}/sql/demo`).filter((f) => f.endsWith('.sql')).map((f) => `sql/demo/${f}`),
	'templates/lang/ko.hdf',
];

test('the run list is the article\'s (when the article is at hand)', { skip: !existsSync(ARTICLE) && `no article at ${ARTICLE}` }, () => {
	assert.deepEqual([...HASHES].sort(), articleHashes(readFileSync(ARTICLE, 'utf8')),
	    'tests/fixtures/article_runs.txt is stale: rewrite it with --write');
});

test('the run list is not empty and the check finds a copied sentence', () => {
	assert.ok(HASHES.size > 1000, `only ${HASHES.size} runs`);
	/* a sentence of the article, as a seed file might copy it: the check must catch it (the sentence is
	 * kept here only as the hashes' known answer, split so that this file is not itself a copy) */
	const copied = ['테크노파크는 지역혁신 주체들간 연결과', ' 협력을 통해 신산업 발굴 육성'].join('');
	assert.ok(runs(copied).some((r) => HASHES.has(hash(r.run))), 'a copied sentence is not found');
	assert.ok(!runs('진흥회를 세운 뜻은 세 가지다. 테크노파크가 처음 세워질 때 품은 목적을 이루도록 돕는 것')
	    .some((r) => HASHES.has(hash(r.run))), 'a restated sentence is taken for a copy');
});

for (const f of files()) {
	test(`${f} repeats no run of ${RUN} characters of the article's prose`, () => {
		const text = readFileSync(`${ROOT}/${f}`, 'utf8');
		const found = runs(text).filter((r) => HASHES.has(hash(r.run)));
		assert.deepEqual(found.map((r) => r.t.slice(Math.max(0, r.at - 5), r.at + RUN + 5).replaceAll(CUT, '|')), [],
		    `${f}: copied from the article`);
	});
}
