/*
 * One record, decoded once into a typed view: every field a measure
 * reads, checked here, so that a record is either counted whole or
 * rejected with the field named, and no later step parses a field again.
 */
#include <string.h>

#include "../../common/dates.h"
#include "../../common/rejects.h"
#include "agg.h"

const char *const column_names[NCOL] = { "record_id", "source",
	"crime_count", "month", "force", "crime_group", "lsoa_code",
	"district", "victim_id", "victim_type", "markers", "recorded_date",
	"offence_code", "outcome_code", "outcome_text", "rural",
	"rural_theme", "victim_offences_12m", "repeat_victim",
	"da_victim_offences_12m", "da_repeat_victim", "outcome_group",
	"outcome_subgroup", "outcome_month" };

static const struct field empty = { "", 0 };

const struct field *
col(const struct agg *a, const struct record *rec, int which)
{
	return a->col[which] >= 0 ? &rec->value[a->col[which]] : &empty;
}

/* A non-negative whole number, or -1. */
static long
count_value(const struct field *f)
{
	long v = 0;
	size_t i;

	if (f->len == 0 || f->len > 9)
		return -1;
	for (i = 0; i < f->len; i++) {
		if (f->ptr[i] < '0' || f->ptr[i] > '9')
			return -1;
		v = v * 10 + (f->ptr[i] - '0');
	}
	return v;
}

/* Reject the record, naming the field, at its own source (rejects.h). */
static void
reject_field(const struct agg *a, const struct record *rec, int which,
    const char *what)
{
	const struct field *f = col(a, rec, which);

	reject_record(rec, a->col[C_SOURCE], column_names[which], "'%.*s' %s",
	    (int)(f->len > 40 ? 40 : f->len), f->ptr, what);
}

/* The fields every record has; -1 after a reject. */
static int
view_core(struct agg *a, const struct record *rec, struct rec_view *v)
{
	const struct field *f = col(a, rec, C_MONTH);

	if (month_parse(f->ptr, f->len, &v->month) < 0) {
		reject_field(a, rec, C_MONTH, "is not a valid month");
		return -1;
	}
	f = col(a, rec, C_CRIME_COUNT);
	if (!field_is(f, "0") && !field_is(f, "1")) {
		reject_field(a, rec, C_CRIME_COUNT, "is not 0 or 1");
		return -1;
	}
	v->cc = f->ptr[0] - '0';
	f = col(a, rec, C_OUTCOME_MONTH);
	v->omonth = -1;
	if (f->len > 0 && month_parse(f->ptr, f->len, &v->omonth) < 0) {
		reject_field(a, rec, C_OUTCOME_MONTH, "is not a valid month");
		return -1;
	}
	v->v12 = count_value(col(a, rec, C_V12));
	v->da_v12 = count_value(col(a, rec, C_DA_V12));
	if (v->v12 < 0 && col(a, rec, C_V12)->len > 0) {
		reject_field(a, rec, C_V12, "is not a count");
		return -1;
	}
	if (v->da_v12 < 0 && col(a, rec, C_DA_V12)->len > 0) {
		reject_field(a, rec, C_DA_V12, "is not a count");
		return -1;
	}
	return 0;
}

int
view_record(struct agg *a, struct record *rec, struct rec_view *v)
{
	memset(v, 0, sizeof(*v));
	v->rec = rec;
	if (view_core(a, rec, v) < 0)
		return -1;
	v->group = col(a, rec, C_CRIME_GROUP);
	v->asb = field_is(v->group, ASB_GROUP);
	v->markers = markers_parse(col(a, rec, C_MARKERS)->ptr,
	    col(a, rec, C_MARKERS)->len);
	v->policeuk = col(a, rec, C_RECORDED_DATE)->len == 0 &&
	    col(a, rec, C_OFFENCE_CODE)->len == 0;
	v->rural = a->has_rural && field_is(col(a, rec, C_RURAL), "Y");
	v->theme = col(a, rec, C_RURAL_THEME);
	v->victim_id = col(a, rec, C_VICTIM_ID);
	v->victim = victim_countable(v->victim_id, col(a, rec,
	    C_VICTIM_TYPE));
	v->repeat = field_is(col(a, rec, C_REPEAT), "Y");
	v->da_repeat = field_is(col(a, rec, C_DA_REPEAT), "Y");
	v->ogroup = col(a, rec, C_OUTCOME_GROUP);
	v->osubgroup = col(a, rec, C_OUTCOME_SUBGROUP);
	v->ocode = col(a, rec, C_OUTCOME_CODE);
	v->otext = col(a, rec, C_OUTCOME_TEXT);
	v->outcomed = outcome_is_outcomed(v->ogroup);
	if (!v->outcomed)
		v->omonth = -1;
	return 0;
}
