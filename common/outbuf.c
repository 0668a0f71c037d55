/* F_SETPIPE_SZ is a Linux fcntl, declared with _GNU_SOURCE. */
#define _GNU_SOURCE
#include "outbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"

enum { OUTBUF_SIZE = 1 << 18 };

/* The open outbufs, for the exit handler; set once a write has failed. */
static struct outbuf *open_list;
static int write_error;

/*
 * At exit without out_close(): write the complete lines still buffered
 * (a fatal error such as "out of memory" must not lose the records already
 * written, nor leave half of one).  Errors are ignored here: the process
 * is already ending with a failure status.
 */
static void
flush_at_exit(void)
{
	struct outbuf *o;
	size_t done;
	ssize_t w;

	if (write_error)
		return;
	for (o = open_list; o != NULL; o = o->next) {
		done = 0;
		while (o->lines && done < o->mark) {
			w = write(o->fd, o->buf + done, o->mark - done);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				break;
			done += (size_t)w;
		}
	}
}

void
out_init(struct outbuf *o, int fd, const char *name)
{
	/*
	 * Between two filters, a 1 MiB pipe (Linux allows it by default)
	 * instead of 64 KiB means far fewer context switches per record on
	 * a machine with fewer cores than stages.  Failure is harmless.
	 */
#ifdef F_SETPIPE_SZ
	(void)fcntl(fd, F_SETPIPE_SZ, 1 << 20);
#endif
	static int registered;

	o->fd = fd;
	o->name = name;
	o->cap = OUTBUF_SIZE;
	o->buf = xmalloc(o->cap);
	o->len = o->mark = 0;
	o->lines = 0;
	o->next = open_list;
	open_list = o;
	if (!registered && atexit(flush_at_exit) == 0)
		registered = 1;
}

static _Noreturn void
write_failed(const struct outbuf *o, int err)
{
	write_error = 1;
	if (err == EPIPE) {
		/* The reader went away (| head): end as SIGPIPE would. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		_exit(EXIT_DATA);
	}
	diag_die(EXIT_DATA, "%s: write error: %s", o->name, strerror(err));
}

static void
write_all(const struct outbuf *o, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(o->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			write_failed(o, errno);
		}
		p += w;
		n -= (size_t)w;
	}
}

void
out_flush(struct outbuf *o)
{
	if (o->len > 0)
		write_all(o, o->buf, o->len);
	o->len = o->mark = 0;
}

void
out_room(struct outbuf *o, size_t n)
{
	if (!o->lines) {
		out_flush(o);
		if (n > o->cap)
			o->buf = xgrow(o->buf, &o->cap, n, 1);
		return;
	}
	/* Whole lines out; the partial one moves to the front. */
	if (o->mark > 0) {
		write_all(o, o->buf, o->mark);
		memmove(o->buf, o->buf + o->mark, o->len - o->mark);
		o->len -= o->mark;
		o->mark = 0;
	}
	if (o->len + n > o->cap)
		o->buf = xgrow(o->buf, &o->cap, o->len + n, 1);
}

void
out_write(struct outbuf *o, const void *p, size_t n)
{
	if (n == 0)
		return;		/* p may be NULL for an empty field */
	if (o->len + n > o->cap) {
		if (!o->lines && n >= o->cap) {
			out_flush(o);
			write_all(o, p, n);
			return;
		}
		out_room(o, n);
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

void
out_str(struct outbuf *o, const char *s)
{
	out_write(o, s, strlen(s));
}

/* The bytes that make a field need quotes (RFC 4180). */
static const unsigned char special[256] = {
	['\n'] = 1, ['\r'] = 1, ['"'] = 1, [','] = 1
};

int
field_needs_quotes(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i;

	for (i = 0; i < n; i++)
		if (special[s[i]])
			return 1;
	return 0;
}

void
out_field(struct outbuf *o, const char *p, size_t n)
{
	const char *q, *end;

	if (n == 0)
		return;		/* p may be NULL: no pointer arithmetic on it */
	end = p + n;
	if (!field_needs_quotes(p, n)) {
		out_write(o, p, n);
		return;
	}
	out_putc(o, '"');
	while ((q = memchr(p, '"', (size_t)(end - p))) != NULL) {
		out_write(o, p, (size_t)(q - p) + 1);
		out_putc(o, '"');
		p = q + 1;
	}
	out_write(o, p, (size_t)(end - p));
	out_putc(o, '"');
}

void
out_close(struct outbuf *o)
{
	struct outbuf **pp;

	for (pp = &open_list; *pp != NULL; pp = &(*pp)->next)
		if (*pp == o) {
			*pp = o->next;
			break;
		}
	out_flush(o);
	/* close() is where some file systems report a failed write. */
	if (o->fd != STDERR_FILENO && close(o->fd) < 0 && errno != EINTR)
		write_failed(o, errno);
	free(o->buf);
	o->buf = NULL;
}
