#ifndef CRIMEPIPE_SPC_H
#define CRIMEPIPE_SPC_H

#include <stddef.h>

/*
 * Statistical process control on monthly counts (DEFINITIONS.md 3): the
 * individuals/XmR chart.  Over baseline counts x1..xn the centre is the
 * mean, the moving ranges are |xi - xi-1| (n - 1 of them) with mean MR,
 * and the limits are mean +- 2.66 MR.  Every figure is kept as an exact
 * fraction (numerator, denominator) so that comparisons are made in
 * integers and printing can round half away from zero (rounding.h).
 */
struct xmr {
	long long	n;		/* baseline months */
	long long	sum;		/* sum of the counts */
	long long	sum_mr;		/* sum of the moving ranges */
};

/* Fit the chart to x[0..n). */
void	xmr_fit(struct xmr *c, const long long *x, size_t n);

/* 1 when the chart has limits: at least 2 baseline months. */
int	xmr_has_limits(const struct xmr *c);

/* The mean as *num / *den (n >= 1). */
void	xmr_mean(const struct xmr *c, long long *num, long long *den);

/*
 * A limit as *num / *den: upper when upper is set, else lower (not
 * floored; the caller decides how to print a negative limit).
 */
void	xmr_limit(const struct xmr *c, int upper, long long *num,
	    long long *den);

/*
 * Where value lies: 1 above the upper limit, -1 below the lower, 0 inside
 * or on a limit, or when the chart has no limits.
 */
int	xmr_exceptional(const struct xmr *c, long long value);

/*
 * The increasing-trend rule on the last 7 months x[0..7) (x[6] is the
 * reporting month): 1 when each of the last 6 is higher than the month
 * before it, or when all 7 are above the mean (a chart with n >= 1).
 */
int	xmr_increasing(const struct xmr *c, const long long x[7]);

#endif
