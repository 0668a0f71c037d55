/*
 * common/outbuf.c field_needs_quotes(): a field needs quotes exactly when
 * it holds ',', '"', CR or LF (RFC 4180).  Every length from 0 to 70 (the
 * SSE2 path's short, overlapping and 16-byte cases), one byte of every
 * value at every position of a field otherwise plain, and fields of
 * every plain byte value.  Each field sits at the very end of its own
 * malloc block, so that a read past it is an error under ASan.
 */
#include "unit.h"

#include "../../../common/outbuf.h"

#define MAXLEN	70

static int
special(unsigned char c)
{
	return c == ',' || c == '"' || c == '\r' || c == '\n';
}

/* n bytes of filler f at the end of a block of exactly n bytes. */
static char *
field_of(size_t n, unsigned char f)
{
	char *p = malloc(n ? n : 1);

	if (p == NULL)
		abort();
	memset(p, f, n);
	return p;
}

int
main(void)
{
	size_t n, k;
	unsigned c, f;
	char *p;

	for (n = 0; n <= MAXLEN; n++) {
		p = field_of(n, 'a');
		CHECK(field_needs_quotes(p, n) == 0, "%zu plain bytes", n);
		for (k = 0; k < n; k++)
			for (c = 0; c < 256; c++) {
				p[k] = (char)c;
				CHECK(field_needs_quotes(p, n) == special(
				    (unsigned char)c), "length %zu, byte 0x%02x "
				    "at %zu", n, c, k);
				p[k] = 'a';
			}
		free(p);
		for (f = 0; f < 256; f++) {
			if (special((unsigned char)f))
				continue;
			p = field_of(n, (unsigned char)f);
			CHECK(field_needs_quotes(p, n) == 0, "length %zu of "
			    "byte 0x%02x", n, f);
			free(p);
		}
	}
	/* A comma only in the last byte, and the same bytes without it. */
	p = field_of(40, 'x');
	p[39] = ',';
	CHECK(field_needs_quotes(p, 40) == 1, "a comma last of 40");
	CHECK(field_needs_quotes(p, 39) == 0, "the 39 before it");
	CHECK(field_needs_quotes(p + 1, 38) == 0, "38 inside");
	free(p);
	return unit_done("quoting");
}
