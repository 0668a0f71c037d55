/*
 * common/idset.c: a script of operations (dense indices in the order
 * first seen), growth of every part through many copies with every key
 * found again and walked once, keys of several words that differ only in
 * a later word or share the stored first word, and the packings of ids
 * (each one-to-one: it is undone here, and no two ids share a word).
 */
#include "unit.h"

#include <stdint.h>

#include "../../../common/idset.h"

static const struct {
	uint64_t	 key;
	int		 insert;
	long		 want;		/* index, -1 absent */
	int		 added;
} ops[] = {
	{ 5, 0, -1, 0 },		/* empty set */
	{ 5, 1, 0, 1 },
	{ 5, 1, 0, 0 },			/* seen: same index */
	{ 0, 1, 1, 1 },			/* the zero key is a key */
	{ 0, 0, 1, 0 },
	{ UINT64_MAX, 1, 2, 1 },
	{ 4, 0, -1, 0 },
	{ 5, 0, 0, 0 },
};

#define MANY	300000

/* The set's mixer (MurmurHash3's fmix64) and its inverse, to make ties. */
static uint64_t
fmix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t
inv(uint64_t c)
{
	uint64_t x = c;
	int i;

	for (i = 0; i < 6; i++)
		x *= 2 - c * x;
	return x;
}

static uint64_t
unfmix(uint64_t h)
{
	h ^= h >> 33;
	h *= inv(0xc4ceb9fe1a85ec53ULL);
	h ^= h >> 33;
	h *= inv(0xff51afd7ed558ccdULL);
	h ^= h >> 33;
	return h;
}

/* A key that looks like a packed crime reference: close neighbours. */
static uint64_t
nth_key(size_t i)
{
	return 0x8000000000000000ULL | ((uint64_t)i * 16 + 3);
}

static void
many_keys(size_t expect)
{
	struct idset *s = idset_new(1, expect);
	uint64_t k, seen_sum = 0, want_sum = 0;
	size_t i, pos = 0, idx, walked = 0, bytes;
	int added, bad = 0;

	for (i = 0; i < MANY; i++) {
		k = nth_key(i);
		if (i % 7 == 0)
			idset_prefetch(s, idset_hash(s, &k));
		if (idset_get(s, &k, 1, &added) != (long)i || !added)
			bad++;
		want_sum += i;
	}
	CHECK(bad == 0, "expect %zu: %d keys not given the next index",
	    expect, bad);
	for (bad = 0, i = 0; i < MANY; i++) {
		k = nth_key(i);
		if (idset_get_hashed(s, idset_hash(s, &k), &k, 0, NULL) !=
		    (long)i)
			bad++;
		k += 1;		/* a neighbour never inserted */
		if (idset_get(s, &k, 0, NULL) != -1)
			bad++;
	}
	CHECK(bad == 0, "expect %zu: %d keys lost or found wrongly after "
	    "growth", expect, bad);
	CHECK(idset_size(s) == MANY, "size %zu", idset_size(s));
	for (bad = 0; idset_next(s, &pos, &k, &idx); walked++) {
		if (idx >= MANY || k != nth_key(idx))
			bad++;
		seen_sum += idx;
	}
	CHECK(bad == 0 && walked == MANY && seen_sum == want_sum, "expect "
	    "%zu: the walk gave %zu keys, %d wrong", expect, walked, bad);
	CHECK(idset_next(s, &pos, &k, &idx) == 0, "the walk stays ended");
	/* 12-byte slots, 70% to 87.5% full (a little more for small parts). */
	bytes = idset_bytes(s);
	CHECK(bytes >= (size_t)MANY * 12 * 8 / 7 &&
	    bytes <= (size_t)MANY * 12 * 100 / 65, "expect %zu: %zu bytes for "
	    "%d keys (%.1f a key)", expect, bytes, MANY, (double)bytes / MANY);
	idset_free(s);
}

static void
wide_keys(unsigned words)
{
	struct idset *s = idset_new(words, 0);
	uint64_t a[4] = { 1, 2, 3, 4 }, b[4], c[4], zero[4] = { 0 }, r1, r2;
	uint64_t got[4];
	size_t i, pos = 0, idx, n = 0;
	int added;

	memcpy(b, a, sizeof(a));
	b[words - 1] ^= 1;		/* differs in the last word only */
	CHECK(idset_get(s, a, 1, &added) == 0 && added, "words %u: a", words);
	CHECK(idset_get(s, b, 1, &added) == 1 && added, "words %u: b", words);
	CHECK(idset_get(s, a, 0, NULL) == 0 && idset_get(s, b, 0, NULL) == 1,
	    "words %u: a and b apart", words);
	/*
	 * c shares a's stored first word: its later words differ, its first
	 * word makes up for them (keys of one word cannot tie: the stored
	 * word is a bijection of the key).
	 */
	memcpy(c, a, sizeof(a));
	if (words > 1) {
		c[1] ^= 0x100;
		memcpy(zero + 1, a + 1, 8 * (words - 1));
		r1 = unfmix(idset_hash(s, zero));
		memcpy(zero + 1, c + 1, 8 * (words - 1));
		r2 = unfmix(idset_hash(s, zero));
		c[0] = a[0] ^ r1 ^ r2;
		CHECK(idset_hash(s, c) == idset_hash(s, a), "words %u: a tie "
		    "made", words);
		CHECK(idset_get(s, c, 0, NULL) == -1, "words %u: c is not a",
		    words);
		CHECK(idset_get(s, c, 1, &added) == 2 && added, "words %u: c",
		    words);
		CHECK(idset_get(s, a, 0, NULL) == 0 &&
		    idset_get(s, c, 0, NULL) == 2, "words %u: a and c apart",
		    words);
	}
	for (i = 0; i < 1000; i++) {
		a[words - 1] = 1000 + i;
		idset_get(s, a, 1, NULL);
	}
	while (idset_next(s, &pos, got, &idx)) {
		if (idx == 2 && words > 1)
			CHECK(memcmp(got, c, 8 * words) == 0, "words %u: the "
			    "walk gives c back", words);
		n++;
	}
	CHECK(n == idset_size(s) && n == (words > 1 ? 1003u : 1002u),
	    "words %u: walked %zu of %zu", words, n, idset_size(s));
	idset_free(s);
}

/* Undo idset_pack(): the id of a packed word. */
static size_t
unpack(uint64_t k, char *out)
{
	static const char codes[] = "?0123456789/-. _";
	size_t n = 0;

	if (k >> 63 == 0) {
		while (n < 8 && ((k >> (8 * n)) & 0xff) != 0) {
			out[n] = (char)((k >> (8 * n)) & 0xff);
			n++;
		}
		return n;
	}
	while (n < 15 && ((k >> (4 * n)) & 0xf) != 0) {
		out[n] = codes[(k >> (4 * n)) & 0xf];
		n++;
	}
	return n;
}

static const struct {
	const char	*id;
	size_t		 len;
	int		 packs;
} pack_cases[] = {
	{ "", 0, 1 },
	{ "V8272976", 8, 1 },
	{ "V827297", 7, 1 },
	{ "v8272976", 8, 1 },
	{ "22/000001/16", 12, 1 },
	{ "22/000001/160", 13, 1 },
	{ "22/000001/1600", 14, 1 },
	{ "22/000001/16000", 15, 1 },
	{ "22/000001/160000", 16, 0 },	/* too long */
	{ "22/000001/1A", 12, 0 },	/* a letter in a long id */
	{ "23 123.456_7-8", 14, 1 },
	{ "000000000", 9, 1 },
	{ "00000000", 8, 1 },
	{ "0000000", 7, 1 },
	{ "a\0b", 3, 0 },		/* a NUL byte */
	{ "\xc3\xa9t\xc3\xa9", 5, 0 },	/* UTF-8 */
	/* A top byte past 0x7f would look like the tags of the others. */
	{ "\x01\x01\x01\x01\x01\x01\x01\xc0", 8, 0 },
	{ "1234567\x80", 8, 0 },
	{ "~", 1, 1 },
	{ "\x7f", 1, 1 },
	{ "22/000001/16,", 13, 0 },
};

static void
packing(void)
{
	uint64_t k[NELEM(pack_cases)], g;
	char buf[16];
	size_t i, j, n;
	int packs;

	for (i = 0; i < NELEM(pack_cases); i++) {
		k[i] = 0;
		packs = idset_pack(pack_cases[i].id, pack_cases[i].len, &k[i]);
		CHECK(packs == pack_cases[i].packs, "pack case %zu: %d", i,
		    packs);
		if (!packs)
			continue;
		n = unpack(k[i], buf);
		CHECK(n == pack_cases[i].len &&
		    memcmp(buf, pack_cases[i].id, n) == 0, "pack case %zu "
		    "does not unpack", i);
		for (j = 0; j < i; j++)
			CHECK(!pack_cases[j].packs || k[j] != k[i], "pack cases "
			    "%zu and %zu share a word", j, i);
		for (j = 0; j < 1000; j++) {
			g = idset_generic_key(j * 977);
			CHECK(g != k[i], "pack case %zu equals generic key %zu",
			    i, j * 977);
		}
	}
	CHECK(idset_generic_key(1) != idset_generic_key(2), "generic keys");
	CHECK(unfmix(fmix(0x123456789abcdefULL)) == 0x123456789abcdefULL,
	    "the test's own mixer inverts");
}

int
main(void)
{
	struct idset *s = idset_new(1, 0);
	size_t i;
	long got;
	int added;

	for (i = 0; i < NELEM(ops); i++) {
		added = -1;
		got = idset_get(s, &ops[i].key, ops[i].insert, &added);
		CHECK(got == ops[i].want && added == ops[i].added, "op %zu "
		    "(insert %d): %ld added %d, expected %ld %d", i,
		    ops[i].insert, got, added, ops[i].want, ops[i].added);
	}
	CHECK(idset_get(s, &ops[0].key, 0, NULL) == 0, "added may be NULL");
	idset_free(s);
	idset_free(NULL);
	many_keys(0);
	many_keys(MANY);
	many_keys(MANY / 10);
	wide_keys(1);
	wide_keys(2);
	wide_keys(4);
	packing();
	return unit_done("idset");
}
