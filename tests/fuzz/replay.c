/*
 * replay: run a fuzz target's checks on the named files, each once, without
 * libFuzzer: linked with a target (reader.c or input.c) and harness.c by
 * any C compiler, so that tests/unit/fuzz-regressions.sh replays every
 * kept reproducer under `make check` and `make check SANITIZE=1`, where
 * clang may be missing.  A failed check aborts, as under libFuzzer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static unsigned char *
slurp(const char *path, size_t *lenp)
{
	unsigned char *p = NULL;
	size_t len = 0, cap = 0, n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		exit(2);
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(p, cap)) == NULL) {
				perror(path);
				exit(2);
			}
		}
		n = fread(p + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	if (ferror(fp)) {
		perror(path);
		exit(2);
	}
	fclose(fp);
	*lenp = len;
	return p;
}

int
main(int argc, char *argv[])
{
	unsigned char *data;
	size_t len;
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		data = slurp(argv[i], &len);
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	return 0;
}
