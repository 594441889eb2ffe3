/*
 * indexer.c - the search indexer thread: sleeps on a condition variable until a save's COMMIT wakes it
 * (or INDEXER_POLL_MS pass), then, when the queue holds work, takes the index's writer lock and applies
 * rows one at a time until the queue is empty (or DRAIN_MAX rows, to give other processes a turn).
 *
 * With several database nodes (db_nodes: a Galera cluster, docs/ha.md) every node keeps its own index,
 * so there is one such thread per node, each connected to its node only (db_pin_node) and taking the
 * node's own writer lock (GET_LOCK is local to a node): every portal process runs one per node, and on
 * each node one of them at a time applies the queue to that node's index.
 */
#include <pthread.h>
#include <time.h>

#include "core/conf.h"
#include "core/log.h"
#include "store/db.h"
#include "store/dbnodes.h"
#include "store/indexer.h"
#include "store/library_text.h"
#include "store/search.h"

#define DRAIN_MAX	200	/* rows per turn under the writer lock */
#define LOCK_WAIT_S	2	/* another process's indexer holds the lock: wait this long, then look again */
#define BACKOFF_MS	1000	/* after a failure (the database away, a row that failed) */
#define PRUNE_S		600	/* on a Galera node, prune the queue this often (search_queue_node_upkeep) */

struct indexer {
	pthread_t		 thread;
	const struct conf	*conf;
	int			 node;		/* db_pin_node's node, -1: the process's own connection rule */
	unsigned long		 seen;		/* the wake count this thread last looked at */
};

static pthread_mutex_t	 mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 cv;
static struct indexer	 indexers[DB_NODES_MAX];
static int		 nindexers, running, stopping;
static unsigned long	 wakes;

void
indexer_wake(void)
{
	pthread_mutex_lock(&mu);
	wakes++;
	if (running)
		pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
}

/* Wait until woken, stopped or ms pass. Returns 0 to go on, -1 to stop. */
static int
wait_for_work(struct indexer *ix, long ms)
{
	struct timespec until;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&mu);
	while (ix->seen == wakes && !stopping)
		if (pthread_cond_timedwait(&cv, &mu, &until) != 0)
			break;	/* timed out: poll */
	ix->seen = wakes;
	rc = stopping ? -1 : 0;
	pthread_mutex_unlock(&mu);
	return rc;
}

static int
is_stopping(void)
{
	int s;

	pthread_mutex_lock(&mu);
	s = stopping;
	pthread_mutex_unlock(&mu);
	return s;
}

/* One turn: apply what the queue holds. 0 when done (or nothing to do), 1 when more is left, -1 on failure. */
static int
drain(struct db *db, const char *upload_dir, time_t *pruned)
{
	int rc, n = 0, galera, prune = 0, more = 0;

	/* the library's PDFs first (bounded, a few a turn): their documents are then queued with their text.
	 * upload_dir is NULL for the indexers of the other database nodes: the text is stored in replicated
	 * InnoDB rows, so one indexer extracts it for all (store/library_text.h) */
	if (upload_dir != NULL) {
		if ((rc = library_text_extract(db, upload_dir)) < 0)
			return -1;
		more = rc == LIBRARY_TEXT_TURN;	/* more files wait: come back at once */
	}
	if ((galera = search_queue_galera(db)) < 0 || (rc = search_queue_pending(db, galera)) < 0)
		return -1;
	if (galera && time(NULL) - *pruned >= PRUNE_S)
		prune = 1;
	else if (rc == 0)
		return more;
	if ((rc = search_writer_lock(db, LOCK_WAIT_S)) != 1)
		return rc == 0 ? 1 : -1;	/* another process's turn: look again soon */
	while (n < DRAIN_MAX && !is_stopping() && (rc = search_apply_next(db, galera)) == 1)
		n++;
	/* the pages that show the index (/search) are made again: once a turn, not in each row's transaction */
	if (n > 0 && db_bump_data(db) != 0)
		log_warn("indexer: the data generation could not be moved on after indexing");
	if (galera && rc >= 0) {
		if (search_queue_node_upkeep(db, prune) != 0)
			log_warn("indexer: the node's queue mark could not be moved (tried again later)");
		else if (prune)
			*pruned = time(NULL);
	}
	search_writer_unlock(db);
	if (n > 0)
		log_debug("indexer: %d queued record(s) indexed", n);
	if (rc < 0) {
		log_warn("indexer: a queued record could not be indexed (tried again later)");
		return -1;
	}
	return n == DRAIN_MAX ? 1 : 0;
}

static void *
indexer_main(void *arg)
{
	struct indexer *ix = arg;
	struct db *db;
	long wait_ms = 0;
	time_t pruned = 0;
	int rc, away = 0, refreshed = 0;

	if (db_thread_init() != 0 || (db = db_new(ix->conf)) == NULL) {
		log_err("indexer: cannot start");
		return NULL;
	}
	if (ix->node >= 0)
		db_pin_node(db, ix->node);
	while (wait_for_work(ix, wait_ms) == 0) {
		if (db_ready(db) != 0) {
			if (ix->node >= 0 && !away)
				log_warn("indexer: database node %d is away; its index is brought up to date when it is back",
				    ix->node + 1);
			away = 1;
			wait_ms = BACKOFF_MS;
			continue;
		}
		if (away && ix->node >= 0)
			log_info("indexer: database node %d is back", ix->node + 1);
		away = 0;
		if (!refreshed) {	/* after a migration or a restore the tier may be empty (this node's index) */
			if (search_tier_refresh(db) != 0) {
				log_warn("indexer: recounting the index and filling its tier failed (tried again)");
				wait_ms = BACKOFF_MS;
				continue;
			}
			refreshed = 1;
		}
		rc = drain(db, ix->node <= 0 ? ix->conf->upload_dir : NULL, &pruned);
		wait_ms = rc > 0 ? 0 : rc < 0 ? BACKOFF_MS : INDEXER_POLL_MS;
	}
	db_free(db);
	db_thread_end();
	return NULL;
}

int
indexer_start(const struct conf *c)
{
	pthread_condattr_t ca;
	int i, n = 1;

	if (pthread_condattr_init(&ca) != 0 || pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) != 0 ||
	    pthread_cond_init(&cv, &ca) != 0) {
		log_err("indexer: cannot make its condition variable");
		return -1;
	}
	pthread_condattr_destroy(&ca);
	if (c->db_nodes != NULL) {
		struct db_node nodes[DB_NODES_MAX];
		const char *bad;

		n = db_nodes_parse(c->db_nodes, nodes, DB_NODES_MAX, &bad);
	}
	pthread_mutex_lock(&mu);
	running = 1;
	pthread_mutex_unlock(&mu);
	for (i = 0; i < (n > 1 ? n : 1); i++) {
		indexers[i].conf = c;
		indexers[i].node = n > 1 ? i : -1;
		if (pthread_create(&indexers[i].thread, NULL, indexer_main, &indexers[i]) != 0) {
			log_err("indexer: cannot start its thread");
			indexer_stop();
			return -1;
		}
		nindexers = i + 1;
	}
	return 0;
}

void
indexer_stop(void)
{
	int i;

	pthread_mutex_lock(&mu);
	if (!running) {
		pthread_mutex_unlock(&mu);
		return;
	}
	stopping = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	for (i = 0; i < nindexers; i++)
		pthread_join(indexers[i].thread, NULL);
	nindexers = 0;
	running = 0;
}
