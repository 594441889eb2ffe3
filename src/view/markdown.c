/*
 * markdown.c - Markdown to safe HTML with cmark (see markdown.h for what "safe" means here).
 * Called when an article is saved; the HTML is stored beside the source, so a page view never
 * renders Markdown.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "view/markdown.h"

/* Safe mode (the cmark default since 0.29; named for older versions) and invalid UTF-8 replaced. */
#define CMARK_OPTIONS	(CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8)

/* The scheme of url (its part before ':' when that comes before any '/', '?' or '#'), or len 0. */
static size_t
scheme_len(const char *url)
{
	size_t i;

	for (i = 0; url[i] != '\0' && strchr("/?#", url[i]) == NULL; i++)
		if (url[i] == ':')
			return i;
	return 0;
}

int
markdown_url_allowed(const char *url, int image)
{
	size_t i, n;

	if (url == NULL)
		return 0;
	/* browsers drop tabs and line ends inside URLs ("java\tscript:"), and spaces start none we allow */
	for (i = 0; url[i] != '\0'; i++)
		if ((unsigned char)url[i] <= 0x20 || url[i] == 0x7f || url[i] == '\\')
			return 0;
	if ((n = scheme_len(url)) == 0)
		return url[0] != ':';	/* relative, or a #fragment */
	if (n == 4 && strncasecmp(url, "http", 4) == 0)
		return 1;
	if (n == 5 && strncasecmp(url, "https", 5) == 0)
		return 1;
	return !image && n == 6 && strncasecmp(url, "mailto", 6) == 0;
}

/* Move node's children in front of it, then remove it: the link goes, its text stays. */
static void
unwrap(cmark_node *node)
{
	cmark_node *child;

	while ((child = cmark_node_first_child(node)) != NULL)
		cmark_node_insert_before(node, child);
	cmark_node_unlink(node);
	cmark_node_free(node);
}

/* The smallest heading level the document uses (7 when it has none). */
static int
top_heading(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int top = 7;

	while (it != NULL && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(node) < top)
			top = cmark_node_get_heading_level(node);
	}
	cmark_iter_free(it);
	return top;
}

/*
 * Walk the tree once. cmark's iterator computes its next step before it returns a node, so a leaf
 * may be freed on ENTER and any node on EXIT (after its children were visited). Headings move so
 * that the document's top level becomes <h2>: the page's title is its only <h1>, and no level is skipped.
 */
static int
clean_tree(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int shift = 2 - top_heading(doc);

	if (it == NULL)
		return -1;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(node);

		if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
			cmark_node_unlink(node);
			cmark_node_free(node);
		} else if (ev == CMARK_EVENT_ENTER && type == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(node) + shift;

			cmark_node_set_heading_level(node, level > 6 ? 6 : level);
		} else if (ev == CMARK_EVENT_EXIT && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) &&
		    !markdown_url_allowed(cmark_node_get_url(node), type == CMARK_NODE_IMAGE)) {
			unwrap(node);
		}
	}
	cmark_iter_free(it);
	return 0;
}

/*
 * A copy of src without the characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE and
 * U+FFFF) and with CRLF as LF. NULL when memory runs out.
 */
static char *
xml_clean(const char *src, size_t len, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)src;
	char *d = malloc(len + 1);
	size_t i, n = 0;

	if (d == NULL)
		return NULL;
	for (i = 0; i < len; i++) {
		if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			continue;
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			continue;
		if (s[i] == 0xEF && i + 2 < len && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
			i += 2;
			continue;
		}
		d[n++] = (char)s[i];
	}
	d[n] = '\0';
	*outlen = n;
	return d;
}

int
markdown_render(const char *src, size_t len, char **html)
{
	cmark_node *doc = NULL;
	char *clean;
	size_t n;
	int rc = -1;

	*html = NULL;
	if (len > MARKDOWN_MAX_SOURCE || (clean = xml_clean(src != NULL ? src : "", src != NULL ? len : 0, &n)) == NULL)
		return -1;
	if ((doc = cmark_parse_document(clean, n, CMARK_OPTIONS)) != NULL && clean_tree(doc) == 0 &&
	    (*html = cmark_render_html(doc, CMARK_OPTIONS)) != NULL)
		rc = 0;
	if (doc != NULL)
		cmark_node_free(doc);
	free(clean);
	return rc;
}
