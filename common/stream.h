#ifndef CRIMEPIPE_STREAM_H
#define CRIMEPIPE_STREAM_H

#include <stddef.h>

#include "input.h"
#include "outbuf.h"

/*
 * The record stream (docs/stream.md): RFC 4180 CSV, one header line, '\n'
 * line ends (CRLF accepted on input), fields quoted only when they must
 * be.  This file is the only code that calls libcsv.
 *
 * Reading.  A splitter finds '"', ',' and '\n' 64 bytes at a time (SSE2,
 * or a portable scalar path) and splits every record it can prove regular
 * (docs/stream.md lists the conditions), decoding regular quoted fields
 * itself.  Anything else goes where it went before the splitter: a line
 * without a quote to a memchr split, every other record to libcsv, which
 * judges where it ends and what its fields are (strict mode, trimming
 * off, only LF ends a record; a CR is dropped only where it ends a
 * record).  tests/unit/differential.sh proves the paths give the same
 * fields and rejects.
 *
 * Records that cannot be used (a field count different from the header's,
 * malformed quoting, a NUL byte, a blank line, a record cut short by a
 * damaged input, a record longer than the --max-record limit) are
 * rejected through rejects.h and counted; the reader then moves on to the
 * next record.  Memory stays bounded by the limit: an over-long record is
 * skipped, never held.
 */

struct field {
	const char	*ptr;
	size_t		 len;
};

struct record {
	const char	*raw;		/* the record's bytes, line end removed */
	size_t		 raw_len;
	size_t		 nfields;	/* fields counted (= the header's) */
	size_t		 fields_split;	/* 0: value, rawf hold every field;
					   else only the first fields_split
					   (rec_reader_fields) */
	struct field	*value;		/* each field's decoded value */
	struct field	*rawf;		/* each field's raw bytes, quotes kept */
	unsigned long	 line;		/* physical line where it starts (1 = header) */
	const char	*source;	/* display name of the input member */
};

struct rec_reader;

/*
 * Start reading the current member of in: strips a UTF-8 BOM and reads
 * the header.  Returns NULL after a message when the member is empty or
 * its header is unusable.  The reader does not own in.
 */
struct rec_reader	*rec_reader_open(struct input *in);

/*
 * The same, for a first look at a header only: nothing is printed or
 * counted (a later rec_reader_open of the same member reports problems).
 */
struct rec_reader	*rec_reader_open_quiet(struct input *in);

/* The header record: its fields are the column names. */
const struct record	*rec_reader_header(const struct rec_reader *r);

/* Index of the column called name, or -1. */
long			 rec_reader_column(const struct rec_reader *r,
			    const char *name);

/*
 * The next usable record, or NULL at the end of the member.  The record
 * and everything it points to belong to the reader and stay valid until
 * the next call.  Every record read is counted in rejects_counts.read.
 */
struct record		*rec_reader_next(struct rec_reader *r);

/*
 * Split only the first k fields of each record from now on (0: all).  The
 * record is still counted and checked whole (field count, quoting) and
 * rejected exactly as before; its raw bytes are there for pass-through.
 * A writer must not rewrite a field past k (rec_write_added asserts it).
 */
void			 rec_reader_fields(struct rec_reader *r, size_t k);

/*
 * How records are split, for the differential test and the fuzz target
 * (tools/csvparse --scalar, --libcsv, --libcsv-exact): the splitter with
 * SSE2 masks where the build has SSE2 (else scalar), the splitter with
 * masks computed byte by byte, every record through libcsv (built-in
 * tests, checked, else the exact configuration), or every record through
 * libcsv's exact configuration.  rec_reader_default_path() applies to the
 * readers opened after it, headers included.
 */
enum rec_path {
	REC_PATH_DEFAULT,
	REC_PATH_SCALAR,
	REC_PATH_LIBCSV,
	REC_PATH_LIBCSV_EXACT
};
void			 rec_reader_default_path(enum rec_path path);

/*
 * The same as REC_PATH_LIBCSV (exact 0) or REC_PATH_LIBCSV_EXACT (exact
 * 1) for one reader already open (its header was read the default way).
 */
void			 rec_reader_libcsv_only(struct rec_reader *r,
			    int exact);

/*
 * The longest record kept, in bytes without its line end, for the readers
 * opened after the call (--max-record; default 64 MiB).  A longer record
 * is rejected, its first bytes kept in the reject row.
 */
void			 rec_reader_default_max_record(size_t n);

/* 1 when the input turned out damaged or truncated. */
int			 rec_reader_failed(const struct rec_reader *r);

/*
 * The bytes already read but not yet parsed, after the record last
 * returned (none before the first): the next records' raw text as far
 * as the buffer reaches, cut anywhere.  Only for hints, such as loading
 * the table slots the next records will want; valid until the next call
 * of rec_reader_next().
 */
const char		*rec_reader_ahead(const struct rec_reader *r,
			    size_t *len);

void			 rec_reader_close(struct rec_reader *r);

/*
 * 1 when no field of rec needs quoting on output: the record held no quote
 * (so no field holds ',', '"' or LF) and no CR.  Lets a writer copy values
 * without scanning them again.
 */
int			 rec_fields_plain(const struct record *rec);

/* 1 when field f of rec equals the NUL-terminated string s. */
int			 field_is(const struct field *f, const char *s);

/*
 * Writing.  A stage writes each record as its raw bytes (untouched fields
 * keep their exact bytes) followed by the fields it adds, so passing a
 * column through costs one memcpy.  rec_write_replacing() swaps the raw
 * bytes of one field for a new value.
 */
void	rec_write_raw(struct outbuf *o, const struct record *rec);
void	rec_write_replacing(struct outbuf *o, const struct record *rec,
	    size_t col, const char *value, size_t len);
/* ",value" with quoting as needed: appends one field. */
void	rec_append(struct outbuf *o, const char *value, size_t len);
void	rec_append_str(struct outbuf *o, const char *value);
/* The header line of rec followed by the added column names. */
void	rec_write_header(struct outbuf *o, const struct record *header,
	    const char *const *added, size_t nadded);

/*
 * The columns a stage adds (DEFINITIONS.md 2.1: at the end of the record).
 * When the input already has a column of that name (the stage is run
 * again on its own output), the value replaces that column in place
 * instead, so re-running a stage never duplicates its columns.
 */
struct added_columns {
	size_t		 n;
	const char *const *names;
	long		*existing;	/* per added column: its index, or -1 */
	size_t		 nexisting;
};

void	added_columns_init(struct added_columns *ac,
	    const struct record *header, const char *const *names, size_t n);
void	added_columns_release(struct added_columns *ac);
/* The header line with the added columns. */
void	added_columns_write_header(struct outbuf *o,
	    const struct added_columns *ac, const struct record *header);
/* A field of a record rewritten in place (rec_write_added). */
struct replacement {
	long		 col;
	struct field	 value;
};

/*
 * Write rec with the added values (values[i] for names[i]) and a newline,
 * and the nrep fields of rep rewritten in place (rep may be NULL when nrep
 * is 0).  Untouched fields keep their raw bytes.
 */
void	rec_write_added(struct outbuf *o, const struct record *rec,
	    const struct added_columns *ac, const struct field *values,
	    const struct replacement *rep, size_t nrep);

/* libcsv's version, for --version. */
const char	*stream_library_version(void);

#endif
