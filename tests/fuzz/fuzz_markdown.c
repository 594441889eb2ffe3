/*
 * fuzz_markdown.c - an article body through markdown_render, the only HTML the templates print raw.
 * Whatever the source, the HTML holds no element the safe mode should have removed (script, iframe,
 * raw tags), no javascript: link, no <h1> (the page's title is the only one), and is valid UTF-8.
 */
#include <strings.h>

#include "fuzz.h"
#include "core/text.h"
#include "view/markdown.h"

static int
has(const char *html, const char *needle)
{
	return strcasestr(html, needle) != NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *html = NULL;
	char *src;

	if (size > 64 * 1024 || (src = fuzz_strdup(data, size)) == NULL)
		return 0;
	if (markdown_render(src, size, &html) == 0) {
		FUZZ_ASSERT(html != NULL);
		FUZZ_ASSERT(!has(html, "<script") && !has(html, "<iframe") && !has(html, "<style"));
		FUZZ_ASSERT(!has(html, "href=\"javascript:") && !has(html, "src=\"javascript:"));
		FUZZ_ASSERT(!has(html, "<h1"));
		if (text_valid_utf8(src, size))
			FUZZ_ASSERT(text_valid_utf8(html, strlen(html)));
	}
	free(html);
	free(src);
	return 0;
}
