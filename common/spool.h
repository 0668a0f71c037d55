#ifndef CRIMEPIPE_SPOOL_H
#define CRIMEPIPE_SPOOL_H

#include "input.h"

/*
 * A spool: an anonymous temporary file for a stage that must see its
 * whole input before it writes its first record (flag-repeat,
 * DEFINITIONS.md 2.5: the records are spooled, never held in RAM).
 *
 * The file is made with mkstemp(3) and unlinked at once, with the
 * catchable signals blocked in between, so no name is ever left behind:
 * on a normal exit, an error exit, a signal or kill -9 the kernel frees
 * the space when the last descriptor closes.
 */

/*
 * Create a spool in dir (NULL: $TMPDIR, else /tmp), its name starting
 * with prefix.  Returns a descriptor open for reading and writing.  On
 * failure prints "prog: dir: cannot create a temporary spool: reason"
 * and exits with status 1.
 */
int		 spool_create(const char *dir, const char *prefix);

/*
 * Open the spool fd from its first byte as an input (input.h), through
 * /dev/fd/N, for reading with the stream reader.  The caller keeps fd
 * and closes it; input_close() the result.  NULL after a message.
 */
struct input	*spool_input(int fd);

#endif
