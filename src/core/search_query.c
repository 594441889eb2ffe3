/* search_query.c - the reader's words and the Mroonga boolean query made of them. Pure functions. */
#include <string.h>

#include "core/buf.h"
#include "core/search_query.h"
#include "core/text.h"

/* Decode the character at s (valid UTF-8); *len gets its length in bytes. */
static unsigned long
decode(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] < 0xE0) {
		*len = 2;
		return ((s[0] & 0x1FUL) << 6) | (s[1] & 0x3FUL);
	}
	if (s[0] < 0xF0) {
		*len = 3;
		return ((s[0] & 0x0FUL) << 12) | ((s[1] & 0x3FUL) << 6) | (s[2] & 0x3FUL);
	}
	*len = 4;
	return ((s[0] & 0x07UL) << 18) | ((s[1] & 0x3FUL) << 12) | ((s[2] & 0x3FUL) << 6) | (s[3] & 0x3FUL);
}

static int
is_space(unsigned long c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Characters the utf8mb4_unicode_ci normalizer drops: a phrase made only of them matches everything. */
static int
is_ignorable(unsigned long c)
{
	static const unsigned long ranges[][2] = {
		{ 0x00, 0x1F }, { 0x7F, 0x9F }, { 0xAD, 0xAD }, { 0x300, 0x36F }, { 0x34F, 0x34F },
		{ 0x115F, 0x1160 }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
		{ 0x202A, 0x202E }, { 0x2060, 0x206F }, { 0x20D0, 0x20FF }, { 0x3164, 0x3164 },
		{ 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 },
		{ 0xFFF0, 0xFFFF }, { 0xE0000, 0xE0FFF },
	};
	size_t i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return 1;
	return 0;
}

enum search_status
search_words_parse(const char *q, struct search_words *out)
{
	const unsigned char *s = (const unsigned char *)(q != NULL ? q : "");
	size_t len, at = 0;
	unsigned long c;

	memset(out, 0, sizeof(*out));
	if (text_utf8_chars(q != NULL ? q : "", strlen(q != NULL ? q : "")) > SEARCH_MAX_CHARS)
		return SEARCH_TOO_LONG;
	for (; *s != '\0'; s += len) {
		c = decode(s, &len);
		if (is_space(c)) {
			if (at > 0) {
				out->n++;
				at = 0;
			}
			continue;
		}
		if (is_ignorable(c))
			continue;
		if (at == 0 && out->n == SEARCH_MAX_WORDS)
			return SEARCH_TOO_MANY;
		memcpy(out->w[out->n] + at, s, len);	/* fits: at most SEARCH_MAX_CHARS characters in all */
		at += len;
	}
	if (at > 0)
		out->n++;
	return out->n == 0 ? SEARCH_EMPTY : SEARCH_OK;
}

/* Append word[0..len) as a quoted phrase, with a space after byte split (0: none). */
static int
phrase(struct buf *b, const char *word, size_t len, size_t split)
{
	size_t i;
	int rc = buf_puts(b, "\"");

	for (i = 0; i < len; i++) {
		if (split > 0 && i == split)
			rc |= buf_puts(b, " ");
		if (word[i] == '"' || word[i] == '\\')
			rc |= buf_puts(b, "\\");
		rc |= buf_append(b, word + i, 1);
	}
	return rc | buf_puts(b, "\"");
}

/* Append one required word: the phrase, or for a compound-length word the phrase OR its spaced forms. */
static int
word_clause(struct buf *b, const char *word)
{
	size_t len = strlen(word), n = text_utf8_chars(word, len), k, at;
	int rc = 0;

	if (n < SEARCH_SPLIT_MIN || n > SEARCH_SPLIT_MAX)
		return phrase(b, word, len, 0);
	rc |= buf_puts(b, "(");
	rc |= phrase(b, word, len, 0);
	/* a space after character k, for k = 2 .. n-2 (both parts at least two characters) */
	for (k = 2; k + 2 <= n; k++) {
		at = text_utf8_prefix(word, len, k);
		rc |= buf_puts(b, " OR ");
		rc |= phrase(b, word, len, at);
	}
	return rc | buf_puts(b, ")");
}

int
search_query_build(const struct search_words *words, char *out, size_t size)
{
	struct buf b = { 0 };
	size_t i;
	int rc;

	/* D+: words are ANDed; W1:10,2:1: a match in the title (section 1) counts ten times one in the body. */
	rc = buf_puts(&b, "*D+W1:10,2:1");
	for (i = 0; i < words->n; i++) {
		rc |= buf_puts(&b, " ");
		rc |= word_clause(&b, words->w[i]);
	}
	if (rc != 0 || b.len + 1 > size) {
		buf_free(&b);
		return -1;
	}
	memcpy(out, b.data, b.len + 1);
	buf_free(&b);
	return 0;
}
