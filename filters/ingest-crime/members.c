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

/* Pass 2 over one member that pass 1 planned; -1 on a data error. */
static int
ingest_member(struct ingest *ing, struct input *in,
    const struct member_plan *p)
{
	struct rec_reader *r;
	struct record *rec;
	struct member m;
	uint64_t digest, length;
	int status = 0;

	if ((r = rec_reader_open(in)) == NULL)
		return -1;
	memset(&m, 0, sizeof(m));
	if (!same_header(ing, p, r)) {
		rec_reader_close(r);
		return unusable(p->name, "the header changed since the input "
		    "was first read; member skipped");
	}
	if (member_columns(ing, p, &m) < 0) {
		rec_reader_close(r);
		return -1;
	}
	m.id = (uint32_t)keymap_get(ing->member_names, p->name,
	    strlen(p->name), 1, NULL);
	while ((rec = rec_reader_next(r)) != NULL) {
		if (m.kind == EXTRACT_STREET)
			street_record(ing, &m, rec);
		else if (m.kind == EXTRACT_OUTCOMES)
			outcome_record(ing, &m, rec);
		else
			force_record(ing, &m, rec);
	}
	if (rec_reader_failed(r))
		status = -1;
	input_member_digest(in, &digest, &length);
	if (p->digested && status == 0 && (digest != p->digest ||
	    length != p->length)) {
		diag_at(p->name, 0, NULL, "the content changed while it was "
		    "read; its records may mix two versions");
		status = -1;
	}
	free(m.extra_col);
	rec_reader_close(r);
	return status;
}

/* The input does not hold what pass 1 saw: an error, never a guess. */
static int
source_changed(const struct ingest *ing, size_t i)
{
	diag_warn("%s: the input changed since it was first read (its "
	    "members differ); the rest of it is skipped",
	    ing->sources[i].name);
	return -1;
}

int
ingest_source(struct ingest *ing, size_t i, size_t *next)
{
	struct member_plan *p;
	struct input *in;
	int status = 0, more;

	if ((in = source_open(ing, i, 0)) == NULL) {
		while (*next < ing->nplans && ing->plans[*next].source == i)
			(*next)++;
		return -1;
	}
	while ((more = input_next(in)) == 1) {
		p = *next < ing->nplans && ing->plans[*next].source == i ?
		    &ing->plans[(*next)++] : NULL;
		if (p == NULL || strcmp(p->name, input_name(in)) != 0) {
			status = source_changed(ing, i);
			break;
		}
		if (p->skip == SKIP_NONE && ingest_member(ing, in, p) < 0)
			status = -1;
	}
	if (more == 0 && *next < ing->nplans && ing->plans[*next].source == i)
		status = source_changed(ing, i);
	while (*next < ing->nplans && ing->plans[*next].source == i)
		(*next)++;
	if (more < 0 || input_failed(in))
		status = -1;
	input_close(in);
	return status;
}
