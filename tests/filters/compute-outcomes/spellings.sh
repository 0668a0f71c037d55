# outcome_code is normalised in place (DEFINITIONS.md 2.4): surrounding
# blanks and an "OC" prefix in any case go, letters are upper-cased:
#   OC16 -> 16, oc16 -> 16, ' 16 ' -> 16, 1a -> 1A, Oc3a -> 3A.
# A code already normal ("16", and a quoted "16") keeps its exact bytes.
# After normalising, '23' and 'OC99' are not codes of the framework:
# rejects naming the code as given, field 'outcome_code'.
source "$CASE/stream.inc"
{
	echo "$HDR"
	rec A 2019-12-02 "Violence with injury" OC16 2019-12-03 ""
	rec B 2019-12-02 "Violence with injury" oc16 2019-12-03 ""
	rec C 2019-12-02 "Violence with injury" " 16 " 2019-12-03 ""
	rec D 2019-12-02 "Violence with injury" 1a 2019-12-03 ""
	rec E 2019-12-02 "Violence with injury" Oc3a 2019-12-03 ""
	rec F 2019-12-02 "Violence with injury" 16 2019-12-03 ""
	rec G 2019-12-02 "Violence with injury" 23 2019-12-03 ""
	rec H 2019-12-02 "Violence with injury" OC99 2019-12-03 ""
	echo 'I,s:I,1,2019-12,2019-12-02,Warwickshire,,,Violence with injury,,,Rugby,,,,,,"16",2019-12-03,,'
} >in.csv
run 1 "$BIN/compute-outcomes" --stats in.csv
cat >expect <<'EOF2'
A|16|No action taken|
B|16|No action taken|
C|16|No action taken|
D|1A|Action taken|charge/summons
E|3A|Action taken|caution
F|16|No action taken|
EOF2
head -n 7 out >good
pick good record_id outcome_code outcome_group outcome_subgroup >got
same expect got
# The quoted "16" is already normal: its bytes (quotes kept) pass through.
eq "quoted code" 'I,s:I,1,2019-12,2019-12-02,Warwickshire,,,Violence with injury,,,Rugby,,,,,,"16",2019-12-03,,,No action taken,,2019-12,1' "$(tail -n 1 out)"
eq "records written" 8 "$(lines out)"
# (issue 9: the message cites the record's own source, s:G, not its
# line in the stream, which follows in brackets)
has err "compute-outcomes: s:G: field 'outcome_code': '23' is not a Home Office outcome code (DEFINITIONS.md 2.4) (stream in.csv:8)"
has err "compute-outcomes: s:H: field 'outcome_code': 'OC99' is not a Home Office outcome code"
has err "read 9, written 7, rejected 2"
accounted err

# With -r the rejects go to the file, and the run exits 0.
run 0 "$BIN/compute-outcomes" -r rej.csv --stats in.csv
eq "rejects rows" 3 "$(lines rej.csv)"
eq "rejects header" "reject_stage,reject_reason,source,record" "$(head -n 1 rej.csv)"
has rej.csv "compute-outcomes,field 'outcome_code': '23' is not a Home Office outcome code (DEFINITIONS.md 2.4) (stream in.csv:8),s:G,"
has rej.csv "field 'outcome_code': 'OC99' is not a Home Office outcome code (DEFINITIONS.md 2.4) (stream in.csv:9),s:H,"
hasnt err "is not a Home Office"
accounted err
