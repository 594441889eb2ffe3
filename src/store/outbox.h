/*
 * outbox.h - the mail outbox (sql/015_outbox.sql): messages queued in the transaction of the change
 * that causes them, taken by the delivery worker (app/mailer.c) one at a time, marked before and after
 * each try. A message is a kind (its templates) and named parameters; it is composed at delivery.
 */
#ifndef TP_OUTBOX_H
#define TP_OUTBOX_H

#include <stddef.h>

struct db;

#define OUTBOX_MAX_PARAMS	24
#define OUTBOX_TOKEN_LEN	32	/* hex digits */

/* One named value of a message (name: a letter, then letters, digits or '_', at most 40 bytes). */
struct outbox_param {
	const char	*name;
	const char	*value;
};

/* A message taken for delivery, or listed. Strings are owned by it: free with outbox_msg_free. */
struct outbox_msg {
	long long	 id;
	char		 token[OUTBOX_TOKEN_LEN + 1];
	char		*kind;
	char		*to_addr;
	char		*to_name;	/* NULL: none */
	char		*state;
	int		 attempts;
	char		*next_try_at;	/* "YYYY-MM-DD HH:MM:SS" */
	char		*created_at;
	char		*answer;	/* NULL: none yet */
	struct outbox_param params[OUTBOX_MAX_PARAMS];
	size_t		 nparams;
};

/*
 * Queue one message: kind (the templates under templates/mail/), the recipient's address and name
 * (NULL: none) and n parameters. Call inside the transaction of the change that causes the message (a
 * rollback takes the message away too); outside one it is committed at once. Sets *id when not NULL.
 * Returns 0, TP_EINVALID for a bad kind, address or parameter name, or DB_ERR.
 */
int	outbox_queue(struct db *db, const char *kind, const char *to_addr, const char *to_name,
	    const struct outbox_param *params, size_t n, long long *id);

/*
 * Take the oldest due message no other process holds (FOR UPDATE SKIP LOCKED), mark it 'sending' and
 * count the try, committed before this returns: the row says a try began even if the process dies.
 * Returns 1 with *m filled (free with outbox_msg_free), 0 when nothing is due, DB_ERR.
 */
int	outbox_claim(struct db *db, struct outbox_msg *m);
/* After a try of a claimed message: delivered (the relay's answer), or not. A temporary failure waits
 * retry_seconds before the next try; a permanent one, or a try after the last, is marked 'failed'.
 * 0 or DB_ERR. */
int	outbox_mark_sent(struct db *db, long long id, const char *answer);
int	outbox_mark_retry(struct db *db, long long id, const char *answer, int retry_seconds);
int	outbox_mark_failed(struct db *db, long long id, const char *answer);
/* Messages left 'sending' for more than lease_seconds (their process stopped mid-send: they may have
 * been delivered) become 'failed' with a note saying so. Returns how many, or DB_ERR. */
int	outbox_reap_stale(struct db *db, int lease_seconds);

/* Seconds to wait before try number attempts + 1: base doubled per try made, at most max. Pure. */
int	outbox_backoff(int attempts, int base, int max);

/* Messages in state (NULL: all), newest first, at most limit; fn is called for each (m is freed after
 * it returns). Returns the count, or DB_ERR. */
int	outbox_list(struct db *db, const char *state, int limit,
	    int (*fn)(const struct outbox_msg *m, void *arg), void *arg);
/* How many messages are in state. >= 0, or DB_ERR. */
long long outbox_count(struct db *db, const char *state);
/* A failed message goes back to the queue, due now, with the same token (so the same Message-ID).
 * 1 when it was failed and is queued again, 0 when there is no failed message id, DB_ERR. */
int	outbox_retry(struct db *db, long long id);
/* Remove a message that is not being sent. 1 removed, 0 no such message (or it is 'sending'), DB_ERR. */
int	outbox_drop(struct db *db, long long id);
/* Read message id with its parameters. 1 found, 0 not, DB_ERR. */
int	outbox_get(struct db *db, long long id, struct outbox_msg *m);

void	outbox_msg_free(struct outbox_msg *m);

#endif
