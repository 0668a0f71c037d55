/*
 * common/rounding.c, one case a line: a fraction and the text expected,
 * rounded half away from zero (docs/measures.md), worked out by hand and
 * with Python's decimal (ROUND_HALF_UP); the per-1,000, % and change
 * cases are DEFINITIONS.md 4's worked checks from the summary.
 */
#include "unit.h"

#include "../../../common/rounding.h"

static const struct {
	long long	 num, den;
	int		 decimals;
	const char	*want;
} ratios[] = {
	{ 1, 8, 2, "0.13" },		/* 0.125: printf would say 0.12 */
	{ -245, 100, 1, "-2.5" },	/* -2.45 */
	{ 1, -4, 1, "-0.3" },		/* -0.25, negative denominator */
	{ -3, -4, 2, "0.75" },
	{ -1, 1000, 1, "0.0" },		/* rounds to 0: no sign */
	{ -1, 3, 0, "0" },
	{ 1, 3, 6, "0.333333" },
	{ 2, 3, 0, "1" },
	{ 5, 2, 0, "3" },
	{ -5, 2, 0, "-3" },
	{ 0, 7, 2, "0.00" },
	{ 123456789, 1000, 2, "123456.79" },
	{ 1000000, 1, 1, "1000000.0" },
};

static const struct {
	long long	 value, den;
	const char	*want;
} per_1000[] = {
	{ 3738, 564700, "6.62" },	/* DEFINITIONS.md 4 */
	{ 0, 564700, "0.00" },
	{ 1, 8000, "0.13" },		/* 0.125 */
};

static const struct {
	long long	 value, den;
	const char	*want;
} percents[] = {
	{ 718, 2606, "27.6" },		/* DEFINITIONS.md 4 */
	{ 27006, 31903, "84.7" },
	{ 2135, 27006, "7.9" },
	{ 1, 1, "100.0" },
};

static const struct {
	long long	 now, before;
	const char	*want;
} changes[] = {
	{ 3738, 3543, "5.5" },		/* DEFINITIONS.md 4 */
	{ 3738, 3497, "6.9" },
	{ 3543, 3738, "-5.2" },
	{ 1, 0, "n/a" },		/* not the summary's 0.0% */
	{ 0, 0, "n/a" },
	{ 0, 5, "-100.0" },
	{ 5, 5, "0.0" },
	{ 7392, 6600, "12.0" },
};

int
main(void)
{
	char out[32];
	size_t i;

	for (i = 0; i < NELEM(ratios); i++) {
		round_ratio(out, sizeof(out), ratios[i].num, ratios[i].den,
		    ratios[i].decimals);
		CHECK(strcmp(out, ratios[i].want) == 0, "round_ratio(%lld, "
		    "%lld, %d): '%s', expected '%s'", ratios[i].num,
		    ratios[i].den, ratios[i].decimals, out, ratios[i].want);
	}
	for (i = 0; i < NELEM(per_1000); i++) {
		round_per_1000(out, sizeof(out), per_1000[i].value,
		    per_1000[i].den);
		CHECK(strcmp(out, per_1000[i].want) == 0, "round_per_1000("
		    "%lld, %lld): '%s'", per_1000[i].value, per_1000[i].den,
		    out);
	}
	for (i = 0; i < NELEM(percents); i++) {
		round_percent(out, sizeof(out), percents[i].value,
		    percents[i].den);
		CHECK(strcmp(out, percents[i].want) == 0, "round_percent(%lld, "
		    "%lld): '%s'", percents[i].value, percents[i].den, out);
	}
	for (i = 0; i < NELEM(changes); i++) {
		round_change(out, sizeof(out), changes[i].now,
		    changes[i].before);
		CHECK(strcmp(out, changes[i].want) == 0, "round_change(%lld, "
		    "%lld): '%s', expected '%s'", changes[i].now,
		    changes[i].before, out, changes[i].want);
	}
	/* A buffer too small is cut, never overrun. */
	CHECK(strcmp(round_ratio(out, 4, 123456, 1, 0), "123") == 0,
	    "truncated: '%s'", out);
	return unit_done("rounding");
}
