/*
 * compute-outcomes: give every record of the stream its Home Office
 * outcome group, action-taken subgroup, outcome month and days to outcome
 * (DEFINITIONS.md 2.4), normalising outcome_code in place, and join
 * data.police.uk outcome updates to crimes on their Crime ID
 * (DEFINITIONS.md 1.2).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/dates.h"
#include "../common/diag.h"
#include "../common/extract.h"
#include "../common/input.h"
#include "../common/keymap.h"
#include "../common/members.h"
#include "../common/opts.h"
#include "../common/outbuf.h"
#include "../common/rejects.h"
#include "../common/stream.h"
#include "../common/table.h"
#include "../common/xalloc.h"

/* The columns this stage adds (DEFINITIONS.md 2.4), in order. */
enum { ADD_GROUP, ADD_SUBGROUP, ADD_MONTH, ADD_DAYS, NADDED };

static const char *const added_names[NADDED] = {
	"outcome_group", "outcome_subgroup", "outcome_month",
	"days_to_outcome"
};

/* The stream columns read; all are canonical (docs/stream.md). */
enum { IN_RECORD_ID, IN_RECORDED_DATE, IN_CRIME_GROUP, IN_CODE, IN_DATE,
	IN_TEXT, NIN };

static const char *const in_names[NIN] = {
	"record_id", "recorded_date", "crime_group", "outcome_code",
	"outcome_date", "outcome_text"
};

/* The outcome-group table (reference/outcome-groups.csv). */
enum { TB_OUTCOME, TB_BASIS, TB_GROUP, TB_SUBGROUP, NTB };

enum basis { BASIS_CODE, BASIS_TEXT };

struct group_row {
	enum basis	 basis;
	struct field	 group, subgroup;
};

/* An interned outcome text: its row of the table (basis text) or -1. */
struct text_info {
	long		 row;
	int		 warned;	/* "not in the table" said once */
};

/* The latest update of one Crime ID (DEFINITIONS.md 1.2). */
struct update {
	int32_t		 month;
	uint32_t	 text;		/* index into texts */
};

struct outcomes {
	struct outbuf	 out;
	struct table	*groups;
	struct group_row *rows;

	struct keymap	*ids;		/* Crime IDs of the outcome updates */
	struct update	*upd;
	size_t		 upd_cap;
	unsigned char	*joined;	/* per id: 1 once a record matched */
	struct keymap	*texts;		/* update texts and unknown texts */
	struct text_info *tinfo;
	size_t		 tinfo_cap;

	/* The crime stream: the first usable member's header rules. */
	int		 have_header;
	struct first_header header;
	long		 col[NIN];
	long		 source_col;	/* the stream's source column, or -1 */
	struct added_columns ac;

	/* The last code looked up: extracts repeat a few codes endlessly. */
	char		 last_code[16];
	size_t		 last_len;
	long		 last_row;

	unsigned long long unknown_texts, outcomes_joined;
};

static const struct field empty_field = { "", 0 };

enum { OPT_GROUPS = OPT_FILTER_FIRST, OPT_OUTCOMES };

static const struct option long_options[] = {
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "groups", required_argument, NULL, OPT_GROUPS },
	{ "outcomes", required_argument, NULL, OPT_OUTCOMES },
	{ "help", no_argument, NULL, 'h' },
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
outcomes_init(struct outcomes *co)
{
	memset(co, 0, sizeof(*co));
	co->ids = keymap_new();
	co->texts = keymap_new();
}

static void
outcomes_release(struct outcomes *co)
{
	first_header_release(&co->header);
	if (co->have_header)
		added_columns_release(&co->ac);
	table_free(co->groups);
	free(co->rows);
	keymap_free(co->ids);
	keymap_free(co->texts);
	free(co->upd);
	free(co->joined);
	free(co->tinfo);
}

static void
set_field(struct field *f, const char *s)
{
	f->ptr = s;
	f->len = strlen(s);
}

/*
 * Load the outcome-group table once, keyed on 'outcome': Home Office codes
 * and police.uk texts never collide, and each row says which it is.
 */
static void
load_groups(struct outcomes *co, const char *path)
{
	static const char *const cols[NTB] = { "outcome", "basis",
	    "outcome_group", "outcome_subgroup" };
	struct group_row *g;
	const char *basis;
	size_t i, n;

	co->groups = table_load(path, cols, NTB, TB_OUTCOME);
	n = table_rows(co->groups);
	co->rows = xcalloc(n + 1, sizeof(*co->rows));
	for (i = 0; i < n; i++) {
		g = &co->rows[i];
		basis = table_get(co->groups, i, TB_BASIS);
		if (strcmp(basis, "code") == 0)
			g->basis = BASIS_CODE;
		else if (strcmp(basis, "text") == 0)
			g->basis = BASIS_TEXT;
		else
			diag_die(EXIT_DATA, "%s: outcome '%s': basis '%s' is "
			    "neither 'code' nor 'text'", path,
			    table_get(co->groups, i, TB_OUTCOME), basis);
		if (*table_get(co->groups, i, TB_GROUP) == '\0')
			diag_die(EXIT_DATA, "%s: outcome '%s': empty "
			    "outcome_group", path,
			    table_get(co->groups, i, TB_OUTCOME));
		set_field(&g->group, table_get(co->groups, i, TB_GROUP));
		set_field(&g->subgroup, table_get(co->groups, i, TB_SUBGROUP));
	}
}

/* The table row of key with the given basis, or -1. */
static long
find_row(const struct outcomes *co, const char *key, size_t len,
    enum basis basis)
{
	long row = table_find(co->groups, key, len);

	return row >= 0 && co->rows[row].basis == basis ? row : -1;
}

/* The basis=code row of a normalised code, or -1. */
static long
find_code(struct outcomes *co, const char *code, size_t len)
{
	if (co->last_len > 0 && len == co->last_len &&
	    memcmp(code, co->last_code, len) == 0)
		return co->last_row;
	co->last_row = find_row(co, code, len, BASIS_CODE);
	if (len < sizeof(co->last_code)) {
		memcpy(co->last_code, code, len);
		co->last_len = len;
	}
	return co->last_row;
}

/* Intern an outcome text; returns its index. */
static uint32_t
intern_text(struct outcomes *co, const char *p, size_t len)
{
	int added;
	long i = keymap_get(co->texts, p, len, 1, &added);

	if (added) {
		co->tinfo = xgrow(co->tinfo, &co->tinfo_cap, (size_t)i + 1,
		    sizeof(*co->tinfo));
		co->tinfo[i].row = find_row(co, p, len, BASIS_TEXT);
		co->tinfo[i].warned = 0;
	}
	return (uint32_t)i;
}

/* Names of the three columns an outcome update is read from. */
struct update_columns {
	const char	*id, *month, *text;
	long		 c_id, c_month, c_text, c_group;
};

/* One outcomes row or outcome-update record (DEFINITIONS.md 1.2). */
static void
load_update(struct outcomes *co, const struct update_columns *uc,
    const struct record *rec)
{
	const struct field *id = &rec->value[uc->c_id];
	const struct field *month = &rec->value[uc->c_month];
	const struct field *text = &rec->value[uc->c_text];
	struct update *u;
	long i;
	int m, added;

	if (id->len == 0) {
		reject(rec->source, rec->line, uc->id, rec->raw, rec->raw_len,
		    "an outcome update needs a Crime ID");
		return;
	}
	if (month_parse(month->ptr, month->len, &m) < 0) {
		reject(rec->source, rec->line, uc->month, rec->raw,
		    rec->raw_len, "'%.*s' is not a valid month (YYYY-MM)",
		    (int)month->len, month->ptr);
		return;
	}
	if (text->len == 0) {
		reject(rec->source, rec->line, uc->text, rec->raw,
		    rec->raw_len, "an outcome update needs an outcome");
		return;
	}
	if (uc->c_group >= 0 && rec->value[uc->c_group].len > 0) {
		reject(rec->source, rec->line, "crime_group", rec->raw,
		    rec->raw_len, "a crime record, not an outcome update");
		return;
	}
	i = keymap_get(co->ids, id->ptr, id->len, 1, &added);
	co->upd = xgrow(co->upd, &co->upd_cap, (size_t)i + 1,
	    sizeof(*co->upd));
	u = &co->upd[i];
	/*
	 * The latest month wins; within one month the last row read, files
	 * being read in the order given (DEFINITIONS.md 1.2).
	 */
	if (added || m >= u->month) {
		u->month = m;
		u->text = intern_text(co, text->ptr, text->len);
	}
}

/*
 * The columns of an outcomes member: 0 when it can be read, 1 for a
 * police.uk file of another kind (skipped with a note), -1 when unusable.
 */
static int
update_columns(struct rec_reader *r, const char *name,
    struct update_columns *uc)
{
	const struct record *h = rec_reader_header(r);
	const char **names = xmalloc((h->nfields + 1) * sizeof(char *));
	const char *missing;
	enum extract_kind kind;
	size_t i;

	for (i = 0; i < h->nfields; i++)
		names[i] = h->value[i].ptr;
	kind = extract_kind(names, h->nfields, &missing);
	free(names);
	uc->c_group = -1;
	if (kind == EXTRACT_STREET || kind == EXTRACT_STOP_SEARCH) {
		/* A police.uk archive holds these beside its outcomes. */
		diag_at(name, 0, NULL, "warning: a %s file, not outcomes; not "
		    "read", kind == EXTRACT_STREET ? "street" :
		    "stop-and-search");
		return 1;
	}
	if (kind == EXTRACT_OUTCOMES) {
		uc->id = "Crime ID";
		uc->month = "Month";
		uc->text = "Outcome type";
	} else if (kind == EXTRACT_STREAM) {
		uc->id = "record_id";
		uc->month = "month";
		uc->text = "outcome_text";
		uc->c_group = rec_reader_column(r, "crime_group");
	} else {
		diag_at(name, 1, NULL, "not a data.police.uk outcomes file "
		    "or an outcome-update stream (ingest-crime of outcomes "
		    "files)");
		return -1;
	}
	uc->c_id = rec_reader_column(r, uc->id);
	uc->c_month = rec_reader_column(r, uc->month);
	uc->c_text = rec_reader_column(r, uc->text);
	return 0;
}

/* The --outcomes member being loaded: read_members()'s context. */
struct outcomes_load {
	struct outcomes	*co;
	struct update_columns uc;
};

static int
outcomes_member(void *ctx, struct rec_reader *r, const char *name)
{
	struct outcomes_load *ol = ctx;

	return update_columns(r, name, &ol->uc);
}

static void
outcomes_row(void *ctx, struct record *rec)
{
	struct outcomes_load *ol = ctx;

	load_update(ol->co, &ol->uc, rec);
}

/* Load every member of one --outcomes file.  Returns -1 on an error. */
static int
load_outcomes_file(struct outcomes *co, const char *path)
{
	struct outcomes_load ol = { .co = co };
	struct member_reader mr = { .each = outcomes_member,
	    .record = outcomes_row, .ctx = &ol };

	return read_members(&mr, path);
}

/*
 * Load all --outcomes files before the crime stream.  The rows read are
 * not stream records: only the rejected ones stay in 'read', so that
 * read = written + rejected still holds for the run.
 */
static int
load_outcomes(struct outcomes *co, char **paths, size_t n)
{
	struct rejects_counts before = rejects_counts;
	int status = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (load_outcomes_file(co, paths[i]) < 0)
			status = -1;
	rejects_counts.read = before.read +
	    (rejects_counts.rejected - before.rejected);
	co->joined = xcalloc(keymap_size(co->ids) + 1, 1);
	return status;
}

/*
 * Normalise an outcome code (DEFINITIONS.md 2.4): surrounding blanks and
 * a leading "OC" in any case go, letters are upper-cased ("oc16", " 16 ",
 * "1a" -> "16", "16", "1A").  Returns the length, or -1 when too long to
 * be a code.
 */
static long
normalise_code(const struct field *f, char *buf, size_t size)
{
	const char *p = f->ptr, *e = f->ptr + f->len;
	size_t i, n;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e - p >= 2 && (p[0] == 'O' || p[0] == 'o') &&
	    (p[1] == 'C' || p[1] == 'c'))
		p += 2;
	n = (size_t)(e - p);
	if (n >= size)
		return -1;
	for (i = 0; i < n; i++)
		buf[i] = (p[i] >= 'a' && p[i] <= 'z') ? p[i] - 32 : p[i];
	buf[n] = '\0';
	return (long)n;
}

/* Decimal digits of v into buf; returns the length. */
static size_t
format_long(long v, char *buf)
{
	char tmp[24];
	size_t n = 0, len = 0;
	unsigned long u = v < 0 ? (unsigned long)-v : (unsigned long)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		buf[len++] = '-';
	while (n > 0)
		buf[len++] = tmp[--n];
	return len;
}

/*
 * The group of a police.uk outcome text, by the table's basis=text rows:
 * crimepipe's own approximation (DEFINITIONS.md 2.4).  A text not in the
 * table is 'unknown', counted, and named in one warning per distinct text.
 */
static void
text_group(struct outcomes *co, const struct record *rec, long row,
    uint32_t text, struct field *v)
{
	struct text_info *ti;
	const char *p;
	char q[256];
	size_t len;

	if (row >= 0) {
		v[ADD_GROUP] = co->rows[row].group;
		v[ADD_SUBGROUP] = co->rows[row].subgroup;
		return;
	}
	co->unknown_texts++;
	set_field(&v[ADD_GROUP], "unknown");
	ti = &co->tinfo[text];
	if (!ti->warned) {
		ti->warned = 1;
		p = keymap_key(co->texts, text, &len);
		warn_record(rec, co->source_col, "outcome_text",
		    "'%s' is not in the outcome-group table %s; its group is "
		    "'unknown'", diag_quote(q, sizeof(q), p, len),
		    table_path(co->groups));
	}
}

/* The group of the record's own outcome_text. */
static void
own_text_group(struct outcomes *co, const struct record *rec,
    const struct field *text, struct field *v)
{
	long row = find_row(co, text->ptr, text->len, BASIS_TEXT);

	text_group(co, rec, row, row >= 0 ? 0 :
	    intern_text(co, text->ptr, text->len), v);
}

/*
 * outcome_month and days_to_outcome from outcome_date (and
 * recorded_date).  Returns -1 after rejecting the record.
 */
static int
outcome_dates(const struct outcomes *co, const struct record *rec,
    struct field *v, char *days)
{
	const struct field *od = &rec->value[co->col[IN_DATE]];
	const struct field *rd = &rec->value[co->col[IN_RECORDED_DATE]];
	long oday, rday;
	int m;

	if (od->len == 0)
		return 0;
	if (date_parse(od->ptr, od->len, &oday, &m) < 0) {
		reject_record(rec, co->source_col, "outcome_date",
		    "'%.*s' is not a valid date (YYYY-MM-DD)",
		    (int)od->len, od->ptr);
		return -1;
	}
	v[ADD_MONTH].ptr = od->ptr;	/* YYYY-MM of a valid date */
	v[ADD_MONTH].len = 7;
	if (rd->len == 0)
		return 0;
	if (date_parse(rd->ptr, rd->len, &rday, &m) < 0) {
		reject_record(rec, co->source_col, "recorded_date",
		    "'%.*s' is not a valid date (YYYY-MM-DD)",
		    (int)rd->len, rd->ptr);
		return -1;
	}
	if (oday < rday) {
		reject_record(rec, co->source_col, "outcome_date",
		    "'%.*s' is before the recorded date '%.*s'",
		    (int)od->len, od->ptr, (int)rd->len, rd->ptr);
		return -1;
	}
	v[ADD_DAYS].ptr = days;
	v[ADD_DAYS].len = format_long(oday - rday, days);
	return 0;
}

/* The crime's outcome update, or NULL; marks its Crime ID joined. */
static const struct update *
find_update(struct outcomes *co, const struct record *rec)
{
	const struct field *id = &rec->value[co->col[IN_RECORD_ID]];
	long i;

	if (keymap_size(co->ids) == 0)
		return NULL;
	if ((i = keymap_get(co->ids, id->ptr, id->len, 0, NULL)) < 0)
		return NULL;
	if (!co->joined[i]) {
		co->joined[i] = 1;
		co->outcomes_joined++;
	}
	return &co->upd[i];
}

/*
 * Write rec with the added values and up to two fields rewritten in place
 * (outcome_code normalised, outcome_text from an update).
 */
static void
write_record(struct outcomes *co, const struct record *rec,
    const struct field *v, const struct replacement *rep, size_t nrep)
{
	rejects_counts.written++;
	rec_write_added(&co->out, rec, &co->ac, v, rep, nrep);
}

static void
outcome_record(void *ctx, struct record *rec)
{
	struct outcomes *co = ctx;
	const struct field *code = &rec->value[co->col[IN_CODE]];
	const struct field *text = &rec->value[co->col[IN_TEXT]];
	const struct update *u;
	struct replacement rep[2];
	struct field v[NADDED];
	const char *p;
	char codebuf[16], days[24], month[8];
	long row = -1, n;
	size_t i, len, nrep = 0;

	for (i = 0; i < NADDED; i++)
		v[i] = empty_field;
	/* Anti-social behaviour is not a crime and has no outcome (2.2). */
	if (field_is(&rec->value[co->col[IN_CRIME_GROUP]],
	    "Anti-social behaviour"))
		goto write;

	n = normalise_code(code, codebuf, sizeof(codebuf));
	if (n != 0 && (n < 0 ||
	    (row = find_code(co, codebuf, (size_t)n)) < 0)) {
		reject_record(rec, co->source_col, "outcome_code",
		    "'%.*s' is not a Home Office outcome code "
		    "(DEFINITIONS.md 2.4)", (int)code->len, code->ptr);
		return;
	}
	/* Written back only when normalising changed it. */
	if ((size_t)n != code->len ||
	    memcmp(codebuf, code->ptr, (size_t)n) != 0) {
		rep[nrep].col = co->col[IN_CODE];
		rep[nrep].value.ptr = codebuf;
		rep[nrep++].value.len = (size_t)n;
	}
	if (outcome_dates(co, rec, v, days) < 0)
		return;
	u = find_update(co, rec);

	if (row >= 0) {
		/* The force's own code is authoritative over any update. */
		v[ADD_GROUP] = co->rows[row].group;
		v[ADD_SUBGROUP] = co->rows[row].subgroup;
	} else if (u != NULL) {
		/* police.uk updates carry a month, never a date (1.2). */
		month_format(u->month, month);
		v[ADD_MONTH].ptr = month;
		v[ADD_MONTH].len = 7;
		v[ADD_DAYS] = empty_field;
		p = keymap_key(co->texts, u->text, &len);
		if (len != text->len || memcmp(p, text->ptr, len) != 0) {
			rep[nrep].col = co->col[IN_TEXT];
			rep[nrep].value.ptr = p;
			rep[nrep++].value.len = len;
		}
		text_group(co, rec, co->tinfo[u->text].row, u->text, v);
	} else if (text->len > 0)
		own_text_group(co, rec, text, v);
	else if (v[ADD_MONTH].len > 0) {
		/* An outcome was assigned, but which one is not known. */
		set_field(&v[ADD_GROUP], "unknown");
		warn_record(rec, co->source_col, "outcome_code",
		    "empty, with an outcome_date: group 'unknown'");
	} else
		set_field(&v[ADD_GROUP], "pending");
write:
	write_record(co, rec, v, rep, nrep);
}

/*
 * Check a crime-stream member's header.  The first usable one sets the
 * columns and writes the output header; each later one must equal it.
 * Returns -1 (after a message) when the member cannot be read.
 */
static int
stream_header(void *ctx, struct rec_reader *r, const char *name)
{
	struct outcomes *co = ctx;
	const struct record *h = rec_reader_header(r);
	long col[NIN];
	size_t i;

	for (i = 0; i < NIN; i++)
		if ((col[i] = rec_reader_column(r, in_names[i])) < 0) {
			diag_at(name, 1, NULL, "no column '%s'", in_names[i]);
			return -1;
		}
	memcpy(co->col, col, sizeof(col));
	co->source_col = rec_reader_column(r, "source");
	added_columns_init(&co->ac, h, added_names, NADDED);
	added_columns_write_header(&co->out, &co->ac, h);
	co->have_header = 1;
	return 0;
}

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [-r file] [--stats] [--groups file] [--outcomes file]...\n"
	    "       [file ...]\n"
	    "Add outcome_group, outcome_subgroup, outcome_month and\n"
	    "days_to_outcome to a record stream, normalising outcome_code, and\n"
	    "join data.police.uk outcome updates on Crime ID.  With no file,\n"
	    "or '-', read stdin.\n"
	    "  -r, --rejects file    append unusable records to file\n"
	    "      --stats           print the record and outcome counts\n"
	    "      --groups file     outcome-group table (reference/outcome-groups.csv)\n"
	    "      --outcomes file   police.uk outcomes file or outcome-update\n"
	    "                        stream (repeatable; the latest update wins)\n"
	    "  -h, --help            show this help\n"
	    "      --max-record n    reject longer records (bytes; K, M, G;\n"
	    "                        default 64M)\n"
	    "      --version         show the version\n", diag_prog());
	opts_exit(fp, status);
}

int
main(int argc, char *argv[])
{
	struct outcomes co;
	struct member_reader members = { .start = stream_header,
	    .record = outcome_record, .ctx = &co, .header = &co.header };
	const char *default_input[] = { "-" };
	const char *const *paths;
	const char *rejects_path = NULL;
	char *groups_path = NULL, **outcome_paths = NULL, extra[256];
	size_t npaths, noutcomes = 0, outcomes_cap = 0, i, loaded;
	int stats = 0, c, status = EXIT_OK, stdin_uses = 0;

	diag_init(argv[0]);
	outcomes_init(&co);
	while ((c = getopt_long(argc, argv, "hr:", long_options, NULL)) != -1) {
		switch (c) {
		case 'r':
			rejects_path = optarg;
			break;
		case OPT_STATS:
			stats = 1;
			break;
		case OPT_GROUPS:
			free(groups_path);
			groups_path = xstrdup(optarg);
			break;
		case OPT_OUTCOMES:
			outcome_paths = xgrow(outcome_paths, &outcomes_cap,
			    noutcomes + 1, sizeof(char *));
			outcome_paths[noutcomes++] = optarg;
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
	npaths = (size_t)(argc - optind);
	paths = (const char *const *)argv + optind;
	if (npaths == 0) {
		paths = default_input;
		npaths = 1;
	}
	for (i = 0; i < npaths; i++)
		if (strcmp(paths[i], "-") == 0)
			stdin_uses++;
	for (i = 0; i < noutcomes; i++)
		if (strcmp(outcome_paths[i], "-") == 0)
			stdin_uses++;
	if (stdin_uses > 1)
		opts_misuse("'-' (standard input) is named twice");
	if (groups_path == NULL)
		groups_path = reference_path("outcome-groups.csv");
	load_groups(&co, groups_path);
	free(groups_path);
	if (rejects_path != NULL)
		rejects_open(rejects_path);

	if (load_outcomes(&co, outcome_paths, noutcomes) < 0)
		status = EXIT_DATA;
	free(outcome_paths);

	out_init_stream(&co.out, STDOUT_FILENO, "<stdout>");
	for (i = 0; i < npaths; i++)
		if (read_members(&members, paths[i]) < 0)
			status = EXIT_DATA;
	out_close(&co.out);

	loaded = keymap_size(co.ids);
	snprintf(extra, sizeof(extra), "unknown_texts %llu, outcomes_loaded "
	    "%zu, outcomes_joined %llu, outcomes_unmatched %llu",
	    co.unknown_texts, loaded, co.outcomes_joined,
	    (unsigned long long)loaded - co.outcomes_joined);
	if (rejects_finish(stats, extra) != EXIT_OK)
		status = EXIT_DATA;
	outcomes_release(&co);
	return status;
}
