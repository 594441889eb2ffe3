/* outbox.c - the mail outbox's rows: queue, claim, mark, list, retry, drop (store/outbox.h). */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "store/db.h"
#include "store/outbox.h"

static const char sql_insert[] =
	"INSERT INTO outbox (token, kind, to_addr, to_name) VALUES (?, ?, ?, ?)";
static const char sql_param[] =
	"INSERT INTO outbox_params (outbox_id, name, value) VALUES (?, ?, ?)";
/* The oldest due message nobody else holds; a second process skips the locked row and takes the next. */
static const char sql_due[] =
	"SELECT id FROM outbox WHERE state = 'queued' AND next_try_at <= NOW() "
	"ORDER BY next_try_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";
static const char sql_take[] =
	"UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_at = NOW() "
	"WHERE id = ? AND state = 'queued'";
#define MSG_COLS \
	"SELECT id, token, kind, to_addr, to_name, state, attempts, " \
	"DATE_FORMAT(next_try_at, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), answer " \
	"FROM outbox "
static const char sql_get[] = MSG_COLS "WHERE id = ?";
static const char sql_list_all[] = MSG_COLS "ORDER BY id DESC LIMIT ?";
static const char sql_list_state[] = MSG_COLS "WHERE state = ? ORDER BY id DESC LIMIT ?";
static const char sql_params[] =
	"SELECT name, value FROM outbox_params WHERE outbox_id = ? ORDER BY name";
static const char sql_sent[] =
	"UPDATE outbox SET state = 'sent', sent_at = NOW(), answer = LEFT(?, 500) WHERE id = ? AND state = 'sending'";
static const char sql_retry_later[] =
	"UPDATE outbox SET state = 'queued', answer = LEFT(?, 500), next_try_at = NOW() + INTERVAL ? SECOND "
	"WHERE id = ? AND state = 'sending'";
static const char sql_failed[] =
	"UPDATE outbox SET state = 'failed', answer = LEFT(?, 500) WHERE id = ? AND state = 'sending'";
static const char sql_reap[] =
	"UPDATE outbox SET state = 'failed', answer = LEFT(CONCAT('interrupted while sending (the process stopped); "
	"it may have been delivered: retry sends it again with the same Message-ID. Last answer: ', "
	"COALESCE(answer, 'none')), 500) "
	"WHERE state = 'sending' AND claimed_at < NOW() - INTERVAL ? SECOND";
static const char sql_count[] = "SELECT COUNT(*) FROM outbox WHERE state = ?";
static const char sql_requeue[] =
	"UPDATE outbox SET state = 'queued', next_try_at = NOW(), attempts = 0 WHERE id = ? AND state = 'failed'";
static const char sql_drop[] = "DELETE FROM outbox WHERE id = ? AND state <> 'sending'";

static int
name_ok(const char *s)
{
	size_t i;

	if (s == NULL || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return i <= 40;
}

/* An address the relay can take: one '@', no spaces or controls, at most 254 bytes. The forms check
 * addresses more strictly (model/); this keeps a header from ever being split. */
static int
addr_ok(const char *s)
{
	const char *at;
	size_t i;

	if (s == NULL || strlen(s) > 254 || (at = strchr(s, '@')) == NULL || at == s || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == '<' || s[i] == '>' || s[i] == ',' || s[i] == 0x7f)
			return 0;
	return 1;
}

int
outbox_queue(struct db *db, const char *kind, const char *to_addr, const char *to_name,
    const struct outbox_param *params, size_t n, long long *id)
{
	unsigned char raw[OUTBOX_TOKEN_LEN / 2];
	char token[OUTBOX_TOKEN_LEN + 1];
	struct db_stmt *st;
	long long row;
	size_t i;

	if (!name_ok(kind) || !addr_ok(to_addr) || n > OUTBOX_MAX_PARAMS ||
	    (to_name != NULL && (strchr(to_name, '\n') != NULL || strchr(to_name, '\r') != NULL)))
		return TP_EINVALID;
	for (i = 0; i < n; i++)
		if (!name_ok(params[i].name) || params[i].value == NULL)
			return TP_EINVALID;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(token, sizeof(token), raw, sizeof(raw));
	if ((st = db_prepare(db, sql_insert)) == NULL)
		return DB_ERR;
	db_bind_text(st, 0, token);
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, to_addr);
	db_bind_text(st, 3, to_name != NULL && *to_name != '\0' ? to_name : NULL);
	if (db_write(st, NULL, &row) != 0)
		return DB_ERR;
	for (i = 0; i < n; i++) {
		if ((st = db_prepare(db, sql_param)) == NULL)
			return DB_ERR;
		db_bind_int(st, 0, row);
		db_bind_text(st, 1, params[i].name);
		db_bind_text(st, 2, params[i].value);
		if (db_write(st, NULL, NULL) != 0)
			return DB_ERR;
	}
	if (id != NULL)
		*id = row;
	return 0;
}

void
outbox_msg_free(struct outbox_msg *m)
{
	size_t i;

	free(m->kind);
	free(m->to_addr);
	free(m->to_name);
	free(m->state);
	free(m->next_try_at);
	free(m->created_at);
	free(m->answer);
	for (i = 0; i < m->nparams; i++) {
		free((char *)(uintptr_t)m->params[i].name);
		free((char *)(uintptr_t)m->params[i].value);
	}
	memset(m, 0, sizeof(*m));
}

static char *
dup_col(const struct db_stmt *st, int i)
{
	const char *s = db_col_text(st, i);

	return s != NULL ? strdup(s) : NULL;
}

/* Fill m from the current row of a MSG_COLS statement. 0 or TP_ENOMEM. */
static int
read_msg(const struct db_stmt *st, struct outbox_msg *m)
{
	const char *token = db_col_text(st, 1);

	memset(m, 0, sizeof(*m));
	m->id = db_col_int(st, 0);
	snprintf(m->token, sizeof(m->token), "%s", token != NULL ? token : "");
	m->kind = dup_col(st, 2);
	m->to_addr = dup_col(st, 3);
	m->to_name = dup_col(st, 4);
	m->state = dup_col(st, 5);
	m->attempts = (int)db_col_int(st, 6);
	m->next_try_at = dup_col(st, 7);
	m->created_at = dup_col(st, 8);
	m->answer = dup_col(st, 9);
	return m->kind && m->to_addr && m->state && m->next_try_at && m->created_at ? 0 : TP_ENOMEM;
}

static int
read_params(struct db *db, struct outbox_msg *m)
{
	struct db_stmt *st = db_prepare(db, sql_params);
	int rc;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, m->id);
	while ((rc = db_step(st)) == DB_ROW && m->nparams < OUTBOX_MAX_PARAMS) {
		struct outbox_param *p = &m->params[m->nparams];

		p->name = dup_col(st, 0);
		p->value = dup_col(st, 1);
		if (p->name == NULL || p->value == NULL) {
			free((char *)(uintptr_t)p->name);
			free((char *)(uintptr_t)p->value);
			rc = DB_ERR;
			break;
		}
		m->nparams++;
	}
	db_reset(st);
	return rc == DB_ERR ? DB_ERR : 0;
}

int
outbox_get(struct db *db, long long id, struct outbox_msg *m)
{
	struct db_stmt *st = db_prepare(db, sql_get);
	int rc, found = 0;

	memset(m, 0, sizeof(*m));
	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		if (read_msg(st, m) != 0)
			rc = DB_ERR;
	}
	db_reset(st);
	if (rc == DB_ERR || (found && read_params(db, m) != 0)) {
		outbox_msg_free(m);
		return DB_ERR;
	}
	return found;
}

int
outbox_claim(struct db *db, struct outbox_msg *m)
{
	struct db_stmt *st;
	long long id = 0;
	int rc;

	memset(m, 0, sizeof(*m));
	if (db_begin(db) != 0 || (st = db_prepare(db, sql_due)) == NULL)
		goto fail;
	if ((rc = db_step(st)) == DB_ROW)
		id = db_col_int(st, 0);
	db_reset(st);
	if (rc == DB_ERR)
		goto fail;
	if (id == 0)
		return db_commit(db) == 0 ? 0 : DB_ERR;
	if ((st = db_prepare(db, sql_take)) == NULL)
		goto fail;
	db_bind_int(st, 0, id);
	if (db_write(st, NULL, NULL) != 0 || db_commit(db) != 0)
		goto fail;
	/* Committed as 'sending': read it now; nobody else takes a 'sending' row. */
	if ((rc = outbox_get(db, id, m)) != 1)
		return rc == 0 ? 0 : DB_ERR;
	return 1;
fail:
	db_rollback(db);
	return DB_ERR;
}

static int
mark(struct db *db, const char *sql, long long id, const char *answer, int seconds)
{
	struct db_stmt *st = db_prepare(db, sql);
	int i = 0;

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, i++, answer != NULL ? answer : "");
	if (seconds >= 0)
		db_bind_int(st, i++, seconds);
	db_bind_int(st, i, id);
	return db_write(st, NULL, NULL);
}

int
outbox_mark_sent(struct db *db, long long id, const char *answer)
{
	return mark(db, sql_sent, id, answer, -1);
}

int
outbox_mark_retry(struct db *db, long long id, const char *answer, int retry_seconds)
{
	return mark(db, sql_retry_later, id, answer, retry_seconds < 0 ? 0 : retry_seconds);
}

int
outbox_mark_failed(struct db *db, long long id, const char *answer)
{
	return mark(db, sql_failed, id, answer, -1);
}

int
outbox_reap_stale(struct db *db, int lease_seconds)
{
	struct db_stmt *st = db_prepare(db, sql_reap);
	unsigned long long n = 0;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, lease_seconds);
	if (db_write(st, &n, NULL) != 0)
		return DB_ERR;
	return (int)n;
}

int
outbox_backoff(int attempts, int base, int max)
{
	long long s = base > 0 ? base : 1;
	int i;

	for (i = 1; i < attempts && s < max; i++)
		s *= 2;
	return (int)(s < max ? s : max);
}

int
outbox_list(struct db *db, const char *state, int limit,
    int (*fn)(const struct outbox_msg *m, void *arg), void *arg)
{
	struct db_stmt *st = db_prepare(db, state != NULL ? sql_list_state : sql_list_all);
	long long ids[1000];
	int rc, n = 0, i, found;

	if (st == NULL)
		return DB_ERR;
	if (limit <= 0 || limit > 1000)
		limit = 1000;
	if (state != NULL)
		db_bind_text(st, 0, state);
	db_bind_int(st, state != NULL ? 1 : 0, limit);
	while ((rc = db_step(st)) == DB_ROW && n < limit)
		ids[n++] = db_col_int(st, 0);
	db_reset(st);
	if (rc == DB_ERR)
		return DB_ERR;
	for (i = 0; i < n; i++) {
		struct outbox_msg m;

		if ((found = outbox_get(db, ids[i], &m)) < 0)
			return DB_ERR;
		if (found == 0)
			continue;	/* dropped meanwhile */
		rc = fn(&m, arg);
		outbox_msg_free(&m);
		if (rc != 0)
			return rc;
	}
	return n;
}

long long
outbox_count(struct db *db, const char *state)
{
	struct db_stmt *st = db_prepare(db, sql_count);
	long long n = 0;
	int rc;

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, 0, state);
	if ((rc = db_step(st)) == DB_ROW)
		n = db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ERR ? DB_ERR : n;
}

static int
one_row(struct db *db, const char *sql, long long id)
{
	struct db_stmt *st = db_prepare(db, sql);
	unsigned long long n = 0;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, id);
	if (db_write(st, &n, NULL) != 0)
		return DB_ERR;
	return n > 0;
}

int
outbox_retry(struct db *db, long long id)
{
	return one_row(db, sql_requeue, id);
}

int
outbox_drop(struct db *db, long long id)
{
	return one_row(db, sql_drop, id);
}
