/*
 * Projections (common/projection.c, DEFINITIONS.md 3.2), one case a line.
 * The fits, forecasts, 6-month verdicts and annual projections expected
 * are R's (projection_cases.h, written by projection_cases.R with lm()
 * and predict(), checked against forecast::tslm); the arrows and red
 * ratings are the Performance Summary's own table (seed report,
 * "Performance against annual projections").
 */
#include "unit.h"

#include "../../../common/dates.h"
#include "../../../common/projection.h"
#include "../../../common/rounding.h"

struct series_case {
	const char	*name;
	const char	*first;		/* YYYY-MM */
	const char	*values;	/* "." uncovered */
};

struct fit_case {
	const char	*series;
	const char	*last;
	int		 window, minimum, status, n, df;
	double		 sigma;
};

struct forecast_case {
	const char	*series;
	const char	*last;		/* the fit's */
	int		 window;
	const char	*month;
	int		 status;
	double		 yhat, lo, hi;
};

struct six_case {
	const char	*series;
	const char	*month;		/* M */
	const char	*recorded;	/* M-5 .. M */
	enum proj_verdict verdict;
};

struct annual_case {
	const char	*series;
	const char	*start;
	int		 status;
	double		 projected;
	long long	 prev_total;
	int		 change_ok;
	double		 change;
	long		 tenths;
};

#include "projection_cases.h"

#define TOL	1e-9

struct loaded {
	long long	 x[UNIT_MAX_MONTHS];
	unsigned char	 cov[UNIT_MAX_MONTHS];
	struct month_series s;
};

static int
month_of(const char *ym)
{
	int m;

	if (month_parse(ym, strlen(ym), &m) < 0) {
		fprintf(stderr, "bad month '%s' in a case\n", ym);
		exit(2);
	}
	return m;
}

static void
load(const char *name, struct loaded *l)
{
	size_t i;

	for (i = 0; i < NELEM(series_cases); i++) {
		if (strcmp(series_cases[i].name, name) != 0)
			continue;
		l->s.n = unit_series(series_cases[i].values, l->x, l->cov);
		l->s.x = l->x;
		l->s.covered = l->cov;
		l->s.first = month_of(series_cases[i].first);
		return;
	}
	fprintf(stderr, "no series '%s'\n", name);
	exit(2);
}

static double
clip(double v)
{
	return v > 0 ? v : 0;
}

static void
check_point(const char *what, const struct proj_point *pt,
    const struct forecast_case *c)
{
	CHECK(pt->status == c->status, "%s %s: status %d, expected %d", what,
	    c->month, pt->status, c->status);
	if (c->status != PROJ_OK)
		return;
	CHECK(unit_near(pt->yhat, c->yhat, TOL), "%s %s: yhat %.17g, R %.17g",
	    what, c->month, pt->yhat, c->yhat);
	CHECK(unit_near(pt->lo, c->lo, TOL), "%s %s: lwr %.17g, R %.17g",
	    what, c->month, pt->lo, c->lo);
	CHECK(unit_near(pt->hi, c->hi, TOL), "%s %s: upr %.17g, R %.17g",
	    what, c->month, pt->hi, c->hi);
	CHECK(unit_near(pt->fit, clip(c->yhat), TOL) &&
	    unit_near(pt->lower, clip(c->lo), TOL) &&
	    unit_near(pt->upper, clip(c->hi), TOL), "%s %s: clipped "
	    "%.17g [%.17g, %.17g]", what, c->month, pt->fit, pt->lower,
	    pt->upper);
}

static void
test_fits(void)
{
	struct loaded l;
	struct proj_model m;
	struct proj_point pt;
	size_t i, j, seen;
	int rc;

	for (i = 0; i < NELEM(fit_cases); i++) {
		const struct fit_case *c = &fit_cases[i];

		load(c->series, &l);
		rc = proj_fit(&m, &l.s, month_of(c->last), c->window,
		    c->minimum);
		CHECK(rc == c->status, "fit %s to %s: status %d, expected %d",
		    c->series, c->last, rc, c->status);
		CHECK(m.n == c->n, "fit %s to %s: n %d, expected %d",
		    c->series, c->last, m.n, c->n);
		if (rc != PROJ_OK || c->status != PROJ_OK)
			continue;
		CHECK(m.df == c->df, "fit %s to %s: df %d, expected %d",
		    c->series, c->last, m.df, c->df);
		CHECK(unit_near(m.sigma, c->sigma, TOL), "fit %s to %s: sigma "
		    "%.17g, R %.17g", c->series, c->last, m.sigma, c->sigma);
		seen = 0;
		for (j = 0; j < NELEM(forecast_cases); j++) {
			const struct forecast_case *f = &forecast_cases[j];

			if (strcmp(f->series, c->series) != 0 ||
			    strcmp(f->last, c->last) != 0 ||
			    f->window != c->window)
				continue;
			proj_forecast(&m, month_of(f->month), &pt);
			check_point(c->series, &pt, f);
			seen++;
		}
		CHECK(seen > 0, "fit %s to %s: no forecasts to check",
		    c->series, c->last);
	}
}

/*
 * A forecast case for the default fit (window 36) on series up to last,
 * for month, if R has one.
 */
static const struct forecast_case *
forecast_case(const char *series, int last, int month)
{
	size_t j;

	for (j = 0; j < NELEM(forecast_cases); j++) {
		const struct forecast_case *f = &forecast_cases[j];

		if (strcmp(f->series, series) == 0 &&
		    f->window == PROJ_WINDOW && month_of(f->last) == last &&
		    month_of(f->month) == month)
			return f;
	}
	return NULL;
}

static void
test_six_month(void)
{
	const struct forecast_case *f;
	struct loaded l;
	struct proj_six r;
	size_t i;
	int k, m, rec;

	for (i = 0; i < NELEM(six_cases); i++) {
		const struct six_case *c = &six_cases[i];

		load(c->series, &l);
		m = month_of(c->month);
		rec = month_of(c->recorded);
		k = rec - (m - 5);
		CHECK(proj_six_month(&r, &l.s, m) == PROJ_OK, "six %s %s",
		    c->series, c->month);
		CHECK(k >= 0 && k < 6 && r.back[k].month == rec, "six %s %s: "
		    "month %s", c->series, c->month, c->recorded);
		if (k < 0 || k >= 6)
			continue;
		CHECK(r.verdict[k] == c->verdict, "six %s %s: %s is '%s', "
		    "expected '%s'", c->series, c->month, c->recorded,
		    proj_verdict_name(r.verdict[k]),
		    proj_verdict_name(c->verdict));
		if ((f = forecast_case(c->series, m - 6, rec)) != NULL)
			check_point("six back", &r.back[k], f);
		if ((f = forecast_case(c->series, m, m + 1 + k)) != NULL)
			check_point("six ahead", &r.ahead[k], f);
	}
}

static void
test_annual(void)
{
	struct loaded l;
	struct proj_annual r;
	size_t i;
	int rc;

	for (i = 0; i < NELEM(annual_cases); i++) {
		const struct annual_case *c = &annual_cases[i];

		load(c->series, &l);
		rc = proj_annual(&r, &l.s, month_of(c->start));
		CHECK(rc == c->status && r.status == c->status, "annual %s %s: "
		    "status %d, expected %d", c->series, c->start, rc,
		    c->status);
		CHECK(unit_near(r.projected, c->projected, TOL), "annual %s "
		    "%s: projected %.17g, R %.17g", c->series, c->start,
		    r.projected, c->projected);
		CHECK(r.prev_total == c->prev_total, "annual %s %s: previous "
		    "year %lld, expected %lld", c->series, c->start,
		    r.prev_total, c->prev_total);
		CHECK(r.change_ok == c->change_ok, "annual %s %s: change_ok %d",
		    c->series, c->start, r.change_ok);
		if (!c->change_ok)
			continue;
		CHECK(unit_near(r.change, c->change, TOL), "annual %s %s: "
		    "change %.17g, R %.17g", c->series, c->start, r.change,
		    c->change);
		CHECK(r.change_tenths == c->tenths, "annual %s %s: tenths %ld, "
		    "expected %ld", c->series, c->start, r.change_tenths,
		    c->tenths);
	}
}

/* Arguments that give no fit, and the fit's own invariants. */
static void
test_fit_edges(void)
{
	struct loaded l;
	struct proj_model m;
	struct proj_point pt;
	struct proj_six six;
	struct proj_annual an;
	int last;

	load("trc", &l);
	last = l.s.first + (int)l.s.n - 1;
	CHECK(proj_fit(&m, &l.s, last + 1, 36, 24) == PROJ_EINVAL,
	    "last after the series");
	CHECK(proj_fit(&m, &l.s, l.s.first - 1, 36, 24) == PROJ_EINVAL,
	    "last before the series");
	CHECK(proj_fit(&m, &l.s, last, 36, 13) == PROJ_EINVAL,
	    "minimum below 14");
	CHECK(proj_fit(&m, &l.s, last, 20, 24) == PROJ_EINVAL,
	    "window below the minimum");
	CHECK(proj_fit(&m, &l.s, last, 36, 24) == PROJ_OK && m.n == 36 &&
	    m.p == PROJ_PARAMS && m.df == 23 && m.ref == 0 &&
	    m.first == last - 35 && m.last == last, "trc window");
	/* The nojan series: February is the reference, 12 parameters. */
	load("nojan", &l);
	CHECK(proj_fit(&m, &l.s, month_of("2019-03"), 36, 24) == PROJ_OK &&
	    m.ref == 1 && m.p == 12 && m.seasons == 0xffe, "nojan model");
	CHECK(proj_forecast(&m, month_of("2020-01"), &pt) == PROJ_NOSEASON &&
	    pt.status == PROJ_NOSEASON && pt.fit == 0, "nojan: no January");
	CHECK(proj_fit(&m, &l.s, month_of("2016-04"), 36, 24) == PROJ_SHORT &&
	    proj_forecast(&m, month_of("2016-05"), &pt) == PROJ_EINVAL,
	    "forecast from a model not fitted");
	/* 23 covered months: no 6-month chart ahead, nor back. */
	load("short23", &l);
	CHECK(proj_six_month(&six, &l.s, l.s.first + 22) == PROJ_OK &&
	    six.ahead_status == PROJ_SHORT && six.back_status == PROJ_SHORT &&
	    six.verdict[5] == PROJ_NA && six.ahead[0].status == PROJ_SHORT,
	    "short six-month");
	CHECK(proj_six_month(&six, &l.s, l.s.first + 23) == PROJ_EINVAL,
	    "six-month after the series");
	CHECK(proj_six_month(&six, &l.s, l.s.first + 3) == PROJ_OK &&
	    six.back_status == PROJ_SHORT, "six-month, back fit before the "
	    "series");
	CHECK(proj_annual(&an, &l.s, l.s.first) == PROJ_SHORT &&
	    an.prev_months == 0 && !an.change_ok, "annual at the series' "
	    "start");
	CHECK(proj_annual(&an, &l.s, l.s.first + 24) == PROJ_EINVAL,
	    "annual after the series");
}

/*
 * The summary's "Performance against annual projections" table (seed
 * report, 2019/20): projected annual change as printed, then April to
 * December 2018 and 2019.  The OCR of the report garbles its arrows; as
 * printed there, '>' is U+2197, 'S' and '\' U+2198, '"' U+2193, and the
 * underlined arrow, '∱' and '☆' U+2191.  Two change arrows are lost in
 * the OCR (Sexual Offences - Other "3 .9%" and Theft From Person "14.5%",
 * which 359 -> 307 shows is -14.5 %); their figures decide them.  Only
 * Rape and Violence Without Injury are rated red (the scrutiny paper).
 */
#define LV	PROJ_ARROW_LEVEL
#define RI	PROJ_ARROW_RISE
#define FA	PROJ_ARROW_FALL
#define SR	PROJ_ARROW_SHARP_RISE
#define SF	PROJ_ARROW_SHARP_FALL

static const struct {
	const char	*name;
	long		 projected;	/* tenths of a % */
	enum proj_arrow	 projected_arrow;
	long long	 before, now;
	const char	*change;	/* as printed */
	enum proj_arrow	 change_arrow;
	int		 red;
} summary[] = {
	{ "Total Recorded Crime", 66, RI, 32086, 31903, "-0.6", LV, 0 },
	{ "Violence With Injury", 51, RI, 3525, 3568, "1.2", LV, 0 },
	{ "Violence Without Injury", 199, SR, 6600, 7392, "12.0", SR, 1 },
	{ "Sexual Offences - Rape", -24, LV, 300, 416, "38.7", SR, 1 },
	{ "Sexual Offences - Other", 28, RI, 662, 688, "3.9", RI, 0 },
	{ "Robbery", 252, SR, 347, 346, "-0.3", LV, 0 },
	{ "Residential Burglary Dwelling", 66, RI, 1624, 1288, "-20.7", SF, 0 },
	{ "Business & Community Burglary", -26, FA, 1487, 1493, "0.4", LV, 0 },
	{ "Vehicle", 107, RI, 3818, 3480, "-8.9", FA, 0 },
	{ "Theft From Person", 94, RI, 359, 307, "-14.5", SF, 0 },
	{ "Shoplifting", -19, LV, 2556, 2549, "-0.3", LV, 0 },
	{ "Bicycle", -58, FA, 576, 475, "-17.5", SF, 0 },
	{ "All other Theft", 15, LV, 3445, 3497, "1.5", LV, 0 },
	{ "Criminal Damage & Arson", 25, LV, 3528, 3116, "-11.7", SF, 0 },
	{ "Drug Offences", -26, FA, 648, 660, "1.9", LV, 0 },
	{ "Possession of Weapons", 238, SR, 328, 358, "9.1", RI, 0 },
	{ "Public Order Offences", 194, SR, 1781, 1767, "-0.8", LV, 0 },
	{ "Misc. Crimes Against Society", -660, SF, 502, 503, "0.2", LV, 0 },
};

static void
test_summary_table(void)
{
	char buf[32], want[32];
	long tenths = 0;	/* set by proj_change_tenths (LTO cannot tell) */
	size_t i;
	int red = 0;

	for (i = 0; i < NELEM(summary); i++) {
		CHECK(proj_arrow(summary[i].projected) ==
		    summary[i].projected_arrow, "%s: projected arrow '%s'",
		    summary[i].name,
		    proj_arrow_symbol(proj_arrow(summary[i].projected)));
		CHECK(proj_change_tenths(summary[i].now, summary[i].before,
		    &tenths) == 0, "%s: change", summary[i].name);
		round_change(buf, sizeof(buf), summary[i].now,
		    summary[i].before);
		CHECK(strcmp(buf, summary[i].change) == 0, "%s: change %s, "
		    "printed %s", summary[i].name, buf, summary[i].change);
		round_ratio(want, sizeof(want), tenths, 10, 1);
		CHECK(strcmp(buf, want) == 0, "%s: tenths %ld against %s",
		    summary[i].name, tenths, buf);
		CHECK(proj_arrow(tenths) == summary[i].change_arrow,
		    "%s: change arrow '%s'", summary[i].name,
		    proj_arrow_symbol(proj_arrow(tenths)));
		CHECK(proj_ytd_red(tenths) == summary[i].red, "%s: red %d",
		    summary[i].name, proj_ytd_red(tenths));
		red += proj_ytd_red(tenths);
	}
	CHECK(red == 2, "%d rows red, the summary has 2", red);
}

/* The cuts themselves (docs/statistics.md). */
static const struct {
	long		 tenths;
	enum proj_arrow	 arrow;
	int		 red;
} cuts[] = {
	{ 0, LV, 0 }, { 25, LV, 0 }, { -25, LV, 0 }, { 26, RI, 0 },
	{ -26, FA, 0 }, { 107, RI, 0 }, { 110, RI, 0 }, { -110, FA, 0 },
	{ 111, SR, 1 }, { -111, SF, 0 }, { -117, SF, 0 }, { 387, SR, 1 },
	{ 120, SR, 1 },
};

/* now, before -> tenths, rounded half away from zero; -1: n/a. */
static const struct {
	long long	 now, before;
	int		 rc;
	long		 tenths;
} changes[] = {
	{ 416, 300, 0, 387 },		/* 38.67 % */
	{ 7392, 6600, 0, 120 },		/* exactly 12 % */
	{ 1025, 1000, 0, 25 },		/* exactly 2.5 %: level */
	{ 10245, 10000, 0, 25 },	/* 2.45 % -> 2.5 */
	{ 9755, 10000, 0, -25 },	/* -2.45 % -> -2.5 */
	{ 10244, 10000, 0, 24 },
	{ 11104, 10000, 0, 110 },	/* 11.04 % prints 11.0: not red */
	{ 11105, 10000, 0, 111 },	/* 11.05 % prints 11.1: red */
	{ 5, 5, 0, 0 },
	{ 0, 7, 0, -1000 },
	{ 1, 0, -1, 0 },		/* n/a */
};

static void
test_cuts(void)
{
	static const int fy[][2] = {	/* month -> its financial year */
		{ 2019 * 12 + 11, 2019 * 12 + 3 },	/* Dec 2019 */
		{ 2019 * 12 + 3, 2019 * 12 + 3 },	/* Apr 2019 */
		{ 2019 * 12 + 2, 2018 * 12 + 3 },	/* Mar 2019 */
		{ 2020 * 12 + 0, 2019 * 12 + 3 },	/* Jan 2020 */
		{ 2019 * 12 + 4, 2019 * 12 + 3 },	/* May 2019 */
		{ -1, -9 },		/* December of year -1 */
		{ -10, -21 },		/* March of year -1 */
	};
	long tenths;
	size_t i;
	int rc;

	for (i = 0; i < NELEM(cuts); i++) {
		CHECK(proj_arrow(cuts[i].tenths) == cuts[i].arrow, "arrow of "
		    "%ld", cuts[i].tenths);
		CHECK(proj_ytd_red(cuts[i].tenths) == cuts[i].red, "red of %ld",
		    cuts[i].tenths);
	}
	for (i = 0; i < NELEM(changes); i++) {
		tenths = 0;
		rc = proj_change_tenths(changes[i].now, changes[i].before,
		    &tenths);
		CHECK(rc == changes[i].rc && (rc != 0 ||
		    tenths == changes[i].tenths), "change %lld -> %lld: %d, "
		    "%ld", changes[i].before, changes[i].now, rc, tenths);
	}
	CHECK(proj_percent_tenths(2.46) == 25 && proj_percent_tenths(-11.66) ==
	    -117 && proj_percent_tenths(10.7) == 107 &&
	    proj_percent_tenths(-0.04) == 0 && proj_percent_tenths(0.06) == 1,
	    "percent tenths");
	CHECK(strcmp(proj_arrow_symbol(LV), "\xe2\x87\x92") == 0 &&
	    strcmp(proj_arrow_symbol(RI), "\xe2\x86\x97") == 0 &&
	    strcmp(proj_arrow_symbol(FA), "\xe2\x86\x98") == 0 &&
	    strcmp(proj_arrow_symbol(SR), "\xe2\x86\x91") == 0 &&
	    strcmp(proj_arrow_symbol(SF), "\xe2\x86\x93") == 0 &&
	    strcmp(proj_arrow_symbol(PROJ_ARROW_NONE), "") == 0,
	    "arrow symbols");
	CHECK(strcmp(proj_verdict_name(PROJ_IN_LINE), "in line with") == 0 &&
	    strcmp(proj_verdict_name(PROJ_ABOVE), "above") == 0 &&
	    strcmp(proj_verdict_name(PROJ_BELOW), "below") == 0 &&
	    strcmp(proj_verdict_name(PROJ_NA), "n/a") == 0, "verdict names");
	for (i = 0; i < NELEM(fy); i++)
		CHECK(proj_fy_start(fy[i][0]) == fy[i][1], "financial year of "
		    "%d", fy[i][0]);
}

int
main(void)
{
	test_fits();
	test_six_month();
	test_annual();
	test_fit_edges();
	test_summary_table();
	test_cuts();
	return unit_done("projection");
}
