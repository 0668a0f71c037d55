/*
 * The document as Markdown (docs/report.md "Formats"): # title, ##
 * sections, ### topics, pipe tables; a chart becomes a table of its
 * figures with its note under it.
 */
#include <string.h>

#include "emit.h"
#include "esc.h"
#include "numfmt.h"

static void
md_para(struct outbuf *o, const struct para *p)
{
	out_str(o, p->text);
	out_str(o, "\n\n");
}

static void
md_list(struct outbuf *o, const struct dlist *l)
{
	size_t i;

	out_str(o, l->title);
	out_str(o, "\n\n");
	for (i = 0; i < l->n; i++) {
		out_str(o, "- ");
		out_str(o, l->items[i]);
		out_putc(o, '\n');
	}
	out_putc(o, '\n');
}

/* A column's heading, with its group's name before it when it has one. */
static void
md_heading(struct outbuf *o, const struct dtable *t, size_t col)
{
	size_t g, first = 0;

	for (g = 0; g < t->ngroups; g++) {
		if (col < first + t->groups[g].span) {
			if (t->groups[g].label[0] != '\0') {
				esc_md(o, t->groups[g].label);
				out_str(o, ": ");
			}
			break;
		}
		first += t->groups[g].span;
	}
	esc_md(o, t->cols[col]);
}

static void
md_table(struct outbuf *o, const struct dtable *t)
{
	const struct cell *c;
	size_t i, j;

	if (t->caption[0] != '\0') {
		out_str(o, "**");
		esc_md(o, t->caption);
		out_str(o, "**\n\n");
	}
	out_putc(o, '|');
	for (j = 0; j < t->ncols; j++) {
		out_putc(o, ' ');
		md_heading(o, t, j);
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
			esc_md(o, c->text);
			if (c->marked)
				out_str(o, " \xe2\x96\xb2");	/* ▲ */
			out_str(o, " |");
		}
		out_putc(o, '\n');
	}
	out_putc(o, '\n');
	if (t->note != NULL) {
		out_str(o, t->note);
		out_str(o, "\n\n");
	}
}

static void
md_series(struct outbuf *o, const struct dchart *c, const char *name,
    const struct series *s, int dec, const char *suffix)
{
	char num[64];
	size_t i;

	out_str(o, "| ");
	esc_md(o, name);
	out_str(o, " |");
	for (i = 0; i < c->n; i++) {
		out_putc(o, ' ');
		if (s->present[i]) {
			out_str(o, num_format(num, sizeof(num), s->v[i], dec, 1));
			out_str(o, suffix);
		} else
			out_str(o, DOC_MISSING);
		out_str(o, " |");
	}
	out_putc(o, '\n');
}

/* A chart's figures as a table: a bar chart's are in a table already. */
static void
md_chart(struct outbuf *o, const struct dchart *c)
{
	size_t i;

	if (c->kind == CHART_BARS)
		return;
	out_str(o, "**");
	esc_md(o, c->title);
	out_str(o, "**\n\n| Month |");
	for (i = 0; i < c->n; i++) {
		out_putc(o, ' ');
		esc_md(o, c->labels[i] != NULL ? c->labels[i] : "");
		out_str(o, " |");
	}
	out_str(o, "\n|---|");
	for (i = 0; i < c->n; i++)
		out_str(o, "---:|");
	out_putc(o, '\n');
	if (c->kind == CHART_BARS_RATE) {
		md_series(o, c, "Offences", &c->main, 0, "");
		md_series(o, c, "% of all outcomed", &c->rate, 1, "%");
	} else
		md_series(o, c, "Recorded", &c->main, 0, "");
	if (c->kind == CHART_PROJECTION) {
		md_series(o, c, "Projection", &c->proj, 1, "");
		md_series(o, c, "95% interval, lower", &c->lo, 1, "");
		md_series(o, c, "95% interval, upper", &c->hi, 1, "");
	}
	out_putc(o, '\n');
	if (c->note != NULL) {
		out_str(o, c->note);
		out_str(o, "\n\n");
	}
}

void
render_md(struct outbuf *o, const struct doc *d)
{
	const struct dsection *s;
	const struct block *b;
	size_t i, j;

	out_str(o, "# ");
	out_str(o, d->title);
	out_str(o, "\n\n");
	out_str(o, d->note);
	out_str(o, "\n\n");
	for (i = 0; i < d->n; i++) {
		s = &d->sections[i];
		out_str(o, "## ");
		out_str(o, s->title);
		out_str(o, "\n\n");
		for (j = 0; j < s->n; j++) {
			b = &s->blocks[j];
			switch (b->kind) {
			case BLOCK_HEADING:
				out_str(o, "### ");
				out_str(o, b->heading);
				out_str(o, "\n\n");
				break;
			case BLOCK_TEXT:
				md_para(o, b->para);
				break;
			case BLOCK_LIST:
				md_list(o, b->list);
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
