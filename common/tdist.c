#include "tdist.h"

#include <float.h>
#include <math.h>

#define CF_EPS		(4 * LDBL_EPSILON)
#define CF_TINY		1e-300L
#define CF_MAX		10000		/* terms; a few hundred at most */

/*
 * The continued fraction K = 1 + d1 / (1 + d2 / (1 + ...)) of
 * I_x(a, b) = x^a y^b / (a B(a, b) K), with
 *   d(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
 *   d(2m)   = m (b - m) x / ((a + 2m - 1)(a + 2m)),
 * evaluated front to back by the modified Lentz method.  It converges
 * fast for x < (a + 1) / (a + b + 2); beta_inc() swaps the arguments
 * otherwise.
 */
static long double
beta_cf(long double a, long double b, long double x)
{
	long double f = 1, c = 1, d = 0, dj, delta;
	int j, m;

	for (j = 1; j <= CF_MAX; j++) {
		m = j / 2;
		if (j % 2 == 1)
			dj = -(a + m) * (a + b + m) * x /
			    ((a + 2 * m) * (a + 2 * m + 1));
		else
			dj = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
		d = 1 + dj * d;
		if (fabsl(d) < CF_TINY)
			d = CF_TINY;
		c = 1 + dj / c;
		if (fabsl(c) < CF_TINY)
			c = CF_TINY;
		d = 1 / d;
		delta = c * d;
		f *= delta;
		if (fabsl(delta - 1) < CF_EPS)
			break;
	}
	return f;
}

#define STIRLING_MIN	100	/* where stirling_tail() is exact enough */

/*
 * lgamma(x) - ((x - 1/2) log x - x + log(2 pi) / 2) by Stirling's series,
 * for x >= STIRLING_MIN (the first term left out is below 1e-28 there).
 */
static long double
stirling_tail(long double x)
{
	long double x2 = 1 / (x * x);

	return (1.0L / 12 - x2 * (1.0L / 360 - x2 * (1.0L / 1260 -
	    x2 * (1.0L / 1680 - x2 * (1.0L / 1188 - x2 * (691.0L / 360360 -
	    x2 / 156)))))) / x;
}

/*
 * log(1 / B(a, b)) = lgamma(a + b) - lgamma(a) - lgamma(b).  When one
 * argument is large (t with many degrees of freedom: a = df / 2), the
 * difference lgamma(big + small) - lgamma(big) is taken from Stirling's
 * series as (big - 1/2) log1p(small / big) + small log(big + small) -
 * small + the tails' difference: two lgammal() values near big log big
 * (6e6 at df = 1e6) would cancel and leave libm's error in each, 1.5e-12
 * in t(0.95, 1e6).
 */
static long double
beta_lnorm(long double a, long double b)
{
	long double big = a > b ? a : b, small = a > b ? b : a;

	if (big < STIRLING_MIN)
		return lgammal(a + b) - lgammal(a) - lgammal(b);
	return (big - 0.5L) * log1pl(small / big) + small * logl(big + small) -
	    small + stirling_tail(big + small) - stirling_tail(big) -
	    lgammal(small);
}

/*
 * log(x^a y^b / B(a, b)), with log x taken as log1p(-y) when x is near 1
 * (and the same for y), where a * log x would otherwise lose digits.
 */
static long double
beta_front(long double a, long double b, long double x, long double y)
{
	long double lx = y < 0.5L ? log1pl(-y) : logl(x);
	long double ly = x < 0.5L ? log1pl(-x) : logl(y);

	return beta_lnorm(a, b) + a * lx + b * ly;
}

static long double
beta_inc_l(long double a, long double b, long double x, long double y)
{
	long double front;

	if (x <= 0)
		return 0;
	if (y <= 0)
		return 1;
	front = beta_front(a, b, x, y);
	if (x < (a + 1) / (a + b + 2))
		return expl(front) / (a * beta_cf(a, b, x));
	return 1 - expl(front) / (b * beta_cf(b, a, y));
}

double
beta_inc(double a, double b, double x, double y)
{
	if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1) || !(y >= 0 &&
	    y <= 1))
		return NAN;
	return (double)beta_inc_l(a, b, x, y);
}

/* P(T > t) for t >= 0: I_{df / (df + t^2)}(df / 2, 1 / 2) / 2. */
static long double
t_tail(long double t, long double df)
{
	long double t2 = t * t;

	return beta_inc_l(df / 2, 0.5L, df / (df + t2), t2 / (df + t2)) / 2;
}

double
t_cdf(double t, double df)
{
	long double tail;

	if (!(df > 0) || isnan(t))
		return NAN;
	if (isinf(t))
		return t > 0 ? 1 : 0;
	tail = t_tail(fabsl((long double)t), df);
	return (double)(t >= 0 ? 1 - tail : tail);
}

/*
 * Find t >= 0 with P(T > t) = alpha (alpha <= 1/2) by doubling an upper
 * bound, then bisecting until the bracket stops shrinking in long double.
 * The tail is exact to a few ulps, so the root is too; bisection never
 * fails to converge, whatever the df.
 */
double
t_quantile(double p, double df)
{
	long double alpha, lo = 0, hi = 1, mid;
	int i;

	if (!(df > 0) || !(p > 0 && p < 1))
		return NAN;
	if (p == 0.5)
		return 0;
	/* Exact: p itself, or 1 - p for p in [1/2, 1) (Sterbenz). */
	alpha = p < 0.5 ? p : 1 - p;
	for (i = 0; i < 4000 && t_tail(hi, df) > alpha; i++) {
		lo = hi;
		hi *= 2;
	}
	for (i = 0; i < 200; i++) {
		mid = lo + (hi - lo) / 2;
		if (mid <= lo || mid >= hi)
			break;
		if (t_tail(mid, df) > alpha)
			lo = mid;
		else
			hi = mid;
	}
	mid = lo + (hi - lo) / 2;
	return (double)(p < 0.5 ? -mid : mid);
}
