/* test_dbnodes.c - the db_nodes list (store/dbnodes.h): sockets, host:port, IPv6, and what is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "store/dbnodes.h"

static void
test_mixed_list(void **state)
{
	struct db_node n[DB_NODES_MAX];
	const char *bad = "x";
	char name[300];

	(void)state;
	assert_int_equal(db_nodes_parse(" db1.example:3307, db2 ,/run/mysqld/mysqld.sock\t[::1]:3308 [fe80::1]",
	    n, DB_NODES_MAX, &bad), 5);
	assert_null(bad);
	assert_string_equal(n[0].host, "db1.example");
	assert_int_equal(n[0].port, 3307);
	assert_string_equal(n[0].socket, "");
	assert_string_equal(n[1].host, "db2");
	assert_int_equal(n[1].port, 0);
	assert_string_equal(n[2].host, "");
	assert_string_equal(n[2].socket, "/run/mysqld/mysqld.sock");
	assert_string_equal(n[3].host, "::1");
	assert_int_equal(n[3].port, 3308);
	assert_string_equal(n[4].host, "fe80::1");
	assert_int_equal(n[4].port, 0);
	db_node_name(&n[1], name, sizeof(name));
	assert_string_equal(name, "db2:3306");
	db_node_name(&n[3], name, sizeof(name));
	assert_string_equal(name, "[::1]:3308");
	db_node_name(&n[2], name, sizeof(name));
	assert_string_equal(name, "/run/mysqld/mysqld.sock");
}

static void
test_refused(void **state)
{
	static const char *lists[] = {
		"", " , ", "db1:0", "db1:65536", "db1:33o6", "db1:", ":3306", "db/one", "db_1:3306:", "db1;drop", "[::1",
		"[]:3306", "[::1]3306", "[xyz]:1", "db1:3306:1", "relative/socket",
	};
	struct db_node n[DB_NODES_MAX];
	const char *bad;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		assert_int_equal(db_nodes_parse(lists[i], n, DB_NODES_MAX, &bad), -1);
	/* the error names the entry that is wrong, not the list */
	assert_int_equal(db_nodes_parse("db1 db2:x db3", n, DB_NODES_MAX, &bad), -1);
	assert_non_null(bad);
	assert_int_equal(strncmp(bad, "db2:x", 5), 0);
	assert_int_equal(db_nodes_parse(NULL, n, DB_NODES_MAX, &bad), -1);
}

static void
test_bounds(void **state)
{
	struct db_node n[3];
	char longhost[300];
	const char *bad;

	(void)state;
	assert_int_equal(db_nodes_parse("a b c", n, 3, &bad), 3);
	assert_int_equal(db_nodes_parse("a b c d", n, 3, &bad), -1);
	assert_string_equal(bad, "d");
	memset(longhost, 'h', sizeof(longhost) - 1);
	longhost[sizeof(longhost) - 1] = '\0';
	assert_int_equal(db_nodes_parse(longhost, n, 3, &bad), -1);
	longhost[0] = '/';
	assert_int_equal(db_nodes_parse(longhost, n, 3, &bad), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mixed_list),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
