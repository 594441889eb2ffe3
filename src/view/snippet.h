/*
 * snippet.h - a search result's text cut down to the part around the first match, with every match
 * marked. Pure (unit-tested in tests/unit/test_snippet.c): no allocation, segments point into the text.
 *
 * The page puts each segment's text into the HDF as it is, and the template prints it with var:
 * (escaped), inside <mark> when it is a match, so nothing from a record is ever printed raw.
 */
#ifndef TP_SNIPPET_H
#define TP_SNIPPET_H

#include <stddef.h>

#define SNIPPET_MAX_SEGS	33	/* up to 16 marked matches with the text around them */

struct snippet_seg {
	size_t	off;		/* bytes into the text; always on a character boundary */
	size_t	len;
	int	match;		/* 1: a term matched here */
};

struct snippet {
	struct snippet_seg	seg[SNIPPET_MAX_SEGS];
	size_t			nseg;
	int			cut_before;	/* text before the first segment was left out */
	int			cut_after;	/* text after the last segment was left out */
	int			matched;	/* some term matched somewhere in the text */
};

/*
 * Cut text[0..len) (valid UTF-8) to about width characters around the first match of any of the
 * nterms terms: about a quarter of width before it, the rest after, moved to a space nearby when
 * there is one. Cuts fall only between characters, never inside a UTF-8 sequence (a Hangul
 * syllable is three bytes). Every match inside the cut is a segment with match = 1; overlapping
 * and adjacent matches merge into one. Matching is as the search's: ASCII letters in any case; a term
 * of SEARCH_SPLIT_MIN..SEARCH_SPLIT_MAX characters also matches with white space after its second
 * and before its last two characters (테마패키지 marks 테마 패키지). When nothing matches, the cut is the
 * start of the text. width 0 means the whole text.
 */
void	snippet_make(const char *text, size_t len, const char *const *terms, size_t nterms, size_t width,
	    struct snippet *out);

#endif
