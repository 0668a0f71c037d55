/*
 * common/measures.c, one case a line: the marker parser every filter
 * reads markers through (DEFINITIONS.md 1.3: ';'-separated tokens; blanks
 * around them — spaces and tabs — ignored; any case), the victim test
 * (2.5), the cohorts (3.1) and the vocabulary's lookups.  Issue 10: with
 * markers "HATE;\tDA" flag-repeat saw DA and aggregate-district did not;
 * both now read this one parser.
 */
#include "unit.h"

#include "../../../common/measures.h"

#define B(m) (1u << (m))

static const struct {
	const char	*markers;
	unsigned	 want;
} markers[] = {
	{ "", 0 },
	{ "DA", B(MK_DA) },
	{ "da", B(MK_DA) },
	{ " DA ", B(MK_DA) },
	{ "HATE;\tDA", B(MK_HATE) | B(MK_DA) },
	{ "HATE;DA\t", B(MK_HATE) | B(MK_DA) },
	{ "DA;CAR", B(MK_DA) | B(MK_CAR) },
	{ "CSE;BUSINESS;CYBER", B(MK_CSE) | B(MK_BUSINESS) | B(MK_CYBER) },
	{ ";;DA;", B(MK_DA) },
	{ "D A", 0 },			/* a blank inside a token is not DA */
	{ "DAX", 0 },
	{ "XDA", 0 },
	{ "DA,HATE", 0 },		/* ',' is no separator */
	{ "RURAL", 0 },			/* a marker, but not one counted here */
	{ "hAtE", B(MK_HATE) },
};

static const struct {
	const char	*id, *type;
	int		 want;
} victims[] = {
	{ "V1", "person", 1 },
	{ "V1", "", 1 },		/* no type: a person (2.5) */
	{ "V1", "organisation", 0 },
	{ "V1", "Organisation", 0 },
	{ "", "person", 0 },		/* no identified victim */
	{ "V1", "organisations", 1 },	/* not the word: counted */
};

static const struct {
	unsigned long	 offences;
	const char	*cohort;
} cohorts[] = {
	{ 2, "2" }, { 3, "3-5" }, { 5, "3-5" }, { 6, "6-9" }, { 9, "6-9" },
	{ 10, "10-19" }, { 19, "10-19" }, { 20, "20+" }, { 1000, "20+" },
};

int
main(void)
{
	struct field id, type;
	size_t i;
	unsigned got;
	int m;

	for (i = 0; i < NELEM(markers); i++) {
		got = markers_parse(markers[i].markers,
		    strlen(markers[i].markers));
		CHECK(got == markers[i].want, "markers_parse(\"%s\"): %#x, "
		    "expected %#x", markers[i].markers, got, markers[i].want);
	}
	for (i = 0; i < NELEM(victims); i++) {
		id.ptr = victims[i].id;
		id.len = strlen(victims[i].id);
		type.ptr = victims[i].type;
		type.len = strlen(victims[i].type);
		CHECK(victim_countable(&id, &type) == victims[i].want,
		    "victim_countable(%s, %s)", victims[i].id, victims[i].type);
	}
	for (i = 0; i < NELEM(cohorts); i++)
		CHECK(strcmp(cohort_names[cohort_of(cohorts[i].offences)],
		    cohorts[i].cohort) == 0, "cohort_of(%lu)",
		    cohorts[i].offences);
	/* Every measure is found by its name, and names are distinct. */
	for (m = 0; m < NMEASURES; m++)
		CHECK(measure_find(measure_defs[m].name) == m, "measure %d '%s'",
		    m, measure_defs[m].name);
	CHECK(measure_find("no_such_measure") == -1, "an unknown measure");
	CHECK(list_index(crime_groups, "Rape", 4) == 3, "Rape's index");
	CHECK(!in_list(crime_groups, "Rap", 3), "a prefix is not a group");
	CHECK(in_list(fine_groups, "Homicide", 8), "Homicide is fine");
	CHECK(!in_list(fine_groups, "Shoplifting", 11), "Shoplifting is not");
	return unit_done("measures");
}
