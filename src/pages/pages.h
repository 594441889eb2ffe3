/* pages.h - the page handlers named in the route table, one file per area (page_*.c). */
#ifndef TP_PAGES_H
#define TP_PAGES_H

#include <stddef.h>

#include "view/cs.h"

#include "http/request.h"

/* page_home.c */
int	page_home(struct request *rq, HDF *hdf);
/* Put the network figures (formatted) under prefix.N; 0 or an HTTP status. */
int	page_figures(struct request *rq, HDF *hdf, const char *prefix);
/* page_members.c */
int	page_members_list(struct request *rq, HDF *hdf);
int	page_members_show(struct request *rq, HDF *hdf);
/* page_people.c */
int	page_people_list(struct request *rq, HDF *hdf);
/* page_about.c */
int	page_about(struct request *rq, HDF *hdf);
/* page_system.c */
int	page_healthz(struct request *rq, HDF *hdf);


/* page_auth.c: sign in and out, change password. */
int	page_login_form(struct request *rq, HDF *hdf);
int	page_login(struct request *rq, HDF *hdf);
int	page_logout(struct request *rq, HDF *hdf);
int	page_password_form(struct request *rq, HDF *hdf);
int	page_password(struct request *rq, HDF *hdf);
/* page_account_mail.c: one's mail address and its confirmation link; the password reset by mail. */
int	page_account_email_form(struct request *rq, HDF *hdf);
int	page_account_email(struct request *rq, HDF *hdf);
int	page_email_confirm_form(struct request *rq, HDF *hdf);
int	page_email_confirm(struct request *rq, HDF *hdf);
int	page_password_forgot_form(struct request *rq, HDF *hdf);
int	page_password_forgot(struct request *rq, HDF *hdf);
int	page_password_reset_form(struct request *rq, HDF *hdf);
int	page_password_reset(struct request *rq, HDF *hdf);
/* page_account_notify.c: the notifications one chooses; the one-click unsubscribe link of each message. */
int	page_account_notify_form(struct request *rq, HDF *hdf);
int	page_account_notify(struct request *rq, HDF *hdf);
int	page_unsubscribe_form(struct request *rq, HDF *hdf);
int	page_unsubscribe(struct request *rq, HDF *hdf);
/* Shared with the secretariat's /admin/users/{id}/email: uid's addresses into Account.*, and a change
 * asked through the email form (0, 422 with the form's messages, or an error). */
int	page_account_email_show(struct request *rq, HDF *hdf, long long uid);
int	page_account_email_change(struct request *rq, HDF *hdf, long long uid);
/* page_committees.c: the committees, one committee, one meeting, a committee's resolutions. */
int	page_committees_list(struct request *rq, HDF *hdf);
int	page_committees_show(struct request *rq, HDF *hdf);
int	page_committees_meeting(struct request *rq, HDF *hdf);
int	page_committees_resolutions(struct request *rq, HDF *hdf);
/* page_committees_ics.c: the calendar feeds of upcoming meetings. */
int	page_committees_ics(struct request *rq, HDF *hdf);
int	page_committee_ics(struct request *rq, HDF *hdf);

/* page_library.c: the publications library for readers (list, document, Atom feed). */
int	page_library_list(struct request *rq, HDF *hdf);
int	page_library_show(struct request *rq, HDF *hdf);
int	page_library_feed(struct request *rq, HDF *hdf);
/* page_news.c: news for readers (list, article, Atom feeds) and a profile's latest articles. */
int	page_news_list(struct request *rq, HDF *hdf);
int	page_news_show(struct request *rq, HDF *hdf);
int	page_news_feed(struct request *rq, HDF *hdf);
/* The latest articles of technopark tp_id under News.N (for /members/{slug}); 0 or a status. */
int	page_news_member(struct request *rq, HDF *hdf, long long tp_id);
/* files.c: GET /files/{id}, after the owner's read check. */
int	page_files_get(struct request *rq, HDF *hdf);

/* page_search.c: the search over technoparks, people, news and committee meetings. */
int	page_search(struct request *rq, HDF *hdf);
/* page_stats.c: the network figures by year, as tables and charts, and as CSV. */
int	page_stats(struct request *rq, HDF *hdf);
/* The directory as files for signed-in users (issue 19): CSV with a BOM, vCard 4.0 (view/export.h). */
int	page_people_csv(struct request *rq, HDF *hdf);
int	page_people_vcf(struct request *rq, HDF *hdf);
int	page_member_people_vcf(struct request *rq, HDF *hdf);
int	page_members_csv(struct request *rq, HDF *hdf);
int	page_stats_csv(struct request *rq, HDF *hdf);

/* page_util.c: small helpers the pages share. */
struct db_stmt;
/*
 * Store st's rows (first column: the option's slug) under prefix.N like render_rows, marking the
 * row whose slug equals selected with .selected = 1; *found tells whether one did. Returns the
 * row count or -1.
 */
int	page_options(HDF *hdf, const char *prefix, struct db_stmt *st, const char *selected, int *found);
/* 1 when the reader may see phone numbers and e-mail addresses. */
int	page_may_see_contacts(const struct request *rq);
/*
 * A form refused by admission control (every sign-in or upload slot in use, http/admission.h): the
 * same form again (rq->tmpl, with the values form_check put in it; a password never) and a message to
 * send it again in a moment, as 503 with Retry-After (rq->busy), so that nothing typed is lost.
 */
int	page_busy_form(struct request *rq, HDF *hdf);
/*
 * A form refused by a throttle (model/throttle.h) for rq->retry_after seconds: the message msgkey and
 * how long to wait ("1분 30초", from L.time.*) in Form.message, the form's fields as checked. Returns 429
 * (the answer's Retry-After says the same).
 */
int	page_throttled(struct request *rq, HDF *hdf, const char *msgkey);

#endif
