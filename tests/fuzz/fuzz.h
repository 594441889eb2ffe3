/*
 * fuzz.h - what every libFuzzer target of tests/fuzz shares: the entry's prototype, and a NUL-terminated
 * exact copy of the input (ASan then sees any read past its end). Built by tools/fuzz (README there).
 */
#ifndef TP_FUZZ_H
#define TP_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A malloc'd copy of data[0..size) with a NUL after it; NULL when memory runs out. */
static inline char *
fuzz_strdup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s != NULL) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

/* An invariant the code under test promised does not hold: stop with a report and a reproducer. */
#define FUZZ_ASSERT(cond)	do { if (!(cond)) abort(); } while (0)

#endif
