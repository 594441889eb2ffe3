/* admin.h - the admin handlers named in the route table (app/routes.c), one file per area (page_admin_*.c). */
#ifndef TP_ADMIN_H
#define TP_ADMIN_H

#include "view/cs.h"

#include "http/request.h"

/* page_admin.c: the admin start page. */
int	page_admin_home(struct request *rq, HDF *hdf);
/* page_admin_members.c: a technopark's profile form; members' changes become change requests. */
int	page_admin_member_form(struct request *rq, HDF *hdf);
int	page_admin_member_save(struct request *rq, HDF *hdf);
/* page_admin_people.c: a technopark's people. */
int	page_admin_people_list(struct request *rq, HDF *hdf);
int	page_admin_person_new(struct request *rq, HDF *hdf);
int	page_admin_person_create(struct request *rq, HDF *hdf);
int	page_admin_person_form(struct request *rq, HDF *hdf);
int	page_admin_person_save(struct request *rq, HDF *hdf);
int	page_admin_person_delete(struct request *rq, HDF *hdf);
/* page_admin_review.c: change requests, the review queue, approve and reject. */
int	page_admin_requests(struct request *rq, HDF *hdf);
int	page_admin_request_show(struct request *rq, HDF *hdf);
int	page_admin_request_decide(struct request *rq, HDF *hdf);
int	page_admin_request_withdraw(struct request *rq, HDF *hdf);
/* page_admin_mail.c: failed deliveries into hdf for /admin (secretariat); /admin/mail, the development sink's mail. */
int	admin_mail_failures(struct request *rq, HDF *hdf);
int	page_admin_mail(struct request *rq, HDF *hdf);
/* page_admin_user_email.c: the secretariat sets an account's mail address (confirmed by the link mailed). */
int	page_admin_user_email_form(struct request *rq, HDF *hdf);
int	page_admin_user_email(struct request *rq, HDF *hdf);
/* page_admin_history.c: the audit log. */
int	page_admin_history(struct request *rq, HDF *hdf);
/* page_admin_users.c: accounts (secretariat only). */
int	page_admin_users(struct request *rq, HDF *hdf);
int	page_admin_user_new(struct request *rq, HDF *hdf);
int	page_admin_user_create(struct request *rq, HDF *hdf);
int	page_admin_user_form(struct request *rq, HDF *hdf);
int	page_admin_user_save(struct request *rq, HDF *hdf);
/* page_admin_committees.c: managing a committee, its seats and (secretariat) its secretaries. */
int	page_admin_committees(struct request *rq, HDF *hdf);
int	page_admin_committee(struct request *rq, HDF *hdf);
int	page_admin_seat_new(struct request *rq, HDF *hdf);
/* page_admin_about.c: the association's profile in both languages (secretariat). */
int	page_admin_about_form(struct request *rq, HDF *hdf);
int	page_admin_about_save(struct request *rq, HDF *hdf);
/* page_admin_committee_texts.c: a committee's names and descriptions in both languages (secretariat). */
int	page_admin_committee_texts_form(struct request *rq, HDF *hdf);
int	page_admin_committee_texts_save(struct request *rq, HDF *hdf);
int	page_admin_seat_create(struct request *rq, HDF *hdf);
int	page_admin_seat_form(struct request *rq, HDF *hdf);
int	page_admin_seat_save(struct request *rq, HDF *hdf);
int	page_admin_seat_delete(struct request *rq, HDF *hdf);
int	page_admin_secretary_add(struct request *rq, HDF *hdf);
int	page_admin_secretary_delete(struct request *rq, HDF *hdf);
/* page_admin_meetings.c and page_admin_agenda.c: scheduling a meeting, its details and its agenda. */
int	page_admin_meeting_new(struct request *rq, HDF *hdf);
int	page_admin_meeting_create(struct request *rq, HDF *hdf);
int	page_admin_meeting_form(struct request *rq, HDF *hdf);
int	page_admin_meeting_save(struct request *rq, HDF *hdf);
int	page_admin_item_create(struct request *rq, HDF *hdf);
int	page_admin_item_form(struct request *rq, HDF *hdf);
int	page_admin_item_save(struct request *rq, HDF *hdf);
int	page_admin_item_move(struct request *rq, HDF *hdf);
int	page_admin_item_delete(struct request *rq, HDF *hdf);
/* page_admin_records.c and page_admin_resolutions.c: attendance, minutes and resolutions. */
int	page_admin_attendance_form(struct request *rq, HDF *hdf);
int	page_admin_attendance_save(struct request *rq, HDF *hdf);
int	page_admin_minutes_form(struct request *rq, HDF *hdf);
int	page_admin_minutes_save(struct request *rq, HDF *hdf);
int	page_admin_resolution_new(struct request *rq, HDF *hdf);
int	page_admin_resolution_create(struct request *rq, HDF *hdf);
int	page_admin_resolution_form(struct request *rq, HDF *hdf);
int	page_admin_resolution_save(struct request *rq, HDF *hdf);
int	page_admin_resolution_delete(struct request *rq, HDF *hdf);
/* page_admin_documents.c: a meeting's documents (attach.c, owner type "meeting"). */
int	page_admin_documents_add(struct request *rq, HDF *hdf);
int	page_admin_documents_delete(struct request *rq, HDF *hdf);
/* page_admin_library.c: the library's documents and files, and the kinds (secretariat). */
int	page_admin_library_list(struct request *rq, HDF *hdf);
int	page_admin_library_new(struct request *rq, HDF *hdf);
int	page_admin_library_create(struct request *rq, HDF *hdf);
int	page_admin_library_form(struct request *rq, HDF *hdf);
int	page_admin_library_save(struct request *rq, HDF *hdf);
int	page_admin_library_delete(struct request *rq, HDF *hdf);
int	page_admin_library_restore(struct request *rq, HDF *hdf);
int	page_admin_library_kinds(struct request *rq, HDF *hdf);
int	page_admin_library_kind_create(struct request *rq, HDF *hdf);
int	page_admin_library_kind_form(struct request *rq, HDF *hdf);
int	page_admin_library_kind_save(struct request *rq, HDF *hdf);
/* page_admin_news.c, page_admin_news_list.c: posting news. */
int	page_admin_news_list(struct request *rq, HDF *hdf);
int	page_admin_news_new(struct request *rq, HDF *hdf);
int	page_admin_news_create(struct request *rq, HDF *hdf);
int	page_admin_news_form(struct request *rq, HDF *hdf);
int	page_admin_news_save(struct request *rq, HDF *hdf);
int	page_admin_news_delete(struct request *rq, HDF *hdf);
int	page_admin_news_restore(struct request *rq, HDF *hdf);
/* page_admin_stats.c: the secretariat's figures form. */
int	page_admin_stats(struct request *rq, HDF *hdf);
int	page_admin_stats_create(struct request *rq, HDF *hdf);
int	page_admin_stats_form(struct request *rq, HDF *hdf);
int	page_admin_stats_save(struct request *rq, HDF *hdf);

#endif
