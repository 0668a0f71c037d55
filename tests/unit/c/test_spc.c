/*
 * The Making Data Count rules (common/spc.c, DEFINITIONS.md 3), one case
 * a line: a series ("." an uncovered month), how many of its first months
 * form the baseline, the improvement direction, and the verdict expected
 * on its last month M.  Every expectation was worked out by hand from the
 * baselines' limits below (checked with Python's fractions), never taken
 * from the code's output.
 */
#include "unit.h"

#include "../../../common/spc.h"

/*
 * B11: mean 11, 11 moving ranges of 2, so MR-bar 2; limits 11 +- 5.32 =
 * 5.68 .. 16.32, near limits 11 +- 3.5467 = 7.4533 .. 14.5467.  So 17 and
 * up are beyond the upper limit, 15 and 16 beyond 2 sigma, 8 .. 14 within
 * the near limits, 6 and 7 beyond 2 sigma low, 5 and below beyond the
 * lower limit.  It ends on 12, above the mean.
 */
#define B11	"10 12 10 12 10 12 10 12 10 12 10 12 "
/* B125: mean 125, MR-bar 50; limits -8 .. 258 (exact), near 36.33 .. 213.67. */
#define B125	"100 150 100 150 100 150 100 150 100 150 100 150 "
/* B100: mean 100, MR-bar 150; limits -299 .. 499, near -166 .. 366 (exact). */
#define B100	"25 175 25 175 25 175 25 175 25 175 25 175 "

#define UP	MDC_UP
#define DOWN	MDC_DOWN
#define NEUT	MDC_NEUTRAL

struct rule_case {
	const char	*name;
	const char	*series;
	int		 base;		/* baseline: the first base months */
	enum mdc_direction dir;
	int		 rc;
	enum mdc_cause	 cause;
	int		 increasing;
	enum mdc_variation variation;
};

static const struct rule_case rule_cases[] = {
	/* Common cause. */
	{ "on the mean", B11 "11", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "inside", B11 "14", 12, UP, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	/* Rule 1: beyond the limits; a point on a limit is not beyond it. */
	{ "beyond upper", B11 "17", 12, DOWN, MDC_OK, MDC_BEYOND_UPPER, 0, MDC_CONCERN_HIGH },
	{ "2 sigma alone", B11 "16", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "beyond lower", B11 "5", 12, DOWN, MDC_OK, MDC_BEYOND_LOWER, 0, MDC_IMPROVEMENT_LOW },
	{ "2 sigma low alone", B11 "6", 12, UP, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "on upper limit", B125 "258", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "past upper limit", B125 "259", 12, UP, MDC_OK, MDC_BEYOND_UPPER, 0, MDC_IMPROVEMENT_HIGH },
	{ "flat baseline", "50 50 50 50 50 50 50 50 50 50 50 50 51", 12, NEUT, MDC_OK, MDC_BEYOND_UPPER, 0, MDC_NEUTRAL_HIGH },
	{ "flat, on mean", "50 50 50 50 50 50 50 50 50 50 50 50 50", 12, NEUT, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	/* Rule 2: 7 points, 6 rises or falls; equal neighbours break it. */
	{ "trend up 7", B11 "8 9 10 11 12 13 14", 12, DOWN, MDC_OK, MDC_TREND_UP, 1, MDC_CONCERN_HIGH },
	{ "trend up 7, up", B11 "8 9 10 11 12 13 14", 12, UP, MDC_OK, MDC_TREND_UP, 1, MDC_IMPROVEMENT_HIGH },
	{ "trend up 6 points", B11 "10 9 10 11 12 13 14", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "trend, a tie", B11 "9 9 10 11 12 13 14", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "trend, a gap", B11 "8 9 10 .11 12 13 14", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "trend down 7", B11 "14 13 12 11 10 9 8", 12, DOWN, MDC_OK, MDC_TREND_DOWN, 0, MDC_IMPROVEMENT_LOW },
	{ "trend down 7, neutral", B11 "14 13 12 11 10 9 8", 12, NEUT, MDC_OK, MDC_TREND_DOWN, 0, MDC_NEUTRAL_LOW },
	{ "trend from baseline", "10 12 10 12 10 12 10 12 10 10 11 12 13", 12, UP, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "trend from baseline 7", "10 12 10 12 10 12 10 12 8 9 10 11 12 13 14", 12, DOWN, MDC_OK, MDC_TREND_UP, 1, MDC_CONCERN_HIGH },
	/* Rule 3: two of three beyond 2 sigma, all three on that side. */
	{ "two of three", B11 "15 12 15", 12, UP, MDC_OK, MDC_TWO_OF_THREE_HIGH, 0, MDC_IMPROVEMENT_HIGH },
	{ "two of three, last two", B11 "12 15 16", 12, DOWN, MDC_OK, MDC_TWO_OF_THREE_HIGH, 0, MDC_CONCERN_HIGH },
	{ "two of three across mean", B11 "15 10 15", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "two of three, mean between", B11 "15 11 15", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "only M beyond 2 sigma", B11 "12 13 15", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "M not beyond 2 sigma", B11 "15 15 12", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "two of three low", B11 "7 9 6", 12, DOWN, MDC_OK, MDC_TWO_OF_THREE_LOW, 0, MDC_IMPROVEMENT_LOW },
	{ "two of three low, up", B11 "7 9 6", 12, UP, MDC_OK, MDC_TWO_OF_THREE_LOW, 0, MDC_CONCERN_LOW },
	{ "two of three, a gap", B11 "15 .15 15", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "other beyond the limit", B11 "12 17 15", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "M-2 beyond, M-1 2 sigma", B11 "17 15 15", 12, DOWN, MDC_OK, MDC_TWO_OF_THREE_HIGH, 0, MDC_CONCERN_HIGH },
	{ "M on the limit counts", B125 "130 220 258", 12, DOWN, MDC_OK, MDC_TWO_OF_THREE_HIGH, 0, MDC_CONCERN_HIGH },
	{ "beyond near limits", B100 "200 367 367", 12, DOWN, MDC_OK, MDC_TWO_OF_THREE_HIGH, 0, MDC_CONCERN_HIGH },
	{ "M on the near limit", B100 "200 367 366", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "M-1 on the near limit", B100 "200 366 367", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "two of three in baseline", "10 12 10 12 10 12 10 12 10 12 15 12 15", 13, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	/*
 * Rule 4: 7 on one side; the mean and a gap break the run.  (A gap's
 * hidden count, after the ".", would make the rule hold if it were read.)
 */
	{ "shift 7", B11 "10 12 12 12 12 12 12 12", 12, DOWN, MDC_OK, MDC_SHIFT_HIGH, 1, MDC_CONCERN_HIGH },
	{ "shift 7, neutral", B11 "10 12 12 12 12 12 12 12", 12, NEUT, MDC_OK, MDC_SHIFT_HIGH, 1, MDC_NEUTRAL_HIGH },
	{ "shift 6", B11 "10 12 12 12 12 12 12", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "shift, a point on the mean", B11 "10 12 12 12 11 12 12 12 12", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "shift, a gap", B11 "10 12 12 12 .12 12 12 12", 12, DOWN, MDC_OK, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "shift from baseline", B11 "12 12 12 12 12 12", 12, UP, MDC_OK, MDC_SHIFT_HIGH, 1, MDC_IMPROVEMENT_HIGH },
	{ "shift low 7", B11 "10 10 10 10 10 10 10", 12, UP, MDC_OK, MDC_SHIFT_LOW, 0, MDC_CONCERN_LOW },
	/* Precedence: the first rule that holds; increasing_trend apart. */
	{ "beyond over trend", B11 "8 9 10 11 12 13 17", 12, UP, MDC_OK, MDC_BEYOND_UPPER, 1, MDC_IMPROVEMENT_HIGH },
	{ "trend over two of three", B11 "9 10 11 12 13 15 16", 12, DOWN, MDC_OK, MDC_TREND_UP, 1, MDC_CONCERN_HIGH },
	{ "two of three over shift", B11 "12 12 12 12 15 15", 12, DOWN, MDC_OK, MDC_TWO_OF_THREE_HIGH, 1, MDC_CONCERN_HIGH },
	{ "trend down over shift", B125 "120 115 110 105 100 95 90", 12, DOWN, MDC_OK, MDC_TREND_DOWN, 0, MDC_IMPROVEMENT_LOW },
	{ "trend up below the mean", B125 "30 40 50 60 70 80 90", 12, DOWN, MDC_OK, MDC_TREND_UP, 1, MDC_CONCERN_HIGH },
	{ "beyond lower in a shift high", B11 "12 12 12 12 12 12 12 5", 12, DOWN, MDC_OK, MDC_BEYOND_LOWER, 0, MDC_IMPROVEMENT_LOW },
	/* Coverage (DEFINITIONS.md 3.0). */
	{ "11 baseline months", "10 12 10 12 10 12 10 12 10 12 10 30", 11, DOWN, MDC_SHORT, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "11 covered of 12", "10 12 10 12 .10 12 10 12 10 12 10 12 30", 12, DOWN, MDC_SHORT, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "12 covered of 13", "10 12 10 12 10 12 .11 12 10 12 10 12 10 30", 13, DOWN, MDC_OK, MDC_BEYOND_UPPER, 0, MDC_CONCERN_HIGH },
	{ "M uncovered", B11 ".17", 12, DOWN, MDC_UNCOVERED, MDC_NONE, 0, MDC_COMMON_CAUSE },
	{ "short and uncovered", "10 12 10 12 10 12 10 12 10 12 10 .", 11, DOWN, MDC_SHORT, MDC_NONE, 0, MDC_COMMON_CAUSE },
};

/* The chart's figures, and limits as exact fractions "num/den". */
struct limit_case {
	const char	*series;
	int		 base;
	long long	 n, sum, nmr, sum_mr;
	const char	*upper, *lower, *near_upper, *near_lower;
};

static const struct limit_case limit_cases[] = {
	{ B11 "11", 12, 12, 132, 11, 22, "408/25", "142/25", "1091/75", "559/75" },
	{ B125 "1", 12, 12, 1500, 11, 550, "258/1", "-8/1", "641/3", "109/3" },
	{ B100 "1", 12, 12, 1200, 11, 1650, "499/1", "-299/1", "366/1", "-166/1" },
	/* MR across the gap: |12 - 12| = 0, so 20 over 11 ranges. */
	{ "10 12 10 12 10 12 .11 12 10 12 10 12 10 30", 13, 12, 132, 11, 20, "871/55", "339/55", "2347/165", "1283/165" },
	/* A baseline of 36 months ending before M. */
	{ "10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 10 12 99", 36, 36, 396, 35, 70, "408/25", "142/25", "1091/75", "559/75" },
};

/* Each cause under each direction (DEFINITIONS.md 3's verdict words). */
struct variation_case {
	enum mdc_cause		 cause;
	enum mdc_direction	 dir;
	const char		*want;
};

static const struct variation_case variation_cases[] = {
	{ MDC_NONE, UP, "common cause" },
	{ MDC_NONE, DOWN, "common cause" },
	{ MDC_NONE, NEUT, "common cause" },
	{ MDC_BEYOND_UPPER, UP, "improvement high" },
	{ MDC_BEYOND_UPPER, DOWN, "concern high" },
	{ MDC_BEYOND_UPPER, NEUT, "neutral high" },
	{ MDC_BEYOND_LOWER, UP, "concern low" },
	{ MDC_BEYOND_LOWER, DOWN, "improvement low" },
	{ MDC_BEYOND_LOWER, NEUT, "neutral low" },
	{ MDC_TREND_UP, UP, "improvement high" },
	{ MDC_TREND_UP, DOWN, "concern high" },
	{ MDC_TREND_UP, NEUT, "neutral high" },
	{ MDC_TREND_DOWN, UP, "concern low" },
	{ MDC_TREND_DOWN, DOWN, "improvement low" },
	{ MDC_TREND_DOWN, NEUT, "neutral low" },
	{ MDC_TWO_OF_THREE_HIGH, UP, "improvement high" },
	{ MDC_TWO_OF_THREE_HIGH, DOWN, "concern high" },
	{ MDC_TWO_OF_THREE_HIGH, NEUT, "neutral high" },
	{ MDC_TWO_OF_THREE_LOW, UP, "concern low" },
	{ MDC_TWO_OF_THREE_LOW, DOWN, "improvement low" },
	{ MDC_TWO_OF_THREE_LOW, NEUT, "neutral low" },
	{ MDC_SHIFT_HIGH, UP, "improvement high" },
	{ MDC_SHIFT_HIGH, DOWN, "concern high" },
	{ MDC_SHIFT_HIGH, NEUT, "neutral high" },
	{ MDC_SHIFT_LOW, UP, "concern low" },
	{ MDC_SHIFT_LOW, DOWN, "improvement low" },
	{ MDC_SHIFT_LOW, NEUT, "neutral low" },
};

/* DEFINITIONS.md 3.1's special_cause words. */
static const struct {
	enum mdc_cause	 cause;
	const char	*want;
} cause_names[] = {
	{ MDC_NONE, "none" },
	{ MDC_BEYOND_UPPER, "beyond upper" },
	{ MDC_BEYOND_LOWER, "beyond lower" },
	{ MDC_TREND_UP, "trend up" },
	{ MDC_TREND_DOWN, "trend down" },
	{ MDC_TWO_OF_THREE_HIGH, "two of three high" },
	{ MDC_TWO_OF_THREE_LOW, "two of three low" },
	{ MDC_SHIFT_HIGH, "shift high" },
	{ MDC_SHIFT_LOW, "shift low" },
};

#define FIRST	(2017 * 12)	/* the series' first month: January 2017 */

static int
judge(const char *text, int base, enum mdc_direction dir, struct mdc *r,
    struct month_series *s, long long *x, unsigned char *cov)
{
	s->n = unit_series(text, x, cov);
	s->x = x;
	s->covered = cov;
	s->first = FIRST;
	return mdc_judge(r, s, FIRST, FIRST + base - 1,
	    FIRST + (int)s->n - 1, dir);
}

static void
test_rules(void)
{
	long long x[UNIT_MAX_MONTHS];
	unsigned char cov[UNIT_MAX_MONTHS];
	struct month_series s;
	struct mdc r;
	size_t i;
	int rc;

	for (i = 0; i < NELEM(rule_cases); i++) {
		const struct rule_case *c = &rule_cases[i];

		rc = judge(c->series, c->base, c->dir, &r, &s, x, cov);
		CHECK(rc == c->rc, "%s: returned %d, expected %d", c->name,
		    rc, c->rc);
		CHECK(r.cause == c->cause, "%s: cause '%s', expected '%s'",
		    c->name, mdc_cause_name(r.cause), mdc_cause_name(c->cause));
		CHECK(r.increasing == c->increasing, "%s: increasing %d, "
		    "expected %d", c->name, r.increasing, c->increasing);
		CHECK(r.variation == c->variation, "%s: variation '%s', "
		    "expected '%s'", c->name, mdc_variation_name(r.variation),
		    mdc_variation_name(c->variation));
		CHECK(r.exceptional == (c->cause == MDC_BEYOND_UPPER ? 1 :
		    c->cause == MDC_BEYOND_LOWER ? -1 : 0),
		    "%s: exceptional %d", c->name, r.exceptional);
	}
}

/* num/den == want ("p/q"), compared across: num * q == p * den. */
static int
frac_is(long long num, long long den, const char *want)
{
	long long p, q;

	if (sscanf(want, "%lld/%lld", &p, &q) != 2)
		return 0;
	return num * q == p * den;
}

static void
test_limits(void)
{
	long long x[UNIT_MAX_MONTHS], num, den;
	unsigned char cov[UNIT_MAX_MONTHS];
	struct month_series s;
	struct mdc r;
	size_t i;

	for (i = 0; i < NELEM(limit_cases); i++) {
		const struct limit_case *c = &limit_cases[i];

		judge(c->series, c->base, MDC_DOWN, &r, &s, x, cov);
		CHECK(r.n == c->n && r.sum == c->sum && r.nmr == c->nmr &&
		    r.sum_mr == c->sum_mr, "limits %zu: n %lld sum %lld nmr "
		    "%lld sum_mr %lld", i, r.n, r.sum, r.nmr, r.sum_mr);
		CHECK(mdc_has_limits(&r), "limits %zu: no limits", i);
		mdc_mean(&r, &num, &den);
		CHECK(num * c->n == c->sum * den, "limits %zu: mean", i);
		mdc_limit(&r, 1, &num, &den);
		CHECK(frac_is(num, den, c->upper), "limits %zu: upper "
		    "%lld/%lld, expected %s", i, num, den, c->upper);
		mdc_limit(&r, 0, &num, &den);
		CHECK(frac_is(num, den, c->lower), "limits %zu: lower "
		    "%lld/%lld, expected %s", i, num, den, c->lower);
		mdc_near_limit(&r, 1, &num, &den);
		CHECK(frac_is(num, den, c->near_upper), "limits %zu: near "
		    "upper %lld/%lld, expected %s", i, num, den, c->near_upper);
		mdc_near_limit(&r, 0, &num, &den);
		CHECK(frac_is(num, den, c->near_lower), "limits %zu: near "
		    "lower %lld/%lld, expected %s", i, num, den, c->near_lower);
	}
}

static void
test_bad_arguments(void)
{
	long long x[UNIT_MAX_MONTHS];
	unsigned char cov[UNIT_MAX_MONTHS];
	struct month_series s;
	struct mdc r;

	s.n = unit_series(B11 "17", x, cov);
	s.x = x;
	s.covered = NULL;
	s.first = FIRST;
	CHECK(mdc_judge(&r, &s, FIRST, FIRST + 11, FIRST + 12, MDC_DOWN) ==
	    MDC_OK && r.cause == MDC_BEYOND_UPPER, "covered NULL: all covered");
	CHECK(mdc_judge(&r, &s, FIRST, FIRST + 11, FIRST + 13, MDC_DOWN) ==
	    MDC_EINVAL, "M after the series");
	CHECK(mdc_judge(&r, &s, FIRST - 1, FIRST + 11, FIRST + 12,
	    MDC_DOWN) == MDC_EINVAL, "baseline before the series");
	CHECK(mdc_judge(&r, &s, FIRST + 5, FIRST + 4, FIRST + 12,
	    MDC_DOWN) == MDC_EINVAL, "baseline reversed");
	CHECK(mdc_judge(&r, &s, FIRST + 5, FIRST + 11, FIRST + 4,
	    MDC_DOWN) == MDC_EINVAL, "M before the baseline");
	CHECK(mdc_judge(&r, &s, FIRST, FIRST + 12, FIRST + 13, MDC_DOWN) ==
	    MDC_EINVAL, "baseline after the series");
	x[12] = MDC_MAX_COUNT + 1;
	CHECK(mdc_judge(&r, &s, FIRST, FIRST + 11, FIRST + 12, MDC_DOWN) ==
	    MDC_EINVAL && r.n == 0, "a count past the bound");
	x[12] = MDC_MAX_COUNT;
	CHECK(mdc_judge(&r, &s, FIRST, FIRST + 11, FIRST + 12, MDC_DOWN) ==
	    MDC_OK && r.cause == MDC_BEYOND_UPPER, "a count on the bound");
	s.n = unit_series(B11 "12 17", x, cov);
	/* An uncovered month's slot is never read, whatever it holds. */
	s.covered = cov;
	x[3] = MDC_MAX_COUNT * 5;
	cov[3] = 0;
	CHECK(mdc_judge(&r, &s, FIRST, FIRST + 12, FIRST + 13, MDC_DOWN) ==
	    MDC_OK, "a huge count in an uncovered month");
	s.covered = NULL;
	/* M inside the baseline: the series is judged up to M only. */
	s.n = unit_series(B11, x, cov);
	CHECK(mdc_judge(&r, &s, FIRST, FIRST + 11, FIRST + 11, MDC_DOWN) ==
	    MDC_OK && r.cause == MDC_NONE, "M the baseline's last month");
}

static void
test_names(void)
{
	enum mdc_direction d;
	size_t i;

	for (i = 0; i < NELEM(variation_cases); i++) {
		const struct variation_case *c = &variation_cases[i];
		const char *got = mdc_variation_name(mdc_variation_of(c->cause,
		    c->dir));

		CHECK(strcmp(got, c->want) == 0, "variation of '%s' dir %d: "
		    "'%s', expected '%s'", mdc_cause_name(c->cause), c->dir,
		    got, c->want);
	}
	for (i = 0; i < NELEM(cause_names); i++)
		CHECK(strcmp(mdc_cause_name(cause_names[i].cause),
		    cause_names[i].want) == 0, "cause name %s",
		    cause_names[i].want);
	CHECK(mdc_direction_parse("up", &d) == 0 && d == MDC_UP, "up");
	CHECK(mdc_direction_parse("down", &d) == 0 && d == MDC_DOWN, "down");
	CHECK(mdc_direction_parse("neutral", &d) == 0 && d == MDC_NEUTRAL,
	    "neutral");
	CHECK(mdc_direction_parse("Up", &d) == -1, "Up is not a direction");
	CHECK(mdc_direction_parse("", &d) == -1, "empty direction");
}

int
main(void)
{
	test_rules();
	test_limits();
	test_bad_arguments();
	test_names();
	return unit_done("spc");
}
