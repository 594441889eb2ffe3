/*
 * admin_tools.c - `tpportal-admin migrate | setup | backup | restore`.
 *
 * These verbs are work for MariaDB's own clients: migrations are SQL scripts that the mariadb client
 * splits and runs under the migrator's account (not the portal's, which may only read and write
 * rows), a backup is mariadb-dump --single-transaction plus tar, setup talks to the server's admin
 * socket as its root. tpportal-migrate (tools/migrate) and admin-db (tools/admin-db) do that in
 * shell, where those programs are at home; tpportal-admin gives them one front door, the
 * configuration it already read (-c), and the migrator's option file beside it (migrate.cnf in the
 * configuration's folder) unless --defaults-file is given.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/admin.h"
#include "cli/admin_tools.h"

#ifndef TP_SBINDIR
#define TP_SBINDIR	"/usr/local/sbin"
#endif
#ifndef TP_PKGLIBEXECDIR
#define TP_PKGLIBEXECDIR "/usr/local/libexec/tpportal"
#endif

#define MAX_ARGS	64

const char *
admin_tool_path(const char *name, const char *installed)
{
	static char path[4096];
	const char *dir = getenv("TPPORTAL_TOOLS");
	int n;

	if (dir == NULL || *dir == '\0')
		return installed;
	n = snprintf(path, sizeof(path), "%s/%s", dir, name);
	return n > 0 && (size_t)n < sizeof(path) ? path : NULL;
}

/* The migrator's option file: migrate.cnf in the configuration's folder. */
static int
default_cnf(const char *conf_path, char *out, size_t size)
{
	const char *slash = strrchr(conf_path, '/');
	int n;

	if (slash == NULL)
		n = snprintf(out, size, "migrate.cnf");
	else
		n = snprintf(out, size, "%.*s/migrate.cnf", (int)(slash - conf_path), conf_path);
	return n > 0 && (size_t)n < size ? 0 : -1;
}

static int
has_arg(int argc, char **argv, const char *opt)
{
	size_t len = strlen(opt);
	int i;

	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], opt) == 0 || (strncmp(argv[i], opt, len) == 0 && argv[i][len] == '='))
			return 1;
	return 0;
}

/* exec path with head[0..nhead), then --defaults-file CNF unless given, then argv. Returns only on failure. */
static int
run_tool(struct admin_ctx *ctx, const char *path, const char **head, int nhead, int argc, char **argv)
{
	const char *args[MAX_ARGS];
	char cnf[4096], self[4096];
	int n = 0, i;

	if (path == NULL || nhead + argc + 4 > MAX_ARGS) {
		fprintf(stderr, "tpportal-admin: too many arguments\n");
		return 2;
	}
	args[n++] = path;
	for (i = 0; i < nhead; i++)
		args[n++] = head[i];
	if (!has_arg(argc, argv, "--defaults-file")) {
		if (default_cnf(ctx->conf_path, cnf, sizeof(cnf)) != 0)
			return 1;
		args[n++] = "--defaults-file";
		args[n++] = cnf;
	}
	for (i = 0; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	/* The scripts call back into this very binary (create-user, reindex, check). */
	if (getenv("TPPORTAL_ADMIN") == NULL && (i = (int)readlink("/proc/self/exe", self, sizeof(self) - 1)) > 0) {
		self[i] = '\0';
		setenv("TPPORTAL_ADMIN", self, 1);
	}
	fflush(NULL);
	execv(path, (char *const *)(void *)args);
	fprintf(stderr, "tpportal-admin: cannot run %s: %s\n", path, strerror(errno));
	return 1;
}

int
admin_migrate(struct admin_ctx *ctx, int argc, char **argv)
{
	return run_tool(ctx, admin_tool_path("migrate", TP_SBINDIR "/tpportal-migrate"), NULL, 0, argc, argv);
}

static int
run_db_script(struct admin_ctx *ctx, const char *verb, int argc, char **argv)
{
	const char *head[3] = { verb, "--conf", ctx->conf_path };

	return run_tool(ctx, admin_tool_path("admin-db", TP_PKGLIBEXECDIR "/admin-db"), head, 3, argc, argv);
}

int
admin_setup(struct admin_ctx *ctx, int argc, char **argv)
{
	return run_db_script(ctx, "setup", argc, argv);
}

int
admin_backup(struct admin_ctx *ctx, int argc, char **argv)
{
	return run_db_script(ctx, "backup", argc, argv);
}

int
admin_restore(struct admin_ctx *ctx, int argc, char **argv)
{
	return run_db_script(ctx, "restore", argc, argv);
}
