/*
 * page_admin_about.c - the secretariat's form for the association's profile in Korean and English
 * (issue 17) through the save pipeline: /about and the layout's footer show it.
 */
#include <stdlib.h>
#include <string.h>

#include "admin/admin.h"
#include "admin/save.h"
#include "model/association.h"
#include "store/db.h"
#include "view/render.h"

#define ASSOCIATION_ID	1	/* the association's one row */

int
page_admin_about_form(struct request *rq, HDF *hdf)
{
	struct record_row r;
	int rc;

	if ((rc = association_record.load(rq->db, ASSOCIATION_ID, &r)) == 1 && save_form(hdf, &association_record, &r) == 0) {
		if (params_get(&rq->params, "done") != NULL)
			render_set(hdf, request_param(rq, "done"), "Page.Done");
		rq->tmpl = "admin_about.cs";
	}
	record_row_free(&r);
	return rc == 1 ? 0 : rc == 0 ? 404 : db_err(rq->db);
}

/* Where a save answers: the form again, saying it was saved. */
static int
about_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done, char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	(void)id;
	(void)done;
	return (*location = strdup("/admin/about?done=saved")) == NULL ? -1 : 0;
}

int
page_admin_about_save(struct request *rq, HDF *hdf)
{
	struct save sv;

	memset(&sv, 0, sizeof(sv));
	sv.desc = &association_record;
	sv.id = ASSOCIATION_ID;
	sv.tmpl = "admin_about.cs";
	sv.location = about_location;
	return save_record(rq, hdf, &sv);
}
