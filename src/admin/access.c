/*
 * access.c - the row-level rules of the admin routes (access.h): one owner lookup each, by the
 * URL's first capture, then the same question the access level asks, about this record.
 */
#include <string.h>

#include "admin/access.h"
#include "core/err.h"
#include "core/text.h"
#include "model/account.h"
#include "model/committees.h"
#include "store/db.h"

static const char sql_tp_by_slug[] = "SELECT id FROM technoparks WHERE slug = ?";
static const char sql_person_tp[] = "SELECT COALESCE(technopark_id, 0) FROM people WHERE id = ?";
static const char sql_article_tp[] = "SELECT COALESCE(technopark_id, 0) FROM news_articles WHERE id = ?";
static const char sql_library_tp[] = "SELECT COALESCE(technopark_id, 0) FROM library_documents WHERE id = ?";
static const char sql_request_tp[] = "SELECT technopark_id FROM change_requests WHERE id = ?";
static const char sql_request_own[] =
	"SELECT technopark_id, submitted_by, state = 'pending' FROM change_requests WHERE id = ?";
static const char sql_committee_by_slug[] = "SELECT id FROM committees WHERE slug = ?";
static const char sql_seat_committee[] = "SELECT committee_id FROM committee_members WHERE id = ?";
static const char sql_meeting_committee[] = "SELECT committee_id FROM committee_meetings WHERE id = ?";
static const char sql_item_committee[] =
	"SELECT g.committee_id FROM committee_agenda_items i JOIN committee_meetings g ON g.id = i.meeting_id "
	"WHERE i.id = ?";
static const char sql_resolution_committee[] =
	"SELECT g.committee_id FROM committee_resolutions r JOIN committee_agenda_items i ON i.id = r.agenda_item_id "
	"JOIN committee_meetings g ON g.id = i.meeting_id WHERE r.id = ?";

static int
secretariat(const struct request *rq)
{
	return rq->session != NULL && rq->session->role == ROLE_SECRETARIAT;
}

/* The number sql (one bound text or id) answers into *out: 0, TP_ENOTFOUND, or a TP_E* code. */
static int
lookup(struct request *rq, const char *sql, const char *text, long long id, long long *out)
{
	struct db_stmt *st = db_prepare(rq->db, sql);
	int rc;

	if (st == NULL)
		return db_err(rq->db);
	if (text != NULL)
		db_bind_text(st, 0, text);
	else
		db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW)
		*out = db_col_int(st, 0);
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	return rc == DB_ROW ? 0 : TP_ENOTFOUND;
}

/* The URL's first capture as an id (the router's {id} pattern makes it digits). */
static int
arg_id(const struct request *rq, long long *id)
{
	return rq->nargs > 0 && parse_ll(rq->args[0], 1, 4294967295LL, id) == 0 ? 0 : TP_ENOTFOUND;
}

/* The record whose owning technopark sql gives may be edited by the user (own technopark). */
static int
tp_rule(struct request *rq, const char *sql, int hide)
{
	long long id, tp = 0;
	int rc;

	if (secretariat(rq))
		return 0;
	if ((rc = arg_id(rq, &id)) != 0 || (rc = lookup(rq, sql, NULL, id, &tp)) != 0)
		return rc;
	if (account_may_edit_tp(rq->session, tp))
		return 0;
	return hide ? TP_ENOTFOUND : TP_EDENIED;
}

int
access_tp_slug(struct request *rq)
{
	long long tp;
	int rc;

	if (secretariat(rq) || (rq->nargs > 0 && strcmp(rq->args[0], rq->session->tp_slug) == 0))
		return 0;
	/* another technopark's pages are refused; one that does not exist is not found */
	rc = rq->nargs > 0 ? lookup(rq, sql_tp_by_slug, rq->args[0], 0, &tp) : TP_ENOTFOUND;
	return rc != 0 ? rc : TP_EDENIED;
}

int
access_person(struct request *rq)
{
	return tp_rule(rq, sql_person_tp, 0);
}

int
access_article(struct request *rq)
{
	return tp_rule(rq, sql_article_tp, 0);
}

int
access_library(struct request *rq)
{
	return tp_rule(rq, sql_library_tp, 0);
}

int
access_request(struct request *rq)
{
	return tp_rule(rq, sql_request_tp, 1);
}

int
access_request_own(struct request *rq)
{
	struct db_stmt *st;
	long long id, tp = 0, by = 0;
	int rc, pending = 0;

	if ((rc = arg_id(rq, &id)) != 0)
		return rc;
	if ((st = db_prepare(rq->db, sql_request_own)) == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		tp = db_col_int(st, 0);
		by = db_col_int(st, 1);
		pending = db_col_int(st, 2) == 1;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	if (rc != DB_ROW)
		return TP_ENOTFOUND;
	/* another technopark's request stays hidden, as on its page (access_request) */
	if (!secretariat(rq) && !account_may_edit_tp(rq->session, tp) && by != rq->session->user_id)
		return TP_ENOTFOUND;
	/* not even the secretariat withdraws for someone else: it rejects instead */
	return by == rq->session->user_id && pending ? 0 : TP_EDENIED;
}

/* The user is a secretary of committee_id. */
static int
secretary_of(struct request *rq, long long committee_id)
{
	int rc = committees_is_secretary(rq->db, rq->session->user_id, committee_id);

	return rc == 1 ? 0 : rc == 0 ? TP_EDENIED : rc;
}

/* The committee whose id sql gives for the URL's id is the user's to manage. */
static int
committee_rule(struct request *rq, const char *sql)
{
	long long id, committee = 0;
	int rc;

	if (secretariat(rq))
		return 0;
	if ((rc = arg_id(rq, &id)) != 0 || (rc = lookup(rq, sql, NULL, id, &committee)) != 0)
		return rc;
	return secretary_of(rq, committee);
}

int
access_committee_slug(struct request *rq)
{
	long long committee = 0;
	int rc;

	if (secretariat(rq))
		return 0;
	if (rq->nargs == 0)
		return TP_ENOTFOUND;
	if ((rc = lookup(rq, sql_committee_by_slug, rq->args[0], 0, &committee)) != 0)
		return rc;
	return secretary_of(rq, committee);
}

int
access_seat(struct request *rq)
{
	return committee_rule(rq, sql_seat_committee);
}

int
access_meeting(struct request *rq)
{
	return committee_rule(rq, sql_meeting_committee);
}

int
access_item(struct request *rq)
{
	return committee_rule(rq, sql_item_committee);
}

int
access_resolution(struct request *rq)
{
	return committee_rule(rq, sql_resolution_committee);
}
