/*
 * page_admin_user_email.c - the secretariat sets an account's mail address (/admin/users/{id}/email):
 * the same confirmation as the user's own change (page_account_mail.c): a link to the new address, a
 * notice to the old one; the address is the account's once the link is used.
 */
#include <stdio.h>
#include <string.h>

#include "admin/admin.h"
#include "core/text.h"
#include "http/auth.h"
#include "pages/pages.h"
#include "store/db.h"
#include "view/render.h"

static const char sql_user[] = "SELECT login, display_name FROM users WHERE id = ?";

/* The {id} of the path; 0 when it is none (then load finds no account). */
static long long
path_id(const struct request *rq)
{
	long long id;

	return rq->nargs > 0 && parse_ll(rq->args[0], 1, 4294967295LL, &id) == 0 ? id : 0;
}

/* The account's login and name into Target.*; TP_ENOTFOUND when there is none. */
static int
load(struct request *rq, HDF *hdf, long long uid)
{
	struct db_stmt *st = db_prepare(rq->db, sql_user);
	int rc;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, uid);
	if ((rc = db_step(st)) == DB_ROW) {
		render_set_int(hdf, uid, "Target.id");
		render_set(hdf, db_col_text(st, 0), "Target.login");
		render_set(hdf, db_col_text(st, 1), "Target.name");
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	return rc == DB_ROW ? page_account_email_show(rq, hdf, uid) : TP_ENOTFOUND;
}

int
page_admin_user_email_form(struct request *rq, HDF *hdf)
{
	rq->tmpl = "admin_user_email.cs";
	const char *done = request_param(rq, "done");

	if (done != NULL && strcmp(done, "sent") == 0)
		render_set(hdf, "1", "Done");
	return load(rq, hdf, path_id(rq));
}

int
page_admin_user_email(struct request *rq, HDF *hdf)
{
	long long uid = path_id(rq);
	char url[64];
	int rc;

	rq->tmpl = "admin_user_email.cs";
	if ((rc = load(rq, hdf, uid)) != 0)
		return rc;
	if ((rc = page_account_email_change(rq, hdf, uid)) != 0)
		return rc;
	rq->tmpl = NULL;
	snprintf(url, sizeof(url), "/admin/users/%lld/email?done=sent", uid);
	rq->location = strdup(url);
	return rq->location != NULL ? 303 : 500;
}
