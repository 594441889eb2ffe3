/* admin_mail.h - `tpportal-admin mail`: the outbox on the command line (list, retry, drop, test). */
#ifndef TP_ADMIN_MAIL_H
#define TP_ADMIN_MAIL_H

struct admin_ctx;

/*
 * Run the mail subcommand with its arguments:
 *   list [--queued|--sending|--sent|--failed] [--limit N]   one line per message, newest first
 *   retry ID|--failed    a failed message (or all) back to the queue, same Message-ID
 *   drop ID              remove a message that is not being sent
 *   test ADDRESS [NAME]  queue a test message (docs/email.md: checking the relay)
 * Returns the exit status: 0, 1 (failed or no such message) or 2 (usage).
 */
int	admin_mail(struct admin_ctx *ctx, int argc, char **argv);

#endif
