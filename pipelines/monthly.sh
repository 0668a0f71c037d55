#!/usr/bin/env bash
# monthly.sh: the monthly Performance Summary run.
#
#   pipelines/monthly.sh [options] MONTH INPUT...
#
# Runs the six stages over INPUT... (raw extracts: anything ingest-crime
# reads) for reporting month MONTH (YYYY-MM) and writes into the output
# directory (default out/MONTH):
#   streams/1-ingest-crime.csv.gz ... 4-compute-outcomes.csv.gz
#                        each record stage's output, kept for rerun.sh
#   measures.csv         aggregate-district's long table
#   summary.md summary.html summary.csv summary.json
#                        the report, in every format emit-summary writes
#   rejects/<stage>.csv  each stage's rejected records, with reasons
#   logs/<stage>.log     each stage's stderr, ending with its --stats line
#   manifest.json        inputs with sha256, versions, options, counts
# It stops at the first stage that fails (set -euo pipefail) and checks
# that every stage accounts for its records: read = written + rejected,
# and each stage read what the stage before it wrote.
#
# Options:
#   --out DIR            output directory
#   --force NAME         the reporting force (default: aggregate-district's)
#   --outcomes FILE      a data.police.uk outcomes file for compute-outcomes
#                        (repeatable)
#   --definition ons|rct the rural definition for tag-rural (default ons)
#   --baseline N         control-chart baseline months (default 36)
#   --title TEXT         the report's title
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

out=
force=
definition=ons
baseline=36
title=
outcomes=()
while [ $# -gt 0 ]; do
	case $1 in
	--out) out=$2; shift 2 ;;
	--force) force=$2; shift 2 ;;
	--outcomes) outcomes+=("$2"); shift 2 ;;
	--definition) definition=$2; shift 2 ;;
	--baseline) baseline=$2; shift 2 ;;
	--title) title=$2; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage_error "usage: monthly.sh [options] MONTH INPUT..."
month=$1
shift
[[ $month =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] || usage_error "'$month' is not a month (YYYY-MM)"
for f in "$@"; do
	[ "$f" = - ] || [ -r "$f" ] || data_error "$f: cannot read input"
done
out=${out:-out/$month}

mkdir -p "$out/streams" "$out/rejects" "$out/logs"
rm -f "$out"/streams/*.csv.gz "$out"/rejects/*.csv "$out"/logs/*.log
save_options "$out" month="$month" force="$force" definition="$definition" \
	baseline="$baseline" title="$title" outcomes="${outcomes[*]:-}"
for f in "$@"; do printf '%s\n' "$f"; done >"$out/inputs.txt"

run_stage "$out" 1 ingest-crime "$@"
run_from_stage "$out" 2
write_manifest "$out"
echo "monthly.sh: $month done: $out/summary.html $out/summary.md" >&2
