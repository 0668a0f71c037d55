#ifndef CRIMEPIPE_OPTS_H
#define CRIMEPIPE_OPTS_H

#include <stddef.h>
#include <stdio.h>

/*
 * Helpers for the options every filter shares (STYLE.md: OpenBSD sort's
 * getopt_long use).  Long-only options take values above CHAR_MAX.
 */
enum {
	OPT_VERSION = 256,
	OPT_STATS,
	OPT_MAX_RECORD,
	OPT_FILTER_FIRST	/* a filter's own long-only options start here */
};

/* "prog (crimepipe) VERSION" and the library versions, on stdout; exit 0. */
_Noreturn void	opts_version(void);

/*
 * The end of usage(): flush fp and exit with status, or with 1 after a
 * message when the text could not be written (--help > /dev/full).
 */
_Noreturn void	opts_exit(FILE *fp, int status);

/* "prog: unknown option; try 'prog --help'" style misuse: exit 2. */
_Noreturn void	opts_misuse(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));

/*
 * After getopt_long has named an unknown option or a missing argument:
 * "Try 'prog --help' for more information." and exit 2.
 */
_Noreturn void	opts_hint(void);

/*
 * The input operands: argv[optind..], or "-" (standard input) when there
 * are none; *n is their count and *uses_stdin 1 when "-" is among them.
 * Naming "-" twice is a usage error: standard input can be read once.
 */
const char *const *opts_inputs(int argc, char *argv[], size_t *n,
		    int *uses_stdin);

/* A whole number in [min, max] for option name, or a usage error. */
long		opts_number(const char *name, const char *arg, long min,
		    long max);

/*
 * --max-record N: the longest record a filter keeps (docs/stream.md), in
 * bytes, with an optional suffix K, M or G (powers of 1024); sets the
 * reader's limit (rec_reader_default_max_record).  A bad value is a usage
 * error.
 */
void		opts_max_record(const char *arg);

#endif
