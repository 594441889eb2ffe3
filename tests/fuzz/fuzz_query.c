/*
 * fuzz_query.c - a GET query string as the dispatcher takes it: parsed, sifted against a route's spec
 * (the first byte picks the route), then the page's own address rebuilt from what is left. Whatever
 * request_self_url writes must parse again to the same pairs.
 */
#include "fuzz.h"
#include "http/request.h"
#include "http/route.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct params p = { 0 }, refused = { 0 }, again = { 0 };
	const struct route *r;
	const char *bad, *q;
	char *s, *self = NULL, *login = NULL;
	int rc;

	if (size < 1 || (s = fuzz_strdup(data + 1, size - 1)) == NULL)
		return 0;
	r = &route_table[data[0] % route_count];
	if (request_parse_urlencoded(s, size - 1, &p) != 0)
		goto out;
	rc = request_sift_params(&p, r->params, &refused, &bad);
	FUZZ_ASSERT(rc == 0 || rc == 400 || rc == 500);
	if (rc != 0)
		goto out;
	if ((self = request_self_url("/x", &p, r->params)) == NULL)
		goto out;
	login = request_login_url("/x", &p, r->params);
	FUZZ_ASSERT(strncmp(self, "/x", 2) == 0);
	q = strchr(self, '?');
	if (q != NULL) {
		FUZZ_ASSERT(request_parse_urlencoded(q + 1, strlen(q + 1), &again) == 0);
		FUZZ_ASSERT(again.n <= p.n);
	}
out:
	free(self);
	free(login);
	params_free(&p);
	params_free(&refused);
	params_free(&again);
	free(s);
	return 0;
}
