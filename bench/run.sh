#!/usr/bin/env bash
# make bench: generate large synthetic force extracts once (bench/data/,
# kept out of git), then time, for each size:
#   - the floors: cat x5 through pipes, a bare libcsv parse (tools/csvcount),
#     the stream reader alone (csvparse --count), and the "empty pipeline":
#     five processes that read and rewrite records (csvparse --pass);
#   - each stage alone on its own input;
#   - the whole pipeline as one pipe, beside DuckDB computing three of the
#     measures from the same raw file (the two in turns, run by run), with
#     the ratios to DuckDB and to the floors.
# Every figure is the median of BENCH_RUNS runs (default 3; the machine is
# shared): wall seconds, records/s and MB/s (input bytes) from the wall
# time, CPU seconds (user + system) and MB per CPU second (steadier than
# wall time when other work shares the cores), peak resident memory, and
# the command.  Then callgrind instruction counts for the reader on a fixed
# input (repeatable where times are not).  Sizes: BENCH_SIZES (default
# "1000000 5000000").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/bin
DATA=$ROOT/bench/data
export CRIMEPIPE_REFERENCE=$ROOT/reference LC_ALL=C
sizes=${BENCH_SIZES:-"1000000 5000000"}
runs=${BENCH_RUNS:-3}
mkdir -p "$DATA"

# median_stat COMMAND: "wall kb cpu", each the median of $runs runs.
median_stat() {
	local cmd=$1 i tmp col
	tmp=$(mktemp)
	for ((i = 0; i < runs; i++)); do
		"$BIN/runstat" "$cmd" 2>&1 >/dev/null | tail -n 1 >>"$tmp"
	done
	for col in 1 2 3; do
		cut -d' ' -f$col "$tmp" | sort -g | sed -n "$(((runs + 1) / 2))p"
	done | tr '\n' ' '
	rm -f "$tmp"
}

# result_line NAME RECORDS INPUT SECS KIB CPU NOTE COMMAND: one result line
# (NOTE, if not empty, goes before the command).
result_line() {
	awk -v n="$1" -v r="$2" -v b="$(stat -c %s "$3")" -v s="$4" -v k="$5" -v c="$6" -v note="$7" -v cmd="$8" 'BEGIN {
		if (s <= 0) s = 0.001
		cs = c > 0 ? c : 0.001
		printf "%-20s %7.1f MB %7.2f s %9.0f rec/s %7.1f MB/s  cpu %6.2f s %7.1f MB/cpu-s  peak %7.1f MB  %s $ %s\n",
		    n, b / 1e6, s, r / s, b / 1e6 / s, c, b / 1e6 / cs, k / 1024, note, cmd
	}'
}

# measure NAME RECORDS INPUT COMMAND: one result line; the median wall
# seconds and peak KiB are kept in $DATA/last.
measure() {
	local name=$1 records=$2 input=$3 cmd=$4 secs kb cpu
	read -r secs kb cpu <<<"$(median_stat "$cmd")"
	echo "$secs $kb" >"$DATA/last"
	echo "$name|$records|$cpu" >>"$DATA/per-record.tmp"
	result_line "$name" "$records" "$input" "$secs" "$kb" "$cpu" "" "$cmd"
}

# pipeline_and_duckdb RECORDS INPUT: the five stages as one pipe, each
# under runstat so that each stage's CPU time and peak memory are known
# (from the run with the median wall time; the pipeline's memory is the
# sum of the stages' peaks: they all run at once), and DuckDB on the same
# file.  The two take turns, run by run, so that both meet the same
# moments of a shared machine: the ratio is the median of the runs' own
# ratios, and the best (least) wall times are given beside the medians.
pipeline_and_duckdb() {
	local records=$1 input=$2 dir wall kb cpu total_kb name i r walls=() med
	local dwall=0 dkb=0 dcpu=0 dwalls=() ratios=()
	dir=$(mktemp -d)
	local stages=(ingest-crime tag-rural flag-repeat compute-outcomes aggregate-district)
	for ((r = 0; r < runs; r++)); do
		mkdir -p "$dir/$r"
		read -r wall _ _ <<<"$("$BIN/runstat" "$BIN/runstat '$BIN/ingest-crime $input' 2>$dir/$r/0 |
			$BIN/runstat '$BIN/tag-rural' 2>$dir/$r/1 |
			$BIN/runstat '$BIN/flag-repeat' 2>$dir/$r/2 |
			$BIN/runstat '$BIN/compute-outcomes' 2>$dir/$r/3 |
			$BIN/runstat '$BIN/aggregate-district --month 2019-12 --force Warwickshire' 2>$dir/$r/4 >/dev/null" 2>&1 | tail -n 1)"
		walls+=("$wall $r")
		if [ "$duckdb" = 1 ]; then
			read -r dwall dkb dcpu <<<"$("$BIN/runstat" "bash $ROOT/bench/duckdb.sh $input 2019-12 >/dev/null" 2>&1 >/dev/null | tail -n 1)"
			dwalls+=("$dwall $dkb $dcpu")
			ratios+=("$(awk -v p="$wall" -v d="$dwall" 'BEGIN { print p / (d > 0 ? d : 0.001) }')")
		fi
	done
	read -r wall med <<<"$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p")"
	total_kb=0
	i=0
	for name in "${stages[@]}"; do
		read -r _ kb cpu <<<"$(tail -n 1 "$dir/$med/$i")"
		total_kb=$((total_kb + kb))
		printf '    %-20s cpu %6.2f s   peak %7.1f MB\n' "$name" "$cpu" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
		i=$((i + 1))
	done
	best=$(printf '%s\n' "${walls[@]}" | sort -g | head -n 1 | cut -d' ' -f1)
	awk -v r="$records" -v w="$wall" -v b="$best" -v k="$total_kb" 'BEGIN {
		printf "%-20s %7.2f s %9.0f rec/s  memory (sum of stage peaks) %7.1f MB   (median of the runs; best %.2f s)\n",
		    "whole pipeline", w, r / w, k / 1024, b }'
	echo "$wall $total_kb $best" >"$DATA/pipeline.last"
	if [ "$duckdb" = 1 ]; then
		read -r dwall dkb dcpu <<<"$(printf '%s\n' "${dwalls[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p")"
		dbest=$(printf '%s\n' "${dwalls[@]}" | sort -g | head -n 1 | cut -d' ' -f1)
		ratio=$(printf '%s\n' "${ratios[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p")
		echo "$dwall $dkb $dcpu $dbest $ratio" >"$DATA/duckdb.last"
	fi
	rm -rf "$dir"
}

echo "crimepipe benchmarks on $(nproc) cores; $(uname -m); $(date -u +%Y-%m-%d); median of $runs runs"
duckdb=0
if command -v node >/dev/null && bash "$ROOT/bench/duckdb.sh" --install >/dev/null 2>&1; then
	duckdb=1
else
	echo "(DuckDB comparison skipped: node/npm or @duckdb/node-api unavailable)"
fi
: >"$DATA/per-record.tmp"
for n in $sizes; do
	raw=$DATA/extract-$n.csv
	if [ ! -s "$raw" ]; then
		"$BIN/gen-extract" --seed 7 --records "$n" >"$raw.tmp"
		mv "$raw.tmp" "$raw"
	fi
	records=$(($("$BIN/csvparse" --count "$raw" | cut -d' ' -f1)))
	stream=$DATA/stream-$n.csv
	[ -s "$stream" ] || "$BIN/ingest-crime" "$raw" >"$stream" 2>/dev/null
	echo
	echo "== force extract, $n records requested ($records records) =="
	echo "-- floors:"
	measure "cat x5" "$records" "$raw" "cat $raw | cat | cat | cat | cat >/dev/null"
	read -r cat5 _ <"$DATA/last"
	measure "libcsv parse" "$records" "$raw" "$BIN/csvcount $raw"
	measure "reader (extract)" "$records" "$raw" "$BIN/csvparse --count $raw"
	measure "reader (stream)" "$records" "$stream" "$BIN/csvparse --count $stream"
	measure "empty pipeline" "$records" "$raw" "$BIN/csvparse --pass $raw | $BIN/csvparse --pass | $BIN/csvparse --pass | $BIN/csvparse --pass | $BIN/csvparse --pass >/dev/null"
	read -r empty _ <"$DATA/last"

	echo "-- each stage alone:"
	measure ingest-crime "$records" "$raw" "$BIN/ingest-crime $raw >/dev/null"
	"$BIN/ingest-crime" --stats "$raw" 2>&1 >/dev/null | tail -n 1 | sed 's/^/    /'
	prev=$stream
	for stage in tag-rural flag-repeat compute-outcomes; do
		next=$DATA/$stage-$n.csv
		measure "$stage" "$records" "$prev" "$BIN/$stage $prev >/dev/null"
		[ -s "$next" ] || "$BIN/$stage" "$prev" >"$next" 2>/dev/null
		"$BIN/$stage" --stats "$prev" 2>&1 >/dev/null | tail -n 1 | sed 's/^/    /'
		prev=$next
	done
	measure aggregate-district "$records" "$prev" \
	    "$BIN/aggregate-district --month 2019-12 --force Warwickshire $prev >/dev/null"
	echo
	echo "-- end to end, raw extract to measures (one pipe; per-stage CPU and peak):"
	echo "   \$ ingest-crime $raw | tag-rural | flag-repeat | compute-outcomes | aggregate-district --month 2019-12 --force Warwickshire"
	pipeline_and_duckdb "$records" "$raw"
	read -r pwall pkb pbest <"$DATA/pipeline.last"
	awk -v pw="$pwall" -v c="$cat5" -v e="$empty" 'BEGIN {
		printf "pipeline / floors: %.1fx cat x5 (%.2f s), %.2fx the empty pipeline (%.2f s)\n",
		    pw / (c > 0 ? c : 0.001), c, pw / e, e }'
	if [ $duckdb = 1 ]; then
		# DuckDB computes three of the measures (counts by month x
		# district x group, repeat victims in M, the YTD outcome rate)
		# from the same raw file, in turns with the pipeline's runs.
		bash "$ROOT/bench/duckdb.sh" "$raw" 2019-12 >"$DATA/duckdb-$n.txt"
		read -r dwall dkb dcpu dbest ratio <"$DATA/duckdb.last"
		result_line duckdb "$records" "$raw" "$dwall" "$dkb" "$dcpu" "(best $(printf '%.2f' "$dbest") s)" \
		    "bash $ROOT/bench/duckdb.sh $raw 2019-12 >/dev/null"
		sed 's/^/    /' "$DATA/duckdb-$n.txt"
		awk -v pw="$pwall" -v pk="$pkb" -v dw="$dwall" -v dk="$dkb" -v ratio="$ratio" -v pb="$pbest" -v db="$dbest" 'BEGIN {
			printf "crimepipe / DuckDB: wall time %.2fx (median of the runs'"'"' own ratios; medians %.2f s / %.2f s, best %.2f s / %.2f s = %.2fx), memory %.2fx (%.0f MB / %.0f MB)\n",
			    ratio, pw, dw, pb, db, pb / db, pk / dk, pk / 1024, dk / 1024 }'
	fi
done

# Cost per record across the sizes (issue 12: flat from 1M to 10M within
# 15 %): CPU microseconds a record of each command alone, and the largest
# over the smallest.
if [ "$(echo "$sizes" | wc -w)" -gt 1 ]; then
	echo
	echo "-- CPU microseconds a record, each command alone (median CPU s / records):"
	awk -F'|' '
		!($1 in seen) { seen[$1] = 1; order[++n] = $1 }
		{ k[$1] = k[$1] + 1; v[$1, k[$1]] = $3 / $2 * 1e6; r[$1, k[$1]] = $2 }
		END {
			for (i = 1; i <= n; i++) {
				s = order[i]; line = sprintf("    %-20s", s); lo = hi = v[s, 1]
				for (j = 1; j <= k[s]; j++) {
					line = line sprintf("  %5.2f (%.1fM)", v[s, j], r[s, j] / 1e6)
					if (v[s, j] < lo) lo = v[s, j]
					if (v[s, j] > hi) hi = v[s, j]
				}
				printf "%s   largest/smallest %.2f\n", line, (lo > 0 ? hi / lo : 0)
			}
		}' "$DATA/per-record.tmp"
fi
rm -f "$DATA/per-record.tmp"

# Instruction counts do not depend on the machine's load: the reader
# (csvparse --count) over the first 200,000 lines of the 1M inputs.
if command -v valgrind >/dev/null && [ -s "$DATA/extract-1000000.csv" ] && [ -s "$DATA/stream-1000000.csv" ]; then
	echo
	echo "-- callgrind, the reader alone (csvparse --count), first 200,000 lines:"
	for f in extract stream; do
		head -n 200001 "$DATA/$f-1000000.csv" >"$DATA/$f-200k.csv"
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN/csvparse" --count "$DATA/$f-200k.csv" 2>&1 >/dev/null |
		    sed -n 's/.*refs: *\([0-9,]*\)/\1/p' | awk -v f="$f" -v b="$(stat -c %s "$DATA/$f-200k.csv")" '{
			n = $1; gsub(",", "", n)
			printf "    %-8s %6.1f MB  %14s instructions  %.2f a byte\n", f, b / 1e6, $1, n / b }'
	done
fi
