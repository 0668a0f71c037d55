#define _GNU_SOURCE	/* memfd_create */
#include "harness.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../common/diag.h"
#include "../../common/xalloc.h"

static int report_fd = 2;

static void
hash_bytes(struct tbuf *t, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = t->hash;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211u;
	t->hash = h;
	t->total += n;
}

void
tbuf_put(struct tbuf *t, const void *p, size_t n)
{
	if (n == 0)
		return;
	hash_bytes(t, p, n);
	if (!t->text)
		return;
	t->p = xgrow(t->p, &t->cap, t->len + n, 1);
	memcpy(t->p + t->len, p, n);
	t->len += n;
}

void
tbuf_item(struct tbuf *t, char tag, const void *p, size_t n)
{
	const unsigned char *s = p;
	char hex[5];
	size_t i, from = 0;

	if (!t->text) {
		hash_bytes(t, &tag, 1);
		hash_bytes(t, &n, sizeof(n));
		hash_bytes(t, p, n);
		return;
	}
	tbuf_put(t, &tag, 1);
	tbuf_put(t, " ", 1);
	for (i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] >= 0x7f || s[i] == '\\') {
			tbuf_put(t, s + from, i - from);
			snprintf(hex, sizeof(hex), "\\x%02x", s[i]);
			tbuf_put(t, hex, 4);
			from = i + 1;
		}
	tbuf_put(t, s + from, n - from);
	tbuf_put(t, "\n", 1);
}

void
tbuf_num(struct tbuf *t, char tag, unsigned long long v)
{
	char num[32];

	snprintf(num, sizeof(num), "%llu", v);
	tbuf_item(t, tag, num, strlen(num));
}

int
tbuf_same(const struct tbuf *a, const struct tbuf *b)
{
	return a->hash == b->hash && a->total == b->total;
}

void
tbuf_release(struct tbuf *t)
{
	free(t->p);
	t->p = NULL;
	t->len = t->cap = t->total = 0;
	t->hash = 0;
}

void
fuzz_init(const char *prog)
{
	diag_init(prog);
	/*
	 * libFuzzer calls LLVMFuzzerInitialize before it applies
	 * -close_fd_mask, so this is still the terminal or the log.
	 */
	if ((report_fd = dup(2)) < 0)
		report_fd = 2;
}

static int
memfile_fd(char *path, size_t pathsz)
{
	int fd;

	if ((fd = memfd_create("fuzz", 0)) < 0)
		fuzz_fail("memfd_create: %s", strerror(errno));
	snprintf(path, pathsz, "/proc/self/fd/%d", fd);
	return fd;
}

int
memfile(const void *data, size_t n, char *path, size_t pathsz)
{
	const char *p = data;
	ssize_t w;
	int fd;

	fd = memfile_fd(path, pathsz);
	while (n > 0) {
		if ((w = write(fd, p, n)) < 0)
			fuzz_fail("memfd write: %s", strerror(errno));
		p += w;
		n -= (size_t)w;
	}
	return fd;
}

int
memfile_empty(char *path, size_t pathsz)
{
	return memfile_fd(path, pathsz);
}

void
memfile_slurp(int fd, struct tbuf *t)
{
	char buf[65536];
	off_t off = 0;
	ssize_t r;

	while ((r = pread(fd, buf, sizeof(buf), off)) > 0) {
		tbuf_put(t, buf, (size_t)r);
		off += r;
	}
	if (r < 0)
		fuzz_fail("memfd read: %s", strerror(errno));
}

/* The bytes of t around off, within its line. */
static void
show(char *out, size_t outsz, const struct tbuf *t, size_t off)
{
	size_t from = off, to = off;

	while (from > 0 && t->p[from - 1] != '\n' && off - from < 60)
		from--;
	while (to < t->len && t->p[to] != '\n' && to - off < 100)
		to++;
	snprintf(out, outsz, "%s%.*s", from > 0 && t->p[from - 1] != '\n' ?
	    "..." : "", (int)(to - from), t->p + from);
}

void
fuzz_same(const char *what, const struct tbuf *a, const char *what_b,
    const struct tbuf *b)
{
	char sa[256], sb[256];
	size_t i, line = 1, n = a->len < b->len ? a->len : b->len;

	if (a->len == b->len && (n == 0 || memcmp(a->p, b->p, n) == 0))
		return;
	for (i = 0; i < n && a->p[i] == b->p[i]; i++)
		if (a->p[i] == '\n')
			line++;
	show(sa, sizeof(sa), a, i);
	show(sb, sizeof(sb), b, i);
	fuzz_fail("disagreement: %s and %s differ at transcript line %zu:\n"
	    "  %s: %s\n  %s: %s", what, what_b, line, what, sa, what_b, sb);
}

void
fuzz_fail(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	int n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = dprintf(report_fd, "%s: %s\n", diag_prog(), msg);
	(void)n;
	abort();
}

uint32_t
fuzz_hash(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}
