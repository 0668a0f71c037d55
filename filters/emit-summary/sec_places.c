/*
 * Rural crime (DEFINITIONS.md 2.3), anti-social behaviour (1.1), the
 * measures of other sources, and the notes on method.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "numfmt.h"

/* The summary ranks the top offence groups of rural crime. */
enum { RURAL_TOP = 6 };

struct ranked {
	const char	*group;
	long long	 v;
	size_t		 order;		/* DEFINITIONS.md 2.2's */
};

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->v != y->v)
		return x->v > y->v ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The top groups' share of rural crime in M and M-1, in words. */
static void
top_sentence(struct summary *s, struct dsection *sec, struct ranked *g,
    size_t n)
{
	long long top[2] = { 0, 0 }, tot[2], v;
	char a[80], b[80], text[300];
	size_t i;
	int k;

	for (k = 0; k < 2; k++) {
		if (!lt_num(lt_force(s, "rural_crime", "Total", s->month - k),
		    F_VALUE, &tot[k]) || tot[k] == 0)
			return;
		for (i = 0; i < n && i < RURAL_TOP; i++)
			if (lt_num(lt_force(s, "rural_crime", g[i].group,
			    s->month - k), F_VALUE, &v))
				top[k] += v;
	}
	snprintf(text, sizeof(text), "The top %zu rural offence groups of %s "
	    "account for %s%% of rural crime (the same groups in %s: %s%%).",
	    n < RURAL_TOP ? n : (size_t)RURAL_TOP, month_name(s->month),
	    share_of(a, top[0], tot[0]), month_name(s->month - 1),
	    share_of(b, top[1], tot[1]));
	doc_text(sec, text);
}

static void
rural_exceptions(struct summary *s, struct dsection *sec, struct ranked *g,
    size_t n)
{
	const struct topic *t;
	struct para *p;
	struct row *e;
	char *why;
	size_t i;

	for (i = 0; i < n; i++) {
		t = topic_get(s, "rural_crime", g[i].group);
		e = lt_derived(s, "force", s->force, "exceptional", t, s->month,
		    0);
		if (e == NULL || e->f[F_VALUE][0] != 'Y')
			continue;
		p = para_new();
		para_printf(p, "Exceptional volumes of rural %c%s: ",
		    g[i].group[0] >= 'A' && g[i].group[0] <= 'Z' &&
		    !(g[i].group[1] >= 'A' && g[i].group[1] <= 'Z') ?
		    g[i].group[0] - 'A' + 'a' : g[i].group[0], g[i].group + 1);
		para_row(s, p, lt_force(s, "rural_crime", g[i].group,
		    s->month), F_VALUE, AS_IS);
		why = say_reason(s, t, "force", s->force);
		para_printf(p, " in %s, %s.", month_name(s->month), why != NULL ?
		    why : e->f[F_VALUE]);
		free(why);
		doc_para(sec, p);
	}
}

/*
 * The crime groups of rural crime: those of definitions §2.2 in its order,
 * then any other rural category that is a recorded_crime group (police.uk's
 * coarse ones); the rest are themes (facts_themes).
 */
static size_t
rural_group_list(struct summary *s, const char **out, size_t max)
{
	const char **cats;
	size_t n = 0, i, ncats;

	for (i = 0; crime_groups[i] != NULL && n < max; i++)
		if (lt_any(s, "force", "rural_crime", crime_groups[i]))
			out[n++] = crime_groups[i];
	ncats = lt_categories(s, "force", s->force, "rural_crime", &cats);
	for (i = 0; i < ncats && n < max; i++)
		if (!in_list(crime_groups, cats[i], strlen(cats[i])) &&
		    strcmp(cats[i], "Total") != 0 &&
		    strcmp(cats[i], TOTAL_CRIME) != 0 &&
		    strcmp(cats[i], ALL_ROBBERY) != 0 &&
		    lt_any(s, "force", "recorded_crime", cats[i]))
			out[n++] = cats[i];
	free(cats);
	return n;
}

static void
rural_groups(struct summary *s, struct dsection *sec)
{
	const char *groups[256], *cols[8];
	char m[3][16];
	struct ranked g[256];
	struct dtable *tab;
	struct cell *c;
	size_t n, i, k = 0;
	int j;

	n = rural_group_list(s, groups, 256);
	for (i = 0; i < n; i++)
		if (lt_num(lt_force(s, "rural_crime", groups[i], s->month),
		    F_VALUE, &g[k].v)) {
			g[k].order = k;
			g[k++].group = groups[i];
		}
	if (k == 0)
		return;
	qsort(g, k, sizeof(g[0]), cmp_ranked);
	cols[0] = "Crime group";
	for (j = 0; j < 3; j++) {
		cols[1 + 2 * j] = month_short(m[j], s->month - (j == 2 ? 12 : j));
		cols[2 + 2 * j] = "Share";
	}
	cols[7] = "Exceptional";
	tab = doc_table(sec, "Rural crime by crime group, largest first", 8,
	    cols);
	for (i = 0; i < k; i++) {
		c = dtable_row(tab);
		cell_text(&c[0], g[i].group);
		for (j = 0; j < 3; j++) {
			int mm = s->month - (j == 2 ? 12 : j);

			cell_fig(s, &c[1 + 2 * j], lt_force(s, "rural_crime",
			    g[i].group, mm), F_VALUE, AS_IS);
			cell_share(s, &c[2 + 2 * j], lt_force(s, "rural_crime",
			    g[i].group, mm), lt_force(s, "rural_crime", "Total",
			    mm), "share_of_rural_total");
		}
		cell_word(s, &c[7], lt_derived(s, "force", s->force,
		    "exceptional", topic_get(s, "rural_crime", g[i].group),
		    s->month, 0));
	}
	top_sentence(s, sec, g, k);
	rural_exceptions(s, sec, g, k);
}

static void
rural_themes(struct summary *s, struct dsection *sec)
{
	const char **themes, *cols[4];
	char m[3][16];
	struct dtable *tab;
	struct cell *c;
	struct para *p;
	size_t n, i;
	int j, ms[3] = { s->month, s->month - 1, s->month - 12 };

	if (s->unsupported[TS_RURAL_THEMES] != NULL) {
		p = para_new();
		para_printf(p, "Rural themes: not available \xe2\x80\x94 %s.",
		    s->unsupported[TS_RURAL_THEMES]);
		doc_para(sec, p);
		return;
	}
	n = facts_themes(s, &themes);
	if (n == 0) {
		doc_text(sec, "Rural themes: not available \xe2\x80\x94 the "
		    "table holds no rural theme rows.");
		free(themes);
		return;
	}
	cols[0] = "Rural theme";
	for (j = 0; j < 3; j++)
		cols[1 + j] = month_short(m[j], ms[j]);
	tab = doc_table(sec, "Rural crime by theme (reference/rural-themes.csv)",
	    4, cols);
	for (i = 0; i < n; i++) {
		c = dtable_row(tab);
		cell_text(&c[0], themes[i]);
		for (j = 0; j < 3; j++)
			cell_fig(s, &c[1 + j], lt_force(s, "rural_crime",
			    themes[i], ms[j]), F_VALUE, AS_IS);
	}
	free(themes);
}

void
sec_rural(struct summary *s, struct dsection *sec)
{
	if (!lt_any(s, "force", "rural_crime", NULL)) {
		doc_text(sec, "Rural crime: not available \xe2\x80\x94 the table "
		    "holds no rural_crime rows.");
		if (s->unsupported[TS_RURAL_THEMES] != NULL)
			rural_themes(s, sec);
		return;
	}
	topic_block(s, sec, topic_get(s, "rural_crime", "Total"));
	rural_groups(s, sec);
	rural_themes(s, sec);
}

void
sec_asb(struct summary *s, struct dsection *sec)
{
	struct para *p;

	if (s->unsupported[TS_ASB] != NULL) {
		p = para_new();
		para_printf(p, "Anti-social behaviour: not available \xe2\x80\x94 "
		    "%s.", s->unsupported[TS_ASB]);
		doc_para(sec, p);
	} else if (!facts_asb_recorded(s))
		doc_text(sec, "Anti-social behaviour: not available \xe2\x80\x94 "
		    "the input holds no ASB incidents (they come from "
		    "data.police.uk).");
	else
		topic_block(s, sec, topic_get(s, "asb", ASB_GROUP));
}

void
sec_other(struct summary *s, struct dsection *sec)
{
	size_t i;

	for (i = 0; i < s->nall; i++)
		if (s->all[i]->generic)
			topic_block(s, sec, s->all[i]);
}

/* ---- Notes ---- */

/*
 * The report's order of series "measure:category": recorded crime first
 * (its total, then definitions §2.2's groups), then the other measures.
 */
static int
series_rank(const char *s)
{
	const char *cat = strchr(s, ':');
	int i;

	if (strncmp(s, "recorded_crime:", 15) != 0 || cat == NULL)
		return 1000;
	if (strcmp(cat + 1, TOTAL_CRIME) == 0)
		return 0;
	for (i = 0; crime_groups[i] != NULL; i++)
		if (strcmp(cat + 1, crime_groups[i]) == 0)
			return 2 * i + 1;
	if (strcmp(cat + 1, ALL_ROBBERY) == 0)	/* after personal robbery */
		return 2 * list_index(crime_groups, "Personal robbery", 16) + 2;
	return 900;
}

static int
cmp_series(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int rx = series_rank(x), ry = series_rank(y);

	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(x, y);
}

static void
mape_table(struct summary *s, struct dsection *sec)
{
	const char *cols[3] = { "Series", "Months tested", "MAPE" }, **cats;
	const struct topic *t;
	struct dtable *tab = NULL;
	struct cell *c;
	struct row *r;
	char *colon, span[48];
	size_t n, i;

	n = lt_categories(s, "force", s->force, "projection_mape", &cats);
	if (n > 1)
		qsort(cats, n, sizeof(*cats), cmp_series);
	for (i = 0; i < n; i++) {
		if ((colon = strchr(cats[i], ':')) == NULL)
			continue;
		r = lt_get(s, "force", s->force, "projection_mape", cats[i],
		    s->month, 1);
		if (r == NULL)
			continue;
		if (tab == NULL) {
			span_label(span, r->start, r->end);
			tab = doc_table(sec, "Projection backtest: the mean "
			    "absolute percentage error of each month projected "
			    "from the months before it", 3, cols);
		}
		*colon = '\0';
		t = topic_get(s, cats[i], colon + 1);
		*colon = ':';
		c = dtable_row(tab);
		cell_text(&c[0], t->label);
		cell_fig(s, &c[1], r, F_DENOM, AS_IS);
		cell_fig(s, &c[2], r, F_VALUE, AS_PCT);
	}
	free(cats);
	if (tab != NULL) {
		char note[160];

		snprintf(note, sizeof(note), "Months tested: %s.", span);
		dtable_note(tab, note);
	}
}

void
sec_notes(struct summary *s, struct dsection *sec)
{
	char text[600];

	doc_text(sec, "Definitions: every measure, rule and threshold in this "
	    "report is defined in docs/definitions.md; the table it is made "
	    "from in docs/measures.md, its wording in docs/report.md.");
	doc_text(sec, "Control charts follow NHS England's Making Data Count: "
	    "limits at the average \xc2\xb1 2.66 times the mean moving range "
	    "of the baseline months, with no screening of moving ranges (as "
	    "the Excel tool; the R package NHSRplotthedots screens by default). "
	    "The first rule that holds is the special cause: a month beyond a "
	    "limit; 7 months in a row each higher (or lower) than the one "
	    "before; two of three months close to a limit; 7 months in a row "
	    "on one side of the average. With fewer than 12 baseline months "
	    "there are no limits and no verdict (" DEF_SEC "3, "
	    "\xc2\xa7" "3.0).");
	doc_text(sec, "Projections: a linear trend and a month-of-year effect "
	    "fitted by least squares to up to 36 covered months, with a 95% "
	    "prediction interval (" DEF_SEC "3.2).");
	if (!lt_any(s, "force", "projection", NULL))
		doc_text(sec, "Projections: not available \xe2\x80\x94 the table "
		    "holds no projection rows (aggregate-district writes them "
		    "when 24 covered months precede the month projected from).");
	mape_table(s, sec);
	snprintf(text, sizeof(text), "Drill-down: in the HTML report every "
	    "figure carries, as a tooltip, the aggregate-district --explain "
	    "command that lists the records behind it in %s.", s->set->stream);
	doc_text(sec, text);
	doc_text(sec, "Numbers are as the table of measures has them: a "
	    "count's monthly average is shown whole; " DOC_MISSING " is not "
	    "available (the reason is said beside it); n/a is no comparison "
	    "(the earlier figure is 0).");
}
