/*
 * The Data quality section (DEFINITIONS.md 3.0; docs/report.md "Data
 * quality"): what happened to every record of the run.  Its inputs: the
 * long table's input_records, unplaced and coverage rows, the stages'
 * rejects files (--run-rejects: reject_stage,reject_reason,source,record)
 * and their stderr logs (--run-log: the last line of each is the stage's
 * "prog: read N, written N, rejected N[, name N]..." line; earlier lines
 * hold its warnings).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/diag.h"
#include "../../common/keymap.h"
#include "../../common/members.h"
#include "../../common/rejects.h"
#include "../../common/stream.h"
#include "../../common/xalloc.h"
#include "emit.h"
#include "numfmt.h"

/* A stage's accounting line. */
struct stage {
	char			*prog, *extra;
	unsigned long long	 read, written, rejected;
};

/* Messages of one kind: a stage and a reason with its values left out. */
struct group {
	char			*stage, *reason, *example;
	unsigned long long	 n;
};

struct groups {
	struct keymap	*index;
	struct group	*g;
	size_t		 n, cap;
};

struct quality {
	struct stage	*stages;
	size_t		 nstages;
	struct groups	 rejects, warnings;
	char		**notes;
	size_t		 nnotes;
	int		 have_rejects, have_logs;
};

/* The examples a warning group keeps (whole messages). */
enum { EXAMPLES = 3, NOTES_MAX = 20 };

/*
 * A reason with its values left out: every quoted value ('x' or "x")
 * becomes '…' -- except a field's name after "field " -- and every
 * file:line becomes …, so the rejects of one kind group together.
 */
static char *
reason_pattern(const char *s)
{
	size_t n = strlen(s), o = 0, i, j;
	char *out = xmalloc(3 * n + 4), q;

	for (i = 0; i < n; i++) {
		q = s[i];
		if (q == '\'' && i >= 6 && strncmp(s + i - 6, "field ", 6) == 0 &&
		    strchr(s + i + 1, q) != NULL) {
			/* A field's name is kept, quotes and all. */
			j = (size_t)(strchr(s + i + 1, q) - s);
			memcpy(out + o, s + i, j - i + 1);
			o += j - i + 1;
			i = j;
			continue;
		}
		if ((q == '\'' || q == '"') && strchr(s + i + 1, q) != NULL) {
			out[o++] = q;
			memcpy(out + o, "\xe2\x80\xa6", 3);
			o += 3;
			out[o++] = q;
			i = (size_t)(strchr(s + i + 1, q) - s);
			continue;
		}
		/* file:line -- a word ending in ':' and digits. */
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ' || s[i - 1] ==
		    '(')) {
			for (j = i; j < n && s[j] != ' ' && s[j] != ';' &&
			    s[j] != ')' && s[j] != ','; j++)
				;
			if (j > i + 2 && s[j - 1] >= '0' && s[j - 1] <= '9') {
				size_t k = j;

				while (k > i && s[k - 1] >= '0' && s[k - 1] <= '9')
					k--;
				if (k > i + 1 && s[k - 1] == ':') {
					memcpy(out + o, "\xe2\x80\xa6", 3);
					o += 3;
					i = j - 1;
					continue;
				}
			}
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

static struct group *
group_add(struct groups *gs, const char *stage, const char *reason,
    const char *example)
{
	char *pat = reason_pattern(reason), *key;
	size_t len = strlen(stage) + strlen(pat) + 2;
	struct group *g;
	long i;
	int added = 0;

	if (gs->index == NULL)
		gs->index = keymap_new();
	key = xmalloc(len);
	snprintf(key, len, "%s\t%s", stage, pat);
	i = keymap_get(gs->index, key, len - 1, 1, &added);
	free(key);
	if (!added) {
		free(pat);
		g = &gs->g[i];
		g->n++;
		return g;
	}
	gs->g = xgrow(gs->g, &gs->cap, gs->n + 1, sizeof(*g));
	g = &gs->g[gs->n++];
	g->stage = xstrdup(stage);
	g->reason = pat;
	g->example = xstrdup(example);
	g->n = 1;
	return g;
}

/* ---- --run-rejects ---- */

static int
rejects_header(void *ctx, struct rec_reader *r, const char *name)
{
	static const char *const cols[] = { "reject_stage", "reject_reason",
		"source", "record" };
	const struct record *h = rec_reader_header(r);
	size_t i;

	(void)ctx;
	for (i = 0; i < 4; i++)
		if (h->nfields != 4 || !field_is(&h->value[i], cols[i])) {
			diag_at(name, 1, NULL, "not a rejects file: the header "
			    "must be 'reject_stage,reject_reason,source,record'; "
			    "input skipped");
			return -1;
		}
	return 0;
}

static void
rejects_record(void *ctx, struct record *rec)
{
	struct quality *q = ctx;
	char *stage = xstrndup(rec->value[0].ptr, rec->value[0].len);
	char *reason = xstrndup(rec->value[1].ptr, rec->value[1].len);
	char *source = xstrndup(rec->value[2].ptr, rec->value[2].len);

	group_add(&q->rejects, stage, reason, source);
	free(stage);
	free(reason);
	free(source);
}

/*
 * Read a rejects file.  Its records are not the table's: they leave the
 * --stats counts as they were, except those it rejects itself.
 */
static int
read_rejects(struct quality *q, const char *path)
{
	struct member_reader mr = { .each = rejects_header,
	    .record = rejects_record, .ctx = q };
	struct rejects_counts before = rejects_counts;
	int status = read_members(&mr, path);

	rejects_counts.read = before.read + (rejects_counts.rejected -
	    before.rejected);
	q->have_rejects = 1;
	return status;
}

/* ---- --run-log ---- */

/* "prog: read N, written N, rejected N, ..." -> the stage; 0 if not. */
static int
stats_line(struct quality *q, const char *prog, const char *rest)
{
	unsigned long long r, w, j;
	struct stage *st;
	const char *extra;
	size_t i;
	int n = 0;

	if (sscanf(rest, "read %llu, written %llu, rejected %llu%n", &r, &w,
	    &j, &n) != 3 || n == 0)
		return 0;
	extra = rest + n;
	extra += strspn(extra, ", ");
	for (i = 0; i < q->nstages; i++)
		if (strcmp(q->stages[i].prog, prog) == 0)
			break;
	if (i == q->nstages) {
		q->stages = xrealloc(q->stages, (q->nstages + 1) *
		    sizeof(*q->stages));
		q->stages[q->nstages].prog = xstrdup(prog);
		q->stages[q->nstages++].extra = NULL;
	}
	st = &q->stages[i];
	free(st->extra);
	st->extra = xstrdup(extra);
	st->read = r;
	st->written = w;
	st->rejected = j;
	return 1;
}

static void
log_line(struct quality *q, char *line)
{
	char *colon = strstr(line, ": "), *w;
	struct group *g;

	if (colon == NULL)
		return;
	*colon = '\0';
	if (stats_line(q, line, colon + 2))
		return;
	if ((w = strstr(colon + 2, "warning: ")) != NULL) {
		g = group_add(&q->warnings, line, w + 9, colon + 2);
		if (g->n > 1 && g->n <= EXAMPLES) {
			size_t len = strlen(g->example) + strlen(colon + 2) + 4;

			g->example = xrealloc(g->example, len);
			strcat(g->example, "; ");
			strcat(g->example, colon + 2);
		}
		return;
	}
	if (strstr(colon + 2, " rejected, see ") != NULL ||
	    q->nnotes >= NOTES_MAX)
		return;
	*colon = ':';
	q->notes = xrealloc(q->notes, (q->nnotes + 1) * sizeof(char *));
	q->notes[q->nnotes++] = xstrdup(line);
}

static int
read_log(struct quality *q, const char *path)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	q->have_logs = 1;
	if (fp == NULL) {
		diag_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		diag_clean(line, (size_t)n);
		log_line(q, line);
	}
	free(line);
	if (ferror(fp)) {
		diag_warn("%s: read error", path);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

int
quality_read(struct summary *s)
{
	const struct settings *set = s->set;
	size_t i;
	int status = 0;

	s->quality = xcalloc(1, sizeof(*s->quality));
	for (i = 0; i < set->nrun_rejects; i++)
		if (read_rejects(s->quality, set->run_rejects[i]) != 0)
			status = -1;
	for (i = 0; i < set->nrun_logs; i++)
		if (read_log(s->quality, set->run_logs[i]) != 0)
			status = -1;
	return status;
}

static void
groups_release(struct groups *gs)
{
	size_t i;

	for (i = 0; i < gs->n; i++) {
		free(gs->g[i].stage);
		free(gs->g[i].reason);
		free(gs->g[i].example);
	}
	free(gs->g);
	if (gs->index != NULL)
		keymap_free(gs->index);
}

void
quality_release(struct summary *s)
{
	struct quality *q = s->quality;
	size_t i;

	if (q == NULL)
		return;
	for (i = 0; i < q->nstages; i++) {
		free(q->stages[i].prog);
		free(q->stages[i].extra);
	}
	free(q->stages);
	groups_release(&q->rejects);
	groups_release(&q->warnings);
	for (i = 0; i < q->nnotes; i++)
		free(q->notes[i]);
	free(q->notes);
	free(q);
}

/* ---- The section ---- */

/* The value of "name N" in a stage's extra counts; -1 when absent. */
static long long
stage_count(const struct quality *q, const char *prog, const char *name)
{
	const char *p;
	size_t i, len = strlen(name);

	for (i = 0; i < q->nstages; i++) {
		if (strcmp(q->stages[i].prog, prog) != 0)
			continue;
		for (p = q->stages[i].extra; (p = strstr(p, name)) != NULL;
		    p += len)
			if ((p == q->stages[i].extra || p[-1] == ' ') &&
			    p[len] == ' ')
				return strtoll(p + len + 1, NULL, 10);
	}
	return -1;
}

static void
number_cell(struct cell *c, unsigned long long v)
{
	char text[40], lit[40];

	snprintf(lit, sizeof(lit), "%llu", v);
	cell_number(c, num_group(text, sizeof(text), lit), lit);
}

/* Months as runs: "Dec 2016 – Dec 2019, Feb 2020". */
static void
months_text(struct para *p, struct row **rows, size_t n)
{
	char a[48], b[16];
	size_t i, j;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && rows[j]->end == rows[j - 1]->end + 1;
		    j++)
			;
		if (j - 1 > i)
			span_label(a, rows[i]->end, rows[j - 1]->end);
		else
			month_short(a, rows[i]->end);
		para_printf(p, "%s%s", i > 0 ? ", " : "", a);
	}
	(void)b;
}

static void
inputs_table(struct summary *s, struct dsection *sec)
{
	const char *cols[3] = { "Input", "Months", "Records of the force" },
	    **cats;
	struct row **rows;
	struct dtable *t;
	struct cell *c;
	struct para *p;
	size_t n, i, k, nr;
	long long v, sum;

	n = lt_categories(s, "force", s->force, "input_records", &cats);
	if (n == 0) {
		doc_text(sec, "Inputs: not available \xe2\x80\x94 the table holds "
		    "no input_records rows.");
		free(cats);
		return;
	}
	t = doc_table(sec, "Inputs, with the months and records each gave", 3,
	    cols);
	for (i = 0; i < n; i++) {
		nr = lt_series(s, "force", s->force, "input_records", cats[i],
		    &rows);
		for (sum = 0, k = 0; k < nr; k++)
			if (lt_num(rows[k], F_VALUE, &v))
				sum += v / NUM_SCALE;
		c = dtable_row(t);
		cell_text(&c[0], cats[i]);
		p = para_new();
		months_text(p, rows, nr);
		cell_text(&c[1], p->text);
		para_free(p);
		number_cell(&c[2], (unsigned long long)sum);
		free(rows);
	}
	free(cats);
}

static void
stages_table(struct summary *s, struct dsection *sec)
{
	const char *cols[6] = { "Stage", "Read", "Written", "Rejected",
		"Read = written + rejected", "Other counts" };
	const struct quality *q = s->quality;
	struct dtable *t;
	struct cell *c;
	size_t i;

	if (q->nstages == 0)
		return;
	t = doc_table(sec, "Records read, written and rejected by each stage", 6,
	    cols);
	for (i = 0; i < q->nstages; i++) {
		c = dtable_row(t);
		cell_text(&c[0], q->stages[i].prog);
		number_cell(&c[1], q->stages[i].read);
		number_cell(&c[2], q->stages[i].written);
		number_cell(&c[3], q->stages[i].rejected);
		cell_text(&c[4], q->stages[i].read == q->stages[i].written +
		    q->stages[i].rejected ? "yes" : "NO");
		cell_text(&c[5], q->stages[i].extra);
	}
}

static void
groups_table(struct dsection *sec, const struct groups *gs,
    const char *caption, const char *what, const char *example)
{
	const char *cols[4] = { "Stage", what, "Records", example };
	struct dtable *t;
	struct cell *c;
	size_t i;

	t = doc_table(sec, caption, 4, cols);
	for (i = 0; i < gs->n; i++) {
		c = dtable_row(t);
		cell_text(&c[0], gs->g[i].stage);
		cell_text(&c[1], gs->g[i].reason);
		number_cell(&c[2], gs->g[i].n);
		cell_text(&c[3], gs->g[i].example);
	}
}

/* One sentence per count the stages report (README, the filters' men). */
static void
counts_paragraph(struct summary *s, struct dsection *sec)
{
	static const struct { const char *prog, *name, *words; } counts[] = {
		{ "ingest-crime", "duplicate_inputs", "inputs read once "
		    "because the same content had been read already" },
		{ "ingest-crime", "superseded_inputs", "police.uk deliveries "
		    "superseded by a later one of the same force and month" },
		{ "ingest-crime", "repeated_ids", "records whose Crime ID "
		    "repeats an earlier one, kept with crime_count 0" },
		{ "ingest-crime", "assumed_dwelling", "residential burglaries "
		    "with an empty 'dwelling' counted as residential (dwelling), "
		    DEF_SEC "2.2" },
		{ "tag-rural", "unknown_geography", "records with no rural "
		    "class (no LSOA or output area, or one the lookup lacks: "
		    "rural '?')" },
		{ "compute-outcomes", "unknown_texts", "police.uk outcome texts "
		    "the outcome table does not know" },
		{ "aggregate-district", "other_force", "records of other forces "
		    "(read for victims' histories, not counted)" },
	};
	struct dlist *l = NULL;
	char item[400], n[40], lit[40];
	long long v;
	size_t i;

	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		if ((v = stage_count(s->quality, counts[i].prog,
		    counts[i].name)) < 0)
			continue;
		snprintf(lit, sizeof(lit), "%lld", v);
		snprintf(item, sizeof(item), "%s %s %s: %s", counts[i].prog,
		    counts[i].name, num_group(n, sizeof(n), lit),
		    counts[i].words);
		if (l == NULL)
			l = doc_list(sec, "Counts the stages report:");
		list_add(l, item);
	}
}

static void
unplaced_paragraph(struct summary *s, struct dsection *sec)
{
	struct para *p = para_new();
	struct row *r;
	size_t i, n = 0;

	para_printf(p, "Unplaced in %s (counted in the force total, in no "
	    "district): ", month_name(s->month));
	for (i = 0; unplaced_names[i] != NULL; i++) {
		if ((r = lt_force(s, "unplaced", unplaced_names[i],
		    s->month)) == NULL)
			continue;
		para_printf(p, "%s%s ", n++ > 0 ? ", " : "", unplaced_names[i]);
		para_row(s, p, r, F_VALUE, AS_IS);
	}
	para_printf(p, ".");
	if (n > 0)
		doc_para(sec, p);
	else
		para_free(p);
}

static void
unsupported_list(struct summary *s, struct dsection *sec)
{
	struct dlist *l = NULL;
	char item[400];
	int i;

	for (i = 0; i < NTOPIC_SUPPORT; i++) {
		if (s->unsupported[i] == NULL)
			continue;
		snprintf(item, sizeof(item), "%s: %s", unsupported_names[i] + 12,
		    s->unsupported[i]);
		if (l == NULL)
			l = doc_list(sec, "Topics the source cannot support (not "
			    "written as 0):");
		list_add(l, item);
	}
}

void
sec_quality(struct summary *s, struct dsection *sec)
{
	const struct quality *q = s->quality;
	struct dlist *l;
	size_t i;

	inputs_table(s, sec);
	stages_table(s, sec);
	if (q->have_rejects && q->rejects.n == 0)
		doc_text(sec, "Rejects: no record was rejected.");
	else if (q->rejects.n > 0)
		groups_table(sec, &q->rejects, "Rejected records by stage and "
		    "reason (values shown as \xe2\x80\xa6)", "Reason", "First");
	if (q->warnings.n > 0)
		groups_table(sec, &q->warnings, "Warnings by stage (the records "
		    "were kept)", "Warning", "Examples");
	counts_paragraph(s, sec);
	unplaced_paragraph(s, sec);
	if (s->text_outcomes)
		doc_text(sec, "Assumption: outcomes from police.uk outcome text "
		    "are mapped to groups by crimepipe's own table "
		    "(reference/outcome-groups.csv), an approximation.");
	unsupported_list(s, sec);
	if (q->nnotes > 0) {
		l = doc_list(sec, "Other messages of the stages:");
		for (i = 0; i < q->nnotes; i++)
			list_add(l, q->notes[i]);
	}
	if (!q->have_logs && !q->have_rejects)
		doc_text(sec, "The stages' logs and rejects were not given "
		    "(emit-summary --run-log, --run-rejects): see the run's logs/ "
		    "and rejects/ directories.");
}
