#include "dates.h"

static int
digits(const char *s, size_t n, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dm[m - 1];
}

int
month_parse(const char *s, size_t len, int *month)
{
	int y, m;

	if (len != 7 || s[4] != '-' || digits(s, 4, &y) < 0 ||
	    digits(s + 5, 2, &m) < 0 || y < 1900 || y > 2999 || m < 1 ||
	    m > 12)
		return -1;
	*month = y * 12 + m - 1;
	return 0;
}

/* Howard Hinnant's days_from_civil, exact for every Gregorian date. */
long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
date_parse(const char *s, size_t len, long *day, int *month)
{
	int d;

	if (len != 10 || s[7] != '-' || month_parse(s, 7, month) < 0 ||
	    digits(s + 8, 2, &d) < 0 || d < 1 ||
	    d > days_in_month(*month / 12, *month % 12 + 1))
		return -1;
	*day = days_from_civil(*month / 12, *month % 12 + 1, d);
	return 0;
}

static void
put_digits(char *out, long v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
month_format(int month, char out[8])
{
	put_digits(out, month / 12, 4);
	out[4] = '-';
	put_digits(out + 5, month % 12 + 1, 2);
	out[7] = '\0';
}

void
date_format(long day, char out[11])
{
	long z = day + 719468, era, doe, yoe, y, doy, mp, d, m;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}
