#ifndef CRIMEPIPE_INPUT_H
#define CRIMEPIPE_INPUT_H

#include <sys/types.h>

/*
 * An input is one path named on the command line, or "-" for standard
 * input.  It yields one or more members, each a stream of CSV bytes:
 *   - a plain file, or a gzip/bzip2/xz/zstd-compressed one: one member
 *     named after the path;
 *   - a zip or tar archive (compressed or not): each regular member whose
 *     name ends in ".csv", in archive order, named "path!member".
 * The kind is detected from the first bytes, never from the file name.
 * Plain files are read with read(2); everything else goes through
 * libarchive.
 *
 * Every failure prints "prog: name: reason" on stderr before returning,
 * so the caller only decides what to do next.
 */
struct input;

/* Open path ("-" is standard input).  NULL after a message on failure. */
struct input	*input_open(const char *path);

/* The same, printing nothing: for a first look at an input's headers. */
struct input	*input_open_quiet(const char *path);

/*
 * Move to the next member.  Returns 1 when there is one, 0 at the end,
 * -1 when the archive is damaged (message printed; no further members).
 */
int		 input_next(struct input *in);

/* The current member's display name: "path", "<stdin>" or "path!member". */
const char	*input_name(const struct input *in);

/*
 * Read up to n bytes of the current member.  Returns the number read,
 * 0 at the member's end, -1 when the data is damaged or truncated
 * (message printed, naming the member).  After -1 the member is over.
 */
ssize_t		 input_read(struct input *in, void *buf, size_t n);

/* 1 once any member of this input reported damage. */
int		 input_failed(const struct input *in);

void		 input_close(struct input *in);

/* libarchive's version string, for --version. */
const char	*input_library_version(void);

#endif
