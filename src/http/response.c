/* response.c - the HTTP head of every dynamic response, security headers included. */
#include <string.h>

#include "core/conf.h"
#include "http/admission.h"
#include "http/filesend.h"
#include "http/lang.h"
#include "http/response.h"
#include "store/db.h"

/* No inline script or style anywhere; forms post only to us; no framing. */
#define CSP "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " \
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

const char *
response_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 206: return "Partial Content";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 416: return "Range Not Satisfiable";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	case 507: return "Insufficient Storage";
	default:  return "Unknown";
	}
}

/* A stored file (pages/files.c): nothing in it runs, even when opened in the browser. */
#define CSP_FILE "default-src 'none'; sandbox; frame-ancestors 'none'"

int
response_streams_file(const struct request *rq, int status)
{
	return rq->file.state == FILE_BODY && (status == 200 || status == 206);
}

/* The validators and range headers of a stored file's answer (200, 206, 304, 416). */
static int
file_headers(const struct request *rq, int status, struct buf *out)
{
	const struct file_out *f = &rq->file;
	int rc = 0;

	if (status == 416 && f->state == FILE_UNSATISFIABLE)
		return buf_printf(out, "Content-Range: bytes */%lld\r\n", f->size);
	if (!(response_streams_file(rq, status) || (status == 304 && f->state == FILE_NOT_MODIFIED)))
		return 0;
	rc |= buf_printf(out, "ETag: %s\r\nLast-Modified: %s\r\n", f->etag, f->last_modified);
	if (status == 304)
		return rc;
	rc |= buf_puts(out, "Accept-Ranges: bytes\r\n");
	if (f->ranged)
		rc |= buf_printf(out, "Content-Range: bytes %lld-%lld/%lld\r\n", f->offset,
		    f->offset + f->length - 1, f->size);
	return rc;
}

/* The methods a 405 response offers, from the route that matched the path. */
static int
allow_header(const struct request *rq, struct buf *out)
{
	unsigned m = rq->allowed_methods;

	return buf_printf(out, "Allow: %s%s%s\r\n",
	    (m & M_GET) ? "GET, HEAD" : "",
	    (m & M_GET) && (m & M_POST) ? ", " : "",
	    (m & M_POST) ? "POST" : "");
}

static int
last_modified(long long t, struct buf *out)
{
	char date[40];

	if (filesend_http_date((time_t)t, date, sizeof(date)) != 0)
		return -1;
	return buf_printf(out, "Last-Modified: %s\r\n", date);
}

/*
 * A page's language (http/lang.c): said in Content-Language; a choice made by ?lang= kept for a year in
 * a cookie that scripts need not read (SameSite=Lax: it comes along when a link from elsewhere is
 * followed, which is when it matters). The same URL answers in the language the Accept-Language header
 * or the cookie asks for, so a shared cache must key on both: Vary.
 */
static int
lang_headers(const struct request *rq, int status, struct buf *out)
{
	int secure = rq->https || (rq->conf != NULL && rq->conf->base_url != NULL &&
	    strncmp(rq->conf->base_url, "https:", 6) == 0);
	int rc = 0;

	if (rq->lang == NULL)
		return 0;
	if (rq->lang_cookie)
		rc |= buf_printf(out, "Set-Cookie: %s=%s; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax%s\r\n",
		    LANG_COOKIE, rq->lang, secure ? "; Secure" : "");
	if (rq->content_type_out == NULL && status != 304 && !response_streams_file(rq, status))
		rc |= buf_printf(out, "Content-Language: %s\r\n", rq->lang);
	if (!response_streams_file(rq, status))
		rc |= buf_puts(out, "Vary: Accept-Language, Cookie\r\n");
	return rc;
}

int
response_head(const struct request *rq, int status, size_t body_len, struct buf *out)
{
	const char *type = rq->content_type_out ? rq->content_type_out : "text/html; charset=utf-8";
	/* Pages for a signed-in user may carry contact details: no cache may keep them (a public page
	 * with an ETag says "private, no-cache" itself: the reader's browser may keep it and ask again). */
	const char *cache = rq->cache_control ? rq->cache_control :
	    rq->session != NULL ? "private, no-store" : "no-cache";
	int file = response_streams_file(rq, status) || (status == 304 && rq->file.state == FILE_NOT_MODIFIED);
	int rc = 0;

	rc |= buf_printf(out, "Status: %d %s\r\n", status, response_reason(status));
	if (status != 304)
		rc |= buf_printf(out, "Content-Type: %s\r\n", type);
	if (response_streams_file(rq, status))
		rc |= buf_printf(out, "Content-Length: %lld\r\n", rq->file.length);
	else if (status != 304)
		rc |= buf_printf(out, "Content-Length: %zu\r\n", body_len);
	rc |= buf_printf(out, "Cache-Control: %s\r\n", status >= 400 ? "no-store" : cache);
	rc |= buf_puts(out, "X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Cross-Origin-Opener-Policy: same-origin\r\n"
	    "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"
	    "Content-Security-Policy: ");
	rc |= buf_puts(out, file ? CSP_FILE "\r\n" : CSP "\r\n");
	rc |= file_headers(rq, status, out);
	if (rq->etag_out[0] != '\0' && !file && (status == 200 || status == 304))
		rc |= buf_printf(out, "ETag: %s\r\n", rq->etag_out);
	if (rq->last_modified > 0 && !file && (status == 200 || status == 304))
		rc |= last_modified(rq->last_modified, out);
	/* for tests and measurements only (debug_round_trips): what this answer cost the database */
	if (rq->conf != NULL && rq->conf->debug_round_trips && rq->db != NULL)
		rc |= buf_printf(out, "X-Round-Trips: %lu\r\n", db_round_trips(rq->db) - rq->trips_before);
	if (rq->https)
		rc |= buf_puts(out, "Strict-Transport-Security: max-age=31536000\r\n");
	if (status == 405)
		rc |= allow_header(rq, out);
	if (status == 503)	/* busy (http/admission.h): soon; an outage: a little later */
		rc |= buf_printf(out, "Retry-After: %d\r\n", rq->busy ? ADMISSION_RETRY_AFTER : 5);
	if (status == 429 && rq->retry_after > 0)	/* a throttle's wait (model/throttle.h) */
		rc |= buf_printf(out, "Retry-After: %ld\r\n", rq->retry_after);
	if (rq->set_cookie != NULL)
		rc |= buf_printf(out, "Set-Cookie: %s\r\n", rq->set_cookie);
	rc |= lang_headers(rq, status, out);
	if (rq->location != NULL && status >= 300 && status < 400)
		rc |= buf_printf(out, "Location: %s\r\n", rq->location);
	/* a handler's own headers (Content-Disposition, ...) go with its answer, never with an error page */
	if (rq->headers_out.data != NULL && status < 300)
		rc |= buf_append(out, rq->headers_out.data, rq->headers_out.len);
	rc |= buf_puts(out, "\r\n");
	return rc ? -1 : 0;
}
