/* test_committees.c - unit tests for the pure parts of committees.c: the date and time checks of the forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/committees.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_dates(void **state)
{
	static const char *const good[] = {
		"2026-01-01", "2026-12-31", "2024-02-29", "2000-02-29", "1900-01-01", "2999-12-31", "2026-04-30",
	};
	static const char *const bad[] = {
		"", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-00-10", "2026-13-01", "2026-01-00",
		"2026-01-32", "2026-04-31", "2026-02-29", "1900-02-29", "2100-02-29", "1899-12-31", "3000-01-01",
		"2026-01-01 ", " 2026-01-01", "2026-01-0a", "+026-01-01", "2026-01-01T00", "２０２６-01-01",
	};
	size_t i;

	(void)state;
	assert_int_equal(committees_valid_date(NULL), 0);
	for (i = 0; i < NELEM(good); i++)
		if (!committees_valid_date(good[i]))
			fail_msg("refused \"%s\"", good[i]);
	for (i = 0; i < NELEM(bad); i++)
		if (committees_valid_date(bad[i]))
			fail_msg("accepted \"%s\"", bad[i]);
}

/* committees_norm_date: the three ways readers write a day, one spelling out. */
static void
test_norm_dates(void **state)
{
	static const struct { const char *in, *out; } good[] = {
		{ "2025-06-01", "2025-06-01" }, { "2025.06.01", "2025-06-01" }, { "2025/06/01", "2025-06-01" },
		{ "2024.02.29", "2024-02-29" }, { "1900/01/01", "1900-01-01" },
	};
	static const char *const bad[] = {
		"", "2025.06-01", "2025/06.01", "2025-06/01", "2025.6.1", "2025.06.1", "2025 06 01", "2025.06.31",
		"2025/02/29", "20250601", "2025.06.01.", "2025,06,01", "abc", "1899.12.31", "2025.06.0a",
	};
	char out[11];
	size_t i;

	(void)state;
	assert_int_equal(committees_norm_date(NULL, out), -1);
	for (i = 0; i < NELEM(good); i++) {
		if (committees_norm_date(good[i].in, out) != 0)
			fail_msg("refused \"%s\"", good[i].in);
		assert_string_equal(out, good[i].out);
	}
	for (i = 0; i < NELEM(bad); i++)
		if (committees_norm_date(bad[i], out) == 0)
			fail_msg("accepted \"%s\"", bad[i]);
}

static void
test_times(void **state)
{
	static const char *const good[] = { "00:00", "09:30", "23:59", "12:00" };
	static const char *const bad[] = {
		"", "24:00", "23:60", "9:30", "09:3", "09-30", "0930", "09:30:00", " 9:30", "aa:bb", "-1:00",
	};
	size_t i;

	(void)state;
	assert_int_equal(committees_valid_time(NULL), 0);
	for (i = 0; i < NELEM(good); i++)
		if (!committees_valid_time(good[i]))
			fail_msg("refused \"%s\"", good[i]);
	for (i = 0; i < NELEM(bad); i++)
		if (committees_valid_time(bad[i]))
			fail_msg("accepted \"%s\"", bad[i]);
}

/* The lists the forms take their choices from end with NULL and hold what the schema's ENUMs hold. */
static void
test_lists(void **state)
{
	(void)state;
	assert_string_equal(committees_roles[0], "chair");
	assert_null(committees_roles[4]);
	assert_string_equal(committees_meeting_states[2], "cancelled");
	assert_null(committees_meeting_states[3]);
	assert_string_equal(committees_attendance_states[2], "proxy");
	assert_null(committees_attendance_states[3]);
	assert_string_equal(committees_outcomes[2], "deferred");
	assert_null(committees_outcomes[3]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_norm_dates),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
