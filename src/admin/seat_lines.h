/*
 * seat_lines.h - the attendance form's lines, a line per seat (seat_lines.c), for its handlers
 * (page_admin_attendance.c): load, read, merge three ways, write, and render them.
 */
#ifndef TP_SEAT_LINES_H
#define TP_SEAT_LINES_H

#include "view/cs.h"
#include "http/request.h"
#include "admin/committees_admin.h"
#include "model/record.h"

#define SEAT_LINES_MAX	200	/* seats one attendance form may hold */

/* One seat's line of the form: what is stored, and what was sent. */
struct seat {
	long long	 id;
	char		*old_status, *old_proxy;	/* malloc'd; NULL when not recorded */
	const char	*status, *proxy;		/* to store: the form's, or the stored record's; NULL when empty */
	const char	*sent_status, *sent_proxy;	/* the form's (into the request), as seat_lines_read checked them */
	const char	*was;		/* the digest of the line as the form showed it (NULL: not sent) */
	int		 sent;
	int		 conflict;	/* changed by someone else since the form was shown, to another value */
};

struct seats {
	struct seat	v[SEAT_LINES_MAX];
	int		n;
	int		too_many;	/* the meeting has more seats than one form holds: it is not saved */
};

/* The digest each line was shown with, one per line (SEAT_LINES_MAX of them). */
typedef char seat_lines_base[RECORD_DIGEST_LEN + 1];

void	seat_lines_free(struct seats *s);
/*
 * Load the seats of meeting under Seats.N and into s. More than SEAT_LINES_MAX: the first ones and
 * s->too_many set, for the form to say so and refuse to save. 0 or a status.
 */
int	seat_lines_load(struct request *rq, HDF *hdf, long long meeting, struct seats *s);
/* The base of line i's merge, the digest of the stored record x, into Seats.i.was. */
void	seat_lines_was(HDF *hdf, const struct seat *x, int i);
/* Every line into the form: the stored record, or (sent) what was sent. */
void	seat_lines_to_form(HDF *hdf, const struct seats *s, int sent);
/* Read the sent lines into s: the number of mistakes (shown per line), or 400 for a form no page sends. */
int	seat_lines_read(struct request *rq, HDF *hdf, struct seats *s);
/* Each line's base: the digest it was sent with, else that of the record this request loaded. */
void	seat_lines_bases(const struct seats *s, seat_lines_base *base);
/* Inside the transaction: the meeting's row locked, then every line's record as it is now. 0 or TP_E*. */
int	seat_lines_reload(struct request *rq, const struct meeting_ref *m, struct seats *s);
/* Merge every line three ways against base (set status and proxy to store); the number of conflicts. */
int	seat_lines_merge(struct seats *s, seat_lines_base *base);
/* Write the changed lines, their audit rows and the new attendance version. 0 or a TP_E* code. */
int	seat_lines_store(struct request *rq, const struct meeting_ref *m, struct seats *s);
/* 1 when any line's merged record differs from the stored one. */
int	seat_lines_changed(const struct seats *s);
/* The conflict page's lines (both records beside each line both changed, the stored one chosen). 409. */
int	seat_lines_conflict(HDF *hdf, struct seats *s);

#endif
