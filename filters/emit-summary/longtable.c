/*
 * Reading the long table (docs/measures.md "Format"): every row checked,
 * kept whole, sorted for lookup; a repeated key rejected.  Also the
 * --format csv output (the rows the report used) and each figure's
 * aggregate-district --explain command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/diag.h"
#include "../../common/members.h"
#include "../../common/rejects.h"
#include "../../common/stream.h"
#include "../../common/xalloc.h"
#include "emit.h"
#include "esc.h"
#include "numfmt.h"

const char *const lt_columns[NF] = { "period", "area_type", "area",
	"measure", "category", "value", "denominator", "rate" };

/* DEFINITIONS.md 3.2 and docs/measures.md: the words projections use. */
static const char *const check_words[] = { "in line with", "above", "below",
	NULL };
static const char *const trend_words[] = { "increase", "decrease", "level",
	NULL };
static const char *const area_types[] = { "force", "policing_area",
	"district", NULL };

static int
parse_period(const char *s, size_t len, int *start, int *end, int *span)
{
	const char *dots = len > 7 ? strstr(s, "..") : NULL;

	if (dots == NULL) {
		*span = 0;
		if (month_parse(s, len, start) < 0)
			return -1;
		*end = *start;
		return 0;
	}
	*span = 1;
	if (month_parse(s, (size_t)(dots - s), start) < 0 ||
	    month_parse(dots + 2, len - (size_t)(dots - s) - 2, end) < 0 ||
	    *start > *end)
		return -1;
	return 0;
}

static int
is_flag_or_number(const struct field *f)
{
	long long v;

	return num_parse(f->ptr, f->len, &v) == 0 || field_is(f, "n/a") ||
	    field_is(f, "Y") || field_is(f, "N") || field_is(f, "Y (low)");
}

/*
 * The value a measure may hold (docs/measures.md "Measures"): coverage
 * rows hold words; verdict measures one of their words; anything else a
 * number, n/a or a flag.  Returns what it should have been, or NULL.
 */
static const char *
value_problem(const struct field *measure, const struct field *v)
{
	if (field_is(measure, "coverage"))
		return NULL;
	if (field_is(measure, "special_cause"))
		return in_list(special_cause_names, v->ptr, v->len) ? NULL :
		    "not a special cause of docs/definitions.md \xc2\xa7" "3";
	if (field_is(measure, "variation"))
		return in_list(variation_names, v->ptr, v->len) ? NULL :
		    "not a variation of docs/definitions.md \xc2\xa7" "3";
	if (field_is(measure, "projection_check"))
		return in_list(check_words, v->ptr, v->len) ? NULL :
		    "not 'in line with', 'above' or 'below'";
	if (field_is(measure, "projection_trend"))
		return in_list(trend_words, v->ptr, v->len) ? NULL :
		    "not 'increase', 'decrease' or 'level'";
	return is_flag_or_number(v) ? NULL :
	    "not a number, n/a, Y, Y (low) or N";
}

static int
number_or_empty(const struct field *f)
{
	long long v;

	return f->len == 0 || num_parse(f->ptr, f->len, &v) == 0;
}

/* The first problem of a record, with the field it is in; NULL: none. */
static const char *
record_problem(const struct record *rec, const char **field, int p[3])
{
	const struct field *v = rec->value;
	const char *why;
	int i;

	*field = "period";
	if (parse_period(v[F_PERIOD].ptr, v[F_PERIOD].len, &p[0], &p[1],
	    &p[2]) < 0)
		return "not a month (YYYY-MM) or a span (YYYY-MM..YYYY-MM)";
	*field = "area_type";
	if (!in_list(area_types, v[F_AREA_TYPE].ptr, v[F_AREA_TYPE].len))
		return "not force, policing_area or district";
	*field = v[F_AREA].len == 0 ? "area" : "measure";
	if (v[F_AREA].len == 0 || v[F_MEASURE].len == 0)
		return "empty";
	*field = "value";
	if ((why = value_problem(&v[F_MEASURE], &v[F_VALUE])) != NULL)
		return why;
	for (i = F_DENOM; i <= F_RATE; i++) {
		*field = lt_columns[i];
		if (!number_or_empty(&v[i]))
			return "not a number";
	}
	return NULL;
}

/* Check one record; keep it or reject it. */
static void
take_record(struct summary *s, const struct record *rec)
{
	const struct field *v = rec->value;
	const char *field, *why;
	struct row *r;
	size_t i, size;
	int p[3];
	char *q;

	if ((why = record_problem(rec, &field, p)) != NULL) {
		reject(rec->source, rec->line, field, rec->raw, rec->raw_len,
		    "%s", why);
		return;
	}
	/* One allocation: the row, its fields and its raw bytes. */
	size = sizeof(*r) + rec->raw_len + 1;
	for (i = 0; i < NF; i++)
		size += v[i].len + 1;
	r = xmalloc(size);
	q = (char *)(r + 1);
	for (i = 0; i < NF; i++) {
		r->f[i] = q;
		memcpy(q, v[i].ptr, v[i].len);
		q[v[i].len] = '\0';
		q += v[i].len + 1;
	}
	r->raw = q;
	memcpy(q, rec->raw, rec->raw_len);
	q[rec->raw_len] = '\0';
	r->rawlen = rec->raw_len;
	r->source = s->member;
	r->line = rec->line;
	r->seq = s->n;
	r->start = p[0];
	r->end = p[1];
	r->span = p[2];
	r->used = 0;
	s->rows = xgrow(s->rows, &s->cap, s->n + 1, sizeof(*s->rows));
	s->rows[s->n++] = r;
}

static int
header_is_long(const struct record *h)
{
	size_t i;

	if (h->nfields != NF)
		return 0;
	for (i = 0; i < NF; i++)
		if (!field_is(&h->value[i], lt_columns[i]))
			return 0;
	return 1;
}

/* Each member must be a long table; its name is kept for messages. */
static int
member_header(void *ctx, struct rec_reader *r, const char *name)
{
	struct summary *s = ctx;

	s->sources = xgrow(s->sources, &s->sources_cap, s->nsources + 1,
	    sizeof(char *));
	s->member = s->sources[s->nsources++] = xstrdup(name);
	if (!header_is_long(rec_reader_header(r))) {
		diag_at(name, 1, NULL, "not a table of measures: the header "
		    "must be '%s,%s,%s,%s,%s,%s,%s,%s'; input skipped",
		    lt_columns[0], lt_columns[1], lt_columns[2],
		    lt_columns[3], lt_columns[4], lt_columns[5],
		    lt_columns[6], lt_columns[7]);
		return -1;
	}
	return 0;
}

static void
member_record(void *ctx, struct record *rec)
{
	take_record(ctx, rec);
}

int
lt_read(struct summary *s, const char *path)
{
	struct member_reader mr = { .each = member_header,
	    .record = member_record, .ctx = s };

	return read_members(&mr, path);
}

/* ---- Lookup ---- */

static int
cmp_key(const struct row *a, const struct row *b)
{
	static const int order[] = { F_AREA_TYPE, F_AREA, F_MEASURE,
		F_CATEGORY };
	int c, i;

	for (i = 0; i < 4; i++)
		if ((c = strcmp(a->f[order[i]], b->f[order[i]])) != 0)
			return c;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->span - b->span;
}

static int
cmp_rows(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a;
	const struct row *y = *(const struct row *const *)b;
	int c = cmp_key(x, y);

	if (c != 0)
		return c;
	/* Input order among equal keys: the first is kept. */
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
lt_index(struct summary *s)
{
	size_t i, kept = 0;

	if (s->n == 0)
		return;
	qsort(s->rows, s->n, sizeof(*s->rows), cmp_rows);
	for (i = 0; i < s->n; i++) {
		if (kept > 0 && cmp_key(s->rows[kept - 1], s->rows[i]) == 0) {
			reject(s->rows[i]->source, s->rows[i]->line, NULL,
			    s->rows[i]->raw, s->rows[i]->rawlen,
			    "repeats the key of %s:%lu",
			    s->rows[kept - 1]->source, s->rows[kept - 1]->line);
			free(s->rows[i]);
			continue;
		}
		s->rows[kept++] = s->rows[i];
	}
	s->n = kept;
}

/* The first row not below the key (at, area, measure, category, end). */
static size_t
lower_bound(const struct summary *s, const char *at, const char *area,
    const char *measure, const char *category, int end)
{
	size_t lo = 0, hi = s->n, mid;
	struct row key;

	key.f[F_AREA_TYPE] = (char *)at;
	key.f[F_AREA] = (char *)area;
	key.f[F_MEASURE] = (char *)measure;
	key.f[F_CATEGORY] = (char *)category;
	key.end = end;
	key.start = -1;
	key.span = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmp_key(s->rows[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
same_series(const struct row *r, const char *at, const char *area,
    const char *measure, const char *category)
{
	return strcmp(r->f[F_AREA_TYPE], at) == 0 &&
	    strcmp(r->f[F_AREA], area) == 0 &&
	    strcmp(r->f[F_MEASURE], measure) == 0 &&
	    strcmp(r->f[F_CATEGORY], category) == 0;
}

struct row *
lt_get(struct summary *s, const char *at, const char *area,
    const char *measure, const char *category, int end, int span)
{
	size_t i = lower_bound(s, at, area, measure, category, end);
	struct row *r;

	for (; i < s->n; i++) {
		r = s->rows[i];
		if (r->end != end || !same_series(r, at, area, measure,
		    category))
			break;
		if (r->span == span && (span || r->start == end)) {
			r->used = 1;
			return r;
		}
	}
	return NULL;
}

struct row *
lt_force(struct summary *s, const char *measure, const char *category,
    int month)
{
	return lt_get(s, "force", s->force, measure, category, month, 0);
}

struct row *
lt_span_last(struct summary *s, const char *at, const char *area,
    const char *measure, const char *category, int before)
{
	size_t i = lower_bound(s, at, area, measure, category, -1);
	struct row *r, *best = NULL;

	for (; i < s->n && same_series(s->rows[i], at, area, measure,
	    category); i++) {
		r = s->rows[i];
		if (r->end > before)
			break;
		if (r->span)
			best = r;
	}
	if (best != NULL)
		best->used = 1;
	return best;
}

static const char *
derived_category(char out[512], const struct topic *t)
{
	snprintf(out, 512, "%s:%s", t->measure, t->category);
	return out;
}

struct row *
lt_derived(struct summary *s, const char *at, const char *area,
    const char *derived, const struct topic *t, int end, int span)
{
	char cat[512];

	return lt_get(s, at, area, derived, derived_category(cat, t), end,
	    span);
}

struct row *
lt_derived_last(struct summary *s, const char *at, const char *area,
    const char *derived, const struct topic *t, int before)
{
	char cat[512];

	return lt_span_last(s, at, area, derived, derived_category(cat, t),
	    before);
}

struct row *
lt_baseline(struct summary *s, const char *at, const char *area,
    const char *derived, const struct topic *t)
{
	return lt_derived_last(s, at, area, derived, t, s->month - 1);
}

size_t
lt_series(struct summary *s, const char *at, const char *area,
    const char *measure, const char *category, struct row ***out)
{
	size_t i = lower_bound(s, at, area, measure, category, -1), n = 0;

	*out = NULL;
	for (; i < s->n && same_series(s->rows[i], at, area, measure,
	    category); i++) {
		*out = xrealloc(*out, (n + 1) * sizeof(struct row *));
		(*out)[n++] = s->rows[i];
		s->rows[i]->used = 1;
	}
	return n;
}

size_t
lt_categories(const struct summary *s, const char *at, const char *area,
    const char *measure, const char ***out)
{
	size_t i = lower_bound(s, at, area, measure, "", -1), n = 0;
	const struct row *r;

	*out = NULL;
	for (; i < s->n; i++) {
		r = s->rows[i];
		if (strcmp(r->f[F_AREA_TYPE], at) != 0 ||
		    strcmp(r->f[F_AREA], area) != 0 ||
		    strcmp(r->f[F_MEASURE], measure) != 0)
			break;
		if (n > 0 && strcmp((*out)[n - 1], r->f[F_CATEGORY]) == 0)
			continue;
		*out = xrealloc(*out, (n + 1) * sizeof(char *));
		(*out)[n++] = r->f[F_CATEGORY];
	}
	return n;
}

int
lt_num(const struct row *r, int f, long long *v)
{
	return r != NULL && num_parse(r->f[f], strlen(r->f[f]), v) == 0;
}

int
lt_any(const struct summary *s, const char *at, const char *measure,
    const char *category)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->rows[i]->f[F_AREA_TYPE], at) == 0 &&
		    strcmp(s->rows[i]->f[F_MEASURE], measure) == 0 &&
		    (category == NULL ||
		    strcmp(s->rows[i]->f[F_CATEGORY], category) == 0))
			return 1;
	return 0;
}

/* ---- Areas and the month ---- */

static void
add_name(const char ***list, size_t *n, const char *name)
{
	if (*n > 0 && strcmp((*list)[*n - 1], name) == 0)
		return;
	*list = xrealloc(*list, (*n + 1) * sizeof(char *));
	(*list)[(*n)++] = name;
}

void
lt_find_areas(struct summary *s)
{
	const struct row *r;
	size_t i;

	s->force = NULL;
	for (i = 0; i < s->n; i++) {
		r = s->rows[i];
		/* Rows are sorted by area_type, then area. */
		if (strcmp(r->f[F_AREA_TYPE], "force") == 0) {
			/* One force a report: the first in byte order. */
			if (s->force == NULL)
				s->force = r->f[F_AREA];
		} else if (strcmp(r->f[F_AREA_TYPE], "policing_area") == 0)
			add_name(&s->pas, &s->npas, r->f[F_AREA]);
		else
			add_name(&s->districts, &s->ndistricts, r->f[F_AREA]);
	}
	if (s->force == NULL)
		s->force = "";
}

int
lt_latest_month(const struct summary *s)
{
	size_t i;
	int m = -1;

	/* Projections lie ahead of M: only counts tell where the data ends. */
	for (i = 0; i < s->n; i++)
		if (!s->rows[i]->span && s->rows[i]->end > m &&
		    strncmp(s->rows[i]->f[F_MEASURE], "projection", 10) != 0)
			m = s->rows[i]->end;
	return m;
}

/* ---- --explain (docs/report.md "Drill-down") ---- */

static void
period_text(char out[24], int from, int to)
{
	char a[8], b[8];

	month_format(from, a);
	month_format(to, b);
	if (from == to)
		snprintf(out, 24, "%s", a);
	else
		snprintf(out, 24, "%s..%s", a, b);
}

/*
 * The periods whose records a figure rests on: up to two (a change
 * compares two).  Returns their number; 0 when the figure has no record
 * list (a projection is fitted, not counted).
 */
static int
explain_periods(const struct row *r, const char *derived, int p[2][2])
{
	if (derived == NULL || strcmp(derived, "monthly_average") == 0 ||
	    strncmp(derived, "control_", 8) == 0 ||
	    strcmp(derived, "ytd") == 0 || strcmp(derived, "ytd_prev") == 0) {
		p[0][0] = r->start;
		p[0][1] = r->end;
		return 1;
	}
	if (strcmp(derived, "change_prev_month") == 0) {
		p[0][0] = r->end - 1;
		p[0][1] = r->end;
		return 1;
	}
	if (strcmp(derived, "change_prev_year") == 0 ||
	    strcmp(derived, "change_ytd") == 0) {
		p[0][0] = r->start - 12;
		p[0][1] = r->end - 12;
		p[1][0] = r->start;
		p[1][1] = r->end;
		return 2;
	}
	if (strncmp(derived, "projection", 10) == 0 ||
	    strcmp(derived, "projected_annual_change") == 0)
		return 0;
	p[0][0] = p[0][1] = r->end;	/* a verdict on month M */
	return 1;
}

/* The measure and category --explain is asked for; NULL when none. */
static const char *
explain_target(const struct row *r, const char **derived, char cat[512])
{
	int id = measure_find(r->f[F_MEASURE]), base;
	const char *colon;

	*derived = NULL;
	if (id < 0)
		return NULL;
	if (!(measure_defs[id].flags & MF_DERIVED)) {
		if (!(measure_defs[id].flags & MF_EXPLAIN) || (id == MS_COVERAGE
		    && !in_list(coverage_names, r->f[F_CATEGORY],
		    strlen(r->f[F_CATEGORY]))))
			return NULL;
		snprintf(cat, 512, "%s", r->f[F_CATEGORY]);
		return r->f[F_MEASURE];
	}
	*derived = r->f[F_MEASURE];
	if ((colon = strchr(r->f[F_CATEGORY], ':')) == NULL)
		return NULL;
	snprintf(cat, 512, "%s", colon + 1);
	for (base = 0; base < NMEASURES; base++)
		if (strlen(measure_defs[base].name) ==
		    (size_t)(colon - r->f[F_CATEGORY]) &&
		    strncmp(measure_defs[base].name, r->f[F_CATEGORY],
		    (size_t)(colon - r->f[F_CATEGORY])) == 0)
			break;
	if (base == NMEASURES || !(measure_defs[base].flags & MF_EXPLAIN))
		return NULL;
	return measure_defs[base].name;
}

/* The command lines (one a line) that list the records behind r. */
static char *
explain_command(const struct summary *s, const struct row *r)
{
	char cat[512], period[24], mon[8], *key, *w[3], *out = NULL;
	const char *derived, *measure = explain_target(r, &derived, cat);
	int p[2][2], k, n;
	size_t len = 0, need;

	if (measure == NULL || (n = explain_periods(r, derived, p)) == 0)
		return NULL;
	month_format(s->month, mon);
	for (k = 0; k < n; k++) {
		period_text(period, p[k][0], p[k][1]);
		need = strlen(period) + strlen(measure) + strlen(cat) +
		    strlen(r->f[F_AREA_TYPE]) + strlen(r->f[F_AREA]) + 8;
		key = xmalloc(need);
		snprintf(key, need, "%s,%s,%s,%s,%s", period, measure,
		    r->f[F_AREA_TYPE], r->f[F_AREA], cat);
		w[0] = esc_sh(s->force);
		w[1] = esc_sh(key);
		w[2] = esc_sh(s->set->stream);
		need = len + strlen(w[0]) + strlen(w[1]) + strlen(w[2]) + 80;
		out = xrealloc(out, need);
		len += (size_t)snprintf(out + len, need - len, "%saggregate-district "
		    "--month %s --force %s --explain %s %s", k > 0 ? "\n" : "",
		    mon, w[0], w[1], w[2]);
		free(w[0]);
		free(w[1]);
		free(w[2]);
		free(key);
	}
	return out;
}

struct figref *
lt_ref(const struct summary *s, const struct row *r, int f)
{
	const char *key[5];
	struct figref *ref;
	char *cmd;

	if (r == NULL)
		return NULL;
	key[0] = r->f[F_PERIOD];
	key[1] = r->f[F_AREA_TYPE];
	key[2] = r->f[F_AREA];
	key[3] = r->f[F_MEASURE];
	key[4] = r->f[F_CATEGORY];
	cmd = explain_command(s, r);
	ref = figref_new(key, lt_columns[f], r->f[f], cmd);
	free(cmd);
	return ref;
}

/* ---- --format csv: the rows the report used, in the table's order ---- */

static int
cmp_long(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a;
	const struct row *y = *(const struct row *const *)b;
	int i, c;

	for (i = F_PERIOD; i <= F_CATEGORY; i++)
		if ((c = strcmp(x->f[i], y->f[i])) != 0)
			return c;
	return 0;
}

size_t
lt_write_csv(struct summary *s, struct outbuf *o)
{
	struct row **used = xmalloc((s->n + 1) * sizeof(*used));
	size_t n = 0, i;

	for (i = 0; i < s->n; i++)
		if (s->rows[i]->used)
			used[n++] = s->rows[i];
	qsort(used, n, sizeof(*used), cmp_long);
	for (i = 0; i < NF; i++) {
		if (i > 0)
			out_putc(o, ',');
		out_str(o, lt_columns[i]);
	}
	out_putc(o, '\n');
	for (i = 0; i < n; i++) {
		out_write(o, used[i]->raw, used[i]->rawlen);
		out_putc(o, '\n');
	}
	free(used);
	return n;
}

size_t
lt_used(const struct summary *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		n += s->rows[i]->used != 0;
	return n;
}

void
lt_release(struct summary *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->rows[i]);
	free(s->rows);
	for (i = 0; i < s->nsources; i++)
		free(s->sources[i]);
	free(s->sources);
	free(s->pas);
	free(s->districts);
}
