/*
 * test_db_live.c - db.c against a real MariaDB: the statement cache, re-preparing after the connection
 * was lost, the rollback of a transaction a failed request left open, and the data generation shared
 * by concurrent requests never older than a write committed before a request asked.
 *
 * The database is the one named by the configuration file in TP_TEST_CONF (tools/stack test sets it to
 * its instance's tpportal.conf and sets TP_TEST_DB_REQUIRED=1). Without TP_TEST_CONF the tests are skipped,
 * unless TP_TEST_DB_REQUIRED=1: then a missing or unreachable database is a failure, never a skip.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
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

/*
 * Requests on four threads read the data generation while another connection keeps writing: each read
 * shares a read with the other threads where it can (db.c gen_share), yet never returns a generation
 * older than one committed and published before the request asked. A shared read begun before the
 * request asked would, sooner or later.
 */
#define GEN_READERS	4
#define GEN_WRITES	150

struct gen_reader {
	const struct conf	*conf;
	atomic_ullong		*committed;	/* the newest generation committed and published */
	atomic_int		*stop;
	unsigned long		 reads, trips, older;
	int			 failed;
};

static void *
gen_reader_main(void *arg)
{
	struct gen_reader *r = arg;
	struct db *db;
	unsigned long long seen, g;

	if (db_thread_init() != 0 || (db = db_new(r->conf)) == NULL) {
		r->failed = 1;
		return NULL;
	}
	while (!atomic_load(r->stop)) {
		seen = atomic_load(r->committed);
		if (db_ready(db) != 0 || db_generation(db, &g, NULL) != 0) {
			r->failed = 1;
			break;
		}
		r->reads++;
		if (g < seen)
			r->older++;
	}
	r->trips = db_round_trips(db);
	db_free(db);
	db_thread_end();
	return NULL;
}

static void
test_generation_shared(void **state)
{
	struct fixture *f = fx(state);
	struct gen_reader r[GEN_READERS] = { 0 };
	pthread_t th[GEN_READERS];
	atomic_ullong committed = 0;
	atomic_int stop = 0;
	unsigned long reads = 0, trips = 0, older = 0;
	unsigned long long g;
	struct db_stmt *st;
	long long id;
	int i, k;

	assert_true((id = one_int(f->a, sql_first_region, 0, 0)) > 0);
	for (i = 0; i < GEN_READERS; i++) {
		r[i] = (struct gen_reader){ .conf = &f->conf, .committed = &committed, .stop = &stop };
		assert_int_equal(pthread_create(&th[i], NULL, gen_reader_main, &r[i]), 0);
	}
	for (k = 0; k < GEN_WRITES; k++) {
		/* a committed write moves the generation on; its value read back in a transaction (its own
		 * read, never shared) is then published to the readers */
		assert_int_equal(db_ready(f->a), 0);
		assert_non_null(st = db_prepare(f->a, k % 2 ? "UPDATE regions SET sort = sort - 1000 WHERE id = ?" :
		    sql_region_bump));
		db_bind_int(st, 0, id);
		assert_int_equal(db_write(st, NULL, NULL), 0);
		assert_int_equal(db_begin(f->a), 0);
		assert_int_equal(db_generation(f->a, &g, NULL), 0);
		assert_int_equal(db_rollback(f->a), 0);
		atomic_store(&committed, g);
	}
	atomic_store(&stop, 1);
	for (i = 0; i < GEN_READERS; i++) {
		pthread_join(th[i], NULL);
		assert_false(r[i].failed);
		reads += r[i].reads;
		trips += r[i].trips;
		older += r[i].older;
	}
	print_message("      %lu generation reads by %d threads in %lu round trips during %d writes\n", reads,
	    GEN_READERS, trips, GEN_WRITES);
	assert_true(reads > 0);
	assert_int_equal(older, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statement_cache),
		cmocka_unit_test(test_reprepare_after_reconnect),
		cmocka_unit_test(test_rollback_of_failed_request),
		cmocka_unit_test(test_lost_connection_mid_transaction),
		cmocka_unit_test(test_generation_shared),
	};

	log_set_level(LOG_WARN);
	if (db_library_init() != 0)
		return 1;
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
