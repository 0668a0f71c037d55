/*
 * -o FILE: the report is written to a temporary file beside FILE and
 * renamed over it only when the whole run succeeded, so a reader never
 * sees half a report and a failed run leaves the old one (issue 10: the
 * one temp-file-then-rename writer of emit-summary).  A device or FIFO
 * (-o /dev/stdout) is written in place: renaming over it would replace
 * the device itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../common/diag.h"
#include "../../common/xalloc.h"
#include "emit.h"

/* The temporary file, removed by any exit that does not commit it. */
static char *tmp_path;
static int in_place;

static void
remove_tmp(void)
{
	if (tmp_path != NULL)
		unlink(tmp_path);
}

static void
on_signal(int sig)
{
	if (tmp_path != NULL)
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

int
atomic_open(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0, n;
	struct stat st;
	int fd;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if ((fd = open(path, O_WRONLY)) < 0)
			diag_die(EXIT_DATA, "%s: %s", path, strerror(errno));
		in_place = 1;
		return fd;
	}
	n = strlen(path) + 24;
	tmp_path = xmalloc(n);
	snprintf(tmp_path, n, "%.*s.%s.tmpXXXXXX", (int)dirlen, path,
	    path + dirlen);
	atexit(remove_tmp);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	if ((fd = mkstemp(tmp_path)) < 0) {
		diag_warn("%s: cannot create a temporary file: %s", tmp_path,
		    strerror(errno));
		free(tmp_path);
		tmp_path = NULL;
		exit(EXIT_DATA);
	}
	fchmod(fd, 0644);
	return fd;
}

int
atomic_sync(int fd)
{
	if (in_place || fsync(fd) == 0)
		return 0;
	diag_warn("%s: %s", tmp_path, strerror(errno));
	return -1;
}

int
atomic_finish(const char *path, int status, const char *why)
{
	if (in_place)
		return status;
	if (status == EXIT_OK && rename(tmp_path, path) < 0) {
		diag_warn("%s: %s", path, strerror(errno));
		status = EXIT_DATA;
	} else if (status != EXIT_OK)
		diag_warn("%s: not written, since %s", path, why);
	remove_tmp();
	free(tmp_path);
	tmp_path = NULL;
	return status;
}
