#ifndef CRIMEPIPE_HTML_H
#define CRIMEPIPE_HTML_H

#include "outbuf.h"

/*
 * Text into HTML or SVG: &, <, >, " and ' become character references,
 * so any byte string from the data is safe in element content and in
 * quoted attribute values.
 */
void	html_escape(struct outbuf *o, const char *s);

#endif
