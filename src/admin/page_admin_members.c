/*
 * page_admin_members.c - a technopark's profile form (/admin/members/{slug}).
 *
 * The secretariat's save goes live at once; a member admin's save becomes a change request that
 * waits for the secretariat (page_admin_review.c). Either way a stale version is refused with a page
 * that shows the stored values beside the user's, never a silent overwrite.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "http/auth.h"
#include "store/changes.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "model/profile.h"
#include "view/render.h"
#include "pages/page_rows.h"

static const struct form_field member_fields[] = {
	{ "summary",	FT_TEXT, 0, 0, 2000, NULL },
	{ "director",	FT_LINE, 0, 0, 60, NULL },
	{ "address",	FT_LINE, 0, 0, 300, NULL },
	{ "phone",	FT_PHONE, 0, 0, 40, NULL },
	{ "email",	FT_EMAIL, 0, 0, 200, NULL },
	{ "website",	FT_URL, 0, 0, 300, NULL },
	{ "industry",	FT_SLUGS, 0, 0, 0, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const char sql_industries[] = "SELECT slug, name_ko FROM industries ORDER BY name_ko";
static const char sql_pending[] =
	"SELECT id FROM change_requests WHERE technopark_id = ? AND entity = 'technopark' "
	"AND state = 'pending' ORDER BY id";

/* Load the profile named by the URL (the route's hook checked the user may edit it): 0, 404 or a TP_E* code. */
static int
load_own(struct request *rq, struct profile *p)
{
	int found = profile_load(rq->db, rq->args[0], 0, 0, p);

	if (found < 0)
		return db_err(rq->db);
	return found == 0 ? 404 : 0;
}

/* What every rendering of the form shows besides the fields. */
static int
form_context(struct request *rq, HDF *hdf, const struct profile *p)
{
	struct db_stmt *st;

	render_set(hdf, p->slug, "TP.slug");
	render_set(hdf, p->name, "TP.name_ko");
	render_set_int(hdf, p->id, "TP.id");
	if ((st = db_prepare(rq->db, sql_industries)) == NULL || page_rows(hdf, "Industries", st) < 0)
		return db_err(rq->db);
	if ((st = db_prepare(rq->db, sql_pending)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, p->id);
	if (page_rows(hdf, "Pending", st) < 0)
		return db_err(rq->db);
	if (rq->session->role == ROLE_MEMBER_ADMIN)
		render_set(hdf, "1", "Page.NeedsReview");
	rq->tmpl = "admin_member.cs";
	return 0;
}

/* Put stored values under prefix.<field> (the form's values, or the conflict box's "current"). */
static void
set_values(HDF *hdf, const char *prefix, const struct profile *p)
{
	int i;

	for (i = 0; i < PROFILE_NFIELDS; i++)	/* empty ones too: the conflict box lists every field */
		render_set(hdf, p->v[i] != NULL ? p->v[i] : "", "%s.%s.value", prefix, profile_fields[i]);
}

static void
set_checked(HDF *hdf, const char *tags)
{
	char *copy, *tok, *save = NULL;

	if (tags == NULL || (copy = strdup(tags)) == NULL)
		return;
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save))
		render_set(hdf, "1", "Form.industry.checked.%s", tok);
	free(copy);
}

int
page_admin_member_form(struct request *rq, HDF *hdf)
{
	struct profile p;
	int rc;

	if ((rc = load_own(rq, &p)) == 0) {
		set_values(hdf, "Form", &p);
		set_checked(hdf, p.v[PROFILE_NFIELDS - 1]);
		render_set_int(hdf, p.version, "Form.version.value");
		rc = form_context(rq, hdf, &p);
		if (rc == 0 && params_get(&rq->params, "done") != NULL)
			render_set(hdf, request_param(rq, "done"), "Page.Done");
	}
	profile_free(&p);
	return rc;
}

/* Every checked industry must exist: a message on the field otherwise. */
static int
check_industries(HDF *hdf)
{
	const char *tags = form_value(hdf, "industry");
	char *copy, *tok, *save = NULL;
	int known = 1;
	HDF *node;

	if (tags == NULL || (copy = strdup(tags)) == NULL)
		return tags == NULL ? 0 : -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		known = 0;
		for (node = hdf_get_child(hdf, "Industries"); node != NULL; node = hdf_obj_next(node))
			if (strcmp(hdf_get_value(node, "slug", ""), tok) == 0)
				known = 1;
		if (!known)
			break;
	}
	free(copy);
	if (known)
		return 0;
	render_set(hdf, hdf_get_value(hdf, "L.form.err_unknown_industry", "?"), "Form.industry.error");
	render_set(hdf, "industry", "Form.Errors.%d", hdf_get_int_value(hdf, "Form.errors", 0));
	render_set_int(hdf, hdf_get_int_value(hdf, "Form.errors", 0) + 1, "Form.errors");
	return 1;
}

/* The stale-version page: the stored values beside the user's; the next save is against the stored version. */
static int
conflict(HDF *hdf, const struct profile *cur)
{
	set_values(hdf, "Current", cur);
	render_set_int(hdf, cur->version, "Form.version.value");
	render_set(hdf, "1", "Conflict");
	return 409;
}

/* Save (secretariat) or submit for review (member admin) the changed fields. */
static int
store(struct request *rq, const struct profile *cur, const char *const *values, long long *req_id)
{
	const char *fields[PROFILE_NFIELDS], *olds[PROFILE_NFIELDS], *news[PROFILE_NFIELDS];
	int i, n = 0, rc;

	for (i = 0; i < PROFILE_NFIELDS; i++)
		if (audit_differs(cur->v[i], values[i])) {
			fields[n] = profile_fields[i];
			olds[n] = cur->v[i];
			news[n++] = values[i];
		}
	if (n == 0)
		return 1;
	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	if (rq->session->role == ROLE_SECRETARIAT)
		rc = profile_apply(rq->db, rq->session->user_id, cur, values, "update", NULL);
	else
		rc = changes_submit(rq->db, rq->session->user_id, cur->id, "technopark", cur->id, "update",
		    cur->version, fields, olds, news, n, req_id) == 0 ? 0 : db_err(rq->db);
	if (rc == 0 && db_commit(rq->db) != 0)
		rc = db_err(rq->db);
	if (rc != 0)
		db_rollback(rq->db);
	return rc == TP_ESTALE ? 409 : rc;
}

int
page_admin_member_save(struct request *rq, HDF *hdf)
{
	const char *values[PROFILE_NFIELDS];
	long long version, req_id = 0;
	struct profile cur;
	int rc, errors, i;

	if ((rc = load_own(rq, &cur)) != 0 || (rc = form_context(rq, hdf, &cur)) != 0)
		goto out;
	if (parse_ll(request_param(rq, "version") ? request_param(rq, "version") : "", 1,
	    4294967295LL, &version) != 0) {
		rq->error_detail = "version";
		rc = 400;
		goto out;
	}
	render_set_int(hdf, version, "Form.version.value");
	if ((errors = form_check(rq, hdf, member_fields)) < 0 || (errors += check_industries(hdf)) < 0) {
		rc = 500;
		goto out;
	}
	if (errors > 0) {
		rc = 422;
		goto out;
	}
	if (version != cur.version) {
		rc = conflict(hdf, &cur);
		goto out;
	}
	/* A field the request does not carry at all keeps its value (the form always sends every
	 * field, and an empty "industry" marker for the checkbox group). */
	for (i = 0; i < PROFILE_NFIELDS; i++)
		values[i] = params_get(&rq->params, profile_fields[i]) != NULL ?
		    form_value(hdf, profile_fields[i]) : cur.v[i];
	rc = store(rq, &cur, values, &req_id);
	if (rc == 1) {
		render_set(hdf, hdf_get_value(hdf, "L.form.nothing_changed", ""), "Form.message");
		rc = 0;
	} else if (rc == 409) {
		profile_free(&cur);
		rc = profile_load(rq->db, NULL, cur.id, 0, &cur) == 1 ? conflict(hdf, &cur) : db_err(rq->db);
	} else if (rc == 0) {
		rq->tmpl = NULL;
		if (req_id > 0)
			rc = asprintf(&rq->location, "/admin/requests/%lld?done=submitted", req_id);
		else
			rc = asprintf(&rq->location, "/admin/members/%s?done=saved", cur.slug);
		rc = rc < 0 ? 500 : 303;
	}
out:
	profile_free(&cur);
	return rc;
}
