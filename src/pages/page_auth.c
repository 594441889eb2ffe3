/* page_auth.c - sign in (/login), sign out (/logout), change password (/account/password). */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "store/audit.h"
#include "http/auth.h"
#include "store/db.h"
#include "http/form.h"
#include "pages/pages.h"
#include "view/render.h"

static const struct form_field login_fields[] = {
	{ "login", FT_LINE, 1, 1, 60, NULL },
	{ "password", FT_SECRET, 1, 1, ACCOUNT_MAX_PASSWORD, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The page to go to after signing in: a safe local "next", else the start page. */
static void
set_next(struct request *rq, HDF *hdf)
{
	const char *next = request_param(rq, "next");

	if (auth_safe_next(next))
		render_set(hdf, next, "Form.next.value");
}

int
page_login_form(struct request *rq, HDF *hdf)
{
	set_next(rq, hdf);
	rq->tmpl = "login.cs";
	return 0;
}

int
page_login(struct request *rq, HDF *hdf)
{
	const char *next = request_param(rq, "next");
	enum role role = ROLE_STAFF;
	int errors, result, rc;

	set_next(rq, hdf);
	rq->tmpl = "login.cs";
	if ((errors = form_check(rq, hdf, login_fields)) != 0)
		return errors < 0 ? 500 : 422;
	if ((rc = auth_login(rq, form_value(hdf, "login"), request_param(rq, "password"), &role, &result)) != 0)
		return rc == TP_EBUSY ? page_busy_form(rq, hdf) : rc;
	if (result == 2)
		return page_throttled(rq, hdf, "L.login.throttled");
	if (result == 1) {
		render_set(hdf, hdf_get_value(hdf, "L.login.failed", ""), "Form.message");
		return 422;
	}
	rq->tmpl = NULL;
	/* without a next=, a page the role may see: staff have no /admin (403 there) */
	rq->location = strdup(auth_safe_next(next) ? next : role == ROLE_STAFF ? "/" : "/admin");
	return rq->location != NULL ? 303 : 500;
}

int
page_logout(struct request *rq, HDF *hdf)
{
	int rc;

	(void)hdf;
	if ((rc = auth_logout(rq)) != 0)
		return rc;
	rq->location = strdup("/");
	return rq->location != NULL ? 303 : 500;
}

int
page_password_form(struct request *rq, HDF *hdf)
{
	(void)hdf;
	rq->tmpl = "password.cs";
	return 0;
}

static const struct form_field password_fields[] = {
	{ "current", FT_SECRET, 1, 1, ACCOUNT_MAX_PASSWORD, NULL },
	{ "new", FT_SECRET, 1, ACCOUNT_MIN_PASSWORD, ACCOUNT_MAX_PASSWORD, NULL },
	{ "confirm", FT_SECRET, 1, 1, ACCOUNT_MAX_PASSWORD, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const char sql_hash[] = "SELECT password_hash FROM users WHERE id = ?";
static const char sql_set_hash[] =
	"UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?";

/* Add a message to one field of the form after form_check; returns 422. */
static int
field_error(HDF *hdf, const char *field, const char *msgkey)
{
	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.%s.error", field);
	render_set(hdf, field, "Form.Errors.%d", hdf_get_int_value(hdf, "Form.errors", 0));
	render_set_int(hdf, hdf_get_int_value(hdf, "Form.errors", 0) + 1, "Form.errors");
	return 422;
}

static int
current_ok(struct request *rq, const char *password, int *ok)
{
	struct db_stmt *st = db_prepare(rq->db, sql_hash);
	int rc;

	*ok = 0;
	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, rq->session->user_id);
	if ((rc = db_step(st)) == DB_ROW)
		*ok = account_check_password(db_col_text(st, 0), password);
	db_reset(st);
	return rc == DB_ERR ? db_err(rq->db) : 0;
}

/* Store the new hash and its audit record in one transaction. */
static int
store_password(struct request *rq, const char *password)
{
	char hash[ACCOUNT_PWHASH_LEN];
	struct db_stmt *st;
	long long change;
	int rc;

	if (account_hash_password(password, hash) != 0)
		return 500;
	if (db_begin(rq->db) != 0 || (st = db_prepare(rq->db, sql_set_hash)) == NULL)
		goto fail;
	db_bind_text(st, 0, hash);
	db_bind_int(st, 1, rq->session->user_id);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE || audit_change(rq->db, rq->session->user_id, "password", "user",
	    rq->session->user_id, 0, NULL, &change) != 0 || db_commit(rq->db) != 0)
		goto fail;
	return 0;
fail:
	db_rollback(rq->db);
	return db_err(rq->db);
}

int
page_password(struct request *rq, HDF *hdf)
{
	const char *cur = request_param(rq, "current"), *nw = request_param(rq, "new");
	int errors, ok, rc;

	rq->tmpl = "password.cs";
	errors = form_check(rq, hdf, password_fields);
	if (errors < 0)
		return 500;
	if (errors > 0)
		return 422;
	if (strcmp(nw, request_param(rq, "confirm")) != 0)
		return field_error(hdf, "confirm", "L.password.err_confirm");
	if (strcmp(nw, cur) == 0)
		return field_error(hdf, "new", "L.password.err_same");
	/* a sign-in slot around the two Argon2id hashings only: a mistyped form above takes none */
	if ((rc = auth_hash_enter(rq)) != 0)
		return rc == TP_EBUSY ? page_busy_form(rq, hdf) : rc;
	if ((rc = current_ok(rq, cur, &ok)) == 0 && ok)
		rc = store_password(rq, nw);
	auth_hash_leave(rq);
	if (rc != 0)
		return rc == TP_EBUSY ? page_busy_form(rq, hdf) : rc;
	if (!ok)
		return field_error(hdf, "current", "L.password.err_current");
	if ((rc = auth_end_other_sessions(rq)) != 0)
		return rc;
	render_set(hdf, "1", "Done");
	return 0;
}
