/* profile.h - a technopark's editable profile: load it, and write a new version with its audit. */
#ifndef TP_PROFILE_H
#define TP_PROFILE_H

#include <stddef.h>

#include "model/record.h"

struct db;

/* The technopark profile's record description (for the save pipeline, admin/save.c). */
extern const struct record_desc profile_record;

#define PROFILE_NFIELDS	10

/* summary, director, address, phone, email, website, the English name, summary and address (issue 17),
 * industry (comma-joined sorted slugs; always the last). */
extern const char *const profile_fields[PROFILE_NFIELDS];

struct profile {
	long long	id;
	long long	version;
	char		slug[41];
	char		name[301];
	char		*v[PROFILE_NFIELDS];	/* malloc'd; NULL when empty */
	char		demo_fields[96];	/* the fields whose value a demo account wrote (comma-joined) */
};

/* Load by slug (id 0) or by id. lock = 1 takes a row lock (inside a transaction). 1 found, 0 not, -1 error. */
int	profile_load(struct db *db, const char *slug, long long id, int lock, struct profile *p);
void	profile_free(struct profile *p);
/* The index of field name in profile_fields, or -1. */
int	profile_field_index(const char *name);
/*
 * Write values (profile_fields order) over cur inside the caller's transaction: one UPDATE guarded
 * by cur->version, the industry tags, and an audit record (action, note; by user_id) listing each changed
 * field. author_id: whose values they are (the submitter of an approved request, else user_id): a field
 * a demo account's value lands in is marked demo, one a real account's lands in loses the mark (issue 20).
 * Returns 0, TP_ESTALE when cur->version is stale, or another TP_E* code.
 */
int	profile_apply(struct db *db, long long user_id, long long author_id, const struct profile *cur,
	    const char *const *values, const char *action, const char *note);

#endif
