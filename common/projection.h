#ifndef CRIMEPIPE_PROJECTION_H
#define CRIMEPIPE_PROJECTION_H

#include "spc.h"

/*
 * Projections (DEFINITIONS.md 3.2): ordinary least squares of
 *   y(t) = a + b t + s(month of year of t)
 * with 11 month-of-year effects against one reference month (what R's
 * forecast::tslm(y ~ trend + season) fits), on the last n covered months
 * of a month_series (spc.h); forecasts with the 95 % prediction interval
 * yhat +- t(0.975, n - p) sigma sqrt(1 + x0' (X'X)^-1 x0), clipped at 0;
 * the 6-month and the annual projections; the direction arrows and the
 * red rating of the "Performance against annual projections" table.
 * t is the calendar month, so an uncovered month inside the window is a
 * missing observation, not a shorter year.  The solve is a Householder QR
 * of X in long double.  docs/statistics.md sets out every choice made
 * where DEFINITIONS is silent.
 */

#define PROJ_WINDOW	36	/* covered months fitted, by default */
#define PROJ_MIN	24	/* fewest covered months that give a fit */
#define PROJ_PARAMS	13	/* a, b and 11 month effects */
#define PROJ_LEVEL	0.975	/* the 95 % interval's t quantile */

/* Results of proj_fit() and proj_forecast(), and a point's status. */
#define PROJ_OK		0
#define PROJ_SHORT	1	/* fewer covered months than the minimum */
#define PROJ_NOSEASON	2	/* the month's month of year was not fitted */
#define PROJ_EINVAL	(-1)	/* bad arguments, or a degenerate design */

/*
 * A fitted model.  The design's columns are 1, t - tc, then one 0/1
 * column for each month of year present in the window other than the
 * reference (the earliest month of year present, January when there is
 * one, as R's factor() takes it).  A month of year with no covered month
 * in the window has no effect and no forecast (PROJ_NOSEASON): its level
 * cannot be estimated, and borrowing the reference month's would be a
 * guess.
 */
struct proj_model {
	int		 first;		/* first and last month fitted */
	int		 last;
	int		 n;		/* covered months fitted */
	int		 p;		/* parameters: 2 + month effects */
	int		 df;		/* n - p */
	int		 ref;		/* reference month of year, 0 Jan */
	unsigned	 seasons;	/* bit m: month of year m fitted */
	int		 col[12];	/* month of year -> column, -1 none */
	long double	 tc;		/* centre of t */
	long double	 beta[PROJ_PARAMS];
	long double	 r[PROJ_PARAMS][PROJ_PARAMS];	/* X = QR */
	double		 sigma;		/* residual standard error */
	double		 tq;		/* t(PROJ_LEVEL, df) */
};

/*
 * A forecast.  yhat, lo and hi are the model's; fit, lower and upper the
 * projection, each clipped at 0 (DEFINITIONS.md 3.2: never negative).
 */
struct proj_point {
	int		 month;
	int		 status;	/* PROJ_OK, or why there is none */
	double		 yhat, lo, hi;
	double		 fit, lower, upper;
};

/*
 * Fit m to the last `window` covered months of s up to and including
 * month last (all of them when fewer are covered).  Returns PROJ_OK;
 * PROJ_SHORT when fewer than `minimum` are covered (m->n says how many);
 * PROJ_EINVAL when last is outside s, minimum < PROJ_PARAMS + 1 or
 * window < minimum (m is then zeroed).
 */
int	proj_fit(struct proj_model *m, const struct month_series *s, int last,
	    int window, int minimum);

/*
 * The forecast for month (normally after m->last) into *pt; returns and
 * sets pt->status: PROJ_OK, PROJ_NOSEASON, or PROJ_EINVAL for a model
 * proj_fit() did not fit (pt's figures are then 0).
 */
int	proj_forecast(const struct proj_model *m, int month,
	    struct proj_point *pt);

/* How a recorded month compares with its projection. */
enum proj_verdict {
	PROJ_NA,		/* no projection, or the month is not covered */
	PROJ_IN_LINE,		/* lower <= x <= upper */
	PROJ_ABOVE,		/* x > upper */
	PROJ_BELOW		/* x < lower */
};

/*
 * The 6-month projection at month M (DEFINITIONS.md 3.2): ahead[i] for
 * M+1+i fitted on the months up to M, back[i] for M-5+i fitted on the
 * months up to M-6, and verdict[i] for the recorded month M-5+i against
 * back[i].  Default window and minimum.
 */
struct proj_six {
	int		 month;
	int		 ahead_status;	/* the proj_fit() results */
	int		 back_status;
	struct proj_point ahead[6];
	struct proj_point back[6];
	enum proj_verdict verdict[6];
};

/* Fill r; returns PROJ_OK, or PROJ_EINVAL when M is outside s. */
int	proj_six_month(struct proj_six *r, const struct month_series *s,
	    int month);

/* "in line with", "above", "below" (the summary's words), or "n/a". */
const char *proj_verdict_name(enum proj_verdict v);

/*
 * The annual projection for the financial year starting at month S
 * (DEFINITIONS.md 3.2): the 12 projections S..S+11 fitted on the months
 * before S, summed, against the recorded total of S-12..S-1.
 */
struct proj_annual {
	int		 start;
	int		 status;	/* proj_fit()'s, or PROJ_NOSEASON */
	struct proj_point month[12];
	double		 projected;	/* sum of the 12 clipped fits */
	int		 prev_months;	/* covered months in S-12..S-1 */
	long long	 prev_total;	/* their recorded total */
	int		 change_ok;	/* 12 covered, total > 0, status OK */
	double		 change;	/* % */
	long		 change_tenths;	/* change to 1 decimal, in tenths */
};

/*
 * Fill r; returns r->status: proj_fit()'s (PROJ_SHORT when S - 1 is before
 * s), PROJ_NOSEASON when a month of the year has no forecast, or
 * PROJ_EINVAL when S - 1 is after s's last month.
 */
int	proj_annual(struct proj_annual *r, const struct month_series *s,
	    int start);

/* The April that starts the financial year of month (DEFINITIONS.md 3). */
int	proj_fy_start(int month);

/*
 * The direction arrow of a % change, decided on the change as printed,
 * to 1 decimal in tenths (so the arrow never disagrees with the figure
 * beside it): |c| <= 2.5 level, 2.5 < |c| <= 11.0 rising or falling,
 * |c| > 11.0 sharply (DEFINITIONS.md 3.2: +10.7 % is a rise, -11.7 % a
 * sharp fall, and the summary prints +2.5 % as level).
 */
enum proj_arrow {
	PROJ_ARROW_NONE,	/* no change to show (n/a) */
	PROJ_ARROW_LEVEL,	/* U+21D2 */
	PROJ_ARROW_RISE,	/* U+2197 */
	PROJ_ARROW_FALL,	/* U+2198 */
	PROJ_ARROW_SHARP_RISE,	/* U+2191 */
	PROJ_ARROW_SHARP_FALL	/* U+2193 */
};

#define PROJ_LEVEL_TENTHS	25	/* +-2.5 % */
#define PROJ_SHARP_TENTHS	110	/* +-11 % */

enum proj_arrow proj_arrow(long tenths);
/* The arrow in UTF-8 ("" for none). */
const char	*proj_arrow_symbol(enum proj_arrow a);

/*
 * The % change from before to now in tenths, rounded half away from zero
 * exactly as rounding.h's round_change() prints it: 0, or -1 when before
 * is 0 (n/a).  |now - before| * 1000 must stay below 2^62.
 */
int	proj_change_tenths(long long now, long long before, long *tenths);

/* A % change given as a double in tenths, rounded half away from zero. */
long	proj_percent_tenths(double pct);

/*
 * The red rating: a year-to-date rise beyond +11 % (DEFINITIONS.md 3.2),
 * on the change as printed, in tenths.
 */
int	proj_ytd_red(long tenths);

#endif
