/*
 * err.h - the one error convention below the handlers.
 *
 * Functions of core/, store/, model/ and view/ return 0 on success (or a count, where they say so)
 * and a negative TP_E* code on failure; the failure is logged once, where it happened. Handlers
 * (pages/, admin/) return an HTTP status, or pass such a code up: the dispatcher answers it with
 * err_http_status(). docs/architecture.md shows the mapping.
 */
#ifndef TP_ERR_H
#define TP_ERR_H

enum tp_err {
	TP_OK = 0,
	TP_EFAIL = -1,		/* failed (a database or I/O error, logged): 500 */
	TP_EGONE = -2,		/* the database cannot be reached now: 503 */
	TP_ENOMEM = -3,		/* out of memory: 500 */
	TP_ENOTFOUND = -4,	/* no such record, or not one this reader may see: 404 */
	TP_EDENIED = -5,	/* the user may not do this: 403 */
	TP_ESTALE = -6,		/* the version the user saw is no longer the stored one: 409 */
	TP_EINVALID = -7,	/* the input breaks a rule (the caller shows which): 422 */
	TP_ETOOBIG = -8,	/* the input is larger than allowed: 413 */
	TP_EBUSY = -9		/* too much expensive work at once, or a statement ran past its time limit: 503 */
};

/* The HTTP status that answers err (a TP_E* code); a positive status is returned as it is, 0 as 200. */
int	err_http_status(int err);
/* A short English name of err for logs ("stale", "not found"). */
const char *err_name(int err);

#endif
