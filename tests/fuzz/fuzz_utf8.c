/*
 * fuzz_utf8.c - core/text.c: the UTF-8 check against a reference decoder written here from RFC 3629,
 * and the character counting and cutting that must never split a character.
 */
#include "fuzz.h"
#include "core/text.h"

/* RFC 3629 by the table of well-formed byte sequences (its section 4), no NUL. */
static int
ref_valid(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		unsigned char lo = 0x80, hi = 0xbf;

		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			if (c == 0xe0)
				lo = 0xa0;
			if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			if (c == 0xf0)
				lo = 0x90;
			if (c == 0xf4)
				hi = 0x8f;
		} else
			return 0;
		if (i + n >= len)
			return 0;
		for (k = 1; k <= n; k++) {
			unsigned char d = s[i + k];

			if (k == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xbf))
				return 0;
		}
		i += n + 1;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	char *copy, *cut;
	size_t chars, max, pre;
	long long v;

	if (size < 1 || (copy = fuzz_strdup(data + 1, size - 1)) == NULL)
		return 0;
	s = copy;
	size--;
	FUZZ_ASSERT(text_valid_utf8(s, size) == ref_valid((const unsigned char *)s, size));
	(void)text_is_slug(s, 40);
	(void)parse_ll(s, -1000, 1000000, &v);
	if (text_valid_utf8(s, size)) {
		chars = text_utf8_chars(s, size);
		FUZZ_ASSERT(chars <= size);
		max = data[0] % 64;
		pre = text_utf8_prefix(s, size, max);
		FUZZ_ASSERT(pre <= size);
		FUZZ_ASSERT(text_valid_utf8(s, pre));	/* a cut between characters stays valid */
		FUZZ_ASSERT(text_utf8_chars(s, pre) == (chars < max ? chars : max));
		if ((cut = text_ellipsize(s, max)) != NULL) {
			FUZZ_ASSERT(text_valid_utf8(cut, strlen(cut)));
			free(cut);
		}
	}
	free(copy);
	return 0;
}
