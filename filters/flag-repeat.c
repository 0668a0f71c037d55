/*
 * flag-repeat: add each record's victim offence counts over the 12 months
 * ending with its month, and whether the victim is a repeat victim, for
 * all offences and for domestic abuse (DEFINITIONS.md 2.5).
 *
 * A record's counts depend on records that may come after it, so the
 * stage works in two passes.  Pass 1 parses the input, rejects the bad
 * records, counts each victim's offences per month and copies every good
 * record to an unlinked temporary spool (common/spool.h), each behind a
 * small frame saying whose offence it is.  Pass 2 reads the spool back,
 * in input order, and writes each record with its columns; it parses no
 * CSV and looks up no key, so it runs at the speed of a copy.  Memory
 * holds per-victim month counts only, never records (DEFINITIONS.md 2.5;
 * a batch of BATCH records waits for its lookups).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../common/dates.h"
#include "../common/diag.h"
#include "../common/input.h"
#include "../common/keymap.h"
#include "../common/measures.h"
#include "../common/members.h"
#include "../common/opts.h"
#include "../common/outbuf.h"
#include "../common/rejects.h"
#include "../common/spool.h"
#include "../common/stream.h"
#include "../common/xalloc.h"

/*
 * One victim's offences in one month, packed in 64 bits: the month
 * (dates.h: year * 12 + month - 1, below 36000) in bits 0-15, all
 * offences in bits 16-39, DA offences in bits 40-63.
 */
#define E_MONTH(e)	((int)((e) & 0xffff))
#define E_ALL(e)	((uint32_t)(((e) >> 16) & 0xffffff))
#define E_DA(e)		((uint32_t)((e) >> 40))
#define E_ONE_ALL	((uint64_t)1 << 16)
#define E_ONE_DA	((uint64_t)1 << 40)
#define E_COUNT_MAX	0xffffffu

/*
 * A victim: the first month seen inline, the others in a block of the
 * shared arena (capacity a power of two, at least 2; freed blocks go to
 * a free list per size and are reused).  16 bytes, kept beside the
 * victim's id in the keymap (keymap_value), so that the record's one
 * lookup finds both.
 */
struct victim {
	uint64_t	 first;
	uint32_t	 more;		/* arena index of the other months, 0: none */
	uint32_t	 nmore;
};

/*
 * A record in the spool: this frame, then (only when the input already
 * has some of the added columns, and they are replaced in place) each
 * field's raw span as two uint64_t (offset, length), then the raw bytes.
 */
struct frame {
	uint64_t	 raw_len;
	uint32_t	 victim;	/* index into victims, or NO_VICTIM */
	uint16_t	 month;		/* dates.h month, if victim is set */
	uint8_t		 da;		/* 1: the record has the DA marker */
	uint8_t		 spans;		/* 1: the field spans follow */
};

#define NO_VICTIM	UINT32_MAX

/*
 * Records wait in batches of BATCH for their victim lookups, so that the
 * lookups' cache misses overlap instead of following one another: in
 * pass 1 each victim's slot is prefetched as its record comes, each
 * entry when the batch is full, then the batch is counted and spooled in
 * input order; in pass 2 each record's victim is prefetched as its
 * record is read back, then its months, then the batch is written.  A
 * waiting record's bytes are copied (the reader's and the spool's are
 * valid only until the next record).
 */
#define BATCH		16

struct pending {
	struct frame	 fr;
	uint64_t	 hash;		/* pass 1: of the victim's id */
	size_t		 id, id_len;	/* pass 1: offset in bbuf, length */
	size_t		 data;		/* offset in bbuf: spans, then raw */
	size_t		 nspans;
};

/* The columns read (DEFINITIONS.md 2.1); -1 when absent. */
struct columns {
	long		 month, victim_id, victim_type, markers;
	long		 source;	/* for messages; -1 when absent */
};

struct repeat {
	struct keymap	*ids;		/* victim_id -> struct victim */
	uint64_t	*arena;		/* index 0 unused: 0 means "none" */
	size_t		 arena_len, arena_cap;
	uint32_t	 free_list[32];	/* per size class: first free block */

	struct spool	 spool;		/* the good records, framed */
	struct record	 header;	/* the first input's header, copied */
	struct first_header first;	/* its names, for the later inputs */
	struct added_columns ac;	/* set from that header */
	struct field	*spans;		/* pass 2: one record's field spans */
	size_t		 spans_cap;
	struct pending	 batch[BATCH];	/* records waiting for their lookup */
	size_t		 nbatch;
	char		*bbuf;		/* their bytes */
	size_t		 blen, bcap;
	struct columns	 cols;		/* pass 1: the member being read */
};

static const char *const added_names[] = { "victim_offences_12m",
    "repeat_victim", "da_victim_offences_12m", "da_repeat_victim" };
enum { ADD_ALL, ADD_REPEAT, ADD_DA, ADD_DA_REPEAT, NADDED };

enum { OPT_SPOOL_DIR = OPT_FILTER_FIRST };

static const struct option long_options[] = {
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "spool-dir", required_argument, NULL, OPT_SPOOL_DIR },
	{ "help", no_argument, NULL, 'h' },
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
repeat_init(struct repeat *rp, const char *spool_dir)
{
	memset(rp, 0, sizeof(*rp));
	rp->ids = keymap_new();
	keymap_set_value_size(rp->ids, sizeof(struct victim));
	rp->arena_len = 1;
	spool_open(&rp->spool, spool_dir, "flag-repeat");
}

static void
repeat_release(struct repeat *rp)
{
	size_t i;

	if (rp->header.value != NULL) {
		for (i = 0; i < rp->header.nfields; i++)
			free((char *)rp->header.value[i].ptr);
		added_columns_release(&rp->ac);
	}
	free(rp->header.value);
	free((char *)rp->header.raw);
	first_header_release(&rp->first);
	free(rp->spans);
	free(rp->bbuf);
	keymap_free(rp->ids);
	free(rp->arena);
	spool_close(&rp->spool);
}

/* Bytes that grow with the victims, for --stats and the man page. */
static size_t
victim_bytes(const struct repeat *rp)
{
	return keymap_bytes(rp->ids) + rp->arena_cap * sizeof(uint64_t);
}

/* A block of 2^k entries in the arena. */
static uint32_t
block_alloc(struct repeat *rp, unsigned k)
{
	size_t n = (size_t)1 << k;
	uint32_t b;

	if ((b = rp->free_list[k]) != 0) {
		rp->free_list[k] = (uint32_t)rp->arena[b];
		return b;
	}
	if (rp->arena_len + n > UINT32_MAX)
		diag_die(EXIT_DATA, "too many victim months to count");
	rp->arena = xgrow(rp->arena, &rp->arena_cap, rp->arena_len + n,
	    sizeof(uint64_t));
	b = (uint32_t)rp->arena_len;
	rp->arena_len += n;
	return b;
}

static void
block_free(struct repeat *rp, uint32_t b, unsigned k)
{
	rp->arena[b] = rp->free_list[k];
	rp->free_list[k] = b;
}

/* Size class of a block holding n >= 1 entries: 2^k >= max(n, 2). */
static unsigned
block_class(uint32_t n)
{
	unsigned k = 1;

	while (((uint32_t)1 << k) < n)
		k++;
	return k;
}

static void
add_month(struct repeat *rp, struct victim *v, uint64_t e)
{
	unsigned k;
	uint32_t b;

	if (v->nmore == 0)
		v->more = block_alloc(rp, 1);
	else if (v->nmore >= 2 && (v->nmore & (v->nmore - 1)) == 0) {
		/* The block is full: move to one twice its size. */
		k = block_class(v->nmore);
		b = block_alloc(rp, k + 1);
		memcpy(&rp->arena[b], &rp->arena[v->more],
		    v->nmore * sizeof(uint64_t));
		block_free(rp, v->more, k);
		v->more = b;
	}
	rp->arena[v->more + v->nmore++] = e;
}

/* Count one offence of victim id in month, DA or not; the victim's index. */
static uint32_t
count_offence(struct repeat *rp, uint64_t hash, const struct field *id,
    int month, int da)
{
	uint64_t inc = E_ONE_ALL | (da ? E_ONE_DA : 0), *e;
	struct victim *v;
	uint32_t i;
	long idx;
	int added;
	char q[64], m[8];

	idx = keymap_get_hashed(rp->ids, hash, id->ptr, id->len, 1, &added);
	v = keymap_value(rp->ids, (size_t)idx);
	if (added) {
		v->first = (uint64_t)month | inc;
		return (uint32_t)idx;
	}
	e = &v->first;
	for (i = 0; E_MONTH(*e) != month && i < v->nmore; i++)
		e = &rp->arena[v->more + i];
	if (E_MONTH(*e) != month) {
		add_month(rp, v, (uint64_t)month | inc);
		return (uint32_t)idx;
	}
	if (E_ALL(*e) == E_COUNT_MAX) {
		month_format(month, m);
		diag_die(EXIT_DATA, "victim '%s' has more than %u offences "
		    "in %s, more than flag-repeat can count", diag_quote(q,
		    sizeof(q), id->ptr, id->len), E_COUNT_MAX, m);
	}
	*e += inc;
	return (uint32_t)idx;
}

/*
 * The victim's offences in the 12 months ending with month (M-11 .. M,
 * DEFINITIONS.md 2.5): all of them in *all, the DA ones in *da.
 */
static void
window_counts(const struct repeat *rp, uint32_t victim, int month,
    uint64_t *all, uint64_t *da)
{
	const struct victim *v = keymap_value(rp->ids, victim);
	uint64_t e;
	uint32_t i;

	*all = *da = 0;
	for (i = 0; i <= v->nmore; i++) {
		e = i == 0 ? v->first : rp->arena[v->more + i - 1];
		if (E_MONTH(e) > month - 12 && E_MONTH(e) <= month) {
			*all += E_ALL(e);
			*da += E_DA(e);
		}
	}
}

static const struct field *
col(const struct record *rec, long c)
{
	static const struct field empty = { "", 0 };

	return c >= 0 ? &rec->value[c] : &empty;
}

/*
 * The record's victim when their offences count (DEFINITIONS.md 2.5: not
 * an empty victim_id, not an organisation; measures.h), else NULL.
 */
static const struct field *
countable_victim(const struct columns *c, const struct record *rec)
{
	const struct field *id = col(rec, c->victim_id);

	return victim_countable(id, col(rec, c->victim_type)) ? id : NULL;
}

/* 1 when markers holds the token DA (measures.h: one parser for all). */
static int
is_da(const struct field *markers)
{
	return (markers_parse(markers->ptr, markers->len) >> MK_DA) & 1;
}

/* n bytes more in the batch's buffer; their offset. */
static size_t
batch_bytes(struct repeat *rp, const void *p, size_t n)
{
	size_t off = rp->blen;

	rp->bbuf = xgrow(rp->bbuf, &rp->bcap, rp->blen + n + 1, 1);
	memcpy(rp->bbuf + off, p, n);
	rp->blen += n;
	return off;
}

/* Pass 1: count the batch's victims, and spool its records in order. */
static void
scan_batch(struct repeat *rp)
{
	struct pending *p;
	struct field id;
	size_t i;

	for (i = 0; i < rp->nbatch; i++)
		if (rp->batch[i].fr.victim != NO_VICTIM)
			keymap_prefetch_entry(rp->ids, rp->batch[i].hash);
	for (i = 0; i < rp->nbatch; i++) {
		p = &rp->batch[i];
		if (p->fr.victim != NO_VICTIM) {
			id.ptr = rp->bbuf + p->id;
			id.len = p->id_len;
			p->fr.victim = count_offence(rp, p->hash, &id,
			    p->fr.month, p->fr.da);
		}
		spool_write(&rp->spool, &p->fr, sizeof(p->fr));
		spool_write(&rp->spool, rp->bbuf + p->data, p->nspans * 2 *
		    sizeof(uint64_t) + p->fr.raw_len);
	}
	rp->nbatch = 0;
	rp->blen = 0;
}

/*
 * A good record into the batch: its frame (the victim's index is found
 * when the batch is counted), its id, its field spans when the added
 * columns replace some already there (rec_write_added() needs them only
 * then), its raw bytes.
 */
static void
batch_record(struct repeat *rp, const struct record *rec,
    const struct field *id, int month, int da)
{
	struct pending *p = &rp->batch[rp->nbatch++];
	uint64_t span[2];
	size_t i;

	memset(p, 0, sizeof(*p));
	p->fr.raw_len = rec->raw_len;
	p->fr.victim = id != NULL ? 0 : NO_VICTIM;
	p->fr.month = (uint16_t)month;
	p->fr.da = (uint8_t)da;
	p->fr.spans = rp->ac.nexisting > 0;
	if (id != NULL) {
		p->hash = hash_bytes(id->ptr, id->len);
		keymap_prefetch(rp->ids, p->hash);
		p->id = batch_bytes(rp, id->ptr, id->len);
		p->id_len = id->len;
	}
	p->data = rp->blen;
	p->nspans = p->fr.spans ? rec->nfields : 0;
	for (i = 0; i < p->nspans; i++) {
		span[0] = (uint64_t)(rec->rawf[i].ptr - rec->raw);
		span[1] = rec->rawf[i].len;
		batch_bytes(rp, span, sizeof(span));
	}
	batch_bytes(rp, rec->raw, rec->raw_len);
	if (rp->nbatch == BATCH)
		scan_batch(rp);
}

/* Pass 1 for one record: count it and spool it, or reject it. */
static void
scan_record(struct repeat *rp, const struct columns *c,
    const struct record *rec)
{
	const struct field *id = countable_victim(c, rec);
	const struct field *month = col(rec, c->month);
	char q[64];
	int m = 0, da = 0;

	if (id != NULL) {
		if (month_parse(month->ptr, month->len, &m) < 0) {
			reject_record(rec, c->source, "month",
			    "'%s' is not a valid month (YYYY-MM)",
			    diag_quote(q, sizeof(q), month->ptr, month->len));
			return;
		}
		da = is_da(col(rec, c->markers));
	}
	batch_record(rp, rec, id, m, da);
}

/* The columns of a member; -1 after a message when one is missing. */
static int
find_columns(struct rec_reader *r, const char *name, struct columns *c)
{
	c->month = rec_reader_column(r, "month");
	c->source = rec_reader_column(r, "source");
	c->victim_id = rec_reader_column(r, "victim_id");
	/* Optional: no type is a person, no markers is not DA. */
	c->victim_type = rec_reader_column(r, "victim_type");
	c->markers = rec_reader_column(r, "markers");
	if (c->victim_id < 0 || c->month < 0) {
		diag_at(name, 1, c->victim_id < 0 ? "victim_id" : "month",
		    "no such column in the header (DEFINITIONS.md 2.5 needs "
		    "it)");
		return -1;
	}
	return 0;
}

/*
 * The first input's header (docs/stream.md: every later one must equal
 * it) is kept for pass 2 and decides where the added columns go; its
 * columns are found once.  -1 after a message.
 */
static int
stream_start(void *ctx, struct rec_reader *r, const char *name)
{
	struct repeat *rp = ctx;
	const struct record *h = rec_reader_header(r);
	struct record *k = &rp->header;
	size_t i;

	if (find_columns(r, name, &rp->cols) < 0)
		return -1;
	k->raw = xstrndup(h->raw, h->raw_len);
	k->raw_len = h->raw_len;
	k->nfields = h->nfields;
	k->value = xcalloc(h->nfields, sizeof(struct field));
	for (i = 0; i < h->nfields; i++) {
		k->value[i].ptr = xstrndup(h->value[i].ptr, h->value[i].len);
		k->value[i].len = h->value[i].len;
	}
	k->rawf = k->value;	/* the header is written raw */
	added_columns_init(&rp->ac, k, added_names, NADDED);
	return 0;
}

/* Pass 1, each record. */
static void
member_record(void *ctx, struct record *rec)
{
	struct repeat *rp = ctx;

	scan_record(rp, &rp->cols, rec);
}

/* Decimal digits of v into buf; returns the length. */
static size_t
utoa(uint64_t v, char *buf)
{
	char tmp[24];
	size_t n = 0, i;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

/*
 * Pass 2: read up to BATCH records back into the batch, prefetching each
 * one's victim; 0 at the end of the spool.
 */
static size_t
read_batch(struct repeat *rp)
{
	struct pending *p;
	const char *d;
	size_t n;

	rp->blen = 0;
	for (n = 0; n < BATCH; n++) {
		if ((d = spool_read(&rp->spool, sizeof(p->fr))) == NULL)
			break;
		p = &rp->batch[n];
		memcpy(&p->fr, d, sizeof(p->fr));
		p->nspans = p->fr.spans ? rp->header.nfields : 0;
		d = spool_read(&rp->spool, p->nspans * 2 * sizeof(uint64_t) +
		    p->fr.raw_len);
		if (d == NULL)
			BUG("the temporary spool ends inside a record");
		p->data = batch_bytes(rp, d, p->nspans * 2 *
		    sizeof(uint64_t) + p->fr.raw_len);
		if (p->fr.victim != NO_VICTIM)
			__builtin_prefetch(keymap_value(rp->ids, p->fr.victim));
	}
	return n;
}

/* A victim's other months, in cache before window_counts() needs them. */
static void
prefetch_months(const struct repeat *rp, uint32_t victim)
{
	const struct victim *v = keymap_value(rp->ids, victim);

	if (v->nmore > 0)
		__builtin_prefetch(&rp->arena[v->more]);
}

/* Pass 2, one record of the batch: with its columns, on out. */
static void
write_record(struct repeat *rp, struct outbuf *out, const struct pending *p)
{
	static const struct field empty = { "", 0 }, yes = { "Y", 1 },
	    no = { "N", 1 };
	struct field v[NADDED];
	struct record rec;
	const char *d = rp->bbuf + p->data;
	uint64_t all, da, span[2];
	size_t i;
	char all_buf[24], da_buf[24];

	memset(&rec, 0, sizeof(rec));
	rec.raw = d + p->nspans * sizeof(span);
	rec.raw_len = p->fr.raw_len;
	rec.nfields = p->nspans;
	rp->spans = xgrow(rp->spans, &rp->spans_cap, p->nspans + 1,
	    sizeof(struct field));
	for (i = 0; i < p->nspans; i++) {
		memcpy(span, d + i * sizeof(span), sizeof(span));
		rp->spans[i].ptr = rec.raw + span[0];
		rp->spans[i].len = span[1];
	}
	rec.rawf = rec.value = rp->spans;

	v[ADD_ALL] = v[ADD_REPEAT] = v[ADD_DA] = v[ADD_DA_REPEAT] = empty;
	if (p->fr.victim != NO_VICTIM) {
		window_counts(rp, p->fr.victim, p->fr.month, &all, &da);
		v[ADD_ALL].ptr = all_buf;
		v[ADD_ALL].len = utoa(all, all_buf);
		v[ADD_REPEAT] = all >= 2 ? yes : no;
		if (p->fr.da) {
			v[ADD_DA].ptr = da_buf;
			v[ADD_DA].len = utoa(da, da_buf);
			v[ADD_DA_REPEAT] = da >= 2 ? yes : no;
		}
	}
	rec_write_added(out, &rec, &rp->ac, v, NULL, 0);
	rejects_counts.written++;
}

/* Pass 2: the spool's records with their columns, on out. */
static void
write_records(struct repeat *rp, struct outbuf *out)
{
	size_t i, n;

	spool_rewind(&rp->spool);
	added_columns_write_header(out, &rp->ac, &rp->header);
	while ((n = read_batch(rp)) > 0) {
		for (i = 0; i < n; i++)
			if (rp->batch[i].fr.victim != NO_VICTIM)
				prefetch_months(rp, rp->batch[i].fr.victim);
		for (i = 0; i < n; i++)
			write_record(rp, out, &rp->batch[i]);
	}
}

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [-r file] [--stats] [--spool-dir dir] [file ...]\n"
	    "Add each record's victim offence counts over the 12 months\n"
	    "ending with its month, and the repeat-victim flags, for all\n"
	    "offences and for domestic abuse (DA).  With no file, or '-',\n"
	    "read stdin.\n"
	    "  -r, --rejects file    append unusable records to file\n"
	    "      --stats           print 'read N, written N, rejected N,\n"
	    "                        victims N, victim_bytes N'\n"
	    "      --spool-dir dir   directory of the temporary spool\n"
	    "                        (default $TMPDIR, else /tmp)\n"
	    "  -h, --help            show this help\n"
	    "      --max-record n    reject longer records (bytes; K, M, G;\n"
	    "                        default 64M)\n"
	    "      --version         show the version\n", diag_prog());
	opts_exit(fp, status);
}

/* What the command line asks for. */
struct settings {
	const char	*rejects_path, *spool_dir;
	int		 stats;
};

static void
parse_options(struct settings *set, int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, "hr:", long_options, NULL)) != -1) {
		switch (c) {
		case 'r':
			set->rejects_path = optarg;
			break;
		case OPT_STATS:
			set->stats = 1;
			break;
		case OPT_SPOOL_DIR:
			if (*optarg == '\0')
				opts_misuse("option '--spool-dir' needs a "
				    "directory");
			set->spool_dir = optarg;
			break;
		case OPT_MAX_RECORD:
			opts_max_record(optarg);
			break;
		case 'h':
			usage(stdout, EXIT_OK);
		case OPT_VERSION:
			opts_version();
		default:
			opts_hint();
		}
	}
}

int
main(int argc, char *argv[])
{
	struct repeat rp;
	struct settings set = { 0 };
	struct member_reader members = { .start = stream_start,
	    .record = member_record, .ctx = &rp, .header = &rp.first };
	struct outbuf out;
	const char *const *paths;
	char extra[96];
	int status = EXIT_OK, have_stdin = 0;
	size_t npaths, i;

	diag_init(argv[0]);
	parse_options(&set, argc, argv);
	paths = opts_inputs(argc, argv, &npaths, &have_stdin);
	if (set.rejects_path != NULL)
		rejects_open(set.rejects_path);
	repeat_init(&rp, set.spool_dir);

	/* Pass 1: count, spool the good records, reject the bad ones. */
	for (i = 0; i < npaths; i++)
		if (read_members(&members, paths[i]) != 0)
			status = EXIT_DATA;

	scan_batch(&rp);

	/* Pass 2: with no usable input there is not even a header. */
	out_init_stream(&out, STDOUT_FILENO, "<stdout>");
	if (rp.header.value != NULL)
		write_records(&rp, &out);
	out_close(&out);

	snprintf(extra, sizeof(extra), "victims %zu, victim_bytes %zu",
	    keymap_size(rp.ids), victim_bytes(&rp));
	if (rejects_finish(set.stats, extra) != EXIT_OK)
		status = EXIT_DATA;
	repeat_release(&rp);
	return status;
}
