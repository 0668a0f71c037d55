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
	return unit_done("keymap");
}
