/*
 * page_admin_library.c - the library's admin pages (/admin/library...): the documents one may edit, the
 * form to add or edit one with its files (multipart; an upload named like one of its files is that
 * file's next version, the older ones stay), delete and the secretariat's restore, and the kinds table
 * the secretariat keeps. Member admins publish as their own technopark only, live (docs/library.md says
 * why); the secretariat for the association or any member. Every save goes through the save pipeline
 * (admin/save.c): one-time key, three-way merge on a stale version, audit rows in its transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/admin.h"
#include "admin/save.h"
#include "core/text.h"
#include "http/auth.h"
#include "http/form.h"
#include "http/multipart.h"
#include "model/attach.h"
#include "model/library.h"
#include "pages/files.h"
#include "pages/page_rows.h"
#include "pages/pages.h"
#include "store/db.h"
#include "view/render.h"

static const char sql_kinds[] = "SELECT id, slug, name_ko, name_en, sort FROM library_kinds ORDER BY sort, id";
static const char sql_publishers[] = "SELECT id, slug, name_ko, name_en FROM technoparks ORDER BY name_ko, id";
static const char sql_own_tp[] = "SELECT id, slug, name_ko, name_en FROM technoparks WHERE id = ?";
#define ADMIN_COLS \
	"SELECT d.id, d.title, d.year, d.audience, d.listed, d.deleted_at IS NOT NULL AS deleted, d.is_demo, " \
	"k.name_ko AS kind_name, k.name_en AS kind_name_en, t.name_ko AS tp_name, t.name_en AS tp_name_en, " \
	"DATE_FORMAT(d.updated_at, '%Y-%m-%d %H:%i') AS updated, " \
	"(SELECT COUNT(*) FROM library_files lf WHERE lf.document_id = d.id) AS files " \
	"FROM library_documents d JOIN library_kinds k ON k.id = d.kind_id " \
	"LEFT JOIN technoparks t ON t.id = d.technopark_id "
#define ADMIN_REST	"AND (? = 0 OR d.id < ?) ORDER BY d.id DESC LIMIT ?"
static const char sql_admin_all[] = ADMIN_COLS "WHERE 1 = 1 " ADMIN_REST;
static const char sql_admin_tp[] = ADMIN_COLS "WHERE d.technopark_id = ? " ADMIN_REST;
static const char sql_doc_head[] =
	"SELECT id, listed, deleted_at IS NOT NULL AS deleted, is_demo, version FROM library_documents WHERE id = ?";
static const char sql_files[] =
	"SELECT a.id, a.filename, a.mime_type, a.size_bytes, lf.file_no, lf.version, lf.text_state "
	"FROM library_files lf JOIN attachments a ON a.id = lf.attachment_id WHERE lf.document_id = ? "
	"ORDER BY lf.file_no, lf.version DESC";

static int
is_secretariat(const struct request *rq)
{
	return rq->session->role == ROLE_SECRETARIAT;
}

/* The option lists: kinds, and the publishers this user may choose. 0 or a status. */
static int
form_lists(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;

	if ((st = db_prepare(rq->db, sql_kinds)) == NULL || page_rows(hdf, "Kinds", st) < 0)
		return db_err(rq->db);
	if (is_secretariat(rq)) {
		render_set(hdf, "1", "Page.AnyPublisher");
		st = db_prepare(rq->db, sql_publishers);
	} else if ((st = db_prepare(rq->db, sql_own_tp)) != NULL)
		db_bind_int(st, 0, rq->session->technopark_id);
	if (st == NULL || page_rows(hdf, "Publishers", st) < 0)
		return db_err(rq->db);
	rq->tmpl = "admin_library_form.cs";
	return 0;
}

/* 1 when prefix has a row whose slug is slug. */
static int
has_slug(HDF *hdf, const char *prefix, const char *slug)
{
	HDF *c;

	for (c = hdf_get_child(hdf, prefix); c != NULL && slug != NULL; c = hdf_obj_next(c))
		if (strcmp(hdf_get_value(c, "slug", ""), slug) == 0)
			return 1;
	return 0;
}

/* The id of the publisher slug among Publishers, 0 for the association or none. */
static long long
publisher_id(HDF *hdf, const char *slug)
{
	HDF *c;

	for (c = hdf_get_child(hdf, "Publishers"); c != NULL && slug != NULL; c = hdf_obj_next(c))
		if (strcmp(hdf_get_value(c, "slug", ""), slug) == 0)
			return hdf_get_int_value(c, "id", 0);
	return 0;
}

/* What a save carries besides the fields: its staged files and how many the document has. */
struct library_save {
	struct attach_batch	b;
	int			existing;
};

static int
staged_files(struct request *rq, HDF *hdf, struct library_save *ls)
{
	const char *err, *bad;
	int rc = files_stage(rq, "attachment", &ls->b, &err, &bad);

	if (rc == TP_EINVALID) {
		save_field_error(hdf, &library_record, "attachment", err);
		render_set(hdf, bad, "Form.attachment.file");
		return 0;
	}
	if (rc == 0 && ls->existing + (int)ls->b.n > LIBRARY_MAX_FILES)
		save_field_error(hdf, &library_record, "attachment", "L.library_admin.err_files");
	return rc;
}

/*
 * What the description cannot check: a member admin's publisher is their own (a forged form: TP_EDENIED),
 * no control characters in the title, a kind and a publisher that exist, the files. How many messages it
 * added, or a TP_E* code.
 */
static int
check_more(struct request *rq, HDF *hdf, const struct save *sv)
{
	struct library_save *ls = sv->arg;
	const char *own = rq->session->tp_slug, *t, *pub;
	int before = hdf_get_int_value(hdf, "Form.errors", 0), rc;

	if (form_value(hdf, "publisher") == NULL && !is_secretariat(rq))
		render_set(hdf, own, "Form.publisher.value");
	pub = form_value(hdf, "publisher");
	if (!is_secretariat(rq) && (own[0] == '\0' || pub == NULL || strcmp(pub, own) != 0))
		return TP_EDENIED;	/* row-level: never another technopark's name, nor the association's */
	if (pub == NULL)
		save_field_error(hdf, &library_record, "publisher", "L.form.err_required");
	else if (strcmp(pub, LIBRARY_ASSOCIATION) != 0 && !has_slug(hdf, "Publishers", pub))
		save_field_error(hdf, &library_record, "publisher", "L.form.err_choice");
	for (t = form_value(hdf, "title"); t != NULL && *t != '\0'; t++)
		if ((unsigned char)*t < 0x20 || *t == 0x7f) {
			save_field_error(hdf, &library_record, "title", "L.library_admin.err_control");
			break;
		}
	if ((t = form_value(hdf, "kind")) != NULL && !has_slug(hdf, "Kinds", t))
		save_field_error(hdf, &library_record, "kind", "L.form.err_choice");
	if ((rc = staged_files(rq, hdf, ls)) < 0)
		return rc;
	return hdf_get_int_value(hdf, "Form.errors", 0) - before;
}

/*
 * The pipeline's write, inside its transaction: the document through its description (when a field
 * changed; cur NULL: a create), then its new files as attachments and library files (versions), the
 * files under their final names before the COMMIT. 0 (*new_id set), TP_ESTALE or a TP_E* code.
 */
static int
write_document(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *values, long long *new_id)
{
	struct library_save *ls = sv->arg;
	long long uid = rq->session->user_id, id = cur != NULL ? cur->id : 0;
	int rc = 0;

	if (cur == NULL || record_changes(sv->desc, cur, values))
		rc = sv->desc->write(rq->db, uid, cur != NULL ? "update" : "create", id, cur != NULL ? cur->owner : 0,
		    cur != NULL ? cur->version : 0, values, &id);
	if (rc == 0 && ls->b.n > 0 && (attach_insert(rq->db, &ls->b, "library", id, uid) != 0 ||
	    (rc = library_files_add(rq->db, uid, id, publisher_id(hdf, values[LF_PUBLISHER]), &ls->b)) != 0))
		rc = rc != 0 ? rc : db_err(rq->db);
	if (rc == 0 && attach_place(&ls->b) != 0)
		rc = TP_EFAIL;
	*new_id = id;
	return rc;
}

static void
files_after_commit(struct request *rq, const struct save *sv, long long id)
{
	struct library_save *ls = sv->arg;

	(void)id;
	(void)attach_commit(rq->db, &ls->b);	/* it logs a failure; the page then shows the file as missing */
}

static int
nothing_to_do(const struct save *sv, const struct record_row *cur, const char *const *out)
{
	const struct library_save *ls = sv->arg;

	return !record_changes(sv->desc, cur, out) && ls->b.n == 0;
}

static int
document_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	if (asprintf(location, "/admin/library/%lld?done=%s", id, done != NULL && strcmp(done, "created") == 0 ?
	    "created" : "saved") < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

/* Statuses that show the error page, not the form again (the form stays for 409, 422 and 429). */
static int
plain_error(struct request *rq, int rc)
{
	if (rc != 0 && rc != 303 && rc != 409 && rc != 422 && rc != 429)
		rq->tmpl = NULL;
	return rc;
}

/* Run the pipeline for document id (0: a new one) that has existing files now. */
static int
save_document(struct request *rq, HDF *hdf, long long id, int existing)
{
	struct library_save ls;
	struct save sv;
	int rc;

	memset(&ls, 0, sizeof(ls));
	memset(&sv, 0, sizeof(sv));
	ls.existing = existing;
	sv.desc = &library_record;
	sv.id = id;
	sv.owner = is_secretariat(rq) ? 0 : rq->session->technopark_id;
	sv.tmpl = "admin_library_form.cs";
	sv.check = check_more;
	sv.location = document_location;
	sv.write = write_document;
	sv.after_commit = files_after_commit;
	sv.nothing_to_do = nothing_to_do;
	sv.arg = &ls;
	rc = save_record(rq, hdf, &sv);	/* check_more stages the files */
	attach_abort(&ls.b);
	if ((rc == 409 || rc == 422 || rc == 429) && rq->files != NULL && rq->files->n > 0)
		render_set(hdf, "1", "Page.FilesAgain");	/* a browser cannot put files back into a file input */
	return plain_error(rq, rc);
}

int
page_admin_library_new(struct request *rq, HDF *hdf)
{
	int rc;

	if ((rc = form_lists(rq, hdf)) != 0)
		return rc;
	save_form(hdf, &library_record, NULL);
	render_set(hdf, is_secretariat(rq) ? LIBRARY_ASSOCIATION : rq->session->tp_slug, "Form.publisher.value");
	render_set(hdf, is_secretariat(rq) ? "annual-report" : "brochure", "Form.kind.value");
	render_set(hdf, "ko", "Form.language.value");
	render_set(hdf, "public", "Form.audience.value");
	return 0;
}

int
page_admin_library_create(struct request *rq, HDF *hdf)
{
	int rc;

	if ((rc = form_lists(rq, hdf)) != 0)
		return rc;
	return save_document(rq, hdf, 0, 0);
}

/* The document of the URL (the route's access_library let this user in) into Document.*, its files into
 * Files.*: 0, 404 or a status. */
static int
load_head(struct request *rq, HDF *hdf, long long *id)
{
	struct db_stmt *st;
	int rc;

	if (parse_ll(rq->args[0], 1, 4294967295LL, id) != 0)
		return 404;
	if ((st = db_prepare(rq->db, sql_doc_head)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, *id);
	if ((rc = page_row_one(hdf, "Document", st)) <= 0)
		return rc < 0 ? db_err(rq->db) : 404;
	hdf_remove_tree(hdf, "Files");
	if ((st = db_prepare(rq->db, sql_files)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, *id);
	if (page_rows(hdf, "Files", st) < 0)
		return db_err(rq->db);
	return files_decorate(hdf, "Files") != 0 ? TP_ENOMEM : 0;
}

/* The stored row into the form. 0 or a status. */
static int
document_to_form(struct request *rq, HDF *hdf, long long id)
{
	struct record_row r;
	int rc;

	if ((rc = library_record.load(rq->db, id, &r)) <= 0)
		return rc < 0 ? db_err(rq->db) : 404;
	save_form(hdf, &library_record, &r);
	record_row_free(&r);
	return 0;
}

int
page_admin_library_form(struct request *rq, HDF *hdf)
{
	long long id;
	int rc;

	if ((rc = load_head(rq, hdf, &id)) == 0 && (rc = form_lists(rq, hdf)) == 0 &&
	    (rc = document_to_form(rq, hdf, id)) == 0)
		render_set(hdf, request_param(rq, "done"), "Page.Done");
	return plain_error(rq, rc);
}

int
page_admin_library_save(struct request *rq, HDF *hdf)
{
	long long id;
	int rc, existing;

	if ((rc = load_head(rq, hdf, &id)) != 0 || (rc = form_lists(rq, hdf)) != 0)
		return plain_error(rq, rc);
	if (hdf_get_int_value(hdf, "Document.deleted", 0)) {	/* restore it first: the form says so */
		if ((rc = document_to_form(rq, hdf, id)) == 0) {
			render_set(hdf, "deleted", "Page.StateConflict");
			rc = 409;
		}
		return plain_error(rq, rc);
	}
	if ((existing = library_file_count(rq->db, id)) < 0)
		return plain_error(rq, db_err(rq->db));
	return save_document(rq, hdf, id, existing);
}

/* Delete (any editor) or restore (the secretariat: the route says so) at the posted version. */
static int
set_deleted(struct request *rq, HDF *hdf, int deleted)
{
	long long id, version;
	int rc;

	if ((rc = load_head(rq, hdf, &id)) != 0)
		return plain_error(rq, rc);
	if (parse_ll(request_param(rq, "version"), 0, 4294967295LL, &version) != 0) {
		rq->error_detail = "version";
		return plain_error(rq, 400);
	}
	if (hdf_get_int_value(hdf, "Document.deleted", 0) == deleted)
		rc = 0;		/* already so: nothing to do but say it */
	else if (db_begin(rq->db) != 0)
		return plain_error(rq, db_err(rq->db));
	else {
		rc = library_set_deleted(rq->db, rq->session->user_id, id, version, deleted);
		if (rc == 0 && db_commit(rq->db) != 0)
			rc = db_err(rq->db);
		if (rc != 0)
			db_rollback(rq->db);
	}
	if (rc == TP_ESTALE) {	/* someone saved first: show it as it is now, to try again on purpose */
		if ((rc = form_lists(rq, hdf)) == 0 && (rc = document_to_form(rq, hdf, id)) == 0) {
			render_set(hdf, deleted ? "delete" : "restore", "Page.StateConflict");
			rc = 409;
		}
		return plain_error(rq, rc);
	}
	if (rc != 0)
		return plain_error(rq, rc);
	rq->tmpl = NULL;
	if ((deleted ? asprintf(&rq->location, "/admin/library?done=deleted") :
	    asprintf(&rq->location, "/admin/library/%lld?done=restored", id)) < 0) {
		rq->location = NULL;
		return 500;
	}
	return 303;
}

int
page_admin_library_delete(struct request *rq, HDF *hdf)
{
	return set_deleted(rq, hdf, 1);
}

int
page_admin_library_restore(struct request *rq, HDF *hdf)
{
	return set_deleted(rq, hdf, 0);
}

int
page_admin_library_list(struct request *rq, HDF *hdf)
{
	long long before = request_param_int(rq, "before", 0);
	struct db_stmt *st;
	char node[40];
	int n, i = 0;

	if ((st = db_prepare(rq->db, is_secretariat(rq) ? sql_admin_all : sql_admin_tp)) == NULL)
		return db_err(rq->db);
	if (!is_secretariat(rq))
		db_bind_int(st, i++, rq->session->technopark_id);
	db_bind_int(st, i++, before);
	db_bind_int(st, i++, before);
	db_bind_int(st, i, LIBRARY_PAGE_SIZE + 1);
	if ((n = page_rows(hdf, "Documents", st)) < 0)
		return db_err(rq->db);
	if (n > LIBRARY_PAGE_SIZE) {
		snprintf(node, sizeof(node), "Documents.%d", LIBRARY_PAGE_SIZE);
		hdf_remove_tree(hdf, node);
		snprintf(node, sizeof(node), "Documents.%d.id", LIBRARY_PAGE_SIZE - 1);
		render_set_int(hdf, hdf_get_int_value(hdf, node, 0), "Page.Older");
	}
	if (before > 0)
		render_set(hdf, "1", "Page.NotFirst");
	render_set(hdf, request_param(rq, "done"), "Page.Done");
	rq->tmpl = "admin_library.cs";
	return 0;
}

/* ---------------------------------------------------------------- the kinds (secretariat) */

static int
kinds_list(struct request *rq, HDF *hdf)
{
	struct db_stmt *st = db_prepare(rq->db, sql_kinds);

	if (st == NULL || page_rows(hdf, "Kinds", st) < 0)
		return db_err(rq->db);
	return 0;
}

int
page_admin_library_kinds(struct request *rq, HDF *hdf)
{
	int rc;

	if ((rc = kinds_list(rq, hdf)) != 0)
		return rc;
	save_form(hdf, &library_kind_record, NULL);
	render_set(hdf, request_param(rq, "done"), "Page.Done");
	rq->tmpl = "admin_library_kinds.cs";
	return 0;
}

/* A kind's slug is a slug (it is in URLs: /library?kind=...). */
static int
kind_check(struct request *rq, HDF *hdf, const struct save *sv)
{
	const char *slug = form_value(hdf, "slug");

	(void)rq;
	if (slug != NULL && !text_is_slug(slug, 40)) {
		save_field_error(hdf, sv->desc, "slug", "L.library_admin.kind.err_slug");
		return 1;
	}
	return 0;
}

static int
kind_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done, char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	(void)id;
	(void)done;
	if ((*location = strdup("/admin/library/kinds?done=saved")) == NULL)
		return -1;
	return 0;
}

static int
kind_save(struct request *rq, HDF *hdf, long long id)
{
	struct save sv;
	int rc;

	memset(&sv, 0, sizeof(sv));
	sv.desc = &library_kind_record;
	sv.id = id;
	sv.tmpl = id > 0 ? "admin_library_kind.cs" : "admin_library_kinds.cs";
	sv.check = kind_check;
	sv.location = kind_location;
	if (id == 0 && (rc = kinds_list(rq, hdf)) != 0)
		return rc;
	return plain_error(rq, save_record(rq, hdf, &sv));
}

int
page_admin_library_kind_create(struct request *rq, HDF *hdf)
{
	return kind_save(rq, hdf, 0);
}

static int
kind_id(struct request *rq, long long *id)
{
	return parse_ll(rq->args[0], 1, 255, id) == 0 ? 0 : 404;
}

int
page_admin_library_kind_form(struct request *rq, HDF *hdf)
{
	struct record_row r;
	long long id;
	int rc;

	if ((rc = kind_id(rq, &id)) != 0)
		return rc;
	if ((rc = library_kind_record.load(rq->db, id, &r)) <= 0)
		return rc < 0 ? db_err(rq->db) : 404;
	save_form(hdf, &library_kind_record, &r);
	record_row_free(&r);
	render_set_int(hdf, id, "Kind.id");
	rq->tmpl = "admin_library_kind.cs";
	return 0;
}

int
page_admin_library_kind_save(struct request *rq, HDF *hdf)
{
	long long id;
	int rc;

	if ((rc = kind_id(rq, &id)) != 0)
		return rc;
	render_set_int(hdf, id, "Kind.id");
	return kind_save(rq, hdf, id);
}
