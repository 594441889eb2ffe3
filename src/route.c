/*
 * route.c - the one route table, and the dispatcher that enforces it.
 *
 * Every URL the portal answers is a line below. The dispatcher answers 404 (no pattern matched),
 * 405 (pattern matched, method not allowed), 403 (access), 400 (parameters refused by the route's
 * spec) and 503 (database away) before a handler runs; handlers only do their page.
 */
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "log.h"
#include "pages.h"
#include "render.h"
#include "route.h"
#include "text.h"

/* Parameter specs, one per set of routes that share them. */
static const char *const member_sorts[] = { "name", "joined", NULL };

static const struct param_spec members_params[] = {
	{ "region",	PT_SLUG, 0, 40, NULL },
	{ "industry",	PT_SLUG, 0, 40, NULL },
	{ "sort",	PT_ENUM, 0, 0, member_sorts },
	{ NULL, 0, 0, 0, NULL }
};

static const struct param_spec people_params[] = {
	{ "q",		PT_TEXT, 0, 50, NULL },
	{ "tp",		PT_SLUG, 0, 40, NULL },
	{ "page",	PT_INT, 1, 10000, NULL },
	{ NULL, 0, 0, 0, NULL }
};

#define GET	(M_GET | M_HEAD)

const struct route route_table[] = {
	/* methods  pattern            handler             access      csrf params          sample */
	{ GET, "/",                  page_home,          ACC_PUBLIC, 0, NULL,            "/" },
	{ GET, "/members",           page_members_list,  ACC_PUBLIC, 0, members_params,  "/members?region=chungnam&sort=joined" },
	{ GET, "/members/{slug}",    page_members_show,  ACC_PUBLIC, 0, NULL,            "/members/gyeonggi" },
	{ GET, "/people",            page_people_list,   ACC_PUBLIC, 0, people_params,   "/people?q=%ED%8C%80%EC%9E%A5" },
	{ GET, "/about",             page_about,         ACC_PUBLIC, 0, NULL,            "/about" },
	{ GET, "/healthz",           page_healthz,       ACC_PUBLIC, 0, NULL,            "/healthz" },
};

const size_t route_count = sizeof(route_table) / sizeof(route_table[0]);

/* Match one segment pattern ("{slug}", "{id}" or literal) against seg (len bytes). */
static int
match_segment(const char *pat, size_t plen, const char *seg, size_t len)
{
	size_t i;

	if (plen == 6 && memcmp(pat, "{slug}", 6) == 0) {
		if (len == 0 || len > 40 || seg[0] == '-' || seg[len - 1] == '-')
			return 0;
		for (i = 0; i < len; i++)
			if (!((seg[i] >= 'a' && seg[i] <= 'z') || (seg[i] >= '0' && seg[i] <= '9') || seg[i] == '-'))
				return 0;
		return 2;
	}
	if (plen == 4 && memcmp(pat, "{id}", 4) == 0) {
		if (len == 0 || len > 9 || seg[0] == '0')
			return 0;
		for (i = 0; i < len; i++)
			if (seg[i] < '0' || seg[i] > '9')
				return 0;
		return 2;
	}
	return plen == len && memcmp(pat, seg, len) == 0;
}

/* 1 when path matches pattern; captures (offset, length) pairs go to caps. */
static int
match_pattern(const char *pattern, const char *path, size_t caps[][2], size_t *ncaps)
{
	const char *p = pattern, *s = path;

	*ncaps = 0;
	while (*p == '/' && *s == '/') {
		size_t plen = strcspn(p + 1, "/"), slen = strcspn(s + 1, "/");
		int m = match_segment(p + 1, plen, s + 1, slen);

		if (m == 0)
			return 0;
		if (m == 2) {
			if (*ncaps == REQUEST_MAX_ARGS)
				return 0;
			caps[*ncaps][0] = (size_t)(s + 1 - path);
			caps[*ncaps][1] = slen;
			(*ncaps)++;
		}
		p += 1 + plen;
		s += 1 + slen;
	}
	return *p == '\0' && *s == '\0';
}

const struct route *
route_match(const char *path, struct request *rq, unsigned *methods)
{
	const struct route *found = NULL;
	size_t caps[REQUEST_MAX_ARGS][2], ncaps, i, k, off = 0;

	*methods = 0;
	for (i = 0; i < route_count; i++) {
		if (!match_pattern(route_table[i].pattern, path, caps, &ncaps))
			continue;
		*methods |= route_table[i].methods;
		if (found != NULL || !(route_table[i].methods & rq->method))
			continue;
		found = &route_table[i];
		free(rq->argbuf);
		if ((rq->argbuf = malloc(strlen(path) + 1)) == NULL)
			return NULL;
		for (k = 0; k < ncaps; k++) {
			memcpy(rq->argbuf + off, path + caps[k][0], caps[k][1]);
			rq->argbuf[off + caps[k][1]] = '\0';
			rq->args[k] = rq->argbuf + off;
			off += caps[k][1] + 1;
		}
		rq->nargs = ncaps;
	}
	return found;
}

/* Parse the query string (GET) or the form body (POST) and check it against the route's spec. */
static int
check_params(struct request *rq, const struct route *r)
{
	const char *bad = NULL;
	int rc;

	if (rq->method == M_POST) {
		if (rq->query[0] != '\0')
			return 400;
		if (rq->body_len > 0) {
			if (rq->content_type == NULL ||
			    strncmp(rq->content_type, "application/x-www-form-urlencoded", 33) != 0)
				return 415;
			if ((rc = request_parse_urlencoded(rq->body, rq->body_len, &rq->params)) != 0)
				return rc;
		}
	} else if ((rc = request_parse_urlencoded(rq->query, strlen(rq->query), &rq->params)) != 0)
		return rc;
	if ((rc = request_check_params(&rq->params, r->params, &bad)) != 0) {
		rq->error_detail = bad;
		return rc;
	}
	return 0;
}

/* The site-wide data every HTML page shows: the association's name and address for the footer. */
static void
site_data(struct request *rq, HDF *hdf)
{
	static const char sql[] = "SELECT name_ko, address FROM association WHERE id = 1";
	struct db_stmt *st;

	render_set(hdf, rq->path, "Page.Path");
	render_set(hdf, rq->conf->base_url, "Site.BaseUrl");
	if ((st = db_prepare(rq->db, sql)) == NULL)
		return;
	if (db_step(st) == DB_ROW) {
		render_set(hdf, db_col_text(st, 0), "Site.Name");
		render_set(hdf, db_col_text(st, 1), "Site.Address");
	}
	db_reset(st);
}

/* Fill the error page's data for status. */
static void
error_page(struct request *rq, HDF *hdf, int status)
{
	rq->tmpl = "error.cs";
	render_set_int(hdf, status, "Error.Status");
	if (rq->error_detail != NULL)
		render_set(hdf, rq->error_detail, "Error.Param");
}

int
route_dispatch(struct request *rq, HDF *hdf)
{
	const struct route *r;
	unsigned methods;
	int status;

	r = route_match(rq->path, rq, &methods);
	rq->allowed_methods = methods;
	if (r == NULL) {
		status = methods ? 405 : 404;
		goto error;
	}
	rq->route = r;
	if ((status = check_params(rq, r)) != 0)
		goto error;
	if (r->access != ACC_PUBLIC || !rq->conf->public_read) {
		status = 403;	/* sign-in arrives with the accounts issue; until then only public routes */
		goto error;
	}
	if ((status = db_ready(rq->db)) != 0)
		goto error;
	status = r->handler(rq, hdf);
	if (status == 0)
		status = rq->status ? rq->status : 200;
	if (status >= 400)
		goto error;
	if (rq->tmpl != NULL)
		site_data(rq, hdf);
	return status;
error:
	if (status == 503 || status == 500)
		log_warn("%s %s: %d", rq->method_name, rq->path, status);
	if (status != 503 && db_ready(rq->db) == 0)
		site_data(rq, hdf);
	else
		render_set(hdf, rq->path, "Page.Path");
	buf_free(&rq->raw);
	error_page(rq, hdf, status);
	return status;
}

static const char *
access_name(enum access a)
{
	switch (a) {
	case ACC_PUBLIC:	return "public";
	case ACC_LOGIN:		return "login";
	case ACC_MEMBER_ADMIN:	return "member_admin";
	case ACC_SECRETARIAT:	return "secretariat";
	}
	return "?";
}

void
route_list(FILE *fp)
{
	size_t i;

	for (i = 0; i < route_count; i++) {
		const struct route *r = &route_table[i];

		fprintf(fp, "%s%s%s\t%s\t%s\t%s\n",
		    (r->methods & M_GET) ? "GET" : "",
		    (r->methods & M_HEAD) ? ",HEAD" : "",
		    (r->methods & M_POST) ? ((r->methods & M_GET) ? ",POST" : "POST") : "",
		    r->pattern, access_name(r->access), r->sample);
	}
}
