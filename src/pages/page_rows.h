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

/*
 * Several short lists in one statement, one round trip (issue 16: at most three queries for a page):
 * a UNION ALL whose first column is the list's index into lists, the next `keys` columns the keys
 * the statement is ordered by (ORDER BY the index, then the keys: each branch fills its own and
 * leaves the others' NULL, so that every key compares values of one type), then that list's columns,
 * named by lists[k].cols (NULL-ended; a branch pads the columns after its own with NULL; NULL: every
 * column after the keys, by the statement's names, for branches that share their columns). Each list
 * goes under its prefix as page_rows stores it (with one set: its one row under the prefix itself, as
 * page_row_one stores it), and lists[k].count says how many rows it got.
 * Resets st. 0 or -1. (ROW_NUMBER() as the order column doubled MariaDB's work: a sort per branch.)
 */
struct page_list {
	const char		*prefix;
	const char *const	*cols;
	int			 one;
	int			 count;
};
int	page_lists(HDF *hdf, struct db_stmt *st, int keys, struct page_list *lists, int nlists);

#endif
