/* text.h - UTF-8 checks, cutting that never splits a character, numbers and money per language. Pure functions. */
#ifndef TP_TEXT_H
#define TP_TEXT_H

#include <stddef.h>

/* 1 when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF) and has no NUL byte. */
int	text_valid_utf8(const char *s, size_t len);
/* Number of characters (code points) in valid UTF-8 text. */
size_t	text_utf8_chars(const char *s, size_t len);
/* Length in bytes of the longest prefix of s with at most max_chars characters. */
size_t	text_utf8_prefix(const char *s, size_t len, size_t max_chars);
/* Copy of s cut to max_chars characters, with "…" appended when cut. Caller frees. NULL on ENOMEM. */
char	*text_ellipsize(const char *s, size_t max_chars);
/* 1 when s is a slug: 1..max bytes of [a-z0-9-], not starting or ending with '-'. */
int	text_is_slug(const char *s, size_t max);
/* Parse a decimal integer in [min, max]; whole string, no spaces. Returns 0, or -1 (also for NULL). */
int	parse_ll(const char *s, long long min, long long max, long long *out);

/* 1 when valid UTF-8 text s holds a Hangul syllable or jamo (its text is Korean, for a lang="ko" mark). */
int	text_has_hangul(const char *s);
/* n with thousands separators ("19,674"; both languages write it so) into out (cut to size). */
void	text_fmt_thousands(long long n, char *out, size_t size);
/*
 * An amount in 억 원 (100 million won) as language writes money: "ko" the Korean way
 * ("17조 6,031억 원"), any other English, one decimal at most ("KRW 17.6 trillion", "KRW 500 billion").
 */
void	text_fmt_eok(long long eok, const char *lang, char *out, size_t size);

#endif
