/* log.c - one-line log records on stderr (or log_file, which takes fd 2's place), safe to call from any thread at once; repeated failures are counted, not repeated. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

/*
 * One record must fit one write(2): up to PIPE_BUF (4096 on Linux) a write to a pipe is atomic,
 * so lines from different threads never interleave. Longer messages are cut.
 */
#define LOG_LINE_MAX	4096

/*
 * The only shared state, and it is atomic: the level (set once at startup, read by every thread)
 * and the counter that hands each thread a small number on its first record.
 */
static atomic_int	 log_level = LOG_INFO;
static atomic_uint	 log_next_thread = 1;
static _Thread_local unsigned int log_thread;

static const char *const level_words[] = { "error", "warn", "info", "debug" };

int
log_open_file(const char *path)
{
	int fd, err;

	if ((fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0640)) < 0)
		return -1;
	if (dup2(fd, STDERR_FILENO) < 0) {
		err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	close(fd);
	return 0;
}

/* Records above level are dropped; out-of-range levels are clamped. */
void
log_set_level(int level)
{
	if (level < LOG_ERR)
		level = LOG_ERR;
	if (level > LOG_DEBUG)
		level = LOG_DEBUG;
	atomic_store(&log_level, level);
}

const char *
log_level_name(int level)
{
	return level_words[level < LOG_ERR ? LOG_ERR : level > LOG_DEBUG ? LOG_DEBUG : level];
}

static unsigned int
thread_number(void)
{
	if (log_thread == 0)
		log_thread = atomic_fetch_add(&log_next_thread, 1);
	return log_thread;
}

/* Write the prefix "2025-01-31T12:00:00Z info [3] " to line; returns its length. */
static size_t
format_prefix(char *line, size_t size, int level)
{
	struct timespec	 ts;
	struct tm	 tm;
	size_t		 n;
	int		 k;

	if (clock_gettime(CLOCK_REALTIME, &ts) == -1 || gmtime_r(&ts.tv_sec, &tm) == NULL ||
	    (n = strftime(line, size, "%Y-%m-%dT%H:%M:%SZ", &tm)) == 0)
		n = 0;
	k = snprintf(line + n, size - n, " %s [%u] ", level_words[level], thread_number());
	if (k < 0)
		return n;
	return (size_t)k >= size - n ? size - 1 : n + (size_t)k;
}

/*
 * Replace control characters (and DEL) with '?': messages quote request data, and a raw
 * newline or carriage return in it could forge a second, fake log record.
 */
static void
defang(char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			s[i] = '?';
}

static void
write_all(const char *s, size_t len)
{
	ssize_t	 w;

	while (len > 0) {
		w = write(STDERR_FILENO, s, len);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return;	/* nowhere left to report it */
		s += w;
		len -= (size_t)w;
	}
}

/* len cut back so that s[0..len) does not end inside a UTF-8 sequence. */
static size_t
whole_chars(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = len, need;

	while (i > 0 && (u[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return len;
	i--;	/* the lead byte */
	need = u[i] >= 0xF0 ? 4 : u[i] >= 0xE0 ? 3 : u[i] >= 0xC0 ? 2 : 1;
	return len - i < need ? i : len;
}

/* Format and write one record (see log_msg); errno is left as it was. */
static void
log_vmsg(int level, const char *fmt, va_list ap)
{
	char	 line[LOG_LINE_MAX];
	size_t	 n, m;
	int	 k, saved = errno;

	if (level < LOG_ERR || level > atomic_load(&log_level))
		goto out;
	n = format_prefix(line, sizeof(line) - 1, level);
	k = vsnprintf(line + n, sizeof(line) - 1 - n, fmt, ap);
	m = k < 0 ? 0 : (size_t)k;
	if (m >= sizeof(line) - 1 - n)
		m = whole_chars(line + n, sizeof(line) - 2 - n);	/* cut: keep what fitted */
	defang(line + n, m);
	line[n + m] = '\n';
	write_all(line, n + m + 1);
out:
	/* callers log then test errno: keep it as it was */
	errno = saved;
}

/* Log one record at level; formatted into a local buffer and written with one write(2). */
void
log_msg(int level, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_vmsg(level, fmt, ap);
	va_end(ap);
}

char *
log_thousands(unsigned long n, char *buf, size_t size)
{
	char	 digits[24];
	int	 len = snprintf(digits, sizeof(digits), "%lu", n), i;
	size_t	 o = 0;

	if (size == 0)
		return buf;
	for (i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			if (o + 2 >= size)
				break;
			buf[o++] = ',';
		}
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

static double
monotonic_seconds(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* With f locked: when the period is over, write the summary and double the period. */
static void
flood_summary(struct log_flood *f, int level, double now)
{
	char	 n[32];

	if (now - f->period_start < f->period)
		return;
	log_msg(level, "%s: %s %s in the last %.0f s", f->what, log_thousands(f->in_period, n, sizeof(n)),
	    f->counted, now - f->period_start);
	f->period_start = now;
	f->in_period = 0;
	f->period = f->period * 2 > LOG_FLOOD_MAX ? LOG_FLOOD_MAX : f->period * 2;
}

void
log_flood_hit(struct log_flood *f, int level, const char *fmt, ...)
{
	double	 now = monotonic_seconds();
	va_list	 ap;

	pthread_mutex_lock(&f->lock);
	f->total++;
	f->in_period++;
	if (f->started == 0) {
		/* the first hit of a failure: the one record that says what went wrong */
		f->started = f->period_start = now;
		f->period = LOG_FLOOD_FIRST;
		va_start(ap, fmt);
		log_vmsg(level, fmt, ap);
		va_end(ap);
	} else
		flood_summary(f, level, now);
	pthread_mutex_unlock(&f->lock);
}

void
log_flood_end(struct log_flood *f)
{
	double	 now = monotonic_seconds();
	char	 n[32];

	pthread_mutex_lock(&f->lock);
	if (f->started != 0)
		log_msg(LOG_WARN, "%s: over after %.0f s; %s %s in all", f->what, now - f->started,
		    log_thousands(f->total, n, sizeof(n)), f->counted);
	f->started = 0;
	f->total = f->in_period = 0;
	pthread_mutex_unlock(&f->lock);
}
