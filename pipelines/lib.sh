# Shared by monthly.sh, rerun.sh and nightly.sh (sourced, not run).
#
# A run directory holds options.env (the run's options), inputs.txt (the
# raw inputs, one a line), streams/, rejects/, logs/, measures.csv, the
# summaries and manifest.json; see monthly.sh.

# The filters: $CRIMEPIPE_BIN, else the checkout's bin/ beside pipelines/,
# else $PATH.
if [ -n "${CRIMEPIPE_BIN:-}" ]; then
	BIN=$CRIMEPIPE_BIN
elif [ -x "$(dirname "${BASH_SOURCE[0]}")/../bin/ingest-crime" ]; then
	BIN=$(cd "$(dirname "${BASH_SOURCE[0]}")/../bin" && pwd)
else
	BIN=$(dirname "$(command -v ingest-crime || echo /usr/local/bin/ingest-crime)")
fi
export LC_ALL=C

STAGES=(ingest-crime tag-rural flag-repeat compute-outcomes)
prog=$(basename "$0")

usage_error() {
	echo "$prog: $*" >&2
	exit 2
}

data_error() {
	echo "$prog: $*" >&2
	exit 1
}

# save_options DIR name=value...: the run's options, for rerun.sh.
save_options() {
	local dir=$1 kv
	shift
	: >"$dir/options.env"
	for kv in "$@"; do
		printf '%s=%q\n' "${kv%%=*}" "${kv#*=}" >>"$dir/options.env"
	done
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
	[ -n "$read" ] && [ -n "$written" ] && [ -n "$rejected" ] ||
		data_error "$stage: no --stats line in $log"
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

# run_stage DIR N STAGE INPUT...: one record stage, its stream gzipped.
run_stage() {
	local dir=$1 n=$2 stage=$3 opts=() f
	shift 3
	# shellcheck disable=SC1091
	source "$dir/options.env"
	case $stage in
	tag-rural) opts=(--definition "$definition") ;;
	compute-outcomes)
		for f in $outcomes; do opts+=(--outcomes "$f"); done ;;
	esac
	local stream=$dir/streams/$n-$stage.csv.gz
	rm -f "$dir/rejects/$stage.csv"
	"$BIN/$stage" --stats -r "$dir/rejects/$stage.csv" "${opts[@]}" "$@" \
		2>"$dir/logs/$n-$stage.log" | gzip -n -1 >"$stream.tmp" || {
		cat "$dir/logs/$n-$stage.log" >&2
		rm -f "$stream.tmp"
		data_error "$stage failed; see $dir/logs/$n-$stage.log"
	}
	mv "$stream.tmp" "$stream"
	check_accounting "$dir" "$n" "$stage"
	echo "$prog: $(tail -n 1 "$dir/logs/$n-$stage.log")" >&2
}

# run_from_stage DIR N: record stages N..4 (each on the kept stream of the
# stage before), then the measures (N <= 5) and the summaries.
run_from_stage() {
	local dir=$1 n=$2 i
	for ((i = n; i <= ${#STAGES[@]}; i++)); do
		run_stage "$dir" "$i" "${STAGES[i - 1]}" \
			"$dir/streams/$((i - 1))-${STAGES[i - 2]}.csv.gz"
	done
	[ "$n" -gt 5 ] || run_aggregate "$dir"
	run_emit "$dir"
}

# run_aggregate DIR: the long table of measures from the last stream.
run_aggregate() {
	local dir=$1 read written
	# shellcheck disable=SC1091
	source "$dir/options.env"
	local agg=(--month "$month" --baseline "$baseline")
	[ -z "$force" ] || agg+=(--force "$force")
	rm -f "$dir/rejects/aggregate-district.csv"
	"$BIN/aggregate-district" --stats -r "$dir/rejects/aggregate-district.csv" \
		"${agg[@]}" "$dir/streams/4-compute-outcomes.csv.gz" \
		>"$dir/measures.csv.tmp" 2>"$dir/logs/5-aggregate-district.log" || {
		cat "$dir/logs/5-aggregate-district.log" >&2
		rm -f "$dir/measures.csv.tmp"
		data_error "aggregate-district failed; see $dir/logs/5-aggregate-district.log"
	}
	mv "$dir/measures.csv.tmp" "$dir/measures.csv"
	read=$(stats_field "$dir/logs/5-aggregate-district.log" read)
	written=$(stats_field "$dir/logs/4-compute-outcomes.log" written)
	[ "$read" = "$written" ] ||
		data_error "aggregate-district read $read records, compute-outcomes wrote $written"
	echo "$prog: $(tail -n 1 "$dir/logs/5-aggregate-district.log")" >&2
}

# run_emit DIR: the summary in every format, each file written atomically.
run_emit() {
	local dir=$1 fmt
	# shellcheck disable=SC1091
	source "$dir/options.env"
	local emit=(--month "$month")
	[ -z "$title" ] || emit+=(--title "$title")
	: >"$dir/logs/6-emit-summary.log"
	for fmt in md html csv json; do
		"$BIN/emit-summary" "${emit[@]}" --format "$fmt" \
			-o "$dir/summary.$fmt" "$dir/measures.csv" \
			2>>"$dir/logs/6-emit-summary.log" || {
			cat "$dir/logs/6-emit-summary.log" >&2
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
	printf '"%s"' "$s"
}

# write_manifest DIR: what went in, what ran, what came out.
write_manifest() {
	local dir=$1 f first stage n log key
	# shellcheck disable=SC1091
	source "$dir/options.env"
	{
		printf '{\n  "month": %s,\n' "$(json_string "$month")"
		printf '  "options": {"force": %s, "definition": %s, "baseline": %s, "title": %s, "outcomes": %s},\n' \
			"$(json_string "$force")" "$(json_string "$definition")" \
			"$baseline" "$(json_string "$title")" "$(json_string "$outcomes")"
		printf '  "inputs": ['
		first=1
		while IFS= read -r f; do
			[ $first = 1 ] || printf ','
			first=0
			if [ -f "$f" ]; then
				printf '\n    {"path": %s, "bytes": %s, "sha256": "%s"}' \
					"$(json_string "$f")" "$(stat -c %s "$f")" \
					"$(sha256sum <"$f" | cut -d' ' -f1)"
			else
				printf '\n    {"path": %s}' "$(json_string "$f")"
			fi
		done <"$dir/inputs.txt"
		printf '\n  ],\n  "versions": {'
		first=1
		for stage in "${STAGES[@]}" aggregate-district emit-summary; do
			[ $first = 1 ] || printf ','
			first=0
			printf '\n    %s: %s' "$(json_string "$stage")" \
				"$(json_string "$("$BIN/$stage" --version | tr '\n' ' ' | sed 's/ $//')")"
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
		printf '\n  ],\n  "outputs": ['
		first=1
		for f in measures.csv summary.md summary.html summary.csv summary.json; do
			[ -f "$dir/$f" ] || continue
			[ $first = 1 ] || printf ','
			first=0
			printf '\n    {"path": %s, "sha256": "%s"}' "$(json_string "$f")" \
				"$(sha256sum <"$dir/$f" | cut -d' ' -f1)"
		done
		printf '\n  ]\n}\n'
	} >"$dir/manifest.json.tmp"
	mv "$dir/manifest.json.tmp" "$dir/manifest.json"
}
