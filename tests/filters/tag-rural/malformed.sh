# A malformed record (a field too few; a quote inside an unquoted field)
# is rejected, never tagged: the message names file, line and reason, the
# good records are written, and the status is 1; with -r the rejects file
# takes them and the status is 0.  read = written + rejected.
source "$CASE/stream.bash"
{
	echo "$HDR"
	row g1 E01031125
	echo "short,record"
	row g2 E01031147
	row 'g"3' E01031147
} >in.csv
run 1 "$BIN/tag-rural" --stats in.csv
has err "tag-rural: in.csv:3:"
has err "tag-rural: in.csv:5:"
has err "read 4, written 2, rejected 2, unknown_geography 0"
accounted err
tagged out >got
printf 'g1 C1 N \ng2 E1 Y \n' >want
same want got
run 0 "$BIN/tag-rural" --stats -r rej.csv in.csv
accounted err
has err "read 4, written 2, rejected 2"
eq "rejects header" "reject_stage,reject_reason,source,record" "$(head -n 1 rej.csv)"
has rej.csv "tag-rural,"
has rej.csv 'in.csv:3,"short,record"'
has rej.csv "in.csv:5,"
eq "rejects rows" 2 "$(grep -c "^tag-rural," rej.csv)"
tagged out >got
same want got
