#include "extract.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

const char *const canonical_columns[NCANONICAL] = {
	"record_id", "source", "crime_count", "month", "recorded_date",
	"force", "crime_type", "offence_code", "crime_group", "lsoa_code",
	"lsoa_name", "district", "latitude", "longitude", "victim_id",
	"victim_type", "markers", "outcome_code", "outcome_date",
	"outcome_text", "mo_text"
};

const char *const force_columns[NFORCE] = {
	"crime_ref", "recorded_date", "offence_code", "offence_desc",
	"district", "dwelling", "lsoa_code", "oa_code", "latitude",
	"longitude", "victim_id", "victim_type", "markers", "outcome_code",
	"outcome_date", "mo_text", "force"
};

/* DEFINITIONS.md 1.3 marks these optional; force may come from --force. */
const int force_column_optional[NFORCE] = {
	[FX_DWELLING] = 1, [FX_OA_CODE] = 1, [FX_LATITUDE] = 1,
	[FX_LONGITUDE] = 1, [FX_FORCE] = 1
};

const char *const police_columns[NPOLICE] = {
	"Crime ID", "Month", "Reported by", "Falls within", "Longitude",
	"Latitude", "Location", "LSOA code", "LSOA name", "Crime type",
	"Last outcome category", "Context", "Outcome type"
};

static int
is_known_column(const char *name)
{
	size_t i;

	for (i = 0; i < NFORCE; i++)
		if (strcmp(name, force_columns[i]) == 0)
			return 1;
	return 0;
}

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

void
column_map_load(struct column_map *m, const char *path)
{
	FILE *fp = fopen(path, "r");
	char line[4096], *eq, *name, *src;
	unsigned long lineno = 0;
	size_t cap_canonical = 0, cap_source = 0;

	memset(m, 0, sizeof(*m));
	if (fp == NULL)
		diag_die(EXIT_USAGE, "%s: cannot open column map", path);
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		name = trim(line);
		if (*name == '\0' || *name == '#')
			continue;
		if ((eq = strchr(name, '=')) == NULL) {
			diag_at(path, lineno, NULL,
			    "expected 'canonical_name=source header'");
			exit(EXIT_USAGE);
		}
		*eq = '\0';
		name = trim(name);
		src = trim(eq + 1);
		if (!is_known_column(name)) {
			diag_at(path, lineno, NULL, "'%s' is not a force-extract "
			    "column (DEFINITIONS.md 1.3)", name);
			exit(EXIT_USAGE);
		}
		m->canonical = xgrow(m->canonical, &cap_canonical, m->n + 1,
		    sizeof(char *));
		m->source = xgrow(m->source, &cap_source, m->n + 1,
		    sizeof(char *));
		m->canonical[m->n] = xstrdup(name);
		m->source[m->n] = xstrdup(src);
		m->n++;
	}
	fclose(fp);
}

const char *
column_map_name(const struct column_map *m, const char *header)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->source[i], header) == 0)
			return m->canonical[i];
	return header;
}

void
column_map_release(struct column_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->canonical[i]);
		free(m->source[i]);
	}
	free(m->canonical);
	free(m->source);
	memset(m, 0, sizeof(*m));
}

static int
has(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

enum extract_kind
extract_kind(const char *const *names, size_t n, const char **missing)
{
	static char list[1024];
	size_t i;

	*missing = NULL;
	/* police.uk archives hold stop-and-search files beside the others. */
	if (has(names, n, "Type") && has(names, n, "Date") &&
	    has(names, n, "Object of search"))
		return EXTRACT_STOP_SEARCH;
	if (has(names, n, "Crime ID") && has(names, n, "Month")) {
		if (has(names, n, "Outcome type"))
			return EXTRACT_OUTCOMES;
		if (has(names, n, "Crime type"))
			return EXTRACT_STREET;
		return EXTRACT_UNKNOWN;
	}
	if (n >= NCANONICAL) {
		for (i = 0; i < NCANONICAL; i++)
			if (strcmp(names[i], canonical_columns[i]) != 0)
				break;
		if (i == NCANONICAL)
			return EXTRACT_STREAM;
	}
	if (!has(names, n, "crime_ref"))
		return EXTRACT_UNKNOWN;
	list[0] = '\0';
	for (i = 0; i < NFORCE; i++)
		if (!force_column_optional[i] && !has(names, n, force_columns[i]) &&
		    strlen(list) + strlen(force_columns[i]) + 4 < sizeof(list)) {
			if (list[0] != '\0')
				strcat(list, ", ");
			strcat(list, force_columns[i]);
		}
	if (list[0] != '\0')
		*missing = list;
	return EXTRACT_FORCE;
}

size_t
police_force_name(const char *s, size_t len)
{
	static const char suffix[] = " Police";
	size_t n = sizeof(suffix) - 1;

	if (len > n && memcmp(s + len - n, suffix, n) == 0)
		return len - n;
	return len;
}

size_t
lsoa_name_district(const char *s, size_t len)
{
	/* "<district> NNNL": a space, three digits and a capital letter. */
	if (len < 6 || s[len - 5] != ' ' || !isdigit((unsigned char)s[len - 4]) ||
	    !isdigit((unsigned char)s[len - 3]) ||
	    !isdigit((unsigned char)s[len - 2]) ||
	    !isupper((unsigned char)s[len - 1]))
		return 0;
	return len - 5;
}
