#!/usr/bin/python3
"""mail_read.py - print the messages of a Maildir as JSON, read the way a mail client reads them.

Usage: tests/integration/mail_read.py MAILDIR [NAME...]
(NAMEs: only those files of MAILDIR/new and MAILDIR/cur; mail_box.mjs passes the ones it has not read yet)

Python's email package (policy.default: RFC 2047 words decoded, RFC 5322 parsing) reads each message;
python3-icalendar parses each text/calendar part. Debian's python (/usr/bin/python3), where
python3-icalendar is installed. The tests compare what this prints with what they expect.
"""
import email
import email.policy
import json
import os
import sys

import icalendar


def calendar(part):
    cal = icalendar.Calendar.from_ical(part.get_content())
    events = []
    for ev in cal.walk("VEVENT"):
        events.append({
            "uid": str(ev.get("UID")),
            "sequence": int(ev.get("SEQUENCE", 0)),
            "summary": str(ev.get("SUMMARY", "")),
            "status": str(ev.get("STATUS", "")),
            "dtstart": ev.decoded("DTSTART").isoformat() if ev.get("DTSTART") else None,
            "dtend": ev.decoded("DTEND").isoformat() if ev.get("DTEND") else None,
            "location": str(ev.get("LOCATION", "")),
            "organizer": str(ev.get("ORGANIZER", "")),
            "attendees": [str(a) for a in (ev.get("ATTENDEE") if isinstance(ev.get("ATTENDEE"), list)
                                           else [ev.get("ATTENDEE")] if ev.get("ATTENDEE") else [])],
        })
    return {"method": str(cal.get("METHOD", "")), "events": events}


def read(path, name):
    with open(path, "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0].decode("ascii", "replace")
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        p = {
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": part.get("Content-Transfer-Encoding"),
            "params": dict(part.get_params() or [])
        }
        if part.get_content_maintype() == "text":
            p["content"] = part.get_content()
        if part.get_content_type() == "text/calendar":
            p["calendar"] = calendar(part)
        parts.append(p)
    frm = msg["From"].addresses[0] if msg["From"] else None
    to = [{"name": a.display_name, "addr": a.addr_spec} for a in msg["To"].addresses] if msg["To"] else []
    return {
        "file": name,
        "raw_head": head,
        "subject": str(msg["Subject"]),
        "from": {"name": frm.display_name, "addr": frm.addr_spec} if frm else None,
        "to": to,
        "delivered_to": msg.get_all("Delivered-To") or [],
        "message_id": str(msg["Message-ID"]),
        "date": str(msg["Date"]),
        "type": msg.get_content_type(),
        "auto_submitted": msg.get("Auto-Submitted"),
        "list_unsubscribe": msg.get("List-Unsubscribe"),
        "list_unsubscribe_post": msg.get("List-Unsubscribe-Post"),
        "parts": parts,
        "defects": [str(d) for d in msg.defects],
    }


def main():
    box = sys.argv[1]
    only = set(sys.argv[2:])
    out = []
    for sub in ("new", "cur"):
        d = os.path.join(box, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.startswith(".") and (not only or name in only):
                out.append(read(os.path.join(d, name), name))
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
