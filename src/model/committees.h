/*
 * committees.h - the committees model shared by the public pages, the calendar feed and the admin
 * forms: who may manage a committee, a committee and a meeting by their URL, dates and times as the
 * forms take them, and the seats a technopark holds.
 */
#ifndef TP_COMMITTEES_H
#define TP_COMMITTEES_H

#include "view/cs.h"

#include "http/request.h"

struct db;

struct committee {
	long long	id;
	char		slug[41];
	char		name[241];
};

/* The seat roles, meeting states, attendance states and resolution outcomes, NULL-terminated. */
extern const char *const committees_roles[];
extern const char *const committees_meeting_states[];
extern const char *const committees_attendance_states[];
extern const char *const committees_outcomes[];

/* Pure checks (unit-tested). */
/* 1 when s is a calendar date "YYYY-MM-DD" with a year in 1900..2999 (leap years counted). */
int	committees_valid_date(const char *s);
/* A date as readers type it, "YYYY-MM-DD", "YYYY.MM.DD" or "YYYY/MM/DD" (one separator throughout),
 * written to out as "YYYY-MM-DD" when it is a calendar day (committees_valid_date). 0, or -1. */
int	committees_norm_date(const char *s, char out[11]);
/* 1 when s is a time of day "HH:MM", 00:00 to 23:59. */
int	committees_valid_time(const char *s);

/*
 * 1 when user_id is a secretary of committee_id (of any committee when committee_id is 0), 0 when not,
 * -1 on a database error.
 */
int	committees_is_secretary(struct db *db, long long user_id, long long committee_id);
/* 1 when the signed-in user may manage committee_id (secretariat, or its secretary); 0; -1 on a database error. */
int	committees_may_manage(const struct request *rq, long long committee_id);
/* committees_may_manage as a status: 0 when allowed, 403, or the database's status. */
int	committees_check_manage(const struct request *rq, long long committee_id);

/*
 * Load the committee named slug into c and under Committee.* in hdf (hdf may be NULL).
 * Returns 0, 404 when there is none, or the database's status.
 */
int	committees_load(struct request *rq, HDF *hdf, const char *slug, struct committee *c);
/* The same by id. */
int	committees_load_id(struct request *rq, HDF *hdf, long long id, struct committee *c);

/*
 * The seats a technopark holds on the day (its own, and those of its visible people) under prefix.N
 * (committee_slug, committee, role, person, term_start, term_end, is_demo). 0 or a status.
 */
int	committees_tp_seats(struct request *rq, HDF *hdf, const char *prefix, long long tp_id);

/* ---- shared by the admin pages (page_admin_committees.c, page_admin_meetings.c, page_admin_records.c) ---- */

struct form_field;
struct versioned;
struct versioned_spec;

/* A meeting as the admin pages address it: its id, committee and versions. */
struct meeting_ref {
	long long		id;
	long long		version;
	long long		attendance_version;
	char			date[11];	/* YYYY-MM-DD of its start */
	struct committee	c;
};

/*
 * Load meeting id with its committee (under Meeting.* and Committee.*) and check that the user may
 * manage that committee. Returns 0, 404, 403, or the database's status.
 */
int	committees_load_meeting(struct request *rq, HDF *hdf, long long id, struct meeting_ref *m);

/* The {id} capture number i of the URL as a number: 0, or 404. */
int	committees_arg_id(const struct request *rq, size_t i, long long *id);

/*
 * Load the row of sp whose id is the URL's first {id} capture into r (cleared first, so the caller
 * frees it with versioned_free whatever this answers). Returns 0, 404, or the database's status.
 */
int	committees_load_arg(struct request *rq, const struct versioned_spec *sp, struct versioned *r);

/*
 * The stale-save page: row i of n shows field names[i] with the stored value now[i] beside the user's
 * yours[i] (Conflict.Rows.*), and the form's next save goes against the stored version. Returns 409.
 */
int	committees_conflict(HDF *hdf, const char *const *names, const char *const *now, const char *const *yours, int n,
	    long long version);

/*
 * A move or delete against a stale version: row id of sp as it is now, put in the form by to_form, with
 * Page.StaleAction set, to act again on purpose. Returns 409, 404 when it is gone, or the database's status.
 */
int	committees_stale(struct request *rq, HDF *hdf, const struct versioned_spec *sp, long long id,
	    void (*to_form)(HDF *, const struct versioned *));

/* The posted "version": 0, or 400 naming the parameter. */
int	committees_posted_version(struct request *rq, long long *version);

/*
 * Add a message (the language key msgkey) to field name of a checked form, and list the form's
 * errors again in the order of fields (the summary at the top follows the form). Returns the new
 * number of errors.
 */
int	committees_form_error(HDF *hdf, const struct form_field *fields, const char *name, const char *msgkey);

/*
 * End the transaction of a save: begun is what db_begin answered, rc what the writes answered. Commits
 * when both are 0; else rolls back. Returns 0, rc, or the database's status.
 */
int	committees_commit(struct request *rq, int begun, int rc);
/*
 * committees_commit for a write that changes what a meeting's page shows: the meeting is re-indexed for
 * the search (search.h) in the same transaction first, when the write succeeded. A pointer, because a
 * create learns the meeting's id in the very expression that calls this.
 */
int	committees_commit_meeting(struct request *rq, int begun, int rc, const long long *meeting_id);

/* attach.c's read check for the owner type "meeting" (page_admin_documents.c): 0, 404, or a status. */
int	committees_documents_may_read(struct request *rq, long long meeting);

/*
 * The meeting's admin page for the meeting of the URL (page_admin_meetings.c): its details in the form,
 * its agenda, resolutions and documents; for the agenda and document forms to show their mistakes on.
 * Returns 0, 404, 403, or the database's status.
 */
int	page_admin_meeting_page(struct request *rq, HDF *hdf, struct meeting_ref *m);

/* Answer 303 to the path made from fmt (a literal) and its arguments. Returns 303, or 500. */
int	committees_redirect(struct request *rq, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
