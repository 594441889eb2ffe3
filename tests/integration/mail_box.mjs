// mail_box.mjs - the local SMTP sink's Maildir as the tests read it: each message parsed once by
// mail_read.py (Python's email package, as a mail client reads it) and kept, so a test that polls
// for a message costs one directory listing and the new files only, however many messages the run
// has collected (parsing the whole Maildir on every poll took seconds once it held a few hundred).
// Used by the integration tests (mail_lib.mjs) and the browser tests; it imports nothing of either.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const READER = path.join(path.dirname(new URL(import.meta.url).pathname), 'mail_read.py');
const parsed = new Map();	// Maildir -> Map(file name -> message); a delivered message never changes

function names(maildir) {
	const out = [];
	for (const sub of ['new', 'cur']) {
		try {
			for (const n of readdirSync(path.join(maildir, sub)))
				if (!n.startsWith('.'))
					out.push(n);
		} catch (e) {
			if (e.code !== 'ENOENT')
				throw e;
		}
	}
	return out.sort();
}

/** Every message in maildir, parsed (see mail_read.py for the fields), oldest file name first. */
export function maildirMessages(maildir) {
	let known = parsed.get(maildir);
	if (!known)
		parsed.set(maildir, known = new Map());
	const all = names(maildir);
	const present = new Set(all);
	for (const n of known.keys())
		if (!present.has(n))
			known.delete(n);	/* removed by a test (or the sink's Maildir emptied) */
	const fresh = all.filter((n) => !known.has(n));
	for (let i = 0; i < fresh.length; i += 200) {
		const out = execFileSync('/usr/bin/python3', [READER, maildir, ...fresh.slice(i, i + 200)], {
			encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
		});
		for (const m of JSON.parse(out))
			known.set(m.file, m);
	}
	return all.filter((n) => known.has(n)).map((n) => known.get(n));
}
