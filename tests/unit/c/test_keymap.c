/*
 * common/keymap.c: a script of operations, one a line (key, insert or
 * look up, the index and "added" expected: dense indices in the order
 * first seen), then growth through several rehashes.
 */
#include "unit.h"

#include "../../../common/keymap.h"

static const struct {
	const char	*key;
	size_t		 len;
	int		 insert;
	long		 want;		/* index, -1 absent */
	int		 added;
} ops[] = {
	{ "abc", 3, 0, -1, 0 },		/* empty map */
	{ "abc", 3, 1, 0, 1 },
	{ "abc", 3, 1, 0, 0 },		/* seen: same index */
	{ "ab", 2, 1, 1, 1 },		/* a prefix is another key */
	{ "abcd", 4, 0, -1, 0 },
	{ "abcd", 4, 1, 2, 1 },
	{ "", 0, 1, 3, 1 },		/* the empty key */
	{ "", 0, 0, 3, 0 },
	{ "a\0b", 3, 1, 4, 1 },		/* bytes after a NUL count */
	{ "a\0c", 3, 1, 5, 1 },
	{ "a\0b", 3, 0, 4, 0 },
	{ "ABC", 3, 0, -1, 0 },		/* exact bytes: case matters */
	{ "ab", 2, 0, 1, 0 },
};

#define MANY	20000

/*
 * Keys of 11, 12 and 13 bytes (the last inline length and the first kept
 * in the arena) that differ only in their last byte, with a value each:
 * every key keeps its own value through growth, new values are zero, and
 * a prefetch changes nothing.
 */
static void
values(void)
{
	struct keymap *m = keymap_new();
	char key[16];
	size_t i, len, n = 3 * 3000;
	uint32_t *v;
	long got;
	int bad = 0, zero = 0, added;
	const char *k;

	keymap_set_value_size(m, 2 * sizeof(uint32_t));
	keymap_reserve(m, 100);
	for (i = 0; i < n; i++) {
		len = 11 + i % 3;
		memset(key, 'k', len);
		snprintf(key, sizeof(key), "%05zu", i / 3);
		key[5] = 'k';
		key[len - 1] = (char)('a' + i % 3);
		keymap_prefetch(m, hash_bytes(key, len));
		keymap_prefetch_entry(m, hash_bytes(key, len));
		got = keymap_get(m, key, len, 1, &added);
		v = keymap_value(m, (size_t)got);
		if (got != (long)i || !added)
			bad++;
		if (v[0] != 0 || v[1] != 0)
			zero++;
		v[0] = (uint32_t)i * 7;
		v[1] = (uint32_t)len;
	}
	CHECK(bad == 0 && zero == 0, "%d keys misindexed, %d values not zero",
	    bad, zero);
	for (i = 0, bad = 0; i < n; i++) {
		len = 11 + i % 3;
		memset(key, 'k', len);
		snprintf(key, sizeof(key), "%05zu", i / 3);
		key[5] = 'k';
		key[len - 1] = (char)('a' + i % 3);
		got = keymap_get(m, key, len, 0, NULL);
		v = keymap_value(m, i);
		k = keymap_key(m, i, &len);
		if (got != (long)i || v[0] != (uint32_t)i * 7 ||
		    v[1] != 11 + i % 3 || len != 11 + i % 3 ||
		    memcmp(k, key, len) != 0)
			bad++;
	}
	CHECK(bad == 0, "%d keys or values lost after growth", bad);
	/* A 12-byte key and the same bytes plus one: two keys. */
	CHECK(keymap_get(m, "00000kkkkkka", 12, 0, NULL) == -1 &&
	    keymap_get(m, "00000kkkkka", 11, 0, NULL) == 0 &&
	    keymap_get(m, "00000kkkkkkb", 12, 0, NULL) == 1 &&
	    keymap_get(m, "00000kkkkkkkc", 13, 0, NULL) == 2, "inline and "
	    "arena keys by length");
	keymap_free(m);
}

int
main(void)
{
	static const char shifted[] = "xabc";
	struct keymap *m = keymap_new();
	char buf[32];
	const char *k;
	size_t i, len, small;
	long got;
	int added, bad;

	for (i = 0; i < NELEM(ops); i++) {
		added = -1;
		got = keymap_get(m, ops[i].key, ops[i].len, ops[i].insert,
		    &added);
		CHECK(got == ops[i].want && added == ops[i].added, "op %zu "
		    "(key of %zu bytes, insert %d): %ld added %d, expected %ld "
		    "%d", i, ops[i].len, ops[i].insert, got, added,
		    ops[i].want, ops[i].added);
	}
	CHECK(keymap_size(m) == 6, "size %zu", keymap_size(m));
	k = keymap_key(m, 4, &len);
	CHECK(len == 3 && memcmp(k, "a\0b", 3) == 0, "key 4");
	k = keymap_key(m, 3, &len);
	CHECK(len == 0, "key 3 is empty");
	CHECK(keymap_get(m, "abc", 3, 0, NULL) == 0, "added may be NULL");
	CHECK(hash_bytes("", 0) != hash_bytes("\0", 1) &&
	    hash_bytes("\0", 1) != hash_bytes("\0\0", 2), "zero bytes of "
	    "different lengths hash apart");
	CHECK(hash_bytes("abc", 3) == hash_bytes(&shifted[1], 3),
	    "a hash depends on the bytes, not their address");
	CHECK(keymap_get_hashed(m, hash_bytes("abcd", 4), "abcd", 4, 0,
	    NULL) == 2, "keymap_get_hashed");
	small = keymap_bytes(m);

	/* Many keys: indices stay dense and every key is kept exactly. */
	bad = 0;
	for (i = 0; i < MANY; i++) {
		snprintf(buf, sizeof(buf), "crime-%zu", i);
		got = keymap_get(m, buf, strlen(buf), 1, &added);
		if (got != (long)(6 + i) || !added)
			bad++;
	}
	CHECK(bad == 0, "%d keys not given the next index", bad);
	bad = 0;
	for (i = 0; i < MANY; i++) {
		snprintf(buf, sizeof(buf), "crime-%zu", i);
		k = keymap_key(m, 6 + i, &len);
		if (keymap_get(m, buf, strlen(buf), 0, NULL) != (long)(6 + i) ||
		    len != strlen(buf) || memcmp(k, buf, len) != 0)
			bad++;
	}
	CHECK(bad == 0, "%d keys lost after rehashing", bad);
	CHECK(keymap_size(m) == 6 + MANY, "size %zu", keymap_size(m));
	CHECK(keymap_get(m, "crime-20000", 11, 0, NULL) == -1, "absent key");
	CHECK(keymap_get(m, "ab", 2, 0, NULL) == 1, "early key after growth");
	CHECK(keymap_bytes(m) > small, "bytes grow");
	keymap_free(m);
	keymap_free(NULL);
	values();
	return unit_done("keymap");
}
