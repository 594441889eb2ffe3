/* admin_reindex.h - `tpportal-admin reindex`: rebuild the search index with a progress bar. */
#ifndef TP_ADMIN_REINDEX_H
#define TP_ADMIN_REINDEX_H

struct admin_ctx;

/*
 * Run the reindex subcommand with its arguments ([--batch N] [KIND ...]; no kind: all). Progress goes
 * to stderr, a one-line summary to stdout. Returns the exit status: 0, 1 (failed) or 2 (usage).
 */
int	admin_reindex(struct admin_ctx *ctx, int argc, char **argv);

#endif
