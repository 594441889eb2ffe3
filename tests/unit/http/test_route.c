/* test_route.c - unit tests for route.c: the route table's invariants, matching, and the dispatcher's 4xx/503 answers without a database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "view/cs.h"

#include "core/buf.h"
#include "core/conf.h"
#include "store/db.h"
#include "view/render.h"
#include "http/request.h"
#include "http/route.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MAX_SPEC	64	/* a param_spec array longer than this has lost its NULL end */

/* ---- table invariants ---- */

/* Every pattern starts with '/', every segment is a literal or exactly {slug} / {id}. */
static void
test_table_patterns(void **state)
{
	size_t i;

	(void)state;
	assert_true(route_count > 0);
	for (i = 0; i < route_count; i++) {
		const char *p = route_table[i].pattern, *seg;

		assert_non_null(p);
		if (p[0] != '/')
			fail_msg("route %zu: pattern \"%s\" does not start with '/'", i, p);
		for (seg = p; *seg == '/'; ) {
			size_t len = strcspn(seg + 1, "/");
			const char *open = memchr(seg + 1, '{', len), *close = memchr(seg + 1, '}', len);

			if ((open != NULL || close != NULL) &&
			    !(len == 6 && memcmp(seg + 1, "{slug}", 6) == 0) &&
			    !(len == 4 && memcmp(seg + 1, "{id}", 4) == 0))
				fail_msg("route %zu: pattern \"%s\" has a placeholder that is not {slug} or {id}", i, p);
			seg += 1 + len;
		}
		if (*seg != '\0')
			fail_msg("route %zu: pattern \"%s\" is not made of /segments", i, p);
	}
}

static void
test_table_handlers_samples(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < route_count; i++) {
		const struct route *r = &route_table[i];

		if (r->handler == NULL)
			fail_msg("route %s: no handler", r->pattern);
		if (r->sample == NULL || r->sample[0] != '/')
			fail_msg("route %s: no sample URL", r->pattern);
		if (r->methods == 0 || (r->methods & ~(unsigned)(M_GET | M_HEAD | M_POST)) != 0)
			fail_msg("route %s: methods %#x", r->pattern, r->methods);
		if (r->access != ACC_OPEN && r->access != ACC_PUBLIC && r->access != ACC_LOGIN &&
		    r->access != ACC_MEMBER_ADMIN && r->access != ACC_SECRETARIAT && r->access != ACC_COMMITTEE)
			fail_msg("route %s: access %d", r->pattern, (int)r->access);
	}
}

/* No two routes share pattern and a method: the second would never run. */
static void
test_table_unique(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < route_count; i++)
		for (j = i + 1; j < route_count; j++)
			if (strcmp(route_table[i].pattern, route_table[j].pattern) == 0 &&
			    (route_table[i].methods & route_table[j].methods) != 0)
				fail_msg("routes %zu and %zu: same pattern %s and method", i, j, route_table[i].pattern);
}

/* The number of {placeholders} in pattern. */
static int
placeholders(const char *pattern)
{
	int n = 0;

	for (; *pattern != '\0'; pattern++)
		n += *pattern == '{';
	return n;
}

/*
 * Every route that takes uploads has a form page in route_forms (an upload refused busy comes back
 * there with what was typed): a POST route of the table that takes files, and a GET route of the
 * table with no more captures, so its handler finds what it reads; and route_has_form finds it.
 */
/* pattern with each {placeholder} as 101: a path the pattern matches. */
static const char *
concrete(const char *pattern, char *out, size_t size)
{
	size_t n = 0;

	for (; *pattern != '\0' && n + 4 < size; pattern++)
		if (*pattern == '{') {
			memcpy(out + n, "101", 3);
			n += 3;
			while (*pattern != '\0' && *pattern != '}')
				pattern++;
		} else
			out[n++] = *pattern;
	out[n] = '\0';
	return out;
}

static void
test_table_upload_forms(void **state)
{
	size_t i, j, k, uploads = 0;
	char path[200];

	(void)state;
	for (i = 0; i < route_count; i++) {
		const struct route *r = &route_table[i];

		if (!(r->methods & M_POST) || route_spec_files(r) == 0)
			continue;
		uploads++;
		for (k = 0; route_forms[k].post != NULL && strcmp(route_forms[k].post, r->pattern) != 0; k++)
			;
		if (route_forms[k].post == NULL)
			fail_msg("%s takes uploads but has no form page in route_forms", r->pattern);
		for (j = 0; j < route_count; j++)
			if ((route_table[j].methods & M_GET) && strcmp(route_table[j].pattern, route_forms[k].form) == 0)
				break;
		if (j == route_count)
			fail_msg("route_forms: %s: no GET route %s", r->pattern, route_forms[k].form);
		assert_true(placeholders(route_forms[k].form) <= placeholders(r->pattern));
		assert_true(route_has_form(concrete(r->pattern, path, sizeof(path))));
	}
	assert_true(uploads >= 3);
	assert_false(route_has_form("/admin/people/101"));
}

/*
 * Every route that takes POST has a CSRF rule (CSRF_ORIGIN or CSRF_TOKEN); a route for signed-in
 * users has a session, so it checks the token, not only the Origin; a route without POST has none.
 */
static void
test_table_post_needs_csrf(void **state)
{
	size_t i, walked = 0;

	(void)state;
	for (i = 0; i < route_count; i++, walked++) {
		const struct route *r = &route_table[i];

		if (!(r->methods & M_POST)) {
			if (r->csrf != CSRF_NONE)
				fail_msg("route %s: csrf %d on a route without POST", r->pattern, r->csrf);
			continue;
		}
		/* The one exception: RFC 8058's one-click unsubscribe is POSTed by mail clients with no Origin
		 * and no session; its unguessable token in the path is its credential (issue 15). */
		if (r->csrf == CSRF_NONE && strcmp(r->pattern, "/unsubscribe/{slug}") == 0 && r->access == ACC_OPEN)
			continue;
		if (r->csrf != CSRF_ORIGIN && r->csrf != CSRF_TOKEN)
			fail_msg("route %s takes POST with csrf %d", r->pattern, r->csrf);
		if (r->access != ACC_OPEN && r->access != ACC_PUBLIC && r->csrf != CSRF_TOKEN)
			fail_msg("route %s: POST for signed-in users without the session token check", r->pattern);
	}
	assert_int_equal(walked, route_count);
}

/* Every param_spec array ends with a NULL name; each entry makes sense for its type; no key twice. */
static void
test_table_param_specs(void **state)
{
	size_t i, n, k;

	(void)state;
	for (i = 0; i < route_count; i++) {
		const struct param_spec *sp = route_table[i].params;

		if (sp == NULL)
			continue;
		for (n = 0; n < MAX_SPEC && sp[n].name != NULL; n++) {
			const struct param_spec *s = &sp[n];

			for (k = 0; k < n; k++)
				if (strcmp(sp[k].name, s->name) == 0)
					fail_msg("route %s: key %s twice", route_table[i].pattern, s->name);
			if (s->flags & ~(PF_REPEAT | PF_TYPED))
				fail_msg("route %s: %s has unknown flags %#x", route_table[i].pattern, s->name, s->flags);
			/* typed values are set aside on GET only: a form (POST) stays strict */
			if ((s->flags & PF_TYPED) && (route_table[i].methods & M_POST))
				fail_msg("route %s: PF_TYPED key %s on a POST route", route_table[i].pattern, s->name);
			switch (s->type) {
			case PT_INT:
			case PT_TEXT:
				if (s->min > s->max)
					fail_msg("route %s: %s min > max", route_table[i].pattern, s->name);
				break;
			case PT_SLUG:
				if (s->max <= 0)
					fail_msg("route %s: slug %s without max", route_table[i].pattern, s->name);
				break;
			case PT_ENUM:
				if (s->words == NULL || s->words[0] == NULL)
					fail_msg("route %s: enum %s without words", route_table[i].pattern, s->name);
				for (k = 0; k < MAX_SPEC && s->words[k] != NULL; k++)
					;
				if (k == MAX_SPEC)
					fail_msg("route %s: enum %s words not NULL-terminated", route_table[i].pattern, s->name);
				break;
			case PT_FILE:	/* an upload key: max is how many files it takes */
				if (s->max <= 0 || !(route_table[i].methods & M_POST))
					fail_msg("route %s: file key %s without max or not on POST", route_table[i].pattern, s->name);
				break;
			default:
				fail_msg("route %s: %s has type %d", route_table[i].pattern, s->name, (int)s->type);
			}
		}
		if (n == MAX_SPEC)
			fail_msg("route %s: param_spec does not end with a NULL name", route_table[i].pattern);
	}
}

/* ---- route_match ---- */

/* The first method of r, to ask for it. */
static enum method
first_method(const struct route *r)
{
	if (r->methods & M_GET)
		return M_GET;
	if (r->methods & M_HEAD)
		return M_HEAD;
	return M_POST;
}

/*
 * The path part of a sample, with each "{name}" (a record the integration tests look up, e.g.
 * "/admin/people/{person}") replaced by "1", which fits both {id} and {slug}.
 */
static void
sample_path(const char *sample, size_t len, char *out, size_t size)
{
	size_t i, j = 0;

	for (i = 0; i < len && j + 1 < size; i++) {
		const char *close;

		if (sample[i] == '{' && (close = memchr(sample + i, '}', len - i)) != NULL) {
			out[j++] = '1';
			i = (size_t)(close - sample);
		} else {
			out[j++] = sample[i];
		}
	}
	out[j] = '\0';
}

/* Every sample's path matches its own route, and its query passes the route's spec. */
static void
test_samples_match_own_route(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < route_count; i++) {
		const struct route *r = &route_table[i], *got;
		struct request rq = { 0 };
		struct params p = { 0 };
		const char *q = strchr(r->sample, '?'), *bad = NULL;
		char path[256];
		unsigned methods = 99;
		size_t plen = q != NULL ? (size_t)(q - r->sample) : strlen(r->sample);

		assert_true(plen < sizeof(path));
		sample_path(r->sample, plen, path, sizeof(path));
		rq.method = first_method(r);
		got = route_match(path, &rq, &methods);
		if (got != r)
			fail_msg("sample %s of %s matched %s", r->sample, r->pattern, got ? got->pattern : "nothing");
		assert_int_equal(methods & r->methods, r->methods);
		if (q != NULL) {
			assert_int_equal(request_parse_urlencoded(q + 1, strlen(q + 1), &p), 0);
			if (request_check_params(&p, r->params, &bad) != 0)
				fail_msg("sample %s: parameter %s refused by its own route", r->sample, bad);
		}
		/* a method no route takes is never matched, but the path's methods are still told */
		rq.method = M_OTHER;
		assert_null(route_match(path, &rq, &methods));
		assert_int_equal(methods & r->methods, r->methods);
		params_free(&p);
		request_free(&rq);
	}
}

static const struct {
	const char	*path;
	const char	*pattern;
	size_t		 nargs;
	const char	*arg0;
} matches[] = {
	{ "/",				"/",			0, NULL },
	{ "/members",			"/members",		0, NULL },
	{ "/members/chungnam",		"/members/{slug}",	1, "chungnam" },
	{ "/members/a",			"/members/{slug}",	1, "a" },
	{ "/members/0-9",		"/members/{slug}",	1, "0-9" },
	{ "/members/gyeong-gi",		"/members/{slug}",	1, "gyeong-gi" },
	/* 40 bytes: the longest slug */
	{ "/members/abcdefghijabcdefghijabcdefghijabcdefghij", "/members/{slug}", 1,
	  "abcdefghijabcdefghijabcdefghijabcdefghij" },
	{ "/people",			"/people",		0, NULL },
	{ "/about",			"/about",		0, NULL },
	{ "/healthz",			"/healthz",		0, NULL },
};

static void
test_match_captures(void **state)
{
	struct request rq = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(matches); i++) {
		const struct route *r;
		unsigned methods = 0;

		rq.method = M_GET;
		r = route_match(matches[i].path, &rq, &methods);
		if (r == NULL)
			fail_msg("\"%s\": no match, want %s", matches[i].path, matches[i].pattern);
		assert_string_equal(r->pattern, matches[i].pattern);
		assert_int_equal(methods, M_GET | M_HEAD);
		if (rq.nargs != matches[i].nargs)
			fail_msg("\"%s\": %zu captures, want %zu", matches[i].path, rq.nargs, matches[i].nargs);
		if (matches[i].arg0 != NULL)
			assert_string_equal(rq.args[0], matches[i].arg0);
	}
	request_free(&rq);
}

/* None of these match any route, for any method, and no route's methods are offered either. */
static const char *const no_matches[] = {
	"/members/",
	"/members/Chungnam",
	"/members/-x",
	"/members/x-",
	"/members/-",
	"/members/a/b",
	"/members/a/",
	"/members/%EC%B6%A9",
	"/members/\xEC\xB6\xA9",
	"/members/a_b",
	"/members/a.b",
	"/members/a b",
	"/members/abcdefghijabcdefghijabcdefghijabcdefghijk",	/* 41 bytes */
	"//members",
	"/members//",
	"/members/../etc",
	"/members/..",
	"/Members",
	"/members.",
	"/about/",
	"/healthz/x",
	"//",
	"",
	"members",
	"/nope",
};

static void
test_no_match(void **state)
{
	static const enum method ms[] = { M_GET, M_HEAD, M_POST, M_OTHER };
	struct request rq = { 0 };
	size_t i, k;

	(void)state;
	for (i = 0; i < NELEM(no_matches); i++) {
		for (k = 0; k < NELEM(ms); k++) {
			const struct route *r;
			unsigned methods = 99;

			rq.method = ms[k];
			r = route_match(no_matches[i], &rq, &methods);
			if (r != NULL)
				fail_msg("\"%s\" matched %s", no_matches[i], r->pattern);
			if (methods != 0)
				fail_msg("\"%s\": methods %#x, want 0", no_matches[i], methods);
		}
	}
	request_free(&rq);
}

/* The pattern matched but not the method: NULL, and the methods the path does take (for 405/Allow). */
static void
test_match_405(void **state)
{
	struct request rq = { 0 };
	unsigned methods = 0;

	(void)state;
	rq.method = M_POST;
	assert_null(route_match("/members", &rq, &methods));
	assert_int_equal(methods, M_GET | M_HEAD);
	assert_true(methods & M_GET);
	methods = 0;
	assert_null(route_match("/members/chungnam", &rq, &methods));
	assert_int_equal(methods, M_GET | M_HEAD);
	rq.method = M_HEAD;
	assert_non_null(route_match("/members", &rq, &methods));
	assert_int_equal(methods, M_GET | M_HEAD);
	methods = 99;
	assert_null(route_match("/unknown", &rq, &methods));
	assert_int_equal(methods, 0);
	request_free(&rq);
}

/* A second match on the same request replaces the captures, it does not keep the old ones. */
static void
test_match_twice(void **state)
{
	struct request rq = { 0 };
	unsigned methods;

	(void)state;
	rq.method = M_GET;
	assert_non_null(route_match("/members/chungnam", &rq, &methods));
	assert_int_equal(rq.nargs, 1);
	assert_non_null(route_match("/members/jeju", &rq, &methods));
	assert_int_equal(rq.nargs, 1);
	assert_string_equal(rq.args[0], "jeju");
	assert_non_null(route_match("/", &rq, &methods));
	assert_int_equal(rq.nargs, 0);
	request_free(&rq);
}

/* pattern with every {id} replaced by id and every {slug} by slug. */
static void
fill_pattern(const char *pattern, const char *id, const char *slug, char *out, size_t size)
{
	const char *p = pattern;

	out[0] = '\0';
	while (*p != '\0') {
		if (strncmp(p, "{id}", 4) == 0) {
			strncat(out, id, size - strlen(out) - 1);
			p += 4;
		} else if (strncmp(p, "{slug}", 6) == 0) {
			strncat(out, slug, size - strlen(out) - 1);
			p += 6;
		} else {
			strncat(out, p, 1);
			p++;
		}
	}
}

static const char *const good_ids[] = { "1", "9", "10", "4096", "999999999" };
static const char *const bad_ids[] = {
	"", "0", "00", "01", "1234567890", "-1", "+1", "1a", "a", " 1", "1 ", "1.0", "0x1", "%31", "\xD9\xA1",
};
static const char *const good_slugs[] = { "a", "1", "chungnam", "0-9", "a-b-c",
	"abcdefghijabcdefghijabcdefghijabcdefghij" };
static const char *const bad_slugs[] = {
	"", "A", "Chungnam", "-a", "a-", "-", "a_b", "a.b", "a b", "%41", "..", "\xEC\xB6\xA9",
	"abcdefghijabcdefghijabcdefghijabcdefghijk",
};

/* 1 when path matches a route with this pattern, for the pattern's first route's method. */
static int
matches_pattern(const char *path, const struct route *r)
{
	struct request rq = { 0 };
	const struct route *got;
	unsigned methods;
	int same;

	rq.method = first_method(r);
	got = route_match(path, &rq, &methods);
	same = got != NULL && strcmp(got->pattern, r->pattern) == 0;
	if (same && got->methods & rq.method && rq.nargs == 0 && strchr(r->pattern, '{') != NULL)
		same = -1;	/* a capture pattern must capture */
	request_free(&rq);
	return same;
}

/* Every {id} and {slug} of every route takes exactly its own shapes. */
static void
test_placeholders(void **state)
{
	char path[256];
	size_t i, k;

	(void)state;
	for (i = 0; i < route_count; i++) {
		const struct route *r = &route_table[i];

		if (strchr(r->pattern, '{') == NULL)
			continue;
		for (k = 0; k < NELEM(good_ids); k++) {
			fill_pattern(r->pattern, good_ids[k], "a", path, sizeof(path));
			if (strstr(r->pattern, "{id}") != NULL && matches_pattern(path, r) != 1)
				fail_msg("%s: id \"%s\" (%s) refused", r->pattern, good_ids[k], path);
		}
		for (k = 0; k < NELEM(bad_ids); k++) {
			fill_pattern(r->pattern, bad_ids[k], "a", path, sizeof(path));
			if (strstr(r->pattern, "{id}") != NULL && matches_pattern(path, r) != 0)
				fail_msg("%s: id \"%s\" (%s) accepted", r->pattern, bad_ids[k], path);
		}
		for (k = 0; k < NELEM(good_slugs); k++) {
			fill_pattern(r->pattern, "1", good_slugs[k], path, sizeof(path));
			if (strstr(r->pattern, "{slug}") != NULL && matches_pattern(path, r) != 1)
				fail_msg("%s: slug \"%s\" (%s) refused", r->pattern, good_slugs[k], path);
		}
		for (k = 0; k < NELEM(bad_slugs); k++) {
			fill_pattern(r->pattern, "1", bad_slugs[k], path, sizeof(path));
			if (strstr(r->pattern, "{slug}") != NULL && matches_pattern(path, r) != 0)
				fail_msg("%s: slug \"%s\" (%s) accepted", r->pattern, bad_slugs[k], path);
		}
	}
}

/* ---- route_list ---- */

/* "GET,HEAD", "POST", "GET,HEAD,POST": the method names of m joined with ','. */
static void
method_names(unsigned m, char *out, size_t size)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ M_GET, "GET" }, { M_HEAD, "HEAD" }, { M_POST, "POST" },
	};
	size_t i;

	out[0] = '\0';
	for (i = 0; i < NELEM(names); i++) {
		if (!(m & names[i].bit))
			continue;
		if (out[0] != '\0')
			strncat(out, ",", size - strlen(out) - 1);
		strncat(out, names[i].name, size - strlen(out) - 1);
	}
}

static void
test_route_list(void **state)
{
	static const char *const access_names[] = { "open", "public", "login", "member_admin", "secretariat", "committee" };
	char *text = NULL, *line, *save = NULL;
	size_t len = 0, n = 0;
	FILE *fp;

	(void)state;
	assert_non_null(fp = open_memstream(&text, &len));
	route_list(fp);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(text);
	assert_true(len > 0);
	assert_int_equal(text[len - 1], '\n');
	assert_true(strncmp(text, "GET,HEAD\t/\tpublic\t/\n", 20) == 0);
	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save), n++) {
		const struct route *r;
		char *f[5], *s = line, want[32];
		size_t k = 0;

		assert_true(n < route_count);
		r = &route_table[n];
		while (k < 5 && (f[k] = strsep(&s, "\t")) != NULL)
			k++;
		if (k != 4)
			fail_msg("route_list line %zu \"%s\": %zu fields, want 4", n, line, k);
		method_names(r->methods, want, sizeof(want));
		assert_string_equal(f[0], want);
		assert_string_equal(f[1], r->pattern);
		assert_true((size_t)r->access < NELEM(access_names));
		assert_string_equal(f[2], access_names[r->access]);
		assert_string_equal(f[3], r->sample);
	}
	assert_int_equal(n, route_count);
	free(text);
}

/* ---- route_dispatch without a database ---- */

struct fixture {
	struct conf	 conf;
	struct db	*db;
	HDF		*hdf;
	struct request	 rq;
};

static int
group_setup(void **state)
{
	const char *dir = getenv("TP_TEMPLATE_DIR");

	(void)state;
	if (dir == NULL) {
		fprintf(stderr, "TP_TEMPLATE_DIR is not set (make check sets it)\n");
		return -1;
	}
	nerr_init();
	return render_init(dir, "ko");
}

static int
group_teardown(void **state)
{
	(void)state;
	render_shutdown();
	return 0;
}

static int
fx_setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char sock[128];

	if (f == NULL)
		return -1;
	conf_defaults(&f->conf);
	/* a folder that does not exist: connect fails at once with ENOENT, nothing reaches a real server */
	snprintf(sock, sizeof(sock), "/tmp/tpportal-test-route-%ld-none/mysqld.sock", (long)getpid());
	free(f->conf.db_socket);
	if ((f->conf.db_socket = strdup(sock)) == NULL)
		return -1;
	if ((f->db = db_new(&f->conf)) == NULL || (f->hdf = render_hdf_new()) == NULL)
		return -1;
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fixture *f = *state;

	request_free(&f->rq);
	hdf_destroy(&f->hdf);
	db_free(f->db);
	conf_free(&f->conf);
	free(f);
	return 0;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct dispatch_case {
	enum method	 method;
	const char	*method_name;
	const char	*path;
	const char	*query;
	const char	*content_type;	/* POST only */
	const char	*body;		/* POST only; NULL: none */
	int		 status;
	unsigned	 allowed;	/* rq->allowed_methods */
	const char	*param;		/* rq->error_detail and Error.Param; NULL: none */
};

#define GH	(M_GET | M_HEAD)
#define FORM	"application/x-www-form-urlencoded"

/* Fill a fresh f->rq, HDF and connection handle for c and dispatch it; the time it took goes to *secs. */
static int
dispatch(struct fixture *f, const struct dispatch_case *c, double *secs)
{
	double t0;
	int status;

	request_free(&f->rq);
	memset(&f->rq, 0, sizeof(f->rq));
	hdf_destroy(&f->hdf);
	assert_non_null(f->hdf = render_hdf_new());
	f->rq.method = c->method;
	f->rq.method_name = c->method_name;
	assert_non_null(f->rq.path = strdup(c->path));
	f->rq.query = c->query;
	f->rq.content_type = c->content_type;
	if (c->body != NULL) {
		f->rq.body_len = strlen(c->body);
		assert_non_null(f->rq.body = strdup(c->body));
	}
	f->rq.origin = f->conf.base_url;	/* our own Origin: CSRF is not what these cases test */
	f->rq.conf = &f->conf;
	f->rq.db = f->db;
	t0 = now_s();
	status = route_dispatch(&f->rq, f->hdf);
	*secs = now_s() - t0;
	return status;
}

/* Check the error page data route_dispatch left for c. */
static void
check_error_answer(struct fixture *f, const struct dispatch_case *c, int status, double secs)
{
	char want[16];
	const char *v;

	if (status != c->status)
		fail_msg("%s %s?%s: status %d, want %d", c->method_name, c->path, c->query, status, c->status);
	if (secs > 1.0)
		fail_msg("%s %s: took %.2f s with the database away", c->method_name, c->path, secs);
	assert_non_null(f->rq.tmpl);
	assert_string_equal(f->rq.tmpl, "error.cs");
	if (f->rq.allowed_methods != c->allowed)
		fail_msg("%s %s: allowed %#x, want %#x", c->method_name, c->path, f->rq.allowed_methods, c->allowed);
	snprintf(want, sizeof(want), "%d", c->status);
	assert_string_equal(hdf_get_value(f->hdf, "Error.Status", ""), want);
	assert_string_equal(hdf_get_value(f->hdf, "Page.Path", ""), c->path);
	assert_int_equal(f->rq.raw.len, 0);
	assert_null(f->rq.location);
	v = hdf_get_value(f->hdf, "Error.Param", NULL);
	if (c->param == NULL) {
		if (f->rq.error_detail != NULL || v != NULL)
			fail_msg("%s %s?%s: error_detail %s, want none", c->method_name, c->path, c->query,
			    f->rq.error_detail);
	} else {
		if (f->rq.error_detail == NULL || v == NULL)
			fail_msg("%s %s?%s: no error_detail, want %s", c->method_name, c->path, c->query, c->param);
		assert_string_equal(f->rq.error_detail, c->param);
		assert_string_equal(v, c->param);
	}
	/* a failed connect must not leave the handle looking usable */
	assert_int_equal(db_err(f->db), TP_EGONE);
}

/* Answers that need no database, and 503 for requests that would need it. */
static const struct dispatch_case dispatches[] = {
	/* no pattern matched */
	{ M_GET,   "GET",    "/nope",			"",		NULL, NULL,	404, 0, NULL },
	{ M_GET,   "GET",    "/members/",		"",		NULL, NULL,	404, 0, NULL },
	{ M_GET,   "GET",    "/members/Chungnam",	"",		NULL, NULL,	404, 0, NULL },
	{ M_GET,   "GET",    "/members/../etc",		"",		NULL, NULL,	404, 0, NULL },
	{ M_GET,   "GET",    "",			"",		NULL, NULL,	404, 0, NULL },
	{ M_POST,  "POST",   "/nope",			"",		NULL, NULL,	404, 0, NULL },
	{ M_GET,   "GET",    "/nope",			"sort=evil",	NULL, NULL,	404, 0, NULL },
	/* pattern matched, method not taken */
	{ M_POST,  "POST",   "/members",		"",		NULL, NULL,	405, GH, NULL },
	{ M_POST,  "POST",   "/",			"",		NULL, NULL,	405, GH, NULL },
	{ M_POST,  "POST",   "/members/chungnam",	"",		NULL, NULL,	405, GH, NULL },
	{ M_OTHER, "PUT",    "/about",			"",		NULL, NULL,	405, GH, NULL },
	{ M_OTHER, "DELETE", "/healthz",		"",		NULL, NULL,	405, GH, NULL },
	{ M_POST,  "POST",   "/members",		"sort=evil",	NULL, NULL,	405, GH, NULL },
	/* malformed query or body: refused before anything else */
	{ M_GET,   "GET",    "/members",		"region=%ZZ",	NULL, NULL,	400, GH, "region" },
	{ M_GET,   "GET",    "/members",		"region=%00",	NULL, NULL,	400, GH, "region" },
	{ M_GET,   "GET",    "/members",		"region=%C0%AF", NULL, NULL,	400, GH, "region" },
	{ M_GET,   "GET",    "/members",		"=x",		NULL, NULL,	400, GH, NULL },
	{ M_GET,   "GET",    "/",			"%",		NULL, NULL,	400, GH, "%" },
	/* POST: the form is the body, never the query; only urlencoded bodies */
	{ M_POST,  "POST",   "/login",			"x=1",		FORM, "login=a", 400, GH | M_POST, NULL },
	{ M_POST,  "POST",   "/login",			"",		"text/plain", "login=a", 415, GH | M_POST, NULL },
	{ M_POST,  "POST",   "/login",			"",		"multipart/form-data; boundary=x", "--x--", 415,
													GH | M_POST, NULL },
	{ M_POST,  "POST",   "/login",			"",		NULL, "login=a", 415, GH | M_POST, NULL },
	{ M_POST,  "POST",   "/login",			"",		FORM, "login=%ZZ", 400, GH | M_POST, "login" },
	{ M_POST,  "POST",   "/login",			"",		FORM, "a=%00", 400, GH | M_POST, "a" },
	/* POST-only routes */
	{ M_GET,   "GET",    "/logout",			"",		NULL, NULL,	405, M_POST, NULL },
	{ M_HEAD,  "HEAD",   "/logout",			"",		NULL, NULL,	405, M_POST, NULL },
	{ M_GET,   "GET",    "/admin/people/1/delete",	"",		NULL, NULL,	405, M_POST, NULL },
	{ M_POST,  "POST",   "/admin/people/0/delete",	"",		FORM, "",	404, 0, NULL },
	/* a valid request, but the database is away */
	{ M_GET,   "GET",    "/",			"",		NULL, NULL,	503, GH, NULL },
	{ M_HEAD,  "HEAD",   "/about",			"",		NULL, NULL,	503, GH, NULL },
	{ M_GET,   "GET",    "/members",		"region=chungnam&sort=joined", NULL, NULL, 503, GH, NULL },
	{ M_GET,   "GET",    "/members",		"region=&sort=", NULL, NULL,	503, GH, NULL },
	{ M_GET,   "GET",    "/members/chungnam",	"",		NULL, NULL,	503, GH, NULL },
	{ M_GET,   "GET",    "/people",			"q=%ED%8C%80%EC%9E%A5&page=2", NULL, NULL, 503, GH, NULL },
	{ M_GET,   "GET",    "/healthz",		"",		NULL, NULL,	503, GH, NULL },
	{ M_GET,   "GET",    "/login",			"",		NULL, NULL,	503, GH | M_POST, NULL },
	{ M_POST,  "POST",   "/login",			"",		FORM, "login=a&password=b", 503, GH | M_POST, NULL },
	{ M_POST,  "POST",   "/login",			"",		FORM, "", 503, GH | M_POST, NULL },
	{ M_GET,   "GET",    "/admin",			"",		NULL, NULL,	503, GH, NULL },
	{ M_POST,  "POST",   "/logout",			"",		FORM, "",	503, M_POST, NULL },
};

static void
test_dispatch_table(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < NELEM(dispatches); i++) {
		double secs;
		int status = dispatch(f, &dispatches[i], &secs);

		check_error_answer(f, &dispatches[i], status, secs);
		if (status == 404 || status == 405)
			assert_null(f->rq.route);
	}
}

/*
 * Parameters the route's spec refuses: 400 naming the key, decided from the request alone, so the
 * answer is the same whether the database is up or not (the spec needs no database).
 */
static const struct dispatch_case bad_params[] = {
	{ M_GET, "GET", "/members",		"sort=evil",		NULL, NULL, 400, GH, "sort" },
	{ M_GET, "GET", "/members",		"region=a&region=b",	NULL, NULL, 400, GH, "region" },
	{ M_GET, "GET", "/members",		"region=Chungnam",	NULL, NULL, 400, GH, "region" },
	{ M_GET, "GET", "/members",		"sort=name&sort=name",	NULL, NULL, 400, GH, "sort" },
	{ M_GET, "GET", "/members",		"x=1&sort=evil",	NULL, NULL, 400, GH, "sort" },	/* dropped x, then sort */
	{ M_GET, "GET", "/members",		"utm_source=%ZZ",	NULL, NULL, 400, GH, "utm_source" },	/* malformed: still 400 */
	{ M_GET, "GET", "/",			"fbclid=%00",		NULL, NULL, 400, GH, "fbclid" },
	{ M_GET, "GET", "/people",		"page=1&page=x",	NULL, NULL, 400, GH, "page" },	/* repeated typed key */
	{ M_POST, "POST", "/login",		"",	FORM, "login=a&utm_source=mail", 400, GH | M_POST, "utm_source" },
	{ M_GET, "GET", "/people",		"q=123456789012345678901234567890123456789012345678901",
										NULL, NULL, 400, GH, "q" },
	{ M_POST, "POST", "/login",		"",	FORM, "login=a&x=1",		400, GH | M_POST, "x" },
	{ M_POST, "POST", "/login",		"",	FORM, "login=a&login=b",	400, GH | M_POST, "login" },
};

static void
test_dispatch_bad_params(void **state)
{
	struct fixture *f = *state;
	size_t i;

	size_t wrong = 0;

	for (i = 0; i < NELEM(bad_params); i++) {
		const struct dispatch_case *c = &bad_params[i];
		double secs;
		int status = dispatch(f, c, &secs);

		if (status != c->status) {	/* list every case before failing: they share one cause */
			print_error("%s %s?%s%s%s: status %d, want %d\n", c->method_name, c->path, c->query,
			    c->body ? " body " : "", c->body ? c->body : "", status, c->status);
			wrong++;
			continue;
		}
		check_error_answer(f, c, status, secs);
	}
	if (wrong > 0)
		fail_msg("%zu of %zu refused parameters got another status than 400", wrong, NELEM(bad_params));
}

/*
 * GET: keys the route does not know are dropped before anything else, and typed values that do not fit
 * (PF_TYPED) are set aside in rq->refused; the request then goes on (here to 503: no database).
 */
static void
test_dispatch_sifts_get(void **state)
{
	static const struct {
		struct dispatch_case	 c;
		const char		*kept;		/* a key left in rq->params, or NULL */
		const char		*refused;	/* the key set aside, or NULL */
	} cases[] = {
		{ { M_GET, "GET", "/", "utm_source=mail", NULL, NULL, 503, GH, NULL }, NULL, NULL },
		{ { M_GET, "GET", "/members/chungnam", "fbclid=abc", NULL, NULL, 503, GH, NULL }, NULL, NULL },
		{ { M_GET, "GET", "/about", "lang=en&x=%3Cb%3E", NULL, NULL, 503, GH, NULL }, NULL, NULL },
		{ { M_GET, "GET", "/members", "region=chungnam&x=1", NULL, NULL, 503, GH, NULL }, "region", NULL },
		{ { M_GET, "GET", "/people", "page=0", NULL, NULL, 503, GH, NULL }, NULL, "page" },
		{ { M_GET, "GET", "/people", "page=10001&q=a", NULL, NULL, 503, GH, NULL }, "q", "page" },
		{ { M_GET, "GET", "/people", "page=1x&utm=1", NULL, NULL, 503, GH, NULL }, NULL, "page" },
		{ { M_GET, "GET", "/search", "q=a&page=501", NULL, NULL, 503, GH, NULL }, "q", "page" },
		{ { M_GET, "GET", "/committees/board", "at=2025-06-01-x", NULL, NULL, 503, GH, NULL }, NULL, "at" },
	};
	struct fixture *f = *state;
	size_t i, k;

	for (i = 0; i < NELEM(cases); i++) {
		double secs;
		int status = dispatch(f, &cases[i].c, &secs);

		check_error_answer(f, &cases[i].c, status, secs);
		for (k = 0; k < f->rq.params.n; k++)
			if (cases[i].kept == NULL || strcmp(f->rq.params.v[k].name, cases[i].kept) != 0)
				fail_msg("%s?%s: %s reached the handler's params", cases[i].c.path, cases[i].c.query,
				    f->rq.params.v[k].name);
		if (cases[i].kept != NULL)
			assert_non_null(params_get(&f->rq.params, cases[i].kept));
		if (cases[i].refused == NULL) {
			assert_int_equal(f->rq.refused.n, 0);
		} else {
			assert_int_equal(f->rq.refused.n, 1);
			assert_string_equal(f->rq.refused.v[0].name, cases[i].refused);
		}
		/* the sign-in link's next= carries the known keys only */
		if (strstr(hdf_get_value(f->hdf, "Page.Next", ""), "utm") != NULL ||
		    strstr(hdf_get_value(f->hdf, "Page.Next", ""), "x=") != NULL)
			fail_msg("%s?%s: Page.Next %s", cases[i].c.path, cases[i].c.query, hdf_get_value(f->hdf, "Page.Next", ""));
	}
}

/* The error page the dispatcher chose renders, with the status's own title and the refused key. */
static void
test_dispatch_renders_error_page(void **state)
{
	static const struct {
		struct dispatch_case	 c;
		const char		*title;		/* L.error.<status>.title from templates/lang/ko.hdf */
		const char		*extra;
	} cases[] = {
		{ { M_GET, "GET", "/nope", "", NULL, NULL, 404, 0, NULL },
		  "<title>페이지를 찾을 수 없음 | ", NULL },
		{ { M_POST, "POST", "/members", "", NULL, NULL, 405, GH, NULL },
		  "<title>허용되지 않는 요청 방식 | ", NULL },
		{ { M_GET, "GET", "/members", "region=%ZZ", NULL, NULL, 400, GH, NULL },
		  "<title>잘못된 요청 | ", NULL },
		{ { M_GET, "GET", "/", "", NULL, NULL, 503, GH, NULL },
		  "<title>잠시 이용할 수 없음 | ", NULL },
	};
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < NELEM(cases); i++) {
		struct buf out = { 0 };
		double secs;

		assert_int_equal(dispatch(f, &cases[i].c, &secs), cases[i].c.status);
		assert_int_equal(render_template(f->hdf, f->rq.tmpl, &out), 0);
		assert_non_null(out.data);
		if (strstr(out.data, cases[i].title) == NULL)
			fail_msg("%s: page lacks \"%s\"", cases[i].c.path, cases[i].title);
		if (cases[i].extra != NULL && strstr(out.data, cases[i].extra) == NULL)
			fail_msg("%s: page lacks \"%s\"", cases[i].c.path, cases[i].extra);
		buf_free(&out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_patterns),
		cmocka_unit_test(test_table_handlers_samples),
		cmocka_unit_test(test_table_unique),
		cmocka_unit_test(test_table_upload_forms),
		cmocka_unit_test(test_table_post_needs_csrf),
		cmocka_unit_test(test_table_param_specs),
		cmocka_unit_test(test_samples_match_own_route),
		cmocka_unit_test(test_match_captures),
		cmocka_unit_test(test_no_match),
		cmocka_unit_test(test_match_405),
		cmocka_unit_test(test_match_twice),
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_route_list),
		cmocka_unit_test_setup_teardown(test_dispatch_table, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_bad_params, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_sifts_get, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_renders_error_page, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests_name("route", tests, group_setup, group_teardown);
}
