#include "opts.h"

#include <archive.h>
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

#include "diag.h"
#include "input.h"
#include "stream.h"

void
opts_version(void)
{
	printf("%s (crimepipe) %s\n%s, %s, zlib %s\n", diag_prog(),
	    CRIMEPIPE_VERSION, stream_library_version(),
	    input_library_version(), zlibVersion());
	if (fflush(stdout) != 0 || ferror(stdout))
		diag_die(EXIT_DATA, "<stdout>: write error");
	exit(EXIT_OK);
}

void
opts_exit(FILE *fp, int status)
{
	if (fflush(fp) != 0 || ferror(fp))
		diag_die(EXIT_DATA, "%s: write error",
		    fp == stdout ? "<stdout>" : "<stderr>");
	exit(status);
}

void
opts_misuse(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vwarn(fmt, ap);
	va_end(ap);
	opts_hint();
}

void
opts_hint(void)
{
	fprintf(stderr, "Try '%s --help' for more information.\n",
	    diag_prog());
	exit(EXIT_USAGE);
}

const char *const *
opts_inputs(int argc, char *argv[], size_t *n, int *uses_stdin)
{
	static const char *const standard_input[] = { "-" };
	size_t i;

	*uses_stdin = 0;
	if (optind >= argc) {
		*n = 1;
		*uses_stdin = 1;
		return standard_input;
	}
	*n = (size_t)(argc - optind);
	for (i = 0; i < *n; i++)
		if (strcmp(argv[optind + (int)i], "-") == 0 &&
		    (*uses_stdin)++)
			opts_misuse("'-' (standard input) is named twice");
	return (const char *const *)argv + optind;
}

long
opts_number(const char *name, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
		opts_misuse("option '%s': '%s' is not a whole number from %ld "
		    "to %ld", name, arg, min, max);
	return v;
}

void
opts_max_record(const char *arg)
{
	unsigned long long v, mult = 1;
	char *end;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (*end == 'K' || *end == 'k')
		mult = 1ULL << 10;
	else if (*end == 'M' || *end == 'm')
		mult = 1ULL << 20;
	else if (*end == 'G' || *end == 'g')
		mult = 1ULL << 30;
	if (mult > 1)
		end++;
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-' ||
	    v == 0 || v > (1ULL << 40) / mult)
		opts_misuse("option '--max-record': '%s' is not a size from 1 "
		    "byte to 1T (a number of bytes, or with K, M or G)", arg);
	rec_reader_default_max_record((size_t)(v * mult));
}
