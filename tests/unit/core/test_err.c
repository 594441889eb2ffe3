/* test_err.c - the TP_E* codes of core/err.h as HTTP statuses: every code has its own, and statuses pass through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "core/err.h"
#include "store/db.h"

static void
test_codes(void **state)
{
	static const struct { int err, status; } table[] = {
		{ TP_EFAIL, 500 }, { TP_EGONE, 503 }, { TP_ENOMEM, 500 }, { TP_ENOTFOUND, 404 },
		{ TP_EDENIED, 403 }, { TP_ESTALE, 409 }, { TP_EINVALID, 422 }, { TP_ETOOBIG, 413 },
		{ TP_EBUSY, 503 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		assert_int_equal(err_http_status(table[i].err), table[i].status);
		assert_true(strcmp(err_name(table[i].err), "unknown error") != 0);
	}
	/* a database failure is the same code as any failure: one convention, not two */
	assert_int_equal(DB_ERR, TP_EFAIL);
}

static void
test_statuses_pass(void **state)
{
	(void)state;
	assert_int_equal(err_http_status(0), 200);
	assert_int_equal(err_http_status(303), 303);
	assert_int_equal(err_http_status(422), 422);
	/* a code nobody defined is a failure, never a success */
	assert_int_equal(err_http_status(-99), 500);
	assert_string_equal(err_name(-99), "unknown error");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_statuses_pass),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
