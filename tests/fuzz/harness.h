#ifndef CRIMEPIPE_FUZZ_HARNESS_H
#define CRIMEPIPE_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

/*
 * What the libFuzzer targets under tests/fuzz/ share (see tests/fuzz/run.sh
 * and the README's "Fuzzing").  A target turns the fuzzer's bytes into a
 * file the library can open by path (a memfd, named /proc/self/fd/N), reads
 * it several ways and writes what each way saw into a transcript; two
 * transcripts that differ are a disagreement, reported by fuzz_fail(),
 * which aborts so that libFuzzer keeps the input as a crash.
 *
 * Everything a target allocates for one input is freed before it returns:
 * libFuzzer runs it millions of times in one process, with leak checks.
 */

/*
 * A transcript of what a target read.  Two transcripts are compared by
 * their hash and length; only when they differ is the input read again
 * with text transcripts (text set), to show the difference: one item a
 * line, "tag value", bytes outside printable ASCII (and the backslash)
 * written \xHH.  Also a plain growable buffer (text set, no items).
 */
struct tbuf {
	int		 text;		/* keep the bytes, not only the hash */
	unsigned char	*p;
	size_t		 len, cap;
	uint64_t	 hash;		/* FNV-1a of everything put */
	size_t		 total;		/* bytes put */
};

void	tbuf_put(struct tbuf *t, const void *p, size_t n);
/* One item: its tag, length and bytes (as text: "tag bytes\n"). */
void	tbuf_item(struct tbuf *t, char tag, const void *p, size_t n);
void	tbuf_num(struct tbuf *t, char tag, unsigned long long v);
void	tbuf_release(struct tbuf *t);

/*
 * The libFuzzer entry points the targets define (declared here for
 * -Wmissing-prototypes).
 */
int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Call first, from LLVMFuzzerInitialize: names the program for the
 * library's messages and keeps a descriptor on the real standard error,
 * which -close_fd_mask=2 (tests/fuzz/run.sh) silences for everything else.
 */
void	fuzz_init(const char *prog);

/*
 * A memfd holding data[0..n), with its path "/proc/self/fd/N" in path.
 * Returns the descriptor (the caller closes it).
 */
int	memfile(const void *data, size_t n, char *path, size_t pathsz);
/* An empty memfd, for a rejects file. */
int	memfile_empty(char *path, size_t pathsz);
/* Append the whole contents of fd to t. */
void	memfile_slurp(int fd, struct tbuf *t);

/* 1 when two transcripts are the same (hash and length). */
int	tbuf_same(const struct tbuf *a, const struct tbuf *b);

/*
 * Compare two text transcripts; when they differ, describe where (what
 * and what_b name them) and abort.
 */
void	fuzz_same(const char *what, const struct tbuf *a, const char *what_b,
	    const struct tbuf *b);

/* Print "prog: message" on the real standard error and abort. */
_Noreturn void	fuzz_fail(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));

/* FNV-1a of the input: a deterministic choice per input. */
uint32_t	fuzz_hash(const uint8_t *data, size_t size);

#endif
