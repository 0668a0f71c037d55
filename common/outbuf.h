#ifndef CRIMEPIPE_OUTBUF_H
#define CRIMEPIPE_OUTBUF_H

#include <stddef.h>

/*
 * A buffered writer on a file descriptor, for the record stream.  It is
 * faster than stdio for the many small pieces a record is made of, and it
 * turns every write error into a message and exit status 1 at once:
 * EPIPE ends the process quietly (as SIGPIPE would), anything else (a full
 * disk) prints "prog: name: write error: reason".
 */
struct outbuf {
	int		 fd;
	const char	*name;		/* for messages, e.g. "<stdout>" */
	char		*buf;
	size_t		 len, cap;
	size_t		 mark;		/* buf[0, mark) ends with a line end */
	int		 lines;		/* a line end was written: see below */
	struct outbuf	*next;		/* the list of open outbufs */
};

/*
 * Whole lines only.  Once a '\n' has been written with out_putc() (every
 * record writer ends its records so), a full buffer is written only up to
 * its last line end, and the line being built stays in memory (the buffer
 * grows for a line longer than itself).  When the process exits without
 * out_close() (diag_die: "out of memory" and other fatal errors), the
 * complete lines still buffered are written, so stdout ends with the last
 * complete record and never inside one (issue 8).
 */
void	out_init(struct outbuf *o, int fd, const char *name);
void	out_write(struct outbuf *o, const void *p, size_t n);
/* Write everything buffered, a partial line too. */
void	out_flush(struct outbuf *o);
/* Make room for n more bytes (out_putc's and out_write's slow path). */
void	out_room(struct outbuf *o, size_t n);
/*
 * One byte: inline, it is called for every comma of every record (c is a
 * constant there, so the line-end test costs nothing).
 */
static inline void
out_putc(struct outbuf *o, char c)
{
	if (o->len == o->cap)
		out_room(o, 1);
	o->buf[o->len++] = c;
	if (c == '\n') {
		o->mark = o->len;
		o->lines = 1;
	}
}
void	out_str(struct outbuf *o, const char *s);
/* One CSV field: quoted (quotes doubled) only when it holds , " CR or LF. */
void	out_field(struct outbuf *o, const char *p, size_t n);
int	field_needs_quotes(const char *p, size_t n);
/* Flush, close the descriptor and free the buffer. */
void	out_close(struct outbuf *o);

#endif
