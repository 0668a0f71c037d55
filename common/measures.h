#ifndef CRIMEPIPE_MEASURES_H
#define CRIMEPIPE_MEASURES_H

#include <stddef.h>

#include "stream.h"

/*
 * The vocabulary of the long table (docs/measures.md, DEFINITIONS.md 3,
 * 3.0-3.2), written once: every measure with what it counts, its
 * denominator and the DEFINITIONS section it comes from, and every fixed
 * category list.  aggregate-district writes these names, emit-summary
 * reads them, tests/unit/measures-doc.sh checks docs/measures.md against
 * them.  Lists that users edit (rural themes, outcome codes and texts,
 * offence groups, topics) are not here: they come from reference/.
 */

/* What a measure's denominator is (the row's `denominator` column). */
enum denominator {
	DEN_NONE,		/* no denominator */
	DEN_POPULATION,		/* population; burglary groups: households */
	DEN_VICTIMS,		/* victims in the month */
	DEN_REPEAT_VICTIMS,	/* repeat victims in M */
	DEN_COHORT_TOTAL,	/* the five cohorts' sum */
	DEN_RECORDED_IN_SPAN,	/* offences recorded in the span */
	DEN_OUTCOMED_IN_SPAN,	/* of those, outcomed in the span */
	DEN_OUTCOMED_IN_MONTH,	/* offences outcomed in the month */
	DEN_RECORDS,		/* the force's records in M */
	DEN_EARLIER,		/* the earlier figure of a change */
	DEN_MONTHS		/* the number of months a figure rests on */
};

/* Where a measure's rows are, and what they are made from. */
enum {
	MF_MONTHLY = 1,		/* a row for every covered month */
	MF_AT_M = 2,		/* a row for the reporting month only */
	MF_SPAN = 4,		/* a row for each year-to-date span */
	MF_FORCE = 8,		/* force level only */
	MF_SERIES = 16,		/* a count series: changes, charts, verdicts */
	MF_YTD = 32,		/* ... and year-to-date rows */
	MF_EXPLAIN = 64,	/* --explain can list its records */
	MF_DERIVED = 128	/* derived from a series (category measure:cat) */
};

enum measure_id {
	MS_RECORDED_CRIME, MS_ASB, MS_MARKER, MS_RURAL_CRIME, MS_UNPLACED,
	MS_VICTIMS, MS_REPEAT_VICTIMS, MS_COHORT_VICTIMS, MS_COHORT_12M,
	MS_COHORT_MONTH, MS_ALSO_PREV, MS_THREE_MONTHS, MS_OUTCOME_RATE,
	MS_OUTCOMES_PERIOD, MS_OUTCOMES_MONTH, MS_COVERAGE, MS_INPUT_RECORDS,
	MS_CHANGE_PREV_MONTH, MS_CHANGE_PREV_YEAR, MS_MONTHLY_AVERAGE,
	MS_CONTROL_UPPER, MS_CONTROL_LOWER, MS_EXCEPTIONAL,
	MS_INCREASING_TREND, MS_SPECIAL_CAUSE, MS_VARIATION, MS_YTD,
	MS_YTD_PREV, MS_CHANGE_YTD, MS_PROJECTION, MS_PROJECTION_LOWER,
	MS_PROJECTION_UPPER, MS_PROJECTION_CHECK, MS_PROJECTION_TREND,
	MS_PROJECTED_ANNUAL_CHANGE, MS_PROJECTION_MAPE, NMEASURES
};

struct measure_def {
	const char	*name;		/* as written in the long table */
	const char	*counts;	/* what its value is, in words */
	const char	*section;	/* of DEFINITIONS.md */
	enum denominator den;
	int		 flags;		/* MF_* */
	const char *const *categories;	/* fixed ones, NULL-ended, or NULL */
};

extern const struct measure_def measure_defs[NMEASURES];

/* The measure called name, or -1. */
int	measure_find(const char *name);

/* DEFINITIONS.md 2.2, in the summary's order; then the aggregates. */
extern const char *const crime_groups[];	/* the 19 groups */
extern const char *const robbery_parts[];	/* of "All robbery" */
extern const char *const society_parts[];	/* of "Other crimes ..." */
extern const char *const household_groups[];	/* rates per household */
extern const char *const fine_groups[];		/* not in police.uk data */
#define TOTAL_CRIME	"Total recorded crime"
#define ALL_ROBBERY	"All robbery"
#define OTHER_SOCIETY	"Other crimes against society"
#define ASB_GROUP	"Anti-social behaviour"

/* DEFINITIONS.md 1.3, 3.1: the marker tokens, in the summary's order. */
enum marker { MK_DA, MK_HATE, MK_CAR, MK_CSE, MK_BUSINESS, MK_CYBER,
	NMARKERS };
extern const char *const marker_names[NMARKERS + 1];

/*
 * The markers a `markers` field holds, as bits (1 << MK_*): tokens are
 * ';'-separated, blanks (spaces, tabs) around them ignored, any case
 * (DEFINITIONS.md 1.3).  Every filter reads markers through this.
 */
unsigned	markers_parse(const char *p, size_t len);

/*
 * 1 when the record's victim counts (DEFINITIONS.md 2.5): a victim_id,
 * and a victim_type that is not "organisation" (any case).
 */
int		victim_countable(const struct field *victim_id,
		    const struct field *victim_type);

/* DEFINITIONS.md 2.4: the outcomed groups; pending, unknown are not. */
extern const char *const outcome_groups[];
#define ACTION_TAKEN	"Action taken"
extern const char *const outcome_subgroups[];	/* of action taken */
extern const char *const outcome_code_categories[];	/* OC14..OC16 */
/* 1 when an outcome_group value is an outcomed group. */
int		outcome_is_outcomed(const struct field *group);

/* DEFINITIONS.md 3.1: repeat-victim cohorts, by offences in 12 months. */
#define NCOHORTS 5
extern const char *const cohort_names[NCOHORTS + 1];
extern const char *const cohort_da_names[NCOHORTS + 1];
/* The cohort of a victim with n offences in 12 months (n >= 2). */
int		cohort_of(unsigned long n);

/* docs/measures.md: why a record no district takes is unplaced. */
enum unplaced { UP_NO_LSOA, UP_OUTSIDE, UP_UNKNOWN, NUNPLACED };
extern const char *const unplaced_names[NUNPLACED + 1];
extern const char *const unplaced_asb_names[NUNPLACED + 1];

/* The record counts of M in `coverage` rows (docs/measures.md). */
enum coverage_count { CV_RECORDS, CV_VICTIM, CV_OFFENCE, CV_OUTCOME_CODE,
	CV_OUTCOME_TEXT, CV_RURAL, CV_TEXT_APPROX, NCOVERAGE };
extern const char *const coverage_names[NCOVERAGE + 1];

/* Topics a source may not support (`coverage` unsupported:<topic>). */
enum topic_support { TS_VICTIMS, TS_CRIME_GROUPS, TS_MARKERS,
	TS_OUTCOME_RATE, TS_OUTCOME_CODES, TS_RURAL_THEMES, TS_ASB,
	NTOPIC_SUPPORT };
extern const char *const unsupported_names[NTOPIC_SUPPORT + 1];

/* DEFINITIONS.md 3: the values of special_cause and variation. */
extern const char *const special_cause_names[];
extern const char *const variation_names[];

/* 1 when s is in the NULL-ended list (exactly len bytes). */
int		in_list(const char *const *list, const char *s, size_t len);
/* Its index, or -1. */
int		list_index(const char *const *list, const char *s, size_t len);

#endif
