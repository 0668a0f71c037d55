#include "spc.h"

/* DEFINITIONS.md 3: limits at mean +- 2.66 mean moving ranges. */
#define SPC_SIGMA_NUM	266
#define SPC_SIGMA_DEN	100

void
xmr_fit(struct xmr *c, const long long *x, size_t n)
{
	size_t i;

	c->n = (long long)n;
	c->sum = 0;
	c->sum_mr = 0;
	for (i = 0; i < n; i++) {
		c->sum += x[i];
		if (i > 0)
			c->sum_mr += x[i] > x[i - 1] ? x[i] - x[i - 1] :
			    x[i - 1] - x[i];
	}
}

int
xmr_has_limits(const struct xmr *c)
{
	return c->n >= 2;
}

void
xmr_mean(const struct xmr *c, long long *num, long long *den)
{
	*num = c->sum;
	*den = c->n;
}

/*
 * mean +- 2.66 MR = sum/n +- 266 sum_mr / (100 (n-1))
 *   = (100 sum (n-1) +- 266 sum_mr n) / (100 n (n-1)).
 */
void
xmr_limit(const struct xmr *c, int upper, long long *num, long long *den)
{
	long long centre = SPC_SIGMA_DEN * c->sum * (c->n - 1);
	long long width = SPC_SIGMA_NUM * c->sum_mr * c->n;

	*num = upper ? centre + width : centre - width;
	*den = SPC_SIGMA_DEN * c->n * (c->n - 1);
}

int
xmr_exceptional(const struct xmr *c, long long value)
{
	long long num, den;

	if (!xmr_has_limits(c))
		return 0;
	xmr_limit(c, 1, &num, &den);
	if (value * den > num)
		return 1;
	xmr_limit(c, 0, &num, &den);
	if (value * den < num)
		return -1;
	return 0;
}

int
xmr_increasing(const struct xmr *c, const long long x[7])
{
	int i, rises = 1, above = c->n >= 1;

	for (i = 1; i < 7; i++)
		if (x[i] <= x[i - 1])
			rises = 0;
	for (i = 0; i < 7 && above; i++)
		if (x[i] * c->n <= c->sum)
			above = 0;
	return rises || above;
}
