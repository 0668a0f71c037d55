/*
 * The long table's rows (docs/measures.md "Format"): every count with its
 * denominator, every series' derived rows, the coverage rows; sorted by
 * their key columns in byte order and written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/rounding.h"
#include "../../common/xalloc.h"
#include "agg.h"

struct row *
row_new(struct agg *a, const char *period, int area, const char *measure,
    const char *category)
{
	struct row *r;

	a->rows = xgrow(a->rows, &a->rows_cap, a->nrows + 1, sizeof(*r));
	r = &a->rows[a->nrows++];
	memset(r, 0, sizeof(*r));
	snprintf(r->period, sizeof(r->period), "%s", period);
	r->area = area;
	r->measure = measure;
	r->category = category;
	return r;
}

void
row_text(struct row *r, char *text)
{
	free(r->text);
	r->text = text;
}

void
span_text(int from, int to, char out[18])
{
	char x[8], y[8];

	month_format(from, x);
	month_format(to, y);
	snprintf(out, 18, "%s..%s", x, y);
}

static void
set_count(struct row *r, long long v)
{
	snprintf(r->value, sizeof(r->value), "%lld", v);
}

/* value, and its denominator with a percentage when den > 0. */
static void
set_share(struct row *r, long long v, long long den)
{
	set_count(r, v);
	snprintf(r->den, sizeof(r->den), "%lld", den);
	if (den > 0)
		round_percent(r->rate, sizeof(r->rate), v, den);
}

static int
is_da(const char *category)
{
	return strncmp(category, "DA", 2) == 0 &&
	    (category[2] == '\0' || category[2] == ' ');
}

/* The count a share of cat is of (measures.h: enum denominator). */
static long long
share_base(struct agg *a, int cat, int area, int slot)
{
	int m = a->cat_measure[cat];
	const char *name = a->cat_name[cat], *all = is_da(name) ? "DA" : "All";

	switch (measure_defs[m].den) {
	case DEN_VICTIMS:
		return cube_get_str(a, MS_VICTIMS, name, area, slot);
	case DEN_REPEAT_VICTIMS:
		return cube_get_str(a, MS_REPEAT_VICTIMS, all, area, slot);
	case DEN_COHORT_TOTAL:
		return cube_get_str(a, MS_COHORT_TOTAL, m == MS_COHORT_12M ?
		    (is_da(name) ? "DA 12m" : "12m") :
		    (is_da(name) ? "DA month" : "month"), area, slot);
	case DEN_RECORDED_IN_SPAN:
		return cube_get_str(a, MS_SPAN_RECORDED, name, area, slot);
	case DEN_OUTCOMED_IN_SPAN:
		return cube_get_str(a, MS_OUTCOME_RATE, all, area, slot);
	case DEN_OUTCOMED_IN_MONTH:
		return cube_get_str(a, MS_OUTCOMED_MONTH, all, area, slot);
	case DEN_RECORDS:
		return cube_get_str(a, MS_COVERAGE, "records", area, slot);
	default:
		return -1;
	}
}

/* One count row of cat for area at slot, with its denominator. */
void
count_row(struct agg *a, int cat, int area, int slot, const char *period)
{
	int m = a->cat_measure[cat];
	const char *name = a->cat_name[cat];
	const struct area *ar = &a->areas[area];
	long long v = cube_get(a, cat, area, slot), den;
	struct row *r = row_new(a, period, area, measure_defs[m].name, name);

	if (measure_defs[m].den == DEN_POPULATION) {
		set_count(r, v);
		den = in_list(household_groups, name, strlen(name)) ?
		    ar->households : ar->population;
		snprintf(r->den, sizeof(r->den), "%lld", den);
		if (den > 0)
			round_per_1000(r->rate, sizeof(r->rate), v, den);
	} else if (m == MS_COVERAGE && strcmp(name, "records") == 0)
		set_count(r, v);
	else if ((den = share_base(a, cat, area, slot)) >= 0)
		set_share(r, v, den);
	else
		set_count(r, v);
}

/*
 * The period of year-to-date span s (0 this year, 1 a year earlier): from
 * the first covered month of the financial year to M (DEFINITIONS.md
 * 3.0), or "" when span 1 is not wholly covered.
 */
void
span_label(const struct agg *a, int s, char out[18])
{
	int first = a->w.fy, m;

	while (first < a->w.month && !is_covered(a, first))
		first++;
	out[0] = '\0';
	for (m = first; s == 1 && m <= a->w.month; m++)
		if (is_covered(a, m) && !is_covered(a, m - 12))
			return;
	span_text(first - 12 * s, a->w.month - 12 * s, out);
}

/* The count rows of cat in area: its months, M, its spans. */
static void
count_rows(struct agg *a, int cat, int area, int base)
{
	int flags = measure_defs[a->cat_measure[cat]].flags, m, s;
	char period[18];

	for (m = base; (flags & MF_MONTHLY) && m <= a->w.month; m++)
		if (m >= a->w.lo && is_covered(a, m)) {
			month_format(m, period);
			count_row(a, cat, area, m - a->w.lo, period);
		}
	if (flags & MF_AT_M) {
		month_format(a->w.month, period);
		count_row(a, cat, area, a->w.nmonths - 1, period);
	}
	for (s = 0; (flags & MF_SPAN) && s < 2; s++) {
		span_label(a, s, period);
		if (period[0] != '\0')
			count_row(a, cat, area, a->w.nmonths + s, period);
	}
}

/* The rows of one category in every area. */
static void
category_rows(struct agg *a, int cat, char **series)
{
	int m = a->cat_measure[cat], flags = measure_defs[m].flags, area;
	int base = baseline_start(a, m);

	for (area = 0; area < (flags & MF_FORCE ? 1 : a->nareas); area++) {
		count_rows(a, cat, area, a->w.month - a->w.baseline);
		if (!(flags & MF_SERIES))
			continue;
		if (*series == NULL) {
			*series = xmalloc(strlen(measure_defs[m].name) +
			    strlen(a->cat_name[cat]) + 2);
			sprintf(*series, "%s:%s", measure_defs[m].name,
			    a->cat_name[cat]);
		}
		series_rows(a, cat, area, *series, base);
	}
}

/* qsort has no context argument: the areas of the rows being sorted. */
static const struct agg *sort_agg;

static int
row_cmp(const void *x, const void *y)
{
	const struct row *r = x, *s = y;
	const struct area *ra = &sort_agg->areas[r->area];
	const struct area *sa = &sort_agg->areas[s->area];
	int c;

	if ((c = strcmp(r->period, s->period)) != 0)
		return c;
	if ((c = strcmp(area_type_names[ra->type],
	    area_type_names[sa->type])) != 0)
		return c;
	if ((c = strcmp(ra->name, sa->name)) != 0)
		return c;
	if ((c = strcmp(r->measure, s->measure)) != 0)
		return c;
	return strcmp(r->category, s->category);
}

static void
write_rows(struct agg *a)
{
	const struct row *r;
	size_t i;

	sort_agg = a;
	qsort(a->rows, a->nrows, sizeof(*a->rows), row_cmp);
	for (i = 0; i < a->nrows; i++) {
		r = &a->rows[i];
		out_field(&a->out, r->period, strlen(r->period));
		out_putc(&a->out, ',');
		out_str(&a->out, area_type_names[a->areas[r->area].type]);
		rec_append_str(&a->out, a->areas[r->area].name);
		rec_append_str(&a->out, r->measure);
		rec_append_str(&a->out, r->category);
		rec_append_str(&a->out, r->text != NULL ? r->text : r->value);
		rec_append_str(&a->out, r->den);
		rec_append_str(&a->out, r->rate);
		out_end_record(&a->out);
	}
}

/* 1 when the category's rows are written (docs/measures.md). */
static int
written(const struct agg *a, int cat)
{
	int m = a->cat_measure[cat];

	if (m >= NMEASURES)
		return 0;	/* a denominator's count */
	if (measure_defs[m].den == DEN_VICTIMS || m == MS_VICTIMS ||
	    measure_defs[m].den == DEN_REPEAT_VICTIMS ||
	    measure_defs[m].den == DEN_COHORT_TOTAL)
		if (!a->has_repeat)
			return 0;
	return measure_supported(a, m, a->cat_name[cat]);
}

void
write_table(struct agg *a, int counts)
{
	size_t ncat = keymap_size(a->cats), i;
	char **series = xcalloc(ncat + 1, sizeof(char *));

	coverage_rows(a);
	for (i = 0; counts && i < ncat; i++)
		if (written(a, (int)i))
			category_rows(a, (int)i, &series[i]);
	out_str(&a->out, "period,area_type,area,measure,category,value,"
	    "denominator,rate\n");
	write_rows(a);
	for (i = 0; i < ncat; i++)
		free(series[i]);
	free(series);
	for (i = 0; i < a->nrows; i++)
		free(a->rows[i].text);
}
