#ifndef CRIMEPIPE_EXTRACT_H
#define CRIMEPIPE_EXTRACT_H

#include <stddef.h>

#include "stream.h"

/*
 * The three kinds of raw extract (DEFINITIONS.md 1.1-1.3), recognised by
 * their headers, and the canonical columns of the normalised stream
 * (DEFINITIONS.md 2.1).
 */
enum extract_kind {
	EXTRACT_UNKNOWN,
	EXTRACT_STREET,		/* data.police.uk street-level crime */
	EXTRACT_OUTCOMES,	/* data.police.uk outcomes */
	EXTRACT_FORCE,		/* a force's own extract */
	EXTRACT_STOP_SEARCH,	/* data.police.uk stop and search: no crimes */
	EXTRACT_STREAM		/* already normalised (ingest-crime's output) */
};

enum canonical_column {
	COL_RECORD_ID, COL_SOURCE, COL_CRIME_COUNT, COL_MONTH,
	COL_RECORDED_DATE, COL_FORCE, COL_CRIME_TYPE, COL_OFFENCE_CODE,
	COL_CRIME_GROUP, COL_LSOA_CODE, COL_LSOA_NAME, COL_DISTRICT,
	COL_LATITUDE, COL_LONGITUDE, COL_VICTIM_ID, COL_VICTIM_TYPE,
	COL_MARKERS, COL_OUTCOME_CODE, COL_OUTCOME_DATE, COL_OUTCOME_TEXT,
	COL_MO_TEXT, NCANONICAL
};

extern const char *const canonical_columns[NCANONICAL];

/* Force-extract columns (DEFINITIONS.md 1.3). */
enum force_column {
	FX_CRIME_REF, FX_RECORDED_DATE, FX_OFFENCE_CODE, FX_OFFENCE_DESC,
	FX_DISTRICT, FX_DWELLING, FX_LSOA_CODE, FX_OA_CODE, FX_LATITUDE,
	FX_LONGITUDE, FX_VICTIM_ID, FX_VICTIM_TYPE, FX_MARKERS,
	FX_OUTCOME_CODE, FX_OUTCOME_DATE, FX_MO_TEXT, FX_FORCE, NFORCE
};

extern const char *const force_columns[NFORCE];
/* 1 for the force-extract columns that may be absent. */
extern const int force_column_optional[NFORCE];

/* police.uk street and outcomes columns. */
enum police_column {
	PU_CRIME_ID, PU_MONTH, PU_REPORTED_BY, PU_FALLS_WITHIN, PU_LONGITUDE,
	PU_LATITUDE, PU_LOCATION, PU_LSOA_CODE, PU_LSOA_NAME, PU_CRIME_TYPE,
	PU_LAST_OUTCOME, PU_CONTEXT, PU_OUTCOME_TYPE, NPOLICE
};

extern const char *const police_columns[NPOLICE];

/*
 * A column map (ingest-crime --map FILE): lines "canonical_name=source
 * header"; '#' starts a comment line.  Renames the force extract's own
 * headers to the names of DEFINITIONS.md 1.3.
 */
struct column_map {
	char	**canonical, **source;
	size_t	  n;
};

/* Load a map; exits 2 on an unknown name or a malformed line. */
void	column_map_load(struct column_map *m, const char *path);
/* The canonical name for a source header (itself when not mapped). */
const char *column_map_name(const struct column_map *m, const char *header);
void	column_map_release(struct column_map *m);

/*
 * The kind of a header (names already mapped).  For EXTRACT_FORCE the
 * missing required columns are listed in *missing (a static string), for
 * others it is NULL.
 */
enum extract_kind extract_kind(const char *const *names, size_t n,
	    const char **missing);

/*
 * The force named in a police.uk "Falls within" field: "Warwickshire
 * Police" -> "Warwickshire" (a trailing " Police" is dropped, other names
 * such as "... Constabulary" are kept whole).  Returns the length kept.
 */
size_t	police_force_name(const char *s, size_t len);

/*
 * The district in a police.uk "LSOA name" ("Warwick 010A" -> "Warwick"):
 * the name without its last word when that word is three digits and a
 * letter (DEFINITIONS.md 1.1); else 0.
 */
size_t	lsoa_name_district(const char *s, size_t len);

#endif
