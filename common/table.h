#ifndef CRIMEPIPE_TABLE_H
#define CRIMEPIPE_TABLE_H

#include <stddef.h>

/*
 * A reference table (reference/README.md) loaded whole from CSV through
 * the stream reader, kept as strings, sorted on one key column and found
 * through a hash index (keymap.h) of the key column.  Tables are small (at most tens of thousands of rows)
 * and loaded once per run.
 */
struct table;

/*
 * Load path, keeping the named columns in the given order (the file may
 * hold others, in any order).  Any problem (missing file or column, bad
 * record, an empty or repeated key) is fatal: "prog: path:line: ..." and
 * exit 1, since a filter must never run on half a lookup table.  The rows
 * are sorted on column key (an index into columns).
 */
struct table	*table_load(const char *path, const char *const *columns,
		    size_t ncolumns, size_t key);
size_t		 table_rows(const struct table *t);
/*
 * The value of column col (an index into the columns asked for) of row:
 * a NUL-terminated string owned by the table, valid until table_free().
 */
const char	*table_get(const struct table *t, size_t row, size_t col);
/* The row whose key equals key[0..len), or -1. */
long		 table_find(const struct table *t, const char *key,
		    size_t len);
const char	*table_path(const struct table *t);
void		 table_free(struct table *t);

/*
 * Where a reference file is: $CRIMEPIPE_REFERENCE/name when that variable
 * is set, else the checkout's reference/ beside the executable's bin/,
 * else the installed PREFIX/share/crimepipe/reference/.  Returns a string
 * owned by the caller.
 */
char		*reference_path(const char *name);

#endif
