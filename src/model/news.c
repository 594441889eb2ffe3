/*
 * news.c - news articles: the keyset list queries (one literal per filter and direction, so each
 * reads one index range), one article's record, and writing it with its audit entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/text.h"
#include "model/account.h"
#include "model/news.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/search.h"

const char *const news_fields[NEWS_NFIELDS] = {
	"title", "category", "publisher", "state", "pinned_until", "body"
};

#define AUDIT_MAX_BYTES	60000	/* audit_fields values are TEXT (65,535 bytes) */

/*
 * Every list query is two steps. The inner one reads the keys (id, published_at) of at most 21
 * listed articles from the one index that matches its filter and ends with (published_at, id)
 * (FORCE INDEX: the planner may otherwise pick an index it must sort): an index-only range read,
 * the same work on page 1 and on page 50,000. The outer one joins those few rows to their columns.
 * (Joined in one step, MariaDB chose to join every listed row and sort them once the select list
 * held the category's and technopark's names.)
 */
#define LIST_COLS	LIST_COLS_AFTER("")
#define LIST_COLS_AFTER(first) \
	"SELECT STRAIGHT_JOIN " first "a.id, a.title, c.slug AS category, c.name_ko AS category_name, t.slug AS tp_slug, " \
	"t.name_ko AS tp_name, k.at, DATE_FORMAT(k.at, '%Y-%m-%d') AS date, a.is_demo, " \
	"(a.pinned_until IS NOT NULL AND a.pinned_until >= CURDATE()) AS pinned, " \
	"(SELECT COUNT(*) FROM attachments f WHERE f.owner_type = 'news' AND f.owner_id = a.id) AS files, " \
	"c.name_en AS category_name_en, t.name_en AS tp_name_en "
#define FEED_COLS \
	"SELECT STRAIGHT_JOIN a.id, a.title, a.body_html, c.slug AS category, c.name_ko AS category_name, " \
	"t.slug AS tp_slug, COALESCE(t.name_ko, (SELECT s.name_ko FROM association s WHERE s.id = 1)) AS publisher, " \
	"DATE_FORMAT(k.at, '%Y-%m-%dT%H:%i:%s+09:00') AS published, " \
	"DATE_FORMAT(GREATEST(a.updated_at, k.at), '%Y-%m-%dT%H:%i:%s+09:00') AS updated "
#define KEYS		"SELECT a.id, a.published_at AS at FROM news_articles a "
#define ROWS(cols, keys) \
	cols "FROM (" keys ") k JOIN news_articles a ON a.id = k.id " \
	"JOIN news_categories c ON c.id = a.category_id LEFT JOIN technoparks t ON t.id = a.technopark_id " \
	"ORDER BY k.at DESC, k.id DESC"

/* Filters with their index, in the order of filter_index; bound: technopark first, then category. */
#define F_ANY		"FORCE INDEX (k_news_list) WHERE a.listed = 1 "
#define F_CAT		"FORCE INDEX (k_news_category) WHERE a.listed = 1 AND a.category_id = ? "
#define F_TP		"FORCE INDEX (k_news_tp) WHERE a.listed = 1 AND a.technopark_id = ? "
#define F_TP_CAT	"FORCE INDEX (k_news_tp_category) WHERE a.listed = 1 AND a.technopark_id = ? AND a.category_id = ? "
#define F_ASSOC		"FORCE INDEX (k_news_tp) WHERE a.listed = 1 AND a.technopark_id IS NULL "
#define F_ASSOC_CAT	"FORCE INDEX (k_news_tp_category) WHERE a.listed = 1 AND a.technopark_id IS NULL AND a.category_id = ? "

/* Directions: the first page, then older or newer than the cursor (published_at, id). A newer page
 * is read oldest first from the cursor; the outer query puts it back in display order. */
#define D_FIRST		"ORDER BY a.published_at DESC, a.id DESC LIMIT ?"
#define D_OLDER		"AND (a.published_at < ? OR (a.published_at = ? AND a.id < ?)) " \
			"ORDER BY a.published_at DESC, a.id DESC LIMIT ?"
#define D_NEWER		"AND (a.published_at > ? OR (a.published_at = ? AND a.id > ?)) " \
			"ORDER BY a.published_at, a.id LIMIT ?"
/* A numbered page (one of the first NEWS_NUMBERED_PAGES): an offset of at most a few hundred index entries. */
#define D_PAGE		"ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?"

#define LIST3(f)	{ ROWS(LIST_COLS, KEYS f D_FIRST), ROWS(LIST_COLS, KEYS f D_OLDER), \
			  ROWS(LIST_COLS, KEYS f D_NEWER) }
static const char *const sql_list[6][3] = {
	LIST3(F_ANY), LIST3(F_CAT), LIST3(F_TP), LIST3(F_TP_CAT), LIST3(F_ASSOC), LIST3(F_ASSOC_CAT)
};
static const char *const sql_feed[6] = {
	ROWS(FEED_COLS, KEYS F_ANY D_FIRST), ROWS(FEED_COLS, KEYS F_CAT D_FIRST),
	ROWS(FEED_COLS, KEYS F_TP D_FIRST), ROWS(FEED_COLS, KEYS F_TP_CAT D_FIRST),
	ROWS(FEED_COLS, KEYS F_ASSOC D_FIRST), ROWS(FEED_COLS, KEYS F_ASSOC_CAT D_FIRST)
};
static const char *const sql_page[6] = {
	ROWS(LIST_COLS, KEYS F_ANY D_PAGE), ROWS(LIST_COLS, KEYS F_CAT D_PAGE),
	ROWS(LIST_COLS, KEYS F_TP D_PAGE), ROWS(LIST_COLS, KEYS F_TP_CAT D_PAGE),
	ROWS(LIST_COLS, KEYS F_ASSOC D_PAGE), ROWS(LIST_COLS, KEYS F_ASSOC_CAT D_PAGE)
};
/* How many articles a filter lists: a sum over news_counts (sql/021, kept by triggers), never a count of rows. */
#define TOTAL(w)	"SELECT CAST(COALESCE(SUM(n), 0) AS SIGNED) FROM news_counts " w
static const char *const sql_total[6] = {
	TOTAL(""), TOTAL("WHERE category_id = ?"), TOTAL("WHERE technopark_id = ?"),
	TOTAL("WHERE technopark_id = ? AND category_id = ?"), TOTAL("WHERE technopark_id = 0"),
	TOTAL("WHERE technopark_id = 0 AND category_id = ?")
};
/* How many listed articles are newer than a cursor: its place on the board (a keyset page reached without
 * the number its link carries). An index range read as long as that place is deep. */
#define NEWER(f)	"SELECT COUNT(*) FROM news_articles a " f "AND (a.published_at > ? OR (a.published_at = ? AND a.id > ?))"
static const char *const sql_newer[6] = {
	NEWER(F_ANY), NEWER(F_CAT), NEWER(F_TP), NEWER(F_TP_CAT), NEWER(F_ASSOC), NEWER(F_ASSOC_CAT)
};
/* Pinned articles are few: read them from their own index, whatever the filter. */
#define PINNED(f)	ROWS(LIST_COLS, KEYS "FORCE INDEX (k_news_pinned) WHERE a.listed = 1 " \
			"AND a.pinned_until >= CURDATE() " f D_FIRST)
#define P_CAT		"AND a.category_id = ? "
#define P_TP		"AND a.technopark_id = ? "
#define P_ASSOC		"AND a.technopark_id IS NULL "
static const char *const sql_pinned[6] = {
	PINNED(""), PINNED(P_CAT), PINNED(P_TP), PINNED(P_TP P_CAT), PINNED(P_ASSOC), PINNED(P_ASSOC P_CAT)
};
/*
 * The home page's two lists (NEWS_HOME_SIZE rows each, LIST_COLS): the notices, today's pinned articles
 * first and then the latest of the notice category (each half an index range read of at most
 * NEWS_HOME_SIZE keys; an article in both counts once, as pinned); and the latest member news, read
 * newest first along k_news_list until NEWS_HOME_SIZE technopark articles are found.
 */
#define HOME_ROWS(first, keys) \
	LIST_COLS_AFTER(first) "FROM (" keys ") k JOIN news_articles a ON a.id = k.id " \
	"JOIN news_categories c ON c.id = a.category_id LEFT JOIN technoparks t ON t.id = a.technopark_id "
/* Both lists in one statement (one round trip): list 0 the notices, 1 the member news, each ordered by
 * the keys k1 (pinned first), k2 (newest first), k3 (the id) after the list. */
static const char sql_home[] = "(" HOME_ROWS("0 AS list, k.top AS k1, k.at AS k2, k.id AS k3, ",
	"SELECT u.id, u.at, MAX(u.top) AS top FROM ("
	"(SELECT a.id, a.published_at AS at, 1 AS top FROM news_articles a FORCE INDEX (k_news_pinned) "
	"WHERE a.listed = 1 AND a.pinned_until >= CURDATE() ORDER BY a.published_at DESC, a.id DESC LIMIT ?) "
	"UNION ALL "
	"(SELECT a.id, a.published_at, 0 FROM news_articles a FORCE INDEX (k_news_category) "
	"WHERE a.listed = 1 AND a.category_id = (SELECT n.id FROM news_categories n WHERE n.slug = 'notice') "
	"ORDER BY a.published_at DESC, a.id DESC LIMIT ?)) u GROUP BY u.id, u.at")
	"ORDER BY k.top DESC, k.at DESC, k.id DESC LIMIT ?) "
	"UNION ALL (" HOME_ROWS("1, 0, k.at, k.id, ",
	KEYS "FORCE INDEX (k_news_list) WHERE a.listed = 1 AND a.technopark_id IS NOT NULL "
	"ORDER BY a.published_at DESC, a.id DESC LIMIT ?") ") "
	"ORDER BY list, k1 DESC, k2 DESC, k3 DESC";
/* An article's neighbours in its list, older then newer (one statement: news_neighbours_stmt). */
#define NEIGHBOURS(f) \
	"(" ROWS(LIST_COLS_AFTER("0 AS list, "), KEYS f D_OLDER) ") UNION ALL (" \
	ROWS(LIST_COLS_AFTER("1, "), KEYS f D_NEWER) ") ORDER BY list"
static const char *const sql_neighbours[6] = {
	NEIGHBOURS(F_ANY), NEIGHBOURS(F_CAT), NEIGHBOURS(F_TP), NEIGHBOURS(F_TP_CAT), NEIGHBOURS(F_ASSOC),
	NEIGHBOURS(F_ASSOC_CAT)
};
static const char sql_cursor[] =
	"SELECT DATE_FORMAT(published_at, '%Y-%m-%d %H:%i:%s') FROM news_articles "
	"WHERE id = ? AND published_at IS NOT NULL";

/* The query variant for f: 0 any, 1 category, 2 technopark, 3 both, 4 association, 5 association and category. */
static int
filter_index(const struct news_filter *f)
{
	int who = f->association ? 2 : f->tp_id > 0 ? 1 : 0;

	return who * 2 + (f->category_id > 0);
}

/* Bind f's values from parameter 0; returns the next free parameter. */
static int
bind_filter(struct db_stmt *st, const struct news_filter *f)
{
	int i = 0;

	if (!f->association && f->tp_id > 0)
		db_bind_int(st, i++, f->tp_id);
	if (f->category_id > 0)
		db_bind_int(st, i++, f->category_id);
	return i;
}

/* The published_at of cursor id as text, into out. 1 found, 0 not, -1 error. */
static int
cursor_time(struct db *db, long long id, char *out, size_t size)
{
	struct db_stmt *st = db_prepare(db, sql_cursor);
	int rc, found = 0;

	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW && db_col_text(st, 0) != NULL) {
		snprintf(out, size, "%s", db_col_text(st, 0));
		found = 1;
	}
	db_reset(st);
	return rc == DB_ERR ? -1 : found;
}

int
news_list_stmt(struct db *db, const struct news_filter *f, enum news_dir dir, long long cursor_id, int limit,
    struct news_query *q)
{
	struct db_stmt *st;
	int i, rc;

	q->st = NULL;
	if (dir != NEWS_FIRST && (rc = cursor_time(db, cursor_id, q->at, sizeof(q->at))) != 1)
		return rc == 0 ? TP_ENOTFOUND : db_err(db);
	if ((st = db_prepare(db, sql_list[filter_index(f)][dir])) == NULL)
		return db_err(db);
	i = bind_filter(st, f);
	if (dir != NEWS_FIRST) {
		/* bound text is referenced, not copied: q->at lives as long as the caller's q */
		db_bind_text(st, i++, q->at);
		db_bind_text(st, i++, q->at);
		db_bind_int(st, i++, cursor_id);
	}
	db_bind_int(st, i, limit);
	q->st = st;
	return 0;
}

int
news_neighbours_stmt(struct db *db, const struct news_filter *f, long long id, const char *at, struct db_stmt **out)
{
	struct db_stmt *st = db_prepare(db, sql_neighbours[filter_index(f)]);
	int half, i = 0;

	if ((*out = st) == NULL)
		return db_err(db);
	for (half = 0; half < 2; half++) {	/* the older half's values, then the newer's */
		if (!f->association && f->tp_id > 0)
			db_bind_int(st, i++, f->tp_id);
		if (f->category_id > 0)
			db_bind_int(st, i++, f->category_id);
		db_bind_text(st, i++, at);
		db_bind_text(st, i++, at);
		db_bind_int(st, i++, id);
		db_bind_int(st, i++, 1);
	}
	return 0;
}

int
news_page_stmt(struct db *db, const struct news_filter *f, int page, struct news_query *q)
{
	struct db_stmt *st;
	int i;

	q->st = NULL;
	if ((st = db_prepare(db, sql_page[filter_index(f)])) == NULL)
		return db_err(db);
	i = bind_filter(st, f);
	db_bind_int(st, i++, NEWS_PAGE_SIZE);
	db_bind_int(st, i, (long long)(page - 1) * NEWS_PAGE_SIZE);
	q->st = st;
	return 0;
}

int
news_total(struct db *db, const struct news_filter *f, long long *total)
{
	struct db_stmt *st = db_prepare(db, sql_total[filter_index(f)]);
	int rc;

	*total = 0;
	if (st == NULL)
		return db_err(db);
	bind_filter(st, f);
	if ((rc = db_step(st)) == DB_ROW)
		*total = db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 0 : db_err(db);
}

int
news_count_newer(struct db *db, const struct news_filter *f, long long cursor_id, long long *count)
{
	struct db_stmt *st;
	char at[32];
	int i, rc;

	*count = 0;
	if ((rc = cursor_time(db, cursor_id, at, sizeof(at))) != 1)
		return rc == 0 ? TP_ENOTFOUND : db_err(db);
	if ((st = db_prepare(db, sql_newer[filter_index(f)])) == NULL)
		return db_err(db);
	i = bind_filter(st, f);
	db_bind_text(st, i++, at);
	db_bind_text(st, i++, at);
	db_bind_int(st, i, cursor_id);
	if ((rc = db_step(st)) == DB_ROW)
		*count = db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 0 : db_err(db);
}

int
news_home_stmt(struct db *db, struct db_stmt **out)
{
	struct db_stmt *st = db_prepare(db, sql_home);
	int i;

	if ((*out = st) == NULL)
		return db_err(db);
	for (i = 0; i < 4; i++)
		db_bind_int(st, i, NEWS_HOME_SIZE);
	return 0;
}

int
news_pinned_stmt(struct db *db, const struct news_filter *f, struct db_stmt **out)
{
	struct db_stmt *st = db_prepare(db, sql_pinned[filter_index(f)]);

	if ((*out = st) == NULL)
		return db_err(db);
	db_bind_int(st, bind_filter(st, f), NEWS_PINNED_MAX);
	return 0;
}

int
news_feed_stmt(struct db *db, const struct news_filter *f, struct db_stmt **out)
{
	struct db_stmt *st = db_prepare(db, sql_feed[filter_index(f)]);

	if ((*out = st) == NULL)
		return db_err(db);
	db_bind_int(st, bind_filter(st, f), NEWS_FEED_SIZE);
	return 0;
}

/* ---------------------------------------------------------------- one article */

static const char sql_load[] =
	"SELECT a.id, COALESCE(a.technopark_id, 0), a.category_id, a.version, a.listed, a.deleted_at IS NOT NULL, "
	"a.is_demo, a.title, c.slug, COALESCE(t.slug, '" NEWS_ASSOCIATION "'), a.state, "
	"DATE_FORMAT(a.pinned_until, '%Y-%m-%d'), a.body_md "
	"FROM news_articles a JOIN news_categories c ON c.id = a.category_id "
	"LEFT JOIN technoparks t ON t.id = a.technopark_id WHERE a.id = ?";
/* Inside a write: only the article's row is locked (a FOR UPDATE over the join would lock the technopark too). */
static const char sql_lock[] = "SELECT version, deleted_at IS NOT NULL FROM news_articles WHERE id = ? FOR UPDATE";
/* An article a demo account writes is demo (is_demo from its author's account, issue 20), so whatever is
 * typed in while trying the portal out carries the 데모 badge wherever the article shows. */
static const char sql_insert[] =
	"INSERT INTO news_articles (category_id, technopark_id, author_id, title, body_md, body_html, state, "
	"published_at, updated_at, pinned_until, is_demo) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN NOW() END, NOW(), ?, "
	"COALESCE((SELECT u.is_demo FROM users u WHERE u.id = ?), 0))";
static const char sql_update[] =
	"UPDATE news_articles SET category_id = ?, technopark_id = ?, title = ?, body_md = ?, body_html = ?, "
	"state = ?, published_at = CASE WHEN ? THEN COALESCE(published_at, NOW()) ELSE published_at END, "
	"pinned_until = ?, updated_at = NOW(), version = version + 1 WHERE id = ? AND version = ?";
static const char sql_delete[] =
	"UPDATE news_articles SET deleted_at = NOW(), version = version + 1 "
	"WHERE id = ? AND version = ? AND deleted_at IS NULL";
static const char sql_restore[] =
	"UPDATE news_articles SET deleted_at = NULL, version = version + 1 "
	"WHERE id = ? AND version = ? AND deleted_at IS NOT NULL";
static const char sql_readable[] = "SELECT COALESCE(technopark_id, 0), listed FROM news_articles WHERE id = ?";

void
news_free(struct news_article *a)
{
	int i;

	for (i = 0; i < NEWS_NFIELDS; i++) {
		free(a->v[i]);
		a->v[i] = NULL;
	}
}

static int
from_row(const struct db_stmt *st, struct news_article *a)
{
	int i;

	a->id = db_col_int(st, 0);
	a->technopark_id = db_col_int(st, 1);
	a->category_id = db_col_int(st, 2);
	a->version = db_col_int(st, 3);
	a->listed = db_col_int(st, 4) != 0;
	a->deleted = db_col_int(st, 5) != 0;
	a->is_demo = db_col_int(st, 6) != 0;
	for (i = 0; i < NEWS_NFIELDS; i++) {
		const char *v = db_col_text(st, 7 + i);

		if (v != NULL && *v != '\0' && (a->v[i] = strdup(v)) == NULL)
			return -1;
	}
	return 0;
}

int
news_load(struct db *db, long long id, int lock, struct news_article *a)
{
	struct db_stmt *st;
	int rc, found = 0;

	memset(a, 0, sizeof(*a));
	if (lock) {
		if ((st = db_prepare(db, sql_lock)) == NULL)
			return -1;
		db_bind_int(st, 0, id);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_ROW)
			return rc == DB_DONE ? 0 : -1;
	}
	if ((st = db_prepare(db, sql_load)) == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW)
		found = from_row(st, a) == 0 ? 1 : -1;
	db_reset(st);
	if (rc == DB_ERR || found < 0) {
		news_free(a);
		return -1;
	}
	return found;
}

/* ---------------------------------------------------------------- writing */

/* A value for the audit log: at most AUDIT_MAX_BYTES, cut at a character. Caller frees; NULL stays NULL. */
static char *
audit_value(const char *v, int *oom)
{
	size_t n;
	char *d;

	if (v == NULL)
		return NULL;
	n = text_utf8_prefix(v, strlen(v), AUDIT_MAX_BYTES / 4);
	if (strlen(v) <= AUDIT_MAX_BYTES)
		n = strlen(v);
	if ((d = strndup(v, n)) == NULL)
		*oom = 1;
	return d;
}

/* Record the change and each field whose old and new value differ. 0 or DB_ERR. */
static int
audit(struct db *db, long long user_id, const char *action, long long id, long long tp_id,
    const char *const *olds, const char *const *news)
{
	long long cid;
	int i, oom = 0, rc = 0;

	if (audit_change(db, user_id, action, "news", id, tp_id, NULL, &cid) != 0)
		return DB_ERR;
	for (i = 0; i < NEWS_NFIELDS && rc == 0; i++) {
		const char *o = olds != NULL ? olds[i] : NULL, *n = news != NULL ? news[i] : NULL;
		char *ov, *nv;

		if (!audit_differs(o, n))
			continue;
		ov = audit_value(o, &oom);
		nv = audit_value(n, &oom);
		rc = oom ? DB_ERR : audit_field(db, cid, news_fields[i], ov, nv);
		free(ov);
		free(nv);
	}
	return rc;
}

static int
published(const struct news_values *nv)
{
	return nv->v[NF_STATE] != NULL && strcmp(nv->v[NF_STATE], "published") == 0;
}

static void
bind_tp(struct db_stmt *st, int i, long long tp_id)
{
	if (tp_id > 0)
		db_bind_int(st, i, tp_id);
	else
		db_bind_null(st, i);
}

static int
apply_create(struct db *db, long long user_id, const struct news_values *nv, long long *new_id)
{
	struct db_stmt *st = db_prepare(db, sql_insert);
	unsigned long long n = 0;
	long long id = 0;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, nv->category_id);
	bind_tp(st, 1, nv->tp_id);
	if (user_id > 0)
		db_bind_int(st, 2, user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, nv->v[NF_TITLE]);
	db_bind_text(st, 4, nv->v[NF_BODY]);
	db_bind_text(st, 5, nv->html);
	db_bind_text(st, 6, nv->v[NF_STATE]);
	db_bind_int(st, 7, published(nv));	/* a bound value compared with a literal would mix collations */
	db_bind_text(st, 8, nv->v[NF_PINNED]);
	db_bind_int(st, 9, user_id);
	if (db_write(st, &n, &id) != 0 || n != 1 || search_sync(db, SEARCH_NEWS, id) != 0 ||
	    audit(db, user_id, "create", id, nv->tp_id, NULL, nv->v) != 0)
		return db_err(db);
	if (new_id != NULL)
		*new_id = id;
	return 0;
}

static int
bind_update(struct db_stmt *st, const struct news_article *cur, const struct news_values *nv)
{
	db_bind_int(st, 0, nv->category_id);
	bind_tp(st, 1, nv->tp_id);
	db_bind_text(st, 2, nv->v[NF_TITLE]);
	db_bind_text(st, 3, nv->v[NF_BODY]);
	db_bind_text(st, 4, nv->html);
	db_bind_text(st, 5, nv->v[NF_STATE]);
	db_bind_int(st, 6, published(nv));
	db_bind_text(st, 7, nv->v[NF_PINNED]);
	db_bind_int(st, 8, cur->id);
	db_bind_int(st, 9, cur->version);
	return 0;
}

/* Update, delete or restore cur at cur->version, under a lock on its row. */
static int
apply_change(struct db *db, long long user_id, const char *action, const struct news_article *cur,
    const struct news_values *nv)
{
	const char *sql = strcmp(action, "update") == 0 ? sql_update :
	    strcmp(action, "delete") == 0 ? sql_delete : sql_restore;
	unsigned long long n = 0;
	struct db_stmt *st;
	long long cid;
	int rc;

	if ((st = db_prepare(db, sql_lock)) == NULL)
		return db_err(db);
	db_bind_int(st, 0, cur->id);
	rc = db_step(st);
	if (rc == DB_ROW && db_col_int(st, 0) != cur->version)
		rc = DB_DONE;	/* someone saved first */
	db_reset(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? TP_ESTALE : db_err(db);
	if ((st = db_prepare(db, sql)) == NULL)
		return db_err(db);
	if (sql == sql_update)
		bind_update(st, cur, nv);
	else {
		db_bind_int(st, 0, cur->id);
		db_bind_int(st, 1, cur->version);
	}
	if (db_write(st, &n, NULL) != 0)
		return db_err(db);
	if (n == 0)
		return TP_ESTALE;
	/* the search index follows in this transaction: a listed article is findable, a deleted one is not */
	if (search_sync(db, SEARCH_NEWS, cur->id) != 0)
		return db_err(db);
	if (sql == sql_update)
		rc = audit(db, user_id, action, cur->id, cur->technopark_id, (const char *const *)cur->v, nv->v);
	else if (audit_change(db, user_id, action, "news", cur->id, cur->technopark_id, NULL, &cid) != 0 ||
	    audit_field(db, cid, "deleted", sql == sql_delete ? "0" : "1", sql == sql_delete ? "1" : "0") != 0)
		rc = DB_ERR;
	else
		rc = 0;
	return rc == 0 ? 0 : db_err(db);
}

int
news_apply(struct db *db, long long user_id, const char *action, const struct news_article *cur,
    const struct news_values *nv, long long *new_id)
{
	if (strcmp(action, "create") == 0)
		return nv != NULL ? apply_create(db, user_id, nv, new_id) : TP_EFAIL;
	if (cur == NULL || (strcmp(action, "update") == 0 && nv == NULL))
		return TP_EFAIL;
	if (strcmp(action, "update") == 0 || strcmp(action, "delete") == 0 || strcmp(action, "restore") == 0)
		return apply_change(db, user_id, action, cur, nv);
	return TP_EFAIL;
}

int
news_may_read(struct db *db, const struct session *s, long long id)
{
	struct db_stmt *st = db_prepare(db, sql_readable);
	long long tp = 0;
	int rc, listed = 0;

	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		tp = db_col_int(st, 0);
		listed = db_col_int(st, 1) != 0;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	if (rc == DB_DONE)
		return TP_ENOTFOUND;
	return listed || account_may_edit_tp(s, tp) ? 0 : TP_ENOTFOUND;
}

/* ---------------------------------------------------------------- the record description */

static const char *const news_states[] = { "draft", "published", NULL };

/* The article's record description (model/record.h); its write is the admin's (the body is rendered
 * to HTML by view/markdown.c, which the model may not call): page_admin_news.c. */
static const struct record_field news_record_fields[NEWS_NFIELDS] = {
	{ "title",		FT_LINE, 1, 1, 200, NULL, "news_admin.field.title", SHOW_TEXT, NULL },
	{ "category",		FT_LINE, 1, 1, 40, NULL, "news_admin.field.category", SHOW_NAMES, NULL },
	{ "publisher",		FT_LINE, 0, 1, 40, NULL, "news_admin.field.publisher", SHOW_NAMES, NULL },
	{ "state",		FT_ENUM, 1, 0, 0, news_states, "news_admin.field.state", SHOW_NAMES, NULL },
	{ "pinned_until",	FT_LINE, 0, 0, 10, NULL, "news_admin.field.pinned_until", SHOW_TEXT, NULL },
	{ "body",		FT_TEXT, 1, 1, 20000, NULL, "news_admin.field.body", SHOW_TEXT, NULL },
};

static int
news_record_load(struct db *db, long long id, struct record_row *r)
{
	struct news_article a;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = news_load(db, id, 0, &a)) != 1)
		return rc;
	record_row_take(r, a.id, a.version, a.technopark_id, a.v, NEWS_NFIELDS);
	news_free(&a);
	return 1;
}

static const char sql_category_name[] = "SELECT name_ko FROM news_categories WHERE slug = ?";
static const char sql_publisher_name[] = "SELECT name_ko FROM technoparks WHERE slug = ?";

/* Names for the conflict page: a category's and a publisher's name (a state, and the association as
 * publisher, are words of the language file: -1 here). */
static int
news_record_names(struct db *db, const char *field, const char *slug, char *out, size_t size)
{
	struct db_stmt *st;
	int rc;

	if (strcmp(field, "state") == 0 || (strcmp(field, "publisher") == 0 && strcmp(slug, NEWS_ASSOCIATION) == 0))
		return -1;
	if ((st = db_prepare(db, strcmp(field, "category") == 0 ? sql_category_name : sql_publisher_name)) == NULL)
		return -1;
	db_bind_text(st, 0, slug);
	if ((rc = db_step(st)) == DB_ROW)
		snprintf(out, size, "%s", db_col_text(st, 0) != NULL ? db_col_text(st, 0) : slug);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

const struct record_desc news_record = {
	"news", "news_articles", "id", "version",
	"the publisher's member admin or the secretariat (access_news)",
	"/admin/news/{id}",
	news_record_fields, NEWS_NFIELDS,
	news_record_load, NULL, news_record_names
};
