/*
 * committees.h - the committees model: the seat roles, meeting states, attendance states and
 * resolution outcomes, the date and time checks of the forms, and who is a committee's secretary.
 */
#ifndef TP_COMMITTEES_H
#define TP_COMMITTEES_H

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
 * or a TP_E* code.
 */
int	committees_is_secretary(struct db *db, long long user_id, long long committee_id);
/* 1 when meeting meeting_id exists, 0 when not, or a TP_E* code. */
int	committees_meeting_exists(struct db *db, long long meeting_id);

#endif
