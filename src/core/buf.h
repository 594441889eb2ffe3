/* buf.h - a growable byte buffer, always NUL-terminated. */
#ifndef TP_BUF_H
#define TP_BUF_H

#include <stddef.h>

struct buf {
	char	*data;		/* NUL-terminated; NULL until the first append */
	size_t	 len;
	size_t	 cap;
};

/* Append len bytes; returns 0, or -1 when memory runs out (buf unchanged). */
int	buf_append(struct buf *b, const char *s, size_t len);
/* Append a NUL-terminated string. */
int	buf_puts(struct buf *b, const char *s);
/* Append printf-style text; the format must be a literal of the program. */
int	buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Empty the buffer but keep its memory. */
void	buf_reset(struct buf *b);
/* Free the memory; the buffer may be reused after. */
void	buf_free(struct buf *b);

#endif
