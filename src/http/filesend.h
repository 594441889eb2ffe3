/*
 * filesend.h - the HTTP side of sending a stored file: which delivery mode applies behind this web
 * server, the validators (strong ETag, Last-Modified), conditional requests (If-None-Match,
 * If-Modified-Since, If-Range) and a single byte range. The bytes themselves are streamed by the
 * FastCGI loop (app/main.c) from the descriptor filesend_prepare puts into rq->file.
 */
#ifndef TP_FILESEND_H
#define TP_FILESEND_H

#include <stddef.h>
#include <time.h>

struct request;

/* What a Range header asks of a file of a given size. */
enum filesend_range {
	RANGE_WHOLE,		/* no Range, another unit, several ranges or bad syntax: send the whole file */
	RANGE_PART,		/* one satisfiable range: 206 */
	RANGE_UNSATISFIABLE	/* one range outside the file: 416 */
};

/*
 * Parse a Range header (NULL: none) for a file of size bytes: "bytes=a-b", "bytes=a-" or "bytes=-n".
 * On RANGE_PART, *offset and *length are the bytes to send (b beyond the end is cut to the end).
 * Several ranges are not served (the whole file is, which RFC 9110 allows). Pure.
 */
enum filesend_range filesend_parse_range(const char *hdr, long long size, long long *offset, long long *length);

/* 1 when the If-None-Match value list ("*", or entity tags separated by commas, W/ allowed) matches etag
 * (with its quotes) by the weak comparison RFC 9110 asks for there; 0 otherwise (and for NULL). Pure. */
int		filesend_etag_matches(const char *list, const char *etag);

/* A strong entity tag for a stored file, quotes included: "<name>-<size in hex>" (stored names are
 * random and never reused, a stored file never changes). 0, or -1 when out is too small. Pure. */
int		filesend_etag(const char *name, long long size, char *out, size_t outsize);

/* t as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"). 0, or -1 when out is too small. Pure. */
int		filesend_http_date(time_t t, char *out, size_t outsize);
/* Parse an IMF-fixdate into *t: 0, or -1 when s is not one. Pure. */
int		filesend_parse_http_date(const char *s, time_t *t);

/*
 * The mode to use for the configured one (enum file_delivery of core/conf.h) behind the web server
 * that names itself server_software (SERVER_SOFTWARE; NULL when not passed): x-accel only behind nginx,
 * x-sendfile only behind Apache or lighttpd; anything else falls back to direct, so the internal header
 * never reaches a client that the configured server was meant to take it from. Pure.
 */
int		filesend_mode(int configured, const char *server_software);

/*
 * Hand the open file fd (size bytes, modified at mtime, stored under name) to rq as the response body,
 * after the request's conditions and range: returns 200 or 206 (rq->file.state FILE_BODY: the
 * descriptor is rq's now), 304 (FILE_NOT_MODIFIED) or 416 (FILE_UNSATISFIABLE); in the last two fd is
 * closed. TP_EFAIL (fd closed) when the name cannot be an entity tag.
 */
int		filesend_prepare(struct request *rq, int fd, long long size, time_t mtime, const char *name);

#endif
