/* test_text.c - unit tests for text.c (strict UTF-8, character counts, cuts, slugs) and buf.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/text.h"

struct bytes {
	const char	*s;
	size_t		 len;	/* explicit: some inputs hold NUL */
	const char	*why;
};
#define B(lit, why)	{ lit, sizeof(lit) - 1, why }

static const struct bytes bad_utf8[] = {
	B("\xC0\xAF", "overlong '/' (2 bytes)"),
	B("\xC1\xBF", "overlong U+007F"),
	B("\xE0\x80\xAF", "overlong '/' (3 bytes)"),
	B("\xE0\x9F\xBF", "overlong U+07FF"),
	B("\xF0\x80\x80\xAF", "overlong '/' (4 bytes)"),
	B("\xF0\x8F\xBF\xBF", "overlong U+FFFF"),
	B("\xED\xA0\x80", "surrogate U+D800"),
	B("\xED\xBF\xBF", "surrogate U+DFFF"),
	B("\xED\xA0\xBD\xED\xB2\xA9", "CESU-8 surrogate pair"),
	B("\xF4\x90\x80\x80", "U+110000"),
	B("\xF5\x80\x80\x80", "F5 lead"),
	B("\xF8\x88\x80\x80\x80", "5-byte form"),
	B("\xFC\x84\x80\x80\x80\x80", "6-byte form"),
	B("\xFE", "FE"),
	B("\xFF", "FF"),
	B("\x80", "lone continuation"),
	B("a\xBF" "b", "continuation after ASCII"),
	B("\xC3", "truncated 2-byte"),
	B("\xE2\x82", "truncated 3-byte"),
	B("\xF0\x9F\x98", "truncated 4-byte"),
	B("\xEC\xB6", "truncated Korean syllable"),
	B("\xEC\xB6\xA9\xEB\x82", "Korean, last syllable truncated"),
	B("\xC3" "A", "lead then ASCII"),
	B("\xE2\x28\xA1", "bad second byte"),
	B("\xE2\x82\x28", "bad third byte"),
	B("\xF0\x9F\x98\x28", "bad fourth byte"),
	B("\x00", "NUL"),
	B("abc\x00" "def", "NUL inside"),
	B("\xEC\xB6\xA9\x00", "NUL after Korean"),
};

static const struct bytes good_utf8[] = {
	B("", "empty"),
	B("plain ASCII ~!@#$%^&*()", "ASCII"),
	B("\x01\x1F\x7F", "controls are valid UTF-8"),
	B("\xC2\x80", "U+0080, smallest 2-byte"),
	B("\xDF\xBF", "U+07FF"),
	B("\xE0\xA0\x80", "U+0800, smallest 3-byte"),
	B("\xED\x9F\xBF", "U+D7FF, just below surrogates"),
	B("\xEE\x80\x80", "U+E000, just above surrogates"),
	B("\xEF\xBF\xBF", "U+FFFF"),
	B("\xF0\x90\x80\x80", "U+10000, smallest 4-byte"),
	B("\xF4\x8F\xBF\xBF", "U+10FFFF, the largest"),
	B("\xEC\xB6\xA9\xEB\x82\xA8", "충남"),
	B("\xED\x85\x8C\xED\x81\xAC\xEB\x85\xB8\xED\x8C\x8C\xED\x81\xAC", "테크노파크"),
	B("caf\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80", "mixed widths"),
};

static void
test_invalid_utf8(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(bad_utf8) / sizeof(bad_utf8[0]); i++) {
		if (text_valid_utf8(bad_utf8[i].s, bad_utf8[i].len) != 0)
			fail_msg("accepted bad UTF-8: %s", bad_utf8[i].why);
	}
}

static void
test_valid_utf8(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(good_utf8) / sizeof(good_utf8[0]); i++) {
		if (text_valid_utf8(good_utf8[i].s, good_utf8[i].len) != 1)
			fail_msg("refused good UTF-8: %s", good_utf8[i].why);
	}
}

static void
test_valid_utf8_respects_len(void **state)
{
	(void)state;
	/* a cut in the middle of 충 is invalid even though the bytes after len would complete it */
	assert_int_equal(text_valid_utf8("\xEC\xB6\xA9", 2), 0);
	assert_int_equal(text_valid_utf8("\xEC\xB6\xA9", 3), 1);
	assert_int_equal(text_valid_utf8("ab\xC0", 2), 1);
}

static void
test_chars(void **state)
{
	static const struct {
		const char	*s;
		size_t		 chars;
	} t[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "caf\xC3\xA9", 4 },
		{ "\xEC\xB6\xA9\xEB\x82\xA8", 2 },
		{ "\xED\x85\x8C\xED\x81\xAC\xEB\x85\xB8\xED\x8C\x8C\xED\x81\xAC", 5 },
		{ "\xF0\x9F\x98\x80x", 2 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(text_utf8_chars(t[i].s, strlen(t[i].s)), t[i].chars);
}

/* 테크노파크: five 3-byte syllables; a prefix must always end on a syllable boundary. */
static void
test_korean_prefix_never_splits(void **state)
{
	static const char tp[] = "\xED\x85\x8C\xED\x81\xAC\xEB\x85\xB8\xED\x8C\x8C\xED\x81\xAC";
	size_t	 n, got;

	(void)state;
	for (n = 0; n <= 7; n++) {
		got = text_utf8_prefix(tp, sizeof(tp) - 1, n);
		assert_int_equal(got, (n < 5 ? n : 5) * 3);
		assert_int_equal(got % 3, 0);
		assert_int_equal(text_valid_utf8(tp, got), 1);
	}
}

static void
test_prefix_mixed(void **state)
{
	static const char s[] = "a\xC3\xA9\xF0\x9F\x98\x80z";	/* a é 😀 z: 1+2+4+1 bytes */

	(void)state;
	assert_int_equal(text_utf8_prefix(s, strlen(s), 0), 0);
	assert_int_equal(text_utf8_prefix(s, strlen(s), 1), 1);
	assert_int_equal(text_utf8_prefix(s, strlen(s), 2), 3);
	assert_int_equal(text_utf8_prefix(s, strlen(s), 3), 7);
	assert_int_equal(text_utf8_prefix(s, strlen(s), 4), 8);
	assert_int_equal(text_utf8_prefix(s, strlen(s), 100), 8);
	/* len cuts into the emoji: the prefix stops at len, never beyond */
	assert_int_equal(text_utf8_prefix(s, 5, 3), 5);
}

static void
test_ellipsize(void **state)
{
	static const struct {
		const char	*in;
		size_t		 max;
		const char	*out;
	} t[] = {
		{ "", 3, "" },
		{ "abc", 3, "abc" },
		{ "abcd", 3, "abc\xE2\x80\xA6" },
		{ "abcd", 0, "\xE2\x80\xA6" },
		{ "\xED\x85\x8C\xED\x81\xAC\xEB\x85\xB8\xED\x8C\x8C\xED\x81\xAC", 2,
		  "\xED\x85\x8C\xED\x81\xAC\xE2\x80\xA6" },
		{ "\xED\x85\x8C\xED\x81\xAC\xEB\x85\xB8\xED\x8C\x8C\xED\x81\xAC", 5,
		  "\xED\x85\x8C\xED\x81\xAC\xEB\x85\xB8\xED\x8C\x8C\xED\x81\xAC" },
	};
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		got = text_ellipsize(t[i].in, t[i].max);
		assert_non_null(got);
		assert_string_equal(got, t[i].out);
		free(got);
	}
}

static void
test_slug(void **state)
{
	static const struct {
		const char	*s;
		size_t		 max;
		int		 ok;
	} t[] = {
		{ "chungnam", 32, 1 },
		{ "chungnam-tp", 32, 1 },
		{ "tp-2024", 32, 1 },
		{ "a", 1, 1 },
		{ "0", 32, 1 },
		{ "abcd", 4, 1 },
		{ "abcde", 4, 0 },		/* too long */
		{ "", 32, 0 },			/* empty */
		{ "a", 0, 0 },			/* max 0 admits nothing */
		{ "Chungnam", 32, 0 },		/* uppercase */
		{ "chung_nam", 32, 0 },		/* underscore */
		{ "-chungnam", 32, 0 },		/* leading dash */
		{ "chungnam-", 32, 0 },		/* trailing dash */
		{ "-", 32, 0 },
		{ "chung nam", 32, 0 },		/* space */
		{ "chung.nam", 32, 0 },
		{ "../etc", 32, 0 },
		{ "chung/nam", 32, 0 },
		{ "\xEC\xB6\xA9\xEB\x82\xA8", 32, 0 },	/* 충남: not ASCII */
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (text_is_slug(t[i].s, t[i].max) != t[i].ok)
			fail_msg("text_is_slug(\"%s\", %zu) != %d", t[i].s, t[i].max, t[i].ok);
	}
}

static void
test_buf(void **state)
{
	struct buf	 b = { 0 };
	size_t		 i;

	(void)state;
	assert_int_equal(buf_append(&b, "", 0), 0);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	assert_int_equal(buf_puts(&b, "n="), 0);
	assert_int_equal(buf_printf(&b, "%d/%s", 42, "\xEC\xB6\xA9"), 0);
	assert_string_equal(b.data, "n=42/\xEC\xB6\xA9");
	assert_int_equal(b.len, 8);
	for (i = 0; i < 1000; i++)
		assert_int_equal(buf_printf(&b, "%04zu", i), 0);
	assert_int_equal(b.len, 8 + 4000);
	assert_int_equal(strlen(b.data), b.len);
	assert_memory_equal(b.data + b.len - 4, "0999", 4);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	assert_int_equal(buf_append(&b, "ab\0cd", 5), 0);
	assert_int_equal(b.len, 5);
	assert_memory_equal(b.data, "ab\0cd", 6);
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(buf_puts(&b, "again"), 0);
	assert_string_equal(b.data, "again");
	buf_free(&b);
}

/* Money per language (issue 17): the seed's figures and the edges of each unit. */
static void
test_fmt_eok(void **state)
{
	static const struct { long long eok; const char *ko, *en; } cases[] = {
		{ 176031, "17조 6,031억 원", "KRW 17.6 trillion" },
		{ 35200, "3조 5,200억 원", "KRW 3.5 trillion" },
		{ 20000, "2조 원", "KRW 2 trillion" },
		{ 9999, "9,999억 원", "KRW 999.9 billion" },
		{ 10049, "1조 49억 원", "KRW 1 trillion" },	/* 1.0049 trillion: one decimal, rounded */
		{ 9949, "9,949억 원", "KRW 994.9 billion" },
		{ 5000, "5,000억 원", "KRW 500 billion" },
		{ 1234, "1,234억 원", "KRW 123.4 billion" },
		{ 15, "15억 원", "KRW 1.5 billion" },
		{ 10, "10억 원", "KRW 1 billion" },
		{ 5, "5억 원", "KRW 500 million" },
		{ 0, "0억 원", "KRW 0" },
		{ 12345678, "1234조 5,678억 원", "KRW 1,234.6 trillion" },
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		text_fmt_eok(cases[i].eok, "ko", out, sizeof(out));
		assert_string_equal(out, cases[i].ko);
		text_fmt_eok(cases[i].eok, "en", out, sizeof(out));
		assert_string_equal(out, cases[i].en);
	}
	assert_true(text_has_hangul("산업"));
	assert_true(text_has_hangul("Busan 부산"));
	assert_false(text_has_hangul("Busan Technopark"));
	assert_false(text_has_hangul("café ü €"));	/* other multibyte text is not Korean */
	assert_false(text_has_hangul(""));
	text_fmt_thousands(19674, out, sizeof(out));
	assert_string_equal(out, "19,674");
	text_fmt_thousands(-1234567, out, sizeof(out));
	assert_string_equal(out, "-1,234,567");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_valid_utf8_respects_len),
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_korean_prefix_never_splits),
		cmocka_unit_test(test_prefix_mixed),
		cmocka_unit_test(test_ellipsize),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_fmt_eok),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
