/* files.h - a record's attachments into the page (pages/files.c; GET /files/{id} is in pages.h). */
#ifndef TP_FILES_H
#define TP_FILES_H

#include "view/cs.h"

struct attach_batch;
struct db;
struct request;

/*
 * attach_stage for the request's uploaded files under key field: 0, TP_EINVALID (*err: a ko.hdf key,
 * *bad: the refused file's name, or NULL for "more than ATTACH_MAX_FILES"; a file over ROUTE_MAX_FILE is
 * refused so too), or TP_EFAIL; b is always initialised (attach_abort it).
 */
int	files_stage(struct request *rq, const char *field, struct attach_batch *b, const char **err, const char **bad);

/*
 * The attachments of (owner_type, owner_id) under prefix.N: id, filename, mime_type, size (formatted,
 * e.g. "1.2 MB"), size_bytes, label (PDF, HWP, ...). Returns the count, or -1.
 */
int	files_list(struct db *db, HDF *hdf, const char *prefix, const char *owner_type, long long owner_id);
/* The columns a page reads into a list of attachments in one of its own statements (page_lists), and
 * what files_list adds to each row then: size and label from size_bytes and mime_type. 0 or -1. */
extern const char *const files_cols[];
int	files_decorate(HDF *hdf, const char *prefix);
/*
 * files_list for the admin pages: also <prefix>.N.missing = 1 for each row whose stored file is gone from
 * the upload folder (the secretariat sees "file missing", not a link that answers 404). Rows, or -1.
 */
int	files_list_admin(struct request *rq, HDF *hdf, const char *prefix, const char *owner_type, long long owner_id);

#endif
