# Every input kept under tests/fuzz/regressions/<target>/ (the reproducers
# of the fuzzing issue and of every defect the harness found) through the
# normally built binaries, no clang needed:
#   - the fuzz target's own checks (tests/fuzz/<target>.c linked with a
#     plain main, tests/fuzz/replay.c, by $CC against this build's
#     libcommon.a, with ASan+UBSan under SANITIZE=1);
#   - tools/csvparse on each reader path (default, --libcsv,
#     --libcsv-exact): exit 0 or 1, no sanitizer report, the same dump and
#     messages on all three;
#   - ingest-crime --stats -r: exit 0 or 1, read = written + rejected.
# Lines of tests/fuzz/regressions/known-defects name reproducers of
# defects not fixed yet: their failures are reported, not failed on.
regs=$ROOT/tests/fuzz/regressions
known=$regs/known-defects
if [ "${SANITIZE:-}" = 1 ]; then
	lib=$ROOT/build/san/libcommon.a
	san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
else
	lib=$ROOT/build/opt/libcommon.a
	san=
fi
[ -f "$lib" ] || fail "no $lib: run this through make check"
libs=$(pkg-config --libs libarchive zlib 2>/dev/null || echo -larchive -lz)
for t in reader input; do
	# shellcheck disable=SC2086
	${CC:-cc} -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
		-D_DEFAULT_SOURCE -O1 -g $san -o "replay-$t" \
		"$ROOT/tests/fuzz/replay.c" "$ROOT/tests/fuzz/$t.c" \
		"$ROOT/tests/fuzz/harness.c" "$lib" -lcsv $libs -lm ||
		fail "cannot build the $t replay"
done

kind_of() {
	awk -v f="$1" '$1 == f { print $2 }' "$known"
}

# check NAME WHAT CMD...: CMD's exit status must be 0 or 1 and its
# stderr free of sanitizer reports.
check() {
	local name=$1 what=$2 rc
	shift 2
	"$@" >out 2>err
	rc=$?
	if [ $rc -gt 1 ] || grep -q 'runtime error\|Sanitizer' err; then
		echo "$name: $what: exit $rc" >&2
		grep -v '^    #' err | head -n 20 >&2
		return 1
	fi
}

bad=0 ran=0 knownbad=0
for f in "$regs"/reader/* "$regs"/input/*; do
	t=$(basename "$(dirname "$f")")
	name=$t/$(basename "$f")
	kind=$(kind_of "$name")
	if [ "$kind" = slow ] && [ "${SANITIZE:-}" = 1 ]; then
		echo "skipped under SANITIZE=1 (known slow): $name"
		continue
	fi
	ok=1
	if ! ./replay-"$t" "$f" >replay.out 2>replay.err; then
		echo "$name: the $t target's checks fail:" >&2
		grep -v '^    #' replay.err | grep -v '^fuzz-[a-z]*: /proc/self/fd/' | tail -n 5 >&2
		ok=0
	fi
	for m in "" --libcsv --libcsv-exact; do
		check "$name" "csvparse $m" "$BIN/csvparse" $m "$f" || ok=0
		mv out "dump$m"
		mv err "msgs$m"
	done
	for m in --libcsv --libcsv-exact; do
		cmp -s dump "dump$m" || { echo "$name: csvparse $m gives other records" >&2; ok=0; }
		cmp -s msgs "msgs$m" || { echo "$name: csvparse $m gives other rejects" >&2; ok=0; }
	done
	rm -f rej.csv
	if check "$name" ingest-crime "$BIN/ingest-crime" --stats -r rej.csv "$f"; then
		if [ -n "$(stats_of err)" ]; then
			(accounted err) || ok=0
		fi
	else
		ok=0
	fi
	ran=$((ran + 1))
	if [ -n "$kind" ] && [ "$kind" != slow ]; then
		if [ $ok = 1 ]; then
			echo "fixed? $name passes: remove it from $known"
		else
			echo "known defect, not fixed yet: $name"
			knownbad=$((knownbad + 1))
		fi
	elif [ $ok = 0 ]; then
		bad=$((bad + 1))
	fi
done
[ $ran -ge 8 ] || fail "only $ran regression inputs found"
[ $bad -eq 0 ] || fail "$bad regression inputs fail (above)"
echo "$ran regression inputs checked, $knownbad known defects still present"
