#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "diag.h"
#include "table.h"
#include "xalloc.h"

enum { AR_DISTRICT, AR_POLICING_AREA, AR_FORCE, AR_POPULATION,
	AR_HOUSEHOLDS, NAR };

static long long
whole_number(const struct table *t, size_t row, size_t col,
    const char *name)
{
	const char *s = table_get(t, row, col), *p;
	long long v = 0;

	if (*s == '\0')
		goto bad;
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || v > 100000000000LL)
			goto bad;
		v = v * 10 + (*p - '0');
	}
	return v;
bad:
	diag_die(EXIT_DATA, "%s: district '%s': field '%s': '%s' is not a "
	    "whole number", table_path(t), table_get(t, row, AR_DISTRICT),
	    name, s);
}

struct areas *
areas_load(const char *path)
{
	static const char *const cols[NAR] = { "district", "policing_area",
	    "force", "population", "households" };
	struct areas *a = xcalloc(1, sizeof(*a));
	size_t i;

	a->table = table_load(path, cols, NAR, AR_DISTRICT);
	a->n = table_rows(a->table);
	a->row = xcalloc(a->n ? a->n : 1, sizeof(*a->row));
	for (i = 0; i < a->n; i++) {
		a->row[i].district = table_get(a->table, i, AR_DISTRICT);
		a->row[i].policing_area = table_get(a->table, i,
		    AR_POLICING_AREA);
		a->row[i].force = table_get(a->table, i, AR_FORCE);
		a->row[i].population = whole_number(a->table, i,
		    AR_POPULATION, cols[AR_POPULATION]);
		a->row[i].households = whole_number(a->table, i,
		    AR_HOUSEHOLDS, cols[AR_HOUSEHOLDS]);
	}
	return a;
}

long
areas_find(const struct areas *a, const char *name, size_t len)
{
	return table_find(a->table, name, len);
}

void
areas_free(struct areas *a)
{
	if (a == NULL)
		return;
	table_free(a->table);
	free(a->row);
	free(a);
}
