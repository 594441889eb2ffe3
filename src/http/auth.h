/*
 * auth.h - the signed-in user of a request: the session cookie, signing in and out, and the CSRF
 * check on state-changing requests. Passwords, tokens and the session rows are model/account.c.
 */
#ifndef TP_AUTH_H
#define TP_AUTH_H

#include "http/request.h"
#include "model/account.h"

#define AUTH_COOKIE		"tp_session"

/* 1 when next is a safe local redirect target ("/..." but not "//..." nor containing "\\"). */
int		 auth_safe_next(const char *next);

/* Request-level (use the database). Each returns 0 or a negative TP_E* code (core/err.h). */
/* Load rq->session from the cookie when it names a live session; slide its idle expiry. */
int		 auth_load(struct request *rq);
/*
 * Check login/password and start a session (new token: no fixation) with its cookie.
 * *result: 0 signed in (*role: the account's), 1 wrong login or password, 2 throttled (rq->retry_after:
 * the seconds until an attempt from this address is checked again). The sign-in
 * slot (max_login, http/admission.h) is held only while the password is hashed, after the throttle:
 * TP_EBUSY when every slot is in use (nothing counted against the user).
 */
int		 auth_login(struct request *rq, const char *login, const char *password, enum role *role, int *result);
/* Take a sign-in slot around other Argon2id work (a password changed or set): 0, or TP_EBUSY. */
int		 auth_hash_enter(struct request *rq);
/* Give the slot back (early: the request's end would too). */
void		 auth_hash_leave(struct request *rq);
/* End the current session server-side and clear the cookie. */
int		 auth_logout(struct request *rq);
/* End every session of the user but the current one (after a password change). */
int		 auth_end_other_sessions(struct request *rq);
/* TP_EDENIED unless the request's Origin (or Referer) is the portal's own base_url; and, with
 * need_token, unless the "csrf" parameter equals the session's token. */
int		 auth_csrf_check(struct request *rq, int need_token);
/* 1 when the signed-in user may edit technopark tp_id's records. */
int		 auth_may_edit_tp(const struct request *rq, long long tp_id);

#endif
