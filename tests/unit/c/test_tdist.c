/*
 * Student's t (common/tdist.c) against R's qt() and pt()
 * (tdist_cases.h, written by projection_cases.R), to 1e-9, a few large
 * df quantiles by mpmath to 1e-13, and the incomplete beta function at
 * values worked out by hand.
 */
#include "unit.h"

#include "../../../common/tdist.h"

struct tq_case {
	double		 a, df, want;
};

#include "tdist_cases.h"

/* I_x(a, b), by hand. */
static const struct {
	double	 a, b, x, want;
} betas[] = {
	{ 1, 1, 0.3, 0.3 },		/* uniform */
	/* sum over j = 2..4 of C(4, j) x^j (1 - x)^(4 - j) */
	{ 2, 3, 0.4, 0.5248 },
	{ 2, 3, 0.6, 0.8208 },
	{ 0.5, 0.5, 0.25, 1.0 / 3 },	/* (2 / pi) asin(sqrt(x)) */
	{ 3, 1, 0.5, 0.125 },		/* x^a */
	{ 1, 4, 0.5, 0.9375 },		/* 1 - (1 - x)^b */
	{ 2, 2, 0, 0 },
	{ 2, 2, 1, 1 },
};

/*
 * Quantiles with many degrees of freedom, by mpmath at 40 digits (the root
 * of 1 - I_{df/(df+t^2)}(df/2, 1/2) / 2 = p), where a plain lgamma
 * difference would lose 1e-12.
 */
static const struct tq_case mpmath_cases[] = {
	{ 0.95, 1e6, 1.644855150722040062 },
	{ 0.975, 1e7, 1.9599642217672051104 },
	{ 0.999, 5e5, 3.0902486065046106874 },
	{ 1e-10, 3e6, -6.3613628844314715557 },
	{ 0.975, 23, 2.0686576104190482155 },
};

int
main(void)
{
	size_t i;
	double got;

	for (i = 0; i < NELEM(tq_cases); i++) {
		got = t_quantile(tq_cases[i].a, tq_cases[i].df);
		CHECK(unit_near(got, tq_cases[i].want, 1e-9), "qt(%.17g, %g) = "
		    "%.17g, R %.17g", tq_cases[i].a, tq_cases[i].df, got,
		    tq_cases[i].want);
	}
	for (i = 0; i < NELEM(mpmath_cases); i++) {
		got = t_quantile(mpmath_cases[i].a, mpmath_cases[i].df);
		CHECK(unit_near(got, mpmath_cases[i].want, 1e-13), "t(%.17g, "
		    "%g) = %.17g, mpmath %.17g", mpmath_cases[i].a,
		    mpmath_cases[i].df, got, mpmath_cases[i].want);
	}
	for (i = 0; i < NELEM(tcdf_cases); i++) {
		got = t_cdf(tcdf_cases[i].a, tcdf_cases[i].df);
		CHECK(unit_near(got, tcdf_cases[i].want, 1e-12), "pt(%.17g, "
		    "%g) = %.17g, R %.17g", tcdf_cases[i].a, tcdf_cases[i].df,
		    got, tcdf_cases[i].want);
	}
	for (i = 0; i < NELEM(betas); i++) {
		got = beta_inc(betas[i].a, betas[i].b, betas[i].x,
		    1 - betas[i].x);
		CHECK(unit_near(got, betas[i].want, 1e-14), "I_%g(%g, %g) = "
		    "%.17g, expected %.17g", betas[i].x, betas[i].a, betas[i].b,
		    got, betas[i].want);
	}
	/* Round trips, and the arguments with no answer. */
	CHECK(unit_near(t_cdf(t_quantile(0.975, 23), 23), 0.975, 1e-14),
	    "pt(qt(0.975, 23), 23)");
	CHECK(t_quantile(0.5, 7) == 0, "median 0");
	/* 1 - 0.7 is not 0.3 in binary: near, not equal. */
	CHECK(unit_near(t_quantile(0.3, 9), -t_quantile(0.7, 9), 1e-15),
	    "symmetry");
	CHECK(t_quantile(0.25, 9) == -t_quantile(0.75, 9), "exact symmetry");
	CHECK(isnan(t_quantile(0, 5)) && isnan(t_quantile(1, 5)) &&
	    isnan(t_quantile(0.5, 0)) && isnan(t_quantile(0.9, -1)) &&
	    isnan(t_quantile(NAN, 3)) && isnan(t_cdf(1, 0)) &&
	    isnan(t_cdf(NAN, 3)) && isnan(beta_inc(0, 1, 0.5, 0.5)) &&
	    isnan(beta_inc(1, 1, 1.5, -0.5)), "NaN for bad arguments");
	CHECK(t_cdf(INFINITY, 4) == 1 && t_cdf(-INFINITY, 4) == 0,
	    "infinite t");
	return unit_done("tdist");
}
