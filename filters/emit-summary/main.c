/*
 * emit-summary: render the long table of measures (docs/measures.md,
 * DEFINITIONS.md 3) as the monthly Performance Summary, in Markdown,
 * HTML, CSV or JSON.  Every sentence follows docs/report.md.
 *
 * options -> read (the long tables, then the run's rejects and logs) ->
 * facts -> build the document (sections.c) -> write one format.
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
#include "emit.h"

enum { OPT_FORMAT = OPT_FILTER_FIRST, OPT_MONTH, OPT_TITLE, OPT_STREAM,
	OPT_CHART_MONTHS, OPT_TOPICS, OPT_OUTCOME_GROUPS, OPT_RUN_REJECTS,
	OPT_RUN_LOG };

static const struct option long_options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "month", required_argument, NULL, OPT_MONTH },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "stream", required_argument, NULL, OPT_STREAM },
	{ "chart-months", required_argument, NULL, OPT_CHART_MONTHS },
	{ "topics", required_argument, NULL, OPT_TOPICS },
	{ "outcome-groups", required_argument, NULL, OPT_OUTCOME_GROUPS },
	{ "run-rejects", required_argument, NULL, OPT_RUN_REJECTS },
	{ "run-log", required_argument, NULL, OPT_RUN_LOG },
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "help", no_argument, NULL, 'h' },
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* The run's kept stream after compute-outcomes (pipelines/monthly.sh). */
#define DEFAULT_STREAM	"streams/4-compute-outcomes.csv.gz"

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [--format md|html|csv|json] [-o file] [--month YYYY-MM]\n"
	    "       [--title text] [--chart-months N] [--stream path]\n"
	    "       [--topics file] [--outcome-groups file] [--run-rejects file]\n"
	    "       [--run-log file] [-r file] [--stats] [file ...]\n"
	    "Render aggregate-district's table of measures as the monthly\n"
	    "Performance Summary.  With no file, or '-', read stdin.\n"
	    "      --format fmt        md (default), html, csv or json\n"
	    "  -o, --output file       write file atomically instead of stdout\n"
	    "      --month YYYY-MM     reporting month (default: the latest)\n"
	    "      --title text        title (default 'Performance Summary')\n"
	    "      --chart-months N    months on a control chart, 13-120 (25)\n"
	    "      --stream path       the stream --explain tooltips name\n"
	    "                          (" DEFAULT_STREAM ")\n"
	    "      --topics file       labels, directions, projections\n"
	    "                          (reference/topics.csv)\n"
	    "      --outcome-groups file  outcome codes of each group\n"
	    "                          (reference/outcome-groups.csv)\n"
	    "      --run-rejects file  a stage's rejects, for Data quality\n"
	    "      --run-log file      a stage's stderr log, for Data quality\n"
	    "  -r, --rejects file      append unusable rows to file\n"
	    "      --stats             print 'read N, written N, rejected N'\n"
	    "  -h, --help              show this help\n"
	    "      --max-record n      reject longer records (bytes; K, M, G;\n"
	    "                          default 64M)\n"
	    "      --version           show the version\n", diag_prog());
	opts_exit(fp, status);
}

static enum format
format_of(const char *arg)
{
	static const char *const names[] = { "md", "html", "csv", "json" };
	static const enum format formats[] = { FMT_MD, FMT_HTML, FMT_CSV,
		FMT_JSON };
	size_t i;

	for (i = 0; i < 4; i++)
		if (strcmp(arg, names[i]) == 0)
			return formats[i];
	opts_misuse("option '--format': '%s' is not md, html, csv or json",
	    arg);
}

/* One option into set; 0 when c is none of ours. */
static int
take_option(struct settings *set, int c)
{
	switch (c) {
	case OPT_FORMAT:
		set->format = format_of(optarg);
		return 1;
	case 'o':
		if (*optarg == '\0')
			opts_misuse("option '--output' needs a file");
		set->out_path = optarg;
		return 1;
	case OPT_MONTH:
		if (month_parse(optarg, strlen(optarg), &set->month) < 0)
			opts_misuse("option '--month': '%s' is not a month "
			    "(YYYY-MM)", optarg);
		return 1;
	case OPT_TITLE:
		set->title = optarg;
		return 1;
	case OPT_STREAM:
		set->stream = optarg;
		return 1;
	case OPT_CHART_MONTHS:
		set->chart_months = (int)opts_number("--chart-months", optarg,
		    13, 120);
		return 1;
	case OPT_TOPICS:
		set->topics_path = optarg;
		return 1;
	case OPT_OUTCOME_GROUPS:
		set->outcomes_path = optarg;
		return 1;
	case OPT_RUN_REJECTS:
		set->run_rejects[set->nrun_rejects++] = optarg;
		return 1;
	case OPT_RUN_LOG:
		set->run_logs[set->nrun_logs++] = optarg;
		return 1;
	case 'r':
		set->rejects_path = optarg;
		return 1;
	case OPT_STATS:
		set->stats = 1;
		return 1;
	case OPT_MAX_RECORD:
		opts_max_record(optarg);
		return 1;
	}
	return 0;
}

static void
parse_options(struct settings *set, int argc, char *argv[])
{
	int c;

	memset(set, 0, sizeof(*set));
	set->month = -1;
	set->chart_months = 25;
	set->stream = DEFAULT_STREAM;
	/* Every repeatable option fits in argc entries. */
	set->run_rejects = calloc((size_t)argc, sizeof(char *));
	set->run_logs = calloc((size_t)argc, sizeof(char *));
	if (set->run_rejects == NULL || set->run_logs == NULL)
		diag_die(EXIT_DATA, "out of memory");
	while ((c = getopt_long(argc, argv, "ho:r:", long_options, NULL)) !=
	    -1) {
		if (take_option(set, c))
			continue;
		if (c == 'h')
			usage(stdout, EXIT_OK);
		if (c == OPT_VERSION)
			opts_version();
		opts_hint();
	}
}

/* Read every long table, then the run's rejects and logs. */
static int
read_inputs(struct summary *s, int argc, char *argv[])
{
	const char *const *paths;
	size_t n, i;
	int status = EXIT_OK, have_stdin;

	paths = opts_inputs(argc, argv, &n, &have_stdin);
	for (i = 0; i < n; i++)
		if (lt_read(s, paths[i]) != 0)
			status = EXIT_DATA;
	lt_index(s);
	rejects_counts.written = s->n;
	if (quality_read(s) != 0)
		status = EXIT_DATA;
	return status;
}

/* Write the format chosen; the status of the whole run. */
static int
write_report(struct summary *s, int status)
{
	const struct settings *set = s->set;
	struct outbuf out;
	char extra[64];
	size_t used;
	int fd = STDOUT_FILENO;

	/* -o: nothing is written unless the whole run succeeds. */
	if (set->out_path != NULL && status != EXIT_OK) {
		diag_warn("%s: not written, since an input failed",
		    set->out_path);
		rejects_finish(set->stats, NULL);
		return status;
	}
	if (set->out_path != NULL)
		fd = atomic_open(set->out_path);
	out_init(&out, fd, set->out_path != NULL ? set->out_path :
	    "<stdout>");
	if (set->format == FMT_CSV)
		lt_write_csv(s, &out);
	else if (set->format == FMT_HTML)
		render_html(&out, &s->doc);
	else if (set->format == FMT_JSON)
		render_json(&out, s, &s->doc);
	else
		render_md(&out, &s->doc);
	used = lt_used(s);
	out_flush(&out);
	if (set->out_path != NULL && atomic_sync(out.fd) < 0)
		status = EXIT_DATA;
	out_close(&out);
	snprintf(extra, sizeof(extra), "used %zu", used);
	if (rejects_finish(set->stats, extra) != EXIT_OK)
		status = EXIT_DATA;
	if (set->out_path != NULL)
		status = atomic_finish(set->out_path, status,
		    "records were rejected");
	return status;
}

static void
summary_release(struct summary *s)
{
	doc_release(&s->doc);
	quality_release(s);
	topics_release(s);
	lt_release(s);
	free(s->set->run_rejects);
	free(s->set->run_logs);
}

int
main(int argc, char *argv[])
{
	struct settings set;
	struct summary s;
	int status;

	diag_init(argv[0]);
	memset(&s, 0, sizeof(s));
	parse_options(&set, argc, argv);
	s.set = &set;
	topics_load(&s, set.topics_path);
	outcome_codes_load(&s, set.outcomes_path);
	if (set.rejects_path != NULL)
		rejects_open(set.rejects_path);
	status = read_inputs(&s, argc, argv);
	s.month = set.month >= 0 ? set.month : lt_latest_month(&s);
	if (s.month < 0) {
		diag_warn("no measures to report: the input holds no monthly "
		    "rows");
		rejects_finish(set.stats, NULL);
		summary_release(&s);
		return EXIT_DATA;
	}
	lt_find_areas(&s);
	facts_find(&s);
	sections_build(&s);
	status = write_report(&s, status);
	summary_release(&s);
	return status;
}
