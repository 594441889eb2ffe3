/*
 * attach.c - attachments: type checks by content, staging to temporary files, rows inserted in the
 * caller's transaction, files moved into place after the commit, and the row GET /files/{id} sends
 * (pages/files.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/err.h"
#include "core/log.h"
#include "core/text.h"
#include "model/attach.h"
#include "store/db.h"

/* ---------------------------------------------------------------- types, by content */

static int
starts(const char *d, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(d, magic, n) == 0;
}

static int
is_pdf(const char *d, size_t len)
{
	return starts(d, len, "%PDF-", 5);
}

static int
is_png(const char *d, size_t len)
{
	return starts(d, len, "\x89PNG\r\n\x1a\n", 8);
}

static int
is_jpeg(const char *d, size_t len)
{
	return starts(d, len, "\xff\xd8\xff", 3);
}

/* HWP 5: an OLE2 compound file whose FileHeader stream starts with this signature. */
static int
is_hwp(const char *d, size_t len)
{
	return starts(d, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) &&
	    memmem(d, len, "HWP Document File", 17) != NULL;
}

static int
is_zip(const char *d, size_t len)
{
	return starts(d, len, "PK\x03\x04", 4);
}

/* HWPX: a zip whose first entry, "mimetype", holds application/hwp+zip. */
static int
is_hwpx(const char *d, size_t len)
{
	return is_zip(d, len) && memmem(d, len < 200 ? len : 200, "application/hwp+zip", 19) != NULL;
}

/* Office Open XML: a zip with [Content_Types].xml and the application's own folder. */
static int
is_ooxml(const char *d, size_t len, const char *folder)
{
	return is_zip(d, len) && memmem(d, len, "[Content_Types].xml", 19) != NULL &&
	    memmem(d, len, folder, strlen(folder)) != NULL;
}

static int
is_docx(const char *d, size_t len)
{
	return is_ooxml(d, len, "word/");
}

static int
is_xlsx(const char *d, size_t len)
{
	return is_ooxml(d, len, "xl/");
}

static int
is_pptx(const char *d, size_t len)
{
	return is_ooxml(d, len, "ppt/");
}

/* Plain text: UTF-8 (a BOM allowed) without control characters but tab, line ends and form feed. */
static int
is_text(const char *d, size_t len)
{
	size_t i;

	if (!text_valid_utf8(d, len))
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)d[i] < 0x20 && strchr("\t\n\r\f", d[i]) == NULL)
			return 0;
	return 1;
}

static const struct ftype {
	const char	*ext[2];
	const char	*mime;
	const char	*label;
	int		(*match)(const char *, size_t);
} types[] = {
	{ { "pdf", NULL }, "application/pdf", "PDF", is_pdf },
	{ { "png", NULL }, "image/png", "PNG", is_png },
	{ { "jpg", "jpeg" }, "image/jpeg", "JPEG", is_jpeg },
	{ { "hwp", NULL }, "application/x-hwp", "HWP", is_hwp },
	{ { "hwpx", NULL }, "application/hwp+zip", "HWPX", is_hwpx },
	{ { "docx", NULL }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", is_docx },
	{ { "xlsx", NULL }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", is_xlsx },
	{ { "pptx", NULL }, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX", is_pptx },
	{ { "txt", NULL }, "text/plain; charset=utf-8", "TXT", is_text },
};
#define NTYPES	(sizeof(types) / sizeof(types[0]))

static const struct ftype *
type_by_mime(const char *mime)
{
	size_t i;

	for (i = 0; mime != NULL && i < NTYPES; i++)
		if (strcmp(types[i].mime, mime) == 0)
			return &types[i];
	return NULL;
}

const char *
attach_detect(const char *data, size_t len, const char *filename, const char **label, const char **err)
{
	const char *dot = filename != NULL ? strrchr(filename, '.') : NULL;
	size_t i, k;

	*err = "L.attach.err_type";
	if (dot == NULL || dot[1] == '\0')
		return NULL;
	for (i = 0; i < NTYPES; i++)
		for (k = 0; k < 2 && types[i].ext[k] != NULL; k++) {
			if (strcasecmp(dot + 1, types[i].ext[k]) != 0)
				continue;
			if (len == 0) {
				*err = "L.attach.err_empty";
				return NULL;
			}
			if (!types[i].match(data, len)) {
				*err = "L.attach.err_content";
				return NULL;
			}
			*label = types[i].label;
			*err = NULL;
			return types[i].mime;
		}
	return NULL;
}

/* ---------------------------------------------------------------- staging and committing */

void
attach_abort(struct attach_batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		const char *path = b->f[i].placed ? b->f[i].final_path : b->f[i].tmp_path;

		if (!b->committed && path != NULL && unlink(path) != 0 && errno != ENOENT)
			log_warn("attach: cannot remove %s: %s", path, strerror(errno));
		free(b->f[i].tmp_path);
		free(b->f[i].final_path);
		b->f[i].tmp_path = b->f[i].final_path = NULL;
	}
	b->n = 0;
}

/* Write len bytes to a new file at path and fsync it. 0, or -1 (logged; the file is removed; errno kept,
 * so a caller can tell a full disk). */
static int
write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0640), e;
	size_t off = 0;
	ssize_t n;

	if (fd < 0) {
		e = errno;
		log_err("attach: cannot create %s: %s", path, strerror(e));
		errno = e;
		return -1;
	}
	while (off < len) {
		if ((n = write(fd, data + off, len - off)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)n;
	}
	if (off < len || fsync(fd) != 0) {
		e = errno;
		log_err("attach: cannot write %s: %s", path, strerror(e));
		close(fd);
		unlink(path);
		errno = e;
		return -1;
	}
	if (close(fd) != 0) {
		e = errno;
		log_err("attach: cannot close %s: %s", path, strerror(e));
		unlink(path);
		errno = e;
		return -1;
	}
	return 0;
}

/* Name and write one checked file. 0, TP_EINVALID (the folder is full) or TP_EFAIL. */
static int
stage_one(const char *dir, const struct attach_upload *p, const char *mime, struct attach_staged *s)
{
	unsigned char raw[ATTACH_STORED_LEN / 2];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(s->stored, sizeof(s->stored), raw, sizeof(raw));
	if (asprintf(&s->final_path, "%s/%s", dir, s->stored) < 0) {
		s->final_path = NULL;
		return TP_EFAIL;
	}
	if (asprintf(&s->tmp_path, "%s/.%s.part", dir, s->stored) < 0) {
		s->tmp_path = NULL;
		return TP_EFAIL;
	}
	s->filename = p->filename;
	s->mime = mime;
	s->size = p->len;
	if (write_file(s->tmp_path, p->data, p->len) != 0) {
		int full = errno == ENOSPC || errno == EDQUOT;

		free(s->tmp_path);	/* write_file removed it */
		s->tmp_path = NULL;
		return full ? TP_EINVALID : TP_EFAIL;
	}
	return 0;
}

int
attach_stage(const char *dir, const struct attach_upload *files, size_t nfiles, struct attach_batch *b,
    const char **err, const char **bad)
{
	const char *mimes[ATTACH_MAX_FILES], *label;
	size_t i;
	int rc;

	memset(b, 0, sizeof(*b));
	*err = *bad = NULL;
	if (nfiles > ATTACH_MAX_FILES)
		return TP_ETOOBIG;
	/* every file is checked before any is written: a refusal leaves nothing on disk */
	for (i = 0; i < nfiles; i++)
		if ((mimes[i] = attach_detect(files[i].data, files[i].len, files[i].filename, &label, err)) == NULL) {
			*bad = files[i].filename;
			return TP_EINVALID;
		}
	for (i = 0; i < nfiles; i++) {
		b->n = i + 1;
		if ((rc = stage_one(dir, &files[i], mimes[i], &b->f[i])) != 0) {
			attach_abort(b);
			if (rc == TP_EINVALID) {	/* the folder is full: say so on the form */
				*err = "L.attach.err_space";
				*bad = files[i].filename;
			}
			return rc;
		}
	}
	return 0;
}

static const char sql_insert[] =
	"INSERT INTO attachments (owner_type, owner_id, stored_name, filename, mime_type, size_bytes, uploaded_by) "
	"VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char sql_delete_id[] = "DELETE FROM attachments WHERE id = ?";

int
attach_insert(struct db *db, struct attach_batch *b, const char *owner_type, long long owner_id, long long user_id)
{
	size_t i;
	int rc;

	for (i = 0; i < b->n; i++) {
		struct db_stmt *st = db_prepare(db, sql_insert);

		if (st == NULL)
			return DB_ERR;
		db_bind_text(st, 0, owner_type);
		db_bind_int(st, 1, owner_id);
		db_bind_text(st, 2, b->f[i].stored);
		db_bind_text(st, 3, b->f[i].filename);
		db_bind_text(st, 4, b->f[i].mime);
		db_bind_int(st, 5, (long long)b->f[i].size);
		if (user_id > 0)
			db_bind_int(st, 6, user_id);
		else
			db_bind_null(st, 6);
		rc = db_step(st);
		if (rc == DB_DONE)
			b->f[i].id = (long long)db_insert_id(st);
		db_reset(st);
		if (rc != DB_DONE)
			return DB_ERR;
	}
	return 0;
}

/* fsync the folder, so the renames survive a crash (best effort: logged only). */
static void
sync_dir(const char *path)
{
	char *dir = strdup(path), *slash;
	int fd;

	if (dir == NULL)
		return;
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		if (fsync(fd) != 0)
			log_warn("attach: fsync %s: %s", dir, strerror(errno));
		close(fd);
	}
	free(dir);
}

/* A rename failed after the commit: take every row of the batch out again and remove its files. */
static void
undo_commit(struct db *db, struct attach_batch *b)
{
	struct db_stmt *st;
	size_t i;
	int ok = db_begin(db) == 0;

	for (i = 0; ok && i < b->n; i++) {
		if ((st = db_prepare(db, sql_delete_id)) == NULL) {
			ok = 0;
			break;
		}
		db_bind_int(st, 0, b->f[i].id);
		ok = db_step(st) == DB_DONE;
		db_reset(st);
	}
	if (!ok || db_commit(db) != 0) {
		db_rollback(db);
		log_err("attach: could not remove the rows of files that failed to move into place");
	}
	for (i = 0; i < b->n; i++) {
		unlink(b->f[i].final_path);
		unlink(b->f[i].tmp_path);
	}
}

int
attach_place(struct attach_batch *b)
{
	size_t i;
	int moved = 0;

	for (i = 0; i < b->n; i++) {
		if (b->f[i].placed)
			continue;
		if (rename(b->f[i].tmp_path, b->f[i].final_path) != 0) {
			log_err("attach: cannot move %s into place: %s", b->f[i].tmp_path, strerror(errno));
			return -1;
		}
		b->f[i].placed = 1;
		moved = 1;
	}
	if (moved)
		sync_dir(b->f[0].final_path);
	return 0;
}

int
attach_commit(struct db *db, struct attach_batch *b)
{
	if (attach_place(b) != 0) {
		undo_commit(db, b);
		b->committed = 1;	/* nothing left for attach_abort to remove */
		return -1;
	}
	b->committed = 1;
	return 0;
}

static const char sql_count[] = "SELECT COUNT(*) FROM attachments WHERE owner_type = ? AND owner_id = ?";
static const char sql_one_of[] =
	"SELECT stored_name, filename FROM attachments WHERE id = ? AND owner_type = ? AND owner_id = ? FOR UPDATE";

int
attach_count(struct db *db, const char *owner_type, long long owner_id)
{
	struct db_stmt *st = db_prepare(db, sql_count);
	int rc, n = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 0, owner_type);
	db_bind_int(st, 1, owner_id);
	if ((rc = db_step(st)) == DB_ROW)
		n = (int)db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? n : -1;
}

int
attach_delete(struct db *db, const char *owner_type, long long owner_id, long long id,
    char stored[ATTACH_STORED_LEN + 1], char **filename)
{
	struct db_stmt *st = db_prepare(db, sql_one_of);
	int rc, found = 0;

	*filename = NULL;
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	db_bind_text(st, 1, owner_type);
	db_bind_int(st, 2, owner_id);
	if ((rc = db_step(st)) == DB_ROW) {
		snprintf(stored, ATTACH_STORED_LEN + 1, "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
		found = (*filename = strdup(db_col_text(st, 1) ? db_col_text(st, 1) : "")) != NULL ? 1 : -1;
	}
	db_reset(st);
	if (rc == DB_ERR || found <= 0)
		return rc == DB_ERR ? -1 : found;
	if ((st = db_prepare(db, sql_delete_id)) == NULL)
		return -1;
	db_bind_int(st, 0, id);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? 1 : -1;
}

void
attach_unlink(const char *dir, const char *stored)
{
	char path[4096];

	/* stored came from our own column: 32 hex digits, never a path */
	if (strlen(stored) != ATTACH_STORED_LEN || strspn(stored, "0123456789abcdef") != ATTACH_STORED_LEN)
		return;
	snprintf(path, sizeof(path), "%s/%s", dir, stored);
	if (unlink(path) != 0 && errno != ENOENT)
		log_warn("attach: cannot remove %s: %s", path, strerror(errno));
}

/* ---------------------------------------------------------------- reading */

void
attach_fmt_size(long long bytes, char *out, size_t size)
{
	if (bytes < 1024)
		snprintf(out, size, "%lld B", bytes);
	else if (bytes < 1024 * 1024)
		snprintf(out, size, "%.1f KB", (double)bytes / 1024);
	else
		snprintf(out, size, "%.1f MB", (double)bytes / (1024 * 1024));
}

static const char sql_list[] =
	"SELECT id, filename, mime_type, size_bytes FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY id";

int
attach_list_stmt(struct db *db, const char *owner_type, long long owner_id, struct db_stmt **out)
{
	struct db_stmt *st = db_prepare(db, sql_list);

	if ((*out = st) == NULL)
		return db_err(db);
	db_bind_text(st, 0, owner_type);
	db_bind_int(st, 1, owner_id);
	return 0;
}

static const char sql_stored[] =
	"SELECT stored_name FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY id";

int
attach_missing(struct db *db, const char *dir, const char *owner_type, long long owner_id, int *missing, int n)
{
	struct db_stmt *st = db_prepare(db, sql_stored);
	char path[4096];
	struct stat sb;
	int rc, i = 0;

	if (st == NULL)
		return db_err(db);
	db_bind_text(st, 0, owner_type);
	db_bind_int(st, 1, owner_id);
	while ((rc = db_step(st)) == DB_ROW && i < n) {
		const char *stored = db_col_text(st, 0);
		int len = snprintf(path, sizeof(path), "%s/%s", dir != NULL ? dir : ".", stored != NULL ? stored : "");

		missing[i++] = stored == NULL || len < 0 || (size_t)len >= sizeof(path) ||
		    (stat(path, &sb) != 0 && errno == ENOENT);
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(db) : i;
}

const char *
attach_label(const char *mime)
{
	const struct ftype *t = type_by_mime(mime);

	return t != NULL ? t->label : "?";
}

/* RFC 5987 attr-char: what may stand unescaped in filename*. */
static int
attr_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c != '\0' && strchr("!#$&+-.^_`|~", c) != NULL);
}

int
attach_disposition(const char *filename, long long id, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)filename;
	const char *dot = strrchr(filename, '.');
	char fallback[300], ext[16] = "";
	size_t n, i, plain = 1;
	int k;

	/* the quoted filename= for old clients: the name itself when it is plain ASCII, else file-<id>.<ext> */
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] < 0x20 || s[i] >= 0x7f || s[i] == '"' || s[i] == '\\' || s[i] == '%')
			plain = 0;
	if (dot != NULL && strlen(dot) < sizeof(ext) && strspn(dot + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == strlen(dot + 1))
		snprintf(ext, sizeof(ext), "%s", dot);
	if (plain && strlen(filename) < sizeof(fallback))
		snprintf(fallback, sizeof(fallback), "%s", filename);
	else
		snprintf(fallback, sizeof(fallback), "file-%lld%s", id, ext);
	k = snprintf(out, size, "attachment; filename=\"%s\"; filename*=UTF-8''", fallback);
	if (k < 0 || (size_t)k >= size)
		return -1;
	n = (size_t)k;
	for (i = 0; s[i] != '\0'; i++) {
		if (n + 4 >= size)
			return -1;
		if (attr_char(s[i]))
			out[n++] = (char)s[i];
		else
			n += (size_t)snprintf(out + n, size - n, "%%%02X", s[i]);
	}
	out[n] = '\0';
	return 0;
}

static const char sql_file[] =
	"SELECT owner_type, owner_id, stored_name, filename, mime_type FROM attachments WHERE id = ?";

int
attach_find(struct db *db, long long id, struct attach_file *f)
{
	struct db_stmt *st = db_prepare(db, sql_file);
	const struct ftype *t = NULL;
	int rc;

	memset(f, 0, sizeof(*f));
	if (st == NULL)
		return db_err(db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		snprintf(f->owner_type, sizeof(f->owner_type), "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
		f->owner_id = db_col_int(st, 1);
		snprintf(f->stored, sizeof(f->stored), "%s", db_col_text(st, 2) ? db_col_text(st, 2) : "");
		f->filename = strdup(db_col_text(st, 3) ? db_col_text(st, 3) : "file");
		t = type_by_mime(db_col_text(st, 4));
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	if (rc == DB_DONE)
		return TP_ENOTFOUND;
	if (f->filename == NULL)
		return TP_ENOMEM;
	f->id = id;
	/* a type the portal no longer knows is sent as bytes, never with the stored text */
	f->mime = t != NULL ? t->mime : "application/octet-stream";
	return 0;
}

int
attach_open(const char *dir, const struct attach_file *f, struct attach_disk *out)
{
	char path[4096];
	struct stat sb;
	int fd, n;

	memset(out, 0, sizeof(*out));
	out->fd = -1;
	n = snprintf(path, sizeof(path), "%s/%s", dir, f->stored);
	if (n < 0 || (size_t)n >= sizeof(path) || f->stored[0] == '\0' || strchr(f->stored, '/') != NULL) {
		log_err("files: attachment %lld: no usable stored name", f->id);
		return TP_EFAIL;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0) {
		if (errno == ENOENT) {
			log_warn("files: attachment %lld (%s): stored file %s is missing; answering 404", f->id,
			    f->filename ? f->filename : "?", path);
			return TP_ENOTFOUND;
		}
		log_err("files: attachment %lld: cannot open %s: %s", f->id, path, strerror(errno));
		return TP_EFAIL;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		log_err("files: attachment %lld: %s is not a regular file", f->id, path);
		close(fd);
		return TP_EFAIL;
	}
	out->fd = fd;
	out->size = (long long)sb.st_size;
	out->mtime = sb.st_mtime;
	return 0;
}
