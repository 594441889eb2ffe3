/*
 * page_account_notify.c - the notifications a user chooses (/account/notifications), and the one-click
 * unsubscribe link every notification carries (/unsubscribe/{token}: no sign-in; a mail client may
 * POST to it directly, RFC 8058). The rules and the messages are model/notify.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/text.h"
#include "http/auth.h"
#include "model/notify.h"
#include "pages/pages.h"
#include "pages/page_rows.h"
#include "store/db.h"
#include "view/render.h"

#define MAX_TOPICS	64

static const char sql_categories[] = "SELECT id, name_ko FROM news_categories ORDER BY sort, id";
/* The person the account is linked to (the secretariat sets it), and that person's current seats: whom
 * meeting invitations go to (model/notify.c). */
static const char sql_person[] =
	"SELECT p.name, COALESCE(t.name_ko, a.name_ko) AS org, (SELECT COUNT(*) FROM committee_members m "
	"WHERE m.person_id = p.id AND (m.term_end IS NULL OR m.term_end >= CURDATE()) "
	"AND (m.term_start IS NULL OR m.term_start <= CURDATE())) AS seats FROM users u JOIN people p ON p.id = u.person_id "
	"LEFT JOIN technoparks t ON t.id = p.technopark_id JOIN association a ON a.id = 1 WHERE u.id = ?";

static int
mark(const struct notify_sub *s, void *arg)
{
	HDF *hdf = arg;

	if (strcmp(s->topic, "news_category") == 0)
		render_set(hdf, "1", "Chosen.cat%d", s->category_id);
	else
		render_set(hdf, "1", "Chosen.%s", s->topic);
	return 0;
}

static int
show(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;
	int rc;

	rq->tmpl = "account_notify.cs";
	if ((st = db_prepare(rq->db, sql_categories)) == NULL || page_rows(hdf, "Categories", st) < 0)
		return db_err(rq->db);
	if ((rc = notify_list(rq->db, rq->session->user_id, mark, hdf)) < 0)
		return rc;
	if ((st = db_prepare(rq->db, sql_person)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, rq->session->user_id);
	if (page_row_one(hdf, "Person", st) < 0)
		return db_err(rq->db);
	render_set(hdf, account_role_name(rq->session->role), "Page.Role");
	return 0;
}

int
page_account_notify_form(struct request *rq, HDF *hdf)
{
	const char *done = request_param(rq, "done");

	if (done != NULL && strcmp(done, "saved") == 0)
		render_set(hdf, "1", "Done");
	return show(rq, hdf);
}

int
page_account_notify(struct request *rq, HDF *hdf)
{
	static const char *const plain[] = { "requests", "decisions", "meetings", "news_pinned" };
	const char *topics[MAX_TOPICS], *cats[MAX_TOPICS];
	int ids[MAX_TOPICS], n = 0, rc;
	size_t i, ncats;

	(void)hdf;
	for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		const char *v = request_param(rq, plain[i]);

		/* requests: only the secretariat gets them; others cannot choose them */
		if (v != NULL && strcmp(v, "1") == 0 && (i != 0 || rq->session->role == ROLE_SECRETARIAT)) {
			topics[n] = plain[i];
			ids[n++] = 0;
		}
	}
	ncats = request_param_all(rq, "category", cats, MAX_TOPICS - (size_t)n);
	for (i = 0; i < ncats; i++) {
		long long id;

		if (parse_ll(cats[i], 1, 255, &id) != 0)
			return 400;
		topics[n] = "news_category";
		ids[n++] = (int)id;
	}
	if ((rc = notify_set(rq->db, rq->session->user_id, topics, ids, n)) == TP_EINVALID)
		return 400;	/* only a hand-made form names an unknown category */
	if (rc != 0)
		return rc;
	rq->location = strdup("/account/notifications?done=saved");
	return rq->location != NULL ? 303 : 500;
}

/* The token of the path, or NULL when it cannot be one. */
static const char *
token_of(const struct request *rq)
{
	const char *t = rq->nargs > 0 ? rq->args[0] : NULL;
	size_t i;

	if (t == NULL || strlen(t) != NOTIFY_TOKEN_LEN)
		return NULL;
	for (i = 0; t[i] != '\0'; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return NULL;
	return t;
}

static void
describe(HDF *hdf, const struct notify_sub *s)
{
	render_set(hdf, s->topic, "Sub.topic");
	render_set(hdf, s->category, "Sub.category");
}

int
page_unsubscribe_form(struct request *rq, HDF *hdf)
{
	const char *token = token_of(rq);
	struct notify_sub s;
	int rc;

	rq->tmpl = "unsubscribe.cs";
	if (token == NULL || (rc = notify_by_token(rq->db, token, &s)) == 0) {
		render_set(hdf, "gone", "Result");
		return 0;	/* already ended: say so, not an error */
	}
	if (rc < 0)
		return rc;
	describe(hdf, &s);
	render_set(hdf, token, "Form.token");
	return 0;
}

int
page_unsubscribe(struct request *rq, HDF *hdf)
{
	const char *token = token_of(rq);
	struct notify_sub s;
	int rc;

	rq->tmpl = "unsubscribe.cs";
	if (token != NULL && (rc = notify_by_token(rq->db, token, &s)) < 0)
		return rc;
	if (token == NULL || rc == 0) {
		render_set(hdf, "gone", "Result");
		return 0;	/* the same outcome as a first click: the mail stops */
	}
	describe(hdf, &s);
	if ((rc = notify_unsubscribe(rq->db, token)) < 0)
		return rc;
	render_set(hdf, "done", "Result");
	return 0;
}
