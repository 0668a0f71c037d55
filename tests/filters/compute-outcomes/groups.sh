# --groups FILE replaces the reference table: the groups come from it,
# not from the code.  Here code 16 is put in a made-up group, and a text
# row is added; code 1 is absent, so '1' becomes a reject.  A table whose
# basis is neither code nor text is unusable: exit 1 before any output.
source "$CASE/stream.inc"
cat >g.csv <<'EOF2'
outcome,basis,outcome_group,outcome_subgroup,description
16,code,Made-up group,sub,test
Magic,text,Other,,test
EOF2
{
	echo "$HDR"
	rec A 2019-12-02 Shoplifting OC16 2019-12-03 ""
	rec B 2019-12-02 Shoplifting "" "" "Magic"
	rec C 2019-12-02 Shoplifting 1 2019-12-03 ""
	rec D 2019-12-02 Shoplifting Magic 2019-12-03 ""
} >in.csv
run 1 "$BIN/compute-outcomes" --groups g.csv in.csv
cat >expect <<'EOF2'
A|16|Made-up group|sub
B||Other|
EOF2
pick out record_id outcome_code outcome_group outcome_subgroup >got
same expect got
has err "s:C: field 'outcome_code': '1' is not a Home Office outcome code"
# A text row never stands for a code.
has err "s:D: field 'outcome_code': 'Magic' is not a Home Office outcome code"
printf 'outcome,basis,outcome_group,outcome_subgroup\n16,kode,X,\n' >bad.csv
run 1 "$BIN/compute-outcomes" --groups bad.csv in.csv
has err "basis 'kode'"
eq "no output" "" "$(cat out)"
