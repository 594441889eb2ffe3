/*
 * render.c - HDF data and ClearSilver templates.
 *
 * Templates and the language file are read once at start-up and kept in memory: a request never
 * touches the disk, and the server can drop privileges after start-up. Escaping: every HDF gets
 * Config.VarEscapeMode = html before cs_init (set later, ClearSilver silently ignores it), so every
 * var: is HTML-escaped; uvar: is reserved for sanitised HTML and commented where it stands.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/cs.h"

#include "core/buf.h"
#include "core/log.h"
#include "view/render.h"

#define MAX_TEMPLATES	128
#define MAX_TEMPLATE_SIZE (256 * 1024)

struct template {
	char	*name;
	char	*text;
	size_t	 len;
};

static struct template	templates[MAX_TEMPLATES];	/* written before threads start, then read-only */
static size_t		ntemplates;
static HDF		*lang;

static void
log_nerr(const char *what, NEOERR *err)
{
	STRING s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_err("render: %s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

static int
load_template(const char *dir, const char *name)
{
	struct template *t;
	char path[4096];
	FILE *fp;
	long size;

	if (ntemplates == MAX_TEMPLATES) {
		log_err("render: more than %d templates", MAX_TEMPLATES);
		return -1;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return -1;
	if ((fp = fopen(path, "rb")) == NULL) {
		log_err("render: %s: %s", path, strerror(errno));
		return -1;
	}
	t = &templates[ntemplates];
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 || size > MAX_TEMPLATE_SIZE ||
	    fseek(fp, 0, SEEK_SET) != 0 || (t->text = malloc((size_t)size + 1)) == NULL) {
		fclose(fp);
		log_err("render: %s: cannot read", path);
		return -1;
	}
	t->len = fread(t->text, 1, (size_t)size, fp);
	t->text[t->len] = '\0';
	fclose(fp);
	if ((t->name = strdup(name)) == NULL)
		return -1;
	ntemplates++;
	return 0;
}

/* The templates of sub (e.g. mail/, the messages of view/mail.c), named "sub/x.cs"; none is fine. */
static int
load_folder(const char *dir, const char *sub)
{
	char path[4096], name[512];
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, sub) >= sizeof(path))
		return -1;
	if ((d = opendir(path)) == NULL)
		return 0;
	while (rc == 0 && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && has_suffix(de->d_name, ".cs")) {
			if ((size_t)snprintf(name, sizeof(name), "%s/%s", sub, de->d_name) >= sizeof(name))
				rc = -1;
			else
				rc = load_template(dir, name);
		}
	closedir(d);
	return rc;
}

int
render_init(const char *dir, const char *language)
{
	char path[4096];
	struct dirent *de;
	NEOERR *err;
	DIR *d;
	int rc = 0;

	if ((d = opendir(dir)) == NULL) {
		log_err("render: template folder %s: %s", dir, strerror(errno));
		return -1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && has_suffix(de->d_name, ".cs"))
			rc = load_template(dir, de->d_name);
	closedir(d);
	if (rc != 0 || load_folder(dir, "mail") != 0)
		return -1;
	if ((size_t)snprintf(path, sizeof(path), "%s/lang/%s.hdf", dir, language) >= sizeof(path))
		return -1;
	if ((err = hdf_init(&lang)) != STATUS_OK || (err = hdf_read_file(lang, path)) != STATUS_OK) {
		log_nerr(path, err);
		return -1;
	}
	return 0;
}

void
render_shutdown(void)
{
	size_t i;

	for (i = 0; i < ntemplates; i++) {
		free(templates[i].name);
		free(templates[i].text);
	}
	ntemplates = 0;
	if (lang != NULL)
		hdf_destroy(&lang);
}

static const struct template *
find_template(const char *name)
{
	size_t i;

	for (i = 0; i < ntemplates; i++)
		if (strcmp(templates[i].name, name) == 0)
			return &templates[i];
	return NULL;
}

/* ClearSilver asks for include:"x.cs" files through this: serve them from memory. */
static NEOERR *
fileload(void *ctx, HDF *hdf, const char *filename, char **contents)
{
	const struct template *t = find_template(filename);

	(void)ctx;
	(void)hdf;
	if (t == NULL)
		return nerr_raise(NERR_NOT_FOUND, "no template %s", filename);
	if ((*contents = malloc(t->len + 1)) == NULL)
		return nerr_raise(NERR_NOMEM, "no memory");
	memcpy(*contents, t->text, t->len + 1);
	return STATUS_OK;
}

HDF *
render_hdf_new(void)
{
	HDF *hdf = NULL;
	NEOERR *err;

	if ((err = hdf_init(&hdf)) != STATUS_OK)
		goto fail;
	/* Must be set before cs_init, or escaping is silently off. */
	if ((err = hdf_set_value(hdf, "Config.VarEscapeMode", "html")) != STATUS_OK)
		goto fail;
	if (lang != NULL && (err = hdf_copy(hdf, "L", lang)) != STATUS_OK)
		goto fail;
	return hdf;
fail:
	log_nerr("hdf", err);
	if (hdf != NULL)
		hdf_destroy(&hdf);
	return NULL;
}

static NEOERR *
append_out(void *ctx, char *s)
{
	if (buf_puts(ctx, s) != 0)
		return nerr_raise(NERR_NOMEM, "no memory");
	return STATUS_OK;
}

int
render_template(HDF *hdf, const char *name, struct buf *out)
{
	CSPARSE *cs = NULL;
	NEOERR *err;
	char *text = NULL;
	int rc = -1;

	if ((err = fileload(NULL, hdf, name, &text)) != STATUS_OK) {
		nerr_ignore(&err);
		log_err("render: no template %s", name);
		return -1;
	}
	if ((err = cs_init(&cs, hdf)) != STATUS_OK ||
	    (err = cgi_register_strfuncs(cs)) != STATUS_OK) {
		free(text);
		goto out;
	}
	cs_register_fileload(cs, NULL, fileload);
	err = cs_parse_string(cs, text, strlen(text));	/* takes ownership of text */
	if (err == STATUS_OK)
		err = cs_render(cs, out, append_out);
	if (err == STATUS_OK)
		rc = 0;
out:
	if (err != STATUS_OK)
		log_nerr(name, err);
	if (cs != NULL)
		cs_destroy(&cs);
	return rc;
}

static int
vset(HDF *hdf, const char *value, const char *namefmt, va_list ap)
{
	char name[256];
	int n = vsnprintf(name, sizeof(name), namefmt, ap);

	if (n < 0 || (size_t)n >= sizeof(name))
		return -1;
	return hdf_set_value(hdf, name, value) == STATUS_OK ? 0 : -1;
}

int
render_set(HDF *hdf, const char *value, const char *namefmt, ...)
{
	va_list ap;
	int rc;

	if (value == NULL)
		return 0;
	va_start(ap, namefmt);
	rc = vset(hdf, value, namefmt, ap);
	va_end(ap);
	return rc;
}

int
render_set_int(HDF *hdf, long long value, const char *namefmt, ...)
{
	char v[32];
	va_list ap;
	int rc;

	snprintf(v, sizeof(v), "%lld", value);
	va_start(ap, namefmt);
	rc = vset(hdf, v, namefmt, ap);
	va_end(ap);
	return rc;
}

