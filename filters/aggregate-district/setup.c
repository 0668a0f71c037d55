/*
 * The force, its areas and the month window, and the reference tables
 * aggregate-district reads: areas, the LSOA lookup, the rural themes and
 * the topics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/diag.h"
#include "../../common/extract.h"
#include "../../common/input.h"
#include "../../common/opts.h"
#include "../../common/rejects.h"
#include "../../common/xalloc.h"
#include "agg.h"

const char *const area_type_names[3] = { "force", "policing_area",
	"district" };

/*
 * The month window: the baseline N months before M, and the financial
 * year to M with the same span a year earlier (DEFINITIONS.md 3).
 */
void
window_init(struct window *w)
{
	w->fy = w->month - ((w->month % 12 - (w->fy_start - 1) + 12) % 12);
	w->lo = w->month - w->baseline;
	if (w->fy - 12 < w->lo)
		w->lo = w->fy - 12;
	w->nmonths = w->month - w->lo + 1;
	w->nslots = w->nmonths + 2;
}

/* The slot of month m, or -1 outside lo..M. */
int
month_slot(const struct agg *a, int m)
{
	return m < a->w.lo || m > a->w.month ? -1 : m - a->w.lo;
}

/*
 * 1 when two force names name one force: police.uk's "Falls within"
 * says "Warwickshire Police" where the areas table says "Warwickshire".
 */
int
force_matches(const char *x, size_t xlen, const char *y, size_t ylen)
{
	xlen = police_force_name(x, xlen);
	ylen = police_force_name(y, ylen);
	return xlen == ylen && memcmp(x, y, xlen) == 0;
}

static void
add_area(struct agg *a, enum area_type type, const char *name,
    long long pop, long long hh)
{
	a->areas = xrealloc(a->areas, (size_t)(a->nareas + 1) *
	    sizeof(*a->areas));
	a->areas[a->nareas].type = type;
	a->areas[a->nareas].name = name;
	a->areas[a->nareas].population = pop;
	a->areas[a->nareas].households = hh;
	a->nareas++;
}

int
find_area(const struct agg *a, enum area_type type, const char *name)
{
	int i;

	for (i = 0; i < a->nareas; i++)
		if (a->areas[i].type == type &&
		    strcmp(a->areas[i].name, name) == 0)
			return i;
	return -1;
}

/* The force's districts and policing areas (DEFINITIONS.md 1.4). */
static void
force_areas(struct agg *a)
{
	const struct areas *t = a->table;
	size_t i;
	int pa;

	a->district_area = xmalloc((t->n ? t->n : 1) * sizeof(int));
	a->district_pa = xmalloc((t->n ? t->n : 1) * sizeof(int));
	for (i = 0; i < t->n; i++) {
		a->district_area[i] = a->district_pa[i] = -1;
		if (!force_matches(t->row[i].force, strlen(t->row[i].force),
		    a->force, strlen(a->force)))
			continue;
		if ((pa = find_area(a, AT_POLICING,
		    t->row[i].policing_area)) < 0) {
			add_area(a, AT_POLICING, t->row[i].policing_area, 0, 0);
			pa = a->nareas - 1;
		}
		add_area(a, AT_DISTRICT, t->row[i].district,
		    t->row[i].population, t->row[i].households);
		a->district_area[i] = a->nareas - 1;
		a->district_pa[i] = pa;
		/* DEFINITIONS.md 3: higher areas sum their districts. */
		a->areas[pa].population += t->row[i].population;
		a->areas[pa].households += t->row[i].households;
		a->areas[0].population += t->row[i].population;
		a->areas[0].households += t->row[i].households;
	}
}

/*
 * The force is known (--force, or the first record's): build the report
 * areas.  Exits when the force has no district in the table.  The force
 * is named as the areas table names it.
 */
void
force_setup(struct agg *a, const char *force)
{
	size_t i, n = police_force_name(force, strlen(force));

	a->force = xstrndup(force, n);
	for (i = 0; i < a->table->n; i++)
		if (force_matches(a->table->row[i].force,
		    strlen(a->table->row[i].force), force, strlen(force))) {
			free(a->force);
			a->force = xstrdup(a->table->row[i].force);
			break;
		}
	add_area(a, AT_FORCE, a->force, 0, 0);
	force_areas(a);
	if (a->nareas == 1) {
		if (a->force_derived)
			diag_die(EXIT_DATA, "force '%s' (of the first record) "
			    "has no district in %s", force,
			    table_path(a->table->table));
		opts_misuse("option '--force': '%s' has no district in %s",
		    force, table_path(a->table->table));
	}
	static_categories(a);
}

/*
 * The topic row of a series (reference/topics.csv): "measure:category",
 * else "measure:*", else NULL.
 */
const struct topic_row *
topic_of(const struct agg *a, const char *measure, const char *category)
{
	const struct topic_row *star = NULL;
	size_t i, n = strlen(measure);

	for (i = 0; i < a->ntopics; i++) {
		const char *s = a->topics[i].series;

		if (strncmp(s, measure, n) != 0 || s[n] != ':')
			continue;
		if (strcmp(s + n + 1, category) == 0)
			return &a->topics[i];
		if (strcmp(s + n + 1, "*") == 0)
			star = &a->topics[i];
	}
	return star;
}

static void
load_topics(struct agg *a, const char *path)
{
	static const char *const cols[] = { "series", "direction",
	    "projection" };
	const char *d;
	size_t i;

	a->topics_table = table_load(path, cols, 3, 0);
	a->ntopics = table_rows(a->topics_table);
	a->topics = xcalloc(a->ntopics + 1, sizeof(*a->topics));
	for (i = 0; i < a->ntopics; i++) {
		a->topics[i].series = table_get(a->topics_table, i, 0);
		d = table_get(a->topics_table, i, 1);
		if (strcmp(d, "up") != 0 && strcmp(d, "down") != 0 &&
		    strcmp(d, "neutral") != 0)
			diag_die(EXIT_DATA, "%s: series '%s': field 'direction': "
			    "'%s' is not up, down or neutral", path,
			    a->topics[i].series, d);
		a->topics[i].direction = d;
		a->topics[i].projection = strcmp(table_get(a->topics_table, i,
		    2), "Y") == 0;
	}
}

/*
 * The rural themes, distinct, in the table's (priority) order: every one
 * is written, 0 included (DEFINITIONS.md 2.3), so a theme added to the
 * table appears in the report.  The table holds a row per keyword.
 */
static void
load_themes(struct agg *a, const char *path)
{
	struct input *in = input_open(path);
	struct rec_reader *r = NULL;
	struct record *rec;
	long c = -1;

	/* A quiet reader: a table's rows are not records of the run. */
	if (in == NULL || input_next(in) != 1 ||
	    (r = rec_reader_open_quiet(in)) == NULL ||
	    (c = rec_reader_column(r, "theme")) < 0)
		diag_die(EXIT_DATA, "%s: cannot read the themes table", path);
	a->theme_names = keymap_new();
	while ((rec = rec_reader_next(r)) != NULL)
		if (rec->value[c].len > 0)
			keymap_get(a->theme_names, rec->value[c].ptr,
			    rec->value[c].len, 1, NULL);
	if (rec_reader_failed(r))
		diag_die(EXIT_DATA, "%s: bad themes table", path);
	rec_reader_close(r);
	input_close(in);
}

static char *
path_or_default(const char *path, const char *name)
{
	return path != NULL ? xstrdup(path) : reference_path(name);
}

/* Every reference table; a NULL path is the table in reference/. */
void
load_references(struct agg *a, const struct ref_paths *rp)
{
	static const char *const lsoa_cols[] = { "lsoa_code",
	    "district_code", "district" };
	size_t i;
	char *path;

	path = path_or_default(rp->areas, "areas.csv");
	a->table = areas_load(path);
	free(path);
	path = path_or_default(rp->lsoa, "lsoa11.csv");
	a->lsoas = table_load(path, lsoa_cols, 3, 0);
	free(path);
	/* Every ONS district, by code and by name (place.c). */
	a->lad_names = keymap_new();
	for (i = 0; i < table_rows(a->lsoas); i++)
		for (int c = LSOA_DISTRICT_CODE; c <= LSOA_DISTRICT; c++)
			keymap_get(a->lad_names, table_get(a->lsoas, i, c),
			    strlen(table_get(a->lsoas, i, c)), 1, NULL);
	path = path_or_default(rp->themes, "rural-themes.csv");
	load_themes(a, path);
	free(path);
	path = path_or_default(rp->topics, "topics.csv");
	load_topics(a, path);
	free(path);
}
