#include "table.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "input.h"
#include "keymap.h"
#include "rejects.h"
#include "stream.h"
#include "xalloc.h"

#ifndef CRIMEPIPE_DATADIR
#define CRIMEPIPE_DATADIR "/usr/local/share/crimepipe/reference"
#endif

struct table {
	char		*path;
	size_t		 ncol, nrows, cap, key;
	char		**cells;	/* nrows * ncol strings */
	struct keymap	*index;		/* key -> row, built after sorting */
};

static const struct table *sort_table;

static int
compare_rows(const void *a, const void *b)
{
	size_t ra = *(const size_t *)a, rb = *(const size_t *)b;

	return strcmp(sort_table->cells[ra * sort_table->ncol + sort_table->key],
	    sort_table->cells[rb * sort_table->ncol + sort_table->key]);
}

static void
sort_rows(struct table *t)
{
	size_t *order = xmalloc(t->nrows * sizeof(size_t));
	char **sorted = xmalloc(t->nrows * t->ncol * sizeof(char *) + 1);
	size_t i;

	for (i = 0; i < t->nrows; i++)
		order[i] = i;
	sort_table = t;
	qsort(order, t->nrows, sizeof(size_t), compare_rows);
	for (i = 0; i < t->nrows; i++)
		memcpy(sorted + i * t->ncol, t->cells + order[i] * t->ncol,
		    t->ncol * sizeof(char *));
	free(t->cells);
	t->cells = sorted;
	free(order);
	for (i = 1; i < t->nrows; i++)
		if (strcmp(table_get(t, i - 1, t->key),
		    table_get(t, i, t->key)) == 0)
			diag_die(EXIT_DATA, "%s: key '%s' appears twice",
			    t->path, table_get(t, i, t->key));
	/* Rows are inserted in sorted order, so keymap index = row. */
	t->index = keymap_new();
	for (i = 0; i < t->nrows; i++)
		keymap_get(t->index, table_get(t, i, t->key),
		    strlen(table_get(t, i, t->key)), 1, NULL);
}

struct table *
table_load(const char *path, const char *const *columns, size_t ncolumns,
    size_t key)
{
	struct rejects_counts saved = rejects_counts;
	struct table *t;
	struct input *in;
	struct rec_reader *r;
	struct record *rec;
	long *idx;
	size_t i;

	in = input_open(path);
	if (in == NULL)
		exit(EXIT_DATA);
	if (input_next(in) != 1 || (r = rec_reader_open(in)) == NULL)
		diag_die(EXIT_DATA, "%s: cannot read the reference table",
		    path);
	t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	t->ncol = ncolumns;
	t->key = key;
	idx = xmalloc(ncolumns * sizeof(long));
	for (i = 0; i < ncolumns; i++)
		if ((idx[i] = rec_reader_column(r, columns[i])) < 0)
			diag_die(EXIT_DATA, "%s: no column '%s'", path,
			    columns[i]);
	while ((rec = rec_reader_next(r)) != NULL) {
		t->cells = xgrow(t->cells, &t->cap, (t->nrows + 1) * ncolumns,
		    sizeof(char *));
		for (i = 0; i < ncolumns; i++) {
			const struct field *f = &rec->value[idx[i]];
			t->cells[t->nrows * ncolumns + i] =
			    xstrndup(f->ptr, f->len);
		}
		if (t->cells[t->nrows * ncolumns + key][0] == '\0')
			diag_die(EXIT_DATA, "%s:%lu: field '%s': empty key",
			    path, rec->line, columns[key]);
		t->nrows++;
	}
	/* A reference table with a bad record is unusable as a whole. */
	if (rejects_counts.rejected != saved.rejected ||
	    rec_reader_failed(r))
		diag_die(EXIT_DATA, "%s: bad reference table", path);
	rejects_counts = saved;
	rec_reader_close(r);
	input_close(in);
	free(idx);
	sort_rows(t);
	return t;
}

size_t
table_rows(const struct table *t)
{
	return t->nrows;
}

const char *
table_get(const struct table *t, size_t row, size_t col)
{
	return t->cells[row * t->ncol + col];
}

long
table_find(const struct table *t, const char *key, size_t len)
{
	return keymap_get(t->index, key, len, 0, NULL);
}

const char *
table_path(const struct table *t)
{
	return t->path;
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows * t->ncol; i++)
		free(t->cells[i]);
	free(t->cells);
	keymap_free(t->index);
	free(t->path);
	free(t);
}

static char *
join(const char *dir, const char *rel, const char *name)
{
	size_t n = strlen(dir) + strlen(rel) + strlen(name) + 3;
	char *p = xmalloc(n);

	snprintf(p, n, "%s%s/%s", dir, rel, name);
	return p;
}

char *
reference_path(const char *name)
{
	static const char *const beside_bin[] = {
		"/../reference",		/* a checkout: bin/../reference */
		"/../share/crimepipe/reference"	/* an install: PREFIX/bin */
	};
	char exe[PATH_MAX];
	const char *env = getenv("CRIMEPIPE_REFERENCE");
	char *slash, *p;
	ssize_t n;
	size_t i;

	if (env != NULL && *env != '\0')
		return join(env, "", name);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; i < sizeof(beside_bin) / sizeof(*beside_bin); i++) {
			p = join(exe, beside_bin[i], name);
			if (access(p, R_OK) == 0)
				return p;
			free(p);
		}
	}
	return join(CRIMEPIPE_DATADIR, "", name);
}
