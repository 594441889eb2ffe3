/*
 * test_filesend.c - unit tests for filesend.c: Range parsing (tables of good and bad headers), entity
 * tags and If-None-Match, HTTP dates, the delivery mode behind each web server, and filesend_prepare's
 * decisions with the heads response.c writes for them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/conf.h"
#include "core/err.h"
#include "http/filesend.h"
#include "http/request.h"
#include "http/response.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_range(void **state)
{
	static const struct {
		const char		*hdr;
		long long		 size;
		enum filesend_range	 want;
		long long		 off, len;
	} cases[] = {
		{ NULL, 100, RANGE_WHOLE, 0, 0 },
		{ "bytes=0-9", 100, RANGE_PART, 0, 10 },
		{ "bytes=10-19", 100, RANGE_PART, 10, 10 },
		{ "bytes=99-99", 100, RANGE_PART, 99, 1 },
		{ "bytes=90-", 100, RANGE_PART, 90, 10 },
		{ "bytes=0-", 100, RANGE_PART, 0, 100 },
		{ "bytes=50-1000", 100, RANGE_PART, 50, 50 },		/* cut to the end */
		{ "bytes=-10", 100, RANGE_PART, 90, 10 },		/* the last 10 */
		{ "bytes=-1000", 100, RANGE_PART, 0, 100 },		/* more than there is: all */
		{ "BYTES = 5-6", 100, RANGE_PART, 5, 2 },		/* unit is case-insensitive; OWS */
		{ "bytes=5-6 ", 100, RANGE_PART, 5, 2 },
		{ "bytes=100-", 100, RANGE_UNSATISFIABLE, 0, 0 },
		{ "bytes=100-200", 100, RANGE_UNSATISFIABLE, 0, 0 },
		{ "bytes=1000-", 100, RANGE_UNSATISFIABLE, 0, 0 },
		{ "bytes=-0", 100, RANGE_UNSATISFIABLE, 0, 0 },
		{ "bytes=0-0", 0, RANGE_UNSATISFIABLE, 0, 0 },
		/* ignored: the whole file */
		{ "bytes=0-1,5-6", 100, RANGE_WHOLE, 0, 0 },		/* several ranges */
		{ "bytes=0-1, 50-", 100, RANGE_WHOLE, 0, 0 },
		{ "items=0-1", 100, RANGE_WHOLE, 0, 0 },		/* another unit */
		{ "bytes 0-1", 100, RANGE_WHOLE, 0, 0 },
		{ "bytes=", 100, RANGE_WHOLE, 0, 0 },
		{ "bytes=-", 100, RANGE_WHOLE, 0, 0 },
		{ "bytes=9-5", 100, RANGE_WHOLE, 0, 0 },		/* last before first */
		{ "bytes=a-b", 100, RANGE_WHOLE, 0, 0 },
		{ "bytes=+1-2", 100, RANGE_WHOLE, 0, 0 },
		{ "bytes=1-2x", 100, RANGE_WHOLE, 0, 0 },
		{ "bytes=1--2", 100, RANGE_WHOLE, 0, 0 },
		{ "bytes=99999999999999999999-", 100, RANGE_WHOLE, 0, 0 },	/* overflow */
		{ "", 100, RANGE_WHOLE, 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		long long off = -1, len = -1;
		enum filesend_range got = filesend_parse_range(cases[i].hdr, cases[i].size, &off, &len);

		if (got != cases[i].want)
			fail_msg("Range %s (size %lld): got %d, want %d", cases[i].hdr ? cases[i].hdr : "(none)",
			    cases[i].size, (int)got, (int)cases[i].want);
		if (got == RANGE_PART && (off != cases[i].off || len != cases[i].len))
			fail_msg("Range %s: offset %lld length %lld, want %lld %lld", cases[i].hdr, off, len,
			    cases[i].off, cases[i].len);
	}
}

static void
test_etag_matches(void **state)
{
	static const struct { const char *list; const char *etag; int want; } cases[] = {
		{ "\"abc-1\"", "\"abc-1\"", 1 },
		{ "*", "\"abc-1\"", 1 },
		{ " * ", "\"abc-1\"", 1 },
		{ "W/\"abc-1\"", "\"abc-1\"", 1 },		/* If-None-Match compares weakly */
		{ "\"x\", \"abc-1\"", "\"abc-1\"", 1 },
		{ "\"x\",\"y\" ,  W/\"abc-1\"", "\"abc-1\"", 1 },
		{ "\"abc-2\"", "\"abc-1\"", 0 },
		{ "\"abc-1", "\"abc-1\"", 0 },			/* unterminated */
		{ "abc-1", "\"abc-1\"", 0 },			/* no quotes */
		{ "\"abc-1\"x", "\"abc-1\"", 0 },
		{ "\"ABC-1\"", "\"abc-1\"", 0 },		/* tags are case-sensitive */
		{ "", "\"abc-1\"", 0 },
		{ NULL, "\"abc-1\"", 0 },
		{ "\"a\", *", "\"abc-1\"", 0 },			/* * alone only */
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (filesend_etag_matches(cases[i].list, cases[i].etag) != cases[i].want)
			fail_msg("If-None-Match %s vs %s: want %d", cases[i].list ? cases[i].list : "(none)",
			    cases[i].etag, cases[i].want);
}

static void
test_etag(void **state)
{
	char out[96], small[8];

	(void)state;
	assert_int_equal(filesend_etag("0123456789abcdef0123456789abcdef", 1234, out, sizeof(out)), 0);
	assert_string_equal(out, "\"0123456789abcdef0123456789abcdef-4d2\"");
	assert_int_equal(filesend_etag("0123456789abcdef", 1, small, sizeof(small)), -1);
	assert_int_equal(filesend_etag("a\"b", 1, out, sizeof(out)), -1);
	assert_int_equal(filesend_etag("a b", 1, out, sizeof(out)), -1);
}

static void
test_http_date(void **state)
{
	char out[40];
	time_t t;

	(void)state;
	assert_int_equal(filesend_http_date(784111777, out, sizeof(out)), 0);
	assert_string_equal(out, "Sun, 06 Nov 1994 08:49:37 GMT");
	assert_int_equal(filesend_parse_http_date(out, &t), 0);
	assert_int_equal((long long)t, 784111777LL);
	assert_int_equal(filesend_parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", &t), -1);
	assert_int_equal(filesend_parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT x", &t), -1);
	assert_int_equal(filesend_parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT", &t), -1);
	assert_int_equal(filesend_parse_http_date("", &t), -1);
	assert_int_equal(filesend_parse_http_date(NULL, &t), -1);
}

static void
test_mode(void **state)
{
	static const struct { int conf; const char *sw; int want; } cases[] = {
		{ FD_X_ACCEL, "nginx/1.22.1", FD_X_ACCEL },
		{ FD_X_ACCEL, "Apache", FD_DIRECT },		/* the issue: nginx's header behind Apache */
		{ FD_X_ACCEL, "Apache/2.4.62 (Debian)", FD_DIRECT },
		{ FD_X_ACCEL, NULL, FD_DIRECT },
		{ FD_X_ACCEL, "", FD_DIRECT },
		{ FD_X_SENDFILE, "Apache/2.4.62 (Debian)", FD_X_SENDFILE },
		{ FD_X_SENDFILE, "lighttpd/1.4.69", FD_X_SENDFILE },
		{ FD_X_SENDFILE, "nginx/1.22.1", FD_DIRECT },
		{ FD_X_SENDFILE, NULL, FD_DIRECT },
		{ FD_DIRECT, "nginx/1.22.1", FD_DIRECT },
		{ FD_DIRECT, "Apache", FD_DIRECT },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (filesend_mode(cases[i].conf, cases[i].sw) != cases[i].want)
			fail_msg("mode %d behind %s: want %d", cases[i].conf, cases[i].sw ? cases[i].sw : "(none)",
			    cases[i].want);
}

#define NAME	"00112233445566778899aabbccddeeff"
#define TAG	"\"" NAME "-64\""	/* size 100 */
#define DATE	"Sun, 06 Nov 1994 08:49:37 GMT"

/* filesend_prepare on a request with these headers, then the head response.c writes for its status. */
static int
prepare(struct request *rq, struct buf *head)
{
	int fd = open("/dev/null", O_RDONLY), status;

	assert_true(fd >= 0);
	status = filesend_prepare(rq, fd, 100, 784111777, NAME);
	assert_int_equal(response_head(rq, status, 0, head), 0);
	buf_append(head, "", 1);
	return status;
}

static void
test_prepare(void **state)
{
	struct request rq;
	struct buf head = { 0 };

	(void)state;
	memset(&rq, 0, sizeof(rq));
	rq.content_type_out = "application/pdf";
	assert_int_equal(prepare(&rq, &head), 200);
	assert_int_equal(rq.file.state, FILE_BODY);
	assert_non_null(strstr(head.data, "Status: 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 100\r\n"));
	assert_non_null(strstr(head.data, "ETag: " TAG "\r\nLast-Modified: " DATE "\r\nAccept-Ranges: bytes\r\n"));
	assert_non_null(strstr(head.data, "Content-Security-Policy: default-src 'none'; sandbox; frame-ancestors 'none'\r\n"));
	assert_null(strstr(head.data, "Content-Range"));
	assert_int_equal(response_streams_file(&rq, 200), 1);
	assert_int_equal(response_streams_file(&rq, 500), 0);	/* an error page is never the file */
	request_free(&rq);
	buf_reset(&head);

	memset(&rq, 0, sizeof(rq));
	rq.range = "bytes=10-19";
	assert_int_equal(prepare(&rq, &head), 206);
	assert_non_null(strstr(head.data, "Status: 206 Partial Content\r\n"));
	assert_non_null(strstr(head.data, "Content-Length: 10\r\n"));
	assert_non_null(strstr(head.data, "Content-Range: bytes 10-19/100\r\n"));
	assert_true(rq.file.offset == 10 && rq.file.length == 10);
	request_free(&rq);
	buf_reset(&head);

	/* If-Range with another tag: the whole file */
	memset(&rq, 0, sizeof(rq));
	rq.range = "bytes=10-19";
	rq.if_range = "\"other\"";
	assert_int_equal(prepare(&rq, &head), 200);
	request_free(&rq);
	buf_reset(&head);
	memset(&rq, 0, sizeof(rq));
	rq.range = "bytes=10-19";
	rq.if_range = TAG;
	assert_int_equal(prepare(&rq, &head), 206);
	request_free(&rq);
	buf_reset(&head);

	memset(&rq, 0, sizeof(rq));
	rq.range = "bytes=100-";
	assert_int_equal(prepare(&rq, &head), 416);
	assert_int_equal(rq.file.state, FILE_UNSATISFIABLE);
	assert_non_null(strstr(head.data, "Content-Range: bytes */100\r\n"));
	request_free(&rq);
	buf_reset(&head);

	memset(&rq, 0, sizeof(rq));
	rq.if_none_match = "\"x\", " TAG;
	rq.range = "bytes=0-1";
	assert_int_equal(prepare(&rq, &head), 304);
	assert_int_equal(rq.file.state, FILE_NOT_MODIFIED);
	assert_non_null(strstr(head.data, "Status: 304 Not Modified\r\n"));
	assert_non_null(strstr(head.data, "ETag: " TAG "\r\n"));
	assert_null(strstr(head.data, "Content-Length"));
	assert_null(strstr(head.data, "\nContent-Type:"));
	request_free(&rq);
	buf_reset(&head);

	/* If-Modified-Since counts only without If-None-Match */
	memset(&rq, 0, sizeof(rq));
	rq.if_modified_since = DATE;
	assert_int_equal(prepare(&rq, &head), 304);
	request_free(&rq);
	buf_reset(&head);
	memset(&rq, 0, sizeof(rq));
	rq.if_modified_since = DATE;
	rq.if_none_match = "\"x\"";
	assert_int_equal(prepare(&rq, &head), 200);
	request_free(&rq);
	buf_reset(&head);
	memset(&rq, 0, sizeof(rq));
	rq.if_modified_since = "Sun, 06 Nov 1994 08:49:36 GMT";	/* a second older than the file */
	assert_int_equal(prepare(&rq, &head), 200);
	request_free(&rq);
	buf_free(&head);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_etag_matches),
		cmocka_unit_test(test_etag),
		cmocka_unit_test(test_http_date),
		cmocka_unit_test(test_mode),
		cmocka_unit_test(test_prepare),
	};

	return cmocka_run_group_tests_name("filesend", tests, NULL, NULL);
}
