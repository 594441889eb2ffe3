/*
 * site.h - the association's name and address that every page's layout shows, as one process-wide
 * snapshot: read by every page that reaches the database (from store/db.c's reference snapshot, so
 * without a query while the association is unchanged: a write shows on the next page), and kept for
 * error pages (404, 405, 400), which render it without a database round trip.
 */
#ifndef TP_SITE_H
#define TP_SITE_H

struct db;

struct site_info {
	int	loaded;		/* 0: never read yet (the database was away since start) */
	char	name[241];
	char	address[481];
	char	name_en[451];	/* the English forms (issue 17), "" when there is none */
	char	address_en[481];
};

/* Read the snapshot (from the reference snapshot, or the database); 0 or a TP_E* code. Thread-safe. */
int	site_refresh(struct db *db);
/* Forget every kept reference result, so the next pages read the database (SIGHUP). */
void	site_invalidate(void);
/* A copy of the snapshot (out->loaded 0 when there is none yet). Thread-safe, no database. */
void	site_get(struct site_info *out);

#endif
