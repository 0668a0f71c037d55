/* Charts and icons as inline SVG (svg.h). */
#include "svg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "esc.h"
#include "numfmt.h"

/* The drawing area, in SVG user units. */
enum { WIDTH = 680, HEIGHT = 252, LEFT = 58, RIGHT = 584, TOP = 30,
	BOTTOM = 200, RATE_AXIS = 590 };

/* Making Data Count's colours: common cause grey, concern orange,
 * improvement blue, neutral purple. */
static const char *const point_colour[] = { "#7f7f7f", "#ed8b00",
	"#005eb8", "#7c2855" };

/* A value axis: bottom, top and step, all scaled. */
struct axis {
	long long	 lo, hi, step;
	int		 dec;		/* decimals of its labels */
};

static void
outf(struct outbuf *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
outf(struct outbuf *o, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	out_str(o, buf);
}

/*
 * Fit an axis to [lo, hi]: a step of 1, 2, 2.5 or 5 times a power of ten
 * giving 5 to 10 ticks, the ends on whole steps.  With from_zero the axis
 * starts at 0 (bars); otherwise it hugs the data.
 */
static void
axis_fit(struct axis *a, long long lo, long long hi, int from_zero)
{
	static const int mult[] = { 10, 20, 25, 50 };
	long long p = 100, step = 0, pad;
	size_t i;

	if (from_zero || lo < 0)
		lo = lo < 0 ? lo : 0;
	if (hi <= lo)
		hi = lo + NUM_SCALE;
	pad = (hi - lo) / 20;
	if (!from_zero && lo - pad >= 0)
		lo -= pad;
	hi += pad;
	for (;;) {
		for (i = 0; i < 4; i++) {
			step = p * mult[i] / 10;
			if ((hi - lo) / step <= 8)
				goto found;
		}
		p *= 10;
	}
found:
	a->step = step;
	a->lo = (lo >= 0 ? lo / step : -((-lo + step - 1) / step)) * step;
	a->hi = (hi + step - 1) / step * step;
	while ((a->hi - a->lo) / a->step < 4)
		a->hi += a->step;
	a->dec = step >= NUM_SCALE ? 0 : step >= NUM_SCALE / 10 ? 1 : 2;
	if (step % NUM_SCALE != 0 && step > NUM_SCALE)
		a->dec = 1;
}

static double
ypos(const struct axis *a, long long v)
{
	return BOTTOM - (double)(v - a->lo) / (double)(a->hi - a->lo) *
	    (BOTTOM - TOP);
}

static double
xpos(const struct dchart *c, size_t i)
{
	double slot = (double)(RIGHT - LEFT) / (double)(c->n ? c->n : 1);

	return LEFT + slot * ((double)i + 0.5);
}

static void
open_svg(struct outbuf *o, const char *title)
{
	outf(o, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" "
	    "height=\"%d\" role=\"img\"><title>", WIDTH, HEIGHT, WIDTH, HEIGHT);
	esc_html(o, title);
	out_str(o, "</title>\n<text x=\"8\" y=\"17\" class=\"ct\">");
	esc_html(o, title);
	out_str(o, "</text>\n");
}

static void
axis_draw(struct outbuf *o, const struct axis *a, double x, int right,
    const char *suffix)
{
	char num[64];
	long long v;
	double y;

	for (v = a->lo; v <= a->hi; v += a->step) {
		y = ypos(a, v);
		if (!right)
			outf(o, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
			    "class=\"grid\"/>", LEFT, y, RIGHT, y);
		outf(o, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\">", x, y + 3.5,
		    right ? "yr" : "yl");
		out_str(o, num_format(num, sizeof(num), v, a->dec, 1));
		out_str(o, suffix);
		out_str(o, "</text>");
	}
	out_putc(o, '\n');
}

/* Month labels, at most 13 of them, always the last. */
static void
x_labels(struct outbuf *o, const struct dchart *c)
{
	size_t i, every = (c->n + 12) / 13;

	for (i = 0; i < c->n; i++) {
		if ((c->n - 1 - i) % every != 0 || c->labels[i] == NULL)
			continue;
		outf(o, "<text x=\"%.1f\" y=\"%d\" class=\"xl\">", xpos(c, i),
		    BOTTOM + 14);
		esc_html(o, c->labels[i]);
		out_str(o, "</text>");
	}
	out_putc(o, '\n');
}

/* A point's tooltip: its label, value and --explain command. */
static void
point_title(struct outbuf *o, const struct dchart *c, const struct series *s,
    size_t i, int dec, const char *suffix)
{
	char num[64];

	out_str(o, "<title>");
	esc_html(o, c->labels[i] != NULL ? c->labels[i] : "");
	out_str(o, ": ");
	esc_html(o, num_format(num, sizeof(num), s->v[i], dec, 1));
	out_str(o, suffix);
	if (s->ref[i] != NULL && s->ref[i]->explain != NULL) {
		out_str(o, "\n");
		esc_html(o, s->ref[i]->explain);
	}
	out_str(o, "</title>");
}

/* One polyline per run of present points: a gap is never drawn over. */
static void
polyline(struct outbuf *o, const struct dchart *c, const struct series *s,
    const struct axis *a, const char *cls)
{
	size_t i;
	int open = 0;

	for (i = 0; i < c->n; i++) {
		if (!s->present[i])
			continue;
		if (!open)
			outf(o, "<polyline class=\"%s\" points=\"", cls);
		outf(o, open ? " %.1f,%.1f" : "%.1f,%.1f", xpos(c, i),
		    ypos(a, s->v[i]));
		open = 1;
		if (i + 1 == c->n || !s->present[i + 1]) {
			out_str(o, "\"/>");
			open = 0;
		}
	}
	out_putc(o, '\n');
}

static void
points(struct outbuf *o, const struct dchart *c, const struct series *s,
    const struct axis *a, int dec)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (!s->present[i])
			continue;
		outf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\">",
		    xpos(c, i), ypos(a, s->v[i]), s->cls[i] ? "4.5" : "3",
		    point_colour[s->cls[i] & 3]);
		point_title(o, c, s, i, dec, "");
		out_str(o, "</circle>");
	}
	out_putc(o, '\n');
}

/* A horizontal line across the plot, labelled at its right end. */
static void
level(struct outbuf *o, const struct axis *a, long long v, const char *cls,
    const char *name, int dec, double *last_y)
{
	char num[64];
	double y = ypos(a, v), ly = y + 3.5;

	outf(o, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
	    "class=\"%s\"/>", LEFT, y, RIGHT, y, cls);
	/* Labels 10 units apart at least, so none hides another. */
	if (*last_y > 0 && ly < *last_y + 10 && ly > *last_y - 10)
		ly = *last_y + 10;
	*last_y = ly;
	outf(o, "<text x=\"%d\" y=\"%.1f\" class=\"ll\">%s ", RIGHT + 4, ly,
	    name);
	out_str(o, num_format(num, sizeof(num), v, dec, 1));
	out_str(o, "</text>\n");
}

enum swatch { SW_DOT, SW_LINE, SW_BAND, SW_BAR };

static void
legend_item(struct outbuf *o, double *x, enum swatch kind, const char *style,
    const char *text)
{
	double y = HEIGHT - 11;

	switch (kind) {
	case SW_DOT:
		outf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
		    "fill=\"%s\"/>", *x + 5, y, style);
		break;
	case SW_LINE:
		outf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" class=\"%s\"/>", *x, y, *x + 14, y, style);
		break;
	case SW_BAND:
	case SW_BAR:
		outf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" "
		    "height=\"8\" class=\"%s\"/>", *x, y - 4, style);
		break;
	}
	outf(o, "<text x=\"%.1f\" y=\"%.1f\">", *x + 18, y + 3.5);
	esc_html(o, text);
	out_str(o, "</text>");
	*x += 18 + 5.6 * (double)strlen(text) + 14;
}

static void
control_legend(struct outbuf *o, const struct dchart *c)
{
	static const char *const names[] = { "common cause", "concern",
		"improvement", "neutral" };
	int seen[4] = { 1, 0, 0, 0 }, k;
	double x = LEFT;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->main.present[i])
			seen[c->main.cls[i] & 3] = 1;
	for (k = 0; k < 4; k++)
		if (seen[k])
			legend_item(o, &x, SW_DOT, point_colour[k], names[k]);
	if (c->has_mean)
		legend_item(o, &x, SW_LINE, "avg", "average");
	if (c->has_upper || c->has_lower)
		legend_item(o, &x, SW_LINE, "lim", "control limits");
	out_putc(o, '\n');
}

/* The range of the present values of a series. */
static void
extent(const struct dchart *c, const struct series *s, long long *lo,
    long long *hi, int *any)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (!s->present[i])
			continue;
		if (!*any || s->v[i] < *lo)
			*lo = s->v[i];
		if (!*any || s->v[i] > *hi)
			*hi = s->v[i];
		*any = 1;
	}
}

static void
widen(long long v, int has, long long *lo, long long *hi, int *any)
{
	if (!has)
		return;
	if (!*any || v < *lo)
		*lo = v;
	if (!*any || v > *hi)
		*hi = v;
	*any = 1;
}

static void
control_chart(struct outbuf *o, const struct dchart *c)
{
	long long lo = 0, hi = 0;
	int any = 0, dec = c->mean_whole ? 0 : 1;
	double last = -1;
	struct axis a;

	extent(c, &c->main, &lo, &hi, &any);
	widen(c->mean, c->has_mean, &lo, &hi, &any);
	widen(c->upper, c->has_upper, &lo, &hi, &any);
	widen(c->lower, c->has_lower, &lo, &hi, &any);
	axis_fit(&a, lo, hi, 0);
	open_svg(o, c->title);
	axis_draw(o, &a, LEFT - 4, 0, "");
	if (c->has_upper)
		level(o, &a, c->upper, "lim", "upper", 1, &last);
	if (c->has_mean)
		level(o, &a, c->mean, "avg", "average", dec, &last);
	if (c->has_lower)
		level(o, &a, c->lower, "lim", "lower", 1, &last);
	x_labels(o, c);
	polyline(o, c, &c->main, &a, "series");
	points(o, c, &c->main, &a, 0);
	control_legend(o, c);
	out_str(o, "</svg>\n");
}

/* The interval as one polygon per run of months that have it. */
static void
band(struct outbuf *o, const struct dchart *c, const struct axis *a)
{
	size_t i, j, k;

	for (i = 0; i < c->n; i = j) {
		if (!c->lo.present[i] || !c->hi.present[i]) {
			j = i + 1;
			continue;
		}
		for (j = i; j < c->n && c->lo.present[j] && c->hi.present[j];
		    j++)
			;
		out_str(o, "<polygon class=\"band\" points=\"");
		for (k = i; k < j; k++)
			outf(o, "%.1f,%.1f ", xpos(c, k), ypos(a, c->hi.v[k]));
		for (k = j; k > i; k--)
			outf(o, "%.1f,%.1f%s", xpos(c, k - 1), ypos(a,
			    c->lo.v[k - 1]), k - 1 > i ? " " : "");
		out_str(o, "\"/>\n");
	}
}

static void
projection_chart(struct outbuf *o, const struct dchart *c)
{
	long long lo = 0, hi = 0;
	int any = 0;
	double x = LEFT, xs;
	struct axis a;

	extent(c, &c->main, &lo, &hi, &any);
	extent(c, &c->lo, &lo, &hi, &any);
	extent(c, &c->hi, &lo, &hi, &any);
	extent(c, &c->proj, &lo, &hi, &any);
	axis_fit(&a, lo, hi, 0);
	open_svg(o, c->title);
	axis_draw(o, &a, LEFT - 4, 0, "");
	band(o, c, &a);
	if (c->split > 0 && c->split < c->n) {
		xs = (xpos(c, c->split - 1) + xpos(c, c->split)) / 2;
		outf(o, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
		    "class=\"split\"/>\n", xs, TOP, xs, BOTTOM);
	}
	x_labels(o, c);
	polyline(o, c, &c->proj, &a, "proj");
	polyline(o, c, &c->main, &a, "rec");
	points(o, c, &c->main, &a, 0);
	legend_item(o, &x, SW_LINE, "rec", "recorded");
	legend_item(o, &x, SW_LINE, "proj", "projection");
	legend_item(o, &x, SW_BAND, "band", "95% prediction interval");
	out_str(o, "\n</svg>\n");
}

static void
bars(struct outbuf *o, const struct dchart *c, const struct axis *a)
{
	double slot = (double)(RIGHT - LEFT) / (double)(c->n ? c->n : 1), y, x;
	char num[64];
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (!c->main.present[i])
			continue;
		x = xpos(c, i) - slot * 0.3;
		y = ypos(a, c->main.v[i] < 0 ? 0 : c->main.v[i]);
		outf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" class=\"bar\">", x, y, slot * 0.6,
		    BOTTOM - y);
		point_title(o, c, &c->main, i, 0, "");
		outf(o, "</rect><text x=\"%.1f\" y=\"%.1f\" class=\"bv\">",
		    xpos(c, i), y - 3);
		out_str(o, num_format(num, sizeof(num), c->main.v[i], 0, 1));
		out_str(o, "</text>\n");
	}
}

static void
bar_chart(struct outbuf *o, const struct dchart *c)
{
	long long lo = 0, hi = 0;
	int any = 0;
	double x = LEFT;
	struct axis a, r;
	size_t i;

	extent(c, &c->main, &lo, &hi, &any);
	axis_fit(&a, 0, hi, 1);
	open_svg(o, c->title);
	axis_draw(o, &a, LEFT - 4, 0, "");
	x_labels(o, c);
	bars(o, c, &a);
	if (c->kind == CHART_BARS_RATE) {
		lo = hi = 0;
		any = 0;
		extent(c, &c->rate, &lo, &hi, &any);
		axis_fit(&r, 0, hi, 1);
		axis_draw(o, &r, RATE_AXIS, 1, "%");
		polyline(o, c, &c->rate, &r, "rate");
		for (i = 0; i < c->n; i++)
			if (c->rate.present[i]) {
				outf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" "
				    "r=\"3\" class=\"ratept\">", xpos(c, i),
				    ypos(&r, c->rate.v[i]));
				point_title(o, c, &c->rate, i, 1, "%");
				out_str(o, "</circle>");
			}
		legend_item(o, &x, SW_BAR, "bar", "offences");
		legend_item(o, &x, SW_LINE, "rate", "% of all outcomed");
	}
	out_str(o, "\n</svg>\n");
}

void
svg_chart(struct outbuf *o, const struct dchart *c)
{
	switch (c->kind) {
	case CHART_CONTROL:
		control_chart(o, c);
		break;
	case CHART_PROJECTION:
		projection_chart(o, c);
		break;
	case CHART_BARS:
	case CHART_BARS_RATE:
		bar_chart(o, c);
		break;
	}
}

void
svg_icon(struct outbuf *o, enum icon icon)
{
	static const struct { const char *colour, *letter; } look[] = {
		[ICON_COMMON] = { "#7f7f7f", "" },
		[ICON_CONCERN_HIGH] = { "#ed8b00", "H" },
		[ICON_CONCERN_LOW] = { "#ed8b00", "L" },
		[ICON_IMPROVE_HIGH] = { "#005eb8", "H" },
		[ICON_IMPROVE_LOW] = { "#005eb8", "L" },
		[ICON_NEUTRAL_HIGH] = { "#7c2855", "H" },
		[ICON_NEUTRAL_LOW] = { "#7c2855", "L" },
	};

	if (icon == ICON_NONE)
		return;
	outf(o, "<svg class=\"vi\" viewBox=\"0 0 20 20\" width=\"14\" "
	    "height=\"14\" aria-hidden=\"true\"><circle cx=\"10\" cy=\"10\" "
	    "r=\"9\" fill=\"%s\"/>", look[icon].colour);
	if (icon == ICON_COMMON)
		out_str(o, "<path d=\"M4 11 Q7 6 10 10 T16 9\" fill=\"none\" "
		    "stroke=\"#fff\" stroke-width=\"2\"/>");
	else
		outf(o, "<text x=\"10\" y=\"14.5\" class=\"vt\">%s</text>",
		    look[icon].letter);
	out_str(o, "</svg>");
}
