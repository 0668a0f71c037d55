#include "measures.h"

#include <string.h>
#include <strings.h>

/* DEFINITIONS.md 2.2, in the summary's order. */
const char *const crime_groups[] = {
	"Homicide", "Violence with injury", "Violence without injury", "Rape",
	"Other sexual offences", "Business robbery", "Personal robbery",
	"Burglary \xe2\x80\x93 residential (dwelling)",
	"Burglary \xe2\x80\x93 business & community", "Vehicle offences",
	"Theft from the person", "Bicycle theft", "Shoplifting",
	"All other theft offences", "Criminal damage & arson",
	"Drug offences", "Possession of weapons", "Public order offences",
	"Miscellaneous crimes against society", NULL
};

/* "All robbery" = business + personal; police.uk's coarse Robbery too. */
const char *const robbery_parts[] = { "Business robbery", "Personal robbery",
	"Robbery", NULL };

/* "Other crimes against society"; police.uk's legacy combined group too. */
const char *const society_parts[] = { "Drug offences",
	"Possession of weapons", "Public order offences",
	"Miscellaneous crimes against society", "Public disorder and weapons",
	NULL };

/* DEFINITIONS.md 3: burglary rates are per 1,000 households. */
const char *const household_groups[] = {
	"Burglary \xe2\x80\x93 residential (dwelling)",
	"Burglary \xe2\x80\x93 business & community", "Burglary", NULL };

/* DEFINITIONS.md 1.1, 2.2: groups only offence codes can give. */
const char *const fine_groups[] = { "Homicide", "Violence with injury",
	"Violence without injury", "Rape", "Other sexual offences",
	"Business robbery", "Personal robbery",
	"Burglary \xe2\x80\x93 residential (dwelling)",
	"Burglary \xe2\x80\x93 business & community", ALL_ROBBERY, NULL };

/* The categories recorded_crime always has: the groups, the aggregates. */
static const char *const recorded_categories[] = {
	"Homicide", "Violence with injury", "Violence without injury", "Rape",
	"Other sexual offences", "Business robbery", "Personal robbery",
	"Burglary \xe2\x80\x93 residential (dwelling)",
	"Burglary \xe2\x80\x93 business & community", "Vehicle offences",
	"Theft from the person", "Bicycle theft", "Shoplifting",
	"All other theft offences", "Criminal damage & arson",
	"Drug offences", "Possession of weapons", "Public order offences",
	"Miscellaneous crimes against society", ALL_ROBBERY, OTHER_SOCIETY,
	TOTAL_CRIME, NULL
};

const char *const marker_names[NMARKERS + 1] = { "DA", "HATE", "CAR", "CSE",
	"BUSINESS", "CYBER", NULL };

static const char *const asb_categories[] = { ASB_GROUP, NULL };

const char *const outcome_groups[] = { ACTION_TAKEN, "No action taken",
	"Investigation complete \xe2\x80\x93 no suspect identified", "Other",
	"not grouped", NULL };
const char *const outcome_subgroups[] = { "charge/summons", "caution",
	"taken into consideration", "penalty notice", "cannabis/khat warning",
	"community resolution", NULL };
const char *const outcome_code_categories[] = { "OC14", "OC15", "OC16",
	NULL };

const char *const cohort_names[NCOHORTS + 1] = { "2", "3-5", "6-9", "10-19",
	"20+", NULL };
const char *const cohort_da_names[NCOHORTS + 1] = { "DA 2", "DA 3-5",
	"DA 6-9", "DA 10-19", "DA 20+", NULL };

static const char *const all_da[] = { "All", "DA", NULL };

const char *const unplaced_names[NUNPLACED + 1] = { "no lsoa",
	"outside force area", "unknown district", NULL };
const char *const unplaced_asb_names[NUNPLACED + 1] = { "ASB no lsoa",
	"ASB outside force area", "ASB unknown district", NULL };

const char *const coverage_names[NCOVERAGE + 1] = { "records", "with_victim",
	"with_offence_code", "with_outcome_code", "with_outcome_text",
	"with_rural_tag", "text_outcomes_approximate", NULL };

const char *const unsupported_names[NTOPIC_SUPPORT + 1] = {
	"unsupported:victims", "unsupported:crime_groups",
	"unsupported:markers", "unsupported:outcome_rate",
	"unsupported:outcome_codes", "unsupported:rural_themes",
	"unsupported:asb", NULL };

const char *const special_cause_names[] = { "beyond upper", "beyond lower",
	"trend up", "trend down", "two of three high", "two of three low",
	"shift high", "shift low", "none", NULL };
const char *const variation_names[] = { "common cause", "concern high",
	"concern low", "improvement high", "improvement low", "neutral high",
	"neutral low", NULL };

/* A series' derived rows: the category is the series, measure:category. */
#define DERIVED(n, what, sec, d, f) { .name = (n), .counts = (what), \
	.section = (sec), .den = (d), .flags = (f) | MF_DERIVED }

const struct measure_def measure_defs[NMEASURES] = {
	[MS_RECORDED_CRIME] = { .name = "recorded_crime",
	    .counts = "offences recorded (sum of crime_count)",
	    .section = "3, 2.2", .den = DEN_POPULATION,
	    .flags = MF_MONTHLY | MF_SERIES | MF_YTD | MF_EXPLAIN,
	    .categories = recorded_categories },
	[MS_ASB] = { .name = "asb", .counts = "ASB incidents (rows)",
	    .section = "2.2, 3.1", .den = DEN_NONE,
	    .flags = MF_MONTHLY | MF_SERIES | MF_YTD | MF_EXPLAIN,
	    .categories = asb_categories },
	[MS_MARKER] = { .name = "marker",
	    .counts = "offences whose markers hold the token",
	    .section = "1.3, 3.1", .den = DEN_NONE,
	    .flags = MF_MONTHLY | MF_SERIES | MF_YTD | MF_EXPLAIN,
	    .categories = marker_names },
	[MS_RURAL_CRIME] = { .name = "rural_crime",
	    .counts = "offences tagged rural: Total, by group, by theme",
	    .section = "2.3, 3.1", .den = DEN_NONE,
	    .flags = MF_MONTHLY | MF_SERIES | MF_YTD | MF_EXPLAIN },
	[MS_UNPLACED] = { .name = "unplaced",
	    .counts = "crimes (ASB: incidents) no district can take",
	    .section = "3.2, 1.1", .den = DEN_NONE,
	    .flags = MF_MONTHLY | MF_FORCE | MF_EXPLAIN,
	    .categories = unplaced_names },
	[MS_VICTIMS] = { .name = "victims",
	    .counts = "distinct victims recorded in the month",
	    .section = "2.5, 3.1", .den = DEN_NONE,
	    .flags = MF_MONTHLY | MF_SERIES | MF_EXPLAIN,
	    .categories = all_da },
	[MS_REPEAT_VICTIMS] = { .name = "repeat_victims",
	    .counts = "repeat victims in the month",
	    .section = "2.5, 3.1", .den = DEN_VICTIMS,
	    .flags = MF_MONTHLY | MF_SERIES | MF_EXPLAIN,
	    .categories = all_da },
	[MS_COHORT_VICTIMS] = { .name = "repeat_cohort_victims",
	    .counts = "repeat victims in M by offences in 12 months",
	    .section = "3.1", .den = DEN_REPEAT_VICTIMS, .flags = MF_AT_M },
	[MS_COHORT_12M] = { .name = "repeat_cohort_offences_12m",
	    .counts = "the cohort's offences in the 12 months",
	    .section = "3.1", .den = DEN_COHORT_TOTAL, .flags = MF_AT_M },
	[MS_COHORT_MONTH] = { .name = "repeat_cohort_offences_month",
	    .counts = "the cohort's offences in M (all forces)",
	    .section = "3.1", .den = DEN_COHORT_TOTAL, .flags = MF_AT_M },
	[MS_ALSO_PREV] = { .name = "repeat_victims_also_prev",
	    .counts = "repeat victims in M also repeat victims in M-1",
	    .section = "3.1", .den = DEN_REPEAT_VICTIMS, .flags = MF_AT_M,
	    .categories = all_da },
	[MS_THREE_MONTHS] = { .name = "repeat_victims_3_months",
	    .counts = "repeat victims in each of M-2, M-1, M",
	    .section = "3.1", .den = DEN_REPEAT_VICTIMS, .flags = MF_AT_M,
	    .categories = all_da },
	[MS_OUTCOME_RATE] = { .name = "outcome_rate",
	    .counts = "offences recorded in the span, outcomed within it",
	    .section = "3, 2.4", .den = DEN_RECORDED_IN_SPAN,
	    .flags = MF_SPAN | MF_EXPLAIN, .categories = all_da },
	[MS_OUTCOMES_PERIOD] = { .name = "outcomes_recorded_in_period",
	    .counts = "those outcomed offences by outcome group",
	    .section = "3, 2.4", .den = DEN_OUTCOMED_IN_SPAN,
	    .flags = MF_SPAN | MF_EXPLAIN },
	[MS_OUTCOMES_MONTH] = { .name = "outcomes_in_month",
	    .counts = "offences outcomed in the month, by group, subgroup, "
	    "code", .section = "3, 2.4", .den = DEN_OUTCOMED_IN_MONTH,
	    .flags = MF_MONTHLY | MF_EXPLAIN },
	[MS_COVERAGE] = { .name = "coverage",
	    .counts = "covered months, unsupported topics, record counts",
	    .section = "3.0", .den = DEN_RECORDS,
	    .flags = MF_AT_M | MF_FORCE | MF_EXPLAIN,
	    .categories = coverage_names },
	[MS_INPUT_RECORDS] = { .name = "input_records",
	    .counts = "the force's records from each input, by month",
	    .section = "3.0", .den = DEN_NONE, .flags = MF_MONTHLY | MF_FORCE },
	[MS_CHANGE_PREV_MONTH] = DERIVED("change_prev_month",
	    "% change on M-1", "3", DEN_EARLIER, MF_AT_M),
	[MS_CHANGE_PREV_YEAR] = DERIVED("change_prev_year",
	    "% change on M-12", "3", DEN_EARLIER, MF_AT_M),
	[MS_MONTHLY_AVERAGE] = DERIVED("monthly_average",
	    "mean of the covered baseline months", "3, 3.0", DEN_MONTHS, 0),
	[MS_CONTROL_UPPER] = DERIVED("control_upper", "XmR upper limit",
	    "3", DEN_NONE, 0),
	[MS_CONTROL_LOWER] = DERIVED("control_lower", "XmR lower limit",
	    "3", DEN_NONE, 0),
	[MS_EXCEPTIONAL] = DERIVED("exceptional", "rule 1: Y, Y (low), N",
	    "3", DEN_NONE, MF_AT_M),
	[MS_INCREASING_TREND] = DERIVED("increasing_trend",
	    "rule 2 up or rule 4 above the mean: Y, N", "3", DEN_NONE,
	    MF_AT_M),
	[MS_SPECIAL_CAUSE] = DERIVED("special_cause",
	    "the first Making Data Count rule that holds", "3", DEN_NONE,
	    MF_AT_M),
	[MS_VARIATION] = DERIVED("variation",
	    "the special cause judged by the improvement direction", "3",
	    DEN_NONE, MF_AT_M),
	[MS_YTD] = DERIVED("ytd", "financial year to M (covered months)",
	    "3, 3.0", DEN_NONE, 0),
	[MS_YTD_PREV] = DERIVED("ytd_prev", "the same months a year earlier",
	    "3, 3.0", DEN_NONE, 0),
	[MS_CHANGE_YTD] = DERIVED("change_ytd", "% change of ytd on ytd_prev",
	    "3", DEN_EARLIER, 0),
	[MS_PROJECTION] = DERIVED("projection", "projected count", "3.2",
	    DEN_MONTHS, MF_FORCE),
	[MS_PROJECTION_LOWER] = DERIVED("projection_lower",
	    "95% prediction interval, lower end", "3.2", DEN_MONTHS,
	    MF_FORCE),
	[MS_PROJECTION_UPPER] = DERIVED("projection_upper",
	    "95% prediction interval, upper end", "3.2", DEN_MONTHS,
	    MF_FORCE),
	[MS_PROJECTION_CHECK] = DERIVED("projection_check",
	    "a recorded month against its interval", "3.2", DEN_NONE,
	    MF_FORCE),
	[MS_PROJECTION_TREND] = DERIVED("projection_trend",
	    "the next 6 months against the last 6", "3.2", DEN_NONE,
	    MF_FORCE),
	[MS_PROJECTED_ANNUAL_CHANGE] = DERIVED("projected_annual_change",
	    "% change of the year's projection on the year before", "3.2",
	    DEN_EARLIER, MF_FORCE),
	[MS_PROJECTION_MAPE] = DERIVED("projection_mape",
	    "backtest mean absolute percentage error", "3.2", DEN_MONTHS,
	    MF_FORCE),
};

int
measure_find(const char *name)
{
	int i;

	for (i = 0; i < NMEASURES; i++)
		if (strcmp(measure_defs[i].name, name) == 0)
			return i;
	return -1;
}

unsigned
markers_parse(const char *p, size_t len)
{
	const char *end = p + len, *semi, *q;
	unsigned bits = 0;
	int i;

	while (p <= end) {
		semi = memchr(p, ';', (size_t)(end - p));
		q = semi != NULL ? semi : end;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
			q--;
		for (i = 0; i < NMARKERS; i++)
			if ((size_t)(q - p) == strlen(marker_names[i]) &&
			    strncasecmp(p, marker_names[i], (size_t)(q - p)) == 0)
				bits |= 1u << i;
		if (semi == NULL)
			break;
		p = semi + 1;
	}
	return bits;
}

int
victim_countable(const struct field *id, const struct field *type)
{
	return id->len > 0 && !(type->len == 12 &&
	    strncasecmp(type->ptr, "organisation", 12) == 0);
}

int
outcome_is_outcomed(const struct field *group)
{
	return list_index(outcome_groups, group->ptr, group->len) >= 0;
}

int
cohort_of(unsigned long n)
{
	return n >= 20 ? 4 : n >= 10 ? 3 : n >= 6 ? 2 : n >= 3 ? 1 : 0;
}

int
list_index(const char *const *list, const char *s, size_t len)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return i;
	return -1;
}

int
in_list(const char *const *list, const char *s, size_t len)
{
	return list_index(list, s, len) >= 0;
}
