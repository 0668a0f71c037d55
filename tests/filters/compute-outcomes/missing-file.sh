# good, missing, good: both good files are processed (one header, four
# records), stderr names the missing one, exit 1.
source "$CASE/stream.inc"
{ echo "$HDR"; rec A 2019-12-02 Shoplifting 1 2019-12-03 ""; rec B 2019-12-02 Shoplifting "" "" ""; } >a.csv
{ echo "$HDR"; rec C 2019-12-02 Shoplifting 16 "" ""; rec D 2019-12-02 Shoplifting 18 2019-12-02 ""; } >c.csv
run 1 "$BIN/compute-outcomes" --stats a.csv missing.csv c.csv
has err "missing.csv"
eq "header lines" 1 "$(grep -c '^record_id,' out)"
cat >expect <<'EOF2'
A|Action taken|2019-12|1
B|pending||
C|No action taken||
D|Investigation complete – no suspect identified|2019-12|0
EOF2
pick out record_id outcome_group outcome_month days_to_outcome >got
same expect got
has err "read 4, written 4, rejected 0"
accounted err
