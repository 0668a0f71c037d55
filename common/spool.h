#ifndef CRIMEPIPE_SPOOL_H
#define CRIMEPIPE_SPOOL_H

#include <stddef.h>

#include "outbuf.h"

/*
 * A spool: an anonymous temporary file for a stage that must see its
 * whole input before it writes its first record (flag-repeat,
 * DEFINITIONS.md 2.5: the records are spooled, never held in RAM).
 * Bytes are written once, then read back once from the start.
 *
 * The file is made with mkstemp(3) in the chosen directory and unlinked
 * at once, with the catchable signals blocked in between, so its name is
 * never left behind: after a normal exit, an error exit, a signal or
 * kill -9 the kernel frees the space when the descriptor closes.
 *
 * Errors (the directory cannot take a file, a full disk, a read error)
 * print "prog: ...: reason" and exit with status 1.
 */
struct spool {
	int		 fd;
	struct outbuf	 out;		/* writing, on a duplicate of fd */
	char		*buf;		/* reading: bytes [start, end) unused */
	size_t		 cap, start, end;
};

/*
 * An anonymous temporary file in dir (NULL: $TMPDIR, else /tmp), made as
 * prefix.XXXXXX and unlinked at once (as above); its descriptor, open for
 * reading and writing.  Exits 1 after a message when dir cannot take it.
 */
int		 spool_tmpfile(const char *dir, const char *prefix);

/* Create the spool in dir (NULL: $TMPDIR, else /tmp), named prefix.XXXXXX. */
void		 spool_open(struct spool *sp, const char *dir,
		     const char *prefix);
void		 spool_write(struct spool *sp, const void *p, size_t n);
/* End the writing (flushing it) and read from the first byte. */
void		 spool_rewind(struct spool *sp);
/*
 * The next n bytes, valid until the next call; NULL at the end of the
 * spool (no byte left).  Fewer than n bytes left is a BUG().
 */
const char	*spool_read(struct spool *sp, size_t n);
/* Close and free; the file is gone with its descriptor. */
void		 spool_close(struct spool *sp);

#endif
