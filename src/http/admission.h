/*
 * admission.h - admission control: a bound on expensive work running at once, per class (search,
 * sign-in hashing, uploads), so that cheap pages keep a worker; and the database time limit of each
 * class of request. A request over its class's bound gets 503 with Retry-After at once.
 */
#ifndef TP_ADMISSION_H
#define TP_ADMISSION_H

#include "http/request.h"

enum admit_class {
	ADMIT_NONE,	/* a cheap page */
	ADMIT_SEARCH,	/* /search: the full-text index (seconds for a word in every article) */
	ADMIT_LOGIN,	/* a password hashed or checked: Argon2id, 64 MiB and a CPU for a while */
	ADMIT_UPLOAD,	/* an upload over 1 MB: up to ROUTE_MAX_UPLOAD bytes received, checked and stored */
	ADMIT_NCLASSES
};

#define ADMISSION_RETRY_AFTER	2	/* seconds a client is told to wait when a class is full */

struct conf;
struct route;

/* Take the bounds from c (max_search, max_login, max_upload; in all at most threads - 1, so one
 * worker is always left for the cheap pages). Once, before the workers start. */
void		 admission_init(const struct conf *c);
/* The class of a request for route r with method m (the table route_costs). Uploads are not classed
 * here: a body over the form limit (1 MB) takes ADMIT_UPLOAD in app/main.c before it is read, and a
 * small multipart form (a news article with no file or a small one) is as cheap as any other form. */
enum admit_class admission_class(const struct route *r, enum method m);
/*
 * Admit rq, of class k, before its work starts: take a slot (held in rq->admitted until
 * admission_leave), and set the database time limit of its kind (statement_time_*). 0, or TP_EBUSY
 * when the class (or all expensive work together) is full: rq->busy is then set for the page.
 * A request that already holds a slot is admitted again at no cost.
 */
int		 admission_enter(struct request *rq, enum admit_class k);
/* Give back the slot rq holds, if any. */
void		 admission_leave(struct request *rq);
/* Slots in use in class k now (tests, and the log). */
int		 admission_in_use(enum admit_class k);
const char	*admission_class_name(enum admit_class k);

#endif
