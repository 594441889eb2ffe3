/* page_system.c - /healthz: 200 "ok" when the database answers; 503 (plain text) when it has no schema. */
#include "store/db.h"
#include "pages/pages.h"

int
page_healthz(struct request *rq, HDF *hdf)
{
	int rc;

	(void)hdf;
	if (db_exec(rq->db, "SELECT 1 FROM schema_version LIMIT 1") != 0 && !db_schema_missing(rq->db))
		return db_err(rq->db);	/* the database away: the 503 page, like every page */
	rq->content_type_out = "text/plain; charset=utf-8";
	rq->cache_control = "no-store";
	if (db_schema_missing(rq->db)) {
		/* an operator's set-up mistake, read by monitors: plain text that says which */
		rc = err_http_status(db_err(rq->db));
		buf_puts(&rq->raw, "unavailable: the database has no schema (run tpportal-migrate)\n");
		rq->keep_raw = 1;
		return rc;
	}
	buf_puts(&rq->raw, "ok\n");
	return 0;
}
