/*
 * test_search_query.c - unit tests for search_query.c: splitting the reader's words, dropping what the
 * index ignores, the limits, and the boolean query (quoting, spaced forms of compound words).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/search_query.h"

static const char *
build(const char *q)
{
	static char out[SEARCH_QUERY_SIZE];
	struct search_words w;

	assert_int_equal(search_words_parse(q, &w), SEARCH_OK);
	assert_int_equal(search_query_build(&w, out, sizeof(out)), 0);
	return out;
}

static void
test_words(void **state)
{
	struct search_words w;

	(void)state;
	assert_int_equal(search_words_parse("  테마  패키지\t산업\n", &w), SEARCH_OK);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.w[0], "테마");
	assert_string_equal(w.w[1], "패키지");
	assert_string_equal(w.w[2], "산업");
	/* U+3000 (ideographic space) and U+00A0 separate words too */
	assert_int_equal(search_words_parse("스마트\xE3\x80\x80공장\xC2\xA0보급", &w), SEARCH_OK);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.w[2], "보급");
	/* characters the normalizer drops are removed, inside words and as whole words */
	assert_int_equal(search_words_parse("반\xE2\x80\x8B도체 \xE2\x80\x8B \x01", &w), SEARCH_OK);
	assert_int_equal(w.n, 1);
	assert_string_equal(w.w[0], "반도체");
}

static void
test_limits(void **state)
{
	struct search_words w;
	char q[1024];
	size_t i;

	(void)state;
	assert_int_equal(search_words_parse("", &w), SEARCH_EMPTY);
	assert_int_equal(search_words_parse(NULL, &w), SEARCH_EMPTY);
	assert_int_equal(search_words_parse(" \t\xE3\x80\x80 ", &w), SEARCH_EMPTY);
	assert_int_equal(search_words_parse("\xE2\x80\x8B\xEF\xBB\xBF\xCC\x81", &w), SEARCH_EMPTY);
	q[0] = '\0';
	for (i = 0; i < SEARCH_MAX_CHARS; i++)
		strcat(q, "가");
	assert_int_equal(search_words_parse(q, &w), SEARCH_OK);
	strcat(q, "가");
	assert_int_equal(search_words_parse(q, &w), SEARCH_TOO_LONG);
	q[0] = '\0';
	for (i = 0; i < SEARCH_MAX_WORDS; i++)
		strcat(q, "가 ");
	assert_int_equal(search_words_parse(q, &w), SEARCH_OK);
	assert_int_equal(w.n, SEARCH_MAX_WORDS);
	strcat(q, "나");
	assert_int_equal(search_words_parse(q, &w), SEARCH_TOO_MANY);
}

static void
test_query(void **state)
{
	(void)state;
	assert_string_equal(build("산업"), "*D+W1:10,2:1 \"산업\"");
	assert_string_equal(build("산업 단지"), "*D+W1:10,2:1 \"산업\" \"단지\"");
	assert_string_equal(build("스마트"), "*D+W1:10,2:1 \"스마트\"");
	assert_string_equal(build("테마패키지"),
	    "*D+W1:10,2:1 (\"테마패키지\" OR \"테마 패키지\" OR \"테마패 키지\")");
	assert_string_equal(build("IoT"), "*D+W1:10,2:1 \"IoT\"");
	assert_string_equal(build("ABCD"), "*D+W1:10,2:1 (\"ABCD\" OR \"AB CD\")");
}

static void
test_quoting(void **state)
{
	(void)state;
	/* operators and quotes are plain text inside the phrase */
	assert_string_equal(build("a\"b"), "*D+W1:10,2:1 \"a\\\"b\"");
	assert_string_equal(build("\\"), "*D+W1:10,2:1 \"\\\\\"");
	assert_string_equal(build("-x +y (z) OR *D-"),
	    "*D+W1:10,2:1 \"-x\" \"+y\" \"(z)\" \"OR\" \"*D-\"");
	assert_string_equal(build("\"\"\"\""), "*D+W1:10,2:1 (\"\\\"\\\"\\\"\\\"\" OR \"\\\"\\\" \\\"\\\"\")");
}

static void
test_sizes(void **state)
{
	struct search_words w;
	static char out[SEARCH_QUERY_SIZE];
	char q[1024];
	size_t i;

	(void)state;
	/* the largest query: as many words of SEARCH_SPLIT_MAX quote characters as fit */
	q[0] = '\0';
	for (i = 0; i < SEARCH_MAX_CHARS / (SEARCH_SPLIT_MAX + 1); i++) {
		size_t k;

		for (k = 0; k < SEARCH_SPLIT_MAX; k++)
			strcat(q, "\"");
		strcat(q, " ");
	}
	assert_int_equal(search_words_parse(q, &w), SEARCH_OK);
	assert_int_equal(search_query_build(&w, out, sizeof(out)), 0);
	assert_int_equal(search_query_build(&w, out, 10), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
