/* log.h - one-line log records on stderr: level, thread, message. */
#ifndef TP_LOG_H
#define TP_LOG_H

#include <pthread.h>
#include <stddef.h>

enum { LOG_ERR, LOG_WARN, LOG_INFO, LOG_DEBUG };

void	log_set_level(int level);
/*
 * Send the log (and anything else written to stderr) to path, appended, made 0640 when missing: the
 * file is opened and put in place of fd 2 with dup2, so a thread writing at that moment writes whole
 * lines to one file or the other. Called at start and on SIGHUP (after a rotation renamed the file).
 * Returns 0, or -1 with errno set and the log left where it was.
 */
int	log_open_file(const char *path);
/* "error", "warn", "info" or "debug" (levels out of range are clamped). */
const char *log_level_name(int level);
void	log_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * A failure that repeats on every request (the database away, under load) must not write a line
 * per request: the first occurrence is logged in full, the ones after it are only counted, and a
 * summary line ("database unreachable: 1,234 requests answered 503 in the last 10 s") is written
 * at most once per period; the period doubles from LOG_FLOOD_FIRST to LOG_FLOOD_MAX seconds while
 * the failure lasts. Safe from any thread. Define one with LOG_FLOOD_INIT.
 */
#define LOG_FLOOD_FIRST	10
#define LOG_FLOOD_MAX	300

struct log_flood {
	pthread_mutex_t	 lock;
	const char	*what;		/* "database unreachable" */
	const char	*counted;	/* what a hit is, in the plural: "requests answered 503" */
	double		 started;	/* monotonic seconds: the failure's first hit; 0 while all is well */
	double		 period_start;
	int		 period;	/* seconds until the next summary */
	unsigned long	 in_period, total;
};

#define LOG_FLOOD_INIT(what, counted) { PTHREAD_MUTEX_INITIALIZER, (what), (counted), 0, 0, 0, 0, 0 }

/* One occurrence: the first of a failure is logged at level with fmt, later ones are counted. */
void	log_flood_hit(struct log_flood *f, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The failure is over: if there was one, log how long it lasted and how many hits it had. */
void	log_flood_end(struct log_flood *f);
/* n with a comma every three digits ("1,234") into buf; returns buf. Exported for tests. */
char	*log_thousands(unsigned long n, char *buf, size_t size);

#define log_err(...)	log_msg(LOG_ERR, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...)	log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
