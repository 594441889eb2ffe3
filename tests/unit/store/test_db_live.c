/*
 * test_db_live.c - db.c against a real MariaDB: the statement cache, re-preparing after the connection
 * was lost, and the rollback of a transaction a failed request left open.
 *
 * The database is the one named by the configuration file in TP_TEST_CONF (tools/stack test sets it to
 * its instance's tpportal.conf and sets TP_TEST_DB_REQUIRED=1). Without TP_TEST_CONF the tests are skipped,
 * unless TP_TEST_DB_REQUIRED=1: then a missing or unreachable database is a failure, never a skip.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/conf.h"
#include "core/log.h"
#include "store/db.h"

struct fixture {
	struct conf	 conf;
	struct db	*a;	/* the connection under test */
	struct db	*b;	/* a second one: sees only what a committed; kills a */
};

static int
required(void)
{
	const char *r = getenv("TP_TEST_DB_REQUIRED");

	return r != NULL && strcmp(r, "1") == 0;
}

static int
fx_setup(void **state)
{
	const char *path = getenv("TP_TEST_CONF");
	struct fixture *f;

	if (path == NULL || *path == '\0') {
		if (required()) {
			print_error("TP_TEST_DB_REQUIRED=1 but TP_TEST_CONF names no configuration file\n");
			return -1;
		}
		*state = NULL;
		return 0;
	}
	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	conf_defaults(&f->conf);
	if (conf_load(&f->conf, path) != 0) {
		print_error("cannot read %s\n", path);
		return -1;
	}
	if ((f->a = db_new(&f->conf)) == NULL || (f->b = db_new(&f->conf)) == NULL)
		return -1;
	if (db_ready(f->a) != 0 || db_ready(f->b) != 0) {
		print_error("no database at %s (from %s)\n", f->conf.db_socket, path);
		return -1;	/* a failure: the configuration promised a database */
	}
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fixture *f = *state;
	struct db_stmt *st;

	if (f == NULL)
		return 0;
	/* a test_rollback_of_failed_request that failed half-way may have left its +1000 on a region (the
	 * seed's sorts are small): put it back, so the tests after it see the regions in their order */
	if (f->b != NULL && db_ready(f->b) == 0 &&
	    (st = db_prepare(f->b, "UPDATE regions SET sort = sort - 1000 WHERE sort >= 1000")) != NULL)
		(void)db_write(st, NULL, NULL);
	db_free(f->a);
	db_free(f->b);
	conf_free(&f->conf);
	free(f);
	return 0;
}

/* The fixture, or a skip when no database was configured (never when one is required). */
static struct fixture *
fx(void **state)
{
	if (*state == NULL)
		skip();
	return *state;
}

/* One number from sql (a literal) with one integer bound, or -1. */
static long long
one_int(struct db *db, const char *sql, long long arg, int bind)
{
	struct db_stmt *st = db_prepare(db, sql);
	long long v = -1;

	if (st == NULL)
		return -1;
	if (bind)
		db_bind_int(st, 0, arg);
	if (db_step(st) == DB_ROW)
		v = db_col_int(st, 0);
	db_reset(st);
	return v;
}

static const char sql_conn_id[] = "SELECT CONNECTION_ID()";
static const char sql_plus_one[] = "SELECT ? + 1";

/* The cache is keyed by the literal's address: the same literal gives the same statement, used again
 * with new bindings after db_reset; the same text at another address is a statement of its own. */
static void
test_statement_cache(void **state)
{
	static const char other[] = "SELECT ? + 1";	/* same text, another literal */
	struct fixture *f = fx(state);
	struct db_stmt *s1, *s2, *s3;
	unsigned long trips;

	assert_non_null(s1 = db_prepare(f->a, sql_plus_one));
	assert_non_null(s2 = db_prepare(f->a, sql_plus_one));
	assert_ptr_equal(s1, s2);
	assert_non_null(s3 = db_prepare(f->a, other));
	assert_ptr_not_equal(s1, s3);
	assert_int_equal(one_int(f->a, sql_plus_one, 41, 1), 42);
	assert_int_equal(one_int(f->a, sql_plus_one, -7, 1), -6);	/* new binding on the cached statement */
	assert_int_equal(one_int(f->a, other, 1, 1), 2);
	/* a cached statement costs one round trip a use, no second prepare */
	trips = db_round_trips(f->a);
	assert_int_equal(one_int(f->a, sql_plus_one, 1, 1), 2);
	assert_int_equal(db_round_trips(f->a) - trips, 1);
	/* a statement the server refuses is not cached: asked again, it is refused again */
	assert_null(db_prepare(f->a, "SELECT no_such_column FROM regions"));
	assert_int_equal(db_err(f->a), TP_EFAIL);
}

/* The server ends a's connection (KILL from b, as a restart or a timeout would): the next statement
 * fails as "gone" (a 503), db_ready connects again, and the cached statements are prepared anew on
 * the new connection: the same literal answers again. */
static void
test_reprepare_after_reconnect(void **state)
{
	static const char sql_kill[] = "KILL CONNECTION ?";
	struct fixture *f = fx(state);
	struct db_stmt *st;
	long long id1, id2;

	assert_int_equal(one_int(f->a, sql_plus_one, 1, 1), 2);
	assert_true((id1 = one_int(f->a, sql_conn_id, 0, 0)) > 0);
	assert_non_null(st = db_prepare(f->b, sql_kill));
	db_bind_int(st, 0, id1);
	assert_int_equal(db_write(st, NULL, NULL), 0);
	usleep(100 * 1000);
	/* the cached statement now meets a dead connection */
	assert_int_equal(one_int(f->a, sql_plus_one, 1, 1), -1);
	assert_int_equal(db_err(f->a), TP_EGONE);
	assert_null(db_prepare(f->a, sql_plus_one));	/* no use of a lost connection until db_ready */
	assert_int_equal(db_ready(f->a), 0);
	assert_true((id2 = one_int(f->a, sql_conn_id, 0, 0)) > 0);
	assert_true(id2 != id1);
	assert_int_equal(one_int(f->a, sql_plus_one, 99, 1), 100);
}

static const char sql_region_sort[] = "SELECT sort FROM regions WHERE id = ?";
static const char sql_region_bump[] = "UPDATE regions SET sort = sort + 1000 WHERE id = ?";
static const char sql_first_region[] = "SELECT MIN(id) FROM regions";

/* b's view as a new request has it: db_ready first (it reads the data generation, so results kept for an
 * older one are not used), then the row. */
static long long
b_sort(struct fixture *f, long long id)
{
	assert_int_equal(db_ready(f->b), 0);
	return one_int(f->b, sql_region_sort, id, 1);
}

/* A request that began a transaction, wrote, and failed without commit or rollback: the next
 * db_ready rolls it back, so neither this connection nor another ever sees the write. */
static void
test_rollback_of_failed_request(void **state)
{
	struct fixture *f = fx(state);
	struct db_stmt *st;
	unsigned long long n = 0;
	long long id, before;

	assert_true((id = one_int(f->a, sql_first_region, 0, 0)) > 0);
	before = b_sort(f, id);
	assert_true(before >= 0);
	assert_int_equal(db_begin(f->a), 0);
	assert_non_null(st = db_prepare(f->a, sql_region_bump));
	db_bind_int(st, 0, id);
	assert_int_equal(db_write(st, &n, NULL), 0);
	assert_int_equal(n, 1);
	assert_int_equal(one_int(f->a, sql_region_sort, id, 1), before + 1000);	/* a sees its own write */
	assert_int_equal(b_sort(f, id), before);	/* b does not */
	/* the request ends here with an error; the next request on this thread starts with db_ready */
	assert_int_equal(db_ready(f->a), 0);
	assert_int_equal(one_int(f->a, sql_region_sort, id, 1), before);
	assert_int_equal(b_sort(f, id), before);
	/* and the connection is back in autocommit: a write now is visible to b at once */
	assert_non_null(st = db_prepare(f->a, sql_region_bump));
	db_bind_int(st, 0, id);
	assert_int_equal(db_write(st, NULL, NULL), 0);
	assert_int_equal(b_sort(f, id), before + 1000);
	assert_non_null(st = db_prepare(f->a, "UPDATE regions SET sort = sort - 1000 WHERE id = ?"));
	db_bind_int(st, 0, id);
	assert_int_equal(db_write(st, NULL, NULL), 0);
	assert_int_equal(b_sort(f, id), before);
}

/* A transaction open when the connection is lost is rolled back by the server: nothing half-written. */
static void
test_lost_connection_mid_transaction(void **state)
{
	static const char sql_kill[] = "KILL CONNECTION ?";
	struct fixture *f = fx(state);
	struct db_stmt *st;
	long long id, before, conn;

	assert_true((id = one_int(f->a, sql_first_region, 0, 0)) > 0);
	before = one_int(f->b, sql_region_sort, id, 1);
	assert_true((conn = one_int(f->a, sql_conn_id, 0, 0)) > 0);
	assert_int_equal(db_begin(f->a), 0);
	assert_non_null(st = db_prepare(f->a, sql_region_bump));
	db_bind_int(st, 0, id);
	assert_int_equal(db_write(st, NULL, NULL), 0);
	assert_non_null(st = db_prepare(f->b, sql_kill));
	db_bind_int(st, 0, conn);
	assert_int_equal(db_write(st, NULL, NULL), 0);
	usleep(100 * 1000);
	assert_int_equal(db_commit(f->a), DB_ERR);	/* the commit cannot be acknowledged */
	assert_int_equal(db_err(f->a), TP_EGONE);
	assert_int_equal(one_int(f->b, sql_region_sort, id, 1), before);
	assert_int_equal(db_ready(f->a), 0);
	assert_int_equal(one_int(f->a, sql_region_sort, id, 1), before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statement_cache),
		cmocka_unit_test(test_reprepare_after_reconnect),
		cmocka_unit_test(test_rollback_of_failed_request),
		cmocka_unit_test(test_lost_connection_mid_transaction),
	};

	log_set_level(LOG_WARN);
	if (db_library_init() != 0)
		return 1;
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
