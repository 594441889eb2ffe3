/*
 * library.h - the publications library (자료실, issue 19): documents (library_documents) with their kind,
 * publisher, year, language and audience, their files and the files' versions (library_files over
 * attachments), the kinds the secretariat keeps (library_kinds), and who may read what.
 *
 * A signed-in-only document (audience "signed_in") is never shown to a reader who is not signed in:
 * the list, the page, the feed, the files (library_may_read) and the search (its index entry is marked).
 */
#ifndef TP_LIBRARY_H
#define TP_LIBRARY_H

#include "model/record.h"

struct db;
struct db_stmt;
struct session;
struct attach_batch;

#define LIBRARY_PAGE_SIZE	20
#define LIBRARY_FEED_SIZE	20
#define LIBRARY_PROFILE_SIZE	10	/* documents on a technopark's profile */
#define LIBRARY_PROFILE_SIZE_SQL	"10"	/* the same, for the profile's statement (pages/page_members.c) */
#define LIBRARY_ASSOCIATION	"association"	/* the publisher slug that means the association */
#define LIBRARY_MAX_FILES	50	/* files and versions one document may have */

/* Which documents a list or feed covers. */
struct library_filter {
	long long	kind_id;	/* 0: any */
	long long	tp_id;		/* 0: any publisher */
	int		association;	/* 1: the association's own documents (tp_id is then 0) */
	long long	year;		/* 0: any */
	int		signed_in;	/* 1: the reader is signed in (signed-in-only documents too) */
};

enum library_dir { LIBRARY_FIRST, LIBRARY_OLDER, LIBRARY_NEWER };

/* A bound list query: the statement and the cursor's time bound into it (keep q alive until reset). */
struct library_query {
	struct db_stmt	*st;
	char		 at[32];
};

/*
 * The list for f, newest first, from the start or older/newer than document cursor_id, up to limit
 * rows, into q (the caller steps and resets q->st). Columns: id, title, kind, kind_name, kind_name_en,
 * tp_slug, tp_name, tp_name_en, year, language, audience, date (YYYY-MM-DD), is_demo, files (how many files, not
 * counting older versions). 0, TP_ENOTFOUND when cursor_id is no listed document, or a TP_E* code.
 */
int	library_list_stmt(struct db *db, const struct library_filter *f, enum library_dir dir, long long cursor_id,
	    int limit, struct library_query *q);
/* The years f's documents are of (f->year ignored), newest first, and how many each: year, n (the board's
 * year options and its total, one round trip). 0 or a TP_E* code. */
int	library_years_stmt(struct db *db, const struct library_filter *f, struct db_stmt **out);
/* The feed: the newest LIBRARY_FEED_SIZE of f, with description, publisher, published and updated (RFC 3339). */
int	library_feed_stmt(struct db *db, const struct library_filter *f, struct db_stmt **out);
/*
 * One document for its page, bound into *out: a row of list 0 (the document: id, title, description, kind,
 * kind_name, kind_name_en, tp_id, tp_slug, tp_name, tp_name_en, year, language, audience, listed, is_demo, created,
 * updated, mime_type, size_bytes), then rows of list 1 (its files: library_show_file_cols), each file's
 * newest version first; LIBRARY_SHOW_KEYS key columns after the list. 0 or a TP_E* code.
 */
#define LIBRARY_SHOW_KEYS	2
extern const char *const library_show_file_cols[];
int	library_show_stmt(struct db *db, long long id, struct db_stmt **out);

/*
 * May the reader with session s (NULL: signed out) see document id, its page and its files? Listed public
 * documents: anyone; listed signed-in-only ones: signed-in readers; deleted ones: their editors only.
 * 0, TP_ENOTFOUND (none, or not for this reader), or a TP_E* code. pages/files.c asks it for "library".
 */
int	library_may_read(struct db *db, const struct session *s, long long id);

/* ---- writing ---- */

#define LIBRARY_NFIELDS	7
extern const char *const library_fields[LIBRARY_NFIELDS];
enum { LF_TITLE, LF_KIND, LF_PUBLISHER, LF_YEAR, LF_LANGUAGE, LF_AUDIENCE, LF_DESCRIPTION };

/* The document's record description (admin/save.c): its write creates or updates the row with its audit. */
extern const struct record_desc library_record;
/* A kind's record description (the secretariat's kinds table). */
#define LIBRARY_KIND_NFIELDS	4
extern const struct record_desc library_kind_record;

/*
 * Inside the caller's transaction, after attach_insert put b's rows in: make each a file of document
 * doc_id (an upload named like one of its files is that file's next version, any other a new file),
 * audit them, and queue the document for the search. 0 or a TP_E* code.
 */
int	library_files_add(struct db *db, long long user_id, long long doc_id, long long tp_id,
	    const struct attach_batch *b);
/* How many files (all versions) document id has, or -1. */
int	library_file_count(struct db *db, long long id);
/* Delete (deleted 1) or restore (0) document id at version, with its audit. 0, TP_ESTALE or a TP_E* code. */
int	library_set_deleted(struct db *db, long long user_id, long long id, long long version, int deleted);

_Static_assert(LIBRARY_PROFILE_SIZE == 10, "LIBRARY_PROFILE_SIZE_SQL says 10");

#endif
