/*
 * search_query.h - what a reader typed into the search box, as words and as a Mroonga boolean query.
 * Pure functions (unit-tested in tests/unit/test_search_query.c).
 */
#ifndef TP_SEARCH_QUERY_H
#define TP_SEARCH_QUERY_H

#include <stddef.h>

#define SEARCH_MAX_CHARS	100	/* a longer query gets a message instead of a search */
#define SEARCH_MAX_WORDS	8
#define SEARCH_SPLIT_MIN	4	/* words of this many characters ... */
#define SEARCH_SPLIT_MAX	20	/* ... up to this many also match with a space inside (see below) */
#define SEARCH_PAGE		20	/* results a page */
#define SEARCH_MAX_PAGE		500	/* the largest page number the route takes (its limit on "page") */
#define SEARCH_LAST_PAGE	50	/* the last page of results shown: beyond it, "narrow the query" */
#define SEARCH_QUERY_SIZE	16384	/* enough for any accepted query (checked by the unit test) */

/* The outcome of search_words_parse. */
enum search_status {
	SEARCH_OK,
	SEARCH_EMPTY,		/* nothing to search for (only spaces, or characters the index ignores) */
	SEARCH_TOO_LONG,	/* more than SEARCH_MAX_CHARS characters */
	SEARCH_TOO_MANY		/* more than SEARCH_MAX_WORDS words */
};

struct search_words {
	size_t	n;
	char	w[SEARCH_MAX_WORDS][SEARCH_MAX_CHARS * 4 + 1];	/* each valid UTF-8, non-empty */
};

/*
 * Split q (valid UTF-8) into words at white space (ASCII and Unicode spaces, including U+3000).
 * Characters the index's normalizer drops (controls, format characters such as U+200B, combining
 * marks, variation selectors, Hangul fillers) are removed first: a word made only of them would
 * match every record. Returns a search_status; out holds the words when SEARCH_OK.
 */
enum search_status search_words_parse(const char *q, struct search_words *out);

/*
 * The Mroonga boolean-mode query for words into out (size bytes, SEARCH_QUERY_SIZE is enough):
 * every word is required (AND), each as a quoted phrase, so operators typed by the reader are
 * plain text; a title match weighs ten times a body match. A word of SEARCH_SPLIT_MIN to
 * SEARCH_SPLIT_MAX characters may also appear with a space inside, after its second and before its
 * last two characters (테마패키지 finds 테마 패키지 and 테마패 키지): Groonga's phrase with a space matches
 * the text with or without it. Shorter words match exactly as typed, so 산업 never matches 부산 업체.
 * A space typed between words means both words, in any order and spacing (테마 패키지 finds
 * 테마패키지). Returns 0, or -1 when out is too small.
 */
int	search_query_build(const struct search_words *words, char *out, size_t size);

#endif
