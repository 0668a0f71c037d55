/*
 * The block every topic gets (docs/report.md "Topic blocks"): heading,
 * signs of improvement, the force sentence with its variation verdict,
 * one sentence per policing area, the areas over three months, the
 * control chart and, for a projected series, the 6-month projection.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "numfmt.h"

/* The summary's crime-group topics, in its order (DEFINITIONS.md 2.2). */
const char *const group_topics[] = { "Violence with injury",
	"Violence without injury", "Rape", "Other sexual offences",
	ALL_ROBBERY, "Burglary \xe2\x80\x93 residential (dwelling)", NULL };

/* A projection chart shows M-11 .. M recorded and M-5 .. M+6 projected. */
enum { PROJ_BACK = 11, PROJ_AHEAD = 6, PROJ_CHECKED = 5 };

void
signs_list(struct summary *s, struct dsection *sec, const struct topic *t)
{
	struct dlist *l;
	size_t i;

	(void)s;
	if (t->nsigns == 0)
		return;
	l = doc_list(sec, "Signs of improvement would be:");
	for (i = 0; i < t->nsigns; i++)
		list_add(l, t->signs[i]);
}

/* The area table's note when the areas do not add up to the force. */
static void
areas_note(struct summary *s, struct dtable *tab, const struct topic *t,
    int add_up)
{
	char text[320], num[80];
	long long sum = 0, v;
	size_t i;

	if (add_up)
		return;
	if (strcmp(t->measure, "victims") == 0 ||
	    strcmp(t->measure, "repeat_victims") == 0) {
		dtable_note(tab, "The policing areas add up to more than the "
		    "force: a victim with records in both areas counts in each "
		    "(" DEF_SEC "2.5), once in the force.");
		return;
	}
	for (i = 0; unplaced_names[i] != NULL; i++)
		if (lt_num(lt_force(s, "unplaced", unplaced_names[i],
		    s->month), F_VALUE, &v))
			sum += v;
	if (sum == 0) {
		dtable_note(tab, "The policing areas do not add up to the "
		    "force.");
		return;
	}
	snprintf(text, sizeof(text), "The policing areas do not add up to the "
	    "force: records no district can take count in the force only "
	    "(%s unplaced offences in %s; docs/measures.md \"Placement\").",
	    num_format(num, sizeof(num), sum, 0, 1), month_name(s->month));
	dtable_note(tab, text);
}

void
topic_areas(struct summary *s, struct dsection *sec, const struct topic *t)
{
	char m[3][16];
	const char *cols[4];
	struct dtable *tab;
	struct cell *c;
	long long sum[3] = { 0, 0, 0 }, v;
	size_t i, have[3] = { 0, 0, 0 };
	int k, any, add_up = 1;

	if (s->npas == 0)
		return;
	cols[0] = "Area";
	for (k = 0; k < 3; k++)
		cols[k + 1] = month_short(m[k], s->month - 2 + k);
	tab = doc_table(sec, "", 4, cols);
	for (i = 0; i <= s->npas; i++) {
		const char *at = i < s->npas ? "policing_area" : "force";
		const char *area = i < s->npas ? s->pas[i] : s->force;
		struct row *r[3];

		for (any = 0, k = 0; k < 3; k++)
			any |= (r[k] = lt_get(s, at, area, t->measure,
			    t->category, s->month - 2 + k, 0)) != NULL;
		if (!any)
			continue;
		c = dtable_row(tab);
		cell_text(&c[0], area);
		for (k = 0; k < 3; k++) {
			cell_fig(s, &c[k + 1], r[k], F_VALUE, AS_IS);
			if (!lt_num(r[k], F_VALUE, &v))
				continue;
			if (i < s->npas) {
				sum[k] += v;
				have[k]++;
			} else if (have[k] == s->npas && sum[k] != v)
				add_up = 0;
		}
	}
	areas_note(s, tab, t, add_up);
}

/* A point's class: its own variation row, else rule 1 on the limits. */
static unsigned char
point_class(struct summary *s, const struct topic *t, int m, long long v,
    const struct dchart *ch)
{
	struct row *var = lt_derived(s, "force", s->force, "variation", t, m,
	    0);
	int side = 0;

	if (var != NULL) {
		if (strcmp(var->f[F_VALUE], "common cause") == 0)
			return PT_PLAIN;
		return strncmp(var->f[F_VALUE], "concern", 7) == 0 ?
		    PT_CONCERN : strncmp(var->f[F_VALUE], "improvement", 11) ==
		    0 ? PT_IMPROVE : PT_NEUTRAL;
	}
	if (ch->has_upper && v > ch->upper)
		side = 1;
	else if (ch->has_lower && v < ch->lower)
		side = -1;
	if (side == 0)
		return PT_PLAIN;
	if (t->direction == DIR_NEUTRAL)
		return PT_NEUTRAL;
	return (side > 0) == (t->direction == DIR_UP) ? PT_IMPROVE :
	    PT_CONCERN;
}

static void
chart_limits(struct summary *s, struct dchart *ch, const struct topic *t)
{
	struct row *avg = lt_baseline(s, "force", s->force, "monthly_average",
	    t), *up = lt_baseline(s, "force", s->force, "control_upper", t),
	    *lo = lt_baseline(s, "force", s->force, "control_lower", t);
	char note[400], span[48], a[80], u[80], l[80], n[48] = "";
	long long months = 0;

	ch->has_mean = lt_num(avg, F_VALUE, &ch->mean);
	ch->has_upper = lt_num(up, F_VALUE, &ch->upper);
	ch->has_lower = lt_num(lo, F_VALUE, &ch->lower);
	ch->mean_whole = !t->generic;
	if (avg == NULL)
		return;
	if (lt_num(avg, F_DENOM, &months))
		snprintf(n, sizeof(n), " (%lld covered month%s)", months /
		    NUM_SCALE, months == NUM_SCALE ? "" : "s");
	span_label(span, avg->start, avg->end);
	if (ch->has_upper && ch->has_lower)
		snprintf(note, sizeof(note), "Average %s, control limits %s to "
		    "%s, over %s%s. A point beyond a limit is coloured: orange "
		    "concern, blue improvement, purple neutral.",
		    show_average(a, avg, t), show(l, lo->f[F_VALUE]), show(u,
		    up->f[F_VALUE]), span, n);
	else
		snprintf(note, sizeof(note), "Average %s over %s%s; no control "
		    "limits (they need 12 covered months).", show_average(a,
		    avg, t), span, n);
	dchart_note(ch, note);
}

void
control_chart(struct summary *s, struct dsection *sec, const struct topic *t)
{
	int n = s->set->chart_months, k, any = 0, m;
	char title[300], tick[16];
	struct dchart *ch;
	struct row *r;

	for (k = 0; k < n; k++)
		any |= lt_force(s, t->measure, t->category, s->month - n + 1 +
		    k) != NULL;
	if (!any)
		return;
	snprintf(title, sizeof(title), "%s, %s: the last %d months",
	    t->label, s->force, n);
	ch = doc_chart(sec, CHART_CONTROL, title, (size_t)n);
	chart_limits(s, ch, t);
	for (k = 0; k < n; k++) {
		m = s->month - n + 1 + k;
		dchart_label(ch, (size_t)k, month_tick(tick, m));
		r = lt_force(s, t->measure, t->category, m);
		if (point_set(s, &ch->main, (size_t)k, r, F_VALUE))
			ch->main.cls[k] = point_class(s, t, m, ch->main.v[k],
			    ch);
	}
}

static void
projection_note(struct summary *s, struct dchart *ch, const struct topic *t)
{
	struct row *back = lt_derived(s, "force", s->force, "projection", t,
	    s->month - PROJ_CHECKED, 0), *ahead = lt_derived(s, "force",
	    s->force, "projection", t, s->month + 1, 0);
	char note[400], a[16], b[16], c[16], d[16], e[16];
	long long nb = 0, na = 0;

	lt_num(back, F_DENOM, &nb);
	lt_num(ahead, F_DENOM, &na);
	snprintf(note, sizeof(note), "Projection (" DEF_SEC "3.2) "
	    "with its 95%% prediction interval: %s \xe2\x80\x93 %s fitted on "
	    "the %lld covered months to %s; %s onwards on the %lld to %s.",
	    month_short(a, s->month - PROJ_CHECKED), month_short(b, s->month),
	    nb / NUM_SCALE, month_short(c, s->month - PROJ_CHECKED - 1),
	    month_short(d, s->month + 1), na / NUM_SCALE,
	    month_short(e, s->month));
	dchart_note(ch, note);
}

void
projection_chart(struct summary *s, struct dsection *sec,
    const struct topic *t)
{
	size_t n = PROJ_BACK + 1 + PROJ_AHEAD, k;
	char title[300], tick[16];
	struct dchart *ch;
	int m, any = 0;

	for (k = 0; k < n; k++)
		any |= lt_derived(s, "force", s->force, "projection", t,
		    s->month - PROJ_BACK + (int)k, 0) != NULL;
	if (!any)
		return;
	snprintf(title, sizeof(title), "%s, %s: 6-month projection", t->label,
	    s->force);
	ch = doc_chart(sec, CHART_PROJECTION, title, n);
	ch->split = PROJ_BACK + 1;
	for (k = 0; k < n; k++) {
		m = s->month - PROJ_BACK + (int)k;
		dchart_label(ch, k, month_tick(tick, m));
		point_set(s, &ch->main, k, lt_force(s, t->measure, t->category,
		    m), F_VALUE);
		point_set(s, &ch->proj, k, lt_derived(s, "force", s->force,
		    "projection", t, m, 0), F_VALUE);
		point_set(s, &ch->lo, k, lt_derived(s, "force", s->force,
		    "projection_lower", t, m, 0), F_VALUE);
		point_set(s, &ch->hi, k, lt_derived(s, "force", s->force,
		    "projection_upper", t, m, 0), F_VALUE);
	}
	projection_note(s, ch, t);
}

void
topic_block(struct summary *s, struct dsection *sec, const struct topic *t)
{
	struct para *p;
	size_t i;

	doc_heading(sec, t->label);
	signs_list(s, sec, t);
	doc_para(sec, say_topic(s, t, "force", s->force));
	if (lt_force(s, t->measure, t->category, s->month) == NULL)
		return;
	for (i = 0; i < s->npas; i++) {
		p = para_new();
		say_area(s, p, t, "policing_area", s->pas[i]);
		if (p->len > 0)
			doc_para(sec, p);
		else
			para_free(p);
	}
	topic_areas(s, sec, t);
	control_chart(s, sec, t);
	if (t->projected && lt_any(s, "force", "projection", NULL)) {
		doc_para(sec, say_projection(s, t));
		projection_chart(s, sec, t);
	}
}
