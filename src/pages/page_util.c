/* page_util.c - helpers shared by the page handlers: option lists, number formats, contact rights. */
#include <stdio.h>
#include <string.h>

#include "core/conf.h"
#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

int
page_options(HDF *hdf, const char *prefix, struct db_stmt *st, const char *selected, int *found)
{
	char name[128];
	int rc, n = 0;

	*found = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *slug = db_col_text(st, 0);

		snprintf(name, sizeof(name), "%s.%d", prefix, n);
		if (page_row(hdf, name, st) != 0) {
			rc = DB_ERR;
			break;
		}
		if (selected != NULL && slug != NULL && strcmp(slug, selected) == 0) {
			*found = 1;
			render_set(hdf, "1", "%s.%d.selected", prefix, n);
		}
		n++;
	}
	db_reset(st);
	return rc == DB_DONE ? n : -1;
}

int
page_may_see_contacts(const struct request *rq)
{
	return rq->conf->public_contacts || rq->session != NULL;
}

int
page_throttled(struct request *rq, HDF *hdf, const char *msgkey)
{
	char msg[600];
	long m = rq->retry_after / 60, s = rq->retry_after % 60;
	int n;

	n = snprintf(msg, sizeof(msg), "%s %s ", hdf_get_value(hdf, msgkey, ""), hdf_get_value(hdf, "L.time.retry_in", ""));
	if (m > 0 && n > 0 && (size_t)n < sizeof(msg))
		n += snprintf(msg + n, sizeof(msg) - (size_t)n, "%ld%s%s", m, hdf_get_value(hdf, "L.time.minutes", ""),
		    s > 0 ? " " : "");
	if ((s > 0 || m == 0) && n > 0 && (size_t)n < sizeof(msg))
		snprintf(msg + n, sizeof(msg) - (size_t)n, "%ld%s", s, hdf_get_value(hdf, "L.time.seconds", ""));
	render_set(hdf, msg, "Form.message");
	return 429;
}

int
page_busy_form(struct request *rq, HDF *hdf)
{
	rq->busy = 1;
	render_set(hdf, hdf_get_value(hdf, "L.form.busy_password", "?"), "Form.message");
	return 503;
}
