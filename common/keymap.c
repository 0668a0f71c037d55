#include "keymap.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

/*
 * An entry: the key's length, then its bytes when they fit in KEY_INLINE
 * (most keys: a lookup then touches the slot and the entry, no arena),
 * else their offset in the arena; then the caller's value bytes
 * (keymap_set_value_size).  Entries are es bytes apart.
 */
#define KEY_INLINE	12
#define ENTRY_HEAD	16

/*
 * A slot holds the entry's index + 1 (0: empty) in its low half and the
 * key hash's low 32 bits in its high half: a probe that meets another key
 * is settled without touching the entry, and growing the table needs only
 * the slots (read in order, written near their old place: no cache miss
 * per key).
 */
struct keymap {
	uint64_t	*slots;
	size_t		 nslots;	/* a power of two */
	unsigned char	*entries;
	size_t		 es;		/* bytes an entry */
	size_t		 vsize;		/* value bytes an entry */
	size_t		 n, cap;	/* entries used, allocated */
	char		*arena;
	size_t		 alen, acap;
};

static uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t
hash_bytes(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

	while (len >= 8) {
		memcpy(&w, s, 8);
		h = mix(h ^ w) + 0x632be59bd9b4e019ULL;
		s += 8;
		len -= 8;
	}
	w = 0;
	memcpy(&w, s, len);
	return mix(h ^ w ^ ((uint64_t)len << 56));
}

struct keymap *
keymap_new(void)
{
	struct keymap *m = xcalloc(1, sizeof(*m));

	m->nslots = 1024;
	m->slots = xcalloc(m->nslots, sizeof(uint64_t));
	m->es = ENTRY_HEAD;
	return m;
}

void
keymap_set_value_size(struct keymap *m, size_t size)
{
	if (m->n > 0)
		BUG("keymap_set_value_size() after an insertion");
	m->vsize = size;
	m->es = ENTRY_HEAD + (size + 7) / 8 * 8;
}

void
keymap_reserve(struct keymap *m, size_t n)
{
	uint64_t *old = m->slots;
	size_t oldn = m->nslots;

	if (m->n > 0)
		BUG("keymap_reserve() after an insertion");
	while (m->nslots < n * 2)
		m->nslots *= 2;
	if (m->nslots != oldn) {
		free(old);
		m->slots = xcalloc(m->nslots, sizeof(uint64_t));
	}
	m->entries = xgrow(m->entries, &m->cap, n, m->es);
}

/*
 * Twice the slots.  The old slots are read in order and each lands at
 * its hash's place in the new table, which is its old place or that plus
 * the old size: the writes move forward through two regions, so growing
 * costs no cache miss per key (the entries are not read).  Any insertion
 * order gives a valid table: there are no deletions.
 */
static void
rehash(struct keymap *m)
{
	uint64_t *old = m->slots, v;
	size_t i, mask, s, oldn = m->nslots;

	m->nslots *= 2;
	m->slots = xcalloc(m->nslots, sizeof(uint64_t));
	mask = m->nslots - 1;
	for (i = 0; i < oldn; i++) {
		if ((v = old[i]) == 0)
			continue;
		s = (uint32_t)(v >> 32) & mask;
		while (m->slots[s] != 0)
			s = (s + 1) & mask;
		m->slots[s] = v;
	}
	free(old);
}

static unsigned char *
entry_at(const struct keymap *m, size_t i)
{
	return m->entries + i * m->es;
}

/* The bytes of the key of entry e, and their length. */
static const char *
entry_key(const struct keymap *m, const unsigned char *e, size_t *len)
{
	uint32_t l;
	uint64_t off;

	memcpy(&l, e, 4);
	*len = l;
	if (l <= KEY_INLINE)
		return (const char *)e + 4;
	memcpy(&off, e + 8, 8);
	return m->arena + off;
}

static int
entry_is(const struct keymap *m, const unsigned char *e, const void *key,
    size_t len)
{
	uint32_t l;
	uint64_t off;

	memcpy(&l, e, 4);
	if (l != len)
		return 0;
	if (len <= KEY_INLINE)
		return memcmp(e + 4, key, len) == 0;
	memcpy(&off, e + 8, 8);
	return memcmp(m->arena + off, key, len) == 0;
}

/* A new entry for key at index m->n: its bytes, a zero value. */
static void
entry_add(struct keymap *m, const void *key, size_t len)
{
	unsigned char *e;
	uint32_t l = (uint32_t)len;
	uint64_t off;

	m->entries = xgrow(m->entries, &m->cap, m->n + 1, m->es);
	e = entry_at(m, m->n);
	memset(e, 0, m->es);
	memcpy(e, &l, 4);
	if (len <= KEY_INLINE) {
		memcpy(e + 4, key, len);
		return;
	}
	m->arena = xgrow(m->arena, &m->acap, m->alen + len + 1, 1);
	memcpy(m->arena + m->alen, key, len);
	off = m->alen;
	memcpy(e + 8, &off, 8);
	m->alen += len;
}

long
keymap_get(struct keymap *m, const void *key, size_t len, int insert,
    int *added)
{
	return keymap_get_hashed(m, hash_bytes(key, len), key, len, insert,
	    added);
}

long
keymap_get_hashed(struct keymap *m, uint64_t hash, const void *key,
    size_t len, int insert, int *added)
{
	uint32_t h = (uint32_t)hash;
	size_t mask = m->nslots - 1, s = h & mask;
	uint64_t slot;

	if (added != NULL)
		*added = 0;
	while ((slot = m->slots[s]) != 0) {
		if ((uint32_t)(slot >> 32) == h &&
		    entry_is(m, entry_at(m, (uint32_t)slot - 1), key, len))
			return (long)((uint32_t)slot - 1);
		s = (s + 1) & mask;
	}
	if (!insert)
		return -1;
	if (m->n >= UINT32_MAX - 1 || len > UINT32_MAX)
		diag_die(EXIT_DATA, "too many keys");
	entry_add(m, key, len);
	m->slots[s] = (uint64_t)h << 32 | ++m->n;
	if (added != NULL)
		*added = 1;
	if (m->n * 2 > m->nslots)
		rehash(m);
	return (long)(m->n - 1);
}

void
keymap_prefetch(const struct keymap *m, uint64_t hash)
{
	__builtin_prefetch(&m->slots[(uint32_t)hash & (m->nslots - 1)]);
}

void
keymap_prefetch_entry(const struct keymap *m, uint64_t hash)
{
	uint32_t h = (uint32_t)hash;
	size_t mask = m->nslots - 1, s = h & mask;
	uint64_t slot;

	for (; (slot = m->slots[s]) != 0; s = (s + 1) & mask)
		if ((uint32_t)(slot >> 32) == h) {
			__builtin_prefetch(entry_at(m, (uint32_t)slot - 1));
			return;
		}
}

void *
keymap_value(struct keymap *m, size_t i)
{
	return entry_at(m, i) + ENTRY_HEAD;
}

size_t
keymap_size(const struct keymap *m)
{
	return m->n;
}

const char *
keymap_key(const struct keymap *m, size_t i, size_t *len)
{
	return entry_key(m, entry_at(m, i), len);
}

size_t
keymap_bytes(const struct keymap *m)
{
	return m->nslots * sizeof(uint64_t) + m->cap * m->es + m->acap;
}

void
keymap_free(struct keymap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m->entries);
	free(m->arena);
	free(m);
}
