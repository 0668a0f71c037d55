/*
 * --explain: instead of the table, the records behind one figure, so that
 * any number in the report can be traced to its records.  A record is
 * listed when its contributions (counts.c) include the figure: the very
 * list the table is counted from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/opts.h"
#include "../../common/xalloc.h"
#include "agg.h"

/* An optional period first: "YYYY-MM" or "YYYY-MM..YYYY-MM". */
static int
parse_period(struct target *t, const char *p)
{
	const char *dots = strstr(p, "..");

	if (dots == NULL && month_parse(p, strlen(p), &t->from) == 0)
		t->to = t->from;
	else if (dots == NULL || month_parse(p, (size_t)(dots - p),
	    &t->from) != 0 || month_parse(dots + 2, strlen(dots + 2),
	    &t->to) != 0)
		return -1;
	snprintf(t->period, sizeof(t->period), "%s", p);
	return 0;
}

static _Noreturn void
bad_key(const char *text)
{
	opts_misuse("option '--explain': '%s' is not "
	    "'[period,]measure,area_type,area,category'", text);
}

static int
find_measure(const char *name)
{
	int m = measure_find(name);

	if (m < 0)
		opts_misuse("option '--explain': unknown measure '%s'", name);
	if (!(measure_defs[m].flags & MF_EXPLAIN))
		opts_misuse("option '--explain': measure '%s' cannot be "
		    "explained record by record", name);
	return m;
}

/*
 * Parse "[period,]measure,area_type,area,category".  The area may hold
 * commas ("Herefordshire, County of"); no category does, so the category
 * is the text after the last comma.  Exits 2 on a key it cannot use.
 */
void
target_parse(struct agg *a, const char *text)
{
	struct target *t = &a->target;
	char *s = xstrdup(text), *p = s, *f[3], *last;
	int i;

	t->text = text;
	if ((last = strchr(p, ',')) == NULL)
		bad_key(text);
	*last = '\0';
	if (parse_period(t, p) == 0)
		p = last + 1;
	else
		*last = ',';
	for (i = 0; i < 2; i++) {
		f[i] = p;
		if ((p = strchr(p, ',')) == NULL)
			bad_key(text);
		*p++ = '\0';
	}
	if ((last = strrchr(p, ',')) == NULL)
		bad_key(text);
	*last = '\0';
	f[2] = p;
	t->measure = find_measure(f[0]);
	for (i = 0; i < 3 && strcmp(area_type_names[i], f[1]) != 0; i++)
		;
	if (i == 3)
		opts_misuse("option '--explain': unknown area type '%s'", f[1]);
	t->area_type = (enum area_type)i;
	t->area_name = xstrdup(f[2]);
	t->category = xstrdup(last + 1);
	free(s);
	if (t->period[0] != '\0' && t->from > t->to)
		bad_key(text);
}

/* With the force known: the area's index, the category, the period. */
void
target_resolve(struct agg *a)
{
	struct target *t = &a->target;

	t->area = find_area(a, t->area_type, t->area_name);
	if (t->area < 0)
		opts_misuse("option '--explain': no %s '%s' in force '%s'",
		    area_type_names[t->area_type], t->area_name, a->force);
	t->cat = cat_str(a, t->measure, t->category);
	if (t->period[0] != '\0')
		return;
	if (measure_defs[t->measure].flags & MF_SPAN)
		span_text(a->w.fy, a->w.month, t->period);
	else
		month_format(a->w.month, t->period);
	t->from = measure_defs[t->measure].flags & MF_SPAN ? a->w.fy :
	    a->w.month;
	t->to = a->w.month;
}

/* A victim measure: the records of its victims in the months asked. */
static int
victim_hit(const struct agg *a, const struct rec_view *v)
{
	const struct target *t = &a->target;
	int da = strcmp(t->category, "DA") == 0;

	if (!a->has_repeat || v->month < t->from || v->month > t->to ||
	    !v->victim)
		return 0;
	if (da ? !(v->markers & (1u << MK_DA)) : strcmp(t->category, "All"))
		return 0;
	return t->measure != MS_REPEAT_VICTIMS || (da ? v->da_repeat :
	    v->repeat);
}

/* A span contribution is asked for by the span's label, as written. */
static int
span_hit(const struct agg *a, int s)
{
	char p[18], x[18];

	span_label(a, s, p);
	span_text(a->w.fy - 12 * s, a->w.month - 12 * s, x);
	return strcmp(p, a->target.period) == 0 ||
	    strcmp(x, a->target.period) == 0;
}

static int
count_hit(struct agg *a, const struct rec_view *v)
{
	const struct target *t = &a->target;
	struct contrib c[MAXCONTRIB];
	int n = record_contributions(a, v, c), i;

	for (i = 0; i < n; i++) {
		if (c[i].cat != t->cat || (c[i].force_only && t->area != 0))
			continue;
		if (c[i].span >= 0 ? span_hit(a, c[i].span) :
		    c[i].month >= t->from && c[i].month <= t->to)
			return 1;
	}
	return 0;
}

void
explain_record(struct agg *a, const struct rec_view *v)
{
	const struct field *id, *src;
	int j, in_area = 0;

	for (j = 0; j < v->place.nareas; j++)
		in_area |= v->place.areas[j] == a->target.area;
	if (!in_area)
		return;
	if (a->target.measure == MS_VICTIMS ||
	    a->target.measure == MS_REPEAT_VICTIMS ? !victim_hit(a, v) :
	    !count_hit(a, v))
		return;
	id = col(a, v->rec, C_RECORD_ID);
	src = col(a, v->rec, C_SOURCE);
	out_field(&a->out, id->ptr, id->len);
	out_putc(&a->out, ',');
	out_field(&a->out, src->ptr, src->len);
	out_end_record(&a->out);
}
