#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "diag.h"
#include "keymap.h"
#include "table.h"
#include "xalloc.h"

enum { AR_CODE, AR_DISTRICT, AR_OTHER_NAMES, AR_POLICING_AREA, AR_FORCE,
	AR_POPULATION, AR_HOUSEHOLDS, NAR };

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

/* One more name for row i; a name two districts share is fatal. */
static void
add_name(struct areas *a, size_t i, const char *name, size_t len)
{
	long k;
	int added;

	if (len == 0)
		return;
	k = keymap_get(a->names, name, len, 1, &added);
	a->name_row = xrealloc(a->name_row, ((size_t)k + 1) * sizeof(long));
	if (!added && a->name_row[k] != (long)i)
		diag_die(EXIT_DATA, "%s: the name '%.*s' is given to two "
		    "districts", table_path(a->table), (int)len, name);
	a->name_row[k] = (long)i;
}

static void
add_names(struct areas *a, size_t i)
{
	const char *p = table_get(a->table, i, AR_OTHER_NAMES), *semi;

	add_name(a, i, a->row[i].code, strlen(a->row[i].code));
	add_name(a, i, a->row[i].district, strlen(a->row[i].district));
	for (; *p != '\0'; p = semi + 1) {
		semi = strchr(p, ';');
		if (semi == NULL)
			semi = p + strlen(p);
		add_name(a, i, p, (size_t)(semi - p));
		if (*semi == '\0')
			break;
	}
}

struct areas *
areas_load(const char *path)
{
	static const char *const cols[NAR] = { "district_code", "district",
	    "other_names", "policing_area", "force", "population",
	    "households" };
	struct areas *a = xcalloc(1, sizeof(*a));
	size_t i;

	a->table = table_load(path, cols, NAR, AR_CODE);
	a->n = table_rows(a->table);
	a->row = xcalloc(a->n ? a->n : 1, sizeof(*a->row));
	a->names = keymap_new();
	for (i = 0; i < a->n; i++) {
		a->row[i].code = table_get(a->table, i, AR_CODE);
		a->row[i].district = table_get(a->table, i, AR_DISTRICT);
		a->row[i].policing_area = table_get(a->table, i,
		    AR_POLICING_AREA);
		a->row[i].force = table_get(a->table, i, AR_FORCE);
		a->row[i].population = whole_number(a->table, i,
		    AR_POPULATION, cols[AR_POPULATION]);
		a->row[i].households = whole_number(a->table, i,
		    AR_HOUSEHOLDS, cols[AR_HOUSEHOLDS]);
		add_names(a, i);
	}
	return a;
}

long
areas_find(const struct areas *a, const char *name, size_t len)
{
	long k = keymap_get(a->names, name, len, 0, NULL);

	return k < 0 ? -1 : a->name_row[k];
}

long
areas_find_code(const struct areas *a, const char *code, size_t len)
{
	return table_find(a->table, code, len);
}

void
areas_free(struct areas *a)
{
	if (a == NULL)
		return;
	table_free(a->table);
	keymap_free(a->names);
	free(a->name_row);
	free(a->row);
	free(a);
}
