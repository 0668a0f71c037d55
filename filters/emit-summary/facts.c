/*
 * What the long table says about itself (DEFINITIONS.md 3.0): the
 * coverage counts of M, the topics its source cannot support, whether
 * ASB was recorded at all, the crime groups and rural themes it holds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/xalloc.h"
#include "emit.h"
#include "numfmt.h"

/*
 * docs/report.md rule 11: an older table without `unsupported:` rows, of
 * a police.uk-only month, gets these reasons.
 */
static const char *const policeuk_reasons[NTOPIC_SUPPORT] = {
	[TS_VICTIMS] = "the data holds no victim identities (data.police.uk)",
	[TS_CRIME_GROUPS] = "data.police.uk holds only coarse crime categories",
	[TS_MARKERS] = "the data holds no markers (data.police.uk)",
	[TS_OUTCOME_CODES] = "police.uk outcome text carries no outcome codes",
	[TS_RURAL_THEMES] = "data.police.uk holds no offence descriptions or "
	    "MO text",
};

long long
facts_coverage(struct summary *s, const char *what)
{
	long long v;

	if (!lt_num(lt_force(s, "coverage", what, s->month), F_VALUE, &v))
		return -1;
	return v / NUM_SCALE;
}

void
facts_find(struct summary *s)
{
	struct row *r;
	size_t k;
	int i;

	s->policeuk = facts_coverage(s, "records") > 0 &&
	    facts_coverage(s, "with_victim") == 0 &&
	    facts_coverage(s, "with_offence_code") == 0;
	s->text_outcomes = facts_coverage(s, "text_outcomes_approximate") > 0;
	for (i = 0; i < NTOPIC_SUPPORT; i++) {
		r = lt_force(s, "coverage", unsupported_names[i], s->month);
		if (r != NULL)
			s->unsupported[i] = r->f[F_VALUE][0] != '\0' ?
			    r->f[F_VALUE] : "not supported by the source";
		else if (s->policeuk)
			s->unsupported[i] = policeuk_reasons[i];
	}
	/* Measures emit-summary does not know are topics of their own. */
	for (k = 0; k < s->n; k++)
		if (strcmp(s->rows[k]->f[F_AREA_TYPE], "force") == 0 &&
		    measure_find(s->rows[k]->f[F_MEASURE]) < 0)
			topic_get(s, s->rows[k]->f[F_MEASURE],
			    s->rows[k]->f[F_CATEGORY]);
}

/*
 * ASB is recorded only in police.uk files (DEFINITIONS.md 1.1): a force
 * extract gives rows of 0 in every month, which say "not recorded", not
 * "none happened" (docs/report.md rule 9).
 */
int
facts_asb_recorded(struct summary *s)
{
	const struct row *r;
	long long v;
	size_t i;

	for (i = 0; i < s->n; i++) {
		r = s->rows[i];
		if (strcmp(r->f[F_AREA_TYPE], "force") == 0 &&
		    strcmp(r->f[F_MEASURE], "asb") == 0 && !r->span &&
		    lt_num(r, F_VALUE, &v) && v != 0)
			return 1;
	}
	return 0;
}

int
facts_flagged(struct summary *s, const struct topic *t)
{
	struct row *e = lt_derived(s, "force", s->force, "exceptional", t,
	    s->month, 0);
	struct row *i = lt_derived(s, "force", s->force, "increasing_trend", t,
	    s->month, 0);
	struct row *c = lt_derived(s, "force", s->force, "special_cause", t,
	    s->month, 0);

	return (e != NULL && e->f[F_VALUE][0] == 'Y') ||
	    (i != NULL && strcmp(i->f[F_VALUE], "Y") == 0) ||
	    (c != NULL && strcmp(c->f[F_VALUE], "none") != 0);
}

static int
listed(const char *const *list, const char *s)
{
	return in_list(list, s, strlen(s));
}

static size_t
add_group(struct summary *s, const char **out, size_t n, size_t max,
    const char *g)
{
	if (n >= max || !lt_any(s, "force", "recorded_crime", g))
		return n;
	if (s->unsupported[TS_CRIME_GROUPS] != NULL && listed(fine_groups, g))
		return n;
	out[n] = g;
	return n + 1;
}

size_t
facts_groups(struct summary *s, const char **out, size_t max, int district)
{
	const char **cats;
	size_t n = 0, i, ncats;

	for (i = 0; crime_groups[i] != NULL; i++) {
		if (district && listed(society_parts, crime_groups[i]))
			continue;
		n = add_group(s, out, n, max, crime_groups[i]);
		/* The summary lists All robbery after its two parts. */
		if (!district && strcmp(crime_groups[i], "Personal robbery") == 0)
			n = add_group(s, out, n, max, ALL_ROBBERY);
	}
	ncats = lt_categories(s, "force", s->force, "recorded_crime", &cats);
	for (i = 0; i < ncats && n < max; i++) {
		if (listed(crime_groups, cats[i]) ||
		    strcmp(cats[i], ALL_ROBBERY) == 0 ||
		    strcmp(cats[i], OTHER_SOCIETY) == 0 ||
		    strcmp(cats[i], TOTAL_CRIME) == 0)
			continue;
		if (district && listed(society_parts, cats[i]))
			continue;
		out[n++] = cats[i];
	}
	free(cats);
	return n;
}

size_t
facts_themes(struct summary *s, const char ***out)
{
	const char **cats;
	size_t n, i, k = 0;

	n = lt_categories(s, "force", s->force, "rural_crime", &cats);
	for (i = 0; i < n; i++) {
		if (strcmp(cats[i], "Total") == 0 || listed(crime_groups,
		    cats[i]) || strcmp(cats[i], ALL_ROBBERY) == 0 ||
		    strcmp(cats[i], OTHER_SOCIETY) == 0 ||
		    strcmp(cats[i], TOTAL_CRIME) == 0 ||
		    lt_any(s, "force", "recorded_crime", cats[i]))
			continue;
		cats[k++] = cats[i];
	}
	*out = cats;
	return k;
}

/* 1 when month m is in the span list ("2016-12..2019-12,2020-02"). */
static int
in_span_list(const char *list, int m)
{
	const char *p = list, *comma, *dots;
	int a, b;
	size_t len;

	while (*p != '\0') {
		comma = strchr(p, ',');
		len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		dots = memchr(p, '.', len);
		if (dots != NULL && dots + 1 < p + len && dots[1] == '.') {
			if (month_parse(p, (size_t)(dots - p), &a) == 0 &&
			    month_parse(dots + 2, len - (size_t)(dots - p) - 2,
			    &b) == 0 && a <= m && m <= b)
				return 1;
		} else if (month_parse(p, len, &a) == 0 && a == m)
			return 1;
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

int
facts_covered(struct summary *s, int m)
{
	struct row *r = lt_force(s, "coverage", "months", s->month);

	return r == NULL ? -1 : in_span_list(r->f[F_VALUE], m);
}

const char *
facts_months(struct summary *s)
{
	struct row *r = lt_force(s, "coverage", "months", s->month);

	return r != NULL ? r->f[F_VALUE] : NULL;
}

const char *
facts_ytd_partial(struct summary *s, const struct row *ytd)
{
	struct row *r;

	if (ytd == NULL)
		return NULL;
	r = lt_get(s, "force", s->force, "coverage", "ytd", ytd->end, 1);
	if (r == NULL || strcmp(r->f[F_VALUE], r->f[F_PERIOD]) == 0)
		return NULL;
	return r->f[F_VALUE];
}
