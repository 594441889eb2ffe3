/*
 * page_admin_news.c - posting news (/admin/news...): the list of the articles one may edit, the form
 * to write or edit one (with attachments, multipart), unpublishing through its state, soft delete
 * and the secretariat's restore. Member admins post as their own technopark only; the secretariat
 * for the association or any member. One transaction per save, its audit rows inside it; a stale
 * version shows both versions (409); a refused field keeps every value (422).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/attach.h"
#include "store/audit.h"
#include "http/auth.h"
#include "core/conf.h"
#include "store/db.h"
#include "http/form.h"
#include "core/log.h"
#include "view/markdown.h"
#include "http/multipart.h"
#include "model/news.h"
#include "admin/admin.h"
#include "model/notify.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"
#include "pages/files.h"

#define REMOVE_MAX	ATTACH_MAX_PER_OWNER

static const char *const states[] = { "draft", "published", NULL };

static const struct form_field news_form[] = {
	{ "title",		FT_LINE, 1, 1, 200, NULL },
	{ "category",		FT_LINE, 1, 1, 40, NULL },
	{ "publisher",		FT_LINE, 0, 1, 40, NULL },	/* required: checked in check_form */
	{ "state",		FT_ENUM, 1, 0, 0, states },
	{ "pinned_until",	FT_LINE, 0, 0, 10, NULL },
	{ "body",		FT_TEXT, 1, 1, 20000, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

static const char sql_categories[] = "SELECT id, slug, name_ko FROM news_categories ORDER BY sort, id";
static const char sql_publishers[] = "SELECT id, slug, name_ko FROM technoparks ORDER BY name_ko, id";
static const char sql_own_tp[] = "SELECT id, slug, name_ko FROM technoparks WHERE id = ?";

/* A message on a field that form_check passed (one per field), added to the summary. */
static void
add_error(HDF *hdf, const char *field, const char *key)
{
	int n = hdf_get_int_value(hdf, "Form.errors", 0);
	char k[64];

	snprintf(k, sizeof(k), "Form.%s.error", field);
	if (hdf_get_value(hdf, k, NULL) != NULL)
		return;
	render_set(hdf, hdf_get_value(hdf, key, "?"), "Form.%s.error", field);
	render_set(hdf, field, "Form.Errors.%d", n);
	render_set_int(hdf, n + 1, "Form.errors");
}

/* 1 when s is a real day YYYY-MM-DD between 2000 and 2099. */
static int
valid_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i, y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
}

/*
 * The option lists of the form: categories, and the publishers this user may choose (the secretariat:
 * the association and every member; a member admin: their own technopark). 0 or a status.
 */
static int
form_lists(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;

	if ((st = db_prepare(rq->db, sql_categories)) == NULL || page_rows(hdf, "Categories", st) < 0)
		return db_err(rq->db);
	if (rq->session->role == ROLE_SECRETARIAT) {
		render_set(hdf, "1", "Page.AnyPublisher");
		st = db_prepare(rq->db, sql_publishers);
	} else if ((st = db_prepare(rq->db, sql_own_tp)) != NULL)
		db_bind_int(st, 0, rq->session->technopark_id);
	if (st == NULL || page_rows(hdf, "Publishers", st) < 0)
		return db_err(rq->db);
	rq->tmpl = "admin_news_form.cs";
	return 0;
}

/* The id of the row under prefix whose slug is slug, 0 when none. */
static long long
find_slug(HDF *hdf, const char *prefix, const char *slug)
{
	HDF *n = hdf_get_obj(hdf, prefix), *c;

	for (c = n != NULL ? hdf_obj_child(n) : NULL; c != NULL && slug != NULL; c = hdf_obj_next(c))
		if (strcmp(hdf_get_value(c, "slug", ""), slug) == 0)
			return hdf_get_int_value(c, "id", 0);
	return 0;
}

/* A copy of s with CRLF as LF (browsers send text areas with CRLF). Caller frees; NULL on ENOMEM. */
static char *
lf_only(const char *s)
{
	char *d = malloc(strlen(s) + 1);
	size_t i, n = 0;

	if (d == NULL)
		return NULL;
	for (i = 0; s[i] != '\0'; i++)
		if (!(s[i] == '\r' && s[i + 1] == '\n'))
			d[n++] = s[i];
	d[n] = '\0';
	return d;
}

/*
 * Check the form into nv (pointing into hdf, but the body: *body, malloc'd, the caller frees it). Returns the number
 * of mistakes (each shown on its field), TP_ENOMEM, or TP_EDENIED when a member admin names another
 * publisher (a forged form: the route's hook cannot know what the form says).
 */
static int
check_form(struct request *rq, HDF *hdf, struct news_values *nv, char **body)
{
	const char *own = rq->session->tp_slug, *t;
	int member = rq->session->role != ROLE_SECRETARIAT;
	size_t i;

	memset(nv, 0, sizeof(*nv));
	if (form_check(rq, hdf, news_form) < 0)
		return TP_ENOMEM;
	if (form_value(hdf, "publisher") == NULL && member)
		render_set(hdf, own, "Form.publisher.value");	/* a member admin posts as their own technopark */
	for (i = 0; i < NEWS_NFIELDS; i++)
		nv->v[i] = form_value(hdf, news_fields[i]);
	if (nv->v[NF_BODY] != NULL && (nv->v[NF_BODY] = *body = lf_only(nv->v[NF_BODY])) == NULL)
		return TP_ENOMEM;
	if (member && (own[0] == '\0' || nv->v[NF_PUBLISHER] == NULL || strcmp(nv->v[NF_PUBLISHER], own) != 0))
		return TP_EDENIED;	/* row-level: never another technopark's name, nor the association's */
	if (nv->v[NF_PUBLISHER] == NULL)
		add_error(hdf, "publisher", "L.form.err_required");
	for (t = nv->v[NF_TITLE]; t != NULL && *t != '\0'; t++)
		if ((unsigned char)*t < 0x20 || *t == 0x7f) {
			add_error(hdf, "title", "L.news_admin.err_control");
			break;
		}
	if (nv->v[NF_CATEGORY] != NULL && (nv->category_id = find_slug(hdf, "Categories", nv->v[NF_CATEGORY])) == 0)
		add_error(hdf, "category", "L.form.err_choice");
	if (nv->v[NF_PUBLISHER] != NULL && strcmp(nv->v[NF_PUBLISHER], NEWS_ASSOCIATION) != 0 &&
	    (nv->tp_id = find_slug(hdf, "Publishers", nv->v[NF_PUBLISHER])) == 0)
		add_error(hdf, "publisher", "L.form.err_choice");
	if (nv->v[NF_PINNED] != NULL && !valid_date(nv->v[NF_PINNED]))
		add_error(hdf, "pinned_until", "L.news_admin.err_date");
	return hdf_get_int_value(hdf, "Form.errors", 0);
}

/* After a refused form: files cannot come back in a browser's file input, so say they must be chosen again. */
static int
refused(struct request *rq, HDF *hdf, int status)
{
	if (rq->files != NULL && rq->files->n > 0)
		render_set(hdf, "1", "Page.FilesAgain");
	return status;
}

/* The ids to remove ("remove" checkboxes): each a number; how many, or -1 when there are too many. */
static int
removals(struct request *rq, long long *ids)
{
	const char *v[REMOVE_MAX + 1];
	size_t n = request_param_all(rq, "remove", v, REMOVE_MAX + 1), i;

	if (n > REMOVE_MAX)
		return -1;
	for (i = 0; i < n; i++)
		if (parse_ll(v[i], 1, 4294967295LL, &ids[i]) != 0)
			return -1;
	return (int)n;
}

/* Audit the attachments a save added and removed, as fields "attachment.<id>" of one change. 0 or DB_ERR. */
static int
audit_files(struct db *db, long long user_id, long long id, long long tp_id, const struct attach_batch *b,
    const long long *rm, char **rm_names, int nrm)
{
	char field[40];
	long long cid;
	size_t i;
	int k;

	if (b->n == 0 && nrm == 0)
		return 0;
	if (audit_change(db, user_id, "attach", "news", id, tp_id, NULL, &cid) != 0)
		return DB_ERR;
	for (i = 0; i < b->n; i++) {
		snprintf(field, sizeof(field), "attachment.%lld", b->f[i].id);
		if (audit_field(db, cid, field, NULL, b->f[i].filename) != 0)
			return DB_ERR;
	}
	for (k = 0; k < nrm; k++) {
		snprintf(field, sizeof(field), "attachment.%lld", rm[k]);
		if (audit_field(db, cid, field, rm_names[k], NULL) != 0)
			return DB_ERR;
	}
	return 0;
}

/* What one save writes besides the article: files to add and remove. */
struct save_files {
	struct attach_batch	b;
	long long		rm[REMOVE_MAX];
	char			rm_stored[REMOVE_MAX][ATTACH_STORED_LEN + 1];
	char			*rm_names[REMOVE_MAX];
	int			nrm;
};

static void
save_files_free(struct save_files *sf)
{
	int k;

	attach_abort(&sf->b);
	for (k = 0; k < sf->nrm; k++) {
		free(sf->rm_names[k]);
		sf->rm_names[k] = NULL;
	}
}

/*
 * The transaction of a save: the article (action; cur NULL for a create), the removed and added files,
 * their audit; then the files move into place and the removed ones go. 0 (*id set), TP_ESTALE, 400 or a TP_E* code.
 */
static int
write_all(struct request *rq, const char *action, const struct news_article *cur, const struct news_values *nv,
    struct save_files *sf, long long *id)
{
	struct db *db = rq->db;
	long long uid = rq->session->user_id, tp = cur != NULL ? cur->technopark_id : nv->tp_id;
	int rc = 0, k, found;

	if (db_begin(db) != 0)
		return db_err(db);
	if (action != NULL)
		rc = news_apply(db, uid, action, cur, nv, id);
	for (k = 0; rc == 0 && k < sf->nrm; k++)
		if ((found = attach_delete(db, "news", *id, sf->rm[k], sf->rm_stored[k], &sf->rm_names[k])) != 1)
			rc = found == 0 ? 400 : db_err(db);
	if (rc == 0 && (attach_insert(db, &sf->b, "news", *id, uid) != 0 ||
	    audit_files(db, uid, *id, nv != NULL ? nv->tp_id : tp, &sf->b, sf->rm, sf->rm_names, sf->nrm) != 0))
		rc = db_err(db);
	if (rc == 0 && action != NULL && nv != NULL && nv->v[NF_STATE] != NULL && strcmp(nv->v[NF_STATE], "published") == 0 &&
	    (cur == NULL || cur->v[NF_STATE] == NULL || strcmp(cur->v[NF_STATE], "published") != 0))
		rc = notify_news_published(db, rq->conf, *id);	/* mail to subscribers, in this transaction */
	if (rc == 0 && db_commit(db) != 0)
		rc = db_err(db);
	if (rc != 0) {
		db_rollback(db);
		return rc;
	}
	if (attach_commit(db, &sf->b) != 0)
		return 500;
	for (k = 0; k < sf->nrm; k++)
		attach_unlink(rq->conf->upload_dir, sf->rm_stored[k]);
	return 0;
}

/* 303 to the article's form with a "done" notice, or (id 0) to the list. */
static int
redirect(struct request *rq, long long id, const char *done)
{
	int n = id > 0 ? asprintf(&rq->location, "/admin/news/%lld?done=%s", id, done) :
	    asprintf(&rq->location, "/admin/news?done=%s", done);

	if (n < 0) {
		rq->location = NULL;
		return 500;
	}
	rq->tmpl = NULL;
	return 303;
}

/* Statuses that show the error page, not the form again (the form stays for 409 and 422). */
static int
plain_error(struct request *rq, int rc)
{
	if (rc != 0 && rc != 303 && rc != 409 && rc != 422)
		rq->tmpl = NULL;
	return rc;
}

/* Stage the uploaded files; a refused one is a message on the attachment field (422). */
static int
stage_files(struct request *rq, HDF *hdf, struct save_files *sf, int existing)
{
	const char *err, *bad;
	int rc = files_stage(rq, "attachment", &sf->b, &err, &bad);

	if (rc == TP_EINVALID) {
		add_error(hdf, "attachment", err);
		render_set(hdf, bad, "Form.attachment.file");
		return refused(rq, hdf, 422);
	}
	if (rc == 0 && existing - sf->nrm + (int)sf->b.n > ATTACH_MAX_PER_OWNER) {
		add_error(hdf, "attachment", "L.attach.err_count");
		return refused(rq, hdf, 422);
	}
	return rc;
}

int
page_admin_news_new(struct request *rq, HDF *hdf)
{
	int rc;

	if ((rc = form_lists(rq, hdf)) != 0)
		return rc;
	render_set(hdf, rq->session->role == ROLE_SECRETARIAT ? NEWS_ASSOCIATION : rq->session->tp_slug,
	    "Form.publisher.value");
	render_set(hdf, "notice", "Form.category.value");
	render_set(hdf, "draft", "Form.state.value");
	return 0;
}

int
page_admin_news_create(struct request *rq, HDF *hdf)
{
	struct save_files sf = { 0 };
	struct news_values nv = { 0 };
	char *html = NULL, *body = NULL;
	long long id = 0;
	int rc, errors;

	if ((rc = form_lists(rq, hdf)) != 0)
		return rc;
	if ((errors = check_form(rq, hdf, &nv, &body)) != 0) {
		rc = errors < 0 ? errors : refused(rq, hdf, 422);
		goto out;
	}
	if ((rc = stage_files(rq, hdf, &sf, 0)) != 0)
		goto out;
	if (markdown_render(nv.v[NF_BODY], strlen(nv.v[NF_BODY]), &html) != 0) {
		rc = 500;
		goto out;
	}
	nv.html = html;
	if ((rc = write_all(rq, "create", NULL, &nv, &sf, &id)) == 0)
		rc = redirect(rq, id, "saved");
out:
	save_files_free(&sf);
	free(html);
	free(body);
	return plain_error(rq, rc);
}

/* Load the article of the URL and check the user may edit it: 0, 404, 403 or a status. */
static int
load_own(struct request *rq, HDF *hdf, struct news_article *a)
{
	long long id;
	int rc;

	memset(a, 0, sizeof(*a));
	hdf_remove_tree(hdf, "Files");
	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	if ((rc = news_load(rq->db, id, 0, a)) <= 0)
		return rc < 0 ? db_err(rq->db) : 404;
	render_set_int(hdf, a->id, "Article.id");
	render_set_int(hdf, a->listed, "Article.listed");
	render_set_int(hdf, a->deleted, "Article.deleted");
	render_set_int(hdf, a->is_demo, "Article.is_demo");
	return files_list(rq->db, hdf, "Files", "news", a->id) < 0 ? db_err(rq->db) : 0;
}

static void
article_to_form(HDF *hdf, const struct news_article *a)
{
	int i;

	for (i = 0; i < NEWS_NFIELDS; i++)
		render_set(hdf, a->v[i], "Form.%s.value", news_fields[i]);
	render_set_int(hdf, a->version, "Form.version.value");
}

int
page_admin_news_form(struct request *rq, HDF *hdf)
{
	struct news_article a;
	const char *done = request_param(rq, "done");
	int rc;

	if ((rc = load_own(rq, hdf, &a)) == 0 && (rc = form_lists(rq, hdf)) == 0) {
		article_to_form(hdf, &a);
		render_set(hdf, done, "Page.Done");
	}
	news_free(&a);
	return plain_error(rq, rc);
}

/* Someone saved first: both versions side by side; saving again is a deliberate overwrite. 409. */
static int
conflict(HDF *hdf, const struct news_article *cur, const struct news_values *nv)
{
	int i;

	for (i = 0; i < NEWS_NFIELDS; i++) {
		render_set(hdf, news_fields[i], "Conflict.Rows.%d.field", i);
		render_set(hdf, cur->v[i], "Conflict.Rows.%d.current", i);
		render_set(hdf, nv->v[i], "Conflict.Rows.%d.yours", i);
		if (audit_differs(cur->v[i], nv->v[i]))
			render_set(hdf, "1", "Conflict.Rows.%d.differs", i);
	}
	render_set_int(hdf, cur->version, "Form.version.value");
	render_set(hdf, "1", "Conflict.shown");
	return 409;
}

/* The posted version: a number, or 400 naming the parameter. */
static int
posted_version(struct request *rq, long long *version)
{
	if (parse_ll(request_param(rq, "version"), 0, 4294967295LL, version) != 0) {
		rq->error_detail = "version";
		return 400;
	}
	return 0;
}

/* 1 when nv changes any field of a. */
static int
changes(const struct news_article *a, const struct news_values *nv)
{
	int i;

	for (i = 0; i < NEWS_NFIELDS; i++)
		if (audit_differs(a->v[i], nv->v[i]))
			return 1;
	return 0;
}

/* Save the checked form nv over a, posted against version. */
static int
save(struct request *rq, HDF *hdf, struct news_article *a, long long version, struct news_values *nv,
    struct save_files *sf)
{
	long long id = a->id;
	char *html = NULL;
	int rc, changed = changes(a, nv);

	if (version != a->version)
		return refused(rq, hdf, conflict(hdf, a, nv));
	if (!changed && sf->b.n == 0 && sf->nrm == 0) {
		render_set(hdf, hdf_get_value(hdf, "L.form.nothing_changed", ""), "Form.message");
		return 0;
	}
	if (changed && markdown_render(nv->v[NF_BODY], strlen(nv->v[NF_BODY]), &html) != 0)
		return 500;
	nv->html = html;
	a->version = version;
	rc = write_all(rq, changed ? "update" : NULL, a, nv, sf, &id);
	free(html);
	if (rc == TP_ESTALE) {	/* lost the race after the check above: compare with what is stored now */
		news_free(a);
		if ((rc = news_load(rq->db, id, 0, a)) <= 0)
			return rc < 0 ? db_err(rq->db) : 404;
		return refused(rq, hdf, conflict(hdf, a, nv));
	}
	return rc != 0 ? rc : redirect(rq, id, "saved");
}

int
page_admin_news_save(struct request *rq, HDF *hdf)
{
	struct save_files sf = { 0 };
	struct news_values nv = { 0 };
	struct news_article a;
	char *body = NULL;
	long long version;
	int rc, errors, existing;

	if ((rc = load_own(rq, hdf, &a)) != 0 || (rc = posted_version(rq, &version)) != 0 ||
	    (rc = form_lists(rq, hdf)) != 0)
		goto out;
	if (a.deleted) {	/* restore it first: the form says so */
		article_to_form(hdf, &a);
		render_set(hdf, "deleted", "Page.StateConflict");
		rc = 409;
		goto out;
	}
	render_set_int(hdf, version, "Form.version.value");
	if ((errors = check_form(rq, hdf, &nv, &body)) != 0) {
		rc = errors < 0 ? errors : refused(rq, hdf, 422);
		goto out;
	}
	if ((sf.nrm = removals(rq, sf.rm)) < 0) {
		rq->error_detail = "remove";
		rc = 400;
		goto out;
	}
	if ((existing = attach_count(rq->db, "news", a.id)) < 0) {
		rc = db_err(rq->db);
		goto out;
	}
	if ((rc = stage_files(rq, hdf, &sf, existing)) != 0)
		goto out;
	rc = save(rq, hdf, &a, version, &nv, &sf);
out:
	save_files_free(&sf);
	free(body);
	news_free(&a);
	return plain_error(rq, rc);
}

/* Delete (any editor) or restore (the secretariat: the route says so) at the posted version. */
static int
delete_or_restore(struct request *rq, HDF *hdf, const char *action)
{
	struct news_article a;
	long long version;
	int rc;

	if ((rc = load_own(rq, hdf, &a)) != 0 || (rc = posted_version(rq, &version)) != 0)
		goto out;
	if (version == a.version && (a.deleted != (strcmp(action, "restore") == 0)))
		version = -1;	/* already done: nothing to do but say so */
	if (version == a.version) {
		a.version = version;
		if (db_begin(rq->db) != 0) {
			rc = db_err(rq->db);
			goto out;
		}
		rc = news_apply(rq->db, rq->session->user_id, action, &a, NULL, NULL);
		if (rc == 0 && db_commit(rq->db) != 0)
			rc = db_err(rq->db);
		if (rc != 0)
			db_rollback(rq->db);
		if (rc == 0) {
			rc = strcmp(action, "delete") == 0 ? redirect(rq, 0, "deleted") : redirect(rq, a.id, "restored");
			goto out;
		}
		if (rc != TP_ESTALE)
			goto out;
		news_free(&a);
		if ((rc = load_own(rq, hdf, &a)) != 0)
			goto out;
	}
	/* a stale version: show the article as it is now, to try again on purpose */
	if ((rc = form_lists(rq, hdf)) == 0) {
		article_to_form(hdf, &a);
		render_set(hdf, action, "Page.StateConflict");
		rc = 409;
	}
out:
	news_free(&a);
	return plain_error(rq, rc);
}

int
page_admin_news_delete(struct request *rq, HDF *hdf)
{
	return delete_or_restore(rq, hdf, "delete");
}

int
page_admin_news_restore(struct request *rq, HDF *hdf)
{
	return delete_or_restore(rq, hdf, "restore");
}
