/*
 * admin.h - what every tpportal-admin verb gets, and the shape of the verb table in admin.c.
 *
 * A verb group lives in a file of its own (admin_users.c, admin_check.c, admin_tools.c, ...) and
 * exports its run functions; admin.c lists them in one table. To add a verb: write its function in
 * its group's file, declare it in the group's header, add one line to the table.
 */
#ifndef TP_ADMIN_H
#define TP_ADMIN_H

struct conf;
struct db;

struct admin_ctx {
	const char	*conf_path;	/* the configuration file that was read */
	struct conf	*conf;
	struct db	*db;		/* connected when the verb asked for it (ADMIN_DB), else NULL */
};

enum {
	ADMIN_DB = 1		/* main connects to the database before the verb runs and fails without it */
};

struct admin_verb {
	const char	*name;
	const char	*synopsis;	/* the arguments, for the usage text */
	int		 flags;		/* ADMIN_DB or 0 */
	/* argv holds the verb's arguments (without the verb). Returns the exit status: 0, 1 (failed) or 2 (usage). */
	int		(*run)(struct admin_ctx *ctx, int argc, char **argv);
};

#endif
