#ifndef CRIMEPIPE_SPC_H
#define CRIMEPIPE_SPC_H

#include <stddef.h>

/*
 * Statistical process control on monthly counts (DEFINITIONS.md 3): the
 * individuals/XmR chart and the Making Data Count rules.  Every figure is
 * kept as an exact fraction (numerator, denominator) so that comparisons
 * are made in integers and printing can round half away from zero
 * (rounding.h).
 */

/*
 * The Making Data Count rules (DEFINITIONS.md 3, "Exceptional volumes and
 * special causes", with 3.0's coverage rules).  docs/statistics.md sets
 * out every choice made where DEFINITIONS is silent.
 */

/*
 * A monthly series: x[i] is the count of month first + i (a dates.h month
 * number, year * 12 + month - 1), for i in [0, n).  Month first + i is
 * covered (DEFINITIONS.md 3.0) when covered is NULL or covered[i] is not
 * 0; the count of an uncovered month is never read.  The arrays belong to
 * the caller.
 */
struct month_series {
	const long long		*x;
	const unsigned char	*covered;	/* NULL: every month covered */
	int			 first;		/* month number of x[0] */
	size_t			 n;
};

/* Fewest covered baseline months that give limits (DEFINITIONS.md 3.0). */
#define MDC_MIN_BASELINE	12
/*
 * Bounds that keep every product in mdc_judge() below 2^63: a baseline
 * span of at most MDC_MAX_MONTHS months, and covered counts from the
 * baseline's start to M within +-MDC_MAX_COUNT.
 */
#define MDC_MAX_MONTHS		1200
#define MDC_MAX_COUNT		1000000000LL

/* A topic's improvement direction (DEFINITIONS.md 3). */
enum mdc_direction {
	MDC_UP,
	MDC_DOWN,
	MDC_NEUTRAL
};

/* M's special cause: the first of the four rules that holds. */
enum mdc_cause {
	MDC_NONE,
	MDC_BEYOND_UPPER,		/* rule 1 */
	MDC_BEYOND_LOWER,
	MDC_TREND_UP,			/* rule 2 */
	MDC_TREND_DOWN,
	MDC_TWO_OF_THREE_HIGH,		/* rule 3 */
	MDC_TWO_OF_THREE_LOW,
	MDC_SHIFT_HIGH,			/* rule 4 */
	MDC_SHIFT_LOW
};

enum mdc_variation {
	MDC_COMMON_CAUSE,
	MDC_CONCERN_HIGH,
	MDC_CONCERN_LOW,
	MDC_IMPROVEMENT_HIGH,
	MDC_IMPROVEMENT_LOW,
	MDC_NEUTRAL_HIGH,
	MDC_NEUTRAL_LOW
};

/* mdc_judge() results. */
#define MDC_OK		0	/* limits and a verdict for M */
#define MDC_SHORT	1	/* fewer than 12 covered baseline months */
#define MDC_UNCOVERED	2	/* limits, but M is not covered: no verdict */
#define MDC_EINVAL	(-1)	/* a span outside the series, a bound broken */

/*
 * The chart of one series and the verdict on its month M.  The centre is
 * sum / n; the moving ranges are those between each covered baseline
 * month and the covered baseline month before it (nmr = n - 1 of them).
 */
struct mdc {
	int		 base_first;	/* the baseline span asked for */
	int		 base_last;
	int		 month;		/* M */
	long long	 n;		/* covered baseline months */
	long long	 sum;		/* their counts' sum */
	long long	 nmr;		/* moving ranges */
	long long	 sum_mr;	/* their sum */
	int		 exceptional;	/* rule 1 alone: 1 above, -1 below, 0 */
	enum mdc_cause	 cause;		/* MDC_NONE without a verdict */
	int		 increasing;	/* rule 2 up or rule 4 high holds */
	enum mdc_variation variation;	/* MDC_COMMON_CAUSE without a verdict */
};

/*
 * Fit the chart to the covered months of s in [base_first, base_last] and
 * judge month M on the series from base_first to M (DEFINITIONS.md 3:
 * "baseline months, then every later month to M"), for a topic whose
 * improvement direction is dir.  Returns MDC_OK with r filled in;
 * MDC_SHORT with r->n, r->sum, r->nmr and r->sum_mr filled in (the
 * monthly average can still be printed when r->n >= 1) but no limits and
 * no verdict; MDC_UNCOVERED with the chart but no verdict; MDC_EINVAL
 * when base_first > base_last, base_first > M, either span leaves s, or
 * a bound above is broken (r is then zeroed).  Without a verdict r->cause
 * is MDC_NONE, r->variation MDC_COMMON_CAUSE and the flags 0: the caller
 * writes none of them.
 */
int	mdc_judge(struct mdc *r, const struct month_series *s, int base_first,
	    int base_last, int month, enum mdc_direction dir);

/* 1 when r has limits: at least MDC_MIN_BASELINE covered baseline months. */
int	mdc_has_limits(const struct mdc *r);

/* The centre as *num / *den (r->n >= 1). */
void	mdc_mean(const struct mdc *r, long long *num, long long *den);

/*
 * The limit x + 2.66 MR (upper set) or x - 2.66 MR as *num / *den, not
 * floored at 0; mdc_has_limits(r) must hold.
 */
void	mdc_limit(const struct mdc *r, int upper, long long *num,
	    long long *den);

/* The near limit x +- (2/3) 2.66 MR (2 sigma) as *num / *den. */
void	mdc_near_limit(const struct mdc *r, int upper, long long *num,
	    long long *den);

/* The verdict a cause gives under an improvement direction. */
enum mdc_variation mdc_variation_of(enum mdc_cause cause,
	    enum mdc_direction dir);

/* DEFINITIONS.md 3.1's words: "beyond upper", ..., "none". */
const char	*mdc_cause_name(enum mdc_cause cause);
/* "common cause", "concern high", ..., "neutral low". */
const char	*mdc_variation_name(enum mdc_variation v);
/* "up", "down" or "neutral" into *dir: 0, else -1. */
int		 mdc_direction_parse(const char *s, enum mdc_direction *dir);

#endif
