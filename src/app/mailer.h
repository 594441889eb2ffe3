/*
 * mailer.h - the delivery worker: one thread per tpportal process with its own database connection
 * that takes due outbox messages (store/outbox.h), composes each (view/mail.h) and hands it to the
 * relay (app/smtp.h). Several processes may run one each: SKIP LOCKED gives each message to one.
 */
#ifndef TP_MAILER_H
#define TP_MAILER_H

struct conf;

#define MAILER_POLL_MS	1000	/* look at the outbox this often */
#define MAILER_LEASE_S	600	/* a message 'sending' this long belongs to a process that stopped */

/* Start the thread when smtp_url is set (without it mail waits in the outbox: logged). 0 or -1. */
int	mailer_start(const struct conf *c);
/* Stop after the message being sent, and wait. */
void	mailer_stop(void);
/* The host of base_url ("portal.example"), for Message-IDs and the default From. Pure; exported for tests. */
void	mailer_host_of(const char *base_url, char *host, unsigned long n);

#endif
