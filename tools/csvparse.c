/*
 * csvparse: print every record of the named CSV files as the stream reader
 * sees it, one line per record: "source:line<TAB>nfields<TAB>fields", each
 * field in brackets with bytes outside printable ASCII as \xHH.  Rejects
 * go to stderr.  Options, before the files, choose the reader's path
 * (stream.h): --scalar (the splitter without SSE2), --libcsv (every record
 * through libcsv), --libcsv-exact (only libcsv's exact configuration);
 * tests/unit/differential.sh compares the dumps of all four (STYLE.md: the
 * fast path must give the same fields as libcsv).  --fields K splits only
 * the first K fields (the dump shows those), --max-record N sets the
 * limit in bytes, --count prints only the numbers of records and fields
 * and --pass writes each record's raw text back (the benchmark's "empty
 * stage": a filter that reads and rewrites records and does nothing else).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/diag.h"
#include "../common/input.h"
#include "../common/opts.h"
#include "../common/outbuf.h"
#include "../common/rejects.h"
#include "../common/stream.h"

static void
dump_field(struct outbuf *o, const struct field *f)
{
	char hex[5];
	size_t i;

	out_putc(o, '[');
	for (i = 0; i < f->len; i++) {
		unsigned char c = (unsigned char)f->ptr[i];
		if (c < 0x20 || c >= 0x7f || c == '\\' || c == '[' || c == ']') {
			snprintf(hex, sizeof(hex), "\\x%02x", c);
			out_write(o, hex, 4);
		} else
			out_putc(o, (char)c);
	}
	out_putc(o, ']');
}

/* The record's first k fields (0: all) as one line. */
static void
dump_record(struct outbuf *o, const struct record *rec, size_t k)
{
	size_t n = k > 0 && k < rec->nfields ? k : rec->nfields, i;
	char head[64];

	out_str(o, rec->source ? rec->source : "header");
	snprintf(head, sizeof(head), ":%lu\t%zu\t", rec->line, rec->nfields);
	out_str(o, head);
	for (i = 0; i < n; i++)
		dump_field(o, &rec->value[i]);
	out_putc(o, '\n');
}

int
main(int argc, char *argv[])
{
	struct outbuf o;
	struct input *in;
	struct rec_reader *r;
	struct record *rec;
	unsigned long long nrec = 0, nfield = 0;
	size_t fields = 0;
	int i = 1, count = 0, pass = 0, status = EXIT_OK;
	char line[96];

	diag_init(argv[0]);
	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++)
		if (strcmp(argv[i], "--scalar") == 0)
			rec_reader_default_path(REC_PATH_SCALAR);
		else if (strcmp(argv[i], "--libcsv") == 0)
			rec_reader_default_path(REC_PATH_LIBCSV);
		else if (strcmp(argv[i], "--libcsv-exact") == 0)
			rec_reader_default_path(REC_PATH_LIBCSV_EXACT);
		else if (strcmp(argv[i], "--count") == 0)
			count = 1;
		else if (strcmp(argv[i], "--pass") == 0)
			pass = 1;
		else if (strcmp(argv[i], "--fields") == 0 && i + 1 < argc)
			fields = (size_t)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--max-record") == 0 && i + 1 < argc)
			opts_max_record(argv[++i]);
		else {
			fprintf(stderr, "usage: csvparse [--scalar | --libcsv | "
			    "--libcsv-exact] [--fields k] [--max-record n] "
			    "[--count | --pass] [file ...]\n");
			return EXIT_USAGE;
		}
	out_init(&o, STDOUT_FILENO, "<stdout>");
	if (i == argc)
		argv[--i] = "-";	/* no file: standard input */
	for (; i < argc; i++) {
		if ((in = input_open(argv[i])) == NULL) {
			status = EXIT_DATA;
			continue;
		}
		while (input_next(in) == 1) {
			if ((r = rec_reader_open(in)) == NULL) {
				status = EXIT_DATA;
				continue;
			}
			rec_reader_fields(r, fields);
			if (pass)
				rec_write_header(&o, rec_reader_header(r), NULL,
				    0);
			else if (!count)
				dump_record(&o, rec_reader_header(r), 0);
			while ((rec = rec_reader_next(r)) != NULL) {
				nrec++;
				nfield += rec->nfields;
				if (pass) {
					rec_write_raw(&o, rec);
					out_putc(&o, '\n');
				} else if (!count)
					dump_record(&o, rec, fields);
			}
			rec_reader_close(r);
		}
		input_close(in);
	}
	if (count) {
		snprintf(line, sizeof(line), "%llu records, %llu fields\n",
		    nrec, nfield);
		out_str(&o, line);
	}
	out_close(&o);
	return rejects_finish(0, NULL) | status;
}
