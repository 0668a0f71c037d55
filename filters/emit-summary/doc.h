#ifndef EMIT_DOC_H
#define EMIT_DOC_H

#include <stddef.h>

/*
 * The report as a document (as mandoc keeps a parse tree between its
 * parsers and its formatters): sections holding headings, paragraphs,
 * lists, tables and charts, built once by the section builders and then
 * written by one renderer per format (render_md.c, render_html.c,
 * render_json.c).  The builders decide what is said; the renderers only
 * how it looks, so the formats cannot drift apart.
 *
 * Ownership: the document owns every string it holds (copied in), except
 * the five key strings of a figref, which point into the long table's
 * rows (longtable.c): the caller keeps the table until doc_release().
 * Output is the same bytes for the same document (no clock, no locale).
 */

/* The long-table row a figure comes from (docs/measures.md "Format"). */
struct figref {
	const char	*key[5];	/* period, area_type, area, measure, category */
	const char	*field;		/* "value", "denominator" or "rate" */
	const char	*value;		/* that field's text in the row */
	char		*explain;	/* the aggregate-district --explain command,
					   or NULL when no record list exists */
};

enum cell_kind {
	CELL_TEXT,	/* words: a row's name, a flag */
	CELL_NUMBER,	/* a number: shown as text, a JSON number */
	CELL_NA,	/* DEFINITIONS.md 3: a change with nothing to compare */
	CELL_MISSING	/* no figure in the input: not available */
};

/* The Making Data Count variation icons (DEFINITIONS.md 3), in the order
 * of variation_names (common/measures.h) after ICON_NONE. */
enum icon { ICON_NONE, ICON_COMMON, ICON_CONCERN_HIGH, ICON_CONCERN_LOW,
	ICON_IMPROVE_HIGH, ICON_IMPROVE_LOW, ICON_NEUTRAL_HIGH,
	ICON_NEUTRAL_LOW };

struct cell {
	enum cell_kind	 kind;
	char		*text;		/* as shown: "3,738", "5.5%", "n/a" */
	char		*number;	/* CELL_NUMBER: the JSON literal */
	int		 marked;	/* rose vs the month before: shaded, ▲ */
	int		 red;		/* rated red (DEFINITIONS.md 3.2) */
	enum icon	 icon;
	struct figref	*ref;		/* NULL for a label */
};

/* A run of column headings under one heading (the district table). */
struct colgroup {
	char	*label;
	size_t	 span;
};

struct dtable {
	char		*caption;
	size_t		 ncols, nrows, cap;
	char		**cols;
	struct colgroup	*groups;	/* ngroups, spans summing to ncols */
	size_t		 ngroups;
	struct cell	*cells;		/* nrows * ncols, row by row */
	int		 wide;		/* printed on a landscape page */
	char		*note;		/* under the table, or NULL */
};

enum chart_kind {
	CHART_CONTROL,		/* a series with its mean and limits */
	CHART_PROJECTION,	/* recorded, projection and its interval */
	CHART_BARS,		/* one bar per label */
	CHART_BARS_RATE		/* counts as bars, a % as a line */
};

/* Point classes of a control chart (docs/report.md "Charts"). */
enum point_class { PT_PLAIN, PT_CONCERN, PT_IMPROVE, PT_NEUTRAL };

/* One series of n points; values are scaled numbers (numfmt.h). */
struct series {
	long long	*v;
	unsigned char	*present;
	unsigned char	*cls;		/* enum point_class per point */
	struct figref	**ref;		/* per point, may be NULL */
};

struct dchart {
	enum chart_kind	 kind;
	char		*title;
	size_t		 n;
	char		**labels;
	struct series	 main;		/* recorded counts / bars */
	struct series	 proj, lo, hi;	/* CHART_PROJECTION */
	struct series	 rate;		/* CHART_BARS_RATE: the % line */
	long long	 mean, upper, lower;
	int		 has_mean, has_upper, has_lower;
	int		 mean_whole;	/* a count's mean: shown whole */
	size_t		 split;		/* projection: first projected month */
	char		*note;		/* under the chart, or NULL */
};

/* A figure inside a sentence: bytes [off, off + len) of the text. */
struct span {
	size_t		 off, len;
	struct figref	*ref;
};

struct para {
	char		*text;
	size_t		 len, cap;
	struct span	*spans;
	size_t		 nspans, spans_cap;
};

struct dlist {
	char		*title;		/* a lead-in, e.g. "Signs of improvement" */
	char		**items;
	size_t		 n, cap;
};

enum block_kind { BLOCK_HEADING, BLOCK_TEXT, BLOCK_LIST, BLOCK_TABLE,
	BLOCK_CHART };

struct block {
	enum block_kind	 kind;
	char		*heading;
	struct para	*para;
	struct dlist	*list;
	struct dtable	*table;
	struct dchart	*chart;
};

struct dsection {
	char		*id, *title;
	int		 wide;		/* on landscape pages */
	struct block	*blocks;
	size_t		 n, cap;
};

struct doc {
	char		*title, *force, *month, *note;
	struct dsection	*sections;
	size_t		 n, cap;
};

void		 doc_init(struct doc *d, const char *title, const char *force,
		    const char *month, const char *note);
void		 doc_release(struct doc *d);

/* A new section (id: its JSON key, unique; title: its heading). */
struct dsection	*doc_section(struct doc *d, const char *id, const char *title);
void		 doc_heading(struct dsection *s, const char *text);
/* A paragraph of plain words. */
void		 doc_text(struct dsection *s, const char *text);
/* A paragraph built with para_*(): the section takes it over. */
void		 doc_para(struct dsection *s, struct para *p);
struct dlist	*doc_list(struct dsection *s, const char *title);
void		 list_add(struct dlist *l, const char *item);
/* A table with ncols columns named cols; rows are added by dtable_row. */
struct dtable	*doc_table(struct dsection *s, const char *caption,
		    size_t ncols, const char *const *cols);
void		 dtable_group(struct dtable *t, const char *label, size_t span);
void		 dtable_note(struct dtable *t, const char *note);
/* A chart of n points, every value not present until set. */
struct dchart	*doc_chart(struct dsection *s, enum chart_kind kind,
		    const char *title, size_t n);
void		 dchart_label(struct dchart *c, size_t i, const char *label);
void		 dchart_note(struct dchart *c, const char *note);

/* A new row of t: ncols cells, all CELL_MISSING until set. */
struct cell	*dtable_row(struct dtable *t);
void		 cell_text(struct cell *c, const char *text);
/* A number: text as shown, literal as JSON wants it. */
void		 cell_number(struct cell *c, const char *text,
		    const char *literal);
void		 cell_na(struct cell *c);
/* Give the cell its source (the cell owns ref from now on). */
void		 cell_ref(struct cell *c, struct figref *ref);

/* A new figref (explain may be NULL; it is copied; key, field and value
 * are not). */
struct figref	*figref_new(const char *const key[5], const char *field,
		    const char *value, const char *explain);
struct figref	*figref_dup(const struct figref *r);
void		 figref_free(struct figref *r);

/* Sentences: text with figures marked in it. */
struct para	*para_new(void);
void		 para_printf(struct para *p, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Append text as a figure from ref (NULL: plain text); owns ref. */
void		 para_fig(struct para *p, const char *text, struct figref *ref);
void		 para_free(struct para *p);
/* Remove everything, keeping the buffer. */
void		 para_reset(struct para *p);

/* The text shown for a missing figure, and for DEFINITIONS.md's n/a. */
#define DOC_MISSING	"\xe2\x80\x94"	/* an em dash */
#define DOC_NA		"n/a"

#endif
