/*
 * pdftext.h - the text of a PDF, by running pdftotext (poppler-utils) with bounds on its time, memory,
 * pages and output. For the indexer thread only (store/library_text.c): never in a request.
 */
#ifndef TP_PDFTEXT_H
#define TP_PDFTEXT_H

#include <stddef.h>

#define PDFTEXT_PROGRAM		"/usr/bin/pdftotext"
#define PDFTEXT_MAX_BYTES	(256 * 1024)	/* text kept of one file; the rest is cut at a character */
#define PDFTEXT_MAX_SECONDS	20		/* wall clock, then the program is killed */
#define PDFTEXT_MAX_PAGES	300
#define PDFTEXT_MAX_MEMORY	(512L * 1024 * 1024)

/* What pdftext_extract found. */
enum pdftext_result {
	PDFTEXT_OK,		/* *out holds the text (possibly empty: a scanned PDF has none) */
	PDFTEXT_NONE,		/* no pdftotext on this machine: the file is indexed by its name only */
	PDFTEXT_FAILED		/* it failed, ran out of time or memory, or the file is no PDF it can read */
};

/*
 * Run program (NULL: PDFTEXT_PROGRAM) on the file at path for at most max_seconds of wall clock (0:
 * PDFTEXT_MAX_SECONDS); on PDFTEXT_OK *out is the text as valid UTF-8 without NUL (malloc'd: the caller
 * frees it), at most PDFTEXT_MAX_BYTES. The child's standard input and error are /dev/null, and it is
 * killed when it runs past the bounds.
 */
enum pdftext_result pdftext_extract(const char *program, const char *path, int max_seconds, char **out);

#endif
