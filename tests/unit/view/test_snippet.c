/*
 * test_snippet.c - unit tests for snippet.c: cuts never split a UTF-8 character (a Hangul syllable is
 * three bytes), matches at the start and the end, overlapping and repeated matches, spacing variants,
 * case, very long text, and the segment limit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "view/snippet.h"
#include "core/text.h"

/* The snippet written out: matches as [..], cuts as "…" (for readable expectations). */
static void
render(const char *text, const struct snippet *s, char *out, size_t size)
{
	size_t i, at = 0;

	out[0] = '\0';
	if (s->cut_before)
		at += (size_t)snprintf(out + at, size - at, "…");
	for (i = 0; i < s->nseg && at < size; i++)
		at += (size_t)snprintf(out + at, size - at, s->seg[i].match ? "[%.*s]" : "%.*s",
		    (int)s->seg[i].len, text + s->seg[i].off);
	if (s->cut_after && at < size)
		snprintf(out + at, size - at, "…");
}

/* Every segment starts and ends on a character boundary, segments are in order and do not overlap. */
static void
assert_well_formed(const char *text, size_t len, const struct snippet *s)
{
	size_t i, prev_end = 0;

	assert_true(s->nseg <= SNIPPET_MAX_SEGS);
	for (i = 0; i < s->nseg; i++) {
		const struct snippet_seg *g = &s->seg[i];

		assert_true(g->len > 0);
		assert_true(g->off + g->len <= len);
		assert_true(i == 0 || g->off >= prev_end);
		assert_true(((unsigned char)text[g->off] & 0xC0) != 0x80);
		assert_true(g->off + g->len == len || ((unsigned char)text[g->off + g->len] & 0xC0) != 0x80);
		assert_true(text_valid_utf8(text + g->off, g->len));
		if (i > 0)
			assert_true(!(g->match && s->seg[i - 1].match && g->off == prev_end));	/* merged */
		prev_end = g->off + g->len;
	}
}

static void
check(const char *text, const char *const *terms, size_t nterms, size_t width, const char *want)
{
	struct snippet s;
	char got[4096];

	snippet_make(text, strlen(text), terms, nterms, width, &s);
	assert_well_formed(text, strlen(text), &s);
	render(text, &s, got, sizeof(got));
	assert_string_equal(got, want);
}

static void
test_whole_text(void **state)
{
	const char *t1[] = { "산업" };

	(void)state;
	check("지역산업 육성", t1, 1, 0, "지역[산업] 육성");
	check("한국산업기술진흥원", t1, 1, 100, "한국[산업]기술진흥원");
	check("산업", t1, 1, 100, "[산업]");
}

static void
test_match_at_start_and_end(void **state)
{
	const char *t1[] = { "산업" };
	char text[2048], want[256];
	struct snippet s;
	size_t len;

	(void)state;
	/* at the start: nothing cut before, the first segment is the match */
	snprintf(text, sizeof(text), "산업%s", "은 지역 경제의 기반이며 여러 기관이 함께 육성하는 분야이다 그리고 이어지는 긴 설명이 계속된다");
	snippet_make(text, strlen(text), t1, 1, 20, &s);
	assert_well_formed(text, strlen(text), &s);
	assert_false(s.cut_before);
	assert_true(s.cut_after);
	assert_true(s.seg[0].match);
	assert_int_equal(s.seg[0].off, 0);
	assert_int_equal(s.seg[0].len, strlen("산업"));

	/* at the very end: text before it is kept so the cut is still about width long */
	snprintf(text, sizeof(text), "%s", "기관들이 함께 여러 해 동안 준비한 계획이 드디어 발표되었는데 그 중심에는 지역산업");
	len = strlen(text);
	snippet_make(text, len, t1, 1, 20, &s);
	assert_well_formed(text, len, &s);
	assert_true(s.cut_before);
	assert_false(s.cut_after);
	assert_true(s.seg[s.nseg - 1].match);
	assert_int_equal(s.seg[s.nseg - 1].off + s.seg[s.nseg - 1].len, len);
	render(text, &s, want, sizeof(want));
	assert_true(text_utf8_chars(want, strlen(want)) >= 15);
}

static void
test_hangul_boundaries(void **state)
{
	const char *t1[] = { "공장" };
	char text[8192];
	struct snippet s;
	size_t len, i, w;

	(void)state;
	/* no spaces at all, so no cut can move to one: every width must still cut between syllables */
	text[0] = '\0';
	for (i = 0; i < 200; i++)
		strcat(text, i == 150 ? "공장" : "가나다");
	len = strlen(text);
	for (w = 1; w < 60; w++) {
		snippet_make(text, len, t1, 1, w, &s);
		assert_well_formed(text, len, &s);
		assert_true(s.matched);
		assert_true(s.cut_before);
		assert_true(s.cut_after);
	}
	/* 4-byte characters (emoji) too */
	text[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(text, i == 50 ? "공장" : "\xF0\x9F\x98\x80" "가");
	len = strlen(text);
	for (w = 1; w < 40; w++) {
		snippet_make(text, len, t1, 1, w, &s);
		assert_well_formed(text, len, &s);
	}
}

static void
test_overlapping_and_multiple(void **state)
{
	const char *overlap[] = { "산업", "업단" };
	const char *same[] = { "산업", "산업단지" };
	const char *twice[] = { "산업" };
	const char *adjacent[] = { "산업", "단지" };

	(void)state;
	check("산업단지 조성", overlap, 2, 0, "[산업단]지 조성");
	check("산업단지 조성", same, 2, 0, "[산업단지] 조성");
	check("산업과 산업 사이, 지역산업", twice, 1, 0, "[산업]과 [산업] 사이, 지역[산업]");
	check("산업산업", twice, 1, 0, "[산업산업]");
	check("산업단지", adjacent, 2, 0, "[산업단지]");
}

static void
test_spacing_and_case(void **state)
{
	const char *compound[] = { "테마패키지" };
	const char *shorter[] = { "산업" };
	const char *ascii[] = { "ict" };
	const char *spaced[] = { "테마", "패키지" };

	(void)state;
	check("테마 패키지 사업", compound, 1, 0, "[테마 패키지] 사업");
	check("테마패키지 사업", compound, 1, 0, "[테마패키지] 사업");
	check("테마패 키지", compound, 1, 0, "[테마패 키지]");
	check("테 마패키지", compound, 1, 0, "테 마패키지");	/* a one-character part: no */
	check("부산 업체", shorter, 1, 0, "부산 업체");		/* short words match only as typed */
	check("ICT융합, Ict", ascii, 1, 0, "[ICT]융합, [Ict]");
	check("테마패키지", spaced, 2, 0, "[테마패키지]");
}

static void
test_no_match(void **state)
{
	const char *t1[] = { "없는말" };
	struct snippet s;
	const char *text = "가나다라마바사아자차카타파하 가나다라마바사아자차카타파하";

	(void)state;
	snippet_make(text, strlen(text), t1, 1, 10, &s);
	assert_well_formed(text, strlen(text), &s);
	assert_false(s.matched);
	assert_false(s.cut_before);
	assert_true(s.cut_after);
	assert_int_equal(s.nseg, 1);
	assert_int_equal(s.seg[0].off, 0);
	snippet_make("", 0, t1, 1, 10, &s);
	assert_int_equal(s.nseg, 0);
	snippet_make(text, strlen(text), NULL, 0, 0, &s);
	assert_int_equal(s.nseg, 1);
	snippet_make(NULL, 0, t1, 1, 10, &s);
	assert_int_equal(s.nseg, 0);
}

static void
test_very_long_text(void **state)
{
	const char *t1[] = { "반도체" };
	size_t size = 3 * 1024 * 1024, len = 0, i;
	char *text = malloc(size), out[1024];
	struct snippet s;

	(void)state;
	assert_non_null(text);
	while (len + 64 < size - 1024) {
		memcpy(text + len, "테크노파크는 지역 기업을 돕습니다. ", strlen("테크노파크는 지역 기업을 돕습니다. "));
		len += strlen("테크노파크는 지역 기업을 돕습니다. ");
	}
	memcpy(text + len, "마지막에 반도체 소식이 있습니다.", strlen("마지막에 반도체 소식이 있습니다."));
	len += strlen("마지막에 반도체 소식이 있습니다.");
	text[len] = '\0';
	snippet_make(text, len, t1, 1, 80, &s);
	assert_well_formed(text, len, &s);
	assert_true(s.matched && s.cut_before && !s.cut_after);
	render(text, &s, out, sizeof(out));
	assert_non_null(strstr(out, "[반도체]"));
	assert_true(text_utf8_chars(out, strlen(out)) <= 80 + 2 + 12);
	for (i = 0; i < s.nseg; i++)
		assert_true(s.seg[i].off > len - 1000);
	free(text);
}

static void
test_segment_limit(void **state)
{
	const char *t1[] = { "가" };
	char text[4096];
	struct snippet s;
	size_t i, marks = 0;

	(void)state;
	text[0] = '\0';
	for (i = 0; i < 200; i++)
		strcat(text, "가 ");
	snippet_make(text, strlen(text), t1, 1, 0, &s);
	assert_well_formed(text, strlen(text), &s);
	assert_true(s.nseg >= SNIPPET_MAX_SEGS - 1);
	for (i = 0; i < s.nseg; i++)
		marks += s.seg[i].match;
	assert_int_equal(marks, (SNIPPET_MAX_SEGS - 1) / 2);
	/* the last segment runs to the end of the cut: no text is lost */
	assert_int_equal(s.seg[s.nseg - 1].off + s.seg[s.nseg - 1].len, strlen(text));
	assert_false(s.seg[s.nseg - 1].match);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_text),
		cmocka_unit_test(test_match_at_start_and_end),
		cmocka_unit_test(test_hangul_boundaries),
		cmocka_unit_test(test_overlapping_and_multiple),
		cmocka_unit_test(test_spacing_and_case),
		cmocka_unit_test(test_no_match),
		cmocka_unit_test(test_very_long_text),
		cmocka_unit_test(test_segment_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
