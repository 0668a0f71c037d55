/*
 * The district a record counts in (docs/measures.md "Placement";
 * DEFINITIONS.md 1.1, 1.3): its district field, matched by ONS code, name
 * or other name, else its LSOA code through the LSOA lookup — never the
 * words of an LSOA name.
 */
#include <string.h>

#include "agg.h"

/* The areas-table row of an LSOA's district, or -1 with *why set. */
static long
lsoa_row(const struct agg *a, const struct field *l, int *why)
{
	const char *lad;
	long lsoa, row;

	if (l->len == 0) {
		*why = UP_NO_LSOA;
		return -1;
	}
	if ((lsoa = table_find(a->lsoas, l->ptr, l->len)) < 0) {
		*why = UP_UNKNOWN;	/* DEFINITIONS.md 1.1: not in the lookup */
		return -1;
	}
	lad = table_get(a->lsoas, (size_t)lsoa, LSOA_DISTRICT_CODE);
	if ((row = areas_find_code(a->table, lad, strlen(lad))) < 0)
		*why = UP_OUTSIDE;	/* a district of no force in the table */
	return row;
}

/* The areas-table row of the record's district, or -1 with *why set. */
static long
district_row(const struct agg *a, const struct record *rec, int *why)
{
	const struct field *d = col(a, rec, C_DISTRICT);
	const struct field *l = col(a, rec, C_LSOA_CODE);
	long row;

	if (d->len == 0)
		return lsoa_row(a, l, why);
	if ((row = areas_find(a->table, d->ptr, d->len)) >= 0)
		return row;
	if (keymap_get(a->lad_names, d->ptr, d->len, 0, NULL) >= 0) {
		*why = UP_OUTSIDE;	/* an ONS district, not the force's */
		return -1;
	}
	/* A name no table knows: the LSOA says where, if it can. */
	if ((row = lsoa_row(a, l, why)) < 0 && *why == UP_NO_LSOA)
		*why = UP_UNKNOWN;
	return row;
}

void
place_record(const struct agg *a, const struct record *rec,
    struct placement *pl)
{
	int why = UP_UNKNOWN;
	long row = district_row(a, rec, &why);

	pl->areas[0] = 0;
	pl->nareas = 1;
	pl->unplaced = -1;
	if (row >= 0 && a->district_area[row] >= 0) {
		pl->areas[1] = a->district_pa[row];
		pl->areas[2] = a->district_area[row];
		pl->nareas = 3;
	} else if (row >= 0)
		pl->unplaced = UP_OUTSIDE;	/* another force's district */
	else
		pl->unplaced = why;
}
