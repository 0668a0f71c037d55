#!/usr/bin/env bash
# Run every test case and end with "N passed, N failed, N skipped".
#
# A case is an executable shell script: tests/unit/*.sh,
# tests/filters/<filter>/*.sh or tests/pipelines/*.sh.  Each runs in a
# scratch directory of its own (its working directory) with these set:
#   BIN     the directory of the binaries under test (bin/ or bin-san/)
#   ROOT    the checkout;  CASE  the case's own directory (for its inputs)
#   SHARED  ../shared beside the checkout (may not exist: skip cleanly)
# and tests/lib.sh sourced.  Exit 0 passes, 77 skips, anything else fails.
# Arguments, if any, are substrings selecting the cases to run.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export ROOT
export BIN=${BIN:-$ROOT/bin}
export SHARED=${SHARED:-$ROOT/../shared}
export CRIMEPIPE_REFERENCE=$ROOT/reference
# The pipelines run the binaries under test (bin-san/ in a sanitizer
# build, where bin/ may not exist): never whatever else is installed.
export CRIMEPIPE_BIN=$BIN
export LC_ALL=C TZ=UTC
# Sanitizer runs: fail on the first report, find leaks too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}

scratch_root=$ROOT/tests/tmp/run.$$
rm -rf "$scratch_root"
mkdir -p "$scratch_root"

passed=0 failed=0 skipped=0
failures=()
mapfile -t cases < <(cd "$ROOT" && ls tests/unit/*.sh tests/filters/*/*.sh \
	tests/pipelines/*.sh 2>/dev/null | sort)

selected() {
	local c=$1 pat
	[ ${#SELECT[@]} -eq 0 ] && return 0
	for pat in "${SELECT[@]}"; do
		case $c in *"$pat"*) return 0 ;; esac
	done
	return 1
}
SELECT=("$@")

for c in "${cases[@]}"; do
	selected "$c" || continue
	name=${c#tests/}
	name=${name%.sh}
	dir=$scratch_root/${name//\//_}
	mkdir -p "$dir"
	(
		cd "$dir" || exit 1
		export CASE=$ROOT/$(dirname "$c")
		# shellcheck source=lib.sh
		source "$ROOT/tests/lib.sh"
		source "$ROOT/$c"
	) >"$dir.log" 2>&1 </dev/null
	rc=$?
	case $rc in
	0) passed=$((passed + 1)); echo "ok      $name" ;;
	77) skipped=$((skipped + 1)); echo "skip    $name: $(tail -n 1 "$dir.log")" ;;
	*) failed=$((failed + 1)); failures+=("$name")
	   echo "FAIL    $name (exit $rc)"
	   sed 's/^/        | /' "$dir.log" | tail -n 40 ;;
	esac
done
if [ $failed -eq 0 ]; then
	rm -rf "$scratch_root"
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
