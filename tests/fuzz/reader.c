/*
 * fuzz-reader: the record reader, bytes -> records, on each of its paths
 * (docs/stream.md, common/stream.h).  Every input is read three times:
 * the default way (memchr for a record without a quote, libcsv for the
 * others), with every record forced through libcsv
 * (rec_reader_libcsv_only(r, 0)), and forced through libcsv's exact
 * configuration (rec_reader_libcsv_only(r, 1)), as tools/csvparse does
 * for tests/unit/differential.sh.  The three transcripts must be the same
 * bytes: the members, the header, each record's line, raw bytes, field
 * values and raw field spans, the number of rejects before each record,
 * the damage flags, the rejects file and the counters.
 *
 * Each record must also hold on its own, whichever path read it:
 *   - as many fields as the header (a record with more or fewer is a
 *     reject, docs/stream.md "Records that cannot be used");
 *   - no NUL byte in its raw bytes (one is a reject);
 *   - its raw spans tile its raw bytes, one comma apart, and each decodes
 *     to its value under RFC 4180 (a quoted span is '"' value-with-quotes-
 *     doubled '"'; any other span is the value, with no '"' and no LF);
 *   - lines increase, the header being line 1;
 * and the reader's counts add up: read = records returned + rejected.
 *
 * One plain input in 32 is also read with a padding of short records
 * (as many fields as its header) between its header and the rest, about
 * 1 MiB of them: the size of the reader's buffer (stream.c's READ_SIZE),
 * so that the input's own records straddle a refill of the buffer.
 *
 * Plain, gzip, zip and tar inputs are read; bzip2, xz and zstd ones are
 * left to fuzz-input, which caps what they decode to: a few bytes of
 * them can expand to gigabytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "../../common/input.h"
#include "../../common/rejects.h"
#include "../../common/stream.h"
#include "../../common/xalloc.h"
#include "harness.h"

enum { MODES = 3, REFILL_AT = 1 << 20 };

static const char *const mode_name[MODES] = {
	"default path", "libcsv path", "exact libcsv path"
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init("fuzz-reader");
	return 0;
}

/* 1 when the raw span s decodes to the value v (RFC 4180). */
static int
decodes_to(const struct field *s, const struct field *v)
{
	size_t i, o = 0;

	if (s->len == 0)
		return v->len == 0;
	if (s->ptr[0] != '"')
		return s->len == v->len && memcmp(s->ptr, v->ptr, s->len) == 0 &&
		    memchr(s->ptr, '"', s->len) == NULL &&
		    memchr(s->ptr, '\n', s->len) == NULL;
	if (s->len < 2 || s->ptr[s->len - 1] != '"')
		return 0;
	for (i = 1; i + 1 < s->len; i++) {
		if (s->ptr[i] == '"') {
			if (i + 2 >= s->len || s->ptr[i + 1] != '"')
				return 0;
			i++;
		}
		if (o >= v->len || v->ptr[o] != s->ptr[i])
			return 0;
		o++;
	}
	return o == v->len;
}

/* The checks every record passes on its own (see the top comment). */
static void
check_record(const struct record *rec, size_t ncols, unsigned long prev_line,
    const char *mode)
{
	const struct field *s;
	size_t i, at = 0;

	if (rec->nfields == 0)
		fuzz_fail("%s: line %lu: a record with no fields", mode,
		    rec->line);
	if (ncols > 0 && rec->nfields != ncols)
		fuzz_fail("%s: line %lu: %zu fields, the header has %zu", mode,
		    rec->line, rec->nfields, ncols);
	if (rec->line <= prev_line)
		fuzz_fail("%s: line %lu after line %lu", mode, rec->line,
		    prev_line);
	if (rec->raw_len > 0 && memchr(rec->raw, '\0', rec->raw_len) != NULL)
		fuzz_fail("%s: line %lu: a NUL byte in a kept record", mode,
		    rec->line);
	for (i = 0; i < rec->nfields; i++) {
		s = &rec->rawf[i];
		if (s->ptr != rec->raw + at || at + s->len > rec->raw_len)
			fuzz_fail("%s: line %lu: field %zu's raw span is not at "
			    "byte %zu of the record", mode, rec->line, i + 1, at);
		at += s->len;
		if (i + 1 < rec->nfields) {
			if (at >= rec->raw_len || rec->raw[at] != ',')
				fuzz_fail("%s: line %lu: no comma after field "
				    "%zu's raw span", mode, rec->line, i + 1);
			at++;
		}
		if (!decodes_to(s, &rec->value[i]))
			fuzz_fail("%s: line %lu: field %zu's value is not its "
			    "raw span decoded", mode, rec->line, i + 1);
	}
	if (at != rec->raw_len)
		fuzz_fail("%s: line %lu: the raw spans cover %zu of the "
		    "record's %zu bytes", mode, rec->line, at, rec->raw_len);
}

static void
put_record(struct tbuf *t, char tag, const struct record *rec)
{
	size_t i, off;

	tbuf_num(t, tag, rec->line);
	tbuf_num(t, 'n', rec->nfields);
	tbuf_item(t, 'r', rec->raw, rec->raw_len);
	for (i = 0; i < rec->nfields; i++) {
		tbuf_item(t, 'v', rec->value[i].ptr, rec->value[i].len);
		off = (size_t)(rec->rawf[i].ptr - rec->raw);
		tbuf_num(t, 'o', off);
		tbuf_num(t, 'l', rec->rawf[i].len);
	}
}

/* Read every member of the input at path one way, into t. */
static void
read_input(const char *path, int mode, struct tbuf *t)
{
	const struct record *hdr;
	struct rec_reader *r;
	struct record *rec;
	struct input *in;
	struct tbuf rej = { .text = 1 };
	unsigned long long returned = 0;
	unsigned long prev;
	char rpath[64];
	int rfd, rc;

	memset(&rejects_counts, 0, sizeof(rejects_counts));
	rfd = memfile_empty(rpath, sizeof(rpath));
	rejects_open(rpath);
	if ((in = input_open(path)) == NULL) {
		tbuf_num(t, 'O', 0);
	} else {
		while ((rc = input_next(in)) == 1) {
			tbuf_item(t, 'M', input_name(in), strlen(input_name(in)));
			if ((r = rec_reader_open(in)) == NULL) {
				tbuf_num(t, 'N', rejects_counts.rejected);
				continue;
			}
			if (mode > 0)
				rec_reader_libcsv_only(r, mode == 2);
			hdr = rec_reader_header(r);
			check_record(hdr, 0, 0, mode_name[mode]);
			put_record(t, 'H', hdr);
			prev = hdr->line;
			while ((rec = rec_reader_next(r)) != NULL) {
				check_record(rec, hdr->nfields, prev,
				    mode_name[mode]);
				prev = rec->line;
				put_record(t, 'R', rec);
				tbuf_num(t, 'j', rejects_counts.rejected);
				returned++;
			}
			tbuf_num(t, 'F', (unsigned long long)rec_reader_failed(r));
			rec_reader_close(r);
		}
		tbuf_num(t, 'X', (unsigned long long)(long long)rc);
		tbuf_num(t, 'f', (unsigned long long)input_failed(in));
		input_close(in);
	}
	if (rejects_counts.read != returned + rejects_counts.rejected)
		fuzz_fail("%s: read %llu, but %llu returned + %llu rejected",
		    mode_name[mode], rejects_counts.read, returned,
		    rejects_counts.rejected);
	tbuf_num(t, 'w', rejects_counts.warnings);
	(void)rejects_finish(0, NULL);
	memfile_slurp(rfd, &rej);
	close(rfd);
	tbuf_item(t, 'J', rej.p, rej.len);
	tbuf_release(&rej);
}

/*
 * Read the bytes every way and compare; when the transcripts differ,
 * read them again as text, to show where.
 */
static void
differential(const uint8_t *data, size_t size)
{
	struct tbuf t[MODES];
	char path[64];
	int fd, m, text, same = 1;

	fd = memfile(data, size, path, sizeof(path));
	for (text = 0; text < 2 && (text == 0 || !same); text++) {
		for (m = 0; m < MODES; m++) {
			memset(&t[m], 0, sizeof(t[m]));
			t[m].text = text;
			read_input(path, m, &t[m]);
		}
		for (m = 1; m < MODES; m++) {
			if (text)
				fuzz_same(mode_name[0], &t[0], mode_name[m],
				    &t[m]);
			same &= tbuf_same(&t[0], &t[m]);
		}
		for (m = 0; m < MODES; m++)
			tbuf_release(&t[m]);
	}
	if (!same)
		fuzz_fail("disagreement, but not when read again: the reader "
		    "is not deterministic");
	close(fd);
}

/*
 * 1 for a gzip input that decodes to more than GZIP_CAP bytes: a few KiB
 * can hold hundreds of thousands of records, which the six readings of
 * differential() take longer than libFuzzer's timeout to go through.
 */
enum { GZIP_CAP = 1 << 20 };

static int
gzip_too_big(const uint8_t *p, size_t n)
{
	static unsigned char out[65536];
	z_stream z;
	size_t total = 0;
	int rc;

	if (n < 2 || p[0] != 0x1f || p[1] != 0x8b)
		return 0;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	do {
		z.next_out = out;
		z.avail_out = sizeof(out);
		rc = inflate(&z, Z_NO_FLUSH);
		total += sizeof(out) - z.avail_out;
	} while (rc == Z_OK && total <= GZIP_CAP);
	inflateEnd(&z);
	return total > GZIP_CAP;
}

/* 1 for the magic bytes of bzip2, xz and zstd (common/input.c). */
static int
high_ratio(const uint8_t *p, size_t n)
{
	static const unsigned char xz[] = { 0xfd, '7', 'z', 'X', 'Z', 0 };
	static const unsigned char zst[] = { 0x28, 0xb5, 0x2f, 0xfd };

	return (n >= 3 && memcmp(p, "BZh", 3) == 0) ||
	    (n >= 6 && memcmp(p, xz, 6) == 0) ||
	    (n >= 4 && memcmp(p, zst, 4) == 0);
}

/* 1 for gzip, zip and tar (common/input.c): not repeated, see above. */
static int
packed(const uint8_t *p, size_t n)
{
	return (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) ||
	    (n >= 2 && p[0] == 'P' && p[1] == 'K') ||
	    (n >= 262 && memcmp(p + 257, "ustar", 5) == 0);
}

/*
 * The input with about REFILL_AT bytes of padding records after its
 * header line, or NULL when the input has no header line that commas
 * alone split (one without a quote) or is too big for that.  The padding's length depends on
 * the input, so the buffer boundary falls all over its records.
 */
static unsigned char *
padded(const uint8_t *data, size_t size, size_t *lenp)
{
	const uint8_t *nl = memchr(data, '\n', size);
	unsigned char *out, *p;
	size_t hdr, body, ncols = 1, line, pad, i, n;

	if (nl == NULL || (hdr = (size_t)(nl - data) + 1) > 4096 ||
	    memchr(data, '"', hdr) != NULL)
		return NULL;
	for (i = 0; i < hdr; i++)
		ncols += data[i] == ',';
	if ((body = size - hdr) > REFILL_AT / 4)
		return NULL;
	line = ncols + 1 > 128 ? ncols + 1 : 128;
	pad = REFILL_AT - hdr - fuzz_hash(data, size) % (body + 1);
	out = xmalloc(hdr + pad + body);
	memcpy(out, data, hdr);
	p = out + hdr;
	for (i = 0; i < pad; i += n) {
		/* Lines of line bytes, the first longer by what is left. */
		n = i == 0 ? line + pad % line : line;
		memset(p, 'p', n - ncols);
		memset(p + n - ncols, ',', ncols - 1);
		p[n - 1] = '\n';
		p += n;
	}
	memcpy(p, data + hdr, body);
	*lenp = hdr + pad + body;
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *big;
	size_t len;

	if (high_ratio(data, size) || gzip_too_big(data, size))
		return 0;
	differential(data, size);
	if (size > 0 && !packed(data, size) &&
	    fuzz_hash(data, size) % 32 == 0 &&
	    (big = padded(data, size, &len)) != NULL) {
		differential(big, len);
		free(big);
	}
	return 0;
}
