/*
 * access.h - the row-level rules of the admin routes (struct route's allow hook, app/routes.c):
 * given the URL's captures and the session, may this user use this record? The dispatcher runs
 * them after the route's access level passed; handlers keep no access checks of their own.
 * Each returns 0, TP_EDENIED, TP_ENOTFOUND (no such record, or one hidden from this user) or
 * another TP_E* code. The secretariat passes every rule without a query.
 */
#ifndef TP_ACCESS_H
#define TP_ACCESS_H

#include "http/request.h"

/* /admin/members/{slug}...: that technopark's member admin. */
int	access_tp_slug(struct request *rq);
/* /admin/people/{id}...: the admin of the person's technopark. */
int	access_person(struct request *rq);
/* /admin/news/{id}...: the admin of the article's publisher (the association's: the secretariat). */
int	access_article(struct request *rq);
/* /admin/library/{id}...: the admin of the document's publisher (the association's: the secretariat). */
int	access_library(struct request *rq);
/* /admin/requests/{id}: the request's technopark's admin; another's is hidden (404). */
int	access_request(struct request *rq);
/* /admin/requests/{id}/withdraw: the request's own submitter, while it is pending (403 otherwise;
 * another technopark's request is hidden, 404). Unlike the other rules, the secretariat does not pass. */
int	access_request_own(struct request *rq);
/* /admin/committees/{slug}...: that committee's secretary. */
int	access_committee_slug(struct request *rq);
/* /admin/seats/{id}, /admin/meetings/{id}..., /admin/agenda/{id}..., /admin/resolutions/{id}...:
 * the secretary of the committee the seat, meeting, agenda item or resolution belongs to. */
int	access_seat(struct request *rq);
int	access_meeting(struct request *rq);
int	access_item(struct request *rq);
int	access_resolution(struct request *rq);

#endif
