/* Escaping for the output languages (esc.h). */
#include "esc.h"

#include <stdio.h>
#include <string.h>

#include "../../common/xalloc.h"

void
esc_html_n(struct outbuf *o, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
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
			out_putc(o, s[i]);
		}
	}
}

void
esc_html(struct outbuf *o, const char *s)
{
	esc_html_n(o, s, strlen(s));
}

void
esc_json(struct outbuf *o, const char *s)
{
	char esc[8];

	out_putc(o, '"');
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\') {
			out_putc(o, '\\');
			out_putc(o, (char)ch);
		} else if (ch < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", ch);
			out_str(o, esc);
		} else
			out_putc(o, (char)ch);
	}
	out_putc(o, '"');
}

void
esc_md(struct outbuf *o, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|')
			out_str(o, "\\|");
		else if (*s == '\n' || *s == '\r')
			out_putc(o, ' ');
		else
			out_putc(o, *s);
	}
}

char *
esc_sh(const char *s)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=+,@%";
	size_t n = 3, i;
	char *q, *p;

	if (*s != '\0' && strspn(s, safe) == strlen(s))
		return xstrdup(s);
	for (i = 0; s[i] != '\0'; i++)
		n += s[i] == '\'' ? 4 : 1;
	p = q = xmalloc(n);
	*p++ = '\'';
	for (; *s != '\0'; s++) {
		if (*s == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else
			*p++ = *s;
	}
	*p++ = '\'';
	*p = '\0';
	return q;
}
