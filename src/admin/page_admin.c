/* page_admin.c - the admin start page: what this user may manage, and what waits for review. */
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
	if (rq->session->role == ROLE_SECRETARIAT) {
		if ((st = db_prepare(rq->db, sql_pending)) == NULL || page_row_one(hdf, "Pending", st) < 0)
			return db_err(rq->db);
		render_set(hdf, "1", "Page.Secretariat");
	}
	rq->tmpl = "admin.cs";
	return 0;
}
