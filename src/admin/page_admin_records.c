/*
 * page_admin_records.c - the minutes a meeting leaves behind (Markdown, made safe HTML by markdown.c when
 * saved; readers see them once published), through the save pipeline (admin/save.c). Attendance is in
 * page_admin_attendance.c, resolutions in page_admin_resolutions.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/auth.h"
#include "admin/committees_admin.h"
#include "store/db.h"
#include "http/form.h"
#include "view/markdown.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "store/search.h"
#include "admin/save.h"
#include "model/committee_records.h"
#include "model/record.h"
#include "pages/page_rows.h"

/* ---- minutes ---- */

static const char sql_minutes_shown[] =
	"SELECT published, body_html, DATE_FORMAT(published_at, '%Y-%m-%d %H:%i') AS published_at "
	"FROM committee_minutes WHERE meeting_id = ?";

/* The stored minutes as readers will see them, under Stored (none: nothing). 0 or a status. */
static int
show_stored(struct request *rq, HDF *hdf, long long meeting)
{
	struct db_stmt *st = db_prepare(rq->db, sql_minutes_shown);

	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, meeting);
	return page_row_one(hdf, "Stored", st) < 0 ? db_err(rq->db) : 0;
}

int
page_admin_minutes_form(struct request *rq, HDF *hdf)
{
	struct meeting_ref m;
	struct record_row r;
	int rc;

	memset(&r, 0, sizeof(r));
	if ((rc = committees_load_url_meeting(rq, hdf, &m)) != 0 || (rc = show_stored(rq, hdf, m.id)) != 0)
		goto out;
	if ((rc = minutes_record.load(rq->db, m.id, &r)) != 1) {
		rc = rc == 0 ? 404 : db_err(rq->db);
		goto out;
	}
	rc = save_form(hdf, &minutes_record, &r) != 0 ? 500 : 0;
	render_set(hdf, request_param(rq, "done"), "Page.Done");
	rq->tmpl = "admin_minutes.cs";
out:
	record_row_free(&r);
	return rc;
}

/*
 * After the description's checks (save.check): no minutes before the meeting. That publishing needs a
 * text is checked on the merged minutes (write_minutes): a colleague may have written the text meanwhile.
 */
static int
check_minutes(struct request *rq, HDF *hdf, const struct save *sv)
{
	int before = hdf_get_int_value(hdf, "Form.errors", 0);

	(void)rq;
	(void)sv;
	if (hdf_get_value(hdf, "Meeting.not_started", NULL) != NULL)	/* committees_load_meeting asked committees_check */
		committees_rule_error(hdf, "meeting", "L.committee_admin.err_not_started");
	return hdf_get_int_value(hdf, "Form.errors", 0) - before;
}

/*
 * The write of the pipeline: the merged minutes, their HTML made from the Markdown here (safe mode), and the
 * meeting's search entry. Publishing an empty text, which a merge can make, is a message, not a save.
 */
static int
write_minutes(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *values, long long *new_id)
{
	const struct committee_save *cs = sv->arg;
	const char *md = values[NM_BODY] != NULL ? values[NM_BODY] : "";
	char *html = NULL;
	int rc;

	(void)new_id;
	if (*md == '\0' && values[NM_PUBLISHED] != NULL && strcmp(values[NM_PUBLISHED], "1") == 0) {
		save_field_error(hdf, &minutes_record, "body", "L.committee_admin.err_minutes_empty");
		return TP_EINVALID;
	}
	if (markdown_render(md, strlen(md), &html) != 0)
		return TP_ENOMEM;
	rc = minutes_write(rq->db, rq->session->user_id, sv->id, cur != NULL ? cur->version : 0, values, html, cs->note);
	free(html);
	if (rc == 0 && search_sync(rq->db, SEARCH_COMMITTEES, sv->id) != 0)
		rc = db_err(rq->db);
	return rc;
}

/* Where a save of the minutes answers: their form, saying whether they are now published. */
static int
minutes_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	(void)rq;
	(void)sv;
	(void)done;
	if (asprintf(location, "/admin/meetings/%lld/minutes?done=%s", id,
	    form_value(hdf, "published") != NULL ? "published" : "saved") < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

int
page_admin_minutes_save(struct request *rq, HDF *hdf)
{
	struct committee_save cs;
	struct meeting_ref m;
	struct save sv;
	int rc;

	if ((rc = committees_load_url_meeting(rq, hdf, &m)) != 0 || (rc = show_stored(rq, hdf, m.id)) != 0)
		return rc;
	memset(&sv, 0, sizeof(sv));
	memset(&cs, 0, sizeof(cs));
	cs.note = m.c.slug;
	sv.desc = &minutes_record;
	sv.id = m.id;		/* the minutes are the meeting's: a first save creates them */
	sv.owner = m.c.id;
	sv.tmpl = "admin_minutes.cs";
	sv.check = check_minutes;
	sv.location = minutes_location;
	sv.write = write_minutes;
	sv.arg = &cs;
	return save_record(rq, hdf, &sv);
}
