/*
 * route.h - the one route table (app/routes.c) and the dispatcher (route.c).
 *
 * Reading app/routes.c tells every URL the portal has, who may use it and what parameters it takes.
 * The dispatcher, not the handler, answers 404, 405, 403 and 400.
 */
#ifndef TP_ROUTE_H
#define TP_ROUTE_H

#include <stdio.h>

#include "view/cs.h"

#include "http/request.h"

enum access {
	ACC_OPEN,		/* anyone, always (sign-in page, health check) */
	ACC_PUBLIC,		/* anyone when public_read is on; else signed-in users */
	ACC_LOGIN,		/* any signed-in user */
	ACC_MEMBER_ADMIN,	/* a member admin (own technopark) or the secretariat */
	ACC_SECRETARIAT,	/* association staff only */
	ACC_COMMITTEE		/* the secretariat or a committee secretary; the route's hook checks which committee */
};

/* What a POST must carry: our own Origin (or Referer), and the session's form token. */
enum { CSRF_NONE, CSRF_ORIGIN, CSRF_TOKEN };

/* A handler fills hdf (and rq's response fields) and returns 0 (the page was rendered), an HTTP
 * status, or a negative TP_E* code from a lower layer (answered with err_http_status). */
typedef int (*handler_fn)(struct request *rq, HDF *hdf);
/*
 * A route's row-level rule, run by the dispatcher after the access level passed for a signed-in
 * user, with the URL's captures in rq->args: 0 when this user may use this record, TP_EDENIED,
 * TP_ENOTFOUND (no such record), or another TP_E* code. The only queries the dispatcher causes.
 */
typedef int (*allow_fn)(struct request *rq);

struct route {
	unsigned			 methods;	/* M_GET | M_HEAD | M_POST */
	const char			*pattern;	/* "/members/{slug}", "/news/{id}" */
	handler_fn			 handler;
	enum access			 access;
	int				 csrf;		/* CSRF_ORIGIN or CSRF_TOKEN on every POST route */
	const struct param_spec		*params;	/* NULL: no parameters accepted */
	const char			*sample;	/* a representative URL for the route walks in tests */
	allow_fn			 allow;		/* NULL: the access level says it all */
};

/* Uploads (multipart/form-data to a route whose spec has a PT_FILE key): the whole body, one file, one text field. */
#define ROUTE_MAX_UPLOAD	(20 * 1024 * 1024)	/* nginx client_max_body_size (tools/nginx.conf.in) matches */
#define ROUTE_MAX_FILE		(10 * 1024 * 1024)
#define ROUTE_MAX_FIELD		(1024 * 1024)

extern const struct route	route_table[];
extern const size_t		route_count;

/* The expensive routes (http/admission.h), by method and pattern; ends with pattern == NULL. Large
 * uploads are expensive without being listed (app/main.c classes them by their size). */
struct route_cost {
	unsigned	 methods;
	const char	*pattern;
	int		 cost;		/* enum admit_class */
};
extern const struct route_cost	route_costs[];

/* A POST route and the GET route whose page holds its form (same captures): where an upload refused busy
 * comes back with what was typed (route.c). Ends with post == NULL. */
struct route_form {
	const char	*post;
	const char	*form;
};
extern const struct route_form	route_forms[];
/* 1 when path (a POST that takes uploads) has a form page in route_forms. */
int			 route_has_form(const char *path);

/* How many files r's spec takes in all (the sum of its PT_FILE maxima); 0: r takes no uploads. */
size_t			 route_spec_files(const struct route *r);

/*
 * Find the route for path. On a match, captures go to rq->args and the route is returned.
 * With no match, NULL. *methods gets the union of methods of the routes whose pattern matched
 * (for 405/Allow), 0 when none did.
 */
const struct route	*route_match(const char *path, struct request *rq, unsigned *methods);

/*
 * 1 when a POST to path with this Content-Type is an upload a route accepts: multipart/form-data to
 * a route whose spec has a PT_FILE key. main.c then reads bodies up to ROUTE_MAX_UPLOAD.
 */
int			 route_takes_upload(const char *path, const char *content_type);

/* The error page for status, with the layout's data (for answers made before route_dispatch runs). */
void			 route_error(struct request *rq, HDF *hdf, int status);

/*
 * Before a large body (an upload) is read: the route, the session, the access level, the Origin of
 * the POST and the route's row-level rule, so that a stranger's 20 MB never reach memory. 0 when the
 * body is worth reading (route_dispatch checks everything again, with it), else a status or TP_E* code.
 */
int			 route_precheck(struct request *rq);

/* Run the request through the table: returns the final status; rq->tmpl/raw/location say what to send. */
int			 route_dispatch(struct request *rq, HDF *hdf);

/* Print one line per route: methods, pattern, access, sample URL (for tests and docs). */
void			 route_list(FILE *fp);

#endif
