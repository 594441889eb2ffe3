/*
 * mailer.c - the delivery worker thread (app/mailer.h). Each message is marked 'sending' (committed)
 * before the relay sees it and 'sent' or 'failed' after, with the relay's answer; a temporary failure
 * waits mail_retry_seconds, doubled per try up to mail_retry_max_seconds, until mail_max_attempts.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/mailer.h"
#include "app/smtp.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/log.h"
#include "store/db.h"
#include "store/outbox.h"
#include "view/mail.h"
#include "view/render.h"

#define BACKOFF_MS	2000	/* the database away */
#define REAP_EVERY_S	60

static pthread_mutex_t	 mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 cv;
static pthread_t	 thread;
static int		 running, stopping;

void
mailer_host_of(const char *base_url, char *host, unsigned long n)
{
	const char *p = strstr(base_url, "://");
	size_t len;

	p = p != NULL ? p + 3 : base_url;
	len = strcspn(p, ":/");
	if (len == 0 || len >= n) {
		snprintf(host, n, "localhost");
		return;
	}
	memcpy(host, p, len);
	host[len] = '\0';
}

/* Sleep ms or until stopped. 0 to go on, -1 to stop. */
static int
pause_ms(long ms)
{
	struct timespec until;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&mu);
	while (!stopping)
		if (pthread_cond_timedwait(&cv, &mu, &until) != 0)
			break;
	rc = stopping ? -1 : 0;
	pthread_mutex_unlock(&mu);
	return rc;
}

static int
compose(const struct conf *c, const struct outbox_msg *m, const char *host, const char *from, struct buf *out)
{
	const char *names[OUTBOX_MAX_PARAMS], *values[OUTBOX_MAX_PARAMS];
	struct mail_input in = { 0 };
	size_t i;

	for (i = 0; i < m->nparams; i++) {
		names[i] = m->params[i].name;
		values[i] = m->params[i].value;
	}
	in.kind = m->kind;
	in.token = m->token;
	in.domain = host;
	in.from_addr = from;
	in.from_name = c->mail_from_name;
	in.to_addr = m->to_addr;
	in.to_name = m->to_name;
	in.base_url = c->base_url;
	in.names = names;
	in.values = values;
	in.n = m->nparams;
	return mail_compose(&in, out);
}

/* Try one claimed message and record how it went. 0, or DB_ERR when the outcome could not be written. */
static int
deliver(struct db *db, const struct conf *c, const struct outbox_msg *m, const char *host, const char *from)
{
	struct smtp_result r;
	struct buf msg = { 0 };
	int rc, wait;

	if (compose(c, m, host, from, &msg) != 0) {
		buf_free(&msg);
		log_err("mail %lld (%s to %s): cannot be composed; marked failed", m->id, m->kind, m->to_addr);
		return outbox_mark_failed(db, m->id, "the message could not be composed (see the server log)");
	}
	rc = smtp_send(c, from, m->to_addr, msg.data, msg.len, &r);
	buf_free(&msg);
	if (rc == 0) {
		log_info("mail %lld (%s to %s): sent: %s", m->id, m->kind, m->to_addr, r.answer);
		return outbox_mark_sent(db, m->id, r.answer);
	}
	if (r.permanent || m->attempts >= c->mail_max_attempts) {
		log_warn("mail %lld (%s to %s): failed after %d tries: %s", m->id, m->kind, m->to_addr, m->attempts,
		    r.answer);
		return outbox_mark_failed(db, m->id, r.answer);
	}
	wait = outbox_backoff(m->attempts, c->mail_retry_seconds, c->mail_retry_max_seconds);
	log_info("mail %lld (%s to %s): try %d failed, next in %d s: %s", m->id, m->kind, m->to_addr, m->attempts,
	    wait, r.answer);
	return outbox_mark_retry(db, m->id, r.answer, wait);
}

static void *
mailer_main(void *arg)
{
	const struct conf *c = arg;
	char host[256], from[320];
	time_t reaped = 0;
	struct db *db;
	long wait_ms = 0;
	int rc;

	mailer_host_of(c->base_url, host, sizeof(host));
	if (c->mail_from != NULL)
		snprintf(from, sizeof(from), "%s", c->mail_from);
	else
		snprintf(from, sizeof(from), "noreply@%s", host);
	if (db_thread_init() != 0 || (db = db_new(c)) == NULL) {
		log_err("mailer: cannot start");
		return NULL;
	}
	while (pause_ms(wait_ms) == 0) {
		struct outbox_msg m;

		if (db_ready(db) != 0) {
			wait_ms = BACKOFF_MS;
			continue;
		}
		if (time(NULL) - reaped >= REAP_EVERY_S) {
			if ((rc = outbox_reap_stale(db, MAILER_LEASE_S)) > 0)
				log_warn("mailer: %d message(s) were left 'sending' by a process that stopped; marked "
				    "failed (tpportal-admin mail list --failed)", rc);
			reaped = time(NULL);
		}
		if ((rc = outbox_claim(db, &m)) != 1) {
			wait_ms = rc == 0 ? MAILER_POLL_MS : BACKOFF_MS;
			continue;
		}
		if (deliver(db, c, &m, host, from) != 0)
			log_err("mail %lld: the outcome could not be recorded; it stays 'sending' and is marked failed "
			    "after %d s", m.id, MAILER_LEASE_S);
		outbox_msg_free(&m);
		wait_ms = 0;	/* more may be due */
	}
	db_free(db);
	db_thread_end();
	render_thread_end();	/* the templates this thread kept (view/render.c) */
	return NULL;
}

int
mailer_start(const struct conf *c)
{
	pthread_condattr_t ca;

	if (c->smtp_url == NULL) {
		log_info("mailer: smtp_url is not set: mail waits in the outbox (docs/email.md)");
		return 0;
	}
	if (pthread_condattr_init(&ca) != 0 || pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) != 0 ||
	    pthread_cond_init(&cv, &ca) != 0) {
		log_err("mailer: cannot make its condition variable");
		return -1;
	}
	pthread_condattr_destroy(&ca);
	if (pthread_create(&thread, NULL, mailer_main, (void *)(uintptr_t)c) != 0) {
		log_err("mailer: cannot start its thread");
		return -1;
	}
	running = 1;
	log_info("mailer: delivering through %s", c->smtp_url);
	return 0;
}

void
mailer_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&mu);
	stopping = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
	pthread_join(thread, NULL);
	running = 0;
}
