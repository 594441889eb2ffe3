/*
 * multipart.c - a strict multipart/form-data parser (see multipart.h): one pass over the buffer,
 * refusing anything a browser does not send, so that the fuzzer meets few paths and none are lenient.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/multipart.h"
#include "core/text.h"

#define FORM_TYPE	"multipart/form-data"

/* The delimiter's text and what a part's header block gave. */
struct delim {
	char	text[4 + MP_MAX_BOUNDARY + 1];	/* CRLF "--" boundary */
	size_t	len;
};

struct headers {
	char	*name;
	char	*filename;
	char	*content_type;
	int	 has_filename;
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 2046 bchars: the characters a boundary may use (a space only inside). */
static int
is_bchar(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c != '\0' && strchr("'()+_,-./:=? ", c) != NULL);
}

/* RFC 7230 tchar: header names and unquoted parameter values. */
static int
is_tchar(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* 1 when s[0..len) has a C0 control character or DEL. */
static int
has_control(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 1;
	return 0;
}

/*
 * Read one parameter ("; key=value" or "; key="quoted"") at *p, up to end. The key goes to
 * key/klen, the value to val/vlen (quotes removed; a quoted value is taken as it stands up to
 * the next '"', without backslash escapes, as browsers write them). 1 read, 0 at end, -1 malformed.
 */
static int
next_param(const char **p, const char *end, const char **key, size_t *klen, const char **val, size_t *vlen)
{
	const char *s = *p;

	while (s < end && is_space(*s))
		s++;
	if (s == end)
		return 0;
	if (*s++ != ';')
		return -1;
	while (s < end && is_space(*s))
		s++;
	for (*key = s; s < end && is_tchar(*s); s++)
		;
	if ((*klen = (size_t)(s - *key)) == 0 || s == end || *s++ != '=')
		return -1;
	if (s < end && *s == '"') {
		const char *q = memchr(s + 1, '"', (size_t)(end - s - 1));

		if (q == NULL)
			return -1;
		*val = s + 1;
		*vlen = (size_t)(q - s - 1);
		s = q + 1;
	} else {
		for (*val = s; s < end && is_tchar(*s); s++)
			;
		if ((*vlen = (size_t)(s - *val)) == 0)
			return -1;
	}
	*p = s;
	return 1;
}

/* 1 when s (at most len bytes, not NUL-terminated) starts with the type word, then ';', space or end. */
static int
type_is(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);

	return len >= n && strncasecmp(s, word, n) == 0 && (len == n || s[n] == ';' || is_space(s[n]));
}

int
multipart_is_form(const char *content_type)
{
	return content_type != NULL && type_is(content_type, strlen(content_type), FORM_TYPE);
}

int
multipart_boundary(const char *content_type, char *out, size_t size)
{
	const char *p, *end, *key, *val;
	size_t klen, vlen, i;
	int rc, found = 0;

	if (!multipart_is_form(content_type))
		return 415;
	p = content_type + strlen(FORM_TYPE);
	end = content_type + strlen(content_type);
	while ((rc = next_param(&p, end, &key, &klen, &val, &vlen)) == 1) {
		if (klen != 8 || strncasecmp(key, "boundary", 8) != 0)
			continue;
		if (found++ || vlen == 0 || vlen > MP_MAX_BOUNDARY || vlen + 1 > size || val[vlen - 1] == ' ')
			return 400;
		for (i = 0; i < vlen; i++)
			if (!is_bchar(val[i]))
				return 400;
		memcpy(out, val, vlen);
		out[vlen] = '\0';
	}
	return rc == 0 && found ? 0 : 400;
}

/* A copy of s[0..len) as a string, or NULL. */
static char *
copy(const char *s, size_t len)
{
	char *d = malloc(len + 1);

	if (d != NULL) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

/*
 * The file name as stored: %22 back to '"' (browsers escape quotes so), any path before the last
 * '/' or '\\' dropped ("C:\x\y" and "../../etc/passwd" become "y" and "passwd"). NULL when it is
 * then empty, ".", "..", too long, not UTF-8 or has control characters; *status says 400 or 500.
 */
static char *
clean_filename(const char *s, size_t len, int *status)
{
	char *d, *base;
	size_t i, n = 0;

	*status = 400;
	if ((d = malloc(len + 1)) == NULL) {
		*status = 500;
		return NULL;
	}
	for (i = 0; i < len; i++) {
		if (s[i] == '%' && len - i >= 3 && s[i + 1] == '2' && s[i + 2] == '2') {
			d[n++] = '"';
			i += 2;
		} else
			d[n++] = s[i];
	}
	d[n] = '\0';
	if (!text_valid_utf8(d, n) || has_control(d, n))
		goto bad;
	base = d;
	for (i = 0; i < n; i++)
		if (d[i] == '/' || d[i] == '\\')
			base = d + i + 1;
	n = strlen(base);
	if (n == 0 || n > MP_MAX_FILENAME || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		goto bad;
	memmove(d, base, n + 1);
	return d;
bad:
	free(d);
	return NULL;
}

/* Content-Disposition: form-data; name="..."[; filename="..."]. 0, 400 or 500. */
static int
disposition(const char *v, const char *end, struct headers *h)
{
	const char *key, *val;
	size_t klen, vlen;
	int rc, status;

	if (!type_is(v, (size_t)(end - v), "form-data"))
		return 400;
	v += 9;
	while ((rc = next_param(&v, end, &key, &klen, &val, &vlen)) == 1) {
		if (klen == 4 && strncasecmp(key, "name", 4) == 0) {
			if (h->name != NULL || vlen == 0 || vlen > MP_MAX_NAME || !text_valid_utf8(val, vlen) ||
			    has_control(val, vlen))
				return 400;
			if ((h->name = copy(val, vlen)) == NULL)
				return 500;
		} else if (klen == 8 && strncasecmp(key, "filename", 8) == 0) {
			if (h->has_filename++)
				return 400;
			if (vlen > 0 && (h->filename = clean_filename(val, vlen, &status)) == NULL)
				return status;
		}
		/* other parameters (filename* among them) are ignored, as RFC 7578 4.2 advises */
	}
	return rc == 0 && h->name != NULL ? 0 : 400;
}

/* One header line [s, end) of a part. 0, 400 or 500. */
static int
header_line(const char *s, const char *end, struct headers *h)
{
	const char *colon = memchr(s, ':', (size_t)(end - s)), *v, *k;

	if (colon == NULL || colon == s)
		return 400;
	for (k = s; k < colon; k++)
		if (!is_tchar(*k))
			return 400;
	for (v = colon + 1; v < end && is_space(*v); v++)
		;
	while (end > v && is_space(end[-1]))
		end--;
	if ((size_t)(colon - s) == 19 && strncasecmp(s, "Content-Disposition", 19) == 0)
		return h->name != NULL ? 400 : disposition(v, end, h);
	if ((size_t)(colon - s) == 12 && strncasecmp(s, "Content-Type", 12) == 0) {
		if (h->content_type != NULL || v == end || end - v > 200)
			return 400;
		for (k = v; k < end; k++)
			if ((unsigned char)*k < 0x20 || (unsigned char)*k > 0x7e)
				return 400;
		return (h->content_type = copy(v, (size_t)(end - v))) == NULL ? 500 : 0;
	}
	return 0;	/* another header: ignored */
}

/*
 * The header block at [s, end): CRLF-terminated lines up to an empty line. *next gets where the
 * data starts. No NUL, no bare CR or LF, no folded lines. 0, 400 or 500.
 */
static int
header_block(const char *s, const char *end, struct headers *h, const char **next)
{
	const char *limit = end - s > MP_MAX_HEADER ? s + MP_MAX_HEADER : end, *eol;
	int rc;

	for (;;) {
		for (eol = s; eol < limit && *eol != '\r' && *eol != '\n' && *eol != '\0'; eol++)
			if ((unsigned char)*eol < 0x20 && *eol != '\t')
				return 400;
		if (limit - eol < 2 || eol[0] != '\r' || eol[1] != '\n')
			return 400;	/* truncated, too long, a NUL or a bare CR/LF */
		if (eol == s)
			break;		/* the empty line */
		if (is_space(*s))
			return 400;	/* obsolete line folding */
		if ((rc = header_line(s, eol, h)) != 0)
			return rc;
		s = eol + 2;
	}
	if (h->name == NULL)
		return 400;
	*next = s + 2;
	return 0;
}

static void
headers_free(struct headers *h)
{
	free(h->name);
	free(h->filename);
	free(h->content_type);
	memset(h, 0, sizeof(*h));
}

/* Append a part, taking the strings of h. 0, 400, 413 or 500. */
static int
add_part(struct mp_form *f, struct headers *h, const char *data, size_t len, const struct mp_limits *lim,
    size_t *cap)
{
	struct mp_part *v;
	int file = h->has_filename;

	if (file && h->filename == NULL) {
		if (len == 0)
			return 0;	/* a file input left empty */
		return 400;
	}
	if (file && f->nfiles >= lim->max_files)
		return 413;
	if (!file && len > lim->max_field_bytes)
		return 413;
	if (!file && !text_valid_utf8(data, len))
		return 400;
	if (f->n == *cap) {
		*cap = *cap == 0 ? 8 : *cap * 2;
		if ((v = realloc(f->parts, *cap * sizeof(*v))) == NULL)
			return 500;
		f->parts = v;
	}
	v = &f->parts[f->n++];
	v->name = h->name;
	v->filename = h->filename;
	v->content_type = h->content_type;
	v->data = data;
	v->len = len;
	v->oversize = file && len > lim->max_file_bytes;
	memset(h, 0, sizeof(*h));
	f->nfiles += file;
	return 0;
}

/* The parts after the first delimiter: [p, end). 0 or a status. */
static int
parse_parts(const char *p, const char *end, const struct delim *d, const struct mp_limits *lim,
    struct mp_form *out)
{
	struct headers h = { 0 };
	const char *data, *next;
	size_t cap = 0, seen = 0;
	int rc;

	for (;;) {
		if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
			p += 2;		/* the close delimiter: at most one CRLF may follow */
			return p == end || (end - p == 2 && p[0] == '\r' && p[1] == '\n') ? 0 : 400;
		}
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return 400;
		if (++seen > lim->max_parts)
			return 400;
		if ((rc = header_block(p + 2, end, &h, &data)) != 0)
			goto fail;
		/* the part ends at CRLF + delimiter; without one the body was cut short */
		if ((next = memmem(data, (size_t)(end - data), d->text, d->len)) == NULL) {
			rc = 400;
			goto fail;
		}
		if ((rc = add_part(out, &h, data, (size_t)(next - data), lim, &cap)) != 0)
			goto fail;
		headers_free(&h);
		p = next + d->len;
	}
fail:
	headers_free(&h);
	return rc;
}

int
multipart_parse(const char *content_type, const char *body, size_t len, const struct mp_limits *lim,
    struct mp_form *out)
{
	char boundary[MP_MAX_BOUNDARY + 1];
	struct delim d;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = multipart_boundary(content_type, boundary, sizeof(boundary))) != 0)
		return rc;
	d.len = (size_t)snprintf(d.text, sizeof(d.text), "\r\n--%s", boundary);
	/* no preamble: the body starts with the first delimiter, which has no CRLF before it */
	if (body == NULL || len < d.len - 2 || memcmp(body, d.text + 2, d.len - 2) != 0)
		return 400;
	if ((rc = parse_parts(body + d.len - 2, body + len, &d, lim, out)) != 0)
		multipart_free(out);
	return rc;
}

void
multipart_free(struct mp_form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->parts[i].name);
		free(f->parts[i].filename);
		free(f->parts[i].content_type);
	}
	free(f->parts);
	memset(f, 0, sizeof(*f));
}
