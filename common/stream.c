#include "stream.h"

#include <assert.h>
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "diag.h"
#include "rejects.h"
#include "xalloc.h"

/*
 * READ_SIZE: bytes asked of the input at a time.  The splitter looks at
 * BLOCK bytes at once, so the buffer has PAD bytes after its capacity,
 * zeroed beyond the data: a block starting inside the data never reads
 * past the allocation, nor an uninitialised byte.  REJECT_KEEP: the bytes
 * of an over-long record kept for its reject row.
 */
enum { READ_SIZE = 1 << 20, BLOCK = 64, PAD = 64, REJECT_KEEP = 1 << 16,
	LIBCSV_BLOCK = 1 << 16 };

/* Process-wide defaults for readers opened later (--max-record, csvparse). */
static size_t default_max_record = (size_t)64 << 20;
static enum rec_path default_path = REC_PATH_DEFAULT;

/* Reject a record, unless the reader only scans a header. */
#define READER_REJECT(r, ...) \
	do { \
		if (!(r)->quiet) \
			reject(__VA_ARGS__); \
	} while (0)

/* What parse_record() found. */
enum parse_result { PARSED, END_OF_INPUT, BAD_RECORD };

/* What the splitter found: a regular record, or one for libcsv. */
enum fast_result { FAST_OK, FAST_IRREGULAR, FAST_TOO_LONG };

struct rec_reader {
	struct input	*in;
	const char	*name;		/* the member's display name */
	char		*buf;		/* input bytes [start, end) not yet used */
	size_t		 cap, start, end;
	int		 eof;		/* no more bytes will come */
	int		 damaged;	/* the input ended in an error */
	unsigned long	 line;		/* physical line of buf[start] */

	struct record	 rec;
	size_t		 fcap;		/* capacity of rec.value and rawspan */
	struct field	*rawspan;	/* rec.rawf for records that hold quotes */

	/* libcsv state, for records that hold a quote. */
	struct csv_parser csv;		/* the exact parser */
	struct csv_parser csv_fast;	/* libcsv's built-in tests */
	int		 exact_only;	/* never use csv_fast */
	int		 quiet;		/* a header scan: no messages, no counts */
	int		 malformed;	/* libcsv refused the last record */
	char		*vbuf;		/* decoded values, back to back */
	size_t		 vlen, vcap;
	size_t		*voff;		/* start of each value in vbuf */
	size_t		 nvals, voffcap;
	int		 csv_done;	/* libcsv reported the record's end */
	int		 libcsv_only;	/* the differential test's mode */

	/* The splitter (scan_fast) and the limits. */
	enum rec_path	 path;
	size_t		 max_record;	/* longest record kept, bytes */
	size_t		 want;		/* fields to split; 0: all */
	size_t		*fend;		/* fill_keeping(): fields as offsets */
	size_t		 fendcap;
	char		*dbuf;		/* values of fields with doubled quotes */
	size_t		 dcap;
	char		*keep;		/* an over-long record's first bytes */

	struct record	 header;
	char		*header_raw;
	size_t		 ncols;
};

static void	skip_too_long(struct rec_reader *r);

/* libcsv callbacks: no field is trimmed, and only LF ends a record. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static int
is_lf(unsigned char c)
{
	return c == '\n';
}

static void
csv_field_cb(void *s, size_t len, void *data)
{
	struct rec_reader *r = data;

	/* Copy now: libcsv reuses its buffer for the next field. */
	r->voff = xgrow(r->voff, &r->voffcap, r->nvals + 1, sizeof(*r->voff));
	r->voff[r->nvals++] = r->vlen;
	r->vbuf = xgrow(r->vbuf, &r->vcap, r->vlen + len + 1, 1);
	if (len > 0)
		memcpy(r->vbuf + r->vlen, s, len);
	r->vlen += len;
}

static void
csv_record_cb(int c, void *data)
{
	struct rec_reader *r = data;

	(void)c;	/* -1 for a record ended by csv_fini() */
	r->csv_done = 1;
}

/* (Re)start parser p; exact sets the callbacks of the definition. */
static void
csv_reset(struct csv_parser *p, int exact)
{
	csv_free(p);
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		diag_die(EXIT_DATA, "out of memory");
	/*
	 * libcsv grows a field's buffer by blk_size bytes at a time (128 by
	 * default): a field of n bytes costs n / blk_size reallocations.
	 */
	csv_set_blk_size(p, LIBCSV_BLOCK);
	if (exact) {
		csv_set_space_func(p, no_space);
		csv_set_term_func(p, is_lf);
	}
}

/*
 * Read more input, keeping the bytes from buf[start] on.  Returns 0 when
 * nothing more can come.
 */
static int
fill(struct rec_reader *r)
{
	ssize_t got;

	if (r->eof)
		return 0;
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < READ_SIZE / 2) {
		r->cap *= 2;
		r->buf = xrealloc(r->buf, r->cap + PAD);
	}
	got = input_read(r->in, r->buf + r->end, r->cap - r->end);
	if (got > 0)
		r->end += (size_t)got;
	memset(r->buf + r->end, 0, PAD);
	if (got <= 0) {
		r->eof = 1;
		r->damaged = got < 0;
		return 0;
	}
	return 1;
}

/*
 * Find the next physical line from offset pos (relative to start).
 * Returns its length (without '\n') in *len and whether a '\n' ended it;
 * -1 when there are no bytes left, -2 when the record would grow longer
 * than max_record bytes.  May move buf (offsets stay valid).
 */
static int
physical_line(struct rec_reader *r, size_t pos, size_t *len, int *has_nl)
{
	size_t scanned = pos;
	char *nl;

	for (;;) {
		nl = memchr(r->buf + r->start + scanned, '\n',
		    r->end - r->start - scanned);
		if (nl != NULL) {
			*len = (size_t)(nl - (r->buf + r->start)) - pos;
			*has_nl = 1;
			return 0;
		}
		scanned = r->end - r->start;
		if (scanned > r->max_record + 1)
			return -2;
		if (!fill(r)) {
			if (r->end - r->start == pos)
				return -1;
			*len = r->end - r->start - pos;
			*has_nl = 0;
			return 0;
		}
	}
}

static void
ensure_fields(struct rec_reader *r, size_t n)
{
	size_t cap = r->fcap;

	if (n <= r->fcap)
		return;
	r->rec.value = xgrow(r->rec.value, &cap, n, sizeof(struct field));
	cap = r->fcap;
	r->rawspan = xgrow(r->rawspan, &cap, n, sizeof(struct field));
	r->fcap = cap;
}

/* Split a record that holds no quote: its raw bytes are its values. */
static void
split_plain(struct rec_reader *r, const char *p, size_t len)
{
	const char *end = p + len, *comma;
	size_t n = 0;

	for (;;) {
		ensure_fields(r, n + 1);
		comma = memchr(p, ',', (size_t)(end - p));
		r->rec.value[n].ptr = p;
		r->rec.value[n].len = (size_t)((comma ? comma : end) - p);
		n++;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	r->rec.nfields = n;
	r->rec.rawf = r->rec.value;
}

/*
 * Raw span of each field of a record libcsv accepted: the commas outside
 * quotes are the separators (strict mode guarantees quotes are balanced
 * within each quoted field).
 */
static void
raw_spans(struct rec_reader *r, const char *p, size_t len)
{
	size_t i, n = 0, from = 0;
	int quoted = 0;

	for (i = 0; i <= len; i++) {
		if (i < len && p[i] == '"')
			quoted = !quoted;
		if (i == len || (p[i] == ',' && !quoted)) {
			r->rawspan[n].ptr = p + from;
			r->rawspan[n].len = i - from;
			n++;
			from = i + 1;
		}
	}
	r->rec.rawf = r->rawspan;
}

static size_t
count_quotes(const char *p, size_t len)
{
	size_t n = 0;
	const char *q, *end = p + len;

	while ((q = memchr(p, '"', (size_t)(end - p))) != NULL) {
		n++;
		p = q + 1;
	}
	return n;
}

/* How feed_libcsv() ended. */
enum feed_result { FEED_OK, FEED_BAD, FEED_NEEDS_EXACT, FEED_TOO_LONG };

/*
 * Feed the record at buf[start] to parser p a physical line at a time,
 * until libcsv reports the record's end.  Sets *consumed (bytes used, line
 * ends included), *lines and *quotes.  With fast set, p is the parser with
 * libcsv's default space and terminator tests, which agrees with the exact
 * one only on records with no CR (see parse_quoted): meeting a CR returns
 * FEED_NEEDS_EXACT at once.  FEED_TOO_LONG: the record grew past
 * max_record bytes before libcsv saw its end.
 */
static enum feed_result
feed_libcsv(struct rec_reader *r, struct csv_parser *p, int fast,
    size_t first_len, int first_nl, size_t *consumed, unsigned long *lines,
    size_t *quotes)
{
	size_t pos = 0, len = first_len, feed;
	int has_nl = first_nl, ok = 1;
	const char *s;

	r->vlen = r->nvals = 0;
	r->csv_done = 0;
	*lines = 0;
	*quotes = 0;
	for (;;) {
		s = r->buf + r->start + pos;
		if (fast && memchr(s, '\r', len) != NULL)
			return FEED_NEEDS_EXACT;
		(*lines)++;
		*quotes += count_quotes(s, len);
		feed = len;
		/* A CR before the LF that ends the record is a line end. */
		if (has_nl && *quotes % 2 == 0 && len > 0 && s[len - 1] == '\r')
			feed--;
		if (csv_parse(p, s, feed, csv_field_cb, csv_record_cb, r) != feed)
			ok = 0;
		else if (has_nl && csv_parse(p, *quotes % 2 ? s + len : "\n", 1,
		    csv_field_cb, csv_record_cb, r) != 1)
			ok = 0;
		else if (!has_nl && r->damaged)
			ok = 0;		/* cut short: never ended by csv_fini */
		else if (!has_nl && csv_fini(p, csv_field_cb, csv_record_cb,
		    r) != 0)
			ok = 0;
		pos += len + (size_t)has_nl;
		if (!ok || r->csv_done || !has_nl)
			break;
		if (pos > r->max_record + 1)
			return FEED_TOO_LONG;
		switch (physical_line(r, pos, &len, &has_nl)) {
		case -2:
			return FEED_TOO_LONG;
		case -1:
			goto out;
		}
	}
out:
	*consumed = pos;
	r->malformed = !ok;
	if (ok && r->csv_done)
		return FEED_OK;
	if (!ok && csv_error(p) == CSV_ENOMEM)
		diag_die(EXIT_DATA, "out of memory");
	return FEED_BAD;
}

/*
 * Raw spans from the decoded values, without scanning the bytes again: a
 * field that starts with a quote was quoted, so its raw form is its value
 * with quotes doubled, between quotes; any other field is its value.
 * Returns -1 when the spans do not add up to the record, which is what
 * happens exactly when libcsv's built-in space test trimmed a field.
 */
static int
spans_from_values(struct rec_reader *r)
{
	const char *p = r->rec.raw;
	const struct field *v;
	size_t i, n, pos = 0;

	for (i = 0; i < r->rec.nfields; i++) {
		v = &r->rec.value[i];
		n = v->len;
		if (pos < r->rec.raw_len && p[pos] == '"')
			n += 2 + count_quotes(v->ptr, v->len);
		r->rawspan[i].ptr = p + pos;
		r->rawspan[i].len = n;
		pos += n;
		if (i + 1 < r->rec.nfields) {
			if (pos >= r->rec.raw_len || p[pos] != ',')
				return -1;
			pos++;
		}
	}
	r->rec.rawf = r->rawspan;
	return pos == r->rec.raw_len ? 0 : -1;
}

/*
 * The decoded values of the record libcsv accepted, and with exact set
 * their raw spans (a fast-parser caller computes those itself).
 */
static void
collect_fields(struct rec_reader *r, size_t consumed, int exact)
{
	const char *p = r->buf + r->start;
	size_t i;

	r->rec.raw = p;
	r->rec.raw_len = consumed;
	/* The line end: an LF, and a CR before it (a CR alone is data). */
	if (r->rec.raw_len > 0 && p[r->rec.raw_len - 1] == '\n') {
		r->rec.raw_len--;
		if (r->rec.raw_len > 0 && p[r->rec.raw_len - 1] == '\r')
			r->rec.raw_len--;
	}
	ensure_fields(r, r->nvals);
	for (i = 0; i < r->nvals; i++) {
		r->rec.value[i].ptr = r->vbuf + r->voff[i];
		r->rec.value[i].len = (i + 1 < r->nvals ? r->voff[i + 1] :
		    r->vlen) - r->voff[i];
	}
	r->rec.nfields = r->nvals;
	if (exact)
		raw_spans(r, r->rec.raw, r->rec.raw_len);
}

/*
 * A record that holds a quote goes to libcsv, which decides where it ends
 * (quoted fields may span lines) and what its fields are.  Two parsers:
 * the exact one (no trimming, only LF ends a record) is the definition;
 * the fast one keeps libcsv's built-in space and terminator tests, which
 * run about twice as fast as callbacks.  They give the same fields when
 * the record holds no CR (the built-in test also ends records at CR) and
 * the built-in test trimmed no space or tab (spans_from_values() finds
 * out), so the fast result is used only then; otherwise, and for every
 * malformed record, the exact parser decides.
 * tests/unit/differential.sh compares both with the memchr path.
 * Returns PARSED or BAD_RECORD (already rejected).
 */
static enum parse_result
parse_quoted(struct rec_reader *r, size_t first_len, int first_nl,
    size_t *consumed, unsigned long *lines)
{
	enum feed_result res = FEED_NEEDS_EXACT;
	size_t quotes, rawlen;
	const char *p;

	if (!r->exact_only) {
		res = feed_libcsv(r, &r->csv_fast, 1, first_len, first_nl,
		    consumed, lines, &quotes);
		if (res == FEED_OK) {
			collect_fields(r, *consumed, 0);
			if (spans_from_values(r) == 0)
				return PARSED;
			res = FEED_NEEDS_EXACT;
		}
		csv_reset(&r->csv_fast, 0);
	}
	if (res != FEED_TOO_LONG)
		res = feed_libcsv(r, &r->csv, 0, first_len, first_nl, consumed,
		    lines, &quotes);
	if (res == FEED_OK) {
		collect_fields(r, *consumed, 1);
		return PARSED;
	}
	csv_reset(&r->csv, 1);
	if (res == FEED_TOO_LONG) {
		skip_too_long(r);
		*consumed = 0;
		return BAD_RECORD;
	}
	/*
	 * Whether the record runs to where the input ends must not depend on
	 * how far the buffer happens to reach (fuzz-reader: a malformed
	 * record whose LF was the damaged input's last byte): when it ends
	 * at the buffer's end, read on to find out.  fill() may move buf.
	 */
	if (!r->csv_done && r->start + *consumed >= r->end)
		(void)fill(r);
	/*
	 * A malformed record's raw text is its lines without the last line
	 * end, as on every other path.  An unterminated quoted field runs to
	 * the end of the input: a final LF is inside its quotes, so data.
	 */
	p = r->buf + r->start;
	rawlen = *consumed;
	if (r->malformed && rawlen > 0 && p[rawlen - 1] == '\n') {
		rawlen--;
		if (rawlen > 0 && p[rawlen - 1] == '\r')
			rawlen--;
	}
	/*
	 * Cut short only when the record runs to where the damaged data
	 * ends: one that ends before it is malformed on its own, whether or
	 * not the reader has already read as far as the damage (fuzz-reader:
	 * the verdict must not depend on how far the buffer reaches).
	 */
	if (r->damaged && !r->csv_done && r->start + *consumed >= r->end)
		READER_REJECT(r, r->name, r->line, NULL, p, rawlen,
		    "record cut short by the damaged input");
	else
		READER_REJECT(r, r->name, r->line, NULL, p, rawlen, "%s",
		    r->malformed ? "malformed quoting (a quote inside an "
		    "unquoted field, or text after a closing quote)" :
		    "unterminated quoted field");
	return BAD_RECORD;
}

/*
 * The splitter.  It looks at BLOCK bytes at a time and makes one bit mask
 * per kind of byte that matters: '"', ',', '\n', and CR or NUL.  The bytes
 * inside quotes are those after an odd number of quotes (a prefix XOR of
 * the quote mask; a doubled quote toggles twice), so the separators are
 * the commas and LFs outside quotes, whatever the quoted fields hold.
 * masks_sse2() computes the masks with SSE2 (baseline on x86-64),
 * masks_scalar() byte by byte; both give the same bits, and
 * tests/unit/differential.sh compares the two paths with libcsv.
 */
struct masks {
	uint64_t	 quote, comma, nl, odd;	/* odd: CR or NUL */
};

static void
masks_scalar(const unsigned char *p, struct masks *m)
{
	uint64_t bit;
	int i;

	m->quote = m->comma = m->nl = m->odd = 0;
	for (i = 0; i < BLOCK; i++) {
		bit = (uint64_t)1 << i;
		switch (p[i]) {
		case '"':
			m->quote |= bit;
			break;
		case ',':
			m->comma |= bit;
			break;
		case '\n':
			m->nl |= bit;
			break;
		case '\r':
		case '\0':
			m->odd |= bit;
			break;
		}
	}
}

#ifdef __SSE2__
/* The 64 bits of the bytes equal to c in the four 16-byte lanes v. */
static inline uint64_t
mask64(const __m128i *v, __m128i c)
{
	return (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v[0], c)) |
	    (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v[1], c)) << 16 |
	    (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v[2], c)) << 32 |
	    (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v[3], c)) << 48;
}

static inline void
masks_sse2(const unsigned char *p, struct masks *m)
{
	const __m128i cr = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
	__m128i v[4], odd[4];
	int i;

	for (i = 0; i < 4; i++) {
		v[i] = _mm_loadu_si128((const __m128i *)(const void *)
		    (p + 16 * i));
		odd[i] = _mm_or_si128(_mm_cmpeq_epi8(v[i], cr),
		    _mm_cmpeq_epi8(v[i], zero));
	}
	m->quote = mask64(v, _mm_set1_epi8('"'));
	m->comma = mask64(v, _mm_set1_epi8(','));
	m->nl = mask64(v, _mm_set1_epi8('\n'));
	m->odd = (uint64_t)(unsigned)_mm_movemask_epi8(odd[0]) |
	    (uint64_t)(unsigned)_mm_movemask_epi8(odd[1]) << 16 |
	    (uint64_t)(unsigned)_mm_movemask_epi8(odd[2]) << 32 |
	    (uint64_t)(unsigned)_mm_movemask_epi8(odd[3]) << 48;
}
#endif

static inline void
masks_of(const struct rec_reader *r, const unsigned char *p, struct masks *m)
{
#ifdef __SSE2__
	if (r->path != REC_PATH_SCALAR) {
		masks_sse2(p, m);
		return;
	}
#else
	(void)r;
#endif
	masks_scalar(p, m);
}

/* Bit i set: an odd number of the set bits of x are at i or below. */
static inline uint64_t
prefix_xor(uint64_t x)
{
	x ^= x << 1;
	x ^= x << 2;
	x ^= x << 4;
	x ^= x << 8;
	x ^= x << 16;
	x ^= x << 32;
	return x;
}

static inline unsigned
lowest_bit(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return (unsigned)__builtin_ctzll(x);
#else
	unsigned n = 0;

	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
#endif
}

/* Set bits of x; rare enough here not to need the popcnt instruction. */
static inline unsigned
bit_count(uint64_t x)
{
	unsigned n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/* Bits 0 to i (i < 64) set: unsigned arithmetic wraps for i = 63. */
static inline uint64_t
through(unsigned i)
{
	return ((uint64_t)2 << i) - 1;
}

/*
 * The value of a regular quoted field (raw bytes p[0, n)): it opens and
 * closes with a quote and every quote between comes doubled.  A value with
 * doubled quotes is decoded to out (n bytes are enough).  Returns the
 * bytes of out used, or -1 when the field is not regular.
 */
static long
quoted_value(const char *p, size_t n, char *out, struct field *v)
{
	const char *s, *end, *q;
	size_t k, used = 0;

	if (n < 2 || p[0] != '"' || p[n - 1] != '"')
		return -1;
	s = p + 1;
	end = p + n - 1;
	if ((q = memchr(s, '"', (size_t)(end - s))) == NULL) {
		v->ptr = s;
		v->len = n - 2;
		return 0;
	}
	do {
		if (q + 1 >= end || q[1] != '"')
			return -1;
		k = (size_t)(q + 1 - s);
		memcpy(out + used, s, k);
		used += k;
		s = q + 2;
	} while ((q = memchr(s, '"', (size_t)(end - s))) != NULL);
	memcpy(out + used, s, (size_t)(end - s));
	used += (size_t)(end - s);
	v->ptr = out;
	v->len = used;
	return (long)used;
}

/*
 * fill() for the splitter, in the middle of a record whose first n
 * fields are already in rec.value: they point into the buffer, which may
 * move, so they are kept as offsets meanwhile.
 */
static void
fill_keeping(struct rec_reader *r, size_t n)
{
	const char *old = r->buf + r->start;
	size_t i;

	r->fend = xgrow(r->fend, &r->fendcap, n + 1, sizeof(*r->fend));
	for (i = 0; i < n; i++)
		r->fend[i] = (size_t)(r->rec.value[i].ptr - old);
	fill(r);
	for (i = 0; i < n; i++)
		r->rec.value[i].ptr = r->buf + r->start + r->fend[i];
}

/* What scan_blocks() found of one record. */
struct scan {
	size_t		nf;		/* fields split (all, counting the last) */
	size_t		from;		/* offset just past the record's '\n' */
	size_t		nodd;		/* CRs and NULs before it */
	size_t		nquotes;	/* its quotes */
	unsigned long	inner_nl;	/* '\n's inside quoted fields */
};

/*
 * Split the record at buf[start] into r->rec.value, BLOCK bytes at a
 * time, up to the first '\n' outside quotes (see scan_fast()).  A stray
 * quote is found here, before it makes the rest of the input look quoted.
 */
static enum fast_result
scan_blocks(struct rec_reader *r, struct scan *sc)
{
	const unsigned char *p;
	const char *base;
	struct masks m;
	size_t pos = 0, avail, e;
	uint64_t valid, q, inside, carry = 0, seps, nl, upto, x, all, closing;
	uint64_t sep_in = 1, close_in = 0;	/* bit 0 of the next block */

	for (;;) {
		avail = r->end - r->start - pos;
		if (avail < BLOCK && !r->eof) {
			if (pos > r->max_record + 1)
				return FAST_TOO_LONG;
			fill_keeping(r, sc->nf);
			continue;
		}
		if (avail == 0)
			return FAST_IRREGULAR;	/* no '\n' at the end */
		base = r->buf + r->start;
		p = (const unsigned char *)base + pos;
		valid = avail >= BLOCK ? UINT64_MAX : through((unsigned)avail - 1);
		masks_of(r, p, &m);
		q = m.quote & valid;
		inside = prefix_xor(q) ^ carry;
		nl = m.nl & ~inside & valid;
		upto = nl ? through(lowest_bit(nl)) : valid;
		all = (m.comma | m.nl) & ~inside;
		seps = all & upto;
		if ((x = m.odd & upto) != 0)
			sc->nodd += bit_count(x);
		if ((q | carry) != 0) {
			/*
			 * A quote that opens a quoted part must be at a field
			 * start or right after a closing quote (a doubled
			 * quote): else it is stray.
			 */
			closing = q & ~inside;
			if (q & inside & upto & ~(all << 1 | sep_in) &
			    ~(closing << 1 | close_in))
				return FAST_IRREGULAR;
			close_in = closing >> 63;
			sc->nquotes += bit_count(q & upto);
			if ((x = m.nl & inside & upto) != 0)
				sc->inner_nl += bit_count(x);
		} else
			close_in = 0;
		sep_in = all >> 63;
		ensure_fields(r, sc->nf + BLOCK + 1);
		for (; seps != 0; seps &= seps - 1) {
			e = pos + lowest_bit(seps);
			r->rec.value[sc->nf].ptr = base + sc->from;
			r->rec.value[sc->nf++].len = e - sc->from;
			sc->from = e + 1;
		}
		if (nl)
			return FAST_OK;
		if (avail <= BLOCK)
			return FAST_IRREGULAR;	/* the input ends first */
		carry = (uint64_t)0 - (inside >> 63);
		pos += BLOCK;
	}
}

/*
 * The quoted fields of a split record: a field that starts with a quote
 * must be a regular quoted field, and every quote of the record must be in
 * one (no stray quote in an unquoted field).  The first nsplit are decoded
 * (into r->dbuf: decoded values need at most the record's bytes), the rest
 * only checked; r->rawspan keeps the raw spans of the decoded ones.
 */
static enum fast_result
decode_quoted(struct rec_reader *r, size_t nsplit, size_t nquotes)
{
	struct field tail, *v;
	size_t i, n, accounted = 0;
	long used;
	char *d;

	memcpy(r->rawspan, r->rec.value, nsplit * sizeof(struct field));
	r->rec.rawf = r->rawspan;
	r->dbuf = xgrow(r->dbuf, &r->dcap, r->rec.raw_len + 1, 1);
	d = r->dbuf;
	for (i = 0; i < r->rec.nfields; i++) {
		v = &r->rec.value[i];
		if (v->len == 0 || *v->ptr != '"')
			continue;
		n = v->len;
		if (i >= nsplit) {
			tail = *v;
			v = &tail;
		}
		if ((used = quoted_value(v->ptr, n, d, v)) < 0)
			return FAST_IRREGULAR;
		d += used;
		/* n raw bytes, value v->len: 2 + 2 * (n - 2 - len) quotes. */
		accounted += 2 + 2 * (n - 2 - v->len);
	}
	return accounted == nquotes ? FAST_OK : FAST_IRREGULAR;
}

/*
 * Split the record at buf[start] if it is regular (docs/stream.md): fields
 * separated by ',', the record ended by '\n' (a CR just before it is a line
 * end), quoted fields that open at a field start and close right before a
 * separator with only doubled quotes between, no other CR, no NUL, not
 * blank, a '\n' at its end.  Quoted fields may hold ',' and '\n'.
 * FAST_IRREGULAR: anything else, for libcsv to judge; nothing is consumed.
 * FAST_TOO_LONG: longer than max_record.  On FAST_OK r->rec describes the
 * record: every field is counted and checked, and the first want (all
 * when want is 0) decoded.
 */
static enum fast_result
scan_fast(struct rec_reader *r, size_t *consumed, unsigned long *lines)
{
	struct scan sc = { 0 };
	enum fast_result res;
	const char *base;
	size_t e, n, nf, nsplit;

	if ((res = scan_blocks(r, &sc)) != FAST_OK)
		return res;
	base = r->buf + r->start;
	nf = sc.nf;
	e = sc.from - 1;		/* the '\n' */
	n = e;
	if (sc.nodd > 0) {
		/* The only CR or NUL allowed: a CR ending the line. */
		if (sc.nodd > 1 || e == 0 || base[e - 1] != '\r')
			return FAST_IRREGULAR;
		n = e - 1;
		r->rec.value[nf - 1].len--;
	}
	if (n == 0)
		return FAST_IRREGULAR;		/* a blank line */
	*consumed = e + 1;
	*lines = 1 + sc.inner_nl;
	r->rec.raw = base;
	r->rec.raw_len = n;
	if (n > r->max_record)
		return FAST_TOO_LONG;
	nsplit = r->want > 0 && r->want < nf ? r->want : nf;
	r->rec.nfields = nf;
	r->rec.fields_split = nsplit < nf ? nsplit : 0;
	r->rec.rawf = r->rec.value;
	if (sc.nquotes == 0)
		return FAST_OK;
	return decode_quoted(r, nsplit, sc.nquotes);
}

/*
 * Reject the over-long record at buf[start] (issue 8): keep its first
 * bytes for the reject row, then move past it without holding it.  Its
 * end is the first '\n' after an even number of quotes (libcsv's rule for
 * a well-formed record; for a malformed one, crimepipe's decision, in
 * docs/stream.md), or the end of the input.
 */
static void
skip_too_long(struct rec_reader *r)
{
	const unsigned char *p;
	struct masks m;
	unsigned long line = r->line, nls = 0;
	size_t keep, pos = 0, avail;
	uint64_t valid, inside, carry = 0, nl;
	unsigned b;

	keep = r->end - r->start;
	if (keep > REJECT_KEEP)
		keep = REJECT_KEEP;
	if (keep > r->max_record)
		keep = r->max_record;
	if (r->keep == NULL)
		r->keep = xmalloc(REJECT_KEEP);
	memcpy(r->keep, r->buf + r->start, keep);
	for (;;) {
		avail = r->end - r->start - pos;
		if (avail < BLOCK && !r->eof) {
			r->start += pos;	/* the bytes scanned go */
			pos = 0;
			fill(r);
			continue;
		}
		if (avail == 0)
			break;
		p = (const unsigned char *)r->buf + r->start + pos;
		valid = avail >= BLOCK ? UINT64_MAX : through((unsigned)avail - 1);
		masks_of(r, p, &m);
		inside = prefix_xor(m.quote & valid) ^ carry;
		if ((nl = m.nl & ~inside & valid) != 0) {
			b = lowest_bit(nl);
			nls += bit_count(m.nl & through(b));
			pos += b + 1;
			break;
		}
		nls += bit_count(m.nl & valid);
		if (avail <= BLOCK) {
			pos += avail;
			break;
		}
		carry = (uint64_t)0 - (inside >> 63);
		pos += BLOCK;
	}
	r->start += pos;
	READER_REJECT(r, r->name, line, NULL, r->keep, keep, "record longer "
	    "than %zu bytes (--max-record); only its first %zu bytes are kept "
	    "here", r->max_record, keep);
	r->line += nls;
}

/* Reject the parsed record that holds a NUL, naming its first such field. */
static void
reject_nul(struct rec_reader *r)
{
	const char *col = NULL;
	size_t i;

	for (i = 0; i < r->rec.nfields && col == NULL; i++)
		if (memchr(r->rec.value[i].ptr, '\0', r->rec.value[i].len) &&
		    i < r->ncols)
			col = r->header.value[i].ptr;
	READER_REJECT(r, r->name, r->line, col, r->rec.raw, r->rec.raw_len,
	    "NUL byte in the data");
}

/*
 * Parse the next record at buf[start].  On PARSED, r->rec describes it;
 * on BAD_RECORD it was rejected.  Either way the input moves past it.
 * A regular record is split by scan_fast(); any other goes to the memchr
 * split (no quote) or to libcsv, exactly as before the splitter existed.
 */
static enum parse_result
parse_record(struct rec_reader *r, size_t expect)
{
	enum parse_result res = PARSED;
	unsigned long lines = 1;
	size_t len, consumed;
	const char *p;
	int has_nl;

	while (r->start == r->end)
		if (!fill(r))
			return END_OF_INPUT;
	r->rec.line = r->line;
	r->rec.fields_split = 0;
	if (!r->libcsv_only)
		switch (scan_fast(r, &consumed, &lines)) {
		case FAST_OK:
			goto counted;
		case FAST_TOO_LONG:
			skip_too_long(r);
			return BAD_RECORD;
		case FAST_IRREGULAR:
			r->rec.fields_split = 0;
			lines = 1;
			break;
		}
	switch (physical_line(r, 0, &len, &has_nl)) {
	case -1:
		return END_OF_INPUT;
	case -2:
		skip_too_long(r);
		return BAD_RECORD;
	}
	p = r->buf + r->start;
	if (len == 0 || (len == 1 && p[0] == '\r' && has_nl)) {
		/* Checked first: libcsv would skip a blank line silently. */
		READER_REJECT(r, r->name, r->line, NULL, p, 0, "blank line");
		res = BAD_RECORD;
		consumed = len + (size_t)has_nl;
	} else if (r->libcsv_only || memchr(p, '"', len) != NULL) {
		res = parse_quoted(r, len, has_nl, &consumed, &lines);
		if (consumed == 0)
			return res;	/* skipped as too long */
		p = r->buf + r->start;
	} else {
		consumed = len + (size_t)has_nl;
		if (len > 0 && p[len - 1] == '\r' && has_nl)
			len--;
		r->rec.raw = p;
		r->rec.raw_len = len;
		if (!has_nl && r->damaged) {
			READER_REJECT(r, r->name, r->line, NULL, p, len,
			    "record cut short by the damaged input");
			res = BAD_RECORD;
		} else
			split_plain(r, p, len);
	}
	if (res == PARSED && r->rec.raw_len > r->max_record) {
		skip_too_long(r);
		return BAD_RECORD;
	}
	if (res == PARSED && memchr(r->rec.raw, '\0', r->rec.raw_len)) {
		reject_nul(r);
		res = BAD_RECORD;
	}
counted:
	if (res == PARSED && expect > 0 && r->rec.nfields != expect) {
		READER_REJECT(r, r->name, r->line, NULL, r->rec.raw, r->rec.raw_len,
		    "%zu field%s, the header has %zu", r->rec.nfields,
		    r->rec.nfields == 1 ? "" : "s", expect);
		res = BAD_RECORD;
	}
	r->start += consumed;
	r->line += lines;
	return res;
}

static struct rec_reader *
reader_open(struct input *in, int quiet)
{
	struct rec_reader *r;
	size_t i, j;

	r = xcalloc(1, sizeof(*r));
	r->quiet = quiet;
	r->in = in;
	r->name = input_name(in);
	r->cap = READ_SIZE;
	r->buf = xmalloc(r->cap + PAD);
	memset(r->buf, 0, PAD);
	r->line = 1;
	r->max_record = default_max_record;
	r->path = default_path;
	if (r->path == REC_PATH_LIBCSV || r->path == REC_PATH_LIBCSV_EXACT)
		rec_reader_libcsv_only(r, r->path == REC_PATH_LIBCSV_EXACT);
	csv_init(&r->csv, 0);
	csv_init(&r->csv_fast, 0);
	csv_reset(&r->csv, 1);
	csv_reset(&r->csv_fast, 0);

	/* A UTF-8 byte order mark is not part of the first column's name. */
	while (r->end < 3 && fill(r))
		;
	if (r->end >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
		r->start = 3;

	switch (parse_record(r, 0)) {
	case END_OF_INPUT:
		if (!quiet)
			diag_at(r->name, 0, NULL, r->damaged ?
			    "damaged input, no header line" :
			    "empty input, no header line");
		rec_reader_close(r);
		return NULL;
	case BAD_RECORD:
		/* The bad line went to the rejects: count it as read too. */
		if (!quiet) {
			rejects_counts.read++;
			diag_at(r->name, 1, NULL, "unusable header line");
		}
		rec_reader_close(r);
		return NULL;
	case PARSED:
		break;
	}
	/* Keep the header: the record buffers are reused for data. */
	r->ncols = r->rec.nfields;
	r->header = r->rec;
	r->header_raw = xmalloc(r->rec.raw_len + 1);
	memcpy(r->header_raw, r->rec.raw, r->rec.raw_len);
	r->header.raw = r->header_raw;
	r->header.value = xcalloc(r->ncols, sizeof(struct field));
	r->header.rawf = xcalloc(r->ncols, sizeof(struct field));
	for (i = 0; i < r->ncols; i++) {
		r->header.value[i].ptr = xstrndup(r->rec.value[i].ptr,
		    r->rec.value[i].len);
		r->header.value[i].len = r->rec.value[i].len;
		r->header.rawf[i].ptr = r->header_raw +
		    (r->rec.rawf[i].ptr - r->rec.raw);
		r->header.rawf[i].len = r->rec.rawf[i].len;
	}
	for (i = 0; i < r->ncols; i++)
		for (j = i + 1; j < r->ncols; j++)
			if (strcmp(r->header.value[i].ptr,
			    r->header.value[j].ptr) == 0) {
				if (!quiet)
					diag_at(r->name, 1,
					    r->header.value[i].ptr, "column name "
					    "appears twice in the header");
				rec_reader_close(r);
				return NULL;
			}
	return r;
}

struct rec_reader *
rec_reader_open(struct input *in)
{
	return reader_open(in, 0);
}

struct rec_reader *
rec_reader_open_quiet(struct input *in)
{
	return reader_open(in, 1);
}

const struct record *
rec_reader_header(const struct rec_reader *r)
{
	return &r->header;
}

long
rec_reader_column(const struct rec_reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->ncols; i++)
		if (strcmp(r->header.value[i].ptr, name) == 0)
			return (long)i;
	return -1;
}

struct record *
rec_reader_next(struct rec_reader *r)
{
	enum parse_result res;

	for (;;) {
		res = parse_record(r, r->ncols);
		if (res == END_OF_INPUT)
			return NULL;
		if (!r->quiet)
			rejects_counts.read++;
		if (res == PARSED) {
			r->rec.source = r->name;
			return &r->rec;
		}
	}
}

void
rec_reader_libcsv_only(struct rec_reader *r, int exact)
{
	r->libcsv_only = 1;
	r->exact_only = exact;
}

void
rec_reader_default_path(enum rec_path path)
{
	default_path = path;
}

void
rec_reader_default_max_record(size_t n)
{
	default_max_record = n;
}

void
rec_reader_fields(struct rec_reader *r, size_t k)
{
	r->want = k;
}

int
rec_reader_failed(const struct rec_reader *r)
{
	return r->damaged;
}

const char *
rec_reader_ahead(const struct rec_reader *r, size_t *len)
{
	*len = r->end - r->start;
	return r->buf + r->start;
}

void
rec_reader_close(struct rec_reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	csv_free(&r->csv);
	csv_free(&r->csv_fast);
	if (r->header.value != NULL)
		for (i = 0; i < r->ncols; i++)
			free((char *)r->header.value[i].ptr);
	free(r->header.value);
	free(r->header.rawf);
	free(r->header_raw);
	free(r->rec.value);
	free(r->rawspan);
	free(r->vbuf);
	free(r->voff);
	free(r->fend);
	free(r->dbuf);
	free(r->keep);
	free(r->buf);
	free(r);
}

int
rec_fields_plain(const struct record *rec)
{
	return rec->rawf == rec->value &&
	    memchr(rec->raw, '\r', rec->raw_len) == NULL;
}

int
field_is(const struct field *f, const char *s)
{
	size_t n = strlen(s);

	return f->len == n && memcmp(f->ptr, s, n) == 0;
}

void
rec_write_raw(struct outbuf *o, const struct record *rec)
{
	out_write(o, rec->raw, rec->raw_len);
}

void
rec_write_replacing(struct outbuf *o, const struct record *rec, size_t col,
    const char *value, size_t len)
{
	const struct field *f = &rec->rawf[col];
	const char *after = f->ptr + f->len;

	assert(rec->fields_split == 0 || col < rec->fields_split);
	out_write(o, rec->raw, (size_t)(f->ptr - rec->raw));
	out_field(o, value, len);
	out_write(o, after, (size_t)(rec->raw + rec->raw_len - after));
}

void
rec_append(struct outbuf *o, const char *value, size_t len)
{
	out_putc(o, ',');
	out_field(o, value, len);
}

void
rec_append_str(struct outbuf *o, const char *value)
{
	rec_append(o, value, strlen(value));
}

void
rec_write_header(struct outbuf *o, const struct record *header,
    const char *const *added, size_t nadded)
{
	size_t i;

	rec_write_raw(o, header);
	for (i = 0; i < nadded; i++)
		rec_append_str(o, added[i]);
	out_end_record(o);
}

const char *
stream_library_version(void)
{
	static char v[32];

	snprintf(v, sizeof(v), "libcsv %d.%d.%d", CSV_MAJOR, CSV_MINOR,
	    CSV_RELEASE);
	return v;
}

void
added_columns_init(struct added_columns *ac, const struct record *header,
    const char *const *names, size_t n)
{
	size_t i, j;

	ac->n = n;
	ac->names = names;
	ac->existing = xmalloc((n + 1) * sizeof(long));
	ac->nexisting = 0;
	for (i = 0; i < n; i++) {
		ac->existing[i] = -1;
		for (j = 0; j < header->nfields; j++)
			if (field_is(&header->value[j], names[i])) {
				ac->existing[i] = (long)j;
				ac->nexisting++;
			}
	}
}

void
added_columns_release(struct added_columns *ac)
{
	free(ac->existing);
	ac->existing = NULL;
}

void
added_columns_write_header(struct outbuf *o, const struct added_columns *ac,
    const struct record *header)
{
	size_t i;

	rec_write_raw(o, header);
	for (i = 0; i < ac->n; i++)
		if (ac->existing[i] < 0)
			rec_append_str(o, ac->names[i]);
	out_end_record(o);
}

/* The value that replaces column c, or NULL to keep its raw bytes. */
static const struct field *
replacement_for(const struct added_columns *ac, const struct field *values,
    size_t c, const struct replacement *rep, size_t nrep)
{
	size_t i;

	for (i = 0; i < nrep; i++)
		if (rep[i].col == (long)c)
			return &rep[i].value;
	for (i = 0; i < ac->n; i++)
		if (ac->existing[i] == (long)c)
			return &values[i];
	return NULL;
}

void
rec_write_added(struct outbuf *o, const struct record *rec,
    const struct added_columns *ac, const struct field *values,
    const struct replacement *rep, size_t nrep)
{
	const struct field *v, *f;
	size_t c, i, last = 0;

	if (ac->nexisting == 0 && nrep == 0)
		rec_write_raw(o, rec);	/* the common case: one memcpy */
	else if (ac->nexisting == 0 && nrep == 1)
		rec_write_replacing(o, rec, (size_t)rep[0].col,
		    rep[0].value.ptr, rep[0].value.len);
	else {
		/* Field by field up to the last one rewritten, then the rest. */
		for (i = 0; i < nrep; i++)
			if ((size_t)rep[i].col > last)
				last = (size_t)rep[i].col;
		for (i = 0; i < ac->n; i++)
			if (ac->existing[i] >= 0 && (size_t)ac->existing[i] > last)
				last = (size_t)ac->existing[i];
		assert(last < rec->nfields);
		assert(rec->fields_split == 0 || last < rec->fields_split);
		for (c = 0; c <= last; c++) {
			if (c > 0)
				out_putc(o, ',');
			v = replacement_for(ac, values, c, rep, nrep);
			if (v != NULL)
				out_field(o, v->ptr, v->len);
			else
				out_write(o, rec->rawf[c].ptr, rec->rawf[c].len);
		}
		f = &rec->rawf[last];
		out_write(o, f->ptr + f->len,
		    (size_t)(rec->raw + rec->raw_len - (f->ptr + f->len)));
	}
	for (i = 0; i < ac->n; i++)
		if (ac->existing[i] < 0)
			rec_append(o, values[i].ptr, values[i].len);
	out_end_record(o);
}
