#include "svg.h"

#include <stdio.h>

#include "html.h"
#include "numfmt.h"

/* Drawing area, in SVG user units. */
enum { WIDTH = 640, HEIGHT = 240, LEFT = 60, RIGHT = 620, TOP = 30,
	BOTTOM = 200 };

static void
outf(struct outbuf *o, const char *fmt, double a, double b, double c,
    double d)
{
	char buf[160];

	snprintf(buf, sizeof(buf), fmt, a, b, c, d);
	out_str(o, buf);
}

/*
 * The smallest round top for an axis that is >= v (v > 0): 1, 1.2, 1.5,
 * 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten, each of which halves into
 * a round middle tick.
 */
static long long
nice_ceiling(long long v)
{
	static const int steps[] = { 10, 12, 15, 20, 25, 30, 40, 50, 60, 80 };
	long long p = NUM_SCALE / 1000;
	size_t i;

	for (;;) {
		for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
			if (p * steps[i] / 10 >= v)
				return p * steps[i] / 10;
		p *= 10;
	}
}

static double
ypos(long long v, long long top)
{
	return BOTTOM - (double)v / (double)top * (BOTTOM - TOP);
}

static void
open_svg(struct outbuf *o, const char *title)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "<svg "
	    "class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	    "role=\"img\"><title>", WIDTH, HEIGHT, WIDTH, HEIGHT);
	out_str(o, buf);
	html_escape(o, title);
	out_str(o, "</title>\n<text x=\"10\" y=\"18\" class=\"ct\">");
	html_escape(o, title);
	out_str(o, "</text>\n");
}

/* The value axis: 0, half and the top, with grid lines. */
static void
axis(struct outbuf *o, long long top)
{
	char num[48];
	int i;

	for (i = 0; i <= 2; i++) {
		long long v = top / 2 * i;
		double y = ypos(v, top);

		outf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		    "class=\"grid\"/>", LEFT, y, RIGHT, y);
		outf(o, "<text x=\"%.1f\" y=\"%.1f\" class=\"yl\">", LEFT - 4,
		    y + 4, 0, 0);
		out_str(o, num_format(num, sizeof(num), v, top < 10 * 
		    NUM_SCALE ? 2 : 0, 1));
		out_str(o, "</text>\n");
	}
}

static void
hline(struct outbuf *o, long long v, long long top, const char *cls)
{
	double y = ypos(v, top);

	outf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" ",
	    LEFT, y, RIGHT, y);
	out_str(o, "class=\"");
	out_str(o, cls);
	out_str(o, "\"/>\n");
}

/* The key under the axis: which line is which. */
static void
legend(struct outbuf *o, int average, int limits)
{
	double x = LEFT;

	if (average) {
		outf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" class=\"avg\"/>", x, HEIGHT - 14, x + 24,
		    HEIGHT - 14);
		outf(o, "<text x=\"%.1f\" y=\"%.1f\">monthly average</text>",
		    x + 30, HEIGHT - 10, 0, 0);
		x += 150;
	}
	if (limits) {
		outf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" class=\"lim\"/>", x, HEIGHT - 14, x + 24,
		    HEIGHT - 14);
		outf(o, "<text x=\"%.1f\" y=\"%.1f\">control limits</text>",
		    x + 30, HEIGHT - 10, 0, 0);
	}
	out_putc(o, '\n');
}

void
svg_line_chart(struct outbuf *o, const struct svg_line *c)
{
	long long max = 0;
	double step, x;
	size_t i;
	int open = 0;

	for (i = 0; i < c->n; i++)
		if (c->present[i] && c->value[i] > max)
			max = c->value[i];
	if (c->has_upper && c->upper > max)
		max = c->upper;
	if (c->has_average && c->average > max)
		max = c->average;
	max = nice_ceiling(max + max / 10 + 1);
	step = c->n > 1 ? (double)(RIGHT - LEFT - 20) / (double)(c->n - 1) : 0;

	open_svg(o, c->title);
	axis(o, max);
	if (c->has_upper)
		hline(o, c->upper, max, "lim");
	if (c->has_lower)
		hline(o, c->lower, max, "lim");
	if (c->has_average)
		hline(o, c->average, max, "avg");
	legend(o, c->has_average, c->has_upper || c->has_lower);
	for (i = 0; i < c->n; i++) {
		x = LEFT + 10 + step * (double)i;
		outf(o, "<text x=\"%.1f\" y=\"%.1f\" class=\"xl\">", x,
		    BOTTOM + 16, 0, 0);
		html_escape(o, c->labels[i]);
		out_str(o, "</text>");
	}
	out_putc(o, '\n');
	/* One polyline per run of known months: a gap is not drawn over. */
	for (i = 0; i < c->n; i++) {
		if (!c->present[i])
			continue;
		if (!open)
			out_str(o, "<polyline class=\"series\" points=\"");
		outf(o, open ? " %.1f,%.1f" : "%.1f,%.1f",
		    LEFT + 10 + step * (double)i, ypos(c->value[i], max), 0, 0);
		open = 1;
		if (i + 1 == c->n || !c->present[i + 1]) {
			out_str(o, "\"/>");
			open = 0;
		}
	}
	out_putc(o, '\n');
	for (i = 0; i < c->n; i++)
		if (c->present[i])
			outf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
			    "class=\"pt\"/>", LEFT + 10 + step * (double)i,
			    ypos(c->value[i], max), 0, 0);
	out_str(o, "\n</svg>\n");
}

void
svg_bar_chart(struct outbuf *o, const struct svg_bars *c)
{
	long long max = 0;
	double slot, x, y;
	char num[48];
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->value[i] > max)
			max = c->value[i];
	max = nice_ceiling(max + max / 10 + 1);
	slot = c->n > 0 ? (double)(RIGHT - LEFT) / (double)c->n : 0;

	open_svg(o, c->title);
	axis(o, max);
	for (i = 0; i < c->n; i++) {
		x = LEFT + slot * (double)i + slot * 0.2;
		y = ypos(c->value[i] < 0 ? 0 : c->value[i], max);
		outf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" class=\"bar\"/>", x, y, slot * 0.6,
		    BOTTOM - y);
		outf(o, "<text x=\"%.1f\" y=\"%.1f\" class=\"bv\">",
		    x + slot * 0.3, y - 4, 0, 0);
		out_str(o, num_format(num, sizeof(num), c->value[i], 0, 1));
		outf(o, "</text><text x=\"%.1f\" y=\"%.1f\" class=\"xl\">",
		    x + slot * 0.3, BOTTOM + 16, 0, 0);
		html_escape(o, c->labels[i]);
		out_str(o, "</text>\n");
	}
	out_str(o, "</svg>\n");
}
