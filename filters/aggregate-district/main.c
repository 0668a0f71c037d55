/*
 * aggregate-district: turn the record stream (after tag-rural, flag-repeat
 * and compute-outcomes) into the long table of measures that emit-summary
 * renders (DEFINITIONS.md 3, 3.0-3.2; docs/measures.md is the contract).
 * The layout of its files is in agg.h.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../common/dates.h"
#include "../../common/diag.h"
#include "../../common/opts.h"
#include "../../common/rejects.h"
#include "../../common/xalloc.h"
#include "agg.h"

enum { OPT_MONTH = OPT_FILTER_FIRST, OPT_FORCE, OPT_AREAS, OPT_BASELINE,
	OPT_FY_START, OPT_EXPLAIN, OPT_LSOA, OPT_THEMES, OPT_TOPICS,
	OPT_ALLOW_EMPTY, OPT_LIST_MONTHS };

static const struct option long_options[] = {
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "month", required_argument, NULL, OPT_MONTH },
	{ "force", required_argument, NULL, OPT_FORCE },
	{ "areas", required_argument, NULL, OPT_AREAS },
	{ "lsoa", required_argument, NULL, OPT_LSOA },
	{ "themes", required_argument, NULL, OPT_THEMES },
	{ "topics", required_argument, NULL, OPT_TOPICS },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "fy-start", required_argument, NULL, OPT_FY_START },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "allow-empty-month", no_argument, NULL, OPT_ALLOW_EMPTY },
	{ "list-months", no_argument, NULL, OPT_LIST_MONTHS },
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* What the command line asked for, beside struct agg's own settings. */
struct settings {
	const char	*rejects, *month, *explain;
	struct ref_paths refs;
	int		 stats, list_months;
};

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [-r file] [--stats] --month YYYY-MM [--force name]\n"
	    "       [--areas file] [--lsoa file] [--themes file] [--topics file]\n"
	    "       [--baseline N] [--fy-start MM] [--allow-empty-month]\n"
	    "       [--explain key] [file ...]\n"
	    "       %s --list-months [--force name] [file ...]\n"
	    "Aggregate the record stream into the long table of measures\n"
	    "(docs/measures.md) for one force and reporting month.  With no\n"
	    "file, or '-', read stdin.\n"
	    "  -r, --rejects file      append unusable records to file\n"
	    "      --stats             print 'read N, written N, rejected N,\n"
	    "                          other_force N, measure_rows N'\n"
	    "      --month YYYY-MM     the reporting month (required)\n"
	    "      --force name        the reporting force (default: the first\n"
	    "                          record's; required with several forces)\n"
	    "      --areas file        districts (reference/areas.csv)\n"
	    "      --lsoa file         LSOA lookup (reference/lsoa11.csv)\n"
	    "      --themes file       rural themes (reference/rural-themes.csv)\n"
	    "      --topics file       topics (reference/topics.csv)\n"
	    "      --baseline N        control-chart baseline months, 1-120 (36)\n"
	    "      --fy-start MM       first month of the financial year (4)\n"
	    "      --allow-empty-month write the coverage rows when the input\n"
	    "                          does not cover the reporting month\n"
	    "      --explain key       list the records behind one figure:\n"
	    "                          [period,]measure,area_type,area,category\n"
	    "      --list-months       print the covered months, and stop\n"
	    "      --max-record n      reject longer records (bytes; K, M, G;\n"
	    "                          default 64M)\n"
	    "  -h, --help              show this help\n"
	    "      --version           show the version\n", diag_prog(),
	    diag_prog());
	opts_exit(fp, status);
}

static void
parse_options(struct agg *a, struct settings *set, int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, "hr:", long_options, NULL)) != -1)
		switch (c) {
		case 'r': set->rejects = optarg; break;
		case OPT_STATS: set->stats = 1; break;
		case OPT_MONTH: set->month = optarg; break;
		case OPT_FORCE:
			if (*optarg == '\0')
				opts_misuse("option '--force' needs a name");
			a->force_option = optarg;
			break;
		case OPT_AREAS: set->refs.areas = optarg; break;
		case OPT_LSOA: set->refs.lsoa = optarg; break;
		case OPT_THEMES: set->refs.themes = optarg; break;
		case OPT_TOPICS: set->refs.topics = optarg; break;
		case OPT_BASELINE:
			a->w.baseline = (int)opts_number("--baseline", optarg,
			    1, 120);
			break;
		case OPT_FY_START:
			a->w.fy_start = (int)opts_number("--fy-start", optarg,
			    1, 12);
			break;
		case OPT_EXPLAIN: set->explain = optarg; break;
		case OPT_ALLOW_EMPTY: a->allow_empty = 1; break;
		case OPT_LIST_MONTHS: set->list_months = 1; break;
		case OPT_MAX_RECORD: opts_max_record(optarg); break;
		case 'h': usage(stdout, EXIT_OK);
		case OPT_VERSION: opts_version();
		default: opts_hint();
		}
}

/* The month: required, except by --list-months, which needs none. */
static void
check_month(struct agg *a, const struct settings *set)
{
	if (set->month == NULL && set->list_months)
		a->w.month = 2999 * 12 + 11;	/* every month is "before" */
	else if (set->month == NULL)
		opts_misuse("option '--month YYYY-MM' is required");
	else if (month_parse(set->month, strlen(set->month), &a->w.month) < 0)
		opts_misuse("option '--month': '%s' is not a valid YYYY-MM",
		    set->month);
	window_init(&a->w);
	/* Projections fit the 36 months before M-11 and before the year. */
	if (a->w.month - 47 < a->w.lo)
		a->w.lo = a->w.month - 47;
	if (a->w.fy - 36 < a->w.lo)
		a->w.lo = a->w.fy - 36;
	a->w.nmonths = a->w.month - a->w.lo + 1;
	a->w.nslots = a->w.nmonths + 2;
}

/* The stream's first header: its columns; 0, or -1 to skip the input. */
static int
stream_start(void *ctx, struct rec_reader *r, const char *name)
{
	static const int groups[][4] = {
		{ C_V12, C_REPEAT, C_DA_V12, C_DA_REPEAT },
		{ C_OUTCOME_GROUP, C_OUTCOME_SUBGROUP, C_OUTCOME_MONTH, -1 }
	};
	struct agg *a = ctx;
	int i, j, any;

	for (i = 0; i < NCOL; i++)
		a->col[i] = rec_reader_column(r, column_names[i]);
	for (i = 0; i < NREQUIRED; i++)
		if (a->col[i] < 0)
			return header_lacks(r, name, column_names[i]);
	/* A stage's columns come together: all of them, or none. */
	for (i = 0; i < 2; i++) {
		for (any = 0, j = 0; j < 4 && groups[i][j] >= 0; j++)
			any |= a->col[groups[i][j]] >= 0;
		for (j = 0; any && j < 4 && groups[i][j] >= 0; j++)
			if (a->col[groups[i][j]] < 0)
				return header_lacks(r, name,
				    column_names[groups[i][j]]);
		*(i == 0 ? &a->has_repeat : &a->has_outcomes) = any;
	}
	a->has_rural = a->col[C_RURAL] >= 0;
	if (a->force_option != NULL) {
		a->force_derived = 0;
		force_setup(a, a->force_option);
		if (a->explain)
			target_resolve(a);
	}
	return 0;
}

/* The per-record step: view, then every figure the record adds to. */
static void
aggregate_record(void *ctx, struct record *rec)
{
	struct agg *a = ctx;
	struct rec_view v;
	const struct field *f;

	if (view_record(a, rec, &v) < 0)
		return;
	rejects_counts.written++;
	f = col(a, rec, C_FORCE);
	if (a->force == NULL) {
		char *name = xstrndup(f->ptr, f->len);

		a->force_derived = 1;
		diag_warn("reporting force '%s', the first record's; choose "
		    "another with --force", name);
		force_setup(a, name);
		free(name);
		if (a->explain)
			target_resolve(a);
	}
	v.is_force = force_matches(f->ptr, f->len, a->force, strlen(a->force));
	if (!v.is_force) {
		a->other_force++;
		if (a->force_derived && a->other_force_name == NULL)
			a->other_force_name = xstrndup(f->ptr, f->len);
		if (a->has_repeat && !a->explain && !a->list_only)
			victim_record(a, &v);
		return;
	}
	place_record(a, rec, &v.place);
	coverage_record(a, &v);
	if (a->explain) {
		explain_record(a, &v);
		return;
	}
	if (a->list_only)
		return;
	if (a->has_repeat)
		victim_record(a, &v);
	count_record(a, &v);
}

/* The end step: the victims' counts, the month's check, the table. */
static void
finish(struct agg *a, const struct settings *set)
{
	if (a->other_force_name != NULL)
		opts_misuse("the records name more than one force ('%s', "
		    "'%s'); choose one with --force", a->force,
		    a->other_force_name);
	if (set->list_months) {
		list_months(a);
		return;
	}
	if (a->explain)
		return;
	if (a->force == NULL) {
		out_str(&a->out, "period,area_type,area,measure,category,value,"
		    "denominator,rate\n");
		return;
	}
	if (a->has_repeat)
		victims_finish(a);
	write_table(a, check_reporting_month(a) == 0);
}

static int
report_stats(const struct agg *a, int stats)
{
	char extra[96];

	snprintf(extra, sizeof(extra), "other_force %llu, measure_rows %zu",
	    a->other_force, a->nrows);
	return rejects_finish(stats, extra);
}

static void
agg_release(struct agg *a)
{
	size_t i;

	first_header_release(&a->header);
	for (i = 0; i < keymap_size(a->cats); i++)
		free(a->cat_name[i]);
	free(a->cat_name);
	free(a->cat_len);
	free(a->cat_measure);
	keymap_free(a->cats);
	free(a->cube);
	free(a->key);
	keymap_free(a->vset);
	free(a->vm);
	free(a->areas);
	free(a->district_area);
	free(a->district_pa);
	free(a->rows);
	free(a->force);
	free(a->other_force_name);
	free(a->target.area_name);
	free(a->target.category);
	free(a->covered);
	free(a->topics);
	table_free(a->topics_table);
	table_free(a->lsoas);
	keymap_free(a->lad_names);
	keymap_free(a->theme_names);
	areas_free(a->table);
}

static void
agg_init(struct agg *a)
{
	memset(a, 0, sizeof(*a));
	a->w.baseline = 36;	/* DEFINITIONS.md 3 */
	a->w.fy_start = 4;	/* DEFINITIONS.md 3: April */
	a->first_month = 1 << 30;
	a->last_month = -1;
	a->cats = keymap_new();
	a->vset = keymap_new();
}

int
main(int argc, char *argv[])
{
	struct agg a;
	struct settings set;
	struct member_reader members = { .start = stream_start,
	    .record = aggregate_record, .ctx = &a, .header = &a.header };
	const char *const *paths;
	int status = EXIT_OK, have_stdin;
	size_t npaths, i;

	diag_init(argv[0]);
	agg_init(&a);
	memset(&set, 0, sizeof(set));
	parse_options(&a, &set, argc, argv);
	check_month(&a, &set);
	a.list_only = set.list_months;
	paths = opts_inputs(argc, argv, &npaths, &have_stdin);
	if (set.explain != NULL) {
		a.explain = 1;
		target_parse(&a, set.explain);
	}
	load_references(&a, &set.refs);
	if (set.rejects != NULL)
		rejects_open(set.rejects);
	out_init_stream(&a.out, STDOUT_FILENO, "<stdout>");
	if (a.explain)
		out_str(&a.out, "record_id,source\n");
	for (i = 0; i < npaths; i++)
		if (read_members(&members, paths[i]) != 0)
			status = EXIT_DATA;
	finish(&a, &set);
	out_close(&a.out);
	status |= report_stats(&a, set.stats);
	agg_release(&a);
	return status;
}
