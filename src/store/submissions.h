/*
 * submissions.h - one-time submission keys: a save's key row is written in the save's own transaction, so
 * that a second POST of the same form answers the first save's result and writes nothing (sql/010).
 */
#ifndef TP_SUBMISSIONS_H
#define TP_SUBMISSIONS_H

#include <stddef.h>

struct db;

/* Keys are good for this long; older rows are deleted by submissions_expire. */
#define SUBMISSION_TTL_HOURS	24

/* A submission's body hash: SUBMISSION_HASH_LEN hex characters of the fields sent (admin/save.c). */
#define SUBMISSION_HASH_LEN	16

/*
 * Claim key with body (the hash of the fields sent) for user_id inside the open transaction. 0: claimed
 * (the save goes on); 1: this form was sent already (a duplicate: roll back, then submissions_result);
 * DB_ERR otherwise (db_last_errno says whether to retry). A concurrent claim of the same key and body
 * waits until the first transaction ends.
 */
int	submissions_claim(struct db *db, const char *key, const char *body, long long user_id);
/* Record where the save answered (a 303's location), inside the same transaction. 0 or DB_ERR. */
int	submissions_done(struct db *db, const char *key, const char *body, const char *location);
/*
 * After a duplicate claim (outside the transaction): the first save's location into out (size bytes;
 * "" when that save gave none). 1 found, 0 not found (it rolled back meanwhile), DB_ERR.
 */
int	submissions_result(struct db *db, const char *key, const char *body, long long user_id, char *out,
	    size_t size);
/* Delete keys older than SUBMISSION_TTL_HOURS, a bounded batch. Rows deleted, or DB_ERR. */
long long submissions_expire(struct db *db);

#endif
