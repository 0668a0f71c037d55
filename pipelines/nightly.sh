#!/usr/bin/env bash
# nightly.sh: add the day's extracts to a growing store and refresh the
# current month's figures.
#
#   pipelines/nightly.sh [--month YYYY-MM] [--day YYYY-MM-DD] [monthly.sh options] STORE EXTRACT...
#
# The store is a directory:
#   STORE/extracts/<day>/<name>   every extract received, never changed
#   STORE/current.txt             the inputs of the current figures
#   STORE/runs/<month>/           the current month's run (see monthly.sh),
#                                 replaced as a whole only when a refresh
#                                 succeeds, so readers never see half a run
#   STORE/nightly.log             one line per night
# What counts as current (DEFINITIONS.md 1): a force extract is a full
# snapshot of the force's crime records, so the newest one replaces the
# older ones; data.police.uk files cover one month each, so the newest
# file of each name (YYYY-MM-<force>-street.csv ...) is kept.  The month
# defaults to the month of --day (default: today, UTC), the day the
# extracts arrived.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

month=
day=
pass=()
while [ $# -gt 0 ]; do
	case $1 in
	--month) month=$2; shift 2 ;;
	--day) day=$2; shift 2 ;;
	--force|--outcomes|--definition|--baseline|--title) pass+=("$1" "$2"); shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	-*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage_error "usage: nightly.sh [options] STORE EXTRACT..."
store=$1
shift
day=${day:-$(date -u +%Y-%m-%d)}
[[ $day =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || usage_error "'$day' is not a day (YYYY-MM-DD)"
month=${month:-${day:0:7}}

mkdir -p "$store/extracts/$day" "$store/runs"
for f in "$@"; do
	[ -r "$f" ] || data_error "$f: cannot read"
	cp -p "$f" "$store/extracts/$day/$(basename "$f")"
done

# The current inputs: the newest force snapshot (any file that is not a
# data.police.uk monthly file), and the newest copy of each police.uk file.
current=$store/current.txt.tmp
: >"$current"
latest_snapshot=
declare -A police=()
for f in $(cd "$store/extracts" && ls -d */* | sort); do
	name=$(basename "$f")
	if [[ $name =~ ^[0-9]{4}-[0-9]{2}-.*-(street|outcomes)\.csv(\.gz)?$ ]]; then
		police[$name]=$store/extracts/$f
	else
		latest_snapshot=$store/extracts/$f
	fi
done
[ -z "$latest_snapshot" ] || echo "$latest_snapshot" >>"$current"
for name in $(printf '%s\n' "${!police[@]}" | sort); do
	case $name in
	*-outcomes.csv*) pass+=(--outcomes "${police[$name]}") ;;
	*) echo "${police[$name]}" >>"$current" ;;
	esac
done
mv "$current" "$store/current.txt"
mapfile -t inputs <"$store/current.txt"
[ ${#inputs[@]} -gt 0 ] || data_error "$store: no crime extract to run on"

# Build the new run beside the old one; swap only when it succeeded.
run=$store/runs/$month
rm -rf "$run.new"
"$here/monthly.sh" --out "$run.new" "${pass[@]}" "$month" "${inputs[@]}"
rm -rf "$run.old"
[ ! -d "$run" ] || mv "$run" "$run.old"
mv "$run.new" "$run"
rm -rf "$run.old"
echo "$day month=$month inputs=${#inputs[@]} $(grep -c . "$store/current.txt") ok" >>"$store/nightly.log"
echo "$prog: $month refreshed in $run" >&2
