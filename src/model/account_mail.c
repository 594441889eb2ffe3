/*
 * account_mail.c - confirmed addresses and the password reset (model/account_mail.h). A link's row
 * holds the hash of its token and a fingerprint of the password hash at the time: a reset link dies
 * with any later password change, wherever it was made.
 */
#include <stdio.h>
#include <string.h>

#include "core/conf.h"
#include "core/err.h"
#include "model/account.h"
#include "model/account_mail.h"
#include "model/throttle.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/outbox.h"

static const char sql_get[] =
	"SELECT u.email, (SELECT t.email FROM account_tokens t WHERE t.user_id = u.id AND t.purpose = 'confirm_email' "
	"AND t.expires_at > NOW()) FROM users u WHERE u.id = ?";
static const char sql_user[] =
	"SELECT login, display_name, email, password_hash FROM users WHERE id = ?";
static const char sql_owner[] = "SELECT id FROM users WHERE email = ?";
static const char sql_by_email[] =
	"SELECT id FROM users WHERE email = ? AND active = 1";
static const char sql_put_token[] =
	"REPLACE INTO account_tokens (user_id, purpose, token_hash, email, pw_fingerprint, created_at, expires_at) "
	"VALUES (?, ?, ?, ?, ?, NOW(), NOW() + INTERVAL ? MINUTE)";
static const char sql_find_token[] =
	"SELECT t.user_id, t.email, t.pw_fingerprint, u.password_hash FROM account_tokens t "
	"JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.purpose = ? AND t.expires_at > NOW() "
	"AND u.active = 1 FOR UPDATE";
static const char sql_drop_token[] = "DELETE FROM account_tokens WHERE user_id = ? AND purpose = ?";
static const char sql_set_email[] = "UPDATE users SET email = ?, version = version + 1 WHERE id = ?";
static const char sql_set_hash[] = "UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?";
/* per (address, client), per client and per address: the requests in the window (this one's row included)
 * and the seconds since the latest other one (NULL: none) */
#define RESET_COUNT(where) \
	"(SELECT COUNT(*) AS n, TIMESTAMPDIFF(SECOND, MAX(CASE WHEN id <> ? THEN at END), NOW()) AS since " \
	"FROM reset_requests WHERE " where " AND at > NOW() - INTERVAL ? MINUTE)"
static const char sql_reset_count[] =
	"SELECT p.n, p.since, a.n, a.since, e.n, e.since FROM " RESET_COUNT("email = ? AND addr = ?") " p, "
	RESET_COUNT("addr = ?") " a, " RESET_COUNT("email = ?") " e";
static const char sql_reset_drop[] = "DELETE FROM reset_requests WHERE id = ?";
static const char sql_reset_note[] = "INSERT INTO reset_requests (email, addr, at) VALUES (?, ?, NOW())";
static const char sql_reset_sweep[] = "DELETE FROM reset_requests WHERE at < NOW() - INTERVAL 1 DAY";

struct user {
	char	login[241];
	char	name[241];
	char	email[ACCOUNT_EMAIL_MAX + 1];
	char	pwhash[ACCOUNT_PWHASH_LEN + 1];
};

static void
copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src != NULL ? src : "");
}

int
account_email_get(struct db *db, long long uid, char email[ACCOUNT_EMAIL_MAX + 1], char pending[ACCOUNT_EMAIL_MAX + 1])
{
	struct db_stmt *st = db_prepare(db, sql_get);
	int rc;

	email[0] = pending[0] = '\0';
	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, uid);
	if ((rc = db_step(st)) == DB_ROW) {
		copy(email, ACCOUNT_EMAIL_MAX + 1, db_col_text(st, 0));
		copy(pending, ACCOUNT_EMAIL_MAX + 1, db_col_text(st, 1));
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	return rc == DB_ROW ? 0 : TP_ENOTFOUND;
}

static int
load_user(struct db *db, long long uid, struct user *u)
{
	struct db_stmt *st = db_prepare(db, sql_user);
	int rc;

	memset(u, 0, sizeof(*u));
	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, uid);
	if ((rc = db_step(st)) == DB_ROW) {
		copy(u->login, sizeof(u->login), db_col_text(st, 0));
		copy(u->name, sizeof(u->name), db_col_text(st, 1));
		copy(u->email, sizeof(u->email), db_col_text(st, 2));
		copy(u->pwhash, sizeof(u->pwhash), db_col_text(st, 3));
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	return rc == DB_ROW ? 0 : TP_ENOTFOUND;
}

/* The first column of sql's first row bound to one text; 0 when no row. */
static int
id_of(struct db *db, const char *sql, const char *text, long long *id)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc;

	*id = 0;
	if (st == NULL)
		return db_err(db);
	db_bind_text(st, 0, text);
	if ((rc = db_step(st)) == DB_ROW)
		*id = db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ERR ? db_err(db) : 0;
}

/* A new link for uid and purpose (voiding the older one); the token for the URL into token. */
static int
new_link(struct db *db, long long uid, const char *purpose, const char *email, const char *pwhash, int minutes,
    char token[ACCOUNT_TOKEN_LEN + 1])
{
	char hash[ACCOUNT_HASH_LEN + 1], fp[ACCOUNT_HASH_LEN + 1];
	struct db_stmt *st = db_prepare(db, sql_put_token);

	if (st == NULL)
		return db_err(db);
	account_new_token(token);
	account_hash_token(token, hash);
	account_hash_token(pwhash, fp);
	db_bind_int(st, 0, uid);
	db_bind_text(st, 1, purpose);
	db_bind_text(st, 2, hash);
	db_bind_text(st, 3, email);
	db_bind_text(st, 4, fp);
	db_bind_int(st, 5, minutes);
	return db_write(st, NULL, NULL) == 0 ? 0 : db_err(db);
}

static int
queue(struct db *db, const char *kind, const char *to, const char *name, const struct outbox_param *p, size_t n)
{
	int rc = outbox_queue(db, kind, to, name, p, n, NULL);

	return rc == 0 ? 0 : rc == TP_EINVALID ? TP_EINVALID : db_err(db);
}

int
account_email_change(struct db *db, const struct conf *c, long long uid, const char *new_email, long long by_uid,
    int *taken)
{
	char token[ACCOUNT_TOKEN_LEN + 1], url[600];
	struct user u;
	long long owner, change;
	int rc;

	*taken = 0;
	if (db_begin(db) != 0)
		return db_err(db);
	if ((rc = load_user(db, uid, &u)) != 0 || (rc = id_of(db, sql_owner, new_email, &owner)) != 0)
		goto fail;
	if (owner != 0) {
		*taken = owner != uid;
		rc = TP_EINVALID;
		goto fail;
	}
	if ((rc = new_link(db, uid, "confirm_email", new_email, u.pwhash, ACCOUNT_CONFIRM_HOURS * 60, token)) != 0)
		goto fail;
	snprintf(url, sizeof(url), "%s/account/email/confirm?token=%s", c->base_url, token);
	{
		const struct outbox_param confirm[] = { { "confirm_url", url }, { "new_email", new_email },
			{ "login", u.login }, { "hours", "24" } };
		const struct outbox_param notice[] = { { "new_email", new_email }, { "login", u.login },
			{ "by_self", by_uid == uid ? "1" : "0" } };

		if ((rc = queue(db, "email_confirm", new_email, u.name, confirm, 4)) != 0 ||
		    (u.email[0] != '\0' && (rc = queue(db, "email_notice", u.email, u.name, notice, 3)) != 0))
			goto fail;
	}
	if (audit_change(db, by_uid, "email_request", "user", uid, 0, NULL, &change) != 0 ||
	    audit_field(db, change, "email_pending", NULL, new_email) != 0 || db_commit(db) != 0) {
		rc = db_err(db);
		goto fail;
	}
	return 0;
fail:
	db_rollback(db);
	return rc;
}

/* The live link with token for purpose, locked: *uid, its email, and whether the password is unchanged. */
static int
find_link(struct db *db, const char *token, const char *purpose, long long *uid, char email[ACCOUNT_EMAIL_MAX + 1],
    int *pw_same)
{
	char hash[ACCOUNT_HASH_LEN + 1], fp[ACCOUNT_HASH_LEN + 1];
	struct db_stmt *st;
	int rc;

	*uid = 0;
	*pw_same = 0;
	email[0] = '\0';
	if (!account_token_well_formed(token))
		return 0;
	account_hash_token(token, hash);
	if ((st = db_prepare(db, sql_find_token)) == NULL)
		return db_err(db);
	db_bind_text(st, 0, hash);
	db_bind_text(st, 1, purpose);
	if ((rc = db_step(st)) == DB_ROW) {
		*uid = db_col_int(st, 0);
		copy(email, ACCOUNT_EMAIL_MAX + 1, db_col_text(st, 1));
		account_hash_token(db_col_text(st, 3) != NULL ? db_col_text(st, 3) : "", fp);
		*pw_same = account_equal(fp, db_col_text(st, 2) != NULL ? db_col_text(st, 2) : "");
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(db) : 0;
}

static int
drop_link(struct db *db, long long uid, const char *purpose)
{
	struct db_stmt *st = db_prepare(db, sql_drop_token);

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, uid);
	db_bind_text(st, 1, purpose);
	return db_write(st, NULL, NULL) == 0 ? 0 : db_err(db);
}

int
account_email_confirm(struct db *db, const char *token, long long *uid)
{
	char email[ACCOUNT_EMAIL_MAX + 1];
	struct user u;
	struct db_stmt *st;
	long long owner, change;
	int rc, same;

	if (db_begin(db) != 0)
		return db_err(db);
	if ((rc = find_link(db, token, "confirm_email", uid, email, &same)) != 0 || *uid == 0)
		goto out;
	if ((rc = id_of(db, sql_owner, email, &owner)) != 0 || (rc = load_user(db, *uid, &u)) != 0)
		goto out;
	if ((rc = drop_link(db, *uid, "confirm_email")) != 0)
		goto out;
	if (owner != 0) {	/* another account took the address meanwhile: the link is spent */
		*uid = 0;
		rc = db_commit(db) == 0 ? 0 : db_err(db);
		return rc;
	}
	if ((st = db_prepare(db, sql_set_email)) == NULL) {
		rc = db_err(db);
		goto out;
	}
	db_bind_text(st, 0, email);
	db_bind_int(st, 1, *uid);
	if (db_write(st, NULL, NULL) != 0 || audit_change(db, *uid, "email_confirm", "user", *uid, 0, NULL, &change) != 0 ||
	    audit_field(db, change, "email", u.email[0] ? u.email : NULL, email) != 0 || db_commit(db) != 0) {
		rc = db_err(db);
		goto out;
	}
	return 1;
out:
	db_rollback(db);
	if (rc == 0)
		*uid = 0;
	return rc;
}

/*
 * The wait for request row id of email from addr (model/throttle.h): the longest of its three counts'.
 * Read after the row was committed, as sign-ins are counted (model/account.c): of requests at once,
 * each later one sees the earlier ones' rows. 0 or a TP_E* code.
 */
static int
reset_wait(struct db *db, const struct conf *c, const char *email, const char *addr, long long id, long *wait)
{
	struct db_stmt *st = db_prepare(db, sql_reset_count);
	long w[3];
	int rc, i;

	*wait = 0;
	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, id);
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, addr);
	db_bind_int(st, 3, c->login_window_minutes);
	db_bind_int(st, 4, id);
	db_bind_text(st, 5, addr);
	db_bind_int(st, 6, c->login_window_minutes);
	db_bind_int(st, 7, id);
	db_bind_text(st, 8, email);
	db_bind_int(st, 9, c->login_window_minutes);
	if ((rc = db_step(st)) == DB_ROW) {
		const long long limit[3] = { c->login_max_failures, c->login_max_failures_addr, c->login_max_failures_addr };

		for (i = 0; i < 3; i++) {
			w[i] = throttle_wait(db_col_int(st, 2 * i), limit[i], db_col_int_or(st, 2 * i + 1, -1), c->login_delay_seconds,
			    c->login_delay_max_seconds);
			if (w[i] > *wait)
				*wait = w[i];
		}
	}
	db_reset(st);
	return rc == DB_ROW ? 0 : db_err(db);
}

int
account_reset_request(struct db *db, const struct conf *c, const char *email, const char *addr, long *wait)
{
	char token[ACCOUNT_TOKEN_LEN + 1], url[600], minutes[8];
	struct db_stmt *st;
	struct user u;
	long long uid, id = 0;
	int rc;

	*wait = 0;
	/* the request's row first, on its own (committed at once): the count that follows sees it and every
	 * request before it, so that the check and the count are one step */
	if ((st = db_prepare(db, sql_reset_sweep)) == NULL || db_write(st, NULL, NULL) != 0 ||
	    (st = db_prepare(db, sql_reset_note)) == NULL)
		return db_err(db);
	db_bind_text(st, 0, email);
	db_bind_text(st, 1, addr);
	if (db_write(st, NULL, &id) != 0)
		return db_err(db);
	if ((rc = reset_wait(db, c, email, addr, id, wait)) != 0)
		return rc;
	if (*wait > 0) {	/* not let through: nothing mailed, and not counted (it would lengthen the wait) */
		if ((st = db_prepare(db, sql_reset_drop)) == NULL)
			return db_err(db);
		db_bind_int(st, 0, id);
		return db_write(st, NULL, NULL) == 0 ? 0 : db_err(db);
	}
	if (db_begin(db) != 0)
		return db_err(db);
	if ((rc = id_of(db, sql_by_email, email, &uid)) != 0)
		goto fail;
	if (uid != 0) {
		if ((rc = load_user(db, uid, &u)) != 0 ||
		    (rc = new_link(db, uid, "reset_password", email, u.pwhash, ACCOUNT_RESET_MINUTES, token)) != 0)
			goto fail;
		snprintf(url, sizeof(url), "%s/password/reset?token=%s", c->base_url, token);
		snprintf(minutes, sizeof(minutes), "%d", ACCOUNT_RESET_MINUTES);
		{
			const struct outbox_param p[] = { { "reset_url", url }, { "login", u.login },
				{ "minutes", minutes } };

			if ((rc = queue(db, "password_reset", email, u.name, p, 3)) != 0)
				goto fail;
		}
	}
	return db_commit(db) == 0 ? 0 : db_err(db);
fail:
	db_rollback(db);
	return rc;
}

int
account_reset_check(struct db *db, const char *token, long long *uid)
{
	char email[ACCOUNT_EMAIL_MAX + 1];
	int rc, same;

	if ((rc = find_link(db, token, "reset_password", uid, email, &same)) != 0)
		return rc;
	if (!same)
		*uid = 0;
	return *uid != 0;
}

int
account_reset_use(struct db *db, const char *token, const char *password, long long *uid)
{
	char email[ACCOUNT_EMAIL_MAX + 1], hash[ACCOUNT_PWHASH_LEN];
	struct db_stmt *st;
	long long change;
	int rc, same;

	if (account_hash_password(password, hash) != 0)
		return TP_ENOMEM;
	if (db_begin(db) != 0)
		return db_err(db);
	if ((rc = find_link(db, token, "reset_password", uid, email, &same)) != 0 || *uid == 0)
		goto out;
	if ((rc = drop_link(db, *uid, "reset_password")) != 0)
		goto out;
	if (!same) {	/* the password changed since the link was made: the link is void */
		*uid = 0;
		return db_commit(db) == 0 ? 0 : db_err(db);
	}
	if ((st = db_prepare(db, sql_set_hash)) == NULL) {
		rc = db_err(db);
		goto out;
	}
	db_bind_text(st, 0, hash);
	db_bind_int(st, 1, *uid);
	if (db_write(st, NULL, NULL) != 0 || (rc = account_end_other_sessions(db, *uid, "")) != 0 ||
	    audit_change(db, *uid, "password_reset", "user", *uid, 0, NULL, &change) != 0 || db_commit(db) != 0) {
		rc = rc != 0 ? rc : db_err(db);
		goto out;
	}
	return 1;
out:
	db_rollback(db);
	if (rc == 0)
		*uid = 0;
	return rc;
}
