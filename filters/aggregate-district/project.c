/*
 * Projections (DEFINITIONS.md 3.2), at force level, for the series
 * reference/topics.csv marks: the 6-month projection (M-5..M fitted on
 * the months up to M-6, M+1..M+6 on the months up to M), how the recorded
 * months compare with it, where it is heading, the annual projection of
 * M's financial year, and a backtest of one-month-ahead projections.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/projection.h"
#include "../../common/rounding.h"
#include "agg.h"

/* A fitted figure to one decimal, half away from zero. */
static void
tenths(char *out, size_t n, double x)
{
	round_ratio(out, n, llround(x * 10.0), 10, 1);
}

/* The months a fit up to month last uses: its last 36 covered ones. */
static int
months_fitted(const struct month_series *s, int last)
{
	int i, n = 0;

	for (i = last - s->first; i >= 0 && n < PROJ_WINDOW; i--)
		n += s->covered[i] != 0;
	return n;
}

static void
point_rows(struct agg *a, const char *series, const struct proj_point *p,
    int fitted)
{
	static const char *const names[3] = { "projection", "projection_lower",
	    "projection_upper" };
	const double v[3] = { p->fit, p->lower, p->upper };
	char period[8];
	struct row *r;
	int i;

	if (p->status != PROJ_OK)
		return;
	month_format(p->month, period);
	for (i = 0; i < 3; i++) {
		r = row_new(a, period, 0, names[i], series);
		tenths(r->value, sizeof(r->value), v[i]);
		snprintf(r->den, sizeof(r->den), "%d", fitted);
	}
}

/*
 * Where the next 6 months are heading: their projections summed against
 * the recorded M-5..M summed, beyond the +-2.5 % of the level arrow.
 */
static void
trend_row(struct agg *a, const char *series, const struct proj_six *six,
    const struct month_series *s)
{
	double ahead = 0, recorded = 0;
	char span[18];
	struct row *r;
	int i, m;

	for (i = 0; i < 6; i++) {
		m = a->w.month - 5 + i - s->first;
		if (six->ahead[i].status != PROJ_OK || !s->covered[m])
			return;
		ahead += six->ahead[i].fit;
		recorded += (double)s->x[m];
	}
	span_text(a->w.month + 1, a->w.month + 6, span);
	r = row_new(a, span, 0, "projection_trend", series);
	snprintf(r->value, sizeof(r->value), "%s",
	    ahead > recorded * 1.025 ? "increase" :
	    ahead < recorded * 0.975 ? "decrease" : "level");
}

static void
six_month_rows(struct agg *a, const char *series,
    const struct month_series *s)
{
	struct proj_six six;
	char period[8];
	struct row *r;
	int i;

	if (proj_six_month(&six, s, a->w.month) != PROJ_OK)
		return;
	for (i = 0; i < 6; i++) {
		point_rows(a, series, &six.back[i], months_fitted(s,
		    a->w.month - 6));
		point_rows(a, series, &six.ahead[i], months_fitted(s,
		    a->w.month));
		if (six.verdict[i] == PROJ_NA)
			continue;
		month_format(a->w.month - 5 + i, period);
		r = row_new(a, period, 0, "projection_check", series);
		snprintf(r->value, sizeof(r->value), "%s",
		    proj_verdict_name(six.verdict[i]));
	}
	if (six.ahead_status == PROJ_OK)
		trend_row(a, series, &six, s);
}

static void
annual_row(struct agg *a, const char *series, const struct month_series *s)
{
	struct proj_annual an;
	char span[18];
	struct row *r;

	if (proj_annual(&an, s, a->w.fy) != PROJ_OK || !an.change_ok)
		return;
	span_text(a->w.fy, a->w.fy + 11, span);
	r = row_new(a, span, 0, "projected_annual_change", series);
	round_ratio(r->value, sizeof(r->value), an.change_tenths, 10, 1);
	snprintf(r->den, sizeof(r->den), "%lld", an.prev_total);
}

/*
 * The backtest: each month t of M-11..M projected from the months before
 * it; the mean absolute percentage error over the months recorded > 0.
 */
static void
backtest_row(struct agg *a, const char *series, const struct month_series *s)
{
	struct proj_model mdl;
	struct proj_point pt;
	double sum = 0;
	char span[18];
	struct row *r;
	int t, i, n = 0;

	for (t = a->w.month - 11; t <= a->w.month; t++) {
		i = t - s->first;
		if (i < 1 || !s->covered[i] || s->x[i] <= 0 ||
		    proj_fit(&mdl, s, t - 1, PROJ_WINDOW, PROJ_MIN) != PROJ_OK ||
		    proj_forecast(&mdl, t, &pt) != PROJ_OK)
			continue;
		sum += fabs((double)s->x[i] - pt.fit) / (double)s->x[i];
		n++;
	}
	if (n == 0)
		return;
	span_text(a->w.month - 11, a->w.month, span);
	r = row_new(a, span, 0, "projection_mape", series);
	tenths(r->value, sizeof(r->value), 100.0 * sum / n);
	snprintf(r->den, sizeof(r->den), "%d", n);
}

void
projection_rows(struct agg *a, int cat, const char *series,
    const struct month_series *s)
{
	const struct topic_row *t = topic_of(a,
	    measure_defs[a->cat_measure[cat]].name, a->cat_name[cat]);

	if (t == NULL || !t->projection)
		return;
	six_month_rows(a, series, s);
	annual_row(a, series, s);
	backtest_row(a, series, s);
}
