/*
 * multipart.h - a strict, small parser for multipart/form-data request bodies (RFC 7578, RFC 2046).
 *
 * Written to be fuzzed: multipart_parse is a pure function of its arguments (no global state, no I/O);
 * it allocates only the result, which multipart_free releases. It replaces ClearSilver's rfc2388
 * parser, whose boundary cache is process-global (see STACK-NOTES).
 *
 * What it accepts: the body starts with the first delimiter (no preamble); each part has a header
 * block (CRLF lines, at most MP_MAX_HEADER bytes) with exactly one Content-Disposition: form-data
 * carrying a name, and at most one Content-Type; the body ends with the close delimiter, optionally
 * followed by one CRLF. Everything else is refused.
 */
#ifndef TP_MULTIPART_H
#define TP_MULTIPART_H

#include <stddef.h>

#define MP_MAX_BOUNDARY	70	/* RFC 2046 */
#define MP_MAX_HEADER	4096	/* bytes of one part's header block */
#define MP_MAX_NAME	100	/* bytes of a field name */
#define MP_MAX_FILENAME	255	/* bytes of a file name, after any path is removed */

struct mp_limits {
	size_t	max_parts;	/* parts of any kind; more: 400 */
	size_t	max_files;	/* parts that carry a chosen file; more: 413 */
	size_t	max_file_bytes;	/* bytes of one file; more: kept, marked oversize (a form message, not a 413) */
	size_t	max_field_bytes; /* bytes of one text field; more: 413 */
};

struct mp_part {
	char		*name;		/* field name: UTF-8 without control characters (malloc'd) */
	char		*filename;	/* NULL for a text field; else the file's base name: UTF-8 without
					 * control characters, '/' or '\\', never "", "." or ".." (malloc'd) */
	char		*content_type;	/* as the client sent it (printable ASCII), or NULL; advisory only */
	const char	*data;		/* the part's bytes: points into the parsed body */
	size_t		 len;		/* a text field's data is valid UTF-8 without NUL */
	int		 oversize;	/* a file over max_file_bytes: its page says so beside the field and
					 * keeps what was typed; data must not be stored */
};

struct mp_form {
	struct mp_part	*parts;		/* fields and files in body order */
	size_t		 n;
	size_t		 nfiles;
};

/*
 * Copy the boundary parameter of a Content-Type header ("multipart/form-data; boundary=...") into
 * out (at least MP_MAX_BOUNDARY + 1 bytes). Returns 0, 415 when the type is not multipart/form-data,
 * or 400 when the boundary is missing, repeated or malformed.
 */
int	multipart_boundary(const char *content_type, char *out, size_t size);

/* 1 when content_type names multipart/form-data (whatever its parameters). */
int	multipart_is_form(const char *content_type);

/*
 * Parse body (len bytes) sent with content_type into out, within lim. A file input left empty
 * (filename="" and no data) is skipped. Returns 0; 400 for a malformed body (missing boundary,
 * truncated part, no close delimiter, bad headers, NUL or control characters in names, invalid
 * UTF-8 in names or text fields, too many parts); 413 when a limit on files or sizes is passed;
 * 415 for another content type; 500 when memory runs out. out is empty on failure. The parts point
 * into body: keep it alive while out is used. Free out with multipart_free.
 */
int	multipart_parse(const char *content_type, const char *body, size_t len,
	    const struct mp_limits *lim, struct mp_form *out);

/* Free every part and the array; f is then empty. */
void	multipart_free(struct mp_form *f);

#endif
