/*
 * test_export.c - unit tests for export.c: CSV quoting and the formula guard, vCard escaping, folding at
 * 75 octets that never splits a Hangul syllable, structured properties, and Korean name splitting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "view/export.h"

static const char *
csv_of(const char *const *v, int n)
{
	static struct buf b;
	int i;

	buf_free(&b);
	for (i = 0; i < n; i++)
		assert_int_equal(csv_field(&b, v[i], i == 0), 0);
	assert_int_equal(csv_end(&b), 0);
	return b.data;
}

static void
test_csv(void **state)
{
	const char *plain[] = { "충남테크노파크", "배예시", NULL, "041-589-0600" };
	const char *tricky[] = { "a,b", "say \"hi\"", "two\nlines", " lead", "trail " };
	const char *formula[] = { "=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "a=b" };
	struct buf b = { 0 };

	(void)state;
	assert_string_equal(csv_of(plain, 4), "충남테크노파크,배예시,,041-589-0600\r\n");
	assert_string_equal(csv_of(tricky, 5), "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\",\"trail \"\r\n");
	assert_string_equal(csv_of(formula, 6), "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tx,a=b\r\n");
	assert_int_equal(csv_begin(&b), 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "\xEF\xBB\xBF", 3);
	buf_free(&b);
}

static void
test_vcard_escape(void **state)
{
	struct buf b = { 0 };
	const char *org[] = { "충남테크노파크", "기업지원단; 팀" };
	const char *none[] = { NULL, "" };

	(void)state;
	assert_int_equal(vcard_prop(&b, "NOTE", "a\\b, c; d\r\ne"), 0);
	assert_string_equal(b.data, "NOTE:a\\\\b\\, c\\; d\\ne\r\n");
	buf_reset(&b);
	assert_int_equal(vcard_prop(&b, "TITLE", ""), 0);
	assert_int_equal(vcard_prop(&b, "TITLE", NULL), 0);
	assert_int_equal(b.len, 0);
	assert_int_equal(vcard_prop_list(&b, "ORG", org, 2), 0);
	assert_string_equal(b.data, "ORG:충남테크노파크;기업지원단\\; 팀\r\n");
	buf_reset(&b);
	assert_int_equal(vcard_prop_list(&b, "ORG", none, 2), 0);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

/* Every physical line is at most 75 octets, continuations start with a space, and no line ends inside a
 * UTF-8 character; unfolding gives the line back. */
static void
test_vcard_fold(void **state)
{
	char value[400], unfolded[600];
	struct buf b = { 0 };
	const char *p, *eol;
	size_t u = 0;
	int i, lines = 0;

	(void)state;
	value[0] = '\0';
	for (i = 0; i < 40; i++)
		strcat(value, i % 3 ? "가" : "a");
	assert_int_equal(vcard_prop(&b, "NOTE", value), 0);
	for (p = b.data; *p != '\0'; p = eol + 2) {
		eol = strstr(p, "\r\n");
		assert_non_null(eol);
		assert_true(eol - p <= 75);
		if (lines++ > 0) {
			assert_int_equal(p[0], ' ');
			p++;
		}
		/* the line's last byte completes its character */
		assert_true(((unsigned char)eol[-1] & 0xC0) != 0xC0);
		if (((unsigned char)eol[-1] & 0x80) != 0)
			assert_true(((unsigned char)eol[-2] & 0xE0) == 0xE0 || ((unsigned char)eol[-3] & 0xF0) == 0xE0);
		memcpy(unfolded + u, p, (size_t)(eol - p));
		u += (size_t)(eol - p);
	}
	unfolded[u] = '\0';
	assert_true(lines >= 2);
	assert_string_equal(unfolded + 5, value);
	assert_memory_equal(unfolded, "NOTE:", 5);
	buf_free(&b);
}

static void
test_korean_names(void **state)
{
	char f[64], g[64];

	(void)state;
	assert_int_equal(vcard_split_korean_name("배예시", f, g, sizeof(f)), 0);
	assert_string_equal(f, "배");
	assert_string_equal(g, "예시");
	assert_int_equal(vcard_split_korean_name("남궁민수", f, g, sizeof(f)), 0);
	assert_string_equal(f, "남궁");
	assert_string_equal(g, "민수");
	/* two syllables: 선우 is a surname and a given name; the first syllable is the family name */
	assert_int_equal(vcard_split_korean_name("선우", f, g, sizeof(f)), 0);
	assert_string_equal(f, "선");
	assert_string_equal(g, "우");
	assert_int_equal(vcard_split_korean_name("John Smith", f, g, sizeof(f)), 0);
	assert_string_equal(f, "");
	assert_string_equal(g, "John Smith");
	assert_int_equal(vcard_split_korean_name("김 철수", f, g, sizeof(f)), 0);
	assert_string_equal(f, "");
	assert_string_equal(g, "김 철수");
	assert_int_equal(vcard_split_korean_name("가", f, g, sizeof(f)), 0);
	assert_string_equal(f, "");
	assert_string_equal(g, "가");
	assert_int_equal(vcard_split_korean_name("배예시", f, g, 4), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_vcard_escape),
		cmocka_unit_test(test_vcard_fold),
		cmocka_unit_test(test_korean_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
