/*
 * markdown.h - article bodies: Markdown (CommonMark, by cmark) to HTML that is safe to print raw.
 *
 * This is the only HTML the templates print with uvar:. What makes it safe:
 *  - cmark runs in safe mode (raw HTML omitted, javascript:/vbscript:/file:/data: URLs emptied), and
 *    on top of that every raw HTML node is removed from the tree before rendering;
 *  - links and images whose destination is not relative, #fragment, http:, https: or mailto: (images:
 *    relative, http: or https: only) are unwrapped: their text stays, the link goes;
 *  - control characters other than tab and line ends, and U+FFFE/U+FFFF, are dropped from the
 *    source, so the HTML is also valid XML text (the Atom feed carries it);
 *  - headings are moved so that the body's top level is <h2>: a page has exactly one <h1>, its title,
 *    and the body's outline follows it without a gap.
 */
#ifndef TP_MARKDOWN_H
#define TP_MARKDOWN_H

#include <stddef.h>

#define MARKDOWN_MAX_SOURCE	(256 * 1024)	/* bytes; longer sources are refused */

/*
 * Render src (len bytes of UTF-8) to HTML in *html (malloc'd, NUL-terminated; the caller frees it).
 * Returns 0, or -1 when src is too long or memory runs out (*html is then NULL).
 */
int	markdown_render(const char *src, size_t len, char **html);

/* Pure helper, exported for tests: 1 when url may be a link's (image = 0) or an image's (image = 1) destination. */
int	markdown_url_allowed(const char *url, int image);

#endif
