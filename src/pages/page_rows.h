/* page_rows.h - query rows into the page's HDF (handlers only). */
#ifndef TP_PAGE_ROWS_H
#define TP_PAGE_ROWS_H

#include "view/cs.h"

struct db_stmt;

/* Set prefix.<column name> = value for each non-NULL column of st's current row. Returns 0 or -1. */
int	page_row(HDF *hdf, const char *prefix, const struct db_stmt *st);
/* Run st (already bound), store each row under prefix.0, prefix.1, ..., then reset st. Returns the row count, or -1. */
int	page_rows(HDF *hdf, const char *prefix, struct db_stmt *st);
/* Run st (already bound) and store its first row under prefix, then reset st. 1 if a row, 0 if none, -1. */
int	page_row_one(HDF *hdf, const char *prefix, struct db_stmt *st);

#endif
