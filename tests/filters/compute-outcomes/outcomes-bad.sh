# Bad rows in an outcomes file are rejects naming their file and line:
# line 3 a month 2019-13, line 4 an empty Crime ID, line 5 one field too
# many, line 6 an empty Outcome type.  The good rows still load: C1
# (line 2) and C2 (line 7) = 2 Crime IDs, both joined.  The 4 rejected
# rows count in read and rejected (2 stream records + 4 = 6 read).
source "$CASE/stream.inc"
source "$CASE/outcomes.inc"
{
	echo "$OHDR"
	orow C1 2019-03 "Suspect charged"
	orow C2 2019-13 "Suspect charged"
	orow "" 2019-03 "Suspect charged"
	echo "C2,2019-03,W,W,,,,,,Suspect charged,extra"
	orow C2 2019-03 ""
	orow C2 2019-04 "Local resolution"
} >bad.csv
{
	echo "$HDR"
	rec C1 "" "Shoplifting" "" "" "Under investigation"
	rec C2 "" "Shoplifting" "" "" "Under investigation"
} >in.csv
cat >expect <<'EOF2'
C1|Suspect charged|Action taken|charge/summons|2019-03
C2|Local resolution|Action taken|community resolution|2019-04
EOF2
run 1 "$BIN/compute-outcomes" --stats --outcomes bad.csv in.csv
pick out record_id outcome_text outcome_group outcome_subgroup outcome_month >got
same expect got
has err "compute-outcomes: bad.csv:3: field 'Month': '2019-13' is not a valid month (YYYY-MM)"
has err "compute-outcomes: bad.csv:4: field 'Crime ID': an outcome update needs a Crime ID"
has err "compute-outcomes: bad.csv:5: "
has err "compute-outcomes: bad.csv:6: field 'Outcome type': an outcome update needs an outcome"
has err "read 6, written 2, rejected 4, unknown_texts 0, outcomes_loaded 2, outcomes_joined 2, outcomes_unmatched 0"
accounted err
run 0 "$BIN/compute-outcomes" -r rej.csv --outcomes bad.csv in.csv
eq "rejects rows" 5 "$(lines rej.csv)"
has rej.csv ",bad.csv:5,"
# A missing outcomes file is an error (exit 1) but the rest still runs.
run 1 "$BIN/compute-outcomes" --outcomes nowhere.csv --outcomes bad.csv -r rej2.csv in.csv
has err "nowhere.csv"
pick out record_id outcome_text outcome_group outcome_subgroup outcome_month >got
same expect got
# A file that is neither kind is an error naming it.
printf 'a,b\n1,2\n' >other.csv
run 1 "$BIN/compute-outcomes" --outcomes other.csv in.csv
has err "other.csv:1: not a data.police.uk outcomes file"
