/*
 * route.c - the dispatcher that enforces the one route table (app/routes.c).
 *
 * It answers 404 (no pattern matched), 405 (pattern matched, method not allowed), 400 (parameters
 * refused by the route's spec), 403 (access level, the route's row-level hook, CSRF) and 503
 * (database away) before a handler runs; handlers only do their page. It runs no SQL itself: the
 * session comes from http/auth.c, the layout's data from model/site.c's snapshot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/conf.h"
#include "core/err.h"
#include "core/log.h"
#include "http/admission.h"
#include "http/lang.h"
#include "http/multipart.h"
#include "http/auth.h"
#include "http/pagecache.h"
#include "http/route.h"
#include "model/site.h"
#include "store/db.h"
#include "view/render.h"

/* A 403 (TP_EDENIED) with its reason kept for the request's log line. */
static int
deny(struct request *rq, const char *why)
{
	rq->deny_reason = why;
	return TP_EDENIED;
}


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

/* How many files a spec takes in all (the sum of its PT_FILE maxima); 0: the route takes no uploads. */
static size_t
spec_files(const struct param_spec *sp)
{
	size_t n = 0;

	for (; sp != NULL && sp->name != NULL; sp++)
		if (sp->type == PT_FILE && sp->max > 0)
			n += (size_t)sp->max;
	return n;
}

size_t
route_spec_files(const struct route *r)
{
	return spec_files(r->params);
}

int
route_takes_upload(const char *path, const char *content_type)
{
	size_t caps[REQUEST_MAX_ARGS][2], ncaps, i;

	if (!multipart_is_form(content_type))
		return 0;
	for (i = 0; i < route_count; i++)
		if ((route_table[i].methods & M_POST) && spec_files(route_table[i].params) > 0 &&
		    match_pattern(route_table[i].pattern, path, caps, &ncaps))
			return 1;
	return 0;
}

/* The form page of POST pattern post (route_forms), or NULL. */
static const struct route *
form_route(const char *post)
{
	size_t i, j;

	for (i = 0; route_forms[i].post != NULL; i++)
		if (strcmp(route_forms[i].post, post) == 0)
			for (j = 0; j < route_count; j++)
				if ((route_table[j].methods & M_GET) && strcmp(route_table[j].pattern, route_forms[i].form) == 0)
					return &route_table[j];
	return NULL;
}

int
route_has_form(const char *path)
{
	size_t caps[REQUEST_MAX_ARGS][2], ncaps, i;

	for (i = 0; i < route_count; i++)
		if ((route_table[i].methods & M_POST) && match_pattern(route_table[i].pattern, path, caps, &ncaps))
			return form_route(route_table[i].pattern) != NULL;
	return 0;
}

/*
 * An upload refused its slot (rq->upload_busy, app/main.c): not saved, but its form page again (the
 * GET route of route_forms, same captures), with every text field as typed over what the page puts
 * there (a file must be chosen again: no browser keeps one), a message to send it again in a moment,
 * and 503 with Retry-After. Without a form page, the busy error page.
 */
static int
busy_form(struct request *rq, HDF *hdf)
{
	const struct route *f = form_route(rq->route->pattern);
	size_t i;
	int rc;

	rq->busy = 1;
	if (f == NULL || (rc = f->handler(rq, hdf)) != 0 || rq->tmpl == NULL)
		return TP_EBUSY;
	/* each name is one of the POST route's spec (check_params refused any other); a dotted one
	 * (a conflict page's pick.*) and the form token are not values of the form */
	for (i = 0; i < rq->params.n; i++)
		if (strchr(rq->params.v[i].name, '.') == NULL && strcmp(rq->params.v[i].name, "csrf") != 0 &&
		    render_set(hdf, rq->params.v[i].value, "Form.%s.value", rq->params.v[i].name) != 0)
			return TP_ENOMEM;
	render_set(hdf, hdf_get_value(hdf, "L.form.busy_upload", "?"), "Form.message");
	return 503;
}

/*
 * Parse the query string (GET) or the form body (POST: urlencoded, or multipart/form-data where the
 * route takes files); a refused pair is named on the 400 page.
 */
static int
parse_params(struct request *rq, const struct route *r)
{
	struct mp_limits lim = { REQUEST_MAX_PARAMS, 0, ROUTE_MAX_FILE, ROUTE_MAX_FIELD };
	int rc;

	if (rq->method != M_POST) {
		rc = request_parse_urlencoded(rq->query, strlen(rq->query), &rq->params);
		if (rc == 400 && request_find_bad_pair(rq->query, strlen(rq->query), rq->bad_key, sizeof(rq->bad_key)))
			rq->error_detail = rq->bad_key;
		return rc;
	}
	if (rq->query[0] != '\0')
		return 400;
	if (rq->body_len == 0)
		return 0;
	if (multipart_is_form(rq->content_type)) {
		if ((lim.max_files = spec_files(r->params)) == 0)
			return 415;
		/* a few files too many is a user's choice, answered on the form (files_stage); far more is not */
		lim.max_files *= REQUEST_FILES_SLACK;
		return request_parse_multipart(rq->content_type, rq->body, rq->body_len, &lim, &rq->params, &rq->files);
	}
	if (rq->content_type == NULL ||
	    strncmp(rq->content_type, "application/x-www-form-urlencoded", 33) != 0)
		return 415;
	rc = request_parse_urlencoded(rq->body, rq->body_len, &rq->params);
	if (rc == 400 && request_find_bad_pair(rq->body, rq->body_len, rq->bad_key, sizeof(rq->bad_key)))
		rq->error_detail = rq->bad_key;
	return rc;
}

/* Take the CSRF token out of the parameters, then check the rest against the route's spec. */
static int
check_params(struct request *rq, const struct route *r)
{
	const char *bad = NULL, *token = params_get(&rq->params, "csrf");
	int rc;

	if (rq->method == M_POST && r->csrf != CSRF_NONE && token != NULL) {
		if ((rq->csrf = strdup(token)) == NULL)
			return 500;
		params_remove(&rq->params, "csrf");
	}
	/* GET drops keys it does not know and sets typed values aside (request_sift_params); POST is strict */
	rc = rq->method == M_POST ? request_check_params(&rq->params, r->params, &bad) :
	    request_sift_params(&rq->params, r->params, &rq->refused, &bad);
	if (rc != 0 || (rc = request_check_files(rq->files, r->params, &bad)) != 0) {
		rq->error_detail = bad;
		return rc;
	}
	return 0;
}

/* 0 when the signed-in user (or an anonymous reader) may use route r at its access level; else
 * TP_EDENIED, or 303 to sign in. Row-level rules are the route's allow hook (run after this). */
static int
check_access(struct request *rq, const struct route *r)
{
	const struct session *s = rq->session;
	enum access need = r->access;

	if (need == ACC_PUBLIC && !rq->conf->public_read)
		need = ACC_LOGIN;
	if (need == ACC_OPEN || need == ACC_PUBLIC)
		return 0;
	if (s == NULL) {
		if (rq->method == M_POST)
			return deny(rq, "not signed in");
		/* a reader who is not signed in is sent to sign in, and back here after (query and all) */
		if ((rq->location = request_login_url(rq->path, &rq->params, r->params)) == NULL)
			return TP_ENOMEM;
		return 303;
	}
	if (need == ACC_LOGIN)
		return 0;
	if (need == ACC_MEMBER_ADMIN && (s->role == ROLE_MEMBER_ADMIN || s->role == ROLE_SECRETARIAT))
		return 0;
	if (need == ACC_SECRETARIAT && s->role == ROLE_SECRETARIAT)
		return 0;
	/* any committee's secretary passes here; the route's hook checks it is this committee's */
	if (need == ACC_COMMITTEE && (s->role == ROLE_SECRETARIAT || s->committee_secretary))
		return 0;
	return deny(rq, "role");
}

/* The site-wide data every HTML page shows: the association for the footer (model/site.c's
 * snapshot: no query here), the signed-in user. */
static void
site_data(struct request *rq, HDF *hdf)
{
	const struct session *s = rq->session;
	struct site_info site;

	render_set(hdf, rq->path, "Page.Path");
	render_set(hdf, rq->conf->base_url, "Site.BaseUrl");
	if (s != NULL) {
		/* a page being kept for every reader of its audience holds markers for the reader's own
		 * name and form token, filled per request (http/pagecache.h) */
		int slots = pagecache_recording(rq);

		render_set(hdf, slots ? PAGECACHE_NAME_SLOT : s->display_name, "User.name");
		render_set(hdf, s->login, "User.login");
		render_set(hdf, account_role_name(s->role), "User.role");
		render_set(hdf, s->tp_slug[0] ? s->tp_slug : NULL, "User.tp");
		render_set(hdf, slots ? PAGECACHE_CSRF_SLOT : s->csrf, "User.csrf");
		if (s->role != ROLE_STAFF)
			render_set(hdf, "1", "User.admin");
		/* the committees' admin link, for the secretariat and committee secretaries */
		if (s->role == ROLE_SECRETARIAT || s->committee_secretary)
			render_set(hdf, "1", "User.committees");
	}
	site_get(&site);
	if (site.loaded) {
		render_set(hdf, site.name[0] ? site.name : NULL, "Site.Name");
		render_set(hdf, site.address[0] ? site.address : NULL, "Site.Address");
		render_set(hdf, site.name_en[0] ? site.name_en : NULL, "Site.NameEn");
		render_set(hdf, site.address_en[0] ? site.address_en : NULL, "Site.AddressEn");
	}
}

/* Fill the error page's data for status. */
static void
error_page(struct request *rq, HDF *hdf, int status)
{
	rq->tmpl = "error.cs";
	render_set_int(hdf, status, "Error.Status");
	if (status == 503 && rq->busy)
		render_set_int(hdf, 1, "Error.Busy");	/* too much at once, not an outage: its own text */
	if (rq->error_detail != NULL)
		render_set(hdf, rq->error_detail, "Error.Param");
}

/* 1 when anyone may use route r (so its parameters may be checked before the sign-in). */
static int
open_route(const struct request *rq, const struct route *r)
{
	return r->access == ACC_OPEN || (r->access == ACC_PUBLIC && rq->conf->public_read);
}

/*
 * Who may use route r: the session, the access level, (with_body) the parameters of a route behind
 * a sign-in, the CSRF rule (without the body only the Origin: the form token is in it), and last the
 * row-level hook, so a forged or malformed request costs no lookup. 0, a status or a TP_E* code.
 */
static int
admit(struct request *rq, const struct route *r, int with_body)
{
	int status;

	if ((status = db_ready(rq->db)) != 0 || (status = auth_load(rq)) != 0)
		return status;
	if ((status = check_access(rq, r)) != 0)
		return status;
	if (with_body && !open_route(rq, r) && (status = check_params(rq, r)) != 0)
		return status;
	if (rq->method == M_POST && r->csrf != CSRF_NONE &&
	    auth_csrf_check(rq, with_body && r->csrf == CSRF_TOKEN) != 0)
		return deny(rq, "CSRF");
	if (r->allow != NULL && rq->session != NULL && (status = r->allow(rq)) != 0)
		return status == TP_EDENIED ? deny(rq, "row-level") : status;
	return 0;
}

/* Everything before the handler: route, database, session, access, parameters. 0, a status or a TP_E* code. */
static int
prepare(struct request *rq)
{
	const struct route *r;
	unsigned methods;
	int status;

	r = route_match(rq->path, rq, &methods);
	rq->allowed_methods = methods;
	if (r == NULL)
		return methods ? 405 : 404;
	rq->route = r;
	/* A malformed request is refused without a database round trip; but on routes behind a
	 * sign-in, who may use the route is checked first, so strangers learn nothing of its fields. */
	if ((status = parse_params(rq, r)) != 0)
		return status;
	if (open_route(rq, r) && (status = check_params(rq, r)) != 0)
		return status;
	if ((status = admit(rq, r, 1)) != 0)
		return status;
	/* last, once the request is known to be allowed: a stranger's request never takes a slot */
	return admission_enter(rq, admission_class(r, rq->method));
}

/*
 * A page shown without the typed values it could not use (rq->refused): each under Refused.<key> for
 * the message beside its field, and 422, so that the answer is not taken for the page asked for.
 */
static int
refused_values(struct request *rq, HDF *hdf, int status)
{
	size_t i;

	/* each key equals a name of the route's spec (request_sift_params), never free input */
	for (i = 0; i < rq->refused.n; i++)
		render_set(hdf, rq->refused.v[i].value, "Refused.%s", rq->refused.v[i].name);
	return status == 200 && rq->refused.n > 0 && rq->tmpl != NULL ? 422 : status;
}

/*
 * Page.Next: this page's address for the sign-in links, with the route's known keys only. GET pages
 * only: a form's fields (a password) never go into a link. Best effort: without it the link has no next.
 */
static void
self_url(struct request *rq, HDF *hdf)
{
	char *url;

	if (rq->path == NULL || rq->method == M_POST)
		return;
	if ((url = request_self_url(rq->path, &rq->params, rq->route != NULL ? rq->route->params : NULL)) == NULL)
		return;
	render_set(hdf, url, "Page.Next");
	free(url);
}

/* 1 when a GET route's pattern matches path (the captures are not kept). */
static int
get_route_at(const char *path)
{
	size_t caps[REQUEST_MAX_ARGS][2], ncaps, i;

	for (i = 0; path != NULL && i < route_count; i++)
		if ((route_table[i].methods & M_GET) && match_pattern(route_table[i].pattern, path, caps, &ncaps))
			return 1;
	return 0;
}

/* Page.Lang<name>: base + self (a request_self_url: path, then its known keys) with lang=<language>. */
static void
lang_url(HDF *hdf, const char *base, const char *self, const char *language, const char *name)
{
	char *url = NULL;

	if (asprintf(&url, "%s%s%slang=%s", base, self, strchr(self, '?') != NULL ? "&" : "?", language) >= 0) {
		render_set(hdf, url, "%s", name);
		free(url);
	}
}

/*
 * The links to this page in the other languages (http/lang.c): Page.Switch.<lang> for the switch link
 * every page has, and on a GET page that answered (below 400) Page.Alternate.<lang> for the hreflang
 * alternates. The address keeps the page's known keys only, as the sign-in link's next= does: a key
 * the page does not know (utm_source) never reaches the page. A form's POST answer (422, 409, 429) is
 * no page of its own: its switch link goes to the GET page at its address, or home, and it has no
 * alternates; a 403 or 404 links home. Best effort: without memory a page has no such link.
 */
static void
lang_links(struct request *rq, HDF *hdf, int status)
{
	int get = rq->method == M_GET || rq->method == M_HEAD, i;
	const char *path = rq->path != NULL ? rq->path : "/";
	char name[64], *self;

	if (!get && !get_route_at(path))
		path = "/";
	/* a refusal or a page that is not there links home: it shows nothing of the address asked for (a
	 * member admin's 403 on another technopark's form names none of its links) */
	if (status == 403 || status == 404) {
		path = "/";
		get = 0;	/* home itself, not the query of the address asked for */
	}
	self = get ? request_self_url(path, &rq->params, rq->route != NULL ? rq->route->params : NULL) : strdup(path);
	if (self == NULL)
		return;
	for (i = 0; i < RENDER_NLANGS; i++) {
		snprintf(name, sizeof(name), "Page.Switch.%s", render_langs[i]);
		lang_url(hdf, "", self, render_langs[i], name);
		if (get && status < 400) {
			snprintf(name, sizeof(name), "Page.Alternate.%s", render_langs[i]);
			lang_url(hdf, rq->conf->base_url, self, render_langs[i], name);
		}
	}
	free(self);
}

void
route_error(struct request *rq, HDF *hdf, int status)
{
	error_page(rq, hdf, status);
	site_data(rq, hdf);
	self_url(rq, hdf);
	lang_links(rq, hdf, status);
}

int
route_precheck(struct request *rq)
{
	const struct route *r;
	unsigned methods;

	if ((r = route_match(rq->path, rq, &methods)) == NULL)
		return methods ? 405 : 404;
	return admit(rq, r, 0);
}

int
route_dispatch(struct request *rq, HDF *hdf)
{
	unsigned long trips = db_round_trips(rq->db);
	int status = prepare(rq), rc;

	/* a public page: 304 for a current copy, or the kept page (200 in rq->raw), or 0 to render */
	if (status == 0)
		status = pagecache_begin(rq);
	if (status == 0) {
		status = rq->upload_busy ? busy_form(rq, hdf) : rq->route->handler(rq, hdf);
		if (status == 0)
			status = rq->status ? rq->status : 200;
		status = refused_values(rq, hdf, status);
	}
	if (status < 0) {	/* a lower layer's failure: the error page, never a half-filled form */
		if (status == TP_EBUSY)
			rq->busy = 1;	/* a statement ran past its time limit, or the class was full */
		rq->tmpl = NULL;
		status = err_http_status(status);
	}
	if (status >= 300 && status < 400)
		return status;
	/* the footer is data too: a page that reached the database keeps the layout's snapshot fresh,
	 * and one whose snapshot cannot be read at all is not a 200 with gaps (a handler that re-shows
	 * its form, 422/409/429, keeps its own template); a database found away here is away for this
	 * page too, whatever the snapshot holds (a sign-in form asks nothing else: its 200 would be the
	 * one page of an outage that the next click contradicts) */
	if (rq->tmpl != NULL && status < 500 && (rc = site_refresh(rq->db)) != 0) {
		struct site_info site;

		site_get(&site);
		if (!site.loaded || rc == TP_EGONE)
			status = err_http_status(rc);
	}
	/* a page that asked the database nothing (the sign-in form) has not seen it either: while it is
	 * away that page is not a 200 the next click would contradict (one ping, only for such pages) */
	if (rq->route != NULL && status < 400 && db_round_trips(rq->db) == trips && (rc = db_check(rq->db)) != 0)
		status = err_http_status(rc);
	/* a form refused busy (page_busy_form) keeps its template: what was typed is on it */
	if (status >= 400 && !rq->keep_raw && (rq->tmpl == NULL || (status >= 500 && !(status == 503 && rq->busy)))) {
		/* a 503 means the database is away: store/db.c logs that once and counts the requests,
		 * so a line per request here would only flood the log during an outage */
		if (status == 500)
			log_warn("%s %s: %d", rq->method_name, rq->path, status);
		buf_free(&rq->raw);
		error_page(rq, hdf, status);
	}
	/* error pages too take the layout from the snapshot: a 404 makes no database round trip */
	site_data(rq, hdf);
	self_url(rq, hdf);
	lang_links(rq, hdf, status);
	return status;
}

static const char *
access_name(enum access a)
{
	switch (a) {
	case ACC_OPEN:		return "open";
	case ACC_PUBLIC:	return "public";
	case ACC_LOGIN:		return "login";
	case ACC_MEMBER_ADMIN:	return "member_admin";
	case ACC_SECRETARIAT:	return "secretariat";
	case ACC_COMMITTEE:	return "committee";
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
