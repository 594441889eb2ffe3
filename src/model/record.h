/*
 * record.h - record descriptions: what one admin form edits, as data (table, key, version column, fields
 * with form type, label and validation, how a value reads to a human, who may save it, the audit entity).
 * The save pipeline (admin/save.c) walks a description: parse and check the form, merge three ways
 * against the stored row (record_merge), write it with its audit rows (the description's write), and
 * answer. Forms, conflict pages, the audit log and `tpportal --list-records` take their labels from here.
 */
#ifndef TP_RECORD_H
#define TP_RECORD_H

#include <stdio.h>

struct db;

/* A form field's type: how the form checks it (http/form.c). */
enum field_type {
	FT_LINE,	/* one line of text, min..max characters */
	FT_TEXT,	/* several lines of text, min..max characters */
	FT_PHONE,	/* digits, spaces, + - ( ), at most max characters */
	FT_EMAIL,	/* name@domain.tld */
	FT_URL,		/* http:// or https:// */
	FT_INT,		/* whole number in min..max */
	FT_BOOL,	/* a checkbox: present ("1") or absent */
	FT_ENUM,	/* one of words[] */
	FT_SLUGS,	/* a repeatable checkbox group of slugs; value is their comma-joined sorted list */
	FT_SECRET	/* a password: min..max characters, never trimmed, never shown again */
};

/* How a stored value reads to a human (conflict pages, the audit log). */
enum record_show {
	SHOW_TEXT,	/* as it is; empty: "none" */
	SHOW_YESNO,	/* "1": yes, else no */
	SHOW_NAMES	/* comma-joined slugs, each shown by its name: the description's names(), else the
			 * language file's save.words.<entity>.<field>.<slug>, else the slug */
};

#define RECORD_MAX_FIELDS	16
#define RECORD_DIGEST_LEN	8	/* hex characters of one field's digest */
/* The digests of a form: one per field in description order, joined by '.' */
#define RECORD_DIGESTS_SIZE	(RECORD_MAX_FIELDS * (RECORD_DIGEST_LEN + 1) + 1)

struct record_field {
	const char		*name;		/* the form parameter, Form.<name>, the audit field */
	enum field_type		 type;
	int			 required;
	long long		 min;
	long long		 max;
	const char *const	*words;		/* FT_ENUM */
	const char		*label;		/* its language key: L.<label> */
	enum record_show	 show;
	const char		*empty;		/* stored when the form leaves it empty (NULL: nothing) */
};

/* A stored row: values as text in the description's field order (malloc'd; NULL when empty). */
struct record_row {
	long long	 id;
	long long	 version;
	long long	 owner;		/* the row it belongs to (its technopark; 0: none) */
	int		 n;
	char		*v[RECORD_MAX_FIELDS];
};

struct record_desc {
	const char			*entity;	/* the audit log's entity, and its name in --list-records */
	const char			*table;
	const char			*key;		/* the key column */
	const char			*version_col;
	const char			*access;	/* who may save it: the route's row-level rule, in words */
	const char			*form_path;	/* the edit form, {id} for the key (for generated tests) */
	const struct record_field	*fields;
	int				 n;
	/* Load row id: 1 found, 0 not found, -1 database error. Free with record_row_free. */
	int	(*load)(struct db *db, long long id, struct record_row *r);
	/*
	 * Write inside the caller's transaction with its audit rows (NULL: the admin form gives it, where
	 * writing needs what the model may not call, as Markdown rendering): action "create" (owner, values, *new_id)
	 * or "update" (id at version). 0, TP_ESTALE (someone saved first), TP_EINVALID, or a TP_E* code.
	 */
	int	(*write)(struct db *db, long long user_id, const char *action, long long id, long long owner,
		    long long version, const char *const *values, long long *new_id);
	/* SHOW_NAMES: a slug's name into out (size bytes); 0, or -1 (shown as the slug). May be NULL. */
	int	(*names)(struct db *db, const char *field, const char *slug, char *out, size_t size);
};

void	record_row_free(struct record_row *r);
/* Fill r with a loaded record's key, version, owner and its n values v (malloc'd, handed over: v[i] is
 * NULL afterwards). For the descriptions' load functions. */
void	record_row_take(struct record_row *r, long long id, long long version, long long owner, char **v, int n);

/* The digest of one field's stored value (NULL and "" alike) as RECORD_DIGEST_LEN hex characters. */
void	record_digest(const char *value, char out[RECORD_DIGEST_LEN + 1]);
/* The digests of every field of r, joined by '.' (what a form carries; RECORD_DIGESTS_SIZE bytes). */
void	record_digests(const struct record_desc *d, const char *const *values, char *out);

/* What record_merge decided for a field. */
enum merge_state {
	MERGE_STORED,	/* the user did not change it: the stored value stays */
	MERGE_MINE,	/* only the user changed it: the user's value is applied */
	MERGE_CONFLICT	/* both changed it, differently: the user chooses */
};

/*
 * Merge three ways: base (the digests the form was rendered with, as record_digests wrote them, or NULL
 * when the form carried none), stored (the row now), mine (the submitted values, normalized as stored).
 * out[i] gets the value to store (pointing into stored or mine), state[i] the decision. Without base,
 * base is the stored row when version is still current, else each field the user's value differs in
 * is a conflict. Returns the number of conflicts, or -1 when base is malformed.
 */
int	record_merge(const struct record_desc *d, const char *base, long long version,
	    const struct record_row *stored, const char *const *mine, const char **out, enum merge_state *state);
/* 1 when any value of out differs from stored's (there is something to write). */
int	record_changes(const struct record_desc *d, const struct record_row *stored, const char *const *out);
/* The field of d named name, or NULL. */
const struct record_field *record_field_named(const struct record_desc *d, const char *name, int *index);

/* Every description the portal has, NULL-terminated (model/records.c). */
extern const struct record_desc *const record_descs[];
/* Print the descriptions, one line a field (tpportal --list-records). */
void	record_list(FILE *fp);

#endif
