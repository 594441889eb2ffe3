/* test_throttle.c - unit tests for throttle.c: the progressive delay, as a table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model/throttle.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_step(void **state)
{
	static const struct { long long excess; long base, max, want; } t[] = {
		{ 0, 30, 900, 0 }, { -3, 30, 900, 0 }, { 1, 30, 900, 30 }, { 2, 30, 900, 60 }, { 3, 30, 900, 120 },
		{ 4, 30, 900, 240 }, { 5, 30, 900, 480 }, { 6, 30, 900, 900 }, { 7, 30, 900, 900 },
		{ 1000000, 30, 900, 900 }, { 1, 0, 900, 0 }, { 1, 1000, 900, 900 }, { 3, 1, 3600, 4 },
		{ 63, 30, 2147483647L, 2147483647L },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		if (throttle_step(t[i].excess, t[i].base, t[i].max) != t[i].want)
			fail_msg("step(%lld, %ld, %ld) = %ld, want %ld", t[i].excess, t[i].base, t[i].max,
			    throttle_step(t[i].excess, t[i].base, t[i].max), t[i].want);
}

static void
test_wait(void **state)
{
	static const struct { long long n, limit, since; long want; } t[] = {
		{ 1, 5, 0, 0 }, { 5, 5, 0, 0 },		/* up to the limit: at once, however close together */
		{ 6, 5, 0, 30 }, { 6, 5, 10, 20 }, { 6, 5, 29, 1 }, { 6, 5, 30, 0 }, { 6, 5, 600, 0 },
		{ 7, 5, 0, 60 }, { 7, 5, 59, 1 }, { 7, 5, 60, 0 },
		{ 9, 5, 100, 140 },			/* 240 after the latest */
		{ 50, 5, 0, 900 }, { 50, 5, 899, 1 }, { 50, 5, 900, 0 },
		{ 6, 5, -1, 0 },			/* none other counted: nothing to wait after */
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		if (throttle_wait(t[i].n, t[i].limit, t[i].since, 30, 900) != t[i].want)
			fail_msg("wait(%lld, %lld, %lld) = %ld, want %ld", t[i].n, t[i].limit, t[i].since,
			    throttle_wait(t[i].n, t[i].limit, t[i].since, 30, 900), t[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_step),
		cmocka_unit_test(test_wait),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
