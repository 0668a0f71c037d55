/*
 * The document as data (docs/report.md "Formats", docs/summary.schema.json):
 * "figures" holds every long-table row the report used, typed (numbers as
 * numbers, null for an empty field); "sections" the report's structure,
 * each figure in it with its measure key (period, area_type, area,
 * measure, category) and field, so a tool can join the two.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "emit.h"
#include "esc.h"
#include "numfmt.h"

static const char *const key_names[5] = { "period", "area_type", "area",
	"measure", "category" };

/* A long-table field as JSON: a number, null when empty, else a string. */
static void
json_value(struct outbuf *o, const char *v)
{
	char lit[80];
	long long x;

	if (v == NULL || v[0] == '\0')
		out_str(o, "null");
	else if (num_parse(v, strlen(v), &x) == 0)
		out_str(o, num_json(lit, sizeof(lit), v));
	else
		esc_json(o, v);
}

static void
json_key(struct outbuf *o, const struct figref *r)
{
	size_t i;

	out_str(o, "\"key\": {");
	for (i = 0; i < 5; i++) {
		out_str(o, i > 0 ? ", \"" : "\"");
		out_str(o, key_names[i]);
		out_str(o, "\": ");
		esc_json(o, r->key[i]);
	}
	out_str(o, "}, \"field\": ");
	esc_json(o, r->field);
}

static void
json_figures(struct outbuf *o, const struct summary *s)
{
	const struct row *r;
	size_t i, j, n = 0;

	out_str(o, "  \"figures\": [");
	for (i = 0; i < s->n; i++) {
		r = s->rows[i];
		if (!r->used)
			continue;
		out_str(o, n++ > 0 ? ",\n    {" : "\n    {");
		for (j = 0; j < NF; j++) {
			out_str(o, j > 0 ? ", \"" : "\"");
			out_str(o, lt_columns[j]);
			out_str(o, "\": ");
			if (j < F_VALUE)
				esc_json(o, r->f[j]);
			else
				json_value(o, r->f[j]);
		}
		out_putc(o, '}');
	}
	out_str(o, n > 0 ? "\n  ],\n" : "],\n");
}

static void
json_cell(struct outbuf *o, const struct cell *c)
{
	out_str(o, "{\"text\": ");
	esc_json(o, c->text);
	if (c->kind == CELL_NUMBER) {
		out_str(o, ", \"value\": ");
		out_str(o, c->number);
	} else if (c->kind == CELL_NA)
		out_str(o, ", \"value\": \"n/a\"");
	else if (c->kind == CELL_MISSING)
		out_str(o, ", \"value\": null");
	else if (c->ref != NULL) {
		out_str(o, ", \"value\": ");
		json_value(o, c->ref->value);
	}
	if (c->ref != NULL) {
		out_str(o, ", ");
		json_key(o, c->ref);
	}
	if (c->marked)
		out_str(o, ", \"rose\": true");
	if (c->red)
		out_str(o, ", \"red\": true");
	out_putc(o, '}');
}

static void
json_table(struct outbuf *o, const struct dtable *t)
{
	char num[32];
	size_t i, j;

	out_str(o, "{\"table\": {\"caption\": ");
	esc_json(o, t->caption);
	if (t->ngroups > 0) {
		out_str(o, ", \"groups\": [");
		for (j = 0; j < t->ngroups; j++) {
			out_str(o, j > 0 ? ", {\"label\": " : "{\"label\": ");
			esc_json(o, t->groups[j].label);
			snprintf(num, sizeof(num), ", \"span\": %zu}",
			    t->groups[j].span);
			out_str(o, num);
		}
		out_putc(o, ']');
	}
	out_str(o, ", \"columns\": [");
	for (j = 0; j < t->ncols; j++) {
		if (j > 0)
			out_str(o, ", ");
		esc_json(o, t->cols[j]);
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
	out_str(o, "], \"note\": ");
	if (t->note != NULL)
		esc_json(o, t->note);
	else
		out_str(o, "null");
	out_str(o, "}}");
}

static void
json_scaled(struct outbuf *o, int has, long long v)
{
	char num[64];

	out_str(o, has ? num_plain(num, sizeof(num), v) : "null");
}

static void
json_series(struct outbuf *o, const struct dchart *c, const char *name,
    const struct series *s, int first)
{
	size_t i;

	out_str(o, first ? "\"" : ", \"");
	out_str(o, name);
	out_str(o, "\": [");
	for (i = 0; i < c->n; i++) {
		if (i > 0)
			out_str(o, ", ");
		json_scaled(o, s->present[i], s->v[i]);
	}
	out_putc(o, ']');
}

static void
json_chart(struct outbuf *o, const struct dchart *c)
{
	static const char *const types[] = { "control", "projection", "bars",
		"bars_rate" };
	static const char *const classes[] = { "common cause", "concern",
		"improvement", "neutral" };
	size_t i;

	out_str(o, "{\"chart\": {\"type\": ");
	esc_json(o, types[c->kind]);
	out_str(o, ", \"title\": ");
	esc_json(o, c->title);
	out_str(o, ", \"labels\": [");
	for (i = 0; i < c->n; i++) {
		if (i > 0)
			out_str(o, ", ");
		esc_json(o, c->labels[i] != NULL ? c->labels[i] : "");
	}
	out_str(o, "], \"series\": {");
	json_series(o, c, "recorded", &c->main, 1);
	if (c->kind == CHART_PROJECTION) {
		json_series(o, c, "projection", &c->proj, 0);
		json_series(o, c, "lower", &c->lo, 0);
		json_series(o, c, "upper", &c->hi, 0);
	}
	if (c->kind == CHART_BARS_RATE)
		json_series(o, c, "rate", &c->rate, 0);
	out_str(o, "}, \"points\": [");
	for (i = 0; i < c->n; i++) {
		out_str(o, i > 0 ? ", " : "");
		if (c->main.present[i])
			esc_json(o, classes[c->main.cls[i] & 3]);
		else
			out_str(o, "null");
	}
	out_str(o, "], \"average\": ");
	json_scaled(o, c->has_mean, c->mean);
	out_str(o, ", \"upper\": ");
	json_scaled(o, c->has_upper, c->upper);
	out_str(o, ", \"lower\": ");
	json_scaled(o, c->has_lower, c->lower);
	out_str(o, ", \"note\": ");
	if (c->note != NULL)
		esc_json(o, c->note);
	else
		out_str(o, "null");
	out_str(o, "}}");
}

static void
json_para(struct outbuf *o, const struct para *p)
{
	size_t i;
	char *t;

	out_str(o, "{\"text\": ");
	esc_json(o, p->text);
	out_str(o, ", \"figures\": [");
	for (i = 0; i < p->nspans; i++) {
		out_str(o, i > 0 ? ", {\"text\": " : "{\"text\": ");
		t = xstrndup(p->text + p->spans[i].off, p->spans[i].len);
		esc_json(o, t);
		free(t);
		out_str(o, ", \"value\": ");
		json_value(o, p->spans[i].ref->value);
		out_str(o, ", ");
		json_key(o, p->spans[i].ref);
		out_putc(o, '}');
	}
	out_str(o, "]}");
}

static void
json_list(struct outbuf *o, const struct dlist *l)
{
	size_t i;

	out_str(o, "{\"list\": {\"title\": ");
	esc_json(o, l->title);
	out_str(o, ", \"items\": [");
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			out_str(o, ", ");
		esc_json(o, l->items[i]);
	}
	out_str(o, "]}}");
}

static void
json_block(struct outbuf *o, const struct block *b)
{
	switch (b->kind) {
	case BLOCK_HEADING:
		out_str(o, "{\"heading\": ");
		esc_json(o, b->heading);
		out_putc(o, '}');
		break;
	case BLOCK_TEXT:
		json_para(o, b->para);
		break;
	case BLOCK_LIST:
		json_list(o, b->list);
		break;
	case BLOCK_TABLE:
		json_table(o, b->table);
		break;
	case BLOCK_CHART:
		json_chart(o, b->chart);
		break;
	}
}

void
render_json(struct outbuf *o, const struct summary *s, const struct doc *d)
{
	const struct dsection *sec;
	size_t i, j;

	out_str(o, "{\n  \"title\": ");
	esc_json(o, d->title);
	out_str(o, ",\n  \"force\": ");
	esc_json(o, d->force);
	out_str(o, ",\n  \"month\": ");
	esc_json(o, d->month);
	out_str(o, ",\n  \"note\": ");
	esc_json(o, d->note);
	out_str(o, ",\n");
	json_figures(o, s);
	out_str(o, "  \"sections\": {");
	for (i = 0; i < d->n; i++) {
		sec = &d->sections[i];
		out_str(o, i > 0 ? ",\n    " : "\n    ");
		esc_json(o, sec->id);
		out_str(o, ": {\n      \"title\": ");
		esc_json(o, sec->title);
		out_str(o, ",\n      \"content\": [");
		for (j = 0; j < sec->n; j++) {
			out_str(o, j > 0 ? ",\n      " : "\n      ");
			json_block(o, &sec->blocks[j]);
		}
		out_str(o, sec->n > 0 ? "\n      ]\n    }" : "]\n    }");
	}
	out_str(o, d->n > 0 ? "\n  }\n}\n" : "}\n}\n");
}
