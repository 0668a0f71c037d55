/*
 * fuzz-input: the input opener (common/input.h) on any bytes: plain text,
 * gzip, bzip2, xz, zstd, zip, tar, tar.gz, truncated or corrupted.  It
 * must never crash, hang or leak, and what it hands out must not depend
 * on how it is asked: every input is read member by member twice, once in
 * odd small pieces and once in 1 MiB pieces, and the two transcripts
 * (member names, each member's length and bytes, how it ended, the damage
 * flags) must be the same.  Then the record reader reads every member,
 * first quietly (ingest-crime's first look at the headers) and then for
 * real, and its counts must add up: read = returned + rejected.
 *
 * A few compressed bytes can expand to gigabytes, which is no fault of
 * the opener: an input that decodes to more than DECODED_CAP is read only
 * that far, once, and not compared.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "../../common/input.h"
#include "../../common/rejects.h"
#include "../../common/stream.h"
#include "../../common/xalloc.h"
#include "harness.h"

enum { BIG_PIECE = 1 << 20, DECODED_CAP = 8 << 20 };

/* The small pieces, in turn: sizes around the opener's 512-byte peek. */
static const size_t small_piece[] = {
	1, 2, 3, 7, 16, 61, 511, 512, 513, 4093, 65536, 1 << 20
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init("fuzz-input");
	return 0;
}

/*
 * Read every member of path into t, in small pieces or big ones.  Returns
 * 0 when the input decoded to more than DECODED_CAP.
 */
static int
read_members(const char *path, int small, unsigned char *buf, struct tbuf *t)
{
	struct input *in;
	uint64_t hash;
	size_t total = 0, len, k = 0, want;
	ssize_t got, i;
	int rc;

	if ((in = input_open(path)) == NULL) {
		tbuf_num(t, 'O', 0);
		return 1;
	}
	while ((rc = input_next(in)) == 1) {
		tbuf_item(t, 'M', input_name(in), strlen(input_name(in)));
		hash = 14695981039346656037u;
		len = 0;
		for (;;) {
			want = small ? small_piece[k++ % (sizeof(small_piece) /
			    sizeof(small_piece[0]))] : BIG_PIECE;
			if ((got = input_read(in, buf, want)) <= 0)
				break;
			if ((size_t)got > want)
				fuzz_fail("%s: input_read gave %zd bytes for %zu",
				    input_name(in), got, want);
			for (i = 0; i < got; i++)
				hash = (hash ^ buf[i]) * 1099511628211u;
			len += (size_t)got;
			if ((total += (size_t)got) > DECODED_CAP) {
				input_close(in);
				return 0;
			}
		}
		tbuf_num(t, 'n', len);
		tbuf_num(t, 'h', hash);
		tbuf_num(t, 'E', got < 0);
		/* After the end or the damage, nothing more. */
		tbuf_num(t, 'e', input_read(in, buf, 16) < 0);
	}
	tbuf_num(t, 'X', (unsigned long long)(long long)rc);
	tbuf_num(t, 'f', (unsigned long long)input_failed(in));
	input_close(in);
	return 1;
}

/* ingest-crime's first look: each member's header, quietly. */
static void
look(const char *path)
{
	struct rec_reader *r;
	struct input *in;

	if ((in = input_open_quiet(path)) == NULL)
		return;
	while (input_next(in) == 1)
		if ((r = rec_reader_open_quiet(in)) != NULL) {
			(void)rec_reader_header(r);
			rec_reader_close(r);
		}
	input_close(in);
}

/* Every record of every member, with the accounting checked. */
static void
read_records(const char *path)
{
	struct rec_reader *r;
	struct input *in;
	unsigned long long returned = 0;

	memset(&rejects_counts, 0, sizeof(rejects_counts));
	rejects_open("/dev/null");
	if ((in = input_open(path)) != NULL) {
		while (input_next(in) == 1) {
			if ((r = rec_reader_open(in)) == NULL)
				continue;
			while (rec_reader_next(r) != NULL)
				returned++;
			rec_reader_close(r);
		}
		input_close(in);
	}
	if (rejects_counts.read != returned + rejects_counts.rejected)
		fuzz_fail("read %llu, but %llu returned + %llu rejected",
		    rejects_counts.read, returned, rejects_counts.rejected);
	(void)rejects_finish(0, NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tbuf small = { .text = 1 }, big = { .text = 1 };
	unsigned char *buf;
	char path[64];
	int fd;

	fd = memfile(data, size, path, sizeof(path));
	buf = xmalloc(BIG_PIECE);
	if (read_members(path, 1, buf, &small)) {
		(void)read_members(path, 0, buf, &big);
		fuzz_same("small pieces", &small, "1 MiB pieces", &big);
		look(path);
		read_records(path);
	}
	free(buf);
	tbuf_release(&small);
	tbuf_release(&big);
	close(fd);
	return 0;
}
