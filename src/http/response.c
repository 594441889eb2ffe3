/* response.c - the HTTP head of every dynamic response, security headers included. */
#include <string.h>

#include "http/response.h"

/* No inline script or style anywhere; forms post only to us; no framing. */
#define CSP "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " \
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

const char *
response_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default:  return "Unknown";
	}
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

int
response_head(const struct request *rq, int status, size_t body_len, struct buf *out)
{
	const char *type = rq->content_type_out ? rq->content_type_out : "text/html; charset=utf-8";
	/* Pages for a signed-in user may carry contact details: no cache may keep them. */
	const char *cache = rq->cache_control ? rq->cache_control :
	    rq->session != NULL ? "private, no-store" : "no-cache";
	int rc = 0;

	rc |= buf_printf(out, "Status: %d %s\r\n", status, response_reason(status));
	rc |= buf_printf(out, "Content-Type: %s\r\nContent-Length: %zu\r\n", type, body_len);
	rc |= buf_printf(out, "Cache-Control: %s\r\n", status >= 400 ? "no-store" : cache);
	rc |= buf_puts(out, "X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Cross-Origin-Opener-Policy: same-origin\r\n"
	    "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n"
	    "Content-Security-Policy: " CSP "\r\n");
	if (rq->https)
		rc |= buf_puts(out, "Strict-Transport-Security: max-age=31536000\r\n");
	if (status == 405)
		rc |= allow_header(rq, out);
	if (status == 503)
		rc |= buf_puts(out, "Retry-After: 5\r\n");
	if (rq->set_cookie != NULL)
		rc |= buf_printf(out, "Set-Cookie: %s\r\n", rq->set_cookie);
	if (rq->location != NULL && status >= 300 && status < 400)
		rc |= buf_printf(out, "Location: %s\r\n", rq->location);
	if (rq->headers_out.data != NULL && status < 300)
		rc |= buf_append(out, rq->headers_out.data, rq->headers_out.len);
	rc |= buf_puts(out, "\r\n");
	return rc ? -1 : 0;
}
