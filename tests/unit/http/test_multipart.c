/*
 * test_multipart.c - unit tests for multipart.c: well-formed bodies as browsers and curl send them,
 * then tables of malformed ones (missing boundary, truncated parts, no close delimiter, NUL and
 * control characters, header injection, path traversal in file names, too many and too large parts),
 * and a bounded mutation run over a valid body (every prefix, every single-byte change).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http/multipart.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define CT		"multipart/form-data; boundary=XyZ"

static const struct mp_limits lim = { 16, 5, 64, 256 };

/* Parse a NUL-terminated body (or len bytes of it when len > 0). */
static int
parse_n(const char *ct, const char *body, size_t len, struct mp_form *f)
{
	return multipart_parse(ct, body, len ? len : strlen(body), &lim, f);
}

static int
parse(const char *body, struct mp_form *f)
{
	return parse_n(CT, body, 0, f);
}

static void
test_boundary(void **state)
{
	static const struct { const char *ct; int rc; const char *b; } cases[] = {
		{ "multipart/form-data; boundary=abc", 0, "abc" },
		{ "Multipart/Form-Data;boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", 0, "----WebKitFormBoundary7MA4YWxkTrZu0gW" },
		{ "multipart/form-data; charset=utf-8; boundary=\"a b:c\"", 0, "a b:c" },
		{ "multipart/form-data; BOUNDARY=x", 0, "x" },
		{ "multipart/form-data", 400, NULL },				/* missing */
		{ "multipart/form-data;", 400, NULL },
		{ "multipart/form-data; boundary=", 400, NULL },		/* empty */
		{ "multipart/form-data; boundary=\"\"", 400, NULL },
		{ "multipart/form-data; boundary=a; boundary=b", 400, NULL },	/* repeated */
		{ "multipart/form-data; boundary=\"a\nb\"", 400, NULL },	/* not a bchar */
		{ "multipart/form-data; boundary=\"ab \"", 400, NULL },		/* ends with a space */
		{ "multipart/form-data; boundary=\"abc", 400, NULL },		/* unterminated quote */
		{ "multipart/form-data boundary=abc", 400, NULL },
		{ "multipart/form-data; boundary=a\"b", 400, NULL },
		{ "multipart/mixed; boundary=abc", 415, NULL },
		{ "multipart/form-datax; boundary=abc", 415, NULL },
		{ "application/x-www-form-urlencoded", 415, NULL },
		{ "", 415, NULL },
	};
	char b[MP_MAX_BOUNDARY + 1], long_ct[200];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		int rc = multipart_boundary(cases[i].ct, b, sizeof(b));

		if (rc != cases[i].rc)
			fail_msg("%s: %d, expected %d", cases[i].ct, rc, cases[i].rc);
		if (rc == 0)
			assert_string_equal(b, cases[i].b);
	}
	assert_int_equal(multipart_boundary(NULL, b, sizeof(b)), 415);
	/* 70 characters is the most RFC 2046 allows */
	snprintf(long_ct, sizeof(long_ct), "multipart/form-data; boundary=%070d", 7);
	assert_int_equal(multipart_boundary(long_ct, b, sizeof(b)), 0);
	snprintf(long_ct, sizeof(long_ct), "multipart/form-data; boundary=%071d", 7);
	assert_int_equal(multipart_boundary(long_ct, b, sizeof(b)), 400);
}

static void
test_fields_and_files(void **state)
{
	const char *body =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
	    "\xEC\xA0\x9C\xEB\xAA\xA9 --XyZ not at a line start\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"attachment\"; filename=\"\xEB\xB3\xB4\xEA\xB3\xA0\xEC\x84\x9C.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n\r\n"
	    "%PDF-1.4\r\n\r\n--XyY\r\n-XyZ\r\nx\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"attachment\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n"
	    "\r\n"
	    "--XyZ\r\n"
	    "content-disposition: form-data; name=empty\r\n"
	    "X-Other: ignored\r\n\r\n"
	    "\r\n"
	    "--XyZ--\r\n";
	struct mp_form f;

	(void)state;
	assert_int_equal(parse(body, &f), 0);
	assert_int_equal(f.n, 3);		/* the empty file input is skipped */
	assert_int_equal(f.nfiles, 1);
	assert_string_equal(f.parts[0].name, "title");
	assert_null(f.parts[0].filename);
	assert_int_equal(f.parts[0].len, strlen("\xEC\xA0\x9C\xEB\xAA\xA9 --XyZ not at a line start"));
	assert_memory_equal(f.parts[0].data, "\xEC\xA0\x9C\xEB\xAA\xA9 --XyZ", 12);
	assert_string_equal(f.parts[1].name, "attachment");
	assert_string_equal(f.parts[1].filename, "\xEB\xB3\xB4\xEA\xB3\xA0\xEC\x84\x9C.pdf");
	assert_string_equal(f.parts[1].content_type, "application/pdf");
	assert_int_equal(f.parts[1].len, strlen("%PDF-1.4\r\n\r\n--XyY\r\n-XyZ\r\nx"));
	assert_string_equal(f.parts[2].name, "empty");
	assert_int_equal(f.parts[2].len, 0);
	multipart_free(&f);
	assert_null(f.parts);
	assert_int_equal(f.n, 0);
}

static void
test_close_variants(void **state)
{
	struct mp_form f;

	(void)state;
	/* no CRLF after the close delimiter; no parts at all */
	assert_int_equal(parse("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--", &f), 0);
	assert_int_equal(f.n, 1);
	multipart_free(&f);
	assert_int_equal(parse("--XyZ--", &f), 0);
	assert_int_equal(f.n, 0);
	multipart_free(&f);
	assert_int_equal(parse("--XyZ--\r\n", &f), 0);
	multipart_free(&f);
}

/* File names as the client sent them, and what is stored (NULL: the body is refused with 400). */
static void
test_filenames(void **state)
{
	static const struct { const char *sent; const char *stored; } cases[] = {
		{ "report.pdf", "report.pdf" },
		{ "../../etc/passwd", "passwd" },
		{ "C:\\x\\y", "y" },
		{ "..\\..\\windows\\win.ini", "win.ini" },
		{ "/etc/passwd", "passwd" },
		{ "a/b\\c/d.txt", "d.txt" },
		{ "a%22b.txt", "a\"b.txt" },		/* browsers write '"' as %22 */
		{ "a%0D%0AX-Evil: 1.txt", "a%0D%0AX-Evil: 1.txt" },	/* stays text, never a line break */
		{ "\xED\x95\x9C\xEA\xB8\x80 \xED\x8C\x8C\xEC\x9D\xBC.hwp", "\xED\x95\x9C\xEA\xB8\x80 \xED\x8C\x8C\xEC\x9D\xBC.hwp" },
		{ "..", NULL },
		{ ".", NULL },
		{ "../", NULL },
		{ "C:\\x\\", NULL },
		{ "a\x01.txt", NULL },			/* control character */
		{ "a\x7f.txt", NULL },
		{ "\xC0\xAF.txt", NULL },		/* overlong '/' */
		{ "\xED\xA0\x80.txt", NULL },		/* surrogate */
		{ "\xFF.txt", NULL },
	};
	char body[1024];
	struct mp_form f;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		int rc;

		snprintf(body, sizeof(body), "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"%s\"\r\n\r\n"
		    "data\r\n--XyZ--\r\n", cases[i].sent);
		rc = parse(body, &f);
		if (cases[i].stored == NULL) {
			if (rc != 400)
				fail_msg("filename %s: %d, expected 400", cases[i].sent, rc);
			continue;
		}
		if (rc != 0)
			fail_msg("filename %s: %d, expected 0", cases[i].sent, rc);
		assert_string_equal(f.parts[0].filename, cases[i].stored);
		multipart_free(&f);
	}
	/* a name longer than MP_MAX_FILENAME */
	memset(body, 0, sizeof(body));
	{
		char name[300];

		memset(name, 'a', sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		snprintf(body, sizeof(body), "--XyZ\r\nContent-Disposition: form-data; name=f; filename=\"%s\"\r\n\r\n"
		    "x\r\n--XyZ--\r\n", name);
		assert_int_equal(parse(body, &f), 400);
	}
}

/* Every one of these is refused with 400. */
static const char *const bad_bodies[] = {
	"",
	"x",
	"preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ",						/* nothing after the delimiter */
	"--XyZ\r\n",						/* truncated: no headers */
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n",	/* truncated header block */
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1",	/* truncated part */
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n",	/* no close delimiter */
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ",	/* nor CRLF nor -- */
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ-",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--\r\nepilogue",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--\r\n\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZx\r\n--XyZ--\r\n",	/* boundary prefix line */
	"--XyZ\nContent-Disposition: form-data; name=a\n\n1\n--XyZ--\n",	/* bare LF */
	"--XyZ\r\nContent-Disposition: form-data; name=a\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\r\n\r\n1\r\n--XyZ--\r\n",	/* bare CR */
	"--XyZ\r\n\r\n1\r\n--XyZ--\r\n",				/* no Content-Disposition */
	"--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--\r\n",	/* no name */
	"--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a; filename=x; filename=y\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Type: a\r\nContent-Type: b\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Type:\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n folded: yes\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nno colon here\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\n: empty name\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nBad Header: x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--XyZ--\r\n",	/* unterminated quote */
	"--XyZ\r\nContent-Disposition: form-data; name=a;\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data name=a\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=\"a\x01\"\r\n\r\n1\r\n--XyZ--\r\n",	/* control in a name */
	"--XyZ\r\nContent-Disposition: form-data; name=\"a\tb\"\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=\"\xC0\xAF\"\r\n\r\n1\r\n--XyZ--\r\n",	/* bad UTF-8 in a name */
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\xC0\xAF\r\n--XyZ--\r\n",	/* bad UTF-8 in a field */
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\xED\xA0\x80\r\n--XyZ--\r\n",
	/* header injection: a line break inside a quoted file name ends the header line mid-quote */
	"--XyZ\r\nContent-Disposition: form-data; name=a; filename=\"x.pdf\r\nContent-Type: text/html\"\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a; filename=\"x.pdf\nContent-Type: text/html\"\r\n\r\n1\r\n--XyZ--\r\n",
	/* a file part with data but no file name */
	"--XyZ\r\nContent-Disposition: form-data; name=a; filename=\"\"\r\n\r\nabc\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Type: text/\xC3\xA9\r\n\r\n1\r\n--XyZ--\r\n",
};

static void
test_bad_bodies(void **state)
{
	struct mp_form f;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad_bodies); i++) {
		int rc = parse(bad_bodies[i], &f);

		if (rc != 400)
			fail_msg("bad body %zu: %d, expected 400: %s", i, rc, bad_bodies[i]);
		assert_null(f.parts);
		assert_int_equal(f.n, 0);
	}
}

/* NUL bytes cannot sit in a C string literal table: these bodies carry their length. */
static void
test_nul_bytes(void **state)
{
	static const char name_nul[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\0b\"\r\n\r\n1\r\n--XyZ--\r\n";
	static const char file_nul[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=a; filename=\"x\0.pdf\"\r\n\r\n1\r\n--XyZ--\r\n";
	static const char header_nul[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX: \0\r\n\r\n1\r\n--XyZ--\r\n";
	static const char field_nul[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\0y\r\n--XyZ--\r\n";
	static const char file_data_nul[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=a; filename=x.bin\r\n\r\nx\0y\r\n--XyZ--\r\n";
	struct mp_form f;

	(void)state;
	assert_int_equal(parse_n(CT, name_nul, sizeof(name_nul) - 1, &f), 400);
	assert_int_equal(parse_n(CT, file_nul, sizeof(file_nul) - 1, &f), 400);
	assert_int_equal(parse_n(CT, header_nul, sizeof(header_nul) - 1, &f), 400);
	assert_int_equal(parse_n(CT, field_nul, sizeof(field_nul) - 1, &f), 400);
	/* a file's bytes are binary: a NUL there is fine */
	assert_int_equal(parse_n(CT, file_data_nul, sizeof(file_data_nul) - 1, &f), 0);
	assert_int_equal(f.parts[0].len, 3);
	multipart_free(&f);
}

/* Append one part to b. */
static void
add(char *b, size_t size, const char *name, const char *filename, size_t len)
{
	size_t n = strlen(b);

	if (filename != NULL)
		n += (size_t)snprintf(b + n, size - n, "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"; "
		    "filename=\"%s\"\r\n\r\n", name, filename);
	else
		n += (size_t)snprintf(b + n, size - n, "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n", name);
	assert_true(n + len + 2 < size);
	memset(b + n, 'a', len);
	memcpy(b + n + len, "\r\n", 3);
}

static void
test_limits(void **state)
{
	static char b[65536];
	struct mp_form f;
	int i;

	(void)state;
	/* exactly at the limits: 64 bytes a file, 256 a field, 5 files */
	b[0] = '\0';
	for (i = 0; i < 5; i++)
		add(b, sizeof(b), "f", "x.txt", 64);
	add(b, sizeof(b), "t", NULL, 256);
	strcat(b, "--XyZ--\r\n");
	assert_int_equal(parse(b, &f), 0);
	assert_int_equal(f.nfiles, 5);
	multipart_free(&f);

	b[0] = '\0';		/* a file one byte over: kept, marked oversize (its page says so on the form) */
	add(b, sizeof(b), "f", "x.txt", 65);
	add(b, sizeof(b), "f", "y.txt", 64);
	strcat(b, "--XyZ--\r\n");
	assert_int_equal(parse(b, &f), 0);
	assert_int_equal(f.nfiles, 2);
	assert_int_equal(f.parts[0].len, 65);
	assert_true(f.parts[0].oversize);
	assert_false(f.parts[1].oversize);
	multipart_free(&f);
	b[0] = '\0';
	add(b, sizeof(b), "t", NULL, 257);
	strcat(b, "--XyZ--\r\n");
	assert_int_equal(parse(b, &f), 413);
	b[0] = '\0';					/* a sixth file: 413 */
	for (i = 0; i < 6; i++)
		add(b, sizeof(b), "f", "x.txt", 1);
	strcat(b, "--XyZ--\r\n");
	assert_int_equal(parse(b, &f), 413);
	assert_null(f.parts);

	b[0] = '\0';					/* many parts: 400 past max_parts */
	for (i = 0; i < 17; i++)
		add(b, sizeof(b), "t", NULL, 1);
	strcat(b, "--XyZ--\r\n");
	assert_int_equal(parse(b, &f), 400);
	b[0] = '\0';					/* empty file inputs count as parts too */
	for (i = 0; i < 1000; i++)
		strcat(b, "--XyZ\r\nContent-Disposition: form-data; name=f; filename=\"\"\r\n\r\n\r\n");
	strcat(b, "--XyZ--\r\n");
	assert_int_equal(parse(b, &f), 400);
}

static void
test_header_block_limit(void **state)
{
	static char b[2 * MP_MAX_HEADER];
	struct mp_form f;
	size_t n;

	(void)state;
	n = (size_t)snprintf(b, sizeof(b), "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: ");
	memset(b + n, 'p', MP_MAX_HEADER);
	strcpy(b + n + MP_MAX_HEADER, "\r\n\r\n1\r\n--XyZ--\r\n");
	assert_int_equal(parse(b, &f), 400);
}

/* Every prefix of a valid body but the whole is refused; every single-byte change parses or is refused, without a crash. */
static void
test_mutations(void **state)
{
	const char *good =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "tok\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"attachment\"; filename=\"a.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n\r\n"
	    "%PDF-1.7 binary\r\n"
	    "--XyZ--\r\n";
	static const char bytes[] = { '\0', '\r', '\n', '-', '"', ';', ':', '\\', '/', 'X', '\xff', '\x80', ' ' };
	size_t len = strlen(good), i, k;
	char *buf = malloc(len);
	struct mp_form f;
	int rc;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < len; i++) {
		memcpy(buf, good, i);
		rc = multipart_parse(CT, buf, i, &lim, &f);
		if (i == len - 2) {	/* without the final CRLF: still complete */
			assert_int_equal(rc, 0);
			multipart_free(&f);
			continue;
		}
		if (rc != 400)
			fail_msg("prefix of %zu bytes: %d, expected 400", i, rc);
	}
	for (i = 0; i < len; i++)
		for (k = 0; k < sizeof(bytes); k++) {
			memcpy(buf, good, len);
			buf[i] = bytes[k];
			rc = parse_n(CT, buf, len, &f);
			assert_true(rc == 0 || rc == 400 || rc == 413);
			multipart_free(&f);
		}
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boundary),
		cmocka_unit_test(test_fields_and_files),
		cmocka_unit_test(test_close_variants),
		cmocka_unit_test(test_filenames),
		cmocka_unit_test(test_bad_bodies),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_header_block_limit),
		cmocka_unit_test(test_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
