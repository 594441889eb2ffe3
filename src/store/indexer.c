/*
 * indexer.c - the search indexer thread: sleeps on a condition variable until a save's COMMIT wakes it
 * (or INDEXER_POLL_MS pass), then, when the queue holds work, takes the index's writer lock and applies
 * rows one at a time until the queue is empty (or DRAIN_MAX rows, to give other processes a turn).
 */
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "core/conf.h"
#include "core/log.h"
#include "store/db.h"
#include "store/indexer.h"
#include "store/library_text.h"
#include "store/search.h"

#define DRAIN_MAX	200	/* rows per turn under the writer lock */
#define LOCK_WAIT_S	2	/* another process's indexer holds the lock: wait this long, then look again */
#define BACKOFF_MS	1000	/* after a failure (the database away, a row that failed) */

static pthread_mutex_t	 mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 cv;
static pthread_t	 thread;
static int		 running, stopping, woken;

void
indexer_wake(void)
{
	pthread_mutex_lock(&mu);
	woken = 1;
	if (running)
		pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
}

/* Wait until woken, stopped or ms pass. Returns 0 to go on, -1 to stop. */
static int
wait_for_work(long ms)
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
	while (!woken && !stopping)
		if (pthread_cond_timedwait(&cv, &mu, &until) != 0)
			break;	/* timed out: poll */
	woken = 0;
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
drain(struct db *db, const struct conf *c)
{
	int rc, n = 0, more;

	/* the library's PDFs first (bounded, a few a turn): their documents are then queued with their text */
	if ((rc = library_text_extract(db, c->upload_dir)) < 0)
		return -1;
	more = rc == LIBRARY_TEXT_TURN;	/* more files wait: come back at once */
	if ((rc = search_queue_pending(db)) <= 0)
		return rc < 0 ? rc : more;
	if ((rc = search_writer_lock(db, LOCK_WAIT_S)) != 1)
		return rc == 0 ? 1 : -1;	/* another process's turn: look again soon */
	while (n < DRAIN_MAX && !is_stopping() && (rc = search_apply_next(db)) == 1)
		n++;
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
	const struct conf *c = arg;
	struct db *db;
	long wait_ms = 0;
	int rc;

	if (db_thread_init() != 0 || (db = db_new(c)) == NULL) {
		log_err("indexer: cannot start");
		return NULL;
	}
	while (wait_for_work(wait_ms) == 0) {
		if (db_ready(db) != 0) {
			wait_ms = BACKOFF_MS;
			continue;
		}
		rc = drain(db, c);
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

	if (pthread_condattr_init(&ca) != 0 || pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) != 0 ||
	    pthread_cond_init(&cv, &ca) != 0) {
		log_err("indexer: cannot make its condition variable");
		return -1;
	}
	pthread_condattr_destroy(&ca);
	pthread_mutex_lock(&mu);
	running = 1;
	pthread_mutex_unlock(&mu);
	if (pthread_create(&thread, NULL, indexer_main, (void *)(uintptr_t)c) != 0) {
		log_err("indexer: cannot start its thread");
		running = 0;
		return -1;
	}
	return 0;
}

void
indexer_stop(void)
{
	pthread_mutex_lock(&mu);
	if (!running) {
		pthread_mutex_unlock(&mu);
		return;
	}
	stopping = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
	pthread_join(thread, NULL);
	running = 0;
}
