/*
 * main.c - the tpportal process: configuration, the FastCGI socket, worker threads, signals.
 *
 * libfcgi installs its own SIGTERM handler and a thread blocked in FCGX_Accept_r ignores it, so
 * every thread blocks SIGTERM/SIGINT and the main thread alone waits for them with sigwait. On a
 * signal it sets libfcgi's shutdown flag and shuts the listening socket, which wakes the threads
 * out of accept(); each finishes the request it is serving, then exits.
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
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <mysql.h>

#include "http/auth.h"
#include "core/buf.h"
#include "core/conf.h"
#include "store/db.h"
#include "core/log.h"
#include "view/render.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

#define MAX_BODY	(1024 * 1024)	/* urlencoded forms; uploads: ROUTE_MAX_UPLOAD (route_takes_upload) */

static struct conf	conf;
static int		listen_fd = -1;
static atomic_int	stopping;

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

/* Fill rq from the FastCGI environment and read the body. Returns 0 or an HTTP status. */
static int
read_request(FCGX_Request *fr, struct request *rq)
{
	const char *uri = env(fr, "REQUEST_URI"), *q = env(fr, "QUERY_STRING");
	const char *clen = env(fr, "CONTENT_LENGTH"), *https = env(fr, "HTTPS");
	long long len = 0;

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
	rq->remote_addr = env(fr, "REMOTE_ADDR");
	rq->https = https != NULL && strcmp(https, "on") == 0;
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

static void
serve(FCGX_Request *fr, struct db *db)
{
	struct request rq = { 0 };
	struct buf head = { 0 }, body = { 0 };
	double t0 = now_ms();
	HDF *hdf = render_hdf_new();
	int status;

	rq.conf = &conf;
	rq.db = db;
	status = read_request(fr, &rq);
	if (hdf == NULL)
		status = 500;
	if (status == 0)
		status = route_dispatch(&rq, hdf);
	else if (hdf != NULL) {
		rq.tmpl = "error.cs";
		render_set_int(hdf, status, "Error.Status");
	}
	status = render_body(&rq, hdf, status, &body);
	if (response_head(&rq, status, body.len, &head) == 0) {
		FCGX_PutStr(head.data, (int)head.len, fr->out);
		if (rq.method != M_HEAD && body.len > 0)
			FCGX_PutStr(body.data, (int)body.len, fr->out);
	}
	log_info("%s %s %d %.2fms", rq.method_name, rq.path ? rq.path : "-", status, now_ms() - t0);
	buf_free(&head);
	buf_free(&body);
	if (hdf != NULL)
		hdf_destroy(&hdf);
	request_free(&rq);
}

static void *
worker(void *arg)
{
	FCGX_Request fr;
	struct db *db;

	(void)arg;
	if (mysql_thread_init() != 0 || (db = db_new(&conf)) == NULL) {
		log_err("worker: cannot start");
		return NULL;
	}
	FCGX_InitRequest(&fr, listen_fd, 0);
	while (!atomic_load(&stopping)) {
		if (FCGX_Accept_r(&fr) < 0)
			break;
		serve(&fr, db);
		FCGX_Finish_r(&fr);
	}
	FCGX_Free(&fr, 1);
	db_free(db);
	mysql_thread_end();
	return NULL;
}

/* Open the listening socket and make it usable by the web server's user. */
static int
open_socket(void)
{
	if (strcmp(conf.socket, "-") == 0) {
		listen_fd = 0;	/* spawned with the socket on stdin (spawn-fcgi, mod_fcgid) */
		return 0;
	}
	if ((listen_fd = FCGX_OpenSocket(conf.socket, 128)) < 0) {
		log_err("cannot open socket %s: %s", conf.socket, strerror(errno));
		return -1;
	}
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
	fprintf(fp, "usage: tpportal [-c config] [--list-routes] [--version] [--help]\n"
	    "  -c config      the configuration file (default %s)\n"
	    "  --list-routes  print the route table and exit\n"
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

	log_set_level(conf.log_level);
	nerr_init();
	if (mysql_library_init(0, NULL, NULL) != 0) {
		log_err("cannot initialise the MariaDB library");
		return -1;
	}
	if (render_init(tdir ? tdir : conf.template_dir, "ko") != 0 || auth_init() != 0)
		return -1;
	if (FCGX_Init() != 0) {
		log_err("cannot initialise libfcgi");
		return -1;
	}
	if (open_socket() != 0 || drop_privileges() != 0)
		return -1;
	return 0;
}

int
main(int argc, char **argv)
{
	const char *path = CONF_DEFAULT_PATH;
	pthread_t *threads;
	sigset_t set;
	int i, sig;

	conf_defaults(&conf);
	if (parse_args(argc, argv, &path) != 0 || conf_load(&conf, path) != 0)
		return 2;
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);	/* inherited by every worker */
	if (start() != 0)
		return 1;
	if ((threads = calloc((size_t)conf.threads, sizeof(*threads))) == NULL)
		return 1;
	for (i = 0; i < conf.threads; i++)
		if (pthread_create(&threads[i], NULL, worker, NULL) != 0) {
			log_err("cannot start thread %d", i);
			return 1;
		}
	log_info("tpportal %s: %d threads on %s", PACKAGE_VERSION, conf.threads, conf.socket);
	do
		sigwait(&set, &sig);
	while (sig == SIGHUP);
	log_info("signal %d: finishing requests in flight, then exiting", sig);
	atomic_store(&stopping, 1);
	FCGX_ShutdownPending();
	shutdown(listen_fd, SHUT_RDWR);	/* wakes every thread blocked in accept() */
	for (i = 0; i < conf.threads; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	if (strchr(conf.socket, '/') != NULL)
		unlink(conf.socket);
	render_shutdown();
	mysql_library_end();
	conf_free(&conf);
	log_info("stopped");
	return 0;
}
