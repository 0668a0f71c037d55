#!/usr/bin/env bash
# rerun.sh: re-run a monthly run from one stage, after a data fix.
#
#   pipelines/rerun.sh --from STAGE [--input STREAM] RUNDIR
#
# STAGE is one of tag-rural, flag-repeat, compute-outcomes (or 2, 3, 4),
# aggregate-district (5) or emit-summary (6).  The stage reads the kept
# stream of the stage before it, RUNDIR/streams/<n>-<stage>.csv.gz, or with
# --input STREAM a corrected copy of that stream (plain or gzip: for
# example the kept stream with a bad record fixed by hand), which then
# replaces the kept one.  Every later stage, the measures, the summaries
# and the manifest are written again, with the options the run was made
# with (RUNDIR/options.env).  To re-run ingest-crime, run monthly.sh again.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

from=
input=
while [ $# -gt 0 ]; do
	case $1 in
	--from) from=$2; shift 2 ;;
	--input) input=$2; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	-*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ $# -eq 1 ] && [ -n "$from" ] || usage_error "usage: rerun.sh --from STAGE [--input STREAM] RUNDIR"
dir=$1
[ -f "$dir/options.env" ] || data_error "$dir: not a run directory (no options.env)"

case $from in
2|tag-rural) n=2 ;;
3|flag-repeat) n=3 ;;
4|compute-outcomes) n=4 ;;
5|aggregate-district) n=5 ;;
6|emit-summary) n=6 ;;
1|ingest-crime) usage_error "to re-run ingest-crime, run monthly.sh again" ;;
*) usage_error "unknown stage '$from'" ;;
esac

prev=$((n - 1))
if [ -n "$input" ]; then
	[ "$n" -le 5 ] || usage_error "--input goes with a record stage or aggregate-district"
	[ -r "$input" ] || data_error "$input: cannot read"
	kept=$dir/streams/$prev-${STAGES[prev - 1]}.csv.gz
	[ "$n" -le 4 ] || kept=$dir/streams/4-compute-outcomes.csv.gz
	# Keep the corrected stream as the stage's input, gzipped like the rest.
	if [ "$(head -c 2 "$input" | od -An -tx1 | tr -d ' ')" = 1f8b ]; then
		cp "$input" "$kept.tmp"
	else
		gzip -n -1 <"$input" >"$kept.tmp"
	fi
	mv "$kept.tmp" "$kept"
	echo "$prog: $kept replaced by $input" >&2
fi
last=$((prev < 4 ? prev : 4))
for ((i = last; i >= 1; i--)); do
	[ -f "$dir/streams/$i-${STAGES[i - 1]}.csv.gz" ] ||
		data_error "$dir: the kept stream of stage $i (${STAGES[i - 1]}) is missing"
done

run_from_stage "$dir" "$n"	# from 5 or 6 the record streams stand
write_manifest "$dir"
echo "$prog: re-ran $dir from stage $n: $dir/summary.html" >&2
