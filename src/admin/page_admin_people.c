/*
 * page_admin_people.c - a technopark's people in the admin: the list, the form to add or edit a
 * person, and deleting one. Saves are checked against the record's version (409 shows both sides);
 * with people_review on, a member admin's save becomes a change request instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "http/auth.h"
#include "store/changes.h"
#include "core/conf.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "admin/save.h"
#include "model/notify.h"
#include "pages/pages.h"
#include "model/people.h"
#include "view/render.h"
#include "pages/page_rows.h"

static const char sql_tp_by_slug[] = "SELECT id, slug, name_ko FROM technoparks WHERE slug = ?";
static const char sql_tp_by_id[] = "SELECT id, slug, name_ko FROM technoparks WHERE id = ?";
static const char sql_people[] =
	"SELECT id, name, title, department, phone, email, sort, visible, is_demo, version "
	"FROM people WHERE technopark_id = ? ORDER BY sort, name, id";

/* Load a technopark (by slug, or by id when slug is NULL) into TP. 0, 404, or a status. */
static int
load_tp(struct request *rq, HDF *hdf, const char *slug, long long id, long long *tp_id)
{
	struct db_stmt *st = db_prepare(rq->db, slug != NULL ? sql_tp_by_slug : sql_tp_by_id);
	int rc;

	if (st == NULL)
		return db_err(rq->db);
	if (slug != NULL)
		db_bind_text(st, 0, slug);
	else
		db_bind_int(st, 0, id);
	if ((rc = page_row_one(hdf, "TP", st)) < 0)
		return db_err(rq->db);
	if (rc == 0)
		return 404;
	if (tp_id != NULL)
		*tp_id = hdf_get_int_value(hdf, "TP.id", 0);
	return 0;
}

/* The technopark of a person, for the page's heading: the association's own staff have none. */
static int
load_person_tp(struct request *rq, HDF *hdf, long long tp_id)
{
	if (tp_id == 0) {
		render_set(hdf, hdf_get_value(hdf, "L.people.association", ""), "TP.name_ko");
		return 0;
	}
	return load_tp(rq, hdf, NULL, tp_id, NULL);
}

/* Load person id (404 when unknown) and check the user may edit it (403). */
static int
load_person(struct request *rq, HDF *hdf, struct person *p)
{
	long long id;
	int rc;

	memset(p, 0, sizeof(*p));
	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	if ((rc = person_load(rq->db, id, p)) < 0)
		return db_err(rq->db);
	if (rc == 0)
		return 404;
	render_set_int(hdf, p->id, "Person.id");
	render_set_int(hdf, p->is_demo, "Person.is_demo");
	return load_person_tp(rq, hdf, p->technopark_id);
}

/* Put the stored values into the form, with their version, digests and a new one-time key. */
static void
person_to_form(HDF *hdf, const struct person *p)
{
	struct record_row r;
	int i;

	memset(&r, 0, sizeof(r));
	r.version = p->version;
	for (i = 0; i < PERSON_NFIELDS; i++)
		r.v[i] = p->v[i];
	save_form(hdf, &person_record, &r);
}

/* 1 when this user's saves wait for the secretariat's review. */
static int
review_mode(const struct request *rq)
{
	return rq->conf->people_review && rq->session->role == ROLE_MEMBER_ADMIN;
}

/* The list the person is on; done ("created", or NULL) becomes the list's notice. 0 or -1. */
static int
list_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	const char *slug = hdf_get_value(hdf, "TP.slug", NULL);
	int n;

	(void)rq;
	(void)sv;
	(void)id;
	if (slug != NULL && done != NULL)
		n = asprintf(location, "/admin/members/%s/people?done=%s", slug, done);
	else if (slug != NULL)
		n = asprintf(location, "/admin/members/%s/people", slug);
	else
		n = asprintf(location, "/people?tp=association");
	if (n < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

static int
redirect_list(struct request *rq, HDF *hdf)
{
	return list_location(rq, hdf, NULL, 0, NULL, &rq->location) == 0 ? 303 : 500;
}

static int
redirect_request(struct request *rq, long long id)
{
	if (asprintf(&rq->location, "/admin/requests/%lld?done=submitted", id) < 0) {
		rq->location = NULL;
		return 500;
	}
	return 303;
}

/* The pipeline's description of a save of this person (id 0: a new one of tp_id). */
static void
person_save(struct save *sv, const struct request *rq, long long id, long long tp_id)
{
	memset(sv, 0, sizeof(*sv));
	sv->desc = &person_record;
	sv->id = id;
	sv->owner = tp_id;
	sv->tmpl = "admin_person.cs";
	sv->review = rq->conf->people_review && rq->session->role == ROLE_MEMBER_ADMIN;
	sv->location = list_location;
}

/* A change request in its own transaction; then 303 to it. */
static int
submit(struct request *rq, long long tp_id, long long id, const char *action, long long version,
    const char *const *fields, const char *const *olds, const char *const *news, int n)
{
	long long req;

	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	if (changes_submit(rq->db, rq->session->user_id, tp_id, "person", id, action, version, fields,
	    olds, news, n, &req) != 0 || notify_request_submitted(rq->db, rq->conf, req) != 0 ||	/* mail, in this transaction */
	    db_commit(rq->db) != 0) {
		db_rollback(rq->db);
		return db_err(rq->db);
	}
	return redirect_request(rq, req);
}

/* person_apply in its own transaction. 0, 409, or a status. */
static int
apply(struct request *rq, const char *action, long long id, long long tp_id, long long version,
    const char *const *values)
{
	int rc;

	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	rc = person_apply(rq->db, rq->session->user_id, action, id, tp_id, version, values, NULL);
	if (rc == 0 && db_commit(rq->db) != 0)
		rc = db_err(rq->db);
	if (rc != 0)
		db_rollback(rq->db);
	return rc == TP_ESTALE ? 409 : rc;
}

int
page_admin_people_list(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;
	long long tp_id;
	int rc;

	if ((rc = load_tp(rq, hdf, rq->args[0], 0, &tp_id)) != 0)
		return rc;
	if ((st = db_prepare(rq->db, sql_people)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, tp_id);
	if (page_rows(hdf, "People", st) < 0)
		return db_err(rq->db);
	if (review_mode(rq))
		render_set(hdf, "1", "Page.Review");
	render_set(hdf, request_param(rq, "done"), "Page.Done");
	rq->tmpl = "admin_people.cs";
	return 0;
}

int
page_admin_person_new(struct request *rq, HDF *hdf)
{
	long long tp_id;
	int rc;

	if ((rc = load_tp(rq, hdf, rq->args[0], 0, &tp_id)) != 0)
		return rc;
	save_form(hdf, &person_record, NULL);
	render_set(hdf, "1", "Form.visible.value");
	if (review_mode(rq))
		render_set(hdf, "1", "Page.Review");
	rq->tmpl = "admin_person.cs";
	return 0;
}

int
page_admin_person_create(struct request *rq, HDF *hdf)
{
	struct save sv;
	long long tp_id;
	int rc;

	if ((rc = load_tp(rq, hdf, rq->args[0], 0, &tp_id)) != 0)
		return rc;
	if (review_mode(rq))
		render_set(hdf, "1", "Page.Review");
	person_save(&sv, rq, 0, tp_id);
	return save_record(rq, hdf, &sv);
}

int
page_admin_person_form(struct request *rq, HDF *hdf)
{
	struct person p;
	int rc;

	if ((rc = load_person(rq, hdf, &p)) != 0)
		goto out;
	person_to_form(hdf, &p);
	if (review_mode(rq))
		render_set(hdf, "1", "Page.Review");
	rq->tmpl = "admin_person.cs";
out:
	person_free(&p);
	return rc;
}

/* The posted version: a number, or 400 naming the parameter. */
static int
posted_version(struct request *rq, long long *version)
{
	const char *v = request_param(rq, "version");

	if (v == NULL || parse_ll(v, 0, 4294967295LL, version) != 0) {
		rq->error_detail = "version";
		return 400;
	}
	return 0;
}

/* After person_apply found the version stale: the record as it is now (404 when it is gone). */
static int
lost_race(struct request *rq, struct person *p)
{
	long long id = p->id;
	int rc;

	person_free(p);
	if ((rc = person_load(rq->db, id, p)) < 0 || rc == 0) {
		rq->tmpl = NULL;	/* deleted meanwhile: the error page says so */
		return rc < 0 ? db_err(rq->db) : 404;
	}
	return 409;
}

int
page_admin_person_save(struct request *rq, HDF *hdf)
{
	struct save sv;
	struct person p;
	int rc;

	if ((rc = load_person(rq, hdf, &p)) == 0) {
		if (review_mode(rq))
			render_set(hdf, "1", "Page.Review");
		person_save(&sv, rq, p.id, p.technopark_id);
		rc = save_record(rq, hdf, &sv);
	}
	person_free(&p);
	return rc;
}

/* A delete against a stale version: show the record as it is now, to delete again on purpose. */
static int
delete_conflict(struct request *rq, HDF *hdf, const struct person *p)
{
	person_to_form(hdf, p);
	render_set(hdf, "1", "Page.DeleteConflict");
	rq->tmpl = "admin_person.cs";
	return 409;
}

static const char sql_seats[] = "SELECT COUNT(*) FROM committee_members WHERE person_id = ?";

/* 1 when the person holds (or held) a committee seat: past compositions keep them, so no delete. */
static int
holds_seat(struct request *rq, long long id)
{
	int rc = db_exists(rq->db, sql_seats, id);

	return rc == DB_ERR ? db_err(rq->db) : rc;
}

int
page_admin_person_delete(struct request *rq, HDF *hdf)
{
	const char *none[PERSON_NFIELDS] = { NULL };
	struct person p;
	long long version;
	int rc;

	if ((rc = load_person(rq, hdf, &p)) != 0 || (rc = posted_version(rq, &version)) != 0)
		goto out;
	if (review_mode(rq))
		render_set(hdf, "1", "Page.Review");
	if (version != p.version) {
		rc = delete_conflict(rq, hdf, &p);
		goto out;
	}
	if ((rc = holds_seat(rq, p.id)) != 0) {
		if (rc == 1 && (rc = page_admin_person_form(rq, hdf)) == 0) {
			render_set(hdf, hdf_get_value(hdf, "L.people_admin.has_seat", "?"), "Form.message");
			rc = 422;
		}
		goto out;
	}
	if (review_mode(rq)) {
		rc = submit(rq, p.technopark_id, p.id, "delete", version, person_fields,
		    (const char *const *)p.v, none, PERSON_NFIELDS);
		goto out;
	}
	rc = apply(rq, "delete", p.id, p.technopark_id, version, NULL);
	if (rc == 409 && (rc = lost_race(rq, &p)) == 409)
		rc = delete_conflict(rq, hdf, &p);
	else if (rc == 0)
		rc = redirect_list(rq, hdf);
out:
	person_free(&p);
	return rc;
}
