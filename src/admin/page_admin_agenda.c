/*
 * page_admin_agenda.c - a meeting's agenda: adding items (last), changing one, moving one up or down,
 * removing one (the others close up; not while resolutions hang on it). Each item has its own version;
 * changes to one meeting's agenda queue behind a lock on the meeting's row.
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

enum { I_TITLE, I_DESCRIPTION, I_NFIELDS };

static const char *const item_columns[I_NFIELDS] = { "title", "description" };

/* A new item goes last: its position is one more than the meeting's highest. */
static const struct versioned_spec item_spec = {
	"agenda_item", item_columns, I_NFIELDS,
	"SELECT id, version, meeting_id, title, description FROM committee_agenda_items WHERE id = ?",
	"SELECT id, version, meeting_id, title, description FROM committee_agenda_items WHERE id = ? FOR UPDATE",
	"INSERT INTO committee_agenda_items (title, description, meeting_id, position) "
	"SELECT ?, ?, g.id, COALESCE((SELECT MAX(i.position) FROM committee_agenda_items i WHERE i.meeting_id = g.id), 0) + 1 "
	"FROM committee_meetings g WHERE g.id = ?",
	"UPDATE committee_agenda_items SET title = ?, description = ?, version = version + 1 WHERE id = ? AND version = ?",
	"DELETE FROM committee_agenda_items WHERE id = ? AND version = ?",
};

/* The item form's names differ from the meeting form's: both are on the meeting's page. */
static const struct form_field item_form[] = {
	{ "item_title",		FT_LINE, 1, 1, 300, NULL },
	{ "item_description",	FT_TEXT, 0, 0, 5000, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

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

/* Add an item at the end of the meeting's agenda, with its audit row. */
static int
add_item(struct request *rq, const struct meeting_ref *m, const char *const *v)
{
	int rc;

	if ((rc = lock_meeting(rq, m->id)) != 0)
		return rc;
	return versioned_create(rq->db, &item_spec, rq->session->user_id, m->id, v, m->c.slug, NULL);
}

int
page_admin_item_create(struct request *rq, HDF *hdf)
{
	const char *v[I_NFIELDS];
	struct meeting_ref m;
	int rc, errors, b;

	if ((rc = page_admin_meeting_page(rq, hdf, &m)) != 0)
		return rc;
	if ((errors = form_check(rq, hdf, item_form)) != 0)
		return errors < 0 ? 500 : 422;
	v[I_TITLE] = form_value(hdf, "item_title");
	v[I_DESCRIPTION] = form_value(hdf, "item_description");
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : add_item(rq, &m, v), &m.id);
	return rc != 0 ? rc : committees_redirect(rq, "/admin/meetings/%lld?done=item#agenda", m.id);
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

static void
item_to_form(HDF *hdf, const struct versioned *r)
{
	render_set(hdf, r->v[I_TITLE], "Form.item_title.value");
	render_set(hdf, r->v[I_DESCRIPTION], "Form.item_description.value");
	render_set_int(hdf, r->version, "Form.version.value");
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

/* The stale-save page, under the form's names (the meeting's page also has a title and description). */
static int
item_conflict(HDF *hdf, const struct versioned *cur, const char *const *yours)
{
	static const char *const names[I_NFIELDS] = { "item_title", "item_description" };

	return committees_conflict(hdf, names, (const char *const *)cur->v, yours, I_NFIELDS, cur->version);
}

int
page_admin_item_save(struct request *rq, HDF *hdf)
{
	const char *v[I_NFIELDS];
	struct meeting_ref m;
	struct versioned r;
	long long version;
	int rc, errors, b;

	if ((rc = load_item(rq, hdf, &r, &m)) != 0 || (rc = committees_posted_version(rq, &version)) != 0)
		goto out;
	render_set_int(hdf, version, "Form.version.value");
	if ((errors = form_check(rq, hdf, item_form)) != 0) {
		rc = errors < 0 ? 500 : 422;
		goto out;
	}
	v[I_TITLE] = form_value(hdf, "item_title");
	v[I_DESCRIPTION] = form_value(hdf, "item_description");
	if (version != r.version) {
		rc = item_conflict(hdf, &r, v);
		goto out;
	}
	b = db_begin(rq->db);
	rc = committees_commit_meeting(rq, b, b != 0 ? 0 : versioned_update(rq->db, &item_spec, rq->session->user_id, r.id,
	    version, v, m.c.slug), &m.id);
	if (rc == TP_ESTALE) {
		versioned_free(&r);
		rc = versioned_load(rq->db, &item_spec, r.id, &r) == 1 ? item_conflict(hdf, &r, v) : 404;
	} else if (rc == 0)
		rc = committees_redirect(rq, "/admin/meetings/%lld?done=item#agenda", m.id);
out:
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
