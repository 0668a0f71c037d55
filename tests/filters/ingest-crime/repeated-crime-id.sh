# A repeated police.uk Crime ID (DEFINITIONS.md 1.1, docs/stream.md
# "Decision - repeated ids"): the later row is kept with crime_count 0 and
# a warning naming the first row's file:line; ids are keyed by force and
# id across every input of the run; warnings do not change the counts.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
M='West Mercia Police,West Mercia Police'
cat >a.csv <<EOF2
$STREET_HDR
aaa,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,,
bbb,2019-01,$W,-1.5,52.3,On or near B,E01031234,Warwick 010A,Drugs,,
aaa,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,,
EOF2
cat >b.csv <<EOF2
$STREET_HDR
ccc,2019-02,$W,-1.5,52.3,On or near C,E01031234,Warwick 010A,Shoplifting,,
bbb,2019-02,$W,-1.5,52.3,On or near B,E01031234,Warwick 010A,Drugs,,
bbb,2019-02,$M,-2.2,52.2,On or near D,E01032000,Worcester 001A,Drugs,,
EOF2
# a.csv:2 aaa 1; a.csv:3 bbb 1; a.csv:4 aaa again -> 0, names a.csv:2;
# b.csv:2 ccc 1; b.csv:3 bbb again (same force) -> 0, names a.csv:3;
# b.csv:4 bbb in West Mercia: another force's crime -> 1.
run 0 "$BIN/ingest-crime" --stats a.csv b.csv
eq stats "read 6, written 6, rejected 0" "$(stats_of err)"
printf '%s\n' aaa,1 bbb,1 aaa,0 ccc,1 bbb,0 bbb,1 >want
awk -F, 'NR > 1 { print $1 "," $3 }' out >got
same want got
grep "a\.csv:4:" err | grep -qF "field 'Crime ID'" || fail "no Crime ID warning for a.csv:4"
grep "b\.csv:3:" err | grep -qF "field 'Crime ID'" || fail "no Crime ID warning for b.csv:3"
grep "a\.csv:4:" err | grep -qF "a.csv:2" || fail "warning for a.csv:4 does not name a.csv:2"
grep "b\.csv:3:" err | grep -qF "a.csv:3" || fail "warning for b.csv:3 does not name a.csv:3"
hasnt err "b.csv:4"
