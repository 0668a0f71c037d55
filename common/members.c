#include "members.h"

#include <stdlib.h>

#include "diag.h"
#include "input.h"
#include "xalloc.h"

/* 0 when the member's records are to be read, 1 or -1 when not. */
static int
member_usable(const struct member_reader *mr, struct rec_reader *r,
    const char *name)
{
	const struct record *h = rec_reader_header(r);

	if (mr->start == NULL)
		return mr->each(mr->ctx, r, name);
	if (mr->header->names != NULL)
		return first_header_check(mr->header, h, name) < 0 ? -1 : 0;
	if (mr->start(mr->ctx, r, name) < 0)
		return -1;
	first_header_check(mr->header, h, name);
	return 0;
}

/* One member: its header checked, then its records; 0 or -1. */
static int
read_member(const struct member_reader *mr, struct input *in)
{
	struct rec_reader *r;
	struct record *rec;
	int status = 0, use;

	if ((r = rec_reader_open(in)) == NULL) {
		if (mr->unreadable != NULL)
			mr->unreadable(mr->ctx, input_name(in));
		return -1;
	}
	if ((use = member_usable(mr, r, input_name(in))) != 0) {
		rec_reader_close(r);
		return use < 0 ? -1 : 0;
	}
	while ((rec = rec_reader_next(r)) != NULL)
		mr->record(mr->ctx, rec);
	if (rec_reader_failed(r))
		status = -1;
	if (mr->end != NULL && mr->end(mr->ctx, r, input_name(in)) < 0)
		status = -1;
	rec_reader_close(r);
	return status;
}

int
read_input_members(const struct member_reader *mr, struct input *in)
{
	int status = 0, more;

	while ((more = input_next(in)) == 1)
		if (read_member(mr, in) < 0)
			status = -1;
	if (more < 0 || input_failed(in))
		status = -1;
	return status;
}

int
read_members(const struct member_reader *mr, const char *path)
{
	struct input *in;
	int status;

	if ((in = input_open(path)) == NULL)
		return -1;
	status = read_input_members(mr, in);
	input_close(in);
	return status;
}

int
first_header_check(struct first_header *fh, const struct record *h,
    const char *name)
{
	size_t i;

	if (fh->names == NULL) {
		fh->n = h->nfields;
		fh->names = xmalloc((h->nfields + 1) * sizeof(char *));
		for (i = 0; i < h->nfields; i++)
			fh->names[i] = xstrndup(h->value[i].ptr,
			    h->value[i].len);
		fh->source = xstrdup(name);
		return 1;
	}
	for (i = 0; i < h->nfields && h->nfields == fh->n; i++)
		if (!field_is(&h->value[i], fh->names[i]))
			break;
	if (h->nfields == fh->n && i == fh->n)
		return 0;
	diag_at(name, 1, NULL, "header differs from that of %s; input skipped",
	    fh->source);
	return -1;
}

void
first_header_release(struct first_header *fh)
{
	size_t i;

	for (i = 0; i < fh->n && fh->names != NULL; i++)
		free(fh->names[i]);
	free(fh->names);
	free(fh->source);
	fh->names = NULL;
	fh->source = NULL;
	fh->n = 0;
}

int
header_lacks(const struct rec_reader *r, const char *name,
    const char *column)
{
	static const char *const first[] = { "record_id", "source",
	    "crime_count", "month", NULL };
	const char *const *p;
	int any = 0;

	for (p = first; *p != NULL; p++)
		any |= rec_reader_column(r, *p) >= 0;
	if (any)
		diag_at(name, 1, column, "no such column in the header");
	else
		diag_at(name, 1, column, "no such column in the header: the "
		    "first line looks like a record, not a header (was the "
		    "header filtered away, e.g. by awk or grep?)");
	return -1;
}
