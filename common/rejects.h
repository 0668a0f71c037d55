#ifndef CRIMEPIPE_REJECTS_H
#define CRIMEPIPE_REJECTS_H

#include <stddef.h>

struct record;

/*
 * Rejected records and the read = written + rejected accounting.
 *
 * With -r/--rejects FILE, each reject is appended to FILE as a CSV row
 * reject_stage,reject_reason,source,record
 * (record = the raw text of the record, without its line end; at most
 * REJECT_RECORD_MAX bytes of it, the reason then saying so), under a
 * header written when the file is empty.  Rows are appended whole under
 * an flock(2), so every stage of a pipeline may share one rejects file; a
 * row that cannot be written whole (a full disk) is removed again and the
 * run stops with status 1, the good records written so far flushed.
 * Without -r,
 * each reject is a diagnostic "prog: file:line: reason" on stderr and the
 * run's exit status becomes 1.
 *
 * The counters are per process: read counts every record a stage took in
 * (rejected ones included), written every record it wrote.
 */
enum { REJECT_RECORD_MAX = 1 << 20 };

struct rejects_counts {
	unsigned long long	read, written, rejected, warnings;
};

extern struct rejects_counts rejects_counts;

/* Open the rejects file (NULL: report on stderr).  Exits 1 on failure. */
void	rejects_open(const char *path);

/*
 * Reject one record.  source/line name where it came from (line 0: none),
 * field names the offending column (NULL for the whole record), reason is
 * printf-style.  raw/rawlen is the record's text, written verbatim.
 */
void	reject(const char *source, unsigned long line, const char *field,
	    const char *raw, size_t rawlen, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/*
 * Reject a record of the stream (a stage after ingest-crime), naming where
 * it came from: the value of its source column (the raw extract's
 * file:line, DEFINITIONS.md 2.1) when source_col >= 0 and the value is
 * not empty, with its place in the stream added to the reason, "(stream
 * <stdin>:4)"; else its place in the stream, as reject() does.
 */
void	reject_record(const struct record *rec, long source_col,
	    const char *field, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* The same for a warning about a stream record that is kept. */
void	warn_record(const struct record *rec, long source_col,
	    const char *field, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* A warning about a record that is kept (counted, never affects status). */
void	record_warn(const char *source, unsigned long line, const char *field,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Finish: close the rejects file, print the --stats line
 * "prog: read N, written N, rejected N" (followed by ", extra" when extra
 * is not NULL) if stats is set, and a one-line pointer to the rejects file
 * when records went there.  Returns the exit status that the rejects imply:
 * EXIT_DATA when records were rejected with no rejects file, else EXIT_OK.
 */
int	rejects_finish(int stats, const char *extra);

#endif
