# Extra columns pass through byte for byte: quoted commas, an embedded
# newline, empty fields, doubled quotes, a CRLF-free unicode field.  The
# expected output is built by construction: each input line (the records
# are written so that the stage changes none of its fields) followed by
# the four added values worked out by hand.
#   R1 code 8, 2019-12-02 -> 2019-12-09: Action taken, community
#      resolution, 2019-12, 7 days.
#   R2 no code, text "Under investigation": pending.
# Run again on its own output, the stage replaces its four columns in
# place: same bytes.
source "$CASE/stream.inc"
printf '%s\n' "$HDR,notes,\"a,b\",empty,quote" >in.csv
printf '%s\n' "$(rec R1 2019-12-02 Shoplifting 8 2019-12-09 ""),\"one, two\",\"line1" >>in.csv
printf '%s\n' 'line2",,"say ""hi"""' >>in.csv
printf '%s\n' "$(rec R2 "" Shoplifting "" "" "Under investigation"),café,\"\",,\"\"\"\"" >>in.csv
{
	echo "$HDR,notes,\"a,b\",empty,quote,outcome_group,outcome_subgroup,outcome_month,days_to_outcome"
	printf '%s\n' "$(rec R1 2019-12-02 Shoplifting 8 2019-12-09 ""),\"one, two\",\"line1"
	printf '%s\n' 'line2",,"say ""hi""",Action taken,community resolution,2019-12,7'
	printf '%s\n' "$(rec R2 "" Shoplifting "" "" "Under investigation"),café,\"\",,\"\"\"\",pending,,,"
} >expect
run 0 "$BIN/compute-outcomes" --stats in.csv
same expect out
accounted err
cp out once
run 0 "$BIN/compute-outcomes" once
same expect out
# The stream reader agrees on the extra columns' values.
if [ -x "$BIN/csvparse" ]; then
	"$BIN/csvparse" in.csv | cut -f3 | sed 's/^\(\[[^]]*\]\)\{21\}//' >in.x
	"$BIN/csvparse" once | cut -f3 | sed 's/^\(\[[^]]*\]\)\{21\}//' | sed 's/\(\[[^]]*\]\)\{4\}$//' >out.x
	same in.x out.x
fi
