/* test_form.c - form validation: per-field messages, values kept, trimming, secrets never echoed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http/form.h"
#include "view/render.h"
#include "http/request.h"

static void
test_email(void **state)
{
	static const char *const good[] = { "a@b.kr", "demo.kim01@example.org", "x+y@sub.example.co.kr" };
	static const char *const bad[] = { "", "a", "@b.kr", "a@", "a@b", "a@@b.kr", "a b@c.kr", "a@b.kr>",
		"a@.kr", "a@b.", "<a@b.kr>", "a@b,c.kr" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(form_valid_email(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(form_valid_email(bad[i]));
}

static void
test_phone(void **state)
{
	static const char *const good[] = { "02-1234-5678", "041-123-4567", "+82 2 1234 5678", "(02) 123-4567" };
	static const char *const bad[] = { "", "abc", "02-12", "1234567890123456", "02-1234-5678 ext", "02.1234.5678" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(form_valid_phone(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(form_valid_phone(bad[i]));
}

static void
test_url(void **state)
{
	static const char *const good[] = { "https://www.ctp.or.kr", "http://example.org/a?b=c" };
	static const char *const bad[] = { "", "www.example.org", "javascript:alert(1)", "https://",
		"https://a b.kr", "https://x.kr/\"onmouseover=1", "ftp://x.kr" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(form_valid_url(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(form_valid_url(bad[i]));
}

/* form_url_add_scheme: an address typed without https:// gets it; anything else is left to form_valid_url. */
static void
test_url_scheme(void **state)
{
	static const struct { const char *in, *out; } good[] = {
		{ "www.ctp.or.kr", "https://www.ctp.or.kr" }, { "ctp.or.kr/about?a=1", "https://ctp.or.kr/about?a=1" },
		{ "meet.example.org/x#y", "https://meet.example.org/x#y" }, { "1.2.3.4", "https://1.2.3.4" },
	};
	static const char *const bad[] = {
		"", "localhost", "https://www.ctp.or.kr", "http://x.kr", "ftp://x.kr", "javascript:alert(1)",
		"www.ctp.or.kr:8080", ".ctp.or.kr", "ctp.", "ctp./x", "/path.html", "www.a b.kr", "www.x.kr/\"q",
		"-x.kr", "mailto:a@b.kr", "//x.kr",
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (form_url_add_scheme(good[i].in, out, sizeof(out)) != 0)
			fail_msg("refused \"%s\"", good[i].in);
		assert_string_equal(out, good[i].out);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (form_url_add_scheme(bad[i], out, sizeof(out)) == 0)
			fail_msg("took \"%s\" as \"%s\"", bad[i], out);
	assert_int_equal(form_url_add_scheme("www.ctp.or.kr", out, 10), -1);	/* does not fit */
}

static void
test_trim(void **state)
{
	char a[] = "  x y \t\r\n", b[] = "\n\n", c[] = "가나";

	(void)state;
	form_trim(a);
	form_trim(b);
	form_trim(c);
	assert_string_equal(a, "x y");
	assert_string_equal(b, "");
	assert_string_equal(c, "가나");
}

static const char *const colours[] = { "red", "blue", NULL };

static const struct form_field fields[] = {
	{ "name", FT_LINE, 1, 1, 5, NULL },
	{ "note", FT_TEXT, 0, 0, 20, NULL },
	{ "phone", FT_PHONE, 0, 0, 40, NULL },
	{ "sort", FT_INT, 0, 0, 99, NULL },
	{ "colour", FT_ENUM, 0, 0, 0, colours },
	{ "visible", FT_BOOL, 0, 0, 0, NULL },
	{ "tag", FT_SLUGS, 0, 0, 0, NULL },
	{ "secret", FT_SECRET, 0, 3, 10, NULL },
	{ "site", FT_URL, 0, 0, 300, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* Run form_check on a urlencoded body; returns the error count and leaves the HDF in *out. */
static int
check(const char *body, HDF **out)
{
	struct request rq;
	int n;

	memset(&rq, 0, sizeof(rq));
	assert_int_equal(request_parse_urlencoded(body, strlen(body), &rq.params), 0);
	assert_int_equal(hdf_init(out), STATUS_OK);
	hdf_set_value(*out, "L.form.err_required", "REQ");
	hdf_set_value(*out, "L.form.err_long", "LONG");
	n = form_check(&rq, *out, fields);
	params_free(&rq.params);
	return n;
}

static void
test_check_good(void **state)
{
	HDF *h;

	(void)state;
	assert_int_equal(check("name=+%EA%B0%80%EB%82%98+&note=&phone=02-123-4567&sort=7&colour=blue&visible=1"
	    "&tag=b&tag=a&tag=b&secret=+pw+", &h), 0);
	assert_string_equal(hdf_get_value(h, "Form.name.value", ""), "가나");
	assert_null(form_value(h, "note"));
	assert_string_equal(form_value(h, "tag"), "a,b");
	assert_string_equal(hdf_get_value(h, "Form.tag.checked.a", ""), "1");
	assert_null(hdf_get_value(h, "Form.secret.value", NULL));	/* never echoed */
	assert_int_equal(hdf_get_int_value(h, "Form.errors", -1), 0);
	hdf_destroy(&h);
}

/* A website without its scheme comes back with https:// in the field and a note, not stored unseen. */
static void
test_check_url_fixed(void **state)
{
	HDF *h;

	(void)state;
	assert_int_equal(check("name=ab&site=+www.ctp.or.kr+", &h), 1);
	assert_string_equal(form_value(h, "site"), "https://www.ctp.or.kr");
	assert_non_null(hdf_get_value(h, "Form.site.error", NULL));
	assert_string_equal(hdf_get_value(h, "Form.Errors.0", ""), "site");
	hdf_destroy(&h);
	assert_int_equal(check("name=ab&site=https%3A%2F%2Fwww.ctp.or.kr", &h), 0);	/* confirmed: taken */
	hdf_destroy(&h);
	assert_int_equal(check("name=ab&site=ftp%3A%2F%2Fx.kr", &h), 1);		/* no guess */
	assert_string_equal(form_value(h, "site"), "ftp://x.kr");
	hdf_destroy(&h);
}

static void
test_check_bad(void **state)
{
	HDF *h;

	(void)state;
	/* name missing; note too long; phone, sort, colour, visible, tag and secret wrong */
	assert_int_equal(check("note=123456789012345678901&phone=x&sort=100&colour=green&visible=yes"
	    "&tag=Bad_Slug&secret=ab", &h), 8);
	assert_string_equal(hdf_get_value(h, "Form.name.error", ""), "REQ");
	assert_string_equal(hdf_get_value(h, "Form.note.error", ""), "LONG");
	assert_string_equal(hdf_get_value(h, "Form.note.value", ""), "123456789012345678901");	/* kept */
	assert_string_equal(hdf_get_value(h, "Form.sort.value", ""), "100");
	assert_non_null(hdf_get_value(h, "Form.phone.error", NULL));
	assert_non_null(hdf_get_value(h, "Form.secret.error", NULL));
	assert_null(hdf_get_value(h, "Form.secret.value", NULL));
	assert_string_equal(hdf_get_value(h, "Form.Errors.0", ""), "name");
	assert_int_equal(hdf_get_int_value(h, "Form.errors", -1), 8);
	hdf_destroy(&h);
}

static void
test_line_refuses_newline(void **state)
{
	HDF *h;

	(void)state;
	assert_int_equal(check("name=a%0Ab", &h), 1);
	assert_non_null(hdf_get_value(h, "Form.name.error", NULL));
	hdf_destroy(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_url_scheme),
		cmocka_unit_test(test_check_url_fixed),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_check_good),
		cmocka_unit_test(test_check_bad),
		cmocka_unit_test(test_line_refuses_newline),
	};

	nerr_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
