/* test_pdftext.c - unit tests for pdftext.c: a missing program, a failing one, output made valid UTF-8,
 * the byte bound cut at a character, the wall-clock bound (a program that hangs is killed), and the real
 * pdftotext on a small PDF when the machine has it. Stand-in programs are shell scripts in a temp folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/pdftext.h"
#include "core/text.h"

static char dir[] = "/tmp/tp-pdftext-XXXXXX";

/* Write an executable script body to dir/name; returns its path (static buffer per call site). */
static const char *
script(const char *name, const char *body)
{
	static char path[8][256];
	static int k;
	char *p = path[k++ % 8];
	FILE *fp;

	snprintf(p, 256, "%s/%s", dir, name);
	fp = fopen(p, "w");
	assert_non_null(fp);
	fprintf(fp, "#!/bin/sh\n%s\n", body);
	fclose(fp);
	assert_int_equal(chmod(p, 0755), 0);
	return p;
}

static void
test_missing_program(void **state)
{
	char *out = (char *)1;

	(void)state;
	assert_int_equal(pdftext_extract("/nonexistent/pdftotext", "/dev/null", 0, &out), PDFTEXT_NONE);
	assert_null(out);
}

static void
test_failing_program(void **state)
{
	char *out = NULL;

	(void)state;
	assert_int_equal(pdftext_extract(script("fails", "echo partial; exit 1"), "/dev/null", 0, &out), PDFTEXT_FAILED);
	assert_null(out);
}

static void
test_output_made_valid(void **state)
{
	char *out = NULL;

	(void)state;
	/* an invalid byte and a NUL become spaces; Hangul stays */
	assert_int_equal(pdftext_extract(script("bytes", "printf 'ab\\377\\000cd \\355\\225\\234'"), "/dev/null", 0, &out),
	    PDFTEXT_OK);
	assert_non_null(out);
	assert_string_equal(out, "ab  cd \xed\x95\x9c");
	free(out);
}

static void
test_arguments(void **state)
{
	char *out = NULL;

	(void)state;
	/* the file comes after "--", the text goes to standard output ("-") */
	assert_int_equal(pdftext_extract(script("args", "echo \"$@\""), "/some/file.pdf", 0, &out), PDFTEXT_OK);
	assert_non_null(strstr(out, "-enc UTF-8"));
	assert_non_null(strstr(out, "-- /some/file.pdf -"));
	free(out);
}

static void
test_byte_bound(void **state)
{
	char *out = NULL;
	size_t len;

	(void)state;
	/* 300,000 two-byte characters: more than the bound, cut at a character */
	assert_int_equal(pdftext_extract(script("big", "i=0; s=$(printf '\\303\\251%.0s' $(seq 1 1000)); "
	    "while [ $i -lt 300 ]; do printf '%s' \"$s\"; i=$((i+1)); done"), "/dev/null", 0, &out), PDFTEXT_OK);
	len = strlen(out);
	assert_true(len <= PDFTEXT_MAX_BYTES);
	assert_true(len >= PDFTEXT_MAX_BYTES - 1);
	assert_true(text_valid_utf8(out, len));
	free(out);
}

static void
test_time_bound(void **state)
{
	char *out = NULL;

	(void)state;
	/* a program that hangs is killed after its second: a failure, not a wait of 30 s and an empty text */
	assert_int_equal(pdftext_extract(script("hangs", "sleep 30"), "/dev/null", 1, &out), PDFTEXT_FAILED);
	assert_null(out);
}

static void
test_real_pdftotext(void **state)
{
	static const char pdf[] =
	    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
	    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
	    "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
	    "/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n"
	    "4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 18 Tf 72 720 Td (Xylophonics) Tj ET\nendstream\nendobj\n"
	    "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n"
	    "trailer\n<< /Size 6 /Root 1 0 R >>\n%%EOF\n";
	char path[256], *out = NULL;
	FILE *fp;

	(void)state;
	if (access(PDFTEXT_PROGRAM, X_OK) != 0) {
		print_message("no %s here: skipped\n", PDFTEXT_PROGRAM);
		skip();
	}
	snprintf(path, sizeof(path), "%s/t.pdf", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fwrite(pdf, 1, sizeof(pdf) - 1, fp);
	fclose(fp);
	/* no cross-reference table: pdftotext rebuilds it, as it does for many real files */
	assert_int_equal(pdftext_extract(NULL, path, 0, &out), PDFTEXT_OK);
	assert_non_null(strstr(out, "Xylophonics"));
	free(out);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("not a pdf at all", fp);
	fclose(fp);
	assert_int_equal(pdftext_extract(NULL, path, 0, &out), PDFTEXT_FAILED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_program),
		cmocka_unit_test(test_failing_program),
		cmocka_unit_test(test_output_made_valid),
		cmocka_unit_test(test_arguments),
		cmocka_unit_test(test_byte_bound),
		cmocka_unit_test(test_time_bound),
		cmocka_unit_test(test_real_pdftotext),
	};
	char rm[64];
	int rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(rm, sizeof(rm), "rm -rf '%s'", dir);	/* mkdtemp's name: no quote in it */
	if (system(rm) != 0)
		fprintf(stderr, "test_pdftext: could not remove %s\n", dir);
	return rc;
}
