/*
 * main.c - the tpportal process: configuration, the FastCGI socket, worker threads, the search indexer
 * thread (store/indexer.h), the mail delivery thread (app/mailer.h), signals.
 *
 * Signals have one place: every thread blocks every asynchronous signal (the mask is set before
 * libfcgi and the workers start, and inherited), and the main thread alone takes them with
 * sigwait: SIGTERM/SIGINT stop gracefully, SIGHUP re-reads what can change safely, SIGUSR1/SIGUSR2
 * log a status line (docs/operations.md). So libfcgi's own handlers (SIGUSR1 sets its shutdown
 * flag, which silently ends every worker's loop) can never run. A worker that fails to start or
 * leaves its loop unasked wakes the main thread, which logs why and exits 1: a process that is
 * alive but serves nothing would fool the supervisor.
 */
#include "view/cs.h"		/* before config.h: see cs.h */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "http/admission.h"
#include "http/auth.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/err.h"
#include "store/db.h"
#include "store/dbnodes.h"
#include "core/log.h"
#include "store/indexer.h"
#include "view/render.h"
#include "http/pagecache.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"
#include "model/record.h"
#include "model/staging.h"
#include "model/site.h"
#include "app/listen.h"
#include "app/mailer.h"
#include "app/smtp.h"
#include "view/mail.h"

#define MAX_BODY	(1024 * 1024)	/* urlencoded forms; uploads: ROUTE_MAX_UPLOAD (route_takes_upload) */
#define SIG_WORKER_EXIT	SIGRTMIN	/* a worker tells the main thread it is gone */

/* One per worker thread; written by its thread, read by the main thread. */
struct worker {
	pthread_t	 tid;
	int		 started;	/* pthread_create succeeded: join it */
	atomic_int	 exited;	/* left its loop (why says why) */
	atomic_ulong	 served;	/* requests answered */
	char		 why[160];
};

static struct conf	conf;
static int		listen_fd = -1;
static int		wake_fds[2] = { -1, -1 };	/* written once at stop: every idle worker wakes */
static atomic_int	stopping;
static pthread_t	main_thread;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static enum method
method_of(const char *m)
{
	if (m == NULL)
		return M_OTHER;
	if (strcmp(m, "GET") == 0)
		return M_GET;
	if (strcmp(m, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(m, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

static const char *
env(FCGX_Request *fr, const char *name)
{
	return FCGX_GetParam(name, fr->envp);
}

/* Read and forget up to len bytes of the request body (an upload that will not be used). */
static void
drain(FCGX_Request *fr, long long len)
{
	char chunk[65536];
	int n;

	while (len > 0 && (n = FCGX_GetStr(chunk, len < (long long)sizeof(chunk) ? (int)len : (int)sizeof(chunk), fr->in)) > 0)
		len -= n;
}

/*
 * An upload's body, streamed in 64 KiB pieces to an unnamed file in upload_dir (O_TMPFILE: nothing is
 * left behind, whatever happens), then mapped read-only for the parser: the body never sits whole in
 * the heap, and its pages are the page cache's, given back under pressure. 0, 400 (shorter than its
 * Content-Length), 507 when the folder is full, or 503 when it cannot take it otherwise (logged, the
 * rest drained).
 */
static int
read_upload(FCGX_Request *fr, struct request *rq, long long len)
{
	char chunk[64 * 1024];
	long long left = len;
	void *map;
	int fd, n;

	if ((fd = open(conf.upload_dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)) < 0) {
		int full = errno == ENOSPC || errno == EDQUOT;

		log_err("upload: cannot make a staging file in %s: %s", conf.upload_dir, strerror(errno));
		drain(fr, len);
		return full ? 507 : 503;
	}
	while (left > 0 && (n = FCGX_GetStr(chunk, left < (long long)sizeof(chunk) ? (int)left : (int)sizeof(chunk), fr->in)) > 0) {
		ssize_t w = 0, off = 0;

		while (off < n && (w = write(fd, chunk + off, (size_t)(n - off))) > 0)
			off += w;
		left -= n;
		if (off < n) {
			int full = w < 0 && (errno == ENOSPC || errno == EDQUOT);

			log_err("upload: writing %lld bytes to a staging file in %s failed: %s", len, conf.upload_dir,
			    w < 0 ? strerror(errno) : "short write");
			close(fd);
			drain(fr, left);
			return full ? 507 : 503;
		}
	}
	if (left > 0) {
		close(fd);
		return 400;
	}
	map = mmap(NULL, (size_t)len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);	/* the mapping keeps the file until munmap (request_free) */
	if (map == MAP_FAILED) {
		log_err("upload: cannot map the staging file: %s", strerror(errno));
		return 500;
	}
	rq->body = map;
	rq->body_len = (size_t)len;
	rq->body_mapped = 1;
	return 0;
}

/* Fill rq from the FastCGI environment and read the body. Returns 0 or an HTTP status. */
static int
read_request(FCGX_Request *fr, struct request *rq)
{
	const char *uri = env(fr, "REQUEST_URI"), *q = env(fr, "QUERY_STRING");
	const char *clen = env(fr, "CONTENT_LENGTH"), *https = env(fr, "HTTPS");
	long long len = 0;
	int status;

	rq->method_name = env(fr, "REQUEST_METHOD");
	rq->method = method_of(rq->method_name);
	if (rq->method_name == NULL)
		rq->method_name = "-";
	if (uri == NULL && (uri = env(fr, "DOCUMENT_URI")) == NULL)
		uri = "/";
	if ((rq->path = strndup(uri, strcspn(uri, "?"))) == NULL)
		return 500;
	rq->query = q != NULL ? q : "";
	rq->content_type = env(fr, "CONTENT_TYPE");
	rq->cookie_header = env(fr, "HTTP_COOKIE");
	rq->origin = env(fr, "HTTP_ORIGIN");
	rq->referer = env(fr, "HTTP_REFERER");
	request_client(rq, env(fr, "REMOTE_ADDR"), https, env(fr, "HTTP_X_FORWARDED_FOR"),
	    env(fr, "HTTP_X_FORWARDED_PROTO"), conf.trusted_proxy);
	rq->server_software = env(fr, "SERVER_SOFTWARE");
	rq->range = env(fr, "HTTP_RANGE");
	rq->if_range = env(fr, "HTTP_IF_RANGE");
	rq->if_none_match = env(fr, "HTTP_IF_NONE_MATCH");
	rq->if_modified_since = env(fr, "HTTP_IF_MODIFIED_SINCE");
	if (rq->cookie_header != NULL && request_parse_cookies(rq->cookie_header, &rq->cookies) != 0)
		return 500;
	if (clen != NULL && *clen != '\0' && parse_ll(clen, 0, LLONG_MAX, &len) != 0)
		return 400;
	if (len == 0)
		return 0;
	if (rq->method != M_POST)
		return 400;
	if (len > MAX_BODY && (len > ROUTE_MAX_UPLOAD || !route_takes_upload(rq->path, rq->content_type)))
		return 413;
	/* a large upload is checked from its headers, then takes its upload slot before it is read */
	if (len > MAX_BODY && ((status = route_precheck(rq)) != 0 || (status = admission_enter(rq, ADMIT_UPLOAD)) != 0)) {
		/* refused busy (a stranger's never is: the sign-in and access came first): received into an
		 * unnamed file all the same, only so that its form comes back with what was typed (route.c) */
		if (status == TP_EBUSY && route_has_form(rq->path)) {
			if ((status = read_upload(fr, rq, len)) == 0)	/* drained on failure */
				rq->upload_busy = 1;
			return status;
		}
		drain(fr, len);	/* read, not kept: the web server may not take an answer before its body is sent */
		return err_http_status(status);
	}
	/* an upload over what a form may send streams to the upload folder; a smaller one is read like a form
	 * (bounded by MAX_BODY), so a full disk is said on the form (attach.c) rather than before it */
	if (len > MAX_BODY && route_takes_upload(rq->path, rq->content_type))
		return read_upload(fr, rq, len);
	if ((rq->body = malloc((size_t)len + 1)) == NULL)
		return 500;
	rq->body_len = (size_t)FCGX_GetStr(rq->body, (int)len, fr->in);
	rq->body[rq->body_len] = '\0';
	return rq->body_len == (size_t)len ? 0 : 400;
}

/* Render the page (or the error page) into body; on failure fall back to plain text. */
static int
render_body(struct request *rq, HDF *hdf, int status, struct buf *body)
{
	if (rq->raw.data != NULL || rq->tmpl == NULL) {
		if (rq->raw.data != NULL)
			buf_append(body, rq->raw.data, rq->raw.len);
		return status;
	}
	if (render_template(hdf, rq->tmpl, body) == 0)
		return status;
	buf_reset(body);
	rq->content_type_out = "text/plain; charset=utf-8";
	buf_printf(body, "%d %s\n", 500, response_reason(500));
	return 500;
}

/*
 * Stream the stored file of rq->file (length bytes from offset) in chunks: a 20 MiB attachment never
 * sits in memory. Returns the bytes written; a short count means the client went away or the file
 * could not be read (logged).
 */
static long long
stream_file(FCGX_Request *fr, const struct request *rq)
{
	char chunk[64 * 1024];
	long long off = rq->file.offset, left = rq->file.length, sent = 0;
	ssize_t n;

	while (left > 0) {
		n = pread(rq->file.fd, chunk, left < (long long)sizeof(chunk) ? (size_t)left : sizeof(chunk), (off_t)off);
		if (n <= 0) {
			log_err("%s: reading the file failed after %lld bytes: %s", rq->path, sent,
			    n < 0 ? strerror(errno) : "it became shorter");
			break;
		}
		if (FCGX_PutStr(chunk, (int)n, fr->out) != (int)n) {
			log_info("%s: the client went away after %lld of %lld bytes", rq->path, sent, rq->file.length);
			break;
		}
		off += n;
		left -= n;
		sent += n;
	}
	return sent;
}

static void
serve(FCGX_Request *fr, struct db *db)
{
	struct request rq = { 0 };
	struct buf head = { 0 }, body = { 0 };
	double t0 = now_ms();
	HDF *hdf = render_hdf_new();
	long long sent = 0;
	char via[96] = "";
	int status;

	rq.conf = &conf;
	rq.db = db;
	rq.trips_before = db_round_trips(db);
	status = read_request(fr, &rq);
	if (hdf == NULL)
		status = 500;
	if (status == 0)
		status = route_dispatch(&rq, hdf);
	else if (hdf != NULL)
		route_error(&rq, hdf, status);	/* refused before routing: 400, 413, or a pre-checked upload's 403 */
	status = render_body(&rq, hdf, status, &body);
	if (pagecache_finish(&rq, status, &body) != 0) {
		buf_reset(&body);
		rq.content_type_out = "text/plain; charset=utf-8";
		buf_printf(&body, "%d %s\n", 500, response_reason(500));
		status = 500;
	}
	if (response_head(&rq, status, body.len, &head) == 0) {
		FCGX_PutStr(head.data, (int)head.len, fr->out);
		if (rq.method == M_HEAD)
			;	/* the head only: its Content-Length says what a GET would send */
		else if (response_streams_file(&rq, status))
			sent = stream_file(fr, &rq);
		else if (body.len > 0 && FCGX_PutStr(body.data, (int)body.len, fr->out) == (int)body.len)
			sent = (long long)body.len;
	}
	/* client, user, request, status, bytes sent (a web server that sends the file itself is named) and
	 * request-body bytes kept, time; a 403 says why */
	if (rq.delivered_by != NULL && status == 200)
		snprintf(via, sizeof(via), " via %s (a file of %lldB)", rq.delivered_by, rq.delivered_size);
	log_info("%s %s %s %s %d sent %lldB%s read %zuB %.2fms%s%s", rq.remote_addr ? rq.remote_addr : "-",
	    rq.session != NULL ? rq.session->login : "-", rq.method_name, rq.path ? rq.path : "-", status, sent,
	    via, rq.body_len, now_ms() - t0,
	    status == 403 && rq.deny_reason ? " denied: " : "", status == 403 && rq.deny_reason ? rq.deny_reason : "");
	admission_leave(&rq);
	buf_free(&head);
	buf_free(&body);
	if (hdf != NULL)
		hdf_destroy(&hdf);
	request_free(&rq);
}

/* A worker left unasked: record why and wake the main thread (see signal_wait). */
static void
worker_gone(struct worker *w, const char *why, int err)
{
	if (err != 0)
		snprintf(w->why, sizeof(w->why), "%s: %s", why, strerror(err));
	else
		snprintf(w->why, sizeof(w->why), "%s", why);
	atomic_store(&w->exited, 1);
	if (!atomic_load(&stopping))
		pthread_kill(main_thread, SIG_WORKER_EXIT);
}

/*
 * Wait until the listening socket has a connection (1) or the server stops (0); -errno on an error.
 * Workers wait here, not in accept(), so that stopping never has to shut the listening socket down:
 * under tpportal.socket that socket is systemd's, and the next start must find it listening, with the
 * connections that came meanwhile in its queue (a shutdown() left it refusing every one). Each worker
 * has its own epoll set with the socket in it EPOLLEXCLUSIVE: a connection wakes one idle worker, not
 * all of them; the wake-up pipe, written once at stop, wakes every one.
 */
static int
connection_wait(int ep)
{
	struct epoll_event ev;
	int n;

	for (;;) {
		if (atomic_load(&stopping))
			return 0;
		if ((n = epoll_wait(ep, &ev, 1, -1)) < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			continue;
		if (ev.data.fd == wake_fds[0])
			return 0;
		/* a listening socket never hangs up: shut down or broken under us (a unix socket's accept
		 * would then say EAGAIN for ever, with EPOLLIN set: a busy loop serving nothing) */
		if (ev.events & (EPOLLERR | EPOLLHUP))
			return -ENOTCONN;
		if (ev.events & EPOLLIN)
			return 1;
	}
}

/* The worker's epoll set: the listening socket (exclusive) and the wake-up pipe. The fd, or -1. */
static int
connection_waiter(void)
{
	struct epoll_event ev;
	int ep;

	if ((ep = epoll_create1(EPOLL_CLOEXEC)) < 0)
		return -1;
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN | EPOLLEXCLUSIVE;
	ev.data.fd = listen_fd;
	if (epoll_ctl(ep, EPOLL_CTL_ADD, listen_fd, &ev) != 0)
		goto fail;
	ev.events = EPOLLIN;
	ev.data.fd = wake_fds[0];
	if (epoll_ctl(ep, EPOLL_CTL_ADD, wake_fds[0], &ev) != 0)
		goto fail;
	return ep;
fail:
	close(ep);
	return -1;
}

static void *
worker(void *arg)
{
	struct worker *w = arg;
	FCGX_Request fr;
	struct db *db;
	int rc = 0, ep;

	if (db_thread_init() != 0 || (db = db_new(&conf)) == NULL) {
		worker_gone(w, "cannot start (MariaDB thread data or memory)", 0);
		return NULL;
	}
	if ((ep = connection_waiter()) < 0) {
		worker_gone(w, "cannot wait for connections (epoll)", errno);
		db_free(db);
		db_thread_end();
		return NULL;
	}
	FCGX_InitRequest(&fr, listen_fd, 0);
	while (!atomic_load(&stopping)) {
		if ((rc = connection_wait(ep)) <= 0)
			break;
		/* the socket is non-blocking: a connection another worker took first is EAGAIN, not a wait */
		if ((rc = FCGX_Accept_r(&fr)) == -EAGAIN || rc == -EWOULDBLOCK)
			continue;
		if (rc < 0)
			break;
		serve(&fr, db);
		FCGX_Finish_r(&fr);
		atomic_fetch_add(&w->served, 1);
	}
	FCGX_Free(&fr, 1);
	close(ep);
	db_free(db);
	db_thread_end();
	render_thread_end();
	if (!atomic_load(&stopping))
		worker_gone(w, "accepting a connection failed", rc < 0 && rc > -4096 ? -rc : 0);
	return NULL;
}


/*
 * What the workers will need, checked as the user they run as, before anything is served: a mistake
 * is one line naming the key and the path now, not a failure on the first upload or connect.
 */
static int
paths_usable(void)
{
	struct stat st;
	int rc = 0;

	if (stat(conf.upload_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		log_err("upload_dir = %s: not a folder (%s)", conf.upload_dir, strerror(errno ? errno : ENOTDIR));
		rc = -1;
	} else if (access(conf.upload_dir, W_OK | X_OK) != 0) {
		log_err("upload_dir = %s: not writable by this process (uid %ld): %s", conf.upload_dir,
		    (long)geteuid(), strerror(errno));
		rc = -1;
	}
	if (conf.smtp_password_file != NULL && access(conf.smtp_password_file, R_OK) != 0) {
		log_err("smtp_password_file = %s: cannot be read by this process (uid %ld): %s", conf.smtp_password_file,
		    (long)geteuid(), strerror(errno));
		rc = -1;
	}
	if (conf.db_nodes != NULL) {
		struct db_node nodes[DB_NODES_MAX];
		const char *bad;

		if (db_nodes_parse(conf.db_nodes, nodes, DB_NODES_MAX, &bad) < 0) {
			log_err("db_nodes = %s: cannot read the entry at '%.40s' (each entry a socket path, host or "
			    "host:port, separated by spaces or commas; at most %d)", conf.db_nodes, bad ? bad : "",
			    DB_NODES_MAX);
			rc = -1;
		}
	}
	if (conf.db_password_file != NULL && access(conf.db_password_file, R_OK) != 0) {
		log_err("db_password_file = %s: cannot be read by this process (uid %ld): %s", conf.db_password_file,
		    (long)geteuid(), strerror(errno));
		rc = -1;
	}
	return rc;
}

/* Open the listening socket (app/listen.h) and make it usable by the web server's user. */
static int
open_socket(void)
{
	if ((listen_fd = listen_open(conf.socket, 128)) < 0)
		return -1;
	if (pipe(wake_fds) != 0 || fcntl(wake_fds[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(wake_fds[1], F_SETFD, FD_CLOEXEC) != 0) {
		log_err("cannot make the workers' wake-up pipe: %s", strerror(errno));
		return -1;
	}
	if (strcmp(conf.socket, "-") == 0)
		return 0;	/* the service manager's (tpportal.socket), or spawn-fcgi's, on stdin */
	if (strchr(conf.socket, '/') == NULL)
		return 0;	/* host:port */
	if (conf.socket_group != NULL) {
		struct group *g = getgrnam(conf.socket_group);

		if (g == NULL || chown(conf.socket, (uid_t)-1, g->gr_gid) != 0) {
			log_err("cannot give socket %s to group %s", conf.socket, conf.socket_group);
			return -1;
		}
	}
	if (chmod(conf.socket, (mode_t)conf.socket_mode) != 0) {
		log_err("cannot chmod socket %s: %s", conf.socket, strerror(errno));
		return -1;
	}
	return 0;
}

/* After the socket is open and the templates are loaded, run as conf.user. */
static int
drop_privileges(void)
{
	struct passwd *pw;

	if (conf.user == NULL || geteuid() != 0)
		return 0;
	if ((pw = getpwnam(conf.user)) == NULL) {
		log_err("no such user %s", conf.user);
		return -1;
	}
	if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) {
		log_err("cannot become %s: %s", conf.user, strerror(errno));
		return -1;
	}
	return 0;
}

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: tpportal [-c config] [--list-routes] [--list-records] [--version] [--help]\n"
	    "  -c config      the configuration file (default %s)\n"
	    "  --list-routes  print the route table and exit\n"
	    "  --list-records print the record descriptions of the admin forms and exit\n"
	    "  --version      print the version and exit\n", CONF_DEFAULT_PATH);
}

static int
parse_args(int argc, char **argv, const char **path)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			*path = argv[++i];
		else if (strcmp(argv[i], "--list-routes") == 0) {
			route_list(stdout);
			exit(0);
		} else if (strcmp(argv[i], "--list-records") == 0) {
			record_list(stdout);
			exit(0);
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("tpportal %s\n", PACKAGE_VERSION);
			exit(0);
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			exit(0);
		} else {
			usage(stderr);
			return -1;
		}
	}
	return 0;
}

static int
start(void)
{
	const char *tdir = getenv("TP_TEMPLATE_DIR");

	/* First, so that every line after it, a refusal at start too, lands in the file. */
	if (conf.log_file != NULL && log_open_file(conf.log_file) != 0) {
		log_err("log_file = %s: cannot be opened for appending by this process (uid %ld): %s", conf.log_file,
		    (long)geteuid(), strerror(errno));
		return -1;
	}
	log_set_level(conf.log_level);
	nerr_init();
	if (db_library_init() != 0) {
		log_err("cannot initialise the MariaDB library");
		return -1;
	}
	if (render_init(tdir ? tdir : conf.template_dir, "ko") != 0 || account_init() != 0)
		return -1;
	pagecache_set_limit((size_t)conf.page_cache_mb * 1024 * 1024);
	mail_init();	/* GMime, and libcurl for SMTP: once, before threads */
	if (smtp_init() != 0)
		return -1;
	admission_init(&conf);
	if (FCGX_Init() != 0) {
		log_err("cannot initialise libfcgi");
		return -1;
	}
	/*
	 * The checks first, so that a refused start never touches the socket; only a root start that
	 * drops to `user` opens it before them (it may need root for the path), and removes what it made.
	 */
	if (conf.user == NULL || geteuid() != 0) {
		if (paths_usable() != 0 || open_socket() != 0)
			return -1;
	} else if (open_socket() != 0 || drop_privileges() != 0 || paths_usable() != 0) {
		if (listen_fd > 0 && strchr(conf.socket, '/') != NULL)
			unlink(conf.socket);
		return -1;
	}
	/* staging files a killed process left (issue 11); later sweeps ride on saves (admin/save.c) */
	if (staging_sweep_due(time(NULL)))
		staging_sweep(conf.upload_dir, STAGING_MAX_AGE, time(NULL));
	return 0;
}

/*
 * Block every asynchronous signal in the calling thread, and so in every thread it starts. The
 * faults (SIGSEGV and kin) stay deliverable: they belong to the thread that caused them, and
 * blocking them would turn a crash report into a silent kill.
 */
static void
signals_block_all(void)
{
	static const int faults[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT };
	sigset_t all;
	size_t i;

	sigfillset(&all);
	for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		sigdelset(&all, faults[i]);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
}

/*
 * The signals the main thread takes. Called after FCGX_Init: it puts back the default action of
 * those libfcgi gave a handler (SIGUSR1, SIGTERM), so that even a thread some library starts with
 * another mask cannot set libfcgi's shutdown flag; SIGPIPE is ignored (a write to a gone client
 * fails with EPIPE instead).
 */
static void
signals_take(sigset_t *set)
{
	static const int taken[] = { SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2 };
	size_t i;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(set);
	for (i = 0; i < sizeof(taken) / sizeof(taken[0]); i++) {
		signal(taken[i], SIG_DFL);
		sigaddset(set, taken[i]);
	}
	sigaddset(set, SIG_WORKER_EXIT);
}

/*
 * SIGHUP: re-read the configuration file and apply what is safe to change in a running process: the
 * log level, the layout's association data, and log_file, which is opened anew (after logrotate or
 * mv renamed it, the lines after this one land in a new file at its name).
 */
static void
reload(const char *path)
{
	const char *logged;
	struct conf c;
	char what[600];

	conf_defaults(&c);
	if (conf_load(&c, path) != 0) {
		log_err("SIGHUP: %s cannot be read or has errors (see above); nothing changed", path);
		conf_free(&c);
		return;
	}
	logged = c.log_file != NULL ? c.log_file : conf.log_file;
	if (logged == NULL)
		snprintf(what, sizeof(what), "no log file to reopen (log_file is not set: the log goes to stderr, "
		    "which its supervisor owns)");
	else if (log_open_file(logged) != 0)
		snprintf(what, sizeof(what), "log_file = %s cannot be opened (%s): the log goes on where it went", logged,
		    strerror(errno));
	else
		snprintf(what, sizeof(what), "log_file %s reopened", logged);
	if (c.log_file == NULL && conf.log_file != NULL)
		snprintf(what + strlen(what), sizeof(what) - strlen(what), " (log_file was removed from the file: "
		    "stderr comes back on restart)");
	log_set_level(c.log_level);
	pagecache_set_limit((size_t)c.page_cache_mb * 1024 * 1024);
	conf.page_cache_mb = c.page_cache_mb;
	site_invalidate();	/* the layout's association name and address: read again on the next page */
	log_warn("SIGHUP: re-read %s: log_level is now %s, page_cache_mb %d; %s; the reference data is read again; "
	    "the other settings apply on restart", path, log_level_name(c.log_level), c.page_cache_mb, what);
	conf_free(&c);
}

/* The page cache's and the reference snapshot's counters: one line (SIGUSR1/SIGUSR2, and at exit). */
static void
log_cache_stats(const char *why)
{
	unsigned long h, m, nm, rh, rm;
	size_t n, bytes, rn;

	pagecache_stats(&n, &bytes, &h, &m, &nm);
	db_snapshot_stats(&rn, &rh, &rm);
	log_info("%s: page cache: %zu pages, %zu KiB of %d MiB, %lu hits, %lu misses, %lu answered 304; "
	    "reference snapshot: %zu results, %lu hits, %lu misses", why, n, bytes / 1024, conf.page_cache_mb,
	    h, m, nm, rn, rh, rm);
}

/* SIGUSR1/SIGUSR2: one status line; nothing else changes. */
static void
log_status(int sig, const struct worker *w)
{
	char counts[256] = "";
	size_t n = 0;
	int i, alive = 0, k;

	for (i = 0; i < conf.threads; i++) {
		alive += w[i].started && !atomic_load(&w[i].exited);
		k = snprintf(counts + n, sizeof(counts) - n, "%s%lu", i ? " " : "", atomic_load(&w[i].served));
		if (k < 0 || (size_t)k >= sizeof(counts) - n)
			break;
		n += (size_t)k;
	}
	log_info("%s: status: %d of %d workers running; requests served per worker: %s "
	    "(the signal changes nothing; stop with SIGTERM)", sig == SIGUSR1 ? "SIGUSR1" : "SIGUSR2",
	    alive, conf.threads, counts);
	log_cache_stats(sig == SIGUSR1 ? "SIGUSR1" : "SIGUSR2");
}

/* The first worker that is gone, or -1. */
static int
gone_worker(const struct worker *w)
{
	int i;

	for (i = 0; i < conf.threads; i++)
		if (atomic_load(&w[i].exited))
			return i;
	return -1;
}

/*
 * The main thread's loop: take signals until it is time to stop. Returns the exit status: 0 for
 * SIGTERM/SIGINT, 1 when a worker is gone (so that a supervisor restarts the portal).
 */
static int
signal_wait(const sigset_t *set, const struct worker *w, const char *path)
{
	int sig, i;

	for (;;) {
		if ((i = gone_worker(w)) >= 0) {
			log_err("worker %d stopped: %s; exiting with status 1 so that the supervisor restarts "
			    "tpportal", i + 1, w[i].why);
			return 1;
		}
		if (sigwait(set, &sig) != 0)
			continue;
		if (sig == SIGTERM || sig == SIGINT) {
			log_info("%s: finishing requests in flight, then exiting", sig == SIGTERM ? "SIGTERM" : "SIGINT");
			return 0;
		}
		if (sig == SIGHUP)
			reload(path);
		else if (sig == SIGUSR1 || sig == SIGUSR2)
			log_status(sig, w);
	}
}

/* Start conf.threads workers. 0, or -1 (logged) when one could not be started. */
static int
workers_start(struct worker *w)
{
	int i, err;

	for (i = 0; i < conf.threads; i++) {
		if ((err = pthread_create(&w[i].tid, NULL, worker, &w[i])) != 0) {
			log_err("cannot start worker %d: %s; exiting with status 1", i + 1, strerror(err));
			return -1;
		}
		w[i].started = 1;
	}
	return 0;
}

/* Wake every worker out of accept(), let each finish the request it serves, and join them. */
static void
workers_stop(struct worker *w)
{
	int i;

	atomic_store(&stopping, 1);
	/* wakes every worker waiting in connection_wait(); the listening socket itself is left alone */
	if (wake_fds[1] >= 0 && write(wake_fds[1], "x", 1) < 0)
		log_warn("cannot wake the workers: %s", strerror(errno));
	for (i = 0; i < conf.threads; i++)
		if (w[i].started)
			pthread_join(w[i].tid, NULL);
}

/*
 * Read the layout's snapshot (model/site.h) once before serving, so that the first error pages have
 * their footer too. Best effort: with the database away, the first page that reaches it reads it.
 */
static void
site_preload(void)
{
	struct db *db = db_new(&conf);

	if (db != NULL && db_ready(db) == 0 && site_refresh(db) == 0)
		log_debug("the layout's association data is read");
	else
		log_warn("the layout's association data could not be read yet; the first page that reaches the database will");
	db_free(db);
}

int
main(int argc, char **argv)
{
	const char *path = CONF_DEFAULT_PATH;
	struct worker *workers;
	sigset_t set;
	int rc = 1;

	conf_defaults(&conf);
	if (parse_args(argc, argv, &path) != 0 || conf_load(&conf, path) != 0)
		return 2;
	main_thread = pthread_self();
	signals_block_all();	/* before libfcgi, MariaDB or any thread starts: all inherit it */
	if (start() != 0)
		return 1;
	site_preload();
	signals_take(&set);
	if ((workers = calloc((size_t)conf.threads, sizeof(*workers))) == NULL)
		return 1;
	if (indexer_start(&conf) != 0)	/* applies the search queue the workers' saves fill */
		return 1;
	if (mailer_start(&conf) != 0)	/* delivers the outbox the workers' saves fill */
		return 1;
	if (workers_start(workers) == 0) {
		log_info("tpportal %s: %d threads on %s", PACKAGE_VERSION, conf.threads, conf.socket);
		rc = signal_wait(&set, workers, path);
	}
	workers_stop(workers);
	free(workers);
	indexer_stop();	/* after the workers: what their last saves queued is applied by the next start */
	mailer_stop();	/* after the message being sent; what is queued waits for the next start */
	if (strchr(conf.socket, '/') != NULL)
		unlink(conf.socket);
	render_shutdown();
	smtp_end();
	mail_shutdown();
	db_library_end();
	conf_free(&conf);
	log_info(rc == 0 ? "stopped" : "stopped after a failure (status 1)");
	return rc;
}
