/*
 * page_admin_members.c - a technopark's profile form (/admin/members/{slug}).
 *
 * The secretariat's save goes live at once; a member admin's save becomes a change request that
 * waits for the secretariat (page_admin_review.c). Either way the save pipeline (save.c) merges a stale
 * form three ways: only a field both people changed is a conflict, never a silent overwrite.
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
#include "admin/save.h"
#include "pages/pages.h"
#include "model/profile.h"
#include "view/render.h"
#include "pages/page_rows.h"

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

int
page_admin_member_form(struct request *rq, HDF *hdf)
{
	struct record_row r;
	struct overlay o;
	struct profile p;
	int rc, i;

	memset(&o, 0, sizeof(o));
	if ((rc = load_own(rq, &p)) == 0 && (rc = form_context(rq, hdf, &p, &o)) == 0) {
		/* the form starts where the user's waiting request left off, not from the live values */
		memset(&r, 0, sizeof(r));
		r.version = p.version;
		for (i = 0; i < PROFILE_NFIELDS; i++)
			r.v[i] = o.set[i] ? o.v[i] : p.v[i];
		if (save_form(hdf, &profile_record, &r) != 0)
			rc = 500;
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

/* check_industries as the pipeline's extra check (save.check). */
static int
check_form(struct request *rq, HDF *hdf, const struct save *sv)
{
	(void)rq;
	(void)sv;
	return check_industries(hdf);
}

/* 1 when out asks for nothing: the live values with no waiting request, or exactly what the waiting one asks. */
static int
nothing_to_do(const struct save *sv, const struct record_row *cur, const char *const *out)
{
	const struct overlay *o = sv->arg;
	int i;

	if (o->nreq == 0)
		return !record_changes(sv->desc, cur, out);
	for (i = 0; i < PROFILE_NFIELDS; i++)
		if (audit_differs(o->set[i] ? o->v[i] : cur->v[i], out[i]))
			return 0;
	return 1;
}

/* Withdraw the user's waiting requests, replaced by the new one (inside the save's transaction). */
static int
supersede(struct request *rq, const struct save *sv, const struct record_row *cur)
{
	const struct overlay *o = sv->arg;
	int i, rc;

	for (i = 0; i < o->nreq; i++)
		if ((rc = changes_withdraw(rq->db, rq->session->user_id, o->id[i], o->version[i], cur->id,
		    "superseded")) != 0)
			return rc == TP_ESTALE ? TP_ESTALE : db_err(rq->db);
	return 0;
}

/* The secretariat's save: the form with its notice; only a withdrawal: the withdrawn request. */
static int
member_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	const char *slug = hdf_get_value(hdf, "TP.slug", "");
	const struct overlay *o = sv->arg;
	int n;

	(void)rq;
	(void)id;
	if (done != NULL && strcmp(done, "withdrawn") == 0 && o != NULL && o->nreq > 0)
		n = asprintf(location, "/admin/requests/%lld?done=withdrawn", o->id[o->nreq - 1]);
	else
		n = asprintf(location, "/admin/members/%s?done=saved", slug);
	if (n < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

int
page_admin_member_save(struct request *rq, HDF *hdf)
{
	struct overlay o;
	struct profile cur;
	struct save sv;
	int rc;

	memset(&o, 0, sizeof(o));
	if ((rc = load_own(rq, &cur)) != 0 || (rc = form_context(rq, hdf, &cur, &o)) != 0)
		goto out;
	memset(&sv, 0, sizeof(sv));
	sv.desc = &profile_record;
	sv.id = cur.id;
	sv.owner = cur.id;
	sv.tmpl = "admin_member.cs";
	sv.review = rq->session->role != ROLE_SECRETARIAT;
	sv.check = check_form;
	sv.location = member_location;
	sv.arg = &o;
	sv.nothing_to_do = nothing_to_do;
	if (sv.review) {
		sv.before_write = supersede;
		if (o.nreq > 0) {
			sv.prior = (const char *const *)o.v;
			sv.prior_set = o.set;
		}
	}
	rc = save_record(rq, hdf, &sv);
out:
	overlay_free(&o);
	profile_free(&cur);
	return rc;
}
