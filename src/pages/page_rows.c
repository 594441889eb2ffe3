/*
 * page_rows.c - rows of a query into the page's HDF under their column names: the handlers' one
 * bridge between store/db.h and view/ (the templates read Rows.N.column).
 *
 * A page sets a few hundred values this way, so the names are not formatted and walked from the
 * root each time: the list's node is found once, each row's node once, and a column is set below its
 * row by its bare name (callgrind: a quarter of a cold page's instructions went to snprintf and the
 * walk before).
 */
#include <stdio.h>

#include "pages/page_rows.h"
#include "store/db.h"

/* The node name of row n ("0", "1", ...) into buf (at least 12 bytes). */
static const char *
row_name(int n, char *buf)
{
	char *p = buf + 11;

	*p = '\0';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	return p;
}

/* The node at name below hdf, made when missing; NULL when out of memory. */
static HDF *
node(HDF *hdf, const char *name)
{
	HDF *n = NULL;
	NEOERR *err = hdf_get_node(hdf, name, &n);

	if (err != STATUS_OK) {
		nerr_ignore(&err);
		return NULL;
	}
	return n;
}

/* Each non-NULL column of st's current row below row, by its column name. 0 or -1. */
static int
row_into(HDF *row, const struct db_stmt *st)
{
	int i, n = db_col_count(st);

	for (i = 0; i < n; i++) {
		const char *v = db_col_text(st, i);
		NEOERR *err;

		if (v == NULL)
			continue;
		if ((err = hdf_set_value(row, db_col_name(st, i), v)) != STATUS_OK) {
			nerr_ignore(&err);
			return -1;
		}
	}
	return 0;
}

int
page_row(HDF *hdf, const char *prefix, const struct db_stmt *st)
{
	HDF *row = node(hdf, prefix);

	return row != NULL ? row_into(row, st) : -1;
}

int
page_rows(HDF *hdf, const char *prefix, struct db_stmt *st)
{
	HDF *list = NULL, *row;
	char num[12];
	int rc, n = 0;

	while ((rc = db_step(st)) == DB_ROW) {
		if ((list == NULL && (list = node(hdf, prefix)) == NULL) ||
		    (row = node(list, row_name(n, num))) == NULL || row_into(row, st) != 0) {
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

int
page_lists(HDF *hdf, struct db_stmt *st, int keys, struct page_list *lists, int nlists)
{
	HDF *list, *row;
	char num[12];
	int rc, k, i, ncols = db_col_count(st);

	for (k = 0; k < nlists; k++)
		lists[k].count = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		k = (int)db_col_int(st, 0);
		if (k < 0 || k >= nlists || (list = node(hdf, lists[k].prefix)) == NULL ||
		    (row = lists[k].one ? list : node(list, row_name(lists[k].count, num))) == NULL) {
			rc = DB_ERR;
			break;
		}
		/* column 0 is the list, the keys its order */
		for (i = 0; (lists[k].cols == NULL || lists[k].cols[i] != NULL) && 1 + keys + i < ncols; i++) {
			const char *v = db_col_text(st, 1 + keys + i);
			const char *name = lists[k].cols != NULL ? lists[k].cols[i] : db_col_name(st, 1 + keys + i);
			NEOERR *err;

			if (v != NULL && (err = hdf_set_value(row, name, v)) != STATUS_OK) {
				nerr_ignore(&err);
				rc = DB_ERR;
				break;
			}
		}
		if (rc == DB_ERR)
			break;
		lists[k].count++;
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : -1;
}
