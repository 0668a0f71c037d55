/*
 * emit-summary: render the long table of measures (docs/measures.md,
 * DEFINITIONS.md 3, 3.1) as the monthly Performance Summary, in Markdown,
 * HTML, CSV or JSON.  Every sentence follows docs/report.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/dates.h"
#include "../common/diag.h"
#include "../common/input.h"
#include "../common/numfmt.h"
#include "../common/members.h"
#include "../common/opts.h"
#include "../common/outbuf.h"
#include "../common/rejects.h"
#include "../common/report.h"
#include "../common/stream.h"
#include "../common/xalloc.h"

/* The long table's columns (docs/measures.md "Format"). */
enum { F_PERIOD, F_AREA_TYPE, F_AREA, F_MEASURE, F_CATEGORY, F_VALUE,
	F_DENOM, F_RATE, NF };
static const char *const long_columns[NF] = { "period", "area_type", "area",
	"measure", "category", "value", "denominator", "rate" };

/* One row of the table, kept whole: the table is small (DEF 3). */
struct row {
	char		*f[NF];
	char		*raw;		/* the record's bytes, for --format csv */
	size_t		 rawlen;
	const char	*source;	/* owned by summary.sources */
	unsigned long	 line;
	int		 start, end;	/* the period's months */
	int		 span;		/* written as YYYY-MM..YYYY-MM */
	int		 used;		/* the report shows it */
};

enum format { FMT_MD, FMT_HTML, FMT_CSV, FMT_JSON };

/* What a topic counts, for its sentence (docs/report.md). */
enum topic_kind { T_TOTAL, T_GROUP, T_MARKER, T_ASB, T_RURAL, T_REPEAT,
	T_GENERIC };

struct topic {
	enum topic_kind	 kind;
	const char	*measure, *category;
	char		*label;
};

struct summary {
	struct row	**rows;		/* sorted by lookup key */
	size_t		 n, cap;
	char		**sources;
	size_t		 nsources, sources_cap;
	const char	*member;	/* the member being read (in sources) */
	int		 month;		/* M */
	const char	*force;
	char		**pas, **districts;
	size_t		 npas, ndistricts;
	int		 policeuk;	/* coverage: no victims, no codes */
	int		 text_outcomes;	/* coverage: approximated outcomes */
	struct topic	*topics;
	size_t		 ntopics, topics_cap;
	struct report	 rep;
};

/* A growing string for sentences. */
struct sb {
	char	*p;
	size_t	 len, cap;
};

static const char *const month_names[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

/* DEFINITIONS.md 2.2, in the summary's order, with its two aggregates. */
static const char *const crime_groups[] = { "Homicide",
	"Violence with injury", "Violence without injury", "Rape",
	"Other sexual offences", "Business robbery", "Personal robbery",
	"All robbery", "Burglary \xe2\x80\x93 residential (dwelling)",
	"Burglary \xe2\x80\x93 business & community", "Vehicle offences",
	"Theft from the person", "Bicycle theft", "Shoplifting",
	"All other theft offences", "Criminal damage & arson",
	"Drug offences", "Possession of weapons", "Public order offences",
	"Miscellaneous crimes against society", NULL };

/*
 * Groups a police.uk street file cannot give (DEFINITIONS.md 1.1, 2.2: it
 * holds only the coarse categories).
 */
static const char *const fine_groups[] = { "Homicide", "Violence with injury",
	"Violence without injury", "Rape", "Other sexual offences",
	"Business robbery", "Personal robbery", "All robbery",
	"Burglary \xe2\x80\x93 residential (dwelling)",
	"Burglary \xe2\x80\x93 business & community", NULL };

/* The district table folds these into one row (DEFINITIONS.md 2.2). */
static const char *const society_groups[] = { "Drug offences",
	"Possession of weapons", "Public order offences",
	"Miscellaneous crimes against society", NULL };

#define OTHER_SOCIETY	"Other crimes against society"
#define TOTAL_CRIME	"Total recorded crime"

static const char *const markers[] = { "DA", "HATE", "CAR", "CSE",
	"BUSINESS", "CYBER", NULL };
static const char *const marker_labels[] = { "Domestic abuse", "Hate crime",
	"Child at risk", "Child sexual exploitation", "Business crime",
	"Cyber crime", NULL };
static const char *const marker_units[] = { "domestic abuse offence",
	"hate offence", "child at risk offence", "CSE offence",
	"business crime", "cyber crime offence", NULL };

/* DEFINITIONS.md 2.3 rural themes. */
static const char *const rural_themes[] = { "farm machinery & plant",
	"livestock", "fuel theft", "equine", "fly-tipping", "heritage", NULL };

/* DEFINITIONS.md 2.4 groups and action-taken subgroups. */
static const char *const outcome_groups[] = { "Action taken",
	"No action taken",
	"Investigation complete \xe2\x80\x93 no suspect identified", "Other",
	"not grouped", NULL };
static const char *const outcome_codes[] = { "OC1, 1A, 2, 2A, 3, 3A, 4, 6, 7, 8",
	"OC5, 9, 10, 11, 12, 13, 15, 16, 17", "OC14, 18", "OC20, 21, 22",
	"OC19", NULL };
static const char *const outcome_subgroups[] = { "charge/summons", "caution",
	"taken into consideration", "penalty notice", "cannabis/khat warning",
	"community resolution", NULL };

static const char *const cohorts[] = { "2", "3-5", "6-9", "10-19", "20+",
	NULL };

/* Measures with a place of their own; any other is a generic topic. */
static const char *const known_measures[] = { "recorded_crime", "asb",
	"marker", "rural_crime", "unplaced", "victims", "repeat_victims",
	"repeat_cohort_victims", "repeat_cohort_offences_12m",
	"repeat_cohort_offences_month", "repeat_victims_also_prev",
	"repeat_victims_3_months", "outcome_rate",
	"outcomes_recorded_in_period", "outcomes_in_month",
	"change_prev_month", "change_prev_year", "monthly_average",
	"control_upper", "control_lower", "exceptional", "increasing_trend",
	"ytd", "ytd_prev", "change_ytd", "coverage", NULL };

enum { OPT_FORMAT = OPT_FILTER_FIRST, OPT_MONTH, OPT_TITLE };

static const struct option long_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "month", required_argument, NULL, OPT_MONTH },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "help", no_argument, NULL, 'h' },
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* The temporary file of -o, removed by any exit that does not commit. */
static char *tmp_path;

static void
remove_tmp(void)
{
	if (tmp_path != NULL)
		unlink(tmp_path);
}

static void
on_signal(int sig)
{
	if (tmp_path != NULL)
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static long
list_index(const char *const *list, const char *s)
{
	long i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

static void
sb_printf(struct sb *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
sb_printf(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	b->p = xgrow(b->p, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static const char *
sb_reset(struct sb *b)
{
	b->len = 0;
	if (b->p == NULL)
		b->p = xstrdup("");
	b->p[0] = '\0';
	return b->p;
}

/* ---- Months ---- */

/* "December" */
static const char *
month_name(int m)
{
	return month_names[m % 12];
}

/* "December 2019" */
static char *
month_long(char out[24], int m)
{
	snprintf(out, 24, "%s %d", month_names[m % 12], m / 12);
	return out;
}

/* "Dec 2019", for table columns. */
static char *
month_short(char out[16], int m)
{
	snprintf(out, 16, "%.3s %d", month_names[m % 12], m / 12);
	return out;
}

/* "Dec-19", for chart axes. */
static char *
month_tick(char out[16], int m)
{
	snprintf(out, 16, "%.3s-%02d", month_names[m % 12], m / 12 % 100);
	return out;
}

/* "Apr 2019 – Dec 2019" */
static char *
span_label(char out[48], const struct row *r)
{
	char a[16], b[16];

	snprintf(out, 48, "%s \xe2\x80\x93 %s", month_short(a, r->start),
	    month_short(b, r->end));
	return out;
}

/* ---- Reading ---- */

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
valid_value(const struct field *f)
{
	long long v;

	return num_parse(f->ptr, f->len, &v) == 0 || field_is(f, "n/a") ||
	    field_is(f, "Y") || field_is(f, "N") || field_is(f, "Y (low)");
}

static int
valid_number_or_empty(const struct field *f)
{
	long long v;

	return f->len == 0 || num_parse(f->ptr, f->len, &v) == 0;
}

/* Check one record (docs/measures.md "Format"); keep it or reject it. */
static void
take_record(struct summary *s, const struct record *rec, const char *source)
{
	struct row *r;
	const struct field *v = rec->value;
	int start, end, span;
	size_t i, size;
	char *p;

	if (parse_period(v[F_PERIOD].ptr, v[F_PERIOD].len, &start, &end,
	    &span) < 0) {
		reject(rec->source, rec->line, "period", rec->raw, rec->raw_len,
		    "not a month (YYYY-MM) or a span (YYYY-MM..YYYY-MM)");
		return;
	}
	if (!field_is(&v[F_AREA_TYPE], "force") &&
	    !field_is(&v[F_AREA_TYPE], "policing_area") &&
	    !field_is(&v[F_AREA_TYPE], "district")) {
		reject(rec->source, rec->line, "area_type", rec->raw,
		    rec->raw_len, "not force, policing_area or district");
		return;
	}
	if (v[F_AREA].len == 0 || v[F_MEASURE].len == 0) {
		reject(rec->source, rec->line, v[F_AREA].len == 0 ? "area" :
		    "measure", rec->raw, rec->raw_len, "empty");
		return;
	}
	/* Verdicts and coverage texts are words (docs/measures.md). */
	if (!valid_value(&v[F_VALUE]) && !field_is(&v[F_MEASURE],
	    "special_cause") && !field_is(&v[F_MEASURE], "variation") &&
	    !field_is(&v[F_MEASURE], "projection_check") &&
	    !field_is(&v[F_MEASURE], "projection_trend") &&
	    !field_is(&v[F_MEASURE], "coverage")) {
		reject(rec->source, rec->line, "value", rec->raw, rec->raw_len,
		    "not a number, n/a, Y, Y (low) or N");
		return;
	}
	for (i = F_DENOM; i <= F_RATE; i++)
		if (!valid_number_or_empty(&v[i])) {
			reject(rec->source, rec->line, long_columns[i],
			    rec->raw, rec->raw_len, "not a number");
			return;
		}
	/* One allocation: the row, its fields and its raw bytes. */
	size = sizeof(*r) + rec->raw_len + 1;
	for (i = 0; i < NF; i++)
		size += v[i].len + 1;
	r = xmalloc(size);
	p = (char *)(r + 1);
	for (i = 0; i < NF; i++) {
		r->f[i] = p;
		memcpy(p, v[i].ptr, v[i].len);
		p[v[i].len] = '\0';
		p += v[i].len + 1;
	}
	r->raw = p;
	memcpy(p, rec->raw, rec->raw_len);
	p[rec->raw_len] = '\0';
	r->rawlen = rec->raw_len;
	r->source = source;
	r->line = rec->line;
	r->start = start;
	r->end = end;
	r->span = span;
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
		if (!field_is(&h->value[i], long_columns[i]))
			return 0;
	return 1;
}

static const char *
keep_source(struct summary *s, const char *name)
{
	s->sources = xgrow(s->sources, &s->sources_cap, s->nsources + 1,
	    sizeof(char *));
	return s->sources[s->nsources++] = xstrdup(name);
}

/* Each member must be a long table; its name is kept for messages. */
static int
member_header(void *ctx, struct rec_reader *r, const char *name)
{
	struct summary *s = ctx;

	s->member = keep_source(s, name);
	if (!header_is_long(rec_reader_header(r))) {
		diag_at(name, 1, NULL, "not a table of measures: the header "
		    "must be '%s,%s,%s,%s,%s,%s,%s,%s'; input skipped",
		    long_columns[0], long_columns[1], long_columns[2],
		    long_columns[3], long_columns[4], long_columns[5],
		    long_columns[6], long_columns[7]);
		return -1;
	}
	return 0;
}

static void
member_record(void *ctx, struct record *rec)
{
	struct summary *s = ctx;

	take_record(s, rec, s->member);
}

/* ---- Lookup ---- */

static int
cmp_key(const struct row *a, const struct row *b)
{
	int c, i;
	static const int order[] = { F_AREA_TYPE, F_AREA, F_MEASURE,
		F_CATEGORY };

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
	c = strcmp(x->source, y->source);
	if (c != 0)
		return x->source < y->source ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Sort, and reject a repeated key (docs/measures.md: none are allowed). */
static void
index_rows(struct summary *s)
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

/*
 * The row for (area_type, area, measure, category) whose period ends in
 * end: a single month when span is 0, a span (any start) when 1.  NULL
 * when there is none.  A row found is marked used.
 */
static struct row *
get(struct summary *s, const char *at, const char *area, const char *measure,
    const char *category, int end, int span)
{
	size_t lo = 0, hi = s->n, mid;
	struct row key, *r;
	int c;

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
	for (; lo < s->n; lo++) {
		r = s->rows[lo];
		key.start = r->start;
		key.span = r->span;
		if ((c = cmp_key(r, &key)) != 0)
			break;
		if (r->span == span && (span || r->start == end)) {
			r->used = 1;
			return r;
		}
	}
	return NULL;
}

/* The force-level row of a single month. */
static struct row *
getf(struct summary *s, const char *measure, const char *category, int month)
{
	return get(s, "force", s->force, measure, category, month, 0);
}

/* A derived row (DEF 3.1: category "measure:category"). */
static struct row *
get_derived(struct summary *s, const char *at, const char *area,
    const char *derived, const struct topic *t, int end, int span)
{
	char cat[512];

	snprintf(cat, sizeof(cat), "%s:%s", t->measure, t->category);
	return get(s, at, area, derived, cat, end, span);
}

/* 1 and *v when r holds a number in field f. */
static int
row_num(const struct row *r, int f, long long *v)
{
	return r != NULL && num_parse(r->f[f], strlen(r->f[f]), v) == 0;
}

static int
any_row(struct summary *s, const char *at, const char *measure,
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

/* ---- Setting up: M, the areas, the coverage ---- */

static void
add_name(char ***list, size_t *n, const char *name)
{
	if (*n > 0 && strcmp((*list)[*n - 1], name) == 0)
		return;
	*list = xrealloc(*list, (*n + 1) * sizeof(char *));
	(*list)[(*n)++] = (char *)name;
}

static void
find_areas(struct summary *s)
{
	size_t i;
	const struct row *r;

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

static int
latest_month(const struct summary *s)
{
	size_t i;
	int m = -1;

	for (i = 0; i < s->n; i++)
		if (!s->rows[i]->span && s->rows[i]->end > m)
			m = s->rows[i]->end;
	return m;
}

static long long
coverage(struct summary *s, const char *what, int *known)
{
	long long v = 0;

	*known = row_num(getf(s, "coverage", what, s->month), F_VALUE, &v);
	return v;
}

/* ---- Cells ---- */

/* A count or number from field f of r, with separators. */
static void
cell_field(struct cell *c, const struct row *r, int f, const char *suffix)
{
	char text[96], grouped[80], literal[64];
	long long v;

	if (r == NULL || r->f[f][0] == '\0')
		return;
	if (strcmp(r->f[f], "n/a") == 0) {
		cell_na(c);
		return;
	}
	if (num_parse(r->f[f], strlen(r->f[f]), &v) < 0) {
		cell_text(c, r->f[f]);
		return;
	}
	snprintf(text, sizeof(text), "%s%s", num_group(grouped,
	    sizeof(grouped), r->f[f]), suffix);
	cell_number(c, text, num_plain(literal, sizeof(literal), v));
}

static void
cell_value(struct cell *c, const struct row *r)
{
	cell_field(c, r, F_VALUE, "");
}

/* A change or share: the value with a '%'. */
static void
cell_pct(struct cell *c, const struct row *r)
{
	cell_field(c, r, F_VALUE, "%");
}

static void
cell_flag(struct cell *c, const struct row *r)
{
	if (r != NULL)
		cell_text(c, r->f[F_VALUE]);
}

/* ---- Sentences (docs/report.md) ---- */

/* value as shown in a sentence: its own decimals, with separators. */
static const char *
show(char out[80], const char *value)
{
	return num_group(out, 80, value);
}

/* Rule 4: within 2% of the average (inclusive) is "in line with". */
static const char *
position(long long v, long long avg)
{
	long long d = v - avg, a = avg < 0 ? -avg : avg;

	if (d < 0)
		d = -d;
	/*
	 * |v - avg| <= 2% of |avg|, exactly: for whole d, 50 d <= a holds
	 * iff d <= floor(a / 50), which cannot overflow.
	 */
	if (d <= a / 50)
		return "in line with";
	return v > avg ? "above" : "below";
}

/* Rule 3: compared with the previous month. */
static const char *
direction(long long v, long long prev)
{
	if (v > prev)
		return "an increase";
	if (v < prev)
		return "a decrease";
	return "no change";
}

/* The words after the count, singular or plural (rule 2). */
static void
unit(struct sb *b, const struct topic *t, int one)
{
	const char *g = t->category;
	size_t len = strlen(g);
	long i;

	switch (t->kind) {
	case T_TOTAL:
		sb_printf(b, one ? "offence" : "offences");
		break;
	case T_GROUP:
		/* "Rape" -> "rape offences"; "Drug offences" -> "drug offences" */
		if (len > 1 && g[0] >= 'A' && g[0] <= 'Z' &&
		    !(g[1] >= 'A' && g[1] <= 'Z'))
			sb_printf(b, "%c%s", g[0] - 'A' + 'a', g + 1);
		else
			sb_printf(b, "%s", g);
		if (len >= 8 && strcmp(g + len - 8, "offences") == 0) {
			if (one)
				b->p[--b->len] = '\0';
		} else
			sb_printf(b, one ? " offence" : " offences");
		break;
	case T_MARKER:
		if ((i = list_index(markers, g)) >= 0)
			sb_printf(b, "%s%s", marker_units[i], one ? "" : "s");
		else
			sb_printf(b, "%s marker offence%s", g, one ? "" : "s");
		break;
	case T_ASB:
		sb_printf(b, one ? "ASB incident" : "ASB incidents");
		break;
	case T_RURAL:
		sb_printf(b, one ? "rural offence" : "rural offences");
		break;
	case T_REPEAT:
		sb_printf(b, strcmp(g, "DA") == 0 ? (one ? "repeat DA victim" :
		    "repeat DA victims") : (one ? "repeat victim" :
		    "repeat victims"));
		break;
	case T_GENERIC:
		break;
	}
}

/*
 * The sentence of a topic at one area (docs/report.md "Topic
 * sentences").  Returns the text in b.
 */
static const char *
topic_sentence(struct summary *s, struct sb *b, const struct topic *t,
    const char *at, const char *area)
{
	struct row *cur, *prev, *avg, *exc, *trend;
	long long v, p, a;
	char n1[80], n2[80], n3[80], whole[80];
	int M = s->month, have_p, have_a;

	sb_reset(b);
	cur = get(s, at, area, t->measure, t->category, M, 0);
	if (!row_num(cur, F_VALUE, &v)) {
		sb_printf(b, "%s: not available for %s.", t->label,
		    month_long(n1, M));
		return b->p;
	}
	prev = get(s, at, area, t->measure, t->category, M - 1, 0);
	avg = get_derived(s, at, area, "monthly_average", t, M - 1, 1);
	have_p = row_num(prev, F_VALUE, &p);
	have_a = row_num(avg, F_VALUE, &a);
	if (t->kind == T_GENERIC)
		sb_printf(b, "%s was %s in %s.", t->label, show(n1,
		    cur->f[F_VALUE]), month_name(M));
	else {
		sb_printf(b, "%s ", show(n1, cur->f[F_VALUE]));
		unit(b, t, v == NUM_SCALE);
		sb_printf(b, " %s recorded in %s.", v == NUM_SCALE ? "was" :
		    "were", month_name(M));
	}
	/* Rule 5: the average in a sentence is rounded to a whole number
	 * for counts, and shown as in the table for other measures. */
	if (have_a)
		num_format(whole, sizeof(whole), a, t->kind == T_GENERIC ? 1 :
		    0, 1);
	if (have_p && have_a)
		sb_printf(b, " This is %s compared to %s (%s) and %s the "
		    "monthly average (%s).", direction(v, p), month_name(M - 1),
		    show(n2, prev->f[F_VALUE]), position(v, a), whole);
	else if (have_p)
		sb_printf(b, " This is %s compared to %s (%s); the monthly "
		    "average is not available.", direction(v, p),
		    month_name(M - 1), show(n2, prev->f[F_VALUE]));
	else if (have_a)
		sb_printf(b, " The figure for %s is not available; this is %s "
		    "the monthly average (%s).", month_name(M - 1),
		    position(v, a), whole);
	else
		sb_printf(b, " The figure for %s and the monthly average are "
		    "not available.", month_name(M - 1));
	exc = get_derived(s, at, area, "exceptional", t, M, 0);
	if (exc != NULL && strcmp(exc->f[F_VALUE], "Y") == 0)
		sb_printf(b, " Exceptional volumes were recorded.");
	else if (exc != NULL && strcmp(exc->f[F_VALUE], "Y (low)") == 0)
		sb_printf(b, " Volumes were exceptionally low.");
	trend = get_derived(s, at, area, "increasing_trend", t, M, 0);
	if (trend != NULL && strcmp(trend->f[F_VALUE], "Y") == 0)
		sb_printf(b, " Volumes show an increasing trend.");
	(void)n3;
	return b->p;
}

/* ---- Topics ---- */

static void
add_topic(struct summary *s, enum topic_kind kind, const char *measure,
    const char *category, const char *label)
{
	struct topic *t;

	s->topics = xgrow(s->topics, &s->topics_cap, s->ntopics + 1,
	    sizeof(*t));
	t = &s->topics[s->ntopics++];
	t->kind = kind;
	t->measure = measure;
	t->category = category;
	t->label = xstrdup(label);
}

/* "victim_satisfaction", "Whole experience" -> "Victim satisfaction: Whole experience" */
static char *
generic_label(const char *measure, const char *category)
{
	char *p = xmalloc(strlen(measure) + strlen(category) + 3), *q;

	strcpy(p, measure);
	for (q = p; *q != '\0'; q++)
		if (*q == '_')
			*q = ' ';
	if (p[0] >= 'a' && p[0] <= 'z')
		p[0] = (char)(p[0] - 'a' + 'A');
	if (category[0] != '\0') {
		strcat(p, ": ");
		strcat(p, category);
	}
	return p;
}

static int
flagged(struct summary *s, const struct topic *t)
{
	struct row *e = get_derived(s, "force", s->force, "exceptional", t,
	    s->month, 0);
	struct row *i = get_derived(s, "force", s->force, "increasing_trend", t,
	    s->month, 0);

	return (e != NULL && e->f[F_VALUE][0] == 'Y') ||
	    (i != NULL && strcmp(i->f[F_VALUE], "Y") == 0);
}

/* The crime groups of the force, DEF 2.2 order first, then others. */
static size_t
group_list(struct summary *s, const char **out, size_t max, int district)
{
	size_t n = 0, i;
	const struct row *r;
	const char *prev = NULL;

	for (i = 0; crime_groups[i] != NULL && n < max; i++) {
		if (s->policeuk && in_list(fine_groups, crime_groups[i]))
			continue;
		if (district && (in_list(society_groups, crime_groups[i]) ||
		    strcmp(crime_groups[i], "All robbery") == 0))
			continue;
		if (any_row(s, "force", "recorded_crime", crime_groups[i]))
			out[n++] = crime_groups[i];
	}
	for (i = 0; i < s->n && n < max; i++) {
		r = s->rows[i];
		if (strcmp(r->f[F_AREA_TYPE], "force") != 0 ||
		    strcmp(r->f[F_MEASURE], "recorded_crime") != 0)
			continue;
		if (prev != NULL && strcmp(prev, r->f[F_CATEGORY]) == 0)
			continue;
		prev = r->f[F_CATEGORY];
		if (in_list(crime_groups, prev) ||
		    strcmp(prev, OTHER_SOCIETY) == 0 ||
		    strcmp(prev, TOTAL_CRIME) == 0)
			continue;
		out[n++] = prev;
	}
	return n;
}

static int
is_known(const char *measure)
{
	return in_list(known_measures, measure);
}

/*
 * ASB is recorded only in police.uk files (DEFINITIONS.md 1.1): a force
 * extract gives rows of 0 in every month, which say "not recorded", not
 * "none happened" (docs/report.md rule 9).
 */
static int
asb_recorded(struct summary *s)
{
	const struct row *r;
	long long v;
	size_t i;

	for (i = 0; i < s->n; i++) {
		r = s->rows[i];
		if (strcmp(r->f[F_AREA_TYPE], "force") == 0 &&
		    strcmp(r->f[F_MEASURE], "asb") == 0 && !r->span &&
		    row_num(r, F_VALUE, &v) && v != 0)
			return 1;
	}
	return 0;
}

/* Headline topics (docs/report.md "Headline"). */
static void
collect_topics(struct summary *s)
{
	const char *groups[256], *prev_m = NULL, *prev_c = NULL;
	struct topic probe;
	char *label;
	size_t i, n;
	const struct row *r;

	add_topic(s, T_TOTAL, "recorded_crime", TOTAL_CRIME, TOTAL_CRIME);
	if (!s->policeuk) {
		for (i = 0; markers[i] != NULL; i++)
			if (any_row(s, "force", "marker", markers[i]))
				add_topic(s, T_MARKER, "marker", markers[i],
				    marker_labels[i]);
		for (i = 0; i < s->n; i++) {
			r = s->rows[i];
			if (strcmp(r->f[F_AREA_TYPE], "force") != 0 ||
			    strcmp(r->f[F_MEASURE], "marker") != 0 ||
			    in_list(markers, r->f[F_CATEGORY]) ||
			    (prev_c != NULL &&
			    strcmp(prev_c, r->f[F_CATEGORY]) == 0))
				continue;
			prev_c = r->f[F_CATEGORY];
			label = generic_label("marker", prev_c);
			add_topic(s, T_MARKER, "marker", prev_c, label);
			free(label);
		}
	}
	if (asb_recorded(s))
		add_topic(s, T_ASB, "asb", "Anti-social behaviour",
		    "Anti-social behaviour");
	add_topic(s, T_RURAL, "rural_crime", "Total", "Rural crime");
	if (!s->policeuk) {
		add_topic(s, T_REPEAT, "repeat_victims", "All", "Repeat victims");
		add_topic(s, T_REPEAT, "repeat_victims", "DA",
		    "Repeat DA victims");
	}
	n = group_list(s, groups, 256, 0);
	for (i = 0; i < n; i++) {
		probe.measure = "recorded_crime";
		probe.category = groups[i];
		if (flagged(s, &probe))
			add_topic(s, T_GROUP, "recorded_crime", groups[i],
			    groups[i]);
	}
	prev_c = NULL;
	for (i = 0; i < s->n; i++) {
		r = s->rows[i];
		if (strcmp(r->f[F_AREA_TYPE], "force") != 0 ||
		    is_known(r->f[F_MEASURE]))
			continue;
		if (prev_m != NULL && strcmp(prev_m, r->f[F_MEASURE]) == 0 &&
		    strcmp(prev_c, r->f[F_CATEGORY]) == 0)
			continue;
		prev_m = r->f[F_MEASURE];
		prev_c = r->f[F_CATEGORY];
		label = generic_label(prev_m, prev_c);
		add_topic(s, T_GENERIC, prev_m, prev_c, label);
		free(label);
	}
}

static const struct topic *
topic_of(const struct summary *s, enum topic_kind kind, const char *category)
{
	size_t i;

	for (i = 0; i < s->ntopics; i++)
		if (s->topics[i].kind == kind &&
		    strcmp(s->topics[i].category, category) == 0)
			return &s->topics[i];
	return NULL;
}

/* ---- Sections ---- */

static void
headline(struct summary *s, struct rsection *sec)
{
	char m0[16], m1[16];
	const char *cols[5];
	struct rtable *t;
	struct cell *c;
	const struct topic *tp;
	size_t i;

	cols[0] = "Topic";
	cols[1] = month_short(m0, s->month);
	cols[2] = month_short(m1, s->month - 1);
	cols[3] = "Monthly average";
	cols[4] = "Exceptional";
	t = rs_table(sec, "", 5, cols);
	for (i = 0; i < s->ntopics; i++) {
		tp = &s->topics[i];
		c = table_row(t);
		cell_text(&c[0], tp->label);
		cell_value(&c[1], getf(s, tp->measure, tp->category, s->month));
		cell_value(&c[2], getf(s, tp->measure, tp->category,
		    s->month - 1));
		cell_value(&c[3], get_derived(s, "force", s->force,
		    "monthly_average", tp, s->month - 1, 1));
		cell_flag(&c[4], get_derived(s, "force", s->force,
		    "exceptional", tp, s->month, 0));
	}
	rs_text(sec, REPORT_MISSING " not available; n/a: no comparison "
	    "(the earlier figure is 0).");
}

/* A topic: heading, sentence, the areas over 3 months, 13-month chart. */
static void	baseline_note(struct summary *s, struct rsection *sec,
		    const struct topic *t);

static void
topic_block(struct summary *s, struct rsection *sec, const struct topic *t)
{
	struct sb b = { NULL, 0, 0 };
	char m[3][16], tick[16], title[256];
	const char *cols[4];
	struct rtable *tab;
	struct rchart *ch;
	struct row *r;
	struct cell *c;
	size_t i;
	int k, any;
	long long v;

	rs_heading(sec, t->label);
	rs_text(sec, topic_sentence(s, &b, t, "force", s->force));
	free(b.p);
	if (getf(s, t->measure, t->category, s->month) == NULL)
		return;
	cols[0] = "Area";
	for (k = 0; k < 3; k++)
		cols[k + 1] = month_short(m[k], s->month - 2 + k);
	tab = rs_table(sec, "", 4, cols);
	for (i = 0; i <= s->npas; i++) {
		const char *at = i < s->npas ? "policing_area" : "force";
		const char *area = i < s->npas ? s->pas[i] : s->force;

		for (any = 0, k = 0; k < 3; k++)
			if (get(s, at, area, t->measure, t->category,
			    s->month - 2 + k, 0) != NULL)
				any = 1;
		if (!any)
			continue;
		c = table_row(tab);
		cell_text(&c[0], area);
		for (k = 0; k < 3; k++)
			cell_value(&c[k + 1], get(s, at, area, t->measure,
			    t->category, s->month - 2 + k, 0));
	}
	snprintf(title, sizeof(title), "%s, %s: last 13 months", t->label,
	    s->force);
	ch = rs_chart(sec, CHART_LINE, title, 13);
	for (k = 0; k < 13; k++) {
		chart_label(ch, (size_t)k, month_tick(tick, s->month - 12 + k));
		r = getf(s, t->measure, t->category, s->month - 12 + k);
		if (row_num(r, F_VALUE, &v)) {
			ch->value[k] = v;
			ch->present[k] = 1;
		}
	}
	ch->has_average = row_num(get_derived(s, "force", s->force,
	    "monthly_average", t, s->month - 1, 1), F_VALUE, &ch->average);
	ch->has_upper = row_num(get_derived(s, "force", s->force,
	    "control_upper", t, s->month - 1, 1), F_VALUE, &ch->upper);
	ch->has_lower = row_num(get_derived(s, "force", s->force,
	    "control_lower", t, s->month - 1, 1), F_VALUE, &ch->lower);
	baseline_note(s, sec, t);
}

/*
 * The data note names the baseline of total recorded crime; a topic whose
 * baseline is another (repeat victims start at the data's 12th month,
 * docs/measures.md) says so under its chart.
 */
static void
baseline_note(struct summary *s, struct rsection *sec, const struct topic *t)
{
	const struct topic total = { T_TOTAL, "recorded_crime", TOTAL_CRIME,
	    NULL };
	struct row *mine, *report;
	char lbl[48], text[160];

	mine = get_derived(s, "force", s->force, "monthly_average", t,
	    s->month - 1, 1);
	report = get_derived(s, "force", s->force, "monthly_average", &total,
	    s->month - 1, 1);
	if (mine == NULL || report == NULL || mine->start == report->start)
		return;
	snprintf(text, sizeof(text), "The monthly average and control limits "
	    "of this chart are over %s.", span_label(lbl, mine));
	rs_text(sec, text);
}

/* Rate per 1,000 in month m; marked when it rose vs m - 1. */
static void
cell_rate(struct summary *s, struct cell *c, const char *at,
    const char *area, const char *group, int m)
{
	struct row *r = get(s, at, area, "recorded_crime", group, m, 0);
	struct row *p = get(s, at, area, "recorded_crime", group, m - 1, 0);
	long long a, b;

	cell_field(c, r, F_RATE, "");
	if (row_num(r, F_RATE, &a) && row_num(p, F_RATE, &b) && a > b)
		c->marked = 1;
}

static void
district_comparison(struct summary *s, struct rsection *sec)
{
	const char *groups[256], *cols[5];
	char m[3][16], rc[3][64], cap[512], title[16];
	struct sb b = { NULL, 0, 0 };
	struct rtable *t;
	struct cell *c;
	struct row *r;
	size_t n, i, a, na = 1 + s->npas + s->ndistricts;
	int k;
	static const char *const reasons[] = { "no lsoa",
		"outside force area", "unknown district", NULL };

	topic_block(s, sec, topic_of(s, T_TOTAL, TOTAL_CRIME));
	sb_reset(&b);
	for (i = 0; reasons[i] != NULL; i++) {
		r = getf(s, "unplaced", reasons[i], s->month);
		if (r == NULL)
			continue;
		sb_printf(&b, "%s%s: %s", b.len == 0 ? "" : "; ", reasons[i],
		    show(cap, r->f[F_VALUE]));
	}
	if (b.len > 0) {
		snprintf(cap, sizeof(cap), "%s", b.p);
		sb_reset(&b);
		sb_printf(&b, "Offences that no district can take in %s count "
		    "in the force total only (%s).", month_name(s->month), cap);
		rs_text(sec, b.p);
	}
	free(b.p);
	rs_heading(sec, "District comparison by crime group");
	rs_text(sec, "Offences in the month and the rate per 1,000 "
	    "population (burglary: per 1,000 households) for the last three "
	    "months. A rate marked \xe2\x96\xb2 (shaded) rose compared with the "
	    "month before.");
	n = group_list(s, groups, 250, 1);
	if (any_row(s, "force", "recorded_crime", OTHER_SOCIETY))
		groups[n++] = OTHER_SOCIETY;
	groups[n++] = TOTAL_CRIME;
	cols[0] = "Crime group";
	cols[1] = month_short(title, s->month);
	for (k = 0; k < 3; k++) {
		month_short(m[k], s->month - k);
		snprintf(rc[k], sizeof(rc[k]), "Rate %s", m[k]);
		cols[2 + k] = rc[k];
	}
	for (a = 0; a < na; a++) {
		const char *at, *area, *kind;

		if (a == 0) {
			at = "force";
			area = s->force;
			kind = "force";
		} else if (a <= s->npas) {
			at = "policing_area";
			area = s->pas[a - 1];
			kind = "policing area";
		} else {
			at = "district";
			area = s->districts[a - 1 - s->npas];
			kind = "district";
		}
		snprintf(cap, sizeof(cap), "%s (%s)", area, kind);
		t = rs_table(sec, cap, 5, cols);
		for (i = 0; i < n; i++) {
			c = table_row(t);
			cell_text(&c[0], groups[i]);
			cell_value(&c[1], get(s, at, area, "recorded_crime",
			    groups[i], s->month, 0));
			for (k = 0; k < 3; k++)
				cell_rate(s, &c[2 + k], at, area, groups[i],
				    s->month - k);
		}
	}
}

/* Policing areas flagged exceptional for a group. */
static void
cell_area_flags(struct summary *s, struct cell *c, const struct topic *t)
{
	struct sb b = { NULL, 0, 0 };
	struct row *e;
	size_t i;

	sb_reset(&b);
	for (i = 0; i < s->npas; i++) {
		e = get_derived(s, "policing_area", s->pas[i], "exceptional", t,
		    s->month, 0);
		if (e == NULL || e->f[F_VALUE][0] != 'Y')
			continue;
		sb_printf(&b, "%s%s%s", b.len > 0 ? ", " : "", s->pas[i],
		    strcmp(e->f[F_VALUE], "Y (low)") == 0 ? " (low)" : "");
	}
	cell_text(c, b.p);
	free(b.p);
}

/* Rows: M, M-1, % change, M-12, % change (docs/report.md). */
static void
change_cells(struct summary *s, struct cell *c, const struct topic *t)
{
	cell_value(&c[0], getf(s, t->measure, t->category, s->month));
	cell_value(&c[1], getf(s, t->measure, t->category, s->month - 1));
	cell_pct(&c[2], get_derived(s, "force", s->force, "change_prev_month",
	    t, s->month, 0));
	cell_value(&c[3], getf(s, t->measure, t->category, s->month - 12));
	cell_pct(&c[4], get_derived(s, "force", s->force, "change_prev_year",
	    t, s->month, 0));
}

static void
crime_breakdown(struct summary *s, struct rsection *sec)
{
	const char *groups[256], *cols[9];
	char m0[16], m1[16], m12[16];
	struct topic t;
	struct rtable *tab;
	struct cell *c;
	size_t n, i;

	n = group_list(s, groups, 255, 0);
	groups[n++] = TOTAL_CRIME;
	cols[0] = "Crime group";
	cols[1] = month_short(m0, s->month);
	cols[2] = month_short(m1, s->month - 1);
	cols[3] = "% change";
	cols[4] = month_short(m12, s->month - 12);
	cols[5] = "% change";
	cols[6] = "Exceptional";
	cols[7] = "Increasing trend";
	cols[8] = "Policing areas exceptional";
	tab = rs_table(sec, "Force level", 9, cols);
	for (i = 0; i < n; i++) {
		t.measure = "recorded_crime";
		t.category = groups[i];
		c = table_row(tab);
		cell_text(&c[0], groups[i]);
		change_cells(s, &c[1], &t);
		cell_flag(&c[6], get_derived(s, "force", s->force,
		    "exceptional", &t, s->month, 0));
		cell_flag(&c[7], get_derived(s, "force", s->force,
		    "increasing_trend", &t, s->month, 0));
		cell_area_flags(s, &c[8], &t);
	}
	if (s->policeuk)
		rs_text(sec, "Fine crime groups (homicide, violence with and "
		    "without injury, rape, other sexual offences, business and "
		    "personal robbery, residential and business burglary): not "
		    "available \xe2\x80\x94 data.police.uk holds only coarse "
		    "crime categories.");
	for (i = 0; i < s->ntopics; i++)
		if (s->topics[i].kind == T_GROUP)
			topic_block(s, sec, &s->topics[i]);
}

static int
ytd_rank(const char *cat)
{
	static const char *const order[] = { "recorded_crime:", "asb:",
		"marker:", "rural_crime:", NULL };
	int i;

	for (i = 0; order[i] != NULL; i++)
		if (strncmp(cat, order[i], strlen(order[i])) == 0)
			return i;
	return i;
}

static long
group_rank(const char *cat)
{
	const char *colon = strchr(cat, ':');
	long i;

	if (colon == NULL)
		return 999;
	if (strcmp(colon + 1, TOTAL_CRIME) == 0 ||
	    strcmp(colon + 1, "Total") == 0)
		return -1;
	if ((i = list_index(rural_themes, colon + 1)) >= 0)
		return 600 + i;
	if ((i = list_index(crime_groups, colon + 1)) >= 0)
		return i;
	if ((i = list_index(markers, colon + 1)) >= 0)
		return i;
	return 500;
}

static int
cmp_ytd(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a;
	const struct row *y = *(const struct row *const *)b;
	int ra = ytd_rank(x->f[F_CATEGORY]), rb = ytd_rank(y->f[F_CATEGORY]);
	long ga, gb;

	if (ra != rb)
		return ra - rb;
	ga = group_rank(x->f[F_CATEGORY]);
	gb = group_rank(y->f[F_CATEGORY]);
	if (ga != gb)
		return ga < gb ? -1 : 1;
	return strcmp(x->f[F_CATEGORY], y->f[F_CATEGORY]);
}

/* "recorded_crime:Rape" -> "Rape"; "marker:DA" -> "Domestic abuse" */
static const char *
ytd_label(const char *cat, char buf[256])
{
	const char *colon = strchr(cat, ':');
	long i;

	if (colon == NULL)
		return cat;
	if (strncmp(cat, "marker:", 7) == 0 &&
	    (i = list_index(markers, colon + 1)) >= 0)
		return marker_labels[i];
	if (strcmp(cat, "rural_crime:Total") == 0)
		return "Rural crime";
	if (strncmp(cat, "rural_crime:", 12) == 0) {
		snprintf(buf, 256, "Rural crime: %s", colon + 1);
		return buf;
	}
	return colon + 1;
}

static void
year_to_date(struct summary *s, struct rsection *sec)
{
	struct row **list = NULL, *r, *prev;
	size_t n = 0, cap = 0, i;
	char c1[48], c2[48], lbl[256];
	const char *cols[4];
	struct rtable *t;
	struct cell *c;

	for (i = 0; i < s->n; i++) {
		r = s->rows[i];
		if (strcmp(r->f[F_AREA_TYPE], "force") != 0 ||
		    strcmp(r->f[F_AREA], s->force) != 0 ||
		    strcmp(r->f[F_MEASURE], "ytd") != 0 || !r->span ||
		    r->end != s->month)
			continue;
		if (s->policeuk && (strncmp(r->f[F_CATEGORY], "marker:", 7) ==
		    0 || in_list(fine_groups, ytd_label(r->f[F_CATEGORY], lbl))))
			continue;
		list = xgrow(list, &cap, n + 1, sizeof(*list));
		list[n++] = r;
	}
	if (n == 0) {
		rs_text(sec, "Year to date: not available \xe2\x80\x94 the "
		    "input holds no year-to-date figures.");
		free(list);
		return;
	}
	qsort(list, n, sizeof(*list), cmp_ytd);
	prev = get(s, "force", s->force, "ytd_prev", list[0]->f[F_CATEGORY],
	    s->month - 12, 1);
	cols[0] = "Topic";
	cols[1] = prev != NULL ? span_label(c1, prev) : "Year earlier";
	cols[2] = span_label(c2, list[0]);
	cols[3] = "Change";
	t = rs_table(sec, "Financial year to date", 4, cols);
	for (i = 0; i < n; i++) {
		r = list[i];
		r->used = 1;
		c = table_row(t);
		cell_text(&c[0], ytd_label(r->f[F_CATEGORY], lbl));
		cell_value(&c[1], get(s, "force", s->force, "ytd_prev",
		    r->f[F_CATEGORY], s->month - 12, 1));
		cell_value(&c[2], r);
		cell_pct(&c[3], get(s, "force", s->force, "change_ytd",
		    r->f[F_CATEGORY], s->month, 1));
	}
	free(list);
}

static void
share_sentence(struct summary *s, struct rsection *sec, const char *who,
    const char *cat)
{
	struct sb b = { NULL, 0, 0 };
	struct row *rv = getf(s, "repeat_victims", cat, s->month);
	struct row *ry = getf(s, "repeat_victims", cat, s->month - 12);
	struct row *ap = getf(s, "repeat_victims_also_prev", cat, s->month);
	struct row *m3 = getf(s, "repeat_victims_3_months", cat, s->month);
	char n1[80], n2[80], n3[80], yl[24];
	long long v, y;

	if (rv == NULL)
		return;
	sb_reset(&b);
	if (rv->f[F_RATE][0] != '\0' && rv->f[F_DENOM][0] != '\0')
		sb_printf(&b, "In %s, %s%% (%s) of all %s (%s) were repeat "
		    "victims.", month_name(s->month), rv->f[F_RATE],
		    show(n1, rv->f[F_VALUE]), who, show(n2, rv->f[F_DENOM]));
	if (row_num(rv, F_VALUE, &v) && row_num(ry, F_VALUE, &y))
		sb_printf(&b, "%sThis is %s compared to %s (%s).",
		    b.len > 0 ? " " : "", direction(v, y),
		    month_long(yl, s->month - 12), show(n3, ry->f[F_VALUE]));
	if (ap != NULL)
		sb_printf(&b, "%s%s (%s%%) were also repeat victims in %s.",
		    b.len > 0 ? " " : "", show(n1, ap->f[F_VALUE]),
		    ap->f[F_RATE], month_name(s->month - 1));
	if (m3 != NULL)
		sb_printf(&b, "%s%s (%s%%) were repeat victims in each of the "
		    "last 3 months \xe2\x80\x93 %s, %s and %s.",
		    b.len > 0 ? " " : "", show(n1, m3->f[F_VALUE]),
		    m3->f[F_RATE], month_name(s->month - 2),
		    month_name(s->month - 1), month_name(s->month));
	if (b.len > 0)
		rs_text(sec, b.p);
	free(b.p);
}

static void
cohort_table(struct summary *s, struct rsection *sec, const char *prefix,
    const char *title)
{
	static const char *const cols[] = { "Offences in 12 months",
		"Victims", "% of repeat victims", "Offences in 12 months (sum)",
		"Offences this month" };
	char cat[32], cap[128], n1[80], n2[80], m[16];
	struct sb b = { NULL, 0, 0 };
	struct rtable *t;
	struct rchart *ch;
	struct cell *c;
	struct row *r;
	long long v, sum12 = 0, summ = 0;
	size_t i;
	int all = 1, any = 0;

	for (i = 0; cohorts[i] != NULL; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix, cohorts[i]);
		if (getf(s, "repeat_cohort_victims", cat, s->month) != NULL)
			any = 1;
	}
	if (!any)
		return;
	snprintf(cap, sizeof(cap), "%s by number of offences, %s", title,
	    month_short(m, s->month));
	t = rs_table(sec, cap, 5, cols);
	ch = rs_chart(sec, CHART_BARS, cap, 5);
	for (i = 0; cohorts[i] != NULL; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix, cohorts[i]);
		c = table_row(t);
		cell_text(&c[0], cohorts[i]);
		r = getf(s, "repeat_cohort_victims", cat, s->month);
		cell_value(&c[1], r);
		cell_field(&c[2], r, F_RATE, "%");
		chart_label(ch, i, cohorts[i]);
		if (row_num(r, F_VALUE, &v)) {
			ch->value[i] = v;
			ch->present[i] = 1;
		}
		r = getf(s, "repeat_cohort_offences_12m", cat, s->month);
		cell_value(&c[3], r);
		if (row_num(r, F_VALUE, &v))
			sum12 += v;
		else
			all = 0;
		r = getf(s, "repeat_cohort_offences_month", cat, s->month);
		cell_value(&c[4], r);
		if (row_num(r, F_VALUE, &v))
			summ += v;
		else
			all = 0;
	}
	if (all) {
		sb_reset(&b);
		sb_printf(&b, "%s's %s cohort accounts for %s offences recorded "
		    "in the last 12 months, of which %s were recorded in %s.",
		    month_name(s->month), strcmp(prefix, "") == 0 ?
		    "repeat victim" : "repeat DA victim",
		    num_format(n1, sizeof(n1), sum12, 0, 1),
		    num_format(n2, sizeof(n2), summ, 0, 1),
		    month_name(s->month));
		rs_text(sec, b.p);
		free(b.p);
	}
}

static void
repeat_victims(struct summary *s, struct rsection *sec)
{
	const struct topic *t;

	if (s->policeuk) {
		rs_text(sec, "Repeat victims: not available \xe2\x80\x94 the "
		    "data holds no victim identities (data.police.uk).");
		return;
	}
	t = topic_of(s, T_REPEAT, "All");
	topic_block(s, sec, t);
	share_sentence(s, sec, "victims", "All");
	cohort_table(s, sec, "", "Repeat victims");
	t = topic_of(s, T_REPEAT, "DA");
	topic_block(s, sec, t);
	share_sentence(s, sec, "DA victims", "DA");
	cohort_table(s, sec, "DA ", "Repeat DA victims");
}

/* The YTD outcome table of DEF 3 for one prefix ("" or "DA "). */
/*
 * A total row of the outcome-rate table: field f of the outcome_rate rows
 * a year earlier (was) and now, under the year columns; the code and %
 * columns empty.
 */
static void
rate_table_total(struct rtable *t, const char *label, struct row *was,
    struct row *now, int f, const char *suffix)
{
	struct cell *row = table_row(t);

	cell_text(&row[0], label);
	cell_text(&row[1], "");
	cell_field(&row[2], was, f, suffix);
	cell_text(&row[3], "");
	cell_field(&row[4], now, f, suffix);
	cell_text(&row[5], "");
}

static void
outcome_rate_table(struct summary *s, struct rsection *sec, const char *cat,
    const char *prefix, const char *what)
{
	struct row *now = get(s, "force", s->force, "outcome_rate", cat,
	    s->month, 1);
	struct row *was = get(s, "force", s->force, "outcome_rate", cat,
	    s->month - 12, 1);
	const char *cols[6];
	char l1[48], l2[48], c[80], n1[80], n2[80], n3[80];
	struct sb b = { NULL, 0, 0 };
	struct rtable *t;
	struct cell *row;
	long long a, p;
	size_t i;

	if (now == NULL) {
		snprintf(c, sizeof(c), "%s outcome rate: not available.", what);
		rs_text(sec, c);
		return;
	}
	cols[0] = "Outcome group";
	cols[1] = "Codes";
	cols[2] = was != NULL ? span_label(l1, was) : "Year earlier";
	cols[3] = "%";
	cols[4] = span_label(l2, now);
	cols[5] = "%";
	sb_printf(&b, "%c%s recorded in the period and outcomed within it%s",
	    what[0] == 'o' ? 'O' : what[0], what + 1,
	    s->text_outcomes ? " (approximation from police.uk outcome text)"
	    : "");
	t = rs_table(sec, b.p, 6, cols);
	for (i = 0; outcome_groups[i] != NULL; i++) {
		snprintf(c, sizeof(c), "%s%s", prefix, outcome_groups[i]);
		row = table_row(t);
		cell_text(&row[0], outcome_groups[i]);
		cell_text(&row[1], outcome_codes[i]);
		if (was != NULL) {
			struct row *r = get(s, "force", s->force,
			    "outcomes_recorded_in_period", c, s->month - 12, 1);
			cell_value(&row[2], r);
			cell_field(&row[3], r, F_RATE, "%");
		}
		{
			struct row *r = get(s, "force", s->force,
			    "outcomes_recorded_in_period", c, s->month, 1);
			cell_value(&row[4], r);
			cell_field(&row[5], r, F_RATE, "%");
		}
	}
	rate_table_total(t, "Total recorded and outcomed", was, now, F_VALUE,
	    "");
	rate_table_total(t, "Total recorded", was, now, F_DENOM, "");
	rate_table_total(t, "Outcome rate", was, now, F_RATE, "%");
	sb_reset(&b);
	if (now->f[F_RATE][0] != '\0' && now->f[F_DENOM][0] != '\0') {
		sb_printf(&b, "%s%% (%s) of %s recorded in %s (%s) were "
		    "assigned an outcome within the period.", now->f[F_RATE],
		    show(n1, now->f[F_VALUE]), what, span_label(l2, now),
		    show(n2, now->f[F_DENOM]));
		if (row_num(now, F_RATE, &a) && row_num(was, F_RATE, &p))
			sb_printf(&b, " This is %s proportion compared to the "
			    "same period a year earlier (%s%%).", a > p ?
			    "a higher" : a < p ? "a lower" : "the same",
			    was->f[F_RATE]);
		rs_text(sec, b.p);
	}
	(void)n3;
	free(b.p);
}

static void
outcomes_month_table(struct summary *s, struct rsection *sec,
    const char *prefix, const char *what)
{
	static const char *const codes[] = { "OC14", "OC15", "OC16", NULL };
	const char *cols[5];
	char m0[16], m1[16], cat[96], label[96], n1[80], n2[80], n3[80];
	struct sb b = { NULL, 0, 0 };
	struct rtable *t;
	struct cell *c;
	struct row *r, *p, *any = NULL;
	size_t i;

	cols[0] = "Outcome";
	cols[1] = month_short(m1, s->month - 1);
	cols[2] = "%";
	cols[3] = month_short(m0, s->month);
	cols[4] = "%";
	sb_printf(&b, "Outcomes dated in the month (%s, whenever recorded)%s",
	    what, s->text_outcomes ?
	    " (approximation from police.uk outcome text)" : "");
	t = rs_table(sec, b.p, 5, cols);
	for (i = 0; outcome_groups[i] != NULL; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix, outcome_groups[i]);
		c = table_row(t);
		cell_text(&c[0], outcome_groups[i]);
		cell_value(&c[1], p = getf(s, "outcomes_in_month", cat,
		    s->month - 1));
		cell_field(&c[2], p, F_RATE, "%");
		cell_value(&c[3], r = getf(s, "outcomes_in_month", cat,
		    s->month));
		cell_field(&c[4], r, F_RATE, "%");
		if (any == NULL && r != NULL)
			any = r;
	}
	for (i = 0; outcome_subgroups[i] != NULL; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix, outcome_subgroups[i]);
		snprintf(label, sizeof(label), "Action taken: %s",
		    outcome_subgroups[i]);
		c = table_row(t);
		cell_text(&c[0], label);
		cell_value(&c[1], p = getf(s, "outcomes_in_month", cat,
		    s->month - 1));
		cell_field(&c[2], p, F_RATE, "%");
		cell_value(&c[3], r = getf(s, "outcomes_in_month", cat,
		    s->month));
		cell_field(&c[4], r, F_RATE, "%");
	}
	for (i = 0; !s->policeuk && codes[i] != NULL; i++) {
		snprintf(cat, sizeof(cat), "%s%s", prefix, codes[i]);
		snprintf(label, sizeof(label), "Outcome %s", codes[i] + 2);
		c = table_row(t);
		cell_text(&c[0], label);
		cell_value(&c[1], p = getf(s, "outcomes_in_month", cat,
		    s->month - 1));
		cell_field(&c[2], p, F_RATE, "%");
		cell_value(&c[3], r = getf(s, "outcomes_in_month", cat,
		    s->month));
		cell_field(&c[4], r, F_RATE, "%");
	}
	if (s->policeuk)
		rs_text(sec, "Outcomes 14, 15 and 16: not available \xe2\x80\x94 "
		    "police.uk outcome text carries no outcome codes.");
	snprintf(cat, sizeof(cat), "%sAction taken", prefix);
	r = getf(s, "outcomes_in_month", cat, s->month);
	p = getf(s, "outcomes_in_month", cat, s->month - 1);
	sb_reset(&b);
	if (r != NULL && r->f[F_DENOM][0] != '\0') {
		sb_printf(&b, "Out of the %s %s outcomed in %s, %s (%s%%) "
		    "resulted in an 'action taken' outcome", show(n1,
		    r->f[F_DENOM]), what, month_name(s->month), show(n2,
		    r->f[F_VALUE]), r->f[F_RATE]);
		if (p != NULL)
			sb_printf(&b, " (%s: %s, %s%%)", month_name(s->month -
			    1), show(n3, p->f[F_VALUE]), p->f[F_RATE]);
		sb_printf(&b, ".");
		rs_text(sec, b.p);
	} else if (any == NULL) {
		sb_printf(&b, "%s outcomes in %s: not available.", what,
		    month_name(s->month));
		rs_text(sec, b.p);
	}
	free(b.p);
}

static void
outcomes(struct summary *s, struct rsection *sec)
{
	if (s->text_outcomes)
		rs_text(sec, "Outcomes here are an approximation from police.uk "
		    "outcome text: no official mapping from the text to the "
		    "Home Office outcome codes exists (DEFINITIONS.md 2.4).");
	outcome_rate_table(s, sec, "All", "", "offences");
	outcomes_month_table(s, sec, "", "offences");
	rs_heading(sec, "Domestic abuse outcomes");
	if (s->policeuk) {
		rs_text(sec, "Domestic abuse outcomes: not available \xe2\x80\x94 "
		    "the data holds no markers (data.police.uk).");
		return;
	}
	outcome_rate_table(s, sec, "DA", "DA ", "DA offences");
	outcomes_month_table(s, sec, "DA ", "DA offences");
}

static void
rural_table(struct summary *s, struct rsection *sec, const char *caption,
    int themes)
{
	const char *cols[6], *groups[256];
	char m0[16], m1[16], m12[16];
	struct topic t;
	struct rtable *tab = NULL;
	struct cell *c;
	size_t i, n;

	cols[0] = themes ? "Rural theme" : "Crime group";
	cols[1] = month_short(m0, s->month);
	cols[2] = month_short(m1, s->month - 1);
	cols[3] = "% change";
	cols[4] = month_short(m12, s->month - 12);
	cols[5] = "% change";
	if (themes) {
		for (n = 0; rural_themes[n] != NULL; n++)
			groups[n] = rural_themes[n];
	} else {
		n = group_list(s, groups, 256, 0);
	}
	for (i = 0; i < n; i++) {
		t.measure = "rural_crime";
		t.category = groups[i];
		if (!any_row(s, "force", "rural_crime", groups[i]))
			continue;
		if (tab == NULL)
			tab = rs_table(sec, caption, 6, cols);
		c = table_row(tab);
		cell_text(&c[0], groups[i]);
		change_cells(s, &c[1], &t);
	}
}

static void
rural(struct summary *s, struct rsection *sec)
{
	topic_block(s, sec, topic_of(s, T_RURAL, "Total"));
	rural_table(s, sec, "Rural crime by crime group", 0);
	if (s->policeuk)
		rs_text(sec, "Rural themes: not available \xe2\x80\x94 "
		    "data.police.uk holds no offence descriptions or MO text.");
	else
		rural_table(s, sec, "Rural crime by theme", 1);
}

static void
markers_section(struct summary *s, struct rsection *sec)
{
	size_t i;
	int any = 0;

	if (s->policeuk) {
		rs_text(sec, "Markers (domestic abuse, hate, child at risk, CSE, "
		    "business, cyber): not available \xe2\x80\x94 the data "
		    "holds no markers (data.police.uk).");
		return;
	}
	for (i = 0; i < s->ntopics; i++)
		if (s->topics[i].kind == T_MARKER) {
			topic_block(s, sec, &s->topics[i]);
			any = 1;
		}
	if (!any)
		rs_text(sec, "Markers: not available \xe2\x80\x94 the input "
		    "holds no marker counts.");
}

static void
other_topics(struct summary *s)
{
	struct rsection *sec = NULL;
	size_t i;

	for (i = 0; i < s->ntopics; i++) {
		if (s->topics[i].kind != T_GENERIC)
			continue;
		if (sec == NULL)
			sec = report_section(&s->rep, "other", "Other measures");
		topic_block(s, sec, &s->topics[i]);
	}
}

/* The one-line data note under the title. */
static void
data_note(struct summary *s, struct sb *b)
{
	static const char *const what[] = { "records", "with_victim",
		"with_offence_code", "with_outcome_code", "with_outcome_text",
		NULL };
	static const char *const words[] = { "", "with a victim",
		"with a Home Office offence code", "with an outcome code",
		"with police.uk outcome text", NULL };
	const struct topic t = { T_TOTAL, "recorded_crime", TOTAL_CRIME, NULL };
	char n[80], lbl[48], num[40];
	struct row *avg;
	long long v;
	int known, i;

	sb_reset(b);
	if (s->policeuk)
		sb_printf(b, "Source: data.police.uk street-level crime (no "
		    "victim identities, no offence codes). ");
	v = coverage(s, "records", &known);
	if (known) {
		sb_printf(b, "%s records in %s", num_format(n, sizeof(n),
		    v * 1, 0, 1), month_long(lbl, s->month));
		for (i = 1; what[i] != NULL; i++) {
			v = coverage(s, what[i], &known);
			if (known)
				sb_printf(b, "%s%s %s", i == 1 ? " (" : ", ",
				    num_format(num, sizeof(num), v, 0, 1),
				    words[i]);
			else
				sb_printf(b, "%s%s", i == 1 ? " (" : ", ",
				    "not available");
		}
		sb_printf(b, ").");
	} else
		sb_printf(b, "Coverage figures for %s are not available.",
		    month_long(lbl, s->month));
	avg = get_derived(s, "force", s->force, "monthly_average", &t,
	    s->month - 1, 1);
	if (avg != NULL)
		sb_printf(b, " Monthly averages and control limits: %s.",
		    span_label(lbl, avg));
}

static void
build(struct summary *s, const char *title_opt)
{
	struct sb b = { NULL, 0, 0 }, t = { NULL, 0, 0 };
	char ml[24], mon[8];
	struct rsection *sec;
	int known;

	s->policeuk = coverage(s, "records", &known) > 0 && known &&
	    coverage(s, "with_victim", &known) == 0 && known &&
	    coverage(s, "with_offence_code", &known) == 0 && known;
	s->text_outcomes = coverage(s, "text_outcomes_approximate", &known) > 0
	    && known;
	collect_topics(s);
	data_note(s, &b);
	sb_reset(&t);
	sb_printf(&t, "%s", title_opt != NULL ? title_opt :
	    "Performance Summary");
	if (s->force[0] != '\0')
		sb_printf(&t, ": %s", s->force);
	sb_printf(&t, ", %s", month_long(ml, s->month));
	month_format(s->month, mon);
	report_init(&s->rep, t.p, s->force, mon, b.p);

	sec = report_section(&s->rep, "headline", "Headline");
	if (s->policeuk)
		rs_text(sec, "Not available from data.police.uk: repeat "
		    "victims (no victim identities), markers (none recorded), "
		    "fine crime groups (coarse categories only), outcome codes "
		    "14, 15 and 16, rural themes.");
	headline(s, sec);
	district_comparison(s, report_section(&s->rep, "district_comparison",
	    "Total recorded crime and district comparison"));
	crime_breakdown(s, report_section(&s->rep, "crime_breakdown",
	    "Crime breakdown"));
	year_to_date(s, report_section(&s->rep, "year_to_date",
	    "Year to date"));
	repeat_victims(s, report_section(&s->rep, "repeat_victims",
	    "Repeat victims"));
	outcomes(s, report_section(&s->rep, "outcomes", "Outcomes"));
	rural(s, report_section(&s->rep, "rural_crime", "Rural crime"));
	markers_section(s, report_section(&s->rep, "markers", "Markers"));
	sec = report_section(&s->rep, "asb", "Anti-social behaviour");
	if (!asb_recorded(s))
		rs_text(sec, "Anti-social behaviour: not available \xe2\x80\x94 "
		    "the input holds no ASB incidents (they come from "
		    "data.police.uk).");
	else
		topic_block(s, sec, topic_of(s, T_ASB,
		    "Anti-social behaviour"));
	other_topics(s);
	free(b.p);
	free(t.p);
}

/* ---- CSV: the rows the report used, in the table's own order ---- */

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

static size_t
write_csv(struct summary *s, struct outbuf *o)
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
		out_str(o, long_columns[i]);
	}
	out_putc(o, '\n');
	for (i = 0; i < n; i++) {
		out_write(o, used[i]->raw, used[i]->rawlen);
		out_putc(o, '\n');
	}
	free(used);
	return n;
}

/* ---- Output ---- */

/* Open -o's temporary file beside path (rename(2) needs one file system). */
static int
open_tmp(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	int fd;

	tmp_path = xmalloc(strlen(path) + 24);
	snprintf(tmp_path, strlen(path) + 24, "%.*s.%s.tmpXXXXXX",
	    (int)dirlen, path, path + dirlen);
	if ((fd = mkstemp(tmp_path)) < 0) {
		diag_warn("%s: cannot create a temporary file: %s", tmp_path,
		    strerror(errno));
		free(tmp_path);
		tmp_path = NULL;
		exit(EXIT_DATA);
	}
	fchmod(fd, 0644);
	return fd;
}

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [--format md|html|csv|json] [-o file] [--month YYYY-MM]\n"
	    "       [--title text] [-r file] [--stats] [file ...]\n"
	    "Render aggregate-district's table of measures as the monthly\n"
	    "Performance Summary.  With no file, or '-', read stdin.\n"
	    "      --format fmt      md (default), html, csv or json\n"
	    "  -o, --output file     write file atomically instead of stdout\n"
	    "      --month YYYY-MM   reporting month (default: the latest)\n"
	    "      --title text      title (default 'Performance Summary')\n"
	    "  -r, --rejects file    append unusable rows to file\n"
	    "      --stats           print 'read N, written N, rejected N'\n"
	    "  -h, --help            show this help\n"
	    "      --max-record n    reject longer records (bytes; K, M, G;\n"
	    "                        default 64M)\n"
	    "      --version         show the version\n", diag_prog());
	opts_exit(fp, status);
}

static void
summary_release(struct summary *s)
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
	for (i = 0; i < s->ntopics; i++)
		free(s->topics[i].label);
	free(s->topics);
	report_release(&s->rep);
}

int
main(int argc, char *argv[])
{
	struct summary s;
	struct member_reader members = { .each = member_header,
	    .record = member_record, .ctx = &s };
	struct outbuf out;
	const char *const *paths;
	const char *rejects_path = NULL, *out_path = NULL, *title = NULL;
	enum format format = FMT_MD;
	int stats = 0, c, status = EXIT_OK, have_stdin = 0, month = -1, fd;
	int direct = 0;
	struct stat st;
	size_t npaths, i, used = 0;
	char extra[64];

	diag_init(argv[0]);
	memset(&s, 0, sizeof(s));
	while ((c = getopt_long(argc, argv, "ho:r:", long_options, NULL)) !=
	    -1) {
		switch (c) {
		case OPT_FORMAT:
			if (strcmp(optarg, "md") == 0)
				format = FMT_MD;
			else if (strcmp(optarg, "html") == 0)
				format = FMT_HTML;
			else if (strcmp(optarg, "csv") == 0)
				format = FMT_CSV;
			else if (strcmp(optarg, "json") == 0)
				format = FMT_JSON;
			else
				opts_misuse("option '--format': '%s' is not md, "
				    "html, csv or json", optarg);
			break;
		case 'o':
			if (*optarg == '\0')
				opts_misuse("option '--output' needs a file");
			out_path = optarg;
			break;
		case OPT_MONTH:
			if (month_parse(optarg, strlen(optarg), &month) < 0)
				opts_misuse("option '--month': '%s' is not a "
				    "month (YYYY-MM)", optarg);
			break;
		case OPT_TITLE:
			title = optarg;
			break;
		case 'r':
			rejects_path = optarg;
			break;
		case OPT_STATS:
			stats = 1;
			break;
		case OPT_MAX_RECORD:
			opts_max_record(optarg);
			break;
		case 'h':
			usage(stdout, EXIT_OK);
		case OPT_VERSION:
			opts_version();
		default:
			opts_hint();
		}
	}
	paths = opts_inputs(argc, argv, &npaths, &have_stdin);
	if (rejects_path != NULL)
		rejects_open(rejects_path);

	for (i = 0; i < npaths; i++)
		if (read_members(&members, paths[i]) != 0)
			status = EXIT_DATA;
	index_rows(&s);
	rejects_counts.written = s.n;
	s.month = month >= 0 ? month : latest_month(&s);
	if (s.month < 0) {
		diag_warn("no measures to report: the input holds no monthly "
		    "rows");
		summary_release(&s);
		rejects_finish(stats, NULL);
		return EXIT_DATA;
	}
	find_areas(&s);
	build(&s, title);

	/* -o: nothing is written unless the whole run succeeds. */
	if (out_path != NULL && status != EXIT_OK) {
		diag_warn("%s: not written, since an input failed", out_path);
		summary_release(&s);
		rejects_finish(stats, NULL);
		return status;
	}
	if (out_path != NULL && stat(out_path, &st) == 0 &&
	    !S_ISREG(st.st_mode)) {
		/*
		 * A device or a FIFO (-o /dev/stdout) is written in place:
		 * renaming a file over it would replace the device itself.
		 */
		if ((fd = open(out_path, O_WRONLY)) < 0)
			diag_die(EXIT_DATA, "%s: %s", out_path, strerror(errno));
		out_init(&out, fd, out_path);
		direct = 1;
	} else if (out_path != NULL) {
		atexit(remove_tmp);
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		signal(SIGHUP, on_signal);
		fd = open_tmp(out_path);
		out_init(&out, fd, out_path);
	} else
		out_init(&out, STDOUT_FILENO, "<stdout>");
	switch (format) {
	case FMT_MD:
		report_write_md(&out, &s.rep);
		break;
	case FMT_HTML:
		report_write_html(&out, &s.rep);
		break;
	case FMT_JSON:
		report_write_json(&out, &s.rep);
		break;
	case FMT_CSV:
		used = write_csv(&s, &out);
		break;
	}
	if (format != FMT_CSV)
		for (i = 0; i < s.n; i++)
			used += s.rows[i]->used;
	if (out_path != NULL && !direct) {
		out_flush(&out);
		if (fsync(out.fd) < 0)
			diag_die(EXIT_DATA, "%s: %s", out_path, strerror(errno));
	}
	out_close(&out);
	snprintf(extra, sizeof(extra), "used %zu", used);
	if (rejects_finish(stats, extra) != EXIT_OK)
		status = EXIT_DATA;
	if (out_path != NULL && !direct) {
		if (status == EXIT_OK) {
			if (rename(tmp_path, out_path) < 0)
				diag_die(EXIT_DATA, "%s: %s", out_path,
				    strerror(errno));
		} else
			diag_warn("%s: not written, since records were "
			    "rejected", out_path);
		remove_tmp();
		free(tmp_path);
		tmp_path = NULL;
	}
	summary_release(&s);
	return status;
}
