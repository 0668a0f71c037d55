# A malformed record (one field short) is rejected by the stream reader
# with its file and line; the good records around it are written.  No -r:
# message on stderr, exit 1.  With -r: a rejects row, exit 0.
source "$CASE/stream.inc"
{
	echo "$HDR"
	rec A 2019-12-02 "Shoplifting" 1 2019-12-03 ""
	echo "B,s:B,1,2019-12,2019-12-02,Warwickshire"
	rec C 2019-12-02 "Shoplifting" 8 2019-12-04 ""
} >in.csv
run 1 "$BIN/compute-outcomes" --stats in.csv
has err "compute-outcomes: in.csv:3: "
eq "A and C written" "A|1|C|2" "$(pick out record_id days_to_outcome | tr '\n' '|' | sed 's/|$//')"
has err "read 3, written 2, rejected 1"
accounted err
run 0 "$BIN/compute-outcomes" -r rej.csv --stats in.csv
eq "rejects rows" 2 "$(lines rej.csv)"
has rej.csv ',in.csv:3,"B,s:B,1,2019-12,2019-12-02,Warwickshire"'
hasnt err "in.csv:3"
accounted err
