#ifndef CRIMEPIPE_INGEST_H
#define CRIMEPIPE_INGEST_H

/*
 * ingest-crime, split by what it does:
 *   main.c     options, the two passes, the end-of-run report
 *   sources.c  the input operands: spooling what cannot be read twice,
 *              pass 1 (every member's header, kind and content digest),
 *              the same content read once and superseded police.uk
 *              months (DEFINITIONS.md 3.0), the output's extra columns
 *   members.c  pass 2: each member's columns and records, checked
 *              against what pass 1 saw
 *   records.c  one raw record -> one normalised record (DEFINITIONS.md
 *              1.1-1.3, 2.1, 2.2)
 *   forces.c   --list-forces
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../../common/extract.h"
#include "../../common/keymap.h"
#include "../../common/outbuf.h"
#include "../../common/stream.h"
#include "../../common/table.h"

/* Columns of the reference tables ingest-crime loads. */
enum { OFF_CODE, OFF_GROUP, OFF_GROUP_NOT_DWELLING, OFF_CATEGORY };
enum { CAT_TYPE, CAT_GROUP };
enum { LSOA_CODE, LSOA_DISTRICT };

/* One input operand. */
struct source {
	const char	*arg;		/* as given: a path, or "-" */
	const char	*name;		/* in messages: the path or "<stdin>" */
	int		 fd;		/* a spooled copy, or -1: open arg */
	off_t		 start;		/* where fd's bytes start */
	int		 prepared;	/* spooled if it had to be */
};

/* Why pass 2 leaves a member out. */
enum member_skip { SKIP_NONE, SKIP_DUPLICATE, SKIP_SUPERSEDED,
	SKIP_OUTCOMES, SKIP_NOT_CRIMES };

/* What pass 1 learnt of one member of a source. */
struct member_plan {
	char		*name;		/* display name, e.g. "a.zip!b.csv" */
	size_t		 source;	/* index into ingest.sources */
	int		 usable;	/* it had a readable header */
	enum extract_kind kind;
	int		 complete;	/* a force extract with every column */
	char		**names;	/* its header, mapped (--map) */
	size_t		 nnames;
	int		 digested;	/* digest and length are known */
	uint64_t	 digest, length;
	char		*police_key;	/* "kind force month" of a police.uk
					   file's first record, or NULL */
	enum member_skip skip;
	size_t		 other;		/* the member it repeats, or that
					   supersedes it */
};

/* One member's columns in pass 2, found from its header. */
struct member {
	enum extract_kind kind;
	long		 col[(int)NFORCE > (int)NPOLICE ? (int)NFORCE :
			     (int)NPOLICE];
	long		*extra_col;	/* per output extra: its column or -1 */
	uint32_t	 id;		/* index into ingest.member_names */
	const struct rec_reader *reader;	/* its reader, to look ahead */
};

/* The crimes seen and what is kept of each (records.c). */
struct crimes;

/* A source column that passes through, and its name in the output. */
struct extra {
	char		*source_name;	/* as in the source's header (mapped) */
	char		*out_name;	/* never a canonical or a taken name */
};

struct ingest {
	struct outbuf	 out;
	const char	*force_option;
	struct column_map map;
	struct table	*offences, *categories, *lsoas;

	struct source	*sources;
	size_t		 nsources;
	struct member_plan *plans;
	size_t		 nplans, plans_cap;
	struct extra	*extras;
	size_t		 nextras;
	int		 kinds[EXTRACT_STREAM + 1];
	int		 digests;	/* members are digested (sources.c) */
	int		 force_without_force_column;

	struct crimes	*crimes;	/* the crimes seen (records.c) */
	struct keymap	*forces;	/* force names, for the crime keys */
	struct keymap	*member_names;	/* for messages naming a first row */
	char		*where;		/* "<source>:" of where_member, then
					   the current record's line */
	size_t		 where_cap, where_len;
	uint32_t	 where_member;	/* member id + 1 of where; 0: none */
	int		 where_plain;	/* the name needs no quotes */

	unsigned long long assumed_dwelling, repeated_ids;
	unsigned long long duplicate_inputs, superseded_inputs, skipped_members;
};

/* sources.c */
void	sources_init(struct ingest *ing, const char *const *args, size_t n);
struct input *source_open(const struct ingest *ing, size_t i, int quiet);
void	sources_scan(struct ingest *ing);
void	sources_release(struct ingest *ing);
/* The index in ing->extras of a source column, or -1. */
long	extra_column_index(const struct ingest *ing, const char *source_name);
const char **mapped_names(const struct ingest *ing,
	    const struct rec_reader *r, size_t *n);
int	is_consumed(enum extract_kind kind, const char *name);
long	find_name(const char *const *names, size_t n, const char *name);

/* members.c: pass 2 over source i; -1 on a data error. */
int	ingest_source(struct ingest *ing, size_t i, size_t *next_plan);

/* records.c */
void	street_record(struct ingest *ing, const struct member *m,
	    const struct record *rec);
void	outcome_record(struct ingest *ing, const struct member *m,
	    const struct record *rec);
void	force_record(struct ingest *ing, const struct member *m,
	    const struct record *rec);
/* The set of crimes: made empty, counted, its bytes (--stats), freed. */
void	crimes_init(struct ingest *ing);
size_t	crimes_count(const struct ingest *ing);
size_t	crimes_bytes(const struct ingest *ing);
void	crimes_release(struct ingest *ing);

/* forces.c: print the forces the inputs name; the exit status. */
int	list_forces(struct ingest *ing);

#endif
