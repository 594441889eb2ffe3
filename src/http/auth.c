/*
 * auth.c - the session cookie of a request, signing in and out, and the CSRF check.
 *
 * The rows and the cryptography are model/account.c; this file knows cookies, the client address
 * and the request's Origin, and nothing of SQL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/conf.h"
#include "core/err.h"
#include "core/log.h"
#include "http/admission.h"
#include "http/auth.h"

int
auth_safe_next(const char *next)
{
	size_t i;

	if (next == NULL || next[0] != '/' || next[1] == '/')
		return 0;
	for (i = 0; next[i] != '\0'; i++)	/* browsers drop tabs and newlines: "/\t/x" is "//x" */
		if ((unsigned char)next[i] < 0x20 || next[i] == 0x7f || next[i] == '\\')
			return 0;
	return 1;
}

int
auth_load(struct request *rq)
{
	const char *token = request_cookie(rq, AUTH_COOKIE);
	char hash[ACCOUNT_HASH_LEN + 1];
	struct session *s;
	int rc, found;

	if (rq->session != NULL || !account_token_well_formed(token))
		return 0;	/* loaded already (route_precheck), or no session to load */
	account_hash_token(token, hash);
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return TP_ENOMEM;
	if ((rc = account_session_load(rq->db, rq->conf, hash, s, &found)) != 0 || !found) {
		free(s);
		return rc;
	}
	rq->session = s;
	return 0;
}

static int
set_cookie(struct request *rq, const char *value, int clear)
{
	int secure = rq->https || strncmp(rq->conf->base_url, "https:", 6) == 0;

	free(rq->set_cookie);
	if (asprintf(&rq->set_cookie, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", AUTH_COOKIE, value,
	    clear ? "; Max-Age=0" : "", secure ? "; Secure" : "") < 0) {
		rq->set_cookie = NULL;
		return TP_ENOMEM;
	}
	return 0;
}

static int
start_session(struct request *rq, long long uid)
{
	char token[ACCOUNT_TOKEN_LEN + 1], hash[ACCOUNT_HASH_LEN + 1], old[ACCOUNT_HASH_LEN + 1];
	char csrf[ACCOUNT_TOKEN_LEN + 1];
	const char *cookie = request_cookie(rq, AUTH_COOKIE);
	int rc, had = account_token_well_formed(cookie);

	if (had)
		account_hash_token(cookie, old);
	account_new_token(token);
	account_new_token(csrf);
	account_hash_token(token, hash);
	if ((rc = account_session_start(rq->db, rq->conf, had ? old : NULL, uid, hash, csrf)) == 0)
		rc = set_cookie(rq, token, 0);
	sodium_memzero(token, sizeof(token));
	return rc;
}

static int
gate_enter(void *arg)
{
	return admission_enter(arg, ADMIT_LOGIN);
}

static void
gate_leave(void *arg)
{
	admission_leave(arg);
}

int
auth_hash_enter(struct request *rq)
{
	return admission_enter(rq, ADMIT_LOGIN);
}

void
auth_hash_leave(struct request *rq)
{
	admission_leave(rq);
}

int
auth_login(struct request *rq, const char *login, const char *password, enum role *role, int *result)
{
	const char *addr = rq->remote_addr ? rq->remote_addr : "-";
	const struct account_gate gate = { gate_enter, gate_leave, rq };
	long long uid;
	long wait;
	int rc;

	if ((rc = account_verify(rq->db, rq->conf, login, password, addr, &gate, &uid, role, result, &wait)) != 0)
		return rc;
	if (*result == 2)
		rq->retry_after = wait;
	if (*result != 0) {	/* the operator's view of an attack: who was tried, from where */
		log_info("auth: sign-in %s for %.60s from %s", *result == 2 ? "throttled" : "refused (wrong login or password)",
		    login, addr);
		return 0;
	}
	log_info("auth: %s signed in", login);
	return start_session(rq, uid);
}

int
auth_logout(struct request *rq)
{
	int rc;

	if (rq->session != NULL && (rc = account_session_end(rq->db, rq->session->token_hash)) != 0)
		return rc;
	return set_cookie(rq, "", 1);
}

int
auth_end_other_sessions(struct request *rq)
{
	if (rq->session == NULL)
		return 0;
	return account_end_other_sessions(rq->db, rq->session->user_id, rq->session->token_hash);
}

/* 1 when url is base itself or a page under it. */
static int
same_origin_url(const char *url, const char *base)
{
	size_t n = strlen(base);

	return strncmp(url, base, n) == 0 && (url[n] == '\0' || url[n] == '/');
}

int
auth_csrf_check(struct request *rq, int need_token)
{
	const char *base = rq->conf->base_url;

	if (rq->origin != NULL) {
		if (strcmp(rq->origin, base) != 0)
			return TP_EDENIED;
	} else if (rq->referer == NULL || !same_origin_url(rq->referer, base))
		return TP_EDENIED;
	if (!need_token)
		return 0;
	if (rq->session == NULL || !account_equal(rq->csrf, rq->session->csrf))
		return TP_EDENIED;
	return 0;
}

int
auth_may_edit_tp(const struct request *rq, long long tp_id)
{
	return account_may_edit_tp(rq->session, tp_id);
}
