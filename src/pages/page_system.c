/* page_system.c - /healthz: 200 "ok" when the database answers, for the stack and monitoring. */
#include "store/db.h"
#include "pages/pages.h"

int
page_healthz(struct request *rq, HDF *hdf)
{
	(void)hdf;
	if (db_exec(rq->db, "SELECT 1 FROM schema_version LIMIT 1") != 0)
		return db_err(rq->db);
	rq->content_type_out = "text/plain; charset=utf-8";
	rq->cache_control = "no-store";
	buf_puts(&rq->raw, "ok\n");
	return 0;
}
