/* test_ical.c - unit tests for ical.c: TEXT escaping, 75-octet folding on UTF-8 boundaries, date-times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "view/ical.h"
#include "core/text.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- escaping ---- */

static void
test_escape_table(void **state)
{
	static const struct { const char *in, *want, *why; } t[] = {
		{ "", "", "empty" },
		{ "plain text", "plain text", "nothing to escape" },
		{ "a,b", "a\\,b", "comma" },
		{ "a;b", "a\\;b", "semicolon" },
		{ "a\\b", "a\\\\b", "backslash" },
		{ "a\\nb", "a\\\\nb", "a backslash and n typed by hand stay two characters" },
		{ "a\nb", "a\\nb", "LF" },
		{ "a\r\nb", "a\\nb", "CRLF is one line end" },
		{ "a\rb", "a\\nb", "CR alone" },
		{ "a\n\nb", "a\\n\\nb", "an empty line is kept" },
		{ "a\r\n\r\nb", "a\\n\\nb", "two CRLF" },
		{ "x:y", "x:y", "a colon needs no escape in TEXT" },
		{ "\"quoted\"", "\"quoted\"", "double quotes need no escape in TEXT" },
		{ "tab\there", "tab\there", "tab is allowed" },
		{ "bell\x07" "del\x7F" "nul?\x01", "belldelnul?", "other control characters are dropped" },
		{ "이사회, 제2차; 안건\\1", "이사회\\, 제2차\\; 안건\\\\1", "Hangul with specials" },
		{ ",;\\\n", "\\,\\;\\\\\\n", "only specials" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		struct buf b = { 0 };

		assert_int_equal(ical_escape_text(&b, t[i].in), 0);
		if (strcmp(b.data, t[i].want) != 0)
			fail_msg("%s: escape(%s) = \"%s\", want \"%s\"", t[i].why, t[i].in, b.data, t[i].want);
		buf_free(&b);
	}
}

/* ---- folding ---- */

/*
 * Check out as folded content: CRLF line ends only, every physical line at most 75 octets and valid
 * UTF-8 on its own (so no fold split a character), continuation lines start with one space; and the
 * unfolded text equals want[0..wlen).
 */
static void
check_folded(const char *out, size_t olen, const char *want, size_t wlen)
{
	struct buf unfolded = { 0 };
	size_t pos = 0, lines = 0;

	while (pos < olen) {
		const char *crlf = strstr(out + pos, "\r\n");
		size_t n;

		if (crlf == NULL)
			fail_msg("line %zu has no CRLF end", lines);
		n = (size_t)(crlf - (out + pos));
		if (memchr(out + pos, '\r', n) != NULL || memchr(out + pos, '\n', n) != NULL)
			fail_msg("line %zu holds a bare CR or LF", lines);
		if (n > ICAL_LINE_MAX)
			fail_msg("line %zu is %zu octets long", lines, n);
		if (!text_valid_utf8(out + pos, n))
			fail_msg("line %zu is not valid UTF-8 by itself: a fold split a character", lines);
		if (lines > 0) {
			if (n < 2 || out[pos] != ' ')
				fail_msg("continuation line %zu does not start with one space and text", lines);
			assert_int_equal(buf_append(&unfolded, out + pos + 1, n - 1), 0);
		} else {
			assert_int_equal(buf_append(&unfolded, out + pos, n), 0);
		}
		pos += n + 2;
		lines++;
	}
	assert_true(lines >= 1);
	assert_int_equal(unfolded.len, wlen);
	assert_memory_equal(unfolded.data, want, wlen);
	buf_free(&unfolded);
}

static void
fold_and_check(const char *s, size_t len)
{
	struct buf b = { 0 };

	assert_int_equal(ical_fold(&b, s, len), 0);
	check_folded(b.data, b.len, s, len);
	buf_free(&b);
}

static void
test_fold_ascii_edges(void **state)
{
	char s[400];
	size_t len;
	struct buf b = { 0 };

	(void)state;
	memset(s, 'x', sizeof(s));
	for (len = 0; len < sizeof(s); len++)
		fold_and_check(s, len);
	/* exactly 75 octets: one line; 76: 75, then " " + 1 */
	assert_int_equal(ical_fold(&b, s, 75), 0);
	assert_int_equal(b.len, 77);
	buf_reset(&b);
	assert_int_equal(ical_fold(&b, s, 76), 0);
	assert_int_equal(b.len, 75 + 2 + 1 + 1 + 2);
	assert_memory_equal(b.data + 75, "\r\n x\r\n", 6);
	buf_reset(&b);
	/* a continuation line holds 74 octets after its space: 75 + 74 fit in two lines */
	assert_int_equal(ical_fold(&b, s, 75 + 74), 0);
	assert_int_equal(b.len, 75 + 2 + 75 + 2);
	buf_free(&b);
}

/* Every mix of 1-, 2-, 3- and 4-byte characters at every offset folds on boundaries. */
static void
test_fold_utf8_boundaries(void **state)
{
	static const char *const chars[] = { "a", "\xC3\xA9" /* é */, "\xEA\xB0\x80" /* 가 */,
		"\xF0\x9F\x98\x80" /* U+1F600 */ };
	size_t shift, pattern, n;

	(void)state;
	for (pattern = 0; pattern < 4; pattern++)
		for (shift = 0; shift < 8; shift++) {
			struct buf s = { 0 };

			/* shift ASCII bytes first so that character starts fall on every offset near 75 */
			for (n = 0; n < shift; n++)
				assert_int_equal(buf_puts(&s, "a"), 0);
			for (n = 0; n < 120; n++)
				assert_int_equal(buf_puts(&s, chars[(pattern + n * (pattern + 1)) % 4]), 0);
			for (n = 0; n <= s.len; n++)
				if (n == 0 || ((unsigned char)s.data[n - 1] & 0xC0) != 0xC0)
					if (text_valid_utf8(s.data, n))
						fold_and_check(s.data, n);
			buf_free(&s);
		}
}

/* A long Korean line: 3-byte characters, so a naive cut at 75 would land inside one. */
static void
test_fold_hangul(void **state)
{
	struct buf s = { 0 }, b = { 0 };
	size_t i, lines = 0;

	(void)state;
	for (i = 0; i < 100; i++)
		assert_int_equal(buf_puts(&s, "회"), 0);
	assert_int_equal(ical_fold(&b, s.data, s.len), 0);
	check_folded(b.data, b.len, s.data, s.len);
	for (i = 0; i + 1 < b.len; i++)
		if (b.data[i] == '\r' && b.data[i + 1] == '\n')
			lines++;
	/* 300 octets: 75 (25 syllables), then 72 after the space (24 syllables; 74 would cut one) */
	assert_int_equal(lines, 1 + (300 - 75 + 71) / 72);
	/* the first line ends after 25 whole syllables, not at byte 75 mid-syllable */
	assert_memory_equal(b.data + 75, "\r\n ", 3);
	buf_free(&s);
	buf_free(&b);
}

static void
test_fold_refuses_line_ends(void **state)
{
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(ical_fold(&b, "a\nb", 3), -1);
	assert_int_equal(ical_fold(&b, "a\rb", 3), -1);
	assert_int_equal(ical_raw_prop(&b, "URL", "https://x.example/\r\nX-EVIL:1"), -1);
	buf_free(&b);
}

/* ---- properties ---- */

/* Undo folding and TEXT escaping of one property line, for the round trip. Caller frees. */
static char *
unfold_unescape(const char *s, size_t len)
{
	char *out = malloc(len + 1), *o = out;
	size_t i;

	assert_non_null(out);
	for (i = 0; i < len; i++) {
		if (s[i] == '\r' && i + 2 < len && s[i + 1] == '\n' && s[i + 2] == ' ') {
			i += 2;
			continue;
		}
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			break;
		if (s[i] == '\\' && i + 1 < len) {
			i++;
			*o++ = s[i] == 'n' || s[i] == 'N' ? '\n' : s[i];
			continue;
		}
		*o++ = s[i];
	}
	*o = '\0';
	return out;
}

static void
test_text_prop_round_trip(void **state)
{
	static const char *const values[] = {
		"2026년 제3차 이사회",
		"회의실, 3층; 대전 유성구 \\ 별관",
		"1. 2026년 사업계획(안) 승인의 건\n2. 2026년 예산(안) 승인의 건\n3. 회원 가입 승인의 건; 기타 토의 안건, "
		    "아주 길게 이어지는 설명이 75옥텟을 여러 번 넘도록 계속됩니다. 이모지 😀 도 섞어 봅니다.",
		"",
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(values); i++) {
		struct buf b = { 0 }, want = { 0 };
		char *back;

		assert_int_equal(ical_text_prop(&b, "DESCRIPTION;LANGUAGE=ko", values[i]), 0);
		assert_int_equal(buf_printf(&want, "DESCRIPTION;LANGUAGE=ko:%s", values[i]), 0);
		/* the escaped text, folded, then unfolded line by line is the escaped text */
		{
			struct buf esc = { 0 };

			assert_int_equal(buf_puts(&esc, "DESCRIPTION;LANGUAGE=ko:"), 0);
			assert_int_equal(ical_escape_text(&esc, values[i]), 0);
			check_folded(b.data, b.len, esc.data, esc.len);
			buf_free(&esc);
		}
		back = unfold_unescape(b.data, b.len);
		assert_string_equal(back, want.data);
		free(back);
		buf_free(&b);
		buf_free(&want);
	}
}

static void
test_raw_prop(void **state)
{
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(ical_raw_prop(&b, "DTSTART;TZID=Asia/Seoul", "20261210T140000"), 0);
	assert_string_equal(b.data, "DTSTART;TZID=Asia/Seoul:20261210T140000\r\n");
	buf_reset(&b);
	/* a URI is not TEXT: commas and semicolons stay as they are */
	assert_int_equal(ical_raw_prop(&b, "URL", "https://example.org/a;b,c"), 0);
	assert_string_equal(b.data, "URL:https://example.org/a;b,c\r\n");
	buf_free(&b);
}

/* ---- date-times ---- */

static void
test_local_datetime(void **state)
{
	static const char *const bad[] = {
		"", "2026-12-10", "2026-12-10T14:00:00", "2026/12/10 14:00:00", "2026-12-10 14:00:0",
		"2026-12-10 14:0", "20261210 140000", "2026-12-10 14:00:00.5", "２０２６-12-10 14:00",
		"2026-1a-10 14:00", "2026-12-10 14-00-00",
	};
	char out[16];
	size_t i;

	(void)state;
	assert_int_equal(ical_local_datetime("2026-12-10 14:00:00", out), 0);
	assert_string_equal(out, "20261210T140000");
	assert_int_equal(ical_local_datetime("2027-01-05 09:30", out), 0);
	assert_string_equal(out, "20270105T093000");
	assert_int_equal(ical_local_datetime(NULL, out), -1);
	for (i = 0; i < NELEM(bad); i++)
		if (ical_local_datetime(bad[i], out) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
}

static void
test_utc_datetime(void **state)
{
	char out[17];

	(void)state;
	assert_int_equal(ical_utc_datetime(0, out), 0);
	assert_string_equal(out, "19700101T000000Z");
	assert_int_equal(ical_utc_datetime(1700000000LL, out), 0);
	assert_string_equal(out, "20231114T221320Z");
	assert_int_equal(ical_utc_datetime(-1, out), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_table),
		cmocka_unit_test(test_fold_ascii_edges),
		cmocka_unit_test(test_fold_utf8_boundaries),
		cmocka_unit_test(test_fold_hangul),
		cmocka_unit_test(test_fold_refuses_line_ends),
		cmocka_unit_test(test_text_prop_round_trip),
		cmocka_unit_test(test_raw_prop),
		cmocka_unit_test(test_local_datetime),
		cmocka_unit_test(test_utc_datetime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
