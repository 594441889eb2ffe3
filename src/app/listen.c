/*
 * listen.c - the listening socket, opened here rather than by FCGX_OpenSocket (listen.h says why).
 */
#include "app/listen.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/log.h"

/* fd 0 must be a listening stream socket: started by hand from a terminal it is not. */
static int
listen_inherited(void)
{
	struct stat st;
	int on = 0, type = 0;
	socklen_t len = sizeof(on);

	if (fstat(0, &st) != 0 || !S_ISSOCK(st.st_mode)) {
		log_err("socket = -: standard input is not a socket (the service manager passes one: tpportal.socket; "
		    "to run the server by hand, set socket = a path such as /run/tpportal/tpportal.sock)");
		return -1;
	}
	if (getsockopt(0, SOL_SOCKET, SO_ACCEPTCONN, &on, &len) != 0 || !on) {
		log_err("socket = -: standard input is a socket but not a listening one (StandardInput=socket "
		    "needs Accept=no in the socket unit)");
		return -1;
	}
	len = sizeof(type);
	if (getsockopt(0, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_STREAM) {
		log_err("socket = -: standard input is not a stream socket");
		return -1;
	}
	return 0;
}

/*
 * Whether the file at PATH may be replaced: 1 when nothing is there or it is a socket nobody answers
 * on, 0 (logged) when another server answers or it cannot be told.
 */
static int
path_free(const char *path, const struct sockaddr_un *sa)
{
	struct stat st;
	int fd, rc, err;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 1 : (log_err("socket = %s: %s", path, strerror(errno)), 0);
	if (!S_ISSOCK(st.st_mode)) {
		log_err("socket = %s: exists and is not a socket; remove it or choose another path", path);
		return 0;
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0) {
		log_err("socket = %s: cannot test it: %s", path, strerror(errno));
		return 0;
	}
	rc = connect(fd, (const struct sockaddr *)sa, sizeof(*sa));
	err = errno;
	close(fd);
	if (rc == 0) {
		log_err("socket = %s: another server answers on it (a second tpportal?); stop it first", path);
		return 0;
	}
	if (err == ECONNREFUSED)
		return 1;	/* left by a server that is gone */
	log_err("socket = %s: exists and cannot be tested (%s): another server may use it; "
	    "stop it, or remove the file if nothing does", path, strerror(err));
	return 0;
}

static int
listen_unix(const char *path, int backlog)
{
	struct sockaddr_un sa;
	char dir[sizeof(sa.sun_path)];
	struct stat st;
	int fd;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		log_err("socket = %s: longer than a unix socket path may be (%zu bytes)", path, sizeof(sa.sun_path) - 1);
		return -1;
	}
	snprintf(dir, sizeof(dir), "%s", path);
	*strrchr(dir, '/') = '\0';
	if (dir[0] != '\0' && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
		log_err("socket = %s: its folder %s does not exist (make it first; under systemd, RuntimeDirectory=)",
		    path, dir);
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if (!path_free(path, &sa))
		return -1;
	if (unlink(path) != 0 && errno != ENOENT) {
		log_err("socket = %s: cannot replace the stale socket: %s", path, strerror(errno));
		return -1;
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0 ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, backlog) != 0) {
		log_err("socket = %s: cannot listen: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* [host]:port; an empty host is every address, as with libfcgi. */
static int
listen_tcp(const char *spec, int backlog)
{
	struct addrinfo hints, *res = NULL, *ai;
	char host[256];
	const char *colon = strrchr(spec, ':');
	int fd = -1, on = 1, rc;

	if (colon == NULL || colon[1] == '\0' || (size_t)(colon - spec) >= sizeof(host)) {
		log_err("socket = %s: neither a path (with a '/') nor host:port", spec);
		return -1;
	}
	memcpy(host, spec, (size_t)(colon - spec));
	host[colon - spec] = '\0';
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((rc = getaddrinfo(host[0] ? host : NULL, colon + 1, &hints, &res)) != 0) {
		log_err("socket = %s: %s", spec, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		if ((fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol)) < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, backlog) == 0)
			break;
		rc = errno;
		close(fd);
		fd = -1;
		errno = rc;
	}
	if (fd < 0)
		log_err("socket = %s: cannot listen: %s", spec, strerror(errno));
	freeaddrinfo(res);
	return fd;
}

int
listen_open(const char *spec, int backlog)
{
	int fd, fl;

	if (strcmp(spec, "-") == 0)
		fd = listen_inherited() == 0 ? 0 : -1;
	else if (strchr(spec, '/') != NULL)
		fd = listen_unix(spec, backlog);
	else
		fd = listen_tcp(spec, backlog);
	/* accepted connections do not inherit O_NONBLOCK (Linux accept(2)): libfcgi reads them blocking */
	if (fd >= 0 && ((fl = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0)) {
		log_err("socket = %s: cannot make it non-blocking: %s", spec, strerror(errno));
		if (fd > 0)
			close(fd);
		return -1;
	}
	return fd;
}
