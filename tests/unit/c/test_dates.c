/*
 * common/dates.c, one case a line: text -> parse result and month / day
 * numbers (worked out with Python's datetime: days since 1970-01-01, and
 * year * 12 + month - 1), then formatted back.
 */
#include "unit.h"

#include "../../../common/dates.h"

static const struct {
	const char	*text;
	int		 rc;
	int		 month;
} months[] = {
	{ "2019-12", 0, 24239 },
	{ "1970-01", 0, 23640 },
	{ "1900-01", 0, 22800 },	/* the first year accepted */
	{ "2999-12", 0, 35999 },	/* the last */
	{ "1899-12", -1, 0 },
	{ "3000-01", -1, 0 },
	{ "2019-13", -1, 0 },		/* DEFINITIONS.md 2.1: a reject */
	{ "2019-00", -1, 0 },
	{ "2019-1", -1, 0 },
	{ "2019/12", -1, 0 },
	{ "2019-12 ", -1, 0 },
	{ "2019-1a", -1, 0 },
	{ "+019-12", -1, 0 },
	{ "", -1, 0 },
};

static const struct {
	const char	*text;
	int		 rc;
	long		 day;
	int		 month;
} dates[] = {
	{ "1970-01-01", 0, 0, 23640 },
	{ "1969-12-31", 0, -1, 23639 },
	{ "2019-12-31", 0, 18261, 24239 },
	{ "2020-02-29", 0, 18321, 24241 },	/* leap year */
	{ "2016-02-29", 0, 16860, 24193 },
	{ "2000-02-29", 0, 11016, 24001 },	/* divisible by 400 */
	{ "1900-01-01", 0, -25567, 22800 },
	{ "2999-12-31", 0, 376199, 35999 },
	{ "1900-02-29", -1, 0, 0 },		/* divisible by 100 */
	{ "2019-02-29", -1, 0, 0 },		/* DEFINITIONS.md 2.1 */
	{ "2019-02-30", -1, 0, 0 },
	{ "2019-04-31", -1, 0, 0 },
	{ "2019-12-32", -1, 0, 0 },
	{ "2019-12-00", -1, 0, 0 },
	{ "2019-12-1", -1, 0, 0 },
	{ "2019-12-01T", -1, 0, 0 },
	{ "2019-13-01", -1, 0, 0 },
	{ "2019-12/01", -1, 0, 0 },
};

/* days_from_civil(y, m, d), Python's datetime again. */
static const struct {
	int	 y, m, d;
	long	 day;
} civil[] = {
	{ 1970, 1, 1, 0 },
	{ 2000, 3, 1, 11017 },
	{ 1900, 3, 1, -25508 },
	{ 2019, 4, 1, 17987 },
};

int
main(void)
{
	char out[11];
	size_t i;
	long day, back;
	int rc, month;

	for (i = 0; i < NELEM(months); i++) {
		month = -1;
		rc = month_parse(months[i].text, strlen(months[i].text),
		    &month);
		CHECK(rc == months[i].rc, "month_parse '%s': %d",
		    months[i].text, rc);
		if (rc != 0 || months[i].rc != 0)
			continue;
		CHECK(month == months[i].month, "month_parse '%s': %d, "
		    "expected %d", months[i].text, month, months[i].month);
		month_format(month, out);
		CHECK(strcmp(out, months[i].text) == 0, "month_format %d: '%s'",
		    month, out);
	}
	/* The length is the caller's: a longer buffer is not read. */
	CHECK(month_parse("2019-12-31", 7, &month) == 0 && month == 24239,
	    "month_parse of a date's first 7 bytes");
	for (i = 0; i < NELEM(dates); i++) {
		day = 0;
		month = -1;
		rc = date_parse(dates[i].text, strlen(dates[i].text), &day,
		    &month);
		CHECK(rc == dates[i].rc, "date_parse '%s': %d", dates[i].text,
		    rc);
		if (rc != 0 || dates[i].rc != 0)
			continue;
		CHECK(day == dates[i].day && month == dates[i].month,
		    "date_parse '%s': day %ld month %d, expected %ld %d",
		    dates[i].text, day, month, dates[i].day, dates[i].month);
		date_format(day, out);
		CHECK(strcmp(out, dates[i].text) == 0, "date_format %ld: '%s'",
		    day, out);
	}
	for (i = 0; i < NELEM(civil); i++)
		CHECK(days_from_civil(civil[i].y, civil[i].m, civil[i].d) ==
		    civil[i].day, "days_from_civil(%d, %d, %d)", civil[i].y,
		    civil[i].m, civil[i].d);
	/* Every day of 1900..2999 formats and parses back to itself. */
	rc = 0;
	for (day = -25567; day <= 376199; day++) {
		date_format(day, out);
		if (date_parse(out, 10, &back, &month) != 0 || back != day)
			rc++;
	}
	CHECK(rc == 0, "%d days did not round-trip", rc);
	return unit_done("dates");
}
