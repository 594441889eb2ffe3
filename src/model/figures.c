/* figures.c - one year's network figures: load, and write against its version with the audit rows. */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "model/figures.h"
#include "store/audit.h"
#include "store/db.h"

static const char *const names[FIG_NFIELDS] = { "companies", "employees", "revenue", "members" };

#define ONE_SELECT \
	"SELECT year, version, tenant_companies, employees, revenue_eok, member_count FROM network_figures WHERE year = ?"
static const char sql_one[] = ONE_SELECT;
static const char sql_one_locked[] = ONE_SELECT " FOR UPDATE";
/* Numbers the secretariat enters are its own: the seed's source no longer vouches for the row. */
/* The numbers are the writing account's: a demo account's are demo data, a real account's are not (sql/046). */
#define AUTHOR_DEMO	"COALESCE((SELECT u.is_demo FROM users u WHERE u.id = ?), 0)"
static const char sql_update[] =
	"UPDATE network_figures SET tenant_companies = ?, employees = ?, revenue_eok = ?, member_count = ?, "
	"source_id = NULL, is_demo = " AUTHOR_DEMO ", version = version + 1 WHERE year = ? AND version = ?";

/* INSERT IGNORE: a year that exists already (even one saved a moment ago by someone else) inserts nothing. */
static const char sql_insert[] =
	"INSERT IGNORE INTO network_figures (tenant_companies, employees, revenue_eok, member_count, year, is_demo) "
	"VALUES (?, ?, ?, ?, ?, " AUTHOR_DEMO ")";

/* Year's row with sql (which may lock) into r: 1, 0, or -1. */
static int
load(struct db *db, const char *sql, long long year, struct record_row *r)
{
	struct db_stmt *st = db_prepare(db, sql);
	char *v[FIG_NFIELDS] = { NULL };
	int rc, i, found = 0;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, year);
	if ((rc = db_step(st)) == DB_ROW) {
		found = 1;
		for (i = 0; i < FIG_NFIELDS; i++)
			if (db_col_text(st, 2 + i) != NULL && (v[i] = strdup(db_col_text(st, 2 + i))) == NULL)
				found = -1;
		record_row_take(r, db_col_int(st, 0), db_col_int(st, 1), 0, v, FIG_NFIELDS);
	}
	db_reset(st);
	for (i = 0; i < FIG_NFIELDS; i++)
		free(v[i]);
	if (rc == DB_ERR || found < 0) {
		record_row_free(r);
		return -1;
	}
	return found;
}

static int
figures_load(struct db *db, long long year, struct record_row *r)
{
	return load(db, sql_one, year, r);
}

int
figures_create(struct db *db, long long user_id, long long year, const char *const *values)
{
	struct db_stmt *st = db_prepare(db, sql_insert);
	unsigned long long n = 0;
	int i;

	if (st == NULL)
		return db_err(db);
	for (i = 0; i < FIG_NFIELDS; i++)
		db_bind_text(st, i, values[i] != NULL && *values[i] != '\0' ? values[i] : NULL);
	db_bind_int(st, FIG_NFIELDS, year);
	db_bind_int(st, FIG_NFIELDS + 1, user_id);
	if (db_write(st, &n, NULL) != 0)
		return db_err(db);
	if (n == 0)
		return TP_EINVALID;	/* the year is there already */
	return audit_record(db, user_id, "create", "network_figures", year, 0, NULL, names, NULL, values,
	    FIG_NFIELDS) == 0 ? 0 : db_err(db);
}

/* record_desc.write: an update of year at version (a year is added by figures_create, through the list's
 * own form: its key, the year, is typed in it). */
static int
figures_write(struct db *db, long long user_id, const char *action, long long year, long long owner,
    long long version, const char *const *values, long long *new_id)
{
	struct record_row cur;
	struct db_stmt *st;
	int rc, i;

	(void)owner;
	(void)new_id;
	if (strcmp(action, "update") != 0)
		return TP_EINVALID;
	if ((rc = load(db, sql_one_locked, year, &cur)) <= 0)
		return rc < 0 ? db_err(db) : TP_ENOTFOUND;
	rc = TP_ESTALE;
	if (cur.version != version)
		goto out;
	rc = db_err(db);
	if ((st = db_prepare(db, sql_update)) == NULL)
		goto out;
	for (i = 0; i < FIG_NFIELDS; i++)
		db_bind_text(st, i, values[i] != NULL && *values[i] != '\0' ? values[i] : NULL);
	db_bind_int(st, FIG_NFIELDS, user_id);
	db_bind_int(st, FIG_NFIELDS + 1, year);
	db_bind_int(st, FIG_NFIELDS + 2, version);
	if ((i = db_step(st)) != DB_DONE || db_affected(st) != 1) {
		db_reset(st);
		rc = i == DB_DONE ? TP_ESTALE : db_err(db);
		goto out;
	}
	db_reset(st);
	rc = audit_record(db, user_id, "update", "network_figures", year, 0, NULL, names,
	    (const char *const *)cur.v, values, FIG_NFIELDS) == 0 ? 0 : db_err(db);
out:
	record_row_free(&cur);
	return rc;
}

static const struct record_field figures_fields[FIG_NFIELDS] = {
	{ "companies",	FT_INT, 0, 0, 10000000, NULL, "stats.field.companies", SHOW_TEXT, NULL },
	{ "employees",	FT_INT, 0, 0, 100000000, NULL, "stats.field.employees", SHOW_TEXT, NULL },
	{ "revenue",	FT_INT, 0, 0, 1000000000, NULL, "stats.field.revenue", SHOW_TEXT, NULL },
	{ "members",	FT_INT, 0, 0, 255, NULL, "stats.field.members", SHOW_TEXT, NULL },
};

const struct record_desc figures_record = {
	"network_figures", "network_figures", "year", "version",
	"the secretariat (ACC_SECRETARIAT)",
	"/admin/stats/{id}",
	figures_fields, FIG_NFIELDS,
	figures_load, figures_write, NULL
};
