/*
 * test_markdown.c - unit tests for markdown.c: attack strings never come out as markup (scripts, raw
 * HTML blocks and inlines, event handlers, javascript:/vbscript:/data:/file: links and autolinks,
 * entity tricks), safe Markdown keeps working, headings start at <h2>, and the output is valid
 * XML text (no control characters).
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "view/markdown.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static char *
render(const char *src)
{
	char *html = NULL;

	assert_int_equal(markdown_render(src, strlen(src), &html), 0);
	assert_non_null(html);
	return html;
}

/* Lower-case copy, so that markers are found whatever their case. */
static char *
lower(const char *s)
{
	char *d = strdup(s);
	size_t i;

	assert_non_null(d);
	for (i = 0; d[i] != '\0'; i++)
		d[i] = (char)tolower((unsigned char)d[i]);
	return d;
}

/* 1 when html has an attribute whose name starts with "on" (onerror=, onload=, ...) inside a tag (not inside a quoted value). */
static int
has_event_attribute(const char *html)
{
	const char *p = html;
	int in_tag = 0, quote = 0;

	for (; *p != '\0'; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '<')
			in_tag = 1;
		else if (*p == '>')
			in_tag = 0;
		else if (in_tag && (*p == '"' || *p == '\''))
			quote = *p;
		else if (in_tag && (p[0] == ' ' || p[0] == '\t' || p[0] == '\n' || p[0] == '/') &&
		    (p[1] == 'o') && (p[2] == 'n') && isalpha((unsigned char)p[3]))
			return 1;
	}
	return 0;
}

/* Markers of markup that must never come out of the renderer (checked lower-cased). */
static const char *const forbidden[] = {
	"<script", "</script", "<img src=\"x\"", "<svg", "<iframe", "<object", "<embed", "<style", "<div", "<a href=\"javascript",
	"href=\"javascript:", "href=\"vbscript:", "href=\"data:", "src=\"data:", "href=\"file:", "src=\"javascript:",
	"<!--", "<form", "<input", "<meta", "<link", "<base",
};

static const char *const attacks[] = {
	"<script>alert(1)</script>",
	"<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
	"text <script>alert(1)</script> more",
	"<div onclick=\"alert(1)\">hi</div>",
	"<div>\n\n*md inside*\n\n</div>",
	"a <img src=x onerror=alert(1)> b",
	"<img src=x onerror=alert(1)>",
	"<svg onload=alert(1)>",
	"<iframe src=\"javascript:alert(1)\"></iframe>",
	"<a href=\"javascript:alert(1)\">x</a>",
	"<!-- a comment --> after",
	"<style>body{display:none}</style>",
	"<form action=/logout method=post><input type=submit></form>",
	"[x](javascript:alert(1))",
	"[x](JaVaScRiPt:alert(1))",
	"[x](jav&#x61;script:alert(1))",
	"[x](&#106;avascript:alert(1))",
	"[x](<java\tscript:alert(1)>)",
	"[x](<javascript&#58;alert(1)>)",
	"[x]( javascript:alert(1))",
	"[x](vbscript:msgbox(1))",
	"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
	"[x](file:///etc/passwd)",
	"[x][r]\n\n[r]: javascript:alert(1)",
	"<javascript:alert(1)>",
	"<JAVASCRIPT:alert(1)>",
	"<vbscript:msgbox(1)>",
	"<data:text/html,<script>alert(1)</script>>",
	"![y](data:image/png;base64,iVBORw0KGgo=)",
	"![y](javascript:alert(1))",
	"![x](<x\" onerror=\"alert(1)>)",
	"![x](x\" onerror=\"alert(1))",
	"![x\" onerror=\"alert(1)](https://example.org/a.png)",
	"[x](https://example.org/ \"t\\\" onmouseover=\\\"alert(1)\")",
	"&lt;script&gt;alert(1)&lt;/script&gt;",
	"&#60;script&#62;alert(1)&#60;/script&#62;",
	"&#x3C;img src=x onerror=alert(1)&#x3E;",
	"`<script>alert(1)</script>`",
	"    <script>alert(1)</script>",
	"```\n<script>alert(1)</script>\n```",
	"> <script>alert(1)</script>",
	"- <img src=x onerror=alert(1)>",
	"**<svg/onload=alert(1)>**",
	"<scr<script>ipt>alert(1)</script>",
	"[<img src=x onerror=alert(1)>](https://example.org)",
};

static void
test_attacks(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < NELEM(attacks); i++) {
		char *html = render(attacks[i]), *lc = lower(html);

		for (k = 0; k < NELEM(forbidden); k++)
			if (strstr(lc, forbidden[k]) != NULL)
				fail_msg("attack %zu %s: output has %s: %s", i, attacks[i], forbidden[k], html);
		if (has_event_attribute(lc))
			fail_msg("attack %zu %s: an on* attribute: %s", i, attacks[i], html);
		if (strstr(lc, "javascript:") != NULL && strstr(lc, "href=") != NULL &&
		    strstr(lc, "href=\"javascript") != NULL)
			fail_msg("attack %zu: javascript: link: %s", i, html);
		free(lc);
		free(html);
	}
}

/* The text of an unsafe link stays; the link goes. */
static void
test_unwrapped_links(void **state)
{
	char *html;

	(void)state;
	html = render("[click me](javascript:alert(1))");
	assert_string_equal(html, "<p>click me</p>\n");
	free(html);
	html = render("<javascript:alert(1)>");
	assert_null(strstr(html, "<a"));
	assert_non_null(strstr(html, "javascript:alert(1)"));	/* shown as text, not as a link */
	free(html);
	html = render("![logo](data:image/png;base64,AAAA)");
	assert_string_equal(html, "<p>logo</p>\n");
	free(html);
	html = render("<b>bold?</b> text");
	assert_string_equal(html, "<p>bold? text</p>\n");
	free(html);
	html = render("&lt;b&gt; &#60;i&#62;");
	assert_string_equal(html, "<p>&lt;b&gt; &lt;i&gt;</p>\n");
	free(html);
}

static void
test_safe_markdown(void **state)
{
	static const struct { const char *md; const char *html; } cases[] = {
		{ "# \xEC\xA0\x9C\xEB\xAA\xA9", "<h2>\xEC\xA0\x9C\xEB\xAA\xA9</h2>\n" },
		{ "## b", "<h2>b</h2>\n" },
		{ "###### six", "<h2>six</h2>\n" },
		{ "# a\n\n## b\n\n###### f", "<h2>a</h2>\n<h3>b</h3>\n<h6>f</h6>\n" },
		{ "## a\n\n### b", "<h2>a</h2>\n<h3>b</h3>\n" },
		{ "*a* **b** `c`", "<p><em>a</em> <strong>b</strong> <code>c</code></p>\n" },
		{ "[site](https://example.org/a?b=1&c=2)", "<p><a href=\"https://example.org/a?b=1&amp;c=2\">site</a></p>\n" },
		{ "[news](/news/1)", "<p><a href=\"/news/1\">news</a></p>\n" },
		{ "[top](#top)", "<p><a href=\"#top\">top</a></p>\n" },
		{ "[mail](mailto:info@example.org)", "<p><a href=\"mailto:info@example.org\">mail</a></p>\n" },
		{ "<https://example.org>", "<p><a href=\"https://example.org\">https://example.org</a></p>\n" },
		{ "![chart](/static/chart.png)", "<p><img src=\"/static/chart.png\" alt=\"chart\" /></p>\n" },
		{ "- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n" },
		{ "a\r\nb", "<p>a\nb</p>\n" },
		{ "a & b < c", "<p>a &amp; b &lt; c</p>\n" },
		{ "", "" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		char *html = render(cases[i].md);

		if (strcmp(html, cases[i].html) != 0)
			fail_msg("%s: got %s, expected %s", cases[i].md, html, cases[i].html);
		free(html);
	}
}

static void
test_url_allowed(void **state)
{
	(void)state;
	assert_true(markdown_url_allowed("https://example.org", 0));
	assert_true(markdown_url_allowed("HTTP://example.org", 1));
	assert_true(markdown_url_allowed("/news?a=b:c", 0));
	assert_true(markdown_url_allowed("a/b:c", 0));
	assert_true(markdown_url_allowed("#x", 0));
	assert_true(markdown_url_allowed("mailto:a@b.kr", 0));
	assert_false(markdown_url_allowed("mailto:a@b.kr", 1));
	assert_false(markdown_url_allowed("javascript:alert(1)", 0));
	assert_false(markdown_url_allowed("JavaScript:alert(1)", 0));
	assert_false(markdown_url_allowed("java\tscript:alert(1)", 0));
	assert_false(markdown_url_allowed(" javascript:alert(1)", 0));
	assert_false(markdown_url_allowed("\x01javascript:alert(1)", 0));
	assert_false(markdown_url_allowed("vbscript:x", 0));
	assert_false(markdown_url_allowed("data:image/png;base64,AAAA", 1));
	assert_false(markdown_url_allowed("file:///etc/passwd", 0));
	assert_false(markdown_url_allowed(":x", 0));
	assert_false(markdown_url_allowed("\\\\evil\\share", 0));
	assert_false(markdown_url_allowed(NULL, 0));
}

/* Control characters and U+FFFE/U+FFFF never reach the HTML (it goes into the Atom feed as XML text). */
static void
test_xml_clean(void **state)
{
	static const char src[] = "a\x01" "b\x0b" "c\x1f" "d\xEF\xBF\xBF" "e\xEF\xBF\xBE" "f\0g";
	char *html = NULL;
	size_t i;

	(void)state;
	assert_int_equal(markdown_render(src, sizeof(src) - 1, &html), 0);
	assert_string_equal(html, "<p>abcdefg</p>\n");
	for (i = 0; html[i] != '\0'; i++)
		assert_true((unsigned char)html[i] >= 0x20 || html[i] == '\n' || html[i] == '\t');
	free(html);
	/* invalid UTF-8 is replaced, not passed on */
	assert_int_equal(markdown_render("\xC0\xAF", 2, &html), 0);
	assert_null(strstr(html, "\xC0"));
	free(html);
}

static void
test_limits(void **state)
{
	char *big = malloc(MARKDOWN_MAX_SOURCE + 1), *html = (char *)1;

	(void)state;
	assert_non_null(big);
	memset(big, 'a', MARKDOWN_MAX_SOURCE + 1);
	assert_int_equal(markdown_render(big, MARKDOWN_MAX_SOURCE + 1, &html), -1);
	assert_null(html);
	assert_int_equal(markdown_render(big, MARKDOWN_MAX_SOURCE, &html), 0);
	free(html);
	free(big);
	assert_int_equal(markdown_render(NULL, 0, &html), 0);
	assert_string_equal(html, "");
	free(html);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attacks),
		cmocka_unit_test(test_unwrapped_links),
		cmocka_unit_test(test_safe_markdown),
		cmocka_unit_test(test_url_allowed),
		cmocka_unit_test(test_xml_clean),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
