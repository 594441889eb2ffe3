/* export.c - CSV and vCard writers (export.h). */
#include "view/export.h"

#include <string.h>

int
csv_begin(struct buf *out)
{
	return buf_puts(out, "\xEF\xBB\xBF");
}

int
csv_field(struct buf *out, const char *v, int first)
{
	size_t n;
	int quote, rc = 0;

	if (!first)
		rc |= buf_puts(out, ",");
	if (v == NULL || *v == '\0')
		return rc;
	n = strlen(v);
	quote = strpbrk(v, ",\"\r\n") != NULL || v[0] == ' ' || v[n - 1] == ' ';
	if (quote)
		rc |= buf_puts(out, "\"");
	if (strchr("=+-@\t\r", v[0]) != NULL)
		rc |= buf_puts(out, "'");
	for (; *v != '\0'; v++)
		rc |= *v == '"' ? buf_puts(out, "\"\"") : buf_append(out, v, 1);
	if (quote)
		rc |= buf_puts(out, "\"");
	return rc;
}

int
csv_end(struct buf *out)
{
	return buf_puts(out, "\r\n");
}

/* Escape a text value into esc (RFC 6350 3.4). */
static int
vcard_escape(struct buf *esc, const char *v)
{
	int rc = 0;

	for (; v != NULL && *v != '\0'; v++) {
		switch (*v) {
		case '\\': rc |= buf_puts(esc, "\\\\"); break;
		case ',': rc |= buf_puts(esc, "\\,"); break;
		case ';': rc |= buf_puts(esc, "\\;"); break;
		case '\n': rc |= buf_puts(esc, "\\n"); break;
		case '\r': break;
		default: rc |= buf_append(esc, v, 1);
		}
	}
	return rc;
}

/* Write "name:value" folded: lines of at most 75 octets, continued with CRLF SP (RFC 6350 3.2). */
static int
vcard_line(struct buf *out, const char *name, const char *value, size_t vlen)
{
	struct buf line = { 0 };
	size_t i = 0, col = 0, step;
	int rc = buf_puts(&line, name) | buf_puts(&line, ":") | buf_append(&line, value, vlen);

	while (rc == 0 && i < line.len) {
		unsigned char c = (unsigned char)line.data[i];

		step = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (i + step > line.len)
			step = line.len - i;
		if (col + step > 75) {
			rc |= buf_puts(out, "\r\n ");
			col = 1;
		}
		rc |= buf_append(out, line.data + i, step);
		col += step;
		i += step;
	}
	rc |= buf_puts(out, "\r\n");
	buf_free(&line);
	return rc;
}

int
vcard_prop(struct buf *out, const char *name, const char *value)
{
	struct buf esc = { 0 };
	int rc;

	if (value == NULL || *value == '\0')
		return 0;
	rc = vcard_escape(&esc, value);
	if (rc == 0)
		rc = vcard_line(out, name, esc.data != NULL ? esc.data : "", esc.len);
	buf_free(&esc);
	return rc;
}

int
vcard_prop_list(struct buf *out, const char *name, const char *const *parts, int nparts)
{
	struct buf esc = { 0 };
	int i, rc = 0, any = 0;

	for (i = 0; i < nparts; i++) {
		if (i > 0)
			rc |= buf_puts(&esc, ";");
		if (parts[i] != NULL && *parts[i] != '\0') {
			rc |= vcard_escape(&esc, parts[i]);
			any = 1;
		}
	}
	if (rc == 0 && any)
		rc = vcard_line(out, name, esc.data, esc.len);
	buf_free(&esc);
	return rc;
}

/* Whether s is one or more Hangul syllables (U+AC00..U+D7A3, three bytes each) and nothing else. */
static size_t
hangul_syllables(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	while (*p != '\0') {
		unsigned cp;

		if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (unsigned)(p[2] & 0x3F);
		if (cp < 0xAC00 || cp > 0xD7A3)
			return 0;
		p += 3;
		n++;
	}
	return n;
}

int
vcard_split_korean_name(const char *name, char *family, char *given, size_t size)
{
	static const char *const compound[] = { "남궁", "제갈", "황보", "선우", "독고", "사공", "서문" };
	size_t n = hangul_syllables(name), i, cut = 3;

	if (strlen(name) >= size)
		return -1;
	if (n < 2) {
		family[0] = '\0';
		memcpy(given, name, strlen(name) + 1);
		return 0;
	}
	for (i = 0; i < sizeof(compound) / sizeof(compound[0]); i++)
		if (n >= 3 && strncmp(name, compound[i], 6) == 0)
			cut = 6;
	memcpy(family, name, cut);
	family[cut] = '\0';
	memcpy(given, name + cut, strlen(name + cut) + 1);
	return 0;
}
