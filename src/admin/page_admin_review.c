/*
 * page_admin_review.c - change requests: the list (/admin/requests), one request with its
 * field-by-field diff (/admin/requests/{id}), and the secretariat's decision.
 *
 * A request shows, for each field, the value when it was made, the proposed value and the value
 * now; it is merged three ways against the live record: a field changed since the request was made,
 * to another value, is a conflict, and approving applies it only as the secretariat chooses (the
 * stored value unless they pick the request's), never silently undoing the newer change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "store/audit.h"
#include "store/changes.h"
#include "http/auth.h"
#include "store/db.h"
#include "admin/admin.h"
#include "model/notify.h"
#include "pages/pages.h"
#include "model/people.h"
#include "model/profile.h"
#include "model/record.h"
#include "view/render.h"
#include "pages/page_rows.h"

#define MAX_FIELDS	16

struct change {
	long long	id, tp_id, entity_id, base_version, version, submitted_by;
	char		entity[16], action[16], state[16];
	int		n;
	char		*field[MAX_FIELDS], *old[MAX_FIELDS], *new_[MAX_FIELDS], *cur[MAX_FIELDS];
	int		conflict[MAX_FIELDS];	/* changed since, to another value than the request's */
	int		skip[MAX_FIELDS];	/* the secretariat chose the stored value: not applied */
	int		conflicts;
};

static const char sql_list[] =
	"SELECT r.id, r.entity, r.action, r.state, DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i') AS submitted_at, "
	"u.display_name AS submitted_by, t.slug AS tp_slug, t.name_ko AS tp_name, "
	"(SELECT COUNT(*) FROM change_request_fields f WHERE f.request_id = r.id) AS nfields, "
	"DATE_FORMAT(r.reviewed_at, '%Y-%m-%d %H:%i') AS reviewed_at, r.review_comment, "
	"r.state IN ('approved', 'rejected') AND r.seen_at IS NULL AND r.submitted_by = ? AS unseen "
	"FROM change_requests r JOIN users u ON u.id = r.submitted_by JOIN technoparks t ON t.id = r.technopark_id "
	"WHERE (? IS NULL OR r.state = ?) AND (? = 0 OR r.technopark_id = ?) AND (? = 0 OR r.submitted_by = ?) "
	"ORDER BY r.id DESC LIMIT 200";
static const char sql_tp_id[] = "SELECT id FROM technoparks WHERE slug = ?";

static int
tp_id_of(struct request *rq, const char *slug, long long *id)
{
	struct db_stmt *st = db_prepare(rq->db, sql_tp_id);
	int rc;

	*id = 0;
	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, slug);
	if ((rc = db_step(st)) == DB_ROW)
		*id = db_col_int(st, 0);
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	return *id ? 0 : 400;
}

int
page_admin_requests(struct request *rq, HDF *hdf)
{
	const char *state = request_param(rq, "state"), *tp = request_param(rq, "tp");
	int secretariat = rq->session->role == ROLE_SECRETARIAT;
	long long uid = rq->session->user_id, mine = request_param(rq, "mine") != NULL ? uid : 0;
	struct db_stmt *st;
	long long tp_id = 0;
	int rc;

	if (state == NULL)
		state = secretariat && mine == 0 ? "pending" : "all";
	if (tp != NULL && (rc = tp_id_of(rq, tp, &tp_id)) != 0) {
		rq->error_detail = "tp";
		return rc;
	}
	if (!secretariat) {
		if (tp_id != 0 && tp_id != rq->session->technopark_id)
			return 403;
		tp_id = rq->session->technopark_id;
	}
	if ((st = db_prepare(rq->db, sql_list)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, uid);
	db_bind_text(st, 1, strcmp(state, "all") == 0 ? NULL : state);
	db_bind_text(st, 2, state);
	db_bind_int(st, 3, tp_id);
	db_bind_int(st, 4, tp_id);
	db_bind_int(st, 5, mine);
	db_bind_int(st, 6, mine);
	if (page_rows(hdf, "Requests", st) < 0)
		return db_err(rq->db);
	render_set(hdf, state, "Filter.state");
	if (mine != 0)
		render_set(hdf, "1", "Filter.mine");
	render_set(hdf, tp, "Filter.tp");
	rq->tmpl = "admin_requests.cs";
	return 0;
}

static const char sql_request[] =
	"SELECT r.id, r.technopark_id, COALESCE(r.entity_id, 0), COALESCE(r.base_version, 0), r.version, "
	"r.entity, r.action, r.state, r.submitted_by FROM change_requests r WHERE r.id = ?";
static const char sql_request_lock[] =
	"SELECT r.id, r.technopark_id, COALESCE(r.entity_id, 0), COALESCE(r.base_version, 0), r.version, "
	"r.entity, r.action, r.state, r.submitted_by FROM change_requests r WHERE r.id = ? FOR UPDATE";
static const char sql_fields[] =
	"SELECT field, old_value, new_value FROM change_request_fields WHERE request_id = ? ORDER BY field";

static void
change_free(struct change *c)
{
	int i;

	for (i = 0; i < c->n; i++) {
		free(c->field[i]);
		free(c->old[i]);
		free(c->new_[i]);
		free(c->cur[i]);
	}
	c->n = 0;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? strdup(s) : NULL;
}

static int
load_fields(struct db *db, struct change *c)
{
	struct db_stmt *st = db_prepare(db, sql_fields);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 0, c->id);
	/* a request holds at most one row per field of its record (fewer than MAX_FIELDS): more is a
	 * broken row, an error, never a request shown or approved in part */
	while ((rc = db_step(st)) == DB_ROW) {
		const char *o = db_col_text(st, 1), *n = db_col_text(st, 2);

		if (c->n == MAX_FIELDS) {
			rc = DB_ERR;
			break;
		}
		c->field[c->n] = strdup(db_col_text(st, 0) != NULL ? db_col_text(st, 0) : "");
		c->old[c->n] = dup_or_null(o);
		c->new_[c->n] = dup_or_null(n);
		c->n++;
		if (c->field[c->n - 1] == NULL || (o != NULL && *o != '\0' && c->old[c->n - 1] == NULL) ||
		    (n != NULL && *n != '\0' && c->new_[c->n - 1] == NULL)) {
			rc = DB_ERR;
			break;
		}
	}
	db_reset(st);
	return rc == DB_ERR ? -1 : 0;
}

/* The record's values now, for each field of the request; counts fields changed since. */
static int
load_current(struct db *db, struct change *c, int lock)
{
	struct profile p;
	struct person ps;
	int i, k, found = 0;

	if (strcmp(c->entity, "technopark") == 0) {
		if ((found = profile_load(db, NULL, c->entity_id, lock, &p)) < 0)
			return -1;
		for (i = 0; i < c->n && found; i++)
			if ((k = profile_field_index(c->field[i])) >= 0)
				c->cur[i] = dup_or_null(p.v[k]);
		profile_free(&p);
	} else if (c->entity_id > 0) {
		if ((found = person_load(db, c->entity_id, &ps)) < 0)
			return -1;
		for (i = 0; i < c->n && found; i++)
			for (k = 0; k < PERSON_NFIELDS; k++)
				if (strcmp(person_fields[k], c->field[i]) == 0)
					c->cur[i] = dup_or_null(ps.v[k]);
		if (found)
			person_free(&ps);
	}
	/* merged three ways (as admin/save.c merges forms): old is the base, cur the stored value, new the
	 * request's; a field changed since to the request's own value is no conflict */
	c->conflicts = 0;
	for (i = 0; i < c->n; i++) {
		c->conflict[i] = strcmp(c->action, "create") != 0 && (!found ||
		    (audit_differs(c->cur[i], c->old[i]) && audit_differs(c->cur[i], c->new_[i])));
		c->conflicts += c->conflict[i];
	}
	return 0;
}

/* Load request id (row-locked with lock). 1 found, 0 not, -1 error. */
static int
change_load(struct db *db, long long id, int lock, struct change *c)
{
	struct db_stmt *st = db_prepare(db, lock ? sql_request_lock : sql_request);
	int rc, found = 0;

	memset(c, 0, sizeof(*c));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		c->id = db_col_int(st, 0);
		c->tp_id = db_col_int(st, 1);
		c->entity_id = db_col_int(st, 2);
		c->base_version = db_col_int(st, 3);
		c->version = db_col_int(st, 4);
		snprintf(c->entity, sizeof(c->entity), "%s", db_col_text(st, 5));
		snprintf(c->action, sizeof(c->action), "%s", db_col_text(st, 6));
		snprintf(c->state, sizeof(c->state), "%s", db_col_text(st, 7));
		c->submitted_by = db_col_int(st, 8);
	}
	db_reset(st);
	if (rc == DB_ERR)
		return -1;
	if (found && (load_fields(db, c) != 0 || load_current(db, c, lock) != 0)) {
		change_free(c);
		return -1;
	}
	return found;
}

static const char sql_show[] =
	"SELECT r.id, r.entity, r.action, r.state, r.version, r.review_comment, "
	"DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i') AS submitted_at, s.display_name AS submitted_by, "
	"DATE_FORMAT(r.reviewed_at, '%Y-%m-%d %H:%i') AS reviewed_at, v.display_name AS reviewed_by, "
	"t.slug AS tp_slug, t.name_ko AS tp_name, r.entity_id, r.submitted_by AS submitted_by_id, "
	"(SELECT p.name FROM people p WHERE r.entity = 'person' AND p.id = r.entity_id) AS person_name "
	"FROM change_requests r JOIN users s ON s.id = r.submitted_by LEFT JOIN users v ON v.id = r.reviewed_by "
	"JOIN technoparks t ON t.id = r.technopark_id WHERE r.id = ?";

/* A decision shows on its submitter's admin home until they have opened the request. */
static const char sql_seen[] =
	"UPDATE change_requests SET seen_at = NOW() WHERE id = ? AND submitted_by = ? "
	"AND state IN ('approved', 'rejected') AND seen_at IS NULL";

static int
mark_seen(struct request *rq, long long id)
{
	struct db_stmt *st = db_prepare(rq->db, sql_seen);
	int rc;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	db_bind_int(st, 1, rq->session->user_id);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? 0 : db_err(rq->db);
}

/* The record description of a request's entity (its labels and names). */
static const struct record_desc *
desc_of(const struct change *c)
{
	return strcmp(c->entity, "technopark") == 0 ? &profile_record : &person_record;
}

/* A value as a person reads it: industries by name (the description's names()). */
static void
human(struct request *rq, const struct change *c, const char *field, const char *v, char *out, size_t size)
{
	const struct record_desc *d = desc_of(c);
	const struct record_field *f = record_field_named(d, field, NULL);
	char slug[64], name[200];
	size_t len = 0, k;
	const char *p = v;

	*out = '\0';
	if (v == NULL)
		return;
	if (f == NULL || f->show != SHOW_NAMES || d->names == NULL) {
		snprintf(out, size, "%s", v);
		return;
	}
	while (*p != '\0' && len + 1 < size) {
		k = strcspn(p, ",");
		snprintf(slug, sizeof(slug), "%.*s", (int)(k < sizeof(slug) ? k : sizeof(slug) - 1), p);
		if (d->names(rq->db, field, slug, name, sizeof(name)) != 0)
			snprintf(name, sizeof(name), "%s", slug);
		len += (size_t)snprintf(out + len, size - len, "%s%s", len > 0 ? ", " : "", name);
		p += k + (p[k] == ',');
	}
}

/* Conflicting field i as a choice of the decision form (form.cs conflict_side): stored or requested. */
static void
choice(struct request *rq, HDF *hdf, const struct change *c, int i, int row)
{
	const struct record_field *f = record_field_named(desc_of(c), c->field[i], NULL);
	char buf[4096], key[120];

	render_set(hdf, c->field[i], "Choices.%d.field", row);
	snprintf(key, sizeof(key), "L.%s", f != NULL ? f->label : "field");
	render_set(hdf, hdf_get_value(hdf, key, c->field[i]), "Choices.%d.label", row);
	human(rq, c, c->field[i], c->cur[i], buf, sizeof(buf));
	render_set(hdf, buf, "Choices.%d.stored", row);
	human(rq, c, c->field[i], c->new_[i], buf, sizeof(buf));
	render_set(hdf, buf, "Choices.%d.yours", row);
}

/* The request page: header facts and the field-by-field diff. */
static int
show(struct request *rq, HDF *hdf, long long id)
{
	struct db_stmt *st = db_prepare(rq->db, sql_show);
	struct change c;
	int i, found, own, choices = 0;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	if (page_row_one(hdf, "Req", st) < 0)
		return db_err(rq->db);
	own = hdf_get_int_value(hdf, "Req.submitted_by_id", 0) == rq->session->user_id;
	if (own && rq->method != M_POST && (i = mark_seen(rq, id)) != 0)
		return i;
	if ((found = change_load(rq->db, id, 0, &c)) <= 0)
		return found < 0 ? db_err(rq->db) : 404;	/* change_load freed what it had */
	/* another technopark's request is hidden by the route's hook (admin/access.c) */
	for (i = 0; i < c.n; i++) {
		render_set(hdf, c.field[i], "Fields.%d.name", i);
		render_set(hdf, c.old[i], "Fields.%d.old", i);
		render_set(hdf, c.new_[i], "Fields.%d.new", i);
		render_set(hdf, c.cur[i], "Fields.%d.cur", i);
		if (strcmp(c.state, "pending") == 0 && c.conflict[i]) {
			render_set(hdf, "1", "Fields.%d.conflict", i);
			choice(rq, hdf, &c, i, choices++);
		}
	}
	if (strcmp(c.state, "pending") == 0 && c.conflicts > 0)
		render_set(hdf, "1", "Req.has_conflict");
	if (rq->session->role == ROLE_SECRETARIAT && strcmp(c.state, "pending") == 0)
		render_set(hdf, "1", "Req.can_decide");
	if (own && strcmp(c.state, "pending") == 0)
		render_set(hdf, "1", "Req.can_withdraw");
	change_free(&c);
	rq->tmpl = "admin_request.cs";
	return 0;
}

int
page_admin_request_show(struct request *rq, HDF *hdf)
{
	long long id;

	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	render_set(hdf, request_param(rq, "done"), "Page.Done");
	return show(rq, hdf, id);
}

/* Apply an approved request to its record (inside the transaction). 0, 409 or a status. */
static int
apply(struct request *rq, const struct change *c)
{
	const char *values[PROFILE_NFIELDS > PERSON_NFIELDS ? PROFILE_NFIELDS : PERSON_NFIELDS];
	long long uid = rq->session->user_id, new_id;
	struct profile p;
	struct person ps;
	int i, k, rc, found;

	if (strcmp(c->entity, "technopark") == 0) {
		if ((found = profile_load(rq->db, NULL, c->entity_id, 1, &p)) <= 0)
			return found < 0 ? db_err(rq->db) : 409;
		for (k = 0; k < PROFILE_NFIELDS; k++)
			values[k] = p.v[k];
		for (i = 0; i < c->n; i++)
			if (!c->skip[i] && (k = profile_field_index(c->field[i])) >= 0)
				values[k] = c->new_[i];
		/* the values are the submitter's: a demo account's stay marked demo (issue 20) */
		rc = profile_apply(rq->db, uid, c->submitted_by, &p, values, "approve", NULL);
		profile_free(&p);
		return rc == TP_ESTALE ? 409 : rc;
	}
	memset(&ps, 0, sizeof(ps));
	if (c->entity_id > 0 && (found = person_load(rq->db, c->entity_id, &ps)) <= 0)
		return found < 0 ? db_err(rq->db) : 409;
	for (k = 0; k < PERSON_NFIELDS; k++)
		values[k] = ps.v[k];
	for (i = 0; i < c->n; i++)
		for (k = 0; k < PERSON_NFIELDS; k++)
			if (!c->skip[i] && strcmp(person_fields[k], c->field[i]) == 0)
				values[k] = c->new_[i];
	rc = person_apply(rq->db, uid, c->action, c->entity_id, c->tp_id, ps.version, values, &new_id);
	if (rc == 0 && strcmp(c->action, "create") == 0)
		rc = person_demo_author(rq->db, new_id, c->submitted_by);	/* a demo submitter's person is demo */
	if (c->entity_id > 0)
		person_free(&ps);
	return rc == TP_ESTALE ? 409 : rc;
}

static const char sql_decide[] =
	"UPDATE change_requests SET state = ?, reviewed_by = ?, reviewed_at = NOW(), review_comment = ?, "
	"version = version + 1 WHERE id = ? AND version = ? AND state = 'pending'";

static int
mark(struct request *rq, const struct change *c, const char *state, const char *comment)
{
	struct db_stmt *st = db_prepare(rq->db, sql_decide);
	long long change;
	int rc, one;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, state);
	db_bind_int(st, 1, rq->session->user_id);
	db_bind_text(st, 2, comment);
	db_bind_int(st, 3, c->id);
	db_bind_int(st, 4, c->version);
	rc = db_step(st);
	one = rc == DB_DONE && db_affected(st) == 1;
	db_reset(st);
	if (rc != DB_DONE)
		return db_err(rq->db);
	if (!one)
		return 409;
	if (audit_change(rq->db, rq->session->user_id, strcmp(state, "approved") == 0 ? "approve" : "reject",
	    "change_request", c->id, c->tp_id, comment, &change) != 0)
		return db_err(rq->db);
	return 0;
}

/*
 * The secretariat's choice for each conflicting field (pick.<field>: stored keeps the value stored now,
 * yours applies the request's). 0 when every conflict has one, -1 when one is missing.
 */
static int
picks(struct request *rq, struct change *c)
{
	char key[80];
	const char *v;
	int i;

	for (i = 0; i < c->n; i++) {
		if (!c->conflict[i])
			continue;
		snprintf(key, sizeof(key), "pick.%s", c->field[i]);
		if ((v = request_param(rq, key)) == NULL)
			return -1;
		c->skip[i] = strcmp(v, "yours") != 0;
	}
	return 0;
}

/* Decide inside one transaction; returns 0, 409 (with Decide.problem set) or a status. */
static int
decide(struct request *rq, HDF *hdf, long long id, long long version, int approve, const char *comment)
{
	struct change c;
	int rc, found;

	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	if ((found = change_load(rq->db, id, 1, &c)) <= 0) {
		rc = found < 0 ? db_err(rq->db) : 404;
		goto out;
	}
	rc = 409;
	if (strcmp(c.state, "pending") != 0 || c.version != version)
		render_set(hdf, "decided", "Decide.problem");
	else if (approve && c.conflicts > 0 && picks(rq, &c) != 0)
		render_set(hdf, "conflict", "Decide.problem");
	else if ((rc = approve ? apply(rq, &c) : 0) == 0)
		rc = mark(rq, &c, approve ? "approved" : "rejected", comment);
	else if (rc == 409)
		render_set(hdf, "conflict", "Decide.problem");
	if (rc == 0)
		rc = notify_request_decided(rq->db, rq->conf, id);	/* mail, in this transaction */
out:
	if (rc == 0 && db_commit(rq->db) != 0)
		rc = db_err(rq->db);
	if (rc != 0)
		db_rollback(rq->db);
	change_free(&c);
	return rc;
}

int
page_admin_request_decide(struct request *rq, HDF *hdf)
{
	const char *decision = request_param(rq, "decision"), *comment = request_param(rq, "comment");
	long long id, version;
	int rc;

	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	if (decision == NULL || request_param(rq, "version") == NULL ||
	    parse_ll(request_param(rq, "version"), 1, 4294967295LL, &version) != 0) {
		rq->error_detail = decision == NULL ? "decision" : "version";
		return 400;
	}
	rc = decide(rq, hdf, id, version, strcmp(decision, "approve") == 0, comment);
	if (rc == 409) {	/* show the request as it is now, with why the decision did not go through */
		render_set(hdf, comment, "Form.comment.value");
		return (rc = show(rq, hdf, id)) != 0 ? rc : 409;
	}
	if (rc != 0)
		return rc;
	return asprintf(&rq->location, "/admin/requests/%lld", id) < 0 ? 500 : 303;
}

/* The submitter takes a pending request back (the route's hook checked whose it is and its state). */
int
page_admin_request_withdraw(struct request *rq, HDF *hdf)
{
	long long id, version, tp_id = rq->session->technopark_id;
	struct change c;
	int rc, found;

	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	if (request_param(rq, "version") == NULL ||
	    parse_ll(request_param(rq, "version"), 1, 4294967295LL, &version) != 0) {
		rq->error_detail = "version";
		return 400;
	}
	if (db_begin(rq->db) != 0)
		return db_err(rq->db);
	if ((found = change_load(rq->db, id, 1, &c)) > 0)
		tp_id = c.tp_id;
	rc = found < 0 ? db_err(rq->db) : found == 0 ? 404 :
	    changes_withdraw(rq->db, rq->session->user_id, id, version, tp_id, NULL);
	if (rc == 0 && db_commit(rq->db) != 0)
		rc = db_err(rq->db);
	if (rc != 0)
		db_rollback(rq->db);
	change_free(&c);
	if (rc == TP_ESTALE) {	/* decided or changed meanwhile: the request as it is now */
		render_set(hdf, "decided", "Decide.problem");
		return (rc = show(rq, hdf, id)) != 0 ? rc : 409;
	}
	if (rc != 0)
		return rc;
	return asprintf(&rq->location, "/admin/requests/%lld?done=withdrawn", id) < 0 ? 500 : 303;
}
