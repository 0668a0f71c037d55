#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "numfmt.h"
#include "svg.h"
#include "xalloc.h"

void
report_init(struct report *r, const char *title, const char *force,
    const char *month, const char *note)
{
	memset(r, 0, sizeof(*r));
	r->title = xstrdup(title);
	r->force = xstrdup(force);
	r->month = xstrdup(month);
	r->note = xstrdup(note);
}

static void
cell_free(struct cell *c)
{
	free(c->text);
	free(c->number);
}

static void
table_free(struct rtable *t)
{
	size_t i;

	free(t->caption);
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	for (i = 0; i < t->nrows * t->ncols; i++)
		cell_free(&t->cells[i]);
	free(t->cells);
	free(t);
}

static void
chart_free(struct rchart *c)
{
	size_t i;

	free(c->title);
	for (i = 0; i < c->n; i++)
		free(c->labels[i]);
	free(c->labels);
	free(c->value);
	free(c->present);
	free(c);
}

void
report_release(struct report *r)
{
	struct rsection *s;
	struct block *b;
	size_t i, j;

	for (i = 0; i < r->n; i++) {
		s = &r->sections[i];
		for (j = 0; j < s->n; j++) {
			b = &s->blocks[j];
			free(b->text);
			if (b->table != NULL)
				table_free(b->table);
			if (b->chart != NULL)
				chart_free(b->chart);
		}
		free(s->blocks);
		free(s->id);
		free(s->title);
	}
	free(r->sections);
	free(r->title);
	free(r->force);
	free(r->month);
	free(r->note);
}

struct rsection *
report_section(struct report *r, const char *id, const char *title)
{
	struct rsection *s;

	r->sections = xgrow(r->sections, &r->cap, r->n + 1, sizeof(*s));
	s = &r->sections[r->n++];
	memset(s, 0, sizeof(*s));
	s->id = xstrdup(id);
	s->title = xstrdup(title);
	return s;
}

static struct block *
new_block(struct rsection *s, enum block_kind kind)
{
	struct block *b;

	s->blocks = xgrow(s->blocks, &s->cap, s->n + 1, sizeof(*b));
	b = &s->blocks[s->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

void
rs_heading(struct rsection *s, const char *text)
{
	new_block(s, BLOCK_HEADING)->text = xstrdup(text);
}

void
rs_text(struct rsection *s, const char *text)
{
	new_block(s, BLOCK_TEXT)->text = xstrdup(text);
}

struct rtable *
rs_table(struct rsection *s, const char *caption, size_t ncols,
    const char *const *cols)
{
	struct rtable *t = xcalloc(1, sizeof(*t));
	size_t i;

	t->caption = xstrdup(caption);
	t->ncols = ncols;
	t->cols = xmalloc(ncols * sizeof(char *));
	for (i = 0; i < ncols; i++)
		t->cols[i] = xstrdup(cols[i]);
	new_block(s, BLOCK_TABLE)->table = t;
	return t;
}

struct rchart *
rs_chart(struct rsection *s, enum chart_kind kind, const char *title,
    size_t n)
{
	struct rchart *c = xcalloc(1, sizeof(*c));

	c->kind = kind;
	c->title = xstrdup(title);
	c->n = n;
	c->labels = xcalloc(n, sizeof(char *));
	c->value = xcalloc(n, sizeof(long long));
	c->present = xcalloc(n, 1);
	new_block(s, BLOCK_CHART)->chart = c;
	return c;
}

void
chart_label(struct rchart *c, size_t i, const char *label)
{
	free(c->labels[i]);
	c->labels[i] = xstrdup(label);
}

struct cell *
table_row(struct rtable *t)
{
	struct cell *row;
	size_t i;

	t->cells = xgrow(t->cells, &t->cap, (t->nrows + 1) * t->ncols,
	    sizeof(struct cell));
	row = &t->cells[t->nrows++ * t->ncols];
	for (i = 0; i < t->ncols; i++) {
		row[i].kind = CELL_MISSING;
		row[i].text = xstrdup(REPORT_MISSING);
		row[i].number = NULL;
		row[i].marked = 0;
	}
	return row;
}

void
cell_text(struct cell *c, const char *text)
{
	cell_free(c);
	c->kind = CELL_TEXT;
	c->text = xstrdup(text);
	c->number = NULL;
}

void
cell_number(struct cell *c, const char *text, const char *literal)
{
	cell_free(c);
	c->kind = CELL_NUMBER;
	c->text = xstrdup(text);
	c->number = xstrdup(literal);
}

void
cell_na(struct cell *c)
{
	cell_free(c);
	c->kind = CELL_NA;
	c->text = xstrdup(REPORT_NA);
	c->number = NULL;
}

/* ---- Markdown ---- */

/* Text in a table cell: a '|' would end the cell, a newline the row. */
static void
md_cell(struct outbuf *o, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|')
			out_str(o, "\\|");
		else if (*s == '\n' || *s == '\r')
			out_putc(o, ' ');
		else
			out_putc(o, *s);
	}
}

static void
md_table(struct outbuf *o, const struct rtable *t)
{
	const struct cell *c;
	size_t i, j;

	if (t->caption[0] != '\0') {
		out_str(o, "**");
		md_cell(o, t->caption);
		out_str(o, "**\n\n");
	}
	out_putc(o, '|');
	for (j = 0; j < t->ncols; j++) {
		out_putc(o, ' ');
		md_cell(o, t->cols[j]);
		out_str(o, " |");
	}
	out_str(o, "\n|");
	for (j = 0; j < t->ncols; j++)
		out_str(o, j == 0 ? "---|" : "---:|");
	out_putc(o, '\n');
	for (i = 0; i < t->nrows; i++) {
		out_putc(o, '|');
		for (j = 0; j < t->ncols; j++) {
			c = &t->cells[i * t->ncols + j];
			out_putc(o, ' ');
			md_cell(o, c->text);
			if (c->marked)
				out_str(o, " \xe2\x96\xb2");	/* ▲ */
			out_str(o, " |");
		}
		out_putc(o, '\n');
	}
	out_putc(o, '\n');
}

/*
 * Markdown has no charts: a line chart's figures are given as a table;
 * a bar chart is left out, since its figures are in a table already.
 */
static void
md_chart(struct outbuf *o, const struct rchart *c)
{
	char num[64];
	size_t i;

	if (c->kind == CHART_BARS)
		return;
	out_str(o, "**");
	md_cell(o, c->title);
	out_str(o, "**\n\n|");
	for (i = 0; i < c->n; i++) {
		out_putc(o, ' ');
		md_cell(o, c->labels[i]);
		out_str(o, " |");
	}
	out_str(o, "\n|");
	for (i = 0; i < c->n; i++)
		out_str(o, "---:|");
	out_str(o, "\n|");
	for (i = 0; i < c->n; i++) {
		out_putc(o, ' ');
		out_str(o, c->present[i] ? num_format(num, sizeof(num),
		    c->value[i], 0, 1) : REPORT_MISSING);
		out_str(o, " |");
	}
	out_str(o, "\n\n");
	if (c->has_average || c->has_upper || c->has_lower) {
		out_str(o, "Monthly average ");
		out_str(o, c->has_average ? num_format(num, sizeof(num),
		    c->average, 1, 1) : REPORT_MISSING);
		out_str(o, "; control limits ");
		out_str(o, c->has_lower ? num_format(num, sizeof(num),
		    c->lower, 1, 1) : REPORT_MISSING);
		out_str(o, " to ");
		out_str(o, c->has_upper ? num_format(num, sizeof(num),
		    c->upper, 1, 1) : REPORT_MISSING);
		out_str(o, ".\n\n");
	}
}

void
report_write_md(struct outbuf *o, const struct report *r)
{
	const struct rsection *s;
	const struct block *b;
	size_t i, j;

	out_str(o, "# ");
	out_str(o, r->title);
	out_str(o, "\n\n");
	out_str(o, r->note);
	out_str(o, "\n\n");
	for (i = 0; i < r->n; i++) {
		s = &r->sections[i];
		out_str(o, "## ");
		out_str(o, s->title);
		out_str(o, "\n\n");
		for (j = 0; j < s->n; j++) {
			b = &s->blocks[j];
			switch (b->kind) {
			case BLOCK_HEADING:
				out_str(o, "### ");
				out_str(o, b->text);
				out_str(o, "\n\n");
				break;
			case BLOCK_TEXT:
				out_str(o, b->text);
				out_str(o, "\n\n");
				break;
			case BLOCK_TABLE:
				md_table(o, b->table);
				break;
			case BLOCK_CHART:
				md_chart(o, b->chart);
				break;
			}
		}
	}
}

/* ---- HTML ---- */

/*
 * Print rules: A4 pages; headings stay with what follows them; a table
 * row, a chart and a caption never split across pages; table headers
 * repeat on every page a table spans.
 */
static const char html_style[] =
"@page { size: A4; margin: 14mm 12mm; }\n"
"body { font-family: sans-serif; font-size: 10pt; color: #111;"
" max-width: 186mm; margin: 0 auto; padding: 0 4mm; }\n"
"h1 { font-size: 16pt; margin-bottom: 2pt; }\n"
"p.note { color: #444; margin-top: 0; }\n"
"h2 { font-size: 13pt; border-bottom: 1px solid #888;"
" margin-top: 18pt; break-after: avoid; page-break-after: avoid; }\n"
"h3 { font-size: 11pt; break-after: avoid; page-break-after: avoid; }\n"
"table { border-collapse: collapse; margin: 4pt 0 10pt;"
" font-size: 8.5pt; page-break-inside: auto; }\n"
"caption { text-align: left; font-weight: bold; padding: 2pt 0;"
" caption-side: top; }\n"
"th, td { border: 1px solid #bbb; padding: 2pt 4pt; }\n"
"th { background: #e8edf3; font-weight: bold; }\n"
"th[scope=row] { text-align: left; font-weight: normal; background: #f4f6f9; }\n"
"thead { display: table-header-group; }\n"
"tr { break-inside: avoid; page-break-inside: avoid; }\n"
"td.n { text-align: right; font-variant-numeric: tabular-nums;"
" white-space: nowrap; }\n"
"td.up { background: #f4c7bd; }\n"
"td.m { color: #777; text-align: center; }\n"
"svg.chart { display: block; width: 100%; max-width: 170mm; height: auto;"
" margin: 4pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }\n"
"svg text { font-family: sans-serif; font-size: 10px; fill: #222; }\n"
"svg .ct { font-size: 13px; font-weight: bold; }\n"
"svg .grid { stroke: #ddd; stroke-width: 1; }\n"
"svg .series { fill: none; stroke: #1f4e79; stroke-width: 2; }\n"
"svg .pt { fill: #1f4e79; }\n"
"svg .avg { stroke: #555; stroke-width: 1.5; stroke-dasharray: 6 3; }\n"
"svg .lim { stroke: #c0392b; stroke-width: 1; stroke-dasharray: 2 3; }\n"
"svg .xl, svg .bv { text-anchor: middle; }\n"
"svg .yl, svg .hl { text-anchor: end; }\n"
"svg .hl { font-size: 9px; fill: #555; }\n"
"svg .bar { fill: #1f4e79; }\n"
"@media print { body { max-width: none; padding: 0; }"
" h2 { break-before: auto; } }\n";

static void
html_table(struct outbuf *o, const struct rtable *t)
{
	const struct cell *c;
	size_t i, j;

	out_str(o, "<table>\n");
	if (t->caption[0] != '\0') {
		out_str(o, "<caption>");
		html_escape(o, t->caption);
		out_str(o, "</caption>\n");
	}
	out_str(o, "<thead><tr>");
	for (j = 0; j < t->ncols; j++) {
		out_str(o, "<th scope=\"col\">");
		html_escape(o, t->cols[j]);
		out_str(o, "</th>");
	}
	out_str(o, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < t->nrows; i++) {
		out_str(o, "<tr>");
		for (j = 0; j < t->ncols; j++) {
			c = &t->cells[i * t->ncols + j];
			if (j == 0)
				out_str(o, "<th scope=\"row\">");
			else if (c->kind == CELL_MISSING ||
			    c->kind == CELL_NA)
				out_str(o, "<td class=\"m\">");
			else if (c->kind == CELL_NUMBER)
				out_str(o, c->marked ? "<td class=\"n up\">" :
				    "<td class=\"n\">");
			else
				out_str(o, "<td>");
			html_escape(o, c->text);
			if (c->marked)
				out_str(o, " \xe2\x96\xb2");
			out_str(o, j == 0 ? "</th>" : "</td>");
		}
		out_str(o, "</tr>\n");
	}
	out_str(o, "</tbody>\n</table>\n");
}

static void
html_chart(struct outbuf *o, const struct rchart *c)
{
	struct svg_line line;
	struct svg_bars bars;

	if (c->kind == CHART_BARS) {
		bars.title = c->title;
		bars.n = c->n;
		bars.labels = (const char *const *)c->labels;
		bars.value = c->value;
		svg_bar_chart(o, &bars);
		return;
	}
	line.title = c->title;
	line.n = c->n;
	line.labels = (const char *const *)c->labels;
	line.value = c->value;
	line.present = c->present;
	line.average = c->average;
	line.upper = c->upper;
	line.lower = c->lower;
	line.has_average = c->has_average;
	line.has_upper = c->has_upper;
	line.has_lower = c->has_lower;
	svg_line_chart(o, &line);
}

void
report_write_html(struct outbuf *o, const struct report *r)
{
	const struct rsection *s;
	const struct block *b;
	size_t i, j;

	out_str(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>");
	html_escape(o, r->title);
	out_str(o, "</title>\n<style>\n");
	out_str(o, html_style);
	out_str(o, "</style>\n</head>\n<body>\n<h1>");
	html_escape(o, r->title);
	out_str(o, "</h1>\n<p class=\"note\">");
	html_escape(o, r->note);
	out_str(o, "</p>\n");
	for (i = 0; i < r->n; i++) {
		s = &r->sections[i];
		out_str(o, "<section id=\"");
		html_escape(o, s->id);
		out_str(o, "\">\n<h2>");
		html_escape(o, s->title);
		out_str(o, "</h2>\n");
		for (j = 0; j < s->n; j++) {
			b = &s->blocks[j];
			switch (b->kind) {
			case BLOCK_HEADING:
				out_str(o, "<h3>");
				html_escape(o, b->text);
				out_str(o, "</h3>\n");
				break;
			case BLOCK_TEXT:
				out_str(o, "<p>");
				html_escape(o, b->text);
				out_str(o, "</p>\n");
				break;
			case BLOCK_TABLE:
				html_table(o, b->table);
				break;
			case BLOCK_CHART:
				html_chart(o, b->chart);
				break;
			}
		}
		out_str(o, "</section>\n");
	}
	out_str(o, "</body>\n</html>\n");
}

/* ---- JSON ---- */

static void
json_string(struct outbuf *o, const char *s)
{
	char esc[8];

	out_putc(o, '"');
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\') {
			out_putc(o, '\\');
			out_putc(o, (char)ch);
		} else if (ch < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", ch);
			out_str(o, esc);
		} else
			out_putc(o, (char)ch);
	}
	out_putc(o, '"');
}

static void
json_cell(struct outbuf *o, const struct cell *c)
{
	switch (c->kind) {
	case CELL_NUMBER:
		out_str(o, c->number);
		break;
	case CELL_TEXT:
		json_string(o, c->text);
		break;
	case CELL_NA:
		json_string(o, REPORT_NA);
		break;
	case CELL_MISSING:
		out_str(o, "null");
		break;
	}
}

static void
json_table(struct outbuf *o, const struct rtable *t)
{
	size_t i, j, marks = 0;

	out_str(o, "{\"table\": {\"caption\": ");
	json_string(o, t->caption);
	out_str(o, ", \"columns\": [");
	for (j = 0; j < t->ncols; j++) {
		if (j > 0)
			out_str(o, ", ");
		json_string(o, t->cols[j]);
	}
	out_str(o, "], \"rows\": [");
	for (i = 0; i < t->nrows; i++) {
		out_str(o, i > 0 ? ",\n        [" : "\n        [");
		for (j = 0; j < t->ncols; j++) {
			if (j > 0)
				out_str(o, ", ");
			json_cell(o, &t->cells[i * t->ncols + j]);
		}
		out_putc(o, ']');
	}
	out_str(o, "]");
	/* Cells that rose vs the month before, as [row, column]. */
	for (i = 0; i < t->nrows * t->ncols; i++) {
		char pair[64];

		if (!t->cells[i].marked)
			continue;
		snprintf(pair, sizeof(pair), "%s[%zu, %zu]", marks++ ?
		    ", " : ", \"rose\": [", i / t->ncols, i % t->ncols);
		out_str(o, pair);
	}
	if (marks > 0)
		out_putc(o, ']');
	out_str(o, "}}");
}

static void
json_scaled(struct outbuf *o, int has, long long v)
{
	char num[64];

	out_str(o, has ? num_plain(num, sizeof(num), v) : "null");
}

static void
json_chart(struct outbuf *o, const struct rchart *c)
{
	size_t i;

	out_str(o, "{\"chart\": {\"type\": ");
	json_string(o, c->kind == CHART_LINE ? "line" : "bars");
	out_str(o, ", \"title\": ");
	json_string(o, c->title);
	out_str(o, ", \"labels\": [");
	for (i = 0; i < c->n; i++) {
		if (i > 0)
			out_str(o, ", ");
		json_string(o, c->labels[i]);
	}
	out_str(o, "], \"values\": [");
	for (i = 0; i < c->n; i++) {
		if (i > 0)
			out_str(o, ", ");
		json_scaled(o, c->present[i], c->value[i]);
	}
	out_str(o, "]");
	if (c->kind == CHART_LINE) {
		out_str(o, ", \"average\": ");
		json_scaled(o, c->has_average, c->average);
		out_str(o, ", \"upper\": ");
		json_scaled(o, c->has_upper, c->upper);
		out_str(o, ", \"lower\": ");
		json_scaled(o, c->has_lower, c->lower);
	}
	out_str(o, "}}");
}

void
report_write_json(struct outbuf *o, const struct report *r)
{
	const struct rsection *s;
	const struct block *b;
	size_t i, j;

	out_str(o, "{\n  \"title\": ");
	json_string(o, r->title);
	out_str(o, ",\n  \"force\": ");
	json_string(o, r->force);
	out_str(o, ",\n  \"month\": ");
	json_string(o, r->month);
	out_str(o, ",\n  \"note\": ");
	json_string(o, r->note);
	out_str(o, ",\n  \"sections\": {");
	for (i = 0; i < r->n; i++) {
		s = &r->sections[i];
		out_str(o, i > 0 ? ",\n    " : "\n    ");
		json_string(o, s->id);
		out_str(o, ": {\n      \"title\": ");
		json_string(o, s->title);
		out_str(o, ",\n      \"content\": [");
		for (j = 0; j < s->n; j++) {
			b = &s->blocks[j];
			out_str(o, j > 0 ? ",\n      " : "\n      ");
			switch (b->kind) {
			case BLOCK_HEADING:
				out_str(o, "{\"heading\": ");
				json_string(o, b->text);
				out_putc(o, '}');
				break;
			case BLOCK_TEXT:
				out_str(o, "{\"text\": ");
				json_string(o, b->text);
				out_putc(o, '}');
				break;
			case BLOCK_TABLE:
				json_table(o, b->table);
				break;
			case BLOCK_CHART:
				json_chart(o, b->chart);
				break;
			}
		}
		out_str(o, s->n > 0 ? "\n      ]\n    }" : "]\n    }");
	}
	out_str(o, r->n > 0 ? "\n  }\n}\n" : "}\n}\n");
}
