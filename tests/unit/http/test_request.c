/* test_request.c - unit tests for request.c: tables of bad and good query strings, cookies and typed parameters. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http/request.h"

static int
parse(const char *s, struct params *p)
{
	return request_parse_urlencoded(s, strlen(s), p);
}

/* Every one of these is refused with 400. */
static const char *const bad_queries[] = {
	"a=%C0%AF",			/* overlong '/' */
	"a=%E0%80%AF",			/* overlong, 3 bytes */
	"a=%ED%A0%80",			/* surrogate U+D800 */
	"a=%F4%90%80%80",		/* above U+10FFFF */
	"a=%F5%80%80%80",		/* F5 lead */
	"a=%FF",
	"a=%80",			/* lone continuation */
	"a=%EC%B6",			/* truncated 충 */
	"a=%EC%B6%A9%EB%82",		/* 충남 with the last byte missing */
	"a=%F0%9F%98",			/* truncated 4-byte */
	"a=%00",			/* NUL */
	"a=x%00y",
	"%00=x",			/* NUL in the name */
	"a%00b=x",
	"%C0%AF=x",			/* bad UTF-8 in the name */
	"a=\xC0\xAF",			/* raw bad bytes, not escaped */
	"a=\xED\xA0\x80",
	"a=%G1",			/* not hex */
	"a=%1G",
	"a=%",				/* trailing % */
	"a=%2",				/* one digit only */
	"a=x%",
	"%=x",
	"a%2=x",
	"a=%%41",
	"a=% 41",
	"a=%-1",
	"=x",				/* empty name */
	"=",
	"a=1&=2",
	"a=1&=",
};

static void
test_urlencoded_bad(void **state)
{
	struct params	 p = { 0 };
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof(bad_queries) / sizeof(bad_queries[0]); i++) {
		rc = parse(bad_queries[i], &p);
		if (rc != 400)
			fail_msg("\"%s\": got %d, want 400", bad_queries[i], rc);
		params_free(&p);
	}
}

/* Good inputs and the exact pairs they give, written "name=value|name=value". */
static const struct {
	const char	*in;
	const char	*pairs;
} good_queries[] = {
	{ "", "" },
	{ "&", "" },
	{ "&&&", "" },
	{ "a=1", "a=1|" },
	{ "a=1&b=2", "a=1|b=2|" },
	{ "a=1&&b=2&", "a=1|b=2|" },	/* empty segments are skipped */
	{ "&&a=1", "a=1|" },
	{ "a", "a=|" },			/* no '=': value "" */
	{ "a=", "a=|" },
	{ "a&b=", "a=|b=|" },
	{ "a==b", "a==b|" },		/* only the first '=' splits */
	{ "q=hello+world", "q=hello world|" },
	{ "q=a%2Bb", "q=a+b|" },	/* an escaped '+' stays '+' */
	{ "q=%2b%2B", "q=++|" },	/* hex in either case */
	{ "q=%3d%26", "q==&|" },
	{ "first+name=x", "first name=x|" },
	{ "region=%EC%B6%A9%EB%82%A8", "region=\xEC\xB6\xA9\xEB\x82\xA8|" },	/* 충남 */
	{ "q=%ec%b6%a9%eb%82%a8+%ED%85%8C%ED%81%AC%EB%85%B8%ED%8C%8C%ED%81%AC",
	  "q=\xEC\xB6\xA9\xEB\x82\xA8 \xED\x85\x8C\xED\x81\xAC\xEB\x85\xB8\xED\x8C\x8C\xED\x81\xAC|" },
	{ "q=\xEC\xB6\xA9", "q=\xEC\xB6\xA9|" },	/* raw UTF-8 passes too */
	{ "t=line%0D%0Anext", "t=line\r\nnext|" },	/* a textarea may hold newlines */
	{ "region=&sort=name", "region=|sort=name|" },
	{ "a=1&a=2", "a=1|a=2|" },	/* parsing keeps repeats; the check refuses them */
};

static void
join(const struct params *p, char *out, size_t size)
{
	size_t	 i, n = 0;
	int	 k;

	out[0] = '\0';
	for (i = 0; i < p->n; i++) {
		k = snprintf(out + n, size - n, "%s=%s|", p->v[i].name, p->v[i].value);
		assert_true(k > 0 && (size_t)k < size - n);
		n += (size_t)k;
	}
}

static void
test_urlencoded_good(void **state)
{
	struct params	 p = { 0 };
	char		 got[512];
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof(good_queries) / sizeof(good_queries[0]); i++) {
		rc = parse(good_queries[i].in, &p);
		if (rc != 0)
			fail_msg("\"%s\": got %d, want 0", good_queries[i].in, rc);
		join(&p, got, sizeof(got));
		if (strcmp(got, good_queries[i].pairs) != 0)
			fail_msg("\"%s\": got \"%s\", want \"%s\"", good_queries[i].in, got, good_queries[i].pairs);
		params_free(&p);
		assert_null(p.v);
		assert_int_equal(p.n, 0);
	}
}

static void
test_urlencoded_len_not_nul(void **state)
{
	struct params	 p = { 0 };

	(void)state;
	/* only len bytes are read: "a=1&b" of "a=1&b=2" */
	assert_int_equal(request_parse_urlencoded("a=1&b=2", 5, &p), 0);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.v[1].name, "b");
	assert_string_equal(p.v[1].value, "");
	params_free(&p);
	/* an escape cut by len is bad even when the bytes after len would complete it */
	assert_int_equal(request_parse_urlencoded("a=%41", 4, &p), 400);
	params_free(&p);
	assert_int_equal(request_parse_urlencoded("a=%41", 5, &p), 0);
	assert_string_equal(p.v[0].value, "A");
	params_free(&p);
	/* a body with a raw NUL byte inside a value is refused */
	assert_int_equal(request_parse_urlencoded("a=x\0y", 5, &p), 400);
	params_free(&p);
}

static void
test_urlencoded_max_pairs(void **state)
{
	struct params	 p = { 0 };
	char		 q[REQUEST_MAX_PARAMS * 16 + 16], last[16];
	size_t		 n = 0, i;

	(void)state;
	for (i = 0; i < REQUEST_MAX_PARAMS; i++)
		n += (size_t)snprintf(q + n, sizeof(q) - n, "k%zu=%zu&", i, i);
	assert_int_equal(request_parse_urlencoded(q, n, &p), 0);
	assert_int_equal(p.n, REQUEST_MAX_PARAMS);
	snprintf(last, sizeof(last), "k%d", REQUEST_MAX_PARAMS - 1);
	assert_string_equal(p.v[REQUEST_MAX_PARAMS - 1].name, last);
	params_free(&p);
	/* empty segments do not count */
	assert_int_equal(request_parse_urlencoded(q, n, &p), 0);
	assert_int_equal(parse("&&&", &p), 0);
	assert_int_equal(p.n, REQUEST_MAX_PARAMS);
	/* one more pair, even appended by a later call, is 400 */
	assert_int_equal(parse("x=1", &p), 400);
	params_free(&p);
	snprintf(q + n, sizeof(q) - n, "k%d=1", REQUEST_MAX_PARAMS);
	assert_int_equal(parse(q, &p), 400);
	params_free(&p);
}

static void
test_cookies(void **state)
{
	static const struct {
		const char	*in;
		const char	*pairs;
	} t[] = {
		{ "", "" },
		{ "sid=abc", "sid=abc|" },
		{ "sid=abc; lang=ko", "sid=abc|lang=ko|" },
		{ "  sid = abc ;lang=ko;  ", "sid=abc|lang=ko|" },
		{ "a=%41+b", "a=%41+b|" },		/* not decoded */
		{ "a=\"q v\"", "a=\"q v\"|" },		/* kept as sent */
		{ "a=b=c", "a=b=c|" },
		{ "e=", "e=|" },
		{ "novalue; x=1", "x=1|" },		/* no '=': skipped */
		{ "=v; x=1", "x=1|" },			/* empty name: skipped */
		{ " =v;;; x=1", "x=1|" },
		{ "bad=\xC0\xAF; x=1", "x=1|" },	/* not UTF-8: skipped */
		{ "x=1; x=2", "x=1|x=2|" },
	};
	struct params	 p = { 0 };
	char		 got[256];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(request_parse_cookies(t[i].in, &p), 0);
		join(&p, got, sizeof(got));
		if (strcmp(got, t[i].pairs) != 0)
			fail_msg("\"%s\": got \"%s\", want \"%s\"", t[i].in, got, t[i].pairs);
		params_free(&p);
	}
	assert_int_equal(request_parse_cookies(NULL, &p), 0);
	assert_int_equal(p.n, 0);
}

static void
test_cookies_cap(void **state)
{
	struct params	 p = { 0 };
	char		 h[(REQUEST_MAX_PARAMS + 10) * 10], last[16];
	size_t		 n = 0, i;

	(void)state;
	for (i = 0; i < REQUEST_MAX_PARAMS + 10; i++)
		n += (size_t)snprintf(h + n, sizeof(h) - n, "c%zu=v; ", i);
	assert_int_equal(request_parse_cookies(h, &p), 0);
	assert_int_equal(p.n, REQUEST_MAX_PARAMS);
	snprintf(last, sizeof(last), "c%d", REQUEST_MAX_PARAMS - 1);
	assert_string_equal(p.v[REQUEST_MAX_PARAMS - 1].name, last);
	params_free(&p);
}

static const char *const sorts[] = { "name", "region", "joined", NULL };

static const struct param_spec spec[] = {
	{ "page", PT_INT, 1, 1000, NULL, 0 },
	{ "delta", PT_INT, -10, 10, NULL, 0 },
	{ "q", PT_TEXT, 0, 5, NULL, 0 },
	{ "title", PT_TEXT, 2, 4, NULL, 0 },
	{ "region", PT_SLUG, 0, 12, NULL, 0 },
	{ "sort", PT_ENUM, 0, 0, sorts, 0 },
	{ "tag", PT_SLUG, 0, 12, NULL, PF_REPEAT },
	{ NULL, 0, 0, 0, NULL, 0 },
};

/* Queries refused by request_check_params, and the key it must name. */
static const struct {
	const char	*in;
	const char	*bad;
} bad_checks[] = {
	{ "nope=1", "nope" },				/* unknown key */
	{ "page=1&nope=", "nope" },
	{ "Page=1", "Page" },				/* keys are case sensitive */
	{ "page=1&page=2", "page" },			/* repeated key */
	{ "tag=a&tag=B", "tag" },			/* a repeatable key still checks each value */
	{ "sort=name&q=a&sort=name", "sort" },
	{ "page=0", "page" },				/* below min */
	{ "page=1001", "page" },			/* above max */
	{ "page=-1", "page" },				/* negative where min >= 0 */
	{ "page=-0", "page" },
	{ "page=%2B5", "page" },			/* leading '+' */
	{ "page=+5", "page" },				/* '+' decodes to a space */
	{ "page=5+", "page" },
	{ "page=%205", "page" },
	{ "page=5x", "page" },
	{ "page=0x10", "page" },
	{ "page=1e3", "page" },
	{ "page=9223372036854775807", "page" },
	{ "page=9223372036854775808", "page" },		/* overflows long long */
	{ "page=99999999999999999999999999", "page" },
	{ "delta=11", "delta" },
	{ "delta=-11", "delta" },
	{ "delta=--1", "delta" },
	{ "delta=-", "delta" },
	{ "delta=-9223372036854775809", "delta" },
	{ "q=abcdef", "q" },				/* 6 characters > 5 */
	{ "q=%EC%B6%A9%EB%82%A8%EC%B6%A9%EB%82%A8%EC%B6%A9%EB%82%A8", "q" },	/* 6 syllables */
	{ "title=", "title" },				/* min 2: empty refused */
	{ "title=a", "title" },
	{ "title=abcde", "title" },
	{ "region=Chungnam", "region" },		/* uppercase */
	{ "region=chung_nam", "region" },		/* underscore */
	{ "region=-chungnam", "region" },		/* leading dash */
	{ "region=chungnam-", "region" },
	{ "region=chungnam-tp-x", "region" },		/* 13 bytes > 12 */
	{ "region=%EC%B6%A9%EB%82%A8", "region" },	/* 충남 is not a slug */
	{ "sort=Name", "sort" },
	{ "sort=nam", "sort" },
	{ "sort=name+", "sort" },
};

static void
test_check_bad(void **state)
{
	struct params	 p = { 0 };
	const char	*bad;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof(bad_checks) / sizeof(bad_checks[0]); i++) {
		assert_int_equal(parse(bad_checks[i].in, &p), 0);
		bad = NULL;
		rc = request_check_params(&p, spec, &bad);
		if (rc != 400)
			fail_msg("\"%s\": got %d, want 400", bad_checks[i].in, rc);
		if (bad == NULL || strcmp(bad, bad_checks[i].bad) != 0)
			fail_msg("\"%s\": bad key %s, want %s", bad_checks[i].in,
			    bad != NULL ? bad : "(null)", bad_checks[i].bad);
		params_free(&p);
	}
}

/* Queries that pass the same spec. */
static const char *const good_checks[] = {
	"tag=a&tag=b&tag=a",				/* a repeatable key may come several times */
	"",
	"page=1",
	"page=1000",
	"page=007",
	"delta=-10",
	"delta=0",
	"delta=10",
	"q=",					/* PT_TEXT with min 0 */
	"q=abcde",
	"q=%EC%B6%A9%EB%82%A8",			/* 2 characters, 6 bytes */
	"q=%ED%85%8C%ED%81%AC%EB%85%B8%ED%8C%8C%ED%81%AC",	/* 테크노파크: 5 characters, 15 bytes */
	"q=a+b+c",
	"title=ab",
	"title=%EC%B6%A9%EB%82%A8",
	"region=chungnam",
	"region=chungnam-tp",
	"region=&sort=name",			/* empty select: absent */
	"sort=",
	"page=",
	"delta=",
	"page=3&delta=-2&q=hi&title=abc&region=tp-2&sort=joined",
};

static void
test_check_good(void **state)
{
	struct params	 p = { 0 };
	const char	*bad;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof(good_checks) / sizeof(good_checks[0]); i++) {
		assert_int_equal(parse(good_checks[i], &p), 0);
		bad = NULL;
		rc = request_check_params(&p, spec, &bad);
		if (rc != 0)
			fail_msg("\"%s\": got %d (bad %s), want 0", good_checks[i], rc, bad != NULL ? bad : "(null)");
		assert_null(bad);
		params_free(&p);
	}
}

/* request_sift_params (GET): what stays, what is set aside, and what is still refused. */
static const struct param_spec sift_spec[] = {
	{ "page", PT_INT, 1, 100, NULL, PF_TYPED },
	{ "at", PT_TEXT, 0, 10, NULL, PF_TYPED },
	{ "sort", PT_ENUM, 0, 0, sorts, 0 },
	{ "tag", PT_SLUG, 0, 12, NULL, PF_REPEAT },
	{ NULL, 0, 0, 0, NULL, 0 },
};

static const struct {
	const char	*in;
	int		 rc;
	const char	*kept;		/* the names left, each followed by '|' */
	const char	*refused;	/* the names set aside, each followed by '|' */
	const char	*bad;		/* on 400: the key named */
} sifts[] = {
	{ "utm_source=mail", 0, "", "", NULL },				/* unknown keys are dropped */
	{ "fbclid=abc&sort=name", 0, "sort|", "", NULL },
	{ "sort=name&x=1&y=2&tag=a&tag=b", 0, "sort|tag|tag|", "", NULL },
	{ "Page=1", 0, "", "", NULL },					/* keys are case sensitive: unknown */
	{ "page=0", 0, "", "page|", NULL },				/* typed: set aside */
	{ "page=101", 0, "", "page|", NULL },
	{ "page=abc&sort=name", 0, "sort|", "page|", NULL },
	{ "page=%2B1", 0, "", "page|", NULL },
	{ "page=99999999999999999999", 0, "", "page|", NULL },
	{ "at=2025-06-01x", 0, "", "at|", NULL },			/* longer than max */
	{ "page=7&at=2025-06-01", 0, "page|at|", "", NULL },
	{ "page=1&page=2", 400, "", "", "page" },			/* a repeated key is still refused */
	{ "page=0&page=0", 400, "", "", "page" },
	{ "sort=evil", 400, "", "", "sort" },				/* a select's value is no typed value */
	{ "x=1&sort=evil", 400, "", "", "sort" },
	{ "tag=B", 400, "", "", "tag" },
	{ "sort=name&sort=name", 400, "", "", "sort" },
};

static void
names(const struct params *p, char *out, size_t size)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; i < p->n; i++) {
		strncat(out, p->v[i].name, size - strlen(out) - 1);
		strncat(out, "|", size - strlen(out) - 1);
	}
}

static void
test_sift(void **state)
{
	struct params	 p = { 0 }, refused = { 0 };
	char		 got[256];
	const char	*bad;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof(sifts) / sizeof(sifts[0]); i++) {
		assert_int_equal(parse(sifts[i].in, &p), 0);
		bad = NULL;
		rc = request_sift_params(&p, sift_spec, &refused, &bad);
		if (rc != sifts[i].rc)
			fail_msg("\"%s\": got %d, want %d", sifts[i].in, rc, sifts[i].rc);
		if (rc == 0) {
			names(&p, got, sizeof(got));
			if (strcmp(got, sifts[i].kept) != 0)
				fail_msg("\"%s\": kept %s, want %s", sifts[i].in, got, sifts[i].kept);
			names(&refused, got, sizeof(got));
			if (strcmp(got, sifts[i].refused) != 0)
				fail_msg("\"%s\": refused %s, want %s", sifts[i].in, got, sifts[i].refused);
		} else if (bad == NULL || strcmp(bad, sifts[i].bad) != 0) {
			fail_msg("\"%s\": bad %s, want %s", sifts[i].in, bad != NULL ? bad : "(null)", sifts[i].bad);
		}
		params_free(&p);
		params_free(&refused);
	}
	/* the value set aside is kept as sent, for the message beside the field */
	assert_int_equal(parse("page=%EA%B0%80", &p), 0);
	assert_int_equal(request_sift_params(&p, sift_spec, &refused, &bad), 0);
	assert_string_equal(params_get(&refused, "page"), "\xea\xb0\x80");
	params_free(&p);
	params_free(&refused);
}

/* request_refuse moves every pair of the key to rq->refused. */
static void
test_refuse(void **state)
{
	struct request rq = { 0 };

	(void)state;
	assert_int_equal(parse("at=abc&history=1", &rq.params), 0);
	assert_int_equal(request_refuse(&rq, "at"), 0);
	assert_null(params_get(&rq.params, "at"));
	assert_string_equal(params_get(&rq.params, "history"), "1");
	assert_string_equal(params_get(&rq.refused, "at"), "abc");
	assert_int_equal(request_refuse(&rq, "none"), 0);
	assert_int_equal(rq.params.n, 1);
	request_free(&rq);
	assert_int_equal(rq.refused.n, 0);
}

/* request_self_url: the path and the known keys, re-encoded; unknown keys, files and empty values left out. */
static void
test_self_url(void **state)
{
	static const struct {
		const char	*path;
		const char	*query;
		const char	*want;
	} cases[] = {
		{ "/", "", "/" },
		{ "/", "utm_source=mail", "/" },
		{ "/people", "q=%ED%8C%80&page=2&fbclid=x", "/people?q=%ED%8C%80&page=2" },
		{ "/people", "q=a+b&sort=", "/people?q=a%20b" },
		{ "/people", "q=%26next%3D%2F%2Fevil", "/people?q=%26next%3D%2F%2Fevil" },
		{ "/people", "tag=a&tag=b", "/people?tag=a&tag=b" },
	};
	struct params	 p = { 0 };
	char		*url;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(parse(cases[i].query, &p), 0);
		assert_non_null(url = request_self_url(cases[i].path, &p, spec));
		if (strcmp(url, cases[i].want) != 0)
			fail_msg("%s?%s: %s, want %s", cases[i].path, cases[i].query, url, cases[i].want);
		free(url);
		params_free(&p);
	}
	assert_int_equal(parse("q=a", &p), 0);
	assert_non_null(url = request_self_url("/x", &p, NULL));	/* no spec: no keys */
	assert_string_equal(url, "/x");
	free(url);
	params_free(&p);
}

/* request_login_url: where a reader who must sign in goes; its next= is this page, query and all, as one value. */
static void
test_login_url(void **state)
{
	static const struct {
		const char	*path;
		const char	*query;
		const char	*want;
	} cases[] = {
		{ "/admin", "", "/login?next=/admin" },
		{ "/", "utm_source=mail", "/login?next=/" },
		{ "/people", "q=%ED%8C%80&page=2", "/login?next=/people%3Fq%3D%25ED%258C%2580%26page%3D2" },
		{ "/people", "q=%26next%3D%2F%2Fevil", "/login?next=/people%3Fq%3D%2526next%253D%252F%252Fevil" },
	};
	struct params	 p = { 0 };
	char		*url;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(parse(cases[i].query, &p), 0);
		assert_non_null(url = request_login_url(cases[i].path, &p, spec));
		if (strcmp(url, cases[i].want) != 0)
			fail_msg("%s?%s: %s, want %s", cases[i].path, cases[i].query, url, cases[i].want);
		/* one next= only: whatever the page's query held is inside its value */
		assert_null(strchr(url + strlen("/login?next="), '&'));
		free(url);
		params_free(&p);
	}
}

/* request_client: X-Forwarded-* count only from the trusted proxy, and only a well-formed last address. */
static void
test_client(void **state)
{
	static const struct {
		const char	*remote, *https, *xff, *xfp, *trusted;
		const char	*want_addr;
		int		 want_https;
	} cases[] = {
		{ "192.0.2.1", NULL, NULL, NULL, NULL, "192.0.2.1", 0 },
		{ "192.0.2.1", "on", NULL, NULL, NULL, "192.0.2.1", 1 },
		{ "192.0.2.1", NULL, "203.0.113.9", "https", NULL, "192.0.2.1", 0 },		/* no proxy trusted */
		{ "192.0.2.1", NULL, "203.0.113.9", "https", "192.0.2.7", "192.0.2.1", 0 },	/* not from it */
		{ "192.0.2.7", NULL, "203.0.113.9", "https", "192.0.2.7", "203.0.113.9", 1 },
		{ "192.0.2.7", NULL, "10.9.9.9, 203.0.113.9", "http", "192.0.2.7", "203.0.113.9", 0 },
		{ "192.0.2.7", NULL, "203.0.113.9 ,  2001:db8::5 ", NULL, "192.0.2.7", "2001:db8::5", 0 },
		{ "192.0.2.7", NULL, "evil\nx", "https", "192.0.2.7", "192.0.2.7", 1 },	/* not an address */
		{ "192.0.2.7", NULL, "", NULL, "192.0.2.7", "192.0.2.7", 0 },
		{ "192.0.2.7", "on", NULL, NULL, "192.0.2.7", "192.0.2.7", 1 },
		{ NULL, NULL, "203.0.113.9", "https", "192.0.2.7", NULL, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct request rq;

		memset(&rq, 0, sizeof(rq));
		request_client(&rq, cases[i].remote, cases[i].https, cases[i].xff, cases[i].xfp, cases[i].trusted);
		if (cases[i].want_addr == NULL)
			assert_null(rq.remote_addr);
		else if (rq.remote_addr == NULL || strcmp(rq.remote_addr, cases[i].want_addr) != 0)
			fail_msg("case %zu: address %s, want %s", i, rq.remote_addr ? rq.remote_addr : "(null)", cases[i].want_addr);
		if (rq.https != cases[i].want_https)
			fail_msg("case %zu: https %d, want %d", i, rq.https, cases[i].want_https);
	}
}

static void
test_check_null_spec(void **state)
{
	struct params	 p = { 0 };
	const char	*bad = NULL;

	(void)state;
	assert_int_equal(request_check_params(&p, NULL, &bad), 0);
	assert_null(bad);
	assert_int_equal(parse("x=", &p), 0);
	assert_int_equal(request_check_params(&p, NULL, &bad), 400);
	assert_string_equal(bad, "x");
	params_free(&p);
}

static void
test_parse_ll(void **state)
{
	static const struct {
		const char	*s;
		long long	 min, max;
		int		 rc;
		long long	 want;
	} t[] = {
		{ "0", 0, 10, 0, 0 },
		{ "10", 0, 10, 0, 10 },
		{ "11", 0, 10, -1, 0 },
		{ "-1", 0, 10, -1, 0 },
		{ "-0", 0, 10, -1, 0 },
		{ "-5", -10, 10, 0, -5 },
		{ "-0", -10, 10, 0, 0 },
		{ "9223372036854775807", LLONG_MIN, LLONG_MAX, 0, LLONG_MAX },
		{ "-9223372036854775808", LLONG_MIN, LLONG_MAX, 0, LLONG_MIN },
		{ "9223372036854775808", LLONG_MIN, LLONG_MAX, -1, 0 },
		{ "-9223372036854775809", LLONG_MIN, LLONG_MAX, -1, 0 },
		{ "18446744073709551616", 0, LLONG_MAX, -1, 0 },
		{ "", 0, 10, -1, 0 },
		{ "-", -10, 10, -1, 0 },
		{ "+1", 0, 10, -1, 0 },
		{ " 1", 0, 10, -1, 0 },
		{ "1 ", 0, 10, -1, 0 },
		{ "\t1", 0, 10, -1, 0 },
		{ "1\n", 0, 10, -1, 0 },
		{ "0x1", 0, 10, -1, 0 },
		{ "1.0", 0, 10, -1, 0 },
		{ "--1", -10, 10, -1, 0 },
		{ "\xD9\xA1", 0, 10, -1, 0 },	/* Arabic-Indic one */
	};
	long long	 v;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		v = 12345;
		if (parse_ll(t[i].s, t[i].min, t[i].max, &v) != t[i].rc)
			fail_msg("parse_ll(\"%s\"): want rc %d", t[i].s, t[i].rc);
		if (t[i].rc == 0 && v != t[i].want)
			fail_msg("parse_ll(\"%s\") = %lld, want %lld", t[i].s, v, t[i].want);
		if (t[i].rc != 0 && v != 12345)
			fail_msg("parse_ll(\"%s\") wrote *out on failure", t[i].s);
	}
	assert_int_equal(parse_ll(NULL, 0, 10, &v), -1);	/* an absent parameter */
}

static void
test_getters(void **state)
{
	struct request	 rq;

	(void)state;
	memset(&rq, 0, sizeof(rq));
	assert_int_equal(parse("page=3&region=&q=%EC%B6%A9&n=x&big=9223372036854775808", &rq.params), 0);
	assert_int_equal(request_parse_cookies("sid=s1; lang=ko; e=", &rq.cookies), 0);
	assert_string_equal(request_param(&rq, "q"), "\xEC\xB6\xA9");
	assert_null(request_param(&rq, "missing"));
	assert_null(request_param(&rq, "region"));	/* empty means absent */
	assert_string_equal(params_get(&rq.params, "region"), "");
	assert_int_equal(request_param_int(&rq, "page", 1), 3);
	assert_int_equal(request_param_int(&rq, "missing", 7), 7);
	assert_int_equal(request_param_int(&rq, "region", 7), 7);
	assert_int_equal(request_param_int(&rq, "n", 7), 7);
	assert_int_equal(request_param_int(&rq, "big", 7), 7);
	assert_string_equal(request_cookie(&rq, "sid"), "s1");
	assert_string_equal(request_cookie(&rq, "lang"), "ko");
	assert_string_equal(request_cookie(&rq, "e"), "");
	assert_null(request_cookie(&rq, "page"));
	request_free(&rq);
	assert_null(rq.params.v);
	assert_null(rq.cookies.v);
}

static void
test_request_free(void **state)
{
	struct request	 rq;

	(void)state;
	memset(&rq, 0, sizeof(rq));
	assert_int_equal(parse("a=1", &rq.params), 0);
	assert_int_equal(request_parse_cookies("c=1", &rq.cookies), 0);
	assert_non_null(rq.body = strdup("a=1"));
	rq.body_len = 3;
	assert_non_null(rq.argbuf = strdup("chungnam"));
	rq.args[0] = rq.argbuf;
	rq.nargs = 1;
	assert_non_null(rq.location = strdup("/members"));
	assert_int_equal(buf_puts(&rq.raw, "ok\n"), 0);
	request_free(&rq);	/* ASan reports any leak */
	assert_null(rq.body);
	assert_null(rq.argbuf);
	assert_null(rq.location);
	assert_null(rq.raw.data);
	assert_int_equal(rq.params.n, 0);
	request_free(&rq);	/* twice is harmless */
}

/* The 400 page names the pair that could not be decoded. */
static void
test_find_bad_pair(void **state)
{
	static const struct { const char *in; const char *key; } t[] = {
		{ "region=%ZZ", "region" },
		{ "a=1&q=%FF", "q" },
		{ "a=1&&b=%00&c=%ZZ", "b" },
		{ "x%ZZ=1", "x%ZZ" },
		{ "=1", "" },
		{ "a=1&b=2", NULL },
	};
	char out[8];
	size_t i;
	int found;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		out[0] = 'X';
		found = request_find_bad_pair(t[i].in, strlen(t[i].in), out, sizeof(out));
		if (t[i].key == NULL || t[i].key[0] == '\0')
			assert_int_equal(found, 0);
		else {
			assert_int_equal(found, 1);
			assert_string_equal(out, t[i].key);
		}
	}
	/* a long key is cut to the buffer without splitting a character */
	assert_int_equal(request_find_bad_pair("\xEA\xB0\x80\xEA\xB0\x80\xEA\xB0\x80=%ZZ", 12, out, sizeof(out)), 1);
	assert_string_equal(out, "\xEA\xB0\x80\xEA\xB0\x80");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlencoded_bad),
		cmocka_unit_test(test_urlencoded_good),
		cmocka_unit_test(test_urlencoded_len_not_nul),
		cmocka_unit_test(test_urlencoded_max_pairs),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test(test_cookies_cap),
		cmocka_unit_test(test_check_bad),
		cmocka_unit_test(test_check_good),
		cmocka_unit_test(test_check_null_spec),
		cmocka_unit_test(test_parse_ll),
		cmocka_unit_test(test_find_bad_pair),
		cmocka_unit_test(test_sift),
		cmocka_unit_test(test_refuse),
		cmocka_unit_test(test_self_url),
		cmocka_unit_test(test_login_url),
		cmocka_unit_test(test_client),
		cmocka_unit_test(test_getters),
		cmocka_unit_test(test_request_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
