#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# forces.sh: one monthly run per force found in the inputs, in parallel,
# and an index page linking their reports.
#
#   pipelines/forces.sh [options] MONTH INPUT...
#
# The forces are those the inputs' records name (ingest-crime
# --list-forces; a data.police.uk archive of every force holds 43).  Each
# force's run is monthly.sh --force NAME --into OUT/<slug> MONTH with the
# inputs that name that force, so the run directory is OUT/<slug>/<month>
# (see monthly.sh and pipelines/lib.sh: built beside it, swapped in when
# every stage has succeeded, the previous run left as it was otherwise).
# An input is given to every force it names: an archive holding several
# forces goes whole to each of their runs, whose streams then keep every
# force's records (aggregate-district counts only the run's own force);
# unpack such an archive first to spare each run the others' records.
# The runs go to GNU parallel (Debian package parallel) with --halt never,
# so one force failing does not stop the others; without GNU parallel they
# run one after another (said on standard error).
#
# OUT (default out/forces) holds:
#   <slug>/<month>/      the force's run (see monthly.sh)
#   <slug>/monthly.log   monthly.sh's messages for the force, from the
#                        last forces.sh run that finished (put in place
#                        with the index)
#   index.html index.md  every force in byte order of its name: its month,
#                        its status (done, failed or skipped, and why) and
#                        links to its summary.html and summary.md (or to
#                        its monthly.log); one self-contained page, no
#                        script, no external URL; each file is replaced in
#                        one rename
# The slug of a force is its name in lower case with '&' read as 'and',
# every run of other bytes than a-z and 0-9 made one '-', no '-' at
# either end, at most 64 bytes ('West Mercia' -> west-mercia, 'Devon &
# Cornwall' -> devon-and-cornwall; a name with no letter or digit:
# force-<the first 8 hex digits of its sha256>).  It depends on the name
# alone, so a force keeps its directory from one run to the next.  Two
# forces of one run with the same slug are not run: both are reported
# failed.
#
# A force the areas table (reference/areas.csv) has no district for
# cannot be reported (DEFINITIONS.md 1.4): it is skipped, said on
# standard error and in the index, and is not a failure.  An input that
# names no force (an empty file, a file ingest-crime cannot read) is used
# by no run: said on standard error and in the index, and forces.sh
# exits 1.  On success it prints OUT/index.html on standard output.
#
# With --sshlogin the runs are spread over other machines by GNU
# parallel: they must see this machine's files at the same paths (a
# shared file system: the inputs, OUT and crimepipe itself); give ':' as
# one login to use this machine too.  A forces.sh stopped by SIGTERM,
# SIGINT or SIGHUP stops every run (each leaves its force's previous run
# as it was) and leaves the index unchanged.  Two forces.sh runs into one
# OUT take turns (OUT/.crimepipe.lock).
#
# Options (before MONTH):
#   --out DIR            the forces' directories and the index (default
#                        out/forces)
#   --replace            replace existing runs (passed to monthly.sh)
#   -j, --jobs N         runs at once on each machine (GNU parallel's
#                        default: one a CPU)
#   -S, --sshlogin LOGIN a machine to run on (GNU parallel's --sshlogin;
#                        repeatable)
#   --sshloginfile FILE  machines to run on, one a line (GNU parallel's)
#   --outcomes FILE      a data.police.uk outcomes file, given to the runs
#                        of the forces it names (repeatable)
#   --definition ons|rct, --baseline N
#                        passed to monthly.sh
#   -h, --help           this text
# Exit status: 0 every force done or skipped, 1 a force failed (named on
# standard error), an input used by no run, a data error or a signal, 2 a
# usage error.
set -euo pipefail

prog=forces.sh
usage='usage: forces.sh [--out DIR] [--replace] [-j N] [-S LOGIN]...
       [--sshloginfile FILE] [--outcomes FILE]... [--definition ons|rct]
       [--baseline N] MONTH|latest INPUT...'
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
# shellcheck source=lib.sh
source "$here/lib.sh"

out=
replace=0
jobs=
logins=()
outcomes=()
pass=()
while [ $# -gt 0 ]; do
	case $1 in
	--out|-j|--jobs|-S|--sshlogin|--sshloginfile|--outcomes|--definition|--baseline)
		need_value "$1" $# ;;
	esac
	case $1 in
	--out) out=$2; shift 2 ;;
	--replace) replace=1; shift ;;
	-j|--jobs) jobs=$2; shift 2 ;;
	-S|--sshlogin) logins+=(--sshlogin "$2"); shift 2 ;;
	--sshloginfile) logins+=(--sshloginfile "$2"); shift 2 ;;
	--outcomes) outcomes+=("$2"); shift 2 ;;
	--definition|--baseline) pass+=("$1" "$2"); shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-?*) usage_error "unknown option '$1'" ;;
	*) break ;;
	esac
done
[ $# -ge 2 ] || usage_error "a MONTH and at least one INPUT are needed"
month=$1
shift
inputs=("$@")
[ "$month" = latest ] || [[ $month =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] ||
	usage_error "'$month' is not a month (YYYY-MM or latest)"
[ -z "$jobs" ] || [[ $jobs =~ ^[1-9][0-9]{0,3}$ ]] ||
	usage_error "-j: '$jobs' is not a number of runs from 1 to 9999"
for f in "${inputs[@]}"; do
	case $f in
	-) usage_error "standard input cannot be read by several runs: save it to a file" ;;
	-?*) usage_error "'$f' after MONTH: options go before MONTH (a file named so: ./$f)" ;;
	esac
done
for f in "${inputs[@]}" ${outcomes[@]+"${outcomes[@]}"}; do
	case $f in
	-) usage_error "--outcomes: standard input cannot be read by several runs" ;;
	*$'\n'*) usage_error "a file name with a newline is not supported" ;;
	esac
	[ -r "$f" ] || data_error "$f: cannot read input"
	[ ! -d "$f" ] || data_error "$f: is a directory"
done
out=${out:-out/forces}
case $out in *$'\n'*) usage_error "--out: a directory name with a newline is not supported" ;; esac
out=${out%"${out##*[!/]}"}	# no trailing slash
[ -n "$out" ] || out=/

# GNU parallel, or one run after another.  (moreutils has a 'parallel'
# too, with other options: it is not used.)
use_parallel=0
if command -v parallel >/dev/null 2>&1 &&
    parallel --version </dev/null 2>/dev/null | head -n 1 | grep -q '^GNU parallel'; then
	use_parallel=1
elif [ ${#logins[@]} -gt 0 ]; then
	data_error "--sshlogin needs GNU parallel (Debian package parallel), which is not installed"
fi

mkdir -p -- "$out" || data_error "$out: cannot make the output directory"
lock_parent "$out"
clean_leftovers "$out"
work=$(mktemp -d "$out/.crimepipe.staging.XXXXXX") ||
	data_error "$out: cannot make a working directory"
tmpfiles+=("$work")
work=$(cd "$work" && pwd)
signal_note="the index and every force's previous run are unchanged"

# plural N WORD: N WORD, N WORDs.
plural() {
	if [ "$1" = 1 ]; then printf '1 %s' "$2"; else printf '%s %ss' "$1" "$2"; fi
}

# slug_of NAME: the force's directory name (see the top of this file).
slug_of() {
	local s=${1,,}
	s=${s//&/ and }
	s=${s//[^a-z0-9]/-}
	while [[ $s == *--* ]]; do s=${s//--/-}; done
	s=${s#-}
	s=${s:0:64}
	s=${s%-}
	if [ -z "$s" ]; then
		s=force-$(printf '%s' "$1" | sha256sum | cut -c1-8)
	fi
	printf '%s' "$s"
}

# The forces each input names.  force_inputs[NAME] and force_outcomes[NAME]
# are the indices of its inputs and outcomes files, in the order given.
declare -A force_inputs=() force_outcomes=()
unused=()
# list_file KIND INDEX FILE: add FILE's forces.
list_file() {
	local kind=$1 i=$2 f=$3 rc=0 name named=0
	run_job "$BIN/ingest-crime" --list-forces -- "$f" \
		>"$work/forces.txt" 2>"$work/forces.err" || rc=$?
	if [ $rc -ne 0 ]; then
		cat "$work/forces.err" >&2
		echo "$prog: $f: ingest-crime --list-forces exited $rc (its messages are above)" >&2
	fi
	while IFS= read -r name; do
		[ -n "$name" ] || continue
		named=1
		if [ "$kind" = input ]; then
			force_inputs[$name]+=" $i"
		else
			force_outcomes[$name]+=" $i"
			[ -n "${force_inputs[$name]+set}" ] || force_inputs[$name]=
		fi
	done <"$work/forces.txt"
	if [ $named = 0 ]; then
		unused+=("$f")
		echo "$prog: $f: names no force: no run reads it" >&2
	fi
}
for i in "${!inputs[@]}"; do
	list_file input "$i" "${inputs[i]}"
done
for i in "${!outcomes[@]}"; do
	list_file outcomes "$i" "${outcomes[i]}"
done
mapfile -t forces < <(printf '%s\n' "${!force_inputs[@]}" | sort)
[ ${#force_inputs[@]} -gt 0 ] || data_error "the inputs name no force"

# Whether the areas table has districts for a force: aggregate-district
# judges (a usage error, exit 2, for a force with none) on a stream that
# is only a header, made by the record stages from a police.uk header.
probe_stream() {
	printf '%s\n' 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context' |
		"$BIN/ingest-crime" | "$BIN/tag-rural" | "$BIN/flag-repeat" |
		"$BIN/compute-outcomes" >"$work/probe.csv"
}
run_job probe_stream 2>"$work/probe.err" || {
	cat "$work/probe.err" >&2
	data_error "the record stages fail on a header alone: cannot ask aggregate-district for districts"
}

# Each force: status[NAME] is run, skipped or failed (with why[NAME]).
declare -A status=() why=() slug=() owner=()
for name in "${forces[@]}"; do
	s=$(slug_of "$name")
	slug[$name]=$s
	if [ -n "${owner[$s]+set}" ]; then
		status[$name]=failed
		why[$name]="its directory name '$s' is that of force '${owner[$s]}' too"
		if [ "${status[${owner[$s]}]}" != failed ]; then
			status[${owner[$s]}]=failed
			why[${owner[$s]}]="its directory name '$s' is that of force '$name' too"
		fi
		continue
	fi
	owner[$s]=$name
	if [ -z "${force_inputs[$name]}" ]; then
		status[$name]=skipped
		why[$name]="no crime records (only outcomes files name this force)"
		echo "$prog: $name: skipped: ${why[$name]}" >&2
		continue
	fi
	rc=0
	run_job "$BIN/aggregate-district" --month 2000-01 --force "$name" "$work/probe.csv" \
		>/dev/null 2>"$work/probe.err" || rc=$?
	if [ $rc = 2 ] && grep -q 'no district' "$work/probe.err"; then
		status[$name]=skipped
		why[$name]="the areas table has no district of this force"
		echo "$prog: $name: skipped: $(head -n 1 "$work/probe.err")" >&2
	elif [ $rc = 0 ] || [ $rc = 1 ]; then
		status[$name]=run
	else
		status[$name]=failed
		why[$name]="aggregate-district --force: $(head -n 1 "$work/probe.err")"
	fi
done
for name in "${forces[@]}"; do
	if [ "${status[$name]}" = failed ]; then
		echo "$prog: $name: not run: ${why[$name]}" >&2
	fi
done

# An existing run is replaced only with --replace (with 'latest' the month,
# and so the run directory, is known only once the run has read the data:
# monthly.sh then refuses it, and the force fails).
if [ "$month" != latest ]; then
	for name in "${forces[@]}"; do
		[ "${status[$name]}" != run ] || check_out "$out/${slug[$name]}/$month" "$replace"
	done
fi

# One job file a force: a bash script that runs monthly.sh with every
# argument quoted (no command line grows with the inputs).  It works in
# this directory with these filters, on whichever machine runs it.
mkdir "$work/jobs" "$work/out" "$work/log"
run_forces=()
: >"$work/jobs.list"
for name in "${forces[@]}"; do
	[ "${status[$name]}" = run ] || continue
	s=${slug[$name]}
	mkdir -p -- "$out/$s" || data_error "$out/$s: cannot make the force's directory"
	args=(--force "$name" --into "$out/$s")
	[ $replace = 0 ] || args+=(--replace)
	for i in ${force_outcomes[$name]:-}; do
		args+=(--outcomes "${outcomes[i]}")
	done
	args+=(${pass[@]+"${pass[@]}"} "$month")
	for i in ${force_inputs[$name]}; do
		args+=("${inputs[i]}")
	done
	{
		printf '# forces.sh: the monthly run of %s\n' "$name"
		printf 'cd %q || exit 1\n' "$PWD"
		printf 'export CRIMEPIPE_BIN=%q\n' "$BIN"
		[ -z "${CRIMEPIPE_REFERENCE:-}" ] ||
			printf 'export CRIMEPIPE_REFERENCE=%q\n' "$CRIMEPIPE_REFERENCE"
		printf 'exec %q' "$here/monthly.sh"
		printf ' %q' "${args[@]}"
		printf ' >%q 2>%q\n' "$work/out/$s" "$work/log/$s"
	} >"$work/jobs/$s.job"
	printf '%s\n' "$work/jobs/$s.job" >>"$work/jobs.list"
	run_forces+=("$name")
done

# The runs.  rc[NAME] is each run's exit status (missing: it did not end).
declare -A rc=()
if [ ${#run_forces[@]} -eq 0 ]; then
	:
elif [ $use_parallel = 1 ]; then
	echo "$prog: running $(plural ${#run_forces[@]} force) with GNU parallel${jobs:+ (-j $jobs)}" >&2
	popts=(--will-cite --halt never --joblog "$work/joblog" -a "$work/jobs.list")
	# A stopped run needs time to stop its stage and remove its staging
	# directory before GNU parallel's KILL (by default after 350 ms).
	popts+=(--term-seq "TERM,10000,KILL,25")
	[ -z "$jobs" ] || popts+=(--jobs "$jobs")
	popts+=(${logins[@]+"${logins[@]}"})
	prc=0
	run_job parallel "${popts[@]}" bash '{}' </dev/null >"$work/parallel.out" \
		2>"$work/parallel.err" || prc=$?
	if [ -s "$work/parallel.err" ]; then
		sed "s/^/$prog: parallel: /" "$work/parallel.err" >&2
	fi
	if [ -f "$work/joblog" ]; then
		while IFS=$'\t' read -r seq _ _ _ _ _ exitval signal _; do
			[[ $seq =~ ^[0-9]+$ ]] || continue
			name=${run_forces[seq - 1]}
			if [ "$signal" != 0 ]; then
				rc[$name]=$((128 + signal))
			else
				rc[$name]=$exitval
			fi
		done <"$work/joblog"
	fi
	[ $prc -lt 255 ] || echo "$prog: GNU parallel exited $prc" >&2
else
	echo "$prog: GNU parallel is not installed (Debian package parallel): running $(plural ${#run_forces[@]} force) one after another${jobs:+ (-j $jobs ignored)}" >&2
	k=0
	for name in "${run_forces[@]}"; do
		k=$((k + 1))
		echo "$prog: $name ($k of ${#run_forces[@]})" >&2
		r=0
		run_job bash "$work/jobs/${slug[$name]}.job" </dev/null || r=$?
		rc[$name]=$r
	done
fi

# The outcome of each run.
declare -A got_month=()
failed=()
for name in "${run_forces[@]}"; do
	s=${slug[$name]}
	log=$work/log/$s
	if [ "${rc[$name]:-x}" = 0 ]; then
		run=$(tail -n 1 "$work/out/$s")
		# shellcheck disable=SC1091
		m=$(source "$run/options.env" && printf '%s' "$month") || m=
		if [[ $m =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] && [ "$run" = "$out/$s/$m" ] &&
		    [ -f "$run/summary.html" ] && [ -f "$run/summary.md" ]; then
			status[$name]="done"
			got_month[$name]=$m
			echo "$prog: $name: done: $out/$s/$m" >&2
			continue
		fi
		why[$name]="monthly.sh succeeded but its run directory is not $out/$s/MONTH"
	elif [ -z "${rc[$name]:-}" ]; then
		why[$name]="the run did not end (see $s/monthly.log)"
	else
		# monthly.sh's last word, with the stage's last message when it
		# points at them.
		r=$(grep '^monthly\.sh: ' "$log" 2>/dev/null | tail -n 1 | sed 's/^monthly\.sh: //') || r=
		case $r in
		*' (its messages are above)')
			d=$(grep -v '^monthly\.sh: ' "$log" | grep . | tail -n 1) || d=
			[ -z "$d" ] || r="${r% (its messages are above)}: $d" ;;
		esac
		why[$name]="${r:-monthly.sh exited ${rc[$name]}}"
	fi
	status[$name]=failed
	echo "$prog: $name: failed: ${why[$name]} (see $out/$s/monthly.log)" >&2
done
for name in "${forces[@]}"; do
	[ "${status[$name]}" != failed ] || failed+=("$name")
done

# md_text S: S as Markdown text (a table cell).
md_text() {
	local s=$1 c r=
	while [ -n "$s" ]; do
		c=${s:0:1}
		s=${s:1}
		case $c in
		[\\\`*_\[\]\<\>\|\#]) r+="\\$c" ;;
		*) r+=$c ;;
		esac
	done
	printf '%s' "$r"
}

# html_text S: S with &, <, >, " and ' escaped.
html_text() {
	local s=$1
	# (quoted: in bash 5.2 an '&' in a replacement is the matched text)
	s=${s//&/"&amp;"}
	s=${s//</"&lt;"}
	s=${s//>/"&gt;"}
	s=${s//\"/"&quot;"}
	s=${s//\'/"&#39;"}
	printf '%s' "$s"
}

if [ "$month" = latest ]; then
	heading="each force's latest month"
else
	heading=$month
fi
count() {
	local st=$1 n=0 name
	for name in "${forces[@]}"; do
		[ "${status[$name]}" != "$st" ] || n=$((n + 1))
	done
	printf '%s' "$n"
}
tally="$(plural ${#forces[@]} force): $(count "done") done, $(count failed) failed, $(count skipped) skipped"

# The index, in Markdown and HTML.
{
	printf '# Performance Summaries by force: %s\n\n' "$heading"
	printf '%s.\n\n' "$tally"
	printf '| force | month | status | report |\n|---|---|---|---|\n'
	for name in "${forces[@]}"; do
		s=${slug[$name]}
		case ${status[$name]} in
		done)
			m=${got_month[$name]}
			printf '| %s | %s | done | [summary.html](%s/%s/summary.html) · [summary.md](%s/%s/summary.md) |\n' \
				"$(md_text "$name")" "$m" "$s" "$m" "$s" "$m" ;;
		failed)
			printf '| %s | %s | failed: %s |' "$(md_text "$name")" "$month" "$(md_text "${why[$name]}")"
			if [ -f "$work/log/$s" ]; then
				printf ' [monthly.log](%s/monthly.log) |\n' "$s"
			else
				printf '  |\n'
			fi ;;
		skipped)
			printf '| %s | %s | skipped: %s |  |\n' "$(md_text "$name")" "$month" "$(md_text "${why[$name]}")" ;;
		esac
	done
	if [ ${#unused[@]} -gt 0 ]; then
		printf '\nInputs that name no force (no run reads them):\n\n'
		for f in "${unused[@]}"; do
			printf -- '- %s\n' "$(md_text "$f")"
		done
	fi
} >"$work/index.md"
{
	cat <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
HTML
	printf '<title>Performance Summaries by force: %s</title>\n' "$(html_text "$heading")"
	cat <<'HTML'
<style>
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.7em; text-align: left; vertical-align: top; }
th { background: #eee; }
.done { color: #185c1f; }
.failed { color: #a11; font-weight: bold; }
.skipped { color: #666; }
</style>
</head>
<body>
HTML
	printf '<h1>Performance Summaries by force: %s</h1>\n' "$(html_text "$heading")"
	printf '<p>%s.</p>\n' "$(html_text "$tally")"
	printf '<table>\n<thead><tr><th>force</th><th>month</th><th>status</th><th>report</th></tr></thead>\n<tbody>\n'
	for name in "${forces[@]}"; do
		s=${slug[$name]}
		st=${status[$name]}
		case $st in
		done)
			m=${got_month[$name]}
			printf '<tr><td>%s</td><td>%s</td><td class="done">done</td><td><a href="%s/%s/summary.html">summary.html</a> · <a href="%s/%s/summary.md">summary.md</a></td></tr>\n' \
				"$(html_text "$name")" "$m" "$s" "$m" "$s" "$m" ;;
		*)
			printf '<tr><td>%s</td><td>%s</td><td class="%s">%s: %s</td><td>' \
				"$(html_text "$name")" "$(html_text "$month")" "$st" "$st" \
				"$(html_text "${why[$name]}")"
			if [ "$st" = failed ] && [ -f "$work/log/$s" ]; then
				printf '<a href="%s/monthly.log">monthly.log</a>' "$s"
			fi
			printf '</td></tr>\n' ;;
		esac
	done
	printf '</tbody>\n</table>\n'
	if [ ${#unused[@]} -gt 0 ]; then
		printf '<p>Inputs that name no force (no run reads them):</p>\n<ul>\n'
		for f in "${unused[@]}"; do
			printf '<li>%s</li>\n' "$(html_text "$f")"
		done
		printf '</ul>\n'
	fi
	printf '</body>\n</html>\n'
} >"$work/index.html"
# The runs' logs, then the index (each file in one rename).
for name in "${run_forces[@]}"; do
	s=${slug[$name]}
	[ ! -f "$work/log/$s" ] || mv -f -- "$work/log/$s" "$out/$s/monthly.log" ||
		data_error "$out/$s/monthly.log: cannot write the log"
done
mv -f -- "$work/index.md" "$out/index.md" || data_error "$out/index.md: cannot write the index"
mv -f -- "$work/index.html" "$out/index.html" || data_error "$out/index.html: cannot write the index"

echo "$prog: $tally: $out/index.html" >&2
if [ ${#failed[@]} -gt 0 ]; then
	data_error "failed: $(printf '%s, ' "${failed[@]}" | sed 's/, $//')"
fi
if [ ${#unused[@]} -eq 1 ]; then
	data_error "1 input names no force: no run read it"
elif [ ${#unused[@]} -gt 1 ]; then
	data_error "${#unused[@]} inputs name no force: no run read them"
fi
printf '%s\n' "$out/index.html"
