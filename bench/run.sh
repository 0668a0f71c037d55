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
	secs=${stat% *}
	kb=${stat#* }
	awk -v n="$name" -v r="$records" -v b="$bytes" -v s="$secs" -v k="$kb" -v c="$cmd" 'BEGIN {
		if (s <= 0) s = 0.001
		printf "%-18s %9d rec %7.1f MB %7.2f s %10.0f rec/s %7.1f MB/s  peak %6.1f MB   $ %s\n",
		    n, r, b / 1e6, s, r / s, b / 1e6 / s, k / 1024, c
	}'
}

echo "crimepipe benchmarks on $(nproc) cores; $(uname -m); $(date -u +%Y-%m-%d)"
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
	if [ -x "$BIN/aggregate-district" ]; then
		measure aggregate-district "$records" "$prev" \
		    "$BIN/aggregate-district --month 2019-12 --force Warwickshire $prev >/dev/null"
	fi
done
