# shellcheck shell=bash disable=SC2154
# (SC2154: prog, usage and the run's options are the sourcing script's.)
# Shared by monthly.sh, rerun.sh and nightly.sh (sourced, not run; each sets
# prog and usage first).
#
# A run directory holds options.env (the run's options), inputs.txt (the
# raw inputs, one a line), streams/, rejects/, logs/, measures.csv, the
# summaries and manifest.json; see monthly.sh.
#
# How a run directory is replaced (monthly.sh, rerun.sh, nightly.sh):
#   PARENT/.crimepipe.lock          held (flock) by the run writing into
#                                   PARENT; a second run waits for it
#   PARENT/.crimepipe.staging.XXXXXX
#                                   the run being built; removed when the
#                                   run fails or is stopped by a signal
#   PARENT/.NAME.run.XXXXXX         a complete run (the staging directory,
#                                   renamed when everything succeeded)
#   PARENT/NAME -> .NAME.run.XXXXXX a symbolic link, replaced in one
#                                   rename(2) (mv -T), so NAME always names
#                                   one complete run, old or new; then the
#                                   old .NAME.run.* is removed
# A run killed with SIGKILL cannot clean up: what it leaves is a
# .crimepipe.staging.* directory, a .crimepipe.link.* link, or a
# .NAME.run.* directory that NAME does not point to.  The next run into
# PARENT removes them once it holds the lock (a killed run's stages, if
# still running, hold the lock until they end).  A run directory made by an
# older monthly.sh (a real directory) is renamed to .NAME.legacy.XXXXXX and
# replaced by the link; if that is interrupted, the next run renames it
# back.  The old .NAME.run.* goes when NAME is replaced, so copy a run with
# cp -rL NAME or cp -a NAME/. COPY, not as the link (cp -a NAME).

# The filters: $CRIMEPIPE_BIN, else the checkout's bin/ beside pipelines/,
# else an install's PREFIX/bin (the scripts live in
# PREFIX/share/crimepipe/pipelines/), else $PATH.
libdir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -n "${CRIMEPIPE_BIN:-}" ]; then
	BIN=$CRIMEPIPE_BIN
elif [ -x "$libdir/../bin/ingest-crime" ]; then
	BIN=$(cd "$libdir/../bin" && pwd)
elif [ -x "$libdir/../../../bin/ingest-crime" ]; then
	BIN=$(cd "$libdir/../../../bin" && pwd)
else
	BIN=$(dirname "$(command -v ingest-crime || echo /usr/local/bin/ingest-crime)")
fi
export LC_ALL=C

STAGES=(ingest-crime tag-rural flag-repeat compute-outcomes)

usage_error() {
	echo "$prog: $*" >&2
	printf '%s\n' "$usage" >&2
	exit 2
}

data_error() {
	echo "$prog: $*" >&2
	exit 1
}

# check_forces FORCE INPUT...: before stage 1 (in the staging directory),
# the forces the inputs name
# (ingest-crime --list-forces): with no FORCE there must be exactly one,
# else a usage error listing them (issue 9: not after four stages); a
# FORCE must be among them ("Warwickshire Police", as police.uk's Falls
# within has it, is "Warwickshire").  Standard input cannot be read twice:
# with '-' among the inputs the check is left to aggregate-district.
check_forces() {
	local want=${1% Police} f list=() names
	shift
	for f in "$@"; do [ "$f" != - ] || return 0; done
	# A job, so that a signal stops it at once (on_signal).
	run_job "$BIN/ingest-crime" --list-forces "$@" >"$staging/forces.txt" \
		2>"$staging/forces.err" ||
		data_error "the inputs cannot be read: $(grep . "$staging/forces.err" | head -n 1)"
	mapfile -t list <"$staging/forces.txt"
	rm -f -- "$staging/forces.txt" "$staging/forces.err"
	names=$(printf "'%s', " "${list[@]}")
	names=${names%, }
	[ ${#list[@]} -gt 0 ] || data_error "the inputs name no force"
	if [ -z "$want" ]; then
		[ ${#list[@]} -eq 1 ] ||
			usage_error "the inputs name ${#list[@]} forces ($names): choose one with --force NAME"
		return 0
	fi
	for f in "${list[@]}"; do [ "$f" != "$want" ] || return 0; done
	data_error "no record names the force '$want' (the inputs name $names)"
}

# need_value OPTION ARGC: OPTION takes a value and ARGC (the arguments
# left, OPTION included) says whether there is one.
need_value() {
	[ "$2" -ge 2 ] || usage_error "option '$1' needs a value"
}

# Every long-running command runs as a background job in a process group of
# its own (set -m), waited for with wait, which a signal interrupts: the
# trap below can then stop the whole group (a stage and its gzip) at once.
set -m
exec {stderr_fd}>&2	# the trap's messages: a job's stderr may be redirected
job=
staging=
stopped_by=
tmpfiles=()

# run_job CMD...: run CMD (a command or function) as the current job.
run_job() {
	local rc=0
	"$@" &
	job=$!
	wait "$job" || rc=$?
	job=
	return "$rc"
}

# on_signal SIG: stop the running job's process group; the EXIT trap then
# removes the staging directory.
on_signal() {
	trap '' TERM INT HUP
	if [ -n "$job" ]; then
		kill -TERM -- "-$job" 2>/dev/null || true
		wait "$job" 2>/dev/null || true
		job=
	fi
	# shellcheck disable=SC2034 # for the script's on_exit_hook
	stopped_by=SIG$1
	echo "$prog: stopped by SIG$1${signal_note:+; $signal_note}" >&"$stderr_fd"
	exit 1
}

# on_exit: remove what a run that did not finish leaves behind (after the
# script's own on_exit_hook, if it has one).
on_exit() {
	local f
	if declare -F on_exit_hook >/dev/null; then
		on_exit_hook || true
	fi
	[ -z "$staging" ] || rm -rf -- "$staging"
	for f in ${tmpfiles[@]+"${tmpfiles[@]}"}; do
		rm -rf -- "$f"
	done
}
trap 'on_signal TERM' TERM
trap 'on_signal INT' INT
trap 'on_signal HUP' HUP
trap on_exit EXIT

# lock_parent DIR: hold DIR/.crimepipe.lock until the script ends (the
# descriptor is inherited by the stages, so a killed script's stages that
# are still running keep it too).
lock_parent() {
	local lock=$1/.crimepipe.lock
	exec {lockfd}>>"$lock" || data_error "$lock: cannot open the lock file"
	if ! flock -n "$lockfd"; then
		echo "$prog: waiting for another run in $1 to finish" >&2
		run_job flock "$lockfd"
	fi
}

# is_run DIR: DIR holds a run (a complete one or one from an older
# monthly.sh).
is_run() {
	[ -f "$1/options.env" ] || [ -f "$1/manifest.json" ]
}

# clean_leftovers PARENT: remove what killed runs left in PARENT (see the
# top of this file).  Call it holding the lock.
clean_leftovers() {
	local p=$1 d name base target
	for d in "$p"/.crimepipe.staging.* "$p"/.crimepipe.link.*; do
		[ -e "$d" ] || [ -L "$d" ] || continue
		echo "$prog: removing $d, left by a run that was stopped" >&2
		rm -rf -- "$d"
	done
	for d in "$p"/.*.legacy.*; do
		if [ ! -d "$d" ] || [ -L "$d" ]; then continue; fi
		name=${d##*/}
		base=${name#.}
		base=${base%.legacy.*}
		if [ -e "$p/$base" ] || [ -L "$p/$base" ]; then
			rm -rf -- "$d"
		else
			echo "$prog: restoring $p/$base from $d (its replacement was stopped)" >&2
			mv -T -- "$d" "$p/$base"
		fi
	done
	for d in "$p"/.*.run.*; do
		if [ ! -d "$d" ] || [ -L "$d" ]; then continue; fi
		is_run "$d" || [ -z "$(ls -A "$d")" ] || continue
		name=${d##*/}
		base=${name#.}
		base=${base%.run.*}
		target=$(readlink -- "$p/$base" 2>/dev/null || true)
		[ "$target" != "$name" ] || continue
		echo "$prog: removing $d, a run that $p/$base no longer names" >&2
		rm -rf -- "$d"
	done
}

# begin_run DIR: lock DIR's parent, clean it and make the staging directory
# ($staging) beside DIR.
begin_run() {
	local p
	p=$(dirname -- "$1")
	mkdir -p -- "$p" || data_error "$p: cannot make the output directory"
	lock_parent "$p"
	clean_leftovers "$p"
	staging=$(mktemp -d "$p/.crimepipe.staging.XXXXXX") ||
		data_error "$p: cannot make a staging directory"
	# mktemp makes it 0700; a run directory is made as mkdir would.
	chmod "$(printf '%o' $((0777 & ~$(umask))))" "$staging"
}

# check_out DIR REPLACE: DIR may be written: it does not exist, or REPLACE
# is 1 and it is a run.
check_out() {
	if [ -e "$1" ] || [ -L "$1" ]; then
		[ "$2" = 1 ] || usage_error "'$1' exists (a previous run?): give --replace to replace it"
		[ -L "$1" ] || is_run "$1" || [ -z "$(ls -A -- "$1")" ] ||
			usage_error "'$1' is not a run directory (no options.env): not replacing it"
	fi
}

# install_run DIR: make the staging directory the run DIR names, in one
# rename, and remove the run it replaces.
install_run() {
	local dir=$1 p base suffix v old='' legacy=
	p=$(dirname -- "$dir")
	base=$(basename -- "$dir")
	suffix=${staging##*.}
	v=.$base.run.$suffix
	mv -T -- "$staging" "$p/$v" || data_error "$p/$v: cannot rename the staging directory"
	staging=$p/$v		# removed on exit until it is published
	if [ -L "$dir" ]; then
		old=$(readlink -- "$dir")
		case $old in .*.run.*) ;; *) old= ;; esac
	elif [ -d "$dir" ]; then
		legacy=$p/.$base.legacy.$suffix
		mv -T -- "$dir" "$legacy" || data_error "$dir: cannot move the previous run aside"
	fi
	if ! ln -s -- "$v" "$p/.crimepipe.link.$suffix" ||
	    ! mv -T -- "$p/.crimepipe.link.$suffix" "$dir"; then
		rm -f -- "$p/.crimepipe.link.$suffix"
		[ -z "$legacy" ] || mv -T -- "$legacy" "$dir"
		data_error "$dir: cannot replace the run"
	fi
	staging=
	[ -z "$old" ] || [ "$old" = "$v" ] || rm -rf -- "${p:?}/$old"
	[ -z "$legacy" ] || rm -rf -- "$legacy"
}

# write_options DIR: the run's options ($month, $force, ... and the array
# $outcomes), for rerun.sh.
write_options() {
	{
		printf 'month=%q\n' "$month"
		printf 'month_requested=%q\n' "${month_requested:-$month}"
		printf 'force=%q\n' "$force"
		printf 'definition=%q\n' "$definition"
		printf 'baseline=%q\n' "$baseline"
		printf 'title=%q\n' "$title"
		printf 'outcomes=('
		[ ${#outcomes[@]} -eq 0 ] || printf ' %q' "${outcomes[@]}"
		printf ' )\n'
	} >"$1/options.env"
}

# load_options DIR: the options back (an older run's outcomes, a string
# of names, becomes one array element a name).
load_options() {
	month_requested=
	unset outcomes
	# shellcheck disable=SC1091
	source "$1/options.env"
	month_requested=${month_requested:-$month}
	if ! [ -v outcomes ] || [[ ${outcomes@a} != *a* ]]; then
		# shellcheck disable=SC2206,SC2128
		outcomes=(${outcomes:-})
	fi
}

# stats_field LOG NAME: a number from the --stats line at the end of LOG.
stats_field() {
	sed -n "s/.*[:,] $2 \([0-9][0-9]*\).*/\1/p" "$1" | tail -n 1
}

# check_accounting DIR N STAGE: read = written + rejected for stage N, and
# it read what stage N-1 wrote.
check_accounting() {
	local dir=$1 n=$2 stage=$3 log read written rejected prev_written
	log=$dir/logs/$n-$stage.log
	read=$(stats_field "$log" read)
	written=$(stats_field "$log" written)
	rejected=$(stats_field "$log" rejected)
	if [ -z "$read" ] || [ -z "$written" ] || [ -z "$rejected" ]; then
		data_error "$stage: no --stats line in $log"
	fi
	[ $((written + rejected)) -eq "$read" ] ||
		data_error "$stage: read $read != written $written + rejected $rejected"
	if [ "$n" -gt 1 ]; then
		prev_written=$(stats_field "$dir/logs/$((n - 1))-${STAGES[n - 2]}.log" written)
		# compute-outcomes also counts the rejected rows of its
		# --outcomes files as read.
		if [ "$stage" = compute-outcomes ]; then
			[ "$read" -ge "$prev_written" ] ||
				data_error "$stage read $read records, $((n - 1))-${STAGES[n - 2]} wrote $prev_written"
		else
			[ "$read" -eq "$prev_written" ] ||
				data_error "$stage read $read records, $((n - 1))-${STAGES[n - 2]} wrote $prev_written"
		fi
	fi
}

# stage_pipe LOG STREAM CMD...: CMD's output gzipped into STREAM.tmp, its
# stderr into LOG (run as a job).
stage_pipe() {
	local log=$1 stream=$2
	shift 2
	"$@" 2>"$log" | gzip -n -1 >"$stream.tmp"
}

# run_stage DIR N STAGE INPUT...: one record stage, its stream gzipped.
run_stage() {
	local dir=$1 n=$2 stage=$3 opts=() f
	shift 3
	load_options "$dir"
	case $stage in
	tag-rural) opts=(--definition "$definition") ;;
	compute-outcomes)
		for f in ${outcomes[@]+"${outcomes[@]}"}; do
			opts+=(--outcomes "$f")
		done ;;
	esac
	local stream=$dir/streams/$n-$stage.csv.gz log=$dir/logs/$n-$stage.log
	rm -f "$dir/rejects/$stage.csv"
	run_job stage_pipe "$log" "$stream" "$BIN/$stage" --stats \
		-r "$dir/rejects/$stage.csv" ${opts[@]+"${opts[@]}"} "$@" || {
		cat "$log" >&2
		data_error "$stage failed (its messages are above)"
	}
	mv "$stream.tmp" "$stream"
	check_accounting "$dir" "$n" "$stage"
	echo "$prog: $(tail -n 1 "$log")" >&2
}

# run_record_stages DIR N: record stages N..4, each on the kept stream of
# the stage before.
run_record_stages() {
	local dir=$1 n=$2 i
	for ((i = n; i <= ${#STAGES[@]}; i++)); do
		run_stage "$dir" "$i" "${STAGES[i - 1]}" \
			"$dir/streams/$((i - 1))-${STAGES[i - 2]}.csv.gz"
	done
}

# run_from_stage DIR N: record stages N..4, then the measures (N <= 5) and
# the summaries.
run_from_stage() {
	local dir=$1 n=$2
	run_record_stages "$dir" "$n"
	[ "$n" -gt 5 ] || run_aggregate "$dir"
	run_emit "$dir"
}

# latest_month DIR: set latest to the reporting force's latest covered
# month in the stage-4 stream (aggregate-district --list-months).
latest_month() {
	local dir=$1 agg=()
	load_options "$dir"
	[ -z "$force" ] || agg+=(--force "$force")
	run_job "$BIN/aggregate-district" --list-months ${agg[@]+"${agg[@]}"} \
		"$dir/streams/4-compute-outcomes.csv.gz" >"$dir/months.tmp" \
		2>"$dir/logs/5-list-months.log" || {
		cat "$dir/logs/5-list-months.log" >&2
		rm -f "$dir/months.tmp"
		! grep -q "unrecognized option '--list-months'" "$dir/logs/5-list-months.log" ||
			data_error "this aggregate-district cannot list months: give the month (YYYY-MM)"
		data_error "aggregate-district --list-months failed: cannot find the latest month"
	}
	latest=$(tail -n 1 "$dir/months.tmp")
	rm -f "$dir/months.tmp" "$dir/logs/5-list-months.log"
	[[ $latest =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] ||
		data_error "the records cover no month${force:+ of force $force}"
}

# run_aggregate DIR: the long table of measures from the last stream.
run_aggregate() {
	local dir=$1 read written log=$1/logs/5-aggregate-district.log
	load_options "$dir"
	local agg=(--month "$month" --baseline "$baseline")
	[ -z "$force" ] || agg+=(--force "$force")
	rm -f "$dir/rejects/aggregate-district.csv"
	run_job "$BIN/aggregate-district" --stats -r "$dir/rejects/aggregate-district.csv" \
		"${agg[@]}" "$dir/streams/4-compute-outcomes.csv.gz" \
		>"$dir/measures.csv.tmp" 2>"$log" || {
		cat "$log" >&2
		data_error "aggregate-district failed (its messages are above)"
	}
	mv "$dir/measures.csv.tmp" "$dir/measures.csv"
	read=$(stats_field "$log" read)
	written=$(stats_field "$dir/logs/4-compute-outcomes.log" written)
	[ "$read" = "$written" ] ||
		data_error "aggregate-district read $read records, compute-outcomes wrote $written"
	echo "$prog: $(tail -n 1 "$log")" >&2
}

# run_emit DIR: the summary in every format, each file written atomically.
run_emit() {
	local dir=$1 fmt log=$1/logs/6-emit-summary.log
	load_options "$dir"
	local emit=(--month "$month") f
	[ -z "$title" ] || emit+=(--title "$title")
	# Data quality (docs/report.md): every stage's rejects and log.
	for f in "$dir"/rejects/*.csv; do
		[ ! -e "$f" ] || emit+=(--run-rejects "$f")
	done
	for f in "$dir"/logs/[1-5]-*.log; do
		[ ! -e "$f" ] || emit+=(--run-log "$f")
	done
	: >"$log"
	for fmt in md html csv json; do
		run_job "$BIN/emit-summary" "${emit[@]}" --format "$fmt" \
			-o "$dir/summary.$fmt" "$dir/measures.csv" 2>>"$log" || {
			cat "$log" >&2
			data_error "emit-summary --format $fmt failed"
		}
	done
}

# json_string S: S as a JSON string.
json_string() {
	local s=$1
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	s=${s//$'\t'/\\t}
	s=${s//$'\n'/\\n}
	s=${s//$'\r'/\\r}
	printf '"%s"' "$s"
}

# sha256_of FILE
sha256_of() {
	sha256sum <"$1" | cut -d' ' -f1
}

# json_file PATH [EXTRA]: {"path": PATH, "bytes": N, "sha256": ...EXTRA} for
# a file, {"path": PATH} for anything else (standard input).
json_file() {
	if [ -f "$1" ]; then
		printf '{"path": %s, "bytes": %s, "sha256": "%s"%s}' \
			"$(json_string "$1")" "$(stat -c %s -- "$1")" \
			"$(sha256_of "$1")" "${2:-}"
	else
		printf '{"path": %s%s}' "$(json_string "$1")" "${2:-}"
	fi
}

# write_manifest DIR [RERUN PREVIOUS]: what went in, what ran, what came
# out.  RERUN is the JSON object of the re-run that made it (rerun.sh) and
# PREVIOUS the manifest it replaces: ingest-crime did not run again, so its
# inputs are those PREVIOUS lists (as they were then).
write_manifest() {
	local dir=$1 rerun=${2:-} previous=${3:-} f first stage n log key s
	load_options "$dir"
	{
		printf '{\n  "month": %s,\n' "$(json_string "$month")"
		printf '  "options": {"month": %s, "force": %s, "definition": %s, "baseline": %s, "title": %s, "outcomes": [' \
			"$(json_string "$month_requested")" "$(json_string "$force")" \
			"$(json_string "$definition")" "$baseline" "$(json_string "$title")"
		first=1
		for f in ${outcomes[@]+"${outcomes[@]}"}; do
			[ $first = 1 ] || printf ', '
			first=0
			json_string "$f"
		done
		printf ']},\n'
		if [ -n "$previous" ] && grep -q '^  "inputs": \[' "$previous"; then
			sed -n '/^  "inputs": \[/,/^  \],$/p' "$previous"
		else
			printf '  "inputs": ['
			first=1
			while IFS= read -r f; do
				[ $first = 1 ] || printf ','
				first=0
				printf '\n    '
				json_file "$f"
			done <"$dir/inputs.txt"
			printf '\n  ],\n'
		fi
		printf '  "outcomes": ['
		first=1
		for f in ${outcomes[@]+"${outcomes[@]}"}; do
			[ $first = 1 ] || printf ','
			first=0
			printf '\n    '
			json_file "$f"
		done
		printf '\n  ],\n  "versions": {'
		first=1
		for stage in "${STAGES[@]}" aggregate-district emit-summary; do
			[ $first = 1 ] || printf ','
			first=0
			s=$("$BIN/$stage" --version)
			printf '\n    "%s": %s' "$stage" "$(json_string "${s//$'\n'/ }")"
		done
		printf '\n  },\n  "stages": ['
		n=0
		for stage in "${STAGES[@]}" aggregate-district; do
			n=$((n + 1))
			log=$dir/logs/$n-$stage.log
			[ $n = 1 ] || printf ','
			printf '\n    {"stage": %s' "$(json_string "$stage")"
			for key in read written rejected; do
				printf ', "%s": %s' "$key" "$(stats_field "$log" "$key")"
			done
			printf ', "stats": %s}' "$(json_string "$(tail -n 1 "$log")")"
		done
		printf '\n  ],\n  "streams": ['
		n=0
		for stage in "${STAGES[@]}"; do
			n=$((n + 1))
			s=streams/$n-$stage.csv.gz
			[ $n = 1 ] || printf ','
			printf '\n    {"path": %s, "sha256": "%s"}' "$(json_string "$s")" \
				"$(sha256_of "$dir/$s")"
		done
		printf '\n  ],\n  "outputs": ['
		first=1
		for f in measures.csv summary.md summary.html summary.csv summary.json; do
			[ -f "$dir/$f" ] || continue
			[ $first = 1 ] || printf ','
			first=0
			printf '\n    {"path": %s, "sha256": "%s"}' "$(json_string "$f")" \
				"$(sha256_of "$dir/$f")"
		done
		printf '\n  ]'
		[ -z "$rerun" ] || printf ',\n  "rerun": %s' "$rerun"
		printf '\n}\n'
	} >"$dir/manifest.json.tmp"
	mv "$dir/manifest.json.tmp" "$dir/manifest.json"
}
