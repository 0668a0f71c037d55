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
	int		 records;	/* a record stream (out_init_stream) */
	size_t		 committed;	/* buf[0..committed): whole records */
};

void	out_init(struct outbuf *o, int fd, const char *name);
/*
 * The same for a record stream: only whole records (each ended by
 * out_end_record()) ever leave the buffer, so the reader of the stream
 * never sees a torn record, and a fatal error (diag.h: diag_on_fatal)
 * writes out the records completed before it.  One stream per process.
 */
void	out_init_stream(struct outbuf *o, int fd, const char *name);
void	out_write(struct outbuf *o, const void *p, size_t n);
void	out_flush(struct outbuf *o);
/* One byte: inline, it is called for every comma of every record. */
void	out_spill(struct outbuf *o);
static inline void
out_putc(struct outbuf *o, char c)
{
	if (o->len == o->cap)
		out_spill(o);
	o->buf[o->len++] = c;
}
/* The '\n' that ends a record: what came before may now be written. */
static inline void
out_end_record(struct outbuf *o)
{
	out_putc(o, '\n');
	o->committed = o->len;
}
void	out_str(struct outbuf *o, const char *s);
/* One CSV field: quoted (quotes doubled) only when it holds , " CR or LF. */
void	out_field(struct outbuf *o, const char *p, size_t n);
int	field_needs_quotes(const char *p, size_t n);
/* Flush, close the descriptor and free the buffer. */
void	out_close(struct outbuf *o);

#endif
