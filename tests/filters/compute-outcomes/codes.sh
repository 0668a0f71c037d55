# Every Home Office outcome code gets the group and action-taken subgroup
# of DEFINITIONS.md 2.4, typed out here from its table (not from the
# reference file):
#   Action taken: 1, 1A, 2, 2A, 3, 3A, 4, 6, 7, 8
#     charge/summons 1, 1A; caution 2, 2A, 3, 3A; taken into consideration
#     4; penalty notice 6; cannabis/khat warning 7; community resolution 8
#   No action taken: 5, 9, 10, 11, 12, 13, 15, 16, 17 (no subgroup)
#   Investigation complete – no suspect identified: 14, 18
#   Other: 20, 21, 22;   19 (NFIB fraud): not grouped
# Recorded 2019-12-02, outcome 2019-12-20: outcome_month 2019-12, and
# 20 - 2 = 18 days to outcome on every row.
source "$CASE/stream.inc"
{
	echo "$HDR"
	for c in 1 1A 2 2A 3 3A 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22; do
		rec "R$c" 2019-12-02 "Violence with injury" "$c" 2019-12-20 ""
	done
} >in.csv
cat >expect <<'EOF2'
1|Action taken|charge/summons|2019-12|18
1A|Action taken|charge/summons|2019-12|18
2|Action taken|caution|2019-12|18
2A|Action taken|caution|2019-12|18
3|Action taken|caution|2019-12|18
3A|Action taken|caution|2019-12|18
4|Action taken|taken into consideration|2019-12|18
5|No action taken||2019-12|18
6|Action taken|penalty notice|2019-12|18
7|Action taken|cannabis/khat warning|2019-12|18
8|Action taken|community resolution|2019-12|18
9|No action taken||2019-12|18
10|No action taken||2019-12|18
11|No action taken||2019-12|18
12|No action taken||2019-12|18
13|No action taken||2019-12|18
14|Investigation complete – no suspect identified||2019-12|18
15|No action taken||2019-12|18
16|No action taken||2019-12|18
17|No action taken||2019-12|18
18|Investigation complete – no suspect identified||2019-12|18
19|not grouped||2019-12|18
20|Other||2019-12|18
21|Other||2019-12|18
22|Other||2019-12|18
EOF2
run 0 "$BIN/compute-outcomes" --stats in.csv
pick out outcome_code outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
# The four columns come last, in this order.
eq header "$HDR,outcome_group,outcome_subgroup,outcome_month,days_to_outcome" "$(head -n 1 out)"
# No code changed, so every input line is a prefix of its output line.
awk -F, 'NR > 1 { print }' in.csv >in.body
awk 'NR > 1' out | sed 's/,[^,]*,[^,]*,[^,]*,[^,]*$//' >out.body
same in.body out.body
accounted err
has err "read 25, written 25, rejected 0, unknown_texts 0, outcomes_loaded 0, outcomes_joined 0, outcomes_unmatched 0"
