#include "keymap.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

struct entry {
	uint32_t	hash;		/* the key's hash, for rehashing */
	uint32_t	len;
	uint64_t	off;		/* key bytes in the arena */
};

/*
 * A slot holds the entry's index + 1 (0: empty) in its low half and the
 * key hash's top bits in its high half, so a probe that meets another key
 * is settled without touching the entry or the key (one cache miss per
 * lookup of a new key, which is most of them when counting crimes).
 */
struct keymap {
	uint64_t	*slots;
	size_t		 nslots;	/* a power of two */
	struct entry	*entries;
	size_t		 n, cap;
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
	return m;
}

static void
rehash(struct keymap *m)
{
	size_t i, mask, s;

	free(m->slots);
	m->nslots *= 2;
	m->slots = xcalloc(m->nslots, sizeof(uint64_t));
	mask = m->nslots - 1;
	for (i = 0; i < m->n; i++) {
		s = m->entries[i].hash & mask;
		while (m->slots[s] != 0)
			s = (s + 1) & mask;
		m->slots[s] = (uint64_t)m->entries[i].hash << 32 | (i + 1);
	}
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
	struct entry *e;

	if (added != NULL)
		*added = 0;
	while ((slot = m->slots[s]) != 0) {
		if ((uint32_t)(slot >> 32) == h) {
			e = &m->entries[(uint32_t)slot - 1];
			if (e->len == len &&
			    memcmp(m->arena + e->off, key, len) == 0)
				return (long)((uint32_t)slot - 1);
		}
		s = (s + 1) & mask;
	}
	if (!insert)
		return -1;
	if (m->n >= UINT32_MAX - 1 || len > UINT32_MAX)
		diag_die(EXIT_DATA, "too many keys");
	m->entries = xgrow(m->entries, &m->cap, m->n + 1, sizeof(*e));
	m->arena = xgrow(m->arena, &m->acap, m->alen + len + 1, 1);
	memcpy(m->arena + m->alen, key, len);
	e = &m->entries[m->n];
	e->hash = h;
	e->len = (uint32_t)len;
	e->off = m->alen;
	m->alen += len;
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

size_t
keymap_size(const struct keymap *m)
{
	return m->n;
}

const char *
keymap_key(const struct keymap *m, size_t i, size_t *len)
{
	*len = m->entries[i].len;
	return m->arena + m->entries[i].off;
}

size_t
keymap_bytes(const struct keymap *m)
{
	return m->nslots * sizeof(uint64_t) + m->cap * sizeof(struct entry) +
	    m->acap;
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
