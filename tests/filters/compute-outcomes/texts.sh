# police.uk outcome texts (no outcome_code) map through the basis=text
# rows of the outcome-group table, crimepipe's approximation
# (DEFINITIONS.md 2.4).  Expected groups, from the rules written in
# reference/README.md (outcome-groups.csv) and DEFINITIONS.md 2.4:
#   Under investigation -> pending; Status update unavailable -> unknown;
#   Offender given penalty notice (CSV spelling) and Offender given a
#   penalty notice (API spelling) -> Action taken / penalty notice;
#   Local resolution -> Action taken / community resolution;
#   Investigation complete; no suspect identified -> Investigation
#   complete – no suspect identified;  Unable to prosecute suspect -> No
#   action taken;  Offender given a caution -> Action taken / caution.
#   "Sent to the moon" twice and "Teleported" once are in no table row:
#   'unknown', empty subgroup, 3 records counted as unknown_texts, and
#   one warning per distinct text (2 warnings), naming the first line.
# police.uk has no dates: outcome_month and days are empty.
source "$CASE/stream.inc"
{
	echo "$HDR"
	rec P1 "" "Shoplifting" "" "" "Under investigation"
	rec P2 "" "Shoplifting" "" "" "Status update unavailable"
	rec P3 "" "Public order offences" "" "" "Offender given penalty notice"
	rec P4 "" "Public order offences" "" "" "Offender given a penalty notice"
	rec P5 "" "Shoplifting" "" "" "Local resolution"
	rec P6 "" "Shoplifting" "" "" "Investigation complete; no suspect identified"
	rec P7 "" "Shoplifting" "" "" "Unable to prosecute suspect"
	rec P8 "" "Shoplifting" "" "" "Offender given a caution"
	rec P9 "" "Shoplifting" "" "" "Sent to the moon"
	rec P10 "" "Shoplifting" "" "" "Teleported"
	rec P11 "" "Shoplifting" "" "" "Sent to the moon"
} >in.csv
cat >expect <<'EOF2'
P1|pending|||
P2|unknown|||
P3|Action taken|penalty notice||
P4|Action taken|penalty notice||
P5|Action taken|community resolution||
P6|Investigation complete – no suspect identified|||
P7|No action taken|||
P8|Action taken|caution||
P9|unknown|||
P10|unknown|||
P11|unknown|||
EOF2
run 0 "$BIN/compute-outcomes" --stats in.csv
pick out record_id outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
has err "s:P9: warning: field 'outcome_text': 'Sent to the moon' is not in the outcome-group table"
has err "s:P10: warning: field 'outcome_text': 'Teleported' is not in the outcome-group table"
eq "warnings" 2 "$(grep -c 'warning:' err)"
has err "read 11, written 11, rejected 0, unknown_texts 3,"
accounted err
# The texts themselves are not changed.
eq "outcome_text kept" "$(pick in.csv outcome_text)" "$(pick out outcome_text)"
