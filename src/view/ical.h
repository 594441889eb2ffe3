/*
 * ical.h - the text layer of iCalendar (RFC 5545): TEXT escaping, content-line folding at 75 octets
 * that never splits a UTF-8 character, and date-time values. Pure functions over struct buf.
 */
#ifndef TP_ICAL_H
#define TP_ICAL_H

#include <stddef.h>

#include "core/buf.h"

#define ICAL_LINE_MAX	75	/* octets of one physical line, the CRLF not counted (RFC 5545 3.1) */

/* The VTIMEZONE of Asia/Seoul, which the feeds and the mailed invitations declare (CRLF lines). */
extern const char ical_vtimezone_seoul[];

/*
 * Append s as an iCalendar TEXT value: backslash, semicolon and comma get a backslash before them,
 * each line end (CRLF, CR or LF) becomes the two characters \n, and other control characters (all
 * but tab) are dropped, since TEXT may not hold them. Returns 0, or -1 when memory runs out.
 */
int	ical_escape_text(struct buf *out, const char *s);

/*
 * Append one logical content line of len bytes, folded: every physical line holds at most
 * ICAL_LINE_MAX octets, a continuation line starts with one space (which counts), no fold falls
 * inside a UTF-8 sequence, and each physical line ends with CRLF. Returns 0, or -1 when the line
 * holds a CR or LF (it must be escaped first) or memory runs out.
 */
int	ical_fold(struct buf *out, const char *line, size_t len);

/* Append the property "name:value", value escaped as TEXT, folded. name may carry parameters. 0 or -1. */
int	ical_text_prop(struct buf *out, const char *name, const char *value);

/* Append "name:value" for a value that is not TEXT (a date-time, a number, a URI), folded. 0 or -1. */
int	ical_raw_prop(struct buf *out, const char *name, const char *value);

/*
 * A local date-time "YYYY-MM-DD HH:MM[:SS]" (as MariaDB prints a DATETIME) as the iCalendar form
 * "YYYYMMDDTHHMMSS" in out (16 bytes with the NUL). Returns 0, or -1 when s has another shape.
 */
int	ical_local_datetime(const char *s, char out[16]);

/* Seconds since the epoch as a UTC date-time "YYYYMMDDTHHMMSSZ" in out (17 bytes with the NUL). 0 or -1. */
int	ical_utc_datetime(long long epoch, char out[17]);

#endif
