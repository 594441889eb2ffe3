/*
 * test_render.c - unit tests for render.c and the real templates: an attack string in every
 * field each page prints, golden error pages, HDF setup, name building, and page_util's number formats.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include "view/cs.h"

#include "core/buf.h"
#include "core/conf.h"
#include "pages/pages.h"
#include "core/text.h"
#include "view/render.h"
#include "http/request.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ClearSilver's own tests use the same kind of string: it closes <title>, opens a script, breaks out of quotes. */
#define ATTACK		"</title><script>alert(1)</script>\"'&<img src=x onerror=alert(2)>"
/* ATTACK after var: with Config.VarEscapeMode = html */
#define ATTACK_HTML	"&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;img src=x onerror=alert(2)&gt;"
/* ATTACK after var:url_escape(...) */
#define ATTACK_URL	"%3C%2Ftitle%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%26%3Cimg+src%3Dx+onerror%3Dalert(2)%3E"

/* Text that must never reach a page when fields carry ATTACK. */
static const char *const raw_markers[] = {
	"<script", "<img", "\" onerror", "' onerror", "</title><", "\"'&", "onerror=alert(2)>",
};

static char template_dir[4096];
static char golden_dir[4096];

/* ---- helpers ---- */

static size_t
count_of(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);

	for (hay = strstr(hay, needle); hay != NULL; hay = strstr(hay + len, needle))
		n++;
	return n;
}

/* Render tmpl with hdf into out (reset first); fails the test when rendering fails. */
static void
render_ok(HDF *hdf, const char *tmpl, struct buf *out)
{
	buf_reset(out);
	if (render_template(hdf, tmpl, out) != 0)
		fail_msg("render_template(%s) failed", tmpl);
	assert_non_null(out->data);
}

/* A page that renders whole: the doctype after some blank lines, the closing html tag before some. */
static void
assert_whole_page(const char *tmpl, const char *html)
{
	const char *p = html + strspn(html, " \n");
	size_t n;

	if (strncmp(p, "<!DOCTYPE html>\n<html lang=\"ko\">", 32) != 0)
		fail_msg("%s: does not start with the doctype", tmpl);
	n = strlen(html);
	while (n > 0 && html[n - 1] == '\n')
		n--;
	if (n < 7 || strncmp(html + n - 7, "</html>", 7) != 0)
		fail_msg("%s: does not end with </html>", tmpl);
}

static void
assert_no_raw(const char *tmpl, const char *what, const char *html)
{
	size_t i;

	for (i = 0; i < NELEM(raw_markers); i++)
		if (strstr(html, raw_markers[i]) != NULL)
			fail_msg("%s (%s): unescaped \"%s\" in output", tmpl, what, raw_markers[i]);
}

/* ---- an attack string in every printed field ---- */

enum {
	F_HTML = 1,	/* printed with var: (HTML-escaped) */
	F_URL = 2,	/* printed with var:url_escape() */
	F_NUM = 4	/* compared as a number ("== 0"): the value starts with "1" so the page still shows it */
};

struct field {
	const char	*name;
	int		 flags;
};

struct page_case {
	const char		*tmpl;
	const struct field	*fields;	/* ends with a NULL name */
	const char *const	*extras;	/* "name", "value" pairs the templates only test; ends with NULL */
};

/* header.cs and footer.cs, on every page: the signed-in user's name and form token, the association */
#define FOOTER	{ "User.name", F_HTML }, { "User.csrf", F_HTML }, { "Site.Name", F_HTML }, { "Site.Address", F_HTML }
/* Set on every page: a signed-in admin, so header.cs shows its user fields. */
static const char *const common_extras[] = { "User.login", "kim", "User.admin", "1", NULL };

static const struct field home_fields[] = {
	{ "Assoc.name_ko", F_HTML }, { "Assoc.name_en", F_HTML }, { "Assoc.legal_form", F_HTML },
	{ "Assoc.summary", F_HTML }, { "MemberCount", F_HTML },
	{ "Members.0.slug", F_URL }, { "Members.0.name_ko", F_HTML }, { "Members.0.region", F_HTML },
	{ "Figures.0.year", F_HTML }, { "Figures.0.companies", F_HTML }, { "Figures.0.employees", F_HTML },
	{ "Figures.0.revenue", F_HTML },
	FOOTER, { NULL, 0 }
};
static const char *const home_extras[] = { NULL };

static const struct field members_fields[] = {
	{ "Regions.0.slug", F_HTML }, { "Regions.0.name_ko", F_HTML }, { "Regions.0.n", F_HTML },
	{ "Industries.0.slug", F_HTML }, { "Industries.0.name_ko", F_HTML }, { "Industries.0.n", F_HTML },
	{ "MemberCount", F_HTML | F_NUM },
	{ "Members.0.slug", F_URL }, { "Members.0.name_ko", F_HTML }, { "Members.0.name_en", F_HTML },
	{ "Members.0.region_slug", F_URL }, { "Members.0.region", F_HTML }, { "Members.0.joined_year", F_HTML },
	{ "Members.0.industries", F_HTML },
	/* a member without a year: its note shows instead */
	{ "Members.1.slug", F_URL }, { "Members.1.name_ko", F_HTML }, { "Members.1.name_en", F_HTML },
	{ "Members.1.region_slug", F_URL }, { "Members.1.region", F_HTML }, { "Members.1.joined_note", F_HTML },
	{ "Members.1.industries", F_HTML },
	FOOTER, { NULL, 0 }
};
static const char *const members_extras[] = {
	"Members.0.founding_member", "1", "Regions.0.selected", "1", "Industries.0.selected", "1",
	"Filter.sort", "joined", "Filter.region", "chungnam", NULL
};

static const struct field member_fields[] = {
	{ "TP.name_ko", F_HTML }, { "TP.summary", F_HTML }, { "TP.name_en", F_HTML },
	{ "TP.region_slug", F_URL }, { "TP.region", F_HTML }, { "TP.joined_year", F_HTML },
	{ "TP.joined_note", F_HTML }, { "TP.director", F_HTML }, { "TP.director_note", F_HTML },
	{ "TP.address", F_HTML }, { "TP.phone", F_HTML }, { "TP.email", F_HTML | F_URL }, { "TP.website", F_HTML },
	{ "Industries.0.slug", F_URL }, { "Industries.0.name_ko", F_HTML },
	{ "Events.1.year", F_HTML }, { "Events.0.year_note", F_HTML }, { "Events.0.description", F_HTML },
	/* a note restates its year and stands alone: the year is printed where there is no note (Events.1) */
	{ "People.0.name", F_HTML }, { "People.0.note", F_HTML }, { "People.0.title", F_HTML },
	{ "People.0.department", F_HTML }, { "People.0.phone", F_HTML }, { "People.0.email", F_HTML | F_URL },
	{ "People.1.name", F_HTML },
	FOOTER, { NULL, 0 }
};
static const char *const member_extras[] = {
	"TP.founding_member", "1", "Page.ShowContacts", "1", "People.0.is_demo", "0", "People.1.is_demo", "1", NULL
};

static const struct field people_fields[] = {
	{ "Filter.q", F_HTML | F_URL }, { "Filter.tp", F_URL },
	{ "TPs.0.slug", F_HTML }, { "TPs.0.name_ko", F_HTML },
	{ "Pager.page", F_HTML }, { "Pager.total", F_HTML }, { "Pager.from", F_HTML }, { "Pager.to", F_HTML },
	{ "Pager.pages", F_HTML | F_NUM }, { "Pager.prev", F_HTML }, { "Pager.next", F_HTML },
	{ "Refused.page", F_HTML },	/* a page number that is none, shown back beside the pager */
	{ "People.0.name", F_HTML }, { "People.0.tp_slug", F_URL }, { "People.0.tp_name", F_HTML },
	{ "People.0.title", F_HTML }, { "People.0.department", F_HTML }, { "People.0.phone", F_HTML },
	{ "People.0.email", F_HTML | F_URL },
	/* the association's own staff: no technopark link */
	{ "People.1.name", F_HTML }, { "People.1.tp_name", F_HTML },
	FOOTER, { NULL, 0 }
};
static const char *const people_extras[] = {
	"TPs.0.selected", "1", "Page.ShowContacts", "1", "People.0.is_demo", "1", "Pager.count", "2", NULL
};

static const struct field about_fields[] = {
	{ "Assoc.summary", F_HTML }, { "Assoc.name_en", F_HTML }, { "Assoc.legal_form", F_HTML },
	{ "Assoc.address", F_HTML }, { "Assoc.phone", F_HTML }, { "Assoc.email", F_HTML }, { "Assoc.website", F_HTML },
	{ "History.0.year", F_HTML }, { "History.0.year_note", F_HTML }, { "History.0.title", F_HTML },
	{ "History.0.description", F_HTML },
	{ "Leaders.0.ordinal_note", F_HTML }, { "Leaders.0.role", F_HTML }, { "Leaders.0.name", F_HTML },
	{ "Leaders.0.affiliation", F_HTML },
	{ "Functions.0.title", F_HTML }, { "Functions.0.description", F_HTML },
	{ "Programmes.0.title", F_HTML }, { "Programmes.0.description", F_HTML },
	{ "Publications.0.title", F_HTML }, { "Publications.0.description", F_HTML },
	{ "Committees.0.name_ko", F_HTML }, { "Committees.0.name_en", F_HTML }, { "Committees.0.purpose", F_HTML },
	{ "Sources.0.outlet", F_HTML }, { "Sources.0.title", F_HTML }, { "Sources.0.author", F_HTML },
	{ "Sources.0.published_on", F_HTML },
	FOOTER, { NULL, 0 }
};
static const char *const about_extras[] = { NULL };

static const struct field error_fields[] = {
	{ "Error.Param", F_HTML },
	FOOTER, { NULL, 0 }
};
static const char *const error_extras[] = { "Error.Status", "400", NULL };

static const struct page_case pages[] = {
	{ "home.cs",	home_fields,	home_extras },
	{ "members.cs",	members_fields,	members_extras },
	{ "member.cs",	member_fields,	member_extras },
	{ "people.cs",	people_fields,	people_extras },
	{ "about.cs",	about_fields,	about_extras },
	{ "error.cs",	error_fields,	error_extras },
};

/* An HDF for pc where field number attacked carries ATTACK (every field when attacked < 0), the others "7". */
static HDF *
page_hdf(const struct page_case *pc, long attacked)
{
	HDF *hdf = render_hdf_new();
	size_t i;

	assert_non_null(hdf);
	for (i = 0; pc->fields[i].name != NULL; i++) {
		const char *v = "7";

		if (attacked < 0 || (size_t)attacked == i)
			v = (pc->fields[i].flags & F_NUM) ? "1" ATTACK : ATTACK;
		assert_int_equal(render_set(hdf, v, "%s", pc->fields[i].name), 0);
	}
	for (i = 0; pc->extras[i] != NULL; i += 2)
		assert_int_equal(render_set(hdf, pc->extras[i + 1], "%s", pc->extras[i]), 0);
	for (i = 0; common_extras[i] != NULL; i += 2)
		assert_int_equal(render_set(hdf, common_extras[i + 1], "%s", common_extras[i]), 0);
	return hdf;
}

/* Every field at once carries the attack: nothing raw gets out, and each field's escaped text is there. */
static void
test_attack_all_fields(void **state)
{
	struct buf out = { 0 };
	size_t p, i;

	(void)state;
	for (p = 0; p < NELEM(pages); p++) {
		const struct page_case *pc = &pages[p];
		HDF *hdf = page_hdf(pc, -1);
		size_t nhtml = 0, nurl = 0;

		for (i = 0; pc->fields[i].name != NULL; i++) {
			nhtml += (pc->fields[i].flags & F_HTML) != 0;
			nurl += (pc->fields[i].flags & F_URL) != 0;
		}
		render_ok(hdf, pc->tmpl, &out);
		assert_whole_page(pc->tmpl, out.data);
		assert_no_raw(pc->tmpl, "all fields", out.data);
		assert_non_null(strstr(out.data, "&lt;script&gt;"));
		if (count_of(out.data, ATTACK_HTML) < nhtml)
			fail_msg("%s: %zu escaped copies of the attack, want at least %zu", pc->tmpl,
			    count_of(out.data, ATTACK_HTML), nhtml);
		if (count_of(out.data, ATTACK_URL) < nurl)
			fail_msg("%s: %zu URL-escaped copies of the attack, want at least %zu", pc->tmpl,
			    count_of(out.data, ATTACK_URL), nurl);
		hdf_destroy(&hdf);
	}
	buf_free(&out);
}

/*
 * One field at a time carries the attack: it must show up escaped the way its context needs, so a
 * field the template stops printing, prints raw (uvar:) or prints in the wrong context fails here by name.
 */
static void
test_attack_each_field(void **state)
{
	struct buf out = { 0 };
	size_t p, i;

	(void)state;
	for (p = 0; p < NELEM(pages); p++) {
		const struct page_case *pc = &pages[p];

		for (i = 0; pc->fields[i].name != NULL; i++) {
			const struct field *f = &pc->fields[i];
			HDF *hdf = page_hdf(pc, (long)i);

			render_ok(hdf, pc->tmpl, &out);
			assert_no_raw(pc->tmpl, f->name, out.data);
			if ((f->flags & F_HTML) && strstr(out.data, ATTACK_HTML) == NULL)
				fail_msg("%s: %s is not printed HTML-escaped", pc->tmpl, f->name);
			if (!(f->flags & F_HTML) && strstr(out.data, ATTACK_HTML) != NULL)
				fail_msg("%s: %s is printed as HTML text, the test expects a URL only", pc->tmpl, f->name);
			if ((f->flags & F_URL) && strstr(out.data, ATTACK_URL) == NULL)
				fail_msg("%s: %s is not printed URL-escaped", pc->tmpl, f->name);
			hdf_destroy(&hdf);
		}
	}
	buf_free(&out);
}

/* The page title comes from data on a profile page: it is escaped inside <title> too. */
static void
test_attack_in_title(void **state)
{
	struct buf out = { 0 };
	HDF *hdf = page_hdf(&pages[2], 0);	/* member.cs, TP.name_ko */

	(void)state;
	assert_string_equal(pages[2].fields[0].name, "TP.name_ko");
	render_ok(hdf, "member.cs", &out);
	assert_non_null(strstr(out.data, "<title>" ATTACK_HTML " | "));
	assert_int_equal(count_of(out.data, "</title>"), 1);
	hdf_destroy(&hdf);
	buf_free(&out);
}

/* ---- golden error pages ---- */

/*
 * Compare html with golden/name byte for byte; TP_UPDATE_GOLDEN=1 writes the file instead.
 * 0, or -1 after saying where they differ (the caller frees, then fails).
 */
static int
check_golden(const char *name, const char *html, size_t len)
{
	char path[8192], *want;
	size_t wlen, i;
	FILE *fp;

	if (snprintf(path, sizeof(path), "%s/%s", golden_dir, name) >= (int)sizeof(path))
		return -1;
	if (getenv("TP_UPDATE_GOLDEN") != NULL) {
		if ((fp = fopen(path, "wb")) == NULL || fwrite(html, 1, len, fp) != len || fclose(fp) != 0)
			return -1;
		print_message("wrote %s\n", path);
		return 0;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		print_error("cannot read %s (TP_UPDATE_GOLDEN=1 writes it)\n", path);
		return -1;
	}
	if ((want = malloc(len + 2)) == NULL) {
		fclose(fp);
		return -1;
	}
	wlen = fread(want, 1, len + 1, fp);
	fclose(fp);
	if (wlen == len && memcmp(want, html, len) == 0) {
		free(want);
		return 0;
	}
	for (i = 0; i < len && i < wlen && want[i] == html[i]; i++)
		;
	free(want);
	snprintf(path, sizeof(path), "%s.actual", name);
	if ((fp = fopen(path, "wb")) != NULL) {
		fwrite(html, 1, len, fp);
		fclose(fp);
	}
	print_error("%s: differs from %s/%s at byte %zu (%zu bytes, golden %zu); output in ./%s\n"
	    "(check the change by eye, then TP_UPDATE_GOLDEN=1 rewrites the golden file)\n",
	    name, golden_dir, name, i, len, wlen, path);
	return -1;
}

static void
test_golden_error_404(void **state)
{
	struct buf out = { 0 };
	HDF *hdf = render_hdf_new();
	int rc;

	(void)state;
	assert_non_null(hdf);
	render_set_int(hdf, 404, "Error.Status");
	render_set(hdf, "/no/such/page", "Page.Path");
	render_set(hdf, "http://127.0.0.1:8080", "Site.BaseUrl");
	render_set(hdf, "한국테크노파크진흥회", "Site.Name");
	render_set(hdf, "서울특별시 강남구 테헤란로 1 (예시)", "Site.Address");
	render_ok(hdf, "error.cs", &out);
	rc = check_golden("error_404.html", out.data, out.len);
	hdf_destroy(&hdf);
	buf_free(&out);
	assert_int_equal(rc, 0);
}

/* A 400 page naming a refused key that is itself an attack (the key comes from the query string). */
static void
test_golden_error_400_attack(void **state)
{
	struct buf out = { 0 };
	HDF *hdf = render_hdf_new();
	int rc;

	(void)state;
	assert_non_null(hdf);
	render_set_int(hdf, 400, "Error.Status");
	render_set(hdf, ATTACK, "Error.Param");
	render_set(hdf, ATTACK, "Page.Path");
	render_set(hdf, ATTACK, "Site.Address");
	render_ok(hdf, "error.cs", &out);
	assert_no_raw("error.cs", "golden 400", out.data);
	rc = check_golden("error_400_attack.html", out.data, out.len);
	hdf_destroy(&hdf);
	buf_free(&out);
	assert_int_equal(rc, 0);
}

/* Every status the dispatcher answers has its own title and text in the language file. */
static void
test_error_statuses_have_text(void **state)
{
	static const int statuses[] = { 400, 403, 404, 405, 413, 415, 422, 500, 503 };
	struct buf out = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(statuses); i++) {
		HDF *hdf = render_hdf_new();
		char name[64];
		const char *title, *text;

		assert_non_null(hdf);
		snprintf(name, sizeof(name), "L.error.%d.title", statuses[i]);
		title = hdf_get_value(hdf, name, NULL);
		snprintf(name, sizeof(name), "L.error.%d.text", statuses[i]);
		text = hdf_get_value(hdf, name, NULL);
		if (title == NULL || text == NULL)
			fail_msg("no L.error.%d.title/text in the language file", statuses[i]);
		render_set_int(hdf, statuses[i], "Error.Status");
		render_ok(hdf, "error.cs", &out);
		if (strstr(out.data, title) == NULL || strstr(out.data, text) == NULL)
			fail_msg("error.cs for %d lacks its title or text", statuses[i]);
		assert_whole_page("error.cs", out.data);
		hdf_destroy(&hdf);
	}
	buf_free(&out);
}

/* ---- render.c's own functions ---- */

static void
test_hdf_new(void **state)
{
	HDF *a = render_hdf_new(), *b = render_hdf_new();

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(hdf_get_value(a, "Config.VarEscapeMode", ""), "html");
	assert_null(hdf_get_value(a, "Config.DebugEnabled", NULL));
	assert_string_equal(hdf_get_value(a, "L.site.name", ""), "한국테크노파크진흥회");
	/* every request reads the one shared language tree: a write into it is refused, the next reads it unchanged */
	assert_int_equal(render_set(a, "changed", "L.site.name"), -1);
	assert_string_equal(hdf_get_value(b, "L.site.name", ""), "한국테크노파크진흥회");
	hdf_destroy(&a);
	hdf_destroy(&b);
	assert_null(a);
	assert_non_null(a = render_hdf_new());
	assert_string_equal(hdf_get_value(a, "L.site.name", ""), "한국테크노파크진흥회");
	hdf_destroy(&a);
}

static void
test_template_missing(void **state)
{
	static const char *const names[] = {
		"nope.cs", "", "../templates/error.cs", "/error.cs", "error.cs/", "ERROR.CS", "error", "lang/ko.hdf",
	};
	struct buf out = { 0 };
	HDF *hdf = render_hdf_new();
	size_t i;
#if defined(__SANITIZE_ADDRESS__)
	int leaked_before;
#endif

	(void)state;
	assert_non_null(hdf);
#if defined(__SANITIZE_ADDRESS__)
	/* memory an earlier failed test left behind would be blamed here: check without it */
	if ((leaked_before = __lsan_do_recoverable_leak_check()) != 0)
		print_message("earlier tests leaked (report above); the leak check below is skipped\n");
#endif
	for (i = 0; i < NELEM(names); i++) {
		if (render_template(hdf, names[i], &out) != -1)
			fail_msg("render_template(\"%s\") did not return -1", names[i]);
		assert_int_equal(out.len, 0);
	}
	hdf_destroy(&hdf);
	buf_free(&out);
#if defined(__SANITIZE_ADDRESS__)
	/* a refused name must not cost memory: the server runs for months */
	if (!leaked_before && __lsan_do_recoverable_leak_check() != 0)
		fail_msg("memory leaked by render_template on a missing template (LeakSanitizer report above)");
#endif
}

/* Rendering appends: what out held before stays in front. */
static void
test_template_appends(void **state)
{
	struct buf out = { 0 };
	HDF *hdf = render_hdf_new();
	size_t first;

	(void)state;
	render_set_int(hdf, 404, "Error.Status");
	assert_int_equal(buf_puts(&out, "HEAD\n"), 0);
	assert_int_equal(render_template(hdf, "error.cs", &out), 0);
	assert_true(strncmp(out.data, "HEAD\n", 5) == 0);
	first = out.len;
	assert_int_equal(render_template(hdf, "error.cs", &out), 0);
	assert_int_equal(out.len, 5 + 2 * (first - 5));
	assert_memory_equal(out.data + 5, out.data + first, first - 5);
	hdf_destroy(&hdf);
	buf_free(&out);
}

static void
test_set(void **state)
{
	char longname[300];
	HDF *hdf = render_hdf_new();

	(void)state;
	assert_non_null(hdf);
	assert_int_equal(render_set(hdf, "v", "A.%d.%s", 3, "x"), 0);
	assert_string_equal(hdf_get_value(hdf, "A.3.x", ""), "v");
	assert_int_equal(render_set(hdf, "w", "A.%d.%s", 3, "x"), 0);
	assert_string_equal(hdf_get_value(hdf, "A.3.x", ""), "w");
	assert_int_equal(render_set(hdf, "plain", "B"), 0);
	assert_string_equal(hdf_get_value(hdf, "B", ""), "plain");
	/* NULL (an SQL NULL) sets nothing */
	assert_int_equal(render_set(hdf, NULL, "C.%s", "d"), 0);
	assert_null(hdf_get_value(hdf, "C.d", NULL));
	/* a value is only a value: newline, '=' and '%' make no new nodes and are no format */
	assert_int_equal(render_set(hdf, "a\nE = evil %s %n", "D"), 0);
	assert_string_equal(hdf_get_value(hdf, "D", ""), "a\nE = evil %s %n");
	assert_null(hdf_get_value(hdf, "E", NULL));
	/* names longer than the buffer are refused, not cut */
	memset(longname, 'n', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(render_set(hdf, "v", "%s", longname), -1);
	longname[255] = '\0';
	assert_int_equal(render_set(hdf, "v", "%s", longname), 0);
	assert_string_equal(hdf_get_value(hdf, longname, ""), "v");
	hdf_destroy(&hdf);
}

static void
test_set_int(void **state)
{
	static const struct { long long v; const char *want; } cases[] = {
		{ 0, "0" }, { 1, "1" }, { -1, "-1" }, { 19674, "19674" },
		{ LLONG_MAX, "9223372036854775807" }, { LLONG_MIN, "-9223372036854775808" },
	};
	HDF *hdf = render_hdf_new();
	size_t i;

	(void)state;
	assert_non_null(hdf);
	for (i = 0; i < NELEM(cases); i++) {
		assert_int_equal(render_set_int(hdf, cases[i].v, "N.%zu.%s", i, "n"), 0);
		assert_string_equal(hdf_get_value(hdf, "N.0.n", "x"), "0");
	}
	for (i = 0; i < NELEM(cases); i++) {
		char name[32];

		snprintf(name, sizeof(name), "N.%zu.n", i);
		assert_string_equal(hdf_get_value(hdf, name, ""), cases[i].want);
	}
	assert_int_equal(render_set_int(hdf, 404, "Error.Status"), 0);
	assert_int_equal(hdf_get_int_value(hdf, "Error.Status", 0), 404);
	hdf_destroy(&hdf);
}

/* ---- page_util.c ---- */

static void
test_fmt_thousands(void **state)
{
	static const struct { long long v; const char *want; } cases[] = {
		{ 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 9999, "9,999" },
		{ 19674, "19,674" }, { 100000, "100,000" }, { 999999, "999,999" }, { 1000000, "1,000,000" },
		{ -1, "-1" }, { -999, "-999" }, { -1000, "-1,000" }, { -1234567, "-1,234,567" },
		{ LLONG_MAX, "9,223,372,036,854,775,807" },
		{ LLONG_MIN, "-9,223,372,036,854,775,808" },
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		memset(out, 'X', sizeof(out));
		text_fmt_thousands(cases[i].v, out, sizeof(out));
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("text_fmt_thousands(%lld): \"%s\", want \"%s\"", cases[i].v, out, cases[i].want);
	}
	/* a small buffer is cut and still terminated */
	memset(out, 'X', sizeof(out));
	text_fmt_thousands(1234567, out, 4);
	assert_string_equal(out, "1,2");
	assert_int_equal(out[4], 'X');
}

static void
test_fmt_eok(void **state)
{
	static const struct { long long v; const char *want; } cases[] = {
		{ 176031, "17조 6,031억 원" },
		{ 35200, "3조 5,200억 원" },
		{ 10000, "1조 원" },
		{ 10001, "1조 1억 원" },
		{ 20000, "2조 원" },
		{ 9999, "9,999억 원" },
		{ 999, "999억 원" },
		{ 1, "1억 원" },
		{ 0, "0억 원" },
		{ 1230000, "123조 원" },
	};
	char out[64];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		text_fmt_eok(cases[i].v, "ko", out, sizeof(out));
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("text_fmt_eok(%lld): \"%s\", want \"%s\"", cases[i].v, out, cases[i].want);
	}
	/* extremes do not crash and stay terminated */
	text_fmt_eok(LLONG_MAX, "ko", out, sizeof(out));
	assert_string_equal(out, "922337203685477조 5,807억 원");
	text_fmt_eok(LLONG_MIN, "ko", out, sizeof(out));
	assert_true(strlen(out) < sizeof(out));
}

static void
test_may_see_contacts(void **state)
{
	struct conf c;
	struct request rq = { 0 };

	(void)state;
	conf_defaults(&c);
	rq.conf = &c;
	assert_int_equal(page_may_see_contacts(&rq), 0);
	c.public_contacts = 1;
	assert_int_equal(page_may_see_contacts(&rq), 1);
	conf_free(&c);
}

/* ---- setup ---- */

/* snprintf that refuses to cut: 0, or -1 when the text does not fit. */
static int
path_printf(char *out, size_t size, const char *a, const char *b)
{
	int n = snprintf(out, size, "%s%s", a, b);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Where the templates and the golden files are: TP_TEMPLATE_DIR (make check), else next to this source file. */
static int
find_dirs(void)
{
	const char *env = getenv("TP_TEMPLATE_DIR"), *gold = getenv("TP_GOLDEN_DIR");
	char here[4096], *slash;

	if (path_printf(here, sizeof(here), __FILE__, "") != 0)
		return -1;
	if ((slash = strrchr(here, '/')) != NULL)
		*slash = '\0';
	else
		strcpy(here, ".");
	if (env != NULL ? path_printf(template_dir, sizeof(template_dir), env, "") :
	    path_printf(template_dir, sizeof(template_dir), here, "/../../templates"))
		return -1;
	if (gold != NULL)
		return path_printf(golden_dir, sizeof(golden_dir), gold, "");
	/* golden files live in the source tree, beside the templates' folder; the env var tells where */
	if (path_printf(golden_dir, sizeof(golden_dir), template_dir, "/../tests/unit/golden") != 0)
		return -1;
	return setenv("TP_GOLDEN_DIR", golden_dir, 1);
}

static int
group_setup(void **state)
{
	(void)state;
	if (find_dirs() != 0)
		return -1;
	nerr_init();
	return render_init(template_dir, "ko");
}

static int
group_teardown(void **state)
{
	(void)state;
	render_shutdown();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attack_all_fields),
		cmocka_unit_test(test_attack_each_field),
		cmocka_unit_test(test_attack_in_title),
		cmocka_unit_test(test_golden_error_404),
		cmocka_unit_test(test_golden_error_400_attack),
		cmocka_unit_test(test_error_statuses_have_text),
		cmocka_unit_test(test_hdf_new),
		cmocka_unit_test(test_template_missing),
		cmocka_unit_test(test_template_appends),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_set_int),
		cmocka_unit_test(test_fmt_thousands),
		cmocka_unit_test(test_fmt_eok),
		cmocka_unit_test(test_may_see_contacts),
	};

	return cmocka_run_group_tests_name("render", tests, group_setup, group_teardown);
}
