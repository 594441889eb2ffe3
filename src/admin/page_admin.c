/*
 * page_admin.c - the admin start page: what this user may manage, what waits for review, and the
 * decisions on the user's own change requests not yet seen (until the request's page is opened).
 */
#include "http/auth.h"
#include "store/db.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

static const char sql_tps[] =
	"SELECT t.slug, t.name_ko, (SELECT COUNT(*) FROM change_requests r WHERE r.technopark_id = t.id "
	"AND r.state = 'pending') AS pending FROM technoparks t WHERE (? = 0 OR t.id = ?) ORDER BY t.name_ko";
static const char sql_pending[] = "SELECT COUNT(*) AS n FROM change_requests WHERE state = 'pending'";
static const char sql_decided[] =
	"SELECT r.id, r.entity, r.action, r.state, r.review_comment, "
	"DATE_FORMAT(r.reviewed_at, '%Y-%m-%d %H:%i') AS reviewed_at, v.display_name AS reviewed_by "
	"FROM change_requests r LEFT JOIN users v ON v.id = r.reviewed_by "
	"WHERE r.submitted_by = ? AND r.state IN ('approved', 'rejected') AND r.seen_at IS NULL "
	"ORDER BY r.id DESC LIMIT 20";
static const char sql_mine[] =
	"SELECT COUNT(*) AS n, COALESCE(SUM(state = 'pending'), 0) AS pending FROM change_requests "
	"WHERE submitted_by = ?";

int
page_admin_home(struct request *rq, HDF *hdf)
{
	long long tp = rq->session->role == ROLE_SECRETARIAT ? 0 : rq->session->technopark_id;
	struct db_stmt *st;

	if ((st = db_prepare(rq->db, sql_tps)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, tp);
	db_bind_int(st, 1, tp);
	if (page_rows(hdf, "TPs", st) < 0)
		return db_err(rq->db);
	if ((st = db_prepare(rq->db, sql_decided)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, rq->session->user_id);
	if (page_rows(hdf, "Decided", st) < 0)
		return db_err(rq->db);
	if ((st = db_prepare(rq->db, sql_mine)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, rq->session->user_id);
	if (page_row_one(hdf, "Mine", st) < 0)
		return db_err(rq->db);
	if (rq->session->role == ROLE_SECRETARIAT) {
		if ((st = db_prepare(rq->db, sql_pending)) == NULL || page_row_one(hdf, "Pending", st) < 0)
			return db_err(rq->db);
		render_set(hdf, "1", "Page.Secretariat");
		if (admin_mail_failures(rq, hdf) != 0)	/* page_admin_mail.c */
			return db_err(rq->db);
	}
	rq->tmpl = "admin.cs";
	return 0;
}
