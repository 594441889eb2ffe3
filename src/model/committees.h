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
/* A time as a time input sends it: "HH:MM", "HH:MM:SS" (seconds dropped) or "H:MM", written to out as
 * "HH:MM" when it is a time of day (committees_valid_time). 0, or -1. */
int	committees_norm_time(const char *s, char out[6]);

/*
 * The rules of a committee's records, checked in one place (committees_check) for a form about to save
 * and for the rows already stored (the secretariat's list of rows that break one). Times are
 * "YYYY-MM-DD HH:MM", Korean time, so that they compare as strings.
 */
struct committees_facts {
	const char	*starts, *ends;	/* the meeting's times */
	const char	*now;		/* the time of the check (committees_now) */
	const char	*status;	/* planned, held or cancelled */
	int		 seats;		/* seats held on the meeting's day; -1: not checked */
	int		 present, absent, proxy;	/* attendance recorded (or about to be) */
	int		 votes[3];	/* for, against, abstain of one resolution; -1 where not recorded */
	int		 records;	/* 1 when attendance, minutes or a resolution is (to be) recorded */
};

/* The rules, one bit each, as committees_check answers them. */
#define CR_OVER_SEATS		0x01	/* present + absent + proxy > seats */
#define CR_OVER_PRESENT		0x02	/* votes for + against + abstain > present + proxy */
#define CR_NOT_STARTED		0x04	/* records for a meeting that has not started and is not marked held */
#define CR_HELD_FUTURE		0x08	/* marked held, but its start is still ahead */
#define CR_PLANNED_PAST		0x10	/* still planned, but its end has passed: held or cancelled? */

/* The rules f breaks, as CR_* bits (0: none). A proxy votes for the seat, so it counts as present. */
int	committees_check(const struct committees_facts *f);
/* The time now in Korean time (UTC+9, no daylight saving) as "YYYY-MM-DD HH:MM". */
void	committees_now(char out[17]);

/*
 * 1 when user_id is a secretary of committee_id (of any committee when committee_id is 0), 0 when not,
 * or a TP_E* code.
 */
int	committees_is_secretary(struct db *db, long long user_id, long long committee_id);
/* 1 when meeting meeting_id exists, 0 when not, or a TP_E* code. */
int	committees_meeting_exists(struct db *db, long long meeting_id);

#endif
