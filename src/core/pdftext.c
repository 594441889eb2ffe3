/*
 * pdftext.c - run pdftotext on one file, bounded: at most PDFTEXT_MAX_PAGES pages, PDFTEXT_MAX_MEMORY of
 * address space and PDFTEXT_MAX_SECONDS of wall clock (then SIGKILL), PDFTEXT_MAX_BYTES of text kept.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "core/pdftext.h"

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 when it is not one. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;

	if (s[0] < 0x80)
		return s[0] != 0;
	len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
	if (len == 0 || len > n)
		return 0;
	for (i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((len == 3 && s[0] == 0xe0 && s[1] < 0xa0) || (len == 3 && s[0] == 0xed && s[1] >= 0xa0) ||
	    (len == 4 && s[0] == 0xf0 && s[1] < 0x90) || (len == 4 && s[0] == 0xf4 && s[1] >= 0x90))
		return 0;
	return len;
}

/* Make buf (len bytes) valid UTF-8 in place: each invalid byte or NUL becomes a space; a sequence cut at
 * the end is dropped. Returns the new length. */
static size_t
sanitize(char *buf, size_t len)
{
	unsigned char *s = (unsigned char *)buf;
	size_t i = 0, k;

	while (i < len) {
		if ((k = utf8_len(s + i, len - i)) == 0) {
			if (s[i] >= 0xc2 && len - i < 4 && s[i] != 0)
				return i;	/* a character cut by the size bound */
			s[i++] = ' ';
		} else
			i += k;
	}
	return len;
}

/*
 * The child of a threaded process: only async-signal-safe calls until exec (everything else is made before
 * the fork). Bounds, descriptors, then pdftotext path - (text to standard output). Never returns.
 */
static void
child(const char *program, const char *path, const char *pages, int out)
{
	struct rlimit mem = { PDFTEXT_MAX_MEMORY, PDFTEXT_MAX_MEMORY };
	struct rlimit cpu = { PDFTEXT_MAX_SECONDS, PDFTEXT_MAX_SECONDS };
	int null = open("/dev/null", O_RDWR);

	setpgid(0, 0);	/* its own group: a kill reaches whatever it started too */
	if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(null, 2) < 0)
		_exit(127);
	/* descriptors beyond 2 stay behind: the portal's are close-on-exec (sockets, the database, files) */
	setrlimit(RLIMIT_AS, &mem);
	setrlimit(RLIMIT_CPU, &cpu);
	execl(program, "pdftotext", "-q", "-enc", "UTF-8", "-l", pages, "--", path, "-", (char *)NULL);
	_exit(127);
}

/* Read the child's output until it closes, the byte bound or the deadline. 0, or -1 (killed or failed). */
static int
read_output(int fd, pid_t pid, int max_seconds, char *buf, size_t *len)
{
	struct timespec start, now;
	struct pollfd p = { fd, POLLIN, 0 };
	char discard[4096];
	ssize_t r;
	long left;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		left = max_seconds * 1000L - ((now.tv_sec - start.tv_sec) * 1000L +
		    (now.tv_nsec - start.tv_nsec) / 1000000L);
		if (left <= 0 || poll(&p, 1, (int)left) == 0) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			return -1;
		}
		if (*len < PDFTEXT_MAX_BYTES)
			r = read(fd, buf + *len, PDFTEXT_MAX_BYTES - *len);
		else
			r = read(fd, discard, sizeof(discard));	/* past the bound: let it finish, keep nothing */
		if (r == 0)
			return 0;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			return -1;
		}
		if (*len < PDFTEXT_MAX_BYTES)
			*len += (size_t)r;
	}
}

enum pdftext_result
pdftext_extract(const char *program, const char *path, int max_seconds, char **out)
{
	char *buf = NULL, pages[16];
	size_t len = 0;
	int fds[2], status = 0, rc;
	pid_t pid;

	*out = NULL;
	if (program == NULL)
		program = PDFTEXT_PROGRAM;
	if (max_seconds <= 0 || max_seconds > PDFTEXT_MAX_SECONDS)
		max_seconds = PDFTEXT_MAX_SECONDS;
	if (access(program, X_OK) != 0)
		return PDFTEXT_NONE;
	if ((buf = malloc(PDFTEXT_MAX_BYTES + 1)) == NULL)
		return PDFTEXT_FAILED;
	snprintf(pages, sizeof(pages), "%d", PDFTEXT_MAX_PAGES);
	if (pipe2(fds, O_CLOEXEC) != 0) {
		free(buf);
		return PDFTEXT_FAILED;
	}
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		free(buf);
		return PDFTEXT_FAILED;
	}
	if (pid == 0)
		child(program, path, pages, fds[1]);
	close(fds[1]);
	rc = read_output(fds[0], pid, max_seconds, buf, &len);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		log_warn("pdftext: %s: pdftotext %s", path, rc != 0 ? "ran past its time and was stopped" :
		    WIFSIGNALED(status) ? "was stopped by a signal (memory bound?)" : "could not read the file");
		free(buf);
		return PDFTEXT_FAILED;
	}
	len = sanitize(buf, len);
	buf[len] = '\0';
	*out = buf;
	return PDFTEXT_OK;
}
