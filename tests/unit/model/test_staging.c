/* test_staging.c - the sweep of stale staging files (model/staging.c): old ".x.part" files go, new ones and others stay. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <cmocka.h>

#include "model/staging.h"

static void
touch(const char *dir, const char *name, time_t mtime)
{
	char path[512];
	struct utimbuf t = { mtime, mtime };
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(fp = fopen(path, "w"));
	fclose(fp);
	assert_int_equal(utime(path, &t), 0);
}

static int
exists(const char *dir, const char *name)
{
	char path[512];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &st) == 0;
}

static void
remove_file(const char *dir, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	unlink(path);
}

static void
test_sweep(void **state)
{
	char dir[] = "/tmp/tp-staging-XXXXXX";
	time_t now = time(NULL);

	(void)state;
	assert_non_null(mkdtemp(dir));
	touch(dir, ".abc.part", now - 2 * STAGING_MAX_AGE);	/* left by a killed process */
	touch(dir, ".new.part", now - 10);			/* an upload in progress */
	touch(dir, "abc", now - 2 * STAGING_MAX_AGE);		/* a stored file */
	touch(dir, "x.part", now - 2 * STAGING_MAX_AGE);	/* not a staging name */
	assert_int_equal(staging_sweep(dir, STAGING_MAX_AGE, now), 1);
	assert_false(exists(dir, ".abc.part"));
	assert_true(exists(dir, ".new.part"));
	assert_true(exists(dir, "abc"));
	assert_true(exists(dir, "x.part"));
	assert_int_equal(staging_sweep(dir, STAGING_MAX_AGE, now + 2 * STAGING_MAX_AGE), 1);
	assert_false(exists(dir, ".new.part"));
	assert_int_equal(staging_sweep("/nonexistent-tp-dir", STAGING_MAX_AGE, now), -1);
	remove_file(dir, "abc");
	remove_file(dir, "x.part");
	rmdir(dir);
}

static void
test_due(void **state)
{
	time_t now = time(NULL);

	(void)state;
	assert_true(staging_sweep_due(now));
	assert_false(staging_sweep_due(now + 1));
	assert_true(staging_sweep_due(now + STAGING_SWEEP_EVERY));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep),
		cmocka_unit_test(test_due),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
