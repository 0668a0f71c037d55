#ifndef CRIMEPIPE_AREAS_H
#define CRIMEPIPE_AREAS_H

#include <stddef.h>

/*
 * The areas table (DEFINITIONS.md 1.4, reference/areas.csv): district ->
 * policing area, force, mid-year population, households.  Loaded whole;
 * any problem (a missing column, a repeated district, a population or
 * households that is not a whole number) is fatal: a message naming the
 * file and exit 1, as for every reference table (table.h).
 */
struct area_row {
	const char	*district;
	const char	*policing_area;
	const char	*force;
	long long	 population;
	long long	 households;
};

struct areas {
	size_t		 n;
	struct area_row	*row;		/* sorted by district, byte order */
	struct table	*table;		/* owns the strings */
};

/* Load path; never returns NULL. */
struct areas	*areas_load(const char *path);
/* The row of district name[0..len), or -1. */
long		 areas_find(const struct areas *a, const char *name,
		    size_t len);
void		 areas_free(struct areas *a);

#endif
