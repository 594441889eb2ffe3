/* form.c - validation of admin forms with one message per field; the values go back into the form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http/form.h"
#include "view/render.h"
#include "core/text.h"

void
form_trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		n--;
	while (i < n && strchr(" \t\r\n", s[i]) != NULL)
		i++;
	memmove(s, s + i, n - i);
	s[n - i] = '\0';
}

int
form_valid_email(const char *s)
{
	const char *at = strchr(s, '@'), *dot;
	size_t i;

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL || strlen(s) > 200)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] <= ' ' || strchr("<>()[],;:\"\\", s[i]) != NULL)
			return 0;
	dot = strrchr(at + 1, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

int
form_valid_phone(const char *s)
{
	int digits = 0;
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (strchr(" +-()", s[i]) == NULL)
			return 0;
	}
	return digits >= 7 && digits <= 15;
}

int
form_valid_url(const char *s)
{
	size_t i;

	if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] <= ' ' || strchr("<>\"'\\`", s[i]) != NULL)
			return 0;
	return strlen(s) > 8 && strlen(s) <= 300;
}

int
form_url_add_scheme(const char *s, char *out, size_t size)
{
	size_t host = strcspn(s, "/?#");
	const char *dot = memchr(s, '.', host);
	char c = (char)(*s | 0x20);

	/* a scheme or a port (":"), no dot in the host, a host that starts or ends with a dot: not for us */
	if (strchr(s, ':') != NULL || dot == NULL || dot == s || s[host - 1] == '.' ||
	    !((c >= 'a' && c <= 'z') || (*s >= '0' && *s <= '9')))
		return -1;
	if ((size_t)snprintf(out, size, "https://%s", s) >= size)
		return -1;
	return form_valid_url(out) ? 0 : -1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Join the checked slugs of a checkbox group, sorted, into Form.<name>.value and .N.slug. */
static int
check_slugs(struct request *rq, HDF *hdf, const struct form_field *f, const char **msg)
{
	const char *v[64];
	struct buf b = { 0 };
	size_t n = request_param_all(rq, f->name, v, 64), i;
	int rc = 0;

	qsort(v, n, sizeof(v[0]), cmp_str);
	for (i = 0; i < n; i++) {
		if (!text_is_slug(v[i], 40)) {
			*msg = "L.form.err_choice";
			continue;
		}
		if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
			continue;
		rc |= buf_printf(&b, "%s%s", b.len ? "," : "", v[i]);
		rc |= render_set(hdf, "1", "Form.%s.checked.%s", f->name, v[i]);
	}
	if (n == 0 && f->required)
		*msg = "L.form.err_required";
	if (b.data != NULL)
		rc |= render_set(hdf, b.data, "Form.%s.value", f->name);
	buf_free(&b);
	return rc ? -1 : 0;
}

/* The message key for a wrong value of a single-valued field, or NULL when it is right. */
static const char *
check_one(const struct form_field *f, const char *v)
{
	size_t chars = text_utf8_chars(v, strlen(v));
	long long n;
	size_t i;

	if (*v == '\0')
		return f->required ? "L.form.err_required" : NULL;
	switch (f->type) {
	case FT_LINE:
		if (strpbrk(v, "\r\n") != NULL)
			return "L.form.err_line";
		/* FALLTHROUGH */
	case FT_TEXT:
	case FT_SECRET:
		if ((long long)chars < f->min)
			return "L.form.err_short";
		return (long long)chars > f->max ? "L.form.err_long" : NULL;
	case FT_PHONE:
		if (f->max > 0 && (long long)chars > f->max)
			return "L.form.err_long";
		return form_valid_phone(v) ? NULL : "L.form.err_phone";
	case FT_EMAIL:
		return form_valid_email(v) ? NULL : "L.form.err_email";
	case FT_URL:
		return form_valid_url(v) ? NULL : "L.form.err_url";
	case FT_INT:
		return parse_ll(v, f->min, f->max, &n) == 0 ? NULL : "L.form.err_int";
	case FT_BOOL:
		return strcmp(v, "1") == 0 ? NULL : "L.form.err_choice";
	case FT_ENUM:
		for (i = 0; f->words != NULL && f->words[i] != NULL; i++)
			if (strcmp(v, f->words[i]) == 0)
				return NULL;
		return "L.form.err_choice";
	case FT_SLUGS:
		break;
	}
	return NULL;
}

/* v with https:// in front (form_url_add_scheme), malloc'd; NULL when that is no address. */
static char *
url_fixed(const char *v)
{
	size_t size = strlen(v) + 9;
	char *out = malloc(size);

	if (out != NULL && form_url_add_scheme(v, out, size) != 0) {
		free(out);
		out = NULL;
	}
	return out;
}

int
form_check(struct request *rq, HDF *hdf, const struct form_field *fields)
{
	const struct form_field *f;
	int errors = 0;
	size_t i;

	for (f = fields; f->name != NULL; f++)
		for (i = 0; i < rq->params.n; i++)
			if (f->type != FT_SECRET && strcmp(rq->params.v[i].name, f->name) == 0)
				form_trim(rq->params.v[i].value);
	for (f = fields; f->name != NULL; f++) {
		const char *msg = NULL, *v = params_get(&rq->params, f->name);
		char *fixed;

		if (f->type == FT_SLUGS) {
			if (check_slugs(rq, hdf, f, &msg) != 0)
				return -1;
		} else if (f->type == FT_URL && v != NULL && !form_valid_url(v) && (fixed = url_fixed(v)) != NULL) {
			/* shown back with its https:// for the user to confirm: never stored unseen */
			msg = "L.form.url_fixed";
			if (render_set(hdf, fixed, "Form.%s.value", f->name) != 0) {
				free(fixed);
				return -1;
			}
			free(fixed);
		} else {
			msg = check_one(f, v != NULL ? v : "");
			if (f->type != FT_SECRET && v != NULL && *v != '\0' &&
			    render_set(hdf, v, "Form.%s.value", f->name) != 0)
				return -1;
		}
		if (msg != NULL) {
			errors++;
			if (render_set(hdf, hdf_get_value(hdf, msg, "?"), "Form.%s.error", f->name) != 0 ||
			    render_set(hdf, f->name, "Form.Errors.%d", errors - 1) != 0)
				return -1;
		}
	}
	return render_set_int(hdf, errors, "Form.errors") == 0 ? errors : -1;
}

const char *
form_value(HDF *hdf, const char *name)
{
	char key[128];
	const char *v;

	snprintf(key, sizeof(key), "Form.%s.value", name);
	v = hdf_get_value(hdf, key, NULL);
	return v != NULL && *v != '\0' ? v : NULL;
}
