# The C unit tests (tests/unit/c/test_*.c, built by make into
# $BIN/unit/): table-driven cases for common/'s pure modules.  Each binary
# prints "name: N checks, N failed" and exits 1 on any failure; this case
# fails when one fails, or when a test source has no binary (not listed in
# the Makefile's UNITS).
n=0
for src in "$ROOT"/tests/unit/c/test_*.c; do
	name=$(basename "$src" .c)
	[ -x "$BIN/unit/$name" ] || fail "$BIN/unit/$name not built (add $name to UNITS in the Makefile)"
	run 0 "$BIN/unit/$name"
	cat out
	grep -q ' checks, 0 failed$' out || fail "$name: $(cat out)"
	n=$((n + 1))
done
[ "$n" -ge 6 ] || fail "only $n unit tests found"
