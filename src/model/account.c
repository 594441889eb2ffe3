/*
 * account.c - passwords (Argon2id), session tokens and the sessions and login_failures rows.
 *
 * libsodium does the cryptography: crypto_pwhash_str (Argon2id) for passwords, randombytes for
 * tokens, BLAKE2b for the stored token hash, sodium_memcmp for constant-time comparison. The
 * lifetimes and throttle limits are configuration (core/conf.h) and bound into the SQL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/conf.h"
#include "core/err.h"
#include "core/log.h"
#include "model/account.h"
#include "model/throttle.h"
#include "store/db.h"

static char dummy_hash[ACCOUNT_PWHASH_LEN];	/* verified against for unknown users: same time either way */

int
account_init(void)
{
	if (sodium_init() < 0) {
		log_err("account: libsodium did not initialise");
		return TP_EFAIL;
	}
	return account_hash_password("not a password: timing filler", dummy_hash);
}

void
account_new_token(char out[ACCOUNT_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, ACCOUNT_TOKEN_LEN + 1, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

int
account_token_well_formed(const char *t)
{
	size_t i;

	if (t == NULL || strlen(t) != ACCOUNT_TOKEN_LEN)
		return 0;
	for (i = 0; i < ACCOUNT_TOKEN_LEN; i++)
		if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z') ||
		    (t[i] >= '0' && t[i] <= '9') || t[i] == '-' || t[i] == '_'))
			return 0;
	return 1;
}

void
account_hash_token(const char *token, char out[ACCOUNT_HASH_LEN + 1])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, ACCOUNT_HASH_LEN + 1, h, sizeof(h));
}

int
account_equal(const char *a, const char *b)
{
	size_t n;

	if (a == NULL || b == NULL || (n = strlen(a)) != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

int
account_hash_password(const char *password, char out[ACCOUNT_PWHASH_LEN])
{
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : TP_ENOMEM;
}

int
account_check_password(const char *hash, const char *password)
{
	int ok = crypto_pwhash_str_verify(hash != NULL ? hash : dummy_hash, password, strlen(password)) == 0;

	return hash != NULL && ok;
}

static const char *const role_names[] = { "staff", "member_admin", "secretariat" };

int
account_role_parse(const char *name, enum role *r)
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
account_role_name(enum role r)
{
	return (unsigned)r < 3 ? role_names[r] : "?";
}

int
account_may_edit_tp(const struct session *s, long long tp_id)
{
	if (s == NULL)
		return 0;
	return s->role == ROLE_SECRETARIAT || (s->role == ROLE_MEMBER_ADMIN && s->technopark_id == tp_id && tp_id != 0);
}

/* ---------------------------------------------------------------- rows */

/* The session with its user, the committee-secretary flag for the admin link and the access
 * checks (so no page asks again), and whether its idle expiry is due to slide. */
static const char sql_session[] =
	"SELECT s.user_id, s.csrf_token, u.role, COALESCE(u.technopark_id, 0), u.login, u.display_name, "
	"t.slug, s.last_seen < NOW() - INTERVAL 60 SECOND AS stale, "
	"EXISTS (SELECT 1 FROM committee_secretaries cs WHERE cs.user_id = u.id) AS secretary "
	"FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN technoparks t ON t.id = u.technopark_id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW() AND s.last_seen > NOW() - INTERVAL ? MINUTE "
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
	if (!account_role_parse(db_col_text(st, 2), &s->role))
		s->role = ROLE_STAFF;
	s->technopark_id = db_col_int(st, 3);
	copy(s->login, sizeof(s->login), db_col_text(st, 4));
	copy(s->display_name, sizeof(s->display_name), db_col_text(st, 5));
	copy(s->tp_slug, sizeof(s->tp_slug), db_col_text(st, 6));
	s->committee_secretary = db_col_int(st, 8) != 0;
}

/* Run a write bound to up to two text values and an optional number (bound last when >= 0). */
static int
write_bound(struct db *db, const char *sql, const char *a, const char *b, long long n)
{
	struct db_stmt *st = db_prepare(db, sql);
	int i = 0;

	if (st == NULL)
		return db_err(db);
	if (a != NULL)
		db_bind_text(st, i++, a);
	if (b != NULL)
		db_bind_text(st, i++, b);
	if (n >= 0)
		db_bind_int(st, i, n);
	return db_write(st, NULL, NULL) == 0 ? 0 : db_err(db);
}

int
account_session_load(struct db *db, const struct conf *c, const char *token_hash, struct session *s, int *found)
{
	struct db_stmt *st = db_prepare(db, sql_session);
	int rc, stale = 0;

	*found = 0;
	if (st == NULL)
		return db_err(db);
	db_bind_text(st, 0, token_hash);
	db_bind_int(st, 1, c->session_idle_minutes);
	if ((rc = db_step(st)) == DB_ROW) {
		memset(s, 0, sizeof(*s));
		session_from_row(s, st);
		copy(s->token_hash, sizeof(s->token_hash), token_hash);
		stale = db_col_int(st, 7) != 0;
		*found = 1;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	/* slide the idle expiry, at most one write a minute per session */
	return stale ? write_bound(db, sql_touch, token_hash, NULL, -1) : 0;
}

/*
 * Sign-in throttling. Failures count per (login, client address) and per client address, never per
 * login alone: an attacker elsewhere can use up only their own attempts, not lock the owner out.
 * Up to the limit in the window an attempt is checked at once; past it, a progressive delay
 * (model/throttle.h): each further failure doubles the wait after the latest one (login_delay_seconds
 * up to login_delay_max_seconds), nothing is blocked for the window as a whole.
 * Each attempt first records itself, then counts what is recorded (its own row included), so that
 * the check and the count are one step: of any number of attempts at once, at most the limit see a
 * count within it and get their password checked, and past it at most one per wait (each sees the
 * others' rows as the latest). A throttled attempt takes its row out again (it checked no password,
 * and so does not lengthen the wait); a wrong password leaves it as the failure; a right one clears
 * the pair.
 */
static const char sql_attempt[] = "INSERT INTO login_failures (login, addr, at) VALUES (?, ?, NOW())";
/* per pair and per address: the failures in the window (this attempt's row included) and the seconds
 * since the latest other one (NULL: none) */
static const char sql_failures[] =
	"SELECT p.n, p.since, a.n, a.since FROM "
	"(SELECT COUNT(*) AS n, TIMESTAMPDIFF(SECOND, MAX(CASE WHEN id <> ? THEN at END), NOW()) AS since "
	"FROM login_failures WHERE login = ? AND addr = ? AND at > NOW() - INTERVAL ? MINUTE) p, "
	"(SELECT COUNT(*) AS n, TIMESTAMPDIFF(SECOND, MAX(CASE WHEN id <> ? THEN at END), NOW()) AS since "
	"FROM login_failures WHERE addr = ? AND at > NOW() - INTERVAL ? MINUTE) a";
static const char sql_drop_attempt[] = "DELETE FROM login_failures WHERE id = ?";
static const char sql_clear_failures[] = "DELETE FROM login_failures WHERE login = ? AND addr = ?";
static const char sql_user[] = "SELECT id, password_hash, role FROM users WHERE login = ? AND active = 1";
static const char sql_new_session[] =
	"INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen, expires_at) "
	"VALUES (?, ?, ?, NOW(), NOW(), NOW() + INTERVAL ? HOUR)";
static const char sql_end_session[] = "DELETE FROM sessions WHERE token_hash = ?";
static const char sql_sweep[] =
	"DELETE FROM sessions WHERE expires_at < NOW() OR last_seen < NOW() - INTERVAL ? MINUTE";
static const char sql_sweep_failures[] = "DELETE FROM login_failures WHERE at < NOW() - INTERVAL 1 DAY";

/* Record this attempt as a failure for now: its row's id into *id. */
static int
record_attempt(struct db *db, const char *login, const char *addr, long long *id)
{
	struct db_stmt *st = db_prepare(db, sql_attempt);
	unsigned long long n = 0;

	if (st == NULL)
		return db_err(db);
	db_bind_text(st, 0, login);
	db_bind_text(st, 1, addr);
	return db_write(st, &n, id) == 0 && n == 1 ? 0 : db_err(db);
}

/*
 * *result = 2 and *wait the seconds still to wait when (login, addr) or addr is past its limit in the
 * window and its latest other failure is more recent than the delay (this attempt counted, as attempt).
 */
static int
throttled(struct db *db, const struct conf *c, const char *login, const char *addr, long long attempt, int *result,
    long *wait)
{
	struct db_stmt *st = db_prepare(db, sql_failures);
	long pair, any;
	int rc;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, attempt);
	db_bind_text(st, 1, login);
	db_bind_text(st, 2, addr);
	db_bind_int(st, 3, c->login_window_minutes);
	db_bind_int(st, 4, attempt);
	db_bind_text(st, 5, addr);
	db_bind_int(st, 6, c->login_window_minutes);
	if ((rc = db_step(st)) == DB_ROW) {
		pair = throttle_wait(db_col_int(st, 0), c->login_max_failures, db_col_int_or(st, 1, -1), c->login_delay_seconds,
		    c->login_delay_max_seconds);
		any = throttle_wait(db_col_int(st, 2), c->login_max_failures_addr, db_col_int_or(st, 3, -1), c->login_delay_seconds,
		    c->login_delay_max_seconds);
		*wait = pair > any ? pair : any;
		if (*wait > 0)
			*result = 2;
	}
	db_reset(st);
	return rc == DB_ROW ? 0 : db_err(db);
}

/* *uid and *role: the user's when login/password are right; *uid 0 otherwise. */
static int
check_user(struct db *db, const char *login, const char *password, long long *uid, enum role *role)
{
	struct db_stmt *st = db_prepare(db, sql_user);
	char hash[ACCOUNT_PWHASH_LEN];
	int rc;

	*uid = 0;
	hash[0] = '\0';
	if (st == NULL)
		return db_err(db);
	db_bind_text(st, 0, login);
	if ((rc = db_step(st)) == DB_ROW) {
		*uid = db_col_int(st, 0);
		copy(hash, sizeof(hash), db_col_text(st, 1));
		if (!account_role_parse(db_col_text(st, 2), role))
			*role = ROLE_STAFF;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	if (!account_check_password(*uid ? hash : NULL, password))
		*uid = 0;
	return 0;
}

int
account_verify(struct db *db, const struct conf *c, const char *login, const char *password, const char *addr,
    const struct account_gate *gate, long long *uid, enum role *role, int *result, long *wait)
{
	long long attempt = 0;
	int rc;

	*result = 0;
	*uid = 0;
	*wait = 0;
	if ((rc = write_bound(db, sql_sweep, NULL, NULL, c->session_idle_minutes)) != 0 ||
	    (rc = write_bound(db, sql_sweep_failures, NULL, NULL, -1)) != 0 ||
	    (rc = record_attempt(db, login, addr, &attempt)) != 0)
		return rc;
	if ((rc = throttled(db, c, login, addr, attempt, result, wait)) != 0 || *result != 0)
		return rc != 0 ? rc : write_bound(db, sql_drop_attempt, NULL, NULL, attempt);
	/* the gate (the sign-in slots) only now: a throttled attempt never waits for, nor holds, a slot */
	if (gate != NULL && gate->enter != NULL && (rc = gate->enter(gate->arg)) != 0) {
		int drop = write_bound(db, sql_drop_attempt, NULL, NULL, attempt);

		return drop != 0 ? drop : rc;	/* no password checked: no failure either */
	}
	rc = check_user(db, login, password, uid, role);
	if (gate != NULL && gate->leave != NULL)
		gate->leave(gate->arg);
	if (rc != 0) {	/* no password checked (a statement stopped at its time limit): no failure */
		write_bound(db, sql_drop_attempt, NULL, NULL, attempt);
		return rc;
	}
	if (*uid == 0) {
		*result = 1;	/* the attempt's row stays: it is the failure */
		return 0;
	}
	return write_bound(db, sql_clear_failures, login, addr, -1);
}

int
account_session_start(struct db *db, const struct conf *c, const char *old_hash, long long uid,
    const char *token_hash, const char *csrf)
{
	struct db_stmt *st;
	int rc;

	/* whatever session the browser had ends: no fixation */
	if (old_hash != NULL && (rc = account_session_end(db, old_hash)) != 0)
		return rc;
	if ((st = db_prepare(db, sql_new_session)) == NULL)
		return db_err(db);
	db_bind_text(st, 0, token_hash);
	db_bind_int(st, 1, uid);
	db_bind_text(st, 2, csrf);
	db_bind_int(st, 3, c->session_max_hours);
	return db_write(st, NULL, NULL) == 0 ? 0 : db_err(db);
}

int
account_session_end(struct db *db, const char *token_hash)
{
	return write_bound(db, sql_end_session, token_hash, NULL, -1);
}

static const char sql_end_others[] = "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";

int
account_end_other_sessions(struct db *db, long long uid, const char *keep_hash)
{
	struct db_stmt *st = db_prepare(db, sql_end_others);

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, uid);
	db_bind_text(st, 1, keep_hash);
	return db_write(st, NULL, NULL) == 0 ? 0 : db_err(db);
}

/* ---------------------------------------------------------------- the record description */

static const char *const user_roles[] = { "secretariat", "member_admin", "staff", NULL };

/* An account as the admin form edits it (the login stays; the password is apart: page_admin_users.c). */
static const struct record_field user_record_fields[ACCOUNT_NFIELDS] = {
	{ "display_name",	FT_LINE, 1, 1, 60, NULL, "field.display_name", SHOW_TEXT, NULL },
	{ "role",		FT_ENUM, 1, 0, 0, user_roles, "field.role", SHOW_NAMES, NULL },
	{ "technopark",		FT_LINE, 0, 0, 40, NULL, "field.technopark", SHOW_NAMES, NULL },
	{ "active",		FT_BOOL, 0, 0, 0, NULL, "field.active", SHOW_YESNO, "0" },
	{ "person",		FT_INT, 0, 1, 4294967295LL, NULL, "field.person", SHOW_NAMES, NULL },
};

static const char sql_user_record[] =
	"SELECT u.id, u.version, COALESCE(u.technopark_id, 0), u.display_name, u.role, t.slug, u.active, u.person_id "
	"FROM users u LEFT JOIN technoparks t ON t.id = u.technopark_id WHERE u.id = ?";

static int
user_record_load(struct db *db, long long id, struct record_row *r)
{
	struct db_stmt *st = db_prepare(db, sql_user_record);
	int rc, i, bad = 0;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		r->id = db_col_int(st, 0);
		r->version = db_col_int(st, 1);
		r->owner = db_col_int(st, 2);
		r->n = ACCOUNT_NFIELDS;
		for (i = 0; i < 3; i++) {
			const char *v = db_col_text(st, 3 + i);

			if (v != NULL && *v != '\0' && (r->v[i] = strdup(v)) == NULL)
				bad = 1;
		}
		if ((r->v[3] = strdup(db_col_int(st, 6) ? "1" : "0")) == NULL)
			bad = 1;
		if (!db_col_isnull(st, 7) && (r->v[4] = strdup(db_col_text(st, 7))) == NULL)
			bad = 1;
	}
	db_reset(st);
	if (rc == DB_ERR || bad) {
		record_row_free(r);
		return -1;
	}
	return rc == DB_ROW;
}

static const char sql_tp_name[] = "SELECT name_ko FROM technoparks WHERE slug = ?";
/* A person as the conflict page and the audit log name them: "name (organisation)". */
static const char sql_person_name[] =
	"SELECT CONCAT(p.name, ' (', COALESCE(t.name_ko, a.name_ko), ')') FROM people p "
	"LEFT JOIN technoparks t ON t.id = p.technopark_id JOIN association a ON a.id = 1 WHERE p.id = ?";

/* A technopark's name for its slug, a person's for their id; roles are words of the language file (-1). */
static int
user_record_names(struct db *db, const char *field, const char *slug, char *out, size_t size)
{
	struct db_stmt *st;
	int rc, person = strcmp(field, "person") == 0;

	if ((!person && strcmp(field, "technopark") != 0) ||
	    (st = db_prepare(db, person ? sql_person_name : sql_tp_name)) == NULL)
		return -1;
	db_bind_text(st, 0, slug);
	if ((rc = db_step(st)) == DB_ROW)
		snprintf(out, size, "%s", db_col_text(st, 0) != NULL ? db_col_text(st, 0) : slug);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

const struct record_desc user_record = {
	"user", "users", "id", "version",
	"the secretariat (ACC_SECRETARIAT)",
	"/admin/users/{id}",
	user_record_fields, ACCOUNT_NFIELDS,
	user_record_load, NULL, user_record_names
};
