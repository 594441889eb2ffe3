/*
 * account.h - who is signed in: passwords (Argon2id), session tokens, roles, and the session and
 * sign-in-failure rows. Plain structs in and out; the HTTP side (cookies, CSRF) is http/auth.c.
 */
#ifndef TP_ACCOUNT_H
#define TP_ACCOUNT_H

#include <stddef.h>

struct conf;
#include "model/record.h"

struct db;

/* An account as the admin form edits it: display_name, role, technopark (slug), active ("1"/"0"), person
 * (the id of its entry in the people directory: that person's committee seats are the account's). */
#define ACCOUNT_NFIELDS	5
extern const struct record_desc user_record;

#define ACCOUNT_TOKEN_LEN	43	/* base64url of 32 random bytes, no padding */
#define ACCOUNT_HASH_LEN	64	/* hex of a 32-byte BLAKE2b digest */
#define ACCOUNT_PWHASH_LEN	128	/* crypto_pwhash_STRBYTES */
#define ACCOUNT_MIN_PASSWORD	10	/* characters */
#define ACCOUNT_MAX_PASSWORD	200

enum role { ROLE_STAFF, ROLE_MEMBER_ADMIN, ROLE_SECRETARIAT };

/* The signed-in user, loaded once per request with the session. */
struct session {
	long long	user_id;
	long long	technopark_id;		/* 0 unless a member admin */
	enum role	role;
	int		committee_secretary;	/* 1: secretary of at least one committee */
	char		login[241];
	char		display_name[241];
	char		tp_slug[41];
	char		csrf[ACCOUNT_TOKEN_LEN + 1];
	char		token_hash[ACCOUNT_HASH_LEN + 1];
};

/* Call once before threads start: initialises libsodium. 0 or TP_EFAIL. */
int		 account_init(void);

/* Pure helpers (unit-tested). */
/* A new random token: ACCOUNT_TOKEN_LEN base64url characters and a NUL. */
void		 account_new_token(char out[ACCOUNT_TOKEN_LEN + 1]);
/* 1 when t is a well-formed token (ACCOUNT_TOKEN_LEN base64url characters). */
int		 account_token_well_formed(const char *t);
/* Hex of the BLAKE2b-256 digest of token. */
void		 account_hash_token(const char *token, char out[ACCOUNT_HASH_LEN + 1]);
/* 1 when a and b are equal, compared in constant time for equal lengths. */
int		 account_equal(const char *a, const char *b);
/* Argon2id hash of password into out. 0, or TP_ENOMEM. */
int		 account_hash_password(const char *password, char out[ACCOUNT_PWHASH_LEN]);
/* 1 when password matches hash. Spends the same time when hash is NULL (unknown user). */
int		 account_check_password(const char *hash, const char *password);
/* 1 when role name is known; sets *r. */
int		 account_role_parse(const char *name, enum role *r);
const char	*account_role_name(enum role r);
/* 1 when the user of s may edit technopark tp_id's records (secretariat, or that technopark's admin). */
int		 account_may_edit_tp(const struct session *s, long long tp_id);

/* Rows (each returns 0 or a negative TP_E* code; core/err.h). */
/*
 * The live session whose token hashes to token_hash, into *s (*found 1), sliding its idle expiry at
 * most once a minute; *found 0 when there is none.
 */
int		 account_session_load(struct db *db, const struct conf *c, const char *token_hash,
		    struct session *s, int *found);
/*
 * What an attempt must pass before its password is hashed (Argon2id: 64 MiB and a CPU for a while):
 * enter(arg) returns 0 to go on, or a TP_E* code (TP_EBUSY: every sign-in slot in use); leave(arg)
 * runs after the hashing when enter returned 0. Either may be NULL.
 */
struct account_gate {
	int	(*enter)(void *arg);
	void	(*leave)(void *arg);
	void	 *arg;
};
/*
 * Check login/password from client address addr, within the throttle. *result: 0 right (then *uid, *role),
 * 1 wrong login or password, 2 throttled (then *wait: the seconds until the next attempt is checked). Sweeps ended sessions and old failures first. Only an attempt
 * the throttle lets through passes gate (NULL: none), and only for the user's row and the hashing; an
 * attempt the gate refuses checked no password, so it counts as no failure: its code is returned.
 */
int		 account_verify(struct db *db, const struct conf *c, const char *login, const char *password,
		    const char *addr, const struct account_gate *gate, long long *uid, enum role *role, int *result, long *wait);
/* Store a new session for uid: token_hash and its CSRF token; ends old_hash's session when not NULL. */
int		 account_session_start(struct db *db, const struct conf *c, const char *old_hash, long long uid,
		    const char *token_hash, const char *csrf);
/* End the session token_hash. */
int		 account_session_end(struct db *db, const char *token_hash);
/* End every session of uid but keep_hash's (after a password change). */
int		 account_end_other_sessions(struct db *db, long long uid, const char *keep_hash);

#endif
