/*
 * What users edit (reference/README.md): reference/topics.csv gives each
 * series its label, unit, improvement direction (DEFINITIONS.md 3),
 * whether it is projected (3.2) and its signs of improvement; a row
 * "measure:*" covers every category of the measure.  The outcome codes of
 * each group come from reference/outcome-groups.csv (DEFINITIONS.md 2.4).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/table.h"
#include "../../common/xalloc.h"
#include "emit.h"

enum { TC_SERIES, TC_LABEL, TC_UNIT, TC_DIRECTION, TC_PROJECTION,
	TC_IMPROVEMENT, NTC };
static const char *const topic_columns[NTC] = { "series", "label", "unit",
	"direction", "projection", "improvement" };

void
topics_load(struct summary *s, const char *path)
{
	char *p = path != NULL ? xstrdup(path) : reference_path("topics.csv");

	s->topics = (struct topics *)table_load(p, topic_columns, NTC,
	    TC_SERIES);
	free(p);
}

static long
find_series(struct summary *s, const char *measure, const char *category)
{
	struct table *t = (struct table *)s->topics;
	char key[512];
	long row;

	snprintf(key, sizeof(key), "%s:%s", measure, category);
	if ((row = table_find(t, key, strlen(key))) >= 0)
		return row;
	snprintf(key, sizeof(key), "%s:*", measure);
	return table_find(t, key, strlen(key));
}

/* "victim_satisfaction", "Whole experience" -> "Victim satisfaction:
 * Whole experience" (docs/report.md rule 2, a generic topic). */
static char *
words_label(const char *measure, const char *category)
{
	size_t n = strlen(measure) + strlen(category) + 3;
	char *p = xmalloc(n), *q;

	snprintf(p, n, "%s%s%s", measure, category[0] != '\0' ? ": " : "",
	    category);
	for (q = p; *q != '\0' && *q != ':'; q++)
		if (*q == '_')
			*q = ' ';
	if (p[0] >= 'a' && p[0] <= 'z')
		p[0] = (char)(p[0] - 'a' + 'A');
	return p;
}

/* "Rape" -> "rape"; "CSE" stays: a capital second letter is an acronym. */
static char *
lower_first(const char *s)
{
	char *p = xstrdup(s);

	if (p[0] >= 'A' && p[0] <= 'Z' && !(p[1] >= 'A' && p[1] <= 'Z'))
		p[0] = (char)(p[0] - 'A' + 'a');
	return p;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);

	return a >= b && strcmp(s + a - b, tail) == 0;
}

/*
 * The units of a topic (docs/report.md rule 2).  A row of its own, or a
 * "measure:*" row with a label, gives the unit as written; a "measure:*"
 * row without a label puts the category's words before it ("Bicycle
 * theft" + "offence" -> "bicycle theft offences"), unless the category
 * already ends with them ("Drug offences").
 */
static void
set_units(struct topic *t, const char *unit, int own)
{
	char plural[256], *words;
	size_t n, cut;

	snprintf(plural, sizeof(plural), "%s%s", unit, unit[0] == '\0' ||
	    ends_with(unit, "s") ? "" : "s");
	if (own || unit[0] == '\0') {
		t->unit = xstrdup(unit);
		t->units = xstrdup(plural);
		return;
	}
	words = lower_first(t->category);
	n = strlen(words) + strlen(plural) + 2;
	t->unit = xmalloc(n);
	t->units = xmalloc(n);
	if (ends_with(words, plural)) {
		cut = strlen(plural) - strlen(unit);
		snprintf(t->units, n, "%s", words);
		snprintf(t->unit, n, "%.*s", (int)(strlen(words) - cut), words);
	} else if (ends_with(words, unit)) {
		snprintf(t->unit, n, "%s", words);
		snprintf(t->units, n, "%s%s", words, plural + strlen(unit));
	} else {
		snprintf(t->unit, n, "%s %s", words, unit);
		snprintf(t->units, n, "%s %s", words, plural);
	}
	free(words);
}

static void
set_signs(struct topic *t, const char *list)
{
	const char *p = list, *semi;

	while (*p != '\0') {
		semi = strchr(p, ';');
		if (semi == NULL)
			semi = p + strlen(p);
		if (semi > p) {
			t->signs = xrealloc(t->signs, (t->nsigns + 1) *
			    sizeof(char *));
			t->signs[t->nsigns++] = xstrndup(p, (size_t)(semi - p));
		}
		p = *semi == ';' ? semi + 1 : semi;
	}
}

static struct topic *
topic_make(struct summary *s, const char *measure, const char *category)
{
	struct table *tab = (struct table *)s->topics;
	struct topic *t = xcalloc(1, sizeof(*t));
	long row = find_series(s, measure, category);
	const char *label = row >= 0 ? table_get(tab, (size_t)row, TC_LABEL) :
	    "", *series = row >= 0 ? table_get(tab, (size_t)row, TC_SERIES) :
	    "", *dir;
	int own = row >= 0 && !ends_with(series, ":*");

	t->measure = xstrdup(measure);
	t->category = xstrdup(category);
	t->generic = measure_find(measure) < 0;
	if (label[0] != '\0')
		t->label = xstrdup(label);
	else if (strcmp(measure, "recorded_crime") == 0 || own)
		t->label = xstrdup(category);
	else
		t->label = words_label(measure, category);
	set_units(t, row >= 0 ? table_get(tab, (size_t)row, TC_UNIT) : "",
	    own || label[0] != '\0');
	dir = row >= 0 ? table_get(tab, (size_t)row, TC_DIRECTION) : "";
	t->direction = strcmp(dir, "up") == 0 ? DIR_UP : strcmp(dir,
	    "down") == 0 ? DIR_DOWN : DIR_NEUTRAL;
	t->projected = row >= 0 && strcmp(table_get(tab, (size_t)row,
	    TC_PROJECTION), "Y") == 0;
	if (row >= 0)
		set_signs(t, table_get(tab, (size_t)row, TC_IMPROVEMENT));
	return t;
}

const struct topic *
topic_get(struct summary *s, const char *measure, const char *category)
{
	size_t i;
	struct topic *t;

	for (i = 0; i < s->nall; i++)
		if (strcmp(s->all[i]->measure, measure) == 0 &&
		    strcmp(s->all[i]->category, category) == 0)
			return s->all[i];
	t = topic_make(s, measure, category);
	s->all = xgrow(s->all, &s->all_cap, s->nall + 1, sizeof(*s->all));
	s->all[s->nall++] = t;
	return t;
}

void
topics_release(struct summary *s)
{
	size_t i, j;

	for (i = 0; i < s->nall; i++) {
		free(s->all[i]->measure);
		free(s->all[i]->category);
		free(s->all[i]->label);
		free(s->all[i]->unit);
		free(s->all[i]->units);
		for (j = 0; j < s->all[i]->nsigns; j++)
			free(s->all[i]->signs[j]);
		free(s->all[i]->signs);
		free(s->all[i]);
	}
	free(s->all);
	table_free((struct table *)s->topics);
	for (i = 0; i < sizeof(s->group_codes) / sizeof(s->group_codes[0]); i++)
		free(s->group_codes[i]);
}

/* ---- Outcome codes (DEFINITIONS.md 2.4) ---- */

enum { OC_OUTCOME, OC_BASIS, OC_GROUP, NOC };
static const char *const outcome_columns[NOC] = { "outcome", "basis",
	"outcome_group" };

/* Codes in their natural order: 1, 1A, 2, ..., 10, 11. */
static int
cmp_code(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	long nx = strtol(x, NULL, 10), ny = strtol(y, NULL, 10);

	if (nx != ny)
		return nx < ny ? -1 : 1;
	return strcmp(x, y);
}

/* "OC1, 1A, 2" for one group. */
static char *
codes_of(struct table *t, const char *group)
{
	const char **codes = xmalloc((table_rows(t) + 1) * sizeof(char *));
	size_t i, n = 0, len = 3;
	char *out;

	for (i = 0; i < table_rows(t); i++)
		if (strcmp(table_get(t, i, OC_BASIS), "code") == 0 &&
		    strcmp(table_get(t, i, OC_GROUP), group) == 0) {
			codes[n++] = table_get(t, i, OC_OUTCOME);
			len += strlen(codes[n - 1]) + 2;
		}
	qsort(codes, n, sizeof(char *), cmp_code);
	out = xmalloc(len);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		strcat(out, i == 0 ? "OC" : ", ");
		strcat(out, codes[i]);
	}
	free(codes);
	return out;
}

void
outcome_codes_load(struct summary *s, const char *path)
{
	char *p = path != NULL ? xstrdup(path) :
	    reference_path("outcome-groups.csv");
	struct table *t = table_load(p, outcome_columns, NOC, OC_OUTCOME);
	size_t i;

	for (i = 0; outcome_groups[i] != NULL &&
	    i < sizeof(s->group_codes) / sizeof(s->group_codes[0]); i++)
		s->group_codes[i] = codes_of(t, outcome_groups[i]);
	table_free(t);
	free(p);
}
