/*
 * mail.h - messages built with GMime from ClearSilver templates: templates/mail/<kind>.subject.cs
 * and <kind>.txt.cs (rendered without escaping: they are plain text) and <kind>.html.cs (escaped
 * like every page), put together as multipart/alternative, with an iTIP text/calendar part when the
 * message carries one. Headers with Korean text are encoded by GMime (RFC 2047). Also the reading
 * side of the local sink's Maildir, for /admin/mail.
 */
#ifndef TP_MAIL_H
#define TP_MAIL_H

#include <stddef.h>

#include "core/buf.h"

/* Call once in main before threads start (g_mime_init). */
void	mail_init(void);
void	mail_shutdown(void);

/* What one message is made of. The parameters go into the templates as Mail.<name>; three have a
 * meaning of their own: unsubscribe_url (List-Unsubscribe and List-Unsubscribe-Post headers),
 * ical and ical_method (a text/calendar; method=<ical_method> part, RFC 6047). */
struct mail_input {
	const char		*kind;
	const char		*token;		/* the Message-ID is <token@domain> */
	const char		*domain;
	const char		*from_addr;
	const char		*from_name;	/* NULL: none */
	const char		*to_addr;
	const char		*to_name;	/* NULL: none */
	const char		*base_url;	/* Mail.base_url in the templates */
	const char *const	*names;
	const char *const	*values;
	size_t			 n;
	long long		 date;		/* seconds since the epoch; 0: now */
};

/* Compose the message as RFC 5322 text with CRLF line ends, appended to out. 0, or -1 (logged: a
 * missing template, no memory). */
int	mail_compose(const struct mail_input *in, struct buf *out);

/* One received message as /admin/mail shows it. Strings are malloc'd: free with mail_summary_free. */
struct mail_summary {
	char	*file;		/* the Maildir file name */
	char	*subject;	/* decoded */
	char	*from;		/* decoded, "name <addr>" */
	char	*to;
	char	*date;		/* as in the header */
	char	*message_id;
	char	*text;		/* the text/plain part, decoded */
	char	*calendar;	/* the text/calendar method, or NULL */
	long long mtime;
};

/* The newest (at most max) messages of the Maildir at dir (its new/ and cur/), newest first, into
 * *out (an array of *n, freed with mail_summaries_free). 0, or -1 (logged). */
int	mail_read_maildir(const char *dir, size_t max, struct mail_summary **out, size_t *n);
void	mail_summaries_free(struct mail_summary *s, size_t n);

#endif
