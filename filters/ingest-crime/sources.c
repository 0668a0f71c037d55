/*
 * ingest-crime's inputs and pass 1.  Every member's header is read before
 * the first record is written, because the headers together decide the
 * output's columns; so every input is read twice.  What cannot be read
 * twice (standard input, a FIFO, /dev/fd/N) is first copied to an
 * unlinked temporary file.  Pass 1 also reads each member to its end for
 * a digest when the run has more than one member, so that the same
 * content named twice is read once, and a police.uk month delivered
 * twice is read from the delivery named last (DEFINITIONS.md 3.0).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../common/diag.h"
#include "../../common/input.h"
#include "../../common/rejects.h"
#include "../../common/spool.h"
#include "../../common/xalloc.h"
#include "ingest.h"

enum { COPY_SIZE = 1 << 16 };

/* Copy descriptor from into a new temporary file; its descriptor. */
static int
spool_copy(int from, const char *name)
{
	char *buf = xmalloc(COPY_SIZE);
	int fd = spool_tmpfile(NULL, "ingest-crime");
	ssize_t n, w;
	size_t done;

	while ((n = read(from, buf, COPY_SIZE)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			diag_die(EXIT_DATA, "%s: %s", name, strerror(errno));
		for (done = 0; done < (size_t)n; done += (size_t)w)
			if ((w = write(fd, buf + done, (size_t)n - done)) < 0 &&
			    errno != EINTR)
				diag_die(EXIT_DATA, "temporary copy of %s: %s",
				    name, strerror(errno));
			else if (w < 0)
				w = 0;
	}
	free(buf);
	return fd;
}

/* 1 when path names something that a second open would not re-read. */
static int
read_once(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && (S_ISFIFO(st.st_mode) ||
	    S_ISCHR(st.st_mode) || S_ISSOCK(st.st_mode));
}

void
sources_init(struct ingest *ing, const char *const *args, size_t n)
{
	size_t i;

	ing->sources = xcalloc(n, sizeof(*ing->sources));
	ing->nsources = n;
	for (i = 0; i < n; i++) {
		ing->sources[i].arg = args[i];
		ing->sources[i].name = strcmp(args[i], "-") == 0 ? "<stdin>" :
		    args[i];
		ing->sources[i].fd = -1;
	}
}

/*
 * Make source i readable twice, when it is first needed (so the inputs
 * are taken in the order named, as a pipeline feeding several FIFOs
 * expects).
 */
static void
prepare_source(struct source *s)
{
	struct stat st;
	int fd;

	if (s->prepared++)
		return;
	if (strcmp(s->arg, "-") == 0) {
		/* A regular file on stdin is read from where it is. */
		if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) &&
		    (s->start = lseek(STDIN_FILENO, 0, SEEK_CUR)) >= 0)
			s->fd = STDIN_FILENO;
		else
			s->fd = spool_copy(STDIN_FILENO, s->name);
	} else if (read_once(s->arg) && (fd = open(s->arg, O_RDONLY)) >= 0) {
		s->fd = spool_copy(fd, s->name);
		close(fd);
	}
}

struct input *
source_open(const struct ingest *ing, size_t i, int quiet)
{
	const struct source *s = &ing->sources[i];

	if (s->fd >= 0)
		return input_open_fd(s->fd, s->start, s->name, quiet);
	return quiet ? input_open_quiet(s->arg) : input_open(s->arg);
}

/* The header names of r, renamed through the column map. */
const char **
mapped_names(const struct ingest *ing, const struct rec_reader *r, size_t *n)
{
	const struct record *h = rec_reader_header(r);
	const char **names = xmalloc((h->nfields + 1) * sizeof(char *));
	size_t i;

	for (i = 0; i < h->nfields; i++)
		names[i] = column_map_name(&ing->map, h->value[i].ptr);
	*n = h->nfields;
	return names;
}

long
find_name(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (long)i;
	return -1;
}

/* 1 when column name of this kind becomes a canonical column. */
int
is_consumed(enum extract_kind kind, const char *name)
{
	static const char *const street[] = { "Crime ID", "Month",
	    "Longitude", "Latitude", "LSOA code", "LSOA name", "Crime type",
	    "Last outcome category", NULL };
	static const char *const outcomes[] = { "Crime ID", "Month",
	    "Longitude", "Latitude", "LSOA code", "LSOA name", "Outcome type",
	    NULL };
	static const char *const force[] = { "crime_ref", "recorded_date",
	    "offence_code", "district", "lsoa_code", "latitude", "longitude",
	    "victim_id", "victim_type", "markers", "outcome_code",
	    "outcome_date", "mo_text", "force", NULL };
	const char *const *list = kind == EXTRACT_STREET ? street :
	    kind == EXTRACT_OUTCOMES ? outcomes : force;

	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

static struct member_plan *
plan_new(struct ingest *ing, size_t source, const char *name)
{
	struct member_plan *p;

	ing->plans = xgrow(ing->plans, &ing->plans_cap, ing->nplans + 1,
	    sizeof(*ing->plans));
	p = &ing->plans[ing->nplans++];
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	p->source = source;
	return p;
}

/*
 * A police.uk file holds one force's month (DEFINITIONS.md 1.1, 1.2): its
 * first record names them.  The key also holds the kind, so a street
 * file and an outcomes file of one month never replace each other.
 */
static void
police_key(struct member_plan *p, struct rec_reader *r)
{
	long fcol = rec_reader_column(r, "Falls within");
	long mcol = rec_reader_column(r, "Month");
	const struct record *rec;
	const struct field *f, *m;
	size_t n, flen;

	if (fcol < 0 || mcol < 0 || (rec = rec_reader_next(r)) == NULL)
		return;
	f = &rec->value[fcol];
	m = &rec->value[mcol];
	flen = police_force_name(f->ptr, f->len);
	n = flen + m->len + 16;
	p->police_key = xmalloc(n);
	snprintf(p->police_key, n, "%d\t%.*s\t%.*s", (int)p->kind,
	    (int)flen, f->ptr, (int)m->len, m->ptr);
}

/* Pass 1 over one member: header, kind, and its first police.uk record. */
static void
scan_member(struct ingest *ing, struct member_plan *p, struct rec_reader *r)
{
	const char **names, *missing;
	size_t i;

	names = mapped_names(ing, r, &p->nnames);
	p->usable = 1;
	p->kind = extract_kind(names, p->nnames, &missing);
	p->complete = missing == NULL;
	p->names = xmalloc((p->nnames + 1) * sizeof(char *));
	for (i = 0; i < p->nnames; i++)
		p->names[i] = xstrdup(names[i]);
	free(names);
	if (p->kind == EXTRACT_STREET || p->kind == EXTRACT_OUTCOMES)
		police_key(p, r);
}

/* Read the rest of the member, for its digest. */
static void
digest_member(struct member_plan *p, struct input *in)
{
	char *buf = xmalloc(COPY_SIZE);
	ssize_t n;

	while ((n = input_read(in, buf, COPY_SIZE)) > 0)
		;
	free(buf);
	if (n == 0 && !input_failed(in)) {
		input_member_digest(in, &p->digest, &p->length);
		p->digested = 1;
	}
}

/* More than one member, or perhaps: an archive may hold several. */
static int
needs_digests(const struct ingest *ing)
{
	struct input *in;
	int archive;

	if (ing->nsources != 1)
		return ing->nsources > 1;
	prepare_source(&ing->sources[0]);
	if ((in = source_open(ing, 0, 1)) == NULL)
		return 0;
	archive = input_is_archive(in);
	input_close(in);
	return archive;
}

static void
scan_source(struct ingest *ing, size_t i, int digests)
{
	struct member_plan *p;
	struct rec_reader *r;
	struct input *in;

	prepare_source(&ing->sources[i]);
	if ((in = source_open(ing, i, 1)) == NULL)
		return;	/* pass 2 reports it */
	if (digests)
		input_digest(in);
	while (input_next(in) == 1) {
		p = plan_new(ing, i, input_name(in));
		if ((r = rec_reader_open_quiet(in)) != NULL)
			scan_member(ing, p, r);
		if (digests)
			digest_member(p, in);
		rec_reader_close(r);
	}
	input_close(in);
}

/* Move in to member number k (0-based) of its input; 1 when there. */
static int
seek_member(struct input *in, size_t k)
{
	size_t i;

	for (i = 0; i <= k; i++)
		if (input_next(in) != 1)
			return 0;
	return 1;
}

/* The index of plan p among its source's members. */
static size_t
member_index(const struct ingest *ing, size_t p)
{
	size_t k = 0;

	while (p > 0 && ing->plans[p - 1].source == ing->plans[p].source) {
		p--;
		k++;
	}
	return k;
}

/* Fill buf from in as far as it goes; the bytes read, -1 on an error. */
static ssize_t
read_full(struct input *in, char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n && (r = input_read(in, buf + got, n - got)) != 0) {
		if (r < 0)
			return -1;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/*
 * 1 when plans a and b hold the same bytes: equal digests are confirmed
 * byte by byte, so a digest collision can never drop an input.
 */
static int
members_identical(const struct ingest *ing, size_t a, size_t b)
{
	struct input *ia = source_open(ing, ing->plans[a].source, 1);
	struct input *ib = source_open(ing, ing->plans[b].source, 1);
	char *ba = xmalloc(COPY_SIZE), *bb = xmalloc(COPY_SIZE);
	ssize_t na, nb;
	int same = ia != NULL && ib != NULL &&
	    seek_member(ia, member_index(ing, a)) &&
	    seek_member(ib, member_index(ing, b));

	while (same) {
		na = read_full(ia, ba, COPY_SIZE);
		nb = read_full(ib, bb, COPY_SIZE);
		same = na >= 0 && na == nb && memcmp(ba, bb, (size_t)na) == 0;
		if (na <= 0)
			break;
	}
	free(ba);
	free(bb);
	input_close(ia);
	input_close(ib);
	return same;
}

/* The same decoded content twice is read once, from its first naming. */
static void
mark_duplicates(struct ingest *ing)
{
	struct keymap *seen = keymap_new();
	size_t i, *first = xmalloc((ing->nplans + 1) * sizeof(size_t));
	uint64_t key[2];
	long k;
	int added;

	for (i = 0; i < ing->nplans; i++) {
		if (!ing->plans[i].digested)
			continue;
		key[0] = ing->plans[i].digest;
		key[1] = ing->plans[i].length;
		k = keymap_get(seen, key, sizeof(key), 1, &added);
		if (added)
			first[k] = i;
		else if (members_identical(ing, first[k], i)) {
			ing->plans[i].skip = SKIP_DUPLICATE;
			ing->plans[i].other = first[k];
		}
	}
	free(first);
	keymap_free(seen);
}

/* Two police.uk files of one force, month and kind: the last one wins. */
static void
mark_superseded(struct ingest *ing)
{
	struct keymap *seen = keymap_new();
	size_t i, *latest = xmalloc((ing->nplans + 1) * sizeof(size_t));
	const char *key;
	long k;
	int added;

	for (i = 0; i < ing->nplans; i++) {
		if (ing->plans[i].skip != SKIP_NONE ||
		    (key = ing->plans[i].police_key) == NULL)
			continue;
		k = keymap_get(seen, key, strlen(key), 1, &added);
		if (!added) {
			ing->plans[latest[k]].skip = SKIP_SUPERSEDED;
			ing->plans[latest[k]].other = i;
		}
		latest[k] = i;
	}
	free(latest);
	keymap_free(seen);
}

/*
 * What a crime stream cannot hold (docs/stream.md): stop-and-search files,
 * and outcomes files when there are crimes (a police.uk archive holds
 * both: its outcomes go to compute-outcomes --outcomes).  Outcomes files
 * alone make an outcome-update stream.
 */
static void
mark_other_kinds(struct ingest *ing)
{
	struct member_plan *p;
	size_t i;
	int crimes = 0;

	for (i = 0; i < ing->nplans; i++) {
		p = &ing->plans[i];
		crimes |= p->skip == SKIP_NONE && p->usable &&
		    (p->kind == EXTRACT_STREET || p->kind == EXTRACT_FORCE);
	}
	for (i = 0; i < ing->nplans; i++) {
		p = &ing->plans[i];
		if (p->skip != SKIP_NONE || !p->usable)
			continue;
		if (p->kind == EXTRACT_STOP_SEARCH)
			p->skip = SKIP_NOT_CRIMES;
		else if (p->kind == EXTRACT_OUTCOMES && crimes)
			p->skip = SKIP_OUTCOMES;
	}
}

/* Say what pass 2 leaves out, in input order. */
static void
report_skips(struct ingest *ing)
{
	const struct member_plan *p, *o;
	const char *key;
	size_t i;

	for (i = 0; i < ing->nplans; i++) {
		p = &ing->plans[i];
		o = &ing->plans[p->other];
		if (p->skip == SKIP_DUPLICATE) {
			ing->duplicate_inputs++;
			rejects_counts.warnings++;
			diag_at(p->name, 0, NULL, "warning: the same content as "
			    "'%s'; read once, from there", o->name);
		} else if (p->skip == SKIP_OUTCOMES) {
			ing->skipped_members++;
			rejects_counts.warnings++;
			diag_at(p->name, 0, NULL, "warning: an outcomes file, not "
			    "read with crimes; give it to compute-outcomes "
			    "--outcomes");
		} else if (p->skip == SKIP_NOT_CRIMES) {
			ing->skipped_members++;
			rejects_counts.warnings++;
			diag_at(p->name, 0, NULL, "warning: a stop-and-search "
			    "file, not crimes; not read");
		} else if (p->skip == SKIP_SUPERSEDED) {
			ing->superseded_inputs++;
			rejects_counts.warnings++;
			key = strchr(p->police_key, '\t') + 1;
			diag_at(p->name, 0, NULL, "warning: superseded by '%s', "
			    "a later delivery of the same force and month "
			    "(%.*s %s); the one named last is read", o->name,
			    (int)strcspn(key, "\t"), key,
			    strchr(key, '\t') + 1);
		}
	}
}

/* 1 when the plan's records will be read with extra columns. */
static int
gives_extras(const struct member_plan *p)
{
	return p->usable && p->skip == SKIP_NONE && (p->kind == EXTRACT_STREET ||
	    p->kind == EXTRACT_OUTCOMES || (p->kind == EXTRACT_FORCE &&
	    p->complete));
}

static long
extra_by_source(const struct ingest *ing, const char *name)
{
	size_t i;

	for (i = 0; i < ing->nextras; i++)
		if (strcmp(ing->extras[i].source_name, name) == 0)
			return (long)i;
	return -1;
}

/* 1 when name is a canonical column, a source column or given already. */
static int
name_taken(const struct ingest *ing, const char *name, size_t upto)
{
	size_t i;

	for (i = 0; i < NCANONICAL; i++)
		if (strcmp(name, canonical_columns[i]) == 0)
			return 1;
	for (i = 0; i < ing->nextras; i++)
		if (strcmp(name, ing->extras[i].source_name) == 0 ||
		    (i < upto && strcmp(name, ing->extras[i].out_name) == 0))
			return 1;
	return 0;
}

/*
 * The output name of each extra column: its own, unless that is a
 * canonical column's, which keeps the canonical meaning; then "source_"
 * is put before it as often as it takes to reach a name that no column
 * has (source columns "source" and "source_source" become
 * "source_source_source" and "source_source").  So no two columns can
 * ever merge into one.
 */
static void
name_extras(struct ingest *ing)
{
	struct extra *e;
	char *name, *longer;
	size_t i;

	for (i = 0; i < ing->nextras; i++) {
		e = &ing->extras[i];
		name = xstrdup(e->source_name);
		if (find_name(canonical_columns, NCANONICAL, name) >= 0) {
			do {
				longer = xmalloc(strlen(name) + 8);
				sprintf(longer, "source_%s", name);
				free(name);
				name = longer;
			} while (name_taken(ing, name, i));
		}
		e->out_name = name;
	}
}

/* The kinds and extra columns of the members pass 2 will read. */
static void
collect_columns(struct ingest *ing)
{
	const struct member_plan *p;
	size_t i, j, cap = 0;

	for (i = 0; i < ing->nplans; i++) {
		p = &ing->plans[i];
		if (!p->usable || p->skip != SKIP_NONE)
			continue;
		ing->kinds[p->kind]++;
		if (p->kind == EXTRACT_FORCE && find_name((const char *const *)
		    p->names, p->nnames, "force") < 0)
			ing->force_without_force_column = 1;
		if (!gives_extras(p))
			continue;
		for (j = 0; j < p->nnames; j++) {
			if (is_consumed(p->kind, p->names[j]) ||
			    extra_by_source(ing, p->names[j]) >= 0)
				continue;
			ing->extras = xgrow(ing->extras, &cap, ing->nextras + 1,
			    sizeof(*ing->extras));
			ing->extras[ing->nextras].source_name =
			    xstrdup(p->names[j]);
			ing->extras[ing->nextras++].out_name = NULL;
		}
	}
	name_extras(ing);
}

void
sources_scan(struct ingest *ing)
{
	size_t i;

	ing->digests = needs_digests(ing);
	for (i = 0; i < ing->nsources; i++)
		scan_source(ing, i, ing->digests);
	mark_duplicates(ing);
	mark_superseded(ing);
	mark_other_kinds(ing);
	report_skips(ing);
	collect_columns(ing);
}

long
extra_column_index(const struct ingest *ing, const char *source_name)
{
	return extra_by_source(ing, source_name);
}

void
sources_release(struct ingest *ing)
{
	struct member_plan *p;
	size_t i, j;

	for (i = 0; i < ing->nplans; i++) {
		p = &ing->plans[i];
		for (j = 0; j < p->nnames; j++)
			free(p->names[j]);
		free(p->names);
		free(p->name);
		free(p->police_key);
	}
	free(ing->plans);
	for (i = 0; i < ing->nextras; i++) {
		free(ing->extras[i].source_name);
		free(ing->extras[i].out_name);
	}
	free(ing->extras);
	for (i = 0; i < ing->nsources; i++)
		if (ing->sources[i].fd > STDIN_FILENO)
			close(ing->sources[i].fd);
	free(ing->sources);
}
