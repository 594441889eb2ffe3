/*
 * page_admin_agenda.c - a meeting's agenda: adding items (last), changing one, moving one up or down,
 * removing one (the others close up; not while resolutions hang on it). Each item has its own version;
 * changes to one meeting's agenda queue behind a lock on the meeting's row. Adding and changing go through
 * the save pipeline (admin/save.c, model/committee_records.c); a move or delete against a changed item
 * shows it as it is now, to do again on purpose.
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

static const char sql_lock_meeting[] = "SELECT id FROM committee_meetings WHERE id = ? FOR UPDATE";
static const char sql_item_order[] =
	"SELECT id, position FROM committee_agenda_items WHERE meeting_id = ? ORDER BY position, id";
static const char sql_item_position[] =
	"UPDATE committee_agenda_items SET position = ?, version = version + 1 WHERE id = ?";
static const char sql_item_resolutions[] =
	"SELECT COUNT(*) FROM committee_resolutions WHERE agenda_item_id = ?";

/* Lock the meeting's row for the transaction: agenda changes of one meeting queue behind each other. */
static int
lock_meeting(struct request *rq, long long id)
{
	struct db_stmt *st = db_prepare(rq->db, sql_lock_meeting);
	int rc;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? 404 : db_err(rq->db);
}

/* Number the meeting's items 1, 2, ... in their order, with moved (0 if none) swapped with its neighbour
 * (dir -1 up, +1 down). Items whose position changes get a new version. 0 or a status. */
static int
renumber(struct request *rq, long long meeting, long long moved, int dir)
{
	struct db_stmt *st = db_prepare(rq->db, sql_item_order);
	long long ids[1000], pos[1000], t;
	int n = 0, i, rc;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, meeting);
	while ((rc = db_step(st)) == DB_ROW && n < 1000) {
		ids[n] = db_col_int(st, 0);
		pos[n++] = db_col_int(st, 1);
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	for (i = 0; moved > 0 && i < n; i++)
		if (ids[i] == moved && i + dir >= 0 && i + dir < n) {
			/* swap the pair, each with its old position: both then differ from their new one */
			t = ids[i], ids[i] = ids[i + dir], ids[i + dir] = t;
			t = pos[i], pos[i] = pos[i + dir], pos[i + dir] = t;
			break;
		}
	for (i = 0; i < n; i++) {
		long long keys[2] = { i + 1, ids[i] };

		if (pos[i] != i + 1 && versioned_exec(rq->db, sql_item_position, NULL, 0, keys, 2, NULL) < 0)
			return db_err(rq->db);
	}
	return 0;
}

/* The pipeline's description of a save of item id (0: a new one at the end of meeting m's agenda). */
static void
item_save(struct save *sv, struct committee_save *cs, const struct meeting_ref *m, long long id, const char *tmpl)
{
	memset(sv, 0, sizeof(*sv));
	memset(cs, 0, sizeof(*cs));
	cs->write = item_write;
	cs->note = m->c.slug;
	cs->meeting_id = m->id;
	cs->done = "?done=item#agenda";
	sv->desc = &item_record;
	sv->id = id;
	sv->owner = m->id;
	sv->tmpl = tmpl;
	sv->location = committees_save_location;
	sv->write = committees_save_write;
	sv->arg = cs;
}

int
page_admin_item_create(struct request *rq, HDF *hdf)
{
	struct committee_save cs;
	struct meeting_ref m;
	struct save sv;
	char *key = NULL;
	long long id;
	int rc, again;

	if ((rc = committees_arg_id(rq, 0, &id)) != 0 || (rc = committees_load_meeting(rq, hdf, id, &m)) != 0)
		return rc;
	item_save(&sv, &cs, &m, 0, "admin_meeting.cs");
	if ((rc = save_record(rq, hdf, &sv)) == 303)
		return rc;
	/* the form again on the meeting's page: the page and the meeting's own form as stored, the item's
	 * values and one-time key as sent */
	if (request_param(rq, "key") != NULL && (key = strdup(request_param(rq, "key"))) == NULL)
		return 500;
	if ((again = page_admin_meeting_page(rq, hdf, &m)) == 0)
		render_set(hdf, key, "Form.item_key.value");
	free(key);
	return again != 0 ? again : rc;
}

/* Load item {id} with its meeting and committee, when the user may manage it. */
static int
load_item(struct request *rq, HDF *hdf, struct versioned *r, struct meeting_ref *m)
{
	int rc;

	if ((rc = committees_load_arg(rq, &item_spec, r)) != 0 ||
	    (rc = committees_load_meeting(rq, hdf, r->owner, m)) != 0)
		return rc;
	render_set_int(hdf, r->id, "Item.id");
	rq->tmpl = "admin_agenda_item.cs";
	return 0;
}

/* The item as stored into its form, with its version, digests and a new one-time key. */
static void
item_to_form(HDF *hdf, const struct versioned *r)
{
	struct record_row row;
	int i;

	memset(&row, 0, sizeof(row));
	row.version = r->version;
	for (i = 0; i < IF_NFIELDS; i++)
		row.v[i] = r->v[i];
	save_form(hdf, &item_record, &row);
}

int
page_admin_item_form(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct versioned r;
	int rc;

	if ((rc = load_item(rq, hdf, &r, &m)) == 0)
		item_to_form(hdf, &r);
	versioned_free(&r);
	return rc;
}

int
page_admin_item_save(struct request *rq, HDF *hdf)
{
	struct committee_save cs;
	struct meeting_ref m;
	struct versioned r;
	struct save sv;
	int rc;

	if ((rc = load_item(rq, hdf, &r, &m)) == 0) {
		item_save(&sv, &cs, &m, r.id, "admin_agenda_item.cs");
		rc = save_record(rq, hdf, &sv);
	}
	versioned_free(&r);
	return rc;
}

/* Move item r one place (dir -1 up, +1 down) with its audit row. 0, TP_ESTALE, or a status. */
static int
move_item(struct request *rq, const struct versioned *r, long long version, int dir, const char *note)
{
	const char *field = "direction", *news = dir < 0 ? "up" : "down";
	struct versioned cur;
	int rc;

	if ((rc = lock_meeting(rq, r->owner)) != 0)
		return rc;
	if ((rc = versioned_load(rq->db, &item_spec, r->id, &cur)) <= 0)
		return rc < 0 ? db_err(rq->db) : 404;
	rc = cur.version != version ? TP_ESTALE : renumber(rq, r->owner, r->id, dir);
	versioned_free(&cur);
	if (rc == 0 && versioned_audit(rq->db, rq->session->user_id, "move", "agenda_item", r->id, note,
	    &field, NULL, &news, 1) != 0)
		rc = db_err(rq->db);
	return rc;
}

int
page_admin_item_move(struct request *rq, HDF *hdf)
{
	const char *dir = request_param(rq, "direction");
	struct meeting_ref m;
	struct versioned r;
	long long version;
	int rc, b;

	if ((rc = load_item(rq, hdf, &r, &m)) != 0 || (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	if (dir == NULL) {
		rq->error_detail = "direction";
		rq->tmpl = NULL;
		rc = 400;
		goto out;
	}
	b = db_begin(rq->db);
	rc = committees_commit(rq, b, b != 0 ? 0 : move_item(rq, &r, version, strcmp(dir, "up") == 0 ? -1 : 1, m.c.slug));
	if (rc == TP_ESTALE)
		rc = committees_stale(rq, hdf, &item_spec, r.id, item_to_form);
	else if (rc == 0)
		rc = committees_redirect(rq, "/admin/meetings/%lld?done=moved#agenda", m.id);
out:
	versioned_free(&r);
	return rc;
}

/* 1 when resolutions were recorded on item id (it must then stay), 0, or -1. */
static int
item_has_resolutions(struct request *rq, long long id)
{
	return db_exists(rq->db, sql_item_resolutions, id);
}

/* Delete item r and number the rest again. */
static int
delete_item(struct request *rq, const struct versioned *r, long long version, const char *note)
{
	int rc;

	if ((rc = lock_meeting(rq, r->owner)) != 0 ||
	    (rc = versioned_delete(rq->db, &item_spec, rq->session->user_id, r->id, version, note)) != 0)
		return rc;
	return renumber(rq, r->owner, 0, 0);
}

int
page_admin_item_delete(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct versioned r;
	long long version;
	int rc, used, b;

	if ((rc = load_item(rq, hdf, &r, &m)) != 0 || (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	item_to_form(hdf, &r);
	if (version != r.version) {
		rc = committees_stale(rq, hdf, &item_spec, r.id, item_to_form);
		goto out;
	}
	if ((used = item_has_resolutions(rq, r.id)) != 0) {
		render_set(hdf, "1", "Page.DeleteRefused");
		rc = used < 0 ? db_err(rq->db) : 422;
		goto out;
	}
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : delete_item(rq, &r, version, m.c.slug), &m.id);
	if (rc == TP_ESTALE)
		rc = committees_stale(rq, hdf, &item_spec, r.id, item_to_form);
	else if (rc == 0)
		rc = committees_redirect(rq, "/admin/meetings/%lld?done=item_deleted#agenda", m.id);
out:
	versioned_free(&r);
	return rc;
}
