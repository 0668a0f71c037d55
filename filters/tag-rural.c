/*
 * tag-rural: add the 2011 Rural-Urban Classification of each record's
 * area, whether the area is rural, and the Rural Crime Team theme of the
 * record (DEFINITIONS.md 2.3, geography from 1.4).
 *
 * Memory: the geography tables and the keyword map, loaded once, a fixed
 * cache of area lookups and a fixed memo of theme-column values (under
 * 0.5 MB together); per record only reused buffers (a long field's word
 * mask, the phrase being looked up).  Nothing grows with the number of
 * records.
 *
 * Speed (issue 12): the reader splits every record (oa_code is the last
 * column of a force-extract stream); the themes are found from a bit
 * mask of a field's word bytes, 16 bytes a load, with most words
 * rejected by two table tests before any hashing, and a value seen
 * before costs one memo lookup; the added columns are written as bytes
 * worked out at start.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../common/diag.h"
#include "../common/input.h"
#include "../common/keymap.h"
#include "../common/members.h"
#include "../common/opts.h"
#include "../common/outbuf.h"
#include "../common/rejects.h"
#include "../common/stream.h"
#include "../common/table.h"
#include "../common/xalloc.h"

enum definition { DEF_ONS, DEF_RCT };

/*
 * A geography table: keyed by lsoa_code or by oa_code, with ruc11; codes[i]
 * (a key of codes) has class cls[i] (an index in classes[]).
 */
struct geography {
	struct keymap	*codes;
	signed char	*cls;
	size_t		 cls_cap;
	int		 is_oa;
};

/*
 * A direct-mapped cache in front of the binary searches: a force's
 * records use a few hundred areas again and again.  Fixed size; codes
 * longer than CODE_MAX bytes are always searched.
 */
enum { CACHE_SLOTS = 4096, CODE_MAX = 22 };
struct cache_slot {
	signed char	 cls;		/* the class found, or -1: not found */
	unsigned char	 used, is_oa, len;
	char		 code[CODE_MAX];
};

/*
 * The RUC11 classes (DEFINITIONS.md 2.3): A1-E2 at LSOA level, F1/F2
 * only at output-area level; NCLASS stands for no class (unknown area).
 */
enum { NCLASS = 10 };
static const char *const classes[NCLASS] = { "A1", "B1", "C1", "C2", "D1",
    "D2", "E1", "E2", "F1", "F2" };

/*
 * What a record's added columns are made of, worked out once: per class
 * (and NCLASS), ruc11 and rural and the bytes ",ruc11,rural"; per theme
 * (and, last, none) the bytes ",rural_theme", quoted as the writer would.
 */
struct suffixes {
	const char	*ruc[NCLASS + 1], *rural[NCLASS + 1];
	char		 geo[NCLASS + 1][8];
	size_t		 geo_len[NCLASS + 1];
	char		*theme;		/* every theme's bytes, one after another */
	size_t		*theme_off;	/* ntheme + 2 offsets into theme */
};

/*
 * The themes of field values already matched, per theme column: a
 * direct-mapped memo of values up to MEMO_MAX bytes (offence descriptions
 * and markers come from short lists, and so may MO text).  Matching is a
 * function of the value alone, so a hit gives what matching would.  A
 * column whose values rarely repeat stops using it: after MEMO_TRIAL
 * lookups with fewer than a quarter hits.  Fixed size.
 */
enum { MEMO_SLOTS = 1024, MEMO_MAX = 96, MEMO_TRIAL = 65536 };
struct memo_slot {
	long		 theme;		/* the value's own best, or -1 */
	unsigned char	 used, len;
	char		 value[MEMO_MAX];
};
struct memo {
	struct memo_slot *slot;		/* MEMO_SLOTS slots */
	unsigned long	 lookups, hits;
	int		 off;
};

/* The columns read from the stream; -1 when absent (optional ones). */
enum { IN_LSOA, IN_OA, IN_DESC, IN_MO, IN_MARKERS, NIN };
static const char *const input_columns[NIN] = { "lsoa_code", "oa_code",
    "offence_desc", "mo_text", "markers" };

/* The columns added (docs/stream.md). */
enum { ADD_RUC11, ADD_RURAL, ADD_THEME, NADD };
static const char *const added_names[NADD] = { "ruc11", "rural",
    "rural_theme" };

struct tagger {
	enum definition	 definition;
	struct geography *geo;
	size_t		 ngeo, geo_cap;
	int		 have_lsoa_table;
	struct cache_slot *cache;	/* CACHE_SLOTS slots */
	struct memo	 memo[3];	/* per theme column */

	/*
	 * Rural themes: every keyword and every leading part of a keyword,
	 * as lower-cased words joined by one space, in phrases; prio[i] is
	 * the theme priority of phrase i when it is a whole keyword, else -1.
	 */
	struct keymap	*themes;	/* theme names, priority = index */
	struct keymap	*phrases;
	long		*prio;
	size_t		 prio_cap;
	/*
	 * A cheap test before hashing: bit min(len, 31) of last[a][b] is set
	 * when some keyword's first word has len bytes, a first byte equal
	 * to a and a last byte equal to b in their low five bits; of
	 * second[a][c], when its second byte (its first when it has one) is
	 * c.  A word passes when both bits are set.
	 */
	uint32_t	 last[32][32], second[32][32];

	/* Reused per record: a field's word bytes, the phrase looked up. */
	uint64_t	*mask;
	size_t		 mask_cap;
	char		*phrase;
	size_t		 phrase_cap;

	/* Reused while loading keywords: a keyword's words, lower-cased. */
	char		*words;
	size_t		 words_cap;
	size_t		*word_start, *word_end;
	size_t		 nwords, word_cap;

	/* The stream's shape, fixed by the first usable header. */
	int		 started;
	struct first_header header;
	long		 col[NIN];
	struct added_columns added;

	int		 have_oa_table;
	struct suffixes	 suffix;

	struct outbuf	 out;
	unsigned long long unknown_geography;
};

enum { OPT_GEOGRAPHY = OPT_FILTER_FIRST, OPT_DEFINITION, OPT_THEMES };

static const struct option long_options[] = {
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "geography", required_argument, NULL, OPT_GEOGRAPHY },
	{ "definition", required_argument, NULL, OPT_DEFINITION },
	{ "themes", required_argument, NULL, OPT_THEMES },
	{ "help", no_argument, NULL, 'h' },
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
tagger_release(struct tagger *t)
{
	size_t i;

	for (i = 0; i < t->ngeo; i++)
	{
		keymap_free(t->geo[i].codes);
		free(t->geo[i].cls);
	}
	free(t->geo);
	free(t->cache);
	for (i = 0; i < 3; i++)
		free(t->memo[i].slot);
	free(t->suffix.theme);
	free(t->suffix.theme_off);
	keymap_free(t->themes);
	keymap_free(t->phrases);
	free(t->prio);
	free(t->mask);
	free(t->phrase);
	free(t->words);
	free(t->word_start);
	free(t->word_end);
	first_header_release(&t->header);
	if (t->started)
		added_columns_release(&t->added);
}

/* Is f one of the RUC11 classes?  Anything else in a table is an error. */
static int
known_class(const struct field *f)
{
	size_t i;

	for (i = 0; i < NCLASS; i++)
		if (field_is(f, classes[i]))
			return 1;
	return 0;
}

/* The index in classes[] of a class checked at load. */
static int
class_index(const char *ruc, size_t len)
{
	int i;

	for (i = 0; i < NCLASS - 1; i++)
		if (len == 2 && memcmp(ruc, classes[i], 2) == 0)
			break;
	return i;
}

/* Is a[0..alen) before b[0..blen) in strcmp() order? */
static int
key_before(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	return c < 0 || (c == 0 && alen < blen);
}

/*
 * Load a geography file in one pass, with the checks and messages of the
 * reference tables (table.h) in their order: an unknown class (named by
 * its line) at once; after the pass a bad record, then the first empty
 * code, then a repeated code (the first in byte order).
 */
static void
geography_load(struct geography *g, const char *path)
{
	struct rejects_counts saved = rejects_counts;
	struct input *in;
	struct rec_reader *r;
	struct record *rec;
	const struct field *f;
	const char *key;
	char *dup = NULL;	/* a copy: keys move as the map grows */
	unsigned long empty_line = 0;
	size_t dup_len = 0, klen;
	long code, ruc, i;
	int added;
	char q[64];

	if ((in = input_open(path)) == NULL)
		exit(EXIT_DATA);
	if (input_next(in) != 1 || (r = rec_reader_open(in)) == NULL)
		diag_die(EXIT_DATA, "%s: cannot read the geography table",
		    path);
	g->is_oa = (code = rec_reader_column(r, "oa_code")) >= 0;
	if (!g->is_oa && (code = rec_reader_column(r, "lsoa_code")) < 0)
		diag_die(EXIT_DATA, "%s: no column 'lsoa_code' or 'oa_code'",
		    path);
	if ((ruc = rec_reader_column(r, "ruc11")) < 0)
		diag_die(EXIT_DATA, "%s: no column 'ruc11'", path);
	g->codes = keymap_new();
	while ((rec = rec_reader_next(r)) != NULL) {
		f = &rec->value[ruc];
		if (!known_class(f)) {
			diag_at(path, rec->line, "ruc11", "unknown RUC11 class "
			    "'%s' (expected A1, B1, C1, C2, D1, D2, E1, E2, "
			    "F1 or F2)", diag_quote(q, sizeof(q), f->ptr,
			    f->len));
			exit(EXIT_DATA);
		}
		f = &rec->value[code];
		if (f->len == 0) {
			if (empty_line == 0)
				empty_line = rec->line;
			continue;
		}
		i = keymap_get(g->codes, f->ptr, f->len, 1, &added);
		if (!added) {
			key = keymap_key(g->codes, (size_t)i, &klen);
			if (dup == NULL || key_before(key, klen, dup, dup_len)) {
				free(dup);
				dup = xmalloc(klen);
				memcpy(dup, key, klen);
				dup_len = klen;
			}
			continue;
		}
		g->cls = xgrow(g->cls, &g->cls_cap, (size_t)i + 1, 1);
		g->cls[i] = (signed char)class_index(rec->value[ruc].ptr,
		    rec->value[ruc].len);
	}
	if (rejects_counts.rejected != saved.rejected || rec_reader_failed(r))
		diag_die(EXIT_DATA, "%s: bad geography table", path);
	if (empty_line != 0)
		diag_die(EXIT_DATA, "%s:%lu: field '%s': empty key", path,
		    empty_line, g->is_oa ? "oa_code" : "lsoa_code");
	if (dup != NULL)
		diag_die(EXIT_DATA, "%s: key '%.*s' appears twice", path,
		    (int)dup_len, dup);
	rejects_counts = saved;
	rec_reader_close(r);
	input_close(in);
}

static void
geography_add(struct tagger *t, const char *path)
{
	struct geography *g;

	t->geo = xgrow(t->geo, &t->geo_cap, t->ngeo + 1, sizeof(*t->geo));
	g = &t->geo[t->ngeo++];
	memset(g, 0, sizeof(*g));
	geography_load(g, path);
	if (!g->is_oa)
		t->have_lsoa_table = 1;
	else
		t->have_oa_table = 1;
}

/*
 * The class of code (an index in classes[]) in the tables of one kind (OA
 * or LSOA), the first table given winning; -1 when no table holds it.
 */
static int
geography_class(const struct tagger *t, int is_oa, const struct field *code)
{
	size_t i;
	long row;

	for (i = 0; i < t->ngeo; i++) {
		if (t->geo[i].is_oa != is_oa)
			continue;
		row = keymap_get(t->geo[i].codes, code->ptr, code->len, 0,
		    NULL);
		if (row >= 0)
			return t->geo[i].cls[row];
	}
	return -1;
}

/*
 * The cache slot of a code of 1 to CODE_MAX bytes: its first and last
 * eight bytes (or all of a shorter one), multiplied and folded, the top
 * bits of the product (which depend on every bit).  Any spread will do;
 * it decides only which codes share a slot.
 */
static size_t
code_slot(const char *p, size_t len, int is_oa)
{
	uint64_t a = 0, b = 0;

	if (len >= 8) {
		memcpy(&a, p, 8);
		memcpy(&b, p + len - 8, 8);
	} else
		memcpy(&a, p, len);
	a ^= b * 0x9e3779b97f4a7c15ULL;
	a = ((a ^ a >> 32) + len + (uint64_t)is_oa) * 0xff51afd7ed558ccdULL;
	return (size_t)(a >> 52) & (CACHE_SLOTS - 1);	/* 4096 slots */
}

/* geography_class() through the cache; -1 for an empty code. */
static int
geography_find(struct tagger *t, int is_oa, const struct field *code)
{
	struct cache_slot *s;

	if (code->len == 0)
		return -1;
	if (code->len > CODE_MAX)
		return geography_class(t, is_oa, code);
	s = &t->cache[code_slot(code->ptr, code->len, is_oa)];
	if (s->used && s->is_oa == is_oa && s->len == code->len &&
	    memcmp(s->code, code->ptr, code->len) == 0)
		return s->cls;
	s->cls = (signed char)geography_class(t, is_oa, code);
	s->used = 1;
	s->is_oa = (unsigned char)is_oa;
	s->len = (unsigned char)code->len;
	memcpy(s->code, code->ptr, code->len);
	return s->cls;
}

/*
 * Words (DEFINITIONS.md 2.3 "whole words"; our decision, in the man
 * page): a word is a maximal run of ASCII letters and digits and of bytes
 * above 0x7f (so UTF-8 letters stay inside words); every other byte,
 * hyphens and apostrophes included, separates words.  Keywords are split
 * the same way, so "fly-tipping" is the two words "fly tipping".
 */
static unsigned char word_byte[256], lower[256];

static void
words_init(void)
{
	int c;

	for (c = 0; c < 256; c++) {
		word_byte[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c >= 0x80;
		lower[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' :
		    c);
	}
}

/*
 * Split p[0..len) into t->words: the lower-cased words, one space
 * between them, with each word's start and end offsets.
 */
static void
tokenise(struct tagger *t, const char *p, size_t len)
{
	size_t i = 0, w = 0;

	t->words = xgrow(t->words, &t->words_cap, len + 1, 1);
	t->nwords = 0;
	while (i < len) {
		while (i < len && !word_byte[(unsigned char)p[i]])
			i++;
		if (i == len)
			break;
		if (w > 0)
			t->words[w++] = ' ';
		if (t->nwords == t->word_cap) {
			t->word_start = xgrow(t->word_start, &t->word_cap,
			    t->nwords + 1, sizeof(size_t));
			t->word_end = xrealloc(t->word_end,
			    t->word_cap * sizeof(size_t));
		}
		t->word_start[t->nwords] = w;
		while (i < len && word_byte[(unsigned char)p[i]])
			t->words[w++] = (char)lower[(unsigned char)p[i++]];
		t->word_end[t->nwords++] = w;
	}
}

static uint32_t
word_bit(size_t len)
{
	return (uint32_t)1 << (len < 31 ? len : 31);
}

/* Let a first word w[0..len) of a keyword pass the starts test. */
static void
starts_add(struct tagger *t, const unsigned char *w, size_t len)
{
	t->last[w[0] & 31][w[len - 1] & 31] |= word_bit(len);
	t->second[w[0] & 31][w[len > 1] & 31] |= word_bit(len);
}

/* Add a phrase (or a leading part of one) to the keyword map. */
static void
phrase_add(struct tagger *t, const char *p, size_t len, long prio)
{
	long i;
	int added;

	i = keymap_get(t->phrases, p, len, 1, &added);
	t->prio = xgrow(t->prio, &t->prio_cap, (size_t)i + 1,
	    sizeof(*t->prio));
	if (added)
		t->prio[i] = -1;
	/* A keyword listed under two themes keeps the higher-priority one. */
	if (prio >= 0 && (t->prio[i] < 0 || prio < t->prio[i]))
		t->prio[i] = prio;
}

/*
 * Load the theme keywords (reference/rural-themes.csv: theme,keyword, in
 * priority order).  The order of first appearance of a theme is its
 * priority, 0 first.  Any problem is fatal: a filter never runs on half
 * a keyword list.
 */
static void
themes_load(struct tagger *t, const char *path)
{
	struct rejects_counts saved = rejects_counts;
	struct input *in;
	struct rec_reader *r;
	struct record *rec;
	const struct field *theme, *kw;
	long ct, ck, prio;
	size_t n;

	t->themes = keymap_new();
	t->phrases = keymap_new();
	if ((in = input_open(path)) == NULL)
		exit(EXIT_DATA);
	if (input_next(in) != 1 || (r = rec_reader_open(in)) == NULL)
		diag_die(EXIT_DATA, "%s: cannot read the themes table", path);
	if ((ct = rec_reader_column(r, "theme")) < 0)
		diag_die(EXIT_DATA, "%s: no column 'theme'", path);
	if ((ck = rec_reader_column(r, "keyword")) < 0)
		diag_die(EXIT_DATA, "%s: no column 'keyword'", path);
	while ((rec = rec_reader_next(r)) != NULL) {
		theme = &rec->value[ct];
		kw = &rec->value[ck];
		if (theme->len == 0) {
			diag_at(path, rec->line, "theme", "empty theme");
			exit(EXIT_DATA);
		}
		tokenise(t, kw->ptr, kw->len);
		if (t->nwords == 0) {
			diag_at(path, rec->line, "keyword", "no word in the "
			    "keyword");
			exit(EXIT_DATA);
		}
		prio = keymap_get(t->themes, theme->ptr, theme->len, 1, NULL);
		starts_add(t, (const unsigned char *)t->words, t->word_end[0]);
		for (n = 1; n < t->nwords; n++)
			phrase_add(t, t->words, t->word_end[n - 1], -1);
		phrase_add(t, t->words, t->word_end[t->nwords - 1], prio);
	}
	if (rejects_counts.rejected != saved.rejected || rec_reader_failed(r))
		diag_die(EXIT_DATA, "%s: bad themes table", path);
	rejects_counts = saved;
	rec_reader_close(r);
	input_close(in);
}

/* Append the lower-cased bytes p[0..n) to the phrase buffer at *len. */
static void
phrase_append(struct tagger *t, size_t *len, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		t->phrase[(*len)++] = (char)lower[p[i]];
}

/*
 * Bit i set when p[i] is a word byte, for i < 16: the word_byte[] rule,
 * 16 bytes at a time where the build has SSE2.  A letter is a byte whose
 * value with bit 0x20 set is in a..z; the ranges are tested as signed
 * bytes shifted so that the range starts at -128.
 */
static unsigned
word_bits16(const unsigned char *p)
{
#ifdef __SSE2__
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v,
	    _mm_set1_epi8(0x20)), _mm_set1_epi8(0x80 - 'a')),
	    _mm_set1_epi8(-128 + 26));
	__m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v,
	    _mm_set1_epi8(0x80 - '0')), _mm_set1_epi8(-128 + 10));

	/* Bytes above 0x7f have their top bit set already. */
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter,
	    digit), v));
#else
	unsigned bits = 0, i;

	for (i = 0; i < 16; i++)
		bits |= (unsigned)word_byte[p[i]] << i;
	return bits;
#endif
}

/*
 * The bits of q[0..r), 0 < r < 16, where lo..hi (which holds q[0..r)) may
 * be read: a 16-byte load that stays inside lo..hi (the record's raw
 * bytes, or the field itself), else a copy into a zeroed block.
 */
static unsigned
tail_bits(const unsigned char *q, size_t r, const unsigned char *lo,
    const unsigned char *hi)
{
	unsigned char block[16];

	if ((size_t)(hi - q) >= 16)
		return word_bits16(q) & ((1u << r) - 1);
	if ((size_t)(q - lo) + r >= 16)
		return word_bits16(q + r - 16) >> (16 - r);
	memset(block, 0, sizeof(block));
	memcpy(block, q, r);
	return word_bits16(block);
}

/*
 * The word bytes of p[0..n), n <= 64, as the bits of a word (bit i for
 * byte i; the bits past n are 0).  lo..hi holds p[0..n) and may be read.
 */
static uint64_t
word_mask64(const unsigned char *p, size_t n, const unsigned char *lo,
    const unsigned char *hi)
{
	uint64_t m = 0;
	size_t o;

	for (o = 0; o + 16 <= n; o += 16)
		m |= (uint64_t)word_bits16(p + o) << o;
	if (o < n)
		m |= (uint64_t)tail_bits(p + o, n - o, lo, hi) << o;
	return m;
}

static unsigned
lowest_bit(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return (unsigned)__builtin_ctzll(x);
#else
	unsigned i = 0;

	while ((x & 1) == 0) {
		x >>= 1;
		i++;
	}
	return i;
#endif
}

/*
 * The first position from i on, below n, that is a word byte (want 1) or
 * a separator (want 0) by mask; n when there is none.
 */
static inline size_t
mask_next(const uint64_t *mask, size_t i, size_t n, int want)
{
	size_t w = i / 64, nw = (n + 63) / 64;
	uint64_t x, flip = want ? 0 : ~(uint64_t)0;

	if (i >= n)
		return n;
	x = (mask[w] ^ flip) & (~(uint64_t)0 << (i % 64));
	while (x == 0) {
		if (++w == nw)
			return n;
		x = mask[w] ^ flip;
	}
	i = w * 64 + lowest_bit(x);
	return i < n ? i : n;
}

/*
 * May the word p[ws..we) start a keyword?  The starts test (struct
 * tagger); a letter's low five bits are the same in both cases, so no
 * lower-casing is needed.
 */
static inline int
may_start(const struct tagger *t, const unsigned char *p, size_t ws,
    size_t we)
{
	size_t len = we - ws;
	uint32_t bit = word_bit(len);

	return (t->last[p[ws] & 31][p[we - 1] & 31] &
	    t->second[p[ws] & 31][p[ws + (len > 1)] & 31] & bit) != 0;
}

/*
 * The best (lowest) theme priority of the keywords that begin with the
 * word p[ws..we), or best itself when none is better: the phrase is
 * extended a word at a time, lower-cased, while the keyword map holds it
 * (as a keyword or the start of one), so at most the longest keyword's
 * word count of lookups are made.  mask holds the word bytes of p[0..n).
 */
static long
phrase_theme(struct tagger *t, const uint64_t *mask, const unsigned char *p,
    size_t n, size_t ws, size_t we, long best)
{
	size_t k = we, s, plen = 0;
	long idx;

	t->phrase = xgrow(t->phrase, &t->phrase_cap, n + 1, 1);
	phrase_append(t, &plen, p + ws, we - ws);
	for (;;) {
		idx = keymap_get(t->phrases, t->phrase, plen, 0, NULL);
		if (idx < 0)
			break;
		if (t->prio[idx] >= 0 && (best < 0 || t->prio[idx] < best))
			best = t->prio[idx];
		if ((s = mask_next(mask, k, n, 1)) == n)
			break;
		k = mask_next(mask, s, n, 0);
		t->phrase[plen++] = ' ';
		phrase_append(t, &plen, p + s, k - s);
	}
	return best;
}

/*
 * field_theme() for a field longer than 64 bytes: its mask is built in
 * t->mask, 64 bytes at a time, and walked word by word.
 */
static long
long_field_theme(struct tagger *t, const unsigned char *p, size_t n,
    const unsigned char *lo, const unsigned char *hi, long best)
{
	size_t o, ws, we;

	t->mask = xgrow(t->mask, &t->mask_cap, (n + 63) / 64,
	    sizeof(*t->mask));
	for (o = 0; o < n; o += 64)
		t->mask[o / 64] = word_mask64(p + o, n - o < 64 ? n - o : 64,
		    lo, hi);
	for (ws = mask_next(t->mask, 0, n, 1); ws < n && best != 0;
	    ws = mask_next(t->mask, we, n, 1)) {
		we = mask_next(t->mask, ws, n, 0);
		if (may_start(t, p, ws, we))
			best = phrase_theme(t, t->mask, p, n, ws, we, best);
	}
	return best;
}

/*
 * The best (lowest) theme priority of the keywords in one field, or best
 * itself when none is better.  The field's word bytes are found 16 at a
 * time into a bit mask, in which a word starts where a set bit follows a
 * clear one and ends where a clear one follows; only a word that may
 * start a keyword (the starts test) costs a lookup.  rec's raw bytes
 * may be read around the field.
 */
static long
match_field(struct tagger *t, const struct record *rec,
    const struct field *f, long best)
{
	const unsigned char *p = (const unsigned char *)f->ptr;
	const unsigned char *lo = (const unsigned char *)rec->raw;
	const unsigned char *hi = lo + rec->raw_len;
	size_t n = f->len, ws, we, ncand = 0, i;
	uint64_t m, starts, lasts;
	unsigned char cand[32][2];	/* at most 32 words in 64 bytes */

	if (n == 0 || best == 0)
		return best;
	/* Integer comparisons: the field may lie outside the raw bytes. */
	if ((uintptr_t)p < (uintptr_t)lo || (uintptr_t)(p + n) > (uintptr_t)hi) {
		lo = p;
		hi = p + n;
	}
	if (n > 64)
		return long_field_theme(t, p, n, lo, hi, best);
	/*
	 * The k-th first byte of a word pairs with the k-th last byte.  The
	 * words that pass are looked up after the walk, which so stays in
	 * registers.
	 */
	m = word_mask64(p, n, lo, hi);
	starts = m & ~(m << 1);
	lasts = m & ~(m >> 1);
	for (; starts != 0; starts &= starts - 1, lasts &= lasts - 1) {
		ws = lowest_bit(starts);
		we = lowest_bit(lasts) + 1;
		cand[ncand][0] = (unsigned char)ws;
		cand[ncand][1] = (unsigned char)we;
		ncand += may_start(t, p, ws, we);
	}
	for (i = 0; i < ncand && best != 0; i++)
		best = phrase_theme(t, &m, p, n, cand[i][0], cand[i][1], best);
	return best;
}

/* The better (lower) of two theme priorities, -1 being none. */
static long
better(long a, long b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

/*
 * The memo slot of a value of 1 to MEMO_MAX bytes: its first and last 16
 * bytes (8, or all of a shorter value) and its length, multiplied and
 * folded.  Values that differ only in the middle share a slot, which
 * costs only misses.
 */
static size_t
memo_slot_of(const char *p, size_t len)
{
	uint64_t w[4] = { 0, 0, 0, 0 }, h;

	if (len >= 16) {
		memcpy(w, p, 16);
		memcpy(w + 2, p + len - 16, 16);
	} else if (len >= 8) {
		memcpy(w, p, 8);
		memcpy(w + 1, p + len - 8, 8);
	} else
		memcpy(w, p, len);
	h = (w[0] * 0x9e3779b97f4a7c15ULL) ^ (w[1] * 0xc2b2ae3d27d4eb4fULL) ^
	    (w[2] * 0x165667b19e3779f9ULL) ^ (w[3] * 0xff51afd7ed558ccdULL);
	h = ((h ^ h >> 29) + len) * 0x94d049bb133111ebULL;
	return (size_t)(h >> 54) & (MEMO_SLOTS - 1);	/* 1024 slots */
}

/*
 * match_field() through the memo of column m: the value's own best is
 * kept, then combined with best.
 */
static long
field_theme(struct tagger *t, struct memo *m, const struct record *rec,
    const struct field *f, long best)
{
	struct memo_slot *s;
	long own;

	if (f->len == 0 || best == 0)
		return best;
	if (m->off || f->len > MEMO_MAX)
		return match_field(t, rec, f, best);
	if (m->lookups == MEMO_TRIAL && m->hits < MEMO_TRIAL / 4) {
		m->off = 1;
		return match_field(t, rec, f, best);
	}
	m->lookups++;
	s = &m->slot[memo_slot_of(f->ptr, f->len)];
	if (s->used && s->len == f->len &&
	    memcmp(s->value, f->ptr, f->len) == 0) {
		m->hits++;
		return better(best, s->theme);
	}
	own = match_field(t, rec, f, -1);
	s->theme = own;
	s->used = 1;
	s->len = (unsigned char)f->len;
	memcpy(s->value, f->ptr, f->len);
	return better(best, own);
}

static const struct field *
column(const struct tagger *t, const struct record *rec, int which)
{
	static const struct field empty = { "", 0 };

	return t->col[which] >= 0 ? &rec->value[t->col[which]] : &empty;
}

/*
 * The added columns' values, worked out once: ruc11 and rural per class
 * (classes were checked at load, so the letter decides), and the bytes
 * that rec_append() would write after a record for them.
 */
static void
suffixes_init(struct tagger *t)
{
	struct suffixes *x = &t->suffix;
	const char *name;
	size_t i, ntheme = keymap_size(t->themes), len, j, k;
	char rural_from = t->definition == DEF_ONS ? 'D' : 'E';

	for (i = 0; i <= NCLASS; i++) {
		x->ruc[i] = i < NCLASS ? classes[i] : "";
		x->rural[i] = i == NCLASS ? "?" :
		    classes[i][0] >= rural_from ? "Y" : "N";
		x->geo_len[i] = (size_t)snprintf(x->geo[i], sizeof(x->geo[i]),
		    ",%s,%s", x->ruc[i], x->rural[i]);
	}
	x->theme_off = xcalloc(ntheme + 2, sizeof(*x->theme_off));
	for (i = 0, len = 0; i < ntheme; i++) {
		keymap_key(t->themes, i, &k);
		len += 3 + 2 * k;	/* ,"" around every byte doubled */
	}
	x->theme = xmalloc(len + 1);
	for (i = 0, len = 0; i <= ntheme; i++) {
		x->theme_off[i] = len;
		x->theme[len++] = ',';
		if (i == ntheme)
			break;
		name = keymap_key(t->themes, i, &k);
		if (!field_needs_quotes(name, k)) {
			memcpy(x->theme + len, name, k);
			len += k;
			continue;
		}
		x->theme[len++] = '"';
		for (j = 0; j < k; j++) {
			if (name[j] == '"')
				x->theme[len++] = '"';
			x->theme[len++] = name[j];
		}
		x->theme[len++] = '"';
	}
	x->theme_off[ntheme + 1] = len;
}

/*
 * Write rec with its added columns: the raw bytes and the suffixes when
 * the columns go at the end (the usual case), else through
 * rec_write_added(), which rewrites them in place.
 */
static void
write_tagged(struct tagger *t, const struct record *rec, int cls, long theme)
{
	const struct suffixes *x = &t->suffix;
	size_t ti = theme >= 0 ? (size_t)theme : keymap_size(t->themes);
	struct field v[NADD];

	if (t->added.nexisting == 0) {
		out_write(&t->out, rec->raw, rec->raw_len);
		out_write(&t->out, x->geo[cls], x->geo_len[cls]);
		out_write(&t->out, x->theme + x->theme_off[ti],
		    x->theme_off[ti + 1] - x->theme_off[ti]);
		out_end_record(&t->out);
		return;
	}
	v[ADD_RUC11].ptr = x->ruc[cls];
	v[ADD_RUC11].len = strlen(x->ruc[cls]);
	v[ADD_RURAL].ptr = x->rural[cls];
	v[ADD_RURAL].len = 1;
	if (theme >= 0)
		v[ADD_THEME].ptr = keymap_key(t->themes, ti, &v[ADD_THEME].len);
	else {
		v[ADD_THEME].ptr = "";
		v[ADD_THEME].len = 0;
	}
	rec_write_added(&t->out, rec, &t->added, v, NULL, 0);
}

static void
tag_record(void *ctx, struct record *rec)
{
	struct tagger *t = ctx;
	long theme;
	int cls = -1;

	/* The output area when the record has one we know, else the LSOA. */
	if (t->have_oa_table)
		cls = geography_find(t, 1, column(t, rec, IN_OA));
	if (cls < 0)
		cls = geography_find(t, 0, column(t, rec, IN_LSOA));
	if (cls < 0) {
		t->unknown_geography++;
		cls = NCLASS;
	}
	theme = field_theme(t, &t->memo[0], rec, column(t, rec, IN_DESC), -1);
	theme = field_theme(t, &t->memo[1], rec, column(t, rec, IN_MO), theme);
	theme = field_theme(t, &t->memo[2], rec, column(t, rec, IN_MARKERS),
	    theme);
	write_tagged(t, rec, cls, theme);
	rejects_counts.written++;
}

/* The first usable header fixes the columns; the header is written. */
static int
stream_start(void *ctx, struct rec_reader *r, const char *name)
{
	struct tagger *t = ctx;
	const struct record *h = rec_reader_header(r);
	size_t i;

	if (rec_reader_column(r, "lsoa_code") < 0) {
		diag_at(name, 1, "lsoa_code", "no such column in the header");
		return -1;
	}
	for (i = 0; i < NIN; i++)
		t->col[i] = rec_reader_column(r, input_columns[i]);
	added_columns_init(&t->added, h, added_names, NADD);
	added_columns_write_header(&t->out, &t->added, h);
	t->started = 1;
	return 0;
}

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [-r file] [--stats] [--geography file]...\n"
	    "       [--definition ons|rct] [--themes file] [file ...]\n"
	    "Add ruc11, rural (Y, N or ?) and rural_theme to every record of\n"
	    "the stream.  With no file, or '-', read stdin.\n"
	    "  -r, --rejects file     append unusable records to file\n"
	    "      --stats            print 'read N, written N, rejected N,\n"
	    "                         unknown_geography N'\n"
	    "      --geography file   an LSOA or output-area table with ruc11\n"
	    "                         (repeatable; reference/lsoa11.csv)\n"
	    "      --definition name  ons (D, E, F rural; the default) or rct\n"
	    "                         (E, F rural: the Rural Crime Team's)\n"
	    "      --themes file      theme keywords (reference/rural-themes.csv)\n"
	    "  -h, --help             show this help\n"
	    "      --max-record n     reject longer records (bytes; K, M, G;\n"
	    "                         default 64M)\n"
	    "      --version          show the version\n", diag_prog());
	opts_exit(fp, status);
}

/* What the command line asks for. */
struct settings {
	const char	 *rejects_path, *themes_path;
	const char	**geo_paths;
	size_t		  ngeo_paths, geo_paths_cap;
	int		  stats;
};

static void
parse_options(struct settings *set, struct tagger *t, int argc, char *argv[])
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
		case OPT_GEOGRAPHY:
			set->geo_paths = xgrow(set->geo_paths,
			    &set->geo_paths_cap, set->ngeo_paths + 1,
			    sizeof(*set->geo_paths));
			set->geo_paths[set->ngeo_paths++] = optarg;
			break;
		case OPT_DEFINITION:
			if (strcmp(optarg, "ons") == 0)
				t->definition = DEF_ONS;
			else if (strcmp(optarg, "rct") == 0)
				t->definition = DEF_RCT;
			else
				opts_misuse("option '--definition': '%s' is not "
				    "ons or rct", optarg);
			break;
		case OPT_THEMES:
			set->themes_path = optarg;
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

/*
 * The lookup tables.  An output-area table refines the LSOA one, so the
 * default LSOA table stays unless an LSOA table is given.
 */
static void
load_tables(struct tagger *t, struct settings *set)
{
	char *path;
	size_t i;

	for (i = 0; i < set->ngeo_paths; i++)
		geography_add(t, set->geo_paths[i]);
	free(set->geo_paths);
	if (!t->have_lsoa_table) {
		path = reference_path("lsoa11.csv");
		geography_add(t, path);
		free(path);
	}
	if (set->themes_path != NULL)
		themes_load(t, set->themes_path);
	else {
		path = reference_path("rural-themes.csv");
		themes_load(t, path);
		free(path);
	}
	suffixes_init(t);
}

int
main(int argc, char *argv[])
{
	struct tagger t;
	struct settings set = { 0 };
	struct member_reader members = { .start = stream_start,
	    .record = tag_record, .ctx = &t, .header = &t.header };
	const char *const *paths;
	size_t npaths, i;
	int status = EXIT_OK, have_stdin = 0;
	char extra[64];

	diag_init(argv[0]);
	words_init();
	memset(&t, 0, sizeof(t));
	t.cache = xcalloc(CACHE_SLOTS, sizeof(*t.cache));
	for (i = 0; i < 3; i++)
		t.memo[i].slot = xcalloc(MEMO_SLOTS, sizeof(*t.memo[i].slot));
	parse_options(&set, &t, argc, argv);
	paths = opts_inputs(argc, argv, &npaths, &have_stdin);
	load_tables(&t, &set);
	if (set.rejects_path != NULL)
		rejects_open(set.rejects_path);

	out_init_stream(&t.out, STDOUT_FILENO, "<stdout>");
	for (i = 0; i < npaths; i++)
		if (read_members(&members, paths[i]) != 0)
			status = EXIT_DATA;
	out_close(&t.out);
	snprintf(extra, sizeof(extra), "unknown_geography %llu",
	    t.unknown_geography);
	if (rejects_finish(set.stats, extra) != EXIT_OK)
		status = EXIT_DATA;
	tagger_release(&t);
	return status;
}
