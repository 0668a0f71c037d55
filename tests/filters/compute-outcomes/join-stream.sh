# --outcomes also takes ingest-crime's outcome-update stream (canonical
# header; record_id = Crime ID, month = the update's month, outcome_text =
# the outcome; docs/stream.md), recognised by its header.
source "$CASE/stream.inc"
source "$CASE/outcomes.inc"
make_outcomes
make_crimes
# A hand-written update stream read after o1 and o2: C1 in 2019-04 is
# later than its 2019-03 caution, so "Suspect charged" (Action taken,
# charge/summons, month 2019-04) wins.  Its second record is a crime
# (crime_group set), not an update: a reject naming crime_group, line 3.
{
	echo "$HDR"
	echo "C1,o.csv:2,0,2019-04,,Warwickshire,,,,E01031234,Rugby 001A,Rugby,52.3,-1.5,,,,,,Suspect charged,"
	echo "C4,o.csv:3,1,2019-04,,Warwickshire,Shoplifting,,Shoplifting,,,,,,,,,,,Suspect charged,"
} >u.csv
run 0 "$BIN/compute-outcomes" -r rej.csv --stats --outcomes o1.csv --outcomes o2.csv --outcomes u.csv in.csv
join_expect | sed 's/^C1|.*/C1|Suspect charged|Action taken|charge\/summons|2019-04|/' >expect
pick out record_id outcome_text outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
has rej.csv "\"field 'crime_group': a crime record, not an outcome update\",u.csv:3,"
# The rejected update row counts as read and rejected: 6 + 1 = 7 read.
has err "read 7, written 6, rejected 1, unknown_texts 1, outcomes_loaded 4, outcomes_joined 3, outcomes_unmatched 1"
accounted err

# ingest-crime's own outcome-update stream of o1 and o2 gives the same
# join as the raw files.
# ingest-crime only makes the input here: prefer the plain build.
ingest=$ROOT/bin/ingest-crime
[ -x "$ingest" ] || ingest=$BIN/ingest-crime
[ -x "$ingest" ] || skip "no ingest-crime"
run 0 "$ingest" o1.csv o2.csv
mv out updates.csv
run 0 "$BIN/compute-outcomes" --stats --outcomes updates.csv in.csv
join_expect >expect
pick out record_id outcome_text outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
has err "$JOIN_STATS"
