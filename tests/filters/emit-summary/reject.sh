# Rows that cannot be used are rejected with file:line and field; with -r
# they go to the rejects file and the status is 0; --stats accounts.
source "$CASE/lib.inc"
write_table m.csv
cp m.csv bad.csv
cat >>bad.csv <<'CSV'
2019-12,force,Testshire,asb
2019-13,force,Testshire,marker,CYBER,5,,
2019-12,county,Testshire,marker,CYBER,5,,
2019-12..2019-01,force,Testshire,ytd,asb:Anti-social behaviour,5,,
2019-12,force,Testshire,marker,CYBER,lots,,
2019-12,force,Testshire,recorded_crime,Total recorded crime,9999,564700,6.62
2019-12,force,Testshire,special_cause,marker:HATE,sometimes,,
2019-12,force,Testshire,variation,marker:HATE,concern,,
2019-12,force,Testshire,projection_check,marker:HATE,near,,
2019-12,force,Testshire,coverage,months,"2016-12..2019-12",,
CSV
n=$(lines m.csv)	# the 10 new rows are lines n+1 .. n+10
run 1 "$BIN/emit-summary" --stats bad.csv
has err "bad.csv:$((n + 1)): "
has err "bad.csv:$((n + 2)): field 'period': not a month"
has err "bad.csv:$((n + 3)): field 'area_type': not force, policing_area or district"
has err "bad.csv:$((n + 4)): field 'period': "
has err "bad.csv:$((n + 5)): field 'value': not a number"
# A repeated key: the first row is kept, the later one rejected.
has err "bad.csv:$((n + 6)): repeats the key of bad.csv:8"
# A verdict holds one of its words (docs/measures.md), a coverage row any
# text.
has err "bad.csv:$((n + 7)): field 'value': not a special cause"
has err "bad.csv:$((n + 8)): field 'value': not a variation"
has err "bad.csv:$((n + 9)): field 'value': not 'in line with', 'above' or 'below'"
hasnt err "bad.csv:$((n + 10))"
accounted err
# read: all n - 1 + 10 records; written: m.csv's n - 1 rows and the
# coverage row; rejected: the other 9 (the short one the reader's own).
eq "stats" "read $((n + 9)), written $n, rejected 9" "$(stats_of err)"
# The report still uses the first Total row.
has out "3,738 offences were recorded across Testshire in December."
hasnt out "CYBER"
has out "The input covers Dec 2016 – Dec 2019."

run 0 "$BIN/emit-summary" -r rej.csv bad.csv
eq "rejects rows" 10 "$(lines rej.csv)"
has rej.csv "reject_stage,reject_reason,source,record"
has rej.csv "emit-summary,"
has rej.csv "bad.csv:$((n + 2))"
