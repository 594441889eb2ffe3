/*
 * committees_page.c - what the committee pages and the committee admin share: a committee by its
 * URL into the page (Committee.*), and who may manage it.
 */
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "http/auth.h"
#include "model/committees.h"
#include "pages/committees_page.h"
#include "pages/page_rows.h"
#include "store/db.h"
#include "view/render.h"

int
committees_may_manage(const struct request *rq, long long committee_id)
{
	const struct session *s = rq->session;

	if (s == NULL)
		return 0;
	if (s->role == ROLE_SECRETARIAT)
		return 1;
	return committees_is_secretary(rq->db, s->user_id, committee_id);
}

#define COMMITTEE_SELECT "SELECT id, slug, name_ko, name_en, purpose, composition, name_en_derived, " \
	"purpose_en, composition_en, texts_en_derived FROM committees "
static const char sql_by_slug[] = COMMITTEE_SELECT "WHERE slug = ?";
static const char sql_by_id[] = COMMITTEE_SELECT "WHERE id = ?";

/* Run a committee query (bound) into c and Committee.*: 0, 404 or a status. */
static int
load(struct request *rq, HDF *hdf, struct db_stmt *st, struct committee *c)
{
	int rc = db_step(st);

	if (rc == DB_ROW) {
		c->id = db_col_int(st, 0);
		snprintf(c->slug, sizeof(c->slug), "%s", db_col_text(st, 1));
		snprintf(c->name, sizeof(c->name), "%s", db_col_text(st, 2));
		if (hdf != NULL && page_row(hdf, "Committee", st) != 0)
			rc = DB_ERR;
	}
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	return rc == DB_ROW ? 0 : 404;
}

int
committees_load(struct request *rq, HDF *hdf, const char *slug, struct committee *c)
{
	struct db_stmt *st = db_prepare(rq->db, sql_by_slug);

	memset(c, 0, sizeof(*c));
	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, slug);
	return load(rq, hdf, st, c);
}

int
committees_load_id(struct request *rq, HDF *hdf, long long id, struct committee *c)
{
	struct db_stmt *st = db_prepare(rq->db, sql_by_id);

	memset(c, 0, sizeof(*c));
	if (st == NULL)
		return db_err(rq->db);
	db_bind_int(st, 0, id);
	return load(rq, hdf, st, c);
}
