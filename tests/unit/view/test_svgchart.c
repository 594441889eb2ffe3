/* test_svgchart.c - unit tests for svgchart.c: round axis maxima, bars inside the plot, unknown values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "view/svgchart.h"

static void
test_nice(void **state)
{
	static const long long cases[][2] = {
		{ 0, 1 }, { 1, 1 }, { 2, 2 }, { 3, 5 }, { 5, 5 }, { 6, 10 }, { 10, 10 }, { 11, 20 },
		{ 564, 1000 }, { 4919, 5000 }, { 44008, 50000 }, { 200001, 500000 }, { 1000000, 1000000 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(svgchart_nice(cases[i][0]), cases[i][1]);
}

/* The seed's figures: 1998 unknown, 2007 and 2018 known. */
static void
test_layout(void **state)
{
	const long long revenue[] = { 0, 35200, 176031 };
	const int known[] = { 0, 1, 1 };
	struct svgchart c;
	size_t i;

	(void)state;
	assert_int_equal(svgchart_layout(revenue, known, 3, 640, 300, &c), 0);
	assert_int_equal(c.max, 200000);
	assert_int_equal(c.step, 50000);
	assert_int_equal(c.nticks, 5);
	assert_int_equal(c.tick[0].y, c.base);
	assert_int_equal(c.tick[4].y, c.top);
	assert_int_equal(c.nbars, 3);
	/* an unknown value has no bar: never drawn as 0 */
	assert_false(c.bar[0].known);
	assert_int_equal(c.bar[0].h, 0);
	for (i = 1; i < 3; i++) {
		assert_true(c.bar[i].known);
		assert_true(c.bar[i].h > 0);
		assert_int_equal(c.bar[i].y + c.bar[i].h, c.base);
		assert_true(c.bar[i].y >= c.top);
		assert_true(c.bar[i].x >= c.left && c.bar[i].x + c.bar[i].w <= c.right);
	}
	assert_true(c.bar[2].h > c.bar[1].h);
	/* proportional: 176,031 of 200,000 */
	assert_true(abs(c.bar[2].h - (c.base - c.top) * 176031 / 200000) <= 1);
	assert_true(c.bar[0].cx < c.bar[1].cx && c.bar[1].cx < c.bar[2].cx);
}

static void
test_edges(void **state)
{
	const long long zero[] = { 0, 0 }, neg[] = { -1 }, one[] = { 7 };
	const int known2[] = { 1, 1 }, none[] = { 0, 0 }, known1[] = { 1 };
	long long many[SVGCHART_MAX_BARS + 1] = { 0 };
	int kmany[SVGCHART_MAX_BARS + 1] = { 0 };
	struct svgchart c;

	(void)state;
	assert_int_equal(svgchart_layout(zero, known2, 2, 640, 300, &c), 0);
	assert_int_equal(c.max, 1);
	assert_int_equal(c.bar[0].h, 0);
	assert_true(c.bar[0].known);
	assert_int_equal(svgchart_layout(zero, none, 2, 640, 300, &c), 0);
	assert_false(c.bar[1].known);
	assert_int_equal(svgchart_layout(neg, known1, 1, 640, 300, &c), -1);
	assert_int_equal(svgchart_layout(one, known1, 0, 640, 300, &c), -1);
	assert_int_equal(svgchart_layout(one, known1, 1, 50, 300, &c), -1);
	assert_int_equal(svgchart_layout(one, known1, 1, 640, 40, &c), -1);
	assert_int_equal(svgchart_layout(many, kmany, SVGCHART_MAX_BARS + 1, 640, 300, &c), -1);
	assert_int_equal(svgchart_layout(many, kmany, SVGCHART_MAX_BARS, 640, 300, &c), 0);
	assert_true(c.bar[SVGCHART_MAX_BARS - 1].x + c.bar[SVGCHART_MAX_BARS - 1].w <= c.right);
	assert_int_equal(svgchart_layout(one, known1, 1, 640, 300, &c), 0);
	assert_int_equal(c.max, 8);
	assert_int_equal(c.bar[0].y, c.base - (c.base - c.top) * 7 / 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nice),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
