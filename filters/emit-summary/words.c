/*
 * The sentence rules of docs/report.md "Wording rules": every sentence a
 * topic gets is made here, from the long table's own figures (never a
 * recomputed rate), each figure marked with its source row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/xalloc.h"
#include "emit.h"
#include "numfmt.h"

static const char *const month_names[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

static int	say_no_limits(struct summary *, struct para *,
		    const struct topic *, const char *, const char *);

/* DEFINITIONS.md 3: a trend or shift is a run of at least 7 months. */
enum { RUN_MIN = 7 };

const char *
month_name(int m)
{
	return month_names[m % 12];
}

char *
month_long(char out[24], int m)
{
	snprintf(out, 24, "%s %d", month_names[m % 12], m / 12);
	return out;
}

char *
month_short(char out[16], int m)
{
	snprintf(out, 16, "%.3s %d", month_names[m % 12], m / 12);
	return out;
}

char *
month_tick(char out[16], int m)
{
	snprintf(out, 16, "%.3s-%02d", month_names[m % 12], m / 12 % 100);
	return out;
}

char *
span_label(char out[48], int start, int end)
{
	char a[16], b[16];

	if (start == end)
		snprintf(out, 48, "%s", month_short(a, start));
	else
		snprintf(out, 48, "%s \xe2\x80\x93 %s", month_short(a, start),
		    month_short(b, end));
	return out;
}

char *
span_list_text(char *out, size_t outsz, const char *list)
{
	const char *p = list, *comma, *dots;
	size_t len, o = 0;
	char lbl[48];
	int a, b;

	out[0] = '\0';
	while (*p != '\0' && o + 48 < outsz) {
		comma = strchr(p, ',');
		len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		dots = memchr(p, '.', len);
		if (dots != NULL && month_parse(p, (size_t)(dots - p), &a) == 0 &&
		    month_parse(dots + 2, len - (size_t)(dots - p) - 2, &b) == 0)
			span_label(lbl, a, b);
		else if (month_parse(p, len, &a) == 0)
			month_short(lbl, a);
		else
			snprintf(lbl, sizeof(lbl), "%.*s", (int)len, p);
		o += (size_t)snprintf(out + o, outsz - o, "%s%s", o > 0 ? ", " :
		    "", lbl);
		p += len;
		if (*p == ',')
			p++;
	}
	return out;
}

char *
show(char out[80], const char *value)
{
	return num_group(out, 80, value);
}

char *
show_average(char out[80], const struct row *avg, const struct topic *t)
{
	long long v;

	if (!lt_num(avg, F_VALUE, &v))
		return show(out, avg != NULL ? avg->f[F_VALUE] : DOC_MISSING);
	if (t->generic)
		return show(out, avg->f[F_VALUE]);
	return num_format(out, 80, v, 0, 1);
}

/* Rule 4: within 2% of the average (inclusive) is "in line with". */
static int
position(long long v, long long avg)
{
	long long d = v - avg, a = avg < 0 ? -avg : avg;

	if (d < 0)
		d = -d;
	/* |v - avg| <= 2% of |avg|, exactly, in scaled integers. */
	if (d * 50 <= a)
		return 0;
	return v > avg ? 1 : -1;
}

static const char *const position_words[] = { "below", "in line with",
	"above" };

/*
 * "a" or "an" before a number as it is read aloud: "an 8.8%", "an 11%",
 * "an 18,000", "a 1.5%".
 */
const char *
article(const char *number)
{
	size_t digits = strcspn(number, ".%");
	size_t i, n = 0;

	for (i = 0; i < digits; i++)
		n += number[i] >= '0' && number[i] <= '9';
	if (number[0] == '8')
		return "an";
	if ((strncmp(number, "11", 2) == 0 || strncmp(number, "18", 2) == 0) &&
	    n % 3 == 2)
		return "an";
	return "a";
}

void
say_change(struct summary *s, struct para *p, long long v, long long prev,
    struct row *change)
{
	long long c;
	char pct[96], num[80];

	if (v == prev) {
		para_printf(p, "no change");
		return;
	}
	if (!lt_num(change, F_VALUE, &c)) {
		para_printf(p, v > prev ? "an increase" : "a decrease");
		return;
	}
	if (c == 0) {
		para_printf(p, "%s of less than 0.1%%", v > prev ?
		    "an increase" : "a decrease");
		return;
	}
	snprintf(pct, sizeof(pct), "%s%%", show(num,
	    change->f[F_VALUE][0] == '-' ? change->f[F_VALUE] + 1 :
	    change->f[F_VALUE]));
	para_printf(p, "%s ", article(pct));
	para_fig(p, pct, lt_ref(s, change, F_VALUE));
	para_printf(p, " %s", v > prev ? "increase" : "decrease");
}

/* "and" when the month and the average point the same way, else "but". */
static const char *
joiner(long long v, long long prev, int pos)
{
	if ((v > prev && pos <= 0) || (v < prev && pos >= 0))
		return "but";
	return "and";
}

/* The comparisons of rule 3-5, after the count of M. */
static void
compare(struct summary *s, struct para *p, const struct topic *t,
    const char *at, const char *area, long long v, const char *its)
{
	struct row *prev, *avg, *chg;
	long long pv, av;
	int hp, ha, pos = 0, M = s->month;
	char avgs[80];

	prev = lt_get(s, at, area, t->measure, t->category, M - 1, 0);
	avg = lt_baseline(s, at, area, "monthly_average", t);
	chg = lt_derived(s, at, area, "change_prev_month", t, M, 0);
	hp = lt_num(prev, F_VALUE, &pv);
	ha = lt_num(avg, F_VALUE, &av);
	if (ha)
		pos = position(v, av);
	if (hp) {
		para_printf(p, "%s", its[0] != '\0' ? ", " : " This is ");
		say_change(s, p, v, pv, chg);
		para_printf(p, " compared to %s (", month_name(M - 1));
		para_row(s, p, prev, F_VALUE, AS_IS);
		para_printf(p, ")");
	}
	if (hp && ha) {
		para_printf(p, " %s %s %s monthly average (", joiner(v, pv,
		    pos), position_words[pos + 1], its[0] != '\0' ? its :
		    "the");
		para_fig(p, show_average(avgs, avg, t), lt_ref(s, avg,
		    F_VALUE));
		para_printf(p, ").");
	} else if (hp)
		para_printf(p, "; the monthly average is not available.");
	else if (ha) {
		para_printf(p, "%sThe figure for %s is not available%s; this "
		    "is %s the monthly average (", its[0] != '\0' ? ". " : " ",
		    month_name(M - 1), facts_covered(s, M - 1) == 0 ?
		    " (the input does not cover it)" : "",
		    position_words[pos + 1]);
		para_fig(p, show_average(avgs, avg, t), lt_ref(s, avg,
		    F_VALUE));
		para_printf(p, ").");
	} else
		para_printf(p, "%sThe figure for %s and the monthly average are "
		    "not available.", its[0] != '\0' ? ". " : " ",
		    month_name(M - 1));
}

/* Rule 1 of the chart: exceptional, in words. */
static void
say_exceptional(struct summary *s, struct para *p, const struct topic *t,
    const char *at, const char *area)
{
	struct row *exc = lt_derived(s, at, area, "exceptional", t, s->month,
	    0);

	if (exc != NULL && strcmp(exc->f[F_VALUE], "Y") == 0)
		para_printf(p, " Exceptional volumes were recorded.");
	else if (exc != NULL && strcmp(exc->f[F_VALUE], "Y (low)") == 0)
		para_printf(p, " Volumes were exceptionally low.");
}

struct para *
say_topic(struct summary *s, const struct topic *t, const char *at,
    const char *area)
{
	struct para *p = para_new();
	struct row *cur;
	char m[24];
	long long v;

	cur = lt_get(s, at, area, t->measure, t->category, s->month, 0);
	if (!lt_num(cur, F_VALUE, &v)) {
		para_printf(p, "%s: not available for %s.", t->label,
		    month_long(m, s->month));
		return p;
	}
	if (t->generic) {
		para_printf(p, "%s was ", t->label);
		para_row(s, p, cur, F_VALUE, AS_IS);
		para_printf(p, " in %s.", month_name(s->month));
	} else {
		para_row(s, p, cur, F_VALUE, AS_IS);
		para_printf(p, " %s %s recorded%s%s in %s.", v == NUM_SCALE ?
		    t->unit : t->units, v == NUM_SCALE ? "was" : "were",
		    strcmp(at, "force") == 0 ? " across " : "",
		    strcmp(at, "force") == 0 ? area : "",
		    month_name(s->month));
	}
	compare(s, p, t, at, area, v, "");
	say_exceptional(s, p, t, at, area);
	say_verdict(s, p, t, at, area);
	return p;
}

/* A policing area's sentence, appended to p (docs/report.md rule 5a). */
void
say_area(struct summary *s, struct para *p, const struct topic *t,
    const char *at, const char *area)
{
	struct row *cur = lt_get(s, at, area, t->measure, t->category,
	    s->month, 0);
	long long v;
	char *why;

	if (!lt_num(cur, F_VALUE, &v))
		return;
	para_printf(p, "%s: ", area);
	para_row(s, p, cur, F_VALUE, AS_IS);
	if (!t->generic)
		para_printf(p, " %s", v == NUM_SCALE ? t->unit : t->units);
	para_printf(p, " in %s", month_name(s->month));
	compare(s, p, t, at, area, v, "its");
	if (p->text[p->len - 1] != '.')
		para_printf(p, ".");
	say_exceptional(s, p, t, at, area);
	if ((why = say_reason(s, t, at, area)) != NULL) {
		struct row *var = lt_derived(s, at, area, "variation", t,
		    s->month, 0);

		if (var != NULL && strcmp(var->f[F_VALUE], "common cause") != 0)
			para_printf(p, " Special cause: %s.", why);
		free(why);
	}
}

/* ---- Special causes in words (DEFINITIONS.md 3) ---- */

/* The count of month m, scaled; 0 when not in the table. */
static int
count_at(struct summary *s, const struct topic *t, const char *at,
    const char *area, int m, long long *v)
{
	return lt_num(lt_get(s, at, area, t->measure, t->category, m, 0),
	    F_VALUE, v);
}

/*
 * The months of the run ending with M: rises (dir 1), falls (-1), or
 * months on one side of the average (side 1 above, -1 below).  An
 * uncovered month ends a run (docs/measures.md).
 */
static int
run_length(struct summary *s, const struct topic *t, const char *at,
    const char *area, int dir, int side, long long avg)
{
	long long v, u = 0;
	int m = s->month, n = 0;

	while (count_at(s, t, at, area, m, &v)) {
		if (side != 0) {
			if ((side > 0 && v <= avg) || (side < 0 && v >= avg))
				break;
		} else if (n > 0 && !((dir > 0 && u > v) || (dir < 0 && u < v)))
			break;
		n++;
		u = v;
		if (n > 240)
			break;
		m--;
	}
	return n;
}

static char *
run_words(int n, const char *what)
{
	char buf[160];

	if (n >= RUN_MIN)
		snprintf(buf, sizeof(buf), "%d months in a row%s", n, what);
	else
		snprintf(buf, sizeof(buf), "%d or more months in a row%s",
		    RUN_MIN, what);
	return xstrdup(buf);
}

static char *
limit_words(struct summary *s, const struct topic *t, const char *at,
    const char *area, int upper)
{
	struct row *lim = lt_baseline(s, at, area, upper ? "control_upper" :
	    "control_lower", t);
	char buf[160], num[80];

	snprintf(buf, sizeof(buf), "%s the %s control limit%s%s%s", upper ?
	    "above" : "below", upper ? "upper" : "lower", lim != NULL ? " (" :
	    "", lim != NULL ? show(num, lim->f[F_VALUE]) : "", lim != NULL ?
	    ")" : "");
	return xstrdup(buf);
}

/* Old tables have no special_cause: the reason from rule 1 and the trend. */
static char *
reason_without_cause(struct summary *s, const struct topic *t,
    const char *at, const char *area)
{
	struct row *exc = lt_derived(s, at, area, "exceptional", t, s->month,
	    0), *tr = lt_derived(s, at, area, "increasing_trend", t,
	    s->month, 0);

	if (exc != NULL && strcmp(exc->f[F_VALUE], "Y") == 0)
		return limit_words(s, t, at, area, 1);
	if (exc != NULL && strcmp(exc->f[F_VALUE], "Y (low)") == 0)
		return limit_words(s, t, at, area, 0);
	if (tr != NULL && strcmp(tr->f[F_VALUE], "Y") == 0)
		return xstrdup("an increasing trend (7 months rising, or 7 "
		    "above the average)");
	if (exc != NULL)
		return xstrdup("within the control limits");
	return NULL;
}

char *
say_reason(struct summary *s, const struct topic *t, const char *at,
    const char *area)
{
	struct row *sc = lt_derived(s, at, area, "special_cause", t, s->month,
	    0), *avg = lt_baseline(s, at, area, "monthly_average", t);
	const char *c;
	long long a = 0;
	int high;

	if (sc == NULL)
		return reason_without_cause(s, t, at, area);
	c = sc->f[F_VALUE];
	lt_num(avg, F_VALUE, &a);
	high = strstr(c, "high") != NULL || strstr(c, "up") != NULL;
	if (strncmp(c, "beyond", 6) == 0)
		return limit_words(s, t, at, area, high);
	if (strncmp(c, "trend", 5) == 0)
		return run_words(run_length(s, t, at, area, high ? 1 : -1, 0,
		    0), high ? ", each higher than the one before" :
		    ", each lower than the one before");
	if (strncmp(c, "two of three", 12) == 0)
		return xstrdup(high ? "two of the last three months close to "
		    "the upper control limit" : "two of the last three months "
		    "close to the lower control limit");
	if (strncmp(c, "shift", 5) == 0)
		return run_words(run_length(s, t, at, area, 0, high ? 1 : -1,
		    a), high ? " above the average" : " below the average");
	return xstrdup("within the control limits, no pattern");
}

/* "No limits: the baseline has 2 months (12 are needed)" (DEF 3.0). */
static int
say_no_limits(struct summary *s, struct para *p, const struct topic *t,
    const char *at, const char *area)
{
	struct row *avg = lt_baseline(s, at, area, "monthly_average", t);
	long long months;

	if (!lt_num(avg, F_DENOM, &months) || months >= 12 * NUM_SCALE ||
	    lt_baseline(s, at, area, "control_upper", t) != NULL)
		return 0;
	para_printf(p, " No control limits and no verdict: the baseline has "
	    "%lld covered month%s (12 are needed).", months / NUM_SCALE,
	    months == NUM_SCALE ? "" : "s");
	return 1;
}

void
say_verdict(struct summary *s, struct para *p, const struct topic *t,
    const char *at, const char *area)
{
	struct row *var = lt_derived(s, at, area, "variation", t, s->month, 0);
	char *why = say_reason(s, t, at, area);
	const char *v = var != NULL ? var->f[F_VALUE] : NULL;

	if (why == NULL)
		say_no_limits(s, p, t, at, area);
	else if (v == NULL)
		para_printf(p, " Control chart: %s.", why);
	else if (strcmp(v, "common cause") == 0)
		para_printf(p, " This is common cause variation: %s.", why);
	else if (strncmp(v, "concern", 7) == 0)
		para_printf(p, " This is special cause variation of concern: "
		    "%s.", why);
	else if (strncmp(v, "improvement", 11) == 0)
		para_printf(p, " This is special cause variation showing "
		    "improvement: %s.", why);
	else
		para_printf(p, " This is special cause variation: %s.", why);
	free(why);
}

/* ---- Projections (DEFINITIONS.md 3.2) ---- */

static void
say_checks(struct summary *s, struct para *p, const struct topic *t)
{
	int k, n = 0, in = 0, above = 0, below = 0;
	struct row *c;

	for (k = 5; k >= 0; k--) {
		c = lt_derived(s, "force", s->force, "projection_check", t,
		    s->month - k, 0);
		if (c == NULL)
			continue;
		n++;
		in += strcmp(c->f[F_VALUE], "in line with") == 0;
		above += strcmp(c->f[F_VALUE], "above") == 0;
		below += strcmp(c->f[F_VALUE], "below") == 0;
	}
	if (n > 0)
		para_printf(p, " Over the last %d month%s, %d %s in line with "
		    "the projection, %d above and %d below.", n, n == 1 ? "" :
		    "s", in, in == 1 ? "was" : "were", above, below);
}

struct para *
say_projection(struct summary *s, const struct topic *t)
{
	struct para *p = para_new();
	struct row *chk, *pr, *lo, *hi, *tr;
	char m[24];
	int M = s->month;

	chk = lt_derived(s, "force", s->force, "projection_check", t, M, 0);
	pr = lt_derived(s, "force", s->force, "projection", t, M + 1, 0);
	tr = lt_derived(s, "force", s->force, "projection_trend", t, M + 6, 1);
	if (chk == NULL && pr == NULL) {
		para_printf(p, "The 6-month projection is not available: the "
		    "table holds no projection rows for %s (a projection needs "
		    "at least 24 covered months, " DEF_SEC "3.2).",
		    t->label);
		return p;
	}
	if (chk != NULL)
		para_printf(p, "At force level, the recorded volume in %s was "
		    "%s the projection.", month_name(M), chk->f[F_VALUE]);
	say_checks(s, p, t);
	if (tr != NULL)
		para_printf(p, " Volumes are projected to %s over the next 6 "
		    "months", strcmp(tr->f[F_VALUE], "level") == 0 ?
		    "stay level" : tr->f[F_VALUE]);
	lo = lt_derived(s, "force", s->force, "projection_lower", t, M + 1, 0);
	hi = lt_derived(s, "force", s->force, "projection_upper", t, M + 1, 0);
	if (pr != NULL) {
		para_printf(p, "%s%s: ", tr != NULL ? " (" : " The projection "
		    "for ", month_long(m, M + 1));
		para_row(s, p, pr, F_VALUE, AS_IS);
		if (lo != NULL && hi != NULL) {
			para_printf(p, ", 95%% interval ");
			para_row(s, p, lo, F_VALUE, AS_IS);
			para_printf(p, " to ");
			para_row(s, p, hi, F_VALUE, AS_IS);
		}
		para_printf(p, "%s", tr != NULL ? ")." : ".");
	} else if (tr != NULL)
		para_printf(p, ".");
	return p;
}
