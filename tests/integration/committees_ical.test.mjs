// committees_ical.test.mjs - the calendar feeds of upcoming meetings and those of the last 12 months (/committees.ics, /committees/{slug}/calendar.ics):
// parsed back by a real iCalendar parser (Debian's python3-icalendar), and read line by line for what RFC 5545
// asks of the text itself: CRLF line ends, no line over 75 octets, folds that never split a UTF-8 character,
// TEXT escaping of backslash, semicolon, comma and line ends; a stable UID, DTSTAMP, DTSTART/DTEND in
// Asia/Seoul with its VTIMEZONE, STATUS:CANCELLED for a cancelled meeting, SEQUENCE following the version.
// A meeting with awkward text is made through the admin form in the business committee (사업위원회).

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, L, data, get, rawRequest, assertSecurityHeaders } from './lib.mjs';
import { Session, location, text, tag } from './lib_accounts.mjs';
import { T, meetingsOf, agendaOf, haveIcalendar, parseIcs, checkLines, unescapeText } from './committees_lib.mjs';

const HOST = new URL(BASE).hostname;
const CT = 'text/calendar; charset=utf-8';
let parserOk = false;

before(() => {
	parserOk = haveIcalendar();
});

function needParser(t) {
	if (parserOk)
		return true;
	t.skip('python3-icalendar is not installed and could not be installed');
	return false;
}

/** GET a feed: its bytes, checked lines and the parse. */
async function feed(path) {
	const res = await get(path);
	assert.equal(res.status, 200, `GET ${path}: ${res.status}`);
	assert.equal(res.headers.get('content-type'), CT, `GET ${path}: Content-Type`);
	assertSecurityHeaders(res, `GET ${path}`);
	const lines = checkLines(res.bytes, path);
	return { res, lines, cal: parserOk ? parseIcs(res.bytes) : null };
}

/** Now minus 12 months (the feed's window), plus days, in Korean time as the meetings' times are written. */
function yearAgoKST(days = 0) {
	const d = new Date(Date.now() + 9 * 3600_000 + days * 86400_000);
	d.setUTCMonth(d.getUTCMonth() - 12);
	return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** "2027-03-16 14:00:00" -> "2027-03-16T14:00:00+09:00" as python prints an aware datetime. */
const iso = (s) => `${s.replace(' ', 'T')}+09:00`;

describe('/committees.ics', () => {
	test('well-formed text: CRLF, 75 octets, folds on character boundaries, calendar properties', async (t) => {
		const { lines } = await feed('/committees.ics');
		assert.equal(lines.logical[0], 'BEGIN:VCALENDAR');
		assert.equal(lines.logical.at(-1), 'END:VCALENDAR');
		for (const p of ['VERSION:2.0', 'CALSCALE:GREGORIAN', 'BEGIN:VTIMEZONE', 'TZID:Asia/Seoul', 'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0900'])
			assert.ok(lines.logical.includes(p), `no ${p}`);
		assert.ok(lines.logical.some((l) => /^PRODID:\S/.test(l)), 'no PRODID');
		if (!needParser(t))
			return;
		const { cal } = await feed('/committees.ics');
		assert.equal(cal.calendar.VERSION, '2.0');
		assert.deepEqual(cal.timezones.map((z) => z.TZID), ['Asia/Seoul']);
	});

	test('every upcoming meeting of the demo data, with its times, place, agenda, UID, URL, status, sequence', async (t) => {
		if (!needParser(t))
			return;
		const { cal, lines } = await feed('/committees.ics');
		const upcoming = data.committees.flatMap((c) => meetingsOf(c.slug).upcoming);
		assert.ok(upcoming.length > 0, 'the demo data has no upcoming meeting to check');
		for (const m of upcoming) {
			const c = data.committees.find((x) => x.id === m.committee_id);
			const ev = cal.events.find((e) => e.UID === `committee-meeting-${m.id}@${HOST}`);
			assert.ok(ev, `${m.title}: not in the feed`);
			assert.equal(ev.SUMMARY, m.title);
			assert.equal(ev.DTSTART.iso, iso(m.starts_at), `${m.title}: DTSTART`);
			assert.equal(ev.DTSTART.tzid, 'Asia/Seoul');
			assert.equal(ev.DTEND.iso, iso(m.ends_at), `${m.title}: DTEND`);
			assert.equal(ev.DTEND.tzid, 'Asia/Seoul');
			assert.equal(ev.LOCATION, m.place ?? m.online_url ?? undefined, `${m.title}: LOCATION`);
			assert.equal(ev.STATUS, m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
			assert.equal(Number(ev.SEQUENCE), 0, `${m.title}: SEQUENCE of version 1`);
			assert.equal(ev.URL, `${BASE}/committees/${c.slug}/meetings/${m.id}`);
			assert.match(ev.DTSTAMP.iso, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/, 'DTSTAMP in UTC');
			for (const i of agendaOf(m.id))
				assert.ok(ev.DESCRIPTION.includes(`\n${i.position}. ${i.title}`), `${m.title}: agenda item ${i.title} in DESCRIPTION`);
			assert.ok(ev.DESCRIPTION.startsWith(c.name_ko), `${m.title}: DESCRIPTION names the committee`);
		}
		/* a meeting that ended more than 12 months ago is no longer in the feed */
		for (const m of data.committees.flatMap((c) => meetingsOf(c.slug).past).filter((x) => x.ends_at < yearAgoKST(-1)))
			assert.ok(!cal.events.some((e) => e.UID === `committee-meeting-${m.id}@${HOST}`), `${m.title} (${m.ends_at}): over a year ago, yet in the feed`);
		/* the raw SUMMARY line of a demo meeting is exactly its escaped title */
		const m = upcoming[0];
		const i = lines.logical.indexOf(`UID:committee-meeting-${m.id}@${HOST}`);
		assert.ok(i > 0);
		assert.ok(lines.logical.slice(i).includes(`SUMMARY:${m.title.replace(/[\\;,]/g, '\\$&')}`));
	});

	test('meetings of the last 12 months stay in the feed: held ones CONFIRMED, cancelled ones CANCELLED', async (t) => {
		if (!needParser(t))
			return;
		const { cal } = await feed('/committees.ics');
		/* a day's margin either side of the boundary: the server's clock and this one may differ a little */
		const recent = data.committees.flatMap((c) => meetingsOf(c.slug).past).filter((m) => m.ends_at >= yearAgoKST(1));
		assert.ok(recent.length > 0, 'the demo data has no meeting of the last 12 months to check');
		assert.ok(recent.some((m) => m.status === 'cancelled'), 'the demo data has no cancelled meeting of the last 12 months');
		for (const m of recent) {
			const ev = cal.events.find((e) => e.UID === `committee-meeting-${m.id}@${HOST}`);
			assert.ok(ev, `${m.title} (${m.ends_at}): held in the last 12 months, not in the feed`);
			assert.equal(ev.STATUS, m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED', `${m.title}: STATUS`);
			assert.equal(ev.DTSTART.iso, iso(m.starts_at), `${m.title}: DTSTART`);
		}
		/* and in the committee's own feed */
		const c = data.committees.find((x) => x.id === recent[0].committee_id);
		const own = await feed(`/committees/${c.slug}/calendar.ics`);
		assert.ok(own.cal.events.some((e) => e.UID === `committee-meeting-${recent[0].id}@${HOST}`), `${c.slug}: ${recent[0].title} missing`);
	});

	test('one committee\'s feed holds only its meetings', async (t) => {
		if (!needParser(t))
			return;
		for (const c of data.committees) {
			const { cal } = await feed(`/committees/${c.slug}/calendar.ics`);
			const ids = T.committee_meetings.filter((m) => m.committee_id !== c.id).map((m) => `committee-meeting-${m.id}@${HOST}`);
			assert.ok(!cal.events.some((e) => ids.includes(e.UID)), `${c.slug}: another committee's meeting`);
			for (const m of meetingsOf(c.slug).upcoming)
				assert.ok(cal.events.some((e) => e.UID === `committee-meeting-${m.id}@${HOST}`), `${c.slug}: ${m.title} missing`);
			assert.equal(cal.calendar['X-WR-CALNAME'], `${c.name_ko} ${L['committee.ics_name']}`);
		}
	});

	test('HEAD: the same status and type, no body on the wire', async () => {
		for (const p of ['/committees.ics', '/committees/board/calendar.ics']) {
			const head = await rawRequest('HEAD', p);
			assert.equal(head.status, 200);
			assert.equal(head.headers['content-type'], CT);
			assert.equal(head.body.length, 0);
		}
	});
});

describe('a meeting with awkward text, then cancelled and moved', () => {
	const day = new Date(Date.now() + 500 * 86400e3).toISOString().slice(0, 10);
	const title = `시험 회의, 쉼표; 세미콜론 \\ 역슬래시 ${tag(4)}`;
	/* 3-byte syllables, so a fold at octet 75 would fall inside one unless the folding takes care */
	const place = '서울특별시 중구 세종대로 한국테크노파크진흥회 본관 대회의실, 3층; 엘리베이터 앞 안내 데스크에서 방문증을 받으세요 \\ 주차 불가';
	const note = '첫 줄\n둘째 줄, 쉼표\n\n넷째 줄; 끝';
	let s, id, uid, path;

	before(async () => {
		s = await Session.signIn('secretariat');
		const res = await s.post('/admin/committees/business/meetings', {
			title, date: day, starts: '09:30', ends: '11:00', end_date: '', place, online_url: '', status: 'planned', note,
		});
		assert.equal(res.status, 303, `create: ${res.status} ${text(res.body).slice(0, 300)}`);
		id = Number(/^\/admin\/meetings\/(\d+)\?done=created$/.exec(location(res))?.[1]);
		assert.ok(id > 0, `create: 303 to ${location(res)}`);
		const item = await s.post(`/admin/meetings/${id}/agenda`, { item_title: '안건, 하나; 둘\\셋', item_description: '' });
		assert.equal(item.status, 303, `agenda: ${item.status}`);
		uid = `committee-meeting-${id}@${HOST}`;
		path = '/committees/business/calendar.ics';
	});

	/** The meeting's event in the business feed: { ev (parsed), logical lines of its VEVENT, physical lines }. */
	async function event() {
		const { cal, lines } = await feed(path);
		const start = lines.logical.indexOf(`UID:${uid}`);
		assert.ok(start > 0, `${uid} not in ${path}`);
		const end = lines.logical.indexOf('END:VEVENT', start);
		return { ev: cal?.events.find((e) => e.UID === uid), block: lines.logical.slice(start, end), lines };
	}

	test('escaped on the wire, folded on character boundaries, and parsed back exactly', async (t) => {
		const { ev, block, lines } = await event();
		const prop = (name) => block.find((l) => l.startsWith(`${name}:`));
		const esc = (v) => v.replace(/[\\;,]/g, '\\$&').replace(/\n/g, '\\n');
		assert.equal(prop('SUMMARY'), `SUMMARY:${esc(title)}`);
		assert.equal(prop('LOCATION'), `LOCATION:${esc(place)}`);
		assert.ok(prop('DESCRIPTION').includes(esc(note)), 'the note, escaped, in DESCRIPTION');
		assert.equal(unescapeText(prop('LOCATION').slice('LOCATION:'.length)), place);
		/* the long LOCATION was folded: more physical than logical lines, none over 75 octets (checked in feed()) */
		const uidAt = lines.physical.findIndex((l) => l === `UID:${uid}`);
		const phys = lines.physical.findIndex((l, i) => i > uidAt && l.startsWith('LOCATION:'));
		assert.ok(lines.physical[phys + 1].startsWith(' '), 'LOCATION is folded');
		assert.ok(Buffer.byteLength(`LOCATION:${esc(place)}`) > 75);
		if (!needParser(t))
			return;
		assert.equal(ev.SUMMARY, title);
		assert.equal(ev.LOCATION, place);
		assert.ok(ev.DESCRIPTION.includes(note), 'the note comes back with its line ends');
		assert.ok(ev.DESCRIPTION.includes('\n1. 안건, 하나; 둘\\셋'), 'the agenda item comes back');
		assert.equal(ev.DTSTART.iso, `${day}T09:30:00+09:00`);
		assert.equal(ev.DTEND.iso, `${day}T11:00:00+09:00`);
		assert.equal(ev.STATUS, 'CONFIRMED');
		assert.equal(Number(ev.SEQUENCE), 0);
	});

	test('cancelled: STATUS:CANCELLED, SEQUENCE up by one, the same UID; moved: new times, SEQUENCE again', async (t) => {
		const before1 = await event();
		const cancel = await s.submit(`/admin/meetings/${id}`, `/admin/meetings/${id}`, { status: 'cancelled' });
		assert.equal(cancel.status, 303, `cancel: ${cancel.status} ${text(cancel.body).slice(0, 300)}`);
		const after1 = await event();
		assert.ok(after1.block.includes('STATUS:CANCELLED'));
		assert.ok(after1.block.includes('SEQUENCE:1'));
		const moved = await s.submit(`/admin/meetings/${id}`, `/admin/meetings/${id}`, { starts: '13:00', ends: '15:30', status: 'planned' });
		assert.equal(moved.status, 303, `move: ${moved.status}`);
		const after2 = await event();
		assert.ok(after2.block.includes('STATUS:CONFIRMED'));
		assert.ok(after2.block.includes('SEQUENCE:2'));
		assert.ok(after2.block.includes(`DTSTART;TZID=Asia/Seoul:${day.replace(/-/g, '')}T130000`));
		assert.ok(after2.block.includes(`DTEND;TZID=Asia/Seoul:${day.replace(/-/g, '')}T153000`));
		if (!needParser(t))
			return;
		assert.equal(after1.ev.UID, before1.ev.UID);
		assert.equal(after1.ev.STATUS, 'CANCELLED');
		assert.ok(after1.ev.DTSTAMP.iso >= before1.ev.DTSTAMP.iso, 'DTSTAMP does not go back');
		assert.equal(Number(after2.ev.SEQUENCE), 2);
		assert.equal(after2.ev.DTSTART.iso, `${day}T13:00:00+09:00`);
		/* the overall feed carries it too */
		const all = await feed('/committees.ics');
		assert.ok(all.cal.events.some((e) => e.UID === uid && e.STATUS === 'CONFIRMED'));
	});
});
