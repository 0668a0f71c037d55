# Several inputs: a missing file between two good ones (both used, exit
# 1); a file with another header (skipped, exit 1); stdin as '-'.
source "$CASE/lib.inc"
write_table m.csv
write_other o.csv
run 1 "$BIN/emit-summary" m.csv missing.csv o.csv
has err "missing.csv"
has out "3,738 offences were recorded across Testshire in December."
has out "Victim satisfaction: Whole experience was 75 in December."

printf 'a,b,c\n1,2,3\n' >wrong.csv
run 1 "$BIN/emit-summary" m.csv wrong.csv
has err "wrong.csv:1: not a table of measures"
has out "3,738 offences were recorded across"

run 0 "$BIN/emit-summary" - o.csv <m.csv
has out "3,738 offences were recorded across Testshire in December."
run 2 "$BIN/emit-summary" - - <m.csv

# Nothing to report: exit 1 with a message.
echo "$LONG_HDR" >empty.csv
run 1 "$BIN/emit-summary" empty.csv
has err "no measures to report"
