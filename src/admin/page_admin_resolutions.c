/*
 * page_admin_resolutions.c - the resolutions taken on a meeting's agenda items: record one (text, outcome,
 * votes where they were counted), change it, delete it. One transaction per save with its audit row; a
 * stale version is answered with both versions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/auth.h"
#include "admin/committees_admin.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "store/versioned.h"
#include "pages/page_rows.h"

/* The meeting of the URL, when the user may manage its committee. */
static int
load_meeting(struct request *rq, HDF *hdf, struct meeting_ref *m)
{
	long long id;
	int rc;

	if ((rc = committees_arg_id(rq, 0, &id)) != 0)
		return rc;
	return committees_load_meeting(rq, hdf, id, m);
}

enum { R_ITEM, R_BODY, R_OUTCOME, R_FOR, R_AGAINST, R_ABSTAIN, R_NFIELDS };

static const char *const resolution_columns[R_NFIELDS] = {
	"agenda_item_id", "body", "outcome", "votes_for", "votes_against", "votes_abstain"
};

static const struct versioned_spec resolution_spec = {
	"resolution", resolution_columns, R_NFIELDS,
	"SELECT r.id, r.version, i.meeting_id, r.agenda_item_id, r.body, r.outcome, r.votes_for, r.votes_against, "
	"r.votes_abstain FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id "
	"WHERE r.id = ?",
	"SELECT r.id, r.version, i.meeting_id, r.agenda_item_id, r.body, r.outcome, r.votes_for, r.votes_against, "
	"r.votes_abstain FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id "
	"WHERE r.id = ? FOR UPDATE",
	"INSERT INTO committee_resolutions (agenda_item_id, body, outcome, votes_for, votes_against, votes_abstain) "
	"SELECT ?, ?, ?, ?, ?, ? FROM committee_meetings g WHERE g.id = ?",
	"UPDATE committee_resolutions SET agenda_item_id = ?, body = ?, outcome = ?, votes_for = ?, votes_against = ?, "
	"votes_abstain = ?, version = version + 1 WHERE id = ? AND version = ?",
	"DELETE FROM committee_resolutions WHERE id = ? AND version = ?",
};

static const struct form_field resolution_form[] = {
	{ "agenda_item_id",	FT_INT, 1, 1, 4294967295LL, NULL },
	{ "body",		FT_TEXT, 1, 1, 5000, NULL },
	{ "outcome",		FT_ENUM, 1, 0, 0, committees_outcomes },
	{ "votes_for",		FT_INT, 0, 0, 9999, NULL },
	{ "votes_against",	FT_INT, 0, 0, 9999, NULL },
	{ "votes_abstain",	FT_INT, 0, 0, 9999, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const char sql_item_options[] =
	"SELECT id, position, title FROM committee_agenda_items WHERE meeting_id = ? ORDER BY position, id";

/* The meeting's agenda items, to choose from; the template is the resolution form. */
static int
item_options(struct request *rq, HDF *hdf, long long meeting)
{
	struct db_stmt *st = db_prepare(rq->db, sql_item_options);

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, meeting);
	if (page_rows(hdf, "Items", st) < 0)
		return db_err(rq->db);
	rq->tmpl = "admin_resolution.cs";
	return 0;
}

/* A vote count of the checked form: -1 when not recorded (or wrong: form_check said so). */
static int
votes_of(HDF *hdf, const char *name)
{
	const char *v = form_value(hdf, name);
	long long n;

	return v != NULL && parse_ll(v, 0, 9999, &n) == 0 ? (int)n : -1;
}

/*
 * The rules of the records (committees_check): the meeting has started (or is marked held), and the
 * votes are no more than the members present (a proxy counts: it votes for its seat). Errors, or -1.
 */
static int
resolution_rules(struct request *rq, HDF *hdf, const struct meeting_ref *m, int errors)
{
	struct committees_facts f;
	char now[17];
	int broken;

	if (committees_meeting_facts(rq, m, &f, now) != 0)
		return -1;
	f.records = 1;
	f.votes[0] = votes_of(hdf, "votes_for");
	f.votes[1] = votes_of(hdf, "votes_against");
	f.votes[2] = votes_of(hdf, "votes_abstain");
	broken = committees_check(&f);
	render_set_int(hdf, f.present + f.proxy, "Meeting.attending");
	/* the field's message first: committees_form_error lists the form's fields again, the rule's comes after */
	if (broken & CR_OVER_PRESENT)
		errors = committees_form_error(hdf, resolution_form, "votes_for", "L.committee_admin.err_over_present");
	if (broken & CR_NOT_STARTED)
		errors = committees_rule_error(hdf, "meeting", "L.committee_admin.err_not_started");
	return errors;
}

/* form_check, the agenda item must be one of this meeting's, and the rules of the records. Errors, or -1. */
static int
check_resolution(struct request *rq, HDF *hdf, const struct meeting_ref *m)
{
	const char *item;
	int errors = form_check(rq, hdf, resolution_form), known = 0;
	HDF *node;

	if (errors < 0)
		return -1;
	item = hdf_get_value(hdf, "Form.agenda_item_id.error", NULL) == NULL ? form_value(hdf, "agenda_item_id") : NULL;
	for (node = hdf_get_child(hdf, "Items"); item != NULL && node != NULL; node = hdf_obj_next(node))
		if (strcmp(hdf_get_value(node, "id", ""), item) == 0)
			known = 1;
	if (item != NULL && !known)
		errors = committees_form_error(hdf, resolution_form, "agenda_item_id", "L.form.err_choice");
	return resolution_rules(rq, hdf, m, errors);
}

/* The checked form as the row's values; numbers in their plain form ("007" as "7"). */
static void
resolution_values(HDF *hdf, const char **v, char nums[4][24])
{
	long long n;
	int i;

	for (i = 0; i < R_NFIELDS; i++)
		v[i] = form_value(hdf, resolution_columns[i]);
	for (i = R_FOR; i <= R_ABSTAIN; i++)
		if (v[i] != NULL && parse_ll(v[i], 0, 9999, &n) == 0) {
			snprintf(nums[i - R_FOR], 24, "%lld", n);
			v[i] = nums[i - R_FOR];
		}
	if (v[R_ITEM] != NULL && parse_ll(v[R_ITEM], 1, 4294967295LL, &n) == 0) {
		snprintf(nums[3], 24, "%lld", n);
		v[R_ITEM] = nums[3];
	}
}

int
page_admin_resolution_new(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	int rc;

	if ((rc = load_meeting(rq, hdf, &m)) != 0 || (rc = item_options(rq, hdf, m.id)) != 0)
		return rc;
	render_set(hdf, request_param(rq, "item"), "Form.agenda_item_id.value");
	return 0;
}

int
page_admin_resolution_create(struct request *rq, HDF *hdf)
{
	const char *v[R_NFIELDS];
	char nums[4][24];
	struct meeting_ref m;
	int rc, errors, b;

	if ((rc = load_meeting(rq, hdf, &m)) != 0 || (rc = item_options(rq, hdf, m.id)) != 0)
		return rc;
	if ((errors = check_resolution(rq, hdf, &m)) != 0)
		return errors < 0 ? 500 : 422;
	resolution_values(hdf, v, nums);
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : versioned_create(rq->db, &resolution_spec, rq->session->user_id,
	    m.id, v, m.c.slug, NULL), &m.id);
	return rc != 0 ? rc : committees_redirect(rq, "/admin/meetings/%lld?done=resolution#resolutions", m.id);
}

/* Load resolution {id}, its meeting and committee, when the user may manage it. */
static int
load_resolution(struct request *rq, HDF *hdf, struct versioned *r, struct meeting_ref *m)
{
	int rc;

	if ((rc = committees_load_arg(rq, &resolution_spec, r)) != 0 ||
	    (rc = committees_load_meeting(rq, hdf, r->owner, m)) != 0)
		return rc;
	render_set_int(hdf, r->id, "Resolution.id");
	return item_options(rq, hdf, m->id);
}

static void
resolution_to_form(HDF *hdf, const struct versioned *r)
{
	int i;

	for (i = 0; i < R_NFIELDS; i++)
		render_set(hdf, r->v[i], "Form.%s.value", resolution_columns[i]);
	render_set_int(hdf, r->version, "Form.version.value");
}

int
page_admin_resolution_form(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct versioned r;
	int rc;

	if ((rc = load_resolution(rq, hdf, &r, &m)) == 0)
		resolution_to_form(hdf, &r);
	versioned_free(&r);
	return rc;
}

static int
resolution_conflict(HDF *hdf, const struct versioned *cur, const char *const *yours)
{
	return committees_conflict(hdf, resolution_columns, (const char *const *)cur->v, yours, R_NFIELDS, cur->version);
}

int
page_admin_resolution_save(struct request *rq, HDF *hdf)
{
	const char *v[R_NFIELDS];
	char nums[4][24];
	struct meeting_ref m;
	struct versioned r;
	long long version;
	int rc, errors, b;

	if ((rc = load_resolution(rq, hdf, &r, &m)) != 0 || (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	render_set_int(hdf, version, "Form.version.value");
	if ((errors = check_resolution(rq, hdf, &m)) != 0) {
		rc = errors < 0 ? 500 : 422;
		goto out;
	}
	resolution_values(hdf, v, nums);
	if (version != r.version) {
		rc = resolution_conflict(hdf, &r, v);
		goto out;
	}
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : versioned_update(rq->db, &resolution_spec, rq->session->user_id,
	    r.id, version, v, m.c.slug), &m.id);
	if (rc == TP_ESTALE) {
		versioned_free(&r);
		rc = versioned_load(rq->db, &resolution_spec, r.id, &r) == 1 ? resolution_conflict(hdf, &r, v) : 404;
	} else if (rc == 0)
		rc = committees_redirect(rq, "/admin/meetings/%lld?done=resolution#resolutions", m.id);
out:
	versioned_free(&r);
	return rc;
}

int
page_admin_resolution_delete(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct versioned r;
	long long version;
	int rc, b;

	if ((rc = load_resolution(rq, hdf, &r, &m)) != 0 || (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : versioned_delete(rq->db, &resolution_spec, rq->session->user_id,
	    r.id, version, m.c.slug), &m.id);
	if (rc == TP_ESTALE)
		rc = committees_stale(rq, hdf, &resolution_spec, r.id, resolution_to_form);
	else if (rc == 0)
		rc = committees_redirect(rq, "/admin/meetings/%lld?done=resolution_deleted#resolutions", m.id);
out:
	versioned_free(&r);
	return rc;
}
