#ifndef CRIMEPIPE_DATES_H
#define CRIMEPIPE_DATES_H

#include <stddef.h>

/*
 * Calendar months and days, with no time zones and no clock: a month is
 * year * 12 + (month - 1), a day is days since 1970-01-01 (proleptic
 * Gregorian).  Parsers accept exactly "YYYY-MM" and "YYYY-MM-DD" with a
 * real month and day (DEFINITIONS.md 2.1: 2019-02-30 and 2019-13 are
 * rejects, not guesses) and years 1900 to 2999.
 */

/* 0 and *month set when s is a valid YYYY-MM, else -1. */
int	month_parse(const char *s, size_t len, int *month);
/* 0 and *day, *month set when s is a valid YYYY-MM-DD, else -1. */
int	date_parse(const char *s, size_t len, long *day, int *month);
/* "YYYY-MM" into out (8 bytes). */
void	month_format(int month, char out[8]);
/* "YYYY-MM-DD" into out (11 bytes). */
void	date_format(long day, char out[11]);
long	days_from_civil(int y, int m, int d);

#endif
