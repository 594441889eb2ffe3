/*
 * page_admin_documents.c - a meeting's documents (agenda papers, reports, the signed minutes): files
 * attached through attach.c under the owner type "meeting". Adding files and removing one are each one
 * transaction with the audit row; the files move into place (or go) only after the commit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/attach.h"
#include "store/audit.h"
#include "http/auth.h"
#include "admin/committees_admin.h"
#include "core/conf.h"
#include "store/db.h"
#include "admin/admin.h"
#include "pages/files.h"
#include "pages/pages.h"
#include "view/render.h"

/* A refused upload: the message on the file field of the meeting's page (422). */
static int
refused(HDF *hdf, const char *msgkey, const char *file)
{
	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.attachment.error");
	render_set(hdf, file, "Form.attachment.file");
	render_set(hdf, "attachment", "Form.Errors.0");
	render_set_int(hdf, 1, "Form.errors");
	return 422;
}

/* Insert the staged files with one audit row ("attach", a field per file). 0 or a status. */
static int
insert(struct request *rq, const struct meeting_ref *m, struct attach_batch *b)
{
	long long change;
	char field[40];
	size_t i;

	if (attach_insert(rq->db, b, "meeting", m->id, rq->session->user_id) != 0 ||
	    audit_change(rq->db, rq->session->user_id, "attach", "meeting", m->id, 0, m->c.slug, &change) != 0)
		return db_err(rq->db);
	for (i = 0; i < b->n; i++) {
		snprintf(field, sizeof(field), "attachment.%lld", b->f[i].id);
		if (audit_field(rq->db, change, field, NULL, b->f[i].filename) != 0)
			return db_err(rq->db);
	}
	/* the files under their final names before the COMMIT: a committed row always has its file */
	return attach_place(b) != 0 ? 500 : 0;
}

int
page_admin_documents_add(struct request *rq, HDF *hdf)
{
	const char *err = NULL, *bad = NULL;
	struct attach_batch b;
	struct meeting_ref m;
	int rc, have;

	memset(&b, 0, sizeof(b));
	if ((rc = page_admin_meeting_page(rq, hdf, &m)) != 0)
		return rc;
	rc = files_stage(rq, "attachment", &b, &err, &bad);
	if (rc == 0 && b.n == 0)
		rc = refused(hdf, "L.committee_admin.err_no_file", NULL);
	else if (rc == TP_EINVALID)
		rc = refused(hdf, err, bad);
	else if (rc == 0 && ((have = attach_count(rq->db, "meeting", m.id)) < 0 ||
	    have + (int)b.n > ATTACH_MAX_PER_OWNER))
		rc = have < 0 ? db_err(rq->db) : refused(hdf, "L.committee_admin.err_file_count", NULL);
	if (rc == 0) {
		int begun = db_begin(rq->db);

		rc = committees_commit_meeting(rq, begun, begun != 0 ? 0 : insert(rq, &m, &b), &m.id);
		if (rc == 0 && attach_commit(rq->db, &b) != 0)
			rc = 500;
	}
	attach_abort(&b);
	if (rc == 422)
		return 422;		/* the meeting's page again, with the message on the file field */
	if (rc != 0) {
		rq->tmpl = NULL;
		return rc;
	}
	return committees_redirect(rq, "/admin/meetings/%lld?done=document#documents", m.id);
}

/* Delete file of meeting m with its audit row; the stored name goes to stored. 0, 404 or a status. */
static int
remove_file(struct request *rq, const struct meeting_ref *m, long long file, char *stored)
{
	char *filename = NULL, field[40];
	long long change;
	int found, rc = 0;

	if ((found = attach_delete(rq->db, "meeting", m->id, file, stored, &filename)) != 1)
		return found == 0 ? 404 : db_err(rq->db);
	snprintf(field, sizeof(field), "attachment.%lld", file);
	if (audit_change(rq->db, rq->session->user_id, "attach", "meeting", m->id, 0, m->c.slug, &change) != 0 ||
	    audit_field(rq->db, change, field, filename, NULL) != 0)
		rc = db_err(rq->db);
	free(filename);
	return rc;
}

int
page_admin_documents_delete(struct request *rq, HDF *hdf)
{
	char stored[ATTACH_STORED_LEN + 1] = "";
	struct meeting_ref m;
	long long id, file;
	int rc, begun;

	if ((rc = committees_arg_id(rq, 0, &id)) != 0 || (rc = committees_arg_id(rq, 1, &file)) != 0 ||
	    (rc = committees_load_meeting(rq, hdf, id, &m)) != 0)
		return rc;
	begun = db_begin(rq->db);
	if ((rc = committees_commit_meeting(rq, begun, begun != 0 ? 0 : remove_file(rq, &m, file, stored), &m.id)) != 0)
		return rc;
	attach_unlink(rq->conf->upload_dir, stored);
	return committees_redirect(rq, "/admin/meetings/%lld?done=document_deleted#documents", m.id);
}
