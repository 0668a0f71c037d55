#ifndef CRIMEPIPE_IDSET_H
#define CRIMEPIPE_IDSET_H

#include <stddef.h>
#include <stdint.h>

/*
 * A compact exact set of fixed-width keys of 1 to 4 64-bit words, each
 * given a dense index 0, 1, 2, ... in the order first seen, so callers
 * keep their per-key data in plain arrays (as with keymap.h, which holds
 * keys of any length).  Built for the sets that grow with the input:
 * today the crimes of ingest-crime (filters/ingest-crime/records.c).
 *
 * What ingest-crime keeps a crime, and why that is exact: the key is the
 * crime id itself, in a form chosen by the id's bytes alone (every row of
 * a crime looks in the same table): 64 lower-case hex digits (police.uk)
 * as their 32 bytes of value, a 4-word key; an id idset_pack() takes as
 * its packed word; any other id as its number in an exact map of its
 * bytes (keymap.h), through idset_generic_key().  Each of these is
 * one-to-one and the packed and generic words never meet (see
 * idset_pack()), so two different ids never give one key, and the set
 * below never takes two keys for one.  One set a force and form.  Beside
 * the slot, records.c keeps 14 bytes a crime for the later-row checks of
 * DEFINITIONS.md 1.3 (first row, recorded day, offence row, district
 * number, first victim code: each exact, none a hash), so a force-extract
 * crime costs 28 to 31 bytes, a police.uk crime 55 to 65.
 *
 * Exact: a slot holds the key itself, never only a hash of it.  Its first
 * word is stored mixed by a bijection (so it also serves as the hash: two
 * keys with equal stored words are equal keys), the others as given, so
 * two different keys can never be taken for one.
 *
 * Compact: a slot is the key and a 32-bit index (12 bytes for a one-word
 * key), and the slots are kept between 70% and 87.5% full, so a one-word
 * key costs 14 to 17 bytes.
 *
 * Growth without a cache-miss storm: the keys are spread over 256 parts
 * by the top byte of their mixed first word; inside a part the slots are
 * kept in the order of that word (ordered linear probing: a key's first
 * slot is a monotone function of the word, and nothing wraps around), so
 * a part that fills up is copied front to back into one a quarter larger:
 * sequential reads and writes of a few hundred KiB at a time, never a
 * rehash that scatters every key over a new table.
 *
 * Iteration (idset_next) is in slot order: it depends on the keys, not on
 * the insertion order; use it only for order-free work such as sums.
 */
struct idset;

/*
 * A set of keys of words 64-bit words (1 to 4), sized for about expect
 * keys (0: small; it grows as needed either way).
 */
struct idset	*idset_new(unsigned words, size_t expect);
/* The key's stored first word, for idset_prefetch and idset_get_hashed. */
uint64_t	 idset_hash(const struct idset *s, const uint64_t *key);
/*
 * Start loading the slot where the key of hash h would be, so that an
 * idset_get_hashed() of it a little later finds it in cache.
 */
void		 idset_prefetch(const struct idset *s, uint64_t h);
/*
 * The index of key; when absent and insert is set, the key is added and
 * *added (if not NULL) set to 1.  Returns -1 when absent and not
 * inserted.  Dies with "too many keys" past 2^32 - 2 keys.
 */
long		 idset_get(struct idset *s, const uint64_t *key, int insert,
		    int *added);
/* idset_get() with h = idset_hash(s, key) already computed. */
long		 idset_get_hashed(struct idset *s, uint64_t h,
		    const uint64_t *key, int insert, int *added);
size_t		 idset_size(const struct idset *s);
/*
 * The next key after position *pos (start with *pos = 0): its words in
 * key[], its index in *index; 0 when there is none left.  Slot order (see
 * above).  The set must not change during the walk.
 */
int		 idset_next(const struct idset *s, size_t *pos, uint64_t *key,
		    size_t *index);
/* Bytes held, for --stats and the benchmarks. */
size_t		 idset_bytes(const struct idset *s);
void		 idset_free(struct idset *s);

/*
 * Exact packings of a short id into one key word, so that the common ids
 * need no key bytes elsewhere.  idset_pack() returns 1 and the word when
 * p[0..len) has one of these shapes, else 0:
 *   - 0 to 8 bytes, each 0x01-0x7f (ASCII without NUL): the bytes
 *     themselves, zero-padded (victim ids like V8272976; the empty id);
 *   - 9 to 15 characters of 0-9 / - . space: 4 bits each, after a tag
 *     (force crime references like 23/123456/19).
 * The two shapes cannot give the same word (the tag's top bit is set,
 * never an ASCII byte's), and each is one-to-one, so two different ids
 * never share a word.  An id of no such shape takes the generic path:
 * the caller numbers it in an exact map of byte strings (keymap.h) and
 * uses idset_generic_key() of that number, which no packed id equals.
 */
int		 idset_pack(const char *p, size_t len, uint64_t *key);
uint64_t	 idset_generic_key(size_t i);

#endif
