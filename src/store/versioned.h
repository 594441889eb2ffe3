/*
 * versioned.h - a row edited through a form: read its fields as text, write it against the version the
 * form was made from (TP_ESTALE when someone saved first), and record the change field by field in the audit
 * log. Every write runs inside the caller's transaction, so the change and its audit rows commit together.
 */
#ifndef TP_VERSIONED_H
#define TP_VERSIONED_H

struct db;

#define VERSIONED_MAX_FIELDS	12

/*
 * How one table is edited. The SQL texts are literals:
 *  sql_load    SELECT id, version, <owner id>, f1, ..., fn FROM t WHERE id = ?
 *  sql_lock    the same with FOR UPDATE (used inside writes)
 *  sql_insert  INSERT INTO t (f1, ..., fn, <owner column>) VALUES (?, ..., ?, ?)
 *  sql_update  UPDATE t SET f1 = ?, ..., fn = ?, version = version + 1 WHERE id = ? AND version = ?
 *  sql_delete  DELETE FROM t WHERE id = ? AND version = ?
 * Values are bound as text (NULL or "" as SQL NULL); MariaDB converts them to the column's type.
 */
struct versioned_spec {
	const char		*entity;	/* the audit log's name for it */
	const char *const	*fields;	/* n names, in the SQL's order */
	int			 n;
	const char		*sql_load;
	const char		*sql_lock;
	const char		*sql_insert;
	const char		*sql_update;
	const char		*sql_delete;
};

struct versioned {
	long long	 id;
	long long	 version;
	long long	 owner;			/* the parent row (committee, meeting) */
	int		 n;
	char		*v[VERSIONED_MAX_FIELDS];	/* malloc'd; NULL when empty */
};

/* Load row id. Returns 1 found, 0 not found, -1 database error. Free with versioned_free. */
int	versioned_load(struct db *db, const struct versioned_spec *sp, long long id, struct versioned *r);
void	versioned_free(struct versioned *r);

/* 1 when values differ from r's in any field (NULL and "" are equal). */
int	versioned_changed(const struct versioned *r, const char *const *values);

/*
 * Create a row under owner with values and audit it ("create", every field). Sets *new_id.
 * Returns 0, or a TP_E* code.
 */
int	versioned_create(struct db *db, const struct versioned_spec *sp, long long user_id, long long owner,
	    const char *const *values, const char *note, long long *new_id);
/*
 * Update row id from version to values, auditing the fields that changed. Returns 0, TP_ESTALE when the
 * row's version is not version any more, TP_ENOTFOUND when it is gone, or another TP_E* code.
 */
int	versioned_update(struct db *db, const struct versioned_spec *sp, long long user_id, long long id,
	    long long version, const char *const *values, const char *note);
/* Delete row id at version, auditing its last values. 0, TP_ESTALE, TP_ENOTFOUND, or a TP_E* code. */
int	versioned_delete(struct db *db, const struct versioned_spec *sp, long long user_id, long long id,
	    long long version, const char *note);

/*
 * Audit action on entity id outside the table helpers: one audit_fields row for each field whose
 * old and new value differ (olds or news NULL: no values). 0 or -1.
 */
int	versioned_audit(struct db *db, long long user_id, const char *action, const char *entity, long long id,
	    const char *note, const char *const *names, const char *const *olds, const char *const *news, int n);

/*
 * Run a write with texts (as above) then ints bound in that order. Returns the rows it changed, or -1;
 * *new_id (may be NULL) gets the AUTO_INCREMENT id of an insert.
 */
long long versioned_exec(struct db *db, const char *sql, const char *const *texts, int ntexts,
	    const long long *ints, int nints, long long *new_id);

#endif
