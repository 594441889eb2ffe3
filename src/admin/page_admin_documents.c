/*
 * page_admin_documents.c - a meeting's documents (agenda papers, reports, the signed minutes): files
 * attached through attach.c under the owner type "meeting". Adding files goes through the save pipeline
 * (admin/save.c, model/committee_records.c document_record); removing one is one transaction with its
 * audit row, refused with the documents as they are now when a colleague removed it first. The files move
 * into place before the commit and go only after it.
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
#include "admin/save.h"
#include "model/committee_records.h"
#include "store/search.h"

/* A documents save: the staged files, and the meeting they go to. */
struct documents_save {
	struct attach_batch	 b;
	const struct meeting_ref *m;
};

/* A refused upload: the message on the file field (file: the file it names, or NULL). Returns 1 (errors added). */
static int
refused(HDF *hdf, const struct save *sv, const char *msgkey, const char *file)
{
	save_field_error(hdf, sv->desc, "attachment", msgkey);
	render_set(hdf, file, "Form.attachment.file");
	return 1;
}

/* After the description's checks (save.check): the files staged, at least one, and room for them. */
static int
check_files(struct request *rq, HDF *hdf, const struct save *sv)
{
	struct documents_save *ds = sv->arg;
	const char *err = NULL, *bad = NULL;
	int rc = files_stage(rq, "attachment", &ds->b, &err, &bad), have;

	if (rc == TP_EINVALID)
		return refused(hdf, sv, err, bad);
	if (rc != 0)
		return rc;
	if (ds->b.n == 0)
		return refused(hdf, sv, "L.committee_admin.err_no_file", NULL);
	if ((have = attach_count(rq->db, "meeting", ds->m->id)) < 0)
		return db_err(rq->db);
	return have + (int)ds->b.n > ATTACH_MAX_PER_OWNER ? refused(hdf, sv, "L.committee_admin.err_file_count", NULL) : 0;
}

/*
 * save.write: the staged files' rows with one audit row ("attach", a field per file), the files under their
 * final names before the COMMIT (a committed row always has its file), the meeting's search entry.
 */
static int
write_files(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *values, long long *new_id)
{
	struct documents_save *ds = sv->arg;
	const struct meeting_ref *m = ds->m;
	long long change;
	char field[40];
	size_t i;

	(void)hdf;
	(void)cur;
	(void)values;
	if (attach_insert(rq->db, &ds->b, "meeting", m->id, rq->session->user_id) != 0 ||
	    audit_change(rq->db, rq->session->user_id, "attach", "meeting", m->id, 0, m->c.slug, &change) != 0)
		return db_err(rq->db);
	for (i = 0; i < ds->b.n; i++) {
		snprintf(field, sizeof(field), "attachment.%lld", ds->b.f[i].id);
		if (audit_field(rq->db, change, field, NULL, ds->b.f[i].filename) != 0)
			return db_err(rq->db);
	}
	if (attach_place(&ds->b) != 0)
		return TP_EFAIL;
	*new_id = m->id;
	return search_sync(rq->db, SEARCH_COMMITTEES, m->id) != 0 ? db_err(rq->db) : 0;
}

/* After the commit: the placed files are the rows' now. */
static void
files_committed(struct request *rq, const struct save *sv, long long id)
{
	struct documents_save *ds = sv->arg;

	(void)id;
	attach_commit(rq->db, &ds->b);	/* on failure it logged why; the rows show the files as missing */
}

/* Where an upload answers: the meeting's documents. */
static int
documents_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	(void)done;
	if (asprintf(location, "/admin/meetings/%lld?done=document#documents", id) < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

/*
 * Add documents through the save pipeline (admin/save.c): the upload's one-time key (a form sent twice
 * adds its files once and answers the first's page), the transaction run again on a lock wait, 429 when
 * busy every time. A refusal shows on the meeting's page with the form's key as sent.
 */
int
page_admin_documents_add(struct request *rq, HDF *hdf)
{
	struct documents_save ds;
	struct meeting_ref m;
	struct save sv;
	char *key = NULL;
	int rc, again;

	if ((rc = committees_load_url_meeting(rq, hdf, &m)) != 0)
		return rc;
	memset(&ds, 0, sizeof(ds));
	memset(&sv, 0, sizeof(sv));
	ds.m = &m;
	sv.desc = &document_record;
	sv.owner = m.id;
	sv.tmpl = "admin_meeting.cs";
	sv.check = check_files;
	sv.location = documents_location;
	sv.write = write_files;
	sv.after_commit = files_committed;
	sv.arg = &ds;
	rc = save_record(rq, hdf, &sv);
	attach_abort(&ds.b);
	if (rc == 303 || rq->tmpl == NULL)
		return rc;
	/* the meeting's page with the message, its own forms as stored, the upload's key as sent */
	if (request_param(rq, "key") != NULL && (key = strdup(request_param(rq, "key"))) == NULL)
		return 500;
	if ((again = page_admin_meeting_page(rq, hdf, &m)) == 0)
		render_set(hdf, key, "Form.doc_key.value");
	free(key);
	return again != 0 ? again : rc;
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
	rc = committees_commit_meeting(rq, begun, begun != 0 ? 0 : remove_file(rq, &m, file, stored), &m.id);
	if (rc == 404) {	/* removed meanwhile (by a colleague, or this page sent twice): the documents as they are now */
		if ((rc = page_admin_meeting_page(rq, hdf, &m)) != 0)
			return rc;
		render_set(hdf, "1", "Page.DocumentGone");
		return 409;
	}
	if (rc != 0)
		return rc;
	attach_unlink(rq->conf->upload_dir, stored);
	return committees_redirect(rq, "/admin/meetings/%lld?done=document_deleted#documents", m.id);
}
