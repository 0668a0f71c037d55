#ifndef EMIT_H
#define EMIT_H

/*
 * emit-summary's parts, as a pipeline of their own (README "Layout"):
 *
 *   main.c        options -> read -> build -> write
 *   longtable.c   reading the long table (docs/measures.md), finding rows
 *   topics.c      reference/topics.csv and the outcome codes: what users edit
 *   facts.c       what the table says about itself: coverage, the police.uk
 *                 case, unsupported topics, the topics of the report
 *   words.c       the sentence rules of docs/report.md
 *   cells.c       figures into table cells and chart points, with their refs
 *   sections.c    the section descriptors {id, title, builder}, in order
 *   sec_*.c       the builders: crime, topic blocks, people, places, notes
 *   quality.c     the Data quality section (--run-rejects, --run-log)
 *   doc.c         the document model; render_md.c, render_html.c (with
 *                 svg.c), render_json.c: one renderer per format
 *   atomic.c      -o: a temporary file, renamed over the target at the end
 *
 * Ownership: the summary owns the rows (and every string in them) until
 * summary_release(); topics, figrefs and the document point into them.
 */

#include <stddef.h>

#include "../../common/measures.h"
#include "../../common/outbuf.h"
#include "doc.h"

enum format { FMT_MD, FMT_HTML, FMT_CSV, FMT_JSON };

/* How the report cites the definitions (docs/definitions.md): "§3.2". */
#define DEF_SEC		"definitions \xc2\xa7"

/* What main() was asked (main.c). */
struct settings {
	enum format	 format;
	const char	*out_path, *rejects_path, *title;
	const char	*stream;	/* the kept stream --explain commands name */
	const char	*topics_path, *outcomes_path;
	const char	**run_rejects, **run_logs;
	size_t		 nrun_rejects, nrun_logs;
	int		 month;		/* -1: the latest month in the table */
	int		 chart_months;	/* months on a control chart */
	int		 stats;
};

/* The long table's columns (docs/measures.md "Format"). */
enum { F_PERIOD, F_AREA_TYPE, F_AREA, F_MEASURE, F_CATEGORY, F_VALUE,
	F_DENOM, F_RATE, NF };
extern const char *const lt_columns[NF];

/* One row of the table, kept whole: the table is small (DEF 3). */
struct row {
	char		*f[NF];
	char		*raw;		/* the record's bytes, for --format csv */
	size_t		 rawlen;
	const char	*source;	/* owned by summary.sources */
	unsigned long	 line;
	size_t		 seq;		/* input order */
	int		 start, end;	/* the period's months */
	int		 span;		/* written as YYYY-MM..YYYY-MM */
	int		 used;		/* the report shows it */
};

/* A topic's improvement direction (DEFINITIONS.md 3, topics.csv). */
enum direction { DIR_DOWN, DIR_UP, DIR_NEUTRAL };

/* A series the report talks about: a measure and a category. */
struct topic {
	char		*measure, *category;	/* copies */
	char		*label;			/* "Total recorded crime" */
	char		*unit, *units;		/* "offence", "offences" */
	enum direction	 direction;
	int		 projected;		/* topics.csv projection = Y */
	char		**signs;		/* signs of improvement */
	size_t		 nsigns;
	int		 generic;		/* "<Label> was <n>" */
};

struct topics;		/* reference/topics.csv (topics.c) */
struct quality;		/* the Data quality inputs (quality.c) */

struct summary {
	const struct settings *set;
	struct row	**rows;		/* sorted by lookup key (longtable.c) */
	size_t		 n, cap;
	char		**sources;
	size_t		 nsources, sources_cap;
	const char	*member;	/* the member being read (in sources) */
	int		 month;		/* M */
	const char	*force;
	const char	**pas, **districts;
	size_t		 npas, ndistricts;
	int		 policeuk;	/* coverage: no victims, no codes */
	int		 text_outcomes;	/* coverage: approximated outcomes */
	const char	*unsupported[NTOPIC_SUPPORT];	/* the reason, or NULL */
	struct topics	*topics;
	char		*group_codes[8];	/* per outcome_groups[]: "OC14, 18" */
	struct topic	**all;		/* every topic made, for release */
	size_t		 nall, all_cap;
	struct quality	*quality;
	struct doc	 doc;
};

/* ---- longtable.c ---- */
int		 lt_read(struct summary *s, const char *path);
void		 lt_index(struct summary *s);
void		 lt_find_areas(struct summary *s);
int		 lt_latest_month(const struct summary *s);
/*
 * The row for (area_type, area, measure, category) whose period ends in
 * end: a single month when span is 0, a span (any start) when 1; NULL
 * when there is none.  A row found is marked used.
 */
struct row	*lt_get(struct summary *s, const char *at, const char *area,
		    const char *measure, const char *category, int end,
		    int span);
/* A force-level month. */
struct row	*lt_force(struct summary *s, const char *measure,
		    const char *category, int month);
/* The span row with the latest end <= before (baselines). */
struct row	*lt_span_last(struct summary *s, const char *at,
		    const char *area, const char *measure, const char *category,
		    int before);
/* A derived row: category "measure:category" (DEF 3.1). */
struct row	*lt_derived(struct summary *s, const char *at, const char *area,
		    const char *derived, const struct topic *t, int end,
		    int span);
/* The derived span row of t with the latest end <= before. */
struct row	*lt_derived_last(struct summary *s, const char *at,
		    const char *area, const char *derived,
		    const struct topic *t, int before);
/* The derived baseline rows (monthly_average, control_*) of t. */
struct row	*lt_baseline(struct summary *s, const char *at, const char *area,
		    const char *derived, const struct topic *t);
/* Every row of one series, by period (array freed by the caller). */
size_t		 lt_series(struct summary *s, const char *at, const char *area,
		    const char *measure, const char *category,
		    struct row ***out);
/* The categories of a measure at one area, in byte order (array freed by
 * the caller; the strings belong to the rows). */
size_t		 lt_categories(const struct summary *s, const char *at,
		    const char *area, const char *measure, const char ***out);
/* 1 and *v (scaled, numfmt.h) when field f of r is a number. */
int		 lt_num(const struct row *r, int f, long long *v);
/* 1 when any row of the measure exists at that area type. */
int		 lt_any(const struct summary *s, const char *at,
		    const char *measure, const char *category);
/* The figref of field f of r, with its --explain command. */
struct figref	*lt_ref(const struct summary *s, const struct row *r, int f);
size_t		 lt_write_csv(struct summary *s, struct outbuf *o);
size_t		 lt_used(const struct summary *s);
void		 lt_release(struct summary *s);

/* ---- topics.c ---- */
void		 topics_load(struct summary *s, const char *path);
void		 outcome_codes_load(struct summary *s, const char *path);
/* The topic of (measure, category), made from topics.csv. */
const struct topic *topic_get(struct summary *s, const char *measure,
		    const char *category);
void		 topics_release(struct summary *s);

/* ---- facts.c ---- */
void		 facts_find(struct summary *s);
/* The coverage count of M, or -1 when not in the table. */
long long	 facts_coverage(struct summary *s, const char *what);
int		 facts_asb_recorded(struct summary *s);
/* 1 when topic t is flagged at the force: exceptional or a special
 * cause this month. */
int		 facts_flagged(struct summary *s, const struct topic *t);
/* The crime groups of the force: DEF 2.2 order, then others. */
size_t		 facts_groups(struct summary *s, const char **out, size_t max,
		    int district);
/* The rural themes: rural_crime categories that are no crime group. */
size_t		 facts_themes(struct summary *s, const char ***out);
/* 1 when month m is covered (coverage/months), 0 when not, -1 unknown. */
int		 facts_covered(struct summary *s, int m);
/* The covered months as the table lists them, or NULL. */
const char	*facts_months(struct summary *s);
/* The covered months of a partial year to date (coverage/ytd), or
 * NULL when the span is whole or nothing says. */
const char	*facts_ytd_partial(struct summary *s, const struct row *ytd);

/* ---- words.c: months and numbers ---- */
const char	*month_name(int m);			/* "December" */
char		*month_long(char out[24], int m);	/* "December 2019" */
char		*month_short(char out[16], int m);	/* "Dec 2019" */
char		*month_tick(char out[16], int m);	/* "Dec-19" */
char		*span_label(char out[48], int start, int end);
/* A span list ("2016-12..2019-11,2020-01") in words ("Dec 2016 –
 * Nov 2019, Jan 2020"). */
char		*span_list_text(char *out, size_t outsz, const char *list);
/* A figure as shown: its own decimals, with separators (rule 1). */
char		*show(char out[80], const char *value);
/* A count's average: whole (rule 5); other topics keep the decimal. */
char		*show_average(char out[80], const struct row *avg,
		    const struct topic *t);

/* ---- words.c: sentences (docs/report.md "Wording rules") ---- */
struct para	*say_topic(struct summary *s, const struct topic *t,
		    const char *at, const char *area);
void		 say_area(struct summary *s, struct para *p,
		    const struct topic *t, const char *at, const char *area);
/* The special cause in words: "7 months in a row above the average". */
char		*say_reason(struct summary *s, const struct topic *t,
		    const char *at, const char *area);
/* The variation verdict of M in words, appended to p (rule 5b). */
void		 say_verdict(struct summary *s, struct para *p,
		    const struct topic *t, const char *at, const char *area);
struct para	*say_projection(struct summary *s, const struct topic *t);
/* "a" or "an" before a number read aloud ("an 8.8%"). */
const char	*article(const char *number);
/* "an increase", "a 5.5% increase", "no change" (rule 3). */
void		 say_change(struct summary *s, struct para *p, long long v,
		    long long prev, struct row *change);

/* ---- cells.c ---- */
/* How a figure is shown in a cell. */
enum show_as { AS_IS, AS_PCT, AS_WHOLE };
void		 cell_fig(const struct summary *s, struct cell *c,
		    const struct row *r, int f, enum show_as as);
void		 cell_word(const struct summary *s, struct cell *c,
		    const struct row *r);
void		 cell_variation(struct summary *s, struct cell *c,
		    const struct topic *t, const char *at, const char *area);
/* A figure in a sentence, with its ref. */
void		 para_row(const struct summary *s, struct para *p,
		    const struct row *r, int f, enum show_as as);
/* "<f1> (<f2>)" of r in a sentence: "87 (12.1%)". */
void		 para_pair(const struct summary *s, struct para *p,
		    const struct row *r, int f1, enum show_as a1, int f2,
		    enum show_as a2);
/*
 * a / b (scaled counts) as a % to one decimal, half away from zero, in
 * integers (docs/report.md rule 8): the shares the table does not hold.
 */
char		*share_of(char out[80], long long a, long long b);
/* part / whole in a cell, its ref the part's row with field named so. */
void		 cell_share(const struct summary *s, struct cell *c,
		    const struct row *part, const struct row *whole,
		    const char *field);
enum icon	 icon_of(const char *variation);
/* Fill point i of series se from field f of r. */
int		 point_set(const struct summary *s, struct series *se, size_t i,
		    const struct row *r, int f);

/* ---- sections.c and the builders (sec_*.c) ---- */
typedef void	 section_builder(struct summary *s, struct dsection *sec);
struct section_desc {
	const char	*id, *title;
	section_builder	*build;
	int		 wide;		/* landscape pages */
};
extern const struct section_desc sections[];
void		 sections_build(struct summary *s);

section_builder	 sec_headline, sec_total, sec_districts, sec_breakdown,
		 sec_annual, sec_groups, sec_repeat, sec_markers,
		 sec_outcomes, sec_rural, sec_asb, sec_other, sec_notes,
		 sec_quality;

/* sec_topic.c: the block every topic gets (docs/report.md). */
void		 topic_block(struct summary *s, struct dsection *sec,
		    const struct topic *t);
void		 topic_areas(struct summary *s, struct dsection *sec,
		    const struct topic *t);
void		 control_chart(struct summary *s, struct dsection *sec,
		    const struct topic *t);
void		 projection_chart(struct summary *s, struct dsection *sec,
		    const struct topic *t);
void		 signs_list(struct summary *s, struct dsection *sec,
		    const struct topic *t);
/* The topics the summary always reports, in its order (sec_topic.c). */
extern const char *const group_topics[];

/* ---- quality.c ---- */
int		 quality_read(struct summary *s);
void		 quality_release(struct summary *s);

/* ---- render_*.c ---- */
void		 render_md(struct outbuf *o, const struct doc *d);
void		 render_html(struct outbuf *o, const struct doc *d);
void		 render_json(struct outbuf *o, const struct summary *s,
		    const struct doc *d);

/* ---- atomic.c: the one temp-file-then-rename writer ---- */
/* The descriptor to write path through (exits 1 when it cannot). */
int		 atomic_open(const char *path);
/* fsync the temporary before it is closed; -1 after a message. */
int		 atomic_sync(int fd);
/*
 * With status 0 rename the temporary over path; otherwise remove it,
 * saying "path: not written, since <why>".  Returns the status.
 */
int		 atomic_finish(const char *path, int status, const char *why);

#endif
