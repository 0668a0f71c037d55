# Anti-social behaviour has no outcomes (DEFINITIONS.md 2.2, 2.4): all
# four added columns are empty, whatever its outcome_text says, and its
# fields pass through untouched.  The crime next to it, with the same
# text, is 'pending' (basis=text row "Under investigation").
source "$CASE/stream.inc"
{
	echo "$HDR"
	rec in.csv:2 "" "Anti-social behaviour" "" "" ""
	rec in.csv:3 "" "Anti-social behaviour" "" "" "Under investigation"
	rec X1 "" "Shoplifting" "" "" "Under investigation"
} >in.csv
cat >expect <<'EOF2'
in.csv:2||||
in.csv:3||||
X1|pending|||
EOF2
run 0 "$BIN/compute-outcomes" --stats in.csv
pick out record_id outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
eq "ASB row" "$(sed -n 2p in.csv),,,," "$(sed -n 2p out)"
accounted err
