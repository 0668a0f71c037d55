/*
 * Outcomes (DEFINITIONS.md 2.4, 3; docs/report.md rule 7): the outcome
 * rate of the year to date as the summary lays it out, the outcomes dated
 * in M with the action-taken subgroups as shares of action taken, and
 * 13-month trends of action taken and outcomes 14, 15 and 16.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "numfmt.h"

enum { TREND_MONTHS = 13 };

/* "Offences <words>", labelled when the outcomes are approximated. */
static void
caption(const struct summary *s, char *out, size_t n, const char *what,
    const char *words)
{
	snprintf(out, n, "%c%s %s%s", what[0] == 'o' ? 'O' : what[0],
	    what + 1, words, s->text_outcomes ? " (approximation from "
	    "police.uk outcome text)" : "");
}

static void
rate_total(struct summary *s, struct dtable *t, const char *label,
    struct row *was, struct row *now, int f, enum show_as as)
{
	struct cell *c = dtable_row(t);

	cell_text(&c[0], label);
	cell_text(&c[1], "");
	cell_fig(s, &c[2], was, f, as);
	cell_text(&c[3], "");
	cell_fig(s, &c[4], now, f, as);
	cell_text(&c[5], "");
}

static void
rate_sentence(struct summary *s, struct dsection *sec, struct row *now,
    struct row *was, const char *what, const char *prefix)
{
	struct para *p = para_new();
	struct row *at;
	char span[48], cat[64];
	long long a, b;

	para_pair(s, p, now, F_RATE, AS_PCT, F_VALUE, AS_IS);
	para_printf(p, " of %s recorded in %s (", what, span_label(span,
	    now->start, now->end));
	para_row(s, p, now, F_DENOM, AS_IS);
	para_printf(p, ") were assigned an outcome within the period.");
	if (lt_num(now, F_RATE, &a) && lt_num(was, F_RATE, &b)) {
		para_printf(p, " This is %s proportion compared to the same "
		    "period a year earlier (", a > b ? "a higher" : a < b ?
		    "a lower" : "the same");
		para_row(s, p, was, F_RATE, AS_PCT);
		para_printf(p, ").");
	}
	snprintf(cat, sizeof(cat), "%s%s", prefix, ACTION_TAKEN);
	at = lt_get(s, "force", s->force, "outcomes_recorded_in_period", cat,
	    now->end, 1);
	if (at != NULL) {
		para_printf(p, " ");
		para_pair(s, p, at, F_RATE, AS_PCT, F_VALUE, AS_IS);
		para_printf(p, " of them were assigned an 'action taken' "
		    "outcome.");
	}
	doc_para(sec, p);
}

static void
rate_table(struct summary *s, struct dsection *sec, const char *cat,
    const char *prefix, const char *what)
{
	struct row *now = lt_get(s, "force", s->force, "outcome_rate", cat,
	    s->month, 1), *was = lt_get(s, "force", s->force, "outcome_rate",
	    cat, s->month - 12, 1);
	char l1[48], l2[48], c[96], cap[160];
	const char *cols[6] = { "Outcome group", "Codes", l1, "%", l2, "%" };
	struct dtable *t;
	struct cell *row;
	size_t i;

	if (now == NULL) {
		snprintf(c, sizeof(c), "%c%s: outcome rate not available.",
		    what[0] == 'o' ? 'O' : what[0], what + 1);
		doc_text(sec, c);
		return;
	}
	if (was != NULL)
		span_label(l1, was->start, was->end);
	else
		snprintf(l1, sizeof(l1), "A year earlier");
	span_label(l2, now->start, now->end);
	caption(s, cap, sizeof(cap), what, "recorded in the period and "
	    "outcomed within it");
	t = doc_table(sec, cap, 6, cols);
	for (i = 0; outcome_groups[i] != NULL; i++) {
		snprintf(c, sizeof(c), "%s%s", prefix, outcome_groups[i]);
		row = dtable_row(t);
		cell_text(&row[0], outcome_groups[i]);
		cell_text(&row[1], s->group_codes[i] != NULL ?
		    s->group_codes[i] : "");
		cell_fig(s, &row[2], lt_get(s, "force", s->force,
		    "outcomes_recorded_in_period", c, s->month - 12, 1), F_VALUE,
		    AS_IS);
		cell_fig(s, &row[3], lt_get(s, "force", s->force,
		    "outcomes_recorded_in_period", c, s->month - 12, 1), F_RATE,
		    AS_PCT);
		cell_fig(s, &row[4], lt_get(s, "force", s->force,
		    "outcomes_recorded_in_period", c, s->month, 1), F_VALUE,
		    AS_IS);
		cell_fig(s, &row[5], lt_get(s, "force", s->force,
		    "outcomes_recorded_in_period", c, s->month, 1), F_RATE,
		    AS_PCT);
	}
	rate_total(s, t, "Total recorded and outcomed", was, now, F_VALUE,
	    AS_IS);
	rate_total(s, t, "Total recorded", was, now, F_DENOM, AS_IS);
	rate_total(s, t, "Outcome rate", was, now, F_RATE, AS_PCT);
	rate_sentence(s, sec, now, was, what, prefix);
}

static void
month_row(struct summary *s, struct dtable *t, const char *label,
    const char *cat, const char *at_cat)
{
	struct cell *c = dtable_row(t);
	int k, m;

	cell_text(&c[0], label);
	for (k = 0; k < 2; k++) {
		m = s->month - 1 + k;
		cell_fig(s, &c[1 + 2 * k], lt_force(s, "outcomes_in_month", cat,
		    m), F_VALUE, AS_IS);
		if (at_cat != NULL)
			cell_share(s, &c[2 + 2 * k], lt_force(s,
			    "outcomes_in_month", cat, m), lt_force(s,
			    "outcomes_in_month", at_cat, m),
			    "share_of_action_taken");
		else
			cell_fig(s, &c[2 + 2 * k], lt_force(s,
			    "outcomes_in_month", cat, m), F_RATE, AS_PCT);
	}
}

/* "Of these: 65.8% (187) charge/summons, 18.3% (52) caution ..." */
static void
subgroup_words(struct summary *s, struct para *p, const char *prefix,
    long long at)
{
	struct row *r[16];
	long long v[16];
	char cat[96], pct[80];
	size_t i, j, n = 0;

	for (i = 0; outcome_subgroups[i] != NULL && n < 16; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix, outcome_subgroups[i]);
		r[n] = lt_force(s, "outcomes_in_month", cat, s->month);
		if (lt_num(r[n], F_VALUE, &v[n]) && v[n] > 0)
			n++;
	}
	/* Largest first; equal ones in DEFINITIONS.md 2.4 order. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j] > v[j - 1]; j--) {
			long long tv = v[j];
			struct row *tr = r[j];

			v[j] = v[j - 1];
			r[j] = r[j - 1];
			v[j - 1] = tv;
			r[j - 1] = tr;
		}
	for (i = 0; i < n; i++) {
		para_printf(p, "%s%s%% (", i == 0 ? " Of these: " : i + 1 == n ?
		    " and " : ", ", share_of(pct, v[i], at));
		para_row(s, p, r[i], F_VALUE, AS_IS);
		para_printf(p, ") %s", r[i]->f[F_CATEGORY] + strlen(prefix));
	}
	if (n > 0)
		para_printf(p, ".");
}

/* " (<Month-1>: <n>, <rate>%)." -- or just "." when there is none. */
static void
last_month(struct summary *s, struct para *p, const struct row *prev)
{
	if (prev != NULL) {
		para_printf(p, " (%s: ", month_name(s->month - 1));
		para_row(s, p, prev, F_VALUE, AS_IS);
		para_printf(p, ", ");
		para_row(s, p, prev, F_RATE, AS_PCT);
		para_printf(p, ")");
	}
	para_printf(p, ".");
}

static void
action_sentence(struct summary *s, struct dsection *sec, const char *prefix,
    const char *what)
{
	struct row *r, *p;
	struct para *q;
	char cat[96];
	long long at;

	snprintf(cat, sizeof(cat), "%s%s", prefix, ACTION_TAKEN);
	r = lt_force(s, "outcomes_in_month", cat, s->month);
	p = lt_force(s, "outcomes_in_month", cat, s->month - 1);
	if (r == NULL || r->f[F_DENOM][0] == '\0')
		return;
	q = para_new();
	para_printf(q, "Out of the ");
	para_row(s, q, r, F_DENOM, AS_IS);
	para_printf(q, " %s outcomed in %s, ", what, month_name(s->month));
	para_pair(s, q, r, F_VALUE, AS_IS, F_RATE, AS_PCT);
	para_printf(q, " resulted in an 'action taken' outcome");
	last_month(s, q, p);
	if (lt_num(r, F_VALUE, &at) && at > 0)
		subgroup_words(s, q, prefix, at);
	doc_para(sec, q);
}

static void
month_table(struct summary *s, struct dsection *sec, const char *prefix,
    const char *what)
{
	char m0[16], m1[16], cat[96], label[128], at[96], cap[160];
	const char *cols[5] = { "Outcome", m1, "%", m0, "%" };
	struct dtable *t;
	size_t i;

	month_short(m0, s->month);
	month_short(m1, s->month - 1);
	snprintf(at, sizeof(at), "%s%s", prefix, ACTION_TAKEN);
	if (lt_force(s, "outcomes_in_month", at, s->month) == NULL &&
	    lt_force(s, "outcomes_in_month", at, s->month - 1) == NULL) {
		snprintf(cap, sizeof(cap), "%c%s outcomed in %s: not available.",
		    what[0] == 'o' ? 'O' : what[0], what + 1,
		    month_name(s->month));
		doc_text(sec, cap);
		return;
	}
	caption(s, cap, sizeof(cap), what, "outcomed in the month (any "
	    "recording date)");
	t = doc_table(sec, cap, 5, cols);
	for (i = 0; outcome_groups[i] != NULL; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix, outcome_groups[i]);
		month_row(s, t, outcome_groups[i], cat, NULL);
	}
	for (i = 0; outcome_subgroups[i] != NULL; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix, outcome_subgroups[i]);
		snprintf(label, sizeof(label), "Action taken: %s (%% of action "
		    "taken)", outcome_subgroups[i]);
		month_row(s, t, label, cat, at);
	}
	for (i = 0; s->unsupported[TS_OUTCOME_CODES] == NULL &&
	    outcome_code_categories[i] != NULL; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix,
		    outcome_code_categories[i]);
		snprintf(label, sizeof(label), "Outcome %s",
		    outcome_code_categories[i] + 2);
		month_row(s, t, label, cat, NULL);
	}
	action_sentence(s, sec, prefix, what);
}

/* 13 months of one outcome category: count bars, % line. */
static void
trend(struct summary *s, struct dsection *sec, const char *cat,
    const char *name, const char *label, const char *what)
{
	char title[200], tick[16];
	struct dchart *ch;
	struct para *p;
	struct row *r, *prev;
	size_t k;

	r = lt_force(s, "outcomes_in_month", cat, s->month);
	if (r == NULL)
		return;
	snprintf(title, sizeof(title), "%s, %s: outcomes dated in each month",
	    name, s->force);
	ch = doc_chart(sec, CHART_BARS_RATE, title, TREND_MONTHS);
	for (k = 0; k < TREND_MONTHS; k++) {
		int m = s->month - TREND_MONTHS + 1 + (int)k;
		struct row *x = lt_force(s, "outcomes_in_month", cat, m);

		dchart_label(ch, k, month_tick(tick, m));
		point_set(s, &ch->main, k, x, F_VALUE);
		point_set(s, &ch->rate, k, x, F_RATE);
	}
	dchart_note(ch, "Bars: offences outcomed in the month; line: their "
	    "share of all offences outcomed in it (%).");
	p = para_new();
	para_pair(s, p, r, F_VALUE, AS_IS, F_RATE, AS_PCT);
	para_printf(p, " %s resulted in %s in %s", what, label,
	    month_name(s->month));
	prev = lt_force(s, "outcomes_in_month", cat, s->month - 1);
	last_month(s, p, prev);
	doc_para(sec, p);
}

static void
trends(struct summary *s, struct dsection *sec, const char *prefix,
    const char *what, int codes_from)
{
	char cat[96], label[64], name[96];
	int i;

	snprintf(cat, sizeof(cat), "%s%s", prefix, ACTION_TAKEN);
	if (prefix[0] == '\0')
		trend(s, sec, cat, "Action taken", "an 'action taken' outcome",
		    what);
	if (s->unsupported[TS_OUTCOME_CODES] != NULL)
		return;
	for (i = 2; i >= codes_from; i--) {
		snprintf(cat, sizeof(cat), "%s%s", prefix,
		    outcome_code_categories[i]);
		snprintf(label, sizeof(label), "Outcome %s",
		    outcome_code_categories[i] + 2);
		snprintf(name, sizeof(name), "%s%s", prefix[0] != '\0' ?
		    "DA outcome " : "Outcome ", outcome_code_categories[i] + 2);
		trend(s, sec, cat, name, label, what);
	}
}

static int
rate_supported(struct summary *s, struct dsection *sec)
{
	long long n;
	char text[400];

	if (s->unsupported[TS_OUTCOME_RATE] == NULL &&
	    lt_any(s, "force", "outcome_rate", NULL))
		return 1;
	snprintf(text, sizeof(text), "Outcome rate: not available without "
	    "outcomes files \xe2\x80\x94 supply them with compute-outcomes "
	    "--outcomes / monthly.sh --outcomes%s%s%s.",
	    s->unsupported[TS_OUTCOME_RATE] != NULL ? " (" : "",
	    s->unsupported[TS_OUTCOME_RATE] != NULL ?
	    s->unsupported[TS_OUTCOME_RATE] : "",
	    s->unsupported[TS_OUTCOME_RATE] != NULL ? ")" : "");
	doc_text(sec, text);
	if ((n = facts_coverage(s, "with_outcome_text")) > 0) {
		snprintf(text, sizeof(text), "%lld records of %s carry "
		    "police.uk's last outcome category: the latest status as "
		    "published, not dated, so it gives no outcome rate.", n,
		    month_name(s->month));
		doc_text(sec, text);
	}
	return 0;
}

void
sec_outcomes(struct summary *s, struct dsection *sec)
{
	if (s->text_outcomes)
		doc_text(sec, "Outcomes here are an approximation from police.uk "
		    "outcome text: no official mapping from the text to the "
		    "Home Office outcome codes exists (" DEF_SEC
		    "2.4).");
	if (rate_supported(s, sec))
		rate_table(s, sec, "All", "", "offences");
	month_table(s, sec, "", "offences");
	if (s->unsupported[TS_OUTCOME_CODES] != NULL) {
		struct para *p = para_new();

		para_printf(p, "Outcomes 14, 15 and 16: not available \xe2\x80\x94 "
		    "%s.", s->unsupported[TS_OUTCOME_CODES]);
		doc_para(sec, p);
	}
	trends(s, sec, "", "offences", 0);
	doc_heading(sec, "Domestic abuse outcomes");
	if (s->unsupported[TS_MARKERS] != NULL) {
		struct para *p = para_new();

		para_printf(p, "Domestic abuse outcomes: not available "
		    "\xe2\x80\x94 %s.", s->unsupported[TS_MARKERS]);
		doc_para(sec, p);
		return;
	}
	if (s->unsupported[TS_OUTCOME_RATE] == NULL)
		rate_table(s, sec, "DA", "DA ", "DA offences");
	month_table(s, sec, "DA ", "DA offences");
	trends(s, sec, "DA ", "DA offences", 1);
}
