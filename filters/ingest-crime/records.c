/*
 * One raw record -> one normalised record (DEFINITIONS.md 1.1-1.3, 2.1,
 * 2.2), or a reject naming the field.  Every value points at bytes that
 * live until the record is written: the raw record's, the reference
 * tables', or the small buffers of struct out_record.
 *
 * The crimes seen, keyed by force and id (DEFINITIONS.md 1.1, 1.3;
 * docs/stream.md "repeated ids"), and what a crime's later rows are
 * checked against.  What is kept, and why it is exact:
 *
 *   - the id, whole, in one of three exact forms chosen by its bytes
 *     alone (so every row of a crime looks in the same place): a police.uk
 *     Crime ID of 64 lower-case hex digits as its 32 bytes of value (a
 *     key of four words); an id that idset_pack() packs into one word
 *     (force references such as 23/123456/19, 4 bits a character); any
 *     other id as its bytes, with the force, in an exact map of strings
 *     (generic), whose number for it is the key (idset_generic_key(): no
 *     packed id has that word).  One set per force and form (idset.h:
 *     12 or 36 bytes a slot, 73-87.5% full), so the force costs no bytes;
 *   - per crime, 14 bytes (struct crime) in chunks by its index in its
 *     set: its first row's place (member and line, for the messages that
 *     name it), its first victim_id packed (an ASCII letter and up to 7
 *     digits, such as V8272976; another victim_id is kept in victims), and
 *     its recorded_date, offence-table row and district number (each
 *     district string is numbered once, exactly, in districts): the later
 *     rows are compared on days, rows and numbers, never on hashes;
 *   - the victims of a crime after its first, by the crime's first-row
 *     place and the victim_id's bytes (victims, exact).
 *
 * A force-extract crime with a packed id and victim costs 28 to 31 bytes
 * (a 12-byte slot 70-87.5% full, and 14); a police.uk crime 55 to 65 (a
 * 36-byte slot, and 14).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/diag.h"
#include "../../common/idset.h"
#include "../../common/rejects.h"
#include "../../common/xalloc.h"
#include "ingest.h"

/* ------------------------------------------------------------ crimes */

/* What is kept of a crime, in CRIME_BYTES bytes (crime_load/store). */
struct crime {
	uint32_t	 first;		/* its first row (row_place()) */
	uint32_t	 victim;	/* victim_code() of its first victim_id,
					   or 0: that victim is in victims */
	uint32_t	 day;		/* recorded_date, days since 1900-01-01,
					   + 1; 0 for a police.uk crime */
	uint32_t	 offence;	/* row of the offence table (< 2^15) */
	uint32_t	 district;	/* number in districts */
};

enum {
	CRIME_BYTES = 14,
	CHUNK_CRIMES = 4096,
	AHEAD = 8,			/* records whose slots load at once */
	DISTRICT_WIDE = 0x3fff,		/* in 14 bits: the number is in wide */
	FORM_WORD = 0, FORM_HEX = 1
};

#define VICTIM_PACKED	0x80000000u

/* Per-crime data in chunks of CHUNK_CRIMES, so nothing is ever copied. */
struct chunks {
	unsigned char	**chunk;
	size_t		 n, cap;
};

/* The crimes of one force whose ids have one form. */
struct crime_set {
	struct idset	*ids;
	struct chunks	 data;
};

/* Where a run of handles starts: handle = base + line (row_place()). */
struct segment {
	uint32_t	 base;
	uint32_t	 member;	/* index into ing->member_names */
};

struct crimes {
	struct crime_set *set;		/* [force index * 2 + form] */
	size_t		 nsets;
	size_t		 n;		/* crimes, all sets */
	struct keymap	*generic;	/* force index + id: other ids */
	struct idset	*victims;	/* first-row place, victim word */
	struct keymap	*victim_ids;	/* the victim_ids no packing takes */
	struct keymap	*districts;	/* each district string, numbered */
	struct keymap	*wide;		/* first-row place -> wide_district */
	uint32_t	*wide_district;
	size_t		 wide_cap;

	struct segment	*seg;
	size_t		 nseg, seg_cap;
	uint32_t	 top;		/* the largest place given */
	unsigned long	 last_line;

	/* The next records' slots loading (prefetch_next_crimes()). */
	const struct rec_reader *ahead_reader;
	unsigned	 ahead;		/* records yet to come of them */

	/* The key prepared for the current record (prepare_crime_key). */
	struct crime_set *pending;
	uint64_t	 key[4], hash;
	int		 generic_key;	/* found through generic at lookup */
	const char	*id;
	size_t		 idlen, force;

	/* The forces met last (most records name one of a few). */
	struct {
		char	*name;
		size_t	 len, index;
	}		 recent[4];
	unsigned	 next_recent;

	char		*buf;		/* scratch: map keys, a first row */
	size_t		 buf_cap;
};

void
crimes_init(struct ingest *ing)
{
	struct crimes *c = xcalloc(1, sizeof(*c));

	/* struct crime keeps an offence-table row in 15 bits. */
	if (table_rows(ing->offences) > 0x7fff)
		diag_die(EXIT_DATA, "%s: more than 32767 offence codes",
		    table_path(ing->offences));
	c->generic = keymap_new();
	c->victims = idset_new(2, 0);
	c->victim_ids = keymap_new();
	c->districts = keymap_new();
	c->wide = keymap_new();
	ing->crimes = c;
}

size_t
crimes_count(const struct ingest *ing)
{
	return ing->crimes->n;
}

size_t
crimes_bytes(const struct ingest *ing)
{
	const struct crimes *c = ing->crimes;
	size_t i, b = sizeof(*c) + c->nsets * sizeof(*c->set) +
	    c->seg_cap * sizeof(*c->seg) + c->wide_cap * sizeof(uint32_t) +
	    keymap_bytes(c->generic) + idset_bytes(c->victims) +
	    keymap_bytes(c->victim_ids) +
	    keymap_bytes(c->districts) + keymap_bytes(c->wide);

	for (i = 0; i < c->nsets; i++) {
		if (c->set[i].ids != NULL)
			b += idset_bytes(c->set[i].ids);
		b += c->set[i].data.cap * sizeof(unsigned char *) +
		    c->set[i].data.n * CHUNK_CRIMES * CRIME_BYTES;
	}
	return b;
}

void
crimes_release(struct ingest *ing)
{
	struct crimes *c = ing->crimes;
	size_t i, j;

	if (c == NULL)
		return;
	for (i = 0; i < c->nsets; i++) {
		idset_free(c->set[i].ids);
		for (j = 0; j < c->set[i].data.n; j++)
			free(c->set[i].data.chunk[j]);
		free(c->set[i].data.chunk);
	}
	free(c->set);
	keymap_free(c->generic);
	idset_free(c->victims);
	keymap_free(c->victim_ids);
	for (i = 0; i < 4; i++)
		free(c->recent[i].name);
	keymap_free(c->districts);
	keymap_free(c->wide);
	free(c->wide_district);
	free(c->seg);
	free(c->buf);
	free(c);
	ing->crimes = NULL;
}

/* The CRIME_BYTES bytes of crime i of a set (made when i is new). */
static unsigned char *
crime_bytes(struct chunks *ch, size_t i)
{
	size_t k = i / CHUNK_CRIMES;

	if (k >= ch->n) {
		ch->chunk = xgrow(ch->chunk, &ch->cap, k + 1,
		    sizeof(*ch->chunk));
		while (ch->n <= k)
			ch->chunk[ch->n++] = xmalloc(CHUNK_CRIMES *
			    CRIME_BYTES);
	}
	return ch->chunk[k] + (i % CHUNK_CRIMES) * CRIME_BYTES;
}

/* The wide_district entry of the crime first seen at place first. */
static uint32_t *
wide_entry(struct crimes *c, uint32_t first, int insert)
{
	long i = keymap_get(c->wide, &first, sizeof(first), insert, NULL);

	if (i < 0)
		BUG("a wide district number lost");
	c->wide_district = xgrow(c->wide_district, &c->wide_cap, (size_t)i + 1,
	    sizeof(uint32_t));
	return &c->wide_district[i];
}

/*
 * Bytes 0-3 first, 4-7 victim, 8-13 day (19 bits), offence (15) and
 * district (14) of one 48-bit number, least significant byte first.
 */
static void
crime_store(struct crimes *c, unsigned char *b, const struct crime *cr)
{
	uint64_t w;
	int i;

	w = (uint64_t)cr->day | (uint64_t)cr->offence << 19 |
	    (uint64_t)(cr->district < DISTRICT_WIDE ? cr->district :
	    DISTRICT_WIDE) << 34;
	if (cr->district >= DISTRICT_WIDE)
		*wide_entry(c, cr->first, 1) = cr->district;
	memcpy(b, &cr->first, 4);
	memcpy(b + 4, &cr->victim, 4);
	for (i = 0; i < 6; i++)
		b[8 + i] = (unsigned char)(w >> (8 * i));
}

static void
crime_load(struct crimes *c, const unsigned char *b, struct crime *cr)
{
	uint64_t w = 0;
	int i;

	memcpy(&cr->first, b, 4);
	memcpy(&cr->victim, b + 4, 4);
	for (i = 0; i < 6; i++)
		w |= (uint64_t)b[8 + i] << (8 * i);
	cr->day = (uint32_t)(w & 0x7ffff);
	cr->offence = (uint32_t)((w >> 19) & 0x7fff);
	cr->district = (uint32_t)(w >> 34);
	if (cr->district == DISTRICT_WIDE)
		cr->district = *wide_entry(c, cr->first, 0);
}

/*
 * The place of a crime's first row: one 32-bit number for its member and
 * line.  Each member's rows get base + line, its base past every number
 * given before, so a number names one row of the run; a table of bases
 * (segments) turns it back into the member and line.
 */
static uint32_t
row_place(struct ingest *ing, const struct member *m,
    const struct record *rec)
{
	struct crimes *c = ing->crimes;
	struct segment *s = c->nseg > 0 ? &c->seg[c->nseg - 1] : NULL;

	if (s == NULL || s->member != m->id || rec->line <= c->last_line) {
		c->seg = xgrow(c->seg, &c->seg_cap, c->nseg + 1,
		    sizeof(*c->seg));
		s = &c->seg[c->nseg++];
		s->base = c->top;
		s->member = m->id;
	}
	c->last_line = rec->line;
	if (rec->line >= (unsigned long)UINT32_MAX - s->base)
		diag_die(EXIT_DATA, "more than %lu input lines: too many to "
		    "name the rows crimes were first seen at",
		    (unsigned long)UINT32_MAX - 1);
	c->top = s->base + (uint32_t)rec->line;
	return c->top;
}

/* "<member>:<line>" of a first row, for messages (valid until the next). */
static const char *
first_row(struct ingest *ing, uint32_t place)
{
	struct crimes *c = ing->crimes;
	size_t lo = 0, hi = c->nseg, mid, len;
	const char *name;

	/* The last segment whose base is below place. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (c->seg[mid].base < place)
			lo = mid;
		else
			hi = mid;
	}
	name = keymap_key(ing->member_names, c->seg[lo].member, &len);
	c->buf = xgrow(c->buf, &c->buf_cap, len + 24, 1);
	memcpy(c->buf, name, len);
	snprintf(c->buf + len, 24, ":%lu",
	    (unsigned long)(place - c->seg[lo].base));
	return c->buf;
}

/* The number of a district string (exact: each string numbered once). */
static uint32_t
district_number(struct crimes *c, const struct field *d)
{
	/* Never a NULL key pointer, even for an empty field. */
	return (uint32_t)keymap_get(c->districts, d->len > 0 ? d->ptr : "",
	    d->len, 1, NULL);
}

/*
 * A victim_id in 31 bits, one-to-one, when it is an optional ASCII letter
 * then up to 7 digits: letter (0 none, 1-26 A-Z, 27-52 a-z) * 11111111
 * + the digits, k of them with value d, as (10^k - 1) / 9 + d.  0 for any
 * other victim_id.
 */
static uint32_t
victim_code(const struct field *v)
{
	static const uint32_t start[8] = { 0, 1, 11, 111, 1111, 11111,
	    111111, 1111111 };
	const char *p = v->ptr;
	size_t i = 0, len = v->len;
	uint32_t letter = 0, d = 0;

	if (len > 0 && p[0] >= 'A' && p[0] <= 'Z')
		letter = (uint32_t)(p[i++] - 'A' + 1);
	else if (len > 0 && p[0] >= 'a' && p[0] <= 'z')
		letter = (uint32_t)(p[i++] - 'a' + 27);
	if (len - i > 7)
		return 0;
	for (; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		d = d * 10 + (uint32_t)(p[i] - '0');
	}
	return VICTIM_PACKED | (letter * 11111111u + start[len - (letter ?
	    1 : 0)] + d);
}

/* 1 and the id's 32 bytes of value when it is 64 lower-case hex digits. */
static int
hex_id(const char *p, size_t len, uint64_t key[4])
{
	size_t i;
	unsigned v;

	if (len != 64)
		return 0;
	memset(key, 0, 4 * sizeof(uint64_t));
	for (i = 0; i < 64; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			v = (unsigned)(p[i] - '0');
		else if (p[i] >= 'a' && p[i] <= 'f')
			v = (unsigned)(p[i] - 'a' + 10);
		else
			return 0;
		key[i / 16] |= (uint64_t)v << (4 * (i % 16));
	}
	return 1;
}

/* The index of a force name (most records name one of the last few). */
static size_t
force_index(struct ingest *ing, const char *force, size_t flen)
{
	struct crimes *c = ing->crimes;
	unsigned i;

	for (i = 0; i < 4; i++)
		if (c->recent[i].name != NULL && c->recent[i].len == flen &&
		    memcmp(c->recent[i].name, force, flen) == 0)
			return c->recent[i].index;
	i = c->next_recent++ % 4;
	free(c->recent[i].name);
	c->recent[i].name = xstrndup(force, flen);
	c->recent[i].len = flen;
	c->recent[i].index = (size_t)keymap_get(ing->forces, force, flen, 1,
	    NULL);
	return c->recent[i].index;
}

/*
 * Work out the crime's key (its force's set, its form) and start loading
 * its slot while the record is checked.
 */
static void
prepare_crime_key(struct ingest *ing, const char *force, size_t flen,
    const char *id, size_t idlen)
{
	struct crimes *c = ing->crimes;
	size_t f = force_index(ing, force, flen), i;
	int form = hex_id(id, idlen, c->key) ? FORM_HEX : FORM_WORD;

	if (f * 2 + 1 >= c->nsets) {
		i = c->nsets;
		c->set = xgrow(c->set, &c->nsets, f * 2 + 2, sizeof(*c->set));
		memset(c->set + i, 0, (c->nsets - i) * sizeof(*c->set));
	}
	c->pending = &c->set[f * 2 + form];
	if (c->pending->ids == NULL)
		c->pending->ids = idset_new(form == FORM_HEX ? 4 : 1, 0);
	c->force = f;
	c->generic_key = form == FORM_WORD && !idset_pack(id, idlen, c->key);
	if (c->generic_key) {
		c->id = id;
		c->idlen = idlen;
		return;
	}
	c->hash = idset_hash(c->pending->ids, c->key);
	idset_prefetch(c->pending->ids, c->hash);
}

/* Start loading the slot of id, a crime of force index f. */
static void
prefetch_crime(const struct crimes *c, size_t f, const char *id, size_t len)
{
	const struct crime_set *s;
	uint64_t key[4];
	int form = hex_id(id, len, key) ? FORM_HEX : FORM_WORD;

	s = &c->set[f * 2 + form];
	if (s->ids != NULL && (form == FORM_HEX || idset_pack(id, len, key)))
		idset_prefetch(s->ids, idset_hash(s->ids, key));
}

/*
 * The id in field column of the line at p (up to nl), or NULL when the
 * line is too short or holds a quote before the id's end (its fields are
 * then libcsv's to find).
 */
static const char *
line_field(const char *p, const char *nl, long column, size_t *len)
{
	const char *line = p, *end;
	long k;

	for (k = 0;; k++) {
		if ((end = memchr(p, ',', (size_t)(nl - p))) == NULL)
			end = nl;
		if (k == column)
			break;
		if (end == nl)
			return NULL;
		p = end + 1;
	}
	if (memchr(line, '"', (size_t)(end - line)) != NULL)
		return NULL;
	*len = (size_t)(end - p);
	return p;
}

/*
 * Every AHEAD records, start loading the crime-set slots of the next
 * AHEAD records at once, their ids read from the reader's buffer beyond
 * this record and their force guessed to be this one's.  A slot's load
 * can wait on a page walk as well as on memory, and a prefetch issued a
 * record ahead gained nothing, but eight issued together overlap: at 5M
 * records 2.92 CPU s against 3.18, at 10M 6.16 against 6.60, no change
 * at 1M (bench/RESULTS.md).  A hint and nothing more: a wrong guess, a
 * line holding a quote or not yet in the buffer costs only the look.
 * Lines are counted as records; a record of several lines only shifts
 * which slots are loaded.
 */
static void
prefetch_next_crimes(struct ingest *ing, const struct member *m, long column)
{
	struct crimes *c = ing->crimes;
	const char *p, *stop, *nl, *id;
	size_t len, idlen;
	unsigned n;

	/* A new member's reader may reuse an old one's address: no harm. */
	if (c->ahead_reader == m->reader && c->ahead > 0) {
		c->ahead--;
		return;
	}
	if (m->reader == NULL || column < 0)
		return;
	p = rec_reader_ahead(m->reader, &len);
	stop = p + len;
	for (n = 0; n < AHEAD; n++, p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(stop - p))) == NULL)
			break;
		if ((id = line_field(p, nl, column, &idlen)) != NULL)
			prefetch_crime(c, c->force, id, idlen);
	}
	/* The last of them loads the next AHEAD. */
	c->ahead_reader = m->reader;
	c->ahead = n > 0 ? n - 1 : 0;
}

/* The prepared crime's bytes: *added when this record is its first. */
static unsigned char *
find_crime(struct ingest *ing, int *added)
{
	struct crimes *c = ing->crimes;
	struct crime_set *s = c->pending;
	uint32_t f32 = (uint32_t)c->force;
	long idx;

	if (c->generic_key) {
		c->buf = xgrow(c->buf, &c->buf_cap, c->idlen + 4, 1);
		memcpy(c->buf, &f32, 4);
		memcpy(c->buf + 4, c->id, c->idlen);
		c->key[0] = idset_generic_key((size_t)keymap_get(c->generic,
		    c->buf, c->idlen + 4, 1, NULL));
		c->hash = idset_hash(s->ids, c->key);
	}
	idx = idset_get_hashed(s->ids, c->hash, c->key, 1, added);
	if (*added)
		c->n++;
	return crime_bytes(&s->data, (size_t)idx);
}

/* Add (crime, victim) to victims; 0 when it was there already. */
static int
victim_add(struct crimes *c, uint32_t first, const struct field *victim)
{
	uint64_t key[2];
	int added;

	key[0] = first;
	if (!idset_pack(victim->ptr, victim->len, &key[1]))
		key[1] = idset_generic_key((size_t)keymap_get(c->victim_ids,
		    victim->ptr, victim->len, 1, NULL));
	idset_get(c->victims, key, 1, &added);
	return added;
}

/* ------------------------------------------------------------ output */

/* The record being built. */
struct out_record {
	struct field	 f[NCANONICAL];
	unsigned char	 plain[NCANONICAL];	/* known to need no quotes */
	char		 month[8];
};

static const struct field empty = { "", 0 };

static void
set(struct out_record *o, int col, const char *p, size_t len)
{
	o->f[col].ptr = p;
	o->f[col].len = len;
}

static void
set_str(struct out_record *o, int col, const char *s)
{
	set(o, col, s, strlen(s));
}

/* A value copied from a record whose fields need no quotes. */
static void
set_plain(struct out_record *o, int col, const struct field *f, int plain)
{
	o->f[col] = *f;
	o->plain[col] = (unsigned char)plain;
}

/*
 * "<source>:<line>" (DEFINITIONS.md 2.1) without printf, which shows in
 * profiles.  The "<source>:" part is made once a member.
 */
static void
set_where(struct ingest *ing, struct out_record *o, const struct member *m,
    const struct record *rec)
{
	unsigned long line = rec->line;
	char digits[24];
	size_t n;
	int k = 0;

	if (ing->where_member != m->id + 1) {
		n = strlen(rec->source);
		ing->where = xgrow(ing->where, &ing->where_cap, n + 24, 1);
		memcpy(ing->where, rec->source, n);
		ing->where[n++] = ':';
		ing->where_len = n;
		ing->where_member = m->id + 1;
		/* The ":line" part never needs quotes; the name rarely does. */
		ing->where_plain = !field_needs_quotes(ing->where, n);
	}
	n = ing->where_len;
	do
		digits[k++] = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	while (k > 0)
		ing->where[n++] = digits[--k];
	ing->where[n] = '\0';
	set(o, COL_SOURCE, ing->where, n);
	o->plain[COL_SOURCE] = (unsigned char)ing->where_plain;
}

/* One field at d, quoted (quotes doubled) when it must be; past its end. */
static char *
put_field(char *d, const char *p, size_t n, int plain)
{
	const char *q, *end;

	if (n == 0)
		return d;	/* p may be NULL: no pointer arithmetic on it */
	end = p + n;
	if (plain || !field_needs_quotes(p, n)) {
		memcpy(d, p, n);
		return d + n;
	}
	*d++ = '"';
	while ((q = memchr(p, '"', (size_t)(end - p))) != NULL) {
		memcpy(d, p, (size_t)(q - p) + 1);
		d += q - p + 1;
		*d++ = '"';
		p = q + 1;
	}
	memcpy(d, p, (size_t)(end - p));
	d += end - p;
	*d++ = '"';
	return d;
}

/*
 * The record in one pass: its longest form (every field quoted, every
 * byte a quote) is worked out first, so the fields are then copied into
 * the output buffer one after the other with no other check.
 */
static void
write_record(struct ingest *ing, const struct out_record *o,
    const struct member *m, const struct record *rec, int plain)
{
	struct outbuf *out = &ing->out;
	size_t i, need = NCANONICAL + ing->nextras + 1;
	char *d, *start;
	long c;

	for (i = 0; i < NCANONICAL; i++)
		need += o->plain[i] ? o->f[i].len : 2 * o->f[i].len + 2;
	for (i = 0; i < ing->nextras; i++)
		if ((c = m->extra_col[i]) >= 0)
			need += 2 * rec->value[c].len + 2;
	if (out->cap - out->len < need)
		out_spill(out);		/* writes the whole records out */
	if (out->cap - out->len < need) {
		/* Longer than the buffer: a scratch copy, then written. */
		ing->crimes->buf = xgrow(ing->crimes->buf,
		    &ing->crimes->buf_cap, need, 1);
		start = ing->crimes->buf;
	} else
		start = out->buf + out->len;
	d = start;
	for (i = 0; i < NCANONICAL; i++) {
		if (i > 0)
			*d++ = ',';
		d = put_field(d, o->f[i].ptr, o->f[i].len, o->plain[i]);
	}
	for (i = 0; i < ing->nextras; i++) {
		*d++ = ',';
		if ((c = m->extra_col[i]) >= 0)
			d = put_field(d, rec->value[c].ptr, rec->value[c].len,
			    plain);
	}
	if (start == out->buf + out->len)
		out->len += (size_t)(d - start);
	else
		out_write(out, start, (size_t)(d - start));
	out_end_record(out);
	rejects_counts.written++;
}

/* ----------------------------------------------------------- records */

static const struct field *
col(const struct member *m, const struct record *rec, int which)
{
	return m->col[which] >= 0 ? &rec->value[m->col[which]] : &empty;
}

static int
reject_month(const struct record *rec, const struct field *month)
{
	reject(rec->source, rec->line, "Month", rec->raw, rec->raw_len,
	    "'%.*s' is not a valid month (YYYY-MM)", (int)month->len,
	    month->ptr);
	return -1;
}

/*
 * The columns street and outcomes records share (docs/stream.md).  The
 * district is the ONS district of the LSOA code in the LSOA lookup
 * (DEFINITIONS.md 1.1), never the words of the LSOA name; empty when the
 * lookup lacks the code.
 */
static void
set_police_place(const struct ingest *ing, struct out_record *o,
    const struct member *m, const struct record *rec, int plain)
{
	const struct field *code = col(m, rec, PU_LSOA_CODE);
	long row = code->len > 0 ? table_find(ing->lsoas, code->ptr,
	    code->len) : -1;

	set_plain(o, COL_LSOA_CODE, code, plain);
	set_plain(o, COL_LSOA_NAME, col(m, rec, PU_LSOA_NAME), plain);
	if (row >= 0)
		set_str(o, COL_DISTRICT, table_get(ing->lsoas, (size_t)row,
		    LSOA_DISTRICT));
	set_plain(o, COL_LATITUDE, col(m, rec, PU_LATITUDE), plain);
	set_plain(o, COL_LONGITUDE, col(m, rec, PU_LONGITUDE), plain);
}

/*
 * A police.uk Crime ID seen before (DEFINITIONS.md 1.1): the first row
 * counts the crime, later copies are kept with crime_count 0 and a
 * warning.  Returns the crime_count.
 */
static const char *
street_count(struct ingest *ing, const struct member *m,
    const struct record *rec, const struct field *falls, size_t flen,
    const struct field *id)
{
	struct crime cr;
	unsigned char *b;
	int added;

	prepare_crime_key(ing, falls->ptr, flen, id->ptr, id->len);
	b = find_crime(ing, &added);
	if (added) {
		memset(&cr, 0, sizeof(cr));
		cr.first = row_place(ing, m, rec);
		crime_store(ing->crimes, b, &cr);
		return "1";
	}
	crime_load(ing->crimes, b, &cr);
	ing->repeated_ids++;
	record_warn(rec->source, rec->line, "Crime ID", "repeats the crime "
	    "first seen at %s; kept with crime_count 0", first_row(ing,
	    cr.first));
	return "0";
}

void
street_record(struct ingest *ing, const struct member *m,
    const struct record *rec)
{
	struct out_record o;
	const struct field *id = col(m, rec, PU_CRIME_ID);
	const struct field *month = col(m, rec, PU_MONTH);
	const struct field *type = col(m, rec, PU_CRIME_TYPE);
	const struct field *falls = col(m, rec, PU_FALLS_WITHIN);
	const char *group, *count;
	size_t flen;
	long row;
	int mi, asb, plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	if (month_parse(month->ptr, month->len, &mi) < 0) {
		reject_month(rec, month);
		return;
	}
	if ((row = table_find(ing->categories, type->ptr, type->len)) < 0) {
		reject(rec->source, rec->line, "Crime type", rec->raw,
		    rec->raw_len, "unknown police.uk crime type '%.*s'",
		    (int)type->len, type->ptr);
		return;
	}
	group = table_get(ing->categories, (size_t)row, CAT_GROUP);
	/* ASB is not a crime (DEFINITIONS.md 2.2): it never counts as one. */
	asb = strcmp(group, "Anti-social behaviour") == 0;
	flen = police_force_name(falls->ptr, falls->len);
	count = asb ? "0" : id->len == 0 ? "1" :
	    street_count(ing, m, rec, falls, flen, id);
	set_where(ing, &o, m, rec);
	if (id->len > 0)
		set_plain(&o, COL_RECORD_ID, id, plain);
	else
		set(&o, COL_RECORD_ID, o.f[COL_SOURCE].ptr, o.f[COL_SOURCE].len);
	o.plain[COL_RECORD_ID] = id->len > 0 ? (unsigned char)plain :
	    o.plain[COL_SOURCE];
	set_str(&o, COL_CRIME_COUNT, count);
	set_plain(&o, COL_MONTH, month, plain);
	set(&o, COL_FORCE, falls->ptr, flen);
	set_plain(&o, COL_CRIME_TYPE, type, plain);
	set_str(&o, COL_CRIME_GROUP, group);
	set_police_place(ing, &o, m, rec, plain);
	set_plain(&o, COL_OUTCOME_TEXT, col(m, rec, PU_LAST_OUTCOME), plain);
	write_record(ing, &o, m, rec, plain);
}

void
outcome_record(struct ingest *ing, const struct member *m,
    const struct record *rec)
{
	struct out_record o;
	const struct field *id = col(m, rec, PU_CRIME_ID);
	const struct field *month = col(m, rec, PU_MONTH);
	const struct field *falls = col(m, rec, PU_FALLS_WITHIN);
	int mi, plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	if (id->len == 0) {
		reject(rec->source, rec->line, "Crime ID", rec->raw,
		    rec->raw_len, "an outcome update needs a Crime ID");
		return;
	}
	if (month_parse(month->ptr, month->len, &mi) < 0) {
		reject_month(rec, month);
		return;
	}
	set_where(ing, &o, m, rec);
	set_plain(&o, COL_RECORD_ID, id, plain);
	set_str(&o, COL_CRIME_COUNT, "0");
	set_plain(&o, COL_MONTH, month, plain);
	set(&o, COL_FORCE, falls->ptr, police_force_name(falls->ptr,
	    falls->len));
	set_police_place(ing, &o, m, rec, plain);
	set_plain(&o, COL_OUTCOME_TEXT, col(m, rec, PU_OUTCOME_TYPE), plain);
	write_record(ing, &o, m, rec, plain);
}

/* A force-extract row's fields, checked (DEFINITIONS.md 1.3). */
struct force_row {
	const struct field *ref, *date, *code, *district, *dwelling, *victim,
			   *vtype, *odate, *force;
	struct field	 force_option;
	long		 day, offence;
	int		 month;
	const char	*group, *alt;
};

static int
reject_field(const struct record *rec, const char *field, const char *what,
    const struct field *f)
{
	reject(rec->source, rec->line, field, rec->raw, rec->raw_len,
	    "'%.*s' %s", (int)f->len, f->ptr, what);
	return -1;
}

static void
upcase(char *dst, const char *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = (src[i] >= 'a' && src[i] <= 'z') ? src[i] - 32 :
		    src[i];
}

/* The offence-table row of the code, or -1. */
static long
offence_row(const struct ingest *ing, const struct field *code)
{
	char buf[32];

	if (code->len == 0 || code->len >= sizeof(buf))
		return -1;
	upcase(buf, code->ptr, code->len);
	return table_find(ing->offences, buf, code->len);
}

/* Check every field a force row needs; -1 after rejecting it. */
static int
force_checks(struct ingest *ing, const struct record *rec,
    struct force_row *fr)
{
	long oday;
	int omonth;

	if (fr->ref->len == 0) {
		reject(rec->source, rec->line, "crime_ref", rec->raw,
		    rec->raw_len, "empty crime reference");
		return -1;
	}
	if (date_parse(fr->date->ptr, fr->date->len, &fr->day, &fr->month) < 0)
		return reject_field(rec, "recorded_date",
		    "is not a valid date (YYYY-MM-DD)", fr->date);
	if (fr->odate->len > 0 && date_parse(fr->odate->ptr, fr->odate->len,
	    &oday, &omonth) < 0)
		return reject_field(rec, "outcome_date",
		    "is not a valid date (YYYY-MM-DD)", fr->odate);
	if ((fr->offence = offence_row(ing, fr->code)) < 0) {
		reject(rec->source, rec->line, "offence_code", rec->raw,
		    rec->raw_len, "unknown Home Office offence code '%.*s'",
		    (int)fr->code->len, fr->code->ptr);
		return -1;
	}
	if (!(fr->vtype->len == 0 || field_is(fr->vtype, "person") ||
	    field_is(fr->vtype, "organisation")))
		return reject_field(rec, "victim_type",
		    "is not person, organisation or empty", fr->vtype);
	if (!(fr->dwelling->len == 0 || field_is(fr->dwelling, "Y") ||
	    field_is(fr->dwelling, "N")))
		return reject_field(rec, "dwelling", "is not Y, N or empty",
		    fr->dwelling);
	if (fr->force->len == 0) {
		if (ing->force_option == NULL) {
			reject(rec->source, rec->line, "force", rec->raw,
			    rec->raw_len, "empty force and no --force");
			return -1;
		}
		fr->force_option.ptr = ing->force_option;
		fr->force_option.len = strlen(ing->force_option);
		fr->force = &fr->force_option;
	}
	return 0;
}

/* recorded_date as struct crime keeps it (dates.h: 1900-01-01 on). */
static uint32_t
day_code(long day)
{
	return (uint32_t)(day - days_from_civil(1900, 1, 1) + 1);
}

/*
 * A later row of a crime already seen (DEFINITIONS.md 1.3) only adds a
 * victim: it must agree with the first row, and bring a new victim.
 * Returns 0 when it is rejected.
 */
static int
check_extra_victim(struct ingest *ing, const struct record *rec,
    const struct crime *cr, const struct force_row *fr, uint32_t district)
{
	const char *field = NULL;
	uint32_t v;

	if (day_code(fr->day) != cr->day)
		field = "recorded_date";
	else if ((uint32_t)fr->offence != cr->offence)
		field = "offence_code";
	else if (district != cr->district)
		field = "district";
	if (field != NULL) {
		reject(rec->source, rec->line, field, rec->raw, rec->raw_len,
		    "inconsistent with the crime's first row at %s",
		    first_row(ing, cr->first));
		return 0;
	}
	/* Equal codes are equal ids; a first victim with none is in victims. */
	v = victim_code(fr->victim);
	if ((v != 0 && v == cr->victim) ||
	    !victim_add(ing->crimes, cr->first, fr->victim)) {
		reject(rec->source, rec->line, "victim_id", rec->raw,
		    rec->raw_len, "victim '%.*s' is already on the crime "
		    "first recorded at %s", (int)fr->victim->len,
		    fr->victim->ptr, first_row(ing, cr->first));
		return 0;
	}
	return 1;
}

/*
 * Rows sharing a crime_ref are one crime (DEFINITIONS.md 1.3): the first
 * counts it.  Returns 1 for a first row, 0 for a later one, -1 when the
 * later one was rejected.
 */
static int
force_crime(struct ingest *ing, const struct member *m,
    const struct record *rec, const struct force_row *fr)
{
	struct crimes *c = ing->crimes;
	uint32_t district = district_number(c, fr->district);
	struct crime cr;
	unsigned char *b;
	int added;

	b = find_crime(ing, &added);	/* the key is prepared already */
	if (!added) {
		crime_load(c, b, &cr);
		return check_extra_victim(ing, rec, &cr, fr, district) ? 0 : -1;
	}
	cr.first = row_place(ing, m, rec);
	cr.day = day_code(fr->day);
	cr.offence = (uint32_t)fr->offence;
	cr.district = district;
	cr.victim = victim_code(fr->victim);
	if (cr.victim == 0)
		(void)victim_add(c, cr.first, fr->victim);
	crime_store(c, b, &cr);
	return 1;
}

/*
 * Residential burglary with dwelling = N is business & community; with
 * dwelling empty it is taken as a dwelling, and counted (DEFINITIONS.md
 * 2.2).
 */
static const char *
force_group(struct ingest *ing, const struct force_row *fr, int first)
{
	const char *group = table_get(ing->offences, (size_t)fr->offence,
	    OFF_GROUP);
	const char *alt = table_get(ing->offences, (size_t)fr->offence,
	    OFF_GROUP_NOT_DWELLING);

	if (*alt == '\0')
		return group;
	if (field_is(fr->dwelling, "N"))
		return alt;
	if (fr->dwelling->len == 0 && first)
		ing->assumed_dwelling++;
	return group;
}

void
force_record(struct ingest *ing, const struct member *m,
    const struct record *rec)
{
	struct out_record o;
	struct force_row fr;
	const char *force;
	int first, plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	memset(&fr, 0, sizeof(fr));
	fr.ref = col(m, rec, FX_CRIME_REF);
	fr.date = col(m, rec, FX_RECORDED_DATE);
	fr.code = col(m, rec, FX_OFFENCE_CODE);
	fr.district = col(m, rec, FX_DISTRICT);
	fr.dwelling = col(m, rec, FX_DWELLING);
	fr.victim = col(m, rec, FX_VICTIM_ID);
	fr.vtype = col(m, rec, FX_VICTIM_TYPE);
	fr.odate = col(m, rec, FX_OUTCOME_DATE);
	fr.force = col(m, rec, FX_FORCE);
	/* The key's slot loads while the fields are checked. */
	force = fr.force->len > 0 ? fr.force->ptr : ing->force_option;
	if (force != NULL) {	/* else force_checks() rejects the record */
		prepare_crime_key(ing, force, fr.force->len > 0 ?
		    fr.force->len : strlen(force), fr.ref->ptr, fr.ref->len);
		prefetch_next_crimes(ing, m, m->col[FX_CRIME_REF]);
	}
	if (force_checks(ing, rec, &fr) < 0 ||
	    (first = force_crime(ing, m, rec, &fr)) < 0)
		return;
	month_format(fr.month, o.month);
	set_where(ing, &o, m, rec);
	set_plain(&o, COL_RECORD_ID, fr.ref, plain);
	set_str(&o, COL_CRIME_COUNT, first ? "1" : "0");
	set_str(&o, COL_MONTH, o.month);
	set_plain(&o, COL_RECORDED_DATE, fr.date, plain);
	set_plain(&o, COL_FORCE, fr.force, plain && fr.force != &fr.force_option);
	set_str(&o, COL_CRIME_TYPE, table_get(ing->offences,
	    (size_t)fr.offence, OFF_CATEGORY));
	set_str(&o, COL_OFFENCE_CODE, table_get(ing->offences,
	    (size_t)fr.offence, OFF_CODE));
	set_str(&o, COL_CRIME_GROUP, force_group(ing, &fr, first));
	set_plain(&o, COL_LSOA_CODE, col(m, rec, FX_LSOA_CODE), plain);
	set_plain(&o, COL_DISTRICT, fr.district, plain);
	set_plain(&o, COL_LATITUDE, col(m, rec, FX_LATITUDE), plain);
	set_plain(&o, COL_LONGITUDE, col(m, rec, FX_LONGITUDE), plain);
	set_plain(&o, COL_VICTIM_ID, fr.victim, plain);
	set_plain(&o, COL_VICTIM_TYPE, fr.vtype, plain);
	set_plain(&o, COL_MARKERS, col(m, rec, FX_MARKERS), plain);
	set_plain(&o, COL_OUTCOME_CODE, col(m, rec, FX_OUTCOME_CODE), plain);
	set_plain(&o, COL_OUTCOME_DATE, fr.odate, plain);
	set_plain(&o, COL_MO_TEXT, col(m, rec, FX_MO_TEXT), plain);
	write_record(ing, &o, m, rec, plain);
}
