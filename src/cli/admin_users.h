/* admin_users.h - `tpportal-admin create-user` and `set-password` (admin_users.c). */
#ifndef TP_ADMIN_USERS_H
#define TP_ADMIN_USERS_H

struct admin_ctx;

int	admin_create_user(struct admin_ctx *ctx, int argc, char **argv);
int	admin_set_password(struct admin_ctx *ctx, int argc, char **argv);

#endif
