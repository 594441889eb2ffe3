/*
 * account_mail.h - what accounts do by mail (sql/016_account_mail.sql, docs/email.md): an address that
 * is confirmed before it is used, and the self-service password reset. Links hold a random 256-bit
 * token (account_new_token); only its hash is stored. Each function that mails queues the message in
 * its own transaction (store/outbox.h), so a failure sends nothing.
 */
#ifndef TP_ACCOUNT_MAIL_H
#define TP_ACCOUNT_MAIL_H

#include "model/account.h"

struct conf;
struct db;

#define ACCOUNT_EMAIL_MAX	254
#define ACCOUNT_RESET_MINUTES	30	/* a reset link's life */
#define ACCOUNT_CONFIRM_HOURS	24	/* an address confirmation link's life */

/* uid's address and the one waiting for confirmation ("" for none). 0, TP_ENOTFOUND or TP_E*. */
int	account_email_get(struct db *db, long long uid, char email[ACCOUNT_EMAIL_MAX + 1],
	    char pending[ACCOUNT_EMAIL_MAX + 1]);
/*
 * Ask for uid's address to become new_email (checked by the caller as an address): a confirmation link
 * to the new address, and a notice to the old one when there is one; by_uid asked (uid itself or the
 * secretariat), recorded in the audit log. Returns 0, TP_EINVALID when another account has the
 * address (*taken 1) or it is uid's own already (*taken 0), or TP_E*.
 */
int	account_email_change(struct db *db, const struct conf *c, long long uid, const char *new_email,
	    long long by_uid, int *taken);
/* Confirm with the token of a confirmation link: the address becomes uid's. 1 done (*uid set), 0 the
 * link is not valid (unknown, used, replaced, expired, or the address was taken meanwhile), or TP_E*. */
int	account_email_confirm(struct db *db, const char *token, long long *uid);

/*
 * A reset request for email from client address addr. Counted whether or not an account has that
 * address, and throttled as sign-ins are (model/account.c, the progressive delay of model/throttle.h):
 * past login_max_failures for one address from one client, login_max_failures_addr from one client, or
 * login_max_failures_addr for one address from anywhere (an inbox is not flooded from many clients)
 * within login_window_minutes, each further request waits twice as long after the latest (from
 * login_delay_seconds up to login_delay_max_seconds). When one active account has the address and the
 * request is let through, a reset link is mailed (a newer link voids the older). *wait: 0, or the
 * seconds still to wait (nothing mailed, and the request not counted). The caller answers the same for
 * a known and an unknown address. 0 or TP_E*.
 */
int	account_reset_request(struct db *db, const struct conf *c, const char *email, const char *addr,
	    long *wait);
/* 1 when token is a reset link that can still be used (*uid set), 0 when not, or TP_E*. */
int	account_reset_check(struct db *db, const char *token, long long *uid);
/* Use a reset link: the new password is set, the link deleted, every session of the user ended,
 * audited. 1 done (*uid set), 0 the link is not valid, or TP_E*. */
int	account_reset_use(struct db *db, const char *token, const char *password, long long *uid);

#endif
