/*
 * What a monthly series gives (DEFINITIONS.md 3, 3.0): the changes on
 * the month and the year before, the monthly average over the covered
 * baseline months, the XmR limits and the Making Data Count verdicts
 * when at least 12 months are covered, and the year to date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/rounding.h"
#include "../../common/spc.h"
#include "../../common/xalloc.h"
#include "agg.h"

/* The first month of a measure's baseline (docs/measures.md). */
int
baseline_start(const struct agg *a, int measure)
{
	int base = a->w.month - a->w.baseline;

	/*
	 * A repeat victim needs the 12 months before (DEFINITIONS.md 2.5):
	 * in the data's first 11 months the histories are cut short and the
	 * counts run low, so the repeat-victim baseline starts at the
	 * data's 12th month.
	 */
	if (measure == MS_REPEAT_VICTIMS && a->first_month + 11 > base)
		base = a->first_month + 11;
	return base;
}

/* The series of cat in area over the window lo..M (month_series). */
static void
series_fill(const struct agg *a, int cat, int area, long long *x,
    unsigned char *cov, struct month_series *s)
{
	int i;

	for (i = 0; i < a->w.nmonths; i++) {
		cov[i] = (unsigned char)is_covered(a, a->w.lo + i);
		x[i] = cov[i] ? cube_get(a, cat, area, i) : 0;
	}
	s->x = x;
	s->covered = cov;
	s->first = a->w.lo;
	s->n = (size_t)a->w.nmonths;
}

/* A change on an earlier month: n/a when it is 0 or not covered. */
static void
change_row(struct agg *a, const struct month_series *s, int area,
    const char *measure, const char *series, int earlier)
{
	long long x = s->x[a->w.month - a->w.lo];
	int i = earlier - a->w.lo;
	char period[8];
	struct row *r;

	month_format(a->w.month, period);
	r = row_new(a, period, area, measure, series);
	if (i < 0 || !s->covered[i]) {
		snprintf(r->value, sizeof(r->value), "n/a");
		return;
	}
	round_change(r->value, sizeof(r->value), x, s->x[i]);
	snprintf(r->den, sizeof(r->den), "%lld", s->x[i]);
}

/* The covered months of from..to: how many, the first, the last. */
static int
covered_span(const struct month_series *s, int from, int to, int *first,
    int *last)
{
	int m, n = 0;

	*first = *last = -1;
	for (m = from; m <= to; m++)
		if (m >= s->first && (size_t)(m - s->first) < s->n &&
		    s->covered[m - s->first]) {
			if (n++ == 0)
				*first = m;
			*last = m;
		}
	return n;
}

static enum mdc_direction
direction_of(const struct agg *a, int cat)
{
	const struct topic_row *t = topic_of(a,
	    measure_defs[a->cat_measure[cat]].name, a->cat_name[cat]);
	enum mdc_direction d = MDC_NEUTRAL;

	if (t != NULL)
		(void)mdc_direction_parse(t->direction, &d);
	return d;
}

static void
verdict_rows(struct agg *a, const struct mdc *c, int area,
    const char *series, const char *span)
{
	long long num, den;
	char period[8];
	struct row *r;

	mdc_limit(c, 1, &num, &den);
	r = row_new(a, span, area, "control_upper", series);
	round_ratio(r->value, sizeof(r->value), num, den, 1);
	mdc_limit(c, 0, &num, &den);
	r = row_new(a, span, area, "control_lower", series);
	/* docs/measures.md: the printed limit is floored. */
	round_ratio(r->value, sizeof(r->value), num < 0 ? 0 : num, den, 1);
	month_format(a->w.month, period);
	r = row_new(a, period, area, "exceptional", series);
	snprintf(r->value, sizeof(r->value), "%s", c->exceptional > 0 ? "Y" :
	    c->exceptional < 0 ? "Y (low)" : "N");
	r = row_new(a, period, area, "increasing_trend", series);
	snprintf(r->value, sizeof(r->value), "%s", c->increasing ? "Y" : "N");
	r = row_new(a, period, area, "special_cause", series);
	snprintf(r->value, sizeof(r->value), "%s", mdc_cause_name(c->cause));
	r = row_new(a, period, area, "variation", series);
	snprintf(r->value, sizeof(r->value), "%s",
	    mdc_variation_name(c->variation));
}

/* The monthly average and, with 12 covered months, the chart. */
static void
chart_rows(struct agg *a, int cat, int area, const struct month_series *s,
    const char *series, int base)
{
	long long num, den;
	char span[18];
	struct mdc c;
	struct row *r;
	int first, last, res;

	if (covered_span(s, base, a->w.month - 1, &first, &last) == 0)
		return;
	res = mdc_judge(&c, s, base, a->w.month - 1, a->w.month,
	    direction_of(a, cat));
	if (res != MDC_OK && res != MDC_SHORT)
		return;
	span_text(first, last, span);
	mdc_mean(&c, &num, &den);
	r = row_new(a, span, area, "monthly_average", series);
	round_ratio(r->value, sizeof(r->value), num, den, 1);
	snprintf(r->den, sizeof(r->den), "%lld", c.n);
	if (res == MDC_OK)
		verdict_rows(a, &c, area, series, span);
}

/* The year to date: its covered months, and a year earlier if whole. */
static void
ytd_rows(struct agg *a, const struct month_series *s, int area,
    const char *series)
{
	long long ytd = 0, prev = 0;
	int first, last, n, m, whole = 1;
	char span[18];
	struct row *r;

	n = covered_span(s, a->w.fy, a->w.month, &first, &last);
	if (n == 0)
		return;
	for (m = first; m <= a->w.month; m++) {
		if (!s->covered[m - a->w.lo])
			continue;
		ytd += s->x[m - a->w.lo];
		if (m - 12 < a->w.lo || !s->covered[m - 12 - a->w.lo])
			whole = 0;
		else
			prev += s->x[m - 12 - a->w.lo];
	}
	span_text(first, a->w.month, span);
	r = row_new(a, span, area, "ytd", series);
	snprintf(r->value, sizeof(r->value), "%lld", ytd);
	/* DEFINITIONS.md 3.0: a year earlier only when all of it is there. */
	if (!whole)
		return;
	r = row_new(a, span, area, "change_ytd", series);
	round_change(r->value, sizeof(r->value), ytd, prev);
	snprintf(r->den, sizeof(r->den), "%lld", prev);
	span_text(first - 12, a->w.month - 12, span);
	r = row_new(a, span, area, "ytd_prev", series);
	snprintf(r->value, sizeof(r->value), "%lld", prev);
}

/*
 * Every row derived from the series of cat in area: series is its name,
 * "measure:category", owned by the caller; base the baseline's start.
 */
void
series_rows(struct agg *a, int cat, int area, const char *series, int base)
{
	long long *x = xmalloc((size_t)a->w.nmonths * sizeof(long long));
	unsigned char *cov = xmalloc((size_t)a->w.nmonths);
	struct month_series s;

	series_fill(a, cat, area, x, cov, &s);
	change_row(a, &s, area, "change_prev_month", series, a->w.month - 1);
	change_row(a, &s, area, "change_prev_year", series, a->w.month - 12);
	chart_rows(a, cat, area, &s, series, base);
	if (measure_defs[a->cat_measure[cat]].flags & MF_YTD)
		ytd_rows(a, &s, area, series);
	if (area == 0)
		projection_rows(a, cat, series, &s);
	free(x);
	free(cov);
}
