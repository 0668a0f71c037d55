#!/usr/bin/env bash
# make bench: generate large synthetic force extracts once (bench/data/,
# kept out of git), then time each filter over them beside cat, wc -l and a
# bare libcsv parse of the same bytes.  Prints, per command: records/s,
# MB/s (input bytes), wall seconds and peak resident memory, with the
# command itself.  Sizes: BENCH_SIZES (default "1000000 5000000").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/bin
DATA=$ROOT/bench/data
export CRIMEPIPE_REFERENCE=$ROOT/reference LC_ALL=C
sizes=${BENCH_SIZES:-"1000000 5000000"}
mkdir -p "$DATA"

# measure NAME RECORDS INPUT COMMAND: one result line.
measure() {
	local name=$1 records=$2 input=$3 cmd=$4 bytes stat secs kb
	bytes=$(stat -c %s "$input")
	stat=$("$BIN/runstat" "$cmd" 2>&1 >/dev/null | tail -n 1)
	read -r secs kb _ <<<"$stat"
	awk -v n="$name" -v r="$records" -v b="$bytes" -v s="$secs" -v k="$kb" -v c="$cmd" 'BEGIN {
		if (s <= 0) s = 0.001
		printf "%-18s %9d rec %7.1f MB %7.2f s %10.0f rec/s %7.1f MB/s  peak %6.1f MB   $ %s\n",
		    n, r, b / 1e6, s, r / s, b / 1e6 / s, k / 1024, c
	}'
}

# pipeline RECORDS INPUT: the five stages as one pipe, each under runstat,
# so that each stage's CPU time and peak memory are known; the pipeline's
# memory is the sum of the stages' peaks (they all run at once).
pipeline() {
	local records=$1 input=$2 dir stat wall kb cpu total_kb=0 name i=0
	dir=$(mktemp -d)
	local stages=(ingest-crime tag-rural flag-repeat compute-outcomes aggregate-district)
	stat=$("$BIN/runstat" "$BIN/runstat '$BIN/ingest-crime $input' 2>$dir/0 |
		$BIN/runstat '$BIN/tag-rural' 2>$dir/1 |
		$BIN/runstat '$BIN/flag-repeat' 2>$dir/2 |
		$BIN/runstat '$BIN/compute-outcomes' 2>$dir/3 |
		$BIN/runstat '$BIN/aggregate-district --month 2019-12 --force Warwickshire' 2>$dir/4 >/dev/null" 2>&1 | tail -n 1)
	read -r wall _ _ <<<"$stat"
	for name in "${stages[@]}"; do
		read -r _ kb cpu <<<"$(tail -n 1 "$dir/$i")"
		total_kb=$((total_kb + kb))
		printf '    %-20s cpu %6.2f s   peak %7.1f MB\n' "$name" "$cpu" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
		i=$((i + 1))
	done
	awk -v r="$records" -v w="$wall" -v k="$total_kb" 'BEGIN {
		printf "%-18s %9d rec  %7.2f s %10.0f rec/s  memory (sum of stage peaks) %7.1f MB\n",
		    "whole pipeline", r, w, r / w, k / 1024 }'
	echo "$wall $total_kb" >"$DATA/pipeline.last"
	rm -rf "$dir"
}

echo "crimepipe benchmarks on $(nproc) cores; $(uname -m); $(date -u +%Y-%m-%d)"
duckdb=0
if command -v node >/dev/null && bash "$ROOT/bench/duckdb.sh" --install >/dev/null 2>&1; then
	duckdb=1
else
	echo "(DuckDB comparison skipped: node/npm or @duckdb/node-api unavailable)"
fi
for n in $sizes; do
	raw=$DATA/extract-$n.csv
	if [ ! -s "$raw" ]; then
		"$BIN/gen-extract" --seed 7 --records "$n" >"$raw.tmp"
		mv "$raw.tmp" "$raw"
	fi
	records=$(($(wc -l <"$raw") - 1))	# close: a few mo_text fields hold newlines
	echo
	echo "== force extract, $n records requested ($records lines) =="
	measure cat "$records" "$raw" "cat $raw >/dev/null"
	measure "wc -l" "$records" "$raw" "wc -l $raw >/dev/null"
	measure "libcsv parse" "$records" "$raw" "$BIN/csvcount $raw"
	measure ingest-crime "$records" "$raw" "$BIN/ingest-crime $raw >/dev/null"
	"$BIN/ingest-crime" --stats "$raw" 2>&1 >/dev/null | tail -n 1 | sed 's/^/    /'

	stream=$DATA/stream-$n.csv
	[ -s "$stream" ] || "$BIN/ingest-crime" "$raw" >"$stream" 2>/dev/null
	measure "libcsv parse" "$records" "$stream" "$BIN/csvcount $stream"
	prev=$stream
	for stage in tag-rural flag-repeat compute-outcomes; do
		[ -x "$BIN/$stage" ] || continue
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
	pipeline "$records" "$raw"
	if [ $duckdb = 1 ]; then
		# DuckDB computes three of the measures (counts by month x
		# district x group, repeat victims in M, the YTD outcome rate)
		# from the same raw file.
		measure duckdb "$records" "$raw" "bash $ROOT/bench/duckdb.sh $raw 2019-12 >$DATA/duckdb-$n.txt"
		sed 's/^/    /' "$DATA/duckdb-$n.txt"
		read -r dwall dkb _ <<<"$("$BIN/runstat" "bash $ROOT/bench/duckdb.sh $raw 2019-12 >/dev/null" 2>&1 | tail -n 1)"
		read -r pwall pkb <"$DATA/pipeline.last"
		awk -v pw="$pwall" -v pk="$pkb" -v dw="$dwall" -v dk="$dkb" 'BEGIN {
			printf "crimepipe / DuckDB: wall time %.2fx (%.2f s / %.2f s), memory %.2fx (%.0f MB / %.0f MB)\n",
			    pw / dw, pw, dw, pk / dk, pk / 1024, dk / 1024 }'
	fi
done
