/* notify.c - subscriptions and the notifications queued at the saves' commit points (model/notify.h). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/conf.h"
#include "core/err.h"
#include "model/notify.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/outbox.h"

static const char sql_list[] =
	"SELECT s.topic, s.category_id, COALESCE(c.name_ko, '') FROM notify_subscriptions s "
	"LEFT JOIN news_categories c ON c.id = s.category_id AND s.topic = 'news_category' "
	"WHERE s.user_id = ? ORDER BY s.topic, s.category_id";
static const char sql_by_token[] =
	"SELECT s.topic, s.category_id, COALESCE(c.name_ko, '') FROM notify_subscriptions s "
	"LEFT JOIN news_categories c ON c.id = s.category_id AND s.topic = 'news_category' WHERE s.token = ?";
static const char sql_unsub[] = "DELETE FROM notify_subscriptions WHERE token = ?";
static const char sql_clear[] = "DELETE FROM notify_subscriptions WHERE user_id = ? AND "
	"NOT FIND_IN_SET(CONCAT(topic, ':', category_id), ?)";
static const char sql_add[] =
	"INSERT IGNORE INTO notify_subscriptions (user_id, topic, category_id, token) VALUES (?, ?, ?, ?)";
static const char sql_category[] = "SELECT COUNT(*) FROM news_categories WHERE id = ?";

/* Recipients: active accounts with an address and the subscription; id, name, email, token. */
static const char sql_to_secretariat[] =
	"SELECT u.id, u.display_name, u.email, s.token FROM users u JOIN notify_subscriptions s ON s.user_id = u.id "
	"AND s.topic = 'requests' WHERE u.role = 'secretariat' AND u.active = 1 AND u.email IS NOT NULL ORDER BY u.id";
static const char sql_to_submitter[] =
	"SELECT u.id, u.display_name, u.email, s.token FROM change_requests r JOIN users u ON u.id = r.submitted_by "
	"JOIN notify_subscriptions s ON s.user_id = u.id AND s.topic = 'decisions' "
	"WHERE r.id = ? AND u.active = 1 AND u.email IS NOT NULL";
/* One message per user: the category's subscription when there is one, else the pinned one. */
static const char sql_to_news[] =
	"SELECT u.id, u.display_name, u.email, MIN(s.token) FROM news_articles a JOIN notify_subscriptions s "
	"ON (s.topic = 'news_category' AND s.category_id = a.category_id) OR "
	"(s.topic = 'news_pinned' AND a.pinned_until IS NOT NULL AND a.pinned_until >= CURDATE()) "
	"JOIN users u ON u.id = s.user_id WHERE a.id = ? AND u.active = 1 AND u.email IS NOT NULL "
	"GROUP BY u.id, u.display_name, u.email ORDER BY u.id";
/* The committee's current seats held by a person who has an account, and who chose meetings. */
static const char sql_to_members[] =
	"SELECT DISTINCT u.id, u.display_name, u.email, s.token FROM committee_meetings g "
	"JOIN committee_members m ON m.committee_id = g.committee_id AND (m.term_end IS NULL OR m.term_end >= CURDATE()) "
	"AND (m.term_start IS NULL OR m.term_start <= CURDATE()) "
	"JOIN users u ON u.person_id = m.person_id "
	"JOIN notify_subscriptions s ON s.user_id = u.id AND s.topic = 'meetings' "
	"WHERE g.id = ? AND u.active = 1 AND u.email IS NOT NULL ORDER BY u.id";

static const char sql_request[] =
	"SELECT r.id, r.entity, r.action, r.state, COALESCE(r.review_comment, ''), t.name_ko, su.display_name, "
	"COALESCE(rv.display_name, '') FROM change_requests r JOIN technoparks t ON t.id = r.technopark_id "
	"JOIN users su ON su.id = r.submitted_by LEFT JOIN users rv ON rv.id = r.reviewed_by WHERE r.id = ?";
static const char sql_article[] =
	"SELECT a.id, a.title, c.name_ko, COALESCE(t.name_ko, ''), DATE_FORMAT(a.published_at, '%Y-%m-%d %H:%i'), "
	"a.pinned_until IS NOT NULL AND a.pinned_until >= CURDATE() FROM news_articles a "
	"JOIN news_categories c ON c.id = a.category_id LEFT JOIN technoparks t ON t.id = a.technopark_id "
	"WHERE a.id = ? AND a.state = 'published' AND a.deleted_at IS NULL";
/* An article is announced once (sql/023): the first publication claims it, later ones find it claimed. */
static const char sql_claim_article[] =
	"UPDATE news_articles SET notified_at = NOW() WHERE id = ? AND notified_at IS NULL "
	"AND state = 'published' AND deleted_at IS NULL";
static const char sql_meeting[] =
	"SELECT g.id, g.title, DATE_FORMAT(g.starts_at, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(g.ends_at, '%Y-%m-%d %H:%i:%s'), "
	"COALESCE(g.place, g.online_url, ''), g.status, g.version, c.slug, c.name_ko, "
	"DATE_FORMAT(g.starts_at, '%Y-%m-%d %H:%i'), COALESCE(g.online_url, '') "
	"FROM committee_meetings g JOIN committees c ON c.id = g.committee_id WHERE g.id = ?";

#define MAX_COLS	12

struct row {
	char	col[MAX_COLS][1024];
};

static int
topic_ok(const char *t)
{
	static const char *const topics[] = { "requests", "decisions", "meetings", "news_pinned", "news_category", NULL };
	int i;

	for (i = 0; topics[i] != NULL; i++)
		if (strcmp(t, topics[i]) == 0)
			return 1;
	return 0;
}

static void
fill_sub(const struct db_stmt *st, struct notify_sub *s)
{
	const char *name = db_col_text(st, 2);

	memset(s, 0, sizeof(*s));
	snprintf(s->topic, sizeof(s->topic), "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
	s->category_id = (int)db_col_int(st, 1);
	snprintf(s->category, sizeof(s->category), "%s", name != NULL ? name : "");
}

int
notify_list(struct db *db, long long uid, int (*fn)(const struct notify_sub *s, void *arg), void *arg)
{
	struct db_stmt *st = db_prepare(db, sql_list);
	struct notify_sub s;
	int rc, n = 0;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, uid);
	while ((rc = db_step(st)) == DB_ROW) {
		fill_sub(st, &s);
		fn(&s, arg);
		n++;
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(db) : n;
}

int
notify_set(struct db *db, long long uid, const char *const *topics, const int *category_ids, int n)
{
	char keep[2048] = "", token[NOTIFY_TOKEN_LEN + 1];
	unsigned char raw[NOTIFY_TOKEN_LEN / 2];
	struct db_stmt *st;
	unsigned long long affected = 0, changed = 0;
	size_t len = 0;
	long long change;
	int i, rc;

	for (i = 0; i < n; i++) {
		int k;

		if (!topic_ok(topics[i]) || (strcmp(topics[i], "news_category") == 0) != (category_ids[i] > 0))
			return TP_EINVALID;
		k = snprintf(keep + len, sizeof(keep) - len, "%s%s:%d", len ? "," : "", topics[i], category_ids[i]);
		if (k < 0 || (size_t)k >= sizeof(keep) - len)
			return TP_EINVALID;
		len += (size_t)k;
	}
	if (db_begin(db) != 0)
		return db_err(db);
	for (i = 0; i < n; i++)
		if (category_ids[i] > 0 && (rc = db_exists(db, sql_category, category_ids[i])) != 1) {
			db_rollback(db);
			return rc == 0 ? TP_EINVALID : db_err(db);
		}
	if ((st = db_prepare(db, sql_clear)) == NULL)
		goto fail;
	db_bind_int(st, 0, uid);
	db_bind_text(st, 1, keep);
	if (db_write(st, &affected, NULL) != 0)
		goto fail;
	changed += affected;
	for (i = 0; i < n; i++) {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2hex(token, sizeof(token), raw, sizeof(raw));
		if ((st = db_prepare(db, sql_add)) == NULL)
			goto fail;
		db_bind_int(st, 0, uid);
		db_bind_text(st, 1, topics[i]);
		db_bind_int(st, 2, category_ids[i]);
		db_bind_text(st, 3, token);
		if (db_write(st, &affected, NULL) != 0)
			goto fail;
		changed += affected;
	}
	/* a save that changes nothing is not a change: no audit record */
	if ((changed > 0 && audit_change(db, uid, "notifications", "user", uid, 0, keep[0] ? keep : NULL, &change) != 0) ||
	    db_commit(db) != 0)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return db_err(db);
}

int
notify_by_token(struct db *db, const char *token, struct notify_sub *s)
{
	struct db_stmt *st = db_prepare(db, sql_by_token);
	int rc;

	if (st == NULL)
		return db_err(db);
	db_bind_text(st, 0, token);
	if ((rc = db_step(st)) == DB_ROW)
		fill_sub(st, s);
	db_reset(st);
	return rc == DB_ERR ? db_err(db) : rc == DB_ROW;
}

int
notify_unsubscribe(struct db *db, const char *token)
{
	struct db_stmt *st = db_prepare(db, sql_unsub);
	unsigned long long n = 0;

	if (st == NULL)
		return db_err(db);
	db_bind_text(st, 0, token);
	if (db_write(st, &n, NULL) != 0)
		return db_err(db);
	return n > 0;
}

/* The one row of sql for id into r (its text columns). 1, 0 none, or TP_E*. */
static int
one(struct db *db, const char *sql, long long id, struct row *r, int ncols)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc, i;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW)
		for (i = 0; i < ncols && i < MAX_COLS; i++)
			snprintf(r->col[i], sizeof(r->col[i]), "%s", db_col_text(st, i) ? db_col_text(st, i) : "");
	db_reset(st);
	return rc == DB_ERR ? db_err(db) : rc == DB_ROW;
}

struct recipient {
	char	name[241], email[255], token[NOTIFY_TOKEN_LEN + 1];
};

/* Every recipient sql (bound to id when it takes one: the secretariat's list does not) returns, into *to
 * (malloc'd, *k of them). 0 or a TP_E* code. */
static int
recipients(struct db *db, const char *sql, long long id, struct recipient **to, int *k)
{
	struct db_stmt *st = db_prepare(db, sql);
	struct recipient *r;
	int rc, cap = 0;

	*to = NULL;
	*k = 0;
	if (st == NULL)
		return db_err(db);
	if (strchr(sql, '?') != NULL)
		db_bind_int(st, 0, id);
	while ((rc = db_step(st)) == DB_ROW) {
		if (*k == cap) {
			if ((r = realloc(*to, (size_t)(cap = cap ? cap * 2 : 16) * sizeof(*r))) == NULL) {
				db_reset(st);
				return TP_ENOMEM;
			}
			*to = r;
		}
		r = &(*to)[(*k)++];
		snprintf(r->name, sizeof(r->name), "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
		snprintf(r->email, sizeof(r->email), "%s", db_col_text(st, 2) ? db_col_text(st, 2) : "");
		snprintf(r->token, sizeof(r->token), "%s", db_col_text(st, 3) ? db_col_text(st, 3) : "");
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(db) : 0;
}

/*
 * Queue kind to every recipient sql (bound to id) returns, however many, with the parameters p (n) and
 * each one's unsubscribe_url. Recipients are read first, then queued: a statement is not reused while
 * its rows are being read.
 */
static int
to_each(struct db *db, const struct conf *c, const char *sql, long long id, const char *kind,
    struct outbox_param *p, size_t n)
{
	struct outbox_param q[OUTBOX_MAX_PARAMS];
	struct recipient *to;
	char url[600];
	int rc, k, i;

	if (n + 1 > OUTBOX_MAX_PARAMS)
		return TP_EINVALID;
	if ((rc = recipients(db, sql, id, &to, &k)) != 0)
		goto out;
	memcpy(q, p, n * sizeof(*q));
	q[n].name = "unsubscribe_url";
	q[n].value = url;
	for (i = 0; i < k; i++) {
		snprintf(url, sizeof(url), "%s/unsubscribe/%s", c->base_url, to[i].token);
		/* a stored address mail cannot take is skipped; the others still get theirs */
		if ((rc = outbox_queue(db, kind, to[i].email, to[i].name, q, n + 1, NULL)) != 0 && rc != TP_EINVALID) {
			rc = db_err(db);
			goto out;
		}
	}
	rc = 0;
out:
	free(to);
	return rc;
}

int
notify_request_submitted(struct db *db, const struct conf *c, long long request_id)
{
	struct outbox_param p[8];
	char url[2200];
	struct row r;
	int rc;

	if ((rc = one(db, sql_request, request_id, &r, 8)) != 1)
		return rc;
	snprintf(url, sizeof(url), "%s/admin/requests/%s", c->base_url, r.col[0]);
	p[0] = (struct outbox_param){ "request_id", r.col[0] };
	p[1] = (struct outbox_param){ "entity", r.col[1] };
	p[2] = (struct outbox_param){ "action", r.col[2] };
	p[3] = (struct outbox_param){ "technopark", r.col[5] };
	p[4] = (struct outbox_param){ "submitter", r.col[6] };
	p[5] = (struct outbox_param){ "request_url", url };
	return to_each(db, c, sql_to_secretariat, request_id, "request_submitted", p, 6);
}

int
notify_request_decided(struct db *db, const struct conf *c, long long request_id)
{
	struct outbox_param p[10];
	char url[2200];
	struct row r;
	int rc;

	if ((rc = one(db, sql_request, request_id, &r, 8)) != 1)
		return rc;
	snprintf(url, sizeof(url), "%s/admin/requests/%s", c->base_url, r.col[0]);
	p[0] = (struct outbox_param){ "request_id", r.col[0] };
	p[1] = (struct outbox_param){ "entity", r.col[1] };
	p[2] = (struct outbox_param){ "action", r.col[2] };
	p[3] = (struct outbox_param){ "state", r.col[3] };
	p[4] = (struct outbox_param){ "comment", r.col[4] };
	p[5] = (struct outbox_param){ "technopark", r.col[5] };
	p[6] = (struct outbox_param){ "reviewer", r.col[7] };
	p[7] = (struct outbox_param){ "request_url", url };
	return to_each(db, c, sql_to_submitter, request_id, "request_decided", p, 8);
}

int
notify_news_published(struct db *db, const struct conf *c, long long article_id)
{
	struct outbox_param p[8];
	unsigned long long claimed = 0;
	struct db_stmt *st;
	char url[2200];
	struct row r;
	int rc;

	if ((st = db_prepare(db, sql_claim_article)) == NULL)
		return db_err(db);
	db_bind_int(st, 0, article_id);
	if (db_write(st, &claimed, NULL) != 0)
		return db_err(db);
	if (claimed == 0)
		return 0;	/* announced before (published, unpublished and published again), or not published */
	if ((rc = one(db, sql_article, article_id, &r, 6)) != 1)
		return rc;
	snprintf(url, sizeof(url), "%s/news/%s", c->base_url, r.col[0]);
	p[0] = (struct outbox_param){ "title", r.col[1] };
	p[1] = (struct outbox_param){ "category", r.col[2] };
	p[2] = (struct outbox_param){ "publisher", r.col[3] };
	p[3] = (struct outbox_param){ "published_at", r.col[4] };
	p[4] = (struct outbox_param){ "pinned", r.col[5] };
	p[5] = (struct outbox_param){ "article_url", url };
	return to_each(db, c, sql_to_news, article_id, "news_published", p, 6);
}

int
notify_meeting_changed(struct db *db, const struct conf *c, long long meeting_id)
{
	struct outbox_param p[16];
	char url[3300], uid[1400], seq[24];
	const char *host, *end;
	struct row r;
	int rc;

	if ((rc = one(db, sql_meeting, meeting_id, &r, 11)) != 1)
		return rc;
	/* The UID and SEQUENCE of the .ics feeds (pages/page_committees_ics.c): one event, updated in place. */
	host = strstr(c->base_url, "://");
	host = host != NULL ? host + 3 : c->base_url;
	end = host + strcspn(host, ":/");
	snprintf(uid, sizeof(uid), "committee-meeting-%s@%.*s", r.col[0], (int)(end - host), host);
	snprintf(seq, sizeof(seq), "%lld", strtoll(r.col[6], NULL, 10) > 0 ? strtoll(r.col[6], NULL, 10) - 1 : 0);
	snprintf(url, sizeof(url), "%s/committees/%s/meetings/%s", c->base_url, r.col[7], r.col[0]);
	p[0] = (struct outbox_param){ "title", r.col[1] };
	p[1] = (struct outbox_param){ "committee", r.col[8] };
	p[2] = (struct outbox_param){ "when", r.col[9] };
	p[3] = (struct outbox_param){ "place", r.col[4] };
	p[4] = (struct outbox_param){ "status", r.col[5] };
	p[5] = (struct outbox_param){ "meeting_url", url };
	p[6] = (struct outbox_param){ "ical_method", strcmp(r.col[5], "cancelled") == 0 ? "CANCEL" : "REQUEST" };
	p[7] = (struct outbox_param){ "ical_uid", uid };
	p[8] = (struct outbox_param){ "ical_sequence", seq };
	p[9] = (struct outbox_param){ "ical_start", r.col[2] };
	p[10] = (struct outbox_param){ "ical_end", r.col[3] };
	p[11] = (struct outbox_param){ "online_url", r.col[10] };
	return to_each(db, c, sql_to_members, meeting_id, "meeting", p, 12);
}
