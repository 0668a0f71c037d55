/*
 * common/digest.c: the XXH64 digest, fed in one piece and in pieces of
 * every size (the same bytes must give the same digest however they
 * arrive).  Expected values are XXH64's published test vectors (seed 0).
 */
#include "unit.h"

#include "../../../common/digest.h"

static const struct {
	const char	*text;
	unsigned long long want;
} vectors[] = {
	{ "", 0xEF46DB3751D8E999ULL },
	{ "a", 0xD24EC4F1A98C6E5BULL },
	{ "abc", 0x44BC2CF5AD770999ULL },
	{ "Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1ULL },
};

int
main(void)
{
	struct digest d;
	char big[1000];
	uint64_t whole;
	size_t i, step, k;

	for (i = 0; i < NELEM(vectors); i++) {
		digest_init(&d);
		digest_update(&d, vectors[i].text, strlen(vectors[i].text));
		CHECK(digest_final(&d) == vectors[i].want, "digest(\"%s\"): "
		    "%016llx", vectors[i].text,
		    (unsigned long long)digest_final(&d));
	}
	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7 + 3);
	digest_init(&d);
	digest_update(&d, big, sizeof(big));
	whole = digest_final(&d);
	for (step = 1; step <= 70; step++) {
		digest_init(&d);
		for (k = 0; k < sizeof(big); k += step)
			digest_update(&d, big + k, k + step > sizeof(big) ?
			    sizeof(big) - k : step);
		CHECK(digest_final(&d) == whole, "pieces of %zu", step);
		CHECK(d.total == sizeof(big), "length, pieces of %zu", step);
	}
	return unit_done("digest");
}
