/* site.c - the process-wide snapshot of the association's name and address for the page layout. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "model/site.h"
#include "store/db.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct site_info snapshot;
static time_t read_at;		/* when snapshot was read; 0: due */

static const char sql_site[] = "SELECT name_ko, address FROM association WHERE id = 1";

/* 1 when the snapshot should be read again now. */
static int
due(time_t now)
{
	int d;

	pthread_mutex_lock(&lock);
	d = read_at == 0 || now - read_at >= SITE_REFRESH_SECONDS || now < read_at;
	pthread_mutex_unlock(&lock);
	return d;
}

int
site_refresh(struct db *db)
{
	struct site_info fresh;
	struct db_stmt *st;
	time_t now = time(NULL);
	int rc;

	if (!due(now))
		return 0;
	memset(&fresh, 0, sizeof(fresh));
	if ((st = db_prepare(db, sql_site)) == NULL)
		return db_err(db);
	if ((rc = db_step(st)) == DB_ROW) {
		snprintf(fresh.name, sizeof(fresh.name), "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
		snprintf(fresh.address, sizeof(fresh.address), "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(db);
	fresh.loaded = 1;	/* no association row (an empty database) is a snapshot too: the layout's defaults */
	pthread_mutex_lock(&lock);
	snapshot = fresh;
	read_at = now;
	pthread_mutex_unlock(&lock);
	return 0;
}

void
site_invalidate(void)
{
	pthread_mutex_lock(&lock);
	read_at = 0;
	pthread_mutex_unlock(&lock);
}

void
site_get(struct site_info *out)
{
	pthread_mutex_lock(&lock);
	*out = snapshot;
	pthread_mutex_unlock(&lock);
}
