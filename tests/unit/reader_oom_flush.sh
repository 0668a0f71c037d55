# issue 8 item 10: after "out of memory" the records already complete are
# on stdout, and no partial record is left.  The address space is capped
# (ulimit -v) so that buffering one huge record runs out of memory; the
# 20,000 good records before it must all be there, each whole.  Before
# the fix the last 256 KiB write buffer was lost and stdout ended
# mid-record.
[ "${SANITIZE:-}" = 1 ] && skip "ASan reserves more address space than the cap allows"
awk 'BEGIN { print "lsoa_code,x"; for (i = 1; i <= 20000; i++) printf "E01031125,record-%05d-padding-padding-padding\n", i }' >good.csv
cat >gen.sh <<'G'
cat good.csv
printf 'E01031125,'
head -c 1610612736 /dev/zero | tr '\0' 'x'
printf '\n'
G
(
	ulimit -v 1048576
	bash gen.sh | "$BIN/tag-rural" --max-record 4G >out.csv 2>err
	echo "${PIPESTATUS[1]}" >status
)
eq "exit status" 1 "$(cat status)"
has err "out of memory"
# The header and every good record, whole: the last byte a newline.
eq "lines" 20001 "$(lines out.csv)"
eq "last record" "E01031125,record-20000-padding-padding-padding,C1,N," "$(tail -n 1 out.csv)"
eq "last byte" "0a" "$(tail -c 1 out.csv | od -An -tx1 | tr -d ' ')"
