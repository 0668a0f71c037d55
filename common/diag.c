#include "diag.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *progname = "crimepipe";

void
diag_init(const char *argv0)
{
	const char *slash;

	if (argv0 != NULL && *argv0 != '\0') {
		slash = strrchr(argv0, '/');
		progname = slash ? slash + 1 : argv0;
	}
	signal(SIGPIPE, SIG_DFL);
	setlocale(LC_ALL, "C");
}

const char *
diag_prog(void)
{
	return progname;
}

void
diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void
diag_vat(const char *file, unsigned long line, const char *field,
    const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s", progname, file ? file : "<stdin>");
	if (line > 0)
		fprintf(stderr, ":%lu", line);
	fputs(": ", stderr);
	if (field != NULL)
		fprintf(stderr, "field '%s': ", field);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
diag_at(const char *file, unsigned long line, const char *field,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(file, line, field, fmt, ap);
	va_end(ap);
}

void
diag_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(status);
}

char *
diag_quote(char *out, size_t outsz, const char *s, size_t len)
{
	size_t i, n = 0;

	if (outsz == 0)
		return out;
	for (i = 0; i < len && n + 1 < outsz; i++) {
		unsigned char c = (unsigned char)s[i];
		out[n++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	if (i < len && outsz > 4) {
		n = n > outsz - 4 ? outsz - 4 : n;
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
	return out;
}
