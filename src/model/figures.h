/* figures.h - the network figures of one year as a record description (model/record.h), for the save pipeline. */
#ifndef TP_FIGURES_H
#define TP_FIGURES_H

#include "model/record.h"

/* companies, employees, revenue (억 원), members; empty: unknown (NULL). The key is the year. */
enum { FIG_COMPANIES, FIG_EMPLOYEES, FIG_REVENUE, FIG_MEMBERS, FIG_NFIELDS };

extern const struct record_desc figures_record;

/*
 * A new year with its values (FIG_* order; NULL or empty: unknown), and its audit row ("create"), inside
 * the caller's transaction. 0, TP_EINVALID when the year is there already (even one saved a moment ago by
 * someone else: nothing written), or a TP_E* code.
 */
int	figures_create(struct db *db, long long user_id, long long year, const char *const *values);

#endif
