/* F_SETPIPE_SZ is a Linux fcntl, declared with _GNU_SOURCE. */
#define _GNU_SOURCE
#include "outbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum { OUTBUF_SIZE = 1 << 18 };

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
	o->fd = fd;
	o->name = name;
	o->cap = OUTBUF_SIZE;
	o->buf = xmalloc(o->cap);
	o->len = 0;
	o->records = 0;
	o->committed = 0;
}

static struct outbuf *stream_out;	/* for the fatal hook */

/*
 * Write p[0..n) to fd; 0, or -1 with errno.  A record stream's chunk
 * always starts at a record boundary, so when a regular file takes only
 * part of it (a full disk) the file is cut back to where the chunk began:
 * it ends with a whole record, never a torn one.
 */
static int
write_whole(int fd, int records, const char *p, size_t n)
{
	off_t start = records ? lseek(fd, 0, SEEK_CUR) : -1;
	ssize_t w;
	int err;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			err = errno;
			if (start >= 0 && err != EPIPE &&
			    ftruncate(fd, start) < 0)
				err = errno;
			errno = err;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * On a fatal error: write the whole records still buffered, and nothing
 * of a record half built.  Errors are ignored (we are exiting already).
 */
static void
flush_committed(void)
{
	struct outbuf *o = stream_out;

	if (o == NULL || o->buf == NULL)
		return;
	signal(SIGPIPE, SIG_IGN);
	(void)write_whole(o->fd, 1, o->buf, o->committed);
	o->len = o->committed = 0;
}

void
out_init_stream(struct outbuf *o, int fd, const char *name)
{
	out_init(o, fd, name);
	o->records = 1;
	stream_out = o;
	diag_on_fatal(flush_committed);
}

static _Noreturn void
write_failed(struct outbuf *o, int err)
{
	if (err == EPIPE) {
		/* The reader went away (| head): end as SIGPIPE would. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		_exit(EXIT_DATA);
	}
	/* What is buffered cannot go out either: the hook writes nothing. */
	o->len = o->committed = 0;
	diag_die(EXIT_DATA, "%s: write error: %s", o->name, strerror(err));
}

static void
write_all(struct outbuf *o, const char *p, size_t n)
{
	if (write_whole(o->fd, o->records, p, n) < 0)
		write_failed(o, errno);
}

void
out_flush(struct outbuf *o)
{
	if (o->len > 0)
		write_all(o, o->buf, o->len);
	o->len = o->committed = 0;
}

/*
 * Make room in a full buffer.  A record stream writes its whole records
 * and keeps the one being built; a record longer than the buffer makes
 * the buffer grow (the reader's record limit bounds it).
 */
static void
make_room(struct outbuf *o, size_t need)
{
	size_t tail;

	if (!o->records) {
		out_flush(o);
		return;
	}
	if (o->committed > 0) {
		write_all(o, o->buf, o->committed);
		tail = o->len - o->committed;
		memmove(o->buf, o->buf + o->committed, tail);
		o->len = tail;
		o->committed = 0;
	}
	if (o->cap - o->len < need)
		o->buf = xgrow(o->buf, &o->cap, o->len + need, 1);
}

void
out_spill(struct outbuf *o)
{
	make_room(o, 1);
}

void
out_write(struct outbuf *o, const void *p, size_t n)
{
	if (n == 0)
		return;		/* p may be NULL for an empty field */
	if (o->len + n > o->cap) {
		if (!o->records) {
			out_flush(o);
			if (n >= o->cap) {
				write_all(o, p, n);
				return;
			}
		} else
			make_room(o, n);
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

/* The plain check, a byte at a time. */
static int
special_bytes(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i;

	for (i = 0; i < n; i++)
		if (special[s[i]])
			return 1;
	return 0;
}

#ifdef __SSE2__
/* 1 when one of the 16 bytes of v is special. */
static inline int
special16(__m128i v)
{
	__m128i m = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(','))));

	return _mm_movemask_epi8(m) != 0;
}
#endif

/*
 * With SSE2: 16 bytes at a time, and a field of 4 to 15 bytes as two
 * overlapping loads of its first and last bytes (zeros fill the rest, and
 * a zero is not special), so that the short fields of a record cost no
 * loop and no branch per byte (the byte loop and the field copy around it
 * were an eighth of ingest-crime's time).  Every load stays inside
 * p[0, n).
 */
int
field_needs_quotes(const char *p, size_t n)
{
#ifdef __SSE2__
	uint32_t a, b;
	size_t i;

	if (n >= 16) {
		for (i = 0; i + 16 <= n; i += 16)
			if (special16(_mm_loadu_si128((const __m128i *)(p + i))))
				return 1;
		return special16(_mm_loadu_si128((const __m128i *)(p + n -
		    16)));
	}
	if (n >= 8)
		return special16(_mm_unpacklo_epi64(
		    _mm_loadl_epi64((const __m128i *)p),
		    _mm_loadl_epi64((const __m128i *)(p + n - 8))));
	if (n >= 4) {
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		return special16(_mm_set_epi32(0, 0, (int)b, (int)a));
	}
#endif
	return special_bytes(p, n);
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
	out_flush(o);
	if (stream_out == o)
		stream_out = NULL;
	/* close() is where some file systems report a failed write. */
	if (o->fd != STDERR_FILENO && close(o->fd) < 0 && errno != EINTR)
		write_failed(o, errno);
	free(o->buf);
	o->buf = NULL;
}
