/* admission.c - at most max_<class> expensive requests at once, the rest answered 503 at once. */
#include <pthread.h>
#include <string.h>

#include "core/conf.h"
#include "core/err.h"
#include "core/log.h"
#include "http/admission.h"
#include "http/route.h"
#include "store/db.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int limit[ADMIT_NCLASSES];
static int in_use[ADMIT_NCLASSES];
static int limit_all;		/* expensive work of every class together */
static int in_use_all;

/* Refusals counted and logged once in a while, not a line per request (core/log.h). */
static struct log_flood busy_flood = LOG_FLOOD_INIT("expensive requests refused", "answered 503 busy");

void
admission_init(const struct conf *c)
{
	pthread_mutex_lock(&lock);
	limit[ADMIT_NONE] = 0;
	limit[ADMIT_SEARCH] = c->max_search;
	limit[ADMIT_LOGIN] = c->max_login;
	limit[ADMIT_UPLOAD] = c->max_upload;
	limit_all = c->threads > 1 ? c->threads - 1 : 1;
	pthread_mutex_unlock(&lock);
}

enum admit_class
admission_class(const struct route *r, enum method m)
{
	size_t i;

	if (r == NULL)
		return ADMIT_NONE;
	for (i = 0; route_costs[i].pattern != NULL; i++)
		if ((route_costs[i].methods & m) && strcmp(route_costs[i].pattern, r->pattern) == 0)
			return route_costs[i].cost;
	return ADMIT_NONE;	/* uploads: by their size, before the body is read (app/main.c) */
}

const char *
admission_class_name(enum admit_class k)
{
	switch (k) {
	case ADMIT_SEARCH:	return "search";
	case ADMIT_LOGIN:	return "sign-in";
	case ADMIT_UPLOAD:	return "upload";
	default:		return "page";
	}
}

/* The time limit of a request of class k (seconds, 0: none). */
static int
time_limit(const struct request *rq, enum admit_class k)
{
	if (k == ADMIT_SEARCH)
		return rq->conf->statement_time_search;
	return rq->method == M_POST ? rq->conf->statement_time_write : rq->conf->statement_time_page;
}

int
admission_enter(struct request *rq, enum admit_class k)
{
	int ok = 1, rc;

	if (k != ADMIT_NONE && rq->admitted == ADMIT_NONE) {
		pthread_mutex_lock(&lock);
		ok = in_use[k] < limit[k] && in_use_all < limit_all;
		if (ok) {
			in_use[k]++;
			in_use_all++;
			rq->admitted = (int)k;
		}
		pthread_mutex_unlock(&lock);
	}
	if (!ok) {
		rq->busy = 1;
		log_flood_hit(&busy_flood, LOG_WARN, "busy: %s %s refused, every %s slot in use (max_%s = %d); "
		    "answering 503, repeats are counted", rq->method_name, rq->path, admission_class_name(k),
		    k == ADMIT_LOGIN ? "login" : admission_class_name(k), limit[k]);
		return TP_EBUSY;
	}
	if (rq->db != NULL && (rc = db_time_limit(rq->db, time_limit(rq, k))) != 0)
		return rc;
	return 0;
}

void
admission_leave(struct request *rq)
{
	enum admit_class k = (enum admit_class)rq->admitted;
	int idle;

	if (k == ADMIT_NONE)
		return;
	pthread_mutex_lock(&lock);
	in_use[k]--;
	idle = --in_use_all == 0;
	pthread_mutex_unlock(&lock);
	rq->admitted = ADMIT_NONE;
	if (idle)
		log_flood_end(&busy_flood);
}

int
admission_in_use(enum admit_class k)
{
	int n;

	pthread_mutex_lock(&lock);
	n = in_use[k];
	pthread_mutex_unlock(&lock);
	return n;
}
