/*
 * The document as one self-contained HTML file (docs/report.md
 * "Formats"): inline CSS and SVG, no script, nothing fetched.  Print: A4,
 * the district comparison on a landscape page; a heading is kept with the
 * block after it, and no table, chart or list is split from its caption
 * or broken across pages (the print test checks both in Chromium).
 * Every figure carries its aggregate-district --explain command as a
 * tooltip.
 */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "esc.h"
#include "svg.h"

/* A table longer than this may break across pages, row by row. */
enum { LONG_TABLE = 36 };

static const char html_style[] =
"@page { size: A4; margin: 12mm 11mm; }\n"
"@page wide { size: A4 landscape; margin: 10mm; }\n"
"body { font-family: sans-serif; font-size: 9.5pt; color: #111;"
" max-width: 190mm; margin: 0 auto; padding: 0 4mm; }\n"
"section.wide { page: wide; max-width: none; }\n"
"h1 { font-size: 16pt; margin-bottom: 2pt; }\n"
"p.note { color: #444; margin-top: 0; }\n"
"h2 { font-size: 13pt; border-bottom: 1px solid #888; margin: 14pt 0 4pt;"
" break-after: avoid; }\n"
"h3 { font-size: 11pt; margin: 10pt 0 3pt; break-after: avoid; }\n"
"p { margin: 3pt 0 5pt; orphans: 3; widows: 3; }\n"
".keep, .tbl, figure, .list { break-inside: avoid; }\n"
".tbl.long { break-inside: auto; }\n"
".tbl { overflow-x: auto; margin: 3pt 0 8pt; }\n"
"table { border-collapse: collapse; font-size: 8pt; }\n"
"section.wide table { font-size: 6.8pt; }\n"
"caption { text-align: left; font-weight: bold; padding: 2pt 0;"
" caption-side: top; }\n"
"th, td { border: 1px solid #bbb; padding: 1.5pt 3pt; }\n"
"th { background: #e8edf3; font-weight: bold; }\n"
"th[scope=row] { text-align: left; font-weight: normal; background: #f4f6f9; }\n"
"thead { display: table-header-group; }\n"
"tr { break-inside: avoid; }\n"
"td.n { text-align: right; font-variant-numeric: tabular-nums;"
" white-space: nowrap; }\n"
"td.up { background: #f4c7bd; }\n"
"td.red { background: #c0392b; color: #fff; font-weight: bold; }\n"
"td.m { color: #777; text-align: center; }\n"
"p.tnote, figcaption { color: #444; font-size: 8pt; margin: 2pt 0 0; }\n"
"figure { margin: 4pt 0 10pt; }\n"
"ul { margin: 2pt 0 6pt; padding-left: 16pt; }\n"
"p.lead { margin-bottom: 1pt; font-weight: bold; }\n"
"span.fig { text-decoration: underline dotted #999; }\n"
"svg.chart { display: block; width: 100%; max-width: 175mm; height: auto; }\n"
"svg.vi { vertical-align: -2px; margin-right: 3px; }\n"
"td.v { white-space: nowrap; }\n"
"svg text { font-family: sans-serif; font-size: 10px; fill: #222; }\n"
"svg .ct { font-size: 12px; font-weight: bold; }\n"
"svg .vt { font-size: 12px; font-weight: bold; fill: #fff;"
" text-anchor: middle; }\n"
"svg .grid { stroke: #e3e3e3; stroke-width: 1; }\n"
"svg .series { fill: none; stroke: #a6a6a6; stroke-width: 1.5; }\n"
"svg .rec { fill: none; stroke: #1f4e79; stroke-width: 2; }\n"
"svg .proj { fill: none; stroke: #c0392b; stroke-width: 1.5;"
" stroke-dasharray: 5 3; }\n"
"svg .band { fill: #f4c7bd; fill-opacity: 0.6; stroke: none; }\n"
"svg .split { stroke: #999; stroke-width: 1; stroke-dasharray: 2 2; }\n"
"svg .avg { stroke: #444; stroke-width: 1.5; }\n"
"svg .lim { stroke: #c0392b; stroke-width: 1; stroke-dasharray: 4 3; }\n"
"svg .rate { fill: none; stroke: #ed8b00; stroke-width: 2; }\n"
"svg .ratept { fill: #ed8b00; }\n"
"svg .bar { fill: #1f4e79; }\n"
"svg .xl, svg .bv { text-anchor: middle; }\n"
"svg .yl { text-anchor: end; }\n"
"svg .yr { text-anchor: start; }\n"
"svg .ll { font-size: 9px; fill: #444; }\n"
"@media screen { section.wide .tbl { width: 96vw;"
" margin-left: calc(50% - 48vw); } }\n"
"@media print { body { max-width: none; padding: 0; } }\n";

/* A figure's tooltip: its --explain command, else where it comes from. */
static void
tooltip(struct outbuf *o, const struct figref *r)
{
	size_t i;

	if (r == NULL)
		return;
	out_str(o, " title=\"");
	if (r->explain != NULL)
		esc_html(o, r->explain);
	else {
		esc_html(o, "long table: ");
		for (i = 0; i < 5; i++) {
			esc_html(o, r->key[i]);
			out_putc(o, ',');
		}
		esc_html(o, r->field);
		esc_html(o, " (fitted or given, no record list)");
	}
	out_putc(o, '"');
}

static void
html_para(struct outbuf *o, const struct para *p, const char *cls)
{
	size_t i, at = 0;

	out_str(o, cls != NULL ? "<p class=\"" : "<p");
	if (cls != NULL) {
		out_str(o, cls);
		out_putc(o, '"');
	}
	out_putc(o, '>');
	for (i = 0; i < p->nspans; i++) {
		esc_html_n(o, p->text + at, p->spans[i].off - at);
		out_str(o, "<span class=\"fig\"");
		tooltip(o, p->spans[i].ref);
		out_putc(o, '>');
		esc_html_n(o, p->text + p->spans[i].off, p->spans[i].len);
		out_str(o, "</span>");
		at = p->spans[i].off + p->spans[i].len;
	}
	esc_html(o, p->text + at);
	out_str(o, "</p>\n");
}

static void
html_list(struct outbuf *o, const struct dlist *l)
{
	size_t i;

	out_str(o, "<div class=\"list\"><p class=\"lead\">");
	esc_html(o, l->title);
	out_str(o, "</p>\n<ul>\n");
	for (i = 0; i < l->n; i++) {
		out_str(o, "<li>");
		esc_html(o, l->items[i]);
		out_str(o, "</li>\n");
	}
	out_str(o, "</ul></div>\n");
}

static void
html_cell(struct outbuf *o, const struct cell *c, int first)
{
	if (first)
		out_str(o, "<th scope=\"row\"");
	else if (c->kind == CELL_MISSING || c->kind == CELL_NA)
		out_str(o, "<td class=\"m\"");
	else if (c->red)
		out_str(o, "<td class=\"n red\"");
	else if (c->kind == CELL_NUMBER)
		out_str(o, c->marked ? "<td class=\"n up\"" : "<td class=\"n\"");
	else if (c->icon != ICON_NONE)
		out_str(o, "<td class=\"v\"");
	else
		out_str(o, "<td");
	tooltip(o, c->ref);
	out_putc(o, '>');
	svg_icon(o, c->icon);
	esc_html(o, c->text);
	if (c->marked)
		out_str(o, " \xe2\x96\xb2");
	out_str(o, first ? "</th>" : "</td>");
}

static void
html_head(struct outbuf *o, const struct dtable *t)
{
	char span[32];
	size_t j;

	out_str(o, "<thead>");
	if (t->ngroups > 0) {
		out_str(o, "<tr>");
		for (j = 0; j < t->ngroups; j++) {
			snprintf(span, sizeof(span), "<th colspan=\"%zu\">",
			    t->groups[j].span);
			out_str(o, span);
			esc_html(o, t->groups[j].label);
			out_str(o, "</th>");
		}
		out_str(o, "</tr>");
	}
	out_str(o, "<tr>");
	for (j = 0; j < t->ncols; j++) {
		out_str(o, "<th scope=\"col\">");
		esc_html(o, t->cols[j]);
		out_str(o, "</th>");
	}
	out_str(o, "</tr></thead>\n");
}

static void
html_table(struct outbuf *o, const struct dtable *t)
{
	size_t i, j;

	out_str(o, t->nrows > LONG_TABLE ? "<div class=\"tbl long\">" :
	    "<div class=\"tbl\">");
	out_str(o, "<table>\n");
	if (t->caption[0] != '\0') {
		out_str(o, "<caption>");
		esc_html(o, t->caption);
		out_str(o, "</caption>\n");
	}
	html_head(o, t);
	out_str(o, "<tbody>\n");
	for (i = 0; i < t->nrows; i++) {
		out_str(o, "<tr>");
		for (j = 0; j < t->ncols; j++)
			html_cell(o, &t->cells[i * t->ncols + j], j == 0);
		out_str(o, "</tr>\n");
	}
	out_str(o, "</tbody>\n</table>\n");
	if (t->note != NULL) {
		out_str(o, "<p class=\"tnote\">");
		esc_html(o, t->note);
		out_str(o, "</p>\n");
	}
	out_str(o, "</div>\n");
}

static void
html_chart(struct outbuf *o, const struct dchart *c)
{
	out_str(o, "<figure>\n");
	svg_chart(o, c);
	if (c->note != NULL) {
		out_str(o, "<figcaption>");
		esc_html(o, c->note);
		out_str(o, "</figcaption>\n");
	}
	out_str(o, "</figure>\n");
}

static void
html_block(struct outbuf *o, const struct block *b)
{
	switch (b->kind) {
	case BLOCK_HEADING:
		out_str(o, "<h3>");
		esc_html(o, b->heading);
		out_str(o, "</h3>\n");
		break;
	case BLOCK_TEXT:
		html_para(o, b->para, NULL);
		break;
	case BLOCK_LIST:
		html_list(o, b->list);
		break;
	case BLOCK_TABLE:
		html_table(o, b->table);
		break;
	case BLOCK_CHART:
		html_chart(o, b->chart);
		break;
	}
}

/*
 * A section: its heading, and every later heading, is kept in one
 * unbreakable box with the block that follows it, so no page can end
 * with a heading.
 */
static void
html_section(struct outbuf *o, const struct dsection *s)
{
	size_t j;
	int open = 1;

	out_str(o, "<section id=\"");
	esc_html(o, s->id);
	out_str(o, s->wide ? "\" class=\"wide\">\n" : "\">\n");
	out_str(o, "<div class=\"keep\"><h2>");
	esc_html(o, s->title);
	out_str(o, "</h2>\n");
	for (j = 0; j < s->n; j++) {
		if (s->blocks[j].kind == BLOCK_HEADING && !open) {
			out_str(o, "<div class=\"keep\">");
			open = 1;
		}
		html_block(o, &s->blocks[j]);
		if (open && s->blocks[j].kind != BLOCK_HEADING) {
			out_str(o, "</div>\n");
			open = 0;
		}
	}
	if (open)
		out_str(o, "</div>\n");
	out_str(o, "</section>\n");
}

void
render_html(struct outbuf *o, const struct doc *d)
{
	size_t i;

	out_str(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>");
	esc_html(o, d->title);
	out_str(o, "</title>\n<style>\n");
	out_str(o, html_style);
	out_str(o, "</style>\n</head>\n<body>\n<h1>");
	esc_html(o, d->title);
	out_str(o, "</h1>\n<p class=\"note\">");
	esc_html(o, d->note);
	out_str(o, "</p>\n");
	for (i = 0; i < d->n; i++)
		html_section(o, &d->sections[i]);
	out_str(o, "</body>\n</html>\n");
}
