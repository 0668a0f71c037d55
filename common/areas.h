#ifndef CRIMEPIPE_AREAS_H
#define CRIMEPIPE_AREAS_H

#include <stddef.h>

/*
 * The areas table (DEFINITIONS.md 1.4, reference/areas.csv): district ->
 * policing area, force, mid-year population, households, keyed by the
 * district's ONS code, with its ONS name for display and the other names
 * a force extract may write (";"-separated, e.g. "Herefordshire" for
 * "Herefordshire, County of").  Loaded whole; any problem (a missing
 * column, a repeated district or name, a population or households that
 * is not a whole number) is fatal: a message naming the file and exit 1,
 * as for every reference table (table.h).
 */
struct keymap;
struct table;

struct area_row {
	const char	*code;		/* ONS LAD code, e.g. E07000222 */
	const char	*district;	/* ONS name, e.g. Warwick */
	const char	*policing_area;
	const char	*force;
	long long	 population;
	long long	 households;
};

struct areas {
	size_t		 n;
	struct area_row	*row;		/* sorted by code, byte order */
	struct table	*table;		/* owns the strings */
	struct keymap	*names;		/* code, name, other names -> row */
	long		*name_row;
};

/* Load path; never returns NULL. */
struct areas	*areas_load(const char *path);
/* The row whose code, name or other name is name[0..len), or -1. */
long		 areas_find(const struct areas *a, const char *name,
		    size_t len);
/* The row of ONS code code[0..len), or -1. */
long		 areas_find_code(const struct areas *a, const char *code,
		    size_t len);
void		 areas_free(struct areas *a);

#endif
