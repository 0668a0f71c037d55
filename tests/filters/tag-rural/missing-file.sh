# good, missing, good: both good files are tagged (one header), stderr
# names the missing one, and the status is 1.  A file whose header differs
# from the first's is skipped with a message naming it, status 1.
source "$CASE/stream.bash"
{ echo "$HDR"; row a E01031125; } >a.csv
{ echo "$HDR"; row b E01031147; } >b.csv
run 1 "$BIN/tag-rural" --stats a.csv nosuch.csv b.csv
has err "nosuch.csv"
has err "read 2, written 2, rejected 0"
tagged out >got
printf 'a C1 N \nb E1 Y \n' >want
same want got
eq "header lines" 1 "$(grep -c '^record_id,' out)"
printf 'lsoa_code,other\nE01031148,x\n' >c.csv
run 1 "$BIN/tag-rural" a.csv c.csv b.csv
has err "tag-rural: c.csv:1: header differs from that of a.csv; input skipped"
tagged out >got
same want got
hasnt out "E01031148"
