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

/* What ingest-crime remembers of each crime (DEFINITIONS.md 1.3, 2.1). */
struct crime_info {
	uint64_t	district_hash;
	uint64_t	victim_hash;	/* the first row's victim_id */
	int32_t		recorded_day;	/* days since 1970-01-01 */
	uint32_t	line;		/* the first row's line */
	uint32_t	source;		/* index into ingest.member_names */
	int16_t		offence;	/* row of the offence table */
};

/* One member's columns in pass 2, found from its header. */
struct member {
	enum extract_kind kind;
	long		 col[(int)NFORCE > (int)NPOLICE ? (int)NFORCE :
			     (int)NPOLICE];
	long		*extra_col;	/* per output extra: its column or -1 */
	uint32_t	 id;		/* index into ingest.member_names */
};

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

	struct keymap	*crimes;	/* force index + crime id */
	struct crime_info *info;
	size_t		 info_cap;
	struct keymap	*victims;	/* crime index + victim id, 2nd rows on */
	struct keymap	*forces;	/* force names, for the crime keys */
	struct keymap	*member_names;	/* for messages naming a first row */
	char		*key;		/* the current record's crime key */
	size_t		 key_cap, key_len;
	uint64_t	 key_hash;
	char		*last_force;	/* the force of the previous key */
	size_t		 last_force_len;
	uint16_t	 last_force_index;
	char		*where;		/* the current record's source:line */
	size_t		 where_cap;

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

/* forces.c: print the forces the inputs name; the exit status. */
int	list_forces(struct ingest *ing);

#endif
