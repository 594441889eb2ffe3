/* render.h - HDF data and ClearSilver templates, escaping HTML by default. */
#ifndef TP_RENDER_H
#define TP_RENDER_H

#include "view/cs.h"

#include "core/buf.h"

/* The portal's languages, the default (Korean) first; each has templates/lang/<name>.hdf with the same keys. */
#define RENDER_NLANGS	2
extern const char *const render_langs[RENDER_NLANGS];

/*
 * Load every template under dir and every language file dir/lang/<lang>.hdf into memory; lang must be
 * the default language (render_langs[0]). Call once in main, after nerr_init and before the threads
 * start. Returns 0 or -1 (logged).
 */
int	render_init(const char *dir, const char *lang);
/* The index of language in render_langs, or -1 (NULL or not one of them). */
int	render_lang_index(const char *language);
/* The shared read-only tree of language (NULL when it is not one): tests compare key sets with it. */
HDF	*render_lang_tree(const char *language);
void	render_shutdown(void);

/* A new HDF for one request, with escaping configured and the language under "L" (a link to the one
 * read-only language tree: never write under "L."). NULL on error. Free with hdf_destroy. */
HDF	*render_hdf_new(void);
/* The same in language (one of render_langs; another word gives the default); Page.Lang is set to it. */
HDF	*render_hdf_new_lang(const char *language);
/* The same with a private copy of the language tree: the reference path tests compare against. */
HDF	*render_hdf_new_copy(void);
HDF	*render_hdf_new_copy_lang(const char *language);
/* Free this thread's parsed templates (at a worker's end; render_shutdown does it for its own thread). */
void	render_thread_end(void);
/* How many templates this thread has parsed so far (a kept parse is parsed once). */
unsigned long render_parse_count(void);
/* Render template name (e.g. "members.cs") with hdf and append the text to out. Returns 0 or -1 (logged).
 * The thread's kept parse of the template is used (parsed on its first use in the thread). */
int	render_template(HDF *hdf, const char *name, struct buf *out);
/* The same, parsing the template anew and keeping nothing: the reference path tests compare against. */
int	render_template_reparse(HDF *hdf, const char *name, struct buf *out);
/* hdf_set_value with a formatted name (the format is a literal; values never go into names).
 * Names under "L." are refused (-1): the language tree is shared. */
int	render_set(HDF *hdf, const char *value, const char *namefmt, ...) __attribute__((format(printf, 3, 4)));
int	render_set_int(HDF *hdf, long long value, const char *namefmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * A page kept for many readers holds a marker where a reader's own value goes (the signed-in name, the
 * form token): render_fill_slots copies in[0..len) to out with each marker replaced by its value,
 * HTML-escaped as var: escapes it (neos_html_escape). 0 or -1 (ENOMEM).
 */
struct render_slot {
	const char	*marker;	/* an ASCII word that nothing else on a page contains */
	const char	*value;
};
int	render_fill_slots(const char *in, size_t len, const struct render_slot *slots, size_t nslots, struct buf *out);

#endif
