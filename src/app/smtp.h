/* smtp.h - hand one composed message to the relay of smtp_url with libcurl's SMTP (docs/email.md). */
#ifndef TP_SMTP_H
#define TP_SMTP_H

#include <stddef.h>

struct conf;

struct smtp_result {
	int	permanent;	/* the relay refused with a 5xx: trying again will not help */
	char	answer[500];	/* the relay's last answer, or why it could not be reached */
};

/* Call once before threads start, and at the end. 0 or -1 (logged). */
int	smtp_init(void);
void	smtp_end(void);
/* Send msg (len bytes, CRLF lines) from from to to. 0 when the relay accepted it, -1 when not (r says why). */
int	smtp_send(const struct conf *c, const char *from, const char *to, const char *msg, size_t len,
	    struct smtp_result *r);

#endif
