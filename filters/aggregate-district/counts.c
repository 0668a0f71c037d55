/*
 * The categories and the count cube, and which figures a record adds to
 * (DEFINITIONS.md 3.1; docs/measures.md).  The same list of contributions
 * serves the table and --explain, so a figure and the records listed for
 * it can never disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "agg.h"

static size_t
cube_index(const struct agg *a, int cat, int area, int slot)
{
	return ((size_t)cat * (size_t)a->nareas + (size_t)area) *
	    (size_t)a->w.nslots + (size_t)slot;
}

/* A new category i: its name, and its plane of the cube. */
static void
cat_add(struct agg *a, long i, int measure, const char *name, size_t len)
{
	size_t need, old;

	a->cat_measure = xgrow(a->cat_measure, &a->cat_cap, (size_t)i + 1,
	    sizeof(int));
	a->cat_measure[i] = measure;
	a->cat_name = xgrow(a->cat_name, &a->cat_name_cap, (size_t)i + 1,
	    sizeof(char *));
	a->cat_name[i] = xstrndup(name, len);
	a->cat_len = xgrow(a->cat_len, &a->cat_len_cap, (size_t)i + 1,
	    sizeof(size_t));
	a->cat_len[i] = len;
	if (!a->explain) {
		old = a->cube_cap;
		need = cube_index(a, (int)i + 1, 0, 0);
		a->cube = xgrow(a->cube, &a->cube_cap, need,
		    sizeof(long long));
		memset(a->cube + old, 0, (a->cube_cap - old) *
		    sizeof(long long));
	}
}

/* The category (measure, name[0..len)); inserted when insert is set. */
int
cat_get(struct agg *a, int measure, const char *name, size_t len,
    int insert)
{
	int *slot = &a->cat_cache[measure][(len * 31 + (len ?
	    (unsigned char)name[0] * 7 + (unsigned char)name[len - 1] : 0)) &
	    255], c = *slot - 1, added = 0;
	long i;

	/* Most lookups repeat: a direct-mapped cache before the keymap. */
	if (c >= 0 && a->cat_len[c] == len &&
	    memcmp(a->cat_name[c], name, len) == 0)
		return c;
	a->key = xgrow(a->key, &a->key_cap, len + 1, 1);
	a->key[0] = (char)measure;
	memcpy(a->key + 1, name, len);
	i = keymap_get(a->cats, a->key, len + 1, insert, &added);
	if (i < 0)
		return -1;
	if (added)
		cat_add(a, i, measure, name, len);
	*slot = (int)i + 1;
	return (int)i;
}

int
cat_str(struct agg *a, int measure, const char *name)
{
	return cat_get(a, measure, name, strlen(name), 1);
}

/*
 * The categories a record names by a constant, each found once and kept
 * in a->kcat (index + 1): found the first time it is needed, so the
 * categories are added in the same order as by cat_str() every time.
 */
enum { K_TOTAL, K_ROBBERY, K_SOCIETY, K_RURAL_TOTAL, K_ASB,
	K_SPAN = K_ASB + 1,		/* All, DA */
	K_RATE = K_SPAN + 2,		/* All, DA */
	K_OMONTH = K_RATE + 2,		/* All, DA */
	K_MARKER = K_OMONTH + 2,
	K_UNPLACED = K_MARKER + NMARKERS,
	K_UNPLACED_ASB = K_UNPLACED + NUNPLACED,
	K_COVERAGE = K_UNPLACED_ASB + NUNPLACED,
	NK = K_COVERAGE + NCOVERAGE };

static int
kcat(struct agg *a, int k, int measure, const char *name)
{
	_Static_assert(NK <= NKCAT, "NKCAT too small");
	if (a->kcat[k] == 0)
		a->kcat[k] = cat_str(a, measure, name) + 1;
	return a->kcat[k] - 1;
}

long long
cube_get(const struct agg *a, int cat, int area, int slot)
{
	if (cat < 0)
		return 0;
	return a->cube[cube_index(a, cat, area, slot)];
}

long long
cube_get_str(struct agg *a, int measure, const char *name, int area,
    int slot)
{
	return cube_get(a, cat_get(a, measure, name, strlen(name), 0), area,
	    slot);
}

/* Categories written even when 0 (a 0 in a covered month is real). */
static void
fixed_categories(struct agg *a, int measure)
{
	const char *const *p = measure_defs[measure].categories;

	for (; p != NULL && *p != NULL; p++)
		cat_str(a, measure, *p);
}

static void
prefixed_list(struct agg *a, int measure, const char *const *list)
{
	char buf[128];

	for (; *list != NULL; list++) {
		cat_str(a, measure, *list);
		snprintf(buf, sizeof(buf), "DA %s", *list);
		cat_str(a, measure, buf);
	}
}

void
static_categories(struct agg *a)
{
	static const int always[] = { MS_RECORDED_CRIME, MS_ASB, MS_MARKER,
	    MS_UNPLACED, MS_COVERAGE };
	static const int victim[] = { MS_VICTIMS, MS_REPEAT_VICTIMS,
	    MS_ALSO_PREV, MS_THREE_MONTHS };
	size_t i, len;
	const char *k;

	for (i = 0; i < sizeof(always) / sizeof(always[0]); i++)
		fixed_categories(a, always[i]);
	for (i = 0; unplaced_asb_names[i] != NULL; i++)
		cat_str(a, MS_UNPLACED, unplaced_asb_names[i]);
	if (a->has_rural) {
		cat_str(a, MS_RURAL_CRIME, "Total");
		for (i = 0; i < keymap_size(a->theme_names); i++) {
			k = keymap_key(a->theme_names, i, &len);
			cat_get(a, MS_RURAL_CRIME, k, len, 1);
		}
	}
	if (a->has_repeat) {
		for (i = 0; i < sizeof(victim) / sizeof(victim[0]); i++)
			fixed_categories(a, (int)victim[i]);
		for (i = 0; i < NCOHORTS; i++) {
			cat_str(a, MS_COHORT_VICTIMS, cohort_names[i]);
			cat_str(a, MS_COHORT_VICTIMS, cohort_da_names[i]);
			cat_str(a, MS_COHORT_12M, cohort_names[i]);
			cat_str(a, MS_COHORT_12M, cohort_da_names[i]);
			cat_str(a, MS_COHORT_MONTH, cohort_names[i]);
			cat_str(a, MS_COHORT_MONTH, cohort_da_names[i]);
		}
	}
	if (a->has_outcomes) {
		fixed_categories(a, MS_OUTCOME_RATE);
		prefixed_list(a, MS_OUTCOMES_PERIOD, outcome_groups);
		prefixed_list(a, MS_OUTCOMES_MONTH, outcome_groups);
		prefixed_list(a, MS_OUTCOMES_MONTH, outcome_subgroups);
		prefixed_list(a, MS_OUTCOMES_MONTH, outcome_code_categories);
	}
}

static void
contrib_add(struct contrib *c, int *n, int cat, int month, int span,
    int force_only, long long weight)
{
	if (cat < 0 || weight == 0 || *n >= MAXCONTRIB)
		return;
	c[*n].cat = cat;
	c[*n].month = month;
	c[*n].span = span;
	c[*n].force_only = force_only;
	c[*n].weight = weight;
	(*n)++;
}

static int
prefixed(struct agg *a, int measure, int da, const struct field *f)
{
	char buf[512];
	size_t len = f->len;

	if (!da)
		return cat_get(a, measure, f->ptr, f->len, 1);
	if (len > sizeof(buf) - 4)
		len = sizeof(buf) - 4;
	memcpy(buf, "DA ", 3);
	memcpy(buf + 3, f->ptr, len);
	return cat_get(a, measure, buf, len + 3, 1);
}

/* The outcome figures of one offence (DEFINITIONS.md 2.4, 3). */
static void
outcome_contributions(struct agg *a, const struct rec_view *v,
    struct contrib *c, int *n)
{
	const struct window *w = &a->w;
	int s, d, from, to, oc, da = (v->markers >> MK_DA) & 1;
	char code[5] = "OC1";

	for (d = 0; d <= da; d++) {
		const char *all = d ? "DA" : "All";

		for (s = 0; s < 2; s++) {
			/* The spans: this and last financial year to date. */
			from = w->fy - 12 * s;
			to = w->month - 12 * s;
			if (v->month < from || v->month > to)
				continue;
			contrib_add(c, n, kcat(a, K_SPAN + d, MS_SPAN_RECORDED,
			    all), -1, s, 0, v->cc);
			if (v->omonth < from || v->omonth > to)
				continue;
			contrib_add(c, n, kcat(a, K_RATE + d, MS_OUTCOME_RATE,
			    all), -1, s, 0, v->cc);
			contrib_add(c, n, prefixed(a, MS_OUTCOMES_PERIOD, d,
			    v->ogroup), -1, s, 0, v->cc);
		}
		if (v->omonth < 0)
			continue;
		contrib_add(c, n, kcat(a, K_OMONTH + d, MS_OUTCOMED_MONTH,
		    all), v->omonth,
		    -1, 0, v->cc);
		contrib_add(c, n, prefixed(a, MS_OUTCOMES_MONTH, d, v->ogroup),
		    v->omonth, -1, 0, v->cc);
		if (v->osubgroup->len > 0 && field_is(v->ogroup, ACTION_TAKEN))
			contrib_add(c, n, prefixed(a, MS_OUTCOMES_MONTH, d,
			    v->osubgroup), v->omonth, -1, 0, v->cc);
		/* Outcome codes 14, 15, 16 (DEFINITIONS.md 3). */
		oc = v->ocode->len == 2 && v->ocode->ptr[0] == '1' &&
		    v->ocode->ptr[1] >= '4' && v->ocode->ptr[1] <= '6';
		if (oc) {
			struct field f = { code, 4 };

			code[3] = v->ocode->ptr[1];
			contrib_add(c, n, prefixed(a, MS_OUTCOMES_MONTH, d, &f),
			    v->omonth, -1, 0, v->cc);
		}
	}
}

/*
 * Whether the group of category gc (-1: no group) is part of a robbery
 * or other-crimes-against-society aggregate (1 << 0, 1 << 1): worked out
 * once a category, kept in a direct-mapped memo (a->group_kind).
 */
static int
group_kind(struct agg *a, int gc, const struct field *g)
{
	int *memo = &a->group_kind[gc & (NGROUP_KIND - 1)];

	if (gc < 0 || *memo >> 2 != gc + 1)
		*memo = (gc + 1) << 2 |
		    in_list(robbery_parts, g->ptr, g->len) |
		    in_list(society_parts, g->ptr, g->len) << 1;
	return *memo & 3;
}

/* The crime counts: total, group, aggregates, markers, rural. */
static void
crime_contributions(struct agg *a, const struct rec_view *v,
    struct contrib *c, int *n)
{
	const struct field *g = v->group;
	int i, m = v->month, gc = -1, kind;

	contrib_add(c, n, kcat(a, K_TOTAL, MS_RECORDED_CRIME, TOTAL_CRIME), m,
	    -1, 0, v->cc);
	/* A counted crime with no group is in the total only. */
	if (g->len > 0) {
		gc = cat_get(a, MS_RECORDED_CRIME, g->ptr, g->len, 1);
		contrib_add(c, n, gc, m, -1, 0, v->cc);
	}
	kind = group_kind(a, gc, g);
	if (kind & 1)
		contrib_add(c, n, kcat(a, K_ROBBERY, MS_RECORDED_CRIME,
		    ALL_ROBBERY), m, -1, 0, v->cc);
	if (kind & 2)
		contrib_add(c, n, kcat(a, K_SOCIETY, MS_RECORDED_CRIME,
		    OTHER_SOCIETY), m, -1, 0, v->cc);
	for (i = 0; i < NMARKERS; i++)
		if (v->markers & (1u << i))
			contrib_add(c, n, kcat(a, K_MARKER + i, MS_MARKER,
			    marker_names[i]), m, -1, 0, v->cc);
	if (!v->rural)
		return;
	contrib_add(c, n, kcat(a, K_RURAL_TOTAL, MS_RURAL_CRIME, "Total"), m,
	    -1, 0, v->cc);
	if (g->len > 0)
		contrib_add(c, n, cat_get(a, MS_RURAL_CRIME, g->ptr, g->len, 1),
		    m, -1, 0, v->cc);
	if (v->theme->len > 0)
		contrib_add(c, n, cat_get(a, MS_RURAL_CRIME, v->theme->ptr,
		    v->theme->len, 1), m, -1, 0, v->cc);
}

/* The record counts of M behind the coverage rows (docs/measures.md). */
static void
coverage_contributions(struct agg *a, const struct rec_view *v,
    struct contrib *c, int *n)
{
	const struct record *rec = v->rec;
	const int w[NCOVERAGE] = {
		[CV_RECORDS] = 1,
		[CV_VICTIM] = v->victim_id->len > 0,
		[CV_OFFENCE] = col(a, rec, C_OFFENCE_CODE)->len > 0,
		[CV_OUTCOME_CODE] = v->ocode->len > 0,
		[CV_OUTCOME_TEXT] = v->otext->len > 0,
		[CV_RURAL] = field_is(col(a, rec, C_RURAL), "Y") ||
		    field_is(col(a, rec, C_RURAL), "N"),
		[CV_TEXT_APPROX] = v->ocode->len == 0 && v->otext->len > 0 &&
		    v->ogroup->len > 0,
	};
	int i;

	for (i = 0; i < NCOVERAGE; i++)
		contrib_add(c, n, kcat(a, K_COVERAGE + i, MS_COVERAGE,
		    coverage_names[i]),
		    v->month, -1, 1, w[i]);
}

int
record_contributions(struct agg *a, const struct rec_view *v,
    struct contrib *c)
{
	int n = 0, up = v->place.unplaced;

	if (v->asb)
		contrib_add(c, &n, kcat(a, K_ASB, MS_ASB, ASB_GROUP), v->month,
		    -1, 0, 1);
	else if (v->cc > 0)
		crime_contributions(a, v, c, &n);
	if (up >= 0)
		contrib_add(c, &n, v->asb ? kcat(a, K_UNPLACED_ASB + up,
		    MS_UNPLACED, unplaced_asb_names[up]) : kcat(a,
		    K_UNPLACED + up, MS_UNPLACED, unplaced_names[up]),
		    v->month, -1, 1, v->asb ? 1 : v->cc);
	if (a->has_outcomes && v->cc > 0)
		outcome_contributions(a, v, c, &n);
	if (v->month == a->w.month)
		coverage_contributions(a, v, c, &n);
	return n;
}

/* Add a record of the force to every figure it counts in. */
void
count_record(struct agg *a, const struct rec_view *v)
{
	struct contrib c[MAXCONTRIB];
	int n = record_contributions(a, v, c), i, j, slot;

	for (i = 0; i < n; i++) {
		slot = c[i].span >= 0 ? a->w.nmonths + c[i].span :
		    month_slot(a, c[i].month);
		if (slot < 0)
			continue;
		for (j = 0; j < (c[i].force_only ? 1 : v->place.nareas); j++)
			a->cube[cube_index(a, c[i].cat, v->place.areas[j],
			    slot)] += c[i].weight;
	}
}
