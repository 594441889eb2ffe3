/*
 * fuzz_cookies.c - a Cookie header through request_parse_cookies: malformed pairs are skipped, every
 * pair kept has a non-empty name, and nothing reads past the header's end.
 */
#include "fuzz.h"
#include "http/request.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct params p = { 0 };
	size_t i;
	char *s;

	if ((s = fuzz_strdup(data, size)) == NULL)
		return 0;
	if (request_parse_cookies(s, &p) == 0)
		for (i = 0; i < p.n; i++) {
			FUZZ_ASSERT(p.v[i].name != NULL && p.v[i].value != NULL);
			FUZZ_ASSERT(p.v[i].name[0] != '\0');
			FUZZ_ASSERT(strlen(p.v[i].name) + strlen(p.v[i].value) < size + 1);
		}
	params_free(&p);
	free(s);
	return 0;
}
