/*
 * Figures from the long table into the document: table cells, figures
 * in sentences and chart points, each with the row it came from
 * (docs/report.md rules 1, 8, 9: the table's own digits, "—" for a
 * missing figure, "n/a" for DEFINITIONS.md's n/a).
 */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "numfmt.h"

/* The text of field f as shown; 0 when it is no number. */
static int
fig_text(char out[96], const struct row *r, int f, enum show_as as)
{
	char grouped[80];
	long long v;

	if (num_parse(r->f[f], strlen(r->f[f]), &v) < 0)
		return 0;
	if (as == AS_WHOLE)
		num_format(grouped, sizeof(grouped), v, 0, 1);
	else
		num_group(grouped, sizeof(grouped), r->f[f]);
	snprintf(out, 96, "%s%s", grouped, as == AS_PCT ? "%" : "");
	return 1;
}

void
cell_fig(const struct summary *s, struct cell *c, const struct row *r, int f,
    enum show_as as)
{
	char text[96], literal[80];

	if (r == NULL || r->f[f][0] == '\0')
		return;
	cell_ref(c, lt_ref(s, r, f));
	if (strcmp(r->f[f], "n/a") == 0)
		cell_na(c);
	else if (fig_text(text, r, f, as))
		cell_number(c, text, num_json(literal, sizeof(literal),
		    r->f[f]));
	else
		cell_text(c, r->f[f]);
}

void
cell_word(const struct summary *s, struct cell *c, const struct row *r)
{
	if (r == NULL)
		return;
	cell_text(c, r->f[F_VALUE]);
	cell_ref(c, lt_ref(s, r, F_VALUE));
}

/* The icons follow variation_names (common/measures.h) in order. */
enum icon
icon_of(const char *v)
{
	int i = list_index(variation_names, v, strlen(v));

	return i < 0 ? ICON_NONE : (enum icon)(ICON_COMMON + i);
}

/* "concern high" -> "concern (high)": the verdict as a reader says it. */
void
cell_variation(struct summary *s, struct cell *c, const struct topic *t,
    const char *at, const char *area)
{
	struct row *r = lt_derived(s, at, area, "variation", t, s->month, 0);
	const char *v, *sp;
	char text[64];

	if (r == NULL)
		return;
	v = r->f[F_VALUE];
	if ((sp = strchr(v, ' ')) != NULL && strcmp(v, "common cause") != 0)
		snprintf(text, sizeof(text), "%.*s (%s)", (int)(sp - v), v,
		    sp + 1);
	else
		snprintf(text, sizeof(text), "%s", v);
	cell_text(c, text);
	c->icon = icon_of(v);
	cell_ref(c, lt_ref(s, r, F_VALUE));
}

void
para_row(const struct summary *s, struct para *p, const struct row *r,
    int f, enum show_as as)
{
	char text[96];

	if (r == NULL) {
		para_printf(p, "not available");
		return;
	}
	if (!fig_text(text, r, f, as))
		snprintf(text, sizeof(text), "%s", r->f[f]);
	para_fig(p, text, lt_ref(s, r, f));
}

int
point_set(const struct summary *s, struct series *se, size_t i,
    const struct row *r, int f)
{
	long long v;

	if (!lt_num(r, f, &v))
		return 0;
	se->v[i] = v;
	se->present[i] = 1;
	figref_free(se->ref[i]);
	se->ref[i] = lt_ref(s, r, f);
	return 1;
}

void
para_pair(const struct summary *s, struct para *p, const struct row *r,
    int f1, enum show_as a1, int f2, enum show_as a2)
{
	para_row(s, p, r, f1, a1);
	para_printf(p, " (");
	para_row(s, p, r, f2, a2);
	para_printf(p, ")");
}

char *
share_of(char out[80], long long a, long long b)
{
	num_format(out, 80, num_percent(a / NUM_SCALE, b / NUM_SCALE, 1), 1,
	    1);
	return out;
}

void
cell_share(const struct summary *s, struct cell *c, const struct row *part,
    const struct row *whole, const char *field)
{
	long long a, b;
	char text[96], lit[80];

	if (!lt_num(part, F_VALUE, &a) || !lt_num(whole, F_VALUE, &b))
		return;
	if (b == 0) {
		cell_na(c);
		return;
	}
	snprintf(text, sizeof(text), "%s%%", share_of(lit, a, b));
	num_format(lit, sizeof(lit), num_percent(a / NUM_SCALE, b / NUM_SCALE,
	    1), 1, 0);
	cell_number(c, text, lit);
	cell_ref(c, lt_ref(s, part, F_VALUE));
	c->ref->field = field;
}
