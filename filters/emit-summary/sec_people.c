/*
 * Victims and outcomes (docs/report.md 7-9): repeat victims with their
 * cohorts (DEFINITIONS.md 2.5, 3.1), the markers, and outcomes (2.4, 3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "numfmt.h"

static void
not_available(struct dsection *sec, const char *what, const char *why)
{
	struct para *p = para_new();

	para_printf(p, "%s: not available \xe2\x80\x94 %s.", what, why);
	doc_para(sec, p);
}

/* ---- Repeat victims (docs/report.md rule 6) ---- */

/* " This is a 5.5% increase compared to <when> (<n>)"; 1 when said. */
static int
versus(struct summary *s, struct para *p, const struct row *rv,
    const char *derived, const struct topic *t, int m, const char *when,
    int first)
{
	struct row *r = lt_force(s, t->measure, t->category, m);
	long long v, w;

	if (!lt_num(rv, F_VALUE, &v) || !lt_num(r, F_VALUE, &w))
		return 0;
	para_printf(p, "%s", first ? " This is " : " and ");
	say_change(s, p, v, w, lt_derived(s, "force", s->force, derived, t,
	    s->month, 0));
	para_printf(p, " compared to %s (", when);
	para_row(s, p, r, F_VALUE, AS_IS);
	para_printf(p, ")");
	return 1;
}

static void
share_sentence(struct summary *s, struct dsection *sec, const struct topic *t,
    const char *who)
{
	struct row *rv = lt_force(s, "repeat_victims", t->category, s->month);
	struct row *ap = lt_force(s, "repeat_victims_also_prev", t->category,
	    s->month), *m3 = lt_force(s, "repeat_victims_3_months",
	    t->category, s->month);
	struct para *p;
	char yl[24];
	int said;

	if (rv == NULL)
		return;
	p = para_new();
	if (rv->f[F_RATE][0] != '\0' && rv->f[F_DENOM][0] != '\0') {
		para_printf(p, "In %s, ", month_name(s->month));
		para_pair(s, p, rv, F_RATE, AS_PCT, F_VALUE, AS_IS);
		para_printf(p, " of all %s (", who);
		para_row(s, p, rv, F_DENOM, AS_IS);
		para_printf(p, ") were repeat victims.");
	}
	said = versus(s, p, rv, "change_prev_month", t, s->month - 1,
	    month_name(s->month - 1), 1);
	versus(s, p, rv, "change_prev_year", t, s->month - 12,
	    month_long(yl, s->month - 12), !said);
	if (p->len > 0 && p->text[p->len - 1] == ')')
		para_printf(p, ".");
	if (ap != NULL) {
		para_printf(p, " ");
		para_pair(s, p, ap, F_VALUE, AS_IS, F_RATE, AS_PCT);
		para_printf(p, " were also repeat victims in %s.",
		    month_name(s->month - 1));
	}
	if (m3 != NULL) {
		para_printf(p, " ");
		para_pair(s, p, m3, F_VALUE, AS_IS, F_RATE, AS_PCT);
		para_printf(p, " were repeat victims in each of the last 3 "
		    "months \xe2\x80\x93 %s, %s and %s.", month_name(s->month -
		    2), month_name(s->month - 1), month_name(s->month));
	}
	doc_para(sec, p);
}

/* Repeat victims by policing area, with their rates. */
static void
repeat_areas(struct summary *s, struct dsection *sec, const struct topic *t)
{
	char m[3][16];
	const char *cols[8] = { "Area", "Victims", "Repeat victims", "%",
		m[0], "%", m[1], "%" };
	struct dtable *tab;
	struct cell *c;
	struct row *r;
	size_t i;
	int k, ms[2] = { s->month - 1, s->month - 12 };

	month_short(m[0], ms[0]);
	month_short(m[1], ms[1]);
	tab = doc_table(sec, "Repeat victims by policing area", 8, cols);
	for (i = 0; i <= s->npas; i++) {
		const char *at = i < s->npas ? "policing_area" : "force";
		const char *area = i < s->npas ? s->pas[i] : s->force;

		r = lt_get(s, at, area, t->measure, t->category, s->month, 0);
		if (r == NULL)
			continue;
		c = dtable_row(tab);
		cell_text(&c[0], area);
		cell_fig(s, &c[1], r, F_DENOM, AS_IS);
		cell_fig(s, &c[2], r, F_VALUE, AS_IS);
		cell_fig(s, &c[3], r, F_RATE, AS_PCT);
		for (k = 0; k < 2; k++) {
			r = lt_get(s, at, area, t->measure, t->category, ms[k],
			    0);
			cell_fig(s, &c[4 + 2 * k], r, F_VALUE, AS_IS);
			cell_fig(s, &c[5 + 2 * k], r, F_RATE, AS_PCT);
		}
	}
	dtable_note(tab, "A victim with records in both policing areas counts "
	    "in each (" DEF_SEC "2.5): the areas can add up to more than "
	    "the force.");
}

static void
cohort_sentence(struct summary *s, struct dsection *sec, const char *prefix,
    long long sum12, long long summ)
{
	struct para *p = para_new();
	char n1[80], n2[80];

	para_printf(p, "%s's %s cohort accounts for %s offences recorded in "
	    "the last 12 months, of which %s were recorded in %s.",
	    month_name(s->month), prefix[0] == '\0' ? "repeat victim" :
	    "repeat DA victim", num_format(n1, sizeof(n1), sum12, 0, 1),
	    num_format(n2, sizeof(n2), summ, 0, 1), month_name(s->month));
	doc_para(sec, p);
}

static void
cohort_table(struct summary *s, struct dsection *sec, const char *prefix,
    const char *title)
{
	const char *const *names = prefix[0] == '\0' ? cohort_names :
	    cohort_da_names;
	char cap[160], m[16], m1[32];
	const char *cols[6] = { "Offences in 12 months", "Victims",
		"% of repeat victims", m1, "Offences in 12 months (sum)",
		"Offences this month" };
	struct dtable *t;
	struct dchart *ch;
	struct cell *c;
	struct row *r;
	long long v, sum12 = 0, summ = 0;
	size_t i;
	int all = 1;

	if (lt_force(s, "repeat_cohort_victims", names[0], s->month) == NULL)
		return;
	snprintf(m1, sizeof(m1), "Victims %s", month_short(m, s->month - 1));
	snprintf(cap, sizeof(cap), "%s by number of offences, %s", title,
	    month_short(m, s->month));
	t = doc_table(sec, cap, 6, cols);
	ch = doc_chart(sec, CHART_BARS, cap, NCOHORTS);
	for (i = 0; i < NCOHORTS; i++) {
		c = dtable_row(t);
		cell_text(&c[0], cohort_names[i]);
		r = lt_force(s, "repeat_cohort_victims", names[i], s->month);
		cell_fig(s, &c[1], r, F_VALUE, AS_IS);
		cell_fig(s, &c[2], r, F_RATE, AS_PCT);
		dchart_label(ch, i, cohort_names[i]);
		point_set(s, &ch->main, i, r, F_VALUE);
		cell_fig(s, &c[3], lt_force(s, "repeat_cohort_victims",
		    names[i], s->month - 1), F_VALUE, AS_IS);
		r = lt_force(s, "repeat_cohort_offences_12m", names[i],
		    s->month);
		cell_fig(s, &c[4], r, F_VALUE, AS_IS);
		all &= lt_num(r, F_VALUE, &v);
		sum12 += all ? v : 0;
		r = lt_force(s, "repeat_cohort_offences_month", names[i],
		    s->month);
		cell_fig(s, &c[5], r, F_VALUE, AS_IS);
		all &= lt_num(r, F_VALUE, &v);
		summ += all ? v : 0;
	}
	if (all)
		cohort_sentence(s, sec, prefix, sum12, summ);
}

void
sec_repeat(struct summary *s, struct dsection *sec)
{
	/* category, who, cohort prefix, cohort title */
	static const char *const kind[2][4] = {
		{ "All", "victims", "", "Repeat victims" },
		{ "DA", "DA victims", "DA ", "Repeat DA victims" } };
	const struct topic *t;
	int k;

	if (s->unsupported[TS_VICTIMS] != NULL) {
		not_available(sec, "Repeat victims", s->unsupported[TS_VICTIMS]);
		return;
	}
	for (k = 0; k < 2; k++) {
		t = topic_get(s, "repeat_victims", kind[k][0]);
		topic_block(s, sec, t);
		share_sentence(s, sec, t, kind[k][1]);
		if (lt_force(s, t->measure, t->category, s->month) != NULL)
			repeat_areas(s, sec, t);
		cohort_table(s, sec, kind[k][2], kind[k][3]);
	}
}

/* ---- Markers ---- */

void
sec_markers(struct summary *s, struct dsection *sec)
{
	const char **cats;
	size_t i, n;
	int any = 0;

	if (s->unsupported[TS_MARKERS] != NULL) {
		not_available(sec, "Markers (domestic abuse, hate, child at "
		    "risk, CSE, business, cyber)", s->unsupported[TS_MARKERS]);
		return;
	}
	for (i = 0; marker_names[i] != NULL; i++)
		if (lt_any(s, "force", "marker", marker_names[i])) {
			topic_block(s, sec, topic_get(s, "marker",
			    marker_names[i]));
			any = 1;
		}
	n = lt_categories(s, "force", s->force, "marker", &cats);
	for (i = 0; i < n; i++)
		if (!in_list(marker_names, cats[i], strlen(cats[i]))) {
			topic_block(s, sec, topic_get(s, "marker", cats[i]));
			any = 1;
		}
	free(cats);
	if (!any)
		not_available(sec, "Markers", "the input holds no marker "
		    "counts");
}
