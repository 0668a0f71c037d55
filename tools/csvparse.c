/*
 * csvparse: print every record of the named CSV files as the stream reader
 * sees it, one line per record: "source:line<TAB>nfields<TAB>fields", each
 * field in brackets with bytes outside printable ASCII as \xHH.  With
 * --libcsv every record goes through libcsv instead of the memchr path
 * (--libcsv-exact: only through libcsv's exact configuration);
 * tests/unit/differential.sh compares the two dumps (STYLE.md: the fast
 * path must give the same fields as libcsv).  Rejects go to stderr.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../common/diag.h"
#include "../common/input.h"
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

static void
dump_record(struct outbuf *o, const struct record *rec)
{
	char head[64];
	size_t i;

	out_str(o, rec->source ? rec->source : "header");
	snprintf(head, sizeof(head), ":%lu\t%zu\t", rec->line, rec->nfields);
	out_str(o, head);
	for (i = 0; i < rec->nfields; i++)
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
	int i = 1, libcsv = 0, status = EXIT_OK;

	diag_init(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--libcsv") == 0) {
		libcsv = 1;
		i++;
	} else if (argc > 1 && strcmp(argv[1], "--libcsv-exact") == 0) {
		libcsv = 2;
		i++;
	}
	out_init(&o, STDOUT_FILENO, "<stdout>");
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
			if (libcsv)
				rec_reader_libcsv_only(r, libcsv == 2);
			dump_record(&o, rec_reader_header(r));
			while ((rec = rec_reader_next(r)) != NULL)
				dump_record(&o, rec);
			rec_reader_close(r);
		}
		input_close(in);
	}
	out_close(&o);
	return rejects_finish(0, NULL) | status;
}
