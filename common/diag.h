#ifndef CRIMEPIPE_DIAG_H
#define CRIMEPIPE_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* Exit statuses, the same for every filter (STYLE.md: 0, 1 and 2 only). */
enum {
	EXIT_OK = 0,	/* every record was written or accounted for */
	EXIT_DATA = 1,	/* bad data, an input that could not be read, a write error */
	EXIT_USAGE = 2	/* bad options or arguments */
};

#define CRIMEPIPE_VERSION "0.3.0"

/*
 * diag_init() records the program name (the basename of argv0) for every
 * message, restores the default SIGPIPE action so that a closed pipe ends
 * the process quietly, and sets the C locale for number formatting.
 */
void		 diag_init(const char *argv0);
const char	*diag_prog(void);

/* "prog: message" on stderr. */
void		 diag_warn(const char *fmt, ...)
		     __attribute__((format(printf, 1, 2)));

/*
 * "prog: file:line: field 'name': message" on stderr.  line 0 leaves out
 * ":line", a NULL field leaves out the field part.
 */
void		 diag_at(const char *file, unsigned long line, const char *field,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void		 diag_vat(const char *file, unsigned long line,
		     const char *field, const char *fmt, va_list ap);

/* Print "prog: message" and exit with status. */
_Noreturn void	 diag_die(int status, const char *fmt, ...)
		     __attribute__((format(printf, 2, 3)));

/* A programmer's mistake, never bad data. */
#define BUG(msg) diag_die(70, "BUG: %s:%d: %s", __FILE__, __LINE__, (msg))

/*
 * Copy at most len bytes of s into out (size outsz, NUL-terminated),
 * replacing control characters with '?' (git's rule for quoting bytes from
 * a bad record), and ending with "..." when cut.  Returns out.
 */
char		*diag_quote(char *out, size_t outsz, const char *s, size_t len);

#endif
