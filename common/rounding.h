#ifndef CRIMEPIPE_ROUNDING_H
#define CRIMEPIPE_ROUNDING_H

#include <stddef.h>

/*
 * Decimal formatting of exact fractions, rounded half away from zero
 * (docs/measures.md: 0.125 -> 0.13, -2.45 -> -2.5), in integer
 * arithmetic only, so no binary floating-point error can move a figure
 * across a rounding boundary the way printf("%.2f", 0.125) does.
 */

/*
 * Write num / den rounded to decimals places (0 to 6) into out (size
 * outsz, at least 32 bytes is always enough), e.g. "6.62", "-2.5", "0.0".
 * den must not be 0.  A result that rounds to zero is written without a
 * sign.  |num| * 10^decimals must stay below 2^62.  Returns out.
 */
char	*round_ratio(char *out, size_t outsz, long long num, long long den,
	    int decimals);

/* value per 1,000 of den to 2 decimals (DEFINITIONS.md 3: crime rates). */
char	*round_per_1000(char *out, size_t outsz, long long value,
	    long long den);

/* value as a percentage of den to 1 decimal (DEFINITIONS.md 3.1). */
char	*round_percent(char *out, size_t outsz, long long value,
	    long long den);

/*
 * Percentage change from before to now, 1 decimal (DEFINITIONS.md 3:
 * "n/a" when before is 0).
 */
char	*round_change(char *out, size_t outsz, long long now, long long before);

#endif
