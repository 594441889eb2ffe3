// accounts_history.test.mjs - the audit log reads as Korean (issue 12, item 6): every field of every
// entity has the label its own form uses (a news title is 제목, not a person's 직함; no raw keys such as
// body, category, attachment.1), values read as a reader reads them (a category's and a publisher's
// names, industries' names, a news state in words, a display order of 0 as 0), and a time on one line.
// Expected labels come from templates/lang/ko.hdf under the forms' own keys.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT } from './lib.mjs';
import {
	L, DEMO, BASE, text, tag, exclusive, Session, formOf, withChanges, location, createPerson, profileForm, createUser,
} from './lib_accounts.mjs';
import { categories, postMultipart, FILES } from './news_lib.mjs';

const T = { timeout: 120_000 };
const TP = 'chungnam';
let release;
const ctx = { articles: [], people: [] };

before(async () => {
	release = await exclusive();
	ctx.sec = await Session.signIn(DEMO.secretariat.login);
});

after(async () => {
	for (const id of ctx.articles) {
		const page = await ctx.sec.get(`/admin/news/${id}`);
		const f = page.status === 200 ? formOf(page.body, `/admin/news/${id}/delete`) : null;
		if (f)
			await ctx.sec.post(`/admin/news/${id}/delete`, f.fields);
	}
	for (const id of ctx.people) {
		const page = await ctx.sec.get(`/admin/people/${id}`);
		const f = page.status === 200 ? formOf(page.body, `/admin/people/${id}/delete`) : null;
		if (f)
			await ctx.sec.post(`/admin/people/${id}/delete`, f.fields);
	}
	release?.();
});

/** The field lines of the newest change of a record: [[label, old, new]] as the page shows them. */
async function fieldLines(entity, id) {
	const page = await ctx.sec.get(`/admin/history?entity=${entity}&id=${id}`);
	assert.equal(page.status, 200, `GET /admin/history?entity=${entity}&id=${id}: ${page.status}`);
	const first = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(page.body)?.[1];
	assert.ok(first, `no history of ${entity} ${id}`);
	return { html: page.body, row: first, lines: [...first.matchAll(/<li><strong[^>]*>([\s\S]*?)<\/strong>: ([\s\S]*?) → ([\s\S]*?)<\/li>/g)]
		.map((m) => [text(m[1]), text(m[2]), text(m[3])]) };
}

const byLabel = (lines, label) => lines.find(([l]) => l === label);

test('a news entry: the news form\'s labels, names for category and publisher, the state in words', T, async () => {
	const cat = categories.find((c) => c.slug !== 'notice') ?? categories[0];
	const title = `변경 기록 시험 ${tag(4)}`;
	const res = await postMultipart('/admin/news', [['title', title], ['category', cat.slug], ['publisher', TP],
		['state', 'draft'], ['pinned_until', ''], ['body', '본문입니다.']],
	[{ filename: 'memo.txt', type: 'text/plain', bytes: FILES.txt() }], { session: ctx.sec });
	assert.equal(res.status, 303, `create: ${res.status} ${text(res.body).slice(0, 300)}`);
	const id = Number(/^\/admin\/news\/(\d+)\?done=saved$/.exec(location(res))?.[1]);
	assert.ok(id > 0, `create: 303 to ${location(res)}`);
	ctx.articles.push(id);

	const page = await ctx.sec.get(`/admin/history?entity=news&id=${id}`);
	const all = [...page.body.matchAll(/<li><strong[^>]*>([\s\S]*?)<\/strong>: ([\s\S]*?) → ([\s\S]*?)<\/li>/g)]
		.map((m) => [text(m[1]), text(m[2]), text(m[3])]);
	const labels = all.map(([l]) => l);
	for (const key of ['title', 'category', 'publisher', 'state', 'body', 'attachment'])
		assert.ok(labels.includes(L[`news_admin.field.${key}`]), `no "${L[`news_admin.field.${key}`]}" (${key}) among ${JSON.stringify(labels)}`);
	assert.ok(!labels.includes(L['field.title']) || L['field.title'] === L['news_admin.field.title'], 'the news title is labelled as a person\'s 직함');
	for (const raw of ['title', 'body', 'category', 'publisher', 'state', 'attachment', 'attachment.1'])
		assert.ok(!labels.some((l) => l === raw || /^attachment\.\d+$/.test(l)), `a raw key among the labels: ${JSON.stringify(labels)}`);
	assert.deepEqual(byLabel(all, L['news_admin.field.category']).slice(1), [L.none, cat.name_ko], 'the category is not named');
	assert.equal(byLabel(all, L['news_admin.field.publisher'])[2], '충남테크노파크', 'the publisher is not named');
	assert.equal(byLabel(all, L['news_admin.field.state'])[2], L['news_admin.states.draft'], 'the state is not in words');
	assert.equal(byLabel(all, L['news_admin.field.attachment'])[2], 'memo.txt');
	assert.equal(byLabel(all, L['news_admin.field.title'])[2], title);
});

test('a person\'s display order of 0 shows as 0, not 없음', T, async () => {
	const id = await createPerson(ctx.sec, TP, { name: `순서 시험 ${tag(4)}`, title: '연구원', sort: '5' });
	ctx.people.push(id);
	const page = await ctx.sec.get(`/admin/people/${id}`);
	const res = await ctx.sec.post(`/admin/people/${id}`, withChanges(formOf(page.body, `/admin/people/${id}`).fields, { sort: '0' }));
	assert.equal(res.status, 303, `save: ${res.status}`);
	const { lines } = await fieldLines('person', id);
	assert.deepEqual(byLabel(lines, L['field.sort']), [L['field.sort'], '5', '0']);
});

test('a technopark\'s industries by name', T, async () => {
	const form = await profileForm(ctx.sec, TP);
	const page = await ctx.sec.get(`/admin/members/${TP}`);
	const options = [...page.body.matchAll(/name="industry" id="f-industry-([a-z0-9-]+)" value="[^"]*"( checked)?>\s*<label[^>]*>([^<]*)<\/label>/g)]
		.map((m) => ({ slug: m[1], checked: Boolean(m[2]), name: m[3] }));
	assert.ok(options.length > 1, 'no industries on the profile form');
	const add = options.find((o) => !o.checked);
	const fields = [...form.filter(([k]) => k !== 'csrf'), ['industry', add.slug]];
	const res = await ctx.sec.post(`/admin/members/${TP}`, fields);
	assert.equal(res.status, 303, `save: ${res.status} ${text(res.body).slice(0, 200)}`);
	try {
		const tpId = Number(/href="\/admin\/history\?entity=technopark&amp;id=(\d+)"/.exec(page.body)?.[1]);
		const { lines } = await fieldLines('technopark', tpId);
		const line = byLabel(lines, L['field.industry']);
		assert.ok(line, `no ${L['field.industry']} line: ${JSON.stringify(lines)}`);
		assert.ok(line[2].split(', ').includes(add.name), `the industries are not named: ${line[2]}`);
		assert.ok(!line[2].includes(add.slug) || add.slug === add.name, `a slug in the industries: ${line[2]}`);
	} finally {
		const back = await profileForm(ctx.sec, TP);
		const restore = back.filter(([k, v]) => k !== 'csrf' && !(k === 'industry' && v === add.slug));
		assert.equal((await ctx.sec.post(`/admin/members/${TP}`, restore)).status, 303, 'restoring the industries');
	}
});

test('an account\'s own changes (a new mail address asked for, notifications chosen) read as Korean too', T, async () => {
	const login = `hist-${tag()}`, password = `pw-${tag(12)}-x`;
	const id = await createUser(ctx.sec, { login, role: 'staff', password });
	const s = await Session.signIn(login, password);
	const cat = (await s.get('/account/notifications')).body.match(/name="category" value="(\d+)"/)?.[1];
	assert.ok(cat, 'no news category to choose on /account/notifications');
	assert.equal((await s.post('/account/email', { email: `${login}@example.org` })).status, 303, 'asking for a new address');
	assert.equal((await s.post('/account/notifications', [['decisions', '1'], ['category', cat]])).status, 303, 'choosing notifications');
	const page = await ctx.sec.get(`/admin/history?entity=user&id=${id}`);
	assert.equal(page.status, 200);
	const rows = [...page.body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]));
	const email = rows.find((r) => r.includes(L['history.action.email_request']));
	assert.ok(email, `no "${L['history.action.email_request']}" in the account's history: ${JSON.stringify(rows)}`);
	assert.ok(email.includes(`${L['history.email_pending']}: ${L.none} → ${login}@example.org`) ||
	    email.includes(L['history.email_pending']), `the waiting address is not labelled: ${email}`);
	assert.ok(!/email_pending|email_request/.test(email), `a raw key in: ${email}`);
	const notify = rows.find((r) => r.includes(L['history.action.notifications']));
	assert.ok(notify, `no "${L['history.action.notifications']}" in the account's history: ${JSON.stringify(rows)}`);
	assert.ok(notify.includes(L['notify.topics.decisions']) && notify.includes(L['notify.topics.news_category']),
	    `the notifications chosen are not named: ${notify}`);
	assert.ok(!/decisions|news_category|[a-z_]+:\d/.test(notify), `a raw topic in: ${notify}`);
});

test('no raw field key anywhere in the log; times on one line', T, async () => {
	let url = '/admin/history';
	const raw = [];
	for (let n = 0; n < 8 && url; n++) {
		const page = await ctx.sec.get(url);
		assert.equal(page.status, 200, `GET ${url}`);
		for (const m of page.body.matchAll(/<li><strong[^>]*>([\s\S]*?)<\/strong>/g))
			if (/^[A-Za-z0-9_. ]+$/.test(text(m[1])))
				raw.push(text(m[1]));
		assert.ok(/<th scope="row" class="at"[^>]*><time/.test(page.body) || !/<time/.test(page.body), 'the time cell has no class for its one-line rule');
		url = /<a rel="next" href="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? null;
	}
	assert.deepEqual([...new Set(raw)], [], 'fields shown by their raw key');
	const css = await (await fetch(`${BASE}/static/site.css`)).text();
	assert.match(css, /table\.history \.at[^{]*\{[^}]*white-space:\s*nowrap/, 'no one-line rule for the history\'s time cell');
});

test('every label and word key the log reads (src/admin/page_admin_history.c) is in the language file', () => {
	const src = readFileSync(`${ROOT}/src/admin/page_admin_history.c`, 'utf8');
	const keys = [...src.matchAll(/"L\.([a-z_.]+)"/g)].map((m) => m[1]);
	assert.ok(keys.length > 10, 'no language keys read from page_admin_history.c');
	/* a whole key ("L.field.sort"), a set of labels ("L.news_admin.field") or a prefix of words ("L.role.") */
	const known = (k) => k in L || Object.keys(L).some((x) => x.startsWith(/[._]$/.test(k) ? k : `${k}.`));
	const missing = keys.filter((k) => !known(k));
	assert.deepEqual(missing, [], 'keys the audit log names that templates/lang/ko.hdf does not have');
});
