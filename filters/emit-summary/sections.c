/*
 * The report's sections in order (docs/report.md "Order of the report"):
 * one descriptor each, {id, title, builder}.  A new section is a line
 * here and a builder in a sec_*.c file; a section whose builder adds
 * nothing is left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "emit.h"
#include "numfmt.h"

const struct section_desc sections[] = {
	{ "headline", "Headline", sec_headline, 0 },
	{ "total_crime", "Total recorded crime", sec_total, 0 },
	{ "district_comparison", "District comparison", sec_districts, 1 },
	{ "crime_breakdown", "Crime breakdown", sec_breakdown, 0 },
	{ "annual_projections", "Performance against annual projections",
	    sec_annual, 0 },
	{ "crime_groups", "Crime groups", sec_groups, 0 },
	{ "repeat_victims", "Repeat victims", sec_repeat, 0 },
	{ "markers", "Domestic abuse, hate crime and other markers",
	    sec_markers, 0 },
	{ "outcomes", "Outcomes", sec_outcomes, 0 },
	{ "rural_crime", "Rural crime", sec_rural, 0 },
	{ "asb", "Anti-social behaviour", sec_asb, 0 },
	{ "other", "Other measures", sec_other, 0 },
	{ "notes", "Notes", sec_notes, 0 },
	{ "data_quality", "Data quality", sec_quality, 0 },
	{ NULL, NULL, NULL, 0 }
};

static const char *const coverage_words[] = { "with a victim",
	"with a Home Office offence code", "with an outcome code",
	"with police.uk outcome text" };
static const char *const coverage_rows[] = { "with_victim",
	"with_offence_code", "with_outcome_code", "with_outcome_text" };

/* The data note under the title (docs/report.md rule 10). */
static void
data_note(struct summary *s, struct para *p)
{
	const struct topic *t = topic_get(s, "recorded_crime", TOTAL_CRIME);
	char n[80], lbl[48], lbl2[400];
	struct row *avg;
	long long v;
	size_t i;

	if (facts_covered(s, s->month) == 0)
		para_printf(p, "The input holds no records for %s: every figure "
		    "of the month is not available. ", month_long(lbl, s->month));
	if (s->policeuk)
		para_printf(p, "Source: data.police.uk street-level crime (no "
		    "victim identities, no offence codes). ");
	if ((v = facts_coverage(s, "records")) >= 0) {
		para_printf(p, "%s records in %s", num_format(n, sizeof(n),
		    v * NUM_SCALE, 0, 1), month_long(lbl, s->month));
		for (i = 0; i < 4; i++) {
			v = facts_coverage(s, coverage_rows[i]);
			para_printf(p, "%s", i == 0 ? " (" : ", ");
			if (v >= 0)
				para_printf(p, "%s %s", num_format(n, sizeof(n),
				    v * NUM_SCALE, 0, 1), coverage_words[i]);
			else
				para_printf(p, "not available %s",
				    coverage_words[i]);
		}
		para_printf(p, ").");
	} else
		para_printf(p, "Coverage figures for %s are not available.",
		    month_long(lbl, s->month));
	if (facts_months(s) != NULL)
		para_printf(p, " The input covers %s.", span_list_text(lbl2,
		    sizeof(lbl2), facts_months(s)));
	avg = lt_baseline(s, "force", s->force, "monthly_average", t);
	if (avg != NULL && lt_num(avg, F_DENOM, &v))
		para_printf(p, " Monthly averages and control limits: %s (%lld "
		    "month%s).", span_label(lbl, avg->start, avg->end),
		    v / NUM_SCALE, v == NUM_SCALE ? "" : "s");
	else if (avg != NULL)
		para_printf(p, " Monthly averages and control limits: %s.",
		    span_label(lbl, avg->start, avg->end));
}

void
sections_build(struct summary *s)
{
	struct para *note = para_new(), *title = para_new();
	const struct section_desc *d;
	struct dsection *sec;
	char ml[24], mon[8];

	data_note(s, note);
	para_printf(title, "%s", s->set->title != NULL ? s->set->title :
	    "Performance Summary");
	if (s->force[0] != '\0')
		para_printf(title, ": %s", s->force);
	para_printf(title, ", %s", month_long(ml, s->month));
	month_format(s->month, mon);
	doc_init(&s->doc, title->text, s->force, mon, note->text);
	for (d = sections; d->id != NULL; d++) {
		sec = doc_section(&s->doc, d->id, d->title);
		sec->wide = d->wide;
		d->build(s, sec);
		if (sec->n == 0) {
			free(sec->id);
			free(sec->title);
			free(sec->blocks);
			s->doc.n--;
		}
	}
	para_free(note);
	para_free(title);
}
