#include "idset.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

/*
 * A part's slots: [stored first word][words 2.. as given][index + 1, 32
 * bits; 0: empty].  The occupied slots are in ascending order of the
 * stored first word, each at or after its home slot, with no wrap-around:
 * SPARE slots past the last home take the runs that reach the end, and
 * more are added when one runs out.
 */
enum { NPARTS = 256, SPARE = 16, MAXWORDS = 4 };

struct part {
	unsigned char	*slots;
	size_t		 cap;		/* home slots: 0 .. cap - 1 */
	size_t		 nslots;	/* cap + the spare ones */
	size_t		 n;		/* keys held */
};

struct idset {
	unsigned	 words;
	size_t		 stride;	/* bytes a slot */
	size_t		 n;
	struct part	 part[NPARTS];
};

#define MIX1	0xff51afd7ed558ccdULL
#define MIX2	0xc4ceb9fe1a85ec53ULL

/* A bijection of 64-bit words (MurmurHash3's finaliser). */
static uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= MIX1;
	h ^= h >> 33;
	h *= MIX2;
	h ^= h >> 33;
	return h;
}

/* The multiplicative inverse of an odd c modulo 2^64 (Newton). */
static uint64_t
inverse(uint64_t c)
{
	uint64_t x = c;
	int i;

	for (i = 0; i < 6; i++)
		x *= 2 - c * x;
	return x;
}

/* mix() undone: each step of it is invertible (x ^= x >> 33 is its own). */
static uint64_t
unmix(uint64_t h)
{
	h ^= h >> 33;
	h *= inverse(MIX2);
	h ^= h >> 33;
	h *= inverse(MIX1);
	h ^= h >> 33;
	return h;
}

/* What the words after the first add to its hash (0 for one word). */
static uint64_t
rest_hash(const struct idset *s, const uint64_t *key)
{
	uint64_t r = 0;
	unsigned i;

	for (i = 1; i < s->words; i++)
		r = mix(r ^ key[i]) + 0x9e3779b97f4a7c15ULL;
	return r;
}

uint64_t
idset_hash(const struct idset *s, const uint64_t *key)
{
	return mix(key[0] ^ rest_hash(s, key));
}

/*
 * The home slot of stored word h in a part of cap home slots: bits 24-55
 * (those below the part's byte) scaled to cap, so the order of the words
 * in a part is the order of their homes.
 */
static size_t
home(uint64_t h, size_t cap)
{
	return (size_t)(((h >> 24) & 0xffffffffULL) * (uint64_t)cap >> 32);
}

static uint64_t
slot_word(const unsigned char *sl)
{
	uint64_t v;

	memcpy(&v, sl, sizeof(v));
	return v;
}

/* The index + 1 at the end of a slot of stride bytes; 0: empty. */
static uint32_t
slot_index(const unsigned char *sl, size_t stride)
{
	uint32_t v;

	memcpy(&v, sl + stride - 4, sizeof(v));
	return v;
}

struct idset *
idset_new(unsigned words, size_t expect)
{
	struct idset *s;
	size_t i, cap = expect / NPARTS + expect / NPARTS / 4;

	if (words < 1 || words > MAXWORDS)
		BUG("an idset key of 1 to 4 words");
	s = xcalloc(1, sizeof(*s));
	s->words = words;
	s->stride = 8 * (size_t)words + 4;
	for (i = 0; cap > 0 && i < NPARTS; i++) {
		s->part[i].cap = cap;
		s->part[i].nslots = cap + SPARE;
		s->part[i].slots = xcalloc(cap + SPARE, s->stride);
	}
	return s;
}

void
idset_prefetch(const struct idset *s, uint64_t h)
{
	const struct part *p = &s->part[h >> 56];

	if (p->slots != NULL)
		__builtin_prefetch(p->slots + home(h, p->cap) * s->stride);
}

/* Add SPARE empty slots at the end of a part (its homes stay). */
static void
extend(const struct idset *s, struct part *p)
{
	p->slots = xrealloc(p->slots, (p->nslots + SPARE) * s->stride);
	memset(p->slots + p->nslots * s->stride, 0, SPARE * s->stride);
	p->nslots += SPARE;
}

/*
 * Copy a part front to back into one with a quarter more home slots: the
 * slots are read in order, and each key goes to its new home or just
 * after the key before it, so the order (and the lookups) stay right.
 * stride is s->stride, a constant where it is inlined.
 */
static inline void
grow_with(const struct idset *s, struct part *p, const size_t stride)
{
	struct part np;
	const unsigned char *sl, *end;
	size_t pos, next = 0;

	np.cap = p->cap < 8 ? 8 : p->cap + p->cap / 4;
	np.nslots = np.cap + SPARE;
	np.n = p->n;
	np.slots = xcalloc(np.nslots, stride);
	/* A part's first growth has no slots: no arithmetic on NULL. */
	end = p->slots == NULL ? NULL : p->slots + p->nslots * stride;
	for (sl = p->slots; sl != end; sl += stride) {
		if (slot_index(sl, stride) == 0)
			continue;
		pos = home(slot_word(sl), np.cap);
		if (pos < next)
			pos = next;
		while (pos >= np.nslots)
			extend(s, &np);
		memcpy(np.slots + pos * stride, sl, stride);
		next = pos + 1;
	}
	free(p->slots);
	*p = np;
}

static void
grow(const struct idset *s, struct part *p)
{
	if (s->stride == 12)
		grow_with(s, p, 12);
	else
		grow_with(s, p, s->stride);
}

long
idset_get(struct idset *s, const uint64_t *key, int insert, int *added)
{
	return idset_get_hashed(s, idset_hash(s, key), key, insert, added);
}

/* idset_get_hashed() with stride = s->stride, a constant where inlined. */
static inline long
get_with(struct idset *s, uint64_t h, const uint64_t *key, int insert,
    int *added, const size_t stride)
{
	struct part *p = &s->part[h >> 56];
	size_t rest = stride - 12, i, e;
	unsigned char *sl;
	uint64_t v;
	uint32_t x;

	if (added != NULL)
		*added = 0;
	if (p->slots == NULL) {
		if (!insert)
			return -1;
		grow(s, p);
	}
	for (i = home(h, p->cap); i < p->nslots; i++) {
		sl = p->slots + i * stride;
		if ((x = slot_index(sl, stride)) == 0 || (v = slot_word(sl)) > h)
			break;
		if (v == h && (rest == 0 || memcmp(sl + 8, key + 1, rest) == 0))
			return (long)x - 1;
	}
	if (!insert)
		return -1;
	if (s->n >= UINT32_MAX - 1)
		diag_die(EXIT_DATA, "too many keys");
	/* Make room at slot i: the keys up to the next empty slot move up. */
	for (e = i; e < p->nslots && slot_index(p->slots + e * stride, stride);
	    e++)
		;
	if (e == p->nslots)
		extend(s, p);
	sl = p->slots + i * stride;
	memmove(sl + stride, sl, (e - i) * stride);
	memcpy(sl, &h, 8);
	if (rest > 0)
		memcpy(sl + 8, key + 1, rest);
	x = (uint32_t)++s->n;
	memcpy(sl + stride - 4, &x, 4);
	if (added != NULL)
		*added = 1;
	/* At most 7/8 full: the runs stay short. */
	if (++p->n * 8 > p->cap * 7)
		grow(s, p);
	return (long)x - 1;
}

long
idset_get_hashed(struct idset *s, uint64_t h, const uint64_t *key,
    int insert, int *added)
{
	if (s->stride == 12)
		return get_with(s, h, key, insert, added, 12);
	return get_with(s, h, key, insert, added, s->stride);
}

size_t
idset_size(const struct idset *s)
{
	return s->n;
}

int
idset_next(const struct idset *s, size_t *pos, uint64_t *key, size_t *index)
{
	size_t part = *pos & 511, i = *pos >> 9;
	const unsigned char *sl;
	uint32_t x;

	for (; part < NPARTS; part++, i = 0)
		for (; i < s->part[part].nslots; i++) {
			sl = s->part[part].slots + i * s->stride;
			if ((x = slot_index(sl, s->stride)) == 0)
				continue;
			if (s->words > 1)
				memcpy(key + 1, sl + 8, 8 * (size_t)(s->words - 1));
			key[0] = unmix(slot_word(sl)) ^ rest_hash(s, key);
			*index = (size_t)x - 1;
			*pos = (i + 1) << 9 | part;
			return 1;
		}
	*pos = NPARTS;
	return 0;
}

size_t
idset_bytes(const struct idset *s)
{
	size_t i, b = sizeof(*s);

	for (i = 0; i < NPARTS; i++)
		b += s->part[i].nslots * s->stride;
	return b;
}

void
idset_free(struct idset *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < NPARTS; i++)
		free(s->part[i].slots);
	free(s);
}

/* The 4-bit codes of idset_pack(): 0 is no character. */
static const unsigned char nibble[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6,
	['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10, ['/'] = 11, ['-'] = 12,
	['.'] = 13, [' '] = 14, ['_'] = 15
};

#define TAG_NIBBLES	((uint64_t)0x8 << 60)
#define TAG_GENERIC	((uint64_t)0xc << 60)

int
idset_pack(const char *p, size_t len, uint64_t *key)
{
	const unsigned char *b = (const unsigned char *)p;
	uint64_t k = 0;
	size_t i;

	if (len <= 8) {
		for (i = 0; i < len; i++) {
			if (b[i] == 0 || b[i] > 0x7f)
				return 0;
			k |= (uint64_t)b[i] << (8 * i);
		}
		*key = k;
		return 1;
	}
	if (len > 15)
		return 0;
	for (i = 0; i < len; i++) {
		if (nibble[b[i]] == 0)
			return 0;
		k |= (uint64_t)nibble[b[i]] << (4 * i);
	}
	*key = k | TAG_NIBBLES;
	return 1;
}

uint64_t
idset_generic_key(size_t i)
{
	if ((uint64_t)i >= ((uint64_t)1 << 60))
		diag_die(EXIT_DATA, "too many keys");
	return TAG_GENERIC | (uint64_t)i;
}
