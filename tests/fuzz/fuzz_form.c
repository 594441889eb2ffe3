/*
 * fuzz_form.c - an admin form's body (urlencoded) through form_check with one field of every type:
 * it answers an error count or -1, never crashes, and keeps no secret in the HDF.
 */
#include "fuzz.h"
#include "view/cs.h"
#include "http/form.h"
#include "http/request.h"

static const char *const colours[] = { "red", "green", NULL };
static const struct form_field fields[] = {
	{ "name", FT_LINE, 1, 1, 5, NULL },
	{ "note", FT_TEXT, 0, 0, 20, NULL },
	{ "phone", FT_PHONE, 0, 0, 40, NULL },
	{ "email", FT_EMAIL, 0, 0, 200, NULL },
	{ "sort", FT_INT, 0, -5, 99, NULL },
	{ "colour", FT_ENUM, 0, 0, 0, colours },
	{ "visible", FT_BOOL, 0, 0, 0, NULL },
	{ "tag", FT_SLUGS, 0, 0, 0, NULL },
	{ "secret", FT_SECRET, 0, 3, 10, NULL },
	{ "site", FT_URL, 0, 0, 300, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct request rq;
	HDF *hdf = NULL;
	char *s;
	int n;

	if ((s = fuzz_strdup(data, size)) == NULL)
		return 0;
	memset(&rq, 0, sizeof(rq));
	if (request_parse_urlencoded(s, size, &rq.params) == 0 && hdf_init(&hdf) == STATUS_OK) {
		n = form_check(&rq, hdf, fields);
		FUZZ_ASSERT(n >= -1 && n <= 10);
		if (n >= 0)
			FUZZ_ASSERT(hdf_get_int_value(hdf, "Form.errors", -1) == n);
		FUZZ_ASSERT(hdf_get_value(hdf, "Form.secret.value", NULL) == NULL);
		(void)form_value(hdf, "tag");
	}
	hdf_destroy(&hdf);
	params_free(&rq.params);
	free(s);
	return 0;
}
