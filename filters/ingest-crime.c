/*
 * ingest-crime: read raw crime extracts (data.police.uk street and
 * outcomes files, a force's own extract; plain, compressed or archived)
 * and write the normalised record stream (DEFINITIONS.md 1, 2.1, 2.2).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/dates.h"
#include "../common/diag.h"
#include "../common/input.h"
#include "../common/keymap.h"
#include "../common/opts.h"
#include "../common/outbuf.h"
#include "../common/rejects.h"
#include "../common/stream.h"
#include "../common/table.h"
#include "../common/extract.h"
#include "../common/xalloc.h"

/* What ingest-crime remembers of each crime (DEFINITIONS.md 1.3, 2.1). */
struct crime_info {
	uint64_t	district_hash;
	uint64_t	victim_hash;	/* the first row's victim_id */
	int32_t		recorded_day;	/* days since 1970-01-01 */
	uint32_t	line;		/* the first row's line */
	uint32_t	source;		/* index into ingest.sources */
	int16_t		offence;	/* row of the offence table */
};

/* One input member's columns, found from its header. */
struct member {
	enum extract_kind kind;
	long		 col[(int)NFORCE > (int)NPOLICE ? (int)NFORCE : (int)NPOLICE];
	long		*extra_col;	/* per output extra: source column or -1 */
};

struct ingest {
	struct outbuf	 out;
	const char	*force_option;
	struct column_map map;
	struct table	*offences, *categories;
	char		**extras;	/* extra output columns, first seen first */
	size_t		 nextras, extras_cap;
	int		 kinds[EXTRACT_STREAM + 1];
	int		 force_without_force_column;

	struct keymap	*crimes;	/* force index + crime id */
	struct crime_info *info;
	size_t		 info_cap;
	struct keymap	*victims;	/* crime index + victim id, 2nd rows on */
	struct keymap	*forces;	/* force names, for the crime keys */
	struct keymap	*sources;	/* member names, for messages */
	char		*key;		/* the current record's crime key */
	size_t		 key_cap, key_len;
	uint64_t	 key_hash;
	char		*last_force;	/* the force of the previous key */
	size_t		 last_force_len;
	uint16_t	 last_force_index;

	unsigned long long assumed_dwelling, repeated_ids;
};

enum { OPT_FORCE = OPT_FILTER_FIRST, OPT_MAP, OPT_OFFENCES, OPT_CATEGORIES };

static const struct option long_options[] = {
	{ "rejects", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "force", required_argument, NULL, OPT_FORCE },
	{ "map", required_argument, NULL, OPT_MAP },
	{ "offences", required_argument, NULL, OPT_OFFENCES },
	{ "categories", required_argument, NULL, OPT_CATEGORIES },
	{ "help", no_argument, NULL, 'h' },
	{ "max-record", required_argument, NULL, OPT_MAX_RECORD },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
ingest_init(struct ingest *ing)
{
	memset(ing, 0, sizeof(*ing));
	ing->crimes = keymap_new();
	ing->victims = keymap_new();
	ing->forces = keymap_new();
	ing->sources = keymap_new();
}

static void
ingest_release(struct ingest *ing)
{
	size_t i;

	for (i = 0; i < ing->nextras; i++)
		free(ing->extras[i]);
	free(ing->extras);
	column_map_release(&ing->map);
	table_free(ing->offences);
	table_free(ing->categories);
	keymap_free(ing->crimes);
	keymap_free(ing->victims);
	keymap_free(ing->forces);
	keymap_free(ing->sources);
	free(ing->info);
	free(ing->key);
	free(ing->last_force);
}

static void
ingest_load_map(struct ingest *ing, const char *path)
{
	column_map_load(&ing->map, path);
}

enum { OFF_CODE, OFF_GROUP, OFF_GROUP_NOT_DWELLING, OFF_CATEGORY };
enum { CAT_TYPE, CAT_GROUP };

static void
ingest_load_tables(struct ingest *ing, const char *offences,
    const char *categories)
{
	static const char *const off_cols[] = { "offence_code", "crime_group",
	    "crime_group_if_not_dwelling", "police_uk_category" };
	static const char *const cat_cols[] = { "crime_type", "crime_group" };

	ing->offences = table_load(offences, off_cols, 4, OFF_CODE);
	if (table_rows(ing->offences) > INT16_MAX)
		diag_die(EXIT_DATA, "%s: more than %d offence codes", offences,
		    INT16_MAX);
	ing->categories = table_load(categories, cat_cols, 2, CAT_TYPE);
}

/* The header names of r, renamed through the column map. */
static const char **
mapped_names(const struct ingest *ing, const struct rec_reader *r, size_t *n)
{
	const struct record *h = rec_reader_header(r);
	const char **names = xmalloc(h->nfields * sizeof(char *));
	size_t i;

	for (i = 0; i < h->nfields; i++)
		names[i] = column_map_name(&ing->map, h->value[i].ptr);
	*n = h->nfields;
	return names;
}

static long
find_name(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (long)i;
	return -1;
}

/* 1 when column name of this kind becomes a canonical column. */
static int
is_consumed(enum extract_kind kind, const char *name)
{
	static const char *const street[] = { "Crime ID", "Month",
	    "Longitude", "Latitude", "LSOA code", "LSOA name", "Crime type",
	    "Last outcome category", NULL };
	static const char *const outcomes[] = { "Crime ID", "Month",
	    "Longitude", "Latitude", "LSOA code", "LSOA name", "Outcome type",
	    NULL };
	static const char *const force[] = { "crime_ref", "recorded_date",
	    "offence_code", "district", "lsoa_code", "latitude", "longitude",
	    "victim_id", "victim_type", "markers", "outcome_code",
	    "outcome_date", "mo_text", "force", NULL };
	const char *const *list = kind == EXTRACT_STREET ? street :
	    kind == EXTRACT_OUTCOMES ? outcomes : force;

	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

/*
 * The output name of an extra source column: its own, unless it clashes
 * with a canonical column, which keeps the canonical meaning.
 */
static char *
extra_name(const char *name)
{
	size_t i;
	char *p;

	for (i = 0; i < NCANONICAL; i++)
		if (strcmp(name, canonical_columns[i]) == 0) {
			p = xmalloc(strlen(name) + 8);
			sprintf(p, "source_%s", name);
			return p;
		}
	return xstrdup(name);
}

static long
extra_index(const struct ingest *ing, const char *name)
{
	size_t i;

	for (i = 0; i < ing->nextras; i++)
		if (strcmp(ing->extras[i], name) == 0)
			return (long)i;
	return -1;
}

/* Pass 1: note the kind and the extra columns of every member of path. */
static void
ingest_scan_headers(struct ingest *ing, const char *path)
{
	struct input *in = input_open_quiet(path);
	struct rec_reader *r;
	const char **names, *missing;
	enum extract_kind kind;
	size_t n, i;
	char *name;

	if (in == NULL)
		return;	/* pass 2 reports it */
	while (input_next(in) == 1) {
		/* Errors are reported in pass 2, once. */
		r = rec_reader_open_quiet(in);
		if (r == NULL)
			continue;
		names = mapped_names(ing, r, &n);
		kind = extract_kind(names, n, &missing);
		ing->kinds[kind]++;
		if (kind == EXTRACT_FORCE && find_name(names, n, "force") < 0)
			ing->force_without_force_column = 1;
		if (kind == EXTRACT_STREET || kind == EXTRACT_OUTCOMES ||
		    (kind == EXTRACT_FORCE && missing == NULL))
			for (i = 0; i < n; i++) {
				if (is_consumed(kind, names[i]))
					continue;
				name = extra_name(names[i]);
				if (extra_index(ing, name) >= 0) {
					free(name);
					continue;
				}
				ing->extras = xgrow(ing->extras,
				    &ing->extras_cap, ing->nextras + 1,
				    sizeof(char *));
				ing->extras[ing->nextras++] = name;
			}
		free(names);
		rec_reader_close(r);
	}
	input_close(in);
}

static void
ingest_check_kinds(struct ingest *ing)
{
	int crimes = ing->kinds[EXTRACT_STREET] + ing->kinds[EXTRACT_FORCE];

	/*
	 * Outcome updates are not crimes: they travel in a stream of their
	 * own (docs/stream.md), so one run writes one or the other.
	 */
	if (crimes > 0 && ing->kinds[EXTRACT_OUTCOMES] > 0)
		opts_misuse("police.uk outcomes files cannot be ingested with "
		    "crime files; ingest them on their own or give them to "
		    "compute-outcomes --outcomes");
	if (ing->force_without_force_column && ing->force_option == NULL)
		opts_misuse("a force extract without a 'force' column needs "
		    "--force NAME");
}

static void
ingest_write_header(struct ingest *ing)
{
	size_t i;

	for (i = 0; i < NCANONICAL; i++) {
		if (i > 0)
			out_putc(&ing->out, ',');
		out_str(&ing->out, canonical_columns[i]);
	}
	for (i = 0; i < ing->nextras; i++)
		rec_append_str(&ing->out, ing->extras[i]);
	out_putc(&ing->out, '\n');
}

/* Fields of the record being built; each points at bytes that live on. */
struct out_record {
	struct field	 f[NCANONICAL];
	unsigned char	 plain[NCANONICAL];	/* known to need no quotes */
	char		 count[2];
	char		 where[4096];	/* "<source>:<line>" */
	char		 month[8];
};

static void
set(struct out_record *o, int col, const char *p, size_t len)
{
	o->f[col].ptr = p;
	o->f[col].len = len;
}

/* A value copied from a record whose fields need no quotes. */
static void
set_plain(struct out_record *o, int col, const struct field *f, int plain)
{
	o->f[col] = *f;
	o->plain[col] = (unsigned char)plain;
}

/* "<source>:<line>" without printf, which shows in profiles. */
static void
set_where(struct out_record *o, const struct record *rec)
{
	size_t n = strlen(rec->source);
	char digits[24];
	int k = 0;
	unsigned long line = rec->line;

	if (n > sizeof(o->where) - 24)
		n = sizeof(o->where) - 24;
	memcpy(o->where, rec->source, n);
	o->where[n++] = ':';
	do
		digits[k++] = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	while (k > 0)
		o->where[n++] = digits[--k];
	o->where[n] = '\0';
	o->f[COL_SOURCE].ptr = o->where;
	o->f[COL_SOURCE].len = n;
	/* The ":line" part never needs quotes; the name rarely does. */
	o->plain[COL_SOURCE] = !field_needs_quotes(rec->source,
	    strlen(rec->source));
}

static void
set_str(struct out_record *o, int col, const char *s)
{
	set(o, col, s, strlen(s));
}

static void
write_record(struct ingest *ing, const struct out_record *o,
    const struct member *m, const struct record *rec)
{
	size_t i;
	long c;

	int plain = rec_fields_plain(rec);

	for (i = 0; i < NCANONICAL; i++) {
		if (i > 0)
			out_putc(&ing->out, ',');
		if (o->plain[i])
			out_write(&ing->out, o->f[i].ptr, o->f[i].len);
		else
			out_field(&ing->out, o->f[i].ptr, o->f[i].len);
	}
	for (i = 0; i < ing->nextras; i++) {
		c = m->extra_col[i];
		out_putc(&ing->out, ',');
		if (c >= 0 && plain)
			out_write(&ing->out, rec->value[c].ptr,
			    rec->value[c].len);
		else if (c >= 0)
			out_field(&ing->out, rec->value[c].ptr,
			    rec->value[c].len);
	}
	out_putc(&ing->out, '\n');
	rejects_counts.written++;
}

static const struct field *
col(const struct member *m, const struct record *rec, int which)
{
	static const struct field empty = { "", 0 };

	return m->col[which] >= 0 ? &rec->value[m->col[which]] : &empty;
}

/*
 * Build the crime's key (the force's index, then its id) in ing->key and
 * start loading its hash slot while the record is checked.
 */
static void
prepare_crime_key(struct ingest *ing, const char *force, size_t flen,
    const char *id, size_t idlen)
{
	uint16_t f16;

	/* Most records name the force the previous one did. */
	if (ing->last_force == NULL || flen != ing->last_force_len ||
	    memcmp(force, ing->last_force, flen) != 0) {
		ing->last_force_index = (uint16_t)keymap_get(ing->forces,
		    force, flen, 1, NULL);
		free(ing->last_force);
		ing->last_force = xstrndup(force, flen);
		ing->last_force_len = flen;
	}
	f16 = ing->last_force_index;
	ing->key = xgrow(ing->key, &ing->key_cap, idlen + 2, 1);
	memcpy(ing->key, &f16, 2);
	memcpy(ing->key + 2, id, idlen);
	ing->key_len = idlen + 2;
	ing->key_hash = hash_bytes(ing->key, ing->key_len);
	keymap_prefetch(ing->crimes, ing->key_hash);
}

static struct crime_info *
crime_info(struct ingest *ing, long idx)
{
	ing->info = xgrow(ing->info, &ing->info_cap, (size_t)idx + 1,
	    sizeof(*ing->info));
	return &ing->info[idx];
}

static const char *
source_name(const struct ingest *ing, uint32_t i)
{
	static char name[4096];
	size_t len;
	const char *p = keymap_key(ing->sources, i, &len);

	snprintf(name, sizeof(name), "%.*s", (int)len, p);
	return name;
}

static void
street_record(struct ingest *ing, const struct member *m,
    const struct record *rec, uint32_t src)
{
	struct out_record o;
	const struct field *id = col(m, rec, PU_CRIME_ID);
	const struct field *month = col(m, rec, PU_MONTH);
	const struct field *type = col(m, rec, PU_CRIME_TYPE);
	const struct field *falls = col(m, rec, PU_FALLS_WITHIN);
	const struct field *lsoa_name = col(m, rec, PU_LSOA_NAME);
	const char *group;
	struct crime_info *ci;
	size_t flen;
	long row, idx;
	int mi, added, asb;

	int plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	if (month_parse(month->ptr, month->len, &mi) < 0) {
		reject(rec->source, rec->line, "Month", rec->raw, rec->raw_len,
		    "'%.*s' is not a valid month (YYYY-MM)", (int)month->len,
		    month->ptr);
		return;
	}
	row = table_find(ing->categories, type->ptr, type->len);
	if (row < 0) {
		reject(rec->source, rec->line, "Crime type", rec->raw,
		    rec->raw_len, "unknown police.uk crime type '%.*s'",
		    (int)type->len, type->ptr);
		return;
	}
	group = table_get(ing->categories, (size_t)row, CAT_GROUP);
	asb = strcmp(group, "Anti-social behaviour") == 0;
	set_where(&o, rec);
	flen = police_force_name(falls->ptr, falls->len);
	/* ASB is not a crime (DEFINITIONS.md 2.2): it never counts as one. */
	strcpy(o.count, asb ? "0" : "1");
	if (id->len > 0 && !asb) {
		prepare_crime_key(ing, falls->ptr, flen, id->ptr, id->len);
		idx = keymap_get_hashed(ing->crimes, ing->key_hash, ing->key,
		    ing->key_len, 1, &added);
		ci = crime_info(ing, idx);
		if (added) {
			ci->line = (uint32_t)rec->line;
			ci->source = src;
		} else {
			/* DEFINITIONS.md 1.1: later copies are kept, not counted. */
			strcpy(o.count, "0");
			ing->repeated_ids++;
			record_warn(rec->source, rec->line, "Crime ID",
			    "repeats the crime first seen at %s:%lu; kept "
			    "with crime_count 0", source_name(ing, ci->source),
			    (unsigned long)ci->line);
		}
	}
	if (id->len > 0)
		set_plain(&o, COL_RECORD_ID, id, plain);
	else
		set_str(&o, COL_RECORD_ID, o.where);
	set_str(&o, COL_CRIME_COUNT, o.count);
	set_plain(&o, COL_MONTH, month, plain);
	set(&o, COL_FORCE, falls->ptr, flen);
	set_plain(&o, COL_CRIME_TYPE, type, plain);
	set_str(&o, COL_CRIME_GROUP, group);
	set_plain(&o, COL_LSOA_CODE, col(m, rec, PU_LSOA_CODE), plain);
	set_plain(&o, COL_LSOA_NAME, lsoa_name, plain);
	set(&o, COL_DISTRICT, lsoa_name->ptr,
	    lsoa_name_district(lsoa_name->ptr, lsoa_name->len));
	set_plain(&o, COL_LATITUDE, col(m, rec, PU_LATITUDE), plain);
	set_plain(&o, COL_LONGITUDE, col(m, rec, PU_LONGITUDE), plain);
	set_plain(&o, COL_OUTCOME_TEXT, col(m, rec, PU_LAST_OUTCOME), plain);
	write_record(ing, &o, m, rec);
}

static void
outcome_record(struct ingest *ing, const struct member *m,
    const struct record *rec)
{
	struct out_record o;
	const struct field *id = col(m, rec, PU_CRIME_ID);
	const struct field *month = col(m, rec, PU_MONTH);
	const struct field *falls = col(m, rec, PU_FALLS_WITHIN);
	const struct field *lsoa_name = col(m, rec, PU_LSOA_NAME);
	int mi;

	int plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	if (id->len == 0) {
		reject(rec->source, rec->line, "Crime ID", rec->raw,
		    rec->raw_len, "an outcome update needs a Crime ID");
		return;
	}
	if (month_parse(month->ptr, month->len, &mi) < 0) {
		reject(rec->source, rec->line, "Month", rec->raw, rec->raw_len,
		    "'%.*s' is not a valid month (YYYY-MM)", (int)month->len,
		    month->ptr);
		return;
	}
	set_where(&o, rec);
	set_plain(&o, COL_RECORD_ID, id, plain);
	set_str(&o, COL_CRIME_COUNT, "0");
	set_plain(&o, COL_MONTH, month, plain);
	set(&o, COL_FORCE, falls->ptr, police_force_name(falls->ptr,
	    falls->len));
	set_plain(&o, COL_LSOA_CODE, col(m, rec, PU_LSOA_CODE), plain);
	set_plain(&o, COL_LSOA_NAME, lsoa_name, plain);
	set(&o, COL_DISTRICT, lsoa_name->ptr,
	    lsoa_name_district(lsoa_name->ptr, lsoa_name->len));
	set_plain(&o, COL_LATITUDE, col(m, rec, PU_LATITUDE), plain);
	set_plain(&o, COL_LONGITUDE, col(m, rec, PU_LONGITUDE), plain);
	set_plain(&o, COL_OUTCOME_TEXT, col(m, rec, PU_OUTCOME_TYPE), plain);
	write_record(ing, &o, m, rec);
}

/*
 * A later row of a crime already seen (DEFINITIONS.md 1.3): it only adds
 * a victim.  Returns 0 when it is rejected.
 */
static int
check_extra_victim(struct ingest *ing, const struct record *rec,
    long idx, long day, long offence, uint64_t district_hash,
    const struct field *victim)
{
	const struct crime_info *ci = &ing->info[idx];
	const char *field = NULL;
	char key[4 + 4096];
	size_t klen;
	uint32_t i32 = (uint32_t)idx;
	int added;

	if (day != ci->recorded_day)
		field = "recorded_date";
	else if (offence != ci->offence)
		field = "offence_code";
	else if (district_hash != ci->district_hash)
		field = "district";
	if (field != NULL) {
		reject(rec->source, rec->line, field, rec->raw, rec->raw_len,
		    "inconsistent with the crime's first row at %s:%lu",
		    source_name(ing, ci->source), (unsigned long)ci->line);
		return 0;
	}
	klen = victim->len < 4096 ? victim->len : 4096;
	memcpy(key, &i32, 4);
	memcpy(key + 4, victim->ptr, klen);
	if (hash_bytes(victim->ptr, victim->len) == ci->victim_hash ||
	    (keymap_get(ing->victims, key, klen + 4, 1, &added), !added)) {
		reject(rec->source, rec->line, "victim_id", rec->raw,
		    rec->raw_len, "victim '%.*s' is already on the crime "
		    "first recorded at %s:%lu", (int)victim->len, victim->ptr,
		    source_name(ing, ci->source), (unsigned long)ci->line);
		return 0;
	}
	return 1;
}

static void
upcase(char *dst, const char *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = (src[i] >= 'a' && src[i] <= 'z') ? src[i] - 32 :
		    src[i];
}

static void
force_record(struct ingest *ing, const struct member *m,
    const struct record *rec, uint32_t src)
{
	struct out_record o;
	const struct field *ref = col(m, rec, FX_CRIME_REF);
	const struct field *date = col(m, rec, FX_RECORDED_DATE);
	const struct field *code = col(m, rec, FX_OFFENCE_CODE);
	const struct field *district = col(m, rec, FX_DISTRICT);
	const struct field *dwelling = col(m, rec, FX_DWELLING);
	const struct field *victim = col(m, rec, FX_VICTIM_ID);
	const struct field *vtype = col(m, rec, FX_VICTIM_TYPE);
	const struct field *odate = col(m, rec, FX_OUTCOME_DATE);
	const struct field *force = col(m, rec, FX_FORCE);
	struct field force_option;
	const char *group, *alt;
	char code_buf[32];
	struct crime_info *ci;
	long day, oday, row, idx;
	int mi, omi, added;
	uint64_t dhash;

	int plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	if (ref->len == 0) {
		reject(rec->source, rec->line, "crime_ref", rec->raw,
		    rec->raw_len, "empty crime reference");
		return;
	}
	if (force->len > 0)
		prepare_crime_key(ing, force->ptr, force->len, ref->ptr,
		    ref->len);
	else if (ing->force_option != NULL)
		prepare_crime_key(ing, ing->force_option,
		    strlen(ing->force_option), ref->ptr, ref->len);
	if (date_parse(date->ptr, date->len, &day, &mi) < 0) {
		reject(rec->source, rec->line, "recorded_date", rec->raw,
		    rec->raw_len, "'%.*s' is not a valid date (YYYY-MM-DD)",
		    (int)date->len, date->ptr);
		return;
	}
	if (odate->len > 0 && date_parse(odate->ptr, odate->len, &oday,
	    &omi) < 0) {
		reject(rec->source, rec->line, "outcome_date", rec->raw,
		    rec->raw_len, "'%.*s' is not a valid date (YYYY-MM-DD)",
		    (int)odate->len, odate->ptr);
		return;
	}
	if (code->len >= sizeof(code_buf) || code->len == 0 ||
	    (upcase(code_buf, code->ptr, code->len),
	    row = table_find(ing->offences, code_buf, code->len)) < 0) {
		reject(rec->source, rec->line, "offence_code", rec->raw,
		    rec->raw_len, "unknown Home Office offence code '%.*s'",
		    (int)code->len, code->ptr);
		return;
	}
	if (!(vtype->len == 0 || field_is(vtype, "person") ||
	    field_is(vtype, "organisation"))) {
		reject(rec->source, rec->line, "victim_type", rec->raw,
		    rec->raw_len, "'%.*s' is not person, organisation or empty",
		    (int)vtype->len, vtype->ptr);
		return;
	}
	group = table_get(ing->offences, (size_t)row, OFF_GROUP);
	alt = table_get(ing->offences, (size_t)row, OFF_GROUP_NOT_DWELLING);
	if (!(dwelling->len == 0 || field_is(dwelling, "Y") ||
	    field_is(dwelling, "N"))) {
		reject(rec->source, rec->line, "dwelling", rec->raw,
		    rec->raw_len, "'%.*s' is not Y, N or empty",
		    (int)dwelling->len, dwelling->ptr);
		return;
	}
	if (force->len == 0) {
		if (ing->force_option == NULL) {
			reject(rec->source, rec->line, "force", rec->raw,
			    rec->raw_len, "empty force and no --force");
			return;
		}
		force_option.ptr = ing->force_option;
		force_option.len = strlen(ing->force_option);
		force = &force_option;
	}

	/* Rows sharing a crime_ref are one crime (DEFINITIONS.md 1.3). */
	dhash = hash_bytes(district->ptr, district->len);
	idx = keymap_get_hashed(ing->crimes, ing->key_hash, ing->key,
	    ing->key_len, 1, &added);
	ci = crime_info(ing, idx);
	if (added) {
		ci->recorded_day = (int32_t)day;
		ci->offence = (int16_t)row;
		ci->district_hash = dhash;
		ci->victim_hash = hash_bytes(victim->ptr, victim->len);
		ci->line = (uint32_t)rec->line;
		ci->source = src;
	} else if (!check_extra_victim(ing, rec, idx, day, row, dhash,
	    victim))
		return;

	/*
	 * Residential burglary with dwelling = N is business & community;
	 * with dwelling empty it is taken as a dwelling, and counted
	 * (DEFINITIONS.md 2.2).
	 */
	if (*alt != '\0') {
		if (field_is(dwelling, "N"))
			group = alt;
		else if (dwelling->len == 0 && added)
			ing->assumed_dwelling++;
	}
	month_format(mi, o.month);
	set_where(&o, rec);
	set_plain(&o, COL_RECORD_ID, ref, plain);
	set_str(&o, COL_CRIME_COUNT, added ? "1" : "0");
	set_str(&o, COL_MONTH, o.month);
	set_plain(&o, COL_RECORDED_DATE, date, plain);
	set_plain(&o, COL_FORCE, force, plain && force != &force_option);
	set_str(&o, COL_CRIME_TYPE, table_get(ing->offences, (size_t)row,
	    OFF_CATEGORY));
	set_str(&o, COL_OFFENCE_CODE, table_get(ing->offences, (size_t)row,
	    OFF_CODE));
	set_str(&o, COL_CRIME_GROUP, group);
	set_plain(&o, COL_LSOA_CODE, col(m, rec, FX_LSOA_CODE), plain);
	set_plain(&o, COL_DISTRICT, district, plain);
	set_plain(&o, COL_LATITUDE, col(m, rec, FX_LATITUDE), plain);
	set_plain(&o, COL_LONGITUDE, col(m, rec, FX_LONGITUDE), plain);
	set_plain(&o, COL_VICTIM_ID, victim, plain);
	set_plain(&o, COL_VICTIM_TYPE, vtype, plain);
	set_plain(&o, COL_MARKERS, col(m, rec, FX_MARKERS), plain);
	set_plain(&o, COL_OUTCOME_CODE, col(m, rec, FX_OUTCOME_CODE), plain);
	set_plain(&o, COL_OUTCOME_DATE, odate, plain);
	set_plain(&o, COL_MO_TEXT, col(m, rec, FX_MO_TEXT), plain);
	write_record(ing, &o, m, rec);
}

/* Find this member's columns; 0 when it can be read. */
static int
member_columns(struct ingest *ing, struct rec_reader *r, struct member *m,
    const char *name)
{
	const char **names, *missing;
	size_t n, i;
	char *xname;

	names = mapped_names(ing, r, &n);
	m->kind = extract_kind(names, n, &missing);
	m->extra_col = xmalloc((ing->nextras + 1) * sizeof(long));
	for (i = 0; i < ing->nextras; i++)
		m->extra_col[i] = -1;
	switch (m->kind) {
	case EXTRACT_UNKNOWN:
		diag_at(name, 1, NULL, "not a recognised extract: expected a "
		    "data.police.uk street or outcomes header, or a force "
		    "extract with a 'crime_ref' column");
		free(names);
		return -1;
	case EXTRACT_STREAM:
		diag_at(name, 1, NULL, "already a normalised stream; "
		    "ingest-crime reads raw extracts");
		free(names);
		return -1;
	case EXTRACT_FORCE:
		if (missing != NULL) {
			diag_at(name, 1, NULL, "force extract without the "
			    "column(s) %s (DEFINITIONS.md 1.3)", missing);
			free(names);
			return -1;
		}
		for (i = 0; i < NFORCE; i++)
			m->col[i] = find_name(names, n, force_columns[i]);
		break;
	case EXTRACT_STREET:
	case EXTRACT_OUTCOMES:
		for (i = 0; i < NPOLICE; i++)
			m->col[i] = find_name(names, n, police_columns[i]);
		break;
	}
	for (i = 0; i < n; i++) {
		if (is_consumed(m->kind, names[i]))
			continue;
		xname = extra_name(names[i]);
		m->extra_col[extra_index(ing, xname)] = (long)i;
		free(xname);
	}
	free(names);
	return 0;
}

/* Pass 2: ingest every member of path.  Returns -1 on a data error. */
static int
ingest_file(struct ingest *ing, const char *path)
{
	struct input *in;
	struct rec_reader *r;
	struct record *rec;
	struct member m;
	const char *name;
	uint32_t src;
	int status = 0, more;

	if ((in = input_open(path)) == NULL)
		return -1;
	while ((more = input_next(in)) == 1) {
		name = input_name(in);
		if ((r = rec_reader_open(in)) == NULL) {
			status = -1;
			continue;
		}
		memset(&m, 0, sizeof(m));
		if (member_columns(ing, r, &m, name) < 0) {
			status = -1;
			free(m.extra_col);
			rec_reader_close(r);
			continue;
		}
		src = (uint32_t)keymap_get(ing->sources, name, strlen(name), 1,
		    NULL);
		while ((rec = rec_reader_next(r)) != NULL) {
			if (m.kind == EXTRACT_STREET)
				street_record(ing, &m, rec, src);
			else if (m.kind == EXTRACT_OUTCOMES)
				outcome_record(ing, &m, rec);
			else
				force_record(ing, &m, rec, src);
		}
		if (rec_reader_failed(r))
			status = -1;
		free(m.extra_col);
		rec_reader_close(r);
	}
	if (more < 0 || input_failed(in))
		status = -1;
	input_close(in);
	return status;
}

static void
ingest_report(const struct ingest *ing)
{
	if (ing->assumed_dwelling > 0)
		diag_warn("%llu residential burglar%s had an empty 'dwelling' "
		    "and %s counted as residential (dwelling)",
		    ing->assumed_dwelling, ing->assumed_dwelling == 1 ? "y" :
		    "ies", ing->assumed_dwelling == 1 ? "was" : "were");
}

static _Noreturn void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [-r file] [--stats] [--force name] [--map file]\n"
	    "       [--offences file] [--categories file] [file ...]\n"
	    "Read data.police.uk street or outcomes files, or a force extract\n"
	    "(plain, gzip, bzip2, xz, zip or tar), and write the normalised\n"
	    "record stream on stdout.  With no file, or '-', read stdin.\n"
	    "  -r, --rejects file    append unusable records to file\n"
	    "      --stats           print 'read N, written N, rejected N'\n"
	    "      --force name      force of an extract with no force column\n"
	    "      --map file        column map: canonical_name=source header\n"
	    "      --offences file   offence-code table (reference/offence-groups.csv)\n"
	    "      --categories file police.uk category table\n"
	    "  -h, --help            show this help\n"
	    "      --max-record n    reject longer records (bytes; K, M, G;\n"
	    "                        default 64M)\n"
	    "      --version         show the version\n", diag_prog());
	exit(status);
}

/*
 * Standard input is read twice (once for its headers, once for its
 * records), so a pipe is first copied to an unlinked temporary file that
 * replaces descriptor 0.  A regular file on stdin is just rewound.
 */
static off_t
make_stdin_rereadable(void)
{
	char path[] = "/tmp/ingest-crime.XXXXXX";
	const char *tmpdir = getenv("TMPDIR");
	char *tmpl, buf[1 << 16];
	off_t start;
	ssize_t n;
	int fd;

	start = lseek(STDIN_FILENO, 0, SEEK_CUR);
	if (start >= 0)
		return start;
	if (tmpdir != NULL && *tmpdir != '\0') {
		tmpl = xmalloc(strlen(tmpdir) + 24);
		sprintf(tmpl, "%s/ingest-crime.XXXXXX", tmpdir);
	} else
		tmpl = xstrdup(path);
	if ((fd = mkstemp(tmpl)) < 0)
		diag_die(EXIT_DATA, "%s: %s", tmpl, strerror(errno));
	unlink(tmpl);
	free(tmpl);
	while ((n = read(STDIN_FILENO, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			diag_die(EXIT_DATA, "<stdin>: %s", strerror(errno));
		}
		if (write(fd, buf, (size_t)n) != n)
			diag_die(EXIT_DATA, "temporary copy of <stdin>: %s",
			    strerror(errno));
	}
	if (dup2(fd, STDIN_FILENO) < 0)
		diag_die(EXIT_DATA, "<stdin>: %s", strerror(errno));
	close(fd);
	return 0;
}

static void
rewind_stdin(off_t start)
{
	if (lseek(STDIN_FILENO, start, SEEK_SET) < 0)
		diag_die(EXIT_DATA, "<stdin>: %s", strerror(errno));
}

int
main(int argc, char *argv[])
{
	struct ingest ing;
	const char *const *paths;
	const char *rejects_path = NULL, *map_path = NULL;
	char *offences_path = NULL, *categories_path = NULL;
	int stats = 0, c, status = EXIT_OK, have_stdin = 0;
	off_t stdin_start = 0;
	size_t npaths, i;
	char extra[128];

	diag_init(argv[0]);
	ingest_init(&ing);
	while ((c = getopt_long(argc, argv, "hr:", long_options, NULL)) != -1) {
		switch (c) {
		case 'r':
			rejects_path = optarg;
			break;
		case OPT_STATS:
			stats = 1;
			break;
		case OPT_FORCE:
			if (*optarg == '\0')
				opts_misuse("option '--force' needs a name");
			ing.force_option = optarg;
			break;
		case OPT_MAP:
			map_path = optarg;
			break;
		case OPT_OFFENCES:
			offences_path = xstrdup(optarg);
			break;
		case OPT_CATEGORIES:
			categories_path = xstrdup(optarg);
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
	paths = opts_inputs(argc, argv, &npaths, &have_stdin);
	if (map_path != NULL)
		ingest_load_map(&ing, map_path);
	if (offences_path == NULL)
		offences_path = reference_path("offence-groups.csv");
	if (categories_path == NULL)
		categories_path = reference_path("police-uk-categories.csv");
	ingest_load_tables(&ing, offences_path, categories_path);
	free(offences_path);
	free(categories_path);
	if (rejects_path != NULL)
		rejects_open(rejects_path);
	if (have_stdin)
		stdin_start = make_stdin_rereadable();

	/* Pass 1: every member's header decides the output columns. */
	for (i = 0; i < npaths; i++) {
		if (strcmp(paths[i], "-") == 0)
			rewind_stdin(stdin_start);
		ingest_scan_headers(&ing, paths[i]);
	}
	ingest_check_kinds(&ing);	/* exits 2 on a mix it cannot write */

	/* Pass 2: the records. */
	out_init(&ing.out, STDOUT_FILENO, "<stdout>");
	ingest_write_header(&ing);
	for (i = 0; i < npaths; i++) {
		if (strcmp(paths[i], "-") == 0)
			rewind_stdin(stdin_start);
		if (ingest_file(&ing, paths[i]) != 0)
			status = EXIT_DATA;
	}
	out_close(&ing.out);
	ingest_report(&ing);
	snprintf(extra, sizeof(extra), "crimes %zu, crime_set_bytes %zu",
	    keymap_size(ing.crimes), keymap_bytes(ing.crimes) +
	    keymap_bytes(ing.victims) + ing.info_cap * sizeof(*ing.info));
	if (rejects_finish(stats, extra) != EXIT_OK)
		status = EXIT_DATA;
	ingest_release(&ing);
	return status;
}
