/*
 * aggregate-district: turn the record stream (after tag-rural, flag-repeat
 * and compute-outcomes) into the long table of measures that emit-summary
 * renders (DEFINITIONS.md 3, 3.1; docs/measures.md is the contract).
 *
 * Memory: counts per (category, area, month), bounded by the number of
 * distinct categories and the months of the window, never by records;
 * for the victim measures a keymap of victim ids and one small flag byte
 * per (victim, month, area) of the window (DEFINITIONS.md 2.5: per-victim
 * history).  Records are never held.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../common/areas.h"
#include "../common/dates.h"
#include "../common/diag.h"
#include "../common/input.h"
#include "../common/keymap.h"
#include "../common/members.h"
#include "../common/opts.h"
#include "../common/outbuf.h"
#include "../common/rejects.h"
#include "../common/rounding.h"
#include "../common/spc.h"
#include "../common/stream.h"
#include "../common/table.h"
#include "../common/xalloc.h"

/* Measures (DEFINITIONS.md 3.1); the internal ones are never written. */
enum measure {
	MS_RECORDED, MS_ASB, MS_MARKER, MS_RURAL, MS_UNPLACED, MS_VICTIMS,
	MS_REPEAT, MS_COHORT_VICTIMS, MS_COHORT_12M, MS_COHORT_MONTH,
	MS_ALSO_PREV, MS_THREE_MONTHS, MS_OUTCOME_RATE, MS_OUTCOMES_PERIOD,
	MS_OUTCOMES_MONTH, MS_COVERAGE,
	MS_SPAN_RECORDED, MS_OUTCOMED_MONTH, MS_COHORT_TOTAL, NMEASURE
};

enum {
	MF_MONTHLY = 1,		/* a row for every month of the window */
	MF_AT_M = 2,		/* a row for the reporting month only */
	MF_SPAN = 4,		/* a row for each year-to-date span */
	MF_FORCE = 8,		/* force level only */
	MF_SERIES = 16,		/* change, control chart and trend rows */
	MF_YTD = 32,		/* ytd, ytd_prev and change_ytd rows */
	MF_INTERNAL = 64,	/* a denominator, never written */
	MF_EXPLAIN = 128	/* --explain can list its records */
};

static const struct {
	const char	*name;
	int		 flags;
} measures[NMEASURE] = {
	{ "recorded_crime", MF_MONTHLY | MF_SERIES | MF_YTD | MF_EXPLAIN },
	{ "asb", MF_MONTHLY | MF_SERIES | MF_YTD | MF_EXPLAIN },
	{ "marker", MF_MONTHLY | MF_SERIES | MF_YTD | MF_EXPLAIN },
	{ "rural_crime", MF_MONTHLY | MF_SERIES | MF_YTD | MF_EXPLAIN },
	{ "unplaced", MF_MONTHLY | MF_FORCE | MF_EXPLAIN },
	{ "victims", MF_MONTHLY | MF_SERIES | MF_EXPLAIN },
	{ "repeat_victims", MF_MONTHLY | MF_SERIES | MF_EXPLAIN },
	{ "repeat_cohort_victims", MF_AT_M },
	{ "repeat_cohort_offences_12m", MF_AT_M },
	{ "repeat_cohort_offences_month", MF_AT_M },
	{ "repeat_victims_also_prev", MF_AT_M },
	{ "repeat_victims_3_months", MF_AT_M },
	{ "outcome_rate", MF_SPAN | MF_EXPLAIN },
	{ "outcomes_recorded_in_period", MF_SPAN | MF_EXPLAIN },
	{ "outcomes_in_month", MF_MONTHLY | MF_EXPLAIN },
	{ "coverage", MF_AT_M | MF_FORCE | MF_EXPLAIN },
	{ "", MF_SPAN | MF_INTERNAL },
	{ "", MF_MONTHLY | MF_INTERNAL },
	{ "", MF_AT_M | MF_INTERNAL },
};

/* DEFINITIONS.md 2.2: the groups, written as rows even when 0. */
static const char *const crime_groups[] = {
	"Homicide", "Violence with injury", "Violence without injury", "Rape",
	"Other sexual offences", "Business robbery", "Personal robbery",
	"Burglary – residential (dwelling)", "Burglary – business & community",
	"Vehicle offences", "Theft from the person", "Bicycle theft",
	"Shoplifting", "All other theft offences", "Criminal damage & arson",
	"Drug offences", "Possession of weapons", "Public order offences",
	"Miscellaneous crimes against society", "All robbery",
	"Other crimes against society", "Total recorded crime", NULL
};
#define ASB_GROUP	"Anti-social behaviour"
#define TOTAL_CRIME	"Total recorded crime"

/* DEFINITIONS.md 2.2: "All robbery"; police.uk's coarse Robbery too. */
static const char *const robbery_groups[] = { "Business robbery",
	"Personal robbery", "Robbery", NULL };
/* "Other crimes against society"; police.uk's legacy combined group too. */
static const char *const society_groups[] = { "Drug offences",
	"Possession of weapons", "Public order offences",
	"Miscellaneous crimes against society", "Public disorder and weapons",
	NULL };
/* DEFINITIONS.md 3: burglary rates are per 1,000 households. */
static const char *const household_groups[] = {
	"Burglary – residential (dwelling)", "Burglary – business & community",
	"Burglary", NULL };

/* DEFINITIONS.md 1.3, 3.1: the marker tokens counted. */
enum { MK_DA, MK_HATE, MK_CAR, MK_CSE, MK_BUSINESS, MK_CYBER, NMARKER };
static const char *const marker_names[NMARKER] = { "DA", "HATE", "CAR",
	"CSE", "BUSINESS", "CYBER" };

/* DEFINITIONS.md 2.4: the outcomed groups; pending, unknown are not. */
static const char *const outcome_groups[] = { "Action taken",
	"No action taken", "Investigation complete – no suspect identified",
	"Other", "not grouped", NULL };
static const char *const outcome_subgroups[] = { "charge/summons",
	"caution", "taken into consideration", "penalty notice",
	"cannabis/khat warning", "community resolution", NULL };
static const char *const outcome_codes[] = { "OC14", "OC15", "OC16", NULL };

/*
 * Unplaced crimes count by crime_count, like every crime measure, so that
 * the force total is exactly its districts' plus its unplaced crimes;
 * unplaced ASB incidents count apart, under "ASB <reason>", so that the
 * force's asb is likewise its districts' plus those.
 */
enum { UP_NO_LSOA, UP_OUTSIDE, UP_UNKNOWN, NUNPLACED };
static const char *const unplaced_names[NUNPLACED] = { "no lsoa",
	"outside force area", "unknown district" };
static const char *const unplaced_asb_names[NUNPLACED] = { "ASB no lsoa",
	"ASB outside force area", "ASB unknown district" };

enum { CV_RECORDS, CV_VICTIM, CV_OFFENCE, CV_OUTCOME_CODE, CV_OUTCOME_TEXT,
	CV_RURAL, CV_TEXT_APPROX, NCOVERAGE };
static const char *const coverage_names[NCOVERAGE] = { "records",
	"with_victim", "with_offence_code", "with_outcome_code",
	"with_outcome_text", "with_rural_tag", "text_outcomes_approximate" };

/* DEFINITIONS.md 3.1: repeat-victim cohorts by offences in 12 months. */
static const char *const cohort_names[] = { "2", "3-5", "6-9", "10-19",
	"20+" };
static const char *const cohort_da_names[] = { "DA 2", "DA 3-5", "DA 6-9",
	"DA 10-19", "DA 20+" };
#define NCOHORT 5

/* Input columns. */
enum {
	C_RECORD_ID, C_SOURCE, C_CRIME_COUNT, C_MONTH, C_FORCE, C_CRIME_GROUP,
	C_LSOA_CODE, C_DISTRICT, C_VICTIM_ID, C_VICTIM_TYPE, C_MARKERS,
	NREQUIRED,
	C_OFFENCE_CODE = NREQUIRED, C_OUTCOME_CODE, C_OUTCOME_TEXT,
	C_RURAL, C_RURAL_THEME,
	C_V12, C_REPEAT, C_DA_V12, C_DA_REPEAT,
	C_OUTCOME_GROUP, C_OUTCOME_SUBGROUP, C_OUTCOME_MONTH, NCOL
};
static const char *const column_names[NCOL] = { "record_id", "source",
	"crime_count", "month", "force", "crime_group", "lsoa_code",
	"district", "victim_id", "victim_type", "markers", "offence_code",
	"outcome_code", "outcome_text", "rural", "rural_theme",
	"victim_offences_12m", "repeat_victim", "da_victim_offences_12m",
	"da_repeat_victim", "outcome_group", "outcome_subgroup",
	"outcome_month" };

enum area_type { AT_FORCE, AT_POLICING, AT_DISTRICT };
static const char *const area_type_names[] = { "force", "policing_area",
	"district" };

struct area {
	enum area_type	 type;
	const char	*name;
	long long	 population, households;
};

/* Flags per (victim, month, area) (DEFINITIONS.md 2.5). */
enum { VF_SEEN = 1, VF_REPEAT = 2, VF_DA_SEEN = 4, VF_DA_REPEAT = 8 };

/* What a victim did in the reporting month M. */
struct victim_m {
	uint32_t	 offences_12m, da_offences_12m;	/* from its records */
	uint32_t	 records, da_records;		/* all forces */
};

/* One figure a record adds to (see record_contributions). */
struct contrib {
	int		 cat;
	int		 month;		/* or -1 */
	int		 span;		/* 0, 1 or -1 */
	int		 force_only;
	long long	 weight;
};
#define MAXCONTRIB	96

/* --explain's target. */
struct target {
	const char	*text;
	int		 measure;
	int		 area;		/* index into agg.areas, or -1 */
	enum area_type	 area_type;
	char		*area_name, *category;
	int		 cat;
	int		 from, to;	/* months, both ends included */
	char		 period[20];	/* as given, or empty */
};

struct row {
	char		 period[18];
	int		 area;
	const char	*measure, *category;
	char		 value[24], den[24], rate[24];
};

struct agg {
	struct outbuf	 out;
	int		 month, baseline, fy_start, explain;
	const char	*force_option;
	char		*force;
	int		 force_derived, many_forces;
	char		*other_force_name;
	struct areas	*table;

	/* The stream's shape, fixed by the first usable header. */
	int		 started;
	struct first_header header;
	long		 col[NCOL];
	int		 has_rural, has_repeat, has_outcomes;

	/* Report areas: 0 the force, then policing areas, then districts. */
	struct area	*areas;
	int		 nareas;
	int		*district_area, *district_pa;	/* per areas.csv row */

	/* Months: slots lo..M, then the two year-to-date spans. */
	int		 lo, nmonths, nslots, fy, first_month;

	struct keymap	*cats;		/* measure byte + category */
	int		 cat_cache[NMEASURE][256];	/* cat + 1, or 0 */
	int		*cat_measure;
	char		**cat_name;
	size_t		*cat_len;	/* strlen(cat_name[i]), for the cache */
	size_t		 cat_cap, cat_name_cap, cat_len_cap;
	long long	*cube;		/* [cat][area][slot] */
	size_t		 cube_cap;

	struct keymap	*victims;
	struct victim_m	*vm;
	size_t		 vm_cap;
	struct keymap	*vset;		/* victim, month slot, area */
	unsigned char	*vflags;
	size_t		 vflags_cap;

	struct target	 target;
	unsigned long long other_force;

	struct row	*rows;
	size_t		 nrows, rows_cap;
	char		 key[4096];
};

enum { OPT_MONTH = OPT_FILTER_FIRST, OPT_FORCE, OPT_AREAS, OPT_BASELINE,
	OPT_FY_START, OPT_EXPLAIN };

static const struct option long_options[] = {
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "month", required_argument, NULL, OPT_MONTH },
	{ "force", required_argument, NULL, OPT_FORCE },
	{ "areas", required_argument, NULL, OPT_AREAS },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "fy-start", required_argument, NULL, OPT_FY_START },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static int
in_list(const char *const *list, const char *p, size_t len)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == len && memcmp(*list, p, len) == 0)
			return 1;
	return 0;
}

/* ---- categories and the count cube ---- */

static size_t
cube_index(const struct agg *a, int cat, int area, int slot)
{
	return ((size_t)cat * (size_t)a->nareas + (size_t)area) *
	    (size_t)a->nslots + (size_t)slot;
}

/* The category (measure, name[0..len)); inserted when insert is set. */
static int
cat_get(struct agg *a, int measure, const char *name, size_t len,
    int insert)
{
	size_t need, old;
	long i;
	int added = 0, *slot = &a->cat_cache[measure][(len * 31 +
	    (len ? (unsigned char)name[0] * 7 +
	    (unsigned char)name[len - 1] : 0)) & 255], c = *slot - 1;

	/* Most lookups repeat: a direct-mapped cache before the keymap. */
	if (c >= 0 && a->cat_len[c] == len &&
	    memcmp(a->cat_name[c], name, len) == 0)
		return c;
	if (len + 1 > sizeof(a->key))
		len = sizeof(a->key) - 1;
	a->key[0] = (char)measure;
	memcpy(a->key + 1, name, len);
	i = keymap_get(a->cats, a->key, len + 1, insert, &added);
	if (i >= 0 && !added)
		*slot = (int)i + 1;
	if (i < 0 || !added)
		return (int)i;
	a->cat_measure = xgrow(a->cat_measure, &a->cat_cap, (size_t)i + 1,
	    sizeof(int));
	a->cat_measure[i] = measure;
	a->cat_name = xgrow(a->cat_name, &a->cat_name_cap, (size_t)i + 1,
	    sizeof(char *));
	a->cat_name[i] = xstrndup(name, len);
	a->cat_len = xgrow(a->cat_len, &a->cat_len_cap, (size_t)i + 1,
	    sizeof(size_t));
	a->cat_len[i] = len;
	*slot = (int)i + 1;
	if (!a->explain) {
		old = a->cube_cap;
		need = cube_index(a, (int)i + 1, 0, 0);
		a->cube = xgrow(a->cube, &a->cube_cap, need,
		    sizeof(long long));
		memset(a->cube + old, 0, (a->cube_cap - old) *
		    sizeof(long long));
	}
	return (int)i;
}

static int
cat_str(struct agg *a, int measure, const char *name)
{
	return cat_get(a, measure, name, strlen(name), 1);
}

static long long
cube_get(const struct agg *a, int cat, int area, int slot)
{
	if (cat < 0)
		return 0;
	return a->cube[cube_index(a, cat, area, slot)];
}

static long long
cube_get_str(struct agg *a, int measure, const char *name, int area,
    int slot)
{
	return cube_get(a, cat_get(a, measure, name, strlen(name), 0), area,
	    slot);
}

/* The slot of month m, or -1 outside lo..M. */
static int
month_slot(const struct agg *a, int m)
{
	return m < a->lo || m > a->month ? -1 : m - a->lo;
}

/* ---- setup once the force is known ---- */

static void
add_area(struct agg *a, enum area_type type, const char *name,
    long long pop, long long hh)
{
	a->areas = xrealloc(a->areas, (size_t)(a->nareas + 1) *
	    sizeof(*a->areas));
	a->areas[a->nareas].type = type;
	a->areas[a->nareas].name = name;
	a->areas[a->nareas].population = pop;
	a->areas[a->nareas].households = hh;
	a->nareas++;
}

static int
find_area(const struct agg *a, enum area_type type, const char *name)
{
	int i;

	for (i = 0; i < a->nareas; i++)
		if (a->areas[i].type == type &&
		    strcmp(a->areas[i].name, name) == 0)
			return i;
	return -1;
}

static void
static_categories(struct agg *a)
{
	const char *const *p;
	int i;

	for (p = crime_groups; *p != NULL; p++)
		cat_str(a, MS_RECORDED, *p);
	cat_str(a, MS_ASB, ASB_GROUP);
	for (i = 0; i < NMARKER; i++)
		cat_str(a, MS_MARKER, marker_names[i]);
	if (a->has_rural)
		cat_str(a, MS_RURAL, "Total");
	for (i = 0; i < NUNPLACED; i++) {
		cat_str(a, MS_UNPLACED, unplaced_names[i]);
		cat_str(a, MS_UNPLACED, unplaced_asb_names[i]);
	}
	for (i = 0; i < NCOVERAGE; i++)
		cat_str(a, MS_COVERAGE, coverage_names[i]);
	if (a->has_repeat) {
		cat_str(a, MS_VICTIMS, "All");
		cat_str(a, MS_VICTIMS, "DA");
		cat_str(a, MS_REPEAT, "All");
		cat_str(a, MS_REPEAT, "DA");
		cat_str(a, MS_ALSO_PREV, "All");
		cat_str(a, MS_ALSO_PREV, "DA");
		cat_str(a, MS_THREE_MONTHS, "All");
		cat_str(a, MS_THREE_MONTHS, "DA");
		for (i = 0; i < NCOHORT; i++) {
			cat_str(a, MS_COHORT_VICTIMS, cohort_names[i]);
			cat_str(a, MS_COHORT_VICTIMS, cohort_da_names[i]);
			cat_str(a, MS_COHORT_12M, cohort_names[i]);
			cat_str(a, MS_COHORT_12M, cohort_da_names[i]);
			cat_str(a, MS_COHORT_MONTH, cohort_names[i]);
			cat_str(a, MS_COHORT_MONTH, cohort_da_names[i]);
		}
	}
	if (a->has_outcomes) {
		for (i = 0; i < 2; i++) {
			const char *pre = i ? "DA " : "";
			char buf[128];

			cat_str(a, MS_OUTCOME_RATE, i ? "DA" : "All");
			for (p = outcome_groups; *p != NULL; p++) {
				snprintf(buf, sizeof(buf), "%s%s", pre, *p);
				cat_str(a, MS_OUTCOMES_PERIOD, buf);
				cat_str(a, MS_OUTCOMES_MONTH, buf);
			}
			for (p = outcome_subgroups; *p != NULL; p++) {
				snprintf(buf, sizeof(buf), "%s%s", pre, *p);
				cat_str(a, MS_OUTCOMES_MONTH, buf);
			}
			for (p = outcome_codes; *p != NULL; p++) {
				snprintf(buf, sizeof(buf), "%s%s", pre, *p);
				cat_str(a, MS_OUTCOMES_MONTH, buf);
			}
		}
	}
}

/*
 * The force is known (--force, or the first record's): build the report
 * areas from the areas table and the month window.  Exits when the force
 * has no district in the table.
 */
static void
force_setup(struct agg *a, const char *force)
{
	struct areas *t = a->table;
	size_t i;
	int pa;

	a->force = xstrdup(force);
	a->district_area = xmalloc((t->n ? t->n : 1) * sizeof(int));
	a->district_pa = xmalloc((t->n ? t->n : 1) * sizeof(int));
	add_area(a, AT_FORCE, a->force, 0, 0);
	for (i = 0; i < t->n; i++) {
		a->district_area[i] = a->district_pa[i] = -1;
		if (strcmp(t->row[i].force, force) != 0)
			continue;
		if ((pa = find_area(a, AT_POLICING,
		    t->row[i].policing_area)) < 0) {
			add_area(a, AT_POLICING, t->row[i].policing_area, 0, 0);
			pa = a->nareas - 1;
		}
		add_area(a, AT_DISTRICT, t->row[i].district,
		    t->row[i].population, t->row[i].households);
		a->district_area[i] = a->nareas - 1;
		a->district_pa[i] = pa;
		/* DEFINITIONS.md 3: higher areas sum their districts. */
		a->areas[pa].population += t->row[i].population;
		a->areas[pa].households += t->row[i].households;
		a->areas[0].population += t->row[i].population;
		a->areas[0].households += t->row[i].households;
	}
	if (a->nareas == 1) {
		if (a->force_derived)
			diag_die(EXIT_DATA, "force '%s' (of the first record) "
			    "has no district in %s", force,
			    table_path(t->table));
		opts_misuse("option '--force': '%s' has no district in %s",
		    force, table_path(t->table));
	}
	static_categories(a);
}

/* ---- one record ---- */

static const struct field *
col(const struct agg *a, const struct record *rec, int which)
{
	static const struct field empty = { "", 0 };

	return a->col[which] >= 0 ? &rec->value[a->col[which]] : &empty;
}

/* 1 when the ';'-separated list holds token (spaces around ignored). */
static int
has_marker(const struct field *f, const char *token)
{
	size_t n = strlen(token), i = 0, s, e;

	while (i <= f->len) {
		s = i;
		while (i < f->len && f->ptr[i] != ';')
			i++;
		e = i;
		while (s < e && f->ptr[s] == ' ')
			s++;
		while (e > s && f->ptr[e - 1] == ' ')
			e--;
		if (e - s == n && strncasecmp(f->ptr + s, token, n) == 0)
			return 1;
		i++;
	}
	return 0;
}

/* A non-negative whole number, or -1. */
static long
count_value(const struct field *f)
{
	long v = 0;
	size_t i;

	if (f->len == 0 || f->len > 9)
		return -1;
	for (i = 0; i < f->len; i++) {
		if (f->ptr[i] < '0' || f->ptr[i] > '9')
			return -1;
		v = v * 10 + (f->ptr[i] - '0');
	}
	return v;
}

static int
outcomed(const struct field *f)
{
	const char *const *p;

	for (p = outcome_groups; *p != NULL; p++)
		if (field_is(f, *p))
			return 1;
	return 0;
}

/* Where a record counts (docs/measures.md "Placement"). */
struct placement {
	int	 areas[3];
	int	 nareas;
	int	 unplaced;	/* UP_* or -1 */
};

static void
place(const struct agg *a, const struct record *rec, struct placement *pl)
{
	const struct field *d = col(a, rec, C_DISTRICT);
	const struct field *l = col(a, rec, C_LSOA_CODE);
	long row = d->len ? areas_find(a->table, d->ptr, d->len) : -1;

	pl->areas[0] = 0;
	pl->nareas = 1;
	if (row >= 0 && a->district_area[row] >= 0) {
		pl->areas[1] = a->district_pa[row];
		pl->areas[2] = a->district_area[row];
		pl->nareas = 3;
		pl->unplaced = -1;
	} else if (d->len == 0 && l->len == 0)
		pl->unplaced = UP_NO_LSOA;
	else if (l->len > 0)
		pl->unplaced = UP_OUTSIDE;
	else
		pl->unplaced = UP_UNKNOWN;
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
prefixed(struct agg *a, int measure, int da, const char *p, size_t len)
{
	char buf[512];

	if (!da)
		return cat_get(a, measure, p, len, 1);
	if (len > sizeof(buf) - 4)
		len = sizeof(buf) - 4;
	memcpy(buf, "DA ", 3);
	memcpy(buf + 3, p, len);
	return cat_get(a, measure, buf, len + 3, 1);
}

/* The outcome contributions of one record (DEFINITIONS.md 2.4, 3). */
static void
outcome_contributions(struct agg *a, const struct record *rec, int month,
    int cc, int da, struct contrib *c, int *n)
{
	const struct field *g = col(a, rec, C_OUTCOME_GROUP);
	const struct field *sg = col(a, rec, C_OUTCOME_SUBGROUP);
	const struct field *oc = col(a, rec, C_OUTCOME_CODE);
	const struct field *om = col(a, rec, C_OUTCOME_MONTH);
	int omonth = -1, s, from, to, d;
	char code[8];

	if (outcomed(g) && om->len > 0)
		month_parse(om->ptr, om->len, &omonth);
	for (d = 0; d <= da; d++) {
		const char *all = d ? "DA" : "All";

		for (s = 0; s < 2; s++) {
			/* The spans: this and last financial year to date. */
			from = a->fy - 12 * s;
			to = a->month - 12 * s;
			if (month < from || month > to)
				continue;
			contrib_add(c, n, cat_str(a, MS_SPAN_RECORDED, all), -1,
			    s, 0, cc);
			if (omonth < from || omonth > to)
				continue;
			contrib_add(c, n, cat_str(a, MS_OUTCOME_RATE, all), -1,
			    s, 0, cc);
			contrib_add(c, n, prefixed(a, MS_OUTCOMES_PERIOD, d,
			    g->ptr, g->len), -1, s, 0, cc);
		}
		if (omonth < 0)
			continue;
		contrib_add(c, n, cat_str(a, MS_OUTCOMED_MONTH, all), omonth,
		    -1, 0, cc);
		contrib_add(c, n, prefixed(a, MS_OUTCOMES_MONTH, d, g->ptr,
		    g->len), omonth, -1, 0, cc);
		if (sg->len > 0 && field_is(g, "Action taken"))
			contrib_add(c, n, prefixed(a, MS_OUTCOMES_MONTH, d,
			    sg->ptr, sg->len), omonth, -1, 0, cc);
		/* Outcome codes 14, 15, 16 (DEFINITIONS.md 3). */
		if (oc->len == 2 && oc->ptr[0] == '1' && oc->ptr[1] >= '4' &&
		    oc->ptr[1] <= '6') {
			memcpy(code, "OC1", 3);
			code[3] = oc->ptr[1];
			contrib_add(c, n, prefixed(a, MS_OUTCOMES_MONTH, d,
			    code, 4), omonth, -1, 0, cc);
		}
	}
}

/*
 * Every count a record of the force adds to: the same list serves the
 * table and --explain, so a figure and its records cannot disagree.
 */
static int
record_contributions(struct agg *a, const struct record *rec, int month,
    int cc, const struct placement *pl, struct contrib *c)
{
	const struct field *g = col(a, rec, C_CRIME_GROUP);
	const struct field *mk = col(a, rec, C_MARKERS);
	const struct field *f;
	int n = 0, i, da = has_marker(mk, "DA");

	if (field_is(g, ASB_GROUP))
		contrib_add(c, &n, cat_str(a, MS_ASB, ASB_GROUP), month, -1, 0,
		    1);
	else if (cc > 0) {
		contrib_add(c, &n, cat_str(a, MS_RECORDED, TOTAL_CRIME), month,
		    -1, 0, cc);
		/* A counted crime with no group is in the total only. */
		if (g->len > 0)
			contrib_add(c, &n, cat_get(a, MS_RECORDED, g->ptr,
			    g->len, 1), month, -1, 0, cc);
		if (in_list(robbery_groups, g->ptr, g->len))
			contrib_add(c, &n, cat_str(a, MS_RECORDED,
			    "All robbery"), month, -1, 0, cc);
		if (in_list(society_groups, g->ptr, g->len))
			contrib_add(c, &n, cat_str(a, MS_RECORDED,
			    "Other crimes against society"), month, -1, 0, cc);
		for (i = 0; i < NMARKER; i++)
			if (has_marker(mk, marker_names[i]))
				contrib_add(c, &n, cat_str(a, MS_MARKER,
				    marker_names[i]), month, -1, 0, cc);
		if (a->has_rural && field_is(col(a, rec, C_RURAL), "Y")) {
			contrib_add(c, &n, cat_str(a, MS_RURAL, "Total"), month,
			    -1, 0, cc);
			if (g->len > 0)
				contrib_add(c, &n, cat_get(a, MS_RURAL, g->ptr,
				    g->len, 1), month, -1, 0, cc);
			f = col(a, rec, C_RURAL_THEME);
			if (f->len > 0)
				contrib_add(c, &n, cat_get(a, MS_RURAL, f->ptr,
				    f->len, 1), month, -1, 0, cc);
		}
	}
	if (pl->unplaced >= 0 && field_is(g, ASB_GROUP))
		contrib_add(c, &n, cat_str(a, MS_UNPLACED,
		    unplaced_asb_names[pl->unplaced]), month, -1, 1, 1);
	else if (pl->unplaced >= 0)
		contrib_add(c, &n, cat_str(a, MS_UNPLACED,
		    unplaced_names[pl->unplaced]), month, -1, 1, cc);
	if (a->has_outcomes && cc > 0)
		outcome_contributions(a, rec, month, cc, da, c, &n);
	if (month == a->month) {
		const struct field *oc = col(a, rec, C_OUTCOME_CODE);
		const struct field *ot = col(a, rec, C_OUTCOME_TEXT);
		const struct field *r = col(a, rec, C_RURAL);

		contrib_add(c, &n, cat_str(a, MS_COVERAGE, "records"), month,
		    -1, 1, 1);
		contrib_add(c, &n, cat_str(a, MS_COVERAGE, "with_victim"),
		    month, -1, 1, col(a, rec, C_VICTIM_ID)->len > 0);
		contrib_add(c, &n, cat_str(a, MS_COVERAGE,
		    "with_offence_code"), month, -1, 1,
		    col(a, rec, C_OFFENCE_CODE)->len > 0);
		contrib_add(c, &n, cat_str(a, MS_COVERAGE,
		    "with_outcome_code"), month, -1, 1, oc->len > 0);
		contrib_add(c, &n, cat_str(a, MS_COVERAGE,
		    "with_outcome_text"), month, -1, 1, ot->len > 0);
		contrib_add(c, &n, cat_str(a, MS_COVERAGE, "with_rural_tag"),
		    month, -1, 1, field_is(r, "Y") || field_is(r, "N"));
		contrib_add(c, &n, cat_str(a, MS_COVERAGE,
		    "text_outcomes_approximate"), month, -1, 1,
		    oc->len == 0 && ot->len > 0 &&
		    col(a, rec, C_OUTCOME_GROUP)->len > 0);
	}
	return n;
}

/* A victim counted by DEFINITIONS.md 2.5: an id, not an organisation. */
static int
countable_victim(const struct agg *a, const struct record *rec)
{
	return col(a, rec, C_VICTIM_ID)->len > 0 &&
	    !field_is(col(a, rec, C_VICTIM_TYPE), "organisation");
}

static long
victim_index(struct agg *a, const struct record *rec)
{
	const struct field *v = col(a, rec, C_VICTIM_ID);
	long i = keymap_get(a->victims, v->ptr, v->len, 1, NULL);

	if ((size_t)i >= a->vm_cap) {
		size_t old = a->vm_cap;

		a->vm = xgrow(a->vm, &a->vm_cap, (size_t)i + 1,
		    sizeof(*a->vm));
		memset(a->vm + old, 0, (a->vm_cap - old) * sizeof(*a->vm));
	}
	return i;
}

/*
 * The flags of victim v in month slot: nareas bytes, one per area, or
 * NULL when absent and not inserted.
 */
static unsigned char *
vset_get(struct agg *a, long v, int slot, int insert)
{
	unsigned char k[6];
	uint32_t v32 = (uint32_t)v;
	uint16_t s16 = (uint16_t)slot;
	size_t need, old;
	long i;

	memcpy(k, &v32, 4);
	memcpy(k + 4, &s16, 2);
	i = keymap_get(a->vset, k, sizeof(k), insert, NULL);
	if (i < 0)
		return NULL;
	need = ((size_t)i + 1) * (size_t)a->nareas;
	if (need > a->vflags_cap) {
		old = a->vflags_cap;
		a->vflags = xgrow(a->vflags, &a->vflags_cap, need, 1);
		memset(a->vflags + old, 0, a->vflags_cap - old);
	}
	return a->vflags + (size_t)i * (size_t)a->nareas;
}

/* The victim state of a record (DEFINITIONS.md 2.5). */
static void
victim_record(struct agg *a, const struct record *rec, int month,
    int is_force, const struct placement *pl)
{
	int slot = month_slot(a, month), da, rep, darep, i;
	unsigned char fl, *flags;
	long v;

	if (slot < 0 || !countable_victim(a, rec))
		return;
	if (!is_force && month != a->month)
		return;
	da = has_marker(col(a, rec, C_MARKERS), "DA");
	v = victim_index(a, rec);
	if (month == a->month) {
		a->vm[v].records++;
		a->vm[v].da_records += (uint32_t)da;
	}
	if (!is_force)
		return;
	rep = field_is(col(a, rec, C_REPEAT), "Y");
	darep = da && field_is(col(a, rec, C_DA_REPEAT), "Y");
	fl = (unsigned char)(VF_SEEN | (rep ? VF_REPEAT : 0) |
	    (da ? VF_DA_SEEN : 0) | (darep ? VF_DA_REPEAT : 0));
	flags = vset_get(a, v, slot, 1);
	for (i = 0; i < pl->nareas; i++)
		flags[pl->areas[i]] |= fl;
	if (month == a->month) {
		long n12 = count_value(col(a, rec, C_V12));
		long d12 = count_value(col(a, rec, C_DA_V12));

		if (rep && n12 > (long)a->vm[v].offences_12m)
			a->vm[v].offences_12m = (uint32_t)n12;
		if (darep && d12 > (long)a->vm[v].da_offences_12m)
			a->vm[v].da_offences_12m = (uint32_t)d12;
	}
}

static void
explain_record(struct agg *a, const struct record *rec, int month,
    int cc, const struct placement *pl)
{
	struct target *t = &a->target;
	struct contrib c[MAXCONTRIB];
	int n, i, j, hit = 0, in_area = 0;

	for (j = 0; j < pl->nareas; j++)
		if (pl->areas[j] == t->area)
			in_area = 1;
	if (!in_area)
		return;
	if (t->measure == MS_VICTIMS || t->measure == MS_REPEAT) {
		int da = strcmp(t->category, "DA") == 0;

		if (!a->has_repeat || month < t->from || month > t->to ||
		    !countable_victim(a, rec))
			return;
		if (da && !has_marker(col(a, rec, C_MARKERS), "DA"))
			return;
		if (!da && strcmp(t->category, "All") != 0)
			return;
		if (t->measure == MS_REPEAT && !field_is(col(a, rec,
		    da ? C_DA_REPEAT : C_REPEAT), "Y"))
			return;
		hit = 1;
	} else {
		n = record_contributions(a, rec, month, cc, pl, c);
		for (i = 0; i < n && !hit; i++) {
			if (c[i].cat != t->cat)
				continue;
			if (c[i].force_only && t->area != 0)
				continue;
			if (c[i].span >= 0) {
				char p[20], x[8], y[8];

				month_format(a->fy - 12 * c[i].span, x);
				month_format(a->month - 12 * c[i].span, y);
				snprintf(p, sizeof(p), "%s..%s", x, y);
				hit = strcmp(p, t->period) == 0;
			} else
				hit = c[i].month >= t->from &&
				    c[i].month <= t->to;
		}
	}
	if (!hit)
		return;
	out_field(&a->out, col(a, rec, C_RECORD_ID)->ptr,
	    col(a, rec, C_RECORD_ID)->len);
	out_putc(&a->out, ',');
	out_field(&a->out, col(a, rec, C_SOURCE)->ptr,
	    col(a, rec, C_SOURCE)->len);
	out_putc(&a->out, '\n');
}

static void target_resolve(struct agg *a);

static void
aggregate_record(void *ctx, struct record *rec)
{
	struct agg *a = ctx;
	const struct field *f;
	struct contrib c[MAXCONTRIB];
	struct placement pl;
	int month, omonth, cc, n, i, j, slot, is_force;
	char *name;

	f = col(a, rec, C_MONTH);
	if (month_parse(f->ptr, f->len, &month) < 0) {
		reject(rec->source, rec->line, "month", rec->raw, rec->raw_len,
		    "'%.*s' is not a valid month", (int)(f->len > 40 ? 40 :
		    f->len), f->ptr);
		return;
	}
	f = col(a, rec, C_CRIME_COUNT);
	if (!field_is(f, "0") && !field_is(f, "1")) {
		reject(rec->source, rec->line, "crime_count", rec->raw,
		    rec->raw_len, "'%.*s' is not 0 or 1", (int)(f->len > 40 ?
		    40 : f->len), f->ptr);
		return;
	}
	cc = f->ptr[0] - '0';
	f = col(a, rec, C_OUTCOME_MONTH);
	if (f->len > 0 && month_parse(f->ptr, f->len, &omonth) < 0) {
		reject(rec->source, rec->line, "outcome_month", rec->raw,
		    rec->raw_len, "'%.*s' is not a valid month",
		    (int)(f->len > 40 ? 40 : f->len), f->ptr);
		return;
	}
	for (i = C_V12; i <= C_DA_V12; i += C_DA_V12 - C_V12) {
		f = col(a, rec, i);
		if (f->len > 0 && count_value(f) < 0) {
			reject(rec->source, rec->line, column_names[i],
			    rec->raw, rec->raw_len, "'%.*s' is not a count",
			    (int)(f->len > 40 ? 40 : f->len), f->ptr);
			return;
		}
	}
	rejects_counts.written++;

	f = col(a, rec, C_FORCE);
	if (a->force == NULL) {
		a->force_derived = 1;
		diag_warn("reporting force '%.*s', the first record's; choose "
		    "another with --force", (int)f->len, f->ptr);
		name = xstrndup(f->ptr, f->len);
		force_setup(a, name);
		free(name);
		if (a->explain)
			target_resolve(a);
	}
	is_force = field_is(f, a->force);
	if (!is_force) {
		a->other_force++;
		if (a->force_derived && a->other_force_name == NULL)
			a->other_force_name = xstrndup(f->ptr, f->len);
		if (a->has_repeat && !a->explain)
			victim_record(a, rec, month, 0, NULL);
		return;
	}
	if (month < a->first_month)
		a->first_month = month;
	place(a, rec, &pl);
	if (a->explain) {
		explain_record(a, rec, month, cc, &pl);
		return;
	}
	if (a->has_repeat)
		victim_record(a, rec, month, 1, &pl);
	n = record_contributions(a, rec, month, cc, &pl, c);
	for (i = 0; i < n; i++) {
		slot = c[i].span >= 0 ? a->nmonths + c[i].span :
		    month_slot(a, c[i].month);
		if (slot < 0)
			continue;
		for (j = 0; j < (c[i].force_only ? 1 : pl.nareas); j++)
			a->cube[cube_index(a, c[i].cat, pl.areas[j], slot)] +=
			    c[i].weight;
	}
}

/* ---- the victim measures, from the per-victim flags ---- */

static int
cohort(uint32_t n)
{
	return n >= 20 ? 4 : n >= 10 ? 3 : n >= 6 ? 2 : n >= 3 ? 1 : 0;
}

static void
cube_add(struct agg *a, int measure, const char *name, int area, int slot,
    long long w)
{
	a->cube[cube_index(a, cat_str(a, measure, name), area, slot)] += w;
}

/*
 * One victim's flags fl in one area and month slot (d: 1 for the DA
 * measures); p1, p2 are the victim's force-level flags in the two months
 * before the reporting month, or NULL.
 */
static void
victim_count(struct agg *a, uint32_t v, int slot, int area, int d,
    unsigned char fl, const unsigned char *p1, const unsigned char *p2)
{
	const char *all = d ? "DA" : "All";
	const char *const *names = d ? cohort_da_names : cohort_names;
	const struct victim_m *vm = &a->vm[v];
	unsigned char rep = d ? VF_DA_REPEAT : VF_REPEAT;
	uint32_t n12 = d ? vm->da_offences_12m : vm->offences_12m;
	uint32_t inm = d ? vm->da_records : vm->records;
	int b;

	if (fl & (d ? VF_DA_SEEN : VF_SEEN))
		cube_add(a, MS_VICTIMS, all, area, slot, 1);
	if (!(fl & rep))
		return;
	cube_add(a, MS_REPEAT, all, area, slot, 1);
	if (slot != a->month - a->lo)
		return;
	b = cohort(n12);
	cube_add(a, MS_COHORT_VICTIMS, names[b], area, slot, 1);
	cube_add(a, MS_COHORT_12M, names[b], area, slot, n12);
	cube_add(a, MS_COHORT_MONTH, names[b], area, slot, inm);
	cube_add(a, MS_COHORT_TOTAL, d ? "DA 12m" : "12m", area, slot, n12);
	cube_add(a, MS_COHORT_TOTAL, d ? "DA month" : "month", area, slot,
	    inm);
	/* Earlier months: the person's status in the force (area 0). */
	if (p1 == NULL || !(p1[0] & rep))
		return;
	cube_add(a, MS_ALSO_PREV, all, area, slot, 1);
	if (p2 != NULL && (p2[0] & rep))
		cube_add(a, MS_THREE_MONTHS, all, area, slot, 1);
}

static void
victims_finish(struct agg *a)
{
	size_t i, n = keymap_size(a->vset), len;
	int ms = a->month - a->lo, slot, area, d;
	const unsigned char *k, *p1, *p2;
	unsigned char fl;
	uint32_t v32;
	uint16_t s16;

	for (i = 0; i < n; i++) {
		k = (const unsigned char *)keymap_key(a->vset, i, &len);
		memcpy(&v32, k, 4);
		memcpy(&s16, k + 4, 2);
		slot = s16;
		/* Lookups without insertion never move vflags. */
		p1 = slot == ms ? vset_get(a, v32, slot - 1, 0) : NULL;
		p2 = slot == ms ? vset_get(a, v32, slot - 2, 0) : NULL;
		for (area = 0; area < a->nareas; area++) {
			fl = a->vflags[i * (size_t)a->nareas + (size_t)area];
			for (d = 0; fl != 0 && d < 2; d++)
				victim_count(a, v32, slot, area, d, fl, p1,
				    p2);
		}
	}
}

/* ---- writing the table ---- */

static struct row *
row_new(struct agg *a, const char *period, int area, const char *measure,
    const char *category)
{
	struct row *r;

	a->rows = xgrow(a->rows, &a->rows_cap, a->nrows + 1, sizeof(*r));
	r = &a->rows[a->nrows++];
	snprintf(r->period, sizeof(r->period), "%s", period);
	r->area = area;
	r->measure = measure;
	r->category = category;
	r->value[0] = r->den[0] = r->rate[0] = '\0';
	return r;
}

static void
set_count(struct row *r, long long v)
{
	snprintf(r->value, sizeof(r->value), "%lld", v);
}

/* value, and when den > 0 the denominator and a percentage. */
static void
set_share(struct row *r, long long v, long long den)
{
	set_count(r, v);
	snprintf(r->den, sizeof(r->den), "%lld", den);
	if (den > 0)
		round_percent(r->rate, sizeof(r->rate), v, den);
}

static void
span_text(int from, int to, char out[18])
{
	char x[8], y[8];

	month_format(from, x);
	month_format(to, y);
	snprintf(out, 18, "%s..%s", x, y);
}

static int
is_da(const char *category)
{
	return strncmp(category, "DA", 2) == 0 &&
	    (category[2] == '\0' || category[2] == ' ');
}

/* One count row of cat for area at slot, with its denominator. */
static void
count_row(struct agg *a, int cat, int area, int slot, const char *period)
{
	int m = a->cat_measure[cat];
	const char *name = a->cat_name[cat], *all = is_da(name) ? "DA" : "All";
	long long v = cube_get(a, cat, area, slot), den;
	struct row *r = row_new(a, period, area, measures[m].name, name);
	const struct area *ar = &a->areas[area];

	switch (m) {
	case MS_RECORDED:
		set_count(r, v);
		den = in_list(household_groups, name, strlen(name)) ?
		    ar->households : ar->population;
		snprintf(r->den, sizeof(r->den), "%lld", den);
		if (den > 0)
			round_per_1000(r->rate, sizeof(r->rate), v, den);
		break;
	case MS_REPEAT:
		set_share(r, v, cube_get_str(a, MS_VICTIMS, name, area, slot));
		break;
	case MS_COHORT_VICTIMS:
	case MS_ALSO_PREV:
	case MS_THREE_MONTHS:
		set_share(r, v, cube_get_str(a, MS_REPEAT, all, area, slot));
		break;
	case MS_COHORT_12M:
		set_share(r, v, cube_get_str(a, MS_COHORT_TOTAL,
		    is_da(name) ? "DA 12m" : "12m", area, slot));
		break;
	case MS_COHORT_MONTH:
		set_share(r, v, cube_get_str(a, MS_COHORT_TOTAL,
		    is_da(name) ? "DA month" : "month", area, slot));
		break;
	case MS_OUTCOME_RATE:
		set_share(r, v, cube_get_str(a, MS_SPAN_RECORDED, name, area,
		    slot));
		break;
	case MS_OUTCOMES_PERIOD:
		set_share(r, v, cube_get_str(a, MS_OUTCOME_RATE, all, area,
		    slot));
		break;
	case MS_OUTCOMES_MONTH:
		set_share(r, v, cube_get_str(a, MS_OUTCOMED_MONTH, all, area,
		    slot));
		break;
	case MS_COVERAGE:
		if (strcmp(name, "records") == 0)
			set_count(r, v);
		else
			set_share(r, v, cube_get_str(a, MS_COVERAGE,
			    "records", area, slot));
		break;
	default:
		set_count(r, v);
	}
}

static long long
series_at(const struct agg *a, int cat, int area, int month)
{
	int slot = month_slot(a, month);

	return slot < 0 ? 0 : cube_get(a, cat, area, slot);
}

/*
 * The rows derived from a monthly series (DEFINITIONS.md 3): changes,
 * baseline average, XmR limits, exceptional, increasing trend, and the
 * year to date.  series is "measure:category", owned by the caller.
 */
static void
series_rows(struct agg *a, int cat, int area, const char *series, int base)
{
	long long x = series_at(a, cat, area, a->month), prev, num, den;
	long long last7[7], ytd = 0, ytd_prev = 0, *bl;
	char period[8], span[18];
	struct xmr chart;
	struct row *r;
	int n = a->month - base, i, e;

	month_format(a->month, period);
	prev = series_at(a, cat, area, a->month - 1);
	r = row_new(a, period, area, "change_prev_month", series);
	round_change(r->value, sizeof(r->value), x, prev);
	snprintf(r->den, sizeof(r->den), "%lld", prev);
	prev = series_at(a, cat, area, a->month - 12);
	r = row_new(a, period, area, "change_prev_year", series);
	round_change(r->value, sizeof(r->value), x, prev);
	snprintf(r->den, sizeof(r->den), "%lld", prev);

	bl = xmalloc((size_t)(n > 0 ? n : 1) * sizeof(long long));
	for (i = 0; i < n; i++)
		bl[i] = series_at(a, cat, area, base + i);
	xmr_fit(&chart, bl, (size_t)n);
	free(bl);
	if (n >= 1) {
		span_text(base, a->month - 1, span);
		xmr_mean(&chart, &num, &den);
		r = row_new(a, span, area, "monthly_average", series);
		round_ratio(r->value, sizeof(r->value), num, den, 1);
		if (xmr_has_limits(&chart)) {
			xmr_limit(&chart, 1, &num, &den);
			r = row_new(a, span, area, "control_upper", series);
			round_ratio(r->value, sizeof(r->value), num, den, 1);
			xmr_limit(&chart, 0, &num, &den);
			r = row_new(a, span, area, "control_lower", series);
			/* docs/measures.md: the printed limit is floored. */
			round_ratio(r->value, sizeof(r->value), num < 0 ? 0 :
			    num, den, 1);
		}
	}
	e = xmr_exceptional(&chart, x);
	r = row_new(a, period, area, "exceptional", series);
	snprintf(r->value, sizeof(r->value), "%s", e > 0 ? "Y" : e < 0 ?
	    "Y (low)" : "N");
	for (i = 0; i < 7; i++)
		last7[i] = series_at(a, cat, area, a->month - 6 + i);
	r = row_new(a, period, area, "increasing_trend", series);
	snprintf(r->value, sizeof(r->value), "%s",
	    xmr_increasing(&chart, last7) ? "Y" : "N");

	if (!(measures[a->cat_measure[cat]].flags & MF_YTD))
		return;
	for (i = a->fy; i <= a->month; i++) {
		ytd += series_at(a, cat, area, i);
		ytd_prev += series_at(a, cat, area, i - 12);
	}
	span_text(a->fy, a->month, span);
	r = row_new(a, span, area, "ytd", series);
	set_count(r, ytd);
	r = row_new(a, span, area, "change_ytd", series);
	round_change(r->value, sizeof(r->value), ytd, ytd_prev);
	snprintf(r->den, sizeof(r->den), "%lld", ytd_prev);
	span_text(a->fy - 12, a->month - 12, span);
	r = row_new(a, span, area, "ytd_prev", series);
	set_count(r, ytd_prev);
}

/* qsort has no context argument: the areas of the rows being sorted. */
static const struct agg *sort_agg;

static int
row_cmp(const void *x, const void *y)
{
	const struct row *r = x, *s = y;
	const struct area *ra, *sa;
	int c;

	if ((c = strcmp(r->period, s->period)) != 0)
		return c;
	ra = &sort_agg->areas[r->area];
	sa = &sort_agg->areas[s->area];
	if ((c = strcmp(area_type_names[ra->type],
	    area_type_names[sa->type])) != 0)
		return c;
	if ((c = strcmp(ra->name, sa->name)) != 0)
		return c;
	if ((c = strcmp(r->measure, s->measure)) != 0)
		return c;
	return strcmp(r->category, s->category);
}

static void
write_table(struct agg *a)
{
	size_t ncat = keymap_size(a->cats), i;
	char **series = xcalloc(ncat ? ncat : 1, sizeof(char *));
	int area, m, slot, base, repeat_base, flags;
	char period[18];
	struct row *r;

	base = a->month - a->baseline;
	if (a->first_month > base)
		base = a->first_month;
	if (base > a->month)
		base = a->month;
	/*
	 * A repeat victim needs the 12 months before (DEFINITIONS.md 2.5):
	 * until the data's 12th month the histories are cut short and the
	 * counts are low, so the repeat-victim baseline starts there
	 * (docs/measures.md), not with the data's first month.
	 */
	repeat_base = a->first_month + 11 > base ? a->first_month + 11 : base;
	if (repeat_base > a->month)
		repeat_base = a->month;
	for (i = 0; i < ncat; i++) {
		m = a->cat_measure[i];
		flags = measures[m].flags;
		if (flags & MF_INTERNAL)
			continue;
		if ((m == MS_VICTIMS || m == MS_REPEAT ||
		    m == MS_COHORT_VICTIMS || m == MS_COHORT_12M ||
		    m == MS_COHORT_MONTH || m == MS_ALSO_PREV ||
		    m == MS_THREE_MONTHS) && !a->has_repeat)
			continue;
		for (area = 0; area < (flags & MF_FORCE ? 1 : a->nareas);
		    area++) {
			if (flags & MF_MONTHLY)
				for (slot = base - a->lo; slot < a->nmonths;
				    slot++) {
					month_format(a->lo + slot, period);
					count_row(a, (int)i, area, slot,
					    period);
				}
			if (flags & MF_AT_M) {
				month_format(a->month, period);
				count_row(a, (int)i, area, a->nmonths - 1,
				    period);
			}
			if (flags & MF_SPAN)
				for (slot = 0; slot < 2; slot++) {
					span_text(a->fy - 12 * slot,
					    a->month - 12 * slot, period);
					count_row(a, (int)i, area,
					    a->nmonths + slot, period);
				}
			if (!(flags & MF_SERIES))
				continue;
			if (series[i] == NULL) {
				series[i] = xmalloc(strlen(measures[m].name) +
				    strlen(a->cat_name[i]) + 2);
				sprintf(series[i], "%s:%s", measures[m].name,
				    a->cat_name[i]);
			}
			series_rows(a, (int)i, area, series[i],
			    m == MS_REPEAT ? repeat_base : base);
		}
	}
	sort_agg = a;
	qsort(a->rows, a->nrows, sizeof(*a->rows), row_cmp);
	out_str(&a->out, "period,area_type,area,measure,category,value,"
	    "denominator,rate\n");
	for (i = 0; i < a->nrows; i++) {
		r = &a->rows[i];
		out_field(&a->out, r->period, strlen(r->period));
		out_putc(&a->out, ',');
		out_str(&a->out, area_type_names[a->areas[r->area].type]);
		rec_append_str(&a->out, a->areas[r->area].name);
		rec_append_str(&a->out, r->measure);
		rec_append_str(&a->out, r->category);
		rec_append_str(&a->out, r->value);
		rec_append_str(&a->out, r->den);
		rec_append_str(&a->out, r->rate);
		out_putc(&a->out, '\n');
	}
	for (i = 0; i < ncat; i++)
		free(series[i]);
	free(series);
}

/* ---- --explain ---- */

/*
 * Parse "[period,]measure,area_type,area,category".  The area may hold
 * commas ("Herefordshire, County of"); no category does, so the category
 * is the text after the last comma.  Exits 2 on a key it cannot use.
 */
static void
target_parse(struct agg *a, const char *text)
{
	struct target *t = &a->target;
	char *s = xstrdup(text), *p = s, *f[3], *last, *dots;
	int i, m;

	t->text = text;
	t->measure = -1;
	/* An optional period first. */
	if ((last = strchr(p, ',')) == NULL)
		goto bad;
	*last = '\0';
	dots = strstr(p, "..");
	if ((dots == NULL && month_parse(p, strlen(p), &t->from) == 0) ||
	    (dots != NULL && month_parse(p, (size_t)(dots - p),
	    &t->from) == 0 && month_parse(dots + 2, strlen(dots + 2),
	    &t->to) == 0)) {
		if (dots == NULL)
			t->to = t->from;
		snprintf(t->period, sizeof(t->period), "%s", p);
		p = last + 1;
	} else {
		*last = ',';
		t->period[0] = '\0';
	}
	for (i = 0; i < 2; i++) {
		f[i] = p;
		if ((p = strchr(p, ',')) == NULL)
			goto bad;
		*p++ = '\0';
	}
	if ((last = strrchr(p, ',')) == NULL)
		goto bad;
	*last = '\0';
	f[2] = p;
	for (m = 0; m < NMEASURE; m++)
		if (!(measures[m].flags & MF_INTERNAL) &&
		    strcmp(measures[m].name, f[0]) == 0)
			t->measure = m;
	if (t->measure < 0)
		opts_misuse("option '--explain': unknown measure '%s'", f[0]);
	if (!(measures[t->measure].flags & MF_EXPLAIN))
		opts_misuse("option '--explain': measure '%s' cannot be "
		    "explained record by record", f[0]);
	for (i = 0; i < 3; i++)
		if (strcmp(area_type_names[i], f[1]) == 0)
			break;
	if (i == 3)
		opts_misuse("option '--explain': unknown area type '%s'",
		    f[1]);
	t->area_type = (enum area_type)i;
	t->area_name = xstrdup(f[2]);
	t->category = xstrdup(last + 1);
	if (t->period[0] != '\0' && t->from > t->to)
		goto bad;
	free(s);
	return;
bad:
	free(s);
	opts_misuse("option '--explain': '%s' is not "
	    "'[period,]measure,area_type,area,category'", text);
}

/* With the force known: the area's index, the category, the period. */
static void
target_resolve(struct agg *a)
{
	struct target *t = &a->target;

	t->area = find_area(a, t->area_type, t->area_name);
	if (t->area < 0)
		opts_misuse("option '--explain': no %s '%s' in force '%s'",
		    area_type_names[t->area_type], t->area_name, a->force);
	t->cat = cat_str(a, t->measure, t->category);
	if (t->period[0] == '\0') {
		if (measures[t->measure].flags & MF_SPAN) {
			span_text(a->fy, a->month, t->period);
			t->from = a->fy;
		} else {
			month_format(a->month, t->period);
			t->from = a->month;
		}
		t->to = a->month;
	}
}

/* ---- inputs ---- */

static int
stream_start(void *ctx, struct rec_reader *r, const char *name)
{
	struct agg *a = ctx;
	static const int groups[][4] = {
		{ C_V12, C_REPEAT, C_DA_V12, C_DA_REPEAT },
		{ C_OUTCOME_GROUP, C_OUTCOME_SUBGROUP, C_OUTCOME_MONTH, -1 }
	};
	int i, j, any;

	for (i = 0; i < NCOL; i++)
		a->col[i] = rec_reader_column(r, column_names[i]);
	for (i = 0; i < NREQUIRED; i++)
		if (a->col[i] < 0) {
			diag_at(name, 1, column_names[i], "no such column in "
			    "the header");
			return -1;
		}
	/* A stage's columns come together: all of them, or none. */
	for (i = 0; i < 2; i++) {
		for (any = 0, j = 0; j < 4 && groups[i][j] >= 0; j++)
			any |= a->col[groups[i][j]] >= 0;
		for (j = 0; any && j < 4 && groups[i][j] >= 0; j++)
			if (a->col[groups[i][j]] < 0) {
				diag_at(name, 1, column_names[groups[i][j]],
				    "no such column in the header");
				return -1;
			}
		if (i == 0)
			a->has_repeat = any;
		else
			a->has_outcomes = any;
	}
	a->has_rural = a->col[C_RURAL] >= 0;
	a->started = 1;
	if (a->force_option != NULL) {
		a->force_derived = 0;
		force_setup(a, a->force_option);
		if (a->explain)
			target_resolve(a);
	}
	return 0;
}

static void
agg_release(struct agg *a)
{
	size_t i;

	first_header_release(&a->header);
	for (i = 0; i < keymap_size(a->cats); i++)
		free(a->cat_name[i]);
	free(a->cat_name);
	free(a->cat_len);
	free(a->cat_measure);
	keymap_free(a->cats);
	free(a->cube);
	keymap_free(a->victims);
	keymap_free(a->vset);
	free(a->vm);
	free(a->vflags);
	free(a->areas);
	free(a->district_area);
	free(a->district_pa);
	free(a->rows);
	free(a->force);
	free(a->other_force_name);
	free(a->target.area_name);
	free(a->target.category);
	areas_free(a->table);
}

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [-r file] [--stats] --month YYYY-MM [--force name]\n"
	    "       [--areas file] [--baseline N] [--fy-start MM]\n"
	    "       [--explain key] [file ...]\n"
	    "Aggregate the record stream into the long table of measures\n"
	    "(docs/measures.md) for one force and reporting month.  With no\n"
	    "file, or '-', read stdin.\n"
	    "  -r, --rejects file   append unusable records to file\n"
	    "      --stats          print 'read N, written N, rejected N,\n"
	    "                       other_force N, measure_rows N'\n"
	    "      --month YYYY-MM  the reporting month (required)\n"
	    "      --force name     the reporting force (default: the first\n"
	    "                       record's; required with several forces)\n"
	    "      --areas file     district table (reference/areas.csv)\n"
	    "      --baseline N     control-chart baseline months, 1-120 (36)\n"
	    "      --fy-start MM    first month of the financial year (4)\n"
	    "      --explain key    list the records behind one figure:\n"
	    "                       [period,]measure,area_type,area,category\n"
	    "  -h, --help           show this help\n"
	    "      --version        show the version\n", diag_prog());
	opts_exit(fp, status);
}

int
main(int argc, char *argv[])
{
	struct agg a;
	struct member_reader members = { .start = stream_start,
	    .record = aggregate_record, .ctx = &a, .header = &a.header };
	const char *const *paths;
	const char *rejects_path = NULL, *month = NULL, *explain = NULL;
	char *areas_path = NULL, extra[96];
	int stats = 0, c, status = EXIT_OK, have_stdin = 0;
	size_t npaths, i;

	diag_init(argv[0]);
	memset(&a, 0, sizeof(a));
	a.baseline = 36;	/* DEFINITIONS.md 3 */
	a.fy_start = 4;		/* DEFINITIONS.md 3: April */
	while ((c = getopt_long(argc, argv, "hr:", long_options, NULL)) != -1) {
		switch (c) {
		case 'r':
			rejects_path = optarg;
			break;
		case OPT_STATS:
			stats = 1;
			break;
		case OPT_MONTH:
			month = optarg;
			break;
		case OPT_FORCE:
			if (*optarg == '\0')
				opts_misuse("option '--force' needs a name");
			a.force_option = optarg;
			break;
		case OPT_AREAS:
			free(areas_path);
			areas_path = xstrdup(optarg);
			break;
		case OPT_BASELINE:
			a.baseline = (int)opts_number("--baseline", optarg, 1,
			    120);
			break;
		case OPT_FY_START:
			a.fy_start = (int)opts_number("--fy-start", optarg, 1,
			    12);
			break;
		case OPT_EXPLAIN:
			explain = optarg;
			break;
		case 'h':
			usage(stdout, EXIT_OK);
		case OPT_VERSION:
			opts_version();
		default:
			opts_hint();
		}
	}
	if (month == NULL)
		opts_misuse("option '--month YYYY-MM' is required");
	if (month_parse(month, strlen(month), &a.month) < 0)
		opts_misuse("option '--month': '%s' is not a valid YYYY-MM",
		    month);
	paths = opts_inputs(argc, argv, &npaths, &have_stdin);
	if (explain != NULL) {
		a.explain = 1;
		target_parse(&a, explain);
	}

	/* The month window: the baseline, M-12 and both years to date. */
	a.fy = a.month - ((a.month % 12 - (a.fy_start - 1) + 12) % 12);
	a.lo = a.month - a.baseline;
	if (a.fy - 12 < a.lo)
		a.lo = a.fy - 12;
	a.nmonths = a.month - a.lo + 1;
	a.nslots = a.nmonths + 2;
	a.first_month = a.month + 1;
	a.cats = keymap_new();
	a.victims = keymap_new();
	a.vset = keymap_new();

	if (areas_path == NULL)
		areas_path = reference_path("areas.csv");
	a.table = areas_load(areas_path);
	free(areas_path);
	if (rejects_path != NULL)
		rejects_open(rejects_path);

	out_init(&a.out, STDOUT_FILENO, "<stdout>");
	if (a.explain)
		out_str(&a.out, "record_id,source\n");
	for (i = 0; i < npaths; i++)
		if (read_members(&members, paths[i]) != 0)
			status = EXIT_DATA;
	if (a.other_force_name != NULL)
		opts_misuse("the records name more than one force ('%s', "
		    "'%s'); choose one with --force", a.force,
		    a.other_force_name);
	if (!a.explain && a.force != NULL) {
		if (a.has_repeat)
			victims_finish(&a);
		write_table(&a);
	} else if (!a.explain)
		out_str(&a.out, "period,area_type,area,measure,category,value,"
		    "denominator,rate\n");
	out_close(&a.out);
	snprintf(extra, sizeof(extra), "other_force %llu, measure_rows %zu",
	    a.other_force, a.nrows);
	if (rejects_finish(stats, extra) != EXIT_OK)
		status = EXIT_DATA;
	agg_release(&a);
	return status;
}
