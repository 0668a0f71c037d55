#include <stdio.h>

#include "rounding.h"

char *
round_ratio(char *out, size_t outsz, long long num, long long den,
    int decimals)
{
	unsigned long long n, d, scale = 1, q;
	int neg = (num < 0) != (den < 0), i;

	for (i = 0; i < decimals; i++)
		scale *= 10;
	n = num < 0 ? 0ULL - (unsigned long long)num : (unsigned long long)num;
	d = den < 0 ? 0ULL - (unsigned long long)den : (unsigned long long)den;
	/* q = round(n * scale / d), halves away from zero. */
	q = (2 * n * scale + d) / (2 * d);
	if (q == 0)
		neg = 0;
	if (decimals == 0)
		snprintf(out, outsz, "%s%llu", neg ? "-" : "", q);
	else
		snprintf(out, outsz, "%s%llu.%0*llu", neg ? "-" : "",
		    q / scale, decimals, q % scale);
	return out;
}

char *
round_per_1000(char *out, size_t outsz, long long value, long long den)
{
	return round_ratio(out, outsz, value * 1000, den, 2);
}

char *
round_percent(char *out, size_t outsz, long long value, long long den)
{
	return round_ratio(out, outsz, value * 100, den, 1);
}

char *
round_change(char *out, size_t outsz, long long now, long long before)
{
	if (before == 0) {
		snprintf(out, outsz, "n/a");
		return out;
	}
	return round_ratio(out, outsz, (now - before) * 100, before, 1);
}
