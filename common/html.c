#include "html.h"

#include <string.h>

void
html_escape(struct outbuf *o, const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			out_str(o, "&amp;");
			break;
		case '<':
			out_str(o, "&lt;");
			break;
		case '>':
			out_str(o, "&gt;");
			break;
		case '"':
			out_str(o, "&quot;");
			break;
		case '\'':
			out_str(o, "&#39;");
			break;
		default:
			out_putc(o, *p);
		}
	}
}
