/*
 * fuzz_route.c - a request path through route_match and route_takes_upload (the first byte picks the
 * method). A match's captures are non-empty, hold no '/', and are pieces of the path; the routes the
 * path matched include the one found.
 */
#include "fuzz.h"
#include "http/request.h"
#include "http/route.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum method methods[4] = { M_GET, M_HEAD, M_POST, M_OTHER };
	struct request rq;
	const struct route *r;
	unsigned allowed;
	size_t i;
	char *path;

	if (size < 1 || (path = fuzz_strdup(data + 1, size - 1)) == NULL)
		return 0;
	memset(&rq, 0, sizeof(rq));
	rq.method = methods[data[0] & 3];
	r = route_match(path, &rq, &allowed);
	if (r != NULL) {
		FUZZ_ASSERT(r->methods & rq.method);
		FUZZ_ASSERT(allowed & rq.method);
		FUZZ_ASSERT(rq.nargs <= REQUEST_MAX_ARGS);
		for (i = 0; i < rq.nargs; i++) {
			FUZZ_ASSERT(rq.args[i][0] != '\0' && strchr(rq.args[i], '/') == NULL);
			FUZZ_ASSERT(strstr(path, rq.args[i]) != NULL);
		}
	}
	(void)route_takes_upload(path, "multipart/form-data; boundary=x");
	free(rq.argbuf);
	free(path);
	return 0;
}
