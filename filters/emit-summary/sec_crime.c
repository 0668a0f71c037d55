/*
 * The crime sections (docs/report.md 2-6): the headline, total recorded
 * crime, the district comparison, the crime breakdown, the annual
 * projections with the year to date, and the crime-group topics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "emit.h"
#include "numfmt.h"

/* What the summary reports that no crime data gives (issue: say so). */
static const char *const elsewhere[][2] = {
	{ "confidence", "public confidence" },
	{ "victim_satisfaction", "victim satisfaction" },
	{ "missing_persons", "missing persons" },
	{ "road_traffic_casualties", "road traffic casualties" },
	{ "calls", "call handling" },
	{ "response_times", "response times" },
	{ NULL, NULL }
};

/* The summary's annual-projection rows, in its order (DEF 3.2). */
static const char *const annual_rows[] = { TOTAL_CRIME,
	"Violence with injury", "Violence without injury", "Rape",
	"Other sexual offences", ALL_ROBBERY,
	"Burglary \xe2\x80\x93 residential (dwelling)",
	"Burglary \xe2\x80\x93 business & community", "Vehicle offences",
	"Theft from the person", "Shoplifting", "Bicycle theft",
	"All other theft offences", "Criminal damage & arson",
	"Drug offences", "Possession of weapons", "Public order offences",
	"Miscellaneous crimes against society", NULL };
static const char *const annual_markers[] = { "HATE", "DA", "CAR", "CSE",
	NULL };

static int
supported_group(struct summary *s, const char *g)
{
	return s->unsupported[TS_CRIME_GROUPS] == NULL ||
	    !in_list(fine_groups, g, strlen(g));
}

/* ---- Headline ---- */

/* The headline's topics (docs/report.md "Headline"), in order. */
static size_t
headline_topics(struct summary *s, const struct topic **out, size_t max)
{
	const char *groups[256], **cats;
	size_t n = 0, i, k, ng;

	out[n++] = topic_get(s, "recorded_crime", TOTAL_CRIME);
	for (i = 0; group_topics[i] != NULL && n < max; i++)
		if (supported_group(s, group_topics[i]) &&
		    lt_any(s, "force", "recorded_crime", group_topics[i]))
			out[n++] = topic_get(s, "recorded_crime",
			    group_topics[i]);
	if (s->unsupported[TS_MARKERS] == NULL) {
		for (i = 0; marker_names[i] != NULL && n < max; i++)
			if (lt_any(s, "force", "marker", marker_names[i]))
				out[n++] = topic_get(s, "marker",
				    marker_names[i]);
		ng = lt_categories(s, "force", s->force, "marker", &cats);
		for (i = 0; i < ng && n < max; i++)
			if (!in_list(marker_names, cats[i], strlen(cats[i])))
				out[n++] = topic_get(s, "marker", cats[i]);
		free(cats);
	}
	if (facts_asb_recorded(s) && n < max)
		out[n++] = topic_get(s, "asb", ASB_GROUP);
	if (lt_any(s, "force", "rural_crime", "Total") && n < max)
		out[n++] = topic_get(s, "rural_crime", "Total");
	if (s->unsupported[TS_VICTIMS] == NULL && n + 2 <= max) {
		out[n++] = topic_get(s, "repeat_victims", "All");
		out[n++] = topic_get(s, "repeat_victims", "DA");
	}
	ng = facts_groups(s, groups, 256, 0);
	for (i = 0; i < ng && n < max; i++) {
		for (k = 0; group_topics[k] != NULL; k++)
			if (strcmp(group_topics[k], groups[i]) == 0)
				break;
		if (group_topics[k] == NULL && facts_flagged(s,
		    topic_get(s, "recorded_crime", groups[i])))
			out[n++] = topic_get(s, "recorded_crime", groups[i]);
	}
	for (i = 0; i < s->nall && n < max; i++)
		if (s->all[i]->generic)
			out[n++] = s->all[i];
	return n;
}

/* A topic's M, M-1 and % change at force level, into c[0..2]. */
static void
month_cells(struct summary *s, struct cell *c, const struct topic *t)
{
	cell_fig(s, &c[0], lt_force(s, t->measure, t->category, s->month),
	    F_VALUE, AS_IS);
	cell_fig(s, &c[1], lt_force(s, t->measure, t->category, s->month - 1),
	    F_VALUE, AS_IS);
	cell_fig(s, &c[2], lt_derived(s, "force", s->force,
	    "change_prev_month", t, s->month, 0), F_VALUE, AS_PCT);
}

/* Rule 9: no verdict, and why -- too few baseline months (DEF 3.0). */
static void
no_limits_cell(struct summary *s, struct cell *c, const struct topic *t)
{
	struct row *avg = lt_baseline(s, "force", s->force, "monthly_average",
	    t);
	long long n;
	char text[96];

	if (!lt_num(avg, F_DENOM, &n) || n >= 12 * NUM_SCALE)
		return;
	snprintf(text, sizeof(text), "no limits: %lld covered baseline "
	    "month%s (12 are needed)", n / NUM_SCALE, n == NUM_SCALE ? "" : "s");
	cell_text(c, text);
}

static void
headline_row(struct summary *s, struct dtable *tab, const struct topic *t)
{
	struct cell *c = dtable_row(tab);
	char *why;

	cell_text(&c[0], t->label);
	month_cells(s, &c[1], t);
	cell_fig(s, &c[4], lt_baseline(s, "force", s->force,
	    "monthly_average", t), F_VALUE, t->generic ? AS_IS : AS_WHOLE);
	cell_word(s, &c[5], lt_derived(s, "force", s->force, "exceptional", t,
	    s->month, 0));
	cell_variation(s, &c[6], t, "force", s->force);
	/* Common cause needs no reason beside it (rule 5c). */
	if (c[6].icon == ICON_COMMON)
		cell_text(&c[7], "");
	else if ((why = say_reason(s, t, "force", s->force)) != NULL) {
		cell_text(&c[7], why);
		free(why);
	} else
		no_limits_cell(s, &c[7], t);
}

/* Every special cause of M at any area (issue 11 item 4). */
static void
exceptions_list(struct summary *s, struct dsection *sec)
{
	static const char *const types[] = { "force", "policing_area",
		"district" };
	struct dlist *l = NULL;
	const struct topic *t;
	const struct row *r;
	char item[600], *why, *colon;
	size_t i, k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < s->n; i++) {
			r = s->rows[i];
			if (strcmp(r->f[F_AREA_TYPE], types[k]) != 0 ||
			    r->end != s->month || r->span ||
			    strcmp(r->f[F_MEASURE], "exceptional") != 0 ||
			    r->f[F_VALUE][0] != 'Y' ||
			    (colon = strchr(r->f[F_CATEGORY], ':')) == NULL)
				continue;
			*colon = '\0';
			t = topic_get(s, r->f[F_CATEGORY], colon + 1);
			*colon = ':';
			why = say_reason(s, t, r->f[F_AREA_TYPE], r->f[F_AREA]);
			snprintf(item, sizeof(item), "%s (%s): %s", t->label,
			    r->f[F_AREA], why != NULL ? why : r->f[F_VALUE]);
			free(why);
			if (l == NULL)
				l = doc_list(sec, "Exceptional volumes this "
				    "month, at any level:");
			list_add(l, item);
		}
}

/* "Not in this data: ..." for what the summary has and the table lacks. */
static void
elsewhere_line(struct summary *s, struct dsection *sec)
{
	struct para *p = para_new();
	size_t i, n = 0;

	for (i = 0; elsewhere[i][0] != NULL; i++) {
		if (lt_any(s, "force", elsewhere[i][0], NULL))
			continue;
		para_printf(p, "%s%s", n++ == 0 ? "Not in this data (shown when "
		    "another source's long table is given): " : ", ",
		    elsewhere[i][1]);
	}
	if (n > 0) {
		para_printf(p, ".");
		doc_para(sec, p);
	} else
		para_free(p);
}

static void
unsupported_line(struct summary *s, struct dsection *sec)
{
	static const char *const what[NTOPIC_SUPPORT] = {
		[TS_VICTIMS] = "repeat victims",
		[TS_CRIME_GROUPS] = "fine crime groups",
		[TS_MARKERS] = "markers",
		[TS_OUTCOME_RATE] = "outcome rate",
		[TS_OUTCOME_CODES] = "outcomes 14, 15 and 16",
		[TS_RURAL_THEMES] = "rural themes",
		[TS_ASB] = "anti-social behaviour",
	};
	struct para *p = para_new();
	int i, n = 0;

	for (i = 0; i < NTOPIC_SUPPORT; i++)
		if (s->unsupported[i] != NULL && what[i] != NULL)
			para_printf(p, "%s%s \xe2\x80\x94 %s", n++ == 0 ?
			    "Not available from this source: " : "; ", what[i],
			    s->unsupported[i]);
	if (n > 0) {
		para_printf(p, ".");
		doc_para(sec, p);
	} else
		para_free(p);
}

void
sec_headline(struct summary *s, struct dsection *sec)
{
	static const char *cols[8] = { "Topic", NULL, NULL, "Change",
		"Monthly average", "Exceptional", "Variation", "Why" };
	const struct topic *topics[512];
	char m0[16], m1[16];
	struct dtable *tab;
	size_t i, n;

	unsupported_line(s, sec);
	cols[1] = month_short(m0, s->month);
	cols[2] = month_short(m1, s->month - 1);
	n = headline_topics(s, topics, 512);
	tab = doc_table(sec, "", 8, cols);
	for (i = 0; i < n; i++)
		headline_row(s, tab, topics[i]);
	dtable_note(tab, DOC_MISSING " not available; n/a: no comparison (the "
	    "earlier figure is 0). A crime group beyond the summary's list is "
	    "here when exceptional or on a trend; \"Why\" says which rule "
	    "holds (" DEF_SEC "3).");
	exceptions_list(s, sec);
	elsewhere_line(s, sec);
}

/* ---- Total recorded crime ---- */

static void
unplaced_line(struct summary *s, struct dsection *sec,
    const char *const *names, const char *what)
{
	struct para *p;
	struct row *r;
	size_t i, n = 0;

	for (i = 0; names[i] != NULL; i++)
		n += lt_force(s, "unplaced", names[i], s->month) != NULL;
	if (n == 0)
		return;
	p = para_new();
	para_printf(p, "%s that no district can take in %s count in the force "
	    "total only (", what, month_name(s->month));
	for (i = 0, n = 0; names[i] != NULL; i++) {
		if ((r = lt_force(s, "unplaced", names[i], s->month)) == NULL)
			continue;
		para_printf(p, "%s%s: ", n++ == 0 ? "" : "; ", names[i]);
		para_row(s, p, r, F_VALUE, AS_IS);
	}
	para_printf(p, ").");
	doc_para(sec, p);
}

void
sec_total(struct summary *s, struct dsection *sec)
{
	topic_block(s, sec, topic_get(s, "recorded_crime", TOTAL_CRIME));
	unplaced_line(s, sec, unplaced_names, "Offences");
	if (facts_asb_recorded(s))
		unplaced_line(s, sec, unplaced_asb_names, "ASB incidents");
}

/* ---- District comparison: one table (DEFINITIONS.md 2.2, 3) ---- */

static void
district_cells(struct summary *s, struct cell *c, const char *at,
    const char *area, const char *group)
{
	struct row *r[3];
	long long a, b;
	int k;

	for (k = 0; k < 3; k++)
		r[k] = lt_get(s, at, area, "recorded_crime", group,
		    s->month - k, 0);
	cell_fig(s, &c[0], r[0], F_VALUE, AS_IS);
	for (k = 0; k < 3; k++)
		cell_fig(s, &c[1 + k], r[k], F_RATE, AS_IS);
	/* Only M's rate is shaded, when it rose on M-1 (rule 13). */
	if (lt_num(r[0], F_RATE, &a) && lt_num(r[1], F_RATE, &b) && a > b)
		c[1].marked = 1;
}

void
sec_districts(struct summary *s, struct dsection *sec)
{
	const char *groups[256], **cols;
	char m[3][16], rc[3][24];
	struct dtable *t;
	struct cell *c;
	size_t n, i, a, na = 1 + s->ndistricts;
	int k;

	n = facts_groups(s, groups, 250, 1);
	if (lt_any(s, "force", "recorded_crime", OTHER_SOCIETY))
		groups[n++] = OTHER_SOCIETY;
	groups[n++] = TOTAL_CRIME;
	doc_text(sec, "Offences in the month and the rate per 1,000 "
	    "population (burglary: per 1,000 households) for the last three "
	    "months, for the force and each district. A rate is shaded "
	    "(\xe2\x96\xb2) when it rose compared with the month before.");
	for (k = 0; k < 3; k++)
		month_short(m[k], s->month - k);
	snprintf(rc[0], sizeof(rc[0]), "Rate");
	snprintf(rc[1], sizeof(rc[1]), "Rate %.3s", m[1]);
	snprintf(rc[2], sizeof(rc[2]), "Rate %.3s", m[2]);
	cols = xmalloc((1 + 4 * na) * sizeof(char *));
	cols[0] = "Crime group";
	for (a = 0; a < na; a++) {
		cols[1 + 4 * a] = m[0];
		for (k = 0; k < 3; k++)
			cols[2 + 4 * a + (size_t)k] = rc[k];
	}
	t = doc_table(sec, "District comparison by crime group", 1 + 4 * na,
	    cols);
	free(cols);
	t->wide = 1;
	dtable_group(t, "", 1);
	for (a = 0; a < na; a++)
		dtable_group(t, a == 0 ? s->force : s->districts[a - 1], 4);
	for (i = 0; i < n; i++) {
		c = dtable_row(t);
		cell_text(&c[0], groups[i]);
		for (a = 0; a < na; a++)
			district_cells(s, &c[1 + 4 * a], a == 0 ? "force" :
			    "district", a == 0 ? s->force : s->districts[a - 1],
			    groups[i]);
	}
}

/* ---- Crime breakdown ---- */

/* The policing areas flagged exceptional for a group ("South (low)"). */
static void
cell_area_flags(struct summary *s, struct cell *c, const struct topic *t)
{
	struct para *p = para_new();
	struct row *e;
	size_t i;

	for (i = 0; i < s->npas; i++) {
		e = lt_derived(s, "policing_area", s->pas[i], "exceptional", t,
		    s->month, 0);
		if (e == NULL || e->f[F_VALUE][0] != 'Y')
			continue;
		para_printf(p, "%s%s%s", p->len > 0 ? ", " : "", s->pas[i],
		    strcmp(e->f[F_VALUE], "Y (low)") == 0 ? " (low)" : "");
	}
	cell_text(c, p->text);
	para_free(p);
}

/* M, M-1, % change, M-12, % change (docs/report.md). */
static void
change_cells(struct summary *s, struct cell *c, const struct topic *t)
{
	month_cells(s, c, t);
	cell_fig(s, &c[3], lt_force(s, t->measure, t->category,
	    s->month - 12), F_VALUE, AS_IS);
	cell_fig(s, &c[4], lt_derived(s, "force", s->force, "change_prev_year",
	    t, s->month, 0), F_VALUE, AS_PCT);
}

static int
has_block(const char *group)
{
	return in_list(group_topics, group, strlen(group));
}

void
sec_breakdown(struct summary *s, struct dsection *sec)
{
	const char *groups[256], *cols[9];
	char m0[16], m1[16], m12[16];
	const struct topic *t;
	struct dtable *tab;
	struct dlist *calm = NULL;
	struct cell *c;
	size_t n, i;

	n = facts_groups(s, groups, 255, 0);
	groups[n++] = TOTAL_CRIME;
	if (s->unsupported[TS_CRIME_GROUPS] != NULL) {
		struct para *p = para_new();

		para_printf(p, "Fine crime groups (homicide, violence with and "
		    "without injury, rape, other sexual offences, business and "
		    "personal robbery, residential and business burglary): not "
		    "available \xe2\x80\x94 %s.", s->unsupported[TS_CRIME_GROUPS]);
		doc_para(sec, p);
	}
	cols[0] = "Crime group";
	cols[1] = month_short(m0, s->month);
	cols[2] = month_short(m1, s->month - 1);
	cols[3] = "% change";
	cols[4] = month_short(m12, s->month - 12);
	cols[5] = "% change";
	cols[6] = "Exceptional";
	cols[7] = "Increasing trend";
	cols[8] = "Policing areas exceptional";
	tab = doc_table(sec, "Force level", 9, cols);
	for (i = 0; i < n; i++) {
		t = topic_get(s, "recorded_crime", groups[i]);
		c = dtable_row(tab);
		cell_text(&c[0], groups[i]);
		change_cells(s, &c[1], t);
		cell_word(s, &c[6], lt_derived(s, "force", s->force,
		    "exceptional", t, s->month, 0));
		cell_word(s, &c[7], lt_derived(s, "force", s->force,
		    "increasing_trend", t, s->month, 0));
		cell_area_flags(s, &c[8], t);
		if (i + 1 < n && !has_block(groups[i]) && !facts_flagged(s, t) &&
		    lt_derived(s, "force", s->force, "exceptional", t, s->month,
		    0) != NULL) {
			if (calm == NULL)
				calm = doc_list(sec, "Within their control "
				    "limits, with no special cause, and not "
				    "commented upon:");
			list_add(calm, groups[i]);
		}
	}
}

/* ---- Performance against annual projections; year to date ---- */

/*
 * DEFINITIONS.md 3.2: a change's arrow: within +-2.5% (inclusive) level,
 * up to +-11% (inclusive) a diagonal, beyond that straight up or down.
 */
static const char *
arrow(long long v)
{
	long long a = v < 0 ? -v : v;

	if (a <= 25 * NUM_SCALE / 10)
		return "\xe2\x87\x92";				/* ⇒ */
	if (a <= 11 * NUM_SCALE)
		return v > 0 ? "\xe2\x86\x97" : "\xe2\x86\x98";	/* ↗ ↘ */
	return v > 0 ? "\xe2\x86\x91" : "\xe2\x86\x93";		/* ↑ ↓ */
}

/* A change with its arrow; 1 when it is a rise beyond +11% (red). */
static int
cell_arrow(struct summary *s, struct cell *c, const struct row *r)
{
	char text[160], *lit;
	long long v;

	cell_fig(s, c, r, F_VALUE, AS_PCT);
	if (!lt_num(r, F_VALUE, &v) || c->kind != CELL_NUMBER)
		return 0;
	snprintf(text, sizeof(text), "%s %s", arrow(v), c->text);
	lit = xstrdup(c->number);
	cell_number(c, text, lit);
	free(lit);
	return v > 11 * NUM_SCALE;
}

static void
annual_row(struct summary *s, struct dtable *tab, const struct topic *t,
    int rated)
{
	struct cell *c = dtable_row(tab);
	struct row *ytd = lt_derived(s, "force", s->force, "ytd", t, s->month,
	    1);
	int k = 1;

	cell_text(&c[0], t->label);
	if (rated)
		cell_arrow(s, &c[k++], lt_derived_last(s, "force", s->force,
		    "projected_annual_change", t, s->month + 11));
	cell_fig(s, &c[k++], lt_derived(s, "force", s->force, "ytd_prev", t,
	    s->month - 12, 1), F_VALUE, AS_IS);
	cell_fig(s, &c[k++], ytd, F_VALUE, AS_IS);
	if (cell_arrow(s, &c[k], lt_derived(s, "force", s->force,
	    "change_ytd", t, s->month, 1)) && rated &&
	    t->direction != DIR_UP) {
		c[k].red = c[k + 1].red = 1;
		cell_text(&c[k + 1], "Red");
	} else if (rated)
		cell_text(&c[k + 1], "");
}

/* Column headings: the spans the year-to-date rows actually cover. */
static void
annual_columns(struct summary *s, const char **cols, char lbl[2][80],
    struct row *ytd, struct row *prev)
{
	char span[48];

	if (prev != NULL)
		snprintf(lbl[0], 80, "%s", span_label(span, prev->start,
		    prev->end));
	else
		snprintf(lbl[0], 80, "A year earlier");
	if (ytd != NULL)
		snprintf(lbl[1], 80, "%s%s", span_label(span, ytd->start,
		    ytd->end), facts_ytd_partial(s, ytd) != NULL ?
		    " (partial)" : "");
	else
		snprintf(lbl[1], 80, "Year to date");
	cols[0] = lbl[0];
	cols[1] = lbl[1];
}

static void
annual_notes(struct summary *s, struct dsection *sec, struct row *ytd,
    struct row *prev)
{
	const char *part = facts_ytd_partial(s, ytd);
	struct row *cov;
	char text[600], list[300], span[48];

	if (part != NULL) {
		cov = lt_get(s, "force", s->force, "coverage", "ytd", ytd->end,
		    1);
		snprintf(text, sizeof(text), "The year to date is partial: the "
		    "input covers %s of %s (" DEF_SEC "3.0).", span_list_text(list,
		    sizeof(list), part), cov != NULL ? span_label(span,
		    cov->start, cov->end) : span_label(span, ytd->start,
		    ytd->end));
		doc_text(sec, text);
	}
	if (ytd != NULL && prev == NULL)
		doc_text(sec, "The same months a year earlier are not all "
		    "covered by the input: no comparison is made "
		    "(" DEF_SEC "3.0).");
	if (!lt_any(s, "force", "projected_annual_change", NULL))
		doc_text(sec, "Projected annual change: not available \xe2\x80\x94 "
		    "the table holds no projected_annual_change rows (a "
		    "projection needs the previous financial year and 24 "
		    "covered months before it, " DEF_SEC "3.2).");
}

void
sec_annual(struct summary *s, struct dsection *sec)
{
	const struct topic *tot = topic_get(s, "recorded_crime", TOTAL_CRIME);
	struct row *ytd = lt_derived(s, "force", s->force, "ytd", tot,
	    s->month, 1), *prev = lt_derived(s, "force", s->force, "ytd_prev",
	    tot, s->month - 12, 1);
	const char *cols[6];
	char lbl[2][80];
	struct dtable *tab;
	size_t i;

	if (ytd == NULL && !lt_any(s, "force", "ytd", NULL))
		return;
	doc_text(sec, "At the start of the financial year a projection is set "
	    "for each crime group from the recorded volumes of the years "
	    "before (" DEF_SEC "3.2). The table shows that projected "
	    "annual change and the year to date against the same months a "
	    "year earlier. Arrows: \xe2\x87\x92 within \xc2\xb1" "2.5%, "
	    "\xe2\x86\x97 \xe2\x86\x98 up to \xc2\xb1" "11%, \xe2\x86\x91 "
	    "\xe2\x86\x93 beyond; a year-to-date rise beyond 11% is rated red. "
	    "Part of a year does not show all its seasonal variation.");
	annual_notes(s, sec, ytd, prev);
	cols[0] = "Crime group";
	cols[1] = "Projected annual change";
	annual_columns(s, cols + 2, lbl, ytd, prev);
	cols[4] = "Change";
	cols[5] = "Rating";
	tab = doc_table(sec, "Performance against annual projections", 6, cols);
	for (i = 0; annual_rows[i] != NULL; i++)
		if (supported_group(s, annual_rows[i]) && lt_any(s, "force",
		    "recorded_crime", annual_rows[i]))
			annual_row(s, tab, topic_get(s, "recorded_crime",
			    annual_rows[i]), 1);
	if (s->unsupported[TS_MARKERS] != NULL)
		return;
	cols[0] = "Marker";
	annual_columns(s, cols + 1, lbl, ytd, prev);
	cols[3] = "Change";
	tab = doc_table(sec, "Year to date: markers", 4, cols);
	for (i = 0; annual_markers[i] != NULL; i++)
		if (lt_any(s, "force", "marker", annual_markers[i]))
			annual_row(s, tab, topic_get(s, "marker",
			    annual_markers[i]), 0);
}

/* ---- Crime-group topics ---- */

void
sec_groups(struct summary *s, struct dsection *sec)
{
	const char *groups[256];
	const struct topic *t;
	size_t i, n;

	for (i = 0; group_topics[i] != NULL; i++)
		if (supported_group(s, group_topics[i]) && lt_any(s, "force",
		    "recorded_crime", group_topics[i]))
			topic_block(s, sec, topic_get(s, "recorded_crime",
			    group_topics[i]));
	n = facts_groups(s, groups, 256, 0);
	for (i = 0; i < n; i++) {
		t = topic_get(s, "recorded_crime", groups[i]);
		if (!has_block(groups[i]) && facts_flagged(s, t))
			topic_block(s, sec, t);
	}
}
