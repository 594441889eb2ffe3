/*
 * page_account_mail.c - an account's mail address (/account/email and its confirmation link) and the
 * self-service password reset (/password/forgot, /password/reset). The rules are in
 * model/account_mail.c; here are the forms. The reset request answers the same whether or not an
 * account has the address.
 */
#include <string.h>

#include "core/err.h"
#include "http/auth.h"
#include "http/form.h"
#include "model/account_mail.h"
#include "pages/pages.h"
#include "view/render.h"

static const struct form_field email_fields[] = {
	{ "email", FT_EMAIL, 1, 3, ACCOUNT_EMAIL_MAX, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const struct form_field reset_fields[] = {
	{ "new", FT_SECRET, 1, ACCOUNT_MIN_PASSWORD, ACCOUNT_MAX_PASSWORD, NULL },
	{ "confirm", FT_SECRET, 1, 1, ACCOUNT_MAX_PASSWORD, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* A parameter's value, "" when absent or empty. */
static const char *
param(const struct request *rq, const char *key)
{
	const char *v = request_param(rq, key);

	return v != NULL ? v : "";
}

/* A message on one field after form_check; returns 422. */
static int
field_error(HDF *hdf, const char *field, const char *msgkey)
{
	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.%s.error", field);
	render_set(hdf, field, "Form.Errors.%d", hdf_get_int_value(hdf, "Form.errors", 0));
	render_set_int(hdf, hdf_get_int_value(hdf, "Form.errors", 0) + 1, "Form.errors");
	return 422;
}

/* The current and the waiting address of uid into Account.email / Account.pending. */
int
page_account_email_show(struct request *rq, HDF *hdf, long long uid)
{
	char email[ACCOUNT_EMAIL_MAX + 1], pending[ACCOUNT_EMAIL_MAX + 1];
	int rc;

	if ((rc = account_email_get(rq->db, uid, email, pending)) != 0)
		return rc;
	render_set(hdf, email, "Account.email");
	render_set(hdf, pending, "Account.pending");
	return 0;
}

/* Check the form and ask for uid's new address. 0 (mailed), 422 with the form's messages, or an error. */
int
page_account_email_change(struct request *rq, HDF *hdf, long long uid)
{
	int errors, taken, rc;

	if ((errors = form_check(rq, hdf, email_fields)) != 0)
		return errors < 0 ? 500 : 422;
	rc = account_email_change(rq->db, rq->conf, uid, form_value(hdf, "email"), rq->session->user_id, &taken);
	if (rc == TP_EINVALID)
		return field_error(hdf, "email", taken ? "L.account_mail.err_taken" : "L.account_mail.err_same");
	return rc;
}

int
page_account_email_form(struct request *rq, HDF *hdf)
{
	rq->tmpl = "account_email.cs";
	if (strcmp(param(rq, "done"), "sent") == 0)
		render_set(hdf, "1", "Done");
	return page_account_email_show(rq, hdf, rq->session->user_id);
}

int
page_account_email(struct request *rq, HDF *hdf)
{
	int rc;

	rq->tmpl = "account_email.cs";
	if ((rc = page_account_email_change(rq, hdf, rq->session->user_id)) != 0) {
		page_account_email_show(rq, hdf, rq->session->user_id);
		return rc;
	}
	rq->tmpl = NULL;
	rq->location = strdup("/account/email?done=sent");
	return rq->location != NULL ? 303 : 500;
}

/* GET of the link in the mail: a button, so that a link checker opening it changes nothing. */
int
page_email_confirm_form(struct request *rq, HDF *hdf)
{
	render_set(hdf, param(rq, "token"), "Form.token");
	rq->tmpl = "email_confirm.cs";
	return 0;
}

int
page_email_confirm(struct request *rq, HDF *hdf)
{
	long long uid = 0;
	int rc;

	rq->tmpl = "email_confirm.cs";
	if ((rc = account_email_confirm(rq->db, param(rq, "token"), &uid)) < 0)
		return rc;
	render_set(hdf, rc == 1 ? "confirmed" : "invalid", "Result");
	return rc == 1 ? 0 : 422;
}

int
page_password_forgot_form(struct request *rq, HDF *hdf)
{
	(void)hdf;
	rq->tmpl = "password_forgot.cs";
	return 0;
}

int
page_password_forgot(struct request *rq, HDF *hdf)
{
	int errors, rc;
	long wait;

	rq->tmpl = "password_forgot.cs";
	if ((errors = form_check(rq, hdf, email_fields)) != 0)
		return errors < 0 ? 500 : 422;
	if ((rc = account_reset_request(rq->db, rq->conf, form_value(hdf, "email"), rq->remote_addr ? rq->remote_addr : "-",
	    &wait)) != 0)
		return rc;
	if (wait > 0) {
		rq->retry_after = wait;
		return page_throttled(rq, hdf, "L.reset.throttled");
	}
	render_set(hdf, "1", "Done");	/* the same answer for a known and an unknown address */
	return 0;
}

int
page_password_reset_form(struct request *rq, HDF *hdf)
{
	const char *token = param(rq, "token");
	long long uid;
	int rc;

	rq->tmpl = "password_reset.cs";
	if ((rc = account_reset_check(rq->db, token, &uid)) < 0)
		return rc;
	if (rc == 0) {
		render_set(hdf, "invalid", "Result");
		return 0;	/* a page that says what to do next, not an error */
	}
	render_set(hdf, token, "Form.token");
	return 0;
}

int
page_password_reset(struct request *rq, HDF *hdf)
{
	const char *token = param(rq, "token"), *nw = param(rq, "new");
	long long uid;
	int errors, rc;

	rq->tmpl = "password_reset.cs";
	render_set(hdf, token, "Form.token");
	if ((errors = form_check(rq, hdf, reset_fields)) < 0)
		return 500;
	if (errors == 0 && strcmp(nw, param(rq, "confirm")) != 0)
		errors = field_error(hdf, "confirm", "L.password.err_confirm");
	if ((rc = account_reset_check(rq->db, token, &uid)) < 0)
		return rc;
	if (rc == 0) {
		render_set(hdf, "invalid", "Result");
		return 422;
	}
	if (errors != 0)
		return 422;
	/* a sign-in slot around the Argon2id hashing of the new password (http/admission.h) */
	if ((rc = auth_hash_enter(rq)) == 0) {
		rc = account_reset_use(rq->db, token, nw, &uid);
		auth_hash_leave(rq);
	}
	if (rc < 0)
		return rc == TP_EBUSY ? page_busy_form(rq, hdf) : rc;
	render_set(hdf, rc == 1 ? "done" : "invalid", "Result");
	return rc == 1 ? 0 : 422;
}
