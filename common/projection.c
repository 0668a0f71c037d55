#include "projection.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tdist.h"
#include "xalloc.h"

/*
 * A column whose part left after the earlier columns is this small
 * against its own length is taken as dependent on them.  It cannot happen
 * with at least PROJ_PARAMS + 1 months (some month of year then occurs
 * twice, so t is no function of the month of year); the check is a guard.
 */
#define PROJ_RANK_EPS	1e-12L

/* Month of year, 0 = January, for any month number. */
static int
proj_moy(int month)
{
	return (month % 12 + 12) % 12;
}

static int
proj_covered(const struct month_series *s, int month)
{
	return s->covered == NULL || s->covered[month - s->first] != 0;
}

static int
proj_in(const struct month_series *s, int month)
{
	return month >= s->first && month - s->first < (int)s->n;
}

/* The design row of month: 1, t - tc, then the month-of-year columns. */
static void
proj_row(const struct proj_model *m, int month, long double row[])
{
	int j, c;

	for (j = 0; j < m->p; j++)
		row[j] = 0;
	row[0] = 1;
	row[1] = (long double)month - m->tc;
	c = m->col[proj_moy(month)];
	if (c >= 0)
		row[c] = 1;
}

/*
 * The month-of-year columns: the months of year present in months[0..n),
 * the earliest of them the reference (DEFINITIONS.md 3.2: 11 effects
 * against one reference month when all 12 are present).
 */
static void
proj_seasons(struct proj_model *m, const int *months, int n)
{
	int i, moy;

	for (i = 0; i < n; i++)
		m->seasons |= 1u << proj_moy(months[i]);
	m->ref = -1;
	m->p = 2;
	for (moy = 0; moy < 12; moy++) {
		m->col[moy] = -1;
		if (!(m->seasons & (1u << moy)))
			continue;
		if (m->ref < 0)
			m->ref = moy;
		else
			m->col[moy] = m->p++;
	}
}

/*
 * Householder QR of a (n rows of p, row-major) applied to y too; R is
 * left in m->r.  Returns -1 when a column depends on the earlier ones.
 */
static int
proj_qr(struct proj_model *m, long double *a, long double *y, int n)
{
	long double norm, alpha, vv, dot, len;
	int p = m->p, i, j, k;

	for (j = 0; j < p; j++) {
		len = 0;
		for (i = 0; i < n; i++)
			len += a[i * p + j] * a[i * p + j];
		norm = 0;
		for (i = j; i < n; i++)
			norm += a[i * p + j] * a[i * p + j];
		norm = sqrtl(norm);
		if (norm <= PROJ_RANK_EPS * sqrtl(len))
			return -1;
		alpha = a[j * p + j] > 0 ? -norm : norm;
		/* v = column j below the diagonal - alpha e_j, in place. */
		a[j * p + j] -= alpha;
		vv = 0;
		for (i = j; i < n; i++)
			vv += a[i * p + j] * a[i * p + j];
		for (k = j + 1; k <= p; k++) {
			dot = 0;
			for (i = j; i < n; i++)
				dot += a[i * p + j] * (k < p ? a[i * p + k] :
				    y[i]);
			dot = 2 * dot / vv;
			for (i = j; i < n; i++) {
				if (k < p)
					a[i * p + k] -= dot * a[i * p + j];
				else
					y[i] -= dot * a[i * p + j];
			}
		}
		for (k = 0; k < p; k++)
			m->r[j][k] = k < j ? 0 : k == j ? alpha : a[j * p + k];
	}
	return 0;
}

/* beta from R beta = (Q'y)[0..p), then sigma from the residuals. */
static void
proj_solve(struct proj_model *m, const long double *qty,
    const struct month_series *s, const int *months)
{
	long double row[PROJ_PARAMS], acc, rss = 0;
	int i, j;

	for (j = m->p - 1; j >= 0; j--) {
		acc = qty[j];
		for (i = j + 1; i < m->p; i++)
			acc -= m->r[j][i] * m->beta[i];
		m->beta[j] = acc / m->r[j][j];
	}
	for (i = 0; i < m->n; i++) {
		proj_row(m, months[i], row);
		acc = (long double)s->x[months[i] - s->first];
		for (j = 0; j < m->p; j++)
			acc -= row[j] * m->beta[j];
		rss += acc * acc;
	}
	m->sigma = (double)sqrtl(rss / m->df);
	m->tq = t_quantile(PROJ_LEVEL, m->df);
}

int
proj_fit(struct proj_model *m, const struct month_series *s, int last,
    int window, int minimum)
{
	long double *a, *y;
	int *months, n = 0, i, j, rc = PROJ_OK;

	memset(m, 0, sizeof(*m));
	if (s->x == NULL || !proj_in(s, last) || minimum < PROJ_PARAMS + 1 ||
	    window < minimum)
		return PROJ_EINVAL;
	months = xmalloc((size_t)window * sizeof(*months));
	/* DEFINITIONS.md 3.2: the last n covered months. */
	for (i = last; i >= s->first && n < window; i--)
		if (proj_covered(s, i))
			months[n++] = i;
	for (i = 0; i < n / 2; i++) {
		j = months[i];
		months[i] = months[n - 1 - i];
		months[n - 1 - i] = j;
	}
	m->n = n;
	m->first = n > 0 ? months[0] : last;
	m->last = n > 0 ? months[n - 1] : last;
	if (n < minimum) {
		free(months);
		return PROJ_SHORT;
	}
	proj_seasons(m, months, n);
	m->df = n - m->p;
	/* Centred t keeps the columns near orthogonal; forecasts do not
	 * depend on where t starts. */
	m->tc = ((long double)m->first + m->last) / 2;
	a = xmalloc((size_t)n * (size_t)m->p * sizeof(*a));
	y = xmalloc((size_t)n * sizeof(*y));
	for (i = 0; i < n; i++) {
		proj_row(m, months[i], a + (size_t)i * (size_t)m->p);
		y[i] = (long double)s->x[months[i] - s->first];
	}
	if (proj_qr(m, a, y, n) < 0)
		rc = PROJ_EINVAL;
	else
		proj_solve(m, y, s, months);
	free(a);
	free(y);
	free(months);
	if (rc != PROJ_OK)
		memset(m, 0, sizeof(*m));
	return rc;
}

static double
clip0(double v)
{
	return v > 0 ? v : 0;
}

int
proj_forecast(const struct proj_model *m, int month, struct proj_point *pt)
{
	long double row[PROJ_PARAMS], z[PROJ_PARAMS], yhat = 0, h = 0, acc;
	long double half;
	int i, j;

	memset(pt, 0, sizeof(*pt));
	pt->month = month;
	if (m->p == 0) {
		pt->status = PROJ_EINVAL;
		return pt->status;
	}
	if (!(m->seasons & (1u << proj_moy(month)))) {
		pt->status = PROJ_NOSEASON;
		return pt->status;
	}
	proj_row(m, month, row);
	/* x0' (X'X)^-1 x0 = |z|^2 with R' z = x0. */
	for (j = 0; j < m->p; j++) {
		yhat += row[j] * m->beta[j];
		acc = row[j];
		for (i = 0; i < j; i++)
			acc -= m->r[i][j] * z[i];
		z[j] = acc / m->r[j][j];
		h += z[j] * z[j];
	}
	half = (long double)m->tq * m->sigma * sqrtl(1 + h);
	pt->status = PROJ_OK;
	pt->yhat = (double)yhat;
	pt->lo = (double)(yhat - half);
	pt->hi = (double)(yhat + half);
	pt->fit = clip0(pt->yhat);
	pt->lower = clip0(pt->lo);
	pt->upper = clip0(pt->hi);
	return pt->status;
}

/* Forecasts for months from, from + 1, ... into pts[0..k) after a fit. */
static void
proj_points(const struct month_series *s, int last, int from,
    struct proj_point *pts, int k, int *status)
{
	struct proj_model m;
	int i;

	if (last < s->first)
		*status = PROJ_SHORT;
	else
		*status = proj_fit(&m, s, last, PROJ_WINDOW, PROJ_MIN);
	for (i = 0; i < k; i++) {
		if (*status == PROJ_OK) {
			proj_forecast(&m, from + i, &pts[i]);
		} else {
			memset(&pts[i], 0, sizeof(pts[i]));
			pts[i].month = from + i;
			pts[i].status = *status;
		}
	}
}

int
proj_six_month(struct proj_six *r, const struct month_series *s, int month)
{
	const struct proj_point *pt;
	long long x;
	int i;

	memset(r, 0, sizeof(*r));
	r->month = month;
	if (s->x == NULL || !proj_in(s, month))
		return PROJ_EINVAL;
	proj_points(s, month, month + 1, r->ahead, 6, &r->ahead_status);
	proj_points(s, month - 6, month - 5, r->back, 6, &r->back_status);
	for (i = 0; i < 6; i++) {
		pt = &r->back[i];
		r->verdict[i] = PROJ_NA;
		if (pt->status != PROJ_OK || !proj_in(s, pt->month) ||
		    !proj_covered(s, pt->month))
			continue;
		x = s->x[pt->month - s->first];
		if ((double)x > pt->upper)
			r->verdict[i] = PROJ_ABOVE;
		else if ((double)x < pt->lower)
			r->verdict[i] = PROJ_BELOW;
		else
			r->verdict[i] = PROJ_IN_LINE;
	}
	return PROJ_OK;
}

const char *
proj_verdict_name(enum proj_verdict v)
{
	switch (v) {
	case PROJ_IN_LINE:
		return "in line with";
	case PROJ_ABOVE:
		return "above";
	case PROJ_BELOW:
		return "below";
	case PROJ_NA:
		break;
	}
	return "n/a";
}

int
proj_annual(struct proj_annual *r, const struct month_series *s, int start)
{
	int i;

	memset(r, 0, sizeof(*r));
	r->start = start;
	if (s->x == NULL || start - 1 - s->first >= (int)s->n) {
		r->status = PROJ_EINVAL;
		return r->status;
	}
	proj_points(s, start - 1, start, r->month, 12, &r->status);
	for (i = 0; i < 12 && r->status == PROJ_OK; i++) {
		if (r->month[i].status != PROJ_OK)
			r->status = r->month[i].status;
		r->projected += r->month[i].fit;
	}
	if (r->status != PROJ_OK)
		r->projected = 0;
	for (i = start - 12; i < start; i++) {
		if (!proj_in(s, i) || !proj_covered(s, i))
			continue;
		r->prev_months++;
		r->prev_total += s->x[i - s->first];
	}
	r->change_ok = r->status == PROJ_OK && r->prev_months == 12 &&
	    r->prev_total > 0;
	if (r->change_ok) {
		r->change = (r->projected - (double)r->prev_total) * 100 /
		    (double)r->prev_total;
		r->change_tenths = proj_percent_tenths(r->change);
	}
	return r->status;
}

int
proj_fy_start(int month)
{
	/* April is month of year 3. */
	return month - (proj_moy(month) + 9) % 12;
}

enum proj_arrow
proj_arrow(long tenths)
{
	if (tenths > PROJ_SHARP_TENTHS)
		return PROJ_ARROW_SHARP_RISE;
	if (tenths < -PROJ_SHARP_TENTHS)
		return PROJ_ARROW_SHARP_FALL;
	if (tenths > PROJ_LEVEL_TENTHS)
		return PROJ_ARROW_RISE;
	if (tenths < -PROJ_LEVEL_TENTHS)
		return PROJ_ARROW_FALL;
	return PROJ_ARROW_LEVEL;
}

const char *
proj_arrow_symbol(enum proj_arrow a)
{
	switch (a) {
	case PROJ_ARROW_LEVEL:
		return "\xe2\x87\x92";		/* U+21D2 */
	case PROJ_ARROW_RISE:
		return "\xe2\x86\x97";		/* U+2197 */
	case PROJ_ARROW_FALL:
		return "\xe2\x86\x98";		/* U+2198 */
	case PROJ_ARROW_SHARP_RISE:
		return "\xe2\x86\x91";		/* U+2191 */
	case PROJ_ARROW_SHARP_FALL:
		return "\xe2\x86\x93";		/* U+2193 */
	case PROJ_ARROW_NONE:
		break;
	}
	return "";
}

int
proj_change_tenths(long long now, long long before, long *tenths)
{
	unsigned long long n, d, q;
	long long num;
	int neg;

	if (before == 0)
		return -1;
	num = (now - before) * 1000;
	neg = (num < 0) != (before < 0);
	n = num < 0 ? 0ULL - (unsigned long long)num : (unsigned long long)num;
	d = before < 0 ? 0ULL - (unsigned long long)before :
	    (unsigned long long)before;
	/* Half away from zero, as round_ratio(). */
	q = (2 * n + d) / (2 * d);
	*tenths = neg ? -(long)q : (long)q;
	return 0;
}

long
proj_percent_tenths(double pct)
{
	return lround(pct * 10);
}

int
proj_ytd_red(long tenths)
{
	return tenths > PROJ_SHARP_TENTHS;
}
