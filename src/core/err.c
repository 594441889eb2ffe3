/* err.c - the TP_E* codes (err.h) as HTTP statuses and as words for the log. */
#include "core/err.h"

static const struct {
	int		 err;
	int		 status;
	const char	*name;
} codes[] = {
	{ TP_EFAIL,	500, "failed" },
	{ TP_EGONE,	503, "database unreachable" },
	{ TP_ENOMEM,	500, "out of memory" },
	{ TP_ENOTFOUND,	404, "not found" },
	{ TP_EDENIED,	403, "denied" },
	{ TP_ESTALE,	409, "stale version" },
	{ TP_EINVALID,	422, "invalid" },
	{ TP_ETOOBIG,	413, "too large" },
	{ TP_EBUSY,	503, "busy" },
};

int
err_http_status(int err)
{
	unsigned i;

	if (err > 0)
		return err;
	if (err == 0)
		return 200;
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (codes[i].err == err)
			return codes[i].status;
	return 500;
}

const char *
err_name(int err)
{
	unsigned i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (codes[i].err == err)
			return codes[i].name;
	return err == 0 ? "ok" : "unknown error";
}
