/* test_log.c - unit tests for log.c: a repeated failure is logged once, counted and summarised, not once per hit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/log.h"

#define HITS_PER_THREAD	250
#define THREADS		4

/* stderr, where log.c writes, goes to a temporary file while a test runs */
static FILE	*captured;
static int	 saved_stderr = -1;

static int
capture(void **state)
{
	(void)state;
	fflush(stderr);
	if ((captured = tmpfile()) == NULL || (saved_stderr = dup(STDERR_FILENO)) < 0 ||
	    dup2(fileno(captured), STDERR_FILENO) < 0)
		return -1;
	return 0;
}

static int
release(void **state)
{
	(void)state;
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	fclose(captured);
	return 0;
}

/* The captured lines so far, in one string (caller frees); *count set to how many. */
static char *
lines(int *count)
{
	off_t n = lseek(fileno(captured), 0, SEEK_END);
	char *s = calloc(1, (size_t)n + 1);
	int i;

	assert_non_null(s);
	assert_int_equal(pread(fileno(captured), s, (size_t)n, 0), n);
	for (*count = 0, i = 0; s[i] != '\0'; i++)
		*count += s[i] == '\n';
	return s;
}

static void
test_thousands(void **state)
{
	char b[32], tiny[4];

	(void)state;
	assert_string_equal(log_thousands(0, b, sizeof(b)), "0");
	assert_string_equal(log_thousands(999, b, sizeof(b)), "999");
	assert_string_equal(log_thousands(1000, b, sizeof(b)), "1,000");
	assert_string_equal(log_thousands(1234567, b, sizeof(b)), "1,234,567");
	assert_string_equal(log_thousands(12345, tiny, sizeof(tiny)), "12");	/* cut, still terminated */
}

/* The whole of file path (caller frees); "" when it does not exist. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *s = calloc(1, 8192);

	assert_non_null(s);
	if (fp != NULL) {
		size_t n = fread(s, 1, 8191, fp);

		s[n] = '\0';
		fclose(fp);
	}
	return s;
}

/* log_file: records go to the file; after a rename, opening the name again sends the next ones to a new file. */
static void
test_open_file_and_reopen(void **state)
{
	char dir[] = "/tmp/tp-test-log-XXXXXX", path[64], rotated[64], bad[80];
	char *a, *b;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/tp.log", dir);
	snprintf(rotated, sizeof(rotated), "%s/tp.log.1", dir);
	snprintf(bad, sizeof(bad), "%s/no-such-folder/tp.log", dir);
	assert_int_equal(log_open_file(path), 0);
	log_warn("before the rotation");
	assert_int_equal(rename(path, rotated), 0);
	log_warn("still the old file");
	assert_int_equal(log_open_file(path), 0);
	log_warn("after the rotation");
	assert_int_equal(log_open_file(bad), -1);	/* a failed reopen keeps the file it had */
	log_warn("after a failed reopen");
	a = slurp(rotated);
	b = slurp(path);
	assert_non_null(strstr(a, "before the rotation"));
	assert_non_null(strstr(a, "still the old file"));
	assert_null(strstr(a, "after the rotation"));
	assert_null(strstr(b, "before the rotation"));
	assert_non_null(strstr(b, "after the rotation"));
	assert_non_null(strstr(b, "after a failed reopen"));
	free(a);
	free(b);
	unlink(path);
	unlink(rotated);
	rmdir(dir);
}

static struct log_flood flood = LOG_FLOOD_INIT("database unreachable", "requests answered 503");

static void *
hammer(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < HITS_PER_THREAD; i++)
		log_flood_hit(&flood, LOG_ERR, "database unreachable: cannot connect (%d)", i);
	return NULL;
}

/* 1,000 hits from four threads at once: one record; the end: one more, with the count. */
static void
test_flood_once_then_count(void **state)
{
	pthread_t t[THREADS];
	char *s;
	int i, n;

	(void)state;
	for (i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, hammer, NULL), 0);
	for (i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	s = lines(&n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(s, " error ["));
	assert_non_null(strstr(s, "database unreachable: cannot connect ("));
	free(s);
	log_flood_end(&flood);
	s = lines(&n);
	assert_int_equal(n, 2);
	assert_non_null(strstr(s, "database unreachable: over after 0 s; 1,000 requests answered 503 in all"));
	free(s);
	log_flood_end(&flood);	/* nothing to end: nothing logged */
	s = lines(&n);
	assert_int_equal(n, 2);
	free(s);
}

/* A period that is over gives one summary line, and the next period is twice as long. */
static void
test_flood_summary_and_back_off(void **state)
{
	struct log_flood f = LOG_FLOOD_INIT("database unreachable", "requests answered 503");
	char *s;
	int i, n;

	(void)state;
	for (i = 0; i < 1234; i++)
		log_flood_hit(&f, LOG_ERR, "database unreachable: first");
	f.period_start -= LOG_FLOOD_FIRST + 1;	/* as if the period had passed */
	log_flood_hit(&f, LOG_ERR, "database unreachable: not logged");
	s = lines(&n);
	assert_int_equal(n, 2);
	assert_non_null(strstr(s, "database unreachable: 1,235 requests answered 503 in the last 11 s"));
	assert_null(strstr(s, "not logged"));
	assert_int_equal(f.period, 2 * LOG_FLOOD_FIRST);
	free(s);
	for (i = 0; i < 20; i++) {
		f.period_start -= LOG_FLOOD_MAX;
		log_flood_hit(&f, LOG_ERR, "x");
	}
	assert_int_equal(f.period, LOG_FLOOD_MAX);	/* the back-off stops at its maximum */
	log_flood_end(&f);
	s = lines(&n);
	assert_int_equal(n, 2 + 20 + 1);
	assert_non_null(strstr(s, "1,255 requests answered 503 in all"));
	free(s);
	log_flood_hit(&f, LOG_ERR, "database unreachable: again");	/* a new failure is logged again */
	s = lines(&n);
	assert_non_null(strstr(s, "database unreachable: again"));
	free(s);
	log_flood_end(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thousands),
		cmocka_unit_test_setup_teardown(test_open_file_and_reopen, capture, release),
		cmocka_unit_test_setup_teardown(test_flood_once_then_count, capture, release),
		cmocka_unit_test_setup_teardown(test_flood_summary_and_back_off, capture, release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
