/* page_system.c - /healthz: 200 "ok" when the database answers, for the stack and monitoring. */
#include "store/db.h"
#include "pages/pages.h"

int
page_healthz(struct request *rq, HDF *hdf)
{
	int rc;

	(void)hdf;
	rq->content_type_out = "text/plain; charset=utf-8";
	rq->cache_control = "no-store";
	if (db_exec(rq->db, "SELECT 1 FROM schema_version LIMIT 1") != 0) {
		/* monitors read plain text: the status and one word of why, not the HTML error page */
		rc = err_http_status(db_err(rq->db));
		buf_puts(&rq->raw, rc == 503 ? "unavailable: the database is away or has no schema\n" : "error\n");
		rq->keep_raw = 1;
		return rc;
	}
	buf_puts(&rq->raw, "ok\n");
	return 0;
}
