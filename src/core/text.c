/* text.c - strict UTF-8 checks, cutting that never splits a character, strict numbers. Pure functions. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#define ELLIPSIS	"\xE2\x80\xA6"	/* U+2026 HORIZONTAL ELLIPSIS */

static int
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/*
 * Length of the well-formed sequence at s (of at most len bytes), or 0 when it is not one.
 * The ranges are those of Unicode's table 3-7: the narrowed second byte after E0, ED, F0 and
 * F4 is what rules out overlongs, surrogates and code points above U+10FFFF.
 */
static size_t
seq_len(const unsigned char *s, size_t len)
{
	unsigned char	 c = s[0], lo = 0x80, hi = 0xBF;
	size_t		 n, i;

	if (c == 0x00)
		return 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4;
	else
		return 0;	/* continuation byte, C0/C1 overlong lead, or F5..FF */
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (len < n)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (!is_cont(s[i]))
			return 0;
	return n;
}

/* 1 when s[0..len) is well-formed UTF-8 without a NUL byte. */
int
text_valid_utf8(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n;

	while (i < len) {
		if ((n = seq_len(u + i, len - i)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

/* Characters in valid UTF-8 text: every byte that is not a continuation byte starts one. */
size_t
text_utf8_chars(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, n = 0;

	for (i = 0; i < len; i++)
		if (!is_cont(u[i]))
			n++;
	return n;
}

/* Bytes in the longest prefix with at most max_chars characters; stops only before a lead byte. */
size_t
text_utf8_prefix(const char *s, size_t len, size_t max_chars)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n = 0;

	while (i < len && n < max_chars) {
		i++;
		while (i < len && is_cont(u[i]))
			i++;
		n++;
	}
	return i;
}

/*
 * Copy of s cut to max_chars characters, plus "…" when something was cut (so the result has
 * at most max_chars + 1 characters). Caller frees. NULL on ENOMEM.
 */
char *
text_ellipsize(const char *s, size_t max_chars)
{
	size_t	 len = strlen(s), cut;
	char	*out;

	cut = text_utf8_prefix(s, len, max_chars);
	if ((out = malloc(cut + sizeof(ELLIPSIS))) == NULL)
		return NULL;
	memcpy(out, s, cut);
	if (cut < len)
		memcpy(out + cut, ELLIPSIS, sizeof(ELLIPSIS));
	else
		out[cut] = '\0';
	return out;
}

/* 1 when s is 1..max bytes of [a-z0-9-], not starting or ending with '-'. */
int
text_is_slug(const char *s, size_t max)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++) {
		if (i >= max)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	}
	return i > 0 && s[0] != '-' && s[i - 1] != '-';
}

/*
 * Parse a whole-string decimal integer in [min, max] into *out; 0 or -1. Digits only, after a
 * '-' that is allowed only when min < 0 (so "-0" is no second spelling of an id). strtoll alone
 * would accept spaces and '+', hence the check first.
 */
int
parse_ll(const char *s, long long min, long long max, long long *out)
{
	const char	*p = s;
	char		*end;
	long long	 n;

	if (p == NULL)
		return -1;
	if (*p == '-' && min < 0)
		p++;
	if (*p == '\0')
		return -1;
	for (; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return -1;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}

void
text_fmt_thousands(long long n, char *out, size_t size)
{
	char digits[32], tmp[48];
	size_t len, i, j = 0;
	int neg = n < 0;

	snprintf(digits, sizeof(digits), "%llu", neg ? 0ULL - (unsigned long long)n : (unsigned long long)n);
	len = strlen(digits);
	if (neg)
		tmp[j++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			tmp[j++] = ',';
		tmp[j++] = digits[i];
	}
	tmp[j] = '\0';
	snprintf(out, size, "%s", tmp);
}

/* English: tenths of the unit, rounded half up, as "17.6" or "500" (a whole number loses its ".0"). */
static void
fmt_tenths(long long tenths, const char *unit, char *out, size_t size)
{
	char whole[32];

	text_fmt_thousands(tenths / 10, whole, sizeof(whole));
	if (tenths % 10 == 0)
		snprintf(out, size, "KRW %s %s", whole, unit);
	else
		snprintf(out, size, "KRW %s.%lld %s", whole, tenths % 10, unit);
}

void
text_fmt_eok(long long eok, const char *lang, char *out, size_t size)
{
	char rest[32];

	if (lang == NULL || strcmp(lang, "ko") == 0) {
		if (eok >= 10000) {
			text_fmt_thousands(eok % 10000, rest, sizeof(rest));
			if (eok % 10000 == 0)
				snprintf(out, size, "%lld조 원", eok / 10000);
			else
				snprintf(out, size, "%lld조 %s억 원", eok / 10000, rest);
		} else {
			text_fmt_thousands(eok, rest, sizeof(rest));
			snprintf(out, size, "%s억 원", rest);
		}
		return;
	}
	/* 1억 원 is 100 million won: 10,000억 a trillion, 10억 a billion */
	if (eok < 0)
		snprintf(out, size, "%lld", eok);	/* no amount here is negative: shown plain, not rounded */
	else if (eok >= 10000)
		fmt_tenths((eok + 500) / 1000, "trillion", out, size);
	else if (eok >= 10)
		fmt_tenths(eok, "billion", out, size);
	else if (eok > 0)
		fmt_tenths(eok * 1000, "million", out, size);
	else
		snprintf(out, size, "KRW 0");
}

int
text_has_hangul(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned cp;

	for (; p != NULL && *p != '\0'; p++) {
		if ((*p & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			continue;
		cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (unsigned)(p[2] & 0x3F);
		if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F))
			return 1;
		p += 2;
	}
	return 0;
}
