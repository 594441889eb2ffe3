/*
 * page_admin_members.c - a technopark's profile form (/admin/members/{slug}).
 *
 * The secretariat's save goes live at once; a member admin's save becomes a change request that
 * waits for the secretariat (page_admin_review.c). Either way a stale version is refused with a page
 * that shows the stored values beside the user's, never a silent overwrite.
 *
 * While a member admin's own request waits, their form opens on the values it asks for, under a
 * banner naming what it changes; a new save then replaces it: the new request carries every
 * difference from the live values, and the waiting one is withdrawn ("superseded") in the same
 * transaction, so the secretariat never has two requests of one person that undo each other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "store/audit.h"
#include "http/auth.h"
#include "store/changes.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "model/notify.h"
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
/* The user's own waiting requests for this profile, oldest first, field by field. */
static const char sql_own_pending[] =
	"SELECT r.id, r.version, f.field, f.new_value FROM change_requests r "
	"JOIN change_request_fields f ON f.request_id = r.id WHERE r.technopark_id = ? "
	"AND r.entity = 'technopark' AND r.state = 'pending' AND r.submitted_by = ? ORDER BY r.id, f.field";

#define OVERLAY_MAX	8

/* What the user's waiting requests ask for: the values over the live ones, and the requests. */
struct overlay {
	int		 nreq;
	long long	 id[OVERLAY_MAX], version[OVERLAY_MAX];
	int		 set[PROFILE_NFIELDS];
	char		*v[PROFILE_NFIELDS];		/* malloc'd; NULL when the request empties the field */
};

static void
overlay_free(struct overlay *o)
{
	int i;

	for (i = 0; i < PROFILE_NFIELDS; i++)
		free(o->v[i]);
	memset(o, 0, sizeof(*o));
}

/* Load the member admin's own waiting requests for profile p (none for the secretariat). */
static int
overlay_load(struct request *rq, const struct profile *p, struct overlay *o)
{
	struct db_stmt *st;
	const char *nv;
	int rc, k;

	memset(o, 0, sizeof(*o));
	if (rq->session->role == ROLE_SECRETARIAT)
		return 0;
	if ((st = db_prepare(rq->db, sql_own_pending)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, p->id);
	db_bind_int(st, 1, rq->session->user_id);
	while ((rc = db_step(st)) == DB_ROW) {
		long long id = db_col_int(st, 0);

		if ((o->nreq == 0 || o->id[o->nreq - 1] != id) && o->nreq < OVERLAY_MAX) {
			o->id[o->nreq] = id;
			o->version[o->nreq++] = db_col_int(st, 1);
		}
		if ((k = profile_field_index(db_col_text(st, 2))) < 0)
			continue;
		nv = db_col_text(st, 3);
		free(o->v[k]);
		o->v[k] = nv != NULL && *nv != '\0' ? strdup(nv) : NULL;
		o->set[k] = 1;
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(rq->db) : 0;
}

/* The industries' names for comma-joined slugs, from the form's Industries rows (malloc'd, or NULL). */
static char *
industry_names(HDF *hdf, const char *tags)
{
	char *copy, *tok, *save = NULL, *out = NULL, *next;
	const char *name;
	HDF *node;

	if (tags == NULL || (copy = strdup(tags)) == NULL)
		return NULL;
	for (tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		name = tok;
		for (node = hdf_get_child(hdf, "Industries"); node != NULL; node = hdf_obj_next(node))
			if (strcmp(hdf_get_value(node, "slug", ""), tok) == 0)
				name = hdf_get_value(node, "name_ko", tok);
		if (asprintf(&next, "%s%s%s", out ? out : "", out ? ", " : "", name) < 0) {
			next = NULL;
			free(out);
			out = NULL;
			break;
		}
		free(out);
		out = next;
	}
	free(copy);
	return out;
}

/* The banner: which request waits and what it changes (live value -> requested value). */
static void
overlay_banner(HDF *hdf, const struct profile *p, const struct overlay *o)
{
	int i, n = 0, ind = PROFILE_NFIELDS - 1;
	char *a, *b;

	if (o->nreq == 0)
		return;
	render_set_int(hdf, o->id[o->nreq - 1], "Overlay.id");
	for (i = 0; i < PROFILE_NFIELDS; i++) {
		if (!o->set[i] || !audit_differs(p->v[i], o->v[i]))
			continue;
		a = i == ind ? industry_names(hdf, p->v[i]) : NULL;
		b = i == ind ? industry_names(hdf, o->v[i]) : NULL;
		render_set(hdf, profile_fields[i], "Overlay.Fields.%d.name", n);
		render_set(hdf, i == ind ? a : p->v[i], "Overlay.Fields.%d.old", n);
		render_set(hdf, i == ind ? b : o->v[i], "Overlay.Fields.%d.new", n++);
		free(a);
		free(b);
	}
}

/* Load the profile named by the URL (the route's hook checked the user may edit it): 0, 404 or a TP_E* code. */
static int
load_own(struct request *rq, struct profile *p)
{
	int found = profile_load(rq->db, rq->args[0], 0, 0, p);

	if (found < 0)
		return db_err(rq->db);
	return found == 0 ? 404 : 0;
}

/* What every rendering of the form shows besides the fields; loads the user's waiting requests into o. */
static int
form_context(struct request *rq, HDF *hdf, const struct profile *p, struct overlay *o)
{
	struct db_stmt *st;
	int rc;

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
	if ((rc = overlay_load(rq, p, o)) != 0)
		return rc;
	overlay_banner(hdf, p, o);
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
	struct overlay o;
	struct profile p;
	int rc, i;

	memset(&o, 0, sizeof(o));
	if ((rc = load_own(rq, &p)) == 0 && (rc = form_context(rq, hdf, &p, &o)) == 0) {
		/* the form starts where the user's waiting request left off, not from the live values */
		for (i = 0; i < PROFILE_NFIELDS; i++)
			if (o.set[i]) {
				free(p.v[i]);
				p.v[i] = o.v[i] != NULL ? strdup(o.v[i]) : NULL;
			}
		set_values(hdf, "Form", &p);
		set_checked(hdf, p.v[PROFILE_NFIELDS - 1]);
		render_set_int(hdf, p.version, "Form.version.value");
		if (params_get(&rq->params, "done") != NULL)
			render_set(hdf, request_param(rq, "done"), "Page.Done");
	}
	overlay_free(&o);
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

/* 1 when values ask for exactly what the waiting requests o ask for (over the live values cur). */
static int
same_as_overlay(const struct profile *cur, const struct overlay *o, const char *const *values)
{
	int i;

	if (o->nreq == 0)
		return 0;
	for (i = 0; i < PROFILE_NFIELDS; i++)
		if (audit_differs(o->set[i] ? o->v[i] : cur->v[i], values[i]))
			return 0;
	return 1;
}

/* Withdraw the user's waiting requests o, replaced by the new one (inside the transaction). */
static int
supersede(struct request *rq, const struct profile *cur, const struct overlay *o)
{
	int i, rc;

	for (i = 0; i < o->nreq; i++)
		if ((rc = changes_withdraw(rq->db, rq->session->user_id, o->id[i], o->version[i], cur->id,
		    "superseded")) != 0)
			return rc == TP_ESTALE ? TP_ESTALE : db_err(rq->db);
	return 0;
}

/*
 * Save (secretariat) or submit for review (member admin) the changed fields, replacing the member
 * admin's waiting requests o. 0 (a new request in *req_id, or none when the values are the live ones
 * again and the waiting requests were only withdrawn), 1 nothing changed, 409 or a status.
 */
static int
store(struct request *rq, const struct profile *cur, const struct overlay *o, const char *const *values,
    long long *req_id)
{
	const char *fields[PROFILE_NFIELDS], *olds[PROFILE_NFIELDS], *news[PROFILE_NFIELDS];
	int i, n = 0, rc;

	for (i = 0; i < PROFILE_NFIELDS; i++)
		if (audit_differs(cur->v[i], values[i])) {
			fields[n] = profile_fields[i];
			olds[n] = cur->v[i];
			news[n++] = values[i];
		}
	if ((n == 0 && o->nreq == 0) || same_as_overlay(cur, o, values))
		return 1;
	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	if (rq->session->role == ROLE_SECRETARIAT)
		rc = profile_apply(rq->db, rq->session->user_id, cur, values, "update", NULL);
	else if ((rc = supersede(rq, cur, o)) == 0 && n > 0)
		rc = changes_submit(rq->db, rq->session->user_id, cur->id, "technopark", cur->id, "update",
		    cur->version, fields, olds, news, n, req_id) == 0 ? 0 : db_err(rq->db);
	if (rc == 0 && rq->session->role != ROLE_SECRETARIAT && n > 0)
		rc = notify_request_submitted(rq->db, rq->conf, *req_id);	/* mail, in this transaction */
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
	struct overlay o;
	struct profile cur;
	int rc, errors, i;

	memset(&o, 0, sizeof(o));
	if ((rc = load_own(rq, &cur)) != 0 || (rc = form_context(rq, hdf, &cur, &o)) != 0)
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
	rc = store(rq, &cur, &o, values, &req_id);
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
		else if (o.nreq > 0)	/* back to the live values: the waiting request was only withdrawn */
			rc = asprintf(&rq->location, "/admin/requests/%lld?done=withdrawn", o.id[o.nreq - 1]);
		else
			rc = asprintf(&rq->location, "/admin/members/%s?done=saved", cur.slug);
		rc = rc < 0 ? 500 : 303;
	}
out:
	overlay_free(&o);
	profile_free(&cur);
	return rc;
}
