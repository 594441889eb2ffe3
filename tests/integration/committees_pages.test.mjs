// committees_pages.test.mjs - the committee pages readers see: the overview, one committee with its composition
// today, on past days (?at=) and over all terms (?history=1), its meetings, one meeting (agenda, resolutions,
// attendance, minutes), every resolution by year and outcome, a technopark's seats on its profile, the links
// from /about and the navigation. Expected values come from sql/ (committees_lib.mjs), never from the pages.
//
// The admin tests write into the business committee (사업위원회) only, so the other committees stay as sql/
// loads them; where a list may have grown (the overview's counts and meetings) the demo rows are checked as
// a part of it, in order.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { L, data, get, text, links, h1s, section, assertHtmlPage, assertErrorPage, refusedParam, decode } from './lib.mjs';
import {
	T, committee, seatsOn, terms, meetingsOf, meeting, agendaOf, resolutionsOf, attendanceOf, minutesOf,
	allResolutions, tpSeats, rowsOf, seatText, termText, votesText, whenText, todayKST, holder,
} from './committees_lib.mjs';

const UNTOUCHED = ['general-assembly', 'board', 'directors', 'working'];	/* the admin tests leave these alone */
const roleText = (r) => L[`committee.role.${r}`];

async function page(path, title) {
	const res = await get(path);
	assert.equal(res.status, 200, `GET ${path}: status ${res.status}`);
	return assertHtmlPage(res, `GET ${path}`, { pageTitle: title });
}

/** a (array) holds b's items in b's order (other items may sit between them). */
function inOrder(a, b, what) {
	let k = 0;
	for (const x of a)
		if (k < b.length && x === b[k])
			k++;
	assert.equal(k, b.length, `${what}: ${JSON.stringify(b)} not in order within ${JSON.stringify(a)}`);
}

describe('/committees', () => {
	test('every committee in order, with its purpose, seats today and a link; the navigation item', async () => {
		const html = await page('/committees', L['committee.title']);
		assert.deepEqual(h1s(html), [L['committee.title']]);
		const dl = /<dl class="committees">([\s\S]*?)<\/dl>/.exec(html)[1];
		const entries = [...dl.matchAll(/<dt>([\s\S]*?)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g)];
		assert.deepEqual(entries.map((e) => /href="\/committees\/([\w-]+)"/.exec(e[1])?.[1]), data.committees.map((c) => c.slug));
		for (const [i, c] of data.committees.entries()) {
			const [, dt, dd] = entries[i];
			assert.ok(text(dt).startsWith(c.name_ko), `${c.slug}: name`);
			assert.ok(text(dd).includes(c.purpose), `${c.slug}: purpose`);
			const seats = Number(new RegExp(`${L['committee.seats_now']} (\\d+)`).exec(text(dd))?.[1]);
			if (UNTOUCHED.includes(c.slug))
				assert.equal(seats, seatsOn(c.slug, todayKST()).length, `${c.slug}: seats today`);
			else
				assert.ok(seats >= seatsOn(c.slug, todayKST()).length, `${c.slug}: seats today`);
		}
		const nav = /<header[\s\S]*?<\/header>/.exec(html)[0];
		const navLinks = [...nav.matchAll(/<li><a href="([^"]+)"( aria-current="page")?>([\s\S]*?)<\/a><\/li>/g)];
		const mine = navLinks.find((m) => m[1] === '/committees');
		assert.ok(mine, 'no /committees item in the navigation');
		assert.equal(text(mine[3]), L['nav.committees']);
		assert.ok(mine[2], 'the navigation item is not aria-current on /committees');
		const hrefs = navLinks.map((m) => m[1]);
		assert.equal(hrefs.indexOf('/committees') + 1, hrefs.indexOf('/about'), '위원회 comes right before 진흥회 소개');
		assert.ok(links(html).some((l) => l.href === '/committees.ics'), 'no link to the calendar feed');
	});

	test('the meetings ahead of every committee, soonest first', async () => {
		const html = await page('/committees', L['committee.title']);
		const rows = rowsOf(html, 'meetings') ?? [];
		const want = T.committee_meetings.filter((m) => m.ends_at >= (new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 19).replace('T', ' ')))
		    .sort((a, b) => (a.starts_at < b.starts_at ? -1 : a.starts_at > b.starts_at ? 1 : a.id - b.id));
		inOrder(rows.map((r) => r[2]), want.map((m) => m.title), 'upcoming meetings');
		for (const m of want) {
			const r = rows.find((x) => x[2] === m.title);
			assert.equal(r[0], whenText(m), `${m.title}: when`);
			assert.equal(r[1], data.committees.find((c) => c.id === m.committee_id).name_ko, `${m.title}: committee`);
			assert.equal(r[4], L[`committee.status.${m.status}`], `${m.title}: status`);
		}
	});
});

describe('/committees/{slug}', () => {
	for (const slug of UNTOUCHED) {
		test(`${slug}: facts, composition today, the link to its resolutions and calendar`, async () => {
			const c = committee(slug);
			const html = await page(`/committees/${slug}`, c.name_ko);
			assert.deepEqual(h1s(html), [c.name_ko]);
			const facts = /<dl class="facts">([\s\S]*?)<\/dl>/.exec(html)[1];
			assert.ok(text(facts).includes(c.purpose), 'purpose');
			assert.ok(text(facts).includes(c.composition ?? L.unknown), 'composition (unknown when the source does not say)');
			assert.ok(html.includes(`<h2 id="seats-h">${L['committee.members_now']}</h2>`), 'heading: composition today');
			const want = seatsOn(slug, todayKST());
			const rows = rowsOf(html, 'seats');
			if (want.length === 0) {
				assert.equal(rows, null);
				assert.ok(text(section(html, 'seats-h')).includes(L['committee.no_members']));
			} else {
				assert.deepEqual(rows, want.map((s) => [roleText(s.role), seatText(s), termText(s)]));
			}
			for (const href of [`/committees/${slug}/resolutions`, `/committees/${slug}/calendar.ics`])
				assert.ok(links(html).some((l) => l.href === href), `no link to ${href}`);
			assert.ok(!links(html).some((l) => l.href.startsWith('/admin/')), 'an admin link shown to a reader');
		});
	}

	test('the council of directors: every technopark, as its representative, term unknown', async () => {
		const html = await page('/committees/directors', committee('directors').name_ko);
		const rows = rowsOf(html, 'seats');
		assert.equal(rows.length, data.technoparks.length);
		for (const r of rows) {
			assert.equal(r[0], roleText('member'));
			assert.match(r[1], new RegExp(`\\(${L['committee.representative']}\\)$`));
			assert.equal(r[2], L['committee.term_unknown']);
		}
		assert.deepEqual(rows.map((r) => r[1].replace(/ \(.*$/, '')).sort(), data.technoparks.map((t) => t.name_ko).sort());
	});

	test('the board on past days (?at=): the chair of that day, terms counted to their last day', async () => {
		for (const day of ['2024-02-29', '2024-03-01', '2025-06-01', '2026-02-28', '2026-03-01', todayKST(), '2028-02-29', '2028-03-01']) {
			const html = await page(`/committees/board?at=${day}`, committee('board').name_ko);
			assert.ok(html.includes(`<h2 id="seats-h">${day} ${L['committee.members_on']}</h2>`), `${day}: heading`);
			const want = seatsOn('board', day);
			const rows = rowsOf(html, 'seats');
			if (want.length === 0)
				assert.equal(rows, null, `${day}: no seats`);
			else
				assert.deepEqual(rows, want.map((s) => [roleText(s.role), seatText(s), termText(s)]), `${day}: composition`);
			assert.match(html, new RegExp(`<input type="text" id="f-at" name="at" maxlength="10" value="${day}"`), `${day}: the date stays in the box`);
		}
		/* the facts this checks, stated once: the chair changed on 2026-03-01 */
		const chair = (day) => seatsOn('board', day).filter((s) => s.role === 'chair').map((s) => holder(s).name);
		assert.notDeepEqual(chair('2025-06-01'), chair('2026-03-01'));
		assert.equal(chair('2026-02-28').length, 1);
	});

	test('?at= also as 2025.06.01 and 2025/06/01: the same day, written back as 2025-06-01', async () => {
		const want = await page('/committees/board?at=2025-06-01', committee('board').name_ko);
		for (const typed of ['2025.06.01', '2025/06/01']) {
			const html = await page(`/committees/board?at=${encodeURIComponent(typed)}`, committee('board').name_ko);
			assert.deepEqual(rowsOf(html, 'seats'), rowsOf(want, 'seats'), `${typed}: composition`);
			assert.ok(html.includes(`<h2 id="seats-h">2025-06-01 ${L['committee.members_on']}</h2>`), `${typed}: heading`);
			assert.match(html, /<input type="text" id="f-at" name="at" maxlength="10" value="2025-06-01"/, `${typed}: the box`);
		}
	});

	test('a date that is no day: the page again (422), today\'s composition, the value in the box with a message', async () => {
		const today = rowsOf(await page('/committees/board', committee('board').name_ko), 'seats');
		for (const typed of ['2025-02-30', '2025-6-1', 'abc', '2025-06-01x', '1899-12-31', '2025.06-01', '0', ' ']) {
			const path = `/committees/board?at=${encodeURIComponent(typed)}`;
			const res = await get(path);
			assert.equal(res.status, 422, `${path}: status`);
			assertHtmlPage(res, path, { pageTitle: committee('board').name_ko });
			assert.ok(!text(res.body).includes(L['error.param']), `${path}: the 400 page`);
			assert.deepEqual(rowsOf(res.body, 'seats'), today, `${path}: not today's composition`);
			const box = /<input type="text" id="f-at" name="at" maxlength="10" value="([^"]*)" aria-invalid="true" aria-describedby="f-at-err f-at-hint">/.exec(res.body);
			assert.ok(box, `${path}: the box is not marked invalid`);
			assert.equal(decode(box[1]), typed, `${path}: the typed value is not kept in the box`);
			assert.equal(text(/<p class="field-error" id="f-at-err"[^>]*>([\s\S]*?)<\/p>/.exec(res.body)?.[1] ?? ''), L['committee.at_bad'], `${path}: message`);
		}
	});

	test('every term (?history=1), earliest first; with ?at= as well', async () => {
		for (const q of ['history=1', 'history=1&at=2025-06-01']) {
			const html = await page(`/committees/board?${q}`, committee('board').name_ko);
			assert.deepEqual(rowsOf(html, 'terms'), terms('board').map((s) => [seatText(s), roleText(s.role), termText(s)]), q);
		}
		const plain = await page('/committees/board', committee('board').name_ko);
		assert.equal(rowsOf(plain, 'terms'), null, 'terms only on request');
		assert.ok(links(plain).some((l) => l.href === '/committees/board?history=1#terms-h'), 'a link to every term');
	});

	test('a bad flag is refused with 400 naming it; an unknown key is ignored; an unknown committee is 404', async () => {
		for (const [q, key] of [['history=2', 'history'], ['history=1&history=1', 'history'], ['at=2025-06-01&at=2025-06-02', 'at']]) {
			const res = await get(`/committees/board?${q}`);
			const html = assertErrorPage(res, 400, `GET /committees/board?${q}`);
			assert.equal(refusedParam(html), key, `${q}: names ${key}`);
		}
		const plain = await get('/committees/board');
		assert.equal((await get('/committees/board?x=1')).body, plain.body, 'x=1: not the page without it');
		assertErrorPage(await get('/committees/no-such-committee'), 404, 'unknown committee');
		assertErrorPage(await get('/committees/no-such-committee?at=abc'), 404, 'unknown committee with a bad date');
		assertErrorPage(await get('/committees/no-such-committee/resolutions'), 404, 'unknown committee resolutions');
		assertErrorPage(await get('/committees/no-such-committee/calendar.ics'), 404, 'unknown committee calendar');
	});

	test('meetings ahead and behind', async () => {
		for (const slug of UNTOUCHED) {
			const html = await page(`/committees/${slug}`, committee(slug).name_ko);
			const { upcoming, past } = meetingsOf(slug);
			const up = rowsOf(section(html, 'up-h') ?? '', 'meetings') ?? [];
			const down = rowsOf(section(html, 'past-h') ?? '', 'meetings') ?? [];
			inOrder(up.map((r) => r[1]), upcoming.map((m) => m.title), `${slug}: upcoming`);
			inOrder(down.map((r) => r[1]), past.map((m) => m.title), `${slug}: past`);
			for (const m of [...upcoming, ...past]) {
				const r = [...up, ...down].find((x) => x[1] === m.title);
				assert.equal(r[0], whenText(m), `${m.title}: when`);
				assert.equal(r[3], L[`committee.status.${m.status}`]);
				assert.ok(links(html).some((l) => l.href === `/committees/${slug}/meetings/${m.id}`), `${m.title}: link`);
			}
		}
	});
});

describe('/committees/{slug}/meetings/{id}', () => {
	for (const m of T.committee_meetings) {
		const c = data.committees.find((x) => x.id === m.committee_id);
		test(`${m.title}: when and where, agenda, resolutions, attendance, minutes`, async () => {
			const html = await page(`/committees/${c.slug}/meetings/${m.id}`, m.title);
			assert.match(h1s(html)[0], new RegExp(`^${m.title.replace(/[()]/g, '\\$&')}`));
			assert.ok(/<h1>[\s\S]*<span class="badge demo"/.test(html), 'the demo meeting is badged');
			const facts = text(/<dl class="facts">([\s\S]*?)<\/dl>/.exec(html)[1]);
			assert.ok(facts.includes(whenText(m)), `when: ${whenText(m)} in ${facts}`);
			/* an online meeting without a room is held 온라인 (issue 12, item 11), not 장소 미정 */
			assert.ok(facts.includes(m.place ?? (m.online_url ? `${L['committee.online']}: ${m.online_url}` : L['committee.place_unknown'])), 'place');
			if (!m.place && m.online_url)
				assert.ok(!facts.includes(L['committee.place_unknown']), 'an online meeting reads 장소 미정');
			if (m.online_url)
				assert.ok(links(html).some((l) => l.href === m.online_url), 'online link');
			assert.equal(html.includes(L['meeting.cancelled_note']), m.status === 'cancelled', 'cancelled note');

			const agenda = /<ol class="agenda">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
			const items = [...agenda.matchAll(/<li value="(\d+)"><strong>([\s\S]*?)<\/strong>/g)].map((x) => [Number(x[1]), text(x[2])]);
			assert.deepEqual(items, agendaOf(m.id).map((i) => [i.position, i.title]), 'agenda in order');

			const res = resolutionsOf(m.id);
			const rrows = rowsOf(html, 'resolutions');
			if (res.length === 0)
				assert.equal(rrows, null);
			else
				assert.deepEqual(rrows, res.map((r) => {
					const i = T.committee_agenda_items.find((x) => x.id === r.agenda_item_id);
					return [`${i.position}. ${i.title}`, r.body, L[`committee.outcome.${r.outcome}`], votesText(r)];
				}), 'resolutions');

			const att = attendanceOf(m.id);
			const arows = rowsOf(html, 'attendance');
			if (!att.some((a) => a.record !== null)) {
				assert.equal(arows, null, 'no attendance table without records');
			} else {
				assert.deepEqual(arows, att.map(({ seat, record }) => [seatText(seat), roleText(seat.role),
				    record === null ? L['meeting.attendance_none'] :
				    L[`meeting.attendance.${record.status}`] + (record.proxy_name ? ` (${L['meeting.proxy_by']}: ${record.proxy_name})` : '')]),
				    'attendance');
				const n = (st) => att.filter((a) => a.record?.status === st).length;
				assert.ok(text(section(html, 'att-h')).includes(`${L['meeting.seats_total']} ${att.length} · ` +
				    `${L['meeting.attendance.present']} ${n('present')} · ${L['meeting.attendance.proxy']} ${n('proxy')} · ` +
				    `${L['meeting.attendance.absent']} ${n('absent')}`), 'attendance counts');
			}

			const min = minutesOf(m.id);
			const minSection = section(html, 'min-h');
			if (min !== null && min.published === 1) {
				assert.ok(minSection.includes(min.body_html.trim()), 'the published minutes, as stored');
			} else {
				assert.ok(text(minSection).includes(L['meeting.minutes_none']), 'unpublished minutes stay hidden');
				if (min !== null)
					assert.ok(!html.includes(min.body_html.trim()), 'a draft leaks');
			}
		});
	}

	test('a meeting under another committee, or unknown, is 404', async () => {
		assertErrorPage(await get('/committees/working/meetings/101'), 404, 'meeting of another committee');
		assertErrorPage(await get('/committees/board/meetings/999999999'), 404, 'unknown meeting');
		const plain = await get('/committees/board/meetings/101');
		const extra = await get('/committees/board/meetings/101?x=1&utm_source=mail');
		assert.equal(extra.status, 200, 'a parameter the page does not take is ignored');
		assert.equal(extra.body, plain.body, 'a parameter the page does not take changes nothing');
	});
});

describe('/committees/{slug}/resolutions', () => {
	const years = [...new Set(T.committee_meetings.map((m) => Number(m.starts_at.slice(0, 4))))];
	for (const slug of UNTOUCHED) {
		test(`${slug}: every resolution, by year and outcome`, async () => {
			const c = committee(slug);
			for (const f of [{}, ...years.map((year) => ({ year })), { outcome: 'adopted' }, { outcome: 'rejected' },
			    { outcome: 'deferred' }, { year: 2026, outcome: 'rejected' }, { year: 1999 }]) {
				const q = new URLSearchParams(Object.entries(f).map(([k, v]) => [k, String(v)])).toString();
				const html = await page(`/committees/${slug}/resolutions${q ? '?' + q : ''}`, `${c.name_ko} ${L['committee.resolutions']}`);
				const want = allResolutions(slug, f);
				/* only the demo meetings' rows: the browser test may have added a board meeting of its own */
				const titles = new Set(T.committee_meetings.map((m) => m.title));
				const all = rowsOf(html, 'resolutions');
				const rows = all === null ? null : all.filter((r) => titles.has(r[1]));
				if (want.length === 0) {
					assert.ok(rows === null || rows.length === 0, `${q}: none`);
					if (rows === null)
						assert.ok(html.includes(L['committee.no_resolutions']), `${q}: says none`);
				} else {
					assert.deepEqual(rows, want.map(({ r, m, item }) => [m.starts_at.slice(0, 10), m.title, `${item.position}. ${item.title}`,
					    r.body, L[`committee.outcome.${r.outcome}`], votesText(r)]), `${slug}?${q}`);
				}
				if (f.outcome)
					assert.match(html, new RegExp(`<option value="${f.outcome}" selected>`), `${q}: outcome kept`);
			}
		});
	}

	test('a bad filter is refused with 400 naming it', async () => {
		for (const [q, key] of [['outcome=won', 'outcome'], ['year=abc', 'year'], ['year=1899', 'year'], ['year=3000', 'year'],
		    ['year=2026&year=2025', 'year']]) {
			const html = assertErrorPage(await get(`/committees/board/resolutions?${q}`), 400, q);
			assert.equal(refusedParam(html), key, `${q}: names ${key}`);
		}
	});
});

describe('seats on a technopark profile; links from /about', () => {
	test('a profile lists the seats of the technopark and of its people today', async () => {
		for (const tp of data.technoparks) {
			const html = await page(`/members/${tp.slug}`, tp.name_ko);
			const rows = rowsOf(html, 'committee-seats') ?? [];
			const want = tpSeats(tp.slug);
			for (const s of want) {
				const c = data.committees.find((x) => x.id === s.committee_id);
				const who = holder(s).tp !== null ? L['committee.representative'] : holder(s).person.name;
				assert.ok(rows.some((r) => r[0] === c.name_ko && r[1] === roleText(s.role) && r[2] === who && r[3] === termText(s)),
				    `${tp.slug}: no row for ${c.slug} ${s.role} ${who} in ${JSON.stringify(rows)}`);
			}
			if (['seoul', 'daegu', 'incheon', 'gyeonggi', 'gwangju', 'ulsan', 'daejeon'].includes(tp.slug))
				assert.equal(rows.length, want.length, `${tp.slug}: exactly its seats`);
			assert.ok(links(html).some((l) => l.href === '/committees/directors'), `${tp.slug}: a link to the council`);
		}
	});

	test('/about links each committee to its page', async () => {
		const res = await get('/about');
		const html = section(res.body, 'com-h');
		for (const c of data.committees)
			assert.ok(links(html).some((l) => l.href === `/committees/${c.slug}` && l.text === c.name_ko), `${c.slug}: no link`);
	});
});
