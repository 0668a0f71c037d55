/*
 * Coverage (DEFINITIONS.md 3.0): no data is not zero.  Which months the
 * input covers for the force, which topics its records can support at
 * all, and what each input contributed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/diag.h"
#include "../../common/xalloc.h"
#include "agg.h"

/* dates.h: months of the years 1900 to 2999. */
enum { FIRST_MONTH = 1900 * 12, LAST_MONTH = 2999 * 12 + 11 };

int
is_covered(const struct agg *a, int month)
{
	return month >= FIRST_MONTH && month <= LAST_MONTH &&
	    a->covered != NULL && a->covered[month - FIRST_MONTH];
}

/* The input a record came from: its source without the ":line". */
static size_t
input_name_len(const struct field *src)
{
	size_t n = src->len;

	while (n > 0 && src->ptr[n - 1] >= '0' && src->ptr[n - 1] <= '9')
		n--;
	return n > 0 && n < src->len && src->ptr[n - 1] == ':' ? n - 1 :
	    src->len;
}

/* A record of the reporting force: what it says about coverage. */
void
coverage_record(struct agg *a, const struct rec_view *v)
{
	const struct field *src = col(a, v->rec, C_SOURCE);
	int slot = month_slot(a, v->month), cat;

	if (a->covered == NULL)
		a->covered = xcalloc(LAST_MONTH - FIRST_MONTH + 1, 1);
	a->covered[v->month - FIRST_MONTH] = 1;
	if (v->month < a->first_month)
		a->first_month = v->month;
	if (v->month > a->last_month)
		a->last_month = v->month;
	if (slot < 0)
		return;
	a->nonpoliceuk += !v->policeuk;
	a->has_omonth |= v->omonth >= 0;
	a->has_asb |= v->asb;
	cat = cat_get(a, MS_INPUT_RECORDS, src->ptr, input_name_len(src), 1);
	if (!a->explain)
		a->cube[((size_t)cat * (size_t)a->nareas) * (size_t)a->w.nslots +
		    (size_t)slot] += 1;
}

/*
 * 1 when the input's records can support the topic (docs/measures.md
 * "Coverage"): police.uk street records carry no victims, offence
 * codes, markers, outcome dates or descriptions.
 */
int
topic_supported(const struct agg *a, int topic)
{
	switch (topic) {
	case TS_OUTCOME_RATE:
		return a->nonpoliceuk > 0 || a->has_omonth;
	case TS_ASB:
		return a->has_asb;
	default:
		return a->nonpoliceuk > 0;
	}
}

/* Whether the rows of (measure, category) can be written at all. */
int
measure_supported(const struct agg *a, int measure, const char *category)
{
	size_t len = strlen(category);
	int da = strncmp(category, "DA", 2) == 0 &&
	    (category[2] == '\0' || category[2] == ' ');

	switch (measure) {
	case MS_RECORDED_CRIME:
		return topic_supported(a, TS_CRIME_GROUPS) ||
		    !in_list(fine_groups, category, len);
	case MS_ASB:
		return topic_supported(a, TS_ASB);
	case MS_MARKER:
		return topic_supported(a, TS_MARKERS);
	case MS_RURAL_CRIME:
		return topic_supported(a, TS_RURAL_THEMES) ||
		    keymap_get(a->theme_names, category, len, 0, NULL) < 0;
	case MS_VICTIMS: case MS_REPEAT_VICTIMS: case MS_COHORT_VICTIMS:
	case MS_COHORT_12M: case MS_COHORT_MONTH: case MS_ALSO_PREV:
	case MS_THREE_MONTHS:
		return topic_supported(a, TS_VICTIMS);
	case MS_OUTCOME_RATE: case MS_OUTCOMES_PERIOD:
		return topic_supported(a, TS_OUTCOME_RATE) &&
		    (!da || topic_supported(a, TS_MARKERS));
	case MS_OUTCOMES_MONTH:
		if (da && !topic_supported(a, TS_MARKERS))
			return 0;
		return topic_supported(a, TS_OUTCOME_CODES) ||
		    strstr(category, "OC1") == NULL;
	default:
		return 1;
	}
}

/*
 * The months as a span list: "2016-12..2019-12", "2018-10,2018-12".
 * from..to bounds the months listed.  The caller frees it.
 */
static char *
span_list(const struct agg *a, int from, int to)
{
	size_t cap = 64, len = 0;
	char *s = xmalloc(cap), x[8], y[8];
	int m, end;

	s[0] = '\0';
	for (m = from; m <= to; m++) {
		if (!is_covered(a, m))
			continue;
		for (end = m; end < to && is_covered(a, end + 1); end++)
			;
		month_format(m, x);
		month_format(end, y);
		s = xgrow(s, &cap, len + 24, 1);
		len += (size_t)snprintf(s + len, cap - len, "%s%s%s%s",
		    len ? "," : "", x, end > m ? ".." : "", end > m ? y : "");
		m = end;
	}
	return s;
}

/*
 * The reporting month must be covered (DEFINITIONS.md 3.0): say which
 * months are, exit 1 — unless --allow-empty-month.  Returns 0 to write
 * the table, -1 to write the coverage rows only.
 */
int
check_reporting_month(struct agg *a)
{
	char m[8], *list;

	if (is_covered(a, a->w.month))
		return 0;
	month_format(a->w.month, m);
	list = a->first_month <= a->last_month ? span_list(a, a->first_month,
	    a->last_month) : xstrdup("no month");
	if (!a->allow_empty)
		diag_die(EXIT_DATA, "the input covers %s for force '%s', not %s "
		    "(--allow-empty-month writes the coverage rows only)",
		    list, a->force, m);
	diag_warn("the input covers %s for force '%s', not %s: coverage rows "
	    "only", list, a->force, m);
	free(list);
	return -1;
}

static const char *const unsupported_why[NTOPIC_SUPPORT] = {
	[TS_VICTIMS] = "the records carry no victim identities "
	    "(data.police.uk street files)",
	[TS_CRIME_GROUPS] = "the records carry only police.uk's coarse "
	    "crime categories, no Home Office offence codes",
	[TS_MARKERS] = "the records carry no markers (data.police.uk "
	    "street files)",
	[TS_OUTCOME_RATE] = "the records carry no outcome dates "
	    "(data.police.uk street files): join outcomes files with "
	    "compute-outcomes --outcomes (pipelines/monthly.sh --outcomes)",
	[TS_OUTCOME_CODES] = "police.uk outcome texts carry no Home Office "
	    "outcome codes",
	[TS_RURAL_THEMES] = "the records carry no offence descriptions or "
	    "MO text (data.police.uk street files)",
	[TS_ASB] = "the input holds no anti-social behaviour incidents "
	    "(they come from data.police.uk street files)",
};

void
coverage_rows(struct agg *a)
{
	char m[8], span[18];
	struct row *r;
	int i;

	month_format(a->w.month, m);
	r = row_new(a, m, 0, "coverage", "months");
	row_text(r, span_list(a, a->first_month, a->last_month));
	span_text(a->w.fy, a->w.month, span);
	r = row_new(a, span, 0, "coverage", "ytd");
	row_text(r, span_list(a, a->w.fy, a->w.month));
	for (i = 0; i < NTOPIC_SUPPORT; i++)
		if (!topic_supported(a, i)) {
			if (i == TS_RURAL_THEMES && !a->has_rural)
				continue;
			if ((i == TS_OUTCOME_RATE || i == TS_OUTCOME_CODES) &&
			    !a->has_outcomes)
				continue;
			if (i == TS_VICTIMS && !a->has_repeat)
				continue;
			r = row_new(a, m, 0, "coverage", unsupported_names[i]);
			row_text(r, xstrdup(unsupported_why[i]));
		}
}

void
list_months(struct agg *a)
{
	char m[8];
	int i;

	for (i = a->first_month; i <= a->last_month; i++)
		if (is_covered(a, i)) {
			month_format(i, m);
			out_str(&a->out, m);
			out_end_record(&a->out);
		}
}
