#ifndef CRIMEPIPE_INPUT_H
#define CRIMEPIPE_INPUT_H

#include <stdint.h>
#include <sys/types.h>

/*
 * An input is one path named on the command line, or "-" for standard
 * input.  It yields one or more members, each a stream of CSV bytes:
 *   - a plain file, or a gzip/bzip2/xz/zstd-compressed one: one member
 *     named after the path;
 *   - a zip or tar archive (compressed or not): each regular member whose
 *     name ends in ".csv", in archive order, named "path!member".
 * The kind is detected from the first bytes, never from the file name.
 * Plain files are read with read(2), gzip with zlib (which checks the
 * trailer's CRC), other compression and archives with libarchive.  A
 * compressed tar archive is read to the end of its compressed stream, so
 * damage after the last member is reported too.
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
 * Open a copy of descriptor fd (e.g. a spooled copy of a pipe), read from
 * offset start; name is what messages call it.  fd stays the caller's.
 */
struct input	*input_open_fd(int fd, off_t start, const char *name,
		    int quiet);

/* 1 when the input is a zip or tar archive (members "path!member"). */
int		 input_is_archive(const struct input *in);

/*
 * Move to the next member.  Returns 1 when there is one, 0 at the end,
 * -1 when the archive is damaged (message printed; no further members).
 */
int		 input_next(struct input *in);

/*
 * The current member's display name: "path", "<stdin>" or "path!member".
 * The string belongs to the input and changes with input_next().
 */
const char	*input_name(const struct input *in);

/*
 * Read up to n bytes of the current member.  Returns the number read,
 * 0 at the member's end, -1 when the data is damaged or truncated
 * (message printed, naming the member).  After -1 the member is over.
 */
ssize_t		 input_read(struct input *in, void *buf, size_t n);

/*
 * Keep a digest (digest.h) of every member's decoded bytes from now on
 * (only ingest-crime needs one: it costs a pass over every byte).  Then
 * input_member_digest() gives the digest and length of the current
 * member's bytes read so far: after its last byte, of the whole member.
 */
void		 input_digest(struct input *in);
void		 input_member_digest(const struct input *in, uint64_t *hash,
		    uint64_t *len);

/* 1 once any member of this input reported damage. */
int		 input_failed(const struct input *in);

void		 input_close(struct input *in);

/* libarchive's version string, for --version. */
const char	*input_library_version(void);

#endif
