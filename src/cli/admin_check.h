/* admin_check.h - `tpportal-admin check`: the set-up checked part by part (admin_check.c). */
#ifndef TP_ADMIN_CHECK_H
#define TP_ADMIN_CHECK_H

struct admin_ctx;

/* Print one line per check ("ok    what" or "FAIL  what: why") and a summary; 0 when all passed, else 1. */
int	admin_check(struct admin_ctx *ctx, int argc, char **argv);

#endif
