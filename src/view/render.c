/*
 * render.c - HDF data and ClearSilver templates.
 *
 * Templates and the language file are read once at start-up and kept in memory: a request never
 * touches the disk, and the server can drop privileges after start-up. Escaping: every HDF gets
 * Config.VarEscapeMode = html before cs_init (set later, ClearSilver silently ignores it), so every
 * var: is HTML-escaped; uvar: is reserved for sanitised HTML and commented where it stands.
 *
 * Per request the work is only the request's own data and the render (docs/performance.md):
 * - Each language's tree (templates/lang/<lang>.hdf) is one read-only HDF for the whole process. A request's HDF holds "L" as a
 *   ClearSilver link into it (no copy): lookups through a link only read (neo_hdf.c's _walk_hdf and
 *   ne_hash_lookup change nothing; the last_hp/last_hs caches are written by _set_value alone), so
 *   threads share it safely; render_set refuses names under "L." so nothing writes through the link.
 * - Each thread keeps each template parsed (CSPARSE) and points it at the request's HDF before
 *   rendering. Not per process: cs_render writes into the CSPARSE (output callback, locals, loop
 *   counters). A render that fails throws its parse away, so the next one starts clean.
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
/* the language trees (under "L" in pages), one per language of render_langs; read-only once threads run */
static HDF		*langs[RENDER_NLANGS];
const char *const	 render_langs[RENDER_NLANGS] = { "ko", "en" };
static __thread CSPARSE	*kept[MAX_TEMPLATES];	/* this thread's parsed templates, by index */
static __thread unsigned long parses;	/* templates this thread parsed (render_parse_count) */

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
	int rc = 0, i;

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
	/* the default language first: render_langs[0] is the one a page falls back to */
	if (render_lang_index(language) != 0) {
		log_err("render: %s is not the default language %s", language, render_langs[0]);
		return -1;
	}
	for (i = 0; i < RENDER_NLANGS; i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/lang/%s.hdf", dir, render_langs[i]) >= sizeof(path))
			return -1;
		if ((err = hdf_init(&langs[i])) != STATUS_OK || (err = hdf_read_file(langs[i], path)) != STATUS_OK) {
			log_nerr(path, err);
			return -1;
		}
	}
	return 0;
}

int
render_lang_index(const char *language)
{
	int i;

	for (i = 0; language != NULL && i < RENDER_NLANGS; i++)
		if (strcmp(render_langs[i], language) == 0)
			return i;
	return -1;
}

void
render_shutdown(void)
{
	size_t i;

	render_thread_end();
	for (i = 0; i < ntemplates; i++) {
		free(templates[i].name);
		free(templates[i].text);
	}
	ntemplates = 0;
	for (i = 0; i < RENDER_NLANGS; i++)
		if (langs[i] != NULL)
			hdf_destroy(&langs[i]);
}

void
render_thread_end(void)
{
	size_t i;

	for (i = 0; i < MAX_TEMPLATES; i++)
		if (kept[i] != NULL)
			cs_destroy(&kept[i]);
}

unsigned long
render_parse_count(void)
{
	return parses;
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

/* "L" in hdf: a link to the shared language tree (copy: a copy of it, the reference path). */
static NEOERR *
attach_lang(HDF *hdf, int copy, int li)
{
	HDF *lang = langs[li >= 0 && li < RENDER_NLANGS ? li : 0];
	NEOERR *err;
	HDF *node;

	if (lang == NULL)
		return STATUS_OK;
	if (copy)
		return hdf_copy(hdf, "L", lang);
	if ((err = hdf_set_symlink(hdf, "L", "")) != STATUS_OK)
		return err;
	/* A link is resolved from its node's top: point it at the language tree's root, so that "L.x"
	 * reads lang's x. Found by walking the children, since a lookup of "L" would follow the link (to
	 * itself, until it is re-pointed). hdf_destroy frees the link node alone: it has no children. */
	for (node = hdf->child; node != NULL; node = node->next)
		if (node->link && strcmp(node->name, "L") == 0) {
			node->top = lang;
			return STATUS_OK;
		}
	return nerr_raise(NERR_ASSERT, "no L link");
}

static HDF *
hdf_new(int copy, int li)
{
	HDF *hdf = NULL;
	NEOERR *err;

	if ((err = hdf_init(&hdf)) != STATUS_OK)
		goto fail;
	/* Must be set before cs_init, or escaping is silently off. */
	if ((err = hdf_set_value(hdf, "Config.VarEscapeMode", "html")) != STATUS_OK)
		goto fail;
	if ((err = attach_lang(hdf, copy, li)) != STATUS_OK)
		goto fail;
	/* the page's language, for <html lang> and the links to the other one (a fixed word, not input) */
	if ((err = hdf_set_value(hdf, "Page.Lang", render_langs[li >= 0 && li < RENDER_NLANGS ? li : 0])) != STATUS_OK)
		goto fail;
	return hdf;
fail:
	log_nerr("hdf", err);
	if (hdf != NULL)
		hdf_destroy(&hdf);
	return NULL;
}

HDF *
render_hdf_new(void)
{
	return hdf_new(0, 0);
}

HDF *
render_hdf_new_lang(const char *language)
{
	return hdf_new(0, render_lang_index(language));
}

HDF *
render_hdf_new_copy(void)
{
	return hdf_new(1, 0);
}

HDF *
render_hdf_new_copy_lang(const char *language)
{
	return hdf_new(1, render_lang_index(language));
}

HDF *
render_lang_tree(const char *language)
{
	int li = render_lang_index(language);

	return li >= 0 ? langs[li] : NULL;
}

static NEOERR *
append_out(void *ctx, char *s)
{
	if (buf_puts(ctx, s) != 0)
		return nerr_raise(NERR_NOMEM, "no memory");
	return STATUS_OK;
}

/* A new parse of template t (its includes too) for hdf. NULL on error (logged). */
static CSPARSE *
parse_template(HDF *hdf, const struct template *t)
{
	CSPARSE *cs = NULL;
	NEOERR *err;
	char *text;

	if ((text = malloc(t->len + 1)) == NULL) {
		log_err("render: no memory for %s", t->name);
		return NULL;
	}
	memcpy(text, t->text, t->len + 1);
	if ((err = cs_init(&cs, hdf)) != STATUS_OK ||
	    (err = cgi_register_strfuncs(cs)) != STATUS_OK) {
		free(text);
		goto fail;
	}
	cs_register_fileload(cs, NULL, fileload);
	if ((err = cs_parse_string(cs, text, t->len)) != STATUS_OK)	/* takes ownership of text */
		goto fail;
	parses++;
	return cs;
fail:
	log_nerr(t->name, err);
	if (cs != NULL)
		cs_destroy(&cs);
	return NULL;
}

/* Render name with hdf into out; keep: take this thread's parse of it and keep it for the next. */
static int
render(HDF *hdf, const char *name, struct buf *out, int keep_parsed)
{
	const struct template *t = find_template(name);
	CSPARSE *cs;
	NEOERR *err;
	size_t i;

	if (t == NULL) {
		log_err("render: no template %s", name);
		return -1;
	}
	i = (size_t)(t - templates);
	if ((cs = keep_parsed ? kept[i] : NULL) == NULL && (cs = parse_template(hdf, t)) == NULL)
		return -1;
	cs->hdf = hdf;		/* a kept parse renders this request's data */
	err = cs_render(cs, out, append_out);
	cs->hdf = NULL;
	if (err != STATUS_OK) {
		log_nerr(name, err);
		cs_destroy(&cs);	/* a render that stopped half-way may leave state behind: parse anew next time */
		kept[i] = NULL;
		return -1;
	}
	if (keep_parsed)
		kept[i] = cs;
	else
		cs_destroy(&cs);
	return 0;
}

int
render_template(HDF *hdf, const char *name, struct buf *out)
{
	return render(hdf, name, out, 1);
}

int
render_template_reparse(HDF *hdf, const char *name, struct buf *out)
{
	return render(hdf, name, out, 0);
}

static int
vset(HDF *hdf, const char *value, const char *namefmt, va_list ap)
{
	char name[256];
	int n = vsnprintf(name, sizeof(name), namefmt, ap);

	if (n < 0 || (size_t)n >= sizeof(name))
		return -1;
	/* "L" is a link to the language tree every request shares: a write through it would change
	 * every page of every thread */
	if (name[0] == 'L' && (name[1] == '.' || name[1] == '\0'))
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

int
render_fill_slots(const char *in, size_t len, const struct render_slot *slots, size_t nslots, struct buf *out)
{
	const char *p = in, *end = in + len;
	size_t i;
	int rc = 0;

	while (p < end && rc == 0) {
		const char *next = end, *hit;
		size_t which = nslots;

		/* the nearest slot marker from p on (markers are ASCII words: no byte of UTF-8 text starts one) */
		for (i = 0; i < nslots; i++)
			if ((hit = memmem(p, (size_t)(end - p), slots[i].marker, strlen(slots[i].marker))) != NULL &&
			    hit < next) {
				next = hit;
				which = i;
			}
		rc |= buf_append(out, p, (size_t)(next - p));
		if (which == nslots)
			break;
		{
			char *esc = NULL;
			NEOERR *err = neos_html_escape(slots[which].value, (int)strlen(slots[which].value), &esc);

			if (err != STATUS_OK) {
				nerr_ignore(&err);
				return -1;
			}
			rc |= buf_puts(out, esc);
			free(esc);
		}
		p = next + strlen(slots[which].marker);
	}
	return rc ? -1 : 0;
}
