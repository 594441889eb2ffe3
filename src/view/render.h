/* render.h - HDF data and ClearSilver templates, escaping HTML by default. */
#ifndef TP_RENDER_H
#define TP_RENDER_H

#include "view/cs.h"

#include "core/buf.h"

/*
 * Load every template under dir and the language file dir/lang/<lang>.hdf into memory.
 * Call once in main, after nerr_init and before the threads start. Returns 0 or -1 (logged).
 */
int	render_init(const char *dir, const char *lang);
void	render_shutdown(void);

/* A new HDF for one request, with escaping configured and the language under "L". NULL on error. Free with hdf_destroy. */
HDF	*render_hdf_new(void);
/* Render template name (e.g. "members.cs") with hdf and append the text to out. Returns 0 or -1 (logged). */
int	render_template(HDF *hdf, const char *name, struct buf *out);
/* hdf_set_value with a formatted name (the format is a literal; values never go into names). */
int	render_set(HDF *hdf, const char *value, const char *namefmt, ...) __attribute__((format(printf, 3, 4)));
int	render_set_int(HDF *hdf, long long value, const char *namefmt, ...) __attribute__((format(printf, 3, 4)));

#endif
