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
#include "model/committees.h"
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
#include "admin/save.h"
#include "model/notify.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"
#include "pages/files.h"

#define REMOVE_MAX	ATTACH_MAX_PER_OWNER


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

/* What a save carries besides the fields: its files, and the article as loaded (NULL for a create). */
struct news_save {
	struct save_files	 sf;
	int			 existing;	/* attachments it has now */
};

/*
 * The pipeline's write (save.write), inside its transaction: the article (when a field changed; cur NULL:
 * a create) against cur's version, the removed and added files and their audit. 0 (*new_id set),
 * TP_ESTALE, 400, or a TP_E* code.
 */
static int
write_article(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *values, long long *new_id)
{
	struct news_save *ns = sv->arg;
	struct save_files *sf = &ns->sf;
	struct db *db = rq->db;
	struct news_values nv;
	struct news_article a;
	long long uid = rq->session->user_id, id = cur != NULL ? cur->id : 0;
	char *html = NULL;
	int rc = 0, k, found, i;

	memset(&nv, 0, sizeof(nv));
	memset(&a, 0, sizeof(a));
	for (i = 0; i < NEWS_NFIELDS; i++)
		nv.v[i] = values[i];
	nv.category_id = find_slug(hdf, "Categories", values[NF_CATEGORY]);
	nv.tp_id = strcmp(values[NF_PUBLISHER], NEWS_ASSOCIATION) == 0 ? 0 : find_slug(hdf, "Publishers", values[NF_PUBLISHER]);
	if (cur == NULL || record_changes(sv->desc, cur, values)) {
		if (markdown_render(nv.v[NF_BODY], strlen(nv.v[NF_BODY]), &html) != 0)
			return TP_ENOMEM;
		nv.html = html;
		if (cur != NULL && (found = news_load(db, cur->id, 0, &a)) != 1)
			rc = found == 0 ? TP_ENOTFOUND : db_err(db);
		else {
			a.version = cur != NULL ? cur->version : 0;
			rc = news_apply(db, uid, cur != NULL ? "update" : "create", cur != NULL ? &a : NULL, &nv, &id);
		/* published now and not before: mail to the subscribers, in this transaction */
		if (rc == 0 && values[NF_STATE] != NULL && strcmp(values[NF_STATE], "published") == 0 &&
		    (cur == NULL || cur->v[NF_STATE] == NULL || strcmp(cur->v[NF_STATE], "published") != 0))
			rc = notify_news_published(db, rq->conf, id);
		}
		news_free(&a);
		free(html);
	}
	for (k = 0; rc == 0 && k < sf->nrm; k++)
		if ((found = attach_delete(db, "news", id, sf->rm[k], sf->rm_stored[k], &sf->rm_names[k])) != 1)
			rc = found == 0 ? 400 : db_err(db);
	if (rc == 0 && (attach_insert(db, &sf->b, "news", id, uid) != 0 ||
	    audit_files(db, uid, id, nv.tp_id, &sf->b, sf->rm, sf->rm_names, sf->nrm) != 0))
		rc = db_err(db);
	/* the files under their final names before the COMMIT: a committed row always has its file */
	if (rc == 0 && attach_place(&sf->b) != 0)
		rc = TP_EFAIL;
	*new_id = id;
	return rc;
}

/* After the commit: the placed files are the rows' now; the removed ones go. */
static void
files_after_commit(struct request *rq, const struct save *sv, long long id)
{
	struct news_save *ns = sv->arg;
	int k;

	(void)id;
	if (attach_commit(rq->db, &ns->sf.b) != 0)
		return;		/* attach_commit logged it; the rows show the file as missing */
	for (k = 0; k < ns->sf.nrm; k++)
		attach_unlink(rq->conf->upload_dir, ns->sf.rm_stored[k]);
}

/* Nothing to write: no field changed and no file added or removed. */
static int
nothing_to_do(const struct save *sv, const struct record_row *cur, const char *const *out)
{
	const struct news_save *ns = sv->arg;

	return !record_changes(sv->desc, cur, out) && ns->sf.b.n == 0 && ns->sf.nrm == 0;
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

/* Where a save answers: the article's form with its notice. */
static int
article_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	(void)done;
	if (asprintf(location, "/admin/news/%lld?done=saved", id) < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

static int	check_more(struct request *rq, HDF *hdf, const struct save *sv);

/* The pipeline's description of a save of article id (0: a new one). */
static void
article_save(struct save *sv, struct news_save *ns, long long id)
{
	memset(sv, 0, sizeof(*sv));
	sv->desc = &news_record;
	sv->id = id;
	sv->tmpl = "admin_news_form.cs";
	sv->check = check_more;
	sv->location = article_location;
	sv->write = write_article;
	sv->after_commit = files_after_commit;
	sv->nothing_to_do = nothing_to_do;
	sv->arg = ns;
}

/* Statuses that show the error page, not the form again (the form stays for 409 and 422). */
static int
plain_error(struct request *rq, int rc)
{
	if (rc != 0 && rc != 303 && rc != 409 && rc != 422)
		rq->tmpl = NULL;
	return rc;
}

/* Stage the uploaded files; a refused one is a message on the attachment field. 0 or a TP_E* code. */
static int
stage_files(struct request *rq, HDF *hdf, struct save_files *sf, int existing)
{
	const char *err, *bad;
	int rc = files_stage(rq, "attachment", &sf->b, &err, &bad);

	if (rc == TP_EINVALID) {
		add_error(hdf, "attachment", err);
		render_set(hdf, bad, "Form.attachment.file");
		return 0;
	}
	if (rc == 0 && existing - sf->nrm + (int)sf->b.n > ATTACH_MAX_PER_OWNER)
		add_error(hdf, "attachment", "L.attach.err_count");
	return rc;
}

int
page_admin_news_new(struct request *rq, HDF *hdf)
{
	int rc;

	if ((rc = form_lists(rq, hdf)) != 0)
		return rc;
	save_form(hdf, &news_record, NULL);
	render_set(hdf, rq->session->role == ROLE_SECRETARIAT ? NEWS_ASSOCIATION : rq->session->tp_slug,
	    "Form.publisher.value");
	render_set(hdf, "notice", "Form.category.value");
	render_set(hdf, "draft", "Form.state.value");
	return 0;
}

/*
 * What the description cannot check (after form_check): a member admin's publisher is their own (a forged
 * form: TP_EDENIED), the body with LF line ends as stored, no control characters in the title, a category
 * and a publisher that exist, a pin date. Returns how many messages it added, or a TP_E* code.
 */
static int
check_more(struct request *rq, HDF *hdf, const struct save *sv)
{
	struct news_save *ns = sv->arg;
	const char *own = rq->session->tp_slug, *t, *pub, *body;
	int member = rq->session->role != ROLE_SECRETARIAT, before = hdf_get_int_value(hdf, "Form.errors", 0), rc;
	char *lf, day[11];

	if (form_value(hdf, "publisher") == NULL && member)
		render_set(hdf, own, "Form.publisher.value");	/* a member admin posts as their own technopark */
	pub = form_value(hdf, "publisher");
	if ((body = form_value(hdf, "body")) != NULL) {
		if ((lf = lf_only(body)) == NULL || render_set(hdf, lf, "Form.body.value") != 0) {
			free(lf);
			return TP_ENOMEM;
		}
		free(lf);
	}
	if (member && (own[0] == '\0' || pub == NULL || strcmp(pub, own) != 0))
		return TP_EDENIED;	/* row-level: never another technopark's name, nor the association's */
	if (pub == NULL)
		add_error(hdf, "publisher", "L.form.err_required");
	for (t = form_value(hdf, "title"); t != NULL && *t != '\0'; t++)
		if ((unsigned char)*t < 0x20 || *t == 0x7f) {
			add_error(hdf, "title", "L.news_admin.err_control");
			break;
		}
	if ((t = form_value(hdf, "category")) != NULL && find_slug(hdf, "Categories", t) == 0)
		add_error(hdf, "category", "L.form.err_choice");
	if (pub != NULL && strcmp(pub, NEWS_ASSOCIATION) != 0 && find_slug(hdf, "Publishers", pub) == 0)
		add_error(hdf, "publisher", "L.form.err_choice");
	/* a pin date as other date fields take it: 2027-06-15, 2027/06/15 or 2027.06.15 (stored with dashes) */
	if ((t = form_value(hdf, "pinned_until")) != NULL) {
		if (committees_norm_date(t, day) != 0 || !valid_date(day))
			add_error(hdf, "pinned_until", "L.news_admin.err_date");
		else if (render_set(hdf, day, "Form.pinned_until.value") != 0)
			return TP_ENOMEM;
	}
	if ((rc = stage_files(rq, hdf, &ns->sf, ns->existing)) < 0)
		return rc;
	return hdf_get_int_value(hdf, "Form.errors", 0) - before;
}

/* Run the pipeline for article id (0: a new one): files staged first, each refusal shown on the form. */
static int
save_article(struct request *rq, HDF *hdf, long long id, int existing)
{
	struct news_save ns;
	struct save sv;
	int rc;

	memset(&ns, 0, sizeof(ns));
	ns.existing = existing;
	article_save(&sv, &ns, id);
	if (id != 0 && (ns.sf.nrm = removals(rq, ns.sf.rm)) < 0) {
		rq->error_detail = "remove";
		return 400;
	}
	rc = save_record(rq, hdf, &sv);	/* check_more stages the files */
	save_files_free(&ns.sf);
	if (rc == 409 || rc == 422 || rc == 429)
		rc = refused(rq, hdf, rc);
	return plain_error(rq, rc);
}

int
page_admin_news_create(struct request *rq, HDF *hdf)
{
	int rc;

	if ((rc = form_lists(rq, hdf)) != 0)
		return rc;
	return save_article(rq, hdf, 0, 0);
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
	return files_list_admin(rq, hdf, "Files", "news", a->id) < 0 ? db_err(rq->db) : 0;
}

static void
article_to_form(HDF *hdf, const struct news_article *a)
{
	struct record_row r;
	int i;

	memset(&r, 0, sizeof(r));
	r.version = a->version;
	for (i = 0; i < NEWS_NFIELDS; i++)
		r.v[i] = a->v[i];
	save_form(hdf, &news_record, &r);
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

int
page_admin_news_save(struct request *rq, HDF *hdf)
{
	struct news_article a;
	int rc, existing;

	if ((rc = load_own(rq, hdf, &a)) != 0 || (rc = form_lists(rq, hdf)) != 0)
		goto out;
	if (a.deleted) {	/* restore it first: the form says so */
		article_to_form(hdf, &a);
		render_set(hdf, "deleted", "Page.StateConflict");
		rc = 409;
		goto out;
	}
	if ((existing = attach_count(rq->db, "news", a.id)) < 0) {
		rc = db_err(rq->db);
		goto out;
	}
	rc = save_article(rq, hdf, a.id, existing);
out:
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
