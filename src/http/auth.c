/*
 * auth.c - passwords (Argon2id), server-side sessions, login throttling and the CSRF check.
 *
 * libsodium does the cryptography: crypto_pwhash_str (Argon2id) for passwords, randombytes for
 * tokens, BLAKE2b for the stored token hash, sodium_memcmp for constant-time comparison.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "http/auth.h"
#include "core/conf.h"
#include "store/db.h"
#include "core/log.h"

#define IDLE_MINUTES		60	/* a session unused this long ends */
#define MAX_HOURS		12	/* a session ends this long after sign-in, used or not */
#define FAIL_WINDOW_MINUTES	15
#define FAIL_MAX_LOGIN		5	/* failures per login name in the window */
#define FAIL_MAX_ADDR		50	/* failures per client address in the window */

static char dummy_hash[AUTH_PWHASH_LEN];	/* verified against for unknown users: same time either way */

int
auth_init(void)
{
	if (sodium_init() < 0) {
		log_err("auth: libsodium did not initialise");
		return -1;
	}
	return auth_hash_password("not a password: timing filler", dummy_hash);
}

void
auth_new_token(char out[AUTH_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, AUTH_TOKEN_LEN + 1, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

void
auth_hash_token(const char *token, char out[AUTH_HASH_LEN + 1])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, AUTH_HASH_LEN + 1, h, sizeof(h));
}

int
auth_equal(const char *a, const char *b)
{
	size_t n;

	if (a == NULL || b == NULL || (n = strlen(a)) != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

int
auth_hash_password(const char *password, char out[AUTH_PWHASH_LEN])
{
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int
auth_check_password(const char *hash, const char *password)
{
	int ok = crypto_pwhash_str_verify(hash != NULL ? hash : dummy_hash, password, strlen(password)) == 0;

	return hash != NULL && ok;
}

static const char *const role_names[] = { "staff", "member_admin", "secretariat" };

int
auth_role_parse(const char *name, enum role *r)
{
	int i;

	for (i = 0; i < 3; i++)
		if (name != NULL && strcmp(name, role_names[i]) == 0) {
			*r = (enum role)i;
			return 1;
		}
	return 0;
}

const char *
auth_role_name(enum role r)
{
	return (unsigned)r < 3 ? role_names[r] : "?";
}

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

/* A cookie token is exactly AUTH_TOKEN_LEN base64url characters. */
static int
token_well_formed(const char *t)
{
	size_t i;

	if (t == NULL || strlen(t) != AUTH_TOKEN_LEN)
		return 0;
	for (i = 0; i < AUTH_TOKEN_LEN; i++)
		if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z') ||
		    (t[i] >= '0' && t[i] <= '9') || t[i] == '-' || t[i] == '_'))
			return 0;
	return 1;
}

static const char sql_session[] =
	"SELECT s.user_id, s.csrf_token, u.role, COALESCE(u.technopark_id, 0), u.login, u.display_name, "
	"t.slug, s.last_seen < NOW() - INTERVAL 60 SECOND AS stale "
	"FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN technoparks t ON t.id = u.technopark_id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW() AND s.last_seen > NOW() - INTERVAL 60 MINUTE "
	"AND u.active = 1";
static const char sql_touch[] = "UPDATE sessions SET last_seen = NOW() WHERE token_hash = ?";

static void
copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src != NULL ? src : "");
}

/* Fill a session from sql_session's current row. */
static void
session_from_row(struct session *s, const struct db_stmt *st)
{
	s->user_id = db_col_int(st, 0);
	copy(s->csrf, sizeof(s->csrf), db_col_text(st, 1));
	if (!auth_role_parse(db_col_text(st, 2), &s->role))
		s->role = ROLE_STAFF;
	s->technopark_id = db_col_int(st, 3);
	copy(s->login, sizeof(s->login), db_col_text(st, 4));
	copy(s->display_name, sizeof(s->display_name), db_col_text(st, 5));
	copy(s->tp_slug, sizeof(s->tp_slug), db_col_text(st, 6));
}

int
auth_load(struct request *rq)
{
	const char *token = request_cookie(rq, AUTH_COOKIE);
	char hash[AUTH_HASH_LEN + 1];
	struct db_stmt *st;
	struct session *s;
	int rc, stale = 0;

	if (!token_well_formed(token))
		return 0;
	auth_hash_token(token, hash);
	if ((st = db_prepare(rq->db, sql_session)) == NULL)
		return db_status(rq->db);
	db_bind_text(st, 0, hash);
	if ((rc = db_step(st)) == DB_ROW && (s = calloc(1, sizeof(*s))) != NULL) {
		session_from_row(s, st);
		copy(s->token_hash, sizeof(s->token_hash), hash);
		stale = db_col_int(st, 7) != 0;
		rq->session = s;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_status(rq->db);
	if (stale) {	/* slide the idle expiry, at most one write a minute per session */
		if ((st = db_prepare(rq->db, sql_touch)) == NULL)
			return db_status(rq->db);
		db_bind_text(st, 0, hash);
		rc = db_step(st);
		db_reset(st);
		if (rc == DB_ERR)
			return db_status(rq->db);
	}
	return 0;
}

/* Run a write bound to up to three text values. 0 or an HTTP status. */
static int
write3(struct request *rq, const char *sql, const char *a, const char *b, const char *c)
{
	struct db_stmt *st = db_prepare(rq->db, sql);
	int rc, i = 0;

	if (st == NULL)
		return db_status(rq->db);
	if (a != NULL)
		db_bind_text(st, i++, a);
	if (b != NULL)
		db_bind_text(st, i++, b);
	if (c != NULL)
		db_bind_text(st, i, c);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? 0 : db_status(rq->db);
}

static const char sql_failures[] =
	"SELECT (SELECT COUNT(*) FROM login_failures WHERE login = ? AND at > NOW() - INTERVAL 15 MINUTE), "
	"(SELECT COUNT(*) FROM login_failures WHERE addr = ? AND at > NOW() - INTERVAL 15 MINUTE)";
static const char sql_fail[] = "INSERT INTO login_failures (login, addr, at) VALUES (?, ?, NOW())";
static const char sql_user[] = "SELECT id, password_hash FROM users WHERE login = ? AND active = 1";
static const char sql_new_session[] =
	"INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen, expires_at) "
	"VALUES (?, ?, ?, NOW(), NOW(), NOW() + INTERVAL 12 HOUR)";
static const char sql_end_session[] = "DELETE FROM sessions WHERE token_hash = ?";
static const char sql_sweep[] =
	"DELETE FROM sessions WHERE expires_at < NOW() OR last_seen < NOW() - INTERVAL 60 MINUTE";
static const char sql_sweep_failures[] = "DELETE FROM login_failures WHERE at < NOW() - INTERVAL 1 DAY";
static const char sql_clear_failures[] = "DELETE FROM login_failures WHERE login = ?";

static int
throttled(struct request *rq, const char *login, int *result)
{
	struct db_stmt *st = db_prepare(rq->db, sql_failures);
	const char *addr = rq->remote_addr ? rq->remote_addr : "-";
	int rc;

	if (st == NULL)
		return db_status(rq->db);
	db_bind_text(st, 0, login);
	db_bind_text(st, 1, addr);
	if ((rc = db_step(st)) == DB_ROW &&
	    (db_col_int(st, 0) >= FAIL_MAX_LOGIN || db_col_int(st, 1) >= FAIL_MAX_ADDR))
		*result = 2;
	db_reset(st);
	return rc == DB_ROW ? 0 : db_status(rq->db);
}

/* The user's id when login/password are right, else 0. */
static int
verify(struct request *rq, const char *login, const char *password, long long *uid)
{
	struct db_stmt *st = db_prepare(rq->db, sql_user);
	char hash[AUTH_PWHASH_LEN];
	int rc;

	*uid = 0;
	hash[0] = '\0';
	if (st == NULL)
		return db_status(rq->db);
	db_bind_text(st, 0, login);
	if ((rc = db_step(st)) == DB_ROW) {
		*uid = db_col_int(st, 0);
		copy(hash, sizeof(hash), db_col_text(st, 1));
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_status(rq->db);
	if (!auth_check_password(*uid ? hash : NULL, password))
		*uid = 0;
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
		return 500;
	}
	return 0;
}

static int
start_session(struct request *rq, long long uid)
{
	char token[AUTH_TOKEN_LEN + 1], hash[AUTH_HASH_LEN + 1], csrf[AUTH_TOKEN_LEN + 1];
	const char *old = request_cookie(rq, AUTH_COOKIE);
	struct db_stmt *st;
	int rc;

	if (token_well_formed(old)) {	/* whatever session the browser had ends: no fixation */
		auth_hash_token(old, hash);
		if ((rc = write3(rq, sql_end_session, hash, NULL, NULL)) != 0)
			return rc;
	}
	auth_new_token(token);
	auth_new_token(csrf);
	auth_hash_token(token, hash);
	if ((st = db_prepare(rq->db, sql_new_session)) == NULL)
		return db_status(rq->db);
	db_bind_text(st, 0, hash);
	db_bind_int(st, 1, uid);
	db_bind_text(st, 2, csrf);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_status(rq->db);
	rc = set_cookie(rq, token, 0);
	sodium_memzero(token, sizeof(token));
	return rc;
}

int
auth_login(struct request *rq, const char *login, const char *password, int *result)
{
	long long uid;
	int rc;

	*result = 0;
	if ((rc = write3(rq, sql_sweep, NULL, NULL, NULL)) != 0 ||
	    (rc = write3(rq, sql_sweep_failures, NULL, NULL, NULL)) != 0 ||
	    (rc = throttled(rq, login, result)) != 0 || *result != 0)
		return rc;
	if ((rc = verify(rq, login, password, &uid)) != 0)
		return rc;
	if (uid == 0) {
		*result = 1;
		return write3(rq, sql_fail, login, rq->remote_addr ? rq->remote_addr : "-", NULL);
	}
	if ((rc = write3(rq, sql_clear_failures, login, NULL, NULL)) != 0)
		return rc;
	log_info("auth: %s signed in", login);
	return start_session(rq, uid);
}

int
auth_logout(struct request *rq)
{
	int rc;

	if (rq->session != NULL &&
	    (rc = write3(rq, sql_end_session, rq->session->token_hash, NULL, NULL)) != 0)
		return rc;
	return set_cookie(rq, "", 1);
}

static const char sql_end_others[] = "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";

int
auth_end_other_sessions(struct request *rq)
{
	struct db_stmt *st = db_prepare(rq->db, sql_end_others);
	int rc;

	if (st == NULL || rq->session == NULL)
		return st == NULL ? db_status(rq->db) : 0;
	db_bind_int(st, 0, rq->session->user_id);
	db_bind_text(st, 1, rq->session->token_hash);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? 0 : db_status(rq->db);
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
			return 403;
	} else if (rq->referer == NULL || !same_origin_url(rq->referer, base))
		return 403;
	if (!need_token)
		return 0;
	if (rq->session == NULL || !auth_equal(rq->csrf, rq->session->csrf))
		return 403;
	return 0;
}

int
auth_may_edit_tp(const struct request *rq, long long tp_id)
{
	const struct session *s = rq->session;

	if (s == NULL)
		return 0;
	return s->role == ROLE_SECRETARIAT || (s->role == ROLE_MEMBER_ADMIN && s->technopark_id == tp_id && tp_id != 0);
}
