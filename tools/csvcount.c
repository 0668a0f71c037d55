/*
 * csvcount: the bare libcsv parse that the benchmarks compare against:
 * read a file in 1 MiB blocks, hand every byte to csv_parse with no-op
 * callbacks that count fields and records, print the counts.  This is the
 * speed floor the brief sets every stage against.  Usage: csvcount file
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static unsigned long long fields, records;

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	(void)data;
	fields++;
}

static void
on_record(int c, void *data)
{
	(void)c;
	(void)data;
	records++;
}

int
main(int argc, char *argv[])
{
	static char buf[1 << 20];
	struct csv_parser p;
	ssize_t n;
	int fd;

	if (argc != 2 || (fd = open(argv[1], O_RDONLY)) < 0) {
		fprintf(stderr, "usage: csvcount file\n");
		return 2;
	}
	if (csv_init(&p, 0) != 0)
		return 1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (csv_parse(&p, buf, (size_t)n, on_field, on_record, NULL) !=
		    (size_t)n)
			return 1;
	csv_fini(&p, on_field, on_record, NULL);
	csv_free(&p);
	printf("%llu records, %llu fields\n", records, fields);
	return 0;
}
