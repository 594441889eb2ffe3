/*
 * fuzz_multipart.c - a fuzzing entry for src/http/multipart.c (libFuzzer; AFL++ through its libFuzzer driver).
 * The first input byte picks the limits, the next line (up to a newline) is the Content-Type, the rest is
 * the body. Every part must lie inside the body, and a text field must be valid UTF-8 without NUL.
 *
 * Built and run by tools/fuzz (var/build-fuzz/tests/fuzz/fuzz_multipart, corpus tests/fuzz/corpus/multipart).
 */
#include "fuzz.h"
#include "http/multipart.h"
#include "core/text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct mp_limits lims[2] = { { 8, 2, 64, 64 }, { 64, 5, 1 << 20, 1 << 20 } };
	const uint8_t *nl;
	char ct[256];
	struct mp_form f;
	size_t n, i;
	char *body;

	if (size < 1)
		return 0;
	nl = memchr(data + 1, '\n', size - 1);
	n = nl != NULL ? (size_t)(nl - data - 1) : 0;
	if (nl == NULL || n >= sizeof(ct))
		return 0;
	memcpy(ct, data + 1, n);
	ct[n] = '\0';
	n = size - (size_t)(nl + 1 - data);
	if ((body = malloc(n + 1)) == NULL)	/* an exact copy: ASan sees any read past the end */
		return 0;
	memcpy(body, nl + 1, n);
	if (multipart_parse(ct, body, n, &lims[data[0] & 1], &f) == 0) {
		for (i = 0; i < f.n; i++) {
			const struct mp_part *p = &f.parts[i];

			if (p->data < body || p->data + p->len > body + n)
				abort();
			if (p->filename == NULL && !text_valid_utf8(p->data, p->len))
				abort();
			if (p->filename != NULL && (strchr(p->filename, '/') != NULL || strchr(p->filename, '\\') != NULL))
				abort();
		}
		multipart_free(&f);
	}
	free(body);
	return 0;
}
