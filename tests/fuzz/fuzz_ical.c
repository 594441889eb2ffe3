/*
 * fuzz_ical.c - view/ical.c: a record's text escaped as TEXT, then folded. Every physical line holds at
 * most ICAL_LINE_MAX octets and ends with CRLF, a continuation starts with one space, no fold splits a
 * UTF-8 character, and unfolding gives back the escaped line.
 */
#include "fuzz.h"
#include "core/buf.h"
#include "core/text.h"
#include "view/ical.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf esc = { 0 }, out = { 0 }, back = { 0 };
	char *s, dt[16];
	size_t i, start;

	if ((s = fuzz_strdup(data, size)) == NULL)
		return 0;
	(void)ical_local_datetime(s, dt);
	if (!text_valid_utf8(s, size))	/* records hold valid UTF-8 */
		goto out;
	if (buf_puts(&esc, "SUMMARY:") != 0 || ical_escape_text(&esc, s) != 0)
		goto out;
	FUZZ_ASSERT(memchr(esc.data, '\r', esc.len) == NULL && memchr(esc.data, '\n', esc.len) == NULL);
	if (ical_fold(&out, esc.data, esc.len) != 0)
		goto out;
	FUZZ_ASSERT(out.len >= 2 && out.data[out.len - 2] == '\r' && out.data[out.len - 1] == '\n');
	for (start = 0, i = 0; i + 1 < out.len; i++) {
		if (out.data[i] != '\r')
			continue;
		FUZZ_ASSERT(out.data[i + 1] == '\n');
		FUZZ_ASSERT(i - start <= ICAL_LINE_MAX);
		if (start > 0) {
			FUZZ_ASSERT(out.data[start] == ' ');
			FUZZ_ASSERT(buf_append(&back, out.data + start + 1, i - start - 1) == 0);
		} else
			FUZZ_ASSERT(buf_append(&back, out.data, i) == 0);
		FUZZ_ASSERT(text_valid_utf8(out.data + start, i - start));	/* no character cut in two */
		start = i + 2;
		i++;
	}
	FUZZ_ASSERT(back.len == esc.len && memcmp(back.data, esc.data, esc.len) == 0);
out:
	buf_free(&esc);
	buf_free(&out);
	buf_free(&back);
	free(s);
	return 0;
}
