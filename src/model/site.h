/*
 * site.h - the association's name and address that every page's layout shows, as one process-wide
 * snapshot: loaded on the first page that reaches the database, re-read when it is older than
 * SITE_REFRESH_SECONDS, so error pages (404, 405, 400) render it without a database round trip.
 */
#ifndef TP_SITE_H
#define TP_SITE_H

struct db;

#define SITE_REFRESH_SECONDS	60

struct site_info {
	int	loaded;		/* 0: never read yet (the database was away since start) */
	char	name[241];
	char	address[481];
};

/* Read the snapshot from the database when it was never read or is due; 0 or a TP_E* code. Thread-safe. */
int	site_refresh(struct db *db);
/* Force the next site_refresh to read (after SIGHUP, or a write to the association). */
void	site_invalidate(void);
/* A copy of the snapshot (out->loaded 0 when there is none yet). Thread-safe, no database. */
void	site_get(struct site_info *out);

#endif
