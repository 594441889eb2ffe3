/* people.h - a person's record (people table): its editable fields, and writing it with its audit. */
#ifndef TP_PEOPLE_H
#define TP_PEOPLE_H

#include "model/record.h"

struct db;

/* The person record's description (for the save pipeline, admin/save.c). */
extern const struct record_desc person_record;

#define PERSON_NFIELDS	7

/* The editable fields, in form order: name, title, department, phone, email, sort, visible. */
extern const char *const person_fields[PERSON_NFIELDS];

struct person {
	long long	id;
	long long	technopark_id;		/* 0: the association's own staff */
	long long	version;
	int		is_demo;
	char		*v[PERSON_NFIELDS];	/* current values, malloc'd; NULL when empty */
};

/* Load person id. Returns 1 found, 0 not found, -1 database error. Free with person_free. */
int	person_load(struct db *db, long long id, struct person *p);
void	person_free(struct person *p);

/*
 * Write a person inside the caller's transaction and record it in the audit log:
 * action "create" (tp_id, values; *new_id set), "update" (id, version, values) or "delete"
 * (id, version). values are in person_fields order; "visible" is "1" or "0"/NULL, "sort" a number.
 * Returns 0, TP_ESTALE when version is stale (someone saved first), TP_EINVALID for a value it cannot store,
 * or another TP_E* code.
 */
int	person_apply(struct db *db, long long user_id, const char *action, long long id, long long tp_id,
	    long long version, const char *const *values, long long *new_id);
/* Person id (just created for author_id's approved request) is demo when author_id is a demo account
 * (issue 20), as when a demo account writes it directly. 0 or a TP_E* code. */
int	person_demo_author(struct db *db, long long id, long long author_id);

#endif
