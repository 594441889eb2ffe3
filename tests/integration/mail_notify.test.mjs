// test-lane: mail (tools/lib/suites.sh: beside the other files; mail_delivery stops the sink, so one mail file at a time)
// mail_notify.test.mjs - the notifications of issue 15 (item 4; docs/email.md) against the real SMTP sink: each
// user chooses them; a change request submitted reaches the secretariat and its decision the submitter, each
// with a one-click unsubscribe link (List-Unsubscribe + List-Unsubscribe-Post) that needs no sign-in; a save
// that rolls back sends nothing; a meeting scheduled, moved and cancelled reaches the committee's members with
// an account as an iTIP REQUEST/CANCEL (parsed with python3-icalendar) with the UID and SEQUENCE of the feed.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, L } from './lib.mjs';
import {
	DEMO, DB_NOW, Session, createUser, decide, exclusive, lit, location, postForm, saveProfile, sql, sqlNumber, sqlValue,
	submittedRequestId, tag, text, getWith, formOf, withChanges, fieldValue, formErrors,
} from './lib_accounts.mjs';
import { MAIL_SKIP, messagesTo, partText, theMessageTo, waitFor, outboxCount } from './mail_lib.mjs';
import { postMultipart } from './news_lib.mjs';

const PASSWORD = 'notify-test-password-1';

async function account(sec, role, technopark = '') {
	const login = `notify-${tag()}`;
	const email = `${login}@example.org`;
	const id = await createUser(sec, { login, display_name: `알림 ${login.slice(7)}`, role, technopark, password: PASSWORD });
	sql(`UPDATE users SET email = ${lit(email)} WHERE id = ${id}`);
	return { id, login, email, name: `알림 ${login.slice(7)}`, s: await Session.signIn(login, PASSWORD) };
}

/** Choose notifications as session s: topics like { decisions: true }, categories [id, ...]. */
async function choose(s, topics, categories = []) {
	const fields = Object.entries(topics).filter(([, on]) => on).map(([k]) => [k, '1']);
	for (const c of categories)
		fields.push(['category', String(c)]);
	const res = await s.post('/account/notifications', fields);
	assert.equal(res.status, 303, `saving notifications: ${res.status} ${text(res.body).slice(0, 200)}`);
	assert.equal(location(res), '/account/notifications?done=saved');
}

/** The unsubscribe token of a message's List-Unsubscribe header, checked against the link in its text. */
function unsubscribeOf(m) {
	const h = /^<(https?:\/\/[^>]+\/unsubscribe\/([0-9a-f]{32}))>$/.exec(m.list_unsubscribe ?? '');
	assert.ok(h, `List-Unsubscribe: ${m.list_unsubscribe}`);
	assert.equal(m.list_unsubscribe_post, 'List-Unsubscribe=One-Click');
	assert.ok(partText(m, 'text/plain').includes(h[1]), 'the text part has no unsubscribe link');
	assert.ok(partText(m, 'text/html').includes(`href="${h[1]}"`), 'the HTML part has no unsubscribe link');
	return { url: new URL(h[1]).pathname, token: h[2] };
}

/** The secretariat's account form of user id, as the page has it. */
async function accountForm(sec, id) {
	const res = await sec.get(`/admin/users/${id}`);
	assert.equal(res.status, 200, `GET /admin/users/${id}: ${res.status}`);
	return { html: res.body, fields: formOf(res.body, `/admin/users/${id}`).fields };
}

/** Link account id to person (or '' to unlink) through the secretariat's account form; returns the answer. */
async function linkPerson(sec, id, person) {
	return sec.post(`/admin/users/${id}`, withChanges((await accountForm(sec, id)).fields, { person: String(person) }));
}

/** Submit a change of chungnam's website as member admin session s; returns the request id. */
async function submitChange(s) {
	const res = await saveProfile(s, 'chungnam', { website: `https://notify-${tag()}.example.org/` });
	assert.equal(res.status, 303, `submitting a change: ${res.status}`);
	return submittedRequestId(res);
}

describe('notifications by mail', { skip: MAIL_SKIP, concurrency: 1 }, () => {
	let release, sec;
	before(async () => {
		release = await exclusive();
		sec = await Session.signIn(DEMO.secretariat.login);
	});
	after(() => release?.());

	test('each user chooses on the account page; only the secretariat is offered change requests', async () => {
		const staff = await account(sec, 'staff');
		const page = await staff.s.get('/account/notifications');
		assert.equal(page.status, 200);
		assert.ok(!page.body.includes('name="requests"'), 'staff are offered the change-request notification');
		const cat = sqlNumber("SELECT id FROM news_categories WHERE slug = 'notice'");
		await choose(staff.s, { decisions: true, news_pinned: true, requests: true }, [cat]);
		const rows = sql(`SELECT topic, category_id FROM notify_subscriptions WHERE user_id = ${staff.id} ORDER BY topic, category_id`);
		assert.deepEqual(rows.map((r) => `${r.topic}:${r.category_id}`).sort(), ['decisions:0', 'news_pinned:0', `news_category:${cat}`].sort(),
			'requests (not offered to staff) was stored, or a choice was lost');
		const again = await staff.s.get('/account/notifications?done=saved');
		assert.ok(/id="n-decisions"[^>]*checked/.test(again.body) && /id="n-pinned"[^>]*checked/.test(again.body));
		assert.ok(new RegExp(`id="n-cat-${cat}"[^>]*checked`).test(again.body));
		const audits = () => sqlNumber(`SELECT COUNT(*) AS n FROM audit_changes WHERE entity = 'user' AND entity_id = ${staff.id} AND action = 'notifications'`);
		const before = audits();
		await choose(staff.s, { decisions: true, news_pinned: true }, [cat]);
		assert.equal(audits(), before, 'saving the same choices again wrote an audit record');
		await choose(staff.s, {});
		assert.equal(audits(), before + 1);
		assert.equal(sqlNumber(`SELECT COUNT(*) AS n FROM notify_subscriptions WHERE user_id = ${staff.id}`), 0);
		const s2 = await account(sec, 'secretariat');
		assert.ok((await s2.s.get('/account/notifications')).body.includes('name="requests"'));
	});

	test('a change request submitted reaches the subscribed secretariat once; one click (no sign-in, no Origin) ends it', async () => {
		const boss = await account(sec, 'secretariat');
		const quiet = await account(sec, 'secretariat');	/* has an address, chose nothing */
		await choose(boss.s, { requests: true });
		const admin = await account(sec, 'member_admin', 'chungnam');
		const id = await submitChange(admin.s);
		const m = await theMessageTo(boss.email);
		assert.equal(m.subject, `[${L['site.short']}] ${L['mail.request_submitted.subject']} #${id} 충남테크노파크`);
		assert.ok(partText(m, 'text/plain').includes(`${BASE}/admin/requests/${id}`));
		assert.ok(partText(m, 'text/plain').includes(admin.name));
		assert.equal(messagesTo(quiet.email).length, 0, 'a secretariat user who chose nothing got mail');
		const { url, token } = unsubscribeOf(m);

		const page = await getWith(url);
		assert.equal(page.status, 200);
		assert.equal(sqlNumber(`SELECT COUNT(*) AS n FROM notify_subscriptions WHERE token = ${lit(token)}`), 1, 'opening the link (GET) unsubscribed');
		const click = await postForm(url, { 'List-Unsubscribe': 'One-Click' }, { origin: null });
		assert.equal(click.status, 200);
		assert.ok(text(click.body).includes(L['notify.unsub_done']));
		assert.equal(sqlNumber(`SELECT COUNT(*) AS n FROM notify_subscriptions WHERE user_id = ${boss.id}`), 0);
		assert.equal((await postForm(url, { 'List-Unsubscribe': 'One-Click' }, { origin: null })).status, 200, 'a second click is an error');
		const id2 = await submitChange(admin.s);
		await waitFor(() => outboxCount(`kind = 'request_submitted' AND to_addr = ${lit(admin.email)}`) === 0, 'x', 1000);
		await new Promise((r) => setTimeout(r, 3000));
		assert.equal(messagesTo(boss.email).length, 1, `mail after unsubscribing (request ${id2})`);
	});

	test('a stored address mail cannot take is skipped; the recipients after it still get theirs', async () => {
		const broken = await account(sec, 'secretariat');	/* the lower id: read first */
		const fine = await account(sec, 'secretariat');
		await choose(broken.s, { requests: true });
		await choose(fine.s, { requests: true });
		sql(`UPDATE users SET email = ${lit(`broken ${tag()}@example.org`)} WHERE id = ${broken.id}`);	/* a space: no relay takes it */
		try {
			const admin = await account(sec, 'member_admin', 'chungnam');
			const id = await submitChange(admin.s);
			const m = await theMessageTo(fine.email);
			assert.ok(m.subject.includes(`#${id}`), `subject: ${m.subject}`);
		} finally {
			sql(`UPDATE users SET email = NULL, active = 0 WHERE id IN (${broken.id}, ${fine.id})`);
		}
	});

	test('a notice reaches every subscriber, however many (250 here)', async () => {
		const k = tag(6), N = 250;
		const cat = sqlNumber("SELECT id FROM news_categories WHERE slug <> 'notice' ORDER BY id DESC LIMIT 1");
		const slug = sqlValue(`SELECT slug FROM news_categories WHERE id = ${cat}`);
		sql(`INSERT INTO users (login, display_name, email, role, password_hash, active) SELECT CONCAT('many-${k}-', seq), ` +
		    `CONCAT('다수 ', seq), CONCAT('many-${k}-', seq, '@example.org'), 'staff', '!', 1 FROM seq_1_to_${N}`);
		sql(`INSERT INTO notify_subscriptions (user_id, topic, category_id, token) SELECT id, 'news_category', ${cat}, MD5(CONCAT(login, RAND())) ` +
		    `FROM users WHERE login LIKE 'many-${k}-%'`);
		let id = null;
		try {
			const res = await postMultipart('/admin/news', [['title', `다수 구독 시험 ${k}`], ['category', slug], ['state', 'published'], ['pinned_until', ''], ['body', '본문'], ['publisher', 'association']], [], { session: sec });
			assert.equal(res.status, 303, `publishing: ${res.status} ${text(res.body).slice(0, 200)}`);
			id = Number(/^\/admin\/news\/(\d+)/.exec(location(res))[1]);
			assert.equal(outboxCount(`kind = 'news_published' AND to_addr LIKE 'many-${k}-%'`), N, 'some subscribers got no message');
			assert.equal(sqlNumber(`SELECT COUNT(DISTINCT to_addr) FROM outbox WHERE kind = 'news_published' AND to_addr LIKE 'many-${k}-%'`), N);
		} finally {
			sql(`DELETE FROM outbox WHERE to_addr LIKE 'many-${k}-%' AND state <> 'sending'`);
			sql(`DELETE FROM notify_subscriptions WHERE user_id IN (SELECT id FROM users WHERE login LIKE 'many-${k}-%')`);
			sql(`DELETE FROM users WHERE login LIKE 'many-${k}-%'`);
			if (id) {
				sql(`DELETE FROM news_articles WHERE id = ${id}`);
				sql(`DELETE FROM search_docs WHERE kind = 'news' AND ref_id = ${id}`);
				sql(`DELETE FROM audit_changes WHERE entity = 'news' AND entity_id = ${id}`);
			}
		}
	});

	test('a decision reaches its submitter with the decision and the comment, escaped in HTML; a rolled-back decision sends nothing', async () => {
		const admin = await account(sec, 'member_admin', 'chungnam');
		await choose(admin.s, { decisions: true });
		const id = await submitChange(admin.s);

		// A decision whose mail cannot be queued rolls back whole: the request stays pending, no mail row.
		// (NULL into the NOT NULL column fails the insert of the mail's parameters, after its outbox row.)
		sql("CREATE OR REPLACE TRIGGER t_mail_rollback_probe BEFORE INSERT ON outbox_params FOR EACH ROW " +
		    "SET NEW.value = IF(NEW.value LIKE '%rollback-probe%', NULL, NEW.value)");
		try {
			const res = await decide(sec, id, 'reject', 'rollback-probe');
			assert.ok(res.status >= 500, `the failed decision answered ${res.status}`);
		} finally {
			sql('DROP TRIGGER IF EXISTS t_mail_rollback_probe');
		}
		assert.equal(sqlValue(`SELECT state FROM change_requests WHERE id = ${id}`), 'pending', 'the decision was kept');
		assert.equal(outboxCount(`to_addr = ${lit(admin.email)}`), 0, 'the rolled-back decision left mail in the outbox');

		// Markup in short words: the request's pages show this comment in table cells too (the browser gates).
		const comment = '주소 <b> 확인 & 다시';
		assert.equal((await decide(sec, id, 'reject', comment)).status, 303);
		const m = await theMessageTo(admin.email);
		assert.equal(m.subject, `[${L['site.short']}] ${L['mail.request_decided.subject']} #${id}: ${L['request.state_rejected']}`);
		assert.ok(partText(m, 'text/plain').includes(comment), 'the text part does not show the comment as typed');
		assert.ok(partText(m, 'text/html').includes('주소 &lt;b&gt; 확인 &amp; 다시'), 'the comment is not escaped in HTML');
		assert.ok(!partText(m, 'text/html').includes('<b> 확인'));
		unsubscribeOf(m);
	});

	test('a notice published reaches the subscribers of its category and of pinned notices, one message each; a draft reaches nobody', async () => {
		const notice = sqlNumber("SELECT id FROM news_categories WHERE slug = 'notice'");
		const both = await account(sec, 'staff');	/* notices and pinned ones: one message for a pinned notice */
		await choose(both.s, { news_pinned: true }, [notice]);
		const pinnedOnly = await account(sec, 'staff');
		await choose(pinnedOnly.s, { news_pinned: true });
		const other = await account(sec, 'staff');	/* another category only */
		await choose(other.s, {}, [sqlNumber("SELECT id FROM news_categories WHERE slug <> 'notice' ORDER BY id LIMIT 1")]);
		const made = [];
		const create = async (fields) => {
			const res = await postMultipart('/admin/news', fields, [], { session: sec });
			assert.equal(res.status, 303, `creating an article: ${res.status} ${text(res.body).slice(0, 200)}`);
			made.push(Number(/^\/admin\/news\/(\d+)/.exec(location(res))[1]));
			return made[made.length - 1];
		};
		try {
			const soon = new Date(Date.now() + 30 * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
			const title = `알림 시험 공지 <${tag(4)}>`;
			await create([['title', `${title} 초안`], ['category', 'notice'], ['state', 'draft'], ['pinned_until', soon], ['body', '초안'], ['publisher', 'association']]);
			const id = await create([['title', title], ['category', 'notice'], ['state', 'published'], ['pinned_until', soon], ['body', '본문'], ['publisher', 'association']]);
			const m = await theMessageTo(both.email);
			assert.ok(m.subject.endsWith(title), `subject: ${m.subject}`);
			assert.ok(partText(m, 'text/plain').includes(`${BASE}/news/${id}`));
			assert.ok(partText(m, 'text/html').includes(title.replace('<', '&lt;').replace('>', '&gt;')));
			unsubscribeOf(m);
			await theMessageTo(pinnedOnly.email);
			assert.equal(messagesTo(other.email).length, 0, 'a subscriber of another category got the notice');

			/* announced once: unpublished and published again, then corrected while published, it mails nobody
			 * again (sql/023 news_articles.notified_at); the mail links to the page, which shows the correction */
			const edit = async (changes) => {
				const page = await sec.get(`/admin/news/${id}`);
				const res = await postMultipart(`/admin/news/${id}`, withChanges(formOf(page.body, `/admin/news/${id}`).fields, changes), [], { session: sec });
				assert.equal(res.status, 303, `editing the notice (${JSON.stringify(changes)}): ${res.status} ${text(res.body).slice(0, 200)}`);
			};
			await edit({ state: 'draft' });
			await edit({ state: 'published' });
			await edit({ title: `${title} (정정)`, body: '고친 본문' });
			await edit({ state: 'draft' });
			await edit({ state: 'published', body: '다시 고친 본문' });
			assert.ok(sqlValue(`SELECT notified_at FROM news_articles WHERE id = ${id}`), 'notified_at not set');
			await new Promise((r) => setTimeout(r, 3000));
			assert.equal(outboxCount(`kind = 'news_published' AND to_addr = ${lit(both.email)}`), 1, 'the notice was queued again');
			assert.equal(messagesTo(both.email).length, 1, 'publishing again or correcting mailed the notice again');
			assert.equal(messagesTo(pinnedOnly.email).length, 1, 'publishing again or correcting mailed the pinned notice again');
			/* a draft published later is announced then, once */
			const later = made[0];
			const page = await sec.get(`/admin/news/${later}`);
			assert.equal((await postMultipart(`/admin/news/${later}`, withChanges(formOf(page.body, `/admin/news/${later}`).fields, { state: 'published' }), [], { session: sec })).status, 303);
			await waitFor(() => messagesTo(pinnedOnly.email).length === 2, 'the draft, published later, to the pinned subscriber');
			assert.equal(messagesTo(both.email).length, 2);
						await create([['title', `알림 시험 일반 ${tag(4)}`], ['category', 'notice'], ['state', 'published'], ['pinned_until', ''], ['body', '본문'], ['publisher', 'association']]);
			await waitFor(() => messagesTo(both.email).length === 3, 'the unpinned notice to its category subscriber');
			await new Promise((r) => setTimeout(r, 2000));
			assert.equal(messagesTo(pinnedOnly.email).length, 2, 'an unpinned notice reached the pinned-only subscriber');
		} finally {
			if (made.length) {
				sql(`DELETE FROM news_articles WHERE id IN (${made.join(',')})`);
				sql(`DELETE FROM audit_changes WHERE entity = 'news' AND entity_id IN (${made.join(',')})`);
			}
		}
	});

	test('the secretariat links an account to its person: chosen by organisation, validated, shown, audited, undone', async () => {
		const [p1, p2] = sql("SELECT p.id, p.name, COALESCE(t.name_ko, a.name_ko) AS org FROM people p " +
		    "LEFT JOIN technoparks t ON t.id = p.technopark_id JOIN association a ON a.id = 1 " +
		    "WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id) AND p.technopark_id IS NOT NULL ORDER BY p.id LIMIT 2");
		assert.ok(p1 && p2, 'no two people without an account in the data');
		const one = await account(sec, 'staff');
		const two = await account(sec, 'staff');
		const { html } = await accountForm(sec, one.id);
		/* the choice: every person, grouped by organisation, none chosen yet */
		const select = /<select id="f-person" name="person"[^>]*>([\s\S]*?)<\/select>/.exec(html);
		assert.ok(select, 'no person field on the account form');
		assert.match(select[1], new RegExp(`<optgroup label="${p1.org}">[\\s\\S]*?<option value="${p1.id}">${p1.name}`));
		assert.equal(sqlNumber('SELECT COUNT(*) FROM people'), [...select[1].matchAll(/<option value="\d+"/g)].length, 'not every person is a choice');
		assert.ok(!/<option value="\d+"[^>]*selected/.test(select[1]), 'a person is chosen for a new account');

		/* the user's own notification page says whether meeting invitations can reach them */
		const hint = async () => text(/<span class="hint" id="n-meetings-person">([\s\S]*?)<\/span>/.exec((await one.s.get('/account/notifications')).body)?.[1] ?? '');
		assert.equal(await hint(), L['notify.person_none']);
		let res = await linkPerson(sec, one.id, p1.id);
		assert.equal(res.status, 303, `linking: ${res.status} ${text(res.body).slice(0, 300)}`);
		assert.equal(await hint(), `${L['notify.person_linked']} ${p1.name} (${p1.org}), ${L['notify.person_seats']} ${sqlNumber(`SELECT COUNT(*) FROM committee_members WHERE person_id = ${p1.id} AND (term_end IS NULL OR term_end >= DATE(${DB_NOW})) AND (term_start IS NULL OR term_start <= DATE(${DB_NOW}))`)}`);
		const shown = (await accountForm(sec, one.id));
		assert.equal(fieldValue(shown.fields, 'person'), String(p1.id), 'the account page does not show the linked person');
		assert.equal(sqlValue(`SELECT f.new_value FROM audit_fields f JOIN audit_changes c ON c.id = f.change_id WHERE c.entity = 'user' AND c.entity_id = ${one.id} AND f.field = 'person' ORDER BY c.id DESC LIMIT 1`), String(p1.id), 'the link is not in the audit log');
		const history = await sec.get(`/admin/history?entity=user&id=${one.id}`);
		assert.ok(text(history.body).includes(p1.name) && text(history.body).includes(L['field.person']), 'the history does not name the person');
		/* another account's form says whose the person is */
		assert.match((await accountForm(sec, two.id)).html, new RegExp(`<option value="${p1.id}">[^<]*${L['users.person_linked_to']} ${one.login}</option>`));

		/* mistakes: the form again (422) with what was typed and the message, nothing stored */
		const form2 = withChanges((await accountForm(sec, two.id)).fields, { display_name: '바꾼 이름 시험', person: String(p1.id) });
		res = await sec.post(`/admin/users/${two.id}`, form2);
		assert.equal(res.status, 422, 'a person linked to another account was accepted');
		assert.equal(formErrors(res.body).fields.person, L['users.err_person_linked']);
		assert.equal(fieldValue(formOf(res.body, `/admin/users/${two.id}`).fields, 'display_name'), '바꾼 이름 시험', 'the typed name was lost');
		res = await sec.post(`/admin/users/${two.id}`, withChanges(form2, { person: '4294967295' }));
		assert.equal(res.status, 422, 'an unknown person was accepted');
		assert.equal(formErrors(res.body).fields.person, L['form.err_choice']);
		res = await sec.post(`/admin/users/${two.id}`, withChanges(form2, { person: 'abc' }));
		assert.equal(res.status, 422, 'a person that is no number was accepted');
		assert.equal(sqlValue(`SELECT person_id FROM users WHERE id = ${two.id}`), null, 'a refused form stored a person');

		/* a new account made with its person; then the link undone */
		const login = `notify-${tag()}`;
		res = await sec.post('/admin/users', { login, display_name: login, role: 'staff', technopark: '', active: '1', person: String(p2.id), password: PASSWORD });
		assert.equal(res.status, 303, `a new account with its person: ${res.status} ${text(res.body).slice(0, 300)}`);
		assert.equal(sqlNumber(`SELECT person_id FROM users WHERE login = ${lit(login)}`), Number(p2.id));
		res = await sec.post('/admin/users', { login: `${login}-2`, display_name: login, role: 'staff', technopark: '', active: '1', person: String(p2.id), password: PASSWORD });
		assert.equal(res.status, 422, 'a second new account took a linked person');
		assert.equal(formErrors(res.body).fields.person, L['users.err_person_linked']);
		assert.equal((await linkPerson(sec, one.id, '')).status, 303);
		assert.equal(sqlValue(`SELECT person_id FROM users WHERE id = ${one.id}`), null, 'unlinking kept the person');
		sql(`UPDATE users SET person_id = NULL, active = 0 WHERE login = ${lit(login)}`);
	});

	test('a meeting scheduled, moved and cancelled: iTIP REQUEST, REQUEST, CANCEL to the committee\'s members with an account, the feed\'s UID and SEQUENCE', { timeout: 120_000 }, async () => {
		const seat = sql("SELECT m.person_id, c.slug FROM committee_members m JOIN committees c ON c.id = m.committee_id " +
		    `WHERE m.person_id IS NOT NULL AND (m.term_end IS NULL OR m.term_end >= DATE(${DB_NOW})) AND (m.term_start IS NULL OR m.term_start <= DATE(${DB_NOW})) ` +
		    "ORDER BY c.slug = 'business' DESC, m.id LIMIT 1")[0];
		assert.ok(seat, 'no current seat held by a person in the data');
		const member = await account(sec, 'staff');
		sql(`UPDATE users SET person_id = NULL WHERE person_id = ${seat.person_id}`);
		/* linked the way the secretariat does it: the account form's person field */
		const linked = await linkPerson(sec, member.id, seat.person_id);
		assert.equal(linked.status, 303, `linking the person: ${linked.status} ${text(linked.body).slice(0, 300)}`);
		assert.equal(sqlNumber(`SELECT person_id FROM users WHERE id = ${member.id}`), Number(seat.person_id));
		await choose(member.s, { meetings: true });
		const outsider = await account(sec, 'staff');
		await choose(outsider.s, { meetings: true });

		const day = new Date(Date.now() + 700 * 86400e3 + 9 * 3600e3).toISOString().slice(0, 10);
		const title = `알림 시험 회의 ${tag(4)}`;
		const res = await sec.post(`/admin/committees/${seat.slug}/meetings`, {
			title, date: day, starts: '14:00', ends: '16:00', end_date: '', place: '진흥회 회의실', online_url: '', status: 'planned', note: '',
		});
		assert.equal(res.status, 303, `creating the meeting: ${res.status} ${text(res.body).slice(0, 200)}`);
		const id = Number(/^\/admin\/meetings\/(\d+)\?done=created$/.exec(location(res))[1]);
		const host = new URL(BASE).hostname;
		const uid = `committee-meeting-${id}@${host}`;

		const calOf = (m) => {
			const part = m.parts.find((p) => p.type === 'text/calendar');
			assert.ok(part, 'no text/calendar part');
			return { part, cal: part.calendar };
		};
		const first = await theMessageTo(member.email);
		let { part, cal } = calOf(first);
		assert.equal(part.params.method, 'REQUEST');
		assert.equal(cal.method, 'REQUEST');
		assert.equal(cal.events.length, 1);
		assert.equal(cal.events[0].uid, uid);
		assert.equal(cal.events[0].sequence, 0);
		assert.equal(cal.events[0].summary, title);
		assert.equal(cal.events[0].dtstart, `${day}T14:00:00+09:00`);
		assert.equal(cal.events[0].location, '진흥회 회의실');
		assert.ok(cal.events[0].attendees.some((a) => a.toLowerCase() === `mailto:${member.email}`));
		assert.equal(messagesTo(outsider.email).length, 0, 'a user with no seat got the invitation');
		const feed = (await getWith(`/committees/${seat.slug}/calendar.ics`)).body;
		const block = feed.split('BEGIN:VEVENT').find((b) => b.includes(`UID:${uid}`));
		assert.ok(block, 'the meeting is not in the feed');
		assert.match(block, /\r\nSEQUENCE:0\r\n/);

		const form = async () => {
			const page = await sec.get(`/admin/meetings/${id}`);
			return Number(/name="version" value="(\d+)"/.exec(page.body)[1]);
		};
		const base = { title, date: day, end_date: '', place: '진흥회 회의실', online_url: '', note: '' };
		let r = await sec.post(`/admin/meetings/${id}`, { ...base, version: String(await form()), starts: '15:00', ends: '17:00', status: 'planned' });
		assert.equal(r.status, 303, `moving the meeting: ${r.status}`);
		const moved = await waitFor(() => { const all = messagesTo(member.email); return all.length >= 2 ? all : null; }, 'the update');
		({ part, cal } = calOf(moved.find((m) => m.file !== first.file)));
		assert.equal(cal.method, 'REQUEST');
		assert.equal(cal.events[0].uid, uid);
		assert.equal(cal.events[0].sequence, 1);
		assert.equal(cal.events[0].dtstart, `${day}T15:00:00+09:00`);
		assert.match((await getWith(`/committees/${seat.slug}/calendar.ics`)).body.split('BEGIN:VEVENT').find((b) => b.includes(`UID:${uid}`)), /\r\nSEQUENCE:1\r\n/);

		r = await sec.post(`/admin/meetings/${id}`, { ...base, version: String(await form()), starts: '15:00', ends: '17:00', status: 'cancelled' });
		assert.equal(r.status, 303, `cancelling the meeting: ${r.status}`);
		const all = await waitFor(() => { const x = messagesTo(member.email); return x.length >= 3 ? x : null; }, 'the cancellation');
		const cancel = all.map(calOf).find((x) => x.cal.method === 'CANCEL');
		assert.ok(cancel, 'no CANCEL');
		assert.equal(cancel.part.params.method, 'CANCEL');
		assert.equal(cancel.cal.events[0].uid, uid);
		assert.equal(cancel.cal.events[0].sequence, 2);
		assert.equal(cancel.cal.events[0].status, 'CANCELLED');
		assert.equal(messagesTo(member.email).length, 3, 'other than three messages for three changes');
		assert.equal((await linkPerson(sec, member.id, '')).status, 303, 'unlinking the person');
	});
});
