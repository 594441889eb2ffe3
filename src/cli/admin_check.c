/*
 * admin_check.c - `tpportal-admin check`: everything a set-up needs, one line per check, each naming
 * what it looked at and where, "ok" or "FAIL" (docs/operations.md, "Troubleshooting", lists them):
 * the configuration file, the database login and the portal account's grants, the schema version
 * against the migrations on disk, the folders with their owners and modes (as the server's user
 * sees them), base_url, the FastCGI socket, and every attachment row whose file is missing.
 * It uses the portal's own account, as the server would; the exit status is 1 when any check failed.
 */
#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cli/admin.h"
#include "cli/admin_check.h"
#include "core/conf.h"
#include "store/db.h"
#include "core/log.h"

#define MAX_VERSIONS	1000

struct tally {
	int	ok, failed;
};

static void line(struct tally *t, int ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
line(struct tally *t, int ok, const char *fmt, ...)
{
	va_list ap;

	fputs(ok ? "ok    " : "FAIL  ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (ok)
		t->ok++;
	else
		t->failed++;
}

/* A user's entry copied out of getpwnam's static buffer (the next call overwrites it). */
struct user {
	struct passwd	pw;
	char		name[64];
};

static const struct passwd *
keep_user(const struct passwd *p, struct user *u)
{
	if (p == NULL)
		return NULL;
	u->pw = *p;
	snprintf(u->name, sizeof(u->name), "%s", p->pw_name);
	u->pw.pw_name = u->name;
	u->pw.pw_passwd = u->pw.pw_gecos = u->pw.pw_dir = u->pw.pw_shell = NULL;
	return &u->pw;
}

/* The user the server runs as: user = in the configuration, else tpportal when it exists, else us. */
static const struct passwd *
server_user(const struct conf *c, struct user *u)
{
	const struct passwd *pw = NULL;

	if (c->user != NULL && *c->user)
		pw = getpwnam(c->user);
	if (pw == NULL)
		pw = getpwnam("tpportal");
	if (pw == NULL)
		pw = getpwuid(getuid());
	return keep_user(pw, u);
}

static int
in_group(const struct passwd *pw, gid_t gid)
{
	gid_t groups[64];
	int n = 64, i;

	if (pw->pw_gid == gid)
		return 1;
	if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &n) < 0)
		return 0;
	for (i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

/* The permission bits (rwx as 4 2 1) that user pw has on st, as the kernel would decide them. */
static int
bits_for(const struct stat *st, const struct passwd *pw)
{
	if (pw->pw_uid == 0)
		return 7;
	if (st->st_uid == pw->pw_uid)
		return (int)(st->st_mode >> 6) & 7;
	if (in_group(pw, st->st_gid))
		return (int)(st->st_mode >> 3) & 7;
	return (int)st->st_mode & 7;
}

/* "tpportal:www-data 2750" for st into buf. */
static const char *
owner_mode(const struct stat *st, char *buf, size_t size)
{
	const struct passwd *pw = getpwuid(st->st_uid);
	const struct group *gr = getgrgid(st->st_gid);
	char u[32], g[32];

	if (pw != NULL)
		snprintf(u, sizeof(u), "%s", pw->pw_name);
	else
		snprintf(u, sizeof(u), "%lu", (unsigned long)st->st_uid);
	if (gr != NULL)
		snprintf(g, sizeof(g), "%s", gr->gr_name);
	else
		snprintf(g, sizeof(g), "%lu", (unsigned long)st->st_gid);
	snprintf(buf, size, "%s:%s %04o", u, g, (unsigned)(st->st_mode & 07777));
	return buf;
}

/* A folder that user pw needs with the bits want (4 read, 2 write, 1 enter): "cannot VERB it", "DONE by". */
static void
check_folder(struct tally *t, const char *key, const char *path, const struct passwd *pw, int want,
    const char *verb, const char *done)
{
	struct stat st;
	char om[96];

	if (stat(path, &st) != 0) {
		line(t, 0, "%s = %s: %s", key, path, strerror(errno));
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		line(t, 0, "%s = %s: not a folder", key, path);
		return;
	}
	owner_mode(&st, om, sizeof(om));
	if ((bits_for(&st, pw) & want) != want)
		line(t, 0, "%s = %s: %s; user %s cannot %s it", key, path, om, pw->pw_name, verb);
	else
		line(t, 1, "%s = %s: %s, %s by %s", key, path, om, done, pw->pw_name);
}

static void
check_password_file(struct tally *t, const struct conf *c, const struct passwd *pw)
{
	struct stat st;
	char om[96];

	if (c->db_password_file == NULL || *c->db_password_file == '\0') {
		line(t, 1, "db_password_file: none (the account %s logs in without a password, e.g. by unix socket)",
		    c->db_user);
		return;
	}
	if (stat(c->db_password_file, &st) != 0) {
		line(t, 0, "db_password_file = %s: %s", c->db_password_file, strerror(errno));
		return;
	}
	owner_mode(&st, om, sizeof(om));
	if (st.st_mode & 0007)
		line(t, 0, "db_password_file = %s: %s; readable by every user (chmod o-rwx)", c->db_password_file, om);
	else if (!(bits_for(&st, pw) & 4))
		line(t, 0, "db_password_file = %s: %s; user %s cannot read it", c->db_password_file, om, pw->pw_name);
	else
		line(t, 1, "db_password_file = %s: %s, readable by %s", c->db_password_file, om, pw->pw_name);
}

static void
check_socket(struct tally *t, const struct conf *c)
{
	struct sockaddr_un sa;
	struct stat st;
	char dir[sizeof(sa.sun_path)];
	const char *slash;
	int fd, up;

	if (strcmp(c->socket, "-") == 0) {
		line(t, 1, "socket = -: the listening socket comes from the service manager (tpportal.socket)");
		return;
	}
	if (c->socket[0] != '/') {
		line(t, 1, "socket = %s: TCP", c->socket);
		return;
	}
	if (strlen(c->socket) >= sizeof(sa.sun_path)) {
		line(t, 0, "socket = %s: longer than a unix socket path may be (%zu bytes)", c->socket,
		    sizeof(sa.sun_path) - 1);
		return;
	}
	slash = strrchr(c->socket, '/');
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - c->socket) > 0 ? (int)(slash - c->socket) : 1, c->socket);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		line(t, 0, "socket = %s: its folder %s does not exist", c->socket, dir);
		return;
	}
	if (stat(c->socket, &st) != 0) {
		line(t, 1, "socket = %s: not there yet (the server makes it at start); folder %s exists", c->socket, dir);
		return;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, c->socket, strlen(c->socket) + 1);
	up = 0;
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0) {
		up = connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0;
		close(fd);
	}
	line(t, 1, "socket = %s: %s", c->socket, up ? "a server answers on it" : "no server answers on it now");
}

static void
check_base_url(struct tally *t, const struct conf *c)
{
	/* conf_load already refused a path, a query or a scheme other than http(s). */
	if (strncmp(c->base_url, "https://", 8) == 0)
		line(t, 1, "base_url = %s", c->base_url);
	else
		line(t, 1, "base_url = %s (plain http: sign-in cookies are sent without TLS; put TLS in front and "
		    "use https://)", c->base_url);
}

static int
table_exists(struct db *db, const char *name)
{
	static const char sql[] = "SELECT COUNT(*) FROM information_schema.tables "
	    "WHERE table_schema = DATABASE() AND table_name = ?";
	struct db_stmt *st = db_prepare(db, sql);
	int n = -1;

	if (st == NULL)
		return -1;
	db_bind_text(st, 0, name);
	if (db_step(st) == DB_ROW)
		n = (int)db_col_int(st, 0);
	db_reset(st);
	return n;
}

static void
check_grants(struct tally *t, struct db *db, const struct conf *c)
{
	static const char sql[] =
	    "SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES WHERE TABLE_SCHEMA = DATABASE() "
	    "UNION SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE <> 'USAGE'";
	static const char *const need[] = { "SELECT", "INSERT", "UPDATE", "DELETE" };
	struct db_stmt *st = db_prepare(db, sql);
	char extra[512] = "", missing[64] = "";
	int have[4] = { 0 }, i, rc;
	size_t k;

	if (st == NULL) {
		line(t, 0, "grants of %s: cannot be read", c->db_user);
		return;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		const char *p = db_col_text(st, 0);

		for (i = 0; i < 4; i++)
			if (p != NULL && strcmp(p, need[i]) == 0)
				break;
		if (i < 4)
			have[i] = 1;
		else if (p != NULL && (k = strlen(extra)) + strlen(p) + 3 < sizeof(extra))
			snprintf(extra + k, sizeof(extra) - k, "%s%s", k ? ", " : "", p);
	}
	db_reset(st);
	for (i = 0; i < 4; i++)
		if (!have[i] && (k = strlen(missing)) + 10 < sizeof(missing))
			snprintf(missing + k, sizeof(missing) - k, "%s%s", k ? ", " : "", need[i]);
	if (rc == DB_ERR)
		line(t, 0, "grants of %s: cannot be read", c->db_user);
	else if (missing[0])
		line(t, 0, "grants of %s on %s: %s missing (GRANT SELECT, INSERT, UPDATE, DELETE ON %s.* TO ...)",
		    c->db_user, c->db_name, missing, c->db_name);
	else if (extra[0])
		line(t, 0, "grants of %s on %s: more than the four data verbs (%s); the portal's account must not "
		    "change the schema: REVOKE ALL, then GRANT SELECT, INSERT, UPDATE, DELETE", c->db_user, c->db_name, extra);
	else
		line(t, 1, "grants of %s on %s: SELECT, INSERT, UPDATE, DELETE and no more", c->db_user, c->db_name);
}

/* The version numbers of sql_dir's NNN_*.sql into v (sorted), their count, or -1. */
static int
disk_versions(const char *sql_dir, long *v, char names[][64], int max)
{
	DIR *d = opendir(sql_dir);
	struct dirent *e;
	int n = 0, i, j;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL && n < max) {
		char *end;
		long num;
		size_t len = strlen(e->d_name);

		if (e->d_name[0] < '0' || e->d_name[0] > '9' || len < 5 || strcmp(e->d_name + len - 4, ".sql") != 0)
			continue;
		num = strtol(e->d_name, &end, 10);
		if (*end != '_')
			continue;
		v[n] = num;
		snprintf(names[n], 64, "%s", e->d_name);
		n++;
	}
	closedir(d);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--) {
			long tv = v[j];
			char tn[64];

			v[j] = v[j - 1];
			v[j - 1] = tv;
			memcpy(tn, names[j], 64);
			memcpy(names[j], names[j - 1], 64);
			memcpy(names[j - 1], tn, 64);
		}
	return n;
}

static void
check_schema(struct tally *t, struct db *db, const char *sql_dir)
{
	static const char sql_versions[] = "SELECT version FROM schema_version";
	static const char sql_steps[] = "SELECT version, COUNT(*) FROM schema_steps GROUP BY version";
	static long disk[MAX_VERSIONS];
	static char names[MAX_VERSIONS][64];
	char pending[512] = "";
	unsigned char applied[MAX_VERSIONS] = { 0 };
	struct db_stmt *st;
	int n, i, npending = 0, top = 0;
	size_t k;

	if (table_exists(db, "schema_version") != 1) {
		line(t, 0, "schema: the database has no schema_version table (never migrated): run tpportal-admin migrate");
		return;
	}
	if ((st = db_prepare(db, sql_versions)) == NULL)
		return;
	while (db_step(st) == DB_ROW) {
		long long v = db_col_int(st, 0);

		if (v > 0 && v < MAX_VERSIONS)
			applied[v] = 1;
		if (v > top)
			top = (int)v;
	}
	db_reset(st);
	if (table_exists(db, "schema_steps") == 1 && (st = db_prepare(db, sql_steps)) != NULL) {
		while (db_step(st) == DB_ROW)
			line(t, 0, "schema: migration %lld stopped half-way (%lld steps applied): fix its cause and run "
			    "tpportal-admin migrate, which resumes at the failed step", db_col_int(st, 0), db_col_int(st, 1));
		db_reset(st);
	}
	if ((n = disk_versions(sql_dir, disk, names, MAX_VERSIONS)) < 0) {
		line(t, 0, "schema: version %d; the migrations folder %s cannot be read: %s", top, sql_dir, strerror(errno));
		return;
	}
	for (i = 0; i < n; i++) {
		if (disk[i] > 0 && disk[i] < MAX_VERSIONS && applied[disk[i]])
			continue;
		npending++;
		if ((k = strlen(pending)) + strlen(names[i]) + 3 < sizeof(pending))
			snprintf(pending + k, sizeof(pending) - k, "%s%s", k ? ", " : "", names[i]);
	}
	if (npending > 0)
		line(t, 0, "schema: version %d; %d migration(s) in %s not applied (%s): run tpportal-admin migrate",
		    top, npending, sql_dir, pending);
	else if (n > 0 && top > disk[n - 1])
		line(t, 0, "schema: version %d is newer than the migrations in %s (up to %ld): an older tpportal on a "
		    "newer database", top, sql_dir, disk[n - 1]);
	else
		line(t, 1, "schema: version %d, all %d migrations in %s applied", top, n, sql_dir);
}

/* Issue 11, item 4: rows whose file is gone (restored without the uploads, deleted by hand). */
static void
check_attachments(struct tally *t, struct db *db, const struct conf *c)
{
	static const char sql[] = "SELECT id, stored_name, filename FROM attachments ORDER BY id";
	struct db_stmt *st;
	struct stat sb;
	char path[4096];
	long long rows = 0, missing = 0;
	int rc;

	if (table_exists(db, "attachments") != 1 || (st = db_prepare(db, sql)) == NULL)
		return;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *stored = db_col_text(st, 1);

		rows++;
		snprintf(path, sizeof(path), "%s/%s", c->upload_dir, stored ? stored : "");
		if (stored != NULL && stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
			continue;
		missing++;
		line(t, 0, "attachment %lld (%s): its file %s is missing from upload_dir", db_col_int(st, 0),
		    db_col_text(st, 2) ? db_col_text(st, 2) : "?", path);
	}
	db_reset(st);
	if (rc == DB_ERR)
		line(t, 0, "attachments: cannot be read");
	else if (missing == 0)
		line(t, 1, "attachments: all %lld files are in %s", rows, c->upload_dir);
}

int
admin_check(struct admin_ctx *ctx, int argc, char **argv)
{
	const struct conf *c = ctx->conf;
	const char *sql_dir = TP_DATADIR "/sql", *tools = getenv("TPPORTAL_TOOLS");
	struct user server, www;
	const struct passwd *pw = server_user(c, &server);
	const struct passwd *web;
	char checkout[4096];
	struct tally t = { 0, 0 };
	struct db *db = NULL;

	/* Run from a checkout (TPPORTAL_TOOLS is its tools/ folder): its sql/ beside it. */
	if (tools != NULL && *tools && (size_t)snprintf(checkout, sizeof(checkout), "%s/../sql", tools) < sizeof(checkout))
		sql_dir = checkout;
	if (argc == 2 && strcmp(argv[0], "--sql-dir") == 0)
		sql_dir = argv[1];
	else if (argc != 0)
		return 2;
	if (pw == NULL) {
		fprintf(stderr, "tpportal-admin: cannot tell which user the server runs as\n");
		return 1;
	}
	line(&t, 1, "configuration %s: read; the server runs as %s", ctx->conf_path, pw->pw_name);
	check_password_file(&t, c, pw);
	check_folder(&t, "upload_dir", c->upload_dir, pw, 7, "write", "written");
	web = keep_user(getpwnam("www-data"), &www);
	if (web != NULL && c->file_delivery != FD_DIRECT)
		check_folder(&t, "upload_dir (file_delivery)", c->upload_dir, web, 5, "read", "read");
	check_folder(&t, "template_dir", c->template_dir, pw, 5, "read", "read");
	check_base_url(&t, c);
	check_socket(&t, c);

	log_set_level(LOG_ERR);
	fflush(stdout);	/* the client library's reason (on stderr) must come right above the login line */
	if ((db = db_new(c)) == NULL || db_ready(db) != 0) {
		line(&t, 0, "database login: %s to %s on %s (the line above says why)", c->db_user, c->db_name,
		    c->db_socket);
	} else {
		line(&t, 1, "database login: %s to %s on %s", c->db_user, c->db_name, c->db_socket);
		check_grants(&t, db, c);
		check_schema(&t, db, sql_dir);
		check_attachments(&t, db, c);
	}
	if (db != NULL)
		db_free(db);
	printf("check: %d ok, %d failed\n", t.ok, t.failed);
	return t.failed ? 1 : 0;
}
