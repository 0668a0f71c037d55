#include "spc.h"

#include <string.h>

/* DEFINITIONS.md 3: limits at mean +- 2.66 mean moving ranges. */
#define SPC_SIGMA_NUM	266
#define SPC_SIGMA_DEN	100

/*
 * The Making Data Count rules (DEFINITIONS.md 3).  With n covered baseline
 * months summing to S and k = n - 1 moving ranges summing to R, a count x
 * lies d / n from the centre, d = x n - S, and
 *   x > x-bar + 2.66 MR-bar        <=>  100 k d > 266 R n
 *   x > x-bar + (2/3) 2.66 MR-bar  <=>  300 k d > 532 R n
 * (and the same below with -d), so every comparison is made on integers
 * and no rounding decides a verdict.  spc.h's bounds keep |d| <= 2.4e12,
 * k <= 1199 and R <= 2.4e12: every product stays below 1.6e18.
 */
#define MDC_NEAR_NUM	532	/* (2/3) * 2.66 = 532 / 300 */
#define MDC_NEAR_DEN	300
#define MDC_RUN		7	/* rules 2 and 4: a run of >= 7 months */

static int
mdc_covered(const struct month_series *s, int month)
{
	return s->covered == NULL || s->covered[month - s->first] != 0;
}

static long long
mdc_value(const struct month_series *s, int month)
{
	return s->x[month - s->first];
}

/* 1 above the centre, -1 below, 0 exactly on it (DEFINITIONS.md 3, rule 4). */
static int
mdc_side(const struct mdc *r, long long x)
{
	long long d = x * r->n - r->sum;

	return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/*
 * Where x lies: 2 beyond the upper limit, 1 beyond the upper near limit
 * but not beyond the limit (a count on the limit is not beyond it, nor
 * one on the near limit beyond 2 sigma), 0 within the near limits, and
 * -1, -2 below.
 */
static int
mdc_zone(const struct mdc *r, long long x)
{
	long long d = x * r->n - r->sum, far, near;

	far = SPC_SIGMA_NUM * r->sum_mr * r->n;
	near = MDC_NEAR_NUM * r->sum_mr * r->n;
	if (SPC_SIGMA_DEN * r->nmr * d > far)
		return 2;
	if (SPC_SIGMA_DEN * r->nmr * d < -far)
		return -2;
	if (MDC_NEAR_DEN * r->nmr * d > near)
		return 1;
	if (MDC_NEAR_DEN * r->nmr * d < -near)
		return -1;
	return 0;
}

/*
 * Rule 2: the number of rises (dir 1) or falls (dir -1) in a row that end
 * at month, over covered months from first on.  An uncovered month ends
 * the run, as does a month equal to the one before it.
 */
static int
mdc_steps(const struct month_series *s, int first, int month, int dir)
{
	int steps = 0, i;
	long long a, b;

	for (i = month; i > first && mdc_covered(s, i - 1); i--) {
		a = mdc_value(s, i - 1);
		b = mdc_value(s, i);
		if (dir > 0 ? b <= a : b >= a)
			break;
		steps++;
	}
	return steps;
}

/*
 * Rule 4: the length of the run of covered months on side of the centre
 * that ends at month (covered and on that side), from first on.
 */
static int
mdc_run(const struct mdc *r, const struct month_series *s, int first,
    int month, int side)
{
	int run = 0, i;

	for (i = month; i >= first && mdc_covered(s, i) &&
	    mdc_side(r, mdc_value(s, i)) == side; i--)
		run++;
	return run;
}

/*
 * Rule 3: M beyond the near limit on one side (not beyond the limit), at
 * least one of M-2, M-1 the same, and all three on that side of the
 * centre; M-2 and M-1 must be covered months of the judged series.
 */
static int
mdc_two_of_three(const struct mdc *r, const struct month_series *s,
    int first, int month)
{
	int z = mdc_zone(r, mdc_value(s, month)), i, hits = 0;

	if (z != 1 && z != -1)
		return 0;
	if (month - 2 < first)
		return 0;
	for (i = month - 2; i < month; i++) {
		if (!mdc_covered(s, i) || mdc_side(r, mdc_value(s, i)) != z)
			return 0;
		if (mdc_zone(r, mdc_value(s, i)) == z)
			hits++;
	}
	return hits > 0 ? z : 0;
}

/* Every covered count in [from, to] within the bound: 1, else 0. */
static int
mdc_in_bounds(const struct month_series *s, int from, int to)
{
	int i;
	long long x;

	for (i = from; i <= to; i++) {
		if (!mdc_covered(s, i))
			continue;
		x = mdc_value(s, i);
		if (x > MDC_MAX_COUNT || x < -MDC_MAX_COUNT)
			return 0;
	}
	return 1;
}

static void
mdc_fit(struct mdc *r, const struct month_series *s)
{
	long long prev = 0, x;
	int i;

	for (i = r->base_first; i <= r->base_last; i++) {
		if (!mdc_covered(s, i))
			continue;
		x = mdc_value(s, i);
		/* DEFINITIONS.md 3.0: between consecutive covered months. */
		if (r->n > 0) {
			r->sum_mr += x > prev ? x - prev : prev - x;
			r->nmr++;
		}
		r->sum += x;
		r->n++;
		prev = x;
	}
}

int
mdc_judge(struct mdc *r, const struct month_series *s, int base_first,
    int base_last, int month, enum mdc_direction dir)
{
	int last, end, up, down, two, e;
	long long x;

	memset(r, 0, sizeof(*r));
	r->cause = MDC_NONE;
	r->variation = MDC_COMMON_CAUSE;
	end = s->first + (int)s->n;
	last = base_last > month ? base_last : month;
	if (s->x == NULL || base_first > base_last || base_first > month ||
	    base_first < s->first || last >= end ||
	    base_last - base_first >= MDC_MAX_MONTHS ||
	    !mdc_in_bounds(s, base_first, last))
		return MDC_EINVAL;
	r->base_first = base_first;
	r->base_last = base_last;
	r->month = month;
	mdc_fit(r, s);
	if (!mdc_has_limits(r))
		return MDC_SHORT;
	if (!mdc_covered(s, month))
		return MDC_UNCOVERED;

	x = mdc_value(s, month);
	e = mdc_zone(r, x);
	r->exceptional = e == 2 ? 1 : e == -2 ? -1 : 0;
	up = mdc_steps(s, base_first, month, 1) >= MDC_RUN - 1;
	down = mdc_steps(s, base_first, month, -1) >= MDC_RUN - 1;
	two = mdc_two_of_three(r, s, base_first, month);
	e = mdc_side(r, x);
	if (e != 0 && mdc_run(r, s, base_first, month, e) < MDC_RUN)
		e = 0;

	if (r->exceptional != 0)
		r->cause = r->exceptional > 0 ? MDC_BEYOND_UPPER :
		    MDC_BEYOND_LOWER;
	else if (up || down)
		r->cause = up ? MDC_TREND_UP : MDC_TREND_DOWN;
	else if (two != 0)
		r->cause = two > 0 ? MDC_TWO_OF_THREE_HIGH :
		    MDC_TWO_OF_THREE_LOW;
	else if (e != 0)
		r->cause = e > 0 ? MDC_SHIFT_HIGH : MDC_SHIFT_LOW;
	r->increasing = up || e > 0;
	r->variation = mdc_variation_of(r->cause, dir);
	return MDC_OK;
}

int
mdc_has_limits(const struct mdc *r)
{
	return r->n >= MDC_MIN_BASELINE;
}

void
mdc_mean(const struct mdc *r, long long *num, long long *den)
{
	*num = r->sum;
	*den = r->n;
}

/* S/n +- 266 R / (100 k) = (100 k S +- 266 R n) / (100 n k). */
void
mdc_limit(const struct mdc *r, int upper, long long *num, long long *den)
{
	long long centre = SPC_SIGMA_DEN * r->nmr * r->sum;
	long long width = SPC_SIGMA_NUM * r->sum_mr * r->n;

	*num = upper ? centre + width : centre - width;
	*den = SPC_SIGMA_DEN * r->n * r->nmr;
}

/* S/n +- 532 R / (300 k) = (300 k S +- 532 R n) / (300 n k). */
void
mdc_near_limit(const struct mdc *r, int upper, long long *num,
    long long *den)
{
	long long centre = MDC_NEAR_DEN * r->nmr * r->sum;
	long long width = MDC_NEAR_NUM * r->sum_mr * r->n;

	*num = upper ? centre + width : centre - width;
	*den = MDC_NEAR_DEN * r->n * r->nmr;
}

/* 1 when the cause points high, -1 low, 0 for none. */
static int
mdc_cause_side(enum mdc_cause cause)
{
	switch (cause) {
	case MDC_BEYOND_UPPER:
	case MDC_TREND_UP:
	case MDC_TWO_OF_THREE_HIGH:
	case MDC_SHIFT_HIGH:
		return 1;
	case MDC_BEYOND_LOWER:
	case MDC_TREND_DOWN:
	case MDC_TWO_OF_THREE_LOW:
	case MDC_SHIFT_LOW:
		return -1;
	case MDC_NONE:
		break;
	}
	return 0;
}

/*
 * DEFINITIONS.md 3: a high special cause is an improvement when higher is
 * better (up), a concern when lower is better (down), and neither for a
 * neutral topic; the same for low.
 */
enum mdc_variation
mdc_variation_of(enum mdc_cause cause, enum mdc_direction dir)
{
	int side = mdc_cause_side(cause);

	if (side == 0)
		return MDC_COMMON_CAUSE;
	switch (dir) {
	case MDC_UP:
		return side > 0 ? MDC_IMPROVEMENT_HIGH : MDC_CONCERN_LOW;
	case MDC_DOWN:
		return side > 0 ? MDC_CONCERN_HIGH : MDC_IMPROVEMENT_LOW;
	case MDC_NEUTRAL:
		break;
	}
	return side > 0 ? MDC_NEUTRAL_HIGH : MDC_NEUTRAL_LOW;
}

const char *
mdc_cause_name(enum mdc_cause cause)
{
	static const char *const names[] = {
		"none", "beyond upper", "beyond lower", "trend up",
		"trend down", "two of three high", "two of three low",
		"shift high", "shift low"
	};

	return (unsigned)cause < sizeof(names) / sizeof(names[0]) ?
	    names[cause] : "none";
}

const char *
mdc_variation_name(enum mdc_variation v)
{
	static const char *const names[] = {
		"common cause", "concern high", "concern low",
		"improvement high", "improvement low", "neutral high",
		"neutral low"
	};

	return (unsigned)v < sizeof(names) / sizeof(names[0]) ?
	    names[v] : "common cause";
}

int
mdc_direction_parse(const char *s, enum mdc_direction *dir)
{
	if (strcmp(s, "up") == 0)
		*dir = MDC_UP;
	else if (strcmp(s, "down") == 0)
		*dir = MDC_DOWN;
	else if (strcmp(s, "neutral") == 0)
		*dir = MDC_NEUTRAL;
	else
		return -1;
	return 0;
}
