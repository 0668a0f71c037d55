#include "input.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <zlib.h>

#include "diag.h"
#include "digest.h"
#include "xalloc.h"

/*
 * An input is read in two layers.  The decoder turns the file's bytes
 * into decoded bytes: none for a plain file or a zip, zlib for gzip (it
 * hands over every byte decoded before a truncation, where libarchive's
 * gzip filter fails a whole block, and it checks the CRC and length in
 * the trailer, which libarchive's does not), libarchive's filters for
 * bzip2, xz and zstd.  The container then splits the decoded bytes into
 * members: one plain CSV member, a tar archive, or a zip archive (read by
 * libarchive straight from the file).  After a tar archive's last member
 * the decoder is read to its end, so a damaged trailer is never missed.
 */
enum decoder { DEC_NONE, DEC_ZLIB, DEC_LIBARCHIVE };
enum container { CON_PLAIN, CON_TAR, CON_ZIP };

enum { PEEK_SIZE = 512, BLOCK_SIZE = 1 << 16, MEMBER_CHUNK = 1 << 12 };

struct input {
	char		*path;		/* as given, "-" for stdin */
	char		*display;	/* the name messages give it */
	char		*name;		/* current member's display name */
	int		 fd;
	int		 positional;	/* read with pread(2) from pos */
	int		 owns_fd;	/* close fd at the end */
	off_t		 pos;
	int		 quiet;		/* a first look: print nothing */
	int		 failed;
	int		 members;	/* members handed out so far */
	enum decoder	 dec;
	enum container	 con;

	/* Raw bytes read to detect the kind, handed out before the fd's. */
	unsigned char	 peek[PEEK_SIZE];
	size_t		 peek_len, peek_pos;
	unsigned char	*raw_block;

	/* The decoder's state; dec_state: 0 going, 1 ended, -1 damaged. */
	z_stream	 z;
	int		 z_open;
	int		 raw_eof;	/* zlib has had the file's last byte */
	struct archive	*dec_ar;
	unsigned char	*fbuf;		/* dec_ar's bytes, [fpos, flen) unread */
	size_t		 flen, fpos;
	int		 dec_state;
	/* Decoded bytes read to detect the container, handed out first. */
	unsigned char	 dpeek[PEEK_SIZE];
	size_t		 dpeek_len, dpeek_pos;
	unsigned char	*dec_block;

	/* The container's archive (tar or zip), and a chunk of its member. */
	struct archive	*ar;
	int		 member_done;
	unsigned char	*mbuf;
	size_t		 mlen, mpos;
	int		 archive_over;	/* damaged: no further members */

	/* The current member's decoded bytes so far, when asked for. */
	int		 digesting;
	struct digest	 dg;
};

/* A message about this input, unless it is only being looked at. */
#define INPUT_WARN(in, ...) \
	do { \
		if (!(in)->quiet) \
			diag_warn(__VA_ARGS__); \
	} while (0)

/*
 * read(2), or pread(2) from the input's own offset for a descriptor that
 * other inputs may read at the same time (input_open_fd); retries on
 * EINTR; -1 with errno on failure.
 */
static ssize_t
read_fd(struct input *in, void *buf, size_t n)
{
	ssize_t r;

	do
		r = in->positional ? pread(in->fd, buf, n, in->pos) :
		    read(in->fd, buf, n);
	while (r < 0 && errno == EINTR);
	if (r > 0)
		in->pos += r;
	return r;
}

/* The file's bytes: the peeked ones first, then the descriptor's. */
static ssize_t
read_raw(struct input *in, void *buf, size_t n)
{
	size_t left = in->peek_len - in->peek_pos;

	if (left > 0) {
		if (n > left)
			n = left;
		memcpy(buf, in->peek + in->peek_pos, n);
		in->peek_pos += n;
		return (ssize_t)n;
	}
	return read_fd(in, buf, n);
}

/* The decoder failed: say so once, and stay failed. */
static ssize_t
decoder_damaged(struct input *in, const char *reason)
{
	if (in->dec_state != -1)
		INPUT_WARN(in, "%s: damaged or truncated input: %s",
		    in->display, reason);
	in->dec_state = -1;
	in->failed = 1;
	return -1;
}

/* Refill zlib's input; 0 at the end of the file, -1 on a read error. */
static ssize_t
zlib_refill(struct input *in)
{
	ssize_t got = read_raw(in, in->raw_block, BLOCK_SIZE);

	if (got < 0) {
		INPUT_WARN(in, "%s: read error: %s", in->display,
		    strerror(errno));
		in->dec_state = -1;
		in->failed = 1;
		return -1;
	}
	in->z.next_in = in->raw_block;
	in->z.avail_in = (uInt)got;
	return got;
}

/*
 * Inflate gzip data into buf.  Concatenated gzip members are read one
 * after another, as gzip -d does.  Bytes decoded before damage are
 * handed over first; the damage is reported by the next call.  The end
 * of the file is truncation only once inflate can give nothing more:
 * with a small buf, inflate may still hold decoded bytes (the rest of a
 * match) after the last input byte went in, and what is handed out must
 * not depend on the size asked for (fuzz-input).
 */
static ssize_t
read_zlib(struct input *in, void *buf, size_t n)
{
	unsigned char *start = buf;
	ssize_t got;
	int r, truncated;

	in->z.next_out = buf;
	in->z.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
	while (in->z.avail_out > 0 && in->dec_state == 0) {
		if (in->z.avail_in == 0 && !in->raw_eof) {
			if ((got = zlib_refill(in)) < 0)
				break;
			in->raw_eof = got == 0;
		}
		r = inflate(&in->z, Z_NO_FLUSH);
		if (r == Z_STREAM_END) {
			/* Another member may follow, or the file ends. */
			if (in->z.avail_in == 0 && (got = zlib_refill(in)) <= 0) {
				if (got == 0)
					in->dec_state = 1;
				break;
			}
			inflateReset(&in->z);
			continue;
		}
		/* No progress, and no more input: cut short. */
		truncated = r == Z_BUF_ERROR && in->raw_eof;
		if (truncated || (r != Z_OK && r != Z_BUF_ERROR)) {
			if (in->z.next_out != start)
				break;	/* report it on the next call */
			return decoder_damaged(in, truncated ?
			    "truncated gzip input" : in->z.msg ? in->z.msg :
			    "corrupt gzip data");
		}
	}
	if (in->z.next_out == start && in->dec_state == -1)
		return -1;
	return (ssize_t)(in->z.next_out - start);
}

/* Up to n of the bytes [*pos, len) of chunk into buf; how many. */
static size_t
take_chunk(void *buf, size_t n, const unsigned char *chunk, size_t len,
    size_t *pos)
{
	if (n > len - *pos)
		n = len - *pos;
	memcpy(buf, chunk + *pos, n);
	*pos += n;
	return n;
}

/*
 * bzip2, xz, zstd, ... through libarchive.  As with archive members
 * (read_member()), libarchive is asked for BLOCK_SIZE bytes at a time
 * whatever the caller asks for, so that what it hands out before damage
 * never depends on how it is read (fuzz-input: a damaged bzip2 gave
 * 4,550,490 bytes read in small pieces and 5,243,392 in 1 MiB ones).
 */
static ssize_t
read_libarchive_filter(struct input *in, void *buf, size_t n)
{
	la_ssize_t r;

	if (in->flen == in->fpos) {
		r = archive_read_data(in->dec_ar, in->fbuf, BLOCK_SIZE);
		if (r < 0)
			return decoder_damaged(in,
			    archive_error_string(in->dec_ar));
		if (r == 0) {
			in->dec_state = 1;
			return 0;
		}
		in->flen = (size_t)r;
		in->fpos = 0;
	}
	return (ssize_t)take_chunk(buf, n, in->fbuf, in->flen, &in->fpos);
}

/* The decoder's next bytes. */
static ssize_t
read_decoder(struct input *in, void *buf, size_t n)
{
	ssize_t r;

	if (in->dec_state == -1)
		return -1;
	if (in->dec_state == 1)
		return 0;
	switch (in->dec) {
	case DEC_ZLIB:
		return read_zlib(in, buf, n);
	case DEC_LIBARCHIVE:
		return read_libarchive_filter(in, buf, n);
	case DEC_NONE:
		break;
	}
	r = read_raw(in, buf, n);
	if (r < 0) {
		INPUT_WARN(in, "%s: read error: %s", in->display,
		    strerror(errno));
		in->dec_state = -1;
		in->failed = 1;
	} else if (r == 0)
		in->dec_state = 1;
	return r;
}

/* The decoded bytes: the peeked ones first. */
static ssize_t
read_decoded(struct input *in, void *buf, size_t n)
{
	size_t left = in->dpeek_len - in->dpeek_pos;

	if (left > 0) {
		if (n > left)
			n = left;
		memcpy(buf, in->dpeek + in->dpeek_pos, n);
		in->dpeek_pos += n;
		return (ssize_t)n;
	}
	return read_decoder(in, buf, n);
}

/* libarchive's read callbacks: tar reads decoded bytes, zip raw ones. */
static la_ssize_t
decoded_cb(struct archive *a, void *data, const void **buf)
{
	struct input *in = data;
	ssize_t r = read_decoded(in, in->dec_block, BLOCK_SIZE);

	if (r < 0) {
		archive_set_error(a, EIO, "the compressed data is damaged");
		return -1;
	}
	*buf = in->dec_block;
	return r;
}

static la_ssize_t
raw_cb(struct archive *a, void *data, const void **buf)
{
	struct input *in = data;
	ssize_t r = read_raw(in, in->raw_block, BLOCK_SIZE);

	if (r < 0) {
		archive_set_error(a, errno, "%s", strerror(errno));
		return -1;
	}
	*buf = in->raw_block;
	return r;
}

static enum decoder
detect_decoder(const unsigned char *p, size_t n)
{
	static const unsigned char gz[] = { 0x1f, 0x8b };
	static const unsigned char xz[] = { 0xfd, '7', 'z', 'X', 'Z', 0 };
	static const unsigned char zst[] = { 0x28, 0xb5, 0x2f, 0xfd };

	if (n >= 2 && memcmp(p, gz, 2) == 0)
		return DEC_ZLIB;
	if ((n >= 3 && memcmp(p, "BZh", 3) == 0) ||
	    (n >= 6 && memcmp(p, xz, 6) == 0) ||
	    (n >= 4 && memcmp(p, zst, 4) == 0))
		return DEC_LIBARCHIVE;
	return DEC_NONE;
}

static int
is_zip(const unsigned char *p, size_t n)
{
	/* A local file header, or the end record of an empty zip. */
	return n >= 4 && (memcmp(p, "PK\003\004", 4) == 0 ||
	    memcmp(p, "PK\005\006", 4) == 0);
}

/*
 * Start the decoder.  bzip2, xz and zstd go through libarchive's filters
 * with its "raw" format, enabled only here, where the magic bytes
 * already proved the input compressed, so that a damaged archive is
 * never read as if it were CSV text.
 */
static int
start_decoder(struct input *in)
{
	struct archive_entry *entry;

	if (in->dec == DEC_ZLIB) {
		if (inflateInit2(&in->z, 15 + 16) != Z_OK)
			diag_die(EXIT_DATA, "out of memory");
		in->z_open = 1;
		return 0;
	}
	if (in->dec != DEC_LIBARCHIVE)
		return 0;
	in->dec_ar = archive_read_new();
	archive_read_support_filter_all(in->dec_ar);
	archive_read_support_format_raw(in->dec_ar);
	if (archive_read_open(in->dec_ar, in, NULL, raw_cb, NULL) != ARCHIVE_OK ||
	    archive_read_next_header(in->dec_ar, &entry) != ARCHIVE_OK) {
		INPUT_WARN(in, "%s: cannot read compressed input: %s",
		    in->display, archive_error_string(in->dec_ar));
		in->failed = 1;
		return -1;
	}
	return 0;
}

/* Read the first decoded bytes, to tell a tar archive from CSV text. */
static void
peek_decoded(struct input *in)
{
	ssize_t r;

	while (in->dpeek_len < PEEK_SIZE) {
		r = read_decoder(in, in->dpeek + in->dpeek_len,
		    PEEK_SIZE - in->dpeek_len);
		if (r <= 0)
			break;	/* an error stays in dec_state */
		in->dpeek_len += (size_t)r;
	}
	in->dpeek_pos = 0;
}

static int
start_archive(struct input *in)
{
	in->ar = archive_read_new();
	if (in->con == CON_ZIP) {
		archive_read_support_format_zip(in->ar);
		if (archive_read_open(in->ar, in, NULL, raw_cb, NULL) ==
		    ARCHIVE_OK)
			return 0;
	} else {
		archive_read_support_format_tar(in->ar);
		if (archive_read_open(in->ar, in, NULL, decoded_cb, NULL) ==
		    ARCHIVE_OK)
			return 0;
	}
	INPUT_WARN(in, "%s: cannot read archive: %s", in->display,
	    archive_error_string(in->ar));
	in->failed = 1;
	return -1;
}

static struct input *
input_new(const char *path, const char *display, int fd, int quiet)
{
	struct input *in = xcalloc(1, sizeof(*in));

	in->quiet = quiet;
	in->path = xstrdup(path);
	in->display = xstrdup(display);
	in->fd = fd;
	in->raw_block = xmalloc(BLOCK_SIZE);
	in->dec_block = xmalloc(BLOCK_SIZE);
	in->fbuf = xmalloc(BLOCK_SIZE);
	in->mbuf = xmalloc(MEMBER_CHUNK);
	return in;
}

/* Detect what the input holds and get ready for its first member. */
static struct input *
input_start(struct input *in)
{
	ssize_t r;

	/* Fill the peek buffer (a pipe may deliver it in pieces). */
	while (in->peek_len < PEEK_SIZE) {
		r = read_fd(in, in->peek + in->peek_len,
		    PEEK_SIZE - in->peek_len);
		if (r < 0) {
			INPUT_WARN(in, "%s: %s", in->display, strerror(errno));
			input_close(in);
			return NULL;
		}
		if (r == 0)
			break;
		in->peek_len += (size_t)r;
	}
	if (is_zip(in->peek, in->peek_len)) {
		in->con = CON_ZIP;
	} else {
		in->dec = detect_decoder(in->peek, in->peek_len);
		if (start_decoder(in) < 0) {
			input_close(in);
			return NULL;
		}
		peek_decoded(in);
		in->con = in->dpeek_len >= 262 &&
		    memcmp(in->dpeek + 257, "ustar", 5) == 0 ? CON_TAR :
		    CON_PLAIN;
	}
	if (in->con != CON_PLAIN && start_archive(in) < 0) {
		input_close(in);
		return NULL;
	}
	return in;
}

static struct input *
open_path(const char *path, int quiet)
{
	int stdin_path = strcmp(path, "-") == 0;
	int fd = stdin_path ? STDIN_FILENO : open(path, O_RDONLY);
	struct input *in;

	if (fd < 0) {
		if (!quiet)
			diag_warn("%s: %s", path, strerror(errno));
		return NULL;
	}
	in = input_new(path, stdin_path ? "<stdin>" : path, fd, quiet);
	in->owns_fd = !stdin_path;
	return input_start(in);
}

struct input *
input_open(const char *path)
{
	return open_path(path, 0);
}

struct input *
input_open_quiet(const char *path)
{
	return open_path(path, 1);
}

struct input *
input_open_fd(int fd, off_t start, const char *name, int quiet)
{
	struct input *in = input_new(name, name, fd, quiet);

	in->positional = 1;
	in->pos = start;
	return input_start(in);
}

int
input_is_archive(const struct input *in)
{
	return in->con != CON_PLAIN;
}

static int
is_csv_name(const char *name)
{
	size_t n = strlen(name);

	return n >= 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

/*
 * After a tar archive's end: read the decoder to its end, so that a
 * damaged compressed trailer (a CRC that does not match) is reported.
 */
static int
drain_decoder(struct input *in)
{
	ssize_t r;

	if (in->con != CON_TAR || in->dec == DEC_NONE)
		return 0;
	while ((r = read_decoded(in, in->dec_block, BLOCK_SIZE)) > 0)
		;
	return r < 0 ? -1 : 0;
}

/* The next regular .csv member of an archive: 1, 0 at the end, -1. */
static int
next_archive_member(struct input *in)
{
	struct archive_entry *entry;
	const char *member;
	int r;

	for (;;) {
		r = archive_read_next_header(in->ar, &entry);
		if (r == ARCHIVE_EOF)
			return drain_decoder(in);
		if (r < ARCHIVE_WARN) {
			/* Said once: a member's damage is the archive's too. */
			if (!in->failed)
				INPUT_WARN(in, "%s: damaged archive: %s",
				    in->display, archive_error_string(in->ar));
			in->failed = 1;
			in->archive_over = 1;
			return -1;
		}
		if (r == ARCHIVE_RETRY) {
			/* A damaged header: libarchive skips to the next. */
			INPUT_WARN(in, "%s: damaged archive: %s", in->display,
			    archive_error_string(in->ar));
			in->failed = 1;
			continue;
		}
		if (r == ARCHIVE_WARN) {
			/* The member is there, but something was wrong. */
			INPUT_WARN(in, "%s: damaged archive: %s", in->display,
			    archive_error_string(in->ar));
			in->failed = 1;
		}
		if (archive_entry_filetype(entry) != AE_IFREG)
			continue;
		member = archive_entry_pathname_utf8(entry);
		if (member == NULL)
			member = archive_entry_pathname(entry);
		if (member == NULL) {
			/* Never skipped in silence: a data error. */
			INPUT_WARN(in, "%s: member %d: its name cannot be read; "
			    "member skipped", in->display, in->members + 1);
			in->failed = 1;
			continue;
		}
		if (!is_csv_name(member)) {
			INPUT_WARN(in, "%s: skipping member '%s': not a .csv "
			    "file", in->display, member);
			continue;
		}
		in->members++;
		in->name = xmalloc(strlen(in->display) + strlen(member) + 2);
		sprintf(in->name, "%s!%s", in->display, member);
		in->member_done = 0;
		in->mlen = in->mpos = 0;
		return 1;
	}
}

int
input_next(struct input *in)
{
	free(in->name);
	in->name = NULL;
	digest_init(&in->dg);
	if (in->con == CON_PLAIN) {
		if (in->members++ > 0)
			return 0;
		in->name = xstrdup(in->display);
		return 1;
	}
	if (in->archive_over)
		return -1;
	return next_archive_member(in);
}

const char *
input_name(const struct input *in)
{
	return in->name ? in->name : in->display;
}

static ssize_t
read_member(struct input *in, void *buf, size_t n)
{
	la_ssize_t r;

	if (in->con == CON_PLAIN)
		return read_decoded(in, buf, n);
	if (in->mlen > in->mpos)
		return (ssize_t)take_chunk(buf, n, in->mbuf, in->mlen, &in->mpos);
	if (in->member_done)
		return 0;
	/*
	 * libarchive fails a whole request that meets damage (a truncated
	 * deflate stream, a bad CRC), handing over nothing of it.  So it is
	 * asked for MEMBER_CHUNK bytes at a time, whatever the caller asks
	 * for: what a member hands out before its damage (every chunk before
	 * the failing one) never depends on how it is read.
	 */
	r = archive_read_data(in->ar, in->mbuf, MEMBER_CHUNK);
	if (r > 0) {
		in->mlen = (size_t)r;
		in->mpos = 0;
		return read_member(in, buf, n);
	}
	if (r < 0) {
		if (in->dec_state != -1)	/* else the decoder said so */
			INPUT_WARN(in, "%s: damaged or truncated input: %s",
			    input_name(in), archive_error_string(in->ar));
		in->failed = 1;
		in->member_done = 1;
		return -1;
	}
	if (r == 0)
		in->member_done = 1;
	return r;
}

ssize_t
input_read(struct input *in, void *buf, size_t n)
{
	ssize_t r = read_member(in, buf, n);

	if (r > 0 && in->digesting)
		digest_update(&in->dg, buf, (size_t)r);
	return r;
}

void
input_digest(struct input *in)
{
	in->digesting = 1;
}

void
input_member_digest(const struct input *in, uint64_t *hash, uint64_t *len)
{
	*hash = digest_final(&in->dg);
	*len = in->dg.total;
}

int
input_failed(const struct input *in)
{
	return in->failed;
}

void
input_close(struct input *in)
{
	if (in == NULL)
		return;
	if (in->ar != NULL)
		archive_read_free(in->ar);
	if (in->dec_ar != NULL)
		archive_read_free(in->dec_ar);
	if (in->z_open)
		inflateEnd(&in->z);
	if (in->owns_fd)
		close(in->fd);
	free(in->raw_block);
	free(in->dec_block);
	free(in->fbuf);
	free(in->mbuf);
	free(in->name);
	free(in->display);
	free(in->path);
	free(in);
}

const char *
input_library_version(void)
{
	return archive_version_string();
}
