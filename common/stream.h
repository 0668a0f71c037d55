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
 * Reading.  A record that holds no '"' is one physical line and is split
 * on ',' directly (memchr); every record that holds a quote is handed to
 * libcsv, which decides where it ends (quoted fields may span lines) and
 * what its fields are.  tests/unit/test_stream.c proves both paths give
 * the same fields.  libcsv runs in strict mode with trimming off and only
 * LF as a record terminator; a CR is dropped only where it ends a record.
 *
 * Records that cannot be used (a field count different from the header's,
 * malformed quoting, a NUL byte, a blank line, a record cut short by a
 * damaged input) are rejected through rejects.h and counted; the reader
 * then moves on to the next record.
 */

struct field {
	const char	*ptr;
	size_t		 len;
};

struct record {
	const char	*raw;		/* the record's bytes, line end removed */
	size_t		 raw_len;
	size_t		 nfields;
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
 * Send every record through libcsv, even those without a quote; with exact
 * set, only through the exact parser (see stream.c).  Only the
 * differential test (tools/csvparse --libcsv, --libcsv-exact) uses this:
 * it proves that the memchr path and libcsv agree on every record.
 */
void			 rec_reader_libcsv_only(struct rec_reader *r,
			    int exact);

/* 1 when the input turned out damaged or truncated. */
int			 rec_reader_failed(const struct rec_reader *r);

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
