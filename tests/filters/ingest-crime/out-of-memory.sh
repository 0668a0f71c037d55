# When memory runs out, stdout ends with the last whole record written
# before it, never mid-record (issue 8, defect 10: after "out of memory"
# the buffered records were lost and stdout ended mid-record).  Memory is
# limited with ulimit -v; the limit at which the crime-id set outgrows it
# depends on the machine's libraries (libarchive's share of the address
# space differs by some tens of MB between machines), so the case finds
# the least limit a whole run fits in (halving the gap) and then tries
# limits a little below it, where the run fails part way.  The sanitizer
# build reserves far more address space than any such limit.
source "$CASE/lib.inc"
[ "${SANITIZE:-}" != 1 ] || skip "ulimit -v cannot be used under ASan"
"$BIN/gen-extract" --lsoa "$ROOT/reference/lsoa11.csv" --records 300000 >m.csv || fail "gen-extract failed"
run 0 "$BIN/ingest-crime" m.csv
mv out full.csv
# limited KIB: the run's status (its output in out, messages in err).
limited() {
	( ulimit -v "$1"; exec "$BIN/ingest-crime" m.csv ) >out 2>err
}
lo=10000 hi=1000000
limited $hi || skip "ingest-crime does not run in $hi KiB of address space"
while [ $((hi - lo)) -gt 500 ]; do
	mid=$(((lo + hi) / 2))
	if limited $mid; then hi=$mid; else lo=$mid; fi
done
found=
for step in 1 2 3 4 6 8 12 16; do
	limit=$((hi - step * 500))
	limited $limit
	rc=$?
	if [ $rc -eq 1 ] && grep -q 'out of memory' err && [ "$(lines out)" -gt 1 ]; then
		found=$limit
		break
	fi
done
[ -n "$found" ] || skip "no memory limit gave 'out of memory' part way through"
eq "last byte" '\n' "$(tail -c 1 out | od -An -c | tr -d ' ')"
# What was written is exactly the start of a full run's output.
cmp -s out <(head -c "$(wc -c <out)" full.csv) || fail "the output is not a prefix of the full output"
"$BIN/csvparse" out >/dev/null 2>perr || fail "the output does not parse: $(head -3 perr)"
[ ! -s perr ] || fail "rejects in the output: $(head -3 perr)"
