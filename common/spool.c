#include "spool.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"

int
spool_create(const char *dir, const char *prefix)
{
	sigset_t all, old;
	char *tmpl;
	size_t n;
	int fd, err;

	if (dir == NULL || *dir == '\0')
		dir = getenv("TMPDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	n = strlen(dir) + strlen(prefix) + 16;
	tmpl = xmalloc(n);
	snprintf(tmpl, n, "%s/%s.XXXXXX", dir, prefix);

	/* No signal may end us between creating the name and removing it. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	fd = mkstemp(tmpl);
	err = errno;
	if (fd >= 0 && unlink(tmpl) < 0) {
		err = errno;
		close(fd);
		fd = -1;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(tmpl);
	if (fd < 0)
		diag_die(EXIT_DATA, "%s: cannot create a temporary spool: %s",
		    dir, strerror(err));
	return fd;
}

struct input *
spool_input(int fd)
{
	char path[32];

	/*
	 * Linux reopens the file through /dev/fd (a fresh offset); the BSDs
	 * duplicate the descriptor (a shared offset), hence the rewind.
	 */
	if (lseek(fd, 0, SEEK_SET) < 0) {
		diag_warn("temporary spool: %s", strerror(errno));
		return NULL;
	}
	snprintf(path, sizeof(path), "/dev/fd/%d", fd);
	return input_open(path);
}
