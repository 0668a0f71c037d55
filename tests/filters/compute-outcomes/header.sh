# Every input must have the first one's header: a file with another
# header is an error naming it, exit 1, and is skipped; the files around
# it are processed.  A stream lacking a column the stage needs
# (outcome_code) is an error naming the column.
source "$CASE/stream.inc"
{ echo "$HDR"; rec A 2019-12-02 Shoplifting 1 2019-12-03 ""; } >a.csv
{ echo "$HDR,extra"; echo "$(rec B 2019-12-02 Shoplifting 1 2019-12-03 ""),x"; } >b.csv
{ echo "$HDR"; rec C 2019-12-02 Shoplifting 2 2019-12-03 ""; } >c.csv
run 1 "$BIN/compute-outcomes" a.csv b.csv c.csv
has err "b.csv:1: header differs from that of a.csv"
eq "records" "A|C" "$(pick out record_id | tr '\n' '|' | sed 's/|$//')"
# Without outcome_code the stage cannot work.
sed 's/outcome_code/code/' a.csv >nocode.csv
run 1 "$BIN/compute-outcomes" nocode.csv
has err "nocode.csv:1: no column 'outcome_code'"
eq "no output" "" "$(cat out)"
