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
#include "admin/save.h"
#include "model/committee_records.h"
#include "pages/page_rows.h"

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
		errors = save_field_error(hdf, &resolution_record, "votes_for", "L.committee_admin.err_over_present");
	if (broken & CR_NOT_STARTED)
		errors = committees_rule_error(hdf, "meeting", "L.committee_admin.err_not_started");
	return errors;
}

/* After the description's checks (save.check): the agenda item is one of this meeting's, and the rules of
 * the records. How many messages it added, or a TP_E* code. */
static int
check_resolution(struct request *rq, HDF *hdf, const struct save *sv)
{
	const struct committee_save *cs = sv->arg;
	int before = hdf_get_int_value(hdf, "Form.errors", 0), known = 0, errors;
	const char *item;
	HDF *node;

	item = hdf_get_value(hdf, "Form.agenda_item_id.error", NULL) == NULL ? form_value(hdf, "agenda_item_id") : NULL;
	for (node = hdf_get_child(hdf, "Items"); item != NULL && node != NULL; node = hdf_obj_next(node))
		if (strcmp(hdf_get_value(node, "id", ""), item) == 0)
			known = 1;
	if (item != NULL && !known)
		save_field_error(hdf, &resolution_record, "agenda_item_id", "L.form.err_choice");
	if ((errors = resolution_rules(rq, hdf, cs->meeting, hdf_get_int_value(hdf, "Form.errors", 0))) < 0)
		return TP_EFAIL;
	return errors - before;
}

/* The pipeline's description of a save of resolution id (0: a new one on meeting m). */
static void
resolution_save(struct save *sv, struct committee_save *cs, const struct meeting_ref *m, long long id)
{
	memset(sv, 0, sizeof(*sv));
	memset(cs, 0, sizeof(*cs));
	cs->write = resolution_write;
	cs->note = m->c.slug;
	cs->meeting_id = m->id;
	cs->meeting = m;
	cs->done = "?done=resolution#resolutions";
	sv->desc = &resolution_record;
	sv->id = id;
	sv->owner = m->id;
	sv->tmpl = "admin_resolution.cs";
	sv->check = check_resolution;
	sv->location = committees_save_location;
	sv->write = committees_save_write;
	sv->arg = cs;
}

int
page_admin_resolution_new(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	int rc;

	if ((rc = committees_load_url_meeting(rq, hdf, &m)) != 0 || (rc = item_options(rq, hdf, m.id)) != 0)
		return rc;
	save_form(hdf, &resolution_record, NULL);
	render_set(hdf, request_param(rq, "item"), "Form.agenda_item_id.value");
	return 0;
}

int
page_admin_resolution_create(struct request *rq, HDF *hdf)
{
	struct committee_save cs;
	struct meeting_ref m;
	struct save sv;
	int rc;

	if ((rc = committees_load_url_meeting(rq, hdf, &m)) != 0 || (rc = item_options(rq, hdf, m.id)) != 0)
		return rc;
	resolution_save(&sv, &cs, &m, 0);
	return save_record(rq, hdf, &sv);
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

/* The resolution as stored into its form, with its version, digests and a new one-time key. */
static void
resolution_to_form(HDF *hdf, const struct versioned *r)
{
	struct record_row row;
	int i;

	memset(&row, 0, sizeof(row));
	row.version = r->version;
	for (i = 0; i < RF_NFIELDS; i++)
		row.v[i] = r->v[i];
	save_form(hdf, &resolution_record, &row);
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

int
page_admin_resolution_save(struct request *rq, HDF *hdf)
{
	struct committee_save cs;
	struct meeting_ref m;
	struct versioned r;
	struct save sv;
	int rc;

	if ((rc = load_resolution(rq, hdf, &r, &m)) == 0) {
		resolution_save(&sv, &cs, &m, r.id);
		rc = save_record(rq, hdf, &sv);
	}
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
