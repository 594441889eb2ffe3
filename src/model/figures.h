/* figures.h - the network figures of one year as a record description (model/record.h), for the save pipeline. */
#ifndef TP_FIGURES_H
#define TP_FIGURES_H

#include "model/record.h"

/* companies, employees, revenue (억 원), members; empty: unknown (NULL). The key is the year. */
enum { FIG_COMPANIES, FIG_EMPLOYEES, FIG_REVENUE, FIG_MEMBERS, FIG_NFIELDS };

extern const struct record_desc figures_record;

#endif
