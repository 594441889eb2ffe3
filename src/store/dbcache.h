/*
 * dbcache.h - what db.c knows about a statement from its SQL text, and the process-wide snapshot of
 * reference data (issue 16): results of statements that read reference tables only, kept per
 * (statement, bound values) while the reference generation (sql/017) they were read at is current.
 * Used by db.c only.
 */
#ifndef TP_DBCACHE_H
#define TP_DBCACHE_H

#include <stddef.h>

enum sql_kind {
	SQL_READ,		/* reads something else than reference data (or depends on the clock) */
	SQL_READ_REF,		/* a SELECT of reference tables only: its result may be kept */
	SQL_WRITE_UNTRACKED,	/* writes what no page shows (sessions, sign-in failures, queues) */
	SQL_WRITE_DATA,		/* writes page data: the data generation moves on */
	SQL_WRITE_REF		/* writes reference data, or a table not known here: both generations move on */
};

/* What sql does, from its text (a literal of the program). */
enum sql_kind	dbcache_classify(const char *sql);

/* A kept result: ncols columns, nrows rows; cells are NUL-terminated, NULL for SQL NULL. Immutable. */
struct dbcache_result;

/*
 * The kept result of sql with these bound values (key, keylen bytes) read at reference generation
 * gen, or NULL. A result returned is held: give it back with dbcache_release.
 */
struct dbcache_result	*dbcache_get(const char *sql, const void *key, size_t keylen, unsigned long long gen);
void			 dbcache_release(struct dbcache_result *r);
size_t			 dbcache_rows(const struct dbcache_result *r);
const char		*dbcache_cell(const struct dbcache_result *r, size_t row, unsigned col);

/* A result being read from the server, to keep once every row was read (dbcache_publish). */
struct dbcache_build;
struct dbcache_build	*dbcache_build_new(const char *sql, const void *key, size_t keylen, unsigned long long gen,
			    unsigned ncols);
/* Add one row: ncols cells (NULL for SQL NULL) with their lengths. 0, or -1 (the result is then not kept). */
int			 dbcache_build_row(struct dbcache_build *b, char *const *cells, const unsigned long *lens,
			    const char *isnull);
/* Keep the result (it replaces an older one of the same key) and free b. */
void			 dbcache_publish(struct dbcache_build *b);
/* Free b without keeping it (the rows were not all read). */
void			 dbcache_build_free(struct dbcache_build *b);

/* Kept results and hits/misses so far (for /healthz and the log). */
void			 dbcache_stats(size_t *entries, unsigned long *hits, unsigned long *misses);
/* Forget every kept result (tests; SIGHUP). */
void			 dbcache_clear(void);

#endif
