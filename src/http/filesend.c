/*
 * filesend.c - the HTTP rules for sending a stored file (filesend.h): delivery mode, validators,
 * conditional requests and one byte range. No I/O besides closing a descriptor it was handed.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/conf.h"
#include "core/err.h"
#include "http/filesend.h"
#include "http/request.h"

static const char *
skip_ows(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* A run of decimal digits at *s into *out (no sign, no overflow); advances *s. 0 or -1. */
static int
digits(const char **s, long long *out)
{
	const char *p = *s;
	long long n = 0;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (LLONG_MAX - (*p - '0')) / 10)
			return -1;
		n = n * 10 + (*p - '0');
	}
	*s = p;
	*out = n;
	return 0;
}

enum filesend_range
filesend_parse_range(const char *hdr, long long size, long long *offset, long long *length)
{
	const char *p;
	long long first = -1, last = -1;

	if (hdr == NULL)
		return RANGE_WHOLE;
	p = skip_ows(hdr);
	if (strncasecmp(p, "bytes", 5) != 0)
		return RANGE_WHOLE;		/* another unit: ignored */
	p = skip_ows(p + 5);
	if (*p++ != '=')
		return RANGE_WHOLE;
	p = skip_ows(p);
	if (strchr(p, ',') != NULL)
		return RANGE_WHOLE;		/* several ranges: the whole file */
	if (*p != '-' && digits(&p, &first) != 0)
		return RANGE_WHOLE;
	if (*p++ != '-')
		return RANGE_WHOLE;
	if (*p >= '0' && *p <= '9' && digits(&p, &last) != 0)
		return RANGE_WHOLE;
	if (*skip_ows(p) != '\0' || (first < 0 && last < 0) || (first >= 0 && last >= 0 && last < first))
		return RANGE_WHOLE;		/* bad syntax: ignored */
	if (first < 0) {			/* suffix: the last `last` bytes */
		if (last == 0 || size == 0)
			return RANGE_UNSATISFIABLE;
		*length = last < size ? last : size;
		*offset = size - *length;
		return RANGE_PART;
	}
	if (first >= size)
		return RANGE_UNSATISFIABLE;
	if (last < 0 || last >= size)
		last = size - 1;
	*offset = first;
	*length = last - first + 1;
	return RANGE_PART;
}

/* The entity tag at *s (W/ prefix dropped) into [*tag, *tag + *len); advances *s. 0 or -1. */
static int
next_tag(const char **s, const char **tag, size_t *len)
{
	const char *p = *s, *end;

	if (p[0] == 'W' && p[1] == '/')
		p += 2;
	if (*p != '"' || (end = strchr(p + 1, '"')) == NULL)
		return -1;
	*tag = p;
	*len = (size_t)(end + 1 - p);
	*s = end + 1;
	return 0;
}

int
filesend_etag_matches(const char *list, const char *etag)
{
	const char *p, *tag;
	size_t len, elen;

	if (list == NULL || etag == NULL)
		return 0;
	p = skip_ows(list);
	if (*p == '*' && *skip_ows(p + 1) == '\0')
		return 1;
	if (etag[0] == 'W' && etag[1] == '/')
		etag += 2;
	elen = strlen(etag);
	for (p = skip_ows(list); *p != '\0'; p = skip_ows(p)) {
		if (next_tag(&p, &tag, &len) != 0)
			return 0;		/* malformed: no match, so the file is sent */
		p = skip_ows(p);
		if (*p != ',' && *p != '\0')
			return 0;
		if (len == elen && memcmp(tag, etag, len) == 0)
			return 1;
		if (*p == ',')
			p++;
	}
	return 0;
}

int
filesend_etag(const char *name, long long size, char *out, size_t outsize)
{
	int n;
	size_t i;

	for (i = 0; name[i] != '\0'; i++)
		if (name[i] == '"' || name[i] == '\\' || (unsigned char)name[i] < 0x21 || (unsigned char)name[i] > 0x7e)
			return -1;	/* not etagc */
	n = snprintf(out, outsize, "\"%s-%llx\"", name, (unsigned long long)size);
	return n < 0 || (size_t)n >= outsize ? -1 : 0;
}

static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

int
filesend_http_date(time_t t, char *out, size_t outsize)
{
	struct tm tm;
	int n;

	if (gmtime_r(&t, &tm) == NULL)
		return -1;
	n = snprintf(out, outsize, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday,
	    months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return n < 0 || (size_t)n >= outsize ? -1 : 0;
}

int
filesend_parse_http_date(const char *s, time_t *t)
{
	struct tm tm = { 0 };
	char wd[4], mon[4];
	int i, day, year, h, m, sec, used = 0;

	if (s == NULL || sscanf(s, "%3[A-Za-z], %2d %3s %4d %2d:%2d:%2d GMT%n", wd, &day, mon, &year, &h, &m, &sec,
	    &used) != 7 || used == 0 || s[used] != '\0')
		return -1;
	for (i = 0; i < 12 && strcmp(mon, months[i]) != 0; i++)
		;
	if (i == 12 || day < 1 || day > 31 || year < 1970 || h > 23 || m > 59 || sec > 60)
		return -1;
	tm.tm_mday = day;
	tm.tm_mon = i;
	tm.tm_year = year - 1900;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = sec;
	*t = timegm(&tm);
	return 0;
}

int
filesend_mode(int configured, const char *server_software)
{
	const char *sw = server_software != NULL ? server_software : "";

	if (configured == FD_X_ACCEL && strncasecmp(sw, "nginx", 5) == 0)
		return FD_X_ACCEL;
	if (configured == FD_X_SENDFILE && (strncasecmp(sw, "Apache", 6) == 0 || strncasecmp(sw, "lighttpd", 8) == 0))
		return FD_X_SENDFILE;
	return FD_DIRECT;
}

/* 1 when the client's copy is current: If-None-Match, or (only without it) If-Modified-Since. */
static int
not_modified(const struct request *rq, const char *etag, time_t mtime)
{
	time_t since;

	if (rq->if_none_match != NULL)
		return filesend_etag_matches(rq->if_none_match, etag);
	return rq->if_modified_since != NULL && filesend_parse_http_date(rq->if_modified_since, &since) == 0 &&
	    mtime <= since;
}

/* 1 when a Range may be served: no If-Range, or one naming this very file (its strong tag or date). */
static int
range_applies(const struct request *rq, const struct file_out *f)
{
	const char *v = rq->if_range;

	if (v == NULL)
		return 1;
	v = skip_ows(v);
	return v[0] == '"' ? strcmp(v, f->etag) == 0 : strcmp(v, f->last_modified) == 0;
}

int
filesend_prepare(struct request *rq, int fd, long long size, time_t mtime, const char *name)
{
	struct file_out *f = &rq->file;
	enum filesend_range r = RANGE_WHOLE;

	memset(f, 0, sizeof(*f));
	f->size = size;
	if (filesend_etag(name, size, f->etag, sizeof(f->etag)) != 0 ||
	    filesend_http_date(mtime, f->last_modified, sizeof(f->last_modified)) != 0) {
		close(fd);
		return TP_EFAIL;
	}
	if (not_modified(rq, f->etag, mtime)) {
		close(fd);
		f->state = FILE_NOT_MODIFIED;
		return 304;
	}
	f->offset = 0;
	f->length = size;
	if (range_applies(rq, f))
		r = filesend_parse_range(rq->range, size, &f->offset, &f->length);
	if (r == RANGE_UNSATISFIABLE) {
		close(fd);
		f->state = FILE_UNSATISFIABLE;
		return 416;
	}
	f->fd = fd;
	f->state = FILE_BODY;
	f->ranged = r == RANGE_PART;
	return f->ranged ? 206 : 200;
}
