/* conf.h - the server's configuration file: "key = value" lines, '#' comments; see docs/configuration.md. */
#ifndef TP_CONF_H
#define TP_CONF_H

#ifndef TP_SYSCONFDIR
#define TP_SYSCONFDIR	"/usr/local/etc"	/* Makefile.am passes $(sysconfdir) */
#endif
/* The file read without -c: $sysconfdir/tpportal/tpportal.conf (the Debian package: /etc/tpportal/tpportal.conf). */
#define CONF_DEFAULT_PATH	TP_SYSCONFDIR "/tpportal/tpportal.conf"

/* How GET /files/{id} hands a stored file to the client (docs/configuration.md, file_delivery). */
enum file_delivery {
	FD_X_ACCEL,		/* nginx: X-Accel-Redirect to the internal location /_files/ */
	FD_X_SENDFILE,		/* Apache mod_xsendfile (or lighttpd): X-Sendfile with the absolute path */
	FD_DIRECT		/* the portal streams the file itself (ranges, ETag, Last-Modified) */
};

struct conf {
	char	*socket;		/* FastCGI listen socket path, or "host:port"; default /run/tpportal/tpportal.sock */
	int	 socket_mode;		/* mode for a unix socket; default 0660 */
	char	*socket_group;		/* group to give the socket (e.g. www-data); default none */
	int	 threads;		/* worker threads, each with its own DB connection; default 4 */
	char	*db_socket;		/* MariaDB unix socket; default /run/mysqld/mysqld.sock */
	char	*db_nodes;		/* several database nodes, tried in turn (store/dbnodes.h); default none: db_socket */
	char	*db_name;		/* default tpportal */
	char	*db_user;		/* default tpportal */
	char	*db_password_file;	/* file holding the password (first line); default none */
	char	*base_url;		/* the portal's public origin, e.g. https://portal.example; default http://127.0.0.1:8080 */
	int	 public_read;		/* 1: pages readable without login; default 1 */
	int	 public_contacts;	/* 1: phone/email shown to anonymous readers; default 0 */
	int	 people_review;		/* 1: member admins' edits of people wait for review too; default 0 */
	char	*upload_dir;		/* where attachments are stored; default /var/lib/tpportal/uploads */
	int	 file_delivery;		/* enum file_delivery; default FD_X_ACCEL */
	char	*template_dir;		/* templates/ folder; default the installed data dir */
	int	 log_level;		/* 0 error, 1 warn, 2 info, 3 debug; default 2 */
	char	*user;			/* drop privileges to this user after opening the socket; default none */
	char	*log_file;		/* append the log here instead of stderr, reopened on SIGHUP; default none */
	char	*trusted_proxy;		/* the address of a proxy in front of the web server (TLS terminator) whose
					 * X-Forwarded-For / X-Forwarded-Proto are believed; default none */
	/* Sessions and sign-in throttling (model/account.c binds them into its SQL). */
	int	 session_idle_minutes;	/* a session unused this long ends; default 60 */
	int	 session_max_hours;	/* a session ends this long after sign-in, used or not; default 12 */
	int	 login_window_minutes;	/* failed sign-ins count for this long; default 15 */
	int	 login_max_failures;	/* failures per login name and client address in the window; default 5 */
	int	 login_max_failures_addr; /* failures per client address in the window; default 50 */
	int	 page_cache_mb;		/* memory for kept pages (http/pagecache.h), MiB; 0: none; default 8 */
	int	 debug_round_trips;	/* 1: each answer says its database round trips (X-Round-Trips); default 0 */
	/* Mail (docs/email.md): the relay, the sender, the delivery worker's retries. */
	char	*smtp_url;		/* smtp://host:587 (STARTTLS when offered) or smtps://host:465; none: mail waits */
	char	*smtp_user;		/* user for SMTP AUTH; default none */
	char	*smtp_password_file;	/* its password (first line); default none */
	int	 smtp_starttls;		/* 1: smtp:// must switch to TLS (STARTTLS) or the message waits; default 0 */
	char	*mail_from;		/* the From address; default noreply@<host of base_url> */
	char	*mail_from_name;	/* the From name; default none */
	int	 mail_retry_seconds;	/* first wait after a temporary failure, doubled per try; default 60 */
	int	 mail_retry_max_seconds; /* the longest wait between tries; default 3600 */
	int	 mail_max_attempts;	/* tries before a message is marked failed; default 10 */
	char	*mail_sink_dir;		/* a Maildir /admin/mail shows (a development sink only); default none */
	/* Admission control (http/admission.c): expensive requests running at once, per class, and the
	 * database time one statement may take, per class of request (0: no limit). */
	int	 max_search;		/* /search requests at once; default 2 */
	int	 max_login;		/* sign-ins and password changes (Argon2id, 64 MiB each) at once; default 2 */
	int	 max_upload;		/* uploads over 1 MB being received and stored at once; default 2 */
	int	 statement_time_page;	/* seconds a statement of a page (GET) may run; default 5 */
	int	 statement_time_search;	/* seconds a statement of /search may run; default 10 */
	int	 statement_time_write;	/* seconds a statement of a form (POST) may run; default 30 */
};

/* Fill c with the defaults. */
void	conf_defaults(struct conf *c);
/* "x-accel", "x-sendfile" or "direct": the configuration's word for an enum file_delivery. */
const char *conf_file_delivery_name(int mode);
/* Read path over the defaults already in c. Returns 0, or -1 after printing "path:line: message" to stderr. */
int	conf_load(struct conf *c, const char *path);
/* Free the strings. */
void	conf_free(struct conf *c);

#endif
