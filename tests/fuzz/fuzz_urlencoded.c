/*
 * fuzz_urlencoded.c - a form body (application/x-www-form-urlencoded) through request_parse_urlencoded,
 * request_find_bad_pair and the strict POST check against every route's spec: each pair kept is valid
 * UTF-8 without NUL, a refusal names a pair, nothing reads past the body.
 */
#include "fuzz.h"
#include "http/request.h"
#include "http/route.h"
#include "core/text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct params p = { 0 };
	const char *bad;
	char key[64];
	char *body;
	size_t i;
	int rc;

	if (size < 1)
		return 0;
	/* no NUL after it: the parser must stop at len */
	if ((body = malloc(size - 1 + 1)) == NULL)
		return 0;
	memcpy(body, data + 1, size - 1);
	rc = request_parse_urlencoded(body, size - 1, &p);
	FUZZ_ASSERT(rc == 0 || rc == 400);
	if (rc == 0) {
		FUZZ_ASSERT(p.n <= REQUEST_MAX_PARAMS);
		for (i = 0; i < p.n; i++) {
			FUZZ_ASSERT(p.v[i].name[0] != '\0');
			FUZZ_ASSERT(text_valid_utf8(p.v[i].name, strlen(p.v[i].name)));
			FUZZ_ASSERT(text_valid_utf8(p.v[i].value, strlen(p.v[i].value)));
		}
		(void)request_check_params(&p, route_table[data[0] % route_count].params, &bad);
	} else {
		(void)request_find_bad_pair(body, size - 1, key, sizeof(key));
	}
	params_free(&p);
	free(body);
	return 0;
}
