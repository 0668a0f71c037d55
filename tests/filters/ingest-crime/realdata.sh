# Real data.police.uk street files ($SHARED/realdata/police): every row is
# accounted for, and the output agrees with awk over the raw file (the
# files hold no quote characters, so awk -F, splits them exactly; the
# output is read with csvparse, as a district may hold a comma).
source "$CASE/lib.inc"
dir=$SHARED/realdata/police
[ -d "$dir" ] || skip "no $dir"
lookup=$SHARED/realdata/ons/Lower_Layer_Super_Output_Area_2011_to_Ward_2017_Lookup_in_England_and_Wales.csv
[ -f "$lookup" ] || skip "no $lookup"
lad_map "$lookup" LSOA11CD LAD17NM >lad.tsv
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

	# Row by row: month, LSOA code and name, district (the LSOA code's
	# LAD17NM in the ONS lookup: DEFINITIONS.md 1.1), crime type, and
	# the file:line source.  Districts may hold a comma ("Herefordshire,
	# County of"): the output is read with csvparse, not split on commas.
	awk -F, -v p="$f" 'FILENAME == "lad.tsv" { split($0, kv, "\t"); lad[kv[1]] = kv[2]; next }
		FNR > 1 { d = ($8 in lad) ? lad[$8] : ""; gsub(/"/, "", d)
		print p ":" FNR "|" $2 "|" $8 "|" $9 "|" d "|" $10 }' lad.tsv "$f" >want_rows
	tsv out | awk -F'\t' '{ print $2 "|" $4 "|" $10 "|" $11 "|" $12 "|" $7 }' >got_rows
	same want_rows got_rows

	# Out-of-force LSOAs are kept (DEFINITIONS.md 3: unplaced, never
	# dropped): rows in Birmingham, Coventry, Tamworth, Daventry.
	want_oof=$(awk -F, 'NR > 1 && $9 ~ /^(Birmingham|Coventry|Tamworth|Daventry) /' "$f" | wc -l)
	got_oof=$(tsv out | awk -F'\t' '$12 ~ /^(Birmingham|Coventry|Tamworth|Daventry)$/' | wc -l)
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
