/* ical.c - RFC 5545 text: TEXT escaping, 75-octet folding on UTF-8 character boundaries, date-times. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "view/ical.h"

/* Asia/Seoul has kept +09:00 without daylight saving since 1988. */
const char ical_vtimezone_seoul[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:Asia/Seoul\r\n"
	"BEGIN:STANDARD\r\n"
	"DTSTART:19700101T000000\r\n"
	"TZOFFSETFROM:+0900\r\n"
	"TZOFFSETTO:+0900\r\n"
	"TZNAME:KST\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

int
ical_escape_text(struct buf *out, const char *s)
{
	const char *run = s;
	int rc = 0;

	/* Copy runs of plain bytes at once; handle the few special ones on their own. */
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != 0x7F && c != '\\' && c != ';' && c != ',')
			continue;
		if (c == '\t')
			continue;
		rc |= buf_append(out, run, (size_t)(s - run));
		if (c == '\\' || c == ';' || c == ',') {
			char esc[2] = { '\\', (char)c };

			rc |= buf_append(out, esc, 2);
		} else if (c == '\r' || c == '\n') {
			rc |= buf_append(out, "\\n", 2);
			if (c == '\r' && s[1] == '\n')
				s++;
		}
		/* any other control character is dropped */
		run = s + 1;
	}
	rc |= buf_append(out, run, (size_t)(s - run));
	return rc ? -1 : 0;
}

/* The length of the longest prefix of s[0..len) that fits in room octets and ends on a character boundary. */
static size_t
fit(const char *s, size_t len, size_t room)
{
	size_t n;

	if (len <= room)
		return len;
	n = room;
	/* Back off while the byte after the cut continues a character. */
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	/* Not UTF-8 at all (more than room continuation bytes): cut anyway rather than loop. */
	return n > 0 ? n : room;
}

int
ical_fold(struct buf *out, const char *line, size_t len)
{
	size_t room = ICAL_LINE_MAX, n;
	int rc = 0;

	if (memchr(line, '\r', len) != NULL || memchr(line, '\n', len) != NULL)
		return -1;
	do {
		n = fit(line, len, room);
		rc |= buf_append(out, line, n);
		rc |= buf_append(out, "\r\n", 2);
		line += n;
		len -= n;
		if (len > 0)
			rc |= buf_append(out, " ", 1);
		room = ICAL_LINE_MAX - 1;	/* the leading space of a continuation line counts */
	} while (len > 0 && rc == 0);
	return rc ? -1 : 0;
}

/* Build "name:" + value (escaped or not) in a scratch buffer, then fold it into out. */
static int
prop(struct buf *out, const char *name, const char *value, int text)
{
	struct buf line = { 0 };
	int rc = 0;

	rc |= buf_puts(&line, name);
	rc |= buf_append(&line, ":", 1);
	if (value != NULL)
		rc |= text ? ical_escape_text(&line, value) : buf_puts(&line, value);
	if (rc == 0)
		rc = ical_fold(out, line.data, line.len);
	buf_free(&line);
	return rc ? -1 : 0;
}

int
ical_text_prop(struct buf *out, const char *name, const char *value)
{
	return prop(out, name, value, 1);
}

int
ical_raw_prop(struct buf *out, const char *name, const char *value)
{
	return prop(out, name, value, 0);
}

/* 1 when s[0..n) are all ASCII digits. */
static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
ical_local_datetime(const char *s, char out[16])
{
	size_t len = s != NULL ? strlen(s) : 0;

	/* "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" */
	if ((len != 16 && len != 19) || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2) || s[10] != ' ' || !digits(s + 11, 2) || s[13] != ':' ||
	    !digits(s + 14, 2) || (len == 19 && (s[16] != ':' || !digits(s + 17, 2))))
		return -1;
	memcpy(out, s, 4);
	memcpy(out + 4, s + 5, 2);
	memcpy(out + 6, s + 8, 2);
	out[8] = 'T';
	memcpy(out + 9, s + 11, 2);
	memcpy(out + 11, s + 14, 2);
	if (len == 19)
		memcpy(out + 13, s + 17, 2);
	else
		memcpy(out + 13, "00", 2);
	out[15] = '\0';
	return 0;
}

int
ical_utc_datetime(long long epoch, char out[17])
{
	time_t t = (time_t)epoch;
	struct tm tm;

	if (epoch < 0 || gmtime_r(&t, &tm) == NULL || tm.tm_year + 1900 > 9999)
		return -1;
	return strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm) == 16 ? 0 : -1;
}
