#ifndef CRIMEPIPE_KEYMAP_H
#define CRIMEPIPE_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * A set of byte-string keys, each given a dense index 0, 1, 2, ... in the
 * order first seen, so callers keep their per-key data in plain arrays.
 * Keys are stored exactly (never only as hashes), so two different crime
 * references can never be taken for one.  Open addressing, load <= 1/2.
 * Memory per key: 16 to 32 bytes of slots (load 1/4 to 1/2), a 16-byte
 * entry holding keys of up to 12 bytes, the bytes of longer keys, and the
 * value bytes if any (keymap_set_value_size), rounded up to 8.
 * Iteration order is insertion order, never hash order.
 */
struct keymap;

struct keymap	*keymap_new(void);
/*
 * Before the first insertion: give every key size bytes of the caller's
 * data (zero when the key is added), kept in the key's entry so that a
 * lookup and its data cost one cache miss, not two (keymap_value).
 */
void		 keymap_set_value_size(struct keymap *m, size_t size);
/* Before the first insertion: room for n keys without growing. */
void		 keymap_reserve(struct keymap *m, size_t n);
/* Key i's value bytes: valid until the next insertion. */
void		*keymap_value(struct keymap *m, size_t i);
/*
 * The index of key; when absent and insert is set, the key is added and
 * *added set to 1.  Returns -1 when absent and not inserted.
 */
long		 keymap_get(struct keymap *m, const void *key, size_t len,
		    int insert, int *added);
/*
 * Start loading the slot where key would be, so that a keymap_get() of
 * the same key a little later finds it in cache: a caller with other
 * per-record work to do between the two hides most of a cache miss.
 */
void		 keymap_prefetch(const struct keymap *m, uint64_t hash);
/*
 * The second step of a batch: the slot of hash already in cache (an
 * earlier keymap_prefetch()), start loading the entry (and its value) of
 * the first key there with that hash, so that keymap_get_hashed() a
 * little later finds both in cache.
 */
void		 keymap_prefetch_entry(const struct keymap *m, uint64_t hash);
/* keymap_get() with the key's hash_bytes() already computed. */
long		 keymap_get_hashed(struct keymap *m, uint64_t hash,
		    const void *key, size_t len, int insert, int *added);
size_t		 keymap_size(const struct keymap *m);
/*
 * The key at index i and its length: the bytes belong to the keymap and
 * stay valid until the next insertion (the arena may move) or
 * keymap_free(); they are not NUL-terminated.
 */
const char	*keymap_key(const struct keymap *m, size_t i, size_t *len);
/* Bytes held, for the benchmarks' memory figures. */
size_t		 keymap_bytes(const struct keymap *m);
void		 keymap_free(struct keymap *m);

/* A 64-bit hash of bytes (also used for fingerprints of fields). */
uint64_t	 hash_bytes(const void *p, size_t len);

#endif
