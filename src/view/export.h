/*
 * export.h - the directory's exports as files other programs open: CSV (RFC 4180, UTF-8 with a BOM so
 * that Excel reads the Korean) and vCard 4.0 (RFC 6350). Pure writers into a buf: the escaping of each
 * format lives here and only here, as HTML's lives in the templates.
 */
#ifndef TP_VIEW_EXPORT_H
#define TP_VIEW_EXPORT_H

#include "core/buf.h"

/* The byte-order mark Excel needs to read a CSV file as UTF-8. 0 or -1. */
int	csv_begin(struct buf *out);

/*
 * One CSV field (NULL is an empty one), preceded by a comma unless first. Quoted when it holds a comma,
 * a quote, CR or LF, or starts or ends with a space; quotes doubled. A value a spreadsheet would run as a
 * formula (starting with = + - @, TAB or CR) is prefixed with an apostrophe (OWASP's "CSV injection"):
 * a name or a note typed into the portal never becomes a formula in someone's Excel. 0 or -1.
 */
int	csv_field(struct buf *out, const char *value, int first);

/* End a CSV record: CRLF. 0 or -1. */
int	csv_end(struct buf *out);

/*
 * A vCard text value, escaped (backslash, comma, semicolon; a newline as \n; CR dropped) into out, and
 * the property line NAME[;params]:value folded at 75 octets, never inside a UTF-8 character, ending in
 * CRLF. value NULL or "" writes nothing (the property is left out). 0 or -1.
 */
int	vcard_prop(struct buf *out, const char *name, const char *value);

/*
 * A structured property (N, ORG): its components, each escaped as a text value, joined by ';'. NULL
 * components are empty. Left out when every component is empty. 0 or -1.
 */
int	vcard_prop_list(struct buf *out, const char *name, const char *const *parts, int nparts);

/*
 * A Korean name split as N wants it (family;given): the first syllable is the family name, the first two
 * for the compound surnames (남궁, 제갈, 황보, 선우, 독고, 사공, 서문) when at least one syllable is left.
 * A name that is not all Hangul (or has a space) stays whole, as the given name. family and given get
 * NUL-terminated copies (each at least size bytes). 0, or -1 when it does not fit.
 */
int	vcard_split_korean_name(const char *name, char *family, char *given, size_t size);

#endif
