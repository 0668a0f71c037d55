#!/usr/bin/env bash
# bench/ab.sh N 'COMMAND with @BIN@' BIN_A BIN_B
#
# Two builds judged in turns: N runs of COMMAND with @BIN@ replaced by
# BIN_A, then by BIN_B, alternating, so that both meet the same moments of
# a shared machine.  Prints for each the least and the median CPU seconds
# (user + system of the command's processes), the median wall seconds and
# the largest peak resident memory, as bin/runstat measures them (build
# it first: make).  How bench/RESULTS.md judged each change of issue 12:
#   bench/ab.sh 5 '@BIN@/flag-repeat bench/data/tag-rural-5000000.csv' \
#       /path/to/old/bin bin
# COMMAND runs under sh -c with its stdout to /dev/null.
set -euo pipefail
if [ $# -ne 4 ] || ! [ "$1" -ge 1 ] 2>/dev/null; then
	echo "usage: bench/ab.sh N 'COMMAND with @BIN@' BIN_A BIN_B" >&2
	exit 2
fi
n=$1 cmd=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
runstat=$ROOT/bin/runstat
[ -x "$runstat" ] || { echo "bench/ab.sh: $runstat not built (make)" >&2; exit 2; }
export CRIMEPIPE_REFERENCE=${CRIMEPIPE_REFERENCE:-$ROOT/reference} LC_ALL=C
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for ((i = 0; i < n; i++)); do
	for side in 3 4; do
		# runstat's last line on stderr: wall seconds, peak KiB, CPU seconds.
		"$runstat" "${cmd//@BIN@/${!side}} >/dev/null" 2>&1 >/dev/null | tail -n 1 >>"$dir/$side"
	done
done
for side in 3 4; do
	awk -v bin="${!side}" '
		{ wall[NR] = $1; cpu[NR] = $3; if ($2 > kb) kb = $2 }
		END {
			# insertion sorts: n is small
			for (i = 2; i <= NR; i++)
				for (j = i; j > 1 && wall[j] < wall[j - 1]; j--) { t = wall[j]; wall[j] = wall[j - 1]; wall[j - 1] = t }
			for (i = 2; i <= NR; i++)
				for (j = i; j > 1 && cpu[j] < cpu[j - 1]; j--) { t = cpu[j]; cpu[j] = cpu[j - 1]; cpu[j - 1] = t }
			m = int((NR + 1) / 2)
			printf "%s: cpu best %.2f s, median %.2f s; wall median %.2f s; peak %.1f MB (%d runs)\n",
			    bin, cpu[1], cpu[m], wall[m], kb / 1024, NR
		}' "$dir/$side"
done
