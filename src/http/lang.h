/* lang.h - which language a request's page is in: ?lang=, the lang cookie, Accept-Language (issue 17). */
#ifndef TP_LANG_H
#define TP_LANG_H

#include <stddef.h>

#include "http/request.h"

#define LANG_COOKIE	"lang"
#define LANG_PARAM	"lang"

/* Where the choice came from. */
enum lang_source {
	LANG_FROM_DEFAULT,	/* nothing said: the default language */
	LANG_FROM_HEADER,	/* the browser's Accept-Language */
	LANG_FROM_COOKIE,	/* the reader chose it earlier (the cookie) */
	LANG_FROM_QUERY		/* the reader chose it now: ?lang= on a GET page */
};

/*
 * The language of a page: ?lang=<one of render_langs> in query (a GET's raw query string; NULL: none)
 * first, then the cookie's value, then the best of Accept-Language (q-values, "en-US" counts as "en";
 * "*" and unknown tags count for nothing), else the default. Returns a string of render_langs;
 * *from says where it came from. Pure: exported for tests.
 */
const char	*lang_choose(const char *query, const char *cookie, const char *accept_language,
		    enum lang_source *from);

/* The language's value in one of render_langs for the word s[0..len), or NULL. */
const char	*lang_known(const char *s, size_t len);

/*
 * Choose rq's language (rq->lang) from its query (GET and HEAD only), cookies and accept_language; a
 * choice made by ?lang= that the cookie does not hold yet is kept in the cookie (rq->lang_cookie).
 */
void		 lang_request(struct request *rq, const char *accept_language);

#endif
