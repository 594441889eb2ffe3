/* conf.c - read the server's configuration file ("key = value" lines) over built-in defaults. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/conf.h"

#ifndef TP_DATADIR
#define TP_DATADIR	"/usr/local/share/tpportal"
#endif

enum kind {
	K_PATH,		/* text, required: an empty value is an error */
	K_OPTIONAL,	/* text; an empty value means "none" (NULL) */
	K_URL,		/* http:// or https:// origin; a trailing '/' is dropped */
	K_BOOL,		/* yes/no, on/off, true/false, 1/0 */
	K_MODE,		/* octal file mode, 0..0777 */
	K_THREADS,	/* 1..64 */
	K_LEVEL,	/* error|warn|info|debug or 0..3 */
	K_NUMBER,	/* a whole number within the key's lo..hi */
	K_DELIVERY	/* x-accel | x-sendfile | direct (enum file_delivery) */
};

struct key {
	const char	*name;
	enum kind	 kind;
	size_t		 off;	/* of the member in struct conf */
	int		 lo, hi;	/* K_NUMBER: the range */
};

/* Every key the file may hold; docs/configuration.md lists the same keys. */
static const struct key keys[] = {
	{ "socket",		K_PATH,		offsetof(struct conf, socket), 0, 0 },
	{ "socket_mode",	K_MODE,		offsetof(struct conf, socket_mode), 0, 0 },
	{ "socket_group",	K_OPTIONAL,	offsetof(struct conf, socket_group), 0, 0 },
	{ "threads",		K_THREADS,	offsetof(struct conf, threads), 0, 0 },
	{ "db_socket",		K_PATH,		offsetof(struct conf, db_socket), 0, 0 },
	{ "db_nodes",		K_OPTIONAL,	offsetof(struct conf, db_nodes), 0, 0 },
	{ "db_name",		K_PATH,		offsetof(struct conf, db_name), 0, 0 },
	{ "db_user",		K_PATH,		offsetof(struct conf, db_user), 0, 0 },
	{ "db_password_file",	K_OPTIONAL,	offsetof(struct conf, db_password_file), 0, 0 },
	{ "base_url",		K_URL,		offsetof(struct conf, base_url), 0, 0 },
	{ "public_read",	K_BOOL,		offsetof(struct conf, public_read), 0, 0 },
	{ "public_contacts",	K_BOOL,		offsetof(struct conf, public_contacts), 0, 0 },
	{ "people_review",	K_BOOL,		offsetof(struct conf, people_review), 0, 0 },
	{ "upload_dir",		K_PATH,		offsetof(struct conf, upload_dir), 0, 0 },
	{ "file_delivery",	K_DELIVERY,	offsetof(struct conf, file_delivery), 0, 0 },
	{ "template_dir",	K_PATH,		offsetof(struct conf, template_dir), 0, 0 },
	{ "log_level",		K_LEVEL,	offsetof(struct conf, log_level), 0, 0 },
	{ "user",		K_OPTIONAL,	offsetof(struct conf, user), 0, 0 },
	{ "log_file",		K_OPTIONAL,	offsetof(struct conf, log_file), 0, 0 },
	{ "trusted_proxy",	K_OPTIONAL,	offsetof(struct conf, trusted_proxy), 0, 0 },
	{ "session_idle_minutes", K_NUMBER,	offsetof(struct conf, session_idle_minutes), 1, 7 * 24 * 60 },
	{ "session_max_hours",	K_NUMBER,	offsetof(struct conf, session_max_hours), 1, 30 * 24 },
	{ "login_window_minutes", K_NUMBER,	offsetof(struct conf, login_window_minutes), 1, 24 * 60 },
	{ "login_max_failures",	K_NUMBER,	offsetof(struct conf, login_max_failures), 1, 1000 },
	{ "login_max_failures_addr", K_NUMBER,	offsetof(struct conf, login_max_failures_addr), 1, 100000 },
	{ "page_cache_mb",	K_NUMBER,	offsetof(struct conf, page_cache_mb), 0, 4096 },
	{ "debug_round_trips",	K_BOOL,		offsetof(struct conf, debug_round_trips), 0, 0 },
	{ "smtp_url",		K_OPTIONAL,	offsetof(struct conf, smtp_url), 0, 0 },
	{ "smtp_user",		K_OPTIONAL,	offsetof(struct conf, smtp_user), 0, 0 },
	{ "smtp_password_file",	K_OPTIONAL,	offsetof(struct conf, smtp_password_file), 0, 0 },
	{ "smtp_starttls",	K_BOOL,		offsetof(struct conf, smtp_starttls), 0, 0 },
	{ "mail_from",		K_OPTIONAL,	offsetof(struct conf, mail_from), 0, 0 },
	{ "mail_from_name",	K_OPTIONAL,	offsetof(struct conf, mail_from_name), 0, 0 },
	{ "mail_retry_seconds",	K_NUMBER,	offsetof(struct conf, mail_retry_seconds), 1, 24 * 3600 },
	{ "mail_retry_max_seconds", K_NUMBER,	offsetof(struct conf, mail_retry_max_seconds), 1, 7 * 24 * 3600 },
	{ "mail_max_attempts",	K_NUMBER,	offsetof(struct conf, mail_max_attempts), 1, 100 },
	{ "mail_sink_dir",	K_OPTIONAL,	offsetof(struct conf, mail_sink_dir), 0, 0 },
	/* admission control (issue 13) */
	{ "max_search",		K_NUMBER,	offsetof(struct conf, max_search), 1, 64 },
	{ "max_login",		K_NUMBER,	offsetof(struct conf, max_login), 1, 64 },
	{ "max_upload",		K_NUMBER,	offsetof(struct conf, max_upload), 1, 64 },
	{ "statement_time_page", K_NUMBER,	offsetof(struct conf, statement_time_page), 0, 3600 },
	{ "statement_time_search", K_NUMBER,	offsetof(struct conf, statement_time_search), 0, 3600 },
	{ "statement_time_write", K_NUMBER,	offsetof(struct conf, statement_time_write), 0, 3600 },
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

/*
 * conf_defaults returns void and runs once at startup, before any thread or socket exists,
 * so running out of memory there ends the process (the style allows exiting before the loop).
 */
static char *
dup_or_exit(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL) {
		fputs("tpportal: out of memory reading the defaults\n", stderr);
		exit(1);
	}
	return p;
}

/* Fill c with the defaults (strings are malloc'd; free with conf_free). */
void
conf_defaults(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	c->socket = dup_or_exit("/run/tpportal/tpportal.sock");
	c->socket_mode = 0660;
	c->threads = 4;
	c->db_socket = dup_or_exit("/run/mysqld/mysqld.sock");
	c->db_name = dup_or_exit("tpportal");
	c->db_user = dup_or_exit("tpportal");
	c->base_url = dup_or_exit("http://127.0.0.1:8080");
	c->public_read = 1;
	c->public_contacts = 0;
	c->people_review = 0;
	c->upload_dir = dup_or_exit("/var/lib/tpportal/uploads");
	c->file_delivery = FD_X_ACCEL;
	c->template_dir = dup_or_exit(TP_DATADIR "/templates");
	c->log_level = 2;
	c->session_idle_minutes = 60;
	c->session_max_hours = 12;
	c->login_window_minutes = 15;
	c->login_max_failures = 5;
	c->login_max_failures_addr = 50;
	c->page_cache_mb = 8;
	c->mail_retry_seconds = 60;
	c->mail_retry_max_seconds = 3600;
	c->mail_max_attempts = 10;
	c->max_search = 2;
	c->max_login = 2;
	c->max_upload = 2;
	c->statement_time_page = 5;
	c->statement_time_search = 10;
	c->statement_time_write = 30;
}

/* Free the strings; c is left zeroed. */
void
conf_free(struct conf *c)
{
	size_t	 i;

	for (i = 0; i < NKEYS; i++) {
		if (keys[i].kind == K_PATH || keys[i].kind == K_OPTIONAL || keys[i].kind == K_URL)
			free(*(char **)(void *)((char *)c + keys[i].off));
	}
	memset(c, 0, sizeof(*c));
}

/* Whole-string integer in base (8 or 10) within [min, max]; 0 or -1. */
static int
parse_int(const char *v, int base, long min, long max, int *out)
{
	char	*end;
	long	 n;

	if (*v < '0' || *v > '9')
		return -1;	/* strtol would take spaces and signs */
	errno = 0;
	n = strtol(v, &end, base);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return -1;
	*out = (int)n;
	return 0;
}

static int
parse_bool(const char *v, int *out)
{
	static const char *const yes[] = { "yes", "on", "true", "1" };
	static const char *const no[] = { "no", "off", "false", "0" };
	size_t	 i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

static const char *const delivery_words[] = { "x-accel", "x-sendfile", "direct" };

const char *
conf_file_delivery_name(int mode)
{
	return mode >= 0 && mode <= FD_DIRECT ? delivery_words[mode] : "?";
}

static int
parse_delivery(const char *v, int *out)
{
	int	 i;

	for (i = 0; i <= FD_DIRECT; i++) {
		if (strcmp(v, delivery_words[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

static int
parse_level(const char *v, int *out)
{
	static const char *const words[] = { "error", "warn", "info", "debug" };
	int	 i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(v, words[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return parse_int(v, 10, 0, 3, out);
}

/* Replace the string at *slot with a copy of v (NULL when v is empty); 0, or a message. */
static const char *
set_text(char **slot, const char *v, enum kind kind)
{
	size_t	 len = strlen(v);
	char	*p = NULL;

	if (*v == '\0' && kind != K_OPTIONAL)
		return "a value is required";
	if (kind == K_URL) {
		const char *host = strstr(v, "://");

		if (strncmp(v, "http://", 7) != 0 && strncmp(v, "https://", 8) != 0)
			return "must start with http:// or https://";
		while (len > 0 && v[len - 1] == '/')
			len--;	/* compared with Origin headers, which never end in '/' */
		/* an origin: compared with the Origin header of every form post, which never has a path */
		host += 3;
		if ((size_t)(host - v) >= len)
			return "names no host";
		if (strcspn(host, "/?#") < len - (size_t)(host - v))
			return "must be an origin (scheme://host[:port]) without a path, query or fragment: "
			    "the portal is served from the root of its host";
	}
	if (*v != '\0' && (p = strndup(v, len)) == NULL)
		return "out of memory";
	free(*slot);
	*slot = p;
	return NULL;
}

/* Store value v for key k in c; NULL, or a message saying what is wrong with v. */
static const char *
set_value(struct conf *c, const struct key *k, const char *v)
{
	void	*slot = (char *)c + k->off;

	switch (k->kind) {
	case K_PATH:
	case K_OPTIONAL:
	case K_URL:
		return set_text(slot, v, k->kind);
	case K_BOOL:
		return parse_bool(v, slot) ? "expected yes/no, on/off, true/false or 1/0" : NULL;
	case K_MODE:
		return parse_int(v, 8, 0, 0777, slot) ? "expected an octal mode such as 0660" : NULL;
	case K_THREADS:
		return parse_int(v, 10, 1, 64, slot) ? "expected a number from 1 to 64" : NULL;
	case K_LEVEL:
		return parse_level(v, slot) ? "expected error, warn, info, debug or 0..3" : NULL;
	case K_DELIVERY:
		return parse_delivery(v, slot) ? "expected x-accel, x-sendfile or direct" : NULL;
	case K_NUMBER:
		if (parse_int(v, 10, k->lo, k->hi, slot) != 0) {
			static _Thread_local char msg[64];

			snprintf(msg, sizeof(msg), "expected a number from %d to %d", k->lo, k->hi);
			return msg;
		}
		return NULL;
	}
	return "unknown kind";
}

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	*e = '\0';
	return s;
}

/*
 * Apply one line; NULL, or a message (then *keyp is the key it is about, or NULL).
 * seen marks the keys this file already set: a second one is a mistake, not an override.
 */
static const char *
conf_line(struct conf *c, char *line, unsigned char *seen, const char **keyp)
{
	char	*eq, *key, *val;
	size_t	 i;

	*keyp = NULL;
	key = trim(line);
	if (*key == '\0' || *key == '#')
		return NULL;
	if ((eq = strchr(key, '=')) == NULL)
		return "expected \"key = value\"";
	*eq = '\0';
	key = trim(key);
	val = trim(eq + 1);
	if (*key == '\0')
		return "expected a key before '='";
	*keyp = key;
	for (i = 0; i < NKEYS; i++)
		if (strcmp(key, keys[i].name) == 0)
			break;
	if (i == NKEYS)
		return "unknown key";
	if (seen[i])
		return "key given twice";
	seen[i] = 1;
	return set_value(c, &keys[i], val);
}

/* Read path over the values already in c. Returns 0, or -1 after printing "path:line: message". */
int
conf_load(struct conf *c, const char *path)
{
	unsigned char	 seen[NKEYS] = { 0 };
	const char	*msg = NULL, *key = NULL;
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	unsigned long	 lineno = 0;
	FILE		*fp;
	int		 rc = -1;

	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		key = NULL;
		if (strlen(line) != (size_t)n)
			msg = "NUL byte in line";
		else
			msg = conf_line(c, line, seen, &key);
		if (msg != NULL)
			goto out;
	}
	if (ferror(fp)) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		goto out;
	}
	/* X-Sendfile names the file to the web server, which resolves a relative path against its own idea */
	if (c->file_delivery == FD_X_SENDFILE && c->upload_dir[0] != '/') {
		fprintf(stderr, "%s: upload_dir: must be an absolute path with file_delivery = x-sendfile (it is %s)\n",
		    path, c->upload_dir);
		goto out;
	}
	if (c->smtp_url != NULL && strncmp(c->smtp_url, "smtp://", 7) != 0 && strncmp(c->smtp_url, "smtps://", 8) != 0) {
		fprintf(stderr, "%s: smtp_url: must start with smtp:// or smtps:// (it is %s)\n", path, c->smtp_url);
		goto out;
	}
	rc = 0;
out:
	if (msg != NULL && key != NULL)
		fprintf(stderr, "%s:%lu: %s: %s\n", path, lineno, key, msg);
	else if (msg != NULL)
		fprintf(stderr, "%s:%lu: %s\n", path, lineno, msg);
	free(line);
	fclose(fp);
	return rc;
}
