/*
 * page_admin_committee_texts.c - the secretariat's form for a committee's own texts in both languages
 * (issue 17): names, purpose and composition, Korean and English, through the save pipeline (a stale
 * form merges three ways; the audit log names each field as the form does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/admin.h"
#include "admin/save.h"
#include "model/committee_texts.h"
#include "pages/committees_page.h"
#include "store/db.h"
#include "view/render.h"

int
page_admin_committee_texts_form(struct request *rq, HDF *hdf)
{
	struct committee c;
	struct record_row r;
	int rc;

	if ((rc = committees_load(rq, hdf, rq->args[0], &c)) != 0)
		return rc;
	if ((rc = committee_texts_record.load(rq->db, c.id, &r)) == 1 && save_form(hdf, &committee_texts_record, &r) == 0)
		rq->tmpl = "admin_committee_texts.cs";
	record_row_free(&r);
	return rc == 1 ? 0 : rc == 0 ? 404 : db_err(rq->db);
}

/* Where a save answers: the committee's admin page, saying it was saved. */
static int
committee_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done, char **location)
{
	(void)hdf;
	(void)sv;
	(void)id;
	(void)done;
	return asprintf(location, "/admin/committees/%s?done=saved", rq->args[0]) < 0 ? -1 : 0;
}

int
page_admin_committee_texts_save(struct request *rq, HDF *hdf)
{
	struct committee c;
	struct save sv;
	int rc;

	if ((rc = committees_load(rq, hdf, rq->args[0], &c)) != 0)	/* 404 before the form is read */
		return rc;
	memset(&sv, 0, sizeof(sv));
	sv.desc = &committee_texts_record;
	sv.id = c.id;
	sv.tmpl = "admin_committee_texts.cs";
	sv.location = committee_location;
	return save_record(rq, hdf, &sv);
}
