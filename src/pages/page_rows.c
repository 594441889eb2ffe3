/*
 * page_rows.c - rows of a query into the page's HDF under their column names: the handlers' one
 * bridge between store/db.h and view/ (the templates read Rows.N.column).
 */
#include <stdio.h>

#include "pages/page_rows.h"
#include "store/db.h"

int
page_row(HDF *hdf, const char *prefix, const struct db_stmt *st)
{
	char name[256];
	int i, n = db_col_count(st);

	for (i = 0; i < n; i++) {
		const char *v = db_col_text(st, i);

		if (v == NULL)
			continue;
		if ((size_t)snprintf(name, sizeof(name), "%s.%s", prefix, db_col_name(st, i)) >= sizeof(name))
			return -1;
		if (hdf_set_value(hdf, name, v) != STATUS_OK)
			return -1;
	}
	return 0;
}

int
page_rows(HDF *hdf, const char *prefix, struct db_stmt *st)
{
	char name[256];
	int rc, n = 0;

	while ((rc = db_step(st)) == DB_ROW) {
		if ((size_t)snprintf(name, sizeof(name), "%s.%d", prefix, n) >= sizeof(name) ||
		    page_row(hdf, name, st) != 0) {
			rc = DB_ERR;
			break;
		}
		n++;
	}
	db_reset(st);
	return rc == DB_DONE ? n : -1;
}

int
page_row_one(HDF *hdf, const char *prefix, struct db_stmt *st)
{
	int rc = db_step(st), n = 0;

	if (rc == DB_ROW)
		n = page_row(hdf, prefix, st) == 0 ? 1 : -1;
	else if (rc != DB_DONE)
		n = -1;
	db_reset(st);
	return n;
}
