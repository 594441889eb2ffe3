/*
 * fuzz_snippet.c - snippet_make over a record's text with the reader's words: the input is
 * "words\ntext" (the words go through search_words_parse as on the page); the first byte picks the
 * width. Every segment lies inside the text, in order, on character boundaries.
 */
#include "fuzz.h"
#include "core/search_query.h"
#include "core/text.h"
#include "view/snippet.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct search_words w;
	const char *terms[SEARCH_MAX_WORDS];
	struct snippet sn;
	const uint8_t *nl;
	char *words, *text;
	size_t i, n, tlen, end = 0;

	if (size < 2 || (nl = memchr(data + 1, '\n', size - 1)) == NULL)
		return 0;
	n = (size_t)(nl - data - 1);
	tlen = size - n - 2;
	if (!text_valid_utf8((const char *)data + 1, n) || !text_valid_utf8((const char *)nl + 1, tlen))
		return 0;
	if ((words = fuzz_strdup(data + 1, n)) == NULL)
		return 0;
	if ((text = fuzz_strdup(nl + 1, tlen)) == NULL || search_words_parse(words, &w) != SEARCH_OK)
		goto out;
	for (i = 0; i < w.n; i++)
		terms[i] = w.w[i];
	snippet_make(text, tlen, terms, w.n, data[0] % 4 == 0 ? 0 : data[0], &sn);
	FUZZ_ASSERT(sn.nseg <= SNIPPET_MAX_SEGS);
	for (i = 0; i < sn.nseg; i++) {
		const struct snippet_seg *g = &sn.seg[i];

		FUZZ_ASSERT(g->off >= end && g->off + g->len <= tlen);
		FUZZ_ASSERT(text_valid_utf8(text + g->off, g->len));	/* cut between characters */
		end = g->off + g->len;
	}
out:
	free(words);
	free(text);
	return 0;
}
