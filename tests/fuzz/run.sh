#!/usr/bin/env bash
# make fuzz: run each libFuzzer target given (build/fuzz/fuzz-<target>)
# for $FUZZ_SECONDS seconds (default 60), and fail on any crash, leak,
# timeout or disagreement.  For each target:
#   1. every committed reproducer (tests/fuzz/regressions/<target>/) and
#      every seed is run once, whole (the fuzzing below cuts inputs to
#      -max_len, and some reproducers are several MiB);
#   2. the target fuzzes a scratch copy of its corpus (the seeds of
#      tests/fuzz/seeds.py and the reproducers), never the committed files.
# Crashes are written to build/fuzz/run/<target>/crash-* (keep each as a
# regression case: tests/fuzz/regressions/<target>/, see the README).
# $FUZZ_ARGS adds libFuzzer options, e.g. FUZZ_ARGS='-fork=2
# -ignore_crashes=1' to go on past crashes and collect them all.
# Ends with each target's executions and time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
secs=${FUZZ_SECONDS:-60}
work=$ROOT/build/fuzz/run
export LC_ALL=C TZ=UTC
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
case $secs in
'' | *[!0-9]*) echo "fuzz: FUZZ_SECONDS must be a number of seconds" >&2; exit 2 ;;
esac

rm -rf "$work"
mkdir -p "$work"
python3 "$ROOT/tests/fuzz/seeds.py" "$work/seeds" "$ROOT"

known=$ROOT/tests/fuzz/regressions/known-defects
status=0
summary=()
for bin in "$@"; do
	t=${bin##*/fuzz-}
	dir=$work/$t
	mkdir -p "$dir/corpus"
	inputs=()
	if [ -d "$ROOT/tests/fuzz/regressions/$t" ]; then
		for f in "$ROOT/tests/fuzz/regressions/$t"/*; do
			[ -f "$f" ] || continue
			# Known to take hours under ASan: see known-defects.
			if awk -v f="$t/${f##*/}" '$1 == f && $2 == "slow" { x = 1 }
			    END { exit !x }' "$known"; then
				echo "fuzz-$t: skipping ${f##*/} (known-defects: slow)"
				continue
			fi
			inputs+=("$f")
		done
	fi
	inputs+=("$work/seeds/$t"/*)

	# 1. Each input once, whole; every failing one is named and left
	# out of the corpus.
	bad=0
	once=("$bin" -rss_limit_mb=2048 -timeout=60)
	if "${once[@]}" "${inputs[@]}" >"$dir/once.log" 2>&1; then
		cp "${inputs[@]}" "$dir/corpus/"
		inputs=()	# all passed: no need to run them one by one
	fi
	for f in "${inputs[@]}"; do
		if "${once[@]}" "$f" >"$dir/once.log" 2>&1; then
			cp "$f" "$dir/corpus/"
			continue
		fi
		echo "fuzz-$t: FAILS on $f:" >&2
		grep -v '^    #\|^INFO\|^NOTE\|^ *Combine\|^\*\*\*\|^Running\|^Executed' \
			"$dir/once.log" | head -n 30 >&2
		bad=$((bad + 1))
	done
	if [ $bad -ne 0 ]; then
		status=1
		summary+=("fuzz-$t: FAILED on $bad of its reproducers and seeds (above)")
	fi

	# 2. Fuzz.
	start=$(date +%s)
	# shellcheck disable=SC2086
	if "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
		-max_len=65536 -close_fd_mask=2 -print_final_stats=1 \
		-artifact_prefix="$dir/" ${FUZZ_ARGS:-} "$dir/corpus" \
		>"$dir/fuzz.log" 2>&1; then
		result=ok
	else
		result=FAILED
		status=1
		grep -v '^    #[1-9][0-9]' "$dir/fuzz.log" | grep -v '^#[0-9]' |
			tail -n 40 >&2
		ls "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-* \
			2>/dev/null | sed 's/^/    kept: /' >&2 || true
	fi
	elapsed=$(($(date +%s) - start))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz.log" | tail -n 1)
	# After a crash there are no final stats: the last status line's count.
	[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]].*/\1/p' \
		"$dir/fuzz.log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/fuzz.log" | tail -n 1)
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$dir/fuzz.log" | tail -n 1)
	units=$(ls "$dir/corpus" | wc -l)
	summary+=("fuzz-$t: $result, ${execs:-?} executions in ${elapsed} s (${rate:-?}/s), corpus $units inputs, peak ${rss:-?} MB")
done
echo
printf '%s\n' "${summary[@]}"
exit $status
