// committees_lib.mjs - helpers of the committees tests (committees_*.test.mjs): the committee data as the SQL
// files load it (sql/seed/005_committees.sql, sql/demo/003_demo_committees.sql) and models of the pages'
// queries over it; page readers for the committee pages; the calendar feed parsed by a real iCalendar parser.
//
// Expectations come from sql/ (through lib.mjs's data for committees, technoparks and people), never from
// the page under test. Times are Korean time (the portal's connection runs at +09:00).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { ROOT, L, data, cmp, text, decode } from './lib.mjs';

/* ---------------------------------------------------------------- reading the SQL files */

/** Split SQL into statements without comments (string literals kept). */
function statements(sql) {
	const out = [];
	let cur = '';
	for (let i = 0; i < sql.length; i++) {
		const c = sql[i];
		if (c === "'") {
			let j = i + 1;
			while (!(sql[j] === "'" && sql[j + 1] !== "'")) {
				j += sql[j] === '\\' || (sql[j] === "'" && sql[j + 1] === "'") ? 2 : 1;
				assert.ok(j < sql.length, 'unterminated string');
			}
			cur += sql.slice(i, j + 1);
			i = j;
		} else if (c === '-' && sql[i + 1] === '-') {
			while (i < sql.length && sql[i] !== '\n')
				i++;
		} else if (c === ';') {
			if (cur.trim())
				out.push(cur.trim());
			cur = '';
		} else {
			cur += c;
		}
	}
	return out;
}

/** The tuples of a VALUES list: strings, numbers, null, or { ref, slug } for (SELECT id FROM t WHERE slug = 'x'). */
function tuples(s) {
	const rows = [];
	let i = 0, row = null;
	const ws = () => { while (/\s/.test(s[i] ?? '')) i++; };
	for (;;) {
		ws();
		if (i >= s.length)
			return rows;
		if (row === null) {
			assert.equal(s[i], '(', `expected a tuple at ${s.slice(i, i + 30)}`);
			row = [];
			i++;
			continue;
		}
		if (s[i] === "'") {
			let v = '';
			for (i++; !(s[i] === "'" && s[i + 1] !== "'"); i++) {
				if (s[i] === '\\') { v += { n: '\n', t: '\t' }[s[++i]] ?? s[i]; continue; }
				if (s[i] === "'") { v += "'"; i++; continue; }
				v += s[i];
			}
			i++;
			row.push(v);
		} else if (s[i] === '(') {
			const m = /^\(SELECT id FROM (\w+) WHERE slug = '([^']*)'\)/.exec(s.slice(i));
			assert.ok(m, `a sub-select these tests do not read: ${s.slice(i, i + 60)}`);
			row.push({ ref: m[1], slug: m[2] });
			i += m[0].length;
		} else {
			const m = /^(NULL|-?\d+)/i.exec(s.slice(i));
			assert.ok(m, `a value these tests do not read: ${s.slice(i, i + 30)}`);
			row.push(/^null$/i.test(m[1]) ? null : Number(m[1]));
			i += m[0].length;
		}
		ws();
		if (s[i] === ',') { i++; continue; }
		assert.equal(s[i], ')', `expected , or ) at ${s.slice(i, i + 30)}`);
		i++;
		rows.push(row);
		row = null;
		ws();
		if (s[i] === ',')
			i++;
	}
}

const FILES = [`${ROOT}/sql/seed/005_committees.sql`, `${ROOT}/sql/demo/003_demo_committees.sql`];

function load() {
	const t = {};
	const committeeBySlug = new Map(data.committees.map((c) => [c.slug, c]));
	const resolve = (v) => {
		if (v === null || typeof v !== 'object')
			return v;
		const map = v.ref === 'committees' ? committeeBySlug : v.ref === 'technoparks' ? data.tpBySlug : null;
		const r = map?.get(v.slug);
		assert.ok(r, `no ${v.ref} ${v.slug}`);
		return r.id;
	};
	for (const f of FILES) {
		for (const st of statements(readFileSync(f, 'utf8'))) {
			let m = /^INSERT INTO (\w+) \(([^)]*)\)\s*VALUES\s*([\s\S]*)$/i.exec(st);
			if (m) {
				const cols = m[2].split(',').map((c) => c.trim());
				for (const vals of tuples(m[3]))
					(t[m[1]] ??= []).push(Object.fromEntries(cols.map((c, k) => [c, resolve(vals[k])])));
				continue;
			}
			m = /^UPDATE committee_members SET person_id = \(SELECT id FROM people WHERE email = '([^']+)' AND is_demo = 1\) WHERE id IN \(([\d, ]+)\)$/.exec(st);
			if (m) {
				const p = data.people.find((x) => x.email === m[1]);
				assert.ok(p, `no person ${m[1]}`);
				for (const id of m[2].split(',').map(Number))
					t.committee_members.find((s) => s.id === id).person_id = p.id;
				continue;
			}
			if (/^UPDATE committees SET composition = '([^']*)' WHERE slug = '([\w-]+)'$/.test(st)) {
				const [, comp, slug] = /^UPDATE committees SET composition = '([^']*)' WHERE slug = '([\w-]+)'$/.exec(st);
				committeeBySlug.get(slug).composition = comp;
				continue;
			}
			assert.ok(/^(SET|START|COMMIT)/i.test(st), `${f}: a statement these tests do not read: ${st.slice(0, 80)}`);
		}
	}
	for (const s of t.committee_members) {
		s.person_id ??= null;
		s.technopark_id ??= null;
		s.is_demo ??= 0;
	}
	return t;
}

export const T = load();
export const ROLES = ['chair', 'vice_chair', 'member', 'secretary'];
export const committee = (slug) => data.committees.find((c) => c.slug === slug) ?? assert.fail(`no committee ${slug}`);
const tpById = new Map(data.technoparks.map((tp) => [tp.id, tp]));
const personById = new Map(data.people.map((p) => [p.id, p]));

/* ---------------------------------------------------------------- time (Korean) */

/** Now in Korean time as "YYYY-MM-DD HH:MM:SS". */
export function nowKST() {
	return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
export const todayKST = () => nowKST().slice(0, 10);

/* ---------------------------------------------------------------- models */

/** Who holds seat s as the page names them: { name, tp (slug) or null, person or null }. */
export function holder(s) {
	if (s.technopark_id !== null) {
		const tp = tpById.get(s.technopark_id);
		return { name: tp.name_ko, tp: tp.slug, person: null };
	}
	const p = personById.get(s.person_id);
	return { name: p.visible === 1 ? p.name : null, tp: null, person: p };
}

const sortName = (s) => holder(s).tp !== null ? holder(s).name : holder(s).person.name;
const covers = (s, day) => (s.term_start === null || s.term_start <= day) && (s.term_end === null || s.term_end >= day);

/** The seats of committee slug held on day (YYYY-MM-DD): ORDER BY role, COALESCE(tp name, person name), id. */
export function seatsOn(slug, day) {
	const c = committee(slug);
	return T.committee_members.filter((s) => s.committee_id === c.id && covers(s, day))
	    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || cmp(sortName(a), sortName(b)) || a.id - b.id);
}

/** Every term of committee slug: ORDER BY term_start IS NOT NULL, term_start, role, name, id. */
export function terms(slug) {
	const c = committee(slug);
	return T.committee_members.filter((s) => s.committee_id === c.id)
	    .sort((a, b) => (a.term_start !== null) - (b.term_start !== null) || cmp(a.term_start ?? '', b.term_start ?? '') ||
		ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || cmp(sortName(a), sortName(b)) || a.id - b.id);
}

/** The demo meetings of committee slug: { upcoming (by start), past (newest first) } at now. */
export function meetingsOf(slug) {
	const c = committee(slug), now = nowKST();
	const all = T.committee_meetings.filter((m) => m.committee_id === c.id);
	return {
		upcoming: all.filter((m) => m.ends_at >= now).sort((a, b) => cmp(a.starts_at, b.starts_at) || a.id - b.id),
		past: all.filter((m) => m.ends_at < now).sort((a, b) => cmp(b.starts_at, a.starts_at) || b.id - a.id),
	};
}

export const meeting = (id) => T.committee_meetings.find((m) => m.id === id) ?? assert.fail(`no meeting ${id}`);
export const agendaOf = (id) => T.committee_agenda_items.filter((i) => i.meeting_id === id).sort((a, b) => a.position - b.position || a.id - b.id);
export function resolutionsOf(id) {
	const items = agendaOf(id);
	return T.committee_resolutions.filter((r) => items.some((i) => i.id === r.agenda_item_id))
	    .sort((a, b) => items.findIndex((i) => i.id === a.agenda_item_id) - items.findIndex((i) => i.id === b.agenda_item_id) || a.id - b.id);
}

/** The attendance lines of meeting id: seats held on its day or recorded, by role and name, with their record. */
export function attendanceOf(id) {
	const m = meeting(id), day = m.starts_at.slice(0, 10);
	const rec = new Map(T.committee_attendance.filter((a) => a.meeting_id === id).map((a) => [a.member_id, a]));
	return T.committee_members.filter((s) => s.committee_id === m.committee_id && (covers(s, day) || rec.has(s.id)))
	    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || cmp(sortName(a), sortName(b)) || a.id - b.id)
	    .map((s) => ({ seat: s, record: rec.get(s.id) ?? null }));
}

export const minutesOf = (id) => (T.committee_minutes ?? []).find((n) => n.meeting_id === id) ?? null;

/** Every resolution of committee slug, newest meeting first, filtered by year and outcome. */
export function allResolutions(slug, { year, outcome } = {}) {
	const c = committee(slug);
	const out = [];
	for (const m of T.committee_meetings.filter((x) => x.committee_id === c.id))
		for (const r of resolutionsOf(m.id))
			if ((!year || Number(m.starts_at.slice(0, 4)) === year) && (!outcome || r.outcome === outcome))
				out.push({ r, m, item: T.committee_agenda_items.find((i) => i.id === r.agenda_item_id) });
	return out.sort((a, b) => cmp(b.m.starts_at, a.m.starts_at) || b.m.id - a.m.id ||
	    a.item.position - b.item.position || a.r.id - b.r.id);
}

/** The seats a technopark holds today: its own and its visible people's. */
export function tpSeats(slug) {
	const tp = data.tpBySlug.get(slug), day = todayKST();
	return T.committee_members.filter((s) => covers(s, day) && (s.technopark_id === tp.id ||
	    (s.person_id !== null && personById.get(s.person_id).technopark_id === tp.id && personById.get(s.person_id).visible === 1)));
}

/* ---------------------------------------------------------------- page readers */

/** Rows of the first <table class="cls"> as arrays of cell texts (badges removed), or null. */
export function rowsOf(html, cls) {
	const t = new RegExp(`<table class="${cls}">([\\s\\S]*?)</table>`).exec(html);
	if (!t)
		return null;
	const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(t[1])?.[1] ?? '';
	return [...body.matchAll(/<tr(?:\s[^>]*)?>([\s\S]*?)<\/tr>/g)].map((r) =>
	    [...r[1].matchAll(/<t[hd](?:\s[^>]*)?>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
		text(c[1].replace(/<span class="badge[^"]*"[^>]*>[\s\S]*?<\/span>/g, ''))));
}

/** The raw cells of the first <table class="cls"> (HTML), or null. */
export function cellsOf(html, cls) {
	const t = new RegExp(`<table class="${cls}">([\\s\\S]*?)</table>`).exec(html);
	if (!t)
		return null;
	const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(t[1])?.[1] ?? '';
	return [...body.matchAll(/<tr(?:\s[^>]*)?>([\s\S]*?)<\/tr>/g)].map((r) =>
	    [...r[1].matchAll(/<t[hd](?:\s[^>]*)?>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]));
}

/** The text a seat's cell shows for seat s (see committee_macros.cs seat_name). */
export function seatText(s) {
	const h = holder(s);
	if (h.tp !== null)
		return `${h.name} (${L['committee.representative']})`;
	if (h.name === null)
		return L['committee.hidden'];
	const p = h.person;
	const org = p.tp ? p.tp.name_ko : data.association.name_ko;
	return `${p.name} (${org}${p.title ? ' ' + p.title : ''})`;
}

/** A term as the pages print it. */
export function termText(s) {
	if (s.term_start === null && s.term_end === null)
		return L['committee.term_unknown'];
	return `${s.term_start ?? L['committee.term_start_unknown']} ~${s.term_end ? ' ' + s.term_end : ''}`;
}

/** The votes cell text of resolution r. */
export function votesText(r) {
	if (r.votes_for === null && r.votes_against === null && r.votes_abstain === null)
		return L['committee.votes_unrecorded'];
	const v = (n) => (n === null ? '-' : String(n));
	return `${L['committee.votes_for']} ${v(r.votes_for)} · ${L['committee.votes_against']} ${v(r.votes_against)} · ` +
	    `${L['committee.votes_abstain']} ${v(r.votes_abstain)}`;
}

const DOW = ['일', '월', '화', '수', '목', '금', '토'];

/** "2027-03-16 (화) 14:00~16:00" for a meeting row of the SQL. */
export function whenText(m) {
	const d = new Date(`${m.starts_at.slice(0, 10)}T00:00:00Z`).getUTCDay();
	const endDate = m.ends_at.slice(0, 10) !== m.starts_at.slice(0, 10) ? m.ends_at.slice(0, 10) + ' ' : '';
	return `${m.starts_at.slice(0, 10)} (${L[`committee.dow.${d + 1}`] ?? DOW[d]}) ${m.starts_at.slice(11, 16)}~${endDate}${m.ends_at.slice(11, 16)}`;
}

/* ---------------------------------------------------------------- iCalendar */

const PYTHON = '/usr/bin/python3';

/** True when Debian's python3-icalendar is importable (installing it once with apt-get when it is not). */
export function haveIcalendar() {
	const ok = () => {
		try {
			execFileSync(PYTHON, ['-c', 'import icalendar'], { stdio: 'ignore', timeout: 20_000 });
			return true;
		} catch {
			return false;
		}
	};
	if (ok())
		return true;
	try {
		execFileSync('apt-get', ['install', '-y', '-o', 'DPkg::Lock::Timeout=300', 'python3-icalendar'],
		    { stdio: 'ignore', timeout: 300_000 });
	} catch {
		return false;
	}
	return ok();
}

/**
 * Parse calendar bytes with python3-icalendar; returns { calendar: {prop: value}, timezones: [...],
 * events: [{ UID, SUMMARY, DTSTART, DTSTART_TZID, DTEND, ..., SEQUENCE }] } with TEXT values unescaped.
 */
export function parseIcs(bytes) {
	const script = String.raw`
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
def val(v):
    if hasattr(v, 'dt'):
        d = v.dt
        return {'iso': d.isoformat(), 'tz': str(d.tzinfo) if getattr(d, 'tzinfo', None) else None,
                'tzid': v.params.get('TZID')}
    if isinstance(v, list):
        return [val(x) for x in v]
    if hasattr(v, 'cats'):
        return [str(c) for c in v.cats]
    return str(v)
out = {'calendar': {k: val(v) for k, v in cal.items()}, 'timezones': [], 'events': []}
for tz in cal.walk('VTIMEZONE'):
    out['timezones'].append({'TZID': str(tz['TZID']), 'parts': [{k: val(v) for k, v in p.items()} for p in tz.subcomponents]})
for ev in cal.walk('VEVENT'):
    out['events'].append({k: val(v) for k, v in ev.items()})
json.dump(out, sys.stdout, ensure_ascii=False)
`;
	return JSON.parse(execFileSync(PYTHON, ['-c', script], { input: bytes, encoding: 'utf8', timeout: 30_000 }));
}

/**
 * The physical lines of calendar bytes, checked as RFC 5545 wants them: CRLF line ends only, at most 75
 * octets a line, every line valid UTF-8 by itself (a fold never splits a character), continuation lines
 * starting with a space. Returns the unfolded logical lines (strings).
 */
export function checkLines(bytes, what) {
	const strict = new TextDecoder('utf-8', { fatal: true });
	const lines = [];
	let start = 0;
	assert.ok(bytes.length > 0, `${what}: empty`);
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] === 0x0a)
			assert.fail(`${what}: a bare LF at byte ${i}`);
		if (bytes[i] !== 0x0d)
			continue;
		assert.equal(bytes[i + 1], 0x0a, `${what}: a bare CR at byte ${i}`);
		const line = bytes.subarray(start, i);
		assert.ok(line.length <= 75, `${what}: line ${lines.length + 1} is ${line.length} octets long`);
		let s;
		try {
			s = strict.decode(line);
		} catch {
			assert.fail(`${what}: line ${lines.length + 1} is not valid UTF-8 by itself (a fold split a character)`);
		}
		lines.push(s);
		start = i + 2;
		i++;
	}
	assert.equal(start, bytes.length, `${what}: the last line has no CRLF`);
	const logical = [];
	for (const l of lines) {
		if (l.startsWith(' ') || l.startsWith('\t')) {
			assert.ok(logical.length > 0, `${what}: the first line is a continuation`);
			logical[logical.length - 1] += l.slice(1);
		} else {
			logical.push(l);
		}
	}
	return { physical: lines, logical };
}

/** Undo RFC 5545 TEXT escaping by hand (to compare with the parser's result). */
export function unescapeText(s) {
	return s.replace(/\\([\\;,nN])/g, (all, c) => (c === 'n' || c === 'N' ? '\n' : c));
}

export { decode };
