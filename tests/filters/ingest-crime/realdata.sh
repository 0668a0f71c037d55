# Real data.police.uk street files ($SHARED/realdata/police): every row is
# accounted for, and the output agrees with awk over the raw file (the
# files hold no quote characters, so awk -F, splits them exactly; the
# output of such rows holds none either).
source "$CASE/lib.inc"
dir=$SHARED/realdata/police
[ -d "$dir" ] || skip "no $dir"
n=0
for f in "$dir"/*.csv; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	if grep -q '"' "$f"; then fail "$f holds quotes: the awk checks below assume none"; fi
	name=$(basename "$f")
	run 0 "$BIN/ingest-crime" --stats "$f"
	rows=$(awk 'END { print NR - 1 }' "$f")
	eq "$name stats" "read $rows, written $rows, rejected 0" "$(stats_of err)"
	eq "$name output lines" $((rows + 1)) "$(lines out)"

	# Counts by Crime type.
	awk -F, 'NR > 1 { print $10 }' "$f" | sort | uniq -c >want_types
	csvcol out crime_type | sort | uniq -c >got_types
	same want_types got_types

	# Sum of crime_count = non-ASB rows minus the non-ASB rows whose
	# (force, Crime ID) was seen before (DEFINITIONS.md 1.1, 2.2).
	want_sum=$(awk -F, 'NR > 1 && $10 != "Anti-social behaviour" {
		rows++
		if ($1 != "" && seen[$4 SUBSEP $1]++) rep++
	} END { print rows - rep }' "$f")
	eq "$name sum of crime_count" "$want_sum" "$(csvcol out crime_count | awk '{ s += $1 } END { print s + 0 }')"

	# Row by row: month, LSOA code and name, district (LSOA name less
	# its last word), crime type, and the file:line source.
	awk -F, -v p="$f" 'NR > 1 { d = $9; sub(/ [^ ]*$/, "", d); if ($9 == "") d = ""
		print p ":" NR, $2, $8, $9, d, $10 }' OFS=, "$f" >want_rows
	awk -F, 'NR > 1 { print $2, $4, $10, $11, $12, $7 }' OFS=, out >got_rows
	same want_rows got_rows

	# Out-of-force LSOAs are kept (DEFINITIONS.md 3: unplaced, never
	# dropped): rows in Birmingham, Coventry, Tamworth, Daventry.
	want_oof=$(awk -F, 'NR > 1 && $9 ~ /^(Birmingham|Coventry|Tamworth|Daventry) /' "$f" | wc -l)
	got_oof=$(awk -F, 'NR > 1 && $12 ~ /^(Birmingham|Coventry|Tamworth|Daventry)$/' out | wc -l)
	eq "$name out-of-force rows" "$want_oof" "$got_oof"
done
[ $n -gt 0 ] || skip "no files in $dir"
# The West Mercia 2019-02 file is known to repeat one Crime ID: the
# warning is given once.
f=$dir/2019-02-west-mercia-street.csv
if [ -e "$f" ]; then
	run 0 "$BIN/ingest-crime" "$f"
	eq "repeated-id warnings" 1 "$(grep -c "field 'Crime ID'" err)"
fi
