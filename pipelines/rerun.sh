#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
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
#
# The re-run works on a copy of the run beside it (the kept streams
# hard-linked) and replaces RUNDIR only when it has succeeded, as
# monthly.sh does (see pipelines/lib.sh): a failed or stopped re-run
# leaves RUNDIR as it was.  The new manifest keeps the inputs of the run's
# ingest-crime and says what the re-run changed:
#   "rerun": {"from_stage": "compute-outcomes", "from_stage_number": 4,
#             "input": {"path": ..., "bytes": ..., "sha256": ...,
#                       "replaces": "streams/3-flag-repeat.csv.gz"} or null,
#             "previous_manifest": "history/1-manifest.json",
#             "previous_manifest_sha256": ...}
# and the manifest it replaces is kept, unchanged, as
# RUNDIR/history/<k>-manifest.json (k = 1 for the first re-run).
#
# Exit status: 0 done, 1 a data error or a signal, 2 a usage error.
set -euo pipefail

prog=rerun.sh
usage='usage: rerun.sh --from STAGE [--input STREAM] RUNDIR'
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

from=
input=
while [ $# -gt 0 ]; do
	case $1 in
	--from|--input) need_value "$1" $# ;;
	esac
	case $1 in
	--from) from=$2; shift 2 ;;
	--input) input=$2; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ -n "$from" ] || usage_error "--from STAGE is needed"
[ $# -eq 1 ] || usage_error "one RUNDIR is needed"
dir=${1%"${1##*[!/]}"}

case $from in
2|tag-rural) n=2 ;;
3|flag-repeat) n=3 ;;
4|compute-outcomes) n=4 ;;
5|aggregate-district) n=5 ;;
6|emit-summary) n=6 ;;
1|ingest-crime) usage_error "to re-run ingest-crime, run monthly.sh again" ;;
*) usage_error "unknown stage '$from'" ;;
esac
stages=("${STAGES[@]}" aggregate-district emit-summary)
prev=$((n - 1))
if [ -n "$input" ]; then
	[ "$n" -le 5 ] || usage_error "--input goes with a record stage or aggregate-district"
	if [ ! -f "$input" ] || [ ! -r "$input" ]; then
		data_error "$input: cannot read"
	fi
fi
[ -f "$dir/options.env" ] || data_error "$dir: not a run directory (no options.env)"

begin_run "$dir"
signal_note="$dir is unchanged"
# The copy: every file, the kept streams as hard links (a stream is only
# ever replaced by a new file, never written in place).
mkdir "$staging/streams"
cp -al -- "$dir/streams/." "$staging/streams/" 2>/dev/null ||
	cp -a -- "$dir/streams/." "$staging/streams/"
for f in "$dir"/*; do
	[ "${f##*/}" = streams ] || cp -a -- "$f" "$staging/"
done

# The manifest this re-run replaces.
mkdir -p "$staging/history"
k=1
while [ -e "$staging/history/$k-manifest.json" ]; do k=$((k + 1)); done
previous=
if [ -f "$staging/manifest.json" ]; then
	previous=history/$k-manifest.json
	mv "$staging/manifest.json" "$staging/$previous"
fi

input_json=null
if [ -n "$input" ]; then
	if [ "$n" -le 4 ]; then
		kept=streams/$prev-${STAGES[prev - 1]}.csv.gz
	else
		kept=streams/4-compute-outcomes.csv.gz
	fi
	input_json=$(json_file "$input" ", \"replaces\": $(json_string "$kept")")
	# Keep the corrected stream as the stage's input, gzipped like the rest.
	if [ "$(head -c 2 "$input" | od -An -tx1 | tr -d ' ')" = 1f8b ]; then
		cp -- "$input" "$staging/$kept.tmp"
	else
		gzip -n -1 <"$input" >"$staging/$kept.tmp"
	fi
	mv "$staging/$kept.tmp" "$staging/$kept"
	echo "$prog: $kept replaced by $input" >&2
fi
last=$((prev < 4 ? prev : 4))
for ((i = last; i >= 1; i--)); do
	[ -f "$staging/streams/$i-${STAGES[i - 1]}.csv.gz" ] ||
		data_error "$dir: the kept stream of stage $i (${STAGES[i - 1]}) is missing"
done

run_from_stage "$staging" "$n"	# from 5 or 6 the record streams stand
rerun=$(printf '{"from_stage": %s, "from_stage_number": %s, "input": %s, "previous_manifest": %s, "previous_manifest_sha256": %s}' \
	"$(json_string "${stages[n - 1]}")" "$n" "$input_json" \
	"$(if [ -n "$previous" ]; then json_string "$previous"; else echo null; fi)" \
	"$(if [ -n "$previous" ]; then printf '"%s"' "$(sha256_of "$staging/$previous")"; else echo null; fi)")
write_manifest "$staging" "$rerun" "${previous:+$staging/$previous}"
install_run "$dir"
echo "$prog: re-ran $dir from stage $n: $dir/summary.html" >&2
