/*
 * A small harness for the table-driven C unit tests (STYLE.md: one case
 * a line, inputs then the expected outputs, as libcsv's own test file).
 * CHECK() counts a check and, when it fails, prints file:line, the case
 * and what differed; main() ends with return unit_done("name"), which
 * prints "name: N checks, N failed" and returns 1 on any failure.
 */
#ifndef CRIMEPIPE_UNIT_H
#define CRIMEPIPE_UNIT_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_checks, unit_failed;

#define CHECK(cond, ...) do {						\
	unit_checks++;							\
	if (!(cond)) {							\
		unit_failed++;						\
		fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);		\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
	}								\
} while (0)

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static inline int
unit_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, unit_checks, unit_failed);
	return unit_failed != 0;
}

/* |got - want| within tol * max(1, |want|). */
static inline int
unit_near(double got, double want, double tol)
{
	double scale = fabs(want) > 1 ? fabs(want) : 1;

	if (isnan(want))
		return isnan(got);
	return fabs(got - want) <= tol * scale;
}

#define UNIT_MAX_MONTHS	256

/*
 * A series written as counts separated by spaces, "." for an uncovered
 * month: "10 12 . 13".  ".15" is an uncovered month whose array slot
 * holds 15 all the same, so that a case can show the code never reads
 * it (a count that would make a rule hold if it did).  Returns the
 * number of months.
 */
static inline size_t
unit_series(const char *text, long long x[UNIT_MAX_MONTHS],
    unsigned char covered[UNIT_MAX_MONTHS])
{
	const char *p = text;
	char *end;
	size_t n = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (n == UNIT_MAX_MONTHS) {
			fprintf(stderr, "unit_series: more than %d months\n",
			    UNIT_MAX_MONTHS);
			exit(2);
		}
		if (*p == '.') {
			p++;
			x[n] = -999999;
			if (*p >= '0' && *p <= '9')
				x[n] = strtoll(p, &end, 10), p = end;
			covered[n++] = 0;
			continue;
		}
		x[n] = strtoll(p, &end, 10);
		if (end == p) {
			fprintf(stderr, "unit_series: bad text '%s'\n", p);
			exit(2);
		}
		covered[n++] = 1;
		p = end;
	}
	return n;
}

#endif
