/*
 * test_record.c - the three-way merge of the save pipeline (model/record.c): the form's digests, the stored
 * row and the submitted values decide each field; and the description list is well formed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/record.h"

static const struct record_field fields[] = {
	{ "name", FT_LINE, 1, 1, 60, NULL, "field.name", SHOW_TEXT, NULL },
	{ "email", FT_EMAIL, 0, 0, 200, NULL, "field.email", SHOW_TEXT, NULL },
	{ "visible", FT_BOOL, 0, 0, 0, NULL, "field.visible", SHOW_YESNO, "0" },
};
static const struct record_desc desc = { "t", "t", "id", "version", "-", "/t/{id}", fields, 3, NULL, NULL, NULL };

/* A row with values v (copied), at version. */
static void
row(struct record_row *r, long long version, const char *a, const char *b, const char *c)
{
	memset(r, 0, sizeof(*r));
	r->version = version;
	r->n = 3;
	r->v[0] = a ? strdup(a) : NULL;
	r->v[1] = b ? strdup(b) : NULL;
	r->v[2] = c ? strdup(c) : NULL;
}

static void
digests_of(const char *a, const char *b, const char *c, char *out)
{
	const char *v[3] = { a, b, c };

	record_digests(&desc, v, out);
}

/* The table of the brief: untouched keeps stored; only mine is applied; both differently is a conflict. */
static void
test_merge_cases(void **state)
{
	char base[RECORD_DIGESTS_SIZE];
	struct record_row stored;
	const char *out[3];
	enum merge_state st[3];

	(void)state;
	digests_of("김", "a@x.kr", "1", base);
	/* a colleague changed the email; I changed the name: both kept, no conflict */
	row(&stored, 2, "김", "new@x.kr", "1");
	{
		const char *mine[3] = { "이", "a@x.kr", "1" };

		assert_int_equal(record_merge(&desc, base, 1, &stored, mine, out, st), 0);
		assert_string_equal(out[0], "이");
		assert_string_equal(out[1], "new@x.kr");
		assert_int_equal(st[0], MERGE_MINE);
		assert_int_equal(st[1], MERGE_STORED);
		assert_true(record_changes(&desc, &stored, out));
	}
	/* both changed the email differently: a conflict, the stored value meanwhile */
	{
		const char *mine[3] = { "김", "mine@x.kr", "1" };

		assert_int_equal(record_merge(&desc, base, 1, &stored, mine, out, st), 1);
		assert_int_equal(st[1], MERGE_CONFLICT);
		assert_string_equal(out[1], "new@x.kr");
	}
	/* both changed it to the same value: no conflict, nothing to write */
	{
		const char *mine[3] = { "김", "new@x.kr", "1" };

		assert_int_equal(record_merge(&desc, base, 1, &stored, mine, out, st), 0);
		assert_false(record_changes(&desc, &stored, out));
	}
	record_row_free(&stored);
}

/* A conflict page resubmitted unchanged carries the stored value with the stored digests: it stays. */
static void
test_conflict_page_unchanged(void **state)
{
	char base[RECORD_DIGESTS_SIZE];
	struct record_row stored;
	const char *out[3];
	enum merge_state st[3];
	const char *mine[3] = { "김", "new@x.kr", "1" };

	(void)state;
	row(&stored, 2, "김", "new@x.kr", "1");
	digests_of(stored.v[0], stored.v[1], stored.v[2], base);
	assert_int_equal(record_merge(&desc, base, 2, &stored, mine, out, st), 0);
	assert_false(record_changes(&desc, &stored, out));
	/* a third save meanwhile: the page's stored value is stale but still the user's unchanged one */
	free(stored.v[1]);
	stored.v[1] = strdup("third@x.kr");
	assert_int_equal(record_merge(&desc, base, 2, &stored, mine, out, st), 0);
	assert_string_equal(out[1], "third@x.kr");
	record_row_free(&stored);
}

/* Without digests (an old form): current version applies all; a stale one makes each difference a conflict. */
static void
test_merge_without_digests(void **state)
{
	struct record_row stored;
	const char *out[3];
	enum merge_state st[3];
	const char *mine[3] = { "이", "a@x.kr", "0" };

	(void)state;
	row(&stored, 2, "김", "a@x.kr", "0");
	assert_int_equal(record_merge(&desc, NULL, 2, &stored, mine, out, st), 0);
	assert_string_equal(out[0], "이");
	assert_int_equal(record_merge(&desc, NULL, 1, &stored, mine, out, st), 1);
	assert_int_equal(st[0], MERGE_CONFLICT);
	assert_int_equal(st[2], MERGE_STORED);	/* the same value on both sides is no conflict */
	record_row_free(&stored);
}

static void
test_bad_digests(void **state)
{
	struct record_row stored;
	const char *out[3];
	enum merge_state st[3];
	const char *mine[3] = { "김", NULL, "1" };
	static const char *const bad[] = { "", "zz", "0123456.89abcdef.01234567", "01234567.89abcdef",
		"01234567.89abcdef.0123456g", "01234567.89abcdef.01234567.", "01234567-89abcdef-01234567" };
	size_t i;

	(void)state;
	row(&stored, 1, "김", NULL, "1");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(record_merge(&desc, bad[i], 1, &stored, mine, out, st), -1);
	record_row_free(&stored);
}

static void
test_digest(void **state)
{
	char a[RECORD_DIGEST_LEN + 1], b[RECORD_DIGEST_LEN + 1];

	(void)state;
	record_digest(NULL, a);
	record_digest("", b);
	assert_string_equal(a, b);		/* NULL and "" both mean none */
	record_digest("a@x.kr", b);
	assert_string_not_equal(a, b);
	assert_int_equal(strlen(b), RECORD_DIGEST_LEN);
}

/* Every description the portal lists has fields, labels and a write. */
static void
test_descs(void **state)
{
	const struct record_desc *const *d;
	int i;

	(void)state;
	for (d = record_descs; *d != NULL; d++) {
		assert_true((*d)->n >= 0 && (*d)->n <= RECORD_MAX_FIELDS);
		/* fields to edit need a stored row to merge against; a description without fields (a meeting's
		 * documents: files only) is only ever created */
		if ((*d)->n > 0)
			assert_non_null((*d)->load);
		else
			assert_null((*d)->load);
		for (i = 0; i < (*d)->n; i++)
			assert_true(strncmp((*d)->fields[i].label, "field", 5) == 0 || strchr((*d)->fields[i].label, '.'));
	}
	assert_ptr_not_equal(record_descs[0], NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_cases),
		cmocka_unit_test(test_conflict_page_unchanged),
		cmocka_unit_test(test_merge_without_digests),
		cmocka_unit_test(test_bad_digests),
		cmocka_unit_test(test_digest),
		cmocka_unit_test(test_descs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
