/* auth.h - passwords, sessions and the signed-in user; the CSRF check on state-changing requests. */
#ifndef TP_AUTH_H
#define TP_AUTH_H

#include <stddef.h>

#include "http/request.h"

#define AUTH_COOKIE		"tp_session"
#define AUTH_TOKEN_LEN		43	/* base64url of 32 random bytes, no padding */
#define AUTH_HASH_LEN		64	/* hex of a 32-byte BLAKE2b digest */
#define AUTH_PWHASH_LEN		128	/* crypto_pwhash_STRBYTES */
#define AUTH_MIN_PASSWORD	10	/* characters */
#define AUTH_MAX_PASSWORD	200

enum role { ROLE_STAFF, ROLE_MEMBER_ADMIN, ROLE_SECRETARIAT };

struct session {
	long long	user_id;
	long long	technopark_id;		/* 0 unless a member admin */
	enum role	role;
	char		login[241];
	char		display_name[241];
	char		tp_slug[41];
	char		csrf[AUTH_TOKEN_LEN + 1];
	char		token_hash[AUTH_HASH_LEN + 1];
};

/* Call once before threads start: initialises libsodium. 0 or -1. */
int		 auth_init(void);

/* Pure helpers (unit-tested). */
/* A new random token: AUTH_TOKEN_LEN base64url characters and a NUL. */
void		 auth_new_token(char out[AUTH_TOKEN_LEN + 1]);
/* Hex of the BLAKE2b-256 digest of token. */
void		 auth_hash_token(const char *token, char out[AUTH_HASH_LEN + 1]);
/* 1 when a and b are equal, compared in constant time for equal lengths. */
int		 auth_equal(const char *a, const char *b);
/* Argon2id hash of password into out. 0, or -1 when memory runs out. */
int		 auth_hash_password(const char *password, char out[AUTH_PWHASH_LEN]);
/* 1 when password matches hash. Spends the same time when hash is NULL (unknown user). */
int		 auth_check_password(const char *hash, const char *password);
/* 1 when role name is known; sets *r. */
int		 auth_role_parse(const char *name, enum role *r);
const char	*auth_role_name(enum role r);
/* 1 when next is a safe local redirect target ("/..." but not "//..." nor containing "\\"). */
int		 auth_safe_next(const char *next);

/* Request-level (use the database). Each returns 0 or an HTTP status. */
/* Load rq->session from the cookie when it names a live session; slide its idle expiry. */
int		 auth_load(struct request *rq);
/*
 * Check login/password and start a session (new token: no fixation) with its cookie.
 * *result: 0 signed in, 1 wrong login or password, 2 throttled.
 */
int		 auth_login(struct request *rq, const char *login, const char *password, int *result);
/* End the current session server-side and clear the cookie. */
int		 auth_logout(struct request *rq);
/* End every session of the user but the current one (after a password change). */
int		 auth_end_other_sessions(struct request *rq);
/* 403 unless the request's Origin (or Referer) is the portal's own base_url; and, with
 * need_token, unless the "csrf" parameter equals the session's token. */
int		 auth_csrf_check(struct request *rq, int need_token);
/* 1 when the signed-in user may edit technopark tp_id's records. */
int		 auth_may_edit_tp(const struct request *rq, long long tp_id);

#endif
