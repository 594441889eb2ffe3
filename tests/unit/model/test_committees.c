/*
 * test_committees.c - unit tests for the pure parts of committees.c: the date and time checks of the forms,
 * and the rules of committee records (committees_check), as a table.
 */
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

/* committees_norm_time: what a time input sends, and what people type. */
static void
test_norm_times(void **state)
{
	static const struct { const char *in, *out; } good[] = {
		{ "09:30", "09:30" }, { "9:30", "09:30" }, { "23:59:59", "23:59" }, { "00:00:00", "00:00" },
	};
	static const char *const bad[] = {
		"", "24:00", "9:60", "09:30:60", "09:30:0", "0930", "9.30", "09:30 ", "093:0", "aa:bb", "09:30:00.5",
	};
	char out[6];
	size_t i;

	(void)state;
	assert_int_equal(committees_norm_time(NULL, out), -1);
	for (i = 0; i < NELEM(good); i++) {
		if (committees_norm_time(good[i].in, out) != 0)
			fail_msg("refused \"%s\"", good[i].in);
		assert_string_equal(out, good[i].out);
	}
	for (i = 0; i < NELEM(bad); i++)
		if (committees_norm_time(bad[i], out) == 0)
			fail_msg("accepted \"%s\"", bad[i]);
}

#define NOW	"2026-12-01 10:00"
#define PAST	"2026-11-30 14:00", "2026-11-30 16:00"
#define AHEAD	"2027-06-15 14:00", "2027-06-15 16:00"
#define NOVOTE	{ -1, -1, -1 }

/* committees_check: each rule on its own, at its edge, and several at once. */
static void
test_rules(void **state)
{
	static const struct {
		const char		*what;
		struct committees_facts	 f;
		int			 want;
	} cases[] = {
		{ "nothing recorded, planned ahead", { AHEAD, NOW, "planned", 7, 0, 0, 0, NOVOTE, 0 }, 0 },
		{ "every seat recorded", { PAST, NOW, "held", 7, 5, 1, 1, NOVOTE, 1 }, 0 },
		{ "one line more than seats", { PAST, NOW, "held", 7, 6, 1, 1, NOVOTE, 1 }, CR_OVER_SEATS },
		{ "seats not checked", { PAST, NOW, "held", -1, 60, 1, 1, NOVOTE, 1 }, 0 },
		{ "votes = present + proxy", { PAST, NOW, "held", 7, 4, 2, 1, { 3, 1, 1 }, 1 }, 0 },
		{ "25 votes on a 7-seat board", { PAST, NOW, "held", 7, 7, 0, 0, { 25, 0, 0 }, 1 }, CR_OVER_PRESENT },
		{ "one vote too many", { PAST, NOW, "held", 7, 4, 2, 1, { 3, 1, 2 }, 1 }, CR_OVER_PRESENT },
		{ "votes without attendance", { PAST, NOW, "held", 7, 0, 0, 0, { 1, -1, -1 }, 1 }, CR_OVER_PRESENT },
		{ "votes not recorded", { PAST, NOW, "held", 7, 0, 0, 0, NOVOTE, 1 }, 0 },
		{ "zero votes recorded", { PAST, NOW, "held", 7, 0, 0, 0, { 0, 0, 0 }, 1 }, 0 },
		{ "records ahead of a planned meeting", { AHEAD, NOW, "planned", 7, 1, 0, 0, NOVOTE, 1 }, CR_NOT_STARTED },
		{ "records of a meeting under way", { "2026-12-01 09:00", "2026-12-01 11:00", NOW, "planned", 7, 1, 0, 0,
		    NOVOTE, 1 }, 0 },
		{ "starting this minute", { "2026-12-01 10:00", "2026-12-01 11:00", NOW, "planned", 7, 1, 0, 0, NOVOTE, 1 }, 0 },
		{ "records ahead of a cancelled meeting", { AHEAD, NOW, "cancelled", 7, 1, 0, 0, NOVOTE, 1 }, CR_NOT_STARTED },
		{ "held, but ahead", { AHEAD, NOW, "held", 7, 0, 0, 0, NOVOTE, 0 }, CR_HELD_FUTURE },
		{ "held ahead, with records", { AHEAD, NOW, "held", 7, 1, 0, 0, NOVOTE, 1 }, CR_HELD_FUTURE },
		{ "planned, but over", { PAST, NOW, "planned", 7, 0, 0, 0, NOVOTE, 0 }, CR_PLANNED_PAST },
		{ "planned, ending this minute", { "2026-12-01 09:00", NOW, NOW, "planned", 7, 0, 0, 0, NOVOTE, 0 },
		    CR_PLANNED_PAST },
		{ "cancelled after its time", { PAST, NOW, "cancelled", 7, 0, 0, 0, NOVOTE, 0 }, 0 },
		{ "cancelled ahead", { AHEAD, NOW, "cancelled", 7, 0, 0, 0, NOVOTE, 0 }, 0 },
		{ "everything at once", { AHEAD, NOW, "planned", 7, 8, 0, 0, { 9, 0, 0 }, 1 },
		    CR_OVER_SEATS | CR_OVER_PRESENT | CR_NOT_STARTED },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		int got = committees_check(&cases[i].f);

		if (got != cases[i].want)
			fail_msg("%s: 0x%02x, not 0x%02x", cases[i].what, (unsigned)got, (unsigned)cases[i].want);
	}
}

/* committees_now: Korean time, in the shape the rules compare. */
static void
test_now(void **state)
{
	char now[17];

	(void)state;
	committees_now(now);
	assert_int_equal(strlen(now), 16);
	assert_int_equal(now[10], ' ');
	now[10] = '\0';
	assert_true(committees_valid_date(now));
	assert_true(committees_valid_time(now + 11));
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
		cmocka_unit_test(test_norm_times),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_now),
		cmocka_unit_test(test_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
