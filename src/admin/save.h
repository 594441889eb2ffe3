/*
 * save.h - the one save pipeline of admin forms: a record description (model/record.h) walked from the
 * form to the answer. Parse and check the form by the description, merge three ways against the stored
 * row, write it (or a change request) with its audit rows and the form's one-time key in one transaction
 * (retried a bounded number of times on deadlock or lock wait timeout), and redirect; or answer the
 * conflict page (409), the form with its messages (422), or the form kept for a later try (429).
 */
#ifndef TP_SAVE_H
#define TP_SAVE_H

#include "view/cs.h"
#include "http/request.h"
#include "model/record.h"
#include "store/submissions.h"

/* How many times a transaction is run before the user is asked to try again (429, input kept). */
#define SAVE_ATTEMPTS	4

struct save {
	const struct record_desc *desc;
	long long	 id;		/* the row; 0: create one */
	long long	 owner;		/* create: the row it belongs to (technopark; 0: none) */
	const char	*tmpl;		/* the form's template (rendered again on 409, 422, 503) */
	int		 review;	/* 1: a change request waits for the secretariat instead of a write */
	/* More checks than the description's (may be NULL): how many errors it added to Form.*, or a TP_E*
	 * code (TP_EDENIED: a forged form, 403). */
	int		(*check)(struct request *rq, HDF *hdf, const struct save *sv);
	/* Where a save of row id answers (malloc'd into *location); 0 or -1. done: "created", "withdrawn"
	 * (review: the user's waiting request was withdrawn and nothing else asked), or NULL. */
	int		(*location)(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
			    char **location);
	/*
	 * Review only: what the user's own waiting change request asks for (prior[i] where prior_set[i]). The
	 * form opens on those values; a field the user leaves as it was keeps asking for it.
	 */
	const char *const *prior;
	const int	*prior_set;
	/* Inside the transaction before the write (may be NULL): 0, TP_ESTALE (run again) or a TP_E* code. */
	int		(*before_write)(struct request *rq, const struct save *sv, const struct record_row *cur);
	/* 1 when out asks for nothing (may be NULL: out equals the stored row). */
	int		(*nothing_to_do)(const struct save *sv, const struct record_row *cur, const char *const *out);
	/*
	 * The write, when the description has none or the form writes more (attachments): inside the
	 * transaction, like record_desc.write (cur NULL: a create; *new_id set). May be NULL.
	 */
	int		(*write)(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
			    const char *const *values, long long *new_id);
	/* After the commit (files into place); may be NULL. */
	void		(*after_commit)(struct request *rq, const struct save *sv, long long id);
	void		*arg;		/* for the hooks */
};

/* Put row (NULL: a new record, empty) into Form.* for a form, with its version, digests and a new key. */
int	save_form(HDF *hdf, const struct record_desc *d, const struct record_row *row);
/*
 * For a form's own checks (save.check): the message msgkey (a language key) on field name of d, unless it
 * has one, and the summary's list of errors again in the description's order (names not in d last).
 * Returns how many errors the form has now.
 */
int	save_field_error(HDF *hdf, const struct record_desc *d, const char *name, const char *msgkey);
/*
 * For a form that merges its own way (attendance: a line per seat) but keeps the pipeline's promises:
 * the posted one-time key when well formed (else NULL; it points into rq), a new key into Form.key.value
 * (0 or -1), the hash of the fields sent (what makes a second POST the same submission), and the answer
 * to a second POST of a key already claimed (the first save's 303, or 409 with a message on tmpl).
 * A 303 of a save calls save_upkeep (staging files, old keys).
 */
const char *save_form_key(const struct request *rq);
int	save_new_key(HDF *hdf);
void	save_body_hash(const struct request *rq, char out[SUBMISSION_HASH_LEN + 1]);
int	save_duplicate(struct request *rq, HDF *hdf, const char *key, const char *body, const char *tmpl);
void	save_upkeep(struct request *rq);
/* Run the pipeline for a POST of sv's form. Returns an HTTP status (303 with rq->location set). */
int	save_record(struct request *rq, HDF *hdf, const struct save *sv);

#endif
