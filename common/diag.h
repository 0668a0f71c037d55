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

/*
 * "prog: message" on stderr, in one write of at most 8 KiB, with control
 * characters of the message shown as '?' (so bytes quoted from input can
 * never break a line or a terminal).
 */
void		 diag_warn(const char *fmt, ...)
		     __attribute__((format(printf, 1, 2)));
void		 diag_vwarn(const char *fmt, va_list ap);

/*
 * "prog: file:line: field 'name': message" on stderr.  line 0 leaves out
 * ":line", a NULL field leaves out the field part.
 */
void		 diag_at(const char *file, unsigned long line, const char *field,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void		 diag_vat(const char *file, unsigned long line,
		     const char *field, const char *fmt, va_list ap);

/*
 * Print "prog: message", run the fatal hook (below) and exit with status.
 */
_Noreturn void	 diag_die(int status, const char *fmt, ...)
		     __attribute__((format(printf, 2, 3)));

/*
 * The one hook a fatal error runs before exiting: the main output's
 * writer registers one that writes out the records it has completed
 * (outbuf.h), so a full disk or an exhausted memory never leaves the next
 * stage a torn record nor loses the good ones.  diag_fatal_hooks() runs
 * it (once) for a fatal path that does not go through diag_die().
 */
void		 diag_on_fatal(void (*hook)(void));
void		 diag_fatal_hooks(void);

/* A programmer's mistake, never bad data (exit 1: statuses are 0, 1, 2). */
#define BUG(msg) diag_die(EXIT_DATA, "BUG: %s:%d: %s", __FILE__, __LINE__, \
	(msg))

/* Replace control characters in s[0..len) with '?'. */
void		 diag_clean(char *s, size_t len);

/*
 * Copy at most len bytes of s into out (size outsz, NUL-terminated),
 * replacing control characters with '?' (git's rule for quoting bytes from
 * a bad record), and ending with "..." when cut.  Returns out.
 */
char		*diag_quote(char *out, size_t outsz, const char *s, size_t len);

#endif
