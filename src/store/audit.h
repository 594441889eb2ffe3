/* audit.h - the audit log: who changed which record when, field by field, in the same transaction. */
#ifndef TP_AUDIT_H
#define TP_AUDIT_H

struct db;

/*
 * Start an audit record for a change of entity/entity_id by user_id (0: a command-line tool).
 * tp_id: whose record (0: none). Sets *change_id. Returns 0 or DB_ERR. Call inside the change's transaction.
 */
int	audit_change(struct db *db, long long user_id, const char *action, const char *entity,
	    long long entity_id, long long tp_id, const char *note, long long *change_id);
/* Record one field's old and new value (NULL for none). 0 or DB_ERR. */
int	audit_field(struct db *db, long long change_id, const char *field, const char *old_value,
	    const char *new_value);
/* audit_change, then audit_field for each of the n fields (names[i]) whose old and new values
 * differ (olds or news may be NULL: all none). 0 or DB_ERR. */
int	audit_record(struct db *db, long long user_id, const char *action, const char *entity,
	    long long entity_id, long long tp_id, const char *note, const char *const *names,
	    const char *const *olds, const char *const *news, int n);
/* 1 when a and b differ (NULL and "" are equal: both mean "none"). */
int	audit_differs(const char *a, const char *b);

#endif
