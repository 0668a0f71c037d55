# --outcomes joins the latest police.uk outcome update of each crime on
# its Crime ID (DEFINITIONS.md 1.2, 2.4); see outcomes.inc for the
# hand-worked updates and the expected result.
source "$CASE/stream.inc"
source "$CASE/outcomes.inc"
make_outcomes
make_crimes
run 0 "$BIN/compute-outcomes" --stats --outcomes o1.csv --outcomes o2.csv in.csv
join_expect >expect
pick out record_id outcome_text outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
has err "$JOIN_STATS"
has err "s:C3: warning: field 'outcome_text': 'Teleported' is not in the outcome-group table"
accounted err
# outcome_text is rewritten in place: every other field is unchanged.
cut -d, -f1-19,21 in.csv >in.rest
cut -d, -f1-19,21 out >out.rest
tail -n +2 in.rest >a; tail -n +2 out.rest >b
same a b

# Given the other way round, o2's rows come first: C2's last update of
# 2019-05 is now o1's "Suspect charged" (charge/summons).
run 0 "$BIN/compute-outcomes" --outcomes o2.csv --outcomes o1.csv in.csv
eq "C2, files reversed" "C2|Suspect charged|Action taken|charge/summons|2019-05" \
    "$(pick out record_id outcome_text outcome_group outcome_subgroup outcome_month | sed -n 3p)"

# A blank outcome_code (' ') is cleared to empty, and the same record's
# outcome_text is rewritten by C1's update: two fields changed in place,
# the rest (extra column with a quoted comma) untouched.
{
	echo "$HDR,note"
	echo "C1,s:C1,1,2019-01,,Warwickshire,,,Shoplifting,,,Rugby,,,,,, ,,Under investigation,,\"a,b\""
} >blank.csv
run 0 "$BIN/compute-outcomes" --outcomes o1.csv blank.csv
eq "two rewrites" 'C1,s:C1,1,2019-01,,Warwickshire,,,Shoplifting,,,Rugby,,,,,,,,Offender given a caution,,"a,b",Action taken,caution,2019-03,' "$(tail -n 1 out)"
