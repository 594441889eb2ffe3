/*
 * files.c - attachments as the pages show and send them: a record's files into the page (Files.N),
 * and GET /files/{id} after the owner's read check, delivered as file_delivery says (X-Accel-Redirect for
 * nginx, X-Sendfile for Apache's mod_xsendfile, or streamed by the portal: http/filesend.h).
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"
#include "core/conf.h"
#include "core/log.h"
#include "http/filesend.h"
#include "http/multipart.h"
#include "http/request.h"
#include "model/attach.h"
#include "model/committees.h"
#include "model/library.h"
#include "model/news.h"
#include "pages/files.h"
#include "pages/pages.h"
#include "pages/page_rows.h"
#include "store/db.h"
#include "view/render.h"

/* A meeting's documents go with its page, which anyone may read; an unknown meeting is hidden. */
static int
meeting_may_read(struct db *db, const struct session *s, long long meeting)
{
	int rc = committees_meeting_exists(db, meeting);

	(void)s;
	return rc == 1 ? 0 : rc == 0 ? TP_ENOTFOUND : rc;
}

/* Who may read the files of each owner type: 0, or a TP_E* code (TP_ENOTFOUND hides the owner). */
static const struct owner {
	const char	*type;
	int		(*may_read)(struct db *db, const struct session *s, long long owner_id);
} owners[] = {
	{ "news", news_may_read },
	{ "meeting", meeting_may_read },
	{ "library", library_may_read },
};

static int
owner_allows(struct request *rq, const char *type, long long owner_id)
{
	size_t i;

	for (i = 0; i < sizeof(owners) / sizeof(owners[0]); i++)
		if (strcmp(owners[i].type, type) == 0)
			return owners[i].may_read(rq->db, rq->session, owner_id);
	log_warn("files: no read check for owner type %s", type);
	return TP_ENOTFOUND;
}

int
files_list(struct db *db, HDF *hdf, const char *prefix, const char *owner_type, long long owner_id)
{
	struct db_stmt *st;
	char name[128], sz[32];
	int rc, n = 0;

	if (attach_list_stmt(db, owner_type, owner_id, &st) != 0)
		return -1;
	while ((rc = db_step(st)) == DB_ROW) {
		snprintf(name, sizeof(name), "%s.%d", prefix, n++);
		attach_fmt_size(db_col_int(st, 3), sz, sizeof(sz));
		if (page_row(hdf, name, st) != 0 || render_set(hdf, sz, "%s.size", name) != 0 ||
		    render_set(hdf, attach_label(db_col_text(st, 2)), "%s.label", name) != 0) {
			rc = DB_ERR;
			break;
		}
	}
	db_reset(st);
	return rc == DB_DONE ? n : -1;
}

const char *const files_cols[] = { "id", "filename", "mime_type", "size_bytes", NULL };

int
files_decorate(HDF *hdf, const char *prefix)
{
	HDF *c;
	char sz[32];

	for (c = hdf_get_child(hdf, prefix); c != NULL; c = hdf_obj_next(c)) {
		attach_fmt_size(strtoll(hdf_get_value(c, "size_bytes", "0"), NULL, 10), sz, sizeof(sz));
		if (render_set(c, sz, "size") != 0 || render_set(c, attach_label(hdf_get_value(c, "mime_type", NULL)), "label") != 0)
			return -1;
	}
	return 0;
}

int
files_list_admin(struct request *rq, HDF *hdf, const char *prefix, const char *owner_type, long long owner_id)
{
	int missing[ATTACH_MAX_PER_OWNER * 2], n, i, rows = files_list(rq->db, hdf, prefix, owner_type, owner_id);

	if (rows <= 0)
		return rows;
	if ((n = attach_missing(rq->db, rq->conf->upload_dir, owner_type, owner_id, missing,
	    (int)(sizeof(missing) / sizeof(missing[0])))) < 0)
		return -1;
	for (i = 0; i < n && i < rows; i++)
		if (missing[i] && render_set(hdf, "1", "%s.%d.missing", prefix, i) != 0)
			return -1;
	return rows;
}

int
files_stage(struct request *rq, const char *field, struct attach_batch *b, const char **err, const char **bad)
{
	struct attach_upload up[ATTACH_MAX_FILES];
	size_t i, n = 0;

	memset(b, 0, sizeof(*b));
	*err = *bad = NULL;
	for (i = 0; rq->files != NULL && i < rq->files->n; i++) {
		const struct mp_part *p = &rq->files->parts[i];

		if (strcmp(p->name, field) != 0)
			continue;
		/* a user's mistake, said beside the field (the page keeps what was typed), never a 413 page */
		if (p->oversize) {
			*err = "L.attach.err_big";
			*bad = p->filename;
			return TP_EINVALID;
		}
		if (n == ATTACH_MAX_FILES) {
			*err = "L.attach.err_many";
			return TP_EINVALID;
		}
		up[n].filename = p->filename;
		up[n].data = p->data;
		up[n++].len = p->len;
	}
	return attach_stage(rq->conf->upload_dir, up, n, b, err, bad);
}

/*
 * The configured delivery is only used behind the web server it is meant for (filesend_mode): behind
 * another one its internal header would reach the client with an empty body. Say so once per process.
 */
static int
delivery_mode(const struct request *rq)
{
	static atomic_int warned;
	int want = rq->conf->file_delivery, mode = filesend_mode(want, rq->server_software);

	if (mode != want && !atomic_exchange(&warned, 1))
		log_warn("files: file_delivery = %s, but the web server is %s (SERVER_SOFTWARE): sending files "
		    "directly instead; set file_delivery (docs/configuration.md)", conf_file_delivery_name(want),
		    rq->server_software != NULL ? rq->server_software : "not named");
	return mode;
}

/* Hand the stored file to the web server (X-Accel-Redirect or X-Sendfile) or to the FastCGI loop. */
static int
deliver(struct request *rq, HDF *hdf, const struct attach_file *f)
{
	struct attach_disk d;
	char hdr[4096];
	int mode = delivery_mode(rq), rc, n;

	/* a row whose file is gone is a 404 with the portal's page in every mode, never an empty 200 */
	if ((rc = attach_open(rq->conf->upload_dir, f, &d)) != 0) {
		if (rc == TP_ENOTFOUND)
			render_set(hdf, "1", "Error.FileMissing");
		return rc;
	}
	if (mode == FD_DIRECT) {
		rc = filesend_prepare(rq, d.fd, d.size, d.mtime, f->stored);
		return rc == 200 ? 0 : rc;
	}
	close(d.fd);
	rq->delivered_size = (long long)d.size;
	if (mode == FD_X_ACCEL)
		n = snprintf(hdr, sizeof(hdr), "/_files/%s", f->stored);
	else
		n = snprintf(hdr, sizeof(hdr), "%s/%s", rq->conf->upload_dir, f->stored);
	if (n < 0 || (size_t)n >= sizeof(hdr))
		return TP_EFAIL;
	rq->delivered_by = conf_file_delivery_name(mode);
	return request_add_header(rq, mode == FD_X_ACCEL ? "X-Accel-Redirect" : "X-Sendfile", hdr) != 0 ? TP_ENOMEM : 0;
}

int
page_files_get(struct request *rq, HDF *hdf)
{
	struct attach_file f;
	char disp[2048];
	long long id;
	int rc;

	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	if ((rc = attach_find(rq->db, id, &f)) != 0)
		return rc;
	if ((rc = owner_allows(rq, f.owner_type, f.owner_id)) == 0) {
		if (attach_disposition(f.filename, id, disp, sizeof(disp)) != 0 ||
		    request_add_header(rq, "Content-Disposition", disp) != 0)
			rc = TP_EFAIL;
		else if ((rc = deliver(rq, hdf, &f)) >= 0 && rc < 300)
			rq->content_type_out = f.mime;	/* not for an error page (a 416, a missing file) */
	}
	free(f.filename);
	return rc;
}
