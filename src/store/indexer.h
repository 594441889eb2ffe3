/*
 * indexer.h - the portal's search indexer: one thread with a database connection of its own that
 * applies committed search_queue rows to the index (store/search.h), one at a time.
 *
 * It runs right after a save of this process commits work (indexer_wake, called by the COMMIT that
 * follows search_sync), and every INDEXER_POLL_MS besides, to see what other processes queued. Every
 * process may run one: they take turns under the index's writer lock, and each row is taken by one.
 */
#ifndef TP_INDEXER_H
#define TP_INDEXER_H

struct conf;

#define INDEXER_POLL_MS	250	/* look at the queue this often when nobody woke the indexer */

/* Start the thread (before the workers). The conf must outlive it. 0, or -1 (logged). */
int	indexer_start(const struct conf *c);
/* Ask the indexer to look at the queue now. Cheap, never blocks for long; a no-op without the thread. */
void	indexer_wake(void);
/* Stop the thread after the row it is applying, and wait for it. */
void	indexer_stop(void);

#endif
