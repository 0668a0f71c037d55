#ifndef CRIMEPIPE_AGG_H
#define CRIMEPIPE_AGG_H

/*
 * aggregate-district, split by what it does (docs/measures.md names the
 * file and function behind every measure):
 *   main.c      options -> read -> per-record step -> end step -> write
 *   setup.c     the force, its areas and the month window
 *   view.c      one record decoded once, checked, or rejected
 *   place.c     the district a record counts in (DEFINITIONS.md 1.1, 1.3)
 *   counts.c    the categories and the count cube; which figures a record
 *               adds to (DEFINITIONS.md 3.1)
 *   victims.c   victims, repeat victims and their cohorts (2.5, 3.1)
 *   coverage.c  covered months, unsupported topics, input_records (3.0)
 *   series.c    what a monthly series gives: changes, the control chart,
 *               its verdicts, the year to date (3)
 *   project.c   projections (3.2)
 *   rows.c      the rows with their denominators, sorted and written
 *   explain.c   --explain: the records behind one figure
 *
 * Memory: counts per (category, area, month), bounded by the categories
 * and the months of the window, never by records; for the victim
 * measures one set of (victim, month) keys, each with 4 flag bits per
 * area (DEFINITIONS.md 2.5: per-victim history), and 16 bytes for each
 * victim of the reporting month.  Records are never held.
 */
#include <stddef.h>
#include <stdint.h>

#include "../../common/areas.h"
#include "../../common/keymap.h"
#include "../../common/measures.h"
#include "../../common/members.h"
#include "../../common/outbuf.h"
#include "../../common/stream.h"
#include "../../common/table.h"

/* The internal counts behind denominators: never written as rows. */
enum { MS_SPAN_RECORDED = NMEASURES, MS_OUTCOMED_MONTH, MS_COHORT_TOTAL,
	NCOUNTED };

/* Input columns. */
enum {
	C_RECORD_ID, C_SOURCE, C_CRIME_COUNT, C_MONTH, C_FORCE, C_CRIME_GROUP,
	C_LSOA_CODE, C_DISTRICT, C_VICTIM_ID, C_VICTIM_TYPE, C_MARKERS,
	NREQUIRED,
	C_RECORDED_DATE = NREQUIRED, C_OFFENCE_CODE, C_OUTCOME_CODE,
	C_OUTCOME_TEXT, C_RURAL, C_RURAL_THEME,
	C_V12, C_REPEAT, C_DA_V12, C_DA_REPEAT,
	C_OUTCOME_GROUP, C_OUTCOME_SUBGROUP, C_OUTCOME_MONTH, NCOL
};
extern const char *const column_names[NCOL];

/* The columns of reference/lsoa11.csv read (setup.c). */
enum { LSOA_CODE, LSOA_DISTRICT_CODE, LSOA_DISTRICT };

enum area_type { AT_FORCE, AT_POLICING, AT_DISTRICT };
extern const char *const area_type_names[3];

struct area {
	enum area_type	 type;
	const char	*name;
	long long	 population, households;
};

/* Where a record counts (docs/measures.md "Placement"). */
struct placement {
	int	 areas[3];	/* force, policing area, district */
	int	 nareas;
	int	 unplaced;	/* UP_* or -1 */
};

/* One record, decoded once (view.c); its fields live until the next. */
struct rec_view {
	const struct record *rec;
	int		 month;
	int		 cc;		/* crime_count */
	int		 is_force;	/* of the reporting force */
	int		 policeuk;	/* no recorded_date, no offence_code */
	int		 asb;
	const struct field *group;	/* crime_group */
	unsigned	 markers;	/* 1 << MK_* */
	int		 rural;		/* the rural column is Y */
	const struct field *theme;
	int		 victim;	/* a countable victim (2.5) */
	const struct field *victim_id;
	int		 repeat, da_repeat;
	long		 v12, da_v12;	/* -1 when empty */
	const struct field *ogroup, *osubgroup, *ocode, *otext;
	int		 outcomed;
	int		 omonth;	/* -1: none */
	struct placement place;
};

/* One figure a record adds to (counts.c). */
struct contrib {
	int		 cat;
	int		 month;		/* or -1 */
	int		 span;		/* 0, 1 or -1 */
	int		 force_only;
	long long	 weight;
};
#define MAXCONTRIB	96

/* Flags per (victim, month, area) (DEFINITIONS.md 2.5). */
enum { VF_SEEN = 1, VF_REPEAT = 2, VF_DA_SEEN = 4, VF_DA_REPEAT = 8 };

/* What a victim did in the reporting month M. */
struct victim_m {
	uint32_t	 offences_12m, da_offences_12m;	/* from its records */
	uint32_t	 records, da_records;		/* all forces */
};

/*
 * A victim record waiting for its lookup (victims.c): its key (the
 * victim_id and the month slot) and what it adds.
 */
#define VRING		16
#define VKEY_INLINE	32
struct vpending {
	uint64_t	 hash;
	long		 v12, da_v12;
	size_t		 len;
	int16_t		 areas[3];
	unsigned char	 nareas, fl, bits;
	char		 key[VKEY_INLINE];
};

/* A topic's settings from reference/topics.csv. */
struct topic_row {
	const char	*series, *direction;
	int		 projection;
};

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
	char		*text;		/* a value too long for value[] */
};

/* The months every figure is about. */
struct window {
	int		 month;		/* M */
	int		 latest;	/* --month latest */
	int		 baseline;	/* --baseline */
	int		 fy_start;	/* --fy-start */
	int		 fy;		/* M's financial year's first month */
	int		 lo;		/* first month kept */
	int		 nmonths;	/* lo..M */
	int		 nslots;	/* the months, then the two spans */
};

struct agg {
	struct outbuf	 out;
	struct window	 w;
	int		 explain, allow_empty, list_only;
	const char	*force_option;
	char		*force;
	int		 force_derived;
	char		*other_force_name;
	struct areas	*table;
	struct table	*lsoas;		/* LSOA -> LAD code, name */
	struct keymap	*lad_names;	/* every LAD code and name */
	struct keymap	*theme_names;	/* rural themes, in priority order */
	struct topic_row *topics;
	size_t		 ntopics;
	struct table	*topics_table;

	/* The stream's shape, fixed by the first usable header. */
	struct first_header header;
	long		 col[NCOL];
	int		 has_rural, has_repeat, has_outcomes;

	/* Report areas: 0 the force, then policing areas, then districts. */
	struct area	*areas;
	int		 nareas;
	int		*district_area, *district_pa;	/* per areas.csv row */

	/* Coverage (DEFINITIONS.md 3.0). */
	unsigned char	*covered;	/* per month index: a force record */
	int		 first_month, last_month;	/* of the force */
	int		 nonpoliceuk;	/* force records that are not police.uk */
	int		 has_omonth, has_asb;
	struct keymap	*inputs;	/* input names, for input_records */

	/* The count cube. */
	struct keymap	*cats;		/* measure byte + category */
	int		 cat_cache[NCOUNTED][256];	/* cat + 1, or 0 */
#define NKCAT	48
	int		 kcat[NKCAT];	/* constant categories + 1 (counts.c) */
#define NGROUP_KIND	64
	int		 group_kind[NGROUP_KIND];	/* counts.c */
	int		*cat_measure;
	char		**cat_name;
	size_t		*cat_len;
	size_t		 cat_cap, cat_name_cap, cat_len_cap;
	long long	*cube;		/* [cat][area][slot] */
	size_t		 cube_cap;
	char		*key;
	size_t		 key_cap;

	/* Victims (victims.c). */
	struct keymap	*vset;		/* victim id + month slot -> flags */
	struct victim_m	*vm;		/* the victims of M */
	size_t		 nvm, vm_cap;
	struct vpending	 vring[VRING];	/* records waiting for a lookup */
	unsigned	 vring_head, vring_n;

	struct target	 target;
	unsigned long long other_force;

	struct row	*rows;
	size_t		 nrows, rows_cap;
};

/* setup.c */
void	window_init(struct window *w);
int	force_matches(const char *a, size_t alen, const char *b, size_t blen);
void	force_setup(struct agg *a, const char *force);
int	find_area(const struct agg *a, enum area_type type, const char *name);
int	month_slot(const struct agg *a, int month);
const struct topic_row *topic_of(const struct agg *a, const char *measure,
	    const char *category);
/* Reference tables named by options; NULL: the one in reference/. */
struct ref_paths {
	const char	*areas, *lsoa, *themes, *topics;
};
void	load_references(struct agg *a, const struct ref_paths *rp);

/* view.c: 0 and v filled, or -1 after rejecting the record. */
int	view_record(struct agg *a, struct record *rec, struct rec_view *v);
const struct field *col(const struct agg *a, const struct record *rec,
	    int which);

/* place.c */
void	place_record(const struct agg *a, const struct record *rec,
	    struct placement *pl);

/* counts.c */
int	cat_get(struct agg *a, int measure, const char *name, size_t len,
	    int insert);
int	cat_str(struct agg *a, int measure, const char *name);
long long cube_get(const struct agg *a, int cat, int area, int slot);
long long cube_get_str(struct agg *a, int measure, const char *name,
	    int area, int slot);
void	static_categories(struct agg *a);
int	record_contributions(struct agg *a, const struct rec_view *v,
	    struct contrib *c);
void	count_record(struct agg *a, const struct rec_view *v);

/* victims.c */
void	victim_record(struct agg *a, const struct rec_view *v);
void	victims_finish(struct agg *a);

/* coverage.c */
void	coverage_record(struct agg *a, const struct rec_view *v);
int	is_covered(const struct agg *a, int month);
int	topic_supported(const struct agg *a, int topic);
int	measure_supported(const struct agg *a, int measure,
	    const char *category);
int	check_reporting_month(struct agg *a);
void	coverage_rows(struct agg *a);
/* --list-months: the covered months, one a line. */
void	list_months(struct agg *a);

/* series.c */
void	series_rows(struct agg *a, int cat, int area, const char *series,
	    int base);
int	baseline_start(const struct agg *a, int measure);

/* project.c: the force-level projections of a series (month_series). */
struct month_series;
void	projection_rows(struct agg *a, int cat, const char *series,
	    const struct month_series *s);

/* rows.c */
struct row *row_new(struct agg *a, const char *period, int area,
	    const char *measure, const char *category);
/* A long value (a span list): r takes text, a malloc'd string. */
void	row_text(struct row *r, char *text);
void	count_row(struct agg *a, int cat, int area, int slot,
	    const char *period);
void	span_text(int from, int to, char out[18]);
/* The table: counts 0 writes the coverage rows only. */
void	write_table(struct agg *a, int counts);
void	span_label(const struct agg *a, int s, char out[18]);

/* explain.c */
void	target_parse(struct agg *a, const char *text);
void	target_resolve(struct agg *a);
void	explain_record(struct agg *a, const struct rec_view *v);

#endif
