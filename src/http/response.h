/* response.h - the HTTP head of a response: status line, type, caching and security headers. */
#ifndef TP_RESPONSE_H
#define TP_RESPONSE_H

#include <stddef.h>

#include "core/buf.h"
#include "http/request.h"

/* The reason phrase for status ("Not Found"), "Unknown" for codes we never send. */
const char	*response_reason(int status);
/* 1 when the body of rq's answer with status is the stored file of rq->file (filesend_prepare), else 0. */
int		 response_streams_file(const struct request *rq, int status);
/* Append the CGI response head (Status:, headers, blank line) for rq to out; Content-Length is body_len,
 * or the file's (range) length when the file is the body. 0 or -1 (ENOMEM). */
int		 response_head(const struct request *rq, int status, size_t body_len, struct buf *out);

#endif
