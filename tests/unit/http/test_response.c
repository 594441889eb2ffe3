/* test_response.c - unit tests for response.c: reason phrases and the exact head of every kind of response. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/request.h"
#include "http/auth.h"
#include "http/response.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The headers every dynamic response carries, in order, after Cache-Control. */
#define SECURITY_HEADERS \
	"X-Content-Type-Options: nosniff\r\n" \
	"Referrer-Policy: same-origin\r\n" \
	"X-Frame-Options: DENY\r\n" \
	"Cross-Origin-Opener-Policy: same-origin\r\n" \
	"Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n" \
	"Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self'; " \
	"script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"

static void
test_reason(void **state)
{
	static const struct { int status; const char *want; } cases[] = {
		{ 200, "OK" }, { 303, "See Other" }, { 304, "Not Modified" }, { 400, "Bad Request" },
		{ 403, "Forbidden" }, { 404, "Not Found" }, { 405, "Method Not Allowed" }, { 409, "Conflict" },
		{ 413, "Content Too Large" }, { 415, "Unsupported Media Type" }, { 422, "Unprocessable Content" },
		{ 429, "Too Many Requests" }, { 500, "Internal Server Error" }, { 503, "Service Unavailable" },
		{ 0, "Unknown" }, { -1, "Unknown" }, { 201, "Unknown" }, { 302, "Unknown" }, { 418, "Unknown" },
		{ 999, "Unknown" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (strcmp(response_reason(cases[i].status), cases[i].want) != 0)
			fail_msg("response_reason(%d): \"%s\", want \"%s\"", cases[i].status,
			    response_reason(cases[i].status), cases[i].want);
}

/* head for rq and status, checked for CRLF line ends and the blank line that ends it. */
static char *
head(const struct request *rq, int status, size_t len)
{
	struct buf out = { 0 };
	size_t i;

	assert_int_equal(response_head(rq, status, len, &out), 0);
	assert_non_null(out.data);
	for (i = 0; i < out.len; i++)
		if (out.data[i] == '\n' && (i == 0 || out.data[i - 1] != '\r'))
			fail_msg("bare LF at byte %zu of the head", i);
	assert_true(out.len >= 4);
	assert_string_equal(out.data + out.len - 4, "\r\n\r\n");
	assert_true(strstr(out.data, "\r\n\r\n") == out.data + out.len - 4);	/* no blank line inside */
	return out.data;
}

/* A page with its own Cache-Control, over plain HTTP: the whole head, byte for byte. */
static void
test_head_exact_200(void **state)
{
	struct request rq = { 0 };
	char *h;

	(void)state;
	rq.cache_control = "max-age=60";
	h = head(&rq, 200, 1234);
	assert_string_equal(h,
	    "Status: 200 OK\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: 1234\r\n"
	    "Cache-Control: max-age=60\r\n"
	    SECURITY_HEADERS
	    "\r\n");
	free(h);
}

/* A raw body (e.g. /healthz) with its own type, over HTTPS: HSTS joins. */
static void
test_head_exact_raw_https(void **state)
{
	struct request rq = { 0 };
	char *h;

	(void)state;
	rq.content_type_out = "text/plain; charset=utf-8";
	rq.cache_control = "no-store";
	rq.https = 1;
	h = head(&rq, 200, 3);
	assert_string_equal(h,
	    "Status: 200 OK\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Length: 3\r\n"
	    "Cache-Control: no-store\r\n"
	    SECURITY_HEADERS
	    "Strict-Transport-Security: max-age=31536000\r\n"
	    "\r\n");
	free(h);
}

/* request.h: cache_control NULL sends "no-cache" to anonymous readers and "private, no-store"
 * to a signed-in user, whose pages may carry contact details. */
static void
test_head_default_cache_control(void **state)
{
	struct session s;
	struct request rq = { 0 };
	char *h;

	(void)state;
	h = head(&rq, 200, 0);
	assert_non_null(strstr(h, "\r\nCache-Control: no-cache\r\n"));
	free(h);
	memset(&s, 0, sizeof(s));
	rq.session = &s;
	h = head(&rq, 200, 0);
	assert_non_null(strstr(h, "\r\nCache-Control: private, no-store\r\n"));
	free(h);
}

/* Errors are never stored, whatever the handler asked for; 503 says when to retry. */
static void
test_head_errors(void **state)
{
	static const int statuses[] = { 400, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503 };
	struct request rq = { 0 };
	size_t i;

	(void)state;
	rq.cache_control = "public, max-age=3600";
	rq.allowed_methods = M_GET | M_HEAD;
	for (i = 0; i < NELEM(statuses); i++) {
		char *h = head(&rq, statuses[i], 10), line[64];

		snprintf(line, sizeof(line), "Status: %d %s\r\n", statuses[i], response_reason(statuses[i]));
		assert_true(strncmp(h, line, strlen(line)) == 0);
		if (strstr(h, "\r\nCache-Control: no-store\r\n") == NULL)
			fail_msg("%d: not no-store", statuses[i]);
		assert_null(strstr(h, "max-age=3600"));
		assert_non_null(strstr(h, SECURITY_HEADERS));
		assert_int_equal(strstr(h, "\r\nRetry-After: 5\r\n") != NULL, statuses[i] == 503);
		assert_int_equal(strstr(h, "\r\nAllow: ") != NULL, statuses[i] == 405);
		free(h);
	}
}

/* 405 offers exactly the methods the path's routes take. */
static void
test_head_allow(void **state)
{
	static const struct { unsigned m; const char *want; } cases[] = {
		{ M_GET | M_HEAD, "\r\nAllow: GET, HEAD\r\n" },
		{ M_GET, "\r\nAllow: GET, HEAD\r\n" },
		{ M_POST, "\r\nAllow: POST\r\n" },
		{ M_GET | M_HEAD | M_POST, "\r\nAllow: GET, HEAD, POST\r\n" },
	};
	struct request rq = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		char *h;

		rq.allowed_methods = cases[i].m;
		h = head(&rq, 405, 0);
		if (strstr(h, cases[i].want) == NULL)
			fail_msg("allowed %#x: no \"%s\" in:\n%s", cases[i].m, cases[i].want + 2, h);
		free(h);
	}
}

/* Location goes out on redirects only; Set-Cookie whenever one is set. */
static void
test_head_location_cookie(void **state)
{
	struct request rq = { 0 };
	char loc[] = "/admin", cookie[] = "tp_session=abc; Path=/; HttpOnly; Secure; SameSite=Lax";
	char *h;

	(void)state;
	rq.location = loc;
	h = head(&rq, 303, 0);
	assert_true(strncmp(h, "Status: 303 See Other\r\n", 23) == 0);
	assert_non_null(strstr(h, "\r\nLocation: /admin\r\n"));
	assert_null(strstr(h, "Set-Cookie"));
	free(h);
	h = head(&rq, 200, 0);
	assert_null(strstr(h, "Location"));
	free(h);
	h = head(&rq, 404, 0);
	assert_null(strstr(h, "Location"));
	free(h);
	rq.set_cookie = cookie;
	h = head(&rq, 303, 0);
	assert_non_null(strstr(h, "\r\nSet-Cookie: tp_session=abc; Path=/; HttpOnly; Secure; SameSite=Lax\r\n"));
	assert_non_null(strstr(h, "\r\nLocation: /admin\r\n"));
	free(h);
	rq.location = NULL;
	rq.set_cookie = NULL;
}

/* Appending: what out held stays in front. */
static void
test_head_appends(void **state)
{
	struct request rq = { 0 };
	struct buf out = { 0 };

	(void)state;
	assert_int_equal(buf_puts(&out, "X"), 0);
	assert_int_equal(response_head(&rq, 404, 5, &out), 0);
	assert_true(strncmp(out.data, "XStatus: 404 Not Found\r\n", 24) == 0);
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reason),
		cmocka_unit_test(test_head_exact_200),
		cmocka_unit_test(test_head_exact_raw_https),
		cmocka_unit_test(test_head_default_cache_control),
		cmocka_unit_test(test_head_errors),
		cmocka_unit_test(test_head_allow),
		cmocka_unit_test(test_head_location_cookie),
		cmocka_unit_test(test_head_appends),
	};

	return cmocka_run_group_tests_name("response", tests, NULL, NULL);
}
