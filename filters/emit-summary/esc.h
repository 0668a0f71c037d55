#ifndef EMIT_ESC_H
#define EMIT_ESC_H

#include <stddef.h>

#include "../../common/outbuf.h"

/*
 * Text from the data into the output languages, in one place: HTML (also
 * SVG), JSON strings, Markdown table cells and shell words.  Messages
 * quote input bytes with diag_quote() (diag.h), never with these.
 */

/* &, <, >, " and ' as character references: safe in content and in
 * quoted attribute values. */
void	esc_html(struct outbuf *o, const char *s);
void	esc_html_n(struct outbuf *o, const char *s, size_t n);
/* A JSON string, quotes included; control bytes as \u00XX. */
void	esc_json(struct outbuf *o, const char *s);
/* A Markdown table cell: '|' escaped, line ends as spaces. */
void	esc_md(struct outbuf *o, const char *s);
/*
 * s as one POSIX shell word: unchanged when it holds only characters
 * no shell treats specially, else in single quotes ('\'' for a quote).
 * Returns a string the caller frees.
 */
char	*esc_sh(const char *s);

#endif
