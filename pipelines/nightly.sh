#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# nightly.sh: add the night's deliveries to a growing store and refresh the
# figures of the latest month.
#
#   pipelines/nightly.sh [--month YYYY-MM|latest] [--day YYYY-MM-DD]
#                        [monthly.sh options] STORE EXTRACT...
#
# The store is a directory:
#   STORE/extracts/<day>/<name>   every delivery of a night that succeeded,
#                                 as received, never changed; a second
#                                 delivery of a name on the same day goes
#                                 to <day>.2/<name>, a third to <day>.3/...
#   STORE/deliveries.txt          every delivery in the order received, one
#                                 a line: KIND<TAB>PATH, KIND force, street
#                                 or outcomes (see below)
#   STORE/failed/<day>/<name>     the deliveries of a night that failed,
#                                 kept unchanged but used by no later night;
#                                 failed/<day>.stderr holds what it said
#   STORE/current.txt             the inputs of the current figures, one a
#                                 line: KIND<TAB>PATH
#   STORE/runs/<month>/           the month's run (see monthly.sh): the
#                                 latest covered month of the data, unless
#                                 --month names one
#   STORE/nightly.log             one line a night, '<day> month=<month>
#                                 inputs=<n> ok' or '... failed: <reason>'
# What counts as current (DEFINITIONS.md 1): a force extract is a full
# snapshot of the force's crime records, so the newest one delivered
# replaces the older ones; data.police.uk files (street or outcomes, plain,
# compressed or in zip/tar archives of many months and forces) cover one
# force and month each, so every one delivered is passed on, oldest first,
# and ingest-crime keeps the last of each force and month (the latest
# delivery wins).  A delivery's kind is what ingest-crime reads in it
# (data.police.uk's 'Falls within' column, and 'Context' for street files).
# Outcomes files go to compute-outcomes (--outcomes); a police.uk archive
# holding both street and outcomes files ('mixed') goes to both.
#
# A night is all or nothing: its deliveries are added to the store, and
# current.txt and the month's run replaced, only when the whole refresh
# has succeeded; otherwise the deliveries go to failed/ and the store is as
# it was.  Either way nightly.log gets the night's line.  A night stopped
# by SIGTERM, SIGINT or SIGHUP is logged as failed; one killed outright
# (SIGKILL) is found by the next night, which logs it as failed
# (interrupted) and moves its deliveries to failed/.  Two nights on one
# store take turns (STORE/.crimepipe.lock).
#
# Options:
#   --month M      the month to refresh (default latest: the reporting
#                  force's latest month in the data)
#   --day D        the day the deliveries arrived (default today, UTC)
#   --force, --outcomes, --definition, --baseline, --title
#                  passed to monthly.sh
#   -h, --help     this text
# Exit status: 0 the night succeeded, 1 it failed (logged), 2 a usage
# error (not logged).
set -euo pipefail

prog=nightly.sh
usage='usage: nightly.sh [--month YYYY-MM|latest] [--day YYYY-MM-DD] [--force NAME]
       [--outcomes FILE]... [--definition ons|rct] [--baseline N]
       [--title TEXT] STORE EXTRACT...'
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

month=latest
day=
force=
pass=()
while [ $# -gt 0 ]; do
	case $1 in
	--month|--day|--force|--outcomes|--definition|--baseline|--title)
		need_value "$1" $# ;;
	esac
	case $1 in
	--month) month=$2; shift 2 ;;
	--day) day=$2; shift 2 ;;
	--force) force=$2; pass+=("$1" "$2"); shift 2 ;;
	--outcomes|--definition|--baseline|--title) pass+=("$1" "$2"); shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage_error "a STORE and at least one EXTRACT are needed"
store=$1
shift
for f in "$@"; do
	case $f in
	-?*) usage_error "'$f' after STORE: options go before STORE (a file named so: ./$f)" ;;
	*$'\n'*|*$'\t'*) usage_error "a file name with a newline or tab is not supported" ;;
	esac
done
day=${day:-$(date -u +%Y-%m-%d)}
if ! [[ $day =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] ||
    [ "$(date -u -d "$day" +%Y-%m-%d 2>/dev/null || true)" != "$day" ]; then
	usage_error "'$day' is not a day (YYYY-MM-DD)"
fi
[ "$month" = latest ] || [[ $month =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] ||
	usage_error "'$month' is not a month (YYYY-MM or latest)"

mkdir -p -- "$store" || data_error "$store: cannot make the store"
store=$(cd -- "$store" && pwd)
lock_parent "$store"
mkdir -p "$store/extracts" "$store/failed" "$store/runs"
lock_parent "$store/runs"	# rerun.sh on a run here takes it too
log() {
	printf '%s\n' "$*" >>"$store/nightly.log"
}

# The night's deliveries, STORE-relative, as they are archived (so that a
# night killed outright can be undone by the next).
pending=$store/night.pending
night=()
open=0

# fail_night REASON: undo the night: its deliveries to failed/, one log
# line.
fail_night() {
	local f
	for f in ${night[@]+"${night[@]}"}; do
		rm -f -- "$store/$f.part"
		[ -e "$store/$f" ] || continue
		mkdir -p -- "$(dirname -- "$store/failed/${f#extracts/}")"
		mv -- "$store/$f" "$store/failed/${f#extracts/}"
		rmdir -- "$(dirname -- "$store/$f")" 2>/dev/null || true
	done
	log "$day month=$month failed: $1"
	rm -f -- "$pending"
	open=0
}

on_exit_hook() {
	[ "$open" = 1 ] || return 0
	if [ -n "$stopped_by" ]; then
		fail_night "stopped by $stopped_by"
	else
		fail_night "${reason:-nightly.sh failed}"
	fi
}

# A night killed outright: undo it first.
if [ -f "$pending" ]; then
	{
		IFS= read -r killed_day
		mapfile -t night
	} <"$pending"
	echo "$prog: the night of $killed_day was interrupted; its deliveries go to failed/" >&2
	saved_day=$day
	day=$killed_day
	fail_night "interrupted (found by the night of $saved_day)"
	day=$saved_day
	night=()
fi
for d in "$store"/.night.*; do
	[ ! -e "$d" ] || rm -rf -- "$d"
done
clean_leftovers "$store/runs"

nightdir=$(mktemp -d "$store/.night.XXXXXX")
tmpfiles+=("$nightdir")
reason=
open=1
printf '%s\n' "$day" >"$pending"

# slot NAME: the first free STORE-relative path for a delivery NAME of
# $day, in extracts/ and in failed/.
slot() {
	local k=1 d=$day
	while [ -e "$store/extracts/$d/$1" ] || [ -e "$store/failed/$d/$1" ] ||
	    [ -e "$store/extracts/$d/$1.part" ]; do
		k=$((k + 1))
		d=$day.$k
	done
	printf 'extracts/%s/%s\n' "$d" "$1"
}

# kind_of FILE: set kind to force, street, outcomes or mixed (a police.uk
# archive of street and outcomes files) from the header ingest-crime
# writes for FILE and its warnings (empty when it cannot read FILE).
probe() {
	{
		local rc=0
		"$BIN/ingest-crime" ${force:+--force "$force"} -- "$1" || rc=$?
		echo "$rc" >"$nightdir/probe.rc"
	} 2>"$nightdir/probe.err" | head -n 1 >"$nightdir/probe.hdr"
}
kind_of() {
	local hdr rc
	run_job probe "$1" || true	# a job: a signal stops it at once
	hdr=$(cat "$nightdir/probe.hdr")
	rc=$(cat "$nightdir/probe.rc")
	# 141: SIGPIPE, once head has the header.
	[ "$rc" = 0 ] || [ "$rc" = 141 ] || hdr=
	case ,$hdr, in
	,,) kind= ;;
	*,Falls\ within,*)
		case ,$hdr, in
		*,Context,*) kind=street ;;
		*) kind=outcomes ;;
		esac
		# A police.uk archive holding outcomes beside its street files:
		# ingest-crime leaves them for compute-outcomes --outcomes.
		if [ "$kind" = street ] &&
		    grep -q 'warning: an outcomes file, not read with crimes' "$nightdir/probe.err"; then
			kind=mixed
		fi ;;
	*) kind=force ;;
	esac
}

# A store made by an older nightly.sh has no deliveries.txt: its extracts
# in name order.
if [ ! -f "$store/deliveries.txt" ]; then
	: >"$nightdir/deliveries.txt"
	while IFS= read -r -d '' f; do
		kind_of "$store/$f"
		printf '%s\t%s\n' "${kind:-force}" "$f" >>"$nightdir/deliveries.txt"
	done < <(cd "$store" && find extracts -type f -print0 | sort -z)
	mv "$nightdir/deliveries.txt" "$store/deliveries.txt"
fi

# Archive the deliveries.
tonight=()
for f in "$@"; do
	if [ ! -f "$f" ] || [ ! -r "$f" ]; then
		reason="$f: cannot read"
		data_error "$reason"
	fi
	dest=$(slot "$(basename -- "$f")")
	night+=("$dest")
	printf '%s\n' "$dest" >>"$pending"
	mkdir -p -- "$(dirname -- "$store/$dest")"
	if ! cp -p -- "$f" "$store/$dest.part" ||
	    ! mv -- "$store/$dest.part" "$store/$dest"; then
		reason="$f: cannot archive it in $store"
		data_error "$reason"
	fi
	kind_of "$store/$dest"
	if [ -z "$kind" ]; then
		cat "$nightdir/probe.err" >&2
		reason="$f: ingest-crime cannot read it: $(grep . "$nightdir/probe.err" | head -n 1)"
		data_error "$reason"
	fi
	tonight+=("$kind	$dest")
	echo "$prog: $dest ($kind)" >&2
done

# The current inputs.
snapshot=
crimes=()
outcomes=()
while IFS=$'\t' read -r kind f; do
	case $kind in
	force) snapshot=$f ;;
	street) crimes+=("$f") ;;
	outcomes) outcomes+=("$f") ;;
	mixed) crimes+=("$f"); outcomes+=("$f") ;;
	esac
done < <(cat "$store/deliveries.txt"; printf '%s\n' "${tonight[@]}")
[ -z "$snapshot" ] || crimes=("$snapshot" ${crimes[@]+"${crimes[@]}"})
if [ ${#crimes[@]} -eq 0 ]; then
	reason="no crime extract to run on (only outcomes files)"
	data_error "$store: $reason"
fi
{
	for f in "${crimes[@]}"; do
		if [ "$f" = "$snapshot" ]; then
			printf 'force\t%s\n' "$f"
		else
			printf 'street\t%s\n' "$f"
		fi
	done
	for f in ${outcomes[@]+"${outcomes[@]}"}; do
		printf 'outcomes\t%s\n' "$f"
	done
} >"$nightdir/current.txt"

# The run, built by monthly.sh under the night's directory, then swapped
# into runs/ by this script.
args=(--out "$nightdir/run" ${pass[@]+"${pass[@]}"})
for f in ${outcomes[@]+"${outcomes[@]}"}; do
	args+=(--outcomes "$store/$f")
done
inputs=()
for f in "${crimes[@]}"; do
	inputs+=("$store/$f")
done
signal_note="the store is unchanged"
rc=0
run_job "$here/monthly.sh" "${args[@]}" "$month" "${inputs[@]}" \
	>/dev/null 2>"$nightdir/monthly.stderr" || rc=$?
cat "$nightdir/monthly.stderr" >&2
if [ $rc -ne 0 ]; then
	cat "$nightdir/monthly.stderr" >>"$store/failed/$day.stderr"
	reason="$(grep '^monthly\.sh: ' "$nightdir/monthly.stderr" | tail -n 1 |
		sed 's/^monthly\.sh: //')"
	reason="${reason:-monthly.sh exited $rc} (see failed/$day.stderr)"
	data_error "the refresh failed; the store is unchanged"
fi
# shellcheck disable=SC1091
month=$(source "$nightdir/run/options.env" && printf '%s' "$month")
run=$(readlink -- "$nightdir/run")
staging=$store/runs/.crimepipe.staging.${run##*.}
mv -T -- "$nightdir/$run" "$staging"
cp -- "$store/deliveries.txt" "$nightdir/deliveries.txt"
printf '%s\n' "${tonight[@]}" >>"$nightdir/deliveries.txt"
# The night is done: a few renames, not interrupted by a signal.
trap '' TERM INT HUP
install_run "$store/runs/$month"
mv -- "$nightdir/deliveries.txt" "$store/deliveries.txt"
mv -- "$nightdir/current.txt" "$store/current.txt"
log "$day month=$month inputs=$((${#crimes[@]} + ${#outcomes[@]})) ok"
rm -f -- "$pending"
open=0
echo "$prog: $month refreshed in $store/runs/$month" >&2
