/* snippet.c - the part of a result's text around its first match, with the matches marked. Pure. */
#include <string.h>

#include "core/search_query.h"
#include "view/snippet.h"
#include "core/text.h"

#define NEAR_SPACE	12	/* characters a cut may move to end or start at a space */

/* Length of the UTF-8 sequence that starts with byte c (1 for a stray byte, so loops always advance). */
static size_t
seq_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The byte length of the white space at t[i] (ASCII, U+00A0, U+3000), or 0. */
static size_t
space_at(const unsigned char *t, size_t len, size_t i)
{
	if (i < len && (t[i] == ' ' || (t[i] >= '\t' && t[i] <= '\r')))
		return 1;
	if (i + 1 < len && t[i] == 0xC2 && t[i + 1] == 0xA0)
		return 2;
	if (i + 2 < len && t[i] == 0xE3 && t[i + 1] == 0x80 && t[i + 2] == 0x80)
		return 3;
	return 0;
}

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* The byte length of a match of term (tlen bytes, tchars characters) at t[pos], or 0. */
static size_t
match_at(const unsigned char *t, size_t len, size_t pos, const unsigned char *term, size_t tlen, size_t tchars)
{
	int may_split = tchars >= SEARCH_SPLIT_MIN && tchars <= SEARCH_SPLIT_MAX, split = 0;
	size_t i = pos, j = 0, k = 0, n, c;

	while (j < tlen) {
		if (may_split && !split && k >= 2 && k + 2 <= tchars && space_at(t, len, i) > 0) {
			while ((n = space_at(t, len, i)) > 0)
				i += n;
			split = 1;
			continue;
		}
		n = seq_len(term[j]);
		if (i + n > len || j + n > tlen)
			return 0;
		for (c = 0; c < n; c++)
			if (fold(t[i + c]) != fold(term[j + c]))
				return 0;
		i += n;
		j += n;
		k++;
	}
	return i - pos;
}

/* The longest match of any term at t[pos], or 0. */
static size_t
any_match(const unsigned char *t, size_t len, size_t pos, const char *const *terms, size_t nterms,
    const size_t *tchars)
{
	size_t i, m, best = 0;

	for (i = 0; i < nterms; i++)
		if (tchars[i] > 0 && (m = match_at(t, len, pos,
		    (const unsigned char *)terms[i], strlen(terms[i]), tchars[i])) > best)
			best = m;
	return best;
}

/* Step back n characters from byte i (stopping at 0). */
static size_t
back_chars(const unsigned char *t, size_t i, size_t n)
{
	while (n > 0 && i > 0) {
		i--;
		while (i > 0 && (t[i] & 0xC0) == 0x80)
			i--;
		n--;
	}
	return i;
}

/* Step forward n characters from byte i (stopping at len). */
static size_t
fwd_chars(const unsigned char *t, size_t len, size_t i, size_t n)
{
	while (n-- > 0 && i < len)
		i += seq_len(t[i]);
	return i < len ? i : len;
}

/* Where the cut starts: n characters before pos, just after a space if one is near, spaces skipped. */
static size_t
cut_start(const unsigned char *t, size_t len, size_t pos, size_t n)
{
	size_t ws = back_chars(t, pos, n), i = ws, k, s;

	if (ws > 0)
		for (k = 0; k < NEAR_SPACE && i < pos; k++, i += seq_len(t[i]))
			if ((s = space_at(t, len, i)) > 0) {
				ws = i + s;
				break;
			}
	while (ws < pos && (s = space_at(t, len, ws)) > 0)
		ws += s;
	return ws;
}

/* Where the cut ends: n characters after ws (not before min), at a space if one is near, spaces trimmed. */
static size_t
cut_end(const unsigned char *t, size_t len, size_t ws, size_t min, size_t n)
{
	size_t we = fwd_chars(t, len, ws, n), i, k;

	if (we < min)
		we = min;
	if (we < len)
		for (i = we, k = 0; k < NEAR_SPACE && i > min; k++) {
			i = back_chars(t, i, 1);
			if (space_at(t, len, i) > 0) {
				we = i;
				break;
			}
		}
	while (we > min) {
		i = back_chars(t, we, 1);
		if (space_at(t, len, i) == 0)
			break;
		we = i;
	}
	return we;
}

static void
add_seg(struct snippet *out, size_t off, size_t end, int match)
{
	if (end > off && out->nseg < SNIPPET_MAX_SEGS) {
		out->seg[out->nseg].off = off;
		out->seg[out->nseg].len = end - off;
		out->seg[out->nseg].match = match;
		out->nseg++;
	}
}

/* Mark the matches in t[ws..we) as segments, merging overlapping and adjacent ones. */
static void
mark(const unsigned char *t, size_t len, size_t ws, size_t we, const char *const *terms, size_t nterms,
    const size_t *tchars, struct snippet *out)
{
	size_t pos = ws, done = ws, ms = 0, me = 0, m;
	int open = 0;

	for (; pos < we; pos += seq_len(t[pos])) {
		if ((m = any_match(t, len, pos, terms, nterms, tchars)) == 0)
			continue;
		if (open && pos <= me) {
			if (pos + m > me)
				me = pos + m < we ? pos + m : we;
			continue;
		}
		if (pos + m > we)	/* a match the cut would split is left unmarked */
			continue;
		if (open) {
			/* room for this one, the next (text and match) and the text after the last */
			if (out->nseg + 5 > SNIPPET_MAX_SEGS)
				break;
			add_seg(out, done, ms, 0);
			add_seg(out, ms, me, 1);
			done = me;
		}
		ms = pos;
		me = pos + m;
		open = 1;
	}
	if (open) {
		add_seg(out, done, ms, 0);
		add_seg(out, ms, me, 1);
		done = me;
	}
	add_seg(out, done, we, 0);
}

void
snippet_make(const char *text, size_t len, const char *const *terms, size_t nterms, size_t width,
    struct snippet *out)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t tchars[SEARCH_MAX_WORDS], pos, m = 0, first = 0, flen = 0, ws, we, i;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		return;
	if (nterms > SEARCH_MAX_WORDS)
		nterms = SEARCH_MAX_WORDS;
	for (i = 0; i < nterms; i++)
		tchars[i] = terms[i] != NULL ? text_utf8_chars(terms[i], strlen(terms[i])) : 0;
	for (pos = 0; pos < len; pos += seq_len(t[pos]))
		if ((m = any_match(t, len, pos, terms, nterms, tchars)) > 0) {
			first = pos;
			flen = m;
			out->matched = 1;
			break;
		}
	if (width == 0) {
		ws = 0;
		we = len;
	} else {
		ws = out->matched ? cut_start(t, len, first, width / 4) : 0;
		/* a match near the end: take more of the text before it, so the cut is still about width long */
		if (ws > 0 && text_utf8_chars(text + ws, len - ws) < width && (i = cut_start(t, len, len, width)) < ws)
			ws = i;
		we = cut_end(t, len, ws, first + flen, width);
	}
	out->cut_before = ws > 0;
	out->cut_after = we < len;
	mark(t, len, ws, we, terms, nterms, tchars, out);
}
