#ifndef CRIMEPIPE_MEMBERS_H
#define CRIMEPIPE_MEMBERS_H

#include <stddef.h>

#include "stream.h"

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

/*
 * The loop every filter shares: open an input, read each of its members
 * (input.h) with a record reader, let the filter look at the member's
 * header, then hand it every record.
 */
struct member_reader {
	/*
	 * For a stream of several inputs, which share one header: start()
	 * sees the first usable member's reader and returns 0 to take the
	 * stream's shape from it, or -1 (after a message) to skip that member
	 * (the next one is then tried as the first).  Every later member must
	 * have the same header (first_header_check() on *header), or it is
	 * skipped.
	 */
	int	(*start)(void *ctx, struct rec_reader *r, const char *name);
	/*
	 * Instead of start, for inputs that need not share a header: called
	 * with every member's reader, 0 to read it, 1 to skip it (nothing
	 * wrong), -1 to skip it as unusable (after a message).
	 */
	int	(*each)(void *ctx, struct rec_reader *r, const char *name);
	void	(*record)(void *ctx, struct record *rec);
	/*
	 * Optional: after a member's last record, before its reader closes;
	 * returns 0, or -1 when the member turned out unusable (after a
	 * message).
	 */
	int	(*end)(void *ctx, struct rec_reader *r, const char *name);
	/* Optional: a member whose header cannot be read (after a message). */
	void	(*unreadable)(void *ctx, const char *name);
	void	*ctx;
	struct first_header *header;	/* with start: the stream's header */
};

/*
 * Read every member of path ("-" is standard input).  Returns 0, or -1
 * when the input, a member or a header could not be used (the messages
 * are printed); the records of the good members are read either way.
 */
int	read_members(const struct member_reader *mr, const char *path);
/* The same on an input the caller opened (and closes). */
int	read_input_members(const struct member_reader *mr, struct input *in);

/*
 * A header lacks column: "name:1: field 'column': no such column in the
 * header", and when the line looks like a record instead (it names none
 * of the stream's first columns), a hint that the header was filtered
 * away.  Returns -1, for member_reader's start().
 */
int	header_lacks(const struct rec_reader *r, const char *name,
	    const char *column);

#endif
