#include "digest.h"

#include <string.h>

/* XXH64's primes and steps (Yann Collet's published specification). */
#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* Little-endian loads, whatever the host's byte order. */
static uint64_t
load64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);	/* one load where the host is little-endian */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

static uint32_t
load32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return v;
}

static uint64_t
round64(uint64_t acc, uint64_t lane)
{
	return rotl(acc + lane * P2, 31) * P1;
}

static uint64_t
merge(uint64_t h, uint64_t acc)
{
	return (h ^ round64(0, acc)) * P1 + P4;
}

static void
stripe(struct digest *d, const unsigned char *p)
{
	d->acc[0] = round64(d->acc[0], load64(p));
	d->acc[1] = round64(d->acc[1], load64(p + 8));
	d->acc[2] = round64(d->acc[2], load64(p + 16));
	d->acc[3] = round64(d->acc[3], load64(p + 24));
}

void
digest_init(struct digest *d)
{
	memset(d, 0, sizeof(*d));
	d->acc[0] = P1 + P2;
	d->acc[1] = P2;
	d->acc[2] = 0;
	d->acc[3] = 0 - P1;
}

void
digest_update(struct digest *d, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t take;

	d->total += n;
	if (d->nstripe > 0) {
		take = 32 - d->nstripe < n ? 32 - d->nstripe : n;
		memcpy(d->stripe + d->nstripe, p, take);
		d->nstripe += take;
		p += take;
		n -= take;
		if (d->nstripe < 32)
			return;
		stripe(d, d->stripe);
		d->nstripe = 0;
	}
	for (; n >= 32; p += 32, n -= 32)
		stripe(d, p);
	memcpy(d->stripe, p, n);
	d->nstripe = n;
}

uint64_t
digest_final(const struct digest *d)
{
	const unsigned char *p = d->stripe, *end = d->stripe + d->nstripe;
	uint64_t h;
	int i;

	if (d->total >= 32) {
		h = rotl(d->acc[0], 1) + rotl(d->acc[1], 7) +
		    rotl(d->acc[2], 12) + rotl(d->acc[3], 18);
		for (i = 0; i < 4; i++)
			h = merge(h, d->acc[i]);
	} else
		h = P5;
	h += d->total;
	for (; p + 8 <= end; p += 8)
		h = rotl(h ^ round64(0, load64(p)), 27) * P1 + P4;
	if (p + 4 <= end) {
		h = rotl(h ^ (uint64_t)load32(p) * P1, 23) * P2 + P3;
		p += 4;
	}
	for (; p < end; p++)
		h = rotl(h ^ *p * P5, 11) * P1;
	h ^= h >> 33;
	h *= P2;
	h ^= h >> 29;
	h *= P3;
	h ^= h >> 32;
	return h;
}
