/*
 * staging.h - the upload folder's staging files (".<stored>.part", model/attach.c): a file being received
 * or moved into place. One that a killed process left behind is swept after STAGING_MAX_AGE seconds, at
 * start and then at most every STAGING_SWEEP_EVERY seconds (staging_sweep_due).
 */
#ifndef TP_STAGING_H
#define TP_STAGING_H

#include <time.h>

#define STAGING_MAX_AGE		3600	/* an hour: no upload takes that long */
#define STAGING_SWEEP_EVERY	600

/* Remove the staging files in dir last changed before now - max_age. Returns how many, or -1 (dir unreadable). */
int	staging_sweep(const char *dir, time_t max_age, time_t now);
/* 1 once per STAGING_SWEEP_EVERY seconds of this process (thread-safe): the caller sweeps then. */
int	staging_sweep_due(time_t now);

#endif
