/*
 * One raw record -> one normalised record (DEFINITIONS.md 1.1-1.3, 2.1,
 * 2.2), or a reject naming the field.  Every value points at bytes that
 * live until the record is written: the raw record's, the reference
 * tables', or the small buffers of struct out_record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/dates.h"
#include "../../common/diag.h"
#include "../../common/rejects.h"
#include "../../common/xalloc.h"
#include "ingest.h"

/* The record being built. */
struct out_record {
	struct field	 f[NCANONICAL];
	unsigned char	 plain[NCANONICAL];	/* known to need no quotes */
	char		 month[8];
};

static const struct field empty = { "", 0 };

static void
set(struct out_record *o, int col, const char *p, size_t len)
{
	o->f[col].ptr = p;
	o->f[col].len = len;
}

static void
set_str(struct out_record *o, int col, const char *s)
{
	set(o, col, s, strlen(s));
}

/* A value copied from a record whose fields need no quotes. */
static void
set_plain(struct out_record *o, int col, const struct field *f, int plain)
{
	o->f[col] = *f;
	o->plain[col] = (unsigned char)plain;
}

/* "<source>:<line>" (DEFINITIONS.md 2.1) without printf, which shows in
 * profiles; the buffer grows with the name, which is never cut. */
static void
set_where(struct ingest *ing, struct out_record *o, const struct record *rec)
{
	size_t n = strlen(rec->source);
	unsigned long line = rec->line;
	char digits[24];
	int k = 0;

	ing->where = xgrow(ing->where, &ing->where_cap, n + 24, 1);
	memcpy(ing->where, rec->source, n);
	ing->where[n++] = ':';
	do
		digits[k++] = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	while (k > 0)
		ing->where[n++] = digits[--k];
	ing->where[n] = '\0';
	set(o, COL_SOURCE, ing->where, n);
	/* The ":line" part never needs quotes; the name rarely does. */
	o->plain[COL_SOURCE] = !field_needs_quotes(ing->where, n);
}

static void
write_record(struct ingest *ing, const struct out_record *o,
    const struct member *m, const struct record *rec)
{
	int plain = rec_fields_plain(rec);
	size_t i;
	long c;

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
	out_end_record(&ing->out);
	rejects_counts.written++;
}

static const struct field *
col(const struct member *m, const struct record *rec, int which)
{
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

/* The crime of the prepared key: *added when this record is its first. */
static struct crime_info *
find_crime(struct ingest *ing, int *added)
{
	long idx = keymap_get_hashed(ing->crimes, ing->key_hash, ing->key,
	    ing->key_len, 1, added);

	ing->info = xgrow(ing->info, &ing->info_cap, (size_t)idx + 1,
	    sizeof(*ing->info));
	return &ing->info[idx];
}

/* "<member>:<line>" of a crime's first row, for messages. */
#define FIRST_ROW_FMT "%.*s:%lu"
#define FIRST_ROW(ing, ci) (int)member_name_len(ing, (ci)->source), \
	member_name(ing, (ci)->source), (unsigned long)(ci)->line

static size_t
member_name_len(const struct ingest *ing, uint32_t i)
{
	size_t len;

	(void)keymap_key(ing->member_names, i, &len);
	return len;
}

static const char *
member_name(const struct ingest *ing, uint32_t i)
{
	size_t len;

	return keymap_key(ing->member_names, i, &len);
}

static int
reject_month(const struct record *rec, const struct field *month)
{
	reject(rec->source, rec->line, "Month", rec->raw, rec->raw_len,
	    "'%.*s' is not a valid month (YYYY-MM)", (int)month->len,
	    month->ptr);
	return -1;
}

/*
 * The columns street and outcomes records share (docs/stream.md).  The
 * district is the ONS district of the LSOA code in the LSOA lookup
 * (DEFINITIONS.md 1.1), never the words of the LSOA name; empty when the
 * lookup lacks the code.
 */
static void
set_police_place(const struct ingest *ing, struct out_record *o,
    const struct member *m, const struct record *rec, int plain)
{
	const struct field *code = col(m, rec, PU_LSOA_CODE);
	long row = code->len > 0 ? table_find(ing->lsoas, code->ptr,
	    code->len) : -1;

	set_plain(o, COL_LSOA_CODE, code, plain);
	set_plain(o, COL_LSOA_NAME, col(m, rec, PU_LSOA_NAME), plain);
	if (row >= 0)
		set_str(o, COL_DISTRICT, table_get(ing->lsoas, (size_t)row,
		    LSOA_DISTRICT));
	set_plain(o, COL_LATITUDE, col(m, rec, PU_LATITUDE), plain);
	set_plain(o, COL_LONGITUDE, col(m, rec, PU_LONGITUDE), plain);
}

/*
 * A police.uk Crime ID seen before (DEFINITIONS.md 1.1): the first row
 * counts the crime, later copies are kept with crime_count 0 and a
 * warning.  Returns the crime_count.
 */
static const char *
street_count(struct ingest *ing, const struct member *m,
    const struct record *rec, const struct field *falls, size_t flen,
    const struct field *id)
{
	struct crime_info *ci;
	int added;

	prepare_crime_key(ing, falls->ptr, flen, id->ptr, id->len);
	ci = find_crime(ing, &added);
	if (added) {
		ci->line = (uint32_t)rec->line;
		ci->source = m->id;
		return "1";
	}
	ing->repeated_ids++;
	record_warn(rec->source, rec->line, "Crime ID", "repeats the crime "
	    "first seen at " FIRST_ROW_FMT "; kept with crime_count 0",
	    FIRST_ROW(ing, ci));
	return "0";
}

void
street_record(struct ingest *ing, const struct member *m,
    const struct record *rec)
{
	struct out_record o;
	const struct field *id = col(m, rec, PU_CRIME_ID);
	const struct field *month = col(m, rec, PU_MONTH);
	const struct field *type = col(m, rec, PU_CRIME_TYPE);
	const struct field *falls = col(m, rec, PU_FALLS_WITHIN);
	const char *group, *count;
	size_t flen;
	long row;
	int mi, asb, plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	if (month_parse(month->ptr, month->len, &mi) < 0) {
		reject_month(rec, month);
		return;
	}
	if ((row = table_find(ing->categories, type->ptr, type->len)) < 0) {
		reject(rec->source, rec->line, "Crime type", rec->raw,
		    rec->raw_len, "unknown police.uk crime type '%.*s'",
		    (int)type->len, type->ptr);
		return;
	}
	group = table_get(ing->categories, (size_t)row, CAT_GROUP);
	/* ASB is not a crime (DEFINITIONS.md 2.2): it never counts as one. */
	asb = strcmp(group, "Anti-social behaviour") == 0;
	flen = police_force_name(falls->ptr, falls->len);
	count = asb ? "0" : id->len == 0 ? "1" :
	    street_count(ing, m, rec, falls, flen, id);
	set_where(ing, &o, rec);
	if (id->len > 0)
		set_plain(&o, COL_RECORD_ID, id, plain);
	else
		set(&o, COL_RECORD_ID, o.f[COL_SOURCE].ptr, o.f[COL_SOURCE].len);
	set_str(&o, COL_CRIME_COUNT, count);
	set_plain(&o, COL_MONTH, month, plain);
	set(&o, COL_FORCE, falls->ptr, flen);
	set_plain(&o, COL_CRIME_TYPE, type, plain);
	set_str(&o, COL_CRIME_GROUP, group);
	set_police_place(ing, &o, m, rec, plain);
	set_plain(&o, COL_OUTCOME_TEXT, col(m, rec, PU_LAST_OUTCOME), plain);
	write_record(ing, &o, m, rec);
}

void
outcome_record(struct ingest *ing, const struct member *m,
    const struct record *rec)
{
	struct out_record o;
	const struct field *id = col(m, rec, PU_CRIME_ID);
	const struct field *month = col(m, rec, PU_MONTH);
	const struct field *falls = col(m, rec, PU_FALLS_WITHIN);
	int mi, plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	if (id->len == 0) {
		reject(rec->source, rec->line, "Crime ID", rec->raw,
		    rec->raw_len, "an outcome update needs a Crime ID");
		return;
	}
	if (month_parse(month->ptr, month->len, &mi) < 0) {
		reject_month(rec, month);
		return;
	}
	set_where(ing, &o, rec);
	set_plain(&o, COL_RECORD_ID, id, plain);
	set_str(&o, COL_CRIME_COUNT, "0");
	set_plain(&o, COL_MONTH, month, plain);
	set(&o, COL_FORCE, falls->ptr, police_force_name(falls->ptr,
	    falls->len));
	set_police_place(ing, &o, m, rec, plain);
	set_plain(&o, COL_OUTCOME_TEXT, col(m, rec, PU_OUTCOME_TYPE), plain);
	write_record(ing, &o, m, rec);
}

/* A force-extract row's fields, checked (DEFINITIONS.md 1.3). */
struct force_row {
	const struct field *ref, *date, *code, *district, *dwelling, *victim,
			   *vtype, *odate, *force;
	struct field	 force_option;
	long		 day, offence;
	int		 month;
	const char	*group, *alt;
};

static int
reject_field(const struct record *rec, const char *field, const char *what,
    const struct field *f)
{
	reject(rec->source, rec->line, field, rec->raw, rec->raw_len,
	    "'%.*s' %s", (int)f->len, f->ptr, what);
	return -1;
}

static void
upcase(char *dst, const char *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = (src[i] >= 'a' && src[i] <= 'z') ? src[i] - 32 :
		    src[i];
}

/* The offence-table row of the code, or -1. */
static long
offence_row(const struct ingest *ing, const struct field *code)
{
	char buf[32];

	if (code->len == 0 || code->len >= sizeof(buf))
		return -1;
	upcase(buf, code->ptr, code->len);
	return table_find(ing->offences, buf, code->len);
}

/* Check every field a force row needs; -1 after rejecting it. */
static int
force_checks(struct ingest *ing, const struct record *rec,
    struct force_row *fr)
{
	long oday;
	int omonth;

	if (fr->ref->len == 0) {
		reject(rec->source, rec->line, "crime_ref", rec->raw,
		    rec->raw_len, "empty crime reference");
		return -1;
	}
	if (date_parse(fr->date->ptr, fr->date->len, &fr->day, &fr->month) < 0)
		return reject_field(rec, "recorded_date",
		    "is not a valid date (YYYY-MM-DD)", fr->date);
	if (fr->odate->len > 0 && date_parse(fr->odate->ptr, fr->odate->len,
	    &oday, &omonth) < 0)
		return reject_field(rec, "outcome_date",
		    "is not a valid date (YYYY-MM-DD)", fr->odate);
	if ((fr->offence = offence_row(ing, fr->code)) < 0) {
		reject(rec->source, rec->line, "offence_code", rec->raw,
		    rec->raw_len, "unknown Home Office offence code '%.*s'",
		    (int)fr->code->len, fr->code->ptr);
		return -1;
	}
	if (!(fr->vtype->len == 0 || field_is(fr->vtype, "person") ||
	    field_is(fr->vtype, "organisation")))
		return reject_field(rec, "victim_type",
		    "is not person, organisation or empty", fr->vtype);
	if (!(fr->dwelling->len == 0 || field_is(fr->dwelling, "Y") ||
	    field_is(fr->dwelling, "N")))
		return reject_field(rec, "dwelling", "is not Y, N or empty",
		    fr->dwelling);
	if (fr->force->len == 0) {
		if (ing->force_option == NULL) {
			reject(rec->source, rec->line, "force", rec->raw,
			    rec->raw_len, "empty force and no --force");
			return -1;
		}
		fr->force_option.ptr = ing->force_option;
		fr->force_option.len = strlen(ing->force_option);
		fr->force = &fr->force_option;
	}
	return 0;
}

/*
 * A later row of a crime already seen (DEFINITIONS.md 1.3) only adds a
 * victim: it must agree with the first row, and bring a new victim.
 * Returns 0 when it is rejected.
 */
static int
check_extra_victim(struct ingest *ing, const struct record *rec,
    const struct crime_info *ci, const struct force_row *fr,
    uint64_t district_hash)
{
	const char *field = NULL;
	uint32_t i32 = (uint32_t)(ci - ing->info);
	char *key;
	int added;

	if (fr->day != ci->recorded_day)
		field = "recorded_date";
	else if (fr->offence != ci->offence)
		field = "offence_code";
	else if (district_hash != ci->district_hash)
		field = "district";
	if (field != NULL) {
		reject(rec->source, rec->line, field, rec->raw, rec->raw_len,
		    "inconsistent with the crime's first row at "
		    FIRST_ROW_FMT, FIRST_ROW(ing, ci));
		return 0;
	}
	key = xmalloc(fr->victim->len + 4);
	memcpy(key, &i32, 4);
	memcpy(key + 4, fr->victim->ptr, fr->victim->len);
	if (hash_bytes(fr->victim->ptr, fr->victim->len) == ci->victim_hash ||
	    (keymap_get(ing->victims, key, fr->victim->len + 4, 1, &added),
	    !added)) {
		free(key);
		reject(rec->source, rec->line, "victim_id", rec->raw,
		    rec->raw_len, "victim '%.*s' is already on the crime "
		    "first recorded at " FIRST_ROW_FMT, (int)fr->victim->len,
		    fr->victim->ptr, FIRST_ROW(ing, ci));
		return 0;
	}
	free(key);
	return 1;
}

/*
 * Rows sharing a crime_ref are one crime (DEFINITIONS.md 1.3): the first
 * counts it.  Returns 1 for a first row, 0 for a later one, -1 when the
 * later one was rejected.
 */
static int
force_crime(struct ingest *ing, const struct member *m,
    const struct record *rec, const struct force_row *fr)
{
	uint64_t dhash = hash_bytes(fr->district->ptr, fr->district->len);
	struct crime_info *ci;
	int added;

	ci = find_crime(ing, &added);	/* the key is prepared already */
	if (!added)
		return check_extra_victim(ing, rec, ci, fr, dhash) ? 0 : -1;
	ci->recorded_day = (int32_t)fr->day;
	ci->offence = (int16_t)fr->offence;
	ci->district_hash = dhash;
	ci->victim_hash = hash_bytes(fr->victim->ptr, fr->victim->len);
	ci->line = (uint32_t)rec->line;
	ci->source = m->id;
	return 1;
}

/*
 * Residential burglary with dwelling = N is business & community; with
 * dwelling empty it is taken as a dwelling, and counted (DEFINITIONS.md
 * 2.2).
 */
static const char *
force_group(struct ingest *ing, const struct force_row *fr, int first)
{
	const char *group = table_get(ing->offences, (size_t)fr->offence,
	    OFF_GROUP);
	const char *alt = table_get(ing->offences, (size_t)fr->offence,
	    OFF_GROUP_NOT_DWELLING);

	if (*alt == '\0')
		return group;
	if (field_is(fr->dwelling, "N"))
		return alt;
	if (fr->dwelling->len == 0 && first)
		ing->assumed_dwelling++;
	return group;
}

void
force_record(struct ingest *ing, const struct member *m,
    const struct record *rec)
{
	struct out_record o;
	struct force_row fr;
	int first, plain = rec_fields_plain(rec);

	memset(&o, 0, sizeof(o));
	memset(&fr, 0, sizeof(fr));
	fr.ref = col(m, rec, FX_CRIME_REF);
	fr.date = col(m, rec, FX_RECORDED_DATE);
	fr.code = col(m, rec, FX_OFFENCE_CODE);
	fr.district = col(m, rec, FX_DISTRICT);
	fr.dwelling = col(m, rec, FX_DWELLING);
	fr.victim = col(m, rec, FX_VICTIM_ID);
	fr.vtype = col(m, rec, FX_VICTIM_TYPE);
	fr.odate = col(m, rec, FX_OUTCOME_DATE);
	fr.force = col(m, rec, FX_FORCE);
	/* The key's hash slot loads while the fields are checked. */
	if (fr.force->len > 0)
		prepare_crime_key(ing, fr.force->ptr, fr.force->len,
		    fr.ref->ptr, fr.ref->len);
	else if (ing->force_option != NULL)
		prepare_crime_key(ing, ing->force_option,
		    strlen(ing->force_option), fr.ref->ptr, fr.ref->len);
	if (force_checks(ing, rec, &fr) < 0 ||
	    (first = force_crime(ing, m, rec, &fr)) < 0)
		return;
	month_format(fr.month, o.month);
	set_where(ing, &o, rec);
	set_plain(&o, COL_RECORD_ID, fr.ref, plain);
	set_str(&o, COL_CRIME_COUNT, first ? "1" : "0");
	set_str(&o, COL_MONTH, o.month);
	set_plain(&o, COL_RECORDED_DATE, fr.date, plain);
	set_plain(&o, COL_FORCE, fr.force, plain && fr.force != &fr.force_option);
	set_str(&o, COL_CRIME_TYPE, table_get(ing->offences,
	    (size_t)fr.offence, OFF_CATEGORY));
	set_str(&o, COL_OFFENCE_CODE, table_get(ing->offences,
	    (size_t)fr.offence, OFF_CODE));
	set_str(&o, COL_CRIME_GROUP, force_group(ing, &fr, first));
	set_plain(&o, COL_LSOA_CODE, col(m, rec, FX_LSOA_CODE), plain);
	set_plain(&o, COL_DISTRICT, fr.district, plain);
	set_plain(&o, COL_LATITUDE, col(m, rec, FX_LATITUDE), plain);
	set_plain(&o, COL_LONGITUDE, col(m, rec, FX_LONGITUDE), plain);
	set_plain(&o, COL_VICTIM_ID, fr.victim, plain);
	set_plain(&o, COL_VICTIM_TYPE, fr.vtype, plain);
	set_plain(&o, COL_MARKERS, col(m, rec, FX_MARKERS), plain);
	set_plain(&o, COL_OUTCOME_CODE, col(m, rec, FX_OUTCOME_CODE), plain);
	set_plain(&o, COL_OUTCOME_DATE, fr.odate, plain);
	set_plain(&o, COL_MO_TEXT, col(m, rec, FX_MO_TEXT), plain);
	write_record(ing, &o, m, rec);
}
