/* site.c - the process-wide snapshot of the association's name and address for the page layout. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "model/site.h"
#include "store/db.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct site_info snapshot;

/* Reference data: answered from store/db.c's snapshot while no one wrote the association. */
static const char sql_site[] = "SELECT name_ko, address, name_en, address_en FROM association WHERE id = 1";

int
site_refresh(struct db *db)
{
	struct site_info fresh;
	struct db_stmt *st;
	int rc;

	memset(&fresh, 0, sizeof(fresh));
	if ((st = db_prepare(db, sql_site)) == NULL)
		return db_err(db);
	if ((rc = db_step(st)) == DB_ROW) {
		snprintf(fresh.name, sizeof(fresh.name), "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
		snprintf(fresh.address, sizeof(fresh.address), "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
		snprintf(fresh.name_en, sizeof(fresh.name_en), "%s", db_col_text(st, 2) ? db_col_text(st, 2) : "");
		snprintf(fresh.address_en, sizeof(fresh.address_en), "%s", db_col_text(st, 3) ? db_col_text(st, 3) : "");
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	fresh.loaded = 1;	/* no association row (an empty database) is a snapshot too: the layout's defaults */
	pthread_mutex_lock(&lock);
	snapshot = fresh;
	pthread_mutex_unlock(&lock);
	return 0;
}

void
site_invalidate(void)
{
	db_snapshot_clear();
}

void
site_get(struct site_info *out)
{
	pthread_mutex_lock(&lock);
	*out = snapshot;
	pthread_mutex_unlock(&lock);
}
