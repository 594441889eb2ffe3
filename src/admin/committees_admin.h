/*
 * committees_admin.h - what the committee admin handlers share (page_admin_committees.c, _meetings.c,
 * _agenda.c, _records.c, _resolutions.c, _documents.c): loading by the URL's id, the conflict and
 * stale-version pages, form errors, and ending a save's transaction. Statuses as handlers return them.
 */
#ifndef TP_COMMITTEES_ADMIN_H
#define TP_COMMITTEES_ADMIN_H

#include <stddef.h>

#include "view/cs.h"

#include "http/request.h"
#include "pages/committees_page.h"
#include "model/committees.h"

struct form_field;
struct versioned;
struct versioned_spec;

/* A meeting as the admin pages address it: its id, committee and versions. */
struct meeting_ref {
	long long		id;
	long long		version;
	long long		attendance_version;
	char			date[11];	/* YYYY-MM-DD of its start */
	char			starts_at[17], ends_at[17];	/* "YYYY-MM-DD HH:MM" */
	char			status[10];	/* planned, held, cancelled */
	struct committee	c;
};

/*
 * Load meeting id with its committee (under Meeting.* and Committee.*); the route's hook checked that
 * the user may manage that committee. Returns 0, 404, or a TP_E* code.
 */
int	committees_load_meeting(struct request *rq, HDF *hdf, long long id, struct meeting_ref *m);

/* committees_load_meeting for the meeting whose id is the URL's first {id} capture (404 when it is none). */
int	committees_load_url_meeting(struct request *rq, HDF *hdf, struct meeting_ref *m);

/* The {id} capture number i of the URL as a number: 0, or 404. */
int	committees_arg_id(const struct request *rq, size_t i, long long *id);

/*
 * Load the row of sp whose id is the URL's first {id} capture into r (cleared first, so the caller
 * frees it with versioned_free whatever this answers). Returns 0, 404, or the database's status.
 */
int	committees_load_arg(struct request *rq, const struct versioned_spec *sp, struct versioned *r);

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
/* After a create (rc its result): the new meeting's author, and a meeting or seat a demo account made is
 * demo (issue 20). kind "meeting" or "seat"; id is read after rc is known (a pointer, as for
 * committees_commit_meeting). Returns rc, or a status when the mark cannot be written. */
int	committees_authored(struct request *rq, int rc, const char *kind, const long long *id);


/*
 * The meeting's admin page for the meeting of the URL (page_admin_meetings.c): its details in the form,
 * its agenda, resolutions and documents; for the agenda and document forms to show their mistakes on.
 * Returns 0, 404, 403, or the database's status.
 */
int	page_admin_meeting_page(struct request *rq, HDF *hdf, struct meeting_ref *m);

/*
 * The facts committees_check reads for a record of meeting m (model/committees.h): its times and state,
 * now, the seats held on its day and the attendance stored; no votes, records 0. now holds the time the
 * facts point to. Returns 0 or a TP_E* code.
 */
int	committees_meeting_facts(struct request *rq, const struct meeting_ref *m, struct committees_facts *f,
	    char now[17]);

/*
 * Add a message (msgkey) for a rule of the records that is not one field's (name: "meeting", "seats"),
 * after the form's other errors; the summary links to #f-<name>, which cform_errors shows. Returns the new
 * number of errors.
 */
int	committees_rule_error(HDF *hdf, const char *name, const char *msgkey);

/*
 * The stored rows of committee_id that break a rule (committees_check) under Rules.N (meeting id, title,
 * starts_at, rule): listed for the secretariat to fix, never changed here. Returns 0 or a TP_E* code.
 */
int	committees_rule_list(struct request *rq, HDF *hdf, long long committee_id);

/*
 * A committee record saved through the pipeline (admin/save.c): what its write needs besides the
 * description (save.arg). The write is one of model/committee_records.h; the audit note is the
 * committee's slug; a record that a meeting's page shows writes the meeting's search entry again.
 */
struct save;
struct record_row;
struct committee_save {
	int		(*write)(struct db *db, long long user_id, long long id, long long owner, long long version,
			    const char *const *values, const char *note, long long *new_id);
	const char	*note;
	long long	 meeting_id;	/* 0: none */
	const struct meeting_ref *meeting;	/* for a form's own checks (may be NULL) */
	const char	*done;		/* where a save answers: /admin/meetings/<meeting><done>, or without a meeting
					 * /admin/committees/<slug><done> */
	const char	*authored;	/* "seat": a new record takes its author's demo mark (committees_authored) */
};
/* save.write for a struct committee_save in sv->arg. */
int	committees_save_write(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
	    const char *const *values, long long *new_id);
/* save.location for a struct committee_save in sv->arg. */
int	committees_save_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
	    char **location);

/* Answer 303 to the path made from fmt (a literal) and its arguments. Returns 303, or 500. */
int	committees_redirect(struct request *rq, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
