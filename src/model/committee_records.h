/*
 * committee_records.h - the record descriptions (model/record.h) of a committee's records: a meeting's
 * details, and the writes behind them. The admin handlers (admin/page_admin_meetings.c, ...) save them
 * through the one pipeline (admin/save.c).
 */
#ifndef TP_COMMITTEE_RECORDS_H
#define TP_COMMITTEE_RECORDS_H

#include "model/record.h"

/* A meeting's form fields, in its description's order: the start and end as a day and a time each. */
enum { MF_TITLE, MF_DATE, MF_STARTS, MF_END_DATE, MF_ENDS, MF_PLACE, MF_URL, MF_STATUS, MF_NOTE, MF_NFIELDS };

extern const struct record_desc meeting_record;

/*
 * Write meeting id (0: create one under committee owner, *new_id set) from its form values (MF_* order;
 * an empty end date is the start's day) inside the caller's transaction, with its audit rows (note: the
 * audit note, the committee's slug). 0, TP_ESTALE (someone saved first), or a TP_E* code.
 */
int	meeting_write(struct db *db, long long user_id, long long id, long long owner, long long version,
	    const char *const *values, const char *note, long long *new_id);
/* 1 when the values move the meeting (its times, place or address) or change its status against cur. */
int	meeting_moved(const char *const *cur, const char *const *values);

#endif
