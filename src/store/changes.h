/* changes.h - change requests: a member admin's proposed change, kept until the secretariat decides. */
#ifndef TP_CHANGES_H
#define TP_CHANGES_H

struct db;

/*
 * Record a change request with its fields (old and proposed values; NULL means none) and its
 * audit entry ("submit"), inside the caller's transaction. entity: "technopark" or "person";
 * action: "create", "update" or "delete"; entity_id 0 for a create; base_version the record's
 * version the change was made against (0 for a create). Sets *id. Returns 0 or DB_ERR.
 */
int	changes_submit(struct db *db, long long user_id, long long tp_id, const char *entity,
	    long long entity_id, const char *action, long long base_version, const char *const *fields,
	    const char *const *old_values, const char *const *new_values, int nfields, long long *id);
/*
 * Withdraw pending request id (at version) on behalf of its submitter user_id, with its audit entry
 * ("withdraw"; note: why, NULL when the submitter asked), inside the caller's transaction. tp_id: the
 * request's technopark. Returns 0, TP_ESTALE (decided, withdrawn, changed since, or not the
 * submitter's) or DB_ERR.
 */
int	changes_withdraw(struct db *db, long long user_id, long long id, long long version, long long tp_id,
	    const char *note);

#endif
