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
#include "xalloc.h"

/*
 * KIND_GZIP is a gzip file that holds no tar archive: read with zlib,
 * which hands over every byte decoded before a truncation or corruption
 * (libarchive's gzip filter fails the whole block), so the records before
 * the damage are kept.
 */
enum input_kind { KIND_PLAIN, KIND_GZIP, KIND_COMPRESSED, KIND_ZIP, KIND_TAR };

enum { PEEK_SIZE = 512, BLOCK_SIZE = 1 << 16 };

struct input {
	char		*path;		/* as given, "-" for stdin */
	char		*name;		/* current member's display name */
	int		 fd;
	enum input_kind	 kind;
	int		 failed;
	int		 members;	/* members handed out so far */
	int		 quiet;		/* a first look: print nothing */
	/* Bytes read to detect the kind, handed out before the fd's. */
	unsigned char	 peek[PEEK_SIZE];
	size_t		 peek_len, peek_pos;
	/* zlib state for KIND_GZIP. */
	z_stream	 z;
	int		 z_open, z_end;
	/* libarchive state for the other compressed kinds and archives. */
	struct archive	*ar;
	unsigned char	*block;
	int		 member_done;
};

/* A message about this input, unless it is only being looked at. */
#define INPUT_WARN(in, ...) \
	do { \
		if (!(in)->quiet) \
			diag_warn(__VA_ARGS__); \
	} while (0)

static const char *
display_path(const struct input *in)
{
	return strcmp(in->path, "-") == 0 ? "<stdin>" : in->path;
}

/* read(2) that retries on EINTR; -1 with errno on failure. */
static ssize_t
read_fd(int fd, void *buf, size_t n)
{
	ssize_t r;

	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

/* Hand out the peeked bytes first, then the file descriptor's. */
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
	return read_fd(in->fd, buf, n);
}

static enum input_kind
detect_kind(const unsigned char *p, size_t n)
{
	static const unsigned char gz[] = { 0x1f, 0x8b };
	static const unsigned char xz[] = { 0xfd, '7', 'z', 'X', 'Z', 0 };
	static const unsigned char zst[] = { 0x28, 0xb5, 0x2f, 0xfd };

	if (n >= 4 && memcmp(p, "PK\003\004", 4) == 0)
		return KIND_ZIP;
	if (n >= 4 && memcmp(p, "PK\005\006", 4) == 0)
		return KIND_ZIP;	/* an empty zip */
	if ((n >= 2 && memcmp(p, gz, 2) == 0) ||
	    (n >= 3 && memcmp(p, "BZh", 3) == 0) ||
	    (n >= 6 && memcmp(p, xz, 6) == 0) ||
	    (n >= 4 && memcmp(p, zst, 4) == 0))
		return KIND_COMPRESSED;
	if (n >= 262 && memcmp(p + 257, "ustar", 5) == 0)
		return KIND_TAR;
	return KIND_PLAIN;
}

/* 1 when the gzip data in p inflates to something with a tar header. */
static int
gzip_holds_tar(const unsigned char *p, size_t n)
{
	unsigned char out[512];
	z_stream z;
	int tar;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return 1;	/* let libarchive decide */
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = sizeof(out);
	(void)inflate(&z, Z_SYNC_FLUSH);
	tar = sizeof(out) - z.avail_out >= 262 &&
	    memcmp(out + 257, "ustar", 5) == 0;
	inflateEnd(&z);
	return tar;
}

static la_ssize_t
archive_read_cb(struct archive *a, void *data, const void **buf)
{
	struct input *in = data;
	ssize_t r = read_raw(in, in->block, BLOCK_SIZE);

	if (r < 0) {
		archive_set_error(a, errno, "%s", strerror(errno));
		return -1;
	}
	*buf = in->block;
	return r;
}

static int
open_archive(struct input *in)
{
	in->ar = archive_read_new();
	in->block = xmalloc(BLOCK_SIZE);
	switch (in->kind) {
	case KIND_ZIP:
		archive_read_support_format_zip(in->ar);
		break;
	case KIND_TAR:
		archive_read_support_format_tar(in->ar);
		break;
	case KIND_COMPRESSED:
		/*
		 * A compressed stream holds either a tar archive or one plain
		 * file ("raw").  Raw is enabled only here, where the magic
		 * bytes already proved the input is compressed, so a damaged
		 * archive is never read as if it were CSV text.
		 */
		archive_read_support_filter_all(in->ar);
		archive_read_support_format_tar(in->ar);
		archive_read_support_format_raw(in->ar);
		break;
	case KIND_PLAIN:
	case KIND_GZIP:
		BUG("open_archive on a plain or gzip file");
	}
	if (archive_read_open(in->ar, in, NULL, archive_read_cb, NULL)
	    != ARCHIVE_OK) {
		INPUT_WARN(in, "%s: cannot read archive: %s", display_path(in),
		    archive_error_string(in->ar));
		in->failed = 1;
		return -1;
	}
	return 0;
}

static struct input *
open_input(const char *path, int quiet)
{
	struct input *in;
	ssize_t r;

	in = xcalloc(1, sizeof(*in));
	in->quiet = quiet;
	in->path = xstrdup(path);
	if (strcmp(path, "-") == 0)
		in->fd = STDIN_FILENO;
	else if ((in->fd = open(path, O_RDONLY)) < 0) {
		INPUT_WARN(in, "%s: %s", path, strerror(errno));
		input_close(in);
		return NULL;
	}
	/* Fill the peek buffer (a pipe may deliver it in pieces). */
	while (in->peek_len < PEEK_SIZE) {
		r = read_fd(in->fd, in->peek + in->peek_len,
		    PEEK_SIZE - in->peek_len);
		if (r < 0) {
			INPUT_WARN(in, "%s: %s", display_path(in), strerror(errno));
			input_close(in);
			return NULL;
		}
		if (r == 0)
			break;
		in->peek_len += (size_t)r;
	}
	in->kind = detect_kind(in->peek, in->peek_len);
	if (in->kind == KIND_COMPRESSED && in->peek[0] == 0x1f &&
	    !gzip_holds_tar(in->peek, in->peek_len)) {
		in->kind = KIND_GZIP;
		if (inflateInit2(&in->z, 15 + 16) != Z_OK)
			diag_die(EXIT_DATA, "out of memory");
		in->z_open = 1;
		in->block = xmalloc(BLOCK_SIZE);
		return in;
	}
	if (in->kind != KIND_PLAIN && open_archive(in) < 0) {
		input_close(in);
		return NULL;
	}
	return in;
}

struct input *
input_open(const char *path)
{
	return open_input(path, 0);
}

struct input *
input_open_quiet(const char *path)
{
	return open_input(path, 1);
}

static int
is_csv_name(const char *name)
{
	size_t n = strlen(name);

	return n >= 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

int
input_next(struct input *in)
{
	struct archive_entry *entry;
	const char *member;
	int r;

	free(in->name);
	in->name = NULL;
	if (in->kind == KIND_PLAIN || in->kind == KIND_GZIP) {
		if (in->members++ > 0)
			return 0;
		in->name = xstrdup(display_path(in));
		return 1;
	}
	if (in->failed)
		return -1;
	for (;;) {
		r = archive_read_next_header(in->ar, &entry);
		if (r == ARCHIVE_EOF)
			return 0;
		if (r < ARCHIVE_WARN) {
			INPUT_WARN(in, "%s: damaged archive: %s", display_path(in),
			    archive_error_string(in->ar));
			in->failed = 1;
			return -1;
		}
		if (archive_format(in->ar) == ARCHIVE_FORMAT_RAW) {
			/* One compressed file: named after the path itself. */
			if (in->members++ > 0)
				return 0;
			in->name = xstrdup(display_path(in));
			in->member_done = 0;
			return 1;
		}
		if (archive_entry_filetype(entry) != AE_IFREG)
			continue;
		member = archive_entry_pathname(entry);
		if (member == NULL || !is_csv_name(member)) {
			INPUT_WARN(in, "%s: skipping member '%s': not a .csv file",
			    display_path(in), member ? member : "?");
			continue;
		}
		in->members++;
		in->name = xmalloc(strlen(display_path(in)) + strlen(member) + 2);
		sprintf(in->name, "%s!%s", display_path(in), member);
		in->member_done = 0;
		return 1;
	}
}

const char *
input_name(const struct input *in)
{
	return in->name ? in->name : display_path(in);
}

/*
 * Inflate gzip data into buf.  Concatenated gzip members are read one
 * after another, as gzip -d does.
 */
static ssize_t
read_gzip(struct input *in, void *buf, size_t n)
{
	ssize_t got;
	int r;

	if (in->z_end)
		return 0;
	in->z.next_out = buf;
	in->z.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
	while (in->z.avail_out > 0) {
		if (in->z.avail_in == 0) {
			got = read_raw(in, in->block, BLOCK_SIZE);
			if (got < 0) {
				INPUT_WARN(in, "%s: read error: %s", input_name(in),
				    strerror(errno));
				in->failed = 1;
				return -1;
			}
			if (got == 0) {
				if ((unsigned char *)buf != in->z.next_out)
					break;	/* hand over what was decoded */
				INPUT_WARN(in, "%s: damaged or truncated input: "
				    "truncated gzip input", input_name(in));
				in->failed = 1;
				in->z_end = 1;
				return -1;
			}
			in->z.next_in = in->block;
			in->z.avail_in = (uInt)got;
		}
		r = inflate(&in->z, Z_NO_FLUSH);
		if (r == Z_STREAM_END) {
			/* Another member may follow. */
			if (in->z.avail_in == 0) {
				got = read_raw(in, in->block, BLOCK_SIZE);
				if (got <= 0) {
					in->z_end = 1;
					break;
				}
				in->z.next_in = in->block;
				in->z.avail_in = (uInt)got;
			}
			inflateReset(&in->z);
			continue;
		}
		if (r != Z_OK && r != Z_BUF_ERROR) {
			if ((unsigned char *)buf != in->z.next_out)
				break;	/* report it on the next call */
			INPUT_WARN(in, "%s: damaged or truncated input: %s",
			    input_name(in), in->z.msg ? in->z.msg :
			    "corrupt gzip data");
			in->failed = 1;
			in->z_end = 1;
			return -1;
		}
	}
	return (ssize_t)((unsigned char *)in->z.next_out - (unsigned char *)buf);
}

ssize_t
input_read(struct input *in, void *buf, size_t n)
{
	la_ssize_t r;
	ssize_t got;

	if (in->kind == KIND_GZIP)
		return read_gzip(in, buf, n);
	if (in->kind == KIND_PLAIN) {
		got = read_raw(in, buf, n);
		if (got < 0) {
			INPUT_WARN(in, "%s: read error: %s", input_name(in),
			    strerror(errno));
			in->failed = 1;
		}
		return got;
	}
	if (in->member_done)
		return 0;
	r = archive_read_data(in->ar, buf, n);
	if (r < 0) {
		INPUT_WARN(in, "%s: damaged or truncated input: %s", input_name(in),
		    archive_error_string(in->ar));
		in->failed = 1;
		in->member_done = 1;
		return -1;
	}
	if (r == 0)
		in->member_done = 1;
	return r;
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
	if (in->z_open)
		inflateEnd(&in->z);
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	free(in->block);
	free(in->name);
	free(in->path);
	free(in);
}

const char *
input_library_version(void)
{
	return archive_version_string();
}
