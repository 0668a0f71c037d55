#ifndef EMIT_SVG_H
#define EMIT_SVG_H

#include "../../common/outbuf.h"
#include "doc.h"

/*
 * Inline SVG for the HTML report: no script, no font or image files,
 * nothing fetched.  Values are scaled numbers (numfmt.h); every
 * coordinate is printed to one decimal in the C locale, so a chart is the
 * same bytes on every run.  docs/report.md "Charts" says what each kind
 * shows: a control chart's axis is fitted to its data (never forced to 0)
 * with at least 5 labelled ticks, its mean and limits drawn and labelled
 * with their values, its points coloured by variation.
 */
void	svg_chart(struct outbuf *o, const struct dchart *c);

/* The Making Data Count variation icon, drawn small for a table cell. */
void	svg_icon(struct outbuf *o, enum icon icon);

#endif
