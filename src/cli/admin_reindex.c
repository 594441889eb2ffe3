/*
 * admin_reindex.c - `tpportal-admin reindex`: rebuild the search index from the records, in batches of
 * ids, each batch its own transaction (src/store/search.c), with a progress bar on stderr; then recount
 * the index and refill its tier (search_tier_refresh). The portal may keep serving meanwhile: a batch reads the records without
 * locking them, and it holds the index's writer lock only while it runs, so the portals' indexers
 * apply the saves queued meanwhile between batches (Mroonga never has two writers).
 *
 *   tpportal-admin [-c conf] reindex [--if-empty] [--batch N] [members|people|news|committees ...]
 *
 * --if-empty does nothing when the index holds anything: tools/stack runs it after every migration,
 * so a new database (seed and demo rows are loaded with SQL, which indexes nothing) gets its index
 * and an existing one is left alone.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/admin.h"
#include "cli/admin_reindex.h"
#include "store/db.h"
#include "core/text.h"
#include "store/search.h"

#define BAR_WIDTH	30
#define RETRIES		3	/* a batch that meets a deadlock is tried again */

struct progress {
	int		tty;
	double		t0;
	long long	last_pct;
};

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Draw the bar: redrawn in place on a terminal, a line per 10% otherwise. */
static void
progress(struct progress *p, const char *what, long long done, long long total, long long indexed, int end)
{
	long long pct = total > 0 ? (done < total ? done : total) * 100 / total : 100;
	char bar[BAR_WIDTH + 1];
	int i, fill = (int)(pct * BAR_WIDTH / 100);

	if (!p->tty && ((!end && pct / 10 == p->last_pct / 10) || (end && pct == p->last_pct)))
		return;	/* not a terminal: a line per 10%, the last one once */
	p->last_pct = pct;
	for (i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "%s%-10s [%s] %3lld%%  %lld/%lld records  %lld indexed  %.1f s%s", p->tty ? "\r" : "",
	    what, bar, pct, done, total, indexed, now_s() - p->t0, p->tty && !end ? "" : "\n");
	fflush(stderr);
}

/* Re-index the ids lo..hi of kind, trying again after a deadlock. *n gets how many are live. */
static int
batch_range(struct db *db, enum search_kind kind, long long lo, long long hi, long long *n)
{
	int tries;

	for (tries = 0; search_reindex_range(db, kind, lo, hi, n) != 0; tries++)
		if (tries + 1 == RETRIES || db_ready(db) != 0) {
			fprintf(stderr, "\ntpportal-admin: re-indexing %s ids %lld-%lld failed\n", search_kind_name(kind), lo, hi);
			return -1;
		}
	return 0;
}

/* Re-index every record of kind in batches of ids that exist. The number now live, or -1. */
static long long
reindex_kind(struct db *db, enum search_kind kind, long long batch, struct progress *p)
{
	long long total = search_count(db, kind), done = 0, live = 0, lo = 1, hi, n, got;

	if (total < 0)
		return -1;
	p->last_pct = -1;
	progress(p, search_kind_name(kind), 0, total, 0, 0);
	for (;;) {
		if ((got = search_next_batch(db, kind, lo, batch, &hi)) < 0)
			return -1;
		if (hi >= lo && batch_range(db, kind, lo, hi, &n) != 0)
			return -1;
		if (hi >= lo)
			live += n;
		if (got == 0)
			break;
		done += got;
		lo = hi + 1;
		progress(p, search_kind_name(kind), done, total, live, 0);
	}
	progress(p, search_kind_name(kind), total, total, live, 1);
	return live;
}

int
admin_reindex(struct admin_ctx *ctx, int argc, char **argv)
{
	struct db *db = ctx->db;
	struct progress p = { isatty(STDERR_FILENO), now_s(), -1 };
	long long batch = 500, counts[SEARCH_NKINDS] = { 0 };
	int want[SEARCH_NKINDS] = { 0 }, any = 0, if_empty = 0, i;
	enum search_kind k;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--if-empty") == 0)
			if_empty = 1;
		else if (strcmp(argv[i], "--batch") == 0 && i + 1 < argc) {
			if (parse_ll(argv[++i], 1, 100000, &batch) != 0)
				return 2;
		} else if (search_kind_parse(argv[i], &k)) {
			want[k] = any = 1;
		} else
			return 2;
	}
	if (if_empty && search_max_doc_id(db) != 0) {
		printf("the search index is in use: nothing to do\n");
		return search_max_doc_id(db) < 0;
	}
	for (i = 0; i < SEARCH_NKINDS; i++) {
		if (any && !want[i])
			continue;
		if ((counts[i] = reindex_kind(db, (enum search_kind)i, batch, &p)) < 0)
			return 1;
	}
	if (search_tier_refresh(db) != 0) {
		fprintf(stderr, "tpportal-admin: recounting the index and refilling its tier failed\n");
		return 1;
	}
	printf("reindexed");
	for (i = 0; i < SEARCH_NKINDS; i++)
		if (!any || want[i])
			printf(" %s %lld", search_kind_name((enum search_kind)i), counts[i]);
	printf("; %.1f s\n", now_s() - p.t0);
	return 0;
}
