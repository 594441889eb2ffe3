/*
 * committee_records.h - the record descriptions (model/record.h) of a committee's records: a meeting's
 * details, a seat, an agenda item, a resolution, the minutes, and the writes behind them. The admin handlers (admin/page_admin_meetings.c, ...) save them
 * through the one pipeline (admin/save.c).
 */
#ifndef TP_COMMITTEE_RECORDS_H
#define TP_COMMITTEE_RECORDS_H

#include "model/record.h"

/* A meeting's form fields, in its description's order: the start and end as a day and a time each. */
enum { MF_TITLE, MF_DATE, MF_STARTS, MF_END_DATE, MF_ENDS, MF_PLACE, MF_URL, MF_STATUS, MF_NOTE, MF_NFIELDS };

extern const struct record_desc meeting_record;

/* A seat: member ("p<person id>" or "t<technopark id>"), role, term_start, term_end, note. */
enum { SF_MEMBER, SF_ROLE, SF_START, SF_END, SF_NOTE, SF_NFIELDS };
extern const struct record_desc seat_record;
/* An agenda item (its form's names are item_title, item_description: both are on the meeting's page). */
enum { IF_TITLE, IF_DESCRIPTION, IF_NFIELDS };
extern const struct record_desc item_record;
/* A resolution: agenda_item_id, body, outcome, votes_for, votes_against, votes_abstain. */
enum { RF_ITEM, RF_BODY, RF_OUTCOME, RF_FOR, RF_AGAINST, RF_ABSTAIN, RF_NFIELDS };
extern const struct record_desc resolution_record;
/* A meeting's minutes, keyed by the meeting: body (Markdown), published ("1"/"0"). Version 0: none yet. */
enum { NM_BODY, NM_PUBLISHED, NM_NFIELDS };
extern const struct record_desc minutes_record;

/* A committee secretary's appointment (sql/035): the user named, under the committee. Named and removed,
 * never edited. */
enum { CS_USER, CS_NFIELDS };
extern const struct record_desc secretary_record;

/* A meeting's documents as the save pipeline adds them: files, no fields (admin/page_admin_documents.c
 * writes them; audited under the meeting, "attach"). */
extern const struct record_desc document_record;

/* The rows as the versioned helpers edit them (store/versioned.h), for moves and deletes. */
struct versioned_spec;
extern const struct versioned_spec seat_spec, item_spec, resolution_spec, secretary_spec;

/*
 * The writes behind those descriptions, inside the caller's transaction with their audit rows (note: the
 * committee's slug): id 0 creates one under owner (the committee; the meeting for items and resolutions)
 * and sets *new_id. 0, TP_ESTALE (someone saved first: run again), or a TP_E* code.
 */
int	seat_write(struct db *db, long long user_id, long long id, long long owner, long long version,
	    const char *const *values, const char *note, long long *new_id);
int	item_write(struct db *db, long long user_id, long long id, long long owner, long long version,
	    const char *const *values, const char *note, long long *new_id);
int	resolution_write(struct db *db, long long user_id, long long id, long long owner, long long version,
	    const char *const *values, const char *note, long long *new_id);
/*
 * Name values[CS_USER] a secretary of committee owner (id 0; an appointment is not edited: TP_EINVALID
 * for another id), with its author and audit row. TP_EINVALID too when the user is one already (named a
 * moment ago by someone else: nothing written).
 */
int	secretary_write(struct db *db, long long user_id, long long id, long long owner, long long version,
	    const char *const *values, const char *note, long long *new_id);
/* The appointment of user on committee, locked for the caller's transaction: 1 (*id, *version), 0 none, or
 * a TP_E* code. */
int	secretary_lock(struct db *db, long long committee, long long user, long long *id, long long *version);
/* The minutes of meeting id at version (0: none yet, created), html rendered from values[NM_BODY]. */
int	minutes_write(struct db *db, long long user_id, long long id, long long version, const char *const *values,
	    const char *html, const char *note);

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
