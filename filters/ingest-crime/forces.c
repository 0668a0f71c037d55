/*
 * ingest-crime --list-forces: the forces the inputs' records name, as the
 * stream's force column would hold them, one a line in byte order, so
 * that a pipeline can choose one before the first stage runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/diag.h"
#include "../../common/input.h"
#include "../../common/xalloc.h"
#include "ingest.h"

/* The force a record names (docs/stream.md: the force column), or NULL. */
static const char *
record_force(const struct ingest *ing, const struct member_plan *p,
    const struct record *rec, long fcol, size_t *len)
{
	const struct field *f;

	if (fcol < 0 || (size_t)fcol >= rec->nfields ||
	    (f = &rec->value[fcol])->len == 0) {
		if (p->kind != EXTRACT_FORCE || ing->force_option == NULL)
			return NULL;
		*len = strlen(ing->force_option);
		return ing->force_option;
	}
	*len = p->kind == EXTRACT_FORCE ? f->len :
	    police_force_name(f->ptr, f->len);
	return f->ptr;
}

static void
member_forces(const struct ingest *ing, const struct member_plan *p,
    struct input *in, struct keymap *forces)
{
	struct rec_reader *r = rec_reader_open_quiet(in);
	const struct record *rec;
	const char *force;
	size_t len;
	long fcol;

	if (r == NULL)
		return;
	fcol = find_name((const char *const *)p->names, p->nnames,
	    p->kind == EXTRACT_FORCE ? "force" : "Falls within");
	while ((rec = rec_reader_next(r)) != NULL)
		if ((force = record_force(ing, p, rec, fcol, &len)) != NULL)
			keymap_get(forces, force, len, 1, NULL);
	rec_reader_close(r);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
list_forces(struct ingest *ing)
{
	struct keymap *forces = keymap_new();
	size_t i, next = 0, n, len;
	struct member_plan *p;
	struct input *in;
	const char *key;
	char **names;
	int status = EXIT_OK;

	for (i = 0; i < ing->nsources; i++) {
		if ((in = source_open(ing, i, 0)) == NULL) {
			status = EXIT_DATA;
			continue;
		}
		while (next < ing->nplans && ing->plans[next].source == i &&
		    input_next(in) == 1) {
			p = &ing->plans[next++];
			if (p->usable && p->skip == SKIP_NONE &&
			    p->kind != EXTRACT_UNKNOWN)
				member_forces(ing, p, in, forces);
		}
		if (input_failed(in))
			status = EXIT_DATA;
		input_close(in);
		while (next < ing->nplans && ing->plans[next].source == i)
			next++;
	}
	n = keymap_size(forces);
	names = xcalloc(n + 1, sizeof(char *));
	for (i = 0; i < n; i++) {
		key = keymap_key(forces, i, &len);
		names[i] = xstrndup(key, len);
	}
	qsort(names, n, sizeof(char *), cmp_str);
	for (i = 0; i < n; i++) {
		printf("%s\n", names[i]);
		free(names[i]);
	}
	free(names);
	keymap_free(forces);
	if (fflush(stdout) != 0 || ferror(stdout))
		diag_die(EXIT_DATA, "<stdout>: write error");
	return status;
}
