/* The document model (doc.h): building and releasing it. */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"

void
doc_init(struct doc *d, const char *title, const char *force,
    const char *month, const char *note)
{
	memset(d, 0, sizeof(*d));
	d->title = xstrdup(title);
	d->force = xstrdup(force);
	d->month = xstrdup(month);
	d->note = xstrdup(note);
}

struct figref *
figref_new(const char *const key[5], const char *field, const char *value,
    const char *explain)
{
	struct figref *r = xmalloc(sizeof(*r));

	memcpy(r->key, key, sizeof(r->key));
	r->field = field;
	r->value = value;
	r->explain = explain != NULL ? xstrdup(explain) : NULL;
	return r;
}

struct figref *
figref_dup(const struct figref *r)
{
	return r != NULL ? figref_new(r->key, r->field, r->value, r->explain) :
	    NULL;
}

void
figref_free(struct figref *r)
{
	if (r == NULL)
		return;
	free(r->explain);
	free(r);
}

static void
cell_free(struct cell *c)
{
	free(c->text);
	free(c->number);
	figref_free(c->ref);
	c->text = c->number = NULL;
	c->ref = NULL;
}

static void
dtable_free(struct dtable *t)
{
	size_t i;

	free(t->caption);
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	for (i = 0; i < t->ngroups; i++)
		free(t->groups[i].label);
	free(t->groups);
	for (i = 0; i < t->nrows * t->ncols; i++)
		cell_free(&t->cells[i]);
	free(t->cells);
	free(t->note);
	free(t);
}

static void
series_free(struct series *s, size_t n)
{
	size_t i;

	if (s->ref != NULL)
		for (i = 0; i < n; i++)
			figref_free(s->ref[i]);
	free(s->ref);
	free(s->v);
	free(s->present);
	free(s->cls);
}

static void
dchart_free(struct dchart *c)
{
	size_t i;

	free(c->title);
	for (i = 0; i < c->n; i++)
		free(c->labels[i]);
	free(c->labels);
	series_free(&c->main, c->n);
	series_free(&c->proj, c->n);
	series_free(&c->lo, c->n);
	series_free(&c->hi, c->n);
	series_free(&c->rate, c->n);
	free(c->note);
	free(c);
}

static void
dlist_free(struct dlist *l)
{
	size_t i;

	free(l->title);
	for (i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	free(l);
}

static void
block_free(struct block *b)
{
	free(b->heading);
	if (b->para != NULL)
		para_free(b->para);
	if (b->list != NULL)
		dlist_free(b->list);
	if (b->table != NULL)
		dtable_free(b->table);
	if (b->chart != NULL)
		dchart_free(b->chart);
}

void
doc_release(struct doc *d)
{
	struct dsection *s;
	size_t i, j;

	for (i = 0; i < d->n; i++) {
		s = &d->sections[i];
		for (j = 0; j < s->n; j++)
			block_free(&s->blocks[j]);
		free(s->blocks);
		free(s->id);
		free(s->title);
	}
	free(d->sections);
	free(d->title);
	free(d->force);
	free(d->month);
	free(d->note);
	memset(d, 0, sizeof(*d));
}

struct dsection *
doc_section(struct doc *d, const char *id, const char *title)
{
	struct dsection *s;

	d->sections = xgrow(d->sections, &d->cap, d->n + 1, sizeof(*s));
	s = &d->sections[d->n++];
	memset(s, 0, sizeof(*s));
	s->id = xstrdup(id);
	s->title = xstrdup(title);
	return s;
}

static struct block *
new_block(struct dsection *s, enum block_kind kind)
{
	struct block *b;

	s->blocks = xgrow(s->blocks, &s->cap, s->n + 1, sizeof(*b));
	b = &s->blocks[s->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

void
doc_heading(struct dsection *s, const char *text)
{
	new_block(s, BLOCK_HEADING)->heading = xstrdup(text);
}

void
doc_text(struct dsection *s, const char *text)
{
	struct para *p = para_new();

	para_fig(p, text, NULL);
	doc_para(s, p);
}

void
doc_para(struct dsection *s, struct para *p)
{
	new_block(s, BLOCK_TEXT)->para = p;
}

struct dlist *
doc_list(struct dsection *s, const char *title)
{
	struct dlist *l = xcalloc(1, sizeof(*l));

	l->title = xstrdup(title);
	new_block(s, BLOCK_LIST)->list = l;
	return l;
}

void
list_add(struct dlist *l, const char *item)
{
	l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof(char *));
	l->items[l->n++] = xstrdup(item);
}

struct dtable *
doc_table(struct dsection *s, const char *caption, size_t ncols,
    const char *const *cols)
{
	struct dtable *t = xcalloc(1, sizeof(*t));
	size_t i;

	t->caption = xstrdup(caption);
	t->ncols = ncols;
	t->cols = xmalloc(ncols * sizeof(char *));
	for (i = 0; i < ncols; i++)
		t->cols[i] = xstrdup(cols[i]);
	new_block(s, BLOCK_TABLE)->table = t;
	return t;
}

void
dtable_group(struct dtable *t, const char *label, size_t span)
{
	t->groups = xrealloc(t->groups, (t->ngroups + 1) * sizeof(*t->groups));
	t->groups[t->ngroups].label = xstrdup(label);
	t->groups[t->ngroups++].span = span;
}

void
dtable_note(struct dtable *t, const char *note)
{
	free(t->note);
	t->note = xstrdup(note);
}

static void
series_init(struct series *s, size_t n)
{
	s->v = xcalloc(n ? n : 1, sizeof(long long));
	s->present = xcalloc(n ? n : 1, 1);
	s->cls = xcalloc(n ? n : 1, 1);
	s->ref = xcalloc(n ? n : 1, sizeof(struct figref *));
}

struct dchart *
doc_chart(struct dsection *s, enum chart_kind kind, const char *title,
    size_t n)
{
	struct dchart *c = xcalloc(1, sizeof(*c));

	c->kind = kind;
	c->title = xstrdup(title);
	c->n = n;
	c->labels = xcalloc(n ? n : 1, sizeof(char *));
	series_init(&c->main, n);
	series_init(&c->proj, n);
	series_init(&c->lo, n);
	series_init(&c->hi, n);
	series_init(&c->rate, n);
	c->split = n;
	new_block(s, BLOCK_CHART)->chart = c;
	return c;
}

void
dchart_label(struct dchart *c, size_t i, const char *label)
{
	free(c->labels[i]);
	c->labels[i] = xstrdup(label);
}

void
dchart_note(struct dchart *c, const char *note)
{
	free(c->note);
	c->note = xstrdup(note);
}

struct cell *
dtable_row(struct dtable *t)
{
	struct cell *row;
	size_t i;

	t->cells = xgrow(t->cells, &t->cap, (t->nrows + 1) * t->ncols,
	    sizeof(struct cell));
	row = &t->cells[t->nrows++ * t->ncols];
	for (i = 0; i < t->ncols; i++) {
		memset(&row[i], 0, sizeof(row[i]));
		row[i].kind = CELL_MISSING;
		row[i].text = xstrdup(DOC_MISSING);
	}
	return row;
}

/* Replace the shown text and value, keeping the marks and the source. */
static void
cell_set(struct cell *c, enum cell_kind kind, const char *text,
    const char *number)
{
	free(c->text);
	free(c->number);
	c->kind = kind;
	c->text = xstrdup(text);
	c->number = number != NULL ? xstrdup(number) : NULL;
}

void
cell_text(struct cell *c, const char *text)
{
	cell_set(c, CELL_TEXT, text, NULL);
}

void
cell_number(struct cell *c, const char *text, const char *literal)
{
	cell_set(c, CELL_NUMBER, text, literal);
}

void
cell_na(struct cell *c)
{
	cell_set(c, CELL_NA, DOC_NA, NULL);
}

void
cell_ref(struct cell *c, struct figref *ref)
{
	figref_free(c->ref);
	c->ref = ref;
}

struct para *
para_new(void)
{
	struct para *p = xcalloc(1, sizeof(*p));

	p->text = xstrdup("");
	p->cap = 1;
	return p;
}

static void
para_append(struct para *p, const char *s, size_t n)
{
	p->text = xgrow(p->text, &p->cap, p->len + n + 1, 1);
	memcpy(p->text + p->len, s, n);
	p->len += n;
	p->text[p->len] = '\0';
}

void
para_printf(struct para *p, const char *fmt, ...)
{
	va_list ap;
	char small[256], *big;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		para_append(p, small, (size_t)n);
		return;
	}
	big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	para_append(p, big, (size_t)n);
	free(big);
}

void
para_fig(struct para *p, const char *text, struct figref *ref)
{
	struct span *sp;

	if (ref != NULL) {
		p->spans = xgrow(p->spans, &p->spans_cap, p->nspans + 1,
		    sizeof(*sp));
		sp = &p->spans[p->nspans++];
		sp->off = p->len;
		sp->len = strlen(text);
		sp->ref = ref;
	}
	para_append(p, text, strlen(text));
}

void
para_reset(struct para *p)
{
	size_t i;

	for (i = 0; i < p->nspans; i++)
		figref_free(p->spans[i].ref);
	p->nspans = 0;
	p->len = 0;
	p->text[0] = '\0';
}

void
para_free(struct para *p)
{
	para_reset(p);
	free(p->spans);
	free(p->text);
	free(p);
}
