/*
 * test_render_kept.c - the fast render path gives the bytes of the reference path: every template,
 * with varied data, rendered with the shared language link and the thread's kept parse, and with a
 * private language copy and a fresh parse; also from several threads at once.
 *
 * The data comes from the templates themselves: every name a template (and what it includes) reads
 * is filled at random, lists get 0-3 rows with the fields their loops read, so each run takes the
 * templates' branches both ways.
 */
#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "view/cs.h"

#include "core/buf.h"
#include "view/render.h"

#define MAX_NAMES	512
#define MAX_TMPL	128
#define ROUNDS		80	/* varied data sets per template */
#define THREADS		4

/* What one template (with its includes) reads: root names, list names, fields read through loop variables. */
struct names {
	char	*root[MAX_NAMES];	/* Page.Title, TP.name_ko */
	size_t	 nroot;
	char	*list[MAX_NAMES];	/* Members, m.people (the part after a loop variable: people) */
	size_t	 nlist;
	char	*field[MAX_NAMES];	/* name_ko, people (read as m.name_ko) */
	size_t	 nfield;
};

static char		 template_dir[4096];
static char		*tmpl_name[MAX_TMPL];
static size_t		 ntmpl;

static const char *const values[] = {
	"", "0", "1", "2", "3", "7", "12", "100", "12345", "-1", "가나다", "충남테크노파크",
	"2026-12-01", "2026-12-01 09:30", "http://example.test/a?b=1&c=2", "<b>&\"'</b>", "a b c",
	"긴 글: 테크노파크는 지역 산업을 키웁니다. 두 번째 문장입니다.", "secretariat", "member_admin", "staff",
	"chungnam", "news", "notice", "ok",
};

static unsigned
rnd(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

static int
has(char *const *v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

static void
add(char **v, size_t *n, const char *s, size_t len)
{
	char *d = strndup(s, len);

	assert_non_null(d);
	if (*n == MAX_NAMES || has(v, *n, d)) {
		free(d);
		return;
	}
	v[(*n)++] = d;
}

static char *
read_template(const char *name)
{
	char path[8192];
	FILE *fp;
	char *text;
	long size;

	snprintf(path, sizeof(path), "%s/%s", template_dir, name);
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	assert_non_null(text = calloc(1, (size_t)size + 1));
	assert_int_equal(fread(text, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	return text;
}

/* One dotted name at p (length *len), or 0. */
static size_t
word_at(const char *p)
{
	size_t n = 0;

	while (isalnum((unsigned char)p[n]) || p[n] == '_' || p[n] == '.')
		n++;
	while (n > 0 && p[n - 1] == '.')
		n--;
	return n;
}

/* Collect the names read inside <?cs ... ?> of name and of what it includes (depth-limited). */
static void
harvest(const char *name, struct names *nm, int depth)
{
	char *text = read_template(name), *p, *end;

	if (text == NULL || depth > 4) {
		free(text);
		return;
	}
	for (p = strstr(text, "<?cs"); p != NULL; p = strstr(end, "<?cs")) {
		char *q;

		if ((end = strstr(p, "?>")) == NULL)
			break;
		for (q = p + 4; q < end; q++) {
			size_t n;
			const char *dot;

			if (q[0] == '"') {	/* a string: maybe an include */
				char *close = memchr(q + 1, '"', (size_t)(end - q - 1));

				if (close != NULL && close - q > 4 && strncmp(close - 3, ".cs", 3) == 0 &&
				    strncmp(p + 4 + strspn(p + 4, " "), "include", 7) == 0) {
					char inc[256];

					snprintf(inc, sizeof(inc), "%.*s", (int)(close - q - 1), q + 1);
					harvest(inc, nm, depth + 1);
				}
				q = close != NULL ? close : end;
				continue;
			}
			if (!(isalpha((unsigned char)q[0]) || q[0] == '_') ||
			    (q > p && (isalnum((unsigned char)q[-1]) || q[-1] == '_' || q[-1] == '.')))
				continue;
			n = word_at(q);
			dot = memchr(q, '.', n);
			if (isupper((unsigned char)q[0]) && !(q[0] == 'L' && q[1] == '.')) {
				add(nm->root, &nm->nroot, q, n);
			} else if (islower((unsigned char)q[0]) && dot != NULL) {
				/* x.field(.more): the field, read through a loop variable */
				const char *f = dot + 1;
				size_t flen = strcspn(f, ".");

				if ((size_t)(f - q) + flen > n)
					flen = n - (size_t)(f - q);
				add(nm->field, &nm->nfield, f, flen);
			}
			/* each:x = Y / loop targets: lists */
			if (q - p >= 5 && strncmp(q - 5, "each:", 5) == 0) {
				char *eq = strchr(q, '=');

				if (eq != NULL && eq < end) {
					char *t = eq + 1 + strspn(eq + 1, " ");
					size_t tn = word_at(t);
					const char *tdot = memchr(t, '.', tn);

					if (isupper((unsigned char)t[0]) && !(t[0] == 'L' && t[1] == '.'))
						add(nm->list, &nm->nlist, t, tn);
					else if (tdot != NULL)
						add(nm->list, &nm->nlist, tdot + 1, tn - (size_t)(tdot + 1 - t));
				}
			}
			q += n > 0 ? n - 1 : 0;
		}
	}
	free(text);
}

static void
names_free(struct names *nm)
{
	size_t i;

	for (i = 0; i < nm->nroot; i++)
		free(nm->root[i]);
	for (i = 0; i < nm->nlist; i++)
		free(nm->list[i]);
	for (i = 0; i < nm->nfield; i++)
		free(nm->field[i]);
}

static void
set(HDF *hdf, const char *name, const char *value)
{
	if (hdf_set_value(hdf, name, value) != STATUS_OK)
		fail_msg("hdf_set_value(%s)", name);
}

/* Rows under prefix: 0-3 of them, each with a random share of the fields; a field that is a list
 * name becomes a list of its own (one level deeper). */
static void
fill_rows(HDF *hdf, const char *prefix, const struct names *nm, unsigned *seed, int depth)
{
	unsigned rows = rnd(seed) % 4, r;
	char name[1024];
	size_t f;

	for (r = 0; r < rows; r++)
		for (f = 0; f < nm->nfield; f++) {
			if (rnd(seed) % 3 == 0)
				continue;
			snprintf(name, sizeof(name), "%s.%u.%s", prefix, r, nm->field[f]);
			if (depth < 2 && has(nm->list, nm->nlist, nm->field[f]) && rnd(seed) % 2)
				fill_rows(hdf, name, nm, seed, depth + 1);
			else
				set(hdf, name, values[rnd(seed) % (sizeof(values) / sizeof(values[0]))]);
		}
}

static void
fill(HDF *hdf, const struct names *nm, unsigned seed)
{
	size_t i;

	for (i = 0; i < nm->nroot; i++)
		if (rnd(&seed) % 5 < 3)
			set(hdf, nm->root[i], values[rnd(&seed) % (sizeof(values) / sizeof(values[0]))]);
	for (i = 0; i < nm->nlist; i++)
		if (isupper((unsigned char)nm->list[i][0]) && rnd(&seed) % 4 != 0)
			fill_rows(hdf, nm->list[i], nm, &seed, 0);
}

/* The reference bytes: a private language copy and a fresh parse. 0 or -1 (the template refused the data). */
static int
render_reference(const char *tmpl, const struct names *nm, unsigned seed, struct buf *out)
{
	HDF *hdf = render_hdf_new_copy();
	int rc;

	assert_non_null(hdf);
	fill(hdf, nm, seed);
	buf_reset(out);
	rc = render_template_reparse(hdf, tmpl, out);
	hdf_destroy(&hdf);
	return rc;
}

static int
render_fast(const char *tmpl, const struct names *nm, unsigned seed, struct buf *out)
{
	HDF *hdf = render_hdf_new();
	int rc;

	assert_non_null(hdf);
	fill(hdf, nm, seed);
	buf_reset(out);
	rc = render_template(hdf, tmpl, out);
	hdf_destroy(&hdf);
	return rc;
}

static void
assert_same(const char *tmpl, unsigned seed, int rc_a, const struct buf *a, int rc_b, const struct buf *b)
{
	if (rc_a != rc_b)
		fail_msg("%s seed %u: reference returned %d, fast path %d", tmpl, seed, rc_a, rc_b);
	if (a->len != b->len || (a->len > 0 && memcmp(a->data, b->data, a->len) != 0)) {
		size_t i = 0;

		while (i < a->len && i < b->len && a->data[i] == b->data[i])
			i++;
		fail_msg("%s seed %u: %zu vs %zu bytes, first difference at byte %zu: \"%.60s\" vs \"%.60s\"",
		    tmpl, seed, a->len, b->len, i, a->data + i, b->data + i);
	}
}

/* Every template, ROUNDS data sets: the same bytes both ways; each kept parse parsed once. */
static void
test_every_template_both_ways(void **state)
{
	struct buf a = { 0 }, b = { 0 };
	size_t t, rendered = 0, bytes = 0;
	unsigned r;

	(void)state;
	for (t = 0; t < ntmpl; t++) {
		struct names nm = { 0 };
		unsigned long before;
		size_t ok = 0;

		harvest(tmpl_name[t], &nm, 0);
		before = render_parse_count();
		for (r = 0; r < ROUNDS; r++) {
			unsigned seed = (unsigned)(t * 7919 + r * 104729 + 1);
			int ra = render_reference(tmpl_name[t], &nm, seed, &a);
			int rb = render_fast(tmpl_name[t], &nm, seed, &b);

			assert_same(tmpl_name[t], seed, ra, &a, rb, &b);
			rendered += ra == 0;
			ok += ra == 0;
			bytes += a.len;
		}
		/* the reference parses every time; the fast path once in all (or again after a failed render) */
		if (render_parse_count() - before < ok)
			fail_msg("%s: fewer parses than renders of the reference path", tmpl_name[t]);
		names_free(&nm);
	}
	print_message("%zu templates, %zu renders compared, %zu bytes\n", ntmpl, rendered, bytes);
	/* most renders succeed: the data is not so wrong that every page fails (which would compare nothing) */
	assert_true(rendered > ntmpl * ROUNDS * 3 / 4);
	buf_free(&a);
	buf_free(&b);
}

/* A kept parse is parsed once per thread: a hundred renders of a page cost one parse. */
static void
test_parsed_once(void **state)
{
	struct names nm = { 0 };
	struct buf out = { 0 };
	unsigned long before;
	unsigned r;

	(void)state;
	harvest("home.cs", &nm, 0);
	assert_int_equal(render_fast("home.cs", &nm, 1, &out), 0);
	before = render_parse_count();
	for (r = 0; r < 100; r++)
		assert_int_equal(render_fast("home.cs", &nm, r + 2, &out), 0);
	assert_int_equal(render_parse_count(), before);
	for (r = 0; r < 3; r++)
		assert_int_equal(render_reference("home.cs", &nm, r, &out), 0);
	assert_int_equal(render_parse_count(), before + 3);
	names_free(&nm);
	buf_free(&out);
}

/* The language is shared, never written: render_set refuses names under L., and every HDF reads the same text. */
static void
test_language_shared_read_only(void **state)
{
	HDF *a = render_hdf_new(), *b = render_hdf_new(), *c = render_hdf_new_copy();

	(void)state;
	assert_string_equal(hdf_get_value(a, "L.site.name", ""), "한국테크노파크진흥회");
	assert_string_equal(hdf_get_value(c, "L.site.name", ""), "한국테크노파크진흥회");
	assert_int_equal(render_set(a, "changed", "L.site.name"), -1);
	assert_int_equal(render_set(a, "changed", "L"), -1);
	assert_string_equal(hdf_get_value(b, "L.site.name", ""), "한국테크노파크진흥회");
	/* names that only start with L are ordinary */
	assert_int_equal(render_set(a, "x", "Lists.0.a"), 0);
	assert_string_equal(hdf_get_value(a, "Lists.0.a", ""), "x");
	hdf_destroy(&a);
	hdf_destroy(&b);
	hdf_destroy(&c);
	assert_non_null(a = render_hdf_new());
	assert_string_equal(hdf_get_value(a, "L.site.name", ""), "한국테크노파크진흥회");
	hdf_destroy(&a);
}

/* A kept page holds markers for the reader's name and form token; filled in, it is the page rendered
 * with them: the same escaping, byte for byte (names with markup, quotes, Hangul). */
static void
test_slots_filled_as_rendered(void **state)
{
	static const char *const names[] = {
		"홍길동", "</title><script>alert(1)</script>\"'&<img src=x onerror=alert(2)>", "a&b", "", "'\"",
	};
	struct names nm = { 0 };
	struct buf want = { 0 }, kept = { 0 }, got = { 0 };
	size_t i, t;

	(void)state;
	for (t = 0; t < ntmpl; t++) {
		harvest(tmpl_name[t], &nm, 0);
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			HDF *a = render_hdf_new(), *b = render_hdf_new();
			struct render_slot slots[2] = { { "tpSlotName7f3a9c", names[i] }, { "tpSlotCsrf7f3a9c", "0f9e8d" } };
			int ra, rb;

			fill(a, &nm, (unsigned)(t + i));
			fill(b, &nm, (unsigned)(t + i));
			set(a, "User.name", names[i]);
			set(a, "User.csrf", "0f9e8d");
			set(a, "User.login", "x");
			set(b, "User.name", slots[0].marker);
			set(b, "User.csrf", slots[1].marker);
			set(b, "User.login", "x");
			buf_reset(&want);
			buf_reset(&kept);
			buf_reset(&got);
			ra = render_template(a, tmpl_name[t], &want);
			rb = render_template(b, tmpl_name[t], &kept);
			hdf_destroy(&a);
			hdf_destroy(&b);
			assert_int_equal(ra, rb);
			if (ra != 0)
				continue;
			assert_int_equal(render_fill_slots(kept.data, kept.len, slots, 2, &got), 0);
			assert_same(tmpl_name[t], (unsigned)i, 0, &want, 0, &got);
		}
		names_free(&nm);
		memset(&nm, 0, sizeof(nm));
	}
	buf_free(&want);
	buf_free(&kept);
	buf_free(&got);
}

/* Several threads render all templates at once (each with its own kept parses, one shared language
 * tree): every page equals the reference bytes made beforehand on this thread. */
struct job {
	struct names	*nm;
	struct buf	*want;	/* [ntmpl * 4] */
	int		*want_rc;
	int		 offset;
	int		 failures;
};

static void *
worker(void *arg)
{
	struct job *j = arg;
	struct buf out = { 0 };
	size_t t;
	unsigned r;

	for (r = 0; r < 4; r++)
		for (t = 0; t < ntmpl; t++) {
			size_t k = ((t + (size_t)j->offset) % ntmpl) * 4 + r;
			size_t tt = k / 4;
			HDF *hdf = render_hdf_new();
			int rc;

			fill(hdf, &j->nm[tt], (unsigned)(k + 99));
			buf_reset(&out);
			rc = render_template(hdf, tmpl_name[tt], &out);
			hdf_destroy(&hdf);
			if (rc != j->want_rc[k] || out.len != j->want[k].len ||
			    (out.len > 0 && memcmp(out.data, j->want[k].data, out.len) != 0))
				j->failures++;
		}
	render_thread_end();
	buf_free(&out);
	return NULL;
}

static void
test_threads(void **state)
{
	struct names *nm = calloc(ntmpl, sizeof(*nm));
	struct buf *want = calloc(ntmpl * 4, sizeof(*want));
	int *want_rc = calloc(ntmpl * 4, sizeof(*want_rc));
	struct job jobs[THREADS];
	pthread_t tid[THREADS];
	size_t t, k;
	int i;

	(void)state;
	assert_non_null(nm);
	assert_non_null(want);
	assert_non_null(want_rc);
	for (t = 0; t < ntmpl; t++)
		harvest(tmpl_name[t], &nm[t], 0);
	for (k = 0; k < ntmpl * 4; k++)
		want_rc[k] = render_reference(tmpl_name[k / 4], &nm[k / 4], (unsigned)(k + 99), &want[k]);
	for (i = 0; i < THREADS; i++) {
		jobs[i] = (struct job){ nm, want, want_rc, i * 7, 0 };
		assert_int_equal(pthread_create(&tid[i], NULL, worker, &jobs[i]), 0);
	}
	for (i = 0; i < THREADS; i++) {
		pthread_join(tid[i], NULL);
		if (jobs[i].failures != 0)
			fail_msg("thread %d: %d pages differ from the reference", i, jobs[i].failures);
	}
	for (t = 0; t < ntmpl; t++)
		names_free(&nm[t]);
	for (k = 0; k < ntmpl * 4; k++)
		buf_free(&want[k]);
	free(nm);
	free(want);
	free(want_rc);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
group_setup(void **state)
{
	const char *dir = getenv("TP_TEMPLATE_DIR");
	struct dirent *de;
	DIR *d;

	(void)state;
	snprintf(template_dir, sizeof(template_dir), "%s", dir != NULL ? dir : "templates");
	nerr_init();
	if (render_init(template_dir, "ko") != 0 || (d = opendir(template_dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL && ntmpl < MAX_TMPL) {
		size_t n = strlen(de->d_name);

		if (n > 3 && strcmp(de->d_name + n - 3, ".cs") == 0)
			tmpl_name[ntmpl++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(tmpl_name, ntmpl, sizeof(tmpl_name[0]), by_name);
	return ntmpl > 0 ? 0 : -1;
}

static int
group_teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ntmpl; i++)
		free(tmpl_name[i]);
	render_shutdown();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_language_shared_read_only),
		cmocka_unit_test(test_parsed_once),
		cmocka_unit_test(test_every_template_both_ways),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_slots_filled_as_rendered),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
