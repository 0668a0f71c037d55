#include "spool.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "xalloc.h"

enum { SPOOL_READ_SIZE = 1 << 20 };

static const char spool_name[] = "temporary spool";

int
spool_tmpfile(const char *dir, const char *prefix)
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

void
spool_open(struct spool *sp, const char *dir, const char *prefix)
{
	int fd, dupfd;

	memset(sp, 0, sizeof(*sp));
	fd = spool_tmpfile(dir, prefix);
	/* out_close() closes its descriptor: give it a copy of ours. */
	if ((dupfd = dup(fd)) < 0)
		diag_die(EXIT_DATA, "%s: %s", spool_name, strerror(errno));
	sp->fd = fd;
	out_init(&sp->out, dupfd, spool_name);
}

void
spool_write(struct spool *sp, const void *p, size_t n)
{
	out_write(&sp->out, p, n);
}

void
spool_rewind(struct spool *sp)
{
	out_close(&sp->out);	/* a full disk is reported here */
	if (lseek(sp->fd, 0, SEEK_SET) < 0)
		diag_die(EXIT_DATA, "%s: %s", spool_name, strerror(errno));
	sp->cap = SPOOL_READ_SIZE;
	sp->buf = xmalloc(sp->cap);
	sp->start = sp->end = 0;
}

const char *
spool_read(struct spool *sp, size_t n)
{
	ssize_t got;
	const char *p;

	while (sp->end - sp->start < n) {
		if (sp->start > 0) {
			memmove(sp->buf, sp->buf + sp->start,
			    sp->end - sp->start);
			sp->end -= sp->start;
			sp->start = 0;
		}
		sp->buf = xgrow(sp->buf, &sp->cap, n > sp->end +
		    SPOOL_READ_SIZE / 2 ? n : sp->end + SPOOL_READ_SIZE / 2, 1);
		got = read(sp->fd, sp->buf + sp->end, sp->cap - sp->end);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			diag_die(EXIT_DATA, "%s: read error: %s", spool_name,
			    strerror(errno));
		if (got == 0) {
			if (sp->end == sp->start)
				return NULL;
			BUG("the temporary spool ends inside a record");
		}
		sp->end += (size_t)got;
	}
	p = sp->buf + sp->start;
	sp->start += n;
	return p;
}

void
spool_close(struct spool *sp)
{
	/* Never rewound: what is still buffered is not wanted any more. */
	if (sp->out.buf != NULL) {
		free(sp->out.buf);
		sp->out.buf = NULL;
		close(sp->out.fd);
	}
	free(sp->buf);
	sp->buf = NULL;
	if (sp->fd >= 0)
		close(sp->fd);
	sp->fd = -1;
}
