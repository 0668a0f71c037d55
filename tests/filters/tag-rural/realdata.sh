# Real data.police.uk street files (../shared/realdata/police): every row
# is accounted for, and the '?' rows are exactly the rows with an empty
# 'LSOA code' (PROVENANCE.md: every LSOA in these files is in the table;
# the files hold no quotes, so awk -F, reads them; the stream may hold
# quoted districts, "Herefordshire, County of", so it is read with colq).
dir=$SHARED/realdata/police
[ -d "$dir" ] || skip "no $dir"
n=0
for f in "$dir"/*-street.csv; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	base=$(basename "$f")
	run 0 "$BIN/ingest-crime" "$f"
	mv out stream.csv
	run 0 "$BIN/tag-rural" --stats stream.csv
	accounted err
	rows=$(($(lines "$f") - 1))
	empty=$(awk -F, 'NR > 1 && $8 == "" { n++ } END { print n + 0 }' "$f")
	has err "read $rows, written $rows, rejected 0, unknown_geography $empty"
	eq "$base: records out" "$rows" $(($(lines out) - 1))
	eq "$base: ? rows" "$empty" "$(colq out rural | grep -c '^?$')"
	eq "$base: Y+N rows" $((rows - empty)) "$(colq out rural | grep -c '^[YN]$')"
	# No theme columns in police.uk streams, and markers are empty.
	eq "$base: themes" 0 "$(colq out rural_theme | grep -c .)"
done
[ "$n" -gt 0 ] || skip "no street files in $dir"
