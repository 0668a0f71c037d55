#ifndef CRIMEPIPE_MEMBERS_H
#define CRIMEPIPE_MEMBERS_H

#include <stddef.h>

#include "stream.h"

/*
 * The loop every filter shares: open an input, read each of its members
 * (input.h) with a record reader, let the filter look at the member's
 * header, then hand it every record.
 */
struct member_reader {
	/*
	 * Called with each member's reader before its records: return 0 to
	 * read the member, -1 (after a message) to skip it.
	 */
	int	(*header)(void *ctx, struct rec_reader *r, const char *name);
	void	(*record)(void *ctx, struct record *rec);
	void	*ctx;
};

/*
 * Read every member of path ("-" is standard input).  Returns 0, or -1
 * when the input, a member or a header could not be used (the messages
 * are printed); the records of the good members are read either way.
 */
int	read_members(const struct member_reader *mr, const char *path);

/*
 * A stream made of several inputs has one header: the first member's.
 * first_header_check() keeps the first header it is given and returns 1;
 * afterwards it returns 0 for an equal header, and -1 after the message
 * "name:1: header differs from that of <first>; input skipped".
 */
struct first_header {
	char	**names;
	size_t	  n;
	char	 *source;	/* the member that gave the first header */
};

int	first_header_check(struct first_header *fh, const struct record *h,
	    const char *name);
void	first_header_release(struct first_header *fh);

#endif
