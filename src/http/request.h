/* request.h - one request: its parsed input, typed parameters, and the response being built. */
#ifndef TP_REQUEST_H
#define TP_REQUEST_H

#include <stddef.h>

#include "core/buf.h"
#include "core/text.h"	/* parse_ll */

#define REQUEST_MAX_PARAMS	1024	/* more keys than this in one query or form: 400 (an attendance form of 200
					 * seats sends three a seat) */
#define REQUEST_MAX_ARGS	4	/* {slug}/{id} captures in one route pattern */
#define REQUEST_MAX_HEADERS	8	/* extra response headers a handler may add */

/* HTTP methods, as bits so a route can allow several. */
enum method {
	M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8
};

struct param {
	char	*name;		/* decoded, valid UTF-8, no NUL */
	char	*value;		/* decoded, valid UTF-8, no NUL */
};

struct params {
	struct param	*v;
	size_t		 n;
	size_t		 cap;
};

/* What a route accepts: one entry per key; an array ends with name == NULL. */
enum param_type {
	PT_INT,		/* decimal integer in [min, max] (no sign unless min < 0, no spaces) */
	PT_TEXT,	/* any valid UTF-8 text of min..max characters */
	PT_SLUG,	/* [a-z0-9-], 1..max bytes (see text_is_slug) */
	PT_ENUM,	/* one of words[] (NULL-terminated) */
	PT_FILE		/* an uploaded file (multipart/form-data): at most max files under this key;
			 * a route whose spec has one accepts uploads (route_takes_upload) */
};

struct param_spec {
	const char		*name;
	enum param_type		 type;
	long long		 min;
	long long		 max;
	const char *const	*words;
	int			 flags;		/* PF_REPEAT | PF_TYPED, or 0 */
};

/* param_spec flags. */
#define PF_REPEAT	1	/* the key may appear several times (checkboxes) */
#define PF_TYPED	2	/* GET: a reader types this value (a date, a page number): one that does not fit
				 * is moved to rq->refused and the page shows a message beside the field (422),
				 * instead of the 400 page */

struct conf;
struct db;
struct mp_form;
struct mp_limits;
struct session;

/* What http/filesend.c decided for a stored file the handler hands over (filesend_prepare). */
enum file_state {
	FILE_NONE,		/* no file: the body is the page (or raw) */
	FILE_BODY,		/* stream fd: length bytes from offset (200, or 206 when ranged) */
	FILE_NOT_MODIFIED,	/* 304: the client's copy is current */
	FILE_UNSATISFIABLE	/* 416: the range lies outside the file */
};

struct file_out {
	enum file_state	 state;
	int		 fd;		/* open while state == FILE_BODY; request_free closes it */
	long long	 offset;
	long long	 length;
	long long	 size;		/* the whole file's size (Content-Range) */
	int		 ranged;	/* 206: send Content-Range */
	char		 etag[96];	/* with its quotes */
	char		 last_modified[40];	/* IMF-fixdate */
};

struct request {
	/* input, set by the FastCGI loop */
	enum method		 method;
	const char		*method_name;
	char			*path;		/* raw path, without the query string (malloc'd) */
	const char		*query;		/* raw query string, "" if none */
	const char		*content_type;
	const char		*cookie_header;
	const char		*origin;
	const char		*referer;
	const char		*remote_addr;	/* the client's address (request_client) */
	const char		*server_software;	/* SERVER_SOFTWARE: the web server in front ("nginx/1.22.1") */
	const char		*range;		/* Range, If-Range, If-None-Match, If-Modified-Since: for files */
	const char		*if_range;
	const char		*if_none_match;
	const char		*if_modified_since;
	int			 https;		/* 1: the client's connection is https (request_client) */
	char			 client_addr[46];	/* storage for remote_addr when a trusted proxy names it */
	char			*body;		/* NULL unless POST */
	size_t			 body_len;
	int			 body_mapped;	/* body is a read-only mapping of the upload's staging file (an
						 * unnamed file in upload_dir), not memory: never written, unmapped */
	struct params		 params;	/* query (GET) or form (POST), checked against the route's spec */
	struct mp_form		*files;		/* uploaded files of a multipart POST, or NULL (malloc'd) */
	struct params		 cookies;
	const char		*args[REQUEST_MAX_ARGS];	/* {slug}/{id} captures, point into argbuf */
	size_t			 nargs;
	char			*argbuf;
	char			*csrf;		/* the form's "csrf" value, taken out of params (malloc'd) */
	struct params		 refused;	/* GET: PF_TYPED pairs whose value did not fit, out of params */

	/* environment, shared and read-only */
	const struct conf	*conf;
	struct db		*db;		/* this thread's connection */
	struct session		*session;	/* the signed-in user, or NULL (malloc'd) */
	const struct route	*route;
	const char		*lang;		/* the page's language, one of render_langs (http/lang.c) */
	int			 lang_from;	/* enum lang_source: where the choice came from */
	int			 lang_cookie;	/* 1: keep lang in the reader's cookie (chosen by ?lang=) */

	/* response, filled by the handler */
	const char		*tmpl;		/* template to render with status 200 (or status if set) */
	int			 status;	/* 0 means 200 */
	char			*location;	/* for 303: where to go (malloc'd) */
	const char		*content_type_out;	/* for raw bodies */
	struct buf		 raw;		/* a raw body instead of a template (e.g. /healthz) */
	char			*set_cookie;	/* a Set-Cookie value (malloc'd) */
	struct buf		 headers_out;	/* extra "Name: value\r\n" lines (request_add_header) */
	const char		*cache_control;	/* NULL: "no-cache", or "private, no-store" when signed in */
	const char		*error_detail;	/* shown on a 400 page: which parameter was refused */
	struct file_out		 file;		/* a stored file as the body (filesend_prepare) */
	const char		*delivered_by;	/* "x-accel" or "x-sendfile": the web server sends the body (log) */
	long long		 delivered_size;	/* the bytes of the file it sends (log) */
	int			 keep_raw;	/* the handler's raw body answers its error status too (/healthz) */
	const char		*deny_reason;	/* why a 403: "CSRF", "role", "row-level", "not signed in" (for the log) */
	unsigned		 allowed_methods;	/* for 405: the methods the path's routes take */
	char			 bad_key[64];	/* storage for error_detail when a pair could not be decoded */

	/* conditional GET and the page cache (http/pagecache.h) */
	char			 etag_out[48];	/* a public page's ETag with its quotes; "" when none */
	long long		 last_modified;	/* its Last-Modified (Unix seconds); 0 when none */
	unsigned long		 trips_before;	/* the connection's round trips before this request (X-Round-Trips) */
	char			*pc_key;	/* the name of the page being kept (malloc'd), or NULL */
	size_t			 pc_keylen;
	unsigned long long	 pc_hash;
	unsigned long long	 pc_gen;	/* the data generation it is built at */
	long long		 pc_minute;	/* and the clock minute */
	char			*kept_type;	/* a kept page's Content-Type and Cache-Control (malloc'd) */
	char			*kept_cache;
	int			 admitted;	/* the enum admit_class whose slot this request holds (http/admission.h) */
	int			 busy;		/* a 503 because expensive work is full or took too long (not an outage) */
	long			 retry_after;	/* a 429 of a throttle: seconds until it lets the client try again */
	int			 upload_busy;	/* a large upload refused its slot: received only to show its form
						 * again with what was typed (http/route.c busy_form), never stored */
};

/*
 * Parse application/x-www-form-urlencoded text (a query string or a form body) and append to out.
 * '+' is a space; %XX is decoded. Returns 0, or 400 for a bad escape, invalid UTF-8, a NUL byte,
 * an empty key, or more than REQUEST_MAX_PARAMS keys. On 400, out may hold some pairs: free it.
 */
int		 request_parse_urlencoded(const char *s, size_t len, struct params *out);

/* The key of the first pair of s[0..len) that request_parse_urlencoded refuses, written to out
 * (cut to size; shown escaped on the 400 page). Returns 1 when one was found, else 0. */
int		 request_find_bad_pair(const char *s, size_t len, char *out, size_t size);

/*
 * Parse a multipart/form-data body (multipart.c) within lim: text fields are appended to out like
 * urlencoded pairs (valid UTF-8, no NUL, at most REQUEST_MAX_PARAMS), the files go to *files
 * (malloc'd; NULL when none; they point into body). Returns 0 or the status multipart_parse gives.
 */
int		 request_parse_multipart(const char *content_type, const char *body, size_t len,
		    const struct mp_limits *lim, struct params *out, struct mp_form **files);

/*
 * How many times its max files a key may carry before the request is refused (413) rather than answered
 * on the form: choosing 7 files where 5 are allowed is a user's mistake (files_stage says so beside the
 * field and keeps what was typed); hundreds are not.
 */
#define REQUEST_FILES_SLACK	4

/*
 * Check uploaded files against spec: every file's key must be a PT_FILE entry, and a key may carry
 * at most REQUEST_FILES_SLACK times its max files. Returns 0, 400 (unknown key: *bad set) or 413 (far too
 * many files). NULL files: 0.
 */
int		 request_check_files(const struct mp_form *files, const struct param_spec *spec, const char **bad);

/* Add a response header; the value must not hold CR, LF or NUL. 0, or -1 (refused or ENOMEM). */
int		 request_add_header(struct request *rq, const char *name, const char *value);

/* Parse a Cookie header ("a=b; c=d") and append to out. Malformed pairs are skipped. Returns 0 or -1 (ENOMEM). */
int		 request_parse_cookies(const char *header, struct params *out);

/*
 * Check params against spec (NULL spec: no keys allowed). Returns 0, or 400 when a key is unknown,
 * repeated, or its value does not fit its type; *bad is then set to the offending key (points into params).
 */
int		 request_check_params(const struct params *params, const struct param_spec *spec, const char **bad);

/*
 * The GET form of request_check_params. Pairs whose key spec does not name are dropped (shared links
 * arrive with utm_source or fbclid: they never reach a handler nor the page); a PF_TYPED key that comes
 * once with a value that does not fit is moved to refused. What is left is then checked strictly by
 * request_check_params: 0, or 400 with *bad set (repeated keys, values of selects and flags), or 500.
 */
int		 request_sift_params(struct params *params, const struct param_spec *spec, struct params *refused,
		    const char **bad);

/* Move the pairs named key from rq->params to rq->refused (a handler that finds a typed value it cannot
 * use, e.g. a date that is no day: the page then answers 422 with a message beside the field). 0 or -1. */
int		 request_refuse(struct request *rq, const char *key);

/*
 * The page's own address for a sign-in link's next=: path, then "?" and the pairs of params that spec
 * names (re-encoded; keys spec does not know are left out, so a utm_source never travels on), or the
 * path alone. Returns a malloc'd string (caller frees), or NULL (ENOMEM).
 */
char		*request_self_url(const char *path, const struct params *params, const struct param_spec *spec);
/* "/login?next=" and request_self_url percent-encoded: where a reader who must sign in is sent. NULL on ENOMEM. */
char		*request_login_url(const char *path, const struct params *params, const struct param_spec *spec);

/*
 * Who the client is: remote_addr and https from the FastCGI REMOTE_ADDR and HTTPS; when REMOTE_ADDR
 * is trusted_proxy (a TLS terminator in front of the web server), from the last address of its
 * X-Forwarded-For (xff, when it is an IPv4 or IPv6 address) and its X-Forwarded-Proto (xfp). Any other
 * sender's X-Forwarded-* are ignored: a client cannot name itself.
 */
void		 request_client(struct request *rq, const char *remote, const char *https, const char *xff,
		    const char *xfp, const char *trusted_proxy);

/* Free every pair and the array; params is then empty and reusable. */
void		 params_free(struct params *p);

/* The value of key, or NULL. */
const char	*params_get(const struct params *p, const char *key);

/* Typed getters on rq->params, after request_check_params passed. */
const char	*request_param(const struct request *rq, const char *key);
long long	 request_param_int(const struct request *rq, const char *key, long long dflt);
const char	*request_cookie(const struct request *rq, const char *key);
/* Every non-empty value of a repeatable key, in order, up to max; returns how many. */
size_t		 request_param_all(const struct request *rq, const char *key, const char **out, size_t max);
/* Remove every pair named key. */
void		 params_remove(struct params *p, const char *key);


/* Free everything the request owns (path, params, refused, files, cookies, body, argbuf, csrf, raw, location, session,
 * set_cookie, headers_out) and close the file of file (FILE_BODY). */
void		 request_free(struct request *rq);

#endif
