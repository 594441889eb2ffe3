/*
 * ical_itip.h - one meeting as an iTIP message (RFC 5546) for mail (RFC 6047): METHOD:REQUEST for a
 * meeting scheduled or moved, METHOD:CANCEL for one cancelled, with the UID and SEQUENCE the .ics feeds
 * give the same meeting (pages/page_committees_ics.c), so a calendar updates the event it has.
 */
#ifndef TP_ICAL_ITIP_H
#define TP_ICAL_ITIP_H

#include "core/buf.h"

struct itip {
	const char	*method;	/* REQUEST or CANCEL */
	const char	*uid;
	const char	*sequence;	/* digits */
	const char	*start, *end;	/* local "YYYY-MM-DD HH:MM:SS" (Asia/Seoul) */
	const char	*summary;
	const char	*location;	/* NULL or "": none */
	const char	*url;
	const char	*description;
	const char	*organizer_addr, *organizer_name;
	const char	*attendee_addr, *attendee_name;
	long long	 stamp;		/* DTSTAMP, seconds since the epoch */
};

/* Append the VCALENDAR to out (CRLF lines, folded). 0, or -1 (a malformed time, no memory). */
int	ical_itip(struct buf *out, const struct itip *t);

#endif
