#ifndef CRIMEPIPE_REPORT_H
#define CRIMEPIPE_REPORT_H

#include <stddef.h>

#include "outbuf.h"

/*
 * A report as a document: sections holding headings, sentences, tables
 * and charts, built once and then written as Markdown, as one
 * self-contained HTML file (inline CSS and SVG, no script, nothing
 * fetched) or as JSON.  The builder (emit-summary) decides what is said;
 * this file only decides how it looks, so the three formats cannot drift
 * apart.  Everything is copied in: the caller keeps its strings.
 * Output is the same bytes for the same document (no clock, no locale).
 */

enum cell_kind {
	CELL_TEXT,	/* words: a row's name, a flag */
	CELL_NUMBER,	/* a number: shown as text, a JSON number */
	CELL_NA,	/* DEFINITIONS.md 3: a change with nothing to compare */
	CELL_MISSING	/* no figure in the input: not available */
};

struct cell {
	enum cell_kind	 kind;
	char		*text;		/* as shown: "3,738", "5.5%", "n/a" */
	char		*number;	/* CELL_NUMBER: the JSON literal "3738" */
	int		 marked;	/* rose vs the month before: shaded / ▲ */
};

struct rtable {
	char		*caption;
	size_t		 ncols, nrows, cap;
	char		**cols;
	struct cell	*cells;		/* nrows * ncols, row by row */
};

enum chart_kind { CHART_LINE, CHART_BARS };

struct rchart {
	enum chart_kind	 kind;
	char		*title;
	size_t		 n;
	char		**labels;
	long long	*value;		/* scaled (numfmt.h) */
	unsigned char	*present;
	long long	 average, upper, lower;
	int		 has_average, has_upper, has_lower;
};

enum block_kind { BLOCK_HEADING, BLOCK_TEXT, BLOCK_TABLE, BLOCK_CHART };

struct block {
	enum block_kind	 kind;
	char		*text;
	struct rtable	*table;
	struct rchart	*chart;
};

struct rsection {
	char		*id, *title;
	struct block	*blocks;
	size_t		 n, cap;
};

struct report {
	char		*title, *force, *month, *note;
	struct rsection	*sections;
	size_t		 n, cap;
};

void	report_init(struct report *r, const char *title, const char *force,
	    const char *month, const char *note);
void	report_release(struct report *r);

/* A new section (id: its JSON key, unique; title: its heading). */
struct rsection	*report_section(struct report *r, const char *id,
		    const char *title);
void		 rs_heading(struct rsection *s, const char *text);
void		 rs_text(struct rsection *s, const char *text);
/* A table with ncols columns named cols; rows are added by table_row. */
struct rtable	*rs_table(struct rsection *s, const char *caption,
		    size_t ncols, const char *const *cols);
/* A chart of n points; the caller fills labels/value/present. */
struct rchart	*rs_chart(struct rsection *s, enum chart_kind kind,
		    const char *title, size_t n);
void		 chart_label(struct rchart *c, size_t i, const char *label);

/* A new row of t: ncols cells, all CELL_MISSING until set. */
struct cell	*table_row(struct rtable *t);
void		 cell_text(struct cell *c, const char *text);
/* A number: text as shown, literal as JSON wants it. */
void		 cell_number(struct cell *c, const char *text,
		    const char *literal);
void		 cell_na(struct cell *c);

/* The text shown for a missing figure, and for DEFINITIONS.md's n/a. */
#define REPORT_MISSING	"\xe2\x80\x94"	/* an em dash */
#define REPORT_NA	"n/a"

void	report_write_md(struct outbuf *o, const struct report *r);
void	report_write_html(struct outbuf *o, const struct report *r);
void	report_write_json(struct outbuf *o, const struct report *r);

#endif
