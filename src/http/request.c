/*
 * request.c - strict parsing of query strings, form bodies and cookies, and typed parameter checks.
 *
 * Hand-written rather than ClearSilver's cgi kit, which keeps process-global state and is not
 * thread safe. Everything here works only on its arguments.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "http/multipart.h"
#include "http/request.h"
#include "core/text.h"

/* Append a pair, taking ownership of name and value (freed here on failure). 0 or -1. */
static int
params_add(struct params *p, char *name, char *value)
{
	struct param	*v;
	size_t		 cap;

	if (p->n == p->cap) {
		cap = p->cap == 0 ? 8 : p->cap * 2;
		if ((v = realloc(p->v, cap * sizeof(*v))) == NULL) {
			free(name);
			free(value);
			return -1;
		}
		p->v = v;
		p->cap = cap;
	}
	p->v[p->n].name = name;
	p->v[p->n].value = value;
	p->n++;
	return 0;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode s[0..len) ('+' is a space, %XX a byte) into a new string at *out.
 * Returns 0, 400 for a bad escape or when the result is not UTF-8 without NUL, 500 on ENOMEM.
 */
static int
url_decode(const char *s, size_t len, char **out)
{
	char	*d;
	size_t	 i, n = 0;
	int	 hi, lo;

	*out = NULL;
	if ((d = malloc(len + 1)) == NULL)
		return 500;
	for (i = 0; i < len; i++) {
		if (s[i] == '+') {
			d[n++] = ' ';
		} else if (s[i] == '%') {
			if (len - i < 3 || (hi = hexval(s[i + 1])) < 0 || (lo = hexval(s[i + 2])) < 0)
				goto bad;
			d[n++] = (char)(hi << 4 | lo);
			i += 2;
		} else {
			d[n++] = s[i];
		}
	}
	d[n] = '\0';
	if (!text_valid_utf8(d, n))
		goto bad;
	*out = d;
	return 0;
bad:
	free(d);
	return 400;
}

/* Decode one "name=value" (or bare "name") segment and append it. 0, 400 or 500. */
static int
parse_pair(const char *seg, size_t len, struct params *out)
{
	const char	*eq = memchr(seg, '=', len);
	size_t		 nlen = eq != NULL ? (size_t)(eq - seg) : len;
	char		*name = NULL, *value = NULL;
	int		 rc;

	if (out->n >= REQUEST_MAX_PARAMS)
		return 400;
	if ((rc = url_decode(seg, nlen, &name)) != 0)
		goto out;
	rc = eq != NULL ? url_decode(eq + 1, len - nlen - 1, &value) : url_decode("", 0, &value);
	if (rc != 0)
		goto out;
	if (*name == '\0') {
		rc = 400;
		goto out;
	}
	rc = params_add(out, name, value) == 0 ? 0 : 500;
	name = value = NULL;	/* owned by out now, or already freed */
out:
	free(name);
	free(value);
	return rc;
}

/*
 * Parse application/x-www-form-urlencoded text and append the pairs to out. Empty segments
 * ("a=1&&b=2", a trailing '&') are skipped. Returns 0, 400 (see request.h), or 500 when memory
 * runs out. On failure out may hold some pairs: the caller frees it.
 */
int
request_parse_urlencoded(const char *s, size_t len, struct params *out)
{
	const char	*end, *amp;
	size_t		 seglen;
	int		 rc;

	if (len == 0)
		return 0;	/* s may be NULL then (no body) */
	end = s + len;
	while (s < end) {
		amp = memchr(s, '&', (size_t)(end - s));
		seglen = amp != NULL ? (size_t)(amp - s) : (size_t)(end - s);
		if (seglen > 0 && (rc = parse_pair(s, seglen, out)) != 0)
			return rc;
		s += seglen + (amp != NULL);
	}
	return 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Copy one trimmed cookie segment [s, e) as a pair when it is well formed; 0 or -1 (ENOMEM). */
static int
cookie_pair(const char *s, const char *e, struct params *out)
{
	const char	*eq, *ne, *vs;
	char		*name, *value;

	while (s < e && is_space(*s))
		s++;
	while (e > s && is_space(e[-1]))
		e--;
	if ((eq = memchr(s, '=', (size_t)(e - s))) == NULL)
		return 0;
	for (ne = eq; ne > s && is_space(ne[-1]); ne--)
		;
	for (vs = eq + 1; vs < e && is_space(*vs); vs++)
		;
	/* struct param promises UTF-8 without NUL: a pair that breaks it is skipped like any other */
	if (ne == s || !text_valid_utf8(s, (size_t)(ne - s)) || !text_valid_utf8(vs, (size_t)(e - vs)))
		return 0;
	if ((name = strndup(s, (size_t)(ne - s))) == NULL)
		return -1;
	if ((value = strndup(vs, (size_t)(e - vs))) == NULL) {
		free(name);
		return -1;
	}
	return params_add(out, name, value);
}

/*
 * Parse a Cookie header ("a=b; c=d") and append to out. Values are kept as sent (no percent
 * decoding); pairs without '=' or with an empty name are skipped, and so is everything past
 * REQUEST_MAX_PARAMS pairs. Returns 0 or -1 (ENOMEM).
 */
int
request_parse_cookies(const char *header, struct params *out)
{
	const char	*s = header, *semi;

	if (header == NULL)
		return 0;
	while (*s != '\0' && out->n < REQUEST_MAX_PARAMS) {
		if ((semi = strchr(s, ';')) == NULL)
			semi = s + strlen(s);
		if (cookie_pair(s, semi, out) == -1)
			return -1;
		s = *semi == ';' ? semi + 1 : semi;
	}
	return 0;
}

static const struct param_spec *
spec_find(const struct param_spec *spec, const char *name)
{
	for (; spec != NULL && spec->name != NULL; spec++)
		if (strcmp(spec->name, name) == 0)
			return spec;
	return NULL;
}

/*
 * 1 when value fits sp. An empty value passes for PT_INT, PT_SLUG and PT_ENUM: HTML GET forms
 * submit empty selects and inputs ("/members?region=&sort=name"), and refusing them would make
 * the portal's own forms fail. Such a value means "absent": request_param returns NULL and
 * request_param_int the default for it. PT_TEXT takes "" only when its min is 0.
 */
static int
value_fits(const struct param_spec *sp, const char *value)
{
	const char *const	*w;
	long long		 n;
	size_t			 chars;

	if (*value == '\0' && sp->type != PT_TEXT)
		return 1;
	switch (sp->type) {
	case PT_INT:
		return parse_ll(value, sp->min, sp->max, &n) == 0;
	case PT_TEXT:
		chars = text_utf8_chars(value, strlen(value));
		return (sp->min <= 0 || chars >= (unsigned long long)sp->min) &&
		    sp->max >= 0 && chars <= (unsigned long long)sp->max;
	case PT_SLUG:
		return sp->max > 0 && text_is_slug(value, (size_t)sp->max);
	case PT_ENUM:
		for (w = sp->words; w != NULL && *w != NULL; w++)
			if (strcmp(*w, value) == 0)
				return 1;
		return 0;
	case PT_FILE:
		return 0;	/* a file comes as a file part, never as text */
	}
	return 0;
}

/* Check params against spec; 0, or 400 with *bad set to the refused key (see request.h). */
int
request_check_params(const struct params *params, const struct param_spec *spec, const char **bad)
{
	const struct param_spec	*sp;
	const char		*name = NULL;
	size_t			 i, j;

	for (i = 0; i < params->n; i++) {
		name = params->v[i].name;
		if ((sp = spec_find(spec, name)) == NULL || !value_fits(sp, params->v[i].value))
			goto bad;
		if (sp->flags & PF_REPEAT)
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(params->v[j].name, name) == 0)
				goto bad;
	}
	return 0;
bad:
	if (bad != NULL)
		*bad = name;
	return 400;
}

/* How many pairs of p are named name. */
static size_t
params_count(const struct params *p, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		n += strcmp(p->v[i].name, name) == 0;
	return n;
}

/* Drop unknown keys, set aside typed values that do not fit, then check strictly (see request.h).
 * What happens to each pair is decided first, on the whole list, then the list is rebuilt. */
int
request_sift_params(struct params *params, const struct param_spec *spec, struct params *refused,
    const char **bad)
{
	enum { KEEP, DROP, REFUSE } what[REQUEST_MAX_PARAMS];
	const struct param_spec	*sp;
	size_t			 i, j = 0;
	int			 rc = 0;

	if (params->n > REQUEST_MAX_PARAMS)
		return 400;
	for (i = 0; i < params->n; i++) {
		struct param *pr = &params->v[i];

		what[i] = KEEP;
		if ((sp = spec_find(spec, pr->name)) == NULL)
			what[i] = DROP;
		else if ((sp->flags & PF_TYPED) && !value_fits(sp, pr->value) && params_count(params, pr->name) == 1)
			what[i] = REFUSE;
	}
	for (i = 0; i < params->n; i++) {
		struct param *pr = &params->v[i];

		if (what[i] == KEEP) {
			params->v[j++] = *pr;
		} else if (what[i] == REFUSE && rc == 0) {
			if (params_add(refused, pr->name, pr->value) != 0)
				rc = 500;	/* params_add freed both */
		} else {
			free(pr->name);
			free(pr->value);
		}
	}
	params->n = j;
	if (rc != 0)
		return rc;
	return request_check_params(params, spec, bad);
}

/* Append s to b percent-encoded for a query string (RFC 3986 unreserved characters kept). 0 or -1. */
static int
url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char esc[3] = { '%', 0, 0 };
	int rc = 0;

	for (; *s != '\0' && rc == 0; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~') {
			rc = buf_append(b, s, 1);
			continue;
		}
		esc[1] = hex[c >> 4];
		esc[2] = hex[c & 15];
		rc = buf_append(b, esc, 3);
	}
	return rc;
}

char *
request_login_url(const char *path, const struct params *params, const struct param_spec *spec)
{
	struct buf b = { 0 };
	char *self = request_self_url(path, params, spec), *seg, *save = NULL;
	int rc = self == NULL || buf_puts(&b, "/login?next=") != 0;

	/* each segment percent-encoded ("?", "&" and "=" of its query too); the "/" stay, as a query may hold them */
	for (seg = rc == 0 ? strtok_r(self, "/", &save) : NULL; seg != NULL && rc == 0; seg = strtok_r(NULL, "/", &save))
		rc = buf_puts(&b, "/") != 0 || url_encode(&b, seg) != 0;
	if (rc == 0 && b.len == strlen("/login?next="))
		rc = buf_puts(&b, "/");
	free(self);
	if (rc != 0) {
		buf_free(&b);
		return NULL;
	}
	return b.data;	/* the buffer's memory is the caller's now */
}

char *
request_self_url(const char *path, const struct params *params, const struct param_spec *spec)
{
	struct buf b = { 0 };
	size_t i, n = 0;
	int rc = buf_puts(&b, path);

	for (i = 0; i < params->n && rc == 0; i++) {
		const struct param_spec *sp = spec_find(spec, params->v[i].name);

		if (sp == NULL || sp->type == PT_FILE || params->v[i].value[0] == '\0')
			continue;
		if ((rc = buf_puts(&b, n++ == 0 ? "?" : "&")) == 0 && (rc = url_encode(&b, params->v[i].name)) == 0 &&
		    (rc = buf_puts(&b, "=")) == 0)
			rc = url_encode(&b, params->v[i].value);
	}
	if (rc != 0) {
		buf_free(&b);
		return NULL;
	}
	return b.data != NULL ? b.data : strdup("");	/* the buffer's memory is the caller's now */
}

int
request_refuse(struct request *rq, const char *key)
{
	size_t i, j = 0;
	int rc = 0;

	for (i = 0; i < rq->params.n; i++) {
		struct param *pr = &rq->params.v[i];

		if (strcmp(pr->name, key) != 0) {
			rq->params.v[j++] = *pr;
			continue;
		}
		if (rc == 0 && params_add(&rq->refused, pr->name, pr->value) != 0)
			rc = -1;
		else if (rc != 0) {
			free(pr->name);
			free(pr->value);
		}
	}
	rq->params.n = j;
	return rc;
}

/* Free every pair and the array; p is then empty and reusable. */
void
params_free(struct params *p)
{
	size_t	 i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].name);
		free(p->v[i].value);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
	p->cap = 0;
}

/* The value of the first pair named key, or NULL. Points into p. */
const char *
params_get(const struct params *p, const char *key)
{
	size_t	 i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->v[i].name, key) == 0)
			return p->v[i].value;
	return NULL;
}

/*
 * The value of key, or NULL when it is absent or empty (see value_fits): handlers test for NULL
 * only. params_get(&rq->params, key) tells "" from absent where that matters. Points into rq.
 */
const char *
request_param(const struct request *rq, const char *key)
{
	const char	*v = params_get(&rq->params, key);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* The integer value of key, or dflt when it is absent, empty or not a number. */
long long
request_param_int(const struct request *rq, const char *key, long long dflt)
{
	const char	*v = request_param(rq, key);
	long long	 n;

	if (v == NULL || parse_ll(v, LLONG_MIN, LLONG_MAX, &n) != 0)
		return dflt;
	return n;
}

/* The cookie named key as sent (possibly ""), or NULL. Points into rq. */
const char *
request_cookie(const struct request *rq, const char *key)
{
	return params_get(&rq->cookies, key);
}


/* Free everything the request owns (params, cookies, body, argbuf, raw, location). */
void
request_free(struct request *rq)
{
	params_free(&rq->params);
	params_free(&rq->refused);
	if (rq->files != NULL) {
		multipart_free(rq->files);
		free(rq->files);
		rq->files = NULL;
	}
	buf_free(&rq->headers_out);
	params_free(&rq->cookies);
	if (rq->body_mapped && rq->body != NULL)
		munmap(rq->body, rq->body_len > 0 ? rq->body_len : 1);
	else
		free(rq->body);
	rq->body = NULL;
	rq->body_mapped = 0;
	rq->body_len = 0;
	free(rq->argbuf);
	rq->argbuf = NULL;
	rq->nargs = 0;
	buf_free(&rq->raw);
	free(rq->location);
	rq->location = NULL;
	free(rq->path);
	rq->path = NULL;
	free(rq->session);
	rq->session = NULL;
	free(rq->set_cookie);
	rq->set_cookie = NULL;
	if (rq->file.state == FILE_BODY)
		close(rq->file.fd);
	rq->file.state = FILE_NONE;
	free(rq->csrf);
	rq->csrf = NULL;
	free(rq->pc_key);
	rq->pc_key = NULL;
	free(rq->kept_type);
	free(rq->kept_cache);
	rq->kept_type = rq->kept_cache = NULL;
}

/* Every value of key (for keys with repeat = 1), in order, up to max; returns how many. */
size_t
request_param_all(const struct request *rq, const char *key, const char **out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < rq->params.n && n < max; i++)
		if (strcmp(rq->params.v[i].name, key) == 0 && rq->params.v[i].value[0] != '\0')
			out[n++] = rq->params.v[i].value;
	return n;
}

/* Remove every pair named key from params (the dispatcher takes the CSRF token out this way). */
void
params_remove(struct params *p, const char *key)
{
	size_t i, j = 0;

	for (i = 0; i < p->n; i++) {
		if (strcmp(p->v[i].name, key) == 0) {
			free(p->v[i].name);
			free(p->v[i].value);
			continue;
		}
		p->v[j++] = p->v[i];
	}
	p->n = j;
}

int
request_find_bad_pair(const char *s, size_t len, char *out, size_t size)
{
	const char *seg = s, *end = s + len, *amp, *eq;
	struct params one = { 0 };
	size_t n, klen;
	int bad;

	while (seg < end) {
		amp = memchr(seg, '&', (size_t)(end - seg));
		n = (size_t)((amp != NULL ? amp : end) - seg);
		bad = request_parse_urlencoded(seg, n, &one) != 0;
		params_free(&one);
		if (bad) {
			eq = memchr(seg, '=', n);
			klen = (size_t)((eq != NULL ? eq : seg + n) - seg);
			if (klen >= size) {	/* cut to the buffer, never inside a character */
				klen = size - 1;
				while (klen > 0 && ((unsigned char)seg[klen] & 0xC0) == 0x80)
					klen--;
			}
			memcpy(out, seg, klen);
			out[klen] = '\0';
			if (!text_valid_utf8(out, klen))	/* show undecodable keys as they came */
				out[0] = '\0';
			return out[0] != '\0';
		}
		seg += n + 1;
	}
	return 0;
}

/* Move the text fields of form into out (copies), leaving only the files in form. 0, 400 or 500. */
static int
take_fields(struct mp_form *form, struct params *out)
{
	size_t i, j = 0;
	int rc = 0;

	for (i = 0; i < form->n; i++) {
		struct mp_part *p = &form->parts[i];
		char *value;

		if (p->filename != NULL) {
			form->parts[j++] = *p;
			continue;
		}
		if (rc == 0 && out->n >= REQUEST_MAX_PARAMS)
			rc = 400;
		if (rc == 0 && (value = strndup(p->data, p->len)) == NULL)
			rc = 500;
		if (rc == 0) {
			rc = params_add(out, p->name, value) == 0 ? 0 : 500;
			p->name = NULL;		/* owned by out now, or freed by params_add */
		}
		free(p->name);
		free(p->content_type);
	}
	form->n = j;
	return rc;
}

int
request_parse_multipart(const char *content_type, const char *body, size_t len, const struct mp_limits *lim,
    struct params *out, struct mp_form **files)
{
	struct mp_form *form;
	int rc;

	*files = NULL;
	if ((form = calloc(1, sizeof(*form))) == NULL)
		return 500;
	if ((rc = multipart_parse(content_type, body, len, lim, form)) == 0)
		rc = take_fields(form, out);
	if (rc != 0 || form->n == 0) {
		multipart_free(form);
		free(form);
		return rc;
	}
	*files = form;
	return 0;
}

int
request_check_files(const struct mp_form *files, const struct param_spec *spec, const char **bad)
{
	const struct param_spec *sp;
	size_t i, j, n;

	for (i = 0; files != NULL && i < files->n; i++) {
		const char *name = files->parts[i].name;

		if ((sp = spec_find(spec, name)) == NULL || sp->type != PT_FILE) {
			if (bad != NULL)
				*bad = name;
			return 400;
		}
		for (j = 0, n = 0; j < files->n; j++)
			n += strcmp(files->parts[j].name, name) == 0;
		if ((long long)n > sp->max * REQUEST_FILES_SLACK)
			return 413;
	}
	return 0;
}

int
request_add_header(struct request *rq, const char *name, const char *value)
{
	if (value == NULL || strpbrk(value, "\r\n") != NULL || strpbrk(name, "\r\n: ") != NULL)
		return -1;
	return buf_printf(&rq->headers_out, "%s: %s\r\n", name, value);
}

/* 1 when s (len bytes) is an IPv4 or IPv6 address as text. */
static int
is_address(const char *s, size_t len)
{
	char buf[46];
	unsigned char bin[16];

	if (len == 0 || len >= sizeof(buf))
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return inet_pton(AF_INET, buf, bin) == 1 || inet_pton(AF_INET6, buf, bin) == 1;
}

void
request_client(struct request *rq, const char *remote, const char *https, const char *xff, const char *xfp,
    const char *trusted_proxy)
{
	const char *last, *end;

	rq->remote_addr = remote;
	rq->https = https != NULL && strcmp(https, "on") == 0;
	if (remote == NULL || trusted_proxy == NULL || strcmp(remote, trusted_proxy) != 0)
		return;
	if (xfp != NULL)
		rq->https = strcmp(xfp, "https") == 0;
	if (xff == NULL)
		return;
	/* the proxy appends the address it saw: the last entry, without spaces */
	last = strrchr(xff, ',');
	last = last != NULL ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	for (end = last; *end != '\0' && *end != ' ' && *end != '\t'; end++)
		;
	if (!is_address(last, (size_t)(end - last)))
		return;
	memcpy(rq->client_addr, last, (size_t)(end - last));
	rq->client_addr[end - last] = '\0';
	rq->remote_addr = rq->client_addr;
}
