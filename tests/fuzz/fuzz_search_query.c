/*
 * fuzz_search_query.c - what a reader types into /search: search_words_parse, then search_query_build
 * into a SEARCH_QUERY_SIZE buffer (the page's). Words are valid UTF-8, non-empty, within the limits, and
 * the boolean query always fits.
 */
#include "fuzz.h"
#include "core/search_query.h"
#include "core/text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct search_words w;
	static char q[SEARCH_QUERY_SIZE];
	size_t i;
	char *s;

	/* the page passes only valid UTF-8 (the route's PT_TEXT check) */
	if (!text_valid_utf8((const char *)data, size) || (s = fuzz_strdup(data, size)) == NULL)
		return 0;
	if (search_words_parse(s, &w) == SEARCH_OK) {
		FUZZ_ASSERT(w.n >= 1 && w.n <= SEARCH_MAX_WORDS);
		for (i = 0; i < w.n; i++) {
			FUZZ_ASSERT(w.w[i][0] != '\0');
			FUZZ_ASSERT(text_valid_utf8(w.w[i], strlen(w.w[i])));
		}
		FUZZ_ASSERT(search_query_build(&w, q, sizeof(q)) == 0);
		FUZZ_ASSERT(strlen(q) < sizeof(q));
	}
	free(s);
	return 0;
}
