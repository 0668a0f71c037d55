#ifndef CRIMEPIPE_SVG_H
#define CRIMEPIPE_SVG_H

#include <stddef.h>

#include "outbuf.h"

/*
 * Inline SVG charts for the HTML report: no script, no font or image
 * files, nothing fetched.  Values are scaled numbers (numfmt.h).  Every
 * coordinate is printed to one decimal in the C locale, so a chart is the
 * same bytes on every run.
 */

/* A line chart of one series with its centre line and control limits. */
struct svg_line {
	const char		*title;		/* accessible name, also drawn */
	size_t			 n;		/* points, oldest first */
	const char *const	*labels;	/* n axis labels */
	const long long		*value;		/* n values */
	const unsigned char	*present;	/* n flags: 0 leaves a gap */
	long long		 average, upper, lower;
	int			 has_average, has_upper, has_lower;
};

void	svg_line_chart(struct outbuf *o, const struct svg_line *c);

/* A bar chart: one bar per label, its value printed above it. */
struct svg_bars {
	const char		*title;
	size_t			 n;
	const char *const	*labels;
	const long long		*value;
};

void	svg_bar_chart(struct outbuf *o, const struct svg_bars *c);

#endif
