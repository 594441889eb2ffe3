/*
 * committees_page.h - what the committee pages (pages/) and the committee admin (admin/) share:
 * a committee by its URL into the page, and who may manage it.
 */
#ifndef TP_COMMITTEES_PAGE_H
#define TP_COMMITTEES_PAGE_H

#include "view/cs.h"

#include "http/request.h"
#include "model/committees.h"

/* 1 when the signed-in user may manage committee_id (secretariat, or its secretary); 0; or a TP_E* code. */
int	committees_may_manage(const struct request *rq, long long committee_id);

/*
 * Load the committee named slug into c and under Committee.* in hdf (hdf may be NULL).
 * Returns 0, 404 when there is none, or a TP_E* code.
 */
int	committees_load(struct request *rq, HDF *hdf, const char *slug, struct committee *c);
/* The same by id. */
int	committees_load_id(struct request *rq, HDF *hdf, long long id, struct committee *c);

#endif
