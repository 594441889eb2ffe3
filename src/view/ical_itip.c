/* ical_itip.c - a meeting as an iTIP REQUEST or CANCEL (view/ical_itip.h). */
#include <stdio.h>
#include <string.h>

#include "view/ical.h"
#include "view/ical_itip.h"


/* A CN parameter value: quoted, without the characters a quoted parameter may not hold. */
static void
cn(char *out, size_t n, const char *name)
{
	size_t i, k = 0;

	for (i = 0; name != NULL && name[i] != '\0' && k + 1 < n; i++)
		if (name[i] != '"' && (unsigned char)name[i] >= ' ')
			out[k++] = name[i];
	out[k] = '\0';
}

int
ical_itip(struct buf *out, const struct itip *t)
{
	char start[16], end[16], stamp[17], line[1200], name[300];
	int cancel = strcmp(t->method, "CANCEL") == 0, rc = 0;

	if (ical_local_datetime(t->start, start) != 0 || ical_local_datetime(t->end, end) != 0 ||
	    ical_utc_datetime(t->stamp, stamp) != 0)
		return -1;
	rc |= buf_puts(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Korea Technopark Association//tpportal//KO\r\n"
	    "CALSCALE:GREGORIAN\r\n");
	rc |= ical_raw_prop(out, "METHOD", cancel ? "CANCEL" : "REQUEST");
	rc |= buf_puts(out, ical_vtimezone_seoul);
	rc |= buf_puts(out, "BEGIN:VEVENT\r\n");
	rc |= ical_text_prop(out, "UID", t->uid);
	rc |= ical_raw_prop(out, "SEQUENCE", t->sequence);
	rc |= ical_raw_prop(out, "DTSTAMP", stamp);
	rc |= ical_raw_prop(out, "DTSTART;TZID=Asia/Seoul", start);
	rc |= ical_raw_prop(out, "DTEND;TZID=Asia/Seoul", end);
	rc |= ical_text_prop(out, "SUMMARY", t->summary);
	if (t->location != NULL && *t->location != '\0')
		rc |= ical_text_prop(out, "LOCATION", t->location);
	if (t->description != NULL)
		rc |= ical_text_prop(out, "DESCRIPTION", t->description);
	rc |= ical_raw_prop(out, "URL", t->url);
	rc |= ical_raw_prop(out, "STATUS", cancel ? "CANCELLED" : "CONFIRMED");
	cn(name, sizeof(name), t->organizer_name);
	snprintf(line, sizeof(line), "ORGANIZER%s%s%s:mailto:%s", name[0] ? ";CN=\"" : "", name, name[0] ? "\"" : "",
	    t->organizer_addr);
	rc |= ical_fold(out, line, strlen(line));
	cn(name, sizeof(name), t->attendee_name);
	snprintf(line, sizeof(line), "ATTENDEE%s%s%s;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=%s:mailto:%s",
	    name[0] ? ";CN=\"" : "", name, name[0] ? "\"" : "", cancel ? "FALSE" : "TRUE", t->attendee_addr);
	rc |= ical_fold(out, line, strlen(line));
	rc |= buf_puts(out, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	return rc ? -1 : 0;
}
