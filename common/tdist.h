#ifndef CRIMEPIPE_TDIST_H
#define CRIMEPIPE_TDIST_H

/*
 * Student's t distribution, for the projections' 95 % prediction
 * intervals (DEFINITIONS.md 3.2: t(0.975, n - 13)), without any library
 * beyond libm: the regularized incomplete beta function by its continued
 * fraction (modified Lentz), in long double, and the quantile by
 * bisection on the tail.  tests/unit/c/test_tdist.c checks them against
 * R's pt() and qt() to 1e-9.
 */

/*
 * I_x(a, b) for a, b > 0 and 0 <= x <= 1, with y = 1 - x given by the
 * caller so that a complement close to 0 keeps its precision.  Returns
 * NaN for arguments outside those ranges.
 */
double	beta_inc(double a, double b, double x, double y);

/* P(T <= t) for T ~ t(df), df > 0; NaN for df <= 0 or a NaN. */
double	t_cdf(double t, double df);

/*
 * The p quantile of t(df): the t with P(T <= t) = p, for 0 < p < 1 and
 * df > 0 (NaN otherwise), to about 1e-13 relative or better
 * (docs/statistics.md has the measurements).
 */
double	t_quantile(double p, double df);

#endif
