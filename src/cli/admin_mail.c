/* admin_mail.c - `tpportal-admin mail` (cli/admin_mail.h): what the outbox holds, and putting it right. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli/admin.h"
#include "cli/admin_mail.h"
#include "core/err.h"
#include "core/text.h"
#include "store/db.h"
#include "store/outbox.h"

static int
print_one(const struct outbox_msg *m, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%s\t%s\t%d\t%s\t%s\n", m->id, m->state, m->kind, m->to_addr, m->attempts,
	    m->next_try_at, m->answer != NULL ? m->answer : "-");
	return 0;
}

static int
list(struct db *db, int argc, char **argv)
{
	const char *state = NULL;
	long long limit = 100;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--queued") == 0 || strcmp(argv[i], "--sending") == 0 ||
		    strcmp(argv[i], "--sent") == 0 || strcmp(argv[i], "--failed") == 0)
			state = argv[i] + 2;
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc && parse_ll(argv[i + 1], 1, 1000, &limit) == 0)
			i++;
		else
			return 2;
	}
	printf("id\tstate\tkind\tto\ttries\tnext try\tlast answer\n");
	return outbox_list(db, state, (int)limit, print_one, NULL) < 0 ? 1 : 0;
}

static int
retry_all(const struct outbox_msg *m, void *arg)
{
	struct db *db = arg;

	if (outbox_retry(db, m->id) == 1)
		printf("queued again: %lld (%s to %s)\n", m->id, m->kind, m->to_addr);
	return 0;
}

static int
by_id(struct db *db, int argc, char **argv, int (*fn)(struct db *, long long), const char *done)
{
	long long id;
	int rc;

	if (argc != 1 || parse_ll(argv[0], 1, LLONG_MAX, &id) != 0)
		return 2;
	if ((rc = fn(db, id)) < 0)
		return 1;
	if (rc == 0) {
		fprintf(stderr, "tpportal-admin: no message %lld that can be %s\n", id, done);
		return 1;
	}
	printf("%s: %lld\n", done, id);
	return 0;
}

static int
test(struct db *db, int argc, char **argv)
{
	long long id = 0;
	int rc;

	if (argc < 1 || argc > 2)
		return 2;
	if (db_begin(db) != 0)
		return 1;
	rc = outbox_queue(db, "test", argv[0], argc == 2 ? argv[1] : NULL, NULL, 0, &id);
	if (rc != 0 || db_commit(db) != 0) {
		db_rollback(db);
		fprintf(stderr, "tpportal-admin: %s\n", rc == TP_EINVALID ? "not an address mail can go to" :
		    "the message could not be queued");
		return 1;
	}
	printf("queued: %lld\n", id);
	return 0;
}

int
admin_mail(struct admin_ctx *ctx, int argc, char **argv)
{
	struct db *db = ctx->db;

	if (argc < 1)
		return 2;
	if (strcmp(argv[0], "list") == 0)
		return list(db, argc - 1, argv + 1);
	if (strcmp(argv[0], "retry") == 0 && argc == 2 && strcmp(argv[1], "--failed") == 0)
		return outbox_list(db, "failed", 1000, retry_all, db) < 0 ? 1 : 0;
	if (strcmp(argv[0], "retry") == 0)
		return by_id(db, argc - 1, argv + 1, outbox_retry, "queued again");
	if (strcmp(argv[0], "drop") == 0)
		return by_id(db, argc - 1, argv + 1, outbox_drop, "dropped");
	if (strcmp(argv[0], "test") == 0)
		return test(db, argc - 1, argv + 1);
	return 2;
}
