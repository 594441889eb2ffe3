/*
 * admin.c - tpportal-admin, the operator's command-line tool: reads the configuration, finds the verb
 * in one table, connects to the database when the verb needs it, and runs it. The verbs live one
 * group per file (admin.h says how to add one):
 *
 *   create-user, set-password		admin_users.c	accounts (password on standard input)
 *   reindex				admin_reindex.c	rebuild the search index
 *   check				admin_check.c	one line per part of the set-up, ok or FAIL
 *   migrate, setup, backup, restore	admin_tools.c	run tpportal-migrate and the admin-db script
 *   mail					admin_mail.c	the mail outbox: list, retry, drop, test
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/admin.h"
#include "cli/admin_check.h"
#include "cli/admin_mail.h"
#include "cli/admin_reindex.h"
#include "cli/admin_tools.h"
#include "cli/admin_users.h"
#include "model/account.h"
#include "core/conf.h"
#include "store/db.h"
#include "core/log.h"

static const struct admin_verb verbs[] = {
	{ "create-user", "[--if-missing] [--demo] LOGIN NAME ROLE [TECHNOPARK]", ADMIN_DB, admin_create_user },
	{ "set-password", "LOGIN", ADMIN_DB, admin_set_password },
	{ "reindex", "[--if-empty] [--batch N] [members|people|news|committees ...]", ADMIN_DB, admin_reindex },
	{ "check", "[--sql-dir DIR]", 0, admin_check },
	{ "migrate", "[--dry-run] [--demo] [--no-seed] [--defaults-file FILE] [--sql-dir DIR]", 0, admin_migrate },
	{ "setup", "[--admin-socket PATH] [--secretariat LOGIN --secretariat-name NAME] [--demo] [--yes] ...", 0, admin_setup },
	{ "backup", "[--defaults-file FILE] ARCHIVE.tar.gz", 0, admin_backup },
	{ "restore", "[--defaults-file FILE] ARCHIVE.tar.gz", 0, admin_restore },
	{ "mail", "list [--queued|--sending|--sent|--failed] [--limit N] | retry ID|--failed | drop ID | test ADDRESS [NAME]", ADMIN_DB, admin_mail },
};

static void
usage(FILE *fp)
{
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		fprintf(fp, "%s tpportal-admin [-c conf] %s %s\n", i == 0 ? "usage:" : "      ", verbs[i].name,
		    verbs[i].synopsis);
	fprintf(fp, "Passwords are read from standard input (first line). ROLE: secretariat, member_admin, staff.\n"
	    "The configuration file is %s unless -c names another. See tpportal-admin(8).\n", CONF_DEFAULT_PATH);
}

static const struct admin_verb *
find_verb(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(verbs[i].name, name) == 0)
			return &verbs[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	const char *path = CONF_DEFAULT_PATH;
	const struct admin_verb *verb;
	struct admin_ctx ctx = { NULL, NULL, NULL };
	struct conf conf;
	int rc = 1, i = 1;

	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		path = argv[2];
		i = 3;
	}
	if (i < argc && (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)) {
		usage(stdout);
		return 0;
	}
	if (i >= argc || (verb = find_verb(argv[i])) == NULL) {
		if (i < argc)
			fprintf(stderr, "tpportal-admin: no verb %s\n", argv[i]);
		usage(stderr);
		return 2;
	}
	conf_defaults(&conf);
	if (conf_load(&conf, path) != 0)
		return 2;
	ctx.conf_path = path;
	ctx.conf = &conf;
	log_set_level(LOG_WARN);
	if (db_library_init() != 0 || account_init() != 0)
		goto out;
	if (verb->flags & ADMIN_DB) {
		if ((ctx.db = db_new(&conf)) == NULL)
			goto out;
		if (db_ready(ctx.db) != 0) {
			fprintf(stderr, "tpportal-admin: cannot reach the database (tpportal-admin check says why)\n");
			goto out;
		}
	}
	rc = verb->run(&ctx, argc - i - 1, argv + i + 1);
	if (rc == 2)
		usage(stderr);
out:
	if (ctx.db != NULL)
		db_free(ctx.db);
	db_library_end();
	conf_free(&conf);
	return rc;
}
