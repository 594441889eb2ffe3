/*
 * lang.c - which language a request's page is in (issue 17; docs/languages.md).
 *
 * One set of URLs serves both languages, so a link shared by a Korean reader opens for an English one
 * too, in the reader's own language: ?lang= on any GET page chooses (and the cookie keeps the choice),
 * else an earlier choice (the cookie), else the browser's Accept-Language, else Korean.
 */
#include <string.h>

#include "http/lang.h"
#include "view/render.h"

const char *
lang_known(const char *s, size_t len)
{
	int i;

	for (i = 0; s != NULL && i < RENDER_NLANGS; i++)
		if (strlen(render_langs[i]) == len && memcmp(render_langs[i], s, len) == 0)
			return render_langs[i];
	return NULL;
}

/* The value of the last lang= pair of a raw query string (an exact word, no escapes), or NULL. */
static const char *
query_lang(const char *q)
{
	const char *found = NULL, *v;
	size_t n;

	while (q != NULL && *q != '\0') {
		n = strcspn(q, "&;");
		if (n > 5 && memcmp(q, LANG_PARAM "=", 5) == 0 && (v = lang_known(q + 5, n - 5)) != NULL)
			found = v;
		q += n;
		if (*q != '\0')
			q++;
	}
	return found;
}

/* The q-value of one Accept-Language entry's parameters (";q=0.8"): 0..1000, 1000 when none is given. */
static int
qvalue(const char *p, size_t len)
{
	const char *end = p + len;
	int q = 1000, scale = 100;

	while (p < end && (*p == ' ' || *p == ';'))
		p++;
	if (end - p < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=')
		return q;
	p += 2;
	if (p < end && *p == '0') {
		q = 0;
		for (p++, p += (p < end && *p == '.'); p < end && *p >= '0' && *p <= '9' && scale > 0; p++, scale /= 10)
			q += (*p - '0') * scale;
	}
	return q;
}

/* lang_known for a language tag's primary subtag, in any case ("EN" of "EN-gb"), or NULL. */
static const char *
tag_lang(const char *s, size_t len)
{
	char low[8];
	size_t i;

	if (len == 0 || len >= sizeof(low))
		return NULL;
	for (i = 0; i < len; i++)
		low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	return lang_known(low, len);
}

/* The best language of an Accept-Language header ("en-US,en;q=0.9,ko;q=0.8"), or NULL. */
static const char *
header_lang(const char *h)
{
	const char *best = NULL, *v;
	int bestq = 0, q;
	size_t n, tag, primary;

	while (h != NULL && *h != '\0') {
		while (*h == ' ' || *h == ',')
			h++;
		n = strcspn(h, ",");		/* one entry: tag, then ;q= */
		tag = strcspn(h, "; ");
		if (tag > n)
			tag = n;
		primary = strcspn(h, "-");
		if (primary > tag)
			primary = tag;
		if ((v = tag_lang(h, primary)) != NULL && (q = qvalue(h + tag, n - tag)) > bestq) {
			best = v;	/* the first of equal q-values wins: the browser's order */
			bestq = q;
		}
		h += n;
	}
	return best;
}

const char *
lang_choose(const char *query, const char *cookie, const char *accept_language, enum lang_source *from)
{
	const char *v;

	if ((v = query_lang(query)) != NULL) {
		*from = LANG_FROM_QUERY;
		return v;
	}
	if (cookie != NULL && (v = lang_known(cookie, strlen(cookie))) != NULL) {
		*from = LANG_FROM_COOKIE;
		return v;
	}
	if ((v = header_lang(accept_language)) != NULL) {
		*from = LANG_FROM_HEADER;
		return v;
	}
	*from = LANG_FROM_DEFAULT;
	return render_langs[0];
}

void
lang_request(struct request *rq, const char *accept_language)
{
	const char *cookie = request_cookie(rq, LANG_COOKIE);
	enum lang_source from;

	rq->lang = lang_choose(rq->method == M_GET || rq->method == M_HEAD ? rq->query : NULL, cookie,
	    accept_language, &from);
	rq->lang_from = (int)from;
	rq->lang_cookie = from == LANG_FROM_QUERY && (cookie == NULL || strcmp(cookie, rq->lang) != 0);
}
