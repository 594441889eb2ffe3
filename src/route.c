/*
 * route.c - the one route table, and the dispatcher that enforces it.
 *
 * Every URL the portal answers is a line below. The dispatcher answers 404 (no pattern matched),
 * 405 (pattern matched, method not allowed), 403 (access), 400 (parameters refused by the route's
 * spec) and 503 (database away) before a handler runs; handlers only do their page.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "pages.h"
#include "render.h"
#include "route.h"

/* Parameter specs, one per set of routes that share them. */
static const char *const member_sorts[] = { "name", "joined", NULL };

static const struct param_spec members_params[] = {
	{ "region",	PT_SLUG, 0, 40, NULL, 0 },
	{ "industry",	PT_SLUG, 0, 40, NULL, 0 },
	{ "sort",	PT_ENUM, 0, 0, member_sorts, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};

static const struct param_spec people_params[] = {
	{ "q",		PT_TEXT, 0, 50, NULL, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "page",	PT_INT, 1, 10000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};

/* Admin forms: every key a form may send (form.c gives the friendly per-field messages; these
 * generous limits only stop abuse before a handler runs). */
static const char *const decisions[] = { "approve", "reject", NULL };
static const char *const roles[] = { "secretariat", "member_admin", "staff", NULL };
static const char *const request_states[] = { "pending", "approved", "rejected", "withdrawn", "all", NULL };
static const char *const entities[] = { "technopark", "person", "user", "change_request", NULL };

static const struct param_spec login_params[] = {
	{ "login",	PT_TEXT, 0, 200, NULL, 0 },
	{ "password",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "next",	PT_TEXT, 0, 500, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const char *const dones[] = { "saved", NULL };
static const struct param_spec done_params[] = {
	{ "done",	PT_ENUM, 0, 0, dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec next_params[] = {
	{ "next",	PT_TEXT, 0, 500, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec password_params[] = {
	{ "current",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "new",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "confirm",	PT_TEXT, 0, 1000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec member_form_params[] = {
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "summary",	PT_TEXT, 0, 20000, NULL, 0 },
	{ "director",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "address",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "phone",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "email",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "website",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "industry",	PT_TEXT, 0, 100, NULL, 1 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec person_form_params[] = {
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "name",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "title",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "department",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "phone",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "email",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "sort",	PT_TEXT, 0, 20, NULL, 0 },
	{ "visible",	PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec version_params[] = {
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec user_form_params[] = {
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "login",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "display_name", PT_TEXT, 0, 1000, NULL, 0 },
	{ "role",	PT_TEXT, 0, 100, NULL, 0 },
	{ "technopark",	PT_TEXT, 0, 100, NULL, 0 },
	{ "active",	PT_TEXT, 0, 20, NULL, 0 },
	{ "password",	PT_TEXT, 0, 1000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec decide_params[] = {
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "decision",	PT_ENUM, 0, 0, decisions, 0 },
	{ "comment",	PT_TEXT, 0, 5000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec requests_params[] = {
	{ "state",	PT_ENUM, 0, 0, request_states, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec users_params[] = {
	{ "role",	PT_ENUM, 0, 0, roles, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec history_params[] = {
	{ "entity",	PT_ENUM, 0, 0, entities, 0 },
	{ "id",		PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "user",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "before",	PT_INT, 1, 9223372036854775807LL, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};

#define GET	(M_GET | M_HEAD)
#define POST	M_POST
#define PUB	ACC_PUBLIC
#define MEM	ACC_MEMBER_ADMIN
#define SEC	ACC_SECRETARIAT

const struct route route_table[] = {
	/* methods pattern                           handler                  access     csrf         params               sample */
	{ GET,  "/",                                 page_home,               PUB,       CSRF_NONE,   NULL,                "/" },
	{ GET,  "/members",                          page_members_list,       PUB,       CSRF_NONE,   members_params,      "/members?region=chungnam&sort=joined" },
	{ GET,  "/members/{slug}",                   page_members_show,       PUB,       CSRF_NONE,   NULL,                "/members/gyeonggi" },
	{ GET,  "/people",                           page_people_list,        PUB,       CSRF_NONE,   people_params,       "/people?q=%ED%8C%80%EC%9E%A5" },
	{ GET,  "/about",                            page_about,              PUB,       CSRF_NONE,   NULL,                "/about" },
	{ GET,  "/healthz",                          page_healthz,            ACC_OPEN,  CSRF_NONE,   NULL,                "/healthz" },

	{ GET,  "/login",                            page_login_form,         ACC_OPEN,  CSRF_NONE,   next_params,         "/login" },
	{ POST, "/login",                            page_login,              ACC_OPEN,  CSRF_ORIGIN, login_params,        "/login" },
	{ POST, "/logout",                           page_logout,             ACC_LOGIN, CSRF_TOKEN,  NULL,                "/logout" },
	{ GET,  "/account/password",                 page_password_form,      ACC_LOGIN, CSRF_NONE,   NULL,                "/account/password" },
	{ POST, "/account/password",                 page_password,           ACC_LOGIN, CSRF_TOKEN,  password_params,     "/account/password" },

	{ GET,  "/admin",                            page_admin_home,         MEM,       CSRF_NONE,   NULL,                "/admin" },
	{ GET,  "/admin/members/{slug}",             page_admin_member_form,  MEM,       CSRF_NONE,   done_params,         "/admin/members/chungnam" },
	{ POST, "/admin/members/{slug}",             page_admin_member_save,  MEM,       CSRF_TOKEN,  member_form_params,  "/admin/members/chungnam" },
	{ GET,  "/admin/members/{slug}/people",      page_admin_people_list,  MEM,       CSRF_NONE,   NULL,                "/admin/members/chungnam/people" },
	{ GET,  "/admin/members/{slug}/people/new",  page_admin_person_new,   MEM,       CSRF_NONE,   NULL,                "/admin/members/chungnam/people/new" },
	{ POST, "/admin/members/{slug}/people",      page_admin_person_create, MEM,      CSRF_TOKEN,  person_form_params,  "/admin/members/chungnam/people" },
	{ GET,  "/admin/people/{id}",                page_admin_person_form,  MEM,       CSRF_NONE,   NULL,                "/admin/people/{person}" },
	{ POST, "/admin/people/{id}",                page_admin_person_save,  MEM,       CSRF_TOKEN,  person_form_params,  "/admin/people/{person}" },
	{ POST, "/admin/people/{id}/delete",         page_admin_person_delete, MEM,      CSRF_TOKEN,  version_params,      "/admin/people/{person}/delete" },
	{ GET,  "/admin/requests",                   page_admin_requests,     MEM,       CSRF_NONE,   requests_params,     "/admin/requests" },
	{ GET,  "/admin/requests/{id}",              page_admin_request_show, MEM,       CSRF_NONE,   NULL,                "/admin/requests/{request}" },
	{ POST, "/admin/requests/{id}",              page_admin_request_decide, SEC,     CSRF_TOKEN,  decide_params,       "/admin/requests/{request}" },
	{ GET,  "/admin/history",                    page_admin_history,      MEM,       CSRF_NONE,   history_params,      "/admin/history" },
	{ GET,  "/admin/users",                      page_admin_users,        SEC,       CSRF_NONE,   users_params,        "/admin/users" },
	{ GET,  "/admin/users/new",                  page_admin_user_new,     SEC,       CSRF_NONE,   NULL,                "/admin/users/new" },
	{ POST, "/admin/users",                      page_admin_user_create,  SEC,       CSRF_TOKEN,  user_form_params,    "/admin/users" },
	{ GET,  "/admin/users/{id}",                 page_admin_user_form,    SEC,       CSRF_NONE,   NULL,                "/admin/users/{user}" },
	{ POST, "/admin/users/{id}",                 page_admin_user_save,    SEC,       CSRF_TOKEN,  user_form_params,    "/admin/users/{user}" },
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

/* Parse the query string (GET) or the form body (POST); a refused pair is named on the 400 page. */
static int
parse_params(struct request *rq)
{
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
	if ((rc = request_check_params(&rq->params, r->params, &bad)) != 0) {
		rq->error_detail = bad;
		return rc;
	}
	return 0;
}

/* 0 when the signed-in user (or an anonymous reader) may use route r; else 403, or 303 to sign in. */
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
			return 403;
		/* a reader who is not signed in is sent to sign in, and back here after */
		if (asprintf(&rq->location, "/login?next=%s", rq->path) < 0) {
			rq->location = NULL;
			return 500;
		}
		return 303;
	}
	if (need == ACC_LOGIN)
		return 0;
	if (need == ACC_MEMBER_ADMIN && (s->role == ROLE_MEMBER_ADMIN || s->role == ROLE_SECRETARIAT))
		return 0;
	if (need == ACC_SECRETARIAT && s->role == ROLE_SECRETARIAT)
		return 0;
	return 403;
}

/* The site-wide data every HTML page shows: the association for the footer, the signed-in user. */
static void
site_data(struct request *rq, HDF *hdf)
{
	static const char sql[] = "SELECT name_ko, address FROM association WHERE id = 1";
	const struct session *s = rq->session;
	struct db_stmt *st;

	render_set(hdf, rq->path, "Page.Path");
	render_set(hdf, rq->conf->base_url, "Site.BaseUrl");
	if (s != NULL) {
		render_set(hdf, s->display_name, "User.name");
		render_set(hdf, s->login, "User.login");
		render_set(hdf, auth_role_name(s->role), "User.role");
		render_set(hdf, s->tp_slug[0] ? s->tp_slug : NULL, "User.tp");
		render_set(hdf, s->csrf, "User.csrf");
		if (s->role != ROLE_STAFF)
			render_set(hdf, "1", "User.admin");
	}
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

/* Everything before the handler: route, database, session, access, parameters. 0 or a status. */
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
	/* what needs no database first: a malformed request is refused without a round trip */
	if ((status = parse_params(rq)) != 0 || (status = check_params(rq, r)) != 0)
		return status;
	if ((status = db_ready(rq->db)) != 0 || (status = auth_load(rq)) != 0)
		return status;
	if ((status = check_access(rq, r)) != 0)
		return status;
	if (rq->method == M_POST && r->csrf != CSRF_NONE)
		return auth_csrf_check(rq, r->csrf == CSRF_TOKEN);
	return 0;
}

int
route_dispatch(struct request *rq, HDF *hdf)
{
	int status = prepare(rq);

	if (status == 0) {
		status = rq->route->handler(rq, hdf);
		if (status == 0)
			status = rq->status ? rq->status : 200;
	}
	if (status >= 300 && status < 400)
		return status;
	if (status >= 400 && (rq->tmpl == NULL || status >= 500)) {
		if (status == 503 || status == 500)
			log_warn("%s %s: %d", rq->method_name, rq->path, status);
		buf_free(&rq->raw);
		error_page(rq, hdf, status);
	}
	/* a handler that re-shows its form (422, 409, 429) keeps its own template */
	if (rq->tmpl != NULL && status != 503 && db_ready(rq->db) == 0)
		site_data(rq, hdf);
	else
		render_set(hdf, rq->path, "Page.Path");
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
