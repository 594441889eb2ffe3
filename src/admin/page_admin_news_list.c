/*
 * page_admin_news_list.c - /admin/news: the articles this user may edit, newest first by publication
 * date (a draft by its last edit), in pages of 20 (keyset on that date and the id), by state (draft, published, deleted) and, for the secretariat, by publisher.
 */
#include <stdio.h>
#include <string.h>

#include "http/auth.h"
#include "store/db.h"
#include "model/news.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

#define ADMIN_COLS \
	"SELECT a.id, a.title, a.state, a.listed, a.deleted_at IS NOT NULL AS deleted, a.is_demo, " \
	"c.name_ko AS category_name, t.slug AS tp_slug, t.name_ko AS tp_name, " \
	"DATE_FORMAT(a.published_at, '%Y-%m-%d') AS published, DATE_FORMAT(a.updated_at, '%Y-%m-%d %H:%i') AS updated, " \
	"(a.pinned_until IS NOT NULL AND a.pinned_until >= CURDATE()) AS pinned " \
	"FROM news_articles a JOIN news_categories c ON c.id = a.category_id " \
	"LEFT JOIN technoparks t ON t.id = a.technopark_id WHERE "
#define ADMIN_REST \
	"AND (? = 0 OR (? = 1 AND a.state = 'draft' AND a.deleted_at IS NULL) " \
	"OR (? = 2 AND a.listed = 1) OR (? = 3 AND a.deleted_at IS NOT NULL)) " \
	"AND (? = 0 OR (COALESCE(a.published_at, a.updated_at), a.id) < " \
	"(SELECT COALESCE(b.published_at, b.updated_at), b.id FROM news_articles b WHERE b.id = ?)) " \
	"ORDER BY COALESCE(a.published_at, a.updated_at) DESC, a.id DESC LIMIT ?"
static const char sql_all[] = ADMIN_COLS "1 = 1 " ADMIN_REST;
static const char sql_tp[] = ADMIN_COLS "a.technopark_id = ? " ADMIN_REST;
static const char sql_assoc[] = ADMIN_COLS "a.technopark_id IS NULL " ADMIN_REST;
static const char sql_publishers[] = "SELECT id, slug, name_ko FROM technoparks ORDER BY name_ko, id";
static const char sql_tp_id[] = "SELECT id FROM technoparks WHERE slug = ?";

/* The publisher filter: the secretariat's choice (tp slug or "association"), a member admin's own. */
static int
publisher(struct request *rq, HDF *hdf, long long *tp_id, int *assoc)
{
	const char *tp = request_param(rq, "tp");
	struct db_stmt *st;
	int rc;

	*tp_id = 0;
	*assoc = 0;
	if (rq->session->role != ROLE_SECRETARIAT) {
		if (tp != NULL && strcmp(tp, rq->session->tp_slug) != 0)
			return 403;
		*tp_id = rq->session->technopark_id;
		return 0;
	}
	if ((st = db_prepare(rq->db, sql_publishers)) == NULL || page_rows(hdf, "Publishers", st) < 0)
		return db_err(rq->db);
	render_set(hdf, tp, "Filter.tp");
	if (tp == NULL)
		return 0;
	if (strcmp(tp, NEWS_ASSOCIATION) == 0) {
		*assoc = 1;
		return 0;
	}
	if ((st = db_prepare(rq->db, sql_tp_id)) == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, tp);
	if ((rc = db_step(st)) == DB_ROW)
		*tp_id = db_col_int(st, 0);
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	if (*tp_id == 0) {
		rq->error_detail = "tp";
		return 400;
	}
	return 0;
}

/* all 0, draft 1, published 2, deleted 3 */
static int
state_code(const char *state)
{
	static const char *const names[] = { "all", "draft", "published", "deleted" };
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(state, names[i]) == 0)
			return i;
	return 0;
}

int
page_admin_news_list(struct request *rq, HDF *hdf)
{
	const char *state = request_param(rq, "state");
	long long before = request_param_int(rq, "before", 0), tp_id;
	struct db_stmt *st;
	char node[32];
	int rc, n, assoc, i = 0;

	if ((rc = publisher(rq, hdf, &tp_id, &assoc)) != 0)
		return rc;
	if (state == NULL)
		state = "all";
	st = db_prepare(rq->db, assoc ? sql_assoc : tp_id > 0 ? sql_tp : sql_all);
	if (st == NULL)
		return db_err(rq->db);
	if (tp_id > 0)
		db_bind_int(st, i++, tp_id);
	for (n = 0; n < 4; n++)		/* the state as a number: a bound text compared with a literal would mix collations */
		db_bind_int(st, i++, state_code(state));
	db_bind_int(st, i++, before);
	db_bind_int(st, i++, before);
	db_bind_int(st, i, NEWS_PAGE_SIZE + 1);
	if ((n = page_rows(hdf, "Articles", st)) < 0)
		return db_err(rq->db);
	if (n > NEWS_PAGE_SIZE) {
		snprintf(node, sizeof(node), "Articles.%d", NEWS_PAGE_SIZE);
		hdf_remove_tree(hdf, node);
		snprintf(node, sizeof(node), "Articles.%d.id", NEWS_PAGE_SIZE - 1);
		render_set_int(hdf, hdf_get_int_value(hdf, node, 0), "Page.Older");
	}
	render_set(hdf, state, "Filter.state");
	render_set(hdf, request_param(rq, "done"), "Page.Done");
	if (before > 0)
		render_set(hdf, "1", "Page.NotFirst");
	rq->tmpl = "admin_news.cs";
	return 0;
}
