/*
 * db.h - the thin database layer over MariaDB prepared statements.
 *
 * SQL text is always a string literal of the program and values are always bound: there is no
 * function here that formats SQL. Each worker thread owns one struct db (one connection) and
 * its statements, which are prepared once and cached by the address of their SQL literal.
 */
#ifndef TP_DB_H
#define TP_DB_H

struct conf;
struct db;
struct db_stmt;

#include <stddef.h>

#include "core/err.h"

enum {
	DB_ERR = TP_EFAIL,	/* see db_err() for what it means */
	DB_ROW = 1,	/* a row is ready: read it with db_col_* */
	DB_DONE = 2	/* no (more) rows; for writes, the statement ran */
};

/* The client library: db_library_init once before threads start (0 or TP_EFAIL), db_library_end at
 * exit; db_thread_init/db_thread_end in each thread that uses a connection. */
int		 db_library_init(void);
void		 db_library_end(void);
int		 db_thread_init(void);
void		 db_thread_end(void);

/* A handle for one connection, not yet connected. NULL on ENOMEM. */
/*
 * Move the data generation on by itself, outside any transaction: for writes the store layer does not
 * track (store/dbcache.h), such as the search indexer's, once a turn. 0 or DB_ERR.
 */
int		 db_bump_data(struct db *db);
/*
 * Make db connect to node (0-based) of db_nodes only, never failing over to another: the per-node
 * search indexer (store/indexer.c) needs a connection to each node. Without db_nodes, node 0 is db_socket.
 */
void		 db_pin_node(struct db *db, int node);
struct db	*db_new(const struct conf *c);
/* Close the connection and free every statement. */
void		 db_free(struct db *db);
/*
 * Make the connection usable for a request: connect or reconnect when it was lost (statements
 * are then prepared anew), and ping it first when it sat idle. Returns 0, or TP_EGONE when the
 * server cannot be reached.
 */
int		 db_ready(struct db *db);
/* 1 when this request met a missing table (a database that was never migrated). */
int		 db_schema_missing(const struct db *db);
/* Statements run and pings sent on db so far: a request that made none has not seen the server. */
unsigned long	 db_round_trips(const struct db *db);
/* Ping the server now: 0, or TP_EGONE when it is gone (the connection is then marked lost). */
int		 db_check(struct db *db);
/* What the last failure on db was: TP_EGONE when the connection was lost or a table is missing (a
 * database without the schema: 503 until it is migrated), TP_EBUSY when a statement ran past the time
 * limit (db_time_limit; 503 with Retry-After), else TP_EFAIL. */
int		 db_err(const struct db *db);
/*
 * Let each statement on db run at most seconds (MariaDB's max_statement_time; 0: no limit) until it is
 * set again; a statement stopped by it fails and db_err says TP_EBUSY. A round trip only when the value
 * changes. 0, or a TP_E* code.
 */
int		 db_time_limit(struct db *db, int seconds);

/* The cached statement for sql (a literal), prepared on first use. NULL on error (logged). */
struct db_stmt	*db_prepare(struct db *db, const char *sql);
/* Bind parameter i (0-based). Text is referenced, not copied: keep it alive until db_step. NULL text binds SQL NULL. */
int		 db_bind_int(struct db_stmt *st, int i, long long v);
int		 db_bind_text(struct db_stmt *st, int i, const char *s);
int		 db_bind_null(struct db_stmt *st, int i);
/* First call executes the statement; each call returns DB_ROW, DB_DONE or DB_ERR. */
int		 db_step(struct db_stmt *st);
/* Release the result and the bindings so the statement can be used again. Always call it. */
void		 db_reset(struct db_stmt *st);

/* Columns of the current row. Text is valid until the next db_step/db_reset; NULL for SQL NULL. */
int		 db_col_count(const struct db_stmt *st);
const char	*db_col_name(const struct db_stmt *st, int i);
const char	*db_col_text(const struct db_stmt *st, int i);
long long	 db_col_int(const struct db_stmt *st, int i);
int		 db_col_isnull(const struct db_stmt *st, int i);

/* After a write: rows changed, and the AUTO_INCREMENT id it made. */
unsigned long long db_affected(const struct db_stmt *st);
unsigned long long db_insert_id(const struct db_stmt *st);

/* Transactions: 0 or DB_ERR. A failed request's open transaction is rolled back by db_ready. */
int		 db_begin(struct db *db);
int		 db_commit(struct db *db);
int		 db_rollback(struct db *db);
/*
 * Run fn once, right after the open transaction on db commits (not on rollback or a lost connection);
 * outside a transaction (the write already committed) at once. One function per transaction: the
 * search queue uses it to wake the indexer (store/indexer.h).
 */
void		 db_after_commit(struct db *db, void (*fn)(void));

/* Run a bound write and reset st: 0 with *affected and *insert_id set (each when not NULL), or DB_ERR. */
int		 db_write(struct db_stmt *st, unsigned long long *affected, long long *insert_id);

/* Run sql (a literal taking one id and returning one number): 1 when the number is above 0, 0 when
 * it is not or there is no row, DB_ERR on error. For "is this record still referenced?" checks. */
int		 db_exists(struct db *db, const char *sql, long long id);

/* Run a statement that takes no parameters and returns no rows (used by /healthz). 0 or DB_ERR. */
int		 db_exec(struct db *db, const char *sql);

/*
 * The data generation (sql/017): data moves on with every committed write of page data, ref with
 * every write of reference data. Read from the server once per request (db_ready starts a request)
 * and again after this connection committed a write; 0, or a TP_E* code.
 * Every write statement moves them on by itself: in its transaction, just before COMMIT, or in one
 * made for it when none is open. Results of SELECTs that read reference tables only (the
 * association, regions, industries, technoparks, committees, figures, categories) are kept per
 * process while ref is unchanged (store/dbcache.h): the statement is then answered from memory.
 */
int		 db_generation(struct db *db, unsigned long long *data, unsigned long long *ref);
/* When data last moved on (Unix seconds, sql/022), as read by the last db_generation that read it. */
long long	 db_generation_changed(const struct db *db);
/* The reference snapshot: results kept, hits, misses; db_snapshot_clear forgets them all. */
void		 db_snapshot_stats(size_t *entries, unsigned long *hits, unsigned long *misses);
void		 db_snapshot_clear(void);

/* What the last failure since db_begin was, for the save pipeline: DB_E_DUPLICATE (a unique key, MariaDB
 * 1062), DB_E_RETRY (deadlock 1213 or lock wait timeout 1205: run the transaction again), or 0 (other). */
enum { DB_E_DUPLICATE = 1, DB_E_RETRY = 2 };

/*
 * Seconds a statement of the portal waits for a row lock (innodb_lock_wait_timeout of its connections)
 * before MariaDB answers 1205 and the save pipeline runs the transaction again: short, so that the
 * pipeline's attempts (admin/save.h SAVE_ATTEMPTS) end in its 429 page within statement_time_write and
 * the web server's timeout, where MariaDB's default (50 s) ran into both (a 503 or 504 page, input lost).
 */
#define DB_LOCK_WAIT	5
#define DB_STR_(x)	#x
#define DB_STR(x)	DB_STR_(x)
int		 db_last_errno(const struct db *db);
/* Pure helper, exported for tests: 1 when a MariaDB client/server error code means the connection is gone. */
int		 db_errno_is_connection(unsigned int err);

#endif
