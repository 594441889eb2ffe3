/*
 * smtp.c - the SMTP client: libcurl's, not ours. smtp:// uses STARTTLS when the relay offers it (and
 * insists on it with smtp_starttls = yes), smtps:// is TLS from the start; certificates are verified.
 * The relay's answers are read off libcurl's protocol trace, so the outbox can keep the last one.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "app/smtp.h"
#include "core/conf.h"
#include "core/log.h"

#define CONNECT_TIMEOUT_S	10
#define TIMEOUT_S		30

struct upload {
	const char	*data;
	size_t		 len, off;
};

static size_t
read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nmemb;

	if (n > u->len - u->off)
		n = u->len - u->off;
	memcpy(dst, u->data + u->off, n);
	u->off += n;
	return n;
}

/* Keep the last line the server sent (CURLINFO_HEADER_IN carries the SMTP replies). */
static int
trace_cb(CURL *h, curl_infotype type, char *data, size_t size, void *arg)
{
	struct smtp_result *r = arg;

	(void)h;
	if (type != CURLINFO_HEADER_IN)
		return 0;
	while (size > 0 && (data[size - 1] == '\n' || data[size - 1] == '\r'))
		size--;
	if (size >= sizeof(r->answer))
		size = sizeof(r->answer) - 1;
	memcpy(r->answer, data, size);
	r->answer[size] = '\0';
	return 0;
}

int
smtp_init(void)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		log_err("smtp: libcurl did not initialise");
		return -1;
	}
	return 0;
}

void
smtp_end(void)
{
	curl_global_cleanup();
}

/* The first line of path into pw. 0 or -1. */
static int
read_password(const char *path, char *pw, size_t n)
{
	FILE *fp = fopen(path, "r");

	pw[0] = '\0';
	if (fp == NULL)
		return -1;
	if (fgets(pw, (int)n, fp) == NULL)
		pw[0] = '\0';
	fclose(fp);
	pw[strcspn(pw, "\r\n")] = '\0';
	return 0;
}

/* "what (detail; last answer: ...)", cut to fit r->answer. */
static void
why(struct smtp_result *r, const char *what, const char *detail)
{
	char prev[sizeof(r->answer)], all[2 * sizeof(r->answer) + CURL_ERROR_SIZE + 64];

	snprintf(prev, sizeof(prev), "%s", r->answer);
	if (prev[0] != '\0')
		snprintf(all, sizeof(all), "%s (%s; last answer: %s)", what, detail, prev);
	else
		snprintf(all, sizeof(all), "%s (%s)", what, detail);
	memcpy(r->answer, all, sizeof(r->answer) - 1);
	r->answer[sizeof(r->answer) - 1] = '\0';
}

int
smtp_send(const struct conf *c, const char *from, const char *to, const char *msg, size_t len,
    struct smtp_result *r)
{
	struct upload u = { msg, len, 0 };
	struct curl_slist *rcpt = NULL;
	char addr[300], err[CURL_ERROR_SIZE] = "", pw[512] = "";
	long code = 0;
	CURLcode rc;
	CURL *h;

	memset(r, 0, sizeof(*r));
	if ((h = curl_easy_init()) == NULL) {
		snprintf(r->answer, sizeof(r->answer), "libcurl: no memory");
		return -1;
	}
	curl_easy_setopt(h, CURLOPT_URL, c->smtp_url);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)CONNECT_TIMEOUT_S);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)TIMEOUT_S);
	curl_easy_setopt(h, CURLOPT_USE_SSL, c->smtp_starttls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
	if (c->smtp_user != NULL) {
		if (c->smtp_password_file != NULL && read_password(c->smtp_password_file, pw, sizeof(pw)) != 0) {
			snprintf(r->answer, sizeof(r->answer), "smtp_password_file %s cannot be read",
			    c->smtp_password_file);
			curl_easy_cleanup(h);
			return -1;
		}
		curl_easy_setopt(h, CURLOPT_USERNAME, c->smtp_user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, pw);
	}
	snprintf(addr, sizeof(addr), "<%s>", from);
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, addr);
	snprintf(addr, sizeof(addr), "<%s>", to);
	rcpt = curl_slist_append(NULL, addr);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);	/* the trace goes to trace_cb, not to stderr */
	curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, trace_cb);
	curl_easy_setopt(h, CURLOPT_DEBUGDATA, r);
	rc = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 0L);	/* keep the answer to DATA, not the one to QUIT */
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	memset(pw, 0, sizeof(pw));
	if (rc == CURLE_OK)
		return 0;
	r->permanent = code >= 500 && code < 600;
	why(r, curl_easy_strerror(rc), err[0] ? err : "no detail");
	return -1;
}
