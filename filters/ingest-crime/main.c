/*
 * ingest-crime: read raw crime extracts (data.police.uk street and
 * outcomes files, a force's own extract; plain, compressed or archived)
 * and write the normalised record stream (DEFINITIONS.md 1, 2.1, 2.2).
 * The layout of its files is in ingest.h.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../common/diag.h"
#include "../../common/opts.h"
#include "../../common/rejects.h"
#include "../../common/xalloc.h"
#include "ingest.h"

enum { OPT_FORCE = OPT_FILTER_FIRST, OPT_MAP, OPT_OFFENCES, OPT_CATEGORIES,
	OPT_LSOA, OPT_LIST_FORCES };

static const struct option long_options[] = {
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "force", required_argument, NULL, OPT_FORCE },
	{ "map", required_argument, NULL, OPT_MAP },
	{ "offences", required_argument, NULL, OPT_OFFENCES },
	{ "categories", required_argument, NULL, OPT_CATEGORIES },
	{ "lsoa", required_argument, NULL, OPT_LSOA },
	{ "list-forces", no_argument, NULL, OPT_LIST_FORCES },
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* What the command line asked for. */
struct settings {
	const char	*rejects, *map;
	char		*offences, *categories, *lsoa;
	int		 stats, list_forces;
};

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [-r file] [--stats] [--force name] [--map file]\n"
	    "       [--offences file] [--categories file] [--lsoa file]\n"
	    "       [--list-forces] [file ...]\n"
	    "Read data.police.uk street or outcomes files, or a force extract\n"
	    "(plain, gzip, bzip2, xz, zip or tar), and write the normalised\n"
	    "record stream on stdout.  With no file, or '-', read stdin.\n"
	    "  -r, --rejects file    append unusable records to file\n"
	    "      --stats           print 'read N, written N, rejected N'\n"
	    "      --force name      force of an extract with no force column\n"
	    "      --map file        column map: canonical_name=source header\n"
	    "      --offences file   offence-code table (reference/offence-groups.csv)\n"
	    "      --categories file police.uk category table\n"
	    "      --lsoa file       LSOA lookup (reference/lsoa11.csv)\n"
	    "      --list-forces     print the forces the inputs name, and stop\n"
	    "      --max-record n    reject longer records (bytes; K, M, G;\n"
	    "                        default 64M)\n"
	    "  -h, --help            show this help\n"
	    "      --version         show the version\n", diag_prog());
	opts_exit(fp, status);
}

static void
parse_options(struct ingest *ing, struct settings *set, int argc,
    char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, "hr:", long_options, NULL)) != -1) {
		switch (c) {
		case 'r':
			set->rejects = optarg;
			break;
		case OPT_STATS:
			set->stats = 1;
			break;
		case OPT_FORCE:
			if (*optarg == '\0')
				opts_misuse("option '--force' needs a name");
			ing->force_option = optarg;
			break;
		case OPT_MAP:
			set->map = optarg;
			break;
		case OPT_OFFENCES:
			free(set->offences);
			set->offences = xstrdup(optarg);
			break;
		case OPT_CATEGORIES:
			free(set->categories);
			set->categories = xstrdup(optarg);
			break;
		case OPT_LSOA:
			free(set->lsoa);
			set->lsoa = xstrdup(optarg);
			break;
		case OPT_LIST_FORCES:
			set->list_forces = 1;
			break;
		case OPT_MAX_RECORD:
			opts_max_record(optarg);
			break;
		case 'h':
			usage(stdout, EXIT_OK);
		case OPT_VERSION:
			opts_version();
		default:
			opts_hint();
		}
	}
}

static void
load_tables(struct ingest *ing, struct settings *set)
{
	static const char *const off_cols[] = { "offence_code", "crime_group",
	    "crime_group_if_not_dwelling", "police_uk_category" };
	static const char *const cat_cols[] = { "crime_type", "crime_group" };
	static const char *const lsoa_cols[] = { "lsoa_code", "district" };

	if (set->map != NULL)
		column_map_load(&ing->map, set->map);
	if (set->offences == NULL)
		set->offences = reference_path("offence-groups.csv");
	if (set->categories == NULL)
		set->categories = reference_path("police-uk-categories.csv");
	ing->offences = table_load(set->offences, off_cols, 4, OFF_CODE);
	if (table_rows(ing->offences) > INT16_MAX)
		diag_die(EXIT_DATA, "%s: more than %d offence codes",
		    set->offences, INT16_MAX);
	ing->categories = table_load(set->categories, cat_cols, 2, CAT_TYPE);
	if (set->lsoa == NULL)
		set->lsoa = reference_path("lsoa11.csv");
	ing->lsoas = table_load(set->lsoa, lsoa_cols, 2, LSOA_CODE);
	free(set->offences);
	free(set->categories);
	free(set->lsoa);
}

static void
check_kinds(const struct ingest *ing)
{
	/*
	 * Outcome updates are not crimes: they travel in a stream of their
	 * own (docs/stream.md); with crimes, sources.c left them out.
	 */
	if (ing->force_without_force_column && ing->force_option == NULL)
		opts_misuse("a force extract without a 'force' column needs "
		    "--force NAME");
}

static void
write_header(struct ingest *ing)
{
	size_t i;

	for (i = 0; i < NCANONICAL; i++) {
		if (i > 0)
			out_putc(&ing->out, ',');
		out_str(&ing->out, canonical_columns[i]);
	}
	for (i = 0; i < ing->nextras; i++)
		rec_append_str(&ing->out, ing->extras[i].out_name);
	out_end_record(&ing->out);
}

/* Pass 2: every planned member's records; the exit status. */
static int
ingest_all(struct ingest *ing)
{
	size_t i, next = 0;
	int status = EXIT_OK;

	out_init_stream(&ing->out, STDOUT_FILENO, "<stdout>");
	write_header(ing);
	for (i = 0; i < ing->nsources; i++)
		if (ingest_source(ing, i, &next) < 0)
			status = EXIT_DATA;
	out_close(&ing->out);
	return status;
}

/* The end-of-run warnings and the --stats line; the exit status. */
static int
finish(const struct ingest *ing, const struct settings *set, int status)
{
	char extra[256];

	if (ing->assumed_dwelling > 0)
		diag_warn("%llu residential burglar%s had an empty 'dwelling' "
		    "and %s counted as residential (dwelling)",
		    ing->assumed_dwelling, ing->assumed_dwelling == 1 ? "y" :
		    "ies", ing->assumed_dwelling == 1 ? "was" : "were");
	snprintf(extra, sizeof(extra), "crimes %zu, crime_set_bytes %zu, "
	    "repeated_ids %llu, duplicate_inputs %llu, superseded_inputs %llu, "
	    "skipped_members %llu, assumed_dwelling %llu",
	    crimes_count(ing), crimes_bytes(ing), ing->repeated_ids,
	    ing->duplicate_inputs, ing->superseded_inputs,
	    ing->skipped_members, ing->assumed_dwelling);
	if (rejects_finish(set->stats, extra) != EXIT_OK)
		status = EXIT_DATA;
	return status;
}

static void
ingest_release(struct ingest *ing)
{
	sources_release(ing);
	column_map_release(&ing->map);
	table_free(ing->offences);
	table_free(ing->categories);
	table_free(ing->lsoas);
	crimes_release(ing);
	keymap_free(ing->forces);
	keymap_free(ing->member_names);
	free(ing->where);
}

int
main(int argc, char *argv[])
{
	struct ingest ing;
	struct settings set;
	const char *const *paths;
	size_t npaths;
	int status, have_stdin;

	diag_init(argv[0]);
	memset(&ing, 0, sizeof(ing));
	memset(&set, 0, sizeof(set));
	parse_options(&ing, &set, argc, argv);
	paths = opts_inputs(argc, argv, &npaths, &have_stdin);
	load_tables(&ing, &set);
	crimes_init(&ing);
	ing.forces = keymap_new();
	ing.member_names = keymap_new();
	sources_init(&ing, paths, npaths);
	sources_scan(&ing);		/* pass 1: every member's header */
	if (set.list_forces)
		status = list_forces(&ing);
	else {
		check_kinds(&ing);	/* exits 2 on a mix it cannot write */
		if (set.rejects != NULL)
			rejects_open(set.rejects);
		status = finish(&ing, &set, ingest_all(&ing));
	}
	ingest_release(&ing);
	return status;
}
