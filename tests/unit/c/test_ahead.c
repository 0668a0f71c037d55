/*
 * common/stream.c rec_reader_ahead(): after each record, the bytes it
 * gives are the input from the start of the next line on (ingest-crime
 * reads the next records' ids there to load their slots early), and none
 * after the last record.  The records include a quoted field holding a
 * comma, one holding doubled quotes, one spanning two lines and ending
 * in CRLF, a blank line (rejected) and a last line with no line end, so
 * the reader's plain, quoted and multi-line paths are all crossed.  The
 * offsets were counted by hand (and checked with Python's str.index).
 */
#include "unit.h"

#include <unistd.h>

#include "../../../common/input.h"
#include "../../../common/rejects.h"
#include "../../../common/stream.h"

static const char text[] =
	"a,b\n"				/* 0: the header, 4 bytes */
	"1,x\n"				/* 4: 4 bytes */
	"2,\"y,z\"\n"			/* 8: 8 bytes */
	"3,\"say \"\"hi\"\"\"\n"	/* 16: 15 bytes */
	"4,\"two\nlines\"\r\n"		/* 31: 15 bytes */
	"\n"				/* 46: blank, rejected */
	"5,last";			/* 47: 6 bytes, to 53 */

/*
 * Where the line after each returned record starts: after record 4 it is
 * the blank line, not yet read; after the last, the end.
 */
static const size_t next_start[] = { 8, 16, 31, 46, 53 };

int
main(void)
{
	char path[] = "/tmp/test_ahead.XXXXXX";
	struct rec_reader *r;
	struct input *in;
	const char *ahead;
	size_t i = 0, len, want;
	int fd;

	CHECK(sizeof(text) - 1 == 53, "the text is %zu bytes", sizeof(text) - 1);
	if ((fd = mkstemp(path)) < 0 ||
	    write(fd, text, sizeof(text) - 1) != (ssize_t)(sizeof(text) - 1))
		abort();
	close(fd);
	rejects_open("/dev/null");
	if ((in = input_open(path)) == NULL || input_next(in) != 1 ||
	    (r = rec_reader_open(in)) == NULL)
		abort();
	while (rec_reader_next(r) != NULL) {
		CHECK(i < NELEM(next_start), "record %zu: one too many", i);
		if (i >= NELEM(next_start))
			break;
		ahead = rec_reader_ahead(r, &len);
		want = sizeof(text) - 1 - next_start[i];
		/* A file this small is read whole at the first fill. */
		CHECK(len == want, "record %zu: %zu bytes ahead, want %zu", i,
		    len, want);
		CHECK(memcmp(ahead, text + next_start[i], len < want ? len :
		    want) == 0, "record %zu: ahead is '%.*s'", i, (int)len,
		    ahead);
		i++;
	}
	CHECK(i == NELEM(next_start), "%zu records, want %zu", i,
	    NELEM(next_start));
	rec_reader_close(r);
	input_close(in);
	(void)rejects_finish(0, NULL);
	unlink(path);
	return unit_done("test_ahead");
}
