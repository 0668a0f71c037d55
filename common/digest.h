#ifndef CRIMEPIPE_DIGEST_H
#define CRIMEPIPE_DIGEST_H

#include <stddef.h>
#include <stdint.h>

/*
 * A streaming 64-bit digest of bytes (the XXH64 algorithm), fed in pieces
 * of any size.  It finds inputs whose decoded content may be identical
 * (DEFINITIONS.md 3.0: the same input twice is read once); a match is
 * always confirmed byte by byte, so a collision can never drop an input.
 */
struct digest {
	uint64_t	 acc[4];
	unsigned char	 stripe[32];	/* bytes of an incomplete stripe */
	size_t		 nstripe;
	uint64_t	 total;		/* bytes fed */
};

void		digest_init(struct digest *d);
void		digest_update(struct digest *d, const void *p, size_t n);
/* The digest of every byte fed so far; d is not changed. */
uint64_t	digest_final(const struct digest *d);

#endif
