/* test_db.c - unit tests for db.c without a server: error-code classes and every path taken while the database is away. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/conf.h"
#include "store/db.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Codes that mean "the connection is gone: reconnect and answer 503", and codes that do not. */
static const struct {
	unsigned int	 code;
	int		 lost;
	const char	*what;
} codes[] = {
	{ 2002, 1, "CR_CONNECTION_ERROR" },
	{ 2003, 1, "CR_CONN_HOST_ERROR" },
	{ 2006, 1, "CR_SERVER_GONE_ERROR" },
	{ 2013, 1, "CR_SERVER_LOST" },
	{ 2014, 1, "CR_COMMANDS_OUT_OF_SYNC" },
	{ 2055, 1, "CR_SERVER_LOST_EXTENDED" },
	{ 1927, 1, "ER_CONNECTION_KILLED" },
	{ 1053, 1, "ER_SERVER_SHUTDOWN" },
	{ 1243, 1, "ER_UNKNOWN_STMT_HANDLER" },
	{ 4031, 1, "ER_CLIENT_INTERACTION_TIMEOUT" },
	{ 1064, 0, "ER_PARSE_ERROR" },
	{ 1146, 0, "ER_NO_SUCH_TABLE" },
	{ 1062, 0, "ER_DUP_ENTRY" },
	{ 1045, 0, "ER_ACCESS_DENIED_ERROR" },
	{ 1205, 0, "ER_LOCK_WAIT_TIMEOUT" },
	{ 1213, 0, "ER_LOCK_DEADLOCK" },
	{ 1406, 0, "ER_DATA_TOO_LONG" },
	{ 0, 0, "no error" },
	{ UINT_MAX, 0, "UINT_MAX" },
};

static void
test_errno_is_connection(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(codes); i++) {
		int got = db_errno_is_connection(codes[i].code);

		if (got != codes[i].lost)
			fail_msg("%u (%s): got %d, want %d", codes[i].code, codes[i].what, got, codes[i].lost);
	}
}

struct fixture {
	struct conf	 conf;
	struct db	*db;
};

/* Replace a malloc'd conf string. */
static int
set_str(char **slot, const char *v)
{
	char *p = strdup(v);

	if (p == NULL)
		return -1;
	free(*slot);
	*slot = p;
	return 0;
}

static int
fx_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char sock[128];

	if (f == NULL)
		return -1;
	conf_defaults(&f->conf);
	/* a folder that does not exist: connect fails at once (ENOENT), no real server is touched */
	snprintf(sock, sizeof(sock), "/tmp/tpportal-test-db-%ld-none/mysqld.sock", (long)getpid());
	if (set_str(&f->conf.db_socket, sock) != 0 || (f->db = db_new(&f->conf)) == NULL)
		return -1;
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fixture *f = *state;

	db_free(f->db);
	conf_free(&f->conf);
	free(f);
	return 0;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A new handle is not connected: 503 before anyone tried. */
static void
test_new_is_not_connected(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(db_err(f->db), TP_EGONE);
	assert_null(db_prepare(f->db, "SELECT 1"));
	assert_int_equal(db_err(f->db), TP_EGONE);
}

/* db_ready against a socket that does not exist: 503, fast, and again on retry. */
static void
test_ready_no_server(void **state)
{
	struct fixture *f = *state;
	double t0, secs;
	int i;

	for (i = 0; i < 3; i++) {
		t0 = now_s();
		assert_int_equal(db_ready(f->db), TP_EGONE);
		secs = now_s() - t0;
		if (secs > 1.0)
			fail_msg("db_ready took %.2f s against a missing socket", secs);
		assert_int_equal(db_err(f->db), TP_EGONE);
	}
}

/* Everything that needs a connection refuses cleanly after a failed db_ready. */
static void
test_calls_when_disconnected(void **state)
{
	static const char sql[] = "SELECT 1";
	struct fixture *f = *state;

	assert_int_equal(db_ready(f->db), TP_EGONE);
	assert_null(db_prepare(f->db, sql));
	assert_null(db_prepare(f->db, "SELECT name_ko FROM association WHERE id = ?"));
	assert_int_equal(db_exec(f->db, sql), DB_ERR);
	assert_int_equal(db_begin(f->db), DB_ERR);
	assert_int_equal(db_commit(f->db), DB_ERR);
	assert_int_equal(db_rollback(f->db), DB_ERR);
	assert_int_equal(db_err(f->db), TP_EGONE);
	/* and the same without having tried to connect at all */
	db_free(f->db);
	assert_non_null(f->db = db_new(&f->conf));
	assert_int_equal(db_begin(f->db), DB_ERR);
	assert_int_equal(db_commit(f->db), DB_ERR);
	assert_int_equal(db_rollback(f->db), DB_ERR);
	assert_int_equal(db_exec(f->db, sql), DB_ERR);
	assert_int_equal(db_err(f->db), TP_EGONE);
}

static int after_commit_calls;

static void
count_call(void)
{
	after_commit_calls++;
}

/* db_after_commit: outside a transaction the write is already committed, so the function runs at once;
 * a COMMIT that fails (here: no connection) never runs it, and a later commit does not either. */
static void
test_after_commit(void **state)
{
	struct fixture *f = *state;

	after_commit_calls = 0;
	db_after_commit(f->db, count_call);
	assert_int_equal(after_commit_calls, 1);
	db_after_commit(f->db, NULL);
	assert_int_equal(after_commit_calls, 1);
	assert_int_equal(db_begin(f->db), DB_ERR);
	assert_int_equal(db_commit(f->db), DB_ERR);
	assert_int_equal(after_commit_calls, 1);
}

/* A password file that cannot be read is a 503 too, not a crash or a connect without a password. */
static void
test_ready_password_file_missing(void **state)
{
	struct fixture *f = *state;
	char path[128];

	snprintf(path, sizeof(path), "/tmp/tpportal-test-db-%ld-none/password", (long)getpid());
	assert_int_equal(set_str(&f->conf.db_password_file, path), 0);
	assert_int_equal(db_ready(f->db), TP_EGONE);
	assert_int_equal(db_err(f->db), TP_EGONE);
	assert_null(db_prepare(f->db, "SELECT 1"));
}

/* A readable password file, but still no server: 503. */
static void
test_ready_password_file_present(void **state)
{
	struct fixture *f = *state;
	char path[] = "/tmp/tpportal-test-db-pw-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "secret\r\n", 8), 8);
	close(fd);
	assert_int_equal(set_str(&f->conf.db_password_file, path), 0);
	assert_int_equal(db_ready(f->db), TP_EGONE);
	assert_int_equal(db_err(f->db), TP_EGONE);
	unlink(path);
}

/* NULL is a no-op for the two clean-up calls (every error path calls them): this test fails by crashing. */
static void
test_free_null_and_reset_null(void **state)
{
	(void)state;
	db_free(NULL);
	db_reset(NULL);
	assert_int_equal(db_errno_is_connection(0), 0);	/* and the process is still sane after */
}

/* db_new keeps a pointer to the conf (not a copy) and does not connect. */
static void
test_new_free_many(void **state)
{
	struct fixture *f = *state;
	struct db *d[8];
	size_t i;

	for (i = 0; i < NELEM(d); i++) {
		assert_non_null(d[i] = db_new(&f->conf));
		assert_int_equal(db_err(d[i]), TP_EGONE);
	}
	for (i = 0; i < NELEM(d); i++)
		db_free(d[i]);
}

static int
group_setup(void **state)
{
	(void)state;
	return db_library_init() == 0 ? 0 : -1;
}

static int
group_teardown(void **state)
{
	(void)state;
	db_library_end();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errno_is_connection),
		cmocka_unit_test_setup_teardown(test_new_is_not_connected, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ready_no_server, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_calls_when_disconnected, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_after_commit, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ready_password_file_missing, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ready_password_file_present, fx_setup, fx_teardown),
		cmocka_unit_test(test_free_null_and_reset_null),
		cmocka_unit_test_setup_teardown(test_new_free_many, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests_name("db", tests, group_setup, group_teardown);
}
