/* test_outbox.c - the outbox's pure arithmetic: the wait between tries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "store/outbox.h"

/* mail_retry_seconds doubled per try made, never above mail_retry_max_seconds. */
static void
test_backoff(void **state)
{
	(void)state;
	assert_int_equal(outbox_backoff(1, 60, 3600), 60);
	assert_int_equal(outbox_backoff(2, 60, 3600), 120);
	assert_int_equal(outbox_backoff(3, 60, 3600), 240);
	assert_int_equal(outbox_backoff(6, 60, 3600), 1920);
	assert_int_equal(outbox_backoff(7, 60, 3600), 3600);
	assert_int_equal(outbox_backoff(100, 60, 3600), 3600);	/* no overflow after many tries */
	assert_int_equal(outbox_backoff(0, 2, 8), 2);
	assert_int_equal(outbox_backoff(4, 2, 8), 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backoff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
