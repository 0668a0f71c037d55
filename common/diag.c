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
	/*
	 * Character set only: libarchive converts member names to the
	 * locale's, and in plain C a UTF-8 name cannot be converted at all
	 * (it would come back NULL).  Numbers, collation and messages stay C.
	 */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		(void)setlocale(LC_CTYPE, "C.utf8");
}

const char *
diag_prog(void)
{
	return progname;
}

/*
 * Every message goes out through here: formatted into one line of at most
 * MESSAGE_MAX bytes (longer ones end "..."), with every control character
 * of the bytes it quotes (a member name with a newline, a field holding a
 * CR) shown as '?' (git's rule), and written in one piece, so that the
 * stages of a pipeline that share a log never interleave mid-line.
 */
enum { MESSAGE_MAX = 8192 };

static void
emit(const char *prefix, const char *fmt, va_list ap)
{
	char line[MESSAGE_MAX + 8];
	size_t n = 0, room = MESSAGE_MAX;
	int k;

	k = snprintf(line, room, "%s: %s", progname, prefix);
	n = k < 0 ? 0 : (size_t)k < room ? (size_t)k : room - 1;
	k = vsnprintf(line + n, room - n, fmt, ap);
	if (k < 0)
		k = 0;
	if ((size_t)k >= room - n) {
		n = room - 1;
		memcpy(line + n - 3, "...", 3);
	} else
		n += (size_t)k;
	diag_clean(line + strlen(progname) + 2, n - strlen(progname) - 2);
	line[n++] = '\n';
	fwrite(line, 1, n, stderr);
}

void
diag_clean(char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			s[i] = '?';
}

void
diag_vwarn(const char *fmt, va_list ap)
{
	emit("", fmt, ap);
}

void
diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
}

/* Append printf output to buf (size sz, n used), never past its end. */
static size_t
append(char *buf, size_t sz, size_t n, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (n + 1 >= sz)
		return n;
	va_start(ap, fmt);
	k = vsnprintf(buf + n, sz - n, fmt, ap);
	va_end(ap);
	if (k < 0)
		return n;
	return (size_t)k < sz - n ? n + (size_t)k : sz - 1;
}

void
diag_vat(const char *file, unsigned long line, const char *field,
    const char *fmt, va_list ap)
{
	char where[MESSAGE_MAX / 2];
	size_t n;

	n = append(where, sizeof(where), 0, "%s", file ? file : "<stdin>");
	if (line > 0)
		n = append(where, sizeof(where), n, ":%lu", line);
	n = append(where, sizeof(where), n, ": ");
	if (field != NULL)
		append(where, sizeof(where), n, "field '%s': ", field);
	emit(where, fmt, ap);
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

static void (*fatal_hook)(void);

void
diag_on_fatal(void (*hook)(void))
{
	fatal_hook = hook;
}

void
diag_fatal_hooks(void)
{
	void (*hook)(void) = fatal_hook;

	/* Once: a hook that fails again must not run itself forever. */
	fatal_hook = NULL;
	if (hook != NULL)
		hook();
}

void
diag_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
	diag_fatal_hooks();
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
