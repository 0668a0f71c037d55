#ifndef EMIT_NUMFMT_H
#define EMIT_NUMFMT_H

#include <stddef.h>

/*
 * Decimal numbers for reports, held exactly and printed without the
 * locale: a number is kept as a long long holding value * NUM_SCALE
 * (six decimals), so comparisons such as "within 2% of the average" are
 * exact integer arithmetic, and every output is the same on every host.
 */
#define NUM_SCALE	1000000LL
#define NUM_DECIMALS	6

/*
 * Parse s[0..len) as "[-]digits[.digits]" (at most NUM_DECIMALS decimals,
 * at most 12 integer digits).  Returns 0 and sets *v, or -1 when s is not
 * such a number.
 */
int	 num_parse(const char *s, size_t len, long long *v);

/*
 * Copy the decimal string s ("[-]digits[.digits]") to out (size outsz)
 * with a ',' between each group of three integer digits: "3738" ->
 * "3,738", "1000000" -> "1,000,000", "-1234.5" -> "-1,234.5".  A string
 * that is not such a number is copied unchanged.  Returns out.
 */
char	*num_group(char *out, size_t outsz, const char *s);

/*
 * Format v (a scaled number) rounded half away from zero to dec decimals
 * (0 to NUM_DECIMALS), with thousands separators when group is set.
 * Returns out.
 */
char	*num_format(char *out, size_t outsz, long long v, int dec, int group);

/*
 * v as a plain literal (a JSON number): no separators and no trailing
 * zeros, "3738", "5.5", "-0.25".  Returns out.
 */
char	*num_plain(char *out, size_t outsz, long long v);

/*
 * The decimal string s (valid for num_parse) as a JSON number literal:
 * its own digits and decimals, leading zeros of the integer part
 * dropped ("007.50" -> "7.50", "-0" -> "0").  Returns out.
 */
char	*num_json(char *out, size_t outsz, const char *s);

/*
 * a / b as a percentage with dec decimals (0 to 2), rounded half away
 * from zero in integer arithmetic, as a scaled number; b > 0, a >= 0.
 */
long long num_percent(long long a, long long b, int dec);

#endif
