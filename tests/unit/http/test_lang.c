/* test_lang.c - unit tests for lang.c (issue 17): the language of a request from ?lang=, the cookie and
 * Accept-Language, and the headers a page in a language answers with. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/lang.h"
#include "http/request.h"
#include "http/response.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_choose(void **state)
{
	static const struct {
		const char *query, *cookie, *accept, *want;
		enum lang_source from;
	} cases[] = {
		{ NULL, NULL, NULL, "ko", LANG_FROM_DEFAULT },
		{ "", NULL, "", "ko", LANG_FROM_DEFAULT },
		{ NULL, NULL, "*", "ko", LANG_FROM_DEFAULT },
		{ NULL, NULL, "fr-FR,fr;q=0.9,de;q=0.8", "ko", LANG_FROM_DEFAULT },
		{ NULL, NULL, "en", "en", LANG_FROM_HEADER },
		{ NULL, NULL, "EN-gb", "en", LANG_FROM_HEADER },
		{ NULL, NULL, "en-US,en;q=0.9,ko;q=0.8", "en", LANG_FROM_HEADER },
		{ NULL, NULL, "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko", LANG_FROM_HEADER },
		{ NULL, NULL, "ko;q=0.3, en;q=0.7", "en", LANG_FROM_HEADER },	/* the weights, not the order */
		{ NULL, NULL, "en;q=0, ko", "ko", LANG_FROM_HEADER },		/* q=0: not acceptable */
		{ NULL, NULL, "en;q=0", "ko", LANG_FROM_DEFAULT },
		{ NULL, NULL, "english, eng", "ko", LANG_FROM_DEFAULT },	/* not a tag of ours */
		{ NULL, NULL, "en;q=0.5, ko;q=0.5", "en", LANG_FROM_HEADER },	/* equal: the browser's order */
		{ NULL, "en", "ko", "en", LANG_FROM_COOKIE },
		{ NULL, "xx", "en", "en", LANG_FROM_HEADER },			/* an unknown cookie counts for nothing */
		{ "lang=ko", "en", "en", "ko", LANG_FROM_QUERY },
		{ "region=busan&lang=en", NULL, NULL, "en", LANG_FROM_QUERY },
		{ "lang=en&lang=ko", NULL, NULL, "ko", LANG_FROM_QUERY },	/* the last one */
		{ "lang=fr", "en", NULL, "en", LANG_FROM_COOKIE },
		{ "xlang=en&lang=", NULL, NULL, "ko", LANG_FROM_DEFAULT },
		{ "lang=EN", NULL, NULL, "ko", LANG_FROM_DEFAULT },		/* the word exactly */
		{ "lang=en%00", NULL, NULL, "ko", LANG_FROM_DEFAULT },
	};
	enum lang_source from;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		const char *got = lang_choose(cases[i].query, cases[i].cookie, cases[i].accept, &from);

		if (strcmp(got, cases[i].want) != 0 || from != cases[i].from)
			fail_msg("case %zu (query %s, cookie %s, Accept-Language %s): %s from %d, want %s from %d", i,
			    cases[i].query, cases[i].cookie, cases[i].accept, got, (int)from, cases[i].want, (int)cases[i].from);
	}
	assert_string_equal(lang_known("en", 2), "en");
	assert_null(lang_known("e", 1));
	assert_null(lang_known("eng", 3));
}

/* The head of a page in English chosen by ?lang=: its language, the cookie kept, Vary. */
static void
test_headers(void **state)
{
	struct request rq = { 0 };
	struct buf out = { 0 };

	(void)state;
	rq.lang = "en";
	rq.lang_cookie = 1;
	assert_int_equal(response_head(&rq, 200, 10, &out), 0);
	assert_non_null(strstr(out.data, "\r\nSet-Cookie: lang=en; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax\r\n"));
	assert_non_null(strstr(out.data, "\r\nContent-Language: en\r\n"));
	assert_non_null(strstr(out.data, "\r\nVary: Accept-Language, Cookie\r\n"));
	buf_free(&out);

	rq.lang_cookie = 0;
	rq.https = 1;
	assert_int_equal(response_head(&rq, 304, 0, &out), 0);
	assert_null(strstr(out.data, "Set-Cookie"));
	assert_null(strstr(out.data, "Content-Language"));	/* a 304 has no body to be in a language */
	assert_non_null(strstr(out.data, "\r\nVary: Accept-Language, Cookie\r\n"));	/* but varies as its 200 does */
	buf_free(&out);

	rq.lang_cookie = 1;
	rq.content_type_out = "text/csv; charset=utf-8";
	assert_int_equal(response_head(&rq, 200, 10, &out), 0);
	assert_non_null(strstr(out.data, "Set-Cookie: lang=en; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax; Secure\r\n"));
	assert_null(strstr(out.data, "Content-Language"));	/* a file is not a page in the language */
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_choose),
		cmocka_unit_test(test_headers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
