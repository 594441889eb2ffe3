/*
 * admin_tools.h - the verbs that drive MariaDB's own client programs (admin_tools.c): migrate runs
 * tpportal-migrate, setup/backup/restore run the admin-db script. They replace tpportal-admin's
 * process (exec), so their output, progress and exit status are the script's.
 */
#ifndef TP_ADMIN_TOOLS_H
#define TP_ADMIN_TOOLS_H

struct admin_ctx;

int	admin_migrate(struct admin_ctx *ctx, int argc, char **argv);
int	admin_setup(struct admin_ctx *ctx, int argc, char **argv);
int	admin_backup(struct admin_ctx *ctx, int argc, char **argv);
int	admin_restore(struct admin_ctx *ctx, int argc, char **argv);

/*
 * The path of a helper: $TPPORTAL_TOOLS/name when that variable is set (a checkout: its tools/ folder),
 * else installed (the given path). Returns a static buffer's text or NULL when too long.
 */
const char *admin_tool_path(const char *name, const char *installed);

#endif
