/*
 * pagecache.h - conditional GET and the exact page cache (issue 16).
 *
 * A public page (a GET or HEAD of an ACC_PUBLIC route: pages, feeds, the CSV) is named by its route's
 * path, its checked parameters in a canonical order and its audience: anonymous, or signed in with a
 * role (and technopark, and for a committee secretary the account, since their pages differ). With
 * the data generation (store/db.h db_generation) that name makes
 * - the ETag (with the session's own token for a signed-in reader, whose page carries it), so a
 *   browser's copy is answered 304 while nothing was written;
 * - the key of the rendered page kept in memory, valid only while the generation it was built at is
 *   current: a write anywhere moves the generation on, so no kept page is ever older than the last
 *   committed write. The signed-in name and form token are slots filled per request.
 * Both also hold the clock minute: pages compare times of whole minutes (meetings, pins), so a page
 * made in one minute is made again in the next.
 */
#ifndef TP_PAGECACHE_H
#define TP_PAGECACHE_H

#include <stddef.h>

#include "core/buf.h"
#include "http/request.h"

/* Markers the layout gets instead of the signed-in reader's values while a page is being kept. */
#define PAGECACHE_NAME_SLOT	"tpSlotName7f3a9c"
#define PAGECACHE_CSRF_SLOT	"tpSlotCsrf7f3a9c"

/* The memory bound of kept pages in bytes; 0 turns keeping off (conditional GET stays). Thread-safe. */
void	pagecache_set_limit(size_t bytes);

/*
 * After the dispatcher admitted rq (route, parameters, session): for a public page, set its ETag and
 * answer 304 when the reader's copy is current, or 200 with the kept page in rq->raw; else 0 (the
 * handler runs; a page being kept is marked for pagecache_finish). A TP_E* code when the generation
 * cannot be read.
 */
int	pagecache_begin(struct request *rq);
/* 1 while rq's page is being rendered to be kept: the layout takes the slots' markers. */
int	pagecache_recording(const struct request *rq);
/*
 * After rendering: keep body (status 200) when rq was marked, then fill the slots in body for this
 * reader. 0 or -1 (ENOMEM: body is then the error text's to replace).
 */
int	pagecache_finish(struct request *rq, int status, struct buf *body);

/* Kept pages, their bytes, hits, misses, 304s so far (the SIGUSR1 status line). */
void	pagecache_stats(size_t *entries, size_t *bytes, unsigned long *hits, unsigned long *misses,
	    unsigned long *not_modified);
/* Forget every kept page (tests). */
void	pagecache_clear(void);

#endif
