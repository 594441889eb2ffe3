/*
 * attach.h - files attached to a record (table attachments): news articles now ("news"), and any
 * other owner later (meeting documents: add the owner type to the table in attach.c with the function
 * that says who may read it).
 *
 * Saving a record with uploads, the only order that leaves neither a file nor a row behind when
 * anything fails:
 *
 *	struct attach_batch b;
 *	rc = files_stage(rq, "attachment", &b, &err, &bad);	// pages/files.h: check types, write temp files
 *	if (rc == TP_EINVALID) ... show err on the form ...;
 *	db_begin(db);
 *	... write the record ..., attach_insert(db, &b, "news", id, user_id), audit ...;
 *	attach_place(&b);	// the files under their final names, still inside the transaction
 *	if (anything failed, or the commit did) { db_rollback(db); attach_abort(&b); ... }
 *	attach_commit(db, &b);	// after the commit: the files are the rows' now
 *	attach_abort(&b);	// always: frees the batch; after a commit it leaves the files alone
 *
 * So a committed row always has its file, even when the process dies right after the COMMIT; a crash
 * between attach_place and the COMMIT leaves a file no row names (harmless; never a row without a file).
 *
 * Files are checked by their content (magic bytes), not only their name; the allowed types are
 * PDF, PNG, JPEG, HWP, HWPX, DOCX, XLSX, PPTX and UTF-8 plain text. They are stored under upload_dir
 * as 32 random hex digits (libsodium randombytes); the name they came with is kept in the database
 * and sent back by GET /files/{id} (pages/files.c) as file_delivery says: nginx's X-Accel-Redirect to
 * /_files/, Apache's X-Sendfile, or streamed by the portal itself (attach_open).
 */
#ifndef TP_ATTACH_H
#define TP_ATTACH_H

#include <stddef.h>
#include <time.h>

struct db;
struct db_stmt;

#define ATTACH_MAX_FILES	5	/* per request (the PT_FILE maximum in route.c matches) */
#define ATTACH_MAX_PER_OWNER	20	/* files one record may have */
#define ATTACH_STORED_LEN	32	/* hex digits of a stored name */

struct attach_staged {
	char		 stored[ATTACH_STORED_LEN + 1];	/* the final name under the upload folder */
	char		*tmp_path;			/* where it is written first (malloc'd) */
	char		*final_path;			/* (malloc'd) */
	const char	*filename;			/* the uploaded name: points into the request's files */
	const char	*mime;				/* the recognised type (a static string) */
	size_t		 size;
	long long	 id;				/* the row, once inserted */
	int		 placed;			/* moved to final_path (attach_place) */
};

struct attach_batch {
	struct attach_staged	f[ATTACH_MAX_FILES];
	size_t			n;
	int			committed;
};

/*
 * The type of a file from its content and its name's extension: the MIME type (static string), and
 * its short label in *label; NULL when the type is not allowed or the content does not match the
 * name (*err then holds the ko.hdf key of the message). Pure; exported for tests.
 */
const char	*attach_detect(const char *data, size_t len, const char *filename, const char **label,
		    const char **err);

/* One uploaded file, as the request parser found it (the bytes are the request's). */
struct attach_upload {
	const char	*filename;
	const char	*data;
	size_t		 len;
};

/*
 * Check every one of the nfiles files and write each to a temporary file in dir (fsync'd).
 * Returns 0; TP_EINVALID when a file is refused (*err: a ko.hdf key, *bad: the file's name; nothing is
 * left on disk), also when the upload folder is full (*err "L.attach.err_space": the form says so and
 * keeps what was typed); TP_ETOOBIG for more than ATTACH_MAX_FILES; TP_EFAIL on another I/O error
 * (logged; nothing is left on disk). b is always initialised: pass it to attach_abort in the end.
 */
int		 attach_stage(const char *dir, const struct attach_upload *files, size_t nfiles,
		    struct attach_batch *b, const char **err, const char **bad);
/* Insert the batch's rows for (owner_type, owner_id) inside the caller's transaction. 0 or DB_ERR. */
int		 attach_insert(struct db *db, struct attach_batch *b, const char *owner_type, long long owner_id,
		    long long user_id);
/*
 * Inside the transaction, before its COMMIT: move each temporary file to its final name (fsync'd).
 * Files placed by an earlier try of the same transaction stay placed. 0, or -1 (logged): roll back.
 */
int		 attach_place(struct attach_batch *b);
/*
 * After the commit: the batch's files belong to its rows now (attach_abort leaves them). Files not
 * placed yet are moved now; when that fails the rows are deleted again (their own transaction) and the
 * files removed; returns -1 (logged). 0 on success.
 */
int		 attach_commit(struct db *db, struct attach_batch *b);
/* Remove the files of a batch that was not committed (temporary or placed), and free it. Safe to call twice. */
void		 attach_abort(struct attach_batch *b);

/* Files (owner_type, owner_id) has now: 0.., or -1. */
int		 attach_count(struct db *db, const char *owner_type, long long owner_id);
/*
 * Delete attachment id of (owner_type, owner_id) inside the caller's transaction; its stored name
 * goes to stored (for attach_unlink after the commit) and its file name to *filename (malloc'd).
 * 1 deleted, 0 no such attachment of that owner, -1 error.
 */
int		 attach_delete(struct db *db, const char *owner_type, long long owner_id, long long id,
		    char stored[ATTACH_STORED_LEN + 1], char **filename);
/* Remove a stored file after the transaction that deleted its row committed (a failure is only logged). */
void		 attach_unlink(const char *dir, const char *stored);

/*
 * The attachments of (owner_type, owner_id), bound into *out for the caller to step and reset: id,
 * filename, mime_type, size_bytes, in upload order. 0 or a TP_E* code.
 */
int		 attach_list_stmt(struct db *db, const char *owner_type, long long owner_id, struct db_stmt **out);
/* The short label of a stored MIME type (PDF, HWP, ...), "?" for one the portal does not know. */
const char	*attach_label(const char *mime);

/* One stored file as GET /files/{id} sends it. */
struct attach_file {
	long long	 id;
	char		 owner_type[21];
	long long	 owner_id;
	char		 stored[ATTACH_STORED_LEN + 1];
	char		*filename;	/* malloc'd: the caller frees it */
	const char	*mime;		/* a static string */
};
/* Load attachment id into f: 0, TP_ENOTFOUND, or a TP_E* code. */
int		 attach_find(struct db *db, long long id, struct attach_file *f);

/* A stored file opened for sending. */
struct attach_disk {
	int		 fd;		/* read-only, close-on-exec; the caller closes it (or hands it on) */
	long long	 size;
	time_t		 mtime;
};
/*
 * Open f's stored file under dir: 0 (out filled), TP_ENOTFOUND when the file is missing on disk (logged:
 * the row has no file), or TP_EFAIL (logged).
 */
int		 attach_open(const char *dir, const struct attach_file *f, struct attach_disk *out);

/*
 * For the admin pages: mark each attachment of (owner_type, owner_id) whose stored file is gone from dir,
 * in the order of attach_list_stmt (id): missing[i] = 1 (at most n entries). Returns how many rows, or a
 * TP_E* code.
 */
int		 attach_missing(struct db *db, const char *dir, const char *owner_type, long long owner_id, int *missing,
		    int n);

/* Pure helpers, exported for tests: RFC 6266 Content-Disposition for filename into out (0, or -1 when too long). */
int		 attach_disposition(const char *filename, long long id, char *out, size_t size);
/* "532 B", "12.4 KB", "3.1 MB" */
void		 attach_fmt_size(long long bytes, char *out, size_t size);

#endif
