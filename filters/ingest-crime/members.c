/*
 * ingest-crime's pass 2: every member that pass 1 planned is read again,
 * checked against what pass 1 saw (an input rewritten during the run is
 * an error, never a guess), and its records normalised.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/diag.h"
#include "../../common/input.h"
#include "../../common/members.h"
#include "../../common/xalloc.h"
#include "ingest.h"

/* 1 when r's header is the one pass 1 saw for p. */
static int
same_header(const struct ingest *ing, const struct member_plan *p,
    const struct rec_reader *r)
{
	const char **names;
	size_t n, i;
	int same;

	if (!p->usable)
		return 0;
	names = mapped_names(ing, r, &n);
	same = n == p->nnames;
	for (i = 0; same && i < n; i++)
		same = strcmp(names[i], p->names[i]) == 0;
	free(names);
	return same;
}

static int
unusable(const char *name, const char *why)
{
	diag_at(name, 1, NULL, "%s", why);
	return -1;
}

/* Find this member's columns; 0 when its records can be read. */
static int
member_columns(struct ingest *ing, const struct member_plan *p,
    struct member *m)
{
	size_t i;
	long x;

	m->kind = p->kind;
	switch (p->kind) {
	case EXTRACT_UNKNOWN:
		return unusable(p->name, "not a recognised extract: expected a "
		    "data.police.uk street or outcomes header, or a force "
		    "extract with a 'crime_ref' column");
	case EXTRACT_STREAM:
		return unusable(p->name, "already a normalised stream; "
		    "ingest-crime reads raw extracts");
	case EXTRACT_STOP_SEARCH:
		return unusable(p->name, "a stop-and-search file: no crimes");
	case EXTRACT_FORCE:
		if (!p->complete) {
			const char *missing;

			(void)extract_kind((const char *const *)p->names,
			    p->nnames, &missing);
			diag_at(p->name, 1, NULL, "force extract without the "
			    "column(s) %s (DEFINITIONS.md 1.3)", missing);
			return -1;
		}
		for (i = 0; i < NFORCE; i++)
			m->col[i] = find_name((const char *const *)p->names,
			    p->nnames, force_columns[i]);
		break;
	case EXTRACT_STREET:
	case EXTRACT_OUTCOMES:
		for (i = 0; i < NPOLICE; i++)
			m->col[i] = find_name((const char *const *)p->names,
			    p->nnames, police_columns[i]);
		break;
	}
	m->extra_col = xmalloc((ing->nextras + 1) * sizeof(long));
	for (i = 0; i < ing->nextras; i++)
		m->extra_col[i] = -1;
	for (i = 0; i < p->nnames; i++) {
		if (is_consumed(p->kind, p->names[i]))
			continue;
		if ((x = extra_column_index(ing, p->names[i])) < 0)
			BUG("a column that pass 1 did not see");
		m->extra_col[x] = (long)i;
	}
	return 0;
}

/* The pass-2 state of the source being read. */
struct pass2 {
	struct ingest	*ing;
	struct input	*in;
	size_t		 source, next;	/* its index, the next plan */
	struct member_plan *plan;	/* of the member being read */
	struct member	 m;
	int		 changed;	/* its members differ from pass 1's */
};

/* The input does not hold what pass 1 saw: an error, never a guess. */
static int
source_changed(struct pass2 *p)
{
	if (!p->changed)
		diag_warn("%s: the input changed since it was first read (its "
		    "members differ); the rest of it is skipped",
		    p->ing->sources[p->source].name);
	p->changed = 1;
	return -1;
}

/* A member's header: the plan it must match, and its columns. */
static int
member_start(void *ctx, struct rec_reader *r, const char *name)
{
	struct pass2 *p = ctx;
	struct ingest *ing = p->ing;

	if (p->changed || p->next >= ing->nplans ||
	    ing->plans[p->next].source != p->source ||
	    strcmp(ing->plans[p->next].name, name) != 0)
		return source_changed(p);
	p->plan = &ing->plans[p->next++];
	if (p->plan->skip != SKIP_NONE)
		return 1;	/* a duplicate or a superseded delivery */
	if (!same_header(ing, p->plan, r))
		return unusable(name, "the header changed since the input "
		    "was first read; member skipped");
	memset(&p->m, 0, sizeof(p->m));
	if (member_columns(ing, p->plan, &p->m) < 0)
		return -1;
	p->m.id = (uint32_t)keymap_get(ing->member_names, name, strlen(name),
	    1, NULL);
	p->m.reader = r;
	return 0;
}

/* A member whose header cannot be read again: its plan is used up. */
static void
member_unreadable(void *ctx, const char *name)
{
	struct pass2 *p = ctx;
	struct ingest *ing = p->ing;

	if (!p->changed && p->next < ing->nplans &&
	    ing->plans[p->next].source == p->source &&
	    strcmp(ing->plans[p->next].name, name) == 0)
		p->next++;
	else
		(void)source_changed(p);
}

static void
member_record(void *ctx, struct record *rec)
{
	struct pass2 *p = ctx;

	if (p->m.kind == EXTRACT_STREET)
		street_record(p->ing, &p->m, rec);
	else if (p->m.kind == EXTRACT_OUTCOMES)
		outcome_record(p->ing, &p->m, rec);
	else
		force_record(p->ing, &p->m, rec);
}

/* A member's end: its content must be what pass 1 read. */
static int
member_end(void *ctx, struct rec_reader *r, const char *name)
{
	struct pass2 *p = ctx;
	uint64_t digest, length;
	int status = 0;

	input_member_digest(p->in, &digest, &length);
	if (p->plan->digested && !rec_reader_failed(r) &&
	    (digest != p->plan->digest || length != p->plan->length)) {
		diag_at(name, 0, NULL, "the content changed while it was "
		    "read; its records may mix two versions");
		status = -1;
	}
	free(p->m.extra_col);
	p->m.extra_col = NULL;
	return status;
}

int
ingest_source(struct ingest *ing, size_t i, size_t *next)
{
	struct pass2 p = { .ing = ing, .source = i, .next = *next };
	struct member_reader mr = { .each = member_start,
	    .record = member_record, .end = member_end,
	    .unreadable = member_unreadable, .ctx = &p };
	int status = -1;

	if ((p.in = source_open(ing, i, 0)) != NULL) {
		if (ing->digests)
			input_digest(p.in);
		status = read_input_members(&mr, p.in);
		if (p.next < ing->nplans && ing->plans[p.next].source == i)
			status = source_changed(&p);
		input_close(p.in);
	}
	free(p.m.extra_col);
	while (p.next < ing->nplans && ing->plans[p.next].source == i)
		p.next++;
	*next = p.next;
	return status;
}
