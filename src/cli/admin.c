/*
 * admin.c - tpportal-admin, the command-line tool for the secretariat's first account and for
 * resetting passwords. Passwords are read from standard input (first line), never from argv,
 * where other users could see them in the process list.
 *
 *   tpportal-admin [-c conf] create-user [--if-missing] [--demo] LOGIN NAME ROLE [TECHNOPARK]
 *   tpportal-admin [-c conf] set-password LOGIN
 *   tpportal-admin [-c conf] reindex [--if-empty] [--batch N] [KIND ...]  (admin_reindex.c)
 *   tpportal-admin [-c conf] mail list|retry|drop|test ...  (admin_mail.c)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "cli/admin_reindex.h"
#include "cli/admin_mail.h"
#include "store/audit.h"
#include "model/account.h"
#include "core/conf.h"
#include "store/db.h"
#include "core/log.h"
#include "core/text.h"

static const char sql_exists[] = "SELECT id FROM users WHERE login = ?";
static const char sql_tp[] = "SELECT id FROM technoparks WHERE slug = ?";
static const char sql_insert[] =
	"INSERT INTO users (login, display_name, role, technopark_id, password_hash, is_demo) "
	"VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_password[] =
	"UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?";
static const char sql_end_sessions[] = "DELETE FROM sessions WHERE user_id = ?";

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: tpportal-admin [-c conf] create-user [--if-missing] [--demo] LOGIN NAME ROLE [TECHNOPARK]\n"
	    "       tpportal-admin [-c conf] set-password LOGIN\n"
	    "       tpportal-admin [-c conf] reindex [--if-empty] [--batch N] [members|people|news|committees ...]\n"
	    "       tpportal-admin [-c conf] mail list [--queued|--sending|--sent|--failed] [--limit N]\n"
	    "       tpportal-admin [-c conf] mail retry ID|--failed | mail drop ID | mail test ADDRESS [NAME]\n"
	    "The password is read from standard input (first line). ROLE: secretariat, member_admin, staff.\n"
	    "The configuration file is %s unless -c names another.\n", CONF_DEFAULT_PATH);
}

/* The first row's first column as a number, 0 when no row, -1 on error. */
static long long
lookup(struct db *db, const char *sql, const char *key)
{
	struct db_stmt *st = db_prepare(db, sql);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 0, key);
	if ((rc = db_step(st)) == DB_ROW)
		id = db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ERR ? -1 : id;
}

static int
read_password(char *pw, size_t size)
{
	size_t n;

	if (fgets(pw, (int)size, stdin) == NULL)
		return -1;
	pw[strcspn(pw, "\r\n")] = '\0';
	n = text_utf8_chars(pw, strlen(pw));
	if (!text_valid_utf8(pw, strlen(pw)) || n < ACCOUNT_MIN_PASSWORD || n > ACCOUNT_MAX_PASSWORD) {
		fprintf(stderr, "tpportal-admin: the password must be %d to %d characters\n",
		    ACCOUNT_MIN_PASSWORD, ACCOUNT_MAX_PASSWORD);
		return -1;
	}
	return 0;
}

static int
run(struct db *db, const char *sql, int nbind, const char *t0, const char *t1, const char *t2,
    long long i3, const char *t4, long long i5)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	if (nbind == 6) {
		db_bind_text(st, 0, t0);
		db_bind_text(st, 1, t1);
		db_bind_text(st, 2, t2);
		if (i3 > 0)
			db_bind_int(st, 3, i3);
		else
			db_bind_null(st, 3);
		db_bind_text(st, 4, t4);
		db_bind_int(st, 5, i5);
	} else if (nbind == 2) {
		db_bind_text(st, 0, t0);
		db_bind_int(st, 1, i3);
	} else
		db_bind_int(st, 0, i3);
	rc = db_step(st);
	db_reset(st);
	return rc == DB_DONE ? 0 : -1;
}

static int
create_user(struct db *db, int argc, char **argv)
{
	int if_missing = 0, demo = 0, i = 0;
	char pw[512], hash[ACCOUNT_PWHASH_LEN];
	long long tp = 0, id, change;
	enum role role;

	while (i < argc && strncmp(argv[i], "--", 2) == 0) {
		if (strcmp(argv[i], "--if-missing") == 0)
			if_missing = 1;
		else if (strcmp(argv[i], "--demo") == 0)
			demo = 1;
		else
			return 2;
		i++;
	}
	argc -= i;
	argv += i;
	if (argc < 3 || argc > 4 || !account_role_parse(argv[2], &role) || (role == ROLE_MEMBER_ADMIN) != (argc == 4))
		return 2;
	if ((id = lookup(db, sql_exists, argv[0])) < 0)
		return 1;
	if (id > 0) {
		fprintf(stderr, "tpportal-admin: user %s exists\n", argv[0]);
		return if_missing ? 0 : 1;
	}
	if (argc == 4 && (tp = lookup(db, sql_tp, argv[3])) <= 0) {
		fprintf(stderr, "tpportal-admin: no technopark %s\n", argv[3]);
		return 1;
	}
	if (read_password(pw, sizeof(pw)) != 0 || account_hash_password(pw, hash) != 0)
		return 1;
	if (db_begin(db) != 0 || run(db, sql_insert, 6, argv[0], argv[1], argv[2], tp, hash, demo) != 0 ||
	    (id = lookup(db, sql_exists, argv[0])) <= 0 ||
	    audit_change(db, 0, "create", "user", id, tp, "tpportal-admin", &change) != 0 ||
	    audit_field(db, change, "login", NULL, argv[0]) != 0 ||
	    audit_field(db, change, "role", NULL, argv[2]) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		return 1;
	}
	printf("created %s (%s)\n", argv[0], argv[2]);
	return 0;
}

static int
set_password(struct db *db, int argc, char **argv)
{
	char pw[512], hash[ACCOUNT_PWHASH_LEN];
	long long id, change;

	if (argc != 1)
		return 2;
	if ((id = lookup(db, sql_exists, argv[0])) <= 0) {
		fprintf(stderr, "tpportal-admin: no user %s\n", argv[0]);
		return 1;
	}
	if (read_password(pw, sizeof(pw)) != 0 || account_hash_password(pw, hash) != 0)
		return 1;
	if (db_begin(db) != 0 || run(db, sql_password, 2, hash, NULL, NULL, id, NULL, 0) != 0 ||
	    run(db, sql_end_sessions, 1, NULL, NULL, NULL, id, NULL, 0) != 0 ||
	    audit_change(db, 0, "password", "user", id, 0, "tpportal-admin", &change) != 0 ||
	    db_commit(db) != 0) {
		db_rollback(db);
		return 1;
	}
	printf("password set for %s\n", argv[0]);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *path = CONF_DEFAULT_PATH;
	struct conf conf;
	struct db *db;
	int rc, i = 1;

	if (argc > 2 && strcmp(argv[1], "-c") == 0) {
		path = argv[2];
		i = 3;
	}
	if (i < argc && (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)) {
		usage(stdout);
		return 0;
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	conf_defaults(&conf);
	if (conf_load(&conf, path) != 0)
		return 2;
	log_set_level(LOG_WARN);
	if (db_library_init() != 0 || account_init() != 0 || (db = db_new(&conf)) == NULL)
		return 1;
	if (db_ready(db) != 0) {
		fprintf(stderr, "tpportal-admin: cannot reach the database\n");
		return 1;
	}
	if (strcmp(argv[i], "create-user") == 0)
		rc = create_user(db, argc - i - 1, argv + i + 1);
	else if (strcmp(argv[i], "set-password") == 0)
		rc = set_password(db, argc - i - 1, argv + i + 1);
	else if (strcmp(argv[i], "reindex") == 0)
		rc = admin_reindex(db, argc - i - 1, argv + i + 1);
	else if (strcmp(argv[i], "mail") == 0)
		rc = admin_mail(db, argc - i - 1, argv + i + 1);
	else
		rc = 2;
	if (rc == 2)
		usage(stderr);
	db_free(db);
	db_library_end();
	conf_free(&conf);
	return rc;
}
