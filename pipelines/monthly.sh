#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# monthly.sh: the monthly Performance Summary run.
#
#   pipelines/monthly.sh [options] MONTH INPUT...
#
# Runs the six stages over INPUT... (raw extracts: anything ingest-crime
# reads; '-' is standard input) for reporting month MONTH (YYYY-MM, or
# 'latest': the reporting force's latest month in the records) and writes
# the run directory (default out/MONTH):
#   streams/1-ingest-crime.csv.gz ... 4-compute-outcomes.csv.gz
#                        each record stage's output, kept for rerun.sh
#   measures.csv         aggregate-district's long table
#   summary.md summary.html summary.csv summary.json
#                        the report, in every format emit-summary writes
#   rejects/<stage>.csv  each stage's rejected records, with reasons
#   logs/<n>-<stage>.log each stage's stderr, ending with its --stats line
#   options.env inputs.txt
#                        the run's options and inputs, for rerun.sh
#   manifest.json        inputs and outcomes files with sha256, versions,
#                        options, counts, the streams' and outputs' sha256
# It stops at the first stage that fails (set -euo pipefail) and checks
# that every stage accounts for its records: read = written + rejected,
# and each stage read what the stage before it wrote.  On success it
# prints the run directory on standard output.
#
# A run directory is always one complete run.  The run is built in a
# staging directory beside it and replaces the old one only when every
# stage has succeeded: the run directory is a symbolic link to
# .NAME.run.XXXXXX, swapped in one rename (see pipelines/lib.sh).  A run
# that fails, or is stopped by SIGTERM, SIGINT or SIGHUP (its running
# stage is stopped too), leaves the previous run as it was and nothing
# behind, and exits 1; what a SIGKILL leaves (.crimepipe.* entries beside
# the run) the next run removes.  Two runs into one parent directory take
# turns (a lock file, .crimepipe.lock).
#
# Options (before MONTH):
#   --out DIR            the run directory
#   --into DIR           the run directory is DIR/MONTH (default out)
#   --replace            replace an existing run directory (without it,
#                        an existing one is a usage error)
#   --force NAME         the reporting force (default: the one force the
#                        inputs name; with several, --force is needed and
#                        the run stops before its first stage)
#   --outcomes FILE      a data.police.uk outcomes file for compute-outcomes
#                        (repeatable)
#   --definition ons|rct the rural definition for tag-rural (default ons)
#   --baseline N         control-chart baseline months, 1-120 (default 36)
#   --title TEXT         the report's title
#   -h, --help           this text
# Exit status: 0 done, 1 a data error (a stage failed, an input cannot be
# read, a full disk) or a signal, 2 a usage error.
set -euo pipefail

prog=monthly.sh
usage='usage: monthly.sh [--out DIR | --into DIR] [--replace] [--force NAME]
       [--outcomes FILE]... [--definition ons|rct] [--baseline N]
       [--title TEXT] MONTH|latest INPUT...'
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

out=
into=
replace=0
force=
definition=ons
baseline=36
title=
outcomes=()
while [ $# -gt 0 ]; do
	case $1 in
	--out|--into|--force|--outcomes|--definition|--baseline|--title)
		need_value "$1" $# ;;
	esac
	case $1 in
	--out) out=$2; shift 2 ;;
	--into) into=$2; shift 2 ;;
	--replace) replace=1; shift ;;
	--force) force=$2; shift 2 ;;
	--outcomes) outcomes+=("$2"); shift 2 ;;
	--definition) definition=$2; shift 2 ;;
	--baseline) baseline=$2; shift 2 ;;
	--title) title=$2; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage_error "a MONTH and at least one INPUT are needed"
month=$1
shift
for f in "$@"; do
	case $f in
	-?*) usage_error "'$f' after MONTH: options go before MONTH (a file named so: ./$f)" ;;
	esac
done
[ "$month" = latest ] || [[ $month =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] ||
	usage_error "'$month' is not a month (YYYY-MM or latest)"
[ -z "$out" ] || [ -z "$into" ] || usage_error "--out and --into: give one"
case $definition in ons|rct) ;; *) usage_error "--definition: '$definition' is not ons or rct" ;; esac
if ! [[ $baseline =~ ^[1-9][0-9]{0,2}$ ]] || [ "$baseline" -gt 120 ]; then
	usage_error "--baseline: '$baseline' is not a number of months from 1 to 120"
fi
for f in "$@" ${outcomes[@]+"${outcomes[@]}"}; do
	case $f in *$'\n'*) usage_error "a file name with a newline is not supported" ;; esac
	[ "$f" = - ] || [ -r "$f" ] || data_error "$f: cannot read input"
	[ "$f" = - ] || [ ! -d "$f" ] || data_error "$f: is a directory"
done
into=${into:-out}
[ -n "$out" ] || [ "$month" = latest ] || out=$into/$month
out=${out%"${out##*[!/]}"}	# no trailing slash
case ${out##*/} in
.|..) usage_error "--out: '$out' cannot be a run directory" ;;
esac
[ -z "$out" ] || check_out "$out" "$replace"

# The staging directory is beside the run directory; with 'latest' and
# no --out, the run directory is named once the month is known.
begin_run "${out:-$into/latest}"
[ -z "$out" ] || check_out "$out" "$replace"	# again, holding the lock
signal_note="${out:-the run} is unchanged"
check_forces "$force" "$@"
mkdir "$staging/streams" "$staging/rejects" "$staging/logs"
month_requested=$month
write_options "$staging"
for f in "$@"; do printf '%s\n' "$f"; done >"$staging/inputs.txt"

run_stage "$staging" 1 ingest-crime "$@"
run_record_stages "$staging" 2
if [ "$month" = latest ]; then
	latest_month "$staging"
	month=$latest
	write_options "$staging"
	echo "$prog: the latest month in the records is $month" >&2
	if [ -z "$out" ]; then
		out=$into/$month
		check_out "$out" "$replace"
	fi
fi
run_aggregate "$staging"
run_emit "$staging"
write_manifest "$staging"
install_run "$out"
echo "$prog: $month done: $out/summary.html $out/summary.md" >&2
printf '%s\n' "$out"
